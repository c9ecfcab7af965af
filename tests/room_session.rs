//! The room, headless: a server on loopback, phones played by plain HTTP requests, and the
//! session taking what they send — reactions at once, comments through the facilitator's
//! queue — into the document, the saved file and the workshop notes.

mod common;
#[path = "room/http.rs"]
mod http;

use cmoc_canvas::interchange::{NotesFormat, workshop_notes};
use cmoc_canvas::model::{PathStep, Polarity, Reaction, Target};
use cmoc_canvas::room::{Room, RoomOptions};
use cmoc_canvas::session::{Editor, Origin};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn loopback() -> RoomOptions {
    RoomOptions {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 0,
    }
}

fn card(editor: &Editor, number: u32) -> cmoc_canvas::model::NodeId {
    editor
        .doc()
        .cmoc_cards()
        .find(|(_, c)| c.number == number && c.polarity == Polarity::Positive)
        .map(|(n, _)| n.id)
        .expect("the example has the card")
}

#[test]
fn a_phone_joins_follows_reacts_and_comments_and_the_facilitator_accepts() {
    let mut editor = Editor::new(common::holding(), Origin::Example);
    let woken = Arc::new(AtomicUsize::new(0));
    let wake = woken.clone();
    let mut room = Room::start(
        loopback(),
        Arc::new(move || {
            wake.fetch_add(1, Ordering::Relaxed);
        }),
    )
    .expect("the room opens on loopback");
    let port = room.port();
    let groups = vec!["Carers".to_string(), "Parents".to_string()];
    let four = card(&editor, 4);
    let six = card(&editor, 6);
    room.show(editor.phone_view(&PathStep::node(four), 2, 12, Some(four), &groups));

    // The page is served, and can run nothing it did not bring.
    let page = http::raw(
        port,
        b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .expect("page");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Join the workshop"));
    let head = page.head.to_lowercase();
    assert!(head.contains("content-security-policy: default-src 'none'; script-src 'self'"));
    assert!(head.contains("x-content-type-options: nosniff"));
    // Nothing else is served: no file, no path.
    for path in [
        "/../Cargo.toml",
        "/assets/examples/holding.ron",
        "/etc/passwd",
        "/.git/config",
    ] {
        assert_eq!(http::get(port, path).status, 404, "{path}");
    }

    // Nothing without the code.
    assert_eq!(http::get(port, "/step").status, 401);
    assert_eq!(http::get(port, "/step?token=0123").status, 401);
    let wrong = http::post(port, "/join", &serde_json::json!({ "code": "AAAAAA" }));
    assert_eq!(wrong.status, 400);
    assert!(
        wrong.json()["error"]
            .as_str()
            .is_some_and(|e| e.contains("code"))
    );

    // Typed as a participant might: lower case, with a space.
    let code = room.code().to_lowercase();
    let typed = format!("{} {}", &code[..3], &code[3..]);
    let token = http::join(port, &typed);
    assert_eq!(room.devices(), 1);

    let step = http::get(port, &format!("/step?token={token}")).json();
    assert_eq!(step["badge"], "CMOC 4");
    assert_eq!(step["position"], "Step 3 of 12");
    assert_eq!(step["card"], four.0);
    assert_eq!(step["groups"][0], "Carers");
    assert!(step["parts"][0]["name"] == "Context");

    // React, then change the reaction: one is kept, the last.
    for reaction in ["agree", "disagree"] {
        let answer = http::post(
            port,
            "/react",
            &serde_json::json!({ "token": token, "card": four.0, "reaction": reaction, "group": "Carers" }),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
    }
    // Not a card the room was shown; not a group of this session; not a reaction.
    let unseen = http::post(
        port,
        "/react",
        &serde_json::json!({ "token": token, "card": six.0, "reaction": "agree" }),
    );
    assert_eq!(unseen.status, 409);
    let stranger = http::post(
        port,
        "/react",
        &serde_json::json!({ "token": token, "card": four.0, "reaction": "agree", "group": "Board" }),
    );
    assert_eq!(stranger.status, 400);
    let odd = http::post(
        port,
        "/react",
        &serde_json::json!({ "token": token, "card": four.0, "reaction": "love" }),
    );
    assert_eq!(odd.status, 400);

    let words = "It was <b>not</b> like that for us\u{0007} — we waited weeks.";
    let sent = http::post(
        port,
        "/comment",
        &serde_json::json!({ "token": token, "card": four.0, "text": words, "group": "Carers" }),
    );
    assert_eq!(sent.status, 200, "{}", sent.body);

    let taken = editor.take_from_room(room.take_events(), false);
    assert_eq!(taken.joined, Some(1));
    assert_eq!(taken.reactions, 2);
    assert_eq!(taken.queued, 1);
    assert!(woken.load(Ordering::Relaxed) >= 4, "the window is woken");
    let phone_reactions: Vec<_> = editor
        .doc()
        .annotations_on(Target::Node(four))
        .filter(|a| a.phone.is_some())
        .collect();
    assert_eq!(phone_reactions.len(), 1, "one reaction per phone per card");
    assert_eq!(phone_reactions[0].reaction, Some(Reaction::Disagrees));
    assert_eq!(phone_reactions[0].author, "Carers");

    the_queued_comment_is_accepted_as_a_group_comment(&mut editor, four);

    // Closing the room tells the phones, then lets go of the port.
    drop(room);
    std::thread::sleep(std::time::Duration::from_millis(800));
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
}

/// The comment waiting from the phone is accepted: a group comment from a phone, undoable,
/// in the notes and in the saved file.
fn the_queued_comment_is_accepted_as_a_group_comment(
    editor: &mut Editor,
    four: cmoc_canvas::model::NodeId,
) {
    // The comment waits, as text (the bell character gone, the markup kept as typed).
    let queued = editor.phone_comments().to_vec();
    assert_eq!(queued.len(), 1);
    assert_eq!(
        queued[0].text,
        "It was <b>not</b> like that for us — we waited weeks."
    );
    let id = editor.accept_phone_comment(0).expect("accepted");
    assert!(editor.phone_comments().is_empty());
    let accepted = editor.doc().annotation(id).expect("on the card").clone();
    assert_eq!(accepted.author, "Carers");
    assert!(accepted.phone.is_some());
    assert_eq!(accepted.target, Target::Node(four));
    // Undoable like any comment.
    editor.undo();
    assert!(editor.doc().annotation(id).is_none());
    editor.redo();
    assert!(editor.doc().annotation(id).is_some());

    // In the notes, with "from a phone".
    let notes = workshop_notes(editor.doc(), NotesFormat::Markdown);
    assert!(
        notes.contains("Carers, from a phone"),
        "the comment is signed from a phone:\n{notes}"
    );
    assert!(notes.contains("1 from a phone (Carers 1)"), "{notes}");

    // Saved and opened again, the phone is kept.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("after.ron");
    editor.save_to(&path).expect("saved");
    let again = cmoc_canvas::file::load_file(&path).expect("opens").document;
    assert_eq!(again.annotations().filter(|a| a.phone.is_some()).count(), 2);
}

#[test]
fn comments_go_straight_onto_the_card_when_the_facilitator_chose_that() {
    let mut editor = Editor::new(common::holding(), Origin::Example);
    let mut room = Room::start(loopback(), Arc::new(|| {})).expect("opens");
    let port = room.port();
    let four = card(&editor, 4);
    room.show(editor.phone_view(&PathStep::node(four), 0, 1, Some(four), &[]));
    let token = http::join(port, room.code());
    let sent = http::post(
        port,
        "/comment",
        &serde_json::json!({ "token": token, "card": four.0, "text": "Straight on" }),
    );
    assert_eq!(sent.status, 200);
    let taken = editor.take_from_room(room.take_events(), true);
    assert_eq!(taken.added, 1);
    assert!(editor.phone_comments().is_empty());
    let on_card: Vec<_> = editor
        .doc()
        .annotations_on(Target::Node(four))
        .filter(|a| a.text == "Straight on")
        .collect();
    assert_eq!(on_card.len(), 1);
    assert_eq!(on_card[0].author, "A participant");
    // An empty comment, and one over 1,000 characters, are refused in words.
    for text in [String::from("   "), "x".repeat(1001)] {
        let refused = http::post(
            port,
            "/comment",
            &serde_json::json!({ "token": token, "card": four.0, "text": text }),
        );
        assert_eq!(refused.status, 400);
    }
}

#[test]
fn the_how_to_read_step_offers_nothing_to_react_to_and_a_closed_room_says_so() {
    let editor = Editor::new(common::holding(), Origin::Example);
    let view = editor.phone_view(&PathStep::how_to_read(), 0, 5, None, &[]);
    assert_eq!(view.title, "How to read this");
    assert!(view.card.is_none());
    let mut room = Room::start(loopback(), Arc::new(|| {})).expect("opens");
    room.show(view);
    let port = room.port();
    let token = http::join(port, room.code());
    let step = http::get(port, &format!("/step?token={token}")).json();
    assert!(step["card"].is_null());
    assert_eq!(step["open"], true);
}

#[test]
fn a_participants_markup_stays_words_in_every_export() {
    let mut editor = Editor::new(common::holding(), Origin::Example);
    let four = card(&editor, 4);
    let words = "<img src=x onerror=alert(1)> & =HYPERLINK(\"http://x\")";
    editor.take_from_room(
        vec![cmoc_canvas::room::RoomEvent::Comment {
            phone: cmoc_canvas::room::Phone("phone 1 · room 0001".into()),
            card: four,
            text: words.into(),
            group: String::new(),
        }],
        true,
    );
    let markdown = workshop_notes(editor.doc(), NotesFormat::Markdown);
    assert!(!markdown.contains("<img"), "{markdown}");
    assert!(markdown.contains("&lt;img src=x onerror=alert(1)&gt; &amp; "));
    let csv = workshop_notes(editor.doc(), NotesFormat::Csv);
    assert!(
        !csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"),
        "{csv}"
    );
    let docx = cmoc_canvas::interchange::workshop_notes_docx(editor.doc()).expect("docx");
    // Read back as Word's text: the characters as typed, not markup.
    let text = cmoc_canvas::interchange::docx::read_docx_text(&docx).expect("reads back");
    assert!(
        text.paragraphs.iter().any(|p| p.contains(words)),
        "{:?}",
        text.paragraphs
    );
}
