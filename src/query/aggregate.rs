//! Counts over the index with tantivy's aggregations: terms of keyword
//! fields (places, people, sources, formats), publication date ranges and
//! histograms.

use anyhow::Context;
use chrono::NaiveDate;
use serde_json::{json, Value};
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::agg_result::AggregationResults;
use tantivy::aggregation::AggregationCollector;
use tantivy::query::Query;

use super::IndexHandle;
use crate::index::document::naive_date;
use crate::index::schema::names;

/// Number of documents per term of a keyword field, most frequent first,
/// over the documents matching `query`.
pub fn term_counts(
    handle: &IndexHandle,
    query: &dyn Query,
    field: &str,
    size: usize,
) -> anyhow::Result<Vec<(String, u64)>> {
    let req =
        json!({ "t": { "terms": { "field": field, "size": size.max(1), "min_doc_count": 1 } } });
    let res = run(handle, query, req)?;
    Ok(term_buckets(&res["t"]))
}

/// Documents per term of a keyword field, most frequent first.
pub type TermCounts = Vec<(String, u64)>;

/// Documents per day, in day order.
pub type DayCounts = Vec<(NaiveDate, u64)>;

/// Several [`term_counts`] and one [`day_histogram`] over the documents
/// matching `query`, in one pass of the query (facets need all of them).
pub fn counts_and_days(
    handle: &IndexHandle,
    query: &dyn Query,
    fields: &[&str],
    size: usize,
    date_field: &str,
) -> anyhow::Result<(Vec<TermCounts>, DayCounts)> {
    let mut req = serde_json::Map::new();
    for (i, field) in fields.iter().enumerate() {
        req.insert(
            format!("t{i}"),
            json!({ "terms": { "field": field, "size": size.max(1), "min_doc_count": 1 } }),
        );
    }
    req.insert(
        "h".to_string(),
        json!({ "date_histogram": { "field": date_field, "fixed_interval": "1d", "min_doc_count": 1 } }),
    );
    let res = run(handle, query, Value::Object(req))?;
    let terms = (0..fields.len())
        .map(|i| term_buckets(&res[format!("t{i}")]))
        .collect();
    Ok((terms, day_buckets(&res["h"])))
}

fn term_buckets(res: &Value) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = res["buckets"]
        .as_array()
        .map(|buckets| {
            buckets
                .iter()
                .filter_map(|b| {
                    let key = match &b["key"] {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    Some((key, b["doc_count"].as_u64()?))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

fn day_buckets(res: &Value) -> Vec<(NaiveDate, u64)> {
    res["buckets"]
        .as_array()
        .map(|buckets| {
            buckets
                .iter()
                .filter_map(|b| {
                    // Date histogram keys are milliseconds.
                    let ms = b["key"].as_f64().filter(|n| n.is_finite())?;
                    let day = naive_date(tantivy::DateTime::from_timestamp_millis(ms as i64))?;
                    Some((day, b["doc_count"].as_u64()?))
                })
                .filter(|(_, n)| *n > 0)
                .collect()
        })
        .unwrap_or_default()
}

/// Earliest and latest publication dates of the documents matching `query`.
pub fn published_range(
    handle: &IndexHandle,
    query: &dyn Query,
) -> anyhow::Result<Option<(NaiveDate, NaiveDate)>> {
    let req = json!({
        "min": { "min": { "field": names::PUBLISHED } },
        "max": { "max": { "field": names::PUBLISHED } },
    });
    let res = run(handle, query, req)?;
    // Metric aggregations on date fields report nanoseconds.
    let day = |v: &Value| {
        v["value"]
            .as_f64()
            .filter(|n| n.is_finite())
            .and_then(|ns| naive_date(tantivy::DateTime::from_timestamp_nanos(ns as i64)))
    };
    Ok(day(&res["min"]).zip(day(&res["max"])))
}

/// Number of documents per day with a value of the date `field`
/// (multi-valued fields count a document once per distinct day).
pub fn day_histogram(
    handle: &IndexHandle,
    query: &dyn Query,
    field: &str,
) -> anyhow::Result<Vec<(NaiveDate, u64)>> {
    let req = json!({ "h": { "date_histogram": { "field": field, "fixed_interval": "1d", "min_doc_count": 1 } } });
    let res = run(handle, query, req)?;
    Ok(day_buckets(&res["h"]))
}

fn run(handle: &IndexHandle, query: &dyn Query, req: Value) -> anyhow::Result<Value> {
    let aggs: Aggregations = serde_json::from_value(req).context("building an aggregation")?;
    let collector = AggregationCollector::from_aggs(aggs, Default::default());
    let searcher = handle.reader.searcher();
    let res: AggregationResults = searcher.search(query, &collector).context("aggregating")?;
    serde_json::to_value(res).context("reading aggregation results")
}

/// Bytes on disk per field (terms, postings, positions, fast columns and
/// norms, over every segment), plus `_store` for the document store.
pub fn field_sizes(
    handle: &IndexHandle,
) -> anyhow::Result<std::collections::BTreeMap<String, u64>> {
    let usage = handle
        .reader
        .searcher()
        .space_usage()
        .context("measuring the index")?;
    let mut sizes = std::collections::BTreeMap::new();
    for segment in usage.segments() {
        for part in [
            segment.termdict(),
            segment.postings(),
            segment.positions(),
            segment.fast_fields(),
            segment.fieldnorms(),
        ] {
            for field in part.fields() {
                *sizes.entry(field.field_name().to_string()).or_default() +=
                    field.total().get_bytes();
            }
        }
        *sizes.entry("_store".to_string()).or_default() += segment.store().total().get_bytes();
    }
    Ok(sizes)
}

/// The terms of a keyword field that start with `prefix` (the part after it)
/// and the number of live documents holding each, most frequent first.
///
/// Reads only the dictionary range of the prefix: naming ten people of a
/// result set costs their own spellings, not a pass over every spelling in
/// the index. Document frequencies are exact: a segment with deletions has
/// the postings of its few matching terms walked against its live set.
pub fn terms_with_prefix(
    handle: &IndexHandle,
    field: &str,
    prefix: &str,
) -> anyhow::Result<Vec<(String, u64)>> {
    use tantivy::{DocSet, TERMINATED};
    let field = handle
        .index
        .schema()
        .get_field(field)
        .context("unknown field")?;
    let mut end = prefix.as_bytes().to_vec();
    // The first key after every key starting with `prefix`.
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            break;
        }
    }
    let mut counts: std::collections::HashMap<String, u64> = Default::default();
    for segment in handle.reader.searcher().segment_readers() {
        let inverted = segment.inverted_index(field).context("reading terms")?;
        let mut range = inverted.terms().range().ge(prefix.as_bytes());
        if !end.is_empty() {
            range = range.lt(&end);
        }
        let mut stream = range.into_stream().context("reading terms")?;
        while stream.advance() {
            let Some(rest) = std::str::from_utf8(stream.key())
                .ok()
                .and_then(|k| k.strip_prefix(prefix))
            else {
                continue;
            };
            let info = stream.value();
            let n = match segment.alive_bitset() {
                None => u64::from(info.doc_freq),
                Some(alive) => {
                    let mut postings = inverted
                        .read_postings_from_terminfo(
                            info,
                            tantivy::schema::IndexRecordOption::Basic,
                        )
                        .context("reading postings")?;
                    let mut n = 0u64;
                    let mut doc = postings.doc();
                    while doc != TERMINATED {
                        n += u64::from(alive.is_alive(doc));
                        doc = postings.advance();
                    }
                    n
                }
            };
            if n > 0 {
                *counts.entry(rest.to_string()).or_default() += n;
            }
        }
    }
    let mut out: Vec<(String, u64)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}
