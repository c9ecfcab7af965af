//! The programme theory document: metadata, nodes in drawing order, arrows and comments.

mod mutate;
mod versions;

use super::annotation::{Annotation, Target};
use super::changes::{ChangeLog, Changes, Stamp};
use super::edge::{ArrowStyle, Edge};
use super::geometry::Rect;
use super::ids::{AnnotationId, EdgeId, NodeId};
use super::node::{CmocCard, Node, NodeKind, Polarity};
use super::scenario::data::Scenario;
use super::time::Timestamp;
use super::workshop::Workshop;
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
    /// How the diagram's arrows are drawn (format version 4).
    #[serde(default, skip_serializing_if = "ArrowStyle::is_curved")]
    pub arrows: ArrowStyle,
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
    /// The presentation path and the record of workshop sessions.
    workshop: Workshop,
    /// "What if" scenarios for the IF-conditions.
    scenarios: Vec<Scenario>,
    /// Named versions of the theory, oldest first.
    versions: Vec<super::version::Version>,
    /// Merge conflicts left to resolve.
    conflicts: Vec<super::Conflict>,
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
            && self.workshop == other.workshop
            && self.scenarios == other.scenarios
            && self.versions == other.versions
            && self.conflicts == other.conflicts
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
            repairs.extend(
                node.repair_geometry()
                    .into_iter()
                    .map(|message| Repair { message }),
            );
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

    /// Reserves a fresh id number (for a node, arrow or comment about to be added): never one
    /// in use, and never the same twice. Ids count up; a file whose ids reach the top of the
    /// range (`u64::MAX`) makes the count continue from the lowest free number.
    pub fn allocate_id(&self) -> u64 {
        let mut id = self.next_id.get().max(1);
        loop {
            if id == u64::MAX {
                id = self.lowest_free_id();
            }
            if !self.id_in_use(id) {
                break;
            }
            id += 1;
        }
        // `id` is below u64::MAX here, so this cannot overflow.
        self.next_id.set(id + 1);
        id
    }

    /// Moves where new ids start to `offset` past the highest id in use (never back). Two
    /// people editing copies of one file each start at their own random offset, so the new
    /// cards they add rarely share an id (a merge repairs those that do).
    pub fn spread_new_ids(&self, offset: u64) {
        let start = self.next_id.get().saturating_add(offset);
        if start < u64::MAX {
            self.next_id.set(start);
        }
    }

    fn id_in_use(&self, id: u64) -> bool {
        self.nodes.contains_key(&NodeId(id))
            || self.edges.contains_key(&EdgeId(id))
            || self.annotations.contains_key(&AnnotationId(id))
    }

    /// The smallest id above zero that nothing uses.
    fn lowest_free_id(&self) -> u64 {
        let mut used: Vec<u64> = self
            .nodes
            .keys()
            .map(|i| i.0)
            .chain(self.edges.keys().map(|i| i.0))
            .chain(self.annotations.keys().map(|i| i.0))
            .collect();
        used.sort_unstable();
        used.dedup();
        let mut candidate = 1;
        for id in used {
            if id == candidate {
                candidate += 1;
            } else if id > candidate {
                break;
            }
        }
        candidate
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

    /// The presentation path and the record of workshop sessions.
    pub fn workshop(&self) -> &Workshop {
        &self.workshop
    }

    /// Gives a freshly loaded document its workshop part (not an edit: used while building).
    /// Ids its path names are never handed out to new nodes (a step naming a node deleted
    /// before saving must not come to show a node added after opening).
    pub fn with_workshop(mut self, workshop: Workshop) -> Self {
        let named: Vec<u64> = workshop
            .path
            .iter()
            .flatten()
            .flat_map(|step| step.nodes().iter().map(|id| id.0))
            .collect();
        for id in named {
            self.reserve_id(id);
        }
        self.workshop = workshop;
        self
    }

    /// Gives a freshly loaded document its scenarios (not an edit: used while building).
    /// Ids its scenarios name are never handed out to new nodes (a condition or override
    /// naming a node deleted before saving must not come to apply to a node added later).
    pub fn with_scenarios(mut self, scenarios: Vec<Scenario>) -> Self {
        let named: Vec<u64> = scenarios
            .iter()
            .flat_map(|s| s.conditions.keys().chain(s.overrides.keys()).map(|id| id.0))
            .collect();
        for id in named {
            self.reserve_id(id);
        }
        self.scenarios = scenarios;
        self
    }

    /// The "what if" scenarios, in the order they were made.
    pub fn scenarios(&self) -> &[Scenario] {
        &self.scenarios
    }

    /// The scenario with this name: the one named exactly so (outer spaces aside), else the
    /// only one whose name matches ignoring case. Two that match only ignoring case give none:
    /// the caller should ask for the exact name.
    pub fn scenario(&self, name: &str) -> Option<&Scenario> {
        let name = name.trim();
        if let Some(exact) = self.scenarios.iter().find(|s| s.name.trim() == name) {
            return Some(exact);
        }
        let lower = name.to_lowercase();
        let mut loose = self
            .scenarios
            .iter()
            .filter(|s| s.name.trim().to_lowercase() == lower);
        match (loose.next(), loose.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// Keeps the record of a workshop session. Like the save time, a record of what happened
    /// is not a change to the theory and is not undone: undoing a change made in the session
    /// must not erase the record that the session took place.
    pub fn record_session(&mut self, session: super::workshop::Session) {
        self.log.record(super::changes::Change::Metadata);
        self.workshop.sessions.push(session);
    }

    /// Brings the record of session `index` up to date (see [`Document::record_session`]);
    /// false when there is no such session.
    pub fn update_session(&mut self, index: usize, session: super::workshop::Session) -> bool {
        match self.workshop.sessions.get_mut(index) {
            Some(old) if *old == session => true,
            Some(old) => {
                *old = session;
                self.log.record(super::changes::Change::Metadata);
                true
            }
            None => false,
        }
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

    /// How many workshop groups agree, are not sure, and disagree with `target`.
    pub fn reaction_counts(&self, target: Target) -> [usize; 3] {
        let mut counts = [0; 3];
        for r in self.annotations_on(target).filter_map(|a| a.reaction) {
            counts[r.index()] += 1;
        }
        counts
    }

    /// How many comments on `target` are still open.
    pub fn unresolved_count(&self, target: Target) -> usize {
        self.annotations_on(target)
            .filter(|a| a.is_open_comment())
            .count()
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
}
