//! Every character in the program's own words (menus, buttons, hints, messages, legends) is
//! in the font it ships with. A character the font lacks is drawn from a system font where
//! there is one, and as an empty box where there is none (a projector laptop, a fresh Linux);
//! in figures it would be missing. Found when "View → Present" showed a box.

use epaint::text::{FontDefinitions, Fonts, TextOptions};
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_character_the_program_writes_is_in_its_font() {
    let mut fonts = Fonts::new(TextOptions::default(), FontDefinitions::default());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for part in ["app", "scene", "model", "interchange"] {
        rust_files(&root.join(part), &mut files);
    }
    assert!(files.len() > 20, "{files:?}");
    // Drawn by the desktop or a browser, not by us: the unsaved mark in the window title, the
    // user guide's keyboard page.
    let by_the_desktop = ["window_title", "reference_markdown"];
    let mut missing = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read");
        // Code after `#[cfg(test)]` is tests: their strings are data, not words shown.
        let shown = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut in_desktop_fn = false;
        for (n, line) in shown.lines().enumerate() {
            if line.contains("fn ") {
                in_desktop_fn = by_the_desktop.iter().any(|f| line.contains(f));
            }
            if in_desktop_fn {
                continue;
            }
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            // The parts between quotes: string literals.
            for literal in code.split('"').skip(1).step_by(2) {
                for c in literal.chars().filter(|c| !c.is_ascii()) {
                    if !fonts.has_glyph(&epaint::FontId::proportional(14.0), c) {
                        missing.push(format!(
                            "{}:{}: {c:?} (U+{:04X})",
                            file.strip_prefix(&root).unwrap_or(file).display(),
                            n + 1,
                            c as u32
                        ));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "not in the font: {missing:#?}");
}
