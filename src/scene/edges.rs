//! Arrow geometry: a cubic curve from the side of one node to the facing side of another, with
//! an arrowhead at the end. Shared by the canvas, hit-testing and export.

use crate::model::ArrowStyle;
use emath::{Pos2, Rect, Vec2, pos2, vec2};

/// Where an arrow runs, in world coordinates: one cubic curve, or several joined end to end
/// when it is routed around nodes in its way.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeGeometry {
    /// Each piece: start, two control points, end; the last ends at the arrow tip.
    pub segments: Vec<[Pos2; 4]>,
    /// Where the label sits (the middle of the arrow, or where it collides with nothing).
    pub label_at: Pos2,
}

/// The point at `t` (0 to 1) along the cubic Bézier curve with these control points.
pub fn cubic([p0, p1, p2, p3]: [Pos2; 4], t: f32) -> Pos2 {
    let u = 1.0 - t;
    let v = u * u * u * p0.to_vec2()
        + 3.0 * u * u * t * p1.to_vec2()
        + 3.0 * u * t * t * p2.to_vec2()
        + t * t * t * p3.to_vec2();
    v.to_pos2()
}

impl EdgeGeometry {
    /// An arrow of these pieces, its label half way along.
    pub fn from_segments(segments: Vec<[Pos2; 4]>) -> Self {
        let mut geometry = Self {
            segments,
            label_at: Pos2::ZERO,
        };
        geometry.label_at = geometry.sample(0.5);
        geometry
    }

    /// Where it starts.
    pub fn start(&self) -> Pos2 {
        self.segments.first().map_or(Pos2::ZERO, |s| s[0])
    }

    /// Where it ends (the tip).
    pub fn end(&self) -> Pos2 {
        self.segments.last().map_or(Pos2::ZERO, |s| s[3])
    }

    /// A point along the arrow, `t` from 0 (start) to 1 (tip), each piece an equal share.
    pub fn sample(&self, t: f32) -> Pos2 {
        let n = self.segments.len();
        if n == 0 {
            return Pos2::ZERO;
        }
        let t = if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.5
        };
        let scaled = t * n as f32;
        let k = (scaled.floor() as usize).min(n - 1);
        cubic(self.segments[k], scaled - k as f32)
    }

    /// The arrow as a polyline of about `segments` pieces (at least two a curve).
    pub fn polyline(&self, segments: usize) -> Vec<Pos2> {
        let per = (segments.max(1) / self.segments.len().max(1)).max(2);
        let mut out = Vec::with_capacity(self.segments.len() * per + 1);
        for (k, seg) in self.segments.iter().enumerate() {
            let first = if k == 0 { 0 } else { 1 };
            for i in first..=per {
                out.push(cubic(*seg, i as f32 / per as f32));
            }
        }
        out
    }

    /// Direction the arrow points at its tip (unit vector).
    pub fn tip_direction(&self) -> Vec2 {
        let Some([p0, _, p2, p3]) = self.segments.last().copied() else {
            return vec2(1.0, 0.0);
        };
        let d = p3 - p2;
        if d.length_sq() > 1e-6 {
            d.normalized()
        } else {
            (p3 - p0).normalized()
        }
    }

    /// The rectangle around the curve and its control points.
    pub fn bounds(&self) -> Rect {
        let points: Vec<Pos2> = self.segments.iter().flatten().copied().collect();
        if points.is_empty() {
            Rect::NOTHING
        } else {
            Rect::from_points(&points)
        }
    }

    /// Moves it by `delta`.
    pub fn translate(&mut self, delta: Vec2) {
        for segment in &mut self.segments {
            for p in segment.iter_mut() {
                *p += delta;
            }
        }
        self.label_at += delta;
    }

    /// Shortest distance from `point` to the curve (approximated by 24 segments a piece).
    pub fn distance_to(&self, point: Pos2) -> f32 {
        self.polyline(24 * self.segments.len())
            .windows(2)
            .map(|w| distance_to_segment(point, w[0], w[1]))
            .fold(f32::INFINITY, f32::min)
    }
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len_sq = ab.length_sq();
    if len_sq < 1e-9 {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / len_sq).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// How much larger (diagram units) the vertical gap between two boxes must be than the
/// horizontal one for an arrow to run between their top and bottom sides.
const HORIZONTAL_BIAS: f32 = 40.0;
/// Radius of a right-angled arrow's corners, at most.
pub const ELBOW_RADIUS: f32 = 12.0;
/// Radius of a curved arrow's bends where it is routed round nodes, at most: wide enough to
/// read as a curve, small enough that a bend never cuts into the node it turns round (a
/// corner curve comes within an eighth of its radius of the corner; routes keep
/// [`super::ROUTE_MARGIN`] from nodes).
pub const CURVE_RADIUS: f32 = 80.0;

/// Where an arrow from `from` to `to` leaves and enters: the side facing the other box, at
/// the side's middle, and the outward direction of each side.
pub fn facing_ports(from: Rect, to: Rect) -> ((Pos2, Vec2), (Pos2, Vec2)) {
    let d = to.center() - from.center();
    // Compare the gaps between the boxes rather than centres, so wide boxes side by side
    // connect horizontally and stacked ones vertically; between boxes set diagonally, left to
    // right wins unless the vertical gap is clearly the larger (diagrams read left to right).
    let gap_x = (to.min.x - from.max.x).max(from.min.x - to.max.x);
    let gap_y = (to.min.y - from.max.y).max(from.min.y - to.max.y);
    let horizontal = gap_x + HORIZONTAL_BIAS >= gap_y;
    if horizontal {
        if d.x >= 0.0 {
            (
                (pos2(from.max.x, from.center().y), vec2(1.0, 0.0)),
                (pos2(to.min.x, to.center().y), vec2(-1.0, 0.0)),
            )
        } else {
            (
                (pos2(from.min.x, from.center().y), vec2(-1.0, 0.0)),
                (pos2(to.max.x, to.center().y), vec2(1.0, 0.0)),
            )
        }
    } else if d.y >= 0.0 {
        (
            (pos2(from.center().x, from.max.y), vec2(0.0, 1.0)),
            (pos2(to.center().x, to.min.y), vec2(0.0, -1.0)),
        )
    } else {
        (
            (pos2(from.center().x, from.min.y), vec2(0.0, -1.0)),
            (pos2(to.center().x, to.max.y), vec2(0.0, 1.0)),
        )
    }
}

/// Degenerate geometry from a damaged file (NaN, infinite) must not poison the drawing.
pub(crate) fn sane(r: Rect) -> Rect {
    if r.is_finite() {
        r
    } else {
        Rect::from_min_size(Pos2::ZERO, Vec2::ZERO)
    }
}

/// The arrow from rectangle `from` to rectangle `to`: leaves the side facing the target and
/// enters the side facing the source, so left-to-right diagrams read left to right.
pub fn edge_geometry(from: Rect, to: Rect) -> EdgeGeometry {
    let (from, to) = (sane(from), sane(to));
    let ((start, normal_start), (end, normal_end)) = facing_ports(from, to);
    curve_between(start, normal_start, end, normal_end)
}

/// The direct arrow in `style` between given ports (point, outward direction of its side).
pub fn direct_between(
    (start, out): (Pos2, Vec2),
    (end, outward): (Pos2, Vec2),
    style: ArrowStyle,
) -> EdgeGeometry {
    match style {
        ArrowStyle::Curved => curve_between(start, out, end, outward),
        ArrowStyle::Orthogonal => elbow_between(start, out, end, outward),
    }
}

/// The direct arrow from `from` to `to` in `style`: a smooth curve, or an elbow of straight
/// runs with right-angled, slightly rounded turns.
pub fn styled_geometry(from: Rect, to: Rect, style: ArrowStyle) -> EdgeGeometry {
    let (from, to) = (sane(from), sane(to));
    let (a, b) = facing_ports(from, to);
    direct_between(a, b, style)
}

fn curve_between(start: Pos2, normal_start: Vec2, end: Pos2, normal_end: Vec2) -> EdgeGeometry {
    let reach = ((end - start).length() * 0.4).clamp(20.0, 220.0);
    EdgeGeometry::from_segments(vec![[
        start,
        start + normal_start * reach,
        end + normal_end * reach,
        end,
    ]])
}

/// Out along the start side's direction to half way, across, and in: three runs (one when
/// the ports are in line).
fn elbow_between(start: Pos2, out: Vec2, end: Pos2, outward: Vec2) -> EdgeGeometry {
    let horizontal = out.x != 0.0;
    let mut path = vec![start];
    if horizontal {
        let mid = (start.x + end.x) / 2.0;
        if (start.y - end.y).abs() > 0.5 || outward.x == 0.0 {
            path.push(pos2(mid, start.y));
            path.push(pos2(mid, end.y));
        }
        if outward.x == 0.0 {
            // Into a top or bottom side: out, then down or up onto it.
            path.truncate(1);
            path.push(pos2(end.x, start.y));
        }
    } else {
        let mid = (start.y + end.y) / 2.0;
        if (start.x - end.x).abs() > 0.5 || outward.y == 0.0 {
            path.push(pos2(start.x, mid));
            path.push(pos2(end.x, mid));
        }
        if outward.y == 0.0 {
            path.truncate(1);
            path.push(pos2(start.x, end.y));
        }
    }
    path.push(end);
    EdgeGeometry::from_segments(rounded_segments(&path, ELBOW_RADIUS))
}

/// A polyline as cubic segments: straight runs, and each corner rounded by a curve of at most
/// `radius` whose control points sit at the corner.
pub fn rounded_segments(path: &[Pos2], radius: f32) -> Vec<[Pos2; 4]> {
    let line = |a: Pos2, b: Pos2| [a, a + (b - a) / 3.0, a + (b - a) * (2.0 / 3.0), b];
    if path.len() < 3 {
        return match path {
            [a, b] => vec![line(*a, *b)],
            _ => Vec::new(),
        };
    }
    let mut segments = Vec::new();
    let mut from = path[0];
    for k in 1..path.len() - 1 {
        let (a, corner, b) = (path[k - 1], path[k], path[k + 1]);
        let r = radius
            .min(a.distance(corner) / 2.0)
            .min(b.distance(corner) / 2.0);
        if r < 0.01 {
            continue;
        }
        let enter = corner + (a - corner).normalized() * r;
        let leave = corner + (b - corner).normalized() * r;
        if from.distance(enter) > 0.01 {
            segments.push(line(from, enter));
        }
        segments.push([enter, corner, corner, leave]);
        from = leave;
    }
    let last = path[path.len() - 1];
    if from.distance(last) > 0.01 || segments.is_empty() {
        segments.push(line(from, last));
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn left_to_right_boxes_connect_right_side_to_left_side() {
        let a = Rect::from_min_size(pos2(0.0, 0.0), vec2(100.0, 50.0));
        let b = Rect::from_min_size(pos2(300.0, 100.0), vec2(100.0, 50.0));
        let g = edge_geometry(a, b);
        assert_eq!(g.start(), pos2(100.0, 25.0));
        assert_eq!(g.end(), pos2(300.0, 125.0));
        assert!(g.tip_direction().x > 0.9);
        assert!(g.distance_to(g.label_at) < 0.01);
        assert!(g.distance_to(pos2(200.0, 400.0)) > 100.0);
    }

    #[test]
    fn stacked_boxes_connect_vertically() {
        let a = Rect::from_min_size(pos2(0.0, 0.0), vec2(300.0, 50.0));
        let b = Rect::from_min_size(pos2(20.0, 200.0), vec2(300.0, 50.0));
        let g = edge_geometry(a, b);
        assert_eq!(g.start().y, 50.0);
        assert_eq!(g.end().y, 200.0);
    }

    #[test]
    fn right_angled_arrows_run_straight_and_turn_at_right_angles() {
        let a = Rect::from_min_size(pos2(0.0, 0.0), vec2(100.0, 50.0));
        let b = Rect::from_min_size(pos2(300.0, 100.0), vec2(100.0, 50.0));
        let g = styled_geometry(a, b, ArrowStyle::Orthogonal);
        assert_eq!(g.start(), pos2(100.0, 25.0));
        assert_eq!(g.end(), pos2(300.0, 125.0));
        assert!(g.tip_direction().x > 0.99, "{:?}", g.tip_direction());
        // Out, across at the middle (x = 200), in: every point on one of the three runs.
        for p in g.polyline(60) {
            let on_run = (p.y - 25.0).abs() < 0.01
                || (p.y - 125.0).abs() < 0.01
                || (p.x - 200.0).abs() < 0.01
                || p.distance(pos2(200.0, 25.0)) <= ELBOW_RADIUS + 0.01
                || p.distance(pos2(200.0, 125.0)) <= ELBOW_RADIUS + 0.01;
            assert!(on_run, "{p:?}");
        }
        // In line: one straight run.
        let c = Rect::from_min_size(pos2(300.0, 0.0), vec2(100.0, 50.0));
        let straight = styled_geometry(a, c, ArrowStyle::Orthogonal);
        assert_eq!(straight.segments.len(), 1);
        assert_eq!(
            styled_geometry(a, b, ArrowStyle::Curved),
            edge_geometry(a, b)
        );
        // Stacked boxes: down, across, down.
        let d = Rect::from_min_size(pos2(150.0, 300.0), vec2(100.0, 50.0));
        let g = styled_geometry(a, d, ArrowStyle::Orthogonal);
        assert_eq!(g.start(), pos2(50.0, 50.0));
        assert_eq!(g.end(), pos2(200.0, 300.0));
        assert!(g.tip_direction().y > 0.99);
        // Damaged geometry draws something finite.
        let nan = Rect::from_min_size(pos2(f32::NAN, 0.0), vec2(1.0, 1.0));
        assert!(
            styled_geometry(nan, d, ArrowStyle::Orthogonal)
                .bounds()
                .is_finite()
        );
    }
}
