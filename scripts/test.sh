#!/usr/bin/env bash
# The project's test command: unit, integration, property and UI interaction tests (no display
# needed), the benchmarks compiled and run once as tests, then the smoke test of the real window
# under Xvfb, a kill -9 crash-recovery run, typing then clicking at once, the side panel after a
# long comment (both at 1366x768), presenting (the caption read back by OCR at four sizes, a reply
# typed in the facilitator's window), the room joining from a phone in Chromium, the user
# guide's screenshots made again and the guide built (mdbook), a check of the
# exported SVG in headless Chromium, and the room's participant page in Chromium (playwright-core,
# axe-core). On CI the smoke test is required; elsewhere it is skipped with a note when Xvfb is
# not installed (install it with: apt-get install xvfb xdotool imagemagick x11-utils
# libxcursor1 libxi6 libxkbcommon-x11-0 libegl1 libgl1-mesa-dri mesa-vulkan-drivers).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --all-targets
cargo test --doc
# Fuzzing, bounded: a minute of mutated diagrams, tables and pastes through the debug build
# (overflow checks on). A panic fails the run and saves the input in target/fuzz-findings/.
# Long runs: cargo run --release --example fuzz -- --inputs 10000000 --seed N
cargo run --quiet --example fuzz -- --seconds 60 --seed "$(date +%s)"
# A large SVG export is streamed: peak memory at most 4 × the SVG (2,000 and 20,000 cards here; see
# scripts/export-memory.sh for the README's larger runs).
if [ -x /usr/bin/time ]; then
  bash scripts/export-memory.sh 2000 20000
elif [ "${CI:-}" = "true" ]; then
  echo "export-memory: /usr/bin/time missing on CI; .ci/run should have installed it" >&2
  exit 1
else
  echo "export-memory: skipped (no /usr/bin/time here); see scripts/export-memory.sh"
fi
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  # The window scripts drive the release binary: build it from this tree (a no-op when it is
  # up to date), never test one left over from an older commit.
  cargo build --release --quiet
  bash scripts/smoke-window.sh
  bash scripts/crash-recovery.sh
  bash scripts/typing-click.sh
  bash scripts/side-panel.sh
  bash scripts/presenting.sh
  # The room on the real window: a phone in Chromium joins, reacts, comments; accepted, saved.
  if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then
    bash scripts/room-window.sh
  fi
  # The user guide's pictures, made again from this build (each read back by OCR for what
  # its page says it shows).
  if command -v tesseract >/dev/null && command -v xclip >/dev/null; then
    bash scripts/screenshots.sh
  elif [ "${CI:-}" = "true" ]; then
    echo "screenshots: tesseract or xclip missing on CI; .ci/run should have installed them" >&2
    exit 1
  fi
elif [ "${CI:-}" = "true" ]; then
  echo "smoke: Xvfb/xdotool missing on CI; .ci/run should have installed them" >&2
  exit 1
else
  echo "smoke: skipped (no Xvfb here); see scripts/smoke-window.sh"
fi
# The user guide: its keyboard page written from the program's tables, then mdbook build.
if command -v mdbook >/dev/null; then
  bash scripts/guide.sh
elif [ "${CI:-}" = "true" ]; then
  echo "guide: mdbook missing on CI; .ci/run should have installed it" >&2
  exit 1
else
  echo "guide: skipped (no mdbook here); see scripts/guide.sh"
fi
# The Windows and macOS release workflow, as far as this machine can check it.
if command -v node >/dev/null; then
  bash scripts/workflow-check.sh
elif [ "${CI:-}" = "true" ]; then
  echo "workflow-check: node missing on CI; .ci/run should have installed it" >&2
  exit 1
fi
# The Debian package, installed with apt, checked (PATH, desktop entry, metainfo, file type
# and its default application, the menu entry's Exec line under Xvfb) and removed. It needs
# to install packages: root or password-less sudo (CI runs as root).
if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
  bash scripts/package-test.sh
elif [ "${CI:-}" = "true" ]; then
  echo "package-test: CI cannot install packages (no root, no sudo)" >&2
  exit 1
else
  echo "package-test: skipped (installing a package needs root or sudo); see scripts/package-test.sh"
fi
# The exported SVG must look in a real browser as it does in our PNG export.
if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then
  bash scripts/browser-check.sh
  # The room's page on a phone: joining, following, reacting, commenting, axe-core.
  bash scripts/room-browser.sh
elif [ "${CI:-}" = "true" ]; then
  echo "browser-check: chromium missing on CI; .ci/run should have installed it" >&2
  exit 1
else
  echo "browser-check: skipped (no chromium here); see scripts/browser-check.sh"
fi
