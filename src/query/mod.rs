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
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery};
use tantivy::{Index, IndexReader, Term};

use crate::index::document::date_value;
use crate::index::schema::Fields;
use crate::model::EntityKind;

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

pub use crate::index::kinds::person::PersonFilter;
pub use crate::index::kinds::place::PlaceFilter;
pub use crate::index::kinds::EntityFilter;

/// Filters shared by every listing command.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// All of these entity filters (a place hierarchically, a person, a
    /// claim term, …), each made by its kind.
    pub entities: Vec<EntityFilter>,
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
        self.entities.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.mentioned_from.is_none()
            && self.mentioned_to.is_none()
    }

    /// Add an entity filter (a [`PlaceFilter`], a [`PersonFilter`], …).
    pub fn push(&mut self, filter: impl Into<EntityFilter>) {
        self.entities.push(filter.into());
    }

    /// The filters as tantivy queries, each of which must match: kind by
    /// kind in [`EntityKind::ALL`] order (so the scores summed over them
    /// never depend on the order filters were given in), then the dates.
    pub fn to_queries(&self, fields: &Fields) -> Vec<Box<dyn Query>> {
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        for kind in EntityKind::ALL {
            out.extend(
                self.entities
                    .iter()
                    .filter(|f| f.kind() == kind)
                    .map(|f| f.query(fields)),
            );
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
