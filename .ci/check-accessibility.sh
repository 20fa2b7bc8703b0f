#!/usr/bin/env bash
# Accessibility and archiving (issue 20), with the checkers the issue names:
#   - PDF: every sample, every corpus text, the reference interview, the
#     right-to-left fixtures and a book, made with --pdf-standard ua-1,a-2a,
#     through `outloud --fail-on warning` and `pdfua check` (PyPI); qpdf
#     checks the file; the default PDF (no standard asked) is `Tagged: yes`
#     to pdfinfo.
#   - EPUB: the same inputs and a book through DAISY Ace (npm, run with
#     Debian's Chromium through puppeteer, as the plain `ace` needs
#     Electron): no violation.
# Installs what is missing from Debian, PyPI and npm; fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

need=()
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v npm >/dev/null 2>&1 || need+=(npm)
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
[ -e /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if ((${#need[@]})); then
  echo "-- installing ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
pip_install() {
  python3 -m pip install --quiet --disable-pip-version-check "$@" \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "$@"
}
command -v outloud >/dev/null 2>&1 || { echo "-- installing outloud"; pip_install outloud; }
command -v pdfua >/dev/null 2>&1 || { echo "-- installing pdfua"; pip_install pdfua; }
ace_js="$(npm root -g)/@daisy/ace/bin/ace-puppeteer.js"
if [ ! -f "$ace_js" ]; then
  echo "-- installing DAISY Ace"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install -g --silent @daisy/ace >/dev/null
fi
[ -f "$ace_js" ] || { echo "check-accessibility: Ace is not installed at $ace_js" >&2; exit 1; }

cargo build --quiet -p folio-cli
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
folio="$target_dir/debug/folio"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1700000000

inputs=()
shopt -s nullglob
for f in samples/[0-9]* tests/corpus/*.md; do
  case "$f" in *.folio.*|*/SOURCES.md) continue ;; esac
  inputs+=("$f")
done
inputs+=(tests/fixtures/seed/seed.txt crates/folio-pdf/tests/fixtures/arabic.json crates/folio-pdf/tests/fixtures/hebrew.json
        crates/folio-epub/tests/fixtures/rtl.json)
book=(samples/13-translated-with-comments.md samples/01-bold-name-colon-inside.md
      samples/07-chinese-fullwidth-colon.md samples/06-french-nbsp-labels.md)

mkdir -p "$out/ua" "$out/plain" "$out/epub"
for f in "${inputs[@]}"; do
  "$folio" convert "$f" --to pdf --pdf-standard ua-1,a-2a --out-dir "$out/ua" -q
  "$folio" convert "$f" --to pdf,epub --out-dir "$out/plain" -q
done
"$folio" book "${book[@]}" --title "Four Conversations" --to pdf --pdf-standard ua-1,a-2a -o "$out/ua/book.pdf" -q
"$folio" book "${book[@]}" --title "Four Conversations" --to epub -o "$out/plain/book.epub" -q

failed=0
echo "-- PDF/UA-1 and PDF/A-2a: outloud and pdfua on $(ls "$out"/ua/*.pdf | wc -l) PDFs"
for pdf in "$out"/ua/*.pdf; do
  qpdf --check "$pdf" >/dev/null || { echo "qpdf: $pdf" >&2; failed=1; }
  outloud --fail-on warning "$pdf" >"$out/report.txt" 2>&1 \
    || { echo "outloud: $(basename "$pdf")" >&2; cat "$out/report.txt" >&2; failed=1; }
  pdfua check "$pdf" >"$out/report.txt" 2>&1 \
    || { echo "pdfua: $(basename "$pdf")" >&2; cat "$out/report.txt" >&2; failed=1; }
done
echo "-- the default PDF is tagged"
for pdf in "$out"/plain/*.pdf; do
  pdfinfo "$pdf" | grep -q '^Tagged: *yes' || { echo "not tagged: $pdf" >&2; failed=1; }
done
echo "-- DAISY Ace on $(ls "$out"/plain/*.epub | wc -l) EPUBs"
for epub in "$out"/plain/*.epub; do
  report="$out/ace-$(basename "$epub" .epub)"
  PUPPETEER_EXECUTABLE_PATH="$(command -v chromium)" node "$ace_js" -s -o "$report" -f "$epub" >/dev/null 2>&1 \
    || { echo "ace could not check $epub" >&2; failed=1; continue; }
  python3 - "$report/report.json" "$(basename "$epub")" <<'PY' || failed=1
import json, sys
report = json.load(open(sys.argv[1]))
found = [(a.get("earl:testSubject", {}).get("url"), b["earl:test"]["dct:title"],
          b["earl:result"].get("html") or b["earl:result"].get("dct:description", ""))
         for a in report.get("assertions", []) for b in a.get("assertions", [])]
for where, rule, what in found:
    print(f"ace: {sys.argv[2]}: {where}: {rule}: {what[:200]}", file=sys.stderr)
sys.exit(1 if found else 0)
PY
done
if [ "$failed" != 0 ]; then
  echo "check-accessibility: findings above" >&2
  exit 1
fi
echo "-- accessibility checks passed"
