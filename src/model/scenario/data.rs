//! What a scenario is: each IF-condition met, not met or unknown, and nodes set by hand. Kept
//! apart from the propagation (which reads the document) so the document can hold scenarios
//! without the two files needing each other.

use crate::model::ids::NodeId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whether an IF-condition holds in a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConditionState {
    /// It holds: the yes branch is taken.
    Met,
    /// It does not hold: the no branch is taken.
    NotMet,
    /// Not decided.
    Unknown,
}

impl ConditionState {
    /// In words: "met", "not met", "unknown".
    pub fn words(self) -> &'static str {
        match self {
            ConditionState::Met => "met",
            ConditionState::NotMet => "not met",
            ConditionState::Unknown => "unknown",
        }
    }

    /// The state a click on the condition's chip moves to: met, not met, unknown, met again.
    pub fn next(self) -> ConditionState {
        match self {
            ConditionState::Met => ConditionState::NotMet,
            ConditionState::NotMet => ConditionState::Unknown,
            ConditionState::Unknown => ConditionState::Met,
        }
    }
}

impl Activation {
    /// Every activation, in the order offered.
    pub const ALL: [Activation; 3] = [
        Activation::Activated,
        Activation::Partly,
        Activation::NotActivated,
    ];

    /// In words: "activated", "partly activated", "not activated".
    pub fn words(self) -> &'static str {
        match self {
            Activation::Activated => "activated",
            Activation::Partly => "partly activated",
            Activation::NotActivated => "not activated",
        }
    }
}

/// How far a node is activated, when a scenario sets it by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Activation {
    /// Fully activated.
    Activated,
    /// Partly activated.
    Partly,
    /// Not activated.
    NotActivated,
}

/// A named "what if": condition states and overrides, with a short description.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Its name ("Holding recognised and supported").
    pub name: String,
    /// What it supposes, in a sentence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Each condition's state; conditions not listed are unknown.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conditions: BTreeMap<NodeId, ConditionState>,
    /// Nodes whose activation is set by hand, whatever flows into them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<NodeId, Activation>,
}

impl Scenario {
    /// A condition's state in this scenario (unknown when not listed).
    pub fn condition(&self, id: NodeId) -> ConditionState {
        self.conditions
            .get(&id)
            .copied()
            .unwrap_or(ConditionState::Unknown)
    }

    /// Sets a condition's state; unknown is kept by leaving the condition out.
    pub fn set_condition(&mut self, id: NodeId, state: ConditionState) {
        if state == ConditionState::Unknown {
            self.conditions.remove(&id);
        } else {
            self.conditions.insert(id, state);
        }
    }

    /// Sets a node's override (`None`: the node follows what flows into it).
    pub fn set_override(&mut self, id: NodeId, activation: Option<Activation>) {
        match activation {
            Some(a) => {
                self.overrides.insert(id, a);
            }
            None => {
                self.overrides.remove(&id);
            }
        }
    }
}

/// A name for a new scenario that none of `existing` has: "Scenario 3".
pub fn fresh_scenario_name(existing: &[Scenario]) -> String {
    (existing.len() + 1..)
        .map(|n| format!("Scenario {n}"))
        .find(|name| existing.iter().all(|s| s.name != *name))
        .unwrap_or_else(|| "New scenario".into())
}
