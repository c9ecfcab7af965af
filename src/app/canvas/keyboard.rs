//! The canvas without a mouse: Tab / Shift+Tab move keyboard focus from node to node in reading
//! order (each IF-condition, its pathways in arrow order, then the rest), Enter opens the
//! focused node in the inspector, F2 edits its text in place, arrow keys move the selection
//! (Shift: ten times further). Every node and arrow on screen is an object in the
//! accessibility tree, named from the scene, so a screen reader can read the diagram.

use super::{CanvasState, InlineEdit};
use crate::app::key_tables::{ARROWS, CanvasKey};
use crate::edit::Edit;
use crate::model::{NodeId, NodeKind, Point};
use crate::scene::{Field, Palette};
use crate::session::Editor;
use egui::{EventFilter, Id, Rect, Response, Role, Sense, Ui, WidgetInfo};

/// Arrow keys move the selection this far (world units); with Shift ten times as far.
pub const NUDGE_STEP: f32 = 10.0;

/// The id of the accessibility object (and focus target) of a node.
pub fn node_widget_id(canvas: Id, node: NodeId) -> Id {
    canvas.with(("node", node.0))
}

fn edge_widget_id(canvas: Id, edge: crate::model::EdgeId) -> Id {
    canvas.with(("edge", edge.0))
}

/// The node whose widget has keyboard focus, if the focus is on the canvas at all; `Some(None)`
/// when the canvas itself has it.
fn canvas_focus(ui: &Ui, response: &Response, state: &CanvasState) -> Option<Option<NodeId>> {
    let focused = ui.memory(|m| m.focused())?;
    if focused == response.id {
        return Some(None);
    }
    state.node_widgets.get(&focused).copied().map(Some)
}

/// Handles the canvas's keys while it (or one of its nodes) has keyboard focus.
pub(super) fn handle_keys(
    ui: &Ui,
    response: &Response,
    canvas: Rect,
    editor: &mut Editor,
    state: &mut CanvasState,
    palette: &Palette,
) {
    // Only look up the focused node when the focus is not elsewhere (cheap check first).
    let focused_id = ui.memory(|m| m.focused());
    let on_canvas = focused_id == Some(response.id)
        || state
            .focused
            .is_some_and(|n| focused_id == Some(node_widget_id(response.id, n)));
    if !on_canvas {
        if let Some(found) = canvas_focus(ui, response, state) {
            state.focused = found;
        } else {
            return;
        }
    }
    if let Some(id) = focused_id {
        // Tab and arrows stay with the canvas: it moves focus between nodes itself.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: false,
                },
            );
        });
    }
    // Shift+Tab first: a plain Tab would match it too (egui matches modifiers loosely).
    let back_tab = CanvasKey::PreviousNode.pressed(ui);
    let tab = !back_tab && CanvasKey::NextNode.pressed(ui);
    if tab || back_tab {
        let order = state.scene(editor, palette).reading_order();
        if order.is_empty() {
            return;
        }
        let at = state
            .focused
            .and_then(|id| order.iter().position(|n| *n == id));
        let next = match (at, back_tab) {
            (None, false) => 0,
            (None, true) => order.len() - 1,
            (Some(i), false) => (i + 1) % order.len(),
            (Some(i), true) => (i + order.len() - 1) % order.len(),
        };
        let id = order[next];
        focus_node(ui, response, canvas, editor, state, id);
        return;
    }
    // Keys act on the card with keyboard focus or, after a click, on the one selected card.
    let Some(focused) = state.focused.or_else(|| editor.selection.single_node()) else {
        return;
    };
    if CanvasKey::Inspect.pressed(ui) {
        editor.selection.set_node(focused);
        state.open_inspector = true;
    }
    if CanvasKey::EditText.pressed(ui) {
        let field = editor
            .doc()
            .node(focused)
            .map(|n| match n.kind() {
                NodeKind::Cmoc => Field::Context,
                _ => Field::Text,
            })
            .unwrap_or(Field::Text);
        editor.selection.set_node(focused);
        state.inline_edit = Some(InlineEdit {
            node: focused,
            field,
            needs_focus: true,
        });
    }
    let mut delta = (0.0, 0.0);
    // Shift+arrow first: egui matches modifiers loosely, so a plain arrow would match it too.
    for (nudge, step) in [
        (CanvasKey::NudgeFar, NUDGE_STEP * 10.0),
        (CanvasKey::Nudge, NUDGE_STEP),
    ] {
        for shortcut in nudge.shortcuts() {
            let Some((_, dx, dy)) = ARROWS.iter().find(|(k, _, _)| *k == shortcut.logical_key)
            else {
                continue;
            };
            if ui.input_mut(|i| i.consume_key(shortcut.modifiers, shortcut.logical_key)) {
                delta.0 += dx * step;
                delta.1 += dy * step;
            }
        }
    }
    if delta != (0.0, 0.0) {
        if editor.selection.nodes.is_empty() {
            editor.selection.set_node(focused);
        }
        let ids = editor.selection.nodes.clone();
        let moves: Vec<(NodeId, Point)> = ids
            .iter()
            .filter_map(|id| editor.doc().node(*id))
            .map(|n| (n.id, n.position.offset(delta.0, delta.1)))
            .collect();
        let label = format!("Move {}", editor.describe_nodes(&ids));
        editor.apply(Edit::MoveNodes { moves }, label);
    }
}

/// Gives a node keyboard focus, bringing it into view.
pub fn focus_node(
    ui: &Ui,
    response: &Response,
    canvas: Rect,
    editor: &Editor,
    state: &mut CanvasState,
    id: NodeId,
) {
    state.focused = Some(id);
    ui.memory_mut(|m| m.request_focus(node_widget_id(response.id, id)));
    if let Some(node) = editor.doc().node(id) {
        let world = crate::scene::to_rect(node.rect());
        let screen = state.camera.rect_to_screen(canvas, world);
        if !canvas.contains_rect(screen) {
            state.camera.centre_on(canvas, world.center());
        }
    }
}

/// Puts every node and arrow on screen into the accessibility tree (when a screen reader or a
/// test is listening), and always the focused node, so Tab can land on it.
pub(super) fn accessibility_nodes(
    ui: &mut Ui,
    response: &Response,
    editor: &Editor,
    state: &mut CanvasState,
    palette: &Palette,
) {
    let listening = ui
        .ctx()
        .accesskit_node_builder(response.id, |_| ())
        .is_some();
    let canvas_id = response.id;
    let mut visible: Vec<(NodeId, Rect)> = if listening {
        state.hits.visible_nodes.clone()
    } else {
        Vec::new()
    };
    if let Some(id) = state.focused
        && !visible.iter().any(|(n, _)| *n == id)
    {
        if let Some(node) = editor.doc().node(id) {
            let r = state
                .camera
                .rect_to_screen(state.rect, crate::scene::to_rect(node.rect()));
            visible.push((id, r));
        } else {
            state.focused = None;
        }
    }
    state.node_widgets.clear();
    state.node_widgets.extend(
        visible
            .iter()
            .map(|(id, _)| (node_widget_id(canvas_id, *id), *id)),
    );
    let camera = state.camera;
    let canvas = state.rect;
    // The scenario's state of each node on screen, for its spoken name.
    let in_scenario: rustc_hash::FxHashMap<NodeId, crate::model::NodeState> = state
        .scenario_outcome()
        .map(|o| visible.iter().map(|(id, _)| (*id, o.state(*id))).collect())
        .unwrap_or_default();
    let shown = state.scenario.and_then(|i| editor.doc().scenarios().get(i));
    let scene = state.scene(editor, palette);
    for (id, rect) in visible {
        let Some(node) = scene.node(id) else {
            continue;
        };
        let widget = ui.interact(
            rect.intersect(ui.clip_rect()),
            node_widget_id(canvas_id, id),
            Sense::focusable_noninteractive(),
        );
        let selected = editor.selection.nodes.contains(&id);
        let spoken = with_team_words(node.name.clone(), editor, id);
        let name = match in_scenario.get(&id) {
            Some(s) => {
                let negative = node
                    .badge
                    .as_ref()
                    .is_some_and(|b| b.polarity == crate::model::Polarity::Negative);
                let state = match shown {
                    // A condition is met or not, rather than active.
                    Some(scenario) if node.kind == crate::model::NodeKind::Condition => {
                        format!("the condition is {}", scenario.condition(id).words())
                    }
                    _ => s.words_for(negative).to_string(),
                };
                let stop = if spoken.trim_end().ends_with(['.', '!', '?']) {
                    ""
                } else {
                    "."
                };
                format!("{}{stop} In this scenario: {state}.", spoken.trim_end())
            }
            None => spoken,
        };
        widget.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, name.clone()));
    }
    if !listening {
        return;
    }
    let visible_world = camera.visible_world(canvas);
    for edge in &scene.edges {
        if !edge.geometry.bounds().intersects(visible_world) {
            continue;
        }
        let at = camera.to_screen(canvas, edge.geometry.label_at);
        let widget = ui.interact(
            Rect::from_center_size(at, egui::vec2(8.0, 8.0)).intersect(ui.clip_rect()),
            edge_widget_id(canvas_id, edge.id),
            Sense::hover(),
        );
        let selected = editor.selection.edges.contains(&edge.id);
        let name = edge.name.clone();
        widget.widget_info(|| WidgetInfo::selected(Role::Link, true, selected, name.clone()));
    }
}

/// A card's spoken name with what the canvas marks on it for a team: its realist status
/// ("Realist status: refined.") and, while comparing, what changed ("Since “Initial programme
/// theory”: changed (context).").
fn with_team_words(mut name: String, editor: &Editor, id: NodeId) -> String {
    let stop = |name: &mut String| {
        if !name.trim_end().ends_with(['.', '!', '?']) {
            name.push('.');
        }
    };
    if let Some(status) = editor
        .doc()
        .node(id)
        .and_then(|n| n.content.cmoc())
        .map(|c| c.status)
        .filter(|s| !s.is_untested())
    {
        stop(&mut name);
        name.push_str(&format!(" Realist status: {}.", status.words()));
    }
    if let Some(comparing) = editor.comparison_view()
        && let Some(change) = comparing.change_of(id)
    {
        stop(&mut name);
        let parts: Vec<&str> = change.parts.iter().map(|p| p.name()).collect();
        let what = if parts.is_empty() {
            change.kind.word().to_string()
        } else {
            format!("{} ({})", change.kind.word(), parts.join(", "))
        };
        name.push_str(&format!(" Since “{}”: {what}.", comparing.name));
    }
    name
}
