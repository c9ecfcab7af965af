//! What changed between two versions of a document, in words: used to compare a recovery
//! snapshot with the file on disk before choosing which to keep.

use super::{Document, Node, NodeContent};

/// One line per difference, in document order: cards and nodes added, removed or changed
/// (naming the parts that changed), then arrows and comments by count, then the title.
pub fn differences(old: &Document, new: &Document) -> Vec<String> {
    let mut lines = Vec::new();
    if old.metadata().title != new.metadata().title {
        lines.push(format!(
            "Title “{}” became “{}”",
            super::shorten(&old.metadata().title, 60),
            super::shorten(&new.metadata().title, 60)
        ));
    }
    for node in new.nodes() {
        match old.node(node.id) {
            None => lines.push(format!("Added {}", describe(node))),
            Some(before) if before != node => {
                let parts = changed_parts(before, node);
                match (parts.as_slice(), node.content.cmoc()) {
                    // A card turned over in a workshop ("what if this did not happen?").
                    (["positive/negative"], Some(card)) => lines.push(format!(
                        "CMOC {} made {}",
                        card.number,
                        card.polarity.word()
                    )),
                    _ => lines.push(format!("Changed {}: {}", describe(node), parts.join(", "))),
                }
            }
            Some(_) => {}
        }
    }
    for node in old.nodes() {
        if new.node(node.id).is_none() {
            lines.push(format!("Removed {}", describe(node)));
        }
    }
    let count = |added: usize, removed: usize, changed: usize, what: &str| {
        let mut parts = Vec::new();
        if added > 0 {
            parts.push(format!("{added} added"));
        }
        if removed > 0 {
            parts.push(format!("{removed} removed"));
        }
        if changed > 0 {
            parts.push(format!("{changed} changed"));
        }
        (!parts.is_empty()).then(|| format!("{what}: {}", parts.join(", ")))
    };
    let edges_added = new.edges().filter(|e| old.edge(e.id).is_none()).count();
    let edges_removed = old.edges().filter(|e| new.edge(e.id).is_none()).count();
    let edges_changed = new
        .edges()
        .filter(|e| old.edge(e.id).is_some_and(|b| b != *e))
        .count();
    lines.extend(count(edges_added, edges_removed, edges_changed, "Arrows"));
    // Comments and reactions counted apart, as the Comments tab and the notes count them.
    for (what, reactions) in [("Comments", false), ("Reactions", true)] {
        let kind = |a: &&super::Annotation| a.reaction.is_some() == reactions;
        let added = new
            .annotations()
            .filter(kind)
            .filter(|a| old.annotation(a.id).is_none())
            .count();
        let removed = old
            .annotations()
            .filter(kind)
            .filter(|a| new.annotation(a.id).is_none())
            .count();
        let changed = new
            .annotations()
            .filter(kind)
            .filter(|a| old.annotation(a.id).is_some_and(|b| b != *a))
            .count();
        lines.extend(count(added, removed, changed, what));
    }
    lines
}

fn describe(node: &Node) -> String {
    match &node.content {
        NodeContent::Cmoc(card) if !card.title.trim().is_empty() => {
            format!("{} “{}”", node.label(), super::shorten(&card.title, 50))
        }
        _ => node.label(),
    }
}

fn changed_parts(before: &Node, after: &Node) -> Vec<&'static str> {
    let mut parts = Vec::new();
    match (&before.content, &after.content) {
        (NodeContent::Cmoc(a), NodeContent::Cmoc(b)) => {
            for (name, x, y) in [
                ("title", &a.title, &b.title),
                ("context", &a.context, &b.context),
                ("mechanism", &a.mechanism, &b.mechanism),
                ("resource", &a.mechanism_resource, &b.mechanism_resource),
                ("reasoning", &a.mechanism_reasoning, &b.mechanism_reasoning),
                ("outcome", &a.outcome, &b.outcome),
            ] {
                if x != y {
                    parts.push(name);
                }
            }
            if a.number != b.number {
                parts.push("number");
            }
            if a.polarity != b.polarity {
                parts.push("positive/negative");
            }
            if a.evidence != b.evidence {
                parts.push("evidence");
            }
        }
        (a, b) if a != b => parts.push("text"),
        _ => {}
    }
    if before.position != after.position {
        parts.push("position");
    }
    if before.size != after.size {
        parts.push("size");
    }
    if before.colour != after.colour || before.tags != after.tags {
        parts.push("colour or tags");
    }
    if parts.is_empty() {
        parts.push("details");
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;

    #[test]
    fn a_changed_card_an_added_one_and_a_removed_one_are_named() {
        let old = crate::file::example_document();
        let mut new = old.clone();
        let mut card = new
            .cmoc_cards()
            .next()
            .map(|(n, _)| n.clone())
            .expect("a card");
        let number = card.content.cmoc().map(|c| c.number).unwrap_or_default();
        if let Some(c) = card.content.cmoc_mut() {
            c.context.push_str(" (said in the workshop)");
        }
        Edit::ReplaceNode { node: card }
            .apply(&mut new)
            .expect("edit");
        let last = new.nodes().last().map(|n| n.id).expect("a node");
        Edit::RemoveNode { id: last }
            .apply(&mut new)
            .expect("remove");
        let lines = differences(&old, &new);
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("Changed CMOC {number}"))
                    && l.ends_with(": context")),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.starts_with("Removed ")), "{lines:?}");
        assert!(differences(&old, &old).is_empty());
    }
}
