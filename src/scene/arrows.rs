//! Where a scene's arrows run: the nodes in an arrow's way, the ports where it leaves and
//! enters (spread along a side several arrows meet), its route in the diagram's arrow style,
//! and where its label goes.

use super::{Scene, edge_geometry, style};
use crate::model::EdgeId;
use emath::{Pos2, Vec2};

impl Scene {
    /// The nodes an arrow must keep out of within `area`: every node but its two ends, the
    /// regions (arrows run into them) and nodes holding an end.
    fn obstacles(&self, area: emath::Rect, ends: (usize, usize)) -> Vec<emath::Rect> {
        let (from, to) = (self.nodes[ends.0].rect, self.nodes[ends.1].rect);
        self.nodes_in(area)
            .into_iter()
            .filter(|&i| i != ends.0 && i != ends.1)
            .map(|i| &self.nodes[i])
            .filter(|n| {
                n.kind != crate::model::NodeKind::Region
                    && !n.rect.contains_rect(from)
                    && !n.rect.contains_rect(to)
            })
            .map(|n| n.rect)
            .collect()
    }

    /// Where the arrow `id` between the nodes at `ends` leaves and enters: the sides facing
    /// each other, and along each side its own place when several arrows meet there — in the
    /// order of the nodes at their other ends, so they do not cross on the way.
    fn ports(&self, ends: (usize, usize), id: EdgeId) -> ((Pos2, Vec2), (Pos2, Vec2)) {
        let (from, to) = (
            super::edges::sane(self.nodes[ends.0].rect),
            super::edges::sane(self.nodes[ends.1].rect),
        );
        let (start, end) = super::edges::facing_ports(from, to);
        (self.spread(ends.0, start, id), self.spread(ends.1, end, id))
    }

    /// `port` on a side of the node at `n`, moved along the side to arrow `id`'s place among
    /// the arrows that meet that side.
    fn spread(&self, n: usize, port: (Pos2, Vec2), id: EdgeId) -> (Pos2, Vec2) {
        let Some(links) = self.links.get(&n).filter(|l| l.len() > 1) else {
            return port;
        };
        let here = super::edges::sane(self.nodes[n].rect);
        let across = port.1.x != 0.0;
        let along = |p: Pos2| if across { p.y } else { p.x };
        let mut meeting: Vec<(f32, EdgeId)> = Vec::with_capacity(links.len());
        for &(edge, other, leaves) in links {
            let Some(there) = self.nodes.get(other) else {
                continue;
            };
            let there = super::edges::sane(there.rect);
            let side = if leaves {
                super::edges::facing_ports(here, there).0
            } else {
                super::edges::facing_ports(there, here).1
            };
            if (side.1 - port.1).length() < 0.1 {
                meeting.push((along(there.center()), edge));
            }
        }
        if meeting.len() < 2 {
            return port;
        }
        meeting.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let Some(k) = meeting.iter().position(|m| m.1 == id) else {
            return port;
        };
        let count = meeting.len() as f32;
        let side = if across { here.height() } else { here.width() };
        let spacing = (side * 0.8 / count).min(style::PORT_SPACING);
        let offset = (k as f32 - (count - 1.0) / 2.0) * spacing;
        let shift = if across {
            emath::vec2(0.0, offset)
        } else {
            emath::vec2(offset, 0.0)
        };
        (port.0 + shift, port.1)
    }

    /// The arrow `id` between the nodes at `ends`, in the diagram's arrow style: direct when
    /// no node is in its way, else a route around the nodes near it.
    pub(super) fn edge_route(&self, ends: (usize, usize), id: EdgeId) -> super::EdgeGeometry {
        let (Some(from), Some(to)) = (self.nodes.get(ends.0), self.nodes.get(ends.1)) else {
            return edge_geometry(emath::Rect::NOTHING, emath::Rect::NOTHING);
        };
        if ends.0 == ends.1 {
            return edge_geometry(from.rect, to.rect);
        }
        let ports = self.ports(ends, id);
        let direct = super::edges::direct_between(ports.0, ports.1, self.arrows);
        let span = direct.bounds().size();
        if !direct.bounds().is_finite() || span.x.max(span.y) > super::route::ROUTE_MAX_SPAN {
            return direct;
        }
        let near = self.obstacles(direct.bounds(), ends);
        if near.is_empty() || !super::crosses(&direct, &near) {
            return direct;
        }
        let area = from.rect.union(to.rect).expand(super::route::ROUTE_SEARCH);
        super::route::route_from(
            ports,
            from.rect,
            to.rect,
            &self.obstacles(area, ends),
            self.arrows,
        )
    }

    /// Where an arrow's label goes: the first place along it, from the middle outwards, where
    /// the label covers no node and lies wholly inside or wholly outside each region (a region
    /// border never cuts it); the middle when there is no such place.
    pub(super) fn label_place(
        &self,
        geometry: &super::EdgeGeometry,
        label: Option<&super::text::LaidText>,
    ) -> emath::Pos2 {
        let middle = geometry.sample(0.5);
        let Some(label) = label.filter(|l| !l.lines.is_empty()) else {
            return middle;
        };
        let size = label.size + emath::Vec2::splat(2.0 * style::LABEL_PADDING + 4.0);
        // On the arrow, or beside it (left, right, above, below) where the arrow runs close
        // to a node or a region border.
        let beside = [
            emath::Vec2::ZERO,
            emath::vec2(-size.x / 2.0 - 4.0, 0.0),
            emath::vec2(size.x / 2.0 + 4.0, 0.0),
            emath::vec2(0.0, -size.y / 2.0 - 4.0),
            emath::vec2(0.0, size.y / 2.0 + 4.0),
        ];
        for (t, offset) in [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82]
            .into_iter()
            .flat_map(|t| beside.iter().map(move |o| (t, *o)))
        {
            let at = geometry.sample(t) + offset;
            let rect = emath::Rect::from_center_size(at, size);
            let clear = self.nodes_in(rect).into_iter().all(|i| {
                let node = &self.nodes[i];
                node.kind == crate::model::NodeKind::Region && node.rect.contains_rect(rect)
            });
            if clear {
                return at;
            }
        }
        middle
    }
}
