//! The egui back end of the scene: each [`Prim`] becomes egui shapes, one to one. World sizes
//! scale with the zoom; `screen` lines and counters keep their pixel size. Plain rectangles
//! and thin segments (far zoomed out) are batched into one mesh, keeping drawing order.

use super::camera::Camera;
use crate::scene::style::{EMPHASIS_MAX_ZOOM, EMPHASIS_OFFSET_PX, MIN_STROKE_PX, MIN_TEXT_PX};
use crate::scene::{Corners, Line, Prim};
use egui::epaint::{CubicBezierShape, Mesh, PathShape, PathStroke};
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2,
    pos2, vec2,
};

/// Translates primitives onto one painter for one camera.
pub struct PrimPainter<'a> {
    painter: &'a Painter,
    /// The canvas's screen rectangle.
    pub canvas: Rect,
    /// The camera.
    pub camera: &'a Camera,
    batch: Mesh,
}

fn corner_radius(corners: Corners, zoom: f32) -> CornerRadius {
    let r = |v: f32| (v * zoom).clamp(0.0, 255.0) as u8;
    let [nw, ne, se, sw] = corners.0;
    CornerRadius {
        nw: r(nw),
        ne: r(ne),
        se: r(se),
        sw: r(sw),
    }
}

/// The outline of a rounded rectangle as a closed polyline (for dashed borders), starting
/// where SVG's `<rect>` starts its outline so dashes fall alike.
pub fn rounded_outline(rect: Rect, corners: Corners) -> Vec<Pos2> {
    let max = rect.width().min(rect.height()) / 2.0;
    let [nw, ne, se, sw] = corners.0.map(|r| r.clamp(0.0, max.max(0.0)));
    let mut points = Vec::with_capacity(24);
    let arc = |points: &mut Vec<Pos2>, centre: Pos2, radius: f32, from_deg: f32| {
        if radius <= 0.0 {
            points.push(centre);
            return;
        }
        for step in 0..=4 {
            let a = (from_deg + 22.5 * step as f32).to_radians();
            points.push(centre + vec2(a.cos(), a.sin()) * radius);
        }
    };
    points.push(pos2(rect.min.x + nw, rect.min.y));
    arc(
        &mut points,
        pos2(rect.max.x - ne, rect.min.y + ne),
        ne,
        -90.0,
    );
    arc(&mut points, pos2(rect.max.x - se, rect.max.y - se), se, 0.0);
    arc(
        &mut points,
        pos2(rect.min.x + sw, rect.max.y - sw),
        sw,
        90.0,
    );
    arc(
        &mut points,
        pos2(rect.min.x + nw, rect.min.y + nw),
        nw,
        180.0,
    );
    points.push(pos2(rect.min.x + nw, rect.min.y));
    points
}

impl<'a> PrimPainter<'a> {
    /// A translator onto `painter` for the canvas at `canvas` seen through `camera`.
    pub fn new(painter: &'a Painter, canvas: Rect, camera: &'a Camera) -> Self {
        Self {
            painter,
            canvas,
            camera,
            batch: Mesh::default(),
        }
    }

    fn to_screen(&self, p: Pos2) -> Pos2 {
        self.camera.to_screen(self.canvas, p)
    }

    fn stroke(&self, line: &Line) -> (Stroke, Option<(f32, f32)>) {
        let scale = if line.screen { 1.0 } else { self.camera.zoom };
        let width = if line.screen {
            line.width
        } else {
            (line.width * scale).max(MIN_STROKE_PX)
        };
        let dash = line
            .dash
            .map(|d| ((d.on * scale).max(1.0), (d.off * scale).max(1.0)));
        (Stroke::new(width, line.colour), dash)
    }

    /// Paints whatever was batched so far (call before painting on another painter).
    pub fn flush_batch(&mut self) {
        if !self.batch.is_empty() {
            self.painter
                .add(Shape::mesh(std::mem::take(&mut self.batch)));
        }
    }

    fn dashed(&self, painter: &Painter, points: &[Pos2], stroke: Stroke, dash: (f32, f32)) {
        painter.extend(Shape::dashed_line(points, stroke, dash.0, dash.1));
    }

    /// Paints `prim` moved by `offset` (world units), clipped to `clip` (screen) if given.
    /// Returns the screen rectangle of a counter (for clicks on it).
    pub fn paint(&mut self, prim: &Prim, offset: Vec2, clip: Option<Rect>) -> Option<Rect> {
        let z = self.camera.zoom;
        // Far zoomed out, plain boxes and hairlines go into one mesh.
        match prim {
            Prim::Rect {
                rect,
                corners,
                fill,
                line: None,
            } if corners.0 == [0.0; 4] => {
                let r = self
                    .camera
                    .rect_to_screen(self.canvas, rect.translate(offset));
                self.batch.add_colored_rect(r, *fill);
                return None;
            }
            Prim::Segment {
                from,
                to,
                line: line @ Line { dash: None, .. },
            } => {
                let (stroke, _) = self.stroke(line);
                let (a, b) = (self.to_screen(*from + offset), self.to_screen(*to + offset));
                add_line_quad(&mut self.batch, a, b, stroke.width, stroke.color);
                return None;
            }
            _ => self.flush_batch(),
        }
        let clipped;
        let painter = match clip {
            Some(c) => {
                clipped = self.painter.with_clip_rect(c);
                &clipped
            }
            None => self.painter,
        };
        match prim {
            Prim::Rect {
                rect,
                corners,
                fill,
                line,
            } => {
                let r = self
                    .camera
                    .rect_to_screen(self.canvas, rect.translate(offset));
                let radius = corner_radius(*corners, z);
                match line.as_ref().map(|l| self.stroke(l)) {
                    None => {
                        painter.rect_filled(r, radius, *fill);
                    }
                    Some((stroke, None)) => {
                        painter.rect(r, radius, *fill, stroke, StrokeKind::Inside);
                    }
                    Some((stroke, Some(dash))) => {
                        painter.rect_filled(r, radius, *fill);
                        let inner = r.shrink(stroke.width / 2.0);
                        let scaled =
                            Corners(corners.0.map(|c| (c * z - stroke.width / 2.0).max(0.0)));
                        self.dashed(painter, &rounded_outline(inner, scaled), stroke, dash);
                    }
                }
            }
            Prim::Polygon { points, fill, line } => {
                let pts: Vec<Pos2> = points.iter().map(|p| self.to_screen(*p + offset)).collect();
                match line.as_ref().map(|l| self.stroke(l)) {
                    Some((stroke, Some(dash))) => {
                        painter.add(PathShape::convex_polygon(pts.clone(), *fill, Stroke::NONE));
                        let mut closed = pts;
                        if let Some(first) = closed.first().copied() {
                            closed.push(first);
                        }
                        self.dashed(painter, &closed, stroke, dash);
                    }
                    other => {
                        let stroke = other.map_or(Stroke::NONE, |(s, _)| s);
                        painter.add(PathShape::convex_polygon(pts, *fill, stroke));
                    }
                }
            }
            Prim::Curve { points, line } => {
                let pts = points.map(|p| self.to_screen(p + offset));
                let (stroke, dash) = self.stroke(line);
                let curve = CubicBezierShape::from_points_stroke(
                    pts,
                    false,
                    Color32::TRANSPARENT,
                    PathStroke::new(stroke.width, stroke.color),
                );
                match dash {
                    None => {
                        painter.add(curve);
                    }
                    Some(dash) => {
                        let flat = curve.flatten(Some(0.5));
                        self.dashed(painter, &flat, stroke, dash);
                    }
                }
            }
            Prim::Segment { from, to, line } => {
                let (a, b) = (self.to_screen(*from + offset), self.to_screen(*to + offset));
                let (stroke, dash) = self.stroke(line);
                match dash {
                    None => {
                        painter.line_segment([a, b], stroke);
                    }
                    Some(dash) => self.dashed(painter, &[a, b], stroke, dash),
                }
            }
            Prim::Text(run) => {
                let size = run.size * z;
                if size < MIN_TEXT_PX {
                    return None;
                }
                let at = self.to_screen(run.pos + offset);
                let font = FontId::proportional(size);
                painter.text(at, Align2::LEFT_TOP, &run.text, font.clone(), run.colour);
                if run.emphasis {
                    let nudge = EMPHASIS_OFFSET_PX * z.min(EMPHASIS_MAX_ZOOM);
                    painter.text(
                        at + vec2(nudge, 0.0),
                        Align2::LEFT_TOP,
                        &run.text,
                        font,
                        run.colour,
                    );
                }
            }
            Prim::Counter {
                centre,
                radius_px,
                fill,
                ring,
                text,
                font_px,
                text_colour,
            } => {
                let at = self.to_screen(*centre + offset);
                painter.circle(at, *radius_px, *fill, Stroke::new(ring.width, ring.colour));
                painter.text(
                    at,
                    Align2::CENTER_CENTER,
                    text,
                    FontId::proportional(*font_px),
                    *text_colour,
                );
                return Some(Rect::from_center_size(at, Vec2::splat(2.0 * radius_px)));
            }
        }
        None
    }
}

fn add_line_quad(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let d = b - a;
    let len = d.length();
    if len.is_nan() || len < 0.5 {
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
