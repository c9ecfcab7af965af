//! Text pasted from Word, Excel, LibreOffice or a PDF viewer, read as a table.

use super::{CsvRow, CsvTable, ImportError, MAX_IMPORT_BYTES, read_csv};

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
        .filter(|(_, l)| crate::interchange::marked::looks_marked(l))
        .count();
    let tabular =
        first.contains('\t') || (!crate::interchange::marked::looks_marked(first) && marked == 0);
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
                if !crate::interchange::marked::looks_marked(text) || last.cells[1].is_empty() =>
            {
                if !last.cells[1].is_empty() {
                    last.cells[1].push(' ');
                }
                last.cells[1].push_str(text);
            }
            (number, _) => {
                if number.is_none()
                    && rows.is_empty()
                    && !crate::interchange::marked::looks_marked(text)
                {
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
        } else if let Some(parsed) = crate::interchange::marked::parse_number_cell(&row.cells[0]) {
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
