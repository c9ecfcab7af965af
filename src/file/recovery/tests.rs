//! Tests of recovery snapshots.
use super::*;
use crate::model::NodeId;

fn job(doc: &Document, path: Option<PathBuf>) -> SnapshotJob {
    SnapshotJob {
        document: doc.clone(),
        path,
        base: None,
        drafts: vec![(Target::Node(NodeId(7)), "half a thought".into())],
        phone_comments: Vec::new(),
    }
}

#[test]
fn a_running_sessions_snapshot_is_not_offered_a_dead_ones_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let doc = Document::new("Untitled theory");
    let session = store.begin().expect("session");
    session.write(job(&doc, None));
    session.flush().expect("written");
    assert!(session.file().is_file());
    assert!(store.orphans().is_empty(), "its editor is running");
    // A second editor with its own session does not see the first one's work as lost.
    let other = store.begin().expect("second session");
    assert_ne!(other.key(), session.key());
    assert!(store.orphans().is_empty());
    other.end();
    // The editor dies (the lock is released without `end`).
    drop(session);
    let orphans = store.orphans();
    assert_eq!(orphans.len(), 1);
    let snapshot = orphans[0].snapshot.as_ref().expect("readable");
    assert_eq!(snapshot.title, "Untitled theory");
    assert_eq!(snapshot.drafts.len(), 1);
    assert_eq!(orphans[0].name(), "the untitled diagram “Untitled theory”");
    let loaded = crate::file::load_str(&snapshot.document, "snapshot").expect("opens");
    assert_eq!(loaded.document, doc);
    store.remove(&orphans[0]);
    assert!(store.orphans().is_empty());
    assert_eq!(
        fs::read_dir(store.dir()).expect("list").count(),
        0,
        "nothing left behind"
    );
}

#[test]
fn ending_normally_leaves_nothing_and_a_changed_file_is_noticed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let file = dir.path().join("holding.ron");
    fs::write(&file, "(format_version: 1)\n").expect("file");
    let doc = Document::new("Holding");
    let session = store.begin().expect("session");
    let mut with_base = job(&doc, Some(file.clone()));
    with_base.base = FileStamp::of(&file);
    session.write(with_base);
    session.flush().expect("written");
    drop(session);
    let orphan = store.orphans().pop().expect("offered");
    assert_eq!(orphan.name(), "holding.ron");
    assert_eq!(orphan.file_changed_since(), Some(false));
    fs::write(
        &file,
        "(format_version: 1, metadata: (title: \"edited elsewhere\"))\n",
    )
    .expect("changed elsewhere");
    assert_eq!(orphan.file_changed_since(), Some(true));
    store.remove(&orphan);

    let session = store.begin().expect("session");
    session.write(job(&doc, None));
    session.end();
    assert!(store.orphans().is_empty());
    assert_eq!(fs::read_dir(store.dir()).expect("list").count(), 0);
}

#[test]
fn a_damaged_snapshot_is_offered_with_its_reason_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path());
    fs::write(
        dir.path().join("session-1.ron"),
        "(snapshot_version: 1, wri",
    )
    .expect("junk");
    let orphans = store.orphans();
    assert_eq!(orphans.len(), 1);
    assert!(orphans[0].snapshot.is_err());
}
