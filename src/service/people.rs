//! People: a name to its identity key, a person's mentions, the ranking of
//! people, and the display name of a key.

use std::collections::{BTreeSet, HashMap};

use std::path::Path;

use anyhow::Context;
use tantivy::query::AllQuery;

use super::places::variants_by_key;
use super::Criteria;
use crate::error::Error;
use crate::extract::people::register::{one_edit_apart, Register};
use crate::extract::people::{person_key, surname_of_key};
use crate::index::schema::names;
use crate::query::aggregate::{term_counts, terms_with_prefix};
use crate::query::entities::MentionHit;
use crate::query::PersonFilter;

/// How many distinct keys and spellings a ranking reads at most.
const MAX_TERMS: usize = 65_000;

/// A person filter for a name in any spelling or script.
pub fn person_filter(name: &str) -> anyhow::Result<PersonFilter> {
    let key = person_key(name);
    if key.is_empty() {
        return Err(Error::BadArgument(format!("cannot read {name:?} as a person's name")).into());
    }
    // Any spelling the register knows stands for its canonical key.
    let reg = Register::active();
    let key = if key.contains(':') {
        reg.resolve_full(&key)
    } else {
        reg.resolve_surname(&key)
    }
    .map_or(key, |e| e.key.clone());
    let surname = surname_of_key(&key).to_string();
    Ok(PersonFilter { key, surname })
}

/// A filter for the person with this stored identity key (`surname` or
/// `surname:given`, as in the `person` field): a link target, not a name
/// typed by a user, so it is taken as it is.
pub fn person_filter_from_key(key: &str) -> PersonFilter {
    PersonFilter {
        key: key.to_string(),
        surname: surname_of_key(key).to_string(),
    }
}

/// Read a user's people register (`--people FILE`) and merge it over the
/// bundled one for this process. Returns one warning per malformed line
/// (skipped); a missing header or an unreadable file is an error.
pub fn load_people_register(path: Option<&Path>) -> anyhow::Result<Vec<String>> {
    let Some(path) = path else {
        return Ok(Vec::new());
    };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading people register {}", path.display()))?;
    let (reg, bad) = Register::parse(&text)
        .map_err(|e| anyhow::anyhow!("people register {}: {e}", path.display()))?;
    Register::set_user(reg);
    Ok(bad
        .iter()
        .map(|e| format!("people register {}: {e} (skipped)", path.display()))
        .collect())
}

/// One person in the ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    /// Identity key.
    pub key: String,
    /// Display name: fullest, most frequent Latin spelling.
    pub name: String,
    /// Articles.
    pub articles: u64,
    /// Spellings, most frequent first.
    pub spellings: Vec<String>,
}

/// Group per-key counts into people: surname-only keys join the one full
/// key with that surname, when there is exactly one.
pub fn group_people(
    counts: Vec<(String, u64)>,
    spellings: &HashMap<String, Vec<(String, u64)>>,
) -> Vec<PersonRow> {
    let mut full_by_surname: HashMap<&str, Vec<&str>> = HashMap::new();
    for (key, _) in &counts {
        if surname_of_key(key) != key {
            full_by_surname
                .entry(surname_of_key(key))
                .or_default()
                .push(key);
        }
    }
    // A full key whose surname is one edit away (six letters or more) from
    // a key with the same given name in more articles joins it ("Keir
    // Starmar" in a reprint); its spellings stay listed. Candidates come
    // from a deletion index (two strings one edit apart share a string with
    // one letter deleted) and, for two letters swapped, from their sorted
    // letters, so the ranking stays linear in the keys.
    let count_of: HashMap<&str, u64> = counts.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    let mut by_deletion: HashMap<(&str, String), Vec<&str>> = HashMap::new();
    for (key, _) in &counts {
        if let Some((sur, given)) = key.split_once(':').filter(|(s, _)| s.len() >= 6) {
            for variant in deletions(sur).chain(std::iter::once(letters(sur))) {
                by_deletion.entry((given, variant)).or_default().push(key);
            }
        }
    }
    let near = |key: &str| -> Option<String> {
        let (sur, given) = key.split_once(':').filter(|(s, _)| s.len() >= 6)?;
        let n = count_of.get(key).copied().unwrap_or(0);
        deletions(sur)
            .chain(std::iter::once(letters(sur)))
            .filter_map(|v| by_deletion.get(&(given, v)))
            .flatten()
            .copied()
            .filter(|k| {
                let m = count_of.get(k).copied().unwrap_or(0);
                *k != key && (m, *k) > (n, key) && one_edit_apart(surname_of_key(k), sur)
            })
            .max_by_key(|k| (count_of.get(k).copied().unwrap_or(0), std::cmp::Reverse(*k)))
            .map(str::to_string)
    };
    let canonical: HashMap<&str, &str> = Register::active()
        .entries()
        .iter()
        .map(|e| (e.key.as_str(), e.canonical.as_str()))
        .collect();
    let mut merged: HashMap<String, (u64, Vec<(String, u64)>)> = HashMap::new();
    for (key, n) in &counts {
        let target = match full_by_surname.get(key.as_str()) {
            Some(full) if full.len() == 1 => full[0].to_string(),
            _ => near(key).unwrap_or_else(|| key.clone()),
        };
        let entry = merged.entry(target).or_default();
        entry.0 += n;
        entry
            .1
            .extend(spellings.get(key).cloned().unwrap_or_default());
    }
    let mut rows: Vec<PersonRow> = merged
        .into_iter()
        .map(|(key, (articles, mut sp))| {
            sp.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            // The register's conventional name when it knows the person.
            let name = canonical
                .get(key.as_str())
                .map(|c| c.to_string())
                .or_else(|| display_name(&sp))
                .unwrap_or_else(|| key.clone());
            let mut seen = BTreeSet::new();
            let spellings = sp
                .into_iter()
                .map(|(s, _)| s)
                .filter(|s| seen.insert(s.clone()))
                .collect();
            PersonRow {
                key,
                name,
                articles,
                spellings,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    rows
}

/// The letters of `word`, sorted (with a mark, so it never equals a
/// deletion): two spellings with two letters swapped share it.
fn letters(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    chars.sort_unstable();
    std::iter::once('#').chain(chars).collect()
}

/// `word` with one letter left out, at each position.
fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices()
        .map(move |(i, c)| format!("{}{}", &word[..i], &word[i + c.len_utf8()..]))
}

/// The fullest (most words), most frequent Latin-script spelling.
pub fn display_name(spellings: &[(String, u64)]) -> Option<String> {
    let latin = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_ascii())
    };
    spellings
        .iter()
        .filter(|(s, _)| latin(s))
        .max_by(|a, b| {
            let words = |s: &str| s.split_whitespace().count();
            words(&a.0)
                .cmp(&words(&b.0))
                .then(a.1.cmp(&b.1))
                .then_with(|| b.0.cmp(&a.0))
        })
        .or_else(|| spellings.first())
        .map(|(s, _)| s.clone())
}

impl super::Engine {
    /// Every mention of the person `name` in the articles matching the date
    /// bounds of `criteria`, in date order (undated articles last).
    pub fn person_mentions(
        &self,
        name: &str,
        criteria: &Criteria,
    ) -> anyhow::Result<Vec<MentionHit>> {
        self.preload_people();
        let person = person_filter(name)?;
        let (_, filters) = self.filters(&criteria.dates_only())?;
        crate::query::entities::person_mentions(self.handle(), &person, &filters)
    }

    /// People ranked by number of articles, with their spellings.
    pub fn rank_people(&self, limit: usize) -> anyhow::Result<Vec<PersonRow>> {
        let handle = self.handle();
        let counts = term_counts(handle, &AllQuery, names::PERSON, MAX_TERMS)?;
        let spellings = variants_by_key(term_counts(
            handle,
            &AllQuery,
            names::PERSON_SPELLING,
            MAX_TERMS,
        )?);
        let mut rows = group_people(counts, &spellings);
        rows.truncate(limit);
        Ok(rows)
    }

    /// The display name of a person key: the fullest, most frequent Latin
    /// spelling the index has for it (by articles), else the key. Reads the
    /// spellings of this key only, not of every person in the index.
    pub fn person_name(&self, key: &str) -> anyhow::Result<String> {
        let spellings: Vec<(String, u64)> =
            terms_with_prefix(self.handle(), names::PERSON_SPELLING, &format!("{key}\t"))?
                .into_iter()
                .collect();
        Ok(display_name(&spellings).unwrap_or_else(|| key.to_string()))
    }
}

#[cfg(test)]
mod ranking_tests {
    use super::*;

    fn counts(rows: &[(&str, u64)]) -> Vec<(String, u64)> {
        rows.iter().map(|(k, n)| (k.to_string(), *n)).collect()
    }

    #[test]
    fn a_one_edit_surname_joins_the_more_frequent_key_with_that_given_name() {
        let rows = group_people(
            counts(&[
                ("starmer:keir", 5),
                ("starmar:keir", 1),
                ("zelenska:olena", 3),
                ("zelenskii:volodymyr", 9),
                ("kuleba:dmytro", 4),
                ("kubela:dmytro", 1),
                ("popov:ivan", 2),
                ("popiv:ivan", 1),
            ]),
            &HashMap::new(),
        );
        let key_of = |k: &str| rows.iter().find(|r| r.key == k).map(|r| r.articles);
        assert_eq!(key_of("starmer:keir"), Some(6), "{rows:?}");
        assert_eq!(key_of("starmar:keir"), None);
        // Two letters swapped is one slip too.
        assert_eq!(key_of("kuleba:dmytro"), Some(5));
        // Other given names and short surnames stay apart.
        assert_eq!(key_of("zelenska:olena"), Some(3));
        assert_eq!(key_of("zelenskii:volodymyr"), Some(9));
        assert_eq!(key_of("popiv:ivan"), Some(1));
    }
}
