//! The parts of a node a drawing is made of: which text a section shows ([`Field`]), the C / M /
//! O [`Section`]s of a card, the kind captions, text insets and sizes, and the outlines of
//! IF-conditions and notes.

use super::style;
use crate::model::{NodeContent, NodeKind};
use ecolor::Color32;
use emath::{Pos2, Rect, pos2};

/// The small capitals above a free-standing node's title, so the kind reads without colour.
pub fn kind_caption(kind: NodeKind) -> Option<&'static str> {
    match kind {
        NodeKind::Context => Some("CONTEXT"),
        NodeKind::Mechanism => Some("MECHANISM"),
        NodeKind::Outcome => Some("OUTCOME"),
        NodeKind::Theory => Some("THEORY"),
        NodeKind::Condition => Some("CONDITION"),
        NodeKind::Cmoc | NodeKind::Region | NodeKind::Note => None,
    }
}

/// How far a non-card node's text sits from its left and right edges (world units); the
/// condition's slanted sides and the theory's double border need more room.
pub fn text_inset(kind: NodeKind) -> f32 {
    match kind {
        NodeKind::Condition => style::CONDITION_TEXT_INSET,
        NodeKind::Theory => style::THEORY_TEXT_INSET,
        _ => style::PADDING,
    }
}

/// Title size of a non-card node (world units).
pub fn title_size(kind: NodeKind) -> f32 {
    if kind == NodeKind::Region {
        style::REGION_TITLE_SIZE
    } else {
        style::BLOCK_TITLE_SIZE
    }
}

/// Body text size of a non-card node (world units).
pub fn body_size(kind: NodeKind) -> f32 {
    if kind == NodeKind::Region {
        style::REGION_BODY_SIZE
    } else {
        style::BODY_FONT_SIZE
    }
}

/// The outline of an IF-condition: a hexagon whose slanted ends are `cut` wide (at most a third
/// of the height), for a rectangle in any coordinates.
pub fn condition_outline(rect: Rect, cut: f32) -> Vec<Pos2> {
    let cut = cut.min(rect.height() / 3.0);
    vec![
        pos2(rect.min.x + cut, rect.min.y),
        pos2(rect.max.x - cut, rect.min.y),
        pos2(rect.max.x, rect.center().y),
        pos2(rect.max.x - cut, rect.max.y),
        pos2(rect.min.x + cut, rect.max.y),
        pos2(rect.min.x, rect.center().y),
    ]
}

/// The outline of a sticky note with its top-right corner folded by `fold` (at most a quarter
/// of the width); the second list is the folded-over triangle.
pub fn note_outline(rect: Rect, fold: f32) -> (Vec<Pos2>, Vec<Pos2>) {
    let fold = fold.min(rect.width() / 4.0);
    let outline = vec![
        rect.min,
        pos2(rect.max.x - fold, rect.min.y),
        pos2(rect.max.x, rect.min.y + fold),
        rect.max,
        pos2(rect.min.x, rect.max.y),
    ];
    let corner = vec![
        pos2(rect.max.x - fold, rect.min.y),
        pos2(rect.max.x - fold, rect.min.y + fold),
        pos2(rect.max.x, rect.min.y + fold),
    ];
    (outline, corner)
}

/// Which text of a node a section shows; lets the canvas edit the right field in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A card's or block's title.
    Title,
    /// A card's context.
    Context,
    /// A card's mechanism.
    Mechanism,
    /// A card's mechanism resource (when split).
    MechanismResource,
    /// A card's mechanism reasoning (when split).
    MechanismReasoning,
    /// A card's outcome.
    Outcome,
    /// The body text of a non-card node.
    Text,
}

impl Field {
    /// The name shown in the inspector and undo labels.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Context => "context",
            Field::Mechanism => "mechanism",
            Field::MechanismResource => "mechanism resource",
            Field::MechanismReasoning => "mechanism reasoning",
            Field::Outcome => "outcome",
            Field::Text => "text",
        }
    }

    /// The field's text in a node's content.
    pub fn get(self, content: &NodeContent) -> Option<&str> {
        match content {
            NodeContent::Cmoc(card) => Some(match self {
                Field::Title => &card.title,
                Field::Context => &card.context,
                Field::Mechanism => &card.mechanism,
                Field::MechanismResource => &card.mechanism_resource,
                Field::MechanismReasoning => &card.mechanism_reasoning,
                Field::Outcome => &card.outcome,
                Field::Text => return None,
            }),
            other => {
                let block = other.text_block()?;
                match self {
                    Field::Title => Some(&block.title),
                    Field::Text => Some(&block.text),
                    _ => None,
                }
            }
        }
    }

    /// The field's text in a node's content, to change it.
    pub fn get_mut(self, content: &mut NodeContent) -> Option<&mut String> {
        match content {
            NodeContent::Cmoc(card) => Some(match self {
                Field::Title => &mut card.title,
                Field::Context => &mut card.context,
                Field::Mechanism => &mut card.mechanism,
                Field::MechanismResource => &mut card.mechanism_resource,
                Field::MechanismReasoning => &mut card.mechanism_reasoning,
                Field::Outcome => &mut card.outcome,
                Field::Text => return None,
            }),
            other => {
                let block = other.text_block_mut()?;
                match self {
                    Field::Title => Some(&mut block.title),
                    Field::Text => Some(&mut block.text),
                    _ => None,
                }
            }
        }
    }
}

/// One labelled part of a CMOC card: "C", "M", "O" (or the resource/reasoning split).
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The tag letter(s) shown at the left: "C", "M", "Mres", "Mrsn", "O".
    pub tag: &'static str,
    /// Which field it shows.
    pub field: Field,
    /// The text.
    pub text: String,
    /// The tag's colour (the matching free-standing node kind's accent).
    pub tag_fill: Color32,
    /// Text colour on the tag.
    pub tag_text: Color32,
}
