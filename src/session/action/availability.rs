//! Whether an action applies now, with the reason in a researcher's words when it does not,
//! and the effect of the actions that change only the document and the selection. The menus,
//! the toolbar, the context menu, the keys and the palette all ask [`Action::enabled`], so they
//! never disagree; a headless caller (a test, the command line) runs the same effects through
//! [`Editor::perform`].

use super::Action;
use crate::model::NodeKind;
use crate::session::{Align, Editor};

impl Action {
    /// `Ok` when the action can run on this editor now; otherwise why not, said so that the
    /// reader knows what to do ("Select two or more cards to align them").
    pub fn enabled(self, editor: &Editor) -> Result<(), &'static str> {
        let selected_nodes = editor.selection.nodes.len();
        let need = |ok: bool, reason: &'static str| if ok { Ok(()) } else { Err(reason) };
        match self {
            Action::Undo => need(editor.history().undo_len() > 0, "Nothing to undo yet"),
            Action::Redo => need(editor.history().redo_len() > 0, "Nothing to redo"),
            Action::Copy => need(
                selected_nodes > 0,
                "Select one or more cards or nodes to copy them",
            ),
            Action::Cut => need(
                selected_nodes > 0,
                "Select one or more cards or nodes to cut them",
            ),
            Action::Duplicate => need(
                selected_nodes > 0,
                "Select one or more cards or nodes to duplicate them",
            ),
            Action::Delete => need(
                !editor.selection.is_empty(),
                "Select something to delete: a card, a node or an arrow",
            ),
            Action::TogglePolarity => need(
                editor.selection.nodes.iter().any(|id| {
                    editor
                        .doc()
                        .node(*id)
                        .is_some_and(|n| n.kind() == NodeKind::Cmoc)
                }),
                "Select a CMOC card to switch it between activated and -ve",
            ),
            Action::BringToFront | Action::SendToBack => need(
                selected_nodes > 0,
                "Select one or more nodes to move them in front or behind",
            ),
            Action::TogglePin => need(
                selected_nodes > 0,
                "Select one or more nodes to pin them where they are",
            ),
            Action::FitSelection => need(
                selected_nodes > 0,
                "Select one or more nodes to zoom to them",
            ),
            Action::AlignLeft
            | Action::AlignCentreHorizontally
            | Action::AlignRight
            | Action::AlignTop
            | Action::AlignCentreVertically
            | Action::AlignBottom => need(
                selected_nodes >= 2,
                "Select two or more cards to align them",
            ),
            Action::DistributeHorizontally | Action::DistributeVertically => need(
                selected_nodes >= 3,
                "Select three or more cards to space them evenly",
            ),
            Action::Tidy => need(
                editor.doc().node_count() > 1,
                "Add two or more nodes to lay them out",
            ),
            Action::FitToText => need(
                editor.doc().card_count() > 0,
                "The diagram has no CMOC card to fit",
            ),
            Action::CopyPicture => need(
                editor.doc().node_count() > 0,
                "The diagram is empty: add a card to copy its picture",
            ),
            Action::Present => need(
                editor.doc().node_count() > 0,
                "The diagram is empty: add a CMOC card to present it",
            ),
            Action::CompareWithLatest | Action::ExportChanges => need(
                !editor.doc().versions().is_empty(),
                "Save a version first (File → Save version…) to compare with it",
            ),
            Action::NextChange | Action::PreviousChange | Action::StopComparing => need(
                editor.is_comparing(),
                "Compare with a saved version first (Versions tab, or Compare with the last saved version)",
            ),
            Action::ResolveMine | Action::ResolveTheirs | Action::ResolveBoth => need(
                !editor.doc().conflicts().is_empty(),
                "There is no merge conflict to resolve",
            ),
            Action::JoinFromPhones => need(
                editor.doc().node_count() > 0,
                "The diagram is empty: add a CMOC card to present it to a room",
            ),
            Action::AcceptPhoneComment | Action::SetAsidePhoneComment => need(
                !editor.phone_comments().is_empty(),
                "No comment from a phone is waiting",
            ),
            _ => Ok(()),
        }
    }

    /// True for actions only the window can carry out: they open a dialog or a panel, move the
    /// camera, use the clipboard or the screen, or change the window's settings.
    pub fn needs_window(self) -> bool {
        self.node_kind().is_some()
            || matches!(
                self,
                Action::New
                    | Action::Open
                    | Action::OpenExample
                    | Action::RecoverUnsaved
                    | Action::Save
                    | Action::SaveAs
                    | Action::SaveVersion
                    | Action::ExportFigure
                    | Action::ExportTable
                    | Action::ExportNotes
                    | Action::ImportTable
                    | Action::PasteTable
                    | Action::CopyPicture
                    | Action::Quit
                    | Action::Cut
                    | Action::Copy
                    | Action::Paste
                    | Action::ZoomIn
                    | Action::ZoomOut
                    | Action::FitDiagram
                    | Action::FitSelection
                    | Action::ActualSize
                    | Action::ToggleSnap
                    | Action::ToggleTable
                    | Action::ToggleLegend
                    | Action::ToggleSidePanel
                    | Action::ShowShortcuts
                    | Action::ThemeLight
                    | Action::ThemeDark
                    | Action::ThemeSystem
                    | Action::CommandPalette
                    | Action::Find
                    | Action::FindNext
                    | Action::FindPrevious
                    | Action::Present
                    | Action::EditPath
                    | Action::EditScenarios
                    | Action::ShowVersions
                    | Action::MergeCopy
                    | Action::CompareWithFile
                    | Action::ExportChanges
                    | Action::CloseSplit
                    | Action::TextLarger
                    | Action::TextSmaller
                    | Action::HowToRead
                    | Action::UserGuide
                    | Action::JoinFromPhones
            )
    }

    /// The align or distribute action's arrangement, if it is one.
    fn arrangement(self) -> Option<Arrangement> {
        Some(match self {
            Action::AlignLeft => Arrangement::Align(Align::Left),
            Action::AlignCentreHorizontally => Arrangement::Align(Align::CentreHorizontally),
            Action::AlignRight => Arrangement::Align(Align::Right),
            Action::AlignTop => Arrangement::Align(Align::Top),
            Action::AlignCentreVertically => Arrangement::Align(Align::CentreVertically),
            Action::AlignBottom => Arrangement::Align(Align::Bottom),
            Action::DistributeHorizontally => Arrangement::Distribute { horizontal: true },
            Action::DistributeVertically => Arrangement::Distribute { horizontal: false },
            _ => return None,
        })
    }
}

/// Lining up or spacing out the selection.
enum Arrangement {
    Align(Align),
    Distribute { horizontal: bool },
}

/// What [`Editor::perform`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Performed {
    /// The action ran.
    Done,
    /// It does not apply now; the reason is also the status message.
    Unavailable(&'static str),
    /// It needs the window (a dialog, the camera, the clipboard): the shell runs it.
    NeedsWindow,
}

impl Editor {
    /// Runs an action that changes only the document or the selection, as the window's menus
    /// and keys do; says so when it does not apply now, or when only the window can run it.
    /// (Tidy here lays out on this thread; the window runs it on its own, with progress.)
    pub fn perform(&mut self, action: Action) -> Performed {
        if let Err(reason) = action.enabled(self) {
            self.status = reason.to_string();
            return Performed::Unavailable(reason);
        }
        if let Some(arrangement) = action.arrangement() {
            match arrangement {
                Arrangement::Align(align) => self.align_selection(align),
                Arrangement::Distribute { horizontal } => self.distribute_selection(horizontal),
            }
            return Performed::Done;
        }
        match action {
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Duplicate => self.duplicate(),
            Action::Delete => self.delete_selection(),
            Action::Deselect => self.selection.clear(),
            Action::SelectAll => {
                self.selection.nodes = self.doc().nodes().map(|n| n.id).collect();
                self.selection.edges.clear();
            }
            Action::TogglePolarity => self.toggle_selected_polarity(),
            Action::BringToFront => self.reorder_selection(true),
            Action::SendToBack => self.reorder_selection(false),
            Action::TogglePin => self.toggle_pin_selection(),
            Action::ArrowsCurved => self.set_arrow_style(crate::model::ArrowStyle::Curved),
            Action::ArrowsOrthogonal => self.set_arrow_style(crate::model::ArrowStyle::Orthogonal),
            Action::Tidy => {
                self.tidy();
            }
            Action::FitToText => {
                self.fit_cards_to_text();
            }
            Action::CompareWithLatest => {
                self.compare_with_version(self.doc().versions().len().saturating_sub(1));
            }
            Action::NextChange => {
                self.step_change(true);
            }
            Action::PreviousChange => {
                self.step_change(false);
            }
            Action::StopComparing => self.stop_comparing(),
            Action::ResolveMine | Action::ResolveTheirs | Action::ResolveBoth => {
                let how = match action {
                    Action::ResolveMine => crate::session::Resolution::Mine,
                    Action::ResolveTheirs => crate::session::Resolution::Theirs,
                    _ => crate::session::Resolution::Both,
                };
                self.resolve_conflict(self.conflict_for_selection(), how);
            }
            Action::AcceptPhoneComment => {
                self.accept_phone_comment(0);
            }
            Action::SetAsidePhoneComment => {
                self.set_aside_phone_comment(0);
            }
            _ => {
                debug_assert!(action.needs_window(), "{action:?} is performed by no one");
                return Performed::NeedsWindow;
            }
        }
        Performed::Done
    }
}
