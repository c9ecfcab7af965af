//! Helpers shared by the integration tests.
#![allow(dead_code)]

use cmoc_canvas::file::{HOLDING_EXAMPLE, load_str};
use cmoc_canvas::model::Document;

/// The built-in example, parsed.
pub fn holding() -> Document {
    load_str(HOLDING_EXAMPLE, "holding.ron")
        .expect("the shipped example opens")
        .document
}

/// The id of the open document's CMOC `number` of `polarity` (the example's cards).
pub fn cmoc(
    h: &egui_kittest::Harness<'_, cmoc_canvas::app::EditorApp>,
    number: u32,
    polarity: cmoc_canvas::model::Polarity,
) -> cmoc_canvas::model::NodeId {
    h.state()
        .editor
        .doc()
        .find_cmoc(number, polarity)
        .map(|n| n.id)
        .expect("the card is in the example")
}

/// The editor in a 1600×1000 test window, opened on the example as a first start would (its
/// settings in the returned temporary folder).
pub fn editor_harness() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, cmoc_canvas::app::EditorApp>,
) {
    editor_harness_sized(egui::vec2(1600.0, 1000.0))
}

/// The editor on the example in a test window of `size` (a 1366×768 laptop, say).
pub fn editor_harness_sized(
    size: egui::Vec2,
) -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, cmoc_canvas::app::EditorApp>,
) {
    use cmoc_canvas::app::EditorApp;
    let dir = tempfile::tempdir().expect("temp dir");
    let app = EditorApp::start(
        None,
        Some(dir.path().join("settings.ron")),
        Box::new(cmoc_canvas::app::dialogs::ScriptedDialogs::default()),
    );
    let mut h = egui_kittest::Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut EditorApp| app.ui(ui), app);
    h.run_steps(4);
    (dir, h)
}

/// Presses a key and lets the editor settle.
pub fn press(
    h: &mut egui_kittest::Harness<'_, cmoc_canvas::app::EditorApp>,
    modifiers: egui::Modifiers,
    key: egui::Key,
) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(3);
}

/// A harness that can also render what it shows (wgpu on the CPU, with Mesa's software
/// drivers), and whether it can: where no renderer can be made, the harness without one.
pub fn rendering_harness(
    size: egui::Vec2,
    app: cmoc_canvas::app::EditorApp,
) -> (
    egui_kittest::Harness<'static, cmoc_canvas::app::EditorApp>,
    bool,
) {
    let app = std::cell::RefCell::new(Some(app));
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let app = app.borrow_mut().take().expect("the app");
        egui_kittest::Harness::builder()
            .with_size(size)
            .wgpu()
            .build_ui_state(|ui, app: &mut cmoc_canvas::app::EditorApp| app.ui(ui), app)
    }));
    match made {
        Ok(h) => (h, true),
        Err(_) => {
            eprintln!("no renderer here (install mesa-vulkan-drivers): no picture kept");
            let dir = tempfile::tempdir().expect("temp dir");
            let app = app.borrow_mut().take().unwrap_or_else(|| {
                cmoc_canvas::app::EditorApp::start(
                    None,
                    Some(dir.path().join("settings.ron")),
                    Box::new(cmoc_canvas::app::dialogs::ScriptedDialogs::default()),
                )
            });
            let h = egui_kittest::Harness::builder()
                .with_size(size)
                .build_ui_state(|ui, app: &mut cmoc_canvas::app::EditorApp| app.ui(ui), app);
            (h, false)
        }
    }
}

/// Keeps a picture of what the harness shows in target/tmp/ for a look (as a reviewer would
/// open it), saying where; a picture that cannot be made is said, not a failure.
pub fn keep_picture(h: &mut egui_kittest::Harness<'_, cmoc_canvas::app::EditorApp>, name: &str) {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let image = match h.render() {
        Ok(image) => image,
        Err(why) => {
            eprintln!("could not render {name}: {why}");
            return;
        }
    };
    let (width, height) = image.dimensions();
    let pixmap = resvg::tiny_skia::IntSize::from_wh(width, height)
        .and_then(|size| resvg::tiny_skia::Pixmap::from_vec(image.into_raw(), size));
    match pixmap.map(|p| p.save_png(&path)) {
        Some(Ok(())) => eprintln!("kept {}", path.display()),
        other => eprintln!("could not keep {name}: {other:?}"),
    }
}
