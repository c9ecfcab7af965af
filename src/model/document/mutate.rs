//! The only ways to change a document. They are for `crate::edit` (and loading), so every
//! change is an undoable `Edit`; each records in the change log what it touched, and keeps the
//! CMOC-number index up to date.

use super::{Document, Metadata};
use crate::model::PathStep;
use crate::model::annotation::Annotation;
use crate::model::changes::Change;
use crate::model::edge::Edge;
use crate::model::geometry::{Point, Size};
use crate::model::ids::{AnnotationId, EdgeId, NodeId};
use crate::model::node::{Node, Polarity};

impl Document {
    pub(super) fn index_number(&mut self, node: &Node) {
        if let Some(card) = node.content.cmoc() {
            self.numbers.entry(card.number).or_default().push(node.id);
            self.cards += 1;
        }
    }

    pub(super) fn unindex_number(&mut self, node: &Node) {
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
            && slot.tags == node.tags
            && slot.plain == node.plain
            && slot.pinned == node.pinned;
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

    /// Replaces the scenarios, returning the old ones.
    pub(crate) fn replace_scenarios(
        &mut self,
        scenarios: Vec<crate::model::Scenario>,
    ) -> Vec<crate::model::Scenario> {
        self.log.record(Change::Structure);
        std::mem::replace(&mut self.scenarios, scenarios)
    }

    /// Replaces the presentation path, returning the old one.
    pub(crate) fn replace_path(&mut self, path: Option<Vec<PathStep>>) -> Option<Vec<PathStep>> {
        self.log.record(Change::Metadata);
        std::mem::replace(&mut self.workshop.path, path)
    }
}
