//! Every command of the editor in one table: its name, its shortcut and what it does. Menus,
//! the toolbar, the context menu, the start screen, the command palette, keyboard handling and
//! Help → Keyboard shortcuts are all fed from it, so the shortcuts listed are the shortcuts
//! bound. The list of every action is derived from the enum itself ([`Action::all`]), so no
//! action can be left out of it.

use crate::model::NodeKind;
use egui::{Key, KeyboardShortcut, Modifiers};
use strum::IntoEnumIterator;

/// A command the user can give from a menu, a shortcut, the toolbar or the command palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter, strum::EnumCount)]
pub enum Action {
    /// Start an empty diagram.
    New,
    /// Open a diagram file.
    Open,
    /// Open the built-in Figure 2 example.
    OpenExample,
    /// Offer again the unsaved work a crashed editor left behind.
    RecoverUnsaved,
    /// Save to the current file (asks for a name the first time).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Export the diagram as an SVG or PNG figure.
    ExportFigure,
    /// Export the CMOC table as Markdown, CSV or sentences.
    ExportTable,
    /// Export what a workshop group said (comments, replies, reactions, changes) step by step.
    ExportNotes,
    /// Import CMOC cards from a CSV table.
    ImportTable,
    /// Import a CMOC table pasted from Word, a spreadsheet or a paper.
    PasteTable,
    /// Put the selection (or the whole diagram) on the clipboard as a picture.
    CopyPicture,
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
    /// Add a CMOC card.
    AddCmoc,
    /// Add a context.
    AddContext,
    /// Add a mechanism.
    AddMechanism,
    /// Add an outcome.
    AddOutcome,
    /// Add an IF-condition.
    AddCondition,
    /// Add a substantive theory.
    AddTheory,
    /// Add a region.
    AddRegion,
    /// Add a note.
    AddNote,
    /// Line the selected nodes up on their left edges.
    AlignLeft,
    /// Line the selected nodes up on their centres (vertical line).
    AlignCentreHorizontally,
    /// Line the selected nodes up on their right edges.
    AlignRight,
    /// Line the selected nodes up on their top edges.
    AlignTop,
    /// Line the selected nodes up on their middles (horizontal line).
    AlignCentreVertically,
    /// Line the selected nodes up on their bottom edges.
    AlignBottom,
    /// Space the selected nodes evenly from left to right.
    DistributeHorizontally,
    /// Space the selected nodes evenly from top to bottom.
    DistributeVertically,
    /// Lay the diagram (or the selection) out in layers, left to right along the arrows.
    Tidy,
    /// Pin the selected nodes so Tidy leaves them where they are, or unpin them.
    TogglePin,
    /// Draw the diagram's arrows as smooth curves.
    ArrowsCurved,
    /// Draw the diagram's arrows in straight runs with right-angled turns.
    ArrowsOrthogonal,
    /// Show or hide the legend.
    ToggleLegend,
    /// Show or hide the side panel (inspector, comments, path, what if).
    ToggleSidePanel,
    /// Light theme.
    ThemeLight,
    /// Dark theme.
    ThemeDark,
    /// Follow the system's theme.
    ThemeSystem,
    /// Search every command by name.
    CommandPalette,
    /// Find cards by words or CMOC number.
    Find,
    /// Go to the next card found.
    FindNext,
    /// Go to the previous card found.
    FindPrevious,
    /// Present the theory to a group, step by step, full screen.
    Present,
    /// Show the Path panel: the steps of the presentation, with speaker notes.
    EditPath,
    /// Show the What if panel: scenarios to show, make, set and compare.
    EditScenarios,
    /// Stop showing two scenarios side by side.
    CloseSplit,
    /// Larger text and controls.
    TextLarger,
    /// Smaller text and controls.
    TextSmaller,
    /// How to read a programme theory, in plain words.
    HowToRead,
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
    /// Every action, in the order Help and the palette list them (the enum's order).
    pub fn all() -> impl Iterator<Item = Action> {
        Action::iter()
    }

    /// The node kind an "Add …" action adds.
    pub fn node_kind(self) -> Option<NodeKind> {
        Some(match self {
            Action::AddCmoc => NodeKind::Cmoc,
            Action::AddContext => NodeKind::Context,
            Action::AddMechanism => NodeKind::Mechanism,
            Action::AddOutcome => NodeKind::Outcome,
            Action::AddCondition => NodeKind::Condition,
            Action::AddTheory => NodeKind::Theory,
            Action::AddRegion => NodeKind::Region,
            Action::AddNote => NodeKind::Note,
            _ => return None,
        })
    }

    /// The "Add …" action for a node kind.
    pub fn add(kind: NodeKind) -> Action {
        match kind {
            NodeKind::Cmoc => Action::AddCmoc,
            NodeKind::Context => Action::AddContext,
            NodeKind::Mechanism => Action::AddMechanism,
            NodeKind::Outcome => Action::AddOutcome,
            NodeKind::Condition => Action::AddCondition,
            NodeKind::Theory => Action::AddTheory,
            NodeKind::Region => Action::AddRegion,
            NodeKind::Note => Action::AddNote,
        }
    }

    /// A short label for the toolbar, where space is tight (the menu name otherwise).
    pub fn toolbar_label(self) -> &'static str {
        match self {
            Action::TogglePolarity => "Toggle +/-",
            Action::ZoomIn => " + ",
            Action::ZoomOut => " - ",
            Action::FitDiagram => "Fit",
            Action::ToggleTable => "Table",
            Action::CommandPalette => "Commands…",
            other => other
                .node_kind()
                .map_or_else(|| other.name(), NodeKind::name),
        }
    }

    /// The menu text.
    pub fn name(self) -> &'static str {
        match self {
            Action::New => "New",
            Action::Open => "Open…",
            Action::OpenExample => "Open example (Figure 2)",
            Action::RecoverUnsaved => "Recover unsaved work…",
            Action::Save => "Save",
            Action::SaveAs => "Save As…",
            Action::ExportFigure => "Export figure…",
            Action::ExportTable => "Export CMOC table…",
            Action::ExportNotes => "Export workshop notes…",
            Action::ImportTable => "Import CMOC table…",
            Action::PasteTable => "Import pasted CMOC table…",
            Action::CopyPicture => "Copy as picture",
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
            Action::AddCmoc => "Add CMOC card",
            Action::AddContext => "Add context",
            Action::AddMechanism => "Add mechanism",
            Action::AddOutcome => "Add outcome",
            Action::AddCondition => "Add condition (IF)",
            Action::AddTheory => "Add theory",
            Action::AddRegion => "Add region",
            Action::AddNote => "Add note",
            Action::AlignLeft => "Align left edges",
            Action::AlignCentreHorizontally => "Align centres (vertical line)",
            Action::AlignRight => "Align right edges",
            Action::AlignTop => "Align top edges",
            Action::AlignCentreVertically => "Align middles (horizontal line)",
            Action::AlignBottom => "Align bottom edges",
            Action::DistributeHorizontally => "Distribute horizontally",
            Action::DistributeVertically => "Distribute vertically",
            Action::Tidy => "Tidy layout",
            Action::TogglePin => "Pin in place (Tidy leaves it)",
            Action::ArrowsCurved => "Curved arrows",
            Action::ArrowsOrthogonal => "Right-angled arrows",
            Action::ToggleLegend => "Legend",
            Action::ToggleSidePanel => "Side panel",
            Action::ThemeLight => "Light theme (best on a projector)",
            Action::ThemeDark => "Dark theme",
            Action::ThemeSystem => "Theme follows the system",
            Action::CommandPalette => "Command palette…",
            Action::Find => "Find…",
            Action::FindNext => "Find next",
            Action::FindPrevious => "Find previous",
            Action::Present => "Present…",
            Action::EditPath => "Presentation path",
            Action::EditScenarios => "What if scenarios",
            Action::CloseSplit => "Close side-by-side view",
            Action::TextLarger => "Larger text",
            Action::TextSmaller => "Smaller text",
            Action::HowToRead => "How to read a programme theory",
        }
    }

    /// What the action does, for tooltips and the shortcut list.
    pub fn description(self) -> &'static str {
        match self {
            Action::New => "Start an empty diagram",
            Action::Open => "Open a diagram file (.ron)",
            Action::OpenExample => "Open the programme theory of Westlake et al. (2024), Figure 2",
            Action::RecoverUnsaved => {
                "Look for changes kept aside when CMOC Canvas last closed without saving (a crash, a power cut), and recover or discard them"
            }
            Action::Save => "Save the diagram",
            Action::SaveAs => "Save the diagram under a new name",
            Action::ExportFigure => "Save the diagram as an SVG or PNG figure for a paper",
            Action::ExportTable => "Save the CMOC table as Markdown, CSV or sentences",
            Action::ExportNotes => {
                "Save what the workshop said, step by step: comments, replies, reactions and changes, as Markdown or CSV"
            }
            Action::ImportTable => {
                "Add CMOC cards from a CSV table: separate C, M, O columns, or sentences with their parts marked (C), (M), (O)"
            }
            Action::PasteTable => {
                "Paste a table from Word, Excel, LibreOffice or a PDF viewer, or marked CMOC sentences, and import it"
            }
            Action::CopyPicture => {
                "Put the selection, or the whole diagram, on the clipboard as a picture to paste into Word, PowerPoint or a chat"
            }
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
            Action::AddCmoc => {
                "Add a CMOC card with the next free number at the centre of the view"
            }
            Action::AddContext => "Add a context (C) at the centre of the view",
            Action::AddMechanism => "Add a mechanism (M) at the centre of the view",
            Action::AddOutcome => "Add an outcome (O) at the centre of the view",
            Action::AddCondition => "Add an IF-condition whose arrows are yes and no branches",
            Action::AddTheory => "Add a substantive theory at the centre of the view",
            Action::AddRegion => "Add a region to hold a pathway or group of nodes",
            Action::AddNote => "Add a free note at the centre of the view",
            Action::AlignLeft => "Move the selected nodes so their left edges line up",
            Action::AlignCentreHorizontally => "Move the selected nodes onto one vertical line",
            Action::AlignRight => "Move the selected nodes so their right edges line up",
            Action::AlignTop => "Move the selected nodes so their top edges line up",
            Action::AlignCentreVertically => "Move the selected nodes onto one horizontal line",
            Action::AlignBottom => "Move the selected nodes so their bottom edges line up",
            Action::DistributeHorizontally => "Space the selected nodes evenly from left to right",
            Action::DistributeVertically => "Space the selected nodes evenly from top to bottom",
            Action::Tidy => {
                "Lay the selection (or, with nothing selected, the whole diagram) out in layers, left to right along the arrows; yes branches above no branches; regions redrawn round what they hold"
            }
            Action::TogglePin => {
                "Pin the selected nodes where they are, so Tidy lays the rest out around them; again to unpin"
            }
            Action::ArrowsCurved => {
                "Draw this diagram's arrows as smooth curves, bending widely round nodes in their way (saved with the diagram)"
            }
            Action::ArrowsOrthogonal => {
                "Draw this diagram's arrows in straight runs with right-angled turns, like elbow connectors (saved with the diagram)"
            }
            Action::ToggleLegend => "Show or hide the legend over the canvas",
            Action::ToggleSidePanel => {
                "Show or hide the side panel (inspector, comments, path, what if): more room for the diagram"
            }
            Action::ThemeLight => "Dark text on a light canvas: reads best when projected",
            Action::ThemeDark => "Light text on a dark canvas",
            Action::ThemeSystem => "Use the light or dark theme as the computer is set",
            Action::CommandPalette => "Search every command by name and run it",
            Action::Find => "Find cards by words or by CMOC number (\"10\", \"-ve 22\")",
            Action::FindNext => "Go to the next card found",
            Action::FindPrevious => "Go to the previous card found",
            Action::Present => {
                "Present the theory to a group: full screen, one card at a time in plain words, capturing what the room says (Esc leaves)"
            }
            Action::EditPath => {
                "Prepare the presentation: the order of its steps, which to skip, speaker notes"
            }
            Action::EditScenarios => {
                "Suppose each IF-condition met or not and see which pathway holds; make, set and compare scenarios"
            }
            Action::CloseSplit => "Show one scenario again instead of two side by side",
            Action::TextLarger => "Make text and controls larger, everywhere (remembered)",
            Action::TextSmaller => "Make text and controls smaller, everywhere (remembered)",
            Action::HowToRead => {
                "Context, mechanism, outcome, the IF-fork and \"-ve\" cards explained without jargon"
            }
        }
    }

    /// The shortcuts that trigger the action (the first is shown in menus).
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
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
            Action::EditPath => vec![],
            Action::EditScenarios => vec![],
            Action::CloseSplit => vec![],
            Action::TextLarger => vec![cmd_shift(Key::Equals), cmd_shift(Key::Plus)],
            Action::TextSmaller => vec![cmd_shift(Key::Minus)],
            Action::HowToRead => vec![],
            Action::TogglePin => vec![plain(Key::P)],
            Action::ToggleSidePanel => vec![plain(Key::F9)],
            _ => vec![],
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
                | Action::TogglePin
                | Action::Duplicate
        )
    }
}

/// A shortcut as people name its keys: "Ctrl+Shift+]", "Page Down", "Ctrl+=" (egui writes
/// "CloseBracket" and "PageDown"). On a Mac, the modifiers by their Mac names.
pub fn shortcut_words(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let mac = ctx.os().is_mac();
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

    #[test]
    fn every_action_is_listed_named_and_described() {
        use strum::EnumCount;
        let all: Vec<Action> = Action::all().collect();
        assert_eq!(all.len(), Action::COUNT, "every variant is in the list");
        let names: HashSet<&str> = all.iter().map(|a| a.name()).collect();
        assert_eq!(names.len(), all.len(), "no two actions share a name");
        for action in all {
            assert!(
                !action.description().is_empty(),
                "{action:?} says what it does"
            );
        }
        for kind in NodeKind::ALL {
            assert_eq!(Action::add(kind).node_kind(), Some(kind));
        }
    }
}
