//! The window's chrome: menus, toolbar and status bar, all fed from the action table.

use super::{Action, EditorApp, Then, definitions};
use crate::model::NodeKind;
use crate::scene::Palette;
use egui::{RichText, Ui};

impl EditorApp {
    pub(super) fn menus_ui(&mut self, ui: &mut Ui) {
        let chosen = std::cell::Cell::new(None);
        let item = |ui: &mut Ui, action: Action, enabled: bool| {
            let shortcut = action
                .shortcuts()
                .first()
                .map(|s| ui.ctx().format_shortcut(s))
                .unwrap_or_default();
            let button = egui::Button::new(action.name()).shortcut_text(shortcut);
            if ui
                .add_enabled(enabled, button)
                .on_hover_text(action.description())
                .clicked()
            {
                chosen.set(Some(action));
                ui.close();
            }
        };
        let has_selection = !self.editor.selection.is_empty();
        let has_nodes = !self.editor.selection.nodes.is_empty();
        let mut open_recent = None;
        let mut add_kind = None;
        ui.menu_button("File", |ui| {
            item(ui, Action::New, true);
            item(ui, Action::Open, true);
            ui.menu_button("Open recent", |ui| {
                if self.settings.recent_files.is_empty() {
                    ui.label(RichText::new("No recent files").weak());
                }
                for path in &self.settings.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        open_recent = Some(path.clone());
                        ui.close();
                    }
                }
            });
            item(ui, Action::OpenExample, true);
            ui.separator();
            item(ui, Action::Save, true);
            item(ui, Action::SaveAs, true);
            ui.separator();
            item(ui, Action::ImportTable, true);
            item(ui, Action::ExportFigure, true);
            item(ui, Action::ExportTable, true);
            ui.separator();
            item(ui, Action::Quit, true);
        });
        ui.menu_button("Edit", |ui| {
            let undo = match self.editor.history().undo_label() {
                Some(label) => format!("Undo {label}"),
                None => "Undo".into(),
            };
            let redo = match self.editor.history().redo_label() {
                Some(label) => format!("Redo {label}"),
                None => "Redo".into(),
            };
            for (action, text, enabled) in [
                (Action::Undo, undo, self.editor.history().undo_len() > 0),
                (Action::Redo, redo, self.editor.history().redo_len() > 0),
            ] {
                let shortcut = action
                    .shortcuts()
                    .first()
                    .map(|s| ui.ctx().format_shortcut(s))
                    .unwrap_or_default();
                if ui
                    .add_enabled(enabled, egui::Button::new(text).shortcut_text(shortcut))
                    .clicked()
                {
                    chosen.set(Some(action));
                    ui.close();
                }
            }
            ui.separator();
            item(ui, Action::Cut, has_nodes);
            item(ui, Action::Copy, has_nodes);
            item(ui, Action::Paste, true);
            item(ui, Action::Duplicate, has_nodes);
            item(ui, Action::Delete, has_selection);
            ui.separator();
            item(ui, Action::SelectAll, true);
            item(ui, Action::Deselect, has_selection);
            ui.separator();
            item(ui, Action::TogglePolarity, has_nodes);
        });
        ui.menu_button("Insert", |ui| {
            for kind in NodeKind::ALL {
                if ui.button(kind.name()).clicked() {
                    add_kind = Some(kind);
                    ui.close();
                }
            }
        });
        ui.menu_button("Arrange", |ui| {
            item(ui, Action::BringToFront, has_nodes);
            item(ui, Action::SendToBack, has_nodes);
            ui.separator();
            ui.label(
                RichText::new("Align and distribute: select nodes, then use the inspector.").weak(),
            );
        });
        ui.menu_button("View", |ui| {
            item(ui, Action::ZoomIn, true);
            item(ui, Action::ZoomOut, true);
            item(ui, Action::ActualSize, true);
            item(ui, Action::FitDiagram, true);
            item(ui, Action::FitSelection, has_nodes);
            ui.separator();
            let mut snap = self.settings.snap_to_grid;
            if ui.checkbox(&mut snap, "Snap to grid").clicked() {
                chosen.set(Some(Action::ToggleSnap));
            }
            ui.checkbox(&mut self.show_legend, "Legend");
            let mut table = self.show_table;
            if ui.checkbox(&mut table, "CMOC table").clicked() {
                chosen.set(Some(Action::ToggleTable));
            }
            ui.separator();
            ui.label("Theme");
            let current = ui.ctx().options(|o| o.theme_preference);
            for (preference, text) in [
                (egui::ThemePreference::Light, "Light (best on a projector)"),
                (egui::ThemePreference::Dark, "Dark"),
                (egui::ThemePreference::System, "Follow the system"),
            ] {
                if ui.radio(current == preference, text).clicked() {
                    ui.ctx().set_theme(preference);
                }
            }
        });
        ui.menu_button("Help", |ui| {
            item(ui, Action::ShowShortcuts, true);
            ui.separator();
            ui.label(RichText::new(definitions::CMOC).weak());
        });
        if let Some(action) = chosen.get() {
            self.perform_from_menu(ui.ctx(), action);
        }
        if let Some(path) = open_recent {
            self.after_unsaved_check(Then::OpenPath(path));
        }
        if let Some(kind) = add_kind {
            self.add_node(kind, None);
        }
    }

    pub(super) fn perform_from_menu(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Copy => {
                self.copy(ctx);
            }
            Action::Cut => self.cut(ctx),
            Action::Paste => {
                // A menu cannot read the system clipboard synchronously in egui; ask for the
                // keyboard shortcut, which delivers the clipboard's text.
                let shortcut = Action::Paste
                    .shortcuts()
                    .first()
                    .map(|s| ctx.format_shortcut(s))
                    .unwrap_or_default();
                self.editor.status = format!("Press {shortcut} over the canvas to paste.");
            }
            other => self.perform(other),
        }
    }

    pub(super) fn toolbar_ui(&mut self, ui: &mut Ui, palette: &Palette) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Add:").strong());
            for kind in NodeKind::ALL {
                let style = if kind == NodeKind::Cmoc {
                    palette.card(false)
                } else {
                    palette.kind(kind)
                };
                let button = egui::Button::new(RichText::new(kind.name()).color(palette.text))
                    .fill(style.fill)
                    .stroke(egui::Stroke::new(1.5, style.stroke));
                if ui
                    .add(button)
                    .on_hover_text(format!(
                        "Add a {} at the centre of the view",
                        kind.name().to_lowercase()
                    ))
                    .clicked()
                {
                    self.add_node(kind, None);
                }
            }
            ui.separator();
            let has_cards = self.editor.selection.nodes.iter().any(|id| {
                self.editor
                    .doc()
                    .node(*id)
                    .is_some_and(|n| n.kind() == NodeKind::Cmoc)
            });
            if ui
                .add_enabled(has_cards, egui::Button::new("Toggle +/-"))
                .on_hover_text(format!("{} (T)", Action::TogglePolarity.description()))
                .clicked()
            {
                self.perform(Action::TogglePolarity);
            }
            ui.separator();
            if ui
                .add_enabled(
                    self.editor.history().undo_len() > 0,
                    egui::Button::new("Undo"),
                )
                .clicked()
            {
                self.perform(Action::Undo);
            }
            if ui
                .add_enabled(
                    self.editor.history().redo_len() > 0,
                    egui::Button::new("Redo"),
                )
                .clicked()
            {
                self.perform(Action::Redo);
            }
            ui.separator();
            if ui.button(" - ").on_hover_text("Zoom out").clicked() {
                self.perform(Action::ZoomOut);
            }
            if ui
                .button(format!("{:.0}%", self.canvas.camera.zoom * 100.0))
                .on_hover_text("Actual size (100%)")
                .clicked()
            {
                self.perform(Action::ActualSize);
            }
            if ui.button(" + ").on_hover_text("Zoom in").clicked() {
                self.perform(Action::ZoomIn);
            }
            if ui
                .button("Fit")
                .on_hover_text("Show the whole diagram")
                .clicked()
            {
                self.perform(Action::FitDiagram);
            }
            ui.separator();
            if ui
                .selectable_label(self.show_table, "Table")
                .on_hover_text(Action::ToggleTable.description())
                .clicked()
            {
                self.perform(Action::ToggleTable);
            }
        });
    }

    pub(super) fn status_ui(&mut self, ui: &mut Ui) {
        // Only what changed is checked again (validating 20,000 cards every keystroke would
        // cost milliseconds).
        self.validation.update(self.editor.doc());
        let count = self.validation.count();
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} CMOC cards · {} nodes · {} arrows",
                self.editor.doc().card_count(),
                self.editor.doc().node_count(),
                self.editor.doc().edge_count()
            ));
            if count > 0 {
                ui.separator();
                let text = format!("{count} problem{}", if count == 1 { "" } else { "s" });
                ui.menu_button(text, |ui| {
                    // Listed only while the menu is open.
                    let problems = self.validation.problems(self.editor.doc());
                    for problem in problems.iter().take(50) {
                        if ui.button(problem.to_string()).clicked() {
                            match problem.subject {
                                crate::model::Subject::Node(id) => {
                                    self.editor.selection.set_node(id)
                                }
                                crate::model::Subject::Edge(id) => {
                                    self.editor.selection.set_edge(id)
                                }
                                crate::model::Subject::Annotation(_) => {}
                            }
                            ui.close();
                        }
                    }
                });
            }
            ui.separator();
            ui.label(&self.editor.status);
        });
    }
}
