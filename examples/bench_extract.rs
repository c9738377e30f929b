//! Times the extractors (places, people, dates, claims) over a folder or a JSON Lines file of
//! articles, on one core, and prints MB/s for each.
//!
//! ```sh
//! cargo run --release --example bench_extract -- corpus
//! cargo run --release --example bench_extract -- articles.jsonl --passes 20
//! ```
//!
//! Files are read through [`frontline::ingest::parse`], so every format the
//! indexer reads works here too. Each extractor runs over every article's
//! text (title and body) `--passes` times; the figure is bytes of text per
//! second of wall time for that extractor alone. Run it pinned to one core
//! (`taskset -c 0`) on a quiet machine for numbers worth comparing.
//!
//! The gazetteer costs are printed first: loading the entries (what a
//! command that only looks places up by id pays) and building the name
//! index (paid once, by the first extraction or lookup).

use std::path::Path;
use std::time::{Duration, Instant};
use tantivy::tokenizer::TokenStream;

use anyhow::Context;
use chrono::NaiveDate;
use frontline::extract::{claims, dates, gazetteer::Gazetteer, people, places};
use frontline::model::{Article, Format};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut input = None;
    let mut passes = 10usize;
    let mut only: Option<String> = None;
    while let Some(a) = args.next() {
        if a == "--only" {
            only = Some(args.next().context("--only needs a stage name")?);
        } else if a == "--passes" {
            let n = args.next().context("--passes needs a number")?;
            passes = n.parse().with_context(|| format!("--passes {n}"))?;
        } else {
            input = Some(a);
        }
    }
    let input =
        input.context("usage: bench_extract FOLDER|FILE.jsonl [--passes N] [--only STAGE]")?;
    let articles = read_articles(Path::new(&input))?;
    let texts: Vec<(String, Option<NaiveDate>)> = articles
        .iter()
        .map(|a| (a.text().into_owned(), a.published))
        .collect();
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    println!(
        "{} articles, {:.2} MB of text, {passes} passes",
        texts.len(),
        bytes as f64 / 1e6
    );

    let t = Instant::now();
    let gazetteer = Gazetteer::builtin();
    println!("gazetteer entries: {:>8.1} ms", ms(t.elapsed()));
    let t = Instant::now();
    let _ = gazetteer.resolve("Kyiv");
    println!("gazetteer index:   {:>8.1} ms", ms(t.elapsed()));

    // `--only STAGE` times one stage (for a profiler); people still get
    // the places they need, found once and not timed.
    let run = |stage: &str| only.as_deref().is_none_or(|o| o == stage);
    let place_passes = if run("places") { passes } else { 1 };
    let mut found = 0usize;
    let mut all_places = Vec::with_capacity(texts.len());
    let t = Instant::now();
    for pass in 0..place_passes {
        for (text, _) in &texts {
            let p = places::find_places(text, gazetteer);
            found += p.len();
            if pass == 0 {
                all_places.push(p);
            }
        }
    }
    if run("places") {
        report("places", t.elapsed(), bytes * passes, found / passes.max(1));
    }
    // One timed stage: `count` runs over one article (its index, text and
    // publication date) and returns how many things it found.
    let stage = |name: &str, count: &mut dyn FnMut(usize, &str, Option<NaiveDate>) -> usize| {
        if !run(name) {
            return;
        }
        let mut found = 0usize;
        let t = Instant::now();
        for _ in 0..passes {
            for (i, (text, published)) in texts.iter().enumerate() {
                found += count(i, text, *published);
            }
        }
        report(name, t.elapsed(), bytes * passes, found / passes.max(1));
    };
    stage("people", &mut |i, text, _| {
        people::find_people(text, &all_places[i]).len()
    });
    stage("dates", &mut |_, text, published| {
        dates::find_dates(text, published).len()
    });
    // Claims read what the other passes found: found once, not timed.
    if run("claims") {
        let found: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, (text, published))| {
                (
                    people::find_people(text, &all_places[i]),
                    dates::find_dates(text, *published),
                )
            })
            .collect();
        stage("claims", &mut |i, text, published| {
            let (people, dates) = &found[i];
            claims::find_claims(text, &all_places[i], people, dates, published).len()
        });
    }
    // The index-time costs of analyst search: the cross-script analyzer
    // (every word folded to Latin) and the reprint signature.
    let mut analyzer = frontline::index::analysis::latin_analyzer();
    stage("latin", &mut |_, text, _| {
        let mut stream = analyzer.token_stream(text);
        let mut tokens = 0;
        while stream.advance() {
            tokens += 1;
        }
        tokens
    });
    stage("minhash", &mut |_, text, _| {
        frontline::index::signature::minhash(text).len() / 4
    });
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report(name: &str, took: Duration, bytes: usize, found: usize) {
    let secs = took.as_secs_f64().max(1e-9);
    println!(
        "{name:<7} {:>8.1} MB/s  ({:.0} ms, {found} per pass)",
        bytes as f64 / secs / 1e6,
        ms(took)
    );
}

/// Every article in `path`: one file, or every readable file under a folder
/// (sorted, so runs compare).
fn read_articles(path: &Path) -> anyhow::Result<Vec<Article>> {
    let files: Vec<std::path::PathBuf> = if path.is_dir() {
        let mut v: Vec<_> = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    let mut articles = Vec::new();
    for f in files {
        let Some(format) = f
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
        else {
            continue;
        };
        let bytes = std::fs::read(&f).with_context(|| format!("reading {}", f.display()))?;
        let rel = f.display().to_string();
        match frontline::ingest::parse(&rel, format, &bytes) {
            Ok(parsed) => articles.extend(parsed.articles),
            Err(skip) => eprintln!("bench_extract: skipped {rel}: {skip:?}"),
        }
    }
    Ok(articles)
}
