//! The CMOC table in the shape of the paper's Table 4: one row per CMOC card, sorted by number.

use crate::model::{Document, NodeId, Polarity, Scenario};
use std::fmt::Write as _;

/// How to write the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// A Markdown pipe table, for papers, reports and wikis.
    Markdown,
    /// Comma-separated values (RFC 4180), for spreadsheets.
    Csv,
    /// One sentence per CMOC: "When/If C, then O, because M".
    Sentences,
}

/// One row of the CMOC table.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// The card the row comes from.
    pub node: NodeId,
    /// The CMOC number.
    pub number: u32,
    /// Positive or negative.
    pub polarity: Polarity,
    /// The card's short title (may be empty).
    pub title: String,
    /// Context text.
    pub context: String,
    /// Mechanism text.
    pub mechanism: String,
    /// Outcome text.
    pub outcome: String,
    /// Evidence sources, in order.
    pub sources: Vec<String>,
    /// The realist status.
    pub status: crate::model::Status,
}

/// The table rows, sorted by number with each positive CMOC before its negative twin.
pub fn cmoc_table_rows(doc: &Document) -> Vec<TableRow> {
    let mut rows: Vec<TableRow> = doc
        .cmoc_cards()
        .map(|(node, card)| TableRow {
            node: node.id,
            number: card.number,
            polarity: card.polarity,
            title: card.title.clone(),
            context: card.context.clone(),
            mechanism: card.mechanism.clone(),
            outcome: card.outcome.clone(),
            sources: card.evidence.iter().map(|e| e.source.clone()).collect(),
            status: card.status,
        })
        .collect();
    rows.sort_by_key(|r| (r.number, r.polarity, r.node));
    rows
}

const HEADERS: [&str; 6] = [
    "No.",
    "Polarity",
    "Context",
    "Mechanism",
    "Outcome",
    "Evidence sources",
];

/// Writes the CMOC table in the chosen format.
pub fn write_table(doc: &Document, format: TableFormat) -> String {
    write_table_in(doc, format, None)
}

/// Writes the CMOC table in the chosen format; with a scenario, each row also says whether
/// the CMOC is active in it (a last column "State in “name”"; for sentences, a closing
/// "In “name”: active.").
pub fn write_table_in(doc: &Document, format: TableFormat, scenario: Option<&Scenario>) -> String {
    write_grid(doc, format, scenario, false)
}

/// The CMOC table with a column of each CMOC's realist status (before the scenario's column).
pub fn write_table_with_status(
    doc: &Document,
    format: TableFormat,
    scenario: Option<&Scenario>,
) -> String {
    write_grid(doc, format, scenario, true)
}

fn write_grid(
    doc: &Document,
    format: TableFormat,
    scenario: Option<&Scenario>,
    statuses: bool,
) -> String {
    let rows = cmoc_table_rows(doc);
    let outcome = scenario.map(|s| crate::model::propagate(doc, s));
    let state = |r: &TableRow| {
        outcome.as_ref().map(|o| {
            o.state(r.node)
                .words_for(r.polarity == Polarity::Negative)
                .to_string()
        })
    };
    let (headers, grid) = table_grid(doc, scenario, statuses);
    let mut out = String::new();
    match format {
        TableFormat::Markdown => {
            let header: Vec<String> = headers.iter().map(|h| markdown_cell(h)).collect();
            let _ = writeln!(out, "| {} |", header.join(" | "));
            let _ = writeln!(out, "|{}", "---|".repeat(headers.len()));
            for cells in &grid {
                let line: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
                let _ = writeln!(out, "| {} |", line.join(" | "));
            }
        }
        TableFormat::Csv => {
            let header: Vec<String> = headers.iter().map(|h| csv_cell(h)).collect();
            let _ = write!(out, "{}\r\n", header.join(","));
            for cells in &grid {
                let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
                let _ = write!(out, "{}\r\n", line.join(","));
            }
        }
        TableFormat::Sentences => {
            for row in &rows {
                match (scenario, state(row)) {
                    (Some(s), Some(state)) => {
                        let _ = writeln!(out, "{} In “{}”: {state}.", sentence(row), s.name.trim());
                    }
                    _ => {
                        let _ = writeln!(out, "{}", sentence(row));
                    }
                }
            }
        }
    }
    out
}

/// The table's header and its rows of cells, as every format writes them: number, polarity,
/// C, M, O, evidence sources (the layout of a paper's CMOC table), with `statuses` each CMOC's
/// realist status, and with a scenario each CMOC's state in it.
pub fn table_grid(
    doc: &Document,
    scenario: Option<&Scenario>,
    statuses: bool,
) -> (Vec<String>, Vec<Vec<String>>) {
    let rows = cmoc_table_rows(doc);
    let outcome = scenario.map(|s| crate::model::propagate(doc, s));
    let mut headers: Vec<String> = HEADERS.iter().map(|h| h.to_string()).collect();
    if statuses {
        headers.push("Status".into());
    }
    if let Some(s) = scenario {
        headers.push(format!("State in “{}”", s.name.trim()));
    }
    let grid = rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                r.number.to_string(),
                r.polarity.word().to_string(),
                r.context.clone(),
                r.mechanism.clone(),
                r.outcome.clone(),
                r.sources.join("; "),
            ];
            if statuses {
                cells.push(r.status.words());
            }
            if let Some(o) = &outcome {
                cells.push(
                    o.state(r.node)
                        .words_for(r.polarity == Polarity::Negative)
                        .to_string(),
                );
            }
            cells
        })
        .collect();
    (headers, grid)
}

/// The CMOC table as a Word document (landscape A4, the header row repeated on each page),
/// with the diagram's title as its heading; with `statuses`, a column of realist statuses.
pub fn cmoc_table_docx(
    doc: &Document,
    scenario: Option<&Scenario>,
    statuses: bool,
) -> Result<Vec<u8>, super::docx::DocxError> {
    let title = match doc.metadata().title.trim() {
        "" => "CMOC table".to_string(),
        t => format!("CMOC table: {t}"),
    };
    let mut word = super::docx::WordDocument::landscape(&title);
    let (headers, grid) = table_grid(doc, scenario, statuses);
    let header: Vec<&str> = headers.iter().map(String::as_str).collect();
    let rows = grid
        .iter()
        .map(|cells| cells.iter().map(|c| super::docx::plain_runs(c)).collect())
        .collect();
    word.table(&header, rows);
    word.finish()
}

fn starts_with_word(text: &str, words: &[&str]) -> bool {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    words.contains(&first.as_str())
}

/// Context, outcome and mechanism as the parts of one sentence — "`opening` C", "then O",
/// "because M" — keeping the researcher's own "When", "If", "then", "because", "so" where the
/// texts already start with them. Empty parts stay empty.
pub fn sentence_parts(context: &str, mechanism: &str, outcome: &str, opening: &str) -> [String; 3] {
    let clean = |t: &str| t.trim().trim_end_matches(['.', ',', ';']).to_string();
    let lead = |text: String, words: &[&str], word: &str| {
        if text.is_empty() || starts_with_word(&text, words) {
            text
        } else {
            format!("{word} {text}")
        }
    };
    [
        lead(
            clean(context),
            &["when", "if", "where", "while", "for"],
            opening,
        ),
        lead(clean(outcome), &["then", "so"], "then"),
        lead(
            clean(mechanism),
            &["because", "as", "since", "so", "to"],
            "because",
        ),
    ]
}

/// "CMOC 1: When C, then O, because M." — keeping the researcher's own "When", "If", "then",
/// "because", "so" where the texts already start with them.
pub fn sentence(row: &TableRow) -> String {
    let [context, outcome, mechanism] =
        sentence_parts(&row.context, &row.mechanism, &row.outcome, "When");
    let badge = match row.polarity {
        Polarity::Positive => format!("CMOC {}", row.number),
        Polarity::Negative => format!("-ve CMOC {} (not activated)", row.number),
    };
    format!("{badge}: {context}, {outcome}, {mechanism}.")
}

pub(crate) fn markdown_cell(text: &str) -> String {
    text.trim()
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// One CSV cell: formula-safe (see [`formula_safe`]), quoted when it holds a comma, quote,
/// line break or edge space.
pub(crate) fn csv_cell(text: &str) -> String {
    let text = formula_safe(text);
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

/// Whether a spreadsheet would take a cell for a formula: it begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return, or is such a cell already escaped with `'`.
fn looks_like_formula(text: &str) -> bool {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => true,
        Some('\'') => looks_like_formula(&text[1..]),
        _ => false,
    }
}

/// Neutralises a cell that Excel or LibreOffice would run as a formula (a title "-ve CMOC 22"
/// shows as #NAME?; "=HYPERLINK(…)" runs) by putting `'` before it, as OWASP recommends. Our
/// importer takes the `'` off again ([`read_formula_safe`]), so the text comes back unchanged.
pub fn formula_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The text of a cell written by [`formula_safe`].
pub fn read_formula_safe(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::model::{CmocCard, Node, NodeContent, Point};

    fn doc_with(cards: &[(u32, Polarity, &str)]) -> Document {
        let mut doc = Document::new("t");
        for &(number, polarity, context) in cards {
            let id = doc.new_node_id();
            let card = CmocCard {
                polarity,
                ..CmocCard::new(number, context, "m", "o")
            };
            let node = Node::new(id, NodeContent::Cmoc(card), Point::new(0.0, 0.0));
            Edit::AddNode { node, index: None }
                .apply(&mut doc)
                .expect("fresh id");
        }
        doc
    }

    #[test]
    fn rows_sorted_by_number_positive_first() {
        let doc = doc_with(&[
            (10, Polarity::Negative, "a"),
            (2, Polarity::Positive, "b"),
            (10, Polarity::Positive, "c"),
        ]);
        let order: Vec<(u32, Polarity)> = cmoc_table_rows(&doc)
            .iter()
            .map(|r| (r.number, r.polarity))
            .collect();
        assert_eq!(
            order,
            vec![
                (2, Polarity::Positive),
                (10, Polarity::Positive),
                (10, Polarity::Negative)
            ]
        );
    }

    #[test]
    fn markdown_escapes_pipes_and_line_breaks() {
        let doc = doc_with(&[(1, Polarity::Positive, "a | b\nc")]);
        let md = write_table(&doc, TableFormat::Markdown);
        assert!(
            md.contains("| 1 | positive | a \\| b<br>c | m | o |  |"),
            "{md}"
        );
    }

    #[test]
    fn csv_cells_that_spreadsheets_would_run_are_neutralised_and_read_back() {
        for text in [
            "=HYPERLINK(\"http://example.com\",\"x\")",
            "+1",
            "-ve CMOC 22",
            "@SUM(A1)",
            "\tindented",
            "\rreturn",
            "'=already quoted",
            "''=twice",
            "'plain apostrophe",
            "plain",
            "",
        ] {
            let safe = formula_safe(text);
            assert!(
                !matches!(
                    safe.chars().next(),
                    Some('=' | '+' | '-' | '@' | '\t' | '\r')
                ),
                "{safe:?}"
            );
            assert_eq!(read_formula_safe(&safe), text, "round trip of {text:?}");
        }
        assert_eq!(formula_safe("plain"), "plain");
        assert_eq!(formula_safe("-ve"), "'-ve");
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let doc = doc_with(&[(1, Polarity::Negative, "say \"hi\", then\nleave")]);
        let csv = write_table(&doc, TableFormat::Csv);
        assert_eq!(
            csv,
            "No.,Polarity,Context,Mechanism,Outcome,Evidence sources\r\n1,negative,\"say \"\"hi\"\", then\nleave\",m,o,\r\n"
        );
    }
}

#[cfg(test)]
mod sentence_tests {
    use super::*;

    fn row(context: &str, mechanism: &str, outcome: &str, polarity: Polarity) -> TableRow {
        TableRow {
            node: NodeId(1),
            number: 7,
            polarity,
            title: String::new(),
            context: context.into(),
            mechanism: mechanism.into(),
            outcome: outcome.into(),
            sources: vec![],
            status: crate::model::Status::Untested,
        }
    }

    #[test]
    fn sentences_keep_the_researchers_own_connectives() {
        let r = row(
            "When patients offload their troubles",
            "because it helps them to feel unburdened",
            "they feel their emotions are more manageable",
            Polarity::Positive,
        );
        assert_eq!(
            sentence(&r),
            "CMOC 7: When patients offload their troubles, then they feel their emotions are more manageable, because it helps them to feel unburdened."
        );
        let r = row(
            "time is short",
            "they cannot delve",
            "then needs are missed.",
            Polarity::Negative,
        );
        assert_eq!(
            sentence(&r),
            "-ve CMOC 7 (not activated): When time is short, then needs are missed, because they cannot delve."
        );
    }
}
