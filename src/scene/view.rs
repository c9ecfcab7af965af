//! View state drawn over the diagram (selection, hover, keyboard focus, Find matches,
//! scenario marks); the visiting order is in `order.rs`.

use super::draw::{Corners, Line, Prim, faded};
use super::style::*;
use super::{Scene, SceneNode};
use crate::model::{EdgeId, NodeId, NodeKind};
use emath::Rect;
use rustc_hash::FxHashSet as HashSet;
use std::collections::BTreeSet;

/// What the viewer is doing with the diagram: not part of the document.
#[derive(Clone, Copy, Debug)]
pub struct ViewState<'a> {
    /// Zoom factor (screen pixels per world unit).
    pub zoom: f32,
    /// Selected nodes.
    pub selected_nodes: &'a BTreeSet<NodeId>,
    /// Selected arrows.
    pub selected_edges: &'a BTreeSet<EdgeId>,
    /// The node under the pointer.
    pub hovered: Option<NodeId>,
    /// The node with keyboard focus.
    pub focused: Option<NodeId>,
    /// Nodes matching a Find.
    pub matches: &'a [NodeId],
    /// While presenting: the nodes of the current step, shown in full while the rest of the
    /// diagram is veiled (`None`: nothing is veiled).
    pub spotlight: Option<&'a [NodeId]>,
    /// The scenario being looked at, as worked out: inactive nodes fade (still legible),
    /// partly active ones are hatched, active and undecided ones keep full colour, active
    /// negative CMOCs get a solid outline; conditions carry a chip with their state.
    pub scenario: Option<ScenarioView<'a>>,
    /// While switching: the scenario shown before, whose marks fade out (its `weight` falling
    /// to 0) as the new ones fade in.
    pub previous_scenario: Option<ScenarioView<'a>>,
}

/// Diagonal hatching across `rect` (world), lines `spacing` apart (world): partly active.
pub(super) fn hatch(rect: Rect, spacing: f32, line: Line, out: &mut Vec<Prim>) {
    if spacing.is_nan() || spacing <= 0.0 || rect.width() <= 0.0 || rect.height() <= 0.0 {
        return;
    }
    // Lines x - y = c, from the top-left corner's c to the bottom-left's... across the rect.
    let (w, h) = (rect.width(), rect.height());
    let count = ((w + h) / spacing).ceil().min(400.0) as usize;
    for i in 1..count {
        let c = i as f32 * spacing - h; // x - y = c, in coordinates relative to the corner
        // Where the line enters and leaves the rectangle [0,w] x [0,h].
        let (x0, y0) = if c >= 0.0 { (c, 0.0) } else { (0.0, -c) };
        let (x1, y1) = if c + h <= w { (c + h, h) } else { (w, w - c) };
        if x1 <= x0 {
            continue;
        }
        out.push(Prim::Segment {
            from: rect.min + emath::vec2(x0, y0),
            to: rect.min + emath::vec2(x1, y1),
            line,
        });
    }
}

fn outline(node: &SceneNode, gap_px: f32, zoom: f32, line: Line) -> Prim {
    let gap = gap_px / zoom.max(1e-3);
    Prim::Rect {
        rect: node.rect.expand(gap),
        corners: Corners::all(CORNER_RADIUS + gap),
        fill: ecolor::Color32::TRANSPARENT,
        line: Some(line),
    }
}

/// The chip on a condition while a scenario is shown: its state in capitals, in words.
pub fn chip_words(state: crate::model::ConditionState) -> &'static str {
    match state {
        crate::model::ConditionState::Met => "MET",
        crate::model::ConditionState::NotMet => "NOT MET",
        crate::model::ConditionState::Unknown => "UNKNOWN",
    }
}

/// The size of a chip's words in screen pixels, measured once with the canvas font.
fn chip_text_size(state: crate::model::ConditionState) -> emath::Vec2 {
    use crate::model::ConditionState;
    static SIZES: std::sync::OnceLock<[emath::Vec2; 3]> = std::sync::OnceLock::new();
    let sizes = SIZES.get_or_init(|| {
        let mut measure = super::text::TextMeasure::new();
        [
            ConditionState::Met,
            ConditionState::NotMet,
            ConditionState::Unknown,
        ]
        .map(|s| measure.line_size(chip_words(s), SCENARIO_CHIP_FONT_PX))
    });
    sizes[match state {
        ConditionState::Met => 0,
        ConditionState::NotMet => 1,
        ConditionState::Unknown => 2,
    }]
}

/// A scenario being shown, as the view needs it: each node's state and each condition's.
#[derive(Clone, Copy, Debug)]
pub struct ScenarioView<'a> {
    /// Every node's state, worked out.
    pub outcome: &'a crate::model::Outcome,
    /// The scenario itself (its conditions' states, for the chips).
    pub scenario: &'a crate::model::Scenario,
    /// How strongly its marks are drawn (0 to 1): switching scenarios animates.
    pub weight: f32,
}

impl Scene {
    /// How a scenario marks one node, in world coordinates, at `weight` (0 to 1; switching
    /// scenarios fades the old marks out and the new ones in): a veil over an inactive node
    /// (faded, still legible), hatching over a partly active one — never colour alone, so it
    /// reads in greyscale — and a solid outline round a negative CMOC that is active, the
    /// failure case that happens in this scenario. Active and undecided nodes are left as
    /// drawn. `figure`: line widths in world units (a figure has no screen).
    pub fn scenario_marks(
        &self,
        node: &SceneNode,
        state: crate::model::NodeState,
        zoom: f32,
        figure: bool,
        weight: f32,
        out: &mut Vec<Prim>,
    ) {
        use crate::model::NodeState;
        // A condition carries its state on its chip; its words stay in full (the question
        // the branch asks is the heart of the figure, met or not).
        if matches!(node.kind, NodeKind::Region | NodeKind::Condition) || weight <= 0.0 {
            return;
        }
        let palette = self.palette();
        let zoom = zoom.max(1e-3);
        let weight = weight.min(1.0);
        match state {
            NodeState::Inactive => out.push(Prim::Rect {
                rect: node.rect,
                corners: Corners::all(CORNER_RADIUS),
                fill: faded(palette.background, SCENARIO_FADE_OPACITY * weight),
                line: None,
            }),
            NodeState::Partly => {
                let colour = faded(palette.text, SCENARIO_HATCH_OPACITY * weight);
                let line = if figure {
                    Line::solid(SCENARIO_HATCH_WIDTH_PX, colour)
                } else {
                    Line::screen(SCENARIO_HATCH_WIDTH_PX, colour, None)
                };
                hatch(node.rect, SCENARIO_HATCH_SPACING_PX / zoom, line, out);
            }
            NodeState::Active => {
                let negative = node
                    .badge
                    .as_ref()
                    .is_some_and(|b| b.polarity == crate::model::Polarity::Negative);
                if negative {
                    let colour = faded(palette.card(true).stroke, weight);
                    let line = if figure {
                        Line::solid(SCENARIO_FAILURE_WIDTH_PX, colour)
                    } else {
                        Line::screen(SCENARIO_FAILURE_WIDTH_PX, colour, None)
                    };
                    let gap = SCENARIO_FAILURE_GAP_PX / if figure { 1.0 } else { zoom };
                    out.push(Prim::Rect {
                        rect: node.rect.expand(gap),
                        corners: Corners::all(CORNER_RADIUS + gap),
                        fill: ecolor::Color32::TRANSPARENT,
                        line: Some(line),
                    });
                }
            }
            NodeState::Unknown => {}
        }
    }

    /// Where a condition's state chip sits (world), above the condition, `zoom` screen pixels
    /// a unit; `None` for other nodes, or when the condition is too small on screen to carry
    /// one. The canvas flips the state when the chip is clicked.
    pub fn condition_chip(&self, node: &SceneNode, zoom: f32) -> Option<Rect> {
        if node.kind != NodeKind::Condition || !node.rect.is_finite() {
            return None;
        }
        let zoom = zoom.max(1e-3);
        if node.rect.width() * zoom < SCENARIO_CHIP_MIN_NODE_PX {
            return None;
        }
        let size = emath::vec2(SCENARIO_CHIP_WIDTH_PX, SCENARIO_CHIP_HEIGHT_PX) / zoom;
        let bottom = node.rect.min.y - SCENARIO_CHIP_GAP_PX / zoom;
        Some(Rect::from_min_size(
            emath::pos2(node.rect.center().x - size.x / 2.0, bottom - size.y),
            size,
        ))
    }

    /// The chip of a condition: a pill with its state in words (see [`chip_words`]).
    fn chip_prims(
        &self,
        node: &SceneNode,
        state: crate::model::ConditionState,
        zoom: f32,
        out: &mut Vec<Prim>,
    ) {
        use crate::model::ConditionState;
        let Some(rect) = self.condition_chip(node, zoom) else {
            return;
        };
        let palette = self.palette();
        let (fill, text, line) = match state {
            ConditionState::Met => (palette.card(false).stroke, palette.background, None),
            ConditionState::NotMet => (palette.prevents_edge, palette.background, None),
            ConditionState::Unknown => (
                palette.background,
                palette.text,
                Some(Line::screen(1.5, palette.text, Some(SCENARIO_CHIP_DASH_PX))),
            ),
        };
        out.push(Prim::Rect {
            rect,
            corners: Corners::all(rect.height() / 2.0),
            fill,
            line,
        });
        let words = chip_words(state);
        let size = chip_text_size(state) / zoom.max(1e-3);
        out.push(Prim::Text(super::draw::TextRun {
            pos: rect.center() - size / 2.0,
            text: words.into(),
            size: SCENARIO_CHIP_FONT_PX,
            colour: text,
            emphasis: true,
            role: super::draw::TextRole::Counter,
            screen_size: true,
        }));
    }

    /// A condition's state chip for a figure: as on the canvas at 100%, in diagram units.
    pub fn figure_chip(&self, node: &SceneNode, state: crate::model::ConditionState) -> Vec<Prim> {
        let mut prims = Vec::new();
        self.chip_prims(node, state, 1.0, &mut prims);
        for prim in &mut prims {
            match prim {
                Prim::Rect {
                    line: Some(line), ..
                } => line.screen = false,
                Prim::Text(run) => run.screen_size = false,
                _ => {}
            }
        }
        prims
    }

    /// A scenario's marks over the nodes on screen (see [`Scene::scenario_marks`]), and the
    /// state chips of the conditions. While switching, the previous scenario's marks fade
    /// out as the new ones fade in.
    fn scenario_prims(
        &self,
        current: Option<&ScenarioView<'_>>,
        previous: Option<&ScenarioView<'_>>,
        zoom: f32,
        visible: Rect,
        out: &mut Vec<Prim>,
    ) {
        for i in self.nodes_in(visible) {
            let node = &self.nodes[i];
            let now = current.map(|v| (v.outcome.state(node.id), v.weight));
            let before = previous.map(|v| (v.outcome.state(node.id), v.weight));
            match (now, before) {
                (Some((a, _)), Some((b, _))) if a == b => {
                    self.scenario_marks(node, a, zoom, false, 1.0, out);
                }
                _ => {
                    for (state, weight) in before.into_iter().chain(now) {
                        self.scenario_marks(node, state, zoom, false, weight, out);
                    }
                }
            }
            if let Some(view) = current {
                self.chip_prims(node, view.scenario.condition(node.id), zoom, out);
            }
        }
    }

    /// Outlines for the view state, for nodes and arrows touching `visible` (world).
    pub fn view_prims(&self, view: &ViewState<'_>, visible: Rect) -> Vec<Prim> {
        let palette = self.palette();
        let mut prims = Vec::new();
        if view.scenario.is_some() || view.previous_scenario.is_some() {
            self.scenario_prims(
                view.scenario.as_ref(),
                view.previous_scenario.as_ref(),
                view.zoom,
                visible,
                &mut prims,
            );
        }
        for id in view.selected_edges {
            if let Some(edge) = self.edge(*id)
                && edge.geometry.bounds().intersects(visible)
            {
                for (k, seg) in edge.geometry.segments.iter().enumerate() {
                    prims.insert(
                        k,
                        Prim::Curve {
                            points: *seg,
                            line: Line::screen(
                                SELECTED_EDGE_HALO_PX + EDGE_WIDTH * view.zoom,
                                faded(palette.selection, SELECTED_EDGE_OPACITY),
                                None,
                            ),
                        },
                    );
                }
            }
        }
        let on_screen = |id: &NodeId| self.node(*id).filter(|n| n.rect.intersects(visible));
        for node in view.matches.iter().filter_map(on_screen) {
            prims.push(outline(
                node,
                SELECTION_GAP_PX,
                view.zoom,
                Line::screen(MATCH_WIDTH_PX, palette.comment_badge, None),
            ));
        }
        if let Some(node) = view.hovered.as_ref().and_then(on_screen)
            && !view.selected_nodes.contains(&node.id)
        {
            prims.push(outline(
                node,
                SELECTION_GAP_PX - 1.0,
                view.zoom,
                Line::screen(
                    HOVER_WIDTH_PX,
                    faded(palette.selection, HOVER_OPACITY),
                    None,
                ),
            ));
        }
        let boxes = super::Lod::for_zoom(view.zoom) == super::Lod::Boxes;
        for node in view.selected_nodes.iter().filter_map(on_screen) {
            if boxes {
                // Far out, a selected box gets a solid centre (thousands of outlines would
                // cost more than the boxes themselves).
                let inset = node.rect.width().min(node.rect.height()) * OVERVIEW_SELECTION_INSET;
                prims.push(Prim::Rect {
                    rect: node.rect.shrink(inset),
                    corners: Corners::all(0.0),
                    fill: palette.selection,
                    line: None,
                });
                continue;
            }
            prims.push(outline(
                node,
                SELECTION_GAP_PX,
                view.zoom,
                Line::screen(SELECTION_WIDTH_PX, palette.selection, None),
            ));
        }
        if let Some(node) = view.focused.as_ref().and_then(on_screen) {
            prims.push(outline(
                node,
                FOCUS_GAP_PX,
                view.zoom,
                Line::screen(FOCUS_WIDTH_PX, palette.text, Some(FOCUS_DASH_PX)),
            ));
        }
        // Pinned nodes: a marker stuck on the top-left corner, mostly outside, over whatever
        // is drawn there (on the canvas only).
        for node in self.pinned.iter().filter_map(on_screen) {
            let out = PIN_OUTSIDE_PX / view.zoom.max(1e-6);
            prims.push(Prim::Counter {
                centre: node.rect.min - emath::vec2(out, out),
                radius_px: COUNTER_RADIUS_PX,
                fill: node.stroke,
                ring: Line::screen(COUNTER_RING_PX, palette.background, None),
                text: "pin".into(),
                font_px: COUNTER_FONT_PX - 3.0,
                text_colour: palette.background,
            });
        }
        prims
    }

    /// While presenting: a veil over the rest of the diagram, then the spotlit nodes and the
    /// arrows touching them drawn again on top, each prim with the offset it is drawn at
    /// (node drawings are relative to their node's corner). Drawings must be prepared at `lod`.
    pub fn spotlight_prims(
        &self,
        spotlight: &[NodeId],
        lod: super::Lod,
        visible: Rect,
    ) -> Vec<(Prim, emath::Vec2)> {
        use super::style::SPOTLIGHT_VEIL_OPACITY;
        let palette = self.palette();
        let mut out = vec![(
            Prim::Rect {
                rect: visible,
                corners: Corners::all(0.0),
                fill: faded(palette.background, SPOTLIGHT_VEIL_OPACITY),
                line: None,
            },
            emath::Vec2::ZERO,
        )];
        let lit: HashSet<NodeId> = spotlight.iter().copied().collect();
        let mut prims = Vec::new();
        for edge in &self.edges {
            if lit.contains(&edge.from) || lit.contains(&edge.to) {
                prims.clear();
                self.edge_prims_into(edge, lod, &mut prims);
                out.extend(prims.drain(..).map(|p| (p, emath::Vec2::ZERO)));
            }
        }
        for id in spotlight {
            let Some(index) = self.position_of(*id) else {
                continue;
            };
            let node = &self.nodes[index];
            if let Some(drawing) = self.drawing(index, lod) {
                let offset = node.rect.min.to_vec2();
                out.extend(drawing.prims.iter().cloned().map(|p| (p, offset)));
            }
        }
        out
    }
}
