//! Which parts of a paired node or arrow changed, and the pairing of arrows.

use super::{ChangeKind, EdgeChange, Matched, Theory};
use crate::model::{Edge, EdgeId, EdgePart, Node, NodeContent, NodeId, Part};
use rustc_hash::{FxHashMap, FxHashSet};

/// The parts of a node's content that differ (where and how big it is are not content).
pub(super) fn changed_parts(old: &Node, new: &Node) -> Vec<Part> {
    let mut parts = Vec::new();
    match (&old.content, &new.content) {
        (NodeContent::Cmoc(a), NodeContent::Cmoc(b)) => {
            let fields = [
                (a.number != b.number, Part::Number),
                (a.polarity != b.polarity, Part::Polarity),
                (a.title != b.title, Part::Title),
                (a.context != b.context, Part::Context),
                (a.mechanism != b.mechanism, Part::Mechanism),
                (a.mechanism_resource != b.mechanism_resource, Part::Resource),
                (
                    a.mechanism_reasoning != b.mechanism_reasoning,
                    Part::Reasoning,
                ),
                (a.outcome != b.outcome, Part::Outcome),
                (a.evidence != b.evidence, Part::Evidence),
                (
                    a.status != b.status
                        || a.rationale != b.rationale
                        || a.decided_by != b.decided_by,
                    Part::Status,
                ),
            ];
            parts.extend(fields.iter().filter(|f| f.0).map(|f| f.1));
        }
        (a, b) => match (a.text_block(), b.text_block()) {
            (Some(x), Some(y)) => {
                if a.kind() != b.kind() {
                    parts.push(Part::Kind);
                }
                if x.title != y.title {
                    parts.push(Part::Title);
                }
                if x.text != y.text {
                    parts.push(Part::Text);
                }
            }
            _ => parts.push(Part::Kind),
        },
    }
    let rest = [
        (old.plain != new.plain, Part::Plain),
        (old.colour != new.colour, Part::Colour),
        (old.tags != new.tags, Part::Tags),
        (old.pinned != new.pinned, Part::Pinned),
    ];
    parts.extend(rest.iter().filter(|f| f.0).map(|f| f.1));
    parts
}

/// Whether a node moved or was resized by more than a rounding error.
pub(super) fn moved(old: &Node, new: &Node) -> bool {
    const EPSILON: f32 = 0.5;
    (old.position.x - new.position.x).abs() > EPSILON
        || (old.position.y - new.position.y).abs() > EPSILON
        || (old.size.width - new.size.width).abs() > EPSILON
        || (old.size.height - new.size.height).abs() > EPSILON
}

fn edge_parts(old: &Edge, new: &Edge) -> Vec<EdgePart> {
    let fields = [
        (old.label != new.label, EdgePart::Label),
        (old.effect != new.effect, EdgePart::Effect),
        (old.branch != new.branch, EdgePart::Branch),
    ];
    fields.iter().filter(|f| f.0).map(|f| f.1).collect()
}

/// Records `before` and `edge` as one arrow, and what changed on it.
fn pair(
    before: &Edge,
    edge: &Edge,
    used: &mut FxHashSet<EdgeId>,
    edge_pairs: &mut Vec<(EdgeId, EdgeId)>,
    changes: &mut Vec<EdgeChange>,
) {
    used.insert(before.id);
    edge_pairs.push((before.id, edge.id));
    let parts = edge_parts(before, edge);
    if !parts.is_empty() {
        changes.push(EdgeChange {
            kind: ChangeKind::Changed,
            old: Some(before.id),
            new: Some(edge.id),
            parts,
        });
    }
}

/// Pairs the arrows through the node pairs: by id when both ends agree, otherwise by ends.
/// Returns the changes and every pair (older id, newer id).
pub(super) fn compare_edges(
    old: &Theory<'_>,
    new: &Theory<'_>,
    pairs: &[(NodeId, NodeId, Matched)],
) -> (Vec<EdgeChange>, Vec<(EdgeId, EdgeId)>) {
    let to_new: FxHashMap<NodeId, NodeId> = pairs.iter().map(|p| (p.0, p.1)).collect();
    let ends = |e: &Edge| Some((*to_new.get(&e.from)?, *to_new.get(&e.to)?));
    let old_by_id: FxHashMap<EdgeId, &Edge> = old.edges.iter().map(|e| (e.id, *e)).collect();
    let mut old_by_ends: FxHashMap<(NodeId, NodeId), Vec<EdgeId>> = FxHashMap::default();
    for edge in &old.edges {
        if let Some(k) = ends(edge) {
            old_by_ends.entry(k).or_default().push(edge.id);
        }
    }
    let mut used: FxHashSet<EdgeId> = FxHashSet::default();
    let mut changes = Vec::new();
    let mut edge_pairs = Vec::new();
    let mut unpaired = Vec::new();
    // Pairs by id first (for every arrow), so an arrow found by its ends never takes one
    // that another arrow keeps by id.
    for edge in &new.edges {
        match old_by_id.get(&edge.id) {
            Some(before) if ends(before) == Some((edge.from, edge.to)) => {
                pair(before, edge, &mut used, &mut edge_pairs, &mut changes);
            }
            _ => unpaired.push(*edge),
        }
    }
    for edge in unpaired {
        let found = old_by_ends
            .get_mut(&(edge.from, edge.to))
            .and_then(|ids| {
                let at = ids.iter().position(|id| !used.contains(id))?;
                Some(ids.remove(at))
            })
            .and_then(|id| old_by_id.get(&id).copied());
        match found {
            Some(before) => pair(before, edge, &mut used, &mut edge_pairs, &mut changes),
            None => changes.push(EdgeChange {
                kind: ChangeKind::Added,
                old: None,
                new: Some(edge.id),
                parts: Vec::new(),
            }),
        }
    }
    for edge in &old.edges {
        if !used.contains(&edge.id) {
            changes.push(EdgeChange {
                kind: ChangeKind::Removed,
                old: Some(edge.id),
                new: None,
                parts: Vec::new(),
            });
        }
    }
    (changes, edge_pairs)
}
