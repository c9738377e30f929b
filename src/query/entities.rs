//! Entity-centred listings: the articles about a place, and every mention of
//! a person, each with the sentence around it.

use std::collections::BTreeSet;
use std::ops::Range;

use anyhow::Context;
use chrono::NaiveDate;
use tantivy::collector::DocSetCollector;
use tantivy::query::AllQuery;
use tantivy::TantivyDocument;

use super::text::sentence_in_article;
use super::{with_filters, Filters, IndexHandle, PersonFilter, PlaceFilter};
use crate::index::document::{from_document, MentionRecord, RecordBuf, StoredArticle};
use crate::index::schema::names;

/// Which article a hit comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRef {
    /// Article id.
    pub id: String,
    /// Source file.
    pub path: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// The title was made from the text (the file gave none).
    pub title_from_text: bool,
}

impl ArticleRef {
    /// The reference to an article.
    pub fn of(a: &crate::model::Article) -> ArticleRef {
        ArticleRef {
            id: a.id.clone(),
            path: a.path.clone(),
            title: a.title.clone(),
            source: a.source.clone(),
            published: a.published,
            title_from_text: false,
        }
    }

    /// The reference to a stored article, knowing where its title came from.
    pub fn of_stored(stored: &crate::index::document::StoredArticle) -> ArticleRef {
        ArticleRef {
            title_from_text: stored.title_from_text,
            ..ArticleRef::of(&stored.article)
        }
    }
}

/// One article about a place.
#[derive(Debug, Clone)]
pub struct PlaceHit {
    /// The article.
    pub article: ArticleRef,
    /// Sentence of the first mention.
    pub sentence: String,
    /// The mention's range in `sentence`.
    pub highlight: Range<usize>,
    /// Distinct surface forms the article used for the place (and the places
    /// inside it), sorted.
    pub variants: Vec<String>,
    /// Canonical names of the matched places (the place itself, or places
    /// inside it when it is a region).
    pub matched: Vec<String>,
}

/// The hit of one article for a place: the sentence of the first mention of
/// the place itself, or of a place inside it (a district of a city, a town
/// of an oblast) only when the article never names the place directly, with
/// the surface forms and names matched. `inside(id)` tells whether a place
/// id lies inside the place.
pub fn place_hit(
    stored: &StoredArticle,
    place_id: &str,
    inside: &dyn Fn(&str) -> bool,
) -> PlaceHit {
    let matched: Vec<_> = stored
        .entities
        .places
        .iter()
        .filter(|p| p.id == place_id || inside(&p.id))
        .collect();
    let first = matched
        .iter()
        .filter(|p| p.id == place_id)
        .flat_map(|p| p.mentions.iter())
        .min_by_key(|m| m.start)
        .or_else(|| {
            matched
                .iter()
                .flat_map(|p| p.mentions.iter())
                .min_by_key(|m| m.start)
        });
    let (sentence, highlight) = match first {
        Some(m) => sentence_in_article(&stored.article, m.start, m.end),
        None => (String::new(), 0..0),
    };
    let variants: BTreeSet<String> = matched
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| m.text.clone()))
        .collect();
    let names: BTreeSet<String> = matched.iter().map(|p| p.name.clone()).collect();
    PlaceHit {
        article: ArticleRef::of_stored(stored),
        sentence,
        highlight,
        variants: variants.into_iter().collect(),
        matched: names.into_iter().collect(),
    }
}

/// Every article mentioning the place (or a place inside it), newest first.
///
/// `inside(id)` tells whether a place id is the place itself or lies inside
/// it (the caller knows the gazetteer's hierarchy; this module does not).
pub fn place_articles(
    handle: &IndexHandle,
    place: &PlaceFilter,
    filters: &Filters,
    inside: &(dyn Fn(&str) -> bool + Sync),
) -> anyhow::Result<Vec<PlaceHit>> {
    let mut filters = filters.clone();
    filters.push(place.clone());
    let mut hits: Vec<PlaceHit> = for_each_matching(handle, &filters, from_document, |stored| {
        vec![place_hit(&stored, &place.id, inside)]
    })?;
    hits.sort_by(|a, b| {
        b.article
            .published
            .cmp(&a.article.published)
            .then_with(|| a.article.id.cmp(&b.article.id))
    });
    Ok(hits)
}

/// One mention of a person.
#[derive(Debug, Clone)]
pub struct MentionHit {
    /// The article.
    pub article: ArticleRef,
    /// The sentence of the mention.
    pub sentence: String,
    /// The name's range in `sentence`.
    pub highlight: Range<usize>,
    /// Spelling used.
    pub text: String,
    /// Role or title next to the name.
    pub role: Option<String>,
    /// Whether the person speaks in this sentence.
    pub speaker: bool,
    /// The person's identity key in this article.
    pub key: String,
    /// Display name in this article.
    pub name: String,
    /// Byte offset of the mention in the article text (for ordering).
    pub start: usize,
}

/// Every mention of a person across the index, in date order (undated
/// articles last).
///
/// Reads each matching article's [`MentionRecord`] from the
/// `person_mentions` fast column (segments in parallel): the document
/// store is never opened, no article is decompressed and no entities are
/// decoded.
pub fn person_mentions(
    handle: &IndexHandle,
    person: &PersonFilter,
    filters: &Filters,
) -> anyhow::Result<Vec<MentionHit>> {
    use rayon::prelude::*;
    let mut filters = filters.clone();
    filters.push(person.clone());
    let query = with_filters(Box::new(AllQuery), filters.to_queries(&handle.fields));
    let searcher = handle.reader.searcher();
    let mut addresses: Vec<tantivy::DocAddress> = searcher
        .search(&query, &DocSetCollector)
        .context("searching")?
        .into_iter()
        .collect();
    addresses.sort_unstable();
    let per_segment: Vec<Vec<MentionHit>> = addresses
        .chunk_by(|a, b| a.segment_ord == b.segment_ord)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|docs| {
            let column = searcher
                .segment_reader(docs[0].segment_ord)
                .fast_fields()
                .u64(names::PERSON_MENTIONS)
                .context("reading mention records")?;
            let mut hits = Vec::new();
            let mut buf = RecordBuf::default();
            for a in docs {
                let record = MentionRecord::read(column.values_for_doc(a.doc_id), &mut buf)
                    .map_err(|e| {
                        anyhow::anyhow!(
                            "{}: unreadable mention record ({e}); run `frontline index --rebuild`",
                            describe(handle, *a)
                        )
                    })?;
                hits.extend(mention_hits(record, person));
            }
            Ok(hits)
        })
        .collect::<anyhow::Result<_>>()?;
    let mut hits: Vec<MentionHit> = per_segment.into_iter().flatten().collect();
    hits.sort_by(|a, b| {
        let undated = |h: &MentionHit| h.article.published.is_none();
        undated(a)
            .cmp(&undated(b))
            .then_with(|| a.article.published.cmp(&b.article.published))
            .then_with(|| a.article.id.cmp(&b.article.id))
            .then_with(|| a.start.cmp(&b.start))
    });
    Ok(hits)
}

/// The mentions of one article's record that belong to the person.
fn mention_hits(record: MentionRecord<'_>, person: &PersonFilter) -> Vec<MentionHit> {
    let mut hits = Vec::new();
    let mut article: Option<ArticleRef> = None;
    for p in record.people.iter().filter(|p| person.matches_key(p.key)) {
        let article = article.get_or_insert_with(|| ArticleRef {
            published: record.published_date(),
            id: record.id.to_string(),
            path: record.path.to_string(),
            title: record.title.map(str::to_string),
            source: record.source.map(str::to_string),
            title_from_text: record.title_from_text,
        });
        for m in &p.mentions {
            hits.push(MentionHit {
                article: article.clone(),
                sentence: record
                    .sentences
                    .get(m.sentence)
                    .map_or_else(String::new, |s| s.to_string()),
                highlight: m.highlight.0..m.highlight.1,
                text: m.text.to_string(),
                role: m.role.map(str::to_string),
                speaker: m.speaker,
                key: p.key.to_string(),
                name: p.name.to_string(),
                start: m.start,
            });
        }
    }
    hits
}

/// "document ID in the index" for an error message, from the document
/// store (only read when something is wrong).
fn describe(handle: &IndexHandle, address: tantivy::DocAddress) -> String {
    let id = handle
        .reader
        .searcher()
        .doc::<TantivyDocument>(address)
        .ok()
        .map(|d| crate::index::document::brief(&handle.fields, &d).id);
    match id {
        Some(id) if !id.is_empty() => format!("document {id:?} in the index"),
        _ => format!(
            "document {} of segment {} in the index",
            address.doc_id, address.segment_ord
        ),
    }
}

/// The hits of every stored article matching the filters (no ranking), in
/// index order. Documents are read, decoded and turned into hits on all
/// cores, each dropped as soon as its hits are made: for a person with
/// thousands of mentions this is most of the work.
/// Documents read in one go by one worker in [`for_each_matching`].
const DOCS_PER_RUN: usize = 64;

fn for_each_matching<T: Send>(
    handle: &IndexHandle,
    filters: &Filters,
    decode: fn(&crate::index::schema::Fields, &TantivyDocument) -> anyhow::Result<StoredArticle>,
    hits_of: impl Fn(StoredArticle) -> Vec<T> + Sync,
) -> anyhow::Result<Vec<T>> {
    use rayon::prelude::*;
    let query = with_filters(Box::new(AllQuery), filters.to_queries(&handle.fields));
    let searcher = handle.reader.searcher();
    let mut addresses: Vec<_> = searcher
        .search(&query, &DocSetCollector)
        .context("searching")?
        .into_iter()
        .collect();
    addresses.sort();
    // Runs of documents in index order, each read through its own store
    // reader: neighbours share compressed blocks, and no lock on a shared
    // block cache is taken per document.
    let runs: Vec<&[tantivy::DocAddress]> = addresses
        .chunk_by(|a, b| a.segment_ord == b.segment_ord)
        .flat_map(|segment| segment.chunks(DOCS_PER_RUN))
        .collect();
    let per_run: Vec<Vec<T>> = runs
        .into_par_iter()
        .map(|run| {
            let Some(first) = run.first() else {
                return Ok(Vec::new());
            };
            let store = searcher
                .segment_reader(first.segment_ord)
                .get_store_reader(1)
                .context("opening the document store")?;
            let mut hits = Vec::new();
            for a in run {
                let doc: TantivyDocument = store.get(a.doc_id).context("reading a document")?;
                hits.extend(hits_of(decode(&handle.fields, &doc)?));
            }
            Ok(hits)
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(per_run.into_iter().flatten().collect())
}
