//! What a screen reader says for each node and arrow: built from the same scene the canvas
//! draws, so what is heard is what is seen.

use super::SceneNode;
use crate::model::{Branch, NodeKind, Polarity};

/// Longest text read out per field; the inspector has the rest.
const MAX_SPOKEN_CHARS: usize = 600;

fn spoken(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(MAX_SPOKEN_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// A short name for a node, as used in arrow names: "-ve CMOC 10", "the condition “…”",
/// "outcome “Improved job satisfaction”".
pub fn short_name(node: &SceneNode) -> String {
    if let Some(badge) = &node.badge {
        return badge.text.clone();
    }
    let what = match node.kind {
        NodeKind::Condition => "the condition",
        other => other.name(),
    };
    // A title of a word or two ("IF") says little: the body says what the node is.
    let title = if node.title.trim().chars().count() < 4 {
        format!("{} {}", node.title.trim(), node.body.trim())
    } else {
        node.title.clone()
    };
    let title: String = spoken(&title).chars().take(60).collect();
    if title.is_empty() {
        what.to_lowercase()
    } else {
        format!("{} “{title}”", what.to_lowercase())
    }
}

/// The full accessible name of a node: "CMOC 10, negative (not activated). Context: … Mechanism:
/// … Outcome: … 2 open comments".
pub fn node_name(node: &SceneNode) -> String {
    let mut out = match &node.badge {
        Some(badge) => match badge.polarity {
            Polarity::Positive => format!("CMOC {}, positive (activated).", badge.number),
            Polarity::Negative => format!("CMOC {}, negative (not activated).", badge.number),
        },
        None => format!("{}.", node.kind.name()),
    };
    if !node.title.trim().is_empty() {
        out.push(' ');
        out.push_str(&spoken(&node.title));
        if !out.ends_with('.') {
            out.push('.');
        }
    }
    for section in &node.sections {
        if section.text.trim().is_empty() {
            continue;
        }
        let field = section.field.name();
        let mut field = field.to_string();
        if let Some(first) = field.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        out.push_str(&format!(" {field}: {}", spoken(&section.text)));
        if !out.ends_with('.') {
            out.push('.');
        }
    }
    if !node.body.trim().is_empty() {
        out.push(' ');
        out.push_str(&spoken(&node.body));
    }
    if node.evidence > 0 {
        out.push_str(&format!(
            " {} evidence quote{}.",
            node.evidence,
            if node.evidence == 1 { "" } else { "s" }
        ));
    }
    if node.open_comments > 0 {
        out.push_str(&format!(
            " {} open comment{}.",
            node.open_comments,
            if node.open_comments == 1 { "" } else { "s" }
        ));
    }
    let [agree, unsure, disagree] = node.reactions;
    if agree + unsure + disagree > 0 {
        let said: Vec<String> = [
            (agree, "agree", "agrees"),
            (unsure, "are not sure", "is not sure"),
            (disagree, "disagree", "disagrees"),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, many, one)| {
            let group = if n == 1 { "group" } else { "groups" };
            format!("{n} {group} {}", if n == 1 { one } else { many })
        })
        .collect();
        out.push_str(&format!(" Workshop: {}.", said.join(", ")));
    }
    out
}

/// The accessible name of an arrow: "Arrow from the condition “…” to -ve CMOC 10, no branch".
pub fn edge_name(
    from: &SceneNode,
    to: &SceneNode,
    branch: Option<Branch>,
    prevents: bool,
    label: &str,
    open_comments: usize,
) -> String {
    let mut out = format!("Arrow from {} to {}", short_name(from), short_name(to));
    match branch {
        Some(Branch::Yes) => out.push_str(", yes branch"),
        Some(Branch::No) => out.push_str(", no branch"),
        None => {}
    }
    if prevents {
        out.push_str(", prevents");
    }
    let label = spoken(label);
    if !label.is_empty() {
        out.push_str(&format!(": {label}"));
    }
    if open_comments > 0 {
        out.push_str(&format!(
            ". {open_comments} open comment{}",
            if open_comments == 1 { "" } else { "s" }
        ));
    }
    out
}
