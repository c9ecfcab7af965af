//! The changes between two versions in words, one line each, as `cmoc-canvas diff` prints
//! them (and git shows them, with `cmoc-canvas` as the diff driver): first the CMOCs in number
//! order, with the words that changed marked [-struck-]{+inserted+}, then other nodes, then
//! arrows, then how many only moved.

use super::{ChangeTable, RowChange};
use crate::model::{Edge, EdgeId, Node, NodeId};
use crate::session::compare::{ChangeKind, Comparison, Theory};
use rustc_hash::FxHashMap;
use std::fmt::Write as _;

/// The changes in words; "No changes." when there are none.
pub fn changes_listing(
    old: &Theory<'_>,
    new: &Theory<'_>,
    comparison: &Comparison,
    old_name: &str,
    new_name: &str,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "From “{old_name}” to “{new_name}”:");
    if comparison.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let table = ChangeTable::new(old, new, comparison, old_name, new_name);
    let _ = writeln!(out, "{}", table.summary());
    for row in &table.rows {
        let status = if row.status.is_untested() {
            String::new()
        } else {
            format!(" ({})", row.status.words())
        };
        match row.change {
            RowChange::Unchanged => continue,
            RowChange::Added => {
                let [c, o, m] = crate::interchange::sentence_parts(
                    &row.context.new_text(),
                    &row.mechanism.new_text(),
                    &row.outcome.new_text(),
                    "When",
                );
                let _ = writeln!(out, "+ {}{status} added: {c}, {o}, {m}.", row.badge);
            }
            RowChange::Removed => {
                let [c, o, m] = crate::interchange::sentence_parts(
                    &row.context.old_text(),
                    &row.mechanism.old_text(),
                    &row.outcome.old_text(),
                    "When",
                );
                let _ = writeln!(out, "- {}{status} removed: {c}, {o}, {m}.", row.badge);
            }
            RowChange::Changed => {
                let _ = writeln!(out, "~ {}{status} changed:", row.badge);
                for (name, diff) in [
                    ("context", &row.context),
                    ("mechanism", &row.mechanism),
                    ("outcome", &row.outcome),
                ] {
                    if !diff.is_unchanged() {
                        let _ = writeln!(out, "    {name}: {}", diff.plain().trim());
                    }
                }
            }
        }
    }
    other_nodes(&mut out, old, new, comparison);
    arrows(&mut out, old, new, comparison);
    out
}

fn other_nodes(out: &mut String, old: &Theory<'_>, new: &Theory<'_>, comparison: &Comparison) {
    let old_by_id: FxHashMap<NodeId, &Node> = old.nodes.iter().map(|n| (n.id, *n)).collect();
    let new_by_id: FxHashMap<NodeId, &Node> = new.nodes.iter().map(|n| (n.id, *n)).collect();
    let mut only_moved = 0;
    let mut cards_otherwise = 0;
    for change in &comparison.nodes {
        let node = change
            .new
            .and_then(|id| new_by_id.get(&id))
            .or_else(|| change.old.and_then(|id| old_by_id.get(&id)));
        let Some(node) = node else { continue };
        if change.kind == ChangeKind::Moved {
            only_moved += 1;
            continue;
        }
        if node.content.cmoc().is_some() {
            // Told above, unless what changed is not its C, M or O (status, evidence, colour).
            if change.kind == ChangeKind::Changed && !change.parts.iter().any(|p| p.is_substance())
            {
                cards_otherwise += 1;
            }
            continue;
        }
        let sign = match change.kind {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            _ => '~',
        };
        let parts: Vec<&str> = change.parts.iter().map(|p| p.name()).collect();
        let what = if parts.is_empty() {
            change.kind.word().to_string()
        } else {
            format!("{}: {}", change.kind.word(), parts.join(", "))
        };
        let _ = writeln!(out, "{sign} {} {what}", node.label());
    }
    if cards_otherwise > 0 {
        let _ = writeln!(
            out,
            "~ {} changed only in status, evidence, plain words or look",
            crate::model::counted(cards_otherwise, "CMOC", "CMOCs")
        );
    }
    if only_moved > 0 {
        let _ = writeln!(
            out,
            "  {} only moved or resized",
            crate::model::counted(only_moved, "node", "nodes")
        );
    }
}

fn arrows(out: &mut String, old: &Theory<'_>, new: &Theory<'_>, comparison: &Comparison) {
    let names = |t: &Theory<'_>| -> FxHashMap<NodeId, String> {
        t.nodes.iter().map(|n| (n.id, short_name(n))).collect()
    };
    let (old_names, new_names) = (names(old), names(new));
    let old_edges: FxHashMap<EdgeId, &Edge> = old.edges.iter().map(|e| (e.id, *e)).collect();
    let new_edges: FxHashMap<EdgeId, &Edge> = new.edges.iter().map(|e| (e.id, *e)).collect();
    for change in &comparison.edges {
        let (edge, names) = match change.new.and_then(|id| new_edges.get(&id)) {
            Some(e) => (*e, &new_names),
            None => match change.old.and_then(|id| old_edges.get(&id)) {
                Some(e) => (*e, &old_names),
                None => continue,
            },
        };
        let end = |id: NodeId| names.get(&id).cloned().unwrap_or_else(|| id.to_string());
        let sign = match change.kind {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            _ => '~',
        };
        let parts: Vec<&str> = change.parts.iter().map(|p| p.name()).collect();
        let label = edge.display_label();
        let _ = writeln!(
            out,
            "{sign} arrow from {} to {}{} {}{}",
            end(edge.from),
            end(edge.to),
            if label.is_empty() {
                String::new()
            } else {
                format!(" (“{label}”)")
            },
            change.kind.word(),
            if parts.is_empty() {
                String::new()
            } else {
                format!(": {}", parts.join(", "))
            }
        );
    }
}

/// A node's name in an arrow's line: a card's badge, another node's label.
fn short_name(node: &Node) -> String {
    match node.content.cmoc() {
        Some(card) => card.badge(),
        None => node.label(),
    }
}
