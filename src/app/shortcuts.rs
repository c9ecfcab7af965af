//! The keys of every action: the window's half of the action table (names, descriptions and
//! whether an action applies live in [`crate::session::Action`], which knows no keyboard).

use crate::session::Action;
use egui::{Key, KeyboardShortcut, Modifiers};

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// The keys of an action.
pub trait Shortcuts {
    /// The shortcuts that trigger the action (the first is shown in menus).
    fn shortcuts(self) -> Vec<KeyboardShortcut>;
}

impl Shortcuts for Action {
    fn shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            Action::New => vec![cmd(Key::N)],
            Action::Open => vec![cmd(Key::O)],
            Action::OpenExample | Action::RecoverUnsaved => vec![],
            Action::Save => vec![cmd(Key::S)],
            Action::SaveAs => vec![cmd_shift(Key::S)],
            Action::ExportFigure => vec![cmd(Key::E)],
            Action::ExportTable => vec![],
            Action::ExportNotes => vec![],
            Action::ImportTable => vec![cmd(Key::I)],
            Action::PasteTable => vec![],
            Action::CopyPicture => vec![],
            Action::Quit => vec![cmd(Key::Q)],
            Action::Undo => vec![cmd(Key::Z)],
            Action::Redo => vec![cmd_shift(Key::Z), cmd(Key::Y)],
            Action::Cut => vec![cmd(Key::X)],
            Action::Copy => vec![cmd(Key::C)],
            Action::Paste => vec![cmd(Key::V)],
            Action::Duplicate => vec![cmd(Key::D)],
            Action::Delete => vec![plain(Key::Delete), plain(Key::Backspace)],
            Action::SelectAll => vec![cmd(Key::A)],
            Action::Deselect => vec![plain(Key::Escape)],
            Action::TogglePolarity => vec![plain(Key::T)],
            Action::BringToFront => vec![cmd_shift(Key::CloseBracket)],
            Action::SendToBack => vec![cmd_shift(Key::OpenBracket)],
            Action::ZoomIn => vec![cmd(Key::Equals), cmd(Key::Plus)],
            Action::ZoomOut => vec![cmd(Key::Minus)],
            Action::FitDiagram => vec![cmd(Key::Num0)],
            Action::FitSelection => vec![KeyboardShortcut::new(Modifiers::SHIFT, Key::Num2)],
            Action::ActualSize => vec![cmd(Key::Num1)],
            Action::ToggleSnap => vec![cmd_shift(Key::G)],
            Action::ToggleTable => vec![cmd(Key::T)],
            Action::ShowShortcuts => vec![plain(Key::F1)],
            Action::CommandPalette => vec![cmd(Key::K), cmd_shift(Key::P)],
            Action::Find => vec![cmd(Key::F)],
            Action::FindNext => vec![plain(Key::F3)],
            Action::FindPrevious => vec![KeyboardShortcut::new(Modifiers::SHIFT, Key::F3)],
            Action::Present => vec![plain(Key::F5)],
            Action::EditPath | Action::SaveVersion | Action::ShowVersions => vec![],
            Action::EditScenarios => vec![],
            Action::CloseSplit => vec![],
            Action::TextLarger => vec![cmd_shift(Key::Equals), cmd_shift(Key::Plus)],
            Action::TextSmaller => vec![cmd_shift(Key::Minus)],
            Action::HowToRead => vec![],
            Action::JoinFromPhones => vec![],
            Action::AcceptPhoneComment => vec![],
            Action::SetAsidePhoneComment => vec![],
            Action::TogglePin => vec![plain(Key::P)],
            Action::NextChange => vec![plain(Key::N)],
            Action::PreviousChange => vec![KeyboardShortcut::new(Modifiers::SHIFT, Key::N)],
            Action::ToggleSidePanel => vec![plain(Key::F9)],
            _ => vec![],
        }
    }
}

/// A shortcut as people name its keys: "Ctrl+Shift+]", "Page Down", "Ctrl+=" (egui writes
/// "CloseBracket" and "PageDown"). On a Mac, the modifiers by their Mac names.
pub fn shortcut_words(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    shortcut_words_on(shortcut, ctx.os().is_mac())
}

/// [`shortcut_words`] on a Mac (`mac`) or elsewhere, without a window to ask.
pub fn shortcut_words_on(shortcut: &KeyboardShortcut, mac: bool) -> String {
    let m = shortcut.modifiers;
    let mut words = String::new();
    for (on, name) in [
        (m.ctrl || (m.command && !mac), "Ctrl+"),
        (m.mac_cmd || (m.command && mac), "Cmd+"),
        (m.alt, if mac { "Option+" } else { "Alt+" }),
        (m.shift, "Shift+"),
    ] {
        if on && !words.contains(name) {
            words.push_str(name);
        }
    }
    words.push_str(key_words(shortcut.logical_key));
    words
}

/// A key as people name it (see [`shortcut_words`]).
pub fn key_words(key: Key) -> &'static str {
    match key {
        Key::PageUp => "Page Up",
        Key::PageDown => "Page Down",
        Key::Escape => "Esc",
        Key::ArrowUp => "Up arrow",
        Key::ArrowDown => "Down arrow",
        Key::ArrowLeft => "Left arrow",
        Key::ArrowRight => "Right arrow",
        Key::Minus => "-",
        other => other.symbol_or_name(),
    }
}

/// A button (menu item, toolbar button) for an action: enabled when the action applies now,
/// with its description and first shortcut on hover; otherwise greyed, with the reason it does
/// not apply on hover ("Select two or more cards to align them").
pub fn action_button(
    ui: &mut egui::Ui,
    action: Action,
    button: egui::Button<'_>,
    available: Result<(), &'static str>,
) -> egui::Response {
    let response = ui.add_enabled(available.is_ok(), button);
    match available {
        Ok(()) => {
            let hover = match action.shortcuts().first() {
                Some(s) => format!("{} ({})", action.description(), shortcut_words(ui.ctx(), s)),
                None => action.description().to_string(),
            };
            response.on_hover_text(hover)
        }
        Err(reason) => response.on_disabled_hover_text(reason),
    }
}

/// What the keyboard asked for in a frame.
pub enum Pressed {
    /// An action's shortcut (or the platform's copy or cut key).
    Action(Action),
    /// The platform's paste: the clipboard's text.
    Paste(String),
}

/// The commands the keyboard asked for this frame, in order; their keys are taken. While
/// `typing` in a text field, the keys a text field needs (letters, Delete, the clipboard)
/// stay with it.
pub fn pressed(ctx: &egui::Context, typing: bool) -> Vec<Pressed> {
    let mut asked = Vec::new();
    // Copy, cut and paste arrive as events, not key presses, on real windows: the same
    // action, the same answer when they do not apply.
    if !typing {
        ctx.input(|i| {
            for event in &i.events {
                match event {
                    egui::Event::Copy => asked.push(Pressed::Action(Action::Copy)),
                    egui::Event::Cut => asked.push(Pressed::Action(Action::Cut)),
                    egui::Event::Paste(text) => asked.push(Pressed::Paste(text.clone())),
                    _ => {}
                }
            }
        });
    }
    // egui matches shortcuts "logically" (an extra Shift still matches Ctrl+Z), so try the
    // shortcuts with more modifiers first: Ctrl+Shift+Z must be Redo, not Undo.
    let mut bindings: Vec<(Action, KeyboardShortcut)> = Action::all()
        .filter(|a| !(typing && a.yields_to_text_fields()))
        .flat_map(|a| a.shortcuts().into_iter().map(move |s| (a, s)))
        .collect();
    bindings.sort_by_key(|(_, s)| {
        let m = s.modifiers;
        std::cmp::Reverse(u8::from(m.command || m.ctrl) + u8::from(m.shift) + u8::from(m.alt))
    });
    for (action, shortcut) in bindings {
        // Ctrl+V delivers the clipboard as a Paste event in the same frame (taken above);
        // asking the platform again would paste twice.
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) && action != Action::Paste {
            asked.push(Pressed::Action(action));
        }
    }
    asked
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_shortcut_is_bound_twice() {
        let mut seen = HashSet::new();
        for action in Action::all() {
            for shortcut in action.shortcuts() {
                assert!(
                    seen.insert((
                        shortcut.modifiers.command,
                        shortcut.modifiers.shift,
                        shortcut.modifiers.alt,
                        shortcut.logical_key
                    )),
                    "{shortcut:?} is bound twice"
                );
            }
        }
    }
}
