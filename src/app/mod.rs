//! The editor window: menus, toolbar, canvas, inspector and comments, status bar and dialogs.
//! [`EditorApp::ui`] draws a whole frame into any `Ui`, so the same code runs in the real
//! window and in egui_kittest tests. [`EditorApp`] (in `editor_app.rs`) holds each part of
//! the window; each part keeps its own state and draws from the session it is lent.

mod beside;
pub mod canvas;
mod central;
mod chrome;
mod clipboard;
mod comments;
mod definitions;
pub mod dialogs;
mod editor_app;
mod facilitator;
pub mod figures;
pub mod files;
mod find;
pub mod guide;
mod import_dialog;
mod input_order;
mod inspector;
pub mod key_tables;
mod legend;
mod modals;
mod palette;
mod path_panel;
pub mod path_picker;
mod picking;
pub mod present;
pub mod recovery;
mod scenario_panel;
pub mod settings;
pub(crate) mod shortcuts;
mod side_panel;
pub mod table_view;
mod team_panel;
mod then;
mod tidy_progress;
mod versions_panel;
mod widgets;
mod window;

pub use editor_app::EditorApp;
pub use palette::matching as palette_matching;
pub use shortcuts::{Shortcuts, shortcut_words, shortcut_words_on};
pub(crate) use widgets::{CardText, MAX_EDIT_BYTES, name_widget, too_long_to_edit};
pub use window::run_editor;

use crate::file::example_document;
use crate::session::{Action, Origin};
pub(crate) use canvas::ZOOM_STEP;
use comments::comments_ui;

/// The tabs of the side panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideTab {
    /// Every field of the selection.
    Inspector,
    /// Comments on the selection.
    Comments,
    /// The steps of a presentation, with speaker notes.
    Path,
    /// "What if" scenarios: show, make, set and compare them.
    Scenarios,
    /// The theory's saved versions.
    Versions,
}
