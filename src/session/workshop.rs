//! The facilitator's path, the what-if scenarios and the record of workshop sessions.

use super::Editor;
use crate::edit::{Edit, MergeKey};
use crate::model::{NodeId, NodeKind, PathStep, Session};

impl Editor {
    /// Gives the diagram the facilitator's own presentation path (`None`: follow the diagram).
    pub fn set_path(&mut self, path: Option<Vec<PathStep>>, label: &str) -> bool {
        self.apply(Edit::SetPath { path }, label)
    }

    /// Changes the speaker notes or heading of one step as typing: a burst is one undo step.
    pub fn type_in_path(&mut self, path: Vec<PathStep>, step: usize) -> bool {
        self.apply_merging(
            Edit::SetPath { path: Some(path) },
            format!("Speaker notes of step {}", step + 1),
            MergeKey::PathStep(step),
        )
    }

    /// Replaces the "what if" scenarios as one undo step.
    pub fn set_scenarios(&mut self, scenarios: Vec<crate::model::Scenario>, label: &str) -> bool {
        self.apply(Edit::SetScenarios { scenarios }, label)
    }

    /// Changes a scenario's name or description as typing: a burst is one undo step.
    pub fn type_in_scenarios(
        &mut self,
        scenarios: Vec<crate::model::Scenario>,
        index: usize,
        field: &str,
    ) -> bool {
        self.apply_merging(
            Edit::SetScenarios { scenarios },
            format!("Scenario {} {field}", index + 1),
            MergeKey::Scenario {
                index,
                field: field.to_string(),
            },
        )
    }

    /// Moves condition `id` to its next state (met, not met, unknown) in scenario `index`:
    /// one undo step. False when there is no such scenario or condition.
    pub fn flip_condition(&mut self, index: usize, id: NodeId) -> bool {
        let is_condition = self
            .doc
            .node(id)
            .is_some_and(|n| n.kind() == NodeKind::Condition);
        let mut scenarios = self.doc.scenarios().to_vec();
        let Some(scenario) = scenarios.get_mut(index).filter(|_| is_condition) else {
            return false;
        };
        let next = scenario.condition(id).next();
        scenario.set_condition(id, next);
        let label = format!(
            "Condition now {} in “{}”",
            next.words(),
            scenario.name.trim()
        );
        let done = self.set_scenarios(scenarios, &label);
        if done {
            self.status = label;
        }
        done
    }

    /// Keeps the record of a workshop session in the document: not an undo step (see
    /// [`Document::record_session`]), but unsaved work until the file is saved.
    pub fn record_session(&mut self, session: Session) {
        self.doc.record_session(session);
        self.history.mark_unsaved();
    }

    /// Brings the record of session `index` up to date; false when there is none.
    pub fn update_session(&mut self, index: usize, session: Session) -> bool {
        let done = self.doc.update_session(index, session);
        if done {
            self.history.mark_unsaved();
        }
        done
    }
}
