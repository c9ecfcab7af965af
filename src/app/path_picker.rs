//! The built-in file chooser, for desktops without a file-dialog service (no desktop portal,
//! no zenity), where the system's dialog would silently not appear. It is the smallest thing
//! that serves: a folder you can type or walk (folders first, then files of the kind asked
//! for), a file name, and Open / Save. egui-file-dialog would do more, but its releases do not
//! yet build with egui 0.37.

use super::figures::{FigureDialog, FileKind};
use super::then::Then;
use crate::interchange::{NotesFormat, TableFormat};
use egui::{RichText, Ui};
use std::path::{Path, PathBuf};

/// What the chosen path is for.
#[derive(Clone, Debug, PartialEq)]
pub enum PickPurpose {
    /// Open a diagram.
    OpenDiagram,
    /// Save the diagram, then carry on with `then` (e.g. quit), if any.
    SaveAs {
        /// What to do once saved.
        then: Option<Then>,
    },
    /// Export the figure with these options.
    ExportFigure(FigureDialog),
    /// Export the CMOC table in this format.
    ExportTable(TableFormat),
    /// Export workshop notes in this format.
    ExportNotes(NotesFormat),
    /// Import a CSV table.
    ImportTable,
    /// Merge a colleague's copy of the diagram.
    MergeCopy,
    /// Compare the diagram with another file.
    CompareFile,
    /// Save the refinement table.
    ExportChanges,
    /// Save the CMOC table or the workshop notes as a Word document.
    ExportWord(WordExport),
}

/// What is saved as a Word document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordExport {
    /// The CMOC table.
    Table,
    /// The workshop notes.
    Notes,
}

/// The state of the built-in chooser.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPicker {
    /// What the path is for.
    pub purpose: PickPurpose,
    /// The kind of file (filter and extension).
    pub kind: FileKind,
    /// Saving (the file may not exist yet) rather than opening.
    pub save: bool,
    /// Why the system's dialog did not appear.
    pub why: String,
    /// The folder shown, as typed.
    pub folder: String,
    /// The file name.
    pub name: String,
    listed: Option<(String, Listing)>,
}

/// A folder's entries (name, is a folder), or why it cannot be listed.
type Listing = Result<Vec<(String, bool)>, String>;

/// What the chooser's buttons said.
pub enum PickAnswer {
    /// Use this path.
    Chosen(PathBuf),
    /// Do nothing.
    Cancel,
}

impl PathPicker {
    /// A chooser for `purpose`, starting in the current file's folder or the home folder.
    pub fn new(
        purpose: PickPurpose,
        kind: FileKind,
        save: bool,
        suggested: &str,
        start: Option<&Path>,
        why: String,
    ) -> Self {
        let folder = start
            .map(Path::to_path_buf)
            .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        Self {
            purpose,
            kind,
            save,
            why,
            folder: folder.display().to_string(),
            name: suggested.to_string(),
            listed: None,
        }
    }

    /// The path the chooser points at now: the folder and name, or a full path typed as the name.
    pub fn path(&self) -> PathBuf {
        let name = PathBuf::from(self.name.trim());
        let mut path = if name.is_absolute() {
            name
        } else {
            Path::new(self.folder.trim()).join(name)
        };
        if self.save && path.extension().is_none() {
            path.set_extension(self.kind.extension());
        }
        path
    }

    fn entries(&mut self) -> &Listing {
        let folder = self.folder.trim().to_string();
        if self.listed.as_ref().is_none_or(|(f, _)| *f != folder) {
            let listing = list_folder(Path::new(&folder), self.kind);
            self.listed = Some((folder, listing));
        }
        match &self.listed {
            Some((_, listing)) => listing,
            None => unreachable_listing(),
        }
    }
}

fn unreachable_listing() -> &'static Listing {
    static EMPTY: Listing = Ok(Vec::new());
    &EMPTY
}

/// Sub-folders, then files with the kind's extension, each sorted by name; hidden ones left out.
fn list_folder(folder: &Path, kind: FileKind) -> Listing {
    let entries = std::fs::read_dir(folder)
        .map_err(|e| format!("{} cannot be listed: {e}", folder.display()))?;
    let mut folders = Vec::new();
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            folders.push((name, true));
        } else if path
            .extension()
            .is_some_and(|e| kind.extensions().iter().any(|k| e.eq_ignore_ascii_case(k)))
        {
            files.push((name, false));
        }
    }
    folders.sort_by_key(|(n, _)| n.to_lowercase());
    files.sort_by_key(|(n, _)| n.to_lowercase());
    folders.extend(files);
    Ok(folders)
}

/// Draws the chooser; returns the answer once given.
pub fn path_picker_ui(ui: &mut Ui, picker: &mut PathPicker) -> Option<PickAnswer> {
    let mut answer = None;
    let verb = if picker.save { "Save" } else { "Open" };
    ui.heading(format!("{verb} a {}", picker.kind.filter_name()));
    ui.label(RichText::new(&picker.why).weak());
    ui.horizontal(|ui| {
        let label = ui.label("Folder");
        ui.add(egui::TextEdit::singleline(&mut picker.folder).desired_width(380.0))
            .labelled_by(label.id);
        if ui
            .button("Up")
            .on_hover_text("The folder that holds this one")
            .clicked()
            && let Some(parent) = Path::new(picker.folder.trim()).parent()
        {
            picker.folder = parent.display().to_string();
        }
    });
    let mut enter = None;
    let mut pick = None;
    let folder = picker.folder.trim().to_string();
    egui::ScrollArea::vertical()
        .max_height(260.0)
        .auto_shrink([false, true])
        .show(ui, |ui| match picker.entries() {
            Ok(entries) if entries.is_empty() => {
                ui.label(RichText::new("No folders or matching files here.").weak());
            }
            Ok(entries) => {
                for (name, is_dir) in entries {
                    let text = if *is_dir {
                        format!("{name}/")
                    } else {
                        name.clone()
                    };
                    if ui.selectable_label(false, text).clicked() {
                        if *is_dir {
                            enter = Some(Path::new(&folder).join(name));
                        } else {
                            pick = Some(name.clone());
                        }
                    }
                }
            }
            Err(message) => {
                ui.label(RichText::new(message).color(ui.visuals().warn_fg_color));
            }
        });
    if let Some(dir) = enter {
        picker.folder = dir.display().to_string();
    }
    if let Some(name) = pick {
        picker.name = name;
    }
    let name_field = ui.horizontal(|ui| {
        let label = ui.label("File name");
        ui.add(egui::TextEdit::singleline(&mut picker.name).desired_width(380.0))
            .labelled_by(label.id)
    });
    let typed_enter =
        name_field.inner.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let path = picker.path();
    let problem = if picker.name.trim().is_empty() {
        Some("Type or choose a file name.".to_string())
    } else if !picker.save && !path.is_file() {
        Some(format!("There is no file {}.", path.display()))
    } else if picker.save && !path.parent().is_some_and(Path::is_dir) {
        Some(format!(
            "The folder {} does not exist.",
            path.parent().unwrap_or(Path::new("")).display()
        ))
    } else {
        None
    };
    if let Some(problem) = &problem {
        ui.label(RichText::new(problem).weak());
    } else if picker.save && path.exists() {
        ui.label(
            RichText::new(format!("{} exists and will be replaced.", path.display()))
                .color(ui.visuals().warn_fg_color),
        );
    }
    ui.horizontal(|ui| {
        let go = ui.add_enabled(problem.is_none(), egui::Button::new(verb));
        if (go.clicked() || (typed_enter && problem.is_none())) && problem.is_none() {
            answer = Some(PickAnswer::Chosen(path.clone()));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(PickAnswer::Cancel);
        }
    });
    answer
}
