//! The egui back end of the scene: each [`Prim`] becomes egui shapes, one to one. World sizes
//! scale with the zoom; `screen` lines and counters keep their pixel size. Plain rectangles
//! and thin segments (far zoomed out) are batched into one mesh, keeping drawing order.
//! Shapes are recorded with their clip rectangle ([`Painted`]), so a frame whose scene and
//! camera did not change can be shown again without translating anything.

use super::camera::Camera;
pub use super::text_cache::TextCache;
use crate::scene::style::{
    EMPHASIS_MAX_ZOOM, EMPHASIS_OFFSET_PX, MIN_DASH_PX, MIN_STROKE_PX, MIN_TEXT_PX, TEXT_PX_STEP,
};
use crate::scene::{Corners, Line, Prim};
use egui::epaint::{Mesh, PathShape, PathStroke};
use egui::{
    Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2, vec2,
};

/// Shapes in runs that share a clip rectangle, ready to add to a painter (again).
#[derive(Clone, Debug, Default)]
pub struct Painted {
    runs: Vec<(Rect, Vec<Shape>)>,
}

impl Painted {
    /// Adds every shape to `painter`, each run clipped to its rectangle.
    pub fn show(&self, painter: &Painter) {
        for (clip, shapes) in &self.runs {
            painter
                .with_clip_rect(clip.intersect(painter.clip_rect()))
                .extend(shapes.iter().cloned());
        }
    }
}

/// Translates primitives into egui shapes for one camera.
pub struct PrimPainter<'a> {
    painter: &'a Painter,
    /// The canvas's screen rectangle.
    pub canvas: Rect,
    /// The camera.
    pub camera: &'a Camera,
    batch: Mesh,
    painted: Painted,
    texts: Option<&'a mut TextCache>,
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
            painted: Painted::default(),
            texts: None,
        }
    }

    /// Lays text out through `texts`, which keeps it for later frames.
    pub fn with_texts(mut self, texts: &'a mut TextCache) -> Self {
        self.texts = Some(texts);
        self
    }

    /// Where the next shapes go: a run clipped to `clip` (the canvas when `None`).
    fn add(&mut self, clip: Option<Rect>, shape: Shape) {
        let clip = clip.unwrap_or(self.canvas);
        match self.painted.runs.last_mut() {
            Some((c, shapes)) if *c == clip => shapes.push(shape),
            _ => self.painted.runs.push((clip, vec![shape])),
        }
    }

    fn add_all(&mut self, clip: Option<Rect>, shapes: impl IntoIterator<Item = Shape>) {
        for shape in shapes {
            self.add(clip, shape);
        }
    }

    /// Everything translated so far.
    pub fn finish(mut self) -> Painted {
        self.flush_batch();
        self.painted
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
        let dash = line.dash.map(|d| screen_dash(d, scale));
        (Stroke::new(width, line.colour), dash)
    }

    /// Ends the current batch of plain boxes and hairlines (drawing order is kept).
    pub fn flush_batch(&mut self) {
        if !self.batch.is_empty() {
            let mesh = Shape::mesh(std::mem::take(&mut self.batch));
            self.add(None, mesh);
        }
    }

    fn dashed(&mut self, clip: Option<Rect>, points: &[Pos2], stroke: Stroke, dash: (f32, f32)) {
        self.add_all(clip, Shape::dashed_line(points, stroke, dash.0, dash.1));
    }

    /// A line of text, at a whole-pixel size, skipped when too small to read.
    fn paint_text(&mut self, run: &crate::scene::TextRun, offset: Vec2, clip: Option<Rect>) {
        let z = self.camera.zoom;
        let Some(size) = shown_text_px(run, z) else {
            return;
        };
        let at = self.to_screen(run.pos + offset);
        let galley = match &mut self.texts {
            Some(texts) => match texts.galley(self.painter, &run.text, size, run.colour) {
                Some(galley) => galley,
                None => return,
            },
            None => self.painter.layout_no_wrap(
                run.text.clone(),
                FontId::proportional(size),
                run.colour,
            ),
        };
        if run.emphasis {
            let nudge = EMPHASIS_OFFSET_PX * z.min(EMPHASIS_MAX_ZOOM);
            let again = Shape::galley(at + vec2(nudge, 0.0), galley.clone(), run.colour);
            self.add(clip, again);
        }
        self.add(clip, Shape::galley(at, galley, run.colour));
    }

    /// A rectangle (world units, already moved), filled and outlined, dashed or not.
    fn paint_rect(
        &mut self,
        rect: Rect,
        corners: Corners,
        fill: egui::Color32,
        line: Option<&Line>,
        clip: Option<Rect>,
    ) {
        let z = self.camera.zoom;
        let r = self.camera.rect_to_screen(self.canvas, rect);
        let radius = corner_radius(corners, z);
        match line.map(|l| self.stroke(l)) {
            None => self.add(clip, Shape::rect_filled(r, radius, fill)),
            Some((stroke, None)) => self.add(
                clip,
                Shape::Rect(egui::epaint::RectShape::new(
                    r,
                    radius,
                    fill,
                    stroke,
                    StrokeKind::Inside,
                )),
            ),
            Some((stroke, Some(dash))) => {
                self.add(clip, Shape::rect_filled(r, radius, fill));
                let inner = r.shrink(stroke.width / 2.0);
                let scaled = Corners(corners.0.map(|c| (c * z - stroke.width / 2.0).max(0.0)));
                self.dashed(clip, &rounded_outline(inner, scaled), stroke, dash);
            }
        }
    }

    /// Paints `prim` moved by `offset` (world units), clipped to `clip` (screen) if given.
    /// Returns the screen rectangle of a counter (for clicks on it).
    pub fn paint(&mut self, prim: &Prim, offset: Vec2, clip: Option<Rect>) -> Option<Rect> {
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
        match prim {
            Prim::Rect {
                rect,
                corners,
                fill,
                line,
            } => self.paint_rect(rect.translate(offset), *corners, *fill, line.as_ref(), clip),
            Prim::Polygon { points, fill, line } => {
                let pts: Vec<Pos2> = points.iter().map(|p| self.to_screen(*p + offset)).collect();
                match line.as_ref().map(|l| self.stroke(l)) {
                    Some((stroke, Some(dash))) => {
                        self.add(
                            clip,
                            PathShape::convex_polygon(pts.clone(), *fill, Stroke::NONE).into(),
                        );
                        let mut closed = pts;
                        if let Some(first) = closed.first().copied() {
                            closed.push(first);
                        }
                        self.dashed(clip, &closed, stroke, dash);
                    }
                    other => {
                        let stroke = other.map_or(Stroke::NONE, |(s, _)| s);
                        self.add(clip, PathShape::convex_polygon(pts, *fill, stroke).into());
                    }
                }
            }
            Prim::Curve { points, line } => {
                let pts = points.map(|p| self.to_screen(p + offset));
                let (stroke, dash) = self.stroke(line);
                let flat = flatten_cubic(pts);
                match dash {
                    None => self.add(
                        clip,
                        PathShape::line(flat, PathStroke::new(stroke.width, stroke.color)).into(),
                    ),
                    Some(dash) => self.dashed(clip, &flat, stroke, dash),
                }
            }
            Prim::Segment { from, to, line } => {
                let (a, b) = (self.to_screen(*from + offset), self.to_screen(*to + offset));
                let (stroke, dash) = self.stroke(line);
                match dash {
                    None => self.add(clip, Shape::line_segment([a, b], stroke)),
                    Some(dash) => self.dashed(clip, &[a, b], stroke, dash),
                }
            }
            Prim::Text(run) => self.paint_text(run, offset, clip),
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
                self.add(clip, Shape::circle_filled(at, *radius_px, *fill));
                self.add(
                    clip,
                    Shape::circle_stroke(at, *radius_px, Stroke::new(ring.width, ring.colour)),
                );
                let galley = self.painter.layout_no_wrap(
                    text.clone(),
                    FontId::proportional(*font_px),
                    *text_colour,
                );
                let pos = at - galley.size() / 2.0;
                self.add(clip, Shape::galley(pos, galley, *text_colour));
                return Some(Rect::from_center_size(at, Vec2::splat(2.0 * radius_px)));
            }
        }
        None
    }
}

/// A cubic Bézier curve as a polyline with about one point per 12 screen pixels (4 to 32
/// pieces). Cheaper than egui's adaptive flattening, which dominated zoom frames with
/// thousands of arrows on screen, and smooth at any size an arrow can have.
fn flatten_cubic([p0, p1, p2, p3]: [Pos2; 4]) -> Vec<Pos2> {
    let length = p0.distance(p1) + p1.distance(p2) + p2.distance(p3);
    let pieces = if length.is_finite() {
        (length / 12.0).clamp(4.0, 32.0) as usize
    } else {
        4
    };
    (0..=pieces)
        .map(|i| crate::scene::cubic([p0, p1, p2, p3], i as f32 / pieces as f32))
        .collect()
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

/// The size in pixels a line of text is drawn at, at `zoom`; none when too small to draw.
/// Whole pixels (rounded down, so a line never outgrows the width it was broken for): while
/// zooming, neighbouring frames share text sizes, and egui reuses their laid-out glyphs
/// instead of shaping every line again.
pub(super) fn shown_text_px(run: &crate::scene::TextRun, zoom: f32) -> Option<f32> {
    let size = if run.screen_size {
        run.size
    } else {
        run.size * zoom
    };
    if size < MIN_TEXT_PX {
        return None;
    }
    Some(if size >= TEXT_PX_STEP * 4.0 {
        (size / TEXT_PX_STEP).floor() * TEXT_PX_STEP
    } else {
        size
    })
}

/// A dash pattern on screen at `scale` pixels a unit: never shorter than [`MIN_DASH_PX`] (its
/// gap in proportion), so far out it still reads as dashed.
fn screen_dash(dash: crate::scene::Dash, scale: f32) -> (f32, f32) {
    let (on, off) = (dash.on * scale, dash.off * scale);
    let grow = (MIN_DASH_PX / on.max(1e-3)).max(1.0);
    (on * grow, (off * grow).max(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_keep_a_visible_length_far_out_and_their_own_length_near() {
        let dash = crate::scene::style::NEGATIVE_DASH;
        // At 100% the pattern is as designed.
        assert_eq!(screen_dash(dash, 1.0), (dash.on, dash.off));
        // At the far overview a dash of 8 units would be under a pixel: it stays 4 pixels
        // long, its gap in proportion (it was 1-pixel dashes, a faint solid line).
        let (on, off) = screen_dash(dash, 0.05);
        assert_eq!(on, MIN_DASH_PX);
        assert!((off / on - dash.off / dash.on).abs() < 1e-4, "{on} {off}");
    }
}
