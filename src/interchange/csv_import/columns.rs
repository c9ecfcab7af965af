//! Which column holds what: column names as people write them, and cells that show what a
//! column holds (numbers, marked sentences).

use super::CsvTable;

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
    /// What happens when the mechanism is not activated ("Outcomes when M not present"):
    /// a row with one also gives the -ve CMOC of its number (optional).
    pub outcome_absent: Option<usize>,
    /// A theme or section the row belongs to, often printed on its first row only: a tag on
    /// the card, carried down to the rows below (optional).
    pub theme: Option<usize>,
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
pub(super) fn normalised_header(header: &str) -> String {
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

/// Whether a normalised outcome header is about the mechanism not firing: "Outcomes when M
/// not present", "Outcome if absent", "Outcomes without the mechanism".
fn says_absent(header: &str) -> bool {
    [
        "notpresent",
        "absent",
        "notactivated",
        "notfired",
        "without",
        "negative",
        "whenmnot",
        "whennot",
        "ifnot",
    ]
    .iter()
    .any(|w| header.contains(w))
}

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
            outcome: find(&["outcome", "o", "outcomeo"]).or_else(|| {
                // "Outcomes when M present", "Outcome (intended)": the first outcome column
                // that is not about the mechanism being absent.
                names
                    .iter()
                    .position(|h| h.starts_with("outcome") && !says_absent(h))
            }),
            outcome_absent: names
                .iter()
                .position(|h| h.starts_with("outcome") && says_absent(h)),
            theme: find(&[
                "theme",
                "themeandsubtheme",
                "subtheme",
                "section",
                "category",
                "domain",
                "programmetheoryarea",
            ]),
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
        let numeric = |c: &str| crate::interchange::marked::parse_number_cell(c).is_some();
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
            let marked = |c: &str| crate::interchange::marked::looks_marked(c);
            // The sentence column may also be the number column: "1. When … (c) …".
            mapping.sentence = (0..names.len())
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
