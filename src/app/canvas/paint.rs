//! Painting the [`Scene`] onto the canvas: culls to what is on screen, asks the scene for each
//! node's drawing at the zoom's level of detail, and hands the primitives to the translator in
//! `prims.rs`. Nothing here decides how anything looks.

use super::camera::Camera;
use super::prims::{Painted, PrimPainter, TextCache};
use super::text_cache::BUILD_SLOWNESS;
use crate::model::{NodeId, NodeKind};
use crate::scene::{Field, Lod, Palette, Prim, Scene, ViewState};
use egui::{Painter, Rect, pos2, vec2};

/// Where things were drawn this frame, for hit-testing text and tooltips.
#[derive(Clone, Debug, Default)]
pub struct FrameHits {
    /// Editable text areas: node, field, screen rectangle.
    pub fields: Vec<(NodeId, Field, Rect)>,
    /// C / M / O tags: tag text and screen rectangle.
    pub tags: Vec<(&'static str, Rect)>,
    /// Card badges: node, negative?, screen rectangle.
    pub badges: Vec<(NodeId, bool, Rect)>,
    /// Open-comment counters: node, screen rectangle.
    pub comment_badges: Vec<(NodeId, Rect)>,
    /// How many nodes were drawn (for tests and benchmarks).
    pub nodes_drawn: usize,
    /// Where each fully drawn node's text ends, in screen coordinates (to grow a card that
    /// typing has overfilled).
    pub content_bottoms: Vec<(NodeId, f32)>,
    /// Nodes drawn, with their screen rectangles, back to front (for the accessibility tree).
    pub visible_nodes: Vec<(NodeId, Rect)>,
}

/// What a painted frame depended on: when none of it changed, the frame is shown again as it
/// was (an idle frame of 20,000 cards costs what adding a few shapes costs).
#[derive(Clone, Debug, PartialEq)]
struct FrameKey {
    scene_version: u64,
    offset: egui::Vec2,
    zoom: f32,
    canvas: Rect,
    editing: Option<(NodeId, Field)>,
}

/// The last frame of the diagram as painted, and where things went.
#[derive(Clone, Debug)]
pub struct FrameCache {
    key: FrameKey,
    painted: Painted,
    hits: FrameHits,
}

/// What painting keeps from frame to frame: the last frame, and text laid out lately.
#[derive(Default)]
pub struct PaintMemory {
    /// The last frame as painted.
    pub frame: Option<FrameCache>,
    /// Laid-out text.
    pub texts: TextCache,
    /// The level each card was last shown at.
    pub reveal: super::reveal::Reveal,
}

/// Paints the scene into `canvas` (a screen rectangle) and returns where things went.
/// `editing` names a field being edited in place: the text editor draws it instead. `cache`
/// keeps the painted diagram for the next frame.
pub fn paint_scene(
    painter: &Painter,
    canvas: Rect,
    camera: &Camera,
    scene: &mut Scene,
    view: &ViewState<'_>,
    editing: Option<(NodeId, Field)>,
    memory: &mut PaintMemory,
) -> FrameHits {
    let PaintMemory {
        frame: cache,
        texts,
        reveal,
    } = memory;
    let palette = *scene.palette();
    painter.rect_filled(canvas, 0.0, palette.background);
    paint_dots(painter, canvas, camera, &palette);
    let key = FrameKey {
        scene_version: scene.version(),
        offset: camera.offset,
        zoom: camera.zoom,
        canvas,
        editing,
    };
    let visible = camera.visible_world(canvas).expand(40.0 / camera.zoom);
    let hits = match cache {
        Some(c) if c.key == key => {
            c.painted.show(painter);
            c.hits.clone()
        }
        _ => {
            let (painted, hits, whole) =
                paint_diagram(painter, canvas, camera, scene, editing, (texts, reveal));
            painted.show(painter);
            if whole && !texts.short() {
                *cache = Some(FrameCache {
                    key,
                    painted,
                    hits: hits.clone(),
                });
            } else {
                // Some nodes or lines stood in at another level or size (the frame's budget
                // was spent): the next frame finishes them, and is not to show this one again.
                *cache = None;
                painter.ctx().request_repaint();
            }
            hits
        }
    };
    let mut out = PrimPainter::new(painter, canvas, camera).with_texts(texts);
    if let Some(spotlight) = view.spotlight {
        let lod = Lod::for_zoom(camera.zoom);
        for (prim, offset) in scene.spotlight_prims(spotlight, lod, visible) {
            // The step's comments and reactions are said in the caption in large type; the
            // small counters are for the editor, and on a projector too small to read.
            if matches!(prim, crate::scene::Prim::Counter { .. }) {
                continue;
            }
            out.paint(&prim, offset, None);
        }
    }
    for prim in scene.view_prims(view, visible) {
        out.paint(&prim, vec2(0.0, 0.0), None);
    }
    out.finish().show(painter);
    hits
}

/// The most time one zoomed-out frame spends laying out nodes' drawings at a new level of detail. Past
/// it, nodes not yet laid out are drawn at the nearest level that is, and the next frames
/// finish them; a frame with time left lays out the levels either side of the view ahead, so
/// a zoom crossing into the next level finds it ready (issue 19, item 14).
const LAYOUT_BUDGET: std::time::Duration = std::time::Duration::from_micros(1_200 * BUILD_SLOWNESS);
/// The most time a frame spends laying out levels ahead (a frame drawing hundreds of titled
/// cards has less time to spare than the budget).
const LAYOUT_AHEAD_BUDGET: std::time::Duration =
    std::time::Duration::from_micros(800 * BUILD_SLOWNESS);
/// Levels are laid out ahead only by a frame that has painted in less than this.
const AHEAD_ONLY_WITHIN: std::time::Duration =
    std::time::Duration::from_micros(3_000 * BUILD_SLOWNESS);

/// Translates the visible part of the scene (without the view state); true with it when
/// every node was drawn at the zoom's level of detail.
fn paint_diagram(
    painter: &Painter,
    canvas: Rect,
    camera: &Camera,
    scene: &mut Scene,
    editing: Option<(NodeId, Field)>,
    (texts, reveal): (&mut TextCache, &mut super::reveal::Reveal),
) -> (Painted, FrameHits, bool) {
    let started = std::time::Instant::now();
    let deadline = started + LAYOUT_BUDGET;
    let mut hits = FrameHits::default();
    let visible = camera.visible_world(canvas).expand(40.0 / camera.zoom);
    let indices = scene.nodes_in(visible);
    hits.nodes_drawn = indices.len();
    let lod = Lod::for_zoom(camera.zoom);
    // Zoomed out, a frame keeps to its budgets; at full detail (the few cards a researcher
    // reads and edits) everything is laid out at once, as hit-testing needs, and shaped at
    // once unless the zoom is moving (a pinch or wheel crossing into full detail would shape
    // every line of the cards on screen in one frame; the next frames finish them).
    let budgeted = lod != Lod::Full;
    let zooming = texts.zoom_moved(camera.zoom);
    texts.hold_to_budget(budgeted || zooming);
    reveal.begin_frame(scene.nodes.len(), budgeted);
    let whole = scene.prepare_until(&indices, lod, budgeted.then_some(deadline));
    let mut out = PrimPainter::new(painter, canvas, camera).with_texts(texts);

    // Regions at the back, then arrows, then everything else in drawing order.
    let (regions, others): (Vec<usize>, Vec<usize>) = indices
        .iter()
        .partition(|&&i| scene.nodes[i].kind == NodeKind::Region);
    for &i in &regions {
        paint_node(&mut out, scene, (i, lod), reveal, editing, &mut hits);
    }
    let mut prims = Vec::new();
    for i in scene.edges_in(visible) {
        prims.clear();
        scene.edge_prims_into(&scene.edges[i], lod, &mut prims);
        for prim in &prims {
            out.paint(prim, vec2(0.0, 0.0), None);
        }
    }
    out.flush_batch();
    for &i in &others {
        paint_node(&mut out, scene, (i, lod), reveal, editing, &mut hits);
    }
    let painted = out.finish();
    // With time to spare (not a frame that showed cards at a new level, nor one that took
    // long already), lay out the levels either side ahead.
    if whole && !reveal.changed() && started.elapsed() < AHEAD_ONLY_WITHIN {
        let ahead = std::time::Instant::now() + LAYOUT_AHEAD_BUDGET;
        let view = (visible, camera.zoom, lod);
        lay_out_ahead(scene, &indices, view, (painter, texts), ahead);
    }
    (painted, hits, whole && !reveal.held())
}

/// With time left in the frame, lays out the levels of detail either side of `lod` for the
/// nodes on screen (`indices`; for the nearer level, those the view would still show when it
/// begins, zooming about the view's centre), nearest the centre first, then shapes the titles
/// of what it laid out (drawn at a fixed screen size through a level), so the frame crossing
/// into the next level finds its drawings laid out, its lines shaped and their glyphs in the
/// atlas. What is left waits for the next frames (the caller asks for them while a frame is
/// not whole). A frame with nothing left to do ahead costs one pass over the nodes on screen.
fn lay_out_ahead(
    scene: &mut Scene,
    indices: &[usize],
    (visible, zoom, lod): (Rect, f32, Lod),
    (painter, texts): (&Painter, &mut TextCache),
    deadline: std::time::Instant,
) {
    let centre = visible.center();
    for next in lod.neighbours().into_iter().flatten() {
        let nearer = next.slot_order() < lod.slot_order();
        // What the view shows when the nearer level begins (the whole view for the farther).
        let there = if nearer {
            let begins = lod.zoom_range().1;
            let scale = (zoom / begins).clamp(0.1, 1.0);
            Rect::from_center_size(centre, visible.size() * scale)
        } else {
            visible
        };
        let mut missing: Vec<usize> = indices
            .iter()
            .copied()
            .filter(|&i| scene.drawing(i, next).is_none() && scene.nodes[i].rect.intersects(there))
            .collect();
        if !missing.is_empty() {
            let distance = |i: usize| scene.nodes[i].rect.center().distance_sq(centre);
            missing.sort_by(|&a, &b| distance(a).total_cmp(&distance(b)));
            let all = scene.prepare_until(&missing, next, Some(deadline));
            let laid_out = missing
                .into_iter()
                .filter(|&i| scene.drawing(i, next).is_some());
            texts.to_shape.extend(laid_out.map(|i| (i, next)));
            if !all {
                return;
            }
        }
    }
    shape_ahead(scene, painter, texts, deadline);
}

/// Shapes the lines that keep one screen size through a level (titles zoomed out) of the
/// drawings laid out ahead, until `deadline`.
fn shape_ahead(
    scene: &Scene,
    painter: &Painter,
    texts: &mut TextCache,
    deadline: std::time::Instant,
) {
    while let Some((i, next)) = texts.to_shape.pop_front() {
        let Some(drawing) = scene.drawing(i, next) else {
            continue;
        };
        for prim in &drawing.prims {
            if let Prim::Text(run) = prim
                && run.screen_size
                && let Some(size) = super::prims::shown_text_px(run, 1.0)
            {
                texts.shape_ahead(painter, &run.text, size, run.colour);
            }
        }
        if std::time::Instant::now() >= deadline {
            return;
        }
    }
}

fn paint_node(
    out: &mut PrimPainter<'_>,
    scene: &Scene,
    (index, lod): (usize, Lod),
    reveal: &mut super::reveal::Reveal,
    editing: Option<(NodeId, Field)>,
    hits: &mut FrameHits,
) {
    let node = &scene.nodes[index];
    // While its drawing at `lod` waits for a later frame, the nearest level's stands in (and
    // past the frame's allowance of cards changing level, the level it had).
    let Some((drawing, lod)) = reveal.drawing(scene, index, lod) else {
        return;
    };
    let offset = node.rect.min.to_vec2();
    let screen = out.camera.rect_to_screen(out.canvas, node.rect);
    hits.visible_nodes.push((node.id, screen));
    // No clip per node: the scene only emits lines that fit their node, and one clip for the
    // whole canvas lets egui batch everything (a clip per node cost an allocation each).
    for prim in &drawing.prims {
        // Far out, a box's badge shows once it reaches legible type.
        if lod == Lod::Boxes
            && let Prim::Text(run) = prim
            && run.size * out.camera.zoom < crate::scene::style::LOD_MIN_TEXT_PX
        {
            continue;
        }
        if let Prim::Text(run) = prim
            && let crate::scene::TextRole::Field(field) = run.role
            && editing == Some((node.id, field))
        {
            continue;
        }
        if let Some(r) = out.paint(prim, offset, None)
            && matches!(prim, Prim::Counter { .. })
        {
            hits.comment_badges.push((node.id, r));
        }
    }
    if lod == Lod::Boxes {
        return;
    }
    let to_screen = |r: Rect| out.camera.rect_to_screen(out.canvas, r.translate(offset));
    let spots = &drawing.hotspots;
    if let Some(badge) = spots.badge {
        hits.badges.push((node.id, node.dashed, to_screen(badge)));
    }
    if lod == Lod::Full {
        for (field, r) in &spots.fields {
            hits.fields.push((node.id, *field, to_screen(*r)));
        }
        for (tag, r) in &spots.tags {
            hits.tags.push((tag, to_screen(*r)));
        }
        let bottom = out
            .camera
            .to_screen(
                out.canvas,
                pos2(0.0, node.rect.min.y + spots.content_bottom),
            )
            .y;
        hits.content_bottoms.push((node.id, bottom));
    }
}

fn paint_dots(painter: &Painter, canvas: Rect, camera: &Camera, palette: &Palette) {
    use crate::scene::style::{GRID_DOT_PX, GRID_MIN_SPACING_PX, GRID_SPACING};
    let spacing = GRID_SPACING * camera.zoom;
    if spacing < GRID_MIN_SPACING_PX {
        return;
    }
    let start = camera.to_world(canvas, canvas.min);
    let first_x = (start.x / GRID_SPACING).floor() * GRID_SPACING;
    let first_y = (start.y / GRID_SPACING).floor() * GRID_SPACING;
    let origin = camera.to_screen(canvas, pos2(first_x, first_y));
    let mut mesh = egui::epaint::Mesh::default();
    let r = GRID_DOT_PX;
    let mut y = origin.y;
    while y < canvas.max.y {
        let mut x = origin.x;
        while x < canvas.max.x {
            if canvas.contains(pos2(x, y)) {
                mesh.add_colored_rect(
                    Rect::from_center_size(pos2(x, y), vec2(r, r)),
                    palette.grid_dot,
                );
            }
            x += spacing;
        }
        y += spacing;
    }
    painter.add(egui::Shape::mesh(mesh));
}
