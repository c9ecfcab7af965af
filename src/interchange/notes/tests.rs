//! Tests of the workshop notes.
use super::*;
use crate::edit::Edit;
use crate::model::{Session, Timestamp};

fn comment(doc: &Document, target: Target, author: &str, text: &str) -> Annotation {
    Annotation {
        id: AnnotationId(doc.allocate_id()),
        target,
        author: author.into(),
        created: Timestamp::from_utc(2026, 11, 29, 14, 5, 0),
        text: text.into(),
        resolved: false,
        reaction: None,
        reply_to: None,
        phone: None,
    }
}

#[test]
fn every_word_the_room_said_is_in_both_formats() {
    let mut doc = crate::file::example_document();
    let order = crate::scene::presentation_order_of(&doc);
    let card = *order.get(3).expect("a card on the path");
    let first = comment(
        &doc,
        Target::Node(card),
        "Table 2",
        "This is what happened to my mum,\nwith a comma",
    );
    let mut reply = comment(&doc, Target::Node(card), "Facilitator", "Thank you");
    reply.reply_to = Some(first.id);
    let mut reaction = comment(&doc, Target::Node(card), "Carers", "");
    reaction.reaction = Some(Reaction::Disagrees);
    let edge = doc.edges().next().map(|e| e.id).expect("an arrow");
    let on_arrow = comment(&doc, Target::Edge(edge), "Table 1", "Is this arrow right?");
    for a in [&first, &reply, &reaction, &on_arrow] {
        Edit::AddAnnotation {
            annotation: (*a).clone(),
            index: None,
        }
        .apply(&mut doc)
        .expect("add");
    }
    doc.record_session(Session {
        started: Timestamp::from_utc(2026, 11, 29, 14, 0, 0),
        ended: Timestamp::from_utc(2026, 11, 29, 15, 0, 0),
        groups: vec!["Table 1".into(), "Table 2".into(), "Carers".into()],
        changes: vec!["CMOC 18 made negative".into()],
    });
    let name = doc.node(card).map(Node::label).unwrap_or_default();
    let md = workshop_notes(&doc, NotesFormat::Markdown);
    for needle in [
        "This is what happened to my mum,",
        "with a comma",
        "reply from **Facilitator**",
        "Disagrees (1): Carers",
        "Is this arrow right?",
        "CMOC 18 made negative",
        "groups: Table 1, Table 2, Carers",
        "## Step 1 of",
        "How to read this",
        name.as_str(),
    ] {
        assert!(md.contains(needle), "{needle:?} missing from\n{md}");
    }
    // Before the steps, a summary by group: what each commented on and how it reacted.
    let summary = md
        .find("## Summary: what each group said")
        .expect("a summary");
    assert!(summary < md.find("## Step 1 of").expect("steps"));
    for line in [
        format!("- **Carers**: reactions: disagrees {name}"),
        format!("- **Table 2**: 1 comment or reply on {name}"),
        "- **Table 1**: 1 comment or reply on the arrow from".to_string(),
    ] {
        assert!(md.contains(&line), "{line:?} missing from\n{md}");
    }
    let step_of_card = md.find(&format!(": {name}\n")).expect("the card's step");
    assert!(md[step_of_card..].find("This is what happened").is_some());
    let csv = workshop_notes(&doc, NotesFormat::Csv);
    let table = crate::interchange::read_csv(&csv).expect("our CSV reads back");
    let words: Vec<&str> = table
        .rows
        .iter()
        .filter_map(|r| r.cells.last().map(String::as_str))
        .collect();
    for needle in [
        "This is what happened to my mum,\nwith a comma",
        "Thank you",
        "disagrees",
        "Is this arrow right?",
        "CMOC 18 made negative",
    ] {
        assert!(
            words.iter().any(|w| w.contains(needle)),
            "{needle:?} missing from {words:?}"
        );
    }
    assert!(
        table
            .rows
            .iter()
            .any(|r| r.cells.get(6).is_some_and(|e| e == "reply")
                && r.cells.get(7).is_some_and(|g| g == "Facilitator"))
    );
}

#[test]
fn a_reply_loop_in_a_hand_edited_file_loses_nothing_and_ends() {
    let mut doc = crate::file::example_document();
    let card = doc.cmoc_cards().next().map(|(n, _)| n.id).expect("card");
    let mut a = comment(&doc, Target::Node(card), "A", "first words");
    let mut b = comment(&doc, Target::Node(card), "B", "second words");
    a.reply_to = Some(b.id);
    b.reply_to = Some(a.id);
    for x in [a, b] {
        Edit::AddAnnotation {
            annotation: x,
            index: None,
        }
        .apply(&mut doc)
        .expect("add");
    }
    for format in [NotesFormat::Markdown, NotesFormat::Csv] {
        let text = workshop_notes(&doc, format);
        assert!(text.contains("first words") && text.contains("second words"));
    }
}

#[test]
fn a_reply_chain_twenty_thousand_deep_is_written_without_running_out_of_stack() {
    let mut doc = crate::edit::synthetic_diagram(3);
    let card = doc.cmoc_cards().next().map(|(n, _)| n.id).expect("card");
    let mut previous: Option<AnnotationId> = None;
    for i in 0..20_000 {
        let mut a = comment(&doc, Target::Node(card), "Table 1", &format!("reply {i}"));
        a.reply_to = previous;
        previous = Some(a.id);
        Edit::AddAnnotation {
            annotation: a,
            index: None,
        }
        .apply(&mut doc)
        .expect("add");
    }
    let input = crate::file::to_ron_string(&doc).expect("ron").len();
    for format in [NotesFormat::Markdown, NotesFormat::Csv] {
        let text = workshop_notes(&doc, format);
        assert!(text.contains("reply 0") && text.contains("reply 19999"));
        // Before, each reply was indented by its depth: 20,000 replies made ~400 MB.
        assert!(
            text.len() < 2 * input,
            "{format:?}: {} bytes of notes from {input} bytes of diagram",
            text.len()
        );
    }
}

#[test]
fn a_path_showing_the_same_cards_a_hundred_times_writes_each_card_once() {
    let mut doc = crate::edit::synthetic_diagram(2_000);
    let ids: Vec<NodeId> = doc.nodes().map(|n| n.id).collect();
    let step = PathStep {
        shows: StepShows::Nodes(ids),
        title: "Everything".into(),
        notes: String::new(),
        skip: false,
    };
    Edit::SetPath {
        path: Some(vec![step; 100]),
    }
    .apply(&mut doc)
    .expect("path");
    let input = crate::file::to_ron_string(&doc).expect("ron").len();
    for format in [NotesFormat::Markdown, NotesFormat::Csv] {
        let text = workshop_notes(&doc, format);
        // Every later step names each card and the step where its words are: a few times the
        // bytes of the id that the path holds, never the card's words again.
        assert!(
            text.len() < 4 * input,
            "{format:?}: {} bytes of notes from {input} bytes of diagram",
            text.len()
        );
        assert!(text.contains("step 1"));
    }
}
