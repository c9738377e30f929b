//! A bounded load test for `frontline serve` on loopback: N clients (threads
//! with keep-alive connections) ask a mix of pages for a fixed time, then
//! the requests per second and the p50/p99 latency of each page are
//! printed, with every error counted.
//!
//! ```text
//! cargo run --release --example web_load -- http://127.0.0.1:8717 \
//!     --clients 50 --seconds 30 --words words.txt --places places.txt \
//!     search=/search?q={word} place=/place/{place} timeline=/timeline
//! ```
//!
//! `{word}` and `{place}` in a path take the lines of the `--words` and
//! `--places` files in turn (each client starts at its own line), and `{n}`
//! the numbers 1 to 100 (result pages), so the mix has as many distinct
//! requests as the files have lines. The server's
//! `x-cache` header is counted: the hit rate of its result cache is printed
//! per page, with the latencies of hits and misses apart. `--clients 1`
//! gives one-at-a-time figures.
//!
//! Only loopback addresses are accepted: this is not a tool for other
//! people's servers.

use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let base = args.next().unwrap_or_else(|| usage("missing base URL"));
    let host = base
        .strip_prefix("http://")
        .and_then(|h| h.split(['/', ':']).next())
        .unwrap_or("");
    if !matches!(host, "127.0.0.1" | "localhost" | "[::1]") {
        usage("the base URL must be a loopback http:// address");
    }
    let (mut clients, mut seconds) = (50usize, 30u64);
    let mut pages: Vec<(String, String)> = Vec::new();
    let (mut words, mut places) = (Vec::new(), Vec::new());
    while let Some(a) = args.next() {
        match a.as_str() {
            "--clients" => clients = num(args.next()),
            "--seconds" => seconds = num(args.next()) as u64,
            "--words" => words = lines(args.next()),
            "--places" => places = lines(args.next()),
            _ => match a.split_once('=') {
                Some((name, path)) => pages.push((name.to_string(), path.to_string())),
                None => usage(&format!("bad argument {a:?}")),
            },
        }
    }
    if pages.is_empty() {
        usage("no pages given");
    }
    for (name, path) in &pages {
        if (path.contains("{word}") && words.is_empty())
            || (path.contains("{place}") && places.is_empty())
        {
            usage(&format!("{name} needs --words or --places"));
        }
    }
    let (words, places) = (std::sync::Arc::new(words), std::sync::Arc::new(places));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|c| {
            let (base, pages) = (base.clone(), pages.clone());
            let (words, places) = (words.clone(), places.clone());
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .timeout_global(Some(Duration::from_secs(30)))
                    .build()
                    .into();
                // Per page: latencies (µs) of misses and hits, and errors.
                let mut seen: Vec<Seen> = vec![Seen::default(); pages.len()];
                let mut i = c;
                // Each client starts at its own line of the lists.
                let mut line = c * 7919;
                while Instant::now() < deadline {
                    let k = i % pages.len();
                    i += 1;
                    let mut path = pages[k].1.clone();
                    if path.contains("{word}") {
                        line += 1;
                        path = path.replace("{word}", &words[line % words.len()]);
                    }
                    if path.contains("{n}") {
                        line += 1;
                        path = path.replace("{n}", &(line % 100 + 1).to_string());
                    }
                    if path.contains("{place}") {
                        line += 1;
                        path = path.replace("{place}", &places[line % places.len()]);
                    }
                    let t = Instant::now();
                    let (ok, hit) = match agent.get(&format!("{base}{path}")).call() {
                        Ok(mut r) => {
                            let status = r.status().as_u16();
                            let hit = r
                                .headers()
                                .get("x-cache")
                                .is_some_and(|v| v.as_bytes() == b"hit");
                            let read = r
                                .body_mut()
                                .with_config()
                                .limit(64 << 20)
                                .read_to_vec()
                                .is_ok();
                            (read && status == 200, hit)
                        }
                        Err(_) => (false, false),
                    };
                    let us = t.elapsed().as_micros() as u64;
                    if hit {
                        seen[k].hits.push(us);
                    } else {
                        seen[k].misses.push(us);
                    }
                    if !ok {
                        seen[k].errors += 1;
                    }
                }
                seen
            })
        })
        .collect();
    let mut all: Vec<Seen> = vec![Seen::default(); pages.len()];
    for w in workers {
        for (k, seen) in w.join().expect("client thread").into_iter().enumerate() {
            all[k].misses.extend(seen.misses);
            all[k].hits.extend(seen.hits);
            all[k].errors += seen.errors;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let total: usize = all.iter().map(|s| s.misses.len() + s.hits.len()).sum();
    let hits: usize = all.iter().map(|s| s.hits.len()).sum();
    let errors: u64 = all.iter().map(|s| s.errors).sum();
    println!(
        "{clients} clients, {elapsed:.1} s: {total} requests, {:.0} requests/s, {errors} errors, \
         cache hit rate {:.1}%",
        total as f64 / elapsed,
        100.0 * hits as f64 / total.max(1) as f64
    );
    println!(
        "{:<12} {:>8} {:>7} {:>6} {:>8} {:>8} {:>9} {:>9} {:>9}",
        "page", "requests", "errors", "hit%", "p50 ms", "p99 ms", "miss p50", "miss p99", "hit p50"
    );
    for ((name, _), mut s) in pages.iter().zip(all) {
        let mut every: Vec<u64> = s.misses.iter().chain(&s.hits).copied().collect();
        let n = every.len();
        println!(
            "{name:<12} {n:>8} {:>7} {:>6.1} {:>8.1} {:>8.1} {:>9.1} {:>9.1} {:>9.1}",
            s.errors,
            100.0 * s.hits.len() as f64 / n.max(1) as f64,
            pct(&mut every, 0.50),
            pct(&mut every, 0.99),
            pct(&mut s.misses, 0.50),
            pct(&mut s.misses, 0.99),
            pct(&mut s.hits, 0.50),
        );
    }
}

/// What one client saw of one page.
#[derive(Clone, Default)]
struct Seen {
    misses: Vec<u64>,
    hits: Vec<u64>,
    errors: u64,
}

/// The `p` quantile of latencies in µs, in ms (0 when there are none).
fn pct(lat: &mut [u64], p: f64) -> f64 {
    lat.sort_unstable();
    lat.get(((lat.len() as f64 - 1.0) * p).round() as usize)
        .map_or(0.0, |us| *us as f64 / 1000.0)
}

/// The non-empty lines of a file, percent-encoded for a URL.
fn lines(path: Option<String>) -> Vec<String> {
    let path = path.unwrap_or_else(|| usage("expected a file"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| usage(&format!("cannot read {path}: {e}")));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| form_urlencoded::byte_serialize(l.as_bytes()).collect())
        .collect()
}

fn num(v: Option<String>) -> usize {
    v.and_then(|v| v.parse().ok())
        .unwrap_or_else(|| usage("expected a number"))
}

fn usage(msg: &str) -> ! {
    eprintln!("web_load: {msg}\nusage: web_load http://127.0.0.1:PORT [--clients N] [--seconds S] [--words FILE] [--places FILE] name=/path ...");
    std::process::exit(2)
}
