//! The window around one open document: what each part of the window keeps, how a frame is
//! drawn from them, and the one dispatcher every command ends in ([`EditorApp::perform`]:
//! menus, toolbar, context menu, start screen, palette and shortcuts).

use super::canvas::CanvasState;
use super::comments::CommentsState;
use super::dialogs::{FileDialogs, Modal, Then};
use super::files::{Desk, Files};
use super::settings::Settings;
use super::shortcuts::Pressed;
use super::table_view::TableView;
use super::{
    SideTab, ZOOM_STEP, central, chrome, clipboard, find, input_order, palette, present, shortcuts,
    side_panel, table_view, tidy_progress,
};
use crate::file::example_document;
use crate::model::{NodeKind, Point};
use crate::scene::Palette;
use crate::session::{Action, Editor, Origin};
use egui::{Ui, ViewportCommand};
use std::path::{Path, PathBuf};

/// The whole editor: one open document and the window around it.
pub struct EditorApp {
    /// The open document.
    pub editor: Editor,
    /// The canvas's view state.
    pub canvas: CanvasState,
    /// Remembered preferences.
    pub settings: Settings,
    /// The document as a file: dialogs, the dialog shown, recovery, closing.
    pub desk: Desk,
    comments: CommentsState,
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
    legend_cache: Option<(Palette, bool, crate::scene::legend::Legend)>,
    /// The context of the current frame (for commands that talk to the window).
    ctx: Option<egui::Context>,
    /// The command palette, while open.
    pub palette: Option<palette::Palette>,
    /// The find bar.
    pub find: find::FindBar,
    /// Tidy, while it lays out a large diagram.
    pub tidy: tidy_progress::TidyProgress,
    /// Clicks held back a frame behind the typing before them.
    input_order: input_order::InputOrder,
    /// The presentation, while presenting.
    pub present: Option<present::Presenting>,
    /// Two scenarios side by side: the second canvas, on the right, showing its own
    /// scenario; the two move and zoom together.
    pub split: Option<Box<CanvasState>>,
    /// A saved version shown beside the diagram, read-only.
    pub beside: Option<Box<super::beside::Beside>>,
    /// The room joining from their phones, while presenting with joining on.
    pub room: Option<crate::room::Room>,
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
        let has_recent = !settings.recent_files.is_empty();
        let mut app = Self {
            editor: Editor::new(example_document(), Origin::Example),
            canvas: CanvasState::fitting(),
            settings,
            desk: Desk::new(dialogs, settings_path),
            comments: CommentsState::default(),
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
            input_order: input_order::InputOrder::default(),
            split: None,
            beside: None,
            room: None,
        };
        match file {
            Some(path) => app.open_path(&path),
            None if has_recent => app.desk.modal = Some(Modal::Welcome),
            None => {}
        }
        app.desk.ask_about_recovery_first();
        app
    }

    /// The desk with the parts of the window it works on, lent for a moment.
    fn files(&mut self) -> Files<'_> {
        Files {
            desk: &mut self.desk,
            editor: &mut self.editor,
            canvas: &mut self.canvas,
            comments: &mut self.comments,
            settings: &mut self.settings,
            validation: &mut self.validation,
        }
    }

    /// Opens a file, showing an error dialog (and keeping the current document) on failure.
    pub fn open_path(&mut self, path: &Path) {
        self.files().open_path(path);
    }

    /// Saves to the current file, asking for a name when there is none. True when saved.
    pub fn save(&mut self) -> bool {
        self.files().save()
    }

    /// Writes a recovery snapshot now (in the background) if there is unsaved work.
    pub fn write_snapshot(&mut self) {
        self.files().write_snapshot();
    }

    /// Unsaved changes, comments written but not yet added, or comments from phones waiting.
    pub fn has_unsaved_work(&self) -> bool {
        self.editor.is_dirty()
            || self.comments.unsent().next().is_some()
            || !self.editor.phone_comments().is_empty()
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
            self.files().after_unsaved_check(Then::OpenPath(path));
        }
    }

    /// What presenting draws from, lent for a frame.
    pub fn stage(&mut self) -> present::Stage<'_> {
        present::Stage {
            editor: &mut self.editor,
            present: &mut self.present,
            canvas: &mut self.canvas,
            settings: &mut self.settings,
            settings_path: self.desk.settings_path.as_deref(),
            comments: &mut self.comments,
            ctx: self.ctx.clone(),
            room: &mut self.room,
        }
    }

    /// Draws one whole frame of the editor.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.ctx = Some(ctx.clone());
        let scale = self.settings.scale();
        if (ctx.zoom_factor() - scale).abs() > 1e-3 {
            ctx.set_zoom_factor(scale);
        }
        // The editor owns Ctrl+= / Ctrl+- (canvas zoom) and Ctrl+Shift+= / - (text scale).
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        self.files().window_requests(&ctx);
        if std::mem::take(&mut self.desk.show_versions) {
            self.perform_in_view(Action::ShowVersions);
        }
        let palette = Palette::for_dark_mode(ui.visuals().dark_mode);
        if self.present.is_some() {
            self.stage().present_ui(ui, &palette);
        } else {
            self.editing_ui(ui, &palette);
        }
        if let Some(action) = self.files().modal_ui(&ctx) {
            self.perform(action);
        }
        if let Some(mut palette) = self.palette.take().filter(|_| self.present.is_none()) {
            match palette.ui(&ctx, |action| self.availability(action)) {
                palette::PaletteOutcome::Open => self.palette = Some(palette),
                palette::PaletteOutcome::Closed => {}
                palette::PaletteOutcome::Run(action) => self.perform(action),
            }
        }
        let title = self.editor.window_title();
        if self.present.is_none() && title != self.title_sent {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
        self.files().recovery_tick(&ctx);
        if self.desk.close_sent {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// The editing window: menus, toolbar, find bar, status bar, side panel, table and canvas.
    fn editing_ui(&mut self, ui: &mut Ui, palette: &Palette) {
        let ctx = ui.ctx().clone();
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
            chrome.toolbar_ui(ui, palette);
            let asked = (chrome.asked, chrome.open_recent);
            self.follow_chrome(asked);
        });
        if self.find.open {
            egui::Panel::top("find").show(ui, |ui| {
                self.find
                    .ui(ui, &mut self.editor, &mut self.canvas, palette);
            });
        } else {
            self.canvas.matches.clear();
            // "Match 2 of 5" means nothing once the find bar is closed.
            if self.editor.status.starts_with("Match ") {
                self.editor.status.clear();
            }
        }
        egui::Panel::bottom("status").show(ui, |ui| self.chrome(false).status_ui(ui));
        let in_scenario = self.canvas.scenario_note(&self.editor);
        let cx = side_panel::SideCx {
            editor: &mut self.editor,
            canvas: &mut self.canvas,
            settings: &mut self.settings,
            comments: &mut self.comments,
            in_scenario,
        };
        let asks = self.side.ui(ui, cx, palette);
        self.follow_side_panel(asks);
        if self.show_table {
            let output = table_view::table_panel_ui(ui, &mut self.editor, &mut self.table);
            if output.add_card {
                // The table's new card goes below the others, and the view follows it.
                let at = table_view::new_card_position(&self.editor);
                self.perform_at(Action::AddCmoc, Some(egui::pos2(at.x, at.y)));
                if let Some(id) = self.editor.selection.single_node() {
                    self.canvas.focus_node(&self.editor, id);
                }
            }
            if let Some(id) = output.focus {
                self.canvas.focus_node(&self.editor, id);
            }
        }
        let cx = central::CentralCx {
            editor: &mut self.editor,
            canvas: &mut self.canvas,
            split: &mut self.split,
            beside: &mut self.beside,
            snap_to_grid: self.settings.snap_to_grid,
            show_legend: self.show_legend,
            legend_cache: &mut self.legend_cache,
        };
        let asks = central::central_ui(ui, cx, palette);
        for (action, at) in asks.actions {
            self.perform_at(action, at);
        }
        if let Some(tab) = asks.tab {
            self.side.tab = tab;
        }
    }

    /// Carries out what the side panel asked for.
    fn follow_side_panel(&mut self, asks: side_panel::SideAsks) {
        if let Some(nodes) = asks.show {
            self.editor.selection.clear();
            self.editor.selection.nodes.extend(nodes);
            self.canvas.fit_selection(&self.editor);
        }
        let mut halves = super::beside::Halves {
            canvas: &mut self.canvas,
            split: &mut self.split,
            beside: &mut self.beside,
        };
        if let Some(other) = asks.split_with {
            halves.open_split(&self.editor, other);
        }
        if let Some(index) = asks.beside {
            halves.open_beside(&mut self.editor, index);
        }
        if let Some(index) = asks.present_from {
            self.stage().start_presenting_at(index);
        }
        if asks.settings_changed {
            self.files().save_settings();
        }
    }

    /// The keyboard's commands this frame, unless a dialog, the palette or a menu has the keys.
    fn keyboard(&mut self, ctx: &egui::Context) {
        // The palette is modal: it handles its own keys (Esc, arrows, Enter). So is an open
        // menu (the canvas's right-click menu, a menu of the menu bar): Esc closes it, and
        // must not also clear the selection.
        if self.desk.modal.is_some() || self.palette.is_some() || egui::Popup::is_any_open(ctx) {
            return;
        }
        // The canvas and its nodes take keyboard focus too; only a text field is "typing".
        let focused = ctx.memory(|m| m.focused());
        let on_canvas = focused.is_some_and(|id| self.canvas.owns_focus(id));
        // Esc in the find bar closes it and returns to the diagram (not "select none").
        if self.find.open
            && !on_canvas
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.find.open = false;
            return;
        }
        let typing = ctx.egui_wants_keyboard_input() && !on_canvas;
        for pressed in shortcuts::pressed(ctx, typing) {
            match pressed {
                Pressed::Action(action) => self.perform(action),
                Pressed::Paste(text) => self.paste_text(&text),
            }
        }
    }

    /// Pastes clipboard text at the pointer (or the view centre).
    pub fn paste_text(&mut self, text: &str) {
        let anchor = self
            .canvas
            .pointer_world
            .unwrap_or_else(|| self.canvas.view_centre());
        if let Some(dialog) = clipboard::paste_text(&mut self.editor, text, anchor) {
            self.desk.modal = Some(dialog);
        }
    }

    /// Adds a node of `kind` at the centre of the view (toolbar) or at a world point.
    pub fn add_node(&mut self, kind: NodeKind, at: Option<egui::Pos2>) {
        let at = at.unwrap_or_else(|| self.canvas.view_centre());
        self.editor.add_node(kind, Point::new(at.x, at.y));
    }

    /// Carries out an action from a menu, shortcut, button, the context menu or the palette.
    pub fn perform(&mut self, action: Action) {
        self.perform_at(action, None);
    }

    /// Whether an action applies now: the session's answer ([`Action::enabled`]), and for the
    /// few actions about the window itself, the window's.
    pub fn availability(&self, action: Action) -> Result<(), &'static str> {
        match action {
            Action::CloseSplit if self.split.is_none() => {
                Err("Only one view is open: compare two scenarios to split the view")
            }
            // Esc also cancels a drag, whatever is selected.
            Action::Deselect if self.canvas.is_dragging() => Ok(()),
            _ => action.enabled(&self.editor),
        }
    }

    /// Carries out an action; "Add …" actions add at `at` (world), or the view's centre. An
    /// action that does not apply now does nothing but say why in the status bar.
    pub fn perform_at(&mut self, action: Action, at: Option<egui::Pos2>) {
        if let Err(reason) = self.availability(action) {
            // Esc with nothing selected is common and needs no answer.
            if action != Action::Deselect {
                self.editor.status = reason.to_string();
            }
            return;
        }
        if let Some(kind) = action.node_kind() {
            self.add_node(kind, at);
            return;
        }
        if self.files().perform(action) || self.perform_in_view(action) {
            return;
        }
        let window = self.ctx.clone();
        if !clipboard::perform(action, &mut self.editor, self.canvas.scenario, window) {
            // What changes only the document and the selection, the session does itself.
            self.editor.perform(action);
        }
    }

    /// The actions about what the window shows (panels, the canvas's view, presenting, the
    /// text size); false for any other action.
    fn perform_in_view(&mut self, action: Action) -> bool {
        match action {
            Action::ToggleTable => self.show_table = !self.show_table,
            Action::ToggleLegend => self.show_legend = !self.show_legend,
            Action::ToggleSidePanel => {
                self.settings.hide_side_panel = !self.settings.hide_side_panel;
                self.files().save_settings();
            }
            Action::ToggleSnap => {
                self.settings.snap_to_grid = !self.settings.snap_to_grid;
                self.files().save_settings();
            }
            Action::TextLarger | Action::TextSmaller => {
                self.editor.status = self.settings.step_scale(action == Action::TextLarger);
                self.files().save_settings();
            }
            Action::Deselect if self.canvas.is_dragging() => {
                self.canvas.cancel_gesture(&mut self.editor)
            }
            Action::Deselect => {
                self.editor.selection.clear();
                self.canvas.inline_edit = None;
            }
            Action::Tidy => {
                if self.tidy.start(&mut self.editor) {
                    self.canvas.fit_pending = true;
                }
            }
            Action::ZoomIn => self.canvas.zoom_by(ZOOM_STEP),
            Action::ZoomOut => self.canvas.zoom_by(1.0 / ZOOM_STEP),
            Action::FitDiagram => self.canvas.fit_diagram(&self.editor),
            Action::FitSelection => self.canvas.fit_selection(&self.editor),
            Action::ActualSize => self.canvas.actual_size(),
            Action::CommandPalette => self.palette = Some(palette::Palette::default()),
            Action::Find => self.find.open(),
            Action::FindNext => self.find.step(&mut self.editor, &mut self.canvas, true),
            Action::FindPrevious => self.find.step(&mut self.editor, &mut self.canvas, false),
            Action::Present if self.present.is_some() => self.stage().stop_presenting(),
            Action::Present => self.stage().start_presenting(),
            Action::JoinFromPhones => self.stage().toggle_room(),
            Action::EditPath => self.side.tab = SideTab::Path,
            Action::EditScenarios => self.side.tab = SideTab::Scenarios,
            Action::SaveVersion | Action::ShowVersions => {
                self.side.tab = SideTab::Versions;
                self.side.versions.focus_name = action == Action::SaveVersion;
                if self.settings.hide_side_panel {
                    self.settings.hide_side_panel = false;
                    self.files().save_settings();
                }
            }
            Action::CloseSplit => self.split = None,
            Action::NextChange | Action::PreviousChange => {
                if let Some(node) = self.editor.step_change(action == Action::NextChange) {
                    super::find::reveal(&mut self.canvas, &node);
                }
            }
            _ => return false,
        }
        true
    }
}
