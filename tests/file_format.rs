//! The file format as a researcher meets it: round trips, damaged files, newer versions,
//! folders that cannot be written.

mod common;

use cmoc_canvas::edit::Edit;
use cmoc_canvas::file::{
    FORMAT_VERSION, HOLDING_EXAMPLE, LoadError, SaveError, load_file, load_str, save_file,
    to_ron_string,
};
use cmoc_canvas::model::{NodeId, Polarity};
use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn the_example_round_trips_byte_for_byte() {
    let doc = common::holding();
    let text = to_ron_string(&doc).expect("serialises");
    assert_eq!(
        text, HOLDING_EXAMPLE,
        "saving the example must give the same bytes"
    );
    let again = load_str(&text, "again.ron").expect("re-opens").document;
    assert_eq!(again, doc);
}

#[test]
fn saving_and_reopening_through_the_disk_keeps_everything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("holding copy.ron");
    let mut doc = common::holding();
    // Change something, including text with quotes, line breaks and non-Latin script.
    let card = doc
        .find_cmoc(10, Polarity::Positive)
        .map(|n| n.id)
        .expect("CMOC 10");
    let mut node = doc.node(card).cloned().expect("card");
    if let Some(c) = node.content.cmoc_mut() {
        c.context = "Line one\nline \"two\" \\ 三 — ✓".into();
    }
    Edit::ReplaceNode { node }.apply(&mut doc).expect("edit");
    save_file(&doc, &path).expect("saves");
    let loaded = load_file(&path).expect("loads").document;
    assert_eq!(loaded, doc);
    let bytes = fs::read(&path).expect("read");
    save_file(&loaded, &path).expect("saves again");
    assert_eq!(
        fs::read(&path).expect("read"),
        bytes,
        "deterministic output"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary files left behind: {leftovers:?}"
    );
}

#[test]
fn every_truncated_prefix_of_the_example_is_an_error_not_a_panic() {
    let text = HOLDING_EXAMPLE;
    let complete = text.trim_end().len();
    let mut checked = 0;
    for (cut, _) in text.char_indices() {
        let prefix = &text[..cut];
        let result = load_str(prefix, "cut.ron");
        if cut < complete {
            let err = result.expect_err("a truncated file must not open");
            if let LoadError::Syntax { line, column, .. } = &err {
                assert!(*line >= 1 && *column >= 1, "{err}");
            }
        } else {
            // Only trailing whitespace is missing: still a whole document.
            assert!(result.is_ok());
        }
        checked += 1;
    }
    assert!(
        checked > 30_000,
        "the example is large enough to mean something"
    );
}

#[test]
fn a_truncated_file_error_says_where_and_what() {
    let text = &HOLDING_EXAMPLE[..HOLDING_EXAMPLE.len() / 2];
    let err = load_str(text, "half.ron").expect_err("half a file");
    let message = err.to_string();
    assert!(message.starts_with("half.ron, line "), "{message}");
    assert!(message.contains("column"), "{message}");
}

#[test]
fn a_newer_file_is_refused_with_both_versions_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("future.ron");
    let newer = FORMAT_VERSION + 1;
    let text = format!("(\n    format_version: {newer},\n    hologram_layers: [(depth: 3)],\n)\n");
    fs::write(&path, &text).expect("write");
    let err = load_file(&path).expect_err("newer version");
    match &err {
        LoadError::NewerVersion {
            found, supported, ..
        } => {
            assert_eq!((*found, *supported), (newer, FORMAT_VERSION));
        }
        other => panic!("expected NewerVersion, got {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains(&format!("version {newer}")), "{message}");
    assert!(
        message.contains(&format!("version {FORMAT_VERSION}")),
        "{message}"
    );
    let doc = common::holding();
    let refused = save_file(&doc, &path).expect_err("must not overwrite a newer file");
    assert!(matches!(refused, SaveError::WouldOverwriteNewer { .. }));
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        text,
        "file untouched"
    );
}

#[test]
fn saving_into_a_missing_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("no such folder").join("x.ron");
    let err = save_file(&common::holding(), &path).expect_err("missing folder");
    assert!(matches!(err, SaveError::MissingFolder { .. }), "{err:?}");
    assert!(err.to_string().contains("does not exist"), "{err}");
}

/// A folder this process really cannot create files in. `chmod` does not stop root, so when
/// the tests run as root the kernel's read-only sysfs stands in.
fn read_only_folder(scratch: &Path) -> Option<PathBuf> {
    let locked = scratch.join("locked");
    fs::create_dir(&locked).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).ok()?;
    }
    let candidates = [locked, PathBuf::from("/sys/kernel"), PathBuf::from("/sys")];
    candidates.into_iter().find(|folder| {
        let probe = folder.join(".cmoc-canvas-probe");
        match fs::write(&probe, b"x") {
            Ok(()) => {
                let _ = fs::remove_file(&probe);
                false
            }
            Err(_) => folder.is_dir(),
        }
    })
}

#[test]
fn saving_into_a_read_only_folder_is_a_clear_error() {
    let scratch = tempfile::tempdir().expect("temp dir");
    let folder = read_only_folder(scratch.path())
        .expect("this machine should have some folder this process cannot write to");
    let path = folder.join("diagram.ron");
    let err = save_file(&common::holding(), &path).expect_err("read-only");
    assert!(matches!(err, SaveError::ReadOnly { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("read-only") && message.contains("Save As"),
        "{message}"
    );
    assert!(!path.exists());
}

#[test]
fn a_save_that_fails_midway_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("keep.ron");
    fs::write(&path, HOLDING_EXAMPLE).expect("write");
    // Block the temporary file's name with a folder, so writing it fails.
    let blocker = dir
        .path()
        .join(format!(".keep.ron.{}.saving", std::process::id()));
    fs::create_dir(&blocker).expect("blocker");
    let mut doc = common::holding();
    Edit::RemoveNode { id: NodeId(1) }
        .apply(&mut doc)
        .expect("edit");
    assert!(save_file(&doc, &path).is_err());
    assert_eq!(fs::read_to_string(&path).expect("read"), HOLDING_EXAMPLE);
}

#[test]
fn opening_problems_are_errors_with_plain_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = load_file(&dir.path().join("gone.ron")).expect_err("missing");
    assert!(missing.to_string().contains("no such file"), "{missing}");
    let folder = load_file(dir.path()).expect_err("a folder");
    assert!(matches!(folder, LoadError::Read { .. }), "{folder:?}");
    let binary = dir.path().join("picture.ron");
    fs::write(&binary, [0x89, b'P', b'N', b'G', 0xff, 0xfe, 0x00]).expect("write");
    let err = load_file(&binary).expect_err("binary");
    assert!(matches!(err, LoadError::NotText { .. }), "{err:?}");
}

#[test]
fn duplicate_ids_are_repaired_not_refused() {
    let text = r#"(
    format_version: 1,
    nodes: [
        (id: 5, content: Note((text: "first")), position: (0.0, 0.0), size: (10.0, 10.0)),
        (id: 5, content: Note((text: "second")), position: (20.0, 0.0), size: (10.0, 10.0)),
    ],
)"#;
    let loaded = load_str(text, "dupes.ron").expect("opens anyway");
    assert_eq!(loaded.document.node_count(), 2);
    assert_eq!(loaded.repairs.len(), 1);
    assert!(
        loaded.repairs[0].message.contains("id 5"),
        "{:?}",
        loaded.repairs
    );
}

#[test]
fn a_bad_value_deep_in_the_file_points_at_its_line() {
    let text = HOLDING_EXAMPLE.replacen("polarity: Positive", "polarity: Sideways", 1);
    let line_of_change = text
        .lines()
        .position(|l| l.contains("Sideways"))
        .expect("changed")
        + 1;
    match load_str(&text, "bad.ron").expect_err("bad variant") {
        LoadError::Syntax { line, message, .. } => {
            assert_eq!(line, line_of_change);
            assert!(
                message.contains("Sideways") && message.contains("Negative"),
                "{message}"
            );
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}
