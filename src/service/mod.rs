//! The questions frontline answers, as typed functions: the one layer every
//! face calls (the command line in `src/commands/`, the web app in `web/`).
//!
//! A face turns what the user typed into a [`Criteria`] (plain strings and
//! days, no clap), opens an [`Engine`] on an index and calls one method:
//! [`Engine::search`], [`Engine::place_articles`], [`Engine::rank_places`],
//! [`Engine::person_mentions`], [`Engine::rank_people`],
//! [`Engine::timeline`], [`Engine::place_claims`], [`Engine::rank_claim_places`],
//! [`Engine::stats`] or [`Engine::export`]. Each
//! returns typed results that [`crate::output`] renders as a table or as
//! the JSON wire types of [`crate::output::json`].
//!
//! This is where names become ids: a place name through the one
//! [`PlaceResolver`], a person's name through its identity key, a claim
//! value into its term (one arm per kind, in `kinds.rs`), with the
//! `KIND:VALUE` clauses taken out of the query text. Below it, [`crate::query`] only
//! sees ids and tantivy queries; above it, a face only sees names and
//! results. The service never prints and never opens the index writer.

pub mod claims;
pub mod generate;
mod kinds;
pub mod people;
pub mod places;
pub mod timeline;
pub mod web;

mod engine;

pub use claims::{ClaimPlaceRow, ClaimRow, ClaimState, PlaceClaims, CONTESTED_WITHIN_DAYS};
pub use engine::{Engine, FacetValue, NamedFacets, SearchOptions, SearchPage, Stats};
pub use people::{load_people_register, PersonRow};
pub use places::{PlaceArticles, PlaceResolver, PlaceRow, ResolvedPlace};
pub use timeline::{period_label, DateField, Period, TimelineOptions};
pub use web::PlaceInfo;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::error::Error;
use crate::extract::gazetteer::Gazetteer;
use crate::model::{Article, Entities, EntityKind};

/// What to look for, as a user gives it: query text (which may hold
/// `KIND:VALUE` clauses: `place:NAME`, `person:NAME`, `claim:ru`), values
/// of each entity kind (place and person names in any spelling or script,
/// claim kinds such as `ru` or `ua:partial`), and date bounds.
#[derive(Debug, Clone, Default)]
pub struct Criteria {
    /// Query text in tantivy's syntax, with entity clauses; empty for all.
    pub text: String,
    /// Entity values, each of its kind, as typed (a region includes the
    /// places inside it); each becomes a filter through its kind.
    pub entities: Vec<(EntityKind, String)>,
    /// Published on or after.
    pub from: Option<NaiveDate>,
    /// Published on or before.
    pub to: Option<NaiveDate>,
    /// Mentions a date on or after.
    pub mentioned_from: Option<NaiveDate>,
    /// Mentions a date on or before.
    pub mentioned_to: Option<NaiveDate>,
}

impl Criteria {
    /// Add the values of one kind (a repeatable flag such as `--place`).
    pub fn add(&mut self, kind: EntityKind, values: &[String]) {
        self.entities
            .extend(values.iter().map(|v| (kind, v.clone())));
    }

    /// The criteria with only their date bounds.
    pub fn dates_only(&self) -> Criteria {
        Criteria {
            from: self.from,
            to: self.to,
            mentioned_from: self.mentioned_from,
            mentioned_to: self.mentioned_to,
            ..Criteria::default()
        }
    }

    /// Criteria with date bounds read from user text (`2025-11-04`,
    /// `4 November 2025`…) and checked for order; messages name them as the
    /// command line does (`--from`, `--to`, `--mentioned-from`, …).
    pub fn with_dates(
        from: Option<&str>,
        to: Option<&str>,
        mentioned_from: Option<&str>,
        mentioned_to: Option<&str>,
    ) -> anyhow::Result<Criteria> {
        let parse = |flag: &str, v: Option<&str>| v.map(|v| parse_day(flag, v)).transpose();
        let c = Criteria {
            from: parse("from", from)?,
            to: parse("to", to)?,
            mentioned_from: parse("mentioned-from", mentioned_from)?,
            mentioned_to: parse("mentioned-to", mentioned_to)?,
            ..Criteria::default()
        };
        for (a, b, what) in [
            (c.from, c.to, "--from is after --to"),
            (
                c.mentioned_from,
                c.mentioned_to,
                "--mentioned-from is after --mentioned-to",
            ),
        ] {
            if let (Some(a), Some(b)) = (a, b) {
                if a > b {
                    return Err(Error::BadArgument(format!("{what} ({a} > {b})")).into());
                }
            }
        }
        Ok(c)
    }
}

/// A day typed by the user, through the one date parser
/// ([`crate::extract::dates::parse_date`]); `flag` names it in the message.
pub fn parse_day(flag: &str, value: &str) -> anyhow::Result<NaiveDate> {
    crate::extract::dates::parse_date(value).ok_or_else(|| {
        Error::BadArgument(format!(
            "--{flag}: cannot read {value:?} as a date (try YYYY-MM-DD)"
        ))
        .into()
    })
}

/// The built-in gazetteer, or one merged with the user's GeoNames files
/// (built once for the life of the process, like the built-in one).
/// Returns the warnings about skipped lines for the face to show.
pub fn load_gazetteer(extra: &[PathBuf]) -> anyhow::Result<(&'static Gazetteer, Vec<String>)> {
    if extra.is_empty() {
        return Ok((Gazetteer::builtin(), Vec::new()));
    }
    let (gaz, warnings) = Gazetteer::with_geonames(extra)?;
    Ok((Box::leak(Box::new(gaz)), warnings))
}

/// What `extract` found in files, without an index.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Each article with its entities, in walk order.
    pub articles: Vec<(Article, Entities)>,
    /// One line per skipped or degraded file.
    pub warnings: Vec<String>,
}

/// Read files or folders (walked like `index` walks them) and extract their
/// entities; `assumed` is the publication date of articles that state none.
pub fn extract_files(
    paths: &[PathBuf],
    gazetteer: &Gazetteer,
    assumed: Option<NaiveDate>,
) -> Extracted {
    use crate::ingest::{self, WalkOptions};
    let mut found = Extracted::default();
    let opts = WalkOptions::default();
    for path in paths {
        // The walk takes a folder or a single file alike.
        let (entries, notices) = ingest::walk(path, &opts);
        found.warnings.extend(notices.iter().map(|n| n.to_string()));
        for entry in entries {
            let shown = if path.is_dir() {
                format!("{}/{}", path.display(), entry.rel)
            } else {
                path.display().to_string()
            };
            let parsed = ingest::read_file(&entry, opts.max_file_size)
                .and_then(|bytes| ingest::parse(&shown, entry.format, &bytes));
            match parsed {
                Ok(p) => {
                    found.warnings.extend(p.warnings);
                    for mut article in p.articles {
                        if article.published.is_none() {
                            article.published =
                                crate::extract::dates::find_published(&article.body).or(assumed);
                        }
                        let entities = crate::extract::extract(&article, gazetteer);
                        found.articles.push((article, entities));
                    }
                }
                Err(n) => found.warnings.push(n.to_string()),
            }
        }
    }
    found
}
