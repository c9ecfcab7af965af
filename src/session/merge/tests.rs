use super::*;
use crate::model::{CmocCard, EdgeId, NodeContent, Part, Point};

fn card(id: u64, number: u32, context: &str) -> Node {
    Node::new(
        NodeId(id),
        NodeContent::Cmoc(CmocCard::new(number, context, "m", "o")),
        Point::new(id as f32 * 300.0, 0.0),
    )
}

fn theory<'a>(nodes: &'a [Node], edges: &'a [Edge]) -> Theory<'a> {
    Theory {
        nodes: nodes.iter().collect(),
        edges: edges.iter().collect(),
    }
}

fn counter() -> impl FnMut() -> u64 {
    let mut next = 1000;
    move || {
        next += 1;
        next
    }
}

fn context_of(m: &Merged, id: u64) -> String {
    m.nodes
        .iter()
        .find(|n| n.id == NodeId(id))
        .and_then(|n| n.content.cmoc())
        .map(|c| c.context.clone())
        .unwrap_or_default()
}

fn base() -> Vec<Node> {
    vec![card(1, 1, "one"), card(2, 2, "two"), card(3, 3, "three")]
}

#[test]
fn changes_to_different_cards_and_different_parts_combine() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    if let Some(c) = ours[0].content.cmoc_mut() {
        c.context = "one, refined by me".into();
    }
    if let Some(c) = theirs[1].content.cmoc_mut() {
        c.context = "two, refined by them".into();
    }
    if let Some(c) = theirs[0].content.cmoc_mut() {
        c.outcome = "o, theirs".into();
    }
    theirs[2].position.y += 50.0;
    let m = merge(
        Some(&theory(&base, &[])),
        &theory(&ours, &[]),
        &theory(&theirs, &[]),
        &mut counter(),
    );
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(context_of(&m, 1), "one, refined by me");
    assert_eq!(context_of(&m, 2), "two, refined by them");
    assert_eq!(
        m.nodes[0].content.cmoc().map(|c| c.outcome.as_str()),
        Some("o, theirs")
    );
    assert_eq!(m.nodes[2].position.y, 50.0);
}

#[test]
fn one_part_changed_both_ways_is_a_conflict_with_yours_kept() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    if let Some(c) = ours[0].content.cmoc_mut() {
        c.context = "mine".into();
    }
    if let Some(c) = theirs[0].content.cmoc_mut() {
        c.context = "theirs".into();
    }
    let m = merge(
        Some(&theory(&base, &[])),
        &theory(&ours, &[]),
        &theory(&theirs, &[]),
        &mut counter(),
    );
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.on, ConflictOn::Node(NodeId(1)));
    assert_eq!(c.disagreement, Disagreement::Field(Part::Context));
    assert_eq!(
        (c.yours.as_str(), c.theirs.as_str(), c.base.as_str()),
        ("mine", "theirs", "one")
    );
    assert_eq!(context_of(&m, 1), "mine");
}

#[test]
fn new_cards_with_one_id_are_kept_apart_and_one_number_is_flagged() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.push(card(4, 4, "my new card"));
    theirs.push(card(4, 4, "their new card"));
    theirs.push(card(5, 5, "another of theirs"));
    let edges_theirs = vec![Edge::new(EdgeId(6), NodeId(4), NodeId(5))];
    let m = merge(
        Some(&theory(&base, &[])),
        &theory(&ours, &[]),
        &theory(&theirs, &edges_theirs),
        &mut counter(),
    );
    assert_eq!(m.nodes.len(), 6);
    assert_eq!(context_of(&m, 4), "my new card");
    let theirs_new = m
        .nodes
        .iter()
        .find(|n| {
            n.content
                .cmoc()
                .is_some_and(|c| c.context == "their new card")
        })
        .expect("theirs kept");
    assert_eq!(theirs_new.id, NodeId(1001), "a new id");
    assert_eq!(m.renumbered, 1);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].disagreement, Disagreement::SameNumber);
    assert_eq!(m.edges.len(), 1);
    assert_eq!(
        (m.edges[0].from, m.edges[0].to),
        (NodeId(1001), NodeId(5)),
        "their arrow follows the new id"
    );
}

#[test]
fn removed_in_one_copy_and_changed_in_the_other_comes_back_as_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.remove(0);
    if let Some(c) = theirs[0].content.cmoc_mut() {
        c.context = "changed by them".into();
    }
    theirs.remove(2);
    let m = merge(
        Some(&theory(&base, &[])),
        &theory(&ours, &[]),
        &theory(&theirs, &[]),
        &mut counter(),
    );
    assert_eq!(context_of(&m, 1), "changed by them");
    assert!(
        m.nodes.iter().all(|n| n.id != NodeId(3)),
        "removed by them, untouched by you"
    );
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].disagreement, Disagreement::RemovedInYours);
}

#[test]
fn without_a_common_version_every_difference_is_a_choice() {
    let ours = base();
    let mut theirs = base();
    if let Some(c) = theirs[1].content.cmoc_mut() {
        c.context = "theirs".into();
        c.outcome = "their outcome".into();
    }
    theirs.push(card(9, 9, "only theirs"));
    let m = merge(
        None,
        &theory(&ours, &[]),
        &theory(&theirs, &[]),
        &mut counter(),
    );
    let parts: Vec<_> = m.conflicts.iter().map(|c| c.disagreement).collect();
    assert_eq!(
        parts,
        [
            Disagreement::Field(Part::Context),
            Disagreement::Field(Part::Outcome)
        ]
    );
    assert_eq!(context_of(&m, 2), "two");
    assert_eq!(m.nodes.len(), 4);
}

#[test]
fn arrows_merge_like_nodes() {
    let base = base();
    let base_edges = vec![
        Edge::new(EdgeId(10), NodeId(1), NodeId(2)),
        Edge::new(EdgeId(11), NodeId(2), NodeId(3)),
    ];
    let mut ours_edges = base_edges.clone();
    let mut theirs_edges = base_edges.clone();
    ours_edges[0].label = "mine".into();
    theirs_edges[0].label = "theirs".into();
    theirs_edges.remove(1);
    theirs_edges.push(Edge::new(EdgeId(12), NodeId(3), NodeId(1)));
    let m = merge(
        Some(&theory(&base, &base_edges)),
        &theory(&base, &ours_edges),
        &theory(&base, &theirs_edges),
        &mut counter(),
    );
    let ids: Vec<u64> = m.edges.iter().map(|e| e.id.0).collect();
    assert_eq!(ids, [10, 12]);
    assert_eq!(m.edges[0].label, "mine");
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].on, ConflictOn::Arrow(EdgeId(10)));
}
