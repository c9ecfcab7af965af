//! Reading CMOCs the way papers print them: one sentence with its parts marked inline —
//! "When patients offload their troubles … (C), they feel their emotions are more manageable
//! (O) because it helps them to feel unburdened (M)" (Table 4 of Westlake et al. 2024) — and
//! the number cells and mechanism texts people write ("-ve CMOC 9", "1. Title", "resource →
//! response").
//!
//! Written by hand: the marks are a small fixed grammar ((C)/[C]/{C} in any case, after the part
//! they label as papers print them, or before it), and no parsing crate would make it shorter
//! or clearer. Nothing is split by guesswork: a sentence with text outside any marked part, or
//! with no marks at all, is [`Unsplit`], and the caller keeps it whole.

/// Which part of a CMOC a mark labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// (C)
    Context,
    /// (M)
    Mechanism,
    /// (O)
    Outcome,
}

impl Part {
    /// "C", "M" or "O".
    pub fn letter(self) -> &'static str {
        match self {
            Part::Context => "C",
            Part::Mechanism => "M",
            Part::Outcome => "O",
        }
    }
}

/// A sentence split at its marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkedParts {
    /// The context: every part marked C, in reading order.
    pub context: String,
    /// The mechanism.
    pub mechanism: String,
    /// The outcome.
    pub outcome: String,
    /// The parts as they come in the sentence (a part marked twice appears twice).
    pub order: Vec<Part>,
}

impl MarkedParts {
    /// The parts that were not marked at all ("M" when there is no (M)).
    pub fn missing(&self) -> Vec<Part> {
        [Part::Context, Part::Mechanism, Part::Outcome]
            .into_iter()
            .filter(|p| !self.order.contains(p))
            .collect()
    }
}

/// Why a sentence was not split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsplit {
    /// No (C), (M) or (O) marks.
    NoMarks,
    /// Words that belong to no marked part (shortened for the message).
    TextOutsideParts(String),
    /// A mark with nothing to label.
    EmptyPart(Part),
}

impl std::fmt::Display for Unsplit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unsplit::NoMarks => write!(f, "no (C), (M) or (O) marks were found"),
            Unsplit::TextOutsideParts(text) => write!(
                f,
                "“{text}” belongs to no marked part, so the parts cannot be told apart for sure"
            ),
            Unsplit::EmptyPart(part) => {
                write!(f, "a ({}) mark labels no words", part.letter())
            }
        }
    }
}

/// A mark found in a text: where it is and what it labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    start: usize,
    end: usize,
    part: Part,
}

/// Every (C)/[M]/{o} mark in `text`, in order.
fn marks(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let close = match bytes[i] {
            b'(' => b')',
            b'[' => b']',
            b'{' => b'}',
            _ => {
                i += 1;
                continue;
            }
        };
        let mut j = i + 1;
        while j < bytes.len() && bytes[j] == b' ' {
            j += 1;
        }
        let part = match bytes.get(j).map(u8::to_ascii_uppercase) {
            Some(b'C') => Some(Part::Context),
            Some(b'M') => Some(Part::Mechanism),
            Some(b'O') => Some(Part::Outcome),
            _ => None,
        };
        let mut k = j + 1;
        while k < bytes.len() && bytes[k] == b' ' {
            k += 1;
        }
        match part {
            Some(part) if bytes.get(k) == Some(&close) => {
                found.push(Mark {
                    start: i,
                    end: k + 1,
                    part,
                });
                i = k + 1;
            }
            _ => i += 1,
        }
    }
    found
}

/// True when `text` has at least two different marks: a marked CMOC sentence.
pub fn looks_marked(text: &str) -> bool {
    let found = marks(text);
    found.iter().any(|m| m.part != found[0].part)
}

/// Only punctuation and spaces: nothing a reader would miss.
fn is_filler(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-' | '–' | '—'))
}

/// A part's words without the commas and full stops that joined it to its neighbours.
fn clean(segment: &str) -> &str {
    segment
        .trim()
        .trim_start_matches([',', ';', ':', '.'])
        .trim()
        .trim_end_matches([',', ';', ':'])
        .trim()
}

/// Splits a marked sentence into C, M and O. The published convention puts each mark after
/// the part it labels; a sentence that starts with a mark is read with marks before their
/// parts. A part marked twice is joined in reading order. Parts not marked stay empty (see
/// [`MarkedParts::missing`]).
pub fn split_marked(text: &str) -> Result<MarkedParts, Unsplit> {
    let found = marks(text);
    let (Some(first), Some(last)) = (found.first(), found.last()) else {
        return Err(Unsplit::NoMarks);
    };
    let before = is_filler(&text[..first.start]);
    let mut segments: Vec<(Part, &str)> = Vec::with_capacity(found.len());
    if before {
        for (i, mark) in found.iter().enumerate() {
            let end = found.get(i + 1).map_or(text.len(), |next| next.start);
            segments.push((mark.part, &text[mark.end..end]));
        }
    } else {
        let trailing = &text[last.end..];
        if !is_filler(trailing) {
            return Err(Unsplit::TextOutsideParts(crate::model::shorten(
                trailing.trim(),
                60,
            )));
        }
        let mut from = 0;
        for mark in &found {
            segments.push((mark.part, &text[from..mark.start]));
            from = mark.end;
        }
    }
    let mut parts = MarkedParts::default();
    for (part, segment) in segments {
        let words = clean(segment);
        if words.is_empty() {
            return Err(Unsplit::EmptyPart(part));
        }
        let slot = match part {
            Part::Context => &mut parts.context,
            Part::Mechanism => &mut parts.mechanism,
            Part::Outcome => &mut parts.outcome,
        };
        if !slot.is_empty() {
            slot.push(' ');
        }
        slot.push_str(words);
        parts.order.push(part);
    }
    Ok(parts)
}

/// What a number cell says: "1", "CMOC 1", "-ve CMOC 9", "9 (-ve)", "1. Title of the CMOC".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberCell {
    /// The CMOC number.
    pub number: u32,
    /// "-ve", "negative" or "not activated" was written.
    pub negative: bool,
    /// A title written after the number ("1. Title"), if any.
    pub title: Option<String>,
}

const NEGATIVE_WORDS: [&str; 6] = [
    "-ve",
    "\u{2013}ve",
    "\u{2212}ve",
    "negative",
    "not activated",
    "(ve)",
];

/// Reads a number cell; `None` when it holds no number, or words before the number that are
/// not "CMOC", "No." or "-ve", or a second number with nothing to tell it from a title.
pub fn parse_number_cell(cell: &str) -> Option<NumberCell> {
    let text = cell.trim();
    let lower = text.to_lowercase();
    let negative = NEGATIVE_WORDS.iter().any(|w| lower.contains(w));
    let first = text.find(|c: char| c.is_ascii_digit())?;
    // Before the number only "CMOC", "No.", "#", "-ve" and the like.
    let mut prefix = text[..first].to_lowercase();
    for word in [
        "negative",
        "cmoc",
        "no.",
        "no",
        "-ve",
        "\u{2013}ve",
        "\u{2212}ve",
        "ve",
        "#",
    ] {
        prefix = prefix.replace(word, " ");
    }
    if prefix
        .chars()
        .any(|c| !(c.is_whitespace() || matches!(c, '-' | '.' | ':' | '(' | ')')))
    {
        return None;
    }
    let digits_end = text[first..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(text.len(), |i| first + i);
    let number: u32 = text[first..digits_end].parse().ok()?;
    let mut rest = text[digits_end..].trim();
    // "9 (-ve)", "9 -ve", "9 (negative)"
    for tag in [
        "(-ve)",
        "(\u{2013}ve)",
        "(\u{2212}ve)",
        "(negative)",
        "(not activated)",
        "-ve",
    ] {
        if let Some(start) = rest.get(..tag.len())
            && start.to_lowercase() == tag
        {
            rest = rest[tag.len()..].trim();
        }
    }
    if rest.is_empty() {
        return Some(NumberCell {
            number,
            negative,
            title: None,
        });
    }
    let title = if let Some(after) = rest.strip_prefix(['.', ':', ')', '-', '\u{2013}', '\u{2014}'])
    {
        after.trim()
    } else if rest.starts_with(char::is_alphabetic) {
        rest
    } else {
        return None;
    };
    Some(NumberCell {
        number,
        negative,
        title: (!title.is_empty()).then(|| title.to_string()),
    })
}

/// A mechanism written "resource → response" (also "->", "=>"), each side optionally marked
/// "(resource)" / "(response)" or "(reasoning)": the two sides, or `None` when there is no
/// arrow or a side is empty.
pub fn split_mechanism(text: &str) -> Option<(String, String)> {
    let (at, arrow) = ["\u{2192}", "->", "=>", "\u{21d2}"]
        .iter()
        .filter_map(|a| text.find(a).map(|i| (i, *a)))
        .min_by_key(|(i, _)| *i)?;
    let strip = |side: &str, words: &[&str]| {
        let mut side = side.to_string();
        for word in words {
            for form in [format!("({word})"), format!("[{word}]")] {
                while let Some(i) = find_ignoring_case(&side, &form) {
                    side.replace_range(i..i + form.len(), "");
                }
            }
        }
        clean(&side).to_string()
    };
    let resource = strip(&text[..at], &["resource", "r"]);
    let response = strip(&text[at + arrow.len()..], &["response", "reasoning", "r"]);
    (!resource.is_empty() && !response.is_empty()).then_some((resource, response))
}

/// Where ASCII `needle` first occurs in `haystack`, ignoring ASCII case (a byte index on a
/// character boundary, since an ASCII byte never continues a character).
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_papers_convention_marks_after_each_part_in_any_order() {
        let parts = split_marked(
            "When patients offload their troubles during meetings with a link worker they trust (C), they feel their emotions are more manageable (O) because it helps them to feel unburdened (M)",
        )
        .expect("splits");
        assert_eq!(
            parts.context,
            "When patients offload their troubles during meetings with a link worker they trust"
        );
        assert_eq!(
            parts.outcome,
            "they feel their emotions are more manageable"
        );
        assert_eq!(parts.mechanism, "because it helps them to feel unburdened");
        assert_eq!(parts.order, [Part::Context, Part::Outcome, Part::Mechanism]);
        // CMOC 23: C, M, then O after a full stop.
        let parts = split_marked("If resources are allocated (C), link workers feel supported (M). So they are more able to stay (O)").expect("splits");
        assert_eq!(parts.order, [Part::Context, Part::Mechanism, Part::Outcome]);
        assert_eq!(parts.outcome, "So they are more able to stay");
    }

    #[test]
    fn brackets_case_marks_before_and_a_part_marked_twice() {
        let parts = split_marked("[c] when a, {o} then b; (M) because c").expect("marks before");
        assert_eq!(
            (
                parts.context.as_str(),
                parts.outcome.as_str(),
                parts.mechanism.as_str()
            ),
            ("when a", "then b", "because c")
        );
        let parts = split_marked("When a (C) and b (C), then d (O) because e (M).").expect("twice");
        assert_eq!(parts.context, "When a and b");
        // Brackets that are not marks stay in the text.
        let parts = split_marked(
            "When GPs (and managers) see it (e.g., in meetings) (C), they help (O) because (of) it (M)",
        )
        .expect("splits");
        assert_eq!(
            parts.context,
            "When GPs (and managers) see it (e.g., in meetings)"
        );
        assert_eq!(parts.mechanism, "because (of) it");
    }

    #[test]
    fn what_cannot_be_split_for_sure_is_not_split() {
        assert_eq!(split_marked("No marks here."), Err(Unsplit::NoMarks));
        assert!(matches!(
            split_marked("When a (C), then b (O) because c"),
            Err(Unsplit::TextOutsideParts(_))
        ));
        assert_eq!(
            split_marked("(C) (O) b"),
            Err(Unsplit::EmptyPart(Part::Context))
        );
        let parts = split_marked("When a (C), then b (O)").expect("two parts");
        assert_eq!(parts.missing(), [Part::Mechanism]);
    }

    #[test]
    fn number_cells_as_people_write_them() {
        let n = |cell: &str| parse_number_cell(cell).map(|c| (c.number, c.negative, c.title));
        assert_eq!(n("1"), Some((1, false, None)));
        assert_eq!(n("CMOC 1"), Some((1, false, None)));
        assert_eq!(n("-ve CMOC 9"), Some((9, true, None)));
        assert_eq!(n("9 (-ve)"), Some((9, true, None)));
        assert_eq!(n("CMOC no. 12"), Some((12, false, None)));
        assert_eq!(
            n("1. Title of the CMOC"),
            Some((1, false, Some("Title of the CMOC".into())))
        );
        assert_eq!(
            n("CMOC 3: Step 2 of the plan"),
            Some((3, false, Some("Step 2 of the plan".into())))
        );
        assert_eq!(n("twelve"), None);
        assert_eq!(n("1 2"), None);
        assert_eq!(n("Table 3"), None);
    }

    #[test]
    fn resource_and_response_either_side_of_an_arrow() {
        assert_eq!(
            split_mechanism(
                "timely supervision (resource) → not carrying the risk alone (response)"
            ),
            Some((
                "timely supervision".into(),
                "not carrying the risk alone".into()
            ))
        );
        assert_eq!(split_mechanism("a -> b"), Some(("a".into(), "b".into())));
        assert_eq!(split_mechanism("x => y"), Some(("x".into(), "y".into())));
        assert_eq!(split_mechanism("because it helps"), None);
        assert_eq!(split_mechanism("-> only a response"), None);
        // Letters that change length when lowercased do not trip the reading.
        assert_eq!(
            split_mechanism("İİ (RESOURCE) → ok"),
            Some(("İİ".into(), "ok".into()))
        );
        assert_eq!(parse_number_cell("İ 3"), None);
        assert_eq!(parse_number_cell("3 (İ)"), None);
    }
}
