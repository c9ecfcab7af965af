//! The Path panel: the steps View → Present goes through, in order, for the facilitator to
//! prepare. Each step is a card, a condition or a group of nodes shown together, with speaker
//! notes only the facilitator sees. Steps can be moved, skipped, removed, and added from the
//! selection; until the facilitator changes anything the path follows the diagram ("How to
//! read this", each condition, its yes pathway, its no pathway, then the rest). The path is
//! saved in the file; every change is an undoable edit.

use crate::model::{Node, NodeContent, NodeId, PathStep, StepShows, resolve_path};
use crate::session::Editor;
use egui::{RichText, TextEdit, Ui};

/// What the panel did that the app must carry out.
#[derive(Default)]
pub struct PathOutput {
    /// Start presenting at this step.
    pub present_from: Option<usize>,
    /// Show these nodes on the canvas.
    pub show: Option<Vec<NodeId>>,
}

/// Shows the Path panel. `default_order` gives the diagram's own order when the document has
/// no path of its own (called only then).
pub fn path_ui(
    ui: &mut Ui,
    editor: &mut Editor,
    default_order: impl FnOnce() -> Vec<NodeId>,
) -> PathOutput {
    let mut out = PathOutput::default();
    let own = editor.doc().workshop().path.is_some();
    let mut path = resolve_path(editor.doc(), default_order);
    ui.label(
        RichText::new(if own {
            "The steps of View > Present (F5), as you arranged them."
        } else {
            "The steps of View > Present (F5). They follow the diagram until you change them."
        })
        .weak(),
    );
    ui.horizontal_wrapped(|ui| {
        let selected: Vec<NodeId> = editor.selection.nodes.iter().copied().collect();
        let add = ui
            .add_enabled(
                !selected.is_empty(),
                egui::Button::new(if selected.len() > 1 {
                    "Add the selection as one step"
                } else {
                    "Add the selected card as a step"
                }),
            )
            .on_disabled_hover_text("Select a card, or several nodes to show together");
        if add.clicked() {
            let step = if selected.len() == 1 {
                PathStep::node(selected[0])
            } else {
                PathStep {
                    shows: StepShows::Nodes(selected),
                    ..PathStep::how_to_read()
                }
            };
            let mut new = path.clone();
            new.push(step);
            editor.set_path(Some(new), "Add a step to the path");
        }
        if ui
            .add_enabled(own, egui::Button::new("Follow the diagram again"))
            .on_hover_text("Forget this path and its speaker notes; the path follows the diagram")
            .clicked()
        {
            editor.set_path(None, "Follow the diagram again");
        }
    });
    ui.separator();
    let count = path.len();
    let mut change: Option<(Vec<PathStep>, &'static str)> = None;
    let mut typed: Option<usize> = None;
    for index in 0..count {
        let step = path[index].clone();
        ui.push_id(("path-step", index), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    let name = step_name(editor, &step);
                    let text = RichText::new(format!("{}. {name}", index + 1));
                    let text = if step.skip {
                        text.weak().strikethrough()
                    } else {
                        text.strong()
                    };
                    let link = ui.link(text);
                    if link.clicked() && !step.nodes().is_empty() {
                        out.show = Some(step.nodes().to_vec());
                    }
                    super::name_widget(ui, &link, &format!("Step {}: {name}", index + 1));
                });
                ui.horizontal_wrapped(|ui| {
                    if let Some(asked) = step_controls_ui(ui, &path, index, &mut out) {
                        change = Some(asked);
                    }
                });
                if step.nodes().len() > 1 {
                    let mut title = step.title.clone();
                    let r = ui.add(
                        TextEdit::singleline(&mut title)
                            .hint_text("A heading for these nodes")
                            .desired_width(f32::INFINITY),
                    );
                    super::name_widget(ui, &r, &format!("Heading of step {}", index + 1));
                    if r.changed() {
                        path[index].title = title;
                        typed = Some(index);
                    }
                }
                let mut notes = step.notes.clone();
                let r = ui.add(
                    TextEdit::multiline(&mut notes)
                        .hint_text("Speaker notes (N shows them while presenting; in the facilitator's window, only you)")
                        .desired_rows(1)
                        .desired_width(f32::INFINITY),
                );
                super::name_widget(ui, &r, &format!("Speaker notes of step {}", index + 1));
                if r.changed() {
                    path[index].notes = notes;
                    typed = Some(index);
                }
                if r.lost_focus() {
                    editor.seal();
                }
            });
        });
    }
    if let Some((new, label)) = change {
        editor.set_path(Some(new), label);
    } else if let Some(index) = typed {
        editor.type_in_path(path, index);
    }
    out
}

/// A step's controls: skip, up, down, remove, present from here. The new path asked for,
/// with its undo label.
fn step_controls_ui(
    ui: &mut Ui,
    path: &[PathStep],
    index: usize,
    out: &mut PathOutput,
) -> Option<(Vec<PathStep>, &'static str)> {
    let count = path.len();
    let mut change = None;
    let mut skip = path[index].skip;
    let r = ui.checkbox(&mut skip, "Skip");
    super::name_widget(ui, &r, &format!("Skip step {}", index + 1));
    if r.changed() {
        let mut new = path.to_vec();
        new[index].skip = skip;
        change = Some((
            new,
            if skip {
                "Skip a step"
            } else {
                "Include a step"
            },
        ));
    }
    let up = ui.add_enabled(index > 0, egui::Button::new("Up").small());
    super::name_widget(ui, &up, &format!("Move step {} up", index + 1));
    if up.clicked() {
        let mut new = path.to_vec();
        new.swap(index, index - 1);
        change = Some((new, "Move a step up"));
    }
    let down = ui.add_enabled(index + 1 < count, egui::Button::new("Down").small());
    super::name_widget(ui, &down, &format!("Move step {} down", index + 1));
    if down.clicked() {
        let mut new = path.to_vec();
        new.swap(index, index + 1);
        change = Some((new, "Move a step down"));
    }
    let remove = ui.small_button("Remove");
    super::name_widget(ui, &remove, &format!("Remove step {}", index + 1));
    if remove.clicked() {
        let mut new = path.to_vec();
        new.remove(index);
        change = Some((new, "Remove a step"));
    }
    let from = ui.small_button("Present from here");
    super::name_widget(ui, &from, &format!("Present from step {}", index + 1));
    if from.clicked() {
        out.present_from = Some(index);
    }
    change
}

/// What a step shows, in a few words: "CMOC 22", "How to read this", or a group's heading
/// with its members.
pub fn step_name(editor: &Editor, step: &PathStep) -> String {
    match &step.shows {
        StepShows::HowToRead => "How to read this".into(),
        StepShows::Nodes(ids) => {
            let names: Vec<String> = ids
                .iter()
                .filter_map(|id| editor.doc().node(*id))
                .map(|n| {
                    if ids.len() == 1 {
                        node_name(n)
                    } else {
                        n.label()
                    }
                })
                .collect();
            let names = crate::model::shorten(&names.join(", "), 80);
            if step.title.trim().is_empty() {
                names
            } else {
                format!("{} ({names})", step.title.trim())
            }
        }
    }
}

/// A node as a step names it: a card's badge and title, a condition's question.
fn node_name(node: &Node) -> String {
    match &node.content {
        NodeContent::Cmoc(card) if !card.title.trim().is_empty() => {
            format!(
                "{} · {}",
                card.badge(),
                crate::model::shorten(card.title.trim(), 50)
            )
        }
        NodeContent::Condition(block) => {
            let text = [block.title.trim(), block.text.trim()]
                .into_iter()
                .filter(|t| !t.is_empty() && *t != "IF")
                .collect::<Vec<_>>()
                .join(": ");
            format!("IF {}", crate::model::shorten(&text, 60))
        }
        _ => node.label(),
    }
}
