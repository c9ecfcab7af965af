//! How many cards a zoomed-out frame may show at a new level of detail. The frame a zoom
//! crosses into a level would otherwise draw hundreds of cards' titles for the first time at
//! once: their text is new to the tessellator and to the processor's caches, and that one
//! frame took twice as long as those after it (issue 19, item 14). Past the limit a card keeps
//! the level it was shown at in the last frame, and the next frames bring the rest.

use crate::scene::{Drawing, Lod, Scene};

/// At most this many cards a frame change to a new level of detail (other than plain boxes,
/// which cost nothing to show).
pub const NEW_PER_FRAME: usize = 200;

/// The level each card was last shown at, and this frame's allowance of changes.
#[derive(Default)]
pub struct Reveal {
    /// By the scene's node index: the level last shown (stale entries only cost a card being
    /// counted as new, or not, once).
    shown: Vec<Option<Lod>>,
    /// Changes this frame may still make.
    left: usize,
    /// Some card was held at its old level this frame: the next frame is to be drawn.
    held: bool,
    /// Some card changed to a new level this frame.
    changed: bool,
}

impl Reveal {
    /// Starts a frame over `nodes` nodes; `limited`: zoomed out, where a frame keeps to its
    /// budgets (at full detail every card is shown as it is, as hit-testing needs).
    pub fn begin_frame(&mut self, nodes: usize, limited: bool) {
        self.shown.resize(nodes, None);
        self.left = if limited { NEW_PER_FRAME } else { usize::MAX };
        self.held = false;
        self.changed = false;
    }

    /// Whether some card was shown at a new level this frame (a heavier frame than most).
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// Whether some card was shown at its old level this frame.
    pub fn held(&self) -> bool {
        self.held
    }

    /// The drawing to show for node `index` at `lod`: the level's, or (while it waits for a
    /// later frame) the nearest level laid out; a card changing to a new level past the
    /// frame's allowance shows the level it had.
    pub fn drawing<'s>(
        &mut self,
        scene: &'s Scene,
        index: usize,
        lod: Lod,
    ) -> Option<(&'s Drawing, Lod)> {
        let (drawing, got) = scene.drawing_or_nearest(index, lod)?;
        let before = self.shown.get(index).copied().flatten();
        let changes = before != Some(got) && got != Lod::Boxes;
        let chosen = if changes && self.left == 0 {
            match before.and_then(|b| scene.drawing(index, b).map(|d| (d, b))) {
                Some(kept) => {
                    self.held = true;
                    kept
                }
                None => (drawing, got),
            }
        } else {
            if changes {
                self.left = self.left.saturating_sub(1);
                self.changed = true;
            }
            (drawing, got)
        };
        if let Some(slot) = self.shown.get_mut(index) {
            *slot = Some(chosen.1);
        }
        Some(chosen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{Palette, SceneOptions};

    #[test]
    fn a_frame_changes_at_most_its_allowance_of_cards_to_a_new_level_and_the_next_ones_finish() {
        let doc = crate::edit::synthetic_diagram(600);
        let mut scene = Scene::new(Palette::for_dark_mode(false), SceneOptions::CANVAS);
        scene.update(&doc);
        let all: Vec<usize> = (0..scene.nodes.len()).collect();
        scene.prepare(&all, Lod::Boxes);
        scene.prepare(&all, Lod::Titles(5));
        let mut reveal = Reveal::default();
        let frame = |reveal: &mut Reveal, lod: Lod| {
            reveal.begin_frame(all.len(), true);
            let at_lod = all
                .iter()
                .filter(|&&i| {
                    reveal
                        .drawing(&scene, i, lod)
                        .is_some_and(|(_, l)| l == lod)
                })
                .count();
            (at_lod, reveal.held())
        };
        // Boxes cost nothing: every card shows them at once.
        assert_eq!(frame(&mut reveal, Lod::Boxes), (all.len(), false));
        // Titles come in a few frames, the allowance at a time.
        let mut frames = 0;
        loop {
            frames += 1;
            let (titled, held) = frame(&mut reveal, Lod::Titles(5));
            assert!(
                titled <= NEW_PER_FRAME * frames,
                "{titled} titled in frame {frames}"
            );
            if !held {
                assert_eq!(titled, all.len());
                break;
            }
            assert!(frames < 10, "never finished");
        }
        assert_eq!(frames, all.len().div_ceil(NEW_PER_FRAME));
        // Unlimited (full detail): all at once.
        reveal.begin_frame(all.len(), false);
        assert!(
            all.iter()
                .all(|&i| reveal.drawing(&scene, i, Lod::Boxes).is_some())
        );
        assert!(!reveal.held());
    }
}
