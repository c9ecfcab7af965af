//! Table rows into CMOC cards: numbers, polarity, marked sentences split into C, M and O,
//! the mechanism's resource and reasoning, evidence, links between cards; numbers the
//! diagram already has.

use super::{ColumnMapping, CsvRow, CsvTable, ImportError, RowProblem};
use crate::model::{CmocCard, Document, Evidence, Polarity};

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
    pub splits: Vec<Option<crate::interchange::marked::MarkedParts>>,
    /// Bad rows with their line numbers, skipped (including rows the CSV reader could not read).
    pub problems: Vec<RowProblem>,
    /// Rows imported with something to check: a sentence kept whole in the context because it
    /// could not be split for sure, or a part that was not marked.
    pub warnings: Vec<RowProblem>,
    /// For each card (parallel to `cards`), the cards it leads to, by their place in `cards`:
    /// from the links column, when the table has one.
    pub links: Vec<Vec<usize>>,
    /// Tags for each card (parallel to `cards`): the section heading and theme it was printed
    /// under.
    pub tags: Vec<Vec<String>>,
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
        if self.tags.len() == keep.len() {
            index = 0;
            self.tags.retain(|_| keep_of(&keep, &mut index));
        }
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

impl ImportResult {
    /// Adds a card from `line`, its references moved from its words to its evidence (and
    /// said so), with how its sentence split, its tags and its links cell.
    fn add(
        &mut self,
        mut card: CmocCard,
        line: u64,
        split: Option<crate::interchange::marked::MarkedParts>,
        tags: Vec<String>,
        links: String,
        written_links: &mut Vec<String>,
    ) {
        if let Some(refs) = super::printed::move_references(&mut card) {
            self.warnings.push(RowProblem {
                line,
                message: format!(
                    "{}: {} taken out of its words into its evidence",
                    card.badge(),
                    references_moved(&refs)
                ),
            });
        }
        self.cards.push(card);
        self.lines.push(line);
        self.splits.push(split);
        self.tags.push(tags);
        written_links.push(links);
    }
}

/// Turns table rows into CMOC cards using `mapping`.
pub fn cards_from_table(
    table: &CsvTable,
    mapping: &ColumnMapping,
) -> Result<ImportResult, ImportError> {
    use crate::interchange::marked::parse_number_cell;
    if let Some(missing) = mapping.missing() {
        return Err(ImportError::MissingColumn(missing));
    }
    // Section rows, themes printed once, numbers printed before the text.
    let printed = super::printed::prepare(table, mapping);
    let (table, mapping) = (&printed.table, &printed.mapping);
    let dedicated_number = !printed.number_was_in_text;
    let mut result = ImportResult {
        problems: table.problems.clone(),
        ..ImportResult::default()
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
                "“{}” is not a CMOC number (write 12, CMOC 12, -ve CMOC 12 or 12. Title)",
                super::excerpt(&number_cell)
            )));
            continue;
        };
        let number = parsed.number;
        let polarity = match row_polarity(cell(row, mapping.polarity), parsed.negative) {
            Ok(polarity) => polarity,
            Err(message) => {
                result.problems.push(problem(message));
                continue;
            }
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
            match sentence_texts(text, number) {
                Ok((texts, parts, warning)) => {
                    if let Some(warning) = warning {
                        result.warnings.push(problem(warning));
                    }
                    split = parts;
                    texts
                }
                Err(message) => {
                    result.problems.push(problem(message));
                    continue;
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
        let title_after_number = if dedicated_number {
            parsed.title
        } else {
            super::printed::short_title(&card.context)
        };
        fill_optional_columns(&mut card, row, mapping, title_after_number);
        let tags = printed.tags.get(&row.line).cloned().unwrap_or_default();
        // "Outcomes when M not present": the -ve CMOC of the same number, never dropped.
        let absent = cell(row, mapping.outcome_absent).filter(|o| !o.trim().is_empty());
        let twin = absent.map(|outcome| negative_twin(&card, outcome));
        let links = cell(row, mapping.links).unwrap_or_default();
        result.add(
            card,
            row.line,
            split,
            tags.clone(),
            links,
            &mut written_links,
        );
        if let Some(twin) = twin {
            result.add(
                twin,
                row.line,
                None,
                tags,
                String::new(),
                &mut written_links,
            );
        }
    }
    if mapping.links.is_some() {
        resolve_links(&mut result, &written_links);
    }
    result.problems.sort_by_key(|p| p.line);
    result.warnings.sort_by_key(|p| p.line);
    Ok(result)
}

/// The context, mechanism and outcome of a marked sentence, how it split, and what to say
/// about it: a part not marked (left empty), or a sentence that could not be split (kept
/// whole in the context). An empty sentence is a problem.
#[allow(clippy::type_complexity)]
fn sentence_texts(
    text: String,
    number: u32,
) -> Result<
    (
        (String, String, String),
        Option<crate::interchange::marked::MarkedParts>,
        Option<String>,
    ),
    String,
> {
    use crate::interchange::marked::split_marked;
    match split_marked(&text) {
        Ok(parts) => {
            let missing = parts.missing();
            let warning = (!missing.is_empty()).then(|| {
                let letters: Vec<String> = missing
                    .iter()
                    .map(|p| format!("({})", p.letter()))
                    .collect();
                format!(
                    "CMOC {number} has no {} part marked; that part is left empty",
                    letters.join(" or ")
                )
            });
            let texts = (
                parts.context.clone(),
                parts.mechanism.clone(),
                parts.outcome.clone(),
            );
            Ok((texts, Some(parts), warning))
        }
        Err(_) if text.trim().is_empty() => Err(format!("CMOC {number} has no text")),
        Err(why) => Ok((
            (text, String::new(), String::new()),
            None,
            Some(format!(
                "CMOC {number} came in whole, in the context: {why}. Mark its parts (C), (M) and (O), or split it in the inspector"
            )),
        )),
    }
}

/// A row's polarity: its polarity cell if it has one ("-ve" before the number wins), else
/// from the number cell; a polarity cell that says neither is a problem, in words.
fn row_polarity(text: Option<String>, negative_number: bool) -> Result<Polarity, String> {
    match text {
        Some(text) => match parse_polarity(&text) {
            Some(p) if negative_number => Ok(p.max(Polarity::Negative)),
            Some(p) => Ok(p),
            None => Err(format!(
                "“{}” is not a polarity (write positive or negative)",
                super::excerpt(&text)
            )),
        },
        None if negative_number => Ok(Polarity::Negative),
        None => Ok(Polarity::Positive),
    }
}

/// "reference number 37 was" or "reference numbers 17–19, 53 were".
fn references_moved(refs: &str) -> String {
    if refs.contains([',', '\u{2013}', '-']) {
        format!("reference numbers {refs} were")
    } else {
        format!("reference number {refs} was")
    }
}

/// The -ve CMOC a row's "outcome when the mechanism is not present" describes: the same
/// number, context and mechanism, not activated, with that outcome.
fn negative_twin(card: &CmocCard, outcome: String) -> CmocCard {
    let mut twin = card.clone();
    twin.polarity = Polarity::Negative;
    twin.outcome = outcome;
    twin.evidence
        .retain(|e| !e.source.starts_with("References "));
    twin
}

/// A row's cell in `column`, if the row has it.
fn cell(row: &CsvRow, column: Option<usize>) -> Option<String> {
    column.and_then(|c| row.cells.get(c)).cloned()
}

/// The columns a card may do without: its title (its own column, or after the number), the
/// mechanism's resource and reasoning (their own columns, or "resource → response"), and its
/// evidence sources (separated by semicolons).
fn fill_optional_columns(
    card: &mut CmocCard,
    row: &CsvRow,
    mapping: &ColumnMapping,
    title_after_number: Option<String>,
) {
    use crate::interchange::marked::split_mechanism;
    card.title = cell(row, mapping.title)
        .filter(|t| !t.is_empty())
        .or(title_after_number)
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
}

/// Turns each card's links cell ("12, 13", "CMOC 12; -ve CMOC 9", "12 and 14") into the
/// places of the cards it names; a name that is no card of the table is reported by line.
fn resolve_links(result: &mut ImportResult, written: &[String]) {
    use crate::interchange::marked::parse_number_cell;
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
                        "“{}” in the links column is not a CMOC number; no arrow made",
                        super::excerpt(piece)
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
