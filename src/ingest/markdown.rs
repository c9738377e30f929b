//! Markdown articles: optional YAML front matter, then Markdown text.
//!
//! ```text
//! ---
//! title: "Russian forces press on Pokrovsk"
//! date: 2025-11-05            # or `published`; string or YAML date
//! source: Example News
//! url: https://example.com/a
//! lang: en
//! ---
//! # Russian forces press on Pokrovsk   ← dropped: it repeats the title
//!
//! KRAMATORSK, Ukraine — ...
//! ```
//!
//! Without front matter the file is read like a `.txt` file whose first line
//! may be a `# Heading`. Malformed front matter is read leniently as
//! `key: value` lines, with a warning. The body is the rendered text of the
//! Markdown, read by a real parser (`pulldown-cmark`, see `clean_body`), so
//! link targets, list markers, table pipes, code fences and HTML tags do not
//! end up in the index, snippets and entity surfaces.

use super::txt::{self, strip_heading};
use super::{date, new_article, non_empty, normalize_lang};
use crate::model::{Article, Format};
use serde_yaml_ng::Value;

/// Metadata keys, each with the aliases accepted (case-insensitive).
const TITLE: &[&str] = &["title", "headline"];
const DATE: &[&str] = &[
    "date",
    "published",
    "pubdate",
    "datepublished",
    "published_at",
];
const SOURCE: &[&str] = &["source", "publisher", "outlet", "site"];
const URL: &[&str] = &["url", "link", "canonical"];
const LANG: &[&str] = &["lang", "language"];

/// Parses a Markdown article; problems with the front matter go to `warnings`.
pub(crate) fn parse(rel: &str, text: &str, warnings: &mut Vec<String>) -> Article {
    let Some((front, rest)) = split_front_matter(text) else {
        let head = txt::parse_head(text, true);
        let mut a = txt::article_from_head(rel, Format::Md, text, head);
        a.body = clean_body(&a.body);
        return a;
    };
    let mut a = new_article(rel.to_string(), rel, Format::Md);
    let meta = match front {
        Some(yaml) if !yaml_is_reasonable(yaml) => {
            warnings.push(format!(
                "{rel}: front matter too large or too deeply nested for YAML, read as plain key: value lines"
            ));
            Meta::lenient(yaml)
        }
        Some(yaml) => match serde_yaml_ng::from_str::<Value>(yaml) {
            Ok(Value::Mapping(map)) => Meta::from_yaml(&map),
            Ok(Value::Null) => Meta::default(),
            Ok(_) => {
                warnings.push(format!("{rel}: front matter is not a key/value mapping"));
                Meta::lenient(yaml)
            }
            Err(e) => {
                warnings.push(format!(
                    "{rel}: malformed YAML front matter, read as plain key: value lines: {}",
                    one_line(&e.to_string())
                ));
                Meta::lenient(yaml)
            }
        },
        None => {
            warnings.push(format!(
                "{rel}: front matter has no closing `---`, read as plain text"
            ));
            Meta::default()
        }
    };
    // A leading level-1 heading repeats (or supplies) the title.
    let mut body = rest;
    if let Some(first) = rest.lines().find(|l| !l.trim().is_empty()) {
        let t = first.trim();
        if t.starts_with("# ") {
            a.title = non_empty(strip_heading(t));
            let end = rest.find(first).map_or(0, |i| i + first.len());
            body = rest.get(end..).unwrap_or_default();
        }
    }
    if meta.title.is_some() {
        a.title = meta.title;
    }
    a.published = meta.published;
    a.source = meta.source;
    a.url = meta.url;
    a.lang = meta.lang;
    a.body = clean_body(body.trim());
    if a.body.is_empty() {
        // A file that is only a heading: its text is all there is to search.
        a.body = a.title.clone().unwrap_or_default();
    }
    a
}

/// Splits off front matter: `Some((Some(yaml), rest))` for a closed block,
/// `Some((None, rest))` for an opening `---` that is never closed (rest is the
/// text after it), `None` when the file does not start with `---`.
fn split_front_matter(text: &str) -> Option<(Option<&str>, &str)> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let after = text.get(first_end + 1..).unwrap_or_default();
    let mut pos = 0;
    for line in after.split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            let yaml = &after[..pos];
            let rest = after.get(pos + line.len()..).unwrap_or_default();
            return Some((Some(yaml), rest));
        }
        pos += line.len();
    }
    Some((None, after))
}

/// Front matter larger than this is not article metadata.
const MAX_FRONT_MATTER: usize = 64 * 1024;
/// Deeper `[`/`{` nesting than this is not article metadata either.
const MAX_FLOW_DEPTH: usize = 64;

/// Whether `yaml` is small and shallow enough to hand to the YAML parser,
/// whose time grows with the square of flow nesting depth (100,000 nested
/// `[` take 40 s even in a release build) before its recursion limit fires.
/// Quotes are ignored, so the depth may be overestimated; that only sends
/// odd metadata to the lenient reader.
fn yaml_is_reasonable(yaml: &str) -> bool {
    if yaml.len() > MAX_FRONT_MATTER {
        return false;
    }
    let mut depth = 0usize;
    for b in yaml.bytes() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

/// Article metadata from front matter.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    published: Option<chrono::NaiveDate>,
    source: Option<String>,
    url: Option<String>,
    lang: Option<String>,
}

impl Meta {
    /// Reads the known keys of a YAML mapping (case-insensitive).
    fn from_yaml(map: &serde_yaml_ng::Mapping) -> Meta {
        let get = |keys: &[&str]| -> Option<String> {
            keys.iter().find_map(|k| {
                map.iter()
                    .find(|(key, _)| key.as_str().is_some_and(|s| s.eq_ignore_ascii_case(k)))
                    .and_then(|(_, v)| yaml_scalar(v))
            })
        };
        Meta {
            title: get(TITLE),
            published: get(DATE).and_then(|d| date::parse_date(&d)),
            source: get(SOURCE),
            url: get(URL),
            lang: get(LANG).and_then(|l| normalize_lang(&l)),
        }
    }

    /// Reads `key: value` lines without a YAML parser, for front matter that
    /// YAML rejects (typically an unquoted title with a colon in it).
    fn lenient(block: &str) -> Meta {
        let mut meta = Meta::default();
        for line in block.lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim();
            let value = value.trim();
            if value.starts_with(['[', '{']) {
                // A YAML collection, never a title or date.
                continue;
            }
            let value = value.trim_matches(['"', '\'']);
            let is = |keys: &[&str]| keys.iter().any(|k| key.eq_ignore_ascii_case(k));
            if is(TITLE) {
                meta.title = meta.title.or_else(|| non_empty(value));
            } else if is(DATE) {
                meta.published = meta.published.or_else(|| date::parse_date(value));
            } else if is(SOURCE) {
                meta.source = meta.source.or_else(|| non_empty(value));
            } else if is(URL) {
                meta.url = meta.url.or_else(|| non_empty(value));
            } else if is(LANG) {
                meta.lang = meta.lang.or_else(|| normalize_lang(value));
            }
        }
        meta
    }
}

/// A YAML scalar as text (`date: 2025-11-05` is a string in YAML 1.2; a
/// number such as `20251105` is accepted too). A mapping with a `name` key
/// (`source: {name: ...}`) gives that name.
fn yaml_scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Tagged(t) => yaml_scalar(&t.value),
        Value::Mapping(m) => m.get("name").and_then(yaml_scalar),
        _ => None,
    }
}

/// The text a reader sees: the Markdown parsed by `pulldown-cmark` (with
/// tables, strikethrough, footnotes and task lists) and rendered as plain
/// text. Link and image targets, list markers, emphasis, code fences, table
/// pipes and inline HTML tags are dropped; link text, image alt text, code
/// and table cells are kept. Blocks are separated by a blank line, list items
/// and table rows by a line break, soft line breaks are kept as written.
fn clean_body(body: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, TagEnd};
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let mut out = String::with_capacity(body.len());
    let mut block_html = String::new();
    for event in Parser::new_ext(body, opts) {
        if !block_html.is_empty() && !matches!(event, Event::Html(_)) {
            let text = super::html::parse("", &std::mem::take(&mut block_html)).body;
            out.push_str(&text);
            gap(&mut out, "\n\n");
        }
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Html(h) => block_html.push_str(&h),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::FootnoteDefinition
                | TagEnd::HtmlBlock,
            )
            | Event::Rule => gap(&mut out, "\n\n"),
            Event::End(TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead) => gap(&mut out, "\n"),
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    if !block_html.is_empty() {
        out.push_str(&super::html::parse("", &block_html).body);
    }
    out.trim().to_string()
}

/// Ends `out` with `sep` (a line break or a blank line) unless it is empty
/// or already ends so; trailing spaces go first.
fn gap(out: &mut String, sep: &str) {
    let kept = out.trim_end_matches([' ', '\t', '\n']).len();
    if kept == 0 {
        out.clear();
        return;
    }
    let had_blank = out[kept..].contains("\n\n");
    out.truncate(kept);
    out.push_str(if had_blank { "\n\n" } else { sep });
}

/// Collapses an error message onto one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    struct Case {
        name: &'static str,
        text: &'static str,
        title: Option<&'static str>,
        published: Option<&'static str>,
        source: Option<&'static str>,
        url: Option<&'static str>,
        lang: Option<&'static str>,
        body: &'static str,
        warnings: usize,
    }

    const BASE: Case = Case {
        name: "",
        text: "",
        title: Some("Title"),
        published: None,
        source: None,
        url: None,
        lang: None,
        body: "Body.",
        warnings: 0,
    };

    #[test]
    fn deep_yaml_does_not_crash() {
        let depth = 100_000;
        let text = format!(
            "---\ntitle: {}{}\n---\n# Title\nBody.",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let mut warnings = Vec::new();
        let start = std::time::Instant::now();
        let a = parse("deep.md", &text, &mut warnings);
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
        assert_eq!(a.title.as_deref(), Some("Title"));
        assert_eq!(a.body, "Body.");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn markdown_cases() {
        let cases = [
            Case {
                name: "front matter, heading repeats title",
                text: "---\ntitle: \"Title\"\ndate: 2025-11-05\nauthor: \"X\"\ntags: [a, b]\n---\n# Title\n\nBody.\n",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "all keys",
                text: "---\nTitle: Title\npublished: 2025-11-05T10:00:00Z\nsource: Kyiv Independent\nurl: https://x.test/a\nlang: uk\n---\nBody.",
                published: Some("2025-11-05"),
                source: Some("Kyiv Independent"),
                url: Some("https://x.test/a"),
                lang: Some("uk"),
                ..BASE
            },
            Case {
                name: "numeric date and nested source",
                text: "---\ntitle: Title\ndate: 20251105\nsource: {name: Outlet}\n---\nBody.",
                published: Some("2025-11-05"),
                source: Some("Outlet"),
                ..BASE
            },
            Case {
                name: "heading gives the title when front matter lacks one",
                text: "---\ndate: 2025-11-05\n---\n\n# Title\n\nBody.",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "sub-heading is kept, markers removed",
                text: "---\ntitle: Title\n---\n## Background\n\nBody **bold**.",
                body: "Background\n\nBody bold.",
                ..BASE
            },
            Case {
                name: "no front matter: heading title and headers",
                text: "# Title\n\n**Published:** 5 November 2025\n\nBody.",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "no front matter, plain first line",
                text: "Title\n\nBody.",
                ..BASE
            },
            Case {
                name: "malformed yaml read leniently",
                text: "---\ntitle: Pokrovsk: the fall\ndate: 2025-11-05\n---\nBody.",
                title: Some("Pokrovsk: the fall"),
                published: Some("2025-11-05"),
                warnings: 1,
                ..BASE
            },
            Case {
                name: "front matter not a mapping",
                text: "---\n- a\n- b\n---\n# Title\nBody.",
                warnings: 1,
                ..BASE
            },
            Case {
                name: "unclosed front matter",
                text: "---\n# Title\n\nBody.",
                warnings: 1,
                ..BASE
            },
            Case {
                name: "empty front matter",
                text: "---\n---\n# Title\n\nBody.",
                ..BASE
            },
            Case {
                name: "markdown syntax is rendered, not indexed",
                text: "---\ntitle: Title\n---\nSee [the map](https://maps.example/p?x=1) and ![alt words](i.png).\n\n- one\n- *two*\n\n| a | b |\n|---|---|\n| c | d |\n\n```rust\nlet code = 1;\n```\n\n<div class=\"x\">inline <b>html</b></div>\n\nAfter <span>tag</span>.",
                body: "See the map and alt words.\n\none\ntwo\n\na b\nc d\n\nlet code = 1;\n\ninline html\n\nAfter tag.",
                ..BASE
            },
            Case {
                name: "deeply nested yaml is an error, not a crash",
                text: "---\ntitle: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n---\n# Title\nBody.",
                warnings: 1,
                ..BASE
            },
        ];
        for c in cases {
            let mut warnings = Vec::new();
            let a = parse("a.md", c.text, &mut warnings);
            let date = c
                .published
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            assert_eq!(a.title.as_deref(), c.title, "{}", c.name);
            assert_eq!(a.published, date, "{}", c.name);
            assert_eq!(a.source.as_deref(), c.source, "{}", c.name);
            assert_eq!(a.url.as_deref(), c.url, "{}", c.name);
            assert_eq!(a.lang.as_deref(), c.lang, "{}", c.name);
            assert_eq!(a.body, c.body, "{}", c.name);
            assert_eq!(warnings.len(), c.warnings, "{}: {warnings:?}", c.name);
            assert!(warnings.iter().all(|w| w.starts_with("a.md: ")));
            assert_eq!(a.format, Format::Md);
        }
    }
}
