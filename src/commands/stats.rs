//! `frontline stats`: articles, formats, sources, date range, size on disk
//! and the time of the last indexing run.

use std::io::Write;
use std::path::Path;

use frontline::output::json::{self, StatsLine};
use frontline::output::{table, Style};
use frontline::service::Engine;

use super::Outcome;
use crate::cli::StatsArgs;

/// Run `frontline stats`.
pub fn run(
    index: &Path,
    args: &StatsArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let stats = Engine::open(index, &[])?.stats()?;
    if args.json {
        json::line(out, &StatsLine::line(&stats))?;
    } else {
        table::stats(out, style, &stats)?;
    }
    Ok(Outcome::Found)
}
