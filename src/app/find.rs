//! Find (Ctrl+F): type words or a CMOC number ("10", "-ve 22"); matching cards light up on the
//! canvas, Enter / F3 / Shift+F3 step through them with the camera following, Esc closes.

use super::canvas::CanvasState;
use super::name_widget;
use crate::scene::Palette;
use crate::session::{Editor, Find};
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

    /// Shows the next (or previous) match: selects it and brings it into view.
    pub(super) fn step(&mut self, editor: &mut Editor, canvas: &mut CanvasState, forward: bool) {
        if !self.open {
            self.open();
            return;
        }
        let Some(id) = self.find.step(editor, forward) else {
            return;
        };
        let status = std::mem::take(&mut editor.status);
        // Far out, a found card is a box too small to read: come in close enough to read it
        // (as far as the card still fits the view).
        if let Some(node) = editor.doc().node(id) {
            reveal(canvas, node);
        }
        editor.status = status;
    }

    /// The find bar over the top of the canvas, when open.
    pub(super) fn ui(
        &mut self,
        ui: &mut egui::Ui,
        editor: &mut Editor,
        canvas: &mut CanvasState,
        palette: &Palette,
    ) {
        if !self.open {
            canvas.matches.clear();
            return;
        }
        let revision = editor.revision();
        if self.find.is_stale(revision) {
            let scene = canvas.scene(editor, palette);
            self.find.search(scene, revision);
        }
        canvas.matches = self.find.matches.clone();
        let mut step = None;
        let mut close = false;
        ui.horizontal(|ui| {
            ui.label(RichText::new("Find").strong());
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.find.text)
                    .hint_text("words, or a CMOC number such as 10 or -ve 22")
                    .desired_width(320.0),
            );
            name_widget(ui, &field, "Find cards");
            if std::mem::take(&mut self.needs_focus) {
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
            ui.label(self.find.summary());
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
            self.step(editor, canvas, forward);
        }
        if close {
            self.open = false;
            canvas.matches.clear();
        }
    }
}

/// Brings a node into view, close enough to read it (as far as it still fits the view).
pub(super) fn reveal(canvas: &mut CanvasState, node: &crate::model::Node) {
    if canvas.camera.zoom < FIND_READABLE_ZOOM {
        let view = canvas.rect.size();
        let fits =
            (view.x * 0.9 / node.size.width.max(1.0)).min(view.y * 0.9 / node.size.height.max(1.0));
        let zoom = FIND_READABLE_ZOOM.min(fits);
        if zoom.is_finite() && zoom > canvas.camera.zoom {
            canvas.camera.zoom = zoom;
        }
    }
    let c = node.rect().center();
    canvas.camera.centre_on(canvas.rect, egui::pos2(c.x, c.y));
}
