//! Word-level differences of one text (a CMOC's context, mechanism or outcome) between two
//! versions: which words were struck and which inserted, for the inspector and the change
//! table. The diff itself is the `similar` crate's.

use similar::{ChangeTag, TextDiff};
use std::time::Duration;

/// A run of words that both versions share, or that only one has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// In both.
    Same(String),
    /// Only in the older text (struck).
    Removed(String),
    /// Only in the newer text (inserted).
    Inserted(String),
}

/// The older text turned into the newer, as runs of kept, struck and inserted words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordDiff {
    /// The runs, in reading order (a struck run comes before the run inserted in its place).
    pub pieces: Vec<Piece>,
}

/// How long one text's diff may take before a coarser (still correct) diff is accepted: a
/// pasted chapter in a cell must not stall the compare view.
const DIFF_TIMEOUT: Duration = Duration::from_millis(50);

/// The word-level difference between `old` and `new`.
pub fn word_diff(old: &str, new: &str) -> WordDiff {
    let diff = TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_words(old, new);
    let tokens: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].0 == ChangeTag::Equal {
            push(&mut pieces, Piece::Same(tokens[i].1.to_string()));
            i += 1;
            continue;
        }
        let end = run_end(&tokens, i);
        let run = &tokens[i..end];
        let has = |tag| run.iter().any(|t| t.0 == tag);
        if has(ChangeTag::Delete) && has(ChangeTag::Insert) {
            // "~~a~~ **x** ~~b~~ **y**" reads worse than "~~a b~~ **x y**": a replacement
            // that runs across spaces is written as one struck and one inserted run.
            let side = |keep: ChangeTag| -> String {
                run.iter()
                    .filter(|t| t.0 == keep || t.0 == ChangeTag::Equal)
                    .map(|t| t.1)
                    .collect()
            };
            pieces.push(Piece::Removed(side(ChangeTag::Delete)));
            pieces.push(Piece::Inserted(side(ChangeTag::Insert)));
        } else {
            for &(tag, text) in run {
                let piece = match tag {
                    ChangeTag::Equal => Piece::Same(text.to_string()),
                    ChangeTag::Delete => Piece::Removed(text.to_string()),
                    ChangeTag::Insert => Piece::Inserted(text.to_string()),
                };
                push(&mut pieces, piece);
            }
        }
        i = end;
    }
    WordDiff { pieces }
}

/// Where a run of changes that starts at `start` ends: it goes on across kept spaces as long
/// as another change follows them.
fn run_end(tokens: &[(ChangeTag, &str)], start: usize) -> usize {
    let mut end = start;
    let mut j = start;
    while j < tokens.len() {
        match tokens[j] {
            (ChangeTag::Equal, text) if text.trim().is_empty() => j += 1,
            (ChangeTag::Equal, _) => break,
            _ => {
                j += 1;
                end = j;
            }
        }
    }
    end
}

/// Appends a piece, joining it to the last one when they are the same kind.
fn push(pieces: &mut Vec<Piece>, piece: Piece) {
    match (pieces.last_mut(), piece) {
        (Some(Piece::Same(a)), Piece::Same(b))
        | (Some(Piece::Removed(a)), Piece::Removed(b))
        | (Some(Piece::Inserted(a)), Piece::Inserted(b)) => a.push_str(&b),
        (_, piece) => pieces.push(piece),
    }
}

impl WordDiff {
    /// True when nothing was struck or inserted.
    pub fn is_unchanged(&self) -> bool {
        self.pieces.iter().all(|p| matches!(p, Piece::Same(_)))
    }

    /// The older text again.
    pub fn old_text(&self) -> String {
        self.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Same(t) | Piece::Removed(t) => Some(t.as_str()),
                Piece::Inserted(_) => None,
            })
            .collect()
    }

    /// The newer text again.
    pub fn new_text(&self) -> String {
        self.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Same(t) | Piece::Inserted(t) => Some(t.as_str()),
                Piece::Removed(_) => None,
            })
            .collect()
    }

    /// The diff written with the given marks around struck and inserted runs, with a space
    /// between a struck run and the run inserted in its place; each run's text goes through
    /// `escape` first (for HTML or Markdown).
    pub fn marked(
        &self,
        escape: impl Fn(&str) -> String,
        struck: (&str, &str),
        inserted: (&str, &str),
    ) -> String {
        self.write(escape, struck, inserted, " ")
    }

    /// Plain text as `wdiff` writes it: `[-struck-]{+inserted+}`.
    pub fn plain(&self) -> String {
        self.write(str::to_string, ("[-", "-]"), ("{+", "+}"), "")
    }

    /// Whether a space is written between piece `i` and the next (a struck run directly
    /// followed by its replacement, neither with a space at that edge).
    pub fn needs_space_after(&self, i: usize) -> bool {
        match (self.pieces.get(i), self.pieces.get(i + 1)) {
            (Some(Piece::Removed(a)), Some(Piece::Inserted(b))) => {
                !a.ends_with(char::is_whitespace) && !b.starts_with(char::is_whitespace)
            }
            _ => false,
        }
    }

    fn write(
        &self,
        escape: impl Fn(&str) -> String,
        struck: (&str, &str),
        inserted: (&str, &str),
        between: &str,
    ) -> String {
        let mut out = String::new();
        for (i, piece) in self.pieces.iter().enumerate() {
            match piece {
                Piece::Same(t) => out.push_str(&escape(t)),
                Piece::Removed(t) => wrap(&mut out, &escape(t), struck),
                Piece::Inserted(t) => wrap(&mut out, &escape(t), inserted),
            }
            if self.needs_space_after(i) {
                out.push_str(between);
            }
        }
        out
    }
}

/// Writes `text` between the marks, keeping its leading and trailing spaces outside them
/// (Markdown does not strike "~~ word~~").
fn wrap(out: &mut String, text: &str, (open, close): (&str, &str)) {
    let core = text.trim();
    if core.is_empty() {
        out.push_str(text);
        return;
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    out.push_str(&text[..start]);
    out.push_str(open);
    out.push_str(core);
    out.push_str(close);
    out.push_str(&text[end..]);
}
