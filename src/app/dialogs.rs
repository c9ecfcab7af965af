//! File dialogs behind a small trait, so tests can stand in for the operating system's
//! dialogs, and the modal dialogs of the editor.

use super::figures::{FigureDialog, FileKind, ImportDialog};

use std::path::PathBuf;

/// Asks the user for files to open and places to save.
pub trait FileDialogs {
    /// Asks for a file of `kind` to open; `None` when cancelled.
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf>;
    /// Asks where to save a file of `kind`, suggesting a name; `None` when cancelled.
    fn pick_save(&mut self, suggested_name: &str, kind: FileKind) -> Option<PathBuf>;
}

/// The operating system's dialogs (through rfd), filtered to `.ron` files.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(format!("Open a {}", kind.filter_name()))
            .add_filter(kind.filter_name(), &[kind.extension()])
            .pick_file()
    }

    fn pick_save(&mut self, suggested_name: &str, kind: FileKind) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(format!("Save as {}", kind.filter_name()))
            .add_filter(kind.filter_name(), &[kind.extension()])
            .set_file_name(suggested_name)
            .save_file()
            .map(|p| {
                if p.extension().is_none() {
                    p.with_extension(kind.extension())
                } else {
                    p
                }
            })
    }
}

/// Dialogs that answer from a script: for tests and demos.
#[derive(Default)]
pub struct ScriptedDialogs {
    /// Answers to "open" questions, first first.
    pub open_answers: Vec<Option<PathBuf>>,
    /// Answers to "save" questions, first first.
    pub save_answers: Vec<Option<PathBuf>>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self, _kind: FileKind) -> Option<PathBuf> {
        if self.open_answers.is_empty() {
            None
        } else {
            self.open_answers.remove(0)
        }
    }

    fn pick_save(&mut self, _suggested_name: &str, _kind: FileKind) -> Option<PathBuf> {
        if self.save_answers.is_empty() {
            None
        } else {
            self.save_answers.remove(0)
        }
    }
}

/// What to do once unsaved changes have been dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    /// Start an empty diagram.
    New,
    /// Ask for a file and open it.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open the built-in example.
    OpenExample,
    /// Close the window.
    Quit,
}

/// A dialog over the editor.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// "Save changes?" before `then`.
    Unsaved(Then),
    /// Something went wrong; the message comes from the file module.
    Error {
        /// Short title.
        title: String,
        /// The whole message.
        message: String,
    },
    /// The list of keyboard shortcuts.
    Shortcuts,
    /// The start screen with recent files.
    Welcome,
    /// Options for exporting a figure.
    ExportFigure(FigureDialog),
    /// Choice of format for exporting the CMOC table.
    ExportTable,
    /// Preview and column mapping of a CSV table being imported.
    ImportTable(Box<ImportDialog>),
    /// "Recover unsaved changes?" for the first snapshot a crashed editor left.
    Recover {
        /// The differences from the file on disk, once the user asked to compare.
        compare: Option<Vec<String>>,
    },
}
