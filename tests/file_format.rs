//! The file format as a researcher meets it: round trips, damaged files, newer versions,
//! folders that cannot be written.

mod common;

use cmoc_canvas::edit::Edit;
use cmoc_canvas::file::{
    FORMAT_VERSION, HOLDING_EXAMPLE, LoadError, SaveError, load_file, load_str, save_file,
    to_ron_string,
};
use cmoc_canvas::model::Polarity;
use std::collections::BTreeSet;
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
    // The example's diagram (as format 4 wrote it, without the example's two saved versions:
    // every prefix is parsed, so the time grows with the square of the length), and a file
    // with saved versions.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for file in ["v4/holding.ron", "v5/every-kind.ron"] {
        let text = fs::read_to_string(fixtures.join(file)).expect("fixture");
        let complete = text.trim_end().len();
        for (cut, _) in text.char_indices() {
            let prefix = &text[..cut];
            let result = load_str(prefix, "cut.ron");
            if cut < complete {
                let err = result.expect_err("a truncated file must not open");
                if let LoadError::Syntax { line, column, .. } = &err {
                    assert!(*line >= 1 && *column >= 1, "{file}: {err}");
                }
            } else {
                // Only trailing whitespace is missing: still a whole document.
                assert!(result.is_ok(), "{file}");
            }
            checked += 1;
        }
    }
    assert!(
        checked > 40_000,
        "the files are large enough to mean something"
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
            assert_eq!(
                (found.as_str(), *supported),
                (newer.to_string().as_str(), FORMAT_VERSION)
            );
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
    // The writer fails after half the file, as a full disk would.
    let result = cmoc_canvas::file::write_atomic_with(&path, &mut |out| {
        out.write_all(&HOLDING_EXAMPLE.as_bytes()[..HOLDING_EXAMPLE.len() / 2])?;
        Err(std::io::Error::other("no space left on device"))
    });
    assert!(result.is_err());
    assert_eq!(fs::read_to_string(&path).expect("read"), HOLDING_EXAMPLE);
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["keep.ron"], "no temporary file is left behind");
}

#[cfg(unix)]
#[test]
fn links_planted_where_temporary_files_go_are_never_followed() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().expect("temp dir");
    let elsewhere = tempfile::tempdir().expect("another folder");
    let victim = elsewhere.path().join("victim.txt");
    fs::write(&victim, "precious").expect("victim");
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o600)).expect("mode");
    let path = dir.path().join("figure.svg");
    // The names earlier versions used, and names in today's pattern: none is followed.
    let pid = std::process::id();
    for name in [
        format!(".figure.svg.{pid}.saving"),
        ".cmoc-aaaaaaaaaa.saving".to_string(),
        ".cmoc-.saving".to_string(),
    ] {
        symlink(&victim, dir.path().join(name)).expect("plant a link");
    }
    cmoc_canvas::file::write_atomic(&path, b"<svg/>").expect("write");
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "precious");
    let mode = fs::metadata(&victim).expect("victim").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the link's target keeps its permissions");
    assert_eq!(fs::read_to_string(&path).expect("written"), "<svg/>");
}

#[test]
fn a_file_name_of_246_characters_can_be_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = format!("{}.ron", "w".repeat(242));
    assert_eq!(name.len(), 246);
    let path = dir.path().join(name);
    save_file(&common::holding(), &path).expect("a legal name is saved");
    assert!(load_file(&path).is_ok());
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

#[cfg(unix)]
#[test]
fn saving_keeps_a_private_file_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("confidential.ron");
    let doc = common::holding();
    save_file(&doc, &path).expect("first save");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
    save_file(&doc, &path).expect("second save");
    let mode = fs::metadata(&path).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "permissions kept: {mode:o}");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    save_file(&doc, &path).expect("third save");
    let mode = fs::metadata(&path).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "permissions kept: {mode:o}");
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real_folder = dir.path().join("shared drive");
    fs::create_dir(&real_folder).expect("folder");
    let real = real_folder.join("holding.ron");
    let link = dir.path().join("holding link.ron");
    let doc = common::holding();
    save_file(&doc, &real).expect("save the real file");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let changed = retitled(&doc, "Changed through the link");
    save_file(&changed, &link).expect("save through the link");
    assert!(
        fs::symlink_metadata(&link)
            .expect("link metadata")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    let reopened = load_file(&real).expect("the target opens").document;
    assert_eq!(reopened.metadata().title, "Changed through the link");
    // A relative link to a file that does not exist yet creates that file.
    let dangling = dir.path().join("new link.ron");
    std::os::unix::fs::symlink("shared drive/new.ron", &dangling).expect("link");
    save_file(&doc, &dangling).expect("save through a dangling link");
    assert!(real_folder.join("new.ron").is_file());
    assert!(
        fs::symlink_metadata(&dangling)
            .expect("metadata")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_read_only_file_is_refused_not_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("protected.ron");
    let doc = common::holding();
    save_file(&doc, &path).expect("first save");
    let before = fs::read(&path).expect("read");
    let mut permissions = fs::metadata(&path).expect("metadata").permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).expect("make read-only");
    let changed = retitled(&doc, "Should not land");
    let err = save_file(&changed, &path).expect_err("refused");
    assert!(matches!(err, SaveError::ReadOnlyFile { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("read-only") && message.contains("Save As"),
        "{message}"
    );
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "the file is untouched"
    );
}

#[test]
fn a_killed_saves_leftover_is_cleared_by_the_next_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("holding.ron");
    let stale = dir.path().join(".cmoc-Ab3dE5gH9k.saving");
    let fresh = dir.path().join(".cmoc-Zy8xW7vU6t.saving");
    let other = dir.path().join(".notes.txt.999999.saving");
    for p in [&stale, &fresh, &other] {
        fs::write(p, "half a file").expect("leftover");
    }
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for p in [&stale, &other] {
        fs::File::options()
            .write(true)
            .open(p)
            .and_then(|f| f.set_modified(old))
            .expect("age the leftover");
    }
    save_file(&common::holding(), &path).expect("save");
    assert!(!stale.exists(), "an hour-old leftover of ours is removed");
    assert!(
        fresh.exists(),
        "a fresh one may be a save in progress in another window"
    );
    assert!(
        other.exists(),
        "other programs' leftovers are not ours to judge"
    );
    let leftovers = fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(".cmoc-") && e.path() != fresh
        })
        .count();
    assert_eq!(leftovers, 0, "our own save leaves nothing behind");
}

fn retitled(doc: &cmoc_canvas::model::Document, title: &str) -> cmoc_canvas::model::Document {
    let mut changed = doc.clone();
    let mut metadata = changed.metadata().clone();
    metadata.title = title.into();
    Edit::SetMetadata {
        metadata: Box::new(metadata),
    }
    .apply(&mut changed)
    .expect("retitle");
    changed
}

#[test]
fn duplicate_ids_at_the_top_of_the_range_are_repaired_and_nothing_is_dropped() {
    let max = u64::MAX;
    let node = |id: u64, n: u32| {
        format!(
            "(id: {id}, content: Cmoc((number: {n}, context: \"c{n}\", mechanism: \"m\", outcome: \"o\")), position: (0.0, 0.0), size: (280.0, 200.0)),"
        )
    };
    let text = format!(
        "(format_version: 1, nodes: [{} {} {} {} {}], edges: [(id: {max}, from: {max}, to: {}), (id: {max}, from: {}, to: {max})], annotations: [(id: {max}, target: Node({max}), text: \"a\", created: \"2024-05-02T14:03:00Z\"), (id: {max}, target: Node({max}), text: \"b\", created: \"2024-05-02T14:03:00Z\")])",
        node(max, 1),
        node(max, 2),
        node(max, 3),
        node(max - 1, 4),
        node(max - 1, 5),
        max - 1,
        max - 1,
    );
    let loaded = load_str(&text, "top.ron").expect("opens");
    let doc = &loaded.document;
    assert_eq!(doc.node_count(), 5, "every node kept");
    assert_eq!(doc.edge_count(), 2, "every arrow kept");
    assert_eq!(doc.annotation_count(), 2, "every comment kept");
    let mut numbers: Vec<u32> = doc.cmoc_cards().map(|(_, c)| c.number).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, vec![1, 2, 3, 4, 5]);
    assert_eq!(loaded.repairs.len(), 5, "{:?}", loaded.repairs);
    assert!(
        loaded
            .repairs
            .iter()
            .all(|r| r.message.contains("now has id"))
    );
    // Ids handed out afterwards are fresh too: none in use, none twice.
    let used: BTreeSet<u64> = doc
        .nodes()
        .map(|n| n.id.0)
        .chain(doc.edges().map(|e| e.id.0))
        .chain(doc.annotations().map(|a| a.id.0))
        .collect();
    let fresh: Vec<u64> = (0..5).map(|_| doc.allocate_id()).collect();
    let distinct: BTreeSet<u64> = fresh.iter().copied().collect();
    assert_eq!(distinct.len(), fresh.len(), "{fresh:?}");
    assert!(distinct.is_disjoint(&used), "{fresh:?} vs {used:?}");
    // And it saves and opens again unchanged.
    let again = load_str(&to_ron_string(doc).expect("saves"), "again.ron").expect("re-opens");
    assert!(again.repairs.is_empty());
    assert_eq!(&again.document, doc);
}

/// Every load error a damaged file can give reads as plain words: it names the file and a
/// line and column (or the version), quotes at most a short excerpt, and never shows the
/// parser's or the program's own vocabulary.
#[test]
fn damaged_files_get_messages_in_plain_words() {
    const JARGON: [&str; 14] = [
        "FileV1",
        "CmocCard",
        "TextBlock",
        "NodeContent",
        "Metadata",
        "ron::",
        "recursion_limit",
        "serde",
        "raw identifier",
        "std identifier",
        "expected option",
        "Option",
        "u32",
        "f32",
    ];
    let example = HOLDING_EXAMPLE;
    let mut cases: Vec<String> = Vec::new();
    let step = example.len() / 150;
    for (k, at) in (0..example.len()).step_by(step.max(1)).enumerate() {
        if !example.is_char_boundary(at) {
            continue;
        }
        let junk = ["-", "}", "\"", "((", "x", "9e999", ",,", "[", "r#\"", "/*"][k % 10];
        cases.push(format!("{}{junk}{}", &example[..at], &example[at..]));
        let end = (at + 7).min(example.len());
        if example.is_char_boundary(end) {
            cases.push(format!("{}{}", &example[..at], &example[end..]));
        }
    }
    cases.push(format!(
        "(format_version: 1, metadata: (title: {}))",
        "x".repeat(1_000_000)
    ));
    cases.push(format!(
        "(format_version: 1, metadata: (title: \"a\"), nodes: {}{})",
        "[".repeat(500),
        "]".repeat(500)
    ));
    cases.push("(format_version: 1, nodes: [(id: 1, content: Theory((titel: \"x\")), position: (0.0, 0.0), size: (1.0, 1.0))])".into());
    cases.push("(format_version: -1)".into());
    let mut errors = 0;
    for (i, text) in cases.iter().enumerate() {
        let Err(err) = load_str(text, "damaged.ron") else {
            continue;
        };
        errors += 1;
        let message = err.to_string();
        assert!(message.starts_with("damaged.ron"), "case {i}: {message}");
        assert!(
            message.len() < 600,
            "case {i}: {} chars: {message}",
            message.len()
        );
        for word in JARGON {
            assert!(!message.contains(word), "case {i}: “{word}” in {message}");
        }
        if let LoadError::Syntax { line, column, .. } = err {
            assert!(line >= 1 && column >= 1, "case {i}");
        }
    }
    // A few cuts fall where they do no harm (a run of indentation spaces): most do.
    assert!(
        errors * 3 > cases.len(),
        "the cases really are damaged ({errors} of {})",
        cases.len()
    );
}

#[test]
fn a_byte_that_is_not_text_is_found_by_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bytes.ron");
    let mut bytes = b"(\n    format_version: 1,\n    metadata: (title: \"ok ".to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(b"\"),\n)\n");
    fs::write(&path, bytes).expect("write");
    let err = load_file(&path).expect_err("not text");
    let message = err.to_string();
    assert!(message.contains("line 3, column 27"), "{message}");
}
