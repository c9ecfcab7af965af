//! A room of workshop participants joining from their own phones (issue 22). So far: the
//! gate — join code, tokens and limits — that the local web server will ask before anything
//! a phone sends reaches the editor.

mod guard;

pub use guard::{
    ACTIONS_PER_WINDOW, CODE_LENGTH, DeviceId, Gate, LOCKOUT, MAX_BODY_BYTES, MAX_COMMENT_CHARS,
    MAX_DEVICES, RATE_WINDOW, Refused, WRONG_CODES_ALLOWED, clean_comment,
};
