//! Tests of the layered layout.
use super::*;
use crate::edit::tidy::TIDY_SPACING;

fn lay_out(n: u32, edges: &[(u32, u32)]) -> Vec<Group> {
    let nodes: Vec<(u32, f64, f64)> = (0..n).map(|i| (i, 100.0, 60.0)).collect();
    LayeredLayout::default().layers(&nodes, edges)
}

#[test]
fn the_five_card_cycle_that_hung_rust_sugiyama_is_laid_out() {
    // Upstream issue #25's graph: 0→1,2,3; 1→0,3; 2→0,3; 3→0; 4→1,2.
    let edges = [
        (0, 1),
        (0, 2),
        (0, 3),
        (1, 0),
        (1, 3),
        (2, 0),
        (2, 3),
        (3, 0),
        (4, 1),
        (4, 2),
    ];
    let groups = lay_out(5, &edges);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].centres.len(), 5);
    assert!(
        groups[0]
            .centres
            .iter()
            .all(|c| c.1.is_finite() && c.2.is_finite())
    );
}

#[test]
fn a_chain_goes_down_one_layer_a_node() {
    let groups = lay_out(3, &[(0, 1), (1, 2)]);
    let ys: BTreeMap<u32, f64> = groups[0].centres.iter().map(|c| (c.0, c.2)).collect();
    assert!(ys[&0] < ys[&1] && ys[&1] < ys[&2]);
}

#[test]
fn nodes_in_a_layer_do_not_overlap() {
    // One source with five successors: all five in the second layer, side by side.
    let groups = lay_out(6, &[(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)]);
    let mut xs: Vec<f64> = groups[0]
        .centres
        .iter()
        .filter(|c| c.0 != 0)
        .map(|c| c.1)
        .collect();
    xs.sort_by(f64::total_cmp);
    for pair in xs.windows(2) {
        assert!(pair[1] - pair[0] >= 100.0 + TIDY_SPACING - 1e-6);
    }
}

#[test]
fn separate_groups_come_back_separately() {
    let groups = lay_out(5, &[(0, 1), (2, 3)]);
    assert_eq!(groups.len(), 3);
}

#[test]
fn a_cancelled_layout_returns_nothing() {
    let nodes: Vec<(u32, f64, f64)> = (0..4).map(|i| (i, 10.0, 10.0)).collect();
    let flag = Arc::new(AtomicBool::new(true));
    let engine = LayeredLayout { cancel: Some(flag) };
    assert!(engine.layers(&nodes, &[(0, 1), (2, 3)]).is_empty());
}

#[test]
fn crossings_are_counted() {
    // Two arrows from a and b to d and c cross once when the lower layer is c, d.
    let graph = Graph {
        breadth: vec![1.0; 4],
        depth: vec![1.0; 4],
        layer: vec![0, 0, 1, 1],
        down: vec![vec![3], vec![2], vec![], vec![]],
        up: vec![vec![], vec![], vec![1], vec![0]],
    };
    let order = vec![vec![0, 1], vec![2, 3]];
    assert_eq!(crossings(&graph, &order, &[0, 1, 0, 1]), 1);
    let order = vec![vec![0, 1], vec![3, 2]];
    assert_eq!(crossings(&graph, &order, &[0, 1, 1, 0]), 0);
}

#[test]
fn dummies_stay_within_their_budget() {
    // A long chain with an arrow from each node back to the first: the reversed arrows
    // span many layers.
    let n = 400u32;
    let mut edges: Vec<(u32, u32)> = (0..n - 1).map(|i| (i, i + 1)).collect();
    edges.extend((2..n).map(|i| (0, i)));
    let groups = lay_out(n, &edges);
    assert_eq!(groups[0].centres.len(), n as usize);
}
