//! Step 2 of place extraction: misspellings of prominent long names
//! (restricted Damerau-Levenshtein ≤ 1).

use rustc_hash::FxHashSet as HashSet;

use super::resolve::prominence_key;
use super::scan::Buffers;
use super::Hit;
use crate::extract::gazetteer::{words, Gazetteer, Target};

/// Step 2: misspellings of prominent long names, among the capitalised
/// words that matched no name (`candidates`, as byte ranges).
pub(super) fn fuzzy_hits(
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
