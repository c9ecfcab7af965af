//! Saving that never loses work: write a temporary file beside the target, flush it to disk,
//! then rename it over the target. A crash or a full disk mid-save leaves the old file intact.
//!
//! Saving also keeps what the user set up around the file: its permissions (a 0600 file of
//! confidential quotes stays 0600), a symbolic link (the link's target is written, the link
//! stays a link), and a read-only file is refused rather than silently replaced. Temporary files
//! left behind by a save that was killed are removed by the next save into that folder.

use super::error::SaveError;
use super::format::{declared_version, to_ron_string};
use crate::model::Document;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Saves the document to `path` atomically, refusing to overwrite a file from a newer version.
pub fn save_file(doc: &Document, path: &Path) -> Result<(), SaveError> {
    refuse_newer_target(path)?;
    let text = to_ron_string(doc).map_err(|e| SaveError::Serialize(e.to_string()))?;
    write_atomic(path, text.as_bytes())
}

fn refuse_newer_target(path: &Path) -> Result<(), SaveError> {
    let Some(found) = newer_diagram_at(path) else {
        return Ok(());
    };
    Err(SaveError::WouldOverwriteNewer {
        path: path.to_path_buf(),
        found,
    })
}

/// The format version of the CMOC diagram at `path` when it is newer than this program reads
/// (such a file must never be overwritten: saving would lose what this version does not know),
/// as written in the file.
pub fn newer_diagram_at(path: &Path) -> Option<String> {
    let head = read_head(path)?;
    declared_version(&head).newer()
}

/// The first megabyte of a file as text (enough to find the version of any diagram we write,
/// which puts it first), or `None` when it cannot be read.
pub(crate) fn read_head(path: &Path) -> Option<String> {
    use std::io::Read;
    let file = File::open(path).ok()?;
    let mut head = Vec::new();
    file.take(1 << 20).read_to_end(&mut head).ok()?;
    Some(String::from_utf8_lossy(&head).into_owned())
}

/// Where writing `path` really goes: a symbolic link is followed to the file it points to
/// (also when that file does not exist yet), so the link itself is kept.
pub fn resolve_target(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // A bounded walk: a loop of links ends here and the write fails with the system's words.
    for _ in 0..40 {
        let Ok(meta) = fs::symlink_metadata(&current) else {
            return current;
        };
        if !meta.file_type().is_symlink() {
            return current;
        }
        let Ok(target) = fs::read_link(&current) else {
            return current;
        };
        current = if target.is_absolute() {
            target
        } else {
            match current.parent() {
                Some(folder) => folder.join(target),
                None => target,
            }
        };
    }
    current
}

/// Writes `bytes` to `path` so that readers see either the old file or the new one whole.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, &mut |out: &mut dyn Write| out.write_all(bytes))
}

/// Like [`write_atomic`], with the content written by `write` as it is made (a large figure
/// is streamed to disk instead of being held in memory whole).
pub fn write_atomic_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    write_atomic_as(path, write, Access::AsBefore)
}

/// Like [`write_atomic`], for a file only its owner may read (0600 on Unix, whatever the
/// umask and whatever the file had): recovery snapshots of a workshop's unsaved words.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_as(
        path,
        &mut |out: &mut dyn Write| out.write_all(bytes),
        Access::OwnerOnly,
    )
}

/// Who may read what a save writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    /// The permissions the file had (a new file: the usual ones, less the umask).
    AsBefore,
    /// The owner only.
    OwnerOnly,
}

/// The start and end of a temporary file's name: short (a 246-byte file name must still be
/// writable beside it) and ours, so a killed save's leftover can be recognised.
const TEMP_PREFIX: &str = ".cmoc-";
const TEMP_SUFFIX: &str = ".saving";

fn write_atomic_as(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    access: Access,
) -> Result<(), SaveError> {
    let target = resolve_target(path);
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(SaveError::MissingFolder {
            path: path.to_path_buf(),
            folder,
        });
    }
    let existing = fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(SaveError::Io {
                path: path.to_path_buf(),
                reason: "that is a folder, not a file".into(),
            });
        }
        if meta.permissions().readonly() {
            return Err(SaveError::ReadOnlyFile {
                path: path.to_path_buf(),
            });
        }
    }
    remove_stale_temporaries(&folder);
    // The temporary file is created exclusively (O_EXCL: never an existing file, never through
    // a link planted at its name) with a random name, readable by its owner only until its
    // permissions are set: a confidential file is never readable by others, not even for a
    // moment.
    let temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(10)
        .tempfile_in(&folder)
        .map_err(|e| SaveError::from_io(path, &e))?;
    let result = write_and_sync(temp.as_file(), write, existing.as_ref(), access);
    if let Err(error) = result {
        return Err(SaveError::from_io(path, &error));
    }
    if let Err(error) = temp.persist(&target) {
        return Err(SaveError::from_io(path, &error.error));
    }
    sync_folder(&folder);
    Ok(())
}

fn write_and_sync(
    file: &File,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    existing: Option<&fs::Metadata>,
    access: Access,
) -> std::io::Result<()> {
    // Lock the copy while it is written, so another save can tell it from a stale one.
    let _ = file.try_lock();
    match (access, existing) {
        (Access::AsBefore, Some(meta)) => file.set_permissions(meta.permissions())?,
        (Access::AsBefore, None) => set_usual_permissions(file)?,
        (Access::OwnerOnly, _) => {}
    }
    {
        let mut writer: &File = file;
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut writer);
        write(&mut buffered)?;
        buffered.flush()?;
    }
    file.sync_all()
}

/// A new file's usual permissions: read and write for everyone the umask allows (the
/// temporary file starts as the owner's only).
#[cfg(unix)]
fn set_usual_permissions(file: &File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mask = current_umask();
    file.set_permissions(fs::Permissions::from_mode(0o666 & !mask))
}

#[cfg(not(unix))]
fn set_usual_permissions(_file: &File) -> std::io::Result<()> {
    Ok(())
}

/// The process's umask, read from /proc (no call reads it without changing it); 022 when it
/// cannot be read.
#[cfg(unix)]
fn current_umask() -> u32 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022)
}

/// How old an unlocked temporary file must be before a save takes it for a leftover: a save
/// in another window finishes far sooner.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Removes `.cmoc-XXXX.saving` files that a killed save left in `folder`: ours by name, a
/// plain file (never a link), not locked by a save in progress, and older than a minute.
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if !(file_name.starts_with(TEMP_PREFIX) && file_name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if !meta.file_type().is_file() {
            continue;
        }
        let old_enough = meta
            .modified()
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !old_enough {
            continue;
        }
        let path = entry.path();
        let unlocked = File::open(&path).is_ok_and(|f| f.try_lock().is_ok());
        if unlocked {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Makes the rename itself durable where the platform allows it (best effort).
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = (folder, File::open);
}
