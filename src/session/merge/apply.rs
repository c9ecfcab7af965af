//! Turning a merge into one edit of your document: the merged theory, the conflicts left to
//! resolve, the colleague's saved versions you did not have, and a version that records the
//! merge — all one undo step.

use super::Merged;
use crate::edit::{Edit, EditError, restore_edit};
use crate::model::{Document, Timestamp, Version};

/// The edit that makes `doc` the merge: its theory becomes the merged one, the conflicts are
/// added to any already there, their versions whose names you do not have are kept, and the
/// result is saved as a version named `record_as` (made unique).
pub fn merge_edit(
    doc: &Document,
    merged: &Merged,
    their_versions: &[Version],
    record_as: &str,
) -> Result<Edit, EditError> {
    let theory = Version {
        name: String::new(),
        saved: Timestamp::now(),
        author: String::new(),
        note: String::new(),
        nodes: merged.nodes.clone(),
        edges: merged.edges.clone(),
    };
    let mut edits = vec![restore_edit(doc, &theory)?];
    let mut conflicts = doc.conflicts().to_vec();
    conflicts.extend(merged.conflicts.iter().cloned());
    edits.push(Edit::SetConflicts { conflicts });
    let mut names: Vec<String> = doc.versions().iter().map(|v| v.name.clone()).collect();
    let mut index = doc.versions().len();
    for version in their_versions {
        if !names.contains(&version.name) {
            names.push(version.name.clone());
            edits.push(Edit::AddVersion {
                version: Box::new(version.clone()),
                index,
            });
            index += 1;
        }
    }
    let mut name = record_as.to_string();
    let mut n = 2;
    while names.contains(&name) {
        name = format!("{record_as} ({n})");
        n += 1;
    }
    let note = if merged.conflicts.is_empty() {
        "Merged cleanly.".to_string()
    } else {
        format!(
            "Merged with {} to resolve.",
            crate::model::counted(merged.conflicts.len(), "conflict", "conflicts")
        )
    };
    edits.push(Edit::AddVersion {
        version: Box::new(Version {
            name,
            note,
            ..theory
        }),
        index,
    });
    Ok(Edit::Batch(edits))
}

/// The newest version saved in both copies and left as it was in both (the same name and
/// the same theory): the version the two copies started from, the merge's base when no other
/// is given. Two people who each started from "IPT v2" merge cleanly without git.
pub fn shared_version<'a>(ours: &'a Document, theirs: &Document) -> Option<&'a Version> {
    ours.versions().iter().rev().find(|mine| {
        theirs
            .versions()
            .iter()
            .any(|t| t.name == mine.name && t.nodes == mine.nodes && t.edges == mine.edges)
    })
}
