//! The inspector: every field of the selected node or arrow, or the document's metadata when
//! nothing is selected. Each change is an edit; typing in one field is one undo step.

use super::definitions;
use super::editor::{Align, Editor};
use crate::edit::{Edit, MergeKey};
use crate::model::{
    Branch, Edge, EdgeEffect, EdgeId, Evidence, Node, NodeContent, NodeId, Polarity, Rgb,
};
use egui::{RichText, TextEdit, Ui};

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

/// Applies a change to a node made by `change`, merged with other typing in the same field.
fn change_node(editor: &mut Editor, id: NodeId, field: &str, change: impl FnOnce(&mut Node)) {
    let Some(mut node) = editor.doc().node(id).cloned() else {
        return;
    };
    let label = format!("Edit {field} of {}", node.label());
    change(&mut node);
    if Some(&node) != editor.doc().node(id) {
        editor.apply_merging(Edit::ReplaceNode { node }, label, MergeKey::node(id, field));
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

use super::CardText;

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
        change_node(editor, id, label, |n| {
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
    if let Some(new) = text_box(
        ui,
        editor,
        "In plain words",
        "how you would say it to a patient group (shown large when presenting)",
        &node.plain,
        true,
    ) {
        change_node(editor, id, "plain words", |n| n.plain = new);
    }
    reactions_ui(ui, editor, id);
    match &node.content {
        NodeContent::Cmoc(card) => {
            ui.horizontal(|ui| {
                ui.label(RichText::new("Number").strong())
                    .on_hover_text(definitions::CMOC);
                let mut number = card.number;
                if ui
                    .add(egui::DragValue::new(&mut number).range(0..=99_999))
                    .changed()
                {
                    change_node(editor, id, "number", |n| {
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
                .on_hover_text("Dalkin et al. (2015): the resource a programme offers, and the reasoning it triggers.")
                .changed()
            {
                change_node(editor, id, "mechanism split", |n| {
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
        }
        other => {
            let block = other.text_block().cloned().unwrap_or_default();
            if let Some(new) = text_box(ui, editor, "Title", "", &block.title, false) {
                change_node(editor, id, "title", |n| {
                    if let Some(b) = n.content.text_block_mut() {
                        b.title = new;
                    }
                });
            }
            if let Some(new) = text_box(ui, editor, "Text", "", &block.text, true) {
                change_node(editor, id, "text", |n| {
                    if let Some(b) = n.content.text_block_mut() {
                        b.text = new;
                    }
                });
            }
        }
    }
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
        change_node(editor, id, "tags", |n| {
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
            change_node(editor, id, "colour", |n| {
                n.colour = custom.then_some(Rgb([0xE8, 0xF0, 0xFF]));
            });
        }
        if let Some(Rgb(mut rgb)) = node.colour
            && ui.color_edit_button_srgb(&mut rgb).changed()
        {
            change_node(editor, id, "colour", |n| n.colour = Some(Rgb(rgb)));
        }
    });
    ui.label(format!(
        "Position {:.0}, {:.0} · size {:.0} × {:.0}",
        node.position.x, node.position.y, node.size.width, node.size.height
    ));
}

fn evidence_ui(ui: &mut Ui, editor: &mut Editor, id: NodeId, evidence: &[Evidence]) {
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
                super::name_widget(ui, &r, &format!("Evidence {} source", i + 1));
                if r.lost_focus() {
                    editor.seal();
                }
                if source != item.source {
                    change_node(editor, id, &format!("evidence {} source", i + 1), |n| {
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
            super::name_widget(ui, &r, &format!("Evidence {} quote", i + 1));
            if r.lost_focus() {
                editor.seal();
            }
            if quote != item.quote {
                change_node(editor, id, &format!("evidence {} quote", i + 1), |n| {
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

fn multiple_ui(ui: &mut Ui, editor: &mut Editor) {
    let nodes = editor.selection.nodes.len();
    let edges = editor.selection.edges.len();
    ui.heading(format!("{nodes} nodes, {edges} arrows selected"));
    if nodes >= 2 {
        ui.label("Align");
        ui.horizontal_wrapped(|ui| {
            for (align, text) in [
                (Align::Left, "Left"),
                (Align::CentreHorizontally, "Centre"),
                (Align::Right, "Right"),
                (Align::Top, "Top"),
                (Align::CentreVertically, "Middle"),
                (Align::Bottom, "Bottom"),
            ] {
                if ui.button(text).clicked() {
                    editor.align_selection(align);
                }
            }
        });
    }
    if nodes >= 3 {
        ui.label("Distribute");
        ui.horizontal(|ui| {
            if ui.button("Horizontally").clicked() {
                editor.distribute_selection(true);
            }
            if ui.button("Vertically").clicked() {
                editor.distribute_selection(false);
            }
        });
    }
}

fn metadata_ui(ui: &mut Ui, editor: &mut Editor) {
    ui.heading("Diagram");
    let metadata = editor.doc().metadata().clone();
    let mut changed = metadata.clone();
    if let Some(new) = text_box(ui, editor, "Title", "", &metadata.title, false) {
        changed.title = new;
    }
    let authors = metadata.authors.join("\n");
    if let Some(new) = text_box(ui, editor, "Authors (one per line)", "", &authors, true) {
        changed.authors = new
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
    }
    if let Some(new) = text_box(ui, editor, "Description", "", &metadata.description, true) {
        changed.description = new;
    }
    if let Some(new) = text_box(ui, editor, "Citation", "", &metadata.citation, true) {
        changed.citation = new;
    }
    if changed != metadata {
        editor.apply_merging(
            Edit::SetMetadata {
                metadata: Box::new(changed),
            },
            "Edit diagram details",
            MergeKey::Metadata,
        );
    }
    ui.separator();
    let (positive, negative) =
        editor
            .doc()
            .cmoc_cards()
            .fold((0, 0), |(p, n), (_, c)| match c.polarity {
                Polarity::Positive => (p + 1, n),
                Polarity::Negative => (p, n + 1),
            });
    // Comments as the Comments tab counts them: reactions are counted apart.
    let doc = editor.doc();
    let reactions = doc.annotations().filter(|a| a.reaction.is_some()).count();
    let comments = doc.annotation_count() - reactions;
    let mut summary = format!(
        "{} · {positive} positive and {negative} negative CMOCs · {} · {}",
        crate::model::counted(doc.node_count(), "node", "nodes"),
        crate::model::counted(doc.edge_count(), "arrow", "arrows"),
        crate::model::counted(comments, "comment", "comments")
    );
    if reactions > 0 {
        summary.push_str(&format!(
            " · {}",
            crate::model::counted(reactions, "reaction", "reactions")
        ));
    }
    ui.label(summary);
    ui.label(
        RichText::new(
            "Select a card or arrow to edit it. Double-click empty canvas to add a CMOC card.",
        )
        .weak(),
    );
}

/// The groups' reactions to a node, recorded while presenting (1 / 2 / 3).
fn reactions_ui(ui: &mut Ui, editor: &Editor, id: NodeId) {
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
