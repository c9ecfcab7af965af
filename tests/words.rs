//! Counts and words that agree with each other and with what the screen shows (issue 19's
//! "1 arrows", reactions counted as comments, "Step 4 of 16" against "4 / 15", a stale
//! "Match 1 of 1"), and Find coming in close enough to read the card it finds.

mod common;

use cmoc_canvas::interchange::{NotesFormat, workshop_notes};
use cmoc_canvas::model::{Reaction, Target, counted};
use egui::{Key, Modifiers};

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
    let mut editor = cmoc_canvas::app::Editor::new(new.clone(), cmoc_canvas::app::Origin::Untitled);
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
