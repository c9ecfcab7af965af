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
    /// A line mixing right-to-left and left-to-right words, in the order the eye meets its
    /// pieces from the left (Unicode's bidirectional algorithm): each piece's text, in reading
    /// order, and its offset from the line's left edge. Empty when the line is one direction,
    /// drawn whole.
    pub pieces: Vec<(String, f32)>,
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
            .flat_map(move |line| {
                let whole = [(line.text.clone(), 0.0)];
                let pieces = if line.pieces.is_empty() {
                    &whole[..]
                } else {
                    &line.pieces[..]
                };
                pieces
                    .iter()
                    .filter(|(text, _)| !text.trim().is_empty())
                    .map(|(text, x)| {
                        Prim::Text(TextRun {
                            pos: top_left + line.offset + vec2(*x, 0.0),
                            text: text.clone(),
                            size: font_size,
                            colour,
                            emphasis,
                            role,
                            screen_size: false,
                        })
                    })
                    .collect::<Vec<_>>()
            })
    }
}

/// Texts longer than this are cut before layout: a 10 MB field must not stall a frame. The
/// document keeps the whole text; only the drawing is shortened.
pub const MAX_LAID_OUT_CHARS: usize = 20_000;

/// Measures and breaks text as the canvas draws it.
pub struct TextMeasure {
    fonts: Fonts,
    /// Single lines measured lately, by text and size: titles share most of their words,
    /// measured once each rather than once per card (shaping a word is most of its cost).
    line_sizes: rustc_hash::FxHashMap<u32, rustc_hash::FxHashMap<Box<str>, Vec2>>,
    /// How many lines `line_sizes` holds.
    measured: usize,
}

/// How many measured lines [`TextMeasure`] keeps before it starts again.
const MEASURED_LINES_KEPT: usize = 50_000;

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
    /// A measurer with egui's default proportional font, falling back to the system's fonts
    /// for other scripts as the canvas does.
    pub fn new() -> Self {
        let provider: std::sync::Arc<dyn epaint::text::FontProvider> =
            std::sync::Arc::new(super::fonts::LazySystemFonts);
        Self {
            fonts: Fonts::new(TextOptions::default(), FontDefinitions::default())
                .with_font_providers(vec![provider]),
            line_sizes: rustc_hash::FxHashMap::default(),
            measured: 0,
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
        if text.chars().any(super::fonts::is_right_to_left) {
            return self.layout_by_words(&text, font_size, width);
        }
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
        // Each row's text in logical (reading) order, taken from the laid-out text itself:
        // a row's glyphs are in visual order, right to left for Arabic or Hebrew, so reading
        // them back would reverse those words in every figure.
        // A row holds one glyph per character but for the line break that ends a paragraph,
        // which is skipped where the next row begins.
        let mut chars = galley.job.text.chars().peekable();
        let lines = galley
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                if i > 0 {
                    chars.next_if_eq(&'\n');
                }
                let text: String = chars.by_ref().take(row.row.glyphs.len()).collect();
                LaidLine {
                    text,
                    offset: row.pos.to_vec2(),
                    height: row.row.size.y,
                    pieces: Vec::new(),
                }
            })
            .collect();
        LaidText {
            lines,
            size: galley.size(),
        }
    }

    /// One line of `text`, not broken: its size.
    fn one_line(&mut self, text: &str, font_size: f32) -> Vec2 {
        let job = epaint::text::LayoutJob::simple(
            text.to_string(),
            epaint::FontId::proportional(font_size),
            Color32::BLACK,
            f32::INFINITY,
        );
        self.fonts
            .layout_uncached_for_viewport(
                1.0,
                epaint::text::ViewportKey::default(),
                std::sync::Arc::new(job),
            )
            .size()
    }

    /// Text with right-to-left words, broken into lines here in reading order: egui 0.37
    /// breaks such text in the order its glyphs are drawn (a right-to-left paragraph would
    /// start with its last words) and counts each of its characters twice. Each line is then
    /// drawn whole, so the shaper puts its words right to left; a right-to-left paragraph's
    /// lines are aligned to the right of `width`.
    fn layout_by_words(&mut self, text: &str, font_size: f32, width: f32) -> LaidText {
        let mut lines = Vec::new();
        let mut top = 0.0f32;
        let empty_height = self.one_line(" ", font_size).y;
        for paragraph in text.split('\n') {
            let right_to_left = super::fonts::paragraph_is_right_to_left(paragraph);
            // Each word is measured once and lines are filled by adding widths, so a long
            // paragraph costs one measurement a word, not one a word per line.
            let space = self.one_line("a a", font_size).x - self.one_line("aa", font_size).x;
            let mut broken: Vec<(String, Vec2)> = Vec::new();
            let mut current = String::new();
            let mut used = 0.0f32;
            for word in paragraph.split_inclusive(' ') {
                let word_width = self.one_line(word.trim_end(), font_size).x;
                let gap = if current.is_empty() { 0.0 } else { space };
                if current.is_empty() || used + gap + word_width <= width {
                    current.push_str(word);
                    used += gap + word_width;
                    continue;
                }
                let done = std::mem::replace(&mut current, word.to_string());
                used = word_width;
                broken.push((done, Vec2::ZERO));
            }
            broken.push((current, Vec2::ZERO));
            // A word wider than the line is cut where it fills the line.
            let mut fitted: Vec<(String, Vec2)> = Vec::new();
            for (line, _) in broken {
                let mut rest = line;
                loop {
                    let size = self.one_line(rest.trim_end(), font_size);
                    let count = rest.chars().count();
                    if size.x <= width || count < 2 {
                        fitted.push((rest, size));
                        break;
                    }
                    // Words measured apart can add up a little short of the line shaped
                    // whole: then its last word goes to the next line; a single word wider
                    // than the line is cut where it fills it.
                    let trimmed_len = rest.trim_end().len();
                    let cut = match rest[..trimmed_len].rfind(' ') {
                        Some(space) if space > 0 => space + 1,
                        _ => {
                            let fits = self.longest_prefix_within(&rest, font_size, width);
                            rest.char_indices()
                                .nth(fits.clamp(1, count - 1))
                                .map_or(rest.len(), |(i, _)| i)
                        }
                    };
                    let tail = rest.split_off(cut);
                    let size = self.one_line(&rest, font_size);
                    fitted.push((rest, size));
                    rest = tail;
                }
            }
            for (line, size) in fitted {
                let height = if size.y > 0.0 { size.y } else { empty_height };
                let x = if right_to_left && width.is_finite() {
                    (width - size.x).max(0.0)
                } else {
                    0.0
                };
                let mut laid = LaidLine {
                    text: String::new(),
                    offset: vec2(x, top),
                    height,
                    pieces: Vec::new(),
                };
                self.set_line_text(&mut laid, line.trim_end(), font_size, right_to_left);
                lines.push(laid);
                top += height;
            }
        }
        let widest = lines
            .iter()
            .map(|l| l.offset.x + self.one_line(&l.text, font_size).x)
            .fold(0.0f32, f32::max);
        LaidText {
            lines,
            size: vec2(widest, top),
        }
    }

    /// Sets a laid line's text and, if it mixes directions, its pieces in visual order
    /// (Unicode's bidirectional algorithm, UAX #9, with the paragraph's direction): in a
    /// right-to-left paragraph an English name or a number keeps its place among the Arabic or
    /// Hebrew words, and in an English paragraph a run of Hebrew words reads right to left.
    /// Each piece is one direction, which the shaper draws as it should.
    pub fn set_line_text(
        &mut self,
        line: &mut LaidLine,
        text: &str,
        font_size: f32,
        right_to_left: bool,
    ) {
        use unicode_bidi::{Level, ParagraphBidiInfo};
        line.text = text.to_string();
        line.pieces.clear();
        let needs_order = text.chars().any(|c| {
            super::fonts::is_right_to_left(c)
                || matches!(
                    unicode_bidi::bidi_class(c),
                    unicode_bidi::BidiClass::AN | unicode_bidi::BidiClass::EN
                )
        });
        if !needs_order {
            return;
        }
        let level = if right_to_left {
            Level::rtl()
        } else {
            Level::ltr()
        };
        let info = ParagraphBidiInfo::new(text, Some(level));
        let (_, runs) = info.visual_runs(0..text.len());
        if runs.len() < 2 {
            return;
        }
        let mut x = 0.0f32;
        for run in runs {
            let piece = &text[run];
            line.pieces.push((piece.to_string(), x));
            x += self.one_line(piece, font_size).x;
        }
    }

    /// How many characters from the start of `text` fit in `width` (at least none; found by
    /// halving, so a 20,000-character word costs a few dozen measurements).
    fn longest_prefix_within(&mut self, text: &str, font_size: f32, width: f32) -> usize {
        let ends: Vec<usize> = text.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
        let (mut fits, mut too_many) = (0usize, ends.len());
        while fits + 1 < too_many {
            let middle = usize::midpoint(fits, too_many);
            if self.one_line(&text[..ends[middle - 1]], font_size).x <= width {
                fits = middle;
            } else {
                too_many = middle;
            }
        }
        fits
    }

    /// The width and height of one line of `text`.
    pub fn line_size(&mut self, text: &str, font_size: f32) -> Vec2 {
        if let Some(size) = self
            .line_sizes
            .get(&font_size.to_bits())
            .and_then(|at| at.get(text))
        {
            return *size;
        }
        let laid = self.layout(text, font_size, f32::INFINITY);
        let size = vec2(laid.size.x, laid.size.y.max(font_size));
        if self.measured >= MEASURED_LINES_KEPT {
            self.line_sizes.clear();
            self.measured = 0;
        }
        self.line_sizes
            .entry(font_size.to_bits())
            .or_default()
            .insert(text.into(), size);
        self.measured += 1;
        size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_the_reading_order_of_right_to_left_text() {
        let mut measure = TextMeasure::new();
        let arabic = "\u{639}\u{646}\u{62f}\u{645}\u{627} \u{64a}\u{634}\u{639}\u{631} \u{627}\u{644}\u{645}\u{631}\u{636}\u{649} \u{628}\u{627}\u{644}\u{627}\u{647}\u{62a}\u{645}\u{627}\u{645}";
        let hebrew = "\u{5db}\u{5d0}\u{5e9}\u{5e8} \u{5d4}\u{5de}\u{5d8}\u{5d5}\u{5e4}\u{5dc}";
        for text in [
            arabic.to_string(),
            format!("{hebrew}\nsecond line"),
            format!("\n{hebrew}\n\nthird\n"),
            format!("mixed {arabic} and more words to wrap"),
        ] {
            for width in [f32::INFINITY, 60.0] {
                let laid = measure.layout(&text, 14.0, width);
                let words = |t: &str| t.split_whitespace().map(String::from).collect::<Vec<_>>();
                let joined: Vec<String> = laid.lines.iter().flat_map(|l| words(&l.text)).collect();
                assert_eq!(joined, words(&text), "at width {width}");
                for line in &laid.lines {
                    let width_of_line = measure.line_size(&line.text, 14.0).x;
                    assert!(
                        line.offset.x + width_of_line <= width + 0.5 || !line.text.contains(' '),
                        "{:?} runs past {width}",
                        line.text
                    );
                }
            }
        }
        // A right-to-left paragraph starts with its first words, on the right.
        let laid = measure.layout(arabic, 14.0, 80.0);
        assert!(laid.lines.len() > 1);
        assert!(laid.lines[0].text.starts_with('\u{639}'));
        assert!(laid.lines[0].offset.x > 0.0);
    }

    /// Pieces of a line from the left, as (text, x).
    fn pieces_of(laid: &LaidText) -> Vec<(String, f32)> {
        laid.lines.iter().flat_map(|l| l.pieces.clone()).collect()
    }

    #[test]
    fn a_line_mixing_directions_is_drawn_in_visual_order() {
        let mut measure = TextMeasure::new();
        let (shalom, olam) = (
            "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
            "\u{5e2}\u{5d5}\u{5dc}\u{5dd}",
        );
        // A Hebrew paragraph naming the NHS: the first Hebrew word is on the right, the
        // last on the left, and "NHS" between them reads left to right.
        let laid = measure.layout(&format!("{shalom} NHS {olam}"), 14.0, f32::INFINITY);
        let pieces = pieces_of(&laid);
        assert_eq!(pieces.len(), 3, "{pieces:?}");
        assert!(pieces[0].0.contains(olam) && pieces[2].0.contains(shalom));
        assert_eq!(pieces[1].0, "NHS");
        assert!(pieces[0].1 < pieces[1].1 && pieces[1].1 < pieces[2].1);
        // An English paragraph quoting two Hebrew words: they read right to left as one
        // piece, between the English words.
        let laid = measure.layout(&format!("see {shalom} {olam} now"), 14.0, f32::INFINITY);
        let pieces = pieces_of(&laid);
        let texts: Vec<&str> = pieces.iter().map(|(t, _)| t.trim()).collect();
        assert_eq!(texts, ["see", &format!("{shalom} {olam}"), "now"]);
        // A number in Arabic text stands left of the words before it.
        let arabic = "\u{639}\u{646}\u{62f}\u{645}\u{627}";
        let laid = measure.layout(&format!("{arabic} 12"), 14.0, f32::INFINITY);
        let texts: Vec<String> = pieces_of(&laid).into_iter().map(|(t, _)| t).collect();
        assert_eq!(texts.first().map(|t| t.trim()), Some("12"), "{texts:?}");
        // The pieces are what is drawn: one text run each, at its place.
        let runs: Vec<Prim> = laid
            .runs(
                Pos2::ZERO,
                14.0,
                Color32::BLACK,
                false,
                TextRole::Legend,
                f32::INFINITY,
            )
            .collect();
        assert_eq!(runs.len(), 2);
        // One direction only: drawn whole.
        let laid = measure.layout(&format!("{shalom} {olam}"), 14.0, f32::INFINITY);
        assert!(pieces_of(&laid).is_empty());
    }
}
