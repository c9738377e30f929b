//! `frontline serve`: a read-only web app over the index.
//!
//! Pages (HTML, [`pages`]) and a JSON API ([`api`]) over the same query
//! layer the command line uses; charts and the map are SVG drawn on the
//! server ([`svg`]), so every page works without script. The whole state of
//! a search lives in the URL ([`params`]).
//!
//! This module owns HTTP: routes, limits, security headers and embedded
//! assets. It refuses domain logic (it calls `query` and the command
//! helpers), never opens the index writer, and never imports `ingest` or
//! `extract`.
//!
//! Safety: every string from an article is escaped by the template engine
//! (maud escapes by default), links to original articles are kept only for
//! http(s) addresses, and each response carries a Content-Security-Policy
//! without inline script. Only the embedded assets are served as files.
//! The index reader reloads on each commit, so the app keeps answering
//! while `frontline index` updates the index; the result cache ([`cache`])
//! is keyed by the commit's generation, so it never serves an old answer.

pub mod api;
pub mod cache;
pub mod pages;
pub mod params;
pub mod svg;

use std::net::SocketAddr;

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::service::Engine;

/// Longest request target (path and query string) accepted, in bytes.
pub const MAX_URI: usize = 4096;
/// Largest request body accepted: no endpoint reads one.
pub const MAX_BODY: u64 = 0;

/// The Content-Security-Policy of every response: own assets only, no
/// inline script, no plugins, no framing.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
frame-ancestors 'none'";

/// What every handler shares.
pub struct App {
    /// The open index and its place resolver; its reader follows new commits.
    pub engine: Engine,
    /// Reprint groups of the whole index, with the searcher generation they
    /// were read from: read once per commit, not once per request.
    reprints: std::sync::Mutex<Option<(u64, Arc<crate::query::reprints::Reprints>)>>,
    /// Bounds the query work running at once to the cores: more would only
    /// thrash, and queued requests wait their turn in order.
    pub workers: tokio::sync::Semaphore,
    /// Rendered answers by (index generation, normalised URL).
    pub cache: cache::ResultCache,
}

impl App {
    /// The app over an open index.
    pub fn new(engine: Engine) -> App {
        App {
            engine,
            reprints: std::sync::Mutex::new(None),
            workers: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
            cache: cache::ResultCache::new(cache::MAX_BYTES),
        }
    }

    /// The generation of the index's current commit: it changes when the
    /// reader picks up a new commit.
    pub fn generation(&self) -> u64 {
        self.engine
            .handle()
            .reader
            .searcher()
            .generation()
            .generation_id()
    }

    /// Reprint groups of the current commit.
    pub fn reprints(&self) -> anyhow::Result<Arc<crate::query::reprints::Reprints>> {
        let generation = self.generation();
        if let Ok(cache) = self.reprints.lock() {
            if let Some((g, r)) = cache.as_ref() {
                if *g == generation {
                    return Ok(Arc::clone(r));
                }
            }
        }
        let fresh = Arc::new(crate::query::web_support::all_reprint_groups(
            self.engine.handle(),
        )?);
        if let Ok(mut cache) = self.reprints.lock() {
            *cache = Some((generation, Arc::clone(&fresh)));
        }
        Ok(fresh)
    }
}

/// Shared state of the handlers.
pub type AppState = Arc<App>;

/// A failed request: a status and a message for the user.
#[derive(Debug)]
pub struct WebError {
    /// HTTP status.
    pub status: StatusCode,
    /// What went wrong, in words.
    pub message: String,
}

impl WebError {
    /// 400 with a message.
    pub fn bad_request(message: impl Into<String>) -> WebError {
        WebError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// 404 with a message.
    pub fn not_found(message: impl Into<String>) -> WebError {
        WebError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// An error from the query layer: bad queries and arguments are the
    /// user's (400), anything else is ours (500, logged).
    pub fn from_query(err: anyhow::Error) -> WebError {
        match err.downcast_ref::<crate::error::Error>() {
            Some(e @ (crate::error::Error::BadQuery(_) | crate::error::Error::BadArgument(_))) => {
                WebError::bad_request(e.to_string())
            }
            _ => {
                eprintln!("frontline: error: {err:#}");
                WebError {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    message: "internal error (see the server's log)".into(),
                }
            }
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        (self.status, pages::error_page(self.status, &self.message)).into_response()
    }
}

/// Run blocking query work off the async threads, at most one job per
/// core at a time.
pub async fn blocking<T: Send + 'static>(
    app: AppState,
    f: impl FnOnce(&App) -> Result<T, WebError> + Send + 'static,
) -> Result<T, WebError> {
    let _permit = app
        .workers
        .acquire()
        .await
        .map_err(|e| WebError::from_query(anyhow::anyhow!("request queue closed: {e}")))?;
    let job = Arc::clone(&app);
    tokio::task::spawn_blocking(move || f(&job))
        .await
        .map_err(|e| WebError::from_query(anyhow::anyhow!("request task failed: {e}")))?
}

/// The router: pages, API and assets, with limits and security headers.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::search))
        .route("/search", get(pages::search))
        .route("/article/{*id}", get(pages::article))
        .route("/place/{id}", get(pages::place))
        .route("/person/{key}", get(pages::person))
        .route("/timeline", get(pages::timeline))
        .route("/map", get(pages::map))
        .route("/claims", get(pages::claims))
        .route("/api/search", get(api::search))
        .route("/api/facets", get(api::facets))
        .route("/api/timeline", get(api::timeline))
        .route("/api/place/{id}", get(api::place))
        .route("/api/person/{key}", get(api::person))
        .route("/api/claims", get(api::claims))
        .route("/api/claims/{place}", get(api::place_claims))
        .route("/assets/{name}", get(asset))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            Arc::clone(&state),
            cache::cached,
        ))
        .layer(middleware::from_fn(limits))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

async fn not_found() -> WebError {
    WebError::not_found("no such page")
}

/// Refuse over-long request targets, request bodies and methods other than
/// GET and HEAD, before any handler runs.
async fn limits(req: Request, next: Next) -> Response {
    let target = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if target > MAX_URI {
        return WebError::bad_request(format!(
            "request too long ({target} bytes; at most {MAX_URI})"
        ))
        .into_response();
    }
    let body = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    if body > MAX_BODY || req.headers().contains_key(header::TRANSFER_ENCODING) {
        return WebError::bad_request("request bodies are not accepted: the app is read-only")
            .into_response();
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return WebError {
            status: StatusCode::METHOD_NOT_ALLOWED,
            message: "read-only: only GET".into(),
        }
        .into_response();
    }
    next.run(req).await
}

async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    res
}

/// The embedded assets: the only files the app serves.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("assets/style.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/app.js"),
    ),
    (
        "outline.svg",
        "image/svg+xml",
        include_bytes!("assets/outline.svg"),
    ),
    (
        "world.svg",
        "image/svg+xml",
        include_bytes!("assets/world.svg"),
    ),
];

async fn asset(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, mime, bytes)) => (
            [
                (header::CONTENT_TYPE, *mime),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *bytes,
        )
            .into_response(),
        None => WebError::not_found("no such asset").into_response(),
    }
}

/// Serve the app on `addr` until interrupted (Ctrl-C). `ready` gets the
/// bound address (useful with port 0) once the server accepts connections.
pub fn serve(
    engine: Engine,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> anyhow::Result<()> {
    use anyhow::Context;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the web server")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("listening on {addr}"))?;
        ready(listener.local_addr().context("reading the bound address")?);
        let state = Arc::new(App::new(engine));
        // Read the per-commit caches before the first request needs them,
        // so that a burst of first requests does not compute them all.
        let warm = Arc::clone(&state);
        tokio::task::spawn_blocking(move || {
            let _ = warm.reprints();
        });
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("serving")
    })
}
