//! Without a desktop file-dialog service, Open, Save As, Export and Import do not silently do
//! nothing: the editor says what is missing and offers its own chooser.

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::app::dialogs::{Modal, ScriptedDialogs};
use cmoc_canvas::file::load_file;
use cmoc_canvas::session::{Action, Origin};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const WHY: &str = "This desktop has no file-dialog service (test).";

fn harness(dir: &std::path::Path) -> Harness<'static, EditorApp> {
    let dialogs = ScriptedDialogs {
        unavailable: Some(WHY.into()),
        ..ScriptedDialogs::default()
    };
    let app = EditorApp::start(None, Some(dir.join("settings.ron")), Box::new(dialogs));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut EditorApp| app.ui(ui), app);
    h.run_steps(3);
    h
}

fn picker_open(h: &Harness<'_, EditorApp>) -> bool {
    matches!(h.state().desk.modal, Some(Modal::PickPath(_)))
}

/// Types into the chooser's folder and name fields, then presses its button.
fn choose(h: &mut Harness<'_, EditorApp>, folder: &std::path::Path, name: &str, button: &str) {
    assert!(picker_open(h), "the built-in chooser is shown");
    h.get_by_label_contains(WHY);
    if let Some(Modal::PickPath(picker)) = &mut h.state_mut().desk.modal {
        picker.folder = folder.display().to_string();
    }
    h.run_steps(2);
    let field = h.get_by_label("File name");
    field.focus();
    h.run_steps(1);
    h.get_by_label("File name").type_text(name);
    h.run_steps(2);
    h.get_by_label(button).click();
    h.run_steps(3);
}

#[test]
fn save_as_export_and_open_go_through_the_built_in_chooser() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    // Save As: the example gets a name.
    h.state_mut().perform(Action::SaveAs);
    h.run_steps(2);
    if let Some(Modal::PickPath(picker)) = &mut h.state_mut().desk.modal {
        picker.name.clear();
    }
    choose(&mut h, dir.path(), "my theory", "Save");
    let saved = dir.path().join("my theory.cmoc.ron");
    assert!(
        saved.is_file(),
        "the extension (.cmoc.ron, still RON) is added and the file written"
    );
    assert_eq!(h.state().editor.origin, Origin::File(saved.clone()));
    assert!(!h.state().editor.is_dirty());

    // Export the table.
    h.state_mut().desk.modal = Some(Modal::ExportTable);
    h.run_steps(2);
    h.get_by_label("CSV…").click();
    h.run_steps(2);
    if let Some(Modal::PickPath(picker)) = &mut h.state_mut().desk.modal {
        picker.name.clear();
    }
    choose(&mut h, dir.path(), "table.csv", "Save");
    assert!(dir.path().join("table.csv").is_file());

    // Open: the file is listed in the folder; clicking it fills the name.
    h.state_mut().perform(Action::New);
    h.run_steps(2);
    h.state_mut().perform(Action::Open);
    h.run_steps(2);
    if let Some(Modal::PickPath(picker)) = &mut h.state_mut().desk.modal {
        picker.folder = dir.path().display().to_string();
    }
    h.run_steps(2);
    h.get_by_label("my theory.cmoc.ron").click();
    h.run_steps(2);
    h.get_by_label("Open").click();
    h.run_steps(3);
    assert_eq!(h.state().editor.origin, Origin::File(saved.clone()));
    assert_eq!(
        h.state().editor.doc().node_count(),
        load_file(&saved).expect("opens").document.node_count()
    );
}

#[test]
fn quitting_with_save_through_the_chooser_saves_and_then_quits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    h.state_mut()
        .add_node(cmoc_canvas::model::NodeKind::Note, None);
    h.run_steps(1);
    h.state_mut().perform(Action::Quit);
    h.run_steps(2);
    h.get_by_label("Save").click();
    h.run_steps(2);
    if let Some(Modal::PickPath(picker)) = &mut h.state_mut().desk.modal {
        picker.name.clear();
    }
    choose(&mut h, dir.path(), "before quitting.ron", "Save");
    assert!(dir.path().join("before quitting.ron").is_file());
    assert!(h.state().desk.close_sent, "the quit goes on once saved");
}

#[test]
fn a_file_that_is_not_there_cannot_be_opened_and_cancel_does_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    h.state_mut().perform(Action::Open);
    h.run_steps(2);
    choose(&mut h, dir.path(), "missing.ron", "Open");
    assert!(
        picker_open(&h),
        "Open is not possible for a file that is not there"
    );
    h.get_by_label_contains("There is no file");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().desk.modal.is_none());
}
