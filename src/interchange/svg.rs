//! The SVG back end of the scene: each [`Prim`] becomes one SVG element, one to one, with no
//! style of its own. Text stays text (`<text>`, one element per line, placed by its baseline).

use crate::scene::style::{BASELINE, EMPHASIS_STROKE};
use crate::scene::{Corners, Line, Prim, TextRole};
use ecolor::Color32;
use emath::{Pos2, Vec2};
use std::fmt::Write as _;

/// `#rrggbb` and, for a translucent colour, its opacity.
fn paint(c: Color32) -> (String, Option<f32>) {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    let hex = format!("#{r:02x}{g:02x}{b:02x}");
    (hex, (a < 255).then(|| f32::from(a) / 255.0))
}

/// An SVG paint attribute pair: `fill="#…"` (and `fill-opacity`), or `none` if transparent.
fn paint_attr(name: &str, c: Color32) -> String {
    if c.a() == 0 {
        return format!(r#" {name}="none""#);
    }
    match paint(c) {
        (hex, None) => format!(r#" {name}="{hex}""#),
        (hex, Some(a)) => format!(r#" {name}="{hex}" {name}-opacity="{a:.3}""#),
    }
}

fn line_attrs(line: Option<&Line>) -> String {
    let Some(line) = line else {
        return r#" stroke="none""#.to_string();
    };
    let mut out = paint_attr("stroke", line.colour);
    let _ = write!(out, r#" stroke-width="{:.2}""#, line.width);
    if let Some(dash) = line.dash {
        let _ = write!(out, r#" stroke-dasharray="{} {}""#, dash.on, dash.off);
    }
    if line.screen {
        out.push_str(r#" vector-effect="non-scaling-stroke""#);
    }
    out
}

/// Escapes text for XML and drops the characters XML cannot hold (most control characters,
/// U+FFFE and U+FFFF; [`super::unwritable::figure_text_report`] names them for the user).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if !super::unwritable::is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The class of a text run in the SVG (tests and typesetters find text by it).
fn text_class(role: TextRole) -> String {
    match role {
        TextRole::Badge => "badge".into(),
        TextRole::Evidence => "evidence".into(),
        TextRole::Tag => "tag".into(),
        TextRole::Caption => "kind".into(),
        TextRole::Field(field) => field.name().replace(' ', "-"),
        TextRole::Placeholder => "placeholder".into(),
        TextRole::EdgeLabel => "label".into(),
        TextRole::Counter => "counter".into(),
        TextRole::Legend => "legend-text".into(),
        TextRole::FigureTitle => "figure-title".into(),
    }
}

fn points_attr(points: &[Pos2], offset: Vec2) -> String {
    points
        .iter()
        .map(|p| format!("{:.2},{:.2}", p.x + offset.x, p.y + offset.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes one primitive moved by `offset`; `class` names its part ("shape", "arrowhead").
pub fn write_prim(svg: &mut String, prim: &Prim, offset: Vec2, class: Option<&str>) {
    let class = class
        .map(|c| format!(r#" class="{c}""#))
        .unwrap_or_default();
    match prim {
        Prim::Rect {
            rect,
            corners,
            fill,
            line,
        } => {
            // The scene's borders lie inside the rectangle; SVG strokes are centred.
            let inset = line.as_ref().map_or(0.0, |l| l.width / 2.0);
            let r = rect.translate(offset).shrink(inset);
            let attrs = format!("{}{}", paint_attr("fill", *fill), line_attrs(line.as_ref()));
            if corners.is_uniform() {
                let rx = (corners.0[0] - inset).max(0.0);
                let _ = writeln!(
                    svg,
                    r#"<rect{class} x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{rx:.2}"{attrs}/>"#,
                    r.min.x,
                    r.min.y,
                    r.width().max(0.0),
                    r.height().max(0.0),
                );
            } else {
                let _ = writeln!(
                    svg,
                    r#"<path{class} d="{}"{attrs}/>"#,
                    rounded_path(r, *corners)
                );
            }
        }
        Prim::Polygon { points, fill, line } => {
            let _ = writeln!(
                svg,
                r#"<polygon{class} points="{}"{}{}/>"#,
                points_attr(points, offset),
                paint_attr("fill", *fill),
                line_attrs(line.as_ref())
            );
        }
        Prim::Curve { points, line } => {
            let [a, b, c, d] = points.map(|p| p + offset);
            let _ = writeln!(
                svg,
                r#"<path{class} d="M{:.2},{:.2} C{:.2},{:.2} {:.2},{:.2} {:.2},{:.2}" fill="none"{}/>"#,
                a.x,
                a.y,
                b.x,
                b.y,
                c.x,
                c.y,
                d.x,
                d.y,
                line_attrs(Some(line))
            );
        }
        Prim::Segment { from, to, line } => {
            let (a, b) = (*from + offset, *to + offset);
            let _ = writeln!(
                svg,
                r#"<line{class} x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}"{}/>"#,
                a.x,
                a.y,
                b.x,
                b.y,
                line_attrs(Some(line))
            );
        }
        Prim::Text(run) => {
            let emphasis = if run.emphasis {
                format!(
                    r#"{} stroke-width="{EMPHASIS_STROKE}""#,
                    paint_attr("stroke", run.colour)
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                svg,
                r#"<text class="{}" x="{:.2}" y="{:.2}" font-size="{:.2}"{}{emphasis}>{}</text>"#,
                text_class(run.role),
                run.pos.x + offset.x,
                run.pos.y + offset.y + run.size * BASELINE,
                run.size,
                paint_attr("fill", run.colour),
                escape(&run.text)
            );
        }
        Prim::Counter {
            centre,
            radius_px,
            fill,
            ring,
            text,
            font_px,
            text_colour,
        } => {
            let c = *centre + offset;
            let _ = writeln!(
                svg,
                r#"<g class="counter"><circle cx="{:.2}" cy="{:.2}" r="{radius_px:.2}"{}{}/><text x="{:.2}" y="{:.2}" font-size="{font_px:.2}" text-anchor="middle"{}>{}</text></g>"#,
                c.x,
                c.y,
                paint_attr("fill", *fill),
                line_attrs(Some(ring)),
                c.x,
                c.y + font_px * (BASELINE - 0.5),
                paint_attr("fill", *text_colour),
                escape(text)
            );
        }
    }
}

/// A rectangle with its own radius at each corner, as an SVG path.
fn rounded_path(r: emath::Rect, corners: Corners) -> String {
    let max = (r.width().min(r.height()) / 2.0).max(0.0);
    let [nw, ne, se, sw] = corners.0.map(|c| c.clamp(0.0, max));
    format!(
        "M{:.2},{:.2} H{:.2} A{ne:.2},{ne:.2} 0 0 1 {:.2},{:.2} V{:.2} A{se:.2},{se:.2} 0 0 1 {:.2},{:.2} H{:.2} A{sw:.2},{sw:.2} 0 0 1 {:.2},{:.2} V{:.2} A{nw:.2},{nw:.2} 0 0 1 {:.2},{:.2} Z",
        r.min.x + nw,
        r.min.y,
        r.max.x - ne,
        r.max.x,
        r.min.y + ne,
        r.max.y - se,
        r.max.x - se,
        r.max.y,
        r.min.x + sw,
        r.min.x,
        r.max.y - sw,
        r.min.y + nw,
        r.min.x + nw,
        r.min.y,
    )
}

/// Standard base64 (for the embedded font).
pub fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }

    #[test]
    fn translucent_colours_keep_their_opacity() {
        let half = Color32::from_rgb(200, 100, 0).gamma_multiply(0.5);
        let attr = paint_attr("fill", half);
        assert!(attr.contains("fill-opacity=\"0.50"), "{attr}");
        assert_eq!(paint_attr("fill", Color32::TRANSPARENT), r#" fill="none""#);
    }
}
