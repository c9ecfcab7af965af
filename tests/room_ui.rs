//! The room in the window (kittest): joining on from the strip's key, the join card and the
//! caption naming the address and code, a phone's reaction counted on the card, its comment
//! waiting in the facilitator's window and accepted there with the mouse, and joining ending
//! when presenting ends — the phones told, the port let go.

mod common;
#[path = "room/http.rs"]
mod http;

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::model::Target;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn press(h: &mut Harness<'_, EditorApp>, key: Key) {
    common::press(h, egui::Modifiers::NONE, key);
}

/// Runs frames until `done` or two seconds pass (the server answers on its own thread).
fn until(h: &mut Harness<'_, EditorApp>, done: impl Fn(&EditorApp) -> bool) {
    for _ in 0..200 {
        h.run_steps(1);
        if done(h.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn a_phone_joins_the_presentation_and_its_comment_is_accepted_in_the_facilitators_window() {
    let (_dir, mut h) = common::editor_harness_sized(egui::vec2(1920.0, 1080.0));
    h.state_mut().settings.groups = vec!["Carers".into(), "Parents".into()];
    press(&mut h, Key::F5);
    press(&mut h, Key::J);
    let (port, code) = {
        let room = h.state().room.as_ref().expect("the room can join");
        (room.port(), room.code().to_string())
    };
    h.get_by_label("Join on your phone");
    h.get_by_label_contains(&format!("code {} {}", &code[..3], &code[3..]));

    // To the first card: the phones follow, the join card makes way.
    press(&mut h, Key::ArrowRight);
    let card = h
        .state()
        .present
        .as_ref()
        .and_then(|p| p.node())
        .expect("a card");
    let token = http::join(port, &code);
    until(&mut h, |app| {
        app.room.as_ref().is_some_and(|r| r.devices() == 1)
    });
    // The caption keeps the address and code for latecomers, with the count.
    h.get_by_label_contains(&format!("code {} {} · 1 phone", &code[..3], &code[3..]));
    assert!(
        !h.query_all_by_label_contains("1 phone")
            .collect::<Vec<_>>()
            .is_empty()
    );
    let step = http::get(port, &format!("/step?token={token}")).json();
    assert_eq!(step["card"], card.0);

    let reacted = http::post(
        port,
        "/react",
        &serde_json::json!({ "token": token, "card": card.0, "reaction": "not-sure", "group": "Parents" }),
    );
    assert_eq!(reacted.status, 200);
    let sent = http::post(
        port,
        "/comment",
        &serde_json::json!({ "token": token, "card": card.0, "text": "Not for us: nobody told the managers.", "group": "Parents" }),
    );
    assert_eq!(sent.status, 200);
    until(&mut h, |app| !app.editor.phone_comments().is_empty());
    // The reaction is counted on the card at once; the comment waits.
    assert_eq!(
        h.state().editor.doc().reaction_counts(Target::Node(card)),
        [0, 1, 0]
    );
    h.get_by_label_contains("1 comment waiting from phones");

    // The facilitator's window lists it; Accept puts it on the card, signed by the group.
    press(&mut h, Key::F);
    h.get_by_label_contains("Parents on ");
    h.get_by_label_contains(": Not for us: nobody told the managers.");
    h.get_by_label("Accept").click();
    h.run_steps(3);
    assert!(h.state().editor.phone_comments().is_empty());
    let on_card: Vec<_> = h
        .state()
        .editor
        .doc()
        .annotations_on(Target::Node(card))
        .filter(|a| a.text == "Not for us: nobody told the managers.")
        .cloned()
        .collect();
    assert_eq!(on_card.len(), 1);
    assert_eq!(on_card[0].author, "Parents");
    assert!(on_card[0].phone.is_some());

    // "What if not?" (T) on the next card, a CMOC with plain words written for it happening:
    // the phone reads them as not happening, as the projector does.
    press(&mut h, Key::F);
    press(&mut h, Key::ArrowRight);
    let next = h.state().present.as_ref().and_then(|p| p.node());
    let next = next.expect("a card");
    let plain = h
        .state()
        .editor
        .doc()
        .node(next)
        .map(|n| n.plain.trim().to_string());
    let plain = plain.unwrap_or_default();
    assert!(!plain.is_empty(), "the example's card has plain words");
    press(&mut h, Key::T);
    let step = http::get(port, &format!("/step?token={token}")).json();
    assert_eq!(step["card"], next.0);
    let switched = cmoc_canvas::interchange::not_happening(&plain);
    assert_eq!(step["plain"], serde_json::json!(switched));

    // Leaving the presentation closes the room: the phone is told, the port let go.
    press(&mut h, Key::Escape);
    assert!(h.state().room.is_none());
    std::thread::sleep(std::time::Duration::from_millis(800));
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
}
