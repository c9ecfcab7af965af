//! Workshop notes as CSV: one row per card, comment, reply, reaction or change.

use super::*;

impl Notes<'_> {
    pub(super) fn csv(&self) -> String {
        let mut out = String::new();
        let header = [
            "Step",
            "Card",
            "Plain words",
            "Context",
            "Mechanism",
            "Outcome",
            "Entry",
            "Group",
            "Time (UTC)",
            "Words",
        ];
        row(&mut out, &header.map(String::from));
        for s in &self.doc.workshop().sessions {
            let mut when = s.started.short();
            when.push_str(" to ");
            when.push_str(&s.ended.short());
            row(
                &mut out,
                &[
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "session",
                    &s.groups.join("; "),
                    &when,
                    "",
                ]
                .map(String::from),
            );
            for c in &s.changes {
                row(
                    &mut out,
                    &["", "", "", "", "", "", "change", "", &s.ended.short(), c].map(String::from),
                );
            }
        }
        for (index, step) in &self.steps {
            let step_name = if step.skip {
                "skipped".to_string()
            } else {
                self.step_number(*index).to_string()
            };
            if matches!(step.shows, StepShows::HowToRead) {
                row(
                    &mut out,
                    &[
                        &step_name,
                        "How to read this",
                        "",
                        "",
                        "",
                        "",
                        "step",
                        "",
                        "",
                        &step.notes,
                    ]
                    .map(String::from),
                );
            }
            let mut again = Vec::new();
            for id in step.nodes() {
                match self.shown_before(*id, *index) {
                    Some(first) => again.push(format!(
                        "{} (step {})",
                        self.node_name(*id),
                        self.step_number(first)
                    )),
                    None => self.node_csv(&mut out, &step_name, *id, &step.notes),
                }
            }
            if !again.is_empty() {
                let mut cells: [String; 10] = Default::default();
                cells[0] = step_name.clone();
                cells[6] = "shown again".into();
                cells[9] = again.join(", ");
                row(&mut out, &cells);
            }
        }
        for target in &self.elsewhere {
            match target {
                Target::Node(id) => self.node_csv(&mut out, "", *id, ""),
                Target::Edge(_) => {
                    let name = self.target_name(*target);
                    self.comments_csv(&mut out, "", &name, *target);
                }
            }
        }
        out
    }

    fn node_csv(&self, out: &mut String, step: &str, id: NodeId, notes: &str) {
        let Some(node) = self.doc.node(id) else {
            return;
        };
        let name = node.label();
        let (c, m, o) = match &node.content {
            NodeContent::Cmoc(card) => (
                card.context.clone(),
                card.mechanism.clone(),
                card.outcome.clone(),
            ),
            other => (
                other
                    .text_block()
                    .map(|b| b.text.clone())
                    .unwrap_or_default(),
                String::new(),
                String::new(),
            ),
        };
        row(
            out,
            &[
                step.to_string(),
                name.clone(),
                node.plain.clone(),
                c,
                m,
                o,
                "card".into(),
                String::new(),
                String::new(),
                notes.to_string(),
            ],
        );
        for (reaction, who) in self.tally(id) {
            for a in who {
                row(
                    out,
                    &[
                        step.to_string(),
                        name.clone(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        "reaction".into(),
                        signed(a),
                        a.created.short(),
                        reaction.words().to_string(),
                    ],
                );
            }
        }
        self.comments_csv(out, step, &name, Target::Node(id));
    }

    fn comments_csv(&self, out: &mut String, step: &str, name: &str, target: Target) {
        for entry in self.threads.get(&target).into_iter().flatten() {
            let kind = if entry.depth == 0 { "comment" } else { "reply" };
            let kind = if entry.comment.resolved {
                format!("{kind} (resolved)")
            } else {
                kind.to_string()
            };
            row(
                out,
                &[
                    step.to_string(),
                    name.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    kind,
                    signed(entry.comment),
                    entry.comment.created.short(),
                    entry.comment.text.clone(),
                ],
            );
        }
    }
}
