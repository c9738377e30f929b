//! What the web app asks and the command line does not: a place as plain
//! data (names, kind, hierarchy, coordinates), whether one place lies inside
//! another, and timelines or facets of an already built query. Keeps the
//! gazetteer and `extract` behind the service, so `web/` never imports them.

use tantivy::query::Query;

use super::{Engine, NamedFacets, TimelineOptions};
use crate::extract::gazetteer::{Gazetteer, PlaceEntry};
use crate::index::writer::facet_path;

/// What the web app shows about a gazetteer place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceInfo {
    /// Gazetteer id.
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// Kind (country, oblast, raion, city, …).
    pub kind: String,
    /// Latitude, when known.
    pub lat: Option<f64>,
    /// Longitude, when known.
    pub lon: Option<f64>,
    /// The gazetteer's names for it (canonical first), deduplicated.
    pub names: Vec<String>,
    /// The places containing it, outermost first, as (id, name).
    pub ancestors: Vec<(String, String)>,
    /// Facet path, root first, for filtering.
    pub facet: String,
}

fn info(gaz: &Gazetteer, e: &PlaceEntry) -> PlaceInfo {
    let mut names: Vec<String> = Vec::new();
    for (name, _, _) in e.names() {
        if !names.iter().any(|n| n == name.as_ref()) {
            names.push(name.into_owned());
        }
    }
    PlaceInfo {
        id: e.id.clone(),
        name: e.name.clone(),
        kind: e.kind.clone(),
        lat: e.lat,
        lon: e.lon,
        names,
        ancestors: gaz
            .ancestors(&e.id)
            .into_iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
        facet: facet_path(gaz, &e.id),
    }
}

impl Engine {
    /// The place with this gazetteer id, or else the place this name
    /// resolves to (any spelling or script), as the [`super::PlaceResolver`]
    /// picks it.
    pub fn place_info(&self, id_or_name: &str) -> Option<PlaceInfo> {
        let gaz = self.places().gazetteer().ok()?;
        if let Some(e) = gaz.get(id_or_name) {
            return Some(info(gaz, e));
        }
        let resolved = self.places().resolve(id_or_name).ok()?;
        gaz.get(&resolved.id).map(|e| info(gaz, e))
    }

    /// Display names and coordinates of many place ids at once (unknown
    /// ids are left out).
    pub fn place_infos<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<PlaceInfo> {
        let Ok(gaz) = self.places().gazetteer() else {
            return Vec::new();
        };
        ids.into_iter()
            .filter_map(|id| gaz.get(id).map(|e| info(gaz, e)))
            .collect()
    }

    /// Whether the place `id` is `target` or lies inside it (the hierarchy
    /// test `frontline place` uses).
    pub fn is_inside(&self, id: &str, target: &str) -> bool {
        id == target
            || self
                .places()
                .gazetteer()
                .map(|gaz| gaz.ancestors(id).iter().any(|a| a.id == target))
                .unwrap_or(false)
    }

    /// Matching articles (or stories) per period of a built query.
    pub fn periods_of(
        &self,
        query: &dyn Query,
        opts: TimelineOptions,
    ) -> anyhow::Result<Vec<(String, u64)>> {
        super::timeline::count_periods(self.handle(), query, opts)
    }

    /// Named facets (`size` values each) of every document matching a
    /// built query.
    pub fn facets_of(
        &self,
        query: &dyn Query,
        by_story: bool,
        size: usize,
    ) -> anyhow::Result<NamedFacets> {
        let f = crate::query::facets::facets(self.handle(), query, by_story, size)?;
        self.name_facets(f)
    }

    /// The people most often in the documents matching a built query, named.
    pub fn top_people_of(&self, query: &dyn Query, size: usize) -> anyhow::Result<NamedFacets> {
        let people = crate::query::aggregate::term_counts(
            self.handle(),
            query,
            crate::index::schema::names::PERSON,
            size,
        )?;
        self.name_facets(crate::query::facets::Facets {
            entities: vec![(crate::model::EntityKind::Person, people)],
            ..crate::query::facets::Facets::default()
        })
    }

    /// The places most often in the documents matching a built query, with
    /// their counts (ids the gazetteer lacks are left out).
    pub fn top_places_of(
        &self,
        query: &dyn Query,
        size: usize,
    ) -> anyhow::Result<Vec<(PlaceInfo, u64)>> {
        let counts = crate::query::aggregate::term_counts(
            self.handle(),
            query,
            crate::index::schema::names::PLACE,
            size,
        )?;
        let infos = self.place_infos(counts.iter().map(|(id, _)| id.as_str()));
        Ok(counts
            .into_iter()
            .filter_map(|(id, n)| infos.iter().find(|i| i.id == id).map(|i| (i.clone(), n)))
            .collect())
    }
}
