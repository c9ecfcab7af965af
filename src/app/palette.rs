//! The command palette (Ctrl+K or Ctrl+Shift+P): type words from a command's name or
//! description, pick it with the arrow keys and run it with Enter — every command, without
//! the mouse and without knowing which menu holds it.

use super::Shortcuts;
use super::{Action, name_widget};
use egui::{Key, Modifiers, RichText};

/// Rows the palette's list shows before it scrolls.
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

/// What the palette asks of the window after a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaletteOutcome {
    /// Stay open.
    Open,
    /// Closed without running anything.
    Closed,
    /// Run this command (it applies now) and close.
    Run(Action),
}

impl Palette {
    /// Shows the palette for a frame; `availability` says whether each command applies now
    /// and if not why (the window's one answer, as the menus use).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        availability: impl Fn(Action) -> Result<(), &'static str>,
    ) -> PaletteOutcome {
        let found = matching(&self.query);
        let mut run = None;
        // Esc closes, wherever the keyboard is (the text field would only lose focus).
        let mut close = ctx.input(|i| i.key_pressed(Key::Escape));
        let mut moved = false;
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown)) {
            self.chosen = (self.chosen + 1).min(found.len().saturating_sub(1));
            moved = true;
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp)) {
            self.chosen = self.chosen.saturating_sub(1);
            moved = true;
        }
        let response = egui::Modal::new(egui::Id::unique("command-palette")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.label(RichText::new("Run a command").strong());
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("Type part of a command's name, e.g. \"fit\" or \"export\"")
                    .desired_width(f32::INFINITY),
            );
            name_widget(ui, &field, "Command to run");
            if !self.focused_once {
                field.request_focus();
                self.focused_once = true;
            }
            if field.changed() {
                self.chosen = 0;
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                run = found.get(self.chosen).copied();
            }
            ui.separator();
            if found.is_empty() {
                ui.label(RichText::new("No command matches.").weak());
            }
            // Every match, in a list that scrolls (wheel or arrow keys) past its first rows.
            let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
            egui::ScrollArea::vertical()
                .id_salt("palette-commands")
                .max_height(row * MAX_SHOWN as f32)
                .show(ui, |ui| {
                    for (i, action) in found.iter().enumerate() {
                        let response = palette_row(ui, *action, i == self.chosen, &availability);
                        if moved && i == self.chosen {
                            response.scroll_to_me(None);
                        }
                        if response.clicked() {
                            run = Some(*action);
                        }
                    }
                });
        });
        if response.should_close() {
            close = true;
        }
        match run {
            // Enter on a greyed command: nothing runs, and the palette stays with its reason;
            // the keyboard stays in the field, to type another command.
            Some(action) if availability(action).is_err() => {
                self.focused_once = false;
                PaletteOutcome::Open
            }
            Some(action) => PaletteOutcome::Run(action),
            None if close => PaletteOutcome::Closed,
            None => PaletteOutcome::Open,
        }
    }
}

/// One command in the list: its name, and its keys or (greyed) why it does not apply now.
fn palette_row(
    ui: &mut egui::Ui,
    action: Action,
    chosen: bool,
    availability: &impl Fn(Action) -> Result<(), &'static str>,
) -> egui::Response {
    let available = availability(action);
    // A command that does not apply now is listed greyed, with the reason where its keys
    // would be (and read out as its description), not hidden.
    let aside = match available {
        Ok(()) => action
            .shortcuts()
            .first()
            .map(|s| super::shortcuts::shortcut_words(ui.ctx(), s))
            .unwrap_or_default(),
        Err(reason) => reason.to_string(),
    };
    let item = egui::Button::selectable(chosen, action.name()).shortcut_text(aside.as_str());
    let response = ui
        .add_enabled_ui(available.is_ok(), |ui| {
            ui.add_sized([ui.available_width(), 0.0], item)
        })
        .inner;
    // Read out as its name, then its keys or why it does not apply.
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_label(action.name());
        node.set_description(aside.as_str());
    });
    response.on_hover_text(action.description())
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
