//! A uniform grid over world space: which nodes may touch a rectangle or point, without looking
//! at every node. Used for viewport culling and hit-testing.

use emath::{Pos2, Rect};
use rustc_hash::FxHashMap as HashMap;

const CELL_SIZE: f32 = 512.0;

/// Buckets of item indices by grid cell.
#[derive(Clone, Debug, Default)]
pub struct SpatialGrid {
    cells: HashMap<(i32, i32), Vec<u32>>,
    /// Items too large to bucket (e.g. huge regions), checked on every query.
    large: Vec<u32>,
}

fn cell_of(v: f32) -> i32 {
    (v / CELL_SIZE)
        .floor()
        .clamp(i32::MIN as f32, i32::MAX as f32) as i32
}

impl SpatialGrid {
    /// Builds the grid from item rectangles; an item's index is its position in `rects`.
    pub fn build<'a>(rects: impl Iterator<Item = &'a Rect>) -> Self {
        let mut grid = SpatialGrid::default();
        for (index, rect) in rects.enumerate() {
            grid.insert(index as u32, *rect);
        }
        grid
    }

    fn cells_of(rect: Rect) -> Option<(i32, i32, i32, i32)> {
        let (x0, x1) = (cell_of(rect.min.x), cell_of(rect.max.x));
        let (y0, y1) = (cell_of(rect.min.y), cell_of(rect.max.y));
        let cells =
            (i64::from(x1) - i64::from(x0) + 1).saturating_mul(i64::from(y1) - i64::from(y0) + 1);
        (rect.is_finite() && cells <= 64).then_some((x0, x1, y0, y1))
    }

    /// Moves item `index` from `old` to `new` (a node moved or was resized).
    pub fn update(&mut self, index: u32, old: Rect, new: Rect) {
        let (old_cells, new_cells) = (Self::cells_of(old), Self::cells_of(new));
        if old_cells == new_cells && old_cells.is_some() {
            return;
        }
        match old_cells {
            Some((x0, x1, y0, y1)) => {
                for x in x0..=x1 {
                    for y in y0..=y1 {
                        if let Some(items) = self.cells.get_mut(&(x, y)) {
                            items.retain(|i| *i != index);
                            if items.is_empty() {
                                self.cells.remove(&(x, y));
                            }
                        }
                    }
                }
            }
            None => self.large.retain(|i| *i != index),
        }
        self.insert(index, new);
    }

    fn insert(&mut self, index: u32, rect: Rect) {
        match Self::cells_of(rect) {
            Some((x0, x1, y0, y1)) => {
                for x in x0..=x1 {
                    for y in y0..=y1 {
                        self.cells.entry((x, y)).or_default().push(index);
                    }
                }
            }
            None => self.large.push(index),
        }
    }

    /// Indices of items whose cells touch `rect`, sorted, without repeats. Callers still check
    /// the exact rectangle.
    pub fn query_rect(&self, rect: Rect) -> Vec<u32> {
        let mut out = self.large.clone();
        let (x0, x1) = (cell_of(rect.min.x), cell_of(rect.max.x));
        let (y0, y1) = (cell_of(rect.min.y), cell_of(rect.max.y));
        let cells =
            (i64::from(x1) - i64::from(x0) + 1).saturating_mul(i64::from(y1) - i64::from(y0) + 1);
        if cells > self.cells.len() as i64 {
            // Cheaper to walk every bucket than every cell of a huge rectangle.
            for items in self.cells.values() {
                out.extend_from_slice(items);
            }
        } else {
            for x in x0..=x1 {
                for y in y0..=y1 {
                    if let Some(items) = self.cells.get(&(x, y)) {
                        out.extend_from_slice(items);
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Indices of items whose cell holds `point`.
    pub fn query_point(&self, point: Pos2) -> Vec<u32> {
        let mut out = self.large.clone();
        if let Some(items) = self.cells.get(&(cell_of(point.x), cell_of(point.y))) {
            out.extend_from_slice(items);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_items_near_a_rect_and_point() {
        let rects = [
            Rect::from_min_size(Pos2::new(0.0, 0.0), emath::vec2(100.0, 100.0)),
            Rect::from_min_size(Pos2::new(5000.0, 5000.0), emath::vec2(100.0, 100.0)),
            Rect::from_min_size(Pos2::new(-90_000.0, 0.0), emath::vec2(200_000.0, 10.0)),
        ];
        let grid = SpatialGrid::build(rects.iter());
        let near_origin = grid.query_rect(Rect::from_min_size(Pos2::ZERO, emath::vec2(10.0, 10.0)));
        assert!(near_origin.contains(&0) && !near_origin.contains(&1));
        assert!(
            near_origin.contains(&2),
            "large items are always candidates"
        );
        assert!(grid.query_point(Pos2::new(5050.0, 5050.0)).contains(&1));
        let everything = grid.query_rect(Rect::EVERYTHING);
        assert_eq!(everything, vec![0, 1, 2]);
    }

    #[test]
    fn an_item_that_moves_is_found_where_it_went() {
        let a = Rect::from_min_size(Pos2::new(0.0, 0.0), emath::vec2(100.0, 100.0));
        let b = Rect::from_min_size(Pos2::new(5000.0, 5000.0), emath::vec2(100.0, 100.0));
        let mut grid = SpatialGrid::build([a].iter());
        grid.update(0, a, b);
        assert!(grid.query_point(Pos2::new(50.0, 50.0)).is_empty());
        assert_eq!(grid.query_point(Pos2::new(5050.0, 5050.0)), vec![0]);
        grid.update(0, b, Rect::EVERYTHING);
        assert_eq!(grid.query_point(Pos2::new(-1e9, 1e9)), vec![0], "now large");
        grid.update(0, Rect::EVERYTHING, a);
        assert_eq!(grid.query_point(Pos2::new(-1e9, 1e9)), Vec::<u32>::new());
    }
}
