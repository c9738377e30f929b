//! Publication dates as files state them: header values, metadata strings and
//! dates embedded in file names.
//!
//! A stated date (`2025-11-05T10:00:00Z`, `Wed, 05 Nov 2025 10:00:00 GMT`,
//! `5 листопада 2025 року`, …) is read by the one date grammar of the crate,
//! [`crate::extract::dates::parse_date`], re-exported here as [`parse_date`]:
//! a date in a header and the same date in the text are read alike. This
//! module adds only the file-name rule, which is not a way dates are written
//! in text.

use chrono::{Datelike, NaiveDate};

pub use crate::extract::dates::parse_date;

/// Years outside this window are ids or typos, not publication dates.
fn plausible(date: NaiveDate) -> bool {
    (1900..=2100).contains(&date.year())
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
