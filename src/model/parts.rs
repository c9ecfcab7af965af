//! The parts of a node or an arrow that can change between two versions of a theory: what a
//! comparison reports, and what a merge conflict is about.

use serde::{Deserialize, Serialize};

/// A part of a node's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Part {
    /// The node became another kind (a context became a mechanism).
    Kind,
    /// The CMOC number.
    Number,
    /// Positive or negative.
    Polarity,
    /// The card's or block's title.
    Title,
    /// The context.
    Context,
    /// The mechanism.
    Mechanism,
    /// The mechanism's resource.
    Resource,
    /// The mechanism's reasoning.
    Reasoning,
    /// The outcome.
    Outcome,
    /// The evidence quotes and sources.
    Evidence,
    /// The realist status, its rationale or the evidence that decided it.
    Status,
    /// A block's text.
    Text,
    /// The plain words for a workshop.
    Plain,
    /// The colour.
    Colour,
    /// The tags.
    Tags,
    /// Whether Tidy leaves it in place.
    Pinned,
}

impl Part {
    /// The part's name in the change list ("context", "plain words").
    pub fn name(self) -> &'static str {
        match self {
            Part::Kind => "kind",
            Part::Number => "number",
            Part::Polarity => "positive/negative",
            Part::Title => "title",
            Part::Context => "context",
            Part::Mechanism => "mechanism",
            Part::Resource => "resource",
            Part::Reasoning => "reasoning",
            Part::Outcome => "outcome",
            Part::Evidence => "evidence",
            Part::Status => "status",
            Part::Text => "text",
            Part::Plain => "plain words",
            Part::Colour => "colour",
            Part::Tags => "tags",
            Part::Pinned => "pinned",
        }
    }

    /// True for the parts that state the theory (a CMOC's C, M, O and its number), as
    /// opposed to how it is shown or annotated.
    pub fn is_substance(self) -> bool {
        matches!(
            self,
            Part::Kind
                | Part::Number
                | Part::Polarity
                | Part::Context
                | Part::Mechanism
                | Part::Resource
                | Part::Reasoning
                | Part::Outcome
                | Part::Text
        )
    }
}

/// A part of an arrow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EdgePart {
    /// Its label.
    Label,
    /// Leads to, or prevents.
    Effect,
    /// Yes or no.
    Branch,
}

impl EdgePart {
    /// The part's name in the change list.
    pub fn name(self) -> &'static str {
        match self {
            EdgePart::Label => "label",
            EdgePart::Effect => "leads to/prevents",
            EdgePart::Branch => "yes/no",
        }
    }
}
