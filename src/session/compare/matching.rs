//! Pairing the nodes of two versions. Within one file's history ids are stable, so most
//! nodes pair by id. A copy pasted into a fresh file, or a colleague's diagram rebuilt from a
//! table, has other ids — and ids handed out in order may even coincide for unrelated cards —
//! so an id pair is kept only when it is plausible, and what is left pairs by CMOC number and
//! polarity, then by near-identical text. The researcher can correct any pair.

use super::Theory;
use crate::model::{Node, NodeContent, NodeId, NodeKind};
use rustc_hash::{FxHashMap, FxHashSet};

/// How two nodes were paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Matched {
    /// The same id in both (and alike enough to be the same node).
    Id,
    /// The same CMOC number and polarity.
    Number,
    /// Near-identical text.
    Text,
    /// Paired by the researcher.
    ByHand,
}

impl Matched {
    /// How the pair is explained in the inspector ("matched by CMOC number").
    pub fn words(self) -> &'static str {
        match self {
            Matched::Id => "the same card",
            Matched::Number => "matched by CMOC number",
            Matched::Text => "matched by near-identical text",
            Matched::ByHand => "matched by hand",
        }
    }
}

/// The researcher's corrections to the automatic pairing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corrections {
    /// (older id, newer id): these two are the same node.
    pub pair: Vec<(NodeId, NodeId)>,
    /// (older id, newer id): these two are not the same node, whatever they share.
    pub apart: Vec<(NodeId, NodeId)>,
}

/// Two texts count as near-identical from this share of words in common.
const NEAR_IDENTICAL: f32 = 0.85;

/// An id pair is believed from this share of words in common (or the same CMOC number).
const PLAUSIBLE: f32 = 0.3;

/// Beyond this many candidate pairs, near-identical text is only looked for as exact
/// (normalised) text: comparing every leftover with every other would take seconds.
const MAX_FUZZY_PAIRS: usize = 250_000;

/// Pairs the nodes of `old` and `new`: (older id, newer id, how), in the newer drawing order.
pub(super) fn pair_nodes(
    old: &Theory<'_>,
    new: &Theory<'_>,
    old_nodes: &FxHashMap<NodeId, &Node>,
    corrections: &Corrections,
) -> Vec<(NodeId, NodeId, Matched)> {
    let apart: FxHashSet<(NodeId, NodeId)> = corrections.apart.iter().copied().collect();
    let new_ids: FxHashSet<NodeId> = new.nodes.iter().map(|n| n.id).collect();
    let mut by_new: FxHashMap<NodeId, (NodeId, Matched)> = FxHashMap::default();
    let mut taken: FxHashSet<NodeId> = FxHashSet::default();
    for &(o, n) in &corrections.pair {
        if old_nodes.contains_key(&o) && new_ids.contains(&n) && !taken.contains(&o) {
            if let Some((previous, _)) = by_new.insert(n, (o, Matched::ByHand)) {
                taken.remove(&previous);
            }
            taken.insert(o);
        }
    }
    for node in &new.nodes {
        if by_new.contains_key(&node.id) || taken.contains(&node.id) {
            continue;
        }
        if let Some(before) = old_nodes.get(&node.id)
            && !apart.contains(&(node.id, node.id))
            && plausible(before, node)
        {
            by_new.insert(node.id, (node.id, Matched::Id));
            taken.insert(node.id);
        }
    }
    let mut left_old: Vec<&Node> = old
        .nodes
        .iter()
        .filter(|n| !taken.contains(&n.id))
        .copied()
        .collect();
    let left_new: Vec<&Node> = new
        .nodes
        .iter()
        .filter(|n| !by_new.contains_key(&n.id))
        .copied()
        .collect();
    pair_by_number(&mut left_old, &left_new, &apart, &mut by_new);
    let left_new: Vec<&Node> = left_new
        .into_iter()
        .filter(|n| !by_new.contains_key(&n.id))
        .collect();
    pair_by_text(&mut left_old, &left_new, &apart, &mut by_new);
    new.nodes
        .iter()
        .filter_map(|n| by_new.get(&n.id).map(|&(o, how)| (o, n.id, how)))
        .collect()
}

/// Cards left over that carry the same number and polarity, once on each side.
fn pair_by_number(
    left_old: &mut Vec<&Node>,
    left_new: &[&Node],
    apart: &FxHashSet<(NodeId, NodeId)>,
    by_new: &mut FxHashMap<NodeId, (NodeId, Matched)>,
) {
    let key = |n: &Node| n.content.cmoc().map(|c| (c.number, c.polarity));
    let mut old_by_key: FxHashMap<_, Vec<NodeId>> = FxHashMap::default();
    for node in left_old.iter() {
        if let Some(k) = key(node) {
            old_by_key.entry(k).or_default().push(node.id);
        }
    }
    let mut new_by_key: FxHashMap<_, Vec<NodeId>> = FxHashMap::default();
    for node in left_new {
        if let Some(k) = key(node) {
            new_by_key.entry(k).or_default().push(node.id);
        }
    }
    let mut used = FxHashSet::default();
    for node in left_new {
        let Some(k) = key(node) else { continue };
        if let (Some([o]), Some([_])) = (
            old_by_key.get(&k).map(Vec::as_slice),
            new_by_key.get(&k).map(Vec::as_slice),
        ) && !apart.contains(&(*o, node.id))
        {
            by_new.insert(node.id, (*o, Matched::Number));
            used.insert(*o);
        }
    }
    left_old.retain(|n| !used.contains(&n.id));
}

/// Nodes left over of the same kind whose words are near-identical.
fn pair_by_text(
    left_old: &mut Vec<&Node>,
    left_new: &[&Node],
    apart: &FxHashSet<(NodeId, NodeId)>,
    by_new: &mut FxHashMap<NodeId, (NodeId, Matched)>,
) {
    if left_old.is_empty() || left_new.is_empty() {
        return;
    }
    let mut exact: FxHashMap<(NodeKind, String), Vec<NodeId>> = FxHashMap::default();
    for node in left_old.iter() {
        exact
            .entry((node.kind(), normalised(node)))
            .or_default()
            .push(node.id);
    }
    let mut used: FxHashSet<NodeId> = FxHashSet::default();
    let mut still_new = Vec::new();
    for node in left_new {
        let candidates = exact.get_mut(&(node.kind(), normalised(node)));
        match candidates.and_then(|c| {
            let at = c.iter().position(|o| !apart.contains(&(*o, node.id)))?;
            Some(c.remove(at))
        }) {
            Some(o) => {
                by_new.insert(node.id, (o, Matched::Text));
                used.insert(o);
            }
            None => still_new.push(*node),
        }
    }
    left_old.retain(|n| !used.contains(&n.id));
    if left_old.len().saturating_mul(still_new.len()) > MAX_FUZZY_PAIRS {
        return;
    }
    let old_words: Vec<(NodeId, NodeKind, Vec<String>)> = left_old
        .iter()
        .map(|n| (n.id, n.kind(), word_set(n)))
        .collect();
    for node in still_new {
        let words = word_set(node);
        let best = old_words
            .iter()
            .filter(|(o, kind, _)| {
                *kind == node.kind() && !used.contains(o) && !apart.contains(&(*o, node.id))
            })
            .map(|(o, _, w)| (*o, similarity(w, &words)))
            .filter(|&(_, s)| s >= NEAR_IDENTICAL)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((o, _)) = best {
            by_new.insert(node.id, (o, Matched::Text));
            used.insert(o);
        }
    }
    left_old.retain(|n| !used.contains(&n.id));
}

/// Whether two nodes with the same id are believably the same node: the same kind, and for
/// a card the same number or some words in common; for other nodes some words in common or
/// the same place.
fn plausible(old: &Node, new: &Node) -> bool {
    if old.kind() != new.kind() {
        return false;
    }
    if let (Some(a), Some(b)) = (old.content.cmoc(), new.content.cmoc())
        && a.number == b.number
    {
        return true;
    }
    let (a, b) = (word_set(old), word_set(new));
    if a.is_empty() && b.is_empty() {
        return true;
    }
    similarity(&a, &b) >= PLAUSIBLE || old.position == new.position
}

/// Every word of a node's text, lower-cased, in one string with single spaces.
fn normalised(node: &Node) -> String {
    let mut out = String::new();
    for word in node_text(node).split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The node's distinct words, lower-cased and sorted.
fn word_set(node: &Node) -> Vec<String> {
    let mut words: Vec<String> = node_text(node)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Twice the shared words over the words of both (Dice's coefficient), of two sorted sets.
fn similarity(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * shared) as f32 / (a.len() + b.len()) as f32
}

/// The words that say what a node is: a card's title, C, M and O; another node's title and
/// text.
fn node_text(node: &Node) -> String {
    match &node.content {
        NodeContent::Cmoc(card) => [
            card.title.as_str(),
            &card.context,
            &card.mechanism,
            &card.mechanism_resource,
            &card.mechanism_reasoning,
            &card.outcome,
        ]
        .join(" "),
        other => other
            .text_block()
            .map(|b| format!("{} {}", b.title, b.text))
            .unwrap_or_default(),
    }
}
