//! Directed arrows between nodes.

use super::ids::{EdgeId, NodeId};
use serde::{Deserialize, Serialize};

/// What an arrow claims about its target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EdgeEffect {
    /// The source leads to (produces, enables) the target.
    #[default]
    LeadsTo,
    /// The source prevents (blocks, undermines) the target.
    Prevents,
}

impl EdgeEffect {
    /// True for the default effect, which files leave unwritten.
    pub fn is_leads_to(&self) -> bool {
        *self == EdgeEffect::LeadsTo
    }
}

/// How a diagram draws its arrows (format version 4): chosen once for the whole diagram, so
/// the canvas and every figure agree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ArrowStyle {
    /// Smooth curves; an arrow that has to go round nodes bends in wide curves.
    #[default]
    Curved,
    /// Straight runs with right-angled (slightly rounded) turns, as elbow connectors.
    Orthogonal,
}

impl ArrowStyle {
    /// True for the default style, which files leave unwritten.
    pub fn is_curved(&self) -> bool {
        *self == ArrowStyle::Curved
    }

    /// The style's name in menus.
    pub fn name(self) -> &'static str {
        match self {
            ArrowStyle::Curved => "Curved arrows",
            ArrowStyle::Orthogonal => "Right-angled arrows",
        }
    }
}

/// Which way an arrow leaves an IF-condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Branch {
    /// The condition holds.
    Yes,
    /// The condition does not hold (the ELSE branch).
    No,
}

impl Branch {
    /// The word written on the arrow.
    pub fn word(self) -> &'static str {
        match self {
            Branch::Yes => "yes",
            Branch::No => "no",
        }
    }
}

/// A directed arrow from one node to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    /// Stable identity within the document.
    pub id: EdgeId,
    /// The node the arrow starts at.
    pub from: NodeId,
    /// The node the arrow points to.
    pub to: NodeId,
    /// Optional text written along the arrow.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// Leads to, or prevents.
    #[serde(default, skip_serializing_if = "EdgeEffect::is_leads_to")]
    pub effect: EdgeEffect,
    /// Yes / no, for arrows leaving a condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<Branch>,
}

impl Edge {
    /// A plain "leads to" arrow.
    pub fn new(id: EdgeId, from: NodeId, to: NodeId) -> Self {
        Self {
            id,
            from,
            to,
            label: String::new(),
            effect: EdgeEffect::LeadsTo,
            branch: None,
        }
    }

    /// The same arrow marked as a yes/no branch.
    pub fn with_branch(mut self, branch: Branch) -> Self {
        self.branch = Some(branch);
        self
    }

    /// The same arrow with a label.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// The text shown on the arrow: the branch word and/or the label.
    pub fn display_label(&self) -> String {
        match (self.branch, self.label.is_empty()) {
            (Some(b), true) => b.word().to_string(),
            (Some(b), false) => format!("{}: {}", b.word(), self.label),
            (None, _) => self.label.clone(),
        }
    }
}
