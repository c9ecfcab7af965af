//! The open document and everything done to it: every change goes through [`History`], and the
//! selection follows the document (things that disappear are deselected).

use crate::edit::{Edit, History};
use crate::model::{
    Annotation, AnnotationId, Branch, Document, Edge, EdgeId, Node, NodeId, NodeKind, Point,
    Polarity, Target, Timestamp,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// Where the open document came from, which decides what Save does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A new diagram never saved.
    Untitled,
    /// The built-in example: Save asks for a new name and keeps a copy.
    Example,
    /// A file on disk.
    File(PathBuf),
}

/// What is selected on the canvas.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected nodes.
    pub nodes: BTreeSet<NodeId>,
    /// Selected arrows.
    pub edges: BTreeSet<EdgeId>,
}

impl Selection {
    /// True when nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.edges.is_empty()
    }

    /// The single selected node, if exactly one node (and no arrow) is selected.
    pub fn single_node(&self) -> Option<NodeId> {
        (self.nodes.len() == 1 && self.edges.is_empty())
            .then(|| self.nodes.first().copied())
            .flatten()
    }

    /// The single selected arrow, if exactly one arrow (and no node) is selected.
    pub fn single_edge(&self) -> Option<EdgeId> {
        (self.edges.len() == 1 && self.nodes.is_empty())
            .then(|| self.edges.first().copied())
            .flatten()
    }

    /// Selects only this node.
    pub fn set_node(&mut self, id: NodeId) {
        self.nodes.clear();
        self.edges.clear();
        self.nodes.insert(id);
    }

    /// Selects only this arrow.
    pub fn set_edge(&mut self, id: EdgeId) {
        self.nodes.clear();
        self.edges.clear();
        self.edges.insert(id);
    }

    /// Clears the selection.
    pub fn clear(&mut self) {
        self.nodes.clear();
        self.edges.clear();
    }
}

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

/// Alignment of several nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Left edges in line.
    Left,
    /// Centres in a vertical line.
    CentreHorizontally,
    /// Right edges in line.
    Right,
    /// Top edges in line.
    Top,
    /// Centres in a horizontal line.
    CentreVertically,
    /// Bottom edges in line.
    Bottom,
}

/// The open document, its undo history, where it lives and what is selected.
pub struct Editor {
    /// The document.
    pub doc: Document,
    /// Its undo history.
    pub history: History,
    /// Where it came from.
    pub origin: Origin,
    /// What is selected.
    pub selection: Selection,
    /// Counts every change, so views can tell when to rebuild.
    pub revision: u64,
    /// A short message for the status bar (what just happened, or what went wrong).
    pub status: String,
}

impl Editor {
    /// An editor for a document.
    pub fn new(doc: Document, origin: Origin) -> Self {
        let mut history = History::new();
        if origin == Origin::Example {
            history.mark_unsaved();
        }
        Self {
            doc,
            history,
            origin,
            selection: Selection::default(),
            revision: 0,
            status: String::new(),
        }
    }

    /// True when there are changes not yet saved (the example always counts as unsaved
    /// once changed; opening it alone does not).
    pub fn is_dirty(&self) -> bool {
        match self.origin {
            Origin::Example => self.history.undo_len() > 0 || self.history.in_transaction(),
            _ => self.history.is_dirty(),
        }
    }

    /// The name shown in the title bar.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::Untitled => "Untitled".into(),
            Origin::Example => "Example: Figure 2, holding (Westlake et al. 2024)".into(),
            Origin::File(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
        }
    }

    /// The window title: file name, an unsaved mark, and the program.
    pub fn window_title(&self) -> String {
        let mark = if self.is_dirty() { "● " } else { "" };
        format!("{mark}{} — CMOC Canvas", self.display_name())
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
        let doc = &self.doc;
        self.selection.nodes.retain(|id| doc.node(*id).is_some());
        self.selection.edges.retain(|id| doc.edge(*id).is_some());
    }

    /// Applies an edit as one undo step; a failure becomes the status message.
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>) -> bool {
        let result = self.history.apply(&mut self.doc, edit, label);
        self.after(result)
    }

    /// Applies an edit that merges with the previous one of the same `key` (typing).
    pub fn apply_merging(&mut self, edit: Edit, label: impl Into<String>, key: String) -> bool {
        let result = self.history.apply_merging(&mut self.doc, edit, label, key);
        self.after(result)
    }

    fn after(&mut self, result: Result<(), crate::edit::EditError>) -> bool {
        match result {
            Ok(()) => {
                self.changed();
                true
            }
            Err(e) => {
                self.status = format!("Could not change the diagram: {e}.");
                false
            }
        }
    }

    /// Undoes the last step.
    pub fn undo(&mut self) {
        match self.history.undo(&mut self.doc) {
            Ok(Some(label)) => self.status = format!("Undid: {label}"),
            Ok(None) => self.status = "Nothing to undo.".into(),
            Err(e) => self.status = format!("Could not undo: {e}."),
        }
        self.changed();
    }

    /// Redoes the last undone step.
    pub fn redo(&mut self) {
        match self.history.redo(&mut self.doc) {
            Ok(Some(label)) => self.status = format!("Redid: {label}"),
            Ok(None) => self.status = "Nothing to redo.".into(),
            Err(e) => self.status = format!("Could not redo: {e}."),
        }
        self.changed();
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

    /// Adds a node of `kind` centred on `at`; a CMOC card gets the next free number.
    pub fn add_node(&mut self, kind: NodeKind, at: Point) -> Option<NodeId> {
        let number = self.doc.next_cmoc_number();
        let id = self.doc.new_node_id();
        let size = kind.default_size();
        let position = Point::new(at.x - size.width / 2.0, at.y - size.height / 2.0).rounded();
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

    /// The selected nodes (and the arrows between them) as clipboard text.
    pub fn copy_selection(&self) -> Option<String> {
        if self.selection.nodes.is_empty() {
            return None;
        }
        let nodes: Vec<Node> = self
            .doc
            .nodes()
            .filter(|n| self.selection.nodes.contains(&n.id))
            .cloned()
            .collect();
        let edges: Vec<Edge> = self
            .doc
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
            .doc
            .cmoc_cards()
            .map(|(_, c)| (c.number, c.polarity))
            .collect();
        let mut next_number = self.doc.next_cmoc_number();
        let mut edits = Vec::new();
        for mut node in payload.nodes {
            let id = self.doc.new_node_id();
            ids.insert(node.id, id);
            node.id = id;
            node.position = node.position.offset(offset.0, offset.1).rounded();
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
            edge.id = self.doc.new_edge_id();
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

    /// Moves the selection to the front (`front`) or back of the drawing order.
    pub fn reorder_selection(&mut self, front: bool) {
        let count = self.doc.node_count();
        let mut ids: Vec<NodeId> = self
            .doc
            .nodes()
            .map(|n| n.id)
            .filter(|id| self.selection.nodes.contains(id))
            .collect();
        if ids.is_empty() {
            return;
        }
        let edits: Vec<Edit> = if front {
            ids.iter()
                .map(|&id| Edit::Reorder { id, index: count })
                .collect()
        } else {
            ids.reverse();
            ids.iter()
                .map(|&id| Edit::Reorder { id, index: 0 })
                .collect()
        };
        let what = self.describe_nodes(&self.selection.nodes.clone());
        let label = if front {
            format!("Bring {what} to front")
        } else {
            format!("Send {what} to back")
        };
        self.apply(Edit::Batch(edits), label);
    }

    /// Lines up the selected nodes.
    pub fn align_selection(&mut self, align: Align) {
        let nodes: Vec<&Node> = self
            .selection
            .nodes
            .iter()
            .filter_map(|id| self.doc.node(*id))
            .collect();
        if nodes.len() < 2 {
            self.status = "Select two or more nodes to align them.".into();
            return;
        }
        let rects: Vec<_> = nodes.iter().map(|n| n.rect()).collect();
        let min_x = rects.iter().map(|r| r.min.x).fold(f32::INFINITY, f32::min);
        let max_x = rects
            .iter()
            .map(|r| r.max.x)
            .fold(f32::NEG_INFINITY, f32::max);
        let min_y = rects.iter().map(|r| r.min.y).fold(f32::INFINITY, f32::min);
        let max_y = rects
            .iter()
            .map(|r| r.max.y)
            .fold(f32::NEG_INFINITY, f32::max);
        let moves = nodes
            .iter()
            .map(|n| {
                let (w, h) = (n.size.width, n.size.height);
                let p = n.position;
                let to = match align {
                    Align::Left => Point::new(min_x, p.y),
                    Align::Right => Point::new(max_x - w, p.y),
                    Align::CentreHorizontally => Point::new((min_x + max_x - w) / 2.0, p.y),
                    Align::Top => Point::new(p.x, min_y),
                    Align::Bottom => Point::new(p.x, max_y - h),
                    Align::CentreVertically => Point::new(p.x, (min_y + max_y - h) / 2.0),
                };
                (n.id, to.rounded())
            })
            .collect();
        let count = nodes.len();
        self.apply(Edit::MoveNodes { moves }, format!("Align {count} nodes"));
    }

    /// Spaces the selected nodes evenly, left to right (`horizontal`) or top to bottom.
    pub fn distribute_selection(&mut self, horizontal: bool) {
        let mut nodes: Vec<&Node> = self
            .selection
            .nodes
            .iter()
            .filter_map(|id| self.doc.node(*id))
            .collect();
        if nodes.len() < 3 {
            self.status = "Select three or more nodes to distribute them.".into();
            return;
        }
        let key = |n: &&Node| {
            if horizontal {
                n.position.x
            } else {
                n.position.y
            }
        };
        nodes.sort_by(|a, b| key(a).total_cmp(&key(b)));
        let extent = |n: &Node| {
            if horizontal {
                n.size.width
            } else {
                n.size.height
            }
        };
        let first = key(&nodes[0]);
        let last = nodes.last().map(|n| key(n) + extent(n)).unwrap_or(first);
        let total: f32 = nodes.iter().map(|n| extent(n)).sum();
        let gap = (last - first - total) / (nodes.len() - 1) as f32;
        let mut at = first;
        let moves = nodes
            .iter()
            .map(|n| {
                let to = if horizontal {
                    Point::new(at, n.position.y)
                } else {
                    Point::new(n.position.x, at)
                };
                at += extent(n) + gap;
                (n.id, to.rounded())
            })
            .collect();
        let count = nodes.len();
        self.apply(
            Edit::MoveNodes { moves },
            format!("Distribute {count} nodes"),
        );
    }

    /// Adds a comment to a node or arrow.
    pub fn add_comment(
        &mut self,
        target: Target,
        author: &str,
        text: &str,
    ) -> Option<AnnotationId> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let id = self.doc.new_annotation_id();
        let annotation = Annotation {
            id,
            target,
            author: author.trim().to_string(),
            created: Timestamp::now(),
            text: text.to_string(),
            resolved: false,
        };
        self.apply(
            Edit::AddAnnotation {
                annotation,
                index: None,
            },
            "Add comment",
        )
        .then_some(id)
    }

    /// Marks a comment resolved or open.
    pub fn set_resolved(&mut self, id: AnnotationId, resolved: bool) {
        let label = if resolved {
            "Resolve comment"
        } else {
            "Reopen comment"
        };
        self.apply(Edit::SetResolved { id, resolved }, label);
    }

    /// Deletes a comment.
    pub fn delete_comment(&mut self, id: AnnotationId) {
        self.apply(Edit::RemoveAnnotation { id }, "Delete comment");
    }
}
