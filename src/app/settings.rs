//! What the editor remembers between runs — recent files, the comment author's name, snapping —
//! in a small RON file in the platform's config folder. A damaged settings file is set aside,
//! never fatal.

use crate::file::write_atomic;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent files the File menu lists.
pub const MAX_RECENT: usize = 10;

/// Preferences and history kept between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The folder figures, tables and notes were last exported to.
    pub export_folder: Option<PathBuf>,
    /// The export dialog's choices as last used.
    pub figure: Option<super::figures::FigurePrefs>,
    /// The side panel's width the user chose by dragging its edge, in points (0: the default).
    pub side_panel_width: f32,
    /// The side panel hidden (View > Side panel, F9) for more room for the diagram.
    pub hide_side_panel: bool,
    /// Most recently opened or saved files, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The name comments are signed with.
    pub author_name: String,
    /// Snap moved nodes to the grid.
    pub snap_to_grid: bool,
    /// The groups in a workshop room ("Table 1", "Carers"), who sign comments when presenting.
    pub groups: Vec<String>,
    /// Which of `groups` is speaking now.
    pub current_group: usize,
    /// Text and interface scale (1 = normal), for small laptops and projectors.
    pub ui_scale: f32,
    /// Comments from the room's phones go straight onto their cards, not to the queue.
    pub phone_comments_straight: bool,
}

impl Settings {
    /// The settings file: `$CMOC_CANVAS_CONFIG_DIR/settings.ron` if that is set (tests use it),
    /// else the platform's config folder (e.g. `~/.config/cmoc-canvas/settings.ron`).
    pub fn default_path() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("CMOC_CANVAS_CONFIG_DIR") {
            return Some(PathBuf::from(dir).join("settings.ron"));
        }
        directories::ProjectDirs::from("org", "CMOC Canvas", "cmoc-canvas")
            .map(|dirs| dirs.config_dir().join("settings.ron"))
    }

    /// Reads settings, falling back to defaults when the file is missing or unreadable.
    pub fn load(path: Option<&Path>) -> Settings {
        path.and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes settings; returns a message if that failed (the editor shows it, nothing more).
    pub fn save(&self, path: Option<&Path>) -> Result<(), String> {
        let Some(path) = path else {
            return Ok(());
        };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(|e| e.to_string())?;
        write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())
    }

    /// Writes settings to `path`; a failure is said in `status` (nothing more is lost than
    /// the preference).
    pub fn keep(&self, path: Option<&Path>, status: &mut String) {
        if let Err(e) = self.save(path) {
            *status = format!("Could not save preferences: {e}");
        }
    }

    /// The text and interface scale to draw at (1 when the file held nonsense).
    pub fn scale(&self) -> f32 {
        if self.ui_scale.is_finite() && self.ui_scale > 0.0 {
            self.ui_scale.clamp(0.5, 3.0)
        } else {
            1.0
        }
    }

    /// Makes text and controls larger or smaller by one step; returns what to say.
    pub fn step_scale(&mut self, larger: bool) -> String {
        let now = self.scale();
        let next = if larger { now * 1.1 } else { now / 1.1 };
        self.ui_scale = (next * 100.0).round().clamp(50.0, 300.0) / 100.0;
        format!(
            "Text and controls at {:.0}% (Ctrl+Shift+= larger, Ctrl+Shift+- smaller)",
            self.ui_scale * 100.0
        )
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent_files.retain(|p| p != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT);
    }

    /// Drops a recent file that could not be opened.
    pub fn forget(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_round_trip_and_recent_files_stay_unique() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub").join("settings.ron");
        let mut settings = Settings {
            author_name: "PPI group".into(),
            ..Settings::default()
        };
        for name in ["a.ron", "b.ron", "a.ron"] {
            settings.remember(&dir.path().join(name));
        }
        assert_eq!(settings.recent_files.len(), 2);
        assert!(settings.recent_files[0].ends_with("a.ron"));
        settings.save(Some(&path)).expect("saves");
        assert_eq!(Settings::load(Some(&path)), settings);
    }

    #[test]
    fn a_damaged_settings_file_gives_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.ron");
        std::fs::write(&path, "(recent_files: [oops").expect("write");
        assert_eq!(Settings::load(Some(&path)), Settings::default());
    }
}
