//! Large generated diagrams with realistic text, for benchmarks and load tests: a realist
//! synthesis can reach thousands of CMOC cards.

use super::DiagramBuilder;
use crate::model::{CmocCard, Document, NodeId, Point, Polarity, Size};

const CONTEXTS: [&str; 4] = [
    "When link workers have protected time with patients who have multiple, complex problems",
    "If practice managers explicitly value relational work in team meetings",
    "When patients are waiting for mental health services with no fixed date",
    "Where supervision is offered regularly by an experienced clinician",
];
const MECHANISMS: [&str; 4] = [
    "because they feel they are allowed to take the time the patient needs",
    "because they trust that the service will still be there for them",
    "because the emotional burden is shared rather than carried alone",
    "because they know it is a legitimate part of their role",
];
const OUTCOMES: [&str; 4] = [
    "patients engage for longer and return less often to their GP",
    "link workers report higher job satisfaction and stay in post",
    "patients feel able to try community activities later on",
    "fewer cases are closed before the patient is ready",
];

/// A diagram of `cards` CMOC cards in a grid, each with two outgoing arrows (to its right and
/// lower neighbours, wrapping at the edges), every tenth card the negative twin of the one
/// before it.
pub fn synthetic_diagram(cards: usize) -> Document {
    let (mut builder, ids, columns) = grid_of_cards(cards);
    for i in 0..cards {
        // Right neighbour and lower neighbour; at the edges of the grid, wrap around so every
        // card keeps two arrows.
        let right = if i % columns + 1 < columns && i + 1 < cards {
            i + 1
        } else {
            (i + 1) % cards
        };
        let below = (i + columns) % cards;
        for target in [right, below] {
            if target != i {
                builder.connect(ids[i], ids[target]);
            }
        }
    }
    builder.finish()
}

/// A builder holding `cards` cards in a grid, their ids, and the grid's number of columns.
fn grid_of_cards(cards: usize) -> (DiagramBuilder, Vec<NodeId>, usize) {
    let mut builder = DiagramBuilder::new(format!("Synthetic synthesis with {cards} CMOCs"));
    let columns = ((cards as f32).sqrt() * 1.6).ceil().max(1.0) as usize;
    let mut ids: Vec<NodeId> = Vec::with_capacity(cards);
    for i in 0..cards {
        let (row, col) = (i / columns, i % columns);
        let mut card = CmocCard::new(
            u32::try_from(i + 1).unwrap_or(u32::MAX),
            CONTEXTS[i % 4],
            MECHANISMS[(i / 4) % 4],
            OUTCOMES[(i / 16) % 4],
        );
        card.title = format!("Configuration {}", i + 1);
        if i % 10 == 9 {
            // The failure case of the card before it.
            card.number = u32::try_from(i).unwrap_or(u32::MAX);
            card.polarity = Polarity::Negative;
        }
        let at = Point::new(col as f32 * 380.0, row as f32 * 330.0);
        ids.push(builder.cmoc(card, at, Some(Size::new(300.0, 260.0))));
    }
    (builder, ids, columns)
}

/// `cards` CMOC cards in a grid, each with `links` arrows to cards picked at random (from
/// `seed`, the same diagram for the same seed): cycles, long arrows and crossings, as a table
/// with a "Leads to" column makes them. For the Tidy benchmark and tests.
pub fn linked_diagram(cards: usize, links: usize, seed: u64) -> Document {
    let (mut builder, ids, _) = grid_of_cards(cards);
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = |bound: usize| {
        // A 64-bit linear congruential generator (Knuth's MMIX constants): enough for a test
        // diagram, and no random-number crate in the library.
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % bound.max(1)
    };
    for i in 0..ids.len() {
        for _ in 0..links {
            let j = next(ids.len());
            if j != i {
                builder.connect(ids[i], ids[j]);
            }
        }
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_card_has_two_arrows_out() {
        let doc = super::synthetic_diagram(100);
        assert_eq!(doc.cmoc_cards().count(), 100);
        assert_eq!(doc.edge_count(), 200);
        assert!(crate::model::validate(&doc).is_empty());
    }
}
