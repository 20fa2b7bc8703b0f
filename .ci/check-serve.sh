#!/usr/bin/env bash
# `folio serve`: the HTTP tests (also part of the README's test command,
# run again here by name), the page in headless Chromium and Firefox over
# WebDriver (Debian's chromium, chromium-driver and firefox-esr; geckodriver
# built from crates.io; no browser is downloaded), and
# the load benchmark's figures (200 conversions of the reference interview
# from 16 clients; it fails if any conversion fails).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v firefox-esr >/dev/null || need+=(firefox-esr)
command -v qpdf >/dev/null || need+=(qpdf)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v python3 >/dev/null || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if ! command -v geckodriver >/dev/null; then
  echo "-- installing geckodriver (crates.io)"
  cargo install -q geckodriver --locked
fi

cargo test -q -p folio-cli --test serve
cargo build -q -p folio-cli
folio="$CARGO_TARGET_DIR/debug/folio"

for browser in chromium firefox; do
  echo "-- the page in headless $browser"
  python3 tests/browser/page_test.py --browser "$browser" --folio "$folio" --screenshots "$CARGO_TARGET_DIR/browser"
done

echo "-- load: 200 conversions from 16 clients (debug build, so slower than a release)"
python3 bench/serve_load.py --binary "$folio" --conversions 200 --clients 16
