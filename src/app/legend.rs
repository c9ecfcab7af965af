//! The legend over the canvas: what each colour, shape and dash means, with the paper's
//! definitions on hover.

use super::definitions;
use crate::model::NodeKind;
use crate::scene::Palette;
use egui::{
    Align2, Color32, CornerRadius, Rect, RichText, Sense, Shape, Stroke, StrokeKind, Ui, vec2,
};

/// Draws the legend in the bottom-left corner of the canvas; returns the height it takes.
pub fn legend_ui(ui: &mut Ui, canvas: Rect, palette: &Palette) -> f32 {
    egui::Area::new(egui::Id::unique("legend"))
        .order(egui::Order::Foreground)
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(canvas.left_bottom() + vec2(10.0, -10.0))
        .interactable(true)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.style_mut().override_text_style = Some(egui::TextStyle::Small);
                egui::CollapsingHeader::new(RichText::new("Legend").strong())
                    .default_open(true)
                    .show(ui, |ui| legend_rows(ui, palette));
            });
        })
        .response
        .rect
        .height()
}

fn legend_rows(ui: &mut Ui, palette: &Palette) {
    let swatch =
        |ui: &mut Ui, fill: Color32, stroke: Color32, dashed: bool, header: Option<Color32>| {
            let (rect, response) = ui.allocate_exact_size(vec2(24.0, 13.0), Sense::hover());
            let painter = ui.painter();
            painter.rect_filled(rect, 3.0, fill);
            if let Some(h) = header {
                let top = Rect::from_min_size(rect.min, vec2(rect.width(), 4.0));
                painter.rect_filled(
                    top,
                    CornerRadius {
                        nw: 3,
                        ne: 3,
                        sw: 0,
                        se: 0,
                    },
                    h,
                );
            }
            if dashed {
                let r = rect.shrink(1.0);
                let pts = [
                    r.left_top(),
                    r.right_top(),
                    r.right_bottom(),
                    r.left_bottom(),
                    r.left_top(),
                ];
                painter.extend(Shape::dashed_line(&pts, Stroke::new(1.5, stroke), 4.0, 3.0));
            } else {
                painter.rect_stroke(rect, 3.0, Stroke::new(1.5, stroke), StrokeKind::Inside);
            }
            response
        };
    egui::Grid::new("legend-grid")
        .spacing(vec2(6.0, 2.0))
        .show(ui, |ui| {
            let positive = palette.card(false);
            swatch(
                ui,
                positive.fill,
                positive.stroke,
                false,
                Some(positive.accent),
            )
            .on_hover_text(definitions::CMOC);
            ui.label("CMOC n: activated")
                .on_hover_text(definitions::CMOC);
            let negative = palette.card(true);
            swatch(
                ui,
                negative.fill,
                negative.stroke,
                true,
                Some(negative.accent),
            )
            .on_hover_text(definitions::NEGATIVE);
            ui.label("-ve CMOC n: not activated")
                .on_hover_text(definitions::NEGATIVE);
            ui.end_row();
            let mut column = 0;
            for (kind, help) in [
                (NodeKind::Context, definitions::CONTEXT),
                (NodeKind::Mechanism, definitions::MECHANISM),
                (NodeKind::Outcome, definitions::OUTCOME),
                (
                    NodeKind::Condition,
                    "An IF-branch: arrows leaving it are marked yes or no.",
                ),
                (
                    NodeKind::Theory,
                    "A substantive theory the programme theory draws on.",
                ),
                (
                    NodeKind::Region,
                    "An area that holds a pathway or a group of nodes.",
                ),
                (NodeKind::Note, "A free note on the canvas."),
            ] {
                let style = palette.kind(kind);
                swatch(ui, style.fill, style.stroke, false, None).on_hover_text(help);
                ui.label(kind.name()).on_hover_text(help);
                column += 1;
                if column % 2 == 0 {
                    ui.end_row();
                }
            }
            for (colour, text, dashed) in [
                (palette.card(false).stroke, "yes branch", false),
                (palette.prevents_edge, "no branch", false),
                (palette.prevents_edge, "prevents", true),
            ] {
                let (rect, _) = ui.allocate_exact_size(vec2(24.0, 13.0), Sense::hover());
                let (a, b) = (rect.left_center(), rect.right_center());
                if dashed {
                    ui.painter().extend(Shape::dashed_line(
                        &[a, b],
                        Stroke::new(2.0, colour),
                        5.0,
                        3.0,
                    ));
                } else {
                    ui.painter().arrow(a, b - a, Stroke::new(2.0, colour));
                }
                ui.label(text);
                column += 1;
                if column % 2 == 0 {
                    ui.end_row();
                }
            }
        });
}
