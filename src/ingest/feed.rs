//! RSS 2.0, RSS 1.0 and Atom feeds: each item (entry) is an article.
//!
//! Parsing is `feed-rs`'s, which reads every common feed dialect into one
//! model and parses their date formats (RFC 822 in RSS, RFC 3339 in Atom).
//! `.rss` and `.atom` files are feeds by their name; a `.xml` file is one
//! when its first bytes hold an `<rss`, `<feed` or `<rdf:RDF` element (see
//! [`sniff`]), other XML is not an article and is not counted.
//!
//! Per item: the title; the first link as the URL; the publication date,
//! else the update date; the content, else the summary, cleaned like an HTML
//! file when it is markup; the feed's title as the source; the item's or
//! else the feed's language. Ids are `feed.xml#N` in item order. Items with
//! neither content nor summary keep their title as their text.

use super::{html, new_article, non_empty, normalize_lang, SkipReason};
use crate::model::{Article, Format};

/// Whether the first bytes of an `.xml` file are a feed's.
pub(crate) fn sniff(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(head);
    ["<rss", "<feed", "<rdf:RDF"]
        .iter()
        .any(|t| head.contains(t))
}

/// Parses a feed into articles.
pub(crate) fn parse(rel: &str, bytes: &[u8]) -> Result<Vec<Article>, SkipReason> {
    let feed = feed_rs::parser::parse(bytes)
        .map_err(|e| SkipReason::Malformed(format!("feed: {}", one_line(&e.to_string()))))?;
    let source = feed
        .title
        .as_ref()
        .and_then(|t| non_empty(&plain(&t.content)));
    let feed_lang = feed.language.as_deref().and_then(normalize_lang);
    let mut out = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let mut a = new_article(format!("{rel}#{}", i + 1), rel, Format::Feed);
        a.title = entry
            .title
            .as_ref()
            .and_then(|t| non_empty(&plain(&t.content)));
        a.url = entry.links.first().and_then(|l| non_empty(&l.href));
        a.published = entry.published.or(entry.updated).map(|d| d.date_naive());
        a.source = source.clone();
        a.lang = entry
            .language
            .as_deref()
            .and_then(normalize_lang)
            .or_else(|| feed_lang.clone());
        let raw = entry
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.map(|s| s.content))
            .unwrap_or_default();
        a.body = plain(&raw);
        if a.body.is_empty() {
            a.body = a.title.clone().unwrap_or_default();
        }
        out.push(a);
    }
    Ok(out)
}

/// Text of a feed field, which may hold escaped HTML.
fn plain(s: &str) -> String {
    if s.contains('<') && s.contains('>') {
        html::parse("", &format!("<html><body>{s}</body></html>")).body
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Collapses an error message onto one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_and_atom() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><language>en-us</language>
<item><title>Pokrovsk &amp; Myrnohrad</title><link>https://w.example/1</link><pubDate>Wed, 05 Nov 2025 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Shelling of &lt;b&gt;Pokrovsk&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</description></item>
<item><title>Only a title</title></item></channel></rss>"#;
        let arts = parse("w.rss", rss).unwrap();
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].id, "w.rss#1");
        assert_eq!(arts[0].title.as_deref(), Some("Pokrovsk & Myrnohrad"));
        assert_eq!(arts[0].url.as_deref(), Some("https://w.example/1"));
        assert_eq!(arts[0].published.unwrap().to_string(), "2025-11-05");
        assert_eq!(arts[0].source.as_deref(), Some("Wire"));
        assert_eq!(arts[0].lang.as_deref(), Some("en"));
        assert_eq!(arts[0].body, "Shelling of Pokrovsk.\n\nSecond.");
        assert_eq!(arts[1].body, "Only a title");
        let atom = br#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>x</id><updated>2025-11-06T00:00:00Z</updated>
<entry><title>Kharkiv</title><id>e1</id><link href="https://a.example/k"/><updated>2025-11-06T08:00:00Z</updated><content type="html">&lt;p&gt;Strike on Kharkiv.&lt;/p&gt;</content></entry></feed>"#;
        let arts = parse("a.atom", atom).unwrap();
        assert_eq!(arts[0].published.unwrap().to_string(), "2025-11-06");
        assert_eq!(arts[0].body, "Strike on Kharkiv.");
        assert_eq!(arts[0].source.as_deref(), Some("Atom Wire"));
        assert!(sniff(rss) && sniff(atom));
        assert!(!sniff(b"<?xml version=\"1.0\"?><urlset>"));
        let err = parse("b.rss", b"<rss><channel><item><title>x</ti").unwrap_err();
        assert_eq!(err.kind(), "malformed");
    }
}
