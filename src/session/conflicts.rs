//! Merging a colleague's copy into the open diagram and resolving what the merge could not
//! decide: each conflict kept mine, taken theirs, both kept, or edited — every one an undo
//! step, said in the status line.

use super::Editor;
use super::compare::Theory;
use super::merge::{Merged, fields, merge, merge_edit, shared_version};
use crate::edit::Edit;
use crate::model::{Conflict, ConflictOn, Disagreement, Document, Node, Part};

/// What the merge starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeBase {
    /// The newest version both copies saved unchanged; none: every difference is a choice.
    Shared,
    /// A version saved in your file (by its place in the list).
    Version(usize),
    /// None: every difference is a conflict to choose.
    TwoWay,
}

/// How a conflict is resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Keep what is in the diagram (yours; for a card they removed, keep it).
    Mine,
    /// Take their side.
    Theirs,
    /// Keep both: both texts, one after the other; both cards, theirs renumbered.
    Both,
    /// Words written by the researcher.
    Edited(String),
}

impl Resolution {
    /// How it reads in undo names and the status line.
    pub fn words(&self) -> &'static str {
        match self {
            Resolution::Mine => "kept mine",
            Resolution::Theirs => "took theirs",
            Resolution::Both => "kept both",
            Resolution::Edited(_) => "edited",
        }
    }
}

impl Editor {
    /// Merges `theirs` (a colleague's copy, named `their_name` in the status line and the
    /// recorded version) into the diagram as one undo step. Returns the merge, or `None` when
    /// nothing could be merged (the status line says why).
    pub fn merge_copy(
        &mut self,
        theirs: &Document,
        their_name: &str,
        base: MergeBase,
    ) -> Option<Merged> {
        let base_version = match base {
            MergeBase::Shared => shared_version(self.doc(), theirs),
            MergeBase::Version(index) => match self.doc().versions().get(index) {
                Some(v) => Some(v),
                None => {
                    self.status = format!("There is no saved version number {}.", index + 1);
                    return None;
                }
            },
            MergeBase::TwoWay => None,
        };
        let base_words = base_version.map_or_else(
            || "with no common version: every difference is a conflict to choose".to_string(),
            |v| format!("from the version “{}”", v.name),
        );
        if let Some(version) = base_version
            && let Err(e) = super::merge::check_base(
                &Theory::of_version(version),
                &Theory::of_document(self.doc()),
                &Theory::of_document(theirs),
            )
        {
            self.status = format!("Could not merge {their_name}: {e} Nothing was changed.");
            return None;
        }
        let merged = {
            let base_theory = base_version.map(Theory::of_version);
            let doc = self.doc();
            merge(
                base_theory.as_ref(),
                &Theory::of_document(doc),
                &Theory::of_document(theirs),
                &mut || doc.allocate_id(),
            )
        };
        let record_as = format!("Merged a colleague's copy ({their_name})");
        let edit = match merge_edit(self.doc(), &merged, theirs.versions(), &record_as) {
            Ok(edit) => edit,
            Err(e) => {
                self.status = format!("Could not merge {their_name}: {e}. Nothing was changed.");
                return None;
            }
        };
        if !self.apply(edit, format!("Merge {their_name}")) {
            return None;
        }
        let outcome = if merged.conflicts.is_empty() {
            "merged cleanly".to_string()
        } else {
            format!(
                "{} to resolve in the Versions tab",
                crate::model::counted(merged.conflicts.len(), "conflict", "conflicts")
            )
        };
        self.status = format!(
            "Merged {their_name} {base_words}: {outcome}. Undo (Ctrl+Z) takes the whole merge back."
        );
        Some(merged)
    }

    /// The conflict the resolve actions settle: the first on something selected, or else the
    /// first.
    pub fn conflict_for_selection(&self) -> usize {
        self.doc()
            .conflicts()
            .iter()
            .position(|c| match c.on {
                ConflictOn::Node(id) => self.selection.nodes.contains(&id),
                ConflictOn::Arrow(id) => self.selection.edges.contains(&id),
            })
            .unwrap_or(0)
    }

    /// What a conflict is about, in words ("CMOC 4", "arrow 12"), or why it no longer applies.
    pub fn conflict_subject(&self, conflict: &Conflict) -> Option<String> {
        match conflict.on {
            ConflictOn::Node(id) => self.doc().node(id).map(Node::label),
            ConflictOn::Arrow(id) => self.doc().edge(id).map(|e| {
                let end = |n| self.doc().node(n).map(Node::label).unwrap_or_default();
                format!("the arrow from {} to {}", end(e.from), end(e.to))
            }),
        }
    }

    /// Resolves the conflict at `index` as one undo step. False (the status line says why)
    /// when there is no such conflict or the resolution does not fit it (both numbers).
    pub fn resolve_conflict(&mut self, index: usize, how: Resolution) -> bool {
        let Some(conflict) = self.doc().conflicts().get(index).cloned() else {
            self.status = format!("There is no conflict number {}.", index + 1);
            return false;
        };
        let Some(subject) = self.conflict_subject(&conflict) else {
            // What it was about was deleted since: nothing left to decide.
            return self.finish_resolution(index, Vec::new(), "it", &Resolution::Mine);
        };
        match self.resolution_edits(&conflict, &how) {
            Ok(edits) => self.finish_resolution(index, edits, &subject, &how),
            Err(why) => {
                self.status = format!("{subject}: {why}");
                false
            }
        }
    }

    /// The edits that carry out a resolution (not yet the conflict list's).
    fn resolution_edits(
        &self,
        conflict: &Conflict,
        how: &Resolution,
    ) -> Result<Vec<Edit>, &'static str> {
        let doc = self.doc();
        let keep = Ok(Vec::new());
        match (conflict.disagreement, conflict.on) {
            (Disagreement::Field(part), ConflictOn::Node(id)) => {
                let mut node = doc
                    .node(id)
                    .cloned()
                    .ok_or("it is no longer in the diagram")?;
                match how {
                    Resolution::Mine => return keep,
                    Resolution::Theirs => {
                        let theirs = conflict
                            .their_node
                            .as_ref()
                            .ok_or("their side was not kept")?;
                        fields::take_part(&mut node, theirs, part);
                    }
                    Resolution::Both => {
                        let theirs = conflict.theirs.clone();
                        let text = fields::part_text(&mut node, part)
                            .ok_or("only words can be kept both ways: choose mine or theirs")?;
                        if !text.contains(&theirs) {
                            *text = format!("{}\n{theirs}", text.trim_end());
                        }
                    }
                    Resolution::Edited(words) => {
                        *fields::part_text(&mut node, part)
                            .ok_or("only words can be edited here: choose mine or theirs")? =
                            words.clone();
                    }
                }
                Ok(vec![Edit::ReplaceNode { node }])
            }
            (Disagreement::ArrowField(part), ConflictOn::Arrow(id)) => {
                let mut edge = doc
                    .edge(id)
                    .cloned()
                    .ok_or("it is no longer in the diagram")?;
                match how {
                    Resolution::Mine => return keep,
                    Resolution::Theirs => {
                        let theirs = conflict
                            .their_arrow
                            .as_ref()
                            .ok_or("their side was not kept")?;
                        fields::take_edge_part(&mut edge, theirs, part);
                    }
                    Resolution::Both | Resolution::Edited(_)
                        if part != crate::model::EdgePart::Label =>
                    {
                        return Err("only an arrow's label can be kept both ways or edited");
                    }
                    Resolution::Both => {
                        edge.label = format!("{} / {}", edge.label, conflict.theirs);
                    }
                    Resolution::Edited(words) => edge.label = words.clone(),
                }
                Ok(vec![Edit::ReplaceEdge { edge }])
            }
            (Disagreement::RemovedInYours, on) | (Disagreement::RemovedInTheirs, on) => {
                // Mine means what I did: removed (RemovedInYours) or kept and changed.
                let remove = match (conflict.disagreement, how) {
                    (Disagreement::RemovedInYours, Resolution::Mine) => true,
                    (Disagreement::RemovedInTheirs, Resolution::Theirs) => true,
                    (_, Resolution::Edited(_)) => {
                        return Err("choose to keep it or to remove it");
                    }
                    _ => false,
                };
                Ok(if !remove {
                    Vec::new()
                } else {
                    match on {
                        ConflictOn::Node(id) => vec![Edit::RemoveNode { id }],
                        ConflictOn::Arrow(id) => vec![Edit::RemoveEdge { id }],
                    }
                })
            }
            (Disagreement::SameNumber, ConflictOn::Node(theirs)) => {
                let node = doc.node(theirs).ok_or("it is no longer in the diagram")?;
                let card = node.content.cmoc().ok_or("it is no longer a CMOC card")?;
                match how {
                    Resolution::Mine => Ok(vec![Edit::RemoveNode { id: theirs }]),
                    Resolution::Theirs => {
                        let mine = doc
                            .cmoc_cards()
                            .find(|(n, c)| {
                                n.id != theirs
                                    && c.number == card.number
                                    && c.polarity == card.polarity
                            })
                            .map(|(n, _)| n.id);
                        Ok(mine.map(|id| Edit::RemoveNode { id }).into_iter().collect())
                    }
                    Resolution::Both => {
                        let mut node = node.clone();
                        if let Some(c) = node.content.cmoc_mut() {
                            c.number = doc.next_cmoc_number();
                        }
                        Ok(vec![Edit::ReplaceNode { node }])
                    }
                    Resolution::Edited(_) => {
                        Err("renumber one of the cards in the inspector, or keep both")
                    }
                }
            }
            _ => Err("this conflict is not one the app knows how to resolve"),
        }
    }

    /// Applies the resolution's edits and drops the conflict, with any others the edits made
    /// moot (a removed card's), as one undo step.
    fn finish_resolution(
        &mut self,
        index: usize,
        mut edits: Vec<Edit>,
        subject: &str,
        how: &Resolution,
    ) -> bool {
        let mut after = self.doc().clone();
        for edit in &edits {
            if let Err(e) = edit.clone().apply(&mut after) {
                self.status = format!("Could not resolve the conflict on {subject}: {e}.");
                return false;
            }
        }
        let conflicts: Vec<Conflict> = self
            .doc()
            .conflicts()
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                *i != index
                    && match c.on {
                        ConflictOn::Node(id) => after.node(id).is_some(),
                        ConflictOn::Arrow(id) => after.edge(id).is_some(),
                    }
            })
            .map(|(_, c)| c.clone())
            .collect();
        edits.push(Edit::SetConflicts { conflicts });
        let left = self.doc().conflicts().len().saturating_sub(1);
        if !self.apply(
            Edit::Batch(edits),
            format!("Resolve conflict on {subject} ({})", how.words()),
        ) {
            return false;
        }
        let left = self.doc().conflicts().len().min(left);
        self.status = format!(
            "Resolved the conflict on {subject}: {}. {}",
            how.words(),
            if left == 0 {
                "No conflicts are left.".to_string()
            } else {
                format!(
                    "{} left.",
                    crate::model::counted(left, "conflict", "conflicts")
                )
            }
        );
        true
    }
}

/// The part a conflict is about, if it is one part of a node.
pub fn conflict_part(conflict: &Conflict) -> Option<Part> {
    match conflict.disagreement {
        Disagreement::Field(part) => Some(part),
        _ => None,
    }
}
