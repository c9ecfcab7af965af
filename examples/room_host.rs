//! A facilitator without a window, for testing the room with real phones' browsers: opens a
//! diagram, lets the room join on loopback, and follows commands on standard input, one per
//! line, answering each on standard output with one line of JSON.
//!
//! ```text
//! cargo run --example room_host -- DIAGRAM.ron [--port N]
//! ```
//!
//! - first line out: `{"port":…,"code":"…","address":"…"}`
//! - `step N`: show step N of the diagram's presentation path (from 0); answers the view
//! - `take`: take what the phones sent into the session; answers the counts and the queue
//! - `accept`: accept every comment waiting; answers how many
//! - `save PATH`: save the diagram; answers `{"saved":PATH}`
//! - `quit`: close the room (the phones are told) and end
//!
//! The session it drives is the one the window uses (`Editor::take_from_room`,
//! `Editor::phone_view`, `Editor::accept_phone_comment`); the room is the same `Room`.

use cmoc_canvas::model::{PathStep, resolve_path};
use cmoc_canvas::room::{Room, RoomOptions};
use cmoc_canvas::session::{Editor, Origin};
use std::io::{BufRead, Write};
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::sync::Arc;

fn main() {
    if let Err(e) = run() {
        eprintln!("room_host: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(
        args.next()
            .ok_or("usage: room_host DIAGRAM.ron [--port N]")?,
    );
    let mut port = 0;
    while let Some(arg) = args.next() {
        if arg == "--port" {
            port = args
                .next()
                .and_then(|p| p.parse().ok())
                .ok_or("--port needs a number")?;
        }
    }
    let loaded = cmoc_canvas::file::load_file(&path).map_err(|e| e.to_string())?;
    let mut editor = Editor::new(loaded.document, Origin::File(path.clone()));
    let order: Vec<_> = editor.doc().cmoc_cards().map(|(n, _)| n.id).collect();
    let steps: Vec<PathStep> = resolve_path(editor.doc(), || order)
        .into_iter()
        .filter(|s| !s.skip)
        .collect();
    let groups = vec!["Carers".to_string(), "Parents".to_string()];
    let options = RoomOptions {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port,
    };
    let mut room = Room::start(options, Arc::new(|| {})).map_err(|e| e.to_string())?;
    let show = |editor: &Editor, room: &mut Room, i: usize| {
        let step = steps.get(i).cloned().unwrap_or_else(PathStep::how_to_read);
        let view = editor.phone_view(
            &step,
            i,
            steps.len(),
            step.nodes().first().copied(),
            &groups,
        );
        room.show(view.clone());
        serde_json::json!({ "title": view.title, "card": view.card, "badge": view.badge })
    };
    show(&editor, &mut room, 0);
    let mut out = std::io::stdout();
    let hello =
        serde_json::json!({ "port": room.port(), "code": room.code(), "address": room.address() });
    writeln!(out, "{hello}").map_err(|e| e.to_string())?;
    for line in std::io::stdin().lock().lines() {
        let line = line.map_err(|e| e.to_string())?;
        let (command, rest) = line.trim().split_once(' ').unwrap_or((line.trim(), ""));
        let answer = match command {
            "step" => {
                let i: usize = rest.trim().parse().map_err(|_| "step needs a number")?;
                show(&editor, &mut room, i)
            }
            "take" => {
                let taken = editor.take_from_room(room.take_events(), false);
                let queue: Vec<_> = editor
                    .phone_comments()
                    .iter()
                    .map(|c| serde_json::json!({ "text": c.text, "group": c.group, "card": c.card.0 }))
                    .collect();
                serde_json::json!({ "joined": taken.joined, "reactions": taken.reactions, "queued": taken.queued, "queue": queue })
            }
            "accept" => {
                let mut accepted = 0;
                while editor.accept_phone_comment(0).is_some() {
                    accepted += 1;
                }
                serde_json::json!({ "accepted": accepted })
            }
            "save" => {
                let to = PathBuf::from(rest.trim());
                editor.save_to(&to).map_err(|e| e.to_string())?;
                serde_json::json!({ "saved": to })
            }
            "quit" => break,
            other => serde_json::json!({ "error": format!("unknown command {other:?}") }),
        };
        writeln!(out, "{answer}").map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
    }
    drop(room);
    // A moment for "the session has ended" to reach the phones.
    std::thread::sleep(std::time::Duration::from_millis(500));
    Ok(())
}
