//! Edits: the only way to change a [`Document`]. Applying an edit returns its inverse, so the
//! [`History`] can undo and redo anything the canvas, panels, command line or tests do.

mod builder;
mod history;
mod layered;
mod restore;
mod synthetic;
mod tidy;

pub use builder::DiagramBuilder;
pub use history::{History, MergeKey};
pub use layered::LayeredLayout;
pub use restore::restore_edit;
pub use synthetic::{linked_diagram, synthetic_diagram};
pub use tidy::{Group, Layered, TIDY_SPACING, tidy_edit};

use crate::model::{
    Annotation, AnnotationId, Document, Edge, EdgeId, Metadata, Node, NodeId, PathStep, Point,
    Polarity, Scenario, Size, Target,
};
use thiserror::Error;

/// Why an edit could not be applied. The document is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// The edit names a node that is not in the document.
    #[error("{0} is not in the document (it may have been deleted)")]
    MissingNode(NodeId),
    /// The edit names an arrow that is not in the document.
    #[error("{0} is not in the document (it may have been deleted)")]
    MissingEdge(EdgeId),
    /// The edit names a comment that is not in the document.
    #[error("{0} is not in the document (it may have been deleted)")]
    MissingAnnotation(AnnotationId),
    /// The edit would add something whose id is already used.
    #[error("id {0} is already used in the document")]
    IdInUse(u64),
    /// The edit names a saved version that is not in the document.
    #[error("there is no saved version number {} in the document", .0 + 1)]
    MissingVersion(usize),
    /// A polarity change was asked of a node that is not a CMOC card.
    #[error("{0} is not a CMOC card, so it has no polarity")]
    NotACmoc(NodeId),
}

/// One change to a document. `apply` performs it and returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds a node at a drawing-order position (`None`: in front of everything).
    AddNode {
        /// The node, with an id not yet in the document.
        node: Node,
        /// Drawing-order position; `None` puts it in front.
        index: Option<usize>,
    },
    /// Removes a node together with its arrows and the comments on them.
    RemoveNode {
        /// The node to remove.
        id: NodeId,
    },
    /// Replaces a node's content, geometry, colour and tags (matched by id).
    ReplaceNode {
        /// The new state of the node.
        node: Node,
    },
    /// Moves nodes to new top-left positions.
    MoveNodes {
        /// Each node and where it goes.
        moves: Vec<(NodeId, Point)>,
    },
    /// Gives a node a new position and size (resizing from any corner moves it too).
    ResizeNode {
        /// The node.
        id: NodeId,
        /// New top-left corner.
        position: Point,
        /// New size.
        size: Size,
    },
    /// Sets a CMOC card's polarity.
    SetPolarity {
        /// The card.
        id: NodeId,
        /// Positive or negative.
        polarity: Polarity,
    },
    /// Moves a node to another drawing-order position (front/back).
    Reorder {
        /// The node.
        id: NodeId,
        /// The new position, clamped to the document.
        index: usize,
    },
    /// Adds an arrow at a position in the arrow list (`None`: at the end).
    AddEdge {
        /// The arrow, with an id not yet in the document.
        edge: Edge,
        /// Position in the list; `None` appends.
        index: Option<usize>,
    },
    /// Removes an arrow and the comments on it.
    RemoveEdge {
        /// The arrow.
        id: EdgeId,
    },
    /// Replaces an arrow's ends, label, effect and branch (matched by id).
    ReplaceEdge {
        /// The new state of the arrow.
        edge: Edge,
    },
    /// Adds a comment at a position in the comment list (`None`: at the end).
    AddAnnotation {
        /// The comment, with an id not yet in the document.
        annotation: Annotation,
        /// Position in the list; `None` appends.
        index: Option<usize>,
    },
    /// Removes a comment.
    RemoveAnnotation {
        /// The comment.
        id: AnnotationId,
    },
    /// Replaces a comment's text, author, target and resolved flag (matched by id).
    ReplaceAnnotation {
        /// The new state of the comment.
        annotation: Annotation,
    },
    /// Marks a comment resolved or open again.
    SetResolved {
        /// The comment.
        id: AnnotationId,
        /// True to resolve, false to reopen.
        resolved: bool,
    },
    /// Replaces the document's title, authors, description and citation.
    SetMetadata {
        /// The new metadata.
        metadata: Box<Metadata>,
    },
    /// Replaces the "what if" scenarios (creating, renaming, deleting one, or changing its
    /// condition states and overrides).
    SetScenarios {
        /// The new scenarios.
        scenarios: Vec<Scenario>,
    },
    /// Replaces the presentation path (`None`: the path follows the diagram).
    SetPath {
        /// The new path.
        path: Option<Vec<PathStep>>,
    },
    /// Keeps a named version of the theory at a position in the list of versions.
    AddVersion {
        /// The version.
        version: Box<crate::model::Version>,
        /// Its position (past the end: last).
        index: usize,
    },
    /// Removes the version at a position in the list of versions.
    RemoveVersion {
        /// Its position.
        index: usize,
    },
    /// Replaces the list of merge conflicts left to resolve.
    SetConflicts {
        /// The new list.
        conflicts: Vec<crate::model::Conflict>,
    },
    /// Several edits applied in order as one; all or nothing.
    Batch(Vec<Edit>),
}

impl Edit {
    /// The edit that flips a CMOC card between positive and negative.
    pub fn toggle_polarity(doc: &Document, id: NodeId) -> Result<Edit, EditError> {
        let node = doc.node(id).ok_or(EditError::MissingNode(id))?;
        let card = node.content.cmoc().ok_or(EditError::NotACmoc(id))?;
        Ok(Edit::SetPolarity {
            id,
            polarity: card.polarity.toggled(),
        })
    }

    /// Applies the edit and returns its inverse. On error the document is unchanged.
    pub fn apply(self, doc: &mut Document) -> Result<Edit, EditError> {
        match self {
            Edit::AddNode { node, index } => {
                let id = node.id;
                doc.insert_node(node, index)
                    .map_err(|_| EditError::IdInUse(id.0))?;
                Ok(Edit::RemoveNode { id })
            }
            Edit::RemoveNode { id } => remove_node(doc, id),
            Edit::ReplaceNode { node } => {
                let id = node.id;
                let old = doc.replace_node(node).ok_or(EditError::MissingNode(id))?;
                Ok(Edit::ReplaceNode { node: old })
            }
            Edit::MoveNodes { moves } => {
                if let Some((missing, _)) = moves.iter().find(|(id, _)| doc.node(*id).is_none()) {
                    return Err(EditError::MissingNode(*missing));
                }
                let mut inverse = Vec::with_capacity(moves.len());
                for (id, to) in moves {
                    if let Some(from) = doc.set_position(id, to) {
                        inverse.push((id, from));
                    }
                }
                inverse.reverse();
                Ok(Edit::MoveNodes { moves: inverse })
            }
            Edit::ResizeNode { id, position, size } => {
                let (position, size) = doc
                    .set_geometry(id, position, size)
                    .ok_or(EditError::MissingNode(id))?;
                Ok(Edit::ResizeNode { id, position, size })
            }
            Edit::SetPolarity { id, polarity } => {
                let node = doc.node(id).ok_or(EditError::MissingNode(id))?;
                if node.content.cmoc().is_none() {
                    return Err(EditError::NotACmoc(id));
                }
                let old = doc
                    .set_polarity(id, polarity)
                    .ok_or(EditError::NotACmoc(id))?;
                Ok(Edit::SetPolarity { id, polarity: old })
            }
            Edit::Reorder { id, index } => {
                let from = doc
                    .reorder_node(id, index)
                    .ok_or(EditError::MissingNode(id))?;
                Ok(Edit::Reorder { id, index: from })
            }
            Edit::AddEdge { edge, index } => {
                let id = edge.id;
                doc.insert_edge(edge, index)
                    .map_err(|_| EditError::IdInUse(id.0))?;
                Ok(Edit::RemoveEdge { id })
            }
            Edit::RemoveEdge { id } => remove_edge(doc, id),
            Edit::ReplaceEdge { edge } => {
                let id = edge.id;
                let old = doc.replace_edge(edge).ok_or(EditError::MissingEdge(id))?;
                Ok(Edit::ReplaceEdge { edge: old })
            }
            Edit::AddAnnotation { annotation, index } => {
                let id = annotation.id;
                doc.insert_annotation(annotation, index)
                    .map_err(|_| EditError::IdInUse(id.0))?;
                Ok(Edit::RemoveAnnotation { id })
            }
            Edit::RemoveAnnotation { id } => {
                let (index, annotation) = doc
                    .take_annotation(id)
                    .ok_or(EditError::MissingAnnotation(id))?;
                Ok(Edit::AddAnnotation {
                    annotation,
                    index: Some(index),
                })
            }
            Edit::ReplaceAnnotation { annotation } => {
                let id = annotation.id;
                let old = doc
                    .replace_annotation(annotation)
                    .ok_or(EditError::MissingAnnotation(id))?;
                Ok(Edit::ReplaceAnnotation { annotation: old })
            }
            Edit::SetResolved { id, resolved } => {
                let old = doc
                    .set_resolved(id, resolved)
                    .ok_or(EditError::MissingAnnotation(id))?;
                Ok(Edit::SetResolved { id, resolved: old })
            }
            Edit::SetMetadata { metadata } => {
                let old = doc.replace_metadata(*metadata);
                Ok(Edit::SetMetadata {
                    metadata: Box::new(old),
                })
            }
            Edit::SetScenarios { scenarios } => Ok(Edit::SetScenarios {
                scenarios: doc.replace_scenarios(scenarios),
            }),
            Edit::SetConflicts { conflicts } => Ok(Edit::SetConflicts {
                conflicts: doc.replace_conflicts(conflicts),
            }),
            Edit::SetPath { path } => Ok(Edit::SetPath {
                path: doc.replace_path(path),
            }),
            Edit::AddVersion { version, index } => {
                let index = index.min(doc.versions().len());
                doc.insert_version(*version, index);
                Ok(Edit::RemoveVersion { index })
            }
            Edit::RemoveVersion { index } => {
                let version = doc
                    .remove_version(index)
                    .ok_or(EditError::MissingVersion(index))?;
                Ok(Edit::AddVersion {
                    version: Box::new(version),
                    index,
                })
            }
            Edit::Batch(edits) => apply_all(doc, edits).map(Edit::Batch),
        }
    }

    /// True when applying the edit would change nothing (an empty batch or move list).
    pub fn is_empty(&self) -> bool {
        match self {
            Edit::Batch(edits) => edits.iter().all(Edit::is_empty),
            Edit::MoveNodes { moves } => moves.is_empty(),
            _ => false,
        }
    }
}

/// Applies `edits` in order, all or nothing, and returns the inverse edits in the order that
/// undoes them (last first).
pub(crate) fn apply_all(doc: &mut Document, edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
    let mut inverses: Vec<Edit> = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(doc) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                roll_back(doc, inverses);
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(inverses)
}

/// Undoes already-applied edits given their inverses in application order.
fn roll_back(doc: &mut Document, inverses: Vec<Edit>) {
    for inverse in inverses.into_iter().rev() {
        // An inverse of an edit that just succeeded always applies; if it somehow does not,
        // carrying on with the rest restores as much as can be restored.
        let _ = inverse.apply(doc);
    }
}

fn remove_node(doc: &mut Document, id: NodeId) -> Result<Edit, EditError> {
    let (node_index, node) = doc.take_node(id).ok_or(EditError::MissingNode(id))?;
    let edge_ids: Vec<EdgeId> = doc.edges_touching(id).map(|e| e.id).collect();
    let mut targets: Vec<Target> = vec![Target::Node(id)];
    targets.extend(edge_ids.iter().map(|&e| Target::Edge(e)));
    let mut restore = vec![Edit::AddNode {
        node,
        index: Some(node_index),
    }];
    // Remove from the back so the recorded positions stay right, restore from the front.
    let mut removed_edges = Vec::new();
    for edge_id in edge_ids.iter().rev() {
        if let Some((index, edge)) = doc.take_edge(*edge_id) {
            removed_edges.push(Edit::AddEdge {
                edge,
                index: Some(index),
            });
        }
    }
    let annotation_ids: Vec<AnnotationId> = doc
        .annotations()
        .filter(|a| targets.contains(&a.target))
        .map(|a| a.id)
        .collect();
    let mut removed_annotations = Vec::new();
    for annotation_id in annotation_ids.iter().rev() {
        if let Some((index, annotation)) = doc.take_annotation(*annotation_id) {
            removed_annotations.push(Edit::AddAnnotation {
                annotation,
                index: Some(index),
            });
        }
    }
    restore.extend(removed_edges.into_iter().rev());
    restore.extend(removed_annotations.into_iter().rev());
    Ok(single_or_batch(restore))
}

fn remove_edge(doc: &mut Document, id: EdgeId) -> Result<Edit, EditError> {
    let (index, edge) = doc.take_edge(id).ok_or(EditError::MissingEdge(id))?;
    let annotation_ids: Vec<AnnotationId> =
        doc.annotations_on(Target::Edge(id)).map(|a| a.id).collect();
    let mut removed_annotations = Vec::new();
    for annotation_id in annotation_ids.iter().rev() {
        if let Some((index, annotation)) = doc.take_annotation(*annotation_id) {
            removed_annotations.push(Edit::AddAnnotation {
                annotation,
                index: Some(index),
            });
        }
    }
    let mut restore = vec![Edit::AddEdge {
        edge,
        index: Some(index),
    }];
    restore.extend(removed_annotations.into_iter().rev());
    Ok(single_or_batch(restore))
}

fn single_or_batch(mut edits: Vec<Edit>) -> Edit {
    if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    }
}

#[cfg(test)]
mod tests;
