//! Helpers for `find_published` and `parse_date`: dateline prefixes, weekday labels and time tails.

use super::*;

pub(super) fn prefix_on_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// What may precede a publication date on its line.
pub(super) fn is_dateline_prefix(before: &str) -> bool {
    if before.is_empty() || before.ends_with(':') || is_weekday_label(before) {
        return true;
    }
    // "KYIV," / "KYIV, Ukraine," / "KYIV (Reuters) -"
    let b = before.trim_end_matches([',', '-', '—', '–', ' ']).trim();
    let first = b.split(',').next().unwrap_or("").trim();
    !first.is_empty()
        && first.chars().any(char::is_alphabetic)
        && first
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// "Wednesday," / "Wed," / "Середа,": a leading weekday label.
pub(super) fn is_weekday_label(s: &str) -> bool {
    let w = s.trim_end_matches([',', ' ']).trim().to_lowercase();
    const ABBR: &[&str] = &[
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ];
    const CYR: &[&str] = &[
        "понеділок",
        "вівторок",
        "середа",
        "четвер",
        "п'ятниця",
        "субота",
        "неділя",
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ];
    ABBR.contains(&w.as_str())
        || CYR.contains(&w.replace(['’', 'ʼ'], "'").as_str())
        || matches!(keyword(&w), Some(Key::Weekday { lang: Lang::En, .. }))
}

/// A trailing time after a full date: `T10:42:00Z`, `, 10:42`, ` 10:42 UTC`.
pub(super) fn is_time_tail(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() {
        return true;
    }
    let has_digit = t.bytes().any(|b| b.is_ascii_digit());
    let rest = t
        .trim_start_matches([',', 'T', ' '])
        .replace("UTC", "")
        .replace("GMT", "")
        .replace("am", "")
        .replace("pm", "")
        .replace("AM", "")
        .replace("PM", "");
    has_digit
        && rest.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'Z' | ' ' | '(' | ')')
        })
}
