//! The on-disk shape of a CMOC Canvas file (format version 1) and how it is written: pretty,
//! deterministic RON, so the same document always gives the same bytes and git diffs show only
//! what changed.

use crate::model::{Annotation, Document, Edge, Metadata, Node};
use serde::{Deserialize, Serialize};

/// The file format version this program writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// A file as written: borrowed from the document, in drawing order.
#[derive(Serialize)]
pub(crate) struct FileOut<'a> {
    pub format_version: u32,
    pub metadata: &'a Metadata,
    pub nodes: Vec<&'a Node>,
    pub edges: Vec<&'a Edge>,
    pub annotations: Vec<&'a Annotation>,
}

/// A file as read, in format version 1.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileV1 {
    #[allow(dead_code)] // checked before parsing, kept so the field is accepted
    pub format_version: u32,
    #[serde(default)]
    pub metadata: Metadata,
    #[serde(default)]
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub edges: Vec<Edge>,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
}

/// The pretty-printing settings of CMOC Canvas files (four-space indent, no struct names).
pub fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
}

/// The document as the text of a CMOC Canvas file (ending in a newline).
pub fn to_ron_string(doc: &Document) -> Result<String, ron::Error> {
    let out = FileOut {
        format_version: FORMAT_VERSION,
        metadata: doc.metadata(),
        nodes: doc.nodes().collect(),
        edges: doc.edges().collect(),
        annotations: doc.annotations().collect(),
    };
    let mut text = ron::ser::to_string_pretty(&out, pretty_config())?;
    text.push('\n');
    Ok(text)
}

/// Reads the `format_version` a file declares without parsing the rest, so a file from a
/// newer program is recognised even when its content would not parse here.
pub(crate) fn declared_version(text: &str) -> Option<u64> {
    let start = text.find("format_version")? + "format_version".len();
    let rest = text[start..].trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}
