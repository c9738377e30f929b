//! The JSON contract: every line frontline prints with `--json` (and every
//! object the web API returns) is one [`Line`], a typed struct tagged with
//! `"type"`, so a reader tells a hit from the facets that follow it without
//! guessing, as with ripgrep's `begin`/`match`/`end`/`summary`.
//!
//! | `type` | printed by | struct |
//! |---|---|---|
//! | `hit` | `search` | [`HitLine`] |
//! | `facets` | `search --facets`, after the hits | [`FacetsLine`] |
//! | `place_article` | `place NAME` | [`PlaceArticleLine`] |
//! | `place` | `places` | [`PlaceLine`] |
//! | `mention` | `mentions NAME` | [`MentionLine`] |
//! | `person` | `people` | [`PersonLine`] |
//! | `period` | `timeline` | [`PeriodLine`] |
//! | `stats` | `stats` | [`StatsLine`] |
//! | `extracted` | `extract` | [`ExtractedLine`] |
//! | `summary` | `index` | [`SummaryLine`] |
//! | `claim` | `claims PLACE` | [`ClaimLine`] |
//! | `claim_state` | `claims PLACE`, after the claims | [`ClaimStateLine`] |
//! | `claim_place` | `claims` | [`ClaimPlaceLine`] |
//!
//! Offsets (`start`, `end`, and the mentions of `extracted`) are byte
//! offsets into the article text: the title, a blank line (`"\n\n"`), then
//! the body, or the body alone when there is no title ([`Article::text`]).
//! Highlights are byte ranges of the `snippet` or `sentence` they come with.
//!
//! `export` is the one exception: its lines are documents for the Quickwit
//! doc mapping in `docs/quickwit-index.yaml` ([`ExportDoc`]), which is
//! strict and has no `type`.
//!
//! These are the only JSON shapes: renderers and the web build them with
//! the `Type::line` constructors here from the service's results, never
//! with `json!`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::index::document::StoredArticle;
use crate::index::writer::IndexReport;
use crate::model::{Article, Claim, ClaimPlace, DateMention, Entities, EntityKind, Person, Place};
use crate::query::entities::{ArticleRef, MentionHit, PlaceHit};
use crate::query::search::Hit;
use crate::service::{ClaimPlaceRow, ClaimRow, ClaimState, PersonRow, PlaceRow, Stats};
use crate::service::{FacetValue as Facet, NamedFacets};

/// Write one line of the contract.
pub fn line(out: &mut dyn Write, value: &Line) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Write any serialisable value as one JSON line (for [`ExportDoc`]).
pub fn raw_line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// One JSON line, tagged by `"type"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Line {
    /// A search hit.
    Hit(HitLine),
    /// The facets of a search's whole result set.
    Facets(FacetsLine),
    /// An article about a place.
    PlaceArticle(PlaceArticleLine),
    /// A place in the ranking.
    Place(PlaceLine),
    /// A mention of a person.
    Mention(MentionLine),
    /// A person in the ranking.
    Person(PersonLine),
    /// One period of a timeline.
    Period(PeriodLine),
    /// Numbers about the index.
    Stats(StatsLine),
    /// What `extract` found in one article.
    Extracted(ExtractedLine),
    /// The summary of an indexing run.
    Summary(SummaryLine),
    /// A control claim about a place.
    Claim(ClaimLine),
    /// The state of a place as each side tells it.
    ClaimState(ClaimStateLine),
    /// A place in the list of recent claims.
    ClaimPlace(ClaimPlaceLine),
}

/// The article a line is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleFields {
    /// Article id (path, plus `#N` for records of JSON files).
    pub id: String,
    /// Source file, relative to the indexed folder.
    pub path: String,
    /// Title.
    pub title: Option<String>,
    /// `"text"` when the title was made from the first sentence of the text
    /// (the file gave none); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_from: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
}

impl ArticleFields {
    fn of_ref(a: &ArticleRef) -> Self {
        ArticleFields {
            id: a.id.clone(),
            path: a.path.clone(),
            title: a.title.clone(),
            title_from: a.title_from_text.then(|| "text".to_string()),
            source: a.source.clone(),
            published: a.published.map(|d| d.to_string()),
        }
    }
}

/// `type: hit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HitLine {
    /// Rank, 1-based, in the whole result list.
    pub rank: usize,
    /// BM25 score (0 when sorted by date).
    pub score: f64,
    /// The article (its fields appear at the top level).
    #[serde(flatten)]
    pub article: ArticleFields,
    /// URL.
    pub url: Option<String>,
    /// Language.
    pub lang: Option<String>,
    /// Text around the best match.
    pub snippet: String,
    /// Page of the snippet in a paged document (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// Byte ranges of `snippet` to highlight, `[start, end]`.
    pub highlights: Vec<[usize; 2]>,
    /// Canonical names of the places.
    pub places: Vec<String>,
    /// Display names of the people.
    pub people: Vec<String>,
    /// Other matching articles of the same story.
    pub reprints: Vec<ReprintFields>,
}

/// A reprint listed with a hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReprintFields {
    /// Article id.
    pub id: String,
    /// Source file.
    pub path: String,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<String>,
}

impl HitLine {
    /// Wire form of a hit.
    pub fn line(hit: &Hit) -> Line {
        let a = &hit.stored.article;
        let e = &hit.stored.entities;
        Line::Hit(HitLine {
            rank: hit.rank,
            score: f64::from(hit.score),
            article: ArticleFields::of_ref(&ArticleRef::of_stored(&hit.stored)),
            url: a.url.clone(),
            lang: a.lang.clone(),
            snippet: hit.snippet.text.clone(),
            page: hit.page,
            highlights: hit
                .snippet
                .highlights
                .iter()
                .map(|r| [r.start, r.end])
                .collect(),
            places: e.places.iter().map(|p| p.name.clone()).collect(),
            people: e.people.iter().map(|p| p.name.clone()).collect(),
            reprints: hit
                .reprints
                .iter()
                .map(|r| ReprintFields {
                    id: r.id.clone(),
                    path: r.path.clone(),
                    source: r.source.clone(),
                    published: r.published.map(|d| d.to_string()),
                })
                .collect(),
        })
    }
}

/// One facet value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// Id or key (place id, person key, outlet, month).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Articles (or stories) with this value.
    pub count: u64,
}

/// `type: facets`: one list per entity kind (keyed by its plural, `places`,
/// `people`, …), then `sources` and `months`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetsLine {
    /// Top outlets.
    pub sources: Vec<FacetValue>,
    /// Top publication months.
    pub months: Vec<FacetValue>,
    /// Top values of each entity kind, by the kind's plural name.
    #[serde(flatten)]
    pub entities: BTreeMap<String, Vec<FacetValue>>,
}

impl FacetsLine {
    /// Wire form of named facets.
    pub fn line(f: &NamedFacets) -> Line {
        let values = |v: &[Facet]| {
            v.iter()
                .map(|x| FacetValue {
                    id: x.id.clone(),
                    name: x.name.clone(),
                    count: x.count,
                })
                .collect::<Vec<_>>()
        };
        Line::Facets(FacetsLine {
            sources: values(&f.sources),
            months: values(&f.months),
            entities: f
                .entities
                .iter()
                .map(|(k, v)| (k.plural().to_string(), values(v)))
                .collect(),
        })
    }

    /// The values of one kind.
    pub fn of(&self, kind: EntityKind) -> &[FacetValue] {
        self.entities.get(kind.plural()).map_or(&[], Vec::as_slice)
    }
}

/// `type: place_article`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceArticleLine {
    /// Gazetteer id of the place asked for.
    pub place_id: String,
    /// Its canonical name.
    pub place: String,
    /// The article (its fields appear at the top level).
    #[serde(flatten)]
    pub article: ArticleFields,
    /// Sentence of the first mention.
    pub sentence: String,
    /// The mention's byte range in `sentence`.
    pub highlight: [usize; 2],
    /// Surface forms used in the article.
    pub variants: Vec<String>,
    /// Places matched (itself or places inside it).
    pub matched: Vec<String>,
}

impl PlaceArticleLine {
    /// Wire form.
    pub fn line(place_id: &str, place: &str, hit: &PlaceHit) -> Line {
        Line::PlaceArticle(PlaceArticleLine {
            place_id: place_id.to_string(),
            place: place.to_string(),
            article: ArticleFields::of_ref(&hit.article),
            sentence: hit.sentence.clone(),
            highlight: [hit.highlight.start, hit.highlight.end],
            variants: hit.variants.clone(),
            matched: hit.matched.clone(),
        })
    }
}

/// `type: place`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceLine {
    /// Gazetteer id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind, when known.
    pub kind: Option<String>,
    /// Articles.
    pub articles: u64,
    /// Surface forms seen, most frequent first.
    pub variants: Vec<String>,
}

impl PlaceLine {
    /// Wire form.
    pub fn line(r: &PlaceRow) -> Line {
        Line::Place(PlaceLine {
            id: r.id.clone(),
            name: r.name.clone(),
            kind: r.kind.clone(),
            articles: r.articles,
            variants: r.variants.clone(),
        })
    }
}

/// `type: mention`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionLine {
    /// Identity key of the person in that article.
    pub key: String,
    /// Display name in that article.
    pub name: String,
    /// Spelling used.
    pub text: String,
    /// The article (its fields appear at the top level).
    #[serde(flatten)]
    pub article: ArticleFields,
    /// The sentence.
    pub sentence: String,
    /// The name's byte range in `sentence`.
    pub highlight: [usize; 2],
    /// Role or title.
    pub role: Option<String>,
    /// Whether the person speaks.
    pub speaker: bool,
    /// Byte offset of the mention in the article text (title, blank line,
    /// body; see the module docs).
    pub start: usize,
}

impl MentionLine {
    /// Wire form.
    pub fn line(hit: &MentionHit) -> Line {
        Line::Mention(MentionLine {
            key: hit.key.clone(),
            name: hit.name.clone(),
            text: hit.text.clone(),
            article: ArticleFields::of_ref(&hit.article),
            sentence: hit.sentence.clone(),
            highlight: [hit.highlight.start, hit.highlight.end],
            role: hit.role.clone(),
            speaker: hit.speaker,
            start: hit.start,
        })
    }
}

/// `type: person`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonLine {
    /// Identity key.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Articles.
    pub articles: u64,
    /// Spellings, most frequent first.
    pub spellings: Vec<String>,
}

impl PersonLine {
    /// Wire form.
    pub fn line(r: &PersonRow) -> Line {
        Line::Person(PersonLine {
            key: r.key.clone(),
            name: r.name.clone(),
            articles: r.articles,
            spellings: r.spellings.clone(),
        })
    }
}

/// `type: period`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodLine {
    /// `YYYY-MM-DD`, `YYYY-MM-DD (Wnn)` or `YYYY-MM`.
    pub period: String,
    /// Articles (or stories) in it.
    pub articles: u64,
}

impl PeriodLine {
    /// Wire form.
    pub fn line(period: &str, articles: u64) -> Line {
        Line::Period(PeriodLine {
            period: period.to_string(),
            articles,
        })
    }
}

/// `type: stats`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsLine {
    /// Articles.
    pub articles: u64,
    /// Articles per format.
    pub formats: BTreeMap<String, u64>,
    /// Articles per outlet (top 50).
    pub sources: BTreeMap<String, u64>,
    /// Earliest publication date.
    pub published_from: Option<String>,
    /// Latest publication date.
    pub published_to: Option<String>,
    /// Bytes of the index folder.
    pub index_bytes: u64,
    /// Bytes per field.
    pub field_bytes: BTreeMap<String, u64>,
    /// When the last indexing run committed.
    pub indexed_at: Option<String>,
    /// The folder indexed.
    pub root: Option<String>,
}

impl StatsLine {
    /// Wire form.
    pub fn line(s: &Stats) -> Line {
        Line::Stats(StatsLine {
            articles: s.articles,
            formats: s.formats.iter().cloned().collect(),
            sources: s.sources.iter().cloned().collect(),
            published_from: s.published.map(|r| r.0.to_string()),
            published_to: s.published.map(|r| r.1.to_string()),
            index_bytes: s.index_bytes,
            field_bytes: s.field_bytes.clone(),
            indexed_at: s.meta.indexed_at.clone(),
            root: s.meta.root.clone(),
        })
    }
}

/// `type: extracted`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedLine {
    /// Article id.
    pub path: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Places, with mentions.
    pub places: Vec<Place>,
    /// People, with mentions.
    pub people: Vec<Person>,
    /// Dates.
    pub dates: Vec<DateMention>,
    /// Control claims (always present, possibly empty).
    #[serde(default)]
    pub claims: Vec<Claim>,
}

impl ExtractedLine {
    /// Wire form.
    pub fn line(article: &Article, entities: &Entities) -> Line {
        Line::Extracted(ExtractedLine {
            path: article.id.clone(),
            title: article.title.clone(),
            published: article.published.map(|d| d.to_string()),
            places: entities.places.clone(),
            people: entities.people.clone(),
            dates: entities.dates.clone(),
            claims: entities.claims.clone(),
        })
    }
}

/// `type: summary`: what an indexing run did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryLine {
    /// The report's counts (files, articles, changes, skips, time).
    #[serde(flatten)]
    pub report: IndexReport,
}

impl SummaryLine {
    /// Wire form.
    pub fn line(report: &IndexReport) -> Line {
        Line::Summary(SummaryLine {
            report: report.clone(),
        })
    }
}

/// `type: claim`: one control claim, in the shape of `extract`'s `claims`,
/// with the article it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimLine {
    /// The article.
    pub article: ArticleFields,
    /// The claim (`place`, `controller`, `extent`, `claimant`, `denial`,
    /// `date`, `sentence`, `start`, `end`).
    pub claim: Claim,
}

impl ClaimLine {
    /// Wire form.
    pub fn line(row: &ClaimRow) -> Line {
        Line::Claim(ClaimLine::of(row))
    }

    fn of(row: &ClaimRow) -> ClaimLine {
        ClaimLine {
            article: ArticleFields::of_ref(&row.article),
            claim: row.claim.clone(),
        }
    }
}

/// `type: claim_state`: the latest claim of each side about a place, and
/// whether they disagree in the same period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimStateLine {
    /// The place.
    pub place: Option<ClaimPlace>,
    /// The latest claim of the `RU` side.
    pub ru: Option<ClaimLine>,
    /// The latest claim of the `UA` side.
    pub ua: Option<ClaimLine>,
    /// The two disagree within `within_days` of each other.
    pub contested: bool,
    /// The period, in days.
    pub within_days: i64,
}

impl ClaimStateLine {
    /// Wire form.
    pub fn line(state: &ClaimState) -> Line {
        Line::ClaimState(ClaimStateLine::of(state))
    }

    fn of(state: &ClaimState) -> ClaimStateLine {
        ClaimStateLine {
            place: state.place.clone(),
            ru: state.ru.as_ref().map(ClaimLine::of),
            ua: state.ua.as_ref().map(ClaimLine::of),
            contested: state.contested,
            within_days: crate::service::CONTESTED_WITHIN_DAYS,
        }
    }
}

/// `type: claim_place`: a place with recent claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimPlaceLine {
    /// The place.
    pub place: ClaimPlace,
    /// Claims about it.
    pub claims: usize,
    /// Articles with such claims.
    pub articles: usize,
    /// Date of the latest claim, `YYYY-MM-DD`.
    pub latest: Option<String>,
    /// The state as each side tells it.
    pub state: ClaimStateLine,
}

impl ClaimPlaceLine {
    /// Wire form.
    pub fn line(row: &ClaimPlaceRow) -> Line {
        Line::ClaimPlace(ClaimPlaceLine {
            place: row.place.clone(),
            claims: row.claims,
            articles: row.articles,
            latest: row.latest.map(|d| d.to_string()),
            state: ClaimStateLine::of(&row.state),
        })
    }
}

/// One exported document. Field names match the Quickwit doc mapping.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportDoc {
    /// Article id.
    pub id: String,
    /// Source file.
    pub path: String,
    /// Title.
    pub title: Option<String>,
    /// Body text.
    pub body: String,
    /// Title and body as frontline's text fields index them: every word
    /// folded to Latin, space-separated (see `docs/scale-out.md`).
    pub text_folded: String,
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
    /// Control claims, in the shape of `extract`'s `claims`.
    pub claims: Vec<Claim>,
}

impl ExportDoc {
    /// The export form of a stored article and its places' facet paths.
    pub fn new(stored: StoredArticle, place_facet: Vec<String>, text_folded: String) -> ExportDoc {
        let (a, e) = (stored.article, stored.entities);
        let rfc3339 = |d: chrono::NaiveDate| format!("{d}T00:00:00Z");
        let mut mentioned: Vec<String> = e
            .dates
            .iter()
            .filter_map(|d| d.first_day())
            .map(rfc3339)
            .collect();
        mentioned.sort();
        mentioned.dedup();
        ExportDoc {
            place: e.places.iter().map(|p| p.id.clone()).collect(),
            place_name: e.places.iter().map(|p| p.name.clone()).collect(),
            place_facet,
            person: e.people.iter().map(|p| p.key.clone()).collect(),
            person_name: e.people.iter().map(|p| p.name.clone()).collect(),
            mentioned,
            claims: e.claims,
            id: a.id,
            path: a.path,
            title: a.title,
            body: a.body,
            text_folded,
            published: a.published.map(rfc3339),
            source: a.source,
            url: a.url,
            lang: a.lang,
            format: a.format.as_str().to_string(),
        }
    }
}
