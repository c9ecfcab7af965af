#!/usr/bin/env bash
# Builds the Debian/Ubuntu package: target/debian/cmoc-canvas_VERSION_ARCH.deb, holding the
# program, its desktop entry, AppStream metainfo, the file type (application/x-cmoc-canvas:
# *.cmoc.ron, and older .ron diagrams by their first line), the icon at every hicolor size, the
# example diagram, manual pages and shell completions (generated from the command line's own
# definitions by examples/package_files.rs, so they cannot drift), and the user guide (built by
# scripts/guide.sh) that Help → User guide opens.
# Staged by hand and built with Debian's own dpkg-deb: no packaging tool to install.
# Needs: dpkg-deb (every Debian and Ubuntu machine has it) and mdbook (see scripts/guide.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
id=io.github.cmoc_canvas.CmocCanvas
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
arch=$(dpkg --print-architecture)
cargo build --release --quiet
stage=target/debian/stage
rm -rf "$stage"; mkdir -p "$stage/DEBIAN"
cargo run --quiet --example package_files -- "$stage/usr/share"
install -Dm755 target/release/cmoc-canvas "$stage/usr/bin/cmoc-canvas"
strip --strip-unneeded "$stage/usr/bin/cmoc-canvas"
install -Dm644 "assets/linux/$id.desktop" "$stage/usr/share/applications/$id.desktop"
install -Dm644 "assets/linux/$id.metainfo.xml" "$stage/usr/share/metainfo/$id.metainfo.xml"
install -Dm644 "assets/linux/$id.xml" "$stage/usr/share/mime/packages/$id.xml"
install -Dm644 assets/examples/holding.ron "$stage/usr/share/cmoc-canvas/examples/holding.cmoc.ron"
install -Dm644 README.md "$stage/usr/share/doc/cmoc-canvas/README.md"
bash scripts/guide.sh
mkdir -p "$stage/usr/share/doc/cmoc-canvas"
cp -r target/guide "$stage/usr/share/doc/cmoc-canvas/guide"
find "$stage/usr/share/doc/cmoc-canvas/guide" -type d -exec chmod 755 {} +
find "$stage/usr/share/doc/cmoc-canvas/guide" -type f -exec chmod 644 {} +
gzip -9n "$stage"/usr/share/man/man1/*.1
cat >"$stage/usr/share/doc/cmoc-canvas/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: cmoc-canvas

Files: *
License: MIT OR Apache-2.0

Files: usr/share/cmoc-canvas/examples/holding.cmoc.ron
Copyright: Westlake D, Wong G, Markham S, et al. (2024), Health & Social Care in the Community
License: CC-BY-4.0
COPYRIGHT
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat >"$stage/DEBIAN/control" <<CONTROL
Package: cmoc-canvas
Version: $version
Architecture: $arch
Maintainer: CMOC Canvas developers <cmoc-canvas@users.noreply.github.com>
Installed-Size: $size
Depends: libc6 (>= 2.36), libgcc-s1, libx11-6, libxcursor1, libxi6, libxrandr2, libxkbcommon-x11-0, libgl1, libegl1
Recommends: fonts-noto-core, xdg-utils
Suggests: xdg-desktop-portal
Section: science
Priority: optional
Description: editor for realist programme theory diagrams
 CMOC Canvas draws a realist programme theory as numbered
 context-mechanism-outcome configurations (CMOCs), with IF-branches,
 substantive theories and negative CMOCs, and publishes figures and
 tables for papers. Workshop facilitators present the theory to patient
 and public involvement groups one card at a time, and the room can react
 and comment from their own phones.
CONTROL
mkdir -p target/debian
deb="target/debian/cmoc-canvas_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$stage" "$deb" >/dev/null
echo "package: $deb"
