//! Keeping the scene in step with the document change by change: only the nodes and arrows a
//! change touched are made again, so a keystroke in a 20,000-card diagram costs microseconds.

use super::{LOD_SLOTS, Scene, SceneNode, style, to_rect};
use crate::model::{Change, Document, EdgeId, NodeId, Target};
use rustc_hash::FxHashSet as HashSet;

impl Scene {
    /// Positions in the arrow list, sorted (sorting beats hashing many): the arrows of the
    /// moved and changed nodes, of their neighbours, and those passing where a node was or
    /// went — only the neighbourhood is routed again, however large the diagram.
    fn arrows_near(
        &self,
        moved: &[NodeId],
        changed: &HashSet<NodeId>,
        touched: &[emath::Rect],
    ) -> Vec<usize> {
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
        for area in touched {
            let near = area.expand(style::ROUTE_NEAR);
            // A direct arrow changes only when a node comes into its way; a routed one
            // whenever a node comes or goes within the area its route was sought in.
            let search = super::route::ROUTE_SEARCH;
            follow.extend(self.edges_in(near.expand(search)).into_iter().filter(|&i| {
                let edge = &self.edges[i];
                if edge.geometry.segments.len() > 1 {
                    let (a, b) = edge.ends;
                    match (self.nodes.get(a), self.nodes.get(b)) {
                        (Some(a), Some(b)) => a.rect.union(b.rect).expand(search).intersects(near),
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
    }

    /// Arrow labels near where a node was or went (of arrows not routed again) find their
    /// place again.
    fn relabel_near(&mut self, touched: &[emath::Rect], follow: &[usize]) {
        let mut relabel: Vec<usize> = Vec::new();
        for area in touched {
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

    /// A drag of most of the diagram: every node to where the document has it, in one pass in
    /// drawing order with no lookups. The shared offset when every node moved by the same
    /// amount (then every arrow's route moves with them).
    fn move_all(&mut self, doc: &Document) -> Option<emath::Vec2> {
        let mut uniform: Option<Option<emath::Vec2>> = Some(None);
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
        uniform.flatten()
    }

    pub(super) fn apply_changes(&mut self, doc: &Document, changes: &[Change]) {
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
                Change::Node(id) | Change::Comments(Target::Node(id)) => {
                    changed.insert(id);
                }
                Change::Moved(id) => moved.push(id),
                Change::Structure => structure = true,
                Change::Edge(id) => {
                    edges.insert(id);
                    edge_structure |= doc.edge(id).is_some() != self.edge_index.contains_key(&id);
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
        let mut uniform = None;
        if bulk {
            uniform = self.move_all(doc);
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
        if let Some(delta) = uniform
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
            self.arrows_near(&moved, &changed, &touched)
        };
        // Labels near where a node was or went find their place again.
        if !bulk {
            self.relabel_near(&touched, &follow);
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
    pub(super) fn remake_edges(&mut self, doc: &Document, edges: HashSet<EdgeId>) {
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
pub(super) fn same_look(a: &SceneNode, b: &SceneNode) -> bool {
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
