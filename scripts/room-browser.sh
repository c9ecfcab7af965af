#!/usr/bin/env bash
# The room's participant page in a real Chromium (tests/browser/room.mjs, driven by
# playwright-core, checked by axe-core): a phone at 390x844 joins with the code, follows two
# steps, reacts and comments; the comment is accepted in the session and read back from
# `cmoc-canvas notes`. Leaves the phone's screenshots in target/room-browser/.
# Needs: chromium, Node.js and npm (.ci/run installs them); the two npm packages come from
# tests/browser/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null || { echo "room-browser: node is missing" >&2; exit 1; }
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ] || [ ! -d tests/browser/node_modules/acorn ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi
cargo build --release --quiet
cargo build --quiet --example room_host
export CHROMIUM="$(command -v chromium || command -v chromium-browser)"
timeout 300 node tests/browser/room.mjs target/debug/examples/room_host target/release/cmoc-canvas \
  assets/examples/holding.ron "$PWD/target/room-browser"
