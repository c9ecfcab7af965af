//! Opening files: check the declared version, parse, and turn parser
//! errors into messages that say where and what in plain words.

use super::error::{LoadError, read_reason};
use super::format::{FORMAT_VERSION, FileV1, declared_version};
use crate::model::{Document, Repair};
use std::path::Path;

/// A document read from a file, with anything the loader had to repair to open it.
#[derive(Debug)]
pub struct Loaded {
    /// The document.
    pub document: Document,
    /// Repairs made while loading (e.g. duplicate ids given fresh ones); empty for clean files.
    pub repairs: Vec<Repair>,
    /// The format version the file was written in.
    pub original_version: u32,
}

/// Reads and parses a CMOC Canvas file.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Read {
        path: path.to_path_buf(),
        reason: read_reason(&e),
    })?;
    let file = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|_| LoadError::NotText { file: file.clone() })?;
    load_str(&text, &file)
}

/// Parses the text of a CMOC Canvas file; `file` names it in error messages.
pub fn load_str(text: &str, file: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let version = match declared_version(text) {
        Some(v) => match u32::try_from(v) {
            Ok(v) if v > FORMAT_VERSION => {
                return Err(LoadError::NewerVersion {
                    file: file.into(),
                    found: v,
                    supported: FORMAT_VERSION,
                });
            }
            Ok(0) => {
                return Err(LoadError::UnknownVersion {
                    file: file.into(),
                    found: 0,
                });
            }
            Ok(v) => v,
            Err(_) => {
                return Err(LoadError::NewerVersion {
                    file: file.into(),
                    found: u32::MAX,
                    supported: FORMAT_VERSION,
                });
            }
        },
        None => {
            return Err(not_a_cmoc_file(text, file));
        }
    };
    // Version 1 is the only format so far, so there is nothing to migrate yet; the first
    // format change adds a migration step from version 1 here.
    let parsed: FileV1 = ron::Options::default()
        .from_str(text)
        .map_err(|e| syntax_error(file, &e))?;
    let (document, repairs) = Document::from_parts(
        parsed.metadata,
        parsed.nodes,
        parsed.edges,
        parsed.annotations,
    );
    Ok(Loaded {
        document,
        repairs,
        original_version: version,
    })
}

fn not_a_cmoc_file(text: &str, file: &str) -> LoadError {
    // Prefer the parser's own complaint when the text is not RON at all.
    if let Err(e) = ron::Options::default().from_str::<ron::Value>(text) {
        return syntax_error(file, &e);
    }
    LoadError::Syntax {
        file: file.into(),
        line: 1,
        column: 1,
        message: "this is not a CMOC Canvas diagram: it has no `format_version`. CMOC Canvas files start with `(format_version: 1, …`.".into(),
    }
}

fn syntax_error(file: &str, error: &ron::error::SpannedError) -> LoadError {
    LoadError::Syntax {
        file: file.into(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: plain_words(&error.code),
    }
}

/// Parser errors in a researcher's words, with the parser's own wording where it is clear.
fn plain_words(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "the file ends too early; it may have been cut off while saving or copying. Open a backup copy if you have one.".into(),
        E::ExpectedComma => "expected a comma `,` between two items.".into(),
        E::ExpectedArrayEnd => "expected `]` to close a list, or a comma before the next item.".into(),
        E::ExpectedStructLikeEnd => "expected `)` to close the item, or a comma before the next field.".into(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "expected text in double quotes, like \"patients feel unburdened\".".into()
        }
        E::ExpectedInteger | E::IntegerOutOfBounds => "expected a whole number here.".into(),
        E::ExpectedFloat => "expected a number here.".into(),
        E::TrailingCharacters => "there is more text after the end of the diagram; remove it.".into(),
        E::NoSuchStructField { expected, found, outer } => format!(
            "`{found}` is not a field of {}; expected one of: {}.",
            outer.as_deref().unwrap_or("this item"),
            expected.join(", ")
        ),
        E::MissingStructField { field, outer } => format!(
            "{} is missing its `{field}` field.",
            outer.as_deref().unwrap_or("an item")
        ),
        E::DuplicateStructField { field, outer } => format!(
            "{} has the field `{field}` twice; keep one.",
            outer.as_deref().unwrap_or("an item")
        ),
        E::NoSuchEnumVariant { expected, found, .. } => format!(
            "`{found}` is not known here; expected one of: {}.",
            expected.join(", ")
        ),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_lowercase(), chars.as_str()).replace("..", "."),
                None => "the file could not be read.".into(),
            }
        }
    }
}
