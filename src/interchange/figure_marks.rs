//! What a figure draws over a node besides the node itself: a "what if" scenario's marks and
//! a condition's state chip, and a CMOC's realist status.

use super::figure::FigureSink;
use super::svg::escape;
use crate::model::{Document, NodeKind};
use crate::scene::style::{
    MARKER_CORNER_PX, MARKER_FONT_PX, MARKER_OUTLINE_PX, MARKER_PAD_PX, STATUS_CLEAR_PX,
};
use crate::scene::{Palette, Prim, Scene, SceneNode, TextRole};
use emath::{Rect, Vec2, pos2, vec2};

/// A scenario's marks over one node (a veil, hatching, a failure outline), and the state chip
/// of a condition with its state in words.
pub(super) fn walk_scenario_marks(
    sink: &mut dyn FigureSink,
    scene: &Scene,
    index: usize,
    scenario: &crate::model::Scenario,
    outcome: &crate::model::Outcome,
) -> std::io::Result<()> {
    let node = &scene.nodes[index];
    let mut prims = Vec::new();
    let state = outcome.state(node.id);
    scene.scenario_marks(node, state, 1.0, true, 1.0, &mut prims);
    let chip = (node.kind == NodeKind::Condition).then(|| scenario.condition(node.id));
    if prims.is_empty() && chip.is_none() {
        return Ok(());
    }
    sink.open(format!(
        r#"g class="scenario-state" data-node="{}" data-state="{}""#,
        node.id.0,
        state.words()
    ))?;
    for prim in &prims {
        sink.prim(prim, Vec2::ZERO, None)?;
    }
    if let Some(chip) = chip {
        for prim in scene.figure_chip(node, chip) {
            sink.prim(&prim, Vec2::ZERO, Some("chip"))?;
        }
    }
    sink.close()
}

/// A CMOC's realist status as a word on a tag across its bottom edge, as the canvas shows it
/// (black on white, outlined: it reads in black and white print).
pub(super) fn walk_status(
    sink: &mut dyn FigureSink,
    doc: &Document,
    node: &SceneNode,
    measure: &mut crate::scene::text::TextMeasure,
) -> std::io::Result<()> {
    let Some(status) = doc
        .node(node.id)
        .and_then(|n| n.content.cmoc())
        .map(|c| c.status)
        .filter(|s| !s.is_untested())
    else {
        return Ok(());
    };
    let palette = Palette::LIGHT;
    let words = status.words().to_uppercase();
    let size = measure.line_size(&words, MARKER_FONT_PX);
    let pad = MARKER_PAD_PX;
    // Across the card's bottom edge, right, as the canvas shows it.
    let tag_size = size + vec2(2.0 * pad, 2.0 * pad);
    let tag = Rect::from_min_size(
        pos2(
            node.rect.max.x - STATUS_CLEAR_PX - tag_size.x,
            node.rect.max.y - tag_size.y / 2.0,
        ),
        tag_size,
    );
    sink.open(format!(
        r#"g class="status" data-node="{}" data-status="{}""#,
        node.id.0,
        escape(&status.words())
    ))?;
    sink.prim(
        &Prim::Rect {
            rect: tag,
            corners: crate::scene::Corners::all(MARKER_CORNER_PX),
            fill: crate::scene::style::FIGURE_BACKGROUND,
            line: Some(crate::scene::Line::solid(MARKER_OUTLINE_PX, palette.text)),
        },
        Vec2::ZERO,
        None,
    )?;
    sink.prim(
        &Prim::Text(crate::scene::TextRun {
            pos: tag.min + vec2(pad, pad),
            text: words,
            size: MARKER_FONT_PX,
            colour: palette.text,
            emphasis: true,
            role: TextRole::Counter,
            screen_size: false,
        }),
        Vec2::ZERO,
        None,
    )?;
    sink.close()
}
