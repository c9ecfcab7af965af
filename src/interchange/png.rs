//! Exported figures as PNG pictures, rendered from the SVG by resvg with the canvas's font: no
//! window and no GPU needed.

use super::figure::{FONT_FAMILY, FigureError, FigureLayout, FigureOptions};
use crate::model::Document;

/// The largest PNG side this renders, in pixels.
pub const MAX_PNG_SIDE: u32 = 16_384;
/// The most pixels a PNG may have (4 bytes each while rendering: 256 MB).
pub const MAX_PNG_PIXELS: u64 = 64 * 1024 * 1024;

/// The pixel size of the PNG of a figure `frame_size` units large at `scale`, or why it
/// cannot be rendered.
fn png_size(width: f32, height: f32, scale: f32) -> Result<(u32, u32), FigureError> {
    let side = |v: f32| {
        let px = (v.round() * scale).ceil();
        if px.is_finite() && px >= 0.0 {
            px.min(u32::MAX as f32) as u32
        } else {
            u32::MAX
        }
    };
    let (w, h) = (side(width), side(height));
    let too_large = w > MAX_PNG_SIDE
        || h > MAX_PNG_SIDE
        || u64::from(w) * u64::from(h) > MAX_PNG_PIXELS
        || w == 0
        || h == 0;
    if too_large {
        // The largest scale (in hundredths) at which it would fit, if a useful one does.
        let area = f64::from(width.round().max(1.0)) * f64::from(height.round().max(1.0));
        let by_side = f64::from(MAX_PNG_SIDE) / f64::from(width.max(height).round().max(1.0));
        let by_area = (MAX_PNG_PIXELS as f64 / area).sqrt();
        let fits = (by_side.min(by_area) * 100.0).floor() / 100.0;
        let suggestion = if fits >= 0.25 && width.is_finite() && height.is_finite() {
            format!(
                "At scale {fits} it would fit (--scale {fits} on the command line); or export a selection, or export SVG, which has no size limit."
            )
        } else {
            "Export a selection, or export SVG, which has no size limit.".to_string()
        };
        return Err(FigureError::TooLarge {
            width: w,
            height: h,
            suggestion,
        });
    }
    Ok((w, h))
}

/// Renders the figure to PNG bytes at `scale` (1, 2, 4 …) with the same font the canvas uses.
pub fn figure_png(
    doc: &Document,
    options: &FigureOptions,
    scale: f32,
) -> Result<Vec<u8>, FigureError> {
    figure_pixmap(doc, options, scale)?
        .encode_png()
        .map_err(|e| FigureError::Render(e.to_string()))
}

/// The figure as pixels (width, height, RGBA not premultiplied), for the clipboard.
pub fn figure_rgba(
    doc: &Document,
    options: &FigureOptions,
    scale: f32,
) -> Result<(u32, u32, Vec<u8>), FigureError> {
    let pixmap = figure_pixmap(doc, options, scale)?;
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for p in pixmap.pixels() {
        let c = p.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    Ok((pixmap.width(), pixmap.height(), rgba))
}

fn figure_pixmap(
    doc: &Document,
    options: &FigureOptions,
    scale: f32,
) -> Result<resvg::tiny_skia::Pixmap, FigureError> {
    let scale = if scale.is_finite() {
        scale.clamp(0.1, 16.0)
    } else {
        1.0
    };
    let mut layout = FigureLayout::new(
        doc,
        &FigureOptions {
            embed_font: false,
            ..options.clone()
        },
    )?;
    // Refused before any work when too large.
    png_size(layout.frame.width(), layout.frame.height(), scale)?;
    let mut bytes = Vec::new();
    layout
        .write_svg(&mut bytes)
        .map_err(|e| FigureError::Render(e.to_string()))?;
    let svg = String::from_utf8(bytes).map_err(|e| FigureError::Render(e.to_string()))?;
    let mut fontdb = resvg::usvg::fontdb::Database::new();
    fontdb.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    let fallback = fontdb
        .faces()
        .next()
        .map(|f| f.families[0].0.clone())
        .unwrap_or_default();
    fontdb.set_sans_serif_family(fallback.clone());
    // The system fonts that draw the scripts the canvas font lacks; resvg falls back to them
    // character by character.
    for face in &layout.fallbacks {
        fontdb.load_font_data((*face.data).as_ref().to_vec());
    }
    let svg = svg.replacen(&format!("'{FONT_FAMILY}', "), &format!("'{fallback}', "), 1);
    let usvg_options = resvg::usvg::Options {
        fontdb: std::sync::Arc::new(fontdb),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(&svg, &usvg_options)
        .map_err(|e| FigureError::Render(e.to_string()))?;
    let size = tree.size();
    let (width, height) = png_size(size.width(), size.height(), scale)?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).ok_or_else(|| {
        FigureError::Render(format!("no memory for a {width} × {height} picture"))
    })?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}
