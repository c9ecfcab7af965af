//! File dialogs behind a small trait, so tests can stand in for the operating system's
//! dialogs, and the modal dialogs of the editor.

use super::figures::{FigureDialog, FileKind, ImportDialog};

use std::path::PathBuf;

/// What a file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this path.
    Path(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown; why, in plain words.
    Unavailable(String),
}

/// Asks the user for files to open and places to save.
pub trait FileDialogs {
    /// Asks for a file of `kind` to open.
    fn pick_open(&mut self, kind: FileKind) -> Picked;
    /// Asks where to save a file of `kind`, suggesting a name.
    fn pick_save(&mut self, suggested_name: &str, kind: FileKind) -> Picked;
}

/// The operating system's dialogs (through rfd), filtered to the kind's extension.
pub struct NativeDialogs;

/// A person cannot close a file dialog this quickly: an answer sooner means none appeared.
const FASTEST_HUMAN_CANCEL: std::time::Duration = std::time::Duration::from_millis(150);

/// Why the system's file dialog cannot appear, when that can be told beforehand: on Linux and
/// the BSDs, rfd asks the desktop portal over the D-Bus session bus, or zenity.
pub fn missing_dialog_service() -> Option<String> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty())
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists());
        let zenity = std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file())
        });
        if !bus && !zenity {
            return Some(
                "This desktop has no file-dialog service (no D-Bus session for the desktop portal, and no zenity), so the system's file dialog cannot appear. Choose the file here instead; installing xdg-desktop-portal or zenity brings the system's dialog back.".into(),
            );
        }
    }
    None
}

fn native(asked: std::time::Instant, answer: Option<PathBuf>) -> Picked {
    match answer {
        Some(path) => Picked::Path(path),
        None if asked.elapsed() < FASTEST_HUMAN_CANCEL => Picked::Unavailable(
            "The system's file dialog did not appear (the desktop portal or zenity did not answer). Choose the file here instead.".into(),
        ),
        None => Picked::Cancelled,
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, kind: FileKind) -> Picked {
        if let Some(why) = missing_dialog_service() {
            return Picked::Unavailable(why);
        }
        let asked = std::time::Instant::now();
        let answer = rfd::FileDialog::new()
            .set_title(format!("Open a {}", kind.filter_name()))
            .add_filter(kind.filter_name(), kind.extensions())
            .pick_file();
        native(asked, answer)
    }

    fn pick_save(&mut self, suggested_name: &str, kind: FileKind) -> Picked {
        if let Some(why) = missing_dialog_service() {
            return Picked::Unavailable(why);
        }
        let asked = std::time::Instant::now();
        // A suggestion with a folder (the last export's) opens the dialog there.
        let suggested = std::path::Path::new(suggested_name);
        let mut dialog = rfd::FileDialog::new()
            .set_title(format!("Save as {}", kind.filter_name()))
            .add_filter(kind.filter_name(), kind.extensions());
        if suggested.is_absolute()
            && let (Some(folder), Some(name)) = (suggested.parent(), suggested.file_name())
        {
            dialog = dialog
                .set_directory(folder)
                .set_file_name(name.to_string_lossy());
        } else {
            dialog = dialog.set_file_name(suggested_name);
        }
        let answer = dialog.save_file().map(|p| {
            if p.extension().is_none() {
                p.with_extension(kind.extension())
            } else {
                p
            }
        });
        native(asked, answer)
    }
}

/// Dialogs that answer from a script: for tests and demos.
#[derive(Default)]
pub struct ScriptedDialogs {
    /// Answers to "open" questions, first first (`None`: cancelled).
    pub open_answers: Vec<Option<PathBuf>>,
    /// Answers to "save" questions, first first.
    pub save_answers: Vec<Option<PathBuf>>,
    /// When set, every question answers that no dialog can appear, with this reason.
    pub unavailable: Option<String>,
}

impl ScriptedDialogs {
    fn answer(&mut self, from_open: bool) -> Picked {
        if let Some(why) = &self.unavailable {
            return Picked::Unavailable(why.clone());
        }
        let answers = if from_open {
            &mut self.open_answers
        } else {
            &mut self.save_answers
        };
        if answers.is_empty() {
            Picked::Cancelled
        } else {
            answers.remove(0).map_or(Picked::Cancelled, Picked::Path)
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self, _kind: FileKind) -> Picked {
        self.answer(true)
    }

    fn pick_save(&mut self, _suggested_name: &str, _kind: FileKind) -> Picked {
        self.answer(false)
    }
}

pub use super::then::Then;

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
    /// Help → How to read a programme theory: context, mechanism, outcome, the IF-fork and
    /// "-ve" cards in plain words.
    HowToRead,
    /// The start screen with recent files.
    Welcome,
    /// Options for exporting a figure.
    ExportFigure(FigureDialog),
    /// Choice of format for exporting the CMOC table.
    ExportTable,
    /// Choice of format for exporting workshop notes.
    ExportNotes,
    /// Preview and column mapping of a CSV table being imported.
    ImportTable(Box<ImportDialog>),
    /// "Recover unsaved changes?" for the first snapshot a crashed editor left.
    Recover {
        /// The differences from the file on disk, once the user asked to compare.
        compare: Option<Vec<String>>,
    },
    /// The built-in file chooser, when the system's cannot appear.
    PickPath(Box<super::path_picker::PathPicker>),
    /// A colleague's copy shares no saved version with the diagram: which to merge from.
    MergeBase(Box<super::team_panel::MergeBaseChoice>),
}
