//! Helpers shared by the integration tests.
#![allow(dead_code)]

use cmoc_canvas::file::{HOLDING_EXAMPLE, load_str};
use cmoc_canvas::model::Document;

/// The built-in example, parsed.
pub fn holding() -> Document {
    load_str(HOLDING_EXAMPLE, "holding.ron")
        .expect("the shipped example opens")
        .document
}
