//! Evaluation of person extraction on shared data (skipped when `../shared`
//! is absent). Prints precision / recall / F1 with counts:
//!
//! - (a) CoNLL-2003 English test set: exact PER spans, per document;
//! - (b) the synthetic corpus of `tools/gen_corpus.py`: person keys per
//!   article against the ground truth;
//! - (c) ua-official-addresses-2022 (uk and en): recall of the listed
//!   speakers among the people found in the transcript.
//!
//! Each part asserts a floor a little below the figure measured when it was
//! written, so a regression fails the test.

use frontline::extract::people::{
    find_people, person_key, person_key_readings, person_nominative, surname_of_key,
};
use frontline::extract::translit::fold;
use std::collections::HashSet;
use std::path::Path;

use super::score::{ratio, shared_dir, Score};

impl Score {
    fn print(&self, what: &str) {
        println!(
            "{what}: P {:.3} R {:.3} F1 {:.3} (tp {}, fp {}, fn {})",
            self.p(),
            self.r(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_
        );
    }
}

/// One CoNLL document: its text (tokens joined by single spaces; with
/// `lines`, each sentence on a line of its own) and PER spans as byte ranges.
fn conll_docs(raw: &str, lines: bool) -> Vec<(String, Vec<(usize, usize)>)> {
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let close = |open: &mut Option<(usize, usize)>, spans: &mut Vec<(usize, usize)>| {
        if let Some(s) = open.take() {
            spans.push(s);
        }
    };
    for line in raw.lines() {
        let cols: Vec<&str> = line.split(' ').collect();
        if cols.first() == Some(&"-DOCSTART-") {
            close(&mut open, &mut spans);
            if !text.is_empty() {
                docs.push((std::mem::take(&mut text), std::mem::take(&mut spans)));
            }
            continue;
        }
        if cols.len() < 4 {
            // Sentence break: spans do not cross it.
            if lines && !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            continue;
        }
        let (tok, tag) = (cols[0], cols[3]);
        if !text.is_empty() && !text.ends_with('\n') {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(tok);
        let end = text.len();
        match tag {
            "B-PER" => {
                close(&mut open, &mut spans);
                open = Some((start, end));
            }
            "I-PER" => match open.as_mut() {
                Some(o) => o.1 = end,
                None => open = Some((start, end)),
            },
            _ => close(&mut open, &mut spans),
        }
    }
    close(&mut open, &mut spans);
    if !text.is_empty() {
        docs.push((text, spans));
    }
    docs
}

fn eval_conll(shared: &Path) {
    let path = shared.join("data/conll2003-en/test.txt");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        println!("skipping CoNLL: {} not readable", path.display());
        return;
    };
    // Joined by spaces, a name ending one sentence is glued to the first
    // word of the next ("Jocelyn | Gourvennec 67"); CoNLL annotates
    // sentences, so the sentence-per-line reading is scored too.
    let lines = std::env::var_os("CONLL_LINES").is_some();
    let docs = conll_docs(&raw, lines);
    let gazetteer = frontline::extract::gazetteer::Gazetteer::builtin();
    // PEOPLE_EVAL_VERBOSE=1 lists the errors of the run without places,
    // PEOPLE_EVAL_VERBOSE=places those of the run with them.
    let verbose = std::env::var("PEOPLE_EVAL_VERBOSE").ok();
    let mut score = Score::default();
    let mut with_places = Score::default();
    for (text, gold) in &docs {
        let gold: HashSet<(usize, usize)> = gold.iter().copied().collect();
        let found: HashSet<(usize, usize)> = find_people(text, &[])
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| (m.start, m.end)))
            .collect();
        score.tp += found.intersection(&gold).count();
        score.fp += found.difference(&gold).count();
        score.fn_ += gold.difference(&found).count();
        // As extraction runs: the place mentions found first are passed in.
        let places = frontline::extract::places::find_places(text, gazetteer);
        let people = find_people(text, &places);
        let found_p: HashSet<(usize, usize)> = people
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| (m.start, m.end)))
            .collect();
        with_places.tp += found_p.intersection(&gold).count();
        with_places.fp += found_p.difference(&gold).count();
        with_places.fn_ += gold.difference(&found_p).count();
        if let Some(v) = verbose.as_deref() {
            let (people, found) = if v == "places" {
                (people, found_p)
            } else {
                (find_people(text, &[]), found)
            };
            for p in &people {
                for m in p
                    .mentions
                    .iter()
                    .filter(|m| !gold.contains(&(m.start, m.end)))
                {
                    println!(
                        "FP {:?} key={} role={:?} speaker={}",
                        m.text, p.key, m.role, m.speaker
                    );
                }
            }
            // With the words around it, to group the misses by context.
            let around = |s: usize, e: usize| {
                let mut a = s.saturating_sub(40);
                while !text.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (e + 40).min(text.len());
                while !text.is_char_boundary(b) {
                    b += 1;
                }
                format!("{}[{}]{}", &text[a..s], &text[s..e], &text[e..b]).replace('\n', " | ")
            };
            for p in &people {
                for m in p
                    .mentions
                    .iter()
                    .filter(|m| !gold.contains(&(m.start, m.end)))
                {
                    println!("FPC {}", around(m.start, m.end));
                }
            }
            for s in gold.difference(&found) {
                println!("FN {:?}", &text[s.0..s.1]);
                println!("FNC {}", around(s.0, s.1));
            }
        }
    }
    let how = if lines { ", a sentence a line" } else { "" };
    score.print(&format!(
        "(a) CoNLL-2003 test PER spans, {} documents{how}",
        docs.len()
    ));
    with_places.print(&format!(
        "(a) CoNLL-2003 test PER spans, place mentions given{how}"
    ));
    assert!(score.f1() >= FLOOR_CONLL_F1, "CoNLL F1 below floor");
}

/// Body text of a synthetic article file (all formats the generator writes).
fn synthetic_body(path: &Path) -> Option<String> {
    let raw = std::fs::read_to_string(path).ok()?;
    let ext = path.extension()?.to_str()?;
    Some(match ext {
        "json" => {
            let v: serde_json::Value = serde_json::from_str(&raw).ok()?;
            format!(
                "{}\n{}",
                v.get("title").and_then(|t| t.as_str()).unwrap_or(""),
                v.get("body").and_then(|t| t.as_str()).unwrap_or("")
            )
        }
        "html" | "htm" => {
            // Crude tag stripping is enough for the generator's simple HTML.
            let mut out = String::with_capacity(raw.len());
            let mut in_tag = false;
            for c in raw.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => {
                        in_tag = false;
                        out.push('\n');
                    }
                    _ if !in_tag => out.push(c),
                    _ => {}
                }
            }
            out.replace("&#x27;", "'")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
                .replace("&#39;", "'")
        }
        _ => raw,
    })
}

/// Place mentions for a synthetic article: every whole-word occurrence of
/// each place surface the truth lists.
fn truth_places(rec: &serde_json::Value, body: &str) -> Vec<frontline::model::Place> {
    let mut surfaces: Vec<&str> = rec
        .get("place_mentions")
        .and_then(|p| p.as_array())
        .into_iter()
        .flatten()
        .filter_map(|m| m.get("surface").and_then(|s| s.as_str()))
        .collect();
    surfaces.sort_unstable();
    surfaces.dedup();
    surfaces
        .into_iter()
        .map(|s| {
            let mentions = body
                .match_indices(s)
                .filter(|(i, m)| {
                    let before = body[..*i].chars().next_back();
                    let after = body[i + m.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
                .map(|(i, m)| frontline::model::PlaceMention {
                    text: m.to_string(),
                    start: i,
                    end: i + m.len(),
                    match_kind: frontline::model::MatchKind::Exact,
                })
                .collect();
            frontline::model::Place {
                id: s.to_string(),
                name: s.to_string(),
                kind: "city".to_string(),
                parent: None,
                mentions,
            }
        })
        .collect()
}

fn eval_synthetic(shared: &Path) {
    let out = std::env::temp_dir().join(format!("frontline-people-eval-{}", std::process::id()));
    let status = std::process::Command::new("python3")
        .arg(shared.join("tools/gen_corpus.py"))
        .args(["--n", "300", "--seed", "11", "--out"])
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .status();
    if !status.is_ok_and(|s| s.success()) {
        println!("skipping synthetic corpus: python3 or gen_corpus.py failed");
        return;
    }
    let truth = std::fs::read_to_string(out.join("truth.jsonl")).unwrap_or_default();
    let mut strict = Score::default();
    let mut surname = Score::default();
    let mut with_places = Score::default();
    for line in truth.lines() {
        let Ok(rec) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(file) = rec.get("file").and_then(|f| f.as_str()) else {
            continue;
        };
        let Some(body) = synthetic_body(&out.join("articles").join(file)) else {
            continue;
        };
        let want: HashSet<String> = rec
            .get("people")
            .and_then(|p| p.as_array())
            .into_iter()
            .flatten()
            .filter_map(|n| n.as_str())
            .map(person_key)
            .collect();
        let got: HashSet<String> = find_people(&body, &[]).into_iter().map(|p| p.key).collect();
        // As in the pipeline, where place mentions come first: here the
        // truth's place surfaces, found in the body.
        let places = truth_places(&rec, &body);
        let got_p: HashSet<String> = find_people(&body, &places)
            .into_iter()
            .map(|p| p.key)
            .collect();
        with_places.tp += got_p.intersection(&want).count();
        with_places.fp += got_p.difference(&want).count();
        with_places.fn_ += want.difference(&got_p).count();
        strict.tp += got.intersection(&want).count();
        strict.fp += got.difference(&want).count();
        strict.fn_ += want.difference(&got).count();
        let ws: HashSet<&str> = want.iter().map(|k| surname_of_key(k)).collect();
        let gs: HashSet<&str> = got.iter().map(|k| surname_of_key(k)).collect();
        surname.tp += gs.intersection(&ws).count();
        surname.fp += gs.difference(&ws).count();
        surname.fn_ += ws.difference(&gs).count();
        if std::env::var_os("PEOPLE_EVAL_VERBOSE").is_some() {
            for k in got.difference(&want) {
                println!("SYN FP {file} {k}");
            }
            for k in want.difference(&got) {
                println!("SYN FN {file} {k}");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    strict.print("(b) synthetic corpus, person_key per article, no places given");
    with_places.print("(b) synthetic corpus, person_key per article, place mentions given");
    surname.print("(b) synthetic corpus, surname per article");
    assert!(
        strict.f1() >= FLOOR_SYNTH_KEY_F1,
        "synthetic key F1 below floor"
    );
    assert!(
        with_places.f1() >= FLOOR_SYNTH_PLACES_F1,
        "synthetic key F1 (places) below floor"
    );
    assert!(
        surname.f1() >= FLOOR_SYNTH_SURNAME_F1,
        "synthetic surname F1 below floor"
    );
}

fn eval_addresses(shared: &Path) {
    for lang in ["uk", "en"] {
        let path = shared.join(format!(
            "data/ua-official-addresses-2022/addresses.{lang}.jsonl"
        ));
        let Ok(raw) = std::fs::read_to_string(&path) else {
            println!("skipping addresses.{lang}: not readable");
            continue;
        };
        let (mut total, mut hit, mut mentioned, mut hit_mentioned) = (0, 0, 0, 0);
        for line in raw.lines() {
            let Ok(rec) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let text = rec.get("text").and_then(|t| t.as_str()).unwrap_or("");
            let found: HashSet<String> = find_people(text, &[])
                .iter()
                .map(|p| surname_of_key(&p.key).to_string())
                .collect();
            // Folded words of the text, to tell whether a speaker is named.
            let words: HashSet<String> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() > 3)
                .map(fold)
                .collect();
            for sp in rec
                .get("speaker")
                .and_then(|s| s.as_array())
                .into_iter()
                .flatten()
            {
                let Some(sp) = sp.as_str() else { continue };
                let key = person_key(sp);
                let sur = surname_of_key(&key);
                total += 1;
                let stem: String = sur
                    .chars()
                    .take(sur.chars().count().saturating_sub(2).max(4))
                    .collect();
                let named = words.iter().any(|w| w.starts_with(&stem));
                let ok = found.contains(sur);
                hit += usize::from(ok);
                if named {
                    mentioned += 1;
                    hit_mentioned += usize::from(ok);
                }
            }
        }
        println!(
            "(c) addresses.{lang}: speaker recall {:.3} ({hit}/{total}); among speakers named in the text {:.3} ({hit_mentioned}/{mentioned})",
            ratio(hit, total),
            ratio(hit_mentioned, mentioned)
        );
        let floor = if lang == "uk" {
            FLOOR_ADDR_UK
        } else {
            FLOOR_ADDR_EN
        };
        assert!(
            ratio(hit_mentioned, mentioned) >= floor,
            "addresses.{lang} recall below floor"
        );
    }
}

// Floors a little below the figures measured when this was written
// (CoNLL F1 0.848; synthetic key F1 0.920, 0.978 with places; speaker recall
// uk 0.989, en 0.994), the CoNLL floor raised with the context rules (F1
// 0.875, P 0.877, R 0.873; 0.980 with places), and again in the morph
// round (F1 0.879; 0.899 with place mentions given; read a sentence a line,
// 0.889 and 0.906), and in morph round 2 (F1 0.904, P 0.905 R 0.904; 0.919
// with place mentions given: scorers, league tables, headings).
const FLOOR_CONLL_F1: f64 = 0.895;
const FLOOR_SYNTH_KEY_F1: f64 = 0.90;
const FLOOR_SYNTH_SURNAME_F1: f64 = 0.90;
const FLOOR_SYNTH_PLACES_F1: f64 = 0.96;
const FLOOR_ADDR_UK: f64 = 0.97;
const FLOOR_ADDR_EN: f64 = 0.97;

#[test]
fn people_eval() {
    let Some(shared) = shared_dir() else {
        println!("skipping: ../shared not found");
        return;
    };
    let t = std::time::Instant::now();
    eval_synthetic(&shared);
    eval_addresses(&shared);
    println!("people eval took {:.1} s", t.elapsed().as_secs_f64());
}

/// CoNLL-2003 PER spans (part (a)); a test of its own so that
/// `cargo test --release --test eval conll` runs it alone.
#[test]
fn conll() {
    let Some(shared) = shared_dir() else {
        println!("skipping: ../shared not found");
        return;
    };
    eval_conll(&shared);
}

/// Share of oracle forms that must come back to the nominative's key: a
/// little below the 0.968 measured on 19,318 forms (0.937 before the
/// paradigm rules of the morph round, 0.950 after it, 0.955 after round 2,
/// 0.961 and 0.965 after the next two; issue 12 asks 0.98, the
/// remaining failures are listed by the test and grouped in
/// scripts/declension_oracle).
const FLOOR_DECLENSION: f64 = 0.965;

/// Whether an oracle form belongs to a class of oracle bugs that
/// scripts/declension_oracle/README.md documents: a vocative listed as a
/// given name by names-translator (Вікторо, Василе, Софіє), a Ukrainian
/// given name petrovich leaves undeclined in a Russian case form
/// ("Кирило Грендея"), a man paired with a feminine adjective surname
/// ("Фатий Посьмашная").
fn documented_oracle_bug(
    lang: &str,
    case: &str,
    gender: &str,
    order: &str,
    nom: &str,
    form: &str,
) -> bool {
    const VOCATIVE_GIVEN: &[&str] = &[
        "Вікторо",
        "Василе",
        "Софіє",
        "Раїмє",
        "Викторо",
        "Софие",
        "Раиме",
    ];
    let nom_words: Vec<&str> = nom.split(' ').collect();
    let form_words: Vec<&str> = form.split(' ').collect();
    // The given name is first, or second after the surname ("sgp").
    let given = usize::from(order.starts_with('s'));
    nom_words.iter().any(|w| VOCATIVE_GIVEN.contains(w))
        || lang == "ru"
            && case != "nominative"
            && nom_words.get(given).is_some_and(|n| n.ends_with("ило"))
            && nom_words.get(given) == form_words.get(given)
        || gender == "masculine"
            && nom_words
                .iter()
                .any(|w| w.ends_with("ая") && w.chars().count() > 4)
}

/// Declension oracle (scripts/declension_oracle): every case form of real
/// Ukrainian and Russian names, inflected by shevchenko and petrovich, must
/// give the key of its nominative. The TSV is generated outside the repo;
/// its path comes from `FRONTLINE_DECLENSION_TSV` (skipped without it).
#[test]
fn declension_oracle() {
    // FRONTLINE_KEY_PROBE="name; name": the key of each, for checking a
    // failure by hand.
    if let Ok(probe) = std::env::var("FRONTLINE_KEY_PROBE") {
        for name in probe.split(';').map(str::trim) {
            println!("probe {name} → {}", person_key(name));
        }
    }
    let Some(path) = std::env::var_os("FRONTLINE_DECLENSION_TSV") else {
        println!(
            "skipping: set FRONTLINE_DECLENSION_TSV to the output of \
             scripts/declension_oracle (see its README)"
        );
        return;
    };
    let raw = std::fs::read_to_string(&path).expect("reading the declension TSV");
    // (lang, case) → (good, total)
    let mut by: std::collections::BTreeMap<(String, String), (usize, usize)> = Default::default();
    let (mut good, mut total) = (0usize, 0usize);
    // Forms whose nominative's key is among their readings
    // (`person_key_readings`), and the forms with more than one reading.
    let (mut among, mut several) = (0usize, 0usize);
    // Forms outside the oracle bug classes the README documents, and how
    // many of them pass (for information; the headline is the plain share).
    let (mut clean_good, mut clean_total) = (0usize, 0usize);
    let mut bad: Vec<String> = Vec::new();
    // Each failure with the nominative frontline read, for
    // scripts/declension_oracle/ambiguity.mjs to inflect again.
    let mut bad_readings: Vec<String> = Vec::new();
    for line in raw.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let [lang, case, gender, nom, inflected, order] = f[..] else {
            continue;
        };
        let want = person_key(nom);
        let got = person_key(inflected);
        let readings = person_key_readings(inflected);
        assert_eq!(
            readings[0], got,
            "{inflected}: the first reading is the key"
        );
        let is_among = readings.contains(&want);
        if !documented_oracle_bug(lang, case, gender, order, nom, inflected) {
            clean_total += 1;
            clean_good += usize::from(want == got);
        }
        among += usize::from(is_among);
        several += usize::from(readings.len() > 1);
        let e = by.entry((lang.to_string(), case.to_string())).or_default();
        e.1 += 1;
        total += 1;
        if want == got {
            e.0 += 1;
            good += 1;
        } else {
            if let Some((g, p, s)) = person_nominative(inflected) {
                bad_readings
                    .push([lang, case, gender, order, inflected, nom, &g, &p, &s].join("\t"));
            }
            bad.push(format!(
                "{lang} {case} {gender} {order}: {inflected} → {got}, want {nom} → {want}{}",
                if is_among {
                    " (among its readings)"
                } else {
                    ""
                }
            ));
        }
    }
    for ((lang, case), (g, t)) in &by {
        println!(
            "declension {lang} {case:<13} {:.4} ({g}/{t})",
            ratio(*g, *t)
        );
    }
    println!(
        "declension overall {:.4} ({good}/{total}); first failures:",
        ratio(good, total)
    );
    for b in bad.iter().take(60) {
        println!("  {b}");
    }
    // For information: what identity resolution could join if it took a
    // form's other readings into account (not the headline figure).
    println!(
        "declension overall without the documented oracle bug classes {:.4} ({clean_good}/{clean_total})",
        ratio(clean_good, clean_total)
    );
    println!(
        "declension key among the form's readings {:.4} ({among}/{total}); forms with more than one reading: {several}",
        ratio(among, total)
    );
    // All failures, one a line, for grouping by case and ending.
    if let Some(out) = std::env::var_os("FRONTLINE_DECLENSION_FAILURES") {
        std::fs::write(&out, bad.join("\n") + "\n").expect("writing the failures");
    }
    if let Some(out) = std::env::var_os("FRONTLINE_DECLENSION_READINGS") {
        std::fs::write(&out, bad_readings.join("\n") + "\n").expect("writing the readings");
        println!("declension: {total} forms, {good} back to their key");
    }
    assert!(total >= 1000, "too few oracle forms: {total}");
    assert!(
        ratio(good, total) >= FLOOR_DECLENSION,
        "declension oracle below floor"
    );
}
