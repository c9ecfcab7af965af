//! The editor window: menus, toolbar, canvas, inspector and comments, status bar and dialogs.
//! [`EditorApp::ui`] draws a whole frame into any `Ui`, so the same code runs in the real
//! window and in egui_kittest tests.

mod actions;
pub mod canvas;
mod comments;
mod definitions;
pub mod dialogs;
pub mod editor;
pub mod figures;
mod inspector;
mod legend;
pub mod settings;
pub mod table_view;

pub use actions::Action;
pub use editor::{Editor, Origin};

use crate::file::{HOLDING_EXAMPLE, load_file, load_str, save_file};
use crate::model::{Document, NodeKind, Point, Timestamp, validate};
use crate::scene::Palette;
use canvas::{CanvasState, ZOOM_STEP, canvas_ui};
use comments::{CommentsState, comments_ui};
use dialogs::{FileDialogs, Modal, NativeDialogs, Then};
use egui::{Event, RichText, Ui, ViewportCommand};
use figures::{DialogAnswer, FileKind};
use settings::Settings;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use table_view::{TableView, table_ui};

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
    /// Which tab the side panel shows.
    pub side_tab: SideTab,
    /// The CMOC table's sorting and filtering.
    pub table: TableView,
    title_sent: String,
    summary: Option<Summary>,
}

/// The tabs of the side panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideTab {
    /// Every field of the selection.
    Inspector,
    /// Comments on the selection.
    Comments,
}

/// Counts and problems of the document, recomputed only when it changes (not every frame:
/// validating 5,000 cards would cost milliseconds a frame).
struct Summary {
    revision: u64,
    problems: Vec<crate::model::Problem>,
    cards: usize,
}

/// Opens the editor window, optionally with a file.
pub fn run_editor(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("CMOC Canvas")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "CMOC Canvas",
        options,
        Box::new(move |cc| {
            // Light by default: it projects better; View → theme switches it.
            cc.egui_ctx.set_theme(egui::ThemePreference::Light);
            let app = EditorApp::start(file, Settings::default_path(), Box::new(NativeDialogs));
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("CMOC Canvas could not open its window: {e}");
            ExitCode::FAILURE
        }
    }
}

impl eframe::App for EditorApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui(ui);
    }
}

/// Which text of a card a text box edits.
pub(crate) type CardText = fn(&mut crate::model::CmocCard) -> &mut String;

/// Gives a widget that has no visible label of its own a name for screen readers.
pub(crate) fn name_widget(ui: &Ui, response: &egui::Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// The built-in example as a document.
pub fn example_document() -> Document {
    match load_str(HOLDING_EXAMPLE, "holding.ron") {
        Ok(loaded) => loaded.document,
        // The example is checked by the test suite; an empty diagram is the safe fallback.
        Err(_) => Document::new("Untitled"),
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
            settings_path,
            dialogs,
            modal: None,
            comments: CommentsState::default(),
            allow_close: false,
            close_sent: false,
            show_legend: true,
            show_table: false,
            side_tab: SideTab::Inspector,
            table: TableView::default(),
            title_sent: String::new(),
            summary: None,
        };
        match file {
            Some(path) => app.open_path(&path),
            None if has_recent => app.modal = Some(Modal::Welcome),
            None => {}
        }
        app
    }

    fn save_settings(&mut self) {
        if let Err(e) = self.settings.save(self.settings_path.as_deref()) {
            self.editor.status = format!("Could not save preferences: {e}");
        }
    }

    fn replace_document(&mut self, doc: Document, origin: Origin) {
        self.editor = Editor::new(doc, origin);
        self.summary = None;
        self.canvas.reset_for_new_document();
        self.comments = CommentsState::default();
    }

    /// Opens a file, showing an error dialog (and keeping the current document) on failure.
    pub fn open_path(&mut self, path: &Path) {
        match load_file(path) {
            Ok(loaded) => {
                let problems = validate(&loaded.document).len();
                let repairs = loaded.repairs.len();
                self.replace_document(loaded.document, Origin::File(path.to_path_buf()));
                self.editor.status = match (problems, repairs) {
                    (0, 0) => format!("Opened {}", path.display()),
                    (p, 0) => format!(
                        "Opened {}; {p} problem(s) to look at: see the status bar",
                        path.display()
                    ),
                    (p, r) => format!(
                        "Opened {}; repaired {r} thing(s) on loading, {p} problem(s)",
                        path.display()
                    ),
                };
                self.settings.remember(path);
                self.save_settings();
            }
            Err(e) => {
                if matches!(e, crate::file::LoadError::Read { .. }) {
                    self.settings.forget(path);
                    self.save_settings();
                }
                self.modal = Some(Modal::Error {
                    title: "Could not open the diagram".into(),
                    message: e.to_string(),
                });
            }
        }
    }

    /// Saves to the current file, asking for a name when there is none. Returns true when saved.
    pub fn save(&mut self) -> bool {
        match self.editor.origin.clone() {
            Origin::File(path) => self.save_to(&path),
            Origin::Untitled | Origin::Example => self.save_as(),
        }
    }

    /// Asks for a file name and saves there. Returns true when saved.
    pub fn save_as(&mut self) -> bool {
        let suggested = match &self.editor.origin {
            Origin::File(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            Origin::Example => "holding.ron".into(),
            Origin::Untitled => "diagram.ron".into(),
        };
        match self.dialogs.pick_save(&suggested, FileKind::Diagram) {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        self.editor.history.commit();
        let previous = self.editor.doc.metadata().modified;
        self.editor.doc.touch_modified(Timestamp::now());
        match save_file(&self.editor.doc, path) {
            Ok(()) => {
                self.editor.history.mark_saved();
                self.editor.origin = Origin::File(path.to_path_buf());
                self.editor.status = format!("Saved {}", path.display());
                self.settings.remember(path);
                self.save_settings();
                true
            }
            Err(e) => {
                self.editor.doc.touch_modified(previous);
                self.modal = Some(Modal::Error {
                    title: "Could not save the diagram".into(),
                    message: e.to_string(),
                });
                false
            }
        }
    }

    /// Does `then` now, or first asks about unsaved changes.
    fn after_unsaved_check(&mut self, then: Then) {
        if self.editor.is_dirty() {
            self.modal = Some(Modal::Unsaved(then));
        } else {
            self.carry_out(then);
        }
    }

    fn carry_out(&mut self, then: Then) {
        match then {
            Then::New => {
                self.replace_document(Document::new("Untitled programme theory"), Origin::Untitled);
                self.canvas.camera = canvas::Camera::default();
                self.canvas.fit_pending = false;
                self.editor.status =
                    "New diagram. Double-click the canvas to add a CMOC card.".into();
            }
            Then::Open => {
                if let Some(path) = self.dialogs.pick_open(FileKind::Diagram) {
                    self.open_path(&path);
                }
            }
            Then::OpenPath(path) => self.open_path(&path),
            Then::OpenExample => {
                self.replace_document(example_document(), Origin::Example);
                self.editor.status = "Opened the example. Save As keeps your own copy.".into();
            }
            Then::Quit => {
                self.allow_close = true;
                self.close_sent = true;
            }
        }
    }

    /// Carries out an action from a menu, shortcut or button.
    pub fn perform(&mut self, action: Action) {
        let editor = &mut self.editor;
        match action {
            Action::New => self.after_unsaved_check(Then::New),
            Action::Open => self.after_unsaved_check(Then::Open),
            Action::OpenExample => self.after_unsaved_check(Then::OpenExample),
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                self.save_as();
            }
            Action::ExportFigure => {
                self.modal = Some(Modal::ExportFigure(figures::FigureDialog::default()))
            }
            Action::ExportTable => self.modal = Some(Modal::ExportTable),
            Action::ImportTable => {
                if let Some(path) = self.dialogs.pick_open(FileKind::Csv) {
                    match figures::ImportDialog::open(&path) {
                        Ok(dialog) => self.modal = Some(Modal::ImportTable(Box::new(dialog))),
                        Err(message) => {
                            self.modal = Some(Modal::Error {
                                title: "Could not import the table".into(),
                                message,
                            })
                        }
                    }
                }
            }
            Action::ToggleTable => self.show_table = !self.show_table,
            Action::Quit => self.after_unsaved_check(Then::Quit),
            Action::Undo => editor.undo(),
            Action::Redo => editor.redo(),
            Action::Cut | Action::Copy | Action::Paste => {
                // Handled where the clipboard is at hand (see `clipboard_events`).
            }
            Action::Duplicate => editor.duplicate(),
            Action::Delete => editor.delete_selection(),
            Action::SelectAll => {
                editor.selection.nodes = editor.doc.nodes().map(|n| n.id).collect();
                editor.selection.edges.clear();
            }
            Action::Deselect => {
                if self.canvas.is_dragging() {
                    self.canvas.cancel_gesture(&mut self.editor);
                } else {
                    self.editor.selection.clear();
                    self.canvas.inline_edit = None;
                }
            }
            Action::TogglePolarity => editor.toggle_selected_polarity(),
            Action::BringToFront => editor.reorder_selection(true),
            Action::SendToBack => editor.reorder_selection(false),
            Action::ZoomIn => self.canvas.zoom_by(ZOOM_STEP),
            Action::ZoomOut => self.canvas.zoom_by(1.0 / ZOOM_STEP),
            Action::FitDiagram => self.canvas.fit_diagram(&self.editor),
            Action::FitSelection => self.canvas.fit_selection(&self.editor),
            Action::ActualSize => self.canvas.actual_size(),
            Action::ToggleSnap => {
                self.settings.snap_to_grid = !self.settings.snap_to_grid;
                self.save_settings();
            }
            Action::ShowShortcuts => self.modal = Some(Modal::Shortcuts),
        }
    }

    /// Centres the canvas on a node (keeping the zoom).
    pub fn focus_node(&mut self, id: crate::model::NodeId) {
        if let Some(node) = self.editor.doc.node(id) {
            let c = node.rect().center();
            self.canvas
                .camera
                .centre_on(self.canvas.rect, egui::pos2(c.x, c.y));
        }
    }

    /// Adds a node of `kind` at the centre of the view (toolbar) or at a world point.
    pub fn add_node(&mut self, kind: NodeKind, at: Option<egui::Pos2>) {
        let at = at.unwrap_or_else(|| self.canvas.view_centre());
        self.editor.add_node(kind, Point::new(at.x, at.y));
    }

    fn copy(&mut self, ctx: &egui::Context) -> bool {
        match self.editor.copy_selection() {
            Some(text) => {
                ctx.copy_text(text);
                let n = self.editor.selection.nodes.len();
                self.editor.status = format!("Copied {n} node{}", if n == 1 { "" } else { "s" });
                true
            }
            None => {
                self.editor.status = "Select nodes to copy.".into();
                false
            }
        }
    }

    fn cut(&mut self, ctx: &egui::Context) {
        if self.copy(ctx) {
            let n = self.editor.selection.nodes.len();
            self.editor.delete_selection();
            self.editor.status = format!("Cut {n} node{}", if n == 1 { "" } else { "s" });
        }
    }

    /// Pastes clipboard text at the pointer (or the view centre).
    pub fn paste_text(&mut self, text: &str) {
        let anchor = self
            .canvas
            .pointer_world
            .unwrap_or_else(|| self.canvas.view_centre());
        let offset = clipboard_offset(text, anchor).unwrap_or((30.0, 30.0));
        match self.editor.paste(text, offset) {
            Ok(n) => {
                self.editor.status = format!("Pasted {n} node{}", if n == 1 { "" } else { "s" })
            }
            Err(message) => self.editor.status = message,
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context) {
        if self.modal.is_some() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        // Copy, cut and paste arrive as events, not key presses, on real windows.
        if !typing {
            let events = ctx.input(|i| i.events.clone());
            for event in events {
                match event {
                    Event::Copy => {
                        self.copy(ctx);
                    }
                    Event::Cut => self.cut(ctx),
                    Event::Paste(text) => self.paste_text(&text),
                    _ => {}
                }
            }
        }
        // egui matches shortcuts "logically" (an extra Shift still matches Ctrl+Z), so try
        // the shortcuts with more modifiers first: Ctrl+Shift+Z must be Redo, not Undo.
        let mut bindings: Vec<(Action, egui::KeyboardShortcut)> = Action::ALL
            .iter()
            .filter(|a| !(typing && a.yields_to_text_fields()))
            .flat_map(|&a| a.shortcuts().into_iter().map(move |s| (a, s)))
            .collect();
        bindings.sort_by_key(|(_, s)| {
            let m = s.modifiers;
            std::cmp::Reverse(u8::from(m.command || m.ctrl) + u8::from(m.shift) + u8::from(m.alt))
        });
        let mut fired = Vec::new();
        for (action, shortcut) in bindings {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                fired.push(action);
            }
        }
        for action in fired {
            match action {
                Action::Copy => {
                    self.copy(ctx);
                }
                Action::Cut => self.cut(ctx),
                Action::Paste => {}
                other => self.perform(other),
            }
        }
    }

    /// Draws one whole frame of the editor.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.keyboard(&ctx);
        let palette = Palette::for_dark_mode(ui.visuals().dark_mode);

        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menus_ui(ui));
        });
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui, &palette));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| {
                let open = self
                    .editor
                    .doc
                    .annotations()
                    .filter(|a| !a.resolved)
                    .count();
                ui.horizontal(|ui| {
                    for (tab, text) in [
                        (SideTab::Inspector, "Inspector".to_string()),
                        (SideTab::Comments, format!("Comments ({open} open)")),
                    ] {
                        if ui
                            .selectable_label(self.side_tab == tab, RichText::new(text).heading())
                            .clicked()
                        {
                            self.side_tab = tab;
                        }
                    }
                });
                ui.separator();
                egui::ScrollArea::vertical().show(ui, |ui| match self.side_tab {
                    SideTab::Inspector => inspector::inspector_ui(ui, &mut self.editor),
                    SideTab::Comments => {
                        let mut author = self.settings.author_name.clone();
                        if comments_ui(ui, &mut self.editor, &mut self.comments, &mut author) {
                            self.settings.author_name = author;
                            self.save_settings();
                        }
                    }
                });
            });
        if self.show_table {
            let output = egui::Panel::bottom("cmoc-table")
                .resizable(true)
                .default_size(280.0)
                .show(ui, |ui| table_ui(ui, &mut self.editor, &mut self.table))
                .inner;
            if output.add_card {
                let at = table_view::new_card_position(&self.editor);
                if let Some(id) = self.editor.add_node(NodeKind::Cmoc, at) {
                    self.focus_node(id);
                }
            }
            if let Some(id) = output.focus {
                self.focus_node(id);
            }
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let output = canvas_ui(
                    ui,
                    &mut self.editor,
                    &mut self.canvas,
                    &palette,
                    self.settings.snap_to_grid,
                );
                if let Some((kind, at)) = output.add_at {
                    self.add_node(kind, Some(at));
                }
                if output.show_comments {
                    self.side_tab = SideTab::Comments;
                }
                self.canvas.legend_height = if self.show_legend {
                    legend::legend_ui(ui, self.canvas.rect, &palette) + 20.0
                } else {
                    0.0
                };
            });
        self.modal_ui(&ctx);

        let title = self.editor.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
        if self.close_sent {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.editor.is_dirty() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.modal = Some(Modal::Unsaved(Then::Quit));
            } else {
                self.allow_close = true;
            }
        }
    }

    fn menus_ui(&mut self, ui: &mut Ui) {
        let chosen = std::cell::Cell::new(None);
        let item = |ui: &mut Ui, action: Action, enabled: bool| {
            let shortcut = action
                .shortcuts()
                .first()
                .map(|s| ui.ctx().format_shortcut(s))
                .unwrap_or_default();
            let button = egui::Button::new(action.name()).shortcut_text(shortcut);
            if ui
                .add_enabled(enabled, button)
                .on_hover_text(action.description())
                .clicked()
            {
                chosen.set(Some(action));
                ui.close();
            }
        };
        let has_selection = !self.editor.selection.is_empty();
        let has_nodes = !self.editor.selection.nodes.is_empty();
        let mut open_recent = None;
        let mut add_kind = None;
        ui.menu_button("File", |ui| {
            item(ui, Action::New, true);
            item(ui, Action::Open, true);
            ui.menu_button("Open recent", |ui| {
                if self.settings.recent_files.is_empty() {
                    ui.label(RichText::new("No recent files").weak());
                }
                for path in &self.settings.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        open_recent = Some(path.clone());
                        ui.close();
                    }
                }
            });
            item(ui, Action::OpenExample, true);
            ui.separator();
            item(ui, Action::Save, true);
            item(ui, Action::SaveAs, true);
            ui.separator();
            item(ui, Action::ImportTable, true);
            item(ui, Action::ExportFigure, true);
            item(ui, Action::ExportTable, true);
            ui.separator();
            item(ui, Action::Quit, true);
        });
        ui.menu_button("Edit", |ui| {
            let undo = match self.editor.history.undo_label() {
                Some(label) => format!("Undo {label}"),
                None => "Undo".into(),
            };
            let redo = match self.editor.history.redo_label() {
                Some(label) => format!("Redo {label}"),
                None => "Redo".into(),
            };
            for (action, text, enabled) in [
                (Action::Undo, undo, self.editor.history.undo_len() > 0),
                (Action::Redo, redo, self.editor.history.redo_len() > 0),
            ] {
                let shortcut = action
                    .shortcuts()
                    .first()
                    .map(|s| ui.ctx().format_shortcut(s))
                    .unwrap_or_default();
                if ui
                    .add_enabled(enabled, egui::Button::new(text).shortcut_text(shortcut))
                    .clicked()
                {
                    chosen.set(Some(action));
                    ui.close();
                }
            }
            ui.separator();
            item(ui, Action::Cut, has_nodes);
            item(ui, Action::Copy, has_nodes);
            item(ui, Action::Paste, true);
            item(ui, Action::Duplicate, has_nodes);
            item(ui, Action::Delete, has_selection);
            ui.separator();
            item(ui, Action::SelectAll, true);
            item(ui, Action::Deselect, has_selection);
            ui.separator();
            item(ui, Action::TogglePolarity, has_nodes);
        });
        ui.menu_button("Insert", |ui| {
            for kind in NodeKind::ALL {
                if ui.button(kind.name()).clicked() {
                    add_kind = Some(kind);
                    ui.close();
                }
            }
        });
        ui.menu_button("Arrange", |ui| {
            item(ui, Action::BringToFront, has_nodes);
            item(ui, Action::SendToBack, has_nodes);
            ui.separator();
            ui.label(
                RichText::new("Align and distribute: select nodes, then use the inspector.").weak(),
            );
        });
        ui.menu_button("View", |ui| {
            item(ui, Action::ZoomIn, true);
            item(ui, Action::ZoomOut, true);
            item(ui, Action::ActualSize, true);
            item(ui, Action::FitDiagram, true);
            item(ui, Action::FitSelection, has_nodes);
            ui.separator();
            let mut snap = self.settings.snap_to_grid;
            if ui.checkbox(&mut snap, "Snap to grid").clicked() {
                chosen.set(Some(Action::ToggleSnap));
            }
            ui.checkbox(&mut self.show_legend, "Legend");
            let mut table = self.show_table;
            if ui.checkbox(&mut table, "CMOC table").clicked() {
                chosen.set(Some(Action::ToggleTable));
            }
            ui.separator();
            egui::widgets::global_theme_preference_buttons(ui);
        });
        ui.menu_button("Help", |ui| {
            item(ui, Action::ShowShortcuts, true);
            ui.separator();
            ui.label(RichText::new(definitions::CMOC).weak());
        });
        if let Some(action) = chosen.get() {
            self.perform_from_menu(ui.ctx(), action);
        }
        if let Some(path) = open_recent {
            self.after_unsaved_check(Then::OpenPath(path));
        }
        if let Some(kind) = add_kind {
            self.add_node(kind, None);
        }
    }

    fn perform_from_menu(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Copy => {
                self.copy(ctx);
            }
            Action::Cut => self.cut(ctx),
            Action::Paste => {
                // A menu cannot read the system clipboard synchronously in egui; ask for the
                // keyboard shortcut, which delivers the clipboard's text.
                let shortcut = Action::Paste
                    .shortcuts()
                    .first()
                    .map(|s| ctx.format_shortcut(s))
                    .unwrap_or_default();
                self.editor.status = format!("Press {shortcut} over the canvas to paste.");
            }
            other => self.perform(other),
        }
    }

    fn toolbar_ui(&mut self, ui: &mut Ui, palette: &Palette) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Add:").strong());
            for kind in NodeKind::ALL {
                let style = if kind == NodeKind::Cmoc {
                    palette.card(false)
                } else {
                    palette.kind(kind)
                };
                let button = egui::Button::new(RichText::new(kind.name()).color(palette.text))
                    .fill(style.fill)
                    .stroke(egui::Stroke::new(1.5, style.stroke));
                if ui
                    .add(button)
                    .on_hover_text(format!(
                        "Add a {} at the centre of the view",
                        kind.name().to_lowercase()
                    ))
                    .clicked()
                {
                    self.add_node(kind, None);
                }
            }
            ui.separator();
            let has_cards = self.editor.selection.nodes.iter().any(|id| {
                self.editor
                    .doc
                    .node(*id)
                    .is_some_and(|n| n.kind() == NodeKind::Cmoc)
            });
            if ui
                .add_enabled(has_cards, egui::Button::new("Toggle +/-"))
                .on_hover_text(format!("{} (T)", Action::TogglePolarity.description()))
                .clicked()
            {
                self.perform(Action::TogglePolarity);
            }
            ui.separator();
            if ui
                .add_enabled(
                    self.editor.history.undo_len() > 0,
                    egui::Button::new("Undo"),
                )
                .clicked()
            {
                self.perform(Action::Undo);
            }
            if ui
                .add_enabled(
                    self.editor.history.redo_len() > 0,
                    egui::Button::new("Redo"),
                )
                .clicked()
            {
                self.perform(Action::Redo);
            }
            ui.separator();
            if ui.button(" - ").on_hover_text("Zoom out").clicked() {
                self.perform(Action::ZoomOut);
            }
            if ui
                .button(format!("{:.0}%", self.canvas.camera.zoom * 100.0))
                .on_hover_text("Actual size (100%)")
                .clicked()
            {
                self.perform(Action::ActualSize);
            }
            if ui.button(" + ").on_hover_text("Zoom in").clicked() {
                self.perform(Action::ZoomIn);
            }
            if ui
                .button("Fit")
                .on_hover_text("Show the whole diagram")
                .clicked()
            {
                self.perform(Action::FitDiagram);
            }
            ui.separator();
            if ui
                .selectable_label(self.show_table, "Table")
                .on_hover_text(Action::ToggleTable.description())
                .clicked()
            {
                self.perform(Action::ToggleTable);
            }
        });
    }

    fn status_ui(&mut self, ui: &mut Ui) {
        let revision = self.editor.revision;
        if self.summary.as_ref().map(|s| s.revision) != Some(revision) {
            self.summary = Some(Summary {
                revision,
                problems: validate(&self.editor.doc),
                cards: self.editor.doc.cmoc_cards().count(),
            });
        }
        let summary = self.summary.take();
        let (problems, cards) = match &summary {
            Some(s) => (s.problems.as_slice(), s.cards),
            None => (&[][..], 0),
        };
        ui.horizontal(|ui| {
            ui.label(format!(
                "{cards} CMOC cards · {} nodes · {} arrows",
                self.editor.doc.node_count(),
                self.editor.doc.edge_count()
            ));
            if !problems.is_empty() {
                ui.separator();
                let text = format!(
                    "{} problem{}",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                );
                ui.menu_button(text, |ui| {
                    for problem in problems.iter().take(50) {
                        if ui.button(problem.to_string()).clicked() {
                            match problem.subject {
                                crate::model::Subject::Node(id) => {
                                    self.editor.selection.set_node(id)
                                }
                                crate::model::Subject::Edge(id) => {
                                    self.editor.selection.set_edge(id)
                                }
                                crate::model::Subject::Annotation(_) => {}
                            }
                            ui.close();
                        }
                    }
                });
            }
            ui.separator();
            ui.label(&self.editor.status);
        });
        self.summary = summary;
    }

    fn modal_ui(&mut self, ctx: &egui::Context) {
        let Some(mut modal) = self.modal.take() else {
            return;
        };
        let mut close = false;
        let mut then_do: Option<(bool, Then)> = None;
        let mut figure_to_export = None;
        let mut table_format = None;
        let mut import_now = false;
        let has_selection = !self.editor.selection.nodes.is_empty();
        let display_name = self.editor.display_name();
        let recent = self.settings.recent_files.clone();
        let response = egui::Modal::new(egui::Id::unique("modal")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match &mut modal {
                Modal::Unsaved(then) => {
                    ui.heading("Save changes?");
                    ui.label(format!("“{display_name}” has changes that are not saved."));
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            then_do = Some((true, then.clone()));
                        }
                        if ui.button("Don't save").clicked() {
                            then_do = Some((false, then.clone()));
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    });
                }
                Modal::Error { title, message } => {
                    ui.heading(title.as_str());
                    ui.label(message.as_str());
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                }
                Modal::Shortcuts => {
                    shortcuts_ui(ui);
                    if ui.button("Close").clicked() {
                        close = true;
                    }
                }
                Modal::Welcome => {
                    ui.heading("CMOC Canvas");
                    ui.label("Draw, toggle and annotate realist programme theories.");
                    ui.add_space(6.0);
                    ui.horizontal(|ui| {
                        if ui.button("New diagram").clicked() {
                            then_do = Some((false, Then::New));
                        }
                        if ui.button("Open…").clicked() {
                            then_do = Some((false, Then::Open));
                        }
                        if ui.button("Open example (Figure 2)").clicked() {
                            then_do = Some((false, Then::OpenExample));
                        }
                    });
                    ui.add_space(6.0);
                    ui.label(RichText::new("Recent files").strong());
                    for path in &recent {
                        if ui.link(path.display().to_string()).clicked() {
                            then_do = Some((false, Then::OpenPath(path.clone())));
                        }
                    }
                }
                Modal::ExportFigure(dialog) => match figures::figure_dialog_ui(ui, dialog, has_selection) {
                    DialogAnswer::Confirm => figure_to_export = Some(dialog.clone()),
                    DialogAnswer::Cancel => close = true,
                    DialogAnswer::Open => {}
                },
                Modal::ExportTable => {
                    ui.heading("Export CMOC table");
                    ui.label("The CMOC table in the layout of the paper's Table 4: No., polarity, context, mechanism, outcome, evidence sources.");
                    ui.horizontal(|ui| {
                        for (format, text) in [
                            (crate::export::TableFormat::Markdown, "Markdown…"),
                            (crate::export::TableFormat::Csv, "CSV…"),
                            (crate::export::TableFormat::Sentences, "Sentences (When/If C, then O, because M)…"),
                        ] {
                            if ui.button(text).clicked() {
                                table_format = Some(format);
                            }
                        }
                    });
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                }
                Modal::ImportTable(dialog) => match figures::import_dialog_ui(ui, dialog) {
                    DialogAnswer::Confirm => import_now = true,
                    DialogAnswer::Cancel => close = true,
                    DialogAnswer::Open => {}
                },
            }
        });
        if response.should_close() {
            close = true;
        }
        if let Some(dialog) = figure_to_export {
            close = true;
            let kind = if dialog.png {
                FileKind::Png
            } else {
                FileKind::Svg
            };
            let name = format!("{}.{}", self.file_stem(), kind.extension());
            if let Some(path) = self.dialogs.pick_save(&name, kind) {
                self.report(
                    figures::export_figure(&self.editor, &dialog, &path),
                    "Could not export the figure",
                );
            }
        }
        if let Some(format) = table_format {
            close = true;
            let kind = match format {
                crate::export::TableFormat::Markdown => FileKind::Markdown,
                crate::export::TableFormat::Csv => FileKind::Csv,
                crate::export::TableFormat::Sentences => FileKind::Text,
            };
            let name = format!("{}-cmocs.{}", self.file_stem(), kind.extension());
            if let Some(path) = self.dialogs.pick_save(&name, kind) {
                self.report(
                    figures::export_table(&self.editor, format, &path),
                    "Could not export the table",
                );
            }
        }
        if import_now {
            close = true;
            if let Modal::ImportTable(dialog) = &modal {
                self.editor.status = figures::import_into(&mut self.editor, dialog);
            }
        }
        if !close && then_do.is_none() && self.modal.is_none() {
            self.modal = Some(modal);
        }
        if let Some((save_first, then)) = then_do {
            if save_first && !self.save() {
                return;
            }
            self.carry_out(then);
        }
    }

    /// The current file's name without extension, for suggested export names.
    fn file_stem(&self) -> String {
        match &self.editor.origin {
            Origin::File(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "diagram".into()),
            Origin::Example => "holding".into(),
            Origin::Untitled => "diagram".into(),
        }
    }

    /// Shows a success in the status bar, or a failure in an error dialog.
    fn report(&mut self, result: Result<String, String>, title: &str) {
        match result {
            Ok(message) => self.editor.status = message,
            Err(message) => {
                self.modal = Some(Modal::Error {
                    title: title.into(),
                    message,
                })
            }
        }
    }
}

/// The list of keyboard shortcuts, from the same table that binds them.
fn shortcuts_ui(ui: &mut Ui) {
    ui.heading("Keyboard shortcuts");
    let ctx = ui.ctx().clone();
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for action in Action::ALL {
            let keys: Vec<String> = action
                .shortcuts()
                .iter()
                .map(|s| ctx.format_shortcut(s))
                .collect();
            if keys.is_empty() {
                continue;
            }
            ui.label(RichText::new(keys.join("  or  ")).monospace());
            ui.label(action.name());
            ui.end_row();
        }
        for (keys, what) in [
            ("Middle drag, Space + drag, wheel", "Pan"),
            ("Ctrl + wheel, pinch", "Zoom about the pointer"),
            ("Double-click empty canvas", "Add a CMOC card"),
            ("Double-click a text", "Edit it in place"),
            ("Click a CMOC badge", "Toggle positive / negative"),
            ("Drag from a node's + handle", "Connect to another node"),
        ] {
            ui.label(RichText::new(keys).monospace());
            ui.label(what);
            ui.end_row();
        }
    });
}

/// The offset that puts pasted nodes' top-left corner at `anchor`, read from the clipboard text.
fn clipboard_offset(text: &str, anchor: egui::Pos2) -> Option<(f32, f32)> {
    #[derive(serde::Deserialize)]
    struct Probe {
        nodes: Vec<crate::model::Node>,
    }
    if text.len() > editor::MAX_PASTE_BYTES {
        return None;
    }
    let probe: Probe = ron::from_str(text.trim()).ok()?;
    let min_x = probe
        .nodes
        .iter()
        .map(|n| n.position.x)
        .fold(f32::INFINITY, f32::min);
    let min_y = probe
        .nodes
        .iter()
        .map(|n| n.position.y)
        .fold(f32::INFINITY, f32::min);
    (min_x.is_finite() && min_y.is_finite()).then_some((anchor.x - min_x, anchor.y - min_y))
}
