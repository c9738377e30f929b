//! Step 6 of place extraction: a settlement the gazetteer does not know,
//! named after the word that says what it is ("the village of Kotliarivka",
//! "у селі Котлярівка", "деревню Котляровку").
//!
//! The gazetteer holds the places of GeoNames with 500 people or more, so
//! the villages and hamlets that front-line reports name every day are
//! often missing. Where the text itself says "village", "settlement",
//! "село", "селище", "деревня", "посёлок" or "населений пункт" right before a capitalised
//! name, that name is a place whatever the gazetteer says: it is kept with
//! the synthetic id `settlement--<slug of its Latin name>`, so "the village
//! of Kotliarivka" and "село Котлярівка" are one place. A Cyrillic name
//! after a case form of the word ("у селі Котлярівці", "деревню
//! Котляровку") is brought back to the nominative for the common shapes of
//! settlement names (-івка/-овка nouns, neuter adjectives such as
//! Довгеньке); other names are kept as written.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind as AcMatchKind};

use crate::extract::translit;
use crate::model::{MatchKind, Place, PlaceMention};

/// What the cue word says about the case of the name after it, and the
/// kind of the place.
#[derive(Debug, Clone, Copy)]
struct Cue {
    kind: &'static str,
    /// The language the cue word belongs to: `u`kr, `r`us, or `b`oth.
    lang: u8,
    /// An oblique case form ("селі", "деревню"): a name after it may agree.
    oblique: bool,
    /// A plural ("villages of", "сіл"): a list of names may follow.
    plural: bool,
}

const fn cue(kind: &'static str, lang: u8, oblique: bool, plural: bool) -> Cue {
    Cue {
        kind,
        lang,
        oblique,
        plural,
    }
}

/// The cue words. English ones are matched in any case and need "of";
/// Cyrillic ones in lower case, or capitalised at a sentence start.
const CUES: &[(&str, Cue)] = &[
    ("village of", cue("village", b'b', false, false)),
    ("villages of", cue("village", b'b', false, true)),
    ("hamlet of", cue("village", b'b', false, false)),
    // Ukrainian
    ("село", cue("village", b'b', false, false)),
    ("села", cue("village", b'b', true, false)),
    ("селі", cue("village", b'u', true, false)),
    ("селу", cue("village", b'b', true, false)),
    ("селом", cue("village", b'b', true, false)),
    ("сіл", cue("village", b'u', true, true)),
    ("селище", cue("settlement", b'u', false, false)),
    ("селища", cue("settlement", b'u', true, false)),
    ("селищі", cue("settlement", b'u', true, false)),
    ("селищем", cue("settlement", b'u', true, false)),
    ("селищу", cue("settlement", b'u', true, false)),
    // Russian (село as above; "селе" is its prepositional)
    ("селе", cue("village", b'r', true, false)),
    ("сёл", cue("village", b'r', true, true)),
    ("деревня", cue("village", b'r', false, false)),
    ("деревни", cue("village", b'r', true, false)),
    ("деревне", cue("village", b'r', true, false)),
    ("деревню", cue("village", b'r', true, false)),
    ("деревней", cue("village", b'r', true, false)),
    ("посёлок", cue("settlement", b'r', false, false)),
    ("поселок", cue("settlement", b'r', false, false)),
    ("посёлка", cue("settlement", b'r', true, false)),
    ("поселка", cue("settlement", b'r', true, false)),
    ("посёлке", cue("settlement", b'r', true, false)),
    ("поселке", cue("settlement", b'r', true, false)),
    ("посёлком", cue("settlement", b'r', true, false)),
    ("поселком", cue("settlement", b'r', true, false)),
    // "населений пункт": the military's word for any settlement
    ("населений пункт", cue("settlement", b'u', false, false)),
    ("населеного пункту", cue("settlement", b'u', true, false)),
    ("населеному пункті", cue("settlement", b'u', true, false)),
    ("населених пунктів", cue("settlement", b'u', true, true)),
    ("населенный пункт", cue("settlement", b'r', false, false)),
    ("населённый пункт", cue("settlement", b'r', false, false)),
    ("населенного пункта", cue("settlement", b'r', true, false)),
    ("населённого пункта", cue("settlement", b'r', true, false)),
    ("населенном пункте", cue("settlement", b'r', true, false)),
    ("населённом пункте", cue("settlement", b'r', true, false)),
    ("населенных пунктов", cue("settlement", b'r', true, true)),
    ("населённых пунктов", cue("settlement", b'r', true, true)),
];

/// The cue words. Latin ones as written (lower case, and capitalised for a
/// sentence start) in one automaton of exact strings, which runs on
/// aho-corasick's vectorised prefilter. Cyrillic ones by the few stems
/// they start with: a stem at a word start is read as a whole word (two
/// for "населених пунктів") and looked up, and only on a text with
/// Cyrillic letters.
struct Cues {
    latin: AhoCorasick,
    latin_cues: Vec<Cue>,
    cyrillic: AhoCorasick,
    cyrillic_cues: HashMap<&'static str, Cue>,
}

/// What every Cyrillic cue starts with.
const CYRILLIC_STEMS: &[&str] = &[
    "сел",
    "сіл",
    "сёл",
    "дерев",
    "посел",
    "посёл",
    "населе",
    "населё",
];

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

static MATCHER: LazyLock<Cues> = LazyLock::new(|| {
    let (mut latin, mut latin_cues) = (Vec::new(), Vec::new());
    let mut cyrillic_cues = HashMap::default();
    for (word, c) in CUES {
        if word.is_ascii() {
            for p in [(*word).to_string(), capitalised(word)] {
                latin.push(p);
                latin_cues.push(*c);
            }
        } else {
            cyrillic_cues.insert(*word, *c);
        }
    }
    let stems: Vec<String> = CYRILLIC_STEMS
        .iter()
        .flat_map(|s| [(*s).to_string(), capitalised(s)])
        .collect();
    let build = |patterns: &[String]| {
        AhoCorasickBuilder::new()
            .match_kind(AcMatchKind::LeftmostLongest)
            .build(patterns)
            .expect("settlement cue patterns")
    };
    Cues {
        latin: build(&latin),
        latin_cues,
        cyrillic: build(&stems),
        cyrillic_cues,
    }
});

/// The Cyrillic cue that starts at `start` (a stem hit), with its end.
fn cyrillic_cue(
    text: &str,
    start: usize,
    cues: &HashMap<&'static str, Cue>,
) -> Option<(usize, Cue)> {
    let word_end = |from: usize| {
        text[from..]
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(text.len(), |(i, _)| from + i)
    };
    let end = word_end(start);
    let word = text[start..end].to_lowercase();
    if let Some(c) = cues.get(word.as_str()) {
        return Some((end, *c));
    }
    // "населених пунктів": the second word after one space.
    let next = end + 1;
    if !text[end..].starts_with(' ') || next >= text.len() {
        return None;
    }
    let end2 = word_end(next);
    let two = format!("{word} {}", text[next..end2].to_lowercase());
    cues.get(two.as_str()).map(|c| (end2, *c))
}

/// Words written with a capital that never name a settlement after a cue
/// ("the village of Ukraine's east" is caught by the gazetteer; these are
/// the words it does not know), and the English month and weekday names of
/// the date lexicon.
fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        "The",
        "A",
        "An",
        "This",
        "That",
        "Its",
        "Their",
        "Our",
        "His",
        "Her",
        "Russian",
        "Ukrainian",
        "Russia",
        "Ukraine",
        "Western",
        "Eastern",
        "Northern",
        "Southern",
        "Central",
    ];
    STOP.contains(&word)
        || REGION_WORDS.contains(&word)
        || crate::extract::dates::is_capitalised_english_month_or_weekday(word)
}

/// Whether `word` is one of the adjectives settlement names start with
/// (Нова, Велика, Мала, Стара, Суха, Золота, Біла, Красна, Кам'яна …) in
/// either script and any case.
fn name_adjective(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "нов",
        "велик",
        "мал",
        "стар",
        "верхн",
        "нижн",
        "сух",
        "золот",
        "біл",
        "бел",
        "чорн",
        "черн",
        "красн",
        "кам'ян",
        "камян",
        "каменн",
        "больш",
        "nov",
        "velyk",
        "velik",
        "mal",
        "star",
        "verkhn",
        "nyzhn",
        "nizhn",
        "sukh",
        "zolot",
        "bil",
        "bel",
        "chorn",
        "chern",
        "krasn",
        "kamian",
        "kamyan",
        "kamen",
        "bolsh",
    ];
    let lower = word.to_lowercase().replace('’', "'");
    lower.chars().count() <= 9 && STEMS.iter().any(|s| lower.starts_with(s))
}

/// Words after a name that make it a region's.
const REGION_WORDS: &[&str] = &[
    "Oblast", "Region", "Raion", "District", "Province", "oblast", "region", "district",
    "province", "raion",
];

/// Add the settlements named after a cue word that no place already covers.
pub(super) fn add_unknown_settlements(text: &str, places: &mut Vec<Place>) {
    let m = &*MATCHER;
    let mut found: Vec<Place> = Vec::new();
    // Cyrillic letters are two bytes starting 0xD0 or 0xD1.
    let cyrillic = memchr::memchr2(0xD0, 0xD1, text.as_bytes()).is_some();
    let latin_hits = m
        .latin
        .find_iter(text)
        .map(|x| (x.start(), x.end(), m.latin_cues[x.pattern().as_usize()]));
    let cyrillic_hits = cyrillic
        .then(|| {
            m.cyrillic.find_iter(text).filter_map(|x| {
                let (end, cue) = cyrillic_cue(text, x.start(), &m.cyrillic_cues)?;
                Some((x.start(), end, cue))
            })
        })
        .into_iter()
        .flatten();
    for (start, end, cue) in latin_hits.chain(cyrillic_hits) {
        let word_char = |c: char| c.is_alphanumeric() || c == '-' || translit::is_apostrophe(c);
        if text[..start].chars().next_back().is_some_and(word_char)
            || text[end..].chars().next().is_some_and(word_char)
        {
            continue;
        }
        let matched = &text[start..end];
        // A capitalised Cyrillic cue only where a sentence starts.
        if !matched.is_ascii()
            && matched.chars().next().is_some_and(char::is_uppercase)
            && !sentence_start(text, start)
        {
            continue;
        }
        let latin_cue = matched.is_ascii();
        let mut at = end;
        while let Some((name_start, name_end)) = name_after(text, at, latin_cue) {
            let written = &text[name_start..name_end];
            let covered = places
                .iter()
                .flat_map(|p| &p.mentions)
                .any(|x| x.start < name_end && name_start < x.end);
            if !covered {
                let nominative = if cue.oblique {
                    let cue_word = matched.to_lowercase();
                    let form = Form {
                        russian: cue.lang == b'r' || cue.lang == b'b' && russian(written),
                        // -вці is a locative or dative (у селі Котлярівці);
                        // after a genitive it is a plural name (Ковалівці).
                        locative: cue_word.ends_with(['і', 'у', 'е']),
                        // Names agree with посёлок: Пролетарского → -ий.
                        masculine: cue_word.starts_with("посёл") || cue_word.starts_with("посел"),
                    };
                    nominative(written, form)
                } else {
                    written.to_string()
                };
                let name = translit::to_latin(&nominative);
                let id = settlement_id(&name);
                let mention = PlaceMention {
                    text: written.to_string(),
                    start: name_start,
                    end: name_end,
                    match_kind: MatchKind::Variant,
                };
                match found
                    .iter_mut()
                    .chain(places.iter_mut())
                    .find(|p| p.id == id)
                {
                    Some(p) => p.mentions.push(mention),
                    None => found.push(Place {
                        id,
                        name,
                        kind: cue.kind.to_string(),
                        parent: None,
                        mentions: vec![mention],
                    }),
                }
            }
            // "the villages of Dovhenke, Kurulka and Sukha Kamianka". After
            // a bare comma the list must go on past the next name ("…
            // and Kurulka, Zelensky said" ends at Kurulka).
            match cue.plural.then(|| list_next(text, name_end)).flatten() {
                Some(next) if text[name_end..next].trim() == "," => {
                    let goes_on = name_after(text, next, latin_cue)
                        .is_some_and(|(_, e)| list_next(text, e).is_some());
                    if !goes_on {
                        break;
                    }
                    at = next;
                }
                Some(next) => at = next,
                None => break,
            }
        }
    }
    if found.is_empty() {
        return;
    }
    places.extend(found);
    for p in places.iter_mut() {
        p.mentions.sort_by_key(|m| m.start);
    }
    // Keep the promise: places in order of first mention.
    places.sort_by_key(|p| p.mentions.first().map_or(usize::MAX, |m| m.start));
}

/// Whether `pos` starts a sentence: only blanks, quotes or a dash since the
/// last `.`, `!`, `?`, a line break, or the start of the text.
fn sentence_start(text: &str, pos: usize) -> bool {
    for c in text[..pos].chars().rev() {
        match c {
            '.' | '!' | '?' | '\n' => return true,
            c if c.is_whitespace() || "\"'«“„—–-".contains(c) => {}
            _ => return false,
        }
    }
    true
}

/// The span of the capitalised name that starts after one space at `at`:
/// up to three capitalised words of the cue's script joined by a space or
/// a hyphen ("Sukha Kamianka", "Нова Полтавка").
fn name_after(text: &str, at: usize, latin: bool) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let gap = rest
        .chars()
        .take_while(|c| *c == ' ' || *c == '\u{a0}')
        .count();
    if gap == 0 || gap > 1 {
        return None;
    }
    let start = at + rest.chars().next()?.len_utf8();
    let mut end = start;
    let mut words = 0;
    loop {
        let word = word_at(text, end);
        // A possessive ("the village of Putin's grandfather") names no
        // village.
        if text[end + word.len()..].starts_with(['\'', '’']) {
            return None;
        }
        let first = word.chars().next()?;
        let script_ok = if latin {
            word.chars()
                .all(|c| c.is_ascii_alphabetic() || c == '-' || translit::is_apostrophe(c))
        } else {
            word.chars()
                .all(|c| translit::is_cyrillic(c) || c == '-' || translit::is_apostrophe(c))
        };
        if !first.is_uppercase()
            || !script_ok
            || word.chars().count() < 3
            || is_stop_word(word)
            || word.chars().all(char::is_uppercase)
        {
            break;
        }
        end += word.len();
        words += 1;
        // A second word only after an adjective settlement names start
        // with ("Sukha Kamianka", "Нова Полтавка"); a capitalised word
        // after a one-word name is the region's adjective, a person or
        // the next sentence ("у селі Котлярівка Донецької області").
        if words == 2 || !text[end..].starts_with(' ') {
            break;
        }
        let next = word_at(text, end + 1);
        if REGION_WORDS.contains(&next) {
            // "the villages of Donetsk Oblast": a region, not a village.
            return None;
        }
        if !name_adjective(word) {
            break;
        }
        if next.chars().next().is_some_and(char::is_uppercase) && !is_stop_word(next) {
            end += 1;
        } else {
            break;
        }
    }
    // A name cut after a trailing space, or nothing at all.
    let end = text[..end].trim_end().len();
    (end > start).then_some((start, end))
}

/// The word starting at `at`: letters, hyphens inside, apostrophes.
fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let len = rest
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_alphabetic()
                || translit::is_apostrophe(c) && i > 0
                || c == '-'
                    && i > 0
                    && rest[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic))
        })
        .map_or(rest.len(), |(i, _)| i);
    // A possessive is no part of the name ("Kurulka's").
    let word = &rest[..len];
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// After a name in a plural cue's list, where the next name starts: after
/// ", ", " and ", ", and ", " та ", " і ", " и ", " й ".
fn list_next(text: &str, end: usize) -> Option<usize> {
    const JOINERS: &[&str] = &[
        ", and", ", та", ", і", ", и", ",", " and", " та", " і", " и", " й",
    ];
    let rest = &text[end..];
    JOINERS
        .iter()
        .find(|j| rest.starts_with(**j))
        .map(|j| end + j.len())
}

/// The nominative of a settlement name written in an oblique case, for the
/// common shapes: -івка/-ївка/-овка/-евка nouns and their case forms, and
/// neuter adjectives (Довгеньке, Новое). The last word decides; a first
/// word that is an adjective ("Новій Полтавці") follows it.
fn nominative(name: &str, form: Form) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let last = words.last().copied().unwrap_or(name);
    let noun = noun_nominative(last, form.locative);
    let Some(noun) = noun else {
        return adjective_nominative(last, form).unwrap_or_else(|| name.to_string());
    };
    let mut out: Vec<String> = words[..words.len() - 1]
        .iter()
        .map(|w| feminine_adjective_nominative(w).unwrap_or_else(|| (*w).to_string()))
        .collect();
    out.push(noun);
    out.join(" ")
}

/// What the cue word says about the name after it.
#[derive(Debug, Clone, Copy)]
struct Form {
    russian: bool,
    locative: bool,
    masculine: bool,
}

/// -ка nouns whose stem ends in в (Котлярівка, Котляровка) in any case;
/// -вці only after a locative or dative cue.
fn noun_nominative(word: &str, locative: bool) -> Option<String> {
    const ENDINGS: &[&str] = &["вкою", "вкой", "вці", "вке", "вки", "вку", "вка"];
    ENDINGS
        .iter()
        .filter(|e| locative || **e != "вці")
        .find_map(|e| word.strip_suffix(e))
        .filter(|stem| stem.chars().count() >= 2)
        .map(|stem| format!("{stem}вка"))
}

/// Adjective names in the genitive or dative/locative: neuter after село
/// (Довгенького → Ukrainian Довгеньке, Russian -ое), masculine after
/// посёлок (Пролетарского → Пролетарский).
fn adjective_nominative(word: &str, form: Form) -> Option<String> {
    let stem = word
        .strip_suffix("ому")
        .or_else(|| word.strip_suffix("ого"))?;
    if stem.chars().count() < 3 {
        return None;
    }
    Some(if form.masculine {
        let soft = stem.ends_with(['к', 'г', 'х', 'ж', 'ш', 'щ', 'ч']);
        format!("{stem}{}", if soft { "ий" } else { "ый" })
    } else if form.russian {
        format!("{stem}ое")
    } else {
        format!("{stem}е")
    })
}

/// Whether a Cyrillic word is Russian by its letters (ы э ё ъ).
fn russian(word: &str) -> bool {
    word.chars().any(|c| "ыэёъЫЭЁЪ".contains(c))
}

/// A feminine adjective before a settlement noun in an oblique case
/// ("Новій", "Новой", "Нової", "Нову") in its nominative (Нова, Новая).
fn feminine_adjective_nominative(word: &str) -> Option<String> {
    for (ending, nom) in [
        ("ій", "а"),
        ("ої", "а"),
        ("ою", "а"),
        ("ой", "ая"),
        ("ую", "ая"),
    ] {
        if let Some(stem) = word.strip_suffix(ending) {
            if stem.chars().count() >= 2 {
                return Some(format!("{stem}{nom}"));
            }
        }
    }
    if let Some(stem) = word.strip_suffix('у') {
        if stem.ends_with(['в', 'н', 'к', 'л', 'р']) && stem.chars().count() >= 3 {
            return Some(format!("{stem}а"));
        }
    }
    None
}

/// The synthetic id of a settlement the gazetteer lacks, from its name in
/// the nominative, in either script: `settlement--kotliarivka` for
/// "Kotliarivka" and "Котлярівка".
pub fn settlement_id(name: &str) -> String {
    format!("{SETTLEMENT}{}", slug(&translit::to_latin(name)))
}

/// The display name of a synthetic settlement id ("Sukha Kamianka" for
/// `settlement--sukha-kamianka`), or `None` for any other id.
pub fn settlement_name(id: &str) -> Option<String> {
    let slug = id.strip_prefix(SETTLEMENT).filter(|s| !s.is_empty())?;
    let words: Vec<String> = slug
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    Some(words.join(" "))
}

/// The prefix of synthetic settlement ids.
const SETTLEMENT: &str = "settlement--";

/// Lower-case ASCII letters and digits of a Latin name, the rest as `-`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if translit::is_apostrophe(c) {
            // Kam'yanka is one word.
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settlements(text: &str) -> Vec<(String, String, String)> {
        let mut places = Vec::new();
        add_unknown_settlements(text, &mut places);
        places
            .into_iter()
            .map(|p| {
                let written = p
                    .mentions
                    .iter()
                    .map(|m| m.text.clone())
                    .collect::<Vec<_>>();
                (p.name, p.kind, written.join("|"))
            })
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        settlements(text).into_iter().map(|(n, _, _)| n).collect()
    }

    #[test]
    fn a_cue_word_names_the_settlement_after_it() {
        let table: &[(&str, &[&str])] = &[
            (
                "Russian troops entered the village of Kotliarivka on Monday.",
                &["Kotliarivka"],
            ),
            ("They shelled the hamlet of Pletenivka.", &["Pletenivka"]),
            (
                "near the village of Sukha Kamianka, officials said",
                &["Sukha Kamianka"],
            ),
            ("Окупанти обстріляли село Котлярівка.", &["Kotliarivka"]),
            ("Ворог атакував у селі Котлярівці.", &["Kotliarivka"]),
            ("біля селища Нова Полтавка", &["Nova Poltavka"]),
            (
                "Российские войска заняли деревню Котляровку.",
                &["Kotliarovka"],
            ),
            ("в посёлке Новое", &["Novoe"]),
            ("жители поселка Пролетарского", &["Proletarskyi"]),
            ("мешканці села Новоселівського", &["Novoselivske"]),
            // A plural name after a genitive stays as written.
            ("біля села Ковалівці", &["Kovalivtsi"]),
            ("у селі Котлярівка Донецької області", &["Kotliarivka"]),
            ("у селі Котлярівка Боровського району", &["Kotliarivka"]),
            ("голова села Котлярівка Іван Петренко", &["Kotliarivka"]),
            ("the village of Kam'yanka", &["Kam'yanka"]),
            ("Село Довгеньке звільнено.", &["Dovhenke"]),
            ("мешканці села Довгенького", &["Dovhenke"]),
            ("в районі населеного пункту Котлярівка", &["Kotliarivka"]),
            (
                "в районах населених пунктів Довгеньке, Курулька та Котлярівка",
                &["Dovhenke", "Kurulka", "Kotliarivka"],
            ),
            ("в районе населенного пункта Котляровка", &["Kotliarovka"]),
        ];
        for (text, want) in table {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn the_synthetic_id_reads_both_scripts_and_gives_the_name_back() {
        assert_eq!(settlement_id("Kotliarivka"), "settlement--kotliarivka");
        assert_eq!(settlement_id("Котлярівка"), "settlement--kotliarivka");
        assert_eq!(
            settlement_id("Sukha Kamianka"),
            "settlement--sukha-kamianka"
        );
        assert_eq!(
            settlement_name("settlement--sukha-kamianka").as_deref(),
            Some("Sukha Kamianka")
        );
        assert_eq!(settlement_name("pokrovsk"), None);
        assert_eq!(settlement_name("settlement--"), None);
    }

    #[test]
    fn a_plural_cue_takes_the_whole_list() {
        assert_eq!(
            names("forces retook the villages of Dovhenke, Kurulka and Sukha Kamianka."),
            ["Dovhenke", "Kurulka", "Sukha Kamianka"]
        );
        assert_eq!(
            names("звільнення сіл Довгеньке та Курулька"),
            ["Dovhenke", "Kurulka"]
        );
        // The list ends at its last name, not at the speaker after it.
        assert_eq!(
            names("forces retook the villages of Dovhenke and Kurulka, Zelensky said."),
            ["Dovhenke", "Kurulka"]
        );
    }

    #[test]
    fn one_settlement_in_two_scripts_is_one_place() {
        let found = settlements("the village of Kotliarivka (село Котлярівка)");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "Kotliarivka|Котлярівка");
        assert_eq!(found[0].1, "village");
    }

    #[test]
    fn no_settlement_without_a_capitalised_name_after_the_cue() {
        for text in [
            "the village of about 300 people",
            "a village of farmers",
            "the village of The Hague is not one",
            "the village of Ukraine's east",
            "село було знищене",
            "в селе Х",
            "the village of KOTLIARIVKA in capitals is a heading",
            "Село, де ми жили",
            "жителі Великого Села Бурлука",
            "the villages of, and",
            "forty villages of Donetsk Oblast",
            "the village of Monday",
            // A possessive after the cue is more often a person's.
            "the home village of Putin's grandfather",
            "the village of Kurulka's school",
            "the villages of Western Ukraine",
            "the settlement of Pletenivka's lawsuit",
        ] {
            let found = names(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_place_already_found_is_not_found_again() {
        let mut places = vec![Place {
            id: "pokrovsk".into(),
            name: "Pokrovsk".into(),
            kind: "city".into(),
            parent: None,
            mentions: vec![PlaceMention {
                text: "Pokrovsk".into(),
                start: 15,
                end: 23,
                match_kind: MatchKind::Exact,
            }],
        }];
        add_unknown_settlements("the village of Pokrovsk", &mut places);
        assert_eq!(places.len(), 1);
    }

    #[test]
    fn cue_words_inside_other_words_are_no_cues() {
        assert!(names("Selo Kotliarivka").is_empty());
        assert!(names("Новосело Котлярівка").is_empty());
        assert!(names("the revillage of Kotliarivka").is_empty());
    }
}
