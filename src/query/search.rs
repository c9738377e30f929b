//! Full-text search with filters, BM25 ranking or date order, and snippets.

use std::ops::Range;

use anyhow::Context;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, FuzzyTermQuery, Occur, Query, QueryParser};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, TantivyDocument, Term};

use super::{with_filters, Filters, IndexHandle};
use crate::error::Error;
use crate::index::document::{brief, from_document, StoredArticle};
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
    /// Show each reprint group once (its best-ranked article), with the
    /// other members listed as reprints.
    pub collapse: bool,
    /// Allow typos in every plain word of 5+ letters (`word~` asks for it
    /// word by word).
    pub fuzzy: bool,
}

/// Another article of the same story.
#[derive(Debug, Clone)]
pub struct Reprint {
    /// Article id.
    pub id: String,
    /// Source file.
    pub path: String,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<chrono::NaiveDate>,
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
    /// The page the snippet is on, for articles read from paged documents
    /// (PDF), whose bodies mark page starts with form feeds.
    pub page: Option<usize>,
    /// Other matching articles of the same story (when collapsing).
    pub reprints: Vec<Reprint>,
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
    parse_query_with(handle, text, false)
}

/// [`parse_query`], with typo tolerance for plain words when `fuzzy` (and for
/// words written `word~` in any case): one edit in words of 5 to 8 letters,
/// two from 9 letters, like the web search engines users know. A fuzzy
/// word keeps its place in the query: `Bakhmut OR Avdiivka` stays a
/// disjunction, a word after `NOT` stays exact.
pub fn parse_query_with(
    handle: &IndexHandle,
    text: &str,
    fuzzy: bool,
) -> anyhow::Result<Box<dyn Query>> {
    let (_, words) = split_fuzzy_words(text, fuzzy);
    if words.is_empty() {
        return parse_plain(handle, text);
    }
    // The fuzzy words stay where they are in the query's structure
    // (`Bakhmut OR Avdiivka` stays a disjunction): the query is parsed to
    // tantivy's syntax tree, each fuzzy word's leaf becomes a fuzzy clause
    // and every other part is built by tantivy's parser as usual.
    let text = expand_plain_dates(&strip_fuzzy_marks(text));
    let ast = tantivy::query_grammar::parse_query(&text)
        .map_err(|_| Error::BadQuery(format!("syntax error in {text:?}")))?;
    let parser = parser(handle);
    build_fuzzy(handle, &parser, ast, &words)
}

/// `word~` → `word`, outside quotes: the mark only asks for typo tolerance.
fn strip_fuzzy_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_quotes = false;
    for token in text.split_inclusive(char::is_whitespace) {
        let word = token.trim_end();
        let stem = word
            .strip_suffix('~')
            .filter(|s| !in_quotes && !s.is_empty() && s.chars().all(char::is_alphabetic));
        match stem {
            Some(stem) => {
                out.push_str(stem);
                out.push_str(&token[word.len()..]);
            }
            None => out.push_str(token),
        }
        if word.matches('"').count() % 2 == 1 {
            in_quotes = !in_quotes;
        }
    }
    out
}

fn build_fuzzy(
    handle: &IndexHandle,
    parser: &QueryParser,
    ast: tantivy::query_grammar::UserInputAst,
    words: &[String],
) -> anyhow::Result<Box<dyn Query>> {
    use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf};
    let bad =
        |e: tantivy::query::QueryParserError| anyhow::Error::from(Error::BadQuery(e.to_string()));
    match ast {
        UserInputAst::Clause(clauses) => {
            let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(clauses.len());
            for (occur, sub) in clauses {
                // Words the query excludes stay exact.
                let q = if occur == Some(Occur::MustNot) {
                    parser.build_query_from_user_input_ast(sub).map_err(bad)?
                } else {
                    build_fuzzy(handle, parser, sub, words)?
                };
                out.push((occur.unwrap_or(Occur::Must), q));
            }
            // As tantivy's parser does: exclusions alone exclude from all.
            if out.iter().all(|(o, _)| *o == Occur::MustNot) {
                out.push((Occur::Must, Box::new(AllQuery)));
            }
            Ok(Box::new(BooleanQuery::new(out)))
        }
        UserInputAst::Leaf(leaf) => match *leaf {
            UserInputLeaf::Literal(lit)
                if lit.field_name.is_none()
                    && lit.delimiter == Delimiter::None
                    && words.contains(&lit.phrase) =>
            {
                Ok(fuzzy_word(handle, &lit.phrase))
            }
            other => parser
                .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(other)))
                .map_err(bad),
        },
        other => parser.build_query_from_user_input_ast(other).map_err(bad),
    }
}

/// A word with typo tolerance in the title and the body (both folded to
/// Latin, so typos and scripts combine).
fn fuzzy_word(handle: &IndexHandle, word: &str) -> Box<dyn Query> {
    let f = &handle.fields;
    let distance = edit_budget(word);
    // The word as the text fields index it (folded to Latin).
    let term = crate::index::analysis::analyze_word(word);
    let alternatives: Vec<(Occur, Box<dyn Query>)> = [f.title, f.body]
        .into_iter()
        .filter(|_| !term.is_empty())
        .map(|field| {
            let q: Box<dyn Query> = Box::new(FuzzyTermQuery::new(
                Term::from_field_text(field, &term),
                distance,
                true,
            ));
            (Occur::Should, q)
        })
        .collect();
    Box::new(BooleanQuery::new(alternatives))
}

/// Edits allowed in a word: 0 under 5 letters, 1 up to 8, 2 from 9.
pub fn edit_budget(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Split off the words to match with typo tolerance: plain words (letters
/// only, outside quotes, not operators or `field:` clauses) of 5+ letters
/// when `all`, and any word written `word~`.
pub fn split_fuzzy_words(text: &str, all: bool) -> (String, Vec<String>) {
    let mut rest = String::with_capacity(text.len());
    let mut words = Vec::new();
    let mut in_quotes = false;
    let mut negated = false;
    for token in text.split_inclusive(char::is_whitespace) {
        if token.trim().is_empty() {
            rest.push_str(token);
            continue;
        }
        let word = token.trim_end();
        let quotes = word.matches('"').count();
        let plain = !in_quotes && quotes == 0;
        let (stem, marked) = match word.strip_suffix('~') {
            Some(stem) => (stem, true),
            None => (word, false),
        };
        let letters = !stem.is_empty() && stem.chars().all(char::is_alphabetic);
        let operator = matches!(stem, "AND" | "OR" | "NOT");
        // A word after NOT keeps its meaning: it stays with the parser.
        if plain && letters && !operator && !negated && (marked || (all && edit_budget(stem) > 0)) {
            words.push(stem.to_string());
            rest.push(' ');
        } else {
            rest.push_str(token);
        }
        if quotes % 2 == 1 {
            in_quotes = !in_quotes;
        }
        negated = stem == "NOT";
    }
    (rest, words)
}

/// The query parser over title and body (folded to Latin).
fn parser(handle: &IndexHandle) -> QueryParser {
    let f = &handle.fields;
    // The fields fold every word to Latin, so every word is cross-script:
    // Покровськ finds Pokrovsk and the other way round.
    let mut parser = QueryParser::for_index(&handle.index, vec![f.title, f.body]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.title, 2.0);
    parser
}

fn parse_plain(handle: &IndexHandle, text: &str) -> anyhow::Result<Box<dyn Query>> {
    if text.trim().is_empty() {
        return Ok(Box::new(AllQuery));
    }
    let text = expand_plain_dates(text);
    parser(handle)
        .parse_query(&text)
        .map_err(|e| Error::BadQuery(e.to_string()).into())
}

/// `2025-11-01` → `2025-11-01T00:00:00Z`, as tantivy's date fields expect.
fn expand_plain_dates(text: &str) -> String {
    if !text.contains('-') {
        return text.to_string();
    }
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"\b(\d{4}-\d{2}-\d{2})\b([^T]|$)").unwrap_or_else(|_| unreachable!())
    });
    re.replace_all(text, "${1}T00:00:00Z$2").into_owned()
}

/// The whole query of a request: text and filters.
pub fn build_query(handle: &IndexHandle, req: &SearchRequest) -> anyhow::Result<Box<dyn Query>> {
    Ok(with_filters(
        parse_query_with(handle, &req.text, req.fuzzy)?,
        req.filters.to_queries(&handle.fields),
    ))
}

/// Run a search.
pub fn search(handle: &IndexHandle, req: &SearchRequest) -> anyhow::Result<SearchResults> {
    let text_query = parse_query_with(handle, &req.text, req.fuzzy)?;
    let query = with_filters(
        text_query.box_clone(),
        req.filters.to_queries(&handle.fields),
    );
    let searcher = handle.reader.searcher();
    let limit = req.limit.max(1);
    // When collapsing reprints, rank more candidates than shown so that a
    // page still holds `limit` stories after grouping.
    let (fetch, skip) = if req.collapse {
        ((req.offset + limit) * 4 + 20, 0)
    } else {
        (limit, req.offset)
    };
    let top = TopDocs::with_limit(fetch).and_offset(skip);
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
    // Stories in rank order: the first article of each group leads it.
    let mut stories: Vec<((f32, DocAddress), Vec<DocAddress>)> = Vec::new();
    if req.collapse {
        let candidates: Vec<DocAddress> = addresses.iter().map(|(_, a)| *a).collect();
        let groups = super::reprints::reprint_groups(handle, &candidates)?;
        let mut story_of_group: std::collections::HashMap<usize, usize> = Default::default();
        for (score, address) in addresses {
            match groups.group_of(address) {
                Some(g) => match story_of_group.get(&g) {
                    Some(&i) => stories[i].1.push(address),
                    None => {
                        story_of_group.insert(g, stories.len());
                        stories.push(((score, address), Vec::new()));
                    }
                },
                None => stories.push(((score, address), Vec::new())),
            }
        }
        stories = stories.into_iter().skip(req.offset).take(limit).collect();
    } else {
        stories = addresses.into_iter().map(|a| (a, Vec::new())).collect();
    }
    let (_, fuzzy_words) = split_fuzzy_words(&req.text, req.fuzzy);
    let generator = if req.text.trim().is_empty() {
        None
    } else {
        // Highlight through the folded field: it matches every script and
        // spelling of the query words, at their offsets in the original text.
        SnippetGenerator::create(&searcher, &*text_query, handle.fields.body)
            .ok()
            .map(|mut g| {
                g.set_max_num_chars(SNIPPET_CHARS);
                g
            })
    };
    let mut hits = Vec::with_capacity(stories.len());
    for (i, ((score, address), others)) in stories.into_iter().enumerate() {
        let doc: TantivyDocument = searcher.doc(address).context("reading a document")?;
        let stored = from_document(&handle.fields, &doc)?;
        let mut reprints = Vec::with_capacity(others.len());
        for other in others {
            let doc: TantivyDocument = searcher.doc(other).context("reading a document")?;
            let a = brief(&handle.fields, &doc);
            reprints.push(Reprint {
                id: a.id,
                path: a.path,
                source: a.source,
                published: a.published,
            });
        }
        let snippet = generator
            .as_ref()
            .map(|g| g.snippet(&stored.article.body))
            .filter(|s| !s.is_empty())
            .map(|s| Snippet {
                text: s.fragment().to_string(),
                highlights: s.highlighted().to_vec(),
            })
            .unwrap_or_else(|| {
                fuzzy_fragment(&stored.article.body, &fuzzy_words)
                    .unwrap_or_else(|| lead_snippet(&stored.article.body))
            });
        let snippet = highlight_fuzzy(snippet, &fuzzy_words);
        let page = page_of(&stored.article, &snippet);
        hits.push(Hit {
            rank: req.offset + i + 1,
            score,
            stored,
            snippet,
            page,
            reprints,
        });
    }
    Ok(SearchResults { total, hits })
}

/// The page of a PDF article where a snippet's first highlighted word is
/// (its start when nothing is highlighted): snippets are slices of the body,
/// found again to count the page breaks before them.
fn page_of(article: &crate::model::Article, snippet: &Snippet) -> Option<usize> {
    let start = article.body.find(snippet.text.as_str()).unwrap_or(0);
    let first = snippet.highlights.first().map_or(0, |r| r.start);
    article.page_at(start + first)
}

/// Whether a word of the text matches a fuzzy query word within its budget.
fn fuzzy_match(word: &str, query_word: &str) -> bool {
    let (w, q) = (word.to_lowercase(), query_word.to_lowercase());
    let budget = usize::from(edit_budget(&q).max(1));
    strsim::damerau_levenshtein(&w, &q) <= budget
        || crate::extract::translit::fold(&w) == crate::extract::translit::fold(&q)
}

/// Word spans of a text: (start, end) byte offsets of alphanumeric runs.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans.into_iter()
}

/// A fragment around the first word of `body` matching a fuzzy query word.
fn fuzzy_fragment(body: &str, words: &[String]) -> Option<Snippet> {
    if words.is_empty() {
        return None;
    }
    let (start, _) =
        word_spans(body).find(|&(s, e)| words.iter().any(|w| fuzzy_match(&body[s..e], w)))?;
    let mut from = start.saturating_sub(SNIPPET_CHARS / 3);
    while !body.is_char_boundary(from) {
        from -= 1;
    }
    // Start at a word boundary, not in the middle of a word.
    if from > 0 {
        if let Some(space) = body[from..start].find(char::is_whitespace) {
            from += space;
        }
    }
    Some(lead_snippet(&body[from..]))
}

/// Mark the words of a snippet that match a fuzzy query word: tantivy's
/// snippets only know the exact terms of a query.
fn highlight_fuzzy(mut snippet: Snippet, words: &[String]) -> Snippet {
    if words.is_empty() {
        return snippet;
    }
    for (s, e) in word_spans(&snippet.text) {
        let overlaps = snippet.highlights.iter().any(|r| r.start < e && s < r.end);
        if !overlaps && words.iter().any(|w| fuzzy_match(&snippet.text[s..e], w)) {
            snippet.highlights.push(s..e);
        }
    }
    snippet.highlights.sort_by_key(|r| r.start);
    snippet
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
    fn fuzzy_words_are_plain_words_of_five_letters_or_marked() {
        struct Case {
            query: &'static str,
            all: bool,
            words: &'static [&'static str],
        }
        let cases = [
            Case {
                query: "Pokrvsk drone",
                all: true,
                words: &["Pokrvsk", "drone"],
            },
            Case {
                query: "Kyev strike",
                all: true,
                words: &["strike"],
            },
            Case {
                query: "Pokrvsk drone",
                all: false,
                words: &[],
            },
            Case {
                query: "Kramatorks~ drone",
                all: false,
                words: &["Kramatorks"],
            },
            Case {
                query: "\"exact phrase here\" Bakhmut",
                all: true,
                words: &["Bakhmut"],
            },
            Case {
                query: "title:Bakhmut NOT Avdiivka",
                all: true,
                words: &[],
            },
            Case {
                query: "Bakhmut OR Avdiivka",
                all: false,
                words: &[],
            },
        ];
        for c in cases {
            let (_, words) = split_fuzzy_words(c.query, c.all);
            assert_eq!(words, c.words, "{}", c.query);
        }
        assert_eq!(edit_budget("kyev"), 0);
        assert_eq!(edit_budget("kyivv"), 1);
        assert_eq!(edit_budget("krasnoarmeisk"), 2);
    }

    #[test]
    fn lead_snippet_is_bounded() {
        let body = "word ".repeat(500);
        let s = lead_snippet(&body);
        assert!(s.text.chars().count() <= SNIPPET_CHARS);
        assert!(s.text.starts_with("word word"));
    }
}
