//! The editor driven like a person drives it: clicks, drags, keys and typing on the real app
//! state (egui_kittest, no window or GPU), with assertions on the document.

mod common;

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::app::dialogs::{Modal, ScriptedDialogs};
use cmoc_canvas::file::{load_file, save_file};
use cmoc_canvas::model::{NodeId, NodeKind, Polarity, Target};
use cmoc_canvas::session::Origin;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn app(&self, opens: Vec<PathBuf>, saves: Vec<PathBuf>) -> EditorApp {
        let dialogs = ScriptedDialogs {
            open_answers: opens.into_iter().map(Some).collect(),
            save_answers: saves.into_iter().map(Some).collect(),
            unavailable: None,
        };
        EditorApp::start(None, Some(self.path("settings.ron")), Box::new(dialogs))
    }

    fn harness(&self, app: EditorApp) -> Harness<'static, EditorApp> {
        let mut harness = Harness::builder()
            .with_size(vec2(1280.0, 800.0))
            .build_ui_state(|ui, app: &mut EditorApp| app.ui(ui), app);
        harness.run_steps(3);
        harness
    }
}

fn step(h: &mut Harness<'_, EditorApp>) {
    h.run_steps(3);
}

fn press(h: &mut Harness<'_, EditorApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    step(h);
}

fn click_at(h: &mut Harness<'_, EditorApp>, pos: Pos2) {
    h.hover_at(pos);
    h.step();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    step(h);
}

/// Both clicks in one frame: the harness advances time by a quarter second per frame, more
/// than a double-click allows.
fn double_click_at(h: &mut Harness<'_, EditorApp>, pos: Pos2) {
    h.hover_at(pos);
    h.step();
    for pressed in [true, false, true, false] {
        h.input_mut().events.push(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    step(h);
}

fn drag(h: &mut Harness<'_, EditorApp>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    for i in 1..=5 {
        let t = i as f32 / 5.0;
        h.hover_at(from + (to - from) * t);
        h.step();
    }
    h.drop_at(to);
    step(h);
}

/// Adds a CMOC card centred on a world point and returns its id.
fn add_card(h: &mut Harness<'_, EditorApp>, x: f32, y: f32) -> NodeId {
    h.state_mut().add_node(NodeKind::Cmoc, Some(pos2(x, y)));
    step(h);
    h.state()
        .editor
        .selection
        .single_node()
        .expect("the new card is selected")
}

use common::cmoc;

/// Screen centre of a card's badge, as drawn last frame.
fn badge_of(h: &Harness<'_, EditorApp>, id: NodeId) -> Pos2 {
    h.state()
        .canvas
        .hits
        .badges
        .iter()
        .find(|(n, _, _)| *n == id)
        .map(|(_, _, r)| r.center())
        .expect("the badge is drawn")
}

/// Screen centre of a card's context text, as drawn last frame (or the card's centre).
fn context_of(h: &Harness<'_, EditorApp>, id: NodeId) -> Pos2 {
    h.state()
        .canvas
        .hits
        .fields
        .iter()
        .find(|(n, f, _)| *n == id && *f == cmoc_canvas::scene::Field::Context)
        .map(|(_, _, r)| r.center())
        .unwrap_or_else(|| screen_rect(h, id).center())
}

/// Screen rectangle of a node.
fn screen_rect(h: &Harness<'_, EditorApp>, id: NodeId) -> Rect {
    let app = h.state();
    let node = app.editor.doc().node(id).expect("node exists");
    let r = node.rect();
    app.canvas.camera.rect_to_screen(
        app.canvas.rect,
        Rect::from_min_max(pos2(r.min.x, r.min.y), pos2(r.max.x, r.max.y)),
    )
}

/// Screen point of a world point.
fn screen_of(h: &Harness<'_, EditorApp>, x: f32, y: f32) -> Pos2 {
    let app = h.state();
    app.canvas.camera.to_screen(app.canvas.rect, pos2(x, y))
}

fn polarity(h: &Harness<'_, EditorApp>, id: NodeId) -> Polarity {
    h.state()
        .editor
        .doc()
        .node(id)
        .and_then(|n| n.content.cmoc())
        .map(|c| c.polarity)
        .expect("a card")
}

/// A fresh, empty diagram at 100% zoom.
fn empty_diagram(
    f: &Fixture,
    saves: Vec<PathBuf>,
    opens: Vec<PathBuf>,
) -> Harness<'static, EditorApp> {
    let mut h = f.harness(f.app(opens, saves));
    press(&mut h, Modifiers::COMMAND, Key::N);
    assert_eq!(h.state().editor.origin, Origin::Untitled);
    assert_eq!(h.state().editor.doc().node_count(), 0);
    h
}

#[test]
fn first_start_opens_the_example_fitted_to_view() {
    let f = Fixture::new();
    let h = f.harness(f.app(vec![], vec![]));
    let app = h.state();
    assert_eq!(app.editor.origin, Origin::Example);
    assert_eq!(app.editor.doc().cmoc_cards().count(), 27);
    assert!(
        !app.editor.is_dirty(),
        "opening the example is not a change"
    );
    let bounds = app.editor.doc().bounds().expect("nodes");
    let top_left = app
        .canvas
        .camera
        .to_screen(app.canvas.rect, pos2(bounds.min.x, bounds.min.y));
    let bottom_right = app
        .canvas
        .camera
        .to_screen(app.canvas.rect, pos2(bounds.max.x, bounds.max.y));
    assert!(app.canvas.rect.contains(top_left) && app.canvas.rect.contains(bottom_right));
    assert!(
        app.canvas.hits.nodes_drawn >= 45,
        "every node is drawn when fitted"
    );
    assert!(app.editor.window_title().starts_with("Example"));
}

#[test]
fn create_a_card_from_the_toolbar_and_type_its_context_in_place() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    h.get_by_label("CMOC card").click();
    step(&mut h);
    let id = h
        .state()
        .editor
        .selection
        .single_node()
        .expect("the new card is selected");
    assert_eq!(
        h.state().editor.doc().node(id).map(|n| n.label()),
        Some("CMOC 1".to_string())
    );

    // Double-click the card's context and type.
    let context_at = context_of(&h, id);
    double_click_at(&mut h, context_at);
    assert!(
        h.state().canvas.inline_edit.is_some(),
        "double-click opens the in-place editor"
    );
    h.event(Event::Text("When patients trust their link worker".into()));
    step(&mut h);
    let context = h
        .state()
        .editor
        .doc()
        .node(id)
        .and_then(|n| n.content.cmoc())
        .map(|c| c.context.clone());
    assert_eq!(
        context.as_deref(),
        Some("When patients trust their link worker")
    );
    // The typing is one undo step, named after the field.
    assert_eq!(
        h.state().editor.history().undo_label(),
        Some("Edit context of CMOC 1")
    );
}

#[test]
fn double_click_on_empty_canvas_adds_the_next_numbered_card() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    let first = screen_of(&h, 300.0, 300.0);
    double_click_at(&mut h, first);
    press(&mut h, Modifiers::NONE, Key::Escape);
    let second = screen_of(&h, 700.0, 300.0);
    double_click_at(&mut h, second);
    let numbers: Vec<u32> = h
        .state()
        .editor
        .doc()
        .cmoc_cards()
        .map(|(_, c)| c.number)
        .collect();
    assert_eq!(numbers, vec![1, 2]);
}

#[test]
fn connect_two_cards_by_dragging_from_the_handle() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    h.state_mut()
        .add_node(NodeKind::Cmoc, Some(pos2(200.0, 200.0)));
    h.state_mut()
        .add_node(NodeKind::Cmoc, Some(pos2(700.0, 250.0)));
    step(&mut h);
    let ids: Vec<NodeId> = h.state().editor.doc().nodes().map(|n| n.id).collect();
    let (a, b) = (ids[0], ids[1]);
    let a_rect = screen_rect(&h, a);
    let handle = pos2(a_rect.max.x, a_rect.center().y);
    h.hover_at(a_rect.center());
    step(&mut h);
    let target = screen_rect(&h, b).center();
    drag(&mut h, handle, target);
    let edges: Vec<_> = h
        .state()
        .editor
        .doc()
        .edges()
        .map(|e| (e.from, e.to))
        .collect();
    assert_eq!(edges, vec![(a, b)]);
    assert_eq!(
        h.state().editor.doc().node(a).map(|n| n.position),
        Some(cmoc_canvas::model::Point::new(60.0, 75.0)),
        "the card did not move"
    );
}

#[test]
fn toggle_polarity_by_badge_click_and_by_t_and_undo_redo() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    let id = add_card(&mut h, 300.0, 300.0);
    let badge = badge_of(&h, id);
    click_at(&mut h, badge);
    assert_eq!(polarity(&h, id), Polarity::Negative);
    assert!(
        h.state()
            .canvas
            .hits
            .badges
            .iter()
            .any(|(n, negative, _)| *n == id && *negative)
    );
    press(&mut h, Modifiers::NONE, Key::T);
    assert_eq!(polarity(&h, id), Polarity::Positive);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(polarity(&h, id), Polarity::Negative, "undo the T");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(polarity(&h, id), Polarity::Positive, "undo the click");
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(
        polarity(&h, id),
        Polarity::Negative,
        "redo with Ctrl+Shift+Z"
    );
    press(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(polarity(&h, id), Polarity::Positive, "redo with Ctrl+Y");
}

#[test]
fn moving_a_card_is_one_undo_step_and_escape_cancels_a_drag() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    let id = add_card(&mut h, 300.0, 300.0);
    let start = h
        .state()
        .editor
        .doc()
        .node(id)
        .map(|n| n.position)
        .expect("card");
    let steps_before = h.state().editor.history().undo_len();
    let from = screen_rect(&h, id).center();
    drag(&mut h, from, from + vec2(150.0, 60.0));
    let moved = h
        .state()
        .editor
        .doc()
        .node(id)
        .map(|n| n.position)
        .expect("card");
    assert_eq!((moved.x - start.x, moved.y - start.y), (150.0, 60.0));
    assert_eq!(h.state().editor.history().undo_len(), steps_before + 1);
    assert_eq!(h.state().editor.history().undo_label(), Some("Move CMOC 1"));

    // Start another drag and press Esc before letting go.
    let from = screen_rect(&h, id).center();
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    h.hover_at(from + vec2(40.0, 0.0));
    h.step();
    h.hover_at(from + vec2(90.0, 0.0));
    step(&mut h);
    assert_ne!(
        h.state().editor.doc().node(id).map(|n| n.position),
        Some(moved)
    );
    h.key_press(Key::Escape);
    step(&mut h);
    h.drop_at(from + vec2(90.0, 0.0));
    step(&mut h);
    assert_eq!(
        h.state().editor.doc().node(id).map(|n| n.position),
        Some(moved),
        "Esc put it back"
    );
    assert_eq!(
        h.state().editor.history().undo_len(),
        steps_before + 1,
        "no step for the cancelled drag"
    );
}

#[test]
fn rubber_band_selects_the_cards_inside_it() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    for x in [200.0, 550.0, 900.0] {
        h.state_mut().add_node(NodeKind::Cmoc, Some(pos2(x, 250.0)));
    }
    press(&mut h, Modifiers::NONE, Key::Escape);
    let ids: Vec<NodeId> = h.state().editor.doc().nodes().map(|n| n.id).collect();
    let from = screen_rect(&h, ids[0]).min - vec2(20.0, 20.0);
    let to = screen_rect(&h, ids[1]).max + vec2(20.0, 20.0);
    drag(&mut h, from, to);
    let selected: Vec<NodeId> = h.state().editor.selection.nodes.iter().copied().collect();
    assert_eq!(selected, vec![ids[0], ids[1]]);
}

#[test]
fn add_and_resolve_a_comment_with_the_author_remembered() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    let id = add_card(&mut h, 300.0, 300.0);
    h.get_by_label("Comments (0)").click();
    step(&mut h);
    h.get_by_label("Your name").focus();
    step(&mut h);
    h.get_by_label("Your name").type_text("PPI group");
    step(&mut h);
    h.get_by_label("New comment").focus();
    step(&mut h);
    h.get_by_label("New comment")
        .type_text("Is trust really the mechanism here?");
    step(&mut h);
    h.get_by_label("Add comment").click();
    step(&mut h);
    let comments: Vec<_> = h
        .state()
        .editor
        .doc()
        .annotations_on(Target::Node(id))
        .cloned()
        .collect();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].author, "PPI group");
    assert_eq!(comments[0].text, "Is trust really the mechanism here?");
    assert_eq!(h.state().editor.doc().unresolved_count(Target::Node(id)), 1);
    assert_eq!(
        h.state().settings.author_name,
        "PPI group",
        "the name is remembered"
    );
    let saved = std::fs::read_to_string(f.path("settings.ron")).expect("settings written");
    assert!(saved.contains("PPI group"));

    h.get_by_label("Resolve").click();
    step(&mut h);
    assert_eq!(h.state().editor.doc().unresolved_count(Target::Node(id)), 0);
    assert!(h.state().editor.doc().annotations().all(|a| a.resolved));
    h.get_by_label("Reopen").click();
    step(&mut h);
    assert_eq!(h.state().editor.doc().unresolved_count(Target::Node(id)), 1);
}

#[test]
fn save_to_a_file_and_open_it_again() {
    let f = Fixture::new();
    let path = f.path("my theory.ron");
    let mut h = empty_diagram(&f, vec![path.clone()], vec![path.clone()]);
    h.state_mut()
        .add_node(NodeKind::Cmoc, Some(pos2(300.0, 300.0)));
    h.state_mut()
        .add_node(NodeKind::Condition, Some(pos2(700.0, 300.0)));
    press(&mut h, Modifiers::NONE, Key::T);
    assert!(h.state().editor.is_dirty());
    assert!(h.state().editor.window_title().starts_with("● Untitled"));
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(h.state().editor.origin, Origin::File(path.clone()));
    assert!(!h.state().editor.is_dirty());
    assert!(h.state().editor.window_title().starts_with("my theory.ron"));
    let on_disk = load_file(&path).expect("saved file opens").document;
    assert_eq!(&on_disk, h.state().editor.doc());

    // Change it, then open the saved file again: the prompt comes first.
    press(&mut h, Modifiers::COMMAND, Key::A);
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert_eq!(h.state().editor.doc().node_count(), 0);
    press(&mut h, Modifiers::COMMAND, Key::O);
    assert_eq!(
        h.state().desk.modal,
        Some(Modal::Unsaved(cmoc_canvas::app::dialogs::Then::Open))
    );
    h.get_by_label("Don't save").click();
    step(&mut h);
    assert_eq!(h.state().editor.doc(), &on_disk);
    assert_eq!(h.state().settings.recent_files.len(), 1);
}

#[test]
fn a_broken_file_shows_an_error_and_keeps_the_open_diagram() {
    let f = Fixture::new();
    let broken = f.path("broken.ron");
    std::fs::write(
        &broken,
        "(format_version: 1, nodes: [(id: 1, content: Note((text: \"cut off",
    )
    .expect("write");
    let mut h = f.harness(f.app(vec![broken], vec![]));
    press(&mut h, Modifiers::COMMAND, Key::O);
    match &h.state().desk.modal {
        Some(Modal::Error { message, .. }) => {
            assert!(message.contains("broken.ron, line 1, column"), "{message}");
        }
        other => panic!("expected an error dialog, got {other:?}"),
    }
    assert!(
        h.query_by_label_contains("broken.ron, line 1, column")
            .is_some(),
        "the message is on screen"
    );
    assert_eq!(
        h.state().editor.origin,
        Origin::Example,
        "the example is still open"
    );
    h.get_by_label("OK").click();
    step(&mut h);
    assert_eq!(h.state().desk.modal, None);
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    h.state_mut().add_node(NodeKind::Note, None);
    press(&mut h, Modifiers::COMMAND, Key::Q);
    assert!(matches!(h.state().desk.modal, Some(Modal::Unsaved(_))));
    h.get_by_label("Cancel").click();
    step(&mut h);
    assert!(!h.state().desk.close_sent);
    assert_eq!(h.state().editor.doc().node_count(), 1);
    press(&mut h, Modifiers::COMMAND, Key::Q);
    h.get_by_label("Don't save").click();
    step(&mut h);
    assert!(h.state().desk.close_sent);
}

#[test]
fn copy_paste_duplicates_cards_with_fresh_numbers_and_junk_is_refused() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    h.state_mut()
        .add_node(NodeKind::Cmoc, Some(pos2(300.0, 300.0)));
    step(&mut h);
    let text = h
        .state()
        .editor
        .copy_selection()
        .expect("a selection to copy");
    h.event(Event::Paste(text));
    step(&mut h);
    let numbers: Vec<u32> = h
        .state()
        .editor
        .doc()
        .cmoc_cards()
        .map(|(_, c)| c.number)
        .collect();
    assert_eq!(numbers, vec![1, 2]);
    press(&mut h, Modifiers::COMMAND, Key::D);
    assert_eq!(h.state().editor.doc().cmoc_cards().count(), 3);

    let before = h.state().editor.doc().clone();
    h.event(Event::Paste("this is not a diagram {{{".into()));
    step(&mut h);
    assert_eq!(h.state().editor.doc(), &before);
    assert!(
        h.state().editor.status.contains("no CMOC Canvas items"),
        "{}",
        h.state().editor.status
    );
    h.event(Event::Paste(
        "x".repeat(cmoc_canvas::session::MAX_PASTE_BYTES + 1),
    ));
    step(&mut h);
    assert_eq!(h.state().editor.doc(), &before);
    assert!(h.state().editor.status.contains("more than a paste takes"));
}

#[test]
fn the_shortcut_list_comes_from_the_table_that_binds_them() {
    let f = Fixture::new();
    let mut h = f.harness(f.app(vec![], vec![]));
    press(&mut h, Modifiers::NONE, Key::F1);
    assert_eq!(h.state().desk.modal, Some(Modal::Shortcuts));
    let ctx = h.ctx.clone();
    use cmoc_canvas::app::Shortcuts;
    for action in cmoc_canvas::session::Action::all() {
        let keys: Vec<String> = action
            .shortcuts()
            .iter()
            .map(|s| cmoc_canvas::app::shortcut_words(&ctx, s))
            .collect();
        if keys.is_empty() {
            continue;
        }
        // "T" is also a presenting key, listed below: any node with the words will do.
        assert!(
            h.query_all_by_label(&keys.join("  or  ")).next().is_some(),
            "the keys of {} are listed",
            action.name()
        );
        assert!(
            h.query_all_by_label(action.name()).next().is_some(),
            "{} is listed",
            action.name()
        );
    }
    // The keys of the canvas and of presenting, from the tables their handlers read.
    use cmoc_canvas::app::key_tables::{CanvasKey, PresentKey};
    use strum::IntoEnumIterator;
    for key in CanvasKey::iter() {
        assert!(h.query_by_label(key.what()).is_some(), "{key:?} is listed");
    }
    for key in PresentKey::iter() {
        // Enter, T, N… are keys of the canvas or of a menu command too: any node will do.
        let keys = h.query_all_by_label(&key.words()).next().is_some();
        assert!(keys, "the keys of {key:?} are listed");
        assert!(h.query_by_label(key.what()).is_some(), "{key:?} is listed");
    }
}

#[test]
fn opening_a_file_given_on_the_command_line() {
    let f = Fixture::new();
    let path = f.path("given.ron");
    let doc = cmoc_canvas::file::example_document();
    save_file(&doc, &path).expect("save");
    let app = EditorApp::start(
        Some(path.clone()),
        Some(f.path("settings.ron")),
        Box::new(ScriptedDialogs::default()),
    );
    assert_eq!(app.editor.origin, Origin::File(path));
    assert_eq!(app.editor.doc(), &doc);
}

#[test]
fn recent_files_lead_to_the_start_screen() {
    let f = Fixture::new();
    let path = f.path("recent.ron");
    save_file(&cmoc_canvas::file::example_document(), &path).expect("save");
    let settings = cmoc_canvas::app::settings::Settings {
        recent_files: vec![path.clone()],
        ..Default::default()
    };
    settings
        .save(Some(&f.path("settings.ron")))
        .expect("settings");
    let mut h = f.harness(f.app(vec![], vec![]));
    assert_eq!(h.state().desk.modal, Some(Modal::Welcome));
    h.get_by_label(&path.display().to_string()).click();
    step(&mut h);
    assert_eq!(h.state().editor.origin, Origin::File(path));
}

#[test]
fn the_cmoc_table_edits_cards_and_follows_the_selection() {
    let f = Fixture::new();
    let mut h = f.harness(f.app(vec![], vec![]));
    press(&mut h, Modifiers::COMMAND, Key::T);
    assert!(h.state().show_table);
    // Typing in a cell changes the card, as one undo step.
    h.get_by_label("CMOC 10 context").focus();
    step(&mut h);
    h.get_by_label("CMOC 10 context").type_text(" (revised)");
    step(&mut h);
    let ten = cmoc(&h, 10, Polarity::Positive);
    let context = h
        .state()
        .editor
        .doc()
        .node(ten)
        .and_then(|n| n.content.cmoc())
        .map(|c| c.context.clone());
    assert!(context.is_some_and(|c| c.ends_with("(revised)")));
    assert_eq!(
        h.state().editor.selection.single_node(),
        Some(ten),
        "editing a row selects its card"
    );
    assert_eq!(h.state().editor.history().undo_len(), 1);

    // Filter to negative CMOCs and delete one; undo brings it back.
    h.get_by_label("Negative").click();
    step(&mut h);
    assert!(
        h.query_by_label("CMOC 1 context").is_none(),
        "positive rows are filtered out"
    );
    h.get_by_label("CMOC 22 context").focus();
    step(&mut h);
    h.get_by_label("Delete selected").click();
    step(&mut h);
    assert!(
        h.state()
            .editor
            .doc()
            .find_cmoc(22, Polarity::Negative)
            .is_none()
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(
        h.state()
            .editor
            .doc()
            .find_cmoc(22, Polarity::Negative)
            .is_some()
    );

    // Adding a row adds a card with the next number.
    h.get_by_label("Both").click();
    h.get_by_label("Add CMOC").click();
    step(&mut h);
    assert!(
        h.state()
            .editor
            .doc()
            .find_cmoc(25, Polarity::Positive)
            .is_some()
    );
}

#[test]
fn export_a_figure_and_the_table_from_the_file_menu() {
    let f = Fixture::new();
    let svg = f.path("figure.svg");
    let csv = f.path("table.csv");
    let mut h = f.harness(f.app(vec![], vec![svg.clone(), csv.clone()]));
    press(&mut h, Modifiers::COMMAND, Key::E);
    assert!(matches!(h.state().desk.modal, Some(Modal::ExportFigure(_))));
    h.get_by_label("Export…").click();
    step(&mut h);
    let text = std::fs::read_to_string(&svg).expect("the figure was written");
    assert!(
        text.contains("class=\"legend\""),
        "the legend is on by default"
    );
    assert!(h.state().editor.status.contains("figure.svg"));

    h.state_mut()
        .perform(cmoc_canvas::session::Action::ExportTable);
    step(&mut h);
    h.get_by_label("CSV…").click();
    step(&mut h);
    let table = std::fs::read_to_string(&csv).expect("the table was written");
    assert_eq!(table.lines().count(), 28);
}

#[test]
fn import_a_csv_table_with_preview_as_one_undo_step() {
    let f = Fixture::new();
    let csv = f.path("mine.csv");
    std::fs::write(
        &csv,
        "No.;Context;Mechanism;Outcome\n101;c;m;o\nbad;c;m;o\n102;c2;m2;o2\n",
    )
    .expect("write");
    let mut h = empty_diagram(&f, vec![], vec![]);
    h.state_mut().desk.dialogs = Box::new(ScriptedDialogs {
        open_answers: vec![Some(csv.clone())],
        save_answers: vec![],
        unavailable: None,
    });
    press(&mut h, Modifiers::COMMAND, Key::I);
    assert!(matches!(h.state().desk.modal, Some(Modal::ImportTable(_))));
    assert!(
        h.query_by_label_contains("line 3").is_some(),
        "the bad row is named before importing"
    );
    h.get_by_label("Import 2 CMOCs").click();
    step(&mut h);
    let numbers: Vec<u32> = h
        .state()
        .editor
        .doc()
        .cmoc_cards()
        .map(|(_, c)| c.number)
        .collect();
    assert_eq!(numbers, vec![101, 102]);
    assert_eq!(h.state().editor.doc().count_kind(NodeKind::Region), 1);
    assert!(h.state().editor.status.contains("skipped 1 row"));
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().editor.doc().node_count(),
        0,
        "one undo removes the whole import"
    );
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    h.state_mut().add_node(NodeKind::Note, None);
    step(&mut h);
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    step(&mut h);
    assert!(matches!(
        h.state().desk.modal,
        Some(Modal::Unsaved(cmoc_canvas::app::dialogs::Then::Quit))
    ));
    assert!(!h.state().desk.close_sent);
}

/// Issue 3's "done means", step by step on the example: move a card, toggle CMOC 10 to
/// negative and back, comment on it, save, close, reopen, and find everything as left.
#[test]
fn a_first_time_user_round_trip_on_the_example() {
    let f = Fixture::new();
    let path = f.path("my holding.ron");
    let mut h = f.harness(f.app(vec![], vec![path.clone()]));
    let ten = cmoc(&h, 10, Polarity::Positive);
    let thirteen = cmoc(&h, 13, Polarity::Positive);

    // Move CMOC 13 by dragging it.
    let before = h
        .state()
        .editor
        .doc()
        .node(thirteen)
        .map(|n| n.position)
        .expect("card");
    let from = screen_rect(&h, thirteen).center();
    drag(&mut h, from, from + vec2(0.0, 40.0));
    let after = h
        .state()
        .editor
        .doc()
        .node(thirteen)
        .map(|n| n.position)
        .expect("card");
    assert!(after.y > before.y + 20.0, "the card moved down");

    // Toggle CMOC 10 with a click on its badge, and back again.
    let badge = |h: &Harness<'_, EditorApp>| badge_of(h, ten);
    let at = badge(&h);
    click_at(&mut h, at);
    assert_eq!(polarity(&h, ten), Polarity::Negative);
    let at = badge(&h);
    click_at(&mut h, at);
    assert_eq!(polarity(&h, ten), Polarity::Positive);

    // Comment on it, in the Comments tab.
    h.get_by_label("Comments (0)").click();
    step(&mut h);
    h.get_by_label("New comment").focus();
    step(&mut h);
    h.get_by_label("New comment")
        .type_text("Does this hold for carers too?");
    step(&mut h);
    h.get_by_label("Add comment").click();
    step(&mut h);
    assert_eq!(
        h.state().editor.doc().unresolved_count(Target::Node(ten)),
        1
    );

    // Save (the example asks for a name), close, reopen.
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(h.state().editor.origin, Origin::File(path.clone()));
    let saved = h.state().editor.doc().clone();
    press(&mut h, Modifiers::COMMAND, Key::Q);
    assert!(
        h.state().desk.close_sent,
        "nothing unsaved, so it closes without asking"
    );
    drop(h);

    let reopened = EditorApp::start(
        Some(path.clone()),
        Some(f.path("settings.ron")),
        Box::new(ScriptedDialogs::default()),
    );
    assert_eq!(reopened.editor.doc(), &saved);
    assert_eq!(
        reopened.editor.doc().node(thirteen).map(|n| n.position),
        Some(after)
    );
    assert_eq!(reopened.editor.doc().unresolved_count(Target::Node(ten)), 1);
    assert_eq!(
        reopened
            .editor
            .doc()
            .node(ten)
            .and_then(|n| n.content.cmoc())
            .map(|c| c.polarity),
        Some(Polarity::Positive)
    );
}

#[test]
fn clicking_a_comment_counter_opens_the_comments_of_that_card() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    h.state_mut()
        .add_node(NodeKind::Cmoc, Some(pos2(300.0, 300.0)));
    let id = h
        .state()
        .editor
        .doc()
        .nodes()
        .next()
        .map(|n| n.id)
        .expect("card");
    h.state_mut()
        .editor
        .add_comment(Target::Node(id), "PPI", "Why?");
    h.state_mut().editor.selection.clear();
    step(&mut h);
    let counter = h
        .state()
        .canvas
        .hits
        .comment_badges
        .iter()
        .find(|(n, _)| *n == id)
        .map(|(_, r)| r.center())
        .expect("a counter on the card");
    click_at(&mut h, counter);
    assert_eq!(h.state().editor.selection.single_node(), Some(id));
    assert_eq!(h.state().side.tab, cmoc_canvas::app::SideTab::Comments);
    assert!(h.query_by_label("Why?").is_some(), "the comment is shown");
}

#[test]
fn hovering_c_and_the_badge_shows_the_papers_definitions() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    h.state_mut()
        .add_node(NodeKind::Cmoc, Some(pos2(300.0, 300.0)));
    press(&mut h, Modifiers::NONE, Key::Escape);
    let (tag, _) = h
        .state()
        .canvas
        .hits
        .tags
        .iter()
        .find(|(t, _)| *t == "C")
        .copied()
        .expect("a C tag");
    assert_eq!(tag, "C");
    let at = h
        .state()
        .canvas
        .hits
        .tags
        .iter()
        .find(|(t, _)| *t == "C")
        .map(|(_, r)| r.center())
        .expect("tag");
    h.hover_at(at);
    h.run_steps(6);
    assert!(
        h.query_by_label_contains("Context (C): describes the background of a programme")
            .is_some(),
        "the Figure 1 definition of context is shown"
    );
    let badge = h
        .state()
        .canvas
        .hits
        .badges
        .first()
        .map(|(_, _, r)| r.center())
        .expect("badge");
    h.hover_at(badge);
    h.run_steps(6);
    assert!(
        h.query_by_label_contains("Context–mechanism–outcome configuration (CMOC)")
            .is_some()
    );
}

#[test]
fn the_cmoc_table_sorts_by_a_column_and_back() {
    let f = Fixture::new();
    let mut h = f.harness(f.app(vec![], vec![]));
    press(&mut h, Modifiers::COMMAND, Key::T);
    // The first rows shown, in order, by the accessible names of their context cells.
    let first_rows = |h: &Harness<'_, EditorApp>| -> Vec<String> {
        let mut cells: Vec<(f32, String)> = h
            .query_all_by_label_contains(" context")
            .filter_map(|n| {
                let label = n.accesskit_node().label()?;
                let y = n.rect().min.y;
                label.starts_with("CMOC ").then_some((y, label))
            })
            .collect();
        cells.sort_by(|a, b| a.0.total_cmp(&b.0));
        cells.into_iter().map(|(_, l)| l).take(3).collect()
    };
    assert_eq!(
        first_rows(&h),
        vec!["CMOC 1 context", "CMOC 2 context", "CMOC 3 context"]
    );
    h.get_by_label("No.").click();
    step(&mut h);
    h.get_by_label("No. ^").click();
    step(&mut h);
    assert_eq!(
        first_rows(&h),
        vec!["CMOC 24 context", "CMOC 23 context", "CMOC 22 context"],
        "descending"
    );
}

#[test]
fn a_card_grows_while_typing_and_one_undo_takes_both_back() {
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    h.state_mut()
        .add_node(NodeKind::Cmoc, Some(pos2(300.0, 300.0)));
    step(&mut h);
    let id = h
        .state()
        .editor
        .selection
        .single_node()
        .expect("new card selected");
    let before = h.state().editor.doc().node(id).cloned().expect("card");
    let context_at = context_of(&h, id);
    double_click_at(&mut h, context_at);
    let long = "When link workers are given protected time, regular clinical supervision, peer support from colleagues who understand the emotional labour of holding, and managers who explicitly recognise holding as part of the role, and when patients have complex needs that cannot be fixed quickly";
    h.event(Event::Text(format!("{long}; {long}")));
    h.run_steps(6);
    let grown = h.state().editor.doc().node(id).cloned().expect("card");
    assert!(
        grown.size.height > before.size.height + 40.0,
        "{} -> {}",
        before.size.height,
        grown.size.height
    );
    assert_eq!(
        h.state().editor.history().undo_len(),
        2,
        "add + one typing step (growth included)"
    );
    press(&mut h, Modifiers::NONE, Key::Escape);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().editor.doc().node(id), Some(&before));
}

#[test]
fn a_wheel_notch_zooms_in_gentle_steps_and_a_pinch_as_far_as_the_fingers_go() {
    let f = Fixture::new();
    let mut h = f.harness(f.app(vec![], vec![]));
    let centre = h.state().canvas.rect.center();
    let notch = |h: &mut Harness<'_, EditorApp>, unit: egui::MouseWheelUnit, delta: f32| {
        h.event(Event::PointerMoved(centre));
        h.event(Event::MouseWheel {
            unit,
            delta: vec2(0.0, delta),
            phase: egui::TouchPhase::Move,
            modifiers: Modifiers::COMMAND,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run_steps(2);
    };
    let start = h.state().canvas.camera.zoom;
    notch(&mut h, egui::MouseWheelUnit::Line, 1.0);
    let one = h.state().canvas.camera.zoom / start;
    assert!((one - 1.1).abs() < 0.01, "one notch: ×{one}");
    for _ in 0..5 {
        notch(&mut h, egui::MouseWheelUnit::Line, 1.0);
    }
    let six = h.state().canvas.camera.zoom / start;
    assert!(
        (six - 1.1f32.powi(6)).abs() < 0.05,
        "six notches: ×{six}, not ×11"
    );
    // A touchpad's pixels: 40 to the notch.
    let before = h.state().canvas.camera.zoom;
    notch(&mut h, egui::MouseWheelUnit::Point, -40.0);
    let out = h.state().canvas.camera.zoom / before;
    assert!((out - 1.0 / 1.1).abs() < 0.01, "out: ×{out}");
    // A pinch is unchanged.
    let before = h.state().canvas.camera.zoom;
    h.event(Event::PointerMoved(centre));
    h.event(Event::Zoom(1.5));
    h.run_steps(2);
    let pinch = h.state().canvas.camera.zoom / before;
    assert!((pinch - 1.5).abs() < 0.01, "pinch: ×{pinch}");
}

#[test]
fn the_shortcut_window_fits_a_laptop_screen_and_names_keys_as_people_do() {
    let f = Fixture::new();
    let app = f.app(vec![], vec![]);
    let mut h = Harness::builder()
        .with_size(vec2(1366.0, 768.0))
        .build_ui_state(|ui, app: &mut EditorApp| app.ui(ui), app);
    h.run_steps(3);
    press(&mut h, Modifiers::NONE, Key::F1);
    assert!(matches!(h.state().desk.modal, Some(Modal::Shortcuts)));
    assert!(h.query_by_label("Ctrl+Shift+]").is_some(), "Bring to front");
    assert!(h.query_by_label_contains("Bracket").is_none());
    assert!(h.query_by_label_contains("PageDown").is_none());
    // The list's scroll area settles its height over a few frames.
    h.run_steps(12);
    let close = h.get_by_label("Close");
    let bounds = close.accesskit_node().bounding_box().expect("placed");
    assert!(
        bounds.y1 <= 768.0,
        "the Close button is on the screen: {bounds:?}"
    );
    close.click();
    h.run_steps(3);
    assert!(h.state().desk.modal.is_none(), "Close closes it");
}

#[test]
fn p_pins_the_selection_and_the_arrange_menu_sets_the_arrow_style() {
    use cmoc_canvas::model::ArrowStyle;
    let f = Fixture::new();
    let mut h = empty_diagram(&f, vec![], vec![]);
    let id = add_card(&mut h, 300.0, 300.0);
    let pinned = |h: &Harness<'_, EditorApp>| h.state().editor.doc().node(id).expect("card").pinned;
    press(&mut h, Modifiers::NONE, Key::P);
    assert!(pinned(&h), "P pins the selected card");
    // A screen reader hears it.
    h.get_by_label_contains("Pinned in place.");
    press(&mut h, Modifiers::NONE, Key::P);
    assert!(!pinned(&h), "P again unpins");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(pinned(&h), "undo the unpin");
    // Arrange → Right-angled arrows: saved with the diagram, one undo step.
    h.get_by_label("Arrange").click();
    step(&mut h);
    h.get_by_label("Right-angled arrows").click();
    step(&mut h);
    assert_eq!(
        h.state().editor.doc().metadata().arrows,
        ArrowStyle::Orthogonal
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().editor.doc().metadata().arrows, ArrowStyle::Curved);
}

/// A fitted view follows the window: made larger, the diagram is fitted again (larger); once
/// the user zooms, resizing leaves the view where they put it.
#[test]
fn a_fitted_view_stays_fitted_when_the_window_is_resized() {
    let f = Fixture::new();
    let mut h = f.harness(f.app(vec![], vec![]));
    h.set_size(vec2(1366.0, 768.0));
    step(&mut h);
    step(&mut h);
    let small = h.state().canvas.camera.zoom;
    h.set_size(vec2(1920.0, 1080.0));
    step(&mut h);
    step(&mut h);
    let large = h.state().canvas.camera.zoom;
    assert!(large > small * 1.2, "fitted again: {small} → {large}");
    let app = h.state();
    let bounds = app.editor.doc().bounds().expect("nodes");
    for corner in [
        pos2(bounds.min.x, bounds.min.y),
        pos2(bounds.max.x, bounds.max.y),
    ] {
        assert!(
            app.canvas
                .rect
                .contains(app.canvas.camera.to_screen(app.canvas.rect, corner))
        );
    }
    // Zoomed by the user: the view stays as it is.
    press(&mut h, Modifiers::COMMAND, Key::Minus);
    let chosen = h.state().canvas.camera;
    h.set_size(vec2(1366.0, 768.0));
    step(&mut h);
    step(&mut h);
    assert_eq!(h.state().canvas.camera, chosen);
}

/// The canvas's width on screen, from what a screen reader finds of it.
fn canvas_width(h: &Harness<'_, EditorApp>) -> f32 {
    h.get_by_label("Diagram canvas").rect().width()
}

#[test]
fn a_long_comment_wraps_in_the_side_panel_and_f9_gives_the_canvas_the_room() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = EditorApp::start(
        None,
        Some(dir.path().join("settings.ron")),
        Box::new(ScriptedDialogs::default()),
    );
    let (mut h, renders) = common::rendering_harness(vec2(1366.0, 768.0), app);
    h.run_steps(4);
    let before = canvas_width(&h);
    assert!(before > 1366.0 * 0.55, "the canvas starts with {before} px");
    let card = h
        .state()
        .editor
        .doc()
        .cmoc_cards()
        .next()
        .map(|(n, _)| n.id)
        .expect("a card");
    h.state_mut().editor.selection.set_node(card);
    let long = "This happened to my mother in 2023 when the surgery closed its doors to walk-ins and nobody told us where to go instead, for months on end.";
    h.state_mut()
        .editor
        .add_comment(Target::Node(card), "Facilitator Fran", long);
    h.get_by_label_contains("Comments (").click();
    h.run_steps(4);
    h.get_by_label_contains("This happened to my mother");
    if renders {
        common::keep_picture(&mut h, "side-panel-long-comment-1366x768.png");
    }
    let with_comment = canvas_width(&h);
    assert!(
        with_comment > 1366.0 * 0.55,
        "a long comment took the canvas down to {with_comment} px"
    );
    common::press(&mut h, Modifiers::NONE, Key::F9);
    h.run_steps(10);
    let hidden = canvas_width(&h);
    assert!(hidden > 1300.0, "F9 hides the side panel: {hidden} px");
    assert!(h.state().settings.hide_side_panel);
    common::press(&mut h, Modifiers::NONE, Key::F9);
    h.run_steps(10);
    assert!((canvas_width(&h) - with_comment).abs() < 2.0);
}

#[test]
fn the_side_panel_does_not_creep_wider_as_cards_with_long_text_are_selected() {
    for size in [vec2(1920.0, 1080.0), vec2(1366.0, 768.0)] {
        let (_dir, mut h) = common::editor_harness_sized(size);
        let before = canvas_width(&h);
        let cards: Vec<_> = h.state().editor.doc().nodes().map(|n| n.id).collect();
        let mut narrowest = before;
        for id in cards {
            h.state_mut().editor.selection.set_node(id);
            h.run_steps(3);
            narrowest = narrowest.min(canvas_width(&h));
        }
        let after = canvas_width(&h);
        // Before, it lost 2-6 px a card for good (the panel grew to fit a pixel's overflow).
        assert!(
            before - narrowest < 4.0 && (before - after).abs() < 4.0,
            "at {size:?} the canvas went from {before} to {after} px (narrowest {narrowest})"
        );
    }
}

#[test]
fn dragging_the_side_panels_edge_still_widens_it_and_the_width_is_kept() {
    let (_dir, mut h) = common::editor_harness_sized(vec2(1366.0, 768.0));
    let before = canvas_width(&h);
    let edge = h.get_by_label("Diagram canvas").rect().max.x + 1.0;
    h.drag_at(egui::pos2(edge, 500.0));
    h.run_steps(2);
    for step in 1..=5 {
        h.hover_at(egui::pos2(edge - 20.0 * step as f32, 500.0));
        h.run_steps(1);
    }
    h.drop_at(egui::pos2(edge - 100.0, 500.0));
    h.run_steps(4);
    let after = canvas_width(&h);
    assert!(
        before - after > 60.0,
        "dragging the edge 100 px left widened the panel: canvas {before} -> {after} px"
    );
    let kept = h.state().settings.side_panel_width;
    assert!(kept > 400.0, "the dragged width is remembered: {kept}");
    // And it stays: selecting cards does not narrow or widen it.
    let cards: Vec<_> = h
        .state()
        .editor
        .doc()
        .nodes()
        .map(|n| n.id)
        .take(10)
        .collect();
    for id in cards {
        h.state_mut().editor.selection.set_node(id);
        h.run_steps(3);
    }
    assert!((canvas_width(&h) - after).abs() < 4.0);
}

#[test]
fn esc_closes_the_canvas_menu_and_keeps_the_selection() {
    let f = Fixture::new();
    let mut h = f.harness(f.app(vec![], vec![]));
    let ten = cmoc(&h, 10, Polarity::Positive);
    h.state_mut().editor.selection.set_node(ten);
    step(&mut h);
    let at = screen_rect(&h, ten).center();
    h.event(egui::Event::PointerMoved(at));
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    step(&mut h);
    assert!(
        h.query_by_label("Duplicate").is_some(),
        "right-click opened the canvas menu"
    );
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(
        h.query_by_label("Duplicate").is_none(),
        "Esc closed the menu"
    );
    assert_eq!(
        h.state().editor.selection.single_node(),
        Some(ten),
        "and did not also clear the selection"
    );
}

/// A filter leaving one row, then cleared: the table's panel keeps its height (it shrank to the
/// one row and stayed so, found by a new user following the guide).
#[test]
fn the_cmoc_table_keeps_its_height_through_a_filter() {
    let (_dir, mut h) = common::editor_harness_sized(egui::vec2(1366.0, 768.0));
    common::press(&mut h, egui::Modifiers::COMMAND, egui::Key::T);
    let top = |h: &egui_kittest::Harness<'_, cmoc_canvas::app::EditorApp>| {
        h.get_by_label("CMOC table").rect().top()
    };
    let before = top(&h);
    h.get_by_label("Filter").click();
    h.run_steps(2);
    h.get_by_label("Filter").type_text("Frustration");
    h.run_steps(4);
    let filtered = top(&h);
    for _ in 0.."Frustration".len() {
        h.key_press(egui::Key::Backspace);
        h.run_steps(1);
    }
    h.run_steps(4);
    let after = top(&h);
    assert!(
        (filtered - before).abs() < 2.0 && (after - before).abs() < 2.0,
        "the table's top moved: {before} → {filtered} (filtered) → {after} (cleared)"
    );
}

/// On a laptop beside the side panel the table is wider than its room: it scrolls sideways, so
/// the outcome column can be reached (it was cut off, with no way to it but hiding the panel).
#[test]
fn the_cmoc_table_scrolls_sideways_to_its_last_columns_on_a_laptop() {
    let (_dir, mut h) = common::editor_harness_sized(egui::vec2(1366.0, 768.0));
    common::press(&mut h, Modifiers::COMMAND, Key::T);
    // The table's heading, not the toolbar's "Outcome" button above the canvas.
    let lowest = |h: &Harness<'_, EditorApp>, label: &str| {
        h.query_all_by_label(label)
            .map(|n| n.rect())
            .max_by(|a, b| a.top().total_cmp(&b.top()))
            .expect("in the window")
    };
    let outcome = |h: &Harness<'_, EditorApp>| lowest(h, "Outcome");
    let canvas_right = h.state().canvas.rect.right();
    let before = outcome(&h);
    assert!(
        before.right() > canvas_right,
        "the table fits already: {before:?}"
    );
    let over_table = lowest(&h, "Context").center();
    for _ in 0..20 {
        h.event(Event::PointerMoved(over_table));
        h.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(-60.0, 0.0),
            phase: egui::TouchPhase::Move,
            modifiers: Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run_steps(1);
    }
    h.run_steps(2);
    let after = outcome(&h);
    assert!(
        after.right() <= canvas_right + 1.0,
        "the outcome column is still off the table's room: {after:?} (room ends at {canvas_right})"
    );
}
