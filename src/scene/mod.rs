//! The document laid out for drawing. For a document revision, a level of detail and a view
//! state (selection, hover, focus, Find matches), the scene produces positioned, styled
//! primitives in world coordinates ([`draw::Prim`]). The canvas painter, the SVG writer (and
//! through it PNG) and the accessibility tree all read the same scene, so a figure looks like
//! the canvas and a new visual state is written once.
//!
//! The scene follows the document incrementally ([`Scene::update`]): a change to one card lays
//! out that card only; a move reuses the drawing where it lands.

mod arrows;
pub mod draw;
mod drawings;
mod edge_draw;
mod edges;
pub mod find;
pub mod fonts;
mod grid;
mod incremental;
pub mod legend;
pub mod names;
mod node_draw;
mod order;
mod palette;
mod parts;
mod route;
pub mod style;
pub mod text;
pub mod text_fit;
mod title_fit;
mod update;
mod view;

pub use draw::{Corners, Dash, Drawing, Hotspots, Line, Prim, TextRole, TextRun};
pub use edges::{EdgeGeometry, cubic, edge_geometry, styled_geometry};
pub use grid::SpatialGrid;
pub use order::presentation_order_of;
pub use palette::{KindStyle, Palette};
pub use parts::{
    Field, Section, body_size, condition_outline, kind_caption, note_outline, text_inset,
    title_size,
};
pub use route::{ROUTE_MARGIN, crosses, route};
pub use style::{REGION_TITLE_HEIGHT, SELECTION_GAP_PX};
pub use view::{ScenarioView, ViewState, chip_words};

use crate::model::{Branch, EdgeId, NodeId, NodeKind, Polarity, Rect as WorldRect, Stamp};
use ecolor::Color32;
use emath::{Pos2, Rect, pos2};
use rustc_hash::FxHashMap as HashMap;
use text::{LaidText, TextMeasure};

/// At this zoom and above, cards show their C / M / O text.
pub const DETAIL_ZOOM: f32 = 0.45;
/// Below this zoom, nodes are plain coloured boxes with no text at all.
pub const OVERVIEW_ZOOM: f32 = 0.12;

/// How much of each node is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lod {
    /// Everything: badge, title, C / M / O text, arrow labels.
    Full,
    /// Zoomed out: outlines with the badge and the title at a readable screen size. The
    /// number is a zoom band (0 nearest); text is laid out once per band.
    Titles(u8),
    /// Far out: plain coloured boxes and thin straight arrows.
    Boxes,
}

/// At most this many full node drawings are kept beyond those on screen.
const MAX_KEPT_DRAWINGS: usize = 1_500;

/// Zoom bands of [`Lod::Titles`] are this factor apart.
const TITLE_BAND_FACTOR: f32 = 1.25;
const TITLE_BANDS: u8 = 6;
const LOD_SLOTS: usize = TITLE_BANDS as usize + 2;

impl Lod {
    /// The level of detail for a zoom factor.
    pub fn for_zoom(zoom: f32) -> Lod {
        if !zoom.is_finite() || zoom >= DETAIL_ZOOM {
            Lod::Full
        } else if zoom < OVERVIEW_ZOOM {
            Lod::Boxes
        } else {
            let band = ((DETAIL_ZOOM / zoom).ln() / TITLE_BAND_FACTOR.ln()).floor();
            Lod::Titles((band.max(0.0) as u8).min(TITLE_BANDS - 1))
        }
    }

    /// World units per screen pixel that text of this level is laid out for (1 at full
    /// detail, where text scales with the zoom).
    pub fn px_to_world(self) -> f32 {
        match self {
            Lod::Full | Lod::Boxes => 1.0,
            Lod::Titles(band) => 1.0 / (DETAIL_ZOOM / TITLE_BAND_FACTOR.powi(i32::from(band) + 1)),
        }
    }

    /// Its place from the most detailed (0, [`Lod::Full`]) to the least ([`Lod::Boxes`]).
    pub fn slot_order(self) -> usize {
        self.slot()
    }

    /// The zooms at which this level is drawn: from (inclusive) and to (exclusive).
    pub fn zoom_range(self) -> (f32, f32) {
        let band_edge = |b: u8| DETAIL_ZOOM / TITLE_BAND_FACTOR.powi(i32::from(b));
        match self {
            Lod::Full => (DETAIL_ZOOM, f32::INFINITY),
            Lod::Titles(b) if b + 1 >= TITLE_BANDS => (OVERVIEW_ZOOM, band_edge(b)),
            Lod::Titles(b) => (band_edge(b + 1), band_edge(b)),
            Lod::Boxes => (0.0, OVERVIEW_ZOOM),
        }
    }

    /// The level kept in slot `slot` of a node's drawings.
    fn of_slot(slot: usize) -> Lod {
        match slot {
            0 => Lod::Full,
            s if s < LOD_SLOTS - 1 => Lod::Titles(u8::try_from(s - 1).unwrap_or(0)),
            _ => Lod::Boxes,
        }
    }

    /// The levels either side of this one (nearer first, then farther), to lay out ahead.
    pub fn neighbours(self) -> [Option<Lod>; 2] {
        let slot = self.slot();
        [
            slot.checked_sub(1).map(Lod::of_slot),
            (slot + 1 < LOD_SLOTS).then(|| Lod::of_slot(slot + 1)),
        ]
    }

    fn slot(self) -> usize {
        match self {
            Lod::Full => 0,
            Lod::Titles(band) => 1 + usize::from(band.min(TITLE_BANDS - 1)),
            Lod::Boxes => LOD_SLOTS - 1,
        }
    }
}

/// What a scene is for: the canvas shows hints and counters that a figure leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SceneOptions {
    /// "double-click to write" in empty fields.
    pub placeholders: bool,
    /// Open-comment counters on nodes and arrows.
    pub comment_counters: bool,
}

impl SceneOptions {
    /// The editor's canvas.
    pub const CANVAS: SceneOptions = SceneOptions {
        placeholders: true,
        comment_counters: true,
    };
    /// A figure for a paper.
    pub const FIGURE: SceneOptions = SceneOptions {
        placeholders: false,
        comment_counters: false,
    };
}

/// A card's badge: "CMOC 22" / "-ve CMOC 22" on its header colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Badge {
    /// The words on it.
    pub text: String,
    /// The CMOC number.
    pub number: u32,
    /// Positive or negative.
    pub polarity: Polarity,
    /// Header colour.
    pub fill: Color32,
    /// Text colour on the header.
    pub text_colour: Color32,
}

impl Badge {
    /// The badge in few characters, for cards too narrow for the full one: "22" / "-ve 22".
    pub fn short_text(&self) -> String {
        match self.polarity {
            Polarity::Positive => self.number.to_string(),
            Polarity::Negative => format!("-ve {}", self.number),
        }
    }
}

/// A node ready to draw.
#[derive(Clone, Debug)]
pub struct SceneNode {
    /// The node it comes from.
    pub id: NodeId,
    /// Its kind.
    pub kind: NodeKind,
    /// Its rectangle in world coordinates (empty at the origin when the file's was unusable).
    pub rect: Rect,
    /// Inside colour.
    pub fill: Color32,
    /// Border colour.
    pub stroke: Color32,
    /// Border drawn dashed (negative CMOC cards).
    pub dashed: bool,
    /// A card's badge.
    pub badge: Option<Badge>,
    /// The title.
    pub title: String,
    /// C / M / O sections of a card.
    pub sections: Vec<Section>,
    /// Body text of other nodes.
    pub body: String,
    /// Text colour.
    pub text_colour: Color32,
    /// Open comments on the node.
    pub open_comments: usize,
    /// Workshop groups' reactions to the node: how many agree, are not sure, disagree.
    pub reactions: [usize; 3],
    /// Evidence items on a card.
    pub evidence: usize,
    /// Pinned by the user (Tidy leaves it): a "pin" marker on the canvas, not in figures.
    pub pinned: bool,
    /// What a screen reader says for it.
    pub name: String,
    drawings: [Option<Box<Drawing>>; LOD_SLOTS],
}

/// An arrow ready to draw.
#[derive(Clone, Debug)]
pub struct SceneEdge {
    /// The arrow it comes from.
    pub id: EdgeId,
    /// Start node.
    pub from: NodeId,
    /// End node.
    pub to: NodeId,
    /// The curve and arrowhead in world coordinates.
    pub geometry: EdgeGeometry,
    /// Line colour.
    pub colour: Color32,
    /// Dashed for "prevents".
    pub dashed: bool,
    /// Text on the arrow (branch word and/or label).
    pub label: String,
    /// The branch, for colouring yes/no.
    pub branch: Option<Branch>,
    /// Open comments on the arrow.
    pub open_comments: usize,
    /// What a screen reader says for it.
    pub name: String,
    laid_label: Option<LaidText>,
    /// Positions of its two ends in `Scene::nodes` (valid until nodes are added, removed or
    /// reordered, which lays the arrows out again).
    ends: (usize, usize),
}

/// The whole document laid out for drawing, kept up to date change by change.
#[derive(Debug)]
pub struct Scene {
    /// Nodes in drawing order (back to front).
    pub nodes: Vec<SceneNode>,
    /// Arrows in document order.
    pub edges: Vec<SceneEdge>,
    /// Finds nodes near a point or rectangle.
    pub grid: SpatialGrid,
    /// Position of each node in `nodes`.
    pub index_of: HashMap<NodeId, usize>,
    edge_index: HashMap<EdgeId, usize>,
    /// Finds arrows near a rectangle (by the box around each curve).
    edge_grid: SpatialGrid,
    /// Bumped whenever anything drawn changes (views cache what they painted by it).
    version: u64,
    /// Full drawings laid out since the last sweep (an upper bound of those kept).
    drawings_made: usize,
    edges_at: HashMap<NodeId, Vec<EdgeId>>,
    /// For each node (by position in `nodes`), its arrows: id, the other end's position, and
    /// whether the arrow leaves this node. Built before the arrows are routed, for ports.
    links: HashMap<usize, Vec<(EdgeId, usize, bool)>>,
    /// How the diagram's arrows are drawn (from the document's metadata).
    arrows: crate::model::ArrowStyle,
    /// The pinned nodes (few), for their markers.
    pinned: rustc_hash::FxHashSet<NodeId>,
    palette: Palette,
    options: SceneOptions,
    stamp: Option<Stamp>,
    measure: TextMeasure,
}

static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A version number no scene has had before (so two scenes never share one).
fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Converts a model rectangle to an emath one; unusable geometry (NaN, infinite) becomes an
/// empty rectangle at the origin, so a damaged file still draws.
pub fn to_rect(r: WorldRect) -> Rect {
    let rect = Rect::from_min_max(pos2(r.min.x, r.min.y), pos2(r.max.x, r.max.y));
    if rect.is_finite() && rect.min.x <= rect.max.x && rect.min.y <= rect.max.y {
        rect
    } else if rect.min.is_finite() {
        Rect::from_min_size(rect.min, emath::Vec2::ZERO)
    } else {
        Rect::from_min_size(Pos2::ZERO, emath::Vec2::ZERO)
    }
}

impl Scene {
    /// An empty scene that draws with `palette` for `options`; [`Scene::update`] fills it.
    pub fn new(palette: Palette, options: SceneOptions) -> Scene {
        Scene {
            nodes: Vec::new(),
            edges: Vec::new(),
            grid: SpatialGrid::default(),
            index_of: HashMap::default(),
            edge_index: HashMap::default(),
            edge_grid: SpatialGrid::default(),
            version: next_version(),
            drawings_made: 0,
            edges_at: HashMap::default(),
            links: HashMap::default(),
            arrows: crate::model::ArrowStyle::Curved,
            pinned: Default::default(),
            palette,
            options,
            stamp: None,
            measure: TextMeasure::new(),
        }
    }

    /// Lays out a whole document for the canvas.
    pub fn build(doc: &crate::model::Document, palette: &Palette) -> Scene {
        let mut scene = Scene::new(*palette, SceneOptions::CANVAS);
        scene.update(doc);
        scene
    }

    /// The palette it draws with.
    pub fn palette(&self) -> &Palette {
        &self.palette
    }

    /// The node drawn with this id.
    pub fn node(&self, id: NodeId) -> Option<&SceneNode> {
        self.nodes.get(*self.index_of.get(&id)?)
    }

    /// Where the node with this id is in [`Scene::nodes`].
    pub fn position_of(&self, id: NodeId) -> Option<usize> {
        self.index_of.get(&id).copied()
    }

    /// The arrow drawn with this id.
    pub fn edge(&self, id: EdgeId) -> Option<&SceneEdge> {
        self.edges.get(*self.edge_index.get(&id)?)
    }

    /// The rectangle around every node, or `None` for an empty scene.
    pub fn bounds(&self) -> Option<Rect> {
        self.nodes.iter().map(|n| n.rect).reduce(|a, b| a.union(b))
    }

    /// An arrow's primitives at `lod`, in world coordinates.
    pub fn edge_prims(&self, edge: &SceneEdge, lod: Lod) -> Vec<Prim> {
        let mut prims = Vec::new();
        self.edge_prims_into(edge, lod, &mut prims);
        prims
    }

    /// Adds an arrow's primitives at `lod` to `prims` (reusing one buffer for many arrows).
    pub fn edge_prims_into(&self, edge: &SceneEdge, lod: Lod, prims: &mut Vec<Prim>) {
        edge_draw::draw_edge(
            edge,
            edge.laid_label.as_ref(),
            lod,
            &self.options,
            &self.palette,
            prims,
        );
    }

    /// Changes whenever anything the scene draws changes.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Indices of arrows whose curve may touch `rect`, in document order.
    pub fn edges_in(&self, rect: Rect) -> Vec<usize> {
        self.edge_grid
            .query_rect(rect)
            .into_iter()
            .map(|i| i as usize)
            .filter(|&i| {
                self.edges
                    .get(i)
                    .is_some_and(|e| e.geometry.bounds().intersects(rect))
            })
            .collect()
    }

    /// The text measurer the scene breaks lines with (for a figure's title and legend).
    pub fn measure(&mut self) -> &mut TextMeasure {
        &mut self.measure
    }

    /// Indices of nodes whose rectangle touches `rect`, back to front.
    pub fn nodes_in(&self, rect: Rect) -> Vec<usize> {
        self.grid
            .query_rect(rect)
            .into_iter()
            .map(|i| i as usize)
            .filter(|&i| self.nodes.get(i).is_some_and(|n| n.rect.intersects(rect)))
            .collect()
    }

    /// The topmost node under a world point. Regions count only on their title band and
    /// border, so empty space inside a region still starts a rubber band.
    pub fn node_at(&self, point: Pos2, border_tolerance: f32) -> Option<NodeId> {
        let mut candidates = self.grid.query_point(point);
        candidates.reverse();
        candidates
            .into_iter()
            .filter_map(|i| self.nodes.get(i as usize))
            .find(|n| {
                if !n.rect.expand(border_tolerance).contains(point) {
                    return false;
                }
                if n.kind != NodeKind::Region {
                    return true;
                }
                let inner = n.rect.shrink(border_tolerance);
                let title_band = point.y <= n.rect.min.y + REGION_TITLE_HEIGHT;
                title_band || !inner.contains(point)
            })
            .map(|n| n.id)
    }

    /// The arrow passing within `tolerance` of a world point, if any.
    pub fn edge_at(&self, point: Pos2, tolerance: f32) -> Option<EdgeId> {
        self.edges
            .iter()
            .rev()
            .filter(|e| e.geometry.bounds().expand(tolerance).contains(point))
            .find(|e| e.geometry.distance_to(point) <= tolerance)
            .map(|e| e.id)
    }
}
