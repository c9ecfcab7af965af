//! The order in which the keyboard and screen readers visit the nodes, and the default path of
//! a presentation: each IF-condition, its yes pathway, its no pathway, then the rest.

use super::{Scene, SceneNode};
use crate::model::{Branch, NodeId, NodeKind};
use emath::Rect;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::VecDeque;

impl Scene {
    /// The steps of a presentation, as the default path through the diagram: each
    /// IF-condition, the cards of its yes pathway, of its no pathway, then the other cards —
    /// the reading order, keeping conditions and CMOC cards. (See [`presentation_order_of`] for
    /// a document without a scene at hand.)
    pub fn presentation_order(&self) -> Vec<NodeId> {
        self.reading_order()
            .into_iter()
            .filter(|id| {
                self.node(*id)
                    .is_some_and(|n| matches!(n.kind, NodeKind::Cmoc | NodeKind::Condition))
            })
            .collect()
    }

    /// The order in which Tab and screen readers visit nodes: each IF-condition, then its yes
    /// pathway and its no pathway following the arrows, then every other node (top to bottom,
    /// left to right). Regions come last: they frame, they do not say.
    pub fn reading_order(&self) -> Vec<NodeId> {
        let mut out: Vec<NodeId> = Vec::with_capacity(self.nodes.len());
        let mut seen: HashSet<NodeId> = HashSet::default();
        let mut outgoing: HashMap<NodeId, Vec<(Option<Branch>, NodeId, f32)>> = HashMap::default();
        for edge in &self.edges {
            let y = self.node(edge.to).map_or(0.0, |n| n.rect.min.y);
            outgoing
                .entry(edge.from)
                .or_default()
                .push((edge.branch, edge.to, y));
        }
        for targets in outgoing.values_mut() {
            // Yes before no before plain arrows; then top to bottom.
            targets.sort_by(|a, b| {
                let rank = |b: Option<Branch>| match b {
                    Some(Branch::Yes) => 0,
                    Some(Branch::No) => 1,
                    None => 2,
                };
                rank(a.0).cmp(&rank(b.0)).then(a.2.total_cmp(&b.2))
            });
        }
        let mut by_position: Vec<&SceneNode> = self.nodes.iter().collect();
        by_position.sort_by(|a, b| {
            (a.kind == NodeKind::Region)
                .cmp(&(b.kind == NodeKind::Region))
                .then(a.rect.min.y.total_cmp(&b.rect.min.y))
                .then(a.rect.min.x.total_cmp(&b.rect.min.x))
        });
        let conditions = by_position
            .iter()
            .filter(|n| n.kind == NodeKind::Condition)
            .map(|n| n.id);
        let rest = by_position.iter().map(|n| n.id);
        for start in conditions.chain(rest) {
            if !seen.insert(start) {
                continue;
            }
            out.push(start);
            // Each arrow out of the start opens a pathway (yes first), read to its end in
            // arrow order before the next pathway begins.
            // Each arrow out of the start opens a pathway (yes first), read to its end before
            // the next pathway begins; within a pathway, arrow by arrow (column by column).
            let arrows: Vec<NodeId> = outgoing
                .get(&start)
                .into_iter()
                .flatten()
                .map(|(_, to, _)| *to)
                .collect();
            for to in arrows {
                let firsts = match self.node(to) {
                    // An arrow into a region leads to the pathway the region holds.
                    Some(region) if region.kind == NodeKind::Region => {
                        self.pathway_starts(region.rect)
                    }
                    Some(_) => vec![to],
                    None => Vec::new(),
                };
                let mut queue: VecDeque<NodeId> = VecDeque::new();
                for first in firsts {
                    if seen.insert(first) {
                        out.push(first);
                        queue.push_back(first);
                    }
                }
                while let Some(at) = queue.pop_front() {
                    for (_, next, _) in outgoing.get(&at).into_iter().flatten() {
                        let is_region =
                            self.node(*next).is_some_and(|n| n.kind == NodeKind::Region);
                        if !is_region && seen.insert(*next) {
                            out.push(*next);
                            queue.push_back(*next);
                        }
                    }
                }
            }
        }
        out
    }

    /// The nodes inside `area` where a pathway begins: no arrow reaches them from inside the
    /// area. Top to bottom, then left to right.
    fn pathway_starts(&self, area: Rect) -> Vec<NodeId> {
        let inside: HashSet<NodeId> = self
            .nodes_in(area)
            .into_iter()
            .map(|i| &self.nodes[i])
            .filter(|n| n.kind != NodeKind::Region && area.contains_rect(n.rect))
            .map(|n| n.id)
            .collect();
        let reached: HashSet<NodeId> = self
            .edges
            .iter()
            .filter(|e| inside.contains(&e.from) && inside.contains(&e.to))
            .map(|e| e.to)
            .collect();
        let mut starts: Vec<&SceneNode> = inside
            .iter()
            .filter(|id| !reached.contains(id))
            .filter_map(|id| self.node(*id))
            .collect();
        starts.sort_by(|a, b| {
            a.rect
                .min
                .y
                .total_cmp(&b.rect.min.y)
                .then(a.rect.min.x.total_cmp(&b.rect.min.x))
        });
        starts.into_iter().map(|n| n.id).collect()
    }
}

/// The default presentation order of a document (see [`Scene::presentation_order`]), for
/// callers without a scene: the notes export and the command line.
pub fn presentation_order_of(doc: &crate::model::Document) -> Vec<NodeId> {
    Scene::build(doc, &super::Palette::for_dark_mode(false)).presentation_order()
}
