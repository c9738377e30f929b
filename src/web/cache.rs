//! A bounded cache of rendered answers, like Solr's `queryResultCache`:
//! keyed by the index generation and the normalised request target, so a
//! new commit makes every old entry unreachable (they age out of the LRU).
//!
//! Only successful (200) GET answers of pages and the API are kept, up to
//! [`MAX_BYTES`] of bodies in all, least recently used first out. Each
//! answer says `x-cache: hit` or `miss`, so a load test can report the hit
//! rate. Assets have their own `Cache-Control` and are not kept here.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use lru::LruCache;

use super::AppState;

/// Bytes of cached bodies at most.
pub const MAX_BYTES: usize = 64 << 20;
/// Largest answer worth keeping; bigger ones (an API dump of a person's
/// every mention) are rendered each time.
pub const MAX_ENTRY: usize = 2 << 20;

/// One kept answer.
#[derive(Clone)]
struct Entry {
    content_type: Option<HeaderValue>,
    body: Bytes,
}

/// (index generation, normalised request target).
type Key = (u64, String);

/// The entries, least recently used first out, and the bytes of their bodies.
type Entries = (LruCache<Key, Entry>, usize);

/// The cache and its counters.
pub struct ResultCache {
    entries: Mutex<Entries>,
    max_bytes: usize,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl ResultCache {
    /// An empty cache holding at most `max_bytes` of bodies.
    pub fn new(max_bytes: usize) -> ResultCache {
        ResultCache {
            entries: Mutex::new((LruCache::unbounded(), 0)),
            max_bytes,
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    fn get(&self, key: &Key) -> Option<Entry> {
        let found = self
            .entries
            .lock()
            .ok()
            .and_then(|mut e| e.0.get(key).cloned());
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    fn put(&self, key: Key, entry: Entry) {
        let Ok(mut guard) = self.entries.lock() else {
            return;
        };
        let (lru, bytes) = &mut *guard;
        *bytes += entry.body.len();
        if let Some(old) = lru.put(key, entry) {
            *bytes -= old.body.len();
        }
        while *bytes > self.max_bytes {
            match lru.pop_lru() {
                Some((_, old)) => *bytes -= old.body.len(),
                None => break,
            }
        }
    }

    /// Hits and misses so far.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }
}

/// The request target with its query pairs in a fixed order (by name, the
/// values of one name in the order given, empty values dropped), so that
/// `?q=a&page=2` and `?page=2&q=a` are one entry.
pub fn normalised(path: &str, query: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.into_owned(), v.trim().to_string()))
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// Middleware: answer from the cache, or run the handler and keep a 200.
pub async fn cached(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if req.method() != Method::GET || path.starts_with("/assets/") {
        return next.run(req).await;
    }
    let key = (app.generation(), normalised(path, req.uri().query()));
    if let Some(e) = app.cache.get(&key) {
        return answer(e, "hit");
    }
    let res = next.run(req).await;
    if res.status() != StatusCode::OK {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(body) = to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let entry = Entry {
        content_type: parts.headers.get(header::CONTENT_TYPE).cloned(),
        body,
    };
    if entry.body.len() <= MAX_ENTRY {
        app.cache.put(key, entry.clone());
    }
    let mut res = Response::from_parts(parts, Body::from(entry.body));
    res.headers_mut()
        .insert("x-cache", HeaderValue::from_static("miss"));
    res
}

fn answer(e: Entry, how: &'static str) -> Response {
    let mut res = Response::new(Body::from(e.body));
    if let Some(ct) = e.content_type {
        res.headers_mut().insert(header::CONTENT_TYPE, ct);
    }
    res.headers_mut()
        .insert("x-cache", HeaderValue::from_static(how));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_normalised() {
        assert_eq!(
            normalised("/search", Some("q=a&page=2&place=x&place=y")),
            normalised("/search", Some("place=x&page=2&q=a&place=y"))
        );
        assert_ne!(
            normalised("/search", Some("place=x&place=y")),
            normalised("/search", Some("place=x&place=z"))
        );
        assert_eq!(normalised("/search", Some("q=&from=")), "/search");
        assert_eq!(normalised("/map", None), "/map");
    }

    #[test]
    fn the_cache_is_bounded_by_bytes_and_keyed_by_generation() {
        let c = ResultCache::new(10);
        let entry = |n: usize| Entry {
            content_type: None,
            body: Bytes::from(vec![b'x'; n]),
        };
        c.put((1, "/a".into()), entry(6));
        assert!(c.get(&(1, "/a".into())).is_some());
        assert!(c.get(&(2, "/a".into())).is_none(), "a new commit misses");
        c.put((1, "/b".into()), entry(6));
        assert!(c.get(&(1, "/a".into())).is_none(), "the older entry left");
        assert!(c.get(&(1, "/b".into())).is_some());
        assert_eq!(c.counts(), (2, 2));
    }
}
