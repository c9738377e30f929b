//! The JSON API: the same objects as the command line's `--json`, one per
//! line (`application/x-ndjson`), from the same query functions as the
//! pages. Errors are one JSON object `{"error": …}` with a 4xx/5xx status.

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::pages;
use super::params::SearchParams;
use super::{blocking, AppState, WebError};
use crate::output::json::{
    self, ClaimLine, ClaimPlaceLine, ClaimStateLine, FacetsLine, HitLine, Line, MentionLine,
    PeriodLine, PlaceArticleLine,
};
use crate::service::SearchOptions;

/// Lines of JSON as a response.
fn ndjson(lines: Vec<u8>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/x-ndjson; charset=utf-8")],
        lines,
    )
        .into_response()
}

/// An API error: the status and `{"error": message}`.
pub struct ApiError(WebError);

impl From<WebError> for ApiError {
    fn from(e: WebError) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.0.message }).to_string();
        (
            self.0.status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            body + "\n",
        )
            .into_response()
    }
}

fn write(out: &mut Vec<u8>, value: &Line) -> Result<(), WebError> {
    json::line(out, value).map_err(|e| WebError::from_query(e.into()))
}

/// `/api/search`: one line per hit, as `frontline search --json`; with
/// `facets=1`, the facets line after them, as `--facets`.
pub async fn search(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let out = blocking(app, move |app| {
        let page = app
            .engine
            .search(
                &p.criteria()?,
                &SearchOptions {
                    facets: p.facets.then_some(false),
                    ..p.options()
                },
            )
            .map_err(WebError::from_query)?;
        let mut out = Vec::new();
        for hit in &page.results.hits {
            write(&mut out, &HitLine::line(hit))?;
        }
        if let Some(f) = &page.facets {
            write(&mut out, &FacetsLine::line(f))?;
        }
        Ok(out)
    })
    .await?;
    Ok(ndjson(out))
}

/// `/api/facets`: the facets line of `frontline search --facets --json`.
pub async fn facets(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let out = blocking(app, move |app| {
        let query = p.query(&app.engine)?;
        let f = pages::named_facets(app, &*query)?;
        let mut out = Vec::new();
        write(&mut out, &FacetsLine::line(&f))?;
        Ok(out)
    })
    .await?;
    Ok(ndjson(out))
}

/// `/api/timeline`: one line per period, as `frontline timeline --json`.
pub async fn timeline(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let out = blocking(app, move |app| {
        let rows = pages::timeline_rows(app, &p)?;
        let mut out = Vec::new();
        for (period, n) in &rows {
            write(&mut out, &PeriodLine::line(period, *n))?;
        }
        Ok(out)
    })
    .await?;
    Ok(ndjson(out))
}

/// `/api/place/{id}`: one line per article, as `frontline place --json`.
pub async fn place(
    State(app): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let out = blocking(app, move |app| {
        let (info, hits) = pages::place_all(app, &id, &p)?;
        let mut out = Vec::new();
        for hit in &hits {
            write(&mut out, &PlaceArticleLine::line(&info.id, &info.name, hit))?;
        }
        Ok(out)
    })
    .await?;
    Ok(ndjson(out))
}

/// `/api/person/{key}`: one line per mention, as `frontline mentions --json`.
pub async fn person(
    State(app): State<AppState>,
    Path(key): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let out = blocking(app, move |app| {
        let hits = pages::person_all(app, &key, &p)?;
        let mut out = Vec::new();
        for hit in &hits {
            write(&mut out, &MentionLine::line(hit))?;
        }
        Ok(out)
    })
    .await?;
    Ok(ndjson(out))
}

/// `/api/claims`: the places with the most recent claims, as `frontline
/// claims --json` (`limit`, default 20 as there).
pub async fn claims(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let limit = limit_of(raw.as_deref())?;
    let out = blocking(app, move |app| {
        let rows = pages::claim_places(app, &p, limit)?;
        let mut out = Vec::new();
        for row in &rows {
            write(&mut out, &ClaimPlaceLine::line(row))?;
        }
        Ok(out)
    })
    .await?;
    Ok(ndjson(out))
}

/// `/api/claims/{place}`: the claims about a place in date order, then the
/// state lines, as `frontline claims PLACE --json`.
pub async fn place_claims(
    State(app): State<AppState>,
    Path(place): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = SearchParams::parse(raw.as_deref())?;
    let out = blocking(app, move |app| {
        if app.engine.place_info(&place).is_none() {
            return Err(WebError::not_found(format!("unknown place {place:?}")));
        }
        let found = app
            .engine
            .place_claims(&place, &p.date_criteria()?)
            .map_err(WebError::from_query)?;
        let mut out = Vec::new();
        for row in &found.claims {
            write(&mut out, &ClaimLine::line(row))?;
        }
        for state in &found.states {
            write(&mut out, &ClaimStateLine::line(state))?;
        }
        Ok(out)
    })
    .await?;
    Ok(ndjson(out))
}

/// Most places `/api/claims` lists at once.
pub const MAX_CLAIM_PLACES: usize = 1000;

/// The `limit` parameter of `/api/claims` (1 to [`MAX_CLAIM_PLACES`]).
fn limit_of(raw: Option<&str>) -> Result<usize, WebError> {
    let given = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .find(|(k, _)| k == "limit")
        .map(|(_, v)| v.into_owned());
    match given {
        None => Ok(20),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_CLAIM_PLACES).contains(n))
            .ok_or_else(|| {
                WebError::bad_request(format!(
                    "limit must be a number from 1 to {MAX_CLAIM_PLACES}"
                ))
            }),
    }
}
