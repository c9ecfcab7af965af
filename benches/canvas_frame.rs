//! One whole editor frame, headless: egui runs the real app UI (menus, panels, canvas) over a
//! generated diagram, then tessellates the result, as a window would before painting.
//! Targets (median, this 2-core machine, fitted to view): 1,000 cards ≤ 2 ms, 5,000 ≤ 8 ms.
//! Views: the whole diagram fitted (plain boxes), 30% (titled boxes, ~100 on screen) and
//! 100% (full cards with C/M/O text), and 100% with the CMOC table open (one row per card).
//! Interaction (`interaction` group, 1600×1000): one keystroke into one card, a drag frame
//! moving every card, a drag frame moving one card among the rest (its arrows routed again), the pointer moving over the canvas, wheel-zoom frames, and frames of a
//! presentation's step transition, and switching a "what if" scenario on and off, at 5,000
//! and 20,000 cards; idle fitted frames at 20,000.

/// The program's own allocator, so frames are measured as users get them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::app::dialogs::ScriptedDialogs;
use cmoc_canvas::edit::{Edit, MergeKey, synthetic_diagram};
use cmoc_canvas::model::{NodeContent, NodeId, Point};
use cmoc_canvas::session::{Editor, Origin};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Context, RawInput, Rect, pos2, vec2};
use std::hint::black_box;

fn app_for(cards: usize) -> EditorApp {
    let mut app = EditorApp::start(None, None, Box::new(ScriptedDialogs::default()));
    app.editor = Editor::new(synthetic_diagram(cards), Origin::Untitled);
    app.canvas.reset_for_new_document();
    app
}

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
        ..RawInput::default()
    }
}

fn frame(ctx: &Context, app: &mut EditorApp) -> usize {
    let mut output = ctx.run_ui(input(), |ui| app.ui(ui));
    output.textures_delta.clear();
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    primitives.len()
}

fn bench_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("editor_frame");
    group.sample_size(30);
    for cards in [100, 1_000, 5_000] {
        for view in ["fitted", "30%", "100%", "100%+table"] {
            let ctx = Context::default();
            let mut app = app_for(cards);
            // Settle: first frames lay out fonts and fit the view.
            for _ in 0..3 {
                frame(&ctx, &mut app);
            }
            match view {
                "fitted" => assert_eq!(
                    app.canvas.hits.nodes_drawn, cards,
                    "fitted to view, every card is on screen"
                ),
                "100%" => app.canvas.camera = cmoc_canvas::app::canvas::Camera::default(),
                "100%+table" => {
                    app.canvas.camera = cmoc_canvas::app::canvas::Camera::default();
                    app.show_table = true;
                }
                _ => {
                    app.canvas.camera = cmoc_canvas::app::canvas::Camera {
                        zoom: 0.3,
                        ..Default::default()
                    }
                }
            }
            frame(&ctx, &mut app);
            group.bench_function(BenchmarkId::new(view, cards), |b| {
                b.iter(|| black_box(frame(&ctx, &mut app)));
            });
        }
    }
    group.finish();
}

fn big_input(events: Vec<egui::Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0))),
        events,
        ..RawInput::default()
    }
}

fn big_frame(ctx: &Context, app: &mut EditorApp, events: Vec<egui::Event>) -> usize {
    let mut output = ctx.run_ui(big_input(events), |ui| app.ui(ui));
    output.textures_delta.clear();
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    primitives.len()
}

fn bench_interaction(c: &mut Criterion) {
    let mut group = c.benchmark_group("interaction");
    group.sample_size(20);
    for cards in [5_000, 20_000] {
        let ctx = Context::default();
        let mut app = app_for(cards);
        for _ in 0..3 {
            big_frame(&ctx, &mut app, Vec::new());
        }
        group.bench_function(BenchmarkId::new("idle fitted", cards), |b| {
            b.iter(|| black_box(big_frame(&ctx, &mut app, Vec::new())));
        });

        wheel_zoom(&mut group, &ctx, &mut app, cards);
        trackpad_zoom(&mut group, &ctx, &mut app, cards);
        cold_sweeps(cards);
        editing_frames(&mut group, &ctx, &mut app, cards);
        present_frames(&mut group, &ctx, &mut app, cards);
        scenario_frames(&mut group, &ctx, &mut app, cards);
    }
    group.finish();
}

/// Benchmarks frames whose events `events_for` makes (given the app before the frame), timing
/// each, and prints the 90th percentile and the slowest: the targets are on the slow frames
/// (crossing a level of detail), not the average.
fn timed_frames(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    cards: usize,
    ctx: &Context,
    app: &mut EditorApp,
    mut events_for: impl FnMut(&EditorApp) -> Vec<egui::Event>,
) {
    let mut frame_times: Vec<std::time::Duration> = Vec::new();
    group.bench_function(BenchmarkId::new(name, cards), |b| {
        b.iter_custom(|iterations| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iterations {
                let events = events_for(app);
                let start = std::time::Instant::now();
                black_box(big_frame(ctx, app, events));
                let took = start.elapsed();
                frame_times.push(took);
                total += took;
            }
            total
        });
    });
    frame_times.sort_unstable();
    if let Some(p90) = frame_times.get(frame_times.len() * 9 / 10) {
        println!(
            "interaction/{name}/{cards}: p90 {:.2} ms, max {:.2} ms over {} frames",
            p90.as_secs_f64() * 1e3,
            frame_times.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
            frame_times.len()
        );
    }
}

/// Wheel zoom about the pointer, in and out, from the fitted view.
fn wheel_zoom(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ctx: &Context,
    app: &mut EditorApp,
    cards: usize,
) {
    let mut notch = 0usize;
    timed_frames(group, "wheel zoom", cards, ctx, app, |_| {
        notch += 1;
        let delta = if (notch / 8).is_multiple_of(2) {
            1.0
        } else {
            -1.0
        };
        vec![
            egui::Event::PointerMoved(pos2(600.0, 500.0)),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Line,
                delta: vec2(0.0, delta),
                phase: egui::TouchPhase::Move,
                modifiers: egui::Modifiers::COMMAND,
                source: egui::MouseWheelSource::Wheel,
            },
        ]
    });
}

/// Zoom as a trackpad pinch does (issue 19, item 14): a slightly different factor every frame,
/// so the zoom never returns to a size already seen (no text cache can help), sweeping from the
/// fitted view to 100% and back across every level of detail (targets at 5,000 cards: p90
/// <= 4 ms, slowest <= 8.3 ms).
fn trackpad_zoom(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ctx: &Context,
    app: &mut EditorApp,
    cards: usize,
) {
    app.canvas.fit_pending = true;
    big_frame(ctx, app, Vec::new());
    let fitted = app.canvas.camera.zoom;
    let (mut frame, mut inward) = (0u32, true);
    let name = "trackpad zoom, never-seen sizes";
    timed_frames(group, name, cards, ctx, app, |app| {
        frame += 1;
        let zoom = app.canvas.camera.zoom;
        if zoom >= 1.0 {
            inward = false;
        } else if zoom <= fitted * 0.9 {
            inward = true;
        }
        // 2-4% a frame, never the same twice.
        let step = 1.0 + 0.03 * (1.0 + 0.37 * (frame as f32 * 0.7).sin());
        let factor = if inward { step } else { 1.0 / step };
        vec![
            egui::Event::PointerMoved(pos2(600.0, 500.0)),
            egui::Event::Zoom(factor),
        ]
    });
}

/// The trackpad sweep (fitted view to 100% and back) from a freshly opened diagram, several
/// times, each in a new window (nothing laid out, shaped or in the glyph atlas yet, as a user
/// meets it). Each frame's time is the median of its sweeps — the same zoom, the same work —
/// so the slowest frame is the slowest the program makes, not a moment the shared machine
/// gave the processor to another program (those moments are printed too: the slowest single
/// frame). Printed, not timed by criterion: the target is on the slowest frame (issue 19,
/// item 14: at most 8.3 ms at 5,000 cards).
fn cold_sweeps(cards: usize) {
    const SWEEPS: usize = 5;
    // Only under `cargo bench`: as a test (`cargo test --all-targets`, a debug build) five
    // sweeps of hundreds of frames would take minutes and measure nothing.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let mut sweeps: Vec<Vec<f64>> = Vec::new();
    for _ in 0..SWEEPS {
        let ctx = Context::default();
        let mut app = app_for(cards);
        for _ in 0..3 {
            big_frame(&ctx, &mut app, Vec::new());
        }
        app.canvas.fit_pending = true;
        big_frame(&ctx, &mut app, Vec::new());
        let fitted = app.canvas.camera.zoom;
        let mut inward = true;
        let mut times = Vec::new();
        let mut last = f32::NAN;
        for frame in 1..=1_000u32 {
            let zoom = app.canvas.camera.zoom;
            if zoom >= 1.0 {
                inward = false;
            } else if !inward && (zoom <= fitted || zoom == last) {
                // Back out to the fitted view, or as far out as the canvas goes.
                break;
            }
            last = zoom;
            let step = 1.0 + 0.03 * (1.0 + 0.37 * (frame as f32 * 0.7).sin());
            let factor = if inward { step } else { 1.0 / step };
            let events = vec![
                egui::Event::PointerMoved(pos2(600.0, 500.0)),
                egui::Event::Zoom(factor),
            ];
            let start = std::time::Instant::now();
            black_box(big_frame(&ctx, &mut app, events));
            times.push(start.elapsed().as_secs_f64() * 1e3);
        }
        sweeps.push(times);
    }
    let frames = sweeps.iter().map(Vec::len).min().unwrap_or(0);
    let median = |i: usize| {
        let mut at: Vec<f64> = sweeps.iter().map(|s| s[i]).collect();
        at.sort_by(f64::total_cmp);
        at[at.len() / 2]
    };
    let (slowest_at, slowest) = (0..frames)
        .map(|i| (i, median(i)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((0, 0.0));
    let mut all: Vec<f64> = sweeps.iter().flatten().copied().collect();
    all.sort_by(f64::total_cmp);
    let p90 = all.get(all.len() * 9 / 10).copied().unwrap_or(0.0);
    let single = all.last().copied().unwrap_or(0.0);
    println!(
        "interaction/trackpad zoom, cold sweeps/{cards}: slowest frame {slowest:.2} ms (frame {} of {frames}, median of {SWEEPS} sweeps, each from a freshly opened diagram); p90 {p90:.2} ms; slowest single frame {single:.2} ms",
        slowest_at + 1
    );
}

/// Frames of editing at 100% and fitted: hover, a keystroke, dragging every card, dragging one (curved and right-angled arrows).
fn editing_frames(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ctx: &Context,
    app: &mut EditorApp,
    cards: usize,
) {
    // At 100%, the pointer moving over cards.
    app.canvas.camera = cmoc_canvas::app::canvas::Camera::default();
    big_frame(ctx, app, Vec::new());
    let mut x = 0.0f32;
    group.bench_function(BenchmarkId::new("hover", cards), |b| {
        b.iter(|| {
            x = (x + 37.0) % 1200.0;
            let events = vec![egui::Event::PointerMoved(pos2(100.0 + x, 400.0))];
            black_box(big_frame(ctx, app, events))
        });
    });

    // One keystroke into one card (at 100%), as the in-place editor and inspector apply it.
    let id = app
        .editor
        .doc()
        .cmoc_cards()
        .next()
        .map(|(n, _)| n.id)
        .expect("a card");
    app.editor.selection.set_node(id);
    big_frame(ctx, app, Vec::new());
    group.bench_function(BenchmarkId::new("keystroke", cards), |b| {
        b.iter(|| {
            let mut node = app.editor.doc().node(id).cloned().expect("card");
            if let NodeContent::Cmoc(card) = &mut node.content {
                if card.context.len() > 400 {
                    card.context.clear();
                }
                card.context.push('x');
            }
            app.editor.apply_merging(
                Edit::ReplaceNode { node },
                "Edit context",
                MergeKey::node(id, "context"),
            );
            black_box(big_frame(ctx, app, Vec::new()))
        });
    });

    // A drag frame moving every card (all selected), fitted to view.
    app.canvas.fit_pending = true;
    let all: Vec<(NodeId, Point)> = app
        .editor
        .doc()
        .nodes()
        .map(|n| (n.id, n.position))
        .collect();
    app.editor.selection.nodes = all.iter().map(|(id, _)| *id).collect();
    big_frame(ctx, app, Vec::new());
    app.editor.begin_gesture("Move");
    let mut step = 0.0f32;
    group.bench_function(BenchmarkId::new("drag all", cards), |b| {
        b.iter(|| {
            step = (step + 3.0) % 300.0;
            let moves = all
                .iter()
                .map(|(id, p)| (*id, p.offset(step, 0.0)))
                .collect();
            app.editor.apply(Edit::MoveNodes { moves }, "Move");
            black_box(big_frame(ctx, app, Vec::new()))
        });
    });
    app.editor.commit_gesture();
    app.editor.selection.clear();

    // A drag frame moving one card among all the others, fitted: its arrows and those
    // passing where it was or went are routed again round the cards near them. Then the
    // same with right-angled arrows: every arrow an elbow, checked against the cards in
    // its way.
    let (one, at) = all[all.len() / 2];
    let mut wiggle = 0.0f32;
    for (name, style) in [
        ("drag one", cmoc_canvas::model::ArrowStyle::Curved),
        (
            "drag one, right-angled arrows",
            cmoc_canvas::model::ArrowStyle::Orthogonal,
        ),
    ] {
        if app.editor.doc().metadata().arrows != style {
            let mut metadata = app.editor.doc().metadata().clone();
            metadata.arrows = style;
            app.editor.apply(
                Edit::SetMetadata {
                    metadata: Box::new(metadata),
                },
                "Arrow style",
            );
            big_frame(ctx, app, Vec::new());
        }
        app.editor.selection.set_node(one);
        app.editor.begin_gesture("Move");
        group.bench_function(BenchmarkId::new(name, cards), |b| {
            b.iter(|| {
                wiggle = (wiggle + 7.0) % 420.0;
                let moves = vec![(one, at.offset(wiggle - 210.0, (wiggle * 0.5) - 105.0))];
                app.editor.apply(Edit::MoveNodes { moves }, "Move");
                black_box(big_frame(ctx, app, Vec::new()))
            });
        });
        app.editor.commit_gesture();
        app.editor.selection.clear();
    }
    app.editor.undo();
}

/// Presenting: frames of step transitions; prints the 90th percentile.
fn present_frames(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ctx: &Context,
    app: &mut EditorApp,
    cards: usize,
) {
    // Presenting: frames of a step transition (the camera gliding to the next card, the
    // rest veiled). A key every eighth frame starts the next glide.
    app.stage().start_presenting();
    big_frame(ctx, app, Vec::new());
    let mut frame_no = 0usize;
    timed_frames(group, "present step", cards, ctx, app, |_| {
        frame_no += 1;
        if frame_no.is_multiple_of(8) {
            vec![egui::Event::Key {
                key: egui::Key::ArrowRight,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            }]
        } else {
            Vec::new()
        }
    });
    app.stage().stop_presenting();
}

/// Switching a scenario on and off, fitted.
fn scenario_frames(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ctx: &Context,
    app: &mut EditorApp,
    cards: usize,
) {
    // Switching the "what if" scenario on and off, fitted: each switch works the scenario
    // out again over every node and veils or hatches what is on screen. A third of the
    // cards set not active, a third partly active by hand (the synthetic diagram has no
    // IF-conditions), so every frame with the scenario draws its marks.
    let mut scenario = cmoc_canvas::model::Scenario {
        name: "bench".into(),
        ..Default::default()
    };
    for (i, node) in app.editor.doc().nodes().enumerate() {
        let activation = match i % 3 {
            0 => cmoc_canvas::model::Activation::NotActivated,
            1 => cmoc_canvas::model::Activation::Partly,
            _ => continue,
        };
        scenario.overrides.insert(node.id, activation);
    }
    app.editor.apply(
        Edit::SetScenarios {
            scenarios: vec![scenario],
        },
        "Add a scenario",
    );
    app.canvas.fit_pending = true;
    for _ in 0..3 {
        big_frame(ctx, app, Vec::new());
    }
    let mut on = false;
    group.bench_function(BenchmarkId::new("scenario switch", cards), |b| {
        b.iter(|| {
            on = !on;
            app.canvas.scenario = on.then_some(0);
            black_box(big_frame(ctx, app, Vec::new()))
        });
    });
    app.canvas.scenario = None;
}

criterion_group!(benches, bench_frames, bench_interaction);
criterion_main!(benches);
