//! The "Import CMOC table" dialog: a table from a file or pasted in, its columns worked out
//! (or mapped by hand), every row previewed split into C, M and O, numbers the diagram already
//! has, and the import itself as one undo step.

use super::figures::DialogAnswer;
use crate::interchange::{
    ColumnMapping, CsvTable, Duplicates, ImportResult, cards_from_table, import_linked_edit,
    import_region_title,
};
use crate::session::Editor;
use egui::{ComboBox, RichText, Ui};
use std::path::{Path, PathBuf};

/// The "Import CMOC table" dialog: a table from a file or pasted in, a mapping of its columns,
/// and a preview of every row split into C, M and O.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportDialog {
    /// The file being imported (`None`: text pasted into the dialog).
    pub path: Option<PathBuf>,
    /// Pasted text (when there is no file).
    pub pasted: String,
    /// Its rows.
    pub table: CsvTable,
    /// Which column holds what.
    pub mapping: ColumnMapping,
    /// What to do with numbers the diagram already has.
    pub duplicates: Duplicates,
    /// Why the pasted text could not be read, if it could not.
    pub read_error: Option<String>,
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
        let mapping = ColumnMapping::detect(&table);
        Ok(Self {
            path: Some(path.to_path_buf()),
            pasted: String::new(),
            table,
            mapping,
            duplicates: Duplicates::default(),
            read_error: None,
        })
    }

    /// A dialog for text pasted from Word, Excel, LibreOffice or a PDF viewer (may be empty,
    /// for the user to paste into).
    pub fn pasted(text: &str) -> Self {
        let mut dialog = Self {
            path: None,
            pasted: text.to_string(),
            table: CsvTable {
                headers: Vec::new(),
                rows: Vec::new(),
                delimiter: b',',
                problems: Vec::new(),
            },
            mapping: ColumnMapping::default(),
            duplicates: Duplicates::default(),
            read_error: None,
        };
        dialog.reread();
        dialog
    }

    /// Reads the pasted text again (after it changed).
    fn reread(&mut self) {
        match crate::interchange::read_pasted(&self.pasted) {
            Ok(table) => {
                self.mapping = ColumnMapping::detect(&table);
                self.table = table;
                self.read_error = None;
            }
            Err(e) => {
                self.table.headers.clear();
                self.table.rows.clear();
                self.read_error = (!self.pasted.trim().is_empty()).then(|| e.to_string());
            }
        }
    }

    /// Where the rows come from, in a few words.
    fn source_name(&self) -> String {
        self.path.as_ref().map_or_else(
            || "pasted text".to_string(),
            |p| {
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            },
        )
    }

    /// The cards the dialog would import into `doc`, duplicates dealt with as chosen.
    pub fn result(&self, doc: &crate::model::Document) -> Result<ImportResult, String> {
        let mut result = cards_from_table(&self.table, &self.mapping).map_err(|e| e.to_string())?;
        result.resolve_duplicates(doc, self.duplicates);
        Ok(result)
    }
}

/// A sentence with its marked parts in their colours (the canvas's C, M and O tag colours).
fn highlighted(ui: &Ui, text: &str) -> egui::text::LayoutJob {
    use crate::interchange::marked::{Part, split_marked};
    let mut job = egui::text::LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = ui.visuals().text_color();
    let palette = crate::scene::Palette::for_dark_mode(ui.visuals().dark_mode);
    let colour = |part: Part| {
        let kind = match part {
            Part::Context => crate::model::NodeKind::Context,
            Part::Mechanism => crate::model::NodeKind::Mechanism,
            Part::Outcome => crate::model::NodeKind::Outcome,
        };
        palette.kind(kind).fill
    };
    match split_marked(text) {
        Ok(parts) => {
            for (i, (part, words)) in [
                (Part::Context, &parts.context),
                (Part::Mechanism, &parts.mechanism),
                (Part::Outcome, &parts.outcome),
            ]
            .into_iter()
            .enumerate()
            {
                if i > 0 {
                    job.append("  ", 0.0, egui::TextFormat::simple(font.clone(), plain));
                }
                job.append(
                    &format!("{} ", part.letter()),
                    0.0,
                    egui::TextFormat {
                        font_id: font.clone(),
                        color: plain,
                        background: colour(part),
                        ..Default::default()
                    },
                );
                let shown = if words.is_empty() {
                    "(not marked)".to_string()
                } else {
                    crate::model::shorten(words, 70)
                };
                job.append(
                    &format!(" {shown}"),
                    0.0,
                    egui::TextFormat::simple(font.clone(), plain),
                );
            }
        }
        Err(why) => job.append(
            &format!(
                "{} — comes in whole: {why}",
                crate::model::shorten(text, 70)
            ),
            0.0,
            egui::TextFormat::simple(font.clone(), ui.visuals().warn_fg_color),
        ),
    }
    job
}

/// The most the pasted text takes of the dialog's height before it scrolls (about six lines).
const PASTED_HEIGHT: f32 = 110.0;

/// Draws the import dialog; returns what the buttons said.
pub fn import_dialog_ui(
    ui: &mut Ui,
    dialog: &mut ImportDialog,
    doc: &crate::model::Document,
) -> DialogAnswer {
    ui.heading("Import CMOC table");
    if dialog.path.is_none() {
        ui.label("Paste a table copied from Word, Excel, LibreOffice or a PDF viewer, or CMOC sentences with their parts marked (C), (M) and (O), one per line:");
        // A pasted table can be pages long: it scrolls in a few lines, so the column choices,
        // the preview and the Import button stay on a laptop's screen.
        let r = egui::ScrollArea::vertical()
            .id_salt("import-pasted")
            .max_height(PASTED_HEIGHT)
            .min_scrolled_height(PASTED_HEIGHT)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut dialog.pasted)
                        .desired_rows(4)
                        .desired_width(f32::INFINITY)
                        .hint_text(
                            "1. When patients offload their troubles … (C), they feel … (O) because … (M)",
                        ),
                )
            })
            .inner;
        super::name_widget(ui, &r, "Pasted table");
        if r.changed() {
            dialog.reread();
        }
        if let Some(e) = &dialog.read_error {
            ui.colored_label(ui.visuals().warn_fg_color, e.as_str());
        }
    } else {
        ui.label(format!(
            "{} — {} rows",
            dialog.source_name(),
            dialog.table.rows.len()
        ));
    }
    if dialog.table.headers.is_empty() {
        let mut answer = DialogAnswer::Open;
        if ui.button("Cancel").clicked() {
            answer = DialogAnswer::Cancel;
        }
        return answer;
    }
    ui.label(RichText::new("Which column holds what:").strong());
    let headers = dialog.table.headers.clone();
    // The fields scroll within a share of the window: on a 768-pixel laptop screen the preview
    // and the Import button stay in sight; on a 1080-pixel one every field shows.
    let fields = (ui.ctx().content_rect().height() * 0.3).clamp(120.0, 400.0);
    egui::ScrollArea::vertical()
        .id_salt("import-mapping")
        .max_height(fields)
        .min_scrolled_height(fields)
        .show(ui, |ui| mapping_ui(ui, dialog, &headers));
    let preview = cards_from_table(&dialog.table, &dialog.mapping);
    let mut answer = DialogAnswer::Open;
    match preview {
        Ok(result) => {
            let already = result.already_in(doc);
            if !already.is_empty() {
                let names: Vec<String> = already
                    .iter()
                    .take(12)
                    .map(|(n, p)| match p {
                        crate::model::Polarity::Positive => format!("CMOC {n}"),
                        crate::model::Polarity::Negative => format!("-ve CMOC {n}"),
                    })
                    .collect();
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!(
                        "Already in the diagram: {}{}.",
                        names.join(", "),
                        if already.len() > 12 { " and more" } else { "" }
                    ),
                );
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut dialog.duplicates,
                        Duplicates::Renumber,
                        "Renumber them",
                    )
                    .on_hover_text("Give them the next free numbers");
                    ui.radio_value(&mut dialog.duplicates, Duplicates::Skip, "Skip them");
                    ui.radio_value(&mut dialog.duplicates, Duplicates::Keep, "Import anyway");
                });
            }
            ui.separator();
            ui.label(RichText::new(format!("Preview: {} CMOCs", result.cards.len())).strong());
            preview_ui(ui, dialog, &result);
            let arrows: usize = result.links.iter().map(Vec::len).sum();
            if arrows > 0 {
                ui.label(format!(
                    "The links column makes {arrows} arrow{} between these cards; they will be laid out along the arrows (Tidy layout, in the Arrange menu).",
                    if arrows == 1 { "" } else { "s" }
                ));
            }
            problems_ui(ui, &result);
            let count = match dialog.result(doc) {
                Ok(r) => r.cards.len(),
                Err(_) => 0,
            };
            ui.horizontal(|ui| {
                let text = format!("Import {count} CMOCs");
                if ui.add_enabled(count > 0, egui::Button::new(text)).clicked() {
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

/// Which column holds what: a choice of the table's headers for each field.
fn mapping_ui(ui: &mut Ui, dialog: &mut ImportDialog, headers: &[String]) {
    egui::Grid::new("mapping").num_columns(2).show(ui, |ui| {
        let fields: [(&str, &mut Option<usize>); 12] = [
            ("CMOC number", &mut dialog.mapping.number),
            ("Marked sentences (C)(M)(O)", &mut dialog.mapping.sentence),
            ("Context", &mut dialog.mapping.context),
            ("Mechanism", &mut dialog.mapping.mechanism),
            ("Outcome", &mut dialog.mapping.outcome),
            (
                "Outcome when M is not present (makes the -ve CMOC)",
                &mut dialog.mapping.outcome_absent,
            ),
            ("Polarity (optional)", &mut dialog.mapping.polarity),
            ("Title (optional)", &mut dialog.mapping.title),
            ("Evidence sources (optional)", &mut dialog.mapping.evidence),
            (
                "Theme or section (a tag; optional)",
                &mut dialog.mapping.theme,
            ),
            (
                "Mechanism resource (optional)",
                &mut dialog.mapping.resource,
            ),
            (
                "Mechanism reasoning (optional)",
                &mut dialog.mapping.reasoning,
            ),
        ];
        for (name, slot) in fields {
            ui.label(name);
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
}

/// Each card the table makes, with its line, its badge, its words (marked sentences
/// highlighted) and the arrows its links column makes.
fn preview_ui(ui: &mut Ui, dialog: &ImportDialog, result: &ImportResult) {
    // A fifth of the window, so the whole dialog fits a 768-pixel laptop screen.
    let height = (ui.ctx().content_rect().height() * 0.2).clamp(90.0, 220.0);
    egui::ScrollArea::vertical()
        .id_salt("import-preview")
        .max_height(height)
        .min_scrolled_height(height)
        .show(ui, |ui| {
            for (i, card) in result.cards.iter().enumerate() {
                let line = result.lines.get(i).copied().unwrap_or_default();
                let badge = match card.polarity {
                    crate::model::Polarity::Positive => format!("CMOC {}", card.number),
                    crate::model::Polarity::Negative => {
                        format!("-ve CMOC {}", card.number)
                    }
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("line {line} · {badge}")).strong());
                    let sentence = dialog
                        .mapping
                        .sentence
                        .and_then(|c| {
                            dialog
                                .table
                                .rows
                                .iter()
                                .find(|r| r.line == line)
                                .and_then(|r| r.cells.get(c))
                        })
                        .cloned();
                    match sentence {
                        Some(text) => {
                            ui.label(highlighted(ui, &text));
                        }
                        None => {
                            ui.label(format!(
                                "C {} · M {} · O {}",
                                crate::model::shorten(&card.context, 50),
                                crate::model::shorten(&card.mechanism, 50),
                                crate::model::shorten(&card.outcome, 50)
                            ));
                        }
                    }
                    // The arrows the links column makes.
                    let leads: Vec<String> = result
                        .links
                        .get(i)
                        .into_iter()
                        .flatten()
                        .filter_map(|&t| result.cards.get(t))
                        .map(crate::model::CmocCard::badge)
                        .collect();
                    if !leads.is_empty() {
                        ui.label(format!("leads to {}", leads.join(", ")));
                    }
                });
            }
        });
}

/// What will not be imported as it is: warnings, and the rows that will be skipped.
fn problems_ui(ui: &mut Ui, result: &ImportResult) {
    if !result.warnings.is_empty() || !result.problems.is_empty() {
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("import-problems")
            .max_height(120.0)
            .show(ui, |ui| {
                for warning in &result.warnings {
                    ui.colored_label(ui.visuals().warn_fg_color, warning.to_string());
                }
                if !result.problems.is_empty() {
                    ui.label(
                        RichText::new(format!("{} row(s) will be skipped:", result.problems.len()))
                            .strong(),
                    );
                    for problem in &result.problems {
                        ui.label(problem.to_string());
                    }
                }
            });
    }
}

/// Imports the dialog's rows as cards in a new region, as one undo step, and selects them.
/// Returns a message.
pub fn import_into(editor: &mut Editor, dialog: &ImportDialog) -> String {
    let result = match dialog.result(editor.doc()) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let count = result.cards.len();
    let name = dialog.source_name();
    let before: std::collections::BTreeSet<crate::model::NodeId> =
        editor.doc().nodes().map(|n| n.id).collect();
    let arrows: usize = result.links.iter().map(Vec::len).sum();
    let edit = import_linked_edit(editor.doc(), &result, &import_region_title(&name));
    if editor.apply(edit, format!("Import {count} CMOCs")) {
        let new_cards: Vec<crate::model::NodeId> = editor
            .doc()
            .nodes()
            .filter(|n| !before.contains(&n.id) && n.kind() == crate::model::NodeKind::Cmoc)
            .map(|n| n.id)
            .collect();
        editor.selection.clear();
        editor.selection.nodes.extend(new_cards);
        let mut notes: Vec<String> = result
            .warnings
            .iter()
            .chain(&result.problems)
            .take(5)
            .map(ToString::to_string)
            .collect();
        if result.warnings.len() + result.problems.len() > 5 {
            notes.push("…".into());
        }
        let skipped = result.problems.len();
        let linked = match arrows {
            0 => String::new(),
            1 => " with the arrow between them, laid out along it".into(),
            n => format!(" with {n} arrows between them, laid out along them"),
        };
        match (skipped, notes.is_empty()) {
            (0, true) => format!("Imported {count} CMOCs from {name}{linked}; they are selected."),
            (0, false) => format!(
                "Imported {count} CMOCs from {name}{linked}; they are selected. Check: {}",
                notes.join("; ")
            ),
            _ => format!(
                "Imported {count} CMOCs from {name}{linked}; skipped {skipped} row(s): {}",
                notes.join("; ")
            ),
        }
    } else {
        editor.status.clone()
    }
}
