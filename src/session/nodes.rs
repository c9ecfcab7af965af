//! Adding, connecting, deleting and toggling nodes: the changes a researcher makes card by card.

use super::Editor;
use crate::edit::Edit;
use crate::model::{Branch, Edge, EdgeId, Node, NodeId, NodeKind, Point, Polarity};
use std::collections::BTreeSet;

/// How far a node added exactly on top of another moves down and right (world units), and how
/// many steps it takes at most.
const ADD_CASCADE_STEP: f32 = 24.0;
const ADD_CASCADE_TRIES: usize = 50;

impl Editor {
    /// Changes one field of one node as typing does: `change` edits a copy, and if anything
    /// changed, the copy replaces the node, merged into one undo step with the typing before
    /// it in the same field ("Edit context of CMOC 22"). Used by the inspector, the table and
    /// in-place editing on the canvas alike.
    pub fn change_node(&mut self, id: NodeId, field: &str, change: impl FnOnce(&mut Node)) {
        let Some(mut node) = self.doc().node(id).cloned() else {
            return;
        };
        let label = format!("Edit {field} of {}", node.label());
        change(&mut node);
        if Some(&node) != self.doc().node(id) {
            self.apply_merging(
                Edit::ReplaceNode { node },
                label,
                crate::edit::MergeKey::node(id, field),
            );
        }
    }

    /// A label such as "CMOC 22" or "3 nodes" for undo names.
    pub fn describe_nodes(&self, ids: &BTreeSet<NodeId>) -> String {
        match ids.len() {
            1 => ids
                .first()
                .and_then(|id| self.doc.node(*id))
                .map(Node::label)
                .unwrap_or_else(|| "1 node".into()),
            n => format!("{n} nodes"),
        }
    }

    /// Adds a node of `kind` centred on `at` (down and to the right of any node already
    /// exactly there); a CMOC card gets the next free number.
    pub fn add_node(&mut self, kind: NodeKind, at: Point) -> Option<NodeId> {
        let number = self.doc.next_cmoc_number();
        let id = self.doc.new_node_id();
        let size = kind.default_size();
        let mut position = Point::new(at.x - size.width / 2.0, at.y - size.height / 2.0).rounded();
        // Added again at the same place (the toolbar's button twice: both at the centre of
        // the view), a node would hide the last one exactly: step down and right instead.
        for _ in 0..ADD_CASCADE_TRIES {
            let taken = self.doc.nodes().any(|n| {
                (n.position.x - position.x).abs() < 1.0 && (n.position.y - position.y).abs() < 1.0
            });
            if !taken {
                break;
            }
            position = Point::new(position.x + ADD_CASCADE_STEP, position.y + ADD_CASCADE_STEP);
        }
        let node = Node::new(id, kind.empty_content(number), position);
        let label = match kind {
            NodeKind::Cmoc => format!("Add CMOC {number}"),
            other => format!("Add {}", other.name().to_lowercase()),
        };
        // Regions go to the back so they sit behind what they hold.
        let index = (kind == NodeKind::Region).then_some(0);
        if self.apply(Edit::AddNode { node, index }, label) {
            self.selection.set_node(id);
            Some(id)
        } else {
            None
        }
    }

    /// Connects two nodes. An arrow leaving a condition becomes its "yes" branch, or its "no"
    /// branch when a "yes" already leaves it.
    pub fn connect(&mut self, from: NodeId, to: NodeId) -> Option<EdgeId> {
        if from == to {
            return None;
        }
        let id = self.doc.new_edge_id();
        let mut edge = Edge::new(id, from, to);
        if self.doc.node(from).map(Node::kind) == Some(NodeKind::Condition) {
            let has_yes = self
                .doc
                .edges()
                .any(|e| e.from == from && e.branch == Some(Branch::Yes));
            edge.branch = Some(if has_yes { Branch::No } else { Branch::Yes });
        }
        let label = format!(
            "Connect {} to {}",
            self.doc.node(from).map(Node::label).unwrap_or_default(),
            self.doc.node(to).map(Node::label).unwrap_or_default()
        );
        if self.apply(Edit::AddEdge { edge, index: None }, label) {
            self.selection.set_edge(id);
            Some(id)
        } else {
            None
        }
    }

    /// Deletes the selected nodes and arrows as one step.
    pub fn delete_selection(&mut self) {
        if self.selection.is_empty() {
            return;
        }
        let mut edits: Vec<Edit> = self
            .selection
            .edges
            .iter()
            .filter(|id| {
                // Arrows of deleted nodes go with them.
                self.doc.edge(**id).is_some_and(|e| {
                    !self.selection.nodes.contains(&e.from) && !self.selection.nodes.contains(&e.to)
                })
            })
            .map(|&id| Edit::RemoveEdge { id })
            .collect();
        edits.extend(
            self.selection
                .nodes
                .iter()
                .map(|&id| Edit::RemoveNode { id }),
        );
        let what = match (self.selection.nodes.len(), self.selection.edges.len()) {
            (0, 1) => "arrow".to_string(),
            (0, n) => format!("{n} arrows"),
            _ => self.describe_nodes(&self.selection.nodes.clone()),
        };
        if self.apply(Edit::Batch(edits), format!("Delete {what}")) {
            self.selection.clear();
        }
    }

    /// Toggles every selected CMOC card between positive and negative as one step.
    pub fn toggle_selected_polarity(&mut self) {
        let cards: Vec<(NodeId, Polarity)> = self
            .selection
            .nodes
            .iter()
            .filter_map(|id| {
                let card = self.doc.node(*id)?.content.cmoc()?;
                Some((*id, card.polarity))
            })
            .collect();
        if cards.is_empty() {
            self.status = "Select a CMOC card to toggle it between positive and negative.".into();
            return;
        }
        self.toggle_cards(&cards);
    }

    /// Toggles one card (a click on its badge).
    pub fn toggle_card(&mut self, id: NodeId) {
        if let Some(card) = self.doc.node(id).and_then(|n| n.content.cmoc()) {
            let polarity = card.polarity;
            self.toggle_cards(&[(id, polarity)]);
        }
    }

    fn toggle_cards(&mut self, cards: &[(NodeId, Polarity)]) {
        let edits = cards
            .iter()
            .map(|&(id, p)| Edit::SetPolarity {
                id,
                polarity: p.toggled(),
            })
            .collect();
        let label = match cards {
            [(id, p)] => {
                let number = self
                    .doc
                    .node(*id)
                    .and_then(|n| n.content.cmoc())
                    .map_or(0, |c| c.number);
                match p.toggled() {
                    Polarity::Negative => format!("Make CMOC {number} negative"),
                    Polarity::Positive => format!("Make CMOC {number} positive"),
                }
            }
            many => format!("Toggle {} CMOCs", many.len()),
        };
        if self.apply(Edit::Batch(edits), label.clone()) {
            self.status = label;
        }
    }
}
