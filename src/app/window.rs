//! Opening the editor's window.

use super::EditorApp;
use super::dialogs::NativeDialogs;
use super::settings::Settings;
use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the editor window, optionally with a file.
pub fn run_editor(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("CMOC Canvas")
            // The desktop entry's name (its StartupWMClass): the desktop shows our icon and
            // groups the window with the menu entry.
            .with_app_id("io.github.cmoc_canvas.CmocCanvas")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "CMOC Canvas",
        options,
        Box::new(move |cc| {
            // Light by default: it projects better; View → theme switches it.
            cc.egui_ctx.set_theme(egui::ThemePreference::Light);
            let mut app = EditorApp::start(file, Settings::default_path(), Box::new(NativeDialogs));
            // Diagrams opened while this window is open come here (see `crate::instance`).
            let ctx = cc.egui_ctx.clone();
            app.desk.instance = crate::instance::socket_path().and_then(|socket| {
                crate::instance::listen(&socket, Box::new(move || ctx.request_repaint()))
            });
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("CMOC Canvas could not open its window: {e}");
            ExitCode::FAILURE
        }
    }
}
