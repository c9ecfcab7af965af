//! The document laid out for drawing: each node and arrow as positioned, styled primitives in
//! world coordinates, with a spatial grid for culling and hit-testing. The canvas paints a
//! `Scene`; exporters draw the same one, so a figure looks like the canvas.

mod edges;
mod grid;
mod palette;

pub use edges::{EdgeGeometry, edge_geometry};
pub use grid::SpatialGrid;
pub use palette::{KindStyle, Palette};

use crate::model::text_fit::HEADER_HEIGHT;
use crate::model::{
    Branch, Document, EdgeEffect, EdgeId, NodeContent, NodeId, NodeKind, Polarity,
    Rect as WorldRect, Rgb, Target,
};
use ecolor::Color32;
use emath::{Pos2, Rect, pos2};
use std::collections::HashMap;

/// Below this zoom, cards are drawn as titled boxes without their C/M/O text.
pub const DETAIL_ZOOM: f32 = 0.45;
/// Below this zoom, nodes are plain coloured boxes with no text at all.
pub const OVERVIEW_ZOOM: f32 = 0.12;
/// Height of a region's title band, where it can be grabbed.
pub const REGION_TITLE_HEIGHT: f32 = 44.0;

/// The small capitals above a free-standing node's title, so the kind reads without colour.
pub fn kind_caption(kind: NodeKind) -> Option<&'static str> {
    match kind {
        NodeKind::Context => Some("CONTEXT"),
        NodeKind::Mechanism => Some("MECHANISM"),
        NodeKind::Outcome => Some("OUTCOME"),
        NodeKind::Theory => Some("THEORY"),
        NodeKind::Condition => Some("CONDITION"),
        NodeKind::Cmoc | NodeKind::Region | NodeKind::Note => None,
    }
}

/// How far a non-card node's text sits from its left and right edges (world units); the
/// condition's slanted sides and the theory's double border need more room.
pub fn text_inset(kind: NodeKind) -> f32 {
    match kind {
        NodeKind::Condition => 20.0,
        NodeKind::Theory => 10.0,
        _ => crate::model::text_fit::PADDING,
    }
}

/// Title size of a non-card node (world units).
pub fn title_size(kind: NodeKind) -> f32 {
    if kind == NodeKind::Region { 17.0 } else { 14.0 }
}

/// Body text size of a non-card node (world units).
pub fn body_size(kind: NodeKind) -> f32 {
    if kind == NodeKind::Region { 12.0 } else { 13.0 }
}

/// The outline of an IF-condition: a hexagon whose slanted ends are `cut` wide (at most a third
/// of the height), for a rectangle in any coordinates.
pub fn condition_outline(rect: Rect, cut: f32) -> Vec<Pos2> {
    let cut = cut.min(rect.height() / 3.0);
    vec![
        pos2(rect.min.x + cut, rect.min.y),
        pos2(rect.max.x - cut, rect.min.y),
        pos2(rect.max.x, rect.center().y),
        pos2(rect.max.x - cut, rect.max.y),
        pos2(rect.min.x + cut, rect.max.y),
        pos2(rect.min.x, rect.center().y),
    ]
}

/// The outline of a sticky note with its top-right corner folded by `fold` (at most a quarter
/// of the width); the second list is the folded-over triangle.
pub fn note_outline(rect: Rect, fold: f32) -> (Vec<Pos2>, Vec<Pos2>) {
    let fold = fold.min(rect.width() / 4.0);
    let outline = vec![
        rect.min,
        pos2(rect.max.x - fold, rect.min.y),
        pos2(rect.max.x, rect.min.y + fold),
        rect.max,
        pos2(rect.min.x, rect.max.y),
    ];
    let corner = vec![
        pos2(rect.max.x - fold, rect.min.y),
        pos2(rect.max.x - fold, rect.min.y + fold),
        pos2(rect.max.x, rect.min.y + fold),
    ];
    (outline, corner)
}

/// Which text of a node a section shows; lets the canvas edit the right field in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A card's or block's title.
    Title,
    /// A card's context.
    Context,
    /// A card's mechanism.
    Mechanism,
    /// A card's mechanism resource (when split).
    MechanismResource,
    /// A card's mechanism reasoning (when split).
    MechanismReasoning,
    /// A card's outcome.
    Outcome,
    /// The body text of a non-card node.
    Text,
}

impl Field {
    /// The name shown in the inspector and undo labels.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Context => "context",
            Field::Mechanism => "mechanism",
            Field::MechanismResource => "mechanism resource",
            Field::MechanismReasoning => "mechanism reasoning",
            Field::Outcome => "outcome",
            Field::Text => "text",
        }
    }

    /// The field's text in a node's content.
    pub fn get(self, content: &NodeContent) -> Option<&str> {
        match content {
            NodeContent::Cmoc(card) => Some(match self {
                Field::Title => &card.title,
                Field::Context => &card.context,
                Field::Mechanism => &card.mechanism,
                Field::MechanismResource => &card.mechanism_resource,
                Field::MechanismReasoning => &card.mechanism_reasoning,
                Field::Outcome => &card.outcome,
                Field::Text => return None,
            }),
            other => {
                let block = other.text_block()?;
                match self {
                    Field::Title => Some(&block.title),
                    Field::Text => Some(&block.text),
                    _ => None,
                }
            }
        }
    }

    /// The field's text in a node's content, to change it.
    pub fn get_mut(self, content: &mut NodeContent) -> Option<&mut String> {
        match content {
            NodeContent::Cmoc(card) => Some(match self {
                Field::Title => &mut card.title,
                Field::Context => &mut card.context,
                Field::Mechanism => &mut card.mechanism,
                Field::MechanismResource => &mut card.mechanism_resource,
                Field::MechanismReasoning => &mut card.mechanism_reasoning,
                Field::Outcome => &mut card.outcome,
                Field::Text => return None,
            }),
            other => {
                let block = other.text_block_mut()?;
                match self {
                    Field::Title => Some(&mut block.title),
                    Field::Text => Some(&mut block.text),
                    _ => None,
                }
            }
        }
    }
}

/// One labelled part of a CMOC card: "C", "M", "O" (or the resource/reasoning split).
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The tag letter(s) shown at the left: "C", "M", "Mres", "Mrsn", "O".
    pub tag: &'static str,
    /// Which field it shows.
    pub field: Field,
    /// The text.
    pub text: String,
    /// The tag's colour (the matching free-standing node kind's accent).
    pub tag_fill: Color32,
    /// Text colour on the tag.
    pub tag_text: Color32,
}

/// A node ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneNode {
    /// The node it comes from.
    pub id: NodeId,
    /// Its kind.
    pub kind: NodeKind,
    /// Its rectangle in world coordinates.
    pub rect: Rect,
    /// Inside colour.
    pub fill: Color32,
    /// Border colour.
    pub stroke: Color32,
    /// Border drawn dashed (negative CMOC cards).
    pub dashed: bool,
    /// For cards: the badge text ("CMOC 22" / "-ve CMOC 22"), header colour and text colour.
    pub badge: Option<(String, Color32, Color32)>,
    /// The title line(s).
    pub title: String,
    /// C / M / O sections of a card.
    pub sections: Vec<Section>,
    /// Body text of other nodes.
    pub body: String,
    /// Text colour.
    pub text_color: Color32,
    /// Open comments on the node.
    pub open_comments: usize,
    /// Evidence items on a card.
    pub evidence: usize,
}

impl SceneNode {
    /// The card's badge rectangle in world coordinates (clicking it toggles polarity).
    pub fn badge_rect(&self) -> Option<Rect> {
        self.badge.as_ref().map(|(text, _, _)| {
            let width = 16.0 + 7.6 * text.chars().count() as f32;
            Rect::from_min_size(
                self.rect.min + emath::vec2(6.0, 5.0),
                emath::vec2(width, HEADER_HEIGHT - 10.0),
            )
        })
    }
}

/// An arrow ready to draw.
#[derive(Clone, Debug, PartialEq)]
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
    pub color: Color32,
    /// Dashed for "prevents".
    pub dashed: bool,
    /// Text on the arrow (branch word and/or label).
    pub label: String,
    /// The branch, for colouring yes/no.
    pub branch: Option<Branch>,
    /// Open comments on the arrow.
    pub open_comments: usize,
}

/// The whole document laid out for drawing.
#[derive(Clone, Debug, Default)]
pub struct Scene {
    /// Nodes in drawing order (back to front).
    pub nodes: Vec<SceneNode>,
    /// Arrows.
    pub edges: Vec<SceneEdge>,
    /// Finds nodes near a point or rectangle.
    pub grid: SpatialGrid,
    /// Position of each node in `nodes`.
    pub index_of: HashMap<NodeId, usize>,
    /// The rectangle around everything.
    pub bounds: Option<Rect>,
}

/// Converts a model rectangle to an emath one.
pub fn to_rect(r: WorldRect) -> Rect {
    Rect::from_min_max(pos2(r.min.x, r.min.y), pos2(r.max.x, r.max.y))
}

fn user_colour(rgb: Option<Rgb>) -> Option<Color32> {
    rgb.map(|Rgb([r, g, b])| Color32::from_rgb(r, g, b))
}

impl Scene {
    /// Lays out a document with a palette.
    pub fn build(doc: &Document, palette: &Palette) -> Scene {
        let mut open_comments: HashMap<Target, usize> = HashMap::new();
        for a in doc.annotations().filter(|a| !a.resolved) {
            *open_comments.entry(a.target).or_default() += 1;
        }
        let nodes: Vec<SceneNode> = doc
            .nodes()
            .map(|node| {
                let kind = node.kind();
                let rect = to_rect(node.rect());
                let open = open_comments
                    .get(&Target::Node(node.id))
                    .copied()
                    .unwrap_or(0);
                match &node.content {
                    NodeContent::Cmoc(card) => {
                        let negative = card.polarity == Polarity::Negative;
                        let style = palette.card(negative);
                        let tag = |k: NodeKind| {
                            let s = palette.kind(k);
                            (s.accent, s.on_accent)
                        };
                        let mut sections = vec![section(
                            "C",
                            Field::Context,
                            &card.context,
                            tag(NodeKind::Context),
                        )];
                        if card.has_mechanism_split() {
                            sections.push(section(
                                "M res",
                                Field::MechanismResource,
                                &card.mechanism_resource,
                                tag(NodeKind::Mechanism),
                            ));
                            sections.push(section(
                                "M rsn",
                                Field::MechanismReasoning,
                                &card.mechanism_reasoning,
                                tag(NodeKind::Mechanism),
                            ));
                        } else {
                            sections.push(section(
                                "M",
                                Field::Mechanism,
                                &card.mechanism,
                                tag(NodeKind::Mechanism),
                            ));
                        }
                        sections.push(section(
                            "O",
                            Field::Outcome,
                            &card.outcome,
                            tag(NodeKind::Outcome),
                        ));
                        SceneNode {
                            id: node.id,
                            kind,
                            rect,
                            fill: if negative {
                                style.fill
                            } else {
                                user_colour(node.colour).unwrap_or(style.fill)
                            },
                            stroke: style.stroke,
                            dashed: negative,
                            badge: Some((card.badge(), style.accent, style.on_accent)),
                            title: card.title.clone(),
                            sections,
                            body: String::new(),
                            text_color: if negative {
                                palette.muted_text
                            } else {
                                palette.text
                            },
                            open_comments: open,
                            evidence: card.evidence.len(),
                        }
                    }
                    other => {
                        let style = palette.kind(kind);
                        let block = other.text_block().cloned().unwrap_or_default();
                        SceneNode {
                            id: node.id,
                            kind,
                            rect,
                            fill: user_colour(node.colour).unwrap_or(style.fill),
                            stroke: style.stroke,
                            dashed: false,
                            badge: None,
                            title: block.title,
                            sections: Vec::new(),
                            body: block.text,
                            text_color: palette.text,
                            open_comments: open,
                            evidence: 0,
                        }
                    }
                }
            })
            .collect();
        let index_of: HashMap<NodeId, usize> =
            nodes.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
        let edges = doc
            .edges()
            .filter_map(|edge| {
                let from = nodes.get(*index_of.get(&edge.from)?)?;
                let to = nodes.get(*index_of.get(&edge.to)?)?;
                let color = match (edge.effect, edge.branch) {
                    (EdgeEffect::Prevents, _) | (_, Some(Branch::No)) => palette.prevents_edge,
                    (_, Some(Branch::Yes)) => palette.card(false).stroke,
                    _ => palette.edge,
                };
                Some(SceneEdge {
                    id: edge.id,
                    from: edge.from,
                    to: edge.to,
                    geometry: edge_geometry(from.rect, to.rect),
                    color,
                    dashed: edge.effect == EdgeEffect::Prevents,
                    label: edge.display_label(),
                    branch: edge.branch,
                    open_comments: open_comments
                        .get(&Target::Edge(edge.id))
                        .copied()
                        .unwrap_or(0),
                })
            })
            .collect();
        let grid = SpatialGrid::build(nodes.iter().map(|n| &n.rect));
        let bounds = nodes.iter().map(|n| n.rect).reduce(|a, b| a.union(b));
        Scene {
            nodes,
            edges,
            grid,
            index_of,
            bounds,
        }
    }

    /// The node drawn with this id.
    pub fn node(&self, id: NodeId) -> Option<&SceneNode> {
        self.nodes.get(*self.index_of.get(&id)?)
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

fn section(tag: &'static str, field: Field, text: &str, (fill, on): (Color32, Color32)) -> Section {
    Section {
        tag,
        field,
        text: text.to_string(),
        tag_fill: fill,
        tag_text: on,
    }
}
