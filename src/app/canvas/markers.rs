//! What the canvas marks on cards for a team: each CMOC's realist status (a word across the
//! card's bottom edge, "REFINED", so it fits the gap between stacked cards and leaves the
//! card's number clear), and while comparing, what changed since the other version — a word
//! across the top of its outline (ADDED, CHANGED, MOVED) with a solid, dashed or dotted outline in the change's colour, and a dashed ghost
//! where a removed card was. Words and line patterns carry the meaning; colour only adds to
//! it. Only cards in view are marked, so a 5,000-card diagram costs what is seen.

use super::CanvasState;
use crate::model::Node;
use crate::scene::style::{
    CHANGE_CORNER_PX, CHANGE_DASH_PX, CHANGE_OUTLINE_GAP_PX, CHANGE_OUTLINE_PX, MARKER_CORNER_PX,
    MARKER_FONT_PX, MARKER_INSET_PX, MARKER_MIN_CARD_PX, MARKER_OUTLINE_PX, MARKER_PAD_PX,
    MOVED_DOT_PX, STATUS_CLEAR_PX,
};
use crate::scene::{Palette, to_rect};
use crate::session::Editor;
use crate::session::compare::ChangeKind;
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, vec2};

/// Marks statuses and, while comparing, changes on the cards in view.
pub(super) fn paint_markers(
    painter: &Painter,
    rect: Rect,
    editor: &mut Editor,
    state: &CanvasState,
    palette: &Palette,
) {
    editor.refresh_comparison();
    let camera = state.camera;
    let seen = camera.visible_world(rect);
    let in_view = |node: &Node| to_rect(node.rect()).intersects(seen);
    let comparing = editor.comparison_view();
    for node in editor.doc().nodes().filter(|n| in_view(n)) {
        let screen = camera.rect_to_screen(rect, to_rect(node.rect()));
        // Far out, a card is a speck: a word on each would bury the diagram.
        let readable = screen.width() >= MARKER_MIN_CARD_PX;
        let change = comparing.and_then(|c| c.change_of(node.id));
        let outline = screen.expand(CHANGE_OUTLINE_PX + CHANGE_OUTLINE_GAP_PX);
        if let Some(change) = change {
            let colour = palette.changes[change.kind as usize];
            let stroke = Stroke::new(CHANGE_OUTLINE_PX, colour);
            match change.kind {
                ChangeKind::Added => {
                    painter.rect_stroke(outline, CHANGE_CORNER_PX, stroke, StrokeKind::Outside);
                }
                ChangeKind::Changed => dashed(painter, outline, stroke, CHANGE_DASH_PX),
                _ => dashed(painter, outline, stroke, MOVED_DOT_PX),
            }
            if readable {
                // Across the outline's top edge, clear of the card's number below it.
                pill(
                    painter,
                    outline.min + egui::vec2(MARKER_INSET_PX, 0.0),
                    Align2::LEFT_CENTER,
                    &change.kind.word().to_uppercase(),
                    colour,
                    palette.background,
                    false,
                );
            }
        }
        if readable
            && let Some(status) = node.content.cmoc().map(|c| c.status)
            && !status.is_untested()
        {
            // Across the bottom edge (of the change's outline, when there is one), left of
            // the corner where the reactions' counter sits.
            let edge = if change.is_some() { outline } else { screen };
            pill(
                painter,
                Pos2::new(edge.max.x - STATUS_CLEAR_PX, edge.max.y),
                Align2::RIGHT_CENTER,
                &status.words().to_uppercase(),
                palette.background,
                palette.text,
                true,
            );
        }
    }
    if let Some(comparing) = comparing {
        for ghost in comparing.removed().filter(|n| in_view(n)) {
            let colour = palette.changes[ChangeKind::Removed as usize];
            let screen = camera.rect_to_screen(rect, to_rect(ghost.rect()));
            dashed(
                painter,
                screen,
                Stroke::new(CHANGE_OUTLINE_PX, colour),
                CHANGE_DASH_PX,
            );
            if screen.width() < MARKER_MIN_CARD_PX {
                continue;
            }
            pill(
                painter,
                screen.min + egui::vec2(MARKER_INSET_PX, 0.0),
                Align2::LEFT_CENTER,
                &format!("REMOVED: {}", ghost.label()),
                colour,
                palette.background,
                false,
            );
        }
    }
}

/// A word on a filled, outlined tag anchored at `at`.
fn pill(
    painter: &Painter,
    at: Pos2,
    anchor: Align2,
    word: &str,
    fill: Color32,
    text: Color32,
    outlined: bool,
) {
    let font = FontId::proportional(MARKER_FONT_PX);
    let galley = painter.layout_no_wrap(word.to_string(), font, text);
    let size = galley.size() + vec2(MARKER_PAD_PX * 2.0, MARKER_PAD_PX * 2.0);
    let tag = anchor.anchor_size(at, size);
    let outline = if outlined {
        Stroke::new(MARKER_OUTLINE_PX, text)
    } else {
        Stroke::NONE
    };
    painter.rect(tag, MARKER_CORNER_PX, fill, outline, StrokeKind::Inside);
    painter.galley(tag.min + vec2(MARKER_PAD_PX, MARKER_PAD_PX), galley, text);
}

/// A dashed rectangle.
fn dashed(painter: &Painter, r: Rect, stroke: Stroke, (dash, gap): (f32, f32)) {
    let points = [
        r.left_top(),
        r.right_top(),
        r.right_bottom(),
        r.left_bottom(),
        r.left_top(),
    ];
    painter.extend(Shape::dashed_line(&points, stroke, dash, gap));
}
