//! Keystrokes before a click, in that order. On a slow frame (software rendering, a busy
//! laptop) the last characters typed into a field and the click on the next field arrive in
//! one batch of input; egui moves focus on the click before the field reads its text, so those
//! characters were lost ("Dr A. Researche"). While a text field has the keyboard, a click that
//! follows typing in the same batch is held back to the next frame, so the field takes its
//! text first and the click then moves focus as it should. Esc pressed straight after typing
//! is held back the same way: egui takes the keyboard from a field at the start of a frame
//! whose input has Esc, before the field reads the text typed in that frame ("Dr A. R").

use egui::{Event, RawInput};

/// Input held back for the next frame.
#[derive(Debug, Default)]
pub struct InputOrder {
    held: Vec<Event>,
}

/// Whether `event` is typing: text, a key, a paste or an input method's commit.
fn is_typing(event: &Event) -> bool {
    matches!(
        event,
        Event::Text(_) | Event::Key { .. } | Event::Paste(_) | Event::Ime(_)
    )
}

impl InputOrder {
    /// Puts what was held back first, then, when `typing` into a field, holds back a click
    /// that comes after typing in this batch (and everything after it). True when something
    /// was held back: the caller asks for another frame at once.
    pub fn reorder(&mut self, raw: &mut RawInput, typing: bool) -> bool {
        if !self.held.is_empty() {
            let mut events = std::mem::take(&mut self.held);
            events.append(&mut raw.events);
            raw.events = events;
        }
        if !typing {
            return false;
        }
        let Some(first_typed) = raw.events.iter().position(is_typing) else {
            return false;
        };
        // A click after typing, or Esc after text went in.
        let mut text_seen = false;
        let Some(click) = raw.events[first_typed..]
            .iter()
            .position(|e| {
                text_seen |= matches!(e, Event::Text(_) | Event::Paste(_) | Event::Ime(_));
                let escape = matches!(
                    e,
                    Event::Key {
                        key: egui::Key::Escape,
                        pressed: true,
                        ..
                    }
                );
                matches!(e, Event::PointerButton { pressed: true, .. }) || (escape && text_seen)
            })
            .map(|i| i + first_typed)
        else {
            return false;
        };
        // The pointer's move to the click goes with it, so the field is not left early.
        let start = raw.events[first_typed..click]
            .iter()
            .rposition(|e| !matches!(e, Event::PointerMoved(_)))
            .map_or(first_typed, |i| first_typed + i + 1);
        self.held = raw.events.split_off(start);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Modifiers, PointerButton, pos2};

    fn press(pressed: bool) -> Event {
        Event::PointerButton {
            pos: pos2(10.0, 10.0),
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        }
    }

    #[test]
    fn a_click_after_typing_waits_a_frame_and_keeps_its_order() {
        let mut order = InputOrder::default();
        let mut raw = RawInput {
            events: vec![
                Event::Text("r".into()),
                Event::PointerMoved(pos2(10.0, 10.0)),
                press(true),
                press(false),
            ],
            ..RawInput::default()
        };
        assert!(order.reorder(&mut raw, true));
        assert_eq!(raw.events, vec![Event::Text("r".into())]);
        let mut next = RawInput {
            events: vec![Event::Text("x".into())],
            ..RawInput::default()
        };
        assert!(!order.reorder(&mut next, false));
        assert_eq!(
            next.events,
            vec![
                Event::PointerMoved(pos2(10.0, 10.0)),
                press(true),
                press(false),
                Event::Text("x".into())
            ]
        );
    }

    fn key(key: egui::Key, pressed: bool) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    #[test]
    fn esc_after_typing_waits_a_frame_so_the_field_takes_the_text_first() {
        let mut order = InputOrder::default();
        let mut raw = RawInput {
            events: vec![
                key(egui::Key::R, true),
                Event::Text("r".into()),
                key(egui::Key::R, false),
                key(egui::Key::Escape, true),
                key(egui::Key::Escape, false),
            ],
            ..RawInput::default()
        };
        assert!(order.reorder(&mut raw, true));
        assert_eq!(raw.events.len(), 3);
        assert_eq!(raw.events[1], Event::Text("r".into()));
        let mut next = RawInput::default();
        assert!(!order.reorder(&mut next, false));
        assert_eq!(next.events[0], key(egui::Key::Escape, true));
        // Esc alone, with no text before it in the batch, goes through at once.
        let mut alone = RawInput {
            events: vec![key(egui::Key::Escape, true), Event::Text("x".into())],
            ..RawInput::default()
        };
        assert!(!order.reorder(&mut alone, true));
        assert_eq!(alone.events.len(), 2);
    }

    #[test]
    fn without_typing_or_without_a_field_nothing_waits() {
        let mut order = InputOrder::default();
        let events = vec![press(true), press(false), Event::Text("a".into())];
        let mut raw = RawInput {
            events: events.clone(),
            ..RawInput::default()
        };
        assert!(!order.reorder(&mut raw, true), "the click came first");
        assert_eq!(raw.events, events);
        let mut raw = RawInput {
            events: vec![Event::Text("a".into()), press(true)],
            ..RawInput::default()
        };
        assert!(!order.reorder(&mut raw, false), "no field has the keyboard");
        assert_eq!(raw.events.len(), 2);
    }
}
