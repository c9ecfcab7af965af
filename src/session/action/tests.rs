use super::*;
use crate::session::{Editor, Origin, Performed};
use std::collections::HashSet;

/// The example with every node selected, one change kept and one undone: every action that
/// needs something selected, something to undo or something to redo applies.
fn ready_editor() -> Editor {
    let mut editor = Editor::new(crate::file::example_document(), Origin::Untitled);
    // A colleague changed CMOC 4's context one way and we another: one conflict to resolve.
    let card = editor
        .doc()
        .find_cmoc(4, crate::model::Polarity::Positive)
        .map(|n| n.id)
        .expect("CMOC 4");
    let mut theirs = editor.doc().clone();
    let mut node = theirs.node(card).cloned().expect("card");
    if let Some(c) = node.content.cmoc_mut() {
        c.context = "Their words".into();
    }
    crate::edit::Edit::ReplaceNode { node }
        .apply(&mut theirs)
        .expect("edits");
    editor.change_node(card, "context", |n| {
        if let Some(c) = n.content.cmoc_mut() {
            c.context = "My words".into();
        }
    });
    editor
        .merge_copy(&theirs, "theirs.ron", crate::session::MergeBase::Shared)
        .expect("merges");
    assert_eq!(editor.doc().conflicts().len(), 1);
    // And the diagram compared with its initial version: there are changes to step through.
    assert!(editor.compare_with_version(0));
    editor.perform(Action::SelectAll);
    editor.perform(Action::TogglePolarity);
    editor.perform(Action::TogglePolarity);
    editor.perform(Action::Undo);
    // A comment from a phone waits for the facilitator.
    let taken = editor.take_from_room(
        vec![crate::room::RoomEvent::Comment {
            phone: crate::room::Phone("phone 1 · room 0001".into()),
            card,
            text: "From the back row".into(),
            group: String::new(),
        }],
        false,
    );
    assert_eq!(taken.queued, 1);
    editor
}

#[test]
fn every_action_is_named_described_and_carried_out_by_the_session_or_the_window() {
    let names: HashSet<&str> = Action::all().map(Action::name).collect();
    assert_eq!(names.len(), Action::all().count(), "no two share a name");
    for action in Action::all() {
        assert!(
            !action.description().is_empty(),
            "{action:?} says what it does"
        );
        let mut editor = ready_editor();
        assert_eq!(action.enabled(&editor), Ok(()), "{action:?} applies here");
        let performed = editor.perform(action);
        if action.needs_window() {
            assert_eq!(performed, Performed::NeedsWindow, "{action:?}");
        } else {
            assert_eq!(performed, Performed::Done, "{action:?} is carried out");
        }
    }
    for kind in NodeKind::ALL {
        assert_eq!(Action::add(kind).node_kind(), Some(kind));
    }
}

#[test]
fn an_action_that_does_not_apply_says_why_and_changes_nothing() {
    let mut editor = Editor::new(crate::file::example_document(), Origin::Untitled);
    let before = crate::file::to_ron_string(editor.doc()).expect("ron");
    for (action, reason) in [
        (Action::AlignLeft, "Select two or more cards to align them"),
        (
            Action::DistributeVertically,
            "Select three or more cards to space them evenly",
        ),
        (Action::Undo, "Nothing to undo yet"),
        (
            Action::TogglePolarity,
            "Select a CMOC card to switch it between activated and -ve",
        ),
    ] {
        assert_eq!(action.enabled(&editor), Err(reason));
        assert_eq!(editor.perform(action), Performed::Unavailable(reason));
        assert_eq!(editor.status, reason);
    }
    assert_eq!(
        crate::file::to_ron_string(editor.doc()).expect("ron"),
        before
    );
    let empty = Editor::new(crate::model::Document::new("empty"), Origin::Untitled);
    assert!(Action::Tidy.enabled(&empty).is_err());
    assert!(Action::Present.enabled(&empty).is_err());
}
