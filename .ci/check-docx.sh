#!/usr/bin/env bash
# DOCX checks that need LibreOffice: every sample DOCX the folio-docx crate
# writes must open in LibreOffice, convert to PDF and text, and the text must
# hold every word of the interview model; saved again as DOCX by LibreOffice,
# it must read back into the same speakers, turns and sections. The set includes an anthology of
# samples 01, 07 and 13 (docx_book) and the rich fixture in a non-default
# house style (fonts, size, colours, margins, small caps, full names).
#
# Usage: .ci/check-docx.sh [OUTPUT_DIR]   (default: target/docx-check)
# Works as root on a clean Debian machine; installs are idempotent.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/target/docx-check}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

need_install=()
command -v soffice >/dev/null 2>&1 || need_install+=(libreoffice-writer-nogui)
# Fonts the styles name (metric-compatible Cambria/Calibri) and CJK fonts.
dpkg -s fonts-crosextra-caladea >/dev/null 2>&1 || need_install+=(fonts-crosextra-caladea)
dpkg -s fonts-crosextra-carlito >/dev/null 2>&1 || need_install+=(fonts-crosextra-carlito)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_install+=(fonts-noto-cjk)
if ((${#need_install[@]})); then
    echo "check-docx: installing ${need_install[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_install[@]}" >/dev/null
fi

# The reference interview, kept in the repository.
extra=("$root/tests/fixtures/seed/seed.txt")

rm -rf "$out"
mkdir -p "$out"
cargo run --quiet -p folio-docx --example docx_samples -- write "$out" "${extra[@]}"

# A private profile keeps runs independent of any user's LibreOffice state.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for format in pdf "txt:Text (encoded):UTF8"; do
    soffice --headless --norestore "-env:UserInstallation=file://$profile" \
        --convert-to "$format" --outdir "$out" "$out"/*.docx >/dev/null
done

status=0
for docx in "$out"/*.docx; do
    name="${docx%.docx}"
    for ext in pdf txt; do
        if [[ ! -s "$name.$ext" ]]; then
            echo "check-docx: LibreOffice did not convert $(basename "$docx") to $ext" >&2
            status=1
        fi
    done
done
cargo run --quiet -p folio-docx --example docx_samples -- check "$out" "${extra[@]}" || status=1
# Saved again by LibreOffice (as an editor would), Folio's DOCX still reads
# back into the same speakers, turns and sections (the book, written for
# reading, is not an interview to read back).
mkdir -p "$out/resaved"
soffice --headless --norestore "-env:UserInstallation=file://$profile" \
    --convert-to "docx:MS Word 2007 XML" --outdir "$out/resaved" \
    $(ls "$out"/*.docx | grep -v "/book-") >/dev/null
cargo run --quiet -p folio-docx --example docx_samples -- reread "$out/resaved" "${extra[@]}" || status=1
if ((status == 0)); then
    echo "check-docx: all sample DOCX files open in LibreOffice with their full text"
fi
exit "$status"
