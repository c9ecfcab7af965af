//! The dialogs that turn the diagram into files for a paper (figure, CMOC table) and bring a
//! CMOC table in from a spreadsheet.

use super::editor::Editor;
use crate::interchange::{
    ColumnMapping, CsvTable, FigureOptions, TableFormat, cards_from_table, figure_png, import_edit,
    write_table_in,
};
use egui::{ComboBox, RichText, Ui};
use std::path::{Path, PathBuf};

/// File types the editor asks the user to pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A CMOC Canvas diagram (`.ron`).
    Diagram,
    /// An SVG figure.
    Svg,
    /// A PNG picture.
    Png,
    /// A Markdown table.
    Markdown,
    /// A CSV table.
    Csv,
    /// Plain text (sentences).
    Text,
}

impl FileKind {
    /// The name shown in the file dialog's filter.
    pub fn filter_name(self) -> &'static str {
        match self {
            FileKind::Diagram => "CMOC Canvas diagram",
            FileKind::Svg => "SVG figure",
            FileKind::Png => "PNG picture",
            FileKind::Markdown => "Markdown table",
            FileKind::Csv => "CSV table",
            FileKind::Text => "Text",
        }
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Diagram => "ron",
            FileKind::Svg => "svg",
            FileKind::Png => "png",
            FileKind::Markdown => "md",
            FileKind::Csv => "csv",
            FileKind::Text => "txt",
        }
    }
}

/// Settings of the "Export figure" dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureDialog {
    /// PNG rather than SVG.
    pub png: bool,
    /// Pixels per diagram unit for PNG.
    pub scale: f32,
    /// Only the selected nodes.
    pub selection_only: bool,
    /// Transparent background.
    pub transparent: bool,
    /// Title above the figure.
    pub title: bool,
    /// Legend below the figure.
    pub legend: bool,
    /// Draw the diagram as in this "what if" scenario (by name); `None`: as drawn.
    pub scenario: Option<String>,
}

impl Default for FigureDialog {
    fn default() -> Self {
        Self {
            png: false,
            scale: 2.0,
            selection_only: false,
            transparent: false,
            title: false,
            legend: true,
            scenario: None,
        }
    }
}

/// What a dialog's buttons asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogAnswer {
    /// Keep the dialog open.
    Open,
    /// Close it without doing anything.
    Cancel,
    /// Go ahead.
    Confirm,
}

/// Draws the figure options; returns what the buttons said. `scenarios`: the names of the
/// document's "what if" scenarios, one of which the figure may show.
pub fn figure_dialog_ui(
    ui: &mut Ui,
    dialog: &mut FigureDialog,
    has_selection: bool,
    scenarios: &[String],
) -> DialogAnswer {
    ui.heading("Export figure");
    ui.horizontal(|ui| {
        ui.label("Format");
        ui.radio_value(&mut dialog.png, false, "SVG (vector, text kept as text)");
        ui.radio_value(&mut dialog.png, true, "PNG (picture)");
    });
    if dialog.png {
        ui.horizontal(|ui| {
            ui.label("Scale");
            for scale in [1.0, 2.0, 4.0] {
                ui.radio_value(&mut dialog.scale, scale, format!("{scale:.0}×"));
            }
        });
    }
    ui.horizontal(|ui| {
        ui.label("What");
        ui.radio_value(&mut dialog.selection_only, false, "Whole diagram");
        ui.add_enabled_ui(has_selection, |ui| {
            ui.radio_value(&mut dialog.selection_only, true, "Selection");
        });
    });
    ui.horizontal(|ui| {
        ui.label("Background");
        ui.radio_value(&mut dialog.transparent, false, "White");
        ui.radio_value(&mut dialog.transparent, true, "Transparent");
    });
    if !scenarios.is_empty() {
        ui.horizontal(|ui| {
            ui.label("What if");
            let shown = dialog
                .scenario
                .clone()
                .unwrap_or_else(|| "None: the diagram as drawn".into());
            ComboBox::from_id_salt("figure-scenario")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut dialog.scenario, None, "None: the diagram as drawn");
                    for name in scenarios {
                        ui.selectable_value(&mut dialog.scenario, Some(name.clone()), name);
                    }
                });
        });
        if dialog.scenario.is_some() {
            ui.label(
                RichText::new(
                    "The scenario's name is written above the figure; inactive parts are faded, partly active ones hatched.",
                )
                .weak(),
            );
        }
    }
    ui.checkbox(&mut dialog.title, "Title above the figure");
    ui.checkbox(
        &mut dialog.legend,
        "Legend (positive / negative CMOC, node kinds, arrows)",
    );
    let mut answer = DialogAnswer::Open;
    ui.horizontal(|ui| {
        if ui.button("Export…").clicked() {
            answer = DialogAnswer::Confirm;
        }
        if ui.button("Cancel").clicked() {
            answer = DialogAnswer::Cancel;
        }
    });
    answer
}

/// Writes the figure the dialog describes to `path`.
pub fn export_figure(
    editor: &Editor,
    dialog: &FigureDialog,
    path: &Path,
) -> Result<String, String> {
    let options = FigureOptions {
        only: dialog
            .selection_only
            .then(|| editor.selection.nodes.clone()),
        title: dialog.title,
        legend: dialog.legend,
        transparent: dialog.transparent,
        embed_font: true,
        scenario: dialog.scenario.clone(),
    };
    let what = if dialog.png {
        "PNG picture"
    } else {
        "SVG figure"
    };
    crate::file::check_output(
        path,
        &open_file(editor),
        crate::file::OutputKind::Other(what),
    )?;
    if dialog.png {
        let bytes = figure_png(editor.doc(), &options, dialog.scale).map_err(|e| e.to_string())?;
        crate::file::write_atomic(path, &bytes).map_err(|e| e.to_string())?;
    } else {
        let mut layout = crate::interchange::FigureLayout::new(editor.doc(), &options)
            .map_err(|e| e.to_string())?;
        crate::file::write_atomic_with(path, &mut |w| layout.write_svg(w))
            .map_err(|e| e.to_string())?;
    }
    Ok(format!("Exported the figure to {}", path.display()))
}

/// The open document's file, which no export may write over.
fn open_file(editor: &Editor) -> Vec<&Path> {
    match &editor.origin {
        super::Origin::File(path) => vec![path.as_path()],
        _ => Vec::new(),
    }
}

/// Writes the CMOC table in `format` to `path`; with a scenario (its place in the list), with
/// each CMOC's state in it.
pub fn export_table(
    editor: &Editor,
    format: TableFormat,
    scenario: Option<usize>,
    path: &Path,
) -> Result<String, String> {
    crate::file::check_output(
        path,
        &open_file(editor),
        crate::file::OutputKind::Other("CMOC table"),
    )?;
    let scenario = scenario.and_then(|i| editor.doc().scenarios().get(i));
    let text = write_table_in(editor.doc(), format, scenario);
    crate::file::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(format!("Exported the CMOC table to {}", path.display()))
}

/// Writes the workshop notes in `format` to `path`.
pub fn export_notes(
    editor: &Editor,
    format: crate::interchange::NotesFormat,
    path: &Path,
) -> Result<String, String> {
    crate::file::check_output(
        path,
        &open_file(editor),
        crate::file::OutputKind::Other("workshop notes"),
    )?;
    let text = crate::interchange::workshop_notes(editor.doc(), format);
    crate::file::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(format!("Exported the workshop notes to {}", path.display()))
}

/// The "Import CMOC table" dialog: a preview of the file and a mapping of its columns.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportDialog {
    /// The file being imported.
    pub path: PathBuf,
    /// Its rows.
    pub table: CsvTable,
    /// Which column holds what.
    pub mapping: ColumnMapping,
}

impl ImportDialog {
    /// Reads a CSV file for the dialog.
    pub fn open(path: &Path) -> Result<Self, String> {
        let text = crate::interchange::read_table_file(path).map_err(|e| match e {
            crate::interchange::ImportError::Unreadable(message) => message,
            other => format!("{}: {other}", path.display()),
        })?;
        let table =
            crate::interchange::read_csv(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let mapping = ColumnMapping::guess(&table.headers);
        Ok(Self {
            path: path.to_path_buf(),
            table,
            mapping,
        })
    }
}

/// Draws the import dialog; returns what the buttons said.
pub fn import_dialog_ui(ui: &mut Ui, dialog: &mut ImportDialog) -> DialogAnswer {
    ui.heading("Import CMOC table");
    ui.label(format!(
        "{} — {} rows",
        dialog.path.display(),
        dialog.table.rows.len()
    ));
    ui.label(RichText::new("Which column holds what:").strong());
    let headers = dialog.table.headers.clone();
    egui::Grid::new("mapping").num_columns(2).show(ui, |ui| {
        let fields: [(&str, &mut Option<usize>, bool); 7] = [
            ("CMOC number", &mut dialog.mapping.number, true),
            ("Context", &mut dialog.mapping.context, true),
            ("Mechanism", &mut dialog.mapping.mechanism, true),
            ("Outcome", &mut dialog.mapping.outcome, true),
            ("Polarity", &mut dialog.mapping.polarity, false),
            ("Title", &mut dialog.mapping.title, false),
            ("Evidence sources", &mut dialog.mapping.evidence, false),
        ];
        for (name, slot, required) in fields {
            ui.label(if required {
                name.to_string()
            } else {
                format!("{name} (optional)")
            });
            let shown = slot
                .and_then(|i| headers.get(i).cloned())
                .unwrap_or_else(|| "(none)".into());
            ComboBox::from_id_salt(name)
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(slot, None, "(none)");
                    for (i, header) in headers.iter().enumerate() {
                        ui.selectable_value(slot, Some(i), header);
                    }
                });
            ui.end_row();
        }
    });
    ui.separator();
    ui.label(RichText::new("Preview").strong());
    egui::ScrollArea::both().max_height(180.0).show(ui, |ui| {
        egui::Grid::new("preview").striped(true).show(ui, |ui| {
            for header in &headers {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for row in dialog.table.rows.iter().take(8) {
                for cell in &row.cells {
                    ui.label(crate::model::shorten(cell, 40));
                }
                ui.end_row();
            }
        });
    });
    let preview = cards_from_table(&dialog.table, &dialog.mapping);
    let mut answer = DialogAnswer::Open;
    match &preview {
        Ok(result) => {
            if !result.problems.is_empty() {
                ui.label(
                    RichText::new(format!("{} row(s) will be skipped:", result.problems.len()))
                        .strong(),
                );
                for problem in result.problems.iter().take(10) {
                    ui.label(problem.to_string());
                }
            }
            ui.horizontal(|ui| {
                let text = format!("Import {} CMOCs", result.cards.len());
                if ui
                    .add_enabled(!result.cards.is_empty(), egui::Button::new(text))
                    .clicked()
                {
                    answer = DialogAnswer::Confirm;
                }
                if ui.button("Cancel").clicked() {
                    answer = DialogAnswer::Cancel;
                }
            });
        }
        Err(e) => {
            ui.label(e.to_string());
            if ui.button("Cancel").clicked() {
                answer = DialogAnswer::Cancel;
            }
        }
    }
    answer
}

/// Imports the dialog's rows as cards in a new region, as one undo step. Returns a message.
pub fn import_into(editor: &mut Editor, dialog: &ImportDialog) -> String {
    let result = match cards_from_table(&dialog.table, &dialog.mapping) {
        Ok(r) => r,
        Err(e) => return e.to_string(),
    };
    let count = result.cards.len();
    let name = dialog
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let edit = import_edit(editor.doc(), result.cards, &format!("Imported from {name}"));
    if editor.apply(edit, format!("Import {count} CMOCs")) {
        let skipped = result.problems.len();
        if skipped == 0 {
            format!("Imported {count} CMOCs from {name}.")
        } else {
            let lines: Vec<String> = result
                .problems
                .iter()
                .take(5)
                .map(ToString::to_string)
                .collect();
            format!(
                "Imported {count} CMOCs from {name}; skipped {skipped} row(s): {}",
                lines.join("; ")
            )
        }
    } else {
        editor.status.clone()
    }
}
