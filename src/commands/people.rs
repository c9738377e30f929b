//! `frontline mentions NAME` and `frontline people`.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;

use tantivy::query::AllQuery;

use super::place::variants_by_key;
use super::Outcome;
use crate::cli::{ListArgs, MentionsArgs};
use crate::extract::people::register::{one_edit_apart, Register};
use crate::extract::people::surname_of_key;
use crate::index::schema::names;
use crate::output::{json, table, Style};
use crate::query::aggregate::term_counts;
use crate::query::entities::person_mentions;
use anyhow::Context;

/// How many distinct keys and spellings a ranking reads at most.
const MAX_TERMS: usize = 65_000;

/// Reads a user's people register (`--people FILE`) and merges it over the
/// bundled one for this run. Malformed lines are skipped with a warning
/// naming the file and line; a missing header or an unreadable file is an
/// error.
pub fn load_register(path: Option<&Path>) -> anyhow::Result<()> {
    let Some(path) = path else {
        return Ok(());
    };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading people register {}", path.display()))?;
    let (reg, bad) = Register::parse(&text)
        .map_err(|e| anyhow::anyhow!("people register {}: {e}", path.display()))?;
    for e in &bad {
        eprintln!(
            "frontline: warning: people register {}: {e} (skipped)",
            path.display()
        );
    }
    Register::set_user(reg);
    Ok(())
}

/// Run `frontline mentions NAME`.
pub fn run_mentions(
    index: &Path,
    args: &MentionsArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let handle = super::open_index(index)?;
    let filters = super::date_filters(&args.filters)?;
    let person = super::person_filter(&args.name)?;
    let hits = person_mentions(&handle, &person, &filters)?;
    let articles: BTreeSet<&str> = hits.iter().map(|h| h.article.id.as_str()).collect();
    let spellings: BTreeSet<&str> = hits.iter().map(|h| h.text.as_str()).collect();
    // The page asked for; the summary counts every mention.
    let page: Vec<_> = hits
        .iter()
        .skip(args.offset)
        .take(args.limit)
        .cloned()
        .collect();
    if args.json {
        for hit in &page {
            json::line(out, &json::MentionJson::new(hit))?;
        }
    } else {
        table::mentions(out, style, &page)?;
        writeln!(
            out,
            "{}",
            style.dim(&format!(
                "{} mentions in {} articles (showing {}); spellings: {}",
                hits.len(),
                articles.len(),
                page.len(),
                spellings.into_iter().collect::<Vec<_>>().join(", ")
            ))
        )?;
    }
    Ok(if hits.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
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
    // Starmar" in a reprint); its spellings stay listed.
    let count_of: HashMap<&str, u64> = counts.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    let near = |key: &str| -> Option<String> {
        let (sur, given) = key.split_once(':')?;
        if sur.len() < 6 {
            return None;
        }
        let n = count_of.get(key).copied().unwrap_or(0);
        counts
            .iter()
            .filter(|(k, m)| {
                k.as_str() != key
                    && (*m, k.as_str()) > (n, key)
                    && k.split_once(':')
                        .is_some_and(|(s, g)| g == given && s.len() >= 6 && one_edit_apart(s, sur))
            })
            .max_by_key(|(k, m)| (*m, std::cmp::Reverse(k.clone())))
            .map(|(k, _)| k.clone())
    };
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
            let name = Register::active()
                .entries()
                .iter()
                .find(|e| e.key == key)
                .map(|e| e.canonical.clone())
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

/// Run `frontline people`.
pub fn run_people(
    index: &Path,
    args: &ListArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let handle = super::open_index(index)?;
    let counts = term_counts(&handle, &AllQuery, names::PERSON, MAX_TERMS)?;
    let spellings = variants_by_key(term_counts(
        &handle,
        &AllQuery,
        names::PERSON_SPELLING,
        MAX_TERMS,
    )?);
    let mut rows = group_people(counts, &spellings);
    rows.truncate(args.limit);
    if args.json {
        for r in &rows {
            json::line(
                out,
                &serde_json::json!({
                    "key": r.key, "name": r.name, "articles": r.articles, "spellings": r.spellings,
                }),
            )?;
        }
    } else {
        let table_rows: Vec<_> = rows
            .iter()
            .map(|r| (r.name.clone(), r.articles, r.spellings.clone()))
            .collect();
        table::ranking(out, style, "person", &table_rows)?;
    }
    Ok(if rows.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}
