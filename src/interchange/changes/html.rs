//! The change table as a web page: one file, no scripts, nothing fetched; struck and inserted
//! words as `<del>` and `<ins>` (read out as such by screen readers, and styled so they are
//! told apart without colour: a line through, and an underline with bold).

use super::{ChangeRow, ChangeTable};
use crate::interchange::svg::escape;
use crate::session::compare::WordDiff;
use std::fmt::Write as _;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.4;color:#1a1a1a;background:#fff}\
table{border-collapse:collapse}th,td{border:1px solid #767676;padding:.4rem;vertical-align:top;text-align:left}\
del{text-decoration:line-through;color:#8a1c1c}ins{text-decoration:underline;font-weight:bold;color:#0b5d1e}\
caption{text-align:left;font-weight:bold;margin-bottom:.5rem}";

/// The change table as a page of HTML.
pub fn changes_html(table: &ChangeTable) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <title>Refinement of the programme theory</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Refinement of the programme theory</h1>\n<p>From “{}” to “{}”.</p>\n<p>{}</p>\n\
         <p>Struck words (<del>like this</del>) were only in “{}”; underlined bold words \
         (<ins>like this</ins>) are new in “{}”.</p>\n",
        escape(&table.old_name),
        escape(&table.new_name),
        escape(&table.summary()),
        escape(&table.old_name),
        escape(&table.new_name),
    );
    out.push_str("<table>\n<caption>Each CMOC, its status and what changed</caption>\n<thead><tr>");
    for head in super::COLUMNS {
        let _ = write!(out, "<th scope=\"col\">{head}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&row.badge),
            escape(&row.status.words()),
            row.change.word(),
            marked_html(row, &row.context),
            marked_html(row, &row.mechanism),
            marked_html(row, &row.outcome),
            lines(&row.rationale),
            escape(&row.sources.join("; ")),
        );
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

fn marked_html(row: &ChangeRow, diff: &WordDiff) -> String {
    if !row.shows_marks() {
        return lines(&diff.new_text());
    }
    diff.marked(lines, ("<del>", "</del>"), ("<ins>", "</ins>"))
}

/// Escaped text with its line breaks kept.
fn lines(text: &str) -> String {
    escape(text).replace("\r\n", "<br/>").replace('\n', "<br/>")
}
