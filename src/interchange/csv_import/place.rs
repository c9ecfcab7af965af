//! Imported cards into the diagram: in rows inside a new region, or, when the table has
//! links, with their arrows and laid out along them.

use super::ImportResult;
use crate::edit::Edit;
use crate::model::{CmocCard, Document, Node, NodeContent, NodeId, Point, Size, TextBlock};
use crate::scene::text_fit::estimated_card_height;

/// Cards per row when imported cards are laid out.
const PER_ROW: usize = 6;
use crate::scene::style::{IMPORT_CARD_GAP as GAP, IMPORT_CARD_WIDTH as CARD_WIDTH};

/// The edit that adds imported cards, laid out in rows inside a new region below the existing
/// diagram, as one undoable step.
pub fn import_edit(doc: &Document, cards: Vec<CmocCard>, region_title: &str) -> Edit {
    place_cards(doc, cards, &[], region_title).0
}

/// The title of the region a table's cards are imported into: the table's name as a reader
/// would say it ("CMOCs from luetsch-table5" for `luetsch-table5.csv`), fit to print in a
/// figure; the researcher renames it in the inspector.
pub fn import_region_title(source: &str) -> String {
    let stem = std::path::Path::new(source)
        .file_stem()
        .map_or_else(|| source.to_string(), |s| s.to_string_lossy().into_owned());
    let stem = stem.trim();
    if stem.is_empty() || stem == "pasted text" {
        "Imported CMOCs".to_string()
    } else {
        format!("CMOCs from {stem}")
    }
}

/// The edit that adds an import's cards and, when the table has links, the arrows between
/// them, the cards then tidied along the arrows (Arrange → Tidy) inside their region: one
/// undoable step.
pub fn import_linked_edit(doc: &Document, result: &ImportResult, region_title: &str) -> Edit {
    let (place, ids) = place_cards(doc, result.cards.clone(), &result.tags, region_title);
    let mut edits = vec![place];
    for (from, targets) in result.links.iter().enumerate() {
        for &to in targets {
            let (Some(&a), Some(&b)) = (ids.get(from), ids.get(to)) else {
                continue;
            };
            edits.push(Edit::AddEdge {
                edge: crate::model::Edge::new(doc.new_edge_id(), a, b),
                index: None,
            });
        }
    }
    if edits.len() == 1 {
        return edits.remove(0);
    }
    // Tidy on the diagram as it will be, the new cards only.
    let mut after = doc.clone();
    let added = Edit::Batch(edits.clone());
    if added.apply(&mut after).is_ok()
        && let Some(tidy) = crate::edit::tidy_edit(
            &after,
            &ids.iter().copied().collect(),
            &crate::edit::LayeredLayout::default(),
        )
    {
        edits.push(tidy);
    }
    Edit::Batch(edits)
}

/// The cards as new nodes in rows inside a new region, each with its tags (parallel to
/// `cards`, or empty), and the new cards' ids in order.
fn place_cards(
    doc: &Document,
    cards: Vec<CmocCard>,
    tags: &[Vec<String>],
    region_title: &str,
) -> (Edit, Vec<NodeId>) {
    let origin = match doc.bounds() {
        Some(b) => Point::new(b.min.x, b.max.y + 160.0),
        None => Point::new(0.0, 0.0),
    };
    let padding = crate::scene::style::REGION_LAYOUT_PADDING;
    let title_band = crate::scene::style::REGION_LAYOUT_TITLE_BAND;
    let mut edits = Vec::with_capacity(cards.len() + 1);
    let mut ids = Vec::with_capacity(cards.len());
    let region_id = doc.new_node_id();
    let mut y = origin.y + title_band;
    let mut width: f32 = 0.0;
    for chunk in cards.chunks(PER_ROW) {
        let height = chunk
            .iter()
            .map(|c| estimated_card_height(c, CARD_WIDTH))
            .fold(0.0, f32::max);
        for (i, card) in chunk.iter().enumerate() {
            let x = origin.x + padding + i as f32 * (CARD_WIDTH + GAP);
            width = width.max(x + CARD_WIDTH - origin.x);
            let h = estimated_card_height(card, CARD_WIDTH);
            let id = doc.new_node_id();
            let mut node = Node::new(id, NodeContent::Cmoc(card.clone()), Point::new(x, y))
                .with_size(Size::new(CARD_WIDTH, h));
            node.tags = tags.get(ids.len()).cloned().unwrap_or_default();
            ids.push(id);
            edits.push(Edit::AddNode { node, index: None });
        }
        y += height + GAP;
    }
    let region = Node::new(
        region_id,
        // No words about the import itself: the region is printed in figures for a paper.
        NodeContent::Region(TextBlock::new(region_title, String::new())),
        origin,
    )
    .with_size(Size::new(width + padding, y - GAP + padding - origin.y));
    // The region goes to the back, behind everything.
    edits.insert(
        0,
        Edit::AddNode {
            node: region,
            index: Some(0),
        },
    );
    (Edit::Batch(edits), ids)
}
