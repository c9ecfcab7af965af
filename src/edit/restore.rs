//! The edit that brings a saved version of the theory back: one undo step that removes what
//! the version does not have, adds what it has that the diagram lost, changes what differs,
//! and puts the nodes back in the version's drawing order. Comments on nodes and arrows the
//! version also has stay; those on what it removes go with them (and come back on undo).

use super::{Edit, EditError};
use crate::model::{Document, EdgeId, NodeId, Version};
use rustc_hash::FxHashSet;

/// The edit that makes `doc`'s theory `version`'s (an empty batch when it already is). A
/// version with an id twice keeps the first; an arrow whose end the version lacks is left out.
pub fn restore_edit(doc: &Document, version: &Version) -> Result<Edit, EditError> {
    let mut seen: FxHashSet<NodeId> = FxHashSet::default();
    let nodes: Vec<_> = version.nodes.iter().filter(|n| seen.insert(n.id)).collect();
    let mut seen_edges: FxHashSet<EdgeId> = FxHashSet::default();
    let edges: Vec<_> = version
        .edges
        .iter()
        .filter(|e| seen.contains(&e.from) && seen.contains(&e.to) && seen_edges.insert(e.id))
        .collect();
    let mut edits = Vec::new();
    for edge in doc.edges().filter(|e| !seen_edges.contains(&e.id)) {
        edits.push(Edit::RemoveEdge { id: edge.id });
    }
    for node in doc.nodes().filter(|n| !seen.contains(&n.id)) {
        edits.push(Edit::RemoveNode { id: node.id });
    }
    for node in &nodes {
        match doc.node(node.id) {
            Some(now) if now == *node => {}
            Some(_) => edits.push(Edit::ReplaceNode {
                node: (*node).clone(),
            }),
            None => edits.push(Edit::AddNode {
                node: (*node).clone(),
                index: None,
            }),
        }
    }
    for edge in &edges {
        match doc.edge(edge.id) {
            Some(now) if now == *edge => {}
            Some(_) => edits.push(Edit::ReplaceEdge {
                edge: (*edge).clone(),
            }),
            None => edits.push(Edit::AddEdge {
                edge: (*edge).clone(),
                index: None,
            }),
        }
    }
    // The version's drawing order, worked out on a copy with the changes above made.
    let mut copy = doc.clone();
    Edit::Batch(edits.clone()).apply(&mut copy)?;
    for (index, node) in nodes.iter().enumerate() {
        if copy.node_index(node.id) != Some(index) {
            let reorder = Edit::Reorder { id: node.id, index };
            reorder.clone().apply(&mut copy)?;
            edits.push(reorder);
        }
    }
    Ok(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeKind, Point, Timestamp};

    #[test]
    fn restoring_a_version_gives_its_theory_back_and_undo_gives_the_diagram_back() {
        let mut doc = crate::file::example_document();
        let version = Version::of(&doc, "IPT", "Dr A", "", Timestamp::now());
        let before = doc.clone();
        // Work after the version: a card changed, one removed with its arrows, one added,
        // the drawing order changed.
        let cards: Vec<NodeId> = doc.cmoc_cards().map(|(n, _)| n.id).collect();
        let mut changed = doc.node(cards[0]).cloned().expect("a card");
        changed.position = Point::new(changed.position.x + 300.0, changed.position.y);
        let added = crate::model::Node::new(
            doc.new_node_id(),
            NodeKind::Note.empty_content(0),
            Point::new(0.0, 0.0),
        );
        let work = Edit::Batch(vec![
            Edit::ReplaceNode { node: changed },
            Edit::RemoveNode { id: cards[1] },
            Edit::AddNode {
                node: added,
                index: Some(0),
            },
            Edit::Reorder {
                id: cards[2],
                index: 0,
            },
        ]);
        work.apply(&mut doc).expect("work applies");
        assert!(!version.matches(&doc));
        let edit = restore_edit(&doc, &version).expect("builds");
        let undo = edit.apply(&mut doc).expect("restores");
        assert!(version.matches(&doc), "the theory is the version's");
        // Restoring again changes nothing.
        assert!(restore_edit(&doc, &version).expect("builds").is_empty());
        undo.apply(&mut doc).expect("undoes");
        let work_back = restore_edit(&doc, &version).expect("builds");
        assert!(!work_back.is_empty(), "undo brought the work back");
        // And the version of the diagram as it was at first is that diagram.
        assert!(version.matches(&before));
    }
}
