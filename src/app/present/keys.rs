//! The keys of presenting: the ones presentation clickers send, a CMOC number then Enter to
//! jump, C / T / G for the room's words, 1 / 2 / 3 after a pause for a group's reaction, and
//! for the room's phones J (let them join, or stop), Q (show the join code again) and A
//! (accept the oldest comment waiting from a phone). Which key does what is the table
//! [`PresentKey`], which Help and the user guide list.

use super::Stage;
use super::{Presenting, REACTION_PAUSE};
use crate::app::key_tables::PresentKey;
use crate::model::{Polarity, Target};
use egui::Modifiers;

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
        let pressed = |key: PresentKey| key.pressed(ctx);
        if present.commenting {
            // The comment box's Esc closes it, keeping the words as a draft.
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, egui::Key::Escape))
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
        if pressed(PresentKey::Leave) {
            if present.typed.is_empty() {
                self.stop_presenting();
            } else if let Some(p) = &mut self.present {
                p.typed.clear();
            }
            return;
        }
        if pressed(PresentKey::Next) {
            self.go_to_step((index + 1).min(last));
        } else if pressed(PresentKey::Previous) {
            self.go_to_step(index.saturating_sub(1));
        } else if pressed(PresentKey::First) {
            self.go_to_step(0);
        } else if pressed(PresentKey::Last) {
            self.go_to_step(last);
        }
        // The digit keys are 0 to 9 in order.
        for (digit, key) in ('0'..='9').zip(PresentKey::Digit.keys()) {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, *key))
                && let Some(p) = &mut self.present
                && p.typed.len() < 5
            {
                p.typed.push(digit);
                p.typed_at = ctx.input(|i| i.time);
            }
        }
        if pressed(PresentKey::Jump) {
            self.jump_to_typed();
        }
        self.reaction_after_pause(ctx);
        let current = self.present.as_ref().and_then(Presenting::node);
        if pressed(PresentKey::Comment)
            && let Some(id) = current
        {
            if let Some(p) = &mut self.present {
                p.commenting = true;
            }
            self.comments.drafts.entry(Target::Node(id)).or_default();
        }
        if pressed(PresentKey::Group) {
            self.next_group();
        }
        if pressed(PresentKey::Notes)
            && let Some(p) = &mut self.present
        {
            p.notes = !p.notes;
        }
        if pressed(PresentKey::Within) {
            self.next_within();
            // egui would also move its focus on to the next widget at the end of the frame.
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
        if pressed(PresentKey::Scenario) {
            self.next_scenario();
        }
        if pressed(PresentKey::Strip)
            && let Some(p) = &mut self.present
        {
            p.strip = !p.strip;
        }
        if pressed(PresentKey::Facilitator)
            && let Some(p) = &mut self.present
        {
            p.facilitator = !p.facilitator;
        }
        self.room_keys(ctx);
        if pressed(PresentKey::Theme) {
            // Light or dark projector theme, for the light in the room (as View → Theme).
            let dark = ctx.global_style().visuals.dark_mode;
            ctx.set_theme(if dark {
                egui::ThemePreference::Light
            } else {
                egui::ThemePreference::Dark
            });
        }
        if pressed(PresentKey::Toggle)
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
