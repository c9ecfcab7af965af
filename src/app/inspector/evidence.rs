//! The evidence under a card (sources and quotes) and the reactions groups gave it.

use crate::edit::Edit;
use crate::model::{Evidence, NodeId};
use crate::session::Editor;
use egui::{RichText, TextEdit, Ui};

pub(super) fn evidence_ui(ui: &mut Ui, editor: &mut Editor, id: NodeId, evidence: &[Evidence]) {
    ui.separator();
    ui.label(RichText::new(format!("Evidence ({})", evidence.len())).strong());
    let mut remove = None;
    for (i, item) in evidence.iter().enumerate() {
        ui.push_id(i, |ui| {
            ui.horizontal(|ui| {
                let mut source = item.source.clone();
                let r = ui.add(
                    TextEdit::singleline(&mut source)
                        .hint_text("source, e.g. Site03_P08")
                        .desired_width(ui.available_width() - 70.0),
                );
                crate::app::name_widget(ui, &r, &format!("Evidence {} source", i + 1));
                if r.lost_focus() {
                    editor.seal();
                }
                if source != item.source {
                    editor.change_node(id, &format!("evidence {} source", i + 1), |n| {
                        if let Some(e) = n.content.cmoc_mut().and_then(|c| c.evidence.get_mut(i)) {
                            e.source = source;
                        }
                    });
                }
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this evidence")
                    .clicked()
                {
                    remove = Some(i);
                }
            });
            let mut quote = item.quote.clone();
            let r = ui.add(
                TextEdit::multiline(&mut quote)
                    .hint_text("quote")
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            );
            crate::app::name_widget(ui, &r, &format!("Evidence {} quote", i + 1));
            if r.lost_focus() {
                editor.seal();
            }
            if quote != item.quote {
                editor.change_node(id, &format!("evidence {} quote", i + 1), |n| {
                    if let Some(e) = n.content.cmoc_mut().and_then(|c| c.evidence.get_mut(i)) {
                        e.quote = quote;
                    }
                });
            }
        });
    }
    if let Some(i) = remove
        && let Some(mut node) = editor.doc().node(id).cloned()
    {
        if let Some(c) = node.content.cmoc_mut()
            && i < c.evidence.len()
        {
            c.evidence.remove(i);
        }
        editor.apply(Edit::ReplaceNode { node }, "Remove evidence");
    }
    if ui.button("Add evidence").clicked()
        && let Some(mut node) = editor.doc().node(id).cloned()
    {
        if let Some(c) = node.content.cmoc_mut() {
            c.evidence.push(Evidence::default());
        }
        editor.apply(Edit::ReplaceNode { node }, "Add evidence");
    }
}

/// The groups' reactions to a node, recorded while presenting (1 / 2 / 3).
pub(super) fn reactions_ui(ui: &mut Ui, editor: &Editor, id: NodeId) {
    let reactions: Vec<(String, crate::model::Reaction)> = editor
        .doc()
        .annotations_on(crate::model::Target::Node(id))
        .filter_map(|a| a.reaction.map(|r| (a.author.clone(), r)))
        .collect();
    if reactions.is_empty() {
        return;
    }
    let words: Vec<String> = reactions
        .iter()
        .map(|(group, r)| {
            let group = if group.is_empty() { "A group" } else { group };
            format!("{group} {}", r.words())
        })
        .collect();
    ui.label(RichText::new(format!("Reactions: {}", words.join("; "))).weak());
}
