//! `frontline mentions NAME` and `frontline people`.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use frontline::output::json::{self, MentionLine, PersonLine};
use frontline::output::{table, Style};
use frontline::service::Engine;

use super::Outcome;
use crate::cli::{ListArgs, MentionsArgs};

/// Run `frontline mentions NAME`.
pub fn run_mentions(
    index: &Path,
    args: &MentionsArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let engine = Engine::open(index, &[])?;
    let criteria = super::criteria(&args.filters)?;
    let hits = engine.person_mentions(&args.name, &criteria)?;
    // The page asked for; the summary counts every mention.
    let page = hits.get(args.offset.min(hits.len())..).unwrap_or_default();
    let page = &page[..args.limit.min(page.len())];
    if args.json {
        for hit in page {
            json::line(out, &MentionLine::line(hit))?;
        }
    } else {
        table::mentions(out, style, page)?;
        let articles: BTreeSet<&str> = hits.iter().map(|h| h.article.id.as_str()).collect();
        let spellings: BTreeSet<&str> = hits.iter().map(|h| h.text.as_str()).collect();
        let total = format!(
            "{} mentions in {} articles (showing {}); spellings: {}",
            hits.len(),
            articles.len(),
            page.len(),
            spellings.into_iter().collect::<Vec<_>>().join(", ")
        );
        writeln!(out, "{}", style.dim(&total))?;
    }
    Ok(Outcome::found_if(!hits.is_empty()))
}

/// Run `frontline people`.
pub fn run_people(
    index: &Path,
    args: &ListArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let engine = Engine::open(index, &[])?;
    let rows = engine.rank_people(args.limit)?;
    if args.json {
        for row in &rows {
            json::line(out, &PersonLine::line(row))?;
        }
    } else {
        let table_rows: Vec<_> = rows
            .iter()
            .map(|r| (r.name.clone(), r.articles, r.spellings.clone()))
            .collect();
        table::ranking(out, style, "person", &table_rows)?;
    }
    Ok(Outcome::found_if(!rows.is_empty()))
}
