//! Stable identifiers. Ids are never reused within a document and survive reordering, so edits,
//! undo history, comments and files can refer to things without depending on vector positions.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a node (card, context, condition, region, note …) within one document.
    NodeId,
    "node #"
);
id_type!(
    /// Identifies an arrow between two nodes within one document.
    EdgeId,
    "arrow #"
);
id_type!(
    /// Identifies a comment within one document.
    AnnotationId,
    "comment #"
);
