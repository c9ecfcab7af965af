//! The worst geometry a file can hold — zero, tiny, negative, NaN, infinite and astronomically
//! large sizes and positions, an arrow from a node to itself, 10 MB of text in one field —
//! loads (repaired, and saying so), validates, draws in the editor at every zoom, and exports
//! to SVG and PNG, without a panic.

use cmoc_canvas::app::EditorApp;
use cmoc_canvas::app::dialogs::ScriptedDialogs;
use cmoc_canvas::file::load_str;
use cmoc_canvas::interchange::{FigureOptions, figure_png, figure_svg};
use cmoc_canvas::model::validate;
use cmoc_canvas::session::Origin;
use egui_kittest::kittest::Queryable;

const SIZES: [&str; 12] = [
    "(0.0, 0.0)",
    "(0.001, 0.001)",
    "(280.0, 10.0)",
    "(-280.0, -200.0)",
    "(NaN, 200.0)",
    "(280.0, NaN)",
    "(inf, 200.0)",
    "(280.0, -inf)",
    "(1e30, 1e30)",
    "(3.4e38, 3.4e38)",
    "(280.0, 1e-40)",
    "(280.0, 200.0)",
];

const POSITIONS: [&str; 8] = [
    "(0.0, 0.0)",
    "(NaN, NaN)",
    "(inf, -inf)",
    "(-1e30, 1e30)",
    "(3.4e38, -3.4e38)",
    "(1e-40, -0.0)",
    "(100000000.0, 5.0)",
    "(500.0, 500.0)",
];

/// A file with one card per size × position, arrows between neighbours and onto themselves.
fn worst_file(big_text: Option<usize>) -> String {
    let mut nodes = String::new();
    let mut edges = String::new();
    let mut id = 1u64;
    let mut ids = Vec::new();
    for size in SIZES {
        for position in POSITIONS {
            let context = match big_text {
                Some(n) if id == 1 => "x".repeat(n),
                _ => format!("context {id}"),
            };
            nodes.push_str(&format!(
                "(id: {id}, content: Cmoc((number: {id}, context: \"{context}\", mechanism: \"m\", outcome: \"o\")), position: {position}, size: {size}),\n"
            ));
            ids.push(id);
            id += 1;
        }
    }
    for pair in ids.windows(2) {
        edges.push_str(&format!(
            "(id: {id}, from: {}, to: {}),\n",
            pair[0], pair[1]
        ));
        id += 1;
    }
    for n in ids.iter().step_by(7) {
        edges.push_str(&format!("(id: {id}, from: {n}, to: {n}),\n"));
        id += 1;
    }
    format!("(format_version: 1, nodes: [{nodes}], edges: [{edges}])")
}

fn frames(app: EditorApp) {
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut EditorApp| app.ui(ui), app);
    h.run_steps(3);
    for zoom in [0.01, 0.1, 0.3, 1.0, 4.0] {
        h.state_mut().canvas.camera = cmoc_canvas::app::canvas::Camera {
            zoom,
            ..Default::default()
        };
        h.run_steps(2);
    }
    h.state_mut()
        .perform(cmoc_canvas::session::Action::SelectAll);
    h.run_steps(1);
    h.state_mut()
        .perform(cmoc_canvas::session::Action::FitSelection);
    h.run_steps(2);
    h.state_mut().show_table = true;
    h.run_steps(2);
    // The first card (the one with the most text, if any) in the inspector.
    let first = h.state().editor.doc().nodes().next().map(|n| n.id);
    if let Some(id) = first {
        h.state_mut().editor.selection.set_node(id);
        h.state_mut().side.tab = cmoc_canvas::app::SideTab::Inspector;
        h.run_steps(2);
        let huge = h
            .state()
            .editor
            .doc()
            .node(id)
            .and_then(|n| n.content.cmoc())
            .is_some_and(|c| c.context.len() > 1_000_000);
        assert_eq!(
            h.query_all_by_label_contains("too long to edit here")
                .count()
                > 0,
            huge,
            "a text of megabytes is shown, not laid out in a text box every frame"
        );
    }
}

#[test]
fn degenerate_geometry_loads_validates_draws_and_exports() {
    let text = worst_file(None);
    let loaded = load_str(&text, "worst.ron").expect("opens");
    let doc = loaded.document;
    assert_eq!(
        doc.node_count(),
        SIZES.len() * POSITIONS.len(),
        "nothing dropped"
    );
    assert!(
        !loaded.repairs.is_empty(),
        "impossible geometry is repaired, and said"
    );
    for repair in &loaded.repairs {
        assert!(
            !repair.message.contains("NaN") || repair.message.contains("not a number"),
            "{}",
            repair.message
        );
    }
    for node in doc.nodes() {
        let r = node.rect();
        assert!(
            r.min.x.is_finite()
                && r.min.y.is_finite()
                && r.max.x.is_finite()
                && r.max.y.is_finite(),
            "{:?}",
            node
        );
        assert!(node.size.width > 0.0 && node.size.height > 0.0);
    }
    let _ = validate(&doc);
    let svg = figure_svg(&doc, &FigureOptions::default());
    let png = figure_png(&doc, &FigureOptions::default(), 1.0);
    assert!(svg.is_ok() || png.is_err());
    let mut app = EditorApp::start(None, None, Box::new(ScriptedDialogs::default()));
    app.editor = cmoc_canvas::session::Editor::new(doc, Origin::Untitled);
    app.canvas.reset_for_new_document();
    frames(app);
}

#[test]
fn ten_megabytes_in_one_field_loads_draws_and_exports() {
    let text = worst_file(Some(10_000_000));
    let doc = load_str(&text, "big.ron").expect("opens").document;
    let _ = validate(&doc);
    let only_first: std::collections::BTreeSet<_> = doc.nodes().take(3).map(|n| n.id).collect();
    let options = FigureOptions {
        only: Some(only_first),
        ..FigureOptions::default()
    };
    let _ = figure_svg(&doc, &options);
    let mut app = EditorApp::start(None, None, Box::new(ScriptedDialogs::default()));
    app.editor = cmoc_canvas::session::Editor::new(doc, Origin::Untitled);
    app.canvas.reset_for_new_document();
    frames(app);
}
