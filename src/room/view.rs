//! What the room's phones are shown and what they send back: the current step as the
//! facilitator chose to show it, and the reactions and comments that reach the editor.

use crate::model::{NodeId, Reaction};
use serde::Serialize;

/// The current step, as every phone reads it: words only, nothing else of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StepView {
    /// Grows at every change, so a phone that polls knows it has something new.
    pub seq: u64,
    /// "Step 3 of 12".
    pub position: String,
    /// "CMOC 4", "-ve CMOC 4", "Condition", or empty.
    pub badge: String,
    /// The step's heading: the card's title, the step's heading, or "How to read this".
    pub title: String,
    /// The step in plain words.
    pub plain: String,
    /// Context, mechanism and outcome (or a condition's question), each with its name.
    pub parts: Vec<Part>,
    /// The card reactions and comments go to, as the phone names it back; none on a step
    /// without one ("How to read this").
    pub card: Option<u64>,
    /// The groups a participant may say they belong to.
    pub groups: Vec<String>,
    /// False once the facilitator stopped presenting: the page says the session has ended.
    pub open: bool,
}

/// One named part of a card ("Context", "…").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Part {
    /// "Context", "Mechanism", "Outcome".
    pub name: String,
    /// Its words.
    pub text: String,
}

/// A phone's label in the file ("phone 12 · room 7f3a"): which phone of which room, and
/// nothing about who holds it. One reaction per card is kept for each label.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phone(pub String);

/// Something a phone sent, let through the gate, for the editor to take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoomEvent {
    /// A phone joined; `devices` have now.
    Joined {
        /// How many phones have joined so far.
        devices: usize,
    },
    /// A phone's reaction to a card (replacing its last on that card).
    React {
        /// Which phone.
        phone: Phone,
        /// The card.
        card: NodeId,
        /// Agree, not sure or disagree.
        reaction: Reaction,
        /// The group the participant chose, or empty.
        group: String,
    },
    /// A phone's comment on a card, cleaned (see [`super::clean_comment`]).
    Comment {
        /// Which phone.
        phone: Phone,
        /// The card.
        card: NodeId,
        /// The words, plain text.
        text: String,
        /// The group the participant chose, or empty.
        group: String,
    },
}

/// A reaction as the page names it.
pub fn reaction_named(name: &str) -> Option<Reaction> {
    match name {
        "agree" => Some(Reaction::Agrees),
        "not-sure" => Some(Reaction::NotSure),
        "disagree" => Some(Reaction::Disagrees),
        _ => None,
    }
}
