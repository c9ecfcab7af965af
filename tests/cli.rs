//! The command line, run as a researcher would run it.

use std::process::Command;

fn cmoc_canvas() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cmoc-canvas"))
}

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/holding.ron");

#[test]
fn validate_summarises_the_example() {
    let out = cmoc_canvas()
        .args(["validate", EXAMPLE])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("27 CMOC cards (24 positive, 3 negative)"),
        "{text}"
    );
    assert!(text.contains("no problems"), "{text}");
}

#[test]
fn validate_reports_problems_and_fails_only_for_files_that_do_not_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let flawed = dir.path().join("flawed.ron");
    std::fs::write(
        &flawed,
        r#"(
    format_version: 1,
    nodes: [
        (id: 1, content: Cmoc((number: 4, polarity: Negative, context: "c", mechanism: "", outcome: "o")), position: (0.0, 0.0), size: (280.0, 200.0)),
    ],
    edges: [(id: 2, from: 1, to: 9)],
)"#,
    )
    .expect("write");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 1, nodes: [").expect("write");
    let out = cmoc_canvas()
        .arg("validate")
        .arg(&flawed)
        .output()
        .expect("runs");
    assert!(out.status.success(), "problems alone do not fail");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("3 problems"), "{text}");
    assert!(text.contains("-ve CMOC 4 has an empty mechanism"), "{text}");
    assert!(text.contains("no positive twin"), "{text}");
    assert!(text.contains("node #9, which does not exist"), "{text}");

    let out = cmoc_canvas()
        .arg("validate")
        .arg(&flawed)
        .arg(&broken)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.ron, line 1, column"), "{err}");
}

#[test]
fn table_prints_table_4_sorted_by_number() {
    let out = cmoc_canvas()
        .args(["table", EXAMPLE])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "| No. | Polarity | Context | Mechanism | Outcome |"
    );
    assert_eq!(lines.len(), 2 + 27);
    let numbers: Vec<u32> = lines[2..]
        .iter()
        .filter_map(|l| l.split('|').nth(1)?.trim().parse().ok())
        .collect();
    let mut sorted = numbers.clone();
    sorted.sort_unstable();
    assert_eq!(numbers, sorted);
    assert!(text.contains("| 22 | negative |"), "{text}");
    assert!(text.contains(
        "| 1 | positive | When patients offload their troubles during meetings with a link worker they trust | because it helps them to feel unburdened | they feel their emotions are more manageable |"
    ));
}

#[test]
fn table_as_csv() {
    let out = cmoc_canvas()
        .args(["table", EXAMPLE, "--format", "csv"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("No.,Polarity,Context,Mechanism,Outcome\r\n"));
    assert_eq!(text.lines().count(), 28);
}
