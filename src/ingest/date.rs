//! Publication dates as files state them: header values, metadata strings and
//! dates embedded in file names. Calendar work is chrono's; this module only
//! lists the formats newsrooms and feeds use.

use chrono::{DateTime, NaiveDate};

/// Formats tried with [`NaiveDate::parse_and_remainder`], most common first.
/// chrono's `%B`/`%b` accept full and abbreviated month names in any case and
/// `%d`/`%m` accept one or two digits.
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",      // 2025-11-05 (also the prefix of ISO datetimes)
    "%d %B %Y",      // 5 November 2025, 5 Nov 2025
    "%B %d, %Y",     // November 5, 2025, Nov 5, 2025
    "%B %d %Y",      // November 5 2025
    "%d.%m.%Y",      // 05.11.2025 (European numeric)
    "%Y/%m/%d",      // 2025/11/05
    "%d %B, %Y",     // 5 November, 2025
    "%A, %d %B %Y",  // Wednesday, 5 November 2025
    "%A, %B %d, %Y", // Wednesday, November 5, 2025
    "%A %d %B %Y",   // Wednesday 5 November 2025
    "%Y%m%dT%H%M%S", // 20251105T090000Z (GDELT seendate; the Z is the remainder)
    "%Y%m%d",        // 20251105
];

/// Parses a stated publication date, returning the calendar day as written.
///
/// Accepts ISO dates, RFC 3339 / ISO datetimes (the date part as written, not
/// converted to UTC: the outlet's own day is the one its "yesterday" counts
/// from), RFC 2822 (`Wed, 05 Nov 2025 10:00:00 +0000`, RSS `pubDate`),
/// `5 November 2025`, `November 5, 2025`, `Nov. 5, 2025`, `05.11.2025`,
/// `2025/11/05`, leading weekday names, a trailing time (`, 14:30`) and the
/// compact `20251105` / `20251105T090000Z`. Returns `None` for anything else.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_end_matches(['.', ';']);
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    // "Nov. 5, 2025" (AP style) and "Sept. 5": drop the abbreviation dot and
    // the non-standard "Sept" so chrono's %b sees a month it knows.
    let cleaned = s.replace('.', " ").replace("Sept ", "Sep ");
    let cleaned = collapse_spaces(&cleaned);
    for candidate in [s, cleaned.as_str()] {
        for fmt in DATE_FORMATS {
            if let Ok((date, rest)) = NaiveDate::parse_and_remainder(candidate, fmt) {
                if acceptable_remainder(rest) && plausible(date) {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// Whether what follows a parsed date is a time or zone, not more words
/// (so `5 November 2025 offensive` is not a date line, but
/// `5 November 2025, 14:30` and `2025-11-05T10:00:00+02:00` are).
fn acceptable_remainder(rest: &str) -> bool {
    let rest = rest.trim_start_matches([',', ' ', '\t']);
    if rest.is_empty() {
        return true;
    }
    let rest = rest
        .strip_prefix(['T', 't'])
        .or_else(|| rest.strip_prefix("at "))
        .unwrap_or(rest);
    // A time: digits first, then only time/zone characters.
    rest.starts_with(|c: char| c.is_ascii_digit() || c == 'Z')
        && rest.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '+' | '-' | ' ' | '(' | ')')
        })
        && rest.chars().filter(|c| c.is_ascii_alphabetic()).count() <= 5
}

/// Years outside this window are ids or typos, not publication dates.
fn plausible(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (1900..=2100).contains(&date.year())
}

/// Replaces runs of spaces with one space.
fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date embedded in a file name: `YYYY-MM-DD` (also `_`-separated) or
/// `YYYYMMDD`, set off from other digits (`2024-02-17-avdiivka.txt`,
/// `20220125T090000Z_GB_en_x.txt`). Only the last path component is looked at.
pub(crate) fn date_from_file_name(rel: &str) -> Option<NaiveDate> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let bytes = name.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    for start in 0..bytes.len() {
        if !digit(start) || (start > 0 && digit(start - 1)) {
            continue;
        }
        // YYYY-MM-DD / YYYY_MM_DD
        if (0..4).all(|k| digit(start + k))
            && matches!(bytes.get(start + 4), Some(b'-' | b'_'))
            && bytes.get(start + 7) == bytes.get(start + 4)
            && [5, 6, 8, 9].iter().all(|&k| digit(start + k))
            && !digit(start + 10)
        {
            let sep = bytes[start + 4] as char;
            let fmt = format!("%Y{sep}%m{sep}%d");
            if let Some(d) = name
                .get(start..start + 10)
                .and_then(|s| NaiveDate::parse_from_str(s, &fmt).ok())
                .filter(|d| plausible(*d))
            {
                return Some(d);
            }
        }
        // YYYYMMDD
        if (0..8).all(|k| digit(start + k)) && !digit(start + 8) {
            if let Some(d) = name
                .get(start..start + 8)
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y%m%d").ok())
                .filter(|d| plausible(*d))
            {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn stated_dates() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2025-11-05", Some("2025-11-05")),
            ("2025-11-05T10:00:00+02:00", Some("2025-11-05")),
            ("2025-11-05T23:30:00-05:00", Some("2025-11-05")),
            ("2025-11-05T10:00:00Z", Some("2025-11-05")),
            ("2025-11-05T10:00:00.123Z", Some("2025-11-05")),
            ("2025-11-05 10:00:00", Some("2025-11-05")),
            ("5 November 2025", Some("2025-11-05")),
            ("05 Nov 2025", Some("2025-11-05")),
            ("5 November 2025, 14:30", Some("2025-11-05")),
            ("November 5, 2025", Some("2025-11-05")),
            ("november 5, 2025", Some("2025-11-05")),
            ("Nov. 5, 2025", Some("2025-11-05")),
            ("Sept. 5, 2025", Some("2025-09-05")),
            ("November 5 2025", Some("2025-11-05")),
            ("05.11.2025", Some("2025-11-05")),
            ("5.11.2025", Some("2025-11-05")),
            ("2025/11/05", Some("2025-11-05")),
            ("Wednesday, 5 November 2025", Some("2025-11-05")),
            ("Wednesday, November 5, 2025", Some("2025-11-05")),
            ("Wed, 05 Nov 2025 10:00:00 +0000", Some("2025-11-05")),
            ("Wed, 05 Nov 2025 10:00:00 GMT", Some("2025-11-05")),
            ("20220125T090000Z", Some("2022-01-25")),
            ("20220125", Some("2022-01-25")),
            ("  2025-11-05  ", Some("2025-11-05")),
            // must not match
            ("", None),
            ("yesterday", None),
            ("2025-13-05", None),
            ("2025-02-30", None),
            ("5 November", None),
            ("November 2025", None),
            ("5 November 2025 offensive on Pokrovsk", None),
            ("2025-11-05 was the day", None),
            ("KRAMATORSK, Ukraine — Russian forces", None),
            ("12345678", None),
            ("By Staff Reporter", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input), want.and_then(d), "{input:?}");
        }
    }

    #[test]
    fn file_name_dates() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2024-02-17-avdiivka.txt", Some("2024-02-17")),
            ("news/2024-02-17.md", Some("2024-02-17")),
            ("20220125T090000Z_GB_en_x.txt", Some("2022-01-25")),
            ("report_2023_06_06_kakhovka.txt", Some("2023-06-06")),
            ("x-20231231.html", Some("2023-12-31")),
            ("2024-02-17/article.txt", None),
            ("article-000123.txt", None),
            ("123456789.txt", None),
            ("2024-13-17.txt", None),
            ("2024-02-177.txt", None),
            ("12024-02-17.txt", None),
            ("99991231.txt", None),
            ("", None),
            ("Покровськ-2024-02-17.txt", Some("2024-02-17")),
        ];
        for (input, want) in cases {
            assert_eq!(date_from_file_name(input), want.and_then(d), "{input:?}");
        }
    }
}
