#!/usr/bin/env bash
# Crash recovery, for real: runs the release binary under Xvfb on a copy of the holding example,
# types into a card with the keyboard (Tab to the first card, F2 edits its context in place),
# waits two and a half seconds, kills the program with SIGKILL, starts it again, recovers with
# Enter, saves with Ctrl+S, and checks that the file holds the typed words and that no snapshot
# is left. Then the same for a workshop killed mid-session: a group's comment and the session's
# record come back. Leaves photographs in target/crash/.
# Needs: xvfb, xdotool, imagemagick, x11-utils (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
out=target/crash
rm -rf "$out"; mkdir -p "$out"
source scripts/xvfb-lib.sh
work=$(mktemp -d)
file="$work/holding.ron"
cp assets/examples/holding.ron "$file"
words="said in the room $$"

fail() { echo "crash-recovery: FAILED: $*" >&2; tail -n 20 "$out"/app*.log >&2 || true; exit 1; }
keys() { xdotool windowfocus --sync "$wid" 2>/dev/null || true; xdotool key --clearmodifiers "$@"; }

start_app "$out/app1.log" "$file"
sleep 3
# Give the canvas the keyboard: click empty canvas at the bottom right, then Tab to a card.
xdotool mousemove --window "$wid" 640 600 click 1
sleep 0.5
keys Tab
sleep 0.5
keys F2
sleep 0.8
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool type --delay 40 " $words"
sleep 2.5
photo "$out/1-typed.png"
snapshots=$( (grep -l "$words" "$CMOC_CANVAS_DATA_DIR"/recovery/*.ron 2>/dev/null || true) | wc -l)
[ "$snapshots" -eq 1 ] || fail "no snapshot with the typed words 2.5 s after typing ($snapshots)"
grep -q "$words" "$file" && fail "the snapshot went over the user's file"
kill -9 "$app"; wait "$app" 2>/dev/null || true; app=""

start_app "$out/app2.log"
sleep 3
photo "$out/2-offer.png"
keys Return
sleep 1
keys ctrl+s
sleep 1.5
photo "$out/3-recovered-saved.png"
grep -q "$words" "$file" || fail "after recovering and saving, the file does not hold the typed words"
left=$(find "$CMOC_CANVAS_DATA_DIR/recovery" -name '*.ron' 2>/dev/null | wc -l)
[ "$left" -eq 0 ] || fail "$left snapshot(s) left after saving"
"target/release/cmoc-canvas" validate "$file" >/dev/null || fail "the saved file does not validate"

# A workshop killed mid-session: a group's comment added while presenting, and the record of
# the session, survive a kill -9 through recovery.
file2="$work/workshop.ron"
cp assets/examples/holding.ron "$file2"
said="the room said this $$"
# The first run is closed (its work is saved): a diagram opened while a window is open would
# open in that window, not a second one.
kill "$app"; wait "$app" 2>/dev/null || true; app=""
start_app "$out/app3.log" "$file2"
sleep 3
keys F5
sleep 1.2
keys Right; sleep 0.5; keys Right; sleep 0.5; keys Right; sleep 0.8
keys c
sleep 0.8
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool type --delay 40 "$said"
sleep 0.3
keys ctrl+Return
sleep 0.8
keys Right
sleep 2.8
photo "$out/4-presenting.png"
snap=$( (grep -l "$said" "$CMOC_CANVAS_DATA_DIR"/recovery/*.ron 2>/dev/null || true) | head -1)
[ -n "$snap" ] || fail "no snapshot with the group's comment while presenting"
grep -q "started:" "$snap" || fail "the snapshot has no record of the session"
kill -9 "$app"; wait "$app" 2>/dev/null || true; app=""

start_app "$out/app4.log"
sleep 3
keys Return
sleep 1
keys ctrl+s
sleep 1.5
photo "$out/5-workshop-recovered.png"
grep -q "$said" "$file2" || fail "after recovering the workshop, the file lacks the group's comment"
grep -q "started:" "$file2" || fail "after recovering the workshop, the file lacks the session"
"target/release/cmoc-canvas" notes "$file2" | grep -q "$said" || fail "the workshop notes lack the comment"
echo "crash-recovery: 2 passed, 0 failed (typed, and a workshop mid-session; killed with -9, recovered with Enter, saved; photos in $out/)"
