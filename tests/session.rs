//! The headless editor, driven as a colleague's merge or a room's phones will drive it: no
//! window, no egui, only the session — select, align, distribute, tidy, find, undo.

use cmoc_canvas::edit::linked_diagram;
use cmoc_canvas::file::example_document;
use cmoc_canvas::model::{NodeId, Polarity};
use cmoc_canvas::session::{Action, Editor, Find, Origin, Performed};

fn card(editor: &Editor, number: u32, polarity: Polarity) -> NodeId {
    editor
        .doc()
        .find_cmoc(number, polarity)
        .map(|n| n.id)
        .expect("the card is in the example")
}

#[test]
fn align_and_distribute_run_without_a_window_and_undo_as_one_step_each() {
    let mut editor = Editor::new(example_document(), Origin::Untitled);
    let cards = [
        card(&editor, 10, Polarity::Positive),
        card(&editor, 22, Polarity::Negative),
        card(&editor, 23, Polarity::Positive),
    ];
    let left = |e: &Editor, id| e.doc().node(id).map(|n| n.position.x);
    editor.selection.nodes = cards.into_iter().collect();
    assert_eq!(editor.perform(Action::AlignLeft), Performed::Done);
    assert!(
        cards
            .iter()
            .all(|id| left(&editor, *id) == left(&editor, cards[0]))
    );
    assert_eq!(
        editor.perform(Action::DistributeVertically),
        Performed::Done
    );
    let tops: Vec<f32> = cards
        .iter()
        .filter_map(|id| editor.doc().node(*id).map(|n| n.position.y))
        .collect();
    assert_eq!(tops.len(), 3);
    editor.perform(Action::Undo);
    editor.perform(Action::Undo);
    assert_ne!(
        left(&editor, cards[1]),
        left(&editor, cards[0]),
        "both undone"
    );
    // Too few selected: refused with the reason, nothing changed.
    editor.selection.nodes = [cards[0]].into_iter().collect();
    assert_eq!(
        editor.perform(Action::AlignLeft),
        Performed::Unavailable("Select two or more cards to align them")
    );
    // The window's own commands are left to it.
    assert_eq!(editor.perform(Action::ZoomIn), Performed::NeedsWindow);
}

#[test]
fn tidy_lays_out_a_linked_diagram_without_a_window() {
    let mut editor = Editor::new(linked_diagram(60, 3, 7), Origin::Untitled);
    let before: Vec<_> = editor.doc().nodes().map(|n| n.position).collect();
    assert_eq!(editor.perform(Action::Tidy), Performed::Done);
    let after: Vec<_> = editor.doc().nodes().map(|n| n.position).collect();
    assert_ne!(before, after, "moved");
    assert_eq!(editor.history().undo_len(), 1, "one undo step");
    editor.perform(Action::Undo);
    let undone: Vec<_> = editor.doc().nodes().map(|n| n.position).collect();
    assert_eq!(before, undone);
}

#[test]
fn find_steps_through_matching_cards_and_selects_each() {
    let mut editor = Editor::new(example_document(), Origin::Untitled);
    let mut find = Find::default();
    find.search_in(&editor, "-ve 22");
    let negative = card(&editor, 22, Polarity::Negative);
    assert_eq!(find.matches, vec![negative]);
    assert_eq!(find.step(&mut editor, true), Some(negative));
    assert_eq!(editor.selection.single_node(), Some(negative));
    assert_eq!(find.summary(), "1 of 1");
    find.search_in(&editor, "no such words anywhere");
    assert_eq!(find.step(&mut editor, true), None);
    assert_eq!(find.summary(), "no match");
    // A changed document makes the matches stale.
    find.search_in(&editor, "10");
    assert!(!find.is_stale(editor.revision()));
    editor.perform(Action::SelectAll);
    editor.perform(Action::Delete);
    assert!(find.is_stale(editor.revision()));
}

#[test]
fn the_session_names_no_egui() {
    // The headless editor compiles without the window's crates: a file there naming egui
    // would tie versions, merging and the room to a window.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/session");
    let mut stack = vec![dir];
    let mut checked = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/session") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read");
                assert!(!text.contains("egui"), "{} names egui", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked >= 8, "{checked} files checked");
}

#[test]
fn fit_cards_to_text_shrinks_empty_bottoms_and_grows_cut_text_in_one_step() {
    use cmoc_canvas::edit::Edit;
    let mut editor = Editor::new(example_document(), Origin::Untitled);
    let (tall, short) = (
        card(&editor, 22, Polarity::Positive),
        card(&editor, 23, Polarity::Positive),
    );
    for (id, height) in [(tall, 900.0), (short, 40.0)] {
        let node = editor.doc().node(id).expect("card");
        let edit = Edit::ResizeNode {
            id,
            position: node.position,
            size: cmoc_canvas::model::Size::new(node.size.width, height),
        };
        assert!(editor.apply(edit, "resize"));
    }
    editor.selection.nodes = [tall, short].into_iter().collect();
    let undo_before = editor.history().undo_len();
    assert_eq!(editor.perform(Action::FitToText), Performed::Done);
    let height = |e: &Editor, id| e.doc().node(id).map(|n| n.size.height).unwrap_or(0.0);
    assert!(height(&editor, tall) < 400.0, "{}", height(&editor, tall));
    assert!(height(&editor, short) > 100.0, "{}", height(&editor, short));
    assert_eq!(
        editor.history().undo_len(),
        undo_before + 1,
        "one undo step"
    );
    // Fitted cards are left alone the second time.
    assert!(!editor.fit_cards_to_text());
    assert_eq!(editor.status, "The cards already fit their text.");
    editor.perform(Action::Undo);
    assert_eq!(height(&editor, tall), 900.0);
}

#[test]
fn scenarios_are_made_copied_and_deleted_without_a_window() {
    let mut editor = Editor::new(example_document(), Origin::Untitled);
    let before = editor.doc().scenarios().len();
    let made = editor.new_scenario().expect("made");
    assert_eq!(
        editor.doc().scenarios()[made].name,
        format!("Scenario {}", before + 1)
    );
    let copy = editor.duplicate_scenario(0).expect("copied");
    let first = editor.doc().scenarios()[0].clone();
    assert_eq!(
        editor.doc().scenarios()[copy].name,
        format!("Copy of {}", first.name)
    );
    assert_eq!(editor.doc().scenarios()[copy].conditions, first.conditions);
    assert!(editor.delete_scenario(0));
    assert!(editor.status.contains("Undo (Ctrl+Z) brings it back"));
    assert_eq!(editor.doc().scenarios().len(), before + 1);
    editor.perform(Action::Undo);
    assert_eq!(editor.doc().scenarios()[0], first, "undo brings it back");
    assert!(editor.duplicate_scenario(99).is_none());
    assert!(!editor.delete_scenario(99));
}

#[test]
fn nodes_added_again_at_the_same_place_step_aside_instead_of_hiding_the_last() {
    use cmoc_canvas::model::{Document, NodeKind, Point};
    let mut editor = Editor::new(Document::default(), Origin::Untitled);
    let centre = Point::new(400.0, 300.0);
    let ids: Vec<NodeId> = (0..3)
        .map(|_| editor.add_node(NodeKind::Cmoc, centre).expect("added"))
        .collect();
    let at = |editor: &Editor, id: NodeId| editor.doc().node(id).map(|n| n.position);
    let at = |editor: &Editor, id| at(editor, id).expect("node");
    let (a, b, c) = (
        at(&editor, ids[0]),
        at(&editor, ids[1]),
        at(&editor, ids[2]),
    );
    assert!(b.x > a.x && b.y > a.y, "{a:?} then {b:?}");
    assert!(c.x > b.x && c.y > b.y, "{b:?} then {c:?}");
    // Elsewhere, a node goes where it was asked.
    let far = editor
        .add_node(NodeKind::Note, Point::new(2000.0, 2000.0))
        .expect("added");
    let size = NodeKind::Note.default_size();
    assert_eq!(
        at(&editor, far),
        Point::new(2000.0 - size.width / 2.0, 2000.0 - size.height / 2.0).rounded()
    );
}
