//! Undo and redo. Each step is one user gesture (a whole drag, a paste, a burst of typing in
//! one field) with a label for the Edit menu ("Undo Move 3 nodes").

use super::{Edit, EditError, apply_all};
use crate::model::{Document, EdgeId, NodeId};

/// What a burst of typing is typing into: consecutive edits with the same key merge into
/// one undo step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MergeKey {
    /// A field of a node (typed in place, in the inspector or in the table).
    Node {
        /// The node.
        node: NodeId,
        /// Which field, as named in undo labels ("context", "evidence 2 quote").
        field: String,
    },
    /// A text field of a scenario (its name or description).
    Scenario {
        /// The scenario's place in the list.
        index: usize,
        /// Which field.
        field: String,
    },
    /// A field of an arrow.
    Edge {
        /// The arrow.
        edge: EdgeId,
        /// Which field.
        field: String,
    },
    /// The diagram's title, authors and citation.
    Metadata,
    /// The speaker notes or heading of a step of the presentation path (by position).
    PathStep(usize),
}

impl MergeKey {
    /// Typing into a node's field.
    pub fn node(node: NodeId, field: impl Into<String>) -> Self {
        MergeKey::Node {
            node,
            field: field.into(),
        }
    }

    /// The node being typed into, if any.
    pub fn target_node(&self) -> Option<NodeId> {
        match self {
            MergeKey::Node { node, .. } => Some(*node),
            _ => None,
        }
    }
}

/// One undoable step: the edits that reverse it, in the order to apply them.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    edits: Vec<Edit>,
    serial: u64,
    merge_key: Option<MergeKey>,
}

/// An open transaction: edits applied so far, to be committed as one step or aborted.
#[derive(Clone, Debug)]
struct Transaction {
    label: String,
    inverses: Vec<Edit>,
}

/// The undo and redo stacks of one document, with transactions and dirty tracking.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    open: Option<Transaction>,
    next_serial: u64,
    saved_serial: u64,
    max_steps: usize,
}

impl Default for History {
    fn default() -> Self {
        Self::new()
    }
}

impl History {
    /// An empty history whose document counts as saved.
    pub fn new() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            open: None,
            next_serial: 1,
            saved_serial: 0,
            max_steps: 1000,
        }
    }

    fn current_serial(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.serial)
    }

    fn new_serial(&mut self) -> u64 {
        let serial = self.next_serial;
        self.next_serial += 1;
        serial
    }

    /// Applies `edit` as its own undo step named `label`, or as part of the open transaction.
    pub fn apply(
        &mut self,
        doc: &mut Document,
        edit: Edit,
        label: impl Into<String>,
    ) -> Result<(), EditError> {
        self.apply_with_key(doc, edit, label.into(), None)
    }

    /// Applies `edit`, folding it into the previous step when that step has the same
    /// `merge_key` (e.g. "typing in CMOC 22's context"), so a burst of typing is one step.
    /// Call [`History::seal`] when the burst ends (focus leaves the field).
    pub fn apply_merging(
        &mut self,
        doc: &mut Document,
        edit: Edit,
        label: impl Into<String>,
        merge_key: MergeKey,
    ) -> Result<(), EditError> {
        self.apply_with_key(doc, edit, label.into(), Some(merge_key))
    }

    fn apply_with_key(
        &mut self,
        doc: &mut Document,
        edit: Edit,
        label: String,
        merge_key: Option<MergeKey>,
    ) -> Result<(), EditError> {
        if edit.is_empty() {
            return Ok(());
        }
        let inverse = edit.apply(doc)?;
        if let Some(open) = &mut self.open {
            // A drag moves the same nodes every frame: the first inverse already restores
            // where they started, so later ones are not kept (memory stays flat).
            if !open
                .inverses
                .last()
                .is_some_and(|last| restores_same(last, &inverse))
            {
                open.inverses.push(inverse);
            }
            return Ok(());
        }
        self.redo.clear();
        let serial = self.new_serial();
        if let (Some(key), Some(top)) = (&merge_key, self.undo.last_mut())
            && top.merge_key.as_ref() == Some(key)
        {
            // The step's oldest inverse is applied last on undo; when it already restores the
            // whole node this keystroke changed, the new inverse adds nothing (a long burst of
            // typing keeps one copy of the node, not one per keystroke).
            if !top
                .edits
                .last()
                .is_some_and(|oldest| restores_node_of(oldest, &inverse))
            {
                top.edits.insert(0, inverse);
            }
            top.serial = serial;
            return Ok(());
        }
        self.push_undo(Step {
            label,
            edits: vec![inverse],
            serial,
            merge_key,
        });
        Ok(())
    }

    fn push_undo(&mut self, step: Step) {
        self.undo.push(step);
        if self.undo.len() > self.max_steps {
            let excess = self.undo.len() - self.max_steps;
            self.undo.drain(..excess);
        }
    }

    /// The merge key and label of the burst of typing in progress, if any.
    pub fn typing(&self) -> Option<(&MergeKey, &str)> {
        if self.open.is_some() || !self.redo.is_empty() {
            return None;
        }
        let top = self.undo.last()?;
        Some((top.merge_key.as_ref()?, top.label.as_str()))
    }

    /// Ends the current burst of typing: the next merging edit starts a new step.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.merge_key = None;
        }
    }

    /// Starts a transaction: edits until [`History::commit`] become one step named `label`.
    /// A transaction already open is committed first.
    pub fn begin(&mut self, label: impl Into<String>) {
        self.commit();
        self.open = Some(Transaction {
            label: label.into(),
            inverses: Vec::new(),
        });
    }

    /// True while a transaction is open (e.g. during a drag).
    pub fn in_transaction(&self) -> bool {
        self.open.is_some()
    }

    /// Renames the open transaction (a drag learns how many nodes it moves as it goes).
    pub fn rename_transaction(&mut self, label: impl Into<String>) {
        if let Some(open) = &mut self.open {
            open.label = label.into();
        }
    }

    /// Closes the open transaction as one undo step (nothing if it changed nothing).
    pub fn commit(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        if open.inverses.is_empty() {
            return;
        }
        self.redo.clear();
        let mut edits = open.inverses;
        edits.reverse();
        let serial = self.new_serial();
        self.push_undo(Step {
            label: open.label,
            edits,
            serial,
            merge_key: None,
        });
    }

    /// Undoes everything the open transaction did and closes it (Esc during a drag).
    pub fn abort(&mut self, doc: &mut Document) -> Result<(), EditError> {
        let Some(open) = self.open.take() else {
            return Ok(());
        };
        let mut edits = open.inverses;
        edits.reverse();
        apply_all(doc, edits).map(|_| ())
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Document) -> Result<Option<String>, EditError> {
        self.commit();
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        match apply_all(doc, step.edits.clone()) {
            Ok(forward) => {
                let label = step.label.clone();
                self.redo.push(Step {
                    edits: forward,
                    merge_key: None,
                    ..step
                });
                Ok(Some(label))
            }
            Err(error) => {
                self.undo.push(step);
                Err(error)
            }
        }
    }

    /// Redoes the last undone step; returns its label, or `None` when there is nothing to redo.
    pub fn redo(&mut self, doc: &mut Document) -> Result<Option<String>, EditError> {
        self.commit();
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        match apply_all(doc, step.edits.clone()) {
            Ok(backward) => {
                let label = step.label.clone();
                self.undo.push(Step {
                    edits: backward,
                    ..step
                });
                Ok(Some(label))
            }
            Err(error) => {
                self.redo.push(step);
                Err(error)
            }
        }
    }

    /// The label of the step Undo would reverse.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The label of the step Redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Number of steps that can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Records that the document as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.commit();
        self.saved_serial = self.current_serial();
    }

    /// Records that the document no longer matches any saved file (e.g. opened from the
    /// built-in example, or recovered).
    pub fn mark_unsaved(&mut self) {
        self.saved_serial = u64::MAX;
    }

    /// True when the document differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.open.as_ref().is_some_and(|t| !t.inverses.is_empty())
            || self.current_serial() != self.saved_serial
    }
}

/// True when `earlier` (an inverse already kept) puts back the same things `later` would:
/// the same nodes moved, or the same node resized.
fn restores_same(earlier: &Edit, later: &Edit) -> bool {
    match (earlier, later) {
        (Edit::MoveNodes { moves: a }, Edit::MoveNodes { moves: b }) => {
            a.len() == b.len() && a.iter().zip(b).all(|((x, _), (y, _))| x == y)
        }
        (Edit::ResizeNode { id: a, .. }, Edit::ResizeNode { id: b, .. }) => a == b,
        _ => false,
    }
}

/// True when `oldest` puts back a whole node that `later` only touches (the same node replaced
/// or resized again).
fn restores_node_of(oldest: &Edit, later: &Edit) -> bool {
    let Edit::ReplaceNode { node } = oldest else {
        return false;
    };
    match later {
        Edit::ReplaceNode { node: other } => other.id == node.id,
        Edit::ResizeNode { id, .. } => *id == node.id,
        _ => false,
    }
}
