//! Workshop notes as Markdown: a readable report.

use super::*;

impl Notes<'_> {
    pub(super) fn markdown(&self) -> String {
        let mut out = String::new();
        let title = &self.doc.metadata().title;
        let _ = writeln!(
            out,
            "# Workshop notes: {}\n",
            if title.trim().is_empty() {
                "untitled diagram"
            } else {
                title.trim()
            }
        );
        let sessions = &self.doc.workshop().sessions;
        if sessions.is_empty() {
            let _ = writeln!(
                out,
                "No workshop session has been recorded with this file.\n"
            );
        } else {
            let _ = writeln!(out, "## Sessions\n");
            for s in sessions {
                let groups = if s.groups.is_empty() {
                    String::new()
                } else {
                    format!("; groups: {}", s.groups.join(", "))
                };
                let _ = writeln!(
                    out,
                    "- {} to {} UTC{groups}",
                    s.started.short(),
                    s.ended.short()
                );
                if s.changes.is_empty() {
                    let _ = writeln!(out, "  - No change to the diagram.");
                }
                for c in &s.changes {
                    let _ = writeln!(out, "  - {}", one_line(c));
                }
            }
            out.push('\n');
        }
        self.summary_markdown(&mut out);
        for (index, step) in &self.steps {
            let _ = writeln!(out, "## {}\n", self.step_heading(*index, step));
            if !step.notes.trim().is_empty() {
                let _ = writeln!(out, "Speaker notes: {}\n", one_line(&step.notes));
            }
            let mut again = Vec::new();
            for id in step.nodes() {
                if let Some(first) = self.shown_before(*id, *index) {
                    again.push((self.node_name(*id), first));
                    continue;
                }
                if step.nodes().len() > 1 {
                    let _ = writeln!(out, "### {}\n", self.node_name(*id));
                }
                self.node_markdown(&mut out, *id);
            }
            if !again.is_empty() {
                let listed: Vec<String> = again
                    .iter()
                    .map(|(name, first)| format!("{name} (step {})", self.step_number(*first)))
                    .collect();
                let _ = writeln!(
                    out,
                    "Shown again, with the words and comments given at its first step: {}\n",
                    listed.join(", ")
                );
            }
        }
        if !self.elsewhere.is_empty() {
            let _ = writeln!(out, "## Not on the path\n");
            for target in &self.elsewhere {
                let _ = writeln!(out, "### {}\n", capitalised(&self.target_name(*target)));
                if let Target::Node(id) = target {
                    self.node_markdown(&mut out, *id);
                } else {
                    self.comments_markdown(&mut out, *target);
                }
            }
        }
        out
    }

    /// What each group said, before the step-by-step record: the cards and arrows it
    /// commented on, and its reactions. Nothing when nobody said anything.
    fn summary_markdown(&self, out: &mut String) {
        let summary = self.group_summary();
        if summary.is_empty() {
            return;
        }
        let _ = writeln!(out, "## Summary: what each group said\n");
        for (group, said) in &summary {
            let _ = writeln!(out, "- **{group}**: {said}");
        }
        out.push('\n');
    }

    /// Each group (by name) and what it said, in a line: "2 comments and replies on CMOC 4,
    /// CMOC 6; reactions: agrees with CMOC 4".
    pub(super) fn group_summary(&self) -> Vec<(String, String)> {
        // Group → (what it commented on, with counts; its reactions, by card).
        let mut by_group: BTreeMap<String, (BTreeMap<String, usize>, Vec<String>)> =
            BTreeMap::new();
        for a in self.doc.annotations() {
            let group = match a.author.trim() {
                "" => "(no name given)".to_string(),
                name => one_line(name),
            };
            let (comments, reactions) = by_group.entry(group).or_default();
            match a.reaction {
                Some(r) => reactions.push(format!("{} {}", r.words(), self.target_name(a.target))),
                None => *comments.entry(self.target_name(a.target)).or_default() += 1,
            }
        }
        by_group
            .into_iter()
            .map(|(group, (comments, reactions))| {
                let mut parts = Vec::new();
                if !comments.is_empty() {
                    let total: usize = comments.values().sum();
                    let on: Vec<String> = comments
                        .iter()
                        .map(|(target, n)| match n {
                            1 => target.clone(),
                            n => format!("{target} ({n})"),
                        })
                        .collect();
                    parts.push(format!(
                        "{} on {}",
                        crate::model::counted(total, "comment or reply", "comments and replies"),
                        on.join(", ")
                    ));
                }
                if !reactions.is_empty() {
                    parts.push(format!("reactions: {}", reactions.join("; ")));
                }
                (group, parts.join("; "))
            })
            .collect()
    }

    fn node_markdown(&self, out: &mut String, id: NodeId) {
        let Some(node) = self.doc.node(id) else {
            return;
        };
        if !node.plain.trim().is_empty() {
            let _ = writeln!(out, "**In plain words:** {}\n", one_line(&node.plain));
        }
        match &node.content {
            NodeContent::Cmoc(card) => {
                for (part, text) in [
                    ("Context", &card.context),
                    ("Mechanism", &card.mechanism),
                    ("Outcome", &card.outcome),
                ] {
                    if !text.trim().is_empty() {
                        let _ = writeln!(out, "- {part}: {}", one_line(text));
                    }
                }
                out.push('\n');
            }
            other => {
                if let Some(text) = other.text_block().map(block_words)
                    && !text.is_empty()
                {
                    let _ = writeln!(out, "{text}\n");
                }
            }
        }
        let tally = self.tally(id);
        if !tally.is_empty() {
            let _ = writeln!(out, "Reactions:\n");
            for (reaction, who) in tally {
                let _ = writeln!(
                    out,
                    "- {} ({}): {}",
                    capitalised(reaction.words()),
                    who.len(),
                    reactors(&who)
                );
            }
            out.push('\n');
        }
        self.comments_markdown(out, Target::Node(id));
    }

    fn comments_markdown(&self, out: &mut String, target: Target) {
        let Some(threads) = self.threads.get(&target) else {
            return;
        };
        let _ = writeln!(out, "Comments:\n");
        for entry in threads {
            let depth = entry.depth.min(DEEPEST_INDENT);
            let indent = "  ".repeat(depth);
            let how = if entry.depth == 0 { "" } else { "reply from " };
            let comment = entry.comment;
            let resolved = if comment.resolved { " (resolved)" } else { "" };
            let _ = writeln!(
                out,
                "{indent}- {how}**{}**, {}{resolved}: {}",
                markdown_cell(&signed(comment)),
                comment.created.short(),
                continued(&as_text(&comment.text), &format!("{indent}  "))
            );
        }
        out.push('\n');
    }
}

/// Words someone typed (a participant's phone among them), kept as words in Markdown: a `<`,
/// `>` or `&` becomes its entity, so no renderer takes a comment for HTML.
fn as_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
