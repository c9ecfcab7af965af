#!/usr/bin/env bash
# Makes every picture of the user guide (docs/guide/src/images/) from the real release binary
# under Xvfb, at the window sizes the guide's readers have: a researcher's 1366x768 laptop and a
# projector's 1920x1080. `bash scripts/screenshots.sh` brings every picture up to date; each
# picture is made by one `shoot NAME WIDTHxHEIGHT` below (tests/guide.rs checks that every
# picture a page shows is made here). Each starts the program afresh on the example, with
# settings of its own, so one picture's steps cannot leak into the next.
# Needs: the release binary and .ci/run's packages (Xvfb, xdotool, imagemagick, xclip).
set -euo pipefail
cd "$(dirname "$0")/.."
SCREEN=1920x1080
source scripts/xvfb-lib.sh
command -v tesseract >/dev/null || { echo "$0: tesseract is missing (apt-get install tesseract-ocr)" >&2; exit 1; }
command -v xclip >/dev/null || { echo "$0: xclip is missing (apt-get install xclip)" >&2; exit 1; }
cargo build --release --quiet
out=docs/guide/src/images
mkdir -p "$out" target/screenshots
made=()

# shoot NAME WIDTHxHEIGHT: starts the program at that size (the steps follow, then `keep`).
shoot() {
  name=$1; size=$2
  stop_app
  rm -rf "$CMOC_CANVAS_CONFIG_DIR"/* "$CMOC_CANVAS_DATA_DIR"/*
  start_app "target/screenshots/${name%.png}.log"
  xdotool windowsize "$wid" "${size%x*}" "${size#*x}"; sleep 1.5
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
}
# keep [WINDOW]: photographs the window (or another of the program's, by id) as the picture.
keep() {
  local target=${1:-$wid}
  sleep 1.5
  import -window "$target" "$out/$name" 2>/dev/null || xwd -id "$target" -silent | convert xwd:- "$out/$name"
  # Pictures are compared by eye and kept in git: strip the time stamps that change each run.
  convert "$out/$name" -strip "$out/$name"
  made+=("$name")
}
stop_app() {
  if [ -n "$app" ]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=""
  fi
}
# expect WORDS…: each must read back (tesseract) from the picture just kept, or the picture is
# not what its page says it shows, and the script fails.
expect() {
  local read; read=$(ocr "$out/$name")
  for words in "$@"; do
    case "$read" in
      *"$words"*) ;;
      *) echo "$0: $name does not show \"$words\"; it reads: $read" >&2; exit 1 ;;
    esac
  done
}
key() { xdotool key --clearmodifiers "$@"; sleep 0.4; }
# palette WORDS: runs a command by name from the command palette (Ctrl+K).
palette() { key ctrl+k; xdotool type --delay 20 "$1"; sleep 0.4; key Return; sleep 0.8; }

# The example, as a researcher first sees it on a laptop.
shoot example.png 1366x768
key ctrl+0
keep
expect "Inspector" "27 CMOC cards"

# A card selected: its C, M and O in the side panel's inspector. CMOC 13 is at this place of
# the example fitted to a 1366x768 window; the picture is checked to show it.
shoot inspector.png 1366x768
key ctrl+0
xdotool mousemove --window "$wid" 655 192 click 1; sleep 0.3
xdotool mousemove --window "$wid" 700 720; sleep 0.3
keep
expect "Polarity" "Mechanism (M)" "Safeguards practitioners"

# File → Export figure… (Ctrl+E).
shoot export-figure.png 1366x768
key ctrl+e
keep
expect "Export figure" "Background"

# A pasted table from a paper (Radcliffe et al., Table 3, as copied from the PDF) in the
# import dialog: Ctrl+V on the canvas opens it with the clipboard's table.
shoot import-table.png 1366x768
xclip -selection clipboard -i tests/fixtures/import/radcliffe-table3.tsv
sleep 0.3
xdotool mousemove --window "$wid" 700 600 click 1; sleep 0.3
key ctrl+v; sleep 1
keep
expect "Import CMOC table" "Import 3" "Preview: 3"
xclip -selection clipboard -i /dev/null

# The What if panel.
shoot scenarios.png 1366x768
palette "What if scenarios"
keep
expect "Show on the canvas"

# The Versions panel (the example carries two saved versions).
shoot versions.png 1366x768
palette "Versions of the theory"
keep
expect "Saved versions"

# Presenting on a projector: a CMOC card in plain words, the caption below.
shoot presenting.png 1920x1080
key F5; sleep 0.5
for _ in 1 2 3 4; do key Right; done
keep
expect "Leave (Esc)"

# The join card: a QR code and a join code for the room's phones (J while presenting).
shoot join-card.png 1920x1080
key F5; sleep 0.5
key Right; key Right
key j; sleep 2
keep
expect "Join on your phone" "Code"

# The facilitator's own window (F while presenting): comments, reactions, notes.
shoot facilitator.png 1366x768
key F5; sleep 0.5
key Right; key Right; key Right
key f; sleep 2
facilitator=""
for _ in $(seq 30); do
  facilitator=$(xdotool search --onlyvisible --name "CMOC Canvas: facilitator" 2>/dev/null | head -1 || true)
  [ -n "$facilitator" ] && break
  sleep 0.2
done
[ -n "$facilitator" ] || { echo "$0: the facilitator's window did not open" >&2; exit 1; }
xdotool windowsize "$facilitator" 1024 700; sleep 1
keep "$facilitator"
expect "Your notes" "Add comment"
stop_app

for picture in "${made[@]}"; do
  size=$(identify -format '%wx%h' "$out/$picture")
  echo "screenshots: $out/$picture ($size)"
done
