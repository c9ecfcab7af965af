//! The system clipboard: copy and cut (the selection as CMOC Canvas text), a picture of the
//! diagram, and pasting — nodes copied from CMOC Canvas, or a table copied from Word, a
//! spreadsheet or a paper, which opens the import dialog.

use super::dialogs::Modal;
use super::figures::ImportDialog;
use crate::session::{Action, Editor};

/// Carries out the actions that talk to the system — the clipboard, the theme, the browser
/// (Help → User guide) — with the window's context (`None` before the first frame: nothing to
/// talk to yet). False for any other action.
pub fn perform(
    action: Action,
    editor: &mut Editor,
    scenario: Option<usize>,
    window: Option<egui::Context>,
) -> bool {
    let Some(ctx) = window else {
        return matches!(
            action,
            Action::CopyPicture
                | Action::Copy
                | Action::Cut
                | Action::Paste
                | Action::ThemeLight
                | Action::ThemeDark
                | Action::ThemeSystem
                | Action::UserGuide
        );
    };
    match action {
        Action::CopyPicture => copy_picture(editor, scenario, &ctx),
        Action::Copy => {
            copy(editor, &ctx);
        }
        Action::Cut => cut(editor, &ctx),
        // The platform hands the clipboard over as a Paste event in a later frame, which
        // the window's keyboard handling turns into nodes.
        Action::Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
        Action::ThemeLight | Action::ThemeDark | Action::ThemeSystem => {
            ctx.set_theme(theme_of(action));
        }
        Action::UserGuide => super::guide::open(editor, &ctx),
        _ => return false,
    }
    true
}

/// Copies the selection; false (saying why) when nothing is selected.
pub fn copy(editor: &mut Editor, ctx: &egui::Context) -> bool {
    match editor.copy_selection() {
        Some(text) => {
            ctx.copy_text(text);
            let n = editor.selection.nodes.len();
            editor.status = format!("Copied {n} node{}", if n == 1 { "" } else { "s" });
            true
        }
        None => {
            editor.status = Action::Copy
                .enabled(editor)
                .err()
                .unwrap_or("Nothing to copy.")
                .into();
            false
        }
    }
}

/// Copies the selection, then deletes it.
pub fn cut(editor: &mut Editor, ctx: &egui::Context) {
    if copy(editor, ctx) {
        let n = editor.selection.nodes.len();
        editor.delete_selection();
        editor.status = format!("Cut {n} node{}", if n == 1 { "" } else { "s" });
    }
}

/// Puts the selection (or the whole diagram) on the clipboard as a picture, at twice the
/// figure's size (sharp when pasted into a document), no larger than a PNG export allows;
/// shown in `scenario` (the one the canvas shows), if any.
pub fn copy_picture(editor: &mut Editor, scenario: Option<usize>, ctx: &egui::Context) {
    let only = (!editor.selection.nodes.is_empty()).then(|| editor.selection.nodes.clone());
    let what = if only.is_some() {
        "the selection"
    } else {
        "the diagram"
    };
    let options = crate::interchange::FigureOptions {
        only,
        embed_font: false,
        scenario: scenario
            .and_then(|i| editor.doc().scenarios().get(i))
            .map(|s| s.name.clone()),
        ..Default::default()
    };
    let mut result = crate::interchange::figure_rgba(editor.doc(), &options, 2.0);
    if matches!(
        result,
        Err(crate::interchange::FigureError::TooLarge { .. })
    ) {
        result = crate::interchange::figure_rgba(editor.doc(), &options, 1.0);
    }
    match result {
        Ok((w, h, rgba)) => {
            let image = egui::ColorImage::from_rgba_unmultiplied([w as usize, h as usize], &rgba);
            ctx.copy_image(image);
            editor.status = format!(
                "Copied {what} as a picture ({w} × {h} pixels): paste it into Word, PowerPoint or a chat."
            );
        }
        Err(e) => editor.status = format!("Could not copy {what} as a picture: {e}"),
    }
}

/// Pastes clipboard text with its top-left corner at `anchor` (world). A table copied from
/// Word, a spreadsheet or a paper is not pasted but returned as the import dialog to show.
pub fn paste_text(editor: &mut Editor, text: &str, anchor: egui::Pos2) -> Option<Modal> {
    let offset = clipboard_offset(text, anchor).unwrap_or((30.0, 30.0));
    match editor.paste(text, offset) {
        Ok(n) => editor.status = format!("Pasted {n} node{}", if n == 1 { "" } else { "s" }),
        Err(_) if looks_like_a_table(text) => {
            return Some(Modal::ImportTable(Box::new(ImportDialog::pasted(text))));
        }
        Err(message) => editor.status = message,
    }
    None
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
