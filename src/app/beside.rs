//! A saved version shown beside the diagram, read-only: the two canvases move and zoom
//! together, so the initial programme theory and the refined one can be read side by side.
//! The version is drawn from its own headless session; anything done to it there (a drag, a
//! keystroke) is put back at once and the status line says how to change it instead. Also
//! where the window opens two scenarios side by side.

use super::canvas::{Camera, CanvasState, canvas_ui};
use crate::edit::restore_edit;
use crate::model::Document;
use crate::session::{Editor, Origin};
use egui::Ui;

/// The version beside the diagram.
pub struct Beside {
    /// The version's name.
    pub name: String,
    /// The version as a diagram, to put back whatever is done to it.
    doc: Document,
    /// The session the right-hand canvas draws.
    pub editor: Editor,
    /// The right-hand canvas.
    pub canvas: CanvasState,
    /// Its place among the saved versions.
    index: usize,
    /// The other saved version whose changes are marked on it, if any.
    against: Option<usize>,
}

impl Beside {
    /// The saved version at `index` of the open diagram, or `None` (the status line says why).
    pub fn of_version(editor: &mut Editor, index: usize) -> Option<Self> {
        let Some(version) = editor.doc().versions().get(index) else {
            editor.status = format!("There is no saved version number {}.", index + 1);
            return None;
        };
        let name = version.name.clone();
        // The saved versions stay with it, to compare it with another one.
        let mut doc = editor.doc().clone();
        let made = restore_edit(&doc, version).and_then(|edit| edit.apply(&mut doc).map(|_| ()));
        if let Err(e) = made {
            editor.status = format!("Could not show “{name}”: {e}.");
            return None;
        }
        editor.status = format!(
            "“{name}” is shown on the right, read-only; the two views move together. Restore it in the Versions tab to make it the diagram."
        );
        Some(Self {
            name,
            editor: Editor::new(doc.clone(), Origin::Untitled),
            doc,
            canvas: CanvasState::fitting(),
            index,
            against: None,
        })
    }

    /// Puts the version back if anything changed it; returns what to say when it did.
    pub fn keep_read_only(&mut self) -> Option<String> {
        // A drag in progress snaps back when it ends.
        if self.editor.history().undo_len() == 0 || self.editor.history().in_transaction() {
            return None;
        }
        let selection = std::mem::take(&mut self.editor.selection);
        self.editor = Editor::new(self.doc.clone(), Origin::Untitled);
        self.editor.selection = selection;
        if let Some(other) = self.against {
            self.editor.compare_with_version(other);
        }
        Some(format!(
            "“{}” is a saved version and cannot be changed here: restore it in the Versions tab to make it the diagram.",
            self.name
        ))
    }
}

impl Beside {
    /// Draws the version in the right half of `full`, moving with the diagram's canvas (whose
    /// camera was `main_before` at the start of the frame); true when Close was clicked.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        full: egui::Rect,
        editor: &mut Editor,
        main: &mut CanvasState,
        main_before: Camera,
        palette: &crate::scene::Palette,
    ) -> bool {
        let right =
            egui::Rect::from_min_max(egui::pos2(full.center().x + 1.0, full.min.y), full.max);
        let before = self.canvas.camera;
        let closed = ui
            .scope_builder(
                egui::UiBuilder::new()
                    .max_rect(right)
                    .id_salt("version-canvas"),
                |ui| {
                    let closed = super::central::pane_heading(
                        ui,
                        &format!("Version “{}”, read-only", self.name),
                        Some(("Close", "Close the version shown beside the diagram")),
                    );
                    self.against_ui(ui);
                    // Its menus and keys act on nothing: the version is not edited.
                    let _ = canvas_ui(ui, &mut self.editor, &mut self.canvas, palette, false);
                    closed
                },
            )
            .inner;
        if main.camera != main_before {
            self.canvas.camera = main.camera;
        } else if self.canvas.camera != before {
            main.camera = self.canvas.camera;
        }
        if let Some(said) = self.keep_read_only() {
            editor.status = said;
        }
        closed
    }
}

impl Beside {
    /// The row under the version's heading: which other saved version's changes to mark on
    /// it (comparing two saved versions), and what they are.
    fn against_ui(&mut self, ui: &mut Ui) {
        let names: Vec<(usize, String)> = self
            .doc
            .versions()
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != self.index)
            .map(|(i, v)| (i, v.name.clone()))
            .collect();
        if names.is_empty() {
            return;
        }
        let mut chosen = self.against;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Mark what changed since");
            let shown = chosen
                .and_then(|c| names.iter().find(|(i, _)| *i == c))
                .map_or("nothing", |(_, n)| n.as_str());
            egui::ComboBox::from_id_salt("beside-against")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, "nothing");
                    for (i, name) in &names {
                        ui.selectable_value(&mut chosen, Some(*i), name);
                    }
                })
                .response
                .labelled_by(label.id);
            if let Some(comparing) = self.editor.comparison_view() {
                ui.label(comparing.summary());
            }
        });
        if chosen != self.against {
            self.set_against(chosen);
        }
    }

    /// Marks on the version what changed since saved version `other` (`None`: nothing).
    pub fn set_against(&mut self, other: Option<usize>) {
        self.against = other;
        match other {
            Some(other) => {
                self.editor.compare_with_version(other);
            }
            None => self.editor.stop_comparing(),
        }
    }
}

/// The two-canvas views the window can show; one at a time.
pub struct Halves<'a> {
    /// The diagram's canvas (the left one).
    pub canvas: &'a mut CanvasState,
    /// Two scenarios side by side: the right canvas.
    pub split: &'a mut Option<Box<CanvasState>>,
    /// A saved version beside the diagram.
    pub beside: &'a mut Option<Box<Beside>>,
}

impl Halves<'_> {
    /// Shows the saved version at `index` of `editor`'s diagram beside it, read-only.
    pub fn open_beside(&mut self, editor: &mut Editor, index: usize) {
        *self.split = None;
        *self.beside = Beside::of_version(editor, index).map(Box::new);
        if let Some(beside) = self.beside.as_mut() {
            beside.canvas.camera = self.canvas.camera;
        }
    }

    /// Shows the scenario shown on the canvas and scenario `other` side by side (the shown
    /// one on the left, `other` on the right), moving and zooming together.
    pub fn open_split(&mut self, editor: &Editor, other: usize) {
        if other >= editor.doc().scenarios().len() || self.canvas.scenario.is_none() {
            return;
        }
        *self.beside = None;
        let mut right = CanvasState::fitting();
        right.scenario = Some(other);
        *self.split = Some(Box::new(right));
        self.canvas.fit_pending = true;
    }
}
