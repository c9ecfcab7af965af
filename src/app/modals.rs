//! The dialogs shown over the editor: unsaved changes, errors, shortcuts, the start screen,
//! and the figure/table export and table import dialogs.

use super::dialogs::{Modal, Then};
use super::figures::{self, DialogAnswer};
use super::files::Files;
use super::path_picker::{PickAnswer, PickPurpose, WordExport, path_picker_ui};
use super::{Action, Origin};
use egui::{RichText, Ui};

impl Files<'_> {
    /// The answer to "Recover unsaved work?": recover, discard or later; then the start
    /// screen the user was going to see, or the next snapshot.
    fn answer_recovery(&mut self, answer: super::recovery::RecoverAnswer) {
        if !self.desk.recovery.offers.is_empty() {
            let orphan = self.desk.recovery.offers.remove(0);
            match answer {
                super::recovery::RecoverAnswer::Recover => self.recover(&orphan),
                super::recovery::RecoverAnswer::Discard => self.discard_snapshot(&orphan),
                super::recovery::RecoverAnswer::Later => {}
            }
        }
        // Not recovered: back to the start screen the user was going to see.
        let recovered = matches!(answer, super::recovery::RecoverAnswer::Recover);
        if std::mem::take(&mut self.desk.welcome_after_recovery)
            && !recovered
            && self.desk.modal.is_none()
            && self.desk.recovery.offers.is_empty()
        {
            self.desk.modal = Some(Modal::Welcome);
        }
        // The next snapshot, if several editors crashed (recovering one replaces the
        // open document, so the next is offered after it is saved or discarded).
        if self.desk.modal.is_none() && !self.desk.recovery.offers.is_empty() {
            if self.has_unsaved_work() {
                self.editor.status = format!(
                    "{} more recovery snapshot(s): save this diagram, then choose File > Recover unsaved work….",
                    self.desk.recovery.offers.len()
                );
            } else {
                self.desk.modal = Some(Modal::Recover { compare: None });
            }
        }
    }

    /// Comments written but not added, and comments from phones waiting.
    fn unsent_counts(&self) -> (usize, usize) {
        (
            self.comments.unsent().count(),
            self.editor.phone_comments().len(),
        )
    }

    /// "Save changes?" answered: save first (adding unsent comments) or not, then go on.
    fn answer_unsaved(&mut self, save_first: bool, then: Then) {
        if save_first {
            self.comments
                .add_unsent(self.editor, &self.settings.author_name);
            // Every comment waiting from a phone goes onto its card (one whose card is gone
            // is dropped, and said).
            while !self.editor.phone_comments().is_empty() {
                self.editor.accept_phone_comment(0);
            }
            let saved = match self.editor.origin.clone() {
                Origin::File(path) => self.save_to(&path),
                // Save As carries on with `then` itself once a name is chosen, also
                // through the built-in chooser.
                Origin::Untitled | Origin::Example => {
                    self.save_as_then(Some(then));
                    return;
                }
            };
            if !saved {
                return;
            }
        }
        self.carry_out(then);
    }

    /// What the dialog's answer asks for: a path for an export, a chosen path used, or a table
    /// imported (the new cards selected and brought into view).
    fn carry_out_chosen(&mut self, chosen: Chosen, modal: &Modal) {
        if let Some(dialog) = chosen.figure {
            self.ask_path(PickPurpose::ExportFigure(dialog));
        }
        if let Some(format) = chosen.notes {
            self.ask_path(PickPurpose::ExportNotes(format));
        }
        if let Some(format) = chosen.table {
            self.ask_path(PickPurpose::ExportTable(format));
        }
        if let Some(what) = chosen.word {
            self.ask_path(PickPurpose::ExportWord(what));
        }
        if let Some(PickAnswer::Chosen(path)) = chosen.picked
            && let Modal::PickPath(picker) = modal
        {
            self.use_path(picker.purpose.clone(), &path);
        }
        if chosen.confirmed
            && let Modal::MergeBase(choice) = modal
        {
            let base = choice.base.map_or(
                crate::session::MergeBase::TwoWay,
                crate::session::MergeBase::Version,
            );
            self.desk.show_versions = self
                .editor
                .merge_copy(&choice.theirs, &choice.name, base)
                .is_some();
        }
        if chosen.confirmed
            && let Modal::ImportTable(dialog) = modal
        {
            self.editor.status = figures::import_into(self.editor, dialog);
            // The new cards, selected, come into view.
            if !self.editor.selection.nodes.is_empty() {
                self.canvas.fit_selection(self.editor);
            }
        }
    }

    /// Draws the dialog shown, if any, and carries out its answer; returns the command the
    /// start screen chose, for the window to run.
    pub(super) fn modal_ui(&mut self, ctx: &egui::Context) -> Option<Action> {
        let mut modal = self.desk.modal.take()?;
        let mut close = false;
        let mut then_do: Option<(bool, Then)> = None;
        let mut figure_to_export = None;
        let mut table_format = None;
        let mut notes_format = None;
        let mut word = None;
        let mut confirmed = false;
        let mut start_action = None;
        let has_selection = !self.editor.selection.nodes.is_empty();
        let scenario_names: Vec<String> = self
            .editor
            .doc()
            .scenarios()
            .iter()
            .map(|s| s.name.clone())
            .collect();
        let shown_scenario = self
            .canvas
            .scenario
            .and_then(|i| scenario_names.get(i).cloned());
        let display_name = self.editor.display_name();
        let recent = self.settings.recent_files.clone();
        let unsent = self.unsent_counts();
        let dirty = self.editor.is_dirty();
        let offer = self.desk.recovery.offers.first().cloned();
        let mut recover_answer = None;
        let mut picked = None;
        // No dialog is taller than the window (its buttons in reach on a 768-pixel laptop).
        let most = (ctx.content_rect().height() - 48.0).max(120.0);
        let response = egui::Modal::new(egui::Id::unique("modal")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            // At least that tall when it has to scroll: a modal is centred from its last size,
            // and a scroll area sized to the room left under that centre would settle small.
            let scroll = egui::ScrollArea::vertical().max_height(most);
            scroll
                .min_scrolled_height(most)
                .show(ui, |ui| match &mut modal {
                    Modal::Unsaved(then) => {
                        let (answer, cancel) = unsaved_ui(ui, &display_name, dirty, unsent);
                        then_do = answer.map(|save_first| (save_first, then.clone()));
                        close = cancel;
                    }
                    Modal::Error { title, message } => close = error_ui(ui, title, message),
                    Modal::HowToRead => close = how_to_read_ui(ui),
                    Modal::Shortcuts => close = super::key_tables::shortcuts_ui(ui),
                    Modal::Welcome => (start_action, then_do) = welcome_ui(ui, &recent),
                    Modal::ExportFigure(dialog) => {
                        match figures::figure_dialog_ui(ui, dialog, has_selection, &scenario_names)
                        {
                            DialogAnswer::Confirm => figure_to_export = Some(dialog.clone()),
                            DialogAnswer::Cancel => close = true,
                            DialogAnswer::Open => {}
                        }
                    }
                    Modal::ExportTable => {
                        (table_format, close) =
                            export_table_ui(ui, shown_scenario.as_deref(), &mut word);
                    }
                    Modal::ExportNotes => (notes_format, close) = export_notes_ui(ui, &mut word),
                    Modal::ImportTable(dialog) => {
                        match figures::import_dialog_ui(ui, dialog, self.editor.doc()) {
                            DialogAnswer::Confirm => confirmed = true,
                            DialogAnswer::Cancel => close = true,
                            DialogAnswer::Open => {}
                        }
                    }
                    Modal::MergeBase(choice) => {
                        let answer =
                            super::team_panel::merge_base_ui(ui, choice, self.editor.doc());
                        (confirmed, close) = (
                            answer == DialogAnswer::Confirm,
                            answer == DialogAnswer::Cancel,
                        );
                    }
                    Modal::PickPath(picker) => picked = path_picker_ui(ui, picker),
                    Modal::Recover { compare } => match &offer {
                        Some(orphan) => {
                            recover_answer = super::recovery::recover_ui(ui, orphan, compare)
                        }
                        None => close = true,
                    },
                });
        });
        if response.should_close() {
            if matches!(modal, Modal::Recover { .. }) {
                // Clicking beside the question does not decide it: the snapshot is kept.
                recover_answer = recover_answer.or(Some(super::recovery::RecoverAnswer::Later));
            }
            close = true;
        }
        if let Some(answer) = recover_answer {
            close = true;
            self.answer_recovery(answer);
        }
        let chosen = Chosen {
            figure: figure_to_export,
            table: table_format,
            notes: notes_format,
            word,
            picked,
            confirmed,
        };
        if chosen.any() {
            close = true;
            self.carry_out_chosen(chosen, &modal);
        }
        if !close && then_do.is_none() && start_action.is_none() && self.desk.modal.is_none() {
            self.desk.modal = Some(modal);
        }
        if let Some((save_first, then)) = then_do {
            self.answer_unsaved(save_first, then);
        }
        start_action
    }

    /// The current file's name without extension, for suggested export names.
    pub(super) fn file_stem(&self) -> String {
        match &self.editor.origin {
            // "workshop.cmoc.ron" and "workshop.ron" both give "workshop".
            Origin::File(p) => p
                .file_stem()
                .map(|s| {
                    let stem = s.to_string_lossy();
                    stem.strip_suffix(".cmoc").unwrap_or(&stem).to_string()
                })
                .unwrap_or_else(|| "diagram".into()),
            Origin::Example => "holding".into(),
            Origin::Untitled => "diagram".into(),
        }
    }

    /// Shows a success in the status bar, or a failure in an error dialog.
    pub(super) fn report(&mut self, result: Result<String, String>, title: &str) {
        match result {
            Ok(message) => self.editor.status = message,
            Err(message) => {
                self.desk.modal = Some(Modal::Error {
                    title: title.into(),
                    message,
                })
            }
        }
    }
}

/// Something went wrong: the title, the message, OK. True when OK was pressed.
fn error_ui(ui: &mut Ui, title: &str, message: &str) -> bool {
    ui.heading(title);
    ui.label(message);
    ui.button("OK").clicked()
}

/// Help → How to read a programme theory; true when closed.
fn how_to_read_ui(ui: &mut Ui) -> bool {
    ui.heading(Action::HowToRead.name());
    for paragraph in super::definitions::HOW_TO_READ {
        ui.label(*paragraph);
        ui.add_space(4.0);
    }
    ui.button("Close").clicked()
}

/// File → Export CMOC table: the format chosen, and whether it was cancelled.
fn export_table_ui(
    ui: &mut Ui,
    shown_scenario: Option<&str>,
    word: &mut Option<WordExport>,
) -> (Option<crate::interchange::TableFormat>, bool) {
    let (mut chosen, mut cancel) = (None, false);
    ui.heading("Export CMOC table");
    ui.label("The CMOC table in the layout of the paper's Table 4: No., polarity, context, mechanism, outcome, evidence sources.");
    if let Some(name) = shown_scenario {
        ui.label(format!("With a last column: each CMOC's state in the scenario shown, “{name}” (choose “What if: none” in the toolbar to leave it out)."));
    }
    ui.horizontal(|ui| {
        for (format, text) in [
            (crate::interchange::TableFormat::Markdown, "Markdown…"),
            (crate::interchange::TableFormat::Csv, "CSV…"),
            (
                crate::interchange::TableFormat::Sentences,
                "Sentences (When/If C, then O, because M)…",
            ),
        ] {
            if ui.button(text).clicked() {
                chosen = Some(format);
            }
        }
        if ui.button("Word…").clicked() {
            *word = Some(WordExport::Table);
        }
    });
    if ui.button("Cancel").clicked() {
        cancel = true;
    }
    (chosen, cancel)
}

/// File → Export workshop notes: the format chosen, and whether it was cancelled.
fn export_notes_ui(
    ui: &mut Ui,
    word: &mut Option<WordExport>,
) -> (Option<crate::interchange::NotesFormat>, bool) {
    let (mut chosen, mut cancel) = (None, false);
    ui.heading("Export workshop notes");
    ui.label("What the room said, step by step along the presentation path: each card in plain words and C/M/O, every comment and reply with its group and time, each group's reactions, and what changed in each session.");
    ui.horizontal(|ui| {
        for (format, text) in [
            (
                crate::interchange::NotesFormat::Markdown,
                "Markdown (to read and share)…",
            ),
            (
                crate::interchange::NotesFormat::Csv,
                "CSV (one row per entry)…",
            ),
        ] {
            if ui.button(text).clicked() {
                chosen = Some(format);
            }
        }
        if ui.button("Word…").clicked() {
            *word = Some(WordExport::Notes);
        }
    });
    if ui.button("Cancel").clicked() {
        cancel = true;
    }
    (chosen, cancel)
}

/// "Save changes?": Some(true) to save first, Some(false) not to; and whether it was cancelled.
fn unsaved_ui(
    ui: &mut Ui,
    display_name: &str,
    dirty: bool,
    (unsent, from_phones): (usize, usize),
) -> (Option<bool>, bool) {
    let (mut answer, mut cancel) = (None, false);
    ui.heading("Save changes?");
    if dirty {
        ui.label(format!("“{display_name}” has changes that are not saved."));
    }
    if unsent > 0 {
        ui.label(format!(
            "{unsent} comment(s) are written but not yet added. Save adds them to \
                 their cards first; Don't save drops them."
        ));
    }
    if from_phones > 0 {
        ui.label(format!(
            "{from_phones} comment(s) from phones are waiting to be accepted. Save accepts them \
                 onto their cards first; Don't save drops them."
        ));
    }
    ui.horizontal(|ui| {
        if ui.button("Save").clicked() {
            answer = Some(true);
        }
        if ui.button("Don't save").clicked() {
            answer = Some(false);
        }
        if ui.button("Cancel").clicked() {
            cancel = true;
        }
    });
    (answer, cancel)
}

/// The start screen: New, Open, the example, or a recent file.
fn welcome_ui(
    ui: &mut Ui,
    recent: &[std::path::PathBuf],
) -> (Option<Action>, Option<(bool, Then)>) {
    let (mut action_chosen, mut open) = (None, None);
    ui.heading("CMOC Canvas");
    ui.label("Draw, toggle and annotate realist programme theories.");
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        for action in [Action::New, Action::Open, Action::OpenExample] {
            if ui
                .button(action.name())
                .on_hover_text(action.description())
                .clicked()
            {
                action_chosen = Some(action);
            }
        }
    });
    ui.add_space(6.0);
    ui.label(RichText::new("Recent files").strong());
    for path in recent {
        if ui.link(path.display().to_string()).clicked() {
            open = Some((false, Then::OpenPath(path.clone())));
        }
    }
    (action_chosen, open)
}

/// What a dialog answered that needs the window to carry it out.
struct Chosen {
    figure: Option<figures::FigureDialog>,
    table: Option<crate::interchange::TableFormat>,
    notes: Option<crate::interchange::NotesFormat>,
    word: Option<WordExport>,
    picked: Option<PickAnswer>,
    confirmed: bool,
}

impl Chosen {
    fn any(&self) -> bool {
        self.figure.is_some()
            || self.table.is_some()
            || self.notes.is_some()
            || self.word.is_some()
            || self.picked.is_some()
            || self.confirmed
    }
}
