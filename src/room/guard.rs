//! The gate of a room a workshop joins from phones (issue 22, first part): the join code shown
//! on the projector, the session token a phone gets for it, and the limits that keep a
//! misbehaving or hostile client from locking, flooding or slowing the editor — wrong codes
//! locked out after a few tries, a cap on devices, a rate per device, bounded bodies and
//! comments. Pure: the clock is passed in, so every limit is tested without waiting, and the
//! web server (next) only asks this gate.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Characters of a join code: no 0/O, 1/I/L, 5/S, 2/Z, 8/B — read off a projector across a room.
const CODE_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";
/// Characters in a join code.
pub const CODE_LENGTH: usize = 6;
/// Wrong codes from one address before it is locked out.
pub const WRONG_CODES_ALLOWED: u32 = 5;
/// How long a locked-out address waits.
pub const LOCKOUT: Duration = Duration::from_secs(60);
/// At most this many phones join one room.
pub const MAX_DEVICES: usize = 200;
/// Actions (reactions, comments) one phone may send in [`RATE_WINDOW`].
pub const ACTIONS_PER_WINDOW: usize = 10;
/// See [`ACTIONS_PER_WINDOW`].
pub const RATE_WINDOW: Duration = Duration::from_secs(60);
/// Addresses with wrong codes remembered at once (past it, those not locked out are forgotten).
const MAX_REMEMBERED_ADDRESSES: usize = 10_000;
/// The largest request body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 4 * 1024;
/// The longest comment accepted from a phone, in characters.
pub const MAX_COMMENT_CHARS: usize = 1_000;

/// A phone that joined, by the token it was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeviceId(pub u32);

/// Why the gate turned a request away, in words a participant can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// The code typed is not this room's.
    #[error("That code is not right. Check the code on the screen and try again.")]
    WrongCode,
    /// Too many wrong codes from this address.
    #[error("Too many wrong codes. Wait a minute, then try again.")]
    LockedOut,
    /// The room is full.
    #[error("The room is full ({MAX_DEVICES} phones). Ask the facilitator.")]
    Full,
    /// The token is not one this room gave (or the room was closed and opened again).
    #[error(
        "This phone is not joined to the room any more. Join again with the code on the screen."
    )]
    UnknownDevice,
    /// The phone sent more than its share.
    #[error("That was a lot at once. Wait a moment, then try again.")]
    TooFast,
    /// The request body was larger than any real request.
    #[error("That was too long to send.")]
    TooLarge,
    /// The comment was empty or longer than a comment may be.
    #[error("A comment is 1 to 1,000 characters.")]
    BadComment,
}

/// The room's gate: its code, the phones it let in, and what it remembers to limit them.
pub struct Gate {
    code: String,
    /// Each token given, and the device it names.
    tokens: HashMap<String, DeviceId>,
    /// When each device acted last, within the window.
    actions: HashMap<DeviceId, VecDeque<Instant>>,
    /// Wrong codes per address, and since when it is locked out.
    wrong: HashMap<String, (u32, Option<Instant>)>,
    next_device: u32,
    random: Box<dyn FnMut() -> u64 + Send>,
}

impl Gate {
    /// A gate with a fresh join code, drawing its codes and tokens from `random`.
    pub fn new(mut random: Box<dyn FnMut() -> u64 + Send>) -> Self {
        let code = (0..CODE_LENGTH)
            .map(|_| {
                let i = (random() % CODE_ALPHABET.len() as u64) as usize;
                char::from(CODE_ALPHABET[i])
            })
            .collect();
        Self {
            code,
            tokens: HashMap::new(),
            actions: HashMap::new(),
            wrong: HashMap::new(),
            next_device: 1,
            random,
        }
    }

    /// The join code to show on the projector.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// How many phones have joined.
    pub fn devices(&self) -> usize {
        self.tokens.len()
    }

    /// A phone at `address` offers `typed` as the code at `now`: its token, or why not. Case
    /// and spaces do not matter ("k7p 3qx" is "K7P3QX").
    pub fn join(&mut self, address: &str, typed: &str, now: Instant) -> Result<String, Refused> {
        // A flood from many addresses must not grow the memory without end: forget the
        // addresses that are not locked out.
        if self.wrong.len() >= MAX_REMEMBERED_ADDRESSES {
            self.wrong.retain(|_, (_, locked)| locked.is_some());
        }
        let entry = self.wrong.entry(address.to_string()).or_insert((0, None));
        if let Some(since) = entry.1 {
            if now.saturating_duration_since(since) < LOCKOUT {
                return Err(Refused::LockedOut);
            }
            *entry = (0, None);
        }
        let typed: String = typed
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect();
        if !same(typed.as_bytes(), self.code.as_bytes()) {
            entry.0 += 1;
            if entry.0 >= WRONG_CODES_ALLOWED {
                entry.1 = Some(now);
            }
            return Err(Refused::WrongCode);
        }
        self.wrong.remove(address);
        if self.tokens.len() >= MAX_DEVICES {
            return Err(Refused::Full);
        }
        let token = format!("{:016x}{:016x}", (self.random)(), (self.random)());
        let device = DeviceId(self.next_device);
        self.next_device = self.next_device.saturating_add(1);
        self.tokens.insert(token.clone(), device);
        Ok(token)
    }

    /// The device a token names, or why it may not act now; counts the action against the
    /// device's share of [`ACTIONS_PER_WINDOW`]. `body` is the request's size in bytes.
    pub fn act(&mut self, token: &str, body: usize, now: Instant) -> Result<DeviceId, Refused> {
        if body > MAX_BODY_BYTES {
            return Err(Refused::TooLarge);
        }
        let device = *self.tokens.get(token).ok_or(Refused::UnknownDevice)?;
        let recent = self.actions.entry(device).or_default();
        while recent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= RATE_WINDOW)
        {
            recent.pop_front();
        }
        if recent.len() >= ACTIONS_PER_WINDOW {
            return Err(Refused::TooFast);
        }
        recent.push_back(now);
        Ok(device)
    }

    /// The device a token names, for reading (the current step): no share is used.
    pub fn device(&self, token: &str) -> Option<DeviceId> {
        self.tokens.get(token).copied()
    }
}

/// A comment from a phone, made safe to keep: control characters (but line breaks) removed,
/// trimmed, at most [`MAX_COMMENT_CHARS`] characters. It is shown as text everywhere.
pub fn clean_comment(text: &str) -> Result<String, Refused> {
    let kept: String = text
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect();
    let kept = kept.trim();
    let count = kept.chars().count();
    if count == 0 || count > MAX_COMMENT_CHARS {
        return Err(Refused::BadComment);
    }
    Ok(kept.to_string())
}

/// Compares two codes in time that does not depend on where they first differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
#[path = "guard_tests.rs"]
mod tests;
