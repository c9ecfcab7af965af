//! Find (Ctrl+F): type words or a CMOC number ("10", "-ve 22"); matching cards light up on the
//! canvas, Enter / F3 / Shift+F3 step through them with the camera following, Esc closes.

use super::{EditorApp, name_widget};
use crate::model::NodeId;
use crate::scene::Palette;
use crate::scene::find::Query;
use egui::{Key, RichText};

/// The zoom Find comes in to when the view is further out: card text is readable from here.
const FIND_READABLE_ZOOM: f32 = 0.75;

/// The find bar's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FindBar {
    /// Shown.
    pub open: bool,
    /// What has been typed.
    pub text: String,
    /// The nodes that match, in reading order.
    pub matches: Vec<NodeId>,
    /// Which match was last shown.
    pub current: Option<usize>,
    needs_focus: bool,
    searched: Option<(String, crate::model::Stamp)>,
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
        let count = self.find.matches.len();
        if count == 0 {
            self.editor.status = "No card matches.".into();
            return;
        }
        let next = match (self.find.current, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        self.find.current = Some(next);
        let id = self.find.matches[next];
        self.editor.selection.set_node(id);
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
        self.editor.status = format!("Match {} of {count}", next + 1);
    }

    /// The find bar over the top of the canvas, when open.
    pub(super) fn find_ui(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        if !self.find.open {
            self.canvas.matches.clear();
            return;
        }
        let stamp = self.editor.revision();
        if self.find.searched.as_ref() != Some(&(self.find.text.clone(), stamp)) {
            let query = Query::parse(&self.find.text);
            self.find.matches = self.canvas.scene(&self.editor, palette).find(&query);
            self.find.current = None;
            self.find.searched = Some((self.find.text.clone(), stamp));
        }
        self.canvas.matches = self.find.matches.clone();
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
            let count = self.find.matches.len();
            let where_ = match (self.find.current, count) {
                (_, 0) if self.find.text.trim().is_empty() => String::new(),
                (_, 0) => "no match".to_string(),
                (Some(i), n) => format!("{} of {n}", i + 1),
                (None, n) => format!("{n} match{}", if n == 1 { "" } else { "es" }),
            };
            ui.label(where_);
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
