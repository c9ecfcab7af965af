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
}
