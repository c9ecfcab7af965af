//! What a facilitator prepares and keeps for presenting a theory to a group (format version 3):
//! the path through the diagram — its steps, in order, with speaker notes — and a record of
//! each workshop session held with the file (when, which groups, what changed).

use super::ids::NodeId;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The workshop part of a document. Empty by default: the path is then derived from the
/// diagram (see `scene::Scene::presentation_order`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// The facilitator's own path, when they have edited it; `None` follows the diagram.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<Vec<PathStep>>,
    /// Sessions held with this file, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
}

impl Workshop {
    /// True when there is nothing to save.
    pub fn is_empty(&self) -> bool {
        self.path.is_none() && self.sessions.is_empty()
    }
}

/// What one step of a path shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepShows {
    /// "How to read this": context, mechanism, outcome, IF-branches and "-ve" cards explained
    /// in plain words, over the whole diagram.
    HowToRead,
    /// One card or condition, or a group of nodes shown together.
    Nodes(Vec<NodeId>),
}

/// One step of a presentation path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathStep {
    /// What the step shows.
    pub shows: StepShows,
    /// A heading for a group of nodes ("The failure branch"); a single card speaks for itself.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// What the facilitator wants to remember to say; shown only to them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Kept in the path but passed over when presenting.
    #[serde(default, skip_serializing_if = "is_false")]
    pub skip: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl PathStep {
    /// The "How to read this" step.
    pub fn how_to_read() -> Self {
        Self {
            shows: StepShows::HowToRead,
            title: String::new(),
            notes: String::new(),
            skip: false,
        }
    }

    /// A step showing one node.
    pub fn node(id: NodeId) -> Self {
        Self {
            shows: StepShows::Nodes(vec![id]),
            title: String::new(),
            notes: String::new(),
            skip: false,
        }
    }

    /// The nodes the step shows (none for "How to read this").
    pub fn nodes(&self) -> &[NodeId] {
        match &self.shows {
            StepShows::HowToRead => &[],
            StepShows::Nodes(ids) => ids,
        }
    }
}

/// One workshop session: when it ran, which groups took part and what changed in the diagram
/// while presenting, in words ("CMOC 18 made negative"). Comments and reactions carry their
/// own times, so the session's words are found by time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// When presenting began.
    pub started: Timestamp,
    /// When presenting ended.
    pub ended: Timestamp,
    /// The groups named for the session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// What changed in the diagram during the session, one line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<String>,
}

impl Session {
    /// True when `when` falls within the session (inclusive).
    pub fn contains(&self, when: Timestamp) -> bool {
        self.started <= when && when <= self.ended
    }
}

/// The path a presentation follows, skipped steps included: the facilitator's own path when
/// there is one — leaving out nodes deleted since, and steps with none left — else "How to
/// read this" followed by one step per node of `default_order`.
pub fn resolve_path(
    doc: &super::Document,
    default_order: impl FnOnce() -> Vec<NodeId>,
) -> Vec<PathStep> {
    match &doc.workshop().path {
        Some(steps) => steps
            .iter()
            .filter_map(|step| match &step.shows {
                StepShows::HowToRead => Some(step.clone()),
                StepShows::Nodes(ids) => {
                    let kept: Vec<NodeId> = ids
                        .iter()
                        .copied()
                        .filter(|id| doc.node(*id).is_some())
                        .collect();
                    (!kept.is_empty()).then(|| PathStep {
                        shows: StepShows::Nodes(kept),
                        ..step.clone()
                    })
                }
            })
            .collect(),
        None => std::iter::once(PathStep::how_to_read())
            .chain(default_order().into_iter().map(PathStep::node))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;

    #[test]
    fn a_saved_path_forgets_deleted_nodes_and_empty_steps() {
        let mut doc = crate::file::example_document();
        Edit::SetPath { path: None }
            .apply(&mut doc)
            .expect("no path");
        let ids: Vec<NodeId> = doc.cmoc_cards().map(|(n, _)| n.id).take(3).collect();
        let default = resolve_path(&doc, || ids.clone());
        assert_eq!(default.len(), 4);
        assert_eq!(default[0].shows, StepShows::HowToRead);
        assert_eq!(default[1].nodes(), &ids[..1]);
        let mut own = Workshop {
            path: Some(vec![
                PathStep::node(ids[2]),
                PathStep {
                    shows: StepShows::Nodes(vec![ids[0], ids[1]]),
                    title: "Both".into(),
                    notes: "Ask the carers first".into(),
                    skip: true,
                },
            ]),
            sessions: Vec::new(),
        };
        Edit::SetPath {
            path: own.path.clone(),
        }
        .apply(&mut doc)
        .expect("set path");
        assert_eq!(
            resolve_path(&doc, Vec::new),
            own.path.clone().unwrap_or_default()
        );
        Edit::RemoveNode { id: ids[2] }
            .apply(&mut doc)
            .expect("remove");
        Edit::RemoveNode { id: ids[0] }
            .apply(&mut doc)
            .expect("remove");
        let path = resolve_path(&doc, Vec::new);
        assert_eq!(path.len(), 1, "{path:?}");
        assert_eq!(path[0].nodes(), &ids[1..2]);
        assert_eq!(path[0].notes, "Ask the carers first");
        own.path = None;
        assert!(own.is_empty());
    }
}
