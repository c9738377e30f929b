//! A bounded load test for `frontline serve` on loopback: N clients (threads
//! with keep-alive connections) ask a mix of pages for a fixed time, then
//! the requests per second and the p50/p99 latency of each page are
//! printed, with every error counted.
//!
//! ```text
//! cargo run --release --example web_load -- http://127.0.0.1:8717 \
//!     --clients 50 --seconds 30 \
//!     search=/search?q=drone place=/place/pokrovsk timeline=/timeline
//! ```
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
    while let Some(a) = args.next() {
        match a.as_str() {
            "--clients" => clients = num(args.next()),
            "--seconds" => seconds = num(args.next()) as u64,
            _ => match a.split_once('=') {
                Some((name, path)) => pages.push((name.to_string(), path.to_string())),
                None => usage(&format!("bad argument {a:?}")),
            },
        }
    }
    if pages.is_empty() {
        usage("no pages given");
    }
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|c| {
            let (base, pages) = (base.clone(), pages.clone());
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .timeout_global(Some(Duration::from_secs(30)))
                    .build()
                    .into();
                // Per page: latencies (µs) and errors.
                let mut seen: Vec<(Vec<u64>, u64)> = vec![(Vec::new(), 0); pages.len()];
                let mut i = c;
                while Instant::now() < deadline {
                    let k = i % pages.len();
                    i += 1;
                    let t = Instant::now();
                    let ok = match agent.get(&format!("{base}{}", pages[k].1)).call() {
                        Ok(mut r) => {
                            let status = r.status().as_u16();
                            r.body_mut()
                                .with_config()
                                .limit(64 << 20)
                                .read_to_vec()
                                .is_ok()
                                && status == 200
                        }
                        Err(_) => false,
                    };
                    seen[k].0.push(t.elapsed().as_micros() as u64);
                    if !ok {
                        seen[k].1 += 1;
                    }
                }
                seen
            })
        })
        .collect();
    let mut all: Vec<(Vec<u64>, u64)> = vec![(Vec::new(), 0); pages.len()];
    for w in workers {
        for (k, (lat, err)) in w.join().expect("client thread").into_iter().enumerate() {
            all[k].0.extend(lat);
            all[k].1 += err;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let total: usize = all.iter().map(|(l, _)| l.len()).sum();
    let errors: u64 = all.iter().map(|(_, e)| e).sum();
    println!(
        "{clients} clients, {elapsed:.1} s: {total} requests, {:.0} requests/s, {errors} errors",
        total as f64 / elapsed
    );
    println!(
        "{:<12} {:>8} {:>8} {:>10} {:>10}",
        "page", "requests", "errors", "p50 ms", "p99 ms"
    );
    for ((name, _), (mut lat, err)) in pages.iter().zip(all) {
        lat.sort_unstable();
        let pct = |p: f64| {
            lat.get(((lat.len() as f64 - 1.0) * p).round() as usize)
                .map_or(0.0, |us| *us as f64 / 1000.0)
        };
        println!(
            "{name:<12} {:>8} {err:>8} {:>10.1} {:>10.1}",
            lat.len(),
            pct(0.50),
            pct(0.99)
        );
    }
}

fn num(v: Option<String>) -> usize {
    v.and_then(|v| v.parse().ok())
        .unwrap_or_else(|| usage("expected a number"))
}

fn usage(msg: &str) -> ! {
    eprintln!("web_load: {msg}\nusage: web_load http://127.0.0.1:PORT [--clients N] [--seconds S] name=/path ...");
    std::process::exit(2)
}
