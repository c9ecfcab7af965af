//! Named versions of the theory: saving one, bringing one back, forgetting one — each one
//! undo step, each said in the status line.

use super::Editor;
use crate::edit::{Edit, restore_edit};
use crate::model::{Timestamp, Version};

impl Editor {
    /// Keeps the theory as it is now as a version named `name`, saved by `author`, with a
    /// note. Refuses (saying why) an empty name or one already used.
    pub fn save_version(&mut self, name: &str, author: &str, note: &str) -> bool {
        let name = name.trim();
        if name.is_empty() {
            self.status =
                "Give the version a name first (for example “Initial programme theory”).".into();
            return false;
        }
        if self.doc().versions().iter().any(|v| v.name.trim() == name) {
            self.status = format!(
                "A version named “{name}” is already saved: choose another name (for example “{name} (2)”)."
            );
            return false;
        }
        let version = Version::of(self.doc(), name, author, note, Timestamp::now());
        let summary = version.summary();
        let index = self.doc().versions().len();
        let edit = Edit::AddVersion {
            version: Box::new(version),
            index,
        };
        if !self.apply(edit, format!("Save version “{name}”")) {
            return false;
        }
        self.status = format!(
            "Saved the version “{name}” ({summary}). It is kept in this file: the Versions tab lists it."
        );
        true
    }

    /// Makes the theory the version at `index` again, as one undo step.
    pub fn restore_version(&mut self, index: usize) -> bool {
        let Some(version) = self.doc().versions().get(index) else {
            self.status = format!("There is no saved version number {}.", index + 1);
            return false;
        };
        let name = version.name.clone();
        let edit = match restore_edit(self.doc(), version) {
            Ok(edit) => edit,
            Err(e) => {
                self.status = format!("Could not restore “{name}”: {e}.");
                return false;
            }
        };
        if edit.is_empty() {
            self.status = format!("The diagram already is the version “{name}”.");
            return false;
        }
        if !self.apply(edit, format!("Restore version “{name}”")) {
            return false;
        }
        self.status = format!(
            "Restored the version “{name}”. Undo (Ctrl+Z) brings the diagram back as it was."
        );
        true
    }

    /// Forgets the version at `index`, as one undo step.
    pub fn delete_version(&mut self, index: usize) -> bool {
        let Some(name) = self.doc().versions().get(index).map(|v| v.name.clone()) else {
            self.status = format!("There is no saved version number {}.", index + 1);
            return false;
        };
        if !self.apply(
            Edit::RemoveVersion { index },
            format!("Delete version “{name}”"),
        ) {
            return false;
        }
        self.status = format!("Deleted the version “{name}” (Undo brings it back).");
        true
    }

    /// The saved version the theory is exactly, if any (the newest such).
    pub fn current_version(&self) -> Option<usize> {
        self.doc()
            .versions()
            .iter()
            .rposition(|v| v.matches(self.doc()))
    }
}
