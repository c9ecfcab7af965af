//! Saving that never loses work: write a temporary file beside the target, flush it to disk,
//! then rename it over the target. A crash or a full disk mid-save leaves the old file intact.

use super::error::SaveError;
use super::format::{FORMAT_VERSION, declared_version, to_ron_string};
use crate::model::Document;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Saves the document to `path` atomically, refusing to overwrite a file from a newer version.
pub fn save_file(doc: &Document, path: &Path) -> Result<(), SaveError> {
    refuse_newer_target(path)?;
    let text = to_ron_string(doc).map_err(|e| SaveError::Serialize(e.to_string()))?;
    write_atomic(path, text.as_bytes())
}

fn refuse_newer_target(path: &Path) -> Result<(), SaveError> {
    let Ok(existing) = fs::read(path) else {
        return Ok(());
    };
    let head = String::from_utf8_lossy(&existing[..existing.len().min(4096)]);
    match declared_version(&head) {
        Some(found) if found > u64::from(FORMAT_VERSION) => Err(SaveError::WouldOverwriteNewer {
            path: path.to_path_buf(),
            found: u32::try_from(found).unwrap_or(u32::MAX),
        }),
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` so that readers see either the old file or the new one whole.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(SaveError::MissingFolder {
            path: path.to_path_buf(),
            folder,
        });
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "diagram.ron".into());
    let temp = folder.join(format!(".{name}.{}.saving", std::process::id()));
    let result = write_and_sync(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if let Err(error) = result {
        let _ = fs::remove_file(&temp);
        return Err(SaveError::from_io(path, &error));
    }
    sync_folder(&folder);
    Ok(())
}

fn write_and_sync(temp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(temp)?;
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()
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
