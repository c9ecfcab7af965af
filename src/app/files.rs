//! The diagram's life as a file: opening, saving, replacing it, what happens after "Save
//! changes?" is answered, and closing. [`Desk`] owns that state (the dialogs, the dialog shown,
//! recovery snapshots, whether the window may close); [`Files`] is the desk with the parts of
//! the window it works on, lent for a moment. The desk's other halves are in `picking.rs`
//! (asking for paths), `modals.rs` (the dialogs) and `recovery.rs` (snapshots).

use super::comments::CommentsState;
use super::dialogs::{FileDialogs, Modal, Then};
use super::settings::Settings;
use super::{canvas, example_document, figures, path_picker};
use crate::file::load_file;
use crate::model::{Document, Validation, validate};
use crate::session::{Action, Editor, Origin};
use canvas::CanvasState;
use egui::ViewportCommand;
use std::path::{Path, PathBuf};

/// What the window keeps about the diagram as a file.
pub struct Desk {
    /// Where Open and Save ask for files.
    pub dialogs: Box<dyn FileDialogs>,
    /// The dialog shown over the editor, if any.
    pub modal: Option<Modal>,
    /// Recovery snapshots of unsaved work.
    pub recovery: super::recovery::RecoveryState,
    /// Where the settings are kept (none in some tests: nothing is written).
    pub settings_path: Option<PathBuf>,
    /// Set once the user agreed to close; the next close request goes through.
    pub(super) allow_close: bool,
    /// True once the app asked the window to close (tests read it).
    pub close_sent: bool,
    /// The start screen comes after the recovery question (when the user did not recover).
    pub(super) welcome_after_recovery: bool,
    /// Show the Versions tab on the next frame (a merge left something to look at).
    pub show_versions: bool,
    /// Diagrams other starts of the program handed to this window, while it listens.
    pub instance: Option<crate::instance::Listener>,
}

impl Desk {
    /// The desk of a window starting with settings kept at `settings_path`.
    pub fn new(dialogs: Box<dyn FileDialogs>, settings_path: Option<PathBuf>) -> Self {
        let recovery = super::recovery::RecoveryState::open(super::recovery::recovery_dir(
            settings_path.as_deref(),
        ));
        Self {
            dialogs,
            modal: None,
            recovery,
            settings_path,
            allow_close: false,
            close_sent: false,
            welcome_after_recovery: false,
            show_versions: false,
            instance: None,
        }
    }

    /// Work a crashed editor left behind is asked about first; the start screen after it.
    pub fn ask_about_recovery_first(&mut self) {
        if !self.recovery.offers.is_empty() {
            self.welcome_after_recovery = matches!(self.modal, Some(Modal::Welcome));
            self.modal = Some(Modal::Recover { compare: None });
        }
    }
}

/// The desk with what it works on, lent by the window for a moment.
pub(crate) struct Files<'a> {
    pub desk: &'a mut Desk,
    pub editor: &'a mut Editor,
    pub canvas: &'a mut CanvasState,
    pub comments: &'a mut CommentsState,
    pub settings: &'a mut Settings,
    pub validation: &'a mut Validation,
}

impl Files<'_> {
    /// Carries out the actions about files and dialogs; false for any other action.
    pub fn perform(&mut self, action: Action) -> bool {
        match action {
            Action::New => self.after_unsaved_check(Then::New),
            Action::Open => self.after_unsaved_check(Then::Open),
            Action::OpenExample => self.after_unsaved_check(Then::OpenExample),
            Action::Quit => self.after_unsaved_check(Then::Quit),
            Action::RecoverUnsaved => self.offer_recovery(),
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                self.save_as();
            }
            Action::ExportFigure => self.open_figure_dialog(),
            Action::ExportTable => self.desk.modal = Some(Modal::ExportTable),
            Action::ExportNotes => self.desk.modal = Some(Modal::ExportNotes),
            Action::ImportTable => {
                self.ask_path(path_picker::PickPurpose::ImportTable);
            }
            Action::MergeCopy => {
                self.ask_path(path_picker::PickPurpose::MergeCopy);
            }
            Action::CompareWithFile => {
                self.ask_path(path_picker::PickPurpose::CompareFile);
            }
            Action::ExportChanges => {
                self.ask_path(path_picker::PickPurpose::ExportChanges);
            }
            Action::PasteTable => {
                self.desk.modal = Some(Modal::ImportTable(Box::new(
                    figures::ImportDialog::pasted(""),
                )));
            }
            Action::ShowShortcuts => self.desk.modal = Some(Modal::Shortcuts),
            Action::HowToRead => self.desk.modal = Some(Modal::HowToRead),
            _ => return false,
        }
        true
    }

    /// Keeps the settings, saying so in the status bar when that failed.
    pub fn save_settings(&mut self) {
        self.settings
            .keep(self.desk.settings_path.as_deref(), &mut self.editor.status);
    }

    /// Unsaved changes, comments written but not yet added, or comments from phones waiting.
    pub fn has_unsaved_work(&self) -> bool {
        self.editor.is_dirty()
            || self.comments.unsent().next().is_some()
            || !self.editor.phone_comments().is_empty()
    }

    /// What the window is asked from outside: a diagram another start of the program handed
    /// over opens here (asking about unsaved work first, as File → Open does), and the close
    /// button.
    pub fn window_requests(&mut self, ctx: &egui::Context) {
        let handed: Vec<PathBuf> = self
            .desk
            .instance
            .as_ref()
            .map(crate::instance::Listener::take)
            .unwrap_or_default();
        for path in handed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
            self.after_unsaved_check(Then::OpenPath(path));
        }
        self.handle_close(ctx);
    }

    /// The window's close button: closes at once when nothing would be lost; otherwise the
    /// work is kept aside and "Save changes?" asked. Asks the window to close once agreed.
    pub fn handle_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.desk.allow_close {
            if self.has_unsaved_work() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                // Protect the work first, in case the question is never answered.
                self.write_snapshot();
                self.desk.modal = Some(Modal::Unsaved(Then::Quit));
            } else {
                self.desk.recovery.end();
                self.desk.allow_close = true;
            }
        }
    }

    /// File → Export figure: the dialog, as last used, showing the scenario the canvas shows.
    fn open_figure_dialog(&mut self) {
        let scenario = self
            .canvas
            .scenario
            .and_then(|i| self.editor.doc().scenarios().get(i))
            .map(|s| s.name.clone());
        self.desk.modal = Some(Modal::ExportFigure(figures::FigureDialog::remembered(
            self.settings.figure.as_ref(),
            scenario,
        )))
    }

    pub(super) fn replace_document(&mut self, doc: Document, origin: Origin) {
        let path = match &origin {
            Origin::File(path) => Some(path.clone()),
            _ => None,
        };
        *self.editor = Editor::new(doc, origin);
        *self.validation = Validation::default();
        self.canvas.reset_for_new_document();
        *self.comments = CommentsState::default();
        // The previous document was saved or discarded on purpose: its snapshot goes.
        self.recovery_after_open_or_save(path.as_deref());
    }

    /// Opens a file, showing an error dialog (and keeping the current document) on failure.
    pub fn open_path(&mut self, path: &Path) {
        match load_file(path) {
            Ok(loaded) => {
                let problems = validate(&loaded.document).len();
                let repairs = loaded.repairs.len();
                let repair_list: Vec<String> =
                    loaded.repairs.iter().map(|r| r.message.clone()).collect();
                self.replace_document(loaded.document, Origin::File(path.to_path_buf()));
                if !repair_list.is_empty() {
                    // Say what was changed to open it: the file itself is untouched until saved.
                    let shown = repair_list.len().min(20);
                    let mut message = repair_list[..shown].join("\n");
                    if repair_list.len() > shown {
                        message.push_str(&format!("\n… and {} more.", repair_list.len() - shown));
                    }
                    message.push_str(
                        "\n\nNothing was dropped. The file on disk is unchanged until you save.",
                    );
                    self.desk.modal = Some(Modal::Error {
                        title: format!("Opened {} with {repairs} repair(s)", path.display()),
                        message,
                    });
                }
                self.editor.status = match (problems, repairs) {
                    (0, 0) => format!("Opened {}", path.display()),
                    (p, 0) => {
                        let problems = crate::model::counted(p, "problem", "problems");
                        format!(
                            "Opened {}; {problems} to look at (the “{problems}” button beside this lists them)",
                            path.display()
                        )
                    }
                    (p, r) => format!(
                        "Opened {}; repaired {r} thing(s) on loading, {p} problem(s)",
                        path.display()
                    ),
                };
                // Words no font here can draw are said once, not drawn as boxes silently.
                if let Some(report) = crate::interchange::figure_text_report(self.editor.doc()) {
                    self.editor.status = format!("{}. {report}", self.editor.status);
                }
                self.settings.remember(path);
                self.save_settings();
            }
            Err(e) => {
                if matches!(e, crate::file::LoadError::Read { .. }) {
                    self.settings.forget(path);
                    self.save_settings();
                }
                self.desk.modal = Some(Modal::Error {
                    title: "Could not open the diagram".into(),
                    message: e.to_string(),
                });
            }
        }
    }

    /// Saves to the current file, asking for a name when there is none. Returns true when saved.
    pub fn save(&mut self) -> bool {
        match self.editor.origin.clone() {
            Origin::File(path) => self.save_to(&path),
            Origin::Untitled | Origin::Example => self.save_as(),
        }
    }

    /// Asks for a file name and saves there. Returns true when saved now (false when
    /// cancelled, or when the built-in chooser was opened and saves once a path is chosen).
    pub fn save_as(&mut self) -> bool {
        self.save_as_then(None)
    }

    /// Save As, then `then` (e.g. quit) once saved, also when the built-in chooser answers
    /// later. Returns true when saved now.
    pub(super) fn save_as_then(&mut self, then: Option<Then>) -> bool {
        self.ask_path(path_picker::PickPurpose::SaveAs { then })
    }

    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        match self.editor.save_to(path) {
            Ok(()) => {
                self.editor.origin = Origin::File(path.to_path_buf());
                self.recovery_after_open_or_save(Some(path));
                self.editor.status = format!("Saved {}", path.display());
                self.settings.remember(path);
                self.save_settings();
                true
            }
            Err(e) => {
                self.desk.modal = Some(Modal::Error {
                    title: "Could not save the diagram".into(),
                    message: e.to_string(),
                });
                false
            }
        }
    }

    /// Does `then` now, or first asks about unsaved changes.
    pub(super) fn after_unsaved_check(&mut self, then: Then) {
        if self.has_unsaved_work() {
            self.desk.modal = Some(Modal::Unsaved(then));
        } else {
            self.carry_out(then);
        }
    }

    pub(super) fn carry_out(&mut self, then: Then) {
        match then {
            Then::New => {
                self.replace_document(Document::new(crate::model::UNTITLED), Origin::Untitled);
                self.canvas.camera = canvas::Camera::default();
                self.canvas.fit_pending = false;
                self.editor.status =
                    "New diagram. Double-click the canvas to add a CMOC card.".into();
            }
            Then::Open => {
                self.ask_path(path_picker::PickPurpose::OpenDiagram);
            }
            Then::OpenPath(path) => self.open_path(&path),
            Then::OpenExample => {
                self.replace_document(example_document(), Origin::Example);
                self.editor.status = "Opened the example. Save As keeps your own copy.".into();
            }
            Then::Quit => {
                // Saved or discarded on purpose: nothing to recover next time.
                self.desk.recovery.end();
                self.desk.allow_close = true;
                self.desk.close_sent = true;
            }
        }
    }
}
