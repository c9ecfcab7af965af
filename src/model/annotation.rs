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
    /// A group's reaction to the card, recorded while presenting (format version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reaction: Option<Reaction>,
    /// The comment this one answers (format version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<AnnotationId>,
    /// The phone it came from, when a workshop participant sent it from their own phone
    /// ("phone 12 · room 7f3a": which phone of which room, nothing about who holds it; format
    /// version 8). One reaction per phone per card is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl Reaction {
    /// Its place in [`Reaction::ALL`]: agrees 0, not sure 1, disagrees 2.
    pub fn index(self) -> usize {
        match self {
            Reaction::Agrees => 0,
            Reaction::NotSure => 1,
            Reaction::Disagrees => 2,
        }
    }
}

impl Annotation {
    /// An open comment: written words not yet resolved (a reaction is not a comment).
    pub fn is_open_comment(&self) -> bool {
        !self.resolved && self.reaction.is_none()
    }
}

/// How a group in a workshop reacted to a card: does it match their experience?
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Reaction {
    /// "Yes, that is how it is."
    Agrees,
    /// "We are not sure."
    NotSure,
    /// "No, that is not our experience."
    Disagrees,
}

impl Reaction {
    /// All three, in key order (1, 2, 3).
    pub const ALL: [Reaction; 3] = [Reaction::Agrees, Reaction::NotSure, Reaction::Disagrees];

    /// The words shown for it.
    pub fn words(self) -> &'static str {
        match self {
            Reaction::Agrees => "agrees",
            Reaction::NotSure => "not sure",
            Reaction::Disagrees => "disagrees",
        }
    }
}

/// A comment from a workshop participant's phone waiting for the facilitator to accept it
/// (kept in recovery snapshots, not in the file: accepted, it becomes an [`Annotation`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneComment {
    /// Which phone sent it ("phone 3 · room 7f3a").
    pub phone: String,
    /// The card it is about.
    pub card: NodeId,
    /// The words, plain text.
    pub text: String,
    /// The group the participant chose, or empty.
    pub group: String,
    /// When it arrived.
    pub received: Timestamp,
}

impl PhoneComment {
    /// Who it is signed by: the group chosen, or "A participant".
    pub fn signed(&self) -> &str {
        match self.group.trim() {
            "" => "A participant",
            g => g,
        }
    }
}
