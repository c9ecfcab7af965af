//! Comparing the diagram with a saved version or a colleague's copy, in the editor: the
//! comparison follows the diagram as it is edited, and the researcher steps through the
//! changes (n / N), each step selecting the changed node so the window frames it. The old
//! side is a copy, so the version can be deleted or the other file closed meanwhile.

use super::Editor;
use super::compare::{ChangeKind, Comparison, Corrections, NodeChange, Theory, compare_with};
use crate::model::{Document, Edge, Node, NodeId, Stamp};
use rustc_hash::FxHashMap;

/// What the diagram is being compared with.
#[derive(Clone, Debug)]
pub struct Comparing {
    /// Its name ("Initial programme theory", a file's name).
    pub name: String,
    /// Its nodes.
    pub old_nodes: Vec<Node>,
    /// Its arrows.
    pub old_edges: Vec<Edge>,
    /// The researcher's corrections to the pairing.
    pub corrections: Corrections,
    comparison: Comparison,
    /// The change each node of the diagram has (by index into `comparison.nodes`).
    by_new: FxHashMap<NodeId, usize>,
    /// The change each removed node had (old ids).
    by_old: FxHashMap<NodeId, usize>,
    /// The old side's nodes by id.
    old_by_id: FxHashMap<NodeId, usize>,
    at: Option<Stamp>,
    /// The change stepped to last (index into `comparison.nodes`).
    pub cursor: Option<usize>,
}

impl Comparing {
    /// The comparison, as of the last refresh.
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// The change a node of the diagram has, if any.
    pub fn change_of(&self, id: NodeId) -> Option<&NodeChange> {
        self.by_new.get(&id).map(|&i| &self.comparison.nodes[i])
    }

    /// A node of the old side.
    pub fn old_node(&self, id: NodeId) -> Option<&Node> {
        self.old_by_id.get(&id).map(|&i| &self.old_nodes[i])
    }

    /// The removed nodes, as they were (to draw their ghosts).
    pub fn removed(&self) -> impl Iterator<Item = &Node> {
        self.by_old.keys().filter_map(|id| self.old_node(*id))
    }

    /// The summary line: "Compared with “Initial programme theory”: 6 added, 0 removed, 1
    /// changed, 2 moved."
    pub fn summary(&self) -> String {
        let [added, removed, changed, moved] = self.comparison.counts();
        if self.comparison.is_empty() {
            return format!("The diagram is the same as “{}”.", self.name);
        }
        format!(
            "Compared with “{}”: {added} added, {removed} removed, {changed} changed, {moved} moved.",
            self.name
        )
    }

    fn refresh(&mut self, doc: &Document) {
        if self.at == Some(doc.stamp()) {
            return;
        }
        let old = Theory {
            nodes: self.old_nodes.iter().collect(),
            edges: self.old_edges.iter().collect(),
        };
        self.comparison = compare_with(&old, &Theory::of_document(doc), &self.corrections);
        // A realist status is recorded against the version compared with, so it differs from
        // that version's by design: the card's status word shows it; it is not a change.
        self.comparison.nodes.retain_mut(|change| {
            if change.kind != ChangeKind::Changed
                || change
                    .parts
                    .iter()
                    .any(|p| *p != crate::model::Part::Status)
            {
                return true;
            }
            change.parts.clear();
            change.kind = ChangeKind::Moved;
            change.moved
        });
        self.by_new.clear();
        self.by_old.clear();
        for (i, change) in self.comparison.nodes.iter().enumerate() {
            match (change.new, change.old) {
                (Some(new), _) => {
                    self.by_new.insert(new, i);
                }
                (None, Some(old)) => {
                    self.by_old.insert(old, i);
                }
                (None, None) => {}
            }
        }
        if self
            .cursor
            .is_some_and(|c| c >= self.comparison.nodes.len())
        {
            self.cursor = None;
        }
        self.at = Some(doc.stamp());
    }
}

impl Editor {
    /// Starts comparing the diagram with the saved version at `index`.
    pub fn compare_with_version(&mut self, index: usize) -> bool {
        let Some(version) = self.doc().versions().get(index) else {
            self.status = format!("There is no saved version number {}.", index + 1);
            return false;
        };
        let (name, nodes, edges) = (
            version.name.clone(),
            version.nodes.clone(),
            version.edges.clone(),
        );
        self.start_comparing(name, nodes, edges);
        true
    }

    /// Starts comparing the diagram with another diagram (a colleague's copy, named `name`).
    pub fn compare_with_copy(&mut self, other: &Document, name: &str) {
        self.start_comparing(
            name.to_string(),
            other.nodes().cloned().collect(),
            other.edges().cloned().collect(),
        );
    }

    fn start_comparing(&mut self, name: String, old_nodes: Vec<Node>, old_edges: Vec<Edge>) {
        let old_by_id = old_nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id, i))
            .collect();
        let mut comparing = Comparing {
            name,
            old_nodes,
            old_edges,
            corrections: Corrections::default(),
            comparison: Comparison::default(),
            by_new: FxHashMap::default(),
            by_old: FxHashMap::default(),
            old_by_id,
            at: None,
            cursor: None,
        };
        comparing.refresh(self.doc());
        self.status = format!(
            "{} Press n for the next change, N for the one before.",
            comparing.summary()
        );
        self.comparing = Some(comparing);
    }

    /// True while the diagram is being compared with something.
    pub fn is_comparing(&self) -> bool {
        self.comparing.is_some()
    }

    /// Stops comparing.
    pub fn stop_comparing(&mut self) {
        if self.comparing.take().is_some() {
            self.status = "Stopped comparing.".into();
        }
    }

    /// The comparison, brought up to date with the diagram.
    pub fn comparing(&mut self) -> Option<&Comparing> {
        self.refresh_comparison();
        self.comparing.as_ref()
    }

    /// Brings the comparison up to date with the diagram (cheap when nothing changed).
    pub fn refresh_comparison(&mut self) {
        if let Some(comparing) = self.comparing.as_mut() {
            comparing.refresh(&self.doc);
        }
    }

    /// The comparison as last brought up to date (see [`Editor::refresh_comparison`]).
    pub fn comparison_view(&self) -> Option<&Comparing> {
        self.comparing.as_ref()
    }

    /// Pairs two nodes by hand (`apart`: says they are not the same node), and compares again.
    pub fn correct_pairing(&mut self, old: NodeId, new: NodeId, apart: bool) {
        let Some(comparing) = self.comparing.as_mut() else {
            return;
        };
        // The later word wins: pairing two takes back "not the same", and the other way.
        let corrections = &mut comparing.corrections;
        corrections.pair.retain(|p| *p != (old, new));
        corrections.apart.retain(|p| *p != (old, new));
        if apart {
            corrections.apart.push((old, new));
        } else {
            corrections.pair.push((old, new));
        }
        comparing.at = None;
        comparing.refresh(&self.doc);
    }

    /// Steps to the next change (or the one before): selects the changed node, or for a
    /// removed one selects nothing and says where it was. Returns the step's node as it is now
    /// or was, to frame it; `None` when nothing differs or nothing is being compared.
    pub fn step_change(&mut self, forward: bool) -> Option<Node> {
        let doc = &self.doc;
        let comparing = self.comparing.as_mut()?;
        comparing.refresh(doc);
        let count = comparing.comparison.nodes.len();
        if count == 0 {
            self.status = comparing.summary();
            return None;
        }
        let next = match (comparing.cursor, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(c), true) => (c + 1) % count,
            (Some(c), false) => (c + count - 1) % count,
        };
        comparing.cursor = Some(next);
        let change = comparing.comparison.nodes[next].clone();
        let node = match (change.new, change.old) {
            (Some(id), _) => doc.node(id).cloned(),
            (None, Some(id)) => comparing.old_node(id).cloned(),
            (None, None) => None,
        }?;
        let what = match change.kind {
            ChangeKind::Changed => {
                let parts: Vec<&str> = change.parts.iter().map(|p| p.name()).collect();
                format!("changed ({})", parts.join(", "))
            }
            ChangeKind::Removed => format!("removed since “{}”", comparing.name),
            other => other.word().to_string(),
        };
        self.status = format!("Change {} of {count}: {} {what}.", next + 1, node.label());
        if change.new.is_some() {
            self.selection.set_node(node.id);
        } else {
            self.selection.clear();
        }
        Some(node)
    }
}

impl Editor {
    /// Writes the refinement table — each CMOC's status and what changed since the version
    /// being compared with (or, when not comparing, the first saved version, usually the
    /// initial programme theory) — to `path`, as Word, Markdown, CSV or HTML by its extension.
    /// Returns the summary line.
    pub fn write_refinement_table(&mut self, path: &std::path::Path) -> Result<String, String> {
        use crate::interchange::changes::{
            ChangeTable, changes_csv, changes_docx, changes_html, changes_markdown,
        };
        let (name, old_nodes, old_edges) = match (&self.comparing, self.doc.versions().first()) {
            (Some(c), _) => (c.name.clone(), c.old_nodes.clone(), c.old_edges.clone()),
            (None, Some(v)) => (v.name.clone(), v.nodes.clone(), v.edges.clone()),
            (None, None) => {
                return Err(
                    "Save a version first (File → Save version…): the table says what changed since it."
                        .into(),
                );
            }
        };
        let old = Theory {
            nodes: old_nodes.iter().collect(),
            edges: old_edges.iter().collect(),
        };
        let new = Theory::of_document(&self.doc);
        let comparison = super::compare::compare(&old, &new);
        let table = ChangeTable::new(&old, &new, &comparison, &name, "the diagram as it is");
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let bytes = match extension.as_str() {
            "docx" => changes_docx(&table).map_err(|e| e.to_string())?,
            "md" | "markdown" => changes_markdown(&table).into_bytes(),
            "csv" => changes_csv(&table).into_bytes(),
            "html" | "htm" => changes_html(&table).into_bytes(),
            _ => {
                return Err(format!(
                    "{} does not end in .docx, .md, .csv or .html: add the ending for the kind of file you want.",
                    path.display()
                ));
            }
        };
        crate::file::write_atomic(path, &bytes).map_err(|e| e.to_string())?;
        let summary = table.summary();
        self.status = format!(
            "Saved the refinement table to {}: {summary}",
            path.display()
        );
        Ok(summary)
    }
}
