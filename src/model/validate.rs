//! Checks that report what is wrong with a document without refusing to open it. Each problem
//! names the thing it is about and says what to do.

use super::annotation::Target;
use super::changes::{Change, Changes, Stamp};
use super::document::Document;
use super::ids::{AnnotationId, EdgeId, NodeId};
use super::node::Polarity;
use rustc_hash::FxHashMap as HashMap;
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
    /// A "what if" scenario, by its place in the list.
    Scenario(usize),
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

/// A card as a problem names it among cards that share its badge: its title, or the start of
/// its context, in quotes.
fn card_words(doc: &Document, id: NodeId) -> String {
    let Some(card) = doc.node(id).and_then(|n| n.content.cmoc()) else {
        return "a deleted card".into();
    };
    let words = [
        card.title.as_str(),
        card.context.as_str(),
        card.outcome.as_str(),
    ]
    .into_iter()
    .map(str::trim)
    .find(|t| !t.is_empty());
    match words {
        Some(words) => format!("“{}”", super::shorten(words, 40)),
        None => "an empty card".into(),
    }
}

/// Every problem in the document, in a stable order (nodes, then arrows, then comments).
pub fn validate(doc: &Document) -> Vec<Problem> {
    let mut validation = Validation::default();
    validation.update(doc);
    validation.problems(doc)
}

/// The problems of a document, kept up to date change by change: typing into one card
/// re-checks that card and the cards sharing its number, not the whole document.
#[derive(Debug, Default)]
pub struct Validation {
    stamp: Option<Stamp>,
    nodes: HashMap<NodeId, Vec<Problem>>,
    /// Negative cards without a positive twin (listed after the other card problems).
    twins: HashMap<NodeId, Problem>,
    edges: HashMap<EdgeId, Vec<Problem>>,
    annotations: HashMap<AnnotationId, Vec<Problem>>,
    /// The CMOC number each card had when last checked (a renumbered card's old
    /// duplicates and twins must be checked again).
    numbers: HashMap<NodeId, u32>,
    count: usize,
}

impl Validation {
    /// Brings the problems up to date with `doc`.
    pub fn update(&mut self, doc: &Document) {
        let changes = match self.stamp {
            Some(stamp) => doc.changes_since(stamp),
            None => Changes::Everything,
        };
        match changes {
            Changes::None => {}
            Changes::Some(list) if !list.contains(&Change::Structure) => {
                for change in list {
                    match change {
                        Change::Node(id) => self.check_node_and_neighbours(doc, id),
                        Change::Edge(id) => self.check_edge(doc, id),
                        Change::Comments(target) => {
                            let ids: Vec<AnnotationId> =
                                doc.annotations_on(target).map(|a| a.id).collect();
                            for id in ids {
                                self.check_annotation(doc, id);
                            }
                        }
                        Change::Moved(_) | Change::Metadata | Change::Structure => {}
                    }
                }
            }
            // Nodes added, removed or reordered (which decides which duplicate is "first"):
            // check everything again.
            Changes::Some(_) | Changes::Everything => self.check_everything(doc),
        }
        self.count = self.nodes.values().map(Vec::len).sum::<usize>()
            + self.twins.len()
            + self.edges.values().map(Vec::len).sum::<usize>()
            + self.annotations.values().map(Vec::len).sum::<usize>();
        self.stamp = Some(doc.stamp());
    }

    /// How many problems there are.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Every problem in a stable order: nodes in drawing order, then arrows, then comments.
    pub fn problems(&self, doc: &Document) -> Vec<Problem> {
        let mut out = Vec::with_capacity(self.count);
        for node in doc.nodes() {
            out.extend(self.nodes.get(&node.id).into_iter().flatten().cloned());
        }
        // A negative card without its twin is reported after every other card problem.
        for node in doc.nodes() {
            out.extend(self.twins.get(&node.id).cloned());
        }
        for edge in doc.edges() {
            out.extend(self.edges.get(&edge.id).into_iter().flatten().cloned());
        }
        for annotation in doc.annotations() {
            out.extend(
                self.annotations
                    .get(&annotation.id)
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
        }
        out.extend(scenario_problems(doc));
        out
    }

    fn check_everything(&mut self, doc: &Document) {
        self.nodes.clear();
        self.twins.clear();
        self.edges.clear();
        self.annotations.clear();
        self.numbers.clear();
        let ids: Vec<NodeId> = doc.nodes().map(|n| n.id).collect();
        for id in ids {
            self.check_node(doc, id);
        }
        let ids: Vec<EdgeId> = doc.edges().map(|e| e.id).collect();
        for id in ids {
            self.check_edge(doc, id);
        }
        let ids: Vec<AnnotationId> = doc.annotations().map(|a| a.id).collect();
        for id in ids {
            self.check_annotation(doc, id);
        }
    }

    fn set<K: std::hash::Hash + Eq>(
        map: &mut HashMap<K, Vec<Problem>>,
        key: K,
        found: Vec<Problem>,
    ) {
        if found.is_empty() {
            map.remove(&key);
        } else {
            map.insert(key, found);
        }
    }

    /// Checks a node, the cards that share its number (old and new), and its arrows.
    fn check_node_and_neighbours(&mut self, doc: &Document, id: NodeId) {
        let old = self.numbers.get(&id).copied();
        let new = doc
            .node(id)
            .and_then(|n| n.content.cmoc())
            .map(|c| c.number);
        self.check_node(doc, id);
        for number in [old, new].into_iter().flatten() {
            let ids: Vec<NodeId> = doc.cards_numbered(number).map(|(n, _)| n.id).collect();
            for other in ids {
                self.check_node(doc, other);
            }
        }
        let edges: Vec<EdgeId> = doc.edges_touching(id).map(|e| e.id).collect();
        for edge in edges {
            self.check_edge(doc, edge);
        }
    }

    fn check_node(&mut self, doc: &Document, id: NodeId) {
        let Some((node, card)) = doc.node(id).and_then(|n| Some((n, n.content.cmoc()?))) else {
            self.nodes.remove(&id);
            self.twins.remove(&id);
            self.numbers.remove(&id);
            return;
        };
        self.numbers.insert(id, card.number);
        let mut found = Vec::new();
        let badge = card.badge();
        let index = doc.node_index(id);
        let first = doc
            .cards_numbered(card.number)
            .filter(|(_, c)| c.polarity == card.polarity)
            .map(|(n, _)| (doc.node_index(n.id), n.id))
            .min();
        if let Some((first_index, first)) = first
            && first != id
            && first_index < index
        {
            found.push(Problem {
                subject: Subject::Node(node.id),
                message: format!(
                    "{badge} appears twice: {} and {}.",
                    card_words(doc, first),
                    card_words(doc, node.id)
                ),
                hint: "Give one of them another number, or toggle one to the other polarity if it is the failure case.".into(),
            });
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
            found.push(Problem {
                subject: Subject::Node(node.id),
                message: format!("{badge} has an empty {}.", join_words(&empty)),
                hint: "Fill in each part: When/If CONTEXT, then OUTCOME, because MECHANISM.".into(),
            });
        }
        self.twins.remove(&id);
        if card.polarity == Polarity::Negative
            && doc.find_cmoc(card.number, Polarity::Positive).is_none()
        {
            let twin = Problem {
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
            };
            self.twins.insert(id, twin);
        }
        Self::set(&mut self.nodes, id, found);
    }

    fn check_edge(&mut self, doc: &Document, id: EdgeId) {
        let Some(edge) = doc.edge(id) else {
            self.edges.remove(&id);
            return;
        };
        let mut found = Vec::new();
        for (end, node) in [("starts at", edge.from), ("points to", edge.to)] {
            if doc.node(node).is_none() {
                found.push(Problem {
                    subject: Subject::Edge(edge.id),
                    message: format!("The {} {end} {node}, which does not exist.", edge.id),
                    hint: "Delete the arrow or reconnect it to a node.".into(),
                });
            }
        }
        if edge.branch.is_some() {
            let from_condition = doc
                .node(edge.from)
                .is_some_and(|n| n.kind() == super::node::NodeKind::Condition);
            if !from_condition && doc.node(edge.from).is_some() {
                found.push(Problem {
                    subject: Subject::Edge(edge.id),
                    message: format!(
                        "The {} is marked as a yes/no branch but does not leave a condition.",
                        edge.id
                    ),
                    hint: "Remove the branch mark, or start the arrow at an IF-condition.".into(),
                });
            }
        }
        Self::set(&mut self.edges, id, found);
    }

    fn check_annotation(&mut self, doc: &Document, id: AnnotationId) {
        let Some(annotation) = doc.annotation(id) else {
            self.annotations.remove(&id);
            return;
        };
        let mut found = Vec::new();
        let exists = match annotation.target {
            Target::Node(id) => doc.node(id).is_some(),
            Target::Edge(id) => doc.edge(id).is_some(),
        };
        if !exists {
            let what = match annotation.target {
                Target::Node(id) => id.to_string(),
                Target::Edge(id) => id.to_string(),
            };
            found.push(Problem {
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
        Self::set(&mut self.annotations, id, found);
    }
}

fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Scenarios whose names differ only in case or outer spaces: exports pick a scenario by its
/// name, so such a pair is ambiguous to anyone typing it.
fn scenario_problems(doc: &Document) -> Vec<Problem> {
    let mut first_named: HashMap<String, usize> = HashMap::default();
    let mut out = Vec::new();
    for (index, scenario) in doc.scenarios().iter().enumerate() {
        let key = scenario.name.trim().to_lowercase();
        match first_named.get(&key) {
            Some(&first) => {
                let earlier = &doc.scenarios()[first].name;
                out.push(Problem {
                    subject: Subject::Scenario(index),
                    message: format!(
                        "The scenarios \u{201c}{}\u{201d} and \u{201c}{}\u{201d} have the same name but for capitals or spaces.",
                        earlier.trim(),
                        scenario.name.trim()
                    ),
                    hint: "Rename one in the What if panel, so that a name given to an export picks one for sure.".into(),
                });
            }
            None => {
                first_named.insert(key, index);
            }
        }
    }
    out
}
