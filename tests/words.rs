//! Counts and words that agree with each other and with what the screen shows (issue 19's
//! "1 arrows", reactions counted as comments, "Step 4 of 16" against "4 / 15", a stale
//! "Match 1 of 1"), and Find coming in close enough to read the card it finds.

mod common;

use cmoc_canvas::interchange::{NotesFormat, workshop_notes};
use cmoc_canvas::model::{Reaction, Target, counted};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn counts_take_the_number_of_their_noun() {
    assert_eq!(counted(1, "arrow", "arrows"), "1 arrow");
    assert_eq!(counted(0, "comment", "comments"), "0 comments");
    assert_eq!(counted(2, "comment", "comments"), "2 comments");
}

#[test]
fn the_notes_number_steps_as_the_room_saw_them() {
    let doc = common::holding();
    let path = doc.workshop().path.clone().expect("the example has a path");
    let shown = path.iter().filter(|s| !s.skip).count();
    assert!(shown < path.len(), "the example skips a step");
    let notes = workshop_notes(&doc, NotesFormat::Markdown);
    assert!(notes.contains(&format!("## Step 1 of {shown}:")), "{notes}");
    assert!(!notes.contains(&format!(" of {}:", path.len())));
    assert!(notes.contains("Skipped step (not shown)"));
}

#[test]
fn a_session_record_counts_reactions_apart_from_comments() {
    let old = common::holding();
    let mut new = old.clone();
    let card = new.cmoc_cards().next().map(|(n, _)| n.id).expect("card");
    let mut editor =
        cmoc_canvas::session::Editor::new(new.clone(), cmoc_canvas::session::Origin::Untitled);
    editor.react(Target::Node(card), "Carers", Reaction::Agrees);
    editor.react(Target::Node(card), "Table 1", Reaction::Disagrees);
    editor.add_comment(Target::Node(card), "Carers", "We were never asked");
    new = editor.doc().clone();
    let lines = cmoc_canvas::model::differences(&old, &new);
    assert!(
        lines.contains(&"Comments: 1 added".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"Reactions: 2 added".to_string()),
        "{lines:?}"
    );
}

#[test]
fn find_comes_in_close_enough_to_read_and_forgets_its_match_when_closed() {
    let (_dir, mut h) = common::editor_harness_sized(egui::vec2(1366.0, 768.0));
    let fitted = h.state().canvas.camera.zoom;
    assert!(
        fitted < 0.5,
        "the example starts fitted, far out ({fitted})"
    );
    common::press(&mut h, Modifiers::COMMAND, Key::F);
    h.event(egui::Event::Text("12".into()));
    h.run_steps(2);
    common::press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.state().editor.status.starts_with("Match 1 of"));
    assert!(
        h.state().canvas.camera.zoom >= 0.74,
        "zoom {} after Find",
        h.state().canvas.camera.zoom
    );
    common::press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(!h.state().find.open);
    assert!(
        !h.state().editor.status.starts_with("Match"),
        "{}",
        h.state().editor.status
    );
}

#[test]
fn export_remembers_its_folder_and_choices_and_the_choosers_name_files_rightly() {
    use cmoc_canvas::app::EditorApp;
    use cmoc_canvas::app::dialogs::{Modal, ScriptedDialogs};
    use cmoc_canvas::session::Action;
    let dir = tempfile::tempdir().expect("temp dir");
    let figures = dir.path().join("figures");
    std::fs::create_dir(&figures).expect("folder");
    let dialogs = ScriptedDialogs {
        save_answers: vec![Some(figures.join("first.svg"))],
        ..ScriptedDialogs::default()
    };
    let app = EditorApp::start(
        None,
        Some(dir.path().join("settings.ron")),
        Box::new(dialogs),
    );
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .build_ui_state(|ui, app: &mut EditorApp| app.ui(ui), app);
    h.run_steps(3);
    h.state_mut().perform(Action::ExportFigure);
    h.run_steps(3);
    h.get_by_label("Title above the figure").click();
    h.run_steps(2);
    h.get_by_label("Export…").click();
    h.run_steps(3);
    assert!(figures.join("first.svg").is_file(), "exported");
    // Next time: the same choices, and the chooser starts in that folder (here the built-in
    // one, as if the system's could not appear).
    h.state_mut().perform(Action::ExportFigure);
    h.run_steps(2);
    let Some(Modal::ExportFigure(dialog)) = h.state().desk.modal.clone() else {
        panic!("the figure dialog opens");
    };
    assert!(dialog.title, "the title setting is kept");
    h.state_mut().desk.dialogs = Box::new(ScriptedDialogs {
        unavailable: Some("no portal".into()),
        ..ScriptedDialogs::default()
    });
    h.get_by_label("Export…").click();
    h.run_steps(3);
    let Some(Modal::PickPath(picker)) = h.state().desk.modal.clone() else {
        panic!("the built-in chooser: {:?}", h.state().desk.modal);
    };
    assert_eq!(picker.path().parent(), Some(figures.as_path()));
    assert_eq!(
        cmoc_canvas::app::figures::FileKind::Table.extensions(),
        &["csv", "tsv", "txt"],
        "Import lists tab-separated and text tables too"
    );
    assert_eq!(
        cmoc_canvas::app::figures::FileKind::NotesMarkdown.filter_name(),
        "Workshop notes (Markdown)"
    );
}
