//! Workshop notes as a Word document: the same report as the Markdown one (sessions, what
//! each group said, then step by step each card with its reactions and comments), for the
//! facilitator who writes up in Word. Replies are indented under what they answer.

use super::*;
use crate::interchange::docx::{DocxError, WordDocument, plain_runs, runs};
use docx_rs::{Paragraph, Run};

/// A list item's indent per level (twentieths of a point).
const INDENT: i32 = 360;

fn item(text: &str, depth: usize) -> Paragraph {
    let level = i32::try_from(depth.min(DEEPEST_INDENT) + 1).unwrap_or(1);
    plain_runs(&format!("• {text}")).indent(Some(INDENT * level), None, None, None)
}

/// A paragraph with a bold lead ("In plain words:") then the text.
fn led(lead: &str, text: &str) -> Paragraph {
    runs(text).into_iter().fold(
        Paragraph::new().add_run(Run::new().add_text(format!("{lead} ")).bold()),
        |p, run| p.add_run(run),
    )
}

impl Notes<'_> {
    pub(super) fn docx(&self) -> Result<Vec<u8>, DocxError> {
        let title = match self.doc.metadata().title.trim() {
            "" => "untitled diagram".to_string(),
            t => t.to_string(),
        };
        let mut word = WordDocument::portrait(&format!("Workshop notes: {title}"));
        let sessions = &self.doc.workshop().sessions;
        if sessions.is_empty() {
            word.paragraph("No workshop session has been recorded with this file.");
        } else {
            word.heading("Sessions");
            for s in sessions {
                let groups = if s.groups.is_empty() {
                    String::new()
                } else {
                    format!("; groups: {}", s.groups.join(", "))
                };
                word.push(item(
                    &format!("{} to {} UTC{groups}", s.started.short(), s.ended.short()),
                    0,
                ));
                if s.changes.is_empty() {
                    word.push(item("No change to the diagram.", 1));
                }
                for c in &s.changes {
                    word.push(item(&one_line(c), 1));
                }
            }
        }
        let summary = self.group_summary();
        if !summary.is_empty() {
            word.heading("Summary: what each group said");
            for (group, said) in &summary {
                word.push(
                    item("", 0)
                        .add_run(Run::new().add_text(format!("{group}: ")).bold())
                        .add_run(Run::new().add_text(crate::interchange::docx::xml_safe(said))),
                );
            }
        }
        for (index, step) in &self.steps {
            word.heading(&self.step_heading(*index, step));
            if !step.notes.trim().is_empty() {
                word.push(led("Speaker notes:", &one_line(&step.notes)));
            }
            let mut again = Vec::new();
            for id in step.nodes() {
                if let Some(first) = self.shown_before(*id, *index) {
                    again.push(format!(
                        "{} (step {})",
                        self.node_name(*id),
                        self.step_number(first)
                    ));
                    continue;
                }
                if step.nodes().len() > 1 {
                    word.push(
                        Paragraph::new().add_run(Run::new().add_text(self.node_name(*id)).bold()),
                    );
                }
                self.node_docx(&mut word, *id);
            }
            if !again.is_empty() {
                word.paragraph(&format!(
                    "Shown again, with the words and comments given at its first step: {}",
                    again.join(", ")
                ));
            }
        }
        if !self.elsewhere.is_empty() {
            word.heading("Not on the path");
            for target in &self.elsewhere {
                word.push(
                    Paragraph::new().add_run(
                        Run::new()
                            .add_text(capitalised(&self.target_name(*target)))
                            .bold(),
                    ),
                );
                match target {
                    Target::Node(id) => self.node_docx(&mut word, *id),
                    _ => self.comments_docx(&mut word, *target),
                }
            }
        }
        word.finish()
    }

    fn node_docx(&self, word: &mut WordDocument, id: NodeId) {
        let Some(node) = self.doc.node(id) else {
            return;
        };
        if !node.plain.trim().is_empty() {
            word.push(led("In plain words:", &one_line(&node.plain)));
        }
        match &node.content {
            NodeContent::Cmoc(card) => {
                for (part, text) in [
                    ("Context", &card.context),
                    ("Mechanism", &card.mechanism),
                    ("Outcome", &card.outcome),
                ] {
                    if !text.trim().is_empty() {
                        word.push(item(&format!("{part}: {}", one_line(text)), 0));
                    }
                }
            }
            other => {
                if let Some(text) = other.text_block().map(block_words)
                    && !text.is_empty()
                {
                    word.paragraph(&text);
                }
            }
        }
        let tally = self.tally(id);
        if !tally.is_empty() {
            word.push(led("Reactions:", ""));
            for (reaction, who) in tally {
                word.push(item(
                    &format!(
                        "{} ({}): {}",
                        capitalised(reaction.words()),
                        who.len(),
                        reactors(&who)
                    ),
                    0,
                ));
            }
        }
        self.comments_docx(word, Target::Node(id));
    }

    fn comments_docx(&self, word: &mut WordDocument, target: Target) {
        let Some(threads) = self.threads.get(&target) else {
            return;
        };
        word.push(led("Comments:", ""));
        for entry in threads {
            let how = if entry.depth == 0 { "" } else { "reply from " };
            let comment = entry.comment;
            let resolved = if comment.resolved { " (resolved)" } else { "" };
            word.push(item(
                &format!(
                    "{how}{}, {}{resolved}: {}",
                    signed(comment),
                    comment.created.short(),
                    comment.text
                ),
                entry.depth,
            ));
        }
    }
}
