//! Merge conflicts kept in the file (format version 7): where a colleague's copy and yours
//! changed the same thing in different ways, the merge keeps yours in the diagram and records
//! theirs here, so the file stays valid RON (no `<<<<<<<` markers) and the app lists each one
//! to resolve — yours, theirs, both, or edited.

use super::{Edge, EdgeId, EdgePart, Node, NodeId, Part};
use serde::{Deserialize, Serialize};

/// What a conflict is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConflictOn {
    /// A node of the merged diagram.
    Node(NodeId),
    /// An arrow of the merged diagram.
    Arrow(EdgeId),
}

/// How the two copies disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Disagreement {
    /// Both changed this part of a node, differently (yours is in the diagram).
    Field(Part),
    /// Both changed this part of an arrow, differently (yours is in the diagram).
    ArrowField(EdgePart),
    /// You removed it and they changed it: their changed one is in the diagram.
    RemovedInYours,
    /// They removed it and you changed it: yours is in the diagram.
    RemovedInTheirs,
    /// Both added a CMOC with this number and polarity: both are in the diagram.
    SameNumber,
}

/// One conflict left by a merge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The node or arrow it is about.
    pub on: ConflictOn,
    /// How the copies disagree.
    pub disagreement: Disagreement,
    /// Your side, in words (the text of the field, or "removed").
    pub yours: String,
    /// Their side, in words.
    pub theirs: String,
    /// What both started from, in words (empty when there was nothing).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
    /// Their whole node, to take their side from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub their_node: Option<Node>,
    /// Their whole arrow, to take their side from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub their_arrow: Option<Edge>,
}

impl Conflict {
    /// The conflict in one line, for the list and the command line ("CMOC 4: context changed
    /// in both copies").
    pub fn summary(&self, subject: &str) -> String {
        match self.disagreement {
            Disagreement::Field(part) => {
                format!("{subject}: {} changed in both copies", part.name())
            }
            Disagreement::ArrowField(part) => {
                format!("{subject}: {} changed in both copies", part.name())
            }
            Disagreement::RemovedInYours => {
                format!("{subject}: you removed it, your colleague changed it")
            }
            Disagreement::RemovedInTheirs => {
                format!("{subject}: your colleague removed it, you changed it")
            }
            Disagreement::SameNumber => {
                format!("{subject}: both copies added a CMOC with this number")
            }
        }
    }
}
