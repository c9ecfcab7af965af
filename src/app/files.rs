//! Opening, saving and replacing the diagram, and what happens after "Save changes?" is
//! answered: the file side of the window.

use super::dialogs::{Modal, Then};
use super::{CommentsState, EditorApp, canvas, example_document, path_picker};
use crate::file::load_file;
use crate::model::{Document, validate};
use crate::session::{Editor, Origin};
use std::path::Path;

impl EditorApp {
    pub(super) fn replace_document(&mut self, doc: Document, origin: Origin) {
        let path = match &origin {
            Origin::File(path) => Some(path.clone()),
            _ => None,
        };
        self.editor = Editor::new(doc, origin);
        self.validation = crate::model::Validation::default();
        self.canvas.reset_for_new_document();
        self.comments = CommentsState::default();
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
                    self.modal = Some(Modal::Error {
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
                self.modal = Some(Modal::Error {
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
                self.modal = Some(Modal::Error {
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
            self.modal = Some(Modal::Unsaved(then));
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
                self.recovery.end();
                self.allow_close = true;
                self.close_sent = true;
            }
        }
    }
}
