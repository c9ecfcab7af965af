use super::*;
use crate::model::{CmocCard, NodeContent, TextBlock, Timestamp};

fn card_node(doc: &mut Document, number: u32) -> Node {
    let id = doc.new_node_id();
    Node::new(
        id,
        NodeContent::Cmoc(CmocCard::new(number, "c", "m", "o")),
        Point::new(number as f32 * 10.0, 0.0),
    )
}

fn add(doc: &mut Document, node: Node) -> NodeId {
    let id = node.id;
    Edit::AddNode { node, index: None }
        .apply(doc)
        .expect("fresh id");
    id
}

fn connect(doc: &mut Document, from: NodeId, to: NodeId) -> EdgeId {
    let id = doc.new_edge_id();
    Edit::AddEdge {
        edge: Edge::new(id, from, to),
        index: None,
    }
    .apply(doc)
    .expect("fresh id");
    id
}

fn comment(doc: &mut Document, target: Target, text: &str) -> AnnotationId {
    let id = doc.new_annotation_id();
    Edit::AddAnnotation {
        annotation: Annotation {
            id,
            target,
            author: "PPI group".into(),
            created: Timestamp::from_utc(2024, 1, 1, 10, 0, 0),
            text: text.into(),
            resolved: false,
            reaction: None,
            reply_to: None,
            phone: None,
        },
        index: None,
    }
    .apply(doc)
    .expect("fresh id");
    id
}

/// A small document: three cards, a chain of arrows, comments on a node and an arrow.
fn sample() -> (Document, [NodeId; 3], [EdgeId; 2]) {
    let mut doc = Document::new("sample");
    let a = card_node(&mut doc, 1);
    let a = add(&mut doc, a);
    let b = card_node(&mut doc, 2);
    let b = add(&mut doc, b);
    let c = card_node(&mut doc, 3);
    let c = add(&mut doc, c);
    let ab = connect(&mut doc, a, b);
    let bc = connect(&mut doc, b, c);
    comment(&mut doc, Target::Node(b), "on b");
    comment(&mut doc, Target::Edge(ab), "on ab");
    comment(&mut doc, Target::Node(a), "on a");
    (doc, [a, b, c], [ab, bc])
}

#[test]
fn removing_a_node_takes_its_arrows_and_comments_and_undo_restores_them_in_place() {
    let (mut doc, [a, b, c], [ab, bc]) = sample();
    let before = doc.clone();
    let inverse = Edit::RemoveNode { id: b }
        .apply(&mut doc)
        .expect("b exists");
    assert!(doc.node(b).is_none());
    assert!(doc.edge(ab).is_none() && doc.edge(bc).is_none());
    assert_eq!(doc.annotation_count(), 1, "only the comment on a stays");
    assert!(doc.node(a).is_some() && doc.node(c).is_some());
    inverse.apply(&mut doc).expect("inverse applies");
    assert_eq!(doc, before);
}

#[test]
fn every_edit_kind_round_trips_through_its_inverse() {
    let (doc, [a, b, _], [ab, _]) = sample();
    let annotation = doc
        .annotations()
        .next()
        .map(|x| x.id)
        .expect("has comments");
    let mut replaced = doc.node(a).cloned().expect("a");
    if let NodeContent::Cmoc(card) = &mut replaced.content {
        card.context = "changed".into();
    }
    let mut edge = doc.edge(ab).cloned().expect("ab");
    edge.label = "because".into();
    let note_id = NodeId(999);
    let edits = vec![
        Edit::ReplaceNode { node: replaced },
        Edit::MoveNodes {
            moves: vec![(a, Point::new(5.0, 6.0)), (b, Point::new(7.0, 8.0))],
        },
        Edit::ResizeNode {
            id: a,
            position: Point::new(1.0, 1.0),
            size: Size::new(10.0, 10.0),
        },
        Edit::SetPolarity {
            id: a,
            polarity: Polarity::Negative,
        },
        Edit::Reorder { id: a, index: 2 },
        Edit::ReplaceEdge { edge },
        Edit::RemoveEdge { id: ab },
        Edit::SetResolved {
            id: annotation,
            resolved: true,
        },
        Edit::RemoveAnnotation { id: annotation },
        Edit::SetMetadata {
            metadata: Box::new(Metadata {
                title: "new".into(),
                ..Metadata::default()
            }),
        },
        Edit::AddNode {
            node: Node::new(
                note_id,
                NodeContent::Note(TextBlock::new("", "hi")),
                Point::default(),
            ),
            index: Some(0),
        },
        Edit::Batch(vec![
            Edit::SetPolarity {
                id: b,
                polarity: Polarity::Negative,
            },
            Edit::RemoveNode { id: a },
        ]),
    ];
    for edit in edits {
        let mut changed = doc.clone();
        let label = format!("{edit:?}");
        let inverse = edit.apply(&mut changed).expect("applies");
        assert_ne!(changed, doc, "{label} changed nothing");
        inverse.apply(&mut changed).expect("inverse applies");
        assert_eq!(changed, doc, "{label} was not undone exactly");
    }
}

#[test]
fn a_failing_batch_leaves_the_document_untouched() {
    let (mut doc, [a, _, _], _) = sample();
    let before = doc.clone();
    let result = Edit::Batch(vec![
        Edit::RemoveNode { id: a },
        Edit::RemoveNode { id: NodeId(12345) },
    ])
    .apply(&mut doc);
    assert_eq!(result, Err(EditError::MissingNode(NodeId(12345))));
    assert_eq!(doc, before);
}

#[test]
fn edits_on_missing_or_wrong_things_are_errors_not_panics() {
    let (mut doc, [a, _, _], _) = sample();
    let note = doc.new_node_id();
    add(
        &mut doc,
        Node::new(
            note,
            NodeContent::Note(TextBlock::default()),
            Point::default(),
        ),
    );
    assert_eq!(
        Edit::toggle_polarity(&doc, note),
        Err(EditError::NotACmoc(note))
    );
    assert_eq!(
        Edit::RemoveEdge { id: EdgeId(777) }.apply(&mut doc),
        Err(EditError::MissingEdge(EdgeId(777)))
    );
    let duplicate = doc.node(a).cloned().expect("a");
    assert_eq!(
        Edit::AddNode {
            node: duplicate,
            index: None
        }
        .apply(&mut doc),
        Err(EditError::IdInUse(a.0))
    );
}

#[test]
fn toggling_polarity_twice_gives_back_the_card() {
    let (mut doc, [a, _, _], _) = sample();
    let before = doc.clone();
    let toggle = Edit::toggle_polarity(&doc, a).expect("card");
    toggle.apply(&mut doc).expect("applies");
    assert_eq!(
        doc.node(a)
            .and_then(|n| n.content.cmoc())
            .map(|c| c.badge()),
        Some("-ve CMOC 1".to_string())
    );
    Edit::toggle_polarity(&doc, a)
        .expect("card")
        .apply(&mut doc)
        .expect("applies");
    assert_eq!(doc, before);
}

#[test]
fn history_undo_redo_with_labels_and_dirty_flag() {
    let (mut doc, [a, b, _], _) = sample();
    let start = doc.clone();
    let mut history = History::new();
    assert!(!history.is_dirty());
    let toggle = Edit::toggle_polarity(&doc, a).expect("card");
    history
        .apply(&mut doc, toggle, "Toggle CMOC 1")
        .expect("applies");
    assert!(history.is_dirty());
    assert_eq!(history.undo_label(), Some("Toggle CMOC 1"));
    let after = doc.clone();
    assert_eq!(
        history.undo(&mut doc).expect("undo"),
        Some("Toggle CMOC 1".into())
    );
    assert_eq!(doc, start);
    assert!(!history.is_dirty(), "back at the saved state");
    assert_eq!(history.redo_label(), Some("Toggle CMOC 1"));
    history.redo(&mut doc).expect("redo");
    assert_eq!(doc, after);
    history.mark_saved();
    assert!(!history.is_dirty());
    history.undo(&mut doc).expect("undo");
    assert!(history.is_dirty(), "undoing past the save makes it dirty");
    // A new edit after undo clears the redo stack.
    history
        .apply(&mut doc, Edit::RemoveNode { id: b }, "Delete CMOC 2")
        .expect("applies");
    assert_eq!(history.redo_len(), 0);
    assert_eq!(history.redo(&mut doc).expect("redo"), None);
}

#[test]
fn a_drag_is_one_step_and_escape_aborts_it() {
    let (mut doc, [a, b, _], _) = sample();
    let start = doc.clone();
    let mut history = History::new();
    history.begin("Move 2 nodes");
    for step in 1..=20 {
        let d = step as f32;
        history
            .apply(
                &mut doc,
                Edit::MoveNodes {
                    moves: vec![(a, Point::new(d, d)), (b, Point::new(-d, d))],
                },
                "move",
            )
            .expect("applies");
    }
    history.commit();
    assert_eq!(history.undo_len(), 1);
    assert_eq!(history.undo_label(), Some("Move 2 nodes"));
    history.undo(&mut doc).expect("undo");
    assert_eq!(doc, start);

    history.begin("Move 1 node");
    history
        .apply(
            &mut doc,
            Edit::MoveNodes {
                moves: vec![(a, Point::new(50.0, 50.0))],
            },
            "move",
        )
        .expect("applies");
    history.abort(&mut doc).expect("abort");
    assert_eq!(doc, start);
    assert_eq!(history.undo_len(), 0, "an aborted drag leaves no step");
}

#[test]
fn a_burst_of_typing_is_one_step_until_sealed() {
    let (mut doc, [a, _, _], _) = sample();
    let start = doc.clone();
    let mut history = History::new();
    let mut text = String::new();
    for ch in "trust".chars() {
        text.push(ch);
        let mut node = doc.node(a).cloned().expect("a");
        if let NodeContent::Cmoc(card) = &mut node.content {
            card.context = text.clone();
        }
        history
            .apply_merging(
                &mut doc,
                Edit::ReplaceNode { node },
                "Edit context",
                MergeKey::node(a, "context"),
            )
            .expect("applies");
    }
    assert_eq!(history.undo_len(), 1);
    history.seal();
    let mut node = doc.node(a).cloned().expect("a");
    node.tags.push("x".into());
    history
        .apply_merging(
            &mut doc,
            Edit::ReplaceNode { node },
            "Edit context",
            MergeKey::node(a, "context"),
        )
        .expect("applies");
    assert_eq!(history.undo_len(), 2, "sealing starts a new step");
    history.undo(&mut doc).expect("undo");
    history.undo(&mut doc).expect("undo");
    assert_eq!(doc, start);
}

#[test]
fn validation_follows_renumbering_away_from_and_onto_other_cards() {
    use crate::model::{Validation, validate};
    let renumber = |doc: &mut Document, id: NodeId, number: u32| {
        let mut node = doc.node(id).cloned().expect("node");
        if let Some(card) = node.content.cmoc_mut() {
            card.number = number;
        }
        Edit::ReplaceNode { node }.apply(doc).expect("applies");
    };
    let mut doc = Document::new("numbers");
    let a = card_node(&mut doc, 1);
    let a = add(&mut doc, a);
    let b = card_node(&mut doc, 1);
    let b = add(&mut doc, b);
    let mut negative = card_node(&mut doc, 2);
    if let Some(card) = negative.content.cmoc_mut() {
        card.polarity = Polarity::Negative;
    }
    add(&mut doc, negative);
    let mut validation = Validation::default();
    let check = |validation: &mut Validation, doc: &Document| {
        validation.update(doc);
        assert_eq!(validation.problems(doc), validate(doc));
        validation.problems(doc)
    };
    let problems = check(&mut validation, &doc);
    assert!(problems.iter().any(|p| p.message.contains("appears twice")));
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("no positive twin"))
    );
    // Moving A away from number 1 clears B's duplicate (B is checked for its old number) and
    // gives the negative card 2 its twin.
    renumber(&mut doc, a, 2);
    let problems = check(&mut validation, &doc);
    assert!(problems.is_empty(), "{problems:?}");
    // And back: the duplicate and the missing twin return.
    renumber(&mut doc, a, 1);
    assert_eq!(check(&mut validation, &doc).len(), 2);
    renumber(&mut doc, b, 7);
    assert_eq!(check(&mut validation, &doc).len(), 1);
}
