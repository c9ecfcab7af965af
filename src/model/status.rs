//! The realist status of a CMOC: how it fared when the theory was tested against data and in
//! workshops, relative to the version it is compared with. RAMESES II asks how a programme
//! theory was "supported, refuted or refined"; papers report each CMOC as confirmed, refined,
//! refuted or newly emergent, and this is where the researcher records which, and why.

use serde::{Deserialize, Serialize};

/// How a CMOC fared in testing (format version 6).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Status {
    /// Not yet tested against data (every CMOC starts here).
    #[default]
    Untested,
    /// The data supported (confirmed) it as it stands.
    Supported,
    /// The data supported it once changed: its context, mechanism or outcome was refined.
    Refined,
    /// The data did not support it.
    Refuted,
    /// It emerged from the data (it was not in the theory compared with).
    New,
    /// It was merged into another CMOC (the number of that CMOC).
    MergedInto(u32),
    /// It was split off from another CMOC (the number of that CMOC).
    SplitFrom(u32),
}

impl Status {
    /// Every status a researcher can choose, in menu order (the CMOC numbers of merged and
    /// split statuses are filled in when chosen).
    pub const CHOICES: [Status; 7] = [
        Status::Untested,
        Status::Supported,
        Status::Refined,
        Status::Refuted,
        Status::New,
        Status::MergedInto(0),
        Status::SplitFrom(0),
    ];

    /// True for the default, which files leave unwritten.
    pub fn is_untested(&self) -> bool {
        *self == Status::Untested
    }

    /// The status in a word or two, as tables and the card's marker write it ("refined",
    /// "merged into CMOC 4").
    pub fn words(self) -> String {
        match self {
            Status::MergedInto(n) if n > 0 => format!("merged into CMOC {n}"),
            Status::SplitFrom(n) if n > 0 => format!("split from CMOC {n}"),
            other => other.name().to_string(),
        }
    }

    /// The status's name without a CMOC number ("merged into").
    pub fn name(self) -> &'static str {
        match self {
            Status::Untested => "untested",
            Status::Supported => "supported",
            Status::Refined => "refined",
            Status::Refuted => "refuted",
            Status::New => "new",
            Status::MergedInto(_) => "merged into",
            Status::SplitFrom(_) => "split from",
        }
    }

    /// Reads a status as a researcher types it on the command line or in a table:
    /// "supported" (or "confirmed"), "refined", "refuted", "new" (or "emergent"), "untested",
    /// "merged into 4", "split from 12".
    pub fn parse(text: &str) -> Option<Status> {
        let lower = text.trim().to_lowercase();
        let number = |rest: &str| {
            rest.trim()
                .trim_start_matches("cmoc")
                .trim()
                .parse::<u32>()
                .ok()
        };
        if let Some(rest) = lower.strip_prefix("merged into") {
            return number(rest).map(Status::MergedInto);
        }
        if let Some(rest) = lower.strip_prefix("split from") {
            return number(rest).map(Status::SplitFrom);
        }
        match lower.as_str() {
            "untested" | "" => Some(Status::Untested),
            "supported" | "confirmed" => Some(Status::Supported),
            "refined" => Some(Status::Refined),
            "refuted" => Some(Status::Refuted),
            "new" | "emergent" | "newly emergent" => Some(Status::New),
            _ => None,
        }
    }

    /// The other CMOC's number, for merged and split statuses.
    pub fn other_cmoc(self) -> Option<u32> {
        match self {
            Status::MergedInto(n) | Status::SplitFrom(n) => Some(n),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_from_its_words() {
        for status in [
            Status::Untested,
            Status::Supported,
            Status::Refined,
            Status::Refuted,
            Status::New,
            Status::MergedInto(4),
            Status::SplitFrom(12),
        ] {
            assert_eq!(Status::parse(&status.words()), Some(status), "{status:?}");
        }
        assert_eq!(Status::parse(" Confirmed "), Some(Status::Supported));
        assert_eq!(
            Status::parse("merged into CMOC 7"),
            Some(Status::MergedInto(7))
        );
        assert_eq!(Status::parse("merged into"), None);
        assert_eq!(Status::parse("maybe"), None);
    }
}
