//! Exported figures as PNG pictures, rendered from the SVG by resvg with the canvas's font: no
//! window and no GPU needed.

use super::figure::{FONT_FAMILY, FigureError, FigureOptions, figure_svg};
use crate::model::Document;

/// The largest PNG side this renders, in pixels.
pub const MAX_PNG_SIDE: u32 = 16_384;

/// Renders the figure to PNG bytes at `scale` (1, 2, 4 …) with the same font the canvas uses.
pub fn figure_png(
    doc: &Document,
    options: &FigureOptions,
    scale: f32,
) -> Result<Vec<u8>, FigureError> {
    let svg = figure_svg(
        doc,
        &FigureOptions {
            embed_font: false,
            ..options.clone()
        },
    )?;
    let mut fontdb = resvg::usvg::fontdb::Database::new();
    fontdb.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    let fallback = fontdb
        .faces()
        .next()
        .map(|f| f.families[0].0.clone())
        .unwrap_or_default();
    fontdb.set_sans_serif_family(fallback.clone());
    let svg = svg.replacen(&format!("'{FONT_FAMILY}', "), &format!("'{fallback}', "), 1);
    let usvg_options = resvg::usvg::Options {
        fontdb: std::sync::Arc::new(fontdb),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(&svg, &usvg_options)
        .map_err(|e| FigureError::Render(e.to_string()))?;
    let size = tree.size();
    let scale = scale.clamp(0.1, 16.0);
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    if width > MAX_PNG_SIDE || height > MAX_PNG_SIDE || width == 0 || height == 0 {
        return Err(FigureError::TooLarge(width, height));
    }
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(width, height).ok_or(FigureError::TooLarge(width, height))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| FigureError::Render(e.to_string()))
}
