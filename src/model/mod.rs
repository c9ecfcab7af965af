//! The programme theory document: what a realist programme theory diagram is made of.
//! Plain data with serde; no UI and no file access, so it can be tested and scripted alone.

mod annotation;
mod changes;
mod cmoc;
mod conflict;
pub use conflict::{Conflict, ConflictOn, Disagreement};
mod compare;
mod document;
mod edge;
mod geometry;
mod ids;
pub mod layout;
mod node;
mod parts;
pub use parts::{EdgePart, Part};
mod shorten;
mod status;
pub use shorten::shorten;
pub use status::Status;
mod scenario;
mod time;
mod validate;
mod version;
mod workshop;

pub use annotation::{Annotation, PhoneComment, Reaction, Target};
pub use changes::{Change, Changes, Stamp};
pub use compare::differences;
pub use document::{Document, Metadata, Repair};
pub use edge::{ArrowStyle, Branch, Edge, EdgeEffect};
pub use geometry::{Point, Rect, Size};
pub use ids::{AnnotationId, EdgeId, NodeId};
pub use node::{CmocCard, Evidence, Node, NodeContent, NodeKind, Polarity, Rgb, TextBlock};
pub use scenario::{
    Activation, Cause, ConditionState, NodeState, Outcome, Scenario, compare, describe_node,
    fresh_scenario_name, propagate,
};
pub use time::Timestamp;
pub use validate::{Problem, Subject, Validation, validate};
pub use version::Version;
pub use workshop::{PathStep, Session, StepShows, Workshop, resolve_path};

/// The title of a new diagram until the researcher gives it one (figures print no title then).
pub const UNTITLED: &str = "Untitled programme theory";

/// A count with its noun in the right number: "1 arrow", "2 arrows", "0 comments".
pub fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
