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

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::model::{DateMention, Granularity};

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
    start: usize,
    end: usize,
    value: Value,
}

const MIN_YEAR: u32 = 1900;
const MAX_YEAR: u32 = 2100;

// ---------------------------------------------------------------------------
// Keywords
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Cyr,
    /// Polish: month names in lower case, with case forms like Cyrillic.
    Pl,
    /// German: capitalised month names, as English.
    De,
}

/// Grammatical form of a Cyrillic month name; English names are `Nom`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Nom,
    Gen,
    Loc,
    /// English abbreviation ("Nov"): only with a day or a year.
    Abbr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
    /// "this morning" / "this evening": today.
    PartOfDay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mod {
    Last,
    This,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Month {
        month: u32,
        lang: Lang,
        form: Form,
        /// Also a common word ("May", "лютого" = fierce): never alone.
        ambiguous: bool,
    },
    Weekday {
        day: Weekday,
        lang: Lang,
        /// Cyrillic genitive ("вівторка"): only after a modifier.
        genitive: bool,
    },
    RelDay(i64),
    Unit(Unit, Lang),
    Ago,
    Mod(Mod),
    NumWord(i64),
    /// `р.` / `г.`: abbreviations of "year" after a number.
    YearAbbr,
    /// Preposition that may introduce a year or a month.
    Prep(Lang),
    /// "early", "late", "mid": between a preposition and a year or month.
    Vague,
    /// "spring", "end", "beginning": before "of 2022".
    PeriodOf,
}

/// Keywords whose occurrence starts a candidate (the Aho-Corasick pre-filter).
fn is_anchor(k: Key) -> bool {
    matches!(
        k,
        Key::Month { .. } | Key::Weekday { .. } | Key::RelDay(_) | Key::Unit(..)
    )
}

struct Tables {
    words: HashMap<String, Key>,
    matcher: Option<AhoCorasick>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build_tables)
}

// Word tables, one row per month or weekday (kept on one line each, hence
// the `rustfmt::skip`s).

#[rustfmt::skip]
const EN_MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];
#[rustfmt::skip]
const EN_ABBR: [&[&str]; 12] = [
    &["jan"], &["feb"], &["mar"], &["apr"], &[], &["jun"], &["jul"], &["aug"], &["sep", "sept"],
    &["oct"], &["nov"], &["dec"],
];
/// Ukrainian months: (nominative, genitive, locative).
#[rustfmt::skip]
const UK_MONTHS: [(&str, &str, &str); 12] = [
    ("січень", "січня", "січні"), ("лютий", "лютого", "лютому"), ("березень", "березня", "березні"),
    ("квітень", "квітня", "квітні"), ("травень", "травня", "травні"), ("червень", "червня", "червні"),
    ("липень", "липня", "липні"), ("серпень", "серпня", "серпні"), ("вересень", "вересня", "вересні"),
    ("жовтень", "жовтня", "жовтні"), ("листопад", "листопада", "листопаді"), ("грудень", "грудня", "грудні"),
];
/// Polish months: (nominative, genitive, locative).
#[rustfmt::skip]
const PL_MONTHS: [(&str, &str, &str); 12] = [
    ("styczeń", "stycznia", "styczniu"), ("luty", "lutego", "lutym"), ("marzec", "marca", "marcu"),
    ("kwiecień", "kwietnia", "kwietniu"), ("maj", "maja", "maju"), ("czerwiec", "czerwca", "czerwcu"),
    ("lipiec", "lipca", "lipcu"), ("sierpień", "sierpnia", "sierpniu"), ("wrzesień", "września", "wrześniu"),
    ("październik", "października", "październiku"), ("listopad", "listopada", "listopadzie"), ("grudzień", "grudnia", "grudniu"),
];
/// German month names where they differ from English ones.
#[rustfmt::skip]
const DE_MONTHS: [&str; 12] = [
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember",
];
/// Russian months: (nominative, genitive, locative).
#[rustfmt::skip]
const RU_MONTHS: [(&str, &str, &str); 12] = [
    ("январь", "января", "январе"), ("февраль", "февраля", "феврале"), ("март", "марта", "марте"),
    ("апрель", "апреля", "апреле"), ("май", "мая", "мае"), ("июнь", "июня", "июне"),
    ("июль", "июля", "июле"), ("август", "августа", "августе"), ("сентябрь", "сентября", "сентябре"),
    ("октябрь", "октября", "октябре"), ("ноябрь", "ноября", "ноябре"), ("декабрь", "декабря", "декабре"),
];
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
#[rustfmt::skip]
const EN_WD: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// Ukrainian weekdays: (accusative, genitive).
#[rustfmt::skip]
const UK_WD: [(&str, &str); 7] = [
    ("понеділок", "понеділка"), ("вівторок", "вівторка"), ("середу", "середи"), ("четвер", "четверга"),
    ("п'ятницю", "п'ятниці"), ("суботу", "суботи"), ("неділю", "неділі"),
];
/// Russian weekdays: (accusative, genitive).
#[rustfmt::skip]
const RU_WD: [(&str, &str); 7] = [
    ("понедельник", "понедельника"), ("вторник", "вторника"), ("среду", "среды"), ("четверг", "четверга"),
    ("пятницу", "пятницы"), ("субботу", "субботы"), ("воскресенье", "воскресенья"),
];
#[rustfmt::skip]
const REL_DAYS: &[(&str, i64)] = &[
    ("yesterday", -1), ("today", 0), ("tomorrow", 1),
    ("вчора", -1), ("учора", -1), ("позавчора", -2), ("сьогодні", 0), ("завтра", 1), ("післязавтра", 2),
    ("вчера", -1), ("позавчера", -2), ("сегодня", 0), ("послезавтра", 2),
];
#[rustfmt::skip]
const UNITS: &[(Unit, Lang, &[&str])] = &[
    (Unit::Day, Lang::En, &["day", "days"]),
    (Unit::Day, Lang::Cyr, &["день", "дня", "дні", "днів", "дней"]),
    (Unit::Week, Lang::En, &["week", "weeks"]),
    (Unit::Week, Lang::Cyr, &["тиждень", "тижня", "тижні", "тижнів", "неделя", "неделе", "неделю", "недели", "недель"]),
    (Unit::Month, Lang::En, &["month", "months"]),
    (Unit::Month, Lang::Cyr, &["місяць", "місяця", "місяці", "місяців", "месяц", "месяца", "месяце", "месяцев"]),
    (Unit::Year, Lang::En, &["year", "years"]),
    (Unit::Year, Lang::Cyr, &["рік", "року", "році", "роки", "років", "год", "года", "году", "лет"]),
    (Unit::PartOfDay, Lang::En, &["morning", "afternoon", "evening"]),
];
#[rustfmt::skip]
const MODS: &[(Mod, &[&str])] = &[
    (Mod::Last, &["last", "минулого", "минулої", "минулий", "минулу", "минулому", "минулій",
                  "прошлой", "прошлом", "прошлый", "прошлую", "прошлого", "прошлое"]),
    (Mod::This, &["this", "цього", "цієї", "цей", "цю", "цьому", "цій",
                  "этой", "этом", "этот", "эту", "этого"]),
    (Mod::Next, &["next", "наступного", "наступної", "наступний", "наступну", "наступному", "наступній",
                  "следующей", "следующем", "следующий", "следующую", "следующего"]),
];
#[rustfmt::skip]
const NUM_WORDS: &[(i64, &[&str])] = &[
    (1, &["one", "a", "an", "один", "одна", "одну"]), (2, &["two", "два", "дві", "две"]),
    (3, &["three", "три"]), (4, &["four", "чотири", "четыре"]), (5, &["five", "п'ять", "пять"]),
    (6, &["six", "шість", "шесть"]), (7, &["seven", "сім", "семь"]), (8, &["eight", "вісім", "восемь"]),
    (9, &["nine", "дев'ять", "девять"]), (10, &["ten", "десять"]),
];
#[rustfmt::skip]
const EN_PREPS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "before", "after", "during", "throughout",
    "through", "between",
];
#[rustfmt::skip]
const CYR_PREPS: &[&str] = &[
    "в", "у", "во", "з", "із", "зі", "с", "со", "до", "від", "от", "після", "после", "по", "між", "между",
];
/// German prepositions before a bare month or a year ("im März", "seit
/// 2014"). Polish ones ("w marcu", "od maja") are checked by their case in
/// `parse_month`.
#[rustfmt::skip]
const DE_PREPS: &[&str] = &["im", "seit", "ab", "bis", "anfang", "mitte", "ende"];
#[rustfmt::skip]
const PERIODS: &[&str] = &[
    "spring", "summer", "autumn", "fall", "winter", "end", "beginning", "start", "middle", "half",
    "quarter",
];

fn build_tables() -> Tables {
    let mut words: HashMap<String, Key> = HashMap::new();
    let mut add = |w: &str, k: Key| {
        words.entry(w.to_string()).or_insert(k);
    };
    for (i, name) in EN_MONTHS.iter().enumerate() {
        let month = i as u32 + 1;
        // Capitalisation plus the rules below are enough for English
        // names: "May" and "March" alone still need a preposition.
        let key = |form, ambiguous| Key::Month {
            month,
            lang: Lang::En,
            form,
            ambiguous,
        };
        add(name, key(Form::Nom, false));
        for abbr in EN_ABBR[i] {
            add(abbr, key(Form::Abbr, true));
        }
    }
    for (table, lang) in [
        (UK_MONTHS, Lang::Cyr),
        (RU_MONTHS, Lang::Cyr),
        (PL_MONTHS, Lang::Pl),
    ] {
        for (i, (nom, gen, loc)) in table.iter().enumerate() {
            let month = i as u32 + 1;
            // лютий/лютого/лютому also mean "fierce"; май/мая/мае are
            // verb forms too: these need a day or a year ("у лютому" alone: see `parse_month`).
            let ambiguous = (month == 2 && nom.starts_with('л')) || (month == 5 && *nom == "май");
            for (w, form) in [(nom, Form::Nom), (gen, Form::Gen), (loc, Form::Loc)] {
                add(
                    w,
                    Key::Month {
                        month,
                        lang,
                        form,
                        ambiguous,
                    },
                );
            }
        }
    }
    for (i, name) in DE_MONTHS.iter().enumerate() {
        // April, August, September, November stay English keys (`add`
        // keeps the first): the same month either way.
        add(
            name,
            Key::Month {
                month: i as u32 + 1,
                lang: Lang::De,
                form: Form::Nom,
                ambiguous: false,
            },
        );
    }
    for (i, day) in WEEKDAYS.iter().copied().enumerate() {
        add(
            EN_WD[i],
            Key::Weekday {
                day,
                lang: Lang::En,
                genitive: false,
            },
        );
        for (acc, gen) in [UK_WD[i], RU_WD[i]] {
            add(
                acc,
                Key::Weekday {
                    day,
                    lang: Lang::Cyr,
                    genitive: false,
                },
            );
            add(
                gen,
                Key::Weekday {
                    day,
                    lang: Lang::Cyr,
                    genitive: true,
                },
            );
        }
    }
    for (w, off) in REL_DAYS {
        add(w, Key::RelDay(*off));
    }
    for (unit, lang, forms) in UNITS {
        for w in *forms {
            add(w, Key::Unit(*unit, *lang));
        }
    }
    for w in ["ago", "тому", "назад"] {
        add(w, Key::Ago);
    }
    for (m, forms) in MODS {
        for w in *forms {
            add(w, Key::Mod(*m));
        }
    }
    for (n, forms) in NUM_WORDS {
        for w in *forms {
            add(w, Key::NumWord(*n));
        }
    }
    for w in ["р", "г"] {
        add(w, Key::YearAbbr);
    }
    for w in EN_PREPS {
        add(w, Key::Prep(Lang::En));
    }
    for w in CYR_PREPS {
        add(w, Key::Prep(Lang::Cyr));
    }
    for w in DE_PREPS {
        add(w, Key::Prep(Lang::De));
    }
    for w in ["early", "late", "mid"] {
        add(w, Key::Vague);
    }
    for w in PERIODS {
        add(w, Key::PeriodOf);
    }

    // The pre-filter looks for anchor words only. Latin patterns match any
    // ASCII case; Cyrillic ones are added lower-case and capitalised
    // (sentence-initial "Вчора"), with each apostrophe variant.
    let mut patterns: Vec<String> = Vec::new();
    for (w, k) in &words {
        if !is_anchor(*k) {
            continue;
        }
        let mut forms = vec![w.clone()];
        if !w.is_ascii() {
            let mut chars = w.chars();
            if let Some(first) = chars.next() {
                forms.push(first.to_uppercase().chain(chars).collect());
            }
        }
        if w.contains('\'') {
            let extra: Vec<String> = forms
                .iter()
                .flat_map(|f| ["’", "ʼ"].map(|apo| f.replace('\'', apo)))
                .collect();
            forms.extend(extra);
        }
        patterns.extend(forms);
    }
    patterns.sort();
    patterns.dedup();
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        // A full DFA: a few hundred patterns compile to a small table and
        // scan several times faster than the default NFA.
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .ok();
    Tables { words, matcher }
}

/// The keyword for a word, folding case, apostrophes and a possessive `'s`.
fn keyword(word: &str) -> Option<Key> {
    let words = &tables().words;
    // Most words near an anchor are already lower-case: no allocation.
    if let Some(k) = words.get(word) {
        return Some(*k);
    }
    let mut w = word.to_lowercase();
    if w.contains(['’', 'ʼ']) {
        w = w.replace(['’', 'ʼ'], "'");
    }
    if let Some(k) = words.get(&w) {
        return Some(*k);
    }
    let base = w.strip_suffix("'s")?;
    words.get(base).copied()
}

// ---------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    /// One char that is neither a letter, a digit nor a space; `\n` is
    /// punctuation so that no date spans two lines.
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_space(c: char) -> bool {
    c != '\n' && c.is_whitespace()
}

/// The token starting at or after `pos` (which must be a char boundary).
fn next_tok(text: &str, pos: usize) -> Option<Tok> {
    let rest = text.get(pos..)?;
    let (off, c) = rest.char_indices().find(|&(_, c)| !is_space(c))?;
    let start = pos + off;
    let tail = text.get(start..)?;
    if c.is_ascii_digit() {
        let len = tail.bytes().take_while(u8::is_ascii_digit).count();
        return Some(Tok {
            start,
            end: start + len,
            kind: Kind::Num,
        });
    }
    if c.is_alphabetic() {
        let mut end = start;
        let mut chars = tail.char_indices().peekable();
        while let Some((i, ch)) = chars.next() {
            if ch.is_alphabetic() {
                end = start + i + ch.len_utf8();
            } else if is_apostrophe(ch) && matches!(chars.peek(), Some((_, n)) if n.is_alphabetic())
            {
                continue;
            } else {
                break;
            }
        }
        return Some(Tok {
            start,
            end,
            kind: Kind::Word,
        });
    }
    Some(Tok {
        start,
        end: start + c.len_utf8(),
        kind: Kind::Punct,
    })
}

/// The token ending at or before `pos` (which must be a char boundary).
fn prev_tok(text: &str, pos: usize) -> Option<Tok> {
    let head = text.get(..pos)?;
    let (off, c) = head.char_indices().rev().find(|&(_, c)| !is_space(c))?;
    let end = off + c.len_utf8();
    if c.is_ascii_digit() {
        let len = head
            .get(..end)?
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        return Some(Tok {
            start: end - len,
            end,
            kind: Kind::Num,
        });
    }
    if c.is_alphabetic() {
        let mut start = off;
        let before = head.get(..off)?;
        let mut chars = before.char_indices().rev().peekable();
        while let Some((i, ch)) = chars.next() {
            if ch.is_alphabetic() {
                start = i;
            } else if is_apostrophe(ch) && matches!(chars.peek(), Some((_, p)) if p.is_alphabetic())
            {
                continue;
            } else {
                break;
            }
        }
        return Some(Tok {
            start,
            end,
            kind: Kind::Word,
        });
    }
    Some(Tok {
        start: off,
        end,
        kind: Kind::Punct,
    })
}

/// A cursor over the tokens of `text`.
struct Lx<'a> {
    text: &'a str,
    bytes: &'a [u8],
}

impl<'a> Lx<'a> {
    fn s(&self, t: Tok) -> &'a str {
        self.text.get(t.start..t.end).unwrap_or("")
    }
    fn next(&self, pos: usize) -> Option<Tok> {
        next_tok(self.text, pos)
    }
    fn prev(&self, pos: usize) -> Option<Tok> {
        prev_tok(self.text, pos)
    }
    fn key(&self, t: Tok) -> Option<Key> {
        if t.kind == Kind::Word {
            keyword(self.s(t))
        } else {
            None
        }
    }
    fn is_punct(&self, t: Tok, chars: &str) -> bool {
        t.kind == Kind::Punct && chars.contains(self.s(t))
    }
    /// Whether `t` is one of `words` (given in lower case), ignoring case.
    fn is_word(&self, t: Tok, words: &[&str]) -> bool {
        t.kind == Kind::Word && {
            let s = self.s(t);
            words
                .iter()
                .any(|w| s.len() == w.len() && s.chars().flat_map(char::to_lowercase).eq(w.chars()))
        }
    }
    /// The byte at `i`, or 0 outside the text.
    fn byte(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }
    /// Whether a number token is a whole number, not part of `1,000`,
    /// `4.5`, `4:30`, `80%` or `A320`.
    fn standalone_num(&self, t: Tok) -> bool {
        let b = self.byte(t.end);
        let b2 = self.byte(t.end + 1);
        if matches!(b, b'.' | b',' | b':') && b2.is_ascii_digit() {
            return false;
        }
        if b == b'%' || b.is_ascii_alphabetic() && !self.ordinal_suffix_at(t.end) {
            return false;
        }
        if let Some(p) = self.prev(t.start) {
            if p.end == t.start {
                if p.kind == Kind::Word {
                    return false;
                }
                if self.is_punct(p, ".,:")
                    && self
                        .prev(p.start)
                        .is_some_and(|q| q.kind == Kind::Num && q.end == p.start)
                {
                    return false;
                }
            }
        }
        true
    }
    /// Whether an English ordinal suffix ("st", "nd", "rd", "th") starts at `pos`.
    fn ordinal_suffix_at(&self, pos: usize) -> bool {
        self.next(pos).is_some_and(|t| {
            t.start == pos
                && t.kind == Kind::Word
                && matches!(
                    self.s(t).to_ascii_lowercase().as_str(),
                    "st" | "nd" | "rd" | "th"
                )
        })
    }
}

fn num_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.parse().ok()
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

// ---------------------------------------------------------------------------
// Candidate anchors
// ---------------------------------------------------------------------------

/// Start offsets of digit runs and of anchor keywords, sorted.
fn anchors(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut digits = Vec::new();
    let mut prev_digit = false;
    for (i, b) in bytes.iter().enumerate() {
        let d = b.is_ascii_digit();
        if d && !prev_digit {
            digits.push(i);
        }
        prev_digit = d;
    }
    let mut words = Vec::new();
    if let Some(ac) = &tables().matcher {
        for m in ac.find_iter(text) {
            let before = text.get(..m.start()).and_then(|h| h.chars().next_back());
            let after = text.get(m.end()..).and_then(|t| t.chars().next());
            let boundary_before = !before.is_some_and(char::is_alphanumeric);
            let boundary_after = match after {
                None => true,
                Some(c) if c.is_alphanumeric() => false,
                // "п'ятницю" is whole; "Tuesday's" is the possessive.
                Some(_) => true,
            };
            if boundary_before && boundary_after {
                words.push(m.start());
            }
        }
    }
    let mut all = Vec::with_capacity(digits.len() + words.len());
    let (mut i, mut j) = (0, 0);
    while i < digits.len() || j < words.len() {
        if j >= words.len() || (i < digits.len() && digits[i] <= words[j]) {
            all.push(digits[i]);
            i += 1;
        } else {
            all.push(words[j]);
            j += 1;
        }
    }
    all
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

fn parse_at(text: &str, pos: usize, published: Option<NaiveDate>) -> Option<Found> {
    let lx = Lx {
        text,
        bytes: text.as_bytes(),
    };
    let t = lx.next(pos)?;
    if t.start != pos {
        return None;
    }
    match t.kind {
        Kind::Num => parse_number(&lx, t, published),
        Kind::Word => match lx.key(t)? {
            Key::Month { .. } => parse_month(&lx, t, published),
            Key::Weekday { .. } => parse_weekday(&lx, t, published),
            Key::RelDay(off) => parse_relday(&lx, t, off, published),
            Key::Unit(unit, _) => parse_unit(&lx, t, unit, published),
            _ => None,
        },
        Kind::Punct => None,
    }
}

/// Rules that start with a number: ISO, numeric, day + month, year.
fn parse_number(lx: &Lx, t: Tok, published: Option<NaiveDate>) -> Option<Found> {
    // Part of a larger number or a code ("A320", "1,000", "4.5").
    if let Some(p) = lx.prev(t.start) {
        if p.end == t.start && p.kind == Kind::Word {
            return None;
        }
        if p.end == t.start
            && lx.is_punct(p, ".,:")
            && lx
                .prev(p.start)
                .is_some_and(|q| q.kind == Kind::Num && q.end == p.start)
        {
            return None;
        }
    }
    numeric_date(lx, t)
        .or_else(|| day_month(lx, t, published))
        .or_else(|| year(lx, t))
}

/// `YYYY-MM-DD`, `DD.MM.YYYY`, `DD/MM/YYYY`, `DD-MM-YYYY`.
fn numeric_date(lx: &Lx, t: Tok) -> Option<Found> {
    let sep = lx.byte(t.end);
    if !matches!(sep, b'-' | b'.' | b'/') {
        return None;
    }
    let t2 = lx
        .next(t.end + 1)
        .filter(|x| x.start == t.end + 1 && x.kind == Kind::Num)?;
    if lx.byte(t2.end) != sep {
        return None;
    }
    let t3 = lx
        .next(t2.end + 1)
        .filter(|x| x.start == t2.end + 1 && x.kind == Kind::Num)?;
    // Not followed by more of a number or version ("1.2.2025.3").
    let after = lx.byte(t3.end);
    if after.is_ascii_alphabetic() && after != b'T' {
        return None;
    }
    if matches!(after, b'.' | b'-' | b'/' | b',') && lx.byte(t3.end + 1).is_ascii_digit() {
        return None;
    }
    let (l1, l2, l3) = (t.end - t.start, t2.end - t2.start, t3.end - t3.start);
    let a = num_value(lx.s(t))?;
    let b = num_value(lx.s(t2))?;
    let c = num_value(lx.s(t3))?;
    let date = if l1 == 4 && (1..=2).contains(&l2) && (1..=2).contains(&l3) {
        ymd(a, b, c)?
    } else if (1..=2).contains(&l1) && (1..=2).contains(&l2) && l3 == 4 {
        // Day first (European and Ukrainian use); a slashed date is read
        // month first only when the second number cannot be a month.
        if sep == b'/' && b > 12 && a <= 12 {
            ymd(c, a, b)?
        } else {
            ymd(c, b, a)?
        }
    } else {
        return None;
    };
    Some(Found {
        start: t.start,
        end: t3.end,
        value: Value::Day(date),
    })
}

fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A four-digit year token that stands alone (not `2025%`, `2025,5`).
fn year_tok(lx: &Lx, t: Tok) -> Option<u32> {
    if t.kind != Kind::Num || t.end - t.start != 4 {
        return None;
    }
    let y = num_value(lx.s(t))?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    let b = lx.byte(t.end);
    if matches!(b, b'.' | b',' | b':' | b'/') && lx.byte(t.end + 1).is_ascii_digit() {
        return None;
    }
    if b == b'%' || b.is_ascii_alphanumeric() {
        return None;
    }
    Some(y)
}

/// After a year, an optional `року`/`году`/`р.`/`г.`: returns the new end.
fn year_word_end(lx: &Lx, end: usize) -> Option<usize> {
    let w = lx.next(end)?;
    // Singular only: "1980 років", "2004 років народження" are decades or
    // birth years.
    const YEAR_WORDS: &[&str] = &[
        "рік",
        "року",
        "році",
        "роком",
        "год",
        "года",
        "году",
        "годом",
    ];
    match lx.key(w)? {
        Key::Unit(Unit::Year, Lang::Cyr) if lx.is_word(w, YEAR_WORDS) => Some(w.end),
        Key::YearAbbr => {
            let dot = lx
                .next(w.end)
                .filter(|d| d.start == w.end && lx.is_punct(*d, "."));
            Some(dot.map_or(w.end, |d| d.end))
        }
        _ => None,
    }
}

/// Optional `, YYYY [року]` after a day and month: returns (year, end).
fn trailing_year(lx: &Lx, end: usize) -> Option<(u32, usize)> {
    let mut t = lx.next(end)?;
    if lx.is_punct(t, ",") {
        t = lx.next(t.end)?;
    }
    let y = year_tok(lx, t)?;
    let end = year_word_end(lx, t.end).unwrap_or(t.end);
    Some((y, end))
}

/// `4 November [2025]`, `4th of November`, `4 листопада 2025 року`, `4-го ноября`.
fn day_month(lx: &Lx, t: Tok, published: Option<NaiveDate>) -> Option<Found> {
    let len = t.end - t.start;
    if !(1..=2).contains(&len) || !lx.standalone_num(t) {
        return None;
    }
    let day = num_value(lx.s(t))?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut end = t.end;
    let mut ordinal = false;
    let mut next = lx.next(end)?;
    if next.start == end && next.kind == Kind::Word && lx.ordinal_suffix_at(end) {
        ordinal = true;
        end = next.end;
        next = lx.next(end)?;
    } else if next.start == end && lx.is_punct(next, "-") {
        // Russian/Ukrainian ordinal: "4-го", "4-е".
        let suf = lx.next(next.end).filter(|s| s.start == next.end)?;
        if !lx.is_word(suf, &["го", "е", "ого", "ге"]) {
            return None;
        }
        end = suf.end;
        next = lx.next(end)?;
    }
    let mut of = false;
    if lx.is_word(next, &["of"]) {
        of = true;
        next = lx.next(next.end)?;
    }
    let Key::Month { month, lang, .. } = lx.key(next)? else {
        return None;
    };
    if matches!(lang, Lang::En | Lang::De) && !is_capitalised(lx.s(next)) {
        return None;
    }
    if of && lang != Lang::En {
        return None;
    }
    end = next.end;
    if let Some(dot) = lx
        .next(end)
        .filter(|d| d.start == end && lx.is_punct(*d, "."))
    {
        // "4 Nov. 2025": the abbreviation's dot belongs to the date when a
        // year follows; otherwise it ends the sentence.
        if trailing_year(lx, dot.end).is_some() {
            end = dot.end;
        }
    }
    let mut start = t.start;
    if ordinal && of {
        if let Some(the) = lx.prev(t.start).filter(|p| lx.is_word(*p, &["the"])) {
            start = the.start;
        }
    }
    if let Some((y, yend)) = trailing_year(lx, end) {
        let date = ymd(y, month, day)?;
        return Some(Found {
            start,
            end: yend,
            value: Value::Day(date),
        });
    }
    let Some(published) = published else {
        return month_day(start, end, month, day);
    };
    if let Some((y, yend)) = relative_year_after(lx, end, published) {
        return Some(Found {
            start,
            end: yend,
            value: Value::Day(NaiveDate::from_ymd_opt(y, month, day)?),
        });
    }
    let date = resolve_day_month(lx, start, end, month, day, published)?;
    Some(Found {
        start,
        end,
        value: Value::Day(date),
    })
}

/// A day and month with no year and nothing to take one from: kept with
/// `year_unknown`, when the day exists in some year (29 February does).
fn month_day(start: usize, end: usize, month: u32, day: u32) -> Option<Found> {
    NaiveDate::from_ymd_opt(2000, month, day)?;
    Some(Found {
        start,
        end,
        value: Value::MonthDay(month, day),
    })
}

/// "this year", "of last year", "цього року", "этого года" right after a
/// partial date: the year it names and the new end.
fn relative_year_after(lx: &Lx, end: usize, published: NaiveDate) -> Option<(i32, usize)> {
    let mut t = lx.next(end)?;
    if lx.is_word(t, &["of"]) {
        t = lx.next(t.end)?;
    }
    let Some(Key::Mod(m)) = lx.key(t) else {
        return None;
    };
    let u = lx.next(t.end)?;
    if !matches!(lx.key(u), Some(Key::Unit(Unit::Year, _))) {
        return None;
    }
    let step = match m {
        Mod::Last => -1,
        Mod::This => 0,
        Mod::Next => 1,
    };
    Some((published.year() + step, u.end))
}

/// A year after a preposition ("since 2014", "in early 2023", "the spring of
/// 2022"), before `року`/`году`, with a Cyrillic suffix ("2022-го"), or
/// continuing a range ("between 2014 and 2022", "2014–2022").
fn year(lx: &Lx, t: Tok) -> Option<Found> {
    let y = year_tok(lx, t)?;
    let found = |end| {
        Some(Found {
            start: t.start,
            end,
            value: Value::Year(i32::try_from(y).ok()?),
        })
    };
    if let Some(end) = year_word_end(lx, t.end) {
        return found(end);
    }
    if let Some(dash) = lx
        .next(t.end)
        .filter(|d| d.start == t.end && lx.is_punct(*d, "-"))
    {
        if let Some(suf) = lx.next(dash.end).filter(|s| s.start == dash.end) {
            if lx.is_word(suf, &["й", "го", "му", "м", "ий", "ого", "ому"]) {
                return found(suf.end);
            }
            // "1940-х", "1990-ті": a decade, not a year.
            if suf.kind == Kind::Word {
                return None;
            }
        }
    }
    if year_context_before(lx, t.start, 0) {
        return found(t.end);
    }
    None
}

/// Whether what precedes `pos` introduces a year. `depth` bounds the range
/// rule's look back to one earlier year.
fn year_context_before(lx: &Lx, pos: usize, depth: u8) -> bool {
    let Some(p) = lx.prev(pos) else {
        return false;
    };
    match lx.key(p) {
        Some(Key::Prep(_)) => return true,
        Some(Key::Vague) => return true,
        _ => {}
    }
    if lx.is_word(p, &["of"]) {
        return lx
            .prev(p.start)
            .is_some_and(|q| matches!(lx.key(q), Some(Key::PeriodOf)));
    }
    // "mid-2023"
    if lx.is_punct(p, "-") {
        if let Some(q) = lx.prev(p.start) {
            if matches!(lx.key(q), Some(Key::Vague)) {
                return true;
            }
        }
    }
    // The second year of a range: "2014 to 2022", "2014–2022", "2014 і 2022".
    if depth == 0
        && (lx.is_punct(p, "-–—/")
            || lx.is_word(p, &["to", "and", "or", "і", "та", "и", "до", "по"]))
    {
        if let Some(q) = lx.prev(p.start) {
            if year_tok(lx, q).is_some() {
                return year_context_before(lx, q.start, depth + 1)
                    || year_word_end(lx, q.end).is_some();
            }
        }
    }
    false
}

/// Rules that start with a month name: `November 4[, 2025]`, `October 2025`,
/// `in May`, `у березні`.
fn parse_month(lx: &Lx, t: Tok, published: Option<NaiveDate>) -> Option<Found> {
    let Key::Month {
        month,
        lang,
        form,
        ambiguous,
    } = lx.key(t)?
    else {
        return None;
    };
    let word = lx.s(t);
    if matches!(lang, Lang::En | Lang::De) && !is_capitalised(word) {
        return None;
    }
    // "31 November 2025" failed as a day: the month is not a month-year.
    if lx
        .prev(t.start)
        .is_some_and(|p| p.kind == Kind::Num && p.end - p.start <= 2)
    {
        return None;
    }
    let mut end = t.end;
    let mut dotted = false;
    if let Some(dot) = lx
        .next(end)
        .filter(|d| d.start == end && lx.is_punct(*d, "."))
    {
        if form == Form::Abbr {
            end = dot.end;
            dotted = true;
        }
    }
    let next = lx.next(end);
    // Month + day (English order).
    if lang == Lang::En {
        if let Some(n) = next.filter(|n| n.kind == Kind::Num && n.end - n.start <= 2) {
            if lx.standalone_num(n) && dash_range_ok(lx, n) {
                let day = num_value(lx.s(n))?;
                if (1..=31).contains(&day) {
                    let mut dend = n.end;
                    if lx.ordinal_suffix_at(n.end) {
                        if let Some(s) = lx.next(n.end) {
                            dend = s.end;
                        }
                    }
                    if let Some((y, yend)) = trailing_year(lx, dend) {
                        let date = ymd(y, month, day)?;
                        return Some(Found {
                            start: t.start,
                            end: yend,
                            value: Value::Day(date),
                        });
                    }
                    let Some(published) = published else {
                        return month_day(t.start, dend, month, day);
                    };
                    if let Some((y, yend)) = relative_year_after(lx, dend, published) {
                        return Some(Found {
                            start: t.start,
                            end: yend,
                            value: Value::Day(NaiveDate::from_ymd_opt(y, month, day)?),
                        });
                    }
                    let date = resolve_day_month(lx, t.start, dend, month, day, published)?;
                    return Some(Found {
                        start: t.start,
                        end: dend,
                        value: Value::Day(date),
                    });
                }
            }
        }
    }
    // Month + year ("April of 2022" too).
    let of = lx.next(end).filter(|o| lx.is_word(*o, &["of"]));
    if let Some((y, yend)) = trailing_year(lx, of.map_or(end, |o| o.end)) {
        return Some(Found {
            start: t.start,
            end: yend,
            value: Value::Month(i32::try_from(y).ok()?, month),
        });
    }
    // Month alone after a preposition: resolved like a partial date. An
    // ambiguous locative ("у лютому": in February, or in a fierce …) counts
    // when no word follows it.
    let ambiguous_alone =
        ambiguous && form == Form::Loc && lx.next(end).is_none_or(|n| n.kind == Kind::Punct);
    if (ambiguous && !ambiguous_alone) || form == Form::Abbr || dotted {
        return None;
    }
    let p = lx.prev(t.start)?;
    let ok = match lang {
        Lang::En | Lang::De => {
            // "im März", "seit November" as "in March", "since November".
            matches!(
                lx.key(p),
                Some(Key::Prep(Lang::En | Lang::De)) | Some(Key::Vague)
            ) || (lx.is_punct(p, "-")
                && lx
                    .prev(p.start)
                    .is_some_and(|q| matches!(lx.key(q), Some(Key::Vague))))
        }
        Lang::Cyr | Lang::Pl => {
            let prep = lx.s(p).to_lowercase();
            match form {
                Form::Loc => matches!(prep.as_str(), "в" | "у" | "во" | "w" | "we" | "po"),
                Form::Gen => matches!(
                    prep.as_str(),
                    "з" | "із"
                        | "зі"
                        | "с"
                        | "со"
                        | "до"
                        | "від"
                        | "от"
                        | "після"
                        | "после"
                        | "od"
                        | "do"
                ),
                _ => false,
            }
        }
    };
    if !ok {
        return None;
    }
    let published = published?;
    if let Some((y, yend)) = relative_year_after(lx, end, published) {
        return Some(Found {
            start: t.start,
            end: yend,
            value: Value::Month(y, month),
        });
    }
    let future = is_future_clause(lx, t.start, t.end);
    let (y, m) = resolve_month(published, month, future)?;
    Some(Found {
        start: t.start,
        end,
        value: Value::Month(y, m),
    })
}

/// A day followed by "-N" is a range only when N is a later day ("November
/// 4-5"); "Nov 4-0" is a score.
fn dash_range_ok(lx: &Lx, n: Tok) -> bool {
    if lx.byte(n.end) != b'-' {
        return true;
    }
    let Some(m) = lx
        .next(n.end + 1)
        .filter(|m| m.start == n.end + 1 && m.kind == Kind::Num)
    else {
        return true;
    };
    match (num_value(lx.s(n)), num_value(lx.s(m))) {
        (Some(a), Some(b)) => a < b && b <= 31,
        _ => false,
    }
}

/// Weekday rules: `Tuesday`, `last Tuesday`, `у вівторок`, `минулої п'ятниці`.
fn parse_weekday(lx: &Lx, t: Tok, published: Option<NaiveDate>) -> Option<Found> {
    let Key::Weekday {
        day,
        lang,
        genitive,
    } = lx.key(t)?
    else {
        return None;
    };
    // "Tuesday, 4 November 2025": the date is the mention, not the weekday.
    let mut n = lx.next(t.end);
    if let Some(c) = n.filter(|c| lx.is_punct(*c, ",")) {
        n = lx.next(c.end);
    }
    if let Some(n) = n {
        // Any date will do to recognise the form of a partial date.
        let probe = published.or(NaiveDate::from_ymd_opt(2000, 1, 1));
        let inner = match n.kind {
            Kind::Num => parse_number(lx, n, probe),
            Kind::Word if matches!(lx.key(n), Some(Key::Month { .. })) => parse_month(lx, n, probe),
            _ => None,
        };
        if inner.is_some() {
            return None;
        }
    }
    let published = published?;
    let mut start = t.start;
    let mut modifier = None;
    let p = lx.prev(t.start);
    if let Some(Key::Mod(m)) = p.and_then(|p| lx.key(p)) {
        modifier = Some(m);
        if let Some(p) = p {
            start = p.start;
        }
    }
    match lang {
        Lang::En => {
            if !is_capitalised(lx.s(t)) {
                return None;
            }
            // Names: "Bloody Sunday", "Good Friday", "the Sunday Times".
            let named_before = p.is_some_and(|p| {
                lx.is_word(
                    p,
                    &[
                        "bloody", "black", "good", "super", "holy", "easter", "palm", "ash",
                    ],
                )
            });
            let named_after = lx.next(t.end).is_some_and(|n| {
                lx.is_word(
                    n,
                    &["times", "telegraph", "mirror", "express", "post", "herald"],
                )
            });
            if named_before || named_after {
                return None;
            }
            if modifier == Some(Mod::This) {
                modifier = None;
            }
        }
        Lang::Cyr => {
            // Accusative needs в/у/во before it (possibly before a
            // modifier); the genitive needs a modifier.
            let before_mod = match modifier {
                Some(_) => p.and_then(|p| lx.prev(p.start)),
                None => p,
            };
            let has_prep = before_mod.is_some_and(|b| lx.is_word(b, &["в", "у", "во"]));
            if genitive && modifier.is_none() {
                return None;
            }
            if !genitive && !has_prep {
                return None;
            }
            if modifier == Some(Mod::This) {
                modifier = None;
            }
        }
        // Only months have Polish and German keys.
        Lang::Pl | Lang::De => return None,
    }
    let target = day.num_days_from_monday() as i64;
    let pubwd = published.weekday().num_days_from_monday() as i64;
    let back = (pubwd - target).rem_euclid(7);
    let fwd = (target - pubwd).rem_euclid(7);
    let offset = match modifier {
        Some(Mod::Last) => -(if back == 0 { 7 } else { back }),
        Some(Mod::Next) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        _ => {
            if is_future_clause(lx, t.start, t.end) {
                fwd
            } else {
                -back
            }
        }
    };
    let date = published.checked_add_signed(Duration::days(offset))?;
    Some(Found {
        start,
        end: t.end,
        value: Value::Day(date),
    })
}

/// `yesterday`, `the day before yesterday`, `сьогодні`, `завтра`, …
fn parse_relday(lx: &Lx, t: Tok, off: i64, published: Option<NaiveDate>) -> Option<Found> {
    let published = published?;
    let word = lx.s(t);
    let mut start = t.start;
    let mut off = off;
    // "USA Today", "Ukraine Today": a capitalised "Today" after a
    // capitalised word mid-sentence is a name.
    if word.starts_with('T') {
        if let Some(p) = lx.prev(t.start) {
            if p.kind == Kind::Word && is_capitalised(lx.s(p)) {
                let sentence_start = lx.prev(p.start).is_none_or(|q| lx.is_punct(q, ".!?\n\"“«"));
                if !sentence_start {
                    return None;
                }
            }
        }
    }
    // "the day before yesterday", "the day after tomorrow"
    if let Some(b) = lx.prev(t.start) {
        let lower = word.to_lowercase();
        let shift = match (lower.as_str(), lx.s(b).to_lowercase().as_str()) {
            ("yesterday", "before") => Some(-1),
            ("tomorrow", "after") => Some(1),
            _ => None,
        };
        if let Some(shift) = shift {
            if let Some(d) = lx.prev(b.start).filter(|d| lx.is_word(*d, &["day"])) {
                off += shift;
                start = d.start;
                if let Some(the) = lx.prev(d.start).filter(|x| lx.is_word(*x, &["the"])) {
                    start = the.start;
                }
            }
        }
    }
    let date = published.checked_add_signed(Duration::days(off))?;
    Some(Found {
        start,
        end: t.end,
        value: Value::Day(date),
    })
}

/// `last week`, `минулого місяця`, `в этом году`, `this morning`, and
/// `N days ago` / `3 дні тому` / `две недели назад`.
fn parse_unit(lx: &Lx, t: Tok, unit: Unit, published: Option<NaiveDate>) -> Option<Found> {
    let published = published?;
    // N units ago.
    if let Some(ago) = lx
        .next(t.end)
        .filter(|a| matches!(lx.key(*a), Some(Key::Ago)))
    {
        let n = lx.prev(t.start)?;
        let count = match n.kind {
            Kind::Num if n.end - n.start <= 3 && lx.standalone_num(n) => {
                i64::from(num_value(lx.s(n))?)
            }
            Kind::Word => match lx.key(n)? {
                Key::NumWord(k) => k,
                _ => return None,
            },
            _ => return None,
        };
        let value = match unit {
            Unit::Day => Value::Day(published.checked_sub_signed(Duration::days(count))?),
            Unit::Week => Value::Week(monday(
                published.checked_sub_signed(Duration::weeks(count))?,
            )),
            Unit::Month => {
                let d = first_of_month(published)?
                    .checked_sub_months(Months::new(u32::try_from(count).ok()?))?;
                Value::Month(d.year(), d.month())
            }
            Unit::Year => Value::Year(published.year() - i32::try_from(count).ok()?),
            Unit::PartOfDay => return None,
        };
        return Some(Found {
            start: n.start,
            end: ago.end,
            value,
        });
    }
    let p = lx.prev(t.start)?;
    let Some(Key::Mod(m)) = lx.key(p) else {
        return None;
    };
    // "the last week", "over the past month": a span, not a calendar unit.
    if lx.prev(p.start).is_some_and(|q| lx.is_word(q, &["the"])) {
        return None;
    }
    let step: i32 = match m {
        Mod::Last => -1,
        Mod::This => 0,
        Mod::Next => 1,
    };
    let value = match unit {
        Unit::Day => return None,
        Unit::PartOfDay => {
            if m != Mod::This {
                return None;
            }
            Value::Day(published)
        }
        Unit::Week => {
            Value::Week(monday(published).checked_add_signed(Duration::weeks(i64::from(step)))?)
        }
        Unit::Month => {
            let first = first_of_month(published)?;
            let d = match step {
                -1 => first.checked_sub_months(Months::new(1))?,
                1 => first.checked_add_months(Months::new(1))?,
                _ => first,
            };
            Value::Month(d.year(), d.month())
        }
        Unit::Year => Value::Year(published.year() + step),
    };
    Some(Found {
        start: p.start,
        end: t.end,
        value,
    })
}

// ---------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn first_of_month(d: NaiveDate) -> Option<NaiveDate> {
    d.with_day(1)
}

/// A day and month without a year: the most recent on or before
/// `published`, or the next on or after it in a future clause.
fn resolve_day_month(
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
const NEAR_FUTURE_DAYS: i64 = 2;

/// In a future clause, whether the past candidate still wins: it is within
/// three months while the next one is over half a year away ("we knew what
/// would await them after 24 February", said in March, is about the February
/// just gone; plans are rarely dated by day and month that far ahead).
fn prefer_past(days_back: i64, days_ahead: i64) -> bool {
    days_back <= 92 && days_ahead > 183
}

/// A month without a year: the most recent on or before the publication
/// month, or the next on or after it in a future clause.
fn resolve_month(published: NaiveDate, month: u32, future: bool) -> Option<(i32, u32)> {
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
const FUTURE_CUES: &[&str] = &[
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
fn is_future_clause(lx: &Lx, start: usize, end: usize) -> bool {
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
fn is_past_verb(w: &str) -> bool {
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

fn window(text: &str, mut lo: usize, mut hi: usize) -> &str {
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    while hi < text.len() && !text.is_char_boundary(hi) {
        hi += 1;
    }
    text.get(lo..hi).unwrap_or("")
}

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphabetic() || is_apostrophe(c)))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace(['’', 'ʼ'], "'"))
        .collect()
}

// ---------------------------------------------------------------------------
// Helpers for find_published / parse_date
// ---------------------------------------------------------------------------

fn prefix_on_boundary(text: &str, max: usize) -> &str {
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
fn is_dateline_prefix(before: &str) -> bool {
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
fn is_weekday_label(s: &str) -> bool {
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
fn is_time_tail(s: &str) -> bool {
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
