//! Tables as papers print them, made ready for the column mapping: a section row ("CMOCs —
//! participation") heads the rows under it; a theme column filled only on its first row holds
//! for the rows below; a CMOC number printed at the start of a text ("1. Recruitment: …")
//! becomes the card's number (and the text loses it); reference numbers glued to the end of a
//! sentence ("… in MR.17–19 53 65 66") go to the card's evidence, not its words.

use super::{ColumnMapping, CsvRow, CsvTable};
use crate::interchange::marked::parse_number_cell;
use crate::model::{CmocCard, Evidence};
use std::collections::HashMap;

/// The table as the mapping reads it, and the tags (section, theme) of each row by line.
pub(super) struct Printed<'a> {
    /// The rows without section headings, with numbers taken out of text into a column (the
    /// table itself when it needs none of that: most tables).
    pub table: std::borrow::Cow<'a, CsvTable>,
    /// The mapping, pointing at that number column when the number was in a text.
    pub mapping: ColumnMapping,
    /// The section and theme of each row, by its line in the file.
    pub tags: HashMap<u64, Vec<String>>,
    /// Whether the CMOC number was printed at the start of a text (and taken out of it).
    pub number_was_in_text: bool,
}

/// A section heading's words without "CMOCs —" before them.
fn section_name(cell: &str) -> String {
    let text = cell.trim();
    let lower = text.to_lowercase();
    let rest = ["cmocs", "cmoc"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &text[p.len()..]))
        .unwrap_or(text);
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | ':' | ',')
    });
    if rest.is_empty() { text } else { rest }.to_string()
}

/// A row with one filled cell that is no CMOC number: a heading for the rows below it.
fn section_of(row: &CsvRow) -> Option<String> {
    let mut filled = row.cells.iter().filter(|c| !c.trim().is_empty());
    let only = filled.next()?;
    (filled.next().is_none() && parse_number_cell(only).is_none()).then(|| section_name(only))
}

/// Prepares `table` for `mapping` (see the module's description).
pub(super) fn prepare<'a>(table: &'a CsvTable, mapping: &ColumnMapping) -> Printed<'a> {
    let texts = [
        mapping.context,
        mapping.sentence,
        mapping.mechanism,
        mapping.outcome,
    ];
    let number_in_text = mapping.number.is_some_and(|n| texts.contains(&Some(n)));
    if !number_in_text
        && mapping.theme.is_none()
        && !table.rows.iter().any(|r| section_of(r).is_some())
    {
        // Nothing printed-table about it: read as it is, without a copy.
        return Printed {
            table: std::borrow::Cow::Borrowed(table),
            mapping: *mapping,
            tags: HashMap::new(),
            number_was_in_text: false,
        };
    }
    let mut out = CsvTable {
        headers: table.headers.clone(),
        rows: Vec::with_capacity(table.rows.len()),
        problems: table.problems.clone(),
        delimiter: table.delimiter,
    };
    let mut mapping = *mapping;
    let mut tags = HashMap::new();
    // The number printed inside a text column: a column of its own, taken out of the text.
    let texts = [
        mapping.context,
        mapping.sentence,
        mapping.mechanism,
        mapping.outcome,
    ];
    let number_in = mapping.number.filter(|n| texts.contains(&Some(*n)));
    if number_in.is_some() {
        mapping.number = Some(out.headers.len());
        out.headers.push("No. (printed before the text)".into());
    }
    let (mut section, mut theme) = (None::<String>, None::<String>);
    for row in &table.rows {
        if let Some(heading) = section_of(row) {
            section = Some(heading);
            continue;
        }
        let mut row = row.clone();
        if let Some(t) = mapping.theme.and_then(|c| row.cells.get(c)) {
            let t = t.trim();
            if !t.is_empty() {
                theme = Some(t.to_string());
            }
        }
        let row_tags: Vec<String> = [section.clone(), theme.clone()]
            .into_iter()
            .flatten()
            .collect();
        if !row_tags.is_empty() {
            tags.insert(row.line, row_tags);
        }
        if let Some(column) = number_in {
            let number = take_number(&mut row, column);
            row.cells.resize(out.headers.len() - 1, String::new());
            row.cells.push(number);
        }
        out.rows.push(row);
    }
    Printed {
        table: std::borrow::Cow::Owned(out),
        mapping,
        tags,
        number_was_in_text: number_in.is_some(),
    }
}

/// Takes a leading CMOC number ("1.", "CMOC 3:", "-ve 9") out of the row's `column`, leaving
/// the text after it; the number as a cell of its own (empty when the text has none).
fn take_number(row: &mut CsvRow, column: usize) -> String {
    let Some(text) = row.cells.get_mut(column) else {
        return String::new();
    };
    let Some(parsed) = parse_number_cell(text) else {
        return String::new();
    };
    let rest = parsed.title.clone().unwrap_or_default();
    *text = rest;
    if parsed.negative {
        format!("-ve {}", parsed.number)
    } else {
        parsed.number.to_string()
    }
}

/// A short first phrase before a colon ("Recruitment: time point and …" → "Recruitment"), as
/// a title: at most six words, never the whole text.
pub(super) fn short_title(text: &str) -> Option<String> {
    let (head, rest) = text.split_once(':')?;
    let head = head.trim();
    let words = head.split_whitespace().count();
    ((1..=6).contains(&words) && head.chars().count() <= 60 && !rest.trim().is_empty())
        .then(|| head.to_string())
}

/// Reference numbers glued to the end of a line ("… in MR.17–19 53 65 66", "… are low.37 42"):
/// where the line's words end, and the numbers ("17–19, 53, 65, 66"). Only numbers right after
/// a full stop that ends a word count, so "within 48 hours" and "2.0" keep theirs. Nothing is
/// allocated for a line without them (most lines).
fn reference_tail(line: &str) -> Option<(usize, String)> {
    let trimmed = line.trim_end();
    let is_ref_char = |c: char| c.is_ascii_digit() || matches!(c, ' ' | ',' | '\u{2013}' | '-');
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_ref_char(*c))
        .last()
        .map(|(i, _)| i)?;
    let (before, refs) = trimmed.split_at(start);
    // Glued to the full stop that ends a word ("MR.17"), not a number's point ("2.0").
    let word_ends = before
        .strip_suffix('.')
        .and_then(|w| w.chars().last())
        .is_some_and(char::is_alphabetic);
    if !word_ends || !refs.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let numbers: Vec<&str> = refs.split([' ', ',']).filter(|n| !n.is_empty()).collect();
    Some((start, numbers.join(", ")))
}

/// A line without its reference numbers, and them (see [`reference_tail`]).
#[cfg(test)]
fn split_references(line: &str) -> (String, Option<String>) {
    match reference_tail(line) {
        Some((cut, refs)) => (line[..cut].to_string(), Some(refs)),
        None => (line.to_string(), None),
    }
}

/// Moves reference numbers at the ends of the card's lines into its evidence; the numbers
/// moved, for the import's report. A text without any is left exactly as it was.
pub(super) fn move_references(card: &mut CmocCard) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    for text in [&mut card.context, &mut card.mechanism, &mut card.outcome] {
        if !text.lines().any(|line| reference_tail(line).is_some()) {
            continue;
        }
        let lines: Vec<&str> = text
            .lines()
            .map(|line| match reference_tail(line) {
                Some((cut, refs)) => {
                    found.push(refs);
                    &line[..cut]
                }
                None => line,
            })
            .collect();
        *text = lines.join("\n");
    }
    if found.is_empty() {
        return None;
    }
    let all = found.join(", ");
    card.evidence.push(Evidence {
        source: format!("References {all} (numbered as in the paper)"),
        quote: String::new(),
    });
    Some(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_glued_to_a_sentence_are_found_and_other_numbers_kept() {
        assert_eq!(
            split_references("patients consent to MR.17\u{2013}19 53 65 66"),
            (
                "patients consent to MR.".to_string(),
                Some("17\u{2013}19, 53, 65, 66".to_string())
            )
        );
        assert_eq!(
            split_references("rates are low.37 42").1.as_deref(),
            Some("37, 42")
        );
        for kept in ["seen within 48 hours", "CMOC 12", "version 2.0", "in 2019"] {
            assert_eq!(split_references(kept), (kept.to_string(), None), "{kept}");
        }
    }

    #[test]
    fn short_titles_are_short_and_never_the_whole_text() {
        assert_eq!(
            short_title("Recruitment: time point and location").as_deref(),
            Some("Recruitment")
        );
        assert_eq!(short_title("Patients' experience and attitudes."), None);
        assert_eq!(
            short_title("A very long phrase that runs on and on before: the colon"),
            None
        );
    }

    #[test]
    fn section_headings_lose_their_cmocs_prefix() {
        assert_eq!(section_name("CMOCs\u{2014}participation"), "participation");
        assert_eq!(section_name("Medication safety"), "Medication safety");
    }
}
