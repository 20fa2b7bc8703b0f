#!/usr/bin/env bash
# PDF writer checks: poppler and qpdf validate real output, a CJK font
# package lets the Chinese interview test run end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"

need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
[ -e /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Unit, layout, PDF and poppler-backed tests; missing tools fail here.
FOLIO_REQUIRE_PDF_TOOLS=1 cargo test -p folio-pdf --test tools

# The seed's PDF through the validators.
out="$CARGO_TARGET_DIR/check-pdf"
mkdir -p "$out"
cargo run -q -p folio-pdf --example render -- crates/folio-pdf/tests/fixtures/seed.json "$out/seed.pdf"
cargo run -q -p folio-pdf --example render -- crates/folio-pdf/tests/fixtures/seed.json "$out/seed-letter.pdf" letter
for f in "$out/seed.pdf" "$out/seed-letter.pdf"; do
  qpdf --check "$f" >/dev/null
  # Every font embedded and subset: columns emb and sub say yes.
  if pdffonts "$f" | tail -n +3 | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") bad=1 } END { exit bad }'; then :; else
    echo "check-pdf: a font is not embedded and subset in $f" >&2
    pdffonts "$f" >&2
    exit 1
  fi
done
size=$(stat -c %s "$out/seed.pdf")
if [ "$size" -ge 100000 ]; then
  echo "check-pdf: seed PDF is $size bytes" >&2
  exit 1
fi
pdftoppm -r 70 -png -f 1 -l 1 -singlefile "$out/seed.pdf" "$out/seed-page1"
echo "check-pdf: ok (seed.pdf $size bytes, page 1 at $out/seed-page1.png)"
