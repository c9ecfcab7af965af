//! Importing a CMOC table from CSV, as spreadsheets really write it: a UTF-8 byte-order mark,
//! `,` or `;` or tab separators, quoted cells with commas and line breaks, blank trailing rows.
//! Bad rows are reported with their line numbers; good rows still import.

use crate::edit::Edit;
use crate::model::{
    CmocCard, Document, Evidence, Node, NodeContent, Point, Polarity, Size, TextBlock,
};
use crate::scene::text_fit::estimated_card_height;
use thiserror::Error;

/// The most text an import reads (larger files get a clear error).
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// Why a CSV file could not be read at all (single bad rows are [`RowProblem`]s instead).
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but blank lines.
    #[error("The table is empty: there is no header row and no CMOC rows.")]
    Empty,
    /// Too big to be a CMOC table.
    #[error("The table is {0} MB, more than CMOC Canvas imports at once (64 MB).")]
    TooLarge(usize),
    /// A quoted cell is opened and never closed: everything after it would be one cell.
    #[error(
        "Line {0}: a cell opens with a double quote \" that is never closed, so every row after it would be swallowed into that one cell. Close the quote or remove it, then import again."
    )]
    UnclosedQuote(u64),
    /// The file could not be read, or is not text.
    #[error("{0}")]
    Unreadable(String),
    /// A required column could not be found by name.
    #[error(
        "No column for the {0} was found. Name the columns No., Context, Mechanism and Outcome (Polarity, Title and Evidence are optional), or map them by hand in File > Import CMOC table."
    )]
    MissingColumn(&'static str),
}

/// A row that could not become a card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The line the row starts on in the file (1-based; the header is line 1).
    pub line: u64,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// One data row with the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRow {
    /// 1-based line number where the row starts.
    pub line: u64,
    /// The cells, trimmed.
    pub cells: Vec<String>,
}

/// A CSV file read into a header and rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvTable {
    /// Column names from the first non-blank row.
    pub headers: Vec<String>,
    /// Data rows (blank rows dropped).
    pub rows: Vec<CsvRow>,
    /// The separator that was detected.
    pub delimiter: u8,
    /// Rows the CSV reader itself could not read.
    pub problems: Vec<RowProblem>,
}

/// Which column holds what. Indices are into [`CsvTable::headers`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnMapping {
    /// The CMOC number ("12", "CMOC 12", "-ve CMOC 12").
    pub number: Option<usize>,
    /// Context text.
    pub context: Option<usize>,
    /// Mechanism text.
    pub mechanism: Option<usize>,
    /// Outcome text.
    pub outcome: Option<usize>,
    /// Positive / negative (optional; "-ve" in the number also counts).
    pub polarity: Option<usize>,
    /// Short title (optional).
    pub title: Option<usize>,
    /// Evidence sources separated by `;` (optional).
    pub evidence: Option<usize>,
}

impl ColumnMapping {
    /// Guesses the mapping from column names (case and punctuation ignored).
    pub fn guess(headers: &[String]) -> ColumnMapping {
        let find = |names: &[&str]| {
            headers.iter().position(|h| {
                let h: String = h
                    .to_lowercase()
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect();
                names.iter().any(|n| h == *n)
            })
        };
        ColumnMapping {
            number: find(&["no", "number", "cmoc", "cmocno", "cmocnumber", "id", "num"]),
            context: find(&["context", "c"]),
            mechanism: find(&["mechanism", "m"]),
            outcome: find(&["outcome", "o"]),
            polarity: find(&["polarity", "activated", "sign", "negative", "ve"]),
            title: find(&["title", "name", "label", "shorttitle"]),
            evidence: find(&["evidence", "evidencesources", "sources", "source", "quotes"]),
        }
    }

    /// The first required column that is not mapped.
    pub fn missing(&self) -> Option<&'static str> {
        [
            (self.number, "CMOC number"),
            (self.context, "context"),
            (self.mechanism, "mechanism"),
            (self.outcome, "outcome"),
        ]
        .into_iter()
        .find(|(column, _)| column.is_none())
        .map(|(_, name)| name)
    }
}

/// Picks the separator that splits the header line into the most columns, ignoring quoted text.
fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in header.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in &mut counts {
                if c == *d {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// Reads a table file, refusing one too large before reading it, and one that is not text.
pub fn read_table_file(path: &std::path::Path) -> Result<String, ImportError> {
    let unreadable = |e: std::io::Error| {
        ImportError::Unreadable(format!("Could not read {}: {e}", path.display()))
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_IMPORT_BYTES as u64 {
        return Err(ImportError::TooLarge(
            usize::try_from(size / 1_000_000).unwrap_or(usize::MAX),
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    String::from_utf8(bytes).map_err(|_| {
        ImportError::Unreadable(format!(
            "{} is not UTF-8 text. In your spreadsheet, save it as \"CSV UTF-8\" and try again.",
            path.display()
        ))
    })
}

/// The line on which a quoted cell opens and is never closed, if one does (a quote opens a
/// cell only at its start, as in RFC 4180; `""` inside is an escaped quote).
fn unclosed_quote(text: &str, delimiter: u8) -> Option<u64> {
    let mut line = 1u64;
    let mut opened_on = 0u64;
    let mut quoted = false;
    let mut field_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if quoted {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            } else if b == b'\n' {
                line += 1;
            }
        } else if b == b'"' && field_start {
            quoted = true;
            opened_on = line;
        } else {
            if b == b'\n' {
                line += 1;
            }
            field_start = b == delimiter || b == b'\n';
            i += 1;
            continue;
        }
        field_start = false;
        i += 1;
    }
    quoted.then_some(opened_on)
}

/// Reads CSV text into a header and rows.
pub fn read_csv(text: &str) -> Result<CsvTable, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len() / 1_000_000));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Older Mac spreadsheets end lines with a lone carriage return: make every line end "\n"
    // so rows and line numbers come out right.
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };
    let delimiter = detect_delimiter(text);
    if let Some(line) = unclosed_quote(text, delimiter) {
        return Err(ImportError::UnclosedQuote(line));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut record = csv::StringRecord::new();
    // The csv crate does not count line breaks inside quoted cells; count them from byte
    // offsets so reported lines match what a text editor shows.
    let bytes = text.as_bytes();
    let mut counted_to = 0usize;
    let mut counted_lines = 1u64;
    let mut line_at = |byte: u64| -> u64 {
        let mut byte = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        // After "\r\n" the reader reports the record as starting at the "\n".
        while byte < bytes.len() && matches!(bytes[byte], b'\r' | b'\n') {
            byte += 1;
        }
        if byte >= counted_to {
            counted_lines += bytes[counted_to..byte]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            counted_to = byte;
        }
        counted_lines
    };
    loop {
        let line = line_at(reader.position().byte());
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let cells: Vec<String> = record
                    .iter()
                    .map(|c| super::table::read_formula_safe(c.trim()).trim().to_string())
                    .collect();
                if cells.iter().all(String::is_empty) {
                    continue;
                }
                let line = record.position().map_or(line, |p| line_at(p.byte()));
                if headers.is_none() {
                    headers = Some(cells);
                } else {
                    rows.push(CsvRow { line, cells });
                }
            }
            Err(error) => {
                let line = error.position().map_or(line, |p| line_at(p.byte()));
                problems.push(RowProblem {
                    line,
                    message: format!("could not be read as CSV ({error})"),
                });
                // A broken row at the end of the file cannot be skipped; stop there.
                if matches!(error.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
            }
        }
    }
    let headers = headers.ok_or(ImportError::Empty)?;
    Ok(CsvTable {
        headers,
        rows,
        delimiter,
        problems,
    })
}

/// Reads "12", "CMOC 12", "-ve CMOC 12", "12 (-ve)": the number, and whether "-ve" was written.
fn parse_number(cell: &str) -> Option<(u32, bool)> {
    let lower = cell.to_lowercase();
    let negative =
        lower.contains("-ve") || lower.contains("negative") || lower.contains("not activated");
    let digits: String = lower
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let rest_has_digits = lower
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .skip_while(char::is_ascii_digit)
        .any(|c| c.is_ascii_digit());
    if rest_has_digits {
        return None;
    }
    digits.parse().ok().map(|n| (n, negative))
}

fn parse_polarity(cell: &str) -> Option<Polarity> {
    let lower = cell.trim().to_lowercase();
    match lower.as_str() {
        "" | "positive" | "pos" | "+" | "+ve" | "yes" | "activated" | "true" => {
            Some(Polarity::Positive)
        }
        "negative" | "neg" | "-" | "-ve" | "no" | "not activated" | "false" => {
            Some(Polarity::Negative)
        }
        _ => None,
    }
}

/// The cards the rows describe, and the rows that could not become cards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportResult {
    /// One card per good row, in file order.
    pub cards: Vec<CmocCard>,
    /// Bad rows with their line numbers (including rows the CSV reader could not read).
    pub problems: Vec<RowProblem>,
}

/// Turns table rows into CMOC cards using `mapping`.
pub fn cards_from_table(
    table: &CsvTable,
    mapping: &ColumnMapping,
) -> Result<ImportResult, ImportError> {
    if let Some(missing) = mapping.missing() {
        return Err(ImportError::MissingColumn(missing));
    }
    let mut result = ImportResult {
        problems: table.problems.clone(),
        ..ImportResult::default()
    };
    let cell = |row: &CsvRow, column: Option<usize>| -> Option<String> {
        column.and_then(|c| row.cells.get(c)).cloned()
    };
    for row in &table.rows {
        let problem = |message: String| RowProblem {
            line: row.line,
            message,
        };
        let Some(number_cell) = cell(row, mapping.number) else {
            result.problems.push(problem(
                "has no CMOC number (the row has too few cells)".into(),
            ));
            continue;
        };
        let Some((number, negative_in_number)) = parse_number(&number_cell) else {
            result.problems.push(problem(format!(
                "“{number_cell}” is not a CMOC number (write 12, CMOC 12 or -ve CMOC 12)"
            )));
            continue;
        };
        let polarity = match cell(row, mapping.polarity) {
            Some(text) => match parse_polarity(&text) {
                Some(p) if negative_in_number => Some(p.max(Polarity::Negative)),
                Some(p) => Some(p),
                None => {
                    result.problems.push(problem(format!(
                        "“{text}” is not a polarity (write positive or negative)"
                    )));
                    continue;
                }
            },
            None if negative_in_number => Some(Polarity::Negative),
            None => Some(Polarity::Positive),
        };
        let parts: Vec<Option<String>> = [mapping.context, mapping.mechanism, mapping.outcome]
            .into_iter()
            .map(|c| cell(row, c))
            .collect();
        if parts.iter().any(Option::is_none) {
            result.problems.push(problem(format!(
                "has {} cells, fewer than the columns it needs",
                row.cells.len()
            )));
            continue;
        }
        let [context, mechanism, outcome] = [0, 1, 2].map(|i| parts[i].clone().unwrap_or_default());
        if context.is_empty() && mechanism.is_empty() && outcome.is_empty() {
            result.problems.push(problem(format!(
                "CMOC {number} has no context, mechanism or outcome"
            )));
            continue;
        }
        let mut card = CmocCard::new(number, context, mechanism, outcome);
        card.polarity = polarity.unwrap_or_default();
        card.title = cell(row, mapping.title).unwrap_or_default();
        card.evidence = cell(row, mapping.evidence)
            .unwrap_or_default()
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|source| Evidence {
                source: source.to_string(),
                quote: String::new(),
            })
            .collect();
        result.cards.push(card);
    }
    result.problems.sort_by_key(|p| p.line);
    Ok(result)
}

/// Reads a CMOC table, guessing the columns from their names.
pub fn import_csv(text: &str) -> Result<ImportResult, ImportError> {
    let table = read_csv(text)?;
    let mapping = ColumnMapping::guess(&table.headers);
    cards_from_table(&table, &mapping)
}

/// Cards per row when imported cards are laid out.
const PER_ROW: usize = 6;
const CARD_WIDTH: f32 = 300.0;
const GAP: f32 = 40.0;

/// The edit that adds imported cards, laid out in rows inside a new region below the existing
/// diagram, as one undoable step.
pub fn import_edit(doc: &Document, cards: Vec<CmocCard>, region_title: &str) -> Edit {
    let origin = match doc.bounds() {
        Some(b) => Point::new(b.min.x, b.max.y + 160.0),
        None => Point::new(0.0, 0.0),
    };
    let padding = 30.0;
    let title_band = 56.0;
    let mut edits = Vec::with_capacity(cards.len() + 1);
    let region_id = doc.new_node_id();
    let mut y = origin.y + title_band;
    let mut width: f32 = 0.0;
    for chunk in cards.chunks(PER_ROW) {
        let height = chunk
            .iter()
            .map(|c| estimated_card_height(c, CARD_WIDTH))
            .fold(0.0, f32::max);
        for (i, card) in chunk.iter().enumerate() {
            let x = origin.x + padding + i as f32 * (CARD_WIDTH + GAP);
            width = width.max(x + CARD_WIDTH - origin.x);
            let h = estimated_card_height(card, CARD_WIDTH);
            let id = doc.new_node_id();
            let node = Node::new(id, NodeContent::Cmoc(card.clone()), Point::new(x, y))
                .with_size(Size::new(CARD_WIDTH, h));
            edits.push(Edit::AddNode { node, index: None });
        }
        y += height + GAP;
    }
    let region = Node::new(
        region_id,
        NodeContent::Region(TextBlock::new(
            region_title,
            format!("{} CMOCs imported from a table.", cards.len()),
        )),
        origin,
    )
    .with_size(Size::new(width + padding, y - GAP + padding - origin.y));
    // The region goes to the back, behind everything.
    edits.insert(
        0,
        Edit::AddNode {
            node: region,
            index: Some(0),
        },
    );
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_the_forms_people_write_them() {
        assert_eq!(parse_number("12"), Some((12, false)));
        assert_eq!(parse_number("CMOC 12"), Some((12, false)));
        assert_eq!(parse_number("-ve CMOC 22"), Some((22, true)));
        assert_eq!(parse_number("twelve"), None);
        assert_eq!(parse_number("1 2"), None);
    }

    #[test]
    fn semicolon_separated_with_bom_quotes_and_line_breaks() {
        let text = "\u{feff}No.;Context;Mechanism;Outcome;Polarity\r\n1;\"When a; b\";\"because\nof x\";then y;negative\r\n\r\n;;;;\r\n";
        let result = import_csv(text).expect("reads");
        assert!(result.problems.is_empty(), "{:?}", result.problems);
        assert_eq!(result.cards.len(), 1);
        let card = &result.cards[0];
        assert_eq!(card.context, "When a; b");
        assert_eq!(card.mechanism, "because\nof x");
        assert_eq!(card.polarity, Polarity::Negative);
    }

    #[test]
    fn missing_columns_are_named() {
        let err = import_csv("Number,Context,Outcome\n1,a,b\n").expect_err("no mechanism");
        assert_eq!(err, ImportError::MissingColumn("mechanism"));
        assert!(err.to_string().contains("No column for the mechanism"));
        assert_eq!(import_csv("\n\n  \n"), Err(ImportError::Empty));
    }
}
