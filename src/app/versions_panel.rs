//! The Versions panel: keep the theory as it is now under a name ("Initial programme theory",
//! "After workshop 1"), see the versions kept in the file, newest first, and restore or delete
//! one. Every change is one undoable step of the session; the panel only keeps what is being
//! typed and which version the diagram is now.

use crate::model::NodeId;
use crate::session::Editor;
use egui::{RichText, TextEdit, Ui};

/// What the panel keeps between frames.
#[derive(Debug, Default)]
pub struct VersionsPanel {
    /// The name being typed for the next version.
    pub name: String,
    /// Its note.
    pub note: String,
    /// Put the cursor in the name box on the next frame (File → Save version…).
    pub focus_name: bool,
    /// Which saved version the diagram is exactly, worked out for a document revision.
    current: Option<(crate::model::Stamp, Option<usize>)>,
    /// Merge conflicts and the comparison.
    team: super::team_panel::TeamPanel,
}

impl VersionsPanel {
    /// Shows the panel; `author` signs a version saved now. Returns a node to show on the
    /// canvas (a conflict's or a change's), and a version to show beside the diagram.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        editor: &mut Editor,
        author: &str,
    ) -> (Option<NodeId>, Option<usize>) {
        let mut show = self.team.conflicts_ui(ui, editor);
        show = self.team.comparing_ui(ui, editor).or(show);
        if let Some(id) = editor.selection.single_node() {
            super::team_panel::word_changes_ui(ui, editor, id);
        }
        let beside = self.versions_ui(ui, editor, author);
        (show, beside)
    }

    fn versions_ui(&mut self, ui: &mut Ui, editor: &mut Editor, author: &str) -> Option<usize> {
        ui.label(
            RichText::new(
                "A version keeps the theory as it is now — its cards, other nodes, regions and arrows, not the comments or workshop notes — in this file, to restore or compare later.",
            )
            .weak(),
        );
        ui.add_space(4.0);
        self.save_ui(ui, editor, author);
        ui.separator();
        let revision = editor.revision();
        let current = match self.current {
            Some((seen, current)) if seen == revision => current,
            _ => {
                let current = editor.current_version();
                self.current = Some((revision, current));
                current
            }
        };
        let versions = editor.doc().versions();
        if versions.is_empty() {
            ui.label("No version saved yet.");
            return None;
        }
        ui.label(RichText::new(format!("Saved versions ({})", versions.len())).strong());
        let mut restore = None;
        let mut delete = None;
        let mut compare = None;
        let mut beside = None;
        for (index, version) in versions.iter().enumerate().rev() {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                let mut heading = RichText::new(&version.name).strong();
                if current == Some(index) {
                    heading = heading.underline();
                }
                ui.label(heading);
                let by = if version.author.is_empty() {
                    String::new()
                } else {
                    format!(" by {}", version.author)
                };
                ui.label(format!("Saved {} UTC{by}", version.saved.short()));
                ui.label(RichText::new(version.summary()).weak());
                if !version.note.is_empty() {
                    ui.label(&version.note);
                }
                if current == Some(index) {
                    ui.label(RichText::new("The diagram is this version now.").italics());
                }
                ui.horizontal_wrapped(|ui| {
                    let again = ui
                        .add_enabled(current != Some(index), egui::Button::new("Restore"))
                        .on_hover_text(
                            "Make the theory this version again (Undo brings the diagram back)",
                        );
                    super::name_widget(ui, &again, &format!("Restore {}", version.name));
                    if again.clicked() {
                        restore = Some(index);
                    }
                    let with = ui.button("Compare").on_hover_text(
                        "Mark on the canvas what changed since this version, and list the changes",
                    );
                    super::name_widget(ui, &with, &format!("Compare with {}", version.name));
                    if with.clicked() {
                        compare = Some(index);
                    }
                    let view = ui.button("View beside").on_hover_text(
                        "Show this version beside the diagram, read-only, moving and zooming together",
                    );
                    super::name_widget(ui, &view, &format!("View {} beside the diagram", version.name));
                    if view.clicked() {
                        beside = Some(index);
                    }
                    let gone = ui
                        .button("Delete")
                        .on_hover_text("Forget this version (Undo brings it back)");
                    super::name_widget(ui, &gone, &format!("Delete {}", version.name));
                    if gone.clicked() {
                        delete = Some(index);
                    }
                });
            });
        }
        if let Some(index) = restore {
            editor.restore_version(index);
        }
        if let Some(index) = delete {
            editor.delete_version(index);
        }
        if let Some(index) = compare {
            editor.compare_with_version(index);
        }
        beside
    }

    /// The name and note of the next version, and its Save button.
    fn save_ui(&mut self, ui: &mut Ui, editor: &mut Editor, author: &str) {
        ui.label(RichText::new("Save this version").strong());
        let name = ui.add(
            TextEdit::singleline(&mut self.name)
                .hint_text("Name, e.g. Initial programme theory")
                .desired_width(f32::INFINITY),
        );
        super::name_widget(ui, &name, "Version name");
        if std::mem::take(&mut self.focus_name) {
            name.request_focus();
        }
        let note = ui.add(
            TextEdit::multiline(&mut self.note)
                .hint_text("Note (optional): what it stands for, what changed")
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        );
        super::name_widget(ui, &note, "Version note");
        let entered = name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let named = !self.name.trim().is_empty();
        let save = ui
            .add_enabled(named, egui::Button::new("Save version"))
            .on_disabled_hover_text("Give the version a name first");
        super::name_widget(ui, &save, "Save version");
        if (save.clicked() || (entered && named))
            && editor.save_version(&self.name, author, &self.note)
        {
            self.name.clear();
            self.note.clear();
        }
        if author.trim().is_empty() {
            ui.label(
                RichText::new("Versions are signed with your name: set it in the Comments tab.")
                    .weak(),
            );
        }
    }
}
