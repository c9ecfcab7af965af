//! The command palette (Ctrl+K or Ctrl+Shift+P): type words from a command's name or
//! description, pick it with the arrow keys and run it with Enter — every command, without
//! the mouse and without knowing which menu holds it.

use super::Shortcuts;
use super::{Action, EditorApp, name_widget};
use egui::{Key, Modifiers, RichText};

/// Longest list the palette shows at once.
const MAX_SHOWN: usize = 12;

/// The palette's state while it is open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Palette {
    /// What has been typed.
    pub query: String,
    /// Which of the listed commands Enter runs.
    pub chosen: usize,
    focused_once: bool,
}

/// The actions whose name or description holds every word of `query`: a name that is the
/// query first, then names that start with it, then names holding every word, then
/// descriptions.
pub fn matching(query: &str) -> Vec<Action> {
    let query = query.trim().to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    let holds = |text: &str| {
        let text = text.to_lowercase();
        words.iter().all(|w| text.contains(w))
    };
    let mut found: Vec<(u8, Action)> = Action::all()
        .filter_map(|action| {
            let name = action.name().to_lowercase();
            let name = name.trim_end_matches('…');
            let rank = if name == query {
                0
            } else if name.starts_with(&query) {
                1
            } else if holds(name) {
                2
            } else if holds(action.description()) {
                3
            } else {
                return None;
            };
            Some((rank, action))
        })
        .collect();
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, action)| action).collect()
}

impl EditorApp {
    /// Shows the palette if it is open; runs the command picked.
    pub(super) fn palette_ui(&mut self, ctx: &egui::Context) {
        let Some(mut palette) = self.palette.take() else {
            return;
        };
        let found = matching(&palette.query);
        let mut run = None;
        // Esc closes, wherever the keyboard is (the text field would only lose focus).
        let mut close = ctx.input(|i| i.key_pressed(Key::Escape));
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown)) {
            palette.chosen = (palette.chosen + 1).min(found.len().saturating_sub(1));
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp)) {
            palette.chosen = palette.chosen.saturating_sub(1);
        }
        let response = egui::Modal::new(egui::Id::unique("command-palette")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.label(RichText::new("Run a command").strong());
            let field = ui.add(
                egui::TextEdit::singleline(&mut palette.query)
                    .hint_text("Type part of a command's name, e.g. \"fit\" or \"export\"")
                    .desired_width(f32::INFINITY),
            );
            name_widget(ui, &field, "Command to run");
            if !palette.focused_once {
                field.request_focus();
                palette.focused_once = true;
            }
            if field.changed() {
                palette.chosen = 0;
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                run = found.get(palette.chosen).copied();
            }
            ui.separator();
            if found.is_empty() {
                ui.label(RichText::new("No command matches.").weak());
            }
            let start = palette.chosen.saturating_sub(MAX_SHOWN - 1);
            for (i, action) in found.iter().enumerate().skip(start).take(MAX_SHOWN) {
                let available = self.availability(*action);
                // A command that does not apply now is listed greyed, with the reason where
                // its keys would be (and read out as its description), not hidden.
                let aside = match available {
                    Ok(()) => action
                        .shortcuts()
                        .first()
                        .map(|s| super::shortcuts::shortcut_words(ctx, s))
                        .unwrap_or_default(),
                    Err(reason) => reason.to_string(),
                };
                let item = egui::Button::selectable(i == palette.chosen, action.name())
                    .shortcut_text(aside.as_str());
                let response = ui.add_enabled_ui(available.is_ok(), |ui| {
                    ui.add_sized([ui.available_width(), 0.0], item)
                });
                let response = response.inner;
                // Read out as its name, then its keys or why it does not apply.
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_label(action.name());
                    node.set_description(aside.as_str());
                });
                if response.on_hover_text(action.description()).clicked() {
                    run = Some(*action);
                }
            }
        });
        if response.should_close() {
            close = true;
        }
        match run {
            // Enter on a greyed command: nothing runs, and the palette stays with its reason.
            Some(action) if self.availability(action).is_err() => {
                // The keyboard stays in the field, to type another command.
                palette.focused_once = false;
                self.palette = Some(palette);
            }
            Some(action) => self.perform(action),
            None if !close => self.palette = Some(palette),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_commands_by_words_in_name_or_description() {
        assert_eq!(matching("fit sel").first(), Some(&Action::FitSelection));
        assert_eq!(matching("cmoc table").first(), Some(&Action::ToggleTable));
        assert!(matching("export").contains(&Action::ExportFigure));
        assert!(
            matching("PROJECTOR").contains(&Action::ThemeLight),
            "description words count"
        );
        assert!(matching("no such command").is_empty());
        assert_eq!(matching("").len(), Action::all().count());
    }
}
