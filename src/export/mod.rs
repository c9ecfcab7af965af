//! Turning a document into things for papers: the CMOC table (Markdown, CSV).

mod table;

pub use table::{TableFormat, TableRow, cmoc_table_rows, write_table};
