//! Colours for every node kind, from the Okabe–Ito palette (safe for the common forms of colour
//! blindness), in a light and a dark variant. Shapes and dashes carry meaning too, so nothing
//! depends on colour alone — important on a washed-out projector.

use crate::model::NodeKind;
use ecolor::Color32;

const fn hex(rgb: u32) -> Color32 {
    Color32::from_rgb((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

/// The colours one theme uses for the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// True for the dark variant.
    pub dark: bool,
    /// The canvas behind everything.
    pub background: Color32,
    /// The dots of the background grid.
    pub grid_dot: Color32,
    /// Body text.
    pub text: Color32,
    /// Secondary text (descriptions, muted negative cards).
    pub muted_text: Color32,
    /// Arrows.
    pub edge: Color32,
    /// Arrows that prevent rather than lead to.
    pub prevents_edge: Color32,
    /// Background of arrow labels, so they stay readable over other lines.
    pub label_background: Color32,
    /// Selection outline and handles.
    pub selection: Color32,
    /// The badge with a count of open comments.
    pub comment_badge: Color32,
    /// The counters of workshop reactions: agrees, not sure, disagrees (white text on each).
    pub reaction: [Color32; 3],
    /// The compare view's marks: added, removed, changed, moved (each also a word and a line
    /// pattern, never colour alone); the canvas's background colour is the text on them.
    pub changes: [Color32; 4],
}

/// How one kind of node is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KindStyle {
    /// Inside of the node.
    pub fill: Color32,
    /// Border.
    pub stroke: Color32,
    /// The kind's accent colour (C / M / O tags on cards use their kind's accent).
    pub accent: Color32,
    /// Text on the accent colour.
    pub on_accent: Color32,
}

impl Palette {
    /// The light theme.
    pub const LIGHT: Palette = Palette {
        dark: false,
        background: hex(0xFAFAF7),
        grid_dot: hex(0xD9D9D4),
        text: hex(0x1D1D1F),
        muted_text: hex(0x55575C),
        edge: hex(0x4A4D52),
        prevents_edge: hex(0xC2571A),
        label_background: hex(0xFAFAF7),
        selection: hex(0x2F6FEB),
        comment_badge: hex(0xC2571A),
        reaction: [hex(0x00704F), hex(0x6B5B00), hex(0xA8321C)],
        changes: [hex(0x00704F), hex(0xA8321C), hex(0x7A4E00), hex(0x1F5B9E)],
    };

    /// The dark theme.
    pub const DARK: Palette = Palette {
        dark: true,
        background: hex(0x1B1C1E),
        grid_dot: hex(0x34363A),
        text: hex(0xECECEC),
        muted_text: hex(0xB4B6BA),
        edge: hex(0xB9BCC2),
        prevents_edge: hex(0xF08A4B),
        label_background: hex(0x1B1C1E),
        selection: hex(0x6EA4FF),
        comment_badge: hex(0xE0703A),
        reaction: [hex(0x00704F), hex(0x6B5B00), hex(0xA8321C)],
        changes: [hex(0x5FD39A), hex(0xFF8A78), hex(0xE8B84A), hex(0x86B6FF)],
    };

    /// The light or dark palette.
    pub fn for_dark_mode(dark: bool) -> Palette {
        if dark { Self::DARK } else { Self::LIGHT }
    }

    /// The style of a node kind. CMOC cards use [`Palette::card`].
    pub fn kind(&self, kind: NodeKind) -> KindStyle {
        let (accent, light_fill, dark_fill, on_accent) = match kind {
            NodeKind::Context => (0x56B4E9, 0xE3F2FB, 0x1D3A4D, 0x10222E),
            NodeKind::Mechanism => (0xE69F00, 0xFCEFD2, 0x4A3A12, 0x2A1E00),
            NodeKind::Outcome => (0x009E73, 0xD5EFE6, 0x0F3D31, 0xFFFFFF),
            NodeKind::Condition => (0xF0E442, 0xFBF7C9, 0x45421A, 0x2B2800),
            NodeKind::Theory => (0xCC79A7, 0xF5E3EE, 0x45263A, 0x2E0F20),
            NodeKind::Region => (0x8E949C, 0xF0F1F3, 0x25272A, 0xFFFFFF),
            NodeKind::Note => (0xD4C24A, 0xFFF4B3, 0x4A4423, 0x2B2500),
            NodeKind::Cmoc => (0x0072B2, 0xFFFFFF, 0x26313B, 0xFFFFFF),
        };
        let stroke = match (kind, self.dark) {
            (NodeKind::Condition, false) => hex(0x8F8500),
            (NodeKind::Context, false) => hex(0x2B83BA),
            (NodeKind::Mechanism, false) => hex(0xB87D00),
            (NodeKind::Outcome, false) => hex(0x007A59),
            (NodeKind::Theory, false) => hex(0xA0527F),
            (NodeKind::Region, false) => hex(0xB3B7BD),
            (NodeKind::Note, false) => hex(0xBFAE3A),
            (NodeKind::Region, true) => hex(0x4A4E54),
            _ => hex(accent),
        };
        KindStyle {
            fill: hex(if self.dark { dark_fill } else { light_fill }),
            stroke,
            accent: hex(accent),
            on_accent: hex(on_accent),
        }
    }

    /// The style of a CMOC card: blue for activated, vermillion header and grey body for
    /// "-ve" (not activated) cards, which are also drawn with a dashed border.
    pub fn card(&self, negative: bool) -> KindStyle {
        match (negative, self.dark) {
            (false, false) => KindStyle {
                fill: hex(0xFFFFFF),
                stroke: hex(0x0072B2),
                accent: hex(0x0072B2),
                on_accent: hex(0xFFFFFF),
            },
            (false, true) => KindStyle {
                fill: hex(0x26313B),
                stroke: hex(0x3C9BD6),
                accent: hex(0x0072B2),
                on_accent: hex(0xFFFFFF),
            },
            (true, false) => KindStyle {
                fill: hex(0xECECEC),
                stroke: hex(0xC2571A),
                accent: hex(0xB8501A),
                on_accent: hex(0xFFFFFF),
            },
            (true, true) => KindStyle {
                fill: hex(0x313131),
                stroke: hex(0xE0703A),
                accent: hex(0xA84A18),
                on_accent: hex(0xFFFFFF),
            },
        }
    }
}
