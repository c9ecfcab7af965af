//! Scenarios: flip the IF and see which pathway holds. The example's two scenarios give the
//! states the paper describes; propagation ends and is deterministic on any graph; an override
//! always wins; every node can say why it is in its state.

use cmoc_canvas::edit::{DiagramBuilder, Edit};
use cmoc_canvas::model::{
    Activation, Branch, ConditionState, Document, EdgeEffect, NodeContent, NodeId, NodeKind,
    NodeState, Point, Polarity, Scenario, TextBlock, propagate,
};
use proptest::prelude::*;

mod common;

fn example() -> Document {
    cmoc_canvas::file::example_document()
}

fn card(doc: &Document, number: u32, polarity: Polarity) -> NodeId {
    doc.find_cmoc(number, polarity)
        .unwrap_or_else(|| panic!("CMOC {number} {polarity:?}"))
        .id
}

fn outcome_titled(doc: &Document, starts: &str) -> NodeId {
    doc.nodes()
        .find(|n| {
            n.kind() == NodeKind::Outcome
                && n.content
                    .text_block()
                    .is_some_and(|b| b.title.starts_with(starts) || b.text.starts_with(starts))
        })
        .unwrap_or_else(|| panic!("outcome {starts}"))
        .id
}

#[test]
fn the_examples_two_scenarios_give_the_papers_pathways() {
    let doc = example();
    let names: Vec<&str> = doc.scenarios().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Holding recognised and supported",
            "Not recognised or not supported"
        ]
    );
    let positive: Vec<NodeId> = [22, 23, 24, 12, 13, 1, 5]
        .into_iter()
        .map(|n| card(&doc, n, Polarity::Positive))
        .collect();
    let negative: Vec<NodeId> = [
        (10, Polarity::Negative),
        (22, Polarity::Negative),
        (11, Polarity::Negative),
        (18, Polarity::Positive),
        (20, Polarity::Positive),
        (21, Polarity::Positive),
    ]
    .into_iter()
    .map(|(n, p)| card(&doc, n, p))
    .collect();
    let good_outcome = outcome_titled(&doc, "Improved link worker job satisfaction");
    let bad_outcome = outcome_titled(&doc, "Negative patient");

    let met = doc
        .scenario("holding recognised and supported")
        .expect("first");
    let states = propagate(&doc, met);
    for id in positive.iter().chain([&good_outcome]) {
        assert_eq!(
            states.state(*id),
            NodeState::Active,
            "{}",
            states.explain(&doc, met, *id)
        );
    }
    for id in negative.iter().chain([&bad_outcome]) {
        assert_eq!(
            states.state(*id),
            NodeState::Inactive,
            "{}",
            states.explain(&doc, met, *id)
        );
    }

    let not_met = doc
        .scenario("Not recognised or not supported")
        .expect("second");
    let states = propagate(&doc, not_met);
    for id in positive.iter().chain([&good_outcome]) {
        assert_eq!(
            states.state(*id),
            NodeState::Inactive,
            "{}",
            states.explain(&doc, not_met, *id)
        );
    }
    for id in negative.iter().chain([&bad_outcome]) {
        assert_eq!(
            states.state(*id),
            NodeState::Active,
            "{}",
            states.explain(&doc, not_met, *id)
        );
    }
    // Each can say why, back to the condition.
    let why = states.explain(&doc, not_met, positive[4]);
    assert!(why.starts_with("Not active: "), "{why}");
    assert!(why.contains("which is not met in this scenario"), "{why}");
    let why = states.explain(&doc, not_met, negative[2]);
    assert!(why.starts_with("Active: "), "{why}");
    assert!(why.contains("no branch"), "{why}");
    // The CMOCs the figure does not place are reached by no condition.
    let unplaced = card(&doc, 2, Polarity::Positive);
    assert_eq!(states.state(unplaced), NodeState::Unknown);
    assert!(
        states
            .explain(&doc, not_met, unplaced)
            .contains("no condition")
    );
}

#[test]
fn scenarios_are_edits_that_undo_and_survive_saving() {
    let mut doc = example();
    let before = doc.scenarios().to_vec();
    let mut changed = before.clone();
    changed.remove(0);
    let undo = Edit::SetScenarios { scenarios: changed }
        .apply(&mut doc)
        .expect("delete a scenario");
    assert_eq!(doc.scenarios().len(), 1);
    undo.apply(&mut doc).expect("undo");
    assert_eq!(doc.scenarios(), &before[..]);
    let text = cmoc_canvas::file::to_ron_string(&doc).expect("saves");
    let back = cmoc_canvas::file::load_str(&text, "s.ron")
        .expect("opens")
        .document;
    assert_eq!(back.scenarios(), &before[..]);
}

/// A random diagram: conditions, cards and regions, arrows of every kind (cycles welcome).
fn random_diagram(
    nodes: usize,
    arrows: &[(usize, usize, u8)],
    regions: &[(usize, usize)],
) -> (Document, Vec<NodeId>) {
    let mut b = DiagramBuilder::new("random");
    let mut ids = Vec::new();
    for i in 0..nodes {
        let at = Point::new((i % 7) as f32 * 400.0, (i / 7) as f32 * 300.0);
        let id = if i % 5 == 0 {
            b.node(
                NodeContent::Condition(TextBlock::new("IF", format!("c{i}"))),
                at,
                None,
            )
        } else {
            b.cmoc(
                cmoc_canvas::model::CmocCard::new(i as u32, "c", "m", "o"),
                at,
                None,
            )
        };
        ids.push(id);
    }
    for (a, r) in regions {
        let (a, r) = (a % nodes, r % nodes);
        let centre = b
            .document()
            .node(ids[a])
            .map(|n| n.rect().center())
            .unwrap_or(Point::new(0.0, 0.0));
        let region = b.node(
            NodeContent::Region(TextBlock::new("R", "")),
            Point::new(centre.x - 10.0 - (r % 3) as f32 * 200.0, centre.y - 10.0),
            Some(cmoc_canvas::model::Size::new(420.0, 320.0)),
        );
        ids.push(region);
    }
    let count = ids.len();
    for (from, to, kind) in arrows {
        let (from, to) = (ids[from % count], ids[to % count]);
        match kind % 4 {
            0 => {
                b.connect(from, to);
            }
            1 => {
                b.edge(from, to, |e| e.effect = EdgeEffect::Prevents);
            }
            2 => {
                b.edge(from, to, |e| e.branch = Some(Branch::Yes));
            }
            _ => {
                b.edge(from, to, |e| e.branch = Some(Branch::No));
            }
        }
    }
    (b.finish(), ids)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn propagation_ends_is_deterministic_and_overrides_win(
        nodes in 1usize..25,
        arrows in prop::collection::vec((0usize..40, 0usize..40, 0u8..4), 0..60),
        regions in prop::collection::vec((0usize..40, 0usize..40), 0..4),
        states in prop::collection::vec(0u8..3, 0..10),
        overrides in prop::collection::vec((0usize..40, 0u8..3), 0..5),
    ) {
        let (doc, ids) = random_diagram(nodes, &arrows, &regions);
        let conditions: Vec<NodeId> = doc
            .nodes()
            .filter(|n| n.kind() == NodeKind::Condition)
            .map(|n| n.id)
            .collect();
        let mut scenario = Scenario { name: "s".into(), ..Scenario::default() };
        for (c, s) in conditions.iter().zip(&states) {
            scenario.conditions.insert(*c, match s {
                0 => ConditionState::Met,
                1 => ConditionState::NotMet,
                _ => ConditionState::Unknown,
            });
        }
        for (i, a) in &overrides {
            scenario.overrides.insert(ids[i % ids.len()], match a {
                0 => Activation::Activated,
                1 => Activation::Partly,
                _ => Activation::NotActivated,
            });
        }
        let first = propagate(&doc, &scenario);
        // The same diagram with its nodes and arrows in the opposite order gives the same states.
        let mut reversed = Document::new("reversed");
        let mut nodes: Vec<_> = doc.nodes().cloned().collect();
        nodes.reverse();
        for node in nodes {
            Edit::AddNode { node, index: None }.apply(&mut reversed).expect("node");
        }
        let mut edges: Vec<_> = doc.edges().cloned().collect();
        edges.reverse();
        for edge in edges {
            Edit::AddEdge { edge, index: None }
                .apply(&mut reversed)
                .expect("edge");
        }
        let second = propagate(&reversed, &scenario);
        for id in &ids {
            prop_assert_eq!(first.state(*id), second.state(*id));
            let why = first.explain(&doc, &scenario, *id);
            prop_assert!(!why.is_empty());
        }
        for (id, a) in &scenario.overrides {
            prop_assert_eq!(first.state(*id), NodeState::from(*a));
        }
    }
}

#[test]
fn the_canvas_shows_a_scenario_and_a_screen_reader_hears_each_state() {
    use cmoc_canvas::app::EditorApp;
    use cmoc_canvas::app::dialogs::ScriptedDialogs;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};
    let dir = tempfile::tempdir().expect("temp dir");
    let app = EditorApp::start(
        None,
        Some(dir.path().join("settings.ron")),
        Box::new(ScriptedDialogs::default()),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut EditorApp| app.ui(ui), app);
    h.run_steps(3);
    // Pick the second scenario in the toolbar.
    h.get_by_label("What if:").click();
    h.run_steps(3);
    h.get_by_label("Not recognised or not supported").click();
    h.run_steps(4);
    assert_eq!(h.state().canvas.scenario, Some(1));
    let name_of = |start: &str| {
        h.get_by_label_contains(start)
            .accesskit_node()
            .label()
            .unwrap_or_default()
            .to_string()
    };
    let ten = name_of("CMOC 10, negative (not activated).");
    assert!(
        ten.ends_with("In this scenario: active: this failure happens."),
        "{ten}"
    );
    let thirteen = name_of("CMOC 13, positive");
    assert!(
        thirteen.ends_with("In this scenario: not active."),
        "{thirteen}"
    );
    // Choosing a scenario is not an edit.
    assert_eq!(h.state().editor.history().undo_len(), 0);
}

/// The view at 100% with nothing selected, showing a scenario's outcome at `weight` (or none).
fn view_at_100<'a>(
    scenario: Option<(
        &'a cmoc_canvas::model::Outcome,
        &'a cmoc_canvas::model::Scenario,
        f32,
    )>,
) -> cmoc_canvas::scene::ViewState<'a> {
    static NONE: std::collections::BTreeSet<NodeId> = std::collections::BTreeSet::new();
    static NO_EDGES: std::collections::BTreeSet<cmoc_canvas::model::EdgeId> =
        std::collections::BTreeSet::new();
    cmoc_canvas::scene::ViewState {
        zoom: 1.0,
        selected_nodes: &NONE,
        selected_edges: &NO_EDGES,
        hovered: None,
        focused: None,
        matches: &[],
        spotlight: None,
        scenario: scenario.map(
            |(outcome, scenario, weight)| cmoc_canvas::scene::ScenarioView {
                outcome,
                scenario,
                weight,
            },
        ),
        previous_scenario: None,
    }
}

#[test]
fn inactive_nodes_fade_and_partly_active_ones_are_hatched() {
    use cmoc_canvas::scene::{Palette, Prim, Scene};
    let doc = example();
    let thirteen = card(&doc, 13, Polarity::Positive);
    let ten = card(&doc, 10, Polarity::Negative);
    let twenty_two = card(&doc, 22, Polarity::Positive);
    let mut scenario = doc.scenarios()[0].clone();
    scenario.overrides.insert(thirteen, Activation::Partly);
    let outcome = propagate(&doc, &scenario);
    let scene = Scene::build(&doc, &Palette::for_dark_mode(false));
    let view = view_at_100(Some((&outcome, &scenario, 1.0)));
    let everything = emath::Rect::from_min_max(emath::pos2(-1e6, -1e6), emath::pos2(1e6, 1e6));
    let prims = scene.view_prims(&view, everything);
    let rect_of = |id: NodeId| scene.node(id).expect("drawn").rect;
    let veiled = |id: NodeId| {
        prims.iter().any(|p| {
            matches!(p, Prim::Rect { rect, fill, line: None, .. }
                if *rect == rect_of(id) && fill.a() > 0)
        })
    };
    let hatched = |id: NodeId| {
        let r = rect_of(id).expand(0.01);
        prims
            .iter()
            .filter(|p| matches!(p, Prim::Segment { from, to, .. } if r.contains(*from) && r.contains(*to)))
            .count()
    };
    assert!(
        veiled(ten),
        "-ve CMOC 10 is not active in the first scenario: faded"
    );
    assert!(!veiled(twenty_two), "CMOC 22 is active: full colour");
    assert!(hatched(thirteen) > 5, "CMOC 13 set partly active: hatched");
    assert_eq!(hatched(twenty_two), 0);
    // The condition keeps its words in full and carries its state on a chip, in words.
    let condition = doc
        .nodes()
        .find(|n| n.kind() == NodeKind::Condition)
        .expect("the example has its IF")
        .id;
    assert!(!veiled(condition), "the IF itself is never faded");
    let chip = scene
        .condition_chip(scene.node(condition).expect("drawn"), 1.0)
        .expect("a chip at 100%");
    assert!(
        chip.max.y <= rect_of(condition).min.y,
        "the chip sits above the IF"
    );
    assert!(
        prims
            .iter()
            .any(|p| matches!(p, Prim::Text(run) if run.text == "MET"))
    );
    // Half-way through switching, the marks are half as strong.
    let half = view_at_100(Some((&outcome, &scenario, 0.5)));
    let alpha_of_veil = |prims: &[Prim]| {
        prims
            .iter()
            .find_map(|p| match p {
                Prim::Rect {
                    rect,
                    fill,
                    line: None,
                    ..
                } if *rect == rect_of(ten) => Some(fill.a()),
                _ => None,
            })
            .unwrap_or(0)
    };
    let (full_alpha, half_alpha) = (
        alpha_of_veil(&prims),
        alpha_of_veil(&scene.view_prims(&half, everything)),
    );
    assert!(
        half_alpha > 0 && half_alpha < full_alpha,
        "fading in: {half_alpha} of {full_alpha}"
    );
    // In the second scenario -ve CMOC 10 is the active story: not faded, outlined.
    let second = &doc.scenarios()[1];
    let failing = propagate(&doc, second);
    let failure_view = view_at_100(Some((&failing, second, 1.0)));
    let prims = scene.view_prims(&failure_view, everything);
    assert!(
        alpha_of_veil(&prims) == 0,
        "-ve CMOC 10 is not faded when active"
    );
    assert!(
        prims
            .iter()
            .any(|p| matches!(p, Prim::Rect { rect, line: Some(_), .. }
            if rect.contains_rect(rect_of(ten)) && *rect != rect_of(ten))),
        "an active -ve CMOC is outlined as a failure that happens"
    );
    assert!(
        prims
            .iter()
            .any(|p| matches!(p, Prim::Text(run) if run.text == "NOT MET"))
    );
    // Without a scenario, nothing of the kind.
    let plain = view_at_100(None);
    assert!(
        !scene
            .view_prims(&plain, everything)
            .iter()
            .any(|p| matches!(p, Prim::Segment { .. } | Prim::Rect { line: None, .. }))
    );
}

/// The app with the example open, in a window of `size`.
fn example_app(
    size: egui::Vec2,
) -> (
    egui_kittest::Harness<'static, cmoc_canvas::app::EditorApp>,
    tempfile::TempDir,
) {
    let (dir, h) = common::editor_harness_sized(size);
    (h, dir)
}

fn label_of(h: &egui_kittest::Harness<'_, cmoc_canvas::app::EditorApp>, start: &str) -> String {
    use egui_kittest::kittest::{NodeT, Queryable};
    h.get_by_label_contains(start)
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .to_string()
}

fn click_at(h: &mut egui_kittest::Harness<'_, cmoc_canvas::app::EditorApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(3);
}

#[test]
fn flip_the_condition_on_the_canvas_and_hear_the_new_states() {
    use cmoc_canvas::scene::{Palette, Scene};
    let (mut h, _dir) = example_app(egui::vec2(1600.0, 1000.0));
    h.state_mut().canvas.scenario = Some(0);
    h.run_steps(4);
    let doc = h.state().editor.doc().clone();
    let condition = doc
        .nodes()
        .find(|n| n.kind() == NodeKind::Condition)
        .expect("the example's IF")
        .id;
    assert!(label_of(&h, "CMOC 13, positive").ends_with("In this scenario: active."));
    // The chip above the IF, where the canvas draws it at the fitted zoom.
    let (camera, canvas) = (h.state().canvas.camera, h.state().canvas.rect);
    let scene = Scene::build(&doc, &Palette::for_dark_mode(false));
    let chip = scene
        .condition_chip(scene.node(condition).expect("drawn"), camera.zoom)
        .expect("the IF carries a chip at the fitted zoom");
    click_at(&mut h, camera.to_screen(canvas, chip.center()));
    assert_eq!(
        h.state().editor.doc().scenarios()[0].condition(condition),
        ConditionState::NotMet,
        "one click: met becomes not met"
    );
    assert_eq!(
        h.state().editor.history().undo_len(),
        1,
        "flipping is an edit"
    );
    // The screen reader hears the new states: the positive pathway off, the failure on.
    assert!(
        label_of(&h, "CMOC 13, positive").ends_with("In this scenario: not active."),
        "{}",
        label_of(&h, "CMOC 13, positive")
    );
    assert!(
        label_of(&h, "CMOC 10, negative")
            .ends_with("In this scenario: active: this failure happens."),
        "{}",
        label_of(&h, "CMOC 10, negative")
    );
    {
        use egui_kittest::kittest::Queryable;
        assert!(
            h.query_by_label_contains("In this scenario: the condition is not met.")
                .is_some(),
            "the IF says its new state"
        );
    }
    // Undo puts the IF back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(
        h.state().editor.doc().scenarios()[0].condition(condition),
        ConditionState::Met
    );
    assert!(label_of(&h, "CMOC 13, positive").ends_with("In this scenario: active."));
}

#[test]
fn make_set_delete_and_undo_scenarios_in_the_what_if_panel() {
    let (mut h, _dir) = example_app(egui::vec2(1600.0, 1000.0));
    h.get_by_label("What if").click();
    h.run_steps(3);
    // Show the second scenario from the panel, then delete it.
    h.get_by_label("Show scenario: Not recognised or not supported")
        .click();
    h.run_steps(3);
    assert_eq!(h.state().canvas.scenario, Some(1));
    h.get_by_label("Delete the scenario shown").click();
    h.run_steps(3);
    assert_eq!(h.state().editor.doc().scenarios().len(), 1);
    assert_eq!(h.state().canvas.scenario, None);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    let names: Vec<String> = h
        .state()
        .editor
        .doc()
        .scenarios()
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "Holding recognised and supported",
            "Not recognised or not supported"
        ],
        "undo restores the deleted scenario"
    );
    // A new scenario: named, every condition unknown; typing its name is one undo step.
    h.get_by_label("New scenario").click();
    h.run_steps(3);
    assert_eq!(h.state().canvas.scenario, Some(2));
    assert_eq!(h.state().editor.doc().scenarios()[2].name, "Scenario 3");
    let before = h.state().editor.history().undo_len();
    let field = h.get_by_label("Scenario name");
    field.focus();
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Scenario name")
        .type_text("Support without training");
    h.run_steps(3);
    assert_eq!(
        h.state().editor.doc().scenarios()[2].name,
        "Support without training"
    );
    assert_eq!(h.state().editor.history().undo_len(), before + 1);
    // Set its IF "not met" with the radio button, as a keyboard user would.
    let not_met = h.get_by_label_contains(": not met");
    not_met.click();
    h.run_steps(3);
    let doc = h.state().editor.doc().clone();
    let condition = doc
        .nodes()
        .find(|n| n.kind() == NodeKind::Condition)
        .expect("IF")
        .id;
    assert_eq!(
        doc.scenarios()[2].condition(condition),
        ConditionState::NotMet
    );
    assert!(label_of(&h, "CMOC 10, negative").ends_with("this failure happens."));
    // Compare with the first: the table lists the nodes that differ, side by side shows both.
    use egui_kittest::kittest::Queryable;
    assert!(
        h.query_by_label_contains("CMOC 13: not active in “Support without training”, active in “Holding recognised and supported”")
            .is_some(),
        "the comparison table names CMOC 13"
    );
    h.get_by_label("Show the two scenarios side by side")
        .click();
    h.run_steps(4);
    assert!(h.state().split.is_some());
    let mut thirteen: Vec<String> = h
        .query_all_by_label_contains("CMOC 13, positive")
        .map(|n| {
            use egui_kittest::kittest::NodeT;
            n.accesskit_node().label().unwrap_or_default().to_string()
        })
        .collect();
    thirteen.sort();
    assert_eq!(thirteen.len(), 2, "CMOC 13 on both canvases");
    assert!(
        thirteen[0].ends_with("In this scenario: active.")
            && thirteen[1].ends_with("In this scenario: not active."),
        "each canvas says its own scenario's state: {thirteen:?}"
    );
    h.get_by_label("Close the side-by-side view").click();
    h.run_steps(3);
    assert!(h.state().split.is_none());
}

#[test]
fn compare_lists_exactly_the_nodes_whose_state_differs() {
    let doc = example();
    let (a, b) = (&doc.scenarios()[0], &doc.scenarios()[1]);
    let rows = cmoc_canvas::model::compare(&doc, a, b);
    let ids: Vec<NodeId> = rows.iter().map(|r| r.0).collect();
    for (number, polarity) in [(13, Polarity::Positive), (10, Polarity::Negative)] {
        assert!(ids.contains(&card(&doc, number, polarity)));
    }
    let (first, second) = (propagate(&doc, a), propagate(&doc, b));
    for node in doc.nodes().filter(|n| n.kind() != NodeKind::Region) {
        let differs = first.state(node.id) != second.state(node.id);
        assert_eq!(ids.contains(&node.id), differs, "{}", node.label());
    }
    assert!(cmoc_canvas::model::compare(&doc, a, a).is_empty());
}
