//! Full-text search with filters, BM25 ranking or date order, and snippets.

use std::ops::Range;

use anyhow::Context;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, Query, QueryParser};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, TantivyDocument};

use super::{with_filters, Filters, IndexHandle};
use crate::error::Error;
use crate::index::document::{from_document, StoredArticle};
use crate::index::schema::names;

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 220;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// BM25 relevance, best first.
    #[default]
    Score,
    /// Publication date, newest first.
    Date,
}

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query text in tantivy's syntax (phrases, AND/OR/NOT, `field:`); empty
    /// for filters only.
    pub text: String,
    /// Filters that every hit must match.
    pub filters: Filters,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip (paging).
    pub offset: usize,
    /// Ordering.
    pub sort: SortOrder,
}

/// A text fragment with the ranges to highlight.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The fragment.
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub highlights: Vec<Range<usize>>,
}

/// One search hit.
#[derive(Debug, Clone)]
pub struct Hit {
    /// 1-based rank in the whole result list.
    pub rank: usize,
    /// BM25 score (0 when sorted by date).
    pub score: f32,
    /// The article and its entities.
    pub stored: StoredArticle,
    /// Text around the best match.
    pub snippet: Snippet,
}

/// Search results.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Number of matching articles in the whole index.
    pub total: usize,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
}

/// Parse the text part of a query against title and body.
///
/// Words are ANDed by default, like the web search engines users know.
/// Dates in `published:`/`mentioned:` ranges may be written as plain days
/// (`published:[2025-11-01 TO 2025-11-30]`).
pub fn parse_query(handle: &IndexHandle, text: &str) -> anyhow::Result<Box<dyn Query>> {
    if text.trim().is_empty() {
        return Ok(Box::new(AllQuery));
    }
    let f = &handle.fields;
    let mut parser = QueryParser::for_index(&handle.index, vec![f.title, f.body]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.title, 2.0);
    let text = expand_plain_dates(text);
    parser
        .parse_query(&text)
        .map_err(|e| Error::BadQuery(e.to_string()).into())
}

/// `2025-11-01` → `2025-11-01T00:00:00Z`, as tantivy's date fields expect.
fn expand_plain_dates(text: &str) -> String {
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"\b(\d{4}-\d{2}-\d{2})\b([^T]|$)").unwrap_or_else(|_| unreachable!())
    });
    re.replace_all(text, "${1}T00:00:00Z$2").into_owned()
}

/// Run a search.
pub fn search(handle: &IndexHandle, req: &SearchRequest) -> anyhow::Result<SearchResults> {
    let text_query = parse_query(handle, &req.text)?;
    let query = with_filters(
        text_query.box_clone(),
        req.filters.to_queries(&handle.fields),
    );
    let searcher = handle.reader.searcher();
    let limit = req.limit.max(1);
    let top = TopDocs::with_limit(limit).and_offset(req.offset);
    let (total, addresses): (usize, Vec<(f32, DocAddress)>) = match req.sort {
        SortOrder::Score => searcher
            .search(&query, &(Count, top.order_by_score()))
            .context("searching")?,
        SortOrder::Date => {
            let (total, docs) = searcher
                .search(
                    &query,
                    &(
                        Count,
                        top.order_by_fast_field::<DateTime>(names::PUBLISHED, Order::Desc),
                    ),
                )
                .context("searching")?;
            (total, docs.into_iter().map(|(_, a)| (0.0, a)).collect())
        }
    };
    let generator = if req.text.trim().is_empty() {
        None
    } else {
        SnippetGenerator::create(&searcher, &*text_query, handle.fields.body)
            .ok()
            .map(|mut g| {
                g.set_max_num_chars(SNIPPET_CHARS);
                g
            })
    };
    let mut hits = Vec::with_capacity(addresses.len());
    for (i, (score, address)) in addresses.into_iter().enumerate() {
        let doc: TantivyDocument = searcher.doc(address).context("reading a document")?;
        let stored = from_document(&handle.fields, &doc);
        let snippet = generator
            .as_ref()
            .map(|g| g.snippet(&stored.article.body))
            .filter(|s| !s.is_empty())
            .map(|s| Snippet {
                text: s.fragment().to_string(),
                highlights: s.highlighted().to_vec(),
            })
            .unwrap_or_else(|| lead_snippet(&stored.article.body));
        hits.push(Hit {
            rank: req.offset + i + 1,
            score,
            stored,
            snippet,
        });
    }
    Ok(SearchResults { total, hits })
}

/// The beginning of the body, when no query word gives a better fragment.
pub fn lead_snippet(body: &str) -> Snippet {
    let text: String = body
        .split_whitespace()
        .scan(0usize, |len, word| {
            *len += word.chars().count() + 1;
            (*len <= SNIPPET_CHARS).then_some(word)
        })
        .collect::<Vec<_>>()
        .join(" ");
    Snippet {
        text,
        highlights: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_dates_become_rfc3339() {
        let cases = [
            (
                "published:[2025-11-01 TO 2025-11-30]",
                "published:[2025-11-01T00:00:00Z TO 2025-11-30T00:00:00Z]",
            ),
            (
                "published:[2025-11-01T00:00:00Z TO *]",
                "published:[2025-11-01T00:00:00Z TO *]",
            ),
            ("Pokrovsk", "Pokrovsk"),
        ];
        for (input, want) in cases {
            assert_eq!(expand_plain_dates(input), want, "{input}");
        }
    }

    #[test]
    fn lead_snippet_is_bounded() {
        let body = "word ".repeat(500);
        let s = lead_snippet(&body);
        assert!(s.text.chars().count() <= SNIPPET_CHARS);
        assert!(s.text.starts_with("word word"));
    }
}
