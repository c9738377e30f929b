//! The context of a hit for step 3 of place extraction: the words around
//! it, and whether they make it an organisation, a team in a results row, a
//! person, a place, or a sentence-initial Cyrillic adjective.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::lexicon::*;
use super::scan::starts_upper;
use super::Hit;
use crate::extract::gazetteer::{self, words, Gazetteer};
use crate::extract::translit;

/// The word before `pos` and the non-word gap between it and `pos`.
pub(super) fn prev_word(text: &str, pos: usize) -> (&str, &str) {
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
pub(super) fn next_word(text: &str, pos: usize) -> (&str, &str) {
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
    gazetteer::is_apostrophe(c)
}

/// Strip a possessive ("Pokrovsk's") from a word.
fn bare(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Context of one hit, read from the original text.
pub(super) struct Context<'t> {
    pub(super) prev: &'t str,
    pub(super) prev_gap: &'t str,
    prev2: &'t str,
    prev2_gap: &'t str,
    pub(super) next: &'t str,
    pub(super) next_gap: &'t str,
}

impl<'t> Context<'t> {
    pub(super) fn of(text: &'t str, hit: &Hit) -> Context<'t> {
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
    pub(super) fn tight(gap: &str) -> bool {
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    /// "<Org head> of X" or "X <Outlet>": part of an organisation name.
    pub(super) fn organisation(&self) -> bool {
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
    pub(super) fn results_row(text: &str, hit: &Hit) -> bool {
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
    pub(super) fn sentence_initial(&self) -> bool {
        self.prev.is_empty() || self.prev_gap.contains(['.', '!', '?', '\n', '"', '«', '“'])
    }

    pub(super) fn place_context(&self) -> bool {
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
    pub(super) fn person(&self, text: &str, hit: &Hit, covered: &dyn Fn(usize) -> bool) -> bool {
        self.given_name_before(hit, covered) || self.surname_after(text, hit, covered)
    }

    /// A capitalised word (not a title, place word or function word) right
    /// after a one-word name: "Volodymyr Zelensky", "Maryana Bezugla".
    pub(super) fn surname_after(
        &self,
        text: &str,
        hit: &Hit,
        covered: &dyn Fn(usize) -> bool,
    ) -> bool {
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
pub(super) fn sentence_initial_adjective(
    gazetteer: &Gazetteer,
    surface: &str,
    ctx: &Context,
) -> bool {
    let m = gazetteer.matcher();
    if !ctx.sentence_initial() || !Context::tight(ctx.next_gap) {
        return false;
    }
    let next_lower_cyr = ctx
        .next
        .chars()
        .next()
        .is_some_and(|c| translit::is_cyrillic(c) && c.is_lowercase());
    if !next_lower_cyr || !surface.chars().all(translit::is_cyrillic) {
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
/// Capitalised Cyrillic words of four letters or more are compared by their
/// fold, as people extraction does ("Анна", "Мария" are Anna and Maria;
/// "Як", opening a sentence, is no Jack).
pub(super) fn is_given_name(word: &str) -> bool {
    static NAMES: OnceLock<(HashSet<&'static str>, HashSet<String>)> = OnceLock::new();
    let (names, folded) = NAMES.get_or_init(|| {
        let names: HashSet<&'static str> = include_str!("../data/people_given_names.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect();
        let folded = names.iter().map(|n| translit::fold(n)).collect();
        (names, folded)
    });
    names.contains(word.to_lowercase().as_str())
        || starts_upper(word)
            && word.chars().count() >= 4
            && word.chars().any(translit::is_cyrillic)
            && folded.contains(&translit::fold(word))
}

/// Common endings of Ukrainian, Russian and Belarusian surnames: a place
/// name followed by one is a given name ("Volodymyr Zelensky"), while one
/// followed by an ordinary capitalised word is usually a headline.
pub(super) fn looks_like_surname(word: &str) -> bool {
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

/// "Krasnoarmersk (Pokrovsk)", "Chernihiv, Sumy and Kharkiv": a name in
/// parentheses next to another hit, or in a list with one, is a place.
pub(super) fn parenthesised_next_to_place(text: &str, hits: &[Hit], i: usize) -> bool {
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
