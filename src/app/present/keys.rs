//! The keys of presenting: the ones presentation clickers send, a CMOC number then Enter to
//! jump, C / T / G for the room's words, 1 / 2 / 3 after a pause for a group's reaction, and
//! for the room's phones J (let them join, or stop), Q (show the join code again) and A
//! (accept the oldest comment waiting from a phone).

use super::Stage;
use super::{Presenting, REACTION_PAUSE};
use crate::model::{Polarity, Target};
use egui::{Key, Modifiers};

impl Stage<'_> {
    /// The presenting keys; true when one was used this frame.
    pub(in crate::app) fn presenting_keys(&mut self, ctx: &egui::Context) {
        let Some(present) = &self.present else {
            return;
        };
        // Only a text field keeps the keys: a focused button must not swallow the clicker's
        // Space or arrows.
        let typing = ctx.memory(|m| m.focused()).is_some_and(|id| {
            !self.canvas.owns_focus(id) && egui::TextEdit::load_state(ctx, id).is_some()
        });
        let pressed = |key: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        if present.commenting {
            if pressed(Key::Escape)
                && let Some(p) = &mut self.present
            {
                p.commenting = false;
            }
            return;
        }
        if typing {
            return;
        }
        let index = present.index;
        let last = present.steps.len().saturating_sub(1);
        if pressed(Key::Escape) || pressed(Key::F5) {
            if present.typed.is_empty() {
                self.stop_presenting();
            } else if let Some(p) = &mut self.present {
                p.typed.clear();
            }
            return;
        }
        if [Key::ArrowRight, Key::PageDown, Key::Space, Key::ArrowDown]
            .into_iter()
            .any(pressed)
        {
            self.go_to_step((index + 1).min(last));
        } else if [Key::ArrowLeft, Key::PageUp, Key::Backspace, Key::ArrowUp]
            .into_iter()
            .any(pressed)
        {
            self.go_to_step(index.saturating_sub(1));
        } else if pressed(Key::Home) {
            self.go_to_step(0);
        } else if pressed(Key::End) {
            self.go_to_step(last);
        }
        for (key, digit) in [
            (Key::Num0, '0'),
            (Key::Num1, '1'),
            (Key::Num2, '2'),
            (Key::Num3, '3'),
            (Key::Num4, '4'),
            (Key::Num5, '5'),
            (Key::Num6, '6'),
            (Key::Num7, '7'),
            (Key::Num8, '8'),
            (Key::Num9, '9'),
        ] {
            if pressed(key)
                && let Some(p) = &mut self.present
                && p.typed.len() < 5
            {
                p.typed.push(digit);
                p.typed_at = ctx.input(|i| i.time);
            }
        }
        if pressed(Key::Enter) {
            self.jump_to_typed();
        }
        self.reaction_after_pause(ctx);
        let current = self.present.as_ref().and_then(Presenting::node);
        if pressed(Key::C)
            && let Some(id) = current
        {
            if let Some(p) = &mut self.present {
                p.commenting = true;
            }
            self.comments.drafts.entry(Target::Node(id)).or_default();
        }
        if pressed(Key::G) {
            self.next_group();
        }
        if pressed(Key::N)
            && let Some(p) = &mut self.present
        {
            p.notes = !p.notes;
        }
        if pressed(Key::Tab) {
            self.next_within();
            // egui would also move its focus on to the next widget at the end of the frame.
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
        if pressed(Key::S) {
            self.next_scenario();
        }
        if pressed(Key::H)
            && let Some(p) = &mut self.present
        {
            p.strip = !p.strip;
        }
        if pressed(Key::F)
            && let Some(p) = &mut self.present
        {
            p.facilitator = !p.facilitator;
        }
        self.room_keys(ctx);
        if pressed(Key::D) {
            // Light or dark projector theme, for the light in the room (as View → Theme).
            let dark = ctx.global_style().visuals.dark_mode;
            ctx.set_theme(if dark {
                egui::ThemePreference::Light
            } else {
                egui::ThemePreference::Dark
            });
        }
        if pressed(Key::T)
            && let Some(id) = current
        {
            self.editor.toggle_card(id);
        }
    }

    /// 1, 2 or 3 typed alone and not followed by more digits or Enter within the pause is the
    /// current group's reaction to the card: agrees, not sure, disagrees.
    fn reaction_after_pause(&mut self, ctx: &egui::Context) {
        let Some(present) = &self.present else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let reaction = match present.typed.as_str() {
            "1" => crate::model::Reaction::Agrees,
            "2" => crate::model::Reaction::NotSure,
            "3" => crate::model::Reaction::Disagrees,
            _ => return,
        };
        if now - present.typed_at < REACTION_PAUSE {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                REACTION_PAUSE - (now - present.typed_at),
            ));
            return;
        }
        let node = present.node();
        if let Some(p) = &mut self.present {
            p.typed.clear();
        }
        if let Some(id) = node {
            let group = self.current_group();
            self.editor.react(Target::Node(id), &group, reaction);
        }
    }

    /// Jumps to the card whose CMOC number was typed (the positive one first).
    fn jump_to_typed(&mut self) {
        let Some(present) = &self.present else {
            return;
        };
        let Ok(number) = present.typed.parse::<u32>() else {
            return;
        };
        let doc = self.editor.doc();
        let found = [Polarity::Positive, Polarity::Negative]
            .into_iter()
            .filter_map(|p| doc.find_cmoc(number, p).map(|n| n.id))
            .find_map(|id| present.steps.iter().position(|s| s.nodes().contains(&id)));
        match found {
            Some(index) => self.go_to_step(index),
            None => {
                if let Some(p) = &mut self.present {
                    p.typed.clear();
                }
                self.editor.status = format!("There is no CMOC {number} on the path.");
            }
        }
    }
}
