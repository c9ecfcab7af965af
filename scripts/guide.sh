#!/usr/bin/env bash
# Builds the user guide (docs/guide, an mdBook) into target/guide: first its keyboard page,
# written from the program's own tables of commands and keys (examples/guide_files.rs), then
# the book. The Debian package installs target/guide; Help → User guide opens it.
# Needs mdbook (.ci/run installs it): cargo install mdbook --version 0.5.4 --locked
#   --no-default-features --features search
set -euo pipefail
cd "$(dirname "$0")/.."
command -v mdbook >/dev/null || {
  echo "guide: mdbook is missing; install it with: cargo install mdbook --version 0.5.4 --locked --no-default-features --features search" >&2
  exit 1
}
cargo run --quiet --example guide_files -- docs/guide/src
rm -rf target/guide
mdbook build docs/guide
# Every chapter became a page, the printable whole book is there, and every picture a page
# shows was copied beside it.
for page in index.html print.html keyboard.html facilitators.html getting-started.html; do
  [ -s "target/guide/$page" ] || { echo "guide: target/guide/$page was not built" >&2; exit 1; }
done
missing=0
while read -r image; do
  [ -s "target/guide/$image" ] || { echo "guide: $image is shown but missing" >&2; missing=1; }
done < <(grep -oh 'src="images/[^"]*"' target/guide/*.html | sed 's/src="//; s/"$//' | sort -u)
[ "$missing" -eq 0 ] || exit 1
grep -q '<kbd>Ctrl+S</kbd>' target/guide/keyboard.html || { echo "guide: the keyboard page has no Ctrl+S" >&2; exit 1; }
# The facilitator's guide is printed: Chromium prints the whole book as a reader's browser
# would, and the day's checklist must be in the PDF's text (pdftotext).
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ] && command -v pdftotext >/dev/null; then
  profile=$(mktemp -d)
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --no-pdf-header-footer --print-to-pdf=target/guide-print.pdf \
    "file://$PWD/target/guide/print.html" >/dev/null 2>&1
  rm -rf "$profile"
  printed=$(pdftotext target/guide-print.pdf - 2>/dev/null || true)
  grep -q "The day’s checklist" <<<"$printed" || { echo "guide: the printed guide has no day's checklist (target/guide-print.pdf)" >&2; exit 1; }
  echo "guide: printed to target/guide-print.pdf ($(pdfinfo target/guide-print.pdf 2>/dev/null | sed -n 's/^Pages: *//p') pages)"
fi
echo "guide: built target/guide/index.html ($(ls target/guide/*.html | wc -l) pages)"
