//! What the room's server answers. The page and its script and style (from the binary); join
//! with the code; the current step (a stream of server-sent events, and once for phones that
//! poll); react; comment. Nothing else: no file, no path, no other card's comments. Every
//! answer but the page's own files needs the token the code gave; every body is at most
//! [`super::MAX_BODY_BYTES`] and is read as JSON into a fixed shape, so anything else is a
//! short refusal in words.

use super::server::Shared;
use super::{MAX_BODY_BYTES, Phone, Refused, RoomEvent, clean_comment, reaction_named};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use std::convert::Infallible;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

/// The page, its script and its style, built into the program: a phone fetches nothing from
/// the internet.
const PAGE: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/app.js");
const STYLE: &str = include_str!("page/app.css");

/// Open step streams at most (one per phone, with room for phones that reconnect); more are
/// told to poll.
const MAX_STREAMS: usize = 2 * super::MAX_DEVICES;

/// The address a request came from (set per connection by the accept loop).
#[derive(Clone, Copy, Debug)]
pub(super) struct Peer(pub IpAddr);

/// The server's routes over `shared`.
pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { file(PAGE, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { file(SCRIPT, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/app.css",
            get(|| async { file(STYLE, "text/css; charset=utf-8") }),
        )
        // Browsers ask for an icon: nothing, rather than a "not found" in the phone's log.
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/join", post(join))
        .route("/step", get(step))
        .route("/events", get(events))
        .route("/react", post(react))
        .route("/comment", post(comment))
        .fallback(|| async { refuse(StatusCode::NOT_FOUND, "There is nothing here.") })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(shared)
}

/// A file of the page, with headers that keep it from running anything it did not bring.
fn file(body: &'static str, kind: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    secure(headers);
    response
}

fn secure(headers: &mut axum::http::HeaderMap) {
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// A refusal the page shows as it is: `{"error": "…"}`.
fn refuse(status: StatusCode, words: &str) -> Response {
    let mut response = (status, axum::Json(serde_json::json!({ "error": words }))).into_response();
    secure(response.headers_mut());
    response
}

fn refused(why: &Refused) -> Response {
    let status = match why {
        Refused::WrongCode | Refused::BadComment => StatusCode::BAD_REQUEST,
        Refused::LockedOut | Refused::TooFast => StatusCode::TOO_MANY_REQUESTS,
        Refused::Full => StatusCode::SERVICE_UNAVAILABLE,
        Refused::UnknownDevice => StatusCode::UNAUTHORIZED,
        Refused::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
    };
    refuse(status, &why.to_string())
}

fn ok(value: serde_json::Value) -> Response {
    let mut response = axum::Json(value).into_response();
    secure(response.headers_mut());
    response
}

/// Reads a body as `T`, or says it was not understood.
fn parse<T: for<'a> Deserialize<'a>>(body: &Bytes) -> Result<T, Response> {
    serde_json::from_slice(body).map_err(|_| {
        refuse(
            StatusCode::BAD_REQUEST,
            "That was not understood. Reload the page and try again.",
        )
    })
}

#[derive(Deserialize)]
struct JoinBody {
    code: String,
}

async fn join(
    State(shared): State<Arc<Shared>>,
    axum::Extension(Peer(peer)): axum::Extension<Peer>,
    body: Bytes,
) -> Response {
    let body: JoinBody = match parse(&body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let joined = match shared.gate.lock() {
        Ok(mut gate) => gate
            .join(&peer.to_string(), &body.code, Instant::now())
            .map(|token| (token, gate.devices())),
        Err(_) => return refuse(StatusCode::SERVICE_UNAVAILABLE, "The room has closed."),
    };
    match joined {
        Ok((token, devices)) => {
            shared.devices.store(devices, Ordering::Relaxed);
            shared.send(RoomEvent::Joined { devices });
            ok(serde_json::json!({ "token": token }))
        }
        Err(why) => refused(&why),
    }
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn known(shared: &Shared, token: &str) -> bool {
    shared
        .gate
        .lock()
        .is_ok_and(|gate| gate.device(token).is_some())
}

async fn step(State(shared): State<Arc<Shared>>, Query(query): Query<TokenQuery>) -> Response {
    let token = query.token;
    if !known(&shared, &token) {
        return refused(&Refused::UnknownDevice);
    }
    let view = shared.step.borrow().clone();
    match serde_json::to_value(&*view) {
        Ok(v) => ok(v),
        Err(_) => refuse(StatusCode::INTERNAL_SERVER_ERROR, "Try again."),
    }
}

/// Counts an open stream while it lives.
struct Streaming(Arc<Shared>);

impl Drop for Streaming {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::Relaxed);
    }
}

async fn events(State(shared): State<Arc<Shared>>, Query(query): Query<TokenQuery>) -> Response {
    let token = query.token;
    if !known(&shared, &token) {
        return refused(&Refused::UnknownDevice);
    }
    if shared.streams.fetch_add(1, Ordering::Relaxed) >= MAX_STREAMS {
        shared.streams.fetch_sub(1, Ordering::Relaxed);
        return refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "Busy: this phone will ask every second instead.",
        );
    }
    let counted = Streaming(shared.clone());
    let receiver = shared.step.subscribe();
    let stream = futures_util::stream::unfold(
        (receiver, counted, true),
        |(mut receiver, counted, first)| async move {
            if !first && receiver.changed().await.is_err() {
                return None;
            }
            let view = receiver.borrow_and_update().clone();
            let data = serde_json::to_string(&*view).unwrap_or_default();
            let event = Event::default().event("step").data(data);
            Some((Ok::<_, Infallible>(event), (receiver, counted, false)))
        },
    );
    let mut response = Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response();
    secure(response.headers_mut());
    response
}

#[derive(Deserialize)]
struct ReactBody {
    token: String,
    card: u64,
    reaction: String,
    #[serde(default)]
    group: String,
}

#[derive(Deserialize)]
struct CommentBody {
    token: String,
    card: u64,
    text: String,
    #[serde(default)]
    group: String,
}

/// The phone's label after the gate let its action through, or the refusal.
fn admit(
    shared: &Shared,
    token: &str,
    body: usize,
    card: u64,
    group: &str,
) -> Result<Phone, Response> {
    let device = match shared.gate.lock() {
        Ok(mut gate) => gate
            .act(token, body, Instant::now())
            .map_err(|e| refused(&e))?,
        Err(_) => {
            return Err(refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                "The room has closed.",
            ));
        }
    };
    let shown = shared.shown.lock().is_ok_and(|s| s.contains(&card));
    if !shown {
        return Err(refuse(
            StatusCode::CONFLICT,
            "That card is not being shown. Look at the screen for the card being discussed.",
        ));
    }
    let view = shared.step.borrow().clone();
    if !view.open {
        return Err(refuse(
            StatusCode::CONFLICT,
            "The session has ended. Thank you.",
        ));
    }
    if !group.is_empty() && !view.groups.iter().any(|g| g == group) {
        return Err(refuse(
            StatusCode::BAD_REQUEST,
            "That group is not one of this session's. Choose your group again.",
        ));
    }
    Ok(Phone(format!(
        "phone {} · room {}",
        device.0, shared.room_id
    )))
}

async fn react(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let size = body.len();
    let body: ReactBody = match parse(&body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Some(reaction) = reaction_named(&body.reaction) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "Choose agree, not sure or disagree.",
        );
    };
    let phone = match admit(&shared, &body.token, size, body.card, &body.group) {
        Ok(p) => p,
        Err(r) => return r,
    };
    shared.send(RoomEvent::React {
        phone,
        card: crate::model::NodeId(body.card),
        reaction,
        group: body.group,
    });
    ok(serde_json::json!({ "ok": true }))
}

async fn comment(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let size = body.len();
    let body: CommentBody = match parse(&body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let text = match clean_comment(&body.text) {
        Ok(t) => t,
        Err(e) => return refused(&e),
    };
    let phone = match admit(&shared, &body.token, size, body.card, &body.group) {
        Ok(p) => p,
        Err(r) => return r,
    };
    shared.send(RoomEvent::Comment {
        phone,
        card: crate::model::NodeId(body.card),
        text,
        group: body.group,
    });
    ok(serde_json::json!({ "ok": true }))
}
