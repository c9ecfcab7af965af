#!/usr/bin/env bash
# The side panel keeps to its width on a laptop (issue 19, item 6), on the real window: the
# release binary under Xvfb at 1366x768, CMOC 22 selected, a name and a 75-character comment
# typed into the Comments tab and added. Before, the panel grew to ~870 of 1366 px and stayed.
# The panel's left edge is read from a photograph: on a row below the diagram the canvas is
# (250,250,247) and the panel (248,248,248); the edge must stay right of 58% of the window (the
# panel takes at most 42%). The comment must be in the panel's picture too (the photograph is
# kept in target/side-panel/). Needs: the release binary and .ci/run's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
SCREEN=1366x768
source scripts/xvfb-lib.sh
[ -x target/release/cmoc-canvas ] || cargo build --release --quiet
out=target/side-panel
rm -rf "$out"; mkdir -p "$out"
start_app "$out/app.log"
xdotool windowsize "$wid" 1366 768; sleep 1
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key --clearmodifiers ctrl+0; sleep 1
# Places at this window size, with the toolbar on one line (as in typing-click.sh).
xdotool mousemove --window "$wid" 447 145 click 1; sleep 0.5      # CMOC 22's body
xdotool mousemove --window "$wid" 1128 64 click 1; sleep 0.7      # the Comments tab
xdotool mousemove --window "$wid" 1200 141 click 1; sleep 0.3     # "Your name"
xdotool type --delay 10 "Facilitator Fran"
xdotool mousemove --window "$wid" 1170 190 click 1; sleep 0.3     # the comment box
xdotool type --delay 5 "This card needs the link worker's own words from interview 7 and 12."
xdotool key --clearmodifiers ctrl+Return; sleep 1.5               # Ctrl+Enter adds it
photo "$out/after-comment.png"
# The rightmost canvas-coloured pixel on row 700 is the panel's left edge (minus one).
edge=$(convert "$out/after-comment.png" -crop 1366x1+0+700 +repage txt:- \
  | awk -F'[,:() ]+' '/srgb\(250,250,247\)|#FAFAF7/ { x = $1 } END { print x + 0 }')
least=$((1366 * 58 / 100))
if [ "$edge" -lt "$least" ]; then
  echo "side-panel: after a long comment the panel starts at x=$edge, under $least: it grew over the canvas (see $out/after-comment.png)" >&2
  exit 1
fi
# The comment went in: the recovery snapshot of the unsaved work holds it.
sleep 2.5
grep -q "interview 7 and 12" "$CMOC_CANVAS_DATA_DIR"/recovery/*.ron 2>/dev/null \
  || { echo "side-panel: the comment was not added (no snapshot holds it)" >&2; exit 1; }
count=$(sed -n 's/.*author_name: "\([^"]*\)".*/\1/p' "$CMOC_CANVAS_CONFIG_DIR/settings.ron" 2>/dev/null || true)
[ "$count" = "Facilitator Fran" ] || { echo "side-panel: the name was kept as \"$count\"" >&2; exit 1; }
echo "side-panel: after a 75-character comment the panel starts at x=$edge of 1366 (at least $least); photo in $out/"
