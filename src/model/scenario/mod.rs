//! Scenarios: "what if" for an IF-branch. A scenario sets each IF-condition to met, not met or
//! unknown, and may override how far a node is activated (Dalkin et al. 2015: activation is a
//! continuum). [`propagate`] works out every node's state from that, and says why.
//!
//! How states flow:
//! - a condition's yes arrows carry "active" when it is met and "inactive" when it is not; its
//!   no arrows the reverse; unknown carries unknown;
//! - every other arrow carries its source's state; a "prevents" arrow carries the opposite
//!   (active and inactive swap; partly and unknown stay);
//! - a region passes its state to the nodes inside it (as the example's branches point at the
//!   regions that hold each pathway);
//! - a node fed only by active arrows is active, only by inactive ones inactive, by both (or by
//!   a partly active one) partly active; a node nothing feeds is unknown;
//! - an override wins.
//!
//! States only ever move up the order unknown < active, inactive < partly, so the flow ends
//! (at most three changes a node), cycles included, and its result does not depend on the
//! order nodes are visited in: it is deterministic.

pub(super) mod data;
mod explain;

pub use data::{Activation, ConditionState, Scenario, fresh_scenario_name};

pub use explain::describe_node;
use explain::is_condition;

use super::document::Document;
use super::edge::{Branch, EdgeEffect};
use super::ids::NodeId;
use super::node::{Node, NodeKind};
use std::collections::{HashMap, VecDeque};

/// A node's state in a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeState {
    /// Nothing decides it (no condition reaches it, or only unknown ones do).
    Unknown,
    /// Active.
    Active,
    /// Not active.
    Inactive,
    /// Partly active: fed both ways, or set so.
    Partly,
}

impl NodeState {
    /// The least state that is at least both (unknown < active, inactive < partly).
    fn join(self, other: NodeState) -> NodeState {
        use NodeState::*;
        match (self, other) {
            (Unknown, x) | (x, Unknown) => x,
            (a, b) if a == b => a,
            _ => Partly,
        }
    }

    /// What a "prevents" arrow carries.
    fn inverted(self) -> NodeState {
        match self {
            NodeState::Active => NodeState::Inactive,
            NodeState::Inactive => NodeState::Active,
            other => other,
        }
    }

    /// In words: "active", "not active", "partly active", "not decided".
    pub fn words(self) -> &'static str {
        match self {
            NodeState::Active => "active",
            NodeState::Inactive => "not active",
            NodeState::Partly => "partly active",
            NodeState::Unknown => "not decided",
        }
    }

    /// In words for a node of the given polarity: a negative CMOC describes a failure, so
    /// "active" means the failure happens ("active: this failure happens").
    pub fn words_for(self, negative: bool) -> &'static str {
        match (self, negative) {
            (NodeState::Active, true) => "active: this failure happens",
            (NodeState::Inactive, true) => "not active: this failure does not happen",
            (NodeState::Partly, true) => "partly active: this failure partly happens",
            (state, _) => state.words(),
        }
    }
}

impl From<Activation> for NodeState {
    fn from(a: Activation) -> Self {
        match a {
            Activation::Activated => NodeState::Active,
            Activation::Partly => NodeState::Partly,
            Activation::NotActivated => NodeState::Inactive,
        }
    }
}

/// Why a node is in its state: the first thing that gave it that state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// The scenario sets it (a condition's own state, or an override).
    SetByScenario,
    /// A condition's branch arrow.
    Branch {
        /// The condition.
        condition: NodeId,
        /// Which branch.
        branch: Branch,
    },
    /// An arrow from another node ("prevents" when `prevents`).
    Arrow {
        /// Where the arrow starts.
        from: NodeId,
        /// The arrow prevents rather than leads to.
        prevents: bool,
    },
    /// The region it sits in.
    Region(NodeId),
    /// Nothing reaches it.
    Nothing,
}

/// Every node's state in one scenario, with the reason for each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    states: HashMap<NodeId, (NodeState, Cause)>,
}

impl Outcome {
    /// A node's state (unknown for a node not in the document).
    pub fn state(&self, id: NodeId) -> NodeState {
        self.states.get(&id).map_or(NodeState::Unknown, |s| s.0)
    }

    /// Why a node is in its state.
    pub fn cause(&self, id: NodeId) -> Cause {
        self.states.get(&id).map_or(Cause::Nothing, |s| s.1)
    }
}

/// Every node whose state differs between two scenarios, in the document's order, with its
/// state in the first and in the second (regions left out: they only pass states on).
pub fn compare(doc: &Document, a: &Scenario, b: &Scenario) -> Vec<(NodeId, NodeState, NodeState)> {
    let (first, second) = (propagate(doc, a), propagate(doc, b));
    doc.nodes()
        .filter(|n| n.kind() != NodeKind::Region)
        .map(|n| (n.id, first.state(n.id), second.state(n.id)))
        .filter(|(_, x, y)| x != y)
        .collect()
}

/// The regions each node sits in (its centre inside the region; a region is not in itself).
fn regions_holding(doc: &Document) -> HashMap<NodeId, Vec<NodeId>> {
    let regions: Vec<&Node> = doc
        .nodes()
        .filter(|n| n.kind() == NodeKind::Region)
        .collect();
    let mut out: HashMap<NodeId, Vec<NodeId>> = HashMap::new();
    if regions.is_empty() {
        return out;
    }
    for node in doc.nodes() {
        let centre = node.rect().center();
        for region in &regions {
            // A region drawn inside another is held by it, and holds its own contents.
            if region.id != node.id && region.rect().contains(centre) {
                out.entry(node.id).or_default().push(region.id);
            }
        }
    }
    out
}

/// Works out every node's state in `scenario`. Ends on any graph, cycles included, and gives
/// the same result whatever the order of nodes and arrows.
pub fn propagate(doc: &Document, scenario: &Scenario) -> Outcome {
    // What feeds each node: (source, how).
    #[derive(Clone, Copy)]
    enum Feed {
        Branch(NodeId, Branch),
        Arrow(NodeId, bool),
        Region(NodeId),
    }
    let mut feeds: HashMap<NodeId, Vec<Feed>> = HashMap::new();
    let mut fed_by_me: HashMap<NodeId, Vec<NodeId>> = HashMap::new();
    for edge in doc.edges() {
        if doc.node(edge.from).is_none() || doc.node(edge.to).is_none() {
            continue;
        }
        let feed = match edge.branch {
            Some(branch) if is_condition(doc, edge.from) => Feed::Branch(edge.from, branch),
            _ => Feed::Arrow(edge.from, edge.effect == EdgeEffect::Prevents),
        };
        feeds.entry(edge.to).or_default().push(feed);
        fed_by_me.entry(edge.from).or_default().push(edge.to);
    }
    for (node, regions) in regions_holding(doc) {
        for region in regions {
            feeds.entry(node).or_default().push(Feed::Region(region));
            fed_by_me.entry(region).or_default().push(node);
        }
    }
    let mut states: HashMap<NodeId, (NodeState, Cause)> = HashMap::new();
    // Set by the scenario: overrides, and the conditions' own states.
    let fixed = |id: NodeId| -> Option<NodeState> {
        if let Some(a) = scenario.overrides.get(&id) {
            return Some((*a).into());
        }
        match scenario.conditions.get(&id) {
            Some(c) if is_condition(doc, id) => Some(match c {
                ConditionState::Met => NodeState::Active,
                ConditionState::NotMet => NodeState::Inactive,
                ConditionState::Unknown => NodeState::Unknown,
            }),
            _ => None,
        }
    };
    for node in doc.nodes() {
        let start = match fixed(node.id) {
            Some(s) => (s, Cause::SetByScenario),
            None => (NodeState::Unknown, Cause::Nothing),
        };
        states.insert(node.id, start);
    }
    let signal =
        |states: &HashMap<NodeId, (NodeState, Cause)>, feed: Feed| -> NodeState {
            match feed {
                Feed::Branch(condition, branch) => {
                    let c = scenario
                        .conditions
                        .get(&condition)
                        .copied()
                        .unwrap_or(ConditionState::Unknown);
                    match (c, branch) {
                        (ConditionState::Met, Branch::Yes)
                        | (ConditionState::NotMet, Branch::No) => NodeState::Active,
                        (ConditionState::Met, Branch::No)
                        | (ConditionState::NotMet, Branch::Yes) => NodeState::Inactive,
                        (ConditionState::Unknown, _) => NodeState::Unknown,
                    }
                }
                Feed::Arrow(from, prevents) => {
                    let s = states.get(&from).map_or(NodeState::Unknown, |s| s.0);
                    if prevents { s.inverted() } else { s }
                }
                Feed::Region(region) => states.get(&region).map_or(NodeState::Unknown, |s| s.0),
            }
        };
    // Work through nodes whose feeds changed, in document order at first.
    let mut queue: VecDeque<NodeId> = doc.nodes().map(|n| n.id).collect();
    let mut queued: std::collections::HashSet<NodeId> = queue.iter().copied().collect();
    let mut announced: std::collections::HashSet<NodeId> = std::collections::HashSet::new();
    while let Some(id) = queue.pop_front() {
        queued.remove(&id);
        if fixed(id).is_some() {
            // What the scenario sets wins and never changes: it is passed on once.
            if !announced.insert(id) {
                continue;
            }
        } else {
            let mut state = states.get(&id).map_or(NodeState::Unknown, |s| s.0);
            let mut cause = states.get(&id).map_or(Cause::Nothing, |s| s.1);
            for feed in feeds.get(&id).into_iter().flatten() {
                let s = signal(&states, *feed);
                let joined = state.join(s);
                if joined != state {
                    state = joined;
                    cause = match *feed {
                        Feed::Branch(condition, branch) => Cause::Branch { condition, branch },
                        Feed::Arrow(from, prevents) => Cause::Arrow { from, prevents },
                        Feed::Region(region) => Cause::Region(region),
                    };
                }
            }
            let before = states.get(&id).map(|s| s.0);
            states.insert(id, (state, cause));
            if before == Some(state) {
                continue;
            }
        }
        for next in fed_by_me.get(&id).into_iter().flatten() {
            if queued.insert(*next) {
                queue.push_back(*next);
            }
        }
    }
    Outcome { states }
}
