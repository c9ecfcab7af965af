//! Fitting a title into the box it is drawn in when zoomed far out: as large as it fits whole,
//! never breaking a word, and cut with "…" when even the smallest size is too big.

use super::style::*;
use super::text::{LaidText, TextMeasure};

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
