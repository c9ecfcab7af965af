//! Importing a CMOC table from CSV, as spreadsheets really write it: a UTF-8 byte-order mark,
//! `,` or `;` or tab separators, quoted cells with commas and line breaks, blank trailing rows.
//! Bad rows are reported with their line numbers; good rows still import. Reading the file
//! is here; which column holds what is `columns.rs`, rows into cards `rows.rs`, pasted text
//! `paste.rs`, and the cards into the diagram `place.rs`.

mod columns;
mod paste;
mod place;
mod printed;
mod rows;

pub use columns::ColumnMapping;
pub use paste::read_pasted;
pub use place::{import_edit, import_linked_edit, import_region_title};
pub use rows::{Duplicates, ImportResult, cards_from_table};
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
    /// A quoted cell runs over several lines and its closing quote has more text after it:
    /// a stray quote has swallowed the rows between.
    #[error(
        "Line {opened}: a cell opens with a double quote \" that is only closed on line {closed}, so the rows on lines {first_swallowed} to {closed} would be swallowed into that one cell. Remove the stray quote on line {opened} (or write it twice, \"\", to keep it), then import again."
    )]
    StrayQuote {
        /// Where the quoted cell opens.
        opened: u64,
        /// The first line it swallows.
        first_swallowed: u64,
        /// Where the quote that closes it is.
        closed: u64,
    },
    /// The file could not be read, or is not text.
    #[error("{0}")]
    Unreadable(String),
    /// A required column could not be found by name.
    #[error(
        "No column for the {0} was found. Say which column holds it (in the import dialog under \"Which column holds what\"; on the command line with --number, --context, --mechanism, --outcome or --sentence), or name the columns No., Context, Mechanism and Outcome (Polarity, Title and Evidence are optional), or give one column of sentences with their parts marked (C), (M) and (O)."
    )]
    MissingColumn(&'static str),
}

/// The longest piece of a cell quoted in a message, in characters.
const EXCERPT_CHARS: usize = 80;

/// A cell as a message quotes it: on one line, at most [`EXCERPT_CHARS`] characters (a 1 MB
/// cell must not make a 1 MB error).
pub(crate) fn excerpt(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= EXCERPT_CHARS {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(EXCERPT_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// Lines for a list of problems, at most `most` of them, then one line for the rest: "… and
/// 48,990 more, lines 12–1001". A table with 49,000 bad links gives a screenful, not 5 MB.
pub fn summarised(problems: &[RowProblem], most: usize) -> Vec<String> {
    let mut lines: Vec<String> = problems
        .iter()
        .take(most)
        .map(ToString::to_string)
        .collect();
    if problems.len() > most {
        let rest = &problems[most..];
        let first = rest.iter().map(|p| p.line).min().unwrap_or(0);
        let last = rest.iter().map(|p| p.line).max().unwrap_or(0);
        let span = if first == last {
            format!("line {first}")
        } else {
            format!("lines {first}–{last}")
        };
        lines.push(format!("… and {} more like these, {span}", rest.len()));
    }
    lines
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

/// A quote that would swallow rows: one that opens a cell and is never closed, or one that
/// opens a cell running over several lines whose closing quote has more text straight after
/// it (as `"m5"` does when a stray quote on an earlier line opened the cell). A quote opens a
/// cell only at its start, as in RFC 4180; `""` inside is an escaped quote.
fn quote_problem(text: &str, delimiter: u8) -> Option<ImportError> {
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
                    let after = bytes.get(i + 1).copied();
                    let ends_cell =
                        matches!(after, None | Some(b'\n' | b'\r')) || after == Some(delimiter);
                    if !ends_cell && line > opened_on {
                        return Some(ImportError::StrayQuote {
                            opened: opened_on,
                            first_swallowed: opened_on + 1,
                            closed: line,
                        });
                    }
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
    quoted.then_some(ImportError::UnclosedQuote(opened_on))
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
    if let Some(problem) = quote_problem(text, delimiter) {
        return Err(problem);
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

/// Reads a CMOC table, working out the columns from their names and cells.
pub fn import_csv(text: &str) -> Result<ImportResult, ImportError> {
    let table = read_csv(text)?;
    let mapping = ColumnMapping::detect(&table);
    cards_from_table(&table, &mapping)
}

#[cfg(test)]
mod tests {
    use super::columns::normalised_header;
    use super::*;
    use crate::model::Polarity;

    #[test]
    fn headers_as_people_write_them() {
        let headers: Vec<String> = ["CMOC no.", "Context (C)", "M", "Outcome(s)", "Contexts"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = ColumnMapping::guess(&headers);
        assert_eq!(
            (m.number, m.context, m.mechanism, m.outcome),
            (Some(0), Some(1), Some(2), Some(3))
        );
        assert_eq!(normalised_header("Mechanisms"), "mechanism");
        assert_eq!(normalised_header("(C)"), "c");
    }

    #[test]
    fn pasted_sentences_one_per_line_with_numbers_and_broken_lines() {
        let text = "Table 4: CMOCs\n1. When a (C), then b (O) because c (M)\n-ve CMOC 2: If d (C), then e (O)\nbecause f (M)\n";
        let table = read_pasted(text).expect("reads");
        assert_eq!(table.rows.len(), 2);
        let result = cards_from_table(&table, &ColumnMapping::detect(&table)).expect("maps");
        assert_eq!(result.cards.len(), 2, "{:?}", result.problems);
        assert_eq!(result.cards[1].number, 2);
        assert_eq!(result.cards[1].polarity, Polarity::Negative);
        assert_eq!(result.cards[1].mechanism, "because f");
        assert_eq!(result.lines, [2, 3]);
        // Tab-separated cells, as Word, Excel and LibreOffice copy a table.
        let tsv = "No.\tContext\tMechanism\tOutcome\n3\ta, b\tc\td\n";
        let table = read_pasted(tsv).expect("reads");
        assert_eq!(table.delimiter, b'\t');
        let result = cards_from_table(&table, &ColumnMapping::detect(&table)).expect("maps");
        assert_eq!(result.cards[0].context, "a, b");
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
    fn a_stray_quote_closed_rows_later_is_refused_not_swallowed() {
        let text = "No.,Context,Mechanism,Outcome\n1,c1,m1,o1\n2,\"c2 with a stray quote,m2,o2\n3,c3,m3,o3\n4,c4,m4,o4\n5,c5,\"m5\",o5\n";
        let error = import_csv(text).expect_err("rows 3 to 5 would vanish");
        assert_eq!(
            error,
            ImportError::StrayQuote {
                opened: 3,
                first_swallowed: 4,
                closed: 6
            }
        );
        assert!(error.to_string().contains("Line 3"));
        // A cell with a line break, properly quoted, is fine.
        let fine = "No.,Context,Mechanism,Outcome\n1,\"two\nlines\",m1,o1\n2,c2,\"m2\",o2\n";
        assert_eq!(import_csv(fine).expect("reads").cards.len(), 2);
    }

    #[test]
    fn a_huge_cell_and_thousands_of_bad_links_make_a_short_report() {
        let huge = "x".repeat(1_000_000);
        let mut text = format!("No.,Context,Mechanism,Outcome,Leads to\n{huge},c,m,o,\n");
        for i in 1..=1_000 {
            let links: Vec<String> = (0..49).map(|k| format!("{}", 5_000 + k)).collect();
            text.push_str(&format!("{i},c{i},m{i},o{i},\"{}\"\n", links.join(", ")));
        }
        let result = import_csv(&text).expect("reads");
        let report: Vec<String> = summarised(&result.problems, 20)
            .into_iter()
            .chain(summarised(&result.warnings, 20))
            .collect();
        let bytes: usize = report.iter().map(String::len).sum();
        assert!(bytes < 10_000, "{bytes} bytes of report");
        assert!(
            report
                .iter()
                .any(|l| l.contains("48980 more") || l.contains("more like these")),
            "{report:?}"
        );
        assert!(result.problems.iter().all(|p| p.message.len() < 300));
    }

    #[test]
    fn missing_columns_are_named() {
        let err = import_csv("Number,Context,Outcome\n1,a,b\n").expect_err("no mechanism");
        assert_eq!(err, ImportError::MissingColumn("mechanism"));
        assert!(err.to_string().contains("No column for the mechanism"));
        assert_eq!(import_csv("\n\n  \n"), Err(ImportError::Empty));
    }
}
