//! An arrow's drawing in world coordinates: the curve (dashed for "prevents"), its head, and its
//! label in a box; far zoomed out, a straight thin line.

use super::draw::{Corners, Line, Prim, TextRole, faded};
use super::palette::Palette;
use super::style::*;
use super::text::LaidText;
use super::{Lod, SceneEdge, SceneOptions};
use emath::{Rect, Vec2, vec2};

/// Adds the arrow's primitives at a level of detail to `prims`. `label` is the label already broken into
/// lines (kept by the scene so moving an arrow does not lay its label out again).
pub(super) fn draw_edge(
    edge: &SceneEdge,
    label: Option<&LaidText>,
    lod: Lod,
    options: &SceneOptions,
    palette: &Palette,
    prims: &mut Vec<Prim>,
) {
    let geometry = &edge.geometry;
    if lod == Lod::Boxes {
        // Far out: straight lines through the route's joints.
        let line = Line::screen(
            OVERVIEW_EDGE_PX,
            faded(edge.colour, OVERVIEW_EDGE_OPACITY),
            None,
        );
        for seg in &geometry.segments {
            prims.push(Prim::Segment {
                from: seg[0],
                to: seg[3],
                line,
            });
        }
        return;
    }
    let p3 = geometry.end();
    let direction = edge.geometry.tip_direction();
    let line = if edge.dashed {
        Line::dashed(EDGE_WIDTH, edge.colour, PREVENTS_DASH)
    } else {
        Line::solid(EDGE_WIDTH, edge.colour)
    };
    // The line stops under the head so the tip stays sharp.
    let end = p3 - direction * ARROWHEAD_LENGTH * ARROWHEAD_LINE_STOP;
    let last = geometry.segments.len().saturating_sub(1);
    for (k, seg) in geometry.segments.iter().enumerate() {
        let mut points = *seg;
        if k == last {
            points[3] = end;
        }
        prims.push(Prim::Curve { points, line });
    }
    let normal = Vec2::new(-direction.y, direction.x);
    let base = p3 - direction * ARROWHEAD_LENGTH;
    let half = ARROWHEAD_LENGTH * ARROWHEAD_HALF_WIDTH;
    prims.push(Prim::Polygon {
        points: vec![p3, base + normal * half, base - normal * half],
        fill: edge.colour,
        line: None,
    });
    if lod == Lod::Full
        && let Some(label) = label
        && !label.lines.is_empty()
    {
        let frame =
            Rect::from_center_size(edge.geometry.label_at, label.size).expand(LABEL_PADDING);
        prims.push(Prim::Rect {
            rect: frame,
            corners: Corners::all(LABEL_RADIUS),
            fill: palette.label_background,
            line: Some(Line::solid(
                LABEL_BORDER_WIDTH,
                faded(edge.colour, LABEL_BORDER_OPACITY),
            )),
        });
        prims.extend(label.runs(
            frame.min + vec2(LABEL_PADDING, LABEL_PADDING),
            LABEL_FONT_SIZE,
            edge.colour,
            false,
            TextRole::EdgeLabel,
            f32::INFINITY,
        ));
    }
    if options.comment_counters && edge.open_comments > 0 {
        prims.push(Prim::Counter {
            centre: edge.geometry.sample(EDGE_COUNTER_AT),
            radius_px: COUNTER_RADIUS_PX,
            fill: palette.comment_badge,
            ring: Line::screen(COUNTER_RING_PX, palette.background, None),
            text: edge.open_comments.to_string(),
            font_px: COUNTER_FONT_PX,
            text_colour: ecolor::Color32::WHITE,
        });
    }
}
