//! The canvas and the exported figure draw one scene: at 100%, the text the canvas paints for
//! the holding example is the text the SVG contains, at the same places (within half a unit),
//! card outlines sit where the SVG's do, and negative cards are dashed with the same pattern.

mod common;

use cmoc_canvas::app::canvas::Camera;
use cmoc_canvas::interchange::{FigureOptions, figure_svg};
use cmoc_canvas::model::Polarity;
use cmoc_canvas::scene::style::{BASELINE, NEGATIVE_DASH};
use egui::epaint::Shape;
use egui::{Pos2, Rect, pos2, vec2};

/// A line of text with its top-left corner in world units.
#[derive(Debug)]
struct Run {
    text: String,
    at: Pos2,
}

fn svg_runs(svg: &str) -> Vec<Run> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| {
            let num = |a: &str| n.attribute(a).and_then(|v| v.parse::<f32>().ok());
            let (x, y, size) = (num("x")?, num("y")?, num("font-size")?);
            Some(Run {
                text: n.text().unwrap_or_default().to_string(),
                at: pos2(x, y - size * BASELINE),
            })
        })
        .collect()
}

/// Flattens shapes (the canvas nests some in `Shape::Vec`).
fn flatten<'a>(shape: &'a Shape, out: &mut Vec<&'a Shape>) {
    match shape {
        Shape::Vec(shapes) => shapes.iter().for_each(|s| flatten(s, out)),
        other => out.push(other),
    }
}

/// Every line of text the canvas paints inside a card in view is in the figure at the same
/// place, and the other way round.
fn same_text_lines(
    shapes: &[&Shape],
    figure: &[Run],
    fully_visible: &[Rect],
    to_world: &dyn Fn(Pos2) -> Pos2,
) {
    // Text: every line the canvas paints inside a card is in the figure at the same place.
    let mut compared = 0;
    for shape in shapes {
        let Shape::Text(text) = shape else { continue };
        let at = to_world(text.pos);
        if !fully_visible.iter().any(|r| r.contains(at)) {
            continue;
        }
        let words = text.galley.text().to_string();
        let found = figure.iter().any(|run| {
            run.text == words && (run.at.x - at.x).abs() <= 0.5 && (run.at.y - at.y).abs() <= 0.5
        });
        assert!(
            found,
            "the canvas paints {words:?} at {at:?}; the figure has no such line"
        );
        compared += 1;
    }
    assert!(compared > 50, "compared {compared} lines");
    // And the other way: every line of the figure inside a card in view is on the canvas.
    for run in figure
        .iter()
        .filter(|r| fully_visible.iter().any(|n| n.contains(r.at)))
    {
        let painted = shapes.iter().any(|s| match s {
            Shape::Text(t) => {
                let at = to_world(t.pos);
                t.galley.text() == run.text
                    && (run.at.x - at.x).abs() <= 0.5
                    && (run.at.y - at.y).abs() <= 0.5
            }
            _ => false,
        });
        assert!(
            painted,
            "the figure has {:?} at {:?}; the canvas does not",
            run.text, run.at
        );
    }
}

/// Each arrow between cards in view is painted as a curve starting where the SVG's does.
fn same_arrows(
    doc: &cmoc_canvas::model::Document,
    shapes: &[&Shape],
    svg: &str,
    visible: Rect,
    to_world: &dyn Fn(Pos2) -> Pos2,
) {
    // Arrows: each arrow between cards in view is painted as a curve ending where the SVG's does.
    let scene =
        cmoc_canvas::scene::Scene::build(doc, &cmoc_canvas::scene::Palette::for_dark_mode(false));
    let mut arrows = 0;
    for edge in doc.edges() {
        let (Some(a), Some(b)) = (doc.node(edge.from), doc.node(edge.to)) else {
            continue;
        };
        let (a, b) = (
            cmoc_canvas::scene::to_rect(a.rect()),
            cmoc_canvas::scene::to_rect(b.rect()),
        );
        if !(visible.contains_rect(a) && visible.contains_rect(b)) {
            continue;
        }
        // Where the scene starts it: the side's middle, or its own place when several arrows
        // meet that side.
        let Some(scene_edge) = scene.edges.iter().find(|e| e.id == edge.id) else {
            panic!("arrow {:?} is in the scene", edge.id);
        };
        let start = scene_edge.geometry.start();
        let on_canvas = shapes.iter().any(|s| match s {
            Shape::CubicBezier(c) => (to_world(c.points[0]) - start).length() <= 0.5,
            Shape::Path(p) => p
                .points
                .first()
                .is_some_and(|q| (to_world(*q) - start).length() <= 0.5),
            Shape::LineSegment { points, .. } => (to_world(points[0]) - start).length() <= 0.5,
            _ => false,
        });
        let in_svg = svg.contains(&format!(r#"d="M{:.2},{:.2} C"#, start.x, start.y));
        assert!(
            on_canvas && in_svg,
            "arrow {:?}: canvas {on_canvas}, svg {in_svg}",
            edge.id
        );
        arrows += 1;
    }
    assert!(arrows >= 3, "compared {arrows} arrows");
}

#[test]
fn the_canvas_paints_the_figures_text_shapes_and_dashes() {
    let (_dir, mut h) = common::editor_harness();
    // 100%, looking at the negative pathway (dashed cards) with no legend over it.
    let negative = h
        .state()
        .editor
        .doc()
        .find_cmoc(10, Polarity::Negative)
        .map(|n| n.rect())
        .expect("-ve CMOC 10");
    h.state_mut().show_legend = false;
    let canvas = h.state().canvas.rect;
    h.state_mut().canvas.camera = Camera {
        offset: vec2(80.0 - negative.min.x, 80.0 - negative.min.y),
        zoom: 1.0,
    };
    h.run_steps(3);
    let canvas_now = h.state().canvas.rect;
    assert_eq!(canvas, canvas_now, "the canvas did not move");
    let camera = h.state().canvas.camera;
    let to_world = |p: Pos2| camera.to_world(canvas, p);

    // The canvas writes each card's realist status on it; the figure, when asked.
    let options = FigureOptions {
        statuses: true,
        ..FigureOptions::default()
    };
    let svg = figure_svg(h.state().editor.doc(), &options).expect("figure");
    let figure = svg_runs(&svg);
    let nodes: Vec<Rect> = h
        .state()
        .editor
        .doc()
        .nodes()
        .filter(|n| n.kind() != cmoc_canvas::model::NodeKind::Region)
        .map(|n| cmoc_canvas::scene::to_rect(n.rect()))
        .collect();
    let visible = camera.visible_world(canvas);
    let fully_visible: Vec<Rect> = nodes
        .iter()
        .copied()
        .filter(|r| visible.contains_rect(*r))
        .collect();
    assert!(fully_visible.len() >= 6, "several cards in view");

    let mut shapes = Vec::new();
    for clipped in &h.output().shapes {
        if canvas.contains_rect(clipped.clip_rect.shrink(1.0)) {
            flatten(&clipped.shape, &mut shapes);
        }
    }

    same_text_lines(&shapes, &figure, &fully_visible, &to_world);

    // Outlines: each card in view has a canvas rectangle exactly where its SVG outline is.
    for node in &fully_visible {
        let on_canvas = shapes.iter().any(|s| match s {
            Shape::Rect(r) => {
                let world = Rect::from_min_max(to_world(r.rect.min), to_world(r.rect.max));
                (world.min - node.min).length() <= 0.5 && (world.max - node.max).length() <= 0.5
            }
            _ => false,
        });
        let at = node.min;
        let in_svg = svg.contains(&format!(r#"x="{:.2}" y="{:.2}""#, at.x + 0.75, at.y + 0.75))
            || svg.contains(&format!(r#"x="{:.2}" y="{:.2}""#, at.x + 1.0, at.y + 1.0));
        assert!(
            on_canvas && in_svg,
            "card at {at:?}: canvas {on_canvas}, svg {in_svg}"
        );
    }

    same_arrows(h.state().editor.doc(), &shapes, &svg, visible, &to_world);

    // Dashes: the SVG's pattern is the scene's, and the canvas's top border of -ve CMOC 10 is
    // cut into dashes of that length with gaps of that length.
    let pattern = format!(
        r#"stroke-dasharray="{} {}""#,
        NEGATIVE_DASH.on, NEGATIVE_DASH.off
    );
    assert!(
        svg.contains(&pattern),
        "the figure dashes negative cards {pattern}"
    );
    let top = negative.min.y + 1.0;
    let mut dashes: Vec<(f32, f32)> = shapes
        .iter()
        .filter_map(|s| match s {
            Shape::LineSegment { points, .. } => {
                let (a, b) = (to_world(points[0]), to_world(points[1]));
                let horizontal = (a.y - top).abs() < 0.6 && (b.y - top).abs() < 0.6;
                let inside = a.x > negative.min.x + 8.0 && b.x < negative.max.x - 8.0;
                (horizontal && inside).then_some((a.x.min(b.x), a.x.max(b.x)))
            }
            _ => None,
        })
        .collect();
    dashes.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(dashes.len() >= 10, "the top border is dashed: {dashes:?}");
    for pair in dashes.windows(2) {
        let (length, gap) = (pair[0].1 - pair[0].0, pair[1].0 - pair[0].1);
        assert!((length - NEGATIVE_DASH.on).abs() < 0.5, "dash {length}");
        assert!((gap - NEGATIVE_DASH.off).abs() < 0.5, "gap {gap}");
    }
}
