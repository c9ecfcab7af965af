//! The open document and everything done to it: every change goes through [`History`], and the
//! selection follows the document (things that disappear are deselected).

use crate::edit::{Edit, History, MergeKey};
use crate::model::{
    Annotation, AnnotationId, Branch, Document, Edge, EdgeId, Node, NodeId, NodeKind, PathStep,
    Point, Polarity, Session, Target, Timestamp,
};
use std::collections::BTreeSet;
use std::path::PathBuf;

pub use super::arrange::Align;
pub use super::clipboard::MAX_PASTE_BYTES;

/// Where the open document came from, which decides what Save does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A new diagram never saved.
    Untitled,
    /// The built-in example: Save asks for a new name and keeps a copy.
    Example,
    /// A file on disk.
    File(PathBuf),
}

/// What is selected on the canvas.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected nodes.
    pub nodes: BTreeSet<NodeId>,
    /// Selected arrows.
    pub edges: BTreeSet<EdgeId>,
}

impl Selection {
    /// True when nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.edges.is_empty()
    }

    /// The single selected node, if exactly one node (and no arrow) is selected.
    pub fn single_node(&self) -> Option<NodeId> {
        (self.nodes.len() == 1 && self.edges.is_empty())
            .then(|| self.nodes.first().copied())
            .flatten()
    }

    /// The single selected arrow, if exactly one arrow (and no node) is selected.
    pub fn single_edge(&self) -> Option<EdgeId> {
        (self.edges.len() == 1 && self.nodes.is_empty())
            .then(|| self.edges.first().copied())
            .flatten()
    }

    /// Selects only this node.
    pub fn set_node(&mut self, id: NodeId) {
        self.nodes.clear();
        self.edges.clear();
        self.nodes.insert(id);
    }

    /// Selects only this arrow.
    pub fn set_edge(&mut self, id: EdgeId) {
        self.nodes.clear();
        self.edges.clear();
        self.edges.insert(id);
    }

    /// Clears the selection.
    pub fn clear(&mut self) {
        self.nodes.clear();
        self.edges.clear();
    }
}

/// The open document, its undo history, where it lives and what is selected. The document
/// can be read from anywhere but changed only through the editor's methods, each of which
/// goes through an [`Edit`] in the history.
pub struct Editor {
    doc: Document,
    history: History,
    /// Where it came from.
    pub origin: Origin,
    /// What is selected.
    pub selection: Selection,
    /// A short message for the status bar (what just happened, or what went wrong).
    pub status: String,
}

impl Editor {
    /// An editor for a document.
    pub fn new(doc: Document, origin: Origin) -> Self {
        let mut history = History::new();
        if origin == Origin::Example {
            history.mark_unsaved();
        }
        Self {
            doc,
            history,
            origin,
            selection: Selection::default(),
            status: String::new(),
        }
    }

    /// The document.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Its undo history (to read labels and counts).
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Where the document stands; changes whenever the document does.
    pub fn revision(&self) -> crate::model::Stamp {
        self.doc.stamp()
    }

    /// Marks the document as not matching any saved file (e.g. recovered after a crash).
    pub fn mark_unsaved(&mut self) {
        self.history.mark_unsaved();
    }

    /// Ends a burst of typing: the next keystroke starts a new undo step.
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Opens a transaction for a gesture (a drag, a resize): its edits become one undo step.
    pub fn begin_gesture(&mut self, label: impl Into<String>) {
        self.history.begin(label);
    }

    /// Closes the gesture's transaction as one undo step.
    pub fn commit_gesture(&mut self) {
        self.history.commit();
    }

    /// Undoes what the gesture did so far and closes it (Esc during a drag).
    pub fn abort_gesture(&mut self) {
        if let Err(e) = self.history.abort(&mut self.doc) {
            self.status = format!("Could not cancel the drag: {e}.");
        }
        self.changed();
    }

    /// The burst of typing in progress: what it types into and its undo label.
    pub fn typing(&self) -> Option<(&MergeKey, &str)> {
        self.history.typing()
    }

    /// Saves the document to `path`, stamping the save time (not an undoable change; put
    /// back if the save fails) and marking the history saved.
    pub fn save_to(&mut self, path: &std::path::Path) -> Result<(), crate::file::SaveError> {
        self.history.commit();
        let previous = self.doc.metadata().modified;
        self.doc.touch_modified(Timestamp::now());
        match crate::file::save_file(&self.doc, path) {
            Ok(()) => {
                self.history.mark_saved();
                Ok(())
            }
            Err(e) => {
                self.doc.touch_modified(previous);
                Err(e)
            }
        }
    }

    /// True when there are changes not yet saved (the example always counts as unsaved
    /// once changed; opening it alone does not).
    pub fn is_dirty(&self) -> bool {
        match self.origin {
            Origin::Example => self.history.undo_len() > 0 || self.history.in_transaction(),
            _ => self.history.is_dirty(),
        }
    }

    /// The name shown in the title bar.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::Untitled => "Untitled".into(),
            Origin::Example => "Example: Figure 2, holding (Westlake et al. 2024)".into(),
            Origin::File(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
        }
    }

    /// The window title: file name, an unsaved mark, and the program.
    pub fn window_title(&self) -> String {
        let mark = if self.is_dirty() { "● " } else { "" };
        format!("{mark}{} — CMOC Canvas", self.display_name())
    }

    fn changed(&mut self) {
        let doc = &self.doc;
        self.selection.nodes.retain(|id| doc.node(*id).is_some());
        self.selection.edges.retain(|id| doc.edge(*id).is_some());
    }

    /// Applies an edit as one undo step; a failure becomes the status message.
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>) -> bool {
        let result = self.history.apply(&mut self.doc, edit, label);
        self.after(result)
    }

    /// Applies an edit that merges with the previous one of the same `key` (typing).
    pub fn apply_merging(&mut self, edit: Edit, label: impl Into<String>, key: MergeKey) -> bool {
        let result = self.history.apply_merging(&mut self.doc, edit, label, key);
        self.after(result)
    }

    fn after(&mut self, result: Result<(), crate::edit::EditError>) -> bool {
        match result {
            Ok(()) => {
                self.changed();
                true
            }
            Err(e) => {
                self.status = format!("Could not change the diagram: {e}.");
                false
            }
        }
    }

    /// Undoes the last step.
    pub fn undo(&mut self) {
        match self.history.undo(&mut self.doc) {
            Ok(Some(label)) => self.status = format!("Undid: {label}"),
            Ok(None) => self.status = "Nothing to undo.".into(),
            Err(e) => self.status = format!("Could not undo: {e}."),
        }
        self.changed();
    }

    /// Redoes the last undone step.
    pub fn redo(&mut self) {
        match self.history.redo(&mut self.doc) {
            Ok(Some(label)) => self.status = format!("Redid: {label}"),
            Ok(None) => self.status = "Nothing to redo.".into(),
            Err(e) => self.status = format!("Could not redo: {e}."),
        }
        self.changed();
    }

    /// A label such as "CMOC 22" or "3 nodes" for undo names.
    pub fn describe_nodes(&self, ids: &BTreeSet<NodeId>) -> String {
        match ids.len() {
            1 => ids
                .first()
                .and_then(|id| self.doc.node(*id))
                .map(Node::label)
                .unwrap_or_else(|| "1 node".into()),
            n => format!("{n} nodes"),
        }
    }

    /// Adds a node of `kind` centred on `at`; a CMOC card gets the next free number.
    pub fn add_node(&mut self, kind: NodeKind, at: Point) -> Option<NodeId> {
        let number = self.doc.next_cmoc_number();
        let id = self.doc.new_node_id();
        let size = kind.default_size();
        let position = Point::new(at.x - size.width / 2.0, at.y - size.height / 2.0).rounded();
        let node = Node::new(id, kind.empty_content(number), position);
        let label = match kind {
            NodeKind::Cmoc => format!("Add CMOC {number}"),
            other => format!("Add {}", other.name().to_lowercase()),
        };
        // Regions go to the back so they sit behind what they hold.
        let index = (kind == NodeKind::Region).then_some(0);
        if self.apply(Edit::AddNode { node, index }, label) {
            self.selection.set_node(id);
            Some(id)
        } else {
            None
        }
    }

    /// Connects two nodes. An arrow leaving a condition becomes its "yes" branch, or its "no"
    /// branch when a "yes" already leaves it.
    pub fn connect(&mut self, from: NodeId, to: NodeId) -> Option<EdgeId> {
        if from == to {
            return None;
        }
        let id = self.doc.new_edge_id();
        let mut edge = Edge::new(id, from, to);
        if self.doc.node(from).map(Node::kind) == Some(NodeKind::Condition) {
            let has_yes = self
                .doc
                .edges()
                .any(|e| e.from == from && e.branch == Some(Branch::Yes));
            edge.branch = Some(if has_yes { Branch::No } else { Branch::Yes });
        }
        let label = format!(
            "Connect {} to {}",
            self.doc.node(from).map(Node::label).unwrap_or_default(),
            self.doc.node(to).map(Node::label).unwrap_or_default()
        );
        if self.apply(Edit::AddEdge { edge, index: None }, label) {
            self.selection.set_edge(id);
            Some(id)
        } else {
            None
        }
    }

    /// Deletes the selected nodes and arrows as one step.
    pub fn delete_selection(&mut self) {
        if self.selection.is_empty() {
            return;
        }
        let mut edits: Vec<Edit> = self
            .selection
            .edges
            .iter()
            .filter(|id| {
                // Arrows of deleted nodes go with them.
                self.doc.edge(**id).is_some_and(|e| {
                    !self.selection.nodes.contains(&e.from) && !self.selection.nodes.contains(&e.to)
                })
            })
            .map(|&id| Edit::RemoveEdge { id })
            .collect();
        edits.extend(
            self.selection
                .nodes
                .iter()
                .map(|&id| Edit::RemoveNode { id }),
        );
        let what = match (self.selection.nodes.len(), self.selection.edges.len()) {
            (0, 1) => "arrow".to_string(),
            (0, n) => format!("{n} arrows"),
            _ => self.describe_nodes(&self.selection.nodes.clone()),
        };
        if self.apply(Edit::Batch(edits), format!("Delete {what}")) {
            self.selection.clear();
        }
    }

    /// Toggles every selected CMOC card between positive and negative as one step.
    pub fn toggle_selected_polarity(&mut self) {
        let cards: Vec<(NodeId, Polarity)> = self
            .selection
            .nodes
            .iter()
            .filter_map(|id| {
                let card = self.doc.node(*id)?.content.cmoc()?;
                Some((*id, card.polarity))
            })
            .collect();
        if cards.is_empty() {
            self.status = "Select a CMOC card to toggle it between positive and negative.".into();
            return;
        }
        self.toggle_cards(&cards);
    }

    /// Toggles one card (a click on its badge).
    pub fn toggle_card(&mut self, id: NodeId) {
        if let Some(card) = self.doc.node(id).and_then(|n| n.content.cmoc()) {
            let polarity = card.polarity;
            self.toggle_cards(&[(id, polarity)]);
        }
    }

    fn toggle_cards(&mut self, cards: &[(NodeId, Polarity)]) {
        let edits = cards
            .iter()
            .map(|&(id, p)| Edit::SetPolarity {
                id,
                polarity: p.toggled(),
            })
            .collect();
        let label = match cards {
            [(id, p)] => {
                let number = self
                    .doc
                    .node(*id)
                    .and_then(|n| n.content.cmoc())
                    .map_or(0, |c| c.number);
                match p.toggled() {
                    Polarity::Negative => format!("Make CMOC {number} negative"),
                    Polarity::Positive => format!("Make CMOC {number} positive"),
                }
            }
            many => format!("Toggle {} CMOCs", many.len()),
        };
        if self.apply(Edit::Batch(edits), label.clone()) {
            self.status = label;
        }
    }

    /// Records a group's reaction to a card (one per group per card: a new one replaces the
    /// group's last), as one undoable step.
    pub fn react(&mut self, target: Target, group: &str, reaction: crate::model::Reaction) {
        let group = group.trim().to_string();
        let mut edits: Vec<Edit> = self
            .doc
            .annotations_on(target)
            .filter(|a| a.reaction.is_some() && a.author == group)
            .map(|a| Edit::RemoveAnnotation { id: a.id })
            .collect();
        let annotation = Annotation {
            id: self.doc.new_annotation_id(),
            target,
            author: group.clone(),
            created: Timestamp::now(),
            text: String::new(),
            resolved: false,
            reaction: Some(reaction),
            reply_to: None,
        };
        edits.push(Edit::AddAnnotation {
            annotation,
            index: None,
        });
        let about = match target {
            Target::Node(id) => self.doc.node(id).map(Node::label).unwrap_or_default(),
            Target::Edge(_) => "the arrow".into(),
        };
        let who = if group.is_empty() {
            "The group"
        } else {
            &group
        };
        let label = format!("{who} {} ({about})", reaction.words());
        if self.apply(Edit::Batch(edits), label.clone()) {
            self.status = label;
        }
    }

    /// Adds a comment to a node or arrow.
    pub fn add_comment(
        &mut self,
        target: Target,
        author: &str,
        text: &str,
    ) -> Option<AnnotationId> {
        self.write_comment(target, author, text, None)
    }

    /// Answers a comment: the reply is on the same card or arrow, under the comment.
    pub fn reply(&mut self, to: AnnotationId, author: &str, text: &str) -> Option<AnnotationId> {
        let target = self.doc.annotation(to)?.target;
        self.write_comment(target, author, text, Some(to))
    }

    fn write_comment(
        &mut self,
        target: Target,
        author: &str,
        text: &str,
        reply_to: Option<AnnotationId>,
    ) -> Option<AnnotationId> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let id = self.doc.new_annotation_id();
        let annotation = Annotation {
            id,
            target,
            author: author.trim().to_string(),
            created: Timestamp::now(),
            text: text.to_string(),
            resolved: false,
            reaction: None,
            reply_to,
        };
        let label = if reply_to.is_some() {
            "Reply to comment"
        } else {
            "Add comment"
        };
        self.apply(
            Edit::AddAnnotation {
                annotation,
                index: None,
            },
            label,
        )
        .then_some(id)
    }

    /// Marks a comment resolved or open.
    pub fn set_resolved(&mut self, id: AnnotationId, resolved: bool) {
        let label = if resolved {
            "Resolve comment"
        } else {
            "Reopen comment"
        };
        self.apply(Edit::SetResolved { id, resolved }, label);
    }

    /// Deletes a comment.
    pub fn delete_comment(&mut self, id: AnnotationId) {
        self.apply(Edit::RemoveAnnotation { id }, "Delete comment");
    }

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
