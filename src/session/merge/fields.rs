//! Three-way merge of one node or arrow, part by part: a part only one copy changed takes that
//! copy's value; a part both changed the same way takes it; a text both changed in different
//! lines combines (diffy's three-way text merge); anything else is a conflict, with yours kept
//! in the diagram and theirs recorded.

use crate::model::{Conflict, ConflictOn, Disagreement, Edge, EdgePart, Node, NodeContent, Part};

/// One mergeable part of a node: how to compare it, take it from another node, and say it.
struct NodePart {
    part: Part,
    same: fn(&Node, &Node) -> bool,
    take: fn(&mut Node, &Node),
    words: fn(&Node) -> String,
    /// The text, for parts that are one text (a three-way text merge is tried first).
    text: Option<fn(&mut Node) -> Option<&mut String>>,
}

macro_rules! card_text {
    ($part:expr, $field:ident) => {
        NodePart {
            part: $part,
            same: |a, b| card(a).map(|c| &c.$field) == card(b).map(|c| &c.$field),
            take: |to, from| {
                if let (Some(t), Some(f)) = (to.content.cmoc_mut(), card(from)) {
                    t.$field = f.$field.clone();
                }
            },
            words: |n| {
                card(n)
                    .map(|c| format!("{:?}", c.$field))
                    .unwrap_or_default()
            },
            text: None,
        }
    };
    ($part:expr, $field:ident, text) => {
        NodePart {
            text: Some(|n| n.content.cmoc_mut().map(|c| &mut c.$field)),
            words: |n| card(n).map(|c| c.$field.clone()).unwrap_or_default(),
            ..card_text!($part, $field)
        }
    };
}

fn card(node: &Node) -> Option<&crate::model::CmocCard> {
    node.content.cmoc()
}

fn block(node: &Node) -> Option<&crate::model::TextBlock> {
    node.content.text_block()
}

fn card_parts() -> Vec<NodePart> {
    vec![
        card_text!(Part::Number, number),
        card_text!(Part::Polarity, polarity),
        card_text!(Part::Title, title, text),
        card_text!(Part::Context, context, text),
        card_text!(Part::Mechanism, mechanism, text),
        card_text!(Part::Resource, mechanism_resource, text),
        card_text!(Part::Reasoning, mechanism_reasoning, text),
        card_text!(Part::Outcome, outcome, text),
        card_text!(Part::Evidence, evidence),
        NodePart {
            part: Part::Status,
            same: |a, b| {
                card(a).map(|c| (c.status, &c.rationale, &c.decided_by))
                    == card(b).map(|c| (c.status, &c.rationale, &c.decided_by))
            },
            take: |to, from| {
                if let (Some(t), Some(f)) = (to.content.cmoc_mut(), card(from)) {
                    t.status = f.status;
                    t.rationale = f.rationale.clone();
                    t.decided_by = f.decided_by.clone();
                }
            },
            words: |n| {
                card(n)
                    .map(|c| format!("{}: {}", c.status.words(), c.rationale))
                    .unwrap_or_default()
            },
            text: None,
        },
    ]
}

fn block_parts() -> Vec<NodePart> {
    vec![
        NodePart {
            part: Part::Title,
            same: |a, b| block(a).map(|x| &x.title) == block(b).map(|x| &x.title),
            take: |to, from| {
                if let (Some(t), Some(f)) = (to.content.text_block_mut(), block(from)) {
                    t.title = f.title.clone();
                }
            },
            words: |n| block(n).map(|b| b.title.clone()).unwrap_or_default(),
            text: Some(|n| n.content.text_block_mut().map(|b| &mut b.title)),
        },
        NodePart {
            part: Part::Text,
            same: |a, b| block(a).map(|x| &x.text) == block(b).map(|x| &x.text),
            take: |to, from| {
                if let (Some(t), Some(f)) = (to.content.text_block_mut(), block(from)) {
                    t.text = f.text.clone();
                }
            },
            words: |n| block(n).map(|b| b.text.clone()).unwrap_or_default(),
            text: Some(|n| n.content.text_block_mut().map(|b| &mut b.text)),
        },
    ]
}

fn common_parts() -> Vec<NodePart> {
    vec![
        NodePart {
            part: Part::Plain,
            same: |a, b| a.plain == b.plain,
            take: |to, from| to.plain = from.plain.clone(),
            words: |n| n.plain.clone(),
            text: Some(|n| Some(&mut n.plain)),
        },
        NodePart {
            part: Part::Colour,
            same: |a, b| a.colour == b.colour,
            take: |to, from| to.colour = from.colour,
            words: |n| {
                n.colour
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "none".into())
            },
            text: None,
        },
        NodePart {
            part: Part::Tags,
            same: |a, b| a.tags == b.tags,
            take: |to, from| to.tags = from.tags.clone(),
            words: |n| n.tags.join(", "),
            text: None,
        },
        NodePart {
            part: Part::Pinned,
            same: |a, b| a.pinned == b.pinned,
            take: |to, from| to.pinned = from.pinned,
            words: |n| if n.pinned { "pinned" } else { "not pinned" }.into(),
            text: None,
        },
    ]
}

/// Merges a node both copies kept. The result has `id`; conflicts are added to `conflicts`
/// and `notes` tells what was decided without a conflict worth asking about (a node moved
/// differently in both copies keeps your place).
pub(super) fn merge_node(
    base: Option<&Node>,
    ours: &Node,
    theirs: &Node,
    conflicts: &mut Vec<Conflict>,
    notes: &mut Vec<String>,
) -> Node {
    // Without a common version every difference is a choice: as if neither were the original.
    let Some(base) = base else {
        return two_way(ours, theirs, conflicts);
    };
    let mut result = ours.clone();
    let kinds_differ = |a: &Node, b: &Node| a.kind() != b.kind();
    let content_parts = match (&base.content, &ours.content, &theirs.content) {
        _ if kinds_differ(base, ours) || kinds_differ(base, theirs) => {
            // A node that changed kind is merged as a whole.
            if !kinds_differ(base, ours) {
                result.content = theirs.content.clone();
            } else if kinds_differ(base, theirs) && ours.content != theirs.content {
                conflicts.push(conflict(ours, theirs, base, Part::Kind, |n| {
                    n.kind().name().to_string()
                }));
            }
            Vec::new()
        }
        (NodeContent::Cmoc(_), _, _) => card_parts(),
        _ => block_parts(),
    };
    for part in content_parts.iter().chain(common_parts().iter()) {
        let ours_changed = !(part.same)(base, ours);
        let theirs_changed = !(part.same)(base, theirs);
        match (ours_changed, theirs_changed) {
            (_, false) => {}
            (false, true) => (part.take)(&mut result, theirs),
            (true, true) if (part.same)(ours, theirs) => {}
            (true, true) => {
                if let Some(text) = part.text
                    && let Some(merged) = merge_text(base, ours, theirs, text)
                    && let Some(slot) = text(&mut result)
                {
                    *slot = merged;
                    continue;
                }
                conflicts.push(conflict(ours, theirs, base, part.part, part.words));
            }
        }
    }
    let moved = |a: &Node, b: &Node| a.position != b.position || a.size != b.size;
    match (moved(base, ours), moved(base, theirs)) {
        (false, true) => {
            result.position = theirs.position;
            result.size = theirs.size;
        }
        (true, true) if moved(ours, theirs) => notes.push(format!(
            "{} was moved in both copies; it stays where you put it.",
            ours.label()
        )),
        _ => {}
    }
    result
}

/// Two copies of a node with no common version: yours stays, and every part that differs is
/// a conflict.
fn two_way(ours: &Node, theirs: &Node, conflicts: &mut Vec<Conflict>) -> Node {
    if ours.kind() != theirs.kind() {
        conflicts.push(conflict(ours, theirs, ours, Part::Kind, |n| {
            n.kind().name().to_string()
        }));
        return ours.clone();
    }
    let parts = if ours.content.cmoc().is_some() {
        card_parts()
    } else {
        block_parts()
    };
    for part in parts.iter().chain(common_parts().iter()) {
        if !(part.same)(ours, theirs) {
            let mut c = conflict(ours, theirs, ours, part.part, part.words);
            c.base.clear();
            conflicts.push(c);
        }
    }
    ours.clone()
}

/// The three-way merge of one text, when the two copies changed different lines of it.
fn merge_text(
    base: &Node,
    ours: &Node,
    theirs: &Node,
    text: fn(&mut Node) -> Option<&mut String>,
) -> Option<String> {
    let read = |n: &Node| {
        let mut copy = n.clone();
        text(&mut copy).map(|s| s.clone())
    };
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    if !(b.contains('\n') || o.contains('\n') || t.contains('\n')) {
        // One line changed two ways is a real disagreement, not something to splice.
        return None;
    }
    diffy::merge(&b, &o, &t).ok()
}

fn conflict(
    ours: &Node,
    theirs: &Node,
    base: &Node,
    part: Part,
    words: fn(&Node) -> String,
) -> Conflict {
    Conflict {
        on: ConflictOn::Node(ours.id),
        disagreement: Disagreement::Field(part),
        yours: words(ours),
        theirs: words(theirs),
        base: words(base),
        their_node: Some(Node {
            id: ours.id,
            ..theirs.clone()
        }),
        their_arrow: None,
    }
}

/// One part of an arrow: which, whether two arrows agree on it, how to copy it, and how it
/// reads in a conflict.
type EdgePartDef = (
    EdgePart,
    fn(&Edge, &Edge) -> bool,
    fn(&mut Edge, &Edge),
    fn(&Edge) -> String,
);

/// Merges an arrow both copies kept (its ends are yours).
pub(super) fn merge_edge(
    base: &Edge,
    ours: &Edge,
    theirs: &Edge,
    conflicts: &mut Vec<Conflict>,
) -> Edge {
    let mut result = ours.clone();
    let parts: [EdgePartDef; 3] = [
        (
            EdgePart::Label,
            |a, b| a.label == b.label,
            |to, from| to.label = from.label.clone(),
            |e| e.label.clone(),
        ),
        (
            EdgePart::Effect,
            |a, b| a.effect == b.effect,
            |to, from| to.effect = from.effect,
            |e| format!("{:?}", e.effect),
        ),
        (
            EdgePart::Branch,
            |a, b| a.branch == b.branch,
            |to, from| to.branch = from.branch,
            |e| e.branch.map(|b| b.word()).unwrap_or("none").to_string(),
        ),
    ];
    for (part, same, take, words) in parts {
        match (!same(base, ours), !same(base, theirs)) {
            (false, true) => take(&mut result, theirs),
            (true, true) if !same(ours, theirs) => conflicts.push(Conflict {
                on: ConflictOn::Arrow(ours.id),
                disagreement: Disagreement::ArrowField(part),
                yours: words(ours),
                theirs: words(theirs),
                base: words(base),
                their_node: None,
                their_arrow: Some(Edge {
                    id: ours.id,
                    from: ours.from,
                    to: ours.to,
                    ..theirs.clone()
                }),
            }),
            _ => {}
        }
    }
    result
}

/// The part's definition, for a node of this kind.
fn node_part(node: &Node, part: Part) -> Option<NodePart> {
    let parts = if node.content.cmoc().is_some() {
        card_parts()
    } else {
        block_parts()
    };
    parts
        .into_iter()
        .chain(common_parts())
        .find(|p| p.part == part)
}

/// Copies one part of `from` into `to` (resolving a conflict their way). False for a part
/// that is not mergeable on its own (the kind: the whole node is taken instead).
pub(crate) fn take_part(to: &mut Node, from: &Node, part: Part) -> bool {
    if part == Part::Kind {
        to.content = from.content.clone();
        return true;
    }
    match node_part(to, part) {
        Some(p) => {
            (p.take)(to, from);
            true
        }
        None => false,
    }
}

/// The text of one part, to write into (a conflict resolved by joining both or by editing),
/// or `None` for a part that is not one text (a number, a colour).
pub(crate) fn part_text(node: &mut Node, part: Part) -> Option<&mut String> {
    let text = node_part(node, part)?.text?;
    text(node)
}

/// Copies one part of an arrow.
pub(crate) fn take_edge_part(to: &mut Edge, from: &Edge, part: EdgePart) {
    match part {
        EdgePart::Label => to.label = from.label.clone(),
        EdgePart::Effect => to.effect = from.effect,
        EdgePart::Branch => to.branch = from.branch,
    }
}
