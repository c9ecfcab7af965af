//! Peak heap memory of the editor with 5,000 cards: the document, its undo history, the scene
//! with every card laid out, the canvas's painted frame, and egui's own state, after frames at
//! every zoom level and a drag of every card. Measured with a counting allocator (the GPU
//! driver's memory is not in it). Run: `cargo bench --bench memory`.
//! Target: at most 60 MiB.
//!
//! Written by hand: it is twenty lines, and the crates that do this pull in more than they add.

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::app::dialogs::ScriptedDialogs;
use cmoc_canvas::edit::{Edit, synthetic_diagram};
use cmoc_canvas::session::{Editor, Origin};
use egui::{Context, RawInput, Rect, pos2, vec2};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged and only counts the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn frame(ctx: &Context, app: &mut EditorApp) {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0))),
        ..RawInput::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.ui(ui));
    output.textures_delta.clear();
    let _ = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
}

fn main() {
    let cards = 5_000;
    let ctx = Context::default();
    let mut app = EditorApp::start(None, None, Box::new(ScriptedDialogs::default()));
    app.editor = Editor::new(synthetic_diagram(cards), Origin::Untitled);
    app.canvas.reset_for_new_document();
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    let stage = |what: &str| {
        println!(
            "  {what}: {:.1} MiB in use",
            mib(NOW.load(Ordering::Relaxed))
        )
    };
    stage("document loaded");
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    stage("fitted");
    // Every level of detail, then every card laid out in full at 100% by panning over them.
    for zoom in [0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.6, 1.0] {
        app.canvas.camera.zoom = zoom;
        frame(&ctx, &mut app);
    }
    let bounds = app.editor.doc().bounds().map(|b| (b.max.x, b.max.y));
    if let Some((w, h)) = bounds {
        let mut y = 0.0;
        while y < h {
            let mut x = 0.0;
            while x < w {
                app.canvas.camera.offset = vec2(-x, -y);
                frame(&ctx, &mut app);
                x += 1200.0;
            }
            y += 900.0;
        }
    }
    stage("every card drawn at every level of detail");
    // A drag of every card.
    app.canvas.fit_pending = true;
    let all: Vec<_> = app
        .editor
        .doc()
        .nodes()
        .map(|n| (n.id, n.position))
        .collect();
    app.editor.selection.nodes = all.iter().map(|(id, _)| *id).collect();
    app.editor.begin_gesture("Move");
    for step in 0..30 {
        let moves = all
            .iter()
            .map(|(id, p)| (*id, p.offset(step as f32 * 3.0, 0.0)))
            .collect();
        app.editor.apply(Edit::MoveNodes { moves }, "Move");
        frame(&ctx, &mut app);
    }
    app.editor.commit_gesture();
    frame(&ctx, &mut app);
    stage("after a drag of every card");
    let peak = mib(PEAK.load(Ordering::Relaxed));
    println!(
        "memory/{cards} cards: peak heap {peak:.1} MiB, after {:.1} MiB (target: peak at most {TARGET_MIB} MiB)",
        mib(NOW.load(Ordering::Relaxed))
    );
    // Run by the test command too (`cargo test --all-targets`), so a change that makes the
    // editor hold on to much more memory fails there.
    if peak > TARGET_MIB {
        eprintln!("memory: peak heap {peak:.1} MiB is over the {TARGET_MIB} MiB target");
        std::process::exit(1);
    }
}

/// The most heap the editor may use with 5,000 cards.
const TARGET_MIB: f64 = 60.0;
