//! Figures for papers: the [`Scene`] the canvas paints, written as SVG by the back end in
//! `svg.rs` (and rendered to PNG without a window or GPU through resvg). Every shape, colour,
//! dash and line break comes from the scene; this file only frames the figure and groups the
//! elements so a typesetter (and the tests) can find each card.
//!
//! Text stays text (`<text>`, one element per line) so a typesetter can still select, search
//! and correct it, and the canvas font is embedded with `@font-face`: browsers and resvg draw
//! it exactly; renderers that ignore embedded fonts (e.g. Inkscape) keep our line breaks and
//! fall back to a similar sans-serif.

use super::svg::{base64, escape, write_prim};
use crate::model::{Document, NodeId, NodeKind};
use crate::scene::style::{
    FIGURE_MARGIN, FIGURE_MIN_WIDTH, FIGURE_TITLE_HEIGHT, FIGURE_TITLE_SIZE,
};
use crate::scene::{
    Lod, Palette, Prim, Scene, SceneEdge, SceneNode, SceneOptions, TextRole, legend::legend,
};
use ecolor::Color32;
use emath::{Rect, Vec2, pos2, vec2};
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

/// The figure as an SVG document.
pub fn figure_svg(doc: &Document, options: &FigureOptions) -> Result<String, FigureError> {
    let palette = Palette::LIGHT;
    let mut scene = Scene::new(palette, SceneOptions::FIGURE);
    scene.update(doc);
    let keep = |id: NodeId| options.only.as_ref().is_none_or(|ids| ids.contains(&id));
    let nodes: Vec<usize> = (0..scene.nodes.len())
        .filter(|&i| keep(scene.nodes[i].id))
        .collect();
    scene.prepare(&nodes, Lod::Full);
    let edges: Vec<&SceneEdge> = scene
        .edges
        .iter()
        .filter(|e| keep(e.from) && keep(e.to))
        .collect();
    let bounds = nodes
        .iter()
        .map(|&i| scene.nodes[i].rect)
        .chain(edges.iter().map(|e| e.geometry.bounds()))
        .filter(|r| r.is_finite())
        .reduce(|a, b| a.union(b))
        .ok_or(FigureError::Empty)?;
    let mut measure = crate::scene::text::TextMeasure::new();
    let legend = options.legend.then(|| legend(&palette, &mut measure, true));
    let margin = FIGURE_MARGIN;
    let title_height = if options.title {
        FIGURE_TITLE_HEIGHT
    } else {
        0.0
    };
    let legend_height = legend.as_ref().map_or(0.0, |l| l.size.y + margin);
    let frame = Rect::from_min_max(
        bounds.min - vec2(margin, margin + title_height),
        bounds.max + vec2(margin, margin + legend_height),
    );
    let frame = Rect::from_min_size(frame.min, frame.size().max(vec2(FIGURE_MIN_WIDTH, 10.0)));

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
        write_prim(
            &mut svg,
            &Prim::Rect {
                rect: frame,
                corners: crate::scene::Corners::all(0.0),
                fill: Color32::WHITE,
                line: None,
            },
            Vec2::ZERO,
            Some("background"),
        );
    }
    if options.title {
        let laid = measure.layout(
            &doc.metadata().title,
            FIGURE_TITLE_SIZE,
            frame.width() - 2.0 * margin,
        );
        for prim in laid.runs(
            pos2(frame.min.x + margin, frame.min.y + margin * 0.6),
            FIGURE_TITLE_SIZE,
            palette.text,
            false,
            TextRole::FigureTitle,
            f32::INFINITY,
        ) {
            write_prim(&mut svg, &prim, Vec2::ZERO, None);
        }
    }
    let is_region = |i: &&usize| scene.nodes[**i].kind == NodeKind::Region;
    svg.push_str("<g class=\"regions\">\n");
    for &i in nodes.iter().filter(is_region) {
        write_node(&mut svg, &scene, i);
    }
    svg.push_str("</g>\n<g class=\"edges\">\n");
    for edge in &edges {
        write_edge(&mut svg, &scene, edge);
    }
    svg.push_str("</g>\n<g class=\"nodes\">\n");
    for &i in nodes.iter().filter(|i| !is_region(i)) {
        write_node(&mut svg, &scene, i);
    }
    svg.push_str("</g>\n");
    if let Some(legend) = legend {
        let at = pos2(frame.min.x + margin, bounds.max.y + margin);
        svg.push_str("<g class=\"legend\">\n");
        for prim in &legend.drawing.prims {
            write_prim(&mut svg, prim, at.to_vec2(), None);
        }
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>\n");
    Ok(svg)
}

fn write_node(svg: &mut String, scene: &Scene, index: usize) {
    let node: &SceneNode = &scene.nodes[index];
    let kind = format!("{:?}", node.kind).to_lowercase();
    let _ = write!(svg, r#"<g class="node {kind}" data-node="{}""#, node.id.0);
    if let Some(badge) = &node.badge {
        let _ = write!(
            svg,
            r#" data-cmoc="{}" data-polarity="{}""#,
            badge.number,
            badge.polarity.word()
        );
    }
    let _ = write!(svg, r#" aria-label="{}""#, escape(&node.name));
    svg.push_str(">\n");
    if let Some(drawing) = scene.drawing(index, Lod::Full) {
        let offset = node.rect.min.to_vec2();
        for (i, prim) in drawing.prims.iter().enumerate() {
            let class = match (i, prim) {
                (0, _) => Some("shape"),
                (_, Prim::Rect { .. }) if node.badge.is_some() && i == 1 => Some("header"),
                _ => None,
            };
            write_prim(svg, prim, offset, class);
        }
    }
    svg.push_str("</g>\n");
}

fn write_edge(svg: &mut String, scene: &Scene, edge: &SceneEdge) {
    let _ = writeln!(
        svg,
        r#"<g class="edge" data-edge="{}" data-from="{}" data-to="{}" aria-label="{}">"#,
        edge.id.0,
        edge.from.0,
        edge.to.0,
        escape(&edge.name)
    );
    for prim in scene.edge_prims(edge, Lod::Full) {
        let class = match prim {
            Prim::Curve { .. } => Some("line"),
            Prim::Polygon { .. } => Some("arrowhead"),
            Prim::Rect { .. } => Some("label-background"),
            _ => None,
        };
        write_prim(svg, &prim, Vec2::ZERO, class);
    }
    svg.push_str("</g>\n");
}
