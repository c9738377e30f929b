//! HTML pages: search, article, place, person, timeline and map. Each
//! handler parses the URL, asks the query layer (off the async threads) and
//! renders with maud, which escapes every string it is given.

use std::collections::BTreeMap;

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use maud::{html, Markup, DOCTYPE};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use tantivy::query::{AllQuery, Query};

use super::params::{SearchParams, PAGE_SIZE};
use super::svg::{self, Bar, Dot};
use super::{blocking, App, AppState, WebError};
use crate::model::Claim;
use crate::model::EntityKind;
use crate::query::entities::{person_mentions, place_articles, MentionHit, PlaceHit};
use crate::query::search::{Hit, SearchResults};
use crate::query::{with_filters, Filters, IndexHandle};
use crate::service::{
    ClaimPlaceRow, ClaimRow, ClaimState, DateField as DatesArg, NamedFacets, Period, PlaceClaims,
    PlaceInfo, SearchOptions, TimelineOptions,
};

/// Values shown per facet.
pub const FACET_SIZE: usize = 10;
/// Places drawn on a place or person page's map.
pub const MAP_PLACES: usize = 25;
/// Places drawn on the map page.
pub const MAP_PAGE_PLACES: usize = 300;
/// Articles per page on a place page, mentions per page on a person page.
pub const ENTITY_PAGE: usize = 50;

// ---------------------------------------------------------------------------
// Links and text

/// A path segment with everything but letters and digits percent-encoded.
pub fn enc(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

/// Link to an article page.
pub fn article_href(id: &str) -> String {
    format!("/article/{}", enc(id))
}

/// Link to a place page.
pub fn place_href(id: &str) -> String {
    format!("/place/{}", enc(id))
}

/// Link to a person page.
pub fn person_href(key: &str) -> String {
    format!("/person/{}", enc(key))
}

/// The address itself when it is a plain http(s) URL; anything else
/// (`javascript:`, `data:`, relative paths, spaces) is not linked.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && url.len() > 8
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    ok.then_some(url)
}

/// Text with the byte ranges marked; bad ranges are ignored.
pub fn highlighted(text: &str, ranges: &[std::ops::Range<usize>]) -> Markup {
    // (plain text before, marked text), then the rest.
    let mut parts: Vec<(&str, &str)> = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.start >= r.end {
            continue;
        }
        if let (Some(before), Some(word)) = (text.get(at..r.start), text.get(r.clone())) {
            parts.push((before, word));
            at = r.end;
        }
    }
    html! {
        @for (before, word) in parts { (before) mark { (word) } }
        (text.get(at..).unwrap_or(""))
    }
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "undated".to_string(), |d| d.to_string())
}

/// First and last day of a timeline period label (`2025-11`,
/// `2025-11-03 (W45)`, `2025-11-06`).
pub fn period_range(label: &str, by: Period) -> Option<(NaiveDate, NaiveDate)> {
    match by {
        Period::Month => {
            let first = NaiveDate::parse_from_str(&format!("{label}-01"), "%Y-%m-%d").ok()?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            Some((first, next.pred_opt()?))
        }
        Period::Week => {
            let monday = NaiveDate::parse_from_str(label.get(..10)?, "%Y-%m-%d").ok()?;
            Some((monday, monday.checked_add_days(chrono::Days::new(6))?))
        }
        Period::Day => {
            let d = NaiveDate::parse_from_str(label, "%Y-%m-%d").ok()?;
            Some((d, d))
        }
    }
}

/// The same search narrowed to one period of a timeline.
fn narrowed(p: &SearchParams, label: &str, by: Period, dates: DatesArg) -> SearchParams {
    let range = period_range(label, by);
    p.with(|q| {
        if let Some((a, b)) = range {
            let (a, b) = (Some(a.to_string()), Some(b.to_string()));
            match dates {
                DatesArg::Published => (q.from, q.to) = (a, b),
                DatesArg::Mentioned => (q.mentioned_from, q.mentioned_to) = (a, b),
            }
        }
    })
}

// ---------------------------------------------------------------------------
// Layout

/// The page frame: header with the search box and navigation.
pub fn layout(title: &str, p: Option<&SearchParams>, body: Markup) -> Markup {
    let empty = SearchParams::default();
    let p = p.unwrap_or(&empty);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · frontline" }
                link rel="stylesheet" href="/assets/style.css";
                script src="/assets/app.js" defer {}
            }
            body {
                header.top {
                    a.brand href="/" { "frontline" }
                    form.quick action="/search" method="get" role="search" {
                        input type="search" name="q" value=(p.q) placeholder="Search: Pokrovsk drone, person:Bezuhla, \"exact phrase\"" aria-label="Query";
                        button type="submit" { "Search" }
                    }
                    nav {
                        a href=(p.href("/search")) { "Search" }
                        a href=(p.with(|_| {}).href("/timeline")) { "Timeline" }
                        a href=(p.with(|_| {}).href("/map")) { "Map" }
                        a href="/claims" { "Claims" }
                    }
                }
                main { (body) }
                footer { "frontline · read-only view of the local index" }
            }
        }
    }
}

/// The page shown with a 4xx or 5xx status.
pub fn error_page(status: StatusCode, message: &str) -> Markup {
    layout(
        status.canonical_reason().unwrap_or("Error"),
        None,
        html! {
            section.error {
                h1 { (status.as_u16()) " " (status.canonical_reason().unwrap_or("")) }
                p.message { (message) }
                p { a href="/" { "Back to search" } }
            }
        },
    )
}

// ---------------------------------------------------------------------------
// Search

/// What the search page shows.
pub struct SearchView {
    /// The request's parameters.
    pub params: SearchParams,
    /// Hits of the page.
    pub results: SearchResults,
    /// Facets of every match.
    pub facets: NamedFacets,
    /// Display names of the place filters, in `params.place` order.
    pub place_names: Vec<String>,
}

/// Named facets of every document matching `query`.
pub fn named_facets(app: &App, query: &dyn Query) -> Result<NamedFacets, WebError> {
    app.engine
        .facets_of(query, false, FACET_SIZE)
        .map_err(WebError::from_query)
}

/// The people most often in the documents matching `query`, named.
fn top_people(app: &App, query: &dyn Query) -> Result<NamedFacets, WebError> {
    app.engine
        .top_people_of(query, FACET_SIZE)
        .map_err(WebError::from_query)
}

/// Display names of the place filters of `p`, in order (the value itself
/// when the gazetteer lacks it).
fn place_names(app: &App, p: &SearchParams) -> Vec<String> {
    p.place
        .iter()
        .map(|id| {
            app.engine
                .place_infos([id.as_str()])
                .pop()
                .map_or_else(|| id.to_string(), |i| i.name)
        })
        .collect()
}

/// Run the search of `p`: the page of hits and the facets of all matches.
pub fn search_view(app: &App, p: &SearchParams) -> Result<SearchView, WebError> {
    let page = app
        .engine
        .search(
            &p.criteria()?,
            &SearchOptions {
                facets: Some(false),
                ..p.options()
            },
        )
        .map_err(WebError::from_query)?;
    let place_names = place_names(app, p);
    Ok(SearchView {
        params: p.clone(),
        results: page.results,
        facets: page.facets.unwrap_or_default(),
        place_names,
    })
}

/// `/` and `/search`.
pub async fn search(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let view = blocking(app, move |app| search_view(app, &p)).await?;
    Ok(render_search(&view))
}

fn render_search(v: &SearchView) -> Markup {
    let p = &v.params;
    let pages = v.results.total.div_ceil(PAGE_SIZE).max(1);
    let title = if p.q.is_empty() {
        "Search".to_string()
    } else {
        p.q.clone()
    };
    layout(
        &title,
        Some(p),
        html! {
            form.filters action="/search" method="get" {
                label { "Query " input type="search" name="q" value=(p.q); }
                @for v in p.place.iter().map(String::as_str).chain([""]) {
                    label { "Place " input type="text" name="place" value=(v) placeholder="any spelling"; }
                }
                @for v in p.person.iter().map(String::as_str).chain([""]) {
                    label { "Person " input type="text" name="person" value=(v) placeholder="any spelling"; }
                }
                label { "Published from " input type="text" name="from" value=(p.from.as_deref().unwrap_or("")) placeholder="YYYY-MM-DD"; }
                label { "to " input type="text" name="to" value=(p.to.as_deref().unwrap_or("")) placeholder="YYYY-MM-DD"; }
                label { "Mentions dates from " input type="text" name="mentioned_from" value=(p.mentioned_from.as_deref().unwrap_or("")) placeholder="YYYY-MM-DD"; }
                label { "to " input type="text" name="mentioned_to" value=(p.mentioned_to.as_deref().unwrap_or("")) placeholder="YYYY-MM-DD"; }
                label { "Order "
                    select name="sort" {
                        option value="score" selected[!p.sort_date] { "relevance" }
                        option value="date" selected[p.sort_date] { "newest first" }
                    }
                }
                label { input type="checkbox" name="all" value="1" checked[p.all]; " show reprints" }
                label { input type="checkbox" name="fuzzy" value="1" checked[p.fuzzy]; " allow typos" }
                button type="submit" { "Search" }
            }
            (active_filters(p, &v.place_names))
            div.columns {
                aside.facets { (render_facets(p, &v.facets)) }
                section.results {
                    p.summary {
                        (v.results.total) " matching articles"
                        @if pages > 1 { " · page " (p.page) " of " (pages) }
                        " · " a href=(p.with(|_| {}).href("/timeline")) { "timeline" }
                        " · " a href=(p.with(|_| {}).href("/map")) { "map" }
                    }
                    @for hit in &v.results.hits { (render_hit(hit)) }
                    nav.pager {
                        @if p.page > 1 {
                            a rel="prev" href=(p.with(|q| q.page = p.page - 1).href("/search")) { "← newer results" }
                        }
                        @if p.page < pages && p.page < super::params::MAX_PAGE {
                            a rel="next" href=(p.with(|q| q.page = p.page + 1).href("/search")) { "more results →" }
                        }
                    }
                }
            }
        },
    )
}

fn active_filters(p: &SearchParams, place_names: &[String]) -> Markup {
    html! {
        ul.active {
            @for (i, v) in p.place.iter().enumerate() {
                li.chip.place { "place: " (place_names.get(i).map_or(v.as_str(), String::as_str)) " "
                    a.remove href=(p.with(|q| { q.place.remove(i); }).href("/search")) aria-label="remove" { "×" } }
            }
            @for (i, v) in p.person.iter().enumerate() {
                li.chip.person { "person: " (v) " "
                    a.remove href=(p.with(|q| { q.person.remove(i); }).href("/search")) aria-label="remove" { "×" } }
            }
            @if p.from.is_some() || p.to.is_some() {
                li.chip { "published " (p.from.as_deref().unwrap_or("…")) " – " (p.to.as_deref().unwrap_or("…")) " "
                    a.remove href=(p.with(|q| { q.from = None; q.to = None; }).href("/search")) aria-label="remove" { "×" } }
            }
            @if p.mentioned_from.is_some() || p.mentioned_to.is_some() {
                li.chip { "mentions " (p.mentioned_from.as_deref().unwrap_or("…")) " – " (p.mentioned_to.as_deref().unwrap_or("…")) " "
                    a.remove href=(p.with(|q| { q.mentioned_from = None; q.mentioned_to = None; }).href("/search")) aria-label="remove" { "×" } }
            }
        }
    }
}

fn render_facets(p: &SearchParams, f: &NamedFacets) -> Markup {
    html! {
        section.facet.places {
            h2 { "Places" }
            ul { @for v in f.of(EntityKind::Place) {
                li { a href=(p.with(|q| q.place.push(v.id.clone())).href("/search")) { (v.name) }
                     " " span.count { (v.count) } }
            } }
        }
        section.facet.people {
            h2 { "People" }
            ul { @for v in f.of(EntityKind::Person) {
                li { a href=(p.with(|q| q.person.push(v.id.clone())).href("/search")) { (v.name) }
                     " " span.count { (v.count) } }
            } }
        }
        section.facet.sources {
            h2 { "Sources" }
            ul { @for v in &f.sources {
                li { a href=(p.with(|q| q.q = format!("{} source:\"{}\"", q.q, v.id.replace('"', "")).trim().to_string()).href("/search")) { (v.name) }
                     " " span.count { (v.count) } }
            } }
        }
        section.facet.months {
            h2 { "Months" }
            ul { @for v in &f.months {
                li { a href=(narrowed(p, &v.id, Period::Month, DatesArg::Published).href("/search")) { (v.name) }
                     " " span.count { (v.count) } }
            } }
        }
    }
}

fn render_hit(hit: &Hit) -> Markup {
    let a = &hit.stored.article;
    html! {
        article.hit {
            h3 { a href=(article_href(&a.id)) { (a.title.as_deref().unwrap_or(&a.path)) } }
            p.meta {
                (a.source.as_deref().unwrap_or("unknown source")) " · " (date_text(a.published))
                @if let Some(url) = a.url.as_deref().and_then(safe_url) {
                    " · " a.original href=(url) rel="noopener noreferrer nofollow" { "original" }
                }
            }
            p.snippet { (highlighted(&hit.snippet.text, &hit.snippet.highlights)) }
            p.entities {
                @for pl in hit.stored.entities.places.iter().take(8) {
                    a.place href=(place_href(&pl.id)) { (pl.name) } " "
                }
                @for pe in hit.stored.entities.people.iter().take(6) {
                    a.person href=(person_href(&pe.key)) { (pe.name) } " "
                }
            }
            @if !hit.reprints.is_empty() {
                details.reprints {
                    summary { "also published " (hit.reprints.len()) " more times" }
                    ul { @for r in &hit.reprints {
                        li { a href=(article_href(&r.id)) { (r.source.as_deref().unwrap_or(&r.path)) }
                             " · " (date_text(r.published)) }
                    } }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Article

/// `/article/{id}`.
pub async fn article(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> Result<Markup, WebError> {
    blocking(app, move |app| {
        let (address, stored) = crate::query::web_support::article_by_id(app.engine.handle(), &id)
            .map_err(WebError::from_query)?
            .ok_or_else(|| WebError::not_found(format!("no article with id {id:?}")))?;
        let groups = app.reprints().map_err(WebError::from_query)?;
        let reprints =
            crate::query::web_support::reprints_of(app.engine.handle(), &groups, address)
                .map_err(WebError::from_query)?;
        Ok(render_article(&stored, &reprints))
    })
    .await
}

/// A marked span of the article text.
struct Span {
    start: usize,
    end: usize,
    class: &'static str,
    href: String,
}

fn marked(text: &str, spans: &[Span], from: usize, to: usize) -> Markup {
    // (plain text before, marked text, its span), then the rest.
    let mut parts: Vec<(&str, &str, &Span)> = Vec::new();
    let mut at = from;
    for s in spans.iter().filter(|s| s.start >= from && s.end <= to) {
        if s.start < at {
            continue;
        }
        if let (Some(before), Some(word)) = (text.get(at..s.start), text.get(s.start..s.end)) {
            parts.push((before, word, s));
            at = s.end;
        }
    }
    html! {
        @for (before, word, s) in parts {
            (before)
            @if s.href.is_empty() { span class=(s.class) { (word) } }
            @else { a class=(s.class) href=(s.href) { (word) } }
        }
        (text.get(at..to).unwrap_or(""))
    }
}

/// The text from `from` on, with the sentences of control claims wrapped
/// in a marked span (titled with what they claim) and the entities marked
/// inside and outside them.
fn with_claims(text: &str, spans: &[Span], claims: &[Claim], from: usize) -> Markup {
    let mut ranges: Vec<(usize, usize, String)> = Vec::new();
    for c in claims {
        let title = match &c.claimant {
            Some(who) => format!("{} (claimant: {})", claim_kind(c), who.text),
            None => claim_kind(c),
        };
        match ranges.iter_mut().find(|r| r.0 == c.start && r.1 == c.end) {
            Some(r) => r.2 = format!("{}; {title}", r.2),
            None => ranges.push((c.start, c.end, title)),
        }
    }
    ranges.sort_by_key(|r| (r.0, std::cmp::Reverse(r.1)));
    let mut parts: Vec<(usize, usize, Option<&str>)> = Vec::new();
    let mut at = from;
    for (start, end, title) in &ranges {
        let (start, end) = (*start, (*end).min(text.len()));
        if start < at
            || start >= end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        parts.push((at, start, None));
        parts.push((start, end, Some(title.as_str())));
        at = end;
    }
    parts.push((at, text.len(), None));
    html! {
        @for (a, b, title) in parts {
            @if let Some(t) = title { mark.claim title=(t) { (marked(text, spans, a, b)) } }
            @else { (marked(text, spans, a, b)) }
        }
    }
}

fn render_article(
    stored: &crate::index::document::StoredArticle,
    reprints: &[crate::query::search::Reprint],
) -> Markup {
    let a = &stored.article;
    let e = &stored.entities;
    let text = a.text();
    let mut spans: Vec<Span> = Vec::new();
    for p in &e.places {
        for m in &p.mentions {
            spans.push(Span {
                start: m.start,
                end: m.end,
                class: "place",
                href: place_href(&p.id),
            });
        }
    }
    for p in &e.people {
        for m in &p.mentions {
            spans.push(Span {
                start: m.start,
                end: m.end,
                class: "person",
                href: person_href(&p.key),
            });
        }
    }
    for d in &e.dates {
        let href = d.first_day().map_or_else(String::new, |day| {
            SearchParams::default()
                .with(|q| {
                    q.mentioned_from = Some(day.to_string());
                    q.mentioned_to = Some(day.to_string());
                })
                .href("/search")
        });
        spans.push(Span {
            start: d.start,
            end: d.end,
            class: "date",
            href,
        });
    }
    spans.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
    let title = a.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let body_at = title.map_or(0, |t| t.len() + 2);
    html! {
        (layout(title.unwrap_or(&a.path), None, html! {
            article.full {
                h1 { @if let Some(t) = title { (marked(&text, &spans, 0, t.len())) } @else { (a.path) } }
                p.meta {
                    (a.source.as_deref().unwrap_or("unknown source")) " · " (date_text(a.published))
                    " · " code { (a.path) }
                    @if let Some(url) = a.url.as_deref().and_then(safe_url) {
                        " · " a.original href=(url) rel="noopener noreferrer nofollow" { "original article" }
                    }
                }
                p.legend { span.place { "place" } " " span.person { "person" } " " span.date { "date" } }
                @if !e.claims.is_empty() {
                    p.legend { span.claim { "control claim" } " (" (e.claims.len()) ")" }
                }
                div.text { (with_claims(&text, &spans, &e.claims, body_at.min(text.len()))) }
                @if !reprints.is_empty() {
                    section.reprints {
                        h2 { "The same story elsewhere" }
                        ul { @for r in reprints {
                            li { a href=(article_href(&r.id)) { (r.source.as_deref().unwrap_or(&r.path)) } " · " (date_text(r.published)) }
                        } }
                    }
                }
            }
        }))
    }
}

// ---------------------------------------------------------------------------
// Place

/// What a place page shows.
pub struct PlaceView {
    /// The place.
    pub info: PlaceInfo,
    /// The page's articles about it, newest first.
    pub hits: Vec<PlaceHit>,
    /// Articles about it in all.
    pub total: usize,
    /// Spellings seen in the articles, with their article counts.
    pub spellings: Vec<(String, u64)>,
    /// Articles per month.
    pub timeline: Vec<(String, u64)>,
    /// Places most often mentioned with it (itself included).
    pub nearby: Vec<(PlaceInfo, u64)>,
    /// People most often in its articles.
    pub facets: NamedFacets,
    /// Control claims about it and the places inside it, with the state.
    pub claims: Option<PlaceClaims>,
}

fn date_only_filters(app: &App, p: &SearchParams) -> Result<Filters, WebError> {
    let (_, filters) = app
        .engine
        .filters(&p.date_criteria()?)
        .map_err(WebError::from_query)?;
    Ok(filters)
}

fn filtered(handle: &IndexHandle, filters: &Filters) -> Box<dyn Query> {
    with_filters(Box::new(AllQuery), filters.to_queries(&handle.fields))
}

fn top_places(app: &App, query: &dyn Query, n: usize) -> Result<Vec<(PlaceInfo, u64)>, WebError> {
    app.engine
        .top_places_of(query, n)
        .map_err(WebError::from_query)
}

fn place_filter(info: &PlaceInfo) -> crate::query::PlaceFilter {
    crate::query::PlaceFilter {
        id: info.id.clone(),
        facet: info.facet.clone(),
    }
}

fn known_place(app: &App, id: &str) -> Result<PlaceInfo, WebError> {
    app.engine
        .place_info(id)
        .ok_or_else(|| WebError::not_found(format!("unknown place {id:?}")))
}

fn month_timeline(app: &App, query: &dyn Query) -> Result<Vec<(String, u64)>, WebError> {
    app.engine
        .periods_of(
            query,
            TimelineOptions {
                by: Period::Month,
                dates: DatesArg::Published,
                by_story: false,
            },
        )
        .map_err(WebError::from_query)
}

/// Gather a place page: one page of articles (`p.page`) read from the
/// store; counts, spellings, timeline, map and people from the terms.
pub fn place_view(app: &App, id: &str, p: &SearchParams) -> Result<PlaceView, WebError> {
    let info = known_place(app, id)?;
    let filter = place_filter(&info);
    let dates = date_only_filters(app, p)?;
    let page = app
        .engine
        .place_articles_page(&filter, &dates, (p.page - 1) * ENTITY_PAGE, ENTITY_PAGE)
        .map_err(WebError::from_query)?;
    let mut all = dates.clone();
    all.push(filter);
    let query = filtered(app.engine.handle(), &all);
    let timeline = month_timeline(app, &*query)?;
    let nearby = top_places(app, &*query, MAP_PLACES)?;
    let facets = top_people(app, &*query)?;
    let spellings = app
        .engine
        .place_spellings(&info.id)
        .map_err(WebError::from_query)?;
    let claims = app
        .engine
        .place_claims(&info.id, &p.date_criteria()?)
        .map_err(WebError::from_query)?;
    Ok(PlaceView {
        info,
        hits: page.items,
        total: page.total,
        spellings,
        timeline,
        nearby,
        facets,
        claims: Some(claims).filter(|c| !c.claims.is_empty()),
    })
}

/// Every article about a place, newest first (what `/api/place` returns,
/// as `frontline place --json` does).
pub fn place_all(
    app: &App,
    id: &str,
    p: &SearchParams,
) -> Result<(PlaceInfo, Vec<PlaceHit>), WebError> {
    let info = known_place(app, id)?;
    let dates = date_only_filters(app, p)?;
    let target = info.id.clone();
    let inside = move |pid: &str| app.engine.is_inside(pid, &target);
    let hits = place_articles(app.engine.handle(), &place_filter(&info), &dates, &inside)
        .map_err(WebError::from_query)?;
    Ok((info, hits))
}

/// `/place/{id}`.
pub async fn place(
    State(app): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let p = SearchParams::parse(raw.as_deref())?;
    blocking(app, move |app| {
        let v = place_view(app, &id, &p)?;
        Ok(render_place(&v, &p))
    })
    .await
}

/// Most periods a chart fills in; beyond that, empty periods are skipped.
const MAX_BARS: usize = 1000;

/// The periods from the first to the last, empty ones included, so that the
/// chart's axis is time.
pub fn fill_gaps(rows: &[(String, u64)], by: Period) -> Vec<(String, u64)> {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Vec::new();
    };
    let (Some((mut day, _)), Some((end, _))) =
        (period_range(&first.0, by), period_range(&last.0, by))
    else {
        return rows.to_vec();
    };
    let counts: BTreeMap<&str, u64> = rows.iter().map(|(l, n)| (l.as_str(), *n)).collect();
    let mut out = Vec::new();
    while day <= end {
        if out.len() >= MAX_BARS {
            return rows.to_vec();
        }
        let label = crate::service::period_label(day, by);
        let n = counts.get(label.as_str()).copied().unwrap_or(0);
        out.push((label, n));
        day = match by {
            Period::Day => day.succ_opt(),
            Period::Week => day.checked_add_days(chrono::Days::new(7)),
            Period::Month => day.checked_add_months(chrono::Months::new(1)),
        }
        .unwrap_or(NaiveDate::MAX);
    }
    out
}

fn bars(rows: &[(String, u64)], base: &SearchParams, by: Period, dates: DatesArg) -> Vec<Bar> {
    fill_gaps(rows, by)
        .iter()
        .map(|(label, n)| Bar {
            label: label.clone(),
            count: *n,
            href: narrowed(base, label, by, dates).href("/search"),
        })
        .collect()
}

fn dots(places: &[(PlaceInfo, u64)], focus: &str) -> Vec<Dot> {
    places
        .iter()
        .filter_map(|(i, n)| {
            Some(Dot {
                name: i.name.clone(),
                count: *n,
                lat: i.lat?,
                lon: i.lon?,
                href: place_href(&i.id),
                focus: i.id == focus,
            })
        })
        .collect()
}

fn entity_pager(p: &SearchParams, total: usize, per_page: usize, path: &str) -> Markup {
    let pages = total.div_ceil(per_page).max(1);
    html! {
        @if pages > 1 {
            nav.pager {
                "page " (p.page) " of " (pages) " "
                @if p.page > 1 { a rel="prev" href=(p.with(|q| q.page = p.page - 1).href(path)) { "← previous" } " " }
                @if p.page < pages && p.page < super::params::MAX_PAGE {
                    a rel="next" href=(p.with(|q| q.page = p.page + 1).href(path)) { "next →" }
                }
            }
        }
    }
}

/// The parameters of an entity page that its pager keeps (dates, page).
fn entity_params(p: &SearchParams) -> SearchParams {
    SearchParams {
        from: p.from.clone(),
        to: p.to.clone(),
        mentioned_from: p.mentioned_from.clone(),
        mentioned_to: p.mentioned_to.clone(),
        page: p.page,
        ..SearchParams::default()
    }
}

/// `RU · full`, `UA · partial · denial`.
pub fn claim_kind(c: &Claim) -> String {
    let mut s = format!("{} · {}", c.controller.as_str(), c.extent.as_str());
    if c.denial {
        s.push_str(" · denial");
    }
    s
}

fn claimant(c: &Claim) -> Markup {
    html! {
        @match &c.claimant {
            Some(who) => {
                @if let Some(key) = &who.person { a.person href=(person_href(key)) { (who.text) } }
                @else { (who.text) }
                " " span.side { "(" (who.side.map_or("side unknown", |s| s.as_str())) ")" }
            }
            None => { span.fact { "stated as fact" } }
        }
    }
}

fn claim_cell(row: Option<&ClaimRow>) -> Markup {
    html! {
        @match row {
            Some(r) => {
                span.date { (date_text(r.claim.date)) } " " strong { (claim_kind(&r.claim)) } " · " (claimant(&r.claim))
                " · " a href=(article_href(&r.article.id)) { "article" }
            }
            None => { span.none { "no claim" } }
        }
    }
}

/// The state as each side tells it: one row per place.
fn render_claim_states(states: &[ClaimState]) -> Markup {
    html! {
        table.claim-states {
            thead { tr { th { "Place" } th { "Latest RU-side claim" } th { "Latest UA-side claim" } th { "State" } } }
            tbody { @for s in states {
                tr.contested[s.contested] {
                    td { @if let Some(pl) = &s.place { a href=(place_href(&pl.id)) { (pl.name) } } }
                    td.ru { (claim_cell(s.ru.as_ref())) }
                    td.ua { (claim_cell(s.ua.as_ref())) }
                    td { @if s.contested { strong.contested { "contested" } } @else { "—" } }
                }
            } }
        }
    }
}

/// Claims shown on a place page; the API has all of them.
pub const MAX_CLAIMS_SHOWN: usize = 200;

fn render_claims(c: &PlaceClaims, place_id: &str) -> Markup {
    let shown = &c.claims[c.claims.len().saturating_sub(MAX_CLAIMS_SHOWN)..];
    html! {
        section.claims id="claims" {
            h2 { "Control claims" }
            p.hint { "Who says which side holds it, in date order; the state is each side's latest claim. "
                a href=(format!("/api/claims/{}", enc(place_id))) { "JSON" } }
            (render_claim_states(&c.states))
            @if shown.len() < c.claims.len() { p { "The latest " (shown.len()) " of " (c.claims.len()) " claims:" } }
            ol.claim-list { @for r in shown {
                li {
                    span.date { (date_text(r.claim.date)) } " "
                    strong.claim { (claim_kind(&r.claim)) } " "
                    a.place href=(place_href(&r.claim.place.id)) { (r.claim.place.name) } " · "
                    (claimant(&r.claim)) " · "
                    a href=(article_href(&r.article.id)) { (r.article.title.as_deref().unwrap_or(&r.article.path)) }
                    blockquote { (r.claim.sentence) }
                }
            } }
        }
    }
}

fn render_place(v: &PlaceView, p: &SearchParams) -> Markup {
    let i = &v.info;
    let base = SearchParams::default().with(|q| q.place.push(i.id.clone()));
    let here = format!("/place/{}", enc(&i.id));
    let kept = entity_params(p);
    let unplaced: Vec<&(PlaceInfo, u64)> = v
        .nearby
        .iter()
        .filter(|(pi, _)| match (pi.lat, pi.lon) {
            (Some(la), Some(lo)) => svg::project_world(la, lo).is_none(),
            _ => true,
        })
        .collect();
    layout(
        &i.name,
        None,
        html! {
            nav.breadcrumbs aria-label="Hierarchy" {
                @for (aid, aname) in &i.ancestors { a href=(place_href(aid)) { (aname) } " › " }
                span.current { (i.name) }
            }
            h1 { (i.name) " " small.kind { (i.kind) } }
            p.summary { (v.total) " articles · "
                a href=(base.href("/search")) { "search within" } " · "
                a href=(base.href("/timeline")) { "timeline" }
                @if v.claims.is_some() { " · " a href="#claims" { "control claims" } } }
            section.names {
                h2 { "Names" }
                p { @for (k, n) in i.names.iter().enumerate() { @if k > 0 { ", " } (n) } }
                @if !v.spellings.is_empty() {
                    h3 { "Spellings seen in the articles" }
                    p.variants { @for (k, (s, n)) in v.spellings.iter().enumerate() { @if k > 0 { ", " } (s) " " span.count { (n) } } }
                }
            }
            div.charts {
                section.chart { h2 { "Articles per month" } (svg::timeline(&bars(&v.timeline, &base, Period::Month, DatesArg::Published))) }
                section.chart { h2 { "Places mentioned with it" } (svg::maps(&dots(&v.nearby, &i.id)))
                    @if !unplaced.is_empty() {
                        p.outside { "Without coordinates: "
                            @for (k, (pi, n)) in unplaced.iter().enumerate() { @if k > 0 { ", " } a href=(place_href(&pi.id)) { (pi.name) } " " span.count { (n) } } }
                    }
                }
            }
            @if let Some(c) = &v.claims { (render_claims(c, &i.id)) }
            section.people {
                h2 { "People mentioned with it" }
                ul.inline { @for f in v.facets.of(EntityKind::Person) {
                    li { a href=(person_href(&f.id)) { (f.name) } " " span.count { (f.count) } }
                } }
            }
            section.articles {
                h2 { "Articles, newest first" }
                (entity_pager(&kept, v.total, ENTITY_PAGE, &here))
                ol.mentions start=((p.page - 1) * ENTITY_PAGE + 1) { @for h in &v.hits {
                    li {
                        span.date { (date_text(h.article.published)) } " "
                        a href=(article_href(&h.article.id)) { (h.article.title.as_deref().unwrap_or(&h.article.path)) }
                        " " span.source { (h.article.source.as_deref().unwrap_or("")) }
                        blockquote { (highlighted(&h.sentence, std::slice::from_ref(&h.highlight))) }
                    }
                } }
                (entity_pager(&kept, v.total, ENTITY_PAGE, &here))
            }
        },
    )
}

// ---------------------------------------------------------------------------
// Person

/// Articles per page on a person page (each with all its mentions).
pub const PERSON_PAGE: usize = 20;

/// What a person page shows.
pub struct PersonView {
    /// Display name.
    pub name: String,
    /// The key asked for.
    pub key: String,
    /// The mentions in the page's articles, in date order.
    pub hits: Vec<MentionHit>,
    /// Articles that mention them in all.
    pub total: usize,
    /// Spellings, with their article counts.
    pub spellings: Vec<(String, u64)>,
    /// Mentions per month.
    pub timeline: Vec<(String, u64)>,
    /// People most often in their articles.
    pub facets: NamedFacets,
    /// Places of their articles, for the map.
    pub places: Vec<(PlaceInfo, u64)>,
}

/// Gather a person page: one page of articles (`p.page`) read from the
/// store, everything else from term counts.
pub fn person_view(app: &App, key: &str, p: &SearchParams) -> Result<PersonView, WebError> {
    let filter = super::params::person_filter(key)?;
    let dates = date_only_filters(app, p)?;
    let page = app
        .engine
        .person_mentions_page(&filter, &dates, (p.page - 1) * PERSON_PAGE, PERSON_PAGE)
        .map_err(WebError::from_query)?;
    if page.total == 0 {
        return Err(WebError::not_found(format!("no mentions of {key:?}")));
    }
    let spellings = app
        .engine
        .person_spellings(&filter)
        .map_err(WebError::from_query)?;
    let name = crate::service::people::display_name(&spellings).unwrap_or_else(|| key.to_string());
    let mut all = dates.clone();
    all.push(filter);
    let query = filtered(app.engine.handle(), &all);
    let timeline = month_timeline(app, &*query)?;
    let facets = top_people(app, &*query)?;
    let places = top_places(app, &*query, MAP_PLACES)?;
    Ok(PersonView {
        name,
        key: key.to_string(),
        hits: page.items,
        total: page.total,
        spellings,
        timeline,
        facets,
        places,
    })
}

/// Every mention of a person in date order (what `/api/person` returns, as
/// `frontline mentions --json` does).
pub fn person_all(app: &App, key: &str, p: &SearchParams) -> Result<Vec<MentionHit>, WebError> {
    let filter = super::params::person_filter(key)?;
    let dates = date_only_filters(app, p)?;
    let hits =
        person_mentions(app.engine.handle(), &filter, &dates).map_err(WebError::from_query)?;
    if hits.is_empty() {
        return Err(WebError::not_found(format!("no mentions of {key:?}")));
    }
    Ok(hits)
}

/// `/person/{key}`.
pub async fn person(
    State(app): State<AppState>,
    Path(key): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let p = SearchParams::parse(raw.as_deref())?;
    blocking(app, move |app| {
        let v = person_view(app, &key, &p)?;
        Ok(render_person(&v, &p))
    })
    .await
}

fn render_person(v: &PersonView, p: &SearchParams) -> Markup {
    let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
    for h in &v.hits {
        if let Some(r) = &h.role {
            *roles.entry(r.as_str()).or_default() += 1;
        }
    }
    let keys: std::collections::BTreeSet<&str> = v.hits.iter().map(|h| h.key.as_str()).collect();
    let base = SearchParams::default().with(|q| q.person.push(v.key.clone()));
    let here = format!("/person/{}", enc(&v.key));
    let kept = entity_params(p);
    layout(
        &v.name,
        None,
        html! {
            h1 { (v.name) }
            p.summary { "mentioned in " (v.total) " articles · "
                a href=(base.href("/search")) { "search within" } }
            section.names {
                h2 { "Spellings" }
                p.variants { @for (k, (s, n)) in v.spellings.iter().enumerate() { @if k > 0 { ", " } (s) " " span.count { (n) } } }
                @if !roles.is_empty() {
                    h2 { "Roles on this page" }
                    p.roles { @for (k, (s, n)) in roles.iter().enumerate() { @if k > 0 { "; " } (s) " " span.count { (n) } } }
                }
            }
            div.charts {
                section.chart { h2 { "Articles per month" } (svg::timeline(&bars(&v.timeline, &base, Period::Month, DatesArg::Published))) }
                section.chart { h2 { "Places in their articles" } (svg::maps(&dots(&v.places, ""))) }
            }
            section.people {
                h2 { "Mentioned with" }
                ul.inline {
                    @for f in v.facets.of(EntityKind::Person).iter().filter(|f| !keys.contains(f.id.as_str()) && f.id != v.key) {
                        li { a href=(person_href(&f.id)) { (f.name) } " " span.count { (f.count) } }
                    }
                    @for (i, n) in v.places.iter().take(8) {
                        li { a.place href=(place_href(&i.id)) { (i.name) } " " span.count { (n) } }
                    }
                }
            }
            section.articles {
                h2 { "Every mention, in date order" }
                (entity_pager(&kept, v.total, PERSON_PAGE, &here))
                ol.mentions { @for h in &v.hits {
                    li {
                        span.date { (date_text(h.article.published)) } " "
                        a href=(article_href(&h.article.id)) { (h.article.title.as_deref().unwrap_or(&h.article.path)) }
                        @if h.speaker { " " span.badge.speaker { "speaking" } }
                        @if let Some(r) = &h.role { " " span.role { (r) } }
                        blockquote { (highlighted(&h.sentence, std::slice::from_ref(&h.highlight))) }
                    }
                } }
                (entity_pager(&kept, v.total, PERSON_PAGE, &here))
            }
        },
    )
}

// ---------------------------------------------------------------------------
// Claims

/// Places listed on the claims page.
pub const CLAIM_PLACES: usize = 50;

/// The places with the most recent control claims, with the state of each
/// (what `frontline claims` lists).
pub fn claim_places(
    app: &App,
    p: &SearchParams,
    limit: usize,
) -> Result<Vec<ClaimPlaceRow>, WebError> {
    app.engine
        .rank_claim_places(&p.date_criteria()?, limit)
        .map_err(WebError::from_query)
}

/// `/claims`.
pub async fn claims(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let q = p.clone();
    let rows = blocking(app, move |app| claim_places(app, &q, CLAIM_PLACES)).await?;
    let states: Vec<ClaimState> = rows.iter().map(|r| r.state.clone()).collect();
    Ok(layout(
        "Control claims",
        Some(&p),
        html! {
            h1 { "Control claims" }
            p.hint { "Places with the most recent claims about who holds them, newest first. "
                "A claim counts for its claimant's side; a place is contested when the sides' latest claims disagree within "
                (crate::service::CONTESTED_WITHIN_DAYS) " days. " a href="/api/claims" { "JSON" } }
            @if rows.is_empty() { p.empty { "No control claims in the index." } }
            @else {
                table.claim-places {
                    thead { tr { th { "Place" } th { "Latest claim" } th { "Claims" } th { "Articles" } } }
                    tbody { @for r in &rows {
                        tr { td { a href=(format!("{}#claims", place_href(&r.place.id))) { (r.place.name) } }
                             td { (date_text(r.latest)) } td { (r.claims) } td { (r.articles) } }
                    } }
                }
                h2 { "The state as each side tells it" }
                (render_claim_states(&states))
            }
        },
    ))
}

// ---------------------------------------------------------------------------
// Timeline and map

/// The periods of the search in `p`.
pub fn timeline_rows(app: &App, p: &SearchParams) -> Result<Vec<(String, u64)>, WebError> {
    let query = p.query(&app.engine)?;
    app.engine
        .periods_of(
            &*query,
            TimelineOptions {
                by: p.by,
                dates: p.dates(),
                by_story: false,
            },
        )
        .map_err(WebError::from_query)
}

/// `/timeline`.
pub async fn timeline(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, WebError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let q = p.clone();
    let (rows, names) = blocking(app, move |app| {
        Ok((timeline_rows(app, &q)?, place_names(app, &q)))
    })
    .await?;
    let chart = bars(&rows, &p, p.by, p.dates());
    Ok(layout(
        "Timeline",
        Some(&p),
        html! {
            h1 { "Timeline" }
            (active_filters(&p, &names))
            form.options action="/timeline" method="get" {
                @for (k, v) in form_urlencoded::parse(p.with(|q| { q.mentioned = false; q.by = Period::Month; }).to_query().as_bytes()) {
                    input type="hidden" name=(k) value=(v);
                }
                label { "Count by "
                    select name="dates" {
                        option value="published" selected[!p.mentioned] { "publication date" }
                        option value="mentioned" selected[p.mentioned] { "dates mentioned" }
                    }
                }
                label { " per "
                    select name="by" {
                        option value="month" selected[p.by == Period::Month] { "month" }
                        option value="week" selected[p.by == Period::Week] { "week" }
                        option value="day" selected[p.by == Period::Day] { "day" }
                    }
                }
                button type="submit" { "Show" }
            }
            p.hint { "Click a bar to search that period." }
            (svg::timeline(&chart))
            table.periods {
                thead { tr { th { "Period" } th { "Articles" } } }
                tbody { @for b in &chart {
                    tr { td { a href=(b.href) { (b.label) } } td { (b.count) } }
                } }
            }
        },
    ))
}

/// The places of the search in `p`, most mentioned first.
pub fn map_places(app: &App, p: &SearchParams) -> Result<Vec<(PlaceInfo, u64)>, WebError> {
    let query = p.query(&app.engine)?;
    top_places(app, &*query, MAP_PAGE_PLACES)
}

/// `/map`.
pub async fn map(State(app): State<AppState>, RawQuery(raw): RawQuery) -> Result<Markup, WebError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let q = p.clone();
    let (places, names) = blocking(app, move |app| {
        Ok((map_places(app, &q)?, place_names(app, &q)))
    })
    .await?;
    Ok(layout(
        "Map",
        Some(&p),
        html! {
            h1 { "Map" }
            (active_filters(&p, &names))
            p.hint { "Places of the matching articles; dot size is the number of articles." }
            (svg::maps(&dots(&places, "")))
            table.places {
                thead { tr { th { "Place" } th { "Kind" } th { "Articles" } } }
                tbody { @for (i, n) in &places {
                    tr { td { a href=(place_href(&i.id)) { (i.name) } } td { (i.kind) } td { (n) } }
                } }
            }
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timelines_fill_empty_periods() {
        let rows = vec![("2024-11".to_string(), 2), ("2025-02".to_string(), 5)];
        let filled = fill_gaps(&rows, Period::Month);
        let labels: Vec<&str> = filled.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["2024-11", "2024-12", "2025-01", "2025-02"]);
        assert_eq!(filled[1].1, 0);
        let weeks = vec![
            ("2025-11-03 (W45)".to_string(), 1),
            ("2025-11-17 (W47)".to_string(), 1),
        ];
        assert_eq!(fill_gaps(&weeks, Period::Week).len(), 3);
        assert_eq!(
            period_range("2024-02", Period::Month),
            NaiveDate::from_ymd_opt(2024, 2, 1).zip(NaiveDate::from_ymd_opt(2024, 2, 29))
        );
    }

    #[test]
    fn only_http_links_are_kept() {
        for ok in ["https://example.org/a?b=c", "HTTP://example.org"] {
            assert_eq!(safe_url(ok), Some(ok));
        }
        for bad in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,x",
            "/relative",
            "https://exa mple.org",
            "https://\"onmouseover=x",
            "http://",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn highlights_escape_and_skip_bad_ranges() {
        let html = highlighted("a <b> c", &[2..5, 4..9, 6..7]).into_string();
        assert_eq!(html, "a <mark>&lt;b&gt;</mark> <mark>c</mark>");
    }
}
