//! The editor's side of crash recovery: when to write a snapshot of unsaved work (a moment
//! after edits stop, at most two seconds after the first unsaved change, when the window loses
//! focus, before asking about quitting), when to remove it (saved, or deliberately discarded),
//! and the question asked at the next start after a crash: Recover / Discard / Compare.

use super::dialogs::Modal;
use super::files::Files;
use crate::file::recovery::{FileStamp, Orphan, RecoveryStore, Session, SnapshotJob};
use crate::model::{Stamp, Target};
use egui::{RichText, Ui};
use std::path::{Path, PathBuf};

/// A snapshot is written once edits have paused this long…
pub const IDLE_SECONDS: f64 = 1.5;
/// …and at the latest this long after the first change it does not hold yet, so continuous
/// typing never leaves more than two seconds of work unprotected.
pub const MAX_AGE_SECONDS: f64 = 2.0;

/// Where recovery snapshots live: `$CMOC_CANVAS_DATA_DIR/recovery` if that is set; beside a
/// settings file given explicitly (tests and portable installs keep everything together);
/// else the platform's data folder (e.g. `~/.local/share/cmoc-canvas/recovery`). An editor
/// started without a settings file (benchmarks, embedding) keeps no snapshots.
pub fn recovery_dir(settings_path: Option<&Path>) -> Option<PathBuf> {
    let settings_path = settings_path?;
    if let Some(dir) = std::env::var_os("CMOC_CANVAS_DATA_DIR") {
        return Some(PathBuf::from(dir).join("recovery"));
    }
    if Some(settings_path) != super::settings::Settings::default_path().as_deref() {
        return settings_path.parent().map(|folder| folder.join("recovery"));
    }
    directories::ProjectDirs::from("org", "CMOC Canvas", "cmoc-canvas")
        .map(|dirs| dirs.data_dir().join("recovery"))
}

/// What the editor keeps for recovery.
#[derive(Default)]
pub struct RecoveryState {
    store: Option<RecoveryStore>,
    session: Option<Session>,
    /// Why snapshots cannot be written at all.
    pub problem: Option<String>,
    /// The problem last shown in the status bar.
    reported: Option<String>,
    /// The document and drafts as last seen, and when they last changed.
    seen: Option<(Stamp, u64)>,
    last_change: f64,
    first_unwritten: Option<f64>,
    /// What the snapshot on disk holds (`None`: there is none).
    written: Option<(Stamp, u64)>,
    /// The file as last opened or saved.
    pub base: Option<FileStamp>,
    /// Whether the window had focus last frame.
    was_focused: bool,
    /// Snapshots of editors that crashed, still to be offered.
    pub offers: Vec<Orphan>,
    /// The editor is closing: no snapshot may be written any more (a frame drawn after
    /// Quit → Don't save would otherwise begin a new session and save the discarded work).
    ended: bool,
}

impl RecoveryState {
    /// Recovery in `dir`, collecting what crashed editors left.
    pub fn open(dir: Option<PathBuf>) -> Self {
        let store = dir.map(RecoveryStore::new);
        let offers = store
            .as_ref()
            .map(RecoveryStore::orphans)
            .unwrap_or_default();
        Self {
            store,
            was_focused: true,
            offers,
            ..Self::default()
        }
    }

    /// The folder snapshots go to.
    pub fn dir(&self) -> Option<&Path> {
        self.store.as_ref().map(RecoveryStore::dir)
    }

    /// The snapshot file of this editor, once one exists.
    pub fn snapshot_file(&self) -> Option<&Path> {
        self.written?;
        self.session.as_ref().map(Session::file)
    }

    /// Waits until queued snapshots are on disk (tests, and before the window closes).
    pub fn flush(&self) -> Result<(), String> {
        self.session.as_ref().map_or(Ok(()), Session::flush)
    }

    /// The work is safe (saved, or discarded on purpose): remove the snapshot.
    pub fn clear(&mut self) {
        if self.written.take().is_some()
            && let Some(session) = &self.session
        {
            session.clear();
        }
        self.first_unwritten = None;
    }

    /// The editor is closing normally: nothing to recover next time.
    pub fn end(&mut self) {
        self.ended = true;
        self.written = None;
        if let Some(session) = self.session.take() {
            session.end();
        }
    }

    fn session(&mut self) -> Option<&Session> {
        if self.session.is_none() && self.problem.is_none() && !self.ended {
            let store = self.store.as_ref()?;
            match store.begin() {
                Ok(session) => self.session = Some(session),
                Err(e) => {
                    self.problem = Some(format!(
                        "Unsaved work cannot be protected against a crash: the recovery folder {} cannot be written ({e}). Save often.",
                        store.dir().display()
                    ));
                }
            }
        }
        self.session.as_ref()
    }
}

/// A cheap fingerprint of the unsent comments and those waiting from phones (to notice that
/// they changed).
fn drafts_fingerprint(
    drafts: &std::collections::BTreeMap<Target, String>,
    waiting: &[crate::model::PhoneComment],
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    for (target, text) in drafts {
        if !text.trim().is_empty() {
            target.hash(&mut hasher);
            text.hash(&mut hasher);
        }
    }
    for comment in waiting {
        comment.phone.hash(&mut hasher);
        comment.text.hash(&mut hasher);
    }
    hasher.finish()
}

impl Files<'_> {
    /// Called every frame: writes a snapshot when one is due, removes it when the work is
    /// safe, and asks for a repaint when the next one will be due.
    pub(super) fn recovery_tick(&mut self, ctx: &egui::Context) {
        if self.desk.recovery.ended {
            return;
        }
        let (now, focused) = ctx.input(|i| (i.time, i.focused));
        let seen = (
            self.editor.revision(),
            drafts_fingerprint(&self.comments.drafts, self.editor.phone_comments()),
        );
        if self.desk.recovery.seen != Some(seen) {
            self.desk.recovery.seen = Some(seen);
            self.desk.recovery.last_change = now;
            if self.desk.recovery.written != Some(seen)
                && self.desk.recovery.first_unwritten.is_none()
            {
                self.desk.recovery.first_unwritten = Some(now);
            }
        }
        let focus_lost = self.desk.recovery.was_focused && !focused;
        self.desk.recovery.was_focused = focused;
        let needed = self.editor.is_dirty()
            || self.comments.unsent().next().is_some()
            || !self.editor.phone_comments().is_empty();
        if !needed {
            self.desk.recovery.clear();
            return;
        }
        if self.desk.recovery.written == Some(seen) {
            self.desk.recovery.first_unwritten = None;
            self.report_recovery_problem();
            return;
        }
        let first = self.desk.recovery.first_unwritten.unwrap_or(now);
        let idle_for = now - self.desk.recovery.last_change;
        let due = focus_lost || idle_for >= IDLE_SECONDS || now - first >= MAX_AGE_SECONDS;
        if due {
            self.write_snapshot();
        } else {
            let wait = (IDLE_SECONDS - idle_for).min(MAX_AGE_SECONDS - (now - first));
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.05)));
        }
    }

    /// Writes a snapshot now (in the background) if there is unsaved work.
    pub fn write_snapshot(&mut self) {
        let seen = (
            self.editor.revision(),
            drafts_fingerprint(&self.comments.drafts, self.editor.phone_comments()),
        );
        if self.desk.recovery.session().is_none() {
            // No recovery folder (or it cannot be written, which was said): nothing to write,
            // and no document copied every frame in vain.
            self.desk.recovery.written = Some(seen);
            self.desk.recovery.first_unwritten = None;
            self.report_recovery_problem();
            return;
        }
        let path = match &self.editor.origin {
            super::Origin::File(path) => Some(path.clone()),
            _ => None,
        };
        let job = SnapshotJob {
            document: self.editor.doc().clone(),
            path,
            base: self.desk.recovery.base,
            drafts: self
                .comments
                .unsent()
                .map(|(t, d)| (*t, d.clone()))
                .collect(),
            phone_comments: self.editor.phone_comments().to_vec(),
        };
        if let Some(session) = self.desk.recovery.session() {
            session.write(job);
            self.desk.recovery.written = Some(seen);
            self.desk.recovery.first_unwritten = None;
        }
        self.report_recovery_problem();
    }

    /// Says once in the status bar when snapshots cannot be written (a full disk, a folder
    /// that may not be written): the user should know their work is not protected.
    fn report_recovery_problem(&mut self) {
        let problem = self
            .desk
            .recovery
            .session
            .as_ref()
            .and_then(Session::last_error)
            .map(|e| {
                format!("Could not keep a recovery copy of your unsaved work ({e}). Save often.")
            })
            .or_else(|| self.desk.recovery.problem.clone());
        if problem != self.desk.recovery.reported {
            if let Some(message) = &problem {
                self.editor.status.clone_from(message);
            }
            self.desk.recovery.reported = problem;
        }
    }

    /// The snapshot for a document just opened or saved at `path`.
    pub(super) fn recovery_after_open_or_save(&mut self, path: Option<&Path>) {
        self.desk.recovery.base = path.and_then(FileStamp::of);
        self.desk.recovery.clear();
    }

    /// Recovers the offered snapshot: its document becomes the open, unsaved document, its
    /// comment drafts come back, and the old snapshot is removed once ours holds the work.
    pub(super) fn recover(&mut self, orphan: &Orphan) {
        let snapshot = match &orphan.snapshot {
            Ok(s) => s.clone(),
            Err(reason) => {
                self.desk.modal = Some(Modal::Error {
                    title: "Could not recover".into(),
                    message: format!(
                        "The snapshot {} cannot be read: {reason}. It has been kept.",
                        orphan.file.display()
                    ),
                });
                return;
            }
        };
        let file = orphan.file.display().to_string();
        let loaded = match crate::file::load_str(&snapshot.document, &file) {
            Ok(loaded) => loaded,
            Err(e) => {
                self.desk.modal = Some(Modal::Error {
                    title: "Could not recover".into(),
                    message: format!("{e} The snapshot has been kept."),
                });
                return;
            }
        };
        let origin = match &snapshot.path {
            Some(path) => super::Origin::File(path.clone()),
            None => super::Origin::Untitled,
        };
        self.replace_document(loaded.document, origin);
        self.editor.mark_unsaved();
        self.desk.recovery.base = snapshot.base;
        self.comments.drafts = snapshot.drafts.into_iter().collect();
        self.editor.restore_phone_comments(snapshot.phone_comments);
        self.write_snapshot();
        if self.desk.recovery.flush().is_ok()
            && self.desk.recovery.snapshot_file().is_some()
            && let Some(store) = &self.desk.recovery.store
        {
            store.remove(orphan);
        }
        self.editor.status = format!(
            "Recovered unsaved changes to {} from {} UTC. Save to keep them.",
            orphan.name(),
            snapshot.written.short()
        );
    }

    /// File → Recover unsaved work: looks again for snapshots of editors that are not running.
    pub(super) fn offer_recovery(&mut self) {
        self.desk.recovery.offers = self
            .desk
            .recovery
            .store
            .as_ref()
            .map(RecoveryStore::orphans)
            .unwrap_or_default();
        if self.desk.recovery.offers.is_empty() {
            self.editor.status = match self.desk.recovery.dir() {
                Some(dir) => format!(
                    "Nothing to recover: no unsaved work was kept aside in {}.",
                    dir.display()
                ),
                None => {
                    "Nothing to recover: this system has no folder for recovery snapshots.".into()
                }
            };
        } else if self.has_unsaved_work() {
            self.editor.status = format!(
                "{} recovery snapshot(s) found: save or close this diagram first, then choose Recover unsaved work again.",
                self.desk.recovery.offers.len()
            );
        } else {
            self.desk.modal = Some(Modal::Recover { compare: None });
        }
    }

    /// Forgets a crashed editor's snapshot on the user's word.
    pub(super) fn discard_snapshot(&mut self, orphan: &Orphan) {
        if let Some(store) = &self.desk.recovery.store {
            store.remove(orphan);
        }
        self.editor.status = format!("Discarded the unsaved changes to {}.", orphan.name());
    }
}

/// What the recovery question answered.
pub(super) enum RecoverAnswer {
    Recover,
    Discard,
    Later,
}

/// The question after a crash, with the comparison when asked for.
pub(super) fn recover_ui(
    ui: &mut Ui,
    orphan: &Orphan,
    compare: &mut Option<Vec<String>>,
) -> Option<RecoverAnswer> {
    let mut answer = None;
    match &orphan.snapshot {
        Ok(snapshot) => {
            ui.heading(format!(
                "Recover unsaved changes to {} from {} UTC?",
                orphan.name(),
                snapshot.written.short()
            ));
            ui.label(
                "CMOC Canvas did not close normally last time. These changes were kept aside; \
                 your file has not been touched.",
            );
            if !snapshot.drafts.is_empty() {
                ui.label(format!(
                    "With {} comment(s) that were being written.",
                    snapshot.drafts.len()
                ));
            }
            if !snapshot.phone_comments.is_empty() {
                ui.label(format!(
                    "With {} comment(s) from phones waiting to be accepted.",
                    snapshot.phone_comments.len()
                ));
            }
            if orphan.file_changed_since() == Some(true) {
                ui.label(
                    RichText::new(
                        "Warning: the file on disk has changed since these changes were made (or it was \
                         moved). Compare first: recovering and then saving would replace it.",
                    )
                    .strong()
                    .color(ui.visuals().warn_fg_color),
                );
            }
        }
        Err(reason) => {
            ui.heading("A recovery snapshot cannot be read");
            ui.label(format!("{}: {reason}", orphan.file.display()));
        }
    }
    if let Some(lines) = compare {
        ui.separator();
        ui.label(RichText::new("Compared with the file on disk:").strong());
        egui::ScrollArea::vertical()
            .max_height(240.0)
            .show(ui, |ui| {
                if lines.is_empty() {
                    ui.label("No differences in content.");
                }
                for line in lines.iter() {
                    ui.label(line);
                }
            });
    }
    ui.separator();
    ui.label(
        RichText::new("Enter recovers; Esc decides later (the changes stay kept aside).").weak(),
    );
    // Enter takes the choice that loses nothing.
    if orphan.snapshot.is_ok()
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
    {
        answer = Some(RecoverAnswer::Recover);
    }
    ui.horizontal(|ui| {
        if orphan.snapshot.is_ok() && ui.button("Recover").clicked() {
            answer = Some(RecoverAnswer::Recover);
        }
        if ui
            .button("Discard")
            .on_hover_text("Delete these changes for good")
            .clicked()
        {
            answer = Some(RecoverAnswer::Discard);
        }
        if orphan.snapshot.is_ok() && compare.is_none() && ui.button("Compare").clicked() {
            *compare = Some(comparison(orphan));
        }
        if ui
            .button("Decide later")
            .on_hover_text("Keep the snapshot; you will be asked again at the next start")
            .clicked()
        {
            answer = Some(RecoverAnswer::Later);
        }
    });
    answer
}

/// The differences between the file on disk (or nothing, for an untitled diagram) and the
/// snapshot, in words.
pub fn comparison(orphan: &Orphan) -> Vec<String> {
    let Ok(snapshot) = &orphan.snapshot else {
        return Vec::new();
    };
    let Ok(recovered) = crate::file::load_str(&snapshot.document, "snapshot") else {
        return vec!["The snapshot does not open.".into()];
    };
    let on_disk = match &snapshot.path {
        Some(path) => match crate::file::load_file(path) {
            Ok(loaded) => loaded.document,
            Err(e) => return vec![format!("The file on disk does not open: {e}")],
        },
        None => crate::model::Document::new(""),
    };
    crate::model::differences(&on_disk, &recovered.document)
}
