//! The legend: what each colour, shape, dash and arrow means, as scene primitives. The canvas
//! shows it over the diagram and the figure export puts it under the figure: one legend.

use super::draw::{Corners, Drawing, Line, Prim, TextRole, TextRun};
use super::palette::Palette;
use super::style::*;
use super::text::TextMeasure;
use super::{condition_outline, note_outline};
use crate::model::{NodeKind, NodeState};
use ecolor::Color32;
use emath::{Rect, Vec2, pos2, vec2};

/// One entry of the legend (the canvas shows a definition when it is hovered).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendEntry {
    /// A positive CMOC card.
    Cmoc,
    /// A negative ("-ve") CMOC card.
    NegativeCmoc,
    /// A free-standing node kind.
    Kind(NodeKind),
    /// The yes branch of a condition.
    YesBranch,
    /// The no branch of a condition.
    NoBranch,
    /// A "prevents" arrow.
    Prevents,
    /// A node's state in the scenario shown.
    State(NodeState),
    /// A negative CMOC active in the scenario shown: the failure happens.
    FailureHappens,
}

impl LegendEntry {
    /// Every entry, in the order shown.
    pub const ALL: [LegendEntry; 12] = [
        LegendEntry::Cmoc,
        LegendEntry::NegativeCmoc,
        LegendEntry::Kind(NodeKind::Context),
        LegendEntry::Kind(NodeKind::Mechanism),
        LegendEntry::Kind(NodeKind::Outcome),
        LegendEntry::Kind(NodeKind::Condition),
        LegendEntry::Kind(NodeKind::Theory),
        LegendEntry::Kind(NodeKind::Region),
        LegendEntry::Kind(NodeKind::Note),
        LegendEntry::YesBranch,
        LegendEntry::NoBranch,
        LegendEntry::Prevents,
    ];

    /// The entries added while a scenario is shown: what its marks mean.
    pub const STATES: [LegendEntry; 4] = [
        LegendEntry::State(NodeState::Active),
        LegendEntry::State(NodeState::Partly),
        LegendEntry::State(NodeState::Inactive),
        LegendEntry::FailureHappens,
    ];

    /// The words beside the swatch.
    pub fn words(self) -> &'static str {
        match self {
            LegendEntry::Cmoc => "CMOC n: activated",
            LegendEntry::NegativeCmoc => "-ve CMOC n: not activated",
            LegendEntry::Kind(kind) => kind.name(),
            LegendEntry::YesBranch => "yes branch",
            LegendEntry::NoBranch => "no branch",
            LegendEntry::Prevents => "prevents",
            LegendEntry::State(NodeState::Active) => "active in this scenario",
            LegendEntry::State(NodeState::Partly) => "partly active (hatched)",
            LegendEntry::State(NodeState::Inactive) => "not active (faded)",
            LegendEntry::State(NodeState::Unknown) => "not decided",
            LegendEntry::FailureHappens => "-ve CMOC active: failure happens",
        }
    }
}

/// The legend laid out from its top-left corner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    /// Frame, heading, swatches and words.
    pub drawing: Drawing,
    /// Its size.
    pub size: Vec2,
    /// Where each entry is, for hover definitions.
    pub rows: Vec<(Rect, LegendEntry)>,
}

fn swatch(palette: &Palette, entry: LegendEntry, r: Rect, prims: &mut Vec<Prim>) {
    let radius = Corners::all(LEGEND_SWATCH_RADIUS);
    let card = |negative: bool, prims: &mut Vec<Prim>| {
        let style = palette.card(negative);
        let line = if negative {
            Line::dashed(LEGEND_BORDER_WIDTH, style.stroke, LEGEND_DASH)
        } else {
            Line::solid(LEGEND_BORDER_WIDTH, style.stroke)
        };
        prims.push(Prim::Rect {
            rect: r,
            corners: radius,
            fill: style.fill,
            line: Some(line),
        });
        prims.push(Prim::Rect {
            rect: Rect::from_min_size(r.min, vec2(r.width(), LEGEND_STRIPE)),
            corners: Corners::top(LEGEND_SWATCH_RADIUS),
            fill: style.accent,
            line: None,
        });
    };
    let arrow = |colour: Color32, dashed: bool, prims: &mut Vec<Prim>| {
        let (a, b) = (r.left_center(), r.right_center());
        let line = if dashed {
            Line::dashed(LEGEND_ARROW_WIDTH, colour, LEGEND_DASH)
        } else {
            Line::solid(LEGEND_ARROW_WIDTH, colour)
        };
        let base = b - vec2(LEGEND_ARROWHEAD, 0.0);
        prims.push(Prim::Segment {
            from: a,
            to: base,
            line,
        });
        let half = LEGEND_ARROWHEAD * ARROWHEAD_HALF_WIDTH;
        prims.push(Prim::Polygon {
            points: vec![b, base + vec2(0.0, half), base - vec2(0.0, half)],
            fill: colour,
            line: None,
        });
    };
    match entry {
        LegendEntry::Cmoc | LegendEntry::Kind(NodeKind::Cmoc) => card(false, prims),
        LegendEntry::NegativeCmoc => card(true, prims),
        LegendEntry::Kind(kind) => {
            let style = palette.kind(kind);
            let line = Some(Line::solid(LEGEND_BORDER_WIDTH, style.stroke));
            match kind {
                NodeKind::Condition => prims.push(Prim::Polygon {
                    points: condition_outline(r, CONDITION_CUT),
                    fill: style.fill,
                    line,
                }),
                NodeKind::Note => {
                    let (points, _) = note_outline(r, NOTE_FOLD);
                    prims.push(Prim::Polygon {
                        points,
                        fill: style.fill,
                        line,
                    });
                }
                _ => prims.push(Prim::Rect {
                    rect: r,
                    corners: radius,
                    fill: style.fill,
                    line,
                }),
            }
        }
        LegendEntry::YesBranch => arrow(palette.card(false).stroke, false, prims),
        LegendEntry::NoBranch => arrow(palette.prevents_edge, false, prims),
        LegendEntry::Prevents => arrow(palette.prevents_edge, true, prims),
        LegendEntry::State(state) => {
            card(false, prims);
            match state {
                NodeState::Inactive => prims.push(Prim::Rect {
                    rect: r,
                    corners: radius,
                    fill: super::draw::faded(palette.background, SCENARIO_FADE_OPACITY),
                    line: None,
                }),
                NodeState::Partly => super::view::hatch(
                    r,
                    LEGEND_HATCH_SPACING,
                    Line::solid(
                        LEGEND_HATCH_WIDTH,
                        super::draw::faded(palette.text, SCENARIO_HATCH_OPACITY),
                    ),
                    prims,
                ),
                NodeState::Active | NodeState::Unknown => {}
            }
        }
        LegendEntry::FailureHappens => {
            card(true, prims);
            prims.push(Prim::Rect {
                rect: r.expand(LEGEND_FAILURE_GAP),
                corners: Corners::all(LEGEND_SWATCH_RADIUS + LEGEND_FAILURE_GAP),
                fill: Color32::TRANSPARENT,
                line: Some(Line::solid(LEGEND_FAILURE_WIDTH, palette.card(true).stroke)),
            });
        }
    }
}

/// Lays the legend out in two columns, with or without its "Legend" heading (the canvas
/// shows its own, collapsible one); `states`: with what a scenario's marks mean.
pub fn legend(palette: &Palette, measure: &mut TextMeasure, heading: bool, states: bool) -> Legend {
    legend_of(palette, measure, heading, states, None)
}

/// The entries a drawing of `doc`'s nodes `shown` (and the arrows between them) needs: a
/// figure for a paper explains what it shows, not every kind there is.
pub fn entries_present(
    doc: &crate::model::Document,
    shown: &dyn Fn(crate::model::NodeId) -> bool,
) -> Vec<LegendEntry> {
    use crate::model::{Branch, EdgeEffect, NodeContent, Polarity};
    let mut present = Vec::new();
    let mut add = |entry: LegendEntry| {
        if !present.contains(&entry) {
            present.push(entry);
        }
    };
    for node in doc.nodes().filter(|n| shown(n.id)) {
        match &node.content {
            NodeContent::Cmoc(card) if card.polarity == Polarity::Negative => {
                add(LegendEntry::NegativeCmoc);
            }
            NodeContent::Cmoc(_) => add(LegendEntry::Cmoc),
            _ => add(LegendEntry::Kind(node.kind())),
        }
    }
    for edge in doc.edges().filter(|e| shown(e.from) && shown(e.to)) {
        match (edge.branch, edge.effect) {
            (Some(Branch::Yes), _) => add(LegendEntry::YesBranch),
            (Some(Branch::No), _) => add(LegendEntry::NoBranch),
            (None, EdgeEffect::Prevents) => add(LegendEntry::Prevents),
            (None, EdgeEffect::LeadsTo) => {}
        }
    }
    present
}

/// The legend with only the entries in `only` (all when `None`), and a scenario's states when
/// `states`.
pub fn legend_of(
    palette: &Palette,
    measure: &mut TextMeasure,
    heading: bool,
    states: bool,
    only: Option<&[LegendEntry]>,
) -> Legend {
    let mut legend = Legend::default();
    let mut prims = Vec::new();
    let origin = pos2(LEGEND_PADDING, LEGEND_PADDING);
    let mut top = origin.y;
    if heading {
        let size = measure.line_size("Legend", LEGEND_HEADING_SIZE);
        prims.push(Prim::Text(TextRun {
            pos: origin,
            text: "Legend".into(),
            size: LEGEND_HEADING_SIZE,
            colour: palette.text,
            emphasis: true,
            role: TextRole::Legend,
            screen_size: false,
        }));
        top += size.y + LEGEND_GAP;
    }
    let mut entries = LegendEntry::ALL.to_vec();
    if let Some(only) = only {
        entries.retain(|e| only.contains(e));
    }
    if states {
        entries.extend(LegendEntry::STATES);
    }
    let (sw, sh) = LEGEND_SWATCH;
    let mut bottom = top;
    for (i, entry) in entries.iter().enumerate() {
        let column = (i % 2) as f32;
        let row = (i / 2) as f32;
        let row_min = pos2(
            origin.x + column * LEGEND_COLUMN_WIDTH,
            top + row * LEGEND_ROW_HEIGHT,
        );
        let swatch_rect = Rect::from_min_size(
            row_min + vec2(0.0, (LEGEND_ROW_HEIGHT - sh) / 2.0),
            vec2(sw, sh),
        );
        swatch(palette, *entry, swatch_rect, &mut prims);
        let words = entry.words();
        let line = measure.line_size(words, LEGEND_FONT_SIZE);
        prims.push(Prim::Text(TextRun {
            pos: pos2(
                swatch_rect.max.x + LEGEND_GAP,
                row_min.y + (LEGEND_ROW_HEIGHT - line.y) / 2.0,
            ),
            text: words.into(),
            size: LEGEND_FONT_SIZE,
            colour: palette.text,
            emphasis: false,
            role: TextRole::Legend,
            screen_size: false,
        }));
        legend.rows.push((
            Rect::from_min_size(row_min, vec2(LEGEND_COLUMN_WIDTH, LEGEND_ROW_HEIGHT)),
            *entry,
        ));
        bottom = row_min.y + LEGEND_ROW_HEIGHT;
    }
    legend.size = vec2(
        2.0 * LEGEND_COLUMN_WIDTH + LEGEND_PADDING,
        bottom + LEGEND_PADDING,
    );
    legend.drawing.prims = prims;
    legend
}
