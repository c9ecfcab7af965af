//! The canvas area: one canvas, or two side by side comparing scenarios (moving and zooming
//! together), and the legend over it.

use super::canvas::canvas_ui;
use super::{EditorApp, SideTab, legend, name_widget};
use crate::model::Document;
use crate::scene::Palette;
use egui::{RichText, Ui};

/// The line over each half of the side-by-side view naming its scenario; true when Close
/// was clicked (on the right half).
fn split_heading(ui: &mut Ui, doc: &Document, scenario: Option<usize>, close: bool) -> bool {
    let mut clicked = false;
    // The central panel has no frame of its own (the canvas paints its background).
    egui::Frame::new()
        .fill(ui.visuals().panel_fill)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let name = scenario
                    .and_then(|i| doc.scenarios().get(i))
                    .map_or("the diagram as drawn", |s| s.name.as_str());
                ui.label(RichText::new(format!("What if: {name}")).strong());
                if close {
                    let r = ui.button("Close side by side");
                    name_widget(ui, &r, "Close the side-by-side view");
                    clicked = r.clicked();
                }
            });
        });
    clicked
}

impl EditorApp {
    /// The central panel: the canvas (or both halves of the split view) and the legend.
    pub(super) fn central_ui(&mut self, ui: &mut Ui, palette: &Palette) {
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                // Side by side only while both canvases have a scenario to show.
                let count = self.editor.doc().scenarios().len();
                if self.split.as_ref().is_some_and(|s| {
                    s.scenario.is_none_or(|i| i >= count)
                        || self.canvas.scenario.is_none_or(|i| i >= count)
                }) {
                    self.split = None;
                    self.canvas.fit_pending = true;
                }
                let full = ui.available_rect_before_wrap();
                let main_rect = if self.split.is_some() {
                    egui::Rect::from_min_max(
                        full.min,
                        egui::pos2(full.center().x - 1.0, full.max.y),
                    )
                } else {
                    full
                };
                let cameras = (self.canvas.camera, self.split.as_ref().map(|s| s.camera));
                let output = ui
                    .scope_builder(egui::UiBuilder::new().max_rect(main_rect), |ui| {
                        if self.split.is_some() {
                            split_heading(ui, self.editor.doc(), self.canvas.scenario, false);
                        }
                        canvas_ui(
                            ui,
                            &mut self.editor,
                            &mut self.canvas,
                            palette,
                            self.settings.snap_to_grid,
                        )
                    })
                    .inner;
                let mut close_split = false;
                let mut split_action = None;
                if let Some(split) = &mut self.split {
                    let right = egui::Rect::from_min_max(
                        egui::pos2(full.center().x + 1.0, full.min.y),
                        full.max,
                    );
                    ui.painter().vline(
                        full.center().x,
                        full.y_range(),
                        ui.visuals().widgets.noninteractive.bg_stroke,
                    );
                    let split_output = ui
                        .scope_builder(
                            egui::UiBuilder::new()
                                .max_rect(right)
                                .id_salt("split-canvas"),
                            |ui| {
                                close_split =
                                    split_heading(ui, self.editor.doc(), split.scenario, true);
                                canvas_ui(
                                    ui,
                                    &mut self.editor,
                                    split,
                                    palette,
                                    self.settings.snap_to_grid,
                                )
                            },
                        )
                        .inner;
                    // The two move and zoom together: whichever moved this frame leads.
                    if self.canvas.camera != cameras.0 {
                        split.camera = self.canvas.camera;
                    } else if Some(split.camera) != cameras.1 {
                        self.canvas.camera = split.camera;
                    }
                    split_action = split_output.action;
                }
                if close_split {
                    self.split = None;
                    self.canvas.fit_pending = true;
                }
                if let Some((action, at)) = split_action {
                    self.perform_at(action, at);
                }
                if let Some((action, at)) = output.action {
                    self.perform_at(action, at);
                }
                if output.show_comments {
                    self.side.tab = SideTab::Comments;
                }
                if std::mem::take(&mut self.canvas.open_inspector) {
                    self.side.tab = SideTab::Inspector;
                }
                self.canvas.legend_height = if self.show_legend {
                    legend::legend_ui(
                        ui,
                        self.canvas.rect,
                        palette,
                        self.canvas.scenario.is_some(),
                        &mut self.legend_cache,
                    ) + 20.0
                } else {
                    0.0
                };
            });
    }
}
