//! Figures as PDF: the walk of the figure (the same scene primitives the SVG back end writes)
//! drawn with krilla, vector throughout, the canvas font embedded (subset) so the text can be
//! selected, searched and extracted. One page, sized to the figure (1 diagram unit = 1 pt).

use super::figure::{FigureError, FigureLayout, FigureOptions, FigureSink};
use crate::model::Document;
use crate::scene::style::{BASELINE, EMPHASIS_STROKE};
use crate::scene::{Corners, Line, Prim};
use ecolor::Color32;
use emath::{Pos2, Rect, Vec2};
use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};

/// Draws the walk onto a krilla surface.
struct PdfSink<'s, 'p> {
    surface: &'s mut krilla::surface::Surface<'p>,
    font: Font,
    /// System fonts for the scripts the canvas font lacks, each with what krilla makes of it.
    fallbacks: Vec<(crate::scene::fonts::FallbackFace, Option<Font>)>,
    measure: crate::scene::text::TextMeasure,
}

impl PdfSink<'_, '_> {
    /// The font a line is drawn with: the canvas font when it has every character, else the
    /// first system font that has them all, else the one that has the most (what none has
    /// is reported before the export, see `figure_text_report`).
    fn font_for(&self, text: &str) -> Font {
        let needs: Vec<char> = text
            .chars()
            .filter(|c| !crate::scene::fonts::built_in_draws(*c))
            .collect();
        if needs.is_empty() {
            return self.font.clone();
        }
        let mut best: Option<(usize, &Font)> = None;
        for (face, font) in &self.fallbacks {
            let Some(font) = font else { continue };
            let drawn = text
                .chars()
                .filter(|c| c.is_whitespace() || face.has(*c))
                .count();
            if drawn == text.chars().count() {
                return font.clone();
            }
            if best.is_none_or(|(most, _)| drawn > most) {
                best = Some((drawn, font));
            }
        }
        best.map_or_else(|| self.font.clone(), |(_, font)| font.clone())
    }
}

/// A colour as krilla paints it, and its opacity; `None` when fully transparent.
fn paint(colour: Color32) -> Option<(rgb::Color, NormalizedF32)> {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    (a > 0).then(|| {
        (
            rgb::Color::new(r, g, b),
            NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
        )
    })
}

fn fill_of(colour: Color32) -> Option<Fill> {
    paint(colour).map(|(c, opacity)| Fill {
        paint: c.into(),
        opacity,
        ..Fill::default()
    })
}

fn stroke_of(line: &Line) -> Option<Stroke> {
    if !(line.width.is_finite() && line.width > 0.0) {
        return None;
    }
    paint(line.colour).map(|(c, opacity)| Stroke {
        paint: c.into(),
        width: line.width,
        opacity,
        dash: line.dash.map(|d| StrokeDash {
            array: vec![d.on.max(0.01), d.off.max(0.01)],
            offset: 0.0,
        }),
        ..Stroke::default()
    })
}

/// A rectangle with its own radius at each corner (top-left, top-right, bottom-right,
/// bottom-left), as a path of lines and quarter-circle curves.
fn rounded(rect: Rect, corners: Corners) -> Option<Path> {
    const K: f32 = 0.552_284_8; // control-point distance of a quarter circle
    let max = rect.width().min(rect.height()) / 2.0;
    let [tl, tr, br, bl] = corners.0.map(|r| r.clamp(0.0, max.max(0.0)));
    let (x0, y0, x1, y1) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    let mut pb = PathBuilder::new();
    pb.move_to(x0 + tl, y0);
    pb.line_to(x1 - tr, y0);
    pb.cubic_to(x1 - tr + tr * K, y0, x1, y0 + tr - tr * K, x1, y0 + tr);
    pb.line_to(x1, y1 - br);
    pb.cubic_to(x1, y1 - br + br * K, x1 - br + br * K, y1, x1 - br, y1);
    pb.line_to(x0 + bl, y1);
    pb.cubic_to(x0 + bl - bl * K, y1, x0, y1 - bl + bl * K, x0, y1 - bl);
    pb.line_to(x0, y0 + tl);
    pb.cubic_to(x0, y0 + tl - tl * K, x0 + tl - tl * K, y0, x0 + tl, y0);
    pb.close();
    pb.finish()
}

fn polyline(points: &[Pos2], closed: bool) -> Option<Path> {
    let (first, rest) = points.split_first()?;
    let mut pb = PathBuilder::new();
    pb.move_to(first.x, first.y);
    for p in rest {
        pb.line_to(p.x, p.y);
    }
    if closed {
        pb.close();
    }
    pb.finish()
}

fn circle(centre: Pos2, r: f32) -> Option<Path> {
    rounded(
        Rect::from_center_size(centre, Vec2::splat(2.0 * r)),
        Corners::all(r),
    )
}

/// Only finite coordinates reach the PDF (a degenerate shape is left out, never written as
/// "NaN", which readers reject).
fn finite(points: &[Pos2]) -> bool {
    points.iter().all(|p| p.x.is_finite() && p.y.is_finite())
}

impl PdfSink<'_, '_> {
    fn draw(&mut self, path: Option<Path>, fill: Option<Fill>, stroke: Option<Stroke>) {
        let Some(path) = path else { return };
        if fill.is_none() && stroke.is_none() {
            return;
        }
        self.surface.set_fill(fill);
        self.surface.set_stroke(stroke);
        self.surface.draw_path(&path);
    }

    fn text(&mut self, at: Pos2, size: f32, colour: Color32, text: &str, emphasis: bool) {
        let Some(fill) = fill_of(colour) else { return };
        // As in the SVG: characters no figure holds are left out (and reported to the user).
        let kept: String = text
            .chars()
            .filter(|c| super::unwritable::is_xml_char(*c))
            .collect();
        let text = kept.as_str();
        if !(size.is_finite() && size > 0.0 && finite(&[at])) || text.trim().is_empty() {
            return;
        }
        let font = self.font_for(text);
        self.surface.set_fill(Some(fill));
        self.surface.set_stroke(None);
        let baseline = Point::from_xy(at.x, at.y + size * BASELINE);
        self.surface.draw_text(
            baseline,
            font.clone(),
            size,
            text,
            false,
            TextDirection::Auto,
        );
        if emphasis {
            // The font has one weight: a second pass a hair to the right, as the SVG strokes it.
            let nudge = Point::from_xy(at.x + EMPHASIS_STROKE, at.y + size * BASELINE);
            self.surface
                .draw_text(nudge, font.clone(), size, text, false, TextDirection::Auto);
        }
    }
}

impl FigureSink for PdfSink<'_, '_> {
    fn open(&mut self, _tag: String) -> std::io::Result<()> {
        Ok(())
    }

    fn close(&mut self) -> std::io::Result<()> {
        Ok(())
    }

    fn prim(&mut self, prim: &Prim, offset: Vec2, _class: Option<&str>) -> std::io::Result<()> {
        match prim {
            Prim::Rect {
                rect,
                corners,
                fill,
                line,
            } => {
                let r = rect.translate(offset);
                if !finite(&[r.min, r.max]) || r.width() < 0.0 || r.height() < 0.0 {
                    return Ok(());
                }
                self.draw(rounded(r, *corners), fill_of(*fill), None);
                // The scene's borders lie inside the rectangle; PDF strokes are centred.
                if let Some(line) = line {
                    let inset = line.width / 2.0;
                    let inner = r.shrink(inset);
                    let radii = Corners(corners.0.map(|c| (c - inset).max(0.0)));
                    self.draw(rounded(inner, radii), None, stroke_of(line));
                }
            }
            Prim::Polygon { points, fill, line } => {
                let moved: Vec<Pos2> = points.iter().map(|p| *p + offset).collect();
                if finite(&moved) {
                    self.draw(
                        polyline(&moved, true),
                        fill_of(*fill),
                        line.as_ref().and_then(stroke_of),
                    );
                }
            }
            Prim::Curve { points, line } => {
                let [a, b, c, d] = points.map(|p| p + offset);
                if finite(&[a, b, c, d]) {
                    let mut pb = PathBuilder::new();
                    pb.move_to(a.x, a.y);
                    pb.cubic_to(b.x, b.y, c.x, c.y, d.x, d.y);
                    self.draw(pb.finish(), None, stroke_of(line));
                }
            }
            Prim::Segment { from, to, line } => {
                let (a, b) = (*from + offset, *to + offset);
                if finite(&[a, b]) {
                    self.draw(polyline(&[a, b], false), None, stroke_of(line));
                }
            }
            Prim::Text(run) => {
                self.text(
                    run.pos + offset,
                    run.size,
                    run.colour,
                    &run.text,
                    run.emphasis,
                );
            }
            Prim::Counter {
                centre,
                radius_px,
                fill,
                ring,
                text,
                font_px,
                text_colour,
            } => {
                let c = *centre + offset;
                if finite(&[c]) {
                    self.draw(circle(c, *radius_px), fill_of(*fill), stroke_of(ring));
                    let width = self.measure.line_size(text, *font_px).x;
                    self.text(
                        Pos2::new(c.x - width / 2.0, c.y - font_px / 2.0),
                        *font_px,
                        *text_colour,
                        text,
                        false,
                    );
                }
            }
        }
        Ok(())
    }
}

/// The figure as a one-page PDF, the page the size of the figure.
pub fn figure_pdf(doc: &Document, options: &FigureOptions) -> Result<Vec<u8>, FigureError> {
    let mut layout = FigureLayout::new(doc, options)?;
    let frame = layout.frame;
    let font = Font::new(epaint_default_fonts::UBUNTU_LIGHT.into(), 0)
        .ok_or_else(|| FigureError::Render("the canvas font could not be read".into()))?;
    let settings = krilla::page::PageSettings::from_wh(frame.width(), frame.height())
        .ok_or_else(|| FigureError::Render("the figure has no size".into()))?;
    let mut document = krilla::Document::new();
    let title = layout.title().to_string();
    if !title.trim().is_empty() {
        document.set_metadata(
            krilla::metadata::Metadata::new()
                .title(title)
                .creator("CMOC Canvas".into()),
        );
    }
    {
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface.push_transform(&Transform::from_translate(-frame.min.x, -frame.min.y));
        let mut sink = PdfSink {
            surface: &mut surface,
            font,
            fallbacks: layout
                .fallbacks
                .iter()
                .map(|face| {
                    let data: krilla::Data = std::sync::Arc::clone(&face.data).into();
                    (face.clone(), Font::new(data, face.index))
                })
                .collect(),
            measure: crate::scene::text::TextMeasure::new(),
        };
        layout
            .walk(&mut sink)
            .map_err(|e| FigureError::Render(e.to_string()))?;
        surface.pop();
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| FigureError::Render(format!("{e:?}")))
}
