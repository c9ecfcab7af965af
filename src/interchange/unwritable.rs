//! Characters a figure cannot hold. XML 1.0 (and so SVG, and the PNG drawn from it) has no
//! place for most control characters or for the non-characters U+FFFE and U+FFFF: writers
//! leave them out, and this says which cards lost them, so the change is never silent.

use crate::model::{Document, Node, NodeContent};

/// True for a character XML 1.0 can hold (tab, line feed and carriage return among the
/// controls; everything from U+0020 on but U+FFFE and U+FFFF).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

/// Every text a node shows or carries.
fn node_texts(node: &Node) -> Vec<&str> {
    let mut texts: Vec<&str> = vec![node.plain.as_str()];
    texts.extend(node.tags.iter().map(String::as_str));
    match &node.content {
        NodeContent::Cmoc(card) => {
            texts.extend([
                card.title.as_str(),
                card.context.as_str(),
                card.mechanism.as_str(),
                card.mechanism_resource.as_str(),
                card.mechanism_reasoning.as_str(),
                card.outcome.as_str(),
            ]);
            for e in &card.evidence {
                texts.extend([e.source.as_str(), e.quote.as_str()]);
            }
        }
        other => {
            if let Some(block) = other.text_block() {
                texts.extend([block.title.as_str(), block.text.as_str()]);
            }
        }
    }
    texts
}

/// The first few characters as code points ("U+FFFE") and the places, five named and the rest
/// counted ("CMOC 1, CMOC 2 and 3 more").
fn codes_and_places(chars: &[char], places: &[String]) -> (Vec<String>, String) {
    let codes = chars
        .iter()
        .take(4)
        .map(|c| format!("U+{:04X}", u32::from(*c)))
        .collect();
    let shown = places.len().min(5);
    let mut where_ = places[..shown].join(", ");
    if places.len() > shown {
        where_.push_str(&format!(" and {} more", places.len() - shown));
    }
    (codes, where_)
}

/// Every text a figure of `doc` may show: the title, each node's words, arrow labels.
pub(crate) fn figure_texts(doc: &Document) -> Vec<&str> {
    let mut texts = vec![doc.metadata().title.as_str()];
    for node in doc.nodes() {
        texts.extend(node_texts(node));
    }
    texts.extend(doc.edges().map(|e| e.label.as_str()));
    texts
}

/// A sentence naming the characters no font on this computer draws, by card: "3 characters
/// in CMOC 12 cannot be drawn: no font on this computer has them (U+10FFFD)."
fn undrawable_report(doc: &Document) -> Option<String> {
    let (_, mut missing) = crate::scene::fonts::fallbacks_for(figure_texts(doc));
    // Those XML cannot hold are left out and reported as such.
    missing.retain(|c| is_xml_char(*c));
    if missing.is_empty() {
        return None;
    }
    let mut count = 0usize;
    let mut places: Vec<String> = Vec::new();
    for node in doc.nodes() {
        let here = node_texts(node)
            .into_iter()
            .flat_map(str::chars)
            .filter(|c| missing.contains(c))
            .count();
        if here > 0 {
            count += here;
            places.push(node.label());
        }
    }
    let (codes, mut where_) = codes_and_places(&missing, &places);
    if where_.is_empty() {
        where_ = "the title or an arrow's label".into();
    }
    Some(format!(
        "{} in {where_} cannot be drawn: no font on this computer has {} ({}). Install a font for that script (for example one of the Noto fonts) and export again.",
        if count == 1 {
            "1 character".to_string()
        } else {
            format!("{count} characters")
        },
        if count == 1 { "it" } else { "them" },
        codes.join(", ")
    ))
}

/// A sentence naming what a figure of `doc` leaves out, or `None` when every character fits:
/// "2 characters that a figure cannot hold (U+FFFE) were left out of CMOC 12."
pub fn figure_text_report(doc: &Document) -> Option<String> {
    let reports: Vec<String> = [xml_report(doc), undrawable_report(doc)]
        .into_iter()
        .flatten()
        .collect();
    (!reports.is_empty()).then(|| reports.join(" "))
}

/// Characters XML cannot hold, by card.
fn xml_report(doc: &Document) -> Option<String> {
    let mut count = 0usize;
    let mut kinds: Vec<char> = Vec::new();
    let mut places: Vec<String> = Vec::new();
    let mut note = |texts: &mut dyn Iterator<Item = &str>, place: String| {
        let mut here = 0usize;
        for c in texts.flat_map(str::chars).filter(|c| !is_xml_char(*c)) {
            here += 1;
            if kinds.len() < 4 && !kinds.contains(&c) {
                kinds.push(c);
            }
        }
        if here > 0 {
            count += here;
            places.push(place);
        }
    };
    note(
        &mut std::iter::once(doc.metadata().title.as_str()),
        "the title".into(),
    );
    for node in doc.nodes() {
        note(&mut node_texts(node).into_iter(), node.label());
    }
    for edge in doc.edges() {
        note(
            &mut std::iter::once(edge.label.as_str()),
            "an arrow's label".into(),
        );
    }
    if count == 0 {
        return None;
    }
    let (codes, where_) = codes_and_places(&kinds, &places);
    Some(format!(
        "{count} {} that a figure cannot hold ({}) {} left out of {where_}. They stay in the diagram; delete them there if they came in by accident.",
        if count == 1 {
            "character"
        } else {
            "characters"
        },
        codes.join(", "),
        if count == 1 { "was" } else { "were" },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_characters_are_named_with_their_card() {
        let mut doc = crate::edit::synthetic_diagram(2);
        assert_eq!(figure_text_report(&doc), None);
        let mut node = doc.nodes().next().cloned().expect("a card");
        if let NodeContent::Cmoc(card) = &mut node.content {
            card.context.push_str("odd \u{fffe}\u{ffff} end\u{1}");
        }
        let name = node.label();
        crate::edit::Edit::ReplaceNode { node }
            .apply(&mut doc)
            .expect("replace");
        let report = figure_text_report(&doc).expect("reported");
        assert!(report.starts_with("3 characters"), "{report}");
        assert!(
            report.contains("U+FFFE") && report.contains(&name),
            "{report}"
        );
        // The SVG is well-formed XML and the PNG drawn from it is made (before, it failed
        // with "non-XML character '\u{fffe}' found at 9:55").
        let options = crate::interchange::FigureOptions::default();
        let svg = crate::interchange::figure_svg(&doc, &options).expect("svg");
        assert!(roxmltree::Document::parse(&svg).is_ok());
        assert!(svg.contains("odd  end"));
        assert!(crate::interchange::figure_png(&doc, &options, 1.0).is_ok());
        assert!(crate::interchange::figure_pdf(&doc, &options).is_ok());
    }
}
