//! Rough text measurement for placing nodes where no font is at hand (scripts, importers,
//! the command line). The canvas measures text exactly; these estimates err on the tall side
//! so generated layouts leave room for the text.

use crate::model::{CmocCard, NodeContent};

pub use super::style::{
    BODY_FONT_SIZE, HEADER_HEIGHT, LINE_HEIGHT, PADDING, SECTION_GAP, SECTION_TAG_WIDTH,
};

/// Generous average advance of one character of body text, in world units.
const AVERAGE_CHAR_WIDTH: f32 = 6.9;

/// Lines that `text` needs when wrapped to `width` (at least one).
pub fn estimated_lines(text: &str, width: f32) -> usize {
    let per_line = ((width / AVERAGE_CHAR_WIDTH).floor() as usize).max(8);
    text.split('\n')
        .map(|paragraph| {
            let mut lines = 1;
            let mut used = 0;
            for word in paragraph.split_whitespace() {
                let len = word.chars().count();
                if used == 0 {
                    used = len;
                } else if used + 1 + len <= per_line {
                    used += 1 + len;
                } else {
                    lines += 1;
                    used = len;
                }
                while used > per_line {
                    lines += 1;
                    used -= per_line;
                }
            }
            lines
        })
        .sum::<usize>()
        .max(1)
}

/// Height a CMOC card of `width` needs to show its title and C, M, O sections.
pub fn estimated_card_height(card: &CmocCard, width: f32) -> f32 {
    let text_width = width - 2.0 * PADDING - SECTION_TAG_WIDTH;
    let title_lines = if card.title.is_empty() {
        0
    } else {
        estimated_lines(&card.title, width - 2.0 * PADDING)
    };
    let mut sections = vec![card.context.as_str()];
    if card.has_mechanism_split() {
        sections.push(card.mechanism_resource.as_str());
        sections.push(card.mechanism_reasoning.as_str());
    } else {
        sections.push(card.mechanism.as_str());
    }
    sections.push(card.outcome.as_str());
    let body: f32 = sections
        .iter()
        .map(|s| estimated_lines(s, text_width) as f32 * LINE_HEIGHT + SECTION_GAP)
        .sum();
    (HEADER_HEIGHT + title_lines as f32 * LINE_HEIGHT + body + 2.0 * PADDING).ceil()
}

/// Height any node of `width` needs for its text.
pub fn estimated_height(content: &NodeContent, width: f32) -> f32 {
    match content {
        NodeContent::Cmoc(card) => estimated_card_height(card, width),
        other => {
            let block = other.text_block().cloned().unwrap_or_default();
            let inner = width - 2.0 * PADDING;
            let title = if block.title.is_empty() {
                0.0
            } else {
                estimated_lines(&block.title, inner) as f32 * (LINE_HEIGHT + 2.0) + 4.0
            };
            let text = if block.text.is_empty() {
                0.0
            } else {
                estimated_lines(&block.text, inner) as f32 * LINE_HEIGHT
            };
            (title + text + 2.0 * PADDING + 8.0).ceil()
        }
    }
}
