//! Comments attached to nodes and arrows, so a PPI group's remarks live on what they are about.

use super::ids::{AnnotationId, EdgeId, NodeId};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What a comment is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Target {
    /// A node (card, condition, note …).
    Node(NodeId),
    /// An arrow.
    Edge(EdgeId),
}

/// A comment on a node or arrow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Stable identity within the document.
    pub id: AnnotationId,
    /// What the comment is about.
    pub target: Target,
    /// Who wrote it (as they typed their name).
    #[serde(default)]
    pub author: String,
    /// When it was written.
    pub created: Timestamp,
    /// The comment itself.
    pub text: String,
    /// True once the discussion is settled; resolved comments stay in the file.
    #[serde(default)]
    pub resolved: bool,
}
