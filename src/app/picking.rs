//! Asking for a path (the system's dialog, or the built-in chooser when it cannot appear)
//! and doing what the path was for: open, save as, export, import.

use super::figures::FileKind;
use super::files::Files;
use super::path_picker::{PathPicker, PickPurpose, WordExport};
use crate::interchange::{NotesFormat, TableFormat};
use std::path::Path;

impl Files<'_> {
    /// Asks for a path for `purpose` with the system's dialog, or with the built-in chooser
    /// when that cannot appear; then does what the path was for. True when that was done now
    /// and worked (the built-in chooser does it later, once a path is chosen).
    pub(super) fn ask_path(&mut self, purpose: PickPurpose) -> bool {
        let (kind, save, mut suggested) = self.path_question(&purpose);
        // Exports start in the folder the last export went to.
        let exporting = matches!(
            purpose,
            PickPurpose::ExportFigure(_)
                | PickPurpose::ExportTable(_)
                | PickPurpose::ExportNotes(_)
        );
        if exporting
            && let Some(folder) = self.settings.export_folder.as_ref().filter(|f| f.is_dir())
        {
            suggested = folder.join(&suggested).display().to_string();
        }
        let picked = if save {
            self.desk.dialogs.pick_save(&suggested, kind)
        } else {
            self.desk.dialogs.pick_open(kind)
        };
        match picked {
            super::dialogs::Picked::Path(path) => self.use_path(purpose, &path),
            super::dialogs::Picked::Cancelled => false,
            super::dialogs::Picked::Unavailable(why) => {
                let named = Path::new(&suggested);
                let start = if named.is_absolute() {
                    named.parent().map(Path::to_path_buf)
                } else {
                    match &self.editor.origin {
                        super::Origin::File(path) => path.parent().map(Path::to_path_buf),
                        _ => None,
                    }
                };
                self.desk.modal = Some(super::dialogs::Modal::PickPath(Box::new(PathPicker::new(
                    purpose,
                    kind,
                    save,
                    &suggested,
                    start.as_deref(),
                    why,
                ))));
                false
            }
        }
    }

    /// The kind of file, whether it is saved, and the name to suggest.
    fn path_question(&self, purpose: &PickPurpose) -> (FileKind, bool, String) {
        match purpose {
            PickPurpose::OpenDiagram => (FileKind::Diagram, false, String::new()),
            PickPurpose::ImportTable => (FileKind::Table, false, String::new()),
            PickPurpose::MergeCopy | PickPurpose::CompareFile => {
                (FileKind::Diagram, false, String::new())
            }
            PickPurpose::ExportWord(what) => {
                let name = match what {
                    WordExport::Table => format!("{}-cmocs.docx", self.file_stem()),
                    WordExport::Notes => format!("{}-workshop-notes.docx", self.file_stem()),
                };
                (FileKind::Word, true, name)
            }
            PickPurpose::ExportChanges => (
                FileKind::RefinementTable,
                true,
                format!("{}-refinement.docx", self.file_stem()),
            ),
            PickPurpose::SaveAs { .. } => {
                let name = match &self.editor.origin {
                    super::Origin::File(p) => p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    super::Origin::Example => "holding.cmoc.ron".into(),
                    super::Origin::Untitled => "diagram.cmoc.ron".into(),
                };
                (FileKind::Diagram, true, name)
            }
            PickPurpose::ExportFigure(dialog) => {
                let kind = dialog.format.kind();
                (
                    kind,
                    true,
                    format!("{}.{}", self.file_stem(), kind.extension()),
                )
            }
            PickPurpose::ExportTable(format) => {
                let kind = match format {
                    TableFormat::Markdown => FileKind::Markdown,
                    TableFormat::Csv => FileKind::Csv,
                    TableFormat::Sentences => FileKind::Text,
                };
                (
                    kind,
                    true,
                    format!("{}-cmocs.{}", self.file_stem(), kind.extension()),
                )
            }
            PickPurpose::ExportNotes(format) => {
                let kind = match format {
                    NotesFormat::Markdown => FileKind::NotesMarkdown,
                    NotesFormat::Csv => FileKind::NotesCsv,
                };
                // "workshop-3.ron" gives "workshop-3-notes.md", not "workshop-3-workshop-notes".
                let stem = self.file_stem();
                let name = if stem.to_lowercase().contains("workshop") {
                    format!("{stem}-notes")
                } else {
                    format!("{stem}-workshop-notes")
                };
                (kind, true, format!("{name}.{}", kind.extension()))
            }
        }
    }

    /// Does what a chosen path was for; true when it worked.
    pub(super) fn use_path(&mut self, purpose: PickPurpose, path: &Path) -> bool {
        let exporting = matches!(
            purpose,
            PickPurpose::ExportFigure(_)
                | PickPurpose::ExportTable(_)
                | PickPurpose::ExportNotes(_)
                | PickPurpose::ExportChanges
                | PickPurpose::ExportWord(_)
        );
        let done = self.use_path_for(purpose, path);
        // The next export starts where this one went, and the dialog as it was set.
        if done && exporting {
            self.settings.export_folder = path.parent().map(Path::to_path_buf);
            self.save_settings();
        }
        done
    }

    fn use_path_for(&mut self, purpose: PickPurpose, path: &Path) -> bool {
        match purpose {
            PickPurpose::OpenDiagram => {
                self.open_path(path);
                self.editor.origin == super::Origin::File(path.to_path_buf())
            }
            PickPurpose::SaveAs { then } => {
                let saved = self.save_to(path);
                if saved && let Some(then) = then {
                    self.carry_out(then);
                }
                saved
            }
            PickPurpose::ExportFigure(dialog) => {
                let result = super::figures::export_figure(self.editor, &dialog, path);
                let ok = result.is_ok();
                if ok {
                    self.settings.figure = Some(dialog.prefs());
                }
                self.report(result, "Could not export the figure");
                ok
            }
            PickPurpose::ExportTable(format) => {
                let result =
                    super::figures::export_table(self.editor, format, self.canvas.scenario, path);
                let ok = result.is_ok();
                self.report(result, "Could not export the table");
                ok
            }
            PickPurpose::ExportNotes(format) => {
                let result = super::figures::export_notes(self.editor, format, path);
                let ok = result.is_ok();
                self.report(result, "Could not export the workshop notes");
                ok
            }
            PickPurpose::MergeCopy => self.merge_copy(path),
            PickPurpose::CompareFile => match crate::file::load_file(path) {
                Ok(loaded) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| path.display().to_string());
                    self.editor.compare_with_copy(&loaded.document, &name);
                    self.desk.show_versions = true;
                    true
                }
                Err(e) => {
                    self.desk.modal = Some(super::dialogs::Modal::Error {
                        title: "Could not compare with that file".into(),
                        message: e.to_string(),
                    });
                    false
                }
            },
            PickPurpose::ExportWord(what) => {
                let doc = self.editor.doc();
                let shown = self.canvas.scenario.and_then(|i| doc.scenarios().get(i));
                let (bytes, title) = match what {
                    WordExport::Table => (
                        crate::interchange::cmoc_table_docx(doc, shown, false),
                        "Could not export the table",
                    ),
                    WordExport::Notes => (
                        crate::interchange::workshop_notes_docx(doc),
                        "Could not export the workshop notes",
                    ),
                };
                let result = bytes
                    .map_err(|e| e.to_string())
                    .and_then(|b| crate::file::write_atomic(path, &b).map_err(|e| e.to_string()))
                    .map(|()| format!("Saved {}", path.display()));
                let ok = result.is_ok();
                self.report(result, title);
                ok
            }
            PickPurpose::ExportChanges => {
                let result = self.editor.write_refinement_table(path).map(|summary| {
                    format!(
                        "Saved the refinement table to {}: {summary}",
                        path.display()
                    )
                });
                let ok = result.is_ok();
                self.report(result, "Could not save the refinement table");
                ok
            }
            PickPurpose::ImportTable => match super::figures::ImportDialog::open(path) {
                Ok(dialog) => {
                    self.desk.modal = Some(super::dialogs::Modal::ImportTable(Box::new(dialog)));
                    true
                }
                Err(message) => {
                    self.desk.modal = Some(super::dialogs::Modal::Error {
                        title: "Could not import the table".into(),
                        message,
                    });
                    false
                }
            },
        }
    }

    /// Merges the colleague's copy at `path` into the diagram (one undo step), from the
    /// version both kept; the Versions tab then lists any conflicts.
    fn merge_copy(&mut self, path: &Path) -> bool {
        let theirs = match crate::file::load_file(path) {
            Ok(loaded) => loaded.document,
            Err(e) => {
                self.desk.modal = Some(super::dialogs::Modal::Error {
                    title: "Could not merge that copy".into(),
                    message: format!("{e}\n\nYour diagram was not changed."),
                });
                return false;
            }
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        if crate::session::merge::shared_version(self.editor.doc(), &theirs).is_none() {
            // Nothing in common: the researcher says where both started, or merges two-way.
            self.desk.modal = Some(super::dialogs::Modal::MergeBase(Box::new(
                super::team_panel::MergeBaseChoice {
                    theirs,
                    name,
                    base: None,
                },
            )));
            return true;
        }
        let merged = self
            .editor
            .merge_copy(&theirs, &name, crate::session::MergeBase::Shared);
        self.desk.show_versions = merged.is_some();
        merged.is_some()
    }
}
