//! Git, as a team that keeps its theory in a repository uses it: `cmoc-canvas git-setup`, two
//! branches editing the example, `git merge` (once clean, once in conflict) and `git diff`.
//! Runs the real git.

use cmoc_canvas::file::load_file;
use cmoc_canvas::model::{Polarity, validate};
use std::path::Path;
use std::process::Command;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/holding.ron");
const CMOC4: &str = "If link workers prioritise relationship building in initial sessions and make patients feel emotionally contained";
const CMOC6: &str = "If link workers are perceived as calm and empathetic by patients";

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_DATE", "2026-12-01T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-12-01T10:00:00Z")
        .output()
        .expect("git runs")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Changes the live card's context (the first occurrence: the diagram comes before its saved
/// versions in the file) and commits it.
fn edit_and_commit(dir: &Path, from: &str, to: &str, message: &str) {
    let path = dir.join("theory.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    let from = format!("context: \"{from}\"");
    assert!(text.contains(&from), "{from}");
    let text = text.replacen(&from, &format!("context: \"{to}\""), 1);
    std::fs::write(&path, text).expect("write");
    ok(dir, &["commit", "-q", "-am", message]);
}

fn context(path: &Path, number: u32) -> String {
    load_file(path)
        .expect("opens")
        .document
        .cmoc_cards()
        .find(|(_, c)| c.number == number && c.polarity == Polarity::Positive)
        .map(|(_, c)| c.context.clone())
        .expect("card")
}

/// A repository with the example committed on `main` and git-setup done.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    ok(root, &["init", "-q", "-b", "main"]);
    ok(root, &["config", "user.name", "Dr A. Researcher"]);
    ok(root, &["config", "user.email", "a@example.org"]);
    std::fs::copy(EXAMPLE, root.join("theory.ron")).expect("copy");
    let setup = Command::new(env!("CARGO_BIN_EXE_cmoc-canvas"))
        .args(["git-setup", "--repo"])
        .arg(root)
        .output()
        .expect("runs");
    assert!(
        setup.status.success(),
        "{}",
        String::from_utf8_lossy(&setup.stderr)
    );
    let attributes = std::fs::read_to_string(root.join(".gitattributes")).expect("written");
    assert_eq!(attributes, "*.ron merge=cmoc-canvas diff=cmoc-canvas\n");
    // Running it again changes nothing.
    let again = Command::new(env!("CARGO_BIN_EXE_cmoc-canvas"))
        .args(["git-setup", "--repo"])
        .arg(root)
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&again.stdout).contains("already has"));
    assert_eq!(
        std::fs::read_to_string(root.join(".gitattributes")).expect("read"),
        attributes
    );
    ok(root, &["add", "."]);
    ok(root, &["commit", "-q", "-m", "The example"]);
    dir
}

#[test]
fn git_merges_two_branches_that_changed_different_cards() {
    let dir = repository();
    let root = dir.path();
    ok(root, &["checkout", "-q", "-b", "theirs"]);
    edit_and_commit(root, CMOC6, "CMOC 6 as they refined it", "Refine CMOC 6");
    ok(root, &["checkout", "-q", "main"]);
    edit_and_commit(root, CMOC4, "CMOC 4 as I refined it", "Refine CMOC 4");
    ok(root, &["merge", "-q", "--no-edit", "theirs"]);
    let path = root.join("theory.ron");
    assert_eq!(context(&path, 4), "CMOC 4 as I refined it");
    assert_eq!(context(&path, 6), "CMOC 6 as they refined it");
    let doc = load_file(&path).expect("opens").document;
    assert!(doc.conflicts().is_empty());
    assert!(validate(&doc).is_empty(), "{:?}", validate(&doc));
    assert!(doc.versions().iter().any(|v| v.name == "Merged with git"));
    // git diff speaks in CMOCs, through the diff driver.
    let diff = ok(root, &["diff", "HEAD~2", "HEAD", "--", "theory.ron"]);
    assert!(diff.contains("CMOC 4"), "{diff}");
    assert!(diff.contains("CMOC 6"), "{diff}");
    assert!(
        !diff.contains("@@"),
        "a line diff, not the driver's: {diff}"
    );
}

#[test]
fn git_merge_in_conflict_leaves_a_valid_diagram_listing_the_conflict() {
    let dir = repository();
    let root = dir.path();
    ok(root, &["checkout", "-q", "-b", "theirs"]);
    edit_and_commit(root, CMOC4, "CMOC 4 their way", "Their CMOC 4");
    ok(root, &["checkout", "-q", "main"]);
    edit_and_commit(root, CMOC4, "CMOC 4 my way", "My CMOC 4");
    let merge = git(root, &["merge", "--no-edit", "theirs"]);
    assert!(!merge.status.success(), "a conflict stops the merge");
    let said = String::from_utf8_lossy(&merge.stdout);
    assert!(said.contains("CONFLICT"), "{said}");
    let path = root.join("theory.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(!text.contains("<<<<<<<"), "no conflict markers");
    let doc = load_file(&path).expect("still a diagram").document;
    assert_eq!(doc.conflicts().len(), 1);
    assert_eq!(doc.conflicts()[0].yours, "CMOC 4 my way");
    assert_eq!(doc.conflicts()[0].theirs, "CMOC 4 their way");
    assert_eq!(context(&path, 4), "CMOC 4 my way");
    assert!(validate(&doc).is_empty(), "{:?}", validate(&doc));
    // Once resolved (here: keep mine) and added, the merge commits.
    ok(root, &["add", "theory.ron"]);
    ok(root, &["commit", "-q", "--no-edit"]);
}

#[test]
fn git_setup_outside_a_repository_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_cmoc-canvas"))
        .args(["git-setup", "--repo"])
        .arg(dir.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            dir.path().parent().expect("parent"),
        )
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("is not inside a git repository"), "{said}");
    assert!(!dir.path().join(".gitattributes").exists());
}
