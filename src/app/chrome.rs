//! The window's chrome: menus, toolbar and status bar, all fed from the action table.

use super::Shortcuts;
use super::canvas::CanvasState;
use super::settings::Settings;
use super::{Action, definitions};
use crate::model::NodeKind;
use crate::scene::Palette;
use crate::session::Editor;
use egui::{RichText, Ui};
use std::cell::Cell;
use std::path::PathBuf;

/// Below this window width the toolbar's longest add buttons use short labels.
const TOOLBAR_COMPACT_BELOW_PX: f32 = 1500.0;

/// What the menus, toolbar and status bar draw from: the session, the canvas, the settings
/// and view switches they show, and the window's answer for each command ("does it apply
/// now, and if not why"), worked out once for the frame.
pub struct Chrome<'a> {
    /// The open document.
    pub editor: &'a mut Editor,
    /// The canvas (its zoom, the scenario shown).
    pub canvas: &'a mut CanvasState,
    /// Preferences (recent files, snapping, the side panel shown).
    pub settings: &'a Settings,
    /// The diagram's problems, checked again as it changes.
    pub validation: &'a mut crate::model::Validation,
    /// The legend is shown.
    pub show_legend: bool,
    /// The CMOC table is shown.
    pub show_table: bool,
    /// Whether each command applies now, in the order of [`Action::all`].
    pub available: Vec<Result<(), &'static str>>,
    /// The command chosen this frame.
    pub asked: Option<Action>,
    /// A recent file chosen this frame.
    pub open_recent: Option<PathBuf>,
}

impl Chrome<'_> {
    /// Whether `action` applies now, and if not why.
    fn availability(&self, action: Action) -> Result<(), &'static str> {
        Action::all()
            .position(|a| a == action)
            .and_then(|i| self.available.get(i).copied())
            .unwrap_or(Ok(()))
    }

    /// The menu bar.
    pub fn menus_ui(&mut self, ui: &mut Ui) {
        let chosen = std::cell::Cell::new(None);
        let mut open_recent = None;
        ui.menu_button("File", |ui| {
            self.file_menu_ui(ui, &chosen, &mut open_recent)
        });
        ui.menu_button("Edit", |ui| self.edit_menu_ui(ui, &chosen));
        ui.menu_button("Insert", |ui| self.insert_menu_ui(ui, &chosen));
        ui.menu_button("Arrange", |ui| self.arrange_menu_ui(ui, &chosen));
        ui.menu_button("View", |ui| self.view_menu_ui(ui, &chosen));
        ui.menu_button("Help", |ui| self.help_menu_ui(ui, &chosen));
        if let Some(action) = chosen.get() {
            self.asked = Some(action);
        }
        if let Some(path) = open_recent {
            self.open_recent = Some(path);
        }
    }

    /// A menu item for an action: its name and first shortcut, greyed with the reason when it
    /// does not apply now; clicked, it is chosen and the menu closes.
    fn menu_item(&self, ui: &mut Ui, chosen: &Cell<Option<Action>>, action: Action) {
        let shortcut = action
            .shortcuts()
            .first()
            .map(|s| super::shortcuts::shortcut_words(ui.ctx(), s))
            .unwrap_or_default();
        let button = egui::Button::new(action.name()).shortcut_text(shortcut);
        if super::shortcuts::action_button(ui, action, button, self.availability(action)).clicked()
        {
            chosen.set(Some(action));
            ui.close();
        }
    }

    /// The File menu.
    fn file_menu_ui(
        &self,
        ui: &mut Ui,
        chosen: &Cell<Option<Action>>,
        open_recent: &mut Option<std::path::PathBuf>,
    ) {
        self.menu_item(ui, chosen, Action::New);
        self.menu_item(ui, chosen, Action::Open);
        ui.menu_button("Open recent", |ui| {
            if self.settings.recent_files.is_empty() {
                ui.label(RichText::new("No recent files").weak());
            }
            for path in &self.settings.recent_files {
                if ui.button(path.display().to_string()).clicked() {
                    *open_recent = Some(path.clone());
                    ui.close();
                }
            }
        });
        self.menu_item(ui, chosen, Action::OpenExample);
        self.menu_item(ui, chosen, Action::RecoverUnsaved);
        ui.separator();
        self.menu_item(ui, chosen, Action::Save);
        self.menu_item(ui, chosen, Action::SaveAs);
        self.menu_item(ui, chosen, Action::SaveVersion);
        self.menu_item(ui, chosen, Action::MergeCopy);
        ui.separator();
        self.menu_item(ui, chosen, Action::ImportTable);
        self.menu_item(ui, chosen, Action::PasteTable);
        self.menu_item(ui, chosen, Action::ExportFigure);
        self.menu_item(ui, chosen, Action::ExportTable);
        self.menu_item(ui, chosen, Action::ExportNotes);
        self.menu_item(ui, chosen, Action::ExportChanges);
        ui.separator();
        self.menu_item(ui, chosen, Action::Quit);
    }

    /// The Edit menu.
    fn edit_menu_ui(&self, ui: &mut Ui, chosen: &Cell<Option<Action>>) {
        let undo = match self.editor.history().undo_label() {
            Some(label) => format!("Undo {label}"),
            None => "Undo".into(),
        };
        let redo = match self.editor.history().redo_label() {
            Some(label) => format!("Redo {label}"),
            None => "Redo".into(),
        };
        for (action, text) in [(Action::Undo, undo), (Action::Redo, redo)] {
            let shortcut = action
                .shortcuts()
                .first()
                .map(|s| super::shortcuts::shortcut_words(ui.ctx(), s))
                .unwrap_or_default();
            let button = egui::Button::new(text).shortcut_text(shortcut);
            if super::shortcuts::action_button(ui, action, button, self.availability(action))
                .clicked()
            {
                chosen.set(Some(action));
                ui.close();
            }
        }
        ui.separator();
        self.menu_item(ui, chosen, Action::Cut);
        self.menu_item(ui, chosen, Action::Copy);
        self.menu_item(ui, chosen, Action::CopyPicture);
        self.menu_item(ui, chosen, Action::Paste);
        self.menu_item(ui, chosen, Action::Duplicate);
        self.menu_item(ui, chosen, Action::Delete);
        ui.separator();
        self.menu_item(ui, chosen, Action::SelectAll);
        self.menu_item(ui, chosen, Action::Deselect);
        ui.separator();
        self.menu_item(ui, chosen, Action::TogglePolarity);
    }

    /// The Insert menu.
    fn insert_menu_ui(&self, ui: &mut Ui, chosen: &Cell<Option<Action>>) {
        for kind in NodeKind::ALL {
            self.menu_item(ui, chosen, Action::add(kind));
        }
    }

    /// The Arrange menu.
    fn arrange_menu_ui(&self, ui: &mut Ui, chosen: &Cell<Option<Action>>) {
        self.menu_item(ui, chosen, Action::BringToFront);
        self.menu_item(ui, chosen, Action::SendToBack);
        ui.separator();
        for action in [
            Action::AlignLeft,
            Action::AlignCentreHorizontally,
            Action::AlignRight,
            Action::AlignTop,
            Action::AlignCentreVertically,
            Action::AlignBottom,
        ] {
            self.menu_item(ui, chosen, action);
        }
        ui.separator();
        self.menu_item(ui, chosen, Action::DistributeHorizontally);
        self.menu_item(ui, chosen, Action::DistributeVertically);
        ui.separator();
        self.menu_item(ui, chosen, Action::Tidy);
        self.menu_item(ui, chosen, Action::FitToText);
        self.menu_item(ui, chosen, Action::TogglePin);
        ui.separator();
        let arrows = self.editor.doc().metadata().arrows;
        for (action, style) in [
            (Action::ArrowsCurved, crate::model::ArrowStyle::Curved),
            (
                Action::ArrowsOrthogonal,
                crate::model::ArrowStyle::Orthogonal,
            ),
        ] {
            if ui
                .radio(arrows == style, action.name())
                .on_hover_text(action.description())
                .clicked()
            {
                chosen.set(Some(action));
                ui.close();
            }
        }
    }

    /// The View menu.
    fn view_menu_ui(&self, ui: &mut Ui, chosen: &Cell<Option<Action>>) {
        self.menu_item(ui, chosen, Action::Present);
        self.menu_item(ui, chosen, Action::JoinFromPhones);
        self.menu_item(ui, chosen, Action::EditPath);
        self.menu_item(ui, chosen, Action::ShowVersions);
        self.menu_item(ui, chosen, Action::CompareWithLatest);
        self.menu_item(ui, chosen, Action::CompareWithFile);
        self.menu_item(ui, chosen, Action::NextChange);
        self.menu_item(ui, chosen, Action::PreviousChange);
        self.menu_item(ui, chosen, Action::StopComparing);
        self.menu_item(ui, chosen, Action::EditScenarios);
        self.menu_item(ui, chosen, Action::CloseSplit);
        self.menu_item(ui, chosen, Action::CommandPalette);
        self.menu_item(ui, chosen, Action::Find);
        ui.separator();
        self.menu_item(ui, chosen, Action::TextLarger);
        self.menu_item(ui, chosen, Action::TextSmaller);
        self.menu_item(ui, chosen, Action::ZoomIn);
        self.menu_item(ui, chosen, Action::ZoomOut);
        self.menu_item(ui, chosen, Action::ActualSize);
        self.menu_item(ui, chosen, Action::FitDiagram);
        self.menu_item(ui, chosen, Action::FitSelection);
        ui.separator();
        let mut snap = self.settings.snap_to_grid;
        if ui.checkbox(&mut snap, Action::ToggleSnap.name()).clicked() {
            chosen.set(Some(Action::ToggleSnap));
        }
        let mut legend = self.show_legend;
        if ui
            .checkbox(&mut legend, Action::ToggleLegend.name())
            .clicked()
        {
            chosen.set(Some(Action::ToggleLegend));
        }
        let mut table = self.show_table;
        if ui
            .checkbox(&mut table, Action::ToggleTable.name())
            .clicked()
        {
            chosen.set(Some(Action::ToggleTable));
        }
        let mut side = !self.settings.hide_side_panel;
        if ui
            .checkbox(&mut side, Action::ToggleSidePanel.name())
            .on_hover_text(format!("{} (F9)", Action::ToggleSidePanel.description()))
            .clicked()
        {
            chosen.set(Some(Action::ToggleSidePanel));
        }
        ui.separator();
        let current = ui.ctx().options(|o| o.theme_preference);
        for (action, preference) in [
            (Action::ThemeLight, egui::ThemePreference::Light),
            (Action::ThemeDark, egui::ThemePreference::Dark),
            (Action::ThemeSystem, egui::ThemePreference::System),
        ] {
            if ui
                .radio(current == preference, action.name())
                .on_hover_text(action.description())
                .clicked()
            {
                chosen.set(Some(action));
            }
        }
    }

    /// The Help menu.
    fn help_menu_ui(&self, ui: &mut Ui, chosen: &Cell<Option<Action>>) {
        self.menu_item(ui, chosen, Action::HowToRead);
        self.menu_item(ui, chosen, Action::ShowShortcuts);
        self.menu_item(ui, chosen, Action::UserGuide);
        ui.separator();
        ui.label(RichText::new(definitions::CMOC).weak());
    }

    /// The toolbar.
    pub fn toolbar_ui(&mut self, ui: &mut Ui, palette: &Palette) {
        let chosen = std::cell::Cell::new(None);
        let can_toggle = self.availability(Action::TogglePolarity);
        let can_undo = self.availability(Action::Undo);
        let can_redo = self.availability(Action::Redo);
        let zoom = format!("{:.0}%", self.canvas.camera.zoom * 100.0);
        ui.horizontal_wrapped(|ui| {
            // Buttons show the action's short label and its description and shortcut on hover.
            let button = |ui: &mut Ui, action: Action, label: String, available| {
                if super::shortcuts::action_button(ui, action, egui::Button::new(label), available)
                    .clicked()
                {
                    chosen.set(Some(action));
                }
            };
            ui.label(RichText::new("Add:").strong());
            // On a laptop the two longest labels are shortened, so the toolbar keeps to one
            // line (the full names are on hover and in the Insert menu).
            let compact = ui.available_width() < TOOLBAR_COMPACT_BELOW_PX;
            for kind in NodeKind::ALL {
                let action = Action::add(kind);
                let label = match kind {
                    NodeKind::Cmoc if compact => "CMOC",
                    NodeKind::Condition if compact => "IF",
                    _ => action.toolbar_label(),
                };
                let style = if kind == NodeKind::Cmoc {
                    palette.card(false)
                } else {
                    palette.kind(kind)
                };
                let swatch = egui::Button::new(RichText::new(label).color(palette.text))
                    .fill(style.fill)
                    .stroke(egui::Stroke::new(
                        crate::scene::style::BORDER_WIDTH,
                        style.stroke,
                    ));
                let response = ui.add(swatch).on_hover_text(action.description());
                // A screen reader says the full name, however short the label.
                super::name_widget(ui, &response, action.toolbar_label());
                if response.clicked() {
                    chosen.set(Some(action));
                }
            }
            ui.separator();
            let toggle = Action::TogglePolarity;
            button(ui, toggle, toggle.toolbar_label().into(), can_toggle);
            ui.separator();
            button(
                ui,
                Action::Undo,
                Action::Undo.toolbar_label().into(),
                can_undo,
            );
            button(
                ui,
                Action::Redo,
                Action::Redo.toolbar_label().into(),
                can_redo,
            );
            ui.separator();
            button(
                ui,
                Action::ZoomOut,
                Action::ZoomOut.toolbar_label().into(),
                Ok(()),
            );
            button(ui, Action::ActualSize, zoom, Ok(()));
            button(
                ui,
                Action::ZoomIn,
                Action::ZoomIn.toolbar_label().into(),
                Ok(()),
            );
            button(
                ui,
                Action::FitDiagram,
                Action::FitDiagram.toolbar_label().into(),
                Ok(()),
            );
            ui.separator();
            let table = Action::ToggleTable;
            if ui
                .selectable_label(self.show_table, table.toolbar_label())
                .on_hover_text(table.description())
                .clicked()
            {
                chosen.set(Some(table));
            }
            button(
                ui,
                Action::CommandPalette,
                Action::CommandPalette.toolbar_label().into(),
                Ok(()),
            );
            scenario_picker(ui, self.editor.doc(), &mut self.canvas.scenario);
        });
        if let Some(action) = chosen.get() {
            self.asked = Some(action);
        }
    }

    /// The status bar: counts, the diagram's problems, the last message.
    pub fn status_ui(&mut self, ui: &mut Ui) {
        // Only what changed is checked again (validating 20,000 cards every keystroke would
        // cost milliseconds).
        self.validation.update(self.editor.doc());
        let count = self.validation.count();
        ui.horizontal(|ui| {
            let doc = self.editor.doc();
            ui.label(format!(
                "{} · {} · {}",
                crate::model::counted(doc.card_count(), "CMOC card", "CMOC cards"),
                crate::model::counted(doc.node_count(), "node", "nodes"),
                crate::model::counted(doc.edge_count(), "arrow", "arrows")
            ));
            if count > 0 {
                ui.separator();
                let text = format!("{count} problem{}", if count == 1 { "" } else { "s" });
                ui.menu_button(text, |ui| {
                    // Listed only while the menu is open.
                    let problems = self.validation.problems(self.editor.doc());
                    // A long list scrolls inside the window.
                    let height = (ui.ctx().content_rect().height() * 0.6).max(120.0);
                    egui::ScrollArea::vertical()
                        .max_height(height)
                        .show(ui, |ui| {
                            for problem in problems.iter().take(500) {
                                if ui.button(problem.to_string()).clicked() {
                                    match problem.subject {
                                        crate::model::Subject::Node(id) => {
                                            self.editor.selection.set_node(id)
                                        }
                                        crate::model::Subject::Edge(id) => {
                                            self.editor.selection.set_edge(id)
                                        }
                                        crate::model::Subject::Annotation(_)
                                        | crate::model::Subject::Scenario(_) => {}
                                    }
                                    ui.close();
                                }
                            }
                        });
                });
            }
            ui.separator();
            ui.label(&self.editor.status);
        });
    }
}

/// "What if": which scenario the canvas shows (none: the diagram as drawn). Choosing one is
/// view state, not an edit.
pub(super) fn scenario_picker(
    ui: &mut Ui,
    doc: &crate::model::Document,
    chosen: &mut Option<usize>,
) {
    if doc.scenarios().is_empty() {
        return;
    }
    ui.separator();
    let current = chosen
        .and_then(|i| doc.scenarios().get(i))
        .map_or("None", |s| s.name.as_str());
    // The label and its list stay together when the toolbar wraps.
    ui.horizontal(|ui| {
        let label = ui.label("What if:");
        egui::ComboBox::from_id_salt("scenario-picker")
            .selected_text(crate::model::shorten(current, 40))
            .show_ui(ui, |ui| {
                ui.selectable_value(chosen, None, "None (the diagram as drawn)");
                for (i, s) in doc.scenarios().iter().enumerate() {
                    ui.selectable_value(chosen, Some(i), &s.name)
                        .on_hover_text(&s.description);
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Show which parts of the theory hold in a scenario: inactive parts fade, partly active ones are hatched");
    });
}
