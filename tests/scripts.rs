//! A researcher in Cairo, Tel Aviv, Beijing or Delhi gets their own words back: cards written
//! in Arabic, Hebrew, Chinese and Hindi, and an emoji, on the canvas's measure and in every
//! figure. Needs fonts for those scripts on the machine (`.ci/run` installs fonts-noto-core,
//! fonts-wqy-zenhei and fonts-symbola); without them the test says which to install.

use cmoc_canvas::edit::Edit;
use cmoc_canvas::interchange::{
    FigureLayout, FigureOptions, figure_pdf, figure_png, figure_svg, figure_text_report,
};
use cmoc_canvas::model::{Document, NodeContent};

const ARABIC: &str = "عندما يشعر المرضى بالاهتمام يعودون";
const HEBREW: &str = "כאשר המטופל מרגיש שמקשיבים לו";
const CHINESE: &str = "当患者感到被倾听时";
const HINDI: &str = "जब मरीज़ सुना हुआ महसूस करते हैं";
const EMOJI: &str = "patients smile 😀";

/// The example with five cards' contexts in other scripts; those cards.
fn example_in_five_scripts() -> (Document, Vec<cmoc_canvas::model::NodeId>) {
    let mut doc = cmoc_canvas::file::example_document();
    let mut badges = Vec::new();
    let cards: Vec<_> = doc.cmoc_cards().take(5).map(|(n, _)| n.clone()).collect();
    for (mut node, words) in cards
        .into_iter()
        .zip([ARABIC, HEBREW, CHINESE, HINDI, EMOJI])
    {
        if let NodeContent::Cmoc(card) = &mut node.content {
            card.context = words.to_string();
            badges.push(node.id);
        }
        Edit::ReplaceNode { node }.apply(&mut doc).expect("replace");
    }
    (doc, badges)
}

fn fonts_hint() -> &'static str {
    "install fonts for these scripts: apt-get install fonts-noto-core fonts-wqy-zenhei fonts-symbola"
}

#[test]
fn every_script_has_a_font_and_nothing_is_reported_missing() {
    let (doc, _) = example_in_five_scripts();
    assert_eq!(figure_text_report(&doc), None, "{}", fonts_hint());
    let layout = FigureLayout::new(&doc, &FigureOptions::default()).expect("layout");
    assert!(
        layout.fallbacks.len() >= 3,
        "system fonts found: {:?}",
        layout.fallbacks
    );
}

#[test]
fn the_svg_holds_each_text_in_reading_order_once() {
    let (doc, _) = example_in_five_scripts();
    let svg = figure_svg(&doc, &FigureOptions::default()).expect("svg");
    let tree = roxmltree::Document::parse(&svg).expect("well-formed");
    let texts: Vec<String> = tree
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.descendants().filter_map(|d| d.text()).collect::<String>())
        .collect();
    let all = texts.join(" ");
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    for script in [ARABIC, HEBREW, CHINESE, HINDI, EMOJI] {
        // Each text is there in reading order (before, the Arabic came out reversed, and
        // then again as it was).
        let first = script.split_whitespace().next().expect("a word");
        assert!(all.contains(first), "{first:?} in the SVG");
        let reversed: String = first.chars().rev().collect();
        if reversed != first {
            assert!(!all.contains(&reversed), "{reversed:?} reversed in the SVG");
        }
    }
    let joined = words(&all);
    for script in [ARABIC, HEBREW, HINDI] {
        // Broken into lines, but the words follow each other.
        let ws: Vec<&str> = script.split_whitespace().collect();
        let at: Vec<usize> = ws.iter().filter_map(|w| joined.find(w)).collect();
        assert_eq!(at.len(), ws.len(), "{script}");
        assert!(at.windows(2).all(|p| p[0] < p[1]), "{script} in order");
    }
}

#[test]
fn the_pdf_embeds_a_font_for_each_script_and_its_text_layer_reads_in_order() {
    let (doc, _) = example_in_five_scripts();
    let bytes = figure_pdf(&doc, &FigureOptions::default()).expect("pdf");
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.matches("/FontFile2").count() + raw.matches("/FontFile3").count() >= 4,
        "a font for each script: {}",
        fonts_hint()
    );
    // Read back as a reader's search or copy does (poppler's pdftotext: viewers put
    // right-to-left glyphs back in reading order as it does).
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("scripts.pdf");
    std::fs::write(&file, &bytes).expect("write");
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [HEBREW, CHINESE, HINDI, EMOJI, ARABIC] {
        // Arabic's lam-alef ligature comes back as its two letters in either order; the
        // other words exactly.
        for word in words.split_whitespace().take(3) {
            assert!(text.contains(word), "{word:?} in the PDF's text: {text}");
        }
    }
}

#[test]
fn the_png_draws_every_script_inside_its_card() {
    let (doc, badges) = example_in_five_scripts();
    let png = figure_png(&doc, &FigureOptions::default(), 1.0).expect("png");
    // Kept for a look: target/tmp/scripts.png.
    let _ = std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("scripts.png"),
        &png,
    );
    // Every line of each card's text fits the card (measured with the same fonts).
    let mut scene = cmoc_canvas::scene::Scene::build(&doc, &cmoc_canvas::scene::Palette::LIGHT);
    let all: Vec<usize> = (0..scene.nodes.len()).collect();
    scene.prepare(&all, cmoc_canvas::scene::Lod::Full);
    let mut checked = 0;
    for (i, node) in scene.nodes.iter().enumerate() {
        if !badges.contains(&node.id) {
            continue;
        }
        let rect = node.rect;
        let prims = scene
            .drawing(i, cmoc_canvas::scene::Lod::Full)
            .map(|d| d.prims.clone())
            .unwrap_or_default();
        for prim in &prims {
            if let cmoc_canvas::scene::Prim::Text(run) = prim {
                let width = cmoc_canvas::scene::text::TextMeasure::new()
                    .line_size(&run.text, run.size)
                    .x;
                // Drawings are in the node's own coordinates, from its top-left corner.
                assert!(
                    run.pos.x >= -0.5 && run.pos.x + width <= rect.width() + 0.5,
                    "{:?} runs past its card ({} + {width} > {})",
                    run.text,
                    run.pos.x,
                    rect.width()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 10, "{checked} lines checked");
}

#[test]
fn a_hebrew_card_naming_the_nhs_keeps_the_name_between_its_words_in_the_figure() {
    // "When the NHS listens": Hebrew, read from the right, with an English name inside.
    let (first, last) = ("כאשר", "מקשיב");
    let mut doc = cmoc_canvas::file::example_document();
    let mut node = doc
        .cmoc_cards()
        .next()
        .map(|(n, _)| n.clone())
        .expect("a card");
    if let NodeContent::Cmoc(card) = &mut node.content {
        card.context = format!("{first} NHS {last}");
    }
    Edit::ReplaceNode { node }.apply(&mut doc).expect("replace");
    let svg = figure_svg(&doc, &FigureOptions::default()).expect("svg");
    let tree = roxmltree::Document::parse(&svg).expect("well-formed");
    let x_of = |word: &str| {
        tree.descendants()
            .filter(|n| n.has_tag_name("text"))
            .find(|n| n.text().is_some_and(|t| t.trim() == word))
            .and_then(|n| n.attribute("x"))
            .and_then(|x| x.parse::<f32>().ok())
    };
    let (Some(right), Some(middle), Some(left)) = (x_of(first), x_of("NHS"), x_of(last)) else {
        panic!("each piece its own text element: {svg}");
    };
    // Before, the line was drawn as typed, left to right: the first Hebrew word on the left.
    assert!(
        left < middle && middle < right,
        "{left} < {middle} < {right}"
    );
}
