//! `frontline timeline`: matching articles per day, week or month.

use std::io::Write;
use std::path::Path;

use frontline::model::EntityKind;
use frontline::output::json::{self, PeriodLine};
use frontline::output::{table, Style};
use frontline::service::{DateField, Engine, Period, TimelineOptions};

use super::Outcome;
use crate::cli::{DatesArg, PeriodArg, TimelineArgs};

/// Run `frontline timeline`.
pub fn run(
    index: &Path,
    args: &TimelineArgs,
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
    let opts = TimelineOptions {
        by: match args.by {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
        },
        dates: match args.dates {
            DatesArg::Published => DateField::Published,
            DatesArg::Mentioned => DateField::Mentioned,
        },
        by_story: args.by_story,
    };
    let rows = engine.timeline(&criteria, opts)?;
    if args.json {
        for (period, n) in &rows {
            json::line(out, &PeriodLine::line(period, *n))?;
        }
    } else {
        table::timeline(out, style, &rows)?;
    }
    Ok(Outcome::found_if(!rows.is_empty()))
}
