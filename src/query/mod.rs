//! Queries over an existing index. Opens it read-only and returns typed
//! results; never prints, and never parses files or extracts entities
//! (names are resolved to ids by the caller, through the gazetteer and the
//! person keys, before they reach this module).

pub mod aggregate;
pub mod clauses;
pub mod entities;
pub mod facets;
pub mod reprints;
pub mod search;
pub mod text;
pub mod web_support;

use std::path::Path;

use anyhow::Context;
use chrono::NaiveDate;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{Index, IndexReader, Term};

use crate::index::document::date_value;
use crate::index::schema::Fields;

/// An open index with its reader.
pub struct IndexHandle {
    /// The tantivy index.
    pub index: Index,
    /// A reader on its last commit.
    pub reader: IndexReader,
    /// Field handles.
    pub fields: Fields,
}

impl IndexHandle {
    /// Open the index at `dir` for reading its last commit, as a one-shot
    /// command does: the reader stays on that commit (no thread watching
    /// for new ones, which costs a one-shot command more than its search).
    pub fn open(dir: &Path) -> anyhow::Result<IndexHandle> {
        Self::open_with(dir, tantivy::ReloadPolicy::Manual)
    }

    /// Open the index at `dir` for a long-running reader (the web app): it
    /// follows each new commit shortly after it is made.
    pub fn open_live(dir: &Path) -> anyhow::Result<IndexHandle> {
        Self::open_with(dir, tantivy::ReloadPolicy::OnCommitWithDelay)
    }

    fn open_with(dir: &Path, policy: tantivy::ReloadPolicy) -> anyhow::Result<IndexHandle> {
        let (index, fields) = crate::index::open(dir)?;
        let reader = index
            .reader_builder()
            .reload_policy(policy)
            .try_into()
            .context("opening the index reader")?;
        Ok(IndexHandle {
            index,
            reader,
            fields,
        })
    }
}

/// A place filter: a facet path, so a region matches every place inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceFilter {
    /// Gazetteer id.
    pub id: String,
    /// Facet path, root first (`/ukraine/donetsk-oblast/pokrovsk`).
    pub facet: String,
}

/// A person filter from a person key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFilter {
    /// `surname` alone matches every person with that surname;
    /// `surname:given` matches that person and surname-only mentions.
    pub key: String,
    /// The surname part of the key.
    pub surname: String,
}

impl PersonFilter {
    /// Whether the filter names only a surname.
    pub fn surname_only(&self) -> bool {
        self.key == self.surname
    }

    /// Whether a stored person key belongs to this filter.
    pub fn matches_key(&self, key: &str) -> bool {
        if self.surname_only() {
            crate::extract::people::surname_of_key(key) == self.surname
        } else {
            key == self.key || key == self.surname
        }
    }
}

/// Filters shared by every listing command.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// All of these places (hierarchically).
    pub places: Vec<PlaceFilter>,
    /// All of these people.
    pub people: Vec<PersonFilter>,
    /// All of these `claim` terms (`ru`, `ua:partial`, see
    /// [`crate::index::document::claim_terms`]).
    pub claims: Vec<String>,
    /// Published on or after.
    pub from: Option<NaiveDate>,
    /// Published on or before.
    pub to: Option<NaiveDate>,
    /// Mentions a date on or after.
    pub mentioned_from: Option<NaiveDate>,
    /// Mentions a date on or before.
    pub mentioned_to: Option<NaiveDate>,
}

impl Filters {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
            && self.people.is_empty()
            && self.claims.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.mentioned_from.is_none()
            && self.mentioned_to.is_none()
    }

    /// The filters as tantivy queries, each of which must match.
    pub fn to_queries(&self, fields: &Fields) -> Vec<Box<dyn Query>> {
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        for place in &self.places {
            let facet = Facet::from_text(&place.facet).unwrap_or_else(|_| Facet::root());
            out.push(Box::new(TermQuery::new(
                Term::from_facet(fields.place_facet, &facet),
                IndexRecordOption::Basic,
            )));
        }
        for person in &self.people {
            let surname = Term::from_field_text(fields.person_surname, &person.surname);
            if person.surname_only() {
                out.push(Box::new(TermQuery::new(surname, IndexRecordOption::Basic)));
            } else {
                let full = Term::from_field_text(fields.person, &person.key);
                let bare = Term::from_field_text(fields.person, &person.surname);
                out.push(Box::new(BooleanQuery::new(vec![
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(full, IndexRecordOption::Basic)) as Box<dyn Query>,
                    ),
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(bare, IndexRecordOption::Basic)),
                    ),
                ])));
            }
        }
        for claim in &self.claims {
            out.push(Box::new(TermQuery::new(
                Term::from_field_text(fields.claim, claim),
                IndexRecordOption::Basic,
            )));
        }
        if let Some(q) = date_range(fields.published, self.from, self.to) {
            out.push(q);
        }
        if let Some(q) = date_range(fields.mentioned, self.mentioned_from, self.mentioned_to) {
            out.push(q);
        }
        out
    }
}

/// An inclusive day range on a date field; `None` when both ends are open.
fn date_range(
    field: tantivy::schema::Field,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Option<Box<dyn Query>> {
    use std::ops::Bound;
    if from.is_none() && to.is_none() {
        return None;
    }
    let lower = from.map_or(Bound::Unbounded, |d| {
        Bound::Included(Term::from_field_date(field, date_value(d)))
    });
    // Dates are stored at midnight, so "to" is inclusive of that day.
    let upper = to.map_or(Bound::Unbounded, |d| {
        Bound::Included(Term::from_field_date(field, date_value(d)))
    });
    Some(Box::new(RangeQuery::new(lower, upper)))
}

/// Combine a main query with filters into one query.
pub fn with_filters(main: Box<dyn Query>, filters: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if filters.is_empty() {
        return main;
    }
    let mut clauses = vec![(Occur::Must, main)];
    clauses.extend(filters.into_iter().map(|q| (Occur::Must, q)));
    Box::new(BooleanQuery::new(clauses))
}
