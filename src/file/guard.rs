//! Outputs never destroy inputs: before a command or an export writes a file, it checks that
//! the file is not one it reads (also through a link or another name for the same file), not a
//! diagram from a newer CMOC Canvas, and — when what is written is not a diagram — not a
//! diagram at all (an SVG written over a `.ron` would destroy months of analysis).

use super::format::{Declared, declared_version};
use super::save::newer_diagram_at;
use std::path::Path;

/// What is about to be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    /// A CMOC Canvas diagram (`import -o`, Save).
    Diagram,
    /// Anything else: a figure, a table.
    Other(&'static str),
}

/// Refuses to write `output` over one of `inputs`, over a newer diagram, or (for a figure or
/// table) over any diagram. The message says what to do.
pub fn check_output(output: &Path, inputs: &[&Path], kind: OutputKind) -> Result<(), String> {
    for input in inputs {
        if same_file::is_same_file(output, input).unwrap_or(false) {
            return Err(format!(
                "Did not write {}: it is also the file being read ({}). Choose another name for the output; nothing was changed.",
                output.display(),
                input.display()
            ));
        }
    }
    if let Some(found) = newer_diagram_at(output) {
        return Err(format!(
            "Did not write over {}: it is a diagram saved by a newer CMOC Canvas (file format version {found}). Choose another name; nothing was changed.",
            output.display()
        ));
    }
    if let OutputKind::Other(what) = kind
        && is_diagram(output)
    {
        return Err(format!(
            "Did not write the {what} over {}: that file is a CMOC Canvas diagram. Choose another name (for example one ending in the {what}'s own extension); nothing was changed.",
            output.display()
        ));
    }
    Ok(())
}

/// Whether the file at `path` declares itself a CMOC Canvas diagram, recognised as the loader
/// recognises one: a `format_version` in the outermost item, whatever comments or `#![enable]`
/// lines come before it.
fn is_diagram(path: &Path) -> bool {
    super::save::read_head(path).is_some_and(|head| declared_version(&head) != Declared::Missing)
}

/// Refuses two outputs that are the same file (e.g. `--svg x --png x`).
pub fn check_distinct(a: &Path, b: &Path) -> Result<(), String> {
    let same = a == b || same_file::is_same_file(a, b).unwrap_or(false);
    if same {
        return Err(format!(
            "{} is named twice as an output; give each output its own file.",
            a.display()
        ));
    }
    Ok(())
}
