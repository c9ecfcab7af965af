//! The canvas as a screen reader and a keyboard user meet it: every card of the example is an
//! object named with its number, polarity and C / M / O; arrows name both ends; Tab walks the
//! diagram in reading order; Enter opens the inspector; arrow keys move; F2 edits in place.

mod common;

use cmoc_canvas::app::{EditorApp, SideTab};
use cmoc_canvas::model::{NodeKind, Polarity};
use egui::{Key, Modifiers, Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn every_card_of_the_example_is_read_by_number_polarity_and_text() {
    let (_dir, h) = common::editor_harness();
    let cards: Vec<(u32, Polarity, String)> = h
        .state()
        .editor
        .doc()
        .cmoc_cards()
        .map(|(_, c)| (c.number, c.polarity, c.context.clone()))
        .collect();
    assert_eq!(cards.len(), 27);
    for (number, polarity, context) in cards {
        let words = match polarity {
            Polarity::Positive => format!("CMOC {number}, positive (activated)."),
            Polarity::Negative => format!("CMOC {number}, negative (not activated)."),
        };
        let node = h.get_by_label_contains(&words);
        let name = node.accesskit_node().label().unwrap_or_default();
        let first_words: String = context
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            name.contains(&format!("Context: {first_words}")),
            "{words} is read with its context: {name}"
        );
        assert!(
            name.contains("Mechanism: ") && name.contains("Outcome: "),
            "{name}"
        );
    }
    // The condition and the outcomes are there too, and arrows name both ends and the branch.
    h.get_by_label_contains("Condition (IF).");
    assert!(h.query_all_by_label_contains("Outcome.").count() >= 5);
    assert_eq!(
        h.query_all_by_label_contains("Arrow from the condition “IF")
            .count(),
        2
    );
    h.get_by_label_contains(
        "to region “Negative pathway: holding not recognised or not supported”, no branch",
    );
    assert!(
        h.query_all_by_label_contains("Arrow from -ve CMOC 10 to ")
            .count()
            >= 1
    );
}

#[test]
fn tab_walks_the_diagram_in_reading_order_and_enter_opens_the_inspector() {
    let (_dir, mut h) = common::editor_harness();
    // Click empty canvas (far right of the diagram) to give the canvas the keyboard.
    let canvas = h.state().canvas.rect;
    let empty = canvas.right_bottom() - vec2(60.0, 60.0);
    h.hover_at(empty);
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: empty,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run_steps(2);
    common::press(&mut h, Modifiers::NONE, Key::Tab);
    let first = h.state().canvas.focused.expect("Tab focuses a node");
    let kind = |h: &Harness<'_, EditorApp>, id| h.state().editor.doc().node(id).map(|n| n.kind());
    assert_eq!(
        kind(&h, first),
        Some(NodeKind::Condition),
        "the IF comes first"
    );
    let focused_name = h
        .query_all_by_role(Role::Button)
        .find(|n| n.accesskit_node().is_focused())
        .and_then(|n| n.accesskit_node().label());
    assert!(
        focused_name.is_some_and(|n| n.starts_with("Condition (IF).")),
        "the screen reader is told which node has focus"
    );
    // The yes pathway follows: CMOC 22 (positive) before any negative card.
    common::press(&mut h, Modifiers::NONE, Key::Tab);
    let second = h.state().canvas.focused.expect("focus moved");
    let card = h
        .state()
        .editor
        .doc()
        .node(second)
        .and_then(|n| n.content.cmoc().map(|c| (c.number, c.polarity)));
    assert_eq!(card, Some((22, Polarity::Positive)), "yes pathway first");
    common::press(&mut h, Modifiers::SHIFT, Key::Tab);
    assert_eq!(h.state().canvas.focused, Some(first), "Shift+Tab goes back");

    // Enter opens the focused node in the inspector.
    common::press(&mut h, Modifiers::NONE, Key::Tab);
    h.state_mut().side.tab = SideTab::Comments;
    common::press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().editor.selection.single_node(), Some(second));
    assert_eq!(h.state().side.tab, SideTab::Inspector);

    // Arrow keys move the selection; Shift moves ten times as far; one undo each.
    let at = |h: &Harness<'_, EditorApp>| {
        h.state()
            .editor
            .doc()
            .node(second)
            .map(|n| n.position)
            .expect("card")
    };
    let start = at(&h);
    common::press(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(at(&h).x, start.x + 10.0);
    common::press(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    assert_eq!(at(&h).y, start.y + 100.0);
    common::press(&mut h, Modifiers::COMMAND, Key::Z);
    common::press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(at(&h), start);

    // F2 edits the focused card's text in place.
    common::press(&mut h, Modifiers::NONE, Key::F2);
    let editing = h.state().canvas.inline_edit.as_ref().map(|e| e.node);
    assert_eq!(editing, Some(second));
}
