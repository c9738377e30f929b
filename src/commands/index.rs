//! `frontline index`: walk, extract and index a folder, with a progress bar
//! on a terminal and a summary line at the end.

use std::io::{IsTerminal, Write};
use std::path::Path;

use frontline::index::writer::{write_index, Event, IndexOptions};
use frontline::ingest::WalkOptions;
use frontline::output::json::{self, SummaryLine};
use frontline::output::table::index_summary;
use frontline::service::{load_gazetteer, load_people_register};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Outcome;
use crate::cli::IndexArgs;

/// Run `frontline index`.
pub fn run(index: &Path, args: &IndexArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    // Refuse at once if another indexer is running, before the slow setup.
    frontline::index::check_unlocked(index)?;
    let (gazetteer, mut warnings) = load_gazetteer(&args.gazetteer)?;
    warnings.extend(load_people_register(args.people.as_deref())?);
    for w in warnings {
        eprintln!("frontline: warning: {w}");
    }
    let opts = IndexOptions {
        root: args.dir.clone(),
        index_dir: index.to_path_buf(),
        rebuild: args.rebuild,
        walk: WalkOptions {
            follow_links: args.follow_links,
            max_file_size: args.max_file_size,
        },
        heap: args.heap.max(15) * 1024 * 1024,
        threads: args.threads,
        commit_every: args.commit_every,
        gazetteer: args.gazetteer.clone(),
        people: args.people.clone(),
    };
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        // Rates from what was read: files/s from the count, MB/s from the
        // bytes (the bar's own byte rate would count files as bytes).
        ProgressStyle::with_template("{spinner} {bar:30} {pos}/{len} files {per_sec} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut files_total = 0usize;
    let started = std::time::Instant::now();
    let mut committed = String::new();
    let report = write_index(&opts, gazetteer, &mut |event| match event {
        Event::Walked { files, .. } => {
            files_total = files;
            bar.set_length(files as u64);
        }
        Event::Progress { files, bytes } => {
            bar.set_position(files.min(files_total) as u64);
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!("{:.1} MB/s{committed}", bytes as f64 / 1e6 / secs));
        }
        Event::Warning(line) => bar.suspend(|| eprintln!("frontline: warning: {line}")),
        Event::Committed { articles } => committed = format!(", {articles} committed"),
    })?;
    bar.finish_and_clear();
    eprintln!("{}", index_summary(&report));
    if args.json {
        json::line(out, &SummaryLine::line(&report))?;
    }
    Ok(Outcome::Found)
}
