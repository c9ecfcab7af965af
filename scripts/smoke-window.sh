#!/usr/bin/env bash
# Smoke test of the real window: runs the release binary with the holding example in a private
# Xvfb display (software rendering, no GPU), photographs it, zooms to 100% with a key press and
# photographs it again. Fails unless the window stays up, is titled, draws a non-blank image,
# and responds to input. Leaves the photographs in target/smoke/.
# (The README's and the user guide's pictures are made by scripts/screenshots.sh.)
# Needs: xvfb, xdotool, imagemagick, x11-utils (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
out=target/smoke
mkdir -p "$out"
source scripts/xvfb-lib.sh
start_app "$out/app.log"
sleep 3

fail() { echo "smoke: FAILED: $*" >&2; tail -n 20 "$out/app.log" >&2; exit 1; }

title=$(xdotool getwindowname "$wid")
case "$title" in *"CMOC Canvas"*) ;; *) fail "window title is '$title'";; esac

photo "$out/fitted.png"
kill -0 "$app" 2>/dev/null || fail "the program exited after opening"
colours=$(identify -format '%k' "$out/fitted.png")
spread=$(convert "$out/fitted.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
[ "$colours" -gt 200 ] || fail "the window looks blank ($colours colours)"
awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }' || fail "the window looks blank (spread $spread)"

# Zoom to 100% at the pointer with the keyboard: the picture must change.
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool mousemove --window "$wid" 450 350
xdotool key --clearmodifiers ctrl+1
sleep 1.5
photo "$out/actual-size.png"
kill -0 "$app" 2>/dev/null || fail "the program exited after a key press"
difference=$(compare -metric AE "$out/fitted.png" "$out/actual-size.png" null: 2>&1 || true)
[ "${difference%%.*}" -gt 10000 ] 2>/dev/null || fail "Ctrl+1 did not change the picture (difference $difference)"

echo "smoke: 1 passed, 0 failed (window '$title', $colours colours; photos in $out/)"
