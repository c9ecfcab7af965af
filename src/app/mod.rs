//! The editor window: menus, toolbar, canvas, inspector and comments, status bar and dialogs.
//! [`EditorApp::ui`] draws a whole frame into any `Ui`, so the same code runs in the real
//! window and in egui_kittest tests.

pub mod canvas;
mod central;
mod chrome;
mod comments;
mod definitions;
pub mod dialogs;
mod dispatch;
mod facilitator;
pub mod figures;
mod files;
mod find;
mod import_dialog;
mod input_order;
mod inspector;
mod legend;
mod modals;
mod palette;
mod path_panel;
pub mod path_picker;
mod picking;
pub mod present;
pub mod recovery;
mod scenario_panel;
pub mod settings;
pub(crate) mod shortcuts;
mod side_panel;
pub mod table_view;
mod then;
mod tidy_progress;
mod widgets;
mod window;

pub use palette::matching as palette_matching;
pub use shortcuts::{Shortcuts, shortcut_words};
pub(crate) use widgets::{CardText, MAX_EDIT_BYTES, name_widget, too_long_to_edit};
pub use window::run_editor;

use crate::file::example_document;
use crate::session::{Action, Editor, Origin};

use crate::scene::Palette;
use canvas::CanvasState;
pub(crate) use canvas::ZOOM_STEP;
use comments::{CommentsState, comments_ui};
use dialogs::{FileDialogs, Modal, Then};
use egui::{Ui, ViewportCommand};
use settings::Settings;
use std::path::PathBuf;
use table_view::TableView;

/// The whole editor: one open document and the window around it.
pub struct EditorApp {
    /// The open document.
    pub editor: Editor,
    /// The canvas's view state.
    pub canvas: CanvasState,
    /// Remembered preferences.
    pub settings: Settings,
    settings_path: Option<PathBuf>,
    /// Where Open and Save ask for files.
    pub dialogs: Box<dyn FileDialogs>,
    /// The dialog shown over the editor, if any.
    pub modal: Option<Modal>,
    comments: CommentsState,
    /// Set once the user agreed to close; the next close request goes through.
    allow_close: bool,
    /// True once the app asked the window to close (tests read it).
    pub close_sent: bool,
    /// Show the legend over the canvas.
    pub show_legend: bool,
    /// Show the CMOC table under the canvas.
    pub show_table: bool,
    /// The side panel: its tabs and their state.
    pub side: side_panel::SidePanel,
    /// The CMOC table's sorting and filtering.
    pub table: TableView,
    title_sent: String,
    validation: crate::model::Validation,
    legend_cache: Option<(crate::scene::Palette, bool, crate::scene::legend::Legend)>,
    /// The context of the current frame (for commands that talk to the window).
    ctx: Option<egui::Context>,
    /// The command palette, while open.
    pub palette: Option<palette::Palette>,
    /// The find bar.
    pub find: find::FindBar,
    /// Recovery snapshots of unsaved work.
    pub recovery: recovery::RecoveryState,
    /// Tidy, while it lays out a large diagram.
    pub tidy: tidy_progress::TidyProgress,
    /// The start screen comes after the recovery question (when the user did not recover).
    welcome_after_recovery: bool,
    /// Clicks held back a frame behind the typing before them.
    input_order: input_order::InputOrder,
    /// The presentation, while presenting.
    pub present: Option<present::Presenting>,
    /// Two scenarios side by side: the second canvas, on the right, showing its own
    /// scenario; the two move and zoom together.
    pub split: Option<Box<CanvasState>>,
}

/// The tabs of the side panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideTab {
    /// Every field of the selection.
    Inspector,
    /// Comments on the selection.
    Comments,
    /// The steps of a presentation, with speaker notes.
    Path,
    /// "What if" scenarios: show, make, set and compare them.
    Scenarios,
}

impl eframe::App for EditorApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui(ui);
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        let typing = ctx.egui_wants_keyboard_input()
            && !ctx
                .memory(|m| m.focused())
                .is_some_and(|id| self.canvas.owns_focus(id));
        if self.input_order.reorder(raw_input, typing) {
            ctx.request_repaint();
        }
    }
}

impl EditorApp {
    /// Starts the editor: with `file`, that file; with none and no recent files, the built-in
    /// example; with recent files, the start screen.
    pub fn start(
        file: Option<PathBuf>,
        settings_path: Option<PathBuf>,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        let settings = Settings::load(settings_path.as_deref());
        let settings_path_for_recovery = settings_path.clone();
        let has_recent = !settings.recent_files.is_empty();
        let mut app = Self {
            editor: Editor::new(example_document(), Origin::Example),
            canvas: CanvasState::fitting(),
            settings,
            settings_path,
            dialogs,
            modal: None,
            comments: CommentsState::default(),
            allow_close: false,
            close_sent: false,
            show_legend: true,
            show_table: false,
            side: side_panel::SidePanel::default(),
            table: TableView::default(),
            title_sent: String::new(),
            validation: crate::model::Validation::default(),
            legend_cache: None,
            ctx: None,
            palette: None,
            find: find::FindBar::default(),
            present: None,
            tidy: tidy_progress::TidyProgress::default(),
            welcome_after_recovery: false,
            input_order: input_order::InputOrder::default(),
            split: None,
            recovery: recovery::RecoveryState::open(recovery::recovery_dir(
                settings_path_for_recovery.as_deref(),
            )),
        };
        match file {
            Some(path) => app.open_path(&path),
            None if has_recent => app.modal = Some(Modal::Welcome),
            None => {}
        }
        // Work a crashed editor left behind comes first; the start screen after it.
        if !app.recovery.offers.is_empty() {
            app.welcome_after_recovery = matches!(app.modal, Some(Modal::Welcome));
            app.modal = Some(Modal::Recover { compare: None });
        }
        app
    }

    pub(super) fn save_settings(&mut self) {
        if let Err(e) = self.settings.save(self.settings_path.as_deref()) {
            self.editor.status = format!("Could not save preferences: {e}");
        }
    }

    /// What the menus, toolbar and status bar draw from, lent for a frame.
    /// `with_commands`: work out whether each command applies now (the menus and toolbar
    /// show it; the status bar does not need it).
    fn chrome(&mut self, with_commands: bool) -> chrome::Chrome<'_> {
        let available = if with_commands {
            Action::all().map(|a| self.availability(a)).collect()
        } else {
            Vec::new()
        };
        chrome::Chrome {
            editor: &mut self.editor,
            canvas: &mut self.canvas,
            settings: &self.settings,
            validation: &mut self.validation,
            show_legend: self.show_legend,
            show_table: self.show_table,
            available,
            asked: None,
            open_recent: None,
        }
    }

    /// Runs what the menus or the toolbar asked for.
    fn follow_chrome(&mut self, (asked, recent): (Option<Action>, Option<PathBuf>)) {
        if let Some(action) = asked {
            self.perform(action);
        }
        if let Some(path) = recent {
            self.after_unsaved_check(Then::OpenPath(path));
        }
    }

    /// What presenting draws from, lent for a frame.
    pub fn stage(&mut self) -> present::Stage<'_> {
        present::Stage {
            editor: &mut self.editor,
            present: &mut self.present,
            canvas: &mut self.canvas,
            settings: &mut self.settings,
            settings_path: self.settings_path.as_deref(),
            comments: &mut self.comments,
            ctx: self.ctx.clone(),
        }
    }

    /// Draws one whole frame of the editor.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.ctx = Some(ctx.clone());
        self.apply_ui_scale(&ctx);
        self.handle_close_request(&ctx);
        let palette = Palette::for_dark_mode(ui.visuals().dark_mode);
        if self.present.is_some() {
            self.stage().present_ui(ui, &palette);
            self.modal_ui(&ctx);
            self.recovery_tick(&ctx);
            if self.close_sent {
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            return;
        }
        if self.tidy.ui(&ctx, &mut self.editor) {
            self.canvas.fit_pending = true;
        }
        if !self.tidy.running() {
            self.keyboard(&ctx);
        }

        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                let mut chrome = self.chrome(true);
                chrome.menus_ui(ui);
                let asked = (chrome.asked, chrome.open_recent);
                self.follow_chrome(asked);
            });
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            let mut chrome = self.chrome(true);
            chrome.toolbar_ui(ui, &palette);
            let asked = (chrome.asked, chrome.open_recent);
            self.follow_chrome(asked);
        });
        if self.find.open {
            egui::Panel::top("find").show(ui, |ui| {
                self.find
                    .ui(ui, &mut self.editor, &mut self.canvas, &palette);
            });
        } else {
            self.canvas.matches.clear();
            // "Match 2 of 5" means nothing once the find bar is closed.
            if self.editor.status.starts_with("Match ") {
                self.editor.status.clear();
            }
        }
        egui::Panel::bottom("status").show(ui, |ui| self.chrome(false).status_ui(ui));
        let in_scenario = self.scenario_note();
        let asks = self.side.ui(
            ui,
            side_panel::SideCx {
                editor: &mut self.editor,
                canvas: &mut self.canvas,
                settings: &mut self.settings,
                comments: &mut self.comments,
                in_scenario,
            },
            &palette,
        );
        self.follow_side_panel(asks);
        self.table_panel_ui(ui);
        let asks = central::central_ui(
            ui,
            central::CentralCx {
                editor: &mut self.editor,
                canvas: &mut self.canvas,
                split: &mut self.split,
                snap_to_grid: self.settings.snap_to_grid,
                show_legend: self.show_legend,
                legend_cache: &mut self.legend_cache,
            },
            &palette,
        );
        for (action, at) in asks.actions {
            self.perform_at(action, at);
        }
        if let Some(tab) = asks.tab {
            self.side.tab = tab;
        }
        self.modal_ui(&ctx);
        if let Some(mut palette) = self.palette.take() {
            match palette.ui(&ctx, |action| self.availability(action)) {
                palette::PaletteOutcome::Open => self.palette = Some(palette),
                palette::PaletteOutcome::Closed => {}
                palette::PaletteOutcome::Run(action) => self.perform(action),
            }
        }

        let title = self.editor.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
        self.recovery_tick(&ctx);
        if self.close_sent {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.has_unsaved_work() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                // Protect the work first, in case the question is never answered.
                self.write_snapshot();
                self.modal = Some(Modal::Unsaved(Then::Quit));
            } else {
                self.recovery.end();
                self.allow_close = true;
            }
        }
    }

    /// Text and interface scale from the settings (Ctrl+Shift+= / Ctrl+Shift+-).
    fn apply_ui_scale(&mut self, ctx: &egui::Context) {
        let scale = if self.settings.ui_scale.is_finite() && self.settings.ui_scale > 0.0 {
            self.settings.ui_scale.clamp(0.5, 3.0)
        } else {
            1.0
        };
        if (ctx.zoom_factor() - scale).abs() > 1e-3 {
            ctx.set_zoom_factor(scale);
        }
        // The editor owns Ctrl+= / Ctrl+- (canvas zoom) and Ctrl+Shift+= / - (this scale).
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
    }

    /// Makes text and controls larger or smaller by one step, remembered.
    pub fn change_ui_scale(&mut self, larger: bool) {
        let now = if self.settings.ui_scale > 0.0 {
            self.settings.ui_scale
        } else {
            1.0
        };
        let next = if larger { now * 1.1 } else { now / 1.1 };
        self.settings.ui_scale = (next * 100.0).round().clamp(50.0, 300.0) / 100.0;
        self.editor.status = format!(
            "Text and controls at {:.0}% (Ctrl+Shift+= larger, Ctrl+Shift+- smaller)",
            self.settings.ui_scale * 100.0
        );
        self.save_settings();
    }

    /// Carries out what the side panel asked for.
    fn follow_side_panel(&mut self, asks: side_panel::SideAsks) {
        if let Some(nodes) = asks.show {
            self.editor.selection.clear();
            self.editor.selection.nodes.extend(nodes);
            self.canvas.fit_selection(&self.editor);
        }
        if let Some(other) = asks.split_with {
            self.open_split(other);
        }
        if let Some(index) = asks.present_from {
            self.stage().start_presenting_at(index);
        }
        if asks.settings_changed {
            self.save_settings();
        }
    }

    /// The CMOC table under the canvas, when shown.
    fn table_panel_ui(&mut self, ui: &mut Ui) {
        if !self.show_table {
            return;
        }
        let output = egui::Panel::bottom("cmoc-table")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| {
                table_view::table_ui(ui, &mut self.editor, &mut self.table)
            })
            .inner;
        if output.add_card {
            // The table's new card goes below the others, and the view follows it.
            let at = table_view::new_card_position(&self.editor);
            self.perform_at(Action::AddCmoc, Some(egui::pos2(at.x, at.y)));
            if let Some(id) = self.editor.selection.single_node() {
                self.focus_node(id);
            }
        }
        if let Some(id) = output.focus {
            self.focus_node(id);
        }
    }

    /// While a scenario is shown and one node selected: the scenario's name and why the node
    /// is in its state there (for the inspector).
    fn scenario_note(&self) -> Option<(String, String)> {
        let id = self.editor.selection.single_node()?;
        let doc = self.editor.doc();
        let scenario = doc.scenarios().get(self.canvas.scenario?)?;
        let outcome = self.canvas.scenario_outcome()?;
        Some((scenario.name.clone(), outcome.explain(doc, scenario, id)))
    }

    /// Shows the scenario shown on the canvas and scenario `other` side by side (the shown
    /// one on the left, `other` on the right), moving and zooming together.
    pub fn open_split(&mut self, other: usize) {
        if other >= self.editor.doc().scenarios().len() || self.canvas.scenario.is_none() {
            return;
        }
        let mut right = CanvasState::fitting();
        right.scenario = Some(other);
        self.split = Some(Box::new(right));
        self.canvas.fit_pending = true;
    }

    /// Unsaved changes, or comments written but not yet added.
    pub fn has_unsaved_work(&self) -> bool {
        self.editor.is_dirty() || self.comments.unsent().next().is_some()
    }

    /// Adds every comment still being written, as its author would have (before saving on
    /// the way out, so no words said in a workshop are lost).
    pub(super) fn add_unsent_comments(&mut self) -> usize {
        let drafts: Vec<(crate::model::Target, String)> = self
            .comments
            .unsent()
            .map(|(t, d)| (*t, d.clone()))
            .collect();
        let mut added = 0;
        for (target, text) in drafts {
            let exists = match target {
                crate::model::Target::Node(id) => self.editor.doc().node(id).is_some(),
                crate::model::Target::Edge(id) => self.editor.doc().edge(id).is_some(),
            };
            if exists {
                let author = self.settings.author_name.clone();
                let answers = self
                    .comments
                    .replying
                    .remove(&target)
                    .filter(|id| self.editor.doc().annotation(*id).is_some());
                match answers {
                    Some(to) => self.editor.reply(to, &author, &text),
                    None => self.editor.add_comment(target, &author, &text),
                };
                self.comments.drafts.remove(&target);
                added += 1;
            }
        }
        added
    }
}
