//! Place-extraction evaluation on the shared data sets: prints precision and
//! recall (with counts) and fails when a figure drops below its floor.
//!
//! Parts: (a) the synthetic corpus of `tools/gen_corpus.py`, (b) the 2022
//! official addresses (uk and en), (c) CIR incident records, (d) CoNLL-2003
//! LOC spans, and the seed article. Each part is skipped with a message when
//! its data is absent, so the suite passes without `../shared`.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use frontline::extract::gazetteer::Gazetteer;
use frontline::extract::places::find_places;

/// `../shared` next to the crate, or `$FRONTLINE_SHARED`.
fn shared() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if beside.join("data").is_dir() {
        return Some(beside);
    }
    let from_env = PathBuf::from(std::env::var_os("FRONTLINE_SHARED")?);
    from_env.join("data").is_dir().then_some(from_env)
}

fn pct(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        100.0 * num as f64 / den as f64
    }
}

/// The id the gazetteer gives a name (first, most likely candidate).
fn resolve_id(g: &Gazetteer, name: &str) -> Option<String> {
    g.resolve(name).first().map(|e| e.id.clone())
}

fn found_ids(g: &Gazetteer, text: &str) -> BTreeSet<String> {
    find_places(text, g).into_iter().map(|p| p.id).collect()
}

#[test]
fn eval_synthetic_corpus() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let out = std::env::temp_dir().join(format!("frontline-places-eval-{}", std::process::id()));
    let status = std::process::Command::new("python3")
        .arg(shared.join("tools/gen_corpus.py"))
        .args(["--n", "300", "--seed", "11", "--out"])
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("skipping: python3 gen_corpus.py failed");
        return;
    }
    let g = Gazetteer::builtin();
    let truth = std::fs::read_to_string(out.join("truth.jsonl")).unwrap_or_default();
    let (mut tp, mut found_n, mut truth_n, mut unresolved, mut docs) = (0, 0, 0, 0, 0);
    let mut misses: Vec<String> = Vec::new();
    let mut extras: Vec<String> = Vec::new();
    for line in truth.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("truth line");
        let file = v["file"].as_str().unwrap_or("");
        if !file.ends_with(".txt") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(out.join("articles").join(file)) else {
            continue;
        };
        docs += 1;
        let mut want: BTreeSet<String> = BTreeSet::new();
        for name in v["places"].as_array().into_iter().flatten() {
            let name = name.as_str().unwrap_or("");
            match resolve_id(g, name) {
                Some(id) => {
                    want.insert(id);
                }
                None => {
                    unresolved += 1;
                    truth_n += 1;
                    misses.push(format!("(unresolvable) {name}"));
                }
            }
        }
        let got: BTreeSet<String> = find_places(&text, g)
            .into_iter()
            .filter(|p| p.kind != "country")
            .map(|p| p.id)
            .collect();
        truth_n += want.len();
        found_n += got.len();
        tp += got.intersection(&want).count();
        misses.extend(want.difference(&got).cloned());
        extras.extend(got.difference(&want).cloned());
    }
    let _ = std::fs::remove_dir_all(&out);
    let p = pct(tp, found_n);
    let r = pct(tp, truth_n);
    println!(
        "synthetic: {docs} txt articles; precision {p:.1}% ({tp}/{found_n}), recall {r:.1}% ({tp}/{truth_n}; {unresolved} truth names unresolvable)"
    );
    print_top("synthetic misses", &misses);
    print_top("synthetic extras", &extras);
    assert!(docs > 200, "too few articles: {docs}");
    assert!(p >= 96.5, "synthetic precision {p:.1}%");
    assert!(r >= 97.5, "synthetic recall {r:.1}%");
}

fn print_top(label: &str, items: &[String]) {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for i in items {
        *counts.entry(i.as_str()).or_default() += 1;
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = v.iter().take(12).map(|(k, n)| format!("{k}×{n}")).collect();
    println!("  {label}: {}", top.join(", "));
}

#[test]
fn eval_official_addresses() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let g = Gazetteer::builtin();
    for (lang, floor) in [("uk", 88.5), ("en", 89.5)] {
        let path = shared.join(format!(
            "data/ua-official-addresses-2022/addresses.{lang}.jsonl"
        ));
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!("skipping: {} not found", path.display());
            continue;
        };
        let (mut hit, mut total, mut unresolved) = (0, 0, 0);
        let mut misses = Vec::new();
        for line in data.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let text = v["text"].as_str().unwrap_or("");
            let cities: Vec<&str> = v["cities"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|c| c.as_str())
                .collect();
            if cities.is_empty() {
                continue;
            }
            let got = found_ids(g, text);
            for c in cities {
                let Some(id) = resolve_id(g, c) else {
                    unresolved += 1;
                    continue;
                };
                total += 1;
                if got.contains(&id) {
                    hit += 1;
                } else {
                    misses.push(c.to_string());
                }
            }
        }
        let r = pct(hit, total);
        println!(
            "addresses.{lang}: recall of listed cities {r:.1}% ({hit}/{total}; {unresolved} names not in the gazetteer)"
        );
        print_top("misses", &misses);
        assert!(r >= floor, "addresses.{lang} recall {r:.1}%");
    }
}

/// Minimal RFC 4180 reader (quoted fields, doubled quotes, newlines inside
/// quotes), enough for events.csv without a CSV dependency in the tests.
fn csv_records(data: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut field = String::new();
    let mut record = Vec::new();
    let mut quoted = false;
    let mut chars = data.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[test]
fn eval_cir_events() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let Ok(data) = std::fs::read_to_string(shared.join("data/cir-ukraine-events/events.csv"))
    else {
        eprintln!("skipping: events.csv not found");
        return;
    };
    let g = Gazetteer::builtin();
    let records = csv_records(&data);
    let Some(header) = records.first() else {
        return;
    };
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(ti), Some(di), Some(pi), Some(ci)) = (
        col("title"),
        col("brief description"),
        col("province"),
        col("town/city"),
    ) else {
        panic!("events.csv header changed: {header:?}");
    };
    let (mut town_rows, mut town_hit, mut named_rows, mut named_hit) = (0, 0, 0, 0);
    let (mut obl_rows, mut obl_hit, mut town_unres) = (0, 0, 0);
    let mut misses = Vec::new();
    for r in records.iter().skip(1) {
        let get = |i: usize| r.get(i).map(String::as_str).unwrap_or("");
        let text = format!("{}\n{}", get(ti), get(di));
        let places = find_places(&text, g);
        let ids: HashSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
        let town = get(ci).trim();
        if !town.is_empty() {
            match resolve_id(g, town) {
                Some(id) => {
                    town_rows += 1;
                    let hit = ids.contains(id.as_str());
                    town_hit += usize::from(hit);
                    if text.to_lowercase().contains(&town.to_lowercase()) {
                        named_rows += 1;
                        named_hit += usize::from(hit);
                        if !hit {
                            misses.push(town.to_string());
                        }
                    }
                }
                None => town_unres += 1,
            }
        }
        let province = get(pi).trim();
        if let Some(oblast) = (!province.is_empty())
            .then(|| resolve_id(g, province))
            .flatten()
        {
            obl_rows += 1;
            let hit = places
                .iter()
                .any(|p| p.id == oblast || g.ancestors(&p.id).iter().any(|a| a.id == oblast));
            obl_hit += usize::from(hit);
        }
    }
    let named = pct(named_hit, named_rows);
    println!(
        "cir events: town resolved {:.1}% ({town_hit}/{town_rows}; {town_unres} towns not in the gazetteer); \
         where the text names the town {named:.1}% ({named_hit}/{named_rows}); oblast {:.1}% ({obl_hit}/{obl_rows})",
        pct(town_hit, town_rows),
        pct(obl_hit, obl_rows)
    );
    print_top("misses where named", &misses);
    assert!(named >= 94.5, "cir named-town rate {named:.1}%");
}

#[test]
fn eval_conll_loc_spans() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let Ok(data) = std::fs::read_to_string(shared.join("data/conll2003-en/test.txt")) else {
        eprintln!("skipping: conll2003 test.txt not found");
        return;
    };
    let g = Gazetteer::builtin();
    let (mut tp, mut gold_n, mut pred_n) = (0usize, 0usize, 0usize);
    let (mut false_pos, mut false_neg) = (Vec::new(), Vec::new());
    let mut docs: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for line in data.lines() {
        if line.starts_with("-DOCSTART-") {
            docs.push(Vec::new());
            continue;
        }
        let cols: Vec<&str> = line.split(' ').collect();
        if cols.len() >= 4 {
            if let Some(d) = docs.last_mut() {
                d.push((cols[0].to_string(), cols[3].to_string()));
            }
        }
    }
    for doc in docs.iter().filter(|d| !d.is_empty()) {
        let mut text = String::new();
        let mut gold: HashSet<(usize, usize)> = HashSet::new();
        let mut open: Option<(usize, usize)> = None;
        for (tok, tag) in doc {
            if !text.is_empty() {
                text.push(' ');
            }
            let (s, e) = (text.len(), text.len() + tok.len());
            text.push_str(tok);
            match tag.as_str() {
                "I-LOC" if open.is_some() => {
                    if let Some(o) = open.as_mut() {
                        o.1 = e;
                    }
                }
                "B-LOC" | "I-LOC" => {
                    if let Some(o) = open.take() {
                        gold.insert(o);
                    }
                    open = Some((s, e));
                }
                _ => {
                    if let Some(o) = open.take() {
                        gold.insert(o);
                    }
                }
            }
        }
        if let Some(o) = open.take() {
            gold.insert(o);
        }
        let pred: HashSet<(usize, usize)> = find_places(&text, g)
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| (m.start, m.end)))
            .collect();
        gold_n += gold.len();
        pred_n += pred.len();
        tp += pred.intersection(&gold).count();
        // Surface forms only (never whole sentences) for the summary below.
        false_pos.extend(pred.difference(&gold).map(|&(s, e)| text[s..e].to_string()));
        false_neg.extend(gold.difference(&pred).map(|&(s, e)| text[s..e].to_string()));
    }
    let (p, r) = (pct(tp, pred_n), pct(tp, gold_n));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "conll2003 LOC spans: precision {p:.1}% ({tp}/{pred_n}), recall {r:.1}% ({tp}/{gold_n}), F1 {f1:.1}"
    );
    print_top("extra spans", &false_pos);
    print_top("missed LOC spans", &false_neg);
    assert!(p >= 76.0, "conll precision {p:.1}%");
    assert!(r >= 74.0, "conll recall {r:.1}%");
}

#[test]
fn seed_article() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let Ok(text) = std::fs::read_to_string(shared.join("data/seed/000_57ef080fabb77b70.txt"))
    else {
        eprintln!("skipping: seed article not found");
        return;
    };
    let g = Gazetteer::builtin();
    let places = find_places(&text, g);
    let by_name = |name: &str| places.iter().find(|p| p.name == name);
    let pokrovsk = by_name("Pokrovsk").expect("Pokrovsk found");
    let surfaces: HashSet<&str> = pokrovsk.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(surfaces.contains("Pokrovsk") && surfaces.contains("Krasnoarmersk"));
    let myrnohrad = by_name("Myrnohrad").expect("Myrnohrad found");
    let surfaces: HashSet<&str> = myrnohrad.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(surfaces.contains("Mirnograd") && surfaces.contains("Dimitrov"));
    assert!(by_name("Ukraine").is_some(), "Ukraine found");
    for name in ["Maryana Bezugla", "Mosiychuk", "Unigolova"] {
        for (s, _) in text.match_indices(name) {
            let e = s + name.len();
            for p in &places {
                for m in &p.mentions {
                    assert!(m.end <= s || m.start >= e, "{} overlaps {name}", m.text);
                }
            }
        }
    }
    let summary: Vec<String> = places
        .iter()
        .map(|p| format!("{} ×{}", p.name, p.mentions.len()))
        .collect();
    println!("seed: {}", summary.join(", "));
}
