//! Presenting the theory to a PPI group: F5 enters, the keys a clicker sends step through the
//! path, a typed number jumps, the screen reader follows the current card, the room's words
//! are captured as comments signed by the group, T asks "what if not?", Esc leaves.

mod common;

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::app::dialogs::ScriptedDialogs;
use cmoc_canvas::app::present::plain_sentence;
use cmoc_canvas::model::{NodeId, PathStep, Polarity, StepShows, Target};
use cmoc_canvas::session::Action;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn harness(dir: &std::path::Path) -> Harness<'static, EditorApp> {
    let app = EditorApp::start(
        None,
        Some(dir.join("settings.ron")),
        Box::new(ScriptedDialogs::default()),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut EditorApp| app.ui(ui), app);
    h.run_steps(3);
    h
}

fn press(h: &mut Harness<'_, EditorApp>, key: Key) {
    h.key_press(key);
    h.run_steps(3);
}

fn step(h: &Harness<'_, EditorApp>) -> PathStep {
    h.state()
        .present
        .as_ref()
        .expect("presenting")
        .step()
        .clone()
}

fn step_node(h: &Harness<'_, EditorApp>) -> Option<NodeId> {
    h.state().present.as_ref().expect("presenting").node()
}

fn card_number(h: &Harness<'_, EditorApp>) -> Option<(u32, Polarity)> {
    let id = step_node(h)?;
    h.state()
        .editor
        .doc()
        .node(id)
        .and_then(|n| n.content.cmoc())
        .map(|c| (c.number, c.polarity))
}

/// T: "what if this did not happen?" — the card turns negative, as one undoable edit, and its
/// plain words, written for it happening, are read as not happening.
fn what_if_not_turns_the_card_and_its_plain_words(h: &mut Harness<'_, EditorApp>, twelve: NodeId) {
    let plain = h.state().editor.doc().node(twelve).map(|n| n.plain.clone());
    let plain = plain.expect("CMOC 12").trim().to_string();
    assert!(!plain.is_empty(), "the example's CMOC 12 has plain words");
    h.get_by_label(&plain);
    press(h, Key::T);
    assert_eq!(card_number(h), Some((12, Polarity::Negative)));
    h.get_by_label_contains("what happens when this does not work");
    // Its plain words were written for it happening: the room now reads that it does not,
    // not the good outcome under "what happens when this does not work".
    let switched = cmoc_canvas::interchange::not_happening(&plain);
    assert!(
        switched.starts_with("This does not happen here: when the person"),
        "{switched}"
    );
    h.get_by_label(&switched);
    assert!(
        h.query_by_label(&plain).is_none(),
        "the words as written are gone"
    );
}

/// Table 2 comments on CMOC 12 (G, then C), then reacts: not sure, then agrees (one reaction
/// a group); a reaction does not move the step.
fn the_room_comments_and_reacts(h: &mut Harness<'_, EditorApp>, twelve: NodeId) {
    // G moves to the next group; C opens the comment box on the card, signed by the group.
    press(h, Key::G);
    press(h, Key::C);
    h.get_by_label_contains("Comment on CMOC 12, from Table 2");
    h.get_by_label("Workshop comment")
        .type_text("We were never told this was part of the job");
    h.run_steps(2);
    h.get_by_label("Add comment").click();
    h.run_steps(3);
    let comments: Vec<(String, String)> = h
        .state()
        .editor
        .doc()
        .annotations_on(Target::Node(twelve))
        .map(|a| (a.author.clone(), a.text.clone()))
        .collect();
    assert_eq!(
        comments,
        vec![(
            "Table 2".to_string(),
            "We were never told this was part of the job".to_string()
        )]
    );

    // 2 alone, then a pause: Table 2 is not sure; 1 then replaces its reaction (one per group).
    press(h, Key::Num2);
    h.run_steps(6);
    press(h, Key::Num1);
    h.run_steps(6);
    let reactions: Vec<(String, Option<cmoc_canvas::model::Reaction>)> = h
        .state()
        .editor
        .doc()
        .annotations_on(Target::Node(twelve))
        .filter(|a| a.reaction.is_some())
        .map(|a| (a.author.clone(), a.reaction))
        .collect();
    assert_eq!(
        reactions,
        vec![(
            "Table 2".to_string(),
            Some(cmoc_canvas::model::Reaction::Agrees)
        )]
    );
    h.get_by_label("Agrees 1 · Not sure 0 · Disagrees 0");
    assert_eq!(
        step(h).nodes(),
        &[twelve],
        "a reaction does not move the step"
    );
}

/// After the session the facilitator replies to the group in the comments panel, and the
/// workshop notes hold everything the room said and the answer.
fn afterwards_the_facilitator_answers_and_exports_the_notes(
    h: &mut Harness<'_, EditorApp>,
    twelve: NodeId,
    dir: &std::path::Path,
) {
    // After the session, the facilitator answers the group's comment in the comments panel.
    h.state_mut().editor.selection.set_node(twelve);
    h.run_steps(2);
    h.get_by_label_contains("Comments (").click();
    h.run_steps(3);
    h.get_by_label("On CMOC 12");
    h.get_by_label("Reply to Table 2").click();
    h.run_steps(3);
    h.get_by_label_contains("Reply to Table 2: ").focus();
    h.run_steps(1);
    h.get_by_label_contains("Reply to Table 2: ")
        .type_text("Thank you: we will add this to the theory");
    h.run_steps(2);
    h.get_by_label("Add reply").click();
    h.run_steps(3);
    let doc = h.state().editor.doc();
    let comment = doc
        .annotations_on(Target::Node(twelve))
        .find(|a| a.author == "Table 2" && a.reaction.is_none())
        .expect("the group's comment")
        .id;
    let reply = doc
        .annotations_on(Target::Node(twelve))
        .find(|a| a.reply_to == Some(comment))
        .expect("the reply");
    assert_eq!(reply.text, "Thank you: we will add this to the theory");

    // File → Export workshop notes: everything the room said, and the answer, is in them.
    let notes_path = dir.join("notes.md");
    h.state_mut().desk.dialogs = Box::new(ScriptedDialogs {
        save_answers: vec![Some(notes_path.clone())],
        ..ScriptedDialogs::default()
    });
    h.state_mut().perform(Action::ExportNotes);
    h.run_steps(3);
    h.get_by_label("Markdown (to read and share)…").click();
    h.run_steps(4);
    let notes = std::fs::read_to_string(&notes_path).expect("notes written");
    for needle in [
        "We were never told this was part of the job",
        "reply from **",
        "Thank you: we will add this to the theory",
        "Agrees (1): Table 2",
        "CMOC 12 made negative",
        "groups: Table 1, Table 2, Carers",
    ] {
        assert!(notes.contains(needle), "{needle:?} missing from\n{notes}");
    }
}

#[test]
fn present_step_through_capture_the_room_and_leave() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    press(&mut h, Key::F5);
    assert!(h.state().present.is_some(), "F5 presents");
    assert_eq!(step(&h).shows, StepShows::HowToRead);
    h.get_by_label_contains("How to read this picture");
    assert!(
        h.query_by_label("Edit").is_none(),
        "the menus are hidden while presenting"
    );
    // Name the groups on the first step.
    let groups = h.get_by_label("Groups in the room:");
    groups.focus();
    h.run_steps(1);
    // A key at a time, as a facilitator types (each key its own frame): the comma and space
    // typed at the end of the field must stay.
    for c in "Table 1, Table 2, Carers".chars() {
        h.get_by_label("Groups in the room:")
            .type_text(&c.to_string());
        h.run_steps(1);
    }
    h.run_steps(1);
    // Click the canvas-free caption area? Give the keyboard back to the presentation.
    h.state_mut().canvas.focused = None;
    h.ctx.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
    h.run_steps(1);
    assert_eq!(
        h.state().settings.groups,
        vec!["Table 1", "Table 2", "Carers"]
    );

    // → then PageDown: the IF-condition, then the first card of its yes pathway.
    press(&mut h, Key::ArrowRight);
    let first = step(&h);
    assert_eq!(first.nodes().len(), 1);
    press(&mut h, Key::PageDown);
    assert_ne!(step(&h), first);
    // ← goes back.
    press(&mut h, Key::ArrowLeft);
    assert_eq!(step(&h), first);

    // Typing a number and Enter jumps to that CMOC; the screen reader's focus follows.
    for key in [Key::Num1, Key::Num2] {
        h.key_press(key);
    }
    h.run_steps(1);
    press(&mut h, Key::Enter);
    assert_eq!(card_number(&h), Some((12, Polarity::Positive)));
    let twelve = step_node(&h).expect("a card");
    assert_eq!(h.state().canvas.focused, Some(twelve));
    h.get_by_label_contains("CMOC 12, positive (activated).");
    // The caption says it in plain words, large.
    let card = h
        .state()
        .editor
        .doc()
        .node(twelve)
        .and_then(|n| n.content.cmoc())
        .cloned()
        .expect("card");
    h.get_by_label(&plain_sentence(&card));
    // The example gives CMOC 12 plain words: they are shown too, large.
    let plain = h
        .state()
        .editor
        .doc()
        .node(twelve)
        .map(|n| n.plain.clone())
        .expect("node");
    assert!(
        !plain.is_empty(),
        "the example ships plain words for CMOC 12"
    );
    h.get_by_label(&plain);
    h.get_by_label_contains(&format!("In plain words: {plain}"));

    // At 1920×1080 the current card's body text is at least 32 px high.
    for _ in 0..4 {
        h.run_steps(2);
    }
    let body_px = cmoc_canvas::scene::style::BODY_FONT_SIZE * h.state().canvas.camera.zoom;
    assert!(body_px >= 32.0, "body text {body_px} px");

    the_room_comments_and_reacts(&mut h, twelve);

    what_if_not_turns_the_card_and_its_plain_words(&mut h, twelve);

    // Esc leaves; the editor is back, with everything in the document.
    press(&mut h, Key::Escape);
    assert!(h.state().present.is_none());
    h.get_by_label("Edit");
    // The session is recorded in the file: its groups and what changed.
    let sessions = h.state().editor.doc().workshop().sessions.clone();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].groups, ["Table 1", "Table 2", "Carers"]);
    assert!(
        sessions[0]
            .changes
            .iter()
            .any(|c| c == "CMOC 12 made negative"),
        "{:?}",
        sessions[0].changes
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    let polarity = h
        .state()
        .editor
        .doc()
        .node(twelve)
        .and_then(|n| n.content.cmoc())
        .map(|c| c.polarity);
    assert_eq!(polarity, Some(Polarity::Positive), "the toggle undoes");
    assert_eq!(
        h.state()
            .editor
            .doc()
            .annotations_on(Target::Node(twelve))
            .count(),
        2,
        "the comment and the reaction are in the document"
    );
    assert_eq!(
        h.state().editor.doc().workshop().sessions.len(),
        1,
        "undoing a change made in the session keeps the record of the session"
    );

    afterwards_the_facilitator_answers_and_exports_the_notes(&mut h, twelve, dir.path());
}

#[test]
fn the_path_starts_with_how_to_read_then_the_if_and_its_pathways() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    h.state_mut().perform(Action::Present);
    h.run_steps(2);
    let present = h.state().present.clone().expect("presenting");
    assert_eq!(present.steps[0].shows, StepShows::HowToRead);
    let doc = h.state().editor.doc();
    let kinds: Vec<String> = present.steps[1..]
        .iter()
        .flat_map(|s| {
            s.nodes()
                .iter()
                .filter_map(|id| doc.node(*id).map(|n| n.label()))
        })
        .collect();
    assert!(kinds[0].starts_with("Condition"), "{kinds:?}");
    // The yes pathway (CMOC 22 first) comes before the no pathway (-ve CMOC 10).
    let at = |label: &str| kinds.iter().position(|k| k == label);
    assert!(at("CMOC 22") < at("-ve CMOC 10"), "{kinds:?}");
    // The example's own path presents the 13 cards of its two pathways; the CMOCs the figure
    // does not place wait in a skipped step.
    assert_eq!(kinds.iter().filter(|k| k.contains("CMOC")).count(), 13);
    assert!(present.steps[1].notes.starts_with("The fork in the road"));

    // Without a path of its own, the path follows the diagram: all 27 cards.
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.state_mut()
        .editor
        .set_path(None, "Follow the diagram again");
    h.state_mut().perform(Action::Present);
    h.run_steps(2);
    let present = h.state().present.clone().expect("presenting");
    let doc = h.state().editor.doc();
    let cards = present
        .steps
        .iter()
        .flat_map(|s| s.nodes().iter())
        .filter(|id| doc.node(**id).is_some_and(|n| n.content.cmoc().is_some()))
        .count();
    assert_eq!(cards, 27);
}

#[test]
fn the_plain_sentence_keeps_the_researchers_own_words() {
    let card = cmoc_canvas::model::CmocCard::new(
        1,
        "When patients trust their link worker.",
        "because they feel unburdened",
        "their emotions are more manageable",
    );
    assert_eq!(
        plain_sentence(&card),
        "When patients trust their link worker, then their emotions are more manageable, because they feel unburdened."
    );
    let bare = cmoc_canvas::model::CmocCard::new(
        2,
        "patients wait long",
        "they lose hope",
        "they stop coming",
    );
    assert_eq!(
        plain_sentence(&bare),
        "If patients wait long, then they stop coming, because they lose hope."
    );
    // A -ve card's words are what is not activated: the sentence says it does not happen.
    let mut negative = bare.clone();
    negative.polarity = Polarity::Negative;
    assert_eq!(
        plain_sentence(&negative),
        "This does not happen here: if patients wait long, then they stop coming, because they lose hope."
    );
}

/// WCAG contrast ratio of two colours.
fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
    let lum = |c: egui::Color32| {
        let f = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(c.r()) + 0.7152 * f(c.g()) + 0.0722 * f(c.b())
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn presenting_puts_on_the_high_contrast_projector_theme_and_leaving_takes_it_off() {
    use cmoc_canvas::app::present::projector_visuals;
    for dark in [false, true] {
        let v = projector_visuals(dark);
        assert!(
            contrast(v.text_color(), v.panel_fill) >= 20.0,
            "dark {dark}"
        );
        assert!(
            contrast(v.weak_text_color(), v.panel_fill) >= 10.0,
            "quiet text, dark {dark}: {}",
            contrast(v.weak_text_color(), v.panel_fill)
        );
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    let usual = h.ctx.global_style().visuals.panel_fill;
    press(&mut h, Key::F5);
    let v = h.ctx.global_style().visuals.clone();
    assert_eq!(v.panel_fill, projector_visuals(v.dark_mode).panel_fill);
    assert_ne!(v.panel_fill, usual);
    // D switches between the light and the dark projector theme.
    press(&mut h, Key::D);
    let switched = h.ctx.global_style().visuals.clone();
    assert_ne!(switched.dark_mode, v.dark_mode);
    assert_eq!(
        switched.panel_fill,
        projector_visuals(switched.dark_mode).panel_fill
    );
    press(&mut h, Key::Escape);
    assert!(h.state().present.is_none());
    let after = h.ctx.global_style().visuals.clone();
    assert_ne!(
        after.panel_fill,
        projector_visuals(after.dark_mode).panel_fill
    );
}

#[test]
fn the_strip_and_the_facilitators_window_drive_the_presentation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    h.state_mut().settings.groups = vec!["Table 1".into(), "Carers".into()];
    press(&mut h, Key::F5);
    // One screen: the strip's buttons step and capture, each with a name to find it by.
    h.get_by_label("Next step").click();
    h.run_steps(3);
    h.get_by_label("Next step").click();
    h.run_steps(3);
    assert_eq!(h.state().present.as_ref().map(|p| p.index), Some(2));
    let card = step_node(&h).expect("a card");
    h.get_by_label("The group agrees").click();
    h.run_steps(3);
    let reacted: Vec<_> = h
        .state()
        .editor
        .doc()
        .annotations_on(Target::Node(card))
        .filter_map(|a| a.reaction.map(|r| (a.author.clone(), r)))
        .collect();
    assert_eq!(
        reacted,
        [("Table 1".to_string(), cmoc_canvas::model::Reaction::Agrees)]
    );
    // The tally is on the card, and in what a screen reader says of it.
    h.get_by_label_contains("Workshop: 1 group agrees.");
    // H hides the strip and brings it back.
    press(&mut h, Key::H);
    assert!(h.query_by_label("Next step").is_none());
    press(&mut h, Key::H);
    h.get_by_label("Next step");

    // Two screens: F opens the facilitator's window with the step, the next one, the notes
    // and the comment box; the strip makes way for it.
    press(&mut h, Key::F);
    assert!(h.state().present.as_ref().is_some_and(|p| p.facilitator));
    h.get_by_label_contains("Now: CMOC 22");
    h.get_by_label_contains("Next: ");
    h.get_by_label_contains("Start of the good path");
    h.get_by_label_contains("The controls are in the facilitator's window");
    h.get_by_label("Carers").click();
    h.run_steps(3);
    assert_eq!(h.state_mut().stage().current_group(), "Carers");
    h.get_by_label("Workshop comment").focus();
    h.run_steps(1);
    h.get_by_label("Workshop comment")
        .type_text("Our link worker had no supervision at all");
    h.run_steps(2);
    h.get_by_label("Add comment").click();
    h.run_steps(3);
    let comment = h
        .state()
        .editor
        .doc()
        .annotations_on(Target::Node(card))
        .find(|a| a.reaction.is_none())
        .map(|a| (a.author.clone(), a.text.clone()));
    assert_eq!(
        comment,
        Some((
            "Carers".to_string(),
            "Our link worker had no supervision at all".to_string()
        ))
    );
    // The facilitator answers it from their window: the reply is threaded under it.
    h.get_by_label("Reply to Carers").click();
    h.run_steps(3);
    h.get_by_label_contains("Reply to Carers, from Carers");
    h.get_by_label("Table 1").click();
    h.run_steps(3);
    h.get_by_label("Workshop comment").focus();
    h.run_steps(1);
    h.get_by_label("Workshop comment")
        .type_text("Same at our practice");
    h.run_steps(2);
    h.get_by_label("Add comment").click();
    h.run_steps(3);
    let doc = h.state().editor.doc();
    let first = doc
        .annotations_on(Target::Node(card))
        .find(|a| a.author == "Carers" && a.reaction.is_none())
        .map(|a| a.id);
    let reply = doc
        .annotations_on(Target::Node(card))
        .find(|a| a.text == "Same at our practice")
        .expect("the reply");
    assert_eq!((reply.author.as_str(), reply.reply_to), ("Table 1", first));
    h.get_by_label("Next step").click();
    h.run_steps(3);
    assert_eq!(h.state().present.as_ref().map(|p| p.index), Some(3));
    h.get_by_label("Leave the presentation").click();
    h.run_steps(3);
    assert!(h.state().present.is_none());
}

#[test]
fn a_cards_reactions_are_drawn_as_signed_counters_on_the_canvas_not_in_figures() {
    use cmoc_canvas::edit::Edit;
    use cmoc_canvas::model::{Annotation, AnnotationId, Reaction, Timestamp};
    use cmoc_canvas::scene::{Lod, Palette, Prim, Scene, SceneOptions};
    let mut doc = cmoc_canvas::file::example_document();
    let card = doc.cmoc_cards().next().map(|(n, _)| n.id).expect("card");
    for (group, reaction) in [
        ("Table 1", Reaction::Agrees),
        ("Table 2", Reaction::Agrees),
        ("Carers", Reaction::Disagrees),
    ] {
        let annotation = Annotation {
            id: AnnotationId(doc.allocate_id()),
            target: Target::Node(card),
            author: group.into(),
            created: Timestamp::from_utc(2026, 11, 29, 14, 0, 0),
            text: String::new(),
            resolved: false,
            reaction: Some(reaction),
            reply_to: None,
            phone: None,
        };
        Edit::AddAnnotation {
            annotation,
            index: None,
        }
        .apply(&mut doc)
        .expect("add");
    }
    let counters = |options: SceneOptions| {
        let mut scene = Scene::new(Palette::for_dark_mode(false), options);
        scene.update(&doc);
        let index = scene.position_of(card).expect("drawn");
        let drawing = scene
            .drawing_now(index, Lod::Full)
            .expect("drawing")
            .clone();
        drawing
            .prims
            .iter()
            .filter_map(|p| match p {
                Prim::Counter { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    let mut on_canvas = counters(SceneOptions::CANVAS);
    on_canvas.sort();
    assert_eq!(on_canvas, ["+2", "-1"]);
    // Every counter lies wholly outside the card and its focus ring: none covers the card's
    // words, and the ring never hides one.
    {
        use cmoc_canvas::scene::style::{COUNTER_RADIUS_PX, FOCUS_GAP_PX, FOCUS_WIDTH_PX};
        let mut scene = Scene::new(Palette::for_dark_mode(false), SceneOptions::CANVAS);
        scene.update(&doc);
        let index = scene.position_of(card).expect("drawn");
        let size = scene.nodes[index].rect.size();
        let px = Lod::Full.px_to_world();
        let ring = egui::Rect::from_min_size(egui::Pos2::ZERO, size)
            .expand((FOCUS_GAP_PX + FOCUS_WIDTH_PX) * px);
        let drawing = scene
            .drawing_now(index, Lod::Full)
            .expect("drawing")
            .clone();
        for prim in &drawing.prims {
            if let Prim::Counter { centre, .. } = prim {
                let circle = egui::Rect::from_center_size(
                    *centre,
                    egui::Vec2::splat(2.0 * COUNTER_RADIUS_PX * px),
                );
                assert!(
                    !circle.intersects(ring),
                    "a counter at {centre:?} under the ring"
                );
            }
        }
    }
    assert!(counters(SceneOptions::FIGURE).is_empty());
    let scene = Scene::build(&doc, &Palette::for_dark_mode(false));
    let name = &scene.node(card).expect("node").name;
    assert!(
        name.contains(" Workshop: 2 groups agree, 1 group disagrees."),
        "{name}"
    );
}

#[test]
fn a_group_step_shows_its_nodes_together_and_tab_moves_between_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    let doc = h.state().editor.doc();
    let ten = doc.find_cmoc(10, Polarity::Negative).expect("-ve 10").id;
    let eleven = doc.find_cmoc(11, Polarity::Negative).expect("-ve 11").id;
    let path = vec![
        PathStep {
            shows: StepShows::Nodes(vec![ten, eleven]),
            title: "Two failures".into(),
            notes: "Ask about waiting times.".into(),
            skip: false,
        },
        PathStep {
            skip: true,
            ..PathStep::node(ten)
        },
    ];
    assert!(h.state_mut().editor.set_path(Some(path), "Set a path"));
    press(&mut h, Key::F5);
    let present = h.state().present.clone().expect("presenting");
    assert_eq!(present.steps.len(), 1, "the skipped step is not presented");
    assert_eq!(h.state().canvas.spotlight, vec![ten, eleven]);
    h.get_by_label_contains("Two failures");
    assert_eq!(step_node(&h), Some(ten));
    press(&mut h, Key::Tab);
    assert_eq!(step_node(&h), Some(eleven));
    assert_eq!(h.state().canvas.focused, Some(eleven));
    // N shows the speaker notes on the one screen.
    press(&mut h, Key::N);
    h.get_by_label_contains("Your notes: Ask about waiting times.");
    // Undo takes the path back: the example's own path again.
    press(&mut h, Key::Escape);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    let steps = h
        .state()
        .editor
        .doc()
        .workshop()
        .path
        .as_ref()
        .map(Vec::len);
    assert_eq!(steps, Some(16));
}

/// Types `text` as a keyboard does: a key press and the character for each letter.
fn type_keys(h: &mut Harness<'_, EditorApp>, text: &str) {
    for c in text.chars() {
        if let Some(key) = Key::from_name(&c.to_ascii_uppercase().to_string()) {
            h.event(egui::Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            });
        }
        h.event(egui::Event::Text(c.to_string()));
        h.run_steps(1);
    }
    h.run_steps(2);
}

#[test]
fn a_reply_typed_in_the_facilitators_window_goes_into_the_reply_box_not_the_shortcuts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    h.state_mut().settings.groups = vec!["Table 1".into(), "Carers".into()];
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    let card = step_node(&h).expect("a card");
    h.state_mut()
        .editor
        .add_comment(Target::Node(card), "Carers", "No supervision at all");
    press(&mut h, Key::F);
    let index = h.state().present.as_ref().map(|p| p.index);
    let theme = h.ctx.options(|o| o.theme_preference);
    h.get_by_label("Reply to Carers").click();
    h.run_steps(3);
    // No click into the box: the letters must still land in it. D, H, S, T, F and digits are
    // all presenting keys.
    type_keys(&mut h, "dhst f 2 had the same");
    let present = h.state().present.as_ref().expect("still presenting");
    assert_eq!(Some(present.index), index, "the step did not jump");
    assert!(present.facilitator, "the facilitator's window stayed open");
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        theme,
        "the theme did not change"
    );
    h.get_by_label("Add comment").click();
    h.run_steps(3);
    // The room sees that it went in, and from whom.
    h.get_by_label_contains("Comment added from Table 1");
    let reply = h
        .state()
        .editor
        .doc()
        .annotations_on(Target::Node(card))
        .find(|a| a.reply_to.is_some())
        .map(|a| a.text.clone());
    assert_eq!(reply.as_deref(), Some("dhst f 2 had the same"));
}

#[test]
fn the_caption_never_draws_one_part_over_another_at_any_screen_size() {
    for (w, h_px) in [
        (1280.0, 720.0),
        (1366.0, 768.0),
        (1920.0, 1080.0),
        (3840.0, 2160.0),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = EditorApp::start(
            None,
            Some(dir.path().join("settings.ron")),
            Box::new(ScriptedDialogs::default()),
        );
        let (mut h, renders) = common::rendering_harness(egui::vec2(w, h_px), app);
        h.run_steps(3);
        h.state_mut().settings.groups =
            vec!["Carers and family members from the Thursday afternoon group".into()];
        h.state_mut().canvas.scenario = Some(1);
        press(&mut h, Key::F5);
        // -ve CMOC 10, whose title is the longest in the example.
        for _ in 0..40 {
            if card_number(&h) == Some((10, Polarity::Negative)) {
                break;
            }
            press(&mut h, Key::ArrowRight);
        }
        assert_eq!(card_number(&h), Some((10, Polarity::Negative)));
        h.run_steps(3);
        let title = h
            .query_all_by_label_contains("-ve CMOC 10")
            .find(|n| {
                n.accesskit_node().role() == egui::accesskit::Role::Label
                    && n.accesskit_node()
                        .value()
                        .is_some_and(|l| l.starts_with("-ve CMOC 10"))
            })
            .map(|n| n.rect())
            .unwrap_or_else(|| {
                let all: Vec<String> = h
                    .query_all_by_label_contains("-ve CMOC 10")
                    .map(|n| {
                        format!(
                            "{:?} {:?}",
                            n.accesskit_node().role(),
                            n.accesskit_node().label()
                        )
                    })
                    .collect();
                panic!("the caption's title among {all:?}")
            });
        let mut rects: Vec<(String, egui::Rect)> = vec![("title".into(), title)];
        rects.extend(
            [
                "Group: Carers and family",
                "What if:",
                &format!(
                    "{} / ",
                    h.state().present.as_ref().map_or(0, |p| p.index + 1)
                ),
            ]
            .iter()
            .map(|label| {
                let node = h.get_by_label_contains(label);
                (label.to_string(), node.rect())
            }),
        );
        if renders {
            common::keep_picture(&mut h, &format!("caption-{w}x{h_px}.png"));
        }
        for (i, (a, ra)) in rects.iter().enumerate() {
            for (b, rb) in &rects[i + 1..] {
                assert!(
                    !ra.intersects(*rb),
                    "at {w}×{h_px} “{a}” {ra:?} overlaps “{b}” {rb:?}"
                );
            }
        }
        // Every line of the caption is whole on the screen: its last line (the story's
        // words) ends above the facilitator's strip, not cut off under it.
        let story = h.get_by_label_contains("In the story").rect();
        let strip = h.get_by_label("Previous step").rect();
        assert!(
            story.bottom() <= strip.top(),
            "at {w}×{h_px} the caption's last line {story:?} runs under the strip {strip:?}"
        );
    }
}

#[test]
fn a_scenario_is_told_to_the_room_in_plain_words_and_to_the_facilitator_in_full() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    h.state_mut().canvas.scenario = Some(1);
    press(&mut h, Key::F5);
    for _ in 0..40 {
        if card_number(&h) == Some((22, Polarity::Positive)) {
            break;
        }
        press(&mut h, Key::ArrowRight);
    }
    assert_eq!(card_number(&h), Some((22, Polarity::Positive)));
    let name = h.state().editor.doc().scenarios()[1].name.clone();
    h.get_by_label_contains(&format!("In the story “{name}”, this does not happen."));
    assert!(
        h.query_by_label_contains("which is not active").is_none(),
        "the researchers' reasoning is not read to the room"
    );
    press(&mut h, Key::F);
    h.get_by_label_contains(&format!("What if “{name}”: Not active"));
}
