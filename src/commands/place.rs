//! `frontline place NAME` and `frontline places`.

use std::io::Write;
use std::path::Path;

use frontline::output::json::{self, PlaceArticleLine, PlaceLine};
use frontline::output::{table, Style};
use frontline::service::Engine;

use super::Outcome;
use crate::cli::{PlaceArgs, PlacesArgs};

/// Run `frontline place NAME`.
pub fn run_place(
    index: &Path,
    args: &PlaceArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let engine = Engine::open(index, &args.gazetteer)?;
    let criteria = super::criteria(&args.filters)?;
    let found = engine.place_articles(&args.name, &criteria, args.limit)?;
    let place = &found.place;
    let chosen = format!("{:?} is {}", args.name, place.description);
    let also = format!("also: {}", place.alternatives.join("; "));
    if args.json {
        eprintln!("frontline: {chosen}");
        if !place.alternatives.is_empty() {
            eprintln!("frontline: {also}");
        }
        for hit in &found.hits {
            json::line(out, &PlaceArticleLine::line(&place.id, &place.name, hit))?;
        }
    } else {
        writeln!(out, "{}", style.bold(&chosen))?;
        if !place.alternatives.is_empty() {
            writeln!(out, "{}", style.dim(&also))?;
        }
        writeln!(out)?;
        table::place(out, style, &found.hits)?;
        writeln!(
            out,
            "{}",
            style.dim(&format!("{} articles", found.hits.len()))
        )?;
    }
    Ok(Outcome::found_if(!found.hits.is_empty()))
}

/// Run `frontline places`.
pub fn run_places(
    index: &Path,
    args: &PlacesArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let engine = Engine::open(index, &args.gazetteer)?;
    let rows = engine.rank_places(args.list.limit)?;
    if args.list.json {
        for row in &rows {
            json::line(out, &PlaceLine::line(row))?;
        }
    } else {
        let table_rows: Vec<_> = rows
            .iter()
            .map(|r| (r.name.clone(), r.articles, r.variants.clone()))
            .collect();
        table::ranking(out, style, "place", &table_rows)?;
    }
    Ok(Outcome::found_if(!rows.is_empty()))
}
