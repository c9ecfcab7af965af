//! The layered layout behind Arrange → Tidy, written so that it always finishes: every step is
//! a fixed number of linear or n·log n passes, with no search that can cycle.
//!
//! It follows the classic scheme of Sugiyama et al.: break cycles (depth-first, reversing the
//! arrows that close a cycle), put each node in a layer (longest path, sources pulled down to
//! their successors), thread long arrows through dummy nodes (at most [`DUMMY_BUDGET_PER_ITEM`]
//! per node and arrow; an arrow past the budget is left out of the ordering), order each layer
//! by barycentres for a fixed number of sweeps keeping the order with the fewest crossings
//! (counted with Barth, Jünger and Mutzel's accumulator), then place nodes across each layer
//! as close to their neighbours as the order and spacing allow (least squares by pool
//! adjacent violators), again for a fixed number of passes.
//!
//! Why by hand: rust-sugiyama 0.4, used before, never returns on some small graphs with
//! cycles (its network simplex cycles in `calculate_cut_values`; upstream issue #25, open) and
//! took minutes and gigabytes on a few hundred linked cards. No other crate lays out a
//! layered graph with node sizes.

use super::tidy::{Group, Layered};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

mod geometry;
use geometry::{along_layers, closest_in_order, crossings, gap};

/// Crossing-reduction sweeps (each one down and one up).
const SWEEPS: usize = 8;
/// Placement passes across the layers.
const PLACEMENT_PASSES: usize = 8;
/// Dummy nodes allowed for each node and arrow of a group, so a long arrow costs memory in
/// proportion to the diagram, never to its square.
pub const DUMMY_BUDGET_PER_ITEM: usize = 16;
/// How wide a dummy node (a long arrow passing through a layer) is, diagram units.
const DUMMY_BREADTH: f64 = 12.0;

/// The layered layout. `cancel`, when set, is checked between passes: once it is true the
/// layout stops and returns no groups.
#[derive(Clone, Debug, Default)]
pub struct LayeredLayout {
    /// Set to true (from another thread) to stop the layout early.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl LayeredLayout {
    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
    }
}

impl Layered for LayeredLayout {
    fn layers(&self, nodes: &[(u32, f64, f64)], edges: &[(u32, u32)]) -> Vec<Group> {
        let index: BTreeMap<u32, usize> = nodes.iter().enumerate().map(|(i, n)| (n.0, i)).collect();
        let mut pairs: Vec<(usize, usize)> = edges
            .iter()
            .filter_map(|(a, b)| Some((*index.get(a)?, *index.get(b)?)))
            .filter(|(a, b)| a != b)
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut groups = Vec::new();
        for component in components(nodes.len(), &pairs) {
            if self.cancelled() {
                return Vec::new();
            }
            let Some(centres) = self.lay_out(nodes, &pairs, &component) else {
                return Vec::new();
            };
            groups.push(Group { centres });
        }
        groups
    }
}

/// The weakly connected groups of `n` nodes joined by `edges`, each in index order.
fn components(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut v: usize) -> usize {
        while parent[v] != v {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        v
    }
    for &(a, b) in edges {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for v in 0..n {
        let r = root(&mut parent, v);
        by_root.entry(r).or_default().push(v);
    }
    by_root.into_values().collect()
}

/// One group being laid out: real nodes first (local indices), then dummies.
struct Graph {
    /// Breadth (across the layer) of each vertex.
    breadth: Vec<f64>,
    /// Depth (along the layers) of each vertex.
    depth: Vec<f64>,
    layer: Vec<usize>,
    /// Arrows between adjacent layers, pointing down.
    down: Vec<Vec<usize>>,
    up: Vec<Vec<usize>>,
}

impl LayeredLayout {
    /// Lays out one connected group; `None` when cancelled.
    fn lay_out(
        &self,
        nodes: &[(u32, f64, f64)],
        pairs: &[(usize, usize)],
        component: &[usize],
    ) -> Option<Vec<(u32, f64, f64)>> {
        let local: BTreeMap<usize, usize> =
            component.iter().enumerate().map(|(i, &v)| (v, i)).collect();
        let n = component.len();
        let edges: Vec<(usize, usize)> = pairs
            .iter()
            .filter_map(|(a, b)| Some((*local.get(a)?, *local.get(b)?)))
            .collect();
        let dag = acyclic(n, &edges);
        let rank = ranks(n, &dag);
        let mut graph = Graph {
            breadth: component.iter().map(|&v| nodes[v].1.max(1.0)).collect(),
            depth: component.iter().map(|&v| nodes[v].2.max(1.0)).collect(),
            layer: rank,
            down: vec![Vec::new(); n],
            up: vec![Vec::new(); n],
        };
        graph.thread_long_arrows(&dag, DUMMY_BUDGET_PER_ITEM * (n + dag.len()));
        let mut order = initial_order(&graph);
        if !self.reduce_crossings(&graph, &mut order) {
            return None;
        }
        let across = self.place_across(&graph, &order)?;
        let along = along_layers(&graph, &order);
        Some(
            component
                .iter()
                .enumerate()
                .map(|(i, &v)| (nodes[v].0, across[i], along[i]))
                .collect(),
        )
    }
}

/// The arrows with those closing a cycle turned round (depth first, without recursion,
/// starting from nodes nothing points to).
fn acyclic(n: usize, edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut has_in = vec![false; n];
    for &(a, b) in edges {
        out_edges[a].push(b);
        has_in[b] = true;
    }
    // 0 unseen, 1 on the path, 2 done.
    let mut state = vec![0u8; n];
    let mut reversed = std::collections::BTreeSet::new();
    let starts = (0..n).filter(|&v| !has_in[v]).chain(0..n);
    for start in starts {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(top) = stack.last_mut() {
            let (v, next) = *top;
            if let Some(&w) = out_edges[v].get(next) {
                top.1 += 1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => {
                        reversed.insert((v, w));
                    }
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    let mut dag: Vec<(usize, usize)> = edges
        .iter()
        .map(|&(a, b)| {
            if reversed.contains(&(a, b)) {
                (b, a)
            } else {
                (a, b)
            }
        })
        .collect();
    dag.sort_unstable();
    dag.dedup();
    dag
}

/// Each node's layer: the longest path from a node nothing points to, then every source
/// pulled down to just above its nearest successor so its arrows stay short.
fn ranks(n: usize, dag: &[(usize, usize)]) -> Vec<usize> {
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for &(a, b) in dag {
        succ[a].push(b);
        indegree[b] += 1;
    }
    let mut rank = vec![0usize; n];
    let mut queue: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    let mut topo = Vec::with_capacity(n);
    let mut remaining = indegree.clone();
    while let Some(v) = queue.pop() {
        topo.push(v);
        for &w in &succ[v] {
            rank[w] = rank[w].max(rank[v] + 1);
            remaining[w] -= 1;
            if remaining[w] == 0 {
                queue.push(w);
            }
        }
    }
    for &v in topo.iter().rev() {
        if indegree[v] == 0
            && let Some(lowest) = succ[v].iter().map(|&w| rank[w]).min()
        {
            rank[v] = lowest.saturating_sub(1).max(rank[v]);
        }
    }
    rank
}

impl Graph {
    /// Joins the ends of each arrow through one dummy per layer it crosses, within `budget`
    /// dummies in all; an arrow past the budget is left out (its ends keep their layers).
    fn thread_long_arrows(&mut self, dag: &[(usize, usize)], budget: usize) {
        let mut used = 0usize;
        for &(a, b) in dag {
            let (from, to) = (self.layer[a], self.layer[b]);
            if to <= from {
                continue;
            }
            let span = to - from;
            if span > 1 && used + span - 1 > budget {
                continue;
            }
            let mut previous = a;
            for layer in from + 1..to {
                let dummy = self.layer.len();
                self.layer.push(layer);
                self.breadth.push(DUMMY_BREADTH);
                self.depth.push(0.0);
                self.down.push(Vec::new());
                self.up.push(Vec::new());
                self.down[previous].push(dummy);
                self.up[dummy].push(previous);
                previous = dummy;
                used += 1;
            }
            self.down[previous].push(b);
            self.up[b].push(previous);
        }
    }

    fn layer_count(&self) -> usize {
        self.layer.iter().copied().max().map_or(0, |m| m + 1)
    }
}

/// Each layer's vertices in the order a breadth-first walk from the top layer meets them, so
/// neighbours start near each other.
fn initial_order(graph: &Graph) -> Vec<Vec<usize>> {
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); graph.layer_count()];
    let mut seen = vec![false; graph.layer.len()];
    let mut by_layer: Vec<usize> = (0..graph.layer.len()).collect();
    by_layer.sort_by_key(|&v| (graph.layer[v], v));
    for start in by_layer {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(v) = queue.pop_front() {
            order[graph.layer[v]].push(v);
            for &w in graph.down[v].iter().chain(&graph.up[v]) {
                if !seen[w] {
                    seen[w] = true;
                    queue.push_back(w);
                }
            }
        }
    }
    order
}

impl LayeredLayout {
    /// Barycentre sweeps, down then up, keeping the order with the fewest crossings. False
    /// when cancelled.
    fn reduce_crossings(&self, graph: &Graph, order: &mut [Vec<usize>]) -> bool {
        let mut position = vec![0usize; graph.layer.len()];
        let refresh = |order: &[Vec<usize>], position: &mut Vec<usize>| {
            for layer in order {
                for (i, &v) in layer.iter().enumerate() {
                    position[v] = i;
                }
            }
        };
        refresh(order, &mut position);
        let mut best = order.to_vec();
        let mut fewest = crossings(graph, order, &position);
        for _ in 0..SWEEPS {
            if fewest == 0 {
                break;
            }
            if self.cancelled() {
                return false;
            }
            for downward in [true, false] {
                let layers: Vec<usize> = if downward {
                    (1..order.len()).collect()
                } else {
                    (0..order.len().saturating_sub(1)).rev().collect()
                };
                for l in layers {
                    let neighbours = if downward { &graph.up } else { &graph.down };
                    let mut keyed: Vec<(f64, usize)> = order[l]
                        .iter()
                        .map(|&v| {
                            let ns = &neighbours[v];
                            let key = if ns.is_empty() {
                                position[v] as f64
                            } else {
                                ns.iter().map(|&w| position[w] as f64).sum::<f64>()
                                    / ns.len() as f64
                            };
                            (key, v)
                        })
                        .collect();
                    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
                    order[l] = keyed.into_iter().map(|(_, v)| v).collect();
                    for (i, &v) in order[l].iter().enumerate() {
                        position[v] = i;
                    }
                }
            }
            let now = crossings(graph, order, &position);
            if now < fewest {
                fewest = now;
                best = order.to_vec();
            }
        }
        order.clone_from_slice(&best);
        true
    }

    /// Each vertex's centre across its layer. `None` when cancelled.
    fn place_across(&self, graph: &Graph, order: &[Vec<usize>]) -> Option<Vec<f64>> {
        let mut x = vec![0.0f64; graph.layer.len()];
        for layer in order {
            let mut at = 0.0;
            for (i, &v) in layer.iter().enumerate() {
                if i > 0 {
                    at += gap(graph, layer[i - 1], v);
                }
                x[v] = at;
            }
        }
        for pass in 0..PLACEMENT_PASSES {
            if self.cancelled() {
                return None;
            }
            let last = pass + 1 == PLACEMENT_PASSES;
            let downward = pass % 2 == 0;
            let layers: Vec<usize> = if downward {
                (0..order.len()).collect()
            } else {
                (0..order.len()).rev().collect()
            };
            for l in layers {
                let wanted: Vec<f64> = order[l]
                    .iter()
                    .map(|&v| {
                        let ns: Vec<usize> = if last {
                            graph.up[v].iter().chain(&graph.down[v]).copied().collect()
                        } else if downward {
                            graph.up[v].clone()
                        } else {
                            graph.down[v].clone()
                        };
                        if ns.is_empty() {
                            x[v]
                        } else {
                            ns.iter().map(|&w| x[w]).sum::<f64>() / ns.len() as f64
                        }
                    })
                    .collect();
                let placed = closest_in_order(graph, &order[l], &wanted);
                for (&v, at) in order[l].iter().zip(placed) {
                    x[v] = at;
                }
            }
        }
        let left = (0..graph.layer.len())
            .map(|v| x[v] - graph.breadth[v] / 2.0)
            .fold(f64::INFINITY, f64::min);
        if left.is_finite() {
            for value in &mut x {
                *value -= left;
            }
        }
        Some(x)
    }
}

#[cfg(test)]
mod tests;
