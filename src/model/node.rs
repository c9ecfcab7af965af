//! Nodes of a programme theory diagram: CMOC cards and the free-standing parts (contexts,
//! mechanisms, outcomes, IF-conditions, substantive theories, regions and notes).

use super::geometry::{Point, Rect, Size};
use super::ids::NodeId;
use super::shorten;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

pub use super::cmoc::{CmocCard, Evidence, Polarity};

/// The title and body text of a node that is not a CMOC card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextBlock {
    /// A short heading (e.g. a theory's name or a region's title); may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The body text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl TextBlock {
    /// A block with a title and text.
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            text: text.into(),
        }
    }
}

/// What a node is, with the content that kind carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum NodeContent {
    /// A numbered CMOC card.
    Cmoc(CmocCard),
    /// A free-standing context.
    Context(TextBlock),
    /// A free-standing mechanism.
    Mechanism(TextBlock),
    /// A free-standing outcome.
    Outcome(TextBlock),
    /// An IF-branch: arrows leaving it are marked yes or no.
    Condition(TextBlock),
    /// A substantive (middle-range) theory, e.g. emotional labour.
    Theory(TextBlock),
    /// A titled area that visually holds the nodes placed inside it.
    Region(TextBlock),
    /// A free annotation on the canvas (a sticky note).
    Note(TextBlock),
}

/// The kinds of node, without their content: for toolbars, palettes and counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    /// See [`NodeContent::Cmoc`].
    Cmoc,
    /// See [`NodeContent::Context`].
    Context,
    /// See [`NodeContent::Mechanism`].
    Mechanism,
    /// See [`NodeContent::Outcome`].
    Outcome,
    /// See [`NodeContent::Condition`].
    Condition,
    /// See [`NodeContent::Theory`].
    Theory,
    /// See [`NodeContent::Region`].
    Region,
    /// See [`NodeContent::Note`].
    Note,
}

impl NodeKind {
    /// Every kind, in toolbar order.
    pub const ALL: [NodeKind; 8] = [
        NodeKind::Cmoc,
        NodeKind::Context,
        NodeKind::Mechanism,
        NodeKind::Outcome,
        NodeKind::Condition,
        NodeKind::Theory,
        NodeKind::Region,
        NodeKind::Note,
    ];

    /// The kind's name for menus and messages.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Cmoc => "CMOC card",
            NodeKind::Context => "Context",
            NodeKind::Mechanism => "Mechanism",
            NodeKind::Outcome => "Outcome",
            NodeKind::Condition => "Condition (IF)",
            NodeKind::Theory => "Theory",
            NodeKind::Region => "Region",
            NodeKind::Note => "Note",
        }
    }

    /// The size a new node of this kind starts with.
    pub fn default_size(self) -> Size {
        match self {
            NodeKind::Cmoc => Size::new(280.0, 250.0),
            NodeKind::Condition => Size::new(260.0, 120.0),
            NodeKind::Theory => Size::new(220.0, 110.0),
            NodeKind::Region => Size::new(600.0, 400.0),
            NodeKind::Note => Size::new(200.0, 120.0),
            NodeKind::Context | NodeKind::Mechanism | NodeKind::Outcome => Size::new(220.0, 90.0),
        }
    }

    /// Empty content of this kind (a CMOC card gets `number`).
    pub fn empty_content(self, number: u32) -> NodeContent {
        let block = TextBlock::default();
        match self {
            NodeKind::Cmoc => NodeContent::Cmoc(CmocCard {
                number,
                ..CmocCard::default()
            }),
            NodeKind::Context => NodeContent::Context(block),
            NodeKind::Mechanism => NodeContent::Mechanism(block),
            NodeKind::Outcome => NodeContent::Outcome(block),
            NodeKind::Condition => NodeContent::Condition(block),
            NodeKind::Theory => NodeContent::Theory(block),
            NodeKind::Region => NodeContent::Region(TextBlock::new("Region", "")),
            NodeKind::Note => NodeContent::Note(block),
        }
    }
}

impl NodeContent {
    /// The kind of this content.
    pub fn kind(&self) -> NodeKind {
        match self {
            NodeContent::Cmoc(_) => NodeKind::Cmoc,
            NodeContent::Context(_) => NodeKind::Context,
            NodeContent::Mechanism(_) => NodeKind::Mechanism,
            NodeContent::Outcome(_) => NodeKind::Outcome,
            NodeContent::Condition(_) => NodeKind::Condition,
            NodeContent::Theory(_) => NodeKind::Theory,
            NodeContent::Region(_) => NodeKind::Region,
            NodeContent::Note(_) => NodeKind::Note,
        }
    }

    /// The text block of a non-CMOC node.
    pub fn text_block(&self) -> Option<&TextBlock> {
        match self {
            NodeContent::Cmoc(_) => None,
            NodeContent::Context(b)
            | NodeContent::Mechanism(b)
            | NodeContent::Outcome(b)
            | NodeContent::Condition(b)
            | NodeContent::Theory(b)
            | NodeContent::Region(b)
            | NodeContent::Note(b) => Some(b),
        }
    }

    /// The text block of a non-CMOC node, to change it.
    pub fn text_block_mut(&mut self) -> Option<&mut TextBlock> {
        match self {
            NodeContent::Cmoc(_) => None,
            NodeContent::Context(b)
            | NodeContent::Mechanism(b)
            | NodeContent::Outcome(b)
            | NodeContent::Condition(b)
            | NodeContent::Theory(b)
            | NodeContent::Region(b)
            | NodeContent::Note(b) => Some(b),
        }
    }

    /// The CMOC card, if this is one.
    pub fn cmoc(&self) -> Option<&CmocCard> {
        match self {
            NodeContent::Cmoc(card) => Some(card),
            _ => None,
        }
    }

    /// The CMOC card, if this is one, to change it.
    pub fn cmoc_mut(&mut self) -> Option<&mut CmocCard> {
        match self {
            NodeContent::Cmoc(card) => Some(card),
            _ => None,
        }
    }
}

/// An sRGB colour a user picked for a node, written as `"#rrggbb"` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// Parses `#rrggbb` (the `#` is optional).
    pub fn parse_hex(text: &str) -> Option<Self> {
        let hex = text.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rgb::parse_hex(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a colour like \"#1f77b4\""))
        })
    }
}

/// One node on the canvas.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Stable identity within the document.
    pub id: NodeId,
    /// What the node is and what it says.
    pub content: NodeContent,
    /// Top-left corner in world coordinates.
    pub position: Point,
    /// Width and height in world units.
    pub size: Size,
    /// A colour the user chose, overriding the kind's palette colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Rgb>,
    /// Free tags for filtering and grouping (e.g. "patients", "link workers").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The node in plain words, for a patient and public group: shown large when presenting
    /// (format version 2).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plain: String,
    /// Pinned by the user: Arrange → Tidy leaves it where it is (format version 4).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pinned: bool,
}

impl Node {
    /// A node with the kind's default size.
    pub fn new(id: NodeId, content: NodeContent, position: Point) -> Self {
        let size = content.kind().default_size();
        Self {
            id,
            content,
            position,
            size,
            colour: None,
            tags: Vec::new(),
            plain: String::new(),
            pinned: false,
        }
    }

    /// The same node with another size.
    pub fn with_size(mut self, size: Size) -> Self {
        self.size = size;
        self
    }

    /// The node's rectangle in world coordinates.
    pub fn rect(&self) -> Rect {
        Rect::from_pos_size(self.position, self.size)
    }

    /// The kind of the node.
    pub fn kind(&self) -> NodeKind {
        self.content.kind()
    }

    /// A short label for lists, undo names and messages: "CMOC 22", "-ve CMOC 10",
    /// "Theory “Emotional labour”".
    pub fn label(&self) -> String {
        match &self.content {
            NodeContent::Cmoc(card) => card.badge(),
            other => {
                let block = other.text_block().cloned().unwrap_or_default();
                let name = if block.title.is_empty() {
                    block.text
                } else {
                    block.title
                };
                let name = shorten(&name, 40);
                if name.is_empty() {
                    self.kind().name().to_string()
                } else {
                    format!("{} “{name}”", self.kind().name())
                }
            }
        }
    }
}

/// The largest coordinate a node may sit at, in world units (a diagram a thousand screens
/// wide); beyond it, and for positions that are not numbers, the loader moves the node.
pub const MAX_COORDINATE: f32 = 10_000_000.0;
/// The largest width or height of a node.
pub const MAX_SIDE: f32 = 100_000.0;
/// The smallest width or height a file may give; smaller, zero, negative or not-a-number sizes
/// get the kind's usual size.
pub const MIN_SIDE: f32 = 1.0;

impl Node {
    /// Makes impossible geometry possible — positions and sizes that are not numbers, infinite,
    /// negative, zero or astronomically large — and says in plain words what was changed.
    /// Sound geometry is left exactly as it is.
    pub fn repair_geometry(&mut self) -> Vec<String> {
        let mut said = Vec::new();
        let label = self.label();
        let describe = |v: f32| {
            if v.is_nan() {
                "not a number".to_string()
            } else if v.is_infinite() {
                if v > 0.0 {
                    "infinity"
                } else {
                    "minus infinity"
                }
                .to_string()
            } else if v.abs() >= 1e7 {
                format!("{v:e}")
            } else {
                format!("{v}")
            }
        };
        let place = |v: f32| {
            if v.is_nan() {
                0.0
            } else {
                v.clamp(-MAX_COORDINATE, MAX_COORDINATE)
            }
        };
        let (x, y) = (place(self.position.x), place(self.position.y));
        if x.to_bits() != self.position.x.to_bits() || y.to_bits() != self.position.y.to_bits() {
            said.push(format!(
                "{label} was placed at ({}, {}), which cannot be drawn; it is now at ({x}, {y}).",
                describe(self.position.x),
                describe(self.position.y),
            ));
            self.position = Point::new(x, y);
        }
        let usual = self.kind().default_size();
        let side = |v: f32, usual: f32| {
            if v.is_nan() || v < MIN_SIDE {
                usual
            } else {
                v.min(MAX_SIDE)
            }
        };
        let (w, h) = (
            side(self.size.width, usual.width),
            side(self.size.height, usual.height),
        );
        if w.to_bits() != self.size.width.to_bits() || h.to_bits() != self.size.height.to_bits() {
            said.push(format!(
                "{label} had the size {} × {}, which cannot be drawn; it is now {w} × {h}.",
                describe(self.size.width),
                describe(self.size.height),
            ));
            self.size = Size::new(w, h);
        }
        said
    }
}
