//! The Versions tab in the window, as a researcher uses it: File → Save version…, type a name,
//! Enter; change the diagram; Restore; Ctrl+Z.

mod common;

use cmoc_canvas::model::{Point, Polarity};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn save_a_version_from_the_file_menu_change_a_card_restore_it_and_undo() {
    let (_dir, mut h) = common::editor_harness();
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label_contains("Save version…").click();
    h.run_steps(3);
    // The name box has the cursor: a name typed goes in, Enter saves.
    assert!(h.get_by_label("Version name").is_focused());
    h.get_by_label("Version name").type_text("After workshop 1");
    h.run_steps(2);
    common::press(&mut h, Modifiers::NONE, Key::Enter);
    // The example ships with two versions; this is the third.
    let versions = h.state().editor.doc().versions();
    assert_eq!(versions.len(), 3, "{}", h.state().editor.status);
    assert_eq!(versions[2].name, "After workshop 1");
    // Listed; the diagram is that version, so restoring it is greyed.
    assert!(
        h.get_by_label("Restore After workshop 1")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        h.query_by_label("The diagram is this version now.")
            .is_some()
    );

    // Refine the theory: CMOC 10 moves.
    let card = common::cmoc(&h, 10, Polarity::Positive);
    h.state_mut().editor.change_node(card, "position", |n| {
        n.position = Point::new(n.position.x + 500.0, n.position.y);
    });
    h.run_steps(3);
    assert!(
        h.query_by_label("The diagram is this version now.")
            .is_none()
    );
    h.get_by_label("Restore After workshop 1").click();
    h.run_steps(3);
    let doc = h.state().editor.doc();
    assert!(
        doc.versions()[2].matches(doc),
        "{}",
        h.state().editor.status
    );
    assert!(h.state().editor.status.starts_with("Restored"));

    // One Ctrl+Z brings the refined diagram back.
    common::press(&mut h, Modifiers::COMMAND, Key::Z);
    let doc = h.state().editor.doc();
    assert!(!doc.versions()[2].matches(doc));
    assert_eq!(doc.versions().len(), 3, "the version itself stays");
}
