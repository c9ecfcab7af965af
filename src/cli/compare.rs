//! `cmoc-canvas diff` and `cmoc-canvas changes`: what changed between two versions of a
//! programme theory — two files, or saved versions inside one — in words, or as the
//! refinement table a paper reports.

use crate::file::{OutputKind, check_output, load_file, write_atomic};
use crate::interchange::changes::{
    ChangeTable, ChangesFormat, changes_csv, changes_docx, changes_html, changes_listing,
    changes_markdown,
};
use crate::model::Document;
use crate::session::compare::{Theory, compare};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `changes`: the refinement table.
#[derive(Debug, clap::Args)]
pub struct ChangesArgs {
    /// The older diagram (or the one file holding both versions).
    pub old: PathBuf,
    /// The newer diagram; left out, the same file as OLD.
    pub new: Option<PathBuf>,
    /// Compare from this saved version of OLD (by name) instead of OLD as it is.
    #[arg(long, value_name = "VERSION")]
    pub from: Option<String>,
    /// Compare to this saved version of NEW (by name) instead of NEW as it is.
    #[arg(long, value_name = "VERSION")]
    pub to: Option<String>,
    /// Markdown, CSV, HTML or a Word document (docx, which needs --output).
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ChangesFormat,
    /// Write the table to this file instead of printing it.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// `diff`: the changes in words. Git calls a diff driver with seven arguments (path, old
/// file, old hash, old mode, new file, new hash, new mode); two are OLD and NEW.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// OLD NEW, or the seven arguments git gives a diff driver.
    #[arg(required = true, num_args = 1..=7, value_name = "OLD NEW")]
    pub files: Vec<PathBuf>,
    /// Compare from this saved version of OLD (by name).
    #[arg(long, value_name = "VERSION")]
    pub from: Option<String>,
    /// Compare to this saved version of NEW (by name).
    #[arg(long, value_name = "VERSION")]
    pub to: Option<String>,
}

/// One side of a comparison: a diagram, and which of its theories.
struct Side {
    doc: Document,
    version: Option<usize>,
    name: String,
}

impl Side {
    fn theory(&self) -> Theory<'_> {
        match self.version.and_then(|i| self.doc.versions().get(i)) {
            Some(v) => Theory::of_version(v),
            None => Theory::of_document(&self.doc),
        }
    }
}

/// Opens one side; git passes `/dev/null` for the side of a file that did not exist.
fn load_side(path: &Path, version: Option<&str>, shown_as: &str) -> Result<Side, String> {
    let doc = if path == Path::new("/dev/null") {
        Document::new("")
    } else {
        load_file(path).map_err(|e| e.to_string())?.document
    };
    let Some(wanted) = version else {
        return Ok(Side {
            doc,
            version: None,
            name: shown_as.to_string(),
        });
    };
    let found = doc
        .versions()
        .iter()
        .position(|v| v.name.trim() == wanted.trim())
        .or_else(|| {
            doc.versions()
                .iter()
                .position(|v| v.name.trim().eq_ignore_ascii_case(wanted.trim()))
        });
    match found {
        Some(i) => {
            let name = doc.versions()[i].name.clone();
            Ok(Side {
                doc,
                version: Some(i),
                name,
            })
        }
        None => {
            let names: Vec<String> = doc
                .versions()
                .iter()
                .map(|v| format!("“{}”", v.name))
                .collect();
            Err(format!(
                "{}: there is no saved version named “{wanted}”. {}",
                path.display(),
                if names.is_empty() {
                    "The file has no saved versions (File → Save version… keeps one).".to_string()
                } else {
                    format!("Its versions are {}.", names.join(", "))
                }
            ))
        }
    }
}

/// A file's name as the table and the listing call it.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Runs `changes`.
pub(super) fn run_changes(args: &ChangesArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let new_path = args.new.as_deref().unwrap_or(&args.old);
    if let Some(output) = &args.output
        && let Err(e) = check_output(
            output,
            &[&args.old, new_path],
            OutputKind::Other("refinement table"),
        )
    {
        let _ = writeln!(err, "{e}");
        return 2;
    }
    if args.format == ChangesFormat::Docx && args.output.is_none() {
        let _ = writeln!(
            err,
            "A Word document cannot be printed: say where to write it with --output TABLE.docx."
        );
        return 2;
    }
    let sides = load_side(&args.old, args.from.as_deref(), &file_name(&args.old)).and_then(|old| {
        let shown = if args.new.is_none() && args.to.is_none() {
            format!("{} as it is", file_name(new_path))
        } else {
            file_name(new_path)
        };
        Ok((old, load_side(new_path, args.to.as_deref(), &shown)?))
    });
    let (old, new) = match sides {
        Ok(sides) => sides,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let (old_t, new_t) = (old.theory(), new.theory());
    let comparison = compare(&old_t, &new_t);
    let table = ChangeTable::new(&old_t, &new_t, &comparison, &old.name, &new.name);
    let bytes = match args.format {
        ChangesFormat::Markdown => Ok(changes_markdown(&table).into_bytes()),
        ChangesFormat::Csv => Ok(changes_csv(&table).into_bytes()),
        ChangesFormat::Html => Ok(changes_html(&table).into_bytes()),
        ChangesFormat::Docx => changes_docx(&table).map_err(|e| e.to_string()),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    match &args.output {
        None => {
            let _ = out.write_all(&bytes);
            0
        }
        Some(path) => match write_atomic(path, &bytes) {
            Ok(()) => {
                let _ = writeln!(out, "wrote {}: {}", path.display(), table.summary());
                0
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        },
    }
}

/// Runs `diff`.
pub(super) fn run_diff(args: &DiffArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (old_path, new_path, shown) = match args.files.as_slice() {
        [old, new] => (old, new, None),
        [path, old, _, _, new, _, _] => (old, new, Some(path)),
        _ => {
            let _ = writeln!(
                err,
                "Give two diagrams to compare (OLD NEW), or the seven arguments git gives a diff driver."
            );
            return 2;
        }
    };
    let old_name = match shown {
        Some(path) => format!("{} before", file_name(path)),
        None => file_name(old_path),
    };
    let new_name = match shown {
        Some(path) => format!("{} after", file_name(path)),
        None => file_name(new_path),
    };
    let sides = load_side(old_path, args.from.as_deref(), &old_name)
        .and_then(|old| Ok((old, load_side(new_path, args.to.as_deref(), &new_name)?)));
    let (old, new) = match sides {
        Ok(sides) => sides,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let (old_t, new_t) = (old.theory(), new.theory());
    let comparison = compare(&old_t, &new_t);
    let listing = changes_listing(&old_t, &new_t, &comparison, &old.name, &new.name);
    let _ = out.write_all(listing.as_bytes());
    0
}
