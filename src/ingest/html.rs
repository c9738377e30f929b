//! HTML articles: metadata from `<head>`, body text from the main content.
//!
//! Parsing is html5ever's (through `scraper`), so any byte soup yields a tree.
//! Metadata: title from `og:title`, else `<title>`, else the first `<h1>`;
//! publication date from `article:published_time`, else a `<time datetime>`
//! (inside the article first), else `datePublished` (meta, `itemprop` or
//! JSON-LD), else a `date`-like meta; source from `og:site_name`; URL from
//! `og:url` or `<link rel=canonical>`; language from `<html lang>`.
//!
//! Body: the visible text of the `<article>` with the most text (else
//! `<main>`, else `<body>`), without scripts, styles, navigation, footers,
//! asides, forms and embedded objects (and without page `<header>`s outside
//! an article). Block elements become line breaks or blank lines and runs of
//! whitespace collapse to one space.
//!
//! Every tree walk here is iterative (first child / next sibling / parent),
//! so a document nested 100,000 levels deep cannot overflow the stack.

use super::{date, new_article, non_empty, normalize_lang};
use crate::model::{Article, Format};
use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node};

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "aside", "form", "svg", "template", "iframe",
    "button", "select", "textarea", "canvas", "object", "embed", "audio", "video", "head", "title",
    "math", "dialog",
];

/// Meta names giving a publication date, in order of trust after
/// `article:published_time` and `datePublished`.
const DATE_METAS: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
];

/// Element nesting beyond this depth is flattened before parsing. Real pages
/// nest a few dozen levels; html5ever's tree builder scans the stack of open
/// elements for scope checks at every block start tag, which is quadratic in
/// the depth (100,000 nested `<div>`s take minutes).
const MAX_DEPTH: usize = 512;

/// Elements that never nest (void) or close their open namesakes implicitly,
/// so they do not deepen the stack of open elements.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb",
    "rt", "rp", "colgroup", "tbody", "thead", "tfoot", "caption",
];

/// Elements whose content is raw text up to the matching end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Returns a copy of `html` with start/end tags beyond `max` levels of
/// nesting removed (their text kept), or `None` when nesting stays within
/// `max` (the usual case: no copy).
///
/// This is a deliberately rough, linear tag scanner, not a parser: it only
/// has to count depth well enough to keep html5ever out of its quadratic
/// case, and it only rewrites documents that are pathological anyway.
fn cap_nesting(html: &str, max: usize) -> Option<String> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize; // bytes of `html` already copied to `out`
    let mut i = 0usize;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        let lt = i + off;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = find_from(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // `<!DOCTYPE`, `<?xml`, a lone `<` in text: not an element.
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(bytes, name_start + name_len);
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        let mut drop_tag = false;
        if closing {
            if !FLAT.contains(&name.as_str()) {
                if excess > 0 {
                    excess -= 1;
                    drop_tag = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
        } else if RAW_TEXT.contains(&name.as_str()) {
            // Skip the content and the end tag, keep them all.
            let close = format!("</{name}");
            i = find_ci(bytes, end, close.as_bytes())
                .map_or(bytes.len(), |c| tag_end(bytes, c + close.len()));
            continue;
        } else if !self_closing && !FLAT.contains(&name.as_str()) {
            if depth >= max {
                excess += 1;
                drop_tag = true;
            } else {
                depth += 1;
            }
        }
        if drop_tag {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = end;
        }
        i = end;
    }
    let mut o = out?;
    o.push_str(&html[copied..]);
    Some(o)
}

/// Index just past the `>` closing a tag whose attributes start at `from`
/// (quotes respected), or the end of input.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &c) in bytes.iter().enumerate().skip(from) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// First index of `needle` in `bytes` at or after `from`.
fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Like [`find_from`], ASCII case-insensitive.
fn find_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// How much separation an element's boundaries put around its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Line,
    Paragraph,
}

/// The separation an element's start and end impose on the text around it.
fn gap_of(name: &str) -> Gap {
    match name {
        "br" | "li" | "tr" | "dt" | "dd" | "option" | "caption" => Gap::Line,
        "td" | "th" => Gap::Space,
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "section" | "blockquote"
        | "article" | "main" | "header" | "ul" | "ol" | "dl" | "table" | "pre" | "figure"
        | "figcaption" | "hr" | "address" | "details" | "summary" | "body" => Gap::Paragraph,
        _ => Gap::None,
    }
}

/// Parses an HTML article.
pub(crate) fn parse(rel: &str, text: &str) -> Article {
    let capped = cap_nesting(text, MAX_DEPTH);
    let doc = Html::parse_document(capped.as_deref().unwrap_or(text));
    let meta = Meta::collect(&doc);
    let root = content_root(&doc);
    let (body, root_time) = match root {
        Some(root) => visible_text(root),
        None => (String::new(), None),
    };
    let mut a = new_article(rel.to_string(), rel, Format::Html);
    a.title = meta.og_title.or(meta.title).or(meta.h1);
    a.published = meta
        .published_time
        .or(root_time)
        .or(meta.first_time)
        .or(meta.date_published)
        .or(meta.date_meta);
    a.source = meta.site_name;
    a.url = meta.og_url.or(meta.canonical);
    a.lang = meta.lang;
    a.body = body;
    a
}

/// Metadata gathered in one pass over the document.
#[derive(Debug, Default)]
struct Meta {
    og_title: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    published_time: Option<NaiveDate>,
    first_time: Option<NaiveDate>,
    date_published: Option<NaiveDate>,
    date_meta: Option<NaiveDate>,
    /// Rank in [`DATE_METAS`] of the meta that set `date_meta`.
    date_meta_rank: usize,
    site_name: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    lang: Option<String>,
}

impl Meta {
    fn collect(doc: &Html) -> Meta {
        let mut m = Meta {
            date_meta_rank: usize::MAX,
            ..Meta::default()
        };
        let root = doc.root_element();
        m.lang = root.attr("lang").and_then(normalize_lang);
        for node in root.descendants() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            let e = el.value();
            match e.name() {
                "meta" => m.meta(el),
                "title" if m.title.is_none() => m.title = element_text(el),
                "h1" if m.h1.is_none() => m.h1 = element_text(el),
                "time" if m.first_time.is_none() => {
                    m.first_time = e.attr("datetime").and_then(date::parse_date);
                }
                "link" if m.canonical.is_none() => {
                    let canonical = e.attr("rel").is_some_and(|r| {
                        r.split_whitespace()
                            .any(|t| t.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical {
                        m.canonical = e.attr("href").and_then(non_empty);
                    }
                }
                "script"
                    if m.date_published.is_none()
                        && e.attr("type").is_some_and(|t| {
                            t.trim().eq_ignore_ascii_case("application/ld+json")
                        }) =>
                {
                    let json: String = el.text().collect();
                    m.date_published = json_ld_date(&json);
                }
                _ => {}
            }
            // Microdata on any element: <span itemprop="datePublished" content=…>.
            if m.date_published.is_none()
                && e.name() != "meta"
                && e.attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
            {
                m.date_published = e
                    .attr("datetime")
                    .or_else(|| e.attr("content"))
                    .and_then(date::parse_date);
            }
        }
        m
    }

    /// Applies one `<meta>` element.
    fn meta(&mut self, el: ElementRef) {
        let e = el.value();
        let Some(content) = e.attr("content") else {
            return;
        };
        for key in ["property", "name", "itemprop"] {
            let Some(k) = e.attr(key) else {
                continue;
            };
            let k = k.trim().to_ascii_lowercase();
            match k.as_str() {
                "og:title" => set_once(&mut self.og_title, non_empty(content)),
                "og:site_name" => set_once(&mut self.site_name, non_empty(content)),
                "og:url" => set_once(&mut self.og_url, non_empty(content)),
                "article:published_time" => {
                    set_once(&mut self.published_time, date::parse_date(content));
                }
                "datepublished" => set_once(&mut self.date_published, date::parse_date(content)),
                "og:locale" if self.lang.is_none() => self.lang = normalize_lang(content),
                other => {
                    if let Some(rank) = DATE_METAS.iter().position(|d| *d == other) {
                        if rank < self.date_meta_rank {
                            if let Some(d) = date::parse_date(content) {
                                self.date_meta = Some(d);
                                self.date_meta_rank = rank;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Sets `slot` to `value` unless it is already set.
fn set_once<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// `datePublished` from a JSON-LD block: the top-level object, an array of
/// objects, or the objects of an `@graph`.
fn json_ld_date(json: &str) -> Option<NaiveDate> {
    let v: serde_json::Value = serde_json::from_str(json.trim()).ok()?;
    let from_obj = |o: &serde_json::Value| {
        o.get("datePublished")
            .and_then(|d| d.as_str())
            .and_then(date::parse_date)
    };
    let list = match &v {
        serde_json::Value::Array(items) => items.as_slice(),
        obj => match obj.get("@graph") {
            Some(serde_json::Value::Array(items)) => items.as_slice(),
            _ => std::slice::from_ref(obj),
        },
    };
    from_obj(&v).or_else(|| list.iter().find_map(from_obj))
}

/// The element whose text is the article: the `<article>` holding the most
/// text of its own, else `<main>` (or `role=main`), else `<body>`, else the
/// root element.
fn content_root(doc: &Html) -> Option<ElementRef<'_>> {
    let root = doc.root_element();
    // One pass: each text node credits the innermost open <article>. Skipped
    // subtrees (scripts, navigation, asides) credit nothing, so a "related
    // stories" <article> inside an <aside> never wins.
    let mut articles: Vec<(ElementRef, usize)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut main = None;
    let mut body = None;
    walk(root, |event| {
        match event {
            Event::Leaf(Node::Text(t)) => {
                if let Some(entry) = open.last().and_then(|&i| articles.get_mut(i)) {
                    entry.1 += t.trim().len();
                }
            }
            Event::Leaf(_) => {}
            Event::Open(el) => {
                let name = el.value().name();
                if SKIPPED.contains(&name) {
                    return false;
                }
                if name == "article" {
                    open.push(articles.len());
                    articles.push((el, 0));
                }
                if main.is_none()
                    && (name == "main" || el.value().attr("role").is_some_and(|r| r == "main"))
                {
                    main = Some(el);
                }
                if body.is_none() && name == "body" {
                    body = Some(el);
                }
            }
            Event::Close(el) => {
                if el.value().name() == "article" {
                    open.pop();
                }
            }
        }
        true
    });
    let best = articles
        .iter()
        .filter(|(_, len)| *len > 0)
        // max_by_key returns the last of equals; reverse so the first wins.
        .rev()
        .max_by_key(|(_, len)| *len)
        .map(|(el, _)| *el);
    best.or(main).or(body).or(Some(root))
}

/// What the walker reports.
#[derive(Clone, Copy)]
enum Event<'a> {
    /// A non-element node (text, comment, …).
    Leaf(&'a Node),
    /// The start of an element; the callback answers whether to enter it.
    Open(ElementRef<'a>),
    /// The end of an element that was entered.
    Close(ElementRef<'a>),
}

/// Depth-first walk of `root`'s subtree without recursion (first child, next
/// sibling, parent), so nesting depth costs no stack. `f` sees every node
/// reached; for [`Event::Open`] it returns whether to descend, and the
/// matching [`Event::Close`] follows only if it did.
fn walk<'a>(root: ElementRef<'a>, mut f: impl FnMut(Event<'a>) -> bool) {
    let root_id = root.id();
    let mut node = *root;
    loop {
        let mut descend = None;
        match ElementRef::wrap(node) {
            Some(el) => {
                if f(Event::Open(el)) {
                    descend = node.first_child();
                    if descend.is_none() {
                        f(Event::Close(el));
                    }
                }
            }
            None => {
                f(Event::Leaf(node.value()));
            }
        }
        if let Some(child) = descend {
            node = child;
            continue;
        }
        // Climb until a next sibling exists, closing elements on the way.
        loop {
            if node.id() == root_id {
                return;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) => {
                    node = parent;
                    if let Some(el) = ElementRef::wrap(node) {
                        f(Event::Close(el));
                    }
                }
                None => return,
            }
        }
    }
}

/// Builds text from pieces, collapsing whitespace and keeping the strongest
/// separation requested between two words.
#[derive(Default)]
struct TextSink {
    out: String,
    gap: Option<Gap>,
}

impl TextSink {
    fn gap(&mut self, g: Gap) {
        if g != Gap::None {
            self.gap = Some(self.gap.map_or(g, |old| old.max(g)));
        }
    }

    fn text(&mut self, s: &str) {
        if s.starts_with(char::is_whitespace) {
            self.gap(Gap::Space);
        }
        for word in s.split_whitespace() {
            if !self.out.is_empty() {
                match self.gap.take() {
                    Some(Gap::Paragraph) => self.out.push_str("\n\n"),
                    Some(Gap::Line) => self.out.push('\n'),
                    Some(Gap::Space) => self.out.push(' '),
                    Some(Gap::None) | None => {}
                }
            }
            self.gap = Some(Gap::Space);
            self.out.push_str(word);
        }
        if !s.ends_with(char::is_whitespace) && !s.trim().is_empty() {
            // Words of the next text node continue this one (`<b>Pok</b>rovsk`).
            self.gap = None;
        }
    }
}

/// The visible text under `root`, and the first `<time datetime>` date in it.
fn visible_text(root: ElementRef<'_>) -> (String, Option<NaiveDate>) {
    let mut sink = TextSink::default();
    let mut time = None;
    // Page headers hold navigation; an article's own <header> holds its
    // headline and byline, so it stays.
    let mut article_depth = 0usize;
    walk(root, |event| {
        match event {
            Event::Leaf(Node::Text(t)) => sink.text(t),
            Event::Leaf(_) => {}
            Event::Open(el) => {
                let e = el.value();
                let name = e.name();
                let hidden = e.attr("hidden").is_some()
                    || e.attr("aria-hidden").is_some_and(|v| v == "true");
                if SKIPPED.contains(&name) || hidden || (name == "header" && article_depth == 0) {
                    return false;
                }
                if name == "time" && time.is_none() {
                    time = e.attr("datetime").and_then(date::parse_date);
                }
                if name == "article" {
                    article_depth += 1;
                }
                sink.gap(gap_of(name));
            }
            Event::Close(el) => {
                let name = el.value().name();
                if name == "article" {
                    article_depth = article_depth.saturating_sub(1);
                }
                sink.gap(gap_of(name));
            }
        }
        true
    });
    (sink.out, time)
}

/// The collapsed text of one element (for `<title>` and `<h1>`).
fn element_text(el: ElementRef<'_>) -> Option<String> {
    let mut s = String::new();
    for piece in el.text() {
        for word in piece.split_whitespace() {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(word);
        }
        if s.len() > 1000 {
            break;
        }
    }
    non_empty(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        html: &'static str,
        title: Option<&'static str>,
        published: Option<&'static str>,
        source: Option<&'static str>,
        url: Option<&'static str>,
        lang: Option<&'static str>,
        body: &'static str,
    }

    const BASE: Case = Case {
        name: "",
        html: "",
        title: None,
        published: None,
        source: None,
        url: None,
        lang: None,
        body: "",
    };

    #[test]
    fn html_cases() {
        let cases = [
            Case {
                name: "generator page: boilerplate stripped",
                html: r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Fighting near Pokrovsk</title>
<meta name="date" content="2025-11-05">
<script>var nav = "SCRIPT TEXT";</script>
<style>.x { color: red }</style>
</head>
<body>
<header>SITE HEADER</header>
<nav>Home | World | Ukraine | Opinion</nav>
<article>
<h1>Fighting near Pokrovsk</h1>
<p class="dateline"><time datetime="2025-11-04">4 November 2025</time></p>
<p>First   paragraph
 about <b>Pokr</b>ovsk.</p>
<p>Second paragraph.</p>
<script>alert("inline script")</script>
<aside>Related: ASIDE TEXT</aside>
</article>
<footer>&copy; Example News</footer>
</body>
</html>"#,
                title: Some("Fighting near Pokrovsk"),
                published: Some("2025-11-04"),
                lang: Some("en"),
                body: "Fighting near Pokrovsk\n\n4 November 2025\n\nFirst paragraph about Pokrovsk.\n\nSecond paragraph.",
                ..BASE
            },
            Case {
                name: "open graph metadata",
                html: r#"<html lang="uk-UA"><head>
<meta property="og:title" content="OG title">
<title>Title | Site</title>
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://ex.test/a">
<link rel="canonical" href="https://ex.test/canonical">
<meta property="article:published_time" content="2025-11-05T08:00:00+02:00">
<meta name="date" content="2020-01-01">
</head><body><main><p>Text.</p></main></body></html>"#,
                title: Some("OG title"),
                published: Some("2025-11-05"),
                source: Some("Example News"),
                url: Some("https://ex.test/a"),
                lang: Some("uk"),
                body: "Text.",
            },
            Case {
                name: "fallbacks: title tag, canonical, date meta, body",
                html: r#"<html><head><title> Plain
 title </title><link rel="canonical" href="https://ex.test/c">
<meta name="DC.date.issued" content="05.11.2025"></head>
<body><nav>menu</nav><div>One</div><div>Two<br>Three</div><ul><li>a</li><li>b</li></ul></body></html>"#,
                title: Some("Plain title"),
                published: Some("2025-11-05"),
                url: Some("https://ex.test/c"),
                body: "One\n\nTwo\nThree\n\na\nb",
                ..BASE
            },
            Case {
                name: "h1 title, itemprop and json-ld dates",
                html: r#"<html><body><h1>Heading</h1>
<span itemprop="datePublished" content="2025-11-03"></span>
<script type="application/ld+json">{"@graph":[{"datePublished":"2025-11-02"}]}</script>
<p>x</p></body></html>"#,
                title: Some("Heading"),
                published: Some("2025-11-03"),
                body: "Heading\n\nx",
                ..BASE
            },
            Case {
                name: "json-ld date",
                html: r#"<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2025-11-02T10:00:00Z"}
</script></head><body><p>x</p></body></html>"#,
                published: Some("2025-11-02"),
                body: "x",
                ..BASE
            },
            Case {
                name: "the longest article wins, asides ignored",
                html: r#"<html><body>
<aside><article><p>Related story with a long teaser text that is longer than the main one</p></article></aside>
<article><p>Short teaser</p></article>
<article><p>The main story, longer than the teaser.</p></article>
</body></html>"#,
                body: "The main story, longer than the teaser.",
                ..BASE
            },
            Case {
                name: "hidden, forms, noscript, svg, template, iframe",
                html: r#"<body><p>keep</p><div hidden>H</div><div aria-hidden="true">A</div>
<form><input value="x"><label>L</label></form><noscript>N</noscript><svg><text>S</text></svg>
<template><p>T</p></template><iframe>I</iframe><p>also</p></body>"#,
                body: "keep\n\nalso",
                ..BASE
            },
            Case {
                name: "entities decoded, table cells spaced",
                html: "<body><p>Bakhmut &amp; Soledar &mdash; &#1055;&#1086;</p><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></body>",
                body: "Bakhmut & Soledar — По\n\na b\nc",
                ..BASE
            },
            Case {
                name: "not html at all",
                html: "just some text",
                body: "just some text",
                ..BASE
            },
            Case {
                name: "unclosed tags",
                html: "<p>one<p>two<div><span>three",
                body: "one\n\ntwo\n\nthree",
                ..BASE
            },
        ];
        for c in cases {
            let a = parse("a.html", c.html);
            let date = c
                .published
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            assert_eq!(a.title.as_deref(), c.title, "{}", c.name);
            assert_eq!(a.published, date, "{}", c.name);
            assert_eq!(a.source.as_deref(), c.source, "{}", c.name);
            assert_eq!(a.url.as_deref(), c.url, "{}", c.name);
            assert_eq!(a.lang.as_deref(), c.lang, "{}", c.name);
            assert_eq!(a.body, c.body, "{}", c.name);
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        for tag in ["div", "span", "b"] {
            let depth = 100_000;
            let mut s = String::with_capacity(depth * 12);
            s.push_str("<html><body>");
            for _ in 0..depth {
                s.push('<');
                s.push_str(tag);
                s.push('>');
            }
            s.push_str("deep text");
            for _ in 0..depth {
                s.push_str("</");
                s.push_str(tag);
                s.push('>');
            }
            s.push_str("</body></html>");
            let start = std::time::Instant::now();
            let a = parse("deep.html", &s);
            assert_eq!(a.body, "deep text", "{tag}");
            // Generous bound for a debug build on a shared machine.
            assert!(
                start.elapsed().as_secs() < 30,
                "{tag}: {:?}",
                start.elapsed()
            );
        }
    }

    #[test]
    fn nesting_cap() {
        let cases: &[(&str, usize, Option<&str>)] = &[
            ("<div><div>x</div></div>", 2, None),
            (
                "<div><div><div>x</div></div></div>",
                2,
                Some("<div><div>x</div></div>"),
            ),
            ("<p><p><p><br><img/><div>x</div>", 1, None),
            (
                "<div><!-- <div><div> --><div>x",
                1,
                Some("<div><!-- <div><div> -->x"),
            ),
            (
                "<div><script>if (a<b) {'<div>'}</script><span title='>'>x",
                1,
                Some("<div><script>if (a<b) {'<div>'}</script>x"),
            ),
            ("<div>a < b <3 </div></div>", 1, None),
            (
                "<!DOCTYPE html><div><DIV>x</DIV></div>",
                1,
                Some("<!DOCTYPE html><div>x</div>"),
            ),
            ("<div><div", 1, Some("<div>")),
            ("<Покровськ><div>", 1, None),
            ("", 1, None),
        ];
        for (input, max, want) in cases {
            assert_eq!(cap_nesting(input, *max).as_deref(), *want, "{input:?}");
        }
    }

    #[test]
    fn a_million_entities_is_fast() {
        let mut s = String::from("<html><body><article><p>");
        for _ in 0..1_000_000 {
            s.push_str("&amp;");
        }
        s.push_str("</p></article></body></html>");
        let start = std::time::Instant::now();
        let a = parse("ents.html", &s);
        assert_eq!(a.body.len(), 1_000_000);
        // Generous bound for a debug build on a shared machine.
        assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
    }
}
