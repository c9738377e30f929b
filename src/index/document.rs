//! Conversion between articles with their entities and tantivy documents.

use chrono::{NaiveDate, NaiveDateTime};
use tantivy::schema::{Facet, Value};
use tantivy::{DateTime, TantivyDocument};

use super::schema::Fields;
use crate::model::{Article, Entities, Format};

/// What the incremental indexer remembers about a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    /// Content hash (blake3, hex).
    pub hash: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, seconds since the epoch (0 when unknown).
    pub mtime: u64,
}

/// An article as stored in the index, with its entities.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// The article (body included).
    pub article: Article,
    /// Its entities with mentions and offsets into the body.
    pub entities: Entities,
    /// The title was made from the text (the file gave none); see
    /// [`Article::title_from_text`].
    pub title_from_text: bool,
}

/// A date as a tantivy value (midnight UTC).
pub fn date_value(date: NaiveDate) -> DateTime {
    let secs = NaiveDateTime::from(date).and_utc().timestamp();
    DateTime::from_timestamp_secs(secs)
}

/// The calendar day of a tantivy date value.
pub fn naive_date(value: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(value.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// Build the tantivy document of one article.
///
/// `facets` are the place hierarchy paths (`/ukraine/donetsk-oblast/pokrovsk`)
/// computed by the caller from the gazetteer.
pub fn to_document(
    fields: &Fields,
    article: &Article,
    entities: &Entities,
    stamp: &FileStamp,
    facets: &[String],
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.path, &article.path);
    if let Some(title) = &article.title {
        doc.add_text(fields.title, title);
        doc.add_text(fields.title_latin, title);
    } else if let Some(derived) = article.title_from_text() {
        doc.add_text(fields.derived_title, derived);
    }
    doc.add_text(fields.body, &article.body);
    doc.add_text(fields.body_latin, &article.body);
    doc.add_bytes(fields.minhash, &super::signature::minhash(&article.body));
    if let Some(date) = article.published {
        doc.add_date(fields.published, date_value(date));
    }
    if let Some(source) = &article.source {
        doc.add_text(fields.source, source);
    }
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(lang) = &article.lang {
        doc.add_text(fields.lang, lang);
    }
    doc.add_text(fields.format, article.format.as_str());
    doc.add_text(fields.hash, &stamp.hash);
    doc.add_u64(fields.size, stamp.size);
    doc.add_u64(fields.mtime, stamp.mtime);
    let mut pairs = Vec::new();
    for place in &entities.places {
        doc.add_text(fields.place, &place.id);
        pairs.extend(
            place
                .mentions
                .iter()
                .map(|m| format!("{}\t{}", place.id, m.text)),
        );
    }
    pairs.sort();
    pairs.dedup();
    for pair in pairs.drain(..) {
        doc.add_text(fields.place_variant, pair);
    }
    let mut tree: Vec<&str> = Vec::new();
    for path in facets {
        if let Ok(facet) = Facet::from_text(path) {
            doc.add_facet(fields.place_facet, facet);
        }
        tree.extend(path.split('/').filter(|s| !s.is_empty()));
    }
    tree.sort_unstable();
    tree.dedup();
    for id in tree {
        doc.add_text(fields.place_tree, id);
    }
    for person in &entities.people {
        doc.add_text(fields.person, &person.key);
        let surname = crate::extract::people::surname_of_key(&person.key);
        doc.add_text(fields.person_surname, surname);
        pairs.extend(
            person
                .mentions
                .iter()
                .map(|m| format!("{}\t{}", person.key, m.text)),
        );
    }
    pairs.sort();
    pairs.dedup();
    for pair in pairs {
        doc.add_text(fields.person_spelling, pair);
    }
    let mut days: Vec<NaiveDate> = entities
        .dates
        .iter()
        .filter_map(|d| d.first_day())
        .collect();
    days.sort_unstable();
    days.dedup();
    for day in days {
        doc.add_date(fields.mentioned, date_value(day));
    }
    // Entities are stored as one JSON string: compact, and read only for the
    // documents a command displays.
    if let Ok(json) = serde_json::to_string(entities) {
        doc.add_text(fields.entities, json);
    }
    doc
}

/// Read an article and its entities back from a stored document.
pub fn from_document(fields: &Fields, doc: &TantivyDocument) -> StoredArticle {
    read_document(fields, doc, |json| serde_json::from_str(json).ok())
}

/// Like [`from_document`], decoding only the people of the entities: the
/// other kinds are skipped unparsed, which matters when listing thousands of
/// mentions.
pub fn from_document_people(fields: &Fields, doc: &TantivyDocument) -> StoredArticle {
    #[derive(serde::Deserialize)]
    struct PeopleOnly {
        #[serde(default)]
        people: Vec<crate::model::Person>,
    }
    read_document(fields, doc, |json| {
        let p: PeopleOnly = serde_json::from_str(json).ok()?;
        Some(Entities {
            people: p.people,
            ..Entities::default()
        })
    })
}

fn read_document(
    fields: &Fields,
    doc: &TantivyDocument,
    decode: impl Fn(&str) -> Option<Entities>,
) -> StoredArticle {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let format = text(fields.format)
        .and_then(|f| Format::from_name(&f))
        .unwrap_or(Format::Txt);
    let published = doc
        .get_first(fields.published)
        .and_then(|v| v.as_datetime())
        .and_then(naive_date);
    let entities = doc
        .get_first(fields.entities)
        .and_then(|v| v.as_str())
        .and_then(decode)
        .unwrap_or_default();
    let title = text(fields.title);
    let derived = title
        .is_none()
        .then(|| text(fields.derived_title))
        .flatten();
    StoredArticle {
        title_from_text: derived.is_some(),
        article: Article {
            id: text(fields.id).unwrap_or_default(),
            path: text(fields.path).unwrap_or_default(),
            format,
            title: title.or(derived),
            published,
            source: text(fields.source),
            url: text(fields.url),
            lang: text(fields.lang),
            body: text(fields.body).unwrap_or_default(),
        },
        entities,
    }
}
