//! The canvas: pan and zoom, selection, moving, connecting, resizing and in-place editing.
//! Gestures are a small state machine ([`Gesture`]); a whole drag is one undo step and Esc
//! cancels it. The canvas is one widget that hit-tests the [`Scene`]'s spatial grid, rather
//! than one widget per node.

mod camera;
mod gestures;
mod keyboard;
mod markers;
mod overlays;
mod paint;
mod prims;
mod reveal;
mod text_cache;

pub use camera::{Camera, MAX_ZOOM, MIN_ZOOM, ZOOM_STEP};
pub use paint::{FrameCache, FrameHits, paint_scene};
pub use prims::PrimPainter;

use crate::edit::Edit;
use crate::model::{NodeId, NodeKind, Point, Rect as WorldRect, Size};
use crate::scene::{Field, Palette, Scene, SceneOptions, ViewState, to_rect};
use crate::session::{Editor, Selection};
use egui::{
    Align2, CursorIcon, FontId, Key, PointerButton, Pos2, Rect, Response, Sense, Stroke,
    StrokeKind, Ui, Vec2, pos2, vec2,
};

/// Grid step used when snapping.
pub const SNAP_STEP: f32 = 10.0;
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
    /// The view right after the diagram was last fitted, and the canvas it was fitted to:
    /// while the view is unchanged, a resized window fits the diagram again.
    fitted_view: Option<(Camera, Rect)>,
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
    /// The node with keyboard focus (Tab / Shift+Tab), if any.
    pub focused: Option<NodeId>,
    /// Nodes that match the current Find, in reading order.
    pub matches: Vec<NodeId>,
    /// While presenting: the current step's nodes, drawn in full over a veiled diagram.
    pub spotlight: Vec<NodeId>,
    /// Presenting to a group: no editing handles or zoom readout on the canvas.
    pub presenting: bool,
    /// The scenario being looked at (its place in the document's list): view state, not an
    /// edit.
    pub scenario: Option<usize>,
    /// That scenario worked out, for the document revision it was worked out for.
    scenario_outcome: Option<ShownScenario>,
    /// While switching scenarios (or flipping a condition): what was shown before, fading
    /// out, and when the switch started (`None` until the next painted frame says).
    scenario_before: Option<(Option<ShownScenario>, Option<f64>)>,
    /// Set when Enter on a focused node asks for the inspector.
    pub open_inspector: bool,
    /// The node widgets registered last frame (focus and accessibility).
    node_widgets: rustc_hash::FxHashMap<egui::Id, NodeId>,
    /// The canvas widget's id.
    widget_id: Option<egui::Id>,
    /// The diagram as painted last frame.
    paint_memory: paint::PaintMemory,
    scene: Option<Scene>,
}

impl Default for CanvasState {
    fn default() -> Self {
        Self {
            camera: Camera::default(),
            fit_pending: false,
            fitted_once: false,
            fitted_view: None,
            gesture: Gesture::Idle,
            inline_edit: None,
            rect: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            hits: FrameHits::default(),
            context_at: None,
            hovered: None,
            pointer_world: None,
            legend_height: 0.0,
            focused: None,
            matches: Vec::new(),
            open_inspector: false,
            node_widgets: rustc_hash::FxHashMap::default(),
            widget_id: None,
            spotlight: Vec::new(),
            scenario: None,
            scenario_outcome: None,
            scenario_before: None,
            presenting: false,
            paint_memory: paint::PaintMemory::default(),
            scene: None,
        }
    }
}

/// A scenario as shown: the document revision and list place it was worked out for, a copy
/// of it and every node's state.
#[derive(Clone, Debug)]
struct ShownScenario {
    stamp: crate::model::Stamp,
    index: usize,
    scenario: crate::model::Scenario,
    outcome: crate::model::Outcome,
}

impl ShownScenario {
    fn view(&self, weight: f32) -> crate::scene::ScenarioView<'_> {
        crate::scene::ScenarioView {
            outcome: &self.outcome,
            scenario: &self.scenario,
            weight,
        }
    }
}

/// What a frame of the canvas asks the rest of the app to do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CanvasOutput {
    /// A command picked from the context menu, with the world point it was opened at.
    pub action: Option<(crate::session::Action, Option<Pos2>)>,
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

    /// The scene for the current document, brought up to date with what changed since the
    /// last call (a new palette lays everything out again).
    pub fn scene(&mut self, editor: &Editor, palette: &Palette) -> &mut Scene {
        if self.scene.as_ref().is_none_or(|s| s.palette() != palette) {
            self.scene = None;
        }
        let scene = self
            .scene
            .get_or_insert_with(|| Scene::new(*palette, SceneOptions::CANVAS));
        scene.update(editor.doc());
        scene
    }

    /// Forgets the cached scene (after the document was replaced wholesale).
    pub fn reset_for_new_document(&mut self) {
        self.scene = None;
        self.gesture = Gesture::Idle;
        self.inline_edit = None;
        self.fit_pending = true;
        self.fitted_once = false;
        self.focused = None;
        self.matches.clear();
    }

    /// Gives a node keyboard focus (and so the screen reader's attention) from outside the
    /// canvas, e.g. when a presentation moves to it.
    pub fn focus_on(&mut self, ctx: &egui::Context, id: NodeId) {
        self.focused = Some(id);
        if let Some(canvas) = self.widget_id {
            ctx.memory_mut(|m| m.request_focus(keyboard::node_widget_id(canvas, id)));
        }
    }

    /// Works the chosen scenario out again if the document or the choice changed. When what
    /// is shown changes, the old marks fade out as the new ones fade in.
    pub fn update_scenario(&mut self, editor: &Editor) {
        let doc = editor.doc();
        let stamp = editor.revision();
        let index = self.scenario.filter(|i| *i < doc.scenarios().len());
        self.scenario = index;
        let fresh = match (index, &self.scenario_outcome) {
            (None, None) => return,
            (Some(i), Some(shown)) if shown.stamp == stamp && shown.index == i => return,
            (Some(i), _) => {
                let scenario = doc.scenarios()[i].clone();
                let outcome = crate::model::propagate(doc, &scenario);
                Some(ShownScenario {
                    stamp,
                    index: i,
                    scenario,
                    outcome,
                })
            }
            (None, Some(_)) => None,
        };
        let looks_the_same = match (&fresh, &self.scenario_outcome) {
            (Some(a), Some(b)) => {
                a.outcome == b.outcome && a.scenario.conditions == b.scenario.conditions
            }
            _ => false,
        };
        let before = std::mem::replace(&mut self.scenario_outcome, fresh);
        if !looks_the_same {
            self.scenario_before = Some((before, None));
        }
    }

    /// The chosen scenario worked out (after [`CanvasState::update_scenario`]).
    pub fn scenario_outcome(&self) -> Option<&crate::model::Outcome> {
        self.scenario_outcome.as_ref().map(|s| &s.outcome)
    }

    /// True while switching scenarios is still fading (the canvas asks for frames until done).
    pub fn scenario_switching(&self) -> bool {
        self.scenario_before.is_some()
    }

    /// True when the widget with keyboard focus is the canvas or one of its nodes (so the
    /// editor's shortcuts apply, rather than a text field's).
    pub fn owns_focus(&self, id: egui::Id) -> bool {
        self.widget_id == Some(id) || self.node_widgets.contains_key(&id)
    }

    /// True while a drag is in progress.
    pub fn is_dragging(&self) -> bool {
        self.gesture != Gesture::Idle
    }

    /// Cancels the gesture in progress, undoing what it did so far (Esc).
    pub fn cancel_gesture(&mut self, editor: &mut Editor) {
        if matches!(self.gesture, Gesture::Move { .. } | Gesture::Resize { .. }) {
            editor.abort_gesture();
        }
        self.gesture = Gesture::Idle;
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
    state.widget_id = Some(response.id);
    if state.fit_pending && rect.width() > 50.0 {
        state.fit_diagram(editor);
        // Fit once more on the next frame, when the legend's size is known.
        state.fit_pending = state.legend_height == 0.0 && !state.fitted_once;
        state.fitted_once = true;
    } else if let Some((camera, fitted_to)) = state.fitted_view
        && fitted_to.size() != rect.size()
        && rect.width() > 50.0
    {
        // The window (or the panels beside the canvas) changed size: a view the user has not
        // moved since it was fitted stays fitted; a moved one stays where the user put it.
        if camera == state.camera {
            state.fit_diagram(editor);
            // The toolbar showed the old zoom this frame.
            ui.ctx().request_repaint();
        } else {
            state.fitted_view = None;
        }
    }

    let pointer = response.hover_pos();
    state.pointer_world = pointer.map(|p| state.camera.to_world(rect, p));
    gestures::handle_view_input(ui, &response, rect, state);

    // Hover.
    let tolerance = crate::scene::style::HIT_TOLERANCE_PX / state.camera.zoom;
    {
        let camera = state.camera;
        let scene = state.scene(editor, palette);
        let hovered = pointer.and_then(|p| scene.node_at(camera.to_world(rect, p), tolerance));
        state.hovered = hovered;
    }

    gestures::handle_primary_drag(ui, &response, rect, editor, state, palette, snap_to_grid);
    output.show_comments = gestures::handle_clicks(ui, &response, rect, editor, state, palette);
    gestures::context_menu(&response, rect, editor, state, &mut output);

    let took_keyboard = response.clicked() || response.drag_started();
    if took_keyboard {
        // The canvas takes the keyboard (Tab, arrows, Delete) once it is used; a clicked
        // node becomes the keyboard focus too (requested below, after the node widgets:
        // egui takes focus from a widget the click did not land on as the widget is made).
        response.request_focus();
        state.focused = editor.selection.single_node();
    }
    keyboard::handle_keys(ui, &response, rect, editor, state, palette);

    // Paint.
    let editing = state.inline_edit.as_ref().map(|e| (e.node, e.field));
    let camera = state.camera;
    let hovered = state.hovered;
    let focused = state.focused;
    let matches = std::mem::take(&mut state.matches);
    let spotlight = std::mem::take(&mut state.spotlight);
    state.update_scenario(editor);
    let outcome = state.scenario_outcome.take();
    let now = ui.input(|i| i.time);
    let weight = match &mut state.scenario_before {
        Some((_, started)) => {
            let started = *started.get_or_insert(now);
            let t = ((now - started) as f32 / crate::scene::style::SCENARIO_SWITCH_SECONDS)
                .clamp(0.0, 1.0);
            // Ease out: most of the change early, settling gently.
            1.0 - (1.0 - t) * (1.0 - t)
        }
        None => 1.0,
    };
    if weight >= 1.0 {
        state.scenario_before = None;
    } else {
        ui.ctx().request_repaint();
    }
    let before = state.scenario_before.take();
    let painter = ui.painter_at(rect);
    let hits = {
        let selection = &editor.selection;
        let view = ViewState {
            zoom: camera.zoom,
            selected_nodes: &selection.nodes,
            selected_edges: &selection.edges,
            hovered,
            focused,
            matches: &matches,
            spotlight: (!spotlight.is_empty()).then_some(&spotlight[..]),
            scenario: outcome.as_ref().map(|s| s.view(weight)),
            previous_scenario: before
                .as_ref()
                .and_then(|(b, _)| b.as_ref())
                .map(|s| s.view(1.0 - weight)),
        };
        let mut memory = std::mem::take(&mut state.paint_memory);
        memory.texts.begin_frame(ui.ctx());
        let scene = state.scene(editor, palette);
        let hits = paint_scene(&painter, rect, &camera, scene, &view, editing, &mut memory);
        state.paint_memory = memory;
        hits
    };
    state.matches = matches;
    state.spotlight = spotlight;
    state.scenario_outcome = outcome;
    state.scenario_before = before;
    state.hits = hits;
    keyboard::accessibility_nodes(ui, &response, editor, state, palette);
    if took_keyboard && let Some(id) = state.focused {
        ui.memory_mut(|m| m.request_focus(keyboard::node_widget_id(response.id, id)));
    }
    overlays::grow_to_fit_typing(editor, state, rect);
    if !state.presenting {
        markers::paint_markers(&painter, rect, editor, state, palette);
        overlays::paint_overlays(&painter, ui, rect, editor, state, palette);
    }
    overlays::inline_editor_ui(ui, rect, editor, state);
    overlays::hover_help(&response, editor, state);
    output
}

/// Screen-space position of a node's connect handle (middle of its right side).
fn connect_handle(camera: &Camera, canvas: Rect, node_rect: Rect) -> Pos2 {
    let r = camera.rect_to_screen(canvas, node_rect);
    pos2(r.max.x, r.center().y)
}

fn resize_handle(camera: &Camera, canvas: Rect, node_rect: Rect) -> Rect {
    let r = camera.rect_to_screen(canvas, node_rect);
    Rect::from_center_size(r.max, Vec2::splat(crate::scene::style::RESIZE_HANDLE_PX))
}
