//! One editor frame, run headless and tessellated as the window would: shared by the benches
//! that measure frames.

use cmoc_canvas::app::EditorApp;
use egui::{Context, RawInput, Rect, pos2, vec2};

/// Runs one frame of `app` in a window of `width` × `height` and tessellates it; the number of
/// meshes (so the work cannot be optimised away).
pub fn frame_of(ctx: &Context, app: &mut EditorApp, width: f32, height: f32) -> usize {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(width, height))),
        ..RawInput::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.ui(ui));
    output.textures_delta.clear();
    ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point)
        .len()
}
