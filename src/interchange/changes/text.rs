//! The change table as Markdown (for papers drafted in Markdown, wikis and reviews) and CSV
//! (for a spreadsheet).

use super::{ChangeRow, ChangeTable};
use crate::interchange::table::{csv_cell, markdown_cell};
use crate::session::compare::WordDiff;
use std::fmt::Write as _;

/// Markdown: a heading, the summary, what the marks mean, and the table.
pub fn changes_markdown(table: &ChangeTable) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Refinement of the programme theory\n");
    let _ = writeln!(
        out,
        "From “{}” to “{}”.\n",
        markdown_cell(&table.old_name),
        markdown_cell(&table.new_name)
    );
    let _ = writeln!(out, "{}\n", markdown_cell(&table.summary()));
    let _ = writeln!(
        out,
        "Struck words (~~like this~~) were only in “{}”; bold words (**like this**) are new in “{}”.\n",
        markdown_cell(&table.old_name),
        markdown_cell(&table.new_name)
    );
    out.push_str(
        "| CMOC | Status | Change | Context | Mechanism | Outcome | Rationale | Evidence |\n",
    );
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    for row in &table.rows {
        let cells = [
            markdown_cell(&no_html(&row.badge)),
            markdown_cell(&row.status.words()),
            row.change.word().to_string(),
            marked_markdown(row, &row.context),
            marked_markdown(row, &row.mechanism),
            marked_markdown(row, &row.outcome),
            markdown_cell(&no_html(&row.rationale)),
            markdown_cell(&no_html(&row.sources.join("; "))),
        ];
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

/// A diff in Markdown: ~~struck~~ and **inserted**, with the characters that would start or
/// end a mark escaped in the words themselves. An added CMOC's words are all new and are
/// written plainly (its Change cell says so).
fn marked_markdown(row: &ChangeRow, diff: &WordDiff) -> String {
    if !row.shows_marks() {
        return markdown_cell(&no_html(&diff.new_text()));
    }
    let escape = |t: &str| {
        markdown_text(t)
            .replace('*', "\\*")
            .replace('~', "\\~")
            .replace('_', "\\_")
    };
    diff.marked(escape, ("~~", "~~"), ("**", "**"))
}

/// Text for inside a table cell, keeping its edge spaces (the marks need them).
fn markdown_text(text: &str) -> String {
    no_html(text)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// The CSV header, one column per part of a row.
const CSV_HEADER: [&str; 14] = [
    "CMOC",
    "Status",
    "Change",
    "Context before",
    "Context now",
    "Context changes",
    "Mechanism before",
    "Mechanism now",
    "Mechanism changes",
    "Outcome before",
    "Outcome now",
    "Outcome changes",
    "Rationale",
    "Evidence",
];

/// CSV: for each of C, M and O the text before, now, and the changes marked as `wdiff`
/// marks them ([-struck-]{+inserted+}).
pub fn changes_csv(table: &ChangeTable) -> String {
    let mut out = String::new();
    out.push_str(&CSV_HEADER.join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        let cells = csv_cells(row);
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cells(row: &ChangeRow) -> Vec<String> {
    let mut cells = vec![
        row.badge.clone(),
        row.status.words(),
        row.change.word().to_string(),
    ];
    for diff in [&row.context, &row.mechanism, &row.outcome] {
        cells.push(diff.old_text());
        cells.push(diff.new_text());
        cells.push(if diff.is_unchanged() {
            String::new()
        } else {
            diff.plain()
        });
    }
    cells.push(row.rationale.clone());
    cells.push(row.sources.join("; "));
    cells
}

/// Markdown shows HTML tags as HTML: a researcher's "<b>" or "<script>" is written as text.
fn no_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
