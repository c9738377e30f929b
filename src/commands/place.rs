//! `frontline place NAME` and `frontline places`.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use tantivy::query::AllQuery;

use super::Outcome;
use crate::cli::{PlaceArgs, PlacesArgs};
use crate::extract::gazetteer::PlaceEntry;
use crate::index::schema::names;
use crate::output::{json, table, Style};
use crate::query::aggregate::term_counts;
use crate::query::entities::place_articles;

/// How many distinct `id<TAB>surface` pairs a ranking reads at most.
const MAX_VARIANT_TERMS: usize = 65_000;

fn describe(entry: &PlaceEntry, gaz: &crate::extract::gazetteer::Gazetteer) -> String {
    let parent = entry
        .parent
        .as_deref()
        .and_then(|p| gaz.get(p))
        .map(|p| format!(", {}", p.name))
        .unwrap_or_default();
    format!("{} ({}{parent})", entry.name, entry.kind)
}

/// Run `frontline place NAME`.
pub fn run_place(
    index: &Path,
    args: &PlaceArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let gaz = super::gazetteer(&args.gazetteer)?;
    let handle = super::open_index(index)?;
    let filters = super::date_filters(&args.filters)?;
    let (entry, others) = super::resolve_place(gaz, &args.name)?;
    let chosen = format!("{:?} is {}", args.name, describe(entry, gaz));
    let alternatives: Vec<String> = others.iter().map(|o| describe(o, gaz)).collect();
    let filter = super::place_filter(gaz, entry);
    let target = entry.id.as_str();
    let inside = |id: &str| id == target || gaz.ancestors(id).iter().any(|a| a.id == target);
    let mut hits = place_articles(&handle, &filter, &filters, &inside)?;
    if let Some(limit) = args.limit {
        hits.truncate(limit);
    }
    if args.json {
        eprintln!("frontline: {chosen}");
        if !alternatives.is_empty() {
            eprintln!("frontline: also: {}", alternatives.join("; "));
        }
        for hit in &hits {
            json::line(out, &json::PlaceHitJson::new(&entry.id, &entry.name, hit))?;
        }
    } else {
        writeln!(out, "{}", style.bold(&chosen))?;
        if !alternatives.is_empty() {
            writeln!(
                out,
                "{}",
                style.dim(&format!("also: {}", alternatives.join("; ")))
            )?;
        }
        writeln!(out)?;
        table::place(out, style, &hits)?;
        writeln!(out, "{}", style.dim(&format!("{} articles", hits.len())))?;
    }
    Ok(if hits.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

/// Surface forms per key from `key<TAB>surface` terms, most frequent first.
pub fn variants_by_key(pairs: Vec<(String, u64)>) -> HashMap<String, Vec<(String, u64)>> {
    let mut by_key: HashMap<String, Vec<(String, u64)>> = HashMap::new();
    for (pair, n) in pairs {
        if let Some((key, surface)) = pair.split_once('\t') {
            by_key
                .entry(key.to_string())
                .or_default()
                .push((surface.to_string(), n));
        }
    }
    for v in by_key.values_mut() {
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    by_key
}

/// Run `frontline places`.
pub fn run_places(
    index: &Path,
    places_args: &PlacesArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let gaz = super::gazetteer(&places_args.gazetteer)?;
    let args = &places_args.list;
    let handle = super::open_index(index)?;
    let counts = term_counts(&handle, &AllQuery, names::PLACE, args.limit)?;
    let variants = variants_by_key(term_counts(
        &handle,
        &AllQuery,
        names::PLACE_VARIANT,
        MAX_VARIANT_TERMS,
    )?);
    let mut rows = Vec::new();
    for (id, n) in counts.into_iter().take(args.limit) {
        let entry = gaz.get(&id);
        let name = entry.map_or_else(|| id.clone(), |e| e.name.clone());
        let seen: Vec<String> = variants
            .get(&id)
            .map(|v| v.iter().map(|(s, _)| s.clone()).collect())
            .unwrap_or_default();
        if args.json {
            json::line(
                out,
                &serde_json::json!({
                    "id": id,
                    "name": name,
                    "kind": entry.map(|e| e.kind.clone()),
                    "articles": n,
                    "variants": seen,
                }),
            )?;
        }
        rows.push((name, n, seen));
    }
    if !args.json {
        table::ranking(out, style, "place", &rows)?;
    }
    Ok(if rows.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}
