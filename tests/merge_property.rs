//! Property: for random edits made on two copies of the example (changing a card's words,
//! moving, removing, adding cards and arrows, with new ids that collide between the copies),
//! the merge keeps every change only one copy made, lists a conflict for every part both
//! changed differently (and no other), keeps every new card of both, and the merged diagram
//! validates.

mod common;

use cmoc_canvas::edit::restore_edit;
use cmoc_canvas::model::{
    CmocCard, ConflictOn, Disagreement, Document, Edge, EdgeId, Node, NodeContent, NodeId, Part,
    Point, Subject, Version, validate,
};
use cmoc_canvas::session::compare::Theory;
use cmoc_canvas::session::merge::{merge, merge_edit};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};

#[derive(Clone, Debug)]
enum Op {
    /// Sets a card's context to one of a few texts (both copies may pick the same).
    Context(usize, u8),
    /// The same for the outcome.
    Outcome(usize, u8),
    Move(usize, i16, i16),
    Remove(usize),
    AddCard(u8),
    AddArrow(usize, usize),
    RemoveArrow(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..12usize, 0..3u8).prop_map(|(i, t)| Op::Context(i, t)),
        2 => (0..12usize, 0..3u8).prop_map(|(i, t)| Op::Outcome(i, t)),
        2 => (0..40usize, -200..200i16, -200..200i16).prop_map(|(i, x, y)| Op::Move(i, x, y)),
        1 => (0..40usize).prop_map(Op::Remove),
        1 => (0..4u8).prop_map(Op::AddCard),
        1 => (0..40usize, 0..40usize).prop_map(|(a, b)| Op::AddArrow(a, b)),
        1 => (0..40usize).prop_map(Op::RemoveArrow),
    ]
}

/// One copy: the theory after its edits, and what its edits touched.
struct Copy {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    new_cards: Vec<String>,
    new_arrows: Vec<(NodeId, NodeId)>,
}

fn edit(base: &Document, ops: &[Op], side: &str) -> Copy {
    let mut nodes: Vec<Node> = base.nodes().cloned().collect();
    let mut edges: Vec<Edge> = base.edges().cloned().collect();
    let cards: Vec<NodeId> = base.cmoc_cards().map(|(n, _)| n.id).collect();
    let all: Vec<NodeId> = base.nodes().map(|n| n.id).collect();
    let base_edges: Vec<EdgeId> = base.edges().map(|e| e.id).collect();
    // Both copies hand out the same next ids: every new node or arrow collides with theirs.
    let mut next = base
        .nodes()
        .map(|n| n.id.0)
        .chain(base.edges().map(|e| e.id.0))
        .max()
        .unwrap_or(0)
        + 1;
    let mut copy = Copy {
        nodes: Vec::new(),
        edges: Vec::new(),
        new_cards: Vec::new(),
        new_arrows: Vec::new(),
    };
    let card_mut = |nodes: &mut Vec<Node>, id: NodeId| -> Option<CmocCard> {
        nodes
            .iter()
            .find(|n| n.id == id)
            .and_then(|n| n.content.cmoc().cloned())
    };
    for (k, op) in ops.iter().enumerate() {
        match *op {
            Op::Context(i, t) | Op::Outcome(i, t) => {
                let id = cards[i % cards.len()];
                if let Some(mut card) = card_mut(&mut nodes, id) {
                    if matches!(op, Op::Context(..)) {
                        card.context = format!("Context variant {t}");
                    } else {
                        card.outcome = format!("Outcome variant {t}");
                    }
                    if let Some(node) = nodes.iter_mut().find(|n| n.id == id) {
                        node.content = NodeContent::Cmoc(card);
                    }
                }
            }
            Op::Move(i, x, y) => {
                let id = all[i % all.len()];
                if let Some(node) = nodes.iter_mut().find(|n| n.id == id) {
                    node.position = Point::new(
                        node.position.x + f32::from(x) * 4.0 + 1.0,
                        node.position.y + f32::from(y),
                    );
                }
            }
            Op::Remove(i) => {
                let id = all[i % all.len()];
                nodes.retain(|n| n.id != id);
                edges.retain(|e| e.from != id && e.to != id);
            }
            Op::AddCard(number) => {
                let number = 100 + u32::from(number);
                let taken = nodes
                    .iter()
                    .any(|n| n.content.cmoc().is_some_and(|c| c.number == number));
                if taken {
                    continue; // one copy never numbers two of its cards alike
                }
                let words = format!("New card {k} in {side}");
                let card = CmocCard::new(number, &words, "m", "o");
                nodes.push(Node::new(
                    NodeId(next),
                    NodeContent::Cmoc(card),
                    Point::new(5_000.0 + k as f32 * 400.0, 0.0),
                ));
                next += 1;
                copy.new_cards.push(words);
            }
            Op::AddArrow(a, b) => {
                let (from, to) = (all[a % all.len()], all[b % all.len()]);
                let present = |id| nodes.iter().any(|n: &Node| n.id == id);
                if from != to && present(from) && present(to) {
                    let mut arrow = Edge::new(EdgeId(next), from, to);
                    arrow.label = format!("new arrow {k} in {side}");
                    edges.push(arrow);
                    next += 1;
                    copy.new_arrows.push((from, to));
                }
            }
            Op::RemoveArrow(i) => {
                let id = base_edges[i % base_edges.len()];
                edges.retain(|e| e.id != id);
            }
        }
    }
    copy.nodes = nodes;
    copy.edges = edges;
    copy
}

fn theory(copy: &Copy) -> Theory<'_> {
    Theory {
        nodes: copy.nodes.iter().collect(),
        edges: copy.edges.iter().collect(),
    }
}

fn as_document(base: &Document, copy: &Copy) -> Document {
    let mut doc = base.clone();
    let version = Version {
        nodes: copy.nodes.clone(),
        edges: copy.edges.clone(),
        ..Version::of(base, "", "", "", cmoc_canvas::model::Timestamp::now())
    };
    restore_edit(&doc, &version)
        .expect("restore")
        .apply(&mut doc)
        .expect("applies");
    doc
}

fn find(copy: &Copy, id: NodeId) -> Option<&Node> {
    copy.nodes.iter().find(|n| n.id == id)
}

fn field(node: &Node, part: Part) -> Option<String> {
    let card = node.content.cmoc()?;
    Some(match part {
        Part::Context => card.context.clone(),
        _ => card.outcome.clone(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn merging_two_edited_copies_keeps_every_change_and_lists_every_conflict(
        ours_ops in proptest::collection::vec(op(), 0..10),
        theirs_ops in proptest::collection::vec(op(), 0..10),
    ) {
        let base = common::holding();
        let ours = edit(&base, &ours_ops, "ours");
        let theirs = edit(&base, &theirs_ops, "theirs");
        let mut doc = as_document(&base, &ours);
        let merged = merge(
            Some(&Theory::of_document(&base)),
            &theory(&ours),
            &theory(&theirs),
            &mut || doc.allocate_id(),
        );
        let result: BTreeMap<NodeId, &Node> = merged.nodes.iter().map(|n| (n.id, n)).collect();
        let conflicts: HashSet<(ConflictOn, Disagreement)> =
            merged.conflicts.iter().map(|c| (c.on, c.disagreement)).collect();
        let mut expected_field_conflicts = HashSet::new();
        for b in base.nodes() {
            match (find(&ours, b.id), find(&theirs, b.id)) {
                (None, None) => prop_assert!(!result.contains_key(&b.id), "{} removed by both", b.label()),
                (None, Some(t)) if t.content == b.content => {
                    prop_assert!(!result.contains_key(&b.id), "{} removed by you", b.label());
                }
                (Some(o), None) if o.content == b.content => {
                    prop_assert!(!result.contains_key(&b.id), "{} removed by them", b.label());
                }
                (None, Some(_)) => prop_assert!(
                    conflicts.contains(&(ConflictOn::Node(b.id), Disagreement::RemovedInYours)),
                    "{} removed by you and changed by them: {:?}", b.label(), merged.conflicts
                ),
                (Some(_), None) => prop_assert!(
                    conflicts.contains(&(ConflictOn::Node(b.id), Disagreement::RemovedInTheirs)),
                    "{} removed by them and changed by you: {:?}", b.label(), merged.conflicts
                ),
                (Some(o), Some(t)) => {
                    let r = result.get(&b.id).copied();
                    prop_assert!(r.is_some(), "{} kept by both is in the result", b.label());
                    let r = r.expect("checked");
                    for part in [Part::Context, Part::Outcome] {
                        let (fb, fo, ft, fr) = (field(b, part), field(o, part), field(t, part), field(r, part));
                        if fo == fb {
                            prop_assert_eq!(&fr, &ft, "{}: their {} change", b.label(), part.name());
                        } else if ft == fb || fo == ft {
                            prop_assert_eq!(&fr, &fo, "{}: your {} change", b.label(), part.name());
                        } else {
                            prop_assert_eq!(&fr, &fo, "{}: yours stays while in conflict", b.label());
                            expected_field_conflicts.insert((ConflictOn::Node(b.id), Disagreement::Field(part)));
                        }
                    }
                    let expected = match (o.position != b.position, t.position != b.position) {
                        (false, true) => t.position,
                        _ => o.position,
                    };
                    prop_assert_eq!(r.position, expected, "{} where it was moved", b.label());
                }
            }
        }
        let field_conflicts: HashSet<(ConflictOn, Disagreement)> = conflicts
            .iter()
            .filter(|(_, d)| matches!(d, Disagreement::Field(_)))
            .copied()
            .collect();
        prop_assert_eq!(field_conflicts, expected_field_conflicts);
        // Every new card of both copies is there, whatever id it was given.
        let texts: BTreeSet<String> = merged
            .nodes
            .iter()
            .filter_map(|n| n.content.cmoc().map(|c| c.context.clone()))
            .collect();
        for words in ours.new_cards.iter().chain(&theirs.new_cards) {
            prop_assert!(texts.contains(words), "new card “{}” kept", words);
        }
        // Every new arrow both of whose ends survive is there.
        for (from, to) in ours.new_arrows.iter().chain(&theirs.new_arrows) {
            if result.contains_key(from) && result.contains_key(to) {
                prop_assert!(
                    merged.edges.iter().any(|e| e.from == *from && e.to == *to),
                    "new arrow {:?} → {:?} kept", from, to
                );
            }
        }
        // Ids stay apart, conflicts name what is there, and the merged diagram validates.
        let ids: BTreeSet<u64> = merged.nodes.iter().map(|n| n.id.0).chain(merged.edges.iter().map(|e| e.id.0)).collect();
        prop_assert_eq!(ids.len(), merged.nodes.len() + merged.edges.len(), "ids unique");
        for c in &merged.conflicts {
            let there = match c.on {
                ConflictOn::Node(id) => result.contains_key(&id),
                ConflictOn::Arrow(id) => merged.edges.iter().any(|e| e.id == id),
            };
            prop_assert!(there, "{:?} names something in the diagram", c.on);
        }
        let edit = merge_edit(&doc, &merged, &[], "Merged").expect("merge edit");
        edit.apply(&mut doc).expect("applies");
        prop_assert_eq!(doc.conflicts().len(), merged.conflicts.len());
        // The merge adds no problem that neither copy had (so two valid copies merge into a
        // valid diagram), but the one it flags: two new CMOCs, one from each copy, with the
        // same number.
        let had: BTreeSet<String> = validate(&as_document(&base, &ours))
            .into_iter()
            .chain(validate(&as_document(&base, &theirs)))
            .map(|p| p.message)
            .collect();
        let problems: Vec<_> = validate(&doc)
            .into_iter()
            .filter(|p| !had.contains(&p.message))
            .filter(|p| match p.subject {
                Subject::Node(id) => !(p.message.contains("appears twice")
                    && doc.conflicts().iter().any(|c| {
                        c.on == ConflictOn::Node(id) && c.disagreement == Disagreement::SameNumber
                    })),
                _ => true,
            })
            .collect();
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }
}
