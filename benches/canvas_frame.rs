//! One whole editor frame, headless: egui runs the real app UI (menus, panels, canvas) over a
//! generated diagram, then tessellates the result, as a window would before painting.
//! Targets (median, this 2-core machine, fitted to view): 1,000 cards ≤ 2 ms, 5,000 ≤ 8 ms.
//! Views: the whole diagram fitted (plain boxes), 30% (titled boxes, ~100 on screen) and
//! 100% (full cards with C/M/O text), and 100% with the CMOC table open (one row per card).

use cmoc_canvas::app::dialogs::ScriptedDialogs;
use cmoc_canvas::app::{Editor, EditorApp, Origin};
use cmoc_canvas::edit::synthetic_diagram;
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

criterion_group!(benches, bench_frames);
criterion_main!(benches);
