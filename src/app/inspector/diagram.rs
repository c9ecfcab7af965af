//! The inspector when several nodes are selected (align, distribute) or none (the diagram's
//! own title, authors and notes).

use super::text_box;
use crate::app::shortcuts;
use crate::edit::{Edit, MergeKey};
use crate::model::Polarity;
use crate::session::{Action, Editor};
use egui::{RichText, Ui};

pub(super) fn multiple_ui(ui: &mut Ui, editor: &mut Editor) {
    let nodes = editor.selection.nodes.len();
    let edges = editor.selection.edges.len();
    ui.heading(format!("{nodes} nodes, {edges} arrows selected"));
    if nodes >= 2 {
        ui.label("Align");
        ui.horizontal_wrapped(|ui| {
            for (action, text) in [
                (Action::AlignLeft, "Left"),
                (Action::AlignCentreHorizontally, "Centre"),
                (Action::AlignRight, "Right"),
                (Action::AlignTop, "Top"),
                (Action::AlignCentreVertically, "Middle"),
                (Action::AlignBottom, "Bottom"),
            ] {
                action_row_button(ui, editor, action, text);
            }
        });
        ui.label("Distribute");
        ui.horizontal(|ui| {
            for (action, text) in [
                (Action::DistributeHorizontally, "Horizontally"),
                (Action::DistributeVertically, "Vertically"),
            ] {
                action_row_button(ui, editor, action, text);
            }
        });
    }
}

/// A short button for an action in a panel row: greyed with the reason when it does not apply,
/// and run through the session like the menu's.
fn action_row_button(ui: &mut Ui, editor: &mut Editor, action: Action, text: &str) {
    let available = action.enabled(editor);
    let button = egui::Button::new(text);
    if shortcuts::action_button(ui, action, button, available).clicked() {
        editor.perform(action);
    }
}

pub(super) fn metadata_ui(ui: &mut Ui, editor: &mut Editor) {
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
