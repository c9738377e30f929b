//! `frontline search`: full-text search with place, person and date filters.

use std::io::Write;
use std::path::Path;

use frontline::model::EntityKind;
use frontline::output::json::{self, FacetsLine, HitLine};
use frontline::output::{table, Style};
use frontline::query::search::SortOrder;
use frontline::service::{Engine, SearchOptions};

use super::Outcome;
use crate::cli::{SearchArgs, SortArg};

/// Run `frontline search`.
pub fn run(
    index: &Path,
    args: &SearchArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let engine = Engine::open(index, &args.gazetteer)?;
    let mut criteria = super::criteria(&args.filters)?;
    criteria.text = args.query.join(" ");
    // Claim values first: a malformed one is reported before any name is
    // looked up (filters are applied kind by kind whatever the order).
    criteria.add(EntityKind::Claim, &args.claim);
    criteria.add(EntityKind::Place, &args.place);
    criteria.add(EntityKind::Person, &args.person);
    let opts = SearchOptions {
        limit: args.limit,
        offset: args.offset,
        sort: match args.sort {
            SortArg::Score => SortOrder::Score,
            SortArg::Date => SortOrder::Date,
        },
        collapse: !args.all,
        fuzzy: args.fuzzy,
        facets: args.facets.then_some(args.by_story),
    };
    let page = engine.search(&criteria, &opts)?;
    if args.json {
        for hit in &page.results.hits {
            json::line(out, &HitLine::line(hit))?;
        }
        if let Some(f) = &page.facets {
            json::line(out, &FacetsLine::line(f))?;
        }
    } else {
        table::search(out, style, &page.results)?;
        if let Some(f) = &page.facets {
            table::facets(out, style, f)?;
        }
    }
    Ok(Outcome::found_if(page.results.total > 0))
}
