//! Measures of a layered layout: spacing within a layer, the least-squares placement of a
//! layer's vertices, crossings between two layers, and the depth of the layers.

use super::Graph;
use crate::edit::tidy::TIDY_SPACING;

/// Centre-to-centre distance between neighbours `a` and `b` in a layer.
pub(super) fn gap(graph: &Graph, a: usize, b: usize) -> f64 {
    let real = graph.depth[a] > 0.0 && graph.depth[b] > 0.0;
    let spacing = if real {
        TIDY_SPACING
    } else {
        TIDY_SPACING / 3.0
    };
    (graph.breadth[a] + graph.breadth[b]) / 2.0 + spacing
}

/// The positions for `layer` (in this order, each at least `gap` from the one before) that
/// are closest to `wanted` in least squares: pool adjacent violators on the positions less
/// each one's minimum offset from the first.
pub(super) fn closest_in_order(graph: &Graph, layer: &[usize], wanted: &[f64]) -> Vec<f64> {
    let mut offset = Vec::with_capacity(layer.len());
    let mut total = 0.0;
    for (i, &v) in layer.iter().enumerate() {
        if i > 0 {
            total += gap(graph, layer[i - 1], v);
        }
        offset.push(total);
    }
    // Blocks of (sum of targets, count); each block's value is its mean.
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(layer.len());
    for (i, w) in wanted.iter().enumerate() {
        blocks.push((w - offset[i], 1.0, 1));
        while blocks.len() > 1 {
            let (s1, c1, n1) = blocks[blocks.len() - 1];
            let (s0, c0, n0) = blocks[blocks.len() - 2];
            if s0 / c0 <= s1 / c1 {
                break;
            }
            blocks.pop();
            if let Some(last) = blocks.last_mut() {
                *last = (s0 + s1, c0 + c1, n0 + n1);
            }
        }
    }
    let mut out = Vec::with_capacity(layer.len());
    for (sum, count, len) in blocks {
        let value = sum / count;
        for _ in 0..len {
            out.push(value + offset[out.len()]);
        }
    }
    out
}

/// The number of crossings between each pair of adjacent layers (Barth, Jünger and Mutzel:
/// the arrows sorted by their upper end, crossings counted as inversions of their lower end
/// with a Fenwick tree).
pub(super) fn crossings(graph: &Graph, order: &[Vec<usize>], position: &[usize]) -> u64 {
    let mut total = 0u64;
    for pair in order.windows(2) {
        let (upper, lower) = (&pair[0], &pair[1]);
        let mut ends: Vec<(usize, usize)> = Vec::new();
        for &v in upper {
            for &w in &graph.down[v] {
                ends.push((position[v], position[w]));
            }
        }
        ends.sort_unstable();
        let mut tree = vec![0u64; lower.len() + 1];
        for (seen, &(_, low)) in ends.iter().enumerate() {
            // Arrows seen so far whose lower end is right of this one's cross it.
            let mut at_or_left = 0u64;
            let mut i = low + 1;
            while i > 0 {
                at_or_left += tree[i];
                i -= i & i.wrapping_neg();
            }
            total += seen as u64 - at_or_left;
            let mut i = low + 1;
            while i < tree.len() {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
    }
    total
}

/// Each vertex's centre along the layers: layers one after another, each as deep as its
/// deepest node, [`TIDY_SPACING`] apart.
pub(super) fn along_layers(graph: &Graph, order: &[Vec<usize>]) -> Vec<f64> {
    let mut y = vec![0.0f64; graph.layer.len()];
    let mut top = 0.0;
    for layer in order {
        let depth = layer.iter().map(|&v| graph.depth[v]).fold(0.0f64, f64::max);
        for &v in layer {
            y[v] = top + depth / 2.0;
        }
        top += depth + TIDY_SPACING;
    }
    y
}
