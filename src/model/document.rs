//! The programme theory document: metadata, nodes in drawing order, arrows and comments.

use super::annotation::{Annotation, Target};
use super::changes::{Change, ChangeLog, Changes, Stamp};
use super::edge::Edge;
use super::geometry::Rect;
use super::geometry::{Point, Size};
use super::ids::{AnnotationId, EdgeId, NodeId};
use super::node::{CmocCard, Node, NodeKind, Polarity};
use super::time::Timestamp;
use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// Who made the diagram, what it is and where it was published.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The diagram's title.
    #[serde(default)]
    pub title: String,
    /// Authors, one name each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// What the programme theory is about.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The publication the diagram comes from or belongs to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub citation: String,
    /// When the document was first made.
    #[serde(default)]
    pub created: Timestamp,
    /// When the document was last saved.
    #[serde(default)]
    pub modified: Timestamp,
}

/// A whole programme theory diagram.
///
/// Nodes are kept in drawing order (first drawn first, i.e. at the back). Only
/// [`crate::edit::Edit`]s change a document, so every change can be undone.
#[derive(Clone, Debug, Default)]
pub struct Document {
    metadata: Metadata,
    nodes: IndexMap<NodeId, Node, FxBuildHasher>,
    edges: IndexMap<EdgeId, Edge, FxBuildHasher>,
    annotations: IndexMap<AnnotationId, Annotation, FxBuildHasher>,
    /// The next unused id number, shared by nodes, arrows and comments. Handing out an id
    /// changes no content, so it works through a shared reference.
    next_id: std::cell::Cell<u64>,
    /// Recent changes, for views that update incrementally.
    log: ChangeLog,
    /// For each CMOC number, the cards that carry it (validation and Find look numbers up).
    numbers: HashMap<u32, Vec<NodeId>>,
    /// How many CMOC cards there are.
    cards: usize,
}

/// Documents are equal when their content is, including the order of nodes; the id allocator
/// is not content (undoing an addition does not make its id free again).
impl PartialEq for Document {
    fn eq(&self, other: &Self) -> bool {
        self.metadata == other.metadata
            && self.nodes.iter().eq(other.nodes.iter())
            && self.edges.iter().eq(other.edges.iter())
            && self.annotations.iter().eq(other.annotations.iter())
    }
}

/// Something the loader had to repair to open a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    /// What was wrong and what was done about it, in plain words.
    pub message: String,
}

impl Document {
    /// An empty document with a title.
    pub fn new(title: impl Into<String>) -> Self {
        let now = Timestamp::now();
        Self {
            metadata: Metadata {
                title: title.into(),
                created: now,
                modified: now,
                ..Metadata::default()
            },
            next_id: std::cell::Cell::new(1),
            ..Self::default()
        }
    }

    /// Builds a document from loaded parts. Items with an id already taken get a fresh id,
    /// and each such repair is reported; nothing is dropped.
    pub fn from_parts(
        metadata: Metadata,
        nodes: Vec<Node>,
        edges: Vec<Edge>,
        annotations: Vec<Annotation>,
    ) -> (Self, Vec<Repair>) {
        let max_id = nodes
            .iter()
            .map(|n| n.id.0)
            .chain(edges.iter().map(|e| e.id.0))
            .chain(annotations.iter().map(|a| a.id.0))
            .max()
            .unwrap_or(0);
        let mut doc = Self {
            metadata,
            next_id: std::cell::Cell::new(max_id.saturating_add(1).max(1)),
            ..Self::default()
        };
        let mut repairs = Vec::new();
        for mut node in nodes {
            if doc.nodes.contains_key(&node.id) {
                let old = node.id;
                node.id = NodeId(doc.allocate_id());
                repairs.push(Repair {
                    message: format!(
                        "Two nodes had the id {}; the second ({}) now has id {}. Arrows and comments that named id {} stay on the first.",
                        old.0,
                        node.label(),
                        node.id.0,
                        old.0
                    ),
                });
            }
            doc.index_number(&node);
            doc.nodes.insert(node.id, node);
        }
        for mut edge in edges {
            if doc.edges.contains_key(&edge.id) {
                let old = edge.id;
                edge.id = EdgeId(doc.allocate_id());
                repairs.push(Repair {
                    message: format!(
                        "Two arrows had the id {}; the second now has id {}.",
                        old.0, edge.id.0
                    ),
                });
            }
            doc.edges.insert(edge.id, edge);
        }
        for mut annotation in annotations {
            if doc.annotations.contains_key(&annotation.id) {
                let old = annotation.id;
                annotation.id = AnnotationId(doc.allocate_id());
                repairs.push(Repair {
                    message: format!(
                        "Two comments had the id {}; the second now has id {}.",
                        old.0, annotation.id.0
                    ),
                });
            }
            doc.annotations.insert(annotation.id, annotation);
        }
        (doc, repairs)
    }

    /// Reserves a fresh id number (for a node, arrow or comment about to be added).
    pub fn allocate_id(&self) -> u64 {
        let id = self.next_id.get().max(1);
        self.next_id.set(id.saturating_add(1));
        id
    }

    /// A fresh node id.
    pub fn new_node_id(&self) -> NodeId {
        NodeId(self.allocate_id())
    }

    /// A fresh arrow id.
    pub fn new_edge_id(&self) -> EdgeId {
        EdgeId(self.allocate_id())
    }

    /// A fresh comment id.
    pub fn new_annotation_id(&self) -> AnnotationId {
        AnnotationId(self.allocate_id())
    }

    /// Makes sure ids up to `id` are never handed out again (after inserting a given id).
    fn reserve_id(&mut self, id: u64) {
        if id >= self.next_id.get() {
            self.next_id.set(id.saturating_add(1));
        }
    }

    /// Title, authors and dates.
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// Records the save time; not an undoable edit, as saving is not a change of content.
    pub fn touch_modified(&mut self, when: Timestamp) {
        self.metadata.modified = when;
    }

    /// All nodes in drawing order (back to front).
    pub fn nodes(&self) -> impl DoubleEndedIterator<Item = &Node> + ExactSizeIterator {
        self.nodes.values()
    }

    /// All arrows in the order they were made.
    pub fn edges(&self) -> impl DoubleEndedIterator<Item = &Edge> + ExactSizeIterator {
        self.edges.values()
    }

    /// All comments in the order they were written.
    pub fn annotations(&self) -> impl DoubleEndedIterator<Item = &Annotation> + ExactSizeIterator {
        self.annotations.values()
    }

    /// The node with this id.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(&id)
    }

    /// The arrow with this id.
    pub fn edge(&self, id: EdgeId) -> Option<&Edge> {
        self.edges.get(&id)
    }

    /// The comment with this id.
    pub fn annotation(&self, id: AnnotationId) -> Option<&Annotation> {
        self.annotations.get(&id)
    }

    /// The drawing-order position of a node (0 is at the back).
    pub fn node_index(&self, id: NodeId) -> Option<usize> {
        self.nodes.get_index_of(&id)
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Number of CMOC cards.
    pub fn card_count(&self) -> usize {
        self.cards
    }

    /// Number of arrows.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// Number of comments.
    pub fn annotation_count(&self) -> usize {
        self.annotations.len()
    }

    /// Every CMOC card with its node, in drawing order.
    pub fn cmoc_cards(&self) -> impl Iterator<Item = (&Node, &CmocCard)> {
        self.nodes
            .values()
            .filter_map(|n| n.content.cmoc().map(|card| (n, card)))
    }

    /// Finds the card with this number and polarity.
    pub fn find_cmoc(&self, number: u32, polarity: Polarity) -> Option<&Node> {
        self.cards_numbered(number)
            .find(|(_, c)| c.polarity == polarity)
            .map(|(n, _)| n)
    }

    /// The cards carrying this CMOC number (both polarities), without looking at every node.
    pub fn cards_numbered(&self, number: u32) -> impl Iterator<Item = (&Node, &CmocCard)> {
        self.numbers
            .get(&number)
            .into_iter()
            .flatten()
            .filter_map(|id| self.nodes.get(id))
            .filter_map(|n| n.content.cmoc().map(|card| (n, card)))
    }

    /// Where this document stands, for views that update incrementally.
    pub fn stamp(&self) -> Stamp {
        self.log.stamp()
    }

    /// What changed since `stamp` (from [`Document::stamp`]).
    pub fn changes_since(&self, stamp: Stamp) -> Changes {
        self.log.since(stamp)
    }

    /// The smallest CMOC number above every number in use (1 for an empty document).
    pub fn next_cmoc_number(&self) -> u32 {
        self.cmoc_cards()
            .map(|(_, c)| c.number)
            .max()
            .map_or(1, |n| n.saturating_add(1))
    }

    /// Arrows that start or end at `node`.
    pub fn edges_touching(&self, node: NodeId) -> impl Iterator<Item = &Edge> {
        self.edges
            .values()
            .filter(move |e| e.from == node || e.to == node)
    }

    /// Comments on `target`, oldest first.
    pub fn annotations_on(&self, target: Target) -> impl Iterator<Item = &Annotation> {
        self.annotations
            .values()
            .filter(move |a| a.target == target)
    }

    /// How many comments on `target` are still open.
    pub fn unresolved_count(&self, target: Target) -> usize {
        self.annotations_on(target).filter(|a| !a.resolved).count()
    }

    /// Counts of nodes per kind.
    pub fn count_kind(&self, kind: NodeKind) -> usize {
        self.nodes.values().filter(|n| n.kind() == kind).count()
    }

    /// The rectangle holding every node, or `None` for an empty document.
    pub fn bounds(&self) -> Option<Rect> {
        self.nodes
            .values()
            .map(Node::rect)
            .reduce(|a, b| a.union(&b))
    }

    // The only ways to change a document. They are for `crate::edit` (and loading), so every
    // change is an undoable `Edit`; each records what it touched.

    fn index_number(&mut self, node: &Node) {
        if let Some(card) = node.content.cmoc() {
            self.numbers.entry(card.number).or_default().push(node.id);
            self.cards += 1;
        }
    }

    fn unindex_number(&mut self, node: &Node) {
        if let Some(card) = node.content.cmoc()
            && let Some(ids) = self.numbers.get_mut(&card.number)
        {
            let before = ids.len();
            ids.retain(|id| *id != node.id);
            self.cards -= before - ids.len();
            if ids.is_empty() {
                self.numbers.remove(&card.number);
            }
        }
    }

    /// Inserts a node with an unused id at a drawing-order position (`None`: in front).
    /// Refuses (with the id) when its id is taken.
    pub(crate) fn insert_node(&mut self, node: Node, index: Option<usize>) -> Result<(), NodeId> {
        if self.nodes.contains_key(&node.id) {
            return Err(node.id);
        }
        let index = index.unwrap_or(self.nodes.len()).min(self.nodes.len());
        self.reserve_id(node.id.0);
        self.index_number(&node);
        self.log.record(Change::Node(node.id));
        self.log.record(Change::Structure);
        self.nodes.shift_insert(index, node.id, node);
        Ok(())
    }

    /// Removes a node (only the node), returning its drawing-order position and the node.
    pub(crate) fn take_node(&mut self, id: NodeId) -> Option<(usize, Node)> {
        let (index, _, node) = self.nodes.shift_remove_full(&id)?;
        self.unindex_number(&node);
        self.log.record(Change::Node(id));
        self.log.record(Change::Structure);
        Some((index, node))
    }

    /// Replaces the node with the same id, returning the old one.
    pub(crate) fn replace_node(&mut self, node: Node) -> Option<Node> {
        let slot = self.nodes.get_mut(&node.id)?;
        let moved_only = slot.content == node.content
            && slot.size == node.size
            && slot.colour == node.colour
            && slot.tags == node.tags;
        let number = |n: &Node| n.content.cmoc().map(|c| c.number);
        let renumbered = number(slot) != number(&node);
        let new_for_index = renumbered.then(|| node.clone());
        let old = std::mem::replace(slot, node);
        let id = old.id;
        if let Some(new) = new_for_index {
            self.unindex_number(&old);
            self.index_number(&new);
        }
        self.log.record(if moved_only {
            Change::Moved(id)
        } else {
            Change::Node(id)
        });
        Some(old)
    }

    /// Moves a node's top-left corner, returning where it was.
    pub(crate) fn set_position(&mut self, id: NodeId, position: Point) -> Option<Point> {
        let node = self.nodes.get_mut(&id)?;
        let old = std::mem::replace(&mut node.position, position);
        self.log.record(Change::Moved(id));
        Some(old)
    }

    /// Gives a node a new position and size, returning the old ones.
    pub(crate) fn set_geometry(
        &mut self,
        id: NodeId,
        position: Point,
        size: Size,
    ) -> Option<(Point, Size)> {
        let node = self.nodes.get_mut(&id)?;
        let old = (node.position, node.size);
        node.position = position;
        node.size = size;
        self.log.record(if old.1 == size {
            Change::Moved(id)
        } else {
            Change::Node(id)
        });
        Some(old)
    }

    /// Sets a card's polarity, returning the old one; `None` if there is no such card.
    pub(crate) fn set_polarity(&mut self, id: NodeId, polarity: Polarity) -> Option<Polarity> {
        let card = self.nodes.get_mut(&id)?.content.cmoc_mut()?;
        let old = std::mem::replace(&mut card.polarity, polarity);
        self.log.record(Change::Node(id));
        Some(old)
    }

    /// Moves a node in the drawing order (clamped), returning its old position.
    pub(crate) fn reorder_node(&mut self, id: NodeId, index: usize) -> Option<usize> {
        let from = self.nodes.get_index_of(&id)?;
        let to = index.min(self.nodes.len().saturating_sub(1));
        self.nodes.move_index(from, to);
        self.log.record(Change::Structure);
        Some(from)
    }

    /// Inserts an arrow with an unused id at a list position; refuses (with the id) if it is taken.
    pub(crate) fn insert_edge(&mut self, edge: Edge, index: Option<usize>) -> Result<(), EdgeId> {
        if self.edges.contains_key(&edge.id) {
            return Err(edge.id);
        }
        let index = index.unwrap_or(self.edges.len()).min(self.edges.len());
        self.reserve_id(edge.id.0);
        self.log.record(Change::Edge(edge.id));
        self.edges.shift_insert(index, edge.id, edge);
        Ok(())
    }

    /// Removes an arrow, returning its list position and the arrow.
    pub(crate) fn take_edge(&mut self, id: EdgeId) -> Option<(usize, Edge)> {
        let (index, _, edge) = self.edges.shift_remove_full(&id)?;
        self.log.record(Change::Edge(id));
        Some((index, edge))
    }

    /// Replaces the arrow with the same id, returning the old one.
    pub(crate) fn replace_edge(&mut self, edge: Edge) -> Option<Edge> {
        let id = edge.id;
        let old = std::mem::replace(self.edges.get_mut(&id)?, edge);
        self.log.record(Change::Edge(id));
        Some(old)
    }

    /// Inserts a comment with an unused id at a list position; refuses (with the id) if it is taken.
    pub(crate) fn insert_annotation(
        &mut self,
        annotation: Annotation,
        index: Option<usize>,
    ) -> Result<(), AnnotationId> {
        if self.annotations.contains_key(&annotation.id) {
            return Err(annotation.id);
        }
        let index = index
            .unwrap_or(self.annotations.len())
            .min(self.annotations.len());
        self.reserve_id(annotation.id.0);
        self.log.record(Change::Comments(annotation.target));
        self.annotations
            .shift_insert(index, annotation.id, annotation);
        Ok(())
    }

    /// Removes a comment, returning its list position and the comment.
    pub(crate) fn take_annotation(&mut self, id: AnnotationId) -> Option<(usize, Annotation)> {
        let (index, _, annotation) = self.annotations.shift_remove_full(&id)?;
        self.log.record(Change::Comments(annotation.target));
        Some((index, annotation))
    }

    /// Replaces the comment with the same id, returning the old one.
    pub(crate) fn replace_annotation(&mut self, annotation: Annotation) -> Option<Annotation> {
        let target = annotation.target;
        let old = std::mem::replace(self.annotations.get_mut(&annotation.id)?, annotation);
        self.log.record(Change::Comments(old.target));
        self.log.record(Change::Comments(target));
        Some(old)
    }

    /// Marks a comment resolved or open, returning the old flag.
    pub(crate) fn set_resolved(&mut self, id: AnnotationId, resolved: bool) -> Option<bool> {
        let annotation = self.annotations.get_mut(&id)?;
        let old = std::mem::replace(&mut annotation.resolved, resolved);
        let target = annotation.target;
        self.log.record(Change::Comments(target));
        Some(old)
    }

    /// Replaces the metadata, returning the old one.
    pub(crate) fn replace_metadata(&mut self, metadata: Metadata) -> Metadata {
        self.log.record(Change::Metadata);
        std::mem::replace(&mut self.metadata, metadata)
    }
}
