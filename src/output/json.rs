//! JSON Lines output: one object per line, with every field the table shows
//! plus ids. The wire types live here, apart from the query types.

use std::io::{self, Write};

use serde::Serialize;

use crate::index::writer::IndexReport;
use crate::model::{Article, Entities};
use crate::query::entities::{ArticleRef, MentionHit, PlaceHit};
use crate::query::search::Hit;

/// Write one value as a JSON line.
pub fn line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// A search hit on the wire.
#[derive(Debug, Serialize)]
pub struct SearchHitJson<'a> {
    /// Rank, 1-based.
    pub rank: usize,
    /// BM25 score.
    pub score: f32,
    /// The article (its fields appear at the top level).
    #[serde(flatten)]
    pub article: ArticleJson<'a>,
    /// URL.
    pub url: Option<&'a str>,
    /// Language.
    pub lang: Option<&'a str>,
    /// Snippet text.
    pub snippet: &'a str,
    /// Page of the snippet in a paged document (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// Highlighted byte ranges of the snippet, `[start, end]`.
    pub highlights: Vec<[usize; 2]>,
    /// Canonical names of the places.
    pub places: Vec<&'a str>,
    /// Display names of the people.
    pub people: Vec<&'a str>,
    /// Other matching articles of the same story.
    pub reprints: Vec<ReprintJson<'a>>,
}

/// A reprint on the wire.
#[derive(Debug, Serialize)]
pub struct ReprintJson<'a> {
    /// Article id.
    pub id: &'a str,
    /// Source file.
    pub path: &'a str,
    /// Outlet.
    pub source: Option<&'a str>,
    /// Publication date.
    pub published: Option<String>,
}

impl<'a> SearchHitJson<'a> {
    /// Wire form of a hit.
    pub fn new(hit: &'a Hit) -> Self {
        let a = &hit.stored.article;
        SearchHitJson {
            rank: hit.rank,
            score: hit.score,
            article: ArticleJson {
                id: &a.id,
                path: &a.path,
                title: a.title.as_deref(),
                title_from: hit.stored.title_from_text.then_some("text"),
                source: a.source.as_deref(),
                published: a.published.map(|d| d.to_string()),
            },
            url: a.url.as_deref(),
            lang: a.lang.as_deref(),
            snippet: &hit.snippet.text,
            page: hit.page,
            highlights: hit
                .snippet
                .highlights
                .iter()
                .map(|r| [r.start, r.end])
                .collect(),
            places: hit
                .stored
                .entities
                .places
                .iter()
                .map(|p| p.name.as_str())
                .collect(),
            people: hit
                .stored
                .entities
                .people
                .iter()
                .map(|p| p.name.as_str())
                .collect(),
            reprints: hit
                .reprints
                .iter()
                .map(|r| ReprintJson {
                    id: &r.id,
                    path: &r.path,
                    source: r.source.as_deref(),
                    published: r.published.map(|d| d.to_string()),
                })
                .collect(),
        }
    }
}

/// The article a place or mention hit comes from, on the wire.
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    /// Article id.
    pub id: &'a str,
    /// Source file.
    pub path: &'a str,
    /// Title.
    pub title: Option<&'a str>,
    /// `"text"` when the title was made from the first sentence of the text
    /// (the file gave none); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_from: Option<&'static str>,
    /// Outlet.
    pub source: Option<&'a str>,
    /// Publication date.
    pub published: Option<String>,
}

impl<'a> ArticleJson<'a> {
    /// Wire form.
    pub fn new(a: &'a ArticleRef) -> Self {
        ArticleJson {
            id: &a.id,
            path: &a.path,
            title: a.title.as_deref(),
            title_from: a.title_from_text.then_some("text"),
            source: a.source.as_deref(),
            published: a.published.map(|d| d.to_string()),
        }
    }
}

/// An article about a place on the wire.
#[derive(Debug, Serialize)]
pub struct PlaceHitJson<'a> {
    /// Gazetteer id of the place asked for.
    pub place_id: &'a str,
    /// Its canonical name.
    pub place: &'a str,
    /// The article (its fields appear at the top level).
    #[serde(flatten)]
    pub article: ArticleJson<'a>,
    /// Sentence of the first mention.
    pub sentence: &'a str,
    /// The mention's byte range in the sentence.
    pub highlight: [usize; 2],
    /// Surface forms used in the article.
    pub variants: &'a [String],
    /// Places matched (itself or places inside it).
    pub matched: &'a [String],
}

impl<'a> PlaceHitJson<'a> {
    /// Wire form.
    pub fn new(place_id: &'a str, place: &'a str, hit: &'a PlaceHit) -> Self {
        PlaceHitJson {
            place_id,
            place,
            article: ArticleJson::new(&hit.article),
            sentence: &hit.sentence,
            highlight: [hit.highlight.start, hit.highlight.end],
            variants: &hit.variants,
            matched: &hit.matched,
        }
    }
}

/// A person mention on the wire.
#[derive(Debug, Serialize)]
pub struct MentionJson<'a> {
    /// Identity key of the person in that article.
    pub key: &'a str,
    /// Display name in that article.
    pub name: &'a str,
    /// Spelling used.
    pub text: &'a str,
    /// The article (its fields appear at the top level).
    #[serde(flatten)]
    pub article: ArticleJson<'a>,
    /// The sentence.
    pub sentence: &'a str,
    /// The name's byte range in the sentence.
    pub highlight: [usize; 2],
    /// Role or title.
    pub role: Option<&'a str>,
    /// Whether the person speaks.
    pub speaker: bool,
    /// Byte offset in the body.
    pub start: usize,
}

impl<'a> MentionJson<'a> {
    /// Wire form.
    pub fn new(hit: &'a MentionHit) -> Self {
        MentionJson {
            key: &hit.key,
            name: &hit.name,
            text: &hit.text,
            article: ArticleJson::new(&hit.article),
            sentence: &hit.sentence,
            highlight: [hit.highlight.start, hit.highlight.end],
            role: hit.role.as_deref(),
            speaker: hit.speaker,
            start: hit.start,
        }
    }
}

/// `frontline extract --json`: one object per article.
#[derive(Debug, Serialize)]
pub struct ExtractJson<'a> {
    /// Article id.
    pub path: &'a str,
    /// Title.
    pub title: Option<&'a str>,
    /// Publication date.
    pub published: Option<String>,
    /// Places.
    pub places: &'a [crate::model::Place],
    /// People.
    pub people: &'a [crate::model::Person],
    /// Dates.
    pub dates: &'a [crate::model::DateMention],
}

impl<'a> ExtractJson<'a> {
    /// Wire form.
    pub fn new(article: &'a Article, entities: &'a Entities) -> Self {
        ExtractJson {
            path: &article.id,
            title: article.title.as_deref(),
            published: article.published.map(|d| d.to_string()),
            places: &entities.places,
            people: &entities.people,
            dates: &entities.dates,
        }
    }
}

/// One facet value.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetValue {
    /// Id or key (place id, person key, outlet, month).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Articles (or stories) with this value.
    pub count: u64,
}

/// The facets of a result set, with display names.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct NamedFacets {
    /// Top places.
    pub places: Vec<FacetValue>,
    /// Top people.
    pub people: Vec<FacetValue>,
    /// Top outlets.
    pub sources: Vec<FacetValue>,
    /// Top publication months.
    pub months: Vec<FacetValue>,
}

/// `frontline index --json`.
pub fn index_report(out: &mut dyn Write, report: &IndexReport) -> io::Result<()> {
    line(out, report)
}
