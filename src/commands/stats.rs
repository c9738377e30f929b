//! `frontline stats`: articles, formats, sources, date range, size on disk
//! and the time of the last indexing run.

use std::io::Write;
use std::path::Path;

use serde_json::json;
use tantivy::query::AllQuery;

use super::Outcome;
use crate::cli::StatsArgs;
use crate::index::read_meta;
use crate::index::schema::names;
use crate::output::{json, table, Style};
use crate::query::aggregate::{field_sizes, published_range, term_counts};

/// Run `frontline stats`.
pub fn run(
    index: &Path,
    args: &StatsArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let handle = super::open_index(index)?;
    let articles = handle.reader.searcher().num_docs();
    let formats = term_counts(&handle, &AllQuery, names::FORMAT, 16)?;
    let sources = term_counts(&handle, &AllQuery, names::SOURCE, 50)?;
    let range = published_range(&handle, &AllQuery)?;
    let size: u64 = std::fs::read_dir(index)?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    let meta = read_meta(&handle.index).unwrap_or_default();
    if args.json {
        json::line(
            out,
            &json!({
                "articles": articles,
                "formats": formats.iter().map(|(k, v)| (k.clone(), *v)).collect::<std::collections::BTreeMap<_, _>>(),
                "sources": sources.iter().map(|(k, v)| (k.clone(), *v)).collect::<std::collections::BTreeMap<_, _>>(),
                "published_from": range.map(|r| r.0.to_string()),
                "published_to": range.map(|r| r.1.to_string()),
                "index_bytes": size,
                "field_bytes": field_sizes(&handle)?,
                "indexed_at": meta.indexed_at,
                "root": meta.root,
            }),
        )?;
    } else {
        let list = |v: &[(String, u64)]| {
            v.iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let rows = vec![
            ("articles".to_string(), articles.to_string()),
            ("formats".to_string(), list(&formats)),
            ("sources".to_string(), list(&sources)),
            (
                "published".to_string(),
                range.map_or("-".to_string(), |(a, b)| format!("{a} to {b}")),
            ),
            (
                "index size".to_string(),
                format!("{:.1} MB", size as f64 / 1e6),
            ),
            (
                "last indexed".to_string(),
                meta.indexed_at.unwrap_or_else(|| "-".to_string()),
            ),
        ];
        table::key_values(out, style, &rows)?;
    }
    Ok(Outcome::Found)
}
