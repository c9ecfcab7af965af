//! The side panel (Inspector, Comments, Path, What if) and the CMOC table under the canvas:
//! their sizes, their tabs, and what their answers ask of the window.

use super::table_view::{self, table_ui};
use super::{EditorApp, SideTab, comments_ui, inspector, path_panel, scenario_panel};
use crate::scene::Palette;
use crate::session::Action;
use egui::{RichText, Ui};

/// How near the side panel's edge a press must start to be a drag of it.
const SIDE_PANEL_GRIP_PX: f32 = 8.0;
/// The side panel's width at first, in points.
const SIDE_PANEL_DEFAULT_PX: f32 = 380.0;
/// The narrowest the side panel may be dragged.
const SIDE_PANEL_MIN_PX: f32 = 300.0;
/// The largest share of the window the side panel may take, so the canvas keeps the rest.
const SIDE_PANEL_MAX_SHARE: f32 = 0.42;

impl EditorApp {
    /// The side panel: its width is the user's (dragged, remembered) and at most
    /// SIDE_PANEL_MAX_SHARE of the window, so the canvas keeps most of a laptop's screen;
    /// long content wraps or scrolls inside it. View > Side panel (F9) hides it.
    pub(super) fn side_panel_ui(&mut self, ui: &mut Ui, palette: &Palette) {
        let window_width = ui.available_width();
        let widest = (window_width * SIDE_PANEL_MAX_SHARE).max(SIDE_PANEL_MIN_PX);
        let chosen = if self.settings.side_panel_width > 0.0 {
            self.settings.side_panel_width
        } else {
            SIDE_PANEL_DEFAULT_PX
        };
        let mut side_open = !self.settings.hide_side_panel;
        // Only a drag of its edge makes the panel wider than the user's width: egui grows a
        // panel to fit content a pixel too wide, and that crept over the canvas card by card.
        let (edge, was_dragged) = (self.side_panel_edge, self.side_panel_dragged);
        // A press that starts on the edge drags it until released (the edge follows the
        // pointer away from where the press began).
        let dragging_edge = ui.input(|i| {
            i.pointer.primary_down()
                && (was_dragged
                    || i.pointer
                        .press_origin()
                        .is_some_and(|p| (p.x - edge).abs() <= SIDE_PANEL_GRIP_PX))
        });
        let chosen = chosen.clamp(SIDE_PANEL_MIN_PX, widest);
        // The frame the drag ends on too, so the width it reached is the one remembered.
        let largest = if dragging_edge || was_dragged {
            widest
        } else {
            chosen
        };
        self.side_panel_dragged = dragging_edge;
        let side = egui::Panel::right("inspector")
            .resizable(true)
            .default_size(chosen)
            .size_range(SIDE_PANEL_MIN_PX..=largest)
            .show_collapsible(ui, &mut side_open, |ui| {
                let open = self
                    .editor
                    .doc()
                    .annotations()
                    .filter(|a| a.is_open_comment())
                    .count();
                // The tabs in body-sized type so the four fit the panel's width: in headings
                // they widened the panel over the canvas.
                ui.horizontal(|ui| {
                    for (tab, text) in [
                        (SideTab::Inspector, "Inspector".to_string()),
                        (SideTab::Comments, format!("Comments ({open})")),
                        (SideTab::Path, "Path".to_string()),
                        (SideTab::Scenarios, "What if".to_string()),
                    ] {
                        if ui
                            .selectable_label(
                                self.side_tab == tab,
                                RichText::new(text)
                                    .size(crate::scene::style::SIDE_TAB_TEXT_PX)
                                    .strong(),
                            )
                            .clicked()
                        {
                            self.side_tab = tab;
                        }
                    }
                });
                ui.separator();
                // The diagram's own order, worked out again only when the scene changed (not
                // every frame the Path tab is open).
                let default_order = if self.side_tab == SideTab::Path
                    && self.editor.doc().workshop().path.is_none()
                {
                    let scene = self.canvas.scene(&self.editor, palette);
                    let version = scene.version();
                    match &self.path_order {
                        Some((v, order)) if *v == version => order.clone(),
                        _ => {
                            let order = scene.presentation_order();
                            self.path_order = Some((version, order.clone()));
                            order
                        }
                    }
                } else {
                    Vec::new()
                };
                let mut path_output = None;
                let mut scenario_output = None;
                egui::ScrollArea::vertical().show(ui, |ui| match self.side_tab {
                    SideTab::Path => {
                        path_output =
                            Some(path_panel::path_ui(ui, &mut self.editor, || default_order));
                    }
                    SideTab::Scenarios => {
                        scenario_output = Some(scenario_panel::scenario_ui(
                            ui,
                            &mut self.editor,
                            &mut self.canvas.scenario,
                            &mut self.scenario_panel,
                        ));
                    }
                    SideTab::Inspector => {
                        let in_scenario = self.scenario_note();
                        inspector::inspector_ui(ui, &mut self.editor, in_scenario)
                    }
                    SideTab::Comments => {
                        let mut author = self.settings.author_name.clone();
                        if comments_ui(ui, &mut self.editor, &mut self.comments, &mut author) {
                            self.settings.author_name = author;
                            self.save_settings();
                        }
                    }
                });
                if let Some(output) = scenario_output {
                    if let Some(id) = output.show_node {
                        self.editor.selection.set_node(id);
                        self.canvas.fit_selection(&self.editor);
                    }
                    if let Some(other) = output.split_with {
                        self.open_split(other);
                    }
                }
                if let Some(output) = path_output {
                    if let Some(nodes) = output.show {
                        self.editor.selection.clear();
                        self.editor.selection.nodes.extend(nodes);
                        self.canvas.fit_selection(&self.editor);
                    }
                    if let Some(index) = output.present_from {
                        self.start_presenting_at(index);
                    }
                }
            });
        self.side_panel_edge = side.as_ref().map_or(f32::NAN, |r| r.response.rect.min.x);
        self.remember_side_panel(ui, side_open, side.map(|r| r.response.rect.width()));
    }

    /// The CMOC table under the canvas, when shown.
    pub(super) fn table_panel_ui(&mut self, ui: &mut Ui) {
        if self.show_table {
            let output = egui::Panel::bottom("cmoc-table")
                .resizable(true)
                .default_size(280.0)
                .show(ui, |ui| table_ui(ui, &mut self.editor, &mut self.table))
                .inner;
            if output.add_card {
                // The table's new card goes below the others, and the view follows it.
                let at = table_view::new_card_position(&self.editor);
                self.perform_at(Action::AddCmoc, Some(egui::pos2(at.x, at.y)));
                if let Some(id) = self.editor.selection.single_node() {
                    self.focus_node(id);
                }
            }
            if let Some(id) = output.focus {
                self.focus_node(id);
            }
        }
    }

    /// Keeps the side panel's width the user dragged it to (and that they dragged it shut),
    /// saved once the pointer is released.
    fn remember_side_panel(&mut self, ui: &Ui, open: bool, width: Option<f32>) {
        let mut changed = false;
        if open == self.settings.hide_side_panel {
            self.settings.hide_side_panel = !open;
            changed = true;
        }
        let dragging = ui.input(|i| i.pointer.any_down());
        if let Some(width) = width.filter(|w| w.is_finite() && *w >= SIDE_PANEL_MIN_PX)
            && !dragging
            && (width - self.settings.side_panel_width).abs() > 1.0
            && (self.settings.side_panel_width > 0.0 || (width - SIDE_PANEL_DEFAULT_PX).abs() > 1.0)
        {
            self.settings.side_panel_width = width;
            changed = true;
        }
        if changed {
            self.save_settings();
        }
    }
}
