//! The editor window: menus, toolbar, canvas, inspector and comments, status bar and dialogs.
//! [`EditorApp::ui`] draws a whole frame into any `Ui`, so the same code runs in the real
//! window and in egui_kittest tests.

mod actions;
mod arrange;
pub mod canvas;
mod chrome;
mod clipboard;
mod comments;
mod definitions;
pub mod dialogs;
mod dispatch;
pub mod editor;
mod facilitator;
pub mod figures;
mod find;
mod import_dialog;
mod input_order;
mod inspector;
mod legend;
mod modals;
mod palette;
mod path_panel;
pub mod path_picker;
pub mod present;
pub mod recovery;
mod scenario_panel;
pub mod settings;
pub mod table_view;
mod tidy_progress;

pub use actions::{Action, shortcut_words};
pub use editor::{Editor, Origin};

use crate::file::{HOLDING_EXAMPLE, load_file, load_str};
use crate::model::{Document, NodeKind, validate};
use crate::scene::Palette;
pub(crate) use canvas::ZOOM_STEP;
use canvas::{CanvasState, canvas_ui};
use comments::{CommentsState, comments_ui};
use dialogs::{FileDialogs, Modal, NativeDialogs, Then};
use egui::{RichText, Ui, ViewportCommand};
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
    /// The diagram's own presentation order for the Path panel, for a scene version.
    path_order: Option<(u64, Vec<crate::model::NodeId>)>,
    /// The What if panel's comparison choice.
    pub scenario_panel: scenario_panel::ScenarioPanel,
    /// Two scenarios side by side: the second canvas, on the right, showing its own
    /// scenario; the two move and zoom together.
    pub split: Option<Box<CanvasState>>,
}

/// The line over each half of the side-by-side view naming its scenario; true when Close
/// was clicked (on the right half).
fn split_heading(ui: &mut Ui, doc: &Document, scenario: Option<usize>, close: bool) -> bool {
    let mut clicked = false;
    // The central panel has no frame of its own (the canvas paints its background).
    egui::Frame::new()
        .fill(ui.visuals().panel_fill)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let name = scenario
                    .and_then(|i| doc.scenarios().get(i))
                    .map_or("the diagram as drawn", |s| s.name.as_str());
                ui.label(RichText::new(format!("What if: {name}")).strong());
                if close {
                    let r = ui.button("Close side by side");
                    name_widget(ui, &r, "Close the side-by-side view");
                    clicked = r.clicked();
                }
            });
        });
    clicked
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

/// Which text of a card a text box edits.
pub(crate) type CardText = fn(&mut crate::model::CmocCard) -> &mut String;

/// The side panel's width at first, in points.
const SIDE_PANEL_DEFAULT_PX: f32 = 380.0;
/// The narrowest the side panel may be dragged.
const SIDE_PANEL_MIN_PX: f32 = 300.0;
/// The largest share of the window the side panel may take, so the canvas keeps the rest.
const SIDE_PANEL_MAX_SHARE: f32 = 0.42;

/// Texts longer than this (in bytes) are not put in a text box: laying out megabytes every
/// frame would freeze the editor. They are kept unchanged and can be copied whole.
pub(crate) const MAX_EDIT_BYTES: usize = 100_000;

/// What a text box shows instead of a text too long to edit.
pub(crate) fn too_long_to_edit(ui: &mut Ui, label: &str, text: &str) {
    let preview: String = text.chars().take(300).collect();
    ui.label(RichText::new(format!("{preview}…")).weak());
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "This {} holds {} characters, too long to edit here; it is kept unchanged.",
            label.to_lowercase(),
            text.chars().count()
        ));
        if ui.button("Copy it").clicked() {
            ui.ctx().copy_text(text.to_string());
        }
    });
}

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
            side_tab: SideTab::Inspector,
            table: TableView::default(),
            title_sent: String::new(),
            validation: crate::model::Validation::default(),
            legend_cache: None,
            ctx: None,
            palette: None,
            find: find::FindBar::default(),
            present: None,
            path_order: None,
            tidy: tidy_progress::TidyProgress::default(),
            welcome_after_recovery: false,
            input_order: input_order::InputOrder::default(),
            scenario_panel: scenario_panel::ScenarioPanel::default(),
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

    /// Keeps the side panel's width the user dragged it to (and that they dragged it shut),
    /// saved once the pointer is released.
    fn remember_side_panel(&mut self, ui: &Ui, open: bool, width: Option<f32>) {
        let mut changed = false;
        if open == self.settings.hide_side_panel {
            self.settings.hide_side_panel = !open;
            changed = true;
        }
        let dragging = ui.input(|i| i.pointer.any_down());
        if let Some(width) = width.filter(|w| w.is_finite() && *w >= SIDE_PANEL_MIN_PX)
            && !dragging
            && (width - self.settings.side_panel_width).abs() > 1.0
            && (self.settings.side_panel_width > 0.0 || (width - SIDE_PANEL_DEFAULT_PX).abs() > 1.0)
        {
            self.settings.side_panel_width = width;
            changed = true;
        }
        if changed {
            self.save_settings();
        }
    }

    fn save_settings(&mut self) {
        if let Err(e) = self.settings.save(self.settings_path.as_deref()) {
            self.editor.status = format!("Could not save preferences: {e}");
        }
    }

    fn replace_document(&mut self, doc: Document, origin: Origin) {
        let path = match &origin {
            Origin::File(path) => Some(path.clone()),
            _ => None,
        };
        self.editor = Editor::new(doc, origin);
        self.validation = crate::model::Validation::default();
        self.canvas.reset_for_new_document();
        self.comments = CommentsState::default();
        // The previous document was saved or discarded on purpose: its snapshot goes.
        self.recovery_after_open_or_save(path.as_deref());
    }

    /// Opens a file, showing an error dialog (and keeping the current document) on failure.
    pub fn open_path(&mut self, path: &Path) {
        match load_file(path) {
            Ok(loaded) => {
                let problems = validate(&loaded.document).len();
                let repairs = loaded.repairs.len();
                let repair_list: Vec<String> =
                    loaded.repairs.iter().map(|r| r.message.clone()).collect();
                self.replace_document(loaded.document, Origin::File(path.to_path_buf()));
                if !repair_list.is_empty() {
                    // Say what was changed to open it: the file itself is untouched until saved.
                    let shown = repair_list.len().min(20);
                    let mut message = repair_list[..shown].join("\n");
                    if repair_list.len() > shown {
                        message.push_str(&format!("\n… and {} more.", repair_list.len() - shown));
                    }
                    message.push_str(
                        "\n\nNothing was dropped. The file on disk is unchanged until you save.",
                    );
                    self.modal = Some(Modal::Error {
                        title: format!("Opened {} with {repairs} repair(s)", path.display()),
                        message,
                    });
                }
                self.editor.status = match (problems, repairs) {
                    (0, 0) => format!("Opened {}", path.display()),
                    (p, 0) => {
                        let problems = crate::model::counted(p, "problem", "problems");
                        format!(
                            "Opened {}; {problems} to look at (the “{problems}” button beside this lists them)",
                            path.display()
                        )
                    }
                    (p, r) => format!(
                        "Opened {}; repaired {r} thing(s) on loading, {p} problem(s)",
                        path.display()
                    ),
                };
                // Words no font here can draw are said once, not drawn as boxes silently.
                if let Some(report) = crate::interchange::figure_text_report(self.editor.doc()) {
                    self.editor.status = format!("{}. {report}", self.editor.status);
                }
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

    /// Asks for a file name and saves there. Returns true when saved now (false when
    /// cancelled, or when the built-in chooser was opened and saves once a path is chosen).
    pub fn save_as(&mut self) -> bool {
        self.save_as_then(None)
    }

    /// Save As, then `then` (e.g. quit) once saved, also when the built-in chooser answers
    /// later. Returns true when saved now.
    pub(super) fn save_as_then(&mut self, then: Option<Then>) -> bool {
        self.ask_path(path_picker::PickPurpose::SaveAs { then })
    }

    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        match self.editor.save_to(path) {
            Ok(()) => {
                self.editor.origin = Origin::File(path.to_path_buf());
                self.recovery_after_open_or_save(Some(path));
                self.editor.status = format!("Saved {}", path.display());
                self.settings.remember(path);
                self.save_settings();
                true
            }
            Err(e) => {
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
        if self.has_unsaved_work() {
            self.modal = Some(Modal::Unsaved(then));
        } else {
            self.carry_out(then);
        }
    }

    pub(super) fn carry_out(&mut self, then: Then) {
        match then {
            Then::New => {
                self.replace_document(Document::new(crate::model::UNTITLED), Origin::Untitled);
                self.canvas.camera = canvas::Camera::default();
                self.canvas.fit_pending = false;
                self.editor.status =
                    "New diagram. Double-click the canvas to add a CMOC card.".into();
            }
            Then::Open => {
                self.ask_path(path_picker::PickPurpose::OpenDiagram);
            }
            Then::OpenPath(path) => self.open_path(&path),
            Then::OpenExample => {
                self.replace_document(example_document(), Origin::Example);
                self.editor.status = "Opened the example. Save As keeps your own copy.".into();
            }
            Then::Quit => {
                // Saved or discarded on purpose: nothing to recover next time.
                self.recovery.end();
                self.allow_close = true;
                self.close_sent = true;
            }
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
            self.present_ui(ui, &palette);
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
            egui::MenuBar::new().ui(ui, |ui| self.menus_ui(ui));
        });
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui, &palette));
        if self.find.open {
            egui::Panel::top("find").show(ui, |ui| self.find_ui(ui, &palette));
        } else {
            self.canvas.matches.clear();
            // "Match 2 of 5" means nothing once the find bar is closed.
            if self.editor.status.starts_with("Match ") {
                self.editor.status.clear();
            }
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        // The side panel's width is the user's (dragged, remembered) and at most
        // SIDE_PANEL_MAX_SHARE of the window, so the canvas keeps most of a laptop's screen;
        // long content wraps or scrolls inside it. View > Side panel (F9) hides it.
        let window_width = ui.available_width();
        let widest = (window_width * SIDE_PANEL_MAX_SHARE).max(SIDE_PANEL_MIN_PX);
        let chosen = if self.settings.side_panel_width > 0.0 {
            self.settings.side_panel_width
        } else {
            SIDE_PANEL_DEFAULT_PX
        };
        let mut side_open = !self.settings.hide_side_panel;
        let side = egui::Panel::right("inspector")
            .resizable(true)
            .default_size(chosen.clamp(SIDE_PANEL_MIN_PX, widest))
            .size_range(SIDE_PANEL_MIN_PX..=widest)
            .show_collapsible(ui, &mut side_open, |ui| {
                let open = self
                    .editor
                    .doc()
                    .annotations()
                    .filter(|a| a.is_open_comment())
                    .count();
                // The tabs in body-sized type so the four fit the panel's width: in headings
                // they widened the panel over the canvas.
                ui.horizontal(|ui| {
                    for (tab, text) in [
                        (SideTab::Inspector, "Inspector".to_string()),
                        (SideTab::Comments, format!("Comments ({open})")),
                        (SideTab::Path, "Path".to_string()),
                        (SideTab::Scenarios, "What if".to_string()),
                    ] {
                        if ui
                            .selectable_label(
                                self.side_tab == tab,
                                RichText::new(text).size(14.0).strong(),
                            )
                            .clicked()
                        {
                            self.side_tab = tab;
                        }
                    }
                });
                ui.separator();
                // The diagram's own order, worked out again only when the scene changed (not
                // every frame the Path tab is open).
                let default_order = if self.side_tab == SideTab::Path
                    && self.editor.doc().workshop().path.is_none()
                {
                    let scene = self.canvas.scene(&self.editor, &palette);
                    let version = scene.version();
                    match &self.path_order {
                        Some((v, order)) if *v == version => order.clone(),
                        _ => {
                            let order = scene.presentation_order();
                            self.path_order = Some((version, order.clone()));
                            order
                        }
                    }
                } else {
                    Vec::new()
                };
                let mut path_output = None;
                let mut scenario_output = None;
                egui::ScrollArea::vertical().show(ui, |ui| match self.side_tab {
                    SideTab::Path => {
                        path_output =
                            Some(path_panel::path_ui(ui, &mut self.editor, || default_order));
                    }
                    SideTab::Scenarios => {
                        scenario_output = Some(scenario_panel::scenario_ui(
                            ui,
                            &mut self.editor,
                            &mut self.canvas.scenario,
                            &mut self.scenario_panel,
                        ));
                    }
                    SideTab::Inspector => {
                        let in_scenario = self.scenario_note();
                        inspector::inspector_ui(ui, &mut self.editor, in_scenario)
                    }
                    SideTab::Comments => {
                        let mut author = self.settings.author_name.clone();
                        if comments_ui(ui, &mut self.editor, &mut self.comments, &mut author) {
                            self.settings.author_name = author;
                            self.save_settings();
                        }
                    }
                });
                if let Some(output) = scenario_output {
                    if let Some(id) = output.show_node {
                        self.editor.selection.set_node(id);
                        self.canvas.fit_selection(&self.editor);
                    }
                    if let Some(other) = output.split_with {
                        self.open_split(other);
                    }
                }
                if let Some(output) = path_output {
                    if let Some(nodes) = output.show {
                        self.editor.selection.clear();
                        self.editor.selection.nodes.extend(nodes);
                        self.canvas.fit_selection(&self.editor);
                    }
                    if let Some(index) = output.present_from {
                        self.start_presenting_at(index);
                    }
                }
            });
        self.remember_side_panel(ui, side_open, side.map(|r| r.response.rect.width()));
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
                // Side by side only while both canvases have a scenario to show.
                let count = self.editor.doc().scenarios().len();
                if self.split.as_ref().is_some_and(|s| {
                    s.scenario.is_none_or(|i| i >= count)
                        || self.canvas.scenario.is_none_or(|i| i >= count)
                }) {
                    self.split = None;
                    self.canvas.fit_pending = true;
                }
                let full = ui.available_rect_before_wrap();
                let main_rect = if self.split.is_some() {
                    egui::Rect::from_min_max(
                        full.min,
                        egui::pos2(full.center().x - 1.0, full.max.y),
                    )
                } else {
                    full
                };
                let cameras = (self.canvas.camera, self.split.as_ref().map(|s| s.camera));
                let output = ui
                    .scope_builder(egui::UiBuilder::new().max_rect(main_rect), |ui| {
                        if self.split.is_some() {
                            split_heading(ui, self.editor.doc(), self.canvas.scenario, false);
                        }
                        canvas_ui(
                            ui,
                            &mut self.editor,
                            &mut self.canvas,
                            &palette,
                            self.settings.snap_to_grid,
                        )
                    })
                    .inner;
                let mut close_split = false;
                let mut split_action = None;
                if let Some(split) = &mut self.split {
                    let right = egui::Rect::from_min_max(
                        egui::pos2(full.center().x + 1.0, full.min.y),
                        full.max,
                    );
                    ui.painter().vline(
                        full.center().x,
                        full.y_range(),
                        ui.visuals().widgets.noninteractive.bg_stroke,
                    );
                    let split_output = ui
                        .scope_builder(
                            egui::UiBuilder::new()
                                .max_rect(right)
                                .id_salt("split-canvas"),
                            |ui| {
                                close_split =
                                    split_heading(ui, self.editor.doc(), split.scenario, true);
                                canvas_ui(
                                    ui,
                                    &mut self.editor,
                                    split,
                                    &palette,
                                    self.settings.snap_to_grid,
                                )
                            },
                        )
                        .inner;
                    // The two move and zoom together: whichever moved this frame leads.
                    if self.canvas.camera != cameras.0 {
                        split.camera = self.canvas.camera;
                    } else if Some(split.camera) != cameras.1 {
                        self.canvas.camera = split.camera;
                    }
                    split_action = split_output.action;
                }
                if close_split {
                    self.split = None;
                    self.canvas.fit_pending = true;
                }
                if let Some((action, at)) = split_action {
                    self.perform_at(action, at);
                }
                if let Some((action, at)) = output.action {
                    self.perform_at(action, at);
                }
                if output.show_comments {
                    self.side_tab = SideTab::Comments;
                }
                if std::mem::take(&mut self.canvas.open_inspector) {
                    self.side_tab = SideTab::Inspector;
                }
                self.canvas.legend_height = if self.show_legend {
                    legend::legend_ui(
                        ui,
                        self.canvas.rect,
                        &palette,
                        self.canvas.scenario.is_some(),
                        &mut self.legend_cache,
                    ) + 20.0
                } else {
                    0.0
                };
            });
        self.modal_ui(&ctx);
        self.palette_ui(&ctx);

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
