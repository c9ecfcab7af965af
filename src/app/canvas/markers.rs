//! What the canvas marks on cards for a team: each CMOC's realist status (a word on the card,
//! "REFINED"), and while comparing, what changed since the other version — a word on the card
//! (ADDED, CHANGED, MOVED) with a solid, dashed or dotted outline in the change's colour, and
//! a dashed ghost where a removed card was. Words and line patterns carry the meaning; colour
//! only adds to it. Only cards in view are marked, so a 5,000-card diagram costs what is seen.

use super::CanvasState;
use crate::model::Node;
use crate::scene::style::{
    CHANGE_DASH_PX, CHANGE_OUTLINE_PX, MARKER_FONT_PX, MARKER_MIN_CARD_PX, MARKER_PAD_PX,
};
use crate::scene::{Palette, to_rect};
use crate::session::Editor;
use crate::session::compare::ChangeKind;
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, vec2};

/// How far left of a card's top-right corner its status word ends, clear of the comments
/// badge on the corner (px).
const STATUS_CLEAR_OF_BADGE_PX: f32 = 22.0;

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
        // Over a change's outline, not on it.
        let above = if change.is_some() {
            screen.expand(CHANGE_OUTLINE_PX + 2.0)
        } else {
            screen
        };
        if readable
            && let Some(status) = node.content.cmoc().map(|c| c.status)
            && !status.is_untested()
        {
            let word = status.words().to_uppercase();
            pill(
                painter,
                // Left of the corner, where the open-comments badge sits.
                Pos2::new(above.max.x - STATUS_CLEAR_OF_BADGE_PX, above.min.y),
                Align2::RIGHT_BOTTOM,
                &word,
                palette.background,
                palette.text,
                true,
            );
        }
        let Some(change) = change else {
            continue;
        };
        let colour = palette.changes[change.kind as usize];
        let stroke = Stroke::new(CHANGE_OUTLINE_PX, colour);
        let outline = screen.expand(CHANGE_OUTLINE_PX + 2.0);
        match change.kind {
            ChangeKind::Added => {
                painter.rect_stroke(outline, 4.0, stroke, StrokeKind::Outside);
            }
            ChangeKind::Changed => dashed(painter, outline, stroke, CHANGE_DASH_PX),
            _ => dashed(painter, outline, stroke, (2.0, 4.0)),
        }
        if readable {
            pill(
                painter,
                outline.min,
                Align2::LEFT_BOTTOM,
                &change.kind.word().to_uppercase(),
                colour,
                palette.background,
                false,
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
                screen.min,
                Align2::LEFT_BOTTOM,
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
        Stroke::new(1.0, text)
    } else {
        Stroke::NONE
    };
    painter.rect(tag, 3.0, fill, outline, StrokeKind::Inside);
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
