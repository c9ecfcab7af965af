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

mod csv;
mod docx;
mod markdown;

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

/// The workshop notes as a Word document (the Markdown report's content).
pub fn workshop_notes_docx(doc: &Document) -> Result<Vec<u8>, super::docx::DocxError> {
    let path = resolve_path(doc, || crate::scene::presentation_order_of(doc));
    Notes::gather(doc, &path).docx()
}

/// A comment or reply in reading order: each comment, then the replies under it, oldest
/// first; `depth` counts the replies above it (0 for a comment).
struct Entry<'a> {
    comment: &'a Annotation,
    depth: usize,
}

/// Replies deeper than this are written at this depth: a chain of 20,000 replies would
/// otherwise be indented by 40,000 spaces a line (the notes would grow with its square).
const DEEPEST_INDENT: usize = 6;

/// Names listed in a step's heading before "and N more".
const NAMES_IN_HEADING: usize = 6;

pub(super) struct Notes<'a> {
    doc: &'a Document,
    /// Steps in order; for each, the nodes it shows.
    steps: Vec<(usize, &'a PathStep)>,
    /// Each target's comments and replies in reading order.
    threads: HashMap<Target, Vec<Entry<'a>>>,
    reactions: HashMap<NodeId, Vec<&'a Annotation>>,
    /// The first step showing each node: later steps refer to it rather than repeat it, so the
    /// notes stay in proportion to the diagram however often a path shows a card.
    first_step: HashMap<NodeId, usize>,
    /// Targets with words that no step shows.
    elsewhere: Vec<Target>,
    /// For each step of the path, how many shown steps there are up to it.
    numbers: Vec<usize>,
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
        let mut seen = HashSet::new();
        let mut threads: HashMap<Target, Vec<Entry>> = HashMap::new();
        // Replies whose chain loops back on itself have no root: they come after, as comments.
        let loose: Vec<&Annotation> = doc.annotations().filter(|a| a.reaction.is_none()).collect();
        for root in roots.into_iter().chain(loose) {
            if seen.contains(&root.id) {
                continue;
            }
            let entries = threads.entry(root.target).or_default();
            // Depth first without recursion: a reply chain may be as deep as the file is long.
            let mut stack = vec![(root, 0usize)];
            seen.insert(root.id);
            while let Some((a, depth)) = stack.pop() {
                entries.push(Entry { comment: a, depth });
                for child in children.get(&a.id).into_iter().flatten().rev() {
                    if seen.insert(child.id) {
                        stack.push((child, depth + 1));
                    }
                }
            }
        }
        let steps: Vec<(usize, &PathStep)> = path.iter().enumerate().collect();
        let mut first_step = HashMap::new();
        for (index, step) in &steps {
            for id in step.nodes() {
                first_step.entry(*id).or_insert(*index);
            }
        }
        let mut elsewhere: Vec<Target> = doc
            .annotations()
            .map(|a| a.target)
            .filter(|t| match t {
                Target::Node(id) => !first_step.contains_key(id),
                Target::Edge(_) => true,
            })
            .collect();
        let mut unique = HashSet::new();
        elsewhere.retain(|t| unique.insert(*t));
        let numbers = path
            .iter()
            .scan(0usize, |shown, step| {
                *shown += usize::from(!step.skip);
                Some(*shown)
            })
            .collect();
        Self {
            numbers,
            doc,
            steps,
            threads,
            reactions,
            first_step,
            elsewhere,
        }
    }

    /// The number the room saw for the step at `index` of the path (skipped steps are not
    /// shown, so not counted).
    pub(super) fn step_number(&self, index: usize) -> usize {
        self.numbers.get(index).copied().unwrap_or(index + 1)
    }

    /// The step where a node shown again at `index` was first written out, if earlier.
    fn shown_before(&self, id: NodeId, index: usize) -> Option<usize> {
        self.first_step
            .get(&id)
            .copied()
            .filter(|&first| first < index)
    }

    fn step_heading(&self, index: usize, step: &PathStep) -> String {
        let what = match &step.shows {
            StepShows::HowToRead => "How to read this".to_string(),
            StepShows::Nodes(ids) if !step.title.is_empty() || ids.len() > 1 => {
                let mut names: Vec<String> = ids
                    .iter()
                    .take(NAMES_IN_HEADING)
                    .map(|id| self.node_name(*id))
                    .collect();
                if ids.len() > NAMES_IN_HEADING {
                    names.push(format!("and {} more", ids.len() - NAMES_IN_HEADING));
                }
                if step.title.is_empty() {
                    names.join(", ")
                } else {
                    format!("{} ({})", one_line(&step.title), names.join(", "))
                }
            }
            StepShows::Nodes(ids) => ids
                .first()
                .map_or_else(String::new, |id| self.node_name(*id)),
        };
        // Numbered as the room saw them: presenting passes over skipped steps.
        if step.skip {
            return format!("Skipped step (not shown): {what}");
        }
        let shown = self.numbers.last().copied().unwrap_or(0);
        format!("Step {} of {shown}: {what}", self.step_number(index))
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
}

fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Who wrote a comment or reacted, as signed; "from a phone" when a participant sent it from
/// their own phone.
fn signed(a: &Annotation) -> String {
    let who = if a.author.trim().is_empty() {
        "Anonymous"
    } else {
        a.author.trim()
    };
    if a.phone.is_some() {
        format!("{who}, from a phone")
    } else {
        who.to_string()
    }
}

/// Who gave one reaction, for a tally: the groups by name, then the phones counted by the
/// group each chose ("Table 1, Carers, 3 from phones (Carers 2, no group 1)"), so a room of
/// thirty phones is one line.
fn reactors(who: &[&Annotation]) -> String {
    let mut names: Vec<String> = who
        .iter()
        .filter(|a| a.phone.is_none())
        .map(|a| signed(a))
        .collect();
    let mut phones: BTreeMap<&str, usize> = BTreeMap::new();
    for a in who.iter().filter(|a| a.phone.is_some()) {
        let group = match a.author.trim() {
            "" => "no group",
            g => g,
        };
        *phones.entry(group).or_default() += 1;
    }
    let total: usize = phones.values().sum();
    if total > 0 {
        let by: Vec<String> = phones.iter().map(|(g, n)| format!("{g} {n}")).collect();
        let from = if total == 1 {
            "from a phone"
        } else {
            "from phones"
        };
        names.push(format!("{total} {from} ({})", by.join(", ")));
    }
    names.join(", ")
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

/// A text node's title and text, as one line ("Title: text").
fn block_words(block: &crate::model::TextBlock) -> String {
    let text = [block.title.trim(), block.text.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(": ");
    one_line(&text)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

#[cfg(test)]
mod tests;
