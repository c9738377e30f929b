//! `frontline export --ndjson`: every document with its entity fields, one
//! JSON object per line, in the shape of the Quickwit doc mapping shipped in
//! `docs/quickwit-index.yaml` (see `docs/scale-out.md`).

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::AllQuery;
use tantivy::TantivyDocument;

use super::Outcome;
use crate::index::document::from_document;
use crate::index::writer::facet_path;
use crate::output::json;

/// One exported document. Field names match the Quickwit doc mapping.
#[derive(Debug, Serialize)]
pub struct ExportDoc {
    /// Article id.
    pub id: String,
    /// Source file.
    pub path: String,
    /// Title.
    pub title: Option<String>,
    /// Body text.
    pub body: String,
    /// Publication date, RFC 3339.
    pub published: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Language.
    pub lang: Option<String>,
    /// File format.
    pub format: String,
    /// Gazetteer ids of the places.
    pub place: Vec<String>,
    /// Canonical names of the places.
    pub place_name: Vec<String>,
    /// Place hierarchy paths.
    pub place_facet: Vec<String>,
    /// Person keys.
    pub person: Vec<String>,
    /// Person display names.
    pub person_name: Vec<String>,
    /// Mentioned dates (first day of their period), RFC 3339.
    pub mentioned: Vec<String>,
}

/// Run `frontline export`.
pub fn run(index: &Path, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let handle = super::open_index(index)?;
    let gaz = super::gazetteer(&[])?;
    let searcher = handle.reader.searcher();
    let mut addresses: Vec<_> = searcher
        .search(&AllQuery, &DocSetCollector)
        .context("listing documents")?
        .into_iter()
        .collect();
    addresses.sort();
    let rfc3339 = |d: chrono::NaiveDate| format!("{d}T00:00:00Z");
    for address in &addresses {
        let doc: TantivyDocument = searcher.doc(*address).context("reading a document")?;
        let stored = from_document(&handle.fields, &doc);
        let (a, e) = (stored.article, stored.entities);
        let mut mentioned: Vec<String> = e
            .dates
            .iter()
            .filter_map(|d| d.first_day())
            .map(rfc3339)
            .collect();
        mentioned.sort();
        mentioned.dedup();
        let export = ExportDoc {
            place: e.places.iter().map(|p| p.id.clone()).collect(),
            place_name: e.places.iter().map(|p| p.name.clone()).collect(),
            place_facet: e.places.iter().map(|p| facet_path(gaz, &p.id)).collect(),
            person: e.people.iter().map(|p| p.key.clone()).collect(),
            person_name: e.people.iter().map(|p| p.name.clone()).collect(),
            mentioned,
            id: a.id,
            path: a.path,
            title: a.title,
            body: a.body,
            published: a.published.map(rfc3339),
            source: a.source,
            url: a.url,
            lang: a.lang,
            format: a.format.as_str().to_string(),
        };
        json::line(out, &export)?;
    }
    Ok(if addresses.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}
