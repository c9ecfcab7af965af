//! Painting arrows (curves, heads, labels, comment counters) and the far-zoomed-out overview,
//! where every node and arrow goes into one mesh.

use super::camera::Camera;
use super::paint::Highlight;
use crate::model::NodeKind;
use crate::scene::{Palette, Scene, SceneEdge};
use egui::epaint::{CubicBezierShape, Mesh, PathShape, PathStroke};
use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, vec2};

pub(super) fn paint_edge(
    painter: &Painter,
    canvas: Rect,
    camera: &Camera,
    edge: &SceneEdge,
    palette: &Palette,
    detail: bool,
    selected: bool,
) {
    let z = camera.zoom;
    let points = edge.geometry.points.map(|p| camera.to_screen(canvas, p));
    let width = (1.8 * z.sqrt()).clamp(1.0, 3.5);
    let head = (11.0 * z.sqrt()).clamp(6.0, 18.0);
    let tip = points[3];
    let direction = edge.geometry.tip_direction();
    // Stop the line at the base of the arrowhead so the tip stays sharp.
    let mut line_points = points;
    line_points[3] = tip - direction * head * 0.8;
    if selected {
        let bezier = CubicBezierShape::from_points_stroke(
            line_points,
            false,
            Color32::TRANSPARENT,
            Stroke::new(width + 5.0, palette.selection.gamma_multiply(0.45)),
        );
        painter.add(bezier);
    }
    if edge.dashed {
        let flat = CubicBezierShape::from_points_stroke(
            line_points,
            false,
            Color32::TRANSPARENT,
            Stroke::NONE,
        )
        .flatten(Some(0.5));
        painter.extend(Shape::dashed_line(
            &flat,
            Stroke::new(width, edge.color),
            7.0 * z.max(0.5),
            5.0 * z.max(0.5),
        ));
    } else {
        painter.add(CubicBezierShape::from_points_stroke(
            line_points,
            false,
            Color32::TRANSPARENT,
            PathStroke::new(width, edge.color),
        ));
    }
    let normal = Vec2::new(-direction.y, direction.x);
    let base = tip - direction * head;
    painter.add(PathShape::convex_polygon(
        vec![
            tip,
            base + normal * head * 0.45,
            base - normal * head * 0.45,
        ],
        edge.color,
        Stroke::NONE,
    ));

    if detail && !edge.label.is_empty() {
        let at = camera.to_screen(canvas, edge.geometry.label_at);
        let size = (12.0 * z).clamp(8.0, 28.0);
        let galley = painter.layout(
            edge.label.clone(),
            FontId::proportional(size),
            edge.color,
            220.0 * z,
        );
        let r = Rect::from_center_size(at, galley.size()).expand(3.0);
        painter.rect(
            r,
            4.0,
            palette.label_background,
            Stroke::new(1.0, edge.color.gamma_multiply(0.6)),
            StrokeKind::Inside,
        );
        painter.galley(r.min + vec2(3.0, 3.0), galley, edge.color);
    }
    if edge.open_comments > 0 {
        let at = camera.to_screen(canvas, edge.geometry.sample(0.35));
        super::paint::paint_comment_counter(painter, at, edge.open_comments, palette);
    }
}

/// Far zoomed out: every visible node as a flat rectangle and every arrow as a straight line,
/// all in one mesh each.
pub(super) fn paint_overview(
    painter: &Painter,
    canvas: Rect,
    camera: &Camera,
    scene: &Scene,
    indices: &[usize],
    highlight: &Highlight<'_>,
    palette: &Palette,
) {
    let mut mesh = Mesh::default();
    for &i in indices {
        let node = &scene.nodes[i];
        let rect = camera.rect_to_screen(canvas, node.rect);
        let colour = match &node.badge {
            Some((_, accent, _)) => *accent,
            None => node.stroke,
        };
        let colour = if node.kind == NodeKind::Region {
            node.fill
        } else {
            colour
        };
        mesh.add_colored_rect(rect, colour);
        if highlight.nodes.contains(&node.id) {
            mesh.add_colored_rect(
                rect.shrink(rect.width().min(rect.height()) * 0.3),
                palette.selection,
            );
        }
    }
    let mut lines = Mesh::default();
    let visible = camera.visible_world(canvas);
    for edge in &scene.edges {
        let [a, _, _, b] = edge.geometry.points;
        if !Rect::from_two_pos(a, b).intersects(visible) {
            continue;
        }
        let (a, b) = (camera.to_screen(canvas, a), camera.to_screen(canvas, b));
        add_line_quad(&mut lines, a, b, 1.0, edge.color.gamma_multiply(0.7));
    }
    painter.add(Shape::mesh(lines));
    painter.add(Shape::mesh(mesh));
}

fn add_line_quad(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let d = b - a;
    let len = d.length();
    if len < 0.5 {
        return;
    }
    let n = vec2(-d.y, d.x) / len * (width / 2.0);
    let base = mesh.vertices.len() as u32;
    for p in [a + n, b + n, b - n, a - n] {
        mesh.colored_vertex(p, colour);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}
