//! Why a node is in its state in a scenario, in words a workshop can follow back to the
//! conditions: "Not active: it follows from CMOC 24, which is …".

use super::{Cause, ConditionState, NodeState, Outcome, Scenario};
use crate::model::document::Document;
use crate::model::ids::NodeId;
use crate::model::node::NodeKind;

impl Outcome {
    /// Why a node is in its state, in words, following the causes back to the scenario:
    /// "Not active: it follows from CMOC 24, which is not active because it is in the region
    /// “Positive pathway”, on the yes branch of the condition “holding is recognised…”, which
    /// is not met in this scenario."
    /// A negative CMOC that is active ends "This negative CMOC is a failure case that happens
    /// in this scenario."
    pub fn explain(&self, doc: &Document, scenario: &Scenario, id: NodeId) -> String {
        let mut out = self.explain_cause(doc, scenario, id);
        let negative = doc
            .node(id)
            .and_then(|n| n.content.cmoc())
            .is_some_and(|c| c.polarity == crate::model::Polarity::Negative);
        if negative && self.state(id) == NodeState::Active {
            out.push_str(" This negative CMOC is a failure case that happens in this scenario.");
        }
        out
    }

    fn explain_cause(&self, doc: &Document, scenario: &Scenario, id: NodeId) -> String {
        let mut out = capitalised(self.state(id).words());
        out.push_str(": ");
        let mut at = id;
        let mut seen = Vec::new();
        loop {
            seen.push(at);
            let subject = if at == id {
                "it".to_string()
            } else {
                name(doc, at)
            };
            // Either the sentence ends here, or it goes on to what gave `at` its state.
            let next = match self.cause(at) {
                Cause::SetByScenario => {
                    out.push_str(&match scenario.conditions.get(&at) {
                        Some(c) if is_condition(doc, at) => {
                            format!("{} is {} in this scenario.", name(doc, at), c.words())
                        }
                        _ => format!("{} is set so in this scenario.", name(doc, at)),
                    });
                    None
                }
                Cause::Branch { condition, branch } => {
                    let c = scenario
                        .conditions
                        .get(&condition)
                        .copied()
                        .unwrap_or(ConditionState::Unknown);
                    out.push_str(&format!(
                        "{subject} is on the {} branch of {}, which is {} in this scenario.",
                        branch.word(),
                        name(doc, condition),
                        c.words()
                    ));
                    None
                }
                Cause::Arrow { from, prevents } => {
                    let how = if prevents {
                        "is prevented by"
                    } else {
                        "follows from"
                    };
                    out.push_str(&format!(
                        "{subject} {how} {}, which is {}; ",
                        name(doc, from),
                        self.state(from).words()
                    ));
                    Some(from)
                }
                Cause::Region(region) => {
                    out.push_str(&format!(
                        "{subject} is in {}, which is {}; ",
                        name(doc, region),
                        self.state(region).words()
                    ));
                    Some(region)
                }
                Cause::Nothing => {
                    out.push_str(&format!("no condition of this scenario reaches {subject}."));
                    None
                }
            };
            match next {
                None => return out,
                Some(next) if seen.contains(&next) || seen.len() > 12 => {
                    out.push_str("and so on round a loop.");
                    return out;
                }
                Some(next) => at = next,
            }
        }
    }
}

pub(super) fn is_condition(doc: &Document, id: NodeId) -> bool {
    doc.node(id)
        .is_some_and(|n| n.kind() == NodeKind::Condition)
}

/// A node as an explanation names it: "CMOC 24", "the region “Positive pathway…”".
pub fn describe_node(doc: &Document, id: NodeId) -> String {
    name(doc, id)
}

fn name(doc: &Document, id: NodeId) -> String {
    doc.node(id).map_or_else(
        || "a deleted node".to_string(),
        |n| match n.kind() {
            NodeKind::Cmoc => n.label(),
            _ => {
                let block = n.content.text_block().cloned().unwrap_or_default();
                let text = [block.title.trim(), block.text.trim()]
                    .into_iter()
                    .filter(|t| !t.is_empty() && *t != "IF")
                    .collect::<Vec<_>>()
                    .join(": ");
                let what = n.kind().name().to_lowercase();
                let what = what.split(' ').next().unwrap_or("node").to_string();
                if text.is_empty() {
                    format!("the {what}")
                } else {
                    format!("the {what} “{}”", crate::model::shorten(&text, 50))
                }
            }
        },
    )
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}
