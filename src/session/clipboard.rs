//! Cut, copy, paste and duplicate: nodes travel as RON text, so they can go between windows
//! (or through a text editor) and come back; anything else on the clipboard gets a message.

use super::Editor;
use crate::edit::Edit;
use crate::model::{Edge, Node, NodeId, NodeKind, Polarity};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// What goes on the clipboard: nodes with the arrows between them, as RON text, so items
/// can be pasted into another window or even into a text editor and back.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClipboardPayload {
    cmoc_canvas_clipboard: u32,
    nodes: Vec<Node>,
    #[serde(default)]
    edges: Vec<Edge>,
}

/// The largest clipboard text a paste will read (larger pastes get a message).
pub const MAX_PASTE_BYTES: usize = 20 * 1024 * 1024;

impl Editor {
    /// The selected nodes (and the arrows between them) as clipboard text.
    pub fn copy_selection(&self) -> Option<String> {
        if self.selection.nodes.is_empty() {
            return None;
        }
        let nodes = self.selected_node_copies();
        let edges: Vec<Edge> = self
            .doc()
            .edges()
            .filter(|e| {
                self.selection.nodes.contains(&e.from) && self.selection.nodes.contains(&e.to)
            })
            .cloned()
            .collect();
        let payload = ClipboardPayload {
            cmoc_canvas_clipboard: 1,
            nodes,
            edges,
        };
        ron::ser::to_string_pretty(&payload, crate::file::pretty_config()).ok()
    }

    /// Pastes clipboard text: nodes get fresh ids, are moved by `offset`, and a card whose
    /// number and polarity are taken gets the next free number. Returns how many nodes came in,
    /// or a message saying why nothing did.
    pub fn paste(&mut self, text: &str, offset: (f32, f32)) -> Result<usize, String> {
        if text.len() > MAX_PASTE_BYTES {
            return Err(format!(
                "The clipboard holds {:.1} MB of text, more than a paste takes ({} MB); nothing was pasted.",
                text.len() as f64 / 1e6,
                MAX_PASTE_BYTES / (1024 * 1024)
            ));
        }
        let payload: ClipboardPayload = ron::from_str(text.trim()).map_err(|_| {
            "The clipboard holds no CMOC Canvas items; copy nodes in a CMOC Canvas window first.".to_string()
        })?;
        if payload.nodes.is_empty() {
            return Err("The clipboard holds no nodes.".into());
        }
        let mut ids: HashMap<NodeId, NodeId> = HashMap::new();
        let mut taken: BTreeSet<(u32, Polarity)> = self
            .doc()
            .cmoc_cards()
            .map(|(_, c)| (c.number, c.polarity))
            .collect();
        let mut next_number = self.doc().next_cmoc_number();
        let mut edits = Vec::new();
        for mut node in payload.nodes {
            let id = self.doc().new_node_id();
            ids.insert(node.id, id);
            node.id = id;
            // Pasted text may come from anywhere: impossible geometry is made drawable.
            node.repair_geometry();
            node.position = node.position.offset(offset.0, offset.1).rounded();
            node.repair_geometry();
            if let Some(card) = node.content.cmoc_mut() {
                if taken.contains(&(card.number, card.polarity)) {
                    card.number = next_number.max(card.number);
                    next_number = card.number.saturating_add(1);
                }
                taken.insert((card.number, card.polarity));
                next_number = next_number.max(card.number.saturating_add(1));
            }
            let index = (node.kind() == NodeKind::Region).then_some(0);
            edits.push(Edit::AddNode { node, index });
        }
        for mut edge in payload.edges {
            let (Some(&from), Some(&to)) = (ids.get(&edge.from), ids.get(&edge.to)) else {
                continue;
            };
            edge.id = self.doc().new_edge_id();
            edge.from = from;
            edge.to = to;
            edits.push(Edit::AddEdge { edge, index: None });
        }
        let count = ids.len();
        let label = if count == 1 {
            "Paste 1 node".to_string()
        } else {
            format!("Paste {count} nodes")
        };
        if self.apply(Edit::Batch(edits), label) {
            self.selection.clear();
            self.selection.nodes.extend(ids.values().copied());
            Ok(count)
        } else {
            Err(self.status.clone())
        }
    }

    /// Copies the selection in place, a little down and to the right.
    pub fn duplicate(&mut self) {
        match self.copy_selection() {
            Some(text) => {
                if let Err(message) = self.paste(&text, (30.0, 30.0)) {
                    self.status = message;
                }
            }
            None => self.status = "Select nodes to duplicate.".into(),
        }
    }
}
