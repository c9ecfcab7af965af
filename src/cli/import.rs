//! `cmoc-canvas import`: a CMOC table into a new diagram, or into an existing one with `--add`.

use super::ColumnArgs;
use crate::file::{OutputKind, check_output, load_file, save_file};
use crate::interchange::{import_linked_edit, import_region_title};
use crate::session::{Editor, Origin};
use std::io::Write;
use std::path::Path;

/// Problem and warning lines `import` prints before summing up the rest.
const REPORTED_LINES: usize = 20;

/// What `import` does when its output file exists already.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Existing {
    /// Refuse, saying how to add or replace.
    Refuse,
    /// Add the cards to the diagram there.
    Add,
    /// Write a new diagram over it.
    Replace,
}

/// The diagram the imported cards go into: `None` for a new one, or the one at `output` with
/// `--add`. An existing file without `--add` or `--replace` is refused: it may hold months of
/// comments, sessions and scenarios.
fn existing_diagram(
    output: &Path,
    existing: Existing,
) -> Result<Option<crate::model::Document>, String> {
    if !output.exists() || existing == Existing::Replace {
        return Ok(None);
    }
    if existing == Existing::Refuse {
        return Err(format!(
            "Did not write {}: that file exists already, and importing would replace it (with its comments, sessions and scenarios). Give --add to put the imported cards into that diagram, or --replace to write a new diagram over it; nothing was changed.",
            output.display()
        ));
    }
    load_file(output)
        .map(|loaded| Some(loaded.document))
        .map_err(|e| {
            format!("{e}\nNothing was imported: --add needs a diagram CMOC Canvas can open.")
        })
}

pub(super) fn run_import(
    table: &Path,
    output: &Path,
    existing: Existing,
    columns: &ColumnArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if let Err(e) = check_output(output, &[table], OutputKind::Diagram) {
        let _ = writeln!(err, "{e}");
        return 2;
    }
    let doc = match existing_diagram(output, existing) {
        Ok(doc) => doc,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            return 2;
        }
    };
    let text = match crate::interchange::read_table_file(table) {
        Ok(text) => text,
        Err(crate::interchange::ImportError::Unreadable(message)) => {
            let _ = writeln!(err, "{message}");
            return 1;
        }
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", table.display());
            return 1;
        }
    };
    let result = crate::interchange::read_csv(&text)
        .map_err(|e| e.to_string())
        .and_then(|rows| {
            let mapping = columns.apply(&rows, crate::interchange::ColumnMapping::detect(&rows))?;
            crate::interchange::cards_from_table(&rows, &mapping).map_err(|e| e.to_string())
        });
    let result = match result {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", table.display());
            return 1;
        }
    };
    for problem in crate::interchange::summarised(&result.problems, REPORTED_LINES) {
        let _ = writeln!(err, "{}, {problem}; skipped", table.display());
    }
    for warning in crate::interchange::summarised(&result.warnings, REPORTED_LINES) {
        let _ = writeln!(err, "{}, {warning}", table.display());
    }
    if result.cards.is_empty() {
        let _ = writeln!(err, "No CMOCs could be imported from {}.", table.display());
        return 1;
    }
    let name = table
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "table".into());
    let doc = doc.unwrap_or_else(|| crate::model::Document::new(format!("CMOCs from {name}")));
    // The cards go in through the headless editor, as they do in the window (one undo step).
    let mut editor = Editor::new(doc, Origin::File(output.to_path_buf()));
    let count = result.cards.len();
    let arrows: usize = result.links.iter().map(Vec::len).sum();
    let edit = import_linked_edit(editor.doc(), &result, &import_region_title(&name));
    if !editor.apply(edit, format!("Import {count} CMOCs from {name}")) {
        let _ = writeln!(err, "{}", editor.status);
        return 1;
    }
    match save_file(editor.doc(), output) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "imported {count} CMOCs from {} into {}{}{}",
                table.display(),
                output.display(),
                match arrows {
                    0 => String::new(),
                    n => format!(
                        ", with {n} arrow{} between them (laid out along them)",
                        if n == 1 { "" } else { "s" }
                    ),
                },
                match result.problems.len() {
                    0 => String::new(),
                    n => format!(" ({n} row{} skipped)", if n == 1 { "" } else { "s" }),
                }
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}
