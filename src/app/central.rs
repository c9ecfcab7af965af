//! The canvas area: one canvas, or two side by side comparing scenarios (moving and zooming
//! together), and the legend over it.

use super::canvas::{CanvasState, canvas_ui};
use super::{SideTab, legend, name_widget};
use crate::model::Document;
use crate::scene::Palette;
use crate::session::{Action, Editor};
use egui::{RichText, Ui};

/// The line over each half of the side-by-side view naming its scenario; true when Close
/// was clicked (on the right half).
fn split_heading(ui: &mut Ui, doc: &Document, scenario: Option<usize>, close: bool) -> bool {
    let name = scenario
        .and_then(|i| doc.scenarios().get(i))
        .map_or("the diagram as drawn", |s| s.name.as_str());
    pane_heading(
        ui,
        &format!("What if: {name}"),
        close.then_some(("Close side by side", "Close the side-by-side view")),
    )
}

/// The line over one half of a two-canvas view: its name, and a Close button (its words and
/// its name for a screen reader) on the right half. True when Close was clicked.
pub(super) fn pane_heading(ui: &mut Ui, text: &str, close: Option<(&str, &str)>) -> bool {
    let mut clicked = false;
    // The central panel has no frame of its own (the canvas paints its background).
    egui::Frame::new()
        .fill(ui.visuals().panel_fill)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(text).strong());
                if let Some((words, name)) = close {
                    let r = ui.button(words);
                    name_widget(ui, &r, name);
                    clicked = r.clicked();
                }
            });
        });
    clicked
}

/// What the canvas area draws from: the session, the canvas (and the second one while two
/// scenarios are side by side), and the legend's choices.
pub struct CentralCx<'a> {
    /// The open document.
    pub editor: &'a mut Editor,
    /// The canvas (the left one while split).
    pub canvas: &'a mut CanvasState,
    /// The right canvas while two scenarios are side by side.
    pub split: &'a mut Option<Box<CanvasState>>,
    /// A saved version shown beside the diagram, read-only.
    pub beside: &'a mut Option<Box<super::beside::Beside>>,
    /// Snap moved nodes to the grid.
    pub snap_to_grid: bool,
    /// Show the legend over the canvas.
    pub show_legend: bool,
    /// The legend as last laid out.
    pub legend_cache: &'a mut Option<(Palette, bool, crate::scene::legend::Legend)>,
}

/// What the canvas area asks of the window after a frame.
#[derive(Debug, Default)]
pub struct CentralAsks {
    /// Commands to run (from either canvas's menus and keys), with where they were asked.
    pub actions: Vec<(Action, Option<egui::Pos2>)>,
    /// A side panel tab to show (a comment counter or a double-click asked for it).
    pub tab: Option<SideTab>,
}

/// The central panel: the canvas (or both halves of the split view) and the legend.
pub fn central_ui(ui: &mut Ui, cx: CentralCx<'_>, palette: &Palette) -> CentralAsks {
    let CentralCx {
        editor,
        canvas,
        split,
        beside,
        snap_to_grid,
        show_legend,
        legend_cache,
    } = cx;
    let mut asks = CentralAsks::default();
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            // Side by side only while both canvases have a scenario to show.
            let count = editor.doc().scenarios().len();
            if split.as_ref().is_some_and(|s| {
                s.scenario.is_none_or(|i| i >= count) || canvas.scenario.is_none_or(|i| i >= count)
            }) {
                *split = None;
                canvas.fit_pending = true;
            }
            let full = ui.available_rect_before_wrap();
            let main_rect = if split.is_some() || beside.is_some() {
                egui::Rect::from_min_max(full.min, egui::pos2(full.center().x - 1.0, full.max.y))
            } else {
                full
            };
            let cameras = (canvas.camera, split.as_ref().map(|s| s.camera));
            let output = ui
                .scope_builder(egui::UiBuilder::new().max_rect(main_rect), |ui| {
                    if split.is_some() {
                        split_heading(ui, editor.doc(), canvas.scenario, false);
                    } else if beside.is_some() {
                        pane_heading(ui, "The diagram as it is", None);
                    }
                    canvas_ui(ui, editor, canvas, palette, snap_to_grid)
                })
                .inner;
            let mut close_split = false;
            if let Some(right_canvas) = split {
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
                                split_heading(ui, editor.doc(), right_canvas.scenario, true);
                            canvas_ui(ui, editor, right_canvas, palette, snap_to_grid)
                        },
                    )
                    .inner;
                // The two move and zoom together: whichever moved this frame leads.
                if canvas.camera != cameras.0 {
                    right_canvas.camera = canvas.camera;
                } else if Some(right_canvas.camera) != cameras.1 {
                    canvas.camera = right_canvas.camera;
                }
                asks.actions.extend(split_output.action);
            }
            if split.is_none()
                && let Some(version) = beside
                && version.ui(ui, full, editor, canvas, cameras.0, palette)
            {
                *beside = None;
                canvas.fit_pending = true;
            }
            if close_split {
                *split = None;
                canvas.fit_pending = true;
            }
            asks.actions.extend(output.action);
            if output.show_comments {
                asks.tab = Some(SideTab::Comments);
            }
            if std::mem::take(&mut canvas.open_inspector) {
                asks.tab = Some(SideTab::Inspector);
            }
            canvas.legend_height = if show_legend {
                legend::legend_ui(
                    ui,
                    canvas.rect,
                    palette,
                    canvas.scenario.is_some(),
                    legend_cache,
                    &legend::team_notes(editor),
                ) + 20.0
            } else {
                0.0
            };
        });
    asks
}
