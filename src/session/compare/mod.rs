//! Comparing two versions of a programme theory: a saved version, the diagram as it is, or
//! another file. Nodes are paired (by id, then by CMOC number, then by near-identical text, with
//! the researcher's corrections first), and every pair, addition and removal is described by
//! the parts that changed. The compare view, the change table, `cmoc-canvas diff` and merging
//! all read this one comparison.

mod matching;
mod parts;
mod words;

pub use crate::model::{EdgePart, Part};
pub use matching::{Corrections, Matched};
pub use words::{Piece, WordDiff, word_diff};

use crate::model::{Document, Edge, EdgeId, Node, NodeId, Version};
use rustc_hash::FxHashMap;

/// One side of a comparison: the nodes (in drawing order) and arrows of a theory.
#[derive(Clone, Debug)]
pub struct Theory<'a> {
    /// The nodes, in drawing order.
    pub nodes: Vec<&'a Node>,
    /// The arrows.
    pub edges: Vec<&'a Edge>,
}

impl<'a> Theory<'a> {
    /// The theory of a document as it is now.
    pub fn of_document(doc: &'a Document) -> Self {
        Self {
            nodes: doc.nodes().collect(),
            edges: doc.edges().collect(),
        }
    }

    /// The theory kept in a saved version.
    pub fn of_version(version: &'a Version) -> Self {
        Self {
            nodes: version.nodes.iter().collect(),
            edges: version.edges.iter().collect(),
        }
    }

    fn node_map(&self) -> FxHashMap<NodeId, &'a Node> {
        self.nodes.iter().map(|n| (n.id, *n)).collect()
    }
}

/// What happened to a node or an arrow between the two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Only in the newer version.
    Added,
    /// Only in the older version.
    Removed,
    /// In both, with some of its content changed (it may also have moved).
    Changed,
    /// In both with the same content, moved or resized.
    Moved,
}

impl ChangeKind {
    /// The word shown on the canvas marker and in the change list.
    pub fn word(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
            ChangeKind::Moved => "moved",
        }
    }
}

/// A node that differs between the two versions.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeChange {
    /// What happened to it.
    pub kind: ChangeKind,
    /// Its id in the older version (none when added).
    pub old: Option<NodeId>,
    /// Its id in the newer version (none when removed).
    pub new: Option<NodeId>,
    /// How the two were paired (none when added or removed).
    pub matched: Option<Matched>,
    /// The parts of its content that changed (empty unless changed).
    pub parts: Vec<Part>,
    /// Whether it also moved or was resized.
    pub moved: bool,
}

/// An arrow that differs between the two versions (arrows are paired by id when their ends
/// are paired, otherwise by their ends).
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeChange {
    /// What happened to it (arrows are never only moved).
    pub kind: ChangeKind,
    /// Its id in the older version.
    pub old: Option<EdgeId>,
    /// Its id in the newer version.
    pub new: Option<EdgeId>,
    /// What changed on it.
    pub parts: Vec<EdgePart>,
}

/// Everything that differs between an older and a newer version of a theory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Changed, moved and added nodes in the newer version's drawing order, then removed
    /// nodes in the older version's.
    pub nodes: Vec<NodeChange>,
    /// Changed and added arrows, then removed ones.
    pub edges: Vec<EdgeChange>,
    /// Every pair of nodes found in both, changed or not: (older id, newer id, how).
    pub pairs: Vec<(NodeId, NodeId, Matched)>,
    /// Every pair of arrows found in both: (older id, newer id).
    pub edge_pairs: Vec<(EdgeId, EdgeId)>,
}

impl Comparison {
    /// True when the two theories are the same.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.edges.is_empty()
    }

    /// The change for the node with this id in the newer version (or, if removed, the older).
    pub fn node_change(&self, id: NodeId) -> Option<&NodeChange> {
        self.nodes
            .iter()
            .find(|c| c.new == Some(id) || (c.new.is_none() && c.old == Some(id)))
    }

    /// How many nodes were added, removed, changed and only moved.
    pub fn counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for change in &self.nodes {
            counts[change.kind as usize] += 1;
        }
        counts
    }

    /// The older id paired with a newer one.
    pub fn old_of(&self, new: NodeId) -> Option<NodeId> {
        self.pairs.iter().find(|p| p.1 == new).map(|p| p.0)
    }

    /// The newer id paired with an older one.
    pub fn new_of(&self, old: NodeId) -> Option<NodeId> {
        self.pairs.iter().find(|p| p.0 == old).map(|p| p.1)
    }
}

/// Compares an older and a newer version of a theory, pairing nodes automatically.
pub fn compare(old: &Theory<'_>, new: &Theory<'_>) -> Comparison {
    compare_with(old, new, &Corrections::default())
}

/// Compares two versions with the researcher's corrections to the pairing applied first.
pub fn compare_with(old: &Theory<'_>, new: &Theory<'_>, corrections: &Corrections) -> Comparison {
    let old_nodes = old.node_map();
    let pairs = matching::pair_nodes(old, new, &old_nodes, corrections);
    let mut by_new: FxHashMap<NodeId, (NodeId, Matched)> = FxHashMap::default();
    for &(o, n, how) in &pairs {
        by_new.insert(n, (o, how));
    }
    let mut nodes = Vec::new();
    for node in &new.nodes {
        let Some(&(old_id, how)) = by_new.get(&node.id) else {
            nodes.push(NodeChange {
                kind: ChangeKind::Added,
                old: None,
                new: Some(node.id),
                matched: None,
                parts: Vec::new(),
                moved: false,
            });
            continue;
        };
        let Some(before) = old_nodes.get(&old_id) else {
            continue;
        };
        let parts = parts::changed_parts(before, node);
        let moved = parts::moved(before, node);
        let kind = if !parts.is_empty() {
            ChangeKind::Changed
        } else if moved {
            ChangeKind::Moved
        } else {
            continue;
        };
        nodes.push(NodeChange {
            kind,
            old: Some(old_id),
            new: Some(node.id),
            matched: Some(how),
            parts,
            moved,
        });
    }
    let paired_old: rustc_hash::FxHashSet<NodeId> = pairs.iter().map(|p| p.0).collect();
    for node in &old.nodes {
        if !paired_old.contains(&node.id) {
            nodes.push(NodeChange {
                kind: ChangeKind::Removed,
                old: Some(node.id),
                new: None,
                matched: None,
                parts: Vec::new(),
                moved: false,
            });
        }
    }
    let (edges, edge_pairs) = parts::compare_edges(old, new, &pairs);
    Comparison {
        nodes,
        edges,
        pairs,
        edge_pairs,
    }
}

#[cfg(test)]
mod tests;
