//! The primitives a scene is made of. Every back end (the egui canvas, the SVG writer, and
//! through it PNG) translates these one to one; none of them decides a colour, width, dash,
//! radius, inset or font size of its own.

use super::Field;
use ecolor::Color32;
use emath::{Pos2, Rect, Vec2};

/// A dash pattern: drawn length, then gap.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dash {
    /// Length of each drawn piece.
    pub on: f32,
    /// Length of each gap.
    pub off: f32,
}

/// How a border or curve is stroked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// Width: world units, or screen pixels when `screen` is set.
    pub width: f32,
    /// Colour (may be translucent).
    pub colour: Color32,
    /// Dashed, or solid when `None`; in the same units as the width.
    pub dash: Option<Dash>,
    /// The width and dash are screen pixels and do not grow with zoom (selection outlines,
    /// focus rings); SVG's `vector-effect: non-scaling-stroke`.
    pub screen: bool,
}

impl Line {
    /// A solid line in world units.
    pub const fn solid(width: f32, colour: Color32) -> Self {
        Self {
            width,
            colour,
            dash: None,
            screen: false,
        }
    }

    /// A dashed line in world units.
    pub const fn dashed(width: f32, colour: Color32, dash: Dash) -> Self {
        Self {
            width,
            colour,
            dash: Some(dash),
            screen: false,
        }
    }

    /// A line whose width (and dash) are screen pixels.
    pub const fn screen(width: f32, colour: Color32, dash: Option<Dash>) -> Self {
        Self {
            width,
            colour,
            dash,
            screen: true,
        }
    }
}

/// Corner radii of a rectangle: north-west, north-east, south-east, south-west.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Corners(pub [f32; 4]);

impl Corners {
    /// The same radius at every corner.
    pub const fn all(r: f32) -> Self {
        Self([r; 4])
    }

    /// Rounded at the top only (a card's header band).
    pub const fn top(r: f32) -> Self {
        Self([r, r, 0.0, 0.0])
    }

    /// True when every corner has the same radius.
    pub fn is_uniform(&self) -> bool {
        self.0.iter().all(|r| *r == self.0[0])
    }
}

/// What a text run is, so tests, SVG classes and screen readers can tell runs apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextRole {
    /// A card's badge: "CMOC 22" / "-ve CMOC 22".
    Badge,
    /// "3 quotes" in a card's header.
    Evidence,
    /// A C / M / O tag letter.
    Tag,
    /// A block's kind in small capitals ("CONTEXT").
    Caption,
    /// A field of a node (title, context, …).
    Field(Field),
    /// "double-click to write" in an empty field (canvas only).
    Placeholder,
    /// An arrow's label.
    EdgeLabel,
    /// The number on an open-comment counter.
    Counter,
    /// Text of the legend.
    Legend,
    /// The figure's title.
    FigureTitle,
}

/// One line of text, already broken, with its top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// Top-left corner of the line's box.
    pub pos: Pos2,
    /// The line's text.
    pub text: String,
    /// Font size: world units, or screen pixels for [`TextRole::Counter`] on a screen marker.
    pub size: f32,
    /// Colour.
    pub colour: Color32,
    /// Drawn emphasised (titles): the font has one weight, so each back end fakes bold its
    /// own documented way.
    pub emphasis: bool,
    /// What the text is.
    pub role: TextRole,
    /// The size is screen pixels and stays put while zooming (titles of zoomed-out boxes,
    /// laid out once per zoom band; the line breaks leave room for it).
    pub screen_size: bool,
}

/// A drawing primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum Prim {
    /// A rectangle with rounded corners; its border lies inside the rectangle.
    Rect {
        /// Where.
        rect: Rect,
        /// Corner radii.
        corners: Corners,
        /// Inside colour (transparent for none).
        fill: Color32,
        /// Border.
        line: Option<Line>,
    },
    /// A closed convex polygon.
    Polygon {
        /// Corners in order.
        points: Vec<Pos2>,
        /// Inside colour.
        fill: Color32,
        /// Border (centred on the outline).
        line: Option<Line>,
    },
    /// A cubic Bézier curve (start, two control points, end).
    Curve {
        /// Control points.
        points: [Pos2; 4],
        /// How it is stroked.
        line: Line,
    },
    /// A straight segment (arrows when zoomed far out).
    Segment {
        /// Start.
        from: Pos2,
        /// End.
        to: Pos2,
        /// How it is stroked.
        line: Line,
    },
    /// One line of text.
    Text(TextRun),
    /// A round counter anchored at a world point but sized in screen pixels (open comments).
    Counter {
        /// Centre, world coordinates.
        centre: Pos2,
        /// Radius in screen pixels.
        radius_px: f32,
        /// Inside colour.
        fill: Color32,
        /// Ring around it, screen pixels.
        ring: Line,
        /// The number, its size in screen pixels and colour.
        text: String,
        /// Text size in screen pixels.
        font_px: f32,
        /// Text colour.
        text_colour: Color32,
    },
}

impl Prim {
    /// The same primitive moved by `offset`.
    pub fn translated(&self, offset: Vec2) -> Prim {
        let mut p = self.clone();
        match &mut p {
            Prim::Rect { rect, .. } => *rect = rect.translate(offset),
            Prim::Polygon { points, .. } => points.iter_mut().for_each(|q| *q += offset),
            Prim::Curve { points, .. } => points.iter_mut().for_each(|q| *q += offset),
            Prim::Segment { from, to, .. } => {
                *from += offset;
                *to += offset;
            }
            Prim::Text(run) => run.pos += offset,
            Prim::Counter { centre, .. } => *centre += offset,
        }
        p
    }
}

/// Where a node's parts landed, relative to its top-left corner: what the canvas hit-tests
/// for in-place editing, badge clicks and hover help.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hotspots {
    /// Editable text areas.
    pub fields: Vec<(Field, Rect)>,
    /// C / M / O tags with their tag text.
    pub tags: Vec<(&'static str, Rect)>,
    /// The badge of a card (click toggles polarity).
    pub badge: Option<Rect>,
    /// Where the text ends (to grow a card that typing has overfilled).
    pub content_bottom: f32,
}

/// A node's drawing, relative to its top-left corner, so moving a node moves its drawing
/// without laying it out again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing {
    /// Primitives, back to front.
    pub prims: Vec<Prim>,
    /// Where its parts are.
    pub hotspots: Hotspots,
}

/// A colour at a share of its opacity.
pub fn faded(colour: Color32, opacity: f32) -> Color32 {
    colour.gamma_multiply(opacity)
}
