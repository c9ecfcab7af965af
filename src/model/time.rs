//! Timestamps for comments and document metadata, written as readable UTC text
//! (`2024-05-02T14:03:00Z`) so files stay legible and diff cleanly.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A moment in time, to the second, in UTC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix_seconds: i64,
}

impl Timestamp {
    /// The current time according to the system clock (1970 if the clock is before it).
    pub fn now() -> Self {
        let unix_seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        Self { unix_seconds }
    }

    /// The timestamp for a UTC calendar date and time of day.
    pub fn from_utc(year: i64, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> Self {
        let days = days_from_civil(year, month, day);
        Self {
            unix_seconds: days * 86_400
                + i64::from(hour) * 3600
                + i64::from(minute) * 60
                + i64::from(second),
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (also accepts a space instead of `T`, and a bare date).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (date, time) = match text.split_once(['T', ' ']) {
            Some((d, t)) => (d, t.trim_end_matches('Z')),
            None => (text, "00:00:00"),
        };
        let mut date_parts = date.splitn(3, '-');
        let year: i64 = date_parts.next()?.parse().ok()?;
        let month: u32 = date_parts.next()?.parse().ok()?;
        let day: u32 = date_parts.next()?.parse().ok()?;
        let mut time_parts = time.splitn(3, ':');
        let hour: u32 = time_parts.next()?.parse().ok()?;
        let minute: u32 = time_parts.next()?.parse().ok()?;
        let second: u32 = time_parts.next().unwrap_or("0").parse().ok()?;
        // Years of four digits: far larger ones overflowed the arithmetic below.
        let valid = (0..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day)
            && hour < 24
            && minute < 60
            && second < 61;
        valid.then(|| Self::from_utc(year, month, day, hour, minute, second))
    }

    /// The calendar parts (year, month, day, hour, minute, second) in UTC.
    pub fn to_utc_parts(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.unix_seconds.div_euclid(86_400);
        let secs = self.unix_seconds.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let secs = secs as u32; // ok: rem_euclid keeps it within 0..86_400
        (y, m, d, secs / 3600, (secs / 60) % 60, secs % 60)
    }

    /// A short human form, `2024-05-02 14:03`, for lists of comments.
    pub fn short(self) -> String {
        let (y, mo, d, h, mi, _) = self.to_utc_parts();
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = self.to_utc_parts();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a date and time like \"2024-05-02T14:03:00Z\""
            ))
        })
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32; // ok: 1..=31 by construction
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32; // ok: 1..=12 by construction
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_round_trip() {
        let t = Timestamp::from_utc(2024, 5, 2, 14, 3, 9);
        assert_eq!(t.to_string(), "2024-05-02T14:03:09Z");
        assert_eq!(Timestamp::parse("2024-05-02T14:03:09Z"), Some(t));
        assert_eq!(
            Timestamp { unix_seconds: 0 }.to_string(),
            "1970-01-01T00:00:00Z"
        );
        assert_eq!(
            Timestamp::parse("2000-02-29").map(|t| t.to_string()),
            Some("2000-02-29T00:00:00Z".to_string())
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Timestamp::parse("2023-02-29T00:00:00Z"), None);
        assert_eq!(Timestamp::parse("2023-13-01T00:00:00Z"), None);
        assert_eq!(Timestamp::parse("yesterday"), None);
        // Found by the fuzzer: a year this large overflowed the day count.
        assert_eq!(Timestamp::parse("20264294967296-11-25T10:20:00Z"), None);
        assert_eq!(Timestamp::parse("-9223372036854775808-01-01"), None);
    }

    #[test]
    fn every_day_over_centuries_round_trips() {
        for days in (-700_000..800_000).step_by(37) {
            let t = Timestamp {
                unix_seconds: days * 86_400 + 3723,
            };
            assert_eq!(Timestamp::parse(&t.to_string()), Some(t));
        }
    }
}
