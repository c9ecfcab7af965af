#!/usr/bin/env bash
# The Debian package, installed for real on this machine as a user would (apt install ./….deb),
# then checked: `cmoc-canvas --version` from the PATH; the desktop entry (desktop-file-validate)
# and the AppStream metainfo (appstreamcli validate); the manual page and completions in place;
# the file type — `xdg-mime query filetype` names application/x-cmoc-canvas for example.cmoc.ron
# and, by its first line, for an older diagram saved as .ron — and CMOC Canvas as its default
# application; the menu entry's Exec line opening the example under Xvfb (a window appears);
# a second diagram opened the same way while the window is open opens in that window; Help →
# User guide (run from the command palette) hands the browser the installed guide; then
# `apt remove`, after which none of it is left.
# Needs root or password-less sudo, and .ci/run's packages (xdg-utils, libfile-mimeinfo-perl,
# desktop-file-utils, appstream, shared-mime-info, xvfb, xdotool).
set -euo pipefail
cd "$(dirname "$0")/.."
id=io.github.cmoc_canvas.CmocCanvas
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
installed=""
fail() {
  echo "package-test: $*" >&2
  [ -z "$installed" ] || $sudo apt-get remove -y -qq cmoc-canvas >/dev/null 2>&1 || true
  exit 1
}
for tool in desktop-file-validate appstreamcli xdg-mime mimetype; do
  command -v "$tool" >/dev/null || fail "$tool is missing (run .ci/run)"
done
bash scripts/package.sh >/dev/null
deb=$(ls -t target/debian/cmoc-canvas_*.deb | head -1)
$sudo apt-get install -y -qq "./$deb" >/dev/null
installed=yes

[ "$(command -v cmoc-canvas)" = /usr/bin/cmoc-canvas ] || fail "cmoc-canvas is not on the PATH"
cmoc-canvas --version | grep -q "^cmoc-canvas " || fail "--version: $(cmoc-canvas --version)"
desktop-file-validate "/usr/share/applications/$id.desktop" || fail "the desktop entry is not valid"
appstreamcli validate --no-net --explain "/usr/share/metainfo/$id.metainfo.xml" >/dev/null \
  || fail "the metainfo is not valid: $(appstreamcli validate --no-net "/usr/share/metainfo/$id.metainfo.xml")"
[ -s /usr/share/man/man1/cmoc-canvas.1.gz ] || fail "no manual page"
zcat /usr/share/man/man1/cmoc-canvas.1.gz | grep -q "merge" || fail "the manual page lacks the commands"
[ -s /usr/share/bash-completion/completions/cmoc-canvas ] || fail "no bash completion"
[ -s "/usr/share/icons/hicolor/256x256/apps/$id.png" ] || fail "no icon"
guide=/usr/share/doc/cmoc-canvas/guide
for page in index.html print.html keyboard.html facilitators.html images/presenting.png; do
  [ -s "$guide/$page" ] || fail "the user guide's $page is not installed"
done

work=$(mktemp -d)
cp /usr/share/cmoc-canvas/examples/holding.cmoc.ron "$work/example.cmoc.ron"
cp /usr/share/cmoc-canvas/examples/holding.cmoc.ron "$work/older diagram.ron"
for file in "$work/example.cmoc.ron" "$work/older diagram.ron"; do
  type=$(xdg-mime query filetype "$file")
  [ "$type" = application/x-cmoc-canvas ] || fail "$(basename "$file") is taken for $type"
done
default=$(xdg-mime query default application/x-cmoc-canvas)
[ "$default" = "$id.desktop" ] || fail "the default application is '$default'"

# The menu entry's command line, as the desktop runs it, opens the example in a window.
exec_line=$(sed -n 's/^Exec=//p' "/usr/share/applications/$id.desktop")
SCREEN=1280x800
source scripts/xvfb-lib.sh
# run_exec FILE: the Exec line's words, with %f as one argument, as the desktop runs it.
run_exec() {
  local words=() word
  read -ra words <<<"$exec_line"
  for word in "${words[@]}"; do [ "$word" = "%f" ] && printf '%s\0' "$1" || printf '%s\0' "$word"; done
}
# The browser, as the window would start it for Help → User guide: here it writes down what
# it was asked to open (the webbrowser crate runs $BROWSER with %s as the address).
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >>"%s/opened"\n' "$work" >"$work/browser"
chmod +x "$work/browser"
mapfile -d '' command < <(run_exec "$work/example.cmoc.ron")
BROWSER="$work/browser %s" "${command[@]}" >"$work/app.log" 2>&1 & app=$!
for _ in $(seq 150); do
  wid=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
  [ -n "$wid" ] && break
  sleep 0.2
done
[ -n "$wid" ] || fail "the menu entry opened no window: $(tail -n 5 "$work/app.log")"
title=$(xdotool getwindowname "$wid")
grep -q "example.cmoc.ron" <<<"$title" || fail "the window shows '$title', not the example"
# A second diagram opened while the window is open (a double-click in the file manager runs
# the same line) opens in that window: the second start hands it over and ends.
mapfile -d '' second < <(run_exec "$work/older diagram.ron")
timeout 20 "${second[@]}" >"$work/second.log" 2>&1 || fail "the second start failed: $(cat "$work/second.log")"
grep -q "already open" "$work/second.log" || fail "the second start did not hand its file over: $(cat "$work/second.log")"
for _ in $(seq 50); do
  title=$(xdotool getwindowname "$wid")
  grep -q "older diagram.ron" <<<"$title" && break
  sleep 0.2
done
grep -q "older diagram.ron" <<<"$title" || fail "the open window shows '$title', not the second diagram"
windows=$(xdotool search --onlyvisible --name "CMOC Canvas" 2>/dev/null | wc -l)
[ "$windows" -eq 1 ] || fail "$windows windows are open, not one"
# Help → User guide, from the command palette: the installed guide, in the browser.
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key --clearmodifiers ctrl+k; sleep 0.5
xdotool type --delay 20 "User guide"; sleep 0.4
xdotool key --clearmodifiers Return
for _ in $(seq 50); do [ -s "$work/opened" ] && break; sleep 0.2; done
opened=$(cat "$work/opened" 2>/dev/null || true)
[ "$opened" = "file://$guide/index.html" ] || fail "Help → User guide opened '$opened', not $guide/index.html"
kill "$app"; wait "$app" 2>/dev/null || true; app=""

$sudo apt-get remove -y -qq cmoc-canvas >/dev/null
installed=""
for left in /usr/bin/cmoc-canvas "/usr/share/applications/$id.desktop" \
            "/usr/share/mime/packages/$id.xml" /usr/share/cmoc-canvas "$guide"; do
  [ ! -e "$left" ] || fail "$left is left after removing the package"
done
type=$(xdg-mime query filetype "$work/example.cmoc.ron")
[ "$type" != application/x-cmoc-canvas ] || fail "the file type outlived the package"
echo "package-test: 1 passed, 0 failed ($deb installed, checked and removed)"
