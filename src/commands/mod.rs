//! One module per subcommand: a thin adapter from the parsed arguments to the
//! library's typed workers, and to the renderers. Shared here: turning
//! command-line values (dates, place and person names) into query filters.

pub mod export;
pub mod extract;
pub mod generate;
pub mod index;
pub mod people;
pub mod place;
pub mod search;
pub mod serve;
pub mod stats;
pub mod timeline;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{Cli, Command, FilterArgs};
use crate::error::Error;
use crate::extract::gazetteer::{Gazetteer, PlaceEntry};
use crate::extract::{dates, people as people_extract};
use crate::index::writer::facet_path;
use crate::output::Style;
use crate::query::{Filters, PersonFilter, PlaceFilter};

/// What a command reports to `main`, which maps it to an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was found or done (exit 0).
    Found,
    /// Nothing matched (exit 1, like grep).
    NothingFound,
}

/// Run the parsed command line.
pub fn run(cli: Cli, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let style = Style::detect(cli.color);
    let index = cli.index.as_path();
    match cli.command {
        Command::Index(args) => index::run(index, &args, &style, out),
        Command::Search(args) => search::run(index, &args, &style, out),
        Command::Place(args) => place::run_place(index, &args, &style, out),
        Command::Places(args) => place::run_places(index, &args, &style, out),
        Command::Mentions(args) => people::run_mentions(index, &args, &style, out),
        Command::People(args) => people::run_people(index, &args, &style, out),
        Command::Extract(args) => extract::run(&args, &style, out),
        Command::Timeline(args) => timeline::run(index, &args, &style, out),
        Command::Stats(args) => stats::run(index, &args, &style, out),
        Command::Export(_) => export::run(index, out),
        Command::Serve(args) => serve::run(index, &args, out),
        Command::Generate(args) => generate::run(&args.out, args.n, args.seed, out),
    }
}

/// The built-in gazetteer, or a merged one when the user gave extra files
/// (built once for the life of the process, like the built-in one).
/// Warnings about bad lines go to stderr.
pub fn gazetteer(extra: &[PathBuf]) -> anyhow::Result<&'static Gazetteer> {
    if extra.is_empty() {
        return Ok(Gazetteer::builtin());
    }
    let (gaz, warnings) = Gazetteer::with_geonames(extra)?;
    for w in warnings {
        eprintln!("frontline: warning: {w}");
    }
    Ok(Box::leak(Box::new(gaz)))
}

/// Parse a date given on the command line (`2025-11-04`, `4 November 2025`…).
pub fn parse_date_arg(flag: &str, value: &str) -> anyhow::Result<NaiveDate> {
    dates::parse_date(value).ok_or_else(|| {
        Error::BadArgument(format!(
            "--{flag}: cannot read {value:?} as a date (try YYYY-MM-DD)"
        ))
        .into()
    })
}

/// Date filters from the command line, checked for order.
pub fn date_filters(args: &FilterArgs) -> anyhow::Result<Filters> {
    let parse = |flag: &str, v: &Option<String>| -> anyhow::Result<Option<NaiveDate>> {
        v.as_deref().map(|v| parse_date_arg(flag, v)).transpose()
    };
    let f = Filters {
        from: parse("from", &args.from)?,
        to: parse("to", &args.to)?,
        mentioned_from: parse("mentioned-from", &args.mentioned_from)?,
        mentioned_to: parse("mentioned-to", &args.mentioned_to)?,
        ..Filters::default()
    };
    for (a, b, names) in [
        (f.from, f.to, "--from is after --to"),
        (
            f.mentioned_from,
            f.mentioned_to,
            "--mentioned-from is after --mentioned-to",
        ),
    ] {
        if let (Some(a), Some(b)) = (a, b) {
            if a > b {
                return Err(Error::BadArgument(format!("{names} ({a} > {b})")).into());
            }
        }
    }
    Ok(f)
}

/// Resolve a place name through the gazetteer: the chosen entry and the
/// other candidates.
pub fn resolve_place<'g>(
    gaz: &'g Gazetteer,
    name: &str,
) -> anyhow::Result<(&'g PlaceEntry, Vec<&'g PlaceEntry>)> {
    let mut candidates = gaz.resolve(name);
    if candidates.is_empty() {
        if let Some(entry) = gaz.get(name) {
            candidates.push(entry);
        }
    }
    if candidates.is_empty() {
        return Err(Error::BadArgument(format!("unknown place {name:?}")).into());
    }
    let chosen = candidates.remove(0);
    Ok((chosen, candidates))
}

/// A place filter for a resolved entry.
pub fn place_filter(gaz: &Gazetteer, entry: &PlaceEntry) -> PlaceFilter {
    PlaceFilter {
        id: entry.id.clone(),
        facet: facet_path(gaz, &entry.id),
    }
}

/// The place filter for a name typed by the user: from the index's
/// place-name table when it knows the name (no gazetteer to build), else
/// resolved through the gazetteer. Both give the same answer.
pub fn place_filter_for(
    index: &Path,
    extra: &[PathBuf],
    name: &str,
) -> anyhow::Result<PlaceFilter> {
    if extra.is_empty() {
        if let Some(r) = crate::index::place_names::lookup(index, name) {
            return Ok(PlaceFilter {
                id: r.id,
                facet: r.facet,
            });
        }
    }
    let gaz = gazetteer(extra)?;
    let (entry, _) = resolve_place(gaz, name)?;
    Ok(place_filter(gaz, entry))
}

/// A person filter for a name in any spelling or script.
pub fn person_filter(name: &str) -> anyhow::Result<PersonFilter> {
    let key = people_extract::person_key(name);
    if key.is_empty() {
        return Err(Error::BadArgument(format!("cannot read {name:?} as a person's name")).into());
    }
    let surname = people_extract::surname_of_key(&key).to_string();
    Ok(PersonFilter { key, surname })
}

/// Index folder existence check with the standard message.
pub fn open_index(dir: &Path) -> anyhow::Result<crate::query::IndexHandle> {
    crate::query::IndexHandle::open(dir)
}
