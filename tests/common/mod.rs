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
