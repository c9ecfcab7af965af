//! Painting a [`Scene`] onto the canvas. Only what is on screen is drawn; text is laid out at
//! its on-screen size (sharp at any zoom); zoomed out, cards become titled boxes and then plain
//! boxes drawn as one mesh, so thousands of cards stay fast.

use super::camera::Camera;
use crate::model::NodeKind;
use crate::model::text_fit::{HEADER_HEIGHT, LINE_HEIGHT, PADDING, SECTION_GAP, SECTION_TAG_WIDTH};
use crate::scene::{
    DETAIL_ZOOM, Field, OVERVIEW_ZOOM, Palette, REGION_TITLE_HEIGHT, Scene, SceneNode,
};
use egui::epaint::{Mesh, PathShape};
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Rect, Shape, Stroke, StrokeKind, pos2, vec2,
};
use std::collections::BTreeSet;

/// Where things were drawn this frame, for hit-testing text and tooltips.
#[derive(Clone, Debug, Default)]
pub struct FrameHits {
    /// Editable text areas: node, field, screen rectangle.
    pub fields: Vec<(crate::model::NodeId, Field, Rect)>,
    /// C / M / O tags: tag text and screen rectangle.
    pub tags: Vec<(&'static str, Rect)>,
    /// Card badges: node, negative?, screen rectangle.
    pub badges: Vec<(crate::model::NodeId, bool, Rect)>,
    /// Open-comment counters: node, screen rectangle.
    pub comment_badges: Vec<(crate::model::NodeId, Rect)>,
    /// How many nodes were drawn (for tests and benchmarks).
    pub nodes_drawn: usize,
    /// Where each fully drawn node's text ends, in screen coordinates (to grow a card that
    /// typing has overfilled).
    pub content_bottoms: Vec<(crate::model::NodeId, f32)>,
}

/// What to highlight.
pub struct Highlight<'a> {
    /// Selected nodes.
    pub nodes: &'a BTreeSet<crate::model::NodeId>,
    /// Selected arrows.
    pub edges: &'a BTreeSet<crate::model::EdgeId>,
    /// The node under the pointer.
    pub hovered: Option<crate::model::NodeId>,
    /// A node being edited in place (its field is drawn by the text editor instead).
    pub editing: Option<(crate::model::NodeId, Field)>,
}

/// Paints the scene into `canvas` (a screen rectangle) and returns where things went.
pub fn paint_scene(
    painter: &Painter,
    canvas: Rect,
    camera: &Camera,
    scene: &Scene,
    palette: &Palette,
    highlight: &Highlight<'_>,
) -> FrameHits {
    let mut hits = FrameHits::default();
    painter.rect_filled(canvas, 0.0, palette.background);
    paint_dots(painter, canvas, camera, palette);
    let visible = camera.visible_world(canvas).expand(40.0 / camera.zoom);
    let indices = scene.nodes_in(visible);
    hits.nodes_drawn = indices.len();

    if camera.zoom < OVERVIEW_ZOOM {
        super::paint_edges::paint_overview(
            painter, canvas, camera, scene, &indices, highlight, palette,
        );
        return hits;
    }
    let detail = camera.zoom >= DETAIL_ZOOM;
    // Regions at the back, then arrows, then everything else in drawing order.
    for &i in &indices {
        let node = &scene.nodes[i];
        if node.kind == NodeKind::Region {
            paint_node(
                painter, canvas, camera, node, palette, detail, highlight, &mut hits,
            );
        }
    }
    for edge in &scene.edges {
        if edge.geometry.bounds().intersects(visible) {
            let selected = highlight.edges.contains(&edge.id);
            super::paint_edges::paint_edge(
                painter, canvas, camera, edge, palette, detail, selected,
            );
        }
    }
    for &i in &indices {
        let node = &scene.nodes[i];
        if node.kind != NodeKind::Region {
            paint_node(
                painter, canvas, camera, node, palette, detail, highlight, &mut hits,
            );
        }
    }
    hits
}

fn paint_dots(painter: &Painter, canvas: Rect, camera: &Camera, palette: &Palette) {
    let spacing = 40.0 * camera.zoom;
    if spacing < 14.0 {
        return;
    }
    let start = camera.to_world(canvas, canvas.min);
    let first_x = (start.x / 40.0).floor() * 40.0;
    let first_y = (start.y / 40.0).floor() * 40.0;
    let origin = camera.to_screen(canvas, pos2(first_x, first_y));
    let mut mesh = Mesh::default();
    let r = (1.2 * camera.zoom.sqrt()).clamp(0.8, 2.0);
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
    painter.add(Shape::mesh(mesh));
}

#[allow(clippy::too_many_arguments)]
fn paint_node(
    painter: &Painter,
    canvas: Rect,
    camera: &Camera,
    node: &SceneNode,
    palette: &Palette,
    detail: bool,
    highlight: &Highlight<'_>,
    hits: &mut FrameHits,
) {
    let z = camera.zoom;
    let rect = camera.rect_to_screen(canvas, node.rect);
    let radius = (6.0 * z).clamp(1.0, 12.0);
    let selected = highlight.nodes.contains(&node.id);
    let hovered = highlight.hovered == Some(node.id);
    let clip = painter.with_clip_rect(rect.expand(2.0).intersect(canvas));

    // Body.
    match node.kind {
        NodeKind::Condition => {
            let points = crate::scene::condition_outline(rect, 18.0 * z);
            painter.add(PathShape::convex_polygon(
                points,
                node.fill,
                Stroke::new(2.0, node.stroke),
            ));
        }
        NodeKind::Note => {
            let (points, corner) = crate::scene::note_outline(rect, 16.0 * z);
            painter.add(PathShape::convex_polygon(
                points,
                node.fill,
                Stroke::new(1.0, node.stroke),
            ));
            painter.add(PathShape::convex_polygon(
                corner,
                node.stroke.gamma_multiply(0.5),
                Stroke::NONE,
            ));
        }
        NodeKind::Region => {
            painter.rect(
                rect,
                radius * 2.0,
                node.fill,
                Stroke::new(1.5, node.stroke),
                StrokeKind::Inside,
            );
        }
        NodeKind::Theory => {
            painter.rect(
                rect,
                radius,
                node.fill,
                Stroke::new(1.5, node.stroke),
                StrokeKind::Inside,
            );
            painter.rect_stroke(
                rect.shrink(4.0 * z),
                radius * 0.6,
                Stroke::new(1.0, node.stroke),
                StrokeKind::Inside,
            );
        }
        _ => {
            if node.dashed {
                painter.rect_filled(rect, radius, node.fill);
                dashed_rect(painter, rect, node.stroke, 2.0, (8.0 * z).max(3.0));
            } else {
                painter.rect(
                    rect,
                    radius,
                    node.fill,
                    Stroke::new(1.5, node.stroke),
                    StrokeKind::Inside,
                );
            }
        }
    }

    if let Some((badge, accent, on_accent)) = &node.badge {
        // Zoomed out, the header keeps a readable height so the CMOC number stays legible.
        let header_height = if detail {
            HEADER_HEIGHT * z
        } else {
            (HEADER_HEIGHT * z).max(17.0)
        };
        let header = Rect::from_min_size(
            rect.min,
            vec2(rect.width(), header_height.min(rect.height())),
        );
        let top = CornerRadius {
            nw: radius as u8,
            ne: radius as u8,
            sw: 0,
            se: 0,
        };
        painter.rect_filled(
            header.shrink(if node.dashed { 2.0 } else { 1.0 }),
            top,
            *accent,
        );
        let size = if detail {
            (14.0 * z).clamp(7.0, 40.0)
        } else {
            12.0
        };
        if header.width() > 30.0 {
            let text_rect = clip.text(
                pos2(header.min.x + (8.0 * z).max(4.0), header.center().y),
                Align2::LEFT_CENTER,
                badge,
                FontId::proportional(size),
                *on_accent,
            );
            hits.badges.push((
                node.id,
                node.dashed,
                text_rect
                    .expand2(vec2(6.0 * z.max(0.5), 3.0))
                    .intersect(header),
            ));
            if node.evidence > 0 && detail {
                let text = format!(
                    "{} quote{}",
                    node.evidence,
                    if node.evidence == 1 { "" } else { "s" }
                );
                clip.text(
                    pos2(header.max.x - 8.0 * z, header.center().y),
                    Align2::RIGHT_CENTER,
                    text,
                    FontId::proportional(size * 0.8),
                    on_accent.gamma_multiply(0.85),
                );
            }
        }
        if detail {
            paint_card_body(&clip, rect, header, z, node, highlight, hits);
        } else {
            paint_lod_title(
                &clip,
                rect.with_min_y(header.max.y),
                &node.title,
                node.text_color,
            );
        }
    } else if detail {
        paint_block_text(&clip, rect, z, node, palette, highlight, hits);
    } else {
        let title = if node.title.is_empty() {
            &node.body
        } else {
            &node.title
        };
        let area = if node.kind == NodeKind::Region {
            rect.with_max_y(rect.min.y + (REGION_TITLE_HEIGHT * z).max(18.0))
        } else {
            rect
        };
        paint_lod_title(&clip, area, title, node.text_color);
    }

    if node.open_comments > 0 {
        let counter = paint_comment_counter(
            painter,
            pos2(rect.max.x - 2.0, rect.min.y + 2.0),
            node.open_comments,
            palette,
        );
        hits.comment_badges.push((node.id, counter));
    }
    if selected {
        painter.rect_stroke(
            rect.expand(3.0),
            radius + 3.0,
            Stroke::new(2.5, palette.selection),
            StrokeKind::Outside,
        );
    } else if hovered {
        painter.rect_stroke(
            rect.expand(2.0),
            radius + 2.0,
            Stroke::new(1.5, palette.selection.gamma_multiply(0.5)),
            StrokeKind::Outside,
        );
    }
}

/// A title drawn at a readable screen size inside a box too small for its full text.
fn paint_lod_title(painter: &Painter, area: Rect, title: &str, colour: Color32) {
    if title.is_empty() || area.width() < 24.0 || area.height() < 12.0 {
        return;
    }
    let galley = painter.layout(
        title.to_string(),
        FontId::proportional(12.0),
        colour,
        area.width() - 8.0,
    );
    painter.galley(area.min + vec2(4.0, 3.0), galley, colour);
}

fn paint_card_body(
    painter: &Painter,
    rect: Rect,
    header: Rect,
    z: f32,
    node: &SceneNode,
    highlight: &Highlight<'_>,
    hits: &mut FrameHits,
) {
    let font = FontId::proportional(crate::model::text_fit::BODY_FONT_SIZE * z);
    let mut y = header.max.y + PADDING * z;
    let left = rect.min.x + PADDING * z;
    let inner_width = rect.width() - 2.0 * PADDING * z;
    if !node.title.is_empty() {
        let galley = painter.layout(
            node.title.clone(),
            font.clone(),
            node.text_color,
            inner_width,
        );
        let r = Rect::from_min_size(pos2(left, y), galley.size());
        hits.fields
            .push((node.id, Field::Title, r.with_max_x(left + inner_width)));
        if highlight.editing != Some((node.id, Field::Title)) {
            painter.galley(r.min, galley.clone(), node.text_color);
            // A second pass one pixel over makes the title read as bold.
            painter.galley(r.min + vec2(0.4 * z.min(1.5), 0.0), galley, node.text_color);
        }
        y = r.max.y + SECTION_GAP * z;
    }
    let text_left = left + SECTION_TAG_WIDTH * z;
    let text_width = inner_width - SECTION_TAG_WIDTH * z;
    for section in &node.sections {
        let galley = painter.layout(
            section.text.clone(),
            font.clone(),
            node.text_color,
            text_width,
        );
        let height = galley.size().y.max(LINE_HEIGHT * z);
        let tag_rect = Rect::from_min_size(
            pos2(left, y + 1.0 * z),
            vec2((SECTION_TAG_WIDTH - 5.0) * z, (LINE_HEIGHT - 2.0) * z),
        );
        let tag_size = if section.tag.len() > 1 {
            7.0 * z
        } else {
            11.0 * z
        };
        painter.rect_filled(tag_rect, 3.0 * z, section.tag_fill);
        painter.text(
            tag_rect.center(),
            Align2::CENTER_CENTER,
            section.tag,
            FontId::proportional(tag_size),
            section.tag_text,
        );
        hits.tags.push((section.tag, tag_rect));
        let text_rect = Rect::from_min_size(pos2(text_left, y), vec2(text_width, height));
        hits.fields.push((node.id, section.field, text_rect));
        if highlight.editing != Some((node.id, section.field)) {
            if section.text.trim().is_empty() {
                painter.text(
                    text_rect.min,
                    Align2::LEFT_TOP,
                    "double-click to write",
                    font.clone(),
                    node.text_color.gamma_multiply(0.45),
                );
            } else {
                painter.galley(text_rect.min, galley, node.text_color);
            }
        }
        y += height + SECTION_GAP * z;
    }
    hits.content_bottoms.push((node.id, y + PADDING * z));
}

fn paint_block_text(
    painter: &Painter,
    rect: Rect,
    z: f32,
    node: &SceneNode,
    palette: &Palette,
    highlight: &Highlight<'_>,
    hits: &mut FrameHits,
) {
    let inset = crate::scene::text_inset(node.kind) * z;
    let left = rect.min.x + inset;
    let width = rect.width() - 2.0 * inset;
    let mut y = rect.min.y + PADDING * z;
    let kind_label = crate::scene::kind_caption(node.kind);
    if let Some(label) = kind_label {
        let r = painter.text(
            pos2(left, y),
            Align2::LEFT_TOP,
            label,
            FontId::proportional(9.0 * z),
            node.stroke,
        );
        y = r.max.y + 2.0 * z;
    }
    let title_size = crate::scene::title_size(node.kind) * z;
    if !node.title.is_empty() || highlight.editing == Some((node.id, Field::Title)) {
        let galley = painter.layout(
            node.title.clone(),
            FontId::proportional(title_size),
            node.text_color,
            width,
        );
        let r = Rect::from_min_size(pos2(left, y), vec2(width, galley.size().y.max(title_size)));
        hits.fields.push((node.id, Field::Title, r));
        if highlight.editing != Some((node.id, Field::Title)) {
            painter.galley(r.min, galley.clone(), node.text_color);
            painter.galley(r.min + vec2(0.4 * z.min(1.5), 0.0), galley, node.text_color);
        }
        y = r.max.y + 4.0 * z;
    }
    let colour = if node.kind == NodeKind::Region {
        palette.muted_text
    } else {
        node.text_color
    };
    let body_size = crate::scene::body_size(node.kind) * z;
    let galley = painter.layout(
        node.body.clone(),
        FontId::proportional(body_size),
        colour,
        width,
    );
    let r = Rect::from_min_size(
        pos2(left, y),
        vec2(width, galley.size().y.max(body_size * 1.3)),
    );
    hits.fields.push((node.id, Field::Text, r));
    hits.content_bottoms.push((node.id, r.max.y + PADDING * z));
    if highlight.editing != Some((node.id, Field::Text)) {
        painter.galley(r.min, galley, colour);
    }
}

fn dashed_rect(painter: &Painter, rect: Rect, colour: Color32, width: f32, dash: f32) {
    let r = rect.shrink(width / 2.0);
    let points = [
        r.left_top(),
        r.right_top(),
        r.right_bottom(),
        r.left_bottom(),
        r.left_top(),
    ];
    painter.extend(Shape::dashed_line(
        &points,
        Stroke::new(width, colour),
        dash,
        dash * 0.6,
    ));
}

/// The open-comment counter, the same on nodes and arrows; returns where it was drawn.
pub(super) fn paint_comment_counter(
    painter: &Painter,
    centre: egui::Pos2,
    count: usize,
    palette: &Palette,
) -> Rect {
    let radius = 10.0;
    painter.circle(
        centre,
        radius,
        palette.comment_badge,
        Stroke::new(1.5, palette.background),
    );
    painter.text(
        centre,
        Align2::CENTER_CENTER,
        count.to_string(),
        FontId::proportional(11.0),
        Color32::WHITE,
    );
    Rect::from_center_size(centre, vec2(2.0 * radius, 2.0 * radius))
}
