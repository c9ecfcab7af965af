//! Find (Ctrl+F): type words or a CMOC number ("10", "-ve 22"); matching cards light up on the
//! canvas, Enter / F3 / Shift+F3 step through them with the camera following, Esc closes.

use super::{EditorApp, name_widget};
use crate::scene::Palette;
use crate::session::Find;
use egui::{Key, RichText};

/// The zoom Find comes in to when the view is further out: card text is readable from here.
const FIND_READABLE_ZOOM: f32 = 0.75;

/// The find bar: the search itself ([`Find`], headless) and whether the bar is shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FindBar {
    /// Shown.
    pub open: bool,
    /// What is looked for and what matches.
    pub find: Find,
    needs_focus: bool,
}

impl FindBar {
    /// Opens the bar with the keyboard in its field.
    pub fn open(&mut self) {
        self.open = true;
        self.needs_focus = true;
    }
}

impl EditorApp {
    /// Shows the next (or previous) match: selects it and brings it into view.
    pub(super) fn find_step(&mut self, forward: bool) {
        if !self.find.open {
            self.find.open();
            return;
        }
        let Some(id) = self.find.find.step(&mut self.editor, forward) else {
            return;
        };
        let status = std::mem::take(&mut self.editor.status);
        // Far out, a found card is a box too small to read: come in close enough to read it
        // (as far as the card still fits the view).
        if let Some(node) = self.editor.doc().node(id)
            && self.canvas.camera.zoom < FIND_READABLE_ZOOM
        {
            let view = self.canvas.rect.size();
            let fits = (view.x * 0.9 / node.size.width.max(1.0))
                .min(view.y * 0.9 / node.size.height.max(1.0));
            let zoom = FIND_READABLE_ZOOM.min(fits);
            if zoom.is_finite() && zoom > self.canvas.camera.zoom {
                self.canvas.camera.zoom = zoom;
            }
        }
        self.focus_node(id);
        self.editor.status = status;
    }

    /// The find bar over the top of the canvas, when open.
    pub(super) fn find_ui(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        if !self.find.open {
            self.canvas.matches.clear();
            return;
        }
        let revision = self.editor.revision();
        if self.find.find.is_stale(revision) {
            let scene = self.canvas.scene(&self.editor, palette);
            self.find.find.search(scene, revision);
        }
        self.canvas.matches = self.find.find.matches.clone();
        let mut step = None;
        let mut close = false;
        ui.horizontal(|ui| {
            ui.label(RichText::new("Find").strong());
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.find.find.text)
                    .hint_text("words, or a CMOC number such as 10 or -ve 22")
                    .desired_width(320.0),
            );
            name_widget(ui, &field, "Find cards");
            if std::mem::take(&mut self.find.needs_focus) {
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                let back = ui.input(|i| i.modifiers.shift);
                step = Some(!back);
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
                close = true;
            }
            ui.label(self.find.find.summary());
            if ui.button("Previous").on_hover_text("Shift+F3").clicked() {
                step = Some(false);
            }
            if ui.button("Next").on_hover_text("Enter or F3").clicked() {
                step = Some(true);
            }
            if ui.button("Close").on_hover_text("Esc").clicked() {
                close = true;
            }
        });
        if let Some(forward) = step {
            self.find_step(forward);
        }
        if close {
            self.find.open = false;
            self.canvas.matches.clear();
        }
    }
}
