//! Arrows that never pass under a card: when the direct curve from one node to another would
//! cross a node it does not connect, the arrow is routed around the nodes in its way —
//! orthogonal runs along the corridors between them, corners rounded into smooth curves.
//!
//! Written by hand, after libavoid's orthogonal router (Wybrow, Marriott & Stuckey 2009): the
//! candidate runs lie on the lines of the nodes' borders pushed out by a margin (a Hanan grid),
//! and A* finds the shortest route with fewest bends. No maintained Rust crate routes
//! connectors around rectangles (the layout crates place nodes; petgraph's searches need the
//! graph this module builds anyway), and the grid has at most a few thousand points, since only
//! nodes near the arrow take part.

use super::edges::{
    CURVE_RADIUS, ELBOW_RADIUS, EdgeGeometry, direct_between, facing_ports, rounded_segments, sane,
};
use crate::model::ArrowStyle;
use emath::{Pos2, Rect, Vec2, pos2, vec2};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// How far a routed arrow keeps from the nodes it passes.
pub const ROUTE_MARGIN: f32 = 14.0;
/// How far beyond its ends a route may wander to get round what is in the way.
pub const ROUTE_SEARCH: f32 = 400.0;
/// What a bend costs, in diagram units of length (fewer bends read more easily).
const BEND_COST: f32 = 60.0;
/// Arrows longer than this (either way) are drawn direct: a route across a whole diagram
/// would not read, and finding one would cost a frame.
pub const ROUTE_MAX_SPAN: f32 = 4_000.0;
/// The most points a route's grid may have.
const MAX_GRID_POINTS: usize = 6_000;

/// True when the curve of `geometry` passes through any of `obstacles` (shrunk by a hair, so
/// grazing a border does not count).
pub fn crosses(geometry: &EdgeGeometry, obstacles: &[Rect]) -> bool {
    let points = geometry.polyline(24);
    obstacles.iter().any(|o| {
        let inner = o.shrink(1.0);
        inner.is_positive()
            && points
                .windows(2)
                .any(|w| segment_hits_rect(w[0], w[1], inner))
    })
}

/// True when the arrow passes through `area` (its curve, not just the box around it).
pub fn passes_through(geometry: &EdgeGeometry, area: Rect) -> bool {
    geometry.bounds().intersects(area)
        && geometry
            .polyline(24)
            .windows(2)
            .any(|w| segment_hits_rect(w[0], w[1], area))
}

/// The segment from `a` to `b` touches the inside of `r`.
fn segment_hits_rect(a: Pos2, b: Pos2, r: Rect) -> bool {
    // Liang–Barsky clipping.
    let d = b - a;
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-d.x, a.x - r.min.x),
        (d.x, r.max.x - a.x),
        (-d.y, a.y - r.min.y),
        (d.y, r.max.y - a.y),
    ] {
        if p.abs() < 1e-9 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// The arrow from `from` to `to` in `style`: the direct arrow when nothing is in its way, else
/// a route around `obstacles` (the nodes near it, its own ends left out) — runs along the
/// corridors between them, its bends wide curves in the curved style and tight ones in the
/// right-angled style.
pub fn route(from: Rect, to: Rect, obstacles: &[Rect], style: ArrowStyle) -> EdgeGeometry {
    let (from, to) = (sane(from), sane(to));
    route_from(facing_ports(from, to), from, to, obstacles, style)
}

/// As [`route`], the direct arrow leaving and entering at `ports` (a point on a side and the
/// side's outward direction, each end).
pub fn route_from(
    ports: ((Pos2, Vec2), (Pos2, Vec2)),
    from: Rect,
    to: Rect,
    obstacles: &[Rect],
    style: ArrowStyle,
) -> EdgeGeometry {
    let direct = direct_between(ports.0, ports.1, style);
    if !from.is_finite() || !to.is_finite() || !direct.bounds().is_finite() {
        return direct;
    }
    let in_way: Vec<Rect> = obstacles
        .iter()
        .copied()
        .filter(|o| o.is_finite() && o.is_positive())
        .collect();
    if in_way.is_empty() || !crosses(&direct, &in_way) {
        return direct;
    }
    // Leave from any side of the source and arrive at any side of the target: the cheapest
    // route (length and bends) wins, the sides the direct curve uses first among equals.
    // Each side at its middle, but the direct arrow's own sides at its ports.
    let sides = |r: Rect, port: (Pos2, Vec2)| {
        let mut sides = [
            (pos2(r.max.x, r.center().y), vec2(1.0, 0.0)),
            (pos2(r.center().x, r.max.y), vec2(0.0, 1.0)),
            (pos2(r.min.x, r.center().y), vec2(-1.0, 0.0)),
            (pos2(r.center().x, r.min.y), vec2(0.0, -1.0)),
        ];
        for side in &mut sides {
            if (side.1 - port.1).length() < 0.1 {
                side.0 = port.0;
            }
        }
        sides
    };
    let preferred = (ports.0.1, -ports.1.1);
    let mut best: Option<(f32, Vec<Pos2>)> = None;
    // The direct curve's own sides first; the other fifteen pairs only when those cannot get
    // through (a node right beside the side it would leave from).
    let pairs: Vec<((Pos2, Vec2), (Pos2, Vec2))> = sides(from, ports.0)
        .into_iter()
        .flat_map(|a| sides(to, ports.1).into_iter().map(move |b| (a, b)))
        .collect();
    let (first, rest): (Vec<_>, Vec<_>) =
        pairs.into_iter().partition(|((_, out), (_, outward))| {
            (*out - preferred.0).length() < 0.1 && (-*outward - preferred.1).length() < 0.1
        });
    for round in [first, rest] {
        if best.is_some() {
            break;
        }
        for ((s, out), (e, outward)) in round {
            let into = -outward;
            let s1 = s + out * ROUTE_MARGIN * 1.5;
            let e1 = e - into * ROUTE_MARGIN * 1.5;
            let Some((mut path, mut cost)) = orthogonal_path(s1, e1, out, into, &in_way) else {
                continue;
            };
            if (out - preferred.0).length() > 0.1 || (into - preferred.1).length() > 0.1 {
                cost += BEND_COST * 0.5;
            }
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                path.insert(0, s);
                path.push(e);
                best = Some((cost, path));
            }
        }
    }
    match best {
        Some((_, path)) => {
            let radius = match style {
                ArrowStyle::Curved => CURVE_RADIUS,
                ArrowStyle::Orthogonal => ELBOW_RADIUS,
            };
            EdgeGeometry::from_segments(rounded_segments(&simplify(&path), radius))
        }
        None => direct,
    }
}

/// Directions a run can take: right, down, left, up.
const DIRS: [Vec2; 4] = [
    vec2(1.0, 0.0),
    vec2(0.0, 1.0),
    vec2(-1.0, 0.0),
    vec2(0.0, -1.0),
];

fn dir_index(v: Vec2) -> usize {
    if v.x.abs() >= v.y.abs() {
        if v.x >= 0.0 { 0 } else { 2 }
    } else if v.y >= 0.0 {
        1
    } else {
        3
    }
}

/// The grid a route runs on: every obstacle's edges (pushed out by the margin) and the ends'
/// lines, within the search area; which cells between neighbouring lines are inside an
/// obstacle; and the obstacles met. `None` when the grid would be too dense to read.
#[allow(clippy::type_complexity)]
fn route_grid(
    s: Pos2,
    e: Pos2,
    obstacles: &[Rect],
) -> Option<(Vec<f32>, Vec<f32>, Vec<bool>, Vec<Rect>)> {
    let area = Rect::from_two_pos(s, e).expand(ROUTE_SEARCH);
    let blocks: Vec<Rect> = obstacles
        .iter()
        .map(|o| o.expand(ROUTE_MARGIN))
        .filter(|o| o.intersects(area))
        .collect();
    let mut xs = vec![s.x, e.x, area.min.x, area.max.x];
    let mut ys = vec![s.y, e.y, area.min.y, area.max.y];
    for b in &blocks {
        xs.extend([b.min.x, b.max.x]);
        ys.extend([b.min.y, b.max.y]);
    }
    let clean = |v: &mut Vec<f32>, lo: f32, hi: f32| {
        v.retain(|x| x.is_finite() && *x >= lo && *x <= hi);
        v.sort_by(f32::total_cmp);
        v.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    };
    clean(&mut xs, area.min.x, area.max.x);
    clean(&mut ys, area.min.y, area.max.y);
    let (nx, ny) = (xs.len(), ys.len());
    // A route through a crowd this dense would not read anyway: the direct curve instead
    // (and a frame's cost stays bounded).
    if nx < 2 || ny < 2 || nx * ny > MAX_GRID_POINTS {
        return None;
    }
    // Cells between neighbouring lines are wholly inside an obstacle or wholly outside one.
    let mut inside = vec![false; (nx - 1) * (ny - 1)];
    let position = |v: &[f32], x: f32| v.partition_point(|p| *p < x - 0.005);
    for b in &blocks {
        let (i0, i1) = (position(&xs, b.min.x), position(&xs, b.max.x));
        let (j0, j1) = (position(&ys, b.min.y), position(&ys, b.max.y));
        for i in i0..i1.min(nx - 1) {
            for j in j0..j1.min(ny - 1) {
                inside[j * (nx - 1) + i] = true;
            }
        }
    }
    Some((xs, ys, inside, blocks))
}

/// The shortest orthogonal route with fewest bends from `s` (leaving along `out`) to `e`
/// (arriving along `into`), around the obstacles pushed out by the margin.
fn orthogonal_path(
    s: Pos2,
    e: Pos2,
    out: Vec2,
    into: Vec2,
    obstacles: &[Rect],
) -> Option<(Vec<Pos2>, f32)> {
    let (xs, ys, inside, blocks) = route_grid(s, e, obstacles)?;
    let (nx, ny) = (xs.len(), ys.len());
    let cell = |i: isize, j: isize| -> bool {
        i >= 0
            && j >= 0
            && (i as usize) < nx - 1
            && (j as usize) < ny - 1
            && inside[j as usize * (nx - 1) + i as usize]
    };
    // A run along a grid line between two points is blocked when the cells on both sides of
    // it are inside obstacles.
    let blocked = |i: usize, j: usize, d: usize| -> bool {
        let (i, j) = (i as isize, j as isize);
        match d {
            0 => cell(i, j - 1) && cell(i, j),
            2 => cell(i - 1, j - 1) && cell(i - 1, j),
            1 => cell(i - 1, j) && cell(i, j),
            _ => cell(i - 1, j - 1) && cell(i, j - 1),
        }
    };
    if blocks
        .iter()
        .any(|b| b.shrink(0.01).contains(s) || b.shrink(0.01).contains(e))
    {
        return None;
    }
    let find = |v: &[f32], x: f32| v.iter().position(|p| (*p - x).abs() < 0.01);
    let (si, sj) = (find(&xs, s.x)?, find(&ys, s.y)?);
    let (ei, ej) = (find(&xs, e.x)?, find(&ys, e.y)?);
    let start_dir = dir_index(out);
    let end_dir = dir_index(into);
    let states = nx * ny * 4;
    let index = |i: usize, j: usize, d: usize| (j * nx + i) * 4 + d;
    let mut best = vec![f32::INFINITY; states];
    let mut came: Vec<u32> = vec![u32::MAX; states];
    let mut heap = BinaryHeap::new();
    let h = |i: usize, j: usize| (xs[i] - xs[ei]).abs() + (ys[j] - ys[ej]).abs();
    let key = |f: f32| Reverse((f * 16.0) as u64);
    let first = index(si, sj, start_dir);
    best[first] = 0.0;
    heap.push((key(h(si, sj)), first as u32));
    let mut goal = None;
    while let Some((_, state)) = heap.pop() {
        let state = state as usize;
        let (cell_at, d) = (state / 4, state % 4);
        let (i, j) = (cell_at % nx, cell_at / nx);
        let g = best[state];
        if i == ei && j == ej {
            let finish = g + if d == end_dir { 0.0 } else { BEND_COST };
            if goal.is_none_or(|(_, c)| finish < c) {
                goal = Some((state, finish));
            }
            continue;
        }
        if let Some((_, c)) = goal
            && g >= c
        {
            break;
        }
        for (nd, step) in DIRS.iter().enumerate() {
            // No turning straight back.
            if nd == (d + 2) % 4 {
                continue;
            }
            let (ni, nj) = (i as isize + step.x as isize, j as isize + step.y as isize);
            if ni < 0 || nj < 0 || ni as usize >= nx || nj as usize >= ny {
                continue;
            }
            if blocked(i, j, nd) {
                continue;
            }
            let (ni, nj) = (ni as usize, nj as usize);
            let length = (xs[ni] - xs[i]).abs() + (ys[nj] - ys[j]).abs();
            let cost = g + length + if nd == d { 0.0 } else { BEND_COST };
            let next = index(ni, nj, nd);
            if cost < best[next] {
                best[next] = cost;
                came[next] = state as u32;
                heap.push((key(cost + h(ni, nj)), next as u32));
            }
        }
    }
    let (state, total) = goal?;
    let path = trace_back(&came, state, &xs, &ys);
    Some((path, total))
}

/// The route found, from its start: the grid points back through `came` from `state`.
fn trace_back(came: &[u32], mut state: usize, xs: &[f32], ys: &[f32]) -> Vec<Pos2> {
    let nx = xs.len();
    let mut path = Vec::new();
    loop {
        let cell_at = state / 4;
        path.push(pos2(xs[cell_at % nx], ys[cell_at / nx]));
        let previous = came[state];
        if previous == u32::MAX {
            break;
        }
        state = previous as usize;
    }
    path.reverse();
    path
}

/// The path without points that lie on the straight line between their neighbours.
fn simplify(path: &[Pos2]) -> Vec<Pos2> {
    let mut out: Vec<Pos2> = Vec::with_capacity(path.len());
    for &p in path {
        if out.last().is_some_and(|q| q.distance(p) < 0.01) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let cross = (b - a).x * (p - b).y - (b - a).y * (p - b).x;
            if cross.abs() < 0.01 && (b - a).dot(p - b) >= 0.0 {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::edges::edge_geometry;
    use super::*;

    fn r(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), vec2(w, h))
    }

    #[test]
    fn a_clear_way_keeps_the_direct_curve() {
        let (a, b) = (r(0.0, 0.0, 100.0, 50.0), r(300.0, 0.0, 100.0, 50.0));
        let far = r(0.0, 500.0, 100.0, 50.0);
        assert_eq!(route(a, b, &[far], ArrowStyle::Curved), edge_geometry(a, b));
    }

    #[test]
    fn a_card_in_the_way_is_gone_round() {
        let (a, b) = (r(0.0, 0.0, 100.0, 50.0), r(600.0, 0.0, 100.0, 50.0));
        let wall = r(250.0, -100.0, 100.0, 250.0);
        let routed = route(a, b, &[wall], ArrowStyle::Curved);
        assert!(crosses(&edge_geometry(a, b), &[wall]));
        assert!(!crosses(&routed, &[wall]), "{routed:?}");
        assert!(routed.segments.len() > 1);
        // It starts on the source's border and ends on the target's, the tip pointing in.
        let on_border =
            |r: Rect, p: Pos2| r.expand(0.01).contains(p) && !r.shrink(0.01).contains(p);
        assert!(on_border(a, routed.start()), "{:?}", routed.start());
        assert!(on_border(b, routed.end()), "{:?}", routed.end());
        let tip = routed.end() + routed.tip_direction() * 5.0;
        assert!(b.contains(tip), "the tip points into the target");
    }

    #[test]
    fn a_row_of_cards_between_is_gone_round_and_nothing_goes_wrong_when_boxed_in() {
        let (a, b) = (r(0.0, 100.0, 100.0, 50.0), r(900.0, 100.0, 100.0, 50.0));
        let row: Vec<Rect> = (0..4)
            .map(|i| r(180.0 + 180.0 * i as f32, 60.0, 120.0, 130.0))
            .collect();
        let routed = route(a, b, &row, ArrowStyle::Curved);
        assert!(!crosses(&routed, &row));
        // Boxed in on every side: the direct curve, never a panic.
        let walls = [
            r(-400.0, -400.0, 1800.0, 380.0),
            r(-400.0, 300.0, 1800.0, 400.0),
            r(120.0, -400.0, 40.0, 1200.0),
        ];
        let _ = route(a, b, &walls, ArrowStyle::Orthogonal);
        // Degenerate geometry from a damaged file.
        let _ = route(r(f32::NAN, 0.0, 1.0, 1.0), b, &row, ArrowStyle::Curved);
        let _ = route(
            a,
            b,
            &[r(0.0, 0.0, f32::INFINITY, 5.0)],
            ArrowStyle::Orthogonal,
        );
    }
}
