//! Comments, replies and a group's reactions: what a researcher or a room says about the diagram.

use super::Editor;
use crate::edit::Edit;
use crate::model::{Annotation, AnnotationId, Node, Target, Timestamp};

impl Editor {
    /// Records a group's reaction to a card (one per group per card: a new one replaces the
    /// group's last), as one undoable step.
    pub fn react(&mut self, target: Target, group: &str, reaction: crate::model::Reaction) {
        let group = group.trim().to_string();
        let mut edits: Vec<Edit> = self
            .doc
            .annotations_on(target)
            .filter(|a| a.reaction.is_some() && a.phone.is_none() && a.author == group)
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
            phone: None,
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
        self.write_comment(target, author, text, None, None)
    }

    /// Answers a comment: the reply is on the same card or arrow, under the comment.
    pub fn reply(&mut self, to: AnnotationId, author: &str, text: &str) -> Option<AnnotationId> {
        let target = self.doc.annotation(to)?.target;
        self.write_comment(target, author, text, Some(to), None)
    }

    pub(super) fn write_comment(
        &mut self,
        target: Target,
        author: &str,
        text: &str,
        reply_to: Option<AnnotationId>,
        phone: Option<String>,
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
            phone,
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
}
