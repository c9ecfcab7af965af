//! What can go wrong when opening or saving a file, in words a researcher can act on.

use std::io;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a file could not be opened. The file itself is never changed by a failed load.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("Could not open {}: {reason}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said, in plain words.
        reason: String,
    },
    /// The file is not UTF-8 text.
    #[error(
        "{file}, line {line}, column {column}: this byte is not text (the file is not UTF-8), so the file cannot be a CMOC Canvas diagram as it is. If it was one, it has been damaged: open a backup copy, or remove the odd character in a text editor."
    )]
    NotText {
        /// The file's name.
        file: String,
        /// 1-based line of the first byte that is not text.
        line: usize,
        /// 1-based column (in characters) of that byte.
        column: usize,
    },
    /// The text is not valid RON, or not the shape of a CMOC Canvas document.
    #[error("{file}, line {line}, column {column}: {message}")]
    Syntax {
        /// The file's name.
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What was found and what was expected.
        message: String,
    },
    /// The file was written by a newer CMOC Canvas.
    #[error(
        "{file}, line {line}, column {column}: saved by a newer CMOC Canvas (file format version {found}); this version reads format version {supported} and older. Update CMOC Canvas to open it. The file has not been changed."
    )]
    NewerVersion {
        /// The file's name.
        file: String,
        /// 1-based line of `format_version`.
        line: usize,
        /// 1-based column of `format_version`.
        column: usize,
        /// The version as written in the file.
        found: String,
        /// The newest version this program reads.
        supported: u32,
    },
    /// The file names a format version that never existed.
    #[error(
        "{file}, line {line}, column {column}: the file says it is format version {found}, which no CMOC Canvas ever wrote. If you edited the file by hand, set `format_version: 1`; otherwise open a backup copy."
    )]
    UnknownVersion {
        /// The file's name.
        file: String,
        /// 1-based line of `format_version`.
        line: usize,
        /// 1-based column of `format_version`.
        column: usize,
        /// The version as written in the file (at most 40 characters).
        found: String,
    },
}

/// Why a document could not be saved. A failed save never damages the previous file.
#[derive(Debug, Error)]
pub enum SaveError {
    /// The folder to save into does not exist.
    #[error(
        "Could not save {}: the folder {} does not exist. Use Save As to choose another folder; your work is still open.",
        path.display(), folder.display()
    )]
    MissingFolder {
        /// The file that was to be written.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// The folder or file may not be written.
    #[error(
        "Could not save {}: permission denied; the folder or file is read-only. Use Save As to choose a folder you can write to; your work is still open.",
        path.display()
    )]
    ReadOnly {
        /// The file that was to be written.
        path: PathBuf,
    },
    /// The file itself is marked read-only (someone protected it on purpose).
    #[error(
        "Did not save over {}: the file is marked read-only. Use Save As to save under another name, or make the file writable first; your work is still open.",
        path.display()
    )]
    ReadOnlyFile {
        /// The file that was to be written.
        path: PathBuf,
    },
    /// The disk is full.
    #[error(
        "Could not save {}: the disk is full. Free some space or save to another disk; the previous version of the file is untouched.",
        path.display()
    )]
    DiskFull {
        /// The file that was to be written.
        path: PathBuf,
    },
    /// The target is a file from a newer CMOC Canvas, which this version must not overwrite.
    #[error(
        "Did not save over {}: it was written by a newer CMOC Canvas (file format version {found}) and saving would lose what this version does not understand. Save under another name.",
        path.display()
    )]
    WouldOverwriteNewer {
        /// The file that was to be written.
        path: PathBuf,
        /// The version found in it, as written.
        found: String,
    },
    /// Any other failure of the operating system.
    #[error("Could not save {}: {reason}. The previous version of the file is untouched.", path.display())]
    Io {
        /// The file that was to be written.
        path: PathBuf,
        /// What the operating system said.
        reason: String,
    },
    /// The document could not be turned into text (should not happen).
    #[error("Could not write the document as text: {0}")]
    Serialize(String),
}

impl SaveError {
    /// Classifies an I/O error that happened while writing `path`.
    pub(crate) fn from_io(path: &Path, error: &io::Error) -> Self {
        let path = path.to_path_buf();
        match error.kind() {
            io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => {
                let folder = path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| PathBuf::from("."));
                SaveError::MissingFolder { path, folder }
            }
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                SaveError::ReadOnly { path }
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                SaveError::DiskFull { path }
            }
            _ => SaveError::Io {
                path,
                reason: error.to_string(),
            },
        }
    }
}

/// Plain words for an I/O error met while reading.
pub(crate) fn read_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => {
            "there is no such file (it may have been moved or renamed)".into()
        }
        io::ErrorKind::PermissionDenied => "permission denied; you may not read this file".into(),
        io::ErrorKind::IsADirectory => "that is a folder, not a file".into(),
        _ => error.to_string(),
    }
}
