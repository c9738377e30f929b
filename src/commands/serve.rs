//! `frontline serve`: the web app's adapter. Checks the address (a
//! non-loopback one gets a warning), opens the index and hands over to
//! [`crate::web`]. Also the web app's window on the gazetteer: place
//! names, kinds, hierarchy and coordinates as plain data, so `web/` never
//! imports `extract`.

use std::io::Write;
use std::path::Path;

use super::Outcome;
use crate::cli::ServeArgs;
use crate::extract::gazetteer::PlaceEntry;

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

fn info(gaz: &crate::extract::gazetteer::Gazetteer, e: &PlaceEntry) -> PlaceInfo {
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
        facet: crate::index::writer::facet_path(gaz, &e.id),
    }
}

/// The place with this gazetteer id, or else the place this name resolves
/// to (any spelling or script), as [`super::resolve_place`] picks it.
pub fn place_info(id_or_name: &str) -> Option<PlaceInfo> {
    let gaz = super::gazetteer(&[]).ok()?;
    if let Some(e) = gaz.get(id_or_name) {
        return Some(info(gaz, e));
    }
    let (e, _) = super::resolve_place(gaz, id_or_name).ok()?;
    Some(info(gaz, e))
}

/// Display names and coordinates of many place ids at once (unknown ids
/// are left out).
pub fn place_infos<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<PlaceInfo> {
    let Ok(gaz) = super::gazetteer(&[]) else {
        return Vec::new();
    };
    ids.into_iter()
        .filter_map(|id| gaz.get(id).map(|e| info(gaz, e)))
        .collect()
}

/// Whether the place `id` is `target` or lies inside it (the hierarchy
/// test `frontline place` uses).
pub fn is_inside(id: &str, target: &str) -> bool {
    id == target
        || super::gazetteer(&[])
            .map(|gaz| gaz.ancestors(id).iter().any(|a| a.id == target))
            .unwrap_or(false)
}

/// Whether a string is a loopback address, which only this machine reaches.
pub fn is_loopback(addr: &std::net::SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// Run `frontline serve`: blocks until interrupted.
pub fn run(index: &Path, args: &ServeArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if !is_loopback(&args.addr) {
        eprintln!(
            "frontline: warning: serving on {}, which is not a loopback address: \
             anyone who can reach it can read the whole index",
            args.addr
        );
    }
    // Build the gazetteer before the first request asks for it.
    super::gazetteer(&[])?;
    let handle = super::open_index(index)?;
    crate::web::serve(index.to_path_buf(), handle, args.addr, |addr| {
        let _ = writeln!(
            out,
            "frontline: serving {} on http://{addr}/",
            index.display()
        );
        let _ = out.flush();
    })?;
    Ok(Outcome::Found)
}
