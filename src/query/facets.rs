//! Facets of a result set: the top places, people, sources and publication
//! months of every matching article (not just the page shown), by article
//! with tantivy's aggregations, or by story (reprint group) from the fast
//! columns.

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::Context;
use chrono::Datelike;
use tantivy::collector::DocSetCollector;
use tantivy::query::Query;

use super::aggregate::{day_histogram, term_counts};
use super::reprints::reprint_groups;
use super::IndexHandle;
use crate::index::document::naive_date;
use crate::index::schema::names;
use crate::model::EntityKind;

/// Counts per value, most frequent first.
pub type Counts = Vec<(String, u64)>;

/// The facets of a result set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Per entity kind, in [`EntityKind::ALL`] order: place ids (a region
    /// counts the articles about places inside it, as the `--place` filter
    /// does), person keys, …
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
    let mut months: BTreeMap<String, u64> = BTreeMap::new();
    for (day, n) in day_histogram(handle, query, names::PUBLISHED)? {
        *months
            .entry(format!("{:04}-{:02}", day.year(), day.month()))
            .or_default() += n;
    }
    let mut entities = Vec::new();
    for kind in EntityKind::ALL {
        let field = handle.fields.kind(kind).facet;
        entities.push((kind, term_counts(handle, query, field, size)?));
    }
    Ok(Facets {
        entities,
        sources: term_counts(handle, query, names::SOURCE, size)?,
        months: sort_and_cut(months.into_iter().collect(), size),
    })
}

/// Stories per value: each value's set of reprint groups.
type StorySets = HashMap<String, HashSet<usize>>;

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
    let fields: Vec<&str> = EntityKind::ALL
        .iter()
        .map(|k| handle.fields.kind(*k).facet)
        .chain([names::SOURCE])
        .collect();
    let mut seen: Vec<StorySets> = vec![StorySets::default(); fields.len()];
    let mut months = StorySets::default();
    let mut value = String::new();
    // Columns are opened once per segment, not once per document.
    for segment_docs in docs.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let fast = searcher
            .segment_reader(segment_docs[0].segment_ord)
            .fast_fields();
        let columns = fields
            .iter()
            .map(|f| fast.str(f))
            .collect::<Result<Vec<_>, _>>()?;
        let published = fast.date(names::PUBLISHED)?;
        for address in segment_docs {
            let story = groups
                .group_of(*address)
                .unwrap_or(usize::MAX - address.doc_id as usize);
            for (slot, col) in columns.iter().enumerate() {
                let Some(col) = col else { continue };
                for ord in col.term_ords(address.doc_id) {
                    value.clear();
                    if col.ord_to_str(ord, &mut value)? {
                        seen[slot].entry(value.clone()).or_default().insert(story);
                    }
                }
            }
            if let Some(day) = published.first(address.doc_id).and_then(naive_date) {
                months
                    .entry(format!("{:04}-{:02}", day.year(), day.month()))
                    .or_default()
                    .insert(story);
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
        entities: EntityKind::ALL
            .into_iter()
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
    let mut out = Vec::new();
    for address in docs {
        let story = key(address);
        let column = searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .date(field)?;
        out.extend(
            column
                .values_for_doc(address.doc_id)
                .filter_map(naive_date)
                .map(|day| (day, story)),
        );
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}
