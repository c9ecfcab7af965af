//! Unsaved work survives a crash: the editor keeps a snapshot aside (never over the file) a
//! moment after edits stop, and the next start offers Recover / Discard / Compare. Frames in
//! these tests are a quarter of a second apart (egui_kittest's default).

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::app::dialogs::{Modal, ScriptedDialogs};
use cmoc_canvas::edit::{Edit, MergeKey};
use cmoc_canvas::file::{load_file, save_file};
use cmoc_canvas::model::{NodeId, Polarity, Target};
use cmoc_canvas::session::Origin;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

fn start(settings: &Path, file: Option<PathBuf>) -> Harness<'static, EditorApp> {
    let app = EditorApp::start(
        file,
        Some(settings.to_path_buf()),
        Box::new(ScriptedDialogs::default()),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut EditorApp| app.ui(ui), app);
    h.run_steps(2);
    h
}

fn card(h: &Harness<'_, EditorApp>, number: u32) -> NodeId {
    h.state()
        .editor
        .doc()
        .find_cmoc(number, Polarity::Positive)
        .map(|n| n.id)
        .expect("card")
}

fn context(h: &Harness<'_, EditorApp>, id: NodeId) -> String {
    h.state()
        .editor
        .doc()
        .node(id)
        .and_then(|n| n.content.cmoc())
        .map(|c| c.context.clone())
        .unwrap_or_default()
}

/// Types into a card's context the way the inspector does (one merged undo step).
fn type_into(h: &mut Harness<'_, EditorApp>, id: NodeId, words: &str) {
    let mut node = h.state().editor.doc().node(id).cloned().expect("node");
    if let Some(c) = node.content.cmoc_mut() {
        c.context.push_str(words);
    }
    h.state_mut().editor.apply_merging(
        Edit::ReplaceNode { node },
        "Edit context",
        MergeKey::node(id, "context"),
    );
}

fn snapshot_files(settings: &Path) -> Vec<PathBuf> {
    let dir = settings.parent().expect("folder").join("recovery");
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_crash_loses_at_most_two_seconds_and_the_next_start_recovers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = dir.path().join("settings.ron");
    let file = dir.path().join("holding.ron");
    save_file(&cmoc_canvas::file::example_document(), &file).expect("the file");
    let on_disk = std::fs::read(&file).expect("read");

    let mut h = start(&settings, Some(file.clone()));
    let twelve = card(&h, 12);
    type_into(&mut h, twelve, " (a carer said: only after weeks)");
    h.run_steps(4); // one second: still typing, perhaps
    h.state().desk.recovery.flush().expect("flush");
    assert!(
        snapshot_files(&settings).is_empty(),
        "not yet: edits paused only 1 s"
    );
    h.run_steps(4); // two seconds after the edit
    h.state().desk.recovery.flush().expect("flush");
    assert_eq!(
        snapshot_files(&settings).len(),
        1,
        "written after the pause"
    );
    assert_eq!(
        std::fs::read(&file).expect("read"),
        on_disk,
        "never over the file"
    );

    // Continuous typing, a keystroke every quarter second: a snapshot at most 2 s behind.
    for i in 0..12 {
        type_into(&mut h, twelve, &format!(" {i}"));
        h.step();
    }
    h.state().desk.recovery.flush().expect("flush");
    let snapshot = std::fs::read_to_string(&snapshot_files(&settings)[0]).expect("snapshot");
    assert!(
        snapshot.contains(" 7"),
        "at most two seconds behind the typing"
    );

    // The editor is killed: no clean end (dropping it is what a kill leaves: an unlocked
    // snapshot).
    drop(h);
    assert_eq!(snapshot_files(&settings).len(), 1);

    let mut h = start(&settings, None);
    assert!(
        matches!(h.state().desk.modal, Some(Modal::Recover { .. })),
        "the next start offers the snapshot"
    );
    h.get_by_label_contains("Recover unsaved changes to holding.ron from");
    h.get_by_label("Compare").click();
    h.run_steps(6);
    h.get_by_label_contains("Changed CMOC 12");
    h.get_by_label("Recover").click();
    h.step();
    h.run_steps(2);
    let twelve = card(&h, 12);
    assert!(
        context(&h, twelve).contains("only after weeks"),
        "the change is back"
    );
    assert!(
        h.state().editor.is_dirty(),
        "recovered work is unsaved work"
    );
    assert_eq!(h.state().editor.origin, Origin::File(file.clone()));
    h.state().desk.recovery.flush().expect("flush");
    assert_eq!(
        snapshot_files(&settings).len(),
        1,
        "the old snapshot is replaced by this editor's own"
    );
    assert!(h.state_mut().save());
    h.run_steps(2);
    h.state().desk.recovery.flush().expect("flush");
    assert!(
        snapshot_files(&settings).is_empty(),
        "saved: nothing to recover"
    );
    let saved = load_file(&file).expect("opens").document;
    let twelve_saved = saved.find_cmoc(12, Polarity::Positive).expect("12");
    assert!(
        twelve_saved
            .content
            .cmoc()
            .is_some_and(|c| c.context.contains("only after weeks"))
    );
}

#[test]
fn discard_removes_the_snapshot_and_a_changed_file_is_warned_about() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = dir.path().join("settings.ron");
    let file = dir.path().join("holding.ron");
    save_file(&cmoc_canvas::file::example_document(), &file).expect("the file");
    let mut h = start(&settings, Some(file.clone()));
    let twelve = card(&h, 12);
    type_into(&mut h, twelve, " lost?");
    h.state_mut().write_snapshot();
    h.state().desk.recovery.flush().expect("flush");
    drop(h);
    // Someone else edits the file meanwhile.
    let mut other = load_file(&file).expect("opens").document;
    let first = other.nodes().next().map(|n| n.id).expect("node");
    Edit::RemoveNode { id: first }
        .apply(&mut other)
        .expect("edit");
    save_file(&other, &file).expect("save elsewhere");

    let mut h = start(&settings, None);
    h.get_by_label_contains("the file on disk has changed since");
    h.get_by_label("Discard").click();
    h.run_steps(2);
    // Back to the start screen the user came to (they have a recent file), not the example.
    assert!(
        matches!(h.state().desk.modal, Some(Modal::Welcome)),
        "{:?}",
        h.state().desk.modal
    );
    assert!(snapshot_files(&settings).is_empty());
    drop(h);
    let h = start(&settings, None);
    assert!(
        !matches!(h.state().desk.modal, Some(Modal::Recover { .. })),
        "discarded means not asked again"
    );
}

#[test]
fn an_untitled_diagram_and_unsent_comments_are_recovered_and_decide_later_keeps_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = dir.path().join("settings.ron");
    let mut h = start(&settings, None);
    h.state_mut().perform(cmoc_canvas::session::Action::New);
    h.run_steps(2);
    h.state_mut()
        .add_node(cmoc_canvas::model::NodeKind::Cmoc, None);
    assert!(h.state().editor.selection.single_node().is_some());
    h.state_mut().side.tab = cmoc_canvas::app::SideTab::Comments;
    h.run_steps(2);
    h.get_by_label("New comment").focus();
    h.run_steps(1);
    h.get_by_label("New comment")
        .type_text("We never heard about this service");
    h.run_steps(12);
    h.state().desk.recovery.flush().expect("flush");
    drop(h);

    // "Decide later" keeps it for the next start.
    let mut h = start(&settings, None);
    h.get_by_label_contains("Recover unsaved changes to the untitled diagram");
    h.get_by_label_contains("1 comment(s) that were being written");
    h.get_by_label("Decide later").click();
    h.run_steps(2);
    assert!(h.state().desk.modal.is_none());
    drop(h);

    let mut h = start(&settings, None);
    h.get_by_label("Recover").click();
    h.run_steps(2);
    assert_eq!(h.state().editor.origin, Origin::Untitled);
    assert_eq!(h.state().editor.doc().node_count(), 1);
    let id = h
        .state()
        .editor
        .doc()
        .nodes()
        .next()
        .map(|n| n.id)
        .expect("card");
    h.state_mut().editor.selection.set_node(id);
    h.state_mut().side.tab = cmoc_canvas::app::SideTab::Comments;
    h.run_steps(2);
    assert!(
        h.query_all_by_value("We never heard about this service")
            .count()
            >= 1
    );
    // Quitting asks, and Save adds the comment before saving.
    let target = dir.path().join("workshop.ron");
    h.state_mut().desk.dialogs = Box::new(ScriptedDialogs {
        open_answers: vec![],
        save_answers: vec![Some(target.clone())],
        unavailable: None,
    });
    h.state_mut().perform(cmoc_canvas::session::Action::Quit);
    h.run_steps(2);
    h.get_by_label_contains("comment(s) are written but not yet added");
    h.get_by_label("Save").click();
    h.run_steps(2);
    assert!(h.state().desk.close_sent);
    let saved = load_file(&target).expect("saved").document;
    let comments: Vec<String> = saved
        .annotations_on(Target::Node(id))
        .map(|a| a.text.clone())
        .collect();
    assert_eq!(
        comments,
        vec!["We never heard about this service".to_string()]
    );
    h.state().desk.recovery.flush().expect("flush");
    assert!(
        snapshot_files(&settings).is_empty(),
        "a clean quit leaves nothing"
    );
}

#[test]
fn when_snapshots_cannot_be_written_the_status_bar_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = dir.path().join("settings.ron");
    // A file where the recovery folder should be: no snapshot can be written there.
    std::fs::write(dir.path().join("recovery"), "in the way").expect("blocker");
    let mut h = start(&settings, None);
    let twelve = card(&h, 12);
    type_into(&mut h, twelve, " words");
    h.run_steps(10);
    let status = h.state().editor.status.clone();
    assert!(
        status.contains("Unsaved work cannot be protected against a crash")
            && status.contains("Save often"),
        "{status}"
    );
}

#[test]
fn quit_and_do_not_save_leaves_nothing_to_recover() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = dir.path().join("settings.ron");
    let file = dir.path().join("holding.ron");
    save_file(&cmoc_canvas::file::example_document(), &file).expect("the file");
    let mut h = start(&settings, Some(file));
    let twelve = card(&h, 12);
    type_into(&mut h, twelve, " thrown away");
    h.state_mut().write_snapshot();
    h.state().desk.recovery.flush().expect("flush");
    assert_eq!(snapshot_files(&settings).len(), 1);
    h.state_mut().perform(cmoc_canvas::session::Action::Quit);
    h.run_steps(2);
    assert!(
        matches!(h.state().desk.modal, Some(Modal::Unsaved(_))),
        "{:?}",
        h.state().desk.modal
    );
    h.get_by_label("Don't save").click();
    // Frames go on being drawn until the window closes: none may write a snapshot.
    h.run_steps(6);
    assert!(h.state().desk.close_sent);
    drop(h);
    assert!(
        snapshot_files(&settings).is_empty(),
        "the discarded changes were kept: {:?}",
        snapshot_files(&settings)
    );
    let h = start(&settings, None);
    assert!(!matches!(h.state().desk.modal, Some(Modal::Recover { .. })));
}

#[cfg(unix)]
#[test]
fn snapshots_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = dir.path().join("settings.ron");
    let mut h = start(&settings, None);
    let twelve = card(&h, 12);
    type_into(&mut h, twelve, " a workshop's words");
    h.state_mut().write_snapshot();
    h.state().desk.recovery.flush().expect("flush");
    let folder = dir.path().join("recovery");
    let mode = |p: &Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode(&folder), 0o700, "the recovery folder");
    let files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(!files.is_empty());
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

#[test]
fn comments_waiting_from_phones_survive_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = dir.path().join("settings.ron");
    let mut h = start(&settings, None);
    let four = card(&h, 4);
    let taken = h.state_mut().editor.take_from_room(
        vec![cmoc_canvas::room::RoomEvent::Comment {
            phone: cmoc_canvas::room::Phone("phone 2 · room 00ab".into()),
            card: four,
            text: "Nobody rang us back".into(),
            group: "Carers".into(),
        }],
        false,
    );
    assert_eq!(taken.queued, 1);
    h.run_steps(12);
    h.state().desk.recovery.flush().expect("flush");
    // Killed: the next start offers it, and the comment waits again.
    drop(h);
    let mut h = start(&settings, None);
    h.get_by_label_contains("1 comment(s) from phones waiting to be accepted");
    h.get_by_label("Recover").click();
    h.run_steps(2);
    let waiting = h.state().editor.phone_comments().to_vec();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].text, "Nobody rang us back");
    assert_eq!(waiting[0].group, "Carers");
    assert_eq!(waiting[0].card, four);
}
