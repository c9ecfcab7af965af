//! Recovery snapshots: unsaved work written aside, never over the user's file, so a crash,
//! a kill or a power cut costs at most the last couple of seconds.
//!
//! Each editing session (one open document in one running editor) has a key and, in the
//! recovery folder, two files: `KEY.lock`, held locked by the running editor, and `KEY.ron`,
//! the latest snapshot, replaced atomically. When the editor ends normally it removes both.
//! A snapshot whose lock nobody holds belongs to an editor that crashed or was killed: the
//! next start offers it. Two editors with the same file open keep separate snapshots, and an
//! untitled diagram is recovered like any other.
//!
//! Snapshots are written on a background thread, so a large diagram never stalls typing.

use super::format::to_ron_string;
use super::save::write_private;
use crate::model::{Document, PhoneComment, Target, Timestamp};
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

/// What a snapshot file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Snapshot layout version (1).
    pub snapshot_version: u32,
    /// When it was written.
    pub written: Timestamp,
    /// The file the document belongs to; `None` for an untitled diagram or the example.
    pub path: Option<PathBuf>,
    /// The diagram's title, to name an untitled diagram.
    pub title: String,
    /// The file as it was when the editor last opened or saved it, to tell whether someone
    /// changed it since.
    pub base: Option<FileStamp>,
    /// Comments being written but not yet added, per card or arrow.
    pub drafts: Vec<(Target, String)>,
    /// Comments from a workshop room's phones waiting for the facilitator (none in snapshots
    /// of older versions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phone_comments: Vec<PhoneComment>,
    /// The document, as the text of a CMOC Canvas file (so it opens through the same loader,
    /// migrations and repairs as any file).
    pub document: String,
}

/// Enough about a file to notice that it changed: its length, modification time and a hash
/// of its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// Length in bytes.
    pub len: u64,
    /// Modification time, nanoseconds since 1970 (0 when the system does not say).
    pub modified_nanos: u64,
    /// FNV-1a hash of the bytes.
    pub hash: u64,
}

impl FileStamp {
    /// The stamp of the file at `path` now, if it can be read.
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = fs::metadata(path).ok()?;
        let bytes = fs::read(path).ok()?;
        Some(FileStamp {
            len: meta.len(),
            modified_nanos: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)),
            hash: fnv1a(&bytes),
        })
    }

    /// The same content (the hash decides; the time alone changes when a file is touched).
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// FNV-1a, 64 bit: a stable hash to notice a changed file (not for security). Written out
/// because the std hasher is not stable between Rust versions and snapshots outlive them.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A snapshot left by an editor that did not end normally.
#[derive(Clone, Debug)]
pub struct Orphan {
    /// Its key (the file names in the recovery folder).
    pub key: String,
    /// The snapshot file.
    pub file: PathBuf,
    /// What it holds, or why it could not be read.
    pub snapshot: Result<Snapshot, String>,
}

impl Orphan {
    /// "holding.ron" or the title of an untitled diagram, for the question we ask.
    pub fn name(&self) -> String {
        match &self.snapshot {
            Ok(s) => match &s.path {
                Some(p) => p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| p.display().to_string()),
                None if s.title.trim().is_empty() => "an untitled diagram".into(),
                None => format!("the untitled diagram “{}”", s.title),
            },
            Err(_) => self.key.clone(),
        }
    }

    /// Whether the file on disk is no longer the one the changes were made to (changed,
    /// replaced or removed since). `None` when there is no file to compare with.
    pub fn file_changed_since(&self) -> Option<bool> {
        let snapshot = self.snapshot.as_ref().ok()?;
        let path = snapshot.path.as_ref()?;
        let now = FileStamp::of(path);
        Some(match (&snapshot.base, now) {
            (Some(base), Some(now)) => !base.same_content(&now),
            (None, Some(_)) => true,
            (_, None) => true,
        })
    }
}

/// The recovery folder.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// A store in `dir` (created when the first snapshot is written).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Snapshots whose editor is no longer running, oldest first. Lock files without a
    /// snapshot are cleared on the way.
    pub fn orphans(&self) -> Vec<Orphan> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if let Some(key) = name.strip_suffix(".lock") {
                if !self.snapshot_path(key).exists() && lock_is_free(&path) {
                    let _ = fs::remove_file(&path);
                }
                continue;
            }
            let Some(key) = name.strip_suffix(".ron") else {
                continue;
            };
            if !lock_is_free(&self.lock_path(key)) {
                continue; // an editor running now owns it
            }
            let snapshot = read_snapshot(&path);
            found.push(Orphan {
                key: key.to_string(),
                file: path,
                snapshot,
            });
        }
        found.sort_by_key(|o| {
            (
                o.snapshot.as_ref().map_or(0, |s| s.written.unix_seconds),
                o.key.clone(),
            )
        });
        found
    }

    /// Removes an orphan's files (after it was recovered or discarded).
    pub fn remove(&self, orphan: &Orphan) {
        let _ = fs::remove_file(&orphan.file);
        let _ = fs::remove_file(self.lock_path(&orphan.key));
    }

    /// Starts a session: a fresh key whose lock this process holds until the session ends.
    /// Fails (and the editor says so) when the folder cannot be written.
    pub fn begin(&self) -> std::io::Result<Session> {
        make_private_folder(&self.dir)?;
        let key = fresh_key();
        let lock_path = self.lock_path(&key);
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let lock = options.open(&lock_path)?;
        lock.try_lock().map_err(std::io::Error::other)?;
        let file = self.snapshot_path(&key);
        let (jobs, receiver) = mpsc::channel::<Job>();
        let writer_file = file.clone();
        let error = Arc::new(Mutex::new(None));
        let writer_error = Arc::clone(&error);
        let writer = std::thread::Builder::new()
            .name("recovery snapshots".into())
            .spawn(move || writer_loop(&writer_file, &receiver, &writer_error))?;
        Ok(Session {
            key,
            file,
            lock_path,
            lock: Some(lock),
            jobs: Some(jobs),
            writer: Some(writer),
            error,
        })
    }

    fn snapshot_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.ron"))
    }

    fn lock_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.lock"))
    }
}

/// Creates the recovery folder readable by its owner only (0700 whatever the umask; an
/// existing folder is made so): on a shared machine, a workshop's unsaved words are nobody
/// else's to read.
fn make_private_folder(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    builder.create(dir)
}

fn lock_is_free(path: &Path) -> bool {
    match File::options().read(true).write(true).open(path) {
        Ok(file) => file.try_lock().is_ok(),
        // No lock file at all: nobody holds it.
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

fn read_snapshot(path: &Path) -> Result<Snapshot, String> {
    let text = fs::read_to_string(path).map_err(|e| e.to_string())?;
    ron::from_str(&text).map_err(|e| format!("the snapshot is damaged ({e})"))
}

fn fresh_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!(
        "session-{nanos}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// What the editor hands the writer: the document (cloned, so the editor goes on at once)
/// and what goes with it.
pub struct SnapshotJob {
    /// The document as it is now.
    pub document: Document,
    /// Its file, if any.
    pub path: Option<PathBuf>,
    /// Its file as last opened or saved.
    pub base: Option<FileStamp>,
    /// Unsent comments.
    pub drafts: Vec<(Target, String)>,
    /// Comments waiting from phones.
    pub phone_comments: Vec<PhoneComment>,
}

enum Job {
    Write(Box<SnapshotJob>),
    Remove,
    Flush(mpsc::Sender<Result<(), String>>),
}

fn writer_loop(file: &Path, jobs: &mpsc::Receiver<Job>, shared: &Mutex<Option<String>>) {
    let mut last_error: Option<String> = None;
    while let Ok(job) = jobs.recv() {
        // Only the newest snapshot matters: skip to the last write queued.
        let mut job = job;
        while let Ok(next) = jobs.try_recv() {
            match (&job, &next) {
                (Job::Write(_) | Job::Remove, Job::Write(_) | Job::Remove) => job = next,
                _ => {
                    run_job(file, job, &mut last_error);
                    job = next;
                }
            }
        }
        run_job(file, job, &mut last_error);
        if let Ok(mut shared) = shared.lock() {
            shared.clone_from(&last_error);
        }
    }
}

fn run_job(file: &Path, job: Job, last_error: &mut Option<String>) {
    match job {
        Job::Write(job) => {
            *last_error = write_snapshot(file, *job).err();
        }
        Job::Remove => {
            *last_error = match fs::remove_file(file) {
                Ok(()) => None,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => Some(e.to_string()),
            };
        }
        Job::Flush(reply) => {
            let _ = reply.send(last_error.clone().map_or(Ok(()), Err));
        }
    }
}

fn write_snapshot(file: &Path, job: SnapshotJob) -> Result<(), String> {
    let document = to_ron_string(&job.document).map_err(|e| e.to_string())?;
    let snapshot = Snapshot {
        snapshot_version: 1,
        written: Timestamp::now(),
        path: job.path,
        title: job.document.metadata().title.clone(),
        base: job.base,
        drafts: job.drafts,
        phone_comments: job.phone_comments,
        document,
    };
    let text =
        ron::ser::to_string_pretty(&snapshot, super::pretty_config()).map_err(|e| e.to_string())?;
    write_private(file, text.as_bytes()).map_err(|e| e.to_string())
}

/// One editing session's snapshot: written in the background, removed when the work is
/// safe (saved, or deliberately discarded).
pub struct Session {
    key: String,
    file: PathBuf,
    lock_path: PathBuf,
    lock: Option<File>,
    jobs: Option<mpsc::Sender<Job>>,
    writer: Option<std::thread::JoinHandle<()>>,
    error: Arc<Mutex<Option<String>>>,
}

impl Session {
    /// Why the last snapshot could not be written, if it could not (a full disk…).
    pub fn last_error(&self) -> Option<String> {
        self.error.lock().ok().and_then(|e| e.clone())
    }

    /// This session's key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The snapshot file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Queues a snapshot of the document (replacing any not yet written).
    pub fn write(&self, job: SnapshotJob) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job::Write(Box::new(job)));
        }
    }

    /// Queues the removal of the snapshot: the work is safe elsewhere.
    pub fn clear(&self) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job::Remove);
        }
    }

    /// Waits until everything queued is on disk; returns the last write's error, if any.
    pub fn flush(&self) -> Result<(), String> {
        let Some(jobs) = &self.jobs else {
            return Ok(());
        };
        let (reply, answer) = mpsc::channel();
        jobs.send(Job::Flush(reply))
            .map_err(|_| "the snapshot writer stopped".to_string())?;
        answer
            .recv()
            .map_err(|_| "the snapshot writer stopped".to_string())?
    }

    /// Ends the session normally: the snapshot and the lock are removed.
    pub fn end(mut self) {
        self.clear();
        self.shut_down();
        let _ = fs::remove_file(&self.lock_path);
    }

    fn shut_down(&mut self) {
        self.jobs = None; // the writer finishes its queue and stops
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
        self.lock = None;
    }
}

impl Drop for Session {
    /// Dropped without `end` (e.g. the window closed while unsaved work was kept on
    /// purpose): the queued snapshot is finished and left for the next start to offer.
    fn drop(&mut self) {
        self.shut_down();
    }
}

#[cfg(test)]
mod tests;
