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
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, by granularity.
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
}

impl DateMention {
    /// The first day the value covers (a month or year as its first day).
    pub fn first_day(&self) -> Option<NaiveDate> {
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
