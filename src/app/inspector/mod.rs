//! The inspector: every field of the selected node or arrow, or the document's metadata when
//! nothing is selected. Each change is an edit; typing in one field is one undo step.

mod diagram;
mod evidence;
mod status;

use crate::app::definitions;
use crate::edit::{Edit, MergeKey};
use crate::model::{Branch, Edge, EdgeEffect, EdgeId, Node, NodeContent, NodeId, Polarity, Rgb};
use crate::session::Editor;
use diagram::{metadata_ui, multiple_ui};
use egui::{RichText, TextEdit, Ui};
use evidence::{evidence_ui, reactions_ui};

/// Shows the inspector for the current selection.
/// `in_scenario`: while a scenario is shown, its name and why the selected node is in its
/// state there.
pub fn inspector_ui(ui: &mut Ui, editor: &mut Editor, in_scenario: Option<(String, String)>) {
    if let Some(id) = editor.selection.single_node() {
        if let Some((name, why)) = in_scenario {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(format!("What if: {name}")).strong());
                ui.label(why);
            });
        }
        node_ui(ui, editor, id);
    } else if let Some(id) = editor.selection.single_edge() {
        edge_ui(ui, editor, id);
    } else if !editor.selection.is_empty() {
        multiple_ui(ui, editor);
    } else {
        metadata_ui(ui, editor);
    }
}

fn change_edge(editor: &mut Editor, id: EdgeId, field: &str, change: impl FnOnce(&mut Edge)) {
    let Some(mut edge) = editor.doc().edge(id).cloned() else {
        return;
    };
    change(&mut edge);
    if Some(&edge) != editor.doc().edge(id) {
        editor.apply_merging(
            Edit::ReplaceEdge { edge },
            format!("Edit arrow {field}"),
            MergeKey::Edge {
                edge: id,
                field: field.to_string(),
            },
        );
    }
}

use crate::app::CardText;

/// A labelled text box bound to one text of a card.
#[allow(clippy::too_many_arguments)]
fn card_field(
    ui: &mut Ui,
    editor: &mut Editor,
    id: NodeId,
    label: &str,
    hint: &str,
    text: &str,
    multiline: bool,
    slot: CardText,
) {
    if let Some(new) = text_box(ui, editor, label, hint, text, multiline) {
        editor.change_node(id, label, |n| {
            if let Some(c) = n.content.cmoc_mut() {
                *slot(c) = new;
            }
        });
    }
}

/// A labelled text box bound to one field; returns the new text when it changed.
fn text_box(
    ui: &mut Ui,
    editor: &mut Editor,
    label: &str,
    hint: &str,
    text: &str,
    multiline: bool,
) -> Option<String> {
    let label_response = ui.label(RichText::new(label).strong());
    if text.len() > super::MAX_EDIT_BYTES {
        super::too_long_to_edit(ui, label, text);
        return None;
    }
    let mut buffer = text.to_string();
    let widget = if multiline {
        TextEdit::multiline(&mut buffer).desired_rows(2)
    } else {
        TextEdit::singleline(&mut buffer)
    };
    let response = ui
        .add(widget.hint_text(hint).desired_width(f32::INFINITY))
        .labelled_by(label_response.id);
    if response.lost_focus() {
        editor.seal();
    }
    (buffer != text).then_some(buffer)
}

fn node_ui(ui: &mut Ui, editor: &mut Editor, id: NodeId) {
    let Some(node) = editor.doc().node(id).cloned() else {
        return;
    };
    ui.heading(node.label());
    crate::app::team_panel::word_changes_ui(ui, editor, id);
    if let Some(new) = text_box(
        ui,
        editor,
        "In plain words",
        "how you would say it to a patient group (shown large when presenting)",
        &node.plain,
        true,
    ) {
        editor.change_node(id, "plain words", |n| n.plain = new);
    }
    reactions_ui(ui, editor, id);
    match &node.content {
        NodeContent::Cmoc(card) => card_ui(ui, editor, id, card),
        other => {
            let block = other.text_block().cloned().unwrap_or_default();
            if let Some(new) = text_box(ui, editor, "Title", "", &block.title, false) {
                editor.change_node(id, "title", |n| {
                    if let Some(b) = n.content.text_block_mut() {
                        b.title = new;
                    }
                });
            }
            if let Some(new) = text_box(ui, editor, "Text", "", &block.text, true) {
                editor.change_node(id, "text", |n| {
                    if let Some(b) = n.content.text_block_mut() {
                        b.text = new;
                    }
                });
            }
        }
    }
    tags_and_colour_ui(ui, editor, &node);
    ui.label(format!(
        "Position {:.0}, {:.0} · size {:.0} × {:.0}",
        node.position.x, node.position.y, node.size.width, node.size.height
    ));
}

/// A CMOC card's own fields: number, polarity, title, C, M (split or not), O and evidence.
fn card_ui(ui: &mut Ui, editor: &mut Editor, id: NodeId, card: &crate::model::CmocCard) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Number").strong())
            .on_hover_text(definitions::CMOC);
        let mut number = card.number;
        if ui
            .add(egui::DragValue::new(&mut number).range(0..=99_999))
            .changed()
        {
            editor.change_node(id, "number", |n| {
                if let Some(c) = n.content.cmoc_mut() {
                    c.number = number;
                }
            });
        }
    });
    ui.horizontal(|ui| {
        ui.label(RichText::new("Polarity").strong());
        for (polarity, text, help) in [
            (Polarity::Positive, "Positive", definitions::CMOC),
            (Polarity::Negative, "Negative (-ve)", definitions::NEGATIVE),
        ] {
            if ui
                .selectable_label(card.polarity == polarity, text)
                .on_hover_text(help)
                .clicked()
                && card.polarity != polarity
            {
                editor.toggle_card(id);
            }
        }
    });
    card_field(
        ui,
        editor,
        id,
        "Title",
        "a short name for the card",
        &card.title,
        false,
        |c| &mut c.title,
    );
    card_field(
        ui,
        editor,
        id,
        "Context (C)",
        "When/If …",
        &card.context,
        true,
        |c| &mut c.context,
    );
    card_field(
        ui,
        editor,
        id,
        "Mechanism (M)",
        "… because …",
        &card.mechanism,
        true,
        |c| &mut c.mechanism,
    );
    let mut split = card.has_mechanism_split();
    if ui
        .checkbox(&mut split, "Split mechanism into resource and reasoning")
        .on_hover_text(
            "Dalkin et al. (2015): the resource a programme offers, and the reasoning it triggers.",
        )
        .changed()
    {
        editor.change_node(id, "mechanism split", |n| {
            if let Some(c) = n.content.cmoc_mut() {
                if split {
                    c.mechanism_resource = "(resource)".into();
                    c.mechanism_reasoning = c.mechanism.clone();
                } else {
                    c.mechanism_resource.clear();
                    c.mechanism_reasoning.clear();
                }
            }
        });
    }
    if split {
        card_field(
            ui,
            editor,
            id,
            "Mechanism resource",
            "what the programme offers",
            &card.mechanism_resource,
            true,
            |c| &mut c.mechanism_resource,
        );
        card_field(
            ui,
            editor,
            id,
            "Mechanism reasoning",
            "how people respond",
            &card.mechanism_reasoning,
            true,
            |c| &mut c.mechanism_reasoning,
        );
    }
    card_field(
        ui,
        editor,
        id,
        "Outcome (O)",
        "… then …",
        &card.outcome,
        true,
        |c| &mut c.outcome,
    );
    evidence_ui(ui, editor, id, &card.evidence);
    ui.separator();
    status::status_ui(ui, editor, id, card);
}

/// Any node's tags and its own colour.
fn tags_and_colour_ui(ui: &mut Ui, editor: &mut Editor, node: &Node) {
    let id = node.id;
    ui.separator();
    let tags = node.tags.join(", ");
    if let Some(new) = text_box(
        ui,
        editor,
        "Tags",
        "comma-separated, e.g. patients, link workers",
        &tags,
        false,
    ) {
        editor.change_node(id, "tags", |n| {
            n.tags = new
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect();
        });
    }
    ui.horizontal(|ui| {
        let mut custom = node.colour.is_some();
        if ui.checkbox(&mut custom, "Own colour").changed() {
            editor.change_node(id, "colour", |n| {
                n.colour = custom.then_some(Rgb([0xE8, 0xF0, 0xFF]));
            });
        }
        if let Some(Rgb(mut rgb)) = node.colour
            && ui.color_edit_button_srgb(&mut rgb).changed()
        {
            editor.change_node(id, "colour", |n| n.colour = Some(Rgb(rgb)));
        }
    });
}

fn edge_ui(ui: &mut Ui, editor: &mut Editor, id: EdgeId) {
    let Some(edge) = editor.doc().edge(id).cloned() else {
        return;
    };
    let name = |n: NodeId| {
        editor
            .doc()
            .node(n)
            .map(Node::label)
            .unwrap_or_else(|| "(missing)".into())
    };
    ui.heading("Arrow");
    ui.label(format!("From {} to {}", name(edge.from), name(edge.to)));
    if let Some(new) = text_box(
        ui,
        editor,
        "Label",
        "e.g. leads to, because",
        &edge.label,
        false,
    ) {
        change_edge(editor, id, "label", |e| e.label = new);
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new("Effect").strong());
        for (effect, text) in [
            (EdgeEffect::LeadsTo, "Leads to"),
            (EdgeEffect::Prevents, "Prevents"),
        ] {
            if ui.selectable_label(edge.effect == effect, text).clicked() {
                change_edge(editor, id, "effect", |e| e.effect = effect);
                editor.seal();
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(RichText::new("Branch").strong());
        for (branch, text) in [
            (None, "None"),
            (Some(Branch::Yes), "Yes"),
            (Some(Branch::No), "No"),
        ] {
            if ui.selectable_label(edge.branch == branch, text).clicked() {
                change_edge(editor, id, "branch", |e| e.branch = branch);
                editor.seal();
            }
        }
    });
}
