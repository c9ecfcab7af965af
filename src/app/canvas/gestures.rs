//! What the pointer does on the canvas: panning and zooming, the drag gestures (move, resize,
//! connect, rubber band), clicks and double-clicks, and the context menu.

use super::*;
use crate::session::Action;

pub(super) fn handle_view_input(ui: &Ui, response: &Response, rect: Rect, state: &mut CanvasState) {
    let zoom_modifier = ui.ctx().options(|o| o.input_options.zoom_modifier);
    let (zoom_delta, scroll, space_down) = ui.input(|i| {
        (
            wheel_zoom(i, zoom_modifier),
            i.smooth_scroll_delta,
            i.key_down(Key::Space),
        )
    });
    let typing = ui.ctx().egui_wants_keyboard_input();
    if response.hovered() || response.contains_pointer() {
        if zoom_delta != 1.0 {
            let anchor = response.hover_pos().unwrap_or(rect.center());
            state.camera.zoom_about(rect, anchor, zoom_delta);
        } else if scroll != Vec2::ZERO {
            state.camera.offset += scroll;
        }
    }
    let pan_button = response.dragged_by(PointerButton::Middle)
        || (space_down && !typing && response.dragged_by(PointerButton::Primary));
    if pan_button && matches!(state.gesture, Gesture::Idle | Gesture::Pan) {
        state.gesture = Gesture::Pan;
        state.camera.offset += response.drag_delta();
        ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
    } else if state.gesture == Gesture::Pan && !response.dragged() {
        state.gesture = Gesture::Idle;
    } else if space_down && !typing && response.hovered() {
        ui.ctx().set_cursor_icon(CursorIcon::Grab);
    }
}

/// How much this frame zooms: ×[`WHEEL_NOTCH_ZOOM`] for each notch of Ctrl+wheel (a line;
/// a touchpad's pixels count 40 to the notch, as egui counts a line), times any pinch. egui's
/// own Ctrl+wheel zoom is about ×1.22 a line and more where the system reports several lines a
/// notch; a diagram wants gentle steps.
fn wheel_zoom(input: &egui::InputState, zoom_modifier: egui::Modifiers) -> f32 {
    let mut factor = 1.0f32;
    for event in &input.events {
        match event {
            egui::Event::MouseWheel {
                unit,
                delta,
                modifiers,
                ..
            } if modifiers.matches_any(zoom_modifier) => {
                let notches = match unit {
                    egui::MouseWheelUnit::Line => delta.x + delta.y,
                    egui::MouseWheelUnit::Point => (delta.x + delta.y) / 40.0,
                    egui::MouseWheelUnit::Page => (delta.x + delta.y) * 3.0,
                };
                factor *= WHEEL_NOTCH_ZOOM.powf(notches.clamp(-10.0, 10.0));
            }
            egui::Event::Zoom(pinch) if pinch.is_finite() && *pinch > 0.0 => factor *= pinch,
            _ => {}
        }
    }
    factor
}

/// The zoom a notch of Ctrl+wheel multiplies by.
pub const WHEEL_NOTCH_ZOOM: f32 = 1.1;

/// Pressing on a node and dragging: it joins the selection (or becomes it), and the selection
/// moves, a region carrying what lies inside it, as one undo step.
fn begin_move(editor: &mut Editor, id: NodeId, world: Pos2, additive: bool) -> Gesture {
    if !editor.selection.nodes.contains(&id) {
        if additive {
            editor.selection.nodes.insert(id);
        } else {
            editor.selection.set_node(id);
        }
    }
    let mut ids = editor.selection.nodes.clone();
    // Moving a region carries what lies inside it.
    for region in editor
        .selection
        .nodes
        .iter()
        .filter_map(|id| editor.doc().node(*id))
        .filter(|n| n.kind() == NodeKind::Region)
    {
        let area = region.rect();
        ids.extend(
            editor
                .doc()
                .nodes()
                .filter(|n| area.contains_rect(&n.rect()) && n.id != region.id)
                .map(|n| n.id),
        );
    }
    let start: Vec<(NodeId, Point)> = ids
        .iter()
        .filter_map(|id| editor.doc().node(*id).map(|n| (*id, n.position)))
        .collect();
    let label = format!("Move {}", editor.describe_nodes(&ids));
    editor.begin_gesture(label);
    Gesture::Move {
        origin: world,
        start,
    }
}

/// A drag under way: the nodes follow the pointer (snapped), the corner resizes, the band
/// selects what it encloses, or the arrow waits to be dropped on a node; released, it ends.
fn continue_drag(
    editor: &mut Editor,
    state: &mut CanvasState,
    palette: &Palette,
    world: Pos2,
    released: bool,
    snap_to_grid: bool,
) {
    let camera = state.camera;
    match state.gesture.clone() {
        Gesture::Move { origin, start } => {
            let delta = world - origin;
            let anchor = start.first().map(|(_, p)| *p);
            // Snap the first node and move the rest by the same amount, keeping their layout.
            let offset = match anchor {
                Some(p) => {
                    let target = snap(Point::new(p.x + delta.x, p.y + delta.y), snap_to_grid);
                    vec2(target.x - p.x, target.y - p.y)
                }
                None => delta,
            };
            let moves = start
                .iter()
                .map(|(id, p)| (*id, p.offset(offset.x, offset.y)))
                .collect();
            let _ = editor.apply(Edit::MoveNodes { moves }, "Move");
            if released {
                editor.commit_gesture();
                state.gesture = Gesture::Idle;
            }
        }
        Gesture::Resize { id, start } => {
            let min = Point::new(start.min.x, start.min.y);
            let corner = snap(Point::new(world.x, world.y), snap_to_grid);
            let size = Size::new(
                (corner.x - min.x).max(MIN_NODE_SIZE.x),
                (corner.y - min.y).max(MIN_NODE_SIZE.y),
            );
            let _ = editor.apply(
                Edit::ResizeNode {
                    id,
                    position: min,
                    size,
                },
                "Resize",
            );
            if released {
                editor.commit_gesture();
                state.gesture = Gesture::Idle;
            }
        }
        Gesture::RubberBand { origin, base } => {
            let band = Rect::from_two_pos(origin, world);
            let mut selection = base.clone();
            let scene = state.scene(editor, palette);
            for i in scene.nodes_in(band) {
                let node = &scene.nodes[i];
                if band.contains_rect(node.rect) {
                    selection.nodes.insert(node.id);
                }
            }
            editor.selection = selection;
            if released {
                state.gesture = Gesture::Idle;
            }
        }
        Gesture::Connect { from } => {
            if released {
                let tolerance = crate::scene::style::HIT_TOLERANCE_PX / camera.zoom;
                let target = state.scene(editor, palette).node_at(world, tolerance);
                if let Some(to) = target.filter(|to| *to != from) {
                    editor.connect(from, to);
                } else {
                    editor.status = "Drop the arrow on another node to connect them.".into();
                }
                state.gesture = Gesture::Idle;
            }
        }
        Gesture::Pan | Gesture::Idle => {}
    }
}

pub(super) fn handle_primary_drag(
    ui: &Ui,
    response: &Response,
    rect: Rect,
    editor: &mut Editor,
    state: &mut CanvasState,
    palette: &Palette,
    snap_to_grid: bool,
) {
    let camera = state.camera;
    let modifiers = ui.input(|i| i.modifiers);
    if response.drag_started_by(PointerButton::Primary) && state.gesture == Gesture::Idle {
        let Some(press) = ui.input(|i| i.pointer.press_origin()) else {
            return;
        };
        let world = camera.to_world(rect, press);
        state.inline_edit = None;
        editor.seal();
        // Resize handle of the single selected node.
        if let Some(id) = editor.selection.single_node()
            && let Some(node) = editor.doc().node(id)
            && resize_handle(&camera, rect, to_rect(node.rect()))
                .expand(3.0)
                .contains(press)
        {
            let (label, start) = (format!("Resize {}", node.label()), node.rect());
            editor.begin_gesture(label);
            state.gesture = Gesture::Resize { id, start };
            return;
        }
        // Connect handle of the hovered or selected nodes.
        let hovered = state.hovered;
        let tolerance = crate::scene::style::HIT_TOLERANCE_PX / camera.zoom;
        let (handle_owner, under) = {
            let scene = state.scene(editor, palette);
            let near = Rect::from_center_size(
                world,
                Vec2::splat(2.0 * (crate::scene::style::HANDLE_RADIUS_PX + 3.0) / camera.zoom),
            );
            let owner = scene
                .nodes_in(near)
                .into_iter()
                .rev()
                .map(|i| &scene.nodes[i])
                .filter(|n| {
                    hovered == Some(n.id)
                        || editor.selection.nodes.contains(&n.id)
                        || n.rect.expand(tolerance).contains(world)
                })
                .find(|n| {
                    connect_handle(&camera, rect, n.rect).distance(press)
                        <= crate::scene::style::HANDLE_RADIUS_PX + 3.0
                })
                .map(|n| n.id);
            (owner, scene.node_at(world, tolerance))
        };
        if let Some(from) = handle_owner {
            state.gesture = Gesture::Connect { from };
            return;
        }
        if let Some(id) = under {
            state.gesture = begin_move(editor, id, world, modifiers.shift || modifiers.command);
        } else {
            let base = if modifiers.shift || modifiers.command {
                editor.selection.clone()
            } else {
                Selection::default()
            };
            state.gesture = Gesture::RubberBand {
                origin: world,
                base,
            };
        }
        return;
    }

    let Some(pointer) = ui.input(|i| i.pointer.interact_pos()) else {
        return;
    };
    let world = camera.to_world(rect, pointer);
    let released = !ui.input(|i| i.pointer.primary_down());
    continue_drag(editor, state, palette, world, released, snap_to_grid);
}

/// A double click: into the field under the pointer, or the card's first text, or a new card
/// where there is none, written in place.
fn double_click(
    pos: Pos2,
    world: Pos2,
    tolerance: f32,
    editor: &mut Editor,
    state: &mut CanvasState,
    palette: &Palette,
) {
    editor.seal();
    if let Some((node, field, _)) = state
        .hits
        .fields
        .iter()
        .rev()
        .find(|(_, _, r)| r.contains(pos))
        .copied()
    {
        editor.selection.set_node(node);
        state.inline_edit = Some(InlineEdit {
            node,
            field,
            needs_focus: true,
        });
    } else if let Some(node) = state.scene(editor, palette).node_at(world, tolerance) {
        editor.selection.set_node(node);
        let kind = editor.doc().node(node).map(|n| n.kind());
        let field = if kind == Some(NodeKind::Cmoc) {
            Field::Context
        } else {
            Field::Text
        };
        state.inline_edit = Some(InlineEdit {
            node,
            field,
            needs_focus: true,
        });
    } else if let Some(id) = editor.add_node(NodeKind::Cmoc, Point::new(world.x, world.y)) {
        state.inline_edit = Some(InlineEdit {
            node: id,
            field: Field::Context,
            needs_focus: true,
        });
    }
}

/// The IF-condition whose scenario chip is at `world`, if any (only conditions near the view).
fn chip_at(
    world: Pos2,
    rect: Rect,
    editor: &Editor,
    state: &mut CanvasState,
    palette: &Palette,
) -> Option<crate::model::NodeId> {
    let camera = state.camera;
    let zoom = camera.zoom;
    let visible = camera.visible_world(rect);
    let scene = state.scene(editor, palette);
    scene
        .nodes
        .iter()
        .filter(|n| {
            n.kind == NodeKind::Condition && n.rect.intersects(visible.expand(200.0 / zoom))
        })
        .find(|n| {
            scene
                .condition_chip(n, zoom)
                .is_some_and(|r| r.contains(world))
        })
        .map(|n| n.id)
}

/// Handles clicks and double-clicks; returns true when an open-comment counter was clicked.
pub(super) fn handle_clicks(
    ui: &Ui,
    response: &Response,
    rect: Rect,
    editor: &mut Editor,
    state: &mut CanvasState,
    palette: &Palette,
) -> bool {
    let camera = state.camera;
    let modifiers = ui.input(|i| i.modifiers);
    let Some(pos) = response.interact_pointer_pos() else {
        return false;
    };
    let world = camera.to_world(rect, pos);
    let tolerance = crate::scene::style::HIT_TOLERANCE_PX / camera.zoom;
    if response.double_clicked() {
        double_click(pos, world, tolerance, editor, state, palette);
        return false;
    }
    if !response.clicked_by(PointerButton::Primary) {
        if response.secondary_clicked() {
            state.context_at = Some(world);
            let scene = state.scene(editor, palette);
            if let Some(node) = scene.node_at(world, tolerance) {
                if !editor.selection.nodes.contains(&node) {
                    editor.selection.set_node(node);
                }
            } else if let Some(edge) = scene.edge_at(
                world,
                crate::scene::style::EDGE_HIT_TOLERANCE_PX / camera.zoom,
            ) {
                editor.selection.set_edge(edge);
            }
        }
        return false;
    }
    if state.inline_edit.is_some() {
        state.inline_edit = None;
        editor.seal();
    }
    if let Some((id, _)) = state
        .hits
        .comment_badges
        .iter()
        .rev()
        .find(|(_, r)| r.contains(pos))
        .copied()
    {
        editor.selection.set_node(id);
        return true;
    }
    if let Some(index) = state.scenario
        && let Some(id) = chip_at(world, rect, editor, state, palette)
    {
        editor.flip_condition(index, id);
        editor.selection.set_node(id);
        return false;
    }
    if let Some((id, _, _)) = state
        .hits
        .badges
        .iter()
        .rev()
        .find(|(_, _, r)| r.contains(pos))
        .copied()
    {
        editor.toggle_card(id);
        editor.selection.set_node(id);
        return false;
    }
    let scene = state.scene(editor, palette);
    let node = scene.node_at(world, tolerance);
    let edge = if node.is_none() {
        scene.edge_at(
            world,
            crate::scene::style::EDGE_HIT_TOLERANCE_PX / camera.zoom,
        )
    } else {
        None
    };
    let additive = modifiers.shift || modifiers.command;
    match (node, edge) {
        (Some(id), _) if additive => {
            if !editor.selection.nodes.remove(&id) {
                editor.selection.nodes.insert(id);
            }
        }
        (Some(id), _) => editor.selection.set_node(id),
        (None, Some(id)) if additive => {
            if !editor.selection.edges.remove(&id) {
                editor.selection.edges.insert(id);
            }
        }
        (None, Some(id)) => editor.selection.set_edge(id),
        (None, None) => {
            if !additive {
                editor.selection.clear();
            }
        }
    }
    false
}

pub(super) fn context_menu(
    response: &Response,
    _rect: Rect,
    editor: &Editor,
    state: &mut CanvasState,
    output: &mut CanvasOutput,
) {
    response.context_menu(|ui| {
        let at = state.context_at.unwrap_or_default();
        let mut item = |ui: &mut Ui, action: Action| {
            let button = egui::Button::new(action.name());
            let available = action.enabled(editor);
            if crate::app::shortcuts::action_button(ui, action, button, available).clicked() {
                output.action = Some((action, Some(at)));
                ui.close();
            }
        };
        if !editor.selection.is_empty() {
            item(ui, Action::Delete);
            if editor.selection.nodes.iter().any(|id| {
                editor
                    .doc()
                    .node(*id)
                    .is_some_and(|n| n.kind() == NodeKind::Cmoc)
            }) {
                item(ui, Action::TogglePolarity);
            }
            if !editor.selection.nodes.is_empty() {
                item(ui, Action::Copy);
                item(ui, Action::Duplicate);
                item(ui, Action::BringToFront);
                item(ui, Action::SendToBack);
            }
            ui.separator();
        }
        item(ui, Action::Paste);
        ui.separator();
        ui.label("Add here:");
        for kind in NodeKind::ALL {
            item(ui, Action::add(kind));
        }
    });
}
