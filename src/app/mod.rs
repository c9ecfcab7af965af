//! The editor window.

use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the editor window, optionally with a file.
pub fn run_editor(file: Option<PathBuf>) -> ExitCode {
    let _ = file;
    eprintln!("The editor window is not built yet; see `cmoc-canvas --help`.");
    ExitCode::FAILURE
}
