//! JSON and JSON Lines articles.
//!
//! `.json` holds one article object, an array of them, or an object wrapping
//! such an array (`{"articles": [...]}`); `.jsonl` / `.ndjson` hold one object
//! per line (blank lines ignored). Keys are matched case-insensitively, the
//! first alias present wins:
//!
//! | field     | keys                                                               |
//! |-----------|--------------------------------------------------------------------|
//! | title     | `title`, `headline`, `name`                                        |
//! | published | `published`, `date`, `pubDate`, `datePublished`, `published_at`, `seendate` |
//! | body      | `body`, `text`, `content`, `article`, `description` (first non-empty) |
//! | url       | `url`, `link`                                                      |
//! | source    | `source`, `outlet`, `site`, `publisher`, `domain` (string or `{name}`) |
//! | lang      | `lang`, `language`                                                 |
//!
//! Ids: the file's relative path for a single object, `rel#N` for the Nth
//! record (1-based) of an array or of the non-blank lines of a JSONL file.
//! A record that is not an article (not an object, or no body key) is
//! dropped with a warning; a file with no article at all is malformed.
//!
//! Arrays are streamed element by element, so a million small records cost
//! their articles, not a whole `serde_json::Value` tree. serde_json's nesting
//! limit (128) turns absurdly deep input into an error instead of a stack
//! overflow.

use super::{date, new_article, non_empty, normalize_lang, SkipReason};
use crate::model::{Article, Format};
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

const TITLE: &[&str] = &["title", "headline", "name"];
const PUBLISHED: &[&str] = &[
    "published",
    "date",
    "pubDate",
    "datePublished",
    "published_at",
    "seendate",
];
const BODY: &[&str] = &["body", "text", "content", "article", "description"];
const URL: &[&str] = &["url", "link"];
const SOURCE: &[&str] = &["source", "outlet", "site", "publisher", "domain"];
const LANG: &[&str] = &["lang", "language"];
/// Keys under which a wrapper object holds its array of articles.
const WRAPPERS: &[&str] = &[
    "articles", "items", "data", "results", "records", "docs", "entries",
];

/// Parses a `.json` or `.jsonl` file into articles; dropped records and
/// tolerated format mix-ups go to `warnings`.
pub(crate) fn parse(
    rel: &str,
    format: Format,
    text: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<Article>, SkipReason> {
    match format {
        Format::Jsonl => {
            let lines = parse_lines(rel, format, text);
            if lines.articles.is_empty() && lines.malformed > 0 {
                // A pretty-printed object or array saved as .jsonl.
                if let Ok(mut whole) = parse_document(rel, format, text) {
                    if !whole.articles.is_empty() {
                        warnings.push(format!(
                            "{rel}: not one JSON value per line; read as a single JSON document"
                        ));
                        warnings.append(&mut whole.warnings);
                        return Ok(whole.articles);
                    }
                }
            }
            finish(lines, warnings)
        }
        _ => match parse_document(rel, format, text) {
            Ok(doc) => finish(doc, warnings),
            Err(err) => {
                // Several objects one per line, saved as .json.
                let lines = parse_lines(rel, format, text);
                if lines.malformed == 0 && lines.records > 1 && !lines.articles.is_empty() {
                    warnings.push(format!(
                        "{rel}: holds one JSON value per line; read as JSON Lines"
                    ));
                    return finish(lines, warnings);
                }
                Err(SkipReason::Malformed(err))
            }
        },
    }
}

/// What one file yielded.
#[derive(Default)]
struct Outcome {
    articles: Vec<Article>,
    warnings: Vec<String>,
    /// Records seen (array elements or non-blank lines).
    records: usize,
    /// Records dropped because they were not article objects.
    not_articles: usize,
    /// JSONL lines that did not parse.
    malformed: usize,
}

/// Hands warnings over and decides between articles, Empty and Malformed.
fn finish(mut out: Outcome, warnings: &mut Vec<String>) -> Result<Vec<Article>, SkipReason> {
    let first_problem = out.warnings.first().cloned();
    warnings.append(&mut out.warnings);
    if !out.articles.is_empty() {
        return Ok(out.articles);
    }
    if out.not_articles + out.malformed == 0 {
        return Err(SkipReason::Empty);
    }
    Err(SkipReason::Malformed(format!(
        "no article records ({} record(s); first problem: {})",
        out.records,
        first_problem.unwrap_or_default()
    )))
}

/// Parses a whole-file JSON document; `Err` is serde_json's message.
fn parse_document(rel: &str, format: Format, text: &str) -> Result<Outcome, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut out = Outcome::default();
    let top = de
        .deserialize_any(TopVisitor {
            rel,
            format,
            out: &mut out,
        })
        .map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    if let Some(obj) = top {
        let wrapped = if find(&obj, BODY).is_none() {
            WRAPPERS.iter().find_map(|k| match find(&obj, &[k]) {
                Some(Value::Array(items)) => Some(items),
                _ => None,
            })
        } else {
            None
        };
        match wrapped {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    out.record(rel, format, i + 1, item, &format!("{rel}#{}", i + 1));
                }
            }
            None => {
                out.records = 1;
                match article_from(rel, format, rel.to_string(), &obj) {
                    Ok(a) => out.articles.push(a),
                    Err(why) => {
                        out.not_articles += 1;
                        out.warnings.push(format!("{rel}: {why}"));
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Parses JSON Lines: one record per non-blank line.
fn parse_lines(rel: &str, format: Format, text: &str) -> Outcome {
    let mut out = Outcome::default();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        out.records += 1;
        let n = out.records;
        let at = format!("{rel}:{}", i + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(v) => out.record(rel, format, n, &v, &at),
            Err(e) => {
                out.malformed += 1;
                out.warnings
                    .push(format!("{at}: malformed JSON line skipped: {e}"));
            }
        }
    }
    out
}

impl Outcome {
    /// Adds record `n` of a multi-record file; `at` names it in warnings.
    fn record(&mut self, rel: &str, format: Format, n: usize, v: &Value, at: &str) {
        let result = match v {
            Value::Object(obj) => article_from(rel, format, format!("{rel}#{n}"), obj),
            _ => Err("record is not a JSON object".to_string()),
        };
        match result {
            Ok(a) => self.articles.push(a),
            Err(why) => {
                self.not_articles += 1;
                self.warnings.push(format!("{at}: {why}; skipped"));
            }
        }
    }
}

/// The top level of a `.json` file: array elements are turned into articles
/// as they stream past; an object is returned whole for the caller.
struct TopVisitor<'s> {
    rel: &'s str,
    format: Format,
    out: &'s mut Outcome,
}

impl<'de> Visitor<'de> for TopVisitor<'_> {
    type Value = Option<Map<String, Value>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an article object or an array of article objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut n = 0;
        while let Some(v) = seq.next_element::<Value>()? {
            n += 1;
            self.out.records = n;
            let at = format!("{}#{n}", self.rel);
            self.out.record(self.rel, self.format, n, &v, &at);
        }
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut obj = Map::new();
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            obj.insert(k, v);
        }
        Ok(Some(obj))
    }
}

/// Builds an article from a JSON object, or says why it is not one.
fn article_from(
    rel: &str,
    format: Format,
    id: String,
    obj: &Map<String, Value>,
) -> Result<Article, String> {
    let mut body_key_seen = false;
    let mut body = None;
    for key in BODY {
        if let Some(v) = find(obj, &[key]) {
            body_key_seen = true;
            if let Some(text) = text_of(v) {
                body = Some(text);
                break;
            }
        }
    }
    if !body_key_seen {
        return Err(format!("no body key (one of {})", BODY.join(", ")));
    }
    let mut a = new_article(id, rel, format);
    let body = body.unwrap_or_default();
    a.body = if looks_like_html(&body) {
        super::html::parse(rel, &body).body
    } else {
        body
    };
    a.title = find(obj, TITLE).and_then(text_of);
    a.published = find(obj, PUBLISHED).and_then(date_of);
    a.url = find(obj, URL).and_then(text_of);
    a.source = find(obj, SOURCE).and_then(|v| match v {
        Value::Object(o) => find(o, &["name"]).and_then(text_of),
        other => text_of(other),
    });
    a.lang = find(obj, LANG)
        .and_then(text_of)
        .and_then(|l| normalize_lang(&l));
    Ok(a)
}

/// The value of the first of `keys` present in `obj` (case-insensitive).
fn find<'v>(obj: &'v Map<String, Value>, keys: &[&str]) -> Option<&'v Value> {
    keys.iter().find_map(|k| {
        obj.get(*k).or_else(|| {
            obj.iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(k))
                .map(|(_, v)| v)
        })
    })
}

/// A string value (trimmed, non-empty), or an array of strings as paragraphs.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(s),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

/// A date string, a compact `20251105` number or a Unix timestamp (seconds,
/// or milliseconds when too large for seconds).
fn date_of(v: &Value) -> Option<chrono::NaiveDate> {
    match v {
        Value::String(s) => date::parse_date(s),
        Value::Number(n) => {
            let i = n.as_i64()?;
            if (19_000_101..=21_001_231).contains(&i) {
                return date::parse_date(&i.to_string());
            }
            let secs = if i.abs() >= 100_000_000_000 {
                i / 1000
            } else {
                i
            };
            chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive())
        }
        _ => None,
    }
}

/// Whether a body field holds markup rather than text.
fn looks_like_html(s: &str) -> bool {
    s.contains('<')
        && ["</p>", "<p>", "<br", "</div>", "</span>", "</a>"]
            .iter()
            .any(|t| s.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn key_variants() {
        struct Case {
            json: &'static str,
            title: Option<&'static str>,
            published: Option<&'static str>,
            body: &'static str,
            url: Option<&'static str>,
            source: Option<&'static str>,
            lang: Option<&'static str>,
        }
        let cases = [
            Case {
                json: r#"{"title":"T","published":"2025-11-05","body":"B"}"#,
                title: Some("T"),
                published: Some("2025-11-05"),
                body: "B",
                url: None,
                source: None,
                lang: None,
            },
            Case {
                json: r#"{"headline":"T","datePublished":"2025-11-05T10:00:00Z","text":"B","link":"u","outlet":"O","language":"English"}"#,
                title: Some("T"),
                published: Some("2025-11-05"),
                body: "B",
                url: Some("u"),
                source: Some("O"),
                lang: Some("en"),
            },
            Case {
                json: r#"{"name":"T","pubDate":"Wed, 05 Nov 2025 10:00:00 +0000","content":"B","url":"u","publisher":{"name":"P"},"lang":"uk"}"#,
                title: Some("T"),
                published: Some("2025-11-05"),
                body: "B",
                url: Some("u"),
                source: Some("P"),
                lang: Some("uk"),
            },
            Case {
                json: r#"{"Title":"T","SEENDATE":"20220125T090000Z","article":"B","site":"S"}"#,
                title: Some("T"),
                published: Some("2022-01-25"),
                body: "B",
                url: None,
                source: Some("S"),
                lang: None,
            },
            Case {
                // first present non-empty body key wins; empty ones are passed over
                json: r#"{"body":"","text":"  ","description":"D","published_at":1762336800}"#,
                title: None,
                published: Some("2025-11-05"),
                body: "D",
                url: None,
                source: None,
                lang: None,
            },
            Case {
                json: r#"{"body":["P1"," P2 ",3],"date":20251105}"#,
                title: None,
                published: Some("2025-11-05"),
                body: "P1\n\nP2",
                url: None,
                source: None,
                lang: None,
            },
            Case {
                json: r#"{"body":"<p>One &amp; two</p><p>Three</p>","date":1762336800000}"#,
                title: None,
                published: Some("2025-11-05"),
                body: "One & two\n\nThree",
                url: None,
                source: None,
                lang: None,
            },
        ];
        for c in cases {
            let mut w = Vec::new();
            let arts = parse("a.json", Format::Json, c.json, &mut w).unwrap();
            assert_eq!(arts.len(), 1, "{}", c.json);
            let a = &arts[0];
            assert_eq!(a.id, "a.json");
            assert_eq!(a.title.as_deref(), c.title, "{}", c.json);
            assert_eq!(a.published, c.published.and_then(d), "{}", c.json);
            assert_eq!(a.body, c.body, "{}", c.json);
            assert_eq!(a.url.as_deref(), c.url, "{}", c.json);
            assert_eq!(a.source.as_deref(), c.source, "{}", c.json);
            assert_eq!(a.lang.as_deref(), c.lang, "{}", c.json);
            assert!(w.is_empty(), "{w:?}");
        }
    }

    #[test]
    fn files() {
        struct Case {
            name: &'static str,
            format: Format,
            text: &'static str,
            /// ids of the articles, or the skip kind
            want: Result<&'static [&'static str], &'static str>,
            /// substrings expected in the warnings, in order
            warnings: &'static [&'static str],
        }
        let cases = [
            Case {
                name: "array",
                format: Format::Json,
                text: r#"[{"body":"a"},{"body":"b"}]"#,
                want: Ok(&["f#1", "f#2"]),
                warnings: &[],
            },
            Case {
                name: "array with non-articles",
                format: Format::Json,
                text: r#"[{"body":"a"}, 3, {"title":"no body"}, {"body":"d"}]"#,
                want: Ok(&["f#1", "f#4"]),
                warnings: &["f#2: record is not a JSON object", "f#3: no body key"],
            },
            Case {
                name: "wrapper object",
                format: Format::Json,
                text: r#"{"status":"ok","articles":[{"title":"x","description":"a"}]}"#,
                want: Ok(&["f#1"]),
                warnings: &[],
            },
            Case {
                name: "single object without body",
                format: Format::Json,
                text: r#"{"title":"x"}"#,
                want: Err("malformed"),
                warnings: &[],
            },
            Case {
                name: "array of non-articles",
                format: Format::Json,
                text: r#"[1, 2]"#,
                want: Err("malformed"),
                warnings: &[],
            },
            Case {
                name: "scalar",
                format: Format::Json,
                text: r#""just a string""#,
                want: Err("malformed"),
                warnings: &[],
            },
            Case {
                name: "empty array",
                format: Format::Json,
                text: "[]",
                want: Err("empty"),
                warnings: &[],
            },
            Case {
                name: "syntax error",
                format: Format::Json,
                text: r#"{"body": "a""#,
                want: Err("malformed"),
                warnings: &[],
            },
            Case {
                name: "trailing garbage",
                format: Format::Json,
                text: r#"{"body": "a"} x"#,
                want: Err("malformed"),
                warnings: &[],
            },
            Case {
                name: "jsonl saved as json",
                format: Format::Json,
                text: "{\"body\":\"a\"}\n{\"body\":\"b\"}\n",
                want: Ok(&["f#1", "f#2"]),
                warnings: &["read as JSON Lines"],
            },
            Case {
                name: "jsonl with a bad line and blank lines",
                format: Format::Jsonl,
                text: "{\"body\":\"a\"}\n\n{\"body\": oops}\n{\"body\":\"c\"}\n",
                want: Ok(&["f#1", "f#3"]),
                warnings: &["f:3: malformed JSON line skipped"],
            },
            Case {
                name: "jsonl crlf already normalised, non-object line",
                format: Format::Jsonl,
                text: "[1]\n{\"text\":\"b\"}",
                want: Ok(&["f#2"]),
                warnings: &["f:1: record is not a JSON object"],
            },
            Case {
                name: "jsonl all bad",
                format: Format::Jsonl,
                text: "nope\nnope\n",
                want: Err("malformed"),
                warnings: &[],
            },
            Case {
                name: "pretty json saved as jsonl",
                format: Format::Jsonl,
                text: "{\n  \"body\": \"a\"\n}\n",
                want: Ok(&["f"]),
                warnings: &["read as a single JSON document"],
            },
        ];
        for c in cases {
            let mut w = Vec::new();
            let got = parse("f", c.format, c.text, &mut w);
            match (got, c.want) {
                (Ok(arts), Ok(ids)) => {
                    let got_ids: Vec<&str> = arts.iter().map(|a| a.id.as_str()).collect();
                    assert_eq!(got_ids, ids, "{}", c.name);
                    assert!(arts.iter().all(|a| a.path == "f" && a.format == c.format));
                }
                (Err(r), Err(kind)) => assert_eq!(r.kind(), kind, "{}: {r}", c.name),
                (got, want) => panic!("{}: got {got:?}, want {want:?}", c.name),
            }
            if c.want.is_ok() {
                assert_eq!(w.len(), c.warnings.len(), "{}: {w:?}", c.name);
                for (got, want) in w.iter().zip(c.warnings) {
                    assert!(got.contains(want), "{}: {got:?} lacks {want:?}", c.name);
                }
            }
        }
    }

    #[test]
    fn deep_nesting_is_malformed_not_a_crash() {
        let depth = 100_000;
        let deep = "[".repeat(depth) + &"]".repeat(depth);
        let mut w = Vec::new();
        let r = parse("deep.json", Format::Json, &deep, &mut w);
        assert_eq!(r.unwrap_err().kind(), "malformed");
        let deep_obj = "{\"body\":".repeat(depth) + "1" + &"}".repeat(depth);
        let r = parse("deep.json", Format::Json, &deep_obj, &mut w);
        assert_eq!(r.unwrap_err().kind(), "malformed");
        let mut w = Vec::new();
        let lines = format!("{deep}\n{{\"body\":\"ok\"}}\n");
        let arts = parse("deep.jsonl", Format::Jsonl, &lines, &mut w).unwrap();
        assert_eq!(arts.len(), 1);
        assert!(
            w[0].starts_with("deep.jsonl:1: malformed JSON line"),
            "{w:?}"
        );
    }

    #[test]
    fn a_million_records_stream() {
        let n = 1_000_000;
        let mut s = String::with_capacity(n * 14);
        s.push('[');
        for i in 0..n {
            if i > 0 {
                s.push(',');
            }
            s.push_str("{\"body\":\"x\"}");
        }
        s.push(']');
        let mut w = Vec::new();
        let arts = parse("big.json", Format::Json, &s, &mut w).unwrap();
        assert_eq!(arts.len(), n);
        assert_eq!(arts[n - 1].id, format!("big.json#{n}"));
    }
}
