#!/usr/bin/env bash
# Presenting, on the real window (issue 19, items 1 and 2): the release binary under Xvfb.
#  1. The caption at 1280x720, 1366x768, 1920x1080 and 3840x2160, on "-ve CMOC 10" (the
#     example's longest title) with a scenario shown and a long group name: every part of it
#     must be read back whole from the photograph by OCR (tesseract), as the room reads it — a
#     part drawn over another, or a line cut off under the controls, does not read back.
#  2. The facilitator's own window (F): a comment is added, "Reply" is clicked (found on the
#     photograph by OCR) and a reply is typed at once, with no click into the box, in letters
#     that are all presenting keys (D, H, S, T, F and digits). The reply must land in the
#     document, and none of those keys may act: same step, light theme, the window still open.
# Photographs are kept in target/presenting/. Needs: the release binary and .ci/run's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
SCREEN=3840x2160
source scripts/xvfb-lib.sh
command -v tesseract >/dev/null || { echo "$0: tesseract is missing (apt-get install tesseract-ocr)" >&2; exit 1; }
[ -x target/release/cmoc-canvas ] || cargo build --release --quiet
out=target/presenting
rm -rf "$out"; mkdir -p "$out"
group="Carers and family members from the Thursday afternoon group"
printf '(groups: ["%s"])\n' "$group" >"$CMOC_CANVAS_CONFIG_DIR/settings.ron"
fail() { echo "presenting: $*" >&2; exit 1; }

start_app "$out/app.log"
xdotool windowsize "$wid" 1366 768; sleep 1
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key --clearmodifiers F5; sleep 0.5
xdotool key s; sleep 0.3                       # the first scenario
# Step 10 of the example's path is -ve CMOC 10.
for _ in $(seq 9); do xdotool key Right; sleep 0.15; done
sleep 1.5

# 1. The caption, whole, at four sizes.
for size in 1280x720 1366x768 1920x1080 3840x2160; do
  xdotool windowsize "$wid" "${size%x*}" "${size#*x}"; sleep 2
  photo "$out/caption-$size.png"
  read=$(ocr "$out/caption-$size.png")
  for part in "-ve CMOC 10: what happens when this does not work" "Group: $group" \
              "What if: Holding recognised and supported" "10 / 15" \
              "When link workers have to push patients" \
              "In the story “Holding recognised and supported”, this does not go wrong."; do
    # OCR reads "10 / 15" with or without the spaces, and quotes either way.
    want=$(printf '%s' "$part" | sed 's/ \/ /\//; s/[“”"]//g')
    got=$(printf '%s' "$read" | sed 's/ \/ /\//g; s/[“”"]//g')
    case "$got" in
      *"$want"*) ;;
      *) fail "at $size the caption's \"$part\" does not read back whole (see $out/caption-$size.png); read: $read" ;;
    esac
  done
done
echo "presenting: the caption reads back whole at 1280x720, 1366x768, 1920x1080 and 3840x2160"
echo

# 2. The facilitator's window: a reply typed straight after clicking Reply.
xdotool windowsize "$wid" 1366 768; sleep 1
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key f; sleep 2
fac=""
for _ in $(seq 30); do
  fac=$(xdotool search --onlyvisible --name "CMOC Canvas: facilitator" 2>/dev/null | head -1 || true)
  [ -n "$fac" ] && break; sleep 0.2
done
[ -n "$fac" ] || fail "F did not open the facilitator's window"
# Beside the projected window (with no window manager both would open at 0,0, one over the
# other, and the photograph of the main window would show the facilitator's).
xdotool windowsize "$fac" 900 700; xdotool windowmove "$fac" 1500 0; sleep 1
xdotool windowfocus --sync "$fac" 2>/dev/null || true
xdotool key c; sleep 0.5                       # C: the comment box takes the keyboard
xdotool type --delay 20 "We agree with this one"
xdotool key --clearmodifiers ctrl+Return; sleep 1.5
import -window "$fac" "$out/facilitator-comment.png"
at=$(ocr_find "$out/facilitator-comment.png" Reply)
[ -n "$at" ] || fail "no Reply button in the facilitator's window after a comment (see $out/facilitator-comment.png)"
xdotool mousemove --window "$fac" ${at% *} ${at#* } click 1; sleep 0.5
xdotool type --delay 20 "dhst f 2 had the same"
sleep 0.5
import -window "$fac" "$out/facilitator-reply.png"
xdotool key --clearmodifiers ctrl+Return; sleep 2
# None of the letters acted: the window is open, the step is the same, the theme light.
xdotool search --onlyvisible --name "CMOC Canvas: facilitator" >/dev/null 2>&1 \
  || fail "typing the reply closed the facilitator's window (F was read as a key)"
photo "$out/after-reply.png"
read=$(ocr "$out/after-reply.png" | sed 's/ \/ /\//g')
case "$read" in *"10/15"*) ;; *) fail "typing the reply moved the presentation off step 10 (see $out/after-reply.png)" ;; esac
pixel=$(convert "$out/after-reply.png" -format '%[pixel:p{683,600}]' info:)
case "$pixel" in *"255,255,255"*|*white*|*"250,250,247"*|*"248,248,248"*) ;;
  *) fail "typing the reply switched the theme (the caption is $pixel; see $out/after-reply.png)" ;; esac
# The reply is in the work (the recovery snapshot of unsaved work holds it, as an answer).
sleep 3
snap=$(ls -t "$CMOC_CANVAS_DATA_DIR"/recovery/*.ron 2>/dev/null | head -1 || true)
[ -n "$snap" ] || fail "no recovery snapshot was written after the comment and reply"
cp "$snap" "$out/snapshot.ron"; snap=$out/snapshot.ron
grep -q 'text: ."dhst f 2 had the same."' "$snap" || fail "the reply did not go in whole (see $snap)"
grep -q 'text: ."We agree with this one."' "$snap" || fail "the comment did not go in (see $snap)"
grep -q 'reply_to: Some' "$snap" || fail "the reply was added as a new comment, not as a reply"
echo "presenting: the facilitator's reply went in whole, no presenting key acted; photos in $out/"
