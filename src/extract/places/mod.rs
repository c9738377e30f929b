//! Place extraction: finds gazetteer places in article text and resolves each
//! mention to one entry.
//!
//! Pipeline for one text (all pure, no I/O):
//!
//! 1. Walk from one capitalised word of the text to the next
//!    ([`super::gazetteer::words`]), and at each look up the longest
//!    gazetteer name starting there, word by word, normalising only the
//!    words looked up (a bit filter answers the many capitalised words that
//!    start no name). A single
//!    Cyrillic word may be a stem plus a case ending. A two-letter code
//!    ("UK") counts only in capitals outside an all-capitals headline.
//! 2. Capitalised words of 7+ letters that matched nothing are compared with
//!    the prominent single-word names of 8+ letters of the same first letter
//!    and near length (restricted Damerau-Levenshtein ≤ 1): a misspelling
//!    ("Krasnoarmersk") becomes a [`MatchKind::Fuzzy`] mention.
//! 3. Context rules drop what is not a place: organisation, club and outlet
//!    names ("Armed Forces of Ukraine", "Kyiv Post", "Dynamo Kyiv"), teams in
//!    tables of results ("WASHINGTON 13 12 1"), surnames that are also place
//!    names ("Petar Dimitrov") and sub-city districts whose city is not in the
//!    text. Names flagged ambiguous in the data need positive place context
//!    (a preposition like "in"/"near", a following "direction"/"front", a
//!    parenthesis next to a known place) or another, unambiguous name of the
//!    same place in the same text. A capitalised Ukrainian or Russian
//!    adjective that starts a sentence before its lower-case noun
//!    ("Українська армія", "Біла хата") is not a town, and a Polish or German
//!    spelling made by rule (see [`super::gazetteer`]) does not count at a
//!    sentence start without place context ("Walki" is "fights" as well as
//!    Valky).
//! 4. Homonyms (several entries for one name) are settled by the other
//!    places in the text (same oblast or raion), else by prominence; a
//!    curated city or town always beats a generated village of its name.
//! 5. A capitalised "X district" / "X microdistrict" the gazetteer does not
//!    know becomes a district of the city mentioned last before it, with
//!    the synthetic id `<city id>--<x>-district` (only when a city is in the
//!    text).
//!
//! Output: one [`Place`] per entry in order of first mention, mentions in
//! text order, byte offsets into the original text.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::sync::OnceLock;

use super::gazetteer::{words, Gazetteer, Matcher, PlaceEntry, Target, Targets};
use crate::model::{MatchKind, Place, PlaceMention};

mod lexicon;
use lexicon::*;

/// One name hit (or fuzzy hit) before context rules.
#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    /// Candidate entries; for a fuzzy hit exactly one, not canonical.
    targets: Targets,
    fuzzy: bool,
}

/// Find every place mentioned in `text`.
///
/// Longest match wins, so "Kharkiv Oblast" is one place, not "Kharkiv" plus
/// noise; see the module documentation for the rules.
pub fn find_places(text: &str, gazetteer: &Gazetteer) -> Vec<Place> {
    if text.len() >= u32::MAX as usize {
        // Offsets are kept as u32; an article of 4 GiB is not an article.
        return Vec::new();
    }
    let mut hits = scan(text, gazetteer);
    if hits.is_empty() {
        return Vec::new();
    }
    plural_regions(text, gazetteer.matcher(), &mut hits);
    let chosen = resolve_hits(text, gazetteer, &hits);
    let mut places = group(text, gazetteer, &hits, &chosen);
    add_unknown_districts(text, &mut places);
    places
}

/// Capitalised words before "district" that do not name one ("The
/// district", "Each district"); "Central district" does.
const DISTRICT_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "each",
    "every",
    "whole",
    "entire",
    "same",
    "other",
    "another",
    "our",
    "their",
    "his",
    "her",
    "its",
    "which",
    "what",
    "one",
    "military",
    "electoral",
    "school",
    "federal",
];
static DISTRICT_STOP_SET: WordList = WordList::new(DISTRICT_STOP);

/// "the Prigorodny microdistrict" with no gazetteer entry: keep it as a
/// district of the city mentioned last before it (or first after it), with
/// the synthetic id `<city id>--<slug>-district`. Only one-word Latin names,
/// and only when a city or town is in the text: a district means nothing
/// without its city.
fn add_unknown_districts(text: &str, places: &mut Vec<Place>) {
    let cities: Vec<(usize, usize)> = places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == "city" || p.kind == "town")
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| (m.start, i)))
        .collect();
    if cities.is_empty() {
        return;
    }
    let taken = |s: usize, e: usize| {
        places
            .iter()
            .flat_map(|p| &p.mentions)
            .any(|m| m.start < e && s < m.end)
    };
    let mut found: Vec<(usize, Place)> = Vec::new();
    // One substring search finds both "district" and "microdistrict".
    for at in memchr::memmem::find_iter(text.as_bytes(), "district") {
        let (pos, word) = if text[..at].ends_with(" micro") {
            (at - " micro".len(), " microdistrict")
        } else if text[..at].ends_with(' ') {
            (at - 1, " district")
        } else {
            continue;
        };
        let end = pos + word.len();
        if text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let (name, gap) = prev_word(text, pos);
        let start = pos - gap.len() - name.len();
        let ok = gap.is_empty()
            && name.len() >= 3
            && name.chars().all(|c| c.is_ascii_alphabetic())
            && starts_upper(name)
            && !in_list(&DISTRICT_STOP_SET, name)
            && !in_list(&PLACE_BEFORE_SET, name)
            && !taken(start, end);
        if !ok {
            continue;
        }
        let city = cities
            .iter()
            .filter(|(s, _)| *s < start)
            .max_by_key(|(s, _)| *s)
            .or_else(|| cities.iter().min_by_key(|(s, _)| *s))
            .map(|&(_, i)| i);
        let Some(city) = city else { continue };
        let keyword = word.trim();
        let id = format!(
            "{}--{}-{}",
            places[city].id,
            name.to_ascii_lowercase(),
            keyword
        );
        let mention = PlaceMention {
            text: text[start..end].to_string(),
            start,
            end,
            match_kind: MatchKind::Variant,
        };
        match found.iter_mut().find(|(_, p)| p.id == id) {
            Some((_, p)) => p.mentions.push(mention),
            None => found.push((
                start,
                Place {
                    id,
                    name: format!("{name} {keyword}"),
                    kind: "district".to_string(),
                    parent: Some(places[city].name.clone()),
                    mentions: vec![mention],
                },
            )),
        }
    }
    if found.is_empty() {
        return;
    }
    for (_, p) in found {
        places.push(p);
    }
    for p in places.iter_mut() {
        p.mentions.sort_by_key(|m| m.start);
    }
    // Keep the promise: places in order of first mention.
    places.sort_by_key(|p| p.mentions.first().map_or(usize::MAX, |m| m.start));
}

/// Reused buffers of one scan: the lookup key and a scratch buffer for
/// normalising words.
#[derive(Default)]
struct Buffers {
    key: String,
    scratch: (String, Vec<u32>),
}

/// Steps 1 and 2: name hits and fuzzy hits, in text order.
fn scan(text: &str, gazetteer: &Gazetteer) -> Vec<Hit> {
    thread_local! {
        static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
    }
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut bufs) => scan_with(text, gazetteer, &mut bufs),
        Err(_) => scan_with(text, gazetteer, &mut Buffers::default()),
    })
}

/// The longest name starting at the capitalised word `start..first_end`,
/// as (end of its last word in `text`, form slot, byte offset in `b.key`
/// where the rest of the word after the form starts). `b.key` holds the
/// matched form (plus the case ending for a declined word).
///
/// Multi-word names are tried word by word while some name goes on; a
/// single word may also be a Cyrillic stem plus a case ending.
fn longest_name(
    m: &Matcher,
    text: &str,
    start: usize,
    first_end: usize,
    b: &mut Buffers,
) -> Option<(usize, u32, usize)> {
    b.key.clear();
    let mut best: Option<(usize, u32, usize)> = None;
    let (mut ws, mut we) = (start, first_end);
    loop {
        if ws > start {
            b.key.push(' ');
        }
        words::push_normalized(&text[ws..we], &mut b.key, &mut b.scratch);
        let Some(form) = m.form(&b.key) else {
            break;
        };
        if let Some(slot) = form.slot() {
            if m.any_accepts(slot, "") {
                best = Some((we, slot, b.key.len()));
            }
        }
        if !form.continues {
            break;
        }
        let Some(next) = words::next_start(text, we) else {
            break;
        };
        (ws, we) = (next, words::end(text, next));
    }
    if let Some((_, _, len)) = best {
        b.key.truncate(len);
        return best;
    }
    // Only Cyrillic names decline; a Latin word is never stem + ending.
    if text.as_bytes()[start].is_ascii() {
        return None;
    }
    b.key.clear();
    words::push_normalized(&text[start..first_end], &mut b.key, &mut b.scratch);
    let (k, slot) = m.stem_of(&b.key)?;
    Some((first_end, slot, k))
}

fn scan_with(text: &str, gazetteer: &Gazetteer, b: &mut Buffers) -> Vec<Hit> {
    let m = gazetteer.matcher();
    let mut hits: Vec<Hit> = Vec::new();
    // Long capitalised words that matched no name: fuzzy candidates.
    let mut unmatched: Vec<(usize, usize)> = Vec::new();
    let mut free_from = 0usize;
    // A mention starts at a capitalised word: jump from one to the next.
    for start in words::capitals(text) {
        if start < free_from {
            continue;
        }
        let first_end = words::end(text, start);
        let found = longest_name(m, text, start, first_end, b);
        let targets = found.map_or_else(Targets::new, |(_, slot, rest)| {
            m.targets_with_rest(slot, &b.key[rest..])
        });
        let Some((mut end, _, _)) = found.filter(|_| !targets.is_empty()) else {
            if first_end - start >= 7 {
                unmatched.push((start, first_end));
            }
            continue;
        };
        if b.key.len() == 2 && !capital_code(text, start, end) {
            continue;
        }
        free_from = end;
        // An abbreviation keeps its final dot: "U.S." not "U.S".
        if text[start..end].contains('.') && text[end..].starts_with('.') {
            end += 1;
        }
        hits.push(Hit {
            start,
            end,
            targets,
            fuzzy: false,
        });
    }
    fuzzy_hits(text, gazetteer, &unmatched, b, &mut hits);
    hits.sort_by_key(|h| (h.start, h.end));
    hits
}

/// Plural region nouns after a list of names: "Sumy and Chernihiv
/// oblasts", "the Donetsk, Luhansk and Zaporizhzhia regions".
const PLURAL_REGIONS: &[&str] = &["oblasts", "regions", "provinces"];

/// "Sumy and Chernihiv oblasts" names two oblasts, not two cities: every
/// name of a list that ends in a plural region noun becomes the oblast of
/// that name ("Sumy Oblast"), when the gazetteer has one. The list is the
/// hits joined by a comma, "and" or "or" before the noun.
fn plural_regions(text: &str, m: &Matcher, hits: &mut [Hit]) {
    let joins = |gap: &str| {
        let g = gap.trim();
        let g = g.strip_prefix(',').map_or(g, str::trim_start);
        matches!(g, "" | "and" | "or" | "&") && !gap.contains('\n')
    };
    for last in 0..hits.len() {
        // Cheap test first: a space, then o/r/p in either case.
        let after = &text.as_bytes()[hits[last].end..];
        if !matches!(after, [b' ', b'o' | b'r' | b'p' | b'O' | b'R' | b'P', ..]) {
            continue;
        }
        let (gap, noun) = next_word(text, hits[last].end);
        if gap != " " || !PLURAL_REGIONS.iter().any(|w| noun.eq_ignore_ascii_case(w)) {
            continue;
        }
        let mut first = last;
        while first > 0
            && hits[first - 1].end <= hits[first].start
            && joins(&text[hits[first - 1].end..hits[first].start])
        {
            first -= 1;
        }
        for h in &mut hits[first..=last] {
            let key = format!(
                "{} oblast",
                super::gazetteer::normalize(&text[h.start..h.end])
            );
            let oblasts: Targets = m.lookup(&key).into_iter().collect();
            if !oblasts.is_empty() {
                h.targets = oblasts;
            }
        }
    }
}

/// A two-letter code ("UK", "US") counts only in capitals and outside an
/// all-capitals run: in a headline "TOLD US" it is a pronoun.
fn capital_code(text: &str, start: usize, end: usize) -> bool {
    let shouting = |w: &str| {
        w.len() > 1 && w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase)
    };
    let (prev, _) = prev_word(text, start);
    let (_, next) = next_word(text, end);
    text[start..end].bytes().all(|b| b.is_ascii_uppercase()) && !shouting(prev) && !shouting(next)
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Step 2: misspellings of prominent long names, among the capitalised
/// words that matched no name (`candidates`, as byte ranges).
fn fuzzy_hits(
    text: &str,
    gazetteer: &Gazetteer,
    candidates: &[(usize, usize)],
    b: &mut Buffers,
    hits: &mut Vec<Hit>,
) {
    let m = gazetteer.matcher();
    if m.fuzzy_head.is_empty() {
        return;
    }
    // Words already compared and found near no name ("Ukrainian",
    // "President" recur): the answer depends on the word alone.
    let mut no_match: HashSet<&str> = HashSet::default();
    for &(start, end) in candidates {
        let surface = &text[start..end];
        if no_match.contains(surface) {
            continue;
        }
        b.key.clear();
        words::push_normalized(surface, &mut b.key, &mut b.scratch);
        let tok = b.key.as_str();
        let n = tok.chars().count();
        if n < 7 || !tok.chars().all(char::is_alphabetic) {
            continue;
        }
        let mut chars = tok.chars();
        let (Some(c0), Some(c1), Some(c2)) = (chars.next(), chars.next(), chars.next()) else {
            continue;
        };
        let mut back = tok.chars().rev();
        let (Some(z1), Some(z0)) = (back.next(), back.next()) else {
            continue;
        };
        let mut best: Option<u32> = None;
        for len in [n, n + 1, n.saturating_sub(1)] {
            if len < 8 {
                continue;
            }
            // Both keys hold the first letter: a misspelt capital is rare
            // and would open the door to ordinary words.
            let head = m.fuzzy_head.get(&(c0, c1, c2, len));
            let tail = m.fuzzy_tail.get(&(c0, z0, z1, len));
            for (name, entry) in head.into_iter().chain(tail).flatten() {
                if near_enough(tok, name) && strsim::osa_distance(tok, name) == 1 {
                    let better = match best {
                        None => true,
                        Some(b) => {
                            prominence_key(gazetteer.entry(*entry))
                                < prominence_key(gazetteer.entry(b))
                        }
                    };
                    if better {
                        best = Some(*entry);
                    }
                }
            }
        }
        // A known name plus a suffix is a derived word ("Australian",
        // "Kharkivska"), not a misspelling of a longer name.
        let derived = || {
            tok.char_indices()
                .skip(3)
                .any(|(k, _)| m.slot(&tok[..k]).is_some_and(|p| m.any_accepts(p, "")))
        };
        let Some(entry) = best.filter(|_| !derived()) else {
            no_match.insert(surface);
            continue;
        };
        hits.push(Hit {
            start,
            end,
            targets: smallvec::smallvec![Target {
                entry,
                ambiguous: false,
                canonical: false,
                stem_rule: 0,
                caps_code: false,
                made: false,
            }],
            fuzzy: true,
        });
    }
}

/// Cheap necessary condition for an edit distance of one: the common
/// prefix and suffix leave at most one char (two for a transposition) on
/// each side, counted in bytes (a Cyrillic char is two). Saves calling the
/// full distance on most bucket neighbours.
fn near_enough(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let max_suf = a.len().min(b.len()) - pre;
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suf)
        .take_while(|(x, y)| x == y)
        .count();
    a.len().max(b.len()) <= pre + suf + 4
}

/// Prominence sort key: smaller is more prominent.
type Prominence = (bool, u8, std::cmp::Reverse<u64>);

/// Sort key: smaller is more prominent (curated, kind, population).
fn prominence_key(e: &PlaceEntry) -> Prominence {
    (!e.curated, e.kind_rank(), std::cmp::Reverse(e.population))
}

/// The word before `pos` and the non-word gap between it and `pos`.
fn prev_word(text: &str, pos: usize) -> (&str, &str) {
    let before = &text[..pos];
    let gap_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| words::is_alnum(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word_start = before[..gap_start]
        .char_indices()
        .rev()
        .find(|(_, c)| !(words::is_alnum(*c) || is_word_joiner(*c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (&before[word_start..gap_start], &before[gap_start..])
}

/// The gap after `pos` and the word after it.
fn next_word(text: &str, pos: usize) -> (&str, &str) {
    let after = &text[pos..];
    let gap_end = after
        .char_indices()
        .find(|(_, c)| words::is_alnum(*c))
        .map_or(after.len(), |(i, _)| i);
    let rest = &after[gap_end..];
    let word_end = rest
        .char_indices()
        .find(|(_, c)| !(words::is_alnum(*c) || is_word_joiner(*c)))
        .map_or(rest.len(), |(i, _)| i);
    (&after[..gap_end], &rest[..word_end])
}

fn is_word_joiner(c: char) -> bool {
    super::gazetteer::is_apostrophe(c)
}

/// Strip a possessive ("Pokrovsk's") from a word.
fn bare(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Context of one hit, read from the original text.
struct Context<'t> {
    prev: &'t str,
    prev_gap: &'t str,
    prev2: &'t str,
    prev2_gap: &'t str,
    next: &'t str,
    next_gap: &'t str,
}

impl<'t> Context<'t> {
    fn of(text: &'t str, hit: &Hit) -> Context<'t> {
        let (prev, prev_gap) = prev_word(text, hit.start);
        let p2pos = hit.start - prev_gap.len() - prev.len();
        let (prev2, prev2_gap) = prev_word(text, p2pos);
        let (next_gap, next) = next_word(text, hit.end);
        Context {
            prev,
            prev_gap,
            prev2,
            prev2_gap,
            next,
            next_gap,
        }
    }

    /// Words joined by plain spacing (no sentence or clause break between).
    fn tight(gap: &str) -> bool {
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    /// "<Org head> of X" or "X <Outlet>": part of an organisation name.
    fn organisation(&self) -> bool {
        if Self::tight(self.prev_gap)
            && self.prev == "of"
            && Self::tight(self.prev2_gap)
            && starts_upper(self.prev2)
            && in_list(&ORG_HEADS_SET, self.prev2)
        {
            return true;
        }
        if Self::tight(self.next_gap) && in_list(&UNIT_TAILS_SET, self.next) {
            return true;
        }
        if Self::tight(self.prev_gap)
            && starts_upper(self.prev)
            && (self.prev.len() > 2 || self.prev.chars().all(|c| c.is_ascii_uppercase()))
            && in_list(&CLUB_HEADS_SET, self.prev)
        {
            return true;
        }
        Self::tight(self.next_gap) && starts_upper(self.next) && in_list(&ORG_TAILS_SET, self.next)
    }

    /// A team in a table of results: the name is followed by two numbers
    /// ("WASHINGTON 13 12 1 69 66 27", "Barcelona 2 1"). A dateline's date
    /// ("WASHINGTON 1996-12-06 President …") is one number, then words;
    /// coordinates and times ("48.01 37.80", "14:30") are not scores.
    fn results_row(text: &str, hit: &Hit) -> bool {
        let after = &text[hit.end..];
        if !after.starts_with(' ') {
            return false;
        }
        let numeric = |w: &str| {
            w.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && w.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        };
        let mut words = after.split_ascii_whitespace();
        matches!((words.next(), words.next()), (Some(a), Some(b)) if numeric(a) && numeric(b))
    }

    /// First word of a sentence or line.
    fn sentence_initial(&self) -> bool {
        self.prev.is_empty() || self.prev_gap.contains(['.', '!', '?', '\n', '"', '«', '“'])
    }

    fn place_context(&self) -> bool {
        let prev_ok = Self::tight(self.prev_gap) || self.prev_gap.trim().is_empty();
        if prev_ok && !self.prev.is_empty() {
            if in_list(&PLACE_BEFORE_SET, self.prev) {
                return true;
            }
            if self.prev.eq_ignore_ascii_case("of") && in_list(&PLACE_OF_SET, self.prev2) {
                return true;
            }
        }
        let next_ok = Self::tight(self.next_gap) || self.next_gap == "-";
        next_ok && in_list(&PLACE_AFTER_SET, bare(self.next))
    }

    /// A given name or title right before the word: it is a surname.
    /// Also a capitalised word right after ("Maryana Bezugla") when the name
    /// is weak.
    fn person(&self, text: &str, hit: &Hit, covered: &dyn Fn(usize) -> bool) -> bool {
        self.given_name_before(hit, covered) || self.surname_after(text, hit, covered)
    }

    /// A capitalised word (not a title, place word or function word) right
    /// after a one-word name: "Volodymyr Zelensky", "Maryana Bezugla".
    fn surname_after(&self, text: &str, hit: &Hit, covered: &dyn Fn(usize) -> bool) -> bool {
        let nstart = hit.end + self.next_gap.len();
        Self::tight(self.next_gap)
            && starts_upper(self.next)
            && self.next.chars().count() > 2
            && !self.next.chars().all(|c| c.is_uppercase())
            && !in_list(&PLACE_AFTER_SET, self.next)
            && !in_list(&NOT_GIVEN_NAMES_SET, self.next)
            && !in_list(&TITLES_SET, self.next)
            && nstart < text.len()
            && !covered(nstart)
    }

    fn given_name_before(&self, hit: &Hit, covered: &dyn Fn(usize) -> bool) -> bool {
        if Self::tight(self.prev_gap) && !self.prev.is_empty() {
            let pstart = hit.start - self.prev_gap.len() - self.prev.len();
            if in_list(&TITLES_SET, self.prev) {
                return true;
            }
            if starts_upper(self.prev)
                && self.prev.chars().count() > 1
                && !self.prev.chars().all(|c| c.is_uppercase())
                && !in_list(&NOT_GIVEN_NAMES_SET, self.prev)
                && !covered(pstart)
            {
                return true;
            }
        }
        false
    }
}

/// Long adjective endings of Ukrainian and Russian (nominative to
/// prepositional); a place noun in a case never ends so ("Одесою" does, and
/// is left out).
const ADJ_ENDINGS: &[&str] = &[
    "ий", "ій", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ої",
    "ую", "юю", "ым", "им", "ых", "их",
];
/// Short forms of the place-adjective suffix -ськ-/-цьк-/-зьк- (Ukrainian
/// feminine and plural, Russian feminine).
const ADJ_SUFFIX_ENDINGS: &[&str] = &["ська", "цька", "зька", "ські", "цькі", "ская", "цкая"];

/// A capitalised Ukrainian or Russian adjective at the start of a sentence,
/// right before the lower-case word it qualifies ("Українська армія",
/// "Біла хата", "Русская весна"): an adjective, not the town Ukrainsk or a
/// village Bila. The word counts as an adjective when it has a long
/// adjective ending, the short -ська/-цька ending, or is the first word of
/// a longer place name ("Біла" of "Біла Церква", "Нова" of "Нова
/// Каховка") without being a curated name by itself in this form.
fn sentence_initial_adjective(gazetteer: &Gazetteer, surface: &str, ctx: &Context) -> bool {
    let m = gazetteer.matcher();
    if !ctx.sentence_initial() || !Context::tight(ctx.next_gap) {
        return false;
    }
    let next_lower_cyr = ctx
        .next
        .chars()
        .next()
        .is_some_and(|c| super::translit::is_cyrillic(c) && c.is_lowercase());
    if !next_lower_cyr || !surface.chars().all(super::translit::is_cyrillic) {
        return false;
    }
    let w = surface.to_lowercase();
    if w.chars().count() < 4 {
        return false;
    }
    let form = m.form(&w);
    let adjective = ADJ_ENDINGS.iter().chain(ADJ_SUFFIX_ENDINGS).any(|e| w.ends_with(e))
        // A modifier of longer names ("біла церква", "нова каховка").
        || form.is_some_and(|f| f.continues);
    // A curated town whose very name looks so ("Лозовая") stays a town.
    let curated_name = form.and_then(|f| f.slot()).is_some_and(|slot| {
        m.targets.get(slot as usize).is_some_and(|ts| {
            ts.iter()
                .any(|t| t.stem_rule == 0 && !t.ambiguous && gazetteer.entry(t.entry).curated)
        })
    });
    adjective && !curated_name
}

/// Given names shared with person extraction (`data/people_given_names.txt`:
/// whitespace-separated lower-case spellings, `#` comments). A place that
/// is also a given name ("Volodymyr", "Vladimir") followed by a capitalised
/// word is a person.
fn is_given_name(word: &str) -> bool {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        include_str!("../data/people_given_names.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    });
    names.contains(word.to_lowercase().as_str())
}

/// Common endings of Ukrainian, Russian and Belarusian surnames: a place
/// name followed by one is a given name ("Volodymyr Zelensky"), while one
/// followed by an ordinary capitalised word is usually a headline.
fn looks_like_surname(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "enko",
        "ko",
        "sky",
        "skyi",
        "skyy",
        "ski",
        "skiy",
        "sky's",
        "ov",
        "ova",
        "ev",
        "eva",
        "yov",
        "in",
        "ina",
        "uk",
        "yuk",
        "chuk",
        "ich",
        "ych",
        "vych",
        "vich",
        "yak",
        "iak",
        "ets",
        "niy",
        "nyi",
        "iy",
        "yi",
        "yy",
        "ak",
        "ukh",
        "ик",
        "ко",
        "ук",
        "юк",
        "ов",
        "ова",
        "ев",
        "ева",
        "ін",
        "ин",
        "ина",
        "ський",
        "ский",
        "ич",
    ];
    let lower = word.to_lowercase();
    ENDINGS.iter().any(|e| lower.ends_with(e)) && word.chars().count() > 3
}

/// Steps 3 and 4: pick one entry per hit, or none.
fn resolve_hits(text: &str, gazetteer: &Gazetteer, hits: &[Hit]) -> Vec<Option<Target>> {
    let covered = |pos: usize| hits.iter().any(|h| h.start <= pos && pos < h.end);
    // Entries named somewhere by a name that needs no context.
    let mut firm: HashMap<u32, usize> = HashMap::default();
    for h in hits {
        if h.targets.len() == 1 && !h.targets[0].ambiguous && !h.fuzzy {
            *firm.entry(h.targets[0].entry).or_default() += 1;
        }
    }
    let contexts: Vec<Context> = hits.iter().map(|h| Context::of(text, h)).collect();
    let place_ctxs: Vec<bool> = (0..hits.len())
        .map(|i| contexts[i].place_context() || parenthesised_next_to_place(text, hits, i))
        .collect();
    // A name the text once uses as a place in clear context ("у Сумах")
    // stays a place in its other mentions ("Суми").
    for (h, &pc) in hits.iter().zip(&place_ctxs) {
        if pc {
            for t in &h.targets {
                firm.entry(t.entry).or_default();
            }
        }
    }
    // First pass: context filters per candidate.
    let mut survivors: Vec<Targets> = Vec::with_capacity(hits.len());
    // Weak names seen in person context: their other mentions are the same
    // person ("Dmytro Lubinets … Lubinets said").
    let mut person_surfaces: Vec<String> = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        let ctx = &contexts[i];
        // A country in a results row is a national team, which reporting
        // (and CoNLL) treats as the country; a city there is a club.
        let club_row = Context::results_row(text, h)
            && h.targets
                .iter()
                .all(|t| gazetteer.entry(t.entry).kind != "country");
        if ctx.organisation() || club_row {
            survivors.push(Targets::new());
            continue;
        }
        let place_ctx = place_ctxs[i];
        let surface = &text[h.start..h.end];
        let one_word = !surface.contains([' ', '-']);
        if one_word && !place_ctx && sentence_initial_adjective(gazetteer, surface, ctx) {
            survivors.push(Targets::new());
            continue;
        }
        // Ambiguity belongs to the name: if one place of this name needs
        // context, its homonyms do too ("Udachne" is also a word).
        let curated_targets = h
            .targets
            .iter()
            .filter(|t| gazetteer.entry(t.entry).curated);
        let name_ambiguous = h.targets.iter().any(|t| t.ambiguous)
            && curated_targets.clone().all(|t| t.ambiguous)
            && curated_targets.count() > 0;
        let mut keep = Targets::new();
        let mut person_rejected = false;
        for t in &h.targets {
            let e = gazetteer.entry(t.entry);
            let generated = !e.curated;
            let weak = name_ambiguous
                || t.ambiguous
                || h.fuzzy
                || t.made
                || (generated && matches!(e.kind.as_str(), "village" | "town" | "district"));
            if one_word && Context::tight(ctx.prev_gap) && in_list(&TITLES_SET, ctx.prev) {
                // "President Volodymyr", "governor Lyman": a person.
                continue;
            }
            if !place_ctx {
                // A spelling made by rule meets German, where every noun
                // is capitalised ("die Einnahme Bachmuts"): only a known
                // given name makes it a surname ("Shane Warne").
                let person = if t.made {
                    Context::tight(ctx.prev_gap) && is_given_name(ctx.prev)
                } else {
                    ctx.person(text, h, &covered)
                };
                if weak && person {
                    person_rejected = true;
                    continue;
                }
                if one_word
                    && ctx.surname_after(text, h, &covered)
                    && (looks_like_surname(ctx.next) || is_given_name(surface))
                {
                    continue;
                }
                // Generated villages' foreign or old spellings ("Police" for
                // Polytsi) at a sentence start are mostly ordinary words; so
                // are spellings made by rule ("Walki": fights, and Valky).
                if ((generated && !t.canonical) || t.made) && ctx.sentence_initial() {
                    continue;
                }
                // A `?` name with an unflagged homonym is surely a place; it
                // then only competes on context below.
                let homonym_is_sure = !name_ambiguous && h.targets.iter().any(|o| !o.ambiguous);
                if (name_ambiguous || (t.ambiguous && !homonym_is_sure))
                    && !firm.contains_key(&t.entry)
                {
                    continue;
                }
            }
            keep.push(*t);
        }
        if keep.is_empty() && person_rejected {
            person_surfaces.push(super::gazetteer::normalize(surface));
        }
        survivors.push(keep);
    }
    if !person_surfaces.is_empty() {
        for (h, s) in hits.iter().zip(survivors.iter_mut()) {
            let weak = h.fuzzy
                || s.iter()
                    .all(|t| t.ambiguous || !gazetteer.entry(t.entry).curated);
            // Empty survivors have nothing to clear: skip the normalising.
            if weak
                && !s.is_empty()
                && person_surfaces.contains(&super::gazetteer::normalize(&text[h.start..h.end]))
            {
                s.clear();
            }
        }
    }
    // Anchors: entries settled without choice; their oblasts and raions.
    let mut anchor_ids: Vec<u32> = Vec::new();
    for s in &survivors {
        if s.len() == 1 && !anchor_ids.contains(&s[0].entry) {
            anchor_ids.push(s[0].entry);
        }
    }
    let anchor_entries: Vec<&PlaceEntry> = anchor_ids.iter().map(|&i| gazetteer.entry(i)).collect();
    // `via_parent`: whether the entry's parent, or a sibling under it, in
    // the text counts.
    let related = |e: &PlaceEntry, via_parent: bool| -> usize {
        anchor_entries
            .iter()
            .filter(|a| a.id != e.id)
            .filter(|a| {
                (via_parent && e.parent.is_some() && a.parent == e.parent)
                    || (e.raion.is_some() && a.raion == e.raion)
                    || (via_parent && e.parent.as_deref() == Some(a.id.as_str()))
                    || a.parent.as_deref() == Some(e.id.as_str())
            })
            .count()
    };
    let present = |id: &str| anchor_entries.iter().any(|a| a.id == id);
    // "Kyivskyi District of Donetsk": the mention names the city itself.
    let names_city = |h: &Hit, city: Option<&str>| {
        city.and_then(|id| gazetteer.get(id)).is_some_and(|c| {
            let surface = super::gazetteer::normalize(&text[h.start..h.end]);
            surface.ends_with(&format!(" {}", super::gazetteer::normalize(&c.name)))
        })
    };
    let mut chosen = Vec::with_capacity(hits.len());
    for (h, s) in hits.iter().zip(&survivors) {
        type Key = (bool, bool, usize, bool);
        let mut best: Option<(Target, Key, Prominence)> = None;
        // "Georgia" the country against the U.S. state: the state does not
        // win because the text names the United States or an American city,
        // as reporting about the country often does. The world layer's
        // parents are countries, so that relation says little here.
        let has_country = s.iter().any(|t| gazetteer.entry(t.entry).kind == "country");
        for t in s {
            let e = gazetteer.entry(t.entry);
            // A sub-city district only counts when its city is in the text.
            if e.kind == "district"
                && !e.parent.as_deref().is_some_and(present)
                && !names_city(h, e.parent.as_deref())
            {
                continue;
            }
            let r = related(e, !has_country || e.kind == "country");
            // A curated town or city is what war reporting means by its name
            // ("Lyman", "Kostiantynivka"); a generated homonym needs the
            // text's other places to win, and never beats such an entry.
            let major = e.curated && (e.kind_rank() <= 2 || e.population >= 10_000);
            let ctx_key = (major, r > 0 && (t.canonical || e.curated), r, !t.ambiguous);
            let prom = prominence_key(e);
            let better = match &best {
                None => true,
                Some((_, bc, bp)) => ctx_key > *bc || (ctx_key == *bc && prom < *bp),
            };
            if better {
                best = Some((*t, ctx_key, prom));
            }
        }
        chosen.push(best.map(|(t, _, _)| t));
    }
    chosen
}

/// "Krasnoarmersk (Pokrovsk)", "Chernihiv, Sumy and Kharkiv": a name in
/// parentheses next to another hit, or in a list with one, is a place.
fn parenthesised_next_to_place(text: &str, hits: &[Hit], i: usize) -> bool {
    fn joins(gap: &str) -> bool {
        let g = gap.trim();
        if g.is_empty() || g.len() > 12 {
            return false;
        }
        let g = g.trim_start_matches(',').trim();
        matches!(
            g,
            "" | "(" | "and" | "or" | "і" | "й" | "та" | "и" | "или" | "чи" | "/"
        ) || gap.trim() == "),"
            || gap.trim() == ") and"
            || gap.trim() == ")"
    }
    let h = &hits[i];
    let unambiguous = |o: &Hit| o.targets.iter().any(|t| !t.ambiguous);
    if i > 0 {
        let p = &hits[i - 1];
        if unambiguous(p) && joins(text.get(p.end..h.start).unwrap_or("")) {
            return true;
        }
    }
    if let Some(n) = hits.get(i + 1) {
        if unambiguous(n) && joins(text.get(h.end..n.start).unwrap_or("")) {
            return true;
        }
    }
    false
}

/// Build the output: one place per entry, in order of first mention.
fn group(text: &str, gazetteer: &Gazetteer, hits: &[Hit], chosen: &[Option<Target>]) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    let mut index: HashMap<u32, usize> = HashMap::default();
    let mut last_end = 0usize;
    for (h, c) in hits.iter().zip(chosen) {
        let Some(target) = *c else { continue };
        let entry = target.entry;
        if h.start < last_end {
            continue;
        }
        last_end = h.end;
        let e = gazetteer.entry(entry);
        let surface = &text[h.start..h.end];
        let match_kind = if h.fuzzy {
            MatchKind::Fuzzy
        } else if target.canonical && target.stem_rule == 0 {
            // The pattern is the canonical name normalised (case,
            // apostrophes and hyphens folded).
            MatchKind::Exact
        } else {
            MatchKind::Variant
        };
        let mention = PlaceMention {
            text: surface.to_string(),
            start: h.start,
            end: h.end,
            match_kind,
        };
        let slot = *index.entry(entry).or_insert_with(|| {
            places.push(Place {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind.clone(),
                parent: e
                    .parent
                    .as_deref()
                    .and_then(|p| gazetteer.get(p))
                    .map(|p| p.name.clone()),
                mentions: Vec::new(),
            });
            places.len() - 1
        });
        places[slot].mentions.push(mention);
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small gazetteer in the data format, so these tests do not depend
    /// on the built-in data's exact contents.
    const LAYER: &str = "\
ukraine\tUkraine\tcountry\t\t\t49\t32\t\t690791\t\tУкраїна|Украина
russia\tRussia\tcountry\t\t\t60\t100\t\t2017370\t\tРосія|Россия
donetsk-oblast\tDonetsk Oblast\toblast\tukraine\t\t48\t37.8\t\t709716\t\tDonetsk People's Republic|DPR|D.P.R.|Донецька область|Донецкая область|Донеччина
kharkiv-oblast\tKharkiv Oblast\toblast\tukraine\t\t49.5\t36.5\t\t706482\t\tХарківська область
mykolaiv-oblast\tMykolaiv Oblast\toblast\tukraine\t\t47.3\t31.9\t\t700567\t\t
pokrovsk-raion\tPokrovsk Raion\traion\tdonetsk-oblast\t\t48.28\t37.17\t\t\t\tПокровський район
pokrovsk\tPokrovsk\tcity\tdonetsk-oblast\tpokrovsk-raion\t48.28\t37.17\t60127\t704422\t\tKrasnoarmeysk|Krasnoarmiisk|Покровськ|Покровск|Красноармейск
myrnohrad\tMyrnohrad\tcity\tdonetsk-oblast\tpokrovsk-raion\t48.3\t37.26\t46098\t710035\t\tMirnograd|Mirnohrad|?Dimitrov|?Dymytrov|Мирноград|Димитров
lyman\tLyman\tcity\tdonetsk-oblast\t\t48.98\t37.8\t20066\t702658\tambiguous\tKrasnyi Lyman|Лиман
chasiv-yar\tChasiv Yar\ttown\tdonetsk-oblast\t\t48.58\t37.83\t12557\t710403\t\tChasov Yar|Часів Яр|Часов Яр
kamianske\tKamianske\tcity\tdnipropetrovsk-oblast\t\t48.51\t34.61\t229794\t709930\t\tDniprodzerzhynsk|Кам'янське
bakhmut\tBakhmut\tcity\tdonetsk-oblast\t\t48.59\t38\t72310\t712165\t\tArtemivsk|Бахмут|Артемовск
kharkiv\tKharkiv\tcity\tkharkiv-oblast\t\t49.99\t36.23\t1430885\t706483\t\tKharkov|Харків|Харьков
volodymyr\tVolodymyr\tcity\tvolyn-oblast\t\t50.85\t24.32\t37910\t689378\t\tVolodymyr-Volynskyi
donetsk\tDonetsk\tcity\tdonetsk-oblast\t\t48.0\t37.8\t905364\t709717\t\tДонецьк|Донецк
mykolaiv\tMykolaiv\tcity\tmykolaiv-oblast\t\t46.97\t32\t476101\t700569\t\tNikolaev|Миколаїв|Николаев
kyiv\tKyiv\tcity\tukraine\t\t50.45\t30.52\t2797553\t703448\t\tKiev|Київ|Киев
sumy\tSumy\tcity\tsumy-oblast\t\t50.9\t34.8\t263774\t692194\t\tСуми|Сумы
dnipro-river\tDnipro River\triver\tukraine\t\t47.5\t34.5\t\t\t\tthe Dnipro River|Dnieper
kostiantynivka\tKostiantynivka\tcity\tdonetsk-oblast\t\t48.53\t37.7\t67376\t704617\t\tKonstantinovka|Костянтинівка
kharkiv-central\tCentral district\tdistrict\tkharkiv\t\t\t\t\t\t\tCentral district of Kharkiv
united-kingdom\tUnited Kingdom\tcountry\t\t\t54\t-2\t\t2635167\t\tUK|Britain
";
    const GN: &str = "\
gn1\tKostiantynivka\tvillage\tmykolaiv-oblast\t\t47.0\t32.0\t900\t\t\t
gn2\tVoznesensk\ttown\tmykolaiv-oblast\t\t47.56\t31.33\t35000\t\t\t
gn3\tNovoselivka\tvillage\tmykolaiv-oblast\t\t47.1\t32.1\t300\t\t\t
gn4\tNovoselivka\tvillage\tdonetsk-oblast\t\t48.1\t37.1\t2000\t\t\t
";

    fn gaz() -> Gazetteer {
        Gazetteer::from_layers(&[("t", LAYER, true), ("gn", GN, false)]).0
    }

    /// (text, expected (entry id, mention surface) list in text order).
    struct Case {
        text: &'static str,
        want: &'static [(&'static str, &'static str)],
    }

    fn run(cases: &[Case]) {
        let g = gaz();
        for c in cases {
            let places = find_places(c.text, &g);
            let mut got: Vec<(usize, String, String)> = Vec::new();
            for p in &places {
                for m in &p.mentions {
                    assert_eq!(&c.text[m.start..m.end], m.text);
                    got.push((m.start, p.id.clone(), m.text.clone()));
                }
            }
            got.sort();
            let got: Vec<(String, String)> = got.into_iter().map(|(_, a, b)| (a, b)).collect();
            let want: Vec<(String, String)> = c
                .want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "text: {}", c.text);
        }
    }

    #[test]
    fn organisations_teams_and_codes() {
        run(&[
            // A club or company named after a place is not the place.
            Case {
                text: "Dynamo Kyiv beat FC Kharkiv.",
                want: &[],
            },
            Case {
                text: "Shares of Kharkiv United fell.",
                want: &[],
            },
            // Must not: an ordinary capitalised word before the place.
            Case {
                text: "Reports from Kyiv.",
                want: &[("kyiv", "Kyiv")],
            },
            Case {
                text: "Ac Kyiv",
                want: &[("kyiv", "Kyiv")],
            },
            // A row of a results table is a team.
            Case {
                text: "KHARKIV 13 12 1 69 KYIV 10 13 5 91",
                want: &[],
            },
            // Must not: a dateline's date, or a number then words.
            Case {
                text: "Shelling in Kharkiv 49.99 36.23 at Kyiv 14:30 12:00",
                want: &[("kharkiv", "Kharkiv"), ("kyiv", "Kyiv")],
            },
            Case {
                text: "KHARKIV 1996-12-06 Shelling hit Kyiv 24 hours later.",
                want: &[("kharkiv", "KHARKIV"), ("kyiv", "Kyiv")],
            },
            // A two-letter code counts in capitals, outside a headline.
            Case {
                text: "Talks in the UK on Friday.",
                want: &[("united-kingdom", "UK")],
            },
            Case {
                text: "Uk is not a code, and SHELLS HIT UK TOWN is a headline.",
                want: &[],
            },
            // A known name plus a suffix is not a misspelling of a longer one.
            Case {
                text: "Kostiantynivkan roads",
                want: &[],
            },
            Case {
                text: "Kostiantynivkka roads",
                want: &[("kostiantynivka", "Kostiantynivkka")],
            },
        ]);
    }

    #[test]
    fn matching() {
        run(&[
            Case {
                text: "Shelling in Pokrovsk.",
                want: &[("pokrovsk", "Pokrovsk")],
            },
            Case {
                text: "POKROVSK UNDER FIRE",
                want: &[("pokrovsk", "POKROVSK")],
            },
            Case {
                text: "Kam’ianske and Kam'ianske",
                want: &[("kamianske", "Kam’ianske"), ("kamianske", "Kam'ianske")],
            },
            Case {
                text: "Chasiv-Yar, Chasiv Yar",
                want: &[("chasiv-yar", "Chasiv-Yar"), ("chasiv-yar", "Chasiv Yar")],
            },
            Case {
                text: "Pokrovsk's defenders",
                want: &[("pokrovsk", "Pokrovsk")],
            },
            Case {
                text: "in the Kharkiv region today",
                want: &[("kharkiv-oblast", "Kharkiv region")],
            },
            // The plural is not part of a name; the name before it is the
            // oblast (see `plural_regions`).
            Case {
                text: "Kharkiv oblasts",
                want: &[("kharkiv-oblast", "Kharkiv")],
            },
            Case {
                text: "Sumyna Pokrovskyi Kyivstar",
                want: &[],
            },
            Case {
                text: "the pokrovsk direction",
                want: &[],
            },
            Case {
                text: "the Pokrovsk direction",
                want: &[("pokrovsk", "Pokrovsk")],
            },
            Case {
                text: "Donetsk People's Republic",
                want: &[("donetsk-oblast", "Donetsk People's Republic")],
            },
            Case {
                text: "the D.P.R. said",
                want: &[("donetsk-oblast", "D.P.R.")],
            },
        ]);
    }

    #[test]
    fn inflection() {
        run(&[
            Case {
                text: "бої біля Покровська",
                want: &[("pokrovsk", "Покровська")],
            },
            Case {
                text: "у Покровську та під Покровськом",
                want: &[("pokrovsk", "Покровську"), ("pokrovsk", "Покровськом")],
            },
            Case {
                text: "в Покровске, из Покровска",
                want: &[("pokrovsk", "Покровске"), ("pokrovsk", "Покровска")],
            },
            Case {
                text: "Бахмута, Бахмуте",
                want: &[("bakhmut", "Бахмута"), ("bakhmut", "Бахмуте")],
            },
            Case {
                text: "з Харкова до Харкові",
                want: &[("kharkiv", "Харкова"), ("kharkiv", "Харкові")],
            },
            Case {
                text: "у Сумах, з Києва",
                want: &[("sumy", "Сумах"), ("kyiv", "Києва")],
            },
            Case {
                text: "Донецької області",
                want: &[("donetsk-oblast", "Донецької області")],
            },
            Case {
                text: "на Донеччині",
                want: &[("donetsk-oblast", "Донеччині")],
            },
        ]);
    }

    /// Mentions as (entry id, surface) in text order, with the built-in
    /// gazetteer.
    fn builtin_mentions(text: &str) -> Vec<(String, String)> {
        let mut got: Vec<(usize, String, String)> = Vec::new();
        for p in find_places(text, Gazetteer::builtin()) {
            for m in p.mentions {
                assert_eq!(&text[m.start..m.end], m.text);
                got.push((m.start, p.id.clone(), m.text));
            }
        }
        got.sort();
        got.into_iter().map(|(_, a, b)| (a, b)).collect()
    }

    fn check_builtin(cases: &[(&str, &[(&str, &str)])]) {
        for (text, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(builtin_mentions(text), want, "text: {text}");
        }
    }

    /// Polish and German names of Ukrainian places, in their case forms.
    #[test]
    #[rustfmt::skip]
    fn polish_and_german_names() {
        check_builtin(&[
            ("Walki w Charkowie trwają.", &[("kharkiv", "Charkowie")]),
            ("Pod Bachmutem ciężko, w Bachmucie gorzej.", &[("bakhmut", "Bachmutem"), ("bakhmut", "Bachmucie")]),
            ("Wyjechał z Kijowa do Lwowa, a potem do Charkowa.", &[("kyiv", "Kijowa"), ("lviv", "Lwowa"), ("kharkiv", "Charkowa")]),
            ("Charków, Lwów, Kijów, Donieck, Zaporoże, Ługańsk, Chersoń, Mikołajów, Odessa, Bachmut.", &[
                ("kharkiv", "Charków"), ("lviv", "Lwów"), ("kyiv", "Kijów"), ("donetsk", "Donieck"),
                ("zaporizhzhia", "Zaporoże"), ("luhansk", "Ługańsk"), ("kherson", "Chersoń"),
                ("mykolaiv", "Mikołajów"), ("odesa", "Odessa"), ("bakhmut", "Bachmut"),
            ]),
            ("W Doniecku i Ługańsku, w Zaporożu, w Chersoniu, w Mikołajowie, w Odesie.", &[
                ("donetsk", "Doniecku"), ("luhansk", "Ługańsku"), ("zaporizhzhia", "Zaporożu"),
                ("kherson", "Chersoniu"), ("mykolaiv", "Mikołajowie"), ("odesa", "Odesie"),
            ]),
            ("Kämpfe in Charkiw, Saporischschja, Donezk, Mykolajiw, Cherson, Luhansk und Kiew.", &[
                ("kharkiv", "Charkiw"), ("zaporizhzhia", "Saporischschja"), ("donetsk", "Donezk"),
                ("mykolaiv", "Mykolajiw"), ("kherson", "Cherson"), ("luhansk", "Luhansk"),
                ("kyiv", "Kiew"),
            ]),
            // (With Lviv in the text, "Mykolajiw" is the homonym town of Lviv
            // Oblast, as "Mykolaiv" is: homonyms are settled alike.)
            ("Raketen auf Lwiw.", &[("lviv", "Lwiw")]),
            ("Die Einnahme Bachmuts; in Kyjiw und Awdijiwka.", &[("bakhmut", "Bachmuts"), ("kyiv", "Kyjiw"), ("avdiivka", "Awdijiwka")]),
            // must not: ordinary Polish and German words stay words.
            ("Walki trwają. Mieszkańcy uciekli. Die Kämpfe dauern an. Wojna trwa.", &[]),
            // The case rule is not a list of forms: any town with a Polish
            // spelling, made or in the data, declines.
            ("Pod Pokrowskiem spokój, w Awdijiwce nie, w Odesie też.", &[("pokrovsk", "Pokrowskiem"), ("avdiivka", "Awdijiwce"), ("odesa", "Odesie")]),
            // must not: towns outside Ukraine and Russia keep their own
            // names ("Tallinna" is Estonian for a company's "of Tallinn").
            ("Akcje Tallinna Pank spadły.", &[]),
        ]);
    }

    /// Multi-word names keep their identity in every case, both words
    /// declined; a capitalised adjective starting a sentence is no town.
    #[test]
    #[rustfmt::skip]
    fn cyrillic_cases_and_adjectives() {
        check_builtin(&[
            ("Обстріл Кривого Рогу.", &[("kryvyi-rih", "Кривого Рогу")]),
            ("В Кривом Роге взрыв. У Кривому Розі тихо. Під Кривим Рогом бої.", &[
                ("kryvyi-rih", "Кривом Роге"), ("kryvyi-rih", "Кривому Розі"), ("kryvyi-rih", "Кривим Рогом"),
            ]),
            ("Біля Великої Новосілки. У Великой Новоселке бои.", &[
                ("velyka-novosilka", "Великої Новосілки"), ("velyka-novosilka", "Великой Новоселке"),
            ]),
            ("Ліс за Старим Салтовом.", &[("staryi-saltiv", "Старим Салтовом")]),
            // Sentence-initial adjectives before their noun: not towns.
            ("Українська армія наступає. Біла хата стоїть. Русская весна закончилась. Донецька влада мовчить.", &[]),
            // must not drop: towns at a sentence start, before a verb.
            ("Одеса зазнала атаки. Біла Церква прийняла людей. Лозовая подверглась обстрелу.", &[
                ("odesa", "Одеса"), ("bila-tserkva", "Біла Церква"), ("lozova", "Лозовая"),
            ]),
            // Inside a sentence the adjective rule does not apply.
            ("Удар по Українській ТЕС; мешканці Українська повернулися.", &[("ukrainsk", "Українська")]),
        ]);
    }

    #[test]
    fn fuzzy() {
        let g = gaz();
        let p = find_places("troops left Krasnoarmersk", &g);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].id, "pokrovsk");
        assert_eq!(p[0].mentions[0].match_kind, MatchKind::Fuzzy);
        run(&[
            // Lower case, too short, or two edits away.
            Case {
                text: "krasnoarmersk",
                want: &[],
            },
            Case {
                text: "Bakhmat",
                want: &[],
            },
            Case {
                text: "Krasnoarmerskk",
                want: &[],
            },
        ]);
    }

    #[test]
    fn ambiguity() {
        run(&[
            Case { text: "Petar Dimitrov said.", want: &[] },
            Case { text: "fighting in Dimitrov", want: &[("myrnohrad", "Dimitrov")] },
            Case { text: "analyst Daniel Lyman wrote", want: &[] },
            Case { text: "Lyman wrote a book", want: &[] },
            Case { text: "near Lyman, troops", want: &[("lyman", "Lyman")] },
            Case { text: "the Lyman direction", want: &[("lyman", "Lyman")] },
            Case { text: "Ukrainian troops", want: &[] },
            Case { text: "President Volodymyr Zelensky", want: &[] },
            Case { text: "Volodymyr Artiukh said", want: &[] },
            Case { text: "drones hit Volodymyr overnight", want: &[("volodymyr", "Volodymyr")] },
            Case { text: "the Armed Forces of Ukraine", want: &[] },
            Case { text: "the Kyiv Post reported", want: &[] },
            Case { text: "the Bank of Russia and Ukrainska Pravda", want: &[] },
            Case { text: "Kyiv Independent", want: &[] },
            Case { text: "the Kharkiv offensive", want: &[("kharkiv", "Kharkiv")] },
            Case { text: "Dimitrov and Mirnograd", want: &[("myrnohrad", "Dimitrov"), ("myrnohrad", "Mirnograd")] },
            Case {
                text: "lose control of two strategically significant cities, Krasnoarmersk (Pokrovsk) and Dimitrov (Mirnograd).",
                want: &[("pokrovsk", "Krasnoarmersk"), ("pokrovsk", "Pokrovsk"), ("myrnohrad", "Dimitrov"), ("myrnohrad", "Mirnograd")],
            },
        ]);
    }

    #[test]
    fn homonyms_and_districts() {
        run(&[
            // A district whose name says its city needs no other mention.
            Case {
                text: "Shelling hit the Central district of Kharkiv.",
                want: &[("kharkiv-central", "Central district of Kharkiv")],
            },
            // Must not: the bare district name with no city in the text.
            Case {
                text: "Shelling hit the Central district.",
                want: &[],
            },
            // A list ending in a plural region noun names oblasts.
            Case {
                text: "Strikes hit Kharkiv and Donetsk regions overnight.",
                want: &[("kharkiv-oblast", "Kharkiv"), ("donetsk-oblast", "Donetsk")],
            },
            Case {
                text: "in the Mykolaiv, Kharkiv, and Donetsk oblasts",
                want: &[
                    ("mykolaiv-oblast", "Mykolaiv"),
                    ("kharkiv-oblast", "Kharkiv"),
                    ("donetsk-oblast", "Donetsk"),
                ],
            },
            // Must not: a list that does not end in the noun, a name with no
            // oblast of its own, a list broken by other words.
            Case {
                text: "Kharkiv and Donetsk, two regions apart.",
                want: &[("kharkiv", "Kharkiv"), ("donetsk", "Donetsk")],
            },
            Case {
                text: "Kharkiv and Pokrovsk regions",
                want: &[("kharkiv-oblast", "Kharkiv"), ("pokrovsk", "Pokrovsk")],
            },
            Case {
                text: "Kharkiv, where sirens sounded, and Donetsk regions",
                want: &[("kharkiv", "Kharkiv"), ("donetsk-oblast", "Donetsk")],
            },
            Case {
                text: "Kostiantynivka",
                want: &[("kostiantynivka", "Kostiantynivka")],
            },
            // A curated city beats a generated homonym whatever the context;
            // between generated homonyms the text's other places decide.
            Case {
                text: "Voznesensk and Kostiantynivka",
                want: &[("gn2", "Voznesensk"), ("kostiantynivka", "Kostiantynivka")],
            },
            Case {
                text: "Voznesensk and Novoselivka",
                want: &[("gn2", "Voznesensk"), ("gn3", "Novoselivka")],
            },
            Case {
                text: "fighting near Novoselivka",
                want: &[("gn4", "Novoselivka")],
            },
            Case {
                text: "the Dnipro River",
                want: &[("dnipro-river", "Dnipro River")],
            },
            Case {
                text: "the Central district",
                want: &[],
            },
            Case {
                text: "In Pokrovsk, the Shakhtarskyi microdistrict and the Pokrovsk direction",
                want: &[
                    ("pokrovsk", "Pokrovsk"),
                    (
                        "pokrovsk--shakhtarskyi-microdistrict",
                        "Shakhtarskyi microdistrict",
                    ),
                    ("pokrovsk", "Pokrovsk"),
                ],
            },
            Case {
                text: "the Shakhtarskyi microdistrict",
                want: &[],
            },
            Case {
                text: "Kharkiv: the Central district",
                want: &[
                    ("kharkiv", "Kharkiv"),
                    ("kharkiv-central", "Central district"),
                ],
            },
        ]);
    }

    #[test]
    fn country_beats_homonym_of_another_country_named_in_text() {
        const WORLD: &str = "\
georgia\tGeorgia\tcountry\t\t\t42.3\t43.4\t3700000\t\tambiguous\tГрузія
united-states\tUnited States\tcountry\t\t\t39.8\t-98.6\t\t\t\tU.S.
georgia--us-state\tGeorgia\tregion\tunited-states\t\t32.2\t-82.9\t11000000\t\tambiguous\tState of Georgia
atlanta\tAtlanta\tcity\tunited-states\t\t33.7\t-84.4\t500000\t\t\t
";
        let g = Gazetteer::from_layers(&[("w", WORLD, true)]).0;
        let id_of = |text: &str, name: &str| -> Option<String> {
            find_places(text, &g)
                .into_iter()
                .find(|p| p.mentions.iter().any(|m| m.text == name))
                .map(|p| p.id)
        };
        let war = "The U.S. said Russian troops in Georgia must withdraw.";
        assert_eq!(id_of(war, "Georgia").as_deref(), Some("georgia"));
        let war = "In Atlanta, the U.S. said Russian troops in Georgia must withdraw.";
        assert_eq!(id_of(war, "Georgia").as_deref(), Some("georgia"));
        let state = "He flew to Atlanta in the State of Georgia.";
        assert_eq!(
            id_of(state, "State of Georgia").as_deref(),
            Some("georgia--us-state")
        );
    }

    #[test]
    fn output_shape() {
        let g = gaz();
        let text = "Pokrovsk, then Kharkiv, then Покровськ.";
        let p = find_places(text, &g);
        let ids: Vec<&str> = p.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["pokrovsk", "kharkiv"]);
        assert_eq!(p[0].parent.as_deref(), Some("Donetsk Oblast"));
        assert_eq!(p[0].mentions[0].match_kind, MatchKind::Exact);
        assert_eq!(p[0].mentions[1].match_kind, MatchKind::Variant);
        assert!(find_places("", &g).is_empty());
    }
}
