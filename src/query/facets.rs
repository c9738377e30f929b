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

/// Counts per value, most frequent first.
pub type Counts = Vec<(String, u64)>;

/// The facets of a result set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Place ids; a region counts the articles about places inside it, as
    /// the `--place` filter does.
    pub places: Counts,
    /// Person keys.
    pub people: Counts,
    /// Outlets.
    pub sources: Counts,
    /// Publication months (`YYYY-MM`).
    pub months: Counts,
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
    Ok(Facets {
        places: term_counts(handle, query, names::PLACE_TREE, size)?,
        people: term_counts(handle, query, names::PERSON, size)?,
        sources: term_counts(handle, query, names::SOURCE, size)?,
        months: sort_and_cut(months.into_iter().collect(), size),
    })
}

fn story_facets(handle: &IndexHandle, query: &dyn Query, size: usize) -> anyhow::Result<Facets> {
    let searcher = handle.reader.searcher();
    let docs = searcher
        .search(query, &DocSetCollector)
        .context("searching")?;
    let all: Vec<tantivy::DocAddress> = docs.iter().copied().collect();
    let groups = reprint_groups(handle, &all)?;
    let mut seen: [HashMap<String, HashSet<usize>>; 4] = Default::default();
    let mut value = String::new();
    for address in docs {
        let segment = searcher.segment_reader(address.segment_ord);
        let fast = segment.fast_fields();
        let story = groups
            .group_of(address)
            .unwrap_or(usize::MAX - address.doc_id as usize);
        for (slot, field) in [names::PLACE_TREE, names::PERSON, names::SOURCE]
            .into_iter()
            .enumerate()
        {
            if let Some(col) = fast.str(field)? {
                for ord in col.term_ords(address.doc_id) {
                    value.clear();
                    if col.ord_to_str(ord, &mut value)? {
                        seen[slot].entry(value.clone()).or_default().insert(story);
                    }
                }
            }
        }
        if let Some(day) = fast
            .date(names::PUBLISHED)?
            .first(address.doc_id)
            .and_then(naive_date)
        {
            seen[3]
                .entry(format!("{:04}-{:02}", day.year(), day.month()))
                .or_default()
                .insert(story);
        }
    }
    let [places, people, sources, months] = seen.map(|m| {
        sort_and_cut(
            m.into_iter().map(|(k, v)| (k, v.len() as u64)).collect(),
            size,
        )
    });
    Ok(Facets {
        places,
        people,
        sources,
        months,
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
