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
    self, FacetsLine, HitLine, Line, MentionLine, PeriodLine, PlaceArticleLine,
};
use crate::query::search::build_query;

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
        let req = p.request(&app.engine)?;
        let results = crate::query::search::search(app.engine.handle(), &req)
            .map_err(WebError::from_query)?;
        let mut out = Vec::new();
        for hit in &results.hits {
            write(&mut out, &HitLine::line(hit))?;
        }
        if p.facets {
            let query = build_query(app.engine.handle(), &req).map_err(WebError::from_query)?;
            let f = pages::named_facets(app, &*query)?;
            write(&mut out, &FacetsLine::line(&f))?;
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
        let req = p.request(&app.engine)?;
        let query = build_query(app.engine.handle(), &req).map_err(WebError::from_query)?;
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
        let v = pages::place_view(app, &id, &p)?;
        let mut out = Vec::new();
        for hit in &v.hits {
            write(
                &mut out,
                &PlaceArticleLine::line(&v.info.id, &v.info.name, hit),
            )?;
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
        let v = pages::person_view(app, &key, &p)?;
        let mut out = Vec::new();
        for hit in &v.hits {
            write(&mut out, &MentionLine::line(hit))?;
        }
        Ok(out)
    })
    .await?;
    Ok(ndjson(out))
}
