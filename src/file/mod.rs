//! The CMOC Canvas file: versioned, pretty RON that diffs cleanly, saved atomically, with load
//! errors that say file, line and column.

mod error;
mod format;
mod guard;
mod load;
pub mod recovery;
mod save;

pub use error::{LoadError, SaveError};
pub use format::{FORMAT_VERSION, pretty_config, to_ron_string};
pub use guard::{OutputKind, check_distinct, check_output};
pub use load::{Loaded, load_bytes, load_file, load_str};
pub use save::{newer_diagram_at, resolve_target, save_file, write_atomic, write_atomic_with};

/// The built-in example: Figure 2 of Westlake et al. (2024), so a first start has a diagram.
pub const HOLDING_EXAMPLE: &str = include_str!("../../assets/examples/holding.ron");

/// The built-in example as a document.
pub fn example_document() -> crate::model::Document {
    match load_str(HOLDING_EXAMPLE, "holding.ron") {
        Ok(loaded) => loaded.document,
        // The example is checked by the test suite; an empty diagram is the safe fallback.
        Err(_) => crate::model::Document::new("Untitled"),
    }
}

#[cfg(test)]
mod tests;
