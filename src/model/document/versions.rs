//! The document's named versions of its theory (see [`crate::model::Version`]).

use super::Document;
use crate::model::Version;

impl Document {
    /// Gives a freshly loaded document its versions (not an edit: used while building). Ids a
    /// version uses are never handed out to new nodes or arrows, so restoring a version never
    /// meets a different thing under one of its ids.
    pub fn with_versions(mut self, versions: Vec<Version>) -> Self {
        let used: Vec<u64> = versions
            .iter()
            .flat_map(|v| {
                v.nodes
                    .iter()
                    .map(|n| n.id.0)
                    .chain(v.edges.iter().map(|e| e.id.0))
            })
            .collect();
        for id in used {
            self.reserve_id(id);
        }
        self.versions = versions;
        self
    }

    /// The named versions of the theory, oldest first.
    pub fn versions(&self) -> &[Version] {
        &self.versions
    }

    /// Puts a version at `index` (clamped: at the end when past it). The ids it uses are never
    /// handed out afterwards.
    pub(crate) fn insert_version(&mut self, version: Version, index: usize) {
        for id in version
            .nodes
            .iter()
            .map(|n| n.id.0)
            .chain(version.edges.iter().map(|e| e.id.0))
        {
            self.reserve_id(id);
        }
        let index = index.min(self.versions.len());
        // Nothing drawn changes, but the document did (recovery snapshots and views that
        // follow the revision see it).
        self.log.record(crate::model::Change::Metadata);
        self.versions.insert(index, version);
    }

    /// Takes the version at `index` out.
    pub(crate) fn remove_version(&mut self, index: usize) -> Option<Version> {
        if index >= self.versions.len() {
            return None;
        }
        self.log.record(crate::model::Change::Metadata);
        Some(self.versions.remove(index))
    }

    /// The merge conflicts left to resolve, in the order the merge found them.
    pub fn conflicts(&self) -> &[crate::model::Conflict] {
        &self.conflicts
    }

    /// Gives a freshly loaded document its conflicts (not an edit: used while building). Ids
    /// their nodes and arrows use are never handed out.
    pub fn with_conflicts(mut self, conflicts: Vec<crate::model::Conflict>) -> Self {
        for c in &conflicts {
            conflict_ids(c).for_each(|id| self.reserve_id(id));
        }
        self.conflicts = conflicts;
        self
    }

    /// Replaces the conflicts, returning the old ones.
    pub(crate) fn replace_conflicts(
        &mut self,
        conflicts: Vec<crate::model::Conflict>,
    ) -> Vec<crate::model::Conflict> {
        for c in &conflicts {
            conflict_ids(c).for_each(|id| self.reserve_id(id));
        }
        self.log.record(crate::model::Change::Metadata);
        std::mem::replace(&mut self.conflicts, conflicts)
    }
}

fn conflict_ids(c: &crate::model::Conflict) -> impl Iterator<Item = u64> + '_ {
    c.their_node
        .iter()
        .map(|n| n.id.0)
        .chain(c.their_arrow.iter().map(|e| e.id.0))
}
