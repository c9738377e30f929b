//! One module per subcommand: a thin adapter from the parsed arguments to
//! one call of the library's [`frontline::service`] and one renderer of
//! [`frontline::output`]. No domain logic lives here, and no command module
//! imports another.

pub mod claims;
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

use frontline::output::Style;
use frontline::service::Criteria;

use crate::cli::{Cli, ColorWhen, Command, FilterArgs};

/// What a command reports to `main`, which maps it to an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was found or done (exit 0).
    Found,
    /// Nothing matched (exit 1, like grep).
    NothingFound,
}

impl Outcome {
    /// Found when `any`.
    pub fn found_if(any: bool) -> Outcome {
        if any {
            Outcome::Found
        } else {
            Outcome::NothingFound
        }
    }
}

/// Run the parsed command line.
pub fn run(cli: Cli, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let style = Style::detect(match cli.color {
        ColorWhen::Always => Some(true),
        ColorWhen::Never => Some(false),
        ColorWhen::Auto => None,
    });
    let index = cli.index.as_path();
    match cli.command {
        Command::Index(args) => index::run(index, &args, out),
        Command::Search(args) => search::run(index, &args, &style, out),
        Command::Place(args) => place::run_place(index, &args, &style, out),
        Command::Places(args) => place::run_places(index, &args, &style, out),
        Command::Mentions(args) => people::run_mentions(index, &args, &style, out),
        Command::People(args) => people::run_people(index, &args, &style, out),
        Command::Extract(args) => extract::run(&args, &style, out),
        Command::Timeline(args) => timeline::run(index, &args, &style, out),
        Command::Stats(args) => stats::run(index, &args, &style, out),
        Command::Claims(args) => claims::run(index, &args, &style, out),
        Command::Export(args) => export::run(index, &args, out),
        Command::Generate(args) => generate::run(&args, out),
        Command::Serve(args) => serve::run(index, &args, out),
    }
}

/// The date bounds of the command line as criteria.
pub fn criteria(f: &FilterArgs) -> anyhow::Result<Criteria> {
    Criteria::with_dates(
        f.from.as_deref(),
        f.to.as_deref(),
        f.mentioned_from.as_deref(),
        f.mentioned_to.as_deref(),
    )
}
