//! Writes the user guide's generated page: the keyboard reference, from the program's own
//! tables of commands and keys (`cmoc_canvas::app::key_tables`), so it cannot drift from what
//! the keys do. `scripts/guide.sh` runs it before building the book.
//!
//! ```text
//! cargo run --example guide_files -- docs/guide/src
//! ```

use std::path::PathBuf;

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: guide_files GUIDE_SOURCE_DIR (e.g. docs/guide/src)");
        std::process::exit(2);
    };
    let page = dir.join("keyboard.md");
    if let Err(e) = std::fs::write(&page, cmoc_canvas::app::key_tables::reference_markdown()) {
        eprintln!("guide_files: could not write {}: {e}", page.display());
        std::process::exit(1);
    }
    println!("wrote {}", page.display());
}
