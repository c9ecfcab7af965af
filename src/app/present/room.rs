//! The room joining from their phones, in the window: turning it on and off (J, the strip, the
//! facilitator's window, View → Let the room join from phones), the QR code, address and
//! code on the projector, how many have joined, and each frame the step sent out and what
//! the phones sent taken in. The server and the session do the work (`crate::room`,
//! `Editor::take_from_room`); this is only where the window shows it.

use super::{Presenting, Stage};
use crate::room::{Room, RoomOptions};
use crate::scene::style::FACILITATOR_CONTROL_PX as CONTROL_PX;
use crate::scene::style::PRESENT_DETAIL_PX;
use egui::{Color32, RichText, Ui};
use std::sync::Arc;

use crate::scene::style::{
    JOIN_CARD_CORNER_PX, JOIN_CARD_INSET_PX, JOIN_CARD_MARGIN_PX,
    JOIN_CARD_MIN_WIDTH_PX as CARD_MIN_WIDTH, JOIN_CARD_RIGHT_GAP_PX, JOIN_QR_MAX_PX,
    JOIN_QR_MIN_PX, JOIN_QR_SHARE, PROJECTOR_FRAME_PX,
};

/// Said when the laptop is on no network.
const OFFLINE: &str = "This laptop is on no network: phones cannot reach it. Turn on the laptop's own hotspot, ask the room to join it, then press J twice.";

impl Stage<'_> {
    /// Lets the room join, or stops it. Joining needs presenting: started here when not.
    pub fn toggle_room(&mut self) {
        if self.room.take().is_some() {
            self.say(
                "The room can no longer join; phones were told the session ended.",
                "The room has closed",
            );
            return;
        }
        if self.present.is_none() {
            self.start_presenting();
        }
        let ctx = self.ctx.clone();
        let wake = Arc::new(move || {
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        });
        match Room::start(RoomOptions::default(), wake) {
            Ok(room) => {
                let offline = room.offline();
                let words = if offline {
                    OFFLINE.to_string()
                } else {
                    format!(
                        "The room can join at {} with code {}",
                        room.address(),
                        room.code()
                    )
                };
                // Also on the terminal, for a facilitator (or a script) that started us there.
                eprintln!("cmoc-canvas: {words}");
                *self.room = Some(room);
                if let Some(p) = &mut self.present {
                    p.join_shown = true;
                }
                let short = if offline {
                    "No network: see the join card"
                } else {
                    "The room can join"
                };
                self.say(&words, short);
                self.send_step();
            }
            Err(e) => self.say(
                &e.to_string(),
                "The room could not open: press J to try again",
            ),
        }
    }

    /// J lets the room join (or stops it), Q shows the join code again, A accepts the oldest
    /// comment waiting from a phone.
    pub(super) fn room_keys(&mut self, ctx: &egui::Context) {
        use crate::app::key_tables::PresentKey;
        let pressed = |key: PresentKey| key.pressed(ctx);
        if pressed(PresentKey::Join) {
            self.toggle_room();
        }
        if pressed(PresentKey::JoinCard)
            && let Some(p) = &mut self.present
        {
            // The QR code and join code on the projector, for latecomers.
            p.join_shown = !p.join_shown;
        }
        if pressed(PresentKey::Accept) && !self.editor.phone_comments().is_empty() {
            // The oldest comment waiting from a phone goes onto its card.
            if self.editor.accept_phone_comment(0).is_some() {
                let words = self.editor.status.clone();
                let now = ctx.input(|i| i.time);
                if let Some(p) = &mut self.present {
                    p.notice = Some((words, now));
                }
            }
        }
    }

    /// Says `words` in the status bar (for after presenting) and `short` in the caption,
    /// where a long sentence would not fit on one line.
    fn say(&mut self, words: &str, short: &str) {
        self.editor.status = words.to_string();
        let now = self.ctx.as_ref().map_or(0.0, |c| c.input(|i| i.time));
        if let Some(p) = &mut self.present {
            p.notice = Some((short.to_string(), now));
        }
    }

    /// Each frame while the room can join: the current step out to the phones (sent only when
    /// it changed), and what they sent into the session.
    pub(super) fn pump_room(&mut self) {
        if self.room.is_none() {
            return;
        }
        self.send_step();
        let Some(room) = self.room.as_mut() else {
            return;
        };
        let events = room.take_events();
        if events.is_empty() {
            return;
        }
        let taken = self
            .editor
            .take_from_room(events, self.settings.phone_comments_straight);
        let mut said = Vec::new();
        if let Some(n) = taken.joined {
            said.push(format!(
                "{n} {} joined",
                if n == 1 { "phone" } else { "phones" }
            ));
        }
        if taken.queued > 0 {
            said.push(format!(
                "{} waiting from phones",
                plural(self.editor.phone_comments().len(), "comment")
            ));
        }
        if taken.added > 0 {
            said.push(format!(
                "{} from phones added",
                plural(taken.added, "comment")
            ));
        }
        if !said.is_empty() {
            let said = said.join(" · ");
            self.say(&said, &said);
        }
    }

    /// Shows the phones the current step.
    fn send_step(&mut self) {
        let (Some(room), Some(present)) = (self.room.as_mut(), self.present.as_ref()) else {
            return;
        };
        let mut view = self.editor.phone_view(
            present.step(),
            present.index,
            present.steps.len(),
            present.node(),
            &self.settings.groups,
        );
        // A card switched with "What if not?" reads on the phones as on the projector.
        if let Some(words) = present
            .node()
            .and_then(|id| super::caption::own_plain_words(self.editor.doc(), present, id))
        {
            view.plain = words;
        }
        room.show(view);
    }

    /// The caption's word on the room, while it can join, so a latecomer can still join:
    /// "Join: 192.168.1.20:8470 code K7P 3QX · 12 phones".
    pub(super) fn room_status(&self) -> Option<String> {
        let room = self.room.as_ref()?;
        if room.offline() {
            return Some("Phones cannot join: no network".into());
        }
        Some(format!(
            "Join: {} code {} · {}",
            room.address().trim_start_matches("http://"),
            spaced(room.code()),
            plural(room.devices(), "phone")
        ))
    }

    fn qr_side(&self) -> f32 {
        (self.canvas.rect.width() * JOIN_QR_SHARE).clamp(JOIN_QR_MIN_PX, JOIN_QR_MAX_PX)
    }

    /// How much of the canvas's right side the join card takes (0 when it is not shown).
    pub(super) fn join_card_width(&self, present: &Presenting) -> f32 {
        if self.room.is_some() && (present.join_shown || present.how_to_read()) {
            self.qr_side().max(CARD_MIN_WIDTH)
                + 2.0 * JOIN_CARD_MARGIN_PX
                + JOIN_CARD_RIGHT_GAP_PX
                + JOIN_CARD_INSET_PX
        } else {
            0.0
        }
    }

    /// On the projector, while the room can join and the code is shown (on "How to read this"
    /// always): the QR code, the short address and the code, over the top right of the
    /// diagram.
    pub(super) fn join_card_ui(&self, ui: &Ui, present: &Presenting) {
        let Some(room) = self.room.as_ref() else {
            return;
        };
        if self.join_card_width(present) == 0.0 {
            return;
        }
        let dark = ui.visuals().dark_mode;
        let (ink, paper) = if dark {
            (Color32::WHITE, Color32::BLACK)
        } else {
            (Color32::BLACK, Color32::WHITE)
        };
        let area = self.canvas.rect;
        let side = self.qr_side();
        egui::Area::new(egui::Id::unique("room-join-card"))
            .order(egui::Order::Foreground)
            .fixed_pos(
                area.right_top()
                    + egui::vec2(
                        -side.max(CARD_MIN_WIDTH)
                            - 2.0 * JOIN_CARD_MARGIN_PX
                            - JOIN_CARD_RIGHT_GAP_PX,
                        JOIN_CARD_INSET_PX,
                    ),
            )
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::NONE
                    .fill(paper)
                    .stroke(egui::Stroke::new(PROJECTOR_FRAME_PX, ink))
                    .inner_margin(JOIN_CARD_MARGIN_PX)
                    .corner_radius(JOIN_CARD_CORNER_PX)
                    .show(ui, |ui| {
                        ui.set_width(side.max(CARD_MIN_WIDTH));
                        ui.label(
                            RichText::new("Join on your phone")
                                .size(PRESENT_DETAIL_PX)
                                .strong()
                                .color(ink),
                        );
                        if room.offline() {
                            // No address a phone could reach: say what to do instead.
                            ui.label(RichText::new(OFFLINE).size(CONTROL_PX).color(ink));
                            return;
                        }
                        // Dark on light whatever the theme: not every phone reads an inverted code.
                        qr_ui(
                            ui,
                            &room.join_link(),
                            side,
                            [Color32::BLACK, Color32::WHITE],
                        );
                        let address = room.address();
                        let short = address.trim_start_matches("http://");
                        ui.label(RichText::new(short).size(CONTROL_PX).color(ink));
                        ui.label(
                            RichText::new(format!("Code: {}", spaced(room.code())))
                                .size(PRESENT_DETAIL_PX)
                                .strong()
                                .monospace()
                                .color(ink),
                        );
                        ui.label(
                            RichText::new(plural(room.devices(), "phone") + " joined")
                                .size(CONTROL_PX)
                                .color(ink),
                        );
                    });
            });
    }

    /// The facilitator's part for the room: on or off, where and how to join, and the
    /// comments waiting from phones to accept or set aside.
    pub(in crate::app) fn room_controls_ui(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            let on = self.room.is_some();
            let text = if on {
                "Stop the room joining (J)"
            } else {
                "Let the room join from phones (J)"
            };
            if ui
                .button(RichText::new(text).size(CONTROL_PX))
                .on_hover_text(crate::session::Action::JoinFromPhones.description())
                .clicked()
            {
                self.toggle_room();
            }
            if let Some(room) = self.room.as_ref() {
                ui.label(
                    RichText::new(format!(
                        "{} joined at {} · code {}",
                        plural(room.devices(), "phone"),
                        room.address().trim_start_matches("http://"),
                        spaced(room.code())
                    ))
                    .size(CONTROL_PX),
                );
                let shown = self.present.as_ref().is_some_and(|p| p.join_shown);
                let text = if shown {
                    "Hide the code"
                } else {
                    "Show the code"
                };
                if ui.button(RichText::new(text).size(CONTROL_PX)).clicked()
                    && let Some(p) = &mut self.present
                {
                    p.join_shown = !shown;
                }
            }
        });
        if self.room.is_none() && self.editor.phone_comments().is_empty() {
            return;
        }
        let mut straight = self.settings.phone_comments_straight;
        if ui
            .checkbox(
                &mut straight,
                RichText::new("Comments from phones go straight onto the card").size(CONTROL_PX),
            )
            .changed()
        {
            self.settings.phone_comments_straight = straight;
            self.save_settings();
        }
        self.phone_queue_ui(ui);
    }

    fn phone_queue_ui(&mut self, ui: &mut Ui) {
        let waiting = self.editor.phone_comments().to_vec();
        if waiting.is_empty() {
            return;
        }
        ui.label(
            RichText::new(format!("Waiting from phones ({})", waiting.len()))
                .size(CONTROL_PX)
                .strong(),
        );
        let mut accept = None;
        let mut aside = None;
        for (i, comment) in waiting.iter().enumerate() {
            let card = self.label_of(comment.card);
            ui.horizontal_wrapped(|ui| {
                // Shown as text: whatever a phone typed is never read as markup.
                ui.label(
                    RichText::new(format!("{} on {card}: {}", comment.signed(), comment.text))
                        .size(CONTROL_PX),
                );
                if ui
                    .button(RichText::new("Accept").size(CONTROL_PX))
                    .on_hover_text("Put it on the card (A accepts the oldest)")
                    .clicked()
                {
                    accept = Some(i);
                }
                if ui
                    .button(RichText::new("Set aside").size(CONTROL_PX))
                    .clicked()
                {
                    aside = Some(i);
                }
            });
        }
        if let Some(i) = accept {
            self.editor.accept_phone_comment(i);
        } else if let Some(i) = aside {
            self.editor.set_aside_phone_comment(i);
        }
    }
}

/// The QR code of `text`, drawn module by module with a quiet zone.
fn qr_ui(ui: &mut Ui, text: &str, side_px: f32, [ink, paper]: [Color32; 2]) {
    let Some((side, dark)) = crate::room::qr_modules(text) else {
        return;
    };
    let (rect, _) = ui.allocate_exact_size(egui::vec2(side_px, side_px), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, paper);
    // Four modules of quiet zone each side, as the standard asks.
    let module = side_px / (side as f32 + 8.0);
    let origin = rect.min + egui::vec2(4.0 * module, 4.0 * module);
    for (i, on) in dark.iter().enumerate() {
        if *on {
            let (x, y) = ((i % side) as f32, (i / side) as f32);
            let min = origin + egui::vec2(x * module, y * module);
            painter.rect_filled(
                egui::Rect::from_min_size(min, egui::vec2(module + 0.5, module + 0.5)),
                0.0,
                ink,
            );
        }
    }
}

/// "K7P 3QX": the code in two halves, easier to read across a room.
fn spaced(code: &str) -> String {
    let half = code.len() / 2;
    if code.is_char_boundary(half) {
        format!("{} {}", &code[..half], &code[half..])
    } else {
        code.to_string()
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
