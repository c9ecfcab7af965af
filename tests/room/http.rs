//! A plain HTTP/1.1 client over a TCP socket, for the room's tests: the tests send exactly the
//! bytes they mean, malformed ones included.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// An answer: its status and body.
pub struct Answer {
    pub status: u16,
    /// The status line and headers.
    pub head: String,
    pub body: String,
}

impl Answer {
    /// The body as JSON (Null when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// Sends `raw` to the server on `port` and reads the whole answer (the connection closes).
pub fn raw(port: u16, raw: &[u8]) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    stream.write_all(raw)?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .map(|(h, b)| (h.to_string(), b.to_string()))
        .unwrap_or_default();
    Ok(Answer { status, head, body })
}

/// GET `path`.
pub fn get(port: u16, path: &str) -> Answer {
    raw(
        port,
        format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .expect("the server answers")
}

/// POST `body` (JSON) to `path`.
pub fn post(port: u16, path: &str, body: &serde_json::Value) -> Answer {
    post_bytes(port, path, body.to_string().as_bytes())
}

/// POST these bytes to `path`.
pub fn post_bytes(port: u16, path: &str, body: &[u8]) -> Answer {
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    raw(port, &request).expect("the server answers")
}

/// Joins with `code`: the token.
pub fn join(port: u16, code: &str) -> String {
    let answer = post(port, "/join", &serde_json::json!({ "code": code }));
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()["token"]
        .as_str()
        .expect("a token")
        .to_string()
}
