//! What each action is called and what it does, in the words menus, tooltips, the palette and
//! Help use.

use super::Action;

impl Action {
    /// The menu text.
    pub fn name(self) -> &'static str {
        match self {
            Action::New => "New",
            Action::Open => "Open…",
            Action::OpenExample => "Open example (Figure 2)",
            Action::RecoverUnsaved => "Recover unsaved work…",
            Action::Save => "Save",
            Action::SaveAs => "Save As…",
            Action::SaveVersion => "Save version…",
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
            Action::FitToText => "Fit cards to text",
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
            Action::ShowVersions => "Versions of the theory",
            Action::CompareWithLatest => "Compare with the last saved version",
            Action::NextChange => "Next change",
            Action::PreviousChange => "Previous change",
            Action::StopComparing => "Stop comparing",
            Action::CompareWithFile => "Compare with another file…",
            Action::MergeCopy => "Merge a colleague's copy…",
            Action::ResolveMine => "Resolve conflict: keep mine",
            Action::ResolveTheirs => "Resolve conflict: take theirs",
            Action::ResolveBoth => "Resolve conflict: keep both",
            Action::ExportChanges => "Export refinement table…",
            Action::EditScenarios => "What if scenarios",
            Action::CloseSplit => "Close side-by-side view",
            Action::TextLarger => "Larger text",
            Action::TextSmaller => "Smaller text",
            Action::HowToRead => "How to read a programme theory",
            Action::UserGuide => "User guide",
            Action::JoinFromPhones => "Let the room join from phones",
            Action::AcceptPhoneComment => "Accept comment from a phone",
            Action::SetAsidePhoneComment => "Set aside comment from a phone",
        }
    }

    /// What the action does, for tooltips and the shortcut list.
    pub fn description(self) -> &'static str {
        if let Some(words) = self.team_description() {
            return words;
        }
        match self {
            Action::New => "Start an empty diagram",
            Action::Open => "Open a diagram file (.cmoc.ron, or an older .ron)",
            Action::OpenExample => "Open the programme theory of Westlake et al. (2024), Figure 2",
            Action::RecoverUnsaved => {
                "Look for changes kept aside when CMOC Canvas last closed without saving (a crash, a power cut), and recover or discard them"
            }
            Action::Save => "Save the diagram",
            Action::SaveAs => "Save the diagram under a new name",
            Action::SaveVersion => {
                "Keep the theory as it is now (cards, nodes, arrows) as a named version in this file, e.g. \"Initial programme theory\""
            }
            Action::ShowVersions => {
                "List the theory's saved versions: restore one (undoable) or delete one"
            }
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
            Action::FitToText => {
                "Make each selected card (every card, when none is selected) just tall enough for its text: no empty bottoms, no cut words"
            }
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
            Action::UserGuide => {
                "Open the user guide in your web browser: getting started, the facilitator's guide, importing tables, versions, every key"
            }
            // Said by team_description, above (a test checks every action says something).
            _ => "",
        }
    }

    /// What the actions for versions, comparing and merging do.
    fn team_description(self) -> Option<&'static str> {
        Some(match self {
            Action::CompareWithLatest => {
                "Mark on the canvas what was added, removed, changed or moved since the newest saved version, with a list of the changes"
            }
            Action::NextChange => "Go to the next change of the comparison (n)",
            Action::PreviousChange => "Go to the change before (Shift+N)",
            Action::StopComparing => "Stop marking the changes on the canvas",
            Action::CompareWithFile => {
                "Mark on the canvas what differs from another diagram file (a colleague's copy, an older file), and list the differences"
            }
            Action::MergeCopy => {
                "Combine a colleague's copy of this diagram with yours, card by card: what only one of you changed is kept, what both changed differently is listed as a conflict to resolve; one undo step"
            }
            Action::ResolveMine => {
                "Settle the selected card's merge conflict (or the first) by keeping what is in your diagram"
            }
            Action::ResolveTheirs => {
                "Settle the selected card's merge conflict (or the first) by taking your colleague's version"
            }
            Action::ResolveBoth => {
                "Settle the selected card's merge conflict (or the first) by keeping both: both texts, or both cards with theirs renumbered"
            }
            Action::JoinFromPhones => {
                "While presenting, show a QR code, an address and a join code so participants follow the current card on their own phones and react and comment (no account, no install); again to stop. Joining ends when presenting ends"
            }
            Action::AcceptPhoneComment => {
                "Put the oldest comment waiting from a phone onto its card, signed by the group the participant chose (one undo step)"
            }
            Action::SetAsidePhoneComment => {
                "Leave the oldest comment waiting from a phone off the diagram"
            }
            Action::ExportChanges => {
                "Save the refinement table for a paper: each CMOC's status, what changed since a saved version (struck and inserted words), rationale and evidence, as Word, Markdown, CSV or HTML"
            }
            _ => return None,
        })
    }
}
