//! The refinement table a paper reports: per CMOC its number, its realist status, what the
//! comparison with an earlier version found, its context, mechanism and outcome with the
//! words that changed struck and inserted, the researcher's rationale and the evidence that
//! decided it; with a summary line ("24 CMOCs: 15 supported, 6 refined, 2 refuted, 3 new").
//! Written as Markdown, CSV, HTML or a Word file.

mod docx;
mod html;
mod listing;
mod text;

pub use docx::changes_docx;
pub use html::changes_html;
pub use listing::changes_listing;
pub use text::{changes_csv, changes_markdown};

use crate::model::{CmocCard, Node, NodeId, Polarity, Status};
use crate::session::compare::{ChangeKind, Comparison, Theory, WordDiff, word_diff};
use rustc_hash::FxHashMap;

/// The refinement table's columns, as the Word and HTML tables head them.
pub(super) const COLUMNS: [&str; 8] = [
    "CMOC",
    "Status",
    "Change",
    "Context",
    "Mechanism",
    "Outcome",
    "Rationale",
    "Evidence",
];

/// The formats the change table is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ChangesFormat {
    /// A Markdown table: struck words ~~like this~~, inserted **like this**.
    Markdown,
    /// CSV for a spreadsheet: before, now and the changes marked [-struck-]{+inserted+}.
    Csv,
    /// A web page: struck and inserted words as <del> and <ins>.
    Html,
    /// A Word document with the table: struck words struck through, inserted underlined.
    Docx,
}

/// What the comparison found for one CMOC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowChange {
    /// Only in the newer version.
    Added,
    /// Only in the older version.
    Removed,
    /// Its context, mechanism, outcome, number or polarity changed.
    Changed,
    /// The same CMOC (its status, evidence or look may have changed).
    Unchanged,
}

impl RowChange {
    /// The word in the table's "Change" column.
    pub fn word(self) -> &'static str {
        match self {
            RowChange::Added => "added",
            RowChange::Removed => "removed",
            RowChange::Changed => "changed",
            RowChange::Unchanged => "unchanged",
        }
    }
}

/// One CMOC's row.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    /// "CMOC 4", "-ve CMOC 10", or "CMOC 5 (was CMOC 4)".
    pub badge: String,
    /// Its number and polarity now (or, when removed, before), for sorting.
    pub key: (u32, Polarity),
    /// Its realist status as the researcher set it (in the newer version, or the older when
    /// it was removed).
    pub status: Status,
    /// What the comparison found.
    pub change: RowChange,
    /// The context, from the older text to the newer.
    pub context: WordDiff,
    /// The mechanism (with its resource and reasoning when split).
    pub mechanism: WordDiff,
    /// The outcome.
    pub outcome: WordDiff,
    /// Why it has its status.
    pub rationale: String,
    /// The sources of the evidence that decided it (or, if none was named, all its sources).
    pub sources: Vec<String>,
}

impl ChangeRow {
    /// Whether its texts are written with struck and inserted words: an added CMOC's words
    /// are all new, and are written plainly (its Change cell says so).
    pub fn shows_marks(&self) -> bool {
        self.change != RowChange::Added
    }
}

/// The whole table: its rows in CMOC order and the names of the two versions.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeTable {
    /// The older version's name ("Initial programme theory", or a file name).
    pub old_name: String,
    /// The newer version's name.
    pub new_name: String,
    /// One row per CMOC of either version.
    pub rows: Vec<ChangeRow>,
}

impl ChangeTable {
    /// The table of every CMOC in either theory, from a comparison of the two.
    pub fn new(
        old: &Theory<'_>,
        new: &Theory<'_>,
        comparison: &Comparison,
        old_name: &str,
        new_name: &str,
    ) -> Self {
        let old_by_id: FxHashMap<NodeId, &Node> = old.nodes.iter().map(|n| (n.id, *n)).collect();
        let changes: FxHashMap<NodeId, &crate::session::compare::NodeChange> = comparison
            .nodes
            .iter()
            .filter_map(|c| c.new.map(|id| (id, c)))
            .collect();
        let mut rows = Vec::new();
        for node in &new.nodes {
            let Some(card) = node.content.cmoc() else {
                continue;
            };
            let before = comparison
                .old_of(node.id)
                .and_then(|id| old_by_id.get(&id))
                .and_then(|n| n.content.cmoc());
            let change = match (before, changes.get(&node.id)) {
                (None, _) => RowChange::Added,
                (Some(_), Some(c)) if c.parts.iter().any(|p| p.is_substance()) => {
                    RowChange::Changed
                }
                (Some(_), _) => RowChange::Unchanged,
            };
            rows.push(row(before, card, change));
        }
        for c in comparison
            .nodes
            .iter()
            .filter(|c| c.kind == ChangeKind::Removed)
        {
            if let Some(card) = c
                .old
                .and_then(|id| old_by_id.get(&id))
                .and_then(|n| n.content.cmoc())
            {
                rows.push(row(Some(card), card, RowChange::Removed));
            }
        }
        rows.sort_by_key(|r| r.key);
        Self {
            old_name: old_name.to_string(),
            new_name: new_name.to_string(),
            rows,
        }
    }

    /// "24 CMOCs: 15 supported, 6 refined, 2 refuted, 3 new. Compared with “Initial
    /// programme theory”: 3 added, 1 removed, 6 changed, 14 unchanged."
    pub fn summary(&self) -> String {
        let mut statuses: Vec<(&str, usize)> = Vec::new();
        for row in &self.rows {
            let name = summary_word(row.status);
            match statuses.iter_mut().find(|(n, _)| *n == name) {
                Some((_, count)) => *count += 1,
                None => statuses.push((name, 1)),
            }
        }
        // In menu order, with the CMOCs not yet given a status last.
        statuses.sort_by_key(|(name, _)| {
            Status::CHOICES
                .iter()
                .filter(|s| !s.is_untested())
                .position(|s| summary_word(*s) == *name)
                .unwrap_or(usize::MAX)
        });
        let mut changes = [0usize; 4];
        for row in &self.rows {
            changes[row.change as usize] += 1;
        }
        let list = |parts: Vec<String>| parts.join(", ");
        let status_part = list(statuses.iter().map(|(n, c)| format!("{c} {n}")).collect());
        let change_part = list(
            [
                RowChange::Added,
                RowChange::Removed,
                RowChange::Changed,
                RowChange::Unchanged,
            ]
            .iter()
            .map(|c| format!("{} {}", changes[*c as usize], c.word()))
            .collect(),
        );
        format!(
            "{}: {status_part}. Compared with “{}”: {change_part}.",
            crate::model::counted(self.rows.len(), "CMOC", "CMOCs"),
            self.old_name
        )
    }
}

/// How the summary counts a status ("2 merged into another CMOC").
fn summary_word(status: Status) -> &'static str {
    match status {
        Status::Untested => "without a status",
        Status::MergedInto(_) => "merged into another CMOC",
        Status::SplitFrom(_) => "split from another CMOC",
        other => other.name(),
    }
}

fn row(before: Option<&CmocCard>, card: &CmocCard, change: RowChange) -> ChangeRow {
    let badge = match before {
        Some(b) if b.badge() != card.badge() => format!("{} (was {})", card.badge(), b.badge()),
        _ => card.badge(),
    };
    let diff = |old: Option<String>, new: String| match change {
        RowChange::Removed => word_diff(&new, ""),
        _ => word_diff(old.as_deref().unwrap_or(""), &new),
    };
    let sources = if card.decided_by.is_empty() {
        let mut all: Vec<String> = card.evidence.iter().map(|e| e.source.clone()).collect();
        all.dedup();
        all
    } else {
        card.decided_by.clone()
    };
    ChangeRow {
        badge,
        key: (card.number, card.polarity),
        status: card.status,
        change,
        context: diff(before.map(|b| b.context.clone()), card.context.clone()),
        mechanism: diff(before.map(mechanism_words), mechanism_words(card)),
        outcome: diff(before.map(|b| b.outcome.clone()), card.outcome.clone()),
        rationale: card.rationale.clone(),
        sources,
    }
}

/// The mechanism in one text; a split mechanism adds its resource and reasoning.
fn mechanism_words(card: &CmocCard) -> String {
    if !card.has_mechanism_split() {
        return card.mechanism.clone();
    }
    let parts = [
        card.mechanism.trim().to_string(),
        labelled("resource", &card.mechanism_resource),
        labelled("reasoning", &card.mechanism_reasoning),
    ];
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

fn labelled(label: &str, text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        format!("{label}: {}", text.trim())
    }
}

#[cfg(test)]
mod tests;
