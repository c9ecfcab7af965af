//! One dispatcher for every command: menus, toolbar, context menu, start screen, command
//! palette and shortcuts all end in [`EditorApp::perform`]. Also the clipboard (copy, cut, and
//! paste, which arrives as an event) and the keyboard shortcuts themselves.

use super::Shortcuts;
use super::dialogs::Modal;
use super::figures;
use super::{Action, EditorApp, Then, ZOOM_STEP};
use crate::model::{NodeKind, Point};
use egui::{Event, ViewportCommand};

impl EditorApp {
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
        let ctx = self.ctx.clone();
        let editor = &mut self.editor;
        match action {
            Action::New => self.after_unsaved_check(Then::New),
            Action::Open => self.after_unsaved_check(Then::Open),
            Action::OpenExample => self.after_unsaved_check(Then::OpenExample),
            Action::RecoverUnsaved => self.offer_recovery(),
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                self.save_as();
            }
            Action::ExportFigure => self.open_figure_dialog(),
            Action::ExportTable => self.modal = Some(Modal::ExportTable),
            Action::ExportNotes => self.modal = Some(Modal::ExportNotes),
            Action::ImportTable => {
                self.ask_path(super::path_picker::PickPurpose::ImportTable);
            }
            Action::CopyPicture => {
                if let Some(ctx) = &ctx {
                    self.copy_picture(ctx);
                }
            }
            Action::PasteTable => {
                self.modal = Some(Modal::ImportTable(Box::new(figures::ImportDialog::pasted(
                    "",
                ))));
            }
            Action::ToggleTable => self.show_table = !self.show_table,
            Action::ToggleLegend => self.show_legend = !self.show_legend,
            Action::ToggleSidePanel => {
                self.settings.hide_side_panel = !self.settings.hide_side_panel;
                self.save_settings();
            }
            Action::Quit => self.after_unsaved_check(Then::Quit),
            Action::Copy => {
                if let Some(ctx) = &ctx {
                    self.copy(ctx);
                }
            }
            Action::Cut => {
                if let Some(ctx) = &ctx {
                    self.cut(ctx);
                }
            }
            Action::Paste => {
                // The platform hands the clipboard over as a Paste event in a later frame,
                // which `keyboard` turns into nodes.
                if let Some(ctx) = &ctx {
                    ctx.send_viewport_cmd(ViewportCommand::RequestPaste);
                }
            }
            Action::Deselect => {
                if self.canvas.is_dragging() {
                    self.canvas.cancel_gesture(&mut self.editor);
                } else {
                    self.editor.selection.clear();
                    self.canvas.inline_edit = None;
                }
            }
            Action::Tidy => {
                if self.tidy.start(editor) {
                    self.canvas.fit_pending = true;
                }
            }
            Action::ZoomIn => self.canvas.zoom_by(ZOOM_STEP),
            Action::ZoomOut => self.canvas.zoom_by(1.0 / ZOOM_STEP),
            Action::FitDiagram => self.canvas.fit_diagram(&self.editor),
            Action::FitSelection => self.canvas.fit_selection(&self.editor),
            Action::ActualSize => self.canvas.actual_size(),
            Action::ToggleSnap => {
                self.settings.snap_to_grid = !self.settings.snap_to_grid;
                self.save_settings();
            }
            Action::ThemeLight | Action::ThemeDark | Action::ThemeSystem => {
                if let Some(ctx) = &ctx {
                    ctx.set_theme(theme_of(action));
                }
            }
            Action::ShowShortcuts => self.modal = Some(Modal::Shortcuts),
            Action::CommandPalette => self.palette = Some(super::palette::Palette::default()),
            Action::Find => self.find.open(),
            Action::FindNext => self.find.step(&mut self.editor, &mut self.canvas, true),
            Action::FindPrevious => self.find.step(&mut self.editor, &mut self.canvas, false),
            Action::Present => {
                if self.present.is_some() {
                    self.stage().stop_presenting();
                } else {
                    self.stage().start_presenting();
                }
            }
            Action::EditPath => self.side.tab = super::SideTab::Path,
            Action::EditScenarios => self.side.tab = super::SideTab::Scenarios,
            Action::CloseSplit => self.split = None,
            Action::TextLarger => self.change_ui_scale(true),
            Action::TextSmaller => self.change_ui_scale(false),
            Action::HowToRead => self.modal = Some(Modal::HowToRead),
            // What changes only the document and the selection, the session does itself.
            _ => {
                self.editor.perform(action);
            }
        }
    }

    /// File → Export figure: the dialog, as last used, showing the scenario the canvas shows.
    fn open_figure_dialog(&mut self) {
        // The figure shows the scenario the canvas shows, unless changed in the dialog.
        let scenario = self
            .canvas
            .scenario
            .and_then(|i| self.editor.doc().scenarios().get(i))
            .map(|s| s.name.clone());
        self.modal = Some(Modal::ExportFigure(figures::FigureDialog::remembered(
            self.settings.figure.as_ref(),
            scenario,
        )))
    }

    /// Centres the canvas on a node (keeping the zoom).
    pub fn focus_node(&mut self, id: crate::model::NodeId) {
        if let Some(node) = self.editor.doc().node(id) {
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

    pub(super) fn copy(&mut self, ctx: &egui::Context) -> bool {
        match self.editor.copy_selection() {
            Some(text) => {
                ctx.copy_text(text);
                let n = self.editor.selection.nodes.len();
                self.editor.status = format!("Copied {n} node{}", if n == 1 { "" } else { "s" });
                true
            }
            None => {
                self.editor.status = Action::Copy
                    .enabled(&self.editor)
                    .err()
                    .unwrap_or("Nothing to copy.")
                    .into();
                false
            }
        }
    }

    pub(super) fn cut(&mut self, ctx: &egui::Context) {
        if self.copy(ctx) {
            let n = self.editor.selection.nodes.len();
            self.editor.delete_selection();
            self.editor.status = format!("Cut {n} node{}", if n == 1 { "" } else { "s" });
        }
    }

    /// Puts the selection (or the whole diagram) on the clipboard as a picture, at twice the
    /// figure's size (sharp when pasted into a document), no larger than a PNG export allows.
    pub fn copy_picture(&mut self, ctx: &egui::Context) {
        let only =
            (!self.editor.selection.nodes.is_empty()).then(|| self.editor.selection.nodes.clone());
        let what = if only.is_some() {
            "the selection"
        } else {
            "the diagram"
        };
        let options = crate::interchange::FigureOptions {
            only,
            embed_font: false,
            scenario: self
                .canvas
                .scenario
                .and_then(|i| self.editor.doc().scenarios().get(i))
                .map(|s| s.name.clone()),
            ..Default::default()
        };
        let mut result = crate::interchange::figure_rgba(self.editor.doc(), &options, 2.0);
        if matches!(
            result,
            Err(crate::interchange::FigureError::TooLarge { .. })
        ) {
            result = crate::interchange::figure_rgba(self.editor.doc(), &options, 1.0);
        }
        match result {
            Ok((w, h, rgba)) => {
                let image =
                    egui::ColorImage::from_rgba_unmultiplied([w as usize, h as usize], &rgba);
                ctx.copy_image(image);
                self.editor.status = format!(
                    "Copied {what} as a picture ({w} × {h} pixels): paste it into Word, PowerPoint or a chat."
                );
            }
            Err(e) => self.editor.status = format!("Could not copy {what} as a picture: {e}"),
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
            // A table copied from Word, a spreadsheet or a paper: import it, with a preview.
            Err(_) if looks_like_a_table(text) => {
                self.modal = Some(super::dialogs::Modal::ImportTable(Box::new(
                    super::figures::ImportDialog::pasted(text),
                )));
            }
            Err(message) => self.editor.status = message,
        }
    }

    pub(super) fn keyboard(&mut self, ctx: &egui::Context) {
        // The palette is modal: it handles its own keys (Esc, arrows, Enter). So is an open
        // menu (the canvas's right-click menu, a menu of the menu bar): Esc closes it, and
        // must not also clear the selection (it was taken here first, and the menu stayed).
        if self.modal.is_some() || self.palette.is_some() || egui::Popup::is_any_open(ctx) {
            return;
        }
        // Esc in the find bar closes it and returns to the diagram (not "select none").
        let focused = ctx.memory(|m| m.focused());
        if self.find.open
            && !focused.is_some_and(|id| self.canvas.owns_focus(id))
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.find.open = false;
            return;
        }
        // The canvas and its nodes take keyboard focus too; only a text field is "typing".
        let typing = ctx.egui_wants_keyboard_input()
            && !focused.is_some_and(|id| self.canvas.owns_focus(id));
        // Copy, cut and paste arrive as events, not key presses, on real windows.
        if !typing {
            let events = ctx.input(|i| i.events.clone());
            for event in events {
                match event {
                    // The platform's copy and cut keys come as events: the same action, the
                    // same answer when they do not apply.
                    Event::Copy => self.perform(Action::Copy),
                    Event::Cut => self.perform(Action::Cut),
                    Event::Paste(text) => self.paste_text(&text),
                    _ => {}
                }
            }
        }
        // egui matches shortcuts "logically" (an extra Shift still matches Ctrl+Z), so try
        // the shortcuts with more modifiers first: Ctrl+Shift+Z must be Redo, not Undo.
        let mut bindings: Vec<(Action, egui::KeyboardShortcut)> = Action::all()
            .filter(|a| !(typing && a.yields_to_text_fields()))
            .flat_map(|a| a.shortcuts().into_iter().map(move |s| (a, s)))
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
                // Ctrl+V delivers the clipboard as a Paste event in the same frame (handled
                // above); asking the platform again would paste twice.
                Action::Paste => {}
                other => self.perform(other),
            }
        }
    }
}

/// The offset that puts pasted nodes' top-left corner at `anchor`, read from the clipboard text.
fn clipboard_offset(text: &str, anchor: egui::Pos2) -> Option<(f32, f32)> {
    #[derive(serde::Deserialize)]
    struct Probe {
        nodes: Vec<crate::model::Node>,
    }
    if text.len() > crate::session::MAX_PASTE_BYTES {
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

/// Text that is a CMOC table rather than CMOC Canvas items: tab-separated cells over two lines
/// or more, or CMOC sentences with marked parts.
fn looks_like_a_table(text: &str) -> bool {
    if text.len() > crate::interchange::MAX_IMPORT_BYTES {
        return false;
    }
    let rows = text.lines().filter(|l| l.contains('\t')).take(2).count();
    rows >= 2 || text.lines().any(crate::interchange::marked::looks_marked)
}

/// The theme a View → Theme action chooses.
fn theme_of(action: Action) -> egui::ThemePreference {
    match action {
        Action::ThemeLight => egui::ThemePreference::Light,
        Action::ThemeDark => egui::ThemePreference::Dark,
        _ => egui::ThemePreference::System,
    }
}
