//! Small pieces every panel's text boxes share.

use egui::{RichText, Ui};

/// Which text of a card a text box edits.
pub(crate) type CardText = fn(&mut crate::model::CmocCard) -> &mut String;

/// Texts longer than this (in bytes) are not put in a text box: laying out megabytes every
/// frame would freeze the editor. They are kept unchanged and can be copied whole.
pub(crate) const MAX_EDIT_BYTES: usize = 100_000;

/// What a text box shows instead of a text too long to edit.
pub(crate) fn too_long_to_edit(ui: &mut Ui, label: &str, text: &str) {
    let preview: String = text.chars().take(300).collect();
    ui.label(RichText::new(format!("{preview}…")).weak());
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "This {} holds {} characters, too long to edit here; it is kept unchanged.",
            label.to_lowercase(),
            text.chars().count()
        ));
        if ui.button("Copy it").clicked() {
            ui.ctx().copy_text(text.to_string());
        }
    });
}

/// Gives a widget that has no visible label of its own a name for screen readers.
pub(crate) fn name_widget(ui: &Ui, response: &egui::Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}
