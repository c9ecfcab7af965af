#!/usr/bin/env bash
# Smoke test of the real window: runs the release binary with the holding example in a private
# Xvfb display (software rendering, no GPU), photographs it, zooms to 100% with a key press and
# photographs it again. Fails unless the window stays up, is titled, draws a non-blank image,
# and responds to input. Leaves the photographs in target/smoke/.
#   scripts/smoke-window.sh [--update-readme]   (also copies the photo to assets/screenshots/)
# Needs: xvfb, xdotool, imagemagick, x11-utils (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in Xvfb xdotool import identify convert xdpyinfo; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is missing (run .ci/run or install xvfb xdotool imagemagick x11-utils)" >&2; exit 1; }
done

cargo build --release --quiet
out=target/smoke
mkdir -p "$out"
export XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
export CMOC_CANVAS_CONFIG_DIR=$(mktemp -d)   # no recent files: the example opens

display=""
for n in $(seq 150 199); do
  [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { display=:$n; break; }
done
[ -n "$display" ] || { echo "smoke: no free X display" >&2; exit 1; }
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
export DISPLAY=$display
app=""
cleanup() {
  # Never let cleaning up decide the exit status.
  if [ -n "$app" ]; then
    kill "$app" 2>/dev/null || true
    sleep 0.3
    kill -9 "$app" 2>/dev/null || true
  fi
  kill "$xvfb" 2>/dev/null || true
  return 0
}
trap cleanup EXIT
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

target/release/cmoc-canvas >"$out/app.log" 2>&1 & app=$!
wid=""
for _ in $(seq 150); do
  wid=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
  [ -n "$wid" ] && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$wid" ]; then
  echo "smoke: no window appeared; the program printed:" >&2; tail -n 30 "$out/app.log" >&2; exit 1
fi
sleep 3

fail() { echo "smoke: FAILED: $*" >&2; tail -n 20 "$out/app.log" >&2; exit 1; }
photo() { import -window "$wid" "$1" 2>/dev/null || xwd -id "$wid" -silent | convert xwd:- "$1"; }

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

if [ "${1:-}" = "--update-readme" ]; then
  mkdir -p assets/screenshots
  cp "$out/fitted.png" assets/screenshots/holding-example.png
  cp "$out/actual-size.png" assets/screenshots/holding-100.png
fi
echo "smoke: 1 passed, 0 failed (window '$title', $colours colours; photos in $out/)"
