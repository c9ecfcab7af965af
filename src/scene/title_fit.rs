//! Fitting a title into the box it is drawn in when zoomed far out: as large as it fits whole,
//! never breaking a word, and cut with "…" when even the smallest size is too big; and the
//! zoomed-out (titled) drawing of a node that uses it.

use super::draw::{Drawing, TextRole};
use super::style::*;
use super::text::{LaidText, TextMeasure};
use super::{Field, SceneNode};
use crate::model::NodeKind;
use emath::{Rect, vec2};

/// How many lines words of `widths` (with `space` between, both scaled by `scale`) take when
/// broken greedily to `width`, as the layout breaks them.
fn lines_needed(widths: &[f32], space: f32, scale: f32, width: f32) -> usize {
    let mut lines = 1;
    let mut x: Option<f32> = None;
    for &w in widths {
        let w = w * scale;
        x = match x {
            None => Some(w),
            Some(at) if at + space * scale + w <= width => Some(at + space * scale + w),
            Some(_) => {
                lines += 1;
                Some(w)
            }
        };
    }
    lines
}

/// Lays `title` out to fill `width` × `height` (world units; `px` world units a screen pixel):
/// as large as fits whole, up to [`LOD_MAX_TEXT_PX`], down to [`LOD_MIN_TEXT_PX`], never so
/// large that a word must break. When it does not fit whole even at the smallest size, the
/// lines that fit, the last ending "…". `None` when not one line fits.
pub(super) fn fit_title(
    title: &str,
    base: f32,
    px: f32,
    width: f32,
    height: f32,
    measure: &mut TextMeasure,
) -> Option<(LaidText, f32)> {
    fit_title_down_to(title, base, px, width, height, LOD_MIN_TEXT_PX, measure)
}

/// [`fit_title`] with its smallest size `min_text_px` screen pixels (at the zoom band's far
/// end: nearer in, the text is larger on screen).
pub(super) fn fit_title_down_to(
    title: &str,
    base: f32,
    px: f32,
    width: f32,
    height: f32,
    min_text_px: f32,
    measure: &mut TextMeasure,
) -> Option<(LaidText, f32)> {
    let smallest = min_text_px * px;
    let largest = LOD_MAX_TEXT_PX * px;
    // Each word's width at the base size (measured once per word and size, shared by every
    // card); text width grows with size, so these say how the title breaks at any size
    // without shaping it again.
    let words: Vec<f32> = title
        .split_whitespace()
        .map(|w| measure.line_size(w, base).x)
        .collect();
    let space = measure.line_size("a a", base).x - measure.line_size("aa", base).x;
    let word_at_base = words.iter().copied().fold(0.0, f32::max);
    // The size at which the widest word just fits.
    let word_limit = if word_at_base > 0.0 {
        base * width / word_at_base * 0.98
    } else {
        largest
    };
    // Whole screen pixels (the canvas draws whole pixels anyway): every card of a level
    // shares the few sizes, and their glyphs.
    let whole_px = |size: f32| (size / px).floor() * px;
    // The largest size at which the words' widths say the title fits whole; then laid out
    // there, a pixel smaller while the real lines are taller than the box (a title is shaped
    // once or twice, not at every size tried: issue 19, item 14).
    let mut size = whole_px(largest.min(word_limit));
    while size >= smallest {
        let rows = lines_needed(&words, space, size / base, width);
        if rows as f32 * measure.line_size("Hg", size).y <= height {
            break;
        }
        size = whole_px(size - px);
    }
    for _ in 0..3 {
        if size < smallest {
            break;
        }
        let laid = measure.layout(title, size, width);
        if laid.size.y <= height {
            return Some((laid, size));
        }
        size = whole_px(size - px);
    }
    // Not whole even small: at the smallest size, the words up to the first that is too
    // wide for a line (no word is ever broken), and of those the lines that fit.
    let size = smallest;
    let mut whole = String::new();
    for word in title.split_whitespace() {
        if measure.line_size(word, size).x > width * 0.98 {
            break;
        }
        if !whole.is_empty() {
            whole.push(' ');
        }
        whole.push_str(word);
    }
    if whole.is_empty() {
        return None;
    }
    let cut_short = whole.len() < title.split_whitespace().collect::<Vec<_>>().join(" ").len();
    let mut laid = measure.layout(&whole, size, width);
    let keep = laid
        .lines
        .iter()
        .take_while(|l| l.offset.y + l.height <= height)
        .count();
    if keep == 0 {
        return None;
    }
    if keep < laid.lines.len() || cut_short {
        laid.lines.truncate(keep);
        if let Some(last) = laid.lines.last_mut() {
            // Room for the ellipsis: drop a word if the line is full.
            let mut text = last.text.trim_end().to_string();
            while measure.line_size(&format!("{text}…"), size).x > width {
                match text.rfind(' ') {
                    Some(cut) => text.truncate(cut),
                    None => break,
                }
            }
            let text = format!("{}…", text.trim_end_matches([',', ';', ':', '.', ' ']));
            let right_to_left = super::fonts::paragraph_is_right_to_left(&whole);
            measure.set_line_text(last, &text, size, right_to_left);
        }
    }
    Some((laid, size))
}

/// [`fit_title`], and when that shows no whole word of the title, or one word of several, the
/// fit down to [`LOD_LAST_RESORT_TEXT_PX`] if it shows more.
pub(super) fn fit_title_or_smaller(
    title: &str,
    base: f32,
    px: f32,
    width: f32,
    height: f32,
    measure: &mut TextMeasure,
) -> Option<(LaidText, f32)> {
    let words_shown = |fitted: &Option<(LaidText, f32)>| {
        fitted.as_ref().map_or(0, |(laid, _)| {
            laid.lines
                .iter()
                .map(|l| l.text.split_whitespace().count())
                .sum::<usize>()
        })
    };
    let fitted = fit_title(title, base, px, width, height, measure);
    if words_shown(&fitted) >= 2.min(title.split_whitespace().count()) {
        return fitted;
    }
    let smaller = fit_title_down_to(
        title,
        base,
        px,
        width,
        height,
        LOD_LAST_RESORT_TEXT_PX,
        measure,
    );
    if words_shown(&smaller) > words_shown(&fitted) {
        smaller
    } else {
        fitted
    }
}

/// Zoomed out: the outline, the card header and the title, as large as fills the space left
/// (never smaller than [`LOD_MIN_TEXT_PX`]): no word is broken and no line shown cut. A title
/// that does not fit whole at the smallest size shows the lines that do, the last ending "…";
/// a card with no room for one line shows its badge alone. A condition shows its question.
pub(super) fn draw_titled(
    node: &SceneNode,
    local: Rect,
    px: f32,
    measure: &mut TextMeasure,
    drawing: &mut Drawing,
) {
    let text_size = LOD_TEXT_PX * px;
    let inset = LOD_INSET_PX * px;
    let area = if node.badge.is_some() {
        let header = super::node_draw::header(
            node,
            local,
            HEADER_HEIGHT.max(LOD_HEADER_MIN_PX * px),
            text_size,
            BADGE_INSET.max(inset),
            measure,
            drawing,
        );
        local.with_min_y(header.max.y)
    } else if node.kind == NodeKind::Region {
        local.with_max_y(local.min.y + REGION_TITLE_HEIGHT.max(LOD_HEADER_MIN_PX * px))
    } else {
        local
    };
    let shown;
    let title = if node.kind == NodeKind::Condition {
        // "IF" alone says nothing: the question is the heart of the figure.
        let question = node.body.trim();
        let head = node.title.trim();
        shown = match (head.is_empty(), question.is_empty()) {
            (_, true) => head.to_string(),
            (true, false) => format!("IF {question}"),
            (false, false) if head.eq_ignore_ascii_case("if") => format!("IF {question}"),
            (false, false) => format!("{head}: {question}"),
        };
        shown.as_str()
    } else if !node.title.trim().is_empty() {
        node.title.as_str()
    } else if !node.body.trim().is_empty() {
        node.body.as_str()
    } else {
        // A card with no title is named by its first words (its context, usually): a box
        // in the overview is never blank.
        node.sections
            .iter()
            .map(|s| s.text.as_str())
            .find(|t| !t.trim().is_empty())
            .unwrap_or("")
    };
    let width = area.width() - 2.0 * inset;
    let height = area.height() - 1.5 * inset;
    if title.trim().is_empty() || width <= 0.0 || height <= 0.0 {
        return;
    }
    // A box that shows no word, or one word of several, at the usual smallest size takes a
    // little smaller type if that shows more (no word is ever broken).
    let Some((laid, size)) = fit_title_or_smaller(title, text_size, px, width, height, measure)
    else {
        return;
    };
    let top = area.min + vec2(inset, inset * 0.75);
    drawing.prims.extend(laid.runs(
        top,
        size,
        node.text_colour,
        false,
        TextRole::Field(Field::Title),
        area.max.y,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_fitted_at_whole_screen_pixels_as_large_as_fits_and_inside_its_box() {
        let mut measure = TextMeasure::new();
        let title = "Staff feel safe to talk about how holding went";
        // A zoomed-out band: a world unit is a fifth of a screen pixel.
        let px = 5.0;
        for (width, height) in [
            (1_500.0, 400.0),
            (3_000.0, 600.0),
            (1_200.0, 1_200.0),
            (6_000.0, 300.0),
        ] {
            let (laid, size) = fit_title(title, LOD_TEXT_PX * px, px, width, height, &mut measure)
                .expect("fits at some size");
            let screen_px = size / px;
            assert_eq!(
                screen_px,
                screen_px.floor(),
                "{width}×{height}: {screen_px} px"
            );
            assert!(
                laid.size.y <= height && laid.size.x <= width + 1e-3,
                "{width}×{height}: {:?} at {screen_px}",
                laid.size
            );
            let shown: Vec<&str> = laid.lines.iter().map(|l| l.text.trim()).collect();
            assert_eq!(shown.join(" "), title, "whole, no word broken");
            // A pixel larger would not fit, unless it is already the largest allowed.
            if screen_px < LOD_MAX_TEXT_PX {
                let larger = measure.layout(title, size + px, width);
                assert!(
                    larger.size.y > height || larger.size.x > width,
                    "{width}×{height}: {screen_px} px, but {} px fits",
                    screen_px + 1.0
                );
            }
        }
    }
}
