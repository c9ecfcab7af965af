//! Every character typed before focus moves reaches the document, at any frame rate: the text
//! events and the click that moves focus arrive in the same frame (a slow machine) or in
//! consecutive frames (a fast one). Inspector fields, table cells, in-place editing and the
//! comment box.

mod common;

use cmoc_canvas::app::EditorApp;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn click_events(pos: Pos2) -> Vec<Event> {
    vec![
        Event::PointerMoved(pos),
        Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        },
        Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        },
    ]
}

/// Types `text` and clicks at `pos`, all queued for one frame or the click one frame later.
fn type_then_click(h: &mut Harness<'_, EditorApp>, text: &str, pos: Pos2, same_frame: bool) {
    for c in text.chars() {
        h.event(Event::Text(c.to_string()));
    }
    if !same_frame {
        h.step();
    }
    for e in click_events(pos) {
        h.event(e);
    }
    h.run_steps(4);
}

fn select_first_card(h: &mut Harness<'_, EditorApp>) -> cmoc_canvas::model::NodeId {
    let id = h
        .state()
        .editor
        .doc()
        .cmoc_cards()
        .next()
        .map(|(n, _)| n.id)
        .expect("the example has cards");
    h.state_mut().editor.selection.set_node(id);
    h.state_mut().side.tab = cmoc_canvas::app::SideTab::Inspector;
    h.run_steps(3);
    id
}

fn card_text(h: &Harness<'_, EditorApp>, id: cmoc_canvas::model::NodeId) -> (String, String) {
    let card = h
        .state()
        .editor
        .doc()
        .node(id)
        .and_then(|n| n.content.cmoc())
        .cloned()
        .expect("card");
    (card.title, card.context)
}

fn inspector_title_then_context(same_frame: bool) {
    let (_dir, mut h) = common::editor_harness();
    let id = select_first_card(&mut h);
    let (title0, context0) = card_text(&h, id);
    h.get_by_label("Title").focus();
    h.run_steps(2);
    let context_field = h.get_by_label("Context (C)").rect().center();
    type_then_click(&mut h, " quickly typed", context_field, same_frame);
    let title_field = h.get_by_label("Title").rect().center();
    type_then_click(&mut h, " and more", title_field, same_frame);
    // Then a click on the canvas, which selects something else or nothing.
    h.get_by_label("Title").focus();
    h.run_steps(2);
    let canvas = h.state().canvas.rect.center();
    type_then_click(&mut h, ", last words", canvas, same_frame);
    let (title, context) = card_text(&h, id);
    assert!(title.contains(" quickly typed"), "{title0} → {title}");
    assert!(title.contains(", last words"), "{title0} → {title}");
    assert!(context.contains(" and more"), "{context0} → {context}");
}

#[test]
fn inspector_keeps_text_typed_in_the_frame_of_the_click() {
    inspector_title_then_context(true);
}

#[test]
fn inspector_keeps_text_typed_the_frame_before_the_click() {
    inspector_title_then_context(false);
}

fn cmoc_text(h: &Harness<'_, EditorApp>, number: u32) -> (String, String) {
    let card = h
        .state()
        .editor
        .doc()
        .find_cmoc(number, cmoc_canvas::model::Polarity::Positive)
        .and_then(|n| n.content.cmoc())
        .cloned()
        .expect("card");
    (card.context, card.mechanism)
}

fn table_cells(same_frame: bool) {
    let (_dir, mut h) = common::editor_harness();
    h.state_mut().show_table = true;
    h.run_steps(3);
    h.get_by_label("CMOC 1 context").focus();
    h.run_steps(2);
    let mechanism = h.get_by_label("CMOC 1 mechanism").rect().center();
    type_then_click(&mut h, " typed in a cell", mechanism, same_frame);
    let context_cell = h.get_by_label("CMOC 1 context").rect().center();
    type_then_click(&mut h, " then here", context_cell, same_frame);
    let (context, mechanism) = cmoc_text(&h, 1);
    assert!(context.ends_with(" typed in a cell"), "{context}");
    assert!(mechanism.contains(" then here"), "{mechanism}");
}

#[test]
fn table_cells_keep_text_typed_in_the_frame_of_the_click() {
    table_cells(true);
}

#[test]
fn table_cells_keep_text_typed_the_frame_before_the_click() {
    table_cells(false);
}

fn in_place(same_frame: bool) {
    let (_dir, mut h) = common::editor_harness();
    let twelve = h
        .state()
        .editor
        .doc()
        .find_cmoc(12, cmoc_canvas::model::Polarity::Positive)
        .map(|n| n.id)
        .expect("CMOC 12");
    h.state_mut().editor.selection.set_node(twelve);
    h.run_steps(2);
    // Zoom to 100% on the card so its text is drawn, then F2 edits its context in place.
    h.state_mut()
        .perform(cmoc_canvas::session::Action::FitSelection);
    h.run_steps(3);
    // A click on the card (centred by the fit) gives the canvas the keyboard.
    let centre = h.state().canvas.rect.center();
    h.hover_at(centre);
    h.step();
    for e in click_events(centre) {
        h.event(e);
        h.step();
    }
    h.run_steps(3);
    assert_eq!(h.state().editor.selection.single_node(), Some(twelve));
    h.key_press(egui::Key::F2);
    h.run_steps(3);
    assert!(h.state().canvas.inline_edit.is_some(), "F2 edits in place");
    // Click empty canvas: ends the in-place edit.
    let canvas = h.state().canvas.rect;
    let empty = canvas.left_top() + egui::vec2(20.0, 20.0);
    type_then_click(&mut h, " said in the room", empty, same_frame);
    assert!(h.state().canvas.inline_edit.is_none());
    let (context, _) = cmoc_text(&h, 12);
    assert!(context.ends_with(" said in the room"), "{context}");
}

#[test]
fn in_place_editing_keeps_text_typed_in_the_frame_of_the_click() {
    in_place(true);
}

#[test]
fn in_place_editing_keeps_text_typed_the_frame_before_the_click() {
    in_place(false);
}

fn comment_box(same_frame: bool) {
    let (_dir, mut h) = common::editor_harness();
    let id = select_first_card(&mut h);
    h.state_mut().side.tab = cmoc_canvas::app::SideTab::Comments;
    h.run_steps(3);
    h.get_by_label("New comment").focus();
    h.run_steps(2);
    let add = h.get_by_label("Add comment").rect().center();
    type_then_click(&mut h, "Trust takes time to build", add, same_frame);
    let texts: Vec<String> = h
        .state()
        .editor
        .doc()
        .annotations_on(cmoc_canvas::model::Target::Node(id))
        .map(|a| a.text.clone())
        .collect();
    assert_eq!(texts, vec!["Trust takes time to build".to_string()]);
}

#[test]
fn comment_box_keeps_text_typed_in_the_frame_of_the_click() {
    comment_box(true);
}

#[test]
fn comment_box_keeps_text_typed_the_frame_before_the_click() {
    comment_box(false);
}
