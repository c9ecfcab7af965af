//! The legend drawn under an exported figure: what each colour, dash and arrow means.

use super::figure::{TextLayout, colour, polygon, rounded_rect, write_lines};
use crate::model::NodeKind;
use crate::scene::Palette;
use ecolor::Color32;
use emath::{Pos2, Rect, vec2};
use std::fmt::Write as _;

pub(super) fn write_legend(svg: &mut String, layout: &mut TextLayout, at: Pos2, palette: &Palette) {
    svg.push_str("<g class=\"legend\">\n");
    let _ = writeln!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" font-size="13" fill="{}">Legend</text>"#,
        at.x,
        at.y + 12.0,
        colour(palette.text)
    );
    let positive = palette.card(false);
    let negative = palette.card(true);
    let mut items: Vec<(String, Color32, Color32, bool, Option<Color32>)> = vec![
        (
            "CMOC n: activated".into(),
            positive.fill,
            positive.stroke,
            false,
            Some(positive.accent),
        ),
        (
            "-ve CMOC n: not activated".into(),
            negative.fill,
            negative.stroke,
            true,
            Some(negative.accent),
        ),
    ];
    for kind in [
        NodeKind::Context,
        NodeKind::Mechanism,
        NodeKind::Outcome,
        NodeKind::Condition,
        NodeKind::Theory,
        NodeKind::Note,
    ] {
        let s = palette.kind(kind);
        items.push((kind.name().to_string(), s.fill, s.stroke, false, None));
    }
    for (i, (text, fill, stroke, dashed, header)) in items.iter().enumerate() {
        let column = (i % 4) as f32;
        let row = (i / 4) as f32;
        let origin = at + vec2(column * 190.0, 24.0 + row * 30.0);
        let swatch = Rect::from_min_size(origin, vec2(34.0, 20.0));
        let dash = if *dashed {
            r#" stroke-dasharray="5 3""#
        } else {
            ""
        };
        rounded_rect(svg, swatch, 3.0, &colour(*fill), *stroke, 1.5, dash);
        if let Some(h) = header {
            rounded_rect(
                svg,
                Rect::from_min_size(swatch.min + vec2(1.0, 1.0), vec2(32.0, 6.0)),
                2.0,
                &colour(*h),
                *h,
                0.0,
                "",
            );
        }
        let (lines, _) = layout.lines(text, 12.0, 150.0);
        write_lines(
            svg,
            &lines,
            origin + vec2(42.0, 2.0),
            12.0,
            palette.text,
            "",
        );
    }
    for (i, (text, colour_, dashed)) in [
        ("yes branch", palette.card(false).stroke, false),
        ("no branch", palette.prevents_edge, false),
        ("prevents", palette.prevents_edge, true),
    ]
    .into_iter()
    .enumerate()
    {
        let origin = at + vec2(i as f32 * 190.0, 24.0 + 2.0 * 30.0 + 10.0);
        let dash = if dashed {
            r#" stroke-dasharray="5 3""#
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="2"{dash}/>"#,
            origin.x,
            origin.y + 10.0,
            origin.x + 26.0,
            origin.y + 10.0,
            colour(colour_)
        );
        polygon(
            svg,
            &[
                origin + vec2(34.0, 10.0),
                origin + vec2(25.0, 5.0),
                origin + vec2(25.0, 15.0),
            ],
            &colour(colour_),
            "none",
            0.0,
            "arrowhead",
        );
        let (lines, _) = layout.lines(text, 12.0, 150.0);
        write_lines(
            svg,
            &lines,
            origin + vec2(42.0, 2.0),
            12.0,
            palette.text,
            "",
        );
    }
    svg.push_str("</g>\n");
}
