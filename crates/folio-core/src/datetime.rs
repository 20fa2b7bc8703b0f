//! Publication dates as pages print them, kept with the precision they were given.
//!
//! A page that prints `May 17, 2022` gives a date, not a midnight; one that
//! prints `Nov 16, 2025 11:34 PM` gives a local time without a zone. The type
//! keeps exactly what was known, and serialises to one canonical ISO 8601 string
//! so that models round-trip unchanged.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date, optionally with a time of day and a UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// Offset from UTC in minutes, when the source gave one.
    pub offset_minutes: Option<i32>,
}

impl DateTime {
    pub fn from_date(date: NaiveDate) -> Self {
        DateTime {
            date,
            time: None,
            offset_minutes: None,
        }
    }

    pub fn from_naive(value: NaiveDateTime) -> Self {
        DateTime {
            date: value.date(),
            time: Some(value.time()),
            offset_minutes: None,
        }
    }

    /// Seconds since the Unix epoch, reading a local time without offset as UTC.
    pub fn unix_seconds(&self) -> i64 {
        let time = self.time.unwrap_or(NaiveTime::MIN);
        let utc = self.date.and_time(time).and_utc().timestamp();
        utc - i64::from(self.offset_minutes.unwrap_or(0)) * 60
    }

    /// The date-time for a Unix timestamp (used for `SOURCE_DATE_EPOCH`).
    pub fn from_unix_seconds(seconds: i64) -> Option<Self> {
        let value = chrono::DateTime::from_timestamp(seconds, 0)?;
        Some(DateTime {
            date: value.date_naive(),
            time: Some(value.time()),
            offset_minutes: Some(0),
        })
    }

    /// Parses the forms real pages and front matter use:
    /// ISO 8601 (`2022-05-17`, `2022-05-17T10:00`, `2022-05-17T10:00:00+02:00`, `…Z`),
    /// `Nov 16, 2025 11:34 PM`, `May 17, 2022`, `17 May 2022`, `2022/05/17`,
    /// `2022年5月17日`. Returns `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().trim_end_matches(['.', ',']);
        if text.is_empty() {
            return None;
        }
        parse_iso(text)
            .or_else(|| parse_written(text))
            .or_else(|| parse_cjk(text))
            .or_else(|| parse_written(&with_english_months(text)?))
    }
}

/// Every terms table's month names but English's, in lower case, with the
/// month's index; built once.
fn other_months() -> &'static [(String, usize)] {
    static MONTHS: std::sync::OnceLock<Vec<(String, usize)>> = std::sync::OnceLock::new();
    MONTHS.get_or_init(|| {
        crate::Terms::all()
            .iter()
            .filter(|t| t.language != "en")
            .flat_map(|t| t.months.iter().enumerate())
            .filter(|(_, name)| !name.is_empty())
            .map(|(index, name)| (name.to_lowercase(), index))
            .collect()
    })
}

/// `7. März 2024`, `7 de marzo de 2024`, `7 марта 2024 г.`, `7 במרץ 2024`:
/// the dates Folio's terms tables write, with the month in English and the
/// words around it dropped, so the English forms above read them. `None`
/// when no word is a month of any table.
fn with_english_months(text: &str) -> Option<String> {
    // Most lines tried as dates are sentences: a date is short and has a
    // day or a year in digits.
    if text.len() > 48 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let english = crate::Terms::for_language("en").months;
    let month_of = |word: &str| -> Option<usize> {
        let word = word.to_lowercase();
        other_months()
            .iter()
            .find_map(|(name, index)| (*name == word).then_some(*index))
    };
    let mut found = false;
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        let bare = word.trim_end_matches([',', '.']);
        // Hebrew writes "in March" as one word: ב + the month.
        let month = month_of(bare).or_else(|| bare.strip_prefix('ב').and_then(month_of));
        match month {
            Some(index) => {
                found = true;
                words.push(format!("{}{}", english[index], &word[bare.len()..]));
            }
            None if matches!(bare, "de" | "del" | "г") => {}
            None if word.ends_with(',') => words.push(format!("{bare},")),
            None => words.push(bare.to_string()),
        }
    }
    found.then(|| words.join(" "))
}

fn parse_iso(text: &str) -> Option<DateTime> {
    if let Ok(value) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(DateTime {
            date: value.date_naive(),
            time: Some(value.time()),
            offset_minutes: Some(value.offset().local_minus_utc() / 60),
        });
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%:z",
        "%Y-%m-%dT%H:%M%:z",
    ] {
        if let Ok(value) = chrono::DateTime::parse_from_str(text, format) {
            return Some(DateTime {
                date: value.date_naive(),
                time: Some(value.time()),
                offset_minutes: Some(value.offset().local_minus_utc() / 60),
            });
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(value) = NaiveDateTime::parse_from_str(text, format) {
            return Some(DateTime::from_naive(value));
        }
    }
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(date) = NaiveDate::parse_from_str(text, format) {
            return Some(DateTime::from_date(date));
        }
    }
    None
}

/// `Nov 16, 2025 11:34 PM`, `November 16, 2025, 11:34 p.m. EST`, `16 May 2022`.
fn parse_written(text: &str) -> Option<DateTime> {
    // Normalise the punctuation pages vary on, so one format list covers them.
    let mut cleaned = text
        .replace(['\u{a0}', '\u{202f}'], " ")
        .replace("a.m.", "AM")
        .replace("p.m.", "PM")
        .replace(" am", " AM")
        .replace(" pm", " PM")
        .replace(',', " ")
        .replace(" at ", " ");
    // A trailing zone abbreviation cannot be resolved reliably: keep the local time.
    if let Some((head, tail)) = cleaned.rsplit_once(' ')
        && tail.len() <= 4
        && tail.chars().all(|c| c.is_ascii_uppercase())
        && !matches!(tail, "AM" | "PM")
    {
        cleaned = head.to_string();
    }
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    // `Nov. 16` and `Sept. 3`: drop the abbreviation's full stop.
    let cleaned = cleaned.replace(". ", " ").replace("Sept ", "Sep ");
    for format in [
        "%b %d %Y %I:%M %p",
        "%B %d %Y %I:%M %p",
        "%d %b %Y %I:%M %p",
        "%d %B %Y %I:%M %p",
        "%b %d %Y %H:%M",
        "%B %d %Y %H:%M",
        "%d %b %Y %H:%M",
        "%d %B %Y %H:%M",
    ] {
        if let Ok(value) = NaiveDateTime::parse_from_str(&cleaned, format) {
            return Some(DateTime::from_naive(value));
        }
    }
    let without_weekday = strip_weekday(&cleaned);
    for format in ["%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(without_weekday, format) {
            return Some(DateTime::from_date(date));
        }
    }
    None
}

fn strip_weekday(text: &str) -> &str {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    for day in DAYS {
        for prefix in [day, &day[..3]] {
            if let Some(rest) = text.strip_prefix(prefix)
                && rest.starts_with(' ')
            {
                return rest.trim_start();
            }
        }
    }
    text
}

/// `2022年5月17日` and `2022年5月17日 10:30`.
fn parse_cjk(text: &str) -> Option<DateTime> {
    let (year, rest) = text.split_once(['年', '년'])?;
    let (month, rest) = rest.split_once(['月', '월'])?;
    let (day, rest) = rest.split_once(['日', '号', '일'])?;
    let date = NaiveDate::from_ymd_opt(
        year.trim().parse().ok()?,
        month.trim().parse().ok()?,
        day.trim().parse().ok()?,
    )?;
    let rest = rest.trim_start_matches([',', '，', ' ']).trim();
    if rest.is_empty() {
        return Some(DateTime::from_date(date));
    }
    let time = NaiveTime::parse_from_str(rest, "%H:%M").ok()?;
    Some(DateTime::from_naive(date.and_time(time)))
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())?;
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())?;
            match self.offset_minutes {
                Some(0) => f.write_str("Z")?,
                Some(offset) => {
                    let sign = if offset < 0 { '-' } else { '+' };
                    let abs = offset.unsigned_abs();
                    write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)?;
                }
                None => {}
            }
        }
        Ok(())
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        DateTime::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date or date-time: {text:?}")))
    }
}

/// In the model's JSON Schema a date is a string in the form the model writes
/// (`2025-11-16`, `2025-11-16T23:34:00`, with an offset when known); the
/// reader also accepts the forms pages print.
impl schemars::JsonSchema for DateTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateTime".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM[:SS], with Z or ±HH:MM when known)",
            "examples": ["2025-11-16", "2025-11-16T23:34:00", "2025-11-16T23:34:00+08:00"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> String {
        DateTime::parse(text)
            .map(|d| d.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn parses_the_forms_pages_print() {
        assert_eq!(iso("Nov 16, 2025 11:34 PM"), "2025-11-16T23:34:00");
        assert_eq!(iso("Nov 16, 2025 12:05 AM"), "2025-11-16T00:05:00");
        assert_eq!(iso("2022-05-17"), "2022-05-17");
        assert_eq!(iso("May 17, 2022"), "2022-05-17");
        assert_eq!(iso("17 May 2022"), "2022-05-17");
        assert_eq!(iso("September 3, 2021"), "2021-09-03");
        assert_eq!(iso("Sept. 3, 2021"), "2021-09-03");
        assert_eq!(iso("Nov. 16, 2025 11:34 PM"), "2025-11-16T23:34:00");
        assert_eq!(iso("Tuesday, May 17, 2022"), "2022-05-17");
        assert_eq!(iso("May 17, 2022, 10:30 a.m. EDT"), "2022-05-17T10:30:00");
        assert_eq!(iso("2022-05-17T10:30:00Z"), "2022-05-17T10:30:00Z");
        assert_eq!(
            iso("2022-05-17T10:30:00+02:00"),
            "2022-05-17T10:30:00+02:00"
        );
        assert_eq!(
            iso("2022-05-17T10:30:00-05:30"),
            "2022-05-17T10:30:00-05:30"
        );
        assert_eq!(iso("2022-05-17T10:30"), "2022-05-17T10:30:00");
        assert_eq!(iso("2022年5月17日"), "2022-05-17");
        assert_eq!(iso("not a date"), "");
        assert_eq!(iso("2022-13-45"), "");
    }

    #[test]
    fn every_language_reads_the_dates_it_writes() {
        for value in ["2024-03-07", "2024-12-31T14:30:00", "1999-05-01"] {
            let date = DateTime::parse(value).unwrap();
            for terms in crate::Terms::all() {
                let written = terms.date(&date);
                let read = DateTime::parse(&written);
                assert_eq!(
                    read.map(|d| (d.date, d.time)),
                    Some((date.date, date.time)),
                    "{} wrote {written:?}",
                    terms.language
                );
            }
        }
        // A word that only looks like a month in another language.
        assert_eq!(DateTime::parse("Maio"), None);
    }

    #[test]
    fn canonical_form_parses_back_to_itself() {
        for text in [
            "2025-11-16T23:34:00",
            "2022-05-17",
            "2022-05-17T10:30:00Z",
            "2022-05-17T10:30:00-05:30",
        ] {
            let parsed = DateTime::parse(text);
            assert_eq!(parsed.map(|d| d.to_string()).as_deref(), Some(text));
        }
    }

    #[test]
    fn unix_seconds_respects_offsets() {
        let utc = DateTime::parse("2022-05-17T10:00:00Z").map(|d| d.unix_seconds());
        let plus_two = DateTime::parse("2022-05-17T12:00:00+02:00").map(|d| d.unix_seconds());
        assert_eq!(utc, plus_two);
        assert_eq!(
            DateTime::from_unix_seconds(0).map(|d| d.to_string()),
            Some("1970-01-01T00:00:00Z".into())
        );
    }
}
