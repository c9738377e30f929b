//! `frontline index`: walk, extract and index a folder, with a progress bar
//! on a terminal and a summary line at the end.

use std::io::{IsTerminal, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Outcome;
use crate::cli::IndexArgs;
use crate::index::writer::{write_index, Event, IndexOptions, IndexReport};
use crate::ingest::WalkOptions;
use crate::output::{json, Style};

/// Run `frontline index`.
pub fn run(
    index: &Path,
    args: &IndexArgs,
    _style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    // Refuse at once if another indexer is running, before the slow setup.
    crate::index::check_unlocked(index)?;
    let gazetteer = super::gazetteer(&args.gazetteer)?;
    super::people::load_register(args.people.as_deref())?;
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
    };
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {bar:30} {pos}/{len} files {bytes_per_sec} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut files_total = 0usize;
    let report = write_index(&opts, gazetteer, &mut |event| match event {
        Event::Walked { files, .. } => {
            files_total = files;
            bar.set_length(files as u64);
        }
        Event::Progress { files, .. } => bar.set_position(files.min(files_total) as u64),
        Event::Warning(line) => bar.suspend(|| eprintln!("frontline: warning: {line}")),
        Event::Committed { articles } => bar.set_message(format!("{articles} committed")),
    })?;
    bar.finish_and_clear();
    eprintln!("{}", summary(&report));
    if args.json {
        json::index_report(out, &report)?;
    }
    Ok(Outcome::Found)
}

/// The one-line summary: files, articles, changes, skips, time, MB/s.
pub fn summary(r: &IndexReport) -> String {
    let secs = r.elapsed.as_secs_f64();
    let mbps = if secs > 0.0 {
        r.bytes_read as f64 / 1e6 / secs
    } else {
        0.0
    };
    let mut skipped = format!("{} skipped", r.skipped_total());
    if !r.skipped.is_empty() {
        let by: Vec<String> = r.skipped.iter().map(|(k, v)| format!("{k} {v}")).collect();
        skipped = format!("{skipped} ({})", by.join(", "));
    }
    format!(
        "indexed {} articles from {} files: {} added, {} updated, {} removed, {} unchanged; {}; {} degraded; {:.2} s, {:.1} MB/s; {} articles in the index",
        r.articles_indexed,
        r.files_seen,
        r.added,
        r.updated,
        r.removed,
        r.unchanged,
        skipped,
        r.degraded,
        secs,
        mbps,
        r.total_articles
    )
}
