//! Figures exported from the holding example: the SVG keeps every card's number and text,
//! negative cards are dashed, arrows have heads; the PNG has the right size, is not blank, and
//! shows the legend when asked.

mod common;

use cmoc_canvas::edit::DiagramBuilder;
use cmoc_canvas::interchange::{FigureOptions, figure_png, figure_svg};
use cmoc_canvas::model::{CmocCard, Document, NodeKind, Point, Polarity};
use std::collections::BTreeSet;

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// All text inside an element, line elements joined by spaces.
fn text_of(node: roxmltree::Node<'_, '_>, class: Option<&str>) -> String {
    let parts: Vec<&str> = node
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter(|n| class.is_none_or(|c| n.attribute("class") == Some(c)))
        .filter_map(|n| n.text())
        .collect();
    words(&parts.join(" "))
}

#[test]
fn the_svg_holds_every_card_with_its_number_and_text() {
    let doc = common::holding();
    let svg = figure_svg(&doc, &FigureOptions::default()).expect("exports");
    let tree = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let cards: Vec<_> = tree
        .descendants()
        .filter(|n| n.attribute("data-cmoc").is_some())
        .collect();
    assert_eq!(cards.len(), 27, "one group per CMOC card");
    for (node, card) in doc.cmoc_cards() {
        let group = cards
            .iter()
            .find(|g| g.attribute("data-node") == Some(&node.id.0.to_string()))
            .unwrap_or_else(|| panic!("{} is in the SVG", card.badge()));
        assert_eq!(
            group.attribute("data-cmoc"),
            Some(card.number.to_string().as_str())
        );
        assert_eq!(text_of(*group, Some("badge")), card.badge());
        for (class, text) in [
            ("context", &card.context),
            ("mechanism", &card.mechanism),
            ("outcome", &card.outcome),
        ] {
            assert_eq!(
                text_of(*group, Some(class)),
                words(text),
                "{} {class}",
                card.badge()
            );
        }
        let shape = group
            .descendants()
            .find(|n| n.attribute("class") == Some("shape"))
            .expect("a card outline");
        let dashed = shape.attribute("stroke-dasharray").is_some();
        assert_eq!(
            dashed,
            card.polarity == Polarity::Negative,
            "{} dashing",
            card.badge()
        );
    }
    let edges: Vec<_> = tree
        .descendants()
        .filter(|n| n.attribute("data-edge").is_some())
        .collect();
    assert_eq!(edges.len(), doc.edge_count());
    for edge in edges {
        assert!(
            edge.descendants()
                .any(|n| n.attribute("class") == Some("arrowhead")),
            "every arrow has a head"
        );
    }
    // Other nodes' text is there too, and the font is embedded.
    let regions = doc.nodes().filter(|n| n.kind() == NodeKind::Region).count();
    assert_eq!(
        tree.descendants()
            .filter(|n| n.attribute("class") == Some("node region"))
            .count(),
        regions
    );
    assert!(svg.contains("@font-face") && svg.contains("data:font/ttf;base64,"));
}

#[test]
fn svg_escapes_text_and_a_selection_exports_only_its_nodes() {
    let mut b = DiagramBuilder::new("Escapes <&>");
    let a = b.cmoc(
        CmocCard::new(1, "x < y & \"z\"", "m", "o"),
        Point::new(0.0, 0.0),
        None,
    );
    b.cmoc(
        CmocCard::new(2, "c", "m", "o"),
        Point::new(400.0, 0.0),
        None,
    );
    let doc = b.finish();
    let svg = figure_svg(
        &doc,
        &FigureOptions {
            only: Some(BTreeSet::from([a])),
            title: true,
            ..FigureOptions::default()
        },
    )
    .expect("exports");
    let tree = roxmltree::Document::parse(&svg).expect("well-formed despite <&>");
    let cards: Vec<_> = tree
        .descendants()
        .filter_map(|n| n.attribute("data-cmoc"))
        .collect();
    assert_eq!(cards, vec!["1"]);
    assert!(text_of(tree.root(), None).contains("x < y & \"z\""));
    assert!(text_of(tree.root(), Some("figure-title")).contains("Escapes <&>"));
    assert!(figure_svg(&Document::new("empty"), &FigureOptions::default()).is_err());
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

fn small_diagram() -> Document {
    let mut b = DiagramBuilder::new("Two cards");
    let mut negative = CmocCard::new(1, "c", "m", "o");
    negative.polarity = Polarity::Negative;
    let x = b.cmoc(
        CmocCard::new(1, "When c", "because m", "then o"),
        Point::new(0.0, 0.0),
        None,
    );
    let y = b.cmoc(negative, Point::new(400.0, 0.0), None);
    b.connect(x, y);
    b.finish()
}

#[test]
fn png_size_follows_the_scale_and_the_picture_is_not_blank() {
    let doc = small_diagram();
    let options = FigureOptions::default();
    let svg = figure_svg(&doc, &options).expect("svg");
    let tree = roxmltree::Document::parse(&svg).expect("svg");
    let root = tree.root_element();
    let width: f32 = root
        .attribute("width")
        .and_then(|w| w.parse().ok())
        .expect("width");
    let height: f32 = root
        .attribute("height")
        .and_then(|h| h.parse().ok())
        .expect("height");
    for scale in [1.0_f32, 2.0, 4.0] {
        let png = figure_png(&doc, &options, scale).expect("renders");
        let (w, h) = png_size(&png);
        assert_eq!(
            (w, h),
            (
                (width * scale).ceil() as u32,
                (height * scale).ceil() as u32
            ),
            "scale {scale}"
        );
    }
    let png = figure_png(&doc, &options, 1.0).expect("renders");
    let image = decode(&png);
    let distinct: BTreeSet<[u8; 4]> = image.pixels.iter().copied().collect();
    assert!(distinct.len() > 50, "{} colours: not blank", distinct.len());
}

#[test]
fn the_legend_is_drawn_when_asked_and_transparency_is_kept() {
    let doc = small_diagram();
    let plain = decode(&figure_png(&doc, &FigureOptions::default(), 1.0).expect("renders"));
    let with_legend = decode(
        &figure_png(
            &doc,
            &FigureOptions {
                legend: true,
                ..FigureOptions::default()
            },
            1.0,
        )
        .expect("renders"),
    );
    assert!(
        with_legend.height > plain.height + 40,
        "room for the legend"
    );
    // The legend explains what the figure shows: two kinds of card, no theory or region.
    let svg = figure_svg(
        &doc,
        &FigureOptions {
            legend: true,
            ..FigureOptions::default()
        },
    )
    .expect("svg");
    assert!(svg.contains("-ve CMOC n: not activated"));
    assert!(
        !svg.contains(">Theory<") && !svg.contains(">Region<"),
        "only kinds shown"
    );
    // The band below the diagram has ink in it only with the legend.
    let ink = |img: &Image, from_row: u32| {
        img.pixels
            .iter()
            .enumerate()
            .filter(|(i, p)| (*i as u32) / img.width >= from_row && p[..3] != [255, 255, 255])
            .count()
    };
    assert!(
        ink(&with_legend, plain.height) > 500,
        "legend swatches and labels"
    );
    let transparent = decode(
        &figure_png(
            &doc,
            &FigureOptions {
                transparent: true,
                ..FigureOptions::default()
            },
            1.0,
        )
        .expect("renders"),
    );
    assert_eq!(transparent.pixels[0][3], 0, "the corner is see-through");
    assert_eq!(
        plain.pixels[0],
        [255, 255, 255, 255],
        "white background by default"
    );
}

#[test]
fn the_whole_example_renders_to_png() {
    let png = figure_png(&common::holding(), &FigureOptions::default(), 1.0).expect("renders");
    let (w, h) = png_size(&png);
    assert!(w > 2000 && h > 1500, "{w} × {h}");
}

struct Image {
    width: u32,
    height: u32,
    pixels: Vec<[u8; 4]>,
}

/// Decodes a PNG with resvg's own decoder (tiny-skia).
fn decode(png: &[u8]) -> Image {
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).expect("decodes");
    let pixels = pixmap
        .pixels()
        .iter()
        .map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Image {
        width: pixmap.width(),
        height: pixmap.height(),
        pixels,
    }
}

#[test]
fn exporting_from_the_editor_never_writes_over_the_open_diagram() {
    use cmoc_canvas::app::figures::{FigureDialog, export_figure, export_table};
    use cmoc_canvas::session::{Editor, Origin};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("holding.ron");
    std::fs::write(&path, cmoc_canvas::file::HOLDING_EXAMPLE).expect("write");
    let editor = Editor::new(
        cmoc_canvas::file::example_document(),
        Origin::File(path.clone()),
    );
    let err = export_figure(&editor, &FigureDialog::default(), &path).expect_err("refused");
    assert!(err.contains("also the file being read"), "{err}");
    let err = export_table(
        &editor,
        cmoc_canvas::interchange::TableFormat::Csv,
        None,
        &path,
    )
    .expect_err("refused");
    assert!(err.contains("also the file being read"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        cmoc_canvas::file::HOLDING_EXAMPLE
    );
    let svg = dir.path().join("holding.svg");
    export_figure(&editor, &FigureDialog::default(), &svg).expect("an SVG beside it is fine");
}

#[test]
fn a_png_too_large_is_refused_before_work_with_its_size_and_a_scale_that_fits() {
    let mut b = DiagramBuilder::new("far apart");
    for x in [0.0, 40_000.0] {
        b.cmoc(CmocCard::new(1, "c", "m", "o"), Point::new(x, 0.0), None);
    }
    let doc = b.finish();
    let err = figure_png(&doc, &FigureOptions::default(), 2.0).expect_err("too large");
    let message = err.to_string();
    assert!(message.contains("pixels"), "{message}");
    assert!(message.contains("At scale 0.4"), "{message}");
    assert!(message.contains("Nothing was written"), "{message}");
    // The suggested scale works.
    let png = figure_png(&doc, &FigureOptions::default(), 0.4).expect("fits at the suggestion");
    assert!(png_size(&png).0 <= 16_384);
}

#[test]
fn the_export_dialogs_offer_the_scenario_shown() {
    use cmoc_canvas::app::EditorApp;
    use cmoc_canvas::app::dialogs::{Modal, ScriptedDialogs};
    use cmoc_canvas::app::figures::{export_figure, export_table};
    use cmoc_canvas::session::Action;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = EditorApp::start(
        None,
        Some(dir.path().join("settings.ron")),
        Box::new(ScriptedDialogs::default()),
    );
    app.canvas.scenario = Some(1);
    app.perform(Action::ExportFigure);
    let Some(Modal::ExportFigure(dialog)) = app.desk.modal.clone() else {
        panic!("the figure dialog opens");
    };
    assert_eq!(
        dialog.scenario.as_deref(),
        Some("Not recognised or not supported"),
        "the figure shows what the canvas shows unless changed"
    );
    let svg = dir.path().join("what-if.svg");
    export_figure(&app.editor, &dialog, &svg).expect("exports");
    let text = std::fs::read_to_string(&svg).expect("written");
    assert!(text.contains(">What if: Not recognised or not supported<"));
    assert!(
        text.contains(">-ve CMOC active: failure happens<"),
        "legend"
    );
    let csv = dir.path().join("table.csv");
    export_table(
        &app.editor,
        cmoc_canvas::interchange::TableFormat::Csv,
        app.canvas.scenario,
        &csv,
    )
    .expect("exports");
    let table = std::fs::read_to_string(&csv).expect("written");
    assert!(table.starts_with(
        "No.,Polarity,Context,Mechanism,Outcome,Evidence sources,State in “Not recognised or not supported”\r\n"
    ));
}

#[test]
fn the_example_exports_to_a_pdf_whose_text_a_reader_can_find() {
    use cmoc_canvas::interchange::{FigureLayout, figure_pdf};
    let doc = cmoc_canvas::file::example_document();
    let options = FigureOptions {
        legend: true,
        ..FigureOptions::default()
    };
    let bytes = figure_pdf(&doc, &options).expect("a PDF");
    assert!(bytes.starts_with(b"%PDF-"));
    // One page, sized to the figure (1 diagram unit = 1 pt).
    let frame = FigureLayout::new(&doc, &options).expect("laid out").frame;
    let raw = String::from_utf8_lossy(&bytes);
    let media = raw
        .split("/MediaBox[")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("a media box");
    let numbers: Vec<f32> = media
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    assert_eq!(numbers.len(), 4, "{media}");
    assert!(
        (numbers[2] - numbers[0] - frame.width()).abs() < 1.0,
        "{media}"
    );
    assert!(
        (numbers[3] - numbers[1] - frame.height()).abs() < 1.0,
        "{media}"
    );
    assert_eq!(
        raw.matches("/Type/Page/").count() + raw.matches("/Type/Page>").count(),
        1
    );
    // The font is embedded and the text can be extracted: every CMOC badge is there.
    assert!(raw.contains("/FontFile2"), "the font is embedded");
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("text extracts");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (_, card) in doc.cmoc_cards() {
        assert!(
            text.contains(&card.badge()),
            "“{}” found in the PDF",
            card.badge()
        );
    }
    assert!(text.contains("Holding recognised as a legitimate"));
}

#[test]
fn copy_as_picture_puts_the_selection_on_the_clipboard() {
    use cmoc_canvas::session::Action;
    let (_dir, mut h) = common::editor_harness_sized(egui::vec2(1280.0, 800.0));
    let card = h
        .state()
        .editor
        .doc()
        .find_cmoc(13, Polarity::Positive)
        .expect("CMOC 13")
        .id;
    h.state_mut().editor.selection.set_node(card);
    h.state_mut().perform(Action::CopyPicture);
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyImage(image) => Some(image.size),
            _ => None,
        });
    let [w, h_px] = copied.expect("an image on the clipboard");
    let rect = h.state().editor.doc().node(card).expect("card").rect();
    // The card and the figure's margins, at twice the size.
    assert!(w as f32 >= rect.width() * 2.0 && h_px as f32 >= rect.height() * 2.0);
    // Only the selection: the card and margins, or a figure's least width (620).
    assert!(
        (w as f32) <= (rect.width() + 60.0).max(620.0) * 2.0 + 2.0,
        "only the selection: {w}"
    );
    assert!(
        h.state()
            .editor
            .status
            .starts_with("Copied the selection as a picture")
    );
}

/// A diagram narrower than the narrowest figure sits in its middle, not against its left.
#[test]
fn a_small_diagram_sits_in_the_middle_of_its_figure() {
    use cmoc_canvas::interchange::FigureLayout;
    let mut b = DiagramBuilder::new("One card");
    b.cmoc(
        CmocCard::new(1, "When c", "because m", "then o"),
        Point::new(100.0, 50.0),
        None,
    );
    let doc = b.finish();
    let card = doc.nodes().next().expect("card").rect();
    let frame = FigureLayout::new(&doc, &FigureOptions::default())
        .expect("laid out")
        .frame;
    let left = card.min.x - frame.min.x;
    let right = frame.max.x - card.max.x;
    assert!(frame.width() > card.width() + 200.0, "{frame:?}");
    assert!((left - right).abs() < 1.0, "left {left}, right {right}");
}

#[test]
fn an_untitled_diagram_prints_no_title() {
    let mut b = DiagramBuilder::new(cmoc_canvas::model::UNTITLED);
    b.cmoc(CmocCard::new(1, "c", "m", "o"), Point::new(0.0, 0.0), None);
    let doc = b.finish();
    let options = FigureOptions {
        title: true,
        ..FigureOptions::default()
    };
    let svg = figure_svg(&doc, &options).expect("svg");
    assert!(
        !svg.contains("class=\"figure-title\""),
        "no placeholder title"
    );
    let named = small_diagram();
    let svg = figure_svg(&named, &options).expect("svg");
    assert!(svg.contains(">Two cards<"), "a real title is printed");
    assert!(
        svg.contains("class=\"figure-title\""),
        "the check above looks for the right class"
    );
}

#[test]
fn a_figure_writes_each_appraised_cmocs_status_when_asked() {
    let doc = common::holding();
    let plain = figure_svg(&doc, &FigureOptions::default()).expect("svg");
    assert!(!plain.contains(r#"class="status""#), "only when asked");
    let options = FigureOptions {
        statuses: true,
        ..FigureOptions::default()
    };
    let svg = figure_svg(&doc, &options).expect("svg");
    assert_eq!(svg.matches(r#"class="status""#).count(), 27);
    let card = doc
        .find_cmoc(4, cmoc_canvas::model::Polarity::Positive)
        .map(|n| n.id.0)
        .expect("CMOC 4");
    assert!(svg.contains(&format!(
        r#"class="status" data-node="{card}" data-status="refined""#
    )));
    assert!(
        svg.contains(">REFINED<"),
        "the word is written, not a colour"
    );
}
