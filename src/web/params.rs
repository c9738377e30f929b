//! The state of a search as URL query parameters: parsed with limits (a
//! bad or oversized value is a 400 with a message), turned into the query
//! layer's request, and written back into links (a facet click is the same
//! URL plus one filter), so every view can be bookmarked and shared.

use crate::query::search::SortOrder;
use crate::query::{Filters, PersonFilter};
use crate::service::{Criteria, DateField, Engine, Period, SearchOptions};

use super::WebError;

/// Longest query text, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// Most place or person filters in one request.
pub const MAX_FILTERS: usize = 8;
/// Hits per result page.
pub const PAGE_SIZE: usize = 10;
/// Deepest page a search may ask for.
pub const MAX_PAGE: usize = 500;

/// Everything a search, timeline or map view is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchParams {
    /// Query text in the CLI's language.
    pub q: String,
    /// Place ids or names.
    pub place: Vec<String>,
    /// Person keys (`surname:given`) or names.
    pub person: Vec<String>,
    /// Published on or after.
    pub from: Option<String>,
    /// Published on or before.
    pub to: Option<String>,
    /// Mentions a date on or after.
    pub mentioned_from: Option<String>,
    /// Mentions a date on or before.
    pub mentioned_to: Option<String>,
    /// Newest first instead of relevance.
    pub sort_date: bool,
    /// 1-based result page.
    pub page: usize,
    /// Show reprints as separate hits.
    pub all: bool,
    /// Typo tolerance.
    pub fuzzy: bool,
    /// Timeline: count dates mentioned instead of publication dates.
    pub mentioned: bool,
    /// Timeline period.
    pub by: Period,
    /// API: add the facets line to `/api/search`.
    pub facets: bool,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            q: String::new(),
            place: Vec::new(),
            person: Vec::new(),
            from: None,
            to: None,
            mentioned_from: None,
            mentioned_to: None,
            sort_date: false,
            page: 1,
            all: false,
            fuzzy: false,
            mentioned: false,
            by: Period::Month,
            facets: false,
        }
    }
}

fn flag(v: &str) -> bool {
    matches!(v, "1" | "true" | "on" | "yes")
}

fn date(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

impl SearchParams {
    /// Parse a raw query string (`None` for none), checking the limits.
    pub fn parse(raw: Option<&str>) -> Result<SearchParams, WebError> {
        let mut p = SearchParams::default();
        for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            let v = v.as_ref();
            match k.as_ref() {
                "q" => p.q = v.trim().to_string(),
                "place" if !v.trim().is_empty() => p.place.push(v.trim().to_string()),
                "person" if !v.trim().is_empty() => p.person.push(v.trim().to_string()),
                "from" => p.from = date(v),
                "to" => p.to = date(v),
                "mentioned_from" => p.mentioned_from = date(v),
                "mentioned_to" => p.mentioned_to = date(v),
                "sort" => {
                    p.sort_date = match v {
                        "date" => true,
                        "score" | "" => false,
                        _ => return Err(WebError::bad_request("sort must be score or date")),
                    }
                }
                "page" => {
                    p.page = v
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=MAX_PAGE).contains(n))
                        .ok_or_else(|| {
                            WebError::bad_request(format!(
                                "page must be a number from 1 to {MAX_PAGE}"
                            ))
                        })?
                }
                "all" => p.all = flag(v),
                "fuzzy" => p.fuzzy = flag(v),
                "facets" => p.facets = flag(v),
                "dates" => {
                    p.mentioned = match v {
                        "mentioned" => true,
                        "published" | "" => false,
                        _ => {
                            return Err(WebError::bad_request(
                                "dates must be published or mentioned",
                            ))
                        }
                    }
                }
                "by" => {
                    p.by = match v {
                        "day" => Period::Day,
                        "week" => Period::Week,
                        "month" | "" => Period::Month,
                        _ => return Err(WebError::bad_request("by must be day, week or month")),
                    }
                }
                _ => {}
            }
        }
        let chars = p.q.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(WebError::bad_request(format!(
                "query too long ({chars} characters; at most {MAX_QUERY_CHARS})"
            )));
        }
        if p.place.len() > MAX_FILTERS || p.person.len() > MAX_FILTERS {
            return Err(WebError::bad_request(format!(
                "too many filters (at most {MAX_FILTERS} places and {MAX_FILTERS} people)"
            )));
        }
        Ok(p)
    }

    /// The parameters as a query string (without `?`), defaults left out.
    pub fn to_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            s.append_pair("q", &self.q);
        }
        for v in &self.place {
            s.append_pair("place", v);
        }
        for v in &self.person {
            s.append_pair("person", v);
        }
        for (k, v) in [
            ("from", &self.from),
            ("to", &self.to),
            ("mentioned_from", &self.mentioned_from),
            ("mentioned_to", &self.mentioned_to),
        ] {
            if let Some(v) = v {
                s.append_pair(k, v);
            }
        }
        if self.sort_date {
            s.append_pair("sort", "date");
        }
        if self.all {
            s.append_pair("all", "1");
        }
        if self.fuzzy {
            s.append_pair("fuzzy", "1");
        }
        if self.mentioned {
            s.append_pair("dates", "mentioned");
        }
        match self.by {
            Period::Month => {}
            Period::Week => {
                s.append_pair("by", "week");
            }
            Period::Day => {
                s.append_pair("by", "day");
            }
        }
        if self.page > 1 {
            s.append_pair("page", &self.page.to_string());
        }
        s.finish()
    }

    /// A link to `path` with these parameters.
    pub fn href(&self, path: &str) -> String {
        let q = self.to_query();
        if q.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{q}")
        }
    }

    /// The same search on its first page, changed by `f` (a facet click, a
    /// removed filter, a narrower period).
    pub fn with(&self, f: impl FnOnce(&mut SearchParams)) -> SearchParams {
        let mut p = self.clone();
        p.page = 1;
        f(&mut p);
        p
    }

    /// Which dates the timeline counts.
    pub fn dates(&self) -> DateField {
        if self.mentioned {
            DateField::Mentioned
        } else {
            DateField::Published
        }
    }

    /// The criteria of these parameters with the date bounds only, read
    /// and checked as on the command line.
    pub fn date_criteria(&self) -> Result<Criteria, WebError> {
        Criteria::with_dates(
            self.from.as_deref(),
            self.to.as_deref(),
            self.mentioned_from.as_deref(),
            self.mentioned_to.as_deref(),
        )
        .map_err(WebError::from_query)
    }

    /// The criteria of these parameters: the query text, the place and
    /// person values (ids or keys from links, names typed by a user) and
    /// the date bounds, for the service to resolve.
    pub fn criteria(&self) -> Result<Criteria, WebError> {
        let mut c = Criteria {
            text: self.q.clone(),
            ..self.date_criteria()?
        };
        c.add(crate::model::EntityKind::Place, &self.place);
        c.add(crate::model::EntityKind::Person, &self.person);
        Ok(c)
    }

    /// The query layer's filters: dates checked as on the command line,
    /// places by gazetteer id or any name, people by key or any name, all
    /// through the service's resolvers.
    pub fn filters(&self, engine: &Engine) -> Result<(String, Filters), WebError> {
        engine
            .filters(&self.criteria()?)
            .map_err(WebError::from_query)
    }

    /// The search options of the current page.
    pub fn options(&self) -> SearchOptions {
        SearchOptions {
            limit: PAGE_SIZE,
            offset: (self.page - 1) * PAGE_SIZE,
            sort: if self.sort_date {
                SortOrder::Date
            } else {
                SortOrder::Score
            },
            collapse: !self.all,
            fuzzy: self.fuzzy,
            facets: None,
        }
    }

    /// The whole query of these parameters, built by the service.
    pub fn query(&self, engine: &Engine) -> Result<Box<dyn tantivy::query::Query>, WebError> {
        engine
            .query(&self.criteria()?, self.fuzzy)
            .map_err(WebError::from_query)
    }
}

/// A person filter from a stored key (`surname:given`, from links) or a
/// name typed by a user.
pub fn person_filter(value: &str) -> Result<PersonFilter, WebError> {
    crate::service::web::person_filter_of(value).map_err(WebError::from_query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_through_the_url() {
        let raw = "q=drone+strike&place=pokrovsk&place=Kramatorsk&person=bezuhla%3Amaryana\
                   &from=2025-01-01&sort=date&page=3&all=1&dates=mentioned&by=week";
        let p = SearchParams::parse(Some(raw)).expect("parses");
        assert_eq!(p.q, "drone strike");
        assert_eq!(p.place, ["pokrovsk", "Kramatorsk"]);
        assert_eq!(p.person, ["bezuhla:maryana"]);
        assert_eq!(p.page, 3);
        assert!(p.sort_date && p.all && p.mentioned);
        assert_eq!(p.by, Period::Week);
        assert_eq!(SearchParams::parse(Some(&p.to_query())).expect("again"), p);
    }

    #[test]
    fn limits_are_400s() {
        let long = format!("q={}", "a".repeat(MAX_QUERY_CHARS + 1));
        for raw in [
            long.as_str(),
            "page=0",
            "page=99999",
            "sort=random",
            "by=year",
            "dates=someday",
            "place=a&place=b&place=c&place=d&place=e&place=f&place=g&place=h&place=i",
        ] {
            let err = SearchParams::parse(Some(raw)).expect_err(raw);
            assert_eq!(err.status, axum::http::StatusCode::BAD_REQUEST, "{raw}");
        }
    }

    #[test]
    fn a_facet_click_resets_the_page() {
        let p = SearchParams::parse(Some("q=x&page=4")).expect("parses");
        let next = p.with(|p| p.place.push("kyiv".into()));
        assert_eq!(next.to_query(), "q=x&place=kyiv");
    }
}
