//! What the room sees under the diagram while presenting: the step in plain words and in
//! the researchers' words, the groups' reactions, the comment box, and "How to read this".

use super::Presenting;
use super::Stage;
use crate::app::definitions;
use crate::model::{NodeContent, NodeId, Polarity, Target};
use crate::scene::style::{
    CAPTION_FIT_LEAST, CAPTION_GAP_PX, PRESENT_DETAIL_PX, PRESENT_HOW_TO_PX, PRESENT_SENTENCE_PX,
};
use egui::{RichText, Ui};

/// How long a notice ("Comment added from Carers") stays in the caption, in seconds.
const NOTICE_SECONDS: f64 = 4.0;

/// A node's own plain words as the room should read them: as written, or, for a card
/// switched since presenting began ("What if not?", T), said not to happen — the words were
/// written for the other polarity, and the room would read the opposite of what is meant.
pub(super) fn own_plain_words(
    doc: &crate::model::Document,
    present: &Presenting,
    id: NodeId,
) -> Option<String> {
    let node = doc.node(id)?;
    let words = node.plain.trim();
    if words.is_empty() {
        return None;
    }
    let polarity = |doc: &crate::model::Document| {
        doc.node(id)
            .and_then(|n| n.content.cmoc())
            .map(|c| c.polarity)
    };
    let switched = polarity(&present.began.1) != polarity(doc);
    Some(if switched {
        crate::interchange::not_happening(words)
    } else {
        words.to_string()
    })
}

impl Stage<'_> {
    /// Where the room is, for the caption's right side: a notice just given, what is being
    /// typed, the group, the scenario shown, and the step count.
    fn caption_status(&self, ui: &Ui, present: &Presenting, fit: f32) -> Vec<RichText> {
        let detail = |text: String| RichText::new(text).size(PRESENT_DETAIL_PX * fit);
        let mut status: Vec<RichText> = Vec::new();
        let now = ui.input(|i| i.time);
        if let Some((notice, at)) = &present.notice
            && now - at < NOTICE_SECONDS
        {
            status.push(detail(notice.clone()).strong());
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(NOTICE_SECONDS));
        }
        if !present.typed.is_empty() {
            let hint = match present.typed.as_str() {
                "1" => "1: agrees… (or go to CMOC 1 with Enter)".to_string(),
                "2" => "2: not sure… (or go to CMOC 2 with Enter)".to_string(),
                "3" => "3: disagrees… (or go to CMOC 3 with Enter)".to_string(),
                typed => format!("Go to CMOC {typed}… (Enter)"),
            };
            status.push(detail(hint));
        }
        let group = self.current_group();
        status.push(detail(if group.is_empty() {
            "No group named".into()
        } else {
            format!("Group: {group}")
        }));
        if let Some(room) = self.room_status() {
            status.push(detail(room));
        }
        if let Some(s) = self
            .canvas
            .scenario
            .and_then(|i| self.editor.doc().scenarios().get(i))
        {
            status.push(detail(format!("What if: {} (S)", s.name)).strong());
        }
        status.push(detail(format!(
            "{} / {}",
            present.index + 1,
            present.steps.len()
        )));
        status
    }

    /// On the "How to read" step: the names of the groups in the room, typed by the
    /// facilitator (comments and reactions are signed with them).
    fn groups_field_ui(&mut self, ui: &mut Ui) {
        let detail = |text: String| RichText::new(text).size(PRESENT_DETAIL_PX);
        ui.horizontal(|ui| {
            let label = ui.label(detail("Groups in the room:".into()));
            // While the field is being typed in, it shows the words as typed: rebuilt from the
            // groups after each key, a comma or space typed at the end was trimmed away at once
            // and "Table 1, Table 2" became one group "Table1 Table2".
            let draft_id = egui::Id::unique("present-groups-typed");
            let mut names = ui
                .data(|d| d.get_temp::<String>(draft_id))
                .unwrap_or_else(|| self.settings.groups.join(", "));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut names)
                        .font(egui::FontId::proportional(PRESENT_DETAIL_PX))
                        .hint_text("Table 1, Table 2, Carers")
                        .desired_width(ui.available_width() * 0.6),
                )
                .labelled_by(label.id);
            if field.has_focus() {
                ui.data_mut(|d| d.insert_temp(draft_id, names.clone()));
            } else {
                ui.data_mut(|d| d.remove::<String>(draft_id));
            }
            if field.changed() {
                self.settings.groups = names
                    .split(',')
                    .map(|g| g.trim().to_string())
                    .filter(|g| !g.is_empty())
                    .collect();
                self.settings.current_group = 0;
                self.save_settings();
            }
        });
    }

    pub(super) fn caption_ui(&mut self, ui: &mut Ui, present: &Presenting) {
        // The caption's type shrinks (never below CAPTION_FIT_LEAST of its size) until the
        // whole step fits the caption: the room never sees a line cut off at the bottom.
        let fit_id = egui::Id::unique("present-caption-fit");
        let key = (present.index, ui.available_size().round());
        let fit = ui
            .ctx()
            .data(|d| d.get_temp::<((usize, egui::Vec2), f32)>(fit_id))
            .filter(|(k, _)| *k == key)
            .map_or(1.0, |(_, f)| f);
        let detail = |text: String| RichText::new(text).size(PRESENT_DETAIL_PX * fit);
        let (what, sentence) = self.step_words(present);
        let plain = present
            .node()
            .and_then(|id| own_plain_words(self.editor.doc(), present, id));
        let tally = present.node().map(|id| self.tally(id)).unwrap_or_default();
        ui.add_space(6.0);
        // The step's title on the left, where the room is (group, scenario, step count) on the
        // right, on one line when they fit; otherwise the title has the width to itself and
        // the rest follows on the next line, so nothing is ever drawn over anything else.
        let status = self.caption_status(ui, present, fit);
        let title = detail(what).strong();
        let width_of = |ui: &Ui, text: &RichText| {
            egui::WidgetText::from(text.clone())
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Body,
                )
                .size()
                .x
        };
        let gap = CAPTION_GAP_PX;
        let needed =
            width_of(ui, &title) + status.iter().map(|t| width_of(ui, t) + gap).sum::<f32>() + gap;
        if needed <= ui.available_width() {
            ui.horizontal(|ui| {
                ui.label(title);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    for part in status.into_iter().rev() {
                        ui.label(part);
                        ui.add_space(gap);
                    }
                });
            });
        } else {
            ui.add(egui::Label::new(title).wrap());
            // Each part whole: one that does not fit the rest of the line starts the next.
            ui.horizontal_wrapped(|ui| {
                for part in status {
                    ui.add(egui::Label::new(part).extend());
                    ui.add_space(gap);
                }
            });
        }
        if present.notes && !present.facilitator && !present.step().notes.trim().is_empty() {
            ui.label(detail(format!("Your notes: {}", present.step().notes.trim())).italics());
        }
        if present.how_to_read() {
            self.groups_field_ui(ui);
        }
        let shown = egui::ScrollArea::vertical()
            .id_salt("present-sentence")
            .max_height(ui.available_height().max(40.0))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                match &plain {
                    // Plain words large, the researchers' sentence beneath in smaller type.
                    Some(plain) => {
                        ui.label(RichText::new(plain).size(PRESENT_SENTENCE_PX * fit));
                        ui.label(
                            RichText::new(&sentence)
                                .size(PRESENT_DETAIL_PX * fit)
                                .weak(),
                        );
                    }
                    None => {
                        ui.label(RichText::new(&sentence).size(PRESENT_SENTENCE_PX * fit));
                    }
                }
                if !tally.is_empty() {
                    ui.label(detail(tally));
                }
                if let Some((id, outcome, scenario)) = self.step_in_scenario(present) {
                    // The room hears it plainly; the reasoning is in the facilitator's window
                    // and the inspector.
                    let negative = self
                        .editor
                        .doc()
                        .node(id)
                        .and_then(|n| n.content.cmoc())
                        .is_some_and(|c| c.polarity == Polarity::Negative);
                    ui.label(detail(story_words(
                        &scenario.name,
                        outcome.state(id),
                        negative,
                    )));
                }
            });
        if shown.content_size.y > shown.inner_rect.height() + 1.0 && fit > CAPTION_FIT_LEAST {
            // Wrapped text's height goes with the square of its size, near enough.
            let ratio = (shown.inner_rect.height() / shown.content_size.y).sqrt();
            let smaller = (fit * ratio * 0.98).max(CAPTION_FIT_LEAST);
            ui.ctx().data_mut(|d| d.insert_temp(fit_id, (key, smaller)));
            ui.ctx()
                .request_discard("the caption's type shrinks to fit");
            ui.ctx().request_repaint();
        } else {
            ui.ctx().data_mut(|d| d.insert_temp(fit_id, (key, fit)));
        }
    }

    /// The groups' reactions to a card, counted: "Agrees 2 · Not sure 1 · Disagrees 0".
    fn tally(&self, id: NodeId) -> String {
        let mut counts = [0usize; 3];
        for a in self.editor.doc().annotations_on(Target::Node(id)) {
            if let Some(r) = a.reaction {
                counts[crate::model::Reaction::ALL
                    .iter()
                    .position(|x| *x == r)
                    .unwrap_or(0)] += 1;
            }
        }
        if counts.iter().all(|c| *c == 0) {
            return String::new();
        }
        format!(
            "Agrees {} · Not sure {} · Disagrees {}",
            counts[0], counts[1], counts[2]
        )
    }

    /// What the caption says for a step: a heading, and the step in plain words.
    fn step_words(&self, present: &Presenting) -> (String, String) {
        let step = present.step();
        let group = (step.nodes().len() > 1).then(|| {
            let name = crate::app::path_panel::step_name(self.editor, step);
            let on = present
                .node()
                .and_then(|id| self.editor.doc().node(id))
                .map(crate::model::Node::label)
                .unwrap_or_default();
            format!("{name}   Now: {on} (Tab: next)")
        });
        let (what, words) = self.node_words(present);
        (group.unwrap_or(what), words)
    }

    fn node_words(&self, present: &Presenting) -> (String, String) {
        match present.node() {
            None => (
                "How to read this".to_string(),
                "Each numbered box is one idea about how the service helps, for whom and when. Press the right arrow key to go through them one by one."
                    .to_string(),
            ),
            Some(id) => match self.editor.doc().node(id).map(|n| (n.label(), &n.content)) {
                Some((label, NodeContent::Cmoc(card))) => {
                    let what = match card.polarity {
                        Polarity::Positive => label,
                        Polarity::Negative => {
                            format!("{label}: what happens when this does not work")
                        }
                    };
                    let what = if card.title.trim().is_empty() {
                        what
                    } else {
                        format!("{what} · {}", card.title.trim())
                    };
                    (what, super::plain_sentence(card))
                }
                Some((label, NodeContent::Condition(block))) => (
                    label,
                    format!(
                        "A fork in the road: {}. Follow “yes” when this is true, “no” when it is not.",
                        [block.title.trim(), block.text.trim()]
                            .into_iter()
                            .filter(|s| !s.is_empty() && *s != "IF")
                            .collect::<Vec<_>>()
                            .join(": ")
                    ),
                ),
                Some((label, _)) => (label, String::new()),
                None => ("(removed)".into(), String::new()),
            },
        }
    }

    /// The step's node, with the scenario shown and what it makes of the diagram, while one is.
    pub(in crate::app) fn step_in_scenario(
        &self,
        present: &Presenting,
    ) -> Option<(NodeId, &crate::model::Outcome, &crate::model::Scenario)> {
        let scenario = self
            .canvas
            .scenario
            .and_then(|i| self.editor.doc().scenarios().get(i))?;
        Some((present.node()?, self.canvas.scenario_outcome()?, scenario))
    }

    /// A node's short label ("CMOC 22"), or nothing for a node since deleted.
    pub(in crate::app) fn label_of(&self, id: NodeId) -> String {
        self.editor
            .doc()
            .node(id)
            .map(crate::model::Node::label)
            .unwrap_or_default()
    }

    pub(super) fn comment_box_ui(&mut self, ctx: &egui::Context, present: &Presenting) {
        let Some(id) = present.node() else {
            return;
        };
        let label = self.label_of(id);
        let group = self.current_group();
        let mut add = false;
        let mut close = false;
        let heading = match self.answering(id) {
            Some((_, who)) => format!("Reply to {who} on {label}, from {group}"),
            None => format!("Comment on {label}, from {group}"),
        };
        egui::Modal::new(egui::Id::unique("present-comment")).show(ctx, |ui| {
            ui.set_width(ctx.content_rect().width() * 0.6);
            ui.label(RichText::new(heading).size(PRESENT_DETAIL_PX).strong());
            add = self.comment_editor(ui, id, true);
            if ui
                .button(RichText::new("Close").size(PRESENT_DETAIL_PX))
                .on_hover_text("The words stay as a draft on this card")
                .clicked()
            {
                close = true;
            }
            ui.label(
                RichText::new("Ctrl+Enter adds it; Esc closes and keeps the words as a draft.")
                    .size(crate::scene::style::FACILITATOR_CONTROL_PX)
                    .weak(),
            );
        });
        if add {
            self.add_drafted(id, &group);
            close = true;
        }
        if close && let Some(p) = &mut self.present {
            p.commenting = false;
        }
    }
}

/// "How to read this", over the whole diagram.
pub(super) fn how_to_read_ui(ui: &mut Ui, canvas: egui::Rect) {
    let area = canvas.shrink2(egui::vec2(canvas.width() * 0.12, canvas.height() * 0.08));
    let frame = egui::Frame::popup(ui.style()).inner_margin(24.0);
    ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
        frame.show(ui, |ui| {
            ui.label(
                RichText::new("How to read this picture")
                    .size(PRESENT_HOW_TO_PX + 8.0)
                    .strong(),
            );
            egui::ScrollArea::vertical().show(ui, |ui| {
                for line in definitions::HOW_TO_READ {
                    ui.label(RichText::new(*line).size(PRESENT_HOW_TO_PX));
                    ui.add_space(6.0);
                }
            });
        });
    });
}

/// A node's state in a scenario as the room hears it: "In the story “Not recognised or not
/// supported”, this does not happen."
pub(crate) fn story_words(
    scenario: &str,
    state: crate::model::NodeState,
    negative: bool,
) -> String {
    use crate::model::NodeState;
    let what = match (state, negative) {
        (NodeState::Active, false) => "this happens",
        (NodeState::Inactive, false) => "this does not happen",
        (NodeState::Partly, false) => "this partly happens",
        (NodeState::Active, true) => "this is what goes wrong",
        (NodeState::Inactive, true) => "this does not go wrong",
        (NodeState::Partly, true) => "this partly goes wrong",
        (NodeState::Unknown, _) => "we cannot yet say whether this happens",
    };
    format!("In the story “{}”, {what}.", scenario.trim())
}
