//! Conversion between articles with their entities and tantivy documents.

use chrono::{NaiveDate, NaiveDateTime};
use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use super::schema::Fields;
use crate::model::{Article, Entities, EntityKind, Format};

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
    /// Its entities, with mention offsets into the article text (title, blank
    /// line, body: [`Article::text`]).
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
    } else if let Some(derived) = article.title_from_text() {
        doc.add_text(fields.derived_title, derived);
    }
    doc.add_text(fields.body, &article.body);
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
    // The terms of every entity kind, each written by its own module.
    let input = super::kinds::Indexed {
        article,
        entities,
        facets,
    };
    for kind in EntityKind::ALL {
        super::kinds::of(kind).add_terms(fields, input, &mut doc);
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
///
/// A document whose stored entities are not valid JSON, or whose format is
/// unknown, is an error naming the document: a damaged or foreign index is
/// reported, never shown as an article without entities.
pub fn from_document(fields: &Fields, doc: &TantivyDocument) -> anyhow::Result<StoredArticle> {
    read_document(fields, doc, |json| serde_json::from_str(json))
}

/// Like [`from_document`], decoding only the entities of one kind: the
/// other kinds are skipped unparsed, which matters when listing thousands of
/// articles (see [`Entities::from_json_only`]).
pub fn from_document_only(
    fields: &Fields,
    doc: &TantivyDocument,
    kind: EntityKind,
) -> anyhow::Result<StoredArticle> {
    read_document(fields, doc, |json| Entities::from_json_only(json, kind))
}

/// What `mentions` needs of one article: the article's reference and, per
/// person, each mention with its sentence. Written at index time into the
/// `person_mentions` fast column, for each article that names someone;
/// `mentions` reads it per matching document instead of decompressing the
/// article from the document store and decoding its entities' JSON.
///
/// Stored as postcard (a compact binary serde format, positional: fields
/// are read in this order), compressed with LZ4, as the values of a
/// multi-valued `u64` fast column: the byte length, then the bytes eight to
/// a value (little-endian). Not a bytes column: its dictionary compresses
/// blocks with zstd and creates a decoder per block, which was half the
/// cost of reading thousands of records; numeric columns need no decoder.
/// Strings borrow from the decoded buffer, so reading a record allocates
/// only for the mentions kept.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct MentionRecord<'a> {
    /// Article id.
    pub id: &'a str,
    /// Source file.
    pub path: &'a str,
    /// Title, or the title made from the text (see `title_from_text`).
    pub title: Option<&'a str>,
    /// The title was made from the text.
    pub title_from_text: bool,
    /// Outlet.
    pub source: Option<&'a str>,
    /// Publication date, as days from the common era (chrono's
    /// `num_days_from_ce`).
    pub published: Option<i32>,
    /// The distinct sentences of the mentions, in text order.
    pub sentences: Vec<&'a str>,
    /// People, in order of first mention.
    #[serde(borrow)]
    pub people: Vec<RecordPerson<'a>>,
}

/// A person of a [`MentionRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct RecordPerson<'a> {
    /// Identity key.
    pub key: &'a str,
    /// Display name in this article.
    pub name: &'a str,
    /// Every mention, in text order.
    #[serde(borrow)]
    pub mentions: Vec<RecordMention<'a>>,
}

/// A mention of a [`RecordPerson`].
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct RecordMention<'a> {
    /// Spelling used.
    pub text: &'a str,
    /// Byte offset in the article text ([`Article::text`]).
    pub start: usize,
    /// Role or title next to the name.
    pub role: Option<&'a str>,
    /// Whether the person speaks in this sentence.
    pub speaker: bool,
    /// Index of its sentence in [`MentionRecord::sentences`].
    pub sentence: usize,
    /// The name's byte range in that sentence.
    pub highlight: (usize, usize),
}

/// Reusable buffers for reading [`MentionRecord`]s.
#[derive(Debug, Default)]
pub struct RecordBuf {
    packed: Vec<u8>,
    plain: Vec<u8>,
}

impl MentionRecord<'_> {
    /// The stored values of an article's record, `None` when it names no
    /// one.
    pub fn words_of(article: &Article, entities: &Entities) -> Option<Vec<u64>> {
        if entities.people.is_empty() {
            return None;
        }
        let derived = article
            .title
            .is_none()
            .then(|| article.title_from_text())
            .flatten();
        let mut sentences: Vec<String> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        let mut placed: Vec<Vec<(usize, std::ops::Range<usize>)>> = Vec::new();
        for p in &entities.people {
            let mut at = Vec::with_capacity(p.mentions.len());
            for m in &p.mentions {
                let (sentence, range) =
                    crate::query::text::sentence_in_article(article, m.start, m.end);
                let next = sentences.len();
                let i = *index.entry(sentence).or_insert_with_key(|s| {
                    sentences.push(s.clone());
                    next
                });
                at.push((i, range));
            }
            placed.push(at);
        }
        let record = MentionRecord {
            id: &article.id,
            path: &article.path,
            title: article.title.as_deref().or(derived.as_deref()),
            title_from_text: derived.is_some(),
            source: article.source.as_deref(),
            published: article
                .published
                .map(|d| chrono::Datelike::num_days_from_ce(&d)),
            sentences: sentences.iter().map(String::as_str).collect(),
            people: entities
                .people
                .iter()
                .zip(&placed)
                .map(|(p, at)| RecordPerson {
                    key: &p.key,
                    name: &p.name,
                    mentions: p
                        .mentions
                        .iter()
                        .zip(at)
                        .map(|(m, (i, range))| RecordMention {
                            text: &m.text,
                            start: m.start,
                            role: m.role.as_deref(),
                            speaker: m.speaker,
                            sentence: *i,
                            highlight: (range.start, range.end),
                        })
                        .collect(),
                })
                .collect(),
        };
        // Serialising plain data into a Vec cannot fail.
        let plain = postcard::to_allocvec(&record).unwrap_or_default();
        let bytes = lz4_flex::compress_prepend_size(&plain);
        let mut words = Vec::with_capacity(1 + bytes.len().div_ceil(8));
        words.push(bytes.len() as u64);
        words.extend(bytes.chunks(8).map(|c| {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            u64::from_le_bytes(w)
        }));
        Some(words)
    }

    /// Read the values of [`MentionRecord::words_of`] back; an error when
    /// they are not a record.
    pub fn read(
        words: impl Iterator<Item = u64>,
        buf: &mut RecordBuf,
    ) -> anyhow::Result<MentionRecord<'_>> {
        let mut words = words;
        let len = words
            .next()
            .ok_or_else(|| anyhow::anyhow!("no mention record"))?;
        let packed = &mut buf.packed;
        packed.clear();
        for w in words {
            packed.extend_from_slice(&w.to_le_bytes());
        }
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        anyhow::ensure!(
            len <= packed.len() && packed.len() - len < 8,
            "mention record of {len} bytes in {} bytes of values",
            packed.len()
        );
        packed.truncate(len);
        // The size prefix of a damaged record could ask for any amount of
        // memory: LZ4 expands at most 255 times.
        let size = packed
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or_else(|| anyhow::anyhow!("mention record too short"))?;
        anyhow::ensure!(
            size <= len.saturating_mul(255),
            "mention record size {size} out of range"
        );
        buf.plain.clear();
        buf.plain.resize(size, 0);
        let n = lz4_flex::decompress_into(&packed[4..], &mut buf.plain)?;
        anyhow::ensure!(n == size, "mention record of {n} bytes, expected {size}");
        Ok(postcard::from_bytes(&buf.plain)?)
    }

    /// The publication date.
    pub fn published_date(&self) -> Option<NaiveDate> {
        self.published
            .and_then(NaiveDate::from_num_days_from_ce_opt)
    }
}

/// The id, path, outlet and date of a stored document, without decoding its
/// entities or copying its text (reprint lists need no more).
pub fn brief(fields: &Fields, doc: &TantivyDocument) -> Brief {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    Brief {
        id: text(fields.id).unwrap_or_default(),
        path: text(fields.path).unwrap_or_default(),
        source: text(fields.source),
        published: doc
            .get_first(fields.published)
            .and_then(|v| v.as_datetime())
            .and_then(naive_date),
    }
}

/// What [`brief`] reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    /// Article id.
    pub id: String,
    /// Source file.
    pub path: String,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
}

fn read_document(
    fields: &Fields,
    doc: &TantivyDocument,
    decode: impl Fn(&str) -> serde_json::Result<Entities>,
) -> anyhow::Result<StoredArticle> {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let id = text(fields.id).unwrap_or_default();
    let format = match text(fields.format) {
        Some(f) => Format::from_name(&f).ok_or_else(|| {
            anyhow::anyhow!("document {id:?} in the index has an unknown format {f:?}; run `frontline index --rebuild`")
        })?,
        None => anyhow::bail!("document {id:?} in the index has no format; run `frontline index --rebuild`"),
    };
    let published = doc
        .get_first(fields.published)
        .and_then(|v| v.as_datetime())
        .and_then(naive_date);
    let entities = match doc.get_first(fields.entities).and_then(|v| v.as_str()) {
        Some(json) => decode(json).map_err(|e| {
            anyhow::anyhow!("document {id:?} in the index has unreadable entities ({e}); run `frontline index --rebuild`")
        })?,
        None => Entities::default(),
    };
    let title = text(fields.title);
    let derived = title
        .is_none()
        .then(|| text(fields.derived_title))
        .flatten();
    Ok(StoredArticle {
        title_from_text: derived.is_some(),
        article: Article {
            id,
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mention_records_round_trip_and_damage_is_an_error() {
        use crate::model::{Person, PersonMention};
        let article = Article {
            id: "a.json#2".into(),
            path: "a.json".into(),
            format: Format::Json,
            title: Some("Zelensky in Kyiv".into()),
            published: NaiveDate::from_ymd_opt(2024, 2, 29),
            source: Some("Wire".into()),
            url: None,
            lang: None,
            body: "Zelensky spoke. Then Yermak said no. Zelensky left.".into(),
        };
        let text = article.text();
        let mention = |name: &str, nth: usize| {
            let start = text.match_indices(name).nth(nth).expect("in text").0;
            PersonMention {
                text: name.into(),
                start,
                end: start + name.len(),
                role: (nth == 1).then(|| "President".to_string()),
                speaker: nth == 0,
            }
        };
        let entities = Entities {
            people: vec![
                Person {
                    key: "zelenski".into(),
                    name: "Zelensky".into(),
                    mentions: vec![
                        mention("Zelensky", 0),
                        mention("Zelensky", 1),
                        mention("Zelensky", 2),
                    ],
                },
                Person {
                    key: "ermak".into(),
                    name: "Yermak".into(),
                    mentions: vec![mention("Yermak", 0)],
                },
            ],
            ..Entities::default()
        };
        let words = MentionRecord::words_of(&article, &entities).expect("names people");
        let mut buf = RecordBuf::default();
        let record = MentionRecord::read(words.iter().copied(), &mut buf).expect("reads back");
        assert_eq!(record.id, "a.json#2");
        assert_eq!(record.title, Some("Zelensky in Kyiv"));
        assert_eq!(record.published_date(), article.published);
        // Each mention's sentence is what the article gives for it, and the
        // highlight is the name.
        for (p, person) in record.people.iter().zip(&entities.people) {
            assert_eq!(p.key, person.key);
            for (m, want) in p.mentions.iter().zip(&person.mentions) {
                let (sentence, range) =
                    crate::query::text::sentence_in_article(&article, want.start, want.end);
                assert_eq!(record.sentences[m.sentence], sentence);
                assert_eq!(&sentence[m.highlight.0..m.highlight.1], want.text);
                assert_eq!(
                    (m.start, m.role, m.speaker),
                    (want.start, want.role.as_deref(), want.speaker)
                );
                assert_eq!(m.highlight, (range.start, range.end));
            }
        }
        // The title and three body sentences, each stored once.
        assert_eq!(record.sentences.len(), 4, "{:?}", record.sentences);
        assert!(MentionRecord::words_of(&article, &Entities::default()).is_none());
        // Damaged values are errors, never a panic.
        let mut bad = words.clone();
        bad[0] = 3;
        assert!(MentionRecord::read(bad.iter().copied(), &mut buf).is_err());
        let mut bad = words.clone();
        bad[1] ^= 0xffff_ffff;
        assert!(MentionRecord::read(bad.iter().copied(), &mut buf).is_err());
        for cut in [0, 1, words.len() / 2] {
            assert!(MentionRecord::read(words[..cut].iter().copied(), &mut buf).is_err());
        }
    }

    fn stored(fields: &Fields, format: &str, entities: &str) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.id, "feed.json#3");
        doc.add_text(fields.path, "feed.json");
        doc.add_text(fields.body, "Shelling near Pokrovsk.");
        doc.add_text(fields.format, format);
        doc.add_text(fields.entities, entities);
        doc
    }

    #[test]
    fn damaged_documents_are_errors_that_name_them() {
        let (_, fields) = super::super::schema::build();
        let good = stored(&fields, "json", r#"{"places":[],"people":[],"dates":[]}"#);
        assert_eq!(
            from_document(&fields, &good).expect("good").article.format,
            Format::Json
        );
        for (format, entities, says) in [
            ("json", "{not json", "unreadable entities"),
            ("json", r#"{"people": 3}"#, "unreadable entities"),
            (
                "wordperfect",
                r#"{"places":[],"people":[],"dates":[]}"#,
                "unknown format \"wordperfect\"",
            ),
        ] {
            let doc = stored(&fields, format, entities);
            for result in [
                from_document(&fields, &doc),
                from_document_only(&fields, &doc, EntityKind::Person),
            ] {
                let err = format!("{:#}", result.expect_err(entities));
                assert!(err.contains("feed.json#3"), "{err}");
                assert!(err.contains(says), "{err}");
            }
        }
        // Decoding only one kind checks only that kind.
        for (kind, entities, ok) in [
            (EntityKind::Claim, "{not json", false),
            (EntityKind::Claim, r#"{"claims": 3}"#, false),
            (EntityKind::Claim, r#"{"people": 3}"#, true),
            (
                EntityKind::Claim,
                r#"{"places":[],"people":[],"dates":[]}"#,
                true,
            ),
            (EntityKind::Person, r#"{"claims": 3, "people": []}"#, true),
            (EntityKind::Place, r#"{"places": {}}"#, false),
            (EntityKind::Place, r#"[]"#, false),
        ] {
            let result = from_document_only(&fields, &stored(&fields, "json", entities), kind);
            assert_eq!(result.is_ok(), ok, "{kind:?} {entities}");
        }
    }
}
