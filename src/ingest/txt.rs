//! Plain-text articles: a title line, optional header lines, then the body.
//!
//! ```text
//! Russian forces press on Pokrovsk          ← title (first non-empty line)
//! Published: 2025-11-05                     ← header lines, any order, optional;
//! Source: Example News                         a bare date line ("5 November 2025")
//! By Staff Reporter                            counts as the publication date
//!
//! KRAMATORSK, Ukraine — ...                 ← body: everything after the headers
//! ```
//!
//! The Markdown parser reuses this for files without front matter.

use super::{date, new_article, non_empty, normalize_lang};
use crate::model::{Article, Format};

/// A first line longer than this is a paragraph of a title-less file, not a
/// headline; treating it as a title would hide the lead paragraph (usually
/// the richest in places and people) from the body.
const MAX_TITLE_CHARS: usize = 250;

/// Metadata found at the top of a text file and where the body starts.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Head {
    pub title: Option<String>,
    pub published: Option<chrono::NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    /// Byte offset of the first body line in the text.
    pub body_start: usize,
}

/// Parses a plain-text article (text already decoded, `\n` line endings).
pub(crate) fn parse(rel: &str, format: Format, text: &str) -> Article {
    let head = parse_head(text, false);
    article_from_head(rel, format, text, head)
}

/// Builds the article from a parsed head: the body is the text after it.
/// A file that is all title (one line) keeps that line as the body, since an
/// article must have text to be searched.
pub(crate) fn article_from_head(rel: &str, format: Format, text: &str, head: Head) -> Article {
    let mut a = new_article(rel.to_string(), rel, format);
    let body = text.get(head.body_start..).unwrap_or_default().trim();
    a.body = if body.is_empty() {
        head.title.clone().unwrap_or_default()
    } else {
        body.to_string()
    };
    if !body.is_empty() {
        a.title = head.title;
    }
    a.published = head.published;
    a.source = head.source;
    a.url = head.url;
    a.lang = head.lang;
    a
}

/// Reads the title and header lines at the top of `text`. With
/// `markdown_heading`, a leading `# Heading` gives the title without its `#`.
pub(crate) fn parse_head(text: &str, markdown_heading: bool) -> Head {
    let mut head = Head {
        body_start: text.len(),
        ..Head::default()
    };
    let mut lines = LineOffsets::new(text).filter(|(_, l)| !l.trim().is_empty());
    // Title: the first non-empty line, unless it is itself a header (then the
    // file has no title) or too long to be one (then the body starts there).
    let Some((start, first)) = lines.next() else {
        return head;
    };
    let first = first.trim();
    let first = if markdown_heading {
        strip_heading(first)
    } else {
        first
    };
    if let Some(title) = header_value(first, &["title", "headline"]) {
        head.title = non_empty(title);
    } else if apply_header(&mut head, first) {
        // no title; keep reading headers
    } else if first.chars().count() > MAX_TITLE_CHARS {
        head.body_start = start;
        return head;
    } else {
        head.title = non_empty(first);
    }
    for (start, line) in lines {
        if !apply_header(&mut head, line.trim()) {
            head.body_start = start;
            break;
        }
    }
    head
}

/// Applies one header line to `head`; false if the line is not a header.
fn apply_header(head: &mut Head, line: &str) -> bool {
    let line = strip_emphasis(line);
    if let Some((key, value)) = line.split_once(':') {
        let key = strip_emphasis(key).to_ascii_lowercase();
        let value = strip_emphasis(value);
        let known = match key.as_str() {
            "published" | "date" | "publication date" | "posted" => {
                if head.published.is_none() {
                    head.published = date::parse_date(value);
                }
                true
            }
            "source" | "outlet" | "publisher" => {
                head.source = head.source.take().or_else(|| non_empty(value));
                true
            }
            "url" | "link" => {
                head.url = head.url.take().or_else(|| non_empty(value));
                true
            }
            "lang" | "language" => {
                head.lang = head.lang.take().or_else(|| normalize_lang(value));
                true
            }
            // Recognised so they do not start the body; their values are not
            // part of the model.
            "by" | "author" | "authors" | "byline" | "updated" | "modified" | "tags"
            | "keywords" | "category" | "section" => true,
            _ => false,
        };
        if known {
            return true;
        }
    }
    if is_byline(line) {
        return true;
    }
    if let Some(d) = date::parse_date(line) {
        head.published = head.published.or(Some(d));
        return true;
    }
    false
}

/// `Key: value` where the key is one of `keys` (case-insensitive).
fn header_value<'a>(line: &'a str, keys: &[&str]) -> Option<&'a str> {
    let (key, value) = line.split_once(':')?;
    let key = strip_emphasis(key);
    keys.iter()
        .any(|k| key.eq_ignore_ascii_case(k))
        .then(|| strip_emphasis(value))
}

/// A byline: `By Jane Doe`, `By our correspondent`, `BY REUTERS` — short, and
/// not a sentence ("By Monday, the troops had withdrawn." is body text).
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words = rest.split_whitespace().count();
    (1..=8).contains(&words)
        && line.chars().count() <= 80
        && !rest.ends_with(['.', '!', '?', ':'])
        && !rest.contains(", ")
}

/// Removes Markdown emphasis markers around a header line or key
/// (`**Published:** 2025-11-05`).
fn strip_emphasis(s: &str) -> &str {
    s.trim().trim_matches(['*', '_']).trim()
}

/// `## Heading` → `Heading`; anything else unchanged.
pub(crate) fn strip_heading(line: &str) -> &str {
    let t = line.trim_start();
    let hashes = t.len() - t.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
        t[hashes..].trim().trim_end_matches('#').trim()
    } else {
        line
    }
}

/// Iterator over `(byte offset, line without '\n')`.
struct LineOffsets<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> LineOffsets<'a> {
    fn new(text: &'a str) -> Self {
        LineOffsets { text, pos: 0 }
    }
}

impl<'a> Iterator for LineOffsets<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.pos..).filter(|r| !r.is_empty())?;
        let start = self.pos;
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((start, line))
    }
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
    };

    #[test]
    fn txt_cases() {
        let cases = [
            Case {
                name: "title and body",
                text: "Title\n\nBody.",
                ..BASE
            },
            Case {
                name: "leading blank lines",
                text: "\n\n  Title  \n\nBody.\n\n",
                ..BASE
            },
            Case {
                name: "published header",
                text: "Title\nPublished: 2025-11-05\n\nBody.",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "all headers, any order, any case",
                text: "Title\nSOURCE: Example News\nurl: https://ex.com/a\nlanguage: en-GB\nDate: 5 November 2025\nAuthor: Jane\n\nBody.",
                published: Some("2025-11-05"),
                source: Some("Example News"),
                url: Some("https://ex.com/a"),
                lang: Some("en"),
                ..BASE
            },
            Case {
                name: "bare date line and byline",
                text: "Title\n5 November 2025\nBy Staff Reporter\n\nBody.",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "lower-case byline",
                text: "Title\nBy our correspondent\n\nBody.",
                ..BASE
            },
            Case {
                name: "american date line",
                text: "Title\nNovember 5, 2025\n\nBody.",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "published with time",
                text: "Title\nPublished: 5 November 2025, 14:30\n\nBody.",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "published rfc3339",
                text: "Title\nPublished: 2025-11-05T22:10:00+02:00\n\nBody.",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "headers after a blank line",
                text: "Title\n\nLang: uk\n\nBody.",
                lang: Some("uk"),
                ..BASE
            },
            Case {
                name: "crlf is normalised before parsing",
                text: "Title\nPublished: 2025-11-05\n\nBody.",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "wire dateline is body",
                text: "Title\n\nKRAMATORSK, Ukraine — Shelling.",
                body: "KRAMATORSK, Ukraine — Shelling.",
                ..BASE
            },
            Case {
                name: "sentence starting with By is body",
                text: "Title\nBy Monday, the troops had withdrawn.\n",
                body: "By Monday, the troops had withdrawn.",
                ..BASE
            },
            Case {
                name: "unknown key is body",
                text: "Title\nWarning: heavy shelling\n",
                body: "Warning: heavy shelling",
                ..BASE
            },
            Case {
                name: "date followed by words is body",
                text: "Title\n5 November 2025 was quiet.\n",
                body: "5 November 2025 was quiet.",
                ..BASE
            },
            Case {
                name: "unparseable date header is still a header",
                text: "Title\nDate: sometime\n\nBody.",
                ..BASE
            },
            Case {
                name: "first date wins",
                text: "Title\nPublished: 2025-11-05\nDate: 2025-11-06\n\nBody.",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "title header",
                text: "Title: Title\nDate: 2025-11-05\n\nBody.",
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "header before any title",
                text: "Published: 2025-11-05\n\nBody.",
                title: None,
                published: Some("2025-11-05"),
                ..BASE
            },
            Case {
                name: "one line: it is the body",
                text: "Only one line here.\n",
                title: None,
                body: "Only one line here.",
                ..BASE
            },
            Case {
                name: "body lines keep internal blank lines",
                text: "Title\n\nPara one.\n\nPara two.\n",
                body: "Para one.\n\nPara two.",
                ..BASE
            },
            Case {
                name: "headers not repeated, body headers kept",
                text: "Title\n\nBody.\nSource: kept as body\n",
                body: "Body.\nSource: kept as body",
                ..BASE
            },
        ];
        for c in cases {
            let a = parse("a.txt", Format::Txt, c.text);
            let date = c
                .published
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            assert_eq!(a.title.as_deref(), c.title, "{}", c.name);
            assert_eq!(a.published, date, "{}", c.name);
            assert_eq!(a.source.as_deref(), c.source, "{}", c.name);
            assert_eq!(a.url.as_deref(), c.url, "{}", c.name);
            assert_eq!(a.lang.as_deref(), c.lang, "{}", c.name);
            assert_eq!(a.body, c.body, "{}", c.name);
            assert_eq!((a.id.as_str(), a.path.as_str()), ("a.txt", "a.txt"));
        }
    }

    #[test]
    fn long_first_line_is_not_a_title() {
        let para = "word ".repeat(80);
        let text = format!("{para}\n\nSecond paragraph.");
        let a = parse("a.txt", Format::Txt, &text);
        assert_eq!(a.title, None);
        assert!(a.body.starts_with("word word"));
        assert!(a.body.ends_with("Second paragraph."));
    }

    #[test]
    fn headings() {
        let cases = [
            ("# Title", "Title"),
            ("### Title ###", "Title"),
            ("#Title", "#Title"),
            ("####### Seven", "####### Seven"),
            ("Plain", "Plain"),
            ("#", "#"),
        ];
        for (input, want) in cases {
            assert_eq!(strip_heading(input), want, "{input:?}");
        }
    }
}
