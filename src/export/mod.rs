//! Turning a document into things for papers — the CMOC table (Markdown, CSV, sentences) and
//! figures (SVG, PNG) — and bringing CMOC tables in from spreadsheets (CSV).

mod csv_import;
mod figure;
mod figure_legend;
mod figure_png;
mod table;

pub use csv_import::{
    ColumnMapping, CsvRow, CsvTable, ImportError, ImportResult, MAX_IMPORT_BYTES, RowProblem,
    cards_from_table, import_csv, import_edit, read_csv,
};
pub use figure::{FigureError, FigureOptions, figure_svg};
pub use figure_png::{MAX_PNG_SIDE, figure_png};
pub use table::{TableFormat, TableRow, cmoc_table_rows, sentence, write_table};
