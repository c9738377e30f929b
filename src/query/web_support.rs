//! Lookups the web app needs and the command line does not: one article by
//! id and the other articles of its story.

use anyhow::Context;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{AllQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, TantivyDocument, Term};

use super::reprints::{reprint_groups, Reprints};
use super::search::Reprint;
use super::IndexHandle;
use crate::index::document::{from_document, StoredArticle};

/// The stored article with this id, and its address.
pub fn article_by_id(
    handle: &IndexHandle,
    id: &str,
) -> anyhow::Result<Option<(DocAddress, StoredArticle)>> {
    let searcher = handle.reader.searcher();
    let query = TermQuery::new(
        Term::from_field_text(handle.fields.id, id),
        IndexRecordOption::Basic,
    );
    let top = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .context("searching")?;
    let Some((_, address)) = top.into_iter().next() else {
        return Ok(None);
    };
    let doc: TantivyDocument = searcher.doc(address).context("reading a document")?;
    Ok(Some((address, from_document(&handle.fields, &doc)?)))
}

/// The reprint groups of the whole index (what [`reprints_of`] reads; a
/// server keeps it until the index changes).
pub fn all_reprint_groups(handle: &IndexHandle) -> anyhow::Result<Reprints> {
    let all: Vec<DocAddress> = handle
        .reader
        .searcher()
        .search(&AllQuery, &DocSetCollector)
        .context("searching")?
        .into_iter()
        .collect();
    reprint_groups(handle, &all)
}

/// The other articles of the same story (reprint group) as `address`,
/// given the groups of the whole index, oldest first.
pub fn reprints_of(
    handle: &IndexHandle,
    groups: &Reprints,
    address: DocAddress,
) -> anyhow::Result<Vec<Reprint>> {
    let Some(group) = groups.group_of(address) else {
        return Ok(Vec::new());
    };
    let searcher = handle.reader.searcher();
    let mut out = Vec::new();
    for other in searcher
        .search(&AllQuery, &DocSetCollector)
        .context("searching")?
    {
        if other == address || groups.group_of(other) != Some(group) {
            continue;
        }
        let doc: TantivyDocument = searcher.doc(other).context("reading a document")?;
        let a = from_document(&handle.fields, &doc)?.article;
        out.push(Reprint {
            id: a.id,
            path: a.path,
            source: a.source,
            published: a.published,
        });
    }
    out.sort_by(|a, b| a.published.cmp(&b.published).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}
