//! Keeping a scene in step with its document: the first time (or after a big change) every
//! node is laid out; afterwards only what the document's change log names.

use super::incremental::same_look;
use super::names::{edge_name, node_name};
use super::{Badge, Field, Scene, SceneEdge, SceneNode, Section, style, to_rect};
use crate::model::{
    Changes, Document, EdgeEffect, EdgeId, Node, NodeContent, NodeId, NodeKind, Polarity, Rgb,
    Target,
};
use ecolor::Color32;
use rustc_hash::FxHashMap as HashMap;

fn user_colour(rgb: Option<Rgb>) -> Option<Color32> {
    rgb.map(|Rgb([r, g, b])| Color32::from_rgb(r, g, b))
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

impl Scene {
    /// Brings the scene up to date with `doc`, redoing only what changed since last time.
    pub fn update(&mut self, doc: &Document) {
        self.measure.tidy();
        let mut changes = match self.stamp {
            Some(stamp) => doc.changes_since(stamp),
            None => Changes::Everything,
        };
        if doc.metadata().arrows != self.arrows {
            self.arrows = doc.metadata().arrows;
            changes = Changes::Everything;
        }
        match changes {
            Changes::None => return,
            Changes::Everything => self.rebuild(doc),
            Changes::Some(list) => self.apply_changes(doc, &list),
        }
        self.version = super::next_version();
        self.stamp = Some(doc.stamp());
    }

    pub(super) fn scene_node(&self, node: &Node, open: usize, reactions: [usize; 3]) -> SceneNode {
        let palette = &self.palette;
        let kind = node.kind();
        let mut scene_node = match &node.content {
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
                    rect: to_rect(node.rect()),
                    fill: if negative {
                        style.fill
                    } else {
                        user_colour(node.colour).unwrap_or(style.fill)
                    },
                    stroke: style.stroke,
                    dashed: negative,
                    badge: Some(Badge {
                        text: card.badge(),
                        number: card.number,
                        polarity: card.polarity,
                        fill: style.accent,
                        text_colour: style.on_accent,
                    }),
                    title: card.title.clone(),
                    sections,
                    body: String::new(),
                    text_colour: if negative {
                        palette.muted_text
                    } else {
                        palette.text
                    },
                    open_comments: open,
                    reactions,
                    evidence: card.evidence.len(),
                    name: String::new(),
                    pinned: false,
                    drawings: Default::default(),
                }
            }
            other => {
                let style = palette.kind(kind);
                let block = other.text_block().cloned().unwrap_or_default();
                SceneNode {
                    id: node.id,
                    kind,
                    rect: to_rect(node.rect()),
                    fill: user_colour(node.colour).unwrap_or(style.fill),
                    stroke: style.stroke,
                    dashed: false,
                    badge: None,
                    title: block.title,
                    sections: Vec::new(),
                    body: block.text,
                    text_colour: palette.text,
                    open_comments: open,
                    reactions,
                    evidence: 0,
                    name: String::new(),
                    pinned: false,
                    drawings: Default::default(),
                }
            }
        };
        scene_node.pinned = node.pinned;
        scene_node.name = node_name(&scene_node);
        if node.pinned {
            scene_node.name.push_str(" Pinned in place.");
        }
        if !node.plain.trim().is_empty() {
            // The plain words are read too: for a blind member of a workshop group.
            scene_node.name.push_str(" In plain words: ");
            scene_node.name.push_str(node.plain.trim());
        }
        scene_node
    }

    pub(super) fn scene_edge(
        &self,
        doc: &Document,
        edge: &crate::model::Edge,
    ) -> Option<SceneEdge> {
        let ends = (
            *self.index_of.get(&edge.from)?,
            *self.index_of.get(&edge.to)?,
        );
        let from = self.nodes.get(ends.0)?;
        let to = self.nodes.get(ends.1)?;
        let palette = &self.palette;
        let colour = match (edge.effect, edge.branch) {
            (EdgeEffect::Prevents, _) | (_, Some(crate::model::Branch::No)) => {
                palette.prevents_edge
            }
            (_, Some(crate::model::Branch::Yes)) => palette.card(false).stroke,
            _ => palette.edge,
        };
        let open = doc.unresolved_count(Target::Edge(edge.id));
        let prevents = edge.effect == EdgeEffect::Prevents;
        Some(SceneEdge {
            id: edge.id,
            from: edge.from,
            to: edge.to,
            geometry: self.edge_route(ends, edge.id),
            colour,
            dashed: prevents,
            label: edge.display_label(),
            branch: edge.branch,
            open_comments: open,
            name: edge_name(from, to, edge.branch, prevents, &edge.label, open),
            laid_label: None,
            ends,
        })
    }

    pub(super) fn lay_out_label(&mut self, edge: &mut SceneEdge) {
        edge.laid_label = (!edge.label.is_empty()).then(|| {
            self.measure
                .layout(&edge.label, style::LABEL_FONT_SIZE, style::LABEL_WRAP_WIDTH)
        });
    }

    /// Lays everything out again, keeping drawings of nodes whose content did not change.
    pub(super) fn rebuild(&mut self, doc: &Document) {
        let mut old: HashMap<NodeId, SceneNode> = self.nodes.drain(..).map(|n| (n.id, n)).collect();
        let mut open: HashMap<Target, usize> = HashMap::default();
        let mut reactions: HashMap<Target, [usize; 3]> = HashMap::default();
        for a in doc.annotations() {
            if a.is_open_comment() {
                *open.entry(a.target).or_default() += 1;
            }
            if let Some(r) = a.reaction {
                reactions.entry(a.target).or_default()[r.index()] += 1;
            }
        }
        self.nodes = doc
            .nodes()
            .map(|node| {
                let target = Target::Node(node.id);
                let count = open.get(&target).copied().unwrap_or(0);
                let tally = reactions.get(&target).copied().unwrap_or_default();
                let mut fresh = self.scene_node(node, count, tally);
                if let Some(previous) = old.remove(&node.id)
                    && same_look(&previous, &fresh)
                {
                    fresh.drawings = previous.drawings;
                }
                fresh
            })
            .collect();
        self.pinned = self
            .nodes
            .iter()
            .filter(|n| n.pinned)
            .map(|n| n.id)
            .collect();
        self.reindex_nodes();
        self.rebuild_edges(doc);
    }

    pub(super) fn reindex_nodes(&mut self) {
        self.index_of = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id, i))
            .collect();
        self.grid = super::SpatialGrid::build(self.nodes.iter().map(|n| &n.rect));
    }

    pub(super) fn rebuild_edges(&mut self, doc: &Document) {
        let mut old_labels: HashMap<EdgeId, SceneEdge> =
            self.edges.drain(..).map(|e| (e.id, e)).collect();
        self.links.clear();
        for edge in doc.edges() {
            let (Some(&a), Some(&b)) = (self.index_of.get(&edge.from), self.index_of.get(&edge.to))
            else {
                continue;
            };
            if a != b {
                self.links.entry(a).or_default().push((edge.id, b, true));
                self.links.entry(b).or_default().push((edge.id, a, false));
            }
        }
        let mut edges = Vec::with_capacity(doc.edge_count());
        for edge in doc.edges() {
            let Some(mut fresh) = self.scene_edge(doc, edge) else {
                continue;
            };
            match old_labels.remove(&edge.id) {
                Some(previous) if previous.label == fresh.label => {
                    fresh.laid_label = previous.laid_label;
                }
                _ => self.lay_out_label(&mut fresh),
            }
            fresh.geometry.label_at = self.label_place(&fresh.geometry, fresh.laid_label.as_ref());
            edges.push(fresh);
        }
        self.edges = edges;
        self.edge_index = self
            .edges
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i))
            .collect();
        let bounds: Vec<emath::Rect> = self.edges.iter().map(|e| e.geometry.bounds()).collect();
        self.edge_grid = super::SpatialGrid::build(bounds.iter());
        self.edges_at.clear();
        for edge in &self.edges {
            self.edges_at.entry(edge.from).or_default().push(edge.id);
            if edge.to != edge.from {
                self.edges_at.entry(edge.to).or_default().push(edge.id);
            }
        }
    }
}
