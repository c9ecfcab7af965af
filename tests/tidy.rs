//! Arrange → Tidy in the editor never freezes it: the five linked cards that hung the old
//! layout for ever are laid out at once, and a large diagram is laid out on its own thread
//! with a box that says so, which Esc closes leaving the diagram as it was.

mod common;

use cmoc_canvas::edit::linked_diagram;
use cmoc_canvas::model::{Document, NodeId, Point};
use cmoc_canvas::session::{Action, Editor, Origin};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::collections::BTreeMap;

fn positions(doc: &Document) -> BTreeMap<NodeId, Point> {
    doc.nodes().map(|n| (n.id, n.position)).collect()
}

#[test]
fn five_cards_whose_arrows_form_cycles_are_tidied_at_once() {
    let (_dir, mut h) = common::editor_harness();
    // 1→2,3,4; 2→1,4; 3→1,4; 4→1; 5→2,3: the table that hung Tidy for ever.
    let mut builder = cmoc_canvas::edit::DiagramBuilder::new("cycles");
    let ids: Vec<NodeId> = (1..=5)
        .map(|i| {
            builder.cmoc(
                cmoc_canvas::model::CmocCard::new(i, "c", "m", "o"),
                Point::new(i as f32 * 10.0, 0.0),
                None,
            )
        })
        .collect();
    for (a, b) in [
        (0, 1),
        (0, 2),
        (0, 3),
        (1, 0),
        (1, 3),
        (2, 0),
        (2, 3),
        (3, 0),
        (4, 1),
        (4, 2),
    ] {
        builder.connect(ids[a], ids[b]);
    }
    h.state_mut().editor = Editor::new(builder.finish(), Origin::Untitled);
    h.run_steps(2);
    let before = positions(h.state().editor.doc());
    h.state_mut().perform(Action::Tidy);
    h.run_steps(2);
    assert!(!h.state().tidy.running(), "five cards take no time");
    assert_ne!(positions(h.state().editor.doc()), before);
    common::press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(positions(h.state().editor.doc()), before, "one undo step");
}

#[test]
fn a_long_tidy_shows_that_it_works_and_esc_stops_it() {
    let (_dir, mut h) = common::editor_harness();
    h.state_mut().editor = Editor::new(linked_diagram(2_000, 3, 11), Origin::Untitled);
    h.run_steps(2);
    let before = positions(h.state().editor.doc());
    h.state_mut().perform(Action::Tidy);
    h.run_steps(2);
    if h.state().tidy.running() {
        // The window is live, says what it is doing, and Esc stops it.
        h.get_by_label_contains("Laying out 2000 nodes");
        common::press(&mut h, Modifiers::NONE, Key::Escape);
        assert!(!h.state().tidy.running());
        assert_eq!(positions(h.state().editor.doc()), before, "unchanged");
        assert!(h.state().editor.status.contains("stopped"));
    }
    // Run again and let it finish: the layout arrives and is one undo step.
    h.state_mut().perform(Action::Tidy);
    let started = std::time::Instant::now();
    while h.state().tidy.running() && started.elapsed() < std::time::Duration::from_secs(120) {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run_steps(1);
    }
    assert!(!h.state().tidy.running(), "finished within two minutes");
    assert_ne!(positions(h.state().editor.doc()), before);
    common::press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(positions(h.state().editor.doc()), before);
}
