//! `frontline claims [PLACE]`: control claims about a place, in date order,
//! with the state as each side tells it; without a place, the places with
//! the most recent claims.

use std::io::Write;
use std::path::Path;

use frontline::model::EntityKind;
use frontline::output::json::{self, ClaimLine, ClaimPlaceLine, ClaimStateLine};
use frontline::output::{table, Style};
use frontline::service::Engine;

use super::Outcome;
use crate::cli::ClaimsArgs;

/// Run `frontline claims`.
pub fn run(
    index: &Path,
    args: &ClaimsArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let engine = Engine::open(index, &args.gazetteer)?;
    let mut criteria = super::criteria(&args.filters)?;
    criteria.add(EntityKind::Claim, &args.claim);
    let Some(name) = &args.name else {
        let rows = engine.rank_claim_places(&criteria, args.limit)?;
        if args.json {
            for row in &rows {
                json::line(out, &ClaimPlaceLine::line(row))?;
            }
        } else {
            table::claim_places(out, style, &rows)?;
        }
        return Ok(Outcome::found_if(!rows.is_empty()));
    };
    let found = engine.place_claims(name, &criteria)?;
    let chosen = format!("{name:?} is {}", found.place.description);
    if args.json {
        eprintln!("frontline: {chosen}");
        for row in &found.claims {
            json::line(out, &ClaimLine::line(row))?;
        }
        for state in &found.states {
            json::line(out, &ClaimStateLine::line(state))?;
        }
    } else {
        writeln!(out, "{}\n", style.bold(&chosen))?;
        table::claims(out, style, &found.claims)?;
        writeln!(out)?;
        table::claim_states(out, style, &found.states)?;
        let n = found.claims.len();
        writeln!(out, "{}", style.dim(&format!("{n} claims")))?;
    }
    Ok(Outcome::found_if(!found.claims.is_empty()))
}
