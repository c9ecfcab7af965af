#!/usr/bin/env bash
# Peak memory of `cmoc-canvas export --svg` on large diagrams, measured with /usr/bin/time -v.
# The SVG is written as it is made, so the peak must stay under 4 × the size of the SVG.
#   scripts/export-memory.sh [CARDS…]     (default: 20000; the README's table used 2000 20000 100000 200000)
# Prints a Markdown table; fails if a peak exceeds 4 × the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "export-memory: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
cargo build --release --quiet
cargo build --release --quiet --example large_diagram
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| cards | diagram | SVG | peak memory | peak ÷ SVG | time |"
echo "|---|---|---|---|---|---|"
status=0
for cards in "${@:-20000}"; do
  target/release/examples/large_diagram "$cards" "$work/d.ron" >/dev/null
  /usr/bin/time -v target/release/cmoc-canvas export "$work/d.ron" --svg "$work/d.svg" >/dev/null 2>"$work/time.txt"
  ron=$(stat -c %s "$work/d.ron"); svg=$(stat -c %s "$work/d.svg")
  peak_kb=$(awk '/Maximum resident/ {print $6}' "$work/time.txt")
  wall=$(awk '/Elapsed/ {print $8}' "$work/time.txt")
  ratio=$(awk -v p="$peak_kb" -v s="$svg" 'BEGIN { printf "%.2f", p * 1024 / s }')
  awk -v c="$cards" -v r="$ron" -v s="$svg" -v p="$peak_kb" -v q="$ratio" -v w="$wall" \
    'BEGIN { printf "| %s | %.0f MB | %.0f MB | %.0f MB | %s | %s |\n", c, r / 1e6, s / 1e6, p * 1024 / 1e6, q, w }'
  awk -v r="$ratio" 'BEGIN { exit !(r <= 4) }' || { echo "export-memory: FAILED: peak is $ratio × the SVG for $cards cards" >&2; status=1; }
  rm -f "$work/d.ron" "$work/d.svg"
done
exit $status
