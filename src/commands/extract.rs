//! `frontline extract PATH...`: what frontline finds in files, without an
//! index. Folders are walked like `frontline index` walks them.

use std::io::Write;

use frontline::output::json::{self, ExtractedLine};
use frontline::output::{table, Style};
use frontline::service::{extract_files, load_gazetteer, load_people_register, parse_day};

use super::Outcome;
use crate::cli::ExtractArgs;

/// Run `frontline extract`.
pub fn run(args: &ExtractArgs, style: &Style, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (gaz, mut warnings) = load_gazetteer(&args.gazetteer)?;
    warnings.extend(load_people_register(args.people.as_deref())?);
    let assumed = args
        .published
        .as_deref()
        .map(|d| parse_day("published", d))
        .transpose()?;
    let found = extract_files(&args.paths, gaz, assumed);
    for w in warnings.iter().chain(&found.warnings) {
        eprintln!("frontline: warning: {w}");
    }
    let mut any = false;
    for (article, entities) in &found.articles {
        any |= !entities.places.is_empty()
            || !entities.people.is_empty()
            || !entities.dates.is_empty();
        if args.json {
            json::line(out, &ExtractedLine::line(article, entities))?;
        } else {
            table::extract(out, style, article, entities)?;
        }
    }
    Ok(Outcome::found_if(any))
}
