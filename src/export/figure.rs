//! Figures for papers: the [`Scene`] the canvas paints, written as SVG (and rendered to PNG
//! without a window or GPU through resvg). Colours, dashes, arrowheads and line breaks are the
//! canvas's own: lines are broken by the same text layout the canvas uses.
//!
//! Text stays text (`<text>`, one element per line) so a typesetter can still select, search
//! and correct it, and the canvas font is embedded with `@font-face`: browsers and resvg draw
//! it exactly; renderers that ignore embedded fonts (e.g. Inkscape) keep our line breaks and
//! fall back to a similar sans-serif.

use crate::model::text_fit::{
    BODY_FONT_SIZE, HEADER_HEIGHT, LINE_HEIGHT, PADDING, SECTION_GAP, SECTION_TAG_WIDTH,
};
use crate::model::{Document, NodeId, NodeKind};
use crate::scene::{Palette, REGION_TITLE_HEIGHT, Scene, SceneEdge, SceneNode};
use ecolor::Color32;
use emath::{Pos2, Rect, Vec2, pos2, vec2};
use epaint::text::{FontDefinitions, Fonts, TextOptions};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use thiserror::Error;

/// The font family name used inside exported SVG files.
pub(super) const FONT_FAMILY: &str = "CMOC Canvas Sans";

/// What to put in a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureOptions {
    /// Only these nodes (and arrows between them); `None` for the whole diagram.
    pub only: Option<BTreeSet<NodeId>>,
    /// Write the diagram's title above it.
    pub title: bool,
    /// Add a legend of the styles below it.
    pub legend: bool,
    /// Transparent instead of white background.
    pub transparent: bool,
    /// Embed the font (larger file, identical text everywhere that reads it).
    pub embed_font: bool,
}

impl Default for FigureOptions {
    fn default() -> Self {
        Self {
            only: None,
            title: false,
            legend: false,
            transparent: false,
            embed_font: true,
        }
    }
}

/// Why a figure could not be made.
#[derive(Debug, Error)]
pub enum FigureError {
    /// Nothing to draw.
    #[error("There is nothing to export: the diagram (or the selection) has no nodes.")]
    Empty,
    /// The PNG would be too large to render.
    #[error(
        "The picture would be {0} × {1} pixels, too large to render; choose a smaller scale or export a selection."
    )]
    TooLarge(u32, u32),
    /// resvg could not read our own SVG (a bug).
    #[error("Could not render the figure: {0}")]
    Render(String),
}

/// Lays text out exactly as the canvas does at 100%.
pub(super) struct TextLayout {
    fonts: Fonts,
}

/// One laid-out line: its text, left-top offset within the block, and height.
pub(super) struct Line {
    text: String,
    offset: Vec2,
}

impl TextLayout {
    pub(super) fn new() -> Self {
        Self {
            fonts: Fonts::new(TextOptions::default(), FontDefinitions::default()),
        }
    }

    /// Lines of `text` wrapped to `width`, and the block's height.
    pub(super) fn lines(&mut self, text: &str, size: f32, width: f32) -> (Vec<Line>, f32) {
        let (lines, size) = self.block(text, size, width);
        (lines, size.y)
    }

    /// Lines of `text` wrapped to `width`, and the block's size.
    pub(super) fn block(&mut self, text: &str, size: f32, width: f32) -> (Vec<Line>, Vec2) {
        let galley = self.fonts.with_pixels_per_point(1.0).layout(
            text.to_string(),
            epaint::FontId::proportional(size),
            Color32::BLACK,
            width,
        );
        let lines = galley
            .rows
            .iter()
            .map(|row| Line {
                text: row.row.text(),
                offset: row.pos.to_vec2(),
            })
            .collect();
        (lines, galley.size())
    }
}

pub(super) fn colour(c: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes text lines; `top_left` is where the block starts. Baselines follow the font's ascent
/// (about 0.78 of the size for this font) so glyphs land where the canvas puts them.
pub(super) fn write_lines(
    svg: &mut String,
    lines: &[Line],
    top_left: Pos2,
    size: f32,
    fill: Color32,
    extra: &str,
) {
    for line in lines {
        if line.text.trim().is_empty() {
            continue;
        }
        let _ = writeln!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" fill="{}"{extra}>{}</text>"#,
            top_left.x + line.offset.x,
            top_left.y + line.offset.y + size * 0.93,
            colour(fill),
            escape(&line.text)
        );
    }
}

/// The figure as an SVG document.
pub fn figure_svg(doc: &Document, options: &FigureOptions) -> Result<String, FigureError> {
    let palette = Palette::LIGHT;
    let scene = Scene::build(doc, &palette);
    let keep = |id: NodeId| options.only.as_ref().is_none_or(|ids| ids.contains(&id));
    let nodes: Vec<&SceneNode> = scene.nodes.iter().filter(|n| keep(n.id)).collect();
    let edges: Vec<&SceneEdge> = scene
        .edges
        .iter()
        .filter(|e| keep(e.from) && keep(e.to))
        .collect();
    let bounds = nodes
        .iter()
        .map(|n| n.rect)
        .chain(edges.iter().map(|e| e.geometry.bounds()))
        .reduce(|a, b| a.union(b))
        .ok_or(FigureError::Empty)?;
    let mut layout = TextLayout::new();
    let margin = 30.0;
    let title_height = if options.title { 50.0 } else { 0.0 };
    let legend_height = if options.legend { 130.0 } else { 0.0 };
    let frame = Rect::from_min_max(
        bounds.min - vec2(margin, margin + title_height),
        bounds.max + vec2(margin, margin + legend_height),
    );
    let frame = Rect::from_min_size(frame.min, frame.size().max(vec2(620.0, 10.0)));

    let mut svg = String::with_capacity(64 * 1024 + nodes.len() * 1500);
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="{x:.1} {y:.1} {w:.1} {h:.1}" font-family="'{FONT_FAMILY}', Ubuntu, 'Helvetica Neue', Arial, sans-serif">"#,
        x = frame.min.x,
        y = frame.min.y,
        w = frame.width(),
        h = frame.height()
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(&doc.metadata().title));
    if options.embed_font {
        let font = base64(epaint_default_fonts::UBUNTU_LIGHT);
        let _ = writeln!(
            svg,
            "<defs><style>@font-face {{ font-family: '{FONT_FAMILY}'; src: url(data:font/ttf;base64,{font}) format('truetype'); }}</style></defs>"
        );
    }
    if !options.transparent {
        let _ = writeln!(
            svg,
            r#"<rect class="background" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
            frame.min.x,
            frame.min.y,
            frame.width(),
            frame.height(),
            colour(Color32::WHITE)
        );
    }
    if options.title {
        let (lines, _) = layout.lines(&doc.metadata().title, 20.0, frame.width() - 2.0 * margin);
        write_lines(
            &mut svg,
            &lines,
            pos2(frame.min.x + margin, frame.min.y + margin * 0.6),
            20.0,
            palette.text,
            r#" class="figure-title""#,
        );
    }

    svg.push_str("<g class=\"regions\">\n");
    for node in nodes.iter().filter(|n| n.kind == NodeKind::Region) {
        write_node(&mut svg, &mut layout, node, &palette);
    }
    svg.push_str("</g>\n<g class=\"edges\">\n");
    for edge in &edges {
        write_edge(&mut svg, &mut layout, edge, &palette);
    }
    svg.push_str("</g>\n<g class=\"nodes\">\n");
    for node in nodes.iter().filter(|n| n.kind != NodeKind::Region) {
        write_node(&mut svg, &mut layout, node, &palette);
    }
    svg.push_str("</g>\n");
    if options.legend {
        super::figure_legend::write_legend(
            &mut svg,
            &mut layout,
            pos2(frame.min.x + margin, bounds.max.y + margin),
            &palette,
        );
    }
    svg.push_str("</svg>\n");
    Ok(svg)
}

/// Titles are emphasised as on the canvas, by a hairline stroke in the text colour: the font
/// has one weight, and "bold" would be faked differently by each renderer.
fn emphasis(colour_: Color32) -> String {
    format!(
        r#" class="title" stroke="{}" stroke-width="0.35""#,
        colour(colour_)
    )
}

pub(super) fn rounded_rect(
    svg: &mut String,
    rect: Rect,
    radius: f32,
    fill: &str,
    stroke: Color32,
    width: f32,
    extra: &str,
) {
    let _ = writeln!(
        svg,
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{radius:.1}" fill="{fill}" stroke="{}" stroke-width="{width:.1}"{extra}/>"#,
        rect.min.x,
        rect.min.y,
        rect.width(),
        rect.height(),
        colour(stroke)
    );
}

pub(super) fn polygon(
    svg: &mut String,
    points: &[Pos2],
    fill: &str,
    stroke: &str,
    width: f32,
    class: &str,
) {
    let pts: Vec<String> = points
        .iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect();
    let _ = writeln!(
        svg,
        r#"<polygon class="{class}" points="{}" fill="{fill}" stroke="{stroke}" stroke-width="{width:.1}"/>"#,
        pts.join(" ")
    );
}

fn write_node(svg: &mut String, layout: &mut TextLayout, node: &SceneNode, palette: &Palette) {
    let rect = node.rect;
    let kind = format!("{:?}", node.kind).to_lowercase();
    let (number, polarity) = match &node.badge {
        Some((badge, _, _)) => (
            badge.rsplit(' ').next().unwrap_or_default().to_string(),
            if node.dashed { "negative" } else { "positive" },
        ),
        None => (String::new(), ""),
    };
    let _ = write!(svg, r#"<g class="node {kind}" data-node="{}""#, node.id.0);
    if !number.is_empty() {
        let _ = write!(svg, r#" data-cmoc="{number}" data-polarity="{polarity}""#);
    }
    svg.push_str(">\n");
    let fill = colour(node.fill);
    match node.kind {
        NodeKind::Condition => {
            let points = crate::scene::condition_outline(rect, 18.0);
            polygon(svg, &points, &fill, &colour(node.stroke), 2.0, "shape");
        }
        NodeKind::Note => {
            let (points, corner) = crate::scene::note_outline(rect, 16.0);
            polygon(svg, &points, &fill, &colour(node.stroke), 1.0, "shape");
            // Half-transparent stroke colour, as the canvas draws the folded corner.
            let pts: Vec<String> = corner
                .iter()
                .map(|p| format!("{:.1},{:.1}", p.x, p.y))
                .collect();
            let _ = writeln!(
                svg,
                r#"<polygon class="fold" points="{}" fill="{}" fill-opacity="0.5"/>"#,
                pts.join(" "),
                colour(node.stroke)
            );
        }
        NodeKind::Region => rounded_rect(
            svg,
            rect,
            12.0,
            &fill,
            node.stroke,
            1.5,
            r#" class="shape""#,
        ),
        NodeKind::Theory => {
            rounded_rect(svg, rect, 6.0, &fill, node.stroke, 1.5, r#" class="shape""#);
            rounded_rect(svg, rect.shrink(4.0), 4.0, "none", node.stroke, 1.0, "");
        }
        _ => {
            let dash = if node.dashed {
                r#" class="shape" stroke-dasharray="8 5""#
            } else {
                r#" class="shape""#
            };
            let width = if node.dashed { 2.0 } else { 1.5 };
            rounded_rect(
                svg,
                rect.shrink(width / 2.0),
                6.0,
                &fill,
                node.stroke,
                width,
                dash,
            );
        }
    }
    if let Some((badge, accent, on_accent)) = &node.badge {
        let header = Rect::from_min_size(rect.min, vec2(rect.width(), HEADER_HEIGHT))
            .shrink(if node.dashed { 2.0 } else { 1.0 });
        let r = 6.0;
        let _ = writeln!(
            svg,
            r#"<path class="header" d="M{x0:.1},{y1:.1} V{yr:.1} Q{x0:.1},{y0:.1} {xr:.1},{y0:.1} H{xl:.1} Q{x1:.1},{y0:.1} {x1:.1},{yr:.1} V{y1:.1} Z" fill="{}"/>"#,
            colour(*accent),
            x0 = header.min.x,
            x1 = header.max.x,
            y0 = header.min.y,
            y1 = header.max.y,
            yr = header.min.y + r,
            xr = header.min.x + r,
            xl = header.max.x - r,
        );
        let _ = writeln!(
            svg,
            r#"<text class="badge" x="{:.1}" y="{:.1}" font-size="14" fill="{}">{}</text>"#,
            rect.min.x + 8.0,
            header.center().y + 5.0,
            colour(*on_accent),
            escape(badge)
        );
        if node.evidence > 0 {
            let _ = writeln!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" font-size="11.2" text-anchor="end" fill="{}">{} quote{}</text>"#,
                rect.max.x - 8.0,
                header.center().y + 4.0,
                colour(on_accent.gamma_multiply(0.85)),
                node.evidence,
                if node.evidence == 1 { "" } else { "s" }
            );
        }
        let left = rect.min.x + PADDING;
        let inner = rect.width() - 2.0 * PADDING;
        let mut y = rect.min.y + HEADER_HEIGHT + PADDING;
        if !node.title.is_empty() {
            let (lines, height) = layout.lines(&node.title, BODY_FONT_SIZE, inner);
            write_lines(
                svg,
                &lines,
                pos2(left, y),
                BODY_FONT_SIZE,
                node.text_color,
                &emphasis(node.text_color),
            );
            y += height + SECTION_GAP;
        }
        for section in &node.sections {
            let width = inner - SECTION_TAG_WIDTH;
            let (lines, height) = layout.lines(&section.text, BODY_FONT_SIZE, width);
            let tag = Rect::from_min_size(
                pos2(left, y + 1.0),
                vec2(SECTION_TAG_WIDTH - 5.0, LINE_HEIGHT - 2.0),
            );
            rounded_rect(
                svg,
                tag,
                3.0,
                &colour(section.tag_fill),
                section.tag_fill,
                0.0,
                "",
            );
            let tag_size = if section.tag.len() > 1 { 7.0 } else { 11.0 };
            let _ = writeln!(
                svg,
                r#"<text class="tag" x="{:.1}" y="{:.1}" font-size="{tag_size}" text-anchor="middle" fill="{}">{}</text>"#,
                tag.center().x,
                tag.center().y + tag_size * 0.36,
                colour(section.tag_text),
                section.tag
            );
            let class = format!(r#" class="{}""#, section.field.name().replace(' ', "-"));
            write_lines(
                svg,
                &lines,
                pos2(left + SECTION_TAG_WIDTH, y),
                BODY_FONT_SIZE,
                node.text_color,
                &class,
            );
            y += height.max(LINE_HEIGHT) + SECTION_GAP;
        }
    } else {
        let inset = crate::scene::text_inset(node.kind);
        let left = rect.min.x + inset;
        let width = rect.width() - 2.0 * inset;
        let mut y = rect.min.y + PADDING;
        let kind_label = crate::scene::kind_caption(node.kind);
        if let Some(label) = kind_label {
            let _ = writeln!(
                svg,
                r#"<text class="kind" x="{left:.1}" y="{:.1}" font-size="9" fill="{}">{label}</text>"#,
                y + 8.5,
                colour(node.stroke)
            );
            y += 13.0;
        }
        let title_size = crate::scene::title_size(node.kind);
        if !node.title.is_empty() {
            let (lines, height) = layout.lines(&node.title, title_size, width);
            write_lines(
                svg,
                &lines,
                pos2(left, y),
                title_size,
                node.text_color,
                &emphasis(node.text_color),
            );
            y += height.max(title_size) + 4.0;
        }
        let body_size = crate::scene::body_size(node.kind);
        let body_colour = if node.kind == NodeKind::Region {
            palette.muted_text
        } else {
            node.text_color
        };
        let (lines, _) = layout.lines(&node.body, body_size, width);
        write_lines(
            svg,
            &lines,
            pos2(left, y),
            body_size,
            body_colour,
            r#" class="text""#,
        );
        let _ = REGION_TITLE_HEIGHT;
    }
    svg.push_str("</g>\n");
}

fn write_edge(svg: &mut String, layout: &mut TextLayout, edge: &SceneEdge, palette: &Palette) {
    let [p0, p1, p2, p3] = edge.geometry.points;
    let head = 11.0;
    let direction = edge.geometry.tip_direction();
    let end = p3 - direction * head * 0.8;
    let dash = if edge.dashed {
        r#" stroke-dasharray="7 5""#
    } else {
        ""
    };
    let _ = writeln!(
        svg,
        r#"<g class="edge" data-edge="{}" data-from="{}" data-to="{}">"#,
        edge.id.0, edge.from.0, edge.to.0
    );
    let _ = writeln!(
        svg,
        r#"<path class="line" d="M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="none" stroke="{}" stroke-width="1.8"{dash}/>"#,
        p0.x,
        p0.y,
        p1.x,
        p1.y,
        p2.x,
        p2.y,
        end.x,
        end.y,
        colour(edge.color)
    );
    let normal = Vec2::new(-direction.y, direction.x);
    let base = p3 - direction * head;
    polygon(
        svg,
        &[p3, base + normal * head * 0.45, base - normal * head * 0.45],
        &colour(edge.color),
        "none",
        0.0,
        "arrowhead",
    );
    if !edge.label.is_empty() {
        let (lines, size) = layout.block(&edge.label, 12.0, 220.0);
        let at = edge.geometry.label_at;
        let r = Rect::from_center_size(at, size).expand(3.0);
        rounded_rect(
            svg,
            r,
            4.0,
            &colour(palette.label_background),
            edge.color.gamma_multiply(0.6),
            1.0,
            r#" class="label-background""#,
        );
        write_lines(
            svg,
            &lines,
            r.min + vec2(3.0, 3.0),
            12.0,
            edge.color,
            r#" class="label""#,
        );
    }
    svg.push_str("</g>\n");
}

pub(super) fn base64(bytes: &[u8]) -> String {
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
}
