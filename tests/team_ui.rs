//! The team's work in the window, as a researcher does it: save a version, change a card,
//! compare, step to the change with n, merge a colleague's copy that disagrees on that card,
//! take theirs, and undo the merge with Ctrl+Z.

mod common;

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::app::dialogs::ScriptedDialogs;
use cmoc_canvas::edit::Edit;
use cmoc_canvas::file::{example_document, save_file};
use cmoc_canvas::model::{Document, NodeId, Polarity};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

fn context(doc: &Document, id: NodeId) -> String {
    doc.node(id)
        .and_then(|n| n.content.cmoc())
        .map(|c| c.context.clone())
        .expect("card")
}

/// The editor on the example, whose file dialog will open `theirs` (saved as `name`) with
/// CMOC 6 reworded "Their words for CMOC 6"; and CMOC 6's id.
fn editor_opening_a_copy(
    mut theirs: Document,
    name: &str,
) -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, EditorApp>,
    NodeId,
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let card = theirs
        .find_cmoc(6, Polarity::Positive)
        .map(|n| n.id)
        .expect("CMOC 6");
    let mut node = theirs.node(card).cloned().expect("card");
    if let Some(c) = node.content.cmoc_mut() {
        c.context = "Their words for CMOC 6".into();
    }
    Edit::ReplaceNode { node }
        .apply(&mut theirs)
        .expect("edits");
    let theirs_path = dir.path().join(name);
    save_file(&theirs, &theirs_path).expect("saves");
    let h = harness(
        &dir,
        ScriptedDialogs {
            open_answers: vec![Some(theirs_path)],
            ..ScriptedDialogs::default()
        },
    );
    (dir, h, card)
}

/// The editor on the example in a 1600×1000 window, its settings in `dir`, its file dialogs
/// answering as `dialogs` says.
fn harness(
    dir: &tempfile::TempDir,
    dialogs: ScriptedDialogs,
) -> egui_kittest::Harness<'static, EditorApp> {
    let app = EditorApp::start(
        None,
        Some(dir.path().join("settings.ron")),
        Box::new(dialogs),
    );
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut EditorApp| app.ui(ui), app);
    h.run_steps(4);
    h
}

#[test]
fn save_change_compare_step_merge_resolve_and_undo_the_merge() {
    // The colleague's copy: the example with CMOC 6 reworded their way.
    let (_dir, mut h, card) = editor_opening_a_copy(example_document(), "amira.ron");

    // Save a version.
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label_contains("Save version…").click();
    h.run_steps(3);
    h.get_by_label("Version name")
        .type_text("Before workshop 2");
    h.run_steps(2);
    common::press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().editor.doc().versions().len(), 3);

    // Change a card.
    h.state_mut().editor.change_node(card, "context", |n| {
        if let Some(c) = n.content.cmoc_mut() {
            c.context = "My words for CMOC 6".into();
        }
    });
    h.state_mut().editor.seal();
    h.state_mut().editor.selection.clear();
    h.run_steps(3);

    // Compare with the version just saved, and step to the change with n.
    h.get_by_label("Compare with Before workshop 2").click();
    h.run_steps(3);
    assert!(
        h.query_all_by_label_contains("0 added, 0 removed, 1 changed, 0 moved")
            .next()
            .is_some()
    );
    common::press(&mut h, Modifiers::NONE, Key::N);
    assert_eq!(h.state().editor.selection.single_node(), Some(card));
    assert!(
        h.state().editor.status.starts_with("Change 1 of 1: CMOC 6"),
        "{}",
        h.state().editor.status
    );
    h.run_steps(2);
    // A screen reader hears each card's realist status and what changed on it.
    assert!(
        h.query_all_by_label_contains("Since “Before workshop 2”: changed (context).")
            .any(|n| n
                .accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("CMOC 6,")))
    );
    assert!(
        h.query_by_label_contains("CMOC 7, positive (activated). Trust through active listening.")
            .is_some_and(|n| n
                .accesskit_node()
                .label()
                .is_some_and(|l| l.contains("Realist status: supported.")))
    );
    // The struck and inserted words are told to a screen reader with their marks (its name;
    // the label shows them struck through and underlined).
    assert!(
        h.query_all_by_label_contains("Context: ")
            .any(|n| n.accesskit_node().label().is_some_and(|l| l.contains(
                "[-If link workers are perceived as calm and empathetic by patients-]{+My words for CMOC 6+}"
            )))
    );

    // Merge the colleague's copy: one conflict, on CMOC 6.
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label_contains("Merge a colleague's copy…").click();
    h.run_steps(4);
    let doc = h.state().editor.doc();
    assert_eq!(doc.conflicts().len(), 1, "{}", h.state().editor.status);
    assert_eq!(context(doc, card), "My words for CMOC 6");
    assert!(
        h.query_by_label_contains("CMOC 6: context changed in both copies")
            .is_some()
    );
    h.get_by_label("Take theirs: CMOC 6").click();
    h.run_steps(3);
    let doc = h.state().editor.doc();
    assert_eq!(context(doc, card), "Their words for CMOC 6");
    assert!(doc.conflicts().is_empty());

    // Ctrl+Z undoes the choice, then the whole merge.
    common::press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().editor.doc().conflicts().len(), 1);
    common::press(&mut h, Modifiers::COMMAND, Key::Z);
    let doc = h.state().editor.doc();
    assert!(doc.conflicts().is_empty());
    assert_eq!(doc.versions().len(), 3, "the merge's version went with it");
    assert_eq!(context(doc, card), "My words for CMOC 6");
}

#[test]
fn the_table_shows_each_cmocs_status_and_filters_to_one_status() {
    let (_dir, mut h) = common::editor_harness();
    common::press(&mut h, Modifiers::COMMAND, Key::T);
    assert!(
        h.query_all_by_label("Status").count() >= 2,
        "the column and the filter"
    );
    // The example's CMOC 4 was refined; twenty were supported.
    h.state_mut().table.status = Some("refined");
    h.run_steps(3);
    let rows: Vec<String> = h
        .query_all_by_label_contains(" context")
        .filter_map(|n| n.accesskit_node().label().map(|l| l.to_string()))
        .filter(|l| l.starts_with("CMOC "))
        .collect();
    assert_eq!(rows, ["CMOC 4 context"]);
    assert!(h.query_by_label("refined").is_some());
    // The six new CMOCs (the failure branch's): every row shown is one of them (the table
    // lays out only the rows in view).
    h.state_mut().table.status = Some("new");
    h.run_steps(3);
    let shown: Vec<String> = h
        .query_all_by_label_contains(" context")
        .filter_map(|n| n.accesskit_node().label().map(|l| l.to_string()))
        .filter(|l| l.starts_with("CMOC "))
        .collect();
    assert!(!shown.is_empty());
    for row in &shown {
        assert!(
            [
                "CMOC 10 context",
                "CMOC 22 context",
                "CMOC 11 context",
                "CMOC 18 context",
                "CMOC 20 context",
                "CMOC 21 context"
            ]
            .contains(&row.as_str()),
            "{row} is not new"
        );
    }
}

#[test]
fn a_copy_with_no_version_in_common_asks_where_both_started() {
    // Their copy kept no versions (pasted into a fresh file), with CMOC 6 reworded.
    let (_dir, mut h, card) =
        editor_opening_a_copy(example_document().with_versions(Vec::new()), "fresh.ron");
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label_contains("Merge a colleague's copy…").click();
    h.run_steps(4);
    assert!(
        h.query_by_label_contains("keep no saved version in common")
            .is_some()
    );
    assert_eq!(
        h.state().editor.doc().conflicts().len(),
        0,
        "nothing merged yet"
    );
    // Both started from the published theory: their one change comes in cleanly.
    h.get_by_label_contains("“Published programme theory (Figure 2)” (saved")
        .click();
    h.run_steps(2);
    h.get_by_label("Merge").click();
    h.run_steps(4);
    let doc = h.state().editor.doc();
    assert!(doc.conflicts().is_empty(), "{}", h.state().editor.status);
    assert_eq!(context(doc, card), "Their words for CMOC 6");
    assert!(
        h.state()
            .editor
            .status
            .contains("from the version “Published programme theory (Figure 2)”"),
        "{}",
        h.state().editor.status
    );
}

#[test]
fn a_saved_version_is_viewed_beside_the_diagram_read_only() {
    let (_dir, mut h) = common::editor_harness();
    h.get_by_label("Versions").click();
    h.run_steps(3);
    h.get_by_label("View Initial programme theory beside the diagram")
        .click();
    h.run_steps(4);
    assert!(
        h.query_by_label("Version “Initial programme theory”, read-only")
            .is_some()
    );
    // Both canvases are read out: the diagram's -ve CMOC 10 is only on the left.
    let negatives = h
        .query_all_by_label_contains("CMOC 10, negative (not activated)")
        .count();
    let positives = h
        .query_all_by_label_contains("CMOC 10, positive (activated)")
        .count();
    assert_eq!(negatives, 1, "only the diagram has the failure branch");
    assert_eq!(positives, 2, "both have CMOC 10");
    // Whatever is done to the version is put back, and said.
    let card = {
        let beside = h.state().beside.as_ref().expect("shown");
        beside
            .editor
            .doc()
            .find_cmoc(4, Polarity::Positive)
            .map(|n| n.id)
            .expect("CMOC 4")
    };
    let before = context(h.state().beside.as_ref().expect("shown").editor.doc(), card);
    h.state_mut()
        .beside
        .as_mut()
        .expect("shown")
        .editor
        .change_node(card, "context", |n| {
            if let Some(c) = n.content.cmoc_mut() {
                c.context = "typed into the old version".into();
            }
        });
    h.run_steps(3);
    let beside = h.state().beside.as_ref().expect("still shown");
    assert_eq!(context(beside.editor.doc(), card), before);
    assert!(
        h.state().editor.status.contains("cannot be changed here"),
        "{}",
        h.state().editor.status
    );
    // Two saved versions compared: the initial one marked with what differs from the
    // published one.
    h.state_mut()
        .beside
        .as_mut()
        .expect("shown")
        .set_against(Some(1));
    h.run_steps(3);
    assert!(
        h.query_all_by_label_contains(
            "Compared with “Published programme theory (Figure 2)”: 0 added, 12 removed, 1 changed, 0 moved."
        )
        .next()
        .is_some()
    );
    assert!(
        h.query_all_by_label_contains(
            "Since “Published programme theory (Figure 2)”: changed (context"
        )
        .any(|n| n
            .accesskit_node()
            .label()
            .is_some_and(|l| l.starts_with("CMOC 4,")))
    );
    h.get_by_label("Close the version shown beside the diagram")
        .click();
    h.run_steps(3);
    assert!(h.state().beside.is_none());
}

#[test]
fn the_inspector_shows_a_cmocs_status_why_and_the_evidence_that_decided_it() {
    let (_dir, mut h) = common::editor_harness();
    let card = common::cmoc(&h, 13, Polarity::Positive);
    h.state_mut().editor.selection.set_node(card);
    h.get_by_label("Inspector").click();
    h.run_steps(3);
    assert!(h.query_all_by_label("Realist status").count() >= 1);
    assert!(
        h.query_all_by_label("Why").any(|n| n
            .accesskit_node()
            .value()
            .is_some_and(|v| v.starts_with("Supported by the interview data"))),
        "the rationale, in its box"
    );
    let decided = h.get_by_label_contains("Site05_LW01: “And having a lovely big team");
    assert!(
        decided.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True),
        "ticked: it decided the status"
    );
    // Unticking it is an edit of the card, undone by Ctrl+Z.
    decided.click();
    h.run_steps(3);
    let doc = h.state().editor.doc();
    let decided_by = &doc
        .node(card)
        .and_then(|n| n.content.cmoc())
        .expect("card")
        .decided_by;
    assert!(decided_by.is_empty());
    common::press(&mut h, Modifiers::COMMAND, Key::Z);
    let doc = h.state().editor.doc();
    assert_eq!(
        doc.node(card)
            .and_then(|n| n.content.cmoc())
            .expect("card")
            .decided_by,
        ["Site05_LW01"]
    );
}

#[test]
fn file_export_refinement_table_writes_a_word_file_a_reader_can_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("holding-refinement.docx");
    let mut h = harness(
        &dir,
        ScriptedDialogs {
            save_answers: vec![Some(out.clone())],
            ..ScriptedDialogs::default()
        },
    );
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label_contains("Export refinement table…").click();
    h.run_steps(4);
    let status = h.state().editor.status.clone();
    assert!(
        status.contains("27 CMOCs: 20 supported, 1 refined, 6 new."),
        "{status}"
    );
    let word =
        cmoc_canvas::interchange::docx::read_docx_text(&std::fs::read(&out).expect("written"))
            .expect("a Word file");
    let cmoc4 = word.tables[0]
        .iter()
        .find(|row| row[0] == "CMOC 4")
        .expect("CMOC 4's row");
    assert_eq!(cmoc4[1], "refined");
}
