//! Merging the arrows, once the nodes are merged.

use super::{Ids, Merged, fields};
use crate::model::{Conflict, ConflictOn, Disagreement, Edge, EdgeId, NodeId};
use crate::session::compare::{Comparison, Theory};
use rustc_hash::{FxHashMap, FxHashSet};

/// Arrows, as nodes: yours merged with theirs, removed-and-changed ones back with a conflict,
/// their new ones added between the nodes they join in the result.
#[allow(clippy::too_many_arguments)]
pub(super) fn merge_edges(
    base: &Theory<'_>,
    ours: &Theory<'_>,
    theirs: &Theory<'_>,
    to_ours: &Comparison,
    to_theirs: &Comparison,
    theirs_to_result: &FxHashMap<NodeId, NodeId>,
    ids: &mut Ids<'_>,
    merged: &mut Merged,
) {
    let base_edges: FxHashMap<EdgeId, &Edge> = base.edges.iter().map(|e| (e.id, *e)).collect();
    let their_edges: FxHashMap<EdgeId, &Edge> = theirs.edges.iter().map(|e| (e.id, *e)).collect();
    let base_of_ours: FxHashMap<EdgeId, EdgeId> =
        to_ours.edge_pairs.iter().map(|p| (p.1, p.0)).collect();
    let theirs_of_base: FxHashMap<EdgeId, EdgeId> =
        to_theirs.edge_pairs.iter().map(|p| (p.0, p.1)).collect();
    let (mut edges, taken_theirs) = merge_our_edges(
        ours,
        &base_edges,
        &their_edges,
        &base_of_ours,
        &theirs_of_base,
        merged,
    );
    let kept_by_ours: FxHashSet<EdgeId> = to_ours.edge_pairs.iter().map(|p| p.0).collect();
    let base_of_theirs: FxHashMap<EdgeId, EdgeId> =
        to_theirs.edge_pairs.iter().map(|p| (p.1, p.0)).collect();
    for their in &theirs.edges {
        if taken_theirs.contains(&their.id) {
            continue;
        }
        let base_edge = base_of_theirs
            .get(&their.id)
            .and_then(|b| base_edges.get(b));
        let removed_by_you_and_changed = match base_edge {
            Some(b) if kept_by_ours.contains(&b.id) => continue,
            Some(b) => {
                let unchanged = Edge {
                    id: their.id,
                    from: their.from,
                    to: their.to,
                    ..(*b).clone()
                };
                if **their == unchanged {
                    continue; // you removed it; they left it alone
                }
                true
            }
            None => false,
        };
        let ends = (
            theirs_to_result.get(&their.from),
            theirs_to_result.get(&their.to),
        );
        let (Some(&from), Some(&to)) = ends else {
            merged.notes.push(format!(
                "Their arrow {} was left out: a node it joins is not in the merged diagram.",
                their.id
            ));
            continue;
        };
        let duplicate = edges.iter().any(|e: &Edge| {
            e.from == from
                && e.to == to
                && e.label == their.label
                && e.effect == their.effect
                && e.branch == their.branch
        });
        if duplicate && !removed_by_you_and_changed {
            continue;
        }
        let yours: FxHashSet<u64> = ours.edges.iter().map(|e| e.id.0).collect();
        let id = if removed_by_you_and_changed {
            EdgeId(ids.reinstate(their.id.0, &yours))
        } else {
            EdgeId(ids.claim(their.id.0))
        };
        if removed_by_you_and_changed {
            merged.conflicts.push(Conflict {
                on: ConflictOn::Arrow(id),
                disagreement: Disagreement::RemovedInYours,
                yours: "removed".into(),
                theirs: "changed".into(),
                base: String::new(),
                their_node: None,
                their_arrow: None,
            });
        }
        edges.push(Edge {
            id,
            from,
            to,
            ..(*their).clone()
        });
    }
    drop_dangling(&mut edges, merged);
    merged.edges = edges;
}

/// Your arrows, each merged with theirs where both kept it; one you changed and they removed
/// comes back with a conflict. Returns the arrows and which of theirs were taken.
fn merge_our_edges(
    ours: &Theory<'_>,
    base_edges: &FxHashMap<EdgeId, &Edge>,
    their_edges: &FxHashMap<EdgeId, &Edge>,
    base_of_ours: &FxHashMap<EdgeId, EdgeId>,
    theirs_of_base: &FxHashMap<EdgeId, EdgeId>,
    merged: &mut Merged,
) -> (Vec<Edge>, FxHashSet<EdgeId>) {
    let mut taken_theirs: FxHashSet<EdgeId> = FxHashSet::default();
    let mut edges = Vec::new();
    for edge in &ours.edges {
        let Some(base_edge) = base_of_ours.get(&edge.id).and_then(|b| base_edges.get(b)) else {
            edges.push((*edge).clone());
            continue;
        };
        match theirs_of_base
            .get(&base_edge.id)
            .and_then(|t| their_edges.get(t))
        {
            Some(their) => {
                taken_theirs.insert(their.id);
                edges.push(fields::merge_edge(
                    base_edge,
                    edge,
                    their,
                    &mut merged.conflicts,
                ));
            }
            None if **edge
                != Edge {
                    id: edge.id,
                    from: edge.from,
                    to: edge.to,
                    ..(*base_edge).clone()
                } =>
            {
                merged.conflicts.push(Conflict {
                    on: ConflictOn::Arrow(edge.id),
                    disagreement: Disagreement::RemovedInTheirs,
                    yours: "changed".into(),
                    theirs: "removed".into(),
                    base: String::new(),
                    their_node: None,
                    their_arrow: None,
                });
                edges.push((*edge).clone());
            }
            None => {}
        }
    }
    (edges, taken_theirs)
}

/// Leaves out arrows whose ends are gone (saying so) and conflicts on arrows left out.
fn drop_dangling(edges: &mut Vec<Edge>, merged: &mut Merged) {
    let in_result: FxHashSet<NodeId> = merged.nodes.iter().map(|n| n.id).collect();
    let before = edges.len();
    edges.retain(|e| in_result.contains(&e.from) && in_result.contains(&e.to));
    if edges.len() < before {
        merged.notes.push(format!(
            "{} left out: a node {} joins was removed.",
            crate::model::counted(before - edges.len(), "arrow was", "arrows were"),
            if before - edges.len() == 1 {
                "it"
            } else {
                "they"
            }
        ));
    }
    let kept: FxHashSet<EdgeId> = edges.iter().map(|e| e.id).collect();
    merged.conflicts.retain(|c| match c.on {
        ConflictOn::Arrow(id) => kept.contains(&id),
        ConflictOn::Node(_) => true,
    });
}
