//! Importing a CMOC table from CSV, as spreadsheets really write it: a UTF-8 byte-order mark,
//! `,` or `;` or tab separators, quoted cells with commas and line breaks, blank trailing rows.
//! Bad rows are reported with their line numbers; good rows still import.

use crate::edit::Edit;
use crate::model::{
    CmocCard, Document, Evidence, Node, NodeContent, NodeId, Point, Polarity, Size, TextBlock,
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
        "No column for the {0} was found. Name the columns No., Context, Mechanism and Outcome (Polarity, Title and Evidence are optional), or give one column of sentences with their parts marked (C), (M) and (O); or map the columns by hand in File > Import CMOC table (on the command line: --number, --context, --mechanism, --outcome, --sentence)."
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
    /// The CMOC number ("12", "CMOC 12", "-ve CMOC 12", "9 (-ve)", "1. Title").
    pub number: Option<usize>,
    /// Context text.
    pub context: Option<usize>,
    /// Mechanism text.
    pub mechanism: Option<usize>,
    /// Outcome text.
    pub outcome: Option<usize>,
    /// One sentence per CMOC with its parts marked (C), (M), (O), as papers print them; used
    /// when there are no separate context, mechanism and outcome columns.
    pub sentence: Option<usize>,
    /// Positive / negative (optional; "-ve" in the number also counts).
    pub polarity: Option<usize>,
    /// Short title (optional).
    pub title: Option<usize>,
    /// Evidence sources separated by `;` (optional).
    pub evidence: Option<usize>,
    /// The mechanism's resource (optional; Dalkin et al. 2015).
    pub resource: Option<usize>,
    /// The mechanism's reasoning or response (optional).
    pub reasoning: Option<usize>,
    /// The CMOCs each one leads to ("12, 13", "CMOC 12; -ve CMOC 9"): arrows between the
    /// imported cards, which are then laid out along them (optional).
    pub links: Option<usize>,
}

/// A column name as it is compared: lower case, letters and digits only, without a bracketed
/// aside ("Context (C)", "Outcome(s)") or a plural "s".
fn normalised_header(header: &str) -> String {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_alphanumeric() => plain.extend(c.to_lowercase()),
            '#' if depth == 0 => plain.push('#'),
            _ => {}
        }
    }
    if plain.is_empty() {
        // A header that is only an aside: "(C)".
        plain = header
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
    }
    if plain.len() > 3 && plain.ends_with('s') && !plain.ends_with("ss") {
        plain.pop();
    }
    plain
}

/// The names each column goes by, normalised (see [`normalised_header`]).
const NUMBER_NAMES: [&str; 12] = [
    "no",
    "number",
    "cmocno",
    "cmocnumber",
    "id",
    "num",
    "#",
    "cmoc#",
    "ref",
    "cmocid",
    "nr",
    "cmoc",
];
const SENTENCE_NAMES: [&str; 10] = [
    "cmoc",
    "cmocstatement",
    "statement",
    "configuration",
    "cmoconfiguration",
    "contextmechanismoutcomeconfiguration",
    "sentence",
    "text",
    "description",
    "programmetheory",
];

const LINK_NAMES: [&str; 14] = [
    "leadsto",
    "linksto",
    "link",
    "linkedto",
    "linkedcmoc",
    "next",
    "then",
    "arrow",
    "arrowsto",
    "feedsinto",
    "leadsinto",
    "connectsto",
    "followedby",
    "to",
];

impl ColumnMapping {
    /// Guesses the mapping from column names alone (case, punctuation, bracketed asides and
    /// plurals ignored: "Context (C)", "C", "Contexts", "Outcome(s)", "CMOC no.").
    pub fn guess(headers: &[String]) -> ColumnMapping {
        let names: Vec<String> = headers.iter().map(|h| normalised_header(h)).collect();
        let find = |wanted: &[&str]| names.iter().position(|h| wanted.contains(&h.as_str()));
        ColumnMapping {
            number: find(&NUMBER_NAMES),
            context: find(&["context", "c", "contextc"]),
            mechanism: find(&["mechanism", "m", "mechanismm"]),
            outcome: find(&["outcome", "o", "outcomeo"]),
            sentence: None,
            polarity: find(&["polarity", "activated", "sign", "negative", "ve", "type"]),
            title: find(&["title", "name", "label", "shorttitle", "heading"]),
            evidence: find(&[
                "evidence",
                "evidencesource",
                "source",
                "quote",
                "evidencequote",
            ]),
            resource: find(&["resource", "mechanismresource", "mresource"]),
            reasoning: find(&[
                "reasoning",
                "response",
                "mechanismreasoning",
                "mechanismresponse",
                "mreasoning",
            ]),
            links: find(&LINK_NAMES),
        }
    }

    /// Works the mapping out from the names and the cells: the number column is one whose
    /// cells read as CMOC numbers; without separate C, M and O columns, the column whose
    /// cells are marked sentences holds the CMOCs.
    pub fn detect(table: &CsvTable) -> ColumnMapping {
        let mut mapping = ColumnMapping::guess(&table.headers);
        let names: Vec<String> = table.headers.iter().map(|h| normalised_header(h)).collect();
        let share = |column: usize, test: &dyn Fn(&str) -> bool| {
            let cells: Vec<&str> = table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(column).map(String::as_str))
                .filter(|c| !c.is_empty())
                .collect();
            if cells.is_empty() {
                0.0
            } else {
                cells.iter().filter(|c| test(c)).count() as f32 / cells.len() as f32
            }
        };
        let numeric = |c: &str| super::marked::parse_number_cell(c).is_some();
        // A number column by name whose cells are numbers; else the first column of numbers.
        let by_name: Vec<usize> = (0..names.len())
            .filter(|&i| NUMBER_NAMES.contains(&names[i].as_str()))
            .collect();
        mapping.number = by_name
            .iter()
            .copied()
            .find(|&i| share(i, &numeric) >= 0.5)
            .or_else(|| (0..names.len()).find(|&i| share(i, &numeric) >= 0.8))
            .or(mapping.number.filter(|_| table.rows.is_empty()));
        let separate =
            mapping.context.is_some() && mapping.mechanism.is_some() && mapping.outcome.is_some();
        if !separate {
            let marked = |c: &str| super::marked::looks_marked(c);
            mapping.sentence = (0..names.len())
                .filter(|&i| Some(i) != mapping.number)
                .map(|i| (i, share(i, &marked)))
                .filter(|(_, s)| *s >= 0.5)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
                .or_else(|| {
                    (0..names.len()).find(|&i| {
                        Some(i) != mapping.number && SENTENCE_NAMES.contains(&names[i].as_str())
                    })
                });
            if mapping.sentence.is_some() {
                mapping.context = None;
                mapping.mechanism = None;
                mapping.outcome = None;
            }
        }
        if mapping.title == mapping.number {
            mapping.title = None;
        }
        mapping
    }

    /// The first required column that is not mapped.
    pub fn missing(&self) -> Option<&'static str> {
        if self.number.is_none() {
            return Some("CMOC number");
        }
        if self.sentence.is_some() {
            return None;
        }
        [
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
    /// The line each card comes from (parallel to `cards`).
    pub lines: Vec<u64>,
    /// How each card's sentence was split (parallel to `cards`; `None` for separate columns
    /// or a sentence kept whole).
    pub splits: Vec<Option<super::marked::MarkedParts>>,
    /// Bad rows with their line numbers, skipped (including rows the CSV reader could not read).
    pub problems: Vec<RowProblem>,
    /// Rows imported with something to check: a sentence kept whole in the context because it
    /// could not be split for sure, or a part that was not marked.
    pub warnings: Vec<RowProblem>,
    /// For each card (parallel to `cards`), the cards it leads to, by their place in `cards`:
    /// from the links column, when the table has one.
    pub links: Vec<Vec<usize>>,
}

impl ImportResult {
    /// The numbers (with polarity) of imported cards that `doc` already has.
    pub fn already_in(&self, doc: &Document) -> Vec<(u32, Polarity)> {
        let mut seen: Vec<(u32, Polarity)> = self
            .cards
            .iter()
            .filter(|c| doc.find_cmoc(c.number, c.polarity).is_some())
            .map(|c| (c.number, c.polarity))
            .collect();
        seen.dedup();
        seen
    }
}

/// What to do with imported cards whose numbers the diagram already has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Duplicates {
    /// Give them the next free numbers.
    #[default]
    Renumber,
    /// Leave them out.
    Skip,
    /// Import them as they are (two cards will share a number).
    Keep,
}

impl ImportResult {
    /// Applies `policy` to cards whose numbers `doc` already has (or an earlier imported card
    /// has); returns how many were renumbered or skipped.
    pub fn resolve_duplicates(&mut self, doc: &Document, policy: Duplicates) -> usize {
        if policy == Duplicates::Keep {
            return 0;
        }
        let mut taken: std::collections::BTreeSet<(u32, Polarity)> = doc
            .cmoc_cards()
            .map(|(_, c)| (c.number, c.polarity))
            .collect();
        // New numbers come after every number in the diagram and in the table, so a renumbered
        // card never takes a number a later row brings.
        let mut next_free = taken
            .iter()
            .map(|(n, _)| *n)
            .chain(self.cards.iter().map(|c| c.number))
            .max()
            .unwrap_or(0);
        let mut changed = 0;
        let mut keep = vec![true; self.cards.len()];
        for (i, card) in self.cards.iter_mut().enumerate() {
            if !taken.contains(&(card.number, card.polarity)) {
                taken.insert((card.number, card.polarity));
                continue;
            }
            changed += 1;
            match policy {
                Duplicates::Skip => keep[i] = false,
                _ => {
                    next_free = next_free.saturating_add(1);
                    card.number = next_free;
                    taken.insert((card.number, card.polarity));
                }
            }
        }
        let mut index = 0;
        let keep_of = |k: &Vec<bool>, i: &mut usize| {
            let kept = k[*i];
            *i += 1;
            kept
        };
        self.cards.retain(|_| keep_of(&keep, &mut index));
        index = 0;
        self.lines.retain(|_| keep_of(&keep, &mut index));
        index = 0;
        self.splits.retain(|_| keep_of(&keep, &mut index));
        // Links point at places in the list: the places of the cards kept.
        let mut place = Vec::with_capacity(keep.len());
        let mut next = 0usize;
        for kept in &keep {
            place.push(kept.then_some(next));
            next += usize::from(*kept);
        }
        if self.links.len() == keep.len() {
            index = 0;
            self.links.retain(|_| keep_of(&keep, &mut index));
            for targets in &mut self.links {
                *targets = targets
                    .iter()
                    .filter_map(|&t| place.get(t).copied().flatten())
                    .collect();
            }
        }
        changed
    }
}

/// Turns table rows into CMOC cards using `mapping`.
pub fn cards_from_table(
    table: &CsvTable,
    mapping: &ColumnMapping,
) -> Result<ImportResult, ImportError> {
    use super::marked::{parse_number_cell, split_marked, split_mechanism};
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
    let mut written_links: Vec<String> = Vec::new();
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
        let Some(parsed) = parse_number_cell(&number_cell) else {
            result.problems.push(problem(format!(
                "“{number_cell}” is not a CMOC number (write 12, CMOC 12, -ve CMOC 12 or 12. Title)"
            )));
            continue;
        };
        let number = parsed.number;
        let polarity = match cell(row, mapping.polarity) {
            Some(text) => match parse_polarity(&text) {
                Some(p) if parsed.negative => p.max(Polarity::Negative),
                Some(p) => p,
                None => {
                    result.problems.push(problem(format!(
                        "“{text}” is not a polarity (write positive or negative)"
                    )));
                    continue;
                }
            },
            None if parsed.negative => Polarity::Negative,
            None => Polarity::Positive,
        };
        let mut split = None;
        let (context, mechanism, outcome) = if let Some(column) = mapping.sentence {
            let Some(text) = cell(row, Some(column)) else {
                result.problems.push(problem(format!(
                    "has {} cells, fewer than the columns it needs",
                    row.cells.len()
                )));
                continue;
            };
            match split_marked(&text) {
                Ok(parts) => {
                    let missing = parts.missing();
                    if !missing.is_empty() {
                        let letters: Vec<String> = missing
                            .iter()
                            .map(|p| format!("({})", p.letter()))
                            .collect();
                        result.warnings.push(problem(format!(
                            "CMOC {number} has no {} part marked; that part is left empty",
                            letters.join(" or ")
                        )));
                    }
                    let texts = (
                        parts.context.clone(),
                        parts.mechanism.clone(),
                        parts.outcome.clone(),
                    );
                    split = Some(parts);
                    texts
                }
                Err(why) => {
                    if text.trim().is_empty() {
                        result
                            .problems
                            .push(problem(format!("CMOC {number} has no text")));
                        continue;
                    }
                    result.warnings.push(problem(format!(
                        "CMOC {number} came in whole, in the context: {why}. Mark its parts (C), (M) and (O), or split it in the inspector"
                    )));
                    (text, String::new(), String::new())
                }
            }
        } else {
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
            let [c, m, o] = [0, 1, 2].map(|i| parts[i].clone().unwrap_or_default());
            (c, m, o)
        };
        if context.is_empty() && mechanism.is_empty() && outcome.is_empty() {
            result.problems.push(problem(format!(
                "CMOC {number} has no context, mechanism or outcome"
            )));
            continue;
        }
        let mut card = CmocCard::new(number, context, mechanism, outcome);
        card.polarity = polarity;
        card.title = cell(row, mapping.title)
            .filter(|t| !t.is_empty())
            .or(parsed.title)
            .unwrap_or_default();
        // The mechanism's resource and reasoning: their own columns, or "resource → response".
        let (resource, reasoning) = (
            cell(row, mapping.resource).unwrap_or_default(),
            cell(row, mapping.reasoning).unwrap_or_default(),
        );
        if !resource.is_empty() || !reasoning.is_empty() {
            card.mechanism_resource = resource;
            card.mechanism_reasoning = reasoning;
        } else if let Some((resource, reasoning)) = split_mechanism(&card.mechanism) {
            card.mechanism_resource = resource;
            card.mechanism_reasoning = reasoning;
        }
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
        result.lines.push(row.line);
        result.splits.push(split);
        written_links.push(cell(row, mapping.links).unwrap_or_default());
    }
    if mapping.links.is_some() {
        resolve_links(&mut result, &written_links);
    }
    result.problems.sort_by_key(|p| p.line);
    result.warnings.sort_by_key(|p| p.line);
    Ok(result)
}

/// Turns each card's links cell ("12, 13", "CMOC 12; -ve CMOC 9", "12 and 14") into the
/// places of the cards it names; a name that is no card of the table is reported by line.
fn resolve_links(result: &mut ImportResult, written: &[String]) {
    use super::marked::parse_number_cell;
    let place: std::collections::BTreeMap<(u32, Polarity), usize> = result
        .cards
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| ((c.number, c.polarity), i))
        .collect();
    let mut links = Vec::with_capacity(written.len());
    for (i, cell) in written.iter().enumerate() {
        let mut targets = Vec::new();
        let pieces = cell
            .split([',', ';', '/', '\n'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|p| !p.is_empty() && !matches!(*p, "-" | "–" | "none" | "None" | "n/a"));
        for piece in pieces {
            let line = result.lines.get(i).copied().unwrap_or(0);
            let Some(named) = parse_number_cell(piece) else {
                result.warnings.push(RowProblem {
                    line,
                    message: format!(
                        "“{piece}” in the links column is not a CMOC number; no arrow made"
                    ),
                });
                continue;
            };
            let polarity = if named.negative {
                Polarity::Negative
            } else {
                Polarity::Positive
            };
            match place.get(&(named.number, polarity)) {
                Some(&t) if t != i => targets.push(t),
                Some(_) => {}
                None => result.warnings.push(RowProblem {
                    line,
                    message: format!(
                        "leads to {}, which is not in the table; no arrow made",
                        CmocCard {
                            number: named.number,
                            polarity,
                            ..CmocCard::default()
                        }
                        .badge()
                    ),
                }),
            }
        }
        targets.dedup();
        links.push(targets);
    }
    result.links = links;
}

/// Reads a CMOC table, working out the columns from their names and cells.
pub fn import_csv(text: &str) -> Result<ImportResult, ImportError> {
    let table = read_csv(text)?;
    let mapping = ColumnMapping::detect(&table);
    cards_from_table(&table, &mapping)
}

/// Reads text pasted from Word, Excel, LibreOffice or a PDF viewer: a table (tab-separated
/// cells, or any CSV), or marked CMOC sentences one per line ("1. When … (C), … (O) because …
/// (M)"; a line that starts with no number continues the one before, as a PDF viewer breaks
/// long sentences; sentences without numbers are numbered in order).
pub fn read_pasted(text: &str) -> Result<CsvTable, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len() / 1_000_000));
    }
    let lines: Vec<(u64, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i as u64 + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let Some(&(_, first)) = lines.first() else {
        return Err(ImportError::Empty);
    };
    let marked = lines
        .iter()
        .filter(|(_, l)| super::marked::looks_marked(l))
        .count();
    let tabular = first.contains('\t') || (!super::marked::looks_marked(first) && marked == 0);
    if tabular {
        return read_csv(text);
    }
    // Marked sentences, one per line (a header line such as "No. CMOC" is left out).
    let mut rows: Vec<CsvRow> = Vec::new();
    for (line, text) in lines {
        let (number, sentence) = leading_number(text);
        match (number, rows.last_mut()) {
            // A line with no number of its own, in a list that has numbers, continues the
            // sentence a PDF viewer broke.
            (None, Some(last))
                if !super::marked::looks_marked(text) || last.cells[1].is_empty() =>
            {
                if !last.cells[1].is_empty() {
                    last.cells[1].push(' ');
                }
                last.cells[1].push_str(text);
            }
            (number, _) => {
                if number.is_none() && rows.is_empty() && !super::marked::looks_marked(text) {
                    continue; // a heading line
                }
                rows.push(CsvRow {
                    line,
                    cells: vec![number.unwrap_or_default(), sentence.to_string()],
                });
            }
        }
    }
    let mut counter = 0u32;
    for row in &mut rows {
        counter += 1;
        if row.cells[0].is_empty() {
            row.cells[0] = counter.to_string();
        } else if let Some(parsed) = super::marked::parse_number_cell(&row.cells[0]) {
            counter = parsed.number;
        }
    }
    Ok(CsvTable {
        headers: vec!["No.".into(), "CMOC".into()],
        rows,
        delimiter: b'\n',
        problems: Vec::new(),
    })
}

/// "12. When …", "CMOC 12: When …", "-ve CMOC 9 When …": the number part and the sentence.
fn leading_number(text: &str) -> (Option<String>, &str) {
    let lower = text.to_lowercase();
    let starts_like_a_number = lower.starts_with(|c: char| c.is_ascii_digit())
        || ["cmoc", "-ve", "\u{2013}ve", "\u{2212}ve", "#"]
            .iter()
            .any(|p| lower.starts_with(p));
    if !starts_like_a_number {
        return (None, text);
    }
    let Some(first_digit) = text.find(|c: char| c.is_ascii_digit()) else {
        return (None, text);
    };
    let end = text[first_digit..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(text.len(), |i| first_digit + i);
    let mut rest = &text[end..];
    let mut number = text[..end].to_string();
    let trimmed = rest.trim_start();
    if let Some(tag) = ["(-ve)", "(negative)"].iter().find(|t| {
        trimmed
            .get(..t.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(t))
    }) {
        number.push_str(" (-ve)");
        rest = &trimmed[tag.len()..];
    }
    let rest = rest.trim_start_matches(['.', ':', ')', ' ', '\t', '|']);
    (Some(number), rest.trim())
}

/// Cards per row when imported cards are laid out.
const PER_ROW: usize = 6;
const CARD_WIDTH: f32 = 300.0;
const GAP: f32 = 40.0;

/// The edit that adds imported cards, laid out in rows inside a new region below the existing
/// diagram, as one undoable step.
pub fn import_edit(doc: &Document, cards: Vec<CmocCard>, region_title: &str) -> Edit {
    place_cards(doc, cards, region_title).0
}

/// The edit that adds an import's cards and, when the table has links, the arrows between
/// them, the cards then tidied along the arrows (Arrange → Tidy) inside their region: one
/// undoable step.
pub fn import_linked_edit(doc: &Document, result: &ImportResult, region_title: &str) -> Edit {
    let (place, ids) = place_cards(doc, result.cards.clone(), region_title);
    let mut edits = vec![place];
    for (from, targets) in result.links.iter().enumerate() {
        for &to in targets {
            let (Some(&a), Some(&b)) = (ids.get(from), ids.get(to)) else {
                continue;
            };
            edits.push(Edit::AddEdge {
                edge: crate::model::Edge::new(doc.new_edge_id(), a, b),
                index: None,
            });
        }
    }
    if edits.len() == 1 {
        return edits.remove(0);
    }
    // Tidy on the diagram as it will be, the new cards only.
    let mut after = doc.clone();
    let added = Edit::Batch(edits.clone());
    if added.apply(&mut after).is_ok()
        && let Some(tidy) = crate::edit::tidy_edit(
            &after,
            &ids.iter().copied().collect(),
            &crate::edit::Sugiyama,
        )
    {
        edits.push(tidy);
    }
    Edit::Batch(edits)
}

/// The cards as new nodes in rows inside a new region, and the new cards' ids in order.
fn place_cards(doc: &Document, cards: Vec<CmocCard>, region_title: &str) -> (Edit, Vec<NodeId>) {
    let origin = match doc.bounds() {
        Some(b) => Point::new(b.min.x, b.max.y + 160.0),
        None => Point::new(0.0, 0.0),
    };
    let padding = 30.0;
    let title_band = 56.0;
    let mut edits = Vec::with_capacity(cards.len() + 1);
    let mut ids = Vec::with_capacity(cards.len());
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
            ids.push(id);
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
    (Edit::Batch(edits), ids)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn missing_columns_are_named() {
        let err = import_csv("Number,Context,Outcome\n1,a,b\n").expect_err("no mechanism");
        assert_eq!(err, ImportError::MissingColumn("mechanism"));
        assert!(err.to_string().contains("No column for the mechanism"));
        assert_eq!(import_csv("\n\n  \n"), Err(ImportError::Empty));
    }
}
