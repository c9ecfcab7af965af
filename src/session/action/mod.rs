//! Every command of the editor in one table: its name, what it does, and whether it applies
//! now (with the reason, in a researcher's words, when it does not). Menus, the toolbar, the
//! context menu, the start screen, the command palette, keyboard handling and Help → Keyboard
//! shortcuts are all fed from it; the window adds the keys (`app::shortcuts`). The list of
//! every action is derived from the enum itself ([`Action::all`]), so no action can be left out
//! of it.

mod availability;
mod words;

pub use availability::Performed;

use crate::model::NodeKind;
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
    /// Keep the theory as it is now as a named version, in the file.
    SaveVersion,
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
    /// Fit the selected cards' heights (or every card's) to their text.
    FitToText,
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
    /// Show the Versions panel: the theory's saved versions, to restore or delete.
    ShowVersions,
    /// Compare the diagram with the newest saved version.
    CompareWithLatest,
    /// Step to the next change of the comparison.
    NextChange,
    /// Step to the change before.
    PreviousChange,
    /// Stop comparing.
    StopComparing,
    /// Compare the diagram with another diagram file (a colleague's copy, an older file).
    CompareWithFile,
    /// Merge a colleague's copy of the diagram into this one.
    MergeCopy,
    /// Resolve a merge conflict by keeping what is in the diagram (mine).
    ResolveMine,
    /// Resolve a merge conflict by taking the colleague's side.
    ResolveTheirs,
    /// Resolve a merge conflict by keeping both.
    ResolveBoth,
    /// Save the refinement table (each CMOC's status and what changed) for a paper.
    ExportChanges,
    /// Stop showing two scenarios side by side.
    CloseSplit,
    /// Larger text and controls.
    TextLarger,
    /// Smaller text and controls.
    TextSmaller,
    /// How to read a programme theory, in plain words.
    HowToRead,
    /// Open the user guide (the copy installed with the program) in the web browser.
    UserGuide,
    /// Let the room join from their own phones while presenting (or stop it).
    JoinFromPhones,
    /// Accept the oldest comment waiting from a phone onto its card.
    AcceptPhoneComment,
    /// Set the oldest comment waiting from a phone aside.
    SetAsidePhoneComment,
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

    /// The menu of the menu bar the action is in ("File", "Edit", "Insert", "Arrange", "View",
    /// "Help"), or `None` for the few that live elsewhere: the merge conflict list, the find
    /// bar, the presenting keys. The user guide names menu items as "Menu → Item"; a test
    /// opens each menu of the real window and finds every action this says is there.
    pub fn menu(self) -> Option<&'static str> {
        use Action as A;
        Some(match self {
            A::New | A::Open | A::OpenExample | A::RecoverUnsaved | A::Save | A::SaveAs => "File",
            A::SaveVersion | A::MergeCopy | A::ImportTable | A::PasteTable | A::ExportFigure => {
                "File"
            }
            A::ExportTable | A::ExportNotes | A::ExportChanges | A::Quit => "File",
            A::Undo | A::Redo | A::Cut | A::Copy | A::CopyPicture | A::Paste | A::Duplicate => {
                "Edit"
            }
            A::Delete | A::SelectAll | A::Deselect | A::TogglePolarity => "Edit",
            A::AddCmoc | A::AddContext | A::AddMechanism | A::AddOutcome | A::AddCondition => {
                "Insert"
            }
            A::AddTheory | A::AddRegion | A::AddNote => "Insert",
            A::BringToFront | A::SendToBack | A::AlignLeft | A::AlignCentreHorizontally => {
                "Arrange"
            }
            A::AlignRight | A::AlignTop | A::AlignCentreVertically | A::AlignBottom => "Arrange",
            A::DistributeHorizontally | A::DistributeVertically | A::Tidy | A::FitToText => {
                "Arrange"
            }
            A::TogglePin | A::ArrowsCurved | A::ArrowsOrthogonal => "Arrange",
            A::Present | A::JoinFromPhones | A::EditPath | A::ShowVersions => "View",
            A::CompareWithLatest | A::CompareWithFile | A::NextChange | A::PreviousChange => "View",
            A::StopComparing | A::EditScenarios | A::CloseSplit | A::CommandPalette | A::Find => {
                "View"
            }
            A::TextLarger | A::TextSmaller | A::ZoomIn | A::ZoomOut | A::ActualSize => "View",
            A::FitDiagram | A::FitSelection | A::ToggleSnap | A::ToggleLegend => "View",
            A::ToggleTable | A::ToggleSidePanel | A::ThemeLight | A::ThemeDark => "View",
            A::ThemeSystem => "View",
            A::HowToRead | A::ShowShortcuts | A::UserGuide => "Help",
            A::FindNext | A::FindPrevious | A::ResolveMine | A::ResolveTheirs | A::ResolveBoth => {
                return None;
            }
            A::AcceptPhoneComment | A::SetAsidePhoneComment => return None,
        })
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
                | Action::NextChange
                | Action::PreviousChange
        )
    }
}

#[cfg(test)]
mod tests;
