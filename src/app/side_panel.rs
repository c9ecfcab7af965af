//! The side panel (Inspector, Comments, Path, What if, Versions) and the CMOC table under the canvas:
//! their sizes, their tabs, and what their answers ask of the window.

use super::canvas::CanvasState;
use super::comments::CommentsState;
use super::settings::Settings;
use super::{SideTab, comments_ui, inspector, path_panel, scenario_panel};
use crate::model::NodeId;
use crate::scene::Palette;
use crate::session::Editor;
use egui::{RichText, Ui};

/// How near the side panel's edge a press must start to be a drag of it.
const SIDE_PANEL_GRIP_PX: f32 = 8.0;
/// The side panel's width at first, in points.
const SIDE_PANEL_DEFAULT_PX: f32 = 380.0;
/// The narrowest the side panel may be dragged.
const SIDE_PANEL_MIN_PX: f32 = 300.0;
/// The largest share of the window the side panel may take, so the canvas keeps the rest.
const SIDE_PANEL_MAX_SHARE: f32 = 0.42;

/// The side panel's own state: the tab shown, its edge (to tell a drag of it), the diagram's
/// presentation order for the Path tab, and the What if tab's choices.
#[derive(Debug)]
pub struct SidePanel {
    /// The tab shown.
    pub tab: SideTab,
    /// The What if tab's comparison choice.
    pub scenario: scenario_panel::ScenarioPanel,
    /// The Versions tab's name and note being typed.
    pub versions: super::versions_panel::VersionsPanel,
    /// Where the panel's left edge was last frame.
    edge: f32,
    /// Whether its edge was being dragged last frame.
    dragged: bool,
    /// The diagram's own presentation order for the Path tab, for a scene version.
    path_order: Option<(u64, Vec<NodeId>)>,
}

impl Default for SidePanel {
    fn default() -> SidePanel {
        SidePanel {
            tab: SideTab::Inspector,
            scenario: scenario_panel::ScenarioPanel::default(),
            versions: super::versions_panel::VersionsPanel::default(),
            edge: f32::NAN,
            dragged: false,
            path_order: None,
        }
    }
}

/// What the side panel draws from: the session and the window's state it shows.
pub struct SideCx<'a> {
    /// The open document.
    pub editor: &'a mut Editor,
    /// The canvas (its scene, the scenario shown).
    pub canvas: &'a mut CanvasState,
    /// Preferences (the panel's width, the author's name).
    pub settings: &'a mut Settings,
    /// Comments being written.
    pub comments: &'a mut CommentsState,
    /// While a scenario is shown: its name and why the selected node is in its state there.
    pub in_scenario: Option<(String, String)>,
}

/// What the side panel asks of the window after a frame.
#[derive(Debug, Default)]
pub struct SideAsks {
    /// Select these nodes and bring them into view.
    pub show: Option<Vec<NodeId>>,
    /// Show the scenario shown beside this one.
    pub split_with: Option<usize>,
    /// Present from this step of the path.
    pub present_from: Option<usize>,
    /// Show this saved version beside the diagram.
    pub beside: Option<usize>,
    /// The settings changed: save them.
    pub settings_changed: bool,
}

impl SidePanel {
    /// The side panel: its width is the user's (dragged, remembered) and at most
    /// SIDE_PANEL_MAX_SHARE of the window, so the canvas keeps most of a laptop's screen;
    /// long content wraps or scrolls inside it. View > Side panel (F9) hides it.
    pub fn ui(&mut self, ui: &mut Ui, cx: SideCx<'_>, palette: &Palette) -> SideAsks {
        let mut asks = SideAsks::default();
        let window_width = ui.available_width();
        let widest = (window_width * SIDE_PANEL_MAX_SHARE).max(SIDE_PANEL_MIN_PX);
        let chosen = if cx.settings.side_panel_width > 0.0 {
            cx.settings.side_panel_width
        } else {
            SIDE_PANEL_DEFAULT_PX
        };
        let mut side_open = !cx.settings.hide_side_panel;
        // Only a drag of its edge makes the panel wider than the user's width: egui grows a
        // panel to fit content a pixel too wide, and that crept over the canvas card by card.
        let (edge, was_dragged) = (self.edge, self.dragged);
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
        self.dragged = dragging_edge;
        let SideCx {
            editor,
            canvas,
            settings,
            comments,
            in_scenario,
        } = cx;
        let side = egui::Panel::right("inspector")
            .resizable(true)
            .default_size(chosen)
            .size_range(SIDE_PANEL_MIN_PX..=largest)
            .show_collapsible(ui, &mut side_open, |ui| {
                self.tabs_ui(ui, editor);
                ui.separator();
                let default_order = self.default_order(editor, canvas, palette);
                let mut path_output = None;
                let mut scenario_output = None;
                let mut versions_show = None;
                egui::ScrollArea::vertical().show(ui, |ui| match self.tab {
                    SideTab::Path => {
                        path_output = Some(path_panel::path_ui(ui, editor, || default_order));
                    }
                    SideTab::Scenarios => {
                        scenario_output = Some(scenario_panel::scenario_ui(
                            ui,
                            editor,
                            &mut canvas.scenario,
                            &mut self.scenario,
                        ));
                    }
                    SideTab::Inspector => inspector::inspector_ui(ui, editor, in_scenario),
                    SideTab::Versions => {
                        (versions_show, asks.beside) =
                            self.versions.ui(ui, editor, &settings.author_name);
                    }
                    SideTab::Comments => {
                        let mut author = settings.author_name.clone();
                        if comments_ui(ui, editor, comments, &mut author) {
                            settings.author_name = author;
                            asks.settings_changed = true;
                        }
                    }
                });
                if let Some(id) = versions_show {
                    asks.show = Some(vec![id]);
                }
                if let Some(output) = scenario_output {
                    asks.show = output.show_node.map(|id| vec![id]);
                    asks.split_with = output.split_with;
                }
                if let Some(output) = path_output {
                    if let Some(nodes) = output.show {
                        asks.show = Some(nodes.into_iter().collect());
                    }
                    asks.present_from = output.present_from;
                }
            });
        self.edge = side.as_ref().map_or(f32::NAN, |r| r.response.rect.min.x);
        let width = side.map(|r| r.response.rect.width());
        asks.settings_changed |= remember_width(ui, settings, side_open, width);
        asks
    }

    /// The five tabs, in body-sized type so they fit the panel's width (in headings they
    /// widened the panel over the canvas), on a second row when the panel is narrow.
    fn tabs_ui(&mut self, ui: &mut Ui, editor: &Editor) {
        let open = editor
            .doc()
            .annotations()
            .filter(|a| a.is_open_comment())
            .count();
        ui.horizontal_wrapped(|ui| {
            // Tight enough that the five fit one row at the panel's usual width.
            ui.spacing_mut().item_spacing.x = crate::scene::style::SIDE_TAB_GAP_PX;
            ui.spacing_mut().button_padding.x = crate::scene::style::SIDE_TAB_PADDING_PX;
            for (tab, text) in [
                (SideTab::Inspector, "Inspector".to_string()),
                (SideTab::Comments, format!("Comments ({open})")),
                (SideTab::Path, "Path".to_string()),
                (SideTab::Scenarios, "What if".to_string()),
                (SideTab::Versions, "Versions".to_string()),
            ] {
                let text = RichText::new(text)
                    .size(crate::scene::style::SIDE_TAB_TEXT_PX)
                    .strong();
                if ui.selectable_label(self.tab == tab, text).clicked() {
                    self.tab = tab;
                }
            }
        });
    }

    /// The diagram's own presentation order for the Path tab when it has no path of its own,
    /// worked out again only when the scene changed (not every frame the tab is open).
    fn default_order(
        &mut self,
        editor: &Editor,
        canvas: &mut CanvasState,
        palette: &Palette,
    ) -> Vec<NodeId> {
        if self.tab != SideTab::Path || editor.doc().workshop().path.is_some() {
            return Vec::new();
        }
        let scene = canvas.scene(editor, palette);
        let version = scene.version();
        match &self.path_order {
            Some((v, order)) if *v == version => order.clone(),
            _ => {
                let order = scene.presentation_order();
                self.path_order = Some((version, order.clone()));
                order
            }
        }
    }
}

/// Keeps the side panel's width the user dragged it to (and that they dragged it shut), once
/// the pointer is released; true when the settings changed.
fn remember_width(ui: &Ui, settings: &mut Settings, open: bool, width: Option<f32>) -> bool {
    let mut changed = false;
    if open == settings.hide_side_panel {
        settings.hide_side_panel = !open;
        changed = true;
    }
    let dragging = ui.input(|i| i.pointer.any_down());
    if let Some(width) = width.filter(|w| w.is_finite() && *w >= SIDE_PANEL_MIN_PX)
        && !dragging
        && (width - settings.side_panel_width).abs() > 1.0
        && (settings.side_panel_width > 0.0 || (width - SIDE_PANEL_DEFAULT_PX).abs() > 1.0)
    {
        settings.side_panel_width = width;
        changed = true;
    }
    changed
}
