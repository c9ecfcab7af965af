//! What to do once unsaved changes have been dealt with (its own file so the file chooser and
//! the dialogs, which both name it, do not need each other).

use std::path::PathBuf;

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
