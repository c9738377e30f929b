//! Facets of a result set: the top values of each entity kind with a facet
//! (places, people), sources and publication months of every matching article (not just the page shown), by article
//! with tantivy's aggregations, or by story (reprint group) from the fast
//! columns.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use anyhow::Context;
use chrono::Datelike;
use tantivy::collector::DocSetCollector;
use tantivy::query::Query;

use super::aggregate::counts_and_days;
use super::reprints::reprint_groups;
use super::IndexHandle;
use crate::index::document::naive_date;
use crate::index::kinds::faceted;
use crate::index::schema::names;
use crate::model::EntityKind;

/// Counts per value, most frequent first.
pub type Counts = Vec<(String, u64)>;

/// The facets of a result set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Per entity kind with a facet ([`crate::index::kinds::faceted`]), in
    /// [`EntityKind::ALL`] order: place ids (a region counts the articles
    /// about places inside it, as the `--place` filter does), person keys, …
    pub entities: Vec<(EntityKind, Counts)>,
    /// Outlets.
    pub sources: Counts,
    /// Publication months (`YYYY-MM`).
    pub months: Counts,
}

impl Facets {
    /// The counts of one kind.
    pub fn of(&self, kind: EntityKind) -> &[(String, u64)] {
        self.entities
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[], |(_, c)| c.as_slice())
    }
}

fn sort_and_cut(mut counts: Counts, size: usize) -> Counts {
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.truncate(size);
    counts
}

/// Facets of the documents matching `query`: articles, or stories when
/// `by_story` (each reprint group counts once per value).
pub fn facets(
    handle: &IndexHandle,
    query: &dyn Query,
    by_story: bool,
    size: usize,
) -> anyhow::Result<Facets> {
    if by_story {
        return story_facets(handle, query, size);
    }
    // One pass of the query for every count: each kind's facet field, the
    // outlet, and the publication days.
    let kinds = faceted();
    let mut fields: Vec<&str> = kinds.iter().map(|(_, field)| *field).collect();
    fields.push(names::SOURCE);
    let (mut terms, days) = counts_and_days(handle, query, &fields, size, names::PUBLISHED)?;
    let mut months: BTreeMap<String, u64> = BTreeMap::new();
    for (day, n) in days {
        *months
            .entry(format!("{:04}-{:02}", day.year(), day.month()))
            .or_default() += n;
    }
    let sources = terms.pop().unwrap_or_default();
    Ok(Facets {
        entities: kinds.into_iter().map(|(k, _)| k).zip(terms).collect(),
        sources,
        months: sort_and_cut(months.into_iter().collect(), size),
    })
}

/// Stories per value: each value's set of reprint groups.
type StorySets = HashMap<String, HashSet<usize>>;

/// The story of a document: its reprint group, or itself alone.
fn story_of(groups: &super::reprints::Reprints, address: tantivy::DocAddress) -> usize {
    groups
        .group_of(address)
        .unwrap_or(usize::MAX - address.doc_id as usize)
}

fn story_facets(handle: &IndexHandle, query: &dyn Query, size: usize) -> anyhow::Result<Facets> {
    let searcher = handle.reader.searcher();
    let mut docs: Vec<tantivy::DocAddress> = searcher
        .search(query, &DocSetCollector)
        .context("searching")?
        .into_iter()
        .collect();
    docs.sort_unstable();
    let groups = reprint_groups(handle, &docs)?;
    // Keyword fields counted: each kind's facet field, then the outlet.
    let kinds = faceted();
    let fields: Vec<&str> = kinds
        .iter()
        .map(|(_, field)| *field)
        .chain([names::SOURCE])
        .collect();
    let mut seen: Vec<StorySets> = vec![StorySets::default(); fields.len()];
    let mut months = StorySets::default();
    // Columns are opened once per segment, and each distinct term ordinal
    // is turned into its string once per segment, not once per document.
    for segment_docs in docs.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let fast = searcher
            .segment_reader(segment_docs[0].segment_ord)
            .fast_fields();
        let published = fast.date(names::PUBLISHED)?;
        for (slot, field) in fields.iter().enumerate() {
            let Some(col) = fast.str(field)? else {
                continue;
            };
            let mut by_ord: HashMap<u64, HashSet<usize>> = HashMap::default();
            for address in segment_docs {
                let story = story_of(&groups, *address);
                for ord in col.term_ords(address.doc_id) {
                    by_ord.entry(ord).or_default().insert(story);
                }
            }
            let mut value = String::new();
            for (ord, stories) in by_ord {
                value.clear();
                if col.ord_to_str(ord, &mut value)? {
                    seen[slot].entry(value.clone()).or_default().extend(stories);
                }
            }
        }
        for address in segment_docs {
            if let Some(day) = published.first(address.doc_id).and_then(naive_date) {
                months
                    .entry(format!("{:04}-{:02}", day.year(), day.month()))
                    .or_default()
                    .insert(story_of(&groups, *address));
            }
        }
    }
    let cut = |m: StorySets| {
        sort_and_cut(
            m.into_iter().map(|(k, v)| (k, v.len() as u64)).collect(),
            size,
        )
    };
    let sources = cut(seen.pop().unwrap_or_default());
    Ok(Facets {
        entities: kinds
            .into_iter()
            .map(|(k, _)| k)
            .zip(seen.into_iter().map(cut))
            .collect(),
        sources,
        months: cut(months),
    })
}

/// Every (day, story) pair of the documents matching `query`, for the date
/// field `field` (`published` or `mentioned`): timelines by story count the
/// distinct stories of each period.
pub fn story_days(
    handle: &IndexHandle,
    query: &dyn Query,
    field: &str,
) -> anyhow::Result<Vec<(chrono::NaiveDate, usize)>> {
    let docs: Vec<tantivy::DocAddress> = handle
        .reader
        .searcher()
        .search(query, &DocSetCollector)
        .context("searching")?
        .into_iter()
        .collect();
    let groups = reprint_groups(handle, &docs)?;
    days_by(handle, query, field, &|address| {
        groups
            .group_of(address)
            .unwrap_or(usize::MAX - address.doc_id as usize)
    })
}

/// Every (day, document) pair of the documents matching `query`, for a
/// multi-valued date field: periods longer than a day count each document
/// once.
pub fn doc_days(
    handle: &IndexHandle,
    query: &dyn Query,
    field: &str,
) -> anyhow::Result<Vec<(chrono::NaiveDate, usize)>> {
    days_by(handle, query, field, &|address| {
        ((address.segment_ord as usize) << 32) | address.doc_id as usize
    })
}

fn days_by(
    handle: &IndexHandle,
    query: &dyn Query,
    field: &str,
    key: &dyn Fn(tantivy::DocAddress) -> usize,
) -> anyhow::Result<Vec<(chrono::NaiveDate, usize)>> {
    let searcher = handle.reader.searcher();
    let docs = searcher
        .search(query, &DocSetCollector)
        .context("searching")?;
    let mut docs: Vec<tantivy::DocAddress> = docs.into_iter().collect();
    docs.sort_unstable();
    let mut out = Vec::new();
    // One column per segment, not one per document.
    for segment_docs in docs.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let column = searcher
            .segment_reader(segment_docs[0].segment_ord)
            .fast_fields()
            .date(field)?;
        for address in segment_docs {
            let story = key(*address);
            out.extend(
                column
                    .values_for_doc(address.doc_id)
                    .filter_map(naive_date)
                    .map(|day| (day, story)),
            );
        }
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}
