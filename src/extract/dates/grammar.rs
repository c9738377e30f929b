//! The date grammar: the rules that parse one mention at an anchor (numeric, day + month, month, year, weekday, relative day, N units ago).

use super::*;

pub(super) fn parse_at(text: &str, pos: usize, published: Option<NaiveDate>) -> Option<Found> {
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
pub(super) fn parse_number(lx: &Lx, t: Tok, published: Option<NaiveDate>) -> Option<Found> {
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
pub(super) fn numeric_date(lx: &Lx, t: Tok) -> Option<Found> {
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

pub(super) fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A four-digit year token that stands alone (not `2025%`, `2025,5`).
pub(super) fn year_tok(lx: &Lx, t: Tok) -> Option<u32> {
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
pub(super) fn year_word_end(lx: &Lx, end: usize) -> Option<usize> {
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
pub(super) fn trailing_year(lx: &Lx, end: usize) -> Option<(u32, usize)> {
    let mut t = lx.next(end)?;
    if lx.is_punct(t, ",") {
        t = lx.next(t.end)?;
    }
    let y = year_tok(lx, t)?;
    let end = year_word_end(lx, t.end).unwrap_or(t.end);
    Some((y, end))
}

/// `4 November [2025]`, `4th of November`, `4 листопада 2025 року`, `4-го ноября`.
pub(super) fn day_month(lx: &Lx, t: Tok, published: Option<NaiveDate>) -> Option<Found> {
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
pub(super) fn month_day(start: usize, end: usize, month: u32, day: u32) -> Option<Found> {
    NaiveDate::from_ymd_opt(2000, month, day)?;
    Some(Found {
        start,
        end,
        value: Value::MonthDay(month, day),
    })
}

/// "this year", "of last year", "цього року", "этого года" right after a
/// partial date: the year it names and the new end.
pub(super) fn relative_year_after(
    lx: &Lx,
    end: usize,
    published: NaiveDate,
) -> Option<(i32, usize)> {
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
pub(super) fn year(lx: &Lx, t: Tok) -> Option<Found> {
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
pub(super) fn year_context_before(lx: &Lx, pos: usize, depth: u8) -> bool {
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
pub(super) fn parse_month(lx: &Lx, t: Tok, published: Option<NaiveDate>) -> Option<Found> {
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
pub(super) fn dash_range_ok(lx: &Lx, n: Tok) -> bool {
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
pub(super) fn parse_weekday(lx: &Lx, t: Tok, published: Option<NaiveDate>) -> Option<Found> {
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
pub(super) fn parse_relday(
    lx: &Lx,
    t: Tok,
    off: i64,
    published: Option<NaiveDate>,
) -> Option<Found> {
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
pub(super) fn parse_unit(
    lx: &Lx,
    t: Tok,
    unit: Unit,
    published: Option<NaiveDate>,
) -> Option<Found> {
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
