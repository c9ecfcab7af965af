# Shared by the scripts that drive the real window: a private Xvfb display, private settings
# and data folders, and helpers to start the app, find its window and photograph it.
# Source it; it sets DISPLAY, CMOC_CANVAS_CONFIG_DIR, CMOC_CANVAS_DATA_DIR and a cleanup trap.
# Needs: xvfb, xdotool, imagemagick, x11-utils (.ci/run installs them).

for tool in Xvfb xdotool import identify convert xdpyinfo; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (run .ci/run or install xvfb xdotool imagemagick x11-utils)" >&2; exit 1; }
done

export XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
export CMOC_CANVAS_CONFIG_DIR=$(mktemp -d)   # no recent files: the example opens
export CMOC_CANVAS_DATA_DIR=$(mktemp -d)     # recovery snapshots go here

display=""
for n in $(seq 150 199); do
  [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { display=:$n; break; }
done
[ -n "$display" ] || { echo "$0: no free X display" >&2; exit 1; }
# -noreset: without it the server resets when its last client (the app) exits, and an app
# started again at that moment cannot connect ("Failed to open connection to X server").
Xvfb "$display" -screen 0 "${SCREEN:-1280x800}x24" -nolisten tcp -noreset >/dev/null 2>&1 & xvfb=$!
export DISPLAY=$display
app=""
wid=""
cleanup() {
  # Never let cleaning up decide the exit status.
  if [ -n "$app" ]; then
    kill "$app" 2>/dev/null || true
    sleep 0.3
    kill -9 "$app" 2>/dev/null || true
  fi
  # Wait for the X server to be gone, so the next script's server does not meet this one
  # still shutting down on the same display (the app then could not connect).
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  return 0
}
trap cleanup EXIT
# Ready when our own server answers (a server still exiting from an earlier run may answer on
# the same display for a moment; ours would then have failed to start).
for _ in $(seq 100); do
  kill -0 "$xvfb" 2>/dev/null && xdpyinfo >/dev/null 2>&1 && break
  sleep 0.1
done
kill -0 "$xvfb" 2>/dev/null || { echo "$0: Xvfb did not start on $display" >&2; exit 1; }

# start_app LOG [ARGS…]: runs the release binary, waits for its window (sets app and wid).
start_app() {
  local log=$1; shift
  target/release/cmoc-canvas "$@" >"$log" 2>&1 & app=$!
  wid=""
  for _ in $(seq 150); do
    wid=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
    [ -n "$wid" ] && break
    kill -0 "$app" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$wid" ]; then
    echo "$0: no window appeared; the program printed:" >&2; tail -n 30 "$log" >&2; exit 1
  fi
}

photo() { import -window "$wid" "$1" 2>/dev/null || xwd -id "$wid" -silent | convert xwd:- "$1"; }

# ocr IMAGE: the words a reader sees in a photograph, as one text (tesseract, English).
ocr() { tesseract "$1" - 2>/dev/null | tr -s ' \n' ' '; }

# ocr_find IMAGE WORD: "X Y", the centre of the first word in the photograph that reads WORD
# (exactly, as tesseract reads it), or nothing. awk reads to the end: leaving early would kill
# tesseract with SIGPIPE mid-write, and under pipefail the caller would stop with status 141.
ocr_find() {
  tesseract "$1" - tsv 2>/dev/null \
    | awk -F'\t' -v w="$2" 'NR > 1 && $12 == w && !found { print int($7 + $9 / 2), int($8 + $10 / 2); found = 1 }'
}
