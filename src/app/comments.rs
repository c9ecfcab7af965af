//! Comments on the selected node or arrow: add, reply (threads), list with times, resolve or
//! reopen, delete. The panel names the card it shows. With nothing selected, lists every open
//! comment in the diagram so a facilitator can walk through them.

use crate::model::{Annotation, AnnotationId, Node, Target};
use crate::session::Editor;
use egui::{RichText, TextEdit, Ui};

/// What the comments panel keeps between frames.
#[derive(Default)]
pub struct CommentsState {
    /// Comments being written, one per card or arrow: selecting something else keeps a half
    /// written comment with the card it was meant for. Kept in recovery snapshots too.
    pub drafts: std::collections::BTreeMap<Target, String>,
    /// For a card or arrow whose draft answers a comment: that comment.
    pub replying: std::collections::BTreeMap<Target, AnnotationId>,
}

impl CommentsState {
    /// Drafts that hold some text.
    pub fn unsent(&self) -> impl Iterator<Item = (&Target, &String)> {
        self.drafts.iter().filter(|(_, d)| !d.trim().is_empty())
    }

    /// Adds every comment still being written, as its author would have (before saving on
    /// the way out, so no words said in a workshop are lost). Returns how many were added.
    pub fn add_unsent(&mut self, editor: &mut Editor, author: &str) -> usize {
        let drafts: Vec<(Target, String)> = self.unsent().map(|(t, d)| (*t, d.clone())).collect();
        let mut added = 0;
        for (target, text) in drafts {
            let exists = match target {
                Target::Node(id) => editor.doc().node(id).is_some(),
                Target::Edge(id) => editor.doc().edge(id).is_some(),
            };
            if exists {
                let answers = self
                    .replying
                    .remove(&target)
                    .filter(|id| editor.doc().annotation(*id).is_some());
                match answers {
                    Some(to) => editor.reply(to, author, &text),
                    None => editor.add_comment(target, author, &text),
                };
                self.drafts.remove(&target);
                added += 1;
            }
        }
        added
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
    let about = match target {
        Target::Node(id) => editor.doc().node(id).map(Node::label),
        Target::Edge(id) => editor.doc().edge(id).map(|e| {
            let name = |n| {
                editor
                    .doc()
                    .node(n)
                    .map_or_else(|| "a deleted node".into(), Node::label)
            };
            format!("the arrow from {} to {}", name(e.from), name(e.to))
        }),
    }
    .unwrap_or_default();
    ui.label(RichText::new(format!("On {about}")).strong());
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
    for (comment, depth) in threaded(&comments) {
        ui.push_id(comment.id, |ui| {
            // Indented by depth, and in a vertical layout so a long comment wraps at the
            // panel's width (inside a horizontal row it did not, and widened the panel).
            ui.horizontal_top(|ui| {
                ui.add_space(18.0 * depth.min(6) as f32);
                ui.vertical(|ui| comment_ui(ui, editor, state, target, comment));
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
    let answering = state
        .replying
        .get(&target)
        .and_then(|id| editor.doc().annotation(*id))
        .filter(|a| a.target == target)
        .map(|a| (a.id, who(a).to_string(), crate::model::shorten(&a.text, 60)));
    if answering.is_none() {
        state.replying.remove(&target);
    }
    let heading = match &answering {
        Some((_, name, text)) => format!("Reply to {name}: “{text}”"),
        None => "New comment".to_string(),
    };
    let label = ui.label(heading);
    let draft = state.drafts.entry(target).or_default();
    let response = ui
        .add(
            TextEdit::multiline(draft)
                .hint_text(if answering.is_some() {
                    "Write a reply… (Ctrl+Enter adds it)"
                } else {
                    "Write a comment… (Ctrl+Enter adds it)"
                })
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    let submit_key = response.has_focus()
        && ui.input_mut(|i| i.consume_shortcut(&crate::app::key_tables::ADD_COMMENT));
    let can_add = !draft.trim().is_empty();
    let mut add = submit_key && can_add;
    ui.horizontal(|ui| {
        let text = if answering.is_some() {
            "Add reply"
        } else {
            "Add comment"
        };
        if ui
            .add_enabled(can_add, egui::Button::new(text))
            .on_disabled_hover_text("Write something in the box above first")
            .clicked()
            && can_add
        {
            add = true;
        }
        if answering.is_some() && ui.button("Not a reply").clicked() {
            state.replying.remove(&target);
        }
    });
    if add {
        let text = state.drafts.remove(&target).unwrap_or_default();
        match answering {
            Some((to, ..)) => {
                editor.reply(to, author, &text);
            }
            None => {
                editor.add_comment(target, author, &text);
            }
        }
        state.replying.remove(&target);
    }
    author_changed
}

/// Comments in thread order — each followed by its replies, oldest first — with their depth.
/// A reply whose comment is gone, or a loop of replies in a hand-edited file, starts a thread
/// of its own: nothing is left out.
fn threaded(comments: &[Annotation]) -> Vec<(&Annotation, usize)> {
    let ids: std::collections::HashSet<AnnotationId> = comments.iter().map(|c| c.id).collect();
    let mut children: std::collections::HashMap<AnnotationId, Vec<&Annotation>> =
        std::collections::HashMap::new();
    let mut roots = Vec::new();
    for c in comments {
        match c.reply_to {
            Some(parent) if ids.contains(&parent) && parent != c.id => {
                children.entry(parent).or_default().push(c);
            }
            _ => roots.push(c),
        }
    }
    let mut out = Vec::with_capacity(comments.len());
    let mut seen = std::collections::HashSet::new();
    let mut stack: Vec<(&Annotation, usize)> = roots.into_iter().rev().map(|c| (c, 0)).collect();
    loop {
        while let Some((c, depth)) = stack.pop() {
            if !seen.insert(c.id) {
                continue;
            }
            out.push((c, depth));
            for child in children.get(&c.id).into_iter().flatten().rev() {
                stack.push((child, depth + 1));
            }
        }
        match comments.iter().find(|c| !seen.contains(&c.id)) {
            Some(c) => stack.push((c, 0)),
            None => break,
        }
    }
    out
}

fn who(comment: &Annotation) -> &str {
    if comment.author.trim().is_empty() {
        "Anonymous"
    } else {
        &comment.author
    }
}

fn comment_ui(
    ui: &mut Ui,
    editor: &mut Editor,
    state: &mut CommentsState,
    target: Target,
    comment: &Annotation,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(who(comment)).strong());
            if comment.reply_to.is_some() {
                ui.label(RichText::new("replied").weak());
            }
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
            let reply = ui.small_button("Reply");
            super::name_widget(ui, &reply, &format!("Reply to {}", who(comment)));
            if reply.clicked() {
                state.replying.insert(target, comment.id);
            }
            if ui.small_button(label).clicked() {
                editor.set_resolved(comment.id, resolved);
            }
            if ui.small_button("Delete").clicked() {
                editor.delete_comment(comment.id);
            }
        });
    });
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
