//! Resolution of partial and relative dates against the publication date (the anchor), with the future-clause cues.

use super::*;

pub(super) fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

pub(super) fn first_of_month(d: NaiveDate) -> Option<NaiveDate> {
    d.with_day(1)
}

/// A day and month without a year: the most recent on or before
/// `published`, or the next on or after it in a future clause.
pub(super) fn resolve_day_month(
    lx: &Lx,
    start: usize,
    end: usize,
    month: u32,
    day: u32,
    published: NaiveDate,
) -> Option<NaiveDate> {
    let y0 = published.year();
    // Up to 8 years either way so that 29 February finds a leap year.
    let past = (0..8)
        .filter_map(|k| NaiveDate::from_ymd_opt(y0 - k, month, day))
        .find(|d| *d <= published);
    let next = (0..8)
        .filter_map(|k| NaiveDate::from_ymd_opt(y0 + k, month, day))
        .find(|d| *d >= published);
    let (Some(past), Some(next)) = (past, next) else {
        return past.or(next);
    };
    let back = (published - past).num_days();
    let ahead = (next - published).num_days();
    // A yearless day one or two days after publication is the coming one,
    // not last year's: a plan ("corridors for 29 March") or a time-zone
    // skew between the stated date and the publication stamp.
    if ahead <= NEAR_FUTURE_DAYS && back > 0 {
        return Some(next);
    }
    if !is_future_clause(lx, start, end) {
        return Some(past);
    }
    Some(if prefer_past(back, ahead) { past } else { next })
}

/// How many days after publication a yearless day still counts as upcoming
/// without a future cue.
pub(super) const NEAR_FUTURE_DAYS: i64 = 2;

/// In a future clause, whether the past candidate still wins: it is within
/// three months while the next one is over half a year away ("we knew what
/// would await them after 24 February", said in March, is about the February
/// just gone; plans are rarely dated by day and month that far ahead).
pub(super) fn prefer_past(days_back: i64, days_ahead: i64) -> bool {
    days_back <= 92 && days_ahead > 183
}

/// A month without a year: the most recent on or before the publication
/// month, or the next on or after it in a future clause.
pub(super) fn resolve_month(published: NaiveDate, month: u32, future: bool) -> Option<(i32, u32)> {
    let y = published.year();
    let pm = published.month();
    let past = if month <= pm { y } else { y - 1 };
    let next = if month >= pm { y } else { y + 1 };
    if !future {
        return Some((past, month));
    }
    let months =
        |a: i32, b: u32, c: i32, d: u32| i64::from((c - a) * 12) + i64::from(d) - i64::from(b);
    let back = months(past, month, y, pm) * 30;
    let ahead = months(y, pm, next, month) * 30;
    Some((if prefer_past(back, ahead) { past } else { next }, month))
}

/// Words that put a clause in the future tense or plan.
pub(super) const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "planned",
    "plans",
    "plan",
    "scheduled",
    "next",
    "upcoming",
    "due",
    "expected",
    "expect",
    "expects",
    "intend",
    "intends",
    "буде",
    "будуть",
    "будемо",
    "будете",
    "буду",
    "планується",
    "плануються",
    "планує",
    "плануємо",
    "заплановано",
    "запланований",
    "запланована",
    "заплановане",
    "відбудеться",
    "відбудуться",
    "состоятся",
    "будет",
    "будут",
    "будем",
    "будете",
    "планируется",
    "планирует",
    "запланирован",
    "запланирована",
    "запланировано",
    "состоится",
];

/// Whether the clause around `start..end` speaks of the future. A clause is
/// bounded by sentence or clause punctuation and by "that"/"що"/"что", so in
/// "he said on November 4 that troops will withdraw" the date stays past.
pub(super) fn is_future_clause(lx: &Lx, start: usize, end: usize) -> bool {
    const BOUND: &[char] = &[
        '.', '!', '?', '\n', ';', ',', ':', '—', '–', '(', ')', '«', '»', '"',
    ];
    const SPLIT: &[&str] = &[
        "that",
        "що",
        "что",
        "who",
        "which",
        "який",
        "яка",
        "которые",
        "который",
    ];
    let text = lx.text;
    let lo = start.saturating_sub(300);
    let hi = (end + 300).min(text.len());
    let before = window(text, lo, start);
    let after = window(text, end, hi);
    // Abbreviation dots ("Nov.") inside the mention are not clause ends; the
    // mention itself is excluded from both sides.
    // Walk back to the clause start, but not across a comma that closes
    // an earlier date of a list ("on February 16, March 1 and …").
    let mut cut = before.len();
    let before = loop {
        let head = before.get(..cut).unwrap_or("");
        match head.rfind(BOUND) {
            Some(i)
                if head[i..].starts_with(',')
                    && head[..i].ends_with(|c: char| c.is_ascii_digit()) =>
            {
                cut = i;
            }
            Some(i) => break before.get(i + 1..).unwrap_or(""),
            None => break before,
        }
    };
    let after = after.split(BOUND).next().unwrap_or("");
    let mut words_before: Vec<String> = words_of(before);
    if let Some(i) = words_before
        .iter()
        .rposition(|w| SPLIT.contains(&w.as_str()))
    {
        words_before.drain(..=i);
    }
    let mut words_after: Vec<String> = words_of(after);
    if let Some(i) = words_after.iter().position(|w| SPLIT.contains(&w.as_str())) {
        words_after.truncate(i);
    }
    // Ukrainian synthetic future: "виступатиму", "працюватимуть".
    const UK_FUTURE: &[&str] = &["тиму", "тимеш", "тиме", "тимемо", "тимете", "тимуть"];
    let cue = |w: &String| {
        FUTURE_CUES.contains(&w.as_str())
            || w.ends_with("'ll")
            || (w.chars().count() > 6 && UK_FUTURE.iter().any(|s| w.ends_with(s)))
    };
    // A cue after the date counts only when no past-tense verb comes before
    // it in the clause: "told reporters Thursday it will be after …".
    let past = |w: &String| !cue(w) && is_past_verb(w);
    words_before.iter().any(cue) || (words_after.iter().any(cue) && !words_before.iter().any(past))
}

/// A past-tense (mostly reporting) verb: English "-ed" forms and common
/// irregulars, Ukrainian and Russian reporting verbs in the past.
pub(super) fn is_past_verb(w: &str) -> bool {
    const EN: &[&str] = &[
        "said", "told", "was", "were", "had", "did", "wrote", "took", "began", "came", "went",
        "made", "saw", "met", "spoke", "gave", "struck", "hit", "shot", "fought", "fell",
    ];
    const CYR_STEMS: &[&str] = &[
        "заяви",
        "сказа",
        "повідоми",
        "розповів",
        "розповіла",
        "зазначи",
        "наголоси",
        "написа",
        "заявил",
        "сообщи",
        "рассказа",
        "отмети",
        "подчеркну",
        "бу",
    ];
    if w.is_ascii() {
        return EN.contains(&w) || (w.len() > 4 && w.ends_with("ed"));
    }
    let past_ending = ["в", "ла", "ли", "ло", "л"].iter().any(|e| w.ends_with(e));
    past_ending && CYR_STEMS.iter().any(|s| w.starts_with(s))
}

pub(super) fn window(text: &str, mut lo: usize, mut hi: usize) -> &str {
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    while hi < text.len() && !text.is_char_boundary(hi) {
        hi += 1;
    }
    text.get(lo..hi).unwrap_or("")
}

pub(super) fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphabetic() || is_apostrophe(c)))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace(['’', 'ʼ'], "'"))
        .collect()
}
