//! Checks that report what is wrong with a document without refusing to open it. Each problem
//! names the thing it is about and says what to do.

use super::annotation::Target;
use super::document::Document;
use super::ids::{AnnotationId, EdgeId, NodeId};
use super::node::Polarity;
use std::collections::BTreeMap;
use std::fmt;

/// What a problem is about, so the editor can select it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A node.
    Node(NodeId),
    /// An arrow.
    Edge(EdgeId),
    /// A comment.
    Annotation(AnnotationId),
}

/// One thing that is wrong or incomplete in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What the problem is about.
    pub subject: Subject,
    /// What is wrong, naming the item.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.message, self.hint)
    }
}

/// Every problem in the document, in a stable order (nodes, then arrows, then comments).
pub fn validate(doc: &Document) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_cards(doc, &mut problems);
    check_edges(doc, &mut problems);
    check_annotations(doc, &mut problems);
    problems
}

fn check_cards(doc: &Document, problems: &mut Vec<Problem>) {
    let mut seen: BTreeMap<(u32, Polarity), NodeId> = BTreeMap::new();
    for (node, card) in doc.cmoc_cards() {
        let badge = card.badge();
        if let Some(first) = seen.get(&(card.number, card.polarity)) {
            problems.push(Problem {
                subject: Subject::Node(node.id),
                message: format!("{badge} appears twice ({first} and {}).", node.id),
                hint: "Give one of them another number, or toggle one to the other polarity if it is the failure case.".into(),
            });
        } else {
            seen.insert((card.number, card.polarity), node.id);
        }
        let empty: Vec<&str> = [
            ("context", &card.context),
            ("mechanism", &card.mechanism),
            ("outcome", &card.outcome),
        ]
        .into_iter()
        .filter(|(_, text)| text.trim().is_empty())
        .map(|(name, _)| name)
        .collect();
        if !empty.is_empty() {
            problems.push(Problem {
                subject: Subject::Node(node.id),
                message: format!("{badge} has an empty {}.", join_words(&empty)),
                hint: "Fill in each part: When/If CONTEXT, then OUTCOME, because MECHANISM.".into(),
            });
        }
    }
    for (node, card) in doc.cmoc_cards() {
        if card.polarity == Polarity::Negative
            && doc.find_cmoc(card.number, Polarity::Positive).is_none()
        {
            problems.push(Problem {
                subject: Subject::Node(node.id),
                message: format!(
                    "{} has no positive twin: there is no CMOC {}.",
                    card.badge(),
                    card.number
                ),
                hint: format!(
                    "A negative CMOC is CMOC {} not activated; add CMOC {} (it may sit in an \"Other CMOCs\" region) or renumber this card.",
                    card.number, card.number
                ),
            });
        }
    }
}

fn check_edges(doc: &Document, problems: &mut Vec<Problem>) {
    for edge in doc.edges() {
        for (end, id) in [("starts at", edge.from), ("points to", edge.to)] {
            if doc.node(id).is_none() {
                problems.push(Problem {
                    subject: Subject::Edge(edge.id),
                    message: format!("The {} {end} {id}, which does not exist.", edge.id),
                    hint: "Delete the arrow or reconnect it to a node.".into(),
                });
            }
        }
        if edge.branch.is_some() {
            let from_condition = doc
                .node(edge.from)
                .is_some_and(|n| n.kind() == super::node::NodeKind::Condition);
            if !from_condition && doc.node(edge.from).is_some() {
                problems.push(Problem {
                    subject: Subject::Edge(edge.id),
                    message: format!(
                        "The {} is marked as a yes/no branch but does not leave a condition.",
                        edge.id
                    ),
                    hint: "Remove the branch mark, or start the arrow at an IF-condition.".into(),
                });
            }
        }
    }
}

fn check_annotations(doc: &Document, problems: &mut Vec<Problem>) {
    for annotation in doc.annotations() {
        let exists = match annotation.target {
            Target::Node(id) => doc.node(id).is_some(),
            Target::Edge(id) => doc.edge(id).is_some(),
        };
        if !exists {
            let what = match annotation.target {
                Target::Node(id) => id.to_string(),
                Target::Edge(id) => id.to_string(),
            };
            problems.push(Problem {
                subject: Subject::Annotation(annotation.id),
                message: format!(
                    "The {} by {} is attached to {what}, which does not exist.",
                    annotation.id,
                    if annotation.author.is_empty() {
                        "an unnamed author"
                    } else {
                        &annotation.author
                    }
                ),
                hint: "Delete the comment or copy its text onto the node it was about.".into(),
            });
        }
    }
}

fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
