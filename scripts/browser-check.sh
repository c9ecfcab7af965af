#!/usr/bin/env bash
# Checks that an exported SVG figure renders in a real browser the way CMOC Canvas renders it to
# PNG: exports the holding example as SVG and PNG, photographs the SVG in headless Chromium at the
# same size, and compares the two pictures (root-mean-square difference under 5%: same font, same
# line breaks, same places; only antialiasing differs). Leaves the pictures in target/browser/.
# Needs: chromium, imagemagick (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "browser-check: chromium is missing" >&2; exit 1; }
out=target/browser
mkdir -p "$out"
cargo build --release --quiet
target/release/cmoc-canvas export assets/examples/holding.ron --svg "$out/holding.svg" --png "$out/holding-resvg.png" --scale 1 --legend >/dev/null
width=$(identify -format '%w' "$out/holding-resvg.png")
height=$(identify -format '%h' "$out/holding-resvg.png")
profile=$(mktemp -d)
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size="$width,$height" \
  --screenshot="$out/holding-chromium.png" "file://$PWD/$out/holding.svg" >/dev/null 2>&1
rm -rf "$profile"
[ -s "$out/holding-chromium.png" ] || { echo "browser-check: FAILED: Chromium wrote no picture" >&2; exit 1; }
difference=$(compare -metric RMSE "$out/holding-resvg.png" "$out/holding-chromium.png" null: 2>&1 | sed -E 's/.*\((.*)\).*/\1/' || true)
awk -v d="$difference" 'BEGIN { exit !(d + 0 < 0.05 && d != "") }' \
  || { echo "browser-check: FAILED: Chromium's picture differs from the PNG export by $difference (RMSE)" >&2; exit 1; }
echo "browser-check: 1 passed, 0 failed (SVG in Chromium vs PNG export: RMSE $difference)"
