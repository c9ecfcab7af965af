//! Named versions of the theory, driven through the headless session as a researcher would:
//! save the initial programme theory, refine the diagram, bring the initial one back, undo,
//! and keep it all in the file.

use cmoc_canvas::file::{example_document, load_file, save_file};
use cmoc_canvas::model::{NodeId, Point, Polarity};
use cmoc_canvas::session::{Editor, Origin};

fn card(editor: &Editor, number: u32) -> NodeId {
    editor
        .doc()
        .find_cmoc(number, Polarity::Positive)
        .map(|n| n.id)
        .expect("the card is in the example")
}

/// The example without its two saved versions.
fn example() -> cmoc_canvas::model::Document {
    example_document().with_versions(Vec::new())
}

#[test]
fn a_version_is_saved_restored_undone_and_deleted_each_as_one_step() {
    let mut editor = Editor::new(example(), Origin::Untitled);
    // A version needs a name, and a new one.
    assert!(!editor.save_version("  ", "Dr A", ""));
    assert!(editor.status.contains("name"), "{}", editor.status);
    assert!(editor.save_version("Initial programme theory", "Dr A", "from the review"));
    assert!(
        editor.status.contains("Initial programme theory"),
        "{}",
        editor.status
    );
    assert!(!editor.save_version("Initial programme theory", "Dr A", ""));
    assert!(editor.status.contains("already saved"), "{}", editor.status);
    assert_eq!(editor.current_version(), Some(0));
    let initial = editor.doc().clone();

    // Refine the theory: a card moved, one deleted (with its arrows and comments).
    let moved = card(&editor, 10);
    editor.change_node(moved, "position", |n| {
        n.position = Point::new(n.position.x + 400.0, n.position.y);
    });
    let gone = card(&editor, 23);
    editor.selection.set_node(gone);
    editor.delete_selection();
    assert_eq!(editor.current_version(), None);
    let refined = editor.doc().clone();

    assert!(editor.restore_version(0));
    assert_eq!(
        editor.history().undo_label(),
        Some("Restore version “Initial programme theory”")
    );
    assert!(editor.doc().versions()[0].matches(editor.doc()));
    assert_eq!(editor.current_version(), Some(0));
    assert!(
        editor.doc().node(gone).is_some(),
        "the deleted card is back"
    );
    assert!(!editor.restore_version(0), "already that version");
    // Nothing but the theory came back: the document is the one the version was saved from.
    assert_eq!(
        editor.doc().nodes().collect::<Vec<_>>(),
        initial.nodes().collect::<Vec<_>>()
    );

    editor.undo();
    assert_eq!(
        *editor.doc(),
        refined,
        "one undo gives the refined diagram back"
    );
    editor.redo();
    assert_eq!(editor.current_version(), Some(0));

    assert!(editor.delete_version(0));
    assert!(editor.doc().versions().is_empty());
    editor.undo();
    assert_eq!(editor.doc().versions().len(), 1);
    assert!(!editor.restore_version(5));
    assert!(
        editor.status.contains("no saved version"),
        "{}",
        editor.status
    );
}

#[test]
fn versions_are_kept_in_the_file_and_their_ids_never_reused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("theory.ron");
    let mut editor = Editor::new(example(), Origin::Untitled);
    assert!(editor.save_version("IPT", "Dr A", "before the workshops"));
    let gone = card(&editor, 23);
    editor.selection.set_node(gone);
    editor.delete_selection();
    assert!(editor.save_version("After workshop 1", "Dr B", ""));
    save_file(editor.doc(), &path).expect("saves");

    let reopened = load_file(&path).expect("opens").document;
    assert_eq!(reopened, *editor.doc());
    let names: Vec<&str> = reopened
        .versions()
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    assert_eq!(names, ["IPT", "After workshop 1"]);
    assert_eq!(reopened.versions()[0].note, "before the workshops");
    // The deleted card lives on in the first version: no new card may take its id.
    let fresh = reopened.new_node_id();
    assert!(fresh.0 > gone.0, "{fresh:?} after {gone:?}");
    let mut editor = Editor::new(reopened, Origin::File(path));
    assert!(editor.restore_version(0));
    assert!(editor.doc().node(gone).is_some());
}

#[test]
fn the_example_ships_with_its_initial_and_its_published_theory() {
    let mut editor = Editor::new(example_document(), Origin::Example);
    let names: Vec<&str> = editor
        .doc()
        .versions()
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Initial programme theory",
            "Published programme theory (Figure 2)"
        ]
    );
    assert_eq!(
        editor.current_version(),
        Some(1),
        "the diagram is the published theory"
    );
    // The initial theory is the success pathway alone: no negative card, no IF-condition.
    assert!(editor.restore_version(0));
    let doc = editor.doc();
    assert!(
        doc.cmoc_cards()
            .all(|(_, c)| c.polarity == Polarity::Positive)
    );
    assert_eq!(doc.count_kind(cmoc_canvas::model::NodeKind::Condition), 0);
    assert!(
        cmoc_canvas::model::validate(doc).is_empty(),
        "{:?}",
        cmoc_canvas::model::validate(doc)
    );
    assert!(editor.restore_version(1));
    assert_eq!(
        editor.doc().nodes().collect::<Vec<_>>(),
        example_document().nodes().collect::<Vec<_>>()
    );
}
