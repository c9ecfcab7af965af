#!/usr/bin/env bash
# The project's test command: unit, integration, property and UI interaction tests, then the
# smoke test that runs the release binary in a real window under Xvfb (when Xvfb is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --all-targets
cargo test --doc
