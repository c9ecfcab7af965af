//! Opening files: check the declared version, parse, and turn parser
//! errors into messages that say where and what in plain words.

use super::error::{LoadError, read_reason};
use super::format::{
    Declared, FORMAT_VERSION, FileIn, declared_version, declared_version_position,
};
use crate::model::{ConflictOn, Document, Repair};
use std::path::Path;

/// A document read from a file, with anything the loader had to repair to open it.
#[derive(Debug)]
pub struct Loaded {
    /// The document.
    pub document: Document,
    /// Repairs made while loading (e.g. duplicate ids given fresh ones); empty for clean files.
    pub repairs: Vec<Repair>,
    /// The format version the file was written in.
    pub original_version: u32,
}

/// Reads and parses a CMOC Canvas file.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Read {
        path: path.to_path_buf(),
        reason: read_reason(&e),
    })?;
    load_bytes(bytes, &path.display().to_string())
}

/// Parses the bytes of a CMOC Canvas file; `file` names it in error messages.
pub fn load_bytes(bytes: Vec<u8>, file: &str) -> Result<Loaded, LoadError> {
    let file = file.to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        LoadError::NotText {
            file: file.clone(),
            line,
            column,
        }
    })?;
    load_str(&text, &file)
}

/// Parses the text of a CMOC Canvas file; `file` names it in error messages.
pub fn load_str(text: &str, file: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (line, column) = declared_version_position(text).unwrap_or((1, 1));
    let version = match declared_version(text) {
        Declared::Missing => return Err(not_a_cmoc_file(text, file)),
        declared => {
            if let Some(found) = declared.newer() {
                return Err(LoadError::NewerVersion {
                    file: file.into(),
                    line,
                    column,
                    found,
                    supported: FORMAT_VERSION,
                });
            }
            match declared {
                Declared::Number(n) if n >= 1 => u32::try_from(n).unwrap_or(FORMAT_VERSION),
                Declared::Number(n) => {
                    return Err(LoadError::UnknownVersion {
                        file: file.into(),
                        line,
                        column,
                        found: n.to_string(),
                    });
                }
                Declared::Other(found) => {
                    return Err(LoadError::UnknownVersion {
                        file: file.into(),
                        line,
                        column,
                        found,
                    });
                }
                Declared::Missing => return Err(not_a_cmoc_file(text, file)),
            }
        }
    };
    let parsed: FileIn = ron::Options::default()
        .from_str(text)
        .map_err(|e| syntax_error(file, text, &e))?;
    let parsed = migrate(parsed, version).map_err(|message| LoadError::Syntax {
        file: file.into(),
        line,
        column,
        message,
    })?;
    let (document, repairs) = Document::from_parts(
        parsed.metadata,
        parsed.nodes,
        parsed.edges,
        parsed.annotations,
    );
    let mut repairs = repairs;
    let (conflicts, dangling): (Vec<_>, Vec<_>) =
        parsed.conflicts.into_iter().partition(|c| match c.on {
            ConflictOn::Node(id) => document.node(id).is_some(),
            ConflictOn::Arrow(id) => document.edge(id).is_some(),
        });
    if !dangling.is_empty() {
        repairs.push(Repair {
            message: format!(
                "{} named a node or arrow the diagram does not have, and {} left out.",
                crate::model::counted(dangling.len(), "merge conflict", "merge conflicts"),
                if dangling.len() == 1 { "was" } else { "were" }
            ),
        });
    }
    let document = document
        .with_workshop(parsed.workshop)
        .with_scenarios(parsed.scenarios)
        .with_versions(parsed.versions)
        .with_conflicts(conflicts);
    Ok(Loaded {
        document,
        repairs,
        original_version: version,
    })
}

/// Brings a file of an older format version to the current one, step by step.
///
/// 1 → 2: version 2 added plain words on nodes, reactions and replies on comments; a version 1
/// file has none of them, so its content carries over as it is, and it is saved in the newest version
/// (which CMOC Canvas 0.1 cannot open). A file that says version 1 but uses those fields was
/// not written by version 1: it is refused, saying which field and what to do.
///
/// 2 → 3: version 3 added the workshop part (presentation path, speaker notes, sessions) and
/// scenarios; a version 2 file has none, so its presentation path is the one derived from the
/// diagram, as before, and it has no scenarios. A file that says version 1 or 2 but has a
/// `workshop` part or `scenarios` is refused the same way.
///
/// 3 → 4: version 4 added pinned nodes and the diagram's arrow style. Nothing was pinned
/// before, and every arrow was drawn as a curve (routed round nodes in rounded runs), which is
/// the curved style; so a version 3 file keeps its look. A file that says version 3 or older
/// but pins a node or chooses orthogonal arrows is refused the same way.
///
/// 4 → 5: version 5 added named versions of the theory (`versions`). A version 4 file has
/// none, so it opens with none, and the first one saved makes it a version 5 file. A file that
/// says version 4 or older but has `versions` is refused the same way.
///
/// 5 → 6: version 6 added each CMOC's realist status, rationale and deciding evidence. Older
/// files have none: every CMOC opens untested, and the first status set makes it a version 6
/// file. A file that says version 5 or older but sets a status is refused the same way.
///
/// 6 → 7: version 7 added merge conflicts left to resolve. Older files have none; a file that
/// says version 6 or older but keeps `conflicts` is refused the same way.
///
/// 7 → 8: version 8 added the phone a reaction or comment came from (`phone`). Older files
/// have none: every reaction and comment is a group's, as it was. A file that says version 7
/// or older but names a phone is refused the same way.
fn migrate(file: FileIn, version: u32) -> Result<FileIn, String> {
    let mut file = file;
    if version < 2 {
        file = migrate_1_to_2(file)?;
    }
    if version < 3 {
        file = migrate_2_to_3(file, version)?;
    }
    if version < 4 {
        file = migrate_3_to_4(file, version)?;
    }
    if version < 5 && !file.versions.is_empty() {
        return Err(format!(
            "the file says format version {version}, but it keeps saved versions of the theory (`versions`), which only version 5 has. Set `format_version: 5`."
        ));
    }
    if version < 6 {
        migrate_5_to_6(&file, version)?;
    }
    if version < 7 && !file.conflicts.is_empty() {
        return Err(format!(
            "the file says format version {version}, but it keeps merge conflicts (`conflicts`), which only version 7 has. Set `format_version: 7`."
        ));
    }
    if version < 8 && file.annotations.iter().any(|a| a.phone.is_some()) {
        return Err(format!(
            "the file says format version {version}, but a reaction or comment names the phone it came from (`phone`), which only version 8 has. Set `format_version: 8`."
        ));
    }
    Ok(file)
}

/// Statuses arrived in version 6: every CMOC of an older file is untested, with no rationale.
fn migrate_5_to_6(file: &FileIn, version: u32) -> Result<(), String> {
    let saved = file.versions.iter().flat_map(|v| &v.nodes);
    let judged = file.nodes.iter().chain(saved).find(|n| {
        n.content.cmoc().is_some_and(|card| {
            !card.status.is_untested() || !card.rationale.is_empty() || !card.decided_by.is_empty()
        })
    });
    match judged {
        Some(node) => Err(format!(
            "the file says format version {version}, but {} has a realist status (`status`, `rationale` or `decided_by`), which only version 6 has. Set `format_version: 6`.",
            node.label()
        )),
        None => Ok(()),
    }
}

fn migrate_3_to_4(file: FileIn, version: u32) -> Result<FileIn, String> {
    if let Some(node) = file.nodes.iter().find(|n| n.pinned) {
        return Err(format!(
            "the file says format version {version}, but {} is pinned (`pinned`), which only version 4 has. Set `format_version: 4`.",
            node.label()
        ));
    }
    if !file.metadata.arrows.is_curved() {
        return Err(format!(
            "the file says format version {version}, but it chooses right-angled arrows (`arrows`), which only version 4 has. Set `format_version: 4`."
        ));
    }
    Ok(file)
}

fn migrate_2_to_3(file: FileIn, version: u32) -> Result<FileIn, String> {
    if !file.scenarios.is_empty() {
        return Err(format!(
            "the file says format version {version}, but it has scenarios (`scenarios`), which only version 3 has. Set `format_version: 3`."
        ));
    }
    if file.workshop.is_empty() {
        Ok(file)
    } else {
        Err(format!(
            "the file says format version {version}, but it has a workshop part (`workshop`: a presentation path or sessions), which only version 3 has. Set `format_version: 3`."
        ))
    }
}

fn migrate_1_to_2(file: FileIn) -> Result<FileIn, String> {
    let newer_field = file
        .nodes
        .iter()
        .find(|n| !n.plain.is_empty())
        .map(|n| format!("{} has plain words (`plain`)", n.label()))
        .or_else(|| {
            file.annotations
                .iter()
                .find(|a| a.reaction.is_some() || a.reply_to.is_some())
                .map(|_| "a comment has a reaction or a reply (`reaction`, `reply_to`)".to_string())
        });
    match newer_field {
        Some(what) => Err(format!(
            "the file says format version 1, but {what}, which only version 2 has. Set `format_version: 2`."
        )),
        None => Ok(file),
    }
}

fn not_a_cmoc_file(text: &str, file: &str) -> LoadError {
    // Prefer the parser's own complaint when the text is not RON at all.
    if let Err(e) = ron::Options::default().from_str::<ron::Value>(text) {
        return syntax_error(file, text, &e);
    }
    LoadError::Syntax {
        file: file.into(),
        line: 1,
        column: 1,
        message: "this is not a CMOC Canvas diagram: it has no `format_version`. CMOC Canvas files start with `(format_version: 1, …`.".into(),
    }
}

fn syntax_error(file: &str, text: &str, error: &ron::error::SpannedError) -> LoadError {
    let (line, column) = (error.span.start.line, error.span.start.col);
    let mut message = plain_words(&error.code);
    if let Some(near) = excerpt(text, line, column) {
        message.push_str(&format!(" Near: «{near}»."));
    }
    message.push_str(" Correct it in a text editor, or open a backup copy.");
    LoadError::Syntax {
        file: file.into(),
        line,
        column,
        message,
    }
}

/// At most 40 characters of line `line` around `column` (both 1-based), on one line.
fn excerpt(text: &str, line: usize, column: usize) -> Option<String> {
    let line_text = text.split('\n').nth(line.checked_sub(1)?)?;
    let chars: Vec<char> = line_text.chars().collect();
    if chars.is_empty() {
        return None;
    }
    let at = column.saturating_sub(1).min(chars.len().saturating_sub(1));
    let from = at.saturating_sub(20);
    let to = (from + 40).min(chars.len());
    let mut near: String = chars[from..to]
        .iter()
        .map(|c| if c.is_control() { ' ' } else { *c })
        .collect();
    near = near.trim().to_string();
    if from > 0 {
        near.insert(0, '…');
    }
    if to < chars.len() {
        near.push('…');
    }
    (!near.is_empty()).then_some(near)
}

/// The parts of a diagram by the names a researcher knows, not the program's type names.
fn part_name(outer: Option<&str>) -> &'static str {
    match outer.unwrap_or("") {
        "FileIn" | "FileV1" | "FileOut" => "the diagram",
        "Metadata" => "the diagram's details (title, authors…)",
        "Node" => "a node",
        "CmocCard" => "a CMOC card",
        "TextBlock" => "the text of a node",
        "Evidence" => "an evidence item",
        "Edge" => "an arrow",
        "Annotation" => "a comment",
        "NodeContent" => "a node's content",
        "Target" => "a comment's target",
        _ => "this item",
    }
}

/// Parser errors in a researcher's words: what was found, what was expected.
fn plain_words(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "the file ends too early; it may have been cut off while saving or copying.".into(),
        E::ExpectedComma => "expected a comma `,` between two items.".into(),
        E::ExpectedArray => "expected a list in square brackets `[ … ]` here.".into(),
        E::ExpectedArrayEnd => "expected `]` to close a list, or a comma before the next item.".into(),
        E::ExpectedMap | E::ExpectedMapColon | E::ExpectedMapEnd => {
            "expected a table of entries `{ key: value, … }` here.".into()
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) | E::ExpectedStructName(_) => {
            "expected an item in round brackets `( … )` here.".into()
        }
        E::ExpectedDifferentStructName { .. } => "an item here has the wrong name in front of its brackets; remove the name.".into(),
        E::ExpectedStructLikeEnd => "expected `)` to close the item, or a comma before the next field.".into(),
        E::ExpectedString | E::ExpectedStringEnd | E::ExpectedByteString => {
            "expected text in double quotes, like \"patients feel unburdened\".".into()
        }
        E::InvalidEscape(_) => "a backslash `\\` in a text is followed by a letter it cannot go with; write `\\\\` for a backslash.".into(),
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } | E::UnderscoreAtBeginning => {
            "expected a whole number here, like 12.".into()
        }
        E::ExpectedFloat | E::FloatUnderscore => "expected a number here, like 280.0.".into(),
        E::ExpectedBoolean => "expected `true` or `false` here.".into(),
        E::ExpectedChar | E::ExpectedByteLiteral => "expected a single character in single quotes here.".into(),
        E::ExpectedOption | E::ExpectedOptionEnd => {
            "expected a value here (or leave the whole field out).".into()
        }
        E::ExpectedUnit | E::ExpectedAttribute | E::ExpectedAttributeEnd | E::ExpectedRangeSyntax | E::ExpectedRawValue => {
            "found something that does not belong in a CMOC Canvas diagram here.".into()
        }
        E::ExpectedIdentifier | E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) | E::UnexpectedChar(_) => {
            "found a character or word that does not belong here (a field name, a number, text in double quotes or a bracket was expected).".into()
        }
        E::NoSuchExtension(_) => "the file asks for a reading option CMOC Canvas does not have; remove the `#![enable(…)]` line.".into(),
        E::UnclosedBlockComment => "a comment opened with `/*` is never closed with `*/`.".into(),
        E::UnclosedLineComment => "a comment at the end of the file is not finished.".into(),
        E::Utf8Error(_) => "the file holds bytes that are not text (it is not UTF-8).".into(),
        E::TrailingCharacters => "there is more text after the end of the diagram; remove it.".into(),
        E::ExceededRecursionLimit => "brackets are nested far too deeply here; the file is damaged or is not a CMOC Canvas diagram.".into(),
        E::InvalidValueForType { expected, .. } => format!("expected {} here.", plain_expected(expected)),
        E::ExpectedDifferentLength { expected, found } => format!(
            "expected {} here, but found {found} value{}.",
            plain_expected(expected),
            if *found == 1 { "" } else { "s" }
        ),
        E::NoSuchStructField { expected, found, outer } => format!(
            "`{}` is not a field of {}; expected one of: {}.",
            crate::model::shorten(found, 40),
            part_name(outer.as_deref()),
            expected.join(", ")
        ),
        E::MissingStructField { field, outer } => {
            format!("{} is missing its `{field}` field.", capitalised(part_name(outer.as_deref())))
        }
        E::DuplicateStructField { field, outer } => format!(
            "{} has the field `{field}` twice; keep one.",
            capitalised(part_name(outer.as_deref()))
        ),
        E::NoSuchEnumVariant { expected, found, outer } => format!(
            "`{}` is not known in {}; expected one of: {}.",
            crate::model::shorten(found, 40),
            part_name(outer.as_deref()),
            expected.join(", ")
        ),
        // Our own checks (a timestamp, a colour) speak plain words already; keep them short.
        E::Message(text) => format!("{}.", crate::model::shorten(text.trim_end_matches('.'), 160)),
        E::Fmt | E::Io(_) => "the file could not be read.".into(),
        // A kind of problem added to the parser after this was written.
        _ => "the file is not written the way a CMOC Canvas diagram is.".into(),
    }
}

/// "a whole number" rather than "u32", "a pair of numbers" rather than "a tuple of length 2".
fn plain_expected(expected: &str) -> String {
    let e = expected.to_lowercase();
    if e.contains("tuple of size 2") || e.contains("tuple of length 2") || e.contains("2 elements")
    {
        "a pair of numbers like (280.0, 200.0)".into()
    } else if e.contains("tuple of size 3") || e.contains("3 elements") {
        "three numbers like (255, 128, 0)".into()
    } else if e.contains("u8") {
        "a whole number from 0 to 255".into()
    } else if e.contains("integer") || e.contains("u32") || e.contains("u64") {
        "a whole number".into()
    } else if e.contains("float") || e.contains("f32") {
        "a number".into()
    } else if e.contains("string") {
        "text in double quotes".into()
    } else {
        "a different kind of value".into()
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}
