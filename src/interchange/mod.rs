//! What comes in and goes out besides the diagram file: figures for papers (SVG, PNG) drawn
//! from the scene, the CMOC table (Markdown, CSV, sentences), and CMOC tables brought in from
//! spreadsheets (CSV), and the notes of a workshop (Markdown, CSV).

pub mod changes;
mod csv_import;
pub mod docx;
mod figure;
mod figure_marks;
pub mod marked;
mod notes;
mod pdf;
mod plain;
mod png;
pub mod svg;
mod table;
mod unwritable;

pub use csv_import::{
    ColumnMapping, CsvRow, CsvTable, Duplicates, ImportError, ImportResult, MAX_IMPORT_BYTES,
    RowProblem, cards_from_table, import_csv, import_edit, import_linked_edit, import_region_title,
    read_csv, read_pasted, read_table_file, summarised,
};
pub use figure::{
    FigureError, FigureLayout, FigureOptions, FigureSink, figure_svg, known_scenarios,
};
pub use notes::{NotesFormat, workshop_notes, workshop_notes_docx};
pub use pdf::figure_pdf;
pub use plain::{not_happening, plain_sentence};
pub use png::{MAX_PNG_PIXELS, MAX_PNG_SIDE, figure_png, figure_rgba};
pub(crate) use table::csv_cell as csv_field;
pub use table::{
    TableFormat, TableRow, cmoc_table_docx, cmoc_table_rows, sentence, sentence_parts, table_grid,
    write_table, write_table_in, write_table_with_status,
};
pub use unwritable::{figure_text_report, is_xml_char};
