//! Arrange → Tidy: the nodes laid out in layers, left to right along the arrows, with a
//! condition's yes branch above its no branch and each region redrawn round what it held. The
//! layered layout itself (ranks, crossing reduction, coordinates) is
//! [`LayeredLayout`](super::layered::LayeredLayout), behind the small [`Layered`] trait, so
//! another engine can take its place.

use super::Edit;
use crate::model::{Branch, Document, NodeId, NodeKind, Point, Rect, Size};
use std::collections::{BTreeMap, BTreeSet};

/// Space between layers and between nodes in a layer, diagram units.
pub const TIDY_SPACING: f64 = 60.0;
use crate::model::layout::{
    REGION_LAYOUT_PADDING as REGION_PADDING, REGION_LAYOUT_TITLE_BAND as REGION_TITLE,
};

/// A layered layout: nodes (id, width, height) and arrows (from, to) in, each node's centre
/// out, top to bottom (layer by layer along the arrows). Nodes in separate groups may overlap:
/// the caller places the groups.
pub trait Layered {
    /// The groups of connected nodes, each with its nodes' centres and its width and height.
    fn layers(&self, nodes: &[(u32, f64, f64)], edges: &[(u32, u32)]) -> Vec<Group>;
}

/// One group of connected nodes, laid out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// Each node's centre.
    pub centres: Vec<(u32, f64, f64)>,
}

/// The edit that tidies `ids` (every node when empty) of `doc` with `engine`: left to right
/// along the arrows between them, each group of connected nodes below the one before, from
/// the top-left corner the nodes had; a condition's yes branch above its no branch; regions
/// (not laid out themselves) redrawn round the nodes they held. `None` when there is nothing
/// to tidy.
pub fn tidy_edit(doc: &Document, ids: &BTreeSet<NodeId>, engine: &dyn Layered) -> Option<Edit> {
    let chosen = |id: NodeId| ids.is_empty() || ids.contains(&id);
    let movable: Vec<&crate::model::Node> = doc
        .nodes()
        .filter(|n| {
            chosen(n.id)
                && n.kind() != NodeKind::Region
                && n.position.x.is_finite()
                && n.position.y.is_finite()
                && n.size.width.is_finite()
                && n.size.height.is_finite()
        })
        .collect();
    if movable.len() < 2 {
        return None;
    }
    let origin = movable
        .iter()
        .fold((f32::INFINITY, f32::INFINITY), |(x, y), n| {
            (x.min(n.position.x), y.min(n.position.y))
        });
    // Left to right: the engine lays out top-down, so give it each node turned on its side.
    let index: BTreeMap<NodeId, u32> = movable
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id, i as u32))
        .collect();
    let nodes: Vec<(u32, f64, f64)> = movable
        .iter()
        .map(|n| {
            (
                index[&n.id],
                f64::from(n.size.height.max(1.0)),
                f64::from(n.size.width.max(1.0)),
            )
        })
        .collect();
    let arrows = arrows_through_regions(doc, &movable);
    let edges: Vec<(u32, u32)> = arrows
        .iter()
        .filter_map(|(a, b, _)| Some((*index.get(a)?, *index.get(b)?)))
        .collect();
    let mut groups = engine.layers(&nodes, &edges);
    // Largest group first, as a reader meets the main pathway first.
    groups.sort_by_key(|g| std::cmp::Reverse(g.centres.len()));
    let mut placed: BTreeMap<NodeId, Point> = BTreeMap::new();
    let mut top = 0.0f32;
    for group in &groups {
        // Turned back: the engine's x (across a layer) is our y, its y (the layer) our x.
        let mut centres: Vec<(usize, f32, f32)> = group
            .centres
            .iter()
            .filter(|(id, _, _)| (*id as usize) < movable.len())
            .map(|&(id, x, y)| (id as usize, y as f32, x as f32))
            .collect();
        // A node alone goes in the rows of unconnected nodes below.
        if centres.len() < 2 {
            continue;
        }
        yes_above_no(&arrows, &movable, &mut centres);
        let min_x = centres
            .iter()
            .map(|&(i, x, _)| x - movable[i].size.width / 2.0)
            .fold(f32::INFINITY, f32::min);
        let min_y = centres
            .iter()
            .map(|&(i, _, y)| y - movable[i].size.height / 2.0)
            .fold(f32::INFINITY, f32::min);
        let mut bottom = top;
        for &(i, x, y) in &centres {
            let n = movable[i];
            let left = origin.0 + x - n.size.width / 2.0 - min_x;
            let upper = origin.1 + top + y - n.size.height / 2.0 - min_y;
            if left.is_finite() && upper.is_finite() {
                placed.insert(n.id, Point::new(left, upper));
                bottom = bottom.max(upper - origin.1 + n.size.height);
            }
        }
        top = bottom + TIDY_SPACING as f32 * 2.0;
    }
    // Nodes with no arrow among the tidied ones: in rows under the rest, in the order they
    // were drawn, as a table's unplaced CMOCs usually are.
    let width = placed
        .iter()
        .filter_map(|(id, p)| Some(p.x + doc.node(*id)?.size.width - origin.0))
        .fold(0.0f32, f32::max)
        .max(1_600.0);
    let (mut x, mut row_height) = (0.0f32, 0.0f32);
    for n in &movable {
        if placed.contains_key(&n.id) {
            continue;
        }
        if x > 0.0 && x + n.size.width > width {
            x = 0.0;
            top += row_height + TIDY_SPACING as f32;
            row_height = 0.0;
        }
        placed.insert(n.id, Point::new(origin.0 + x, origin.1 + top));
        x += n.size.width + TIDY_SPACING as f32;
        row_height = row_height.max(n.size.height);
    }
    separate_regions(doc, &movable, &mut placed);
    keep_pinned(&movable, &mut placed);
    let mut edits = vec![Edit::MoveNodes {
        moves: placed.iter().map(|(id, p)| (*id, *p)).collect(),
    }];
    edits.extend(regions_round(doc, &movable, &placed));
    Some(Edit::Batch(edits))
}

/// Each region (not pinned) redrawn round the tidied nodes it held, with room for its title.
fn regions_round(
    doc: &Document,
    movable: &[&crate::model::Node],
    placed: &BTreeMap<NodeId, Point>,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    for region in doc
        .nodes()
        .filter(|n| n.kind() == NodeKind::Region && !n.pinned)
    {
        let r = region.rect();
        let held: Vec<NodeId> = movable
            .iter()
            .filter(|n| placed.contains_key(&n.id) && r.contains_rect(&n.rect()))
            .map(|n| n.id)
            .collect();
        if held.is_empty() {
            continue;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (
            f32::INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NEG_INFINITY,
        );
        for id in &held {
            let (Some(p), Some(n)) = (placed.get(id), doc.node(*id)) else {
                continue;
            };
            x0 = x0.min(p.x);
            y0 = y0.min(p.y);
            x1 = x1.max(p.x + n.size.width);
            y1 = y1.max(p.y + n.size.height);
        }
        if x0.is_finite() && y1.is_finite() {
            edits.push(Edit::ResizeNode {
                id: region.id,
                position: Point::new(x0 - REGION_PADDING, y0 - REGION_TITLE),
                size: Size::new(
                    x1 - x0 + 2.0 * REGION_PADDING,
                    y1 - y0 + REGION_TITLE + REGION_PADDING,
                ),
            });
        }
    }
    edits
}

/// Pinned nodes stay where they are: the layout is shifted as a whole so the pinned nodes
/// would move least, they go back where they were, and each other node the layout put on top
/// of one (or of a node already moved out of the way) moves down until it is clear.
fn keep_pinned(movable: &[&crate::model::Node], placed: &mut BTreeMap<NodeId, Point>) {
    let pinned: Vec<&crate::model::Node> = movable.iter().copied().filter(|n| n.pinned).collect();
    if pinned.is_empty() {
        return;
    }
    let (mut dx, mut dy, mut count) = (0.0f32, 0.0f32, 0.0f32);
    for n in &pinned {
        if let Some(p) = placed.get(&n.id) {
            dx += n.position.x - p.x;
            dy += n.position.y - p.y;
            count += 1.0;
        }
    }
    if count > 0.0 && (dx / count).is_finite() && (dy / count).is_finite() {
        for p in placed.values_mut() {
            p.x += dx / count;
            p.y += dy / count;
        }
    }
    let mut settled: Vec<Rect> = Vec::new();
    for n in &pinned {
        placed.insert(n.id, n.position);
        settled.push(Rect::from_pos_size(n.position, n.size));
    }
    let obstacles = settled.into_iter().map(|r| (r, None)).collect();
    settle(movable, placed, obstacles, &BTreeMap::new());
}

/// Moves each node that is not pinned down, top to bottom, until it is clear of the
/// `obstacles` and of the nodes settled before it. An obstacle tagged with a region is a
/// region's box, which only the nodes it holds (`member_of`) may be in.
fn settle(
    movable: &[&crate::model::Node],
    placed: &mut BTreeMap<NodeId, Point>,
    mut obstacles: Vec<(Rect, Option<usize>)>,
    member_of: &BTreeMap<NodeId, usize>,
) {
    let gap = TIDY_SPACING as f32 / 2.0;
    let mut others: Vec<(&crate::model::Node, Point)> = movable
        .iter()
        .filter(|n| !n.pinned)
        .filter_map(|n| Some((*n, *placed.get(&n.id)?)))
        .collect();
    others.sort_by(|a, b| a.1.y.total_cmp(&b.1.y).then(a.1.x.total_cmp(&b.1.x)));
    for (n, mut at) in others {
        let mine = member_of.get(&n.id).copied();
        // Each step goes below one obstacle, so this ends within their number.
        for _ in 0..=obstacles.len() {
            let here = Rect::from_pos_size(at, n.size);
            let Some((hit, _)) = obstacles
                .iter()
                .filter(|(_, region)| region.is_none() || *region != mine)
                .find(|(o, _)| overlaps(o, &here, gap))
            else {
                break;
            };
            at.y = hit.max.y + gap;
        }
        obstacles.push((Rect::from_pos_size(at, n.size), None));
        placed.insert(n.id, at);
    }
}

/// Regions whose contents the layout interleaved in its layers (a yes pathway and a no
/// pathway sharing layers) are pulled apart: top to bottom, a region whose box (its nodes,
/// title band and padding) runs into one above moves down below it, its nodes together; then
/// everything else is settled clear of the boxes and of each other. Nested regions, and
/// regions sharing a node, are left as they are.
fn separate_regions(
    doc: &Document,
    movable: &[&crate::model::Node],
    placed: &mut BTreeMap<NodeId, Point>,
) {
    let mut regions: Vec<(Rect, Vec<NodeId>)> = doc
        .nodes()
        .filter(|n| n.kind() == NodeKind::Region && !n.pinned)
        .map(|r| {
            let rect = r.rect();
            let held = movable
                .iter()
                .filter(|n| {
                    !n.pinned && placed.contains_key(&n.id) && rect.contains_rect(&n.rect())
                })
                .map(|n| n.id)
                .collect::<Vec<_>>();
            (rect, held)
        })
        .filter(|(_, held)| !held.is_empty())
        .collect();
    if regions.len() < 2 {
        return;
    }
    let sizes: BTreeMap<NodeId, Size> = movable.iter().map(|n| (n.id, n.size)).collect();
    let boxed = |held: &[NodeId], placed: &BTreeMap<NodeId, Point>| -> Option<Rect> {
        let mut out: Option<Rect> = None;
        for id in held {
            let (Some(p), Some(size)) = (placed.get(id), sizes.get(id)) else {
                continue;
            };
            let r = Rect::from_pos_size(*p, *size);
            out = Some(out.map_or(r, |o| o.union(&r)));
        }
        out.map(|r| Rect {
            min: Point::new(r.min.x - REGION_PADDING, r.min.y - REGION_TITLE),
            max: Point::new(r.max.x + REGION_PADDING, r.max.y + REGION_PADDING),
        })
    };
    regions.sort_by(|a, b| {
        let top = |h: &[NodeId]| boxed(h, placed).map_or(f32::INFINITY, |r| r.min.y);
        top(&a.1).total_cmp(&top(&b.1))
    });
    let apart = |a: &(Rect, Vec<NodeId>), b: &(Rect, Vec<NodeId>)| {
        !a.0.contains_rect(&b.0)
            && !b.0.contains_rect(&a.0)
            && !a.1.iter().any(|id| b.1.contains(id))
    };
    let gap = TIDY_SPACING as f32 / 2.0;
    let mut moved = false;
    for i in 1..regions.len() {
        for _ in 0..regions.len() {
            let Some(mine) = boxed(&regions[i].1, placed) else {
                break;
            };
            let below = (0..i)
                .filter(|&j| apart(&regions[i], &regions[j]))
                .filter_map(|j| boxed(&regions[j].1, placed))
                .filter(|other| overlaps(other, &mine, gap))
                .map(|other| other.max.y)
                .fold(f32::NEG_INFINITY, f32::max);
            if !below.is_finite() {
                break;
            }
            let delta = below + gap - mine.min.y;
            for id in &regions[i].1 {
                if let Some(p) = placed.get_mut(id) {
                    p.y += delta;
                }
            }
            moved = true;
        }
    }
    if !moved {
        return;
    }
    let mut member_of = BTreeMap::new();
    let mut obstacles = Vec::new();
    for (k, (_, held)) in regions.iter().enumerate() {
        for id in held {
            member_of.entry(*id).or_insert(k);
        }
        if let Some(b) = boxed(held, placed) {
            obstacles.push((b, Some(k)));
        }
    }
    settle(movable, placed, obstacles, &member_of);
}

/// True when `a` and `b` come closer than `gap`.
fn overlaps(a: &Rect, b: &Rect, gap: f32) -> bool {
    a.min.x < b.max.x + gap
        && b.min.x < a.max.x + gap
        && a.min.y < b.max.y + gap
        && b.min.y < a.max.y + gap
}

/// The arrows between the nodes being tidied, with their branch: an arrow to a region (as a
/// condition's branch points at the region holding its pathway) goes to the nodes in the
/// region that no arrow from inside it reaches; an arrow from a region leaves from those no
/// arrow inside it leaves. So a pathway is laid out after the condition that opens it.
fn arrows_through_regions(
    doc: &Document,
    movable: &[&crate::model::Node],
) -> Vec<(NodeId, NodeId, Option<Branch>)> {
    let regions: BTreeMap<NodeId, Vec<NodeId>> = doc
        .nodes()
        .filter(|n| n.kind() == NodeKind::Region)
        .map(|r| {
            let rect = r.rect();
            let held = movable
                .iter()
                .filter(|n| rect.contains_rect(&n.rect()))
                .map(|n| n.id)
                .collect();
            (r.id, held)
        })
        .collect();
    let inside = |region: NodeId, id: NodeId| regions.get(&region).is_some_and(|h| h.contains(&id));
    let ends = |region: NodeId, entering: bool| -> Vec<NodeId> {
        let held = regions.get(&region).cloned().unwrap_or_default();
        held.iter()
            .copied()
            .filter(|id| {
                !doc.edges().any(|e| {
                    let (this, other) = if entering {
                        (e.to, e.from)
                    } else {
                        (e.from, e.to)
                    };
                    this == *id && inside(region, other)
                })
            })
            .collect()
    };
    let mut out = Vec::new();
    for edge in doc.edges() {
        let froms = if regions.contains_key(&edge.from) {
            ends(edge.from, false)
        } else {
            vec![edge.from]
        };
        let tos = if regions.contains_key(&edge.to) {
            ends(edge.to, true)
        } else {
            vec![edge.to]
        };
        for &a in &froms {
            for &b in &tos {
                out.push((a, b, edge.branch));
            }
        }
    }
    out
}

/// Turns a group upside down when a condition's yes branch came out below its no branch
/// (mirroring keeps every crossing the engine avoided avoided).
fn yes_above_no(
    arrows: &[(NodeId, NodeId, Option<Branch>)],
    nodes: &[&crate::model::Node],
    centres: &mut [(usize, f32, f32)],
) {
    let ys: BTreeMap<NodeId, f32> = centres.iter().map(|c| (nodes[c.0].id, c.2)).collect();
    let y_of = |id: NodeId| ys.get(&id).copied();
    let mut yes_below = 0i32;
    for &(from, to, branch) in arrows {
        let Some(branch) = branch else { continue };
        let (Some(from), Some(to)) = (y_of(from), y_of(to)) else {
            continue;
        };
        let below = to > from;
        match (branch, below) {
            (Branch::Yes, true) | (Branch::No, false) => yes_below += 1,
            (Branch::Yes, false) | (Branch::No, true) => yes_below -= 1,
        }
    }
    if yes_below > 0 {
        for c in centres.iter_mut() {
            c.2 = -c.2;
        }
    }
}
