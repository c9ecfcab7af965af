//! The change table as a Word document (papers are written in Word): a heading, the summary,
//! what the marks mean, and a table on a landscape page; struck words struck through,
//! inserted words bold and underlined, so they are told apart in print and without colour.

use super::{ChangeRow, ChangeTable};
use crate::interchange::docx::{DocxError, WordDocument, plain_runs};
use crate::session::compare::{Piece, WordDiff};
use docx_rs::{Paragraph, Run};

/// The change table as the bytes of a .docx file.
pub fn changes_docx(table: &ChangeTable) -> Result<Vec<u8>, DocxError> {
    let mut doc = WordDocument::landscape("Refinement of the programme theory");
    doc.paragraph(&format!(
        "From “{}” to “{}”.",
        table.old_name, table.new_name
    ));
    doc.paragraph(&table.summary());
    doc.push(
        Paragraph::new()
            .add_run(Run::new().add_text("Struck words ("))
            .add_run(Run::new().add_text("like this").strike())
            .add_run(Run::new().add_text(format!(
                ") were only in “{}”; bold underlined words (",
                crate::interchange::docx::xml_safe(&table.old_name)
            )))
            .add_run(Run::new().add_text("like this").bold().underline("single"))
            .add_run(Run::new().add_text(format!(
                ") are new in “{}”.",
                crate::interchange::docx::xml_safe(&table.new_name)
            ))),
    );
    let header = super::COLUMNS;
    let rows: Vec<Vec<Paragraph>> = table.rows.iter().map(row_cells).collect();
    doc.table(&header, rows);
    doc.finish()
}

fn row_cells(row: &ChangeRow) -> Vec<Paragraph> {
    vec![
        plain_runs(&row.badge),
        plain_runs(&row.status.words()),
        plain_runs(row.change.word()),
        marked(row, &row.context),
        marked(row, &row.mechanism),
        marked(row, &row.outcome),
        plain_runs(&row.rationale),
        plain_runs(&row.sources.join("; ")),
    ]
}

fn marked(row: &ChangeRow, diff: &WordDiff) -> Paragraph {
    if !row.shows_marks() {
        return plain_runs(&diff.new_text());
    }
    let mut paragraph = Paragraph::new();
    for (i, piece) in diff.pieces.iter().enumerate() {
        let (text, style): (&str, fn(Run) -> Run) = match piece {
            Piece::Same(t) => (t, |r| r),
            Piece::Removed(t) => (t, Run::strike),
            Piece::Inserted(t) => (t, |r| r.bold().underline("single")),
        };
        for run in crate::interchange::docx::runs(text) {
            paragraph = paragraph.add_run(style(run));
        }
        if diff.needs_space_after(i) {
            paragraph = paragraph.add_run(Run::new().add_text(" "));
        }
    }
    paragraph
}
