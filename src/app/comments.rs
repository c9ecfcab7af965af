//! Comments on the selected node or arrow: add, list with times, resolve or reopen, delete.
//! With nothing selected, lists every open comment in the diagram so a facilitator can walk
//! through them.

use super::editor::Editor;
use crate::model::{Annotation, Node, Target};
use egui::{Key, Modifiers, RichText, TextEdit, Ui};

/// What the comments panel keeps between frames.
#[derive(Default)]
pub struct CommentsState {
    /// Comments being written, one per card or arrow: selecting something else keeps a half
    /// written comment with the card it was meant for. Kept in recovery snapshots too.
    pub drafts: std::collections::BTreeMap<Target, String>,
}

impl CommentsState {
    /// Drafts that hold some text.
    pub fn unsent(&self) -> impl Iterator<Item = (&Target, &String)> {
        self.drafts.iter().filter(|(_, d)| !d.trim().is_empty())
    }
}

/// Shows the comments panel. `author` is the remembered name comments are signed with;
/// returns true when it changed (so settings can be saved).
pub fn comments_ui(
    ui: &mut Ui,
    editor: &mut Editor,
    state: &mut CommentsState,
    author: &mut String,
) -> bool {
    let target = editor
        .selection
        .single_node()
        .map(Target::Node)
        .or_else(|| editor.selection.single_edge().map(Target::Edge));
    let Some(target) = target else {
        open_comments_overview(ui, editor);
        return false;
    };
    let all: Vec<Annotation> = editor.doc().annotations_on(target).cloned().collect();
    let (reactions, comments): (Vec<Annotation>, Vec<Annotation>) =
        all.into_iter().partition(|a| a.reaction.is_some());
    if !reactions.is_empty() {
        let words: Vec<String> = reactions
            .iter()
            .filter_map(|a| a.reaction.map(|r| format!("{} {}", a.author, r.words())))
            .collect();
        ui.label(RichText::new(format!("Reactions: {}", words.join("; "))).weak());
    }
    if comments.is_empty() {
        ui.label(RichText::new("No comments yet.").weak());
    }
    for comment in &comments {
        ui.push_id(comment.id, |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    let who = if comment.author.is_empty() {
                        "Anonymous"
                    } else {
                        &comment.author
                    };
                    ui.label(RichText::new(who).strong());
                    ui.label(RichText::new(comment.created.short()).weak())
                        .on_hover_text(format!("{} (UTC)", comment.created));
                    if comment.resolved {
                        ui.label(RichText::new("resolved").weak().italics());
                    }
                });
                let text = RichText::new(&comment.text);
                ui.label(if comment.resolved { text.weak() } else { text });
                ui.horizontal(|ui| {
                    let (label, resolved) = if comment.resolved {
                        ("Reopen", false)
                    } else {
                        ("Resolve", true)
                    };
                    if ui.small_button(label).clicked() {
                        editor.set_resolved(comment.id, resolved);
                    }
                    if ui.small_button("Delete").clicked() {
                        editor.delete_comment(comment.id);
                    }
                });
            });
        });
    }
    ui.separator();
    let mut author_changed = false;
    ui.horizontal(|ui| {
        let label = ui.label("Your name");
        author_changed = ui
            .add(
                TextEdit::singleline(author)
                    .hint_text("e.g. PPI group")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .changed();
    });
    let about = match target {
        Target::Node(id) => editor.doc().node(id).map(Node::label),
        Target::Edge(_) => Some("the selected arrow".to_string()),
    }
    .unwrap_or_default();
    ui.label(RichText::new(format!("On {about}")).weak());
    let label = ui.label("New comment");
    let draft = state.drafts.entry(target).or_default();
    let response = ui
        .add(
            TextEdit::multiline(draft)
                .hint_text("Write a comment… (Ctrl+Enter adds it)")
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    let submit_key =
        response.has_focus() && ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Enter));
    let can_add = !draft.trim().is_empty();
    if (ui
        .add_enabled(can_add, egui::Button::new("Add comment"))
        .clicked()
        || submit_key)
        && can_add
    {
        editor.add_comment(target, author, draft);
        state.drafts.remove(&target);
    }
    author_changed
}

fn open_comments_overview(ui: &mut Ui, editor: &mut Editor) {
    let open: Vec<Annotation> = editor
        .doc()
        .annotations()
        .filter(|a| a.is_open_comment())
        .cloned()
        .collect();
    if open.is_empty() {
        ui.label(
            RichText::new("No open comments. Select a card or arrow to comment on it.").weak(),
        );
        return;
    }
    ui.label(format!(
        "{} open comment{}",
        open.len(),
        if open.len() == 1 { "" } else { "s" }
    ));
    for comment in open {
        let about = match comment.target {
            Target::Node(id) => editor.doc().node(id).map(Node::label),
            Target::Edge(id) => editor.doc().edge(id).map(|_| "an arrow".to_string()),
        }
        .unwrap_or_else(|| "something deleted".into());
        ui.push_id(comment.id, |ui| {
            ui.horizontal_wrapped(|ui| {
                if ui.link(about).clicked() {
                    match comment.target {
                        Target::Node(id) => editor.selection.set_node(id),
                        Target::Edge(id) => editor.selection.set_edge(id),
                    }
                }
                ui.label(format!(
                    "{}: {}",
                    comment.author,
                    crate::model::shorten(&comment.text, 80)
                ));
            });
        });
    }
}
