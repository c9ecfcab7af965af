//! Lines of text shaped in earlier frames, kept for the frames to come, and a budget on shaping
//! new ones each frame.

use egui::{Color32, FontId, Painter};

/// Text laid out in earlier frames, kept for frames to come. egui keeps a galley only from one
/// frame to the next, so zooming back to a size seen a moment ago shaped every line again (a
/// third of a wheel-zoom frame over an overview of hundreds of cards). Entries unused for a
/// while go once the cache is full; all go when egui's font atlas is rebuilt, its options or
/// the pixel density change (a galley points into the atlas, drawn for one density).
///
/// Shaping is also held to a budget each frame ([`TEXT_LAYOUT_BUDGET`]): zooming through sizes
/// never seen before (a trackpad pinch) would otherwise shape every visible line at each new
/// size in one frame. Past the budget, a line already shaped at another size is shown at that
/// size for the frame, and the frame says it is [`TextCache::short`] so it is drawn again.
pub struct TextCache {
    galleys: rustc_hash::FxHashMap<(u64, u32, Color32), (std::sync::Arc<egui::Galley>, u64)>,
    /// The size each line was last shaped at, to stand in while the budget is spent.
    latest: rustc_hash::FxHashMap<(u64, Color32), u32>,
    frame: u64,
    atlas: Option<(egui::epaint::text::TextOptions, f32, f32)>,
    /// Time spent shaping this frame.
    spent: std::time::Duration,
    /// Some line was shown at a size other than asked this frame.
    short: bool,
    /// The most time a frame spends shaping.
    budget: std::time::Duration,
    /// Whether this frame keeps to the budget.
    budgeted: bool,
    /// The zoom of the last frame painted.
    last_zoom: Option<f32>,
    /// Drawings laid out ahead (a node's index in the scene, and the level) whose lines are
    /// still to be shaped ahead.
    pub(super) to_shape: std::collections::VecDeque<(usize, crate::scene::Lod)>,
}

impl Default for TextCache {
    fn default() -> TextCache {
        TextCache::with_budget(TEXT_LAYOUT_BUDGET)
    }
}

/// The most time one frame spends shaping lines at sizes not seen before.
pub const TEXT_LAYOUT_BUDGET: std::time::Duration =
    std::time::Duration::from_micros(1_000 * BUILD_SLOWNESS);

/// How many times slower a debug build (the tests') runs than a release build: the frame
/// budgets are for the same share of a frame in both, so that a test's few frames finish what
/// a user's release build finishes in its few.
pub const BUILD_SLOWNESS: u64 = if cfg!(debug_assertions) { 25 } else { 1 };

/// How many laid-out lines the cache holds before it forgets those unused lately.
const TEXT_CACHE_ENTRIES: usize = 5_000;
/// Lines used within this many frames are kept when the cache is full.
const TEXT_CACHE_RECENT_FRAMES: u64 = 2;
/// Lines shaped ahead of need are kept this many frames unused (a second at 60 Hz).
const AHEAD_KEPT_FRAMES: u64 = 60;

impl TextCache {
    /// An empty cache that shapes for at most `budget` a frame.
    pub fn with_budget(budget: std::time::Duration) -> TextCache {
        TextCache {
            galleys: rustc_hash::FxHashMap::default(),
            latest: rustc_hash::FxHashMap::default(),
            frame: 0,
            atlas: None,
            spent: std::time::Duration::ZERO,
            short: false,
            budget,
            budgeted: true,
            last_zoom: None,
            to_shape: std::collections::VecDeque::new(),
        }
    }

    /// Starts a frame: forgets everything if egui's glyph atlas was rebuilt, and what was not
    /// used lately if the cache is full.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.frame += 1;
        self.spent = std::time::Duration::ZERO;
        self.short = false;
        // Glyphs are drawn for a pixel density: a new one (the UI scale, another screen)
        // needs new layouts, as does a rebuilt atlas.
        let ppp = ctx.pixels_per_point();
        let now = ctx.fonts(|f| (*f.options(), f.font_atlas_fill_ratio(), ppp));
        let rebuilt = self.atlas.is_some_and(|(options, fill, density)| {
            options != now.0 || now.1 < fill || density != ppp
        });
        self.atlas = Some(now);
        if rebuilt {
            self.galleys.clear();
            self.latest.clear();
        }
        // A long zoom can lay out more ahead than is ever shaped: the oldest are forgotten.
        if self.to_shape.len() > TEXT_CACHE_ENTRIES {
            let extra = self.to_shape.len() - TEXT_CACHE_ENTRIES;
            self.to_shape.drain(..extra);
        }
        if self.galleys.len() > TEXT_CACHE_ENTRIES {
            let frame = self.frame;
            self.galleys
                .retain(|_, (_, used)| frame.saturating_sub(*used) <= TEXT_CACHE_RECENT_FRAMES);
            if self.galleys.len() > TEXT_CACHE_ENTRIES {
                self.galleys.clear();
            }
            let galleys = &self.galleys;
            self.latest
                .retain(|&(hash, colour), size| galleys.contains_key(&(hash, *size, colour)));
        }
    }

    /// Whether this frame keeps to the budget: zoomed out, where a frame shows hundreds of
    /// lines at a new size; at full detail every line is shaped (the few cards on screen are
    /// read and edited there, and a line shown late would be a line missing under the pointer).
    pub fn hold_to_budget(&mut self, budgeted: bool) {
        self.budgeted = budgeted;
    }

    /// Whether `zoom` (this frame's) differs from the last frame's.
    pub fn zoom_moved(&mut self, zoom: f32) -> bool {
        let moved = self.last_zoom.is_some_and(|last| last != zoom);
        self.last_zoom = Some(zoom);
        moved
    }

    /// Whether some line this frame was shown at a size other than asked (the budget was
    /// spent): the frame is to be drawn again.
    pub fn short(&self) -> bool {
        self.short
    }

    pub(super) fn galley(
        &mut self,
        painter: &Painter,
        text: &str,
        size: f32,
        colour: Color32,
    ) -> Option<std::sync::Arc<egui::Galley>> {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let hash = BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(text);
        let key = (hash, size.to_bits(), colour);
        if let Some((galley, used)) = self.galleys.get_mut(&key)
            && galley.text() == text
        {
            *used = self.frame;
            return Some(galley.clone());
        }
        if self.budgeted
            && self.spent >= self.budget
            && let Some(&other) = self.latest.get(&(hash, colour))
            && let Some((galley, used)) = self.galleys.get_mut(&(hash, other, colour))
            && galley.text() == text
        {
            *used = self.frame;
            self.short = true;
            return Some(galley.clone());
        }
        if self.budgeted && self.spent >= self.budget {
            // Never shaped before: it appears in the next frame, which finishes the rest.
            self.short = true;
            return None;
        }
        let start = std::time::Instant::now();
        let galley = painter.layout_no_wrap(text.to_string(), FontId::proportional(size), colour);
        self.spent += start.elapsed();
        self.galleys.insert(key, (galley.clone(), self.frame));
        self.latest.insert((hash, colour), size.to_bits());
        Some(galley)
    }

    /// Shapes a line a coming frame will show (a level of detail the zoom is nearing), so
    /// that frame finds it ready and its glyphs in the atlas. Kept for a while unused (the
    /// zoom may take some frames to get there). Does nothing if already shaped.
    pub(super) fn shape_ahead(
        &mut self,
        painter: &Painter,
        text: &str,
        size: f32,
        colour: Color32,
    ) {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let hash = BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(text);
        let key = (hash, size.to_bits(), colour);
        let keep_until = self.frame + AHEAD_KEPT_FRAMES;
        if let Some((galley, used)) = self.galleys.get_mut(&key)
            && galley.text() == text
        {
            *used = (*used).max(keep_until);
            return;
        }
        let galley = painter.layout_no_wrap(text.to_string(), FontId::proportional(size), colour);
        self.galleys.insert(key, (galley, keep_until));
        self.latest.entry((hash, colour)).or_insert(size.to_bits());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Runs one frame and hands its painter to `f`.
    fn frame(ctx: &egui::Context, f: impl FnOnce(&Painter)) {
        let mut f = Some(f);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            if let Some(f) = f.take() {
                f(ui.painter());
            }
        });
        output.textures_delta.clear();
    }

    /// A cache with no budget, for tests of what it keeps.
    fn unbudgeted() -> TextCache {
        TextCache::with_budget(std::time::Duration::MAX)
    }

    #[test]
    fn text_is_laid_out_once_and_forgotten_when_the_atlas_changes() {
        let ctx = egui::Context::default();
        let mut cache = unbudgeted();
        let mut first = None;
        frame(&ctx, |painter| {
            cache.begin_frame(&ctx);
            first = cache.galley(painter, "CMOC 22", 12.0, Color32::BLACK);
        });
        let first = first.expect("laid out");
        frame(&ctx, |painter| {
            cache.begin_frame(&ctx);
            let again = cache
                .galley(painter, "CMOC 22", 12.0, Color32::BLACK)
                .expect("kept");
            assert!(Arc::ptr_eq(&first, &again), "kept from the frame before");
            let other = cache
                .galley(painter, "CMOC 23", 12.0, Color32::BLACK)
                .expect("laid out");
            assert_eq!(other.text(), "CMOC 23");
            let larger = cache
                .galley(painter, "CMOC 22", 13.0, Color32::BLACK)
                .expect("laid out");
            assert!(!Arc::ptr_eq(&first, &larger));
        });
        // A new pixel density rebuilds egui's glyph atlas: the old layouts must go.
        ctx.set_pixels_per_point(2.0);
        frame(&ctx, |painter| {
            cache.begin_frame(&ctx);
            let after = cache
                .galley(painter, "CMOC 22", 12.0, Color32::BLACK)
                .expect("laid out");
            assert!(!Arc::ptr_eq(&first, &after), "laid out again");
        });
    }

    #[test]
    fn a_full_cache_keeps_only_what_was_used_lately() {
        let ctx = egui::Context::default();
        let mut cache = unbudgeted();
        frame(&ctx, |painter| {
            cache.begin_frame(&ctx);
            for i in 0..=TEXT_CACHE_ENTRIES {
                cache.galley(painter, &format!("line {i}"), 10.0, Color32::BLACK);
            }
        });
        for _ in 0..=TEXT_CACHE_RECENT_FRAMES {
            frame(&ctx, |painter| {
                cache.begin_frame(&ctx);
                cache.galley(painter, "kept", 10.0, Color32::BLACK);
            });
        }
        frame(&ctx, |_| cache.begin_frame(&ctx));
        assert!(cache.galleys.len() <= TEXT_CACHE_RECENT_FRAMES as usize + 2);
        assert!(cache.galleys.values().any(|(g, _)| g.text() == "kept"));
    }

    #[test]
    fn past_its_budget_a_frame_shows_a_line_at_a_size_it_had_or_waits_for_the_next_frame() {
        let ctx = egui::Context::default();
        let mut cache = TextCache::with_budget(std::time::Duration::from_nanos(1));
        let mut first = None;
        // Nothing shaped yet: the first line of a frame is shaped (the budget is not yet spent).
        frame(&ctx, |painter| {
            cache.begin_frame(&ctx);
            first = cache.galley(painter, "CMOC 22", 12.0, Color32::BLACK);
            assert!(!cache.short());
        });
        let first = first.expect("shaped");
        frame(&ctx, |painter| {
            cache.begin_frame(&ctx);
            // Spend the budget on one line, then ask for others.
            let spent = cache.galley(painter, "CMOC 23", 12.0, Color32::BLACK);
            assert!(spent.is_some());
            let stand_in = cache
                .galley(painter, "CMOC 22", 13.0, Color32::BLACK)
                .expect("the size it had stands in");
            assert!(Arc::ptr_eq(&first, &stand_in));
            assert!(
                cache
                    .galley(painter, "never seen", 13.0, Color32::BLACK)
                    .is_none(),
                "a line never shaped waits for the next frame"
            );
            assert!(cache.short(), "the frame says it is to be drawn again");
        });
        frame(&ctx, |painter| {
            cache.begin_frame(&ctx);
            assert!(!cache.short());
            let now = cache
                .galley(painter, "CMOC 22", 13.0, Color32::BLACK)
                .expect("shaped at its size now");
            assert!(!Arc::ptr_eq(&first, &now));
        });
    }

    #[test]
    fn a_line_shaped_ahead_is_ready_when_its_frame_comes_even_with_no_budget_left() {
        let ctx = egui::Context::default();
        let mut cache = TextCache::with_budget(std::time::Duration::ZERO);
        frame(&ctx, |painter| {
            cache.begin_frame(&ctx);
            cache.shape_ahead(painter, "CMOC 7", 11.0, Color32::BLACK);
        });
        // Frames later (the zoom took its time to get there), with no shaping budget at all.
        for _ in 0..10 {
            frame(&ctx, |_| cache.begin_frame(&ctx));
        }
        frame(&ctx, |painter| {
            cache.begin_frame(&ctx);
            let galley = cache
                .galley(painter, "CMOC 7", 11.0, Color32::BLACK)
                .expect("shaped ahead");
            assert_eq!(galley.text(), "CMOC 7");
            assert!(!cache.short(), "shown at its own size");
        });
    }
}
