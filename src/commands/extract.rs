//! `frontline extract PATH...`: what frontline finds in files, without an
//! index. Folders are walked like `frontline index` walks them.

use std::io::Write;

use super::Outcome;
use crate::cli::ExtractArgs;
use crate::extract::{dates, extract};
use crate::ingest::{self, WalkOptions};
use crate::model::Article;
use crate::output::{json, table, Style};

/// Run `frontline extract`.
pub fn run(args: &ExtractArgs, style: &Style, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let gaz = super::gazetteer(&args.gazetteer)?;
    super::people::load_register(args.people.as_deref())?;
    let mut articles: Vec<Article> = Vec::new();
    let opts = WalkOptions::default();
    for path in &args.paths {
        // The walk takes a folder or a single file alike.
        let (entries, notices) = ingest::walk(path, &opts);
        for n in notices {
            eprintln!("frontline: warning: {n}");
        }
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
                    for w in &p.warnings {
                        eprintln!("frontline: warning: {w}");
                    }
                    articles.extend(p.articles);
                }
                Err(n) => eprintln!("frontline: warning: {n}"),
            }
        }
    }
    let assumed = args
        .published
        .as_deref()
        .map(|d| super::parse_date_arg("published", d))
        .transpose()?;
    let mut found = false;
    for article in &mut articles {
        if article.published.is_none() {
            article.published = dates::find_published(&article.body).or(assumed);
        }
        let entities = extract(article, gaz);
        found |= !entities.places.is_empty()
            || !entities.people.is_empty()
            || !entities.dates.is_empty();
        if args.json {
            json::line(out, &json::ExtractJson::new(article, &entities))?;
        } else {
            table::extract(out, style, article, &entities)?;
        }
    }
    Ok(if found {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}
