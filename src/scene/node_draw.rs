//! A node's drawing at each level of detail, relative to its top-left corner: outline, card
//! header with badge, C / M / O tags and text already broken into lines.

use super::draw::{Corners, Drawing, Line, Prim, TextRole, TextRun, faded};
use super::palette::Palette;
use super::style::*;
use super::text::TextMeasure;
use super::{Field, Lod, SceneNode, SceneOptions, condition_outline, note_outline};
use crate::model::NodeKind;
use ecolor::Color32;
use emath::{Pos2, Rect, pos2, vec2};

/// The outline of a node (its shape, fill and border), relative to its top-left corner.
fn outline(node: &SceneNode, local: Rect, prims: &mut Vec<Prim>) {
    let fill = node.fill;
    let stroke = node.stroke;
    match node.kind {
        NodeKind::Condition => prims.push(Prim::Polygon {
            points: condition_outline(local, CONDITION_CUT),
            fill,
            line: Some(Line::solid(STRONG_BORDER_WIDTH, stroke)),
        }),
        NodeKind::Note => {
            let (points, corner) = note_outline(local, NOTE_FOLD);
            prims.push(Prim::Polygon {
                points,
                fill,
                line: Some(Line::solid(THIN_BORDER_WIDTH, stroke)),
            });
            prims.push(Prim::Polygon {
                points: corner,
                fill: faded(stroke, NOTE_FOLD_OPACITY),
                line: None,
            });
        }
        NodeKind::Region => prims.push(Prim::Rect {
            rect: local,
            corners: Corners::all(REGION_RADIUS),
            fill,
            line: Some(Line::solid(BORDER_WIDTH, stroke)),
        }),
        NodeKind::Theory => {
            prims.push(Prim::Rect {
                rect: local,
                corners: Corners::all(CORNER_RADIUS),
                fill,
                line: Some(Line::solid(BORDER_WIDTH, stroke)),
            });
            prims.push(Prim::Rect {
                rect: local.shrink(THEORY_INNER_INSET),
                corners: Corners::all(THEORY_INNER_RADIUS),
                fill: Color32::TRANSPARENT,
                line: Some(Line::solid(THIN_BORDER_WIDTH, stroke)),
            });
        }
        _ => prims.push(Prim::Rect {
            rect: local,
            corners: Corners::all(CORNER_RADIUS),
            fill,
            line: Some(border(node)),
        }),
    }
}

/// A card's or block's border: dashed for negative cards.
fn border(node: &SceneNode) -> Line {
    if node.dashed {
        Line::dashed(STRONG_BORDER_WIDTH, node.stroke, NEGATIVE_DASH)
    } else {
        Line::solid(BORDER_WIDTH, node.stroke)
    }
}

fn text(pos: Pos2, text: &str, size: f32, colour: Color32, role: TextRole) -> Prim {
    Prim::Text(TextRun {
        pos,
        text: text.to_string(),
        size,
        colour,
        emphasis: false,
        role,
        screen_size: false,
    })
}

/// Lays out a node at a level of detail.
pub(super) fn draw_node(
    node: &SceneNode,
    lod: Lod,
    options: &SceneOptions,
    palette: &Palette,
    measure: &mut TextMeasure,
) -> Drawing {
    let size = node.rect.size();
    let local = Rect::from_min_size(Pos2::ZERO, size);
    let mut drawing = Drawing::default();
    match lod {
        Lod::Boxes => {
            let fill = match (&node.badge, node.kind) {
                (_, NodeKind::Region) => node.fill,
                (Some(badge), _) => badge.fill,
                (None, _) => node.stroke,
            };
            drawing.prims.push(Prim::Rect {
                rect: local,
                corners: Corners::all(0.0),
                fill,
                line: None,
            });
            // The badge alone, as large as the box holds ("22", "-ve 22"): the canvas leaves
            // it out while it would be smaller than legible type.
            if let Some(badge) = &node.badge {
                let words = badge.short_text();
                let line = measure.line_size(&words, BOXES_BADGE_PROBE);
                let scale = (local.width() * 0.9 / line.x.max(1.0))
                    .min(local.height() * 0.75 / line.y.max(1.0));
                if scale.is_finite() && scale > 0.0 {
                    // Type scales evenly: the probe's line, scaled, is the badge's.
                    let size = BOXES_BADGE_PROBE * scale;
                    drawing.prims.push(text(
                        local.center() - line * scale / 2.0,
                        &words,
                        size,
                        badge.text_colour,
                        TextRole::Badge,
                    ));
                }
            }
        }
        Lod::Titles(_) => {
            outline(node, local, &mut drawing.prims);
            super::title_fit::draw_titled(node, local, lod.px_to_world(), measure, &mut drawing);
            // Laid out for the band's smallest zoom; shown at that screen size throughout
            // the band, so zooming within it reuses the shaped text.
            let px = lod.px_to_world();
            for prim in &mut drawing.prims {
                if let Prim::Text(run) = prim {
                    run.size /= px;
                    run.screen_size = true;
                }
            }
        }
        Lod::Full => {
            outline(node, local, &mut drawing.prims);
            if node.badge.is_some() {
                draw_card(node, local, options, measure, &mut drawing);
            } else {
                draw_block(node, local, palette, measure, &mut drawing);
            }
        }
    }
    if options.comment_counters && node.open_comments > 0 {
        drawing.prims.push(Prim::Counter {
            // Above the top-right corner, clear of the focus ring round the card, so neither
            // hides the other (it sat on the corner, under the ring).
            centre: pos2(
                local.max.x - COUNTER_RADIUS_PX * lod.px_to_world(),
                local.min.y - COUNTER_CLEARANCE_PX * lod.px_to_world(),
            ),
            radius_px: COUNTER_RADIUS_PX,
            fill: palette.comment_badge,
            ring: Line::screen(COUNTER_RING_PX, palette.background, None),
            text: node.open_comments.to_string(),
            font_px: COUNTER_FONT_PX,
            text_colour: Color32::WHITE,
        });
    }
    // The groups' reactions, under the bottom-right corner (outside the card and its focus
    // ring, so they never cover its words): "+2" agree, "?1" not sure, "-1" disagree — signs
    // as well as colours, so the tally reads in greyscale and to colour-blind readers.
    if options.comment_counters {
        let step = (2.0 * COUNTER_RADIUS_PX + COUNTER_GAP_PX) * lod.px_to_world();
        let mut x = local.max.x - (COUNTER_INSET_PX + COUNTER_RADIUS_PX) * lod.px_to_world();
        for (i, sign) in ['-', '?', '+']
            .into_iter()
            .enumerate()
            .map(|(i, s)| (2 - i, s))
        {
            let count = node.reactions[i];
            if count == 0 {
                continue;
            }
            drawing.prims.push(Prim::Counter {
                centre: pos2(x, local.max.y + COUNTER_CLEARANCE_PX * lod.px_to_world()),
                radius_px: COUNTER_RADIUS_PX,
                fill: palette.reaction[i],
                ring: Line::screen(COUNTER_RING_PX, palette.background, None),
                text: format!("{sign}{}", count.min(99)),
                font_px: COUNTER_FONT_PX,
                text_colour: Color32::WHITE,
            });
            x -= step;
        }
    }
    drawing
}

/// The card header band and its badge; returns the header's rectangle.
pub(super) fn header(
    node: &SceneNode,
    local: Rect,
    height: f32,
    badge_size: f32,
    badge_inset: f32,
    measure: &mut TextMeasure,
    drawing: &mut Drawing,
) -> Rect {
    let Some(badge) = &node.badge else {
        return Rect::NOTHING;
    };
    let inset = border(node).width;
    let header = Rect::from_min_size(local.min, vec2(local.width(), height.min(local.height())));
    drawing.prims.push(Prim::Rect {
        rect: header.shrink(inset),
        corners: Corners::top((CORNER_RADIUS - inset).max(0.0)),
        fill: badge.fill,
        line: None,
    });
    // The badge never shows cut: the short form ("-ve 10") when the full one does not fit,
    // and smaller type when even that does not.
    let room = (local.width() - 2.0 * badge_inset).max(0.0);
    let short = badge.short_text();
    let mut choice = None;
    for words in [badge.text.as_str(), short.as_str()] {
        let line = measure.line_size(words, badge_size);
        if line.x <= room && line.y <= header.height() {
            choice = Some((words.to_string(), badge_size, line));
            break;
        }
    }
    if choice.is_none() {
        let line = measure.line_size(&short, badge_size);
        let scale = (room / line.x.max(1.0)).min(header.height() / line.y.max(1.0));
        if scale > 0.0 && scale.is_finite() {
            let size = badge_size * scale;
            choice = Some((short.clone(), size, measure.line_size(&short, size)));
        }
    }
    if let Some((words, size, line)) = choice {
        let pos = pos2(header.min.x + badge_inset, header.center().y - line.y / 2.0);
        drawing
            .prims
            .push(text(pos, &words, size, badge.text_colour, TextRole::Badge));
        let hot = Rect::from_min_size(pos, line).expand2(vec2(badge_inset * 0.75, 3.0));
        drawing.hotspots.badge = Some(hot.intersect(header));
    }
    header
}

fn draw_card(
    node: &SceneNode,
    local: Rect,
    options: &SceneOptions,
    measure: &mut TextMeasure,
    drawing: &mut Drawing,
) {
    let header = header(
        node,
        local,
        HEADER_HEIGHT,
        BADGE_FONT_SIZE,
        BADGE_INSET,
        measure,
        drawing,
    );
    if let Some(badge) = &node.badge
        && node.evidence > 0
    {
        let words = format!(
            "{} quote{}",
            node.evidence,
            if node.evidence == 1 { "" } else { "s" }
        );
        let line = measure.line_size(&words, EVIDENCE_FONT_SIZE);
        let badge_end = drawing.hotspots.badge.map_or(header.min.x, |r| r.max.x);
        let x = header.max.x - BADGE_INSET - line.x;
        if x > badge_end {
            drawing.prims.push(text(
                pos2(x, header.center().y - line.y / 2.0),
                &words,
                EVIDENCE_FONT_SIZE,
                faded(badge.text_colour, EVIDENCE_OPACITY),
                TextRole::Evidence,
            ));
        }
    }
    let bottom = local.max.y;
    let left = local.min.x + PADDING;
    let inner = local.width() - 2.0 * PADDING;
    let mut y = header.max.y + PADDING;
    if !node.title.is_empty() {
        let laid = measure.layout(&node.title, BODY_FONT_SIZE, inner);
        drawing.prims.extend(laid.runs(
            pos2(left, y),
            BODY_FONT_SIZE,
            node.text_colour,
            true,
            TextRole::Field(Field::Title),
            bottom,
        ));
        drawing.hotspots.fields.push((
            Field::Title,
            Rect::from_min_size(pos2(left, y), vec2(inner, laid.size.y)),
        ));
        y += laid.size.y + SECTION_GAP;
    }
    let text_left = left + SECTION_TAG_WIDTH;
    let text_width = inner - SECTION_TAG_WIDTH;
    for section in &node.sections {
        let laid = measure.layout(&section.text, BODY_FONT_SIZE, text_width);
        let height = laid.size.y.max(LINE_HEIGHT);
        let tag = Rect::from_min_size(
            pos2(left, y + 1.0),
            vec2(SECTION_TAG_WIDTH - TAG_GAP, LINE_HEIGHT - 2.0),
        );
        if tag.max.y <= bottom {
            drawing.prims.push(Prim::Rect {
                rect: tag,
                corners: Corners::all(TAG_RADIUS),
                fill: section.tag_fill,
                line: None,
            });
            let size = if section.tag.len() > 1 {
                SMALL_TAG_FONT_SIZE
            } else {
                TAG_FONT_SIZE
            };
            let line = measure.line_size(section.tag, size);
            drawing.prims.push(text(
                tag.center() - line / 2.0,
                section.tag,
                size,
                section.tag_text,
                TextRole::Tag,
            ));
            drawing.hotspots.tags.push((section.tag, tag));
        }
        let area = Rect::from_min_size(pos2(text_left, y), vec2(text_width, height));
        drawing.hotspots.fields.push((section.field, area));
        if section.text.trim().is_empty() {
            if options.placeholders && area.min.y + LINE_HEIGHT <= bottom {
                drawing.prims.push(text(
                    area.min,
                    "double-click to write",
                    BODY_FONT_SIZE,
                    faded(node.text_colour, PLACEHOLDER_OPACITY),
                    TextRole::Placeholder,
                ));
            }
        } else {
            drawing.prims.extend(laid.runs(
                area.min,
                BODY_FONT_SIZE,
                node.text_colour,
                false,
                TextRole::Field(section.field),
                bottom,
            ));
        }
        y += height + SECTION_GAP;
    }
    drawing.hotspots.content_bottom = y + PADDING;
}

fn draw_block(
    node: &SceneNode,
    local: Rect,
    palette: &Palette,
    measure: &mut TextMeasure,
    drawing: &mut Drawing,
) {
    let inset = super::text_inset(node.kind);
    let left = local.min.x + inset;
    let width = local.width() - 2.0 * inset;
    let bottom = local.max.y;
    let mut y = local.min.y + PADDING;
    if let Some(caption) = super::kind_caption(node.kind) {
        let line = measure.line_size(caption, CAPTION_FONT_SIZE);
        if y + line.y <= bottom && line.x <= width {
            drawing.prims.push(text(
                pos2(left, y),
                caption,
                CAPTION_FONT_SIZE,
                node.stroke,
                TextRole::Caption,
            ));
        }
        y += line.y + CAPTION_GAP;
    }
    let title_size = super::title_size(node.kind);
    if !node.title.is_empty() {
        let laid = measure.layout(&node.title, title_size, width);
        drawing.prims.extend(laid.runs(
            pos2(left, y),
            title_size,
            node.text_colour,
            true,
            TextRole::Field(Field::Title),
            bottom,
        ));
        let height = laid.size.y.max(title_size);
        drawing.hotspots.fields.push((
            Field::Title,
            Rect::from_min_size(pos2(left, y), vec2(width, height)),
        ));
        y += height + TITLE_GAP;
    }
    let body_size = super::body_size(node.kind);
    let colour = if node.kind == NodeKind::Region {
        palette.muted_text
    } else {
        node.text_colour
    };
    let laid = measure.layout(&node.body, body_size, width);
    drawing.prims.extend(laid.runs(
        pos2(left, y),
        body_size,
        colour,
        false,
        TextRole::Field(Field::Text),
        bottom,
    ));
    let area = Rect::from_min_size(pos2(left, y), vec2(width, laid.size.y.max(body_size * 1.3)));
    drawing.hotspots.fields.push((Field::Text, area));
    drawing.hotspots.content_bottom = area.max.y + PADDING;
}
