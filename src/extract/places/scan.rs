//! Step 1 of place extraction: the longest gazetteer name at each
//! capitalised word (then step 2, [`fuzzy_hits`], on the words left), the
//! plural "X and Y oblasts", and two-letter codes in capitals.

use std::cell::RefCell;

use super::context::{next_word, prev_word};
use super::fuzzy::fuzzy_hits;
use super::Hit;
use crate::extract::gazetteer::{self, words, Gazetteer, Matcher, Targets};

/// Reused buffers of one scan: the lookup key and a scratch buffer for
/// normalising words.
#[derive(Default)]
pub(super) struct Buffers {
    pub(super) key: String,
    pub(super) scratch: (String, Vec<u32>),
}

/// Steps 1 and 2: name hits and fuzzy hits, in text order.
pub(super) fn scan(text: &str, gazetteer: &Gazetteer) -> Vec<Hit> {
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
pub(super) fn plural_regions(text: &str, m: &Matcher, hits: &mut [Hit]) {
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
            let key = format!("{} oblast", gazetteer::normalize(&text[h.start..h.end]));
            let oblasts: Targets = m.lookup(&key).into_iter().collect();
            if !oblasts.is_empty() {
                h.targets = oblasts;
            }
        }
    }
}

/// A two-letter code ("UK", "US") counts only in capitals and outside an
/// all-capitals run: in a headline "TOLD US" it is a pronoun.
/// Only a neighbour across plain space belongs to the same run: "(CNN)- US
/// President" has an acronym before a bracket, not a headline.
fn capital_code(text: &str, start: usize, end: usize) -> bool {
    let shouting = |w: &str, gap: &str| {
        w.len() > 1
            && gap.chars().all(char::is_whitespace)
            && w.chars().any(char::is_uppercase)
            && !w.chars().any(char::is_lowercase)
    };
    let (prev, before) = prev_word(text, start);
    let (after, next) = next_word(text, end);
    text[start..end].bytes().all(|b| b.is_ascii_uppercase())
        && !shouting(prev, before)
        && !shouting(next, after)
}

pub(super) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}
