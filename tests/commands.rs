//! Commands without a mouse: the command palette runs any command by words, Find steps
//! through matching cards, and Edit → Paste asks the platform for the clipboard.

mod common;

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::model::Polarity;
use egui::{Key, Modifiers, ViewportCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use common::cmoc as card;

#[test]
fn the_palette_runs_a_command_found_by_words_with_the_keyboard_alone() {
    let (_dir, mut h) = common::editor_harness();
    assert!(!h.state().show_table);
    common::press(&mut h, Modifiers::COMMAND, Key::K);
    assert!(h.state().palette.is_some(), "Ctrl+K opens the palette");
    h.get_by_label("Command to run").type_text("cmoc table");
    h.run_steps(3);
    common::press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.state().show_table, "Enter ran \"CMOC table\"");
    assert!(h.state().palette.is_none(), "and closed the palette");

    // Ctrl+Shift+P opens it too; arrow keys choose; Esc closes without running anything.
    common::press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    assert!(h.state().palette.is_some());
    h.get_by_label("Command to run").type_text("zoom");
    h.run_steps(3);
    common::press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(h.state().palette.as_ref().map(|p| p.chosen), Some(1));
    common::press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.state().palette.is_none());
    assert!(h.state().show_table, "nothing else ran");
}

#[test]
fn the_palette_lists_every_command_and_scrolls_to_the_one_chosen() {
    let (_dir, mut h) = common::editor_harness();
    common::press(&mut h, Modifiers::COMMAND, Key::K);
    h.run_steps(2);
    let all = cmoc_canvas::session::Action::all().count();
    let under = h.get_by_label("Command to run").rect().bottom();
    let listed = cmoc_canvas::session::Action::all()
        .filter(|a| {
            h.query_all_by_label(a.name())
                .any(|n| n.rect().top() > under)
        })
        .count();
    assert_eq!(
        listed, all,
        "every command is in the list (it was cut at 12)"
    );
    // Twenty rows down with the arrow keys: the chosen row is scrolled into the list's view.
    for _ in 0..20 {
        common::press(&mut h, Modifiers::NONE, Key::ArrowDown);
    }
    h.run_steps(3);
    let chosen = h.state().palette.as_ref().map(|p| p.chosen);
    assert_eq!(chosen, Some(20));
    let name = cmoc_canvas::app::palette_matching("")[20].name();
    let field = h.get_by_label("Command to run").rect();
    // The toolbar may have a button of the same name: the palette's row is under its field.
    let row = h
        .query_all_by_label(name)
        .map(|n| n.rect())
        .find(|r| r.top() > field.bottom())
        .expect("the chosen row is listed");
    // The list shows 12 rows under the field: unscrolled, row 21 would be 21 rows and more
    // (spacing between rows) down; scrolled to, it is the last row shown.
    assert!(
        row.top() > field.bottom() && row.bottom() <= field.bottom() + 16.0 * row.height(),
        "the chosen row {row:?} is in the list's view, under the field {field:?}"
    );
}

#[test]
fn find_lights_up_matches_and_steps_through_them() {
    let (_dir, mut h) = common::editor_harness();
    common::press(&mut h, Modifiers::COMMAND, Key::F);
    assert!(h.state().find.open, "Ctrl+F opens the find bar");
    h.get_by_label("Find cards").type_text("-ve 22");
    h.run_steps(3);
    let negative = card(&h, 22, Polarity::Negative);
    assert_eq!(h.state().find.find.matches, vec![negative]);
    assert_eq!(
        h.state().canvas.matches,
        vec![negative],
        "lit up on the canvas"
    );
    common::press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().editor.selection.single_node(), Some(negative));

    // A number finds both polarities; F3 and Shift+F3 cycle and the camera follows.
    h.state_mut().find.find.text = "10".into();
    h.run_steps(3);
    let both = [
        card(&h, 10, Polarity::Positive),
        card(&h, 10, Polarity::Negative),
    ];
    assert_eq!(h.state().find.find.matches.len(), 2);
    assert!(
        both.iter()
            .all(|id| h.state().find.find.matches.contains(id))
    );
    common::press(&mut h, Modifiers::NONE, Key::F3);
    let first = h.state().editor.selection.single_node().expect("selected");
    common::press(&mut h, Modifiers::NONE, Key::F3);
    let second = h.state().editor.selection.single_node().expect("selected");
    assert_ne!(first, second);
    let canvas = h.state().canvas.rect;
    let on_screen = h
        .state()
        .canvas
        .hits
        .visible_nodes
        .iter()
        .any(|(id, r)| *id == second && canvas.contains(r.center()));
    assert!(on_screen, "the camera brought the match into view");
    common::press(&mut h, Modifiers::SHIFT, Key::F3);
    assert_eq!(h.state().editor.selection.single_node(), Some(first));

    // Words: every word must appear somewhere in the card.
    h.state_mut().find.find.text = "unburdened manageable".into();
    h.run_steps(3);
    assert_eq!(
        h.state().find.find.matches,
        vec![card(&h, 1, Polarity::Positive)]
    );
    h.get_by_label("Find cards").focus();
    h.run_steps(2);
    common::press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(!h.state().find.open, "Esc closes the find bar");
    assert!(h.state().canvas.matches.is_empty(), "nothing stays lit");
}

#[test]
fn paste_from_the_edit_menu_asks_for_the_clipboard_and_pastes_what_arrives() {
    let (_dir, mut h) = common::editor_harness();
    let thirteen = card(&h, 13, Polarity::Positive);
    h.state_mut().editor.selection.set_node(thirteen);
    let copied = h
        .state()
        .editor
        .copy_selection()
        .expect("a selected card copies");
    let before = h.state().editor.doc().node_count();
    h.get_by_label("Edit").click();
    h.run_steps(2);
    h.get_by_label_contains("Paste").click();
    h.step();
    let asked = h
        .output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&ViewportCommand::RequestPaste));
    assert!(asked, "the menu asks the platform for the clipboard");
    // The platform answers with the clipboard's text as a Paste event.
    h.event(egui::Event::Paste(copied));
    h.run_steps(3);
    assert_eq!(h.state().editor.doc().node_count(), before + 1, "pasted");
}

#[test]
fn the_palette_shows_align_left_greyed_with_its_reason_until_two_cards_are_selected() {
    let (_dir, mut h) = common::editor_harness();
    h.state_mut().editor.selection.clear();
    h.run_steps(2);
    common::press(&mut h, Modifiers::COMMAND, Key::K);
    h.get_by_label("Command to run").type_text("align left");
    h.run_steps(3);
    let reason = "Select two or more cards to align them";
    {
        let row = h.get_by_label("Align left edges");
        assert!(row.accesskit_node().is_disabled(), "greyed, not hidden");
        assert_eq!(row.accesskit_node().description().as_deref(), Some(reason));
    }
    // Enter on it runs nothing: the palette stays, with the reason, and the keyboard stays
    // in its field.
    common::press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.state().palette.is_some());
    assert!(h.get_by_label("Command to run").is_focused());
    common::press(&mut h, Modifiers::NONE, Key::Escape);

    // Two cards selected: the same row is live and lines their left edges up.
    let (a, b) = (
        card(&h, 10, Polarity::Positive),
        card(&h, 22, Polarity::Negative),
    );
    let left_of =
        |h: &Harness<'_, EditorApp>, id| h.state().editor.doc().node(id).map(|n| n.position.x);
    assert_ne!(left_of(&h, a), left_of(&h, b));
    h.state_mut().editor.selection.nodes = [a, b].into_iter().collect();
    h.run_steps(2);
    common::press(&mut h, Modifiers::COMMAND, Key::K);
    h.get_by_label("Command to run").type_text("align left");
    h.run_steps(3);
    assert!(
        !h.get_by_label("Align left edges")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label("Align left edges").click();
    h.run_steps(3);
    assert!(h.state().palette.is_none());
    assert_eq!(left_of(&h, a), left_of(&h, b), "aligned");
}

#[test]
fn help_how_to_read_has_its_own_window_not_an_error_box() {
    use cmoc_canvas::app::dialogs::Modal;
    let (_dir, mut h) = common::editor_harness();
    h.state_mut()
        .perform(cmoc_canvas::session::Action::HowToRead);
    h.run_steps(3);
    assert_eq!(h.state().desk.modal, Some(Modal::HowToRead));
    assert!(h.query_by_label("How to read a programme theory").is_some());
    assert!(h.query_by_label("OK").is_none(), "not shown as an error");
    h.get_by_label("Close").click();
    h.run_steps(3);
    assert_eq!(h.state().desk.modal, None);
}

#[test]
fn copy_and_cut_keys_with_nothing_selected_say_the_actions_reason() {
    let (_dir, mut h) = common::editor_harness();
    h.state_mut().editor.selection.clear();
    h.run_steps(2);
    for (event, reason) in [
        (
            egui::Event::Copy,
            "Select one or more cards or nodes to copy them",
        ),
        (
            egui::Event::Cut,
            "Select one or more cards or nodes to cut them",
        ),
    ] {
        h.event(event);
        h.run_steps(2);
        assert_eq!(h.state().editor.status, reason);
    }
}
