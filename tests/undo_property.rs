//! Property: for any sequence of edits, grouped into steps in any way, undoing every step gives
//! back the exact starting document and redoing every step gives back the end document.

mod common;

use cmoc_canvas::edit::{Edit, History, MergeKey};
use cmoc_canvas::model::{
    Annotation, Branch, Document, Edge, Node, NodeContent, NodeKind, Point, Size, Target, Timestamp,
};
use cmoc_canvas::model::{Validation, validate};
use cmoc_canvas::scene::{Palette, Scene};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Add(usize, i16, i16),
    Remove(usize),
    Move(Vec<usize>, i16, i16),
    Resize(usize, u8, u8),
    Toggle(usize),
    Reorder(usize, usize),
    Connect(usize, usize, bool),
    Disconnect(usize),
    Relabel(usize, String),
    Retext(usize, String),
    Renumber(usize, u8),
    Comment(usize, String),
    Resolve(usize),
    Uncomment(usize),
    Retitle(String),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..NodeKind::ALL.len(), any::<i16>(), any::<i16>()).prop_map(|(k, x, y)| Op::Add(k, x, y)),
        2 => any::<usize>().prop_map(Op::Remove),
        2 => (prop::collection::vec(any::<usize>(), 1..4), any::<i16>(), any::<i16>()).prop_map(|(v, x, y)| Op::Move(v, x, y)),
        1 => (any::<usize>(), any::<u8>(), any::<u8>()).prop_map(|(i, w, h)| Op::Resize(i, w, h)),
        2 => any::<usize>().prop_map(Op::Toggle),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Op::Reorder(i, j)),
        2 => (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(i, j, b)| Op::Connect(i, j, b)),
        1 => any::<usize>().prop_map(Op::Disconnect),
        // Text in the canvas font's own characters: a character only a system fallback font
        // has is measured with whichever covering face that measure met first (egui's fallback
        // chain grows as it goes), so an incremental and a fresh scene may differ by a few
        // units there — a known limitation, not what this property is about.
        1 => (any::<usize>(), "[ -~\u{a1}-\u{17f}]{0,12}").prop_map(|(i, s)| Op::Relabel(i, s)),
        2 => (any::<usize>(), "[ -~\u{a1}-\u{17f}]{0,20}").prop_map(|(i, s)| Op::Retext(i, s)),
        2 => (any::<usize>(), 0u8..4).prop_map(|(i, n)| Op::Renumber(i, n)),
        2 => (any::<usize>(), "[ -~\u{a1}-\u{17f}]{1,20}").prop_map(|(i, s)| Op::Comment(i, s)),
        1 => any::<usize>().prop_map(Op::Resolve),
        1 => any::<usize>().prop_map(Op::Uncomment),
        1 => "[ -~\u{a1}-\u{17f}]{0,10}".prop_map(Op::Retitle),
    ]
}

/// Turns an abstract operation into a concrete edit on the current document, if it applies.
fn concrete(doc: &mut Document, op: &Op) -> Option<Edit> {
    let nodes: Vec<Node> = doc.nodes().cloned().collect();
    let edges: Vec<Edge> = doc.edges().cloned().collect();
    let annotations: Vec<Annotation> = doc.annotations().cloned().collect();
    let pick = |i: usize| nodes.get(i % nodes.len().max(1)).cloned();
    Some(match op {
        Op::Add(kind, x, y) => {
            let kind = NodeKind::ALL[*kind];
            let number = doc.next_cmoc_number();
            let id = doc.new_node_id();
            Edit::AddNode {
                node: Node::new(
                    id,
                    kind.empty_content(number),
                    Point::new(*x as f32, *y as f32),
                ),
                index: Some((*x as usize) % (nodes.len() + 1)),
            }
        }
        Op::Remove(i) => Edit::RemoveNode { id: pick(*i)?.id },
        Op::Move(items, dx, dy) => Edit::MoveNodes {
            moves: items
                .iter()
                .filter_map(|&i| pick(i))
                .map(|n| (n.id, n.position.offset(*dx as f32, *dy as f32)))
                .collect(),
        },
        Op::Resize(i, w, h) => {
            let n = pick(*i)?;
            Edit::ResizeNode {
                id: n.id,
                position: n.position.offset(1.0, -1.0),
                size: Size::new(*w as f32 + 20.0, *h as f32 + 20.0),
            }
        }
        Op::Toggle(i) => {
            let n = nodes
                .iter()
                .filter(|n| n.kind() == NodeKind::Cmoc)
                .nth(i % nodes.len().max(1))?;
            Edit::toggle_polarity(doc, n.id).ok()?
        }
        Op::Reorder(i, j) => Edit::Reorder {
            id: pick(*i)?.id,
            index: *j % nodes.len().max(1),
        },
        Op::Connect(i, j, branch) => {
            let (from, to) = (pick(*i)?.id, pick(*j)?.id);
            let id = doc.new_edge_id();
            let mut edge = Edge::new(id, from, to);
            if *branch {
                edge.branch = Some(Branch::No);
            }
            Edit::AddEdge { edge, index: None }
        }
        Op::Disconnect(i) => Edit::RemoveEdge {
            id: edges.get(i % edges.len().max(1))?.id,
        },
        Op::Relabel(i, text) => {
            let mut edge = edges.get(i % edges.len().max(1))?.clone();
            edge.label = text.clone();
            Edit::ReplaceEdge { edge }
        }
        Op::Retext(i, text) => {
            let mut node = pick(*i)?;
            match &mut node.content {
                NodeContent::Cmoc(card) => card.mechanism = text.clone(),
                other => {
                    if let Some(block) = other.text_block_mut() {
                        block.text = text.clone();
                    }
                }
            }
            Edit::ReplaceNode { node }
        }
        Op::Renumber(i, number) => {
            let mut node = pick(*i)?;
            let card = node.content.cmoc_mut()?;
            card.number = u32::from(*number);
            Edit::ReplaceNode { node }
        }
        Op::Comment(i, text) => {
            let target = if i % 3 == 0 && !edges.is_empty() {
                Target::Edge(edges[i % edges.len()].id)
            } else {
                Target::Node(pick(*i)?.id)
            };
            let id = doc.new_annotation_id();
            Edit::AddAnnotation {
                annotation: Annotation {
                    id,
                    target,
                    author: "tester".into(),
                    created: Timestamp::from_utc(2025, 1, 1, 0, 0, 0),
                    text: text.clone(),
                    resolved: false,
                    reaction: None,
                    reply_to: None,
                    phone: None,
                },
                index: None,
            }
        }
        Op::Resolve(i) => {
            let a = annotations.get(i % annotations.len().max(1))?;
            Edit::SetResolved {
                id: a.id,
                resolved: !a.resolved,
            }
        }
        Op::Uncomment(i) => Edit::RemoveAnnotation {
            id: annotations.get(i % annotations.len().max(1))?.id,
        },
        Op::Retitle(title) => {
            let mut metadata = doc.metadata().clone();
            metadata.title = title.clone();
            Edit::SetMetadata {
                metadata: Box::new(metadata),
            }
        }
    })
}

fn start_document(seed_nodes: usize) -> Document {
    let mut doc = Document::new("property");
    for i in 0..seed_nodes {
        let number = doc.next_cmoc_number();
        let id = doc.new_node_id();
        let node = Node::new(
            id,
            NodeKind::ALL[i % NodeKind::ALL.len()].empty_content(number),
            Point::new(i as f32 * 300.0, 0.0),
        );
        Edit::AddNode { node, index: None }
            .apply(&mut doc)
            .expect("fresh id");
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn undo_all_restores_start_and_redo_all_restores_end(
        seed_nodes in 0usize..6,
        steps in prop::collection::vec((prop::collection::vec(op(), 1..5), any::<bool>()), 1..25),
    ) {
        let mut doc = start_document(seed_nodes);
        let start = doc.clone();
        let mut history = History::new();
        for (ops, as_transaction) in &steps {
            if *as_transaction {
                history.begin("step");
            }
            for op in ops {
                if let Some(edit) = concrete(&mut doc, op) {
                    history.apply(&mut doc, edit, "edit").expect("concrete edits apply");
                }
            }
            history.commit();
        }
        let end = doc.clone();
        while history.undo(&mut doc).expect("undo applies").is_some() {}
        prop_assert_eq!(&doc, &start);
        prop_assert!(!history.is_dirty());
        while history.redo(&mut doc).expect("redo applies").is_some() {}
        prop_assert_eq!(&doc, &end);
    }

    #[test]
    fn undo_and_redo_work_on_the_example_too(ops in prop::collection::vec(op(), 1..30)) {
        let mut doc = common::holding();
        let start = doc.clone();
        let mut history = History::new();
        for op in &ops {
            if let Some(edit) = concrete(&mut doc, op) {
                history.apply(&mut doc, edit, "edit").expect("applies");
            }
        }
        let end = doc.clone();
        while history.undo(&mut doc).expect("undo").is_some() {}
        prop_assert_eq!(&doc, &start);
        while history.redo(&mut doc).expect("redo").is_some() {}
        prop_assert_eq!(&doc, &end);
    }

    /// The same through the headless editor, as merging and the room will drive it: edits,
    /// and the session's own commands (align, distribute, tidy, toggle, pin, duplicate,
    /// delete…) on random selections, then Undo until it no longer applies and Redo likewise.
    #[test]
    fn the_session_undoes_every_command_back_to_the_example(
        steps in prop::collection::vec((op(), prop::collection::vec(any::<usize>(), 0..4), 0usize..64), 1..20),
    ) {
        use cmoc_canvas::session::{Action, Editor, Origin, Performed};
        let commands: Vec<Action> = Action::all()
            .filter(|a| !a.needs_window() && !matches!(a, Action::Undo | Action::Redo))
            .collect();
        let mut editor = Editor::new(common::holding(), Origin::Untitled);
        let start = editor.doc().clone();
        for (op, picks, command) in &steps {
            let mut doc = editor.doc().clone();
            if let Some(edit) = concrete(&mut doc, op) {
                editor.apply(edit, "edit");
            }
            let ids: Vec<_> = editor.doc().nodes().map(|n| n.id).collect();
            if !ids.is_empty() {
                editor.selection.nodes = picks.iter().map(|i| ids[i % ids.len()]).collect();
            }
            let _ = editor.perform(commands[command % commands.len()]);
        }
        let end = editor.doc().clone();
        while editor.perform(Action::Undo) == Performed::Done {}
        prop_assert_eq!(editor.doc(), &start);
        while editor.perform(Action::Redo) == Performed::Done {}
        prop_assert_eq!(editor.doc(), &end);
    }

    /// Views that follow the document change by change (the scene, validation) must always
    /// equal what a fresh build of the same document gives, through edits, typing bursts,
    /// undo and redo.
    #[test]
    fn incremental_views_match_a_fresh_build(
        seed_nodes in 0usize..6,
        ops in prop::collection::vec((op(), 0u8..8), 1..40),
    ) {
        let mut doc = start_document(seed_nodes);
        let start = doc.clone();
        let mut history = History::new();
        let mut validation = Validation::default();
        let mut scene = Scene::build(&doc, &Palette::LIGHT);
        for (op, how) in &ops {
            match how {
                0 => { let _ = history.undo(&mut doc); }
                1 => { let _ = history.redo(&mut doc); }
                2 | 3 => {
                    if let Some(edit) = concrete(&mut doc, op) {
                        let key = match &edit {
                            Edit::ReplaceNode { node } => MergeKey::node(node.id, "text"),
                            _ => MergeKey::Metadata,
                        };
                        history.apply_merging(&mut doc, edit, "typing", key).expect("applies");
                    }
                }
                _ => {
                    if let Some(edit) = concrete(&mut doc, op) {
                        history.apply(&mut doc, edit, "edit").expect("applies");
                    }
                }
            }
            validation.update(&doc);
            prop_assert_eq!(validation.problems(&doc), validate(&doc));
            prop_assert_eq!(validation.count(), validate(&doc).len());
            scene.update(&doc);
            let fresh = Scene::build(&doc, &Palette::LIGHT);
            let nodes = |s: &Scene| s.nodes.iter().map(|n| (n.id, n.rect, n.name.clone())).collect::<Vec<_>>();
            let edges = |s: &Scene| s.edges.iter().map(|e| (e.id, e.name.clone(), e.label.clone())).collect::<Vec<_>>();
            prop_assert_eq!(nodes(&scene), nodes(&fresh));
            prop_assert_eq!(edges(&scene), edges(&fresh));
            // Routes agree to a hundredth of a unit (a drag of everything moves routes along
            // rather than routing them again).
            for (a, b) in scene.edges.iter().zip(&fresh.edges) {
                let (pa, pb) = (a.geometry.polyline(8), b.geometry.polyline(8));
                prop_assert_eq!(pa.len(), pb.len(), "{:?} / {:?}", a.geometry, b.geometry);
                // Far from the origin a float's step grows: moving a route by whole drags
                // rounds differently from laying it out there (a few ULPs a move).
                let close = |p: egui::Pos2, q: egui::Pos2| {
                    p.distance(q) < 0.01 + p.x.abs().max(p.y.abs()) * 4e-6
                };
                for (p, q) in pa.iter().zip(&pb) {
                    prop_assert!(close(*p, *q), "{:?} / {:?}", a.geometry, b.geometry);
                }
                prop_assert!(
                    close(a.geometry.label_at, b.geometry.label_at),
                    "{:?} / {:?}", a.geometry, b.geometry
                );
            }
            // Every arrow is found where it is (culling must never lose one).
            for (i, edge) in scene.edges.iter().enumerate() {
                prop_assert!(scene.edges_in(edge.geometry.bounds()).contains(&i));
            }
            let everything = scene.edges_in(egui::Rect::EVERYTHING);
            prop_assert_eq!(everything.len(), scene.edges.len());
        }
        // Undoing everything still gives back the start, however typing was merged.
        while history.undo(&mut doc).expect("undo").is_some() {}
        prop_assert_eq!(&doc, &start);
    }
}
