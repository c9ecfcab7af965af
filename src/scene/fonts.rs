//! The fonts text is drawn with, everywhere: the canvas font (Ubuntu Light) first, then, for a character none of them has (Arabic, Hebrew, Chinese, Hindi…), a
//! font found among the system's fonts by the same provider eframe gives the window. The
//! scene measures with this chain, the canvas draws with it, and the figure writers (SVG,
//! PNG, PDF) name or embed the same faces, so a researcher gets their own words back in every
//! script their computer has a font for. What no font has is reported, never drawn as boxes
//! silently.

use egui_system_font_provider::SystemFontProvider;
use epaint::text::{FallbackRequest, FontFamily, FontProvider};
use skrifa::MetadataProvider as _;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The font data type egui hands around (a shared, immutable byte buffer).
pub type FontBytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A font from the system that draws characters the canvas font lacks.
#[derive(Clone)]
pub struct FallbackFace {
    /// Its family name, as a figure's `font-family` names it.
    pub family: String,
    /// The font file.
    pub data: FontBytes,
    /// The face within the file (collections hold several).
    pub index: u32,
}

impl std::fmt::Debug for FallbackFace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FallbackFace({}, {})", self.family, self.index)
    }
}

impl FallbackFace {
    /// Whether the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        has_glyph((*self.data).as_ref(), self.index, c)
    }
}

/// The one system font provider of the program: the system's fonts are listed once, on a
/// background thread, however many scenes and figures are made.
pub fn system_provider() -> Arc<SystemFontProvider> {
    static PROVIDER: OnceLock<Arc<SystemFontProvider>> = OnceLock::new();
    Arc::clone(PROVIDER.get_or_init(|| Arc::new(SystemFontProvider::new())))
}

/// The system fonts as a provider that lists them only when first asked for a character the
/// canvas font lacks: an all-Latin diagram (most of them) never pays for listing them.
#[derive(Debug, Default)]
pub struct LazySystemFonts;

impl FontProvider for LazySystemFonts {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<epaint::text::FontInsert> {
        system_provider().font_for(request)
    }
}

/// Whether the font in `data` (face `index`) has a glyph for `c`.
pub fn has_glyph(data: &[u8], index: u32, c: char) -> bool {
    skrifa::FontRef::from_index(data, index).is_ok_and(|font| font.charmap().map(c).is_some())
}

/// Whether the canvas font egui ships draws `c`, or `c` is one
/// that is never drawn (white space, line breaks, joiners and marks of direction).
pub fn built_in_draws(c: char) -> bool {
    static UBUNTU: OnceLock<Option<skrifa::FontRef<'static>>> = OnceLock::new();
    if c.is_ascii() {
        return true;
    }
    let canvas_font = UBUNTU
        .get_or_init(|| skrifa::FontRef::from_index(epaint_default_fonts::UBUNTU_LIGHT, 0).ok());
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{fe0e}' | '\u{fe0f}')
        || canvas_font
            .as_ref()
            .is_some_and(|font| font.charmap().map(c).is_some())
}

/// What the system's fonts offer for each character asked about so far (`None`: nothing).
fn known() -> &'static Mutex<HashMap<char, Option<usize>>> {
    static KNOWN: OnceLock<Mutex<HashMap<char, Option<usize>>>> = OnceLock::new();
    KNOWN.get_or_init(Default::default)
}

/// The system faces found so far, in the order they were found.
fn faces() -> &'static Mutex<Vec<FallbackFace>> {
    static FACES: OnceLock<Mutex<Vec<FallbackFace>>> = OnceLock::new();
    FACES.get_or_init(Default::default)
}

/// The system face that draws `c`, when the built-in fonts do not.
fn face_for(c: char) -> Option<FallbackFace> {
    if let Some(found) = known().lock().ok()?.get(&c).copied() {
        return found.and_then(|i| faces().lock().ok()?.get(i).cloned());
    }
    let mut buffer = [0u8; 4];
    let request = FallbackRequest {
        cluster: c.encode_utf8(&mut buffer),
        family: &FontFamily::Proportional,
    };
    let found = system_provider().font_for(&request).map(|insert| {
        // The provider names a font "system:FAMILY:…".
        let family = insert
            .name
            .split(':')
            .nth(1)
            .unwrap_or(&insert.name)
            .to_string();
        FallbackFace {
            family,
            data: insert.data.font,
            index: insert.data.index,
        }
    });
    let mut list = faces().lock().ok()?;
    let index = found.map(|face| {
        match list
            .iter()
            .position(|f| f.family == face.family && f.index == face.index)
        {
            Some(i) => i,
            None => {
                list.push(face);
                list.len() - 1
            }
        }
    });
    if let Ok(mut known) = known().lock() {
        known.insert(c, index);
    }
    index.and_then(|i| list.get(i).cloned())
}

/// The fonts the characters of `texts` need beyond the built-in ones, in the order first
/// needed, and the characters no font draws (each once, in the order met).
pub fn fallbacks_for<'a>(
    texts: impl IntoIterator<Item = &'a str>,
) -> (Vec<FallbackFace>, Vec<char>) {
    let mut needed: Vec<FallbackFace> = Vec::new();
    let mut missing: Vec<char> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for c in texts.into_iter().flat_map(str::chars) {
        if !seen.insert(c) || built_in_draws(c) {
            continue;
        }
        match face_for(c) {
            Some(face) => {
                if !needed
                    .iter()
                    .any(|f| f.family == face.family && f.index == face.index)
                {
                    needed.push(face);
                }
            }
            None => missing.push(c),
        }
    }
    (needed, missing)
}

/// True for a character written right to left (Hebrew, Arabic, Syriac, Thaana…).
pub fn is_right_to_left(c: char) -> bool {
    use unicode_bidi::BidiClass;
    matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Whether a paragraph reads right to left: its first strongly directed character does.
pub fn paragraph_is_right_to_left(text: &str) -> bool {
    use unicode_bidi::BidiClass;
    text.chars()
        .map(unicode_bidi::bidi_class)
        .find(|class| matches!(class, BidiClass::L | BidiClass::R | BidiClass::AL))
        .is_some_and(|class| class != BidiClass::L)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canvas_font_draws_latin_and_nothing_is_asked_of_the_system_for_it() {
        let (faces, missing) = fallbacks_for(["When patients feel heard — “holding”"]);
        assert!(
            faces.is_empty() && missing.is_empty(),
            "{faces:?} {missing:?}"
        );
    }

    #[test]
    fn directions() {
        assert!(is_right_to_left('\u{5d0}') && is_right_to_left('\u{627}'));
        assert!(!is_right_to_left('a'));
        assert!(paragraph_is_right_to_left("12 \u{5d0}\u{5d1} abc"));
        assert!(!paragraph_is_right_to_left("abc \u{5d0}"));
    }
}
