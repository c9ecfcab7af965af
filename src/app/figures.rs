//! The dialogs that turn the diagram into files for a paper (figure, CMOC table, workshop
//! notes). Bringing a CMOC table in is `import_dialog.rs`, re-exported here.

use crate::interchange::{FigureOptions, TableFormat, figure_png, write_table_in};
use crate::session::Editor;
use egui::{ComboBox, RichText, Ui};
use std::path::Path;

pub use super::import_dialog::{ImportDialog, import_dialog_ui, import_into};

/// File types the editor asks the user to pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A CMOC Canvas diagram (`.ron`).
    Diagram,
    /// An SVG figure.
    Svg,
    /// A PNG picture.
    Png,
    /// A PDF document.
    Pdf,
    /// A Markdown table.
    Markdown,
    /// A CSV table.
    Csv,
    /// Plain text (sentences).
    Text,
    /// A CMOC table to import: CSV, tab-separated or text, as spreadsheets and papers give them.
    Table,
    /// Workshop notes as Markdown.
    NotesMarkdown,
    /// Workshop notes as CSV.
    NotesCsv,
    /// The refinement table: Word, Markdown, CSV or HTML by the name's ending.
    RefinementTable,
    /// A Word document.
    Word,
}

impl FileKind {
    /// The name shown in the file dialog's filter.
    pub fn filter_name(self) -> &'static str {
        match self {
            FileKind::Diagram => "CMOC Canvas diagram",
            FileKind::Svg => "SVG figure",
            FileKind::Png => "PNG picture",
            FileKind::Pdf => "PDF document",
            FileKind::Markdown => "Markdown table",
            FileKind::Csv => "CSV table",
            FileKind::Text => "Text",
            FileKind::Table => "CMOC table (CSV, TSV or text)",
            FileKind::NotesMarkdown => "Workshop notes (Markdown)",
            FileKind::NotesCsv => "Workshop notes (CSV)",
            FileKind::RefinementTable => "Refinement table (Word, Markdown, CSV or HTML)",
            FileKind::Word => "Word document",
        }
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            // Still RON, named so the desktop knows it for a CMOC Canvas diagram (older
            // diagrams named NAME.ron open as ever).
            FileKind::Diagram => "cmoc.ron",
            FileKind::Svg => "svg",
            FileKind::Png => "png",
            FileKind::Pdf => "pdf",
            FileKind::Markdown => "md",
            FileKind::Csv => "csv",
            FileKind::Text => "txt",
            FileKind::Table | FileKind::NotesCsv => "csv",
            FileKind::NotesMarkdown => "md",
            FileKind::RefinementTable | FileKind::Word => "docx",
        }
    }

    /// Every extension a file of this kind may have (the chooser lists them all).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Table => &["csv", "tsv", "txt"],
            FileKind::Diagram => &["ron"],
            FileKind::Svg => &["svg"],
            FileKind::Png => &["png"],
            FileKind::Pdf => &["pdf"],
            FileKind::Markdown | FileKind::NotesMarkdown => &["md"],
            FileKind::Csv | FileKind::NotesCsv => &["csv"],
            FileKind::Text => &["txt"],
            FileKind::RefinementTable => &["docx", "md", "csv", "html"],
            FileKind::Word => &["docx"],
        }
    }
}

/// The file a figure is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FigureFormat {
    /// SVG: vector, text kept as text.
    Svg,
    /// PNG: a picture.
    Png,
    /// PDF: vector, the font embedded.
    Pdf,
}

impl FigureFormat {
    /// The kind of file, for the file dialog.
    pub fn kind(self) -> FileKind {
        match self {
            FigureFormat::Svg => FileKind::Svg,
            FigureFormat::Png => FileKind::Png,
            FigureFormat::Pdf => FileKind::Pdf,
        }
    }
}

/// Settings of the "Export figure" dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureDialog {
    /// SVG, PNG or PDF.
    pub format: FigureFormat,
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
    /// Each appraised CMOC's realist status on its lower edge.
    pub statuses: bool,
}

/// The export dialog's choices a user makes once and expects kept (not the selection or the
/// scenario, which belong to the moment).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FigurePrefs {
    /// SVG, PNG or PDF.
    pub format: FigureFormat,
    /// Pixels per diagram unit for PNG.
    pub scale: f32,
    /// Transparent background.
    pub transparent: bool,
    /// Title above the figure.
    pub title: bool,
    /// Legend below the figure.
    pub legend: bool,
}

impl FigureDialog {
    /// The dialog as last used (`prefs`), for a figure of `scenario`.
    pub fn remembered(prefs: Option<&FigurePrefs>, scenario: Option<String>) -> Self {
        let mut dialog = Self {
            scenario,
            ..Self::default()
        };
        if let Some(p) = prefs {
            dialog.format = p.format;
            dialog.scale = if p.scale.is_finite() && p.scale > 0.0 {
                p.scale
            } else {
                dialog.scale
            };
            dialog.transparent = p.transparent;
            dialog.title = p.title;
            dialog.legend = p.legend;
        }
        dialog
    }

    /// What of it is kept for next time.
    pub fn prefs(&self) -> FigurePrefs {
        FigurePrefs {
            format: self.format,
            scale: self.scale,
            transparent: self.transparent,
            title: self.title,
            legend: self.legend,
        }
    }
}

impl Default for FigureDialog {
    fn default() -> Self {
        Self {
            format: FigureFormat::Svg,
            scale: 2.0,
            selection_only: false,
            transparent: false,
            title: false,
            legend: true,
            scenario: None,
            statuses: false,
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
        ui.radio_value(
            &mut dialog.format,
            FigureFormat::Svg,
            "SVG (vector, text kept as text)",
        );
        ui.radio_value(
            &mut dialog.format,
            FigureFormat::Pdf,
            "PDF (vector, for journals)",
        );
        ui.radio_value(&mut dialog.format, FigureFormat::Png, "PNG (picture)");
    });
    if dialog.format == FigureFormat::Png {
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
    ui.checkbox(
        &mut dialog.statuses,
        "Realist statuses (SUPPORTED, REFINED… on each appraised CMOC's lower edge)",
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
        statuses: dialog.statuses,
    };
    let what = match dialog.format {
        FigureFormat::Png => "PNG picture",
        FigureFormat::Svg => "SVG figure",
        FigureFormat::Pdf => "PDF figure",
    };
    crate::file::check_output(
        path,
        &open_file(editor),
        crate::file::OutputKind::Other(what),
    )?;
    match dialog.format {
        FigureFormat::Png => {
            let bytes =
                figure_png(editor.doc(), &options, dialog.scale).map_err(|e| e.to_string())?;
            crate::file::write_atomic(path, &bytes).map_err(|e| e.to_string())?;
        }
        FigureFormat::Pdf => {
            let bytes = crate::interchange::figure_pdf(editor.doc(), &options)
                .map_err(|e| e.to_string())?;
            crate::file::write_atomic(path, &bytes).map_err(|e| e.to_string())?;
        }
        FigureFormat::Svg => {
            let mut layout = crate::interchange::FigureLayout::new(editor.doc(), &options)
                .map_err(|e| e.to_string())?;
            crate::file::write_atomic_with(path, &mut |w| layout.write_svg(w))
                .map_err(|e| e.to_string())?;
        }
    }
    let done = format!("Exported the figure to {}", path.display());
    Ok(match crate::interchange::figure_text_report(editor.doc()) {
        Some(report) => format!("{done}. {report}"),
        None => done,
    })
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
