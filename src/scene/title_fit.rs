//! Fitting a title into the box it is drawn in when zoomed far out: as large as it fits whole,
//! never breaking a word, and cut with "…" when even the smallest size is too big; and the
//! zoomed-out (titled) drawing of a node that uses it.

use super::draw::{Drawing, TextRole};
use super::style::*;
use super::text::{LaidText, TextMeasure};
use super::{Field, SceneNode};
use crate::model::NodeKind;
use emath::{Rect, vec2};

/// The widest word of `text` at `size`, measured once per call.
fn widest_word(text: &str, size: f32, measure: &mut TextMeasure) -> f32 {
    text.split_whitespace()
        .map(|w| measure.line_size(w, size).x)
        .fold(0.0, f32::max)
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
    // Text width grows with size: the size at which the widest word just fits.
    let word_at_base = widest_word(title, base, measure);
    let word_limit = if word_at_base > 0.0 {
        base * width / word_at_base * 0.98
    } else {
        largest
    };
    let fits = |laid: &LaidText| laid.size.y <= height;
    // First guess: scale the base layout's area to the space there is.
    let at_base = measure.layout(title, base, width);
    let area_scale = ((width * height) / (at_base.size.x.max(1.0) * at_base.size.y.max(1.0)))
        .sqrt()
        .max(0.1);
    let mut size = (base * area_scale * 0.9).min(largest).min(word_limit);
    for _ in 0..4 {
        if size < smallest {
            break;
        }
        let laid = if (size - base).abs() < 1e-3 {
            at_base.clone()
        } else {
            measure.layout(title, size, width)
        };
        if fits(&laid) {
            return Some((laid, size));
        }
        size *= 0.82;
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
