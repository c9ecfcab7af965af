//! Workshop notes: what a group said about the theory, step by step along the presentation
//! path — each card with its badge, plain words and C/M/O, every comment and reply with its
//! group and time, the reactions of each group, and what changed in the diagram during each
//! session. Written as Markdown (to read and to paste into a report) or CSV (one row per
//! entry, for a spreadsheet). Nothing the room said is left out: comments on cards that are
//! not on the path, and on arrows, come in a last section.

use super::table::{csv_cell, markdown_cell};
use crate::model::{
    Annotation, AnnotationId, Document, Node, NodeContent, NodeId, PathStep, Reaction, StepShows,
    Target, resolve_path,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

/// How to write workshop notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum NotesFormat {
    /// A readable report, for sharing with the group and pasting into a write-up.
    Markdown,
    /// One row per card, comment, reply, reaction or change, for a spreadsheet.
    Csv,
}

/// The workshop notes of a document, following its presentation path (the saved one, else
/// the one derived from the diagram).
pub fn workshop_notes(doc: &Document, format: NotesFormat) -> String {
    let path = resolve_path(doc, || crate::scene::presentation_order_of(doc));
    let notes = Notes::gather(doc, &path);
    match format {
        NotesFormat::Markdown => notes.markdown(),
        NotesFormat::Csv => notes.csv(),
    }
}

/// One comment with the replies under it, oldest first.
struct Thread<'a> {
    comment: &'a Annotation,
    replies: Vec<Thread<'a>>,
}

struct Notes<'a> {
    doc: &'a Document,
    /// Steps in order; for each, the nodes it shows.
    steps: Vec<(usize, &'a PathStep)>,
    path: &'a [PathStep],
    threads: HashMap<Target, Vec<Thread<'a>>>,
    reactions: HashMap<NodeId, Vec<&'a Annotation>>,
    /// Targets with words that no step shows.
    elsewhere: Vec<Target>,
}

impl<'a> Notes<'a> {
    fn gather(doc: &'a Document, path: &'a [PathStep]) -> Self {
        let mut children: HashMap<AnnotationId, Vec<&Annotation>> = HashMap::new();
        let mut roots: Vec<&Annotation> = Vec::new();
        let mut reactions: HashMap<NodeId, Vec<&Annotation>> = HashMap::new();
        for a in doc.annotations() {
            if a.reaction.is_some() {
                if let Target::Node(id) = a.target {
                    reactions.entry(id).or_default().push(a);
                }
                continue;
            }
            match a.reply_to {
                Some(parent) if doc.annotation(parent).is_some() && parent != a.id => {
                    children.entry(parent).or_default().push(a);
                }
                _ => roots.push(a),
            }
        }
        fn thread<'a>(
            a: &'a Annotation,
            children: &HashMap<AnnotationId, Vec<&'a Annotation>>,
            seen: &mut HashSet<AnnotationId>,
        ) -> Thread<'a> {
            seen.insert(a.id);
            let replies = children
                .get(&a.id)
                .map(|cs| {
                    cs.iter()
                        .filter(|c| !seen.contains(&c.id))
                        .copied()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
                .into_iter()
                .map(|c| thread(c, children, seen))
                .collect();
            Thread {
                comment: a,
                replies,
            }
        }
        let mut seen = HashSet::new();
        let mut threads: HashMap<Target, Vec<Thread>> = HashMap::new();
        for root in roots {
            let t = thread(root, &children, &mut seen);
            threads.entry(root.target).or_default().push(t);
        }
        // Replies whose chain loops back on itself have no root: keep them as comments.
        for a in doc.annotations() {
            if a.reaction.is_none() && !seen.contains(&a.id) {
                let t = thread(a, &children, &mut seen);
                threads.entry(a.target).or_default().push(t);
            }
        }
        let steps: Vec<(usize, &PathStep)> = path.iter().enumerate().collect();
        let shown: HashSet<NodeId> = path
            .iter()
            .flat_map(|s| s.nodes().iter().copied())
            .collect();
        let mut elsewhere: Vec<Target> = doc
            .annotations()
            .map(|a| a.target)
            .filter(|t| match t {
                Target::Node(id) => !shown.contains(id),
                Target::Edge(_) => true,
            })
            .collect();
        let mut unique = HashSet::new();
        elsewhere.retain(|t| unique.insert(*t));
        Self {
            doc,
            steps,
            path,
            threads,
            reactions,
            elsewhere,
        }
    }

    fn step_heading(&self, index: usize, step: &PathStep) -> String {
        let what = match &step.shows {
            StepShows::HowToRead => "How to read this".to_string(),
            StepShows::Nodes(ids) if !step.title.is_empty() || ids.len() > 1 => {
                let names: Vec<String> = ids.iter().map(|id| self.node_name(*id)).collect();
                if step.title.is_empty() {
                    names.join(", ")
                } else {
                    format!("{} ({})", step.title, names.join(", "))
                }
            }
            StepShows::Nodes(ids) => ids
                .first()
                .map_or_else(String::new, |id| self.node_name(*id)),
        };
        let skipped = if step.skip { " (skipped)" } else { "" };
        format!("Step {} of {}: {what}{skipped}", index + 1, self.path.len())
    }

    fn node_name(&self, id: NodeId) -> String {
        self.doc
            .node(id)
            .map_or_else(|| format!("node {}", id.0), Node::label)
    }

    fn target_name(&self, target: Target) -> String {
        match target {
            Target::Node(id) => self.node_name(id),
            Target::Edge(id) => match self.doc.edge(id) {
                Some(e) => format!(
                    "the arrow from {} to {}",
                    self.node_name(e.from),
                    self.node_name(e.to)
                ),
                None => "an arrow since deleted".into(),
            },
        }
    }

    /// Reactions on a node, by reaction: "Agrees: Table 1, Carers".
    fn tally(&self, id: NodeId) -> Vec<(Reaction, Vec<&'a Annotation>)> {
        let mut by: BTreeMap<Reaction, Vec<&Annotation>> = BTreeMap::new();
        for a in self.reactions.get(&id).into_iter().flatten() {
            if let Some(r) = a.reaction {
                by.entry(r).or_default().push(a);
            }
        }
        by.into_iter().collect()
    }

    fn markdown(&self) -> String {
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
        for (index, step) in &self.steps {
            let _ = writeln!(out, "## {}\n", self.step_heading(*index, step));
            if !step.notes.trim().is_empty() {
                let _ = writeln!(out, "Speaker notes: {}\n", one_line(&step.notes));
            }
            for id in step.nodes() {
                if step.nodes().len() > 1 {
                    let _ = writeln!(out, "### {}\n", self.node_name(*id));
                }
                self.node_markdown(&mut out, *id);
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
                if let Some(block) = other.text_block() {
                    let text = [block.title.trim(), block.text.trim()]
                        .into_iter()
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(": ");
                    if !text.is_empty() {
                        let _ = writeln!(out, "{}\n", one_line(&text));
                    }
                }
            }
        }
        let tally = self.tally(id);
        if !tally.is_empty() {
            let _ = writeln!(out, "Reactions:\n");
            for (reaction, who) in tally {
                let names: Vec<String> = who.iter().map(|a| signed(a)).collect();
                let _ = writeln!(
                    out,
                    "- {} ({}): {}",
                    capitalised(reaction.words()),
                    who.len(),
                    names.join(", ")
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
        fn write(out: &mut String, t: &Thread, depth: usize) {
            let indent = "  ".repeat(depth);
            let how = if depth == 0 { "" } else { "reply from " };
            let resolved = if t.comment.resolved {
                " (resolved)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{indent}- {how}**{}**, {}{resolved}: {}",
                markdown_cell(&signed(t.comment)),
                t.comment.created.short(),
                continued(&t.comment.text, &format!("{indent}  "))
            );
            for r in &t.replies {
                write(out, r, depth + 1);
            }
        }
        for t in threads {
            write(out, t, 0);
        }
        out.push('\n');
    }

    fn csv(&self) -> String {
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
            let step_name = format!("{}", index + 1);
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
            for id in step.nodes() {
                self.node_csv(&mut out, &step_name, *id, &step.notes);
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
        fn write(out: &mut String, step: &str, name: &str, t: &Thread, depth: usize) {
            let entry = if depth == 0 { "comment" } else { "reply" };
            let entry = if t.comment.resolved {
                format!("{entry} (resolved)")
            } else {
                entry.to_string()
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
                    entry,
                    signed(t.comment),
                    t.comment.created.short(),
                    t.comment.text.clone(),
                ],
            );
            for r in &t.replies {
                write(out, step, name, r, depth + 1);
            }
        }
        for t in self.threads.get(&target).into_iter().flatten() {
            write(out, step, name, t, 0);
        }
    }
}

fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Who wrote a comment or reacted, as signed.
fn signed(a: &Annotation) -> String {
    if a.author.trim().is_empty() {
        "Anonymous".into()
    } else {
        a.author.trim().to_string()
    }
}

/// Text on one Markdown line (line breaks become spaces).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text that may run over several lines, continued under a list item with `indent`.
fn continued(text: &str, indent: &str) -> String {
    text.trim()
        .lines()
        .collect::<Vec<_>>()
        .join(&format!("\n{indent}"))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::model::{Session, Timestamp};

    fn comment(doc: &Document, target: Target, author: &str, text: &str) -> Annotation {
        Annotation {
            id: AnnotationId(doc.allocate_id()),
            target,
            author: author.into(),
            created: Timestamp::from_utc(2026, 11, 29, 14, 5, 0),
            text: text.into(),
            resolved: false,
            reaction: None,
            reply_to: None,
        }
    }

    #[test]
    fn every_word_the_room_said_is_in_both_formats() {
        let mut doc = crate::app::example_document();
        let order = crate::scene::presentation_order_of(&doc);
        let card = *order.get(3).expect("a card on the path");
        let first = comment(
            &doc,
            Target::Node(card),
            "Table 2",
            "This is what happened to my mum,\nwith a comma",
        );
        let mut reply = comment(&doc, Target::Node(card), "Facilitator", "Thank you");
        reply.reply_to = Some(first.id);
        let mut reaction = comment(&doc, Target::Node(card), "Carers", "");
        reaction.reaction = Some(Reaction::Disagrees);
        let edge = doc.edges().next().map(|e| e.id).expect("an arrow");
        let on_arrow = comment(&doc, Target::Edge(edge), "Table 1", "Is this arrow right?");
        for a in [&first, &reply, &reaction, &on_arrow] {
            Edit::AddAnnotation {
                annotation: (*a).clone(),
                index: None,
            }
            .apply(&mut doc)
            .expect("add");
        }
        doc.record_session(Session {
            started: Timestamp::from_utc(2026, 11, 29, 14, 0, 0),
            ended: Timestamp::from_utc(2026, 11, 29, 15, 0, 0),
            groups: vec!["Table 1".into(), "Table 2".into(), "Carers".into()],
            changes: vec!["CMOC 18 made negative".into()],
        });
        let name = doc.node(card).map(Node::label).unwrap_or_default();
        let md = workshop_notes(&doc, NotesFormat::Markdown);
        for needle in [
            "This is what happened to my mum,",
            "with a comma",
            "reply from **Facilitator**",
            "Disagrees (1): Carers",
            "Is this arrow right?",
            "CMOC 18 made negative",
            "groups: Table 1, Table 2, Carers",
            "## Step 1 of",
            "How to read this",
            name.as_str(),
        ] {
            assert!(md.contains(needle), "{needle:?} missing from\n{md}");
        }
        let step_of_card = md.find(&format!(": {name}\n")).expect("the card's step");
        assert!(md[step_of_card..].find("This is what happened").is_some());
        let csv = workshop_notes(&doc, NotesFormat::Csv);
        let table = crate::interchange::read_csv(&csv).expect("our CSV reads back");
        let words: Vec<&str> = table
            .rows
            .iter()
            .filter_map(|r| r.cells.last().map(String::as_str))
            .collect();
        for needle in [
            "This is what happened to my mum,\nwith a comma",
            "Thank you",
            "disagrees",
            "Is this arrow right?",
            "CMOC 18 made negative",
        ] {
            assert!(
                words.iter().any(|w| w.contains(needle)),
                "{needle:?} missing from {words:?}"
            );
        }
        assert!(
            table
                .rows
                .iter()
                .any(|r| r.cells.get(6).is_some_and(|e| e == "reply")
                    && r.cells.get(7).is_some_and(|g| g == "Facilitator"))
        );
    }

    #[test]
    fn a_reply_loop_in_a_hand_edited_file_loses_nothing_and_ends() {
        let mut doc = crate::app::example_document();
        let card = doc.cmoc_cards().next().map(|(n, _)| n.id).expect("card");
        let mut a = comment(&doc, Target::Node(card), "A", "first words");
        let mut b = comment(&doc, Target::Node(card), "B", "second words");
        a.reply_to = Some(b.id);
        b.reply_to = Some(a.id);
        for x in [a, b] {
            Edit::AddAnnotation {
                annotation: x,
                index: None,
            }
            .apply(&mut doc)
            .expect("add");
        }
        for format in [NotesFormat::Markdown, NotesFormat::Csv] {
            let text = workshop_notes(&doc, format);
            assert!(text.contains("first words") && text.contains("second words"));
        }
    }
}
