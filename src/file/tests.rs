use super::format::{Declared, declared_version};
use super::*;

#[test]
fn declared_version_is_read_without_parsing_the_rest() {
    assert_eq!(
        declared_version("(format_version: 7, junk"),
        Declared::Number(7)
    );
    assert_eq!(
        declared_version("(\n    format_version :  12,"),
        Declared::Number(12)
    );
    assert_eq!(declared_version("(title: \"x\")"), Declared::Missing);
    // Only the outermost field counts: not words in a title, a comment or a nested item.
    assert_eq!(
        declared_version("(metadata: (title: \"format_version: 7\"), format_version: 1)"),
        Declared::Number(1)
    );
    assert_eq!(
        declared_version(
            "(metadata: (title: r#\"a \"format_version: 7\" b\"#), format_version: 1)"
        ),
        Declared::Number(1)
    );
    assert_eq!(
        declared_version("( // format_version: 9\n /* format_version: 8 */ format_version: 1)"),
        Declared::Number(1)
    );
    assert_eq!(
        declared_version("(metadata: (format_version: 5))"),
        Declared::Missing
    );
    // Written values are kept as written.
    assert_eq!(
        declared_version("(format_version: -1)"),
        Declared::Other("-1".into())
    );
    let huge = declared_version("(format_version: 99999999999999999999999)");
    assert_eq!(huge.newer().as_deref(), Some("99999999999999999999999"));
    assert_eq!(
        declared_version("(format_version: 9)").newer().as_deref(),
        Some("9")
    );
    assert_eq!(declared_version("(format_version: 8)").newer(), None);
}

#[test]
fn an_unknown_field_is_named_with_line_and_column() {
    let text = "(\n    format_version: 1,\n    metadata: (titel: \"x\"),\n)\n";
    let err = load_str(text, "typo.ron").expect_err("unknown field");
    match err {
        LoadError::Syntax {
            line,
            column,
            message,
            ..
        } => {
            assert_eq!(line, 3);
            assert!(column > 1);
            assert!(message.contains("`titel`"), "{message}");
            assert!(
                message.contains("title"),
                "suggests the real fields: {message}"
            );
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_file_without_format_version_is_not_taken_for_a_diagram() {
    let err = load_str("(nodes: [])", "other.ron").expect_err("no version");
    assert!(err.to_string().contains("format_version"), "{err}");
    let err = load_str("{\"json\": true}", "data.json").expect_err("json");
    assert!(matches!(err, LoadError::Syntax { line: 1, .. }), "{err:?}");
}

#[test]
fn version_zero_is_unknown() {
    let err = load_str("(format_version: 0)", "zero.ron").expect_err("v0");
    assert!(matches!(err, LoadError::UnknownVersion { ref found, .. } if found == "0"));
    let err = load_str("(format_version: -1)", "minus.ron").expect_err("v-1");
    assert!(err.to_string().contains("format version -1"), "{err}");
}

#[test]
fn an_empty_version_one_file_is_an_empty_document() {
    let loaded = load_str("(format_version: 1)", "empty.ron").expect("minimal file");
    assert_eq!(loaded.document.node_count(), 0);
    assert_eq!(loaded.original_version, 1);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let loaded = load_str("\u{feff}(format_version: 1)", "bom.ron").expect("BOM is fine");
    assert_eq!(loaded.document.node_count(), 0);
}

#[test]
fn version_errors_say_where_the_version_is_written() {
    let err = load_str("(\n    format_version: 9,\n)", "new.ron").expect_err("newer");
    assert!(
        err.to_string()
            .starts_with("new.ron, line 2, column 5: saved by a newer"),
        "{err}"
    );
    let err = load_str("(\n  metadata: (),\n  format_version: -3,\n)", "neg.ron").expect_err("v-3");
    assert!(
        err.to_string().starts_with("neg.ron, line 3, column 3:") && err.to_string().contains("-3"),
        "{err}"
    );
}

#[test]
fn a_version_1_file_is_migrated_and_one_using_version_2_fields_is_refused() {
    let v1 = "(format_version: 1, nodes: [(id: 1, content: Note((text: \"n\")), position: (0.0, 0.0), size: (200.0, 120.0))])";
    let loaded = load_str(v1, "old.ron").expect("a version 1 file opens");
    assert_eq!(loaded.original_version, 1);
    assert!(
        to_ron_string(&loaded.document)
            .expect("saves")
            .starts_with("(\n    format_version: 8,")
    );
    let mixed = "(format_version: 1, nodes: [(id: 1, content: Note((text: \"n\")), position: (0.0, 0.0), size: (200.0, 120.0), plain: \"p\")])";
    let err = load_str(mixed, "mixed.ron").expect_err("not a real version 1 file");
    let message = err.to_string();
    assert!(
        message.contains("only version 2 has") && message.contains("format_version: 2"),
        "{message}"
    );
}

#[test]
fn a_version_2_file_is_migrated_and_one_with_a_workshop_part_is_refused() {
    let v2 = "(format_version: 2, nodes: [(id: 1, content: Note((text: \"n\")), position: (0.0, 0.0), size: (200.0, 120.0), plain: \"p\")])";
    let loaded = load_str(v2, "two.ron").expect("a version 2 file opens");
    assert_eq!(loaded.original_version, 2);
    assert!(loaded.document.workshop().is_empty());
    let saved = to_ron_string(&loaded.document).expect("saves");
    assert!(saved.starts_with("(\n    format_version: 8,"), "{saved}");
    assert!(
        !saved.contains("workshop"),
        "an empty workshop part is not written"
    );
    let scenario = "(format_version: 2, scenarios: [(name: \"s\")])";
    let err = load_str(scenario, "s.ron").expect_err("scenarios are version 3");
    assert!(err.to_string().contains("scenarios"), "{err}");
    let mixed = "(format_version: 2, workshop: (path: Some([(shows: HowToRead)])))";
    let err = load_str(mixed, "mixed.ron").expect_err("not a real version 2 file");
    let message = err.to_string();
    assert!(
        message.contains("only version 3 has") && message.contains("format_version: 3"),
        "{message}"
    );
}

#[test]
fn a_path_with_notes_and_a_session_survive_saving_and_opening() {
    use crate::edit::Edit;
    use crate::model::{NodeId, PathStep, Session, StepShows, Timestamp, Workshop};
    let mut doc = crate::file::example_document();
    let ids: Vec<NodeId> = doc.cmoc_cards().map(|(n, _)| n.id).take(2).collect();
    let workshop = Workshop {
        path: Some(vec![
            PathStep::how_to_read(),
            PathStep {
                shows: StepShows::Nodes(ids),
                title: "Two \"quoted\" cards".into(),
                notes: "Ask the carers first.\nThen Table 1.".into(),
                skip: true,
            },
        ]),
        sessions: vec![Session {
            started: Timestamp::from_utc(2026, 11, 29, 14, 0, 0),
            ended: Timestamp::from_utc(2026, 11, 29, 15, 0, 0),
            groups: vec!["Table 1".into()],
            changes: vec!["CMOC 18 made negative".into()],
        }],
    };
    Edit::SetPath {
        path: workshop.path.clone(),
    }
    .apply(&mut doc)
    .expect("set");
    for session in workshop.sessions.clone() {
        doc.record_session(session);
    }
    let text = to_ron_string(&doc).expect("saves");
    let back = load_str(&text, "round.ron").expect("opens");
    assert_eq!(back.document.workshop(), &workshop);
    assert_eq!(back.document, doc);
}

#[test]
fn ids_named_by_scenarios_and_the_path_are_never_given_to_new_nodes() {
    // A condition (7) and a path step (9) deleted before saving; the nodes left have ids 1, 2.
    let text = "(format_version: 3, nodes: [(id: 1, content: Note((text: \"n\")), position: (0.0, 0.0), size: (200.0, 120.0)), (id: 2, content: Note((text: \"m\")), position: (300.0, 0.0), size: (200.0, 120.0))], workshop: (path: Some([(shows: Nodes([9]))])), scenarios: [(name: \"s\", conditions: {7: NotMet}, overrides: {8: Partly})])";
    let loaded = load_str(text, "stale.ron").expect("opens");
    let fresh = loaded.document.allocate_id();
    assert!(
        fresh > 9,
        "a new node must not take a named id: got {fresh}"
    );
}

#[test]
fn a_version_3_file_keeps_its_look_and_one_using_version_4_fields_is_refused() {
    use crate::model::ArrowStyle;
    let v3 = "(format_version: 3, nodes: [(id: 1, content: Note((text: \"n\")), position: (0.0, 0.0), size: (200.0, 120.0))], scenarios: [(name: \"s\")])";
    let loaded = load_str(v3, "three.ron").expect("a version 3 file opens");
    assert_eq!(loaded.original_version, 3);
    assert_eq!(loaded.document.metadata().arrows, ArrowStyle::Curved);
    assert!(loaded.document.nodes().all(|n| !n.pinned));
    let saved = to_ron_string(&loaded.document).expect("saves");
    assert!(saved.starts_with("(\n    format_version: 8,"), "{saved}");
    assert!(
        !saved.contains("pinned") && !saved.contains("arrows"),
        "defaults are not written: {saved}"
    );
    let pinned = "(format_version: 3, nodes: [(id: 1, content: Note((text: \"n\")), position: (0.0, 0.0), size: (200.0, 120.0), pinned: true)])";
    let message = load_str(pinned, "pinned.ron")
        .expect_err("pins are version 4")
        .to_string();
    assert!(
        message.contains("pinned") && message.contains("format_version: 4"),
        "{message}"
    );
    let arrows = "(format_version: 2, metadata: (title: \"t\", arrows: Orthogonal))";
    let message = load_str(arrows, "arrows.ron")
        .expect_err("the arrow style is version 4")
        .to_string();
    assert!(
        message.contains("arrows") && message.contains("format_version: 4"),
        "{message}"
    );
    // Written by version 4, both come back.
    let v4 = "(format_version: 4, metadata: (title: \"t\", arrows: Orthogonal), nodes: [(id: 1, content: Note((text: \"n\")), position: (0.0, 0.0), size: (200.0, 120.0), pinned: true)])";
    let loaded = load_str(v4, "four.ron").expect("opens");
    assert_eq!(loaded.document.metadata().arrows, ArrowStyle::Orthogonal);
    assert!(loaded.document.nodes().all(|n| n.pinned));
    let again = load_str(
        &to_ron_string(&loaded.document).expect("saves"),
        "again.ron",
    )
    .expect("reopens");
    assert_eq!(again.document, loaded.document);
}

#[test]
fn a_version_4_file_opens_with_no_saved_versions_and_one_that_has_them_is_refused() {
    let v4 = "(format_version: 4, nodes: [(id: 1, content: Note((text: \"n\")), position: (0.0, 0.0), size: (200.0, 120.0))])";
    let loaded = load_str(v4, "four.ron").expect("a version 4 file opens");
    assert_eq!(loaded.original_version, 4);
    assert!(loaded.document.versions().is_empty());
    let saved = to_ron_string(&loaded.document).expect("saves");
    assert!(saved.starts_with("(\n    format_version: 8,"), "{saved}");
    assert!(
        !saved.contains("versions"),
        "no versions, none written: {saved}"
    );
    let with = "(format_version: 4, versions: [(name: \"IPT\", saved: \"2026-01-05T10:00:00Z\")])";
    let message = load_str(with, "with.ron")
        .expect_err("versions are version 5")
        .to_string();
    assert!(
        message.contains("versions") && message.contains("format_version: 5"),
        "{message}"
    );
    // Written by version 5, a version comes back whole, and its ids are never handed out.
    let v5 = "(format_version: 5, nodes: [(id: 1, content: Note((text: \"now\")), position: (0.0, 0.0), size: (200.0, 120.0))], versions: [(name: \"IPT\", saved: \"2026-01-05T10:00:00Z\", author: \"Dr A\", note: \"before the workshops\", nodes: [(id: 7, content: Note((text: \"then\")), position: (0.0, 0.0), size: (200.0, 120.0))])])";
    let loaded = load_str(v5, "five.ron").expect("opens");
    let version = &loaded.document.versions()[0];
    assert_eq!(
        (version.name.as_str(), version.author.as_str()),
        ("IPT", "Dr A")
    );
    assert_eq!(version.nodes.len(), 1);
    assert!(
        loaded.document.new_node_id().0 > 7,
        "a version's id is not reused"
    );
    let again = load_str(
        &to_ron_string(&loaded.document).expect("saves"),
        "again.ron",
    )
    .expect("reopens");
    assert_eq!(again.document, loaded.document);
}

#[test]
fn statuses_arrive_in_version_6_and_older_files_open_untested() {
    let v5 = "(format_version: 5, nodes: [(id: 1, content: Cmoc((number: 4, context: \"c\", mechanism: \"m\", outcome: \"o\")), position: (0.0, 0.0), size: (280.0, 250.0))])";
    let loaded = load_str(v5, "five.ron").expect("a version 5 file opens");
    let card = loaded
        .document
        .cmoc_cards()
        .next()
        .expect("a card")
        .1
        .clone();
    assert_eq!(card.status, crate::model::Status::Untested);
    let saved = to_ron_string(&loaded.document).expect("saves");
    assert!(
        !saved.contains("status"),
        "untested is not written: {saved}"
    );
    let judged = "(format_version: 5, nodes: [(id: 1, content: Cmoc((number: 4, status: Refuted, rationale: \"no data\")), position: (0.0, 0.0), size: (280.0, 250.0))])";
    let message = load_str(judged, "judged.ron")
        .expect_err("statuses are version 6")
        .to_string();
    assert!(
        message.contains("CMOC 4") && message.contains("format_version: 6"),
        "{message}"
    );
    let in_a_version = "(format_version: 5, versions: [(name: \"IPT\", saved: \"2026-01-05T10:00:00Z\", nodes: [(id: 1, content: Cmoc((number: 4, decided_by: [\"P1\"])), position: (0.0, 0.0), size: (280.0, 250.0))])])";
    assert!(
        load_str(in_a_version, "v.ron").is_err(),
        "a saved version's card too"
    );
    let v6 = judged.replace("format_version: 5", "format_version: 6");
    let loaded = load_str(&v6, "six.ron").expect("version 6 opens");
    let card = loaded
        .document
        .cmoc_cards()
        .next()
        .expect("a card")
        .1
        .clone();
    assert_eq!(
        (card.status, card.rationale.as_str()),
        (crate::model::Status::Refuted, "no data")
    );
    let again = load_str(
        &to_ron_string(&loaded.document).expect("saves"),
        "again.ron",
    )
    .expect("reopens");
    assert_eq!(again.document, loaded.document);
}
