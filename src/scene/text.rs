//! Line breaking with the canvas's own font (epaint's layout at one pixel per point), so the
//! scene decides where every line breaks and the canvas, the SVG and the PNG agree.

use super::draw::{Prim, TextRole, TextRun};
use ecolor::Color32;
use emath::{Pos2, Vec2, vec2};
use epaint::text::{FontDefinitions, Fonts, TextOptions};

/// One laid-out line: its text and offset from the block's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub struct LaidLine {
    /// The text of the line (without the break).
    pub text: String,
    /// Offset of the line's top-left corner within the block.
    pub offset: Vec2,
    /// The line's height.
    pub height: f32,
}

/// A block of text broken into lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaidText {
    /// The lines.
    pub lines: Vec<LaidLine>,
    /// Size of the whole block.
    pub size: Vec2,
}

impl LaidText {
    /// The lines as text runs at `top_left`, keeping only lines whose bottom lies above
    /// `max_y` (text that does not fit its node is not drawn half-way).
    pub fn runs(
        &self,
        top_left: Pos2,
        font_size: f32,
        colour: Color32,
        emphasis: bool,
        role: TextRole,
        max_y: f32,
    ) -> impl Iterator<Item = Prim> + '_ {
        self.lines
            .iter()
            .filter(move |line| {
                !line.text.trim().is_empty() && top_left.y + line.offset.y + line.height <= max_y
            })
            .map(move |line| {
                Prim::Text(TextRun {
                    pos: top_left + line.offset,
                    text: line.text.clone(),
                    size: font_size,
                    colour,
                    emphasis,
                    role,
                    screen_size: false,
                })
            })
    }
}

/// Texts longer than this are cut before layout: a 10 MB field must not stall a frame. The
/// document keeps the whole text; only the drawing is shortened.
pub const MAX_LAID_OUT_CHARS: usize = 20_000;

/// Measures and breaks text as the canvas draws it.
pub struct TextMeasure {
    fonts: Fonts,
}

impl Default for TextMeasure {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for TextMeasure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TextMeasure")
    }
}

impl TextMeasure {
    /// A measurer with egui's default proportional font.
    pub fn new() -> Self {
        Self {
            fonts: Fonts::new(TextOptions::default(), FontDefinitions::default()),
        }
    }

    /// Lets the font atlas drop glyph bitmaps when it fills up (call now and then; the
    /// scene does at every update).
    pub fn tidy(&mut self) {
        self.fonts
            .begin_pass(TextOptions::default(), epaint::text::ViewportKey::default());
    }

    /// `text` at `font_size`, broken to fit `width`.
    pub fn layout(&mut self, text: &str, font_size: f32, width: f32) -> LaidText {
        let text = match text.char_indices().nth(MAX_LAID_OUT_CHARS) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text.to_string(),
        };
        let font_size = if font_size.is_finite() {
            font_size.clamp(0.5, 2048.0)
        } else {
            1.0
        };
        let width = if width.is_finite() {
            width.max(1.0)
        } else {
            f32::INFINITY
        };
        // Not cached: the scene keeps what it lays out (per node), and egui's cache would
        // keep every text ever laid out, as nothing here ends egui "passes".
        let job = epaint::text::LayoutJob::simple(
            text,
            epaint::FontId::proportional(font_size),
            Color32::BLACK,
            width,
        );
        let galley = self.fonts.layout_uncached_for_viewport(
            1.0,
            epaint::text::ViewportKey::default(),
            std::sync::Arc::new(job),
        );
        let lines = galley
            .rows
            .iter()
            .map(|row| LaidLine {
                text: row.row.text(),
                offset: row.pos.to_vec2(),
                height: row.row.size.y,
            })
            .collect();
        LaidText {
            lines,
            size: galley.size(),
        }
    }

    /// The width and height of one line of `text`.
    pub fn line_size(&mut self, text: &str, font_size: f32) -> Vec2 {
        let laid = self.layout(text, font_size, f32::INFINITY);
        vec2(laid.size.x, laid.size.y.max(font_size))
    }
}
