//! Word documents (.docx) for the tables a paper needs — the refinement table, the CMOC table
//! and the workshop notes — built with the `docx-rs` crate, and read back (for tests, and for
//! anyone who wants to check what a file holds) with its reader.

use docx_rs::{
    BreakType, DocumentChild, Docx, PageOrientationType, Paragraph, ParagraphChild, Run, RunChild,
    Style, StyleType, Table, TableCell, TableCellContent, TableChild, TableRow, TableRowChild,
    WidthType,
};

/// Why a Word file could not be made.
#[derive(Debug, thiserror::Error)]
#[error("could not write the Word document ({0}); nothing was written")]
pub struct DocxError(String);

/// A Word document being written: a heading, paragraphs and tables.
pub struct WordDocument {
    docx: Docx,
}

/// A4 in twentieths of a point.
const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;

impl WordDocument {
    /// A portrait A4 document that starts with `title` as its heading.
    pub fn portrait(title: &str) -> Self {
        Self::with_page(title, A4_SHORT, A4_LONG, PageOrientationType::Portrait)
    }

    /// A landscape A4 document (for wide tables) that starts with `title` as its heading.
    pub fn landscape(title: &str) -> Self {
        Self::with_page(title, A4_LONG, A4_SHORT, PageOrientationType::Landscape)
    }

    fn with_page(title: &str, width: u32, height: u32, orient: PageOrientationType) -> Self {
        let heading = Style::new("Heading1", StyleType::Paragraph)
            .name("Heading 1")
            .bold()
            .size(32);
        let heading2 = Style::new("Heading2", StyleType::Paragraph)
            .name("Heading 2")
            .bold()
            .size(26);
        let docx = Docx::new()
            .add_style(heading)
            .add_style(heading2)
            .page_size(width, height)
            .page_orient(orient)
            .add_paragraph(plain_runs(title).style("Heading1"));
        Self { docx }
    }

    /// Adds a paragraph of plain text (line breaks kept).
    pub fn paragraph(&mut self, text: &str) {
        self.push(plain_runs(text));
    }

    /// Adds a second-level heading.
    pub fn heading(&mut self, text: &str) {
        self.push(plain_runs(text).style("Heading2"));
    }

    /// Adds a paragraph built by the caller.
    pub fn push(&mut self, paragraph: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(paragraph);
    }

    /// Adds a table with a bold header row that repeats on every page.
    pub fn table(&mut self, header: &[&str], rows: Vec<Vec<Paragraph>>) {
        let head = TableRow::new(
            header
                .iter()
                .map(|h| {
                    TableCell::new()
                        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(*h).bold()))
                })
                .collect(),
        );
        let mut table_rows = vec![head];
        for row in rows {
            table_rows.push(TableRow::new(
                row.into_iter()
                    .map(|p| TableCell::new().add_paragraph(p))
                    .collect(),
            ));
        }
        let table = Table::new(table_rows).width(5000, WidthType::Pct);
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(table);
    }

    /// The finished document's bytes.
    pub fn finish(self) -> Result<Vec<u8>, DocxError> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        self.docx
            .build()
            .pack(&mut bytes)
            .map_err(|e| DocxError(e.to_string()))?;
        Ok(bytes.into_inner())
    }
}

/// Text without the characters XML cannot hold (most control characters), which Word would
/// refuse to open.
pub fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|c| crate::interchange::is_xml_char(*c))
        .collect()
}

/// The runs of a text, one per line with line breaks between.
pub fn runs(text: &str) -> Vec<Run> {
    let clean = xml_safe(&text.replace("\r\n", "\n"));
    let mut out = Vec::new();
    for (i, line) in clean.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        out.push(run.add_text(line));
    }
    out
}

/// A paragraph of plain text.
pub fn plain_runs(text: &str) -> Paragraph {
    runs(text)
        .into_iter()
        .fold(Paragraph::new(), |p, run| p.add_run(run))
}

/// What a Word file says: its paragraphs outside tables, and each table's cells row by row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocxText {
    /// The text of each paragraph outside tables, in order.
    pub paragraphs: Vec<String>,
    /// Each table, as rows of cell texts.
    pub tables: Vec<Vec<Vec<String>>>,
}

/// Reads the text and table cells back out of a .docx file.
pub fn read_docx_text(bytes: &[u8]) -> Result<DocxText, DocxError> {
    let docx = docx_rs::read_docx(bytes).map_err(|e| DocxError(e.to_string()))?;
    let mut out = DocxText::default();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => out.paragraphs.push(paragraph_text(p)),
            DocumentChild::Table(t) => out.tables.push(table_text(t)),
            _ => {}
        }
    }
    Ok(out)
}

fn table_text(table: &Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|TableChild::TableRow(row)| {
            row.cells
                .iter()
                .map(|TableRowChild::TableCell(cell)| {
                    cell.children
                        .iter()
                        .filter_map(|c| match c {
                            TableCellContent::Paragraph(p) => Some(paragraph_text(p)),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect()
        })
        .collect()
}

/// The text of a paragraph, with its line breaks; struck runs are included.
pub fn paragraph_text(paragraph: &Paragraph) -> String {
    let mut text = String::new();
    for child in &paragraph.children {
        if let ParagraphChild::Run(run) = child {
            for part in &run.children {
                match part {
                    RunChild::Text(t) => text.push_str(&t.text),
                    RunChild::Break(_) => text.push('\n'),
                    _ => {}
                }
            }
        }
    }
    text
}
