//! A convenient way for scripts and importers to build a diagram. Every call goes through an
//! [`Edit`], so a built document is exactly what the editor would have made.

use super::Edit;
use crate::model::{
    Annotation, AnnotationId, Branch, CmocCard, Document, Edge, EdgeId, Metadata, Node,
    NodeContent, NodeId, Point, Size, Target, Timestamp,
};

/// Builds a document step by step: add nodes, connect them, comment on them.
#[derive(Debug)]
pub struct DiagramBuilder {
    doc: Document,
}

impl DiagramBuilder {
    /// Starts an empty document with a title.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            doc: Document::new(title),
        }
    }

    fn apply(&mut self, edit: Edit) {
        // Builders only add items with fresh ids, which cannot fail.
        let result = edit.apply(&mut self.doc);
        debug_assert!(result.is_ok(), "{result:?}");
    }

    /// Sets title, authors, description and citation (dates are kept).
    pub fn metadata(&mut self, change: impl FnOnce(&mut Metadata)) -> &mut Self {
        let mut metadata = self.doc.metadata().clone();
        change(&mut metadata);
        self.apply(Edit::SetMetadata {
            metadata: Box::new(metadata),
        });
        self
    }

    /// Adds a node of any kind with its top-left corner at `at`; `size` overrides the
    /// kind's default size.
    pub fn node(&mut self, content: NodeContent, at: Point, size: Option<Size>) -> NodeId {
        let id = self.doc.new_node_id();
        let mut node = Node::new(id, content, at);
        if let Some(size) = size {
            node.size = size;
        }
        self.apply(Edit::AddNode { node, index: None });
        id
    }

    /// Adds a CMOC card.
    pub fn cmoc(&mut self, card: CmocCard, at: Point, size: Option<Size>) -> NodeId {
        self.node(NodeContent::Cmoc(card), at, size)
    }

    /// Adds a "leads to" arrow.
    pub fn connect(&mut self, from: NodeId, to: NodeId) -> EdgeId {
        self.edge(from, to, |_| {})
    }

    /// Adds an arrow and lets `change` set its label, effect or branch.
    pub fn edge(&mut self, from: NodeId, to: NodeId, change: impl FnOnce(&mut Edge)) -> EdgeId {
        let id = self.doc.new_edge_id();
        let mut edge = Edge::new(id, from, to);
        change(&mut edge);
        self.apply(Edit::AddEdge { edge, index: None });
        id
    }

    /// Adds a yes/no arrow leaving a condition.
    pub fn branch(&mut self, condition: NodeId, to: NodeId, branch: Branch, label: &str) -> EdgeId {
        self.edge(condition, to, |e| {
            e.branch = Some(branch);
            e.label = label.to_string();
        })
    }

    /// Adds a comment to a node or arrow.
    pub fn comment(
        &mut self,
        target: Target,
        author: &str,
        created: Timestamp,
        text: &str,
    ) -> AnnotationId {
        let id = self.doc.new_annotation_id();
        self.apply(Edit::AddAnnotation {
            annotation: Annotation {
                id,
                target,
                author: author.into(),
                created,
                text: text.into(),
                resolved: false,
                reaction: None,
                reply_to: None,
                phone: None,
            },
            index: None,
        });
        id
    }

    /// The document built so far.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The finished document.
    pub fn finish(self) -> Document {
        self.doc
    }
}
