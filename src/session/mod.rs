//! The headless editor: the open document and everything done to it, with no window. Every
//! change goes through [`History`], and the selection follows the document (things that
//! disappear are deselected). The window (`app/`), the command line, the tests and the
//! benchmarks all drive this one [`Editor`]; nothing here knows the window toolkit.

mod action;
mod annotate;
mod arrange;
mod clipboard;
pub mod compare;
mod comparing;
mod conflicts;
mod find;
pub mod merge;
mod nodes;
mod room;
mod versions;
mod workshop;

pub use crate::model::PhoneComment;
pub use action::{Action, Performed};
pub use arrange::{Align, TidyJob, TidyPoll};
pub use clipboard::MAX_PASTE_BYTES;
pub use comparing::Comparing;
pub use conflicts::{MergeBase, Resolution, conflict_part};
pub use find::Find;
pub use room::{FromRoom, HOW_TO_READ_ON_A_PHONE};

use crate::edit::{Edit, History, MergeKey};
use crate::model::{Document, EdgeId, NodeId, Timestamp};
use std::collections::BTreeSet;
use std::path::PathBuf;

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
    /// What the diagram is being compared with, if anything.
    comparing: Option<Comparing>,
    /// Comments from the room's phones waiting for the facilitator (not saved: the room's
    /// session is live).
    phone_queue: Vec<PhoneComment>,
}

impl Editor {
    /// An editor for a document.
    pub fn new(doc: Document, origin: Origin) -> Self {
        let mut history = History::new();
        if origin == Origin::Example {
            history.mark_unsaved();
        }
        if matches!(origin, Origin::File(_)) {
            // A file may be a copy a colleague edits too: start new ids somewhere of our own.
            doc.spread_new_ids(random_offset());
        }
        Self {
            doc,
            history,
            origin,
            selection: Selection::default(),
            status: String::new(),
            comparing: None,
            phone_queue: Vec::new(),
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
}

/// A number below 2^24 that differs from one run of the program to the next (std's
/// per-process random hash keys, mixed with the time): where this session's new ids start.
fn random_offset() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(now);
    hasher.finish() % (1 << 24)
}
