//! A room of workshop participants joining from their own phones (issue 22): a small web
//! server on the laptop's network, bound only while joining is on, that shows every phone the
//! current step in plain words and takes back reactions and comments.
//!
//! - [`guard`]: the join code, tokens and limits every request is asked through;
//! - [`server`]: the server's thread and the [`Room`] the editor holds;
//! - `routes`: what the server answers (and nothing else);
//! - [`view`]: what a phone is shown and what reaches the editor.
//!
//! Headless: the window and the session's tests use the same [`Room`].

mod guard;
mod routes;
mod server;
mod view;

pub use guard::{
    ACTIONS_PER_WINDOW, CODE_LENGTH, DeviceId, Gate, LOCKOUT, MAX_BODY_BYTES, MAX_COMMENT_CHARS,
    MAX_DEVICES, RATE_WINDOW, Refused, WRONG_CODES_ALLOWED, clean_comment,
};
pub use server::{HEADER_TIMEOUT, MAX_CONNECTIONS, PREFERRED_PORT, Room, RoomError, RoomOptions};
pub use view::{Part, Phone, RoomEvent, StepView, reaction_named};

/// The QR code of `text` as a square of modules, dark ones `true`, row by row, with its side;
/// `None` when the text is too long for a QR code.
pub fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let side = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((side, dark))
}
