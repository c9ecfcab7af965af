//! Help → User guide: the user guide, a book of HTML pages built from `docs/guide` by
//! `scripts/guide.sh` and installed with the package, opened in the web browser. The window
//! hands the browser a `file://` address (egui's `open_url`); the status bar says where the
//! guide is, so it can be opened by hand where no browser starts.

use crate::session::Editor;
use std::path::{Path, PathBuf};

/// The environment variable naming a folder with the guide's `index.html`, looked in first.
pub const GUIDE_DIR_VARIABLE: &str = "CMOC_CANVAS_GUIDE_DIR";

/// Where the guide is installed, relative to the folder of the program: the Debian package puts
/// the program in `/usr/bin` and the guide in `/usr/share/doc/cmoc-canvas/guide`; a source
/// checkout's `scripts/guide.sh` builds it into `target/guide`, beside `target/release`; the
/// Windows installers (cargo-packager, `packager.json`) put it beside the program, and a macOS
/// `.app` in its `Contents/Resources` (those two prepared, not tested: see the README).
const BESIDE_PROGRAM: [&str; 4] = [
    "../share/doc/cmoc-canvas/guide",
    "../guide",
    "guide",
    "../Resources/guide",
];

/// The folders looked in for the guide, in order: the environment variable's, then those
/// beside the program at `program`.
pub fn places(variable: Option<&Path>, program: Option<&Path>) -> Vec<PathBuf> {
    let mut places: Vec<PathBuf> = variable.map(Path::to_path_buf).into_iter().collect();
    if let Some(dir) = program.and_then(Path::parent) {
        places.extend(BESIDE_PROGRAM.iter().map(|rel| dir.join(rel)));
    }
    places
}

/// The guide's front page in the first of `places` that has one.
pub fn find(places: &[PathBuf]) -> Option<PathBuf> {
    places
        .iter()
        .map(|dir| dir.join("index.html"))
        .find(|page| page.is_file())
        .map(|page| page.canonicalize().unwrap_or(page))
}

/// The guide's front page on this machine, if it is installed or built.
pub fn locate() -> Option<PathBuf> {
    let variable = std::env::var_os(GUIDE_DIR_VARIABLE).map(PathBuf::from);
    let program = std::env::current_exe().ok();
    find(&places(variable.as_deref(), program.as_deref()))
}

/// A `file://` address for a page, with the characters a URL cannot carry escaped.
pub fn file_url(page: &Path) -> String {
    let mut url = String::from("file://");
    for byte in page.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(char::from(byte));
            }
            other => url.push_str(&format!("%{other:02X}")),
        }
    }
    url
}

/// Opens the guide in the browser, or says in the status bar why it cannot.
pub fn open(editor: &mut Editor, ctx: &egui::Context) {
    match locate() {
        Some(page) => {
            ctx.open_url(egui::OpenUrl::new_tab(file_url(&page)));
            editor.status = format!(
                "Opening the user guide in your web browser ({}). If no browser opens, open that file in one.",
                page.display()
            );
        }
        None => {
            editor.status = "The user guide is not installed with this copy of CMOC Canvas. It comes with the Debian package (in /usr/share/doc/cmoc-canvas/guide); in a source folder, build it with: bash scripts/guide.sh".into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_beside_the_program_where_the_package_and_the_source_build_put_it() {
        let places = places(
            Some(Path::new("/opt/guide")),
            Some(Path::new("/usr/bin/cmoc-canvas")),
        );
        assert_eq!(
            places,
            [
                PathBuf::from("/opt/guide"),
                PathBuf::from("/usr/bin/../share/doc/cmoc-canvas/guide"),
                PathBuf::from("/usr/bin/../guide"),
                PathBuf::from("/usr/bin/guide"),
                PathBuf::from("/usr/bin/../Resources/guide"),
            ]
        );
    }

    #[test]
    fn finds_the_first_place_with_a_front_page_and_none_without() {
        let dir = tempfile::tempdir().expect("temp dir");
        let empty = dir.path().join("empty");
        let built = dir.path().join("built");
        std::fs::create_dir_all(&empty).expect("folder");
        std::fs::create_dir_all(&built).expect("folder");
        assert_eq!(find(std::slice::from_ref(&empty)), None);
        std::fs::write(built.join("index.html"), "<html></html>").expect("page");
        let page = find(&[empty, built.clone()]).expect("found");
        assert_eq!(page, built.join("index.html").canonicalize().expect("real"));
    }

    #[test]
    fn file_urls_escape_spaces_and_non_ascii() {
        assert_eq!(
            file_url(Path::new("/home/ana/Mes docs/guide/index.html")),
            "file:///home/ana/Mes%20docs/guide/index.html"
        );
        assert_eq!(file_url(Path::new("/tmp/é")), "file:///tmp/%C3%A9");
    }
}
