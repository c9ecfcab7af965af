//! The room's endpoints under bad input: malformed HTTP, random and non-UTF-8 bytes, oversized
//! bodies, wrong codes until locked out, and 2,000 connection attempts at once. The server must
//! answer every well-formed request after all of it, and nothing may panic — on any thread
//! (a panic hook counts them: tokio would otherwise swallow a panicking request's task).

#[path = "room/http.rs"]
mod http;

use cmoc_canvas::model::PathStep;
use cmoc_canvas::room::{Room, RoomOptions};
use cmoc_canvas::session::{Editor, Origin};
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Shutdown, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

static PANICS: AtomicUsize = AtomicUsize::new(0);

fn count_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        previous(info);
    }));
}

fn open_room() -> (Room, Editor) {
    let editor = Editor::new(cmoc_canvas::file::example_document(), Origin::Untitled);
    let options = RoomOptions {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 0,
    };
    let mut room = Room::start(options, Arc::new(|| {})).expect("opens");
    let card = editor
        .doc()
        .cmoc_cards()
        .map(|(n, _)| n.id)
        .next()
        .expect("a card");
    room.show(editor.phone_view(&PathStep::node(card), 0, 1, Some(card), &[]));
    (room, editor)
}

/// Sends bytes, closes the sending side, reads what comes back (or nothing) within 5 s.
fn throw(port: u16, bytes: &[u8]) -> Vec<u8> {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return Vec::new();
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = s.write_all(bytes);
    let _ = s.shutdown(Shutdown::Write);
    let mut back = Vec::new();
    let _ = s.read_to_end(&mut back);
    back
}

fn still_serves(port: u16, code: &str) {
    let token = http::join(port, code);
    let step = http::get(port, &format!("/step?token={token}"));
    assert_eq!(step.status, 200, "the server still answers: {}", step.body);
}

fn malformed(rng: &mut fastrand::Rng) -> Vec<u8> {
    let methods = [
        "GET",
        "POST",
        "PUT",
        "DELETE",
        "BREW",
        "",
        "G\u{0}ET",
        "POST /join",
    ];
    let paths = [
        "/",
        "/join",
        "/react",
        "/comment",
        "/step",
        "/events",
        "/../../etc/passwd",
        "*",
        "",
        "/%00",
        "/step?token=%ff%fe",
    ];
    match rng.usize(0..6) {
        0 => (0..rng.usize(0..4096)).map(|_| rng.u8(..)).collect(),
        1 => {
            let body: Vec<u8> = (0..rng.usize(0..600)).map(|_| rng.u8(..)).collect();
            let mut r = format!(
                "{} {} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
                methods[rng.usize(0..methods.len())],
                paths[rng.usize(0..paths.len())],
                body.len()
            )
            .into_bytes();
            r.extend(body);
            r
        }
        2 => format!(
            "POST /join HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{{\"code\":",
            rng.usize(0..1 << 30)
        )
        .into_bytes(),
        3 => {
            let mut r = b"GET / HTTP/1.1\r\n".to_vec();
            for i in 0..rng.usize(0..400) {
                r.extend(format!("X-{i}: {}\r\n", "a".repeat(rng.usize(0..200))).bytes());
            }
            r.extend(b"\r\n");
            r
        }
        4 => b"POST /comment HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
            .to_vec(),
        _ => {
            let json = [
                r#"{"token":"x","card":1e400,"text":"a"}"#,
                r#"{"token":["x"],"card":-1,"reaction":null}"#,
                r#"{"code":"\ud800"}"#,
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
                r#"{"token":"x","card":18446744073709551615,"text":"\u0000"}"#,
            ][rng.usize(0..5)];
            let path = ["/join", "/react", "/comment"][rng.usize(0..3)];
            format!(
                "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{json}",
                json.len()
            )
            .into_bytes()
        }
    }
}

#[test]
fn bad_requests_are_refused_and_the_server_stays_up() {
    count_panics();
    let (room, _editor) = open_room();
    let port = room.port();
    let code = room.code().to_string();
    let mut rng = fastrand::Rng::with_seed(22);
    for _ in 0..400 {
        let back = throw(port, &malformed(&mut rng));
        // Whatever came back is an HTTP answer or nothing — never a crash.
        assert!(
            back.is_empty() || back.starts_with(b"HTTP/1.1 "),
            "{back:?}"
        );
    }
    still_serves(port, &code);

    // Oversized bodies: refused with 413, by length or as they stream.
    let big = vec![b'a'; 5_000];
    assert_eq!(http::post_bytes(port, "/comment", &big).status, 413);
    let mut chunked = b"POST /comment HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..10 {
        chunked.extend(b"400\r\n");
        chunked.extend(vec![b'a'; 1024]);
        chunked.extend(b"\r\n");
    }
    chunked.extend(b"0\r\n\r\n");
    let answer = http::raw(port, &chunked).expect("answers");
    assert_eq!(answer.status, 413);

    // Non-UTF-8 bodies: not understood, in words.
    for path in ["/join", "/react", "/comment"] {
        let answer = http::post_bytes(port, path, b"{\"code\":\"\xff\xfe\"}");
        assert_eq!(answer.status, 400, "{path}");
        assert!(answer.json()["error"].is_string());
    }
    still_serves(port, &code);
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "nothing panicked");
}

#[test]
fn wrong_codes_lock_the_address_out() {
    let (room, _editor) = open_room();
    let port = room.port();
    for _ in 0..cmoc_canvas::room::WRONG_CODES_ALLOWED {
        let answer = http::post(port, "/join", &serde_json::json!({ "code": "XXXXXX" }));
        assert_eq!(answer.status, 400);
    }
    // Now even the right code waits out the lockout.
    let answer = http::post(port, "/join", &serde_json::json!({ "code": room.code() }));
    assert_eq!(answer.status, 429);
    assert!(
        answer.json()["error"]
            .as_str()
            .is_some_and(|e| e.contains("Wait a minute"))
    );
}

#[test]
fn two_thousand_connections_at_once_leave_the_server_standing() {
    count_panics();
    let (room, _editor) = open_room();
    let port = room.port();
    let code = room.code().to_string();
    let opened = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let opened = opened.clone();
            std::thread::spawn(move || {
                let mut held = Vec::new();
                for i in 0..250 {
                    let address = std::net::SocketAddr::from(([127, 0, 0, 1], port));
                    if let Ok(mut s) =
                        TcpStream::connect_timeout(&address, Duration::from_millis(300))
                    {
                        opened.fetch_add(1, Ordering::SeqCst);
                        // Half start a request and never finish it (slowloris).
                        if (i + t) % 2 == 0 {
                            let _ = s.write_all(b"POST /join HTTP/1.1\r\nHost: x\r\n");
                        }
                        held.push(s);
                    }
                }
                std::thread::sleep(Duration::from_millis(500));
                held
            })
        })
        .collect();
    let held: Vec<Vec<TcpStream>> = threads.into_iter().filter_map(|t| t.join().ok()).collect();
    assert!(
        opened.load(Ordering::SeqCst) >= 1_000,
        "most of the 2,000 attempts connected: {}",
        opened.load(Ordering::SeqCst)
    );
    drop(held);
    // Once they are gone, a phone is served again at once.
    std::thread::sleep(Duration::from_millis(300));
    still_serves(port, &code);
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "nothing panicked");
}
