//! [`Engine`]: an open index, the place resolver, and the searches, facets,
//! statistics and export over them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use tantivy::collector::DocSetCollector;
use tantivy::query::{AllQuery, Query};
use tantivy::TantivyDocument;

use super::places::PlaceResolver;
use super::Criteria;
use crate::index::document::{from_document, StoredArticle};
use crate::index::schema::names;
use crate::model::EntityKind;
use crate::query::aggregate::{field_sizes, published_range, term_counts};
use crate::query::clauses::split_entity_clauses;
use crate::query::facets::facets;
use crate::query::search::{build_query, search, SearchRequest, SearchResults, SortOrder};
use crate::query::{Filters, IndexHandle};

/// Values shown per facet.
const FACET_SIZE: usize = 10;

/// An open index and what it takes to answer questions about it.
pub struct Engine {
    dir: PathBuf,
    handle: IndexHandle,
    places: PlaceResolver,
}

/// How to page, order and group a search.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Ordering.
    pub sort: SortOrder,
    /// Show each reprint group once.
    pub collapse: bool,
    /// Typo tolerance for plain words of 5+ letters.
    pub fuzzy: bool,
    /// Facets of the whole result set: `Some(by_story)`.
    pub facets: Option<bool>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            sort: SortOrder::Score,
            collapse: true,
            fuzzy: false,
            facets: None,
        }
    }
}

/// One value of a facet, with its display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// Id or key (place id, person key, outlet, month).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Articles (or stories) with this value.
    pub count: u64,
}

/// The facets of a result set, with display names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NamedFacets {
    /// Top values per entity kind, in [`EntityKind::ALL`] order.
    pub entities: Vec<(EntityKind, Vec<FacetValue>)>,
    /// Top outlets.
    pub sources: Vec<FacetValue>,
    /// Top publication months.
    pub months: Vec<FacetValue>,
}

impl NamedFacets {
    /// The values of one kind.
    pub fn of(&self, kind: EntityKind) -> &[FacetValue] {
        self.entities
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[], |(_, v)| v.as_slice())
    }
}

/// A page of search results, with the facets when asked for.
#[derive(Debug, Clone)]
pub struct SearchPage {
    /// Hits and total.
    pub results: SearchResults,
    /// Facets of every matching article.
    pub facets: Option<NamedFacets>,
}

/// Numbers about an index.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Articles.
    pub articles: u64,
    /// Articles per format.
    pub formats: Vec<(String, u64)>,
    /// Articles per outlet (top 50).
    pub sources: Vec<(String, u64)>,
    /// Earliest and latest publication dates.
    pub published: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Bytes of the index folder.
    pub index_bytes: u64,
    /// Bytes per field.
    pub field_bytes: BTreeMap<String, u64>,
    /// Metadata of the last indexing run.
    pub meta: crate::index::IndexMeta,
}

impl Engine {
    /// Open the index in `dir`; `gazetteer` are the user's extra GeoNames
    /// files for resolving place names. Without them, the files the index
    /// was built with are used (so names and facet paths agree with its
    /// entities); the built-in data when there were none.
    pub fn open(dir: &Path, gazetteer: &[PathBuf]) -> anyhow::Result<Engine> {
        Self::open_with(dir, gazetteer, IndexHandle::open(dir)?)
    }

    /// [`Engine::open`] for a long-running face (the web app): its reader
    /// follows every new commit of the index.
    pub fn open_live(dir: &Path, gazetteer: &[PathBuf]) -> anyhow::Result<Engine> {
        Self::open_with(dir, gazetteer, IndexHandle::open_live(dir)?)
    }

    fn open_with(dir: &Path, gazetteer: &[PathBuf], handle: IndexHandle) -> anyhow::Result<Engine> {
        let mut files = gazetteer.to_vec();
        if files.is_empty() {
            let recorded = crate::index::read_meta(&handle.index)
                .map(|m| m.gazetteer)
                .unwrap_or_default();
            files = recorded.into_iter().map(PathBuf::from).collect();
            if let Some(missing) = files.iter().find(|f| !f.is_file()) {
                eprintln!(
                    "frontline: warning: {} (given to `index --gazetteer`) is gone; using the built-in gazetteer",
                    missing.display()
                );
                files.clear();
            }
        }
        Ok(Engine {
            dir: dir.to_path_buf(),
            places: PlaceResolver::new(dir, &files),
            handle,
        })
    }

    /// The open index.
    pub fn handle(&self) -> &IndexHandle {
        &self.handle
    }

    /// The place resolver.
    pub fn places(&self) -> &PlaceResolver {
        &self.places
    }

    /// Read the people register's tables from the index (written by the
    /// indexer) instead of building them, before resolving a person's name.
    /// Without a current copy the register is built on first use, as before.
    pub fn preload_people(&self) {
        crate::index::people_register::preload(&self.dir);
    }

    /// The query text without entity clauses, and the filters of the
    /// criteria: each value (given, or a clause of the text) made a filter
    /// by its kind, dates as given.
    pub fn filters(&self, c: &Criteria) -> anyhow::Result<(String, Filters)> {
        let (text, clauses) = split_entity_clauses(&c.text);
        let mut filters = Filters {
            from: c.from,
            to: c.to,
            mentioned_from: c.mentioned_from,
            mentioned_to: c.mentioned_to,
            ..Filters::default()
        };
        for (kind, value) in c.entities.iter().chain(&clauses) {
            filters.push(self.filter_of(*kind, value)?);
        }
        Ok((text, filters))
    }

    /// The whole tantivy query of the criteria.
    pub fn query(&self, c: &Criteria, fuzzy: bool) -> anyhow::Result<Box<dyn Query>> {
        let (text, filters) = self.filters(c)?;
        build_query(
            &self.handle,
            &SearchRequest {
                text,
                filters,
                fuzzy,
                ..SearchRequest::default()
            },
        )
    }

    /// Search: a page of hits, and the facets of every match when asked.
    pub fn search(&self, c: &Criteria, opts: &SearchOptions) -> anyhow::Result<SearchPage> {
        let (text, filters) = self.filters(c)?;
        let req = SearchRequest {
            text,
            filters,
            limit: opts.limit,
            offset: opts.offset,
            sort: opts.sort,
            collapse: opts.collapse,
            fuzzy: opts.fuzzy,
        };
        let results = search(&self.handle, &req)?;
        let facets = match opts.facets {
            Some(by_story) => {
                let query = build_query(&self.handle, &req)?;
                Some(self.name_facets(facets(&self.handle, &*query, by_story, FACET_SIZE)?)?)
            }
            None => None,
        };
        Ok(SearchPage { results, facets })
    }

    /// Display names for facet values: gazetteer names for places, the
    /// fullest Latin spelling in the index for people.
    pub fn name_facets(&self, f: crate::query::facets::Facets) -> anyhow::Result<NamedFacets> {
        let plain = |counts: Vec<(String, u64)>| {
            counts
                .into_iter()
                .map(|(id, count)| FacetValue {
                    name: id.clone(),
                    id,
                    count,
                })
                .collect()
        };
        let mut entities = Vec::new();
        for (kind, counts) in f.entities {
            let mut values = Vec::with_capacity(counts.len());
            for (id, count) in counts {
                let name = self.facet_name(kind, &id)?;
                values.push(FacetValue { id, name, count });
            }
            entities.push((kind, values));
        }
        Ok(NamedFacets {
            entities,
            sources: plain(f.sources),
            months: plain(f.months),
        })
    }

    /// Numbers about the index.
    pub fn stats(&self) -> anyhow::Result<Stats> {
        let h = &self.handle;
        let index_bytes = std::fs::read_dir(&self.dir)
            .with_context(|| format!("reading {}", self.dir.display()))?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        Ok(Stats {
            articles: h.reader.searcher().num_docs(),
            formats: term_counts(h, &AllQuery, names::FORMAT, 16)?,
            sources: term_counts(h, &AllQuery, names::SOURCE, 65_000)?,
            published: published_range(h, &AllQuery)?,
            index_bytes,
            field_bytes: field_sizes(h)?,
            meta: crate::index::read_meta(&h.index).unwrap_or_default(),
        })
    }

    /// Every stored document in index order, with the facet path of each of
    /// its places (through this engine's gazetteer: the one the index was
    /// built with when the caller passes the same files). Returns how many.
    pub fn export(
        &self,
        each: &mut dyn FnMut(StoredArticle, Vec<String>) -> anyhow::Result<()>,
    ) -> anyhow::Result<usize> {
        let searcher = self.handle.reader.searcher();
        let mut addresses: Vec<_> = searcher
            .search(&AllQuery, &DocSetCollector)
            .context("listing documents")?
            .into_iter()
            .collect();
        addresses.sort();
        for address in &addresses {
            let doc: TantivyDocument = searcher.doc(*address).context("reading a document")?;
            let stored = from_document(&self.handle.fields, &doc)?;
            let facets = stored
                .entities
                .places
                .iter()
                .map(|p| self.places.facet_of(&p.id))
                .collect::<anyhow::Result<_>>()?;
            each(stored, facets)?;
        }
        Ok(addresses.len())
    }
}
