//! The canvas: pan and zoom, selection, moving, connecting, resizing and in-place editing.
//! Gestures are a small state machine ([`Gesture`]); a whole drag is one undo step and Esc
//! cancels it. The canvas is one widget that hit-tests the [`Scene`]'s spatial grid, rather
//! than one widget per node.

mod camera;
mod paint;

pub use camera::{Camera, MAX_ZOOM, MIN_ZOOM, ZOOM_STEP};
pub use paint::{FrameHits, Highlight, paint_scene};

use super::definitions;
use super::editor::{Editor, Selection};
use crate::edit::Edit;
use crate::model::{NodeId, NodeKind, Point, Rect as WorldRect, Size};
use crate::scene::{Field, Palette, Scene, to_rect};
use egui::{
    Align2, Color32, CursorIcon, FontId, Key, PointerButton, Pos2, Rect, Response, Sense, Stroke,
    StrokeKind, Ui, Vec2, pos2, vec2,
};

/// Grid step used when snapping.
pub const SNAP_STEP: f32 = 10.0;
const HANDLE_RADIUS: f32 = 7.0;
const RESIZE_HANDLE: f32 = 12.0;
const MIN_NODE_SIZE: Vec2 = vec2(80.0, 50.0);

/// A gesture in progress.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Gesture {
    /// Nothing is happening.
    #[default]
    Idle,
    /// Dragging the view around.
    Pan,
    /// Moving nodes; an undo transaction is open.
    Move {
        /// Where the drag started, in world coordinates.
        origin: Pos2,
        /// The nodes and where they started.
        start: Vec<(NodeId, Point)>,
    },
    /// Drawing a selection rectangle.
    RubberBand {
        /// Where the drag started, in world coordinates.
        origin: Pos2,
        /// The selection before the drag, kept when Shift/Ctrl adds to it.
        base: Selection,
    },
    /// Dragging a new arrow out of a node.
    Connect {
        /// The node the arrow starts at.
        from: NodeId,
    },
    /// Resizing a node from its bottom-right corner; an undo transaction is open.
    Resize {
        /// The node.
        id: NodeId,
        /// Its rectangle when the drag started.
        start: WorldRect,
    },
}

/// A field being edited in place on the canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct InlineEdit {
    /// The node.
    pub node: NodeId,
    /// Which of its texts.
    pub field: Field,
    /// True until the text editor has taken keyboard focus.
    pub needs_focus: bool,
}

/// Everything about the canvas that is view, not document.
pub struct CanvasState {
    /// Pan and zoom.
    pub camera: Camera,
    /// Set to fit the diagram into view on the next frame (after opening a file).
    pub fit_pending: bool,
    fitted_once: bool,
    /// The gesture in progress.
    pub gesture: Gesture,
    /// A field being edited in place.
    pub inline_edit: Option<InlineEdit>,
    /// Where the canvas was on screen last frame.
    pub rect: Rect,
    /// Where things were drawn last frame.
    pub hits: FrameHits,
    /// Where the context menu was opened, in world coordinates.
    pub context_at: Option<Pos2>,
    /// The node under the pointer.
    pub hovered: Option<NodeId>,
    /// The last pointer position over the canvas, in world coordinates (for paste).
    pub pointer_world: Option<Pos2>,
    /// Screen height the legend covers at the bottom of the canvas (0 when hidden).
    pub legend_height: f32,
    scene: Option<(u64, bool, Scene)>,
}

impl Default for CanvasState {
    fn default() -> Self {
        Self {
            camera: Camera::default(),
            fit_pending: false,
            fitted_once: false,
            gesture: Gesture::Idle,
            inline_edit: None,
            rect: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            hits: FrameHits::default(),
            context_at: None,
            hovered: None,
            pointer_world: None,
            legend_height: 0.0,
            scene: None,
        }
    }
}

/// What a frame of the canvas asks the rest of the app to do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CanvasOutput {
    /// The user picked a node kind from the context menu to add at this world point.
    pub add_at: Option<(NodeKind, Pos2)>,
    /// The user clicked a node's open-comment counter: show its comments.
    pub show_comments: bool,
}

impl CanvasState {
    /// A canvas that fits the diagram into view on its first frame.
    pub fn fitting() -> Self {
        Self {
            fit_pending: true,
            ..Self::default()
        }
    }

    /// The scene for the current document, rebuilt only when the document changed.
    pub fn scene(&mut self, editor: &Editor, palette: &Palette) -> &Scene {
        let stale = !matches!(&self.scene, Some((rev, dark, _)) if *rev == editor.revision && *dark == palette.dark);
        if stale {
            self.scene = Some((
                editor.revision,
                palette.dark,
                Scene::build(&editor.doc, palette),
            ));
        }
        match &self.scene {
            Some((_, _, scene)) => scene,
            None => unreachable!("set just above"),
        }
    }

    /// Forgets the cached scene (after the document was replaced wholesale).
    pub fn reset_for_new_document(&mut self) {
        self.scene = None;
        self.gesture = Gesture::Idle;
        self.inline_edit = None;
        self.fit_pending = true;
        self.fitted_once = false;
    }

    /// True while a drag is in progress.
    pub fn is_dragging(&self) -> bool {
        self.gesture != Gesture::Idle
    }

    /// Cancels the gesture in progress, undoing what it did so far (Esc).
    pub fn cancel_gesture(&mut self, editor: &mut Editor) {
        if matches!(self.gesture, Gesture::Move { .. } | Gesture::Resize { .. })
            && let Err(e) = editor.history.abort(&mut editor.doc)
        {
            editor.status = format!("Could not cancel the drag: {e}.");
        }
        editor.revision = editor.revision.wrapping_add(1);
        self.gesture = Gesture::Idle;
    }

    /// Fits the whole diagram into view, leaving the bottom-left corner free for the legend.
    pub fn fit_diagram(&mut self, editor: &Editor) {
        if let Some(bounds) = editor.doc.bounds() {
            let mut world = to_rect(bounds);
            // Reserve roughly the legend's height below the diagram.
            let legend_share = (self.legend_height / self.rect.height().max(1.0)).clamp(0.0, 0.4);
            world.max.y += world.height() * legend_share / (1.0 - legend_share);
            self.camera.fit(self.rect, world, 30.0, 1.0);
        }
    }

    /// Fits the selected nodes into view.
    pub fn fit_selection(&mut self, editor: &Editor) {
        let bounds = editor
            .selection
            .nodes
            .iter()
            .filter_map(|id| editor.doc.node(*id))
            .map(|n| n.rect())
            .reduce(|a, b| a.union(&b));
        if let Some(bounds) = bounds {
            self.camera.fit(self.rect, to_rect(bounds), 60.0, 1.5);
        }
    }

    /// Zooms by `factor` about the canvas centre.
    pub fn zoom_by(&mut self, factor: f32) {
        let centre = self.rect.center();
        self.camera.zoom_about(self.rect, centre, factor);
    }

    /// Sets 100% zoom, keeping the centre.
    pub fn actual_size(&mut self) {
        let factor = 1.0 / self.camera.zoom;
        self.zoom_by(factor);
    }

    /// The centre of the view in world coordinates.
    pub fn view_centre(&self) -> Pos2 {
        self.camera.to_world(self.rect, self.rect.center())
    }
}

fn snap(p: Point, on: bool) -> Point {
    if on {
        Point::new(
            (p.x / SNAP_STEP).round() * SNAP_STEP,
            (p.y / SNAP_STEP).round() * SNAP_STEP,
        )
    } else {
        p.rounded()
    }
}

/// Shows the canvas in the remaining space of `ui`.
pub fn canvas_ui(
    ui: &mut Ui,
    editor: &mut Editor,
    state: &mut CanvasState,
    palette: &Palette,
    snap_to_grid: bool,
) -> CanvasOutput {
    let mut output = CanvasOutput::default();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Diagram canvas"));
    state.rect = rect;
    if state.fit_pending && rect.width() > 50.0 {
        state.fit_diagram(editor);
        // Fit once more on the next frame, when the legend's size is known.
        state.fit_pending = state.legend_height == 0.0 && !state.fitted_once;
        state.fitted_once = true;
    }

    let pointer = response.hover_pos();
    state.pointer_world = pointer.map(|p| state.camera.to_world(rect, p));
    handle_view_input(ui, &response, rect, state);

    // Hover.
    let tolerance = 4.0 / state.camera.zoom;
    {
        let camera = state.camera;
        let scene = state.scene(editor, palette);
        let hovered = pointer.and_then(|p| scene.node_at(camera.to_world(rect, p), tolerance));
        state.hovered = hovered;
    }

    handle_primary_drag(ui, &response, rect, editor, state, palette, snap_to_grid);
    output.show_comments = handle_clicks(ui, &response, rect, editor, state, palette);
    context_menu(&response, rect, editor, state, &mut output);

    // Paint.
    let editing = state.inline_edit.as_ref().map(|e| (e.node, e.field));
    let camera = state.camera;
    let hovered = state.hovered;
    let selection_nodes = editor.selection.nodes.clone();
    let selection_edges = editor.selection.edges.clone();
    let painter = ui.painter_at(rect);
    let hits = {
        let scene = state.scene(editor, palette);
        let highlight = Highlight {
            nodes: &selection_nodes,
            edges: &selection_edges,
            hovered,
            editing,
        };
        paint_scene(&painter, rect, &camera, scene, palette, &highlight)
    };
    state.hits = hits;
    paint_overlays(&painter, ui, rect, editor, state, palette);
    inline_editor_ui(ui, rect, editor, state);
    hover_help(&response, state);
    output
}

fn handle_view_input(ui: &Ui, response: &Response, rect: Rect, state: &mut CanvasState) {
    let (zoom_delta, scroll, space_down) = ui.input(|i| {
        (
            i.zoom_delta(),
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

/// Screen-space position of a node's connect handle (middle of its right side).
fn connect_handle(camera: &Camera, canvas: Rect, node_rect: Rect) -> Pos2 {
    let r = camera.rect_to_screen(canvas, node_rect);
    pos2(r.max.x, r.center().y)
}

fn resize_handle(camera: &Camera, canvas: Rect, node_rect: Rect) -> Rect {
    let r = camera.rect_to_screen(canvas, node_rect);
    Rect::from_center_size(r.max, vec2(RESIZE_HANDLE, RESIZE_HANDLE))
}

fn handle_primary_drag(
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
        editor.history.seal();
        // Resize handle of the single selected node.
        if let Some(id) = editor.selection.single_node()
            && let Some(node) = editor.doc.node(id)
            && resize_handle(&camera, rect, to_rect(node.rect()))
                .expand(3.0)
                .contains(press)
        {
            editor.history.begin(format!("Resize {}", node.label()));
            state.gesture = Gesture::Resize {
                id,
                start: node.rect(),
            };
            return;
        }
        // Connect handle of the hovered or selected nodes.
        let hovered = state.hovered;
        let tolerance = 4.0 / camera.zoom;
        let (handle_owner, under) = {
            let scene = state.scene(editor, palette);
            let near = Rect::from_center_size(
                world,
                Vec2::splat(2.0 * (HANDLE_RADIUS + 3.0) / camera.zoom),
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
                    connect_handle(&camera, rect, n.rect).distance(press) <= HANDLE_RADIUS + 3.0
                })
                .map(|n| n.id);
            (owner, scene.node_at(world, tolerance))
        };
        if let Some(from) = handle_owner {
            state.gesture = Gesture::Connect { from };
            return;
        }
        if let Some(id) = under {
            if !editor.selection.nodes.contains(&id) {
                if modifiers.shift || modifiers.command {
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
                .filter_map(|id| editor.doc.node(*id))
                .filter(|n| n.kind() == NodeKind::Region)
            {
                let area = region.rect();
                ids.extend(
                    editor
                        .doc
                        .nodes()
                        .filter(|n| area.contains_rect(&n.rect()) && n.id != region.id)
                        .map(|n| n.id),
                );
            }
            let start: Vec<(NodeId, Point)> = ids
                .iter()
                .filter_map(|id| editor.doc.node(*id).map(|n| (*id, n.position)))
                .collect();
            let label = format!("Move {}", editor.describe_nodes(&ids));
            editor.history.begin(label);
            state.gesture = Gesture::Move {
                origin: world,
                start,
            };
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
                editor.history.commit();
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
                editor.history.commit();
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
                let tolerance = 4.0 / camera.zoom;
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

/// Handles clicks and double-clicks; returns true when an open-comment counter was clicked.
fn handle_clicks(
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
    let tolerance = 4.0 / camera.zoom;
    if response.double_clicked() {
        editor.history.seal();
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
            let kind = editor.doc.node(node).map(|n| n.kind());
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
            } else if let Some(edge) = scene.edge_at(world, 6.0 / camera.zoom) {
                editor.selection.set_edge(edge);
            }
        }
        return false;
    }
    if state.inline_edit.is_some() {
        state.inline_edit = None;
        editor.history.seal();
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
        scene.edge_at(world, 6.0 / camera.zoom)
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

fn context_menu(
    response: &Response,
    _rect: Rect,
    editor: &mut Editor,
    state: &mut CanvasState,
    output: &mut CanvasOutput,
) {
    response.context_menu(|ui| {
        let at = state.context_at.unwrap_or_default();
        if !editor.selection.is_empty() {
            if ui.button("Delete").clicked() {
                editor.delete_selection();
                ui.close();
            }
            if editor.selection.nodes.iter().any(|id| {
                editor
                    .doc
                    .node(*id)
                    .is_some_and(|n| n.kind() == NodeKind::Cmoc)
            }) && ui.button("Toggle positive / negative").clicked()
            {
                editor.toggle_selected_polarity();
                ui.close();
            }
            if !editor.selection.nodes.is_empty() {
                if ui.button("Duplicate").clicked() {
                    editor.duplicate();
                    ui.close();
                }
                if ui.button("Bring to front").clicked() {
                    editor.reorder_selection(true);
                    ui.close();
                }
                if ui.button("Send to back").clicked() {
                    editor.reorder_selection(false);
                    ui.close();
                }
            }
            ui.separator();
        }
        ui.label("Add here:");
        for kind in NodeKind::ALL {
            if ui.button(kind.name()).clicked() {
                output.add_at = Some((kind, at));
                ui.close();
            }
        }
    });
}

fn paint_overlays(
    painter: &egui::Painter,
    ui: &Ui,
    rect: Rect,
    editor: &Editor,
    state: &CanvasState,
    palette: &Palette,
) {
    let camera = state.camera;
    // Connect handles on hovered and selected nodes; resize handle on a single selection.
    let mut handle_nodes: Vec<NodeId> = editor.selection.nodes.iter().copied().collect();
    if let Some(h) = state.hovered {
        handle_nodes.push(h);
    }
    if camera.zoom >= 0.25 && state.gesture == Gesture::Idle {
        for id in handle_nodes {
            if let Some(node) = editor.doc.node(id) {
                let centre = connect_handle(&camera, rect, to_rect(node.rect()));
                painter.circle(
                    centre,
                    HANDLE_RADIUS,
                    palette.background,
                    Stroke::new(2.0, palette.selection),
                );
                painter.text(
                    centre,
                    Align2::CENTER_CENTER,
                    "+",
                    FontId::proportional(12.0),
                    palette.selection,
                );
            }
        }
        if let Some(id) = editor.selection.single_node()
            && let Some(node) = editor.doc.node(id)
        {
            let r = resize_handle(&camera, rect, to_rect(node.rect()));
            painter.rect(
                r,
                2.0,
                palette.background,
                Stroke::new(2.0, palette.selection),
                StrokeKind::Inside,
            );
        }
    }
    match &state.gesture {
        Gesture::RubberBand { origin, .. } => {
            if let Some(p) = ui.input(|i| i.pointer.interact_pos()) {
                let band = Rect::from_two_pos(camera.to_screen(rect, *origin), p);
                painter.rect(
                    band,
                    0.0,
                    palette.selection.gamma_multiply(0.12),
                    Stroke::new(1.0, palette.selection),
                    StrokeKind::Inside,
                );
            }
        }
        Gesture::Connect { from } => {
            if let (Some(p), Some(node)) = (
                ui.input(|i| i.pointer.interact_pos()),
                editor.doc.node(*from),
            ) {
                let start = connect_handle(&camera, rect, to_rect(node.rect()));
                painter.line_segment([start, p], Stroke::new(2.0, palette.selection));
                painter.circle_filled(p, 4.0, palette.selection);
            }
        }
        _ => {}
    }
    if let Gesture::Connect { .. } = state.gesture {
        ui.ctx().set_cursor_icon(CursorIcon::Crosshair);
    }
    // Zoom readout.
    painter.text(
        rect.right_bottom() - vec2(10.0, 8.0),
        Align2::RIGHT_BOTTOM,
        format!("{:.0}%", camera.zoom * 100.0),
        FontId::proportional(12.0),
        palette.muted_text,
    );
}

fn inline_editor_ui(ui: &mut Ui, rect: Rect, editor: &mut Editor, state: &mut CanvasState) {
    let Some(edit) = state.inline_edit.clone() else {
        return;
    };
    let Some(node) = editor.doc.node(edit.node).cloned() else {
        state.inline_edit = None;
        return;
    };
    let Some(text) = edit.field.get(&node.content).map(str::to_string) else {
        state.inline_edit = None;
        return;
    };
    let area = state
        .hits
        .fields
        .iter()
        .find(|(id, f, _)| *id == edit.node && *f == edit.field)
        .map(|(_, _, r)| *r)
        .unwrap_or_else(|| {
            state
                .camera
                .rect_to_screen(rect, to_rect(node.rect()))
                .shrink(8.0)
        });
    let area = area.intersect(rect);
    if area.width() < 20.0 || area.height() < 8.0 {
        return;
    }
    let size = (crate::model::text_fit::BODY_FONT_SIZE * state.camera.zoom).clamp(9.0, 40.0);
    let mut buffer = text.clone();
    let id = egui::Id::unique(("inline-edit", edit.node, edit.field));
    let response = ui.put(
        area.with_max_y(area.max.y.max(area.min.y + size * 1.6)),
        egui::TextEdit::multiline(&mut buffer)
            .id(id)
            .font(FontId::proportional(size))
            .desired_width(area.width())
            .margin(vec2(2.0, 1.0))
            .background_color(Color32::from_white_alpha(250)),
    );
    super::name_widget(
        ui,
        &response,
        &format!("Editing {} of {}", edit.field.name(), node.label()),
    );
    if edit.needs_focus {
        response.request_focus();
        if let Some(e) = &mut state.inline_edit {
            e.needs_focus = false;
        }
    }
    if buffer != text {
        let mut changed = node.clone();
        if let Some(slot) = edit.field.get_mut(&mut changed.content) {
            *slot = buffer;
        }
        let label = format!("Edit {} of {}", edit.field.name(), node.label());
        editor.apply_merging(
            Edit::ReplaceNode { node: changed },
            label,
            format!("{}:{:?}", edit.node, edit.field),
        );
    }
    let escape = ui.input(|i| i.key_pressed(Key::Escape));
    if (response.lost_focus() || escape) && !edit.needs_focus {
        state.inline_edit = None;
        editor.history.seal();
    }
}

fn hover_help(response: &Response, state: &CanvasState) {
    let Some(pos) = response.hover_pos() else {
        return;
    };
    if state.gesture != Gesture::Idle {
        return;
    }
    if let Some((tag, _)) = state.hits.tags.iter().find(|(_, r)| r.contains(pos)) {
        response.clone().on_hover_text_at_pointer(format!(
            "{}\n\n{}",
            definitions::for_tag(tag),
            definitions::SOURCE
        ));
    } else if let Some((_, negative, _)) =
        state.hits.badges.iter().find(|(_, _, r)| r.contains(pos))
    {
        let text = if *negative {
            definitions::NEGATIVE
        } else {
            definitions::CMOC
        };
        response
            .clone()
            .on_hover_text_at_pointer(format!("{text}\n\n{}", definitions::SOURCE));
    }
}
