//! Keeping a scene in step with its document: the first time (or after a big change) every
//! node is laid out; afterwards only what the document's change log names.

use super::names::{edge_name, node_name};
use super::{Badge, Field, LOD_SLOTS, Scene, SceneEdge, SceneNode, Section, style, to_rect};
use crate::model::{
    Change, Changes, Document, EdgeEffect, EdgeId, Node, NodeContent, NodeId, NodeKind, Polarity,
    Rgb, Target,
};
use ecolor::Color32;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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

    fn scene_node(&self, node: &Node, open: usize, reactions: [usize; 3]) -> SceneNode {
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

    fn scene_edge(&self, doc: &Document, edge: &crate::model::Edge) -> Option<SceneEdge> {
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

    fn lay_out_label(&mut self, edge: &mut SceneEdge) {
        edge.laid_label = (!edge.label.is_empty()).then(|| {
            self.measure
                .layout(&edge.label, style::LABEL_FONT_SIZE, style::LABEL_WRAP_WIDTH)
        });
    }

    /// Lays everything out again, keeping drawings of nodes whose content did not change.
    fn rebuild(&mut self, doc: &Document) {
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

    fn reindex_nodes(&mut self) {
        self.index_of = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id, i))
            .collect();
        self.grid = super::SpatialGrid::build(self.nodes.iter().map(|n| &n.rect));
    }

    fn rebuild_edges(&mut self, doc: &Document) {
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

    fn apply_changes(&mut self, doc: &Document, changes: &[Change]) {
        let mut changed: HashSet<NodeId> = HashSet::default();
        // Moves are kept as a list (a drag moves thousands of nodes every frame; handling a
        // node twice does no harm, hashing each one costs).
        let mut moved: Vec<NodeId> = Vec::new();
        let mut edges: HashSet<EdgeId> = HashSet::default();
        // Where nodes were and went: arrows routed near there are routed again.
        let mut touched: Vec<emath::Rect> = Vec::new();
        let mut structure = false;
        let mut edge_structure = false;
        for change in changes {
            match *change {
                Change::Node(id) => {
                    changed.insert(id);
                }
                Change::Moved(id) => {
                    moved.push(id);
                }
                Change::Structure => structure = true,
                Change::Edge(id) => {
                    edges.insert(id);
                    let exists = doc.edge(id).is_some();
                    if exists != self.edge_index.contains_key(&id) {
                        edge_structure = true;
                    }
                }
                Change::Comments(Target::Node(id)) => {
                    changed.insert(id);
                }
                Change::Comments(Target::Edge(id)) => {
                    edges.insert(id);
                }
                Change::Metadata => {}
            }
        }
        if structure {
            self.rebuild(doc);
            return;
        }
        for id in &changed {
            let (Some(&index), Some(node)) = (self.index_of.get(id), doc.node(*id)) else {
                continue;
            };
            let target = Target::Node(*id);
            let fresh = self.scene_node(
                node,
                doc.unresolved_count(target),
                doc.reaction_counts(target),
            );
            let old_rect = self.nodes[index].rect;
            self.grid.update(index as u32, old_rect, fresh.rect);
            if old_rect != fresh.rect {
                touched.push(old_rect.union(fresh.rect));
            }
            if fresh.pinned {
                self.pinned.insert(fresh.id);
            } else {
                self.pinned.remove(&fresh.id);
            }
            self.nodes[index] = fresh;
        }
        moved.retain(|id| !changed.contains(id));
        let bulk = moved.len() * 4 > self.nodes.len();

        // When every node moved by the same amount (a drag of the whole diagram), every
        // arrow's route moves with them: nothing near any arrow changed.
        let mut uniform: Option<Option<emath::Vec2>> = bulk.then_some(None);
        if bulk {
            // A drag of most of the diagram: one pass in drawing order, no lookups.
            for (index, (node, scene_node)) in doc.nodes().zip(self.nodes.iter_mut()).enumerate() {
                let rect = to_rect(node.rect());
                let delta = rect.min - scene_node.rect.min;
                uniform = match uniform {
                    Some(None) if rect.size() == scene_node.rect.size() => Some(Some(delta)),
                    Some(Some(d)) if d == delta && rect.size() == scene_node.rect.size() => {
                        Some(Some(d))
                    }
                    _ => None,
                };
                if rect != scene_node.rect {
                    if rect.size() != scene_node.rect.size() {
                        scene_node.drawings = Default::default();
                    }
                    let old_rect = std::mem::replace(&mut scene_node.rect, rect);
                    self.grid.update(index as u32, old_rect, rect);
                }
            }
        } else {
            for id in &moved {
                let (Some(&index), Some(node)) = (self.index_of.get(id), doc.node(*id)) else {
                    continue;
                };
                let rect = to_rect(node.rect());
                let scene_node = &mut self.nodes[index];
                if rect.size() != scene_node.rect.size() {
                    scene_node.drawings = Default::default();
                }
                let old_rect = std::mem::replace(&mut scene_node.rect, rect);
                self.grid.update(index as u32, old_rect, rect);
                touched.push(old_rect.union(rect));
            }
        }
        if edge_structure {
            self.rebuild_edges(doc);
            return;
        }
        // Arrows at changed nodes are made again (their names follow their ends' names);
        // arrows at nodes that only moved just follow them.
        for id in &changed {
            if let Some(at) = self.edges_at.get(id) {
                edges.extend(at.iter().copied());
            }
        }
        if let Some(Some(delta)) = uniform
            && !edge_structure
        {
            for (index, edge) in self.edges.iter_mut().enumerate() {
                let old = edge.geometry.bounds();
                edge.geometry.translate(delta);
                self.edge_grid
                    .update(index as u32, old, old.translate(delta));
            }
            self.remake_edges(doc, edges);
            return;
        }
        let follow: Vec<usize> = if bulk {
            (0..self.edges.len()).collect()
        } else {
            // Positions in the arrow list, sorted (sorting beats hashing many): the arrows of
            // the moved nodes, and those passing where a node was or went — only the
            // neighbourhood is routed again, however large the diagram.
            let mut follow: Vec<usize> = Vec::new();
            for id in moved.iter().chain(changed.iter()) {
                if let Some(at) = self.edges_at.get(id) {
                    follow.extend(at.iter().filter_map(|e| self.edge_index.get(e).copied()));
                }
                // The arrows meeting its neighbours: their places along a side follow the
                // order of the nodes at their other ends.
                let Some(links) = self.index_of.get(id).and_then(|n| self.links.get(n)) else {
                    continue;
                };
                for &(_, other, _) in links {
                    if let Some(theirs) = self.links.get(&other) {
                        follow.extend(
                            theirs
                                .iter()
                                .filter_map(|(e, _, _)| self.edge_index.get(e).copied()),
                        );
                    }
                }
            }
            for area in &touched {
                let near = area.expand(style::ROUTE_NEAR);
                // A direct arrow changes only when a node comes into its way; a routed one
                // whenever a node comes or goes within the area its route was sought in.
                let search = super::route::ROUTE_SEARCH;
                follow.extend(self.edges_in(near.expand(search)).into_iter().filter(|&i| {
                    let edge = &self.edges[i];
                    if edge.geometry.segments.len() > 1 {
                        let (a, b) = edge.ends;
                        match (self.nodes.get(a), self.nodes.get(b)) {
                            (Some(a), Some(b)) => {
                                a.rect.union(b.rect).expand(search).intersects(near)
                            }
                            _ => true,
                        }
                    } else {
                        super::route::passes_through(&edge.geometry, near)
                    }
                }));
            }
            follow.sort_unstable();
            follow.dedup();
            follow
        };
        // Labels near where a node was or went find their place again.
        if !bulk {
            let mut relabel: Vec<usize> = Vec::new();
            for area in &touched {
                let near = area.expand(style::ROUTE_NEAR);
                relabel.extend(self.edges_in(near).into_iter().filter(|i| {
                    self.edges[*i].laid_label.is_some() && follow.binary_search(i).is_err()
                }));
            }
            relabel.sort_unstable();
            relabel.dedup();
            for index in relabel {
                let at = self.label_place(
                    &self.edges[index].geometry,
                    self.edges[index].laid_label.as_ref(),
                );
                self.edges[index].geometry.label_at = at;
            }
        }
        for index in follow {
            let (from, to) = self.edges[index].ends;
            if from >= self.nodes.len() || to >= self.nodes.len() {
                continue;
            }
            let mut geometry = self.edge_route((from, to), self.edges[index].id);
            geometry.label_at = self.label_place(&geometry, self.edges[index].laid_label.as_ref());
            let edge = &mut self.edges[index];
            if geometry != edge.geometry {
                let new_bounds = geometry.bounds();
                let old = std::mem::replace(&mut edge.geometry, geometry);
                self.edge_grid
                    .update(index as u32, old.bounds(), new_bounds);
            }
        }
        self.remake_edges(doc, edges);
    }

    /// Makes the arrows in `edges` again from the document (their names, labels and routes).
    fn remake_edges(&mut self, doc: &Document, edges: HashSet<EdgeId>) {
        for id in edges {
            let (Some(&index), Some(edge)) = (self.edge_index.get(&id), doc.edge(id)) else {
                continue;
            };
            let Some(mut fresh) = self.scene_edge(doc, edge) else {
                continue;
            };
            if fresh.from != self.edges[index].from || fresh.to != self.edges[index].to {
                self.rebuild_edges(doc);
                return;
            }
            if self.edges[index].label == fresh.label {
                fresh.laid_label = self.edges[index].laid_label.take();
            } else {
                self.lay_out_label(&mut fresh);
            }
            fresh.geometry.label_at = self.label_place(&fresh.geometry, fresh.laid_label.as_ref());
            let (old, new) = (self.edges[index].geometry.bounds(), fresh.geometry.bounds());
            self.edge_grid.update(index as u32, old, new);
            self.edges[index] = fresh;
        }
    }
}

/// True when two versions of a node draw the same apart from where they are.
fn same_look(a: &SceneNode, b: &SceneNode) -> bool {
    a.kind == b.kind
        && a.rect.size() == b.rect.size()
        && a.fill == b.fill
        && a.stroke == b.stroke
        && a.dashed == b.dashed
        && a.badge == b.badge
        && a.title == b.title
        && a.sections == b.sections
        && a.body == b.body
        && a.text_colour == b.text_colour
        && a.open_comments == b.open_comments
        && a.reactions == b.reactions
        && a.evidence == b.evidence
        && a.pinned == b.pinned
}

const _: () = assert!(LOD_SLOTS >= 3);
