//! Each node's drawings, one per level of detail, laid out when first needed and kept.

use super::{Drawing, LOD_SLOTS, Lod, MAX_KEPT_DRAWINGS, Scene, node_draw};

impl Scene {
    /// Lays out the drawings of these nodes at `lod` where not yet done.
    pub fn prepare(&mut self, indices: &[usize], lod: Lod) {
        self.prepare_until(indices, lod, None);
    }

    /// Lays out the drawings of these nodes at `lod` where not yet done, until `deadline`
    /// (none: all of them); true when every one is laid out. Past the deadline a node with no
    /// drawing at any level gets its plain box (quick: no text to fit), so that every node
    /// can be drawn ([`Scene::drawing_or_nearest`]) while the rest wait for later frames.
    pub fn prepare_until(
        &mut self,
        indices: &[usize],
        lod: Lod,
        deadline: Option<std::time::Instant>,
    ) -> bool {
        let slot = lod.slot();
        // Full drawings (every line of C / M / O) are kept for what was on screen recently:
        // beyond this many, those of nodes off screen are dropped (and laid out again if they
        // come back), so memory follows the view, not the size of the diagram. Zoomed-out
        // drawings are small and kept, so zooming in and out never lays them out twice.
        if lod == Lod::Full && self.drawings_made > MAX_KEPT_DRAWINGS.max(2 * indices.len()) {
            let keep: std::collections::HashSet<usize> = indices.iter().copied().collect();
            self.drawings_made = 0;
            for (i, node) in self.nodes.iter_mut().enumerate() {
                if keep.contains(&i) {
                    self.drawings_made += usize::from(node.drawings[0].is_some());
                } else {
                    node.drawings[0] = None;
                }
            }
        }
        let mut all = true;
        let mut late = false;
        for &i in indices {
            let Some(node) = self.nodes.get(i) else {
                continue;
            };
            if node.drawings[slot].is_some() {
                continue;
            }
            if !late && let Some(deadline) = deadline {
                late = std::time::Instant::now() >= deadline;
            }
            if late {
                all = false;
                if node.drawings.iter().all(Option::is_none) {
                    self.lay_out(i, Lod::Boxes);
                }
                continue;
            }
            self.lay_out(i, lod);
        }
        all
    }

    /// Lays out node `index`'s drawing at `lod` and keeps it.
    fn lay_out(&mut self, index: usize, lod: Lod) {
        let Some(node) = self.nodes.get(index) else {
            return;
        };
        let mut drawing =
            node_draw::draw_node(node, lod, &self.options, &self.palette, &mut self.measure);
        drawing.prims.shrink_to_fit();
        self.drawings_made += usize::from(lod == Lod::Full);
        if let Some(node) = self.nodes.get_mut(index) {
            node.drawings[lod.slot()] = Some(Box::new(drawing));
        }
    }

    /// A node's drawing at `lod`, or while that is not laid out yet (a frame's budget was
    /// spent, [`Scene::prepare_until`]), the one at the nearest level that is, with its level.
    pub fn drawing_or_nearest(&self, index: usize, lod: Lod) -> Option<(&Drawing, Lod)> {
        let node = self.nodes.get(index)?;
        let slot = lod.slot();
        (0..LOD_SLOTS)
            .flat_map(|d| [slot.checked_sub(d), Some(slot + d)])
            .flatten()
            .filter(|&s| s < LOD_SLOTS)
            .find_map(|s| Some((node.drawings[s].as_deref()?, Lod::of_slot(s))))
    }

    /// A node's drawing at `lod` laid out now and not kept (a figure export writes each node
    /// once, so memory stays that of one node, not of the whole diagram).
    pub fn drawing_uncached(&mut self, index: usize, lod: Lod) -> Option<Drawing> {
        if let Some(kept) = self.drawing(index, lod) {
            return Some(kept.clone());
        }
        let node = self.nodes.get(index)?;
        Some(node_draw::draw_node(
            node,
            lod,
            &self.options,
            &self.palette,
            &mut self.measure,
        ))
    }

    /// A node's drawing at `lod`, relative to its top-left corner, once [`Scene::prepare`]d.
    pub fn drawing(&self, index: usize, lod: Lod) -> Option<&Drawing> {
        self.nodes.get(index)?.drawings[lod.slot()].as_deref()
    }

    /// A node's drawing at `lod`, laid out now if needed.
    pub fn drawing_now(&mut self, index: usize, lod: Lod) -> Option<&Drawing> {
        self.prepare(&[index], lod);
        self.drawing(index, lod)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lod, Palette, Scene};

    fn scene() -> Scene {
        let doc = crate::edit::synthetic_diagram(40);
        Scene::build(&doc, &Palette::for_dark_mode(false))
    }

    #[test]
    fn past_the_deadline_nodes_get_a_plain_box_and_the_rest_waits() {
        let mut scene = scene();
        let all: Vec<usize> = (0..scene.nodes.len()).collect();
        let lod = Lod::Titles(2);
        let past = std::time::Instant::now();
        assert!(
            !scene.prepare_until(&all, lod, Some(past)),
            "not all laid out"
        );
        for &i in &all {
            assert!(scene.drawing(i, lod).is_none());
            let (_, stand_in) = scene
                .drawing_or_nearest(i, lod)
                .expect("every node drawable");
            assert_eq!(stand_in, Lod::Boxes);
        }
        // A level laid out since stands in before a farther one.
        scene.prepare(&all, Lod::Titles(3));
        assert_eq!(
            scene.drawing_or_nearest(0, lod).map(|(_, l)| l),
            Some(Lod::Titles(3))
        );
        assert!(
            scene.prepare_until(&all, lod, None),
            "no deadline: all of them"
        );
        assert_eq!(scene.drawing_or_nearest(0, lod).map(|(_, l)| l), Some(lod));
    }

    #[test]
    fn each_level_is_drawn_over_the_zooms_it_says() {
        let mut zoom = 0.01f32;
        while zoom < 2.0 {
            let lod = Lod::for_zoom(zoom);
            let (from, to) = lod.zoom_range();
            assert!(from <= zoom && zoom < to, "{zoom} is {lod:?}: {from}..{to}");
            for next in lod.neighbours().into_iter().flatten() {
                assert_eq!(next.slot_order().abs_diff(lod.slot_order()), 1);
            }
            zoom *= 1.01;
        }
    }
}
