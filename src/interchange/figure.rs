//! Figures for papers: the [`Scene`] the canvas paints, written as SVG by the back end in
//! `svg.rs` (and rendered to PNG without a window or GPU through resvg). Every shape, colour,
//! dash and line break comes from the scene; this file only frames the figure and groups the
//! elements so a typesetter (and the tests) can find each card.
//!
//! Text stays text (`<text>`, one element per line) so a typesetter can still select, search
//! and correct it, and the canvas font is embedded with `@font-face`: browsers and resvg draw
//! it exactly; renderers that ignore embedded fonts (e.g. Inkscape) keep our line breaks and
//! fall back to a similar sans-serif.

use super::figure_marks::{walk_scenario_marks, walk_status};
use super::svg::{base64, escape, write_prim};
use crate::model::{Document, NodeId, NodeKind};
use crate::scene::style::{
    FIGURE_MARGIN, FIGURE_MIN_WIDTH, FIGURE_TITLE_HEIGHT, FIGURE_TITLE_SIZE,
};
use crate::scene::{
    Lod, Palette, Prim, Scene, SceneEdge, SceneNode, SceneOptions, TextRole, legend::legend_of,
};
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
    /// Draw the diagram as in this "what if" scenario (by name): inactive parts faded,
    /// partly active ones hatched, active negative CMOCs outlined, the conditions' states on
    /// chips; its name is written above the figure and the legend says what the marks mean.
    pub scenario: Option<String>,
    /// Write each appraised CMOC's realist status ("REFINED") across its bottom edge.
    pub statuses: bool,
}

impl Default for FigureOptions {
    fn default() -> Self {
        Self {
            only: None,
            title: false,
            legend: false,
            transparent: false,
            embed_font: true,
            scenario: None,
            statuses: false,
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
        "The picture would be {width} × {height} pixels, more than a PNG export renders (16,384 pixels a side, 67 million in all). {suggestion} Nothing was written."
    )]
    TooLarge {
        /// Width in pixels at the scale asked for.
        width: u32,
        /// Height in pixels.
        height: u32,
        /// What to do instead.
        suggestion: String,
    },
    /// The scenario asked for is not in the diagram.
    #[error("There is no scenario called “{name}” in this diagram. {known}")]
    NoScenario {
        /// The name asked for.
        name: String,
        /// The scenarios there are, in a sentence.
        known: String,
    },
    /// resvg could not read our own SVG (a bug).
    #[error("Could not render the figure: {0}")]
    Render(String),
}

/// Everything a figure needs before a byte is written: which nodes and arrows, and the frame.
/// Cheap to make (no text is laid out), so the size of a PNG is known before any work.
pub struct FigureLayout<'d> {
    doc: &'d Document,
    options: FigureOptions,
    scene: Scene,
    nodes: Vec<usize>,
    edges: Vec<usize>,
    bounds: Rect,
    shown: Option<(crate::model::Scenario, crate::model::Outcome)>,
    title_height: f32,
    /// The legend's entries: the kinds of node and arrow the figure shows.
    legend_entries: Vec<crate::scene::legend::LegendEntry>,
    /// The system fonts the figure's words need beyond the canvas font (other scripts).
    pub fallbacks: Vec<crate::scene::fonts::FallbackFace>,
    /// The whole figure, in diagram units.
    pub frame: Rect,
}

impl<'d> FigureLayout<'d> {
    /// Lays out the figure of `doc` (the nodes chosen by `options`).
    pub fn new(doc: &'d Document, options: &FigureOptions) -> Result<Self, FigureError> {
        let palette = Palette::LIGHT;
        let shown = match &options.scenario {
            None => None,
            Some(name) => {
                let scenario = doc
                    .scenario(name)
                    .ok_or_else(|| FigureError::NoScenario {
                        name: name.clone(),
                        known: known_scenarios(doc),
                    })?
                    .clone();
                let outcome = crate::model::propagate(doc, &scenario);
                Some((scenario, outcome))
            }
        };
        let mut scene = Scene::new(palette, SceneOptions::FIGURE);
        scene.update(doc);
        let keep = |id: NodeId| options.only.as_ref().is_none_or(|ids| ids.contains(&id));
        let nodes: Vec<usize> = (0..scene.nodes.len())
            .filter(|&i| keep(scene.nodes[i].id))
            .collect();
        let edges: Vec<usize> = (0..scene.edges.len())
            .filter(|&i| keep(scene.edges[i].from) && keep(scene.edges[i].to))
            .collect();
        let bounds = nodes
            .iter()
            .map(|&i| scene.nodes[i].rect)
            .chain(edges.iter().map(|&i| scene.edges[i].geometry.bounds()))
            .filter(|r| r.is_finite())
            .reduce(|a, b| a.union(b))
            .ok_or(FigureError::Empty)?;
        let margin = FIGURE_MARGIN;
        let mut measure = crate::scene::text::TextMeasure::new();
        let title_width = bounds.width().max(FIGURE_MIN_WIDTH - 2.0 * margin);
        let title_height = match title_text(doc, options, shown.as_ref().map(|s| &s.0)) {
            Some(text) => {
                let laid = measure.layout(&text, FIGURE_TITLE_SIZE, title_width);
                (laid.size.y + margin * 0.6).max(FIGURE_TITLE_HEIGHT)
            }
            None => 0.0,
        };
        let entries = crate::scene::legend::entries_present(doc, &|id| keep(id));
        let legend_height = if options.legend {
            legend_of(
                &palette,
                &mut measure,
                true,
                shown.is_some(),
                Some(&entries),
            )
            .size
            .y + margin
        } else {
            0.0
        };
        let frame = Rect::from_min_max(
            bounds.min - vec2(margin, margin + title_height),
            bounds.max + vec2(margin, margin + legend_height),
        );
        // A small diagram sits in the middle of the narrowest figure, not at its left.
        let extra = (FIGURE_MIN_WIDTH - frame.width()).max(0.0);
        let frame = Rect::from_min_size(
            frame.min - vec2(extra / 2.0, 0.0),
            frame.size().max(vec2(FIGURE_MIN_WIDTH, 10.0)),
        );
        Ok(Self {
            doc,
            options: options.clone(),
            scene,
            nodes,
            edges,
            bounds,
            shown,
            title_height,
            legend_entries: entries,
            fallbacks: crate::scene::fonts::fallbacks_for(super::unwritable::figure_texts(doc)).0,
            frame,
        })
    }

    /// Walks the figure in drawing order — background, title, regions, arrows, nodes (with a
    /// scenario's marks), legend — handing each primitive (with the offset it is drawn at) to
    /// `sink`, inside groups that name what they draw. Each node is laid out, handed over and
    /// dropped, so memory stays that of the diagram plus one node. The SVG and PDF back ends
    /// both draw this one walk.
    pub fn walk(&mut self, sink: &mut dyn FigureSink) -> std::io::Result<()> {
        let palette = Palette::LIGHT;
        let frame = self.frame;
        let margin = FIGURE_MARGIN;
        if !self.options.transparent {
            sink.prim(
                &Prim::Rect {
                    rect: frame,
                    corners: crate::scene::Corners::all(0.0),
                    fill: crate::scene::style::FIGURE_BACKGROUND,
                    line: None,
                },
                Vec2::ZERO,
                Some("background"),
            )?;
        }
        let mut measure = crate::scene::text::TextMeasure::new();
        if let Some(text) = title_text(self.doc, &self.options, self.shown.as_ref().map(|s| &s.0))
            && self.title_height > 0.0
        {
            let laid = measure.layout(&text, FIGURE_TITLE_SIZE, frame.width() - 2.0 * margin);
            for prim in laid.runs(
                pos2(frame.min.x + margin, frame.min.y + margin * 0.6),
                FIGURE_TITLE_SIZE,
                palette.text,
                false,
                TextRole::FigureTitle,
                f32::INFINITY,
            ) {
                sink.prim(&prim, Vec2::ZERO, None)?;
            }
        }
        let nodes = std::mem::take(&mut self.nodes);
        let (regions, others): (Vec<usize>, Vec<usize>) = nodes
            .iter()
            .partition(|&&i| self.scene.nodes[i].kind == NodeKind::Region);
        sink.open("g class=\"regions\"".into())?;
        for i in regions {
            walk_node(sink, &mut self.scene, i)?;
        }
        sink.close()?;
        sink.open("g class=\"edges\"".into())?;
        let mut prims = Vec::new();
        for &e in &self.edges {
            walk_edge(sink, &self.scene, &self.scene.edges[e], &mut prims)?;
        }
        sink.close()?;
        sink.open("g class=\"nodes\"".into())?;
        for i in others {
            walk_node(sink, &mut self.scene, i)?;
            if self.options.statuses {
                walk_status(sink, self.doc, &self.scene.nodes[i], &mut measure)?;
            }
            if let Some((scenario, outcome)) = &self.shown {
                walk_scenario_marks(sink, &self.scene, i, scenario, outcome)?;
            }
        }
        sink.close()?;
        self.nodes = nodes;
        if self.options.legend {
            let legend = legend_of(
                &palette,
                &mut measure,
                true,
                self.shown.is_some(),
                Some(&self.legend_entries),
            );
            let at = pos2(frame.min.x + margin, self.bounds.max.y + margin);
            sink.open("g class=\"legend\"".into())?;
            for prim in &legend.drawing.prims {
                sink.prim(prim, at.to_vec2(), None)?;
            }
            sink.close()?;
        }
        Ok(())
    }

    /// Writes the SVG to `out` as it is walked (see [`FigureLayout::walk`]).
    pub fn write_svg(&mut self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let frame = self.frame;
        let mut svg = String::with_capacity(64 * 1024);
        // The canvas font, then the system fonts that drew the words it lacks (other
        // scripts), then what a reader's computer has.
        let others: String = self
            .fallbacks
            .iter()
            .map(|f| format!("'{}', ", escape(&f.family.replace('\'', ""))))
            .collect();
        let _ = writeln!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="{x:.1} {y:.1} {w:.1} {h:.1}" font-family="'{FONT_FAMILY}', Ubuntu, {others}'Helvetica Neue', Arial, sans-serif">"#,
            x = frame.min.x,
            y = frame.min.y,
            w = frame.width(),
            h = frame.height()
        );
        let _ = writeln!(svg, "<title>{}</title>", escape(&self.doc.metadata().title));
        if self.options.embed_font {
            let font = base64(epaint_default_fonts::UBUNTU_LIGHT);
            let _ = writeln!(
                svg,
                "<defs><style>@font-face {{ font-family: '{FONT_FAMILY}'; src: url(data:font/ttf;base64,{font}) format('truetype'); }}</style></defs>"
            );
        }
        let mut writer = SvgSink {
            svg,
            out,
            open: Vec::new(),
        };
        self.walk(&mut writer)?;
        writer.svg.push_str("</svg>\n");
        writer.out.write_all(writer.svg.as_bytes())
    }

    /// The diagram's title (for a PDF's metadata).
    pub fn title(&self) -> &str {
        &self.doc.metadata().title
    }
}

/// Where [`FigureLayout::walk`] hands what it draws.
pub trait FigureSink {
    /// A group begins: an SVG start tag's contents (`g class="node cmoc" …`).
    fn open(&mut self, tag: String) -> std::io::Result<()>;
    /// The group begun last ends.
    fn close(&mut self) -> std::io::Result<()>;
    /// A primitive, drawn moved by `offset`, with a class for typesetters and tests.
    fn prim(&mut self, prim: &Prim, offset: Vec2, class: Option<&str>) -> std::io::Result<()>;
}

/// Writes the walk as SVG text, handing it to `out` a few hundred kilobytes at a time.
struct SvgSink<'o> {
    svg: String,
    out: &'o mut dyn std::io::Write,
    open: Vec<String>,
}

impl FigureSink for SvgSink<'_> {
    fn open(&mut self, tag: String) -> std::io::Result<()> {
        let name = tag.split_whitespace().next().unwrap_or("g").to_string();
        let _ = writeln!(self.svg, "<{tag}>");
        self.open.push(name);
        Ok(())
    }

    fn close(&mut self) -> std::io::Result<()> {
        let name = self.open.pop().unwrap_or_else(|| "g".into());
        let _ = writeln!(self.svg, "</{name}>");
        flush_when_large(&mut self.svg, self.out)
    }

    fn prim(&mut self, prim: &Prim, offset: Vec2, class: Option<&str>) -> std::io::Result<()> {
        write_prim(&mut self.svg, prim, offset, class);
        Ok(())
    }
}

/// The scenarios of `doc` named in a sentence, for an error that names a missing one.
pub fn known_scenarios(doc: &Document) -> String {
    let names: Vec<String> = doc
        .scenarios()
        .iter()
        .map(|s| format!("“{}”", s.name))
        .collect();
    if names.is_empty() {
        "It has no scenarios: add one in the Scenarios panel of the editor.".into()
    } else {
        format!("Its scenarios are {}.", names.join(", "))
    }
}

/// What is written above the figure: the diagram's title when asked for, and the scenario
/// it shows (always, so a figure of a "what if" can never pass for the theory as drawn).
fn title_text(
    doc: &Document,
    options: &FigureOptions,
    scenario: Option<&crate::model::Scenario>,
) -> Option<String> {
    let what_if = scenario.map(|s| format!("What if: {}", s.name.trim()));
    // A diagram never given a title has none to print ("Untitled programme theory" is the
    // editor's placeholder, not the researcher's words).
    let title = doc.metadata().title.trim();
    let named = !(title.is_empty() || title.eq_ignore_ascii_case(crate::model::UNTITLED));
    match (options.title && named, what_if) {
        (true, Some(w)) => Some(format!("{title} — {w}")),
        (true, None) => Some(title.to_string()),
        (false, w) => w,
    }
}

/// Hands the text written so far to `out` once it is a few hundred kilobytes.
fn flush_when_large(svg: &mut String, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if svg.len() > 256 * 1024 {
        out.write_all(svg.as_bytes())?;
        svg.clear();
    }
    Ok(())
}

/// The figure as an SVG document, in memory (see [`FigureLayout::write_svg`] to stream it).
pub fn figure_svg(doc: &Document, options: &FigureOptions) -> Result<String, FigureError> {
    let mut layout = FigureLayout::new(doc, options)?;
    let mut bytes = Vec::new();
    layout
        .write_svg(&mut bytes)
        .map_err(|e| FigureError::Render(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| FigureError::Render(e.to_string()))
}

fn walk_node(sink: &mut dyn FigureSink, scene: &mut Scene, index: usize) -> std::io::Result<()> {
    let drawing = scene.drawing_uncached(index, Lod::Full);
    let node: &SceneNode = &scene.nodes[index];
    let kind = format!("{:?}", node.kind).to_lowercase();
    let mut tag = format!(r#"g class="node {kind}" data-node="{}""#, node.id.0);
    if let Some(badge) = &node.badge {
        let _ = write!(
            tag,
            r#" data-cmoc="{}" data-polarity="{}""#,
            badge.number,
            badge.polarity.word()
        );
    }
    let _ = write!(tag, r#" aria-label="{}""#, escape(&node.name));
    sink.open(tag)?;
    if let Some(drawing) = drawing {
        let offset = node.rect.min.to_vec2();
        for (i, prim) in drawing.prims.iter().enumerate() {
            let class = match (i, prim) {
                (0, _) => Some("shape"),
                (_, Prim::Rect { .. }) if node.badge.is_some() && i == 1 => Some("header"),
                _ => None,
            };
            sink.prim(prim, offset, class)?;
        }
    }
    sink.close()
}

fn walk_edge(
    sink: &mut dyn FigureSink,
    scene: &Scene,
    edge: &SceneEdge,
    prims: &mut Vec<Prim>,
) -> std::io::Result<()> {
    sink.open(format!(
        r#"g class="edge" data-edge="{}" data-from="{}" data-to="{}" aria-label="{}""#,
        edge.id.0,
        edge.from.0,
        edge.to.0,
        escape(&edge.name)
    ))?;
    prims.clear();
    scene.edge_prims_into(edge, Lod::Full, prims);
    for prim in prims.iter() {
        let class = match prim {
            Prim::Curve { .. } => Some("line"),
            Prim::Polygon { .. } => Some("arrowhead"),
            Prim::Rect { .. } => Some("label-background"),
            _ => None,
        };
        sink.prim(prim, Vec2::ZERO, class)?;
    }
    sink.close()
}
