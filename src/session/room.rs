//! The room's phones in the session: what a step shows a phone, and what the phones send
//! taken into the document — each reaction at once (one per phone per card, changeable), each
//! comment into a queue the facilitator accepts from, or straight onto the card when they
//! chose that. An accepted comment is an ordinary group comment that says it came from a
//! phone: undoable, in the session's record and in the workshop notes.
//!
//! Headless, like the rest of the session: the window, the tests and the load test use it
//! the same way.

use super::Editor;
use crate::edit::Edit;
use crate::model::{
    Annotation, AnnotationId, Node, NodeContent, NodeId, PathStep, PhoneComment, Polarity,
    Reaction, StepShows, Target, Timestamp,
};
use crate::room::{Part, RoomEvent, StepView};

/// What [`Editor::take_from_room`] did, for the window to say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FromRoom {
    /// Phones joined so far, when one joined.
    pub joined: Option<usize>,
    /// Reactions recorded.
    pub reactions: usize,
    /// Comments put in the queue.
    pub queued: usize,
    /// Comments put straight onto their cards.
    pub added: usize,
}

/// What the "How to read this" step says on a phone.
pub const HOW_TO_READ_ON_A_PHONE: &str = "Each numbered box on the screen is one idea about how the service helps, for whom and when. The facilitator will go through them one by one. When a card is shown here, you can say whether it matches your experience, and add a comment.";

impl Editor {
    /// Takes what the phones sent: reactions are recorded at once; comments are queued for
    /// the facilitator, or added to their cards straight away when `straight_onto_card`.
    /// Anything about a card deleted since is dropped.
    pub fn take_from_room(&mut self, events: Vec<RoomEvent>, straight_onto_card: bool) -> FromRoom {
        let mut taken = FromRoom::default();
        for event in events {
            match event {
                RoomEvent::Joined { devices } => taken.joined = Some(devices),
                RoomEvent::React {
                    phone,
                    card,
                    reaction,
                    group,
                } => {
                    if self.react_from_phone(&phone.0, card, &group, reaction) {
                        taken.reactions += 1;
                    }
                }
                RoomEvent::Comment {
                    phone,
                    card,
                    text,
                    group,
                } => {
                    if self.doc.node(card).is_none() {
                        continue;
                    }
                    let comment = PhoneComment {
                        phone: phone.0,
                        card,
                        text,
                        group,
                        received: Timestamp::now(),
                    };
                    if straight_onto_card {
                        if self.add_phone_comment(&comment).is_some() {
                            taken.added += 1;
                        }
                    } else {
                        self.phone_queue.push(comment);
                        taken.queued += 1;
                    }
                }
            }
        }
        taken
    }

    /// Records a phone's reaction to a card, replacing that phone's last one on it, as one
    /// undoable step. False for a card that is not there any more.
    pub fn react_from_phone(
        &mut self,
        phone: &str,
        card: NodeId,
        group: &str,
        reaction: Reaction,
    ) -> bool {
        let Some(about) = self.doc.node(card).map(Node::label) else {
            return false;
        };
        let target = Target::Node(card);
        let mut edits: Vec<Edit> = self
            .doc
            .annotations_on(target)
            .filter(|a| a.reaction.is_some() && a.phone.as_deref() == Some(phone))
            .map(|a| Edit::RemoveAnnotation { id: a.id })
            .collect();
        let group = group.trim().to_string();
        let label = format!(
            "A phone{} {} ({about})",
            if group.is_empty() {
                String::new()
            } else {
                format!(" ({group})")
            },
            reaction.words()
        );
        edits.push(Edit::AddAnnotation {
            annotation: Annotation {
                id: self.doc.new_annotation_id(),
                target,
                author: group,
                created: Timestamp::now(),
                text: String::new(),
                resolved: false,
                reaction: Some(reaction),
                reply_to: None,
                phone: Some(phone.to_string()),
            },
            index: None,
        });
        self.apply(Edit::Batch(edits), label)
    }

    /// Puts back comments that were waiting from phones (from a recovery snapshot), before
    /// any that arrived since; those about cards no longer in the diagram are dropped.
    pub fn restore_phone_comments(&mut self, waiting: Vec<PhoneComment>) {
        let kept: Vec<PhoneComment> = waiting
            .into_iter()
            .filter(|c| self.doc.node(c.card).is_some())
            .collect();
        self.phone_queue.splice(0..0, kept);
    }

    /// The comments from phones waiting for the facilitator, oldest first.
    pub fn phone_comments(&self) -> &[PhoneComment] {
        &self.phone_queue
    }

    /// Accepts the waiting comment at `index`: it goes onto its card as a group comment from
    /// a phone (one undoable step). `None` when there is no such comment, or its card was
    /// deleted (the comment is then dropped from the queue, and the status says so).
    pub fn accept_phone_comment(&mut self, index: usize) -> Option<AnnotationId> {
        if index >= self.phone_queue.len() {
            return None;
        }
        let comment = self.phone_queue.remove(index);
        let added = self.add_phone_comment(&comment);
        if added.is_none() {
            self.status =
                "That comment's card is no longer in the diagram; the comment was not added."
                    .into();
        }
        added
    }

    /// Sets the waiting comment at `index` aside (it is not added). True when there was one.
    pub fn set_aside_phone_comment(&mut self, index: usize) -> bool {
        if index < self.phone_queue.len() {
            self.phone_queue.remove(index);
            self.status = "Comment from a phone set aside.".into();
            true
        } else {
            false
        }
    }

    fn add_phone_comment(&mut self, comment: &PhoneComment) -> Option<AnnotationId> {
        self.doc.node(comment.card)?;
        let added = self.write_comment(
            Target::Node(comment.card),
            comment.signed(),
            &comment.text,
            None,
            Some(comment.phone.clone()),
        );
        if added.is_some() {
            self.status = format!("Comment from a phone added ({}).", comment.signed());
        }
        added
    }

    /// What phones are shown for `step` (number `position` of `total`), with reactions and
    /// comments going to `node`, and `groups` to choose from. Words only: nothing else of the
    /// file.
    pub fn phone_view(
        &self,
        step: &PathStep,
        position: usize,
        total: usize,
        node: Option<NodeId>,
        groups: &[String],
    ) -> StepView {
        let mut view = StepView {
            position: format!("Step {} of {total}", position + 1),
            groups: groups.to_vec(),
            open: true,
            ..StepView::default()
        };
        let node = node.and_then(|id| self.doc.node(id));
        match (node, &step.shows) {
            (None, _) | (_, StepShows::HowToRead) => {
                view.title = "How to read this".into();
                view.plain = HOW_TO_READ_ON_A_PHONE.into();
            }
            (Some(node), StepShows::Nodes(_)) => {
                card_words(node, &mut view);
                if !step.title.trim().is_empty() {
                    view.title = format!("{} — {}", step.title.trim(), view.title);
                }
                view.card = Some(node.id.0);
            }
        }
        view
    }
}

/// A node's badge, title, plain words and parts, for a phone.
fn card_words(node: &Node, view: &mut StepView) {
    let own_plain = node.plain.trim();
    match &node.content {
        NodeContent::Cmoc(card) => {
            view.badge = node.label();
            view.title = match (card.title.trim(), card.polarity) {
                ("", Polarity::Positive) => node.label(),
                ("", Polarity::Negative) => "What happens when this does not work".into(),
                (title, _) => title.to_string(),
            };
            view.plain = if own_plain.is_empty() {
                crate::interchange::plain_sentence(card)
            } else {
                own_plain.to_string()
            };
            for (name, text) in [
                ("Context", &card.context),
                ("Mechanism", &card.mechanism),
                ("Outcome", &card.outcome),
            ] {
                if !text.trim().is_empty() {
                    view.parts.push(Part {
                        name: name.into(),
                        text: text.trim().to_string(),
                    });
                }
            }
        }
        other => {
            let block = other.text_block().cloned().unwrap_or_default();
            view.badge = node.kind().name().to_string();
            view.title = match block.title.trim() {
                "" | "IF" => crate::model::shorten(block.text.trim(), 80),
                t => t.to_string(),
            };
            view.plain = if !own_plain.is_empty() {
                own_plain.to_string()
            } else if matches!(other, NodeContent::Condition(_)) {
                format!(
                    "A fork in the road: {}. The next cards say what happens when this is true, and when it is not.",
                    block.text.trim()
                )
            } else {
                block.text.trim().to_string()
            };
        }
    }
}
