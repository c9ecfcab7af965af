//! Merging a colleague's copy of the diagram into yours. With a common version (a saved
//! version both files keep, or the base file git gives), changes on different nodes or
//! different parts of one node combine; the same part changed both ways, or a node removed in
//! one copy and changed in the other, is a conflict recorded in the file and never decided
//! silently; ids the two copies allocated for different new nodes are kept apart; two new
//! CMOCs with one number are flagged. Without a common version, every difference is a
//! conflict to choose. Pure: the editor applies the result as one undo step.

mod apply;
mod edges;
pub(crate) mod fields;

pub use apply::{merge_edit, shared_version};

use super::compare::{Comparison, Theory, compare};
use crate::model::{Conflict, ConflictOn, Disagreement, Edge, Node, NodeId};
use rustc_hash::{FxHashMap, FxHashSet};

/// The merged theory, with what could not be decided.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merged {
    /// The nodes, yours first in your drawing order, then theirs that are new.
    pub nodes: Vec<Node>,
    /// The arrows.
    pub edges: Vec<Edge>,
    /// The conflicts to resolve.
    pub conflicts: Vec<Conflict>,
    /// What was decided without asking, said so the merge is never silent about it.
    pub notes: Vec<String>,
    /// How many of their new nodes and arrows were given new ids (theirs and yours had used
    /// the same id for different things).
    pub renumbered: usize,
}

/// Hands out ids no side uses.
struct Ids<'a> {
    used: FxHashSet<u64>,
    fresh: &'a mut dyn FnMut() -> u64,
    renumbered: usize,
}

impl Ids<'_> {
    /// `wanted` for a node or arrow you removed and they changed (it comes back as it was):
    /// free unless yours uses it for something else.
    fn reinstate(&mut self, wanted: u64, yours: &FxHashSet<u64>) -> u64 {
        if yours.contains(&wanted) {
            return self.claim(wanted);
        }
        self.used.insert(wanted);
        wanted
    }

    /// `wanted` if free, otherwise a fresh id.
    fn claim(&mut self, wanted: u64) -> u64 {
        if self.used.insert(wanted) {
            return wanted;
        }
        self.renumbered += 1;
        loop {
            let id = (self.fresh)();
            if self.used.insert(id) {
                return id;
            }
        }
    }
}

/// Checks that `base` can be where both copies started: at least half of its nodes are found
/// again in each. A base from another diagram (or a copy of another diagram) would make every
/// difference look like cards removed and added — a merge that empties the diagram; the error
/// says so in the researcher's words.
pub fn check_base(base: &Theory<'_>, ours: &Theory<'_>, theirs: &Theory<'_>) -> Result<(), String> {
    let total = base.nodes.len();
    if total == 0 {
        return Ok(());
    }
    for (copy, whose) in [(ours, "your copy"), (theirs, "their copy")] {
        let kept = compare(base, copy).pairs.len();
        if kept * 2 < total {
            return Err(format!(
                "the base does not look like a version {whose} started from: only {kept} of its {total} nodes are in {whose}. Choose the version both started from, or merge without one (every difference is then a choice)."
            ));
        }
    }
    Ok(())
}

/// Merges `theirs` into `ours`. `base` is the version both started from (`None`: no common
/// version, every difference is a choice). `fresh_id` hands out ids the document has never
/// used.
pub fn merge(
    base: Option<&Theory<'_>>,
    ours: &Theory<'_>,
    theirs: &Theory<'_>,
    fresh_id: &mut dyn FnMut() -> u64,
) -> Merged {
    let empty = Theory {
        nodes: Vec::new(),
        edges: Vec::new(),
    };
    let base_theory = base.unwrap_or(&empty);
    let to_ours = compare(base_theory, ours);
    let to_theirs = compare(base_theory, theirs);
    let used = base_theory
        .nodes
        .iter()
        .map(|n| n.id.0)
        .chain(base_theory.edges.iter().map(|e| e.id.0))
        .chain(ours.nodes.iter().map(|n| n.id.0))
        .chain(ours.edges.iter().map(|e| e.id.0))
        .collect();
    let mut ids = Ids {
        used,
        fresh: fresh_id,
        renumbered: 0,
    };
    let mut merged = Merged::default();
    let mut theirs_to_result = merge_nodes(
        base_theory,
        ours,
        theirs,
        &to_ours,
        &to_theirs,
        &mut ids,
        &mut merged,
    );
    if base.is_none() {
        pair_without_base(ours, theirs, &mut theirs_to_result, &mut merged);
    }
    add_their_new_nodes(
        ours,
        theirs,
        &to_ours,
        &to_theirs,
        &mut theirs_to_result,
        &mut ids,
        &mut merged,
    );
    edges::merge_edges(
        base_theory,
        ours,
        theirs,
        &to_ours,
        &to_theirs,
        &theirs_to_result,
        &mut ids,
        &mut merged,
    );
    merged.renumbered = ids.renumbered;
    merged
}

fn by_id<'a>(t: &Theory<'a>) -> FxHashMap<NodeId, &'a Node> {
    t.nodes.iter().map(|n| (n.id, *n)).collect()
}

fn changed_content(comparison: &Comparison, new: NodeId) -> bool {
    comparison
        .nodes
        .iter()
        .any(|c| c.new == Some(new) && !c.parts.is_empty())
}

/// Your nodes, merged with theirs where both kept them; nodes one copy removed and the other
/// changed come back with a conflict. Returns their ids → ids in the result.
fn merge_nodes(
    base: &Theory<'_>,
    ours: &Theory<'_>,
    theirs: &Theory<'_>,
    to_ours: &Comparison,
    to_theirs: &Comparison,
    ids: &mut Ids<'_>,
    merged: &mut Merged,
) -> FxHashMap<NodeId, NodeId> {
    let base_nodes = by_id(base);
    let their_nodes = by_id(theirs);
    let base_of_ours: FxHashMap<NodeId, NodeId> =
        to_ours.pairs.iter().map(|p| (p.1, p.0)).collect();
    let theirs_of_base: FxHashMap<NodeId, NodeId> =
        to_theirs.pairs.iter().map(|p| (p.0, p.1)).collect();
    let mut theirs_to_result = FxHashMap::default();
    for node in &ours.nodes {
        let Some(base_id) = base_of_ours.get(&node.id) else {
            merged.nodes.push((*node).clone());
            continue;
        };
        let base_node = base_nodes.get(base_id).copied();
        match theirs_of_base.get(base_id).and_then(|t| their_nodes.get(t)) {
            Some(their) => {
                theirs_to_result.insert(their.id, node.id);
                let node = fields::merge_node(
                    base_node,
                    node,
                    their,
                    &mut merged.conflicts,
                    &mut merged.notes,
                );
                merged.nodes.push(node);
            }
            None if changed_content(to_ours, node.id) => {
                merged.conflicts.push(Conflict {
                    on: ConflictOn::Node(node.id),
                    disagreement: Disagreement::RemovedInTheirs,
                    yours: "changed".into(),
                    theirs: "removed".into(),
                    base: String::new(),
                    their_node: None,
                    their_arrow: None,
                });
                merged.nodes.push((*node).clone());
            }
            None => merged
                .notes
                .push(format!("{} was removed in their copy.", node.label())),
        }
    }
    // Removed in yours: gone, unless they changed it.
    let ours_of_base: FxHashSet<NodeId> = to_ours.pairs.iter().map(|p| p.0).collect();
    for base_node in &base.nodes {
        if ours_of_base.contains(&base_node.id) {
            continue;
        }
        let Some(their) = theirs_of_base
            .get(&base_node.id)
            .and_then(|t| their_nodes.get(t))
        else {
            continue;
        };
        if changed_content(to_theirs, their.id) {
            let yours: FxHashSet<u64> = ours.nodes.iter().map(|n| n.id.0).collect();
            let id = NodeId(ids.reinstate(their.id.0, &yours));
            theirs_to_result.insert(their.id, id);
            merged.conflicts.push(Conflict {
                on: ConflictOn::Node(id),
                disagreement: Disagreement::RemovedInYours,
                yours: "removed".into(),
                theirs: "changed".into(),
                base: String::new(),
                their_node: None,
                their_arrow: None,
            });
            merged.nodes.push(Node {
                id,
                ..(*their).clone()
            });
        }
    }
    theirs_to_result
}

/// Without a common version: their nodes that pair with yours (by id, number or text) are
/// merged two-way, every differing part a conflict.
fn pair_without_base(
    ours: &Theory<'_>,
    theirs: &Theory<'_>,
    theirs_to_result: &mut FxHashMap<NodeId, NodeId>,
    merged: &mut Merged,
) {
    let pairs = compare(ours, theirs).pairs;
    let their_nodes = by_id(theirs);
    let at: FxHashMap<NodeId, usize> = merged
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id, i))
        .collect();
    for (o, t, _) in pairs {
        let (Some(&i), Some(their)) = (at.get(&o), their_nodes.get(&t)) else {
            continue;
        };
        theirs_to_result.insert(t, o);
        let ours_node = merged.nodes[i].clone();
        merged.nodes[i] = fields::merge_node(
            None,
            &ours_node,
            their,
            &mut merged.conflicts,
            &mut merged.notes,
        );
    }
}

/// Their nodes that are new: added (with a new id where yours used theirs for something
/// else), unless you added the very same node; a new CMOC whose number you also used for a
/// new CMOC is flagged.
#[allow(clippy::too_many_arguments)]
fn add_their_new_nodes(
    ours: &Theory<'_>,
    theirs: &Theory<'_>,
    to_ours: &Comparison,
    to_theirs: &Comparison,
    theirs_to_result: &mut FxHashMap<NodeId, NodeId>,
    ids: &mut Ids<'_>,
    merged: &mut Merged,
) {
    let paired_theirs: FxHashSet<NodeId> = to_theirs.pairs.iter().map(|p| p.1).collect();
    let paired_ours: FxHashSet<NodeId> = to_ours.pairs.iter().map(|p| p.1).collect();
    let ours_new: Vec<&Node> = ours
        .nodes
        .iter()
        .filter(|n| !paired_ours.contains(&n.id))
        .copied()
        .collect();
    for their in &theirs.nodes {
        if paired_theirs.contains(&their.id) || theirs_to_result.contains_key(&their.id) {
            continue;
        }
        if let Some(same) = ours_new.iter().find(|o| o.content == their.content) {
            theirs_to_result.insert(their.id, same.id);
            continue;
        }
        let id = NodeId(ids.claim(their.id.0));
        theirs_to_result.insert(their.id, id);
        if let Some(card) = their.content.cmoc()
            && let Some(mine) = ours_new.iter().find(|o| {
                o.content
                    .cmoc()
                    .is_some_and(|c| (c.number, c.polarity) == (card.number, card.polarity))
            })
        {
            merged.conflicts.push(Conflict {
                on: ConflictOn::Node(id),
                disagreement: Disagreement::SameNumber,
                yours: mine.label(),
                theirs: their.label(),
                base: String::new(),
                their_node: None,
                their_arrow: None,
            });
        }
        merged.nodes.push(Node {
            id,
            ..(*their).clone()
        });
    }
}

#[cfg(test)]
mod tests;
