//! Named versions of the theory kept in the file ("Initial programme theory", "After workshop
//! 1", …): a realist evaluation refines its programme theory over months, and a paper reports
//! how. A version keeps the theory itself — its cards, other nodes, regions and arrows — with
//! its name, when it was saved, by whom and a note; not the comments, the workshop record or
//! the scenarios, which belong to the work on the diagram rather than to the theory.

use super::{Document, Edge, Node, NodeKind, Timestamp};
use serde::{Deserialize, Serialize};

/// A saved version of the theory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// Its name, as the researcher gave it.
    pub name: String,
    /// When it was saved.
    pub saved: Timestamp,
    /// Who saved it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Why, or what it stands for, in the researcher's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The nodes, in drawing order.
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// The arrows.
    #[serde(default)]
    pub edges: Vec<Edge>,
}

impl Version {
    /// The theory of `doc` as it is now, named.
    pub fn of(doc: &Document, name: &str, author: &str, note: &str, saved: Timestamp) -> Version {
        Version {
            name: name.trim().to_string(),
            saved,
            author: author.trim().to_string(),
            note: note.trim().to_string(),
            nodes: doc.nodes().cloned().collect(),
            edges: doc.edges().cloned().collect(),
        }
    }

    /// How many CMOC cards it has.
    pub fn card_count(&self) -> usize {
        self.nodes
            .iter()
            .filter(|n| n.kind() == NodeKind::Cmoc)
            .count()
    }

    /// "24 CMOC cards, 40 nodes, 52 arrows".
    pub fn summary(&self) -> String {
        format!(
            "{}, {}, {}",
            super::counted(self.card_count(), "CMOC card", "CMOC cards"),
            super::counted(self.nodes.len(), "node", "nodes"),
            super::counted(self.edges.len(), "arrow", "arrows")
        )
    }

    /// Whether `doc`'s theory is exactly this version's (the same nodes in the same drawing
    /// order, and the same arrows in any order).
    pub fn matches(&self, doc: &Document) -> bool {
        doc.node_count() == self.nodes.len()
            && doc.nodes().zip(&self.nodes).all(|(a, b)| a == b)
            && doc.edge_count() == self.edges.len()
            && self.edges.iter().all(|e| doc.edge(e.id) == Some(e))
    }
}
