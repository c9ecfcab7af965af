//! CMOC tables in and out: the shipped Table 4 round trip, and CSV files as spreadsheets
//! really write them, bad rows included.

use cmoc_canvas::edit::Edit;
use cmoc_canvas::interchange::{TableFormat, import_csv, import_edit, write_table};
use cmoc_canvas::model::{Document, NodeKind, Polarity};

mod common;

const TABLE4: &str = include_str!("../assets/examples/table4.csv");

#[test]
fn table_4_imports_as_24_cmocs_and_exports_back_byte_for_byte() {
    let result = import_csv(TABLE4).expect("reads");
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    assert_eq!(result.cards.len(), 24);
    let numbers: Vec<u32> = result.cards.iter().map(|c| c.number).collect();
    assert_eq!(numbers, (1..=24).collect::<Vec<_>>());
    let mut doc = Document::new("imported");
    let edit = import_edit(&doc, result.cards, "Imported from table4.csv");
    edit.apply(&mut doc).expect("applies");
    assert_eq!(doc.count_kind(NodeKind::Cmoc), 24);
    assert_eq!(doc.count_kind(NodeKind::Region), 1);
    assert_eq!(write_table(&doc, TableFormat::Csv), TABLE4);
}

#[test]
fn imported_cards_sit_tidily_inside_their_region_without_overlapping() {
    let mut doc = cmoc_canvas::file::example_document();
    let before = doc.clone();
    let cards = import_csv(TABLE4).expect("reads").cards;
    let edit = import_edit(&doc, cards, "Imported");
    let inverse = edit.apply(&mut doc).expect("applies");
    let region = doc
        .nodes()
        .find(|n| matches!(&n.content, cmoc_canvas::model::NodeContent::Region(b) if b.title == "Imported"))
        .map(|n| n.rect())
        .expect("a new region");
    let new_cards: Vec<_> = doc
        .nodes()
        .filter(|n| before.node(n.id).is_none() && n.kind() == NodeKind::Cmoc)
        .map(|n| n.rect())
        .collect();
    assert_eq!(new_cards.len(), 24);
    for (i, a) in new_cards.iter().enumerate() {
        assert!(region.contains_rect(a), "inside the region");
        for b in &new_cards[i + 1..] {
            assert!(!a.overlaps(b));
        }
    }
    let old_bounds = before.bounds().expect("example has nodes");
    assert!(
        !region.overlaps(&old_bounds),
        "the region is placed clear of the diagram"
    );
    // One undo step takes it all away.
    inverse.apply(&mut doc).expect("undo");
    assert_eq!(doc, before);
}

#[test]
fn a_messy_spreadsheet_file_imports_the_good_rows_and_names_the_bad_lines() {
    let text = "\u{feff}No.;Title;Context;Mechanism;Outcome;Polarity\r\n\
1;Trust;\"When patients, who are alone,\nmeet a link worker\";\"because they feel \"\"held\"\"\";they open up;positive\r\n\
two;Bad number;c;m;o;positive\r\n\
-ve CMOC 3;Failure;When rushed;because pressured;they disengage;\r\n\
4;Bad polarity;c;m;o;maybe\r\n\
5;Short\r\n\
6;Fine;c6;m6;o6;negative\r\n\
\r\n\
;;;;;\r\n\
\r\n";
    let result = import_csv(text).expect("reads");
    let numbers: Vec<(u32, Polarity)> = result
        .cards
        .iter()
        .map(|c| (c.number, c.polarity))
        .collect();
    assert_eq!(
        numbers,
        vec![
            (1, Polarity::Positive),
            (3, Polarity::Negative),
            (6, Polarity::Negative)
        ]
    );
    assert_eq!(
        result.cards[0].context,
        "When patients, who are alone,\nmeet a link worker"
    );
    assert_eq!(result.cards[0].mechanism, "because they feel \"held\"");
    assert_eq!(result.cards[0].title, "Trust");
    let lines: Vec<u64> = result.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![4, 6, 7], "{:?}", result.problems);
    assert!(
        result.problems[0]
            .message
            .contains("“two” is not a CMOC number")
    );
    assert!(
        result.problems[1]
            .message
            .contains("“maybe” is not a polarity")
    );
    assert!(
        result.problems[2]
            .message
            .contains("fewer than the columns")
    );
}

#[test]
fn comma_and_tab_separated_files_work_too() {
    let comma = "Number,Context,Mechanism,Outcome\n7,\"a, b\",m,o\n";
    assert_eq!(import_csv(comma).expect("reads").cards[0].context, "a, b");
    let tab = "No.\tContext\tMechanism\tOutcome\n8\tc\tm\to\n";
    assert_eq!(import_csv(tab).expect("reads").cards[0].number, 8);
}

#[test]
fn importing_is_one_undoable_step_in_the_history() {
    let mut doc = Document::new("x");
    let start = doc.clone();
    let mut history = cmoc_canvas::edit::History::new();
    let cards = import_csv(TABLE4).expect("reads").cards;
    let edit = import_edit(&doc, cards, "Imported");
    history
        .apply(&mut doc, edit, "Import 24 CMOCs")
        .expect("applies");
    assert_eq!(history.undo_len(), 1);
    history.undo(&mut doc).expect("undo");
    assert_eq!(doc, start);
    let _ = Edit::Batch(vec![]);
}

#[test]
fn cells_a_spreadsheet_would_run_are_exported_safe_and_imported_unchanged() {
    use cmoc_canvas::model::CmocCard;
    let texts = [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "-ve feelings about the service",
        "+ more support",
        "@home visits",
    ];
    let cards: Vec<CmocCard> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| CmocCard {
            number: u32::try_from(i + 1).expect("small"),
            context: (*t).to_string(),
            mechanism: format!("m{i}"),
            outcome: "=1+1".into(),
            ..CmocCard::default()
        })
        .collect();
    let mut doc = Document::new("formulas");
    import_edit(&doc, cards, "cards")
        .apply(&mut doc)
        .expect("applies");
    let csv = write_table(&doc, TableFormat::Csv);
    for line in csv.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !matches!(cell.chars().next(), Some('=' | '+' | '-' | '@')),
                "a spreadsheet would run {cell:?} in {line:?}"
            );
        }
    }
    let back = import_csv(&csv).expect("reads");
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    let contexts: Vec<&str> = back.cards.iter().map(|c| c.context.as_str()).collect();
    assert_eq!(contexts, texts);
    assert!(back.cards.iter().all(|c| c.outcome == "=1+1"));
}

#[test]
fn old_mac_line_ends_an_unclosed_quote_and_a_huge_file_are_told_by_line_and_size() {
    // Carriage returns only (older Mac Excel): the bad row is on line 3, not "line 1".
    let mac = "No.,Context,Mechanism,Outcome\r1,c,m,o\rx,c,m,o\r3,c,m,o\r";
    let result = import_csv(mac).expect("reads");
    assert_eq!(result.cards.len(), 2);
    assert_eq!(result.problems.len(), 1, "{:?}", result.problems);
    assert_eq!(result.problems[0].line, 3, "{:?}", result.problems);

    // An unterminated quote would swallow every row after it: say where it began.
    let open = "No.,Context,Mechanism,Outcome\n1,c,m,o\n2,\"never closed,m,o\n3,c,m,o\n4,c,m,o\n";
    let err = import_csv(open).expect_err("refused");
    let message = err.to_string();
    assert!(message.starts_with("Line 3:"), "{message}");
    assert!(message.contains("never closed"), "{message}");
    // Quotes used properly, with escaped quotes and line breaks inside, are fine.
    let fine = "No.,Context,Mechanism,Outcome\n1,\"say \"\"hi\"\"\nthen go\",m,o\n2,5\" tall,m,o\n";
    assert_eq!(import_csv(fine).expect("reads").cards.len(), 2);

    // A file larger than an import allows is refused by its size, before it is read.
    let dir = tempfile::tempdir().expect("temp dir");
    let huge = dir.path().join("huge.csv");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(1_000_000_000).expect("a sparse 1 GB file");
    let err = cmoc_canvas::interchange::read_table_file(&huge).expect_err("refused");
    assert!(err.to_string().contains("1000 MB"), "{err}");
}

/// Table 4 of the paper as printed: "No." and one marked sentence per CMOC, transcribed from
/// the reference text.
const TABLE4_SENTENCES: &str = include_str!("fixtures/import/table4-sentences.csv");

#[test]
fn the_papers_table_4_as_marked_sentences_imports_as_24_cards_split_at_the_marks() {
    use cmoc_canvas::interchange::marked::Part;
    let result = import_csv(TABLE4_SENTENCES).expect("reads");
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    assert!(result.warnings.is_empty(), "{:?}", result.warnings);
    assert_eq!(result.cards.len(), 24);
    // The same C, M and O as the table with separate columns (our own transcription of the
    // paper's parts), word for word.
    let columns = import_csv(TABLE4).expect("reads").cards;
    for (sentence, parts) in result.cards.iter().zip(&columns) {
        assert_eq!(sentence.number, parts.number);
        let n = sentence.number;
        assert_eq!(sentence.context, parts.context, "CMOC {n} context");
        assert_eq!(
            sentence.mechanism.to_lowercase(),
            parts.mechanism.to_lowercase(),
            "CMOC {n} mechanism"
        );
        // Our column transcription wrote CMOC 18's dash as a comma; the sentence keeps the
        // paper's "needs—including".
        assert_eq!(
            sentence.outcome.to_lowercase().replace('—', ", "),
            parts.outcome.to_lowercase(),
            "CMOC {n} outcome"
        );
    }
    let card = |n: u32| &result.cards[n as usize - 1];
    let split = |n: u32| result.splits[n as usize - 1].clone().expect("split");
    assert_eq!(
        split(23).order,
        [Part::Context, Part::Mechanism, Part::Outcome]
    );
    assert_eq!(
        split(1).order,
        [Part::Context, Part::Outcome, Part::Mechanism]
    );
    assert!(
        card(11).mechanism.starts_with("as they feel"),
        "{}",
        card(11).mechanism
    );
    assert!(card(23).outcome.starts_with("So they are more able"));
}

#[test]
fn header_variants_number_forms_resource_response_and_unsplittable_rows() {
    let text = "CMOC no.,Context (C),Mechanisms,Outcome(s)\n\
                1. Feeling heard,When a,because b,then c\n\
                -ve CMOC 9,When d,support (resource) -> feeling safe (response),then f\n\
                10 (-ve),When g,h => i,then j\n";
    let result = import_csv(text).expect("reads");
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    let cards = &result.cards;
    assert_eq!(
        (cards[0].number, cards[0].title.as_str()),
        (1, "Feeling heard")
    );
    assert_eq!(
        (cards[1].number, cards[1].polarity),
        (9, Polarity::Negative)
    );
    assert_eq!(cards[1].mechanism_resource, "support");
    assert_eq!(cards[1].mechanism_reasoning, "feeling safe");
    assert_eq!(
        (cards[2].number, cards[2].polarity),
        (10, Polarity::Negative)
    );
    assert_eq!(
        (
            cards[2].mechanism_resource.as_str(),
            cards[2].mechanism_reasoning.as_str()
        ),
        ("h", "i")
    );
    // A sentence that cannot be split for sure comes in whole, in the context, named by line.
    let text = "No.,CMOC\n1,When a (C) then b (O) because c (M)\n2,When d then e because f\n3,When g (C) then h (O) because i\n";
    let result = import_csv(text).expect("reads");
    assert_eq!(result.cards.len(), 3, "{:?}", result.problems);
    assert_eq!(result.cards[1].context, "When d then e because f");
    assert!(result.cards[1].mechanism.is_empty());
    let lines: Vec<u64> = result.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [3, 4], "{:?}", result.warnings);
    assert!(result.warnings[0].message.contains("came in whole"));
    assert!(result.warnings[1].message.contains("“because i”"));
}

#[test]
fn numbers_already_in_the_diagram_are_renumbered_skipped_or_kept() {
    use cmoc_canvas::interchange::Duplicates;
    let doc = cmoc_canvas::file::example_document();
    let result = import_csv("No.,C,M,O\n1,a,b,c\n99,d,e,f\n1,g,h,i\n").expect("reads");
    assert_eq!(result.already_in(&doc), [(1, Polarity::Positive)]);
    let mut renumbered = result.clone();
    assert_eq!(renumbered.resolve_duplicates(&doc, Duplicates::Renumber), 2);
    let numbers: Vec<u32> = renumbered.cards.iter().map(|c| c.number).collect();
    assert_eq!(numbers, [100, 99, 101]);
    let mut skipped = result.clone();
    skipped.resolve_duplicates(&doc, Duplicates::Skip);
    assert_eq!(skipped.cards.len(), 1);
    assert_eq!(skipped.lines, [3]);
    let mut kept = result.clone();
    assert_eq!(kept.resolve_duplicates(&doc, Duplicates::Keep), 0);
    assert_eq!(kept.cards.len(), 3);
}

#[test]
fn paste_a_table_into_the_import_dialog_and_the_new_cards_are_selected_in_view() {
    use cmoc_canvas::app::dialogs::Modal;
    let (_dir, mut h) = common::editor_harness_sized(egui::vec2(1366.0, 768.0));
    // Ctrl+V of three marked sentences copied from a paper (one broken across two lines, one
    // number the example already has).
    h.state_mut().paste_text(
        "1. When a link worker listens (C), patients open up (O) because they feel heard (M)\n\
         30. When support is missing (C), link workers burn out (O)\n\
         because the work is heavy (M)\n\
         31. When nothing is marked the row comes in whole\n",
    );
    h.run_steps(3);
    assert!(
        matches!(h.state().desk.modal, Some(Modal::ImportTable(_))),
        "a pasted table opens the import dialog"
    );
    use egui_kittest::kittest::Queryable;
    {
        assert!(
            h.query_by_label_contains("Already in the diagram: CMOC 1")
                .is_some()
        );
        assert!(h.query_by_label_contains("comes in whole").is_some());
    }
    h.get_by_label("Import 3 CMOCs").click();
    h.run_steps(4);
    let app = h.state();
    assert!(app.desk.modal.is_none());
    let doc = app.editor.doc();
    let selected: Vec<_> = app.editor.selection.nodes.iter().copied().collect();
    assert_eq!(selected.len(), 3, "the new cards are selected");
    let numbers: Vec<u32> = selected
        .iter()
        .filter_map(|id| doc.node(*id).and_then(|n| n.content.cmoc()))
        .map(|c| c.number)
        .collect();
    assert!(numbers.contains(&30) && numbers.contains(&31));
    assert!(!numbers.contains(&1), "CMOC 1 was renumbered: {numbers:?}");
    // In view: every new card inside the canvas, above the legend.
    let canvas = app.canvas.rect;
    for id in &selected {
        let rect = doc.node(*id).expect("card").rect();
        let on_screen = app.canvas.camera.rect_to_screen(
            canvas,
            egui::Rect::from_min_max(
                egui::pos2(rect.min.x, rect.min.y),
                egui::pos2(rect.max.x, rect.max.y),
            ),
        );
        assert!(
            canvas.contains_rect(on_screen),
            "{on_screen:?} in {canvas:?}"
        );
    }
}

/// A table with a "Leads to" column: the arrows it names between the imported cards, and the
/// cards laid out along them (Tidy), as one undo step; names that are not cards are reported.
#[test]
fn a_links_column_makes_arrows_and_a_tidy_layout() {
    use cmoc_canvas::interchange::{Duplicates, import_linked_edit};
    let text = include_str!("fixtures/import/figure2-links.csv");
    let result = import_csv(text).expect("reads");
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    assert_eq!(result.cards.len(), 9);
    let place = |n: u32, p: Polarity| {
        result
            .cards
            .iter()
            .position(|c| c.number == n && c.polarity == p)
            .expect("card")
    };
    let pos = Polarity::Positive;
    assert_eq!(
        result.links[place(22, pos)],
        [place(24, pos), place(13, pos)]
    );
    assert_eq!(result.links[place(23, pos)], [place(12, pos)]);
    assert_eq!(result.links[place(13, pos)], [place(1, pos), place(5, pos)]);
    assert!(result.links[place(5, pos)].is_empty(), "“-” is no link");
    assert_eq!(
        result.links[place(10, Polarity::Negative)],
        [place(11, Polarity::Negative)]
    );
    // CMOC 99 is not in the table; "see above" is no number: both reported by line.
    let warnings: Vec<String> = result.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("line 9") && w.contains("CMOC 99")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("line 10") && w.contains("“see above”")),
        "{warnings:?}"
    );

    let mut doc = cmoc_canvas::file::example_document();
    let before = doc.clone();
    let edit = import_linked_edit(&doc, &result, "Imported");
    let undo = edit.apply(&mut doc).expect("applies");
    assert_eq!(doc.edge_count(), before.edge_count() + 8);
    let new_cards: Vec<_> = doc
        .nodes()
        .filter(|n| before.node(n.id).is_none() && n.kind() == NodeKind::Cmoc)
        .collect();
    assert_eq!(new_cards.len(), 9);
    // Laid out along the arrows: each new arrow points right, no new card overlaps another or
    // anything that was there, and the new region holds them all.
    for edge in doc.edges().filter(|e| before.edge(e.id).is_none()) {
        let (a, b) = (
            doc.node(edge.from).expect("from"),
            doc.node(edge.to).expect("to"),
        );
        assert!(
            a.rect().center().x < b.rect().center().x,
            "{} → {} points left",
            a.label(),
            b.label()
        );
    }
    for (i, a) in new_cards.iter().enumerate() {
        for b in &new_cards[i + 1..] {
            assert!(
                !a.rect().overlaps(&b.rect()),
                "{} overlaps {}",
                a.label(),
                b.label()
            );
        }
        for old in before.nodes().filter(|n| n.kind() != NodeKind::Region) {
            assert!(
                !a.rect().overlaps(&old.rect()),
                "{} lands on {}",
                a.label(),
                old.label()
            );
        }
    }
    let region = doc
        .nodes()
        .find(|n| before.node(n.id).is_none() && n.kind() == NodeKind::Region)
        .expect("a new region")
        .rect();
    assert!(new_cards.iter().all(|c| region.contains_rect(&c.rect())));
    undo.apply(&mut doc).expect("undoes");
    assert_eq!(doc, before, "one undo step");

    // Skipping a card that is already in the diagram drops the arrows to and from it too.
    let mut skipped = result.clone();
    let mut with_22 = Document::new("t");
    cmoc_canvas::edit::Edit::Batch(vec![import_edit(
        &with_22,
        vec![cmoc_canvas::model::CmocCard::new(22, "c", "m", "o")],
        "old",
    )])
    .apply(&mut with_22)
    .expect("adds 22");
    skipped.resolve_duplicates(&with_22, Duplicates::Skip);
    assert_eq!(skipped.cards.len(), 8);
    assert_eq!(skipped.links.len(), 8);
    let arrows: usize = skipped.links.iter().map(Vec::len).sum();
    assert_eq!(arrows, 6, "22's two arrows went with it");
    assert!(skipped.links.iter().flatten().all(|&t| t < 8));
}

/// Pasted from a spreadsheet with a "Leads to" column: the dialog shows each row's arrows,
/// the import brings them and lays the cards out along them, and one Ctrl+Z takes it all back.
#[test]
fn pasting_a_table_with_links_brings_the_arrows_and_one_undo_takes_them_back() {
    use cmoc_canvas::app::dialogs::Modal;
    use egui_kittest::kittest::Queryable;
    let (_dir, mut h) = common::editor_harness_sized(egui::vec2(1366.0, 768.0));
    let before = h.state().editor.doc().clone();
    h.state_mut().paste_text(
        "No.\tContext\tMechanism\tOutcome\tLeads to\n\
         40\tWhen a\tbecause b\tthen c\t41, 42\n\
         41\tWhen d\tbecause e\tthen f\t42\n\
         42\tWhen g\tbecause h\tthen i\t\n",
    );
    h.run_steps(3);
    assert!(matches!(h.state().desk.modal, Some(Modal::ImportTable(_))));
    assert!(
        h.query_by_label_contains("leads to CMOC 41, CMOC 42")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("makes 3 arrows between these cards")
            .is_some()
    );
    h.get_by_label("Import 3 CMOCs").click();
    h.run_steps(4);
    let doc = h.state().editor.doc().clone();
    assert_eq!(doc.edge_count(), before.edge_count() + 3);
    let x = |n: u32| {
        doc.find_cmoc(n, Polarity::Positive)
            .expect("imported")
            .rect()
            .center()
            .x
    };
    assert!(x(40) < x(41) && x(41) < x(42), "laid out along the arrows");
    assert!(
        h.state()
            .editor
            .status
            .contains("with 3 arrows between them"),
        "{}",
        h.state().editor.status
    );
    common::press(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(h.state().editor.doc(), &before, "one undo step");
}

/// A long table pasted on a 1366×768 laptop (Radcliffe et al., Table 3, as copied from the
/// PDF): the dialog fits the window, its Import button on screen, where before the pasted text
/// grew the dialog past the top and bottom of the window.
#[test]
fn a_long_pasted_table_leaves_the_import_button_on_a_laptop_screen() {
    use egui_kittest::kittest::Queryable;
    let (_dir, mut h) = common::editor_harness_sized(egui::vec2(1366.0, 768.0));
    let table = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import/radcliffe-table3.tsv"),
    )
    .expect("fixture");
    h.event(egui::Event::Paste(table));
    h.run_steps(4);
    let button = h.get_by_label_contains("Import 3 CMOCs");
    let rect = button.rect();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1366.0, 768.0));
    assert!(
        window.contains_rect(rect),
        "the Import button is at {rect:?}, off the 1366×768 window"
    );
    let heading = h.get_by_label("Import CMOC table").rect();
    assert!(
        window.contains_rect(heading),
        "the heading is at {heading:?}"
    );
    h.get_by_label_contains("Import 3 CMOCs").click();
    h.run_steps(3);
    assert!(h.state().desk.modal.is_none());
}
