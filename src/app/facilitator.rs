//! The facilitator's controls while presenting. With one screen they fold into a slim strip at
//! the foot of the projected picture (H hides and shows it). With two screens, the facilitator
//! opens their own window (F, or "Second screen" in the strip) and drags it to the laptop: it
//! shows the current and next step, the speaker notes, the group, the time in the session and
//! the comment being typed, while the projector shows only the diagram and its plain words.
//!
//! egui cannot tell how many monitors there are, so the second window is opened by hand; where
//! the platform cannot open another window (and in tests) it appears inside the main one.

use super::present::Presenting;
use super::present::Stage;
use super::present::control_button;
use crate::model::{Reaction, Target, Timestamp};
use crate::scene::style::PRESENT_DETAIL_PX;
use egui::{RichText, Ui};

/// The smallest text shown while presenting.
use crate::scene::style::FACILITATOR_CONTROL_PX as CONTROL_PX;

/// What a control button asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Control {
    Back,
    Next,
    React(Reaction),
    Comment,
    Group(usize),
    Toggle,
    Scenario,
    Notes,
    SecondScreen,
    HideStrip,
    Join,
    Leave,
}

impl Stage<'_> {
    /// The slim strip of controls at the foot of the caption (one screen), or a one-line hint
    /// when it is hidden or the controls are in the facilitator's window.
    pub(super) fn strip_ui(&mut self, ui: &mut Ui, present: &Presenting) {
        if present.facilitator {
            ui.label(
                RichText::new("The controls are in the facilitator's window (F closes it).")
                    .size(CONTROL_PX)
                    .weak(),
            );
            return;
        }
        if !present.strip {
            ui.label(RichText::new("H: controls").size(CONTROL_PX).weak());
            return;
        }
        let mut asked = None;
        ui.horizontal_wrapped(|ui| {
            asked = self.controls(ui, present, true);
        });
        if let Some(control) = asked {
            self.carry_out_control(control);
        }
    }

    /// The facilitator's window, while it is open.
    pub(super) fn facilitator_window(&mut self, ctx: &egui::Context, present: &Presenting) {
        if !present.facilitator {
            return;
        }
        let builder = egui::ViewportBuilder::default()
            .with_title("CMOC Canvas: facilitator")
            .with_inner_size([760.0, 600.0]);
        ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of("cmoc-facilitator"),
            builder,
            |ui, class| {
                if class == egui::ViewportClass::Immediate {
                    // A window of its own: the clicker's keys work here too, and closing it
                    // brings the controls back to the strip.
                    if ui.ctx().input(|i| i.viewport().close_requested())
                        && let Some(p) = &mut self.present
                    {
                        p.facilitator = false;
                    }
                    let ctx = ui.ctx().clone();
                    self.presenting_keys(&ctx);
                    // A small window (or large type) scrolls rather than cutting off the
                    // comment box at the bottom.
                    egui::CentralPanel::default().show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("facilitator")
                            .auto_shrink([false, false])
                            .show(ui, |ui| self.facilitator_ui(ui));
                    });
                } else {
                    self.facilitator_ui(ui);
                }
            },
        );
    }

    fn facilitator_ui(&mut self, ui: &mut Ui) {
        let Some(present) = self.present.clone() else {
            return;
        };
        let big = |t: String| RichText::new(t).size(PRESENT_DETAIL_PX);
        let now = Timestamp::now();
        let minutes = (now.unix_seconds - present.began.0.unix_seconds).max(0) / 60;
        ui.horizontal(|ui| {
            ui.label(big(format!(
                "Step {} of {}",
                present.index + 1,
                present.steps.len()
            )))
            .on_hover_text("Where the presentation is");
            ui.label(big(format!("· {minutes} min into the session")));
        });
        // Redraw each minute so the clock moves.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(30));
        let name = super::path_panel::step_name(self.editor, present.step());
        ui.add(egui::Label::new(big(format!("Now: {name}")).strong()).wrap());
        let next = present
            .steps
            .get(present.index + 1)
            .map(|s| super::path_panel::step_name(self.editor, s))
            .unwrap_or_else(|| "the end of the path".into());
        ui.label(RichText::new(format!("Next: {next}")).size(CONTROL_PX));
        ui.separator();
        let notes = present.step().notes.trim();
        ui.label(RichText::new("Your notes").size(CONTROL_PX).strong());
        ui.label(
            RichText::new(if notes.is_empty() {
                "(none for this step)"
            } else {
                notes
            })
            .size(PRESENT_DETAIL_PX),
        );
        // The full reasoning behind what the room is told of a scenario.
        if let Some((id, outcome, scenario)) = self.step_in_scenario(&present) {
            ui.label(
                RichText::new(format!(
                    "What if “{}”: {}",
                    scenario.name,
                    outcome.explain(self.editor.doc(), scenario, id)
                ))
                .size(CONTROL_PX),
            );
        }
        ui.separator();
        let mut asked = None;
        ui.horizontal_wrapped(|ui| {
            asked = self.controls(ui, &present, false);
        });
        if let Some(control) = asked {
            self.carry_out_control(control);
        }
        ui.separator();
        self.room_controls_ui(ui);
        if let Some(id) = present.node() {
            ui.separator();
            let label = self.label_of(id);
            let group = self.current_group();
            let from = if group.trim().is_empty() {
                String::new()
            } else {
                format!(", from {group}")
            };
            // What has been said about this card so far, to answer.
            let said: Vec<(crate::model::AnnotationId, String)> = self
                .editor
                .doc()
                .annotations_on(Target::Node(id))
                .filter(|a| a.reaction.is_none())
                .map(|a| {
                    let who = if a.author.trim().is_empty() {
                        "Anonymous"
                    } else {
                        a.author.trim()
                    };
                    let how = if a.reply_to.is_some() {
                        "  (reply) "
                    } else {
                        ""
                    };
                    (
                        a.id,
                        format!("{how}{who}: {}", crate::model::shorten(&a.text, 90)),
                    )
                })
                .collect();
            let mut start_reply = false;
            for (comment, line) in said {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(&line).size(CONTROL_PX));
                    let who = line.trim_start().split(':').next().unwrap_or_default();
                    if control_button(ui, "Reply", &format!("Reply to {who}"), true) {
                        self.comments.replying.insert(Target::Node(id), comment);
                        start_reply = true;
                    }
                });
            }
            // The reply box takes the keyboard at once: the facilitator's typing must never
            // be read as the presenting keys (D, H, S, digits…) in front of the room.
            if start_reply {
                self.comments.drafts.entry(Target::Node(id)).or_default();
                if let Some(p) = &mut self.present {
                    p.commenting = true;
                }
            }
            let commenting = self.present.as_ref().is_some_and(|p| p.commenting);
            let answering = self.answering(id);
            let heading = match &answering {
                Some((_, who)) => format!("Reply to {who}{from}"),
                None => format!("Comment on {label}{from}"),
            };
            ui.horizontal_wrapped(|ui| {
                ui.add(egui::Label::new(RichText::new(heading).size(CONTROL_PX).strong()).wrap());
                if answering.is_some() && control_button(ui, "Not a reply", "Not a reply", true) {
                    self.comments.replying.remove(&Target::Node(id));
                }
            });
            if self.comment_editor(ui, id, commenting) {
                self.add_drafted(id, &group);
            }
        }
    }

    /// The comment the draft on `id` answers, if any, with its author.
    pub(super) fn answering(
        &self,
        id: crate::model::NodeId,
    ) -> Option<(crate::model::AnnotationId, String)> {
        let to = *self.comments.replying.get(&Target::Node(id))?;
        let a = self.editor.doc().annotation(to)?;
        (a.target == Target::Node(id)).then(|| {
            let who = if a.author.trim().is_empty() {
                "Anonymous".to_string()
            } else {
                a.author.trim().to_string()
            };
            (to, who)
        })
    }

    /// Adds the draft on `id`, signed by `group`: as a reply when it answers a comment.
    pub(super) fn add_drafted(&mut self, id: crate::model::NodeId, group: &str) {
        let target = Target::Node(id);
        let text = self.comments.drafts.remove(&target).unwrap_or_default();
        match self.answering(id) {
            Some((to, _)) => self.editor.reply(to, group, &text),
            None => self.editor.add_comment(target, group, &text),
        };
        self.comments.replying.remove(&target);
        // Said where everyone can see it: the comment went in, and whose it is.
        let now = self.ctx.as_ref().map_or(0.0, |c| c.input(|i| i.time));
        let who = if group.trim().is_empty() {
            "the room".to_string()
        } else {
            group.trim().to_string()
        };
        if let Some(p) = &mut self.present {
            p.commenting = false;
            p.notice = Some((format!("Comment added from {who}"), now));
        }
    }

    /// The comment being written on `id`: a large text box (focused when `focus`) and an Add
    /// button; true when the comment is to be added (button or Ctrl+Enter).
    pub(super) fn comment_editor(
        &mut self,
        ui: &mut Ui,
        id: crate::model::NodeId,
        focus: bool,
    ) -> bool {
        let draft = self.comments.drafts.entry(Target::Node(id)).or_default();
        let response = ui.add(
            egui::TextEdit::multiline(draft)
                .font(egui::FontId::proportional(PRESENT_DETAIL_PX + 4.0))
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text(RichText::new("What the group said…").size(PRESENT_DETAIL_PX)),
        );
        super::name_widget(ui, &response, "Workshop comment");
        // While a comment is being written the box has the keyboard, unless another field
        // was chosen since.
        let elsewhere = ui.memory(|m| m.focused()).is_some_and(|f| f != response.id);
        if focus && !response.has_focus() && (draft.is_empty() || !elsewhere) {
            response.request_focus();
        }
        let ctrl_enter = response.has_focus()
            && ui.input_mut(|i| i.consume_shortcut(&crate::app::key_tables::ADD_COMMENT));
        let can = !draft.trim().is_empty();
        let clicked = ui
            .add_enabled(
                can,
                egui::Button::new(RichText::new("Add comment").size(PRESENT_DETAIL_PX)),
            )
            .clicked();
        can && (clicked || ctrl_enter)
    }

    /// The facilitator's buttons; `slim` leaves out what the strip has no room for.
    fn controls(&mut self, ui: &mut Ui, present: &Presenting, slim: bool) -> Option<Control> {
        let mut asked = None;
        let mut button = |ui: &mut Ui, text: &str, name: &str, control: Control, enabled: bool| {
            if control_button(ui, text, name, enabled) {
                asked = Some(control);
            }
        };
        let on_card = present.node().is_some();
        let last = present.steps.len().saturating_sub(1);
        button(
            ui,
            "Back",
            "Previous step",
            Control::Back,
            present.index > 0,
        );
        button(ui, "Next", "Next step", Control::Next, present.index < last);
        ui.add_space(12.0);
        for (reaction, text, key, name) in [
            (Reaction::Agrees, "Agrees", 1, "The group agrees"),
            (Reaction::NotSure, "Not sure", 2, "The group is not sure"),
            (Reaction::Disagrees, "Disagrees", 3, "The group disagrees"),
        ] {
            button(
                ui,
                &format!("{text} ({key})"),
                name,
                Control::React(reaction),
                on_card,
            );
        }
        if slim {
            button(
                ui,
                "Comment (C)",
                "Write a comment",
                Control::Comment,
                on_card,
            );
        }
        button(
            ui,
            "What if not? (T)",
            "What if this did not happen",
            Control::Toggle,
            on_card,
        );
        if !self.editor.doc().scenarios().is_empty() {
            button(
                ui,
                "Scenario (S)",
                "Show the next scenario",
                Control::Scenario,
                true,
            );
        }
        ui.add_space(12.0);
        let group = self.group_controls(ui, slim).map(Control::Group);
        ui.add_space(12.0);
        if slim {
            let join = match self.room.as_ref() {
                Some(room) => format!("Phones: {} (J stops)", room.devices()),
                None => "Join from phones (J)".to_string(),
            };
            button(
                ui,
                &join,
                "Let the room join from phones",
                Control::Join,
                true,
            );
            button(
                ui,
                "Notes (N)",
                "Show or hide your notes",
                Control::Notes,
                true,
            );
            button(
                ui,
                "Second screen (F)",
                "Open the facilitator's window",
                Control::SecondScreen,
                true,
            );
            button(
                ui,
                "Hide (H)",
                "Hide these controls",
                Control::HideStrip,
                true,
            );
        }
        button(
            ui,
            "Leave (Esc)",
            "Leave the presentation",
            Control::Leave,
            true,
        );
        group.or(asked)
    }

    fn carry_out_control(&mut self, control: Control) {
        let Some(present) = self.present.clone() else {
            return;
        };
        match control {
            Control::Back => self.go_to_step(present.index.saturating_sub(1)),
            Control::Next => self.go_to_step(present.index + 1),
            Control::React(reaction) => {
                if let Some(id) = present.node() {
                    let group = self.current_group();
                    self.editor.react(Target::Node(id), &group, reaction);
                }
            }
            Control::Comment => {
                if let Some(id) = present.node() {
                    self.comments.drafts.entry(Target::Node(id)).or_default();
                    if let Some(p) = &mut self.present {
                        p.commenting = true;
                    }
                }
            }
            Control::Group(i) => {
                if i < self.settings.groups.len() {
                    self.settings.current_group = i;
                    self.save_settings();
                }
            }
            Control::Scenario => self.next_scenario(),
            Control::Toggle => {
                if let Some(id) = present.node() {
                    self.editor.toggle_card(id);
                }
            }
            Control::Notes => {
                if let Some(p) = &mut self.present {
                    p.notes = !p.notes;
                }
            }
            Control::SecondScreen => {
                if let Some(p) = &mut self.present {
                    p.facilitator = true;
                }
            }
            Control::HideStrip => {
                if let Some(p) = &mut self.present {
                    p.strip = false;
                }
            }
            Control::Join => self.toggle_room(),
            Control::Leave => self.stop_presenting(),
        }
    }
}
