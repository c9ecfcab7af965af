//! The on-disk shape of a CMOC Canvas file (format version 8) and how it is written: pretty,
//! deterministic RON, so the same document always gives the same bytes and git diffs show only
//! what changed.

use crate::model::{
    Annotation, Conflict, Document, Edge, Metadata, Node, Scenario, Version, Workshop,
};
use serde::{Deserialize, Serialize};

/// The file format version this program writes, and the newest it reads.
///
/// - 1: CMOC Canvas 0.1.
/// - 2: plain words on nodes (`plain`), reactions and replies on comments (`reaction`,
///   `reply_to`).
/// - 3: the workshop part (`workshop`): the facilitator's presentation path with speaker
///   notes, and the record of workshop sessions; "what if" scenarios (`scenarios`).
/// - 4: pinned nodes (`pinned`, which Tidy leaves in place) and the diagram's arrow style
///   (`arrows` in the metadata: curved or orthogonal).
/// - 5: named versions of the theory (`versions`: each with its name, when it was saved, by
///   whom, a note, and its nodes and arrows).
/// - 6: the realist status of each CMOC (`status`: supported, refined, refuted, new, merged
///   into or split from another CMOC), with the researcher's `rationale` and the evidence
///   sources that decided it (`decided_by`).
/// - 7: merge conflicts left to resolve (`conflicts`: what each is about, how the two copies
///   disagree, both sides in words, and their node or arrow to take their side from).
/// - 8: reactions and comments sent from workshop participants' own phones (`phone` on a
///   comment: which phone of which room, so each phone keeps one reaction per card).
///
/// Older files are migrated on opening (see `load.rs`).
pub const FORMAT_VERSION: u32 = 8;

/// A file as written: borrowed from the document, in drawing order.
#[derive(Serialize)]
pub(crate) struct FileOut<'a> {
    pub format_version: u32,
    pub metadata: &'a Metadata,
    pub nodes: Vec<&'a Node>,
    pub edges: Vec<&'a Edge>,
    pub annotations: Vec<&'a Annotation>,
    #[serde(skip_serializing_if = "is_empty_workshop")]
    pub workshop: &'a Workshop,
    #[serde(skip_serializing_if = "<[Scenario]>::is_empty")]
    pub scenarios: &'a [Scenario],
    #[serde(skip_serializing_if = "<[Version]>::is_empty")]
    pub versions: &'a [Version],
    #[serde(skip_serializing_if = "<[Conflict]>::is_empty")]
    pub conflicts: &'a [Conflict],
}

fn is_empty_workshop(w: &&Workshop) -> bool {
    w.is_empty()
}

/// A file as read, in format version 1 to 8 (the same fields; older files have none of the
/// newer versions' optional ones, which the migration checks).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileIn {
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
    #[serde(default)]
    pub workshop: Workshop,
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    #[serde(default)]
    pub versions: Vec<Version>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
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
        workshop: doc.workshop(),
        scenarios: doc.scenarios(),
        versions: doc.versions(),
        conflicts: doc.conflicts(),
    };
    let mut text = ron::ser::to_string_pretty(&out, pretty_config())?;
    text.push('\n');
    Ok(text)
}

/// What a file says its format version is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Declared {
    /// No top-level `format_version` field.
    Missing,
    /// A whole number that fits.
    Number(u64),
    /// Something else, quoted as written (a negative number, one too large, a word…), at most
    /// 40 characters.
    Other(String),
}

/// Reads the `format_version` a file declares without parsing the rest, so a file from a
/// newer program is recognised even when its content would not parse here. Only the field of
/// the outermost item counts: the words "format_version: 7" inside a title or a comment do not.
pub(crate) fn declared_version(text: &str) -> Declared {
    scan_version(text).map_or(Declared::Missing, |(_, declared)| declared)
}

/// The 1-based line and column where the outermost `format_version` field is written.
pub(crate) fn declared_version_position(text: &str) -> Option<(usize, usize)> {
    let (at, _) = scan_version(text)?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}

/// Where the outermost `format_version` field starts, and what it says.
fn scan_version(text: &str) -> Option<(usize, Declared)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => i = skip_string(bytes, i + 1),
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) && !ident_before(bytes, i) => {
                i = skip_raw_string(bytes, i + 1);
            }
            b'\'' => i = skip_char(bytes, i + 1),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(bytes.len(), |p| i + p + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(bytes, i + 2),
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if depth == 1 && &bytes[start..i] == b"format_version" {
                    return Some((start, version_value(&text[i..])));
                }
            }
            _ => i += 1,
        }
    }
    None
}

fn ident_before(bytes: &[u8], i: usize) -> bool {
    i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')
}

fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn skip_raw_string(bytes: &[u8], mut i: usize) -> usize {
    let hashes = bytes[i..].iter().take_while(|&&c| c == b'#').count();
    i += hashes;
    if bytes.get(i) != Some(&b'"') {
        return i;
    }
    i += 1;
    while i < bytes.len() {
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

fn skip_char(bytes: &[u8], i: usize) -> usize {
    // 'x', '\n', '\u{…}': up to the closing quote on the same line.
    let end = bytes[i..]
        .iter()
        .take(12)
        .enumerate()
        .skip(1)
        .find(|(k, c)| **c == b'\'' && bytes[i + k - 1] != b'\\')
        .map(|(k, _)| i + k + 1);
    end.unwrap_or(i + 1)
}

fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    let mut nesting = 1usize;
    while i < bytes.len() {
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            nesting += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            nesting -= 1;
            i += 2;
            if nesting == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    bytes.len()
}

/// The value after `format_version`: `: 1` is a number; anything else is quoted.
fn version_value(rest: &str) -> Declared {
    let rest = rest.trim_start();
    let Some(rest) = rest.strip_prefix(':') else {
        return Declared::Missing;
    };
    let value: String = rest
        .trim_start()
        .chars()
        .take_while(|c| !matches!(c, ',' | ')' | '\n' | '\r'))
        .take(40)
        .collect();
    let value = value.trim().to_string();
    let digits = value.replace('_', "");
    match digits.parse::<u64>() {
        Ok(n) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            Declared::Number(n)
        }
        _ => Declared::Other(value),
    }
}

impl Declared {
    /// Whether the file declares a version newer than this program reads (a number above
    /// ours, or one too large to read at all); the version as written when so.
    pub(crate) fn newer(&self) -> Option<String> {
        match self {
            Declared::Number(n) if *n > u64::from(FORMAT_VERSION) => Some(n.to_string()),
            Declared::Other(v)
                if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit() || b == b'_') =>
            {
                Some(v.clone())
            }
            _ => None,
        }
    }
}
