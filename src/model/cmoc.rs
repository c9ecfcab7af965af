//! The numbered CMOC card: its context, mechanism and outcome, its polarity, the evidence for
//! it, and its realist status with the researcher's rationale.

use super::status::Status;
use serde::{Deserialize, Serialize};

/// Whether a CMOC was activated. A negative CMOC ("-ve CMOC 22") is the same configuration
/// shown as its failure case: the mechanism was not triggered.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Polarity {
    /// The configuration fires: the mechanism is activated and the outcome follows.
    #[default]
    Positive,
    /// The configuration is not activated ("-ve CMOC n" in the paper's Figure 2).
    Negative,
}

impl Polarity {
    /// The other polarity.
    pub fn toggled(self) -> Self {
        match self {
            Polarity::Positive => Polarity::Negative,
            Polarity::Negative => Polarity::Positive,
        }
    }

    /// A word for tables and summaries.
    pub fn word(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

/// One piece of evidence for a CMOC: where it comes from and what was said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The source, e.g. an anonymised participant id such as `Site05_P06`.
    pub source: String,
    /// The quotation or excerpt that supports the CMOC.
    #[serde(default)]
    pub quote: String,
}

/// A numbered context–mechanism–outcome configuration, the central object of a realist
/// programme theory: "When/If CONTEXT, then OUTCOME, because MECHANISM".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CmocCard {
    /// The CMOC's number as the study reports it (e.g. 22 in "CMOC 22").
    pub number: u32,
    /// Activated (positive) or not activated (negative).
    #[serde(default)]
    pub polarity: Polarity,
    /// An optional short title shown on the card and when zoomed out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The context (C): the circumstances in which the mechanism is or is not triggered.
    #[serde(default)]
    pub context: String,
    /// The mechanism (M): the change in reasoning or response that produces the outcome.
    #[serde(default)]
    pub mechanism: String,
    /// Optional split of the mechanism: the resource the programme offers (Dalkin et al. 2015).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mechanism_resource: String,
    /// Optional split of the mechanism: the reasoning it triggers (Dalkin et al. 2015).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mechanism_reasoning: String,
    /// The outcome (O).
    #[serde(default)]
    pub outcome: String,
    /// Quotes and sources that support this CMOC.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// How it fared in testing, relative to the version it is compared with (format 6).
    #[serde(default, skip_serializing_if = "Status::is_untested")]
    pub status: Status,
    /// Why it has that status, in the researcher's words (format 6).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    /// The sources of the evidence quotes that decided the status (`Site05_P06`, …), as
    /// written in its evidence (format 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decided_by: Vec<String>,
}

impl CmocCard {
    /// A new positive card with the given number and C/M/O texts.
    pub fn new(
        number: u32,
        context: impl Into<String>,
        mechanism: impl Into<String>,
        outcome: impl Into<String>,
    ) -> Self {
        Self {
            number,
            context: context.into(),
            mechanism: mechanism.into(),
            outcome: outcome.into(),
            ..Self::default()
        }
    }

    /// The badge text as the paper writes it: "CMOC 22" or "-ve CMOC 22".
    pub fn badge(&self) -> String {
        match self.polarity {
            Polarity::Positive => format!("CMOC {}", self.number),
            Polarity::Negative => format!("-ve CMOC {}", self.number),
        }
    }

    /// True when the mechanism is split into resource and reasoning.
    pub fn has_mechanism_split(&self) -> bool {
        !self.mechanism_resource.is_empty() || !self.mechanism_reasoning.is_empty()
    }
}
