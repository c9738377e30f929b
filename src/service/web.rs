//! What the web app asks and the command line does not: a place as plain
//! data (names, kind, hierarchy, coordinates), whether one place lies inside
//! another, and timelines or facets of an already built query. Keeps the
//! gazetteer and `extract` behind the service, so `web/` never imports them.
//! Pages of a place's articles or a person's mentions read only the
//! documents of the page shown ([`Engine::dated_page`]); what a page says
//! about all of them (spellings, timelines, co-mentions) comes from term
//! counts, so a person with 14,000 mentions costs what one page costs.

use anyhow::Context;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, Query};
use tantivy::{DateTime, Order, TantivyDocument};

use super::{Engine, NamedFacets, TimelineOptions};
use crate::extract::gazetteer::{Gazetteer, PlaceEntry};
use crate::index::document::{from_document, from_document_only, StoredArticle};
use crate::index::schema::{names, Fields};
use crate::index::writer::facet_path;
use crate::query::aggregate::terms_with_prefix;
use crate::query::entities::{place_hit, ArticleRef, MentionHit, PlaceHit};
use crate::query::text::sentence_in_article;
use crate::query::{with_filters, Filters, PersonFilter, PlaceFilter};

/// What the web app shows about a gazetteer place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceInfo {
    /// Gazetteer id.
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// Kind (country, oblast, raion, city, …).
    pub kind: String,
    /// Latitude, when known.
    pub lat: Option<f64>,
    /// Longitude, when known.
    pub lon: Option<f64>,
    /// The gazetteer's names for it (canonical first), deduplicated.
    pub names: Vec<String>,
    /// The places containing it, outermost first, as (id, name).
    pub ancestors: Vec<(String, String)>,
    /// Facet path, root first, for filtering.
    pub facet: String,
}

fn info(gaz: &Gazetteer, e: &PlaceEntry) -> PlaceInfo {
    let mut names: Vec<String> = Vec::new();
    for (name, _, _) in e.names() {
        if !names.iter().any(|n| n == name.as_ref()) {
            names.push(name.into_owned());
        }
    }
    PlaceInfo {
        id: e.id.clone(),
        name: e.name.clone(),
        kind: e.kind.clone(),
        lat: e.lat,
        lon: e.lon,
        names,
        ancestors: gaz
            .ancestors(&e.id)
            .into_iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
        facet: facet_path(gaz, &e.id),
    }
}

impl Engine {
    /// The place with this gazetteer id, or else the place this name
    /// resolves to (any spelling or script), as the [`super::PlaceResolver`]
    /// picks it.
    pub fn place_info(&self, id_or_name: &str) -> Option<PlaceInfo> {
        let gaz = self.places().gazetteer().ok()?;
        if let Some(e) = gaz.get(id_or_name) {
            return Some(info(gaz, e));
        }
        let resolved = self.places().resolve(id_or_name).ok()?;
        gaz.get(&resolved.id).map(|e| info(gaz, e))
    }

    /// Display names and coordinates of many place ids at once (unknown
    /// ids are left out).
    pub fn place_infos<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<PlaceInfo> {
        let Ok(gaz) = self.places().gazetteer() else {
            return Vec::new();
        };
        ids.into_iter()
            .filter_map(|id| gaz.get(id).map(|e| info(gaz, e)))
            .collect()
    }

    /// Whether the place `id` is `target` or lies inside it (the hierarchy
    /// test `frontline place` uses).
    pub fn is_inside(&self, id: &str, target: &str) -> bool {
        id == target
            || self
                .places()
                .gazetteer()
                .map(|gaz| gaz.ancestors(id).iter().any(|a| a.id == target))
                .unwrap_or(false)
    }

    /// Matching articles (or stories) per period of a built query.
    pub fn periods_of(
        &self,
        query: &dyn Query,
        opts: TimelineOptions,
    ) -> anyhow::Result<Vec<(String, u64)>> {
        super::timeline::count_periods(self.handle(), query, opts)
    }

    /// Named facets (`size` values each) of every document matching a
    /// built query.
    pub fn facets_of(
        &self,
        query: &dyn Query,
        by_story: bool,
        size: usize,
    ) -> anyhow::Result<NamedFacets> {
        let f = crate::query::facets::facets(self.handle(), query, by_story, size)?;
        self.name_facets(f)
    }

    /// The people most often in the documents matching a built query, named.
    pub fn top_people_of(&self, query: &dyn Query, size: usize) -> anyhow::Result<NamedFacets> {
        let people = crate::query::aggregate::term_counts(
            self.handle(),
            query,
            crate::index::schema::names::PERSON,
            size,
        )?;
        self.name_facets(crate::query::facets::Facets {
            entities: vec![(crate::model::EntityKind::Person, people)],
            ..crate::query::facets::Facets::default()
        })
    }

    /// The places most often in the documents matching a built query, with
    /// their counts (ids the gazetteer lacks are left out).
    pub fn top_places_of(
        &self,
        query: &dyn Query,
        size: usize,
    ) -> anyhow::Result<Vec<(PlaceInfo, u64)>> {
        let counts = crate::query::aggregate::term_counts(
            self.handle(),
            query,
            crate::index::schema::names::PLACE,
            size,
        )?;
        let infos = self.place_infos(counts.iter().map(|(id, _)| id.as_str()));
        Ok(counts
            .into_iter()
            .filter_map(|(id, n)| infos.iter().find(|i| i.id == id).map(|i| (i.clone(), n)))
            .collect())
    }
}

/// One page of the articles matching a query, in publication order, with
/// how many match in all.
#[derive(Debug, Clone, Default)]
pub struct DatedPage<T> {
    /// Matching articles in all.
    pub total: usize,
    /// The page's items, in order.
    pub items: Vec<T>,
}

impl Engine {
    /// A place filter from a gazetteer id (links carry ids) or else a name
    /// in any spelling, resolved as the command line resolves it.
    pub fn place_filter_of(&self, value: &str) -> anyhow::Result<PlaceFilter> {
        // The index's place-name table answers without building the
        // gazetteer (tens of milliseconds) for the ids and names it holds.
        if let Some(filter) = self.places().filter_from_table(value) {
            return Ok(filter);
        }
        if let Ok(gaz) = self.places().gazetteer() {
            if gaz.get(value).is_some() {
                return Ok(PlaceFilter {
                    id: value.to_string(),
                    facet: facet_path(gaz, value),
                });
            }
        }
        self.places().filter(value)
    }

    /// A page of the documents matching `query` ordered by publication
    /// date (`newest_first` or oldest first; undated ones as tantivy orders
    /// missing values), each turned into items by `items_of`. Only the
    /// page's documents are read from the store: the cost of a page does not
    /// grow with the number of matches.
    pub fn dated_page<T>(
        &self,
        query: &dyn Query,
        newest_first: bool,
        offset: usize,
        limit: usize,
        decode: fn(&Fields, &TantivyDocument) -> anyhow::Result<StoredArticle>,
        mut items_of: impl FnMut(StoredArticle) -> Vec<T>,
    ) -> anyhow::Result<DatedPage<T>> {
        let searcher = self.handle().reader.searcher();
        let order = if newest_first {
            Order::Desc
        } else {
            Order::Asc
        };
        let top = TopDocs::with_limit(limit.max(1))
            .and_offset(offset)
            .order_by_fast_field::<DateTime>(names::PUBLISHED, order);
        let (total, docs) = searcher.search(query, &(Count, top)).context("searching")?;
        let mut items = Vec::new();
        for (_, address) in docs {
            let doc: TantivyDocument = searcher.doc(address).context("reading a document")?;
            items.extend(items_of(decode(&self.handle().fields, &doc)?));
        }
        Ok(DatedPage { total, items })
    }

    /// A page of a person's mentions: the articles matching `filters` and
    /// the person, oldest first, `limit` articles from `offset`, with every
    /// mention of the person in each (in text order).
    pub fn person_mentions_page(
        &self,
        person: &PersonFilter,
        filters: &Filters,
        offset: usize,
        limit: usize,
    ) -> anyhow::Result<DatedPage<MentionHit>> {
        let mut filters = filters.clone();
        filters.push(person.clone());
        let query = with_filters(
            Box::new(AllQuery),
            filters.to_queries(&self.handle().fields),
        );
        self.dated_page(
            &*query,
            false,
            offset,
            limit,
            |fields, doc| from_document_only(fields, doc, crate::model::EntityKind::Person),
            |stored| {
                let mut hits = Vec::new();
                let article = ArticleRef {
                    title_from_text: stored.title_from_text,
                    ..ArticleRef::of(&stored.article)
                };
                for p in stored
                    .entities
                    .people
                    .iter()
                    .filter(|p| person.matches_key(&p.key))
                {
                    for m in &p.mentions {
                        let (sentence, highlight) =
                            sentence_in_article(&stored.article, m.start, m.end);
                        hits.push(MentionHit {
                            article: article.clone(),
                            sentence,
                            highlight,
                            text: m.text.clone(),
                            role: m.role.clone(),
                            speaker: m.speaker,
                            key: p.key.clone(),
                            name: p.name.clone(),
                            start: m.start,
                        });
                    }
                }
                hits.sort_by_key(|h| h.start);
                hits
            },
        )
    }

    /// A page of the articles about a place (or a place inside it), newest
    /// first, each with the sentence of its first mention, as
    /// `frontline place` shows them.
    pub fn place_articles_page(
        &self,
        place: &PlaceFilter,
        filters: &Filters,
        offset: usize,
        limit: usize,
    ) -> anyhow::Result<DatedPage<PlaceHit>> {
        let mut filters = filters.clone();
        filters.push(place.clone());
        let query = with_filters(
            Box::new(AllQuery),
            filters.to_queries(&self.handle().fields),
        );
        let target = place.id.as_str();
        self.dated_page(&*query, true, offset, limit, from_document, |stored| {
            let inside = |id: &str| self.is_inside(id, target);
            vec![place_hit(&stored, target, &inside)]
        })
    }

    /// The spellings of the people a filter matches, with the articles of
    /// each, most frequent first: read from the terms, not the articles.
    pub fn person_spellings(&self, person: &PersonFilter) -> anyhow::Result<Vec<(String, u64)>> {
        let prefix = if person.surname_only() {
            person.surname.clone()
        } else {
            format!("{}\t", person.key)
        };
        let mut out: Vec<(String, u64)> = Vec::new();
        for (term, n) in terms_with_prefix(self.handle(), names::PERSON_SPELLING, &prefix)? {
            let Some((key, spelling)) = term.split_once('\t') else {
                continue;
            };
            if !person.matches_key(key) {
                continue;
            }
            match out.iter_mut().find(|(s, _)| s == spelling) {
                Some((_, total)) => *total += n,
                None => out.push((spelling.to_string(), n)),
            }
        }
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(out)
    }

    /// The spellings of a place seen in the articles, with the articles of
    /// each, most frequent first: read from the terms, not the articles.
    pub fn place_spellings(&self, id: &str) -> anyhow::Result<Vec<(String, u64)>> {
        let prefix = format!("{id}\t");
        let mut out: Vec<(String, u64)> =
            terms_with_prefix(self.handle(), names::PLACE_VARIANT, &prefix)?
                .into_iter()
                .filter_map(|(term, n)| {
                    term.strip_prefix(&prefix)
                        .map(|spelling| (spelling.to_string(), n))
                })
                .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(out)
    }
}

/// A person filter from a stored identity key (`surname:given`, what links
/// carry) or else a name typed by a user, resolved as the command line
/// resolves it.
pub fn person_filter_of(value: &str) -> anyhow::Result<PersonFilter> {
    if value.contains(':') && !value.contains(char::is_whitespace) {
        return Ok(super::people::person_filter_from_key(value));
    }
    super::people::person_filter(value)
}
