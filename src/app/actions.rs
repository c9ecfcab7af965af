//! Every command of the editor in one table: its name, its shortcut and what it does. Menus,
//! keyboard handling and Help → Keyboard shortcuts are all fed from [`Action::ALL`], so the
//! shortcuts listed are the shortcuts bound.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give from a menu, a shortcut or the toolbar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Start an empty diagram.
    New,
    /// Open a diagram file.
    Open,
    /// Open the built-in Figure 2 example.
    OpenExample,
    /// Save to the current file (asks for a name the first time).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Export the diagram as an SVG or PNG figure.
    ExportFigure,
    /// Export the CMOC table as Markdown, CSV or sentences.
    ExportTable,
    /// Import CMOC cards from a CSV table.
    ImportTable,
    /// Close the window.
    Quit,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Cut the selection to the clipboard.
    Cut,
    /// Copy the selection to the clipboard.
    Copy,
    /// Paste nodes from the clipboard.
    Paste,
    /// Duplicate the selection.
    Duplicate,
    /// Delete the selection.
    Delete,
    /// Select every node.
    SelectAll,
    /// Clear the selection (also cancels a drag).
    Deselect,
    /// Toggle the selected CMOC cards between positive and negative.
    TogglePolarity,
    /// Bring the selection to the front.
    BringToFront,
    /// Send the selection to the back.
    SendToBack,
    /// Zoom in about the centre.
    ZoomIn,
    /// Zoom out about the centre.
    ZoomOut,
    /// Show the whole diagram.
    FitDiagram,
    /// Show the selection.
    FitSelection,
    /// Show at 100%.
    ActualSize,
    /// Snap moved nodes to a 10-unit grid.
    ToggleSnap,
    /// Show or hide the CMOC table under the canvas.
    ToggleTable,
    /// Show the list of shortcuts.
    ShowShortcuts,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl Action {
    /// Every action, in the order Help lists them.
    pub const ALL: [Action; 29] = [
        Action::New,
        Action::Open,
        Action::OpenExample,
        Action::Save,
        Action::SaveAs,
        Action::ExportFigure,
        Action::ExportTable,
        Action::ImportTable,
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::Cut,
        Action::Copy,
        Action::Paste,
        Action::Duplicate,
        Action::Delete,
        Action::SelectAll,
        Action::Deselect,
        Action::TogglePolarity,
        Action::BringToFront,
        Action::SendToBack,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::FitDiagram,
        Action::FitSelection,
        Action::ActualSize,
        Action::ToggleSnap,
        Action::ToggleTable,
        Action::ShowShortcuts,
    ];

    /// The menu text.
    pub fn name(self) -> &'static str {
        match self {
            Action::New => "New",
            Action::Open => "Open…",
            Action::OpenExample => "Open example (Figure 2)",
            Action::Save => "Save",
            Action::SaveAs => "Save As…",
            Action::ExportFigure => "Export figure…",
            Action::ExportTable => "Export CMOC table…",
            Action::ImportTable => "Import CMOC table…",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::Cut => "Cut",
            Action::Copy => "Copy",
            Action::Paste => "Paste",
            Action::Duplicate => "Duplicate",
            Action::Delete => "Delete",
            Action::SelectAll => "Select all",
            Action::Deselect => "Select none",
            Action::TogglePolarity => "Toggle positive / negative",
            Action::BringToFront => "Bring to front",
            Action::SendToBack => "Send to back",
            Action::ZoomIn => "Zoom in",
            Action::ZoomOut => "Zoom out",
            Action::FitDiagram => "Fit diagram",
            Action::FitSelection => "Fit selection",
            Action::ActualSize => "Actual size (100%)",
            Action::ToggleSnap => "Snap to grid",
            Action::ToggleTable => "CMOC table",
            Action::ShowShortcuts => "Keyboard shortcuts",
        }
    }

    /// What the action does, for tooltips and the shortcut list.
    pub fn description(self) -> &'static str {
        match self {
            Action::New => "Start an empty diagram",
            Action::Open => "Open a diagram file (.ron)",
            Action::OpenExample => "Open the programme theory of Westlake et al. (2024), Figure 2",
            Action::Save => "Save the diagram",
            Action::SaveAs => "Save the diagram under a new name",
            Action::ExportFigure => "Save the diagram as an SVG or PNG figure for a paper",
            Action::ExportTable => "Save the CMOC table as Markdown, CSV or sentences",
            Action::ImportTable => "Add CMOC cards from a spreadsheet's CSV table",
            Action::Quit => "Close CMOC Canvas",
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the last undone change",
            Action::Cut => "Move the selection to the clipboard",
            Action::Copy => "Copy the selection to the clipboard",
            Action::Paste => "Paste nodes from the clipboard",
            Action::Duplicate => "Copy the selection in place",
            Action::Delete => "Delete the selected nodes and arrows",
            Action::SelectAll => "Select every node",
            Action::Deselect => "Clear the selection, or cancel a drag",
            Action::TogglePolarity => {
                "Switch selected CMOCs between activated and not activated (-ve)"
            }
            Action::BringToFront => "Draw the selection above other nodes",
            Action::SendToBack => "Draw the selection behind other nodes",
            Action::ZoomIn => "Zoom in",
            Action::ZoomOut => "Zoom out",
            Action::FitDiagram => "Show the whole diagram",
            Action::FitSelection => "Show the selected nodes",
            Action::ActualSize => "Show the diagram at 100%",
            Action::ToggleSnap => "Snap moved nodes to a grid",
            Action::ToggleTable => "Show or hide the CMOC table under the canvas",
            Action::ShowShortcuts => "List every keyboard shortcut",
        }
    }

    /// The shortcuts that trigger the action (the first is shown in menus).
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            Action::New => vec![cmd(Key::N)],
            Action::Open => vec![cmd(Key::O)],
            Action::OpenExample => vec![],
            Action::Save => vec![cmd(Key::S)],
            Action::SaveAs => vec![cmd_shift(Key::S)],
            Action::ExportFigure => vec![cmd(Key::E)],
            Action::ExportTable => vec![],
            Action::ImportTable => vec![cmd(Key::I)],
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
        }
    }

    /// True for actions that act on the canvas and must not fire while text is being typed
    /// (there, Ctrl+C copies text and Delete deletes a character).
    pub fn yields_to_text_fields(self) -> bool {
        matches!(
            self,
            Action::Undo
                | Action::Redo
                | Action::Cut
                | Action::Copy
                | Action::Paste
                | Action::Delete
                | Action::SelectAll
                | Action::Deselect
                | Action::TogglePolarity
                | Action::Duplicate
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_shortcut_is_bound_twice() {
        let mut seen = HashSet::new();
        for action in Action::ALL {
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
