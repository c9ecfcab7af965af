//! The CMOC table and the workshop notes as Word documents, from the command line, read back
//! as Word would show them: the table's cells and the notes' paragraphs.

use cmoc_canvas::interchange::docx::read_docx_text;
use std::process::Command;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/holding.ron");
const WORKSHOP: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/v7/every-kind.ron"
);

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cmoc-canvas"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn the_cmoc_table_as_word_has_a_row_per_cmoc_with_its_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("cmocs.docx");
    let done = run(&[
        "table",
        EXAMPLE,
        "--status",
        "--docx",
        out.to_str().expect("path"),
    ]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let word = read_docx_text(&std::fs::read(&out).expect("written")).expect("a Word file");
    assert!(
        word.paragraphs[0].starts_with("CMOC table: "),
        "{:?}",
        word.paragraphs
    );
    let table = &word.tables[0];
    assert_eq!(
        table[0],
        [
            "No.",
            "Polarity",
            "Context",
            "Mechanism",
            "Outcome",
            "Evidence sources",
            "Status"
        ]
    );
    assert_eq!(table.len(), 1 + 27, "a header and a row per CMOC");
    let cmoc4 = table
        .iter()
        .find(|row| row[0] == "4")
        .expect("CMOC 4's row");
    assert_eq!(cmoc4[6], "refined");
    assert!(cmoc4[2].starts_with("If link workers prioritise relationship building"));
    // The same rows as the Markdown table.
    let markdown = String::from_utf8(run(&["table", EXAMPLE]).stdout).expect("text");
    assert_eq!(
        markdown.lines().count(),
        table.len() + 1,
        "Markdown has a rule line too"
    );
}

#[test]
fn the_workshop_notes_as_word_keep_every_comment_and_reply() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("notes.docx");
    let done = run(&["notes", WORKSHOP, "--docx", out.to_str().expect("path")]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let word = read_docx_text(&std::fs::read(&out).expect("written")).expect("a Word file");
    let text = word.paragraphs.join("\n");
    for expected in [
        "Workshop notes: Every kind of node, arrow and comment (format 4)",
        "Sessions",
        "Carers: reactions: agrees CMOC 7",
        "Step 2 of 3: CMOC 7",
        "In plain words: When patients can talk to someone they trust, a weight is lifted.",
        "PPI group, 2026-11-25 10:15: Is trust really the mechanism here?",
        "reply from Table 2, 2026-11-25 10:16: Yes: that is what happened to my mum",
    ] {
        assert!(text.contains(expected), "{expected} in\n{text}");
    }
    // Never over the diagram itself.
    let refused = run(&["notes", WORKSHOP, "--docx", WORKSHOP]);
    assert!(!refused.status.success());
}
