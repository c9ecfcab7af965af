//! Find: which nodes match what a user typed — words anywhere in a node's text, or a CMOC
//! number ("10" finds CMOC 10 and -ve CMOC 10; "-ve 22" only the negative one) — in reading
//! order, so stepping through the matches follows the diagram.

use super::{Scene, SceneNode};
use crate::model::{NodeId, Polarity};

/// What a Find query asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// Nothing (an empty query).
    Nothing,
    /// Cards with this number; only one polarity when the query says so ("-ve 22").
    Number(u32, Option<Polarity>),
    /// Nodes whose text holds every one of these words (lower case).
    Words(Vec<String>),
}

impl Query {
    /// Reads what the user typed.
    pub fn parse(text: &str) -> Query {
        let lower = text.trim().to_lowercase();
        if lower.is_empty() {
            return Query::Nothing;
        }
        let mut rest = lower.as_str();
        let mut polarity = None;
        for prefix in ["-ve", "negative", "neg"] {
            if let Some(r) = rest.strip_prefix(prefix) {
                rest = r.trim_start();
                polarity = Some(Polarity::Negative);
                break;
            }
        }
        let rest = rest.strip_prefix("cmoc").map_or(rest, str::trim_start);
        let rest = rest.strip_prefix("no.").map_or(rest, str::trim_start);
        if let Ok(number) = rest.parse::<u32>() {
            return Query::Number(number, polarity);
        }
        Query::Words(lower.split_whitespace().map(str::to_string).collect())
    }

    fn matches(&self, node: &SceneNode) -> bool {
        match self {
            Query::Nothing => false,
            Query::Number(number, polarity) => node
                .badge
                .as_ref()
                .is_some_and(|b| b.number == *number && polarity.is_none_or(|p| p == b.polarity)),
            Query::Words(words) => {
                let mut text = String::new();
                if let Some(badge) = &node.badge {
                    text.push_str(&badge.text);
                    text.push(' ');
                }
                text.push_str(&node.title);
                for section in &node.sections {
                    text.push(' ');
                    text.push_str(&section.text);
                }
                text.push(' ');
                text.push_str(&node.body);
                let text = text.to_lowercase();
                words.iter().all(|w| text.contains(w.as_str()))
            }
        }
    }
}

impl Scene {
    /// The nodes matching `query`, in reading order.
    pub fn find(&self, query: &Query) -> Vec<NodeId> {
        if *query == Query::Nothing {
            return Vec::new();
        }
        self.reading_order()
            .into_iter()
            .filter(|id| self.node(*id).is_some_and(|n| query.matches(n)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_words_are_told_apart() {
        assert_eq!(Query::parse("10"), Query::Number(10, None));
        assert_eq!(Query::parse(" CMOC 10 "), Query::Number(10, None));
        assert_eq!(
            Query::parse("-ve 22"),
            Query::Number(22, Some(Polarity::Negative))
        );
        assert_eq!(
            Query::parse("-ve CMOC 22"),
            Query::Number(22, Some(Polarity::Negative))
        );
        assert_eq!(
            Query::parse("Link Worker"),
            Query::Words(vec!["link".into(), "worker".into()])
        );
        assert_eq!(Query::parse("   "), Query::Nothing);
    }
}
