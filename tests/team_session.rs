//! The team's work driven through the headless session, as the window drives it: compare the
//! diagram with a saved version and step through the changes, merge a colleague's copy (one
//! undo step, recorded as a version), resolve its conflicts each way, and save the refinement
//! table for the paper — no window.

use cmoc_canvas::edit::Edit;
use cmoc_canvas::file::example_document;
use cmoc_canvas::interchange::docx::read_docx_text;
use cmoc_canvas::model::{
    CmocCard, ConflictOn, Disagreement, Document, Node, NodeContent, NodeId, Point, Polarity,
    Status, validate,
};
use cmoc_canvas::session::compare::ChangeKind;
use cmoc_canvas::session::{Action, Editor, MergeBase, Origin, Performed, Resolution};

fn card(doc: &Document, number: u32) -> NodeId {
    doc.find_cmoc(number, Polarity::Positive)
        .map(|n| n.id)
        .expect("the card is in the example")
}

fn context(doc: &Document, number: u32) -> String {
    doc.node(card(doc, number))
        .and_then(|n| n.content.cmoc())
        .map(|c| c.context.clone())
        .expect("card")
}

fn set_context(doc: &mut Document, number: u32, words: &str) {
    let mut node = doc.node(card(doc, number)).cloned().expect("card");
    if let Some(c) = node.content.cmoc_mut() {
        c.context = words.into();
    }
    Edit::ReplaceNode { node }.apply(doc).expect("edits");
}

fn edit_context(editor: &mut Editor, number: u32, words: &str) {
    let id = card(editor.doc(), number);
    let words = words.to_string();
    editor.change_node(id, "context", |n| {
        if let Some(c) = n.content.cmoc_mut() {
            c.context = words;
        }
    });
    editor.seal();
}

#[test]
fn comparing_with_a_saved_version_lists_the_changed_card_and_n_steps_to_it() {
    let mut editor = Editor::new(
        example_document().with_versions(Vec::new()),
        Origin::Untitled,
    );
    assert_eq!(
        editor.perform(Action::NextChange),
        Performed::Unavailable(
            "Compare with a saved version first (Versions tab, or Compare with the last saved version)"
        )
    );
    assert!(editor.save_version("Initial programme theory", "Dr A", ""));
    edit_context(
        &mut editor,
        6,
        "If link workers are seen as calm by patients",
    );
    assert_eq!(editor.perform(Action::CompareWithLatest), Performed::Done);
    let changed = card(editor.doc(), 6);
    {
        let comparing = editor.comparing().expect("comparing");
        let changes = &comparing.comparison().nodes;
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].kind, ChangeKind::Changed);
        assert_eq!(changes[0].new, Some(changed));
        assert!(
            comparing.summary().contains("1 changed"),
            "{}",
            comparing.summary()
        );
    }
    editor.selection.clear();
    assert_eq!(editor.perform(Action::NextChange), Performed::Done);
    assert_eq!(editor.selection.single_node(), Some(changed));
    assert!(
        editor
            .status
            .starts_with("Change 1 of 1: CMOC 6 changed (context)"),
        "{}",
        editor.status
    );
    // The comparison follows the diagram: a card added now is listed as added.
    let added = editor
        .add_node(cmoc_canvas::model::NodeKind::Cmoc, Point::new(0.0, 3_000.0))
        .expect("added");
    let kinds: Vec<(ChangeKind, Option<NodeId>)> = editor
        .comparing()
        .expect("comparing")
        .comparison()
        .nodes
        .iter()
        .map(|c| (c.kind, c.new))
        .collect();
    assert!(
        kinds.contains(&(ChangeKind::Added, Some(added))),
        "{kinds:?}"
    );
    // A removed card is a step too: nothing is selected, the status says where it went.
    editor.selection.set_node(card(editor.doc(), 12));
    editor.perform(Action::Delete);
    let mut steps = Vec::new();
    for _ in 0..3 {
        editor.perform(Action::PreviousChange);
        steps.push(editor.status.clone());
    }
    assert!(
        steps.iter().any(|s| s.contains("CMOC 12 removed since")),
        "{steps:?}"
    );
    assert_eq!(editor.perform(Action::StopComparing), Performed::Done);
    assert!(!editor.is_comparing());
}

/// The example as the researcher has it, and a colleague's copy of it, both started from the
/// published version kept in both.
fn two_copies() -> (Editor, Document) {
    let editor = Editor::new(example_document(), Origin::Untitled);
    let theirs = editor.doc().clone();
    (editor, theirs)
}

#[test]
fn merging_a_copy_is_one_undo_step_recorded_as_a_version_and_combines_both() {
    let (mut editor, mut theirs) = two_copies();
    let before = editor.doc().clone();
    edit_context(&mut editor, 4, "Mine: relationship building first");
    set_context(
        &mut theirs,
        6,
        "Theirs: calm and empathetic, as patients said",
    );
    let versions = editor.doc().versions().len();
    let merged = editor
        .merge_copy(&theirs, "amira.ron", MergeBase::Shared)
        .expect("merges");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert!(
        editor
            .status
            .contains("from the version “Published programme theory (Figure 2)”"),
        "{}",
        editor.status
    );
    assert_eq!(
        context(editor.doc(), 4),
        "Mine: relationship building first"
    );
    assert_eq!(
        context(editor.doc(), 6),
        "Theirs: calm and empathetic, as patients said"
    );
    assert_eq!(editor.doc().versions().len(), versions + 1);
    assert_eq!(
        editor.doc().versions().last().map(|v| v.name.as_str()),
        Some("Merged a colleague's copy (amira.ron)")
    );
    assert!(validate(editor.doc()).is_empty());
    assert_eq!(editor.history().undo_label(), Some("Merge amira.ron"));
    editor.perform(Action::Undo);
    assert_eq!(
        context(editor.doc(), 6),
        context(&before, 6),
        "Ctrl+Z takes the whole merge back"
    );
    assert_eq!(editor.doc().versions().len(), versions);
    editor.perform(Action::Undo);
    assert_eq!(editor.doc(), &before);
}

#[test]
fn a_conflict_is_listed_and_resolved_mine_theirs_both_or_edited_each_undoable() {
    let (mut editor, mut theirs) = two_copies();
    edit_context(&mut editor, 4, "Mine");
    set_context(&mut theirs, 4, "Theirs");
    editor
        .merge_copy(&theirs, "theirs.ron", MergeBase::Shared)
        .expect("merges");
    assert!(
        editor.status.contains("1 conflict to resolve"),
        "{}",
        editor.status
    );
    let id = card(editor.doc(), 4);
    let conflict = editor.doc().conflicts()[0].clone();
    assert_eq!(conflict.on, ConflictOn::Node(id));
    assert_eq!(
        conflict.disagreement,
        Disagreement::Field(cmoc_canvas::model::Part::Context)
    );
    assert_eq!(
        editor.conflict_subject(&conflict).as_deref(),
        Some("CMOC 4")
    );
    assert_eq!(context(editor.doc(), 4), "Mine", "yours stays until chosen");
    for (how, expected) in [
        (Resolution::Mine, "Mine".to_string()),
        (Resolution::Theirs, "Theirs".to_string()),
        (Resolution::Both, "Mine\nTheirs".to_string()),
        (
            Resolution::Edited("Ours, agreed".into()),
            "Ours, agreed".to_string(),
        ),
    ] {
        assert!(editor.resolve_conflict(0, how.clone()), "{}", editor.status);
        assert_eq!(context(editor.doc(), 4), expected, "{how:?}");
        assert!(editor.doc().conflicts().is_empty());
        assert!(
            editor.status.contains("No conflicts are left"),
            "{}",
            editor.status
        );
        editor.perform(Action::Undo);
        assert_eq!(editor.doc().conflicts().len(), 1, "undo brings it back");
        assert_eq!(context(editor.doc(), 4), "Mine");
    }
    // The actions settle the selected card's conflict.
    editor.selection.set_node(id);
    assert_eq!(editor.perform(Action::ResolveTheirs), Performed::Done);
    assert_eq!(context(editor.doc(), 4), "Theirs");
    assert_eq!(
        editor.perform(Action::ResolveMine),
        Performed::Unavailable("There is no merge conflict to resolve")
    );
}

#[test]
fn removed_in_one_copy_and_changed_in_the_other_and_two_new_cards_with_one_number() {
    let (mut editor, mut theirs) = two_copies();
    // They removed CMOC 12; you changed it.
    edit_context(&mut editor, 12, "Mine, kept");
    Edit::RemoveNode {
        id: card(&theirs, 12),
    }
    .apply(&mut theirs)
    .expect("removes");
    // Both added a CMOC 90, different ones.
    let new_card = |doc: &Document, words: &str| {
        Node::new(
            NodeId(doc.allocate_id()),
            NodeContent::Cmoc(CmocCard::new(90, words, "m", "o")),
            Point::new(0.0, 4_000.0),
        )
    };
    let theirs_card = new_card(&theirs, "their CMOC 90");
    Edit::AddNode {
        node: theirs_card,
        index: None,
    }
    .apply(&mut theirs)
    .expect("adds");
    let mine = editor
        .add_node(cmoc_canvas::model::NodeKind::Cmoc, Point::new(0.0, 4_000.0))
        .expect("adds");
    editor.change_node(mine, "number", |n| {
        if let Some(c) = n.content.cmoc_mut() {
            c.number = 90;
            c.context = "my CMOC 90".into();
            c.mechanism = "m".into();
            c.outcome = "o".into();
        }
    });
    editor
        .merge_copy(&theirs, "theirs.ron", MergeBase::Shared)
        .expect("merges");
    let kinds: Vec<Disagreement> = editor
        .doc()
        .conflicts()
        .iter()
        .map(|c| c.disagreement)
        .collect();
    assert!(kinds.contains(&Disagreement::RemovedInTheirs), "{kinds:?}");
    assert!(kinds.contains(&Disagreement::SameNumber), "{kinds:?}");
    // Taking theirs for the removed card removes it (and its conflict).
    let removed = editor
        .doc()
        .conflicts()
        .iter()
        .position(|c| c.disagreement == Disagreement::RemovedInTheirs)
        .expect("listed");
    assert!(editor.resolve_conflict(removed, Resolution::Theirs));
    assert!(editor.doc().find_cmoc(12, Polarity::Positive).is_none());
    // Keeping both new CMOC 90s renumbers theirs.
    let same = editor
        .doc()
        .conflicts()
        .iter()
        .position(|c| c.disagreement == Disagreement::SameNumber)
        .expect("listed");
    assert!(editor.resolve_conflict(same, Resolution::Both));
    let nineties = editor
        .doc()
        .cmoc_cards()
        .filter(|(_, c)| c.number == 90)
        .count();
    assert_eq!(nineties, 1);
    assert!(editor.doc().conflicts().is_empty());
    assert!(
        validate(editor.doc()).is_empty(),
        "{:?}",
        validate(editor.doc())
    );
    // Edited words do not fit a removed card: said, and nothing changes.
    assert!(!editor.resolve_conflict(0, Resolution::Mine));
    assert!(editor.status.contains("There is no conflict number 1"));
}

#[test]
fn without_a_shared_version_every_difference_is_a_choice() {
    let (mut editor, mut theirs) = two_copies();
    set_context(&mut theirs, 6, "Theirs");
    let mut theirs = theirs.with_versions(Vec::new());
    set_context(&mut theirs, 7, "Theirs too");
    editor
        .merge_copy(&theirs, "theirs.ron", MergeBase::Shared)
        .expect("merges");
    assert!(
        editor.status.contains("with no common version"),
        "{}",
        editor.status
    );
    assert_eq!(editor.doc().conflicts().len(), 2);
    assert!(editor.doc().conflicts().iter().all(|c| c.base.is_empty()));
}

#[test]
fn the_refinement_table_is_written_for_word_and_read_back() {
    let mut editor = Editor::new(example_document(), Origin::Untitled);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("refinement.docx");
    let id = card(editor.doc(), 4);
    editor.change_node(id, "status", |n| {
        if let Some(c) = n.content.cmoc_mut() {
            c.status = Status::Refined;
            c.rationale = "Workshop 2 said so".into();
        }
    });
    let summary = editor.write_refinement_table(&path).expect("writes");
    assert!(summary.starts_with("27 CMOCs:"), "{summary}");
    let text = read_docx_text(&std::fs::read(&path).expect("read")).expect("a Word file");
    let all = format!("{text:?}");
    assert!(all.contains("Initial programme theory"), "{all}");
    assert!(all.contains("Workshop 2 said so"), "{all}");
    let bad = dir.path().join("refinement.odt");
    let error = editor.write_refinement_table(&bad).expect_err("refused");
    assert!(error.contains(".docx, .md, .csv or .html"), "{error}");
    assert!(!bad.exists());
}

#[test]
fn the_example_compared_with_its_initial_theory_lists_exactly_what_differs() {
    let mut editor = Editor::new(example_document(), Origin::Example);
    let initial = editor
        .doc()
        .versions()
        .iter()
        .position(|v| v.name == "Initial programme theory")
        .expect("shipped");
    assert!(editor.compare_with_version(initial));
    let doc = editor.doc().clone();
    let comparing = editor.comparing().expect("comparing");
    let of_kind = |kind: ChangeKind| -> Vec<String> {
        comparing
            .comparison()
            .nodes
            .iter()
            .filter(|c| c.kind == kind)
            .filter_map(|c| c.new.and_then(|id| doc.node(id)).map(Node::label))
            .collect()
    };
    // CMOC 4 was reworded; statuses recorded since are not changes (the card says them).
    assert_eq!(of_kind(ChangeKind::Changed), ["CMOC 4"]);
    assert_eq!(of_kind(ChangeKind::Moved), Vec::<String>::new());
    let added = of_kind(ChangeKind::Added);
    for card in [
        "-ve CMOC 10",
        "-ve CMOC 22",
        "-ve CMOC 11",
        "CMOC 18",
        "CMOC 20",
        "CMOC 21",
    ] {
        assert!(added.iter().any(|a| a == card), "{card} in {added:?}");
    }
    assert!(comparing.removed().next().is_none());
    assert_eq!(
        comparing.summary(),
        "Compared with “Initial programme theory”: 12 added, 0 removed, 1 changed, 0 moved."
    );
}

#[test]
fn merging_another_diagram_altogether_is_refused_not_emptying_yours() {
    let (mut editor, _) = two_copies();
    let before = editor.doc().clone();
    let other = cmoc_canvas::file::load_file(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1/every-kind.ron"
    )))
    .expect("opens")
    .document;
    // Said to have started from the published theory: theirs has none of its cards.
    assert!(
        editor
            .merge_copy(&other, "other.ron", MergeBase::Version(1))
            .is_none()
    );
    assert!(
        editor
            .status
            .contains("does not look like a version their copy started from"),
        "{}",
        editor.status
    );
    assert_eq!(editor.doc(), &before, "nothing changed");
}

#[test]
fn a_copy_with_other_ids_pairs_by_number_and_a_wrong_pair_can_be_taken_apart() {
    let mut editor = Editor::new(example_document(), Origin::Untitled);
    // Their copy was pasted into a fresh file: every id differs; they rewrote CMOC 6 entirely.
    let shift = |id: u64| id + 100_000;
    let mut version = cmoc_canvas::model::Version::of(
        editor.doc(),
        "copy",
        "",
        "",
        cmoc_canvas::model::Timestamp::now(),
    );
    for node in &mut version.nodes {
        node.id = NodeId(shift(node.id.0));
        if let Some(c) = node.content.cmoc_mut()
            && c.number == 6
            && c.polarity == Polarity::Positive
        {
            c.context = "Something else entirely".into();
        }
    }
    for edge in &mut version.edges {
        edge.id = cmoc_canvas::model::EdgeId(shift(edge.id.0));
        edge.from = NodeId(shift(edge.from.0));
        edge.to = NodeId(shift(edge.to.0));
    }
    let mut copy = Document::new("copy");
    cmoc_canvas::edit::restore_edit(&copy, &version)
        .expect("restore")
        .apply(&mut copy)
        .expect("applies");
    editor.compare_with_copy(&copy, "copy.ron");
    let six = card(editor.doc(), 6);
    let change = editor
        .comparing()
        .expect("comparing")
        .change_of(six)
        .cloned()
        .expect("CMOC 6 differs");
    assert_eq!(change.kind, ChangeKind::Changed);
    assert_eq!(
        change.matched,
        Some(cmoc_canvas::session::compare::Matched::Number)
    );
    assert_eq!(
        editor
            .comparing()
            .expect("comparing")
            .comparison()
            .nodes
            .len(),
        1,
        "every other card pairs despite the new ids"
    );
    // The researcher says they are not the same card: one removed, one added.
    let old = change.old.expect("paired");
    editor.correct_pairing(old, six, true);
    let kinds: Vec<ChangeKind> = editor
        .comparing()
        .expect("comparing")
        .comparison()
        .nodes
        .iter()
        .map(|c| c.kind)
        .collect();
    assert_eq!(kinds, [ChangeKind::Added, ChangeKind::Removed]);
    // And paired again by hand (the change list's "Same card as the selected one").
    editor.selection.set_node(six);
    editor.correct_pairing(old, six, false);
    let comparing = editor.comparing().expect("comparing");
    let change = comparing.change_of(six).expect("paired again");
    assert_eq!(change.kind, ChangeKind::Changed);
    assert_eq!(
        change.matched,
        Some(cmoc_canvas::session::compare::Matched::ByHand)
    );
}

#[test]
fn two_people_opening_one_file_give_their_new_cards_different_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("theory.ron");
    cmoc_canvas::file::save_file(&example_document(), &path).expect("saves");
    let open = || {
        let doc = cmoc_canvas::file::load_file(&path).expect("opens").document;
        Editor::new(doc, Origin::File(path.clone()))
    };
    let (mut mine, mut theirs) = (open(), open());
    let a = mine
        .add_node(cmoc_canvas::model::NodeKind::Cmoc, Point::new(0.0, 5_000.0))
        .expect("adds");
    let b = theirs
        .add_node(cmoc_canvas::model::NodeKind::Cmoc, Point::new(0.0, 6_000.0))
        .expect("adds");
    // Each session starts its new ids at its own random place (1 in 16 million alike).
    assert_ne!(a, b);
    let merged = mine
        .merge_copy(theirs.doc(), "theirs.ron", MergeBase::Shared)
        .expect("merges");
    assert_eq!(merged.renumbered, 0, "nothing to repair");
}
