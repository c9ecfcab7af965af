//! What changed in a document since a given revision, so views (the scene, validation) redo
//! only the part of their work that a change touched: typing into one card of 20,000 costs
//! the same as typing into one card of ten.

use super::annotation::Target;
use super::ids::{EdgeId, NodeId};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};

/// One recorded change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// A node's content, size or colour changed (it must be drawn again).
    Node(NodeId),
    /// A node only moved (its drawing can be reused where it lands).
    Moved(NodeId),
    /// Nodes were added, removed or reordered.
    Structure,
    /// An arrow was added, removed or changed.
    Edge(EdgeId),
    /// A comment on this target was added, removed or changed.
    Comments(Target),
    /// Title, authors or citation changed.
    Metadata,
}

/// Changes since a revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Changes {
    /// Nothing changed.
    None,
    /// These changes, oldest first (may repeat).
    Some(Vec<Change>),
    /// Too much changed, or the revision is from another document: start again.
    Everything,
}

/// Where a view's copy of a document stands: which document (a fresh one on every load and
/// clone) and which revision of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Stamp {
    /// Which document instance.
    pub generation: u64,
    /// How many changes it had seen.
    pub revision: u64,
}

/// At most this many changes are remembered; a view further behind rebuilds.
const CAPACITY: usize = 200_000;

static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

/// The recent changes of one document.
#[derive(Debug)]
pub(crate) struct ChangeLog {
    generation: u64,
    revision: u64,
    entries: VecDeque<Change>,
}

impl Default for ChangeLog {
    fn default() -> Self {
        Self {
            generation: NEXT_GENERATION.fetch_add(1, Ordering::Relaxed),
            revision: 0,
            entries: VecDeque::new(),
        }
    }
}

/// A cloned document is another document: views of the original must not take it for theirs.
impl Clone for ChangeLog {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl ChangeLog {
    pub(crate) fn record(&mut self, change: Change) {
        if self.entries.len() == CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(change);
        self.revision += 1;
    }

    pub(crate) fn stamp(&self) -> Stamp {
        Stamp {
            generation: self.generation,
            revision: self.revision,
        }
    }

    pub(crate) fn since(&self, stamp: Stamp) -> Changes {
        if stamp.generation != self.generation || stamp.revision > self.revision {
            return Changes::Everything;
        }
        let behind = self.revision - stamp.revision;
        if behind == 0 {
            return Changes::None;
        }
        let Ok(behind) = usize::try_from(behind) else {
            return Changes::Everything;
        };
        if behind > self.entries.len() {
            return Changes::Everything;
        }
        let start = self.entries.len() - behind;
        Changes::Some(self.entries.range(start..).copied().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_changes_since_a_stamp_and_forgets_old_ones() {
        let mut log = ChangeLog::default();
        let start = log.stamp();
        assert_eq!(log.since(start), Changes::None);
        log.record(Change::Node(NodeId(1)));
        log.record(Change::Moved(NodeId(2)));
        assert_eq!(
            log.since(start),
            Changes::Some(vec![Change::Node(NodeId(1)), Change::Moved(NodeId(2))])
        );
        let middle = log.stamp();
        log.record(Change::Structure);
        assert_eq!(log.since(middle), Changes::Some(vec![Change::Structure]));
        for _ in 0..CAPACITY {
            log.record(Change::Metadata);
        }
        assert_eq!(log.since(start), Changes::Everything, "too far behind");
        let other = ChangeLog::default();
        assert_eq!(other.since(log.stamp()), Changes::Everything);
        assert_eq!(log.clone().since(log.stamp()), Changes::Everything);
    }
}
