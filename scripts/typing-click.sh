#!/usr/bin/env bash
# The last characters typed before a quick click are kept, on the real window: the release
# binary under Xvfb at 1366x768, the Comments tab of CMOC 22, "Dr A. Researcher" typed into
# "Your name" by xdotool and the comment box clicked straight after the last key (on a slow
# software-rendered frame both arrive in one batch; egui moved focus first and "r" was lost).
# The name is read back from the settings file the editor writes. Three runs at 20, 5 and
# 0 ms between keys; then two more pressing Esc straight after the last key instead of
# clicking (egui took the keyboard from the field before it read the batch's text: "Dr A. R").
# Needs: the release binary (cargo build --release) and .ci/run's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
SCREEN=1366x768
source scripts/xvfb-lib.sh
[ -x target/release/cmoc-canvas ] || cargo build --release --quiet
want="Dr A. Researcher"
for run in 20:click 5:click 0:click 5:esc 0:esc; do
  delay=${run%:*}; then=${run#*:}
  rm -f "$CMOC_CANVAS_CONFIG_DIR/settings.ron"
  start_app "$(mktemp)"
  xdotool windowsize "$wid" 1366 768; sleep 1
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  # Places at this window size, with the toolbar on one line: CMOC 22's body in the fitted
  # view (not its badge, which toggles it), then the side panel.
  xdotool mousemove --window "$wid" 447 145 click 1; sleep 0.5
  xdotool mousemove --window "$wid" 1128 64 click 1; sleep 0.7     # the Comments tab
  xdotool mousemove --window "$wid" 1200 141 click 1; sleep 0.3    # "Your name"
  xdotool type --delay "$delay" "$want"
  if [ "$then" = click ]; then
    xdotool mousemove --window "$wid" 1170 190 click 1            # the comment box, at once
  else
    xdotool key Escape                                            # Esc, at once
  fi
  sleep 1
  got=$(sed -n 's/.*author_name: "\([^"]*\)".*/\1/p' "$CMOC_CANVAS_CONFIG_DIR/settings.ron" 2>/dev/null || true)
  if [ "$got" != "$want" ]; then
    mkdir -p target/typing-click
    photo target/typing-click/lost.png || true
    echo "typing-click: typed \"$want\" ($delay ms a key, then $then), kept \"$got\" (see target/typing-click/lost.png)" >&2
    exit 1
  fi
  kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=""
done
echo "typing-click: every character typed before a quick click or Esc kept (5 runs)"
