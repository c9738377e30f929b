//! Plain data types that flow through the pipeline:
//! files → [`Article`] → [`Entities`] → index → query results.
//!
//! This module depends on nothing else in the crate, so every stage (ingest,
//! extract, index, query, output) can share these types without knowing about
//! each other. All types serialise with serde; the JSON shapes printed by
//! `frontline extract --json` are exactly these structs.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The file format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt`).
    Txt,
    /// Markdown with optional YAML front matter (`.md`, `.markdown`).
    Md,
    /// HTML (`.html`, `.htm`).
    Html,
    /// One JSON object or an array of them (`.json`).
    Json,
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// A Telegram Desktop export: `result.json` (told by its content) or
    /// `messages*.html`; one article per message.
    Telegram,
    /// PDF (`.pdf`), text per page.
    Pdf,
    /// Word document (`.docx`).
    Docx,
    /// OpenDocument text (`.odt`).
    Odt,
    /// RSS 2.0 or Atom feed (`.rss`, `.atom`, or `.xml` told by its content);
    /// one article per item.
    Feed,
    /// Web archive (`.warc`, `.warc.gz`); one article per HTML response.
    Warc,
}

impl Format {
    /// The format for a file extension (lower-cased, without the dot).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            "rss" | "atom" => Some(Format::Feed),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }

    /// The format of a short name as given by [`Format::as_str`].
    pub fn from_name(name: &str) -> Option<Format> {
        ALL_FORMATS.iter().copied().find(|f| f.as_str() == name)
    }

    /// The short name used in the index and in `stats`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Telegram => "telegram",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Feed => "feed",
            Format::Warc => "warc",
        }
    }
}

/// Every format, in declaration order.
pub const ALL_FORMATS: [Format; 11] = [
    Format::Txt,
    Format::Md,
    Format::Html,
    Format::Json,
    Format::Jsonl,
    Format::Telegram,
    Format::Pdf,
    Format::Docx,
    Format::Odt,
    Format::Feed,
    Format::Warc,
];

/// One article, as read from a file (or one record of a JSON/JSONL file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the path relative to the indexed folder, plus `#N` for the
    /// Nth record (1-based) of a JSON array or JSONL file.
    pub id: String,
    /// Path of the file relative to the indexed folder, `/`-separated.
    pub path: String,
    /// The format it was read as.
    pub format: Format,
    /// Title, if the file gives one.
    pub title: Option<String>,
    /// Publication date, if the file gives one.
    pub published: Option<NaiveDate>,
    /// Outlet or site name.
    pub source: Option<String>,
    /// Original URL.
    pub url: Option<String>,
    /// Language code (`en`, `uk`, `ru`, …) when the file says so.
    pub lang: Option<String>,
    /// The article body (without the title).
    pub body: String,
}

impl Article {
    /// The text entities are extracted from: the title, a blank line, then
    /// the body (just the body when there is no title). Entity offsets are
    /// byte offsets into this string, so a place named only in a headline is
    /// still found, and its mention shows the headline as its sentence.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self.title.as_deref().map(str::trim) {
            Some(title) if !title.is_empty() => format!("{title}\n\n{}", self.body).into(),
            _ => self.body.as_str().into(),
        }
    }
}

/// Longest title made from an article's text, in characters.
const DERIVED_TITLE_CHARS: usize = 90;

impl Article {
    /// A title for an article that has none: the first sentence of the
    /// body (up to `.`, `!`, `?` or a line break), shortened at a word
    /// boundary with `…` when longer than 90 characters. `None` when the
    /// article has a title or no text.
    pub fn title_from_text(&self) -> Option<String> {
        if self.title.as_deref().is_some_and(|t| !t.trim().is_empty()) {
            return None;
        }
        let text = self.body.trim_start();
        let mut end = text.find('\n').unwrap_or(text.len());
        let bytes = text.as_bytes();
        for (i, c) in text[..end].char_indices() {
            if matches!(c, '.' | '!' | '?' | '…')
                && bytes
                    .get(i + c.len_utf8())
                    .is_none_or(|b| b.is_ascii_whitespace())
            {
                // "St. Petersburg": a one- or two-letter word before a
                // full stop is an abbreviation, not a sentence end.
                let word = text[..i].rsplit(' ').next().unwrap_or_default();
                if c == '.' && word.chars().count() <= 2 && word.chars().any(char::is_uppercase) {
                    continue;
                }
                end = i + c.len_utf8();
                break;
            }
        }
        let sentence: String = text[..end].split_whitespace().collect::<Vec<_>>().join(" ");
        if sentence.is_empty() {
            return None;
        }
        if sentence.chars().count() <= DERIVED_TITLE_CHARS {
            return Some(sentence);
        }
        let cut: String = sentence.chars().take(DERIVED_TITLE_CHARS).collect();
        let cut = match cut.rfind(' ') {
            Some(i) if i > DERIVED_TITLE_CHARS / 2 => &cut[..i],
            _ => cut.as_str(),
        };
        Some(format!(
            "{}…",
            cut.trim_end_matches([',', ';', ':', ' ', '-', '—'])
        ))
    }
}

/// The separator between the pages of a paged document (PDF) in
/// [`Article::body`]: a form feed, as `pdftotext` writes. The body itself so
/// records where each page starts.
pub const PAGE_BREAK: char = '\u{c}';

impl Article {
    /// The 1-based page of byte offset `at` of the body, for articles read
    /// from a paged document (PDF): one plus the page breaks before it.
    /// `None` for other formats.
    pub fn page_at(&self, at: usize) -> Option<usize> {
        if self.format != Format::Pdf {
            return None;
        }
        let at = at.min(self.body.len());
        Some(
            1 + self.body.as_bytes()[..at]
                .iter()
                .filter(|&&b| b == 0x0c)
                .count(),
        )
    }
}

/// How a place mention matched the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The canonical name itself (case and apostrophes folded).
    Exact,
    /// Another known name: former, Russian, Cyrillic, inflected, …
    Variant,
    /// An unknown word within a small edit distance of a known name.
    Fuzzy,
}

/// One occurrence of a place in the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlaceMention {
    /// The surface text exactly as in the article (`&text[start..end]`, see
    /// [`Article::text`]).
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// How it matched.
    #[serde(rename = "match")]
    pub match_kind: MatchKind,
}

/// A place found in an article, resolved to one gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Gazetteer id of the entry.
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// Kind: country, oblast, raion, city, town, village, district, river, …
    pub kind: String,
    /// Canonical name of the parent (oblast for a city, city for a district).
    pub parent: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<PlaceMention>,
}

/// One occurrence of a person in the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonMention {
    /// The surface text exactly as in the article (`&text[start..end]`, see
    /// [`Article::text`]).
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Role or title next to the name ("People's Deputy of Ukraine").
    pub role: Option<String>,
    /// Whether the person speaks in this sentence (said, claimed, wrote, …).
    pub speaker: bool,
}

/// A person found in an article, resolved to one identity key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Identity key, the same for every spelling and script of the name.
    pub key: String,
    /// Display name: the fullest Latin spelling seen in the article.
    pub name: String,
    /// Every mention, in text order.
    pub mentions: Vec<PersonMention>,
}

/// Granularity of a resolved date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A single day: value `YYYY-MM-DD`.
    Day,
    /// A week: value is its Monday, `YYYY-MM-DD`.
    Week,
    /// A month: value `YYYY-MM`.
    Month,
    /// A year: value `YYYY`.
    Year,
}

/// A date mentioned in the text, resolved to a calendar value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateMention {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, by granularity; `--MM-DD` (ISO
    /// 8601's day without a year) when [`DateMention::year_unknown`].
    pub value: String,
    /// How precise the value is.
    pub granularity: Granularity,
    /// The surface text exactly as in the article (`&text[start..end]`, see
    /// [`Article::text`]).
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// A month and day whose year cannot be known ("November 4" in an
    /// article with no publication date). In JSON this is `"year": null`;
    /// the key is absent for every other date, and older JSON without it
    /// reads as `false`.
    #[serde(
        rename = "year",
        default,
        skip_serializing_if = "std::ops::Not::not",
        with = "year_null"
    )]
    pub year_unknown: bool,
}

/// `"year": null` on the wire for [`DateMention::year_unknown`].
mod year_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(_unknown: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_none()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        // Present and null: unknown; a number would be a known year.
        Ok(Option::<i32>::deserialize(d)?.is_none())
    }
}

impl DateMention {
    /// The first day the value covers (a month or year as its first day);
    /// `None` for a date whose year is unknown.
    pub fn first_day(&self) -> Option<NaiveDate> {
        if self.year_unknown {
            return None;
        }
        let v = &self.value;
        match self.granularity {
            Granularity::Day | Granularity::Week => NaiveDate::parse_from_str(v, "%Y-%m-%d").ok(),
            Granularity::Month => NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").ok(),
            Granularity::Year => NaiveDate::parse_from_str(&format!("{v}-01-01"), "%Y-%m-%d").ok(),
        }
    }
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entities {
    /// Places, one per gazetteer id, in order of first mention.
    pub places: Vec<Place>,
    /// People, one per identity key, in order of first mention.
    pub people: Vec<Person>,
    /// Dates, in text order.
    pub dates: Vec<DateMention>,
    /// Control claims, in text order. Absent from stored entities written
    /// before claims existed, so it defaults to empty and is left out when
    /// empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
}

/// A side of the war, as a controller of a place or as a claimant's camp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Side {
    /// Russia, its forces, officials and proxies.
    #[serde(rename = "RU")]
    Ru,
    /// Ukraine, its forces and officials.
    #[serde(rename = "UA")]
    Ua,
    /// Neither: foreign governments, analysts, international bodies. Never a
    /// controller.
    #[serde(rename = "other")]
    Other,
}

impl Side {
    /// `RU`, `UA` or `other`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Ru => "RU",
            Side::Ua => "UA",
            Side::Other => "other",
        }
    }

    /// The side fighting this one (`other` stays `other`).
    pub fn opposite(self) -> Side {
        match self {
            Side::Ru => Side::Ua,
            Side::Ua => Side::Ru,
            Side::Other => Side::Other,
        }
    }
}

/// How much of a place a claim says the controller holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Extent {
    /// Captured, liberated, fell, full control, withdrew completely.
    Full,
    /// Entered, holds N% or some districts, a foothold.
    Partial,
    /// Surrounded, cut off, in a pocket; the controller is the encircling side.
    Encircled,
}

impl Extent {
    /// `full`, `partial` or `encircled`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Extent::Full => "full",
            Extent::Partial => "partial",
            Extent::Encircled => "encircled",
        }
    }
}

/// The place a claim is about: its gazetteer identity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClaimPlace {
    /// Gazetteer id.
    pub id: String,
    /// Canonical English name.
    pub name: String,
}

/// Who makes a claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Claimant {
    /// The claimant as written ("Igor Mosiychuk", "the Russian Defence
    /// Ministry", "Генштаб ЗСУ").
    pub text: String,
    /// The person's identity key when the claimant is a person found by
    /// people extraction.
    pub person: Option<String>,
    /// The claimant's side, when the text or a known affiliation tells it.
    pub side: Option<Side>,
}

/// A statement that a named place is held, taken, partly held, entered or
/// encircled by one side.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Claim {
    /// The place.
    pub place: ClaimPlace,
    /// The side the statement says holds, has taken or encircles the place
    /// (never [`Side::Other`]).
    pub controller: Side,
    /// How much of it.
    pub extent: Extent,
    /// Who says so; `None` (JSON `null`) when the text states it as fact.
    pub claimant: Option<Claimant>,
    /// The claimant rejects this claim (made by the other side).
    pub denial: bool,
    /// The date the text gives for the claim, else the publication date.
    pub date: Option<NaiveDate>,
    /// The sentence that makes the claim.
    pub sentence: String,
    /// Byte offset of the sentence's first byte (see [`Article::text`]).
    pub start: usize,
    /// Byte offset one past the sentence's last byte.
    pub end: usize,
}

/// The kinds of entity frontline extracts and indexes, declared once.
///
/// Layers that treat entities kind by kind ask this table instead of naming
/// kinds themselves: the query-clause parser (`place:NAME`, `person:NAME`,
/// `claim:ru`: [`crate::query::clauses`]), the terms a document gets for
/// each kind and the filter of each kind ([`crate::index::kinds`]), the
/// partial decoding of stored entities ([`Entities::from_json_only`]), the
/// facets of a result set (query, table and JSON, keyed by
/// [`EntityKind::plural`]) and the name typed by a user becoming a filter
/// (`service::kinds`).
///
/// To add a kind: a variant here (with its names), its `Vec` in
/// [`Entities`] (and its arm in [`Entities::from_json_only`]), its pure
/// extractor in `extract/`, its fields in `index/schema.rs`, and one
/// module `index/kinds/<kind>.rs` implementing
/// [`crate::index::kinds::Kind`] (its terms, its facet, its filter), listed
/// in [`crate::index::kinds::of`] and [`crate::index::kinds::EntityFilter`];
/// then the arm turning a typed value into that filter in `service::kinds`.
/// Clauses, index terms, facets and filters then follow; the kind's own
/// questions (`service::claims`) and renderers (`output/`) are its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// Places of the gazetteer.
    Place,
    /// People, by identity key.
    Person,
    /// Control claims: which side a statement says holds a place.
    Claim,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [EntityKind; 3] = [EntityKind::Place, EntityKind::Person, EntityKind::Claim];

    /// Singular name: the query clause (`place:`) and the JSON `type`.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Place => "place",
            EntityKind::Person => "person",
            EntityKind::Claim => "claim",
        }
    }

    /// Plural name: the key in [`Entities`] and in facets.
    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Place => "places",
            EntityKind::Person => "people",
            EntityKind::Claim => "claims",
        }
    }

    /// The kind named `word` (singular, any case).
    pub fn from_name(word: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(word))
    }
}

impl Entities {
    /// Entities decoded from their stored JSON with only the list of one
    /// kind read (the key [`EntityKind::plural`]); every other key is
    /// skipped unparsed, which matters when listing thousands of articles.
    /// An error when the JSON is not an object or that list is malformed.
    pub fn from_json_only(json: &str, kind: EntityKind) -> serde_json::Result<Entities> {
        use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

        struct Only(EntityKind);

        impl<'de> Visitor<'de> for Only {
            type Value = Entities;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of entities")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entities, A::Error> {
                let mut e = Entities::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key != self.0.plural() {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    }
                    match self.0 {
                        EntityKind::Place => e.places = map.next_value()?,
                        EntityKind::Person => e.people = map.next_value()?,
                        EntityKind::Claim => e.claims = map.next_value()?,
                    }
                }
                Ok(e)
            }
        }

        impl<'de> DeserializeSeed<'de> for Only {
            type Value = Entities;

            fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Entities, D::Error> {
                d.deserialize_map(self)
            }
        }

        let mut de = serde_json::Deserializer::from_str(json);
        let entities = Only(kind).deserialize(&mut de)?;
        de.end()?;
        Ok(entities)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: Option<&str>, body: &str) -> Article {
        Article {
            id: "a".into(),
            path: "a".into(),
            format: Format::Json,
            title: title.map(str::to_string),
            published: None,
            source: None,
            url: None,
            lang: None,
            body: body.into(),
        }
    }

    #[test]
    fn titles_from_text() {
        let cases = [
            (None, "Shelling resumed. More later.", Some("Shelling resumed.")),
            (None, "  First line\nsecond line", Some("First line")),
            (None, "Talks in St. Petersburg stalled. Then", Some("Talks in St. Petersburg stalled.")),
            (None, "Is Pokrovsk holding? Officials say yes.", Some("Is Pokrovsk holding?")),
            (None, "v1.2 is out", Some("v1.2 is out")),
            (None, "   ", None),
            (Some("Given"), "Body.", None),
            (
                None,
                "Russian forces continued their attempts to advance towards the city from the south and the east, according to officials",
                Some("Russian forces continued their attempts to advance towards the city from the south and…"),
            ),
        ];
        for (title, body, want) in cases {
            let got = article(title, body).title_from_text();
            assert_eq!(got.as_deref(), want, "{body:?}");
            if let Some(t) = got {
                assert!(t.chars().count() <= 91, "{t}");
            }
        }
    }
}
