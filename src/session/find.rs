//! Find: words or a CMOC number ("10", "-ve 22") → the matching cards in reading order, and
//! stepping through them (the selection follows). The window draws the bar and moves the
//! camera; what matches and which match is current live here.

use super::Editor;
use crate::model::{NodeId, Stamp};
use crate::scene::Scene;
use crate::scene::find::Query;

/// What is being looked for and what matches it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Find {
    /// What has been typed.
    pub text: String,
    /// The nodes that match, in reading order.
    pub matches: Vec<NodeId>,
    /// Which match was last shown.
    pub current: Option<usize>,
    /// The text and document revision the matches were found for.
    searched: Option<(String, Stamp)>,
}

impl Find {
    /// Whether the matches are out of date (the text or the document changed).
    pub fn is_stale(&self, revision: Stamp) -> bool {
        self.searched
            .as_ref()
            .is_none_or(|(text, stamp)| *text != self.text || *stamp != revision)
    }

    /// Finds the matches again in `scene` (the drawing of the document at `revision`).
    pub fn search(&mut self, scene: &Scene, revision: Stamp) {
        self.matches = scene.find(&Query::parse(&self.text));
        self.current = None;
        self.searched = Some((self.text.clone(), revision));
    }

    /// Looks for `text` in the editor's document (building its drawing: the window passes its
    /// own through [`Find::search`] instead).
    pub fn search_in(&mut self, editor: &Editor, text: &str) {
        self.text = text.to_string();
        let scene = Scene::build(editor.doc(), &crate::scene::Palette::LIGHT);
        self.search(&scene, editor.revision());
    }

    /// Selects the next match (or the previous), wrapping round; says in the status which it
    /// is. `None` when nothing matches.
    pub fn step(&mut self, editor: &mut Editor, forward: bool) -> Option<NodeId> {
        let count = self.matches.len();
        if count == 0 {
            editor.status = "No card matches.".into();
            return None;
        }
        let next = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        self.current = Some(next);
        let id = self.matches[next];
        editor.selection.set_node(id);
        editor.status = format!("Match {} of {count}", next + 1);
        Some(id)
    }

    /// Where the search stands, for the bar: "", "no match", "3 matches", "2 of 3".
    pub fn summary(&self) -> String {
        match (self.current, self.matches.len()) {
            (_, 0) if self.text.trim().is_empty() => String::new(),
            (_, 0) => "no match".to_string(),
            (Some(i), n) => format!("{} of {n}", i + 1),
            (None, n) => format!("{n} match{}", if n == 1 { "" } else { "es" }),
        }
    }
}
