//! The room joining from their phones: how soon a step reaches every phone, and what the room
//! costs the editor's frame. Targets: step updates reach every phone within 1 s (p99) with 200
//! phones following 20 steps, each reacting and commenting; the presenting frame rises at most
//! 0.5 ms with joining on and 200 phones connected.
//! Run: `cargo bench --bench room` (the load figures print first, then criterion's frames).

#[path = "common/frame.rs"]
mod frame_common;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../tests/room/load.rs"]
mod load;

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::app::dialogs::ScriptedDialogs;
use cmoc_canvas::session::Action;
use criterion::{BenchmarkId, Criterion};
use egui::Context;
use std::hint::black_box;

fn frame(ctx: &Context, app: &mut EditorApp) -> usize {
    frame_common::frame_of(ctx, app, 1920.0, 1080.0)
}

/// 200 phones, 20 steps: the delays, and that nothing was lost or doubled.
fn load() {
    let outcome = load::run(200, 20);
    let lost = outcome.reactions_sent != outcome.reactions_kept
        || outcome.comments_sent != outcome.comments_kept
        || outcome.comments_doubled > 0
        || outcome.steps_missed > 0;
    println!(
        "room/load: {} phones x {} steps: step to every phone p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms (target p99 <= 1000 ms); {} reactions, {} comments taken{}",
        outcome.phones,
        outcome.steps,
        outcome.percentile(0.5).as_secs_f64() * 1e3,
        outcome.percentile(0.99).as_secs_f64() * 1e3,
        outcome.percentile(1.0).as_secs_f64() * 1e3,
        outcome.reactions_kept,
        outcome.comments_kept,
        if lost {
            " — SOMETHING LOST OR DOUBLED"
        } else {
            ", none lost or doubled"
        }
    );
    assert!(!lost, "the load lost or doubled something");
}

/// The presenting frame of the example at 1920x1080 on a card, with joining off, and on with
/// 200 phones connected.
fn bench_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("room_frame");
    group.sample_size(40);
    for joining in [false, true] {
        let ctx = Context::default();
        let mut app = EditorApp::start(None, None, Box::new(ScriptedDialogs::default()));
        frame(&ctx, &mut app);
        app.perform(Action::Present);
        let mut phones = Vec::new();
        if joining {
            app.perform(Action::JoinFromPhones);
            if let Some(room) = app.room.as_ref() {
                phones = load::idle_phones(room.port(), room.code(), 200);
            }
            assert_eq!(phones.len(), 200, "200 phones joined");
        }
        for _ in 0..5 {
            frame(&ctx, &mut app);
        }
        // On a card (the first step after "How to read this"), the glide over.
        app.stage().go_to_step(1);
        std::thread::sleep(std::time::Duration::from_millis(700));
        for _ in 0..5 {
            frame(&ctx, &mut app);
        }
        let name = if joining { "200 phones" } else { "no room" };
        group.bench_function(BenchmarkId::new("presenting", name), |b| {
            b.iter(|| black_box(frame(&ctx, &mut app)));
        });
        drop(phones);
    }
    group.finish();
}

fn main() {
    load();
    let mut c = Criterion::default().configure_from_args();
    bench_frame(&mut c);
    c.final_summary();
}
