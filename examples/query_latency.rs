//! In-process query latency: runs each query of a TSV file (one command per
//! line, arguments separated by tabs, as `frontline` takes them) against an
//! index through the same code as the binary, `--runs` times after one
//! warm-up, and prints the median and 99th percentile in milliseconds.
//!
//! `cargo run --release --example query_latency -- INDEX QUERIES.tsv [RUNS]`

// The command line belongs to the binary; the example compiles the same
// modules so that it runs exactly what `frontline` runs.
#[path = "../src/cli.rs"]
#[allow(dead_code)]
mod cli;
#[path = "../src/commands/mod.rs"]
#[allow(dead_code)]
mod commands;

use std::time::Instant;

use clap::Parser;
use cli::Cli;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (index, file) = match (args.get(1), args.get(2)) {
        (Some(i), Some(f)) => (i.clone(), f.clone()),
        _ => anyhow::bail!("usage: query_latency INDEX QUERIES.tsv [RUNS]"),
    };
    let runs: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(5);
    let queries: Vec<Vec<String>> = std::fs::read_to_string(&file)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    let mut times = Vec::new();
    let mut sink = std::io::sink();
    for round in 0..=runs {
        for q in &queries {
            let mut argv = vec![
                "frontline".to_string(),
                "--index".to_string(),
                index.clone(),
            ];
            argv.extend(q.iter().cloned());
            argv.push("--json".to_string());
            let cli = Cli::try_parse_from(&argv)?;
            let start = Instant::now();
            commands::run(cli, &mut sink)?;
            if round > 0 {
                times.push(start.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "{} queries x {runs} runs: median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        queries.len(),
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );
    Ok(())
}
