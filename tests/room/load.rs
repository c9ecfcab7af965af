//! A room of phones on loopback, for the load test (`tests/room_load.rs`: nothing lost or
//! doubled) and its figures (`benches/room.rs`: how soon each step reaches every phone).
//!
//! Each phone is a thread: it joins, keeps a server-sent-events stream open, and on some steps
//! reacts and comments (eight actions in all, within its share of ten a minute), each on its
//! own connection. The facilitator, on the calling thread, shows each step, waits until
//! every phone has it, and takes what the phones sent into the session as the window's frame
//! would.
#![allow(dead_code)]

use cmoc_canvas::model::{NodeId, PathStep, Target};
use cmoc_canvas::room::{Room, RoomOptions};
use cmoc_canvas::session::{Editor, Origin};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

/// What a run found.
pub struct Outcome {
    /// Phones that joined.
    pub phones: usize,
    /// Steps shown.
    pub steps: usize,
    /// For every phone and step, how long after the facilitator showed it the phone had it.
    pub delays: Vec<Duration>,
    /// Reactions and comments the server said it took.
    pub reactions_sent: usize,
    pub comments_sent: usize,
    /// Phone reactions in the document, and comments in the facilitator's queue, after.
    pub reactions_kept: usize,
    pub comments_kept: usize,
    /// Comments in the queue more than once.
    pub comments_doubled: usize,
    /// Step updates a phone never received.
    pub steps_missed: usize,
}

impl Outcome {
    /// The delay below which `share` (0..1) of the step updates arrived.
    pub fn percentile(&self, share: f64) -> Duration {
        let mut sorted = self.delays.clone();
        sorted.sort();
        let i = ((sorted.len() as f64 * share).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
        sorted.get(i).copied().unwrap_or_default()
    }
}

fn post(port: u16, path: &str, body: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}

fn ok(answer: Option<&String>) -> bool {
    answer.is_some_and(|a| a.starts_with("HTTP/1.1 200"))
}

/// Does this phone react (or comment) on step `step`?
fn reacts(phone: usize, step: usize) -> bool {
    (phone + step).is_multiple_of(4)
}
fn comments(phone: usize, step: usize) -> bool {
    (phone + step) % 7 == 3
}

/// Runs `phones` phones through `steps` steps of the example.
pub fn run(phones: usize, steps: usize) -> Outcome {
    let mut editor = Editor::new(cmoc_canvas::file::example_document(), Origin::Untitled);
    let cards: Vec<NodeId> = editor
        .doc()
        .cmoc_cards()
        .map(|(n, _)| n.id)
        .take(steps)
        .collect();
    assert_eq!(cards.len(), steps, "the example has {steps} cards");
    let options = RoomOptions {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 0,
    };
    let mut room = Room::start(options, Arc::new(|| {})).expect("the room opens");
    let port = room.port();
    let code = room.code().to_string();
    // When each step was shown (by seq), for the phones to measure against.
    let shown_at: Arc<Mutex<Vec<Option<Instant>>>> = Arc::new(Mutex::new(vec![None; steps + 2]));
    let seen = Arc::new(AtomicUsize::new(0));
    let sent = Arc::new((AtomicUsize::new(0), AtomicUsize::new(0)));
    let delays = Arc::new(Mutex::new(Vec::new()));
    let missed = Arc::new(AtomicUsize::new(0));
    let ready = Arc::new(Barrier::new(phones + 1));
    let first = editor.phone_view(&PathStep::node(cards[0]), 0, steps, Some(cards[0]), &[]);
    room.show(first);
    let mut threads = Vec::new();
    for phone in 0..phones {
        let (code, shown_at, seen, sent, delays, missed, ready) = (
            code.clone(),
            shown_at.clone(),
            seen.clone(),
            sent.clone(),
            delays.clone(),
            missed.clone(),
            ready.clone(),
        );
        threads.push(std::thread::spawn(move || {
            phone_thread(
                phone, port, &code, steps, &shown_at, &seen, &sent, &delays, &missed, &ready,
            );
        }));
    }
    ready.wait();
    for (i, card) in cards.iter().enumerate() {
        if i > 0 {
            let view = editor.phone_view(&PathStep::node(*card), i, steps, Some(*card), &[]);
            if let Ok(mut at) = shown_at.lock() {
                at[i + 1] = Some(Instant::now());
            }
            room.show(view);
        }
        // Wait (as the room would) until every phone has the step, taking what they send.
        let deadline = Instant::now() + Duration::from_secs(20);
        while seen.load(Ordering::SeqCst) < phones * (i + 1) && Instant::now() < deadline {
            editor.take_from_room(room.take_events(), false);
            std::thread::sleep(Duration::from_millis(2));
        }
        // A moment for this step's reactions and comments.
        let settle = Instant::now() + Duration::from_millis(150);
        while Instant::now() < settle {
            editor.take_from_room(room.take_events(), false);
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    // The last step's actions; then the phones are told the session ended.
    std::thread::sleep(Duration::from_millis(500));
    editor.take_from_room(room.take_events(), false);
    drop(room);
    for t in threads {
        let _ = t.join();
    }
    let reactions_kept = cards
        .iter()
        .map(|c| {
            editor
                .doc()
                .annotations_on(Target::Node(*c))
                .filter(|a| a.phone.is_some() && a.reaction.is_some())
                .count()
        })
        .sum();
    let mut texts: Vec<&str> = editor
        .phone_comments()
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    let comments_kept = texts.len();
    texts.sort_unstable();
    texts.dedup();
    let delays = delays.lock().map(|d| d.clone()).unwrap_or_default();
    Outcome {
        phones,
        steps,
        delays,
        reactions_sent: sent.0.load(Ordering::SeqCst),
        comments_sent: sent.1.load(Ordering::SeqCst),
        reactions_kept,
        comments_kept,
        comments_doubled: comments_kept - texts.len(),
        steps_missed: missed.load(Ordering::SeqCst),
    }
}

#[allow(clippy::too_many_arguments)]
fn phone_thread(
    phone: usize,
    port: u16,
    code: &str,
    steps: usize,
    shown_at: &Mutex<Vec<Option<Instant>>>,
    seen: &AtomicUsize,
    sent: &(AtomicUsize, AtomicUsize),
    delays: &Mutex<Vec<Duration>>,
    missed: &AtomicUsize,
    ready: &Barrier,
) {
    let joined = post(port, "/join", &format!(r#"{{"code":"{code}"}}"#));
    let token = joined
        .as_deref()
        .and_then(|a| a.split("\"token\":\"").nth(1))
        .and_then(|t| t.split('"').next())
        .map(str::to_string);
    let stream = token.as_ref().and_then(|token| {
        let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
        write!(s, "GET /events?token={token} HTTP/1.1\r\nHost: x\r\n\r\n").ok()?;
        Some(BufReader::new(s))
    });
    ready.wait();
    let (Some(token), Some(mut stream)) = (token, stream) else {
        missed.fetch_add(steps, Ordering::SeqCst);
        return;
    };
    let mut last_seq = 0;
    let mut line = String::new();
    while last_seq < steps {
        line.clear();
        match stream.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        // Chunked framing lines and "event:" lines pass by; only the data matters.
        let Some(data) = line.trim().strip_prefix("data:") else {
            continue;
        };
        let Ok(view) = serde_json::from_str::<serde_json::Value>(data.trim()) else {
            continue;
        };
        let seq = view["seq"].as_u64().unwrap_or(0) as usize;
        if seq <= last_seq || !view["open"].as_bool().unwrap_or(false) {
            continue;
        }
        let now = Instant::now();
        if let Some(Some(at)) = shown_at.lock().ok().and_then(|a| a.get(seq).copied())
            && let Ok(mut d) = delays.lock()
        {
            d.push(now.saturating_duration_since(at));
        }
        // Steps skipped over (a stream gives the newest) count as seen late, not missed: the
        // phone shows the newest step.
        seen.fetch_add(seq - last_seq, Ordering::SeqCst);
        last_seq = seq;
        let step = seq - 1;
        let card = view["card"].as_u64().unwrap_or(0);
        if reacts(phone, step) {
            let body = format!(r#"{{"token":"{token}","card":{card},"reaction":"agree"}}"#);
            if ok(post(port, "/react", &body).as_ref()) {
                sent.0.fetch_add(1, Ordering::SeqCst);
            }
        }
        if comments(phone, step) {
            let body = format!(
                r#"{{"token":"{token}","card":{card},"text":"Phone {phone} on step {step}"}}"#
            );
            if ok(post(port, "/comment", &body).as_ref()) {
                sent.1.fetch_add(1, Ordering::SeqCst);
            }
        }
    }
    if last_seq < steps {
        missed.fetch_add(steps - last_seq, Ordering::SeqCst);
    }
}

/// `n` phones joined to the room on `port` with `code`, each holding its step stream open
/// (nothing read: they only cost the server a connection each).
pub fn idle_phones(port: u16, code: &str, n: usize) -> Vec<TcpStream> {
    (0..n)
        .filter_map(|_| {
            let joined = post(port, "/join", &format!(r#"{{"code":"{code}"}}"#))?;
            let token = joined
                .split("\"token\":\"")
                .nth(1)?
                .split('"')
                .next()?
                .to_string();
            let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
            write!(s, "GET /events?token={token} HTTP/1.1\r\nHost: x\r\n\r\n").ok()?;
            Some(s)
        })
        .collect()
}
