//! Records in the shipped example how its theory was refined: the realist status of each
//! CMOC relative to the saved "Initial programme theory", with a rationale, and (for
//! illustration) the earlier wording of one refined CMOC in that saved version. Then writes
//! the refinement table beside it in Markdown and Word.
//!
//! The example's initial theory is reconstructed for illustration (its note says so): the
//! statuses below follow from how the example's two versions differ, not from the authors.
//!
//! Usage: `cargo run --example appraise_holding_example -- assets/examples/holding.ron`

use cmoc_canvas::edit::Edit;
use cmoc_canvas::interchange::changes::{ChangeTable, changes_docx, changes_markdown};
use cmoc_canvas::model::{Node, NodeContent, Status};
use cmoc_canvas::session::compare::{Theory, compare};
use std::path::Path;
use std::process::ExitCode;

/// CMOC 4 as the reconstructed initial theory words it: the relationship, without what it
/// gives the patient.
const CMOC4_INITIAL_CONTEXT: &str =
    "If link workers build a relationship with patients in initial sessions";

fn appraise(node: &Node, initial_numbers: &[(u32, bool)]) -> Option<Node> {
    let card = node.content.cmoc()?;
    let key = (
        card.number,
        card.polarity == cmoc_canvas::model::Polarity::Negative,
    );
    let mut card = card.clone();
    if !initial_numbers.contains(&key) {
        card.status = Status::New;
        card.rationale = "Emerged from the interviews with link workers whose holding was not recognised or supported: the failure branch of the theory (Figure 2).".into();
    } else if card.number == 4 && !key.1 {
        card.status = Status::Refined;
        card.rationale = "Patients spoke of feeling emotionally contained before they took up suggestions; the context now says what the first sessions give them.".into();
    } else {
        card.status = Status::Supported;
        card.rationale = if card.evidence.is_empty() {
            "Supported in the analysis of the interview data (Table 4 of the paper).".into()
        } else {
            "Supported by the interview data from the study sites (the evidence listed).".into()
        };
    }
    card.decided_by = card.evidence.iter().map(|e| e.source.clone()).collect();
    card.decided_by.dedup();
    let mut node = node.clone();
    node.content = NodeContent::Cmoc(card);
    Some(node)
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: appraise_holding_example holding.ron");
        return ExitCode::from(2);
    };
    let path = Path::new(&path);
    let mut doc = match cmoc_canvas::file::load_file(path) {
        Ok(l) => l.document,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(mut initial) = doc.versions().first().cloned() else {
        eprintln!("{}: no saved initial version", path.display());
        return ExitCode::FAILURE;
    };
    if !initial.note.contains("CMOC 4") {
        initial
            .note
            .push_str(" CMOC 4 is kept in earlier, illustrative words.");
    }
    for node in &mut initial.nodes {
        if let Some(card) = node.content.cmoc_mut()
            && card.number == 4
        {
            card.context = CMOC4_INITIAL_CONTEXT.into();
        }
    }
    let numbers: Vec<(u32, bool)> = initial
        .nodes
        .iter()
        .filter_map(|n| n.content.cmoc())
        .map(|c| {
            (
                c.number,
                c.polarity == cmoc_canvas::model::Polarity::Negative,
            )
        })
        .collect();
    let mut edits = vec![
        Edit::RemoveVersion { index: 0 },
        Edit::AddVersion {
            version: Box::new(initial),
            index: 0,
        },
    ];
    for node in doc.nodes() {
        if let Some(appraised) = appraise(node, &numbers) {
            edits.push(Edit::ReplaceNode { node: appraised });
        }
    }
    if let Err(e) = Edit::Batch(edits).apply(&mut doc) {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    // The published version is the theory as appraised.
    if let Some(mut published) = doc.versions().get(1).cloned() {
        published.nodes = doc.nodes().cloned().collect();
        published.edges = doc.edges().cloned().collect();
        let edits = vec![
            Edit::RemoveVersion { index: 1 },
            Edit::AddVersion {
                version: Box::new(published),
                index: 1,
            },
        ];
        if let Err(e) = Edit::Batch(edits).apply(&mut doc) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = cmoc_canvas::file::save_file(&doc, path) {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    let Some(initial) = doc.versions().first() else {
        return ExitCode::FAILURE;
    };
    let (old, new) = (Theory::of_version(initial), Theory::of_document(&doc));
    let comparison = compare(&old, &new);
    let table = ChangeTable::new(
        &old,
        &new,
        &comparison,
        &initial.name,
        "Published programme theory (Figure 2)",
    );
    let dir = path.parent().unwrap_or(Path::new("."));
    let md = dir.join("holding-changes.md");
    let docx = dir.join("holding-changes.docx");
    let written = cmoc_canvas::file::write_atomic(&md, changes_markdown(&table).as_bytes())
        .map_err(|e| e.to_string())
        .and_then(|()| changes_docx(&table).map_err(|e| e.to_string()))
        .and_then(|bytes| {
            cmoc_canvas::file::write_atomic(&docx, &bytes).map_err(|e| e.to_string())
        });
    match written {
        Ok(()) => {
            println!(
                "wrote {}, {} and {}: {}",
                path.display(),
                md.display(),
                docx.display(),
                table.summary()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
