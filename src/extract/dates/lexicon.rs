//! Keyword lexicons: month, weekday, relative-day, unit and modifier words per language (en, uk, ru, pl, de), and the one Aho-Corasick matcher built from them.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    En,
    Cyr,
    /// Polish: month names in lower case, with case forms like Cyrillic.
    Pl,
    /// German: capitalised month names, as English.
    De,
}

/// Grammatical form of a Cyrillic month name; English names are `Nom`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Nom,
    Gen,
    Loc,
    /// English abbreviation ("Nov"): only with a day or a year.
    Abbr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
    /// "this morning" / "this evening": today.
    PartOfDay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mod {
    Last,
    This,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
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
pub(super) fn is_anchor(k: Key) -> bool {
    matches!(
        k,
        Key::Month { .. } | Key::Weekday { .. } | Key::RelDay(_) | Key::Unit(..)
    )
}

pub(super) struct Tables {
    pub(super) words: HashMap<String, Key>,
    pub(super) matcher: Option<AhoCorasick>,
}

pub(super) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build_tables)
}

// Word tables, one row per month or weekday (kept on one line each, hence
// the `rustfmt::skip`s).

#[rustfmt::skip]
pub(super) const EN_MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];
#[rustfmt::skip]
pub(super) const EN_ABBR: [&[&str]; 12] = [
    &["jan"], &["feb"], &["mar"], &["apr"], &[], &["jun"], &["jul"], &["aug"], &["sep", "sept"],
    &["oct"], &["nov"], &["dec"],
];
/// Ukrainian months: (nominative, genitive, locative).
#[rustfmt::skip]
pub(super) const UK_MONTHS: [(&str, &str, &str); 12] = [
    ("січень", "січня", "січні"), ("лютий", "лютого", "лютому"), ("березень", "березня", "березні"),
    ("квітень", "квітня", "квітні"), ("травень", "травня", "травні"), ("червень", "червня", "червні"),
    ("липень", "липня", "липні"), ("серпень", "серпня", "серпні"), ("вересень", "вересня", "вересні"),
    ("жовтень", "жовтня", "жовтні"), ("листопад", "листопада", "листопаді"), ("грудень", "грудня", "грудні"),
];
/// Polish months: (nominative, genitive, locative).
#[rustfmt::skip]
pub(super) const PL_MONTHS: [(&str, &str, &str); 12] = [
    ("styczeń", "stycznia", "styczniu"), ("luty", "lutego", "lutym"), ("marzec", "marca", "marcu"),
    ("kwiecień", "kwietnia", "kwietniu"), ("maj", "maja", "maju"), ("czerwiec", "czerwca", "czerwcu"),
    ("lipiec", "lipca", "lipcu"), ("sierpień", "sierpnia", "sierpniu"), ("wrzesień", "września", "wrześniu"),
    ("październik", "października", "październiku"), ("listopad", "listopada", "listopadzie"), ("grudzień", "grudnia", "grudniu"),
];
/// German month names where they differ from English ones.
#[rustfmt::skip]
pub(super) const DE_MONTHS: [&str; 12] = [
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember",
];
/// Russian months: (nominative, genitive, locative).
#[rustfmt::skip]
pub(super) const RU_MONTHS: [(&str, &str, &str); 12] = [
    ("январь", "января", "январе"), ("февраль", "февраля", "феврале"), ("март", "марта", "марте"),
    ("апрель", "апреля", "апреле"), ("май", "мая", "мае"), ("июнь", "июня", "июне"),
    ("июль", "июля", "июле"), ("август", "августа", "августе"), ("сентябрь", "сентября", "сентябре"),
    ("октябрь", "октября", "октябре"), ("ноябрь", "ноября", "ноябре"), ("декабрь", "декабря", "декабре"),
];
pub(super) const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
#[rustfmt::skip]
pub(super) const EN_WD: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// Ukrainian weekdays: (accusative, genitive).
#[rustfmt::skip]
pub(super) const UK_WD: [(&str, &str); 7] = [
    ("понеділок", "понеділка"), ("вівторок", "вівторка"), ("середу", "середи"), ("четвер", "четверга"),
    ("п'ятницю", "п'ятниці"), ("суботу", "суботи"), ("неділю", "неділі"),
];
/// Russian weekdays: (accusative, genitive).
#[rustfmt::skip]
pub(super) const RU_WD: [(&str, &str); 7] = [
    ("понедельник", "понедельника"), ("вторник", "вторника"), ("среду", "среды"), ("четверг", "четверга"),
    ("пятницу", "пятницы"), ("субботу", "субботы"), ("воскресенье", "воскресенья"),
];
#[rustfmt::skip]
pub(super) const REL_DAYS: &[(&str, i64)] = &[
    ("yesterday", -1), ("today", 0), ("tomorrow", 1),
    ("вчора", -1), ("учора", -1), ("позавчора", -2), ("сьогодні", 0), ("завтра", 1), ("післязавтра", 2),
    ("вчера", -1), ("позавчера", -2), ("сегодня", 0), ("послезавтра", 2),
];
#[rustfmt::skip]
pub(super) const UNITS: &[(Unit, Lang, &[&str])] = &[
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
pub(super) const MODS: &[(Mod, &[&str])] = &[
    (Mod::Last, &["last", "минулого", "минулої", "минулий", "минулу", "минулому", "минулій",
                  "прошлой", "прошлом", "прошлый", "прошлую", "прошлого", "прошлое"]),
    (Mod::This, &["this", "цього", "цієї", "цей", "цю", "цьому", "цій",
                  "этой", "этом", "этот", "эту", "этого"]),
    (Mod::Next, &["next", "наступного", "наступної", "наступний", "наступну", "наступному", "наступній",
                  "следующей", "следующем", "следующий", "следующую", "следующего"]),
];
#[rustfmt::skip]
pub(super) const NUM_WORDS: &[(i64, &[&str])] = &[
    (1, &["one", "a", "an", "один", "одна", "одну"]), (2, &["two", "два", "дві", "две"]),
    (3, &["three", "три"]), (4, &["four", "чотири", "четыре"]), (5, &["five", "п'ять", "пять"]),
    (6, &["six", "шість", "шесть"]), (7, &["seven", "сім", "семь"]), (8, &["eight", "вісім", "восемь"]),
    (9, &["nine", "дев'ять", "девять"]), (10, &["ten", "десять"]),
];
#[rustfmt::skip]
pub(super) const EN_PREPS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "before", "after", "during", "throughout",
    "through", "between",
];
#[rustfmt::skip]
pub(super) const CYR_PREPS: &[&str] = &[
    "в", "у", "во", "з", "із", "зі", "с", "со", "до", "від", "от", "після", "после", "по", "між", "между",
];
/// German prepositions before a bare month or a year ("im März", "seit
/// 2014"). Polish ones ("w marcu", "od maja") are checked by their case in
/// `parse_month`.
#[rustfmt::skip]
pub(super) const DE_PREPS: &[&str] = &["im", "seit", "ab", "bis", "anfang", "mitte", "ende"];
#[rustfmt::skip]
pub(super) const PERIODS: &[&str] = &[
    "spring", "summer", "autumn", "fall", "winter", "end", "beginning", "start", "middle", "half",
    "quarter",
];

pub(super) fn build_tables() -> Tables {
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
pub(super) fn keyword(word: &str) -> Option<Key> {
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
