//! The shipped example: Figure 2 of Westlake et al. (2024) with all of Table 4.

mod common;

use cmoc_canvas::model::{Branch, NodeContent, NodeKind, Polarity, Rect, validate};
use std::collections::BTreeSet;

#[test]
fn it_has_the_24_cmocs_of_table_4_and_the_three_negative_ones() {
    let doc = common::holding();
    let positive: BTreeSet<u32> = doc
        .cmoc_cards()
        .filter(|(_, c)| c.polarity == Polarity::Positive)
        .map(|(_, c)| c.number)
        .collect();
    let negative: BTreeSet<u32> = doc
        .cmoc_cards()
        .filter(|(_, c)| c.polarity == Polarity::Negative)
        .map(|(_, c)| c.number)
        .collect();
    assert_eq!(positive, (1..=24).collect());
    assert_eq!(negative, [10, 11, 22].into());
    assert_eq!(doc.count_kind(NodeKind::Cmoc), 27);
    for (_, card) in doc.cmoc_cards() {
        assert!(
            !card.context.is_empty() && !card.mechanism.is_empty() && !card.outcome.is_empty(),
            "{} has all three parts",
            card.badge()
        );
    }
}

#[test]
fn it_validates_without_problems() {
    let problems = validate(&common::holding());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn no_two_nodes_overlap_and_every_node_sits_wholly_inside_or_outside_a_region() {
    let doc = common::holding();
    let regions: Vec<Rect> = doc
        .nodes()
        .filter(|n| n.kind() == NodeKind::Region)
        .map(|n| n.rect())
        .collect();
    let others: Vec<(String, Rect)> = doc
        .nodes()
        .filter(|n| n.kind() != NodeKind::Region)
        .map(|n| (n.label(), n.rect()))
        .collect();
    for (i, (a_label, a)) in others.iter().enumerate() {
        for (b_label, b) in &others[i + 1..] {
            assert!(!a.overlaps(b), "{a_label} overlaps {b_label}");
        }
        for region in &regions {
            assert!(
                !region.overlaps(a) || region.contains_rect(a),
                "{a_label} straddles a region border"
            );
        }
    }
    for (i, a) in regions.iter().enumerate() {
        for b in &regions[i + 1..] {
            assert!(!a.overlaps(b), "regions overlap");
        }
    }
}

#[test]
fn the_pathways_hold_the_cards_figure_2_places_there() {
    let doc = common::holding();
    let region = |title: &str| {
        doc.nodes()
            .find(|n| matches!(&n.content, NodeContent::Region(b) if b.title.starts_with(title)))
            .map(|n| n.rect())
            .unwrap_or_else(|| panic!("region {title}"))
    };
    let inside = |r: Rect, number: u32, polarity: Polarity| {
        let node = doc
            .find_cmoc(number, polarity)
            .unwrap_or_else(|| panic!("CMOC {number} {polarity:?}"));
        r.contains_rect(&node.rect())
    };
    let positive = region("Positive pathway");
    for n in [12, 13, 22, 23, 24, 1, 5] {
        assert!(
            inside(positive, n, Polarity::Positive),
            "CMOC {n} on the positive pathway"
        );
    }
    let negative = region("Negative pathway");
    for n in [10, 22, 11] {
        assert!(
            inside(negative, n, Polarity::Negative),
            "-ve CMOC {n} on the negative pathway"
        );
    }
    for n in [18, 20, 21] {
        assert!(
            inside(negative, n, Polarity::Positive),
            "CMOC {n} on the negative pathway"
        );
    }
    let others = region("Other CMOCs from Table 4");
    for n in [2, 3, 4, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 19] {
        assert!(
            inside(others, n, Polarity::Positive),
            "CMOC {n} among the others"
        );
    }
    let outcomes = doc.count_kind(NodeKind::Outcome);
    assert_eq!(
        outcomes, 9,
        "the five positive and four negative outcomes of Table 5"
    );
    assert_eq!(doc.count_kind(NodeKind::Theory), 3);
}

#[test]
fn the_condition_branches_yes_and_no() {
    let doc = common::holding();
    let condition = doc
        .nodes()
        .find(|n| n.kind() == NodeKind::Condition)
        .expect("the IF-condition");
    let branches: BTreeSet<String> = doc
        .edges()
        .filter(|e| e.from == condition.id)
        .filter_map(|e| e.branch.map(Branch::word).map(String::from))
        .collect();
    assert_eq!(branches, ["no".to_string(), "yes".to_string()].into());
}

#[test]
fn quotes_from_the_paper_are_attached_as_evidence() {
    let doc = common::holding();
    let card = doc
        .find_cmoc(1, Polarity::Positive)
        .and_then(|n| n.content.cmoc())
        .expect("CMOC 1");
    let quote = card
        .evidence
        .iter()
        .find(|e| e.source == "Site03_P08")
        .expect("Site03_P08 supports CMOC 1");
    assert!(quote.quote.contains("offload"));
    let with_evidence = doc
        .cmoc_cards()
        .filter(|(_, c)| !c.evidence.is_empty())
        .count();
    assert!(with_evidence >= 12, "{with_evidence} cards carry quotes");
    assert!(doc.metadata().citation.contains("10.1155/2024/2479543"));
}

#[test]
fn it_is_laid_out_left_to_right() {
    let doc = common::holding();
    let x_of = |kind: NodeKind| {
        doc.nodes()
            .filter(|n| n.kind() == kind)
            .map(|n| n.rect().center().x)
            .fold(f32::NAN, f32::min)
    };
    assert!(x_of(NodeKind::Theory) < x_of(NodeKind::Condition));
    let outcome_x = doc
        .nodes()
        .filter(|n| n.kind() == NodeKind::Outcome)
        .map(|n| n.rect().center().x)
        .fold(f32::INFINITY, f32::min);
    assert!(x_of(NodeKind::Condition) < outcome_x);
}

/// The first view of the example on a 1366×768 laptop: every card's badge whole, at least 9
/// pixels high and inside its card; no word broken; the IF shows its question.
#[test]
fn the_first_view_on_a_laptop_shows_every_badge_whole_and_no_broken_word() {
    use cmoc_canvas::scene::text::TextMeasure;
    use cmoc_canvas::scene::{Lod, Palette, Prim, Scene, TextRole};
    let (_dir, h) = common::editor_harness_sized(egui::vec2(1366.0, 768.0));
    let zoom = h.state().canvas.camera.zoom;
    let doc = h.state().editor.doc().clone();
    assert!(
        zoom < 0.45,
        "the whole figure does not fit at full detail: {zoom}"
    );
    let lod = Lod::for_zoom(zoom);
    let mut scene = Scene::build(&doc, &Palette::for_dark_mode(false));
    let mut measure = TextMeasure::new();
    // Every word of the example, to tell a whole word from a broken one.
    let mut words = std::collections::HashSet::new();
    for node in &scene.nodes {
        let badge = node
            .badge
            .as_ref()
            .map(|b| b.text.clone())
            .unwrap_or_default();
        for text in [&node.title, &node.body, &node.name, &badge] {
            for word in text.split_whitespace() {
                words.insert(
                    word.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_string(),
                );
            }
        }
    }
    let mut badges = 0;
    let mut condition_words = 0;
    for index in 0..scene.nodes.len() {
        let (rect, kind, has_badge) = {
            let n = &scene.nodes[index];
            (n.rect, n.kind, n.badge.is_some())
        };
        let drawing = scene.drawing_now(index, lod).expect("drawn").clone();
        for prim in &drawing.prims {
            let Prim::Text(run) = prim else { continue };
            // Screen pixels: titled drawings carry their size in pixels.
            let px = if run.screen_size {
                run.size
            } else {
                run.size * zoom
            };
            let width = measure.line_size(&run.text, px).x;
            if run.role == TextRole::Badge {
                badges += 1;
                assert!(px >= 9.0, "badge “{}” is {px} px", run.text);
                assert!(
                    run.pos.x * zoom + width <= rect.width() * zoom + 0.5,
                    "badge “{}” runs out of its card",
                    run.text
                );
            }
            for word in run.text.split_whitespace() {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                assert!(
                    word.is_empty() || words.contains(word) || word.parse::<f32>().is_ok(),
                    "“{word}” in “{}” is not a whole word",
                    run.text
                );
            }
            if kind == cmoc_canvas::model::NodeKind::Condition && run.text.contains("holding") {
                condition_words += 1;
            }
        }
        if has_badge {
            assert!(
                drawing
                    .prims
                    .iter()
                    .any(|p| matches!(p, Prim::Text(r) if r.role == TextRole::Badge)),
                "a card without its badge"
            );
        }
    }
    assert_eq!(badges, 27, "every CMOC's badge");
    assert!(
        condition_words > 0,
        "the IF shows its question, not only “IF”"
    );
}

/// On the example, as drawn on the canvas and in figures: no arrow passes under a node it does
/// not connect, and no label covers a node or is cut by a region border.
#[test]
fn no_arrow_passes_under_a_card_and_no_label_is_covered_or_cut() {
    use cmoc_canvas::scene::{Palette, Scene};
    let doc = cmoc_canvas::file::example_document();
    let scene = Scene::build(&doc, &Palette::for_dark_mode(false));
    check_arrows_and_labels(&scene, true);
    // Right-angled arrows keep the same promises, and run straight with right-angled turns.
    let mut doc = doc;
    let mut metadata = doc.metadata().clone();
    metadata.arrows = cmoc_canvas::model::ArrowStyle::Orthogonal;
    cmoc_canvas::edit::Edit::SetMetadata {
        metadata: Box::new(metadata),
    }
    .apply(&mut doc)
    .expect("sets the style");
    let scene = Scene::build(&doc, &Palette::for_dark_mode(false));
    check_arrows_and_labels(&scene, false);
    for edge in &scene.edges {
        for [p0, p1, p2, p3] in &edge.geometry.segments {
            let straight = (p0.x - p3.x).abs() < 0.01 || (p0.y - p3.y).abs() < 0.01;
            let corner = p1 == p2 && p0.distance(*p3) < 2.0 * 18.0;
            assert!(straight || corner, "“{}” is not right-angled", edge.name);
        }
    }
    // Arrows meeting one side of a node meet it at different places.
    let mut ports: Vec<(emath::Pos2, &str)> = Vec::new();
    for edge in &scene.edges {
        for p in [edge.geometry.start(), edge.geometry.end()] {
            assert!(
                !ports.iter().any(|(q, _)| q.distance(p) < 1.0),
                "“{}” meets a node where another arrow does",
                edge.name
            );
            ports.push((p, &edge.name));
        }
    }
}

fn check_arrows_and_labels(scene: &cmoc_canvas::scene::Scene, curved: bool) {
    use cmoc_canvas::scene::crosses;
    use cmoc_canvas::scene::text::TextMeasure;
    let mut measure = TextMeasure::new();
    let mut routed = 0;
    for edge in &scene.edges {
        let others: Vec<_> = scene
            .nodes
            .iter()
            .filter(|n| n.kind != NodeKind::Region && n.id != edge.from && n.id != edge.to)
            .filter(|n| {
                // A node that holds an end (none in the example) is not in the way.
                let ends = [edge.from, edge.to].map(|id| scene.node(id).expect("end").rect);
                !ends.iter().any(|e| n.rect.contains_rect(*e))
            })
            .map(|n| n.rect)
            .collect();
        assert!(
            !crosses(&edge.geometry, &others),
            "“{}” passes under a node",
            edge.name
        );
        if curved && edge.geometry.segments.len() > 1 {
            routed += 1;
        }
        if edge.label.is_empty() {
            continue;
        }
        let size = measure
            .layout(
                &edge.label,
                cmoc_canvas::scene::style::LABEL_FONT_SIZE,
                cmoc_canvas::scene::style::LABEL_WRAP_WIDTH,
            )
            .size;
        let frame = emath::Rect::from_center_size(edge.geometry.label_at, size)
            .expand(cmoc_canvas::scene::style::LABEL_PADDING);
        for node in &scene.nodes {
            if node.kind == NodeKind::Region {
                assert!(
                    !node.rect.intersects(frame) || node.rect.contains_rect(frame),
                    "the label “{}” is cut by the border of “{}”",
                    edge.label,
                    node.title
                );
            } else {
                assert!(
                    !node.rect.intersects(frame),
                    "the label “{}” covers “{}”",
                    edge.label,
                    node.name
                );
            }
        }
    }
    assert!(
        !curved || routed >= 2,
        "the arrows that crossed cards are routed round them"
    );
}

/// Arrange → Tidy on the example: layers left to right along the arrows, nothing overlapping,
/// regions round what they held, one undo step; on a selection, only the selection moves.
#[test]
fn tidy_lays_the_example_out_left_to_right_without_overlaps_in_one_undo_step() {
    use cmoc_canvas::edit::{LayeredLayout, tidy_edit};
    let mut doc = cmoc_canvas::file::example_document();
    let before = doc.clone();
    let edit =
        tidy_edit(&doc, &BTreeSet::new(), &LayeredLayout::default()).expect("something to tidy");
    let undo = edit.apply(&mut doc).expect("applies");
    assert_no_overlaps(&doc);
    // Arrows between cards run left to right (the example has no cycle).
    let mut forward = 0;
    let mut total = 0;
    for edge in doc.edges() {
        let (Some(a), Some(b)) = (doc.node(edge.from), doc.node(edge.to)) else {
            continue;
        };
        if a.kind() == NodeKind::Region || b.kind() == NodeKind::Region {
            continue;
        }
        total += 1;
        if a.rect().center().x < b.rect().center().x {
            forward += 1;
        }
    }
    assert_eq!(forward, total, "every arrow points right");
    // The yes pathway above the no pathway, both after the IF.
    let centre = |n: u32, p: Polarity| doc.find_cmoc(n, p).expect("card").rect().center();
    let condition = doc
        .nodes()
        .find(|n| n.kind() == NodeKind::Condition)
        .expect("IF")
        .rect()
        .center();
    assert!(centre(22, Polarity::Positive).y < centre(10, Polarity::Negative).y);
    assert!(centre(22, Polarity::Positive).x > condition.x);
    assert!(centre(10, Polarity::Negative).x > condition.x);
    // Regions hold what they held.
    for region in before.nodes().filter(|n| n.kind() == NodeKind::Region) {
        let held: Vec<_> = before
            .nodes()
            .filter(|n| n.kind() != NodeKind::Region && region.rect().contains_rect(&n.rect()))
            .map(|n| n.id)
            .collect();
        let now = doc.node(region.id).expect("region").rect();
        for id in held {
            assert!(now.contains_rect(&doc.node(id).expect("node").rect()));
        }
    }
    // Regions apart: the pathways the layers interleave are pulled apart, and no region
    // covers a node it did not hold.
    let regions: Vec<_> = doc
        .nodes()
        .filter(|n| n.kind() == NodeKind::Region)
        .map(|n| {
            (
                n.label(),
                n.rect(),
                before.node(n.id).expect("region").rect(),
            )
        })
        .collect();
    for (i, (a, ra, _)) in regions.iter().enumerate() {
        for (b, rb, _) in &regions[i + 1..] {
            assert!(!ra.overlaps(rb), "{a} overlaps {b}");
        }
    }
    for node in doc.nodes().filter(|n| n.kind() != NodeKind::Region) {
        let held_before = before.node(node.id).expect("node").rect();
        for (name, now, then) in &regions {
            if now.overlaps(&node.rect()) {
                assert!(
                    then.contains_rect(&held_before),
                    "{name} now covers {}, which it did not hold",
                    node.label()
                );
            }
        }
    }
    undo.apply(&mut doc).expect("undoes");
    assert_eq!(doc, before, "one step back to the start");
    // A selection: only it moves.
    let chosen: BTreeSet<_> = before
        .cmoc_cards()
        .filter(|(_, c)| [22, 24, 13].contains(&c.number) && c.polarity == Polarity::Positive)
        .map(|(n, _)| n.id)
        .collect();
    let edit = tidy_edit(&doc, &chosen, &LayeredLayout::default()).expect("three cards");
    edit.apply(&mut doc).expect("applies");
    for node in doc.nodes() {
        if !chosen.contains(&node.id) && node.kind() != NodeKind::Region {
            assert_eq!(node.position, before.node(node.id).expect("node").position);
        }
    }
}

#[test]
fn tidy_leaves_pinned_nodes_where_they_are_and_lays_the_rest_out_clear_of_them() {
    use cmoc_canvas::edit::{Edit, LayeredLayout, tidy_edit};
    let mut doc = cmoc_canvas::file::example_document();
    // Pin the IF-condition and two cards of different pathways, where the figure has them.
    let mut pins: Vec<_> = doc
        .cmoc_cards()
        .filter(|(_, c)| {
            (c.number == 5 && c.polarity == Polarity::Positive)
                || (c.number == 10 && c.polarity == Polarity::Negative)
        })
        .map(|(n, _)| n.clone())
        .collect();
    pins.extend(
        doc.nodes()
            .filter(|n| n.kind() == NodeKind::Condition)
            .cloned(),
    );
    assert_eq!(pins.len(), 3);
    let edits = pins
        .iter()
        .map(|n| {
            let mut node = n.clone();
            node.pinned = true;
            Edit::ReplaceNode { node }
        })
        .collect();
    Edit::Batch(edits).apply(&mut doc).expect("pins");
    let edit =
        tidy_edit(&doc, &BTreeSet::new(), &LayeredLayout::default()).expect("something to tidy");
    edit.apply(&mut doc).expect("applies");
    for pin in &pins {
        assert_eq!(
            doc.node(pin.id).expect("still there").position,
            pin.position,
            "{} is pinned",
            pin.label()
        );
    }
    assert_no_overlaps(&doc);
    // Not pinned, the rest did move.
    let moved = doc
        .nodes()
        .filter(|n| !n.pinned && n.kind() != NodeKind::Region)
        .filter(|n| {
            cmoc_canvas::file::example_document()
                .node(n.id)
                .is_some_and(|before| before.position != n.position)
        })
        .count();
    assert!(moved > 10, "only {moved} nodes moved");
}

/// Far out (below 12%), a card is a box with its badge alone, as large as the box holds: at
/// 10% every badge of the example reads at legible size, inside its box.
#[test]
fn far_out_each_card_shows_its_badge_alone() {
    use cmoc_canvas::scene::text::TextMeasure;
    use cmoc_canvas::scene::{Lod, Palette, Prim, Scene, TextRole};
    let doc = cmoc_canvas::file::example_document();
    let mut scene = Scene::build(&doc, &Palette::for_dark_mode(false));
    let mut measure = TextMeasure::new();
    let zoom = 0.1;
    assert_eq!(Lod::for_zoom(zoom), Lod::Boxes);
    let mut badges = Vec::new();
    for index in 0..scene.nodes.len() {
        let (rect, badge) = {
            let n = &scene.nodes[index];
            (n.rect, n.badge.clone())
        };
        let drawing = scene.drawing_now(index, Lod::Boxes).expect("drawn").clone();
        let texts: Vec<_> = drawing
            .prims
            .iter()
            .filter_map(|p| match p {
                Prim::Text(run) => Some(run),
                _ => None,
            })
            .collect();
        let Some(badge) = badge else {
            assert!(texts.is_empty(), "only cards carry words this far out");
            continue;
        };
        assert_eq!(texts.len(), 1);
        let run = texts[0];
        assert_eq!(run.role, TextRole::Badge);
        assert_eq!(run.text, badge.short_text());
        assert!(
            run.size * zoom >= 9.0,
            "“{}” is {} px",
            run.text,
            run.size * zoom
        );
        let line = measure.line_size(&run.text, run.size);
        let inside = emath::Rect::from_min_size(rect.min + run.pos.to_vec2(), line);
        assert!(
            rect.expand(0.5).contains_rect(inside),
            "“{}” sticks out of its box",
            run.text
        );
        badges.push(run.text.clone());
    }
    assert_eq!(badges.len(), 27);
    assert!(badges.contains(&"-ve 10".to_string()) && badges.contains(&"22".to_string()));
}

/// No two nodes (regions aside) overlap.
fn assert_no_overlaps(doc: &cmoc_canvas::model::Document) {
    let boxes: Vec<_> = doc
        .nodes()
        .filter(|n| n.kind() != NodeKind::Region)
        .map(|n| (n.label(), n.rect()))
        .collect();
    for (i, (a, ra)) in boxes.iter().enumerate() {
        for (b, rb) in &boxes[i + 1..] {
            assert!(!ra.overlaps(rb), "{a} overlaps {b}");
        }
    }
}

/// Issue 19, item 8: the first view on a 1366×768 laptop is readable — the legend starts
/// closed so the diagram has the room, no box with words is blank, and every CMOC card shows
/// at least two whole words of its title (or, without one, of its context).
#[test]
fn the_first_view_on_a_laptop_has_no_blank_box_and_two_words_a_card() {
    use cmoc_canvas::scene::{Lod, Palette, Prim, Scene, TextRole};
    let (_dir, h) = common::editor_harness_sized(egui::vec2(1366.0, 768.0));
    let zoom = h.state().canvas.camera.zoom;
    assert!(
        h.state().canvas.legend_height < 60.0,
        "the legend starts closed on a laptop: {} px",
        h.state().canvas.legend_height
    );
    assert!(zoom >= 0.27, "the diagram fills the canvas: {zoom}");
    let lod = Lod::for_zoom(zoom);
    let doc = h.state().editor.doc().clone();
    let mut scene = Scene::build(&doc, &Palette::for_dark_mode(false));
    for index in 0..scene.nodes.len() {
        let (has_words, is_card, name, title_words) = {
            let n = &scene.nodes[index];
            let title_words = n.title.split_whitespace().count();
            let words = !n.title.trim().is_empty()
                || !n.body.trim().is_empty()
                || n.sections.iter().any(|s| !s.text.trim().is_empty());
            (words, n.badge.is_some(), n.name.clone(), title_words)
        };
        if !has_words {
            continue;
        }
        let drawing = scene.drawing_now(index, lod).expect("drawn").clone();
        let shown: Vec<String> = drawing
            .prims
            .iter()
            .filter_map(|p| match p {
                Prim::Text(run) if run.role != TextRole::Badge => Some(run.text.clone()),
                _ => None,
            })
            .collect();
        assert!(!shown.is_empty(), "{name} is a blank box");
        if is_card {
            // No word is ever broken: "recognised…" is the whole word, more words following.
            let whole: usize = shown
                .join(" ")
                .split_whitespace()
                .filter(|w| w.trim_end_matches('…').chars().any(char::is_alphanumeric))
                .count();
            assert!(
                whole >= 2 || (title_words > 0 && whole == title_words),
                "{name} shows {shown:?}"
            );
        }
    }
}
