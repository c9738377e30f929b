//! Evaluation of date extraction (`frontline::extract::dates`) against the
//! shared data: the synthetic corpus with ground truth, the seed article and
//! the Ukrainian officials' addresses of 2022. Prints precision, recall and F1
//! with counts and asserts floors slightly below the measured figures.
//!
//! Locates the shared folder as `$CARGO_MANIFEST_DIR/../shared`, else the
//! `FRONTLINE_SHARED` environment variable; when neither exists every test
//! prints `skipping: ../shared not found` and passes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use frontline::extract::dates::{find_dates, find_published, parse_date};
use frontline::model::{DateMention, Granularity};

fn shared() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if here.join("data").is_dir() {
        return Some(here);
    }
    let env = PathBuf::from(std::env::var_os("FRONTLINE_SHARED")?);
    env.join("data").is_dir().then_some(env)
}

/// A date literal, parsed by the crate itself (keeps this file free of a
/// direct chrono dependency).
macro_rules! date {
    ($s:expr) => {
        parse_date($s).expect("valid test date")
    };
}

/// Precision / recall / F1 counters.
#[derive(Default, Debug, Clone, Copy)]
struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Prf {
    fn add(&mut self, found: &BTreeSet<String>, truth: &BTreeSet<String>) {
        self.tp += found.intersection(truth).count();
        self.fp += found.difference(truth).count();
        self.fn_ += truth.difference(found).count();
    }
    fn p(&self) -> f64 {
        self.tp as f64 / ((self.tp + self.fp).max(1)) as f64
    }
    fn r(&self) -> f64 {
        self.tp as f64 / ((self.tp + self.fn_).max(1)) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name}: P={:.3} R={:.3} F1={:.3} (tp={} fp={} fn={})",
            self.p(),
            self.r(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

/// The article body of a generated file and the offset from which dates are
/// compared: the title/dateline header, front matter and HTML head are not
/// part of the truth's `dates`.
fn body_of(fmt: &str, raw: &str) -> String {
    let raw = raw.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    match fmt {
        "json" => serde_json::from_str::<serde_json::Value>(&raw)
            .ok()
            .and_then(|v| v.get("body").and_then(|b| b.as_str()).map(str::to_string))
            .unwrap_or_default(),
        "html" => {
            let start = raw.find("</h1>").map_or(0, |i| i + 5);
            let mut s = raw[start..].to_string();
            if let (Some(a), Some(b)) = (s.find("<p class=\"dateline\">"), s.find("</time></p>")) {
                if a < b {
                    s.replace_range(a..b + "</time></p>".len(), "");
                }
            }
            // Crude tag stripping is enough for generated HTML.
            let mut out = String::with_capacity(s.len());
            let mut in_tag = false;
            for c in s.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => {
                        in_tag = false;
                        out.push(' ');
                    }
                    _ if !in_tag => out.push(c),
                    _ => {}
                }
            }
            out.replace("&amp;", "&")
        }
        // txt and md: everything after the first blank line (title,
        // dateline, byline and front matter come before it).
        _ => {
            let s = if fmt == "md" {
                raw.splitn(3, "---\n").nth(2).unwrap_or(&raw).to_string()
            } else {
                raw.clone()
            };
            match s.find("\n\n") {
                Some(i) => s[i + 2..].to_string(),
                None => s,
            }
        }
    }
}

/// Resolved day and month values (a date whose year is unknown has none).
fn day_month_values(ms: &[DateMention]) -> BTreeSet<String> {
    ms.iter()
        .filter(|m| matches!(m.granularity, Granularity::Day | Granularity::Month))
        .filter(|m| !m.year_unknown)
        .map(|m| m.value.clone())
        .collect()
}

#[test]
fn synthetic_corpus() {
    let Some(shared) = shared() else {
        println!("skipping: ../shared not found");
        return;
    };
    let out = std::env::temp_dir().join(format!("frontline-dates-eval-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let status = Command::new("python3")
        .arg(shared.join("tools/gen_corpus.py"))
        .args(["--n", "300", "--seed", "11", "--out"])
        .arg(&out)
        .output();
    match status {
        Ok(o) if o.status.success() => {}
        _ => {
            println!("skipping: python3 or gen_corpus.py unavailable");
            return;
        }
    }
    let truth = std::fs::read_to_string(out.join("truth.jsonl")).expect("truth.jsonl");
    let mut all = Prf::default();
    let mut stated = Prf::default();
    let mut strict = Prf::default();
    let mut unstated_anchor = Prf::default();
    let mut unstated_none = Prf::default();
    // Without a publication date: year-less "--MM-DD" mentions kept, those
    // whose month and day some truth day has, and the truth days left
    // unresolved that one of them names.
    let (mut yearless, mut yearless_right) = (0usize, 0usize);
    let (mut unresolved_days, mut unresolved_kept) = (0usize, 0usize);
    let mut pub_ok = 0usize;
    let mut pub_wrong = 0usize;
    let mut pub_missing = 0usize;
    let mut pub_truth = 0usize;
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut fp_examples: Vec<String> = Vec::new();
    let mut fn_examples: Vec<String> = Vec::new();
    for line in truth.lines() {
        let rec: serde_json::Value = serde_json::from_str(line).expect("truth line");
        let file = rec["file"].as_str().unwrap_or_default();
        let fmt = rec["format"].as_str().unwrap_or_default();
        let raw = std::fs::read_to_string(out.join("articles").join(file)).expect("article");
        let truth_pub = rec["published"].as_str().map(|s| date!(s));
        let anchor = rec["anchor_date"].as_str().map(|s| date!(s));
        let found_pub = if fmt == "txt" || fmt == "md" {
            find_published(raw.trim_start_matches('\u{feff}'))
        } else {
            None
        };
        if truth_pub.is_some() && fmt == "txt" {
            pub_truth += 1;
            match found_pub {
                Some(p) if Some(p) == truth_pub => pub_ok += 1,
                Some(_) => pub_wrong += 1,
                None => pub_missing += 1,
            }
        } else if found_pub.is_some() && truth_pub.is_none() {
            pub_wrong += 1;
        }
        let body = body_of(fmt, &raw);
        let want: BTreeSet<String> = rec["dates"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let published = found_pub.or(truth_pub);
        let found = find_dates(&body, published.or(anchor));
        let got = day_month_values(&found);
        // The truth treats "this month"/"last month" as vague; the extractor
        // resolves them (by design), so they are also scored apart.
        let conv: Vec<DateMention> = found
            .into_iter()
            .filter(|m| !m.text.to_lowercase().ends_with(" month"))
            .collect();
        strict.add(&day_month_values(&conv), &want);
        if published.is_some() {
            stated.add(&got, &want);
        } else {
            unstated_anchor.add(&got, &want);
            let none = find_dates(&body, None);
            let without = day_month_values(&none);
            unstated_none.add(&without, &want);
            let kept: BTreeSet<String> = none
                .iter()
                .filter(|m| m.year_unknown)
                .map(|m| m.value.clone())
                .collect();
            let truth_days: Vec<&String> = want.iter().filter(|w| w.len() == 10).collect();
            yearless += kept.len();
            yearless_right += kept
                .iter()
                .filter(|k| truth_days.iter().any(|w| w.get(4..) == k.get(1..)))
                .count();
            for w in truth_days.iter().filter(|w| !without.contains(**w)) {
                unresolved_days += 1;
                if w.get(4..)
                    .is_some_and(|md| kept.contains(&format!("-{md}")))
                {
                    unresolved_kept += 1;
                }
            }
        }
        all.add(&got, &want);
        for m in rec["date_mentions"].as_array().into_iter().flatten() {
            let kind = m["kind"].as_str().unwrap_or("?").to_string();
            if let Some(v) = m["resolved"].as_str() {
                let e = by_kind.entry(kind).or_default();
                e.1 += 1;
                if got.contains(v) {
                    e.0 += 1;
                } else if fn_examples.len() < 8 {
                    fn_examples.push(format!("{file}: {:?} -> {v}", m["text"]));
                }
            }
        }
        for v in got.difference(&want) {
            if fp_examples.len() < 8 {
                fp_examples.push(format!("{file}: {v}"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    println!("== dates: synthetic corpus (n=300, seed=11), day+month values per article");
    println!("{}", all.line("all articles (published, else anchor)"));
    println!("{}", stated.line("articles with a publication date"));
    println!(
        "{}",
        strict.line("all, not scoring this/last month (truth calls them vague)")
    );
    println!(
        "{}",
        unstated_anchor.line("no stated date, anchor_date used")
    );
    println!("{}", unstated_none.line("no stated date, nothing used"));
    println!(
        "no stated date, nothing used: {yearless} year-less dates kept, {yearless_right} with a truth month-day; \
         {unresolved_kept}/{unresolved_days} unresolved truth days kept year-less"
    );
    println!(
        "find_published on .txt: {pub_ok}/{pub_truth} right, {pub_wrong} wrong, {pub_missing} missed"
    );
    for (kind, (hit, n)) in &by_kind {
        println!(
            "  recall by kind {kind:9}: {hit}/{n} = {:.3}",
            *hit as f64 / (*n).max(1) as f64
        );
    }
    println!("  sample false positives: {fp_examples:?}");
    println!("  sample misses: {fn_examples:?}");
    assert!(stated.p() >= 0.95, "{}", stated.line("precision floor"));
    assert!(stated.r() >= 0.99, "{}", stated.line("recall floor"));
    assert!(all.f1() >= 0.97, "{}", all.line("F1 floor"));
    assert!(
        strict.p() >= 0.99,
        "{}",
        strict.line("precision floor, truth conventions")
    );
    assert_eq!(pub_wrong, 0, "find_published gave a wrong date");
    assert!(pub_ok * 100 >= pub_truth * 98, "find_published recall");
}

#[test]
fn seed_article() {
    let Some(shared) = shared() else {
        println!("skipping: ../shared not found");
        return;
    };
    let path = shared.join("data/seed/000_57ef080fabb77b70.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipping: seed article not found");
        return;
    };
    let ms = find_dates(&text, Some(date!("2025-11-06")));
    println!("== dates: seed article, published 2025-11-06");
    for m in &ms {
        println!("  {:?} -> {} ({:?})", m.text, m.value, m.granularity);
    }
    let nov4: Vec<&DateMention> = ms
        .iter()
        .filter(|m| m.text.contains("November 4"))
        .collect();
    assert_eq!(nov4.len(), 2, "both \"November 4\" mentions");
    assert!(nov4.iter().all(|m| m.value == "2025-11-04"));
    // "80%", "2nd and 51st armies", "four residential buildings", "31 homes"
    // are not dates: nothing but the two mentions is found.
    assert_eq!(ms.len(), 2, "no false dates in the seed article: {ms:?}");
}

/// Independent finder of explicit "day + month name" expressions: a 1–2
/// digit number next to a word that starts with a month stem (number first,
/// or for English also a capitalised month first). Returns the byte offset of
/// the pair's first word.
fn explicit_day_month(text: &str, stems: &[&str], month_first: bool) -> Vec<usize> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let sep = c.is_whitespace() || matches!(c, ',' | '(' | ')' | '«' | '»' | '"' | '.');
        match (sep, start) {
            (true, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..]));
    }
    let is_day = |n: &str| {
        n.len() <= 2
            && n.bytes().all(|b| b.is_ascii_digit())
            && n.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let is_month = |m: &str| {
        let low = m.to_lowercase();
        stems.iter().any(|s| low.starts_with(s))
    };
    words
        .windows(2)
        .filter(|w| {
            (is_day(w[0].1) && is_month(w[1].1))
                || (month_first
                    && is_month(w[0].1)
                    && w[0].1.starts_with(|c: char| c.is_uppercase())
                    && is_day(w[1].1))
        })
        .map(|w| w[0].0)
        .collect()
}

#[test]
fn ua_official_addresses() {
    let Some(shared) = shared() else {
        println!("skipping: ../shared not found");
        return;
    };
    let dir = shared.join("data/ua-official-addresses-2022");
    const UK_STEMS: &[&str] = &[
        "січ",
        "лют",
        "берез",
        "квіт",
        "трав",
        "черв",
        "лип",
        "серп",
        "верес",
        "жовт",
        "листопад",
        "груд",
    ];
    const EN_STEMS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    println!("== dates: ua-official-addresses-2022 (publication date = record `date`)");
    for (file, stems, month_first) in [
        ("addresses.uk.jsonl", UK_STEMS, false),
        ("addresses.en.jsonl", EN_STEMS, true),
    ] {
        let Ok(data) = std::fs::read_to_string(dir.join(file)) else {
            println!("skipping: {file} not found");
            continue;
        };
        let mut records = 0usize;
        let mut explicit = 0usize;
        let mut found_day_month = 0usize;
        let mut by_gran: BTreeMap<String, usize> = BTreeMap::new();
        let mut implausible = Vec::new();
        let mut feb24 = (0usize, 0usize);
        let mut samples: Vec<String> = Vec::new();
        for line in data.lines() {
            let rec: serde_json::Value = serde_json::from_str(line).expect("jsonl");
            let text = rec["text"].as_str().unwrap_or_default();
            let published = rec["date"].as_str().and_then(parse_date);
            assert!(published.is_some(), "parse_date on the record's timestamp");
            let Some(published) = published else { continue };
            records += 1;
            let pairs = explicit_day_month(text, stems, month_first);
            explicit += pairs.len();
            let ms = find_dates(text, Some(published));
            found_day_month += pairs
                .iter()
                .filter(|&&o| {
                    ms.iter()
                        .any(|m| m.granularity == Granularity::Day && m.start <= o && o < m.end)
                })
                .count();
            for m in &ms {
                *by_gran.entry(format!("{:?}", m.granularity)).or_default() += 1;
                let low = m.text.to_lowercase();
                let has_year = m
                    .text
                    .as_bytes()
                    .windows(4)
                    .any(|w| w.iter().all(u8::is_ascii_digit));
                let feb = ["24 лютого", "february 24", "24 february"];
                if !has_year && feb.iter().any(|f| low.starts_with(f)) {
                    feb24.1 += 1;
                    if m.value == "2022-02-24" {
                        feb24.0 += 1;
                    } else {
                        println!(
                            "  24 February resolved to {} (published {published})",
                            m.value
                        );
                    }
                }
                // A resolved (yearless) value more than 60 days after the
                // address or before 2014 is almost surely wrong.
                if let Some(d) = m.first_day().filter(|_| !has_year) {
                    let late = (d - published).num_days() > 60;
                    let early = d < date!("2014-01-01");
                    if (late || early) && m.granularity != Granularity::Year {
                        implausible.push(format!(
                            "{:?} -> {} (published {published})",
                            m.text, m.value
                        ));
                    }
                }
                let trivial = ["today", "сьогодні", "сегодня"].contains(&low.as_str());
                if !trivial {
                    let lo = (0..=m.start.saturating_sub(40))
                        .rev()
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(0);
                    let ctx = text[lo..m.start].replace('\n', " ");
                    samples.push(format!(
                        "…{ctx}[{}] -> {} (published {published})",
                        m.text, m.value
                    ));
                }
            }
        }
        println!(
            "{file}: {records} records, mentions by granularity {by_gran:?}; \
             independent 'N <month>' pairs covered by a day mention: {found_day_month}/{explicit}; \
             yearless '24 February' resolved to 2022-02-24: {}/{}; \
             implausible yearless values (>60 days after or < 2014): {}",
            feb24.0,
            feb24.1,
            implausible.len()
        );
        for s in implausible.iter().take(5) {
            println!("  implausible: {s}");
        }
        // 20 deterministic pseudo-random samples to eyeball (plain
        // "today"/"сьогодні" left out: they are most of the mentions).
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20.min(samples.len()) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let i = (x % samples.len() as u64) as usize;
            println!("  sample: {}", samples[i]);
        }
        if records > 0 {
            assert!(
                feb24.1 > 0 && feb24.0 == feb24.1,
                "24 February must resolve to 2022-02-24"
            );
            assert!(
                found_day_month * 100 >= explicit * 97,
                "day-month recall floor"
            );
            assert!(
                implausible.len() * 100 <= samples.len().max(1) * 3,
                "implausible dates"
            );
        }
    }
}
