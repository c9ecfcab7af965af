//! Files written by released versions open forever, unchanged in meaning, and save in the
//! current format. See tests/fixtures/README.md.

use cmoc_canvas::file::{FORMAT_VERSION, load_file, load_str, to_ron_string};
use cmoc_canvas::model::{Branch, EdgeEffect, NodeKind, Polarity, Target, validate};
use std::path::PathBuf;

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"));
    let mut files = Vec::new();
    for version in std::fs::read_dir(&dir).expect("fixtures folder").flatten() {
        if version.path().is_dir() {
            for file in std::fs::read_dir(version.path())
                .expect("version folder")
                .flatten()
            {
                if file.path().extension().is_some_and(|e| e == "ron") {
                    files.push(file.path());
                }
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_fixture_opens_cleanly_and_saves_in_the_current_format() {
    let files = fixtures();
    assert!(files.len() >= 2, "{files:?}");
    for path in files {
        let loaded = load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            loaded.repairs.is_empty(),
            "{}: {:?}",
            path.display(),
            loaded.repairs
        );
        assert!(
            validate(&loaded.document).is_empty(),
            "{}: {:?}",
            path.display(),
            validate(&loaded.document)
        );
        let saved = to_ron_string(&loaded.document).expect("saves");
        assert!(
            saved.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},")),
            "{}",
            path.display()
        );
        let again = load_str(&saved, "again.ron").expect("reopens");
        assert_eq!(again.document, loaded.document, "{}", path.display());
        let by_hand = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains("by-hand"));
        if loaded.original_version == FORMAT_VERSION && !by_hand {
            let text = std::fs::read_to_string(&path).expect("read");
            assert_eq!(
                saved,
                text,
                "{}: current files save byte for byte",
                path.display()
            );
        }
    }
}

#[test]
fn the_format_1_fixture_means_what_it_says() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1/every-kind.ron"
    );
    let doc = load_file(std::path::Path::new(path))
        .expect("opens")
        .document;
    assert_eq!(doc.metadata().authors.len(), 2);
    assert_eq!(doc.node_count(), 10);
    for kind in [
        NodeKind::Cmoc,
        NodeKind::Context,
        NodeKind::Mechanism,
        NodeKind::Outcome,
        NodeKind::Condition,
        NodeKind::Theory,
        NodeKind::Region,
        NodeKind::Note,
    ] {
        assert!(doc.count_kind(kind) >= 1, "{kind:?}");
    }
    let seven = doc.find_cmoc(7, Polarity::Positive).expect("CMOC 7");
    let card = seven.content.cmoc().expect("card");
    assert_eq!(card.title, "Trust");
    assert_eq!(card.mechanism_resource, "time to talk");
    assert_eq!(card.mechanism_reasoning, "feeling heard");
    assert_eq!(card.evidence.len(), 2);
    assert_eq!(card.evidence[0].quote, "She's been a rock");
    assert!(card.evidence[1].quote.is_empty());
    assert_eq!(seven.colour.map(|c| c.0), Some([0x1f, 0x77, 0xb4]));
    assert_eq!(seven.tags, vec!["patients", "link workers"]);
    assert!(
        doc.find_cmoc(7, Polarity::Negative).is_some(),
        "the -ve twin"
    );
    let edges: Vec<_> = doc.edges().collect();
    assert_eq!(edges.len(), 5);
    assert_eq!(edges[0].branch, Some(Branch::Yes));
    assert_eq!(edges[0].label, "yes: protected");
    assert_eq!(edges[1].branch, Some(Branch::No));
    assert_eq!(edges[2].effect, EdgeEffect::Prevents);
    let comments: Vec<_> = doc.annotations().collect();
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[0].author, "PPI group");
    assert!(matches!(comments[0].target, Target::Node(_)));
    assert!(matches!(comments[1].target, Target::Edge(_)));
    assert!(comments[1].resolved && !comments[0].resolved);
}

#[test]
fn a_hand_written_file_leaving_defaults_out_means_the_same_as_the_saved_one() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1/");
    let open = |name: &str| {
        load_file(std::path::Path::new(&format!("{dir}{name}")))
            .expect("opens")
            .document
    };
    assert_eq!(open("every-kind.ron"), open("every-kind-by-hand.ron"));
}

#[test]
fn the_format_2_fixture_has_plain_words_a_reply_and_a_reaction() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v2/every-kind.ron"
    );
    let loaded = load_file(std::path::Path::new(path)).expect("opens");
    assert_eq!(loaded.original_version, 2);
    let doc = loaded.document;
    let seven = doc.find_cmoc(7, Polarity::Positive).expect("CMOC 7");
    assert!(seven.plain.starts_with("When patients can talk"));
    let comments: Vec<_> = doc.annotations().collect();
    assert_eq!(comments[2].reply_to, Some(comments[0].id));
    assert_eq!(
        comments[3].reaction,
        Some(cmoc_canvas::model::Reaction::Agrees)
    );
    // The same diagram in format 1 means the same, less what format 2 added.
    let v1 = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1/every-kind.ron"
    );
    let old = load_file(std::path::Path::new(v1)).expect("opens").document;
    assert_eq!(old.node_count(), doc.node_count());
    assert!(old.nodes().all(|n| n.plain.is_empty()));
}

#[test]
fn the_format_3_fixture_has_a_path_with_notes_a_group_a_skipped_step_and_a_session() {
    use cmoc_canvas::model::{NodeId, StepShows};
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v3/every-kind.ron"
    );
    let loaded = load_file(std::path::Path::new(path)).expect("opens");
    assert_eq!(loaded.original_version, 3);
    let doc = loaded.document;
    let steps = doc.workshop().path.clone().expect("a path of its own");
    assert_eq!(steps.len(), 4);
    assert_eq!(steps[0].shows, StepShows::HowToRead);
    assert_eq!(steps[0].notes, "Name the groups first.");
    assert_eq!(steps[2].nodes(), &[NodeId(1), NodeId(3)]);
    assert_eq!(steps[2].title, "The two cards together");
    assert_eq!(steps[2].notes, "Ask the carers first.\nThen Table 1.");
    assert!(steps[3].skip && !steps[2].skip);
    let session = &doc.workshop().sessions[0];
    assert_eq!(session.groups, ["Table 1", "Table 2", "Carers"]);
    assert_eq!(session.changes[0], "CMOC 4 made negative");
    // Two scenarios: the condition met, then not met with a card set partly activated.
    use cmoc_canvas::model::{Activation, ConditionState, NodeState, propagate};
    let names: Vec<&str> = doc.scenarios().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Support in place", "No support"]);
    assert_eq!(
        doc.scenarios()[0].conditions.get(&NodeId(7)),
        Some(&ConditionState::Met)
    );
    assert_eq!(
        doc.scenarios()[1].overrides.get(&NodeId(2)),
        Some(&Activation::Partly)
    );
    assert_eq!(
        propagate(&doc, &doc.scenarios()[1]).state(NodeId(2)),
        NodeState::Partly
    );
    // The notes export follows that path, skipped step marked, and keeps the session.
    let notes = cmoc_canvas::interchange::workshop_notes(
        &doc,
        cmoc_canvas::interchange::NotesFormat::Markdown,
    );
    // Numbered as the room saw the steps: the skipped one is not counted.
    assert!(
        notes.contains("## Step 3 of 3: The two cards together ("),
        "{notes}"
    );
    assert!(
        notes.contains("## Skipped step (not shown): Context “Busy practice”"),
        "{notes}"
    );
    assert!(notes.contains("CMOC 4 made negative"), "{notes}");
    assert!(
        notes.contains("Yes: that is what happened to my mum"),
        "{notes}"
    );
    // The same diagram in format 2 means the same, less what format 3 added.
    let v2 = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v2/every-kind.ron"
    );
    let old = load_file(std::path::Path::new(v2)).expect("opens").document;
    assert!(old.workshop().is_empty());
    assert_eq!(old.nodes().count(), doc.nodes().count());
    assert_eq!(old.annotations().count(), doc.annotations().count());
}

#[test]
fn the_format_4_fixture_pins_two_nodes_and_draws_right_angled_arrows() {
    use cmoc_canvas::model::{ArrowStyle, NodeId};
    let fixture = |version: &str| {
        let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
            .join(version)
            .join("every-kind.ron");
        load_file(&path).expect("opens")
    };
    let loaded = fixture("v4");
    assert_eq!(loaded.original_version, 4);
    let doc = loaded.document;
    assert_eq!(doc.metadata().arrows, ArrowStyle::Orthogonal);
    let pinned: Vec<NodeId> = doc.nodes().filter(|n| n.pinned).map(|n| n.id).collect();
    assert_eq!(pinned, [NodeId(2), NodeId(7)]);
    // The same diagram in format 3 means the same, less what format 4 added: curved arrows
    // (as every version 3 diagram was drawn) and nothing pinned.
    let old = fixture("v3").document;
    assert_eq!(old.metadata().arrows, ArrowStyle::Curved);
    assert!(old.nodes().all(|n| !n.pinned));
    assert_eq!(old.nodes().count(), doc.nodes().count());
    for (a, b) in old.nodes().zip(doc.nodes()) {
        assert_eq!(a.content, b.content);
        assert_eq!(a.position, b.position);
    }
    assert_eq!(old.scenarios(), doc.scenarios());
    assert_eq!(old.workshop(), doc.workshop());
}

#[test]
fn the_format_5_fixture_keeps_two_named_versions_of_the_theory() {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v5/every-kind.ron"
    ));
    let loaded = load_file(&path).expect("opens");
    assert_eq!(loaded.original_version, 5);
    let doc = loaded.document;
    let names: Vec<&str> = doc.versions().iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["Initial programme theory", "After workshop 1"]);
    let initial = &doc.versions()[0];
    assert_eq!(initial.author, "Dr A. Researcher");
    assert_eq!(initial.saved.short(), "2026-01-05 10:00");
    assert!(initial.note.contains("before the workshops"));
    // The initial theory had no negative card and no note; the later one is the diagram.
    assert!(initial.nodes.iter().all(|n| n.kind() != NodeKind::Note));
    assert!(initial.nodes.len() < doc.node_count());
    assert!(doc.versions()[1].matches(&doc));
    assert!(!initial.matches(&doc));
    // Everything else is the format 4 file's.
    let v4 = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v4/every-kind.ron"
    ));
    let old = load_file(&v4).expect("opens").document;
    assert!(old.versions().is_empty());
    assert!(old.nodes().eq(doc.nodes()));
    assert!(old.edges().eq(doc.edges()));
    assert_eq!(old.scenarios(), doc.scenarios());
}

#[test]
fn the_format_7_fixture_keeps_a_merge_conflict_to_resolve() {
    // Written by `cmoc-canvas merge` from the format 6 file as base, one copy changing CMOC
    // 7's context one way, the other another way and also the negative card's context.
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v7/every-kind.ron"
    ));
    let loaded = load_file(&path).expect("opens");
    assert_eq!(loaded.original_version, 7);
    let doc = loaded.document;
    assert_eq!(doc.conflicts().len(), 1);
    let conflict = &doc.conflicts()[0];
    assert_eq!(
        conflict.yours,
        "When patients meet a link worker they trust and see weekly"
    );
    assert_eq!(
        conflict.theirs,
        "When patients meet a link worker they already know"
    );
    assert_eq!(conflict.base, "When patients meet a link worker they trust");
    // The change only theirs made is in, as is the one only yours made.
    let contexts: Vec<String> = doc
        .nodes()
        .filter_map(|n| match &n.content {
            cmoc_canvas::model::NodeContent::Cmoc(c) => Some(c.context.clone()),
            _ => None,
        })
        .collect();
    assert!(contexts.contains(&"When no time is protected for the review".to_string()));
    assert!(
        contexts
            .contains(&"When patients meet a link worker they trust and see weekly".to_string())
    );
    assert_eq!(
        doc.versions().last().map(|v| v.name.as_str()),
        Some("Merged theirs.ron")
    );
}

#[test]
fn the_format_8_fixture_keeps_reactions_and_a_comment_from_phones() {
    // Written by the session from the format 7 file: two phones reacted to CMOC 7 (one as
    // Carers, one with no group), and the Carers phone's comment was accepted.
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v8/every-kind.ron"
    ));
    let loaded = load_file(&path).expect("opens");
    assert_eq!(loaded.original_version, 8);
    let doc = loaded.document;
    let from_phones: Vec<_> = doc.annotations().filter(|a| a.phone.is_some()).collect();
    assert_eq!(from_phones.len(), 3);
    assert_eq!(
        from_phones[2].text,
        "We waited weeks for the first visit.\nThen it was good."
    );
    assert_eq!(from_phones[2].author, "Carers");
    let notes = cmoc_canvas::interchange::workshop_notes(
        &doc,
        cmoc_canvas::interchange::NotesFormat::Markdown,
    );
    assert!(notes.contains("Carers, from a phone"), "{notes}");
    // Said to be version 7, the same file is refused with the field named.
    let text = std::fs::read_to_string(&path).expect("read");
    let as_seven = text.replacen("format_version: 8,", "format_version: 7,", 1);
    let refused = load_str(&as_seven, "every-kind.ron")
        .err()
        .map(|e| e.to_string());
    assert!(
        refused
            .as_deref()
            .is_some_and(|e| e.contains("`phone`") && e.contains("format_version: 8")),
        "{refused:?}"
    );
}
