//! Step 5 of place extraction: "X district" / "X microdistrict" names the
//! gazetteer does not know become districts of the city mentioned last.

use super::context::prev_word;
use super::lexicon::*;
use super::scan::starts_upper;
use crate::model::{MatchKind, Place, PlaceMention};

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
pub(super) fn add_unknown_districts(text: &str, places: &mut Vec<Place>) {
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
