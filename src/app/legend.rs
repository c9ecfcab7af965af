//! The legend over the canvas: the scene's legend (the same one the figure export draws),
//! painted in a corner, with the paper's definitions when an entry is hovered.

use super::canvas::{Camera, PrimPainter};
use super::definitions;
use crate::model::NodeKind;
use crate::scene::Palette;
use crate::scene::legend::{Legend, LegendEntry, legend};
use egui::{Align2, Rect, RichText, Sense, Ui, vec2};

/// The definition shown when a legend entry is hovered.
fn help(entry: LegendEntry) -> &'static str {
    match entry {
        LegendEntry::Cmoc => definitions::CMOC,
        LegendEntry::NegativeCmoc => definitions::NEGATIVE,
        LegendEntry::Kind(NodeKind::Context) => definitions::CONTEXT,
        LegendEntry::Kind(NodeKind::Mechanism) => definitions::MECHANISM,
        LegendEntry::Kind(NodeKind::Outcome) => definitions::OUTCOME,
        LegendEntry::Kind(NodeKind::Condition) => {
            "An IF-branch: arrows leaving it are marked yes or no."
        }
        LegendEntry::Kind(NodeKind::Theory) => {
            "A substantive theory the programme theory draws on."
        }
        LegendEntry::Kind(NodeKind::Region) => "An area that holds a pathway or a group of nodes.",
        LegendEntry::Kind(_) => "A free note on the canvas.",
        LegendEntry::YesBranch => "The pathway followed when the condition is met.",
        LegendEntry::NoBranch => "The pathway followed when the condition is not met.",
        LegendEntry::Prevents => "This arrow prevents rather than leads to its target.",
        LegendEntry::State(crate::model::NodeState::Active) => {
            "In the scenario shown, this part of the theory holds: it keeps its full colour."
        }
        LegendEntry::State(crate::model::NodeState::Partly) => {
            "Partly active (activation is a continuum): fed both ways, or set so by the scenario. Hatched, so it reads in greyscale too."
        }
        LegendEntry::State(crate::model::NodeState::Inactive) => {
            "Not active in the scenario shown: faded, still legible."
        }
        LegendEntry::State(crate::model::NodeState::Unknown) => {
            "No condition of the scenario reaches it: drawn as usual."
        }
        LegendEntry::FailureHappens => {
            "A negative CMOC that is active in the scenario shown: the failure it describes happens. A solid outline round the dashed card."
        }
    }
}

/// Draws the legend in the bottom-left corner of the canvas; returns the height it takes.
/// `states`: a scenario is shown, so the legend says what its marks mean. `cache` keeps the
/// laid-out legend between frames (rebuilt when the palette or `states` changes).
pub fn legend_ui(
    ui: &mut Ui,
    canvas: Rect,
    palette: &Palette,
    states: bool,
    cache: &mut Option<(Palette, bool, Legend)>,
    notes: &[String],
) -> f32 {
    if cache
        .as_ref()
        .is_none_or(|(p, s, _)| p != palette || *s != states)
    {
        let mut measure = crate::scene::text::TextMeasure::new();
        *cache = Some((
            *palette,
            states,
            legend(palette, &mut measure, false, states),
        ));
    }
    let Some((_, _, legend)) = cache.as_ref() else {
        return 0.0;
    };
    egui::Area::new(egui::Id::unique("legend"))
        .order(egui::Order::Foreground)
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(canvas.left_bottom() + vec2(10.0, -10.0))
        .interactable(true)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                // On a laptop the open legend would cover the diagram's corner and make the
                // fitted view smaller: it starts closed there (one click opens it).
                egui::CollapsingHeader::new(RichText::new("Legend").strong())
                    .default_open(canvas.height() >= crate::scene::style::LEGEND_OPEN_MIN_CANVAS_PX)
                    .show(ui, |ui| {
                        legend_body(ui, legend);
                        ui.set_max_width(legend.size.x.max(240.0));
                        for note in notes {
                            ui.add(egui::Label::new(note).wrap());
                        }
                    });
            });
        })
        .response
        .rect
        .height()
}

fn legend_body(ui: &mut Ui, legend: &Legend) {
    let (rect, _) = ui.allocate_exact_size(legend.size, Sense::hover());
    let camera = Camera {
        offset: vec2(0.0, 0.0),
        zoom: 1.0,
    };
    let painter = ui.painter_at(rect);
    let mut out = PrimPainter::new(&painter, rect, &camera);
    for prim in &legend.drawing.prims {
        out.paint(prim, vec2(0.0, 0.0), None);
    }
    out.finish().show(&painter);
    for (row, entry) in &legend.rows {
        let r = row.translate(rect.min.to_vec2());
        let response = ui.interact(
            r,
            ui.scope_id().with(("legend", entry.words())),
            Sense::hover(),
        );
        let words = entry.words();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, words));
        response.on_hover_text(help(*entry));
    }
}

/// What the canvas's team marks mean, for the legend: the realist status word on appraised
/// CMOCs, and while comparing, the change words and their outlines.
pub fn team_notes(editor: &crate::session::Editor) -> Vec<String> {
    let mut notes = Vec::new();
    if editor
        .doc()
        .cmoc_cards()
        .any(|(_, c)| !c.status.is_untested())
    {
        notes.push(
            "SUPPORTED, REFINED, REFUTED, NEW… on a card's lower edge: its realist status (set in the inspector)".into(),
        );
    }
    if let Some(comparing) = editor.comparison_view() {
        notes.push(format!(
            "Since “{}”: ADDED solid outline, CHANGED dashed, MOVED dotted, REMOVED a dashed outline where it was",
            comparing.name
        ));
    }
    notes
}
