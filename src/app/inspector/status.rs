//! A CMOC's realist status in the inspector: supported, refined, refuted, new, merged into or
//! split from another CMOC — with the researcher's rationale and the evidence that decided it.

use crate::model::{CmocCard, NodeId, Status};
use crate::session::Editor;
use egui::{RichText, Ui};

/// The status, its rationale and the evidence that decided it.
pub(super) fn status_ui(ui: &mut Ui, editor: &mut Editor, id: NodeId, card: &CmocCard) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Realist status").strong()).on_hover_text(
            "How this CMOC fared when the theory was tested against data and in workshops, compared with the earlier version: shown on the card, in the table and in the refinement table",
        );
        let mut chosen = card.status;
        let combo = egui::ComboBox::from_id_salt(("realist status", id))
            .selected_text(card.status.words())
            .show_ui(ui, |ui| {
                for choice in Status::CHOICES {
                    let same_kind =
                        std::mem::discriminant(&choice) == std::mem::discriminant(&card.status);
                    // Choosing "merged into" again keeps the CMOC number already set.
                    let value = if same_kind { card.status } else { choice };
                    ui.selectable_value(&mut chosen, value, choice.name());
                }
            });
        crate::app::name_widget(ui, &combo.response, "Realist status");
        if let Some(number) = chosen.other_cmoc() {
            ui.label("CMOC");
            let mut n = number;
            let drag = ui.add(egui::DragValue::new(&mut n).range(0..=99_999));
            crate::app::name_widget(ui, &drag, "The other CMOC's number");
            if n != number {
                chosen = match chosen {
                    Status::MergedInto(_) => Status::MergedInto(n),
                    _ => Status::SplitFrom(n),
                };
            }
        }
        if chosen != card.status {
            editor.change_node(id, "status", |node| {
                if let Some(c) = node.content.cmoc_mut() {
                    c.status = chosen;
                }
            });
        }
    });
    if card.status.is_untested() && card.rationale.is_empty() {
        return;
    }
    if let Some(new) = super::text_box(
        ui,
        editor,
        "Why",
        "what in the data or the workshop decided it",
        &card.rationale,
        true,
    ) {
        editor.change_node(id, "rationale", |node| {
            if let Some(c) = node.content.cmoc_mut() {
                c.rationale = new;
            }
        });
    }
    // Each evidence item, by its source, with the quote it gives (the start of it).
    let mut sources: Vec<(String, String)> = Vec::new();
    for e in &card.evidence {
        if e.source.trim().is_empty() || sources.iter().any(|(s, _)| *s == e.source) {
            continue;
        }
        let quote: String = e.quote.chars().take(60).collect();
        let shown = match (quote.is_empty(), quote.len() < e.quote.len()) {
            (true, _) => e.source.clone(),
            (false, false) => format!("{}: “{quote}”", e.source),
            (false, true) => format!("{}: “{quote}…”", e.source),
        };
        sources.push((e.source.clone(), shown));
    }
    if sources.is_empty() {
        return;
    }
    ui.label(RichText::new("Decided by").strong())
        .on_hover_text("The evidence that decided the status (the card's evidence, by source)");
    for (source, shown) in sources {
        let mut ticked = card.decided_by.contains(&source);
        if ui.checkbox(&mut ticked, &shown).changed() {
            editor.change_node(id, "evidence that decided it", |node| {
                if let Some(c) = node.content.cmoc_mut() {
                    c.decided_by.retain(|s| *s != source);
                    if ticked {
                        c.decided_by.push(source.clone());
                    }
                }
            });
        }
    }
}
