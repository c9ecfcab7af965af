//! `cmoc-canvas changes` and `cmoc-canvas diff`, run as a researcher (and git) runs them, on
//! the shipped example and its saved initial theory.

use cmoc_canvas::interchange::docx::read_docx_text;
use std::process::Command;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/holding.ron");
const INITIAL: &str = "Initial programme theory";

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cmoc-canvas"))
        .args(args)
        .output()
        .expect("runs")
}

fn printed(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_example_change_table_lists_every_cmoc_with_its_status() {
    let md = printed(&["changes", EXAMPLE, "--from", INITIAL]);
    assert!(
        md.contains("27 CMOCs: 20 supported, 1 refined, 6 new. Compared with “Initial programme theory”: 6 added, 0 removed, 1 changed, 20 unchanged."),
        "{md}"
    );
    assert!(
        md.contains(
            "| CMOC 4 | refined | changed | If link workers ~~build a~~ **prioritise** relationship"
        ),
        "{md}"
    );
    assert_eq!(
        md.lines().filter(|l| l.starts_with("| ")).count(),
        28,
        "a header and 27 rows"
    );
    // The file shipped beside the example is what the command writes.
    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/examples/holding-changes.md"
    ))
    .expect("shipped");
    let published = printed(&[
        "changes",
        EXAMPLE,
        EXAMPLE,
        "--from",
        INITIAL,
        "--to",
        "Published programme theory (Figure 2)",
    ]);
    assert_eq!(published, shipped);
}

#[test]
fn the_word_table_reads_back_cell_by_cell() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("changes.docx");
    let said = printed(&[
        "changes",
        EXAMPLE,
        "--from",
        INITIAL,
        "--format",
        "docx",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(said.contains("27 CMOCs"), "{said}");
    let text = read_docx_text(&std::fs::read(&out).expect("written")).expect("a Word file");
    let rows = &text.tables[0];
    assert_eq!(rows.len(), 28);
    let cmoc4 = rows.iter().find(|r| r[0] == "CMOC 4").expect("CMOC 4");
    assert_eq!(&cmoc4[1..3], ["refined", "changed"]);
    assert!(
        cmoc4[3].contains("build a prioritise relationship"),
        "{cmoc4:?}"
    );
    let negative = rows
        .iter()
        .find(|r| r[0] == "-ve CMOC 22")
        .expect("-ve CMOC 22");
    assert_eq!(&negative[1..3], ["new", "added"]);
    // A Word file is never printed into a terminal.
    let refused = run(&["changes", EXAMPLE, "--format", "docx"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--output"));
}

#[test]
fn csv_and_html_tables_are_written() {
    let csv = printed(&["changes", EXAMPLE, "--from", INITIAL, "--format", "csv"]);
    assert!(csv.starts_with("CMOC,Status,Change,Context before,Context now,Context changes"));
    assert_eq!(csv.lines().count(), 28);
    let html = printed(&["changes", EXAMPLE, "--from", INITIAL, "--format", "html"]);
    assert!(
        html.contains("<del>build a</del> <ins>prioritise</ins>"),
        "{html}"
    );
}

#[test]
fn diff_says_what_changed_cmoc_by_cmoc() {
    let text = printed(&["diff", EXAMPLE, EXAMPLE, "--from", INITIAL]);
    assert!(text.contains("~ CMOC 4 (refined) changed:\n    context: If link workers [-build a-]{+prioritise+} relationship"), "{text}");
    assert!(
        text.contains("+ -ve CMOC 22 (new) added: If holding is explicitly communicated"),
        "{text}"
    );
    assert!(text.contains("+ Condition (IF) “IF” added"), "{text}");
    let same = printed(&["diff", EXAMPLE, EXAMPLE]);
    assert!(same.ends_with("No changes.\n"), "{same}");
}

#[test]
fn diff_works_as_gits_diff_driver_even_for_a_new_file() {
    let text = printed(&[
        "diff",
        "holding.ron",
        "/dev/null",
        "0000000",
        "100644",
        EXAMPLE,
        "abcdef0",
        "100644",
    ]);
    assert!(
        text.starts_with("From “holding.ron before” to “holding.ron after”:"),
        "{text}"
    );
    assert!(text.contains("27 CMOCs"), "{text}");
}

#[test]
fn a_version_that_is_not_there_is_named_with_the_ones_that_are() {
    let out = run(&["diff", EXAMPLE, EXAMPLE, "--from", "IPT v2"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no saved version named “IPT v2”")
            && err.contains("“Initial programme theory”"),
        "{err}"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_diagram = dir.path().join("notes.ron");
    std::fs::write(&not_a_diagram, "this is not a diagram").expect("write");
    let out = run(&["changes", EXAMPLE, not_a_diagram.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
}
