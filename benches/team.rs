//! Comparing and merging versions of a large theory, and the compare view's frame.
//! Targets (median, this 2-core machine): compare two 5,000-card versions ≤ 50 ms, merge two
//! 5,000-card copies ≤ 50 ms, and the editor frame with the compare marks on ≤ 4 ms more than
//! without them (as the other overlays).
//! `compare/same ids`: the newer version 5% reworded, 1% removed, 1% added, 2% moved.
//! `compare/new ids`: the same, with every id different (a copy pasted into a fresh file):
//! pairs by CMOC number. `merge`: two copies of a base, each rewording 200 cards (20 of them
//! the same cards, differently: conflicts), moving 100, adding 50 with colliding ids.

#[path = "common/frame.rs"]
mod frame_common;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::app::dialogs::ScriptedDialogs;
use cmoc_canvas::edit::synthetic_diagram;
use cmoc_canvas::model::{CmocCard, Edge, Node, NodeContent, NodeId, Point};
use cmoc_canvas::session::compare::{Theory, compare};
use cmoc_canvas::session::merge::merge;
use cmoc_canvas::session::{Editor, Origin};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::Context;
use std::hint::black_box;

const CARDS: usize = 5_000;

/// A copy of `nodes` with every `step`th card (from `offset`) reworded `how`.
fn reword(nodes: &mut [Node], offset: usize, step: usize, count: usize, how: &str) {
    for node in nodes.iter_mut().skip(offset).step_by(step).take(count) {
        if let NodeContent::Cmoc(card) = &mut node.content {
            card.context = format!("{} ({how})", card.context);
        }
    }
}

fn moved(nodes: &mut [Node], offset: usize, step: usize, count: usize) {
    for node in nodes.iter_mut().skip(offset).step_by(step).take(count) {
        node.position = Point::new(node.position.x + 40.0, node.position.y + 20.0);
    }
}

fn added(nodes: &mut Vec<Node>, first_id: u64, count: usize, words: &str) {
    // Numbered apart per copy (two new CMOCs with one number would be flagged).
    let first_number = if words.starts_with("Their") {
        91_000
    } else {
        90_000
    };
    for i in 0..count {
        let card = CmocCard::new(
            first_number + u32::try_from(i).unwrap_or(0),
            format!("{words} {i}"),
            "m",
            "o",
        );
        nodes.push(Node::new(
            NodeId(first_id + i as u64),
            NodeContent::Cmoc(card),
            Point::new(i as f32 * 400.0, -2_000.0),
        ));
    }
}

fn theory<'a>(nodes: &'a [Node], edges: &'a [Edge]) -> Theory<'a> {
    Theory {
        nodes: nodes.iter().collect(),
        edges: edges.iter().collect(),
    }
}

fn bench_compare(c: &mut Criterion) {
    let doc = synthetic_diagram(CARDS);
    let old_nodes: Vec<Node> = doc.nodes().cloned().collect();
    let edges: Vec<Edge> = doc.edges().cloned().collect();
    let top = doc.allocate_id();
    let mut new_nodes = old_nodes.clone();
    reword(&mut new_nodes, 0, 20, 250, "refined");
    moved(&mut new_nodes, 7, 50, 100);
    new_nodes.retain(|n| n.id.0 % 100 != 3);
    added(&mut new_nodes, top, 50, "A new configuration");
    let kept: std::collections::HashSet<NodeId> = new_nodes.iter().map(|n| n.id).collect();
    let new_edges: Vec<Edge> = edges
        .iter()
        .filter(|e| kept.contains(&e.from) && kept.contains(&e.to))
        .cloned()
        .collect();
    // The same, with every id moved up by a million: nothing pairs by id.
    let shift = 1_000_000;
    let renumbered: Vec<Node> = new_nodes
        .iter()
        .map(|n| Node {
            id: NodeId(n.id.0 + shift),
            ..n.clone()
        })
        .collect();
    let renumbered_edges: Vec<Edge> = new_edges
        .iter()
        .map(|e| Edge {
            id: cmoc_canvas::model::EdgeId(e.id.0 + shift),
            from: NodeId(e.from.0 + shift),
            to: NodeId(e.to.0 + shift),
            ..e.clone()
        })
        .collect();
    let old = theory(&old_nodes, &edges);
    let mut group = c.benchmark_group("compare");
    group.sample_size(20);
    for (name, nodes, edges) in [
        ("same ids", &new_nodes, &new_edges),
        ("new ids", &renumbered, &renumbered_edges),
    ] {
        let new = theory(nodes, edges);
        let result = compare(&old, &new);
        let reworded = nodes
            .iter()
            .filter(|n| {
                n.content
                    .cmoc()
                    .is_some_and(|c| c.context.ends_with("(refined)"))
            })
            .count();
        assert_eq!(result.counts()[2], reworded, "every reworded card is found");
        assert_eq!(result.counts()[0], 50, "the added cards");
        group.bench_function(BenchmarkId::new(name, CARDS), |b| {
            b.iter(|| black_box(compare(&old, &new)));
        });
    }
    group.finish();
}

fn bench_merge(c: &mut Criterion) {
    let doc = synthetic_diagram(CARDS);
    let base: Vec<Node> = doc.nodes().cloned().collect();
    let edges: Vec<Edge> = doc.edges().cloned().collect();
    let top = doc.allocate_id();
    let mut ours = base.clone();
    reword(&mut ours, 0, 20, 200, "mine");
    moved(&mut ours, 3, 40, 100);
    added(&mut ours, top, 50, "My new configuration");
    let mut theirs = base.clone();
    // Every 20th card from 10, and 20 of ours (0, 20, …): conflicts.
    reword(&mut theirs, 10, 20, 180, "theirs");
    reword(&mut theirs, 0, 20, 20, "theirs");
    moved(&mut theirs, 5, 40, 100);
    added(&mut theirs, top, 50, "Their new configuration");
    let (b, o, t) = (
        theory(&base, &edges),
        theory(&ours, &edges),
        theory(&theirs, &edges),
    );
    let mut next = top + 10_000;
    let result = merge(Some(&b), &o, &t, &mut || {
        next += 1;
        next
    });
    assert_eq!(result.conflicts.len(), 20, "the cards both reworded");
    assert_eq!(result.nodes.len(), CARDS + 100);
    let mut group = c.benchmark_group("merge");
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("three-way", CARDS), |bench| {
        bench.iter(|| {
            let mut next = top + 10_000;
            black_box(merge(Some(&b), &o, &t, &mut || {
                next += 1;
                next
            }))
        });
    });
    group.finish();
}

fn frame(ctx: &Context, app: &mut EditorApp) -> usize {
    frame_common::frame_of(ctx, app, 1600.0, 1000.0)
}

/// The editor frame at 5,000 cards, fitted and at 100%, with and without comparing against a
/// saved version that differs in 250 cards (the Versions tab open, listing the changes).
fn bench_overlay(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare_overlay");
    group.sample_size(30);
    for comparing in [false, true] {
        for view in ["fitted", "100%"] {
            let ctx = Context::default();
            let mut app = EditorApp::start(None, None, Box::new(ScriptedDialogs::default()));
            let mut editor = Editor::new(synthetic_diagram(CARDS), Origin::Untitled);
            editor.save_version("Before", "bench", "");
            let ids: Vec<NodeId> = editor.doc().nodes().map(|n| n.id).step_by(20).collect();
            for id in ids {
                editor.change_node(id, "context", |n| {
                    if let NodeContent::Cmoc(card) = &mut n.content {
                        card.context.push_str(" (refined)");
                    }
                });
                editor.seal();
            }
            if comparing {
                editor.compare_with_version(0);
            }
            app.editor = editor;
            app.canvas.reset_for_new_document();
            app.perform(cmoc_canvas::session::Action::ShowVersions);
            for _ in 0..3 {
                frame(&ctx, &mut app);
            }
            if view == "100%" {
                app.canvas.camera = cmoc_canvas::app::canvas::Camera::default();
                frame(&ctx, &mut app);
            }
            let name = format!("{view}, {}", if comparing { "comparing" } else { "plain" });
            group.bench_function(BenchmarkId::new(name, CARDS), |b| {
                b.iter(|| black_box(frame(&ctx, &mut app)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_compare, bench_merge, bench_overlay);
criterion_main!(benches);
