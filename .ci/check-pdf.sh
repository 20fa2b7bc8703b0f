#!/usr/bin/env bash
# PDF writer checks: poppler and qpdf validate real output, a CJK font
# package lets the Chinese interview test run end to end, DejaVu Sans
# gives the Arabic and Hebrew (right-to-left) tests their faces.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"

need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
[ -e /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Poppler-backed tests; a missing tool or font fails them (FOLIO_SKIP_EXTERNAL
# is never set here).
unset FOLIO_SKIP_EXTERNAL
cargo test -p folio-pdf --test tools
# Right-to-left layout and its extraction in logical order.
cargo test -p folio-pdf --test rtl

# The seed's PDF through the validators.
out="$CARGO_TARGET_DIR/check-pdf"
mkdir -p "$out"
cargo run -q -p folio-pdf --example render -- crates/folio-pdf/tests/fixtures/seed.json "$out/seed.pdf"
cargo run -q -p folio-pdf --example render -- crates/folio-pdf/tests/fixtures/seed.json "$out/seed-letter.pdf" letter
pdfs=("$out/seed.pdf" "$out/seed-letter.pdf")
# The seed itself through folio-core's reader, and a Chinese sample.
cargo run -q -p folio-pdf --example render -- tests/fixtures/seed/seed.txt "$out/seed-read.pdf"
pdfs+=("$out/seed-read.pdf")
cargo run -q -p folio-pdf --example render -- samples/07-chinese-fullwidth-colon.md "$out/chinese.pdf"
pdfs+=("$out/chinese.pdf")
for rtl in arabic hebrew; do
  cargo run -q -p folio-pdf --example render -- "crates/folio-pdf/tests/fixtures/$rtl.json" "$out/$rtl.pdf"
  pdfs+=("$out/$rtl.pdf")
done
# A book of three samples: title page, contents, nested outline.
cargo run -q -p folio-pdf --example book -- "$out/book.pdf" "Three Conversations" \
  samples/13-translated-with-comments.md samples/01-bold-name-colon-inside.md \
  samples/07-chinese-fullwidth-colon.md
pdfs+=("$out/book.pdf")
for f in "${pdfs[@]}"; do
  qpdf --check "$f" >/dev/null
  # Every font embedded and subset: columns emb and sub say yes.
  if pdffonts "$f" | tail -n +3 | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") bad=1 } END { exit bad }'; then :; else
    echo "check-pdf: a font is not embedded and subset in $f" >&2
    pdffonts "$f" >&2
    exit 1
  fi
done
# The book's words come back in reading order: the titles in the
# contents, then again where each interview opens, in the given order.
book_text=$(pdftotext "$out/book.pdf" - | tr -s ' \n' ' ')
titles=("Inês Duarte: “The Sea Does Not Owe Us" "The Last Keeper of Skerry Point" "张华：在山里开一间不关门的图书馆")
prev=0
for words in "Three Conversations" "CONTENTS" "${titles[@]}" "${titles[@]}"; do
  rest=${book_text:$prev}
  head=${rest%%"$words"*}
  if [ "$head" = "$rest" ]; then
    echo "check-pdf: \"$words\" missing or out of order in book.pdf" >&2
    exit 1
  fi
  prev=$((prev + ${#head} + ${#words}))
done
size=$(stat -c %s "$out/seed.pdf")
if [ "$size" -ge 100000 ]; then
  echo "check-pdf: seed PDF is $size bytes" >&2
  exit 1
fi
zh_size=$(stat -c %s "$out/chinese.pdf")
if [ "$zh_size" -ge 300000 ]; then
  echo "check-pdf: Chinese PDF is $zh_size bytes (subsets should keep it under 300 KB)" >&2
  exit 1
fi
pdftoppm -r 70 -png -f 1 -l 1 -singlefile "$out/seed.pdf" "$out/seed-page1"
echo "check-pdf: ok (seed.pdf $size bytes, chinese.pdf $zh_size bytes, page 1 at $out/seed-page1.png)"
