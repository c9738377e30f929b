//! Places: the one resolver from a name to a place, the articles about a
//! place, and the ranking of places.
//!
//! [`PlaceResolver`] answers "which place does this name mean" for every
//! face and command (`search --place`, `place:` clauses, `timeline --place`,
//! `place NAME`, facet names, `export`). It asks the index's place-name
//! table first ([`crate::index::place_names`], read once per resolver) and
//! the gazetteer only when the table cannot answer (a name it lacks, an
//! index built with other gazetteer data, a question that needs the
//! alternatives). The table is a cache of the gazetteer's answers, so both
//! paths give the same place.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tantivy::query::AllQuery;

use super::Criteria;
use crate::error::Error;
use crate::extract::gazetteer::{Gazetteer, PlaceEntry};
use crate::index::place_names::Table;
use crate::index::schema::names;
use crate::index::writer::facet_path;
use crate::query::aggregate::term_counts;
use crate::query::entities::PlaceHit;
use crate::query::PlaceFilter;

/// How many distinct `id<TAB>surface` pairs a ranking reads at most.
const MAX_VARIANT_TERMS: usize = 65_000;

/// A place a name resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedPlace {
    /// Gazetteer id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// "Pokrovsk (city, Donetsk Oblast)".
    pub description: String,
    /// Descriptions of the other places the name may mean, most likely first.
    pub alternatives: Vec<String>,
    /// The filter matching it and the places inside it.
    pub filter: PlaceFilter,
}

/// The one way from a place name (or id) to a place.
pub struct PlaceResolver {
    dir: PathBuf,
    extra: Vec<PathBuf>,
    table: OnceLock<Option<Table>>,
    gazetteer: OnceLock<&'static Gazetteer>,
}

impl PlaceResolver {
    /// A resolver for the index in `dir`, with the user's extra gazetteer
    /// files (none: the built-in data, and the index's table may answer).
    pub fn new(dir: &Path, extra: &[PathBuf]) -> PlaceResolver {
        PlaceResolver {
            dir: dir.to_path_buf(),
            extra: extra.to_vec(),
            table: OnceLock::new(),
            gazetteer: OnceLock::new(),
        }
    }

    /// The place-name table, when it holds the answers of this resolver's
    /// gazetteer (only the built-in data has one).
    fn table(&self) -> Option<&Table> {
        self.table
            .get_or_init(|| {
                if self.extra.is_empty() {
                    Table::open(&self.dir)
                } else {
                    None
                }
            })
            .as_ref()
    }

    /// The gazetteer, built on first use. Warnings about bad lines of the
    /// user's files go to stderr (once per process).
    pub fn gazetteer(&self) -> anyhow::Result<&'static Gazetteer> {
        if let Some(g) = self.gazetteer.get() {
            return Ok(g);
        }
        let (gaz, warnings) = super::load_gazetteer(&self.extra)?;
        for w in warnings {
            eprintln!("frontline: warning: {w}");
        }
        Ok(self.gazetteer.get_or_init(|| gaz))
    }

    /// The filter for a place name: from the table when it knows the name,
    /// else through the gazetteer.
    pub fn filter(&self, name: &str) -> anyhow::Result<PlaceFilter> {
        let table = self.table();
        // A settlement the gazetteer lacks, by its name in either script.
        let settlement = || {
            let id = crate::extract::places::settlement_id(name);
            table.and_then(|t| t.resolve_id(&id))
        };
        if let Some(r) = table.and_then(|t| t.resolve(name)).or_else(settlement) {
            return Ok(PlaceFilter {
                id: r.id,
                facet: r.facet,
            });
        }
        Ok(self.resolve(name)?.filter)
    }

    /// The filter for a place id or name from the table alone (no
    /// gazetteer): an id of a place in the index first, then a name.
    pub fn filter_from_table(&self, value: &str) -> Option<PlaceFilter> {
        let table = self.table()?;
        let r = table.resolve_id(value).or_else(|| table.resolve(value))?;
        Some(PlaceFilter {
            id: r.id,
            facet: r.facet,
        })
    }

    /// Resolve a name through the gazetteer, with the alternatives.
    pub fn resolve(&self, name: &str) -> anyhow::Result<ResolvedPlace> {
        let gaz = self.gazetteer()?;
        let (chosen, others) = candidates(gaz, name)?;
        Ok(ResolvedPlace {
            id: chosen.id.clone(),
            name: chosen.name.clone(),
            description: describe(gaz, chosen),
            alternatives: others.iter().map(|o| describe(gaz, o)).collect(),
            filter: PlaceFilter {
                id: chosen.id.clone(),
                facet: facet_path(gaz, &chosen.id),
            },
        })
    }

    /// The display name of a place id (the id itself when unknown).
    pub fn name_of(&self, id: &str) -> anyhow::Result<String> {
        if let Some(name) = self.table().and_then(|t| t.name_of(id)) {
            return Ok(name.to_string());
        }
        Ok(self
            .gazetteer()?
            .get(id)
            .map_or_else(|| id.to_string(), |e| e.name.clone()))
    }

    /// The facet path of a place id, root first.
    pub fn facet_of(&self, id: &str) -> anyhow::Result<String> {
        Ok(facet_path(self.gazetteer()?, id))
    }
}

/// The entries a name may mean, the most likely first.
fn candidates<'g>(
    gaz: &'g Gazetteer,
    name: &str,
) -> anyhow::Result<(&'g PlaceEntry, Vec<&'g PlaceEntry>)> {
    let mut found = gaz.resolve(name);
    if found.is_empty() {
        if let Some(entry) = gaz.get(name) {
            found.push(entry);
        }
    }
    if found.is_empty() {
        return Err(Error::BadArgument(format!("unknown place {name:?}")).into());
    }
    let chosen = found.remove(0);
    Ok((chosen, found))
}

fn describe(gaz: &Gazetteer, entry: &PlaceEntry) -> String {
    let parent = entry
        .parent
        .as_deref()
        .and_then(|p| gaz.get(p))
        .map(|p| format!(", {}", p.name))
        .unwrap_or_default();
    format!("{} ({}{parent})", entry.name, entry.kind)
}

/// The articles about a place, with what the name resolved to.
#[derive(Debug, Clone)]
pub struct PlaceArticles {
    /// The place asked for.
    pub place: ResolvedPlace,
    /// Articles about it or places inside it, newest first.
    pub hits: Vec<PlaceHit>,
}

/// One place in the ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceRow {
    /// Gazetteer id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind (city, oblast, …), when the gazetteer knows the id.
    pub kind: Option<String>,
    /// Articles mentioning it.
    pub articles: u64,
    /// Surface forms seen in the index, most frequent first.
    pub variants: Vec<String>,
}

impl super::Engine {
    /// Every article about the place `name` (or a place inside it) that
    /// matches the date bounds of `criteria`, newest first, at most `limit`.
    pub fn place_articles(
        &self,
        name: &str,
        criteria: &Criteria,
        limit: Option<usize>,
    ) -> anyhow::Result<PlaceArticles> {
        let place = self.places().resolve(name)?;
        let (_, filters) = self.filters(&criteria.dates_only())?;
        let gaz = self.places().gazetteer()?;
        let target = place.id.as_str();
        let inside = |id: &str| id == target || gaz.ancestors(id).iter().any(|a| a.id == target);
        let mut hits = crate::query::entities::place_articles(
            self.handle(),
            &place.filter,
            &filters,
            &inside,
        )?;
        if let Some(limit) = limit {
            hits.truncate(limit);
        }
        Ok(PlaceArticles { place, hits })
    }

    /// Places ranked by number of articles, with the variants seen.
    pub fn rank_places(&self, limit: usize) -> anyhow::Result<Vec<PlaceRow>> {
        let handle = self.handle();
        let counts = term_counts(handle, &AllQuery, names::PLACE, limit)?;
        let variants = variants_by_key(term_counts(
            handle,
            &AllQuery,
            names::PLACE_VARIANT,
            MAX_VARIANT_TERMS,
        )?);
        let gaz = self.places().gazetteer()?;
        Ok(counts
            .into_iter()
            .take(limit)
            .map(|(id, articles)| {
                let entry = gaz.get(&id);
                PlaceRow {
                    name: entry.map_or_else(|| id.clone(), |e| e.name.clone()),
                    kind: entry.map(|e| e.kind.clone()),
                    articles,
                    variants: variants
                        .get(&id)
                        .map(|v| v.iter().map(|(s, _)| s.clone()).collect())
                        .unwrap_or_default(),
                    id,
                }
            })
            .collect())
    }
}

/// Surface forms per key from `key<TAB>surface` terms, most frequent first.
pub fn variants_by_key(pairs: Vec<(String, u64)>) -> HashMap<String, Vec<(String, u64)>> {
    let mut by_key: HashMap<String, Vec<(String, u64)>> = HashMap::new();
    for (pair, n) in pairs {
        if let Some((key, surface)) = pair.split_once('\t') {
            by_key
                .entry(key.to_string())
                .or_default()
                .push((surface.to_string(), n));
        }
    }
    for v in by_key.values_mut() {
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    by_key
}
