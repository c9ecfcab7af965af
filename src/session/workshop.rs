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

    /// Adds a scenario with a fresh name ("Scenario 3"): one undo step. Its place, to show it.
    pub fn new_scenario(&mut self) -> Option<usize> {
        let mut all = self.doc().scenarios().to_vec();
        all.push(crate::model::Scenario {
            name: crate::model::fresh_scenario_name(&all),
            ..crate::model::Scenario::default()
        });
        let index = all.len() - 1;
        self.set_scenarios(all, "New scenario").then_some(index)
    }

    /// Adds a copy of scenario `index` named "Copy of …": one undo step. Its place.
    pub fn duplicate_scenario(&mut self, index: usize) -> Option<usize> {
        let mut all = self.doc().scenarios().to_vec();
        let mut twin = all.get(index)?.clone();
        twin.name = copy_name(&all, &twin.name);
        all.push(twin);
        let place = all.len() - 1;
        self.set_scenarios(all, "Duplicate a scenario")
            .then_some(place)
    }

    /// Deletes scenario `index` (one undo step), saying how to bring it back.
    pub fn delete_scenario(&mut self, index: usize) -> bool {
        let mut all = self.doc().scenarios().to_vec();
        if index >= all.len() {
            return false;
        }
        let gone = all.remove(index);
        let done = self.set_scenarios(
            all,
            &format!("Delete scenario \u{201c}{}\u{201d}", gone.name),
        );
        if done {
            self.status = format!(
                "Deleted the scenario \u{201c}{}\u{201d}. Undo (Ctrl+Z) brings it back.",
                gone.name
            );
        }
        done
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

/// "Copy of X", or "Copy of X (2)" when that is taken.
fn copy_name(scenarios: &[crate::model::Scenario], name: &str) -> String {
    let base = format!("Copy of {}", name.trim());
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base} ({n})")
            }
        })
        .find(|candidate| scenarios.iter().all(|s| s.name != *candidate))
        .unwrap_or(base)
}
