//! `cmoc-canvas merge BASE OURS THEIRS -o OUT`, as a researcher (and git) runs it on two
//! colleagues' copies of the example.

use cmoc_canvas::file::load_file;
use cmoc_canvas::model::Disagreement;
use std::path::{Path, PathBuf};
use std::process::Command;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/holding.ron");
const CMOC4: &str = "If link workers prioritise relationship building in initial sessions and make patients feel emotionally contained";
const CMOC6: &str = "If link workers are perceived as calm and empathetic by patients";

fn copy_with(dir: &Path, name: &str, edits: &[(&str, &str)]) -> std::path::PathBuf {
    let mut text = std::fs::read_to_string(EXAMPLE).expect("example");
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replacen(
            &format!("context: \"{from}\""),
            &format!("context: \"{to}\""),
            1,
        );
    }
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn merge(base: &Path, ours: &Path, theirs: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cmoc-canvas"))
        .args(["merge"])
        .args([base, ours, theirs])
        .arg("-o")
        .arg(out)
        .output()
        .expect("runs")
}

fn context(path: &Path, number: u32) -> String {
    let doc = load_file(path).expect("opens").document;
    doc.cmoc_cards()
        .find(|(_, c)| c.number == number && c.polarity == cmoc_canvas::model::Polarity::Positive)
        .map(|(_, c)| c.context.clone())
        .expect("card")
}

#[test]
fn two_colleagues_editing_different_cards_merge_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = copy_with(dir.path(), "base.ron", &[]);
    let ours = copy_with(dir.path(), "ours.ron", &[(CMOC4, "CMOC 4 as I refined it")]);
    let theirs = copy_with(
        dir.path(),
        "theirs.ron",
        &[(CMOC6, "CMOC 6 as they refined it")],
    );
    let out = merge(&base, &ours, &theirs, &ours);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("merged cleanly"));
    assert_eq!(context(&ours, 4), "CMOC 4 as I refined it");
    assert_eq!(context(&ours, 6), "CMOC 6 as they refined it");
    let doc = load_file(&ours).expect("opens").document;
    assert!(doc.conflicts().is_empty());
    assert!(doc.versions().iter().any(|v| v.name == "Merged theirs.ron"));
    assert!(
        cmoc_canvas::model::validate(&doc).is_empty(),
        "{:?}",
        cmoc_canvas::model::validate(&doc)
    );
}

#[test]
fn the_same_card_changed_both_ways_is_written_as_a_conflict_the_file_keeps() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = copy_with(dir.path(), "base.ron", &[]);
    let ours = copy_with(dir.path(), "ours.ron", &[(CMOC4, "mine")]);
    let theirs = copy_with(dir.path(), "theirs.ron", &[(CMOC4, "theirs")]);
    let merged = dir.path().join("merged.ron");
    let out = merge(&base, &ours, &theirs, &merged);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("1 conflict to resolve")
            && said.contains("CMOC 4: context changed in both copies"),
        "{said}"
    );
    let text = std::fs::read_to_string(&merged).expect("written");
    assert!(!text.contains("<<<<<<<"));
    let doc = load_file(&merged).expect("the merged file opens").document;
    assert_eq!(doc.conflicts().len(), 1);
    assert_eq!(
        doc.conflicts()[0].disagreement,
        Disagreement::Field(cmoc_canvas::model::Part::Context)
    );
    assert_eq!(doc.conflicts()[0].theirs, "theirs");
    assert_eq!(context(&merged, 4), "mine");
}

#[test]
fn a_file_that_is_not_a_diagram_merges_nothing_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = copy_with(dir.path(), "base.ron", &[]);
    let ours = copy_with(dir.path(), "ours.ron", &[(CMOC4, "mine")]);
    let theirs = dir.path().join("theirs.ron");
    std::fs::write(&theirs, "not a diagram").expect("write");
    let before = std::fs::read(&ours).expect("read");
    let out = merge(&base, &ours, &theirs, &ours);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("their copy"));
    assert_eq!(
        std::fs::read(&ours).expect("read"),
        before,
        "yours is untouched"
    );
}

#[test]
fn a_newer_file_or_a_base_from_another_diagram_merges_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ours = copy_with(dir.path(), "ours.ron", &[(CMOC4, "mine")]);
    let theirs = copy_with(dir.path(), "theirs.ron", &[(CMOC6, "theirs")]);
    let before = std::fs::read(&ours).expect("read");
    // Their copy from a newer CMOC Canvas.
    let newer = dir.path().join("newer.ron");
    let text = std::fs::read_to_string(EXAMPLE).expect("example").replacen(
        "format_version: 8,",
        "format_version: 99,",
        1,
    );
    std::fs::write(&newer, text).expect("write");
    let out = merge(&newer, &ours, &theirs, &ours);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("newer"), "{said}");
    assert_eq!(std::fs::read(&ours).expect("read"), before);
    // A base that neither copy started from: another diagram altogether.
    let unrelated = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1/every-kind.ron"
    ));
    let out = merge(&unrelated, &ours, &theirs, &ours);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("does not look like a version your copy started from"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(&ours).expect("read"),
        before,
        "yours is untouched"
    );
    // A file with one id used twice is repaired on opening, and merges.
    let twice = copy_with(dir.path(), "twice.ron", &[(CMOC6, "theirs")]);
    let text = std::fs::read_to_string(&twice).expect("read");
    let first_id = text
        .lines()
        .find(|l| l.trim_start().starts_with("id: "))
        .expect("an id")
        .to_string();
    let second = text
        .lines()
        .filter(|l| l.trim_start().starts_with("id: "))
        .nth(1)
        .expect("two ids")
        .to_string();
    std::fs::write(&twice, text.replacen(&second, &first_id, 1)).expect("write");
    let base = copy_with(dir.path(), "base.ron", &[]);
    let out = merge(&base, &ours, &twice, &dir.path().join("merged.ron"));
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = load_file(&dir.path().join("merged.ron")).expect("opens");
    assert!(cmoc_canvas::model::validate(&merged.document).is_empty());
}
