//! The Versions tab's team half: the merge conflicts to resolve (mine, theirs, both, or
//! edited — each one undo step of the session) and the comparison with a saved version (its
//! summary, the list of changes to step through, and a changed card's struck and inserted
//! words). Everything it does goes through the headless session.

use crate::model::{Conflict, ConflictOn, Disagreement, NodeId};
use crate::scene::style::WORD_DIFF_LINE_PX;
use crate::session::compare::{ChangeKind, Piece, word_diff};
use crate::session::{Editor, Resolution};
use egui::text::LayoutJob;
use egui::{RichText, TextEdit, TextFormat, Ui};

/// At most this many changes are listed (the rest are counted): a list of thousands would
/// cost every frame and help no one; n / N still steps through all of them.
const LISTED_CHANGES: usize = 200;

/// What the team half keeps between frames.
#[derive(Debug, Default)]
pub struct TeamPanel {
    /// The conflict being edited by hand, and the words so far.
    editing: Option<(usize, String)>,
}

impl TeamPanel {
    /// The conflicts, when a merge left any; returns a node to show on the canvas.
    pub fn conflicts_ui(&mut self, ui: &mut Ui, editor: &mut Editor) -> Option<NodeId> {
        let conflicts = editor.doc().conflicts().to_vec();
        if conflicts.is_empty() {
            self.editing = None;
            return None;
        }
        ui.label(
            RichText::new(format!("Merge conflicts to resolve ({})", conflicts.len())).strong(),
        );
        ui.label(
            RichText::new(
                "Where you and your colleague changed the same thing differently, your words stay in the diagram until you choose. Each choice can be undone.",
            )
            .weak(),
        );
        let mut show = None;
        let mut chosen = None;
        for (index, conflict) in conflicts.iter().enumerate() {
            let subject = editor
                .conflict_subject(conflict)
                .unwrap_or_else(|| "Something no longer in the diagram".into());
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                let heading = ui.label(RichText::new(conflict.summary(&subject)).strong());
                let _ = heading;
                side_ui(ui, "Yours", &conflict.yours);
                side_ui(ui, "Theirs", &conflict.theirs);
                if !conflict.base.is_empty() {
                    side_ui(ui, "Before", &conflict.base);
                }
                if let Some(hint) = hint(conflict) {
                    ui.label(RichText::new(hint).weak().italics());
                }
                if let Some(how) = self.buttons_ui(ui, index, conflict, &subject) {
                    chosen = Some((index, how));
                }
                if let ConflictOn::Node(id) = conflict.on
                    && ui.small_button("Show on the canvas").clicked()
                {
                    editor.selection.set_node(id);
                    show = Some(id);
                }
            });
        }
        if let Some((index, how)) = chosen
            && editor.resolve_conflict(index, how)
        {
            self.editing = None;
        }
        ui.separator();
        show
    }

    /// Mine / theirs / both / edit, and the edit box when editing. Returns the choice made.
    fn buttons_ui(
        &mut self,
        ui: &mut Ui,
        index: usize,
        conflict: &Conflict,
        subject: &str,
    ) -> Option<Resolution> {
        if let Some((editing, text)) = self.editing.as_mut()
            && *editing == index
        {
            let edit = ui.add(
                TextEdit::multiline(text)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            );
            crate::app::name_widget(ui, &edit, &format!("Your words for {subject}"));
            let mut choice = None;
            let mut cancel = false;
            ui.horizontal_wrapped(|ui| {
                if ui.button("Use these words").clicked() {
                    choice = Some(Resolution::Edited(text.clone()));
                }
                cancel = ui.button("Cancel").clicked();
            });
            if cancel {
                self.editing = None;
            }
            return choice;
        }
        let texts = matches!(
            conflict.disagreement,
            Disagreement::Field(_) | Disagreement::ArrowField(crate::model::EdgePart::Label)
        );
        let removal = matches!(
            conflict.disagreement,
            Disagreement::RemovedInYours | Disagreement::RemovedInTheirs
        );
        let mut choice = None;
        ui.horizontal_wrapped(|ui| {
            let mut button = |ui: &mut Ui, label: &str, how: Resolution, tip: &str| {
                let response = ui.button(label).on_hover_text(tip);
                crate::app::name_widget(ui, &response, &format!("{label}: {subject}"));
                if response.clicked() {
                    choice = Some(how);
                }
            };
            button(ui, "Keep mine", Resolution::Mine, "Keep what your copy has");
            button(
                ui,
                "Take theirs",
                Resolution::Theirs,
                "Use what your colleague's copy has",
            );
            if texts || conflict.disagreement == Disagreement::SameNumber {
                button(
                    ui,
                    "Keep both",
                    Resolution::Both,
                    if texts {
                        "Keep your words, then theirs on the next line"
                    } else {
                        "Keep both cards; theirs gets the next free number"
                    },
                );
            }
            if texts && !removal {
                let response = ui
                    .button("Edit…")
                    .on_hover_text("Write the words yourself, starting from yours");
                crate::app::name_widget(ui, &response, &format!("Edit: {subject}"));
                if response.clicked() {
                    self.editing = Some((index, conflict.yours.clone()));
                }
            }
        });
        choice
    }

    /// The comparison, while the diagram is being compared; returns a node to show.
    pub fn comparing_ui(&mut self, ui: &mut Ui, editor: &mut Editor) -> Option<NodeId> {
        let selected = editor.selection.single_node();
        editor.refresh_comparison();
        let comparing = editor.comparison_view()?;
        let mut show = None;
        let mut step = None;
        let mut stop = false;
        let mut select = None;
        let mut correction = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Comparing with “{}”", comparing.name)).strong());
            if ui.button("Stop comparing").clicked() {
                stop = true;
            }
        });
        ui.label(comparing.summary());
        ui.label(
            RichText::new(
                "On the canvas each changed card carries a word: ADDED, CHANGED or MOVED; a removed one is a dashed outline where it was.",
            )
            .weak(),
        );
        ui.horizontal_wrapped(|ui| {
            if ui.button("Previous change (Shift+N)").clicked() {
                step = Some(false);
            }
            if ui.button("Next change (n)").clicked() {
                step = Some(true);
            }
        });
        let changes = &comparing.comparison().nodes;
        for (i, change) in changes.iter().take(LISTED_CHANGES).enumerate() {
            let node = change
                .new
                .and_then(|id| editor.doc().node(id))
                .or_else(|| change.old.and_then(|id| comparing.old_node(id)));
            let Some(node) = node else { continue };
            let mut words = format!("{}: {}", change.kind.word(), node.label());
            if change.kind == ChangeKind::Changed {
                let parts: Vec<&str> = change.parts.iter().map(|p| p.name()).collect();
                words.push_str(&format!(" ({})", parts.join(", ")));
            }
            // A pair not made by id is said, so a wrong one can be seen.
            if let Some(matched) = change
                .matched
                .filter(|m| *m != crate::session::compare::Matched::Id)
            {
                words.push_str(&format!(" — {}", matched.words()));
            }
            let current =
                comparing.cursor == Some(i) || change.new.is_some_and(|id| Some(id) == selected);
            // A pair made by number or words can be taken apart when it is wrong; a removed
            // card can be paired by hand with the card selected in the diagram.
            let fix = match (change.matched, change.old, change.new, selected) {
                (Some(m), Some(old), Some(new), _) if m != crate::session::compare::Matched::Id => {
                    Some((PairFix::Apart, old, new))
                }
                (_, Some(old), None, Some(new)) => Some((PairFix::Same, old, new)),
                _ => None,
            };
            let (response, fixed) = change_row_ui(ui, current, &words, fix.map(|f| f.0));
            if fixed && let Some((how, old, new)) = fix {
                correction = Some((old, new, how == PairFix::Apart));
            }
            if response.clicked() {
                select = Some(change.new);
            }
        }
        if changes.len() > LISTED_CHANGES {
            ui.label(format!(
                "and {} more (n steps through every one)",
                changes.len() - LISTED_CHANGES
            ));
        }
        match select {
            Some(Some(id)) => {
                editor.selection.set_node(id);
                show = Some(id);
            }
            Some(None) => editor.selection.clear(),
            None => {}
        }
        if let Some(forward) = step
            && let Some(node) = editor.step_change(forward)
            && editor.doc().node(node.id).is_some()
        {
            show = Some(node.id);
        }
        if let Some((old, new, apart)) = correction {
            editor.correct_pairing(old, new, apart);
        }
        if stop {
            editor.stop_comparing();
        }
        ui.separator();
        show
    }
}

/// A correction the change list offers beside a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PairFix {
    /// The two were paired by number or words and are not the same card.
    Apart,
    /// This removed card is the card selected in the diagram.
    Same,
}

/// One change in the list, with its correction button if any; the label's response and
/// whether the button was clicked.
fn change_row_ui(
    ui: &mut Ui,
    current: bool,
    words: &str,
    fix: Option<PairFix>,
) -> (egui::Response, bool) {
    let Some(fix) = fix else {
        return (ui.selectable_label(current, words), false);
    };
    let (text, tip) = match fix {
        PairFix::Apart => (
            "Not the same card",
            "Keep these two apart: one counts as removed, the other as added",
        ),
        PairFix::Same => (
            "Same card as the selected one",
            "Pair this removed card with the card selected in the diagram: they are one card, changed",
        ),
    };
    ui.horizontal_wrapped(|ui| {
        let label = ui.selectable_label(current, words);
        let button = ui.small_button(text).on_hover_text(tip);
        crate::app::name_widget(ui, &button, &format!("{text}: {words}"));
        (label, button.clicked())
    })
    .inner
}

/// One side of a conflict: "Yours: …".
fn side_ui(ui: &mut Ui, who: &str, words: &str) {
    let shown: String = words.chars().take(600).collect();
    let more = if shown.len() < words.len() { "…" } else { "" };
    ui.label(format!("{who}: {shown}{more}"));
}

/// What the choices mean where it is not obvious.
fn hint(conflict: &Conflict) -> Option<&'static str> {
    Some(match conflict.disagreement {
        Disagreement::RemovedInYours => {
            "You removed it and your colleague changed it; it is back in the diagram with their changes. Keep mine removes it again; Take theirs keeps it."
        }
        Disagreement::RemovedInTheirs => {
            "Your colleague removed it and you changed it; it stays in the diagram. Keep mine keeps it; Take theirs removes it."
        }
        Disagreement::SameNumber => {
            "Both copies added a different CMOC with this number. Keep mine removes theirs; Take theirs removes yours; Keep both renumbers theirs."
        }
        _ => return None,
    })
}

/// What changed in a card since the version being compared with, word by word (struck and
/// underlined, so the marks read without colour): for the inspector and the Versions tab.
pub fn word_changes_ui(ui: &mut Ui, editor: &mut Editor, id: NodeId) {
    editor.refresh_comparison();
    let Some(comparing) = editor.comparison_view() else {
        return;
    };
    let Some(change) = comparing
        .change_of(id)
        .filter(|c| c.kind == ChangeKind::Changed)
    else {
        return;
    };
    let Some(old) = change.old.and_then(|o| comparing.old_node(o)).cloned() else {
        return;
    };
    let name = comparing.name.clone();
    let Some(new) = editor.doc().node(id).cloned() else {
        return;
    };
    let (Some(before), Some(after)) = (old.content.cmoc(), new.content.cmoc()) else {
        return;
    };
    ui.label(RichText::new(format!("Changed since “{name}”")).strong());
    for (part, a, b) in [
        ("Context", &before.context, &after.context),
        ("Mechanism", &before.mechanism, &after.mechanism),
        ("Outcome", &before.outcome, &after.outcome),
        ("Title", &before.title, &after.title),
    ] {
        if a == b {
            continue;
        }
        let diff = word_diff(a, b);
        let mut job = LayoutJob::default();
        let body = egui::TextStyle::Body.resolve(ui.style());
        let normal = TextFormat {
            font_id: body.clone(),
            color: ui.visuals().text_color(),
            ..Default::default()
        };
        job.append(
            &format!("{part}: "),
            0.0,
            TextFormat {
                color: ui.visuals().strong_text_color(),
                ..normal.clone()
            },
        );
        for (i, piece) in diff.pieces.iter().enumerate() {
            let (text, format) = match piece {
                Piece::Same(t) => (t, normal.clone()),
                Piece::Removed(t) => (
                    t,
                    TextFormat {
                        strikethrough: egui::Stroke::new(
                            WORD_DIFF_LINE_PX,
                            ui.visuals().error_fg_color,
                        ),
                        color: ui.visuals().error_fg_color,
                        ..normal.clone()
                    },
                ),
                Piece::Inserted(t) => (
                    t,
                    TextFormat {
                        underline: egui::Stroke::new(
                            WORD_DIFF_LINE_PX,
                            ui.visuals().strong_text_color(),
                        ),
                        color: ui.visuals().strong_text_color(),
                        ..normal.clone()
                    },
                ),
            };
            job.append(text, 0.0, format);
            if diff.needs_space_after(i) {
                job.append(" ", 0.0, normal.clone());
            }
        }
        let response = ui.label(job);
        crate::app::name_widget(ui, &response, &format!("{part}: {}", diff.plain()));
    }
    ui.label(
        RichText::new("Struck-through words were removed; underlined words were added.").weak(),
    );
}

/// Merging a colleague's copy that shares no saved version with the diagram: the copy, its
/// name, and the version chosen as where both started (`None`: none, a two-way merge).
#[derive(Clone, Debug, PartialEq)]
pub struct MergeBaseChoice {
    /// Their copy.
    pub theirs: crate::model::Document,
    /// Its file name.
    pub name: String,
    /// The saved version of yours both started from, if any.
    pub base: Option<usize>,
}

/// The question: where did both copies start? One of your saved versions, or none.
pub fn merge_base_ui(
    ui: &mut Ui,
    choice: &mut MergeBaseChoice,
    ours: &crate::model::Document,
) -> super::figures::DialogAnswer {
    use super::figures::DialogAnswer;
    ui.heading(format!("Merge {}", choice.name));
    ui.label(format!(
        "Your diagram and {} keep no saved version in common, so the merge cannot tell who changed what. Choose the version you both started from, or merge without one: then every difference is a conflict for you to choose.",
        choice.name
    ));
    ui.radio_value(
        &mut choice.base,
        None,
        "No common version: every difference is a choice",
    );
    for (index, version) in ours.versions().iter().enumerate().rev() {
        ui.radio_value(
            &mut choice.base,
            Some(index),
            format!("“{}” (saved {} UTC)", version.name, version.saved.short()),
        );
    }
    let mut answer = DialogAnswer::Open;
    ui.horizontal(|ui| {
        if ui.button("Merge").clicked() {
            answer = DialogAnswer::Confirm;
        }
        if ui.button("Cancel").clicked() {
            answer = DialogAnswer::Cancel;
        }
    });
    answer
}
