//! Date extraction: finds date expressions in English, Ukrainian and Russian
//! text and resolves each to a calendar value ([`DateMention`]).
//!
//! This module owns three pure functions:
//!
//! - [`find_dates`]: every date mention in a text, in text order;
//! - [`find_published`]: a publication date stated at the top of an article;
//! - [`parse_date`]: one whole string that is a full date (metadata, CLI flags).
//!
//! # What is recognised
//!
//! | form | examples | granularity |
//! |---|---|---|
//! | ISO | `2025-11-04`, `2025/11/04`, `2025-11-04T10:42` | day |
//! | numeric, day first | `04.11.2025`, `4.11.2025`, `04-11-2025`, `2025.11.04` | day |
//! | slashed | `04/11/2025` (day first; month first only when the second number is > 12) | day |
//! | day + month name | `4 November 2025`, `4th of November`, `the 4th of November 2025`, `4 листопада 2025 року`, `4-го ноября 2025 г.` | day |
//! | month name + day | `November 4, 2025`, `Nov. 4`, `November 4th` | day |
//! | month + year | `October 2025`, `в жовтні 2025`, `в октябре 2025 года` | month |
//! | month after a preposition | `in May`, `у березні`, `с марта` | month |
//! | year | `since 2014`, `in early 2023`, `у 2023 році`, `в 2024 году`, `2022-го`, `between 2014 and 2022` | year |
//! | relative day | `yesterday`, `today`, `this morning`, `tomorrow`, `the day before yesterday`, `вчора`, `сьогодні`, `завтра`, `позавчера` | day |
//! | weekday | `Tuesday`, `on Tuesday`, `last Tuesday`, `next Friday`, `у вівторок`, `минулої п'ятниці`, `во вторник` | day |
//! | N units ago | `three days ago`, `3 дні тому`, `пять дней назад`, `two weeks ago` | day / week / month / year |
//! | this/last/next unit | `last week`, `минулого тижня`, `на прошлой неделе`, `last month`, `в этом году` | week / month / year |
//!
//! Partial dates (no year) and relative ones are resolved against the
//! publication date; absolute dates never need it. When there is none, a day
//! and month ("November 4", "4 листопада") is kept with its year unknown
//! (value `--11-04`, [`DateMention::year_unknown`], `"year": null` in JSON)
//! and the other partial and relative dates are skipped. A partial date takes the most recent such day on or before the
//! publication date, unless its clause speaks of the future ("will",
//! "scheduled", "буде", "планируется", "виступатиму", …), when it takes the
//! next one on or after. Two guards keep this sane on real text: a future
//! clause still takes the past day when that is at most 92 days back and the
//! next one over 183 days ahead ("what would await them after 24 February",
//! said in March), and a day at most 2 days after publication is taken as the
//! coming one even without a cue (plans, time-zone skew of the stamp). A
//! following "this year" / "of last year" / "цього року" / "прошлого года"
//! names the year outright. A clause is bounded by punctuation and by
//! "that"/"що"/"что", so "said on November 4 that troops will withdraw" stays
//! in the past; a cue after the date is ignored when a past-tense verb
//! precedes the date in its clause ("told reporters Thursday it will be …").
//!
//! A bare weekday ("on Tuesday") is the most recent such weekday on or before
//! the publication date (0–6 days back: wire copy published on a Tuesday says
//! "on Tuesday" for that very day); "last Tuesday" is strictly
//! before (1–7 days back) and "next Tuesday" strictly after. A week is valued
//! by its Monday.
//!
//! # What is not a date
//!
//! English month and weekday names count only when capitalised, so "may" the
//! modal and "a forced march" are not dates; "May" and "March" with no day or
//! year count only after a preposition ("in May"). A bare number is a day only
//! next to a month name and a year only after a preposition or before
//! `року`/`году`, so "51st army", "80%", "31 homes", "2,000 troops", "4:30",
//! "1.2.3" and "2022 people" are not dates.
//!
//! # How it is fast
//!
//! Only digit runs and keyword hits (month, weekday, relative words, found by
//! one Aho-Corasick pass) are looked at; each is parsed by a small lexer over
//! the few tokens around it, so the cost is one linear scan of the text.

mod anchors;
mod dateline;
mod grammar;
mod lexer;
mod lexicon;
mod resolve;

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::model::{DateMention, Granularity};

use anchors::*;
use dateline::*;
use grammar::*;
use lexer::*;
use lexicon::*;
use resolve::*;

/// Find every date mention in `text`, in text order, resolved against the
/// publication date `published` where the mention needs one.
///
/// Offsets are byte offsets into `text`, on char boundaries, with
/// `text[start..end] == mention.text`. Mentions never overlap. When
/// `published` is `None`, a day and month is kept with its year unknown and
/// other partial and relative dates are dropped.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut covered = 0usize;
    for anchor in anchors(text) {
        if anchor < covered {
            continue;
        }
        let Some(found) = parse_at(text, anchor, published) else {
            continue;
        };
        // A mention that extends back into the previous one ("the" or a
        // number before an anchor) is dropped rather than clipped.
        if found.start < covered || found.end <= found.start {
            continue;
        }
        let Some(surface) = text.get(found.start..found.end) else {
            continue;
        };
        let (value, granularity) = found.value.render();
        out.push(DateMention {
            value,
            granularity,
            text: surface.to_string(),
            start: found.start,
            end: found.end,
            year_unknown: matches!(found.value, Value::MonthDay(..)),
        });
        covered = found.end;
    }
    out
}

/// Find the publication date stated at the top of an article body.
///
/// Rule: look at the first 5 lines within the first 400 bytes. The first full
/// date (day, month and year; any supported format) counts if what precedes it
/// on its line is at most 60 bytes and is empty, a label ending in `:`
/// ("Published:", "Updated:"), a weekday name, or an upper-case wire dateline
/// ("KYIV, Ukraine,"). A date inside a sentence or a title does not count, and
/// a dateline without a year ("KYIV, Nov 5 (Reuters)") gives `None`.
pub fn find_published(text: &str) -> Option<NaiveDate> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let head = prefix_on_boundary(text, 400);
    for line in head.split('\n').take(5) {
        for m in find_dates(line, None) {
            if m.granularity != Granularity::Day || m.year_unknown {
                continue;
            }
            let before = line.get(..m.start).unwrap_or("").trim();
            if m.start <= 60 && is_dateline_prefix(before) {
                return m.first_day();
            }
        }
    }
    None
}

/// Whether `word` is an English month or weekday name written with a
/// capital ("March", "Monday"), from the date lexicon's own tables; other
/// extractors use it to refuse those words as names.
pub(crate) fn is_capitalised_english_month_or_weekday(word: &str) -> bool {
    word.is_ascii()
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && lexicon::EN_MONTHS
            .iter()
            .chain(&lexicon::EN_WD)
            .any(|name| {
                word.len() == name.len()
                    && word[1..] == name[1..]
                    && word[..1].eq_ignore_ascii_case(&name[..1])
            })
}

/// Parse a whole string that is exactly one full date in any supported format:
/// the one date parser of the crate, for metadata, file headers and CLI flags
/// alike (`ingest` re-exports it).
///
/// Accepted: every full-date form [`find_dates`] reads (`2025-11-04`,
/// `04.11.2025`, `2025/11/04`, `4 November 2025`, `November 4, 2025`,
/// `Nov. 4, 2025`, `4 листопада 2025 року`, …), English month names in any
/// case (`november 4, 2025`, as metadata writes them), and the compact
/// `20251104` / `20251104T090000Z` of feeds and dumps. A trailing time or
/// zone (`2025-11-04T10:42:00Z`, `5 November 2025, 10:42 UTC`, RFC 2822's
/// `10:00:00 +0000`) and a leading weekday (`Wed, 05 Nov 2025`) are allowed;
/// an ISO datetime keeps the day as written, not converted to UTC (the
/// outlet's own day is the one its "yesterday" counts from). Anything else
/// around the date gives `None`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s
        .trim()
        .trim_start_matches('\u{feff}')
        .trim_end_matches(['.', ';']);
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    if let Some(d) = compact_date(s) {
        return Some(d);
    }
    let s = capitalise_english_months(s);
    let mentions = find_dates(&s, None);
    let m = mentions.first()?;
    if m.granularity != Granularity::Day {
        return None;
    }
    let before = s.get(..m.start)?.trim();
    if !before.is_empty() && !is_weekday_label(before) {
        return None;
    }
    let after = s.get(m.end..)?;
    if !is_time_tail(after) {
        return None;
    }
    m.first_day()
}

/// `20251104` or `20251104T090000Z`: eight digits that are a valid date,
/// alone or followed by a `T` time. Only a whole metadata string is read this
/// way; in running text eight digits are a number.
fn compact_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() < 8 || !b[..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let rest = s.get(8..)?;
    let time_ok = rest.is_empty()
        || rest.strip_prefix('T').is_some_and(|t| {
            t.starts_with(|c: char| c.is_ascii_digit())
                && t.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'Z'))
        });
    if !time_ok {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(num_value);
    ymd(num(0..4)?, num(4..6)?, num(6..8)?)
}

/// Metadata writes month names in lower case ("november 5, 2025"), which the
/// text rules would take for a common word: capitalise English month names.
/// Only ASCII letters change, so byte offsets stay the same.
fn capitalise_english_months(s: &str) -> std::borrow::Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut pos = 0;
    while let Some(t) = next_tok(s, pos) {
        pos = t.end;
        let word = s.get(t.start..t.end).unwrap_or("");
        if t.kind == Kind::Word
            && word.starts_with(|c: char| c.is_ascii_lowercase())
            && matches!(keyword(word), Some(Key::Month { lang: Lang::En, .. }))
        {
            let buf = out.get_or_insert_with(|| s.to_string());
            if let Some(first) = buf.get_mut(t.start..t.start + 1) {
                first.make_ascii_uppercase();
            }
        }
    }
    out.map_or(std::borrow::Cow::Borrowed(s), std::borrow::Cow::Owned)
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/// A resolved value before it is rendered into the model's string form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Day(NaiveDate),
    /// The Monday of the week.
    Week(NaiveDate),
    Month(i32, u32),
    Year(i32),
    /// Month and day of a date whose year cannot be known (no publication
    /// date to resolve it against).
    MonthDay(u32, u32),
}

impl Value {
    fn render(self) -> (String, Granularity) {
        match self {
            Value::Day(d) => (d.format("%Y-%m-%d").to_string(), Granularity::Day),
            Value::Week(d) => (d.format("%Y-%m-%d").to_string(), Granularity::Week),
            Value::Month(y, m) => (format!("{y:04}-{m:02}"), Granularity::Month),
            Value::Year(y) => (format!("{y:04}"), Granularity::Year),
            Value::MonthDay(m, d) => (format!("--{m:02}-{d:02}"), Granularity::Day),
        }
    }
}

/// A parsed mention: byte span plus value.
#[derive(Debug, Clone, Copy)]
struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: Value,
}

const MIN_YEAR: u32 = 1900;
const MAX_YEAR: u32 = 2100;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// One table row: text, publication date, expected (surface, value) pairs.
    struct Case {
        text: &'static str,
        published: Option<&'static str>,
        want: &'static [(&'static str, &'static str)],
    }

    fn check(cases: &[Case]) {
        let mut failures = Vec::new();
        for c in cases {
            let got = find_dates(c.text, c.published.map(d));
            for m in &got {
                assert_eq!(&c.text[m.start..m.end], m.text, "offsets in {:?}", c.text);
            }
            let got: Vec<(String, String)> = got.into_iter().map(|m| (m.text, m.value)).collect();
            let want: Vec<(String, String)> = c
                .want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            if got != want {
                failures.push(format!(
                    "{:?} ({:?}):\n  got  {got:?}\n  want {want:?}",
                    c.text, c.published
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    const P: Option<&str> = Some("2025-11-06"); // a Thursday

    #[test]
    #[rustfmt::skip]
    fn absolute_english() {
        check(&[
            Case { text: "Talks opened on 2025-11-04 in Geneva.", published: None, want: &[("2025-11-04", "2025-11-04")] },
            Case { text: "Published: 2025-11-05T10:42:00+02:00", published: None, want: &[("2025-11-05", "2025-11-05")] },
            Case { text: "It was signed 04.11.2025 and 4.11.2025.", published: None, want: &[("04.11.2025", "2025-11-04"), ("4.11.2025", "2025-11-04")] },
            Case { text: "Dated 04/11/2025 and 11/24/2025.", published: None, want: &[("04/11/2025", "2025-11-04"), ("11/24/2025", "2025-11-24")] },
            Case { text: "It happened on 4 November 2025.", published: None, want: &[("4 November 2025", "2025-11-04")] },
            Case { text: "It happened on November 4, 2025, at dawn.", published: None, want: &[("November 4, 2025", "2025-11-04")] },
            Case { text: "It happened on Nov. 4, 2025.", published: None, want: &[("Nov. 4, 2025", "2025-11-04")] },
            Case { text: "It happened on 4 Nov 2025.", published: None, want: &[("4 Nov 2025", "2025-11-04")] },
            Case { text: "It happened on the 4th of November 2025.", published: None, want: &[("the 4th of November 2025", "2025-11-04")] },
            Case { text: "It happened on Tuesday, 4 November 2025.", published: None, want: &[("4 November 2025", "2025-11-04")] },
            Case { text: "Fighting resumed in October 2025 near the city.", published: None, want: &[("October 2025", "2025-10")] },
            Case { text: "Since 2014 the war has gone on; in 2022 it widened.", published: None, want: &[("2014", "2014"), ("2022", "2022")] },
            Case { text: "Between 2014 and 2022 the line barely moved.", published: None, want: &[("2014", "2014"), ("2022", "2022")] },
            Case { text: "In early 2023 and by mid-2024 things changed.", published: None, want: &[("2023", "2023"), ("2024", "2024")] },
            Case { text: "In the spring of 2022 it began.", published: None, want: &[("2022", "2022")] },
            Case { text: "Invaded on February 24, 2022 at dawn.", published: None, want: &[("February 24, 2022", "2022-02-24")] },
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn absolute_cyrillic() {
        check(&[
            Case { text: "Це сталося 4 листопада 2025 року.", published: None, want: &[("4 листопада 2025 року", "2025-11-04")] },
            Case { text: "Это произошло 4 ноября 2025 года.", published: None, want: &[("4 ноября 2025 года", "2025-11-04")] },
            Case { text: "Это произошло 4 ноября 2025 г. утром.", published: None, want: &[("4 ноября 2025 г.", "2025-11-04")] },
            Case { text: "Это произошло 4-го ноября 2025 г.", published: None, want: &[("4-го ноября 2025 г.", "2025-11-04")] },
            Case { text: "Бої тривали в жовтні 2025 року.", published: None, want: &[("жовтні 2025 року", "2025-10")] },
            Case { text: "Бои шли в октябре 2025 года.", published: None, want: &[("октябре 2025 года", "2025-10")] },
            Case { text: "У 2023 році і в 2024 году.", published: None, want: &[("2023 році", "2023"), ("2024 году", "2024")] },
            Case { text: "Війна триває з 2014 року, а з 2022-го стала повномасштабною.", published: None, want: &[("2014 року", "2014"), ("2022-го", "2022")] },
            Case { text: "Указ від 24.02.2022 набув чинності.", published: None, want: &[("24.02.2022", "2022-02-24")] },
            Case { text: "Станом на 9 травня 2023 р. ситуація стабільна.", published: None, want: &[("9 травня 2023 р.", "2023-05-09")] },
            Case { text: "Січень 2024 видався холодним.", published: None, want: &[("Січень 2024", "2024-01")] },
            // Decades and plural "років" are not years.
            Case { text: "Як у 1940-х роках, наприкінці 1980 років; 1991 рік.", published: None, want: &[("1991 рік", "1991")] },
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn partial_dates() {
        check(&[
            Case { text: "He said on November 4 that the town fell.", published: P, want: &[("November 4", "2025-11-04")] },
            Case { text: "He said on November 4th that the town fell.", published: P, want: &[("November 4th", "2025-11-04")] },
            Case { text: "Strikes on Nov 4 and on the 4th of November.", published: P, want: &[("Nov 4", "2025-11-04"), ("the 4th of November", "2025-11-04")] },
            Case { text: "Удар стався 4 листопада.", published: P, want: &[("4 листопада", "2025-11-04")] },
            Case { text: "Удар произошёл 4 ноября.", published: P, want: &[("4 ноября", "2025-11-04")] },
            // Later in the year than publication: previous year.
            Case { text: "Удар стався 20 листопада.", published: P, want: &[("20 листопада", "2024-11-20")] },
            // Year rollover.
            Case { text: "The attack on December 30 killed two.", published: Some("2025-01-02"), want: &[("December 30", "2024-12-30")] },
            // Without a publication date the year is not guessed: month and
            // day are kept with the year unknown (see `year_unknown_kept`).
            Case { text: "He said on November 4 that the town fell.", published: None, want: &[("November 4", "--11-04")] },
            // Partial month.
            Case { text: "The offensive began in May and stalled in August.", published: P, want: &[("May", "2025-05"), ("August", "2025-08")] },
            Case { text: "Наступ почався у березні, а з грудня пауза.", published: P, want: &[("березні", "2025-03"), ("грудня", "2024-12")] },
            // 29 February without a year finds the last leap year.
            Case { text: "Victory Day on May 9 passed quietly; in March they marched.", published: P, want: &[("May 9", "2025-05-09"), ("March", "2025-03")] },
            Case { text: "Since February 29 nothing changed.", published: Some("2025-03-01"), want: &[("February 29", "2024-02-29")] },
            // One or two days ahead: the coming day, not last year's.
            Case { text: "План коридорів на 29 березня.", published: Some("2022-03-27"), want: &[("29 березня", "2022-03-29")] },
            Case { text: "План коридорів на 30 березня.", published: Some("2022-03-27"), want: &[("30 березня", "2021-03-30")] },
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn future_clauses() {
        check(&[
            Case { text: "The talks will take place on November 4.", published: Some("2025-10-20"), want: &[("November 4", "2025-11-04")] },
            Case { text: "The talks will take place on November 4.", published: Some("2025-05-06"), want: &[("November 4", "2025-11-04")] },
            // Two days ago beats next year even in a future clause.
            Case { text: "We knew what would await them after November 4: it will be hard.", published: P, want: &[("November 4", "2025-11-04")] },
            Case { text: "Вони знали, що їх буде очікувати після 24 лютого.", published: Some("2022-03-18"), want: &[("24 лютого", "2022-02-24")] },
            Case { text: "Вранці в четвер виступатиму перед парламентом.", published: Some("2022-03-08"), want: &[("четвер", "2022-03-10")] },
            Case { text: "The vote is scheduled for November 10.", published: P, want: &[("November 10", "2025-11-10")] },
            Case { text: "Переговори відбудуться 10 листопада.", published: P, want: &[("10 листопада", "2025-11-10")] },
            Case { text: "Визит планируется на 2 ноября.", published: Some("2025-06-01"), want: &[("2 ноября", "2025-11-02")] },
            Case { text: "Визит планируется на 2 июня.", published: Some("2025-06-05"), want: &[("2 июня", "2025-06-02")] },
            Case { text: "Выборы будут 10 ноября.", published: P, want: &[("10 ноября", "2025-11-10")] },
            // The future verb is in another clause.
            Case { text: "He claimed on November 4 that troops will withdraw.", published: P, want: &[("November 4", "2025-11-04")] },
            Case { text: "He told reporters Thursday it will be after the games.", published: Some("2022-02-01"), want: &[("Thursday", "2022-01-27")] },
            Case { text: "Він заявив у вівторок, що все буде добре.", published: P, want: &[("вівторок", "2025-11-04")] },
            Case { text: "They will meet on Monday.", published: P, want: &[("Monday", "2025-11-10")] },
            Case { text: "They will meet in December.", published: P, want: &[("December", "2025-12")] },
            Case { text: "We will hold on February 16, March 1 and April 2.", published: Some("2022-02-10"), want: &[("February 16", "2022-02-16"), ("March 1", "2022-03-01"), ("April 2", "2022-04-02")] },
            Case { text: "In April of 2022 it began.", published: None, want: &[("April of 2022", "2022-04")] },
            Case { text: "We expect an answer in June.", published: Some("2022-05-03"), want: &[("June", "2022-06")] },
            Case { text: "Status in June this year; since February 24 this year; 9 травня цього року; в марте прошлого года.", published: Some("2022-05-03"), want: &[("June this year", "2022-06"), ("February 24 this year", "2022-02-24"), ("9 травня цього року", "2022-05-09"), ("марте прошлого года", "2021-03")] },
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn relative_days() {
        check(&[
            Case { text: "Shelling resumed yesterday.", published: P, want: &[("yesterday", "2025-11-05")] },
            Case { text: "Today the mayor spoke; the day before yesterday he was silent.", published: P, want: &[("Today", "2025-11-06"), ("the day before yesterday", "2025-11-04")] },
            Case { text: "This morning drones hit the depot; talks tomorrow.", published: P, want: &[("This morning", "2025-11-06"), ("tomorrow", "2025-11-07")] },
            Case { text: "Вчора ввечері і сьогодні вранці, а завтра — тиша.", published: P, want: &[("Вчора", "2025-11-05"), ("сьогодні", "2025-11-06"), ("завтра", "2025-11-07")] },
            Case { text: "Вчера и сегодня, позавчера тоже.", published: P, want: &[("Вчера", "2025-11-05"), ("сегодня", "2025-11-06"), ("позавчера", "2025-11-04")] },
            Case { text: "It happened three days ago and 10 days ago.", published: P, want: &[("three days ago", "2025-11-03"), ("10 days ago", "2025-10-27")] },
            Case { text: "Це було три дні тому, а то п'ять днів тому.", published: P, want: &[("три дні тому", "2025-11-03"), ("п'ять днів тому", "2025-11-01")] },
            Case { text: "Это было пять дней назад.", published: P, want: &[("пять дней назад", "2025-11-01")] },
            Case { text: "It ended two weeks ago.", published: P, want: &[("two weeks ago", "2025-10-20")] },
            Case { text: "He told USA Today that it was over.", published: P, want: &[] },
            Case { text: "Shelling resumed yesterday.", published: None, want: &[] },
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn weekdays() {
        // 2025-11-06 is a Thursday.
        check(&[
            Case { text: "Russia attacked on Tuesday.", published: P, want: &[("Tuesday", "2025-11-04")] },
            Case { text: "Russia attacked last Tuesday.", published: P, want: &[("last Tuesday", "2025-11-04")] },
            Case { text: "Russia attacked on Friday.", published: P, want: &[("Friday", "2025-10-31")] },
            Case { text: "Officials said Thursday that it ended.", published: P, want: &[("Thursday", "2025-11-06")] },
            Case { text: "It happened last Thursday.", published: P, want: &[("last Thursday", "2025-10-30")] },
            Case { text: "They meet next Thursday.", published: P, want: &[("next Thursday", "2025-11-13")] },
            Case { text: "Удар стався у вівторок.", published: P, want: &[("вівторок", "2025-11-04")] },
            Case { text: "Удар произошёл во вторник.", published: P, want: &[("вторник", "2025-11-04")] },
            Case { text: "Це сталося минулої п'ятниці.", published: P, want: &[("минулої п'ятниці", "2025-10-31")] },
            Case { text: "Это случилось в прошлую среду.", published: P, want: &[("прошлую среду", "2025-11-05")] },
            Case { text: "У середу і в п’ятницю.", published: P, want: &[("середу", "2025-11-05"), ("п’ятницю", "2025-10-31")] },
            // No preposition: "середу" as "environment" is not a weekday.
            Case { text: "Вони створили середу для розвитку.", published: P, want: &[] },
            Case { text: "Russia attacked on tuesday.", published: P, want: &[] },
            // A weekday followed by its date: the date is the mention.
            Case { text: "Минулого четверга, 30 жовтня, у Брюсселі.", published: P, want: &[("30 жовтня", "2025-10-30")] },
        ]);
    }

    #[test]
    fn weekday_math_matches_chrono() {
        let days = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        let names = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let mut p = d("2025-12-28");
        for _ in 0..14 {
            for (i, name) in names.iter().enumerate() {
                let text = format!("It was hit last {name}.");
                let got = find_dates(&text, Some(p));
                let v = d(&got[0].value);
                assert_eq!(v.weekday(), days[i]);
                let back = (p - v).num_days();
                assert!((1..=7).contains(&back), "{text} {p}: {v}");
                let text = format!("It was hit on {name}.");
                let v = d(&find_dates(&text, Some(p))[0].value);
                assert_eq!(v.weekday(), days[i]);
                assert!((0..=6).contains(&(p - v).num_days()));
            }
            p = p.succ_opt().unwrap();
        }
    }

    #[test]
    #[rustfmt::skip]
    fn weeks_months_years() {
        check(&[
            Case { text: "Attacks rose last week.", published: P, want: &[("last week", "2025-10-27")] },
            Case { text: "Attacks rose this week and earlier this month.", published: P, want: &[("this week", "2025-11-03"), ("this month", "2025-11")] },
            Case { text: "Attacks rose last month and last year.", published: P, want: &[("last month", "2025-10"), ("last year", "2024")] },
            // Across a year boundary: published Thursday 2026-01-01.
            Case { text: "Attacks rose last week and last month.", published: Some("2026-01-01"), want: &[("last week", "2025-12-22"), ("last month", "2025-12")] },
            Case { text: "Атаки почастішали минулого тижня і минулого місяця.", published: Some("2026-01-02"), want: &[("минулого тижня", "2025-12-22"), ("минулого місяця", "2025-12")] },
            Case { text: "На прошлой неделе, в прошлом месяце и в этом году.", published: P, want: &[("прошлой неделе", "2025-10-27"), ("прошлом месяце", "2025-10"), ("этом году", "2025")] },
            Case { text: "In the last week, over the past month.", published: P, want: &[] },
        ]);
    }

    /// Bare months in Ukrainian, Russian, Polish and German take the year
    /// the English rule gives "in March" (P is 2025-11-05).
    #[test]
    #[rustfmt::skip]
    fn bare_months_in_other_languages() {
        check(&[
            Case { text: "У березні ворог наступав.", published: P, want: &[("березні", "2025-03")] },
            Case { text: "В червні було тихо, а в грудні ні.", published: P, want: &[("червні", "2025-06"), ("грудні", "2024-12")] },
            Case { text: "В июне они ушли; в марте начали.", published: P, want: &[("июне", "2025-06"), ("марте", "2025-03")] },
            Case { text: "Бої тривали у лютому 2024 року.", published: P, want: &[("лютому 2024 року", "2024-02")] },
            Case { text: "Так було у лютому.", published: P, want: &[("лютому", "2025-02")] },
            Case { text: "Наступ буде в грудні.", published: P, want: &[("грудні", "2025-12")] },
            Case { text: "W marcu było zimno, a od maja ciepło.", published: P, want: &[("marcu", "2025-03"), ("maja", "2025-05")] },
            Case { text: "We wrześniu 2024 i w listopadzie.", published: P, want: &[("wrześniu 2024", "2024-09"), ("listopadzie", "2025-11")] },
            Case { text: "Atak 4 listopada 2025 r. i 3 marca.", published: P, want: &[("4 listopada 2025", "2025-11-04"), ("3 marca", "2025-03-03")] },
            Case { text: "Im März griffen sie an, seit Oktober nicht.", published: P, want: &[("März", "2025-03"), ("Oktober", "2025-10")] },
            Case { text: "Am 4 März 2025 begann es.", published: P, want: &[("4 März 2025", "2025-03-04")] },
            // must not: "лютому" before a noun is "fierce"; a month name
            // with no preposition; a name; lower-case German; a Polish month
            // in the nominative alone.
            Case { text: "У лютому бою загинули.", published: P, want: &[] },
            Case { text: "Березень був холодним. Марта пришла.", published: P, want: &[] },
            Case { text: "Maja i Marzec przyszli; luty mróz.", published: P, want: &[] },
            Case { text: "im märz war nichts.", published: P, want: &[] },
            Case { text: "Major Maj said we 2022 people.", published: P, want: &[] },
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn year_unknown_kept() {
        check(&[
            Case { text: "He said on November 4th that the town fell.", published: None, want: &[("November 4th", "--11-04")] },
            Case { text: "Strikes on Nov 4 and on the 4th of November.", published: None, want: &[("Nov 4", "--11-04"), ("the 4th of November", "--11-04")] },
            Case { text: "Удар стався 4 листопада, а 29 лютого теж.", published: None, want: &[("4 листопада", "--11-04"), ("29 лютого", "--02-29")] },
            Case { text: "Удар произошёл 4-го ноября.", published: None, want: &[("4-го ноября", "--11-04")] },
            // A year in the text still wins.
            Case { text: "On November 4, 2025 and 4 листопада 2024 року.", published: None, want: &[("November 4, 2025", "2025-11-04"), ("4 листопада 2024 року", "2024-11-04")] },
            // must not: no such day; bare months and relative dates still
            // need a publication date; "this year" is not a year.
            Case { text: "On February 30 and 31 листопада.", published: None, want: &[] },
            Case { text: "In March, yesterday and last week; у березні.", published: None, want: &[] },
            Case { text: "The 51st army; 4 residential buildings; May God help.", published: None, want: &[] },
        ]);
        let found = find_dates("He said on November 4 that", None);
        assert!(found[0].year_unknown);
        assert_eq!(found[0].granularity, Granularity::Day);
        assert_eq!(found[0].first_day(), None);
        // A publication date resolves it, and then the year is known.
        let found = find_dates("He said on November 4 that", Some(d("2025-11-06")));
        assert!(!found[0].year_unknown);
        assert_eq!(found[0].value, "2025-11-04");
        // A dateline without a year is no publication date, and does not
        // hide a full one after it.
        assert_eq!(find_published("KYIV, Nov 5 (Reuters) - Body."), None);
        assert_eq!(
            find_published("Nov 5\nPublished: 5 November 2025"),
            Some(d("2025-11-05"))
        );
    }

    /// `"year": null` in JSON for a year-less date only; older JSON without
    /// the key still reads.
    #[test]
    fn year_unknown_json() {
        let m = &find_dates("on November 4 and on 5 November 2025", None);
        let yearless = serde_json::to_value(&m[0]).unwrap();
        assert_eq!(yearless["year"], serde_json::Value::Null);
        assert!(yearless.as_object().unwrap().contains_key("year"));
        assert_eq!(yearless["value"], "--11-04");
        let full = serde_json::to_value(&m[1]).unwrap();
        assert!(!full.as_object().unwrap().contains_key("year"));
        for mention in m {
            let json = serde_json::to_string(mention).unwrap();
            let back: DateMention = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, mention);
        }
        let old = r#"{"value":"2025-11-04","granularity":"day","text":"x","start":0,"end":1}"#;
        let back: DateMention = serde_json::from_str(old).unwrap();
        assert!(!back.year_unknown);
    }

    #[test]
    #[rustfmt::skip]
    fn not_dates() {
        check(&[
            Case { text: "Officials may withdraw support.", published: P, want: &[] },
            Case { text: "May God protect Ukraine.", published: P, want: &[] },
            Case { text: "It was a forced march; they march at dawn.", published: P, want: &[] },
            Case { text: "The March offensive failed.", published: P, want: &[] },
            Case { text: "An August assembly; a Sunday Times reporter? No: Friday's strike.", published: P, want: &[("Friday's", "2025-10-31")] },
            Case { text: "Nov 4-0 win; 12/45/2025; 2025-11; 4.11.; 11.2025.", published: P, want: &[] },
            Case { text: "The 2nd and 51st armies lost 80% of their gear.", published: P, want: &[] },
            Case { text: "Four residential buildings and 31 homes; 4 residential buildings.", published: P, want: &[] },
            Case { text: "Some 2,000 troops and 1,000 tanks; 2022 people fled.", published: P, want: &[] },
            Case { text: "At 4:30 the version 1.2.3 was released; the score was 2:1.", published: P, want: &[] },
            Case { text: "An A320 and Su-25 flew; 1.5 million fled.", published: P, want: &[] },
            Case { text: "Це лютий ворог. Лютого ворога зупинили.", published: P, want: &[] },
            Case { text: "83-й день оборони, 2022 людей.", published: P, want: &[] },
            Case { text: "The 2025-13-45 code and 31.02.2024 are invalid.", published: P, want: &[] },
            Case { text: "Invalid: 31 November 2025.", published: P, want: &[] },
            Case { text: "Я тому і прийшов, що вона назад пішла.", published: P, want: &[] },
        ]);
    }

    #[test]
    fn acceptance_two_mentions() {
        let text = "A lawmaker claimed on November 4 that the town was lost. \
                    On November 4, the ministry said two armies had advanced.";
        let got = find_dates(text, Some(d("2025-11-06")));
        let vals: Vec<&str> = got.iter().map(|m| m.value.as_str()).collect();
        assert_eq!(vals, ["2025-11-04", "2025-11-04"]);
        assert!(got.iter().all(|m| m.granularity == Granularity::Day));
    }

    #[test]
    fn published_rule() {
        struct P2 {
            text: &'static str,
            want: Option<&'static str>,
        }
        let cases = [
            P2 {
                text: "Title here\nPublished: 2025-11-05\n\nBody.",
                want: Some("2025-11-05"),
            },
            P2 {
                text: "Title here\n5 November 2025\n\nBody.",
                want: Some("2025-11-05"),
            },
            P2 {
                text: "Title here\nNovember 5, 2025 10:42\n\nBody.",
                want: Some("2025-11-05"),
            },
            P2 {
                text: "Title\nPublished: 5 November 2025, 14:03\nBody",
                want: Some("2025-11-05"),
            },
            P2 {
                text: "KYIV, Ukraine, Nov. 5, 2025 — Body text.",
                want: Some("2025-11-05"),
            },
            P2 {
                text: "KYIV, Nov 5 (Reuters) - Body text.",
                want: None,
            },
            P2 {
                text: "Troops entered the city on 5 November 2025 after a week of fighting.",
                want: None,
            },
            P2 {
                text: "\u{feff}Опубліковано: 05.11.2025\nТекст",
                want: Some("2025-11-05"),
            },
            P2 {
                text: "Wednesday, 5 November 2025\nText",
                want: Some("2025-11-05"),
            },
            P2 {
                text: "no date at all",
                want: None,
            },
        ];
        for c in cases {
            assert_eq!(find_published(c.text), c.want.map(d), "{:?}", c.text);
        }
    }

    /// The one date parser: metadata strings, file headers and CLI flags.
    #[test]
    fn parse_date_whole_string() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2025-11-01", Some("2025-11-01")),
            ("2025-11-05T10:00:00+02:00", Some("2025-11-05")),
            ("2025-11-05T23:30:00-05:00", Some("2025-11-05")),
            ("2025-11-05T10:00:00Z", Some("2025-11-05")),
            ("2025-11-05T10:00:00.123Z", Some("2025-11-05")),
            ("2025-11-05 10:00:00", Some("2025-11-05")),
            ("2022-05-17T23:48:46", Some("2022-05-17")),
            ("  2025-11-05  ", Some("2025-11-05")),
            ("\u{feff}2025-11-05", Some("2025-11-05")),
            (" 4 November 2025 ", Some("2025-11-04")),
            ("5 November 2025.", Some("2025-11-05")),
            ("05 Nov 2025", Some("2025-11-05")),
            ("5 November 2025, 14:30", Some("2025-11-05")),
            ("5 November 2025, 10:42 UTC", Some("2025-11-05")),
            ("November 4, 2025", Some("2025-11-04")),
            ("november 5, 2025", Some("2025-11-05")),
            ("5 november 2025", Some("2025-11-05")),
            ("Nov. 5, 2025", Some("2025-11-05")),
            ("Sept. 5, 2025", Some("2025-09-05")),
            ("November 5 2025", Some("2025-11-05")),
            ("04.11.2025", Some("2025-11-04")),
            ("5.11.2025", Some("2025-11-05")),
            ("2025/11/05", Some("2025-11-05")),
            ("Wednesday, 5 November 2025", Some("2025-11-05")),
            ("Wednesday, November 5, 2025", Some("2025-11-05")),
            ("Wed, 05 Nov 2025 10:00:00 +0000", Some("2025-11-05")),
            ("Wed, 05 Nov 2025 10:00:00 GMT", Some("2025-11-05")),
            ("4 листопада 2025 року", Some("2025-11-04")),
            ("4 листопада 2025 р.", Some("2025-11-04")),
            ("4 ноября 2025 г.", Some("2025-11-04")),
            ("Середа, 5 листопада 2025", Some("2025-11-05")),
            ("20220125T090000Z", Some("2022-01-25")),
            ("20220125", Some("2022-01-25")),
            // must not parse
            ("", None),
            ("yesterday", None),
            ("2025-13-05", None),
            ("2025-02-30", None),
            ("November 2025", None),
            ("November 4", None),
            ("5 November", None),
            ("4 листопада", None),
            ("the talks on 4 November 2025", None),
            ("5 November 2025 offensive on Pokrovsk", None),
            ("2025-11-05 was the day", None),
            ("KRAMATORSK, Ukraine — Russian forces", None),
            ("12345678", None),
            ("20251399", None),
            ("20251105 troops", None),
            ("By Staff Reporter", None),
            ("may 5, 2025", Some("2025-05-05")),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s), want.map(d), "{s:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = [
            "",
            "4",
            "2025-",
            "November",
            "— 4 листопада",
            "4\u{a0}листопада 2025",
            "ё4 ноября",
            "the 4th of",
            "🇺🇦 4 November 🇺🇦 2025",
            "31/31/2025 00.00.0000 9999-99-99",
            "yesterday's strike",
        ];
        for s in odd {
            for m in find_dates(s, Some(d("2025-11-06"))) {
                assert_eq!(&s[m.start..m.end], m.text);
            }
            let _ = find_published(s);
            let _ = parse_date(s);
        }
        // Byte-by-byte prefixes of a mixed text must not panic either.
        let mixed = "Удар 4 листопада 2025 року — on Nov. 4, 2025, вчора.";
        for (i, _) in mixed.char_indices() {
            let _ = find_dates(&mixed[..i], Some(d("2025-11-06")));
            let _ = find_dates(&mixed[i..], Some(d("2025-11-06")));
        }
    }
}
