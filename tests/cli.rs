//! End-to-end tests of the `frontline` binary: formats, incremental indexing,
//! bad input, output formats and exit codes.

#[path = "cases/analyst.rs"]
mod analyst;
#[path = "cases/contract.rs"]
mod contract;
#[path = "cases/entities.rs"]
mod entities;
#[path = "cases/formats.rs"]
mod formats;
mod util;

use predicates::prelude::*;
use util::{corpus_json, ids, on_corpus, parse_lines, TestEnv};

const TXT: &str = "Shelling resumes near Pokrovsk\nPublished: 2025-11-06\nSource: Test Wire\n\nArtillery hit the outskirts of Pokrovsk on Tuesday.\n\nResidents of Myrnohrad were told to leave.\n";

fn hit_paths(hits: &[serde_json::Value]) -> Vec<String> {
    let mut v: Vec<String> = hits
        .iter()
        .map(|h| h["path"].as_str().unwrap_or_default().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn each_format_is_indexed_with_its_metadata() {
    let env = TestEnv::new();
    env.write("a.txt", TXT);
    env.write(
        "b.md",
        "---\ntitle: Drone strike on Kharkiv\ndate: 2024-05-02\nsource: MD Outlet\nurl: https://example.org/b\nlang: en\n---\n# Drone strike\n\nA drone struck Kharkiv overnight, zebrafinch.\n",
    );
    env.write(
        "c.html",
        r#"<html lang="en"><head><title>Fallback</title>
<meta property="og:title" content="Kherson under fire">
<meta property="og:site_name" content="HTML Outlet">
<meta property="article:published_time" content="2023-01-15T08:00:00Z">
<style>.x { color: red }</style></head>
<body><nav>Menu Home About</nav><article><h1>Kherson under fire</h1>
<p>Shells fell on Kherson, hornbeamword.</p><script>var secretscript = 1;</script></article>
<footer>Copyright footerword</footer></body></html>"#,
    );
    env.write(
        "d.json",
        r#"{"title": "Sumy border", "published": "2024-08-10", "source": "JSON Outlet", "url": "https://example.org/d", "lang": "en", "body": "Sumy region saw shelling, kestrelword."}"#,
    );
    env.write(
        "e.json",
        r#"[{"title": "First", "date": "2022-03-01", "text": "Kyiv sirens, ospreyword one."},
            {"title": "Second", "date": "2022-03-02", "text": "Kyiv sirens, ospreyword two."}]"#,
    );
    env.write(
        "f.jsonl",
        "{\"title\": \"L1\", \"pubDate\": \"2025-01-01\", \"content\": \"Odesa port, ibisword.\"}\n{\"title\": \"L2\", \"published\": \"2025-01-02\", \"body\": \"Odesa port again, ibisword.\"}\n",
    );
    let report = env.index(&[]);
    assert_eq!(report["files_seen"], 6);
    assert_eq!(report["articles_indexed"], 8);
    assert_eq!(report["added"], 6);

    let txt = env.json_lines(&["search", "Artillery"]);
    assert_eq!(txt.len(), 1);
    assert_eq!(txt[0]["path"], "a.txt");
    assert_eq!(txt[0]["id"], "a.txt");
    assert_eq!(txt[0]["title"], "Shelling resumes near Pokrovsk");
    assert_eq!(txt[0]["published"], "2025-11-06");
    assert_eq!(txt[0]["source"], "Test Wire");
    assert_eq!(txt[0]["rank"], 1);
    assert!(txt[0]["score"].as_f64().unwrap_or(0.0) > 0.0);

    let md = env.json_lines(&["search", "zebrafinch"]);
    assert_eq!(md[0]["title"], "Drone strike on Kharkiv");
    assert_eq!(md[0]["published"], "2024-05-02");
    assert_eq!(md[0]["source"], "MD Outlet");
    assert_eq!(md[0]["url"], "https://example.org/b");
    assert_eq!(md[0]["lang"], "en");

    let html = env.json_lines(&["search", "hornbeamword"]);
    assert_eq!(html[0]["title"], "Kherson under fire");
    assert_eq!(html[0]["published"], "2023-01-15");
    assert_eq!(html[0]["source"], "HTML Outlet");
    for boilerplate in ["secretscript", "footerword", "Menu"] {
        let hits = env.json_lines(&["search", boilerplate]);
        assert!(hits.is_empty(), "{boilerplate} should not be indexed");
    }

    let json = env.json_lines(&["search", "kestrelword"]);
    assert_eq!(json[0]["id"], "d.json");
    assert_eq!(json[0]["published"], "2024-08-10");
    assert_eq!(json[0]["source"], "JSON Outlet");

    let arr = env.json_lines(&["search", "ospreyword", "--all"]);
    let mut ids: Vec<&str> = arr.iter().filter_map(|h| h["id"].as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["e.json#1", "e.json#2"]);

    let lines = env.json_lines(&["search", "ibisword", "--sort", "date", "--all"]);
    let ids: Vec<&str> = lines.iter().filter_map(|h| h["id"].as_str()).collect();
    assert_eq!(ids, ["f.jsonl#2", "f.jsonl#1"], "newest first");
    assert_eq!(lines[1]["published"], "2025-01-01");
}

#[test]
fn incremental_reindex_counts_each_case() {
    let env = TestEnv::new();
    env.write("one.txt", TXT);
    env.write("two.txt", "Second story\n\nKramatorsk was quiet.\n");
    env.write("three.txt", "Third story\n\nSloviansk was quiet.\n");
    let r = env.index(&[]);
    assert_eq!(
        (r["added"].as_u64(), r["articles_indexed"].as_u64()),
        (Some(3), Some(3))
    );

    let r = env.index(&[]);
    assert_eq!(r["unchanged"], 3);
    assert_eq!(r["articles_indexed"], 0);

    env.write(
        "two.txt",
        "Second story, revised\n\nKramatorsk was hit by a missile.\n",
    );
    env.write("four.txt", "Fourth story\n\nIzium was quiet.\n");
    env.remove("three.txt");
    let r = env.index(&[]);
    assert_eq!(r["updated"], 1);
    assert_eq!(r["added"], 1);
    assert_eq!(r["removed"], 1);
    assert_eq!(r["unchanged"], 1);
    assert_eq!(r["total_articles"], 3);

    assert!(env.json_lines(&["search", "Sloviansk"]).is_empty());
    assert_eq!(env.json_lines(&["search", "missile"]).len(), 1);
    // The old version of the changed file is gone.
    assert!(env.json_lines(&["search", "quiet Kramatorsk"]).is_empty());

    let r = env.index(&["--rebuild"]);
    assert_eq!(r["added"], 3);
    assert_eq!(r["total_articles"], 3);
}

#[test]
fn bad_files_are_skipped_with_one_warning_each_and_the_rest_indexed() {
    let env = TestEnv::new();
    env.write("good.txt", TXT);
    env.write("binary.txt", b"PK\x03\x04\x00\x00\x00binary\x00stuff");
    env.write("empty.txt", "");
    env.write("blank.md", "   \n\n  ");
    env.write(
        "big.txt",
        "Big file\n\n".to_string() + &"word ".repeat(5000),
    );
    env.write(
        "latin1.txt",
        b"Caf\xe9 story\n\nA caf\xe9 in Odesa served gulls, pelicanword.\n",
    );
    env.write("broken.json", "{\"title\": \"x\", \"body\": ");
    env.write(
        "lines.jsonl",
        "{\"title\": \"ok 1\", \"body\": \"cormorantword one\"}\nnot json at all\n{\"title\": \"ok 2\", \"body\": \"cormorantword two\"}\n",
    );
    let out = env
        .cmd(&["index"])
        .arg(env.root())
        .args(["--max-file-size", "10000", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    for name in [
        "binary.txt",
        "empty.txt",
        "blank.md",
        "big.txt",
        "latin1.txt",
        "broken.json",
        "lines.jsonl",
    ] {
        let n = warnings.iter().filter(|w| w.contains(name)).count();
        assert_eq!(n, 1, "one warning for {name} in:\n{stderr}");
    }
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("lines.jsonl") && w.contains('2')),
        "the JSONL warning names line 2:\n{stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
    let skipped: u64 = report["skipped"]
        .as_object()
        .map(|m| m.values().filter_map(|v| v.as_u64()).sum())
        .unwrap_or(0);
    assert_eq!(skipped, 5, "binary, empty, blank, big, broken: {report}");
    assert_eq!(report["degraded"], 2, "latin1 and lines: {report}");
    assert!(stderr.contains("skipped"), "summary line: {stderr}");
    // good (1) + latin1 (1) + lines.jsonl (2)
    assert_eq!(report["total_articles"], 4);
    assert_eq!(env.json_lines(&["search", "pelicanword"]).len(), 1);
    assert_eq!(env.json_lines(&["search", "cormorantword"]).len(), 2);
}

#[test]
fn a_file_that_turns_bad_keeps_its_indexed_articles() {
    let env = TestEnv::new();
    env.write("story.txt", TXT);
    env.write("other.txt", "Other\n\nflamingoword here.\n");
    env.index(&[]);
    env.write("story.txt", b"\x00\x01\x02 binary now");
    let r = env.index(&[]);
    assert_eq!(r["total_articles"], 2);
    assert_eq!(env.json_lines(&["search", "Artillery"]).len(), 1);
}

#[test]
fn missing_index_is_a_clear_error_with_exit_2() {
    let env = TestEnv::new();
    for args in [
        vec!["search", "Pokrovsk"],
        vec!["stats"],
        vec!["place", "Pokrovsk"],
        vec!["mentions", "Bezuhla"],
    ] {
        env.cmd(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("run `frontline index` first"))
            .stderr(predicate::str::contains("panicked").not());
    }
}

#[test]
fn query_errors_and_bad_arguments_exit_2_without_backtrace() {
    let env = TestEnv::new();
    env.write("a.txt", TXT);
    env.index(&[]);
    for args in [
        vec!["search", "title:(unbalanced"],
        vec!["search", "nosuchfield:word"],
        vec![
            "search",
            "Pokrovsk",
            "--from",
            "2025-12-01",
            "--to",
            "2025-01-01",
        ],
        vec!["search", "Pokrovsk", "--from", "not a date"],
        vec!["search", "Pokrovsk", "--from", "2025-02-30"],
    ] {
        env.cmd(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::starts_with("frontline: error:"))
            .stderr(predicate::str::contains("panicked").not());
    }
}

#[test]
fn exit_codes_follow_grep() {
    let env = TestEnv::new();
    env.write("a.txt", TXT);
    env.index(&[]);
    env.cmd(&["search", "Artillery"]).assert().code(0);
    env.cmd(&["search", "nonexistentwordxyz"]).assert().code(1);
}

#[test]
fn snippets_mark_matches_when_piped_and_the_color_flag_wins_over_no_color() {
    let env = TestEnv::new();
    env.write("a.txt", TXT);
    env.index(&[]);
    env.cmd(&["search", "artillery"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[Artillery] hit the outskirts"))
        .stdout(predicate::str::contains("\x1b[").not());
    // NO_COLOR turns off automatic colour only: `--color always` is what
    // the user asked for and wins, as in ripgrep and bat.
    env.cmd(&["search", "artillery", "--color", "auto"])
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[").not());
    env.cmd(&["search", "artillery", "--color", "always"])
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[1;31mArtillery\x1b[0m"));
    env.cmd(&["search", "artillery", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[").not());
    env.cmd(&["search", "artillery", "--color", "always"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[1;31mArtillery\x1b[0m"));
    let hits = env.json_lines(&["search", "artillery"]);
    let snippet = hits[0]["snippet"].as_str().unwrap_or_default();
    let h = &hits[0]["highlights"][0];
    let (s, e) = (
        h[0].as_u64().unwrap_or(0) as usize,
        h[1].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&snippet[s..e], "Artillery");
}

#[test]
fn query_syntax_phrases_boolean_and_fields() {
    let env = TestEnv::new();
    env.write("a.txt", "Alpha\n\nThe red fox ran to Izium.\n");
    env.write("b.txt", "Beta\n\nThe fox was red in Izium.\n");
    env.write("c.txt", "Gamma fox\n\nNothing here.\n");
    env.index(&[]);
    let paths = |q: &str| hit_paths(&env.json_lines(&["search", q]));
    assert_eq!(paths("\"red fox\""), ["a.txt"]);
    assert_eq!(paths("fox red"), ["a.txt", "b.txt"]);
    assert_eq!(paths("fox NOT Izium"), ["c.txt"]);
    assert_eq!(paths("title:gamma"), ["c.txt"]);
    assert_eq!(paths("alpha OR beta"), ["a.txt", "b.txt"]);
}

#[test]
fn stats_reports_articles_formats_and_dates() {
    let env = TestEnv::new();
    env.write("a.txt", TXT);
    env.write("b.json", r#"[{"title":"x","date":"2022-03-01","body":"one"},{"title":"y","date":"2023-03-01","body":"two"}]"#);
    env.index(&[]);
    let stats = env.json_lines(&["stats"]);
    assert_eq!(stats.len(), 1);
    assert_eq!(stats[0]["articles"], 3);
    assert_eq!(stats[0]["formats"]["json"], 2);
    assert_eq!(stats[0]["formats"]["txt"], 1);
    assert_eq!(stats[0]["published_from"], "2022-03-01");
    assert_eq!(stats[0]["published_to"], "2025-11-06");
    assert!(stats[0]["index_bytes"].as_u64().unwrap_or(0) > 0);
    assert!(stats[0]["indexed_at"].is_string());
}

#[test]
fn corpus_search_finds_every_article_with_the_word() {
    // Every article of the bundled corpus whose text contains the word
    // "Pokrovsk" is found, and each hit has a highlighted snippet.
    let out = on_corpus(&["search", "Pokrovsk", "--json", "--limit", "1000"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let hits = parse_lines(&out);
    assert!(hits.len() >= 5, "the corpus has many Pokrovsk articles");
    for hit in &hits {
        let snippet = hit["snippet"].as_str().unwrap_or_default().to_lowercase();
        let title = hit["title"].as_str().unwrap_or_default().to_lowercase();
        let marked = hit["highlights"].as_array().is_some_and(|h| !h.is_empty());
        assert!(
            (snippet.contains("pokrovsk") && marked)
                || snippet.contains("покровськ")
                || snippet.contains("покровск")
                || title.contains("pokrovsk"),
            "{hit}"
        );
    }
    let stats = parse_lines(
        &on_corpus(&["stats", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert!(stats[0]["articles"].as_u64().unwrap_or(0) >= 30);
}

#[test]
fn hidden_files_and_unsupported_extensions_are_ignored() {
    let env = TestEnv::new();
    env.write("a.txt", TXT);
    env.write(".hidden.txt", "Hidden\n\nsecretword\n");
    env.write(".git/x.txt", "Hidden dir\n\nsecretword\n");
    env.write("image.png", "not an article");
    let r = env.index(&[]);
    assert_eq!(r["files_seen"], 1);
    assert!(env.json_lines(&["search", "secretword"]).is_empty());
}

#[test]
fn paging_with_limit_and_offset() {
    let env = TestEnv::new();
    for i in 0..5 {
        env.write(
            &format!("{i}.txt"),
            format!(
                "Story {i}\nPublished: 2024-01-0{}\n\nheronword report.\n",
                i + 1
            ),
        );
    }
    env.index(&[]);
    let all = env.json_lines(&["search", "heronword", "--sort", "date", "--limit", "5"]);
    let page = env.json_lines(&[
        "search",
        "heronword",
        "--sort",
        "date",
        "--limit",
        "2",
        "--offset",
        "2",
    ]);
    assert_eq!(page.len(), 2);
    assert_eq!(page[0]["id"], all[2]["id"]);
    assert_eq!(page[1]["id"], all[3]["id"]);
    assert_eq!(page[0]["rank"], 3);
}

#[test]
fn export_fields_match_the_quickwit_doc_mapping() {
    let mapping: serde_yaml_ng::Value = serde_yaml_ng::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/quickwit-index.yaml"),
        )
        .expect("doc mapping"),
    )
    .expect("valid YAML");
    let fields: std::collections::HashMap<String, String> = mapping["doc_mapping"]
        ["field_mappings"]
        .as_sequence()
        .expect("field_mappings")
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap_or_default().to_string(),
                f["type"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let out = on_corpus(&["export", "--ndjson"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs = parse_lines(&out);
    assert!(docs.len() >= 30);
    let rfc3339 = |s: &str| chrono::DateTime::parse_from_rfc3339(s).is_ok();
    for doc in &docs {
        for (key, value) in doc.as_object().expect("object") {
            let ty = fields
                .get(key)
                .unwrap_or_else(|| panic!("exported field {key} missing from the doc mapping"));
            let ok = match (ty.as_str(), value) {
                (_, serde_json::Value::Null) => true,
                ("text", serde_json::Value::String(_)) => true,
                ("datetime", serde_json::Value::String(s)) => rfc3339(s),
                ("array<text>", serde_json::Value::Array(a)) => a.iter().all(|v| v.is_string()),
                ("array<datetime>", serde_json::Value::Array(a)) => {
                    a.iter().all(|v| v.as_str().is_some_and(rfc3339))
                }
                ("array<json>", serde_json::Value::Array(a)) => a.iter().all(|v| v.is_object()),
                _ => false,
            };
            assert!(ok, "{key}: {value} is not a {ty}");
        }
    }
    let pokrovsk = docs
        .iter()
        .find(|d| d["id"] == "wire-pokrovsk-bezuhla.txt")
        .expect("wire story");
    assert!(pokrovsk["place"]
        .as_array()
        .is_some_and(|p| p.iter().any(|v| v == "pokrovsk")));
    assert!(pokrovsk["mentioned"]
        .as_array()
        .is_some_and(|p| p.iter().any(|v| v == "2025-11-04T00:00:00Z")));
    // Issue 16: the claims travel in the extract shape.
    let denied = docs
        .iter()
        .find(|d| d["id"] == "pokrovsk-fall-claim-denied.txt")
        .expect("denial story");
    let claims = denied["claims"].as_array().expect("claims array");
    assert!(
        claims.iter().any(|c| c["place"]["id"] == "pokrovsk"
            && c["controller"] == "RU"
            && c["denial"] == true
            && c["claimant"]["side"] == "UA"),
        "{claims:?}"
    );
    assert!(docs
        .iter()
        .any(|d| d["claims"].as_array().is_some_and(|c| c.is_empty())));
}

/// Issue 17: the exported folded text holds the terms frontline indexes, so
/// an engine with a plain whitespace tokenizer (Quickwit's `text_folded`)
/// finds, for a folded word, the articles `frontline search` finds in any
/// script.
#[test]
fn exported_folded_text_finds_what_search_finds() {
    let out = on_corpus(&["export", "--ndjson"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs = parse_lines(&out);
    for (query, folded) in [("Покровськ", "pokrovsk"), ("Myrnohrad", "mirnograd")] {
        let mut by_export: Vec<String> = docs
            .iter()
            .filter(|d| {
                d["text_folded"]
                    .as_str()
                    .is_some_and(|t| t.split(' ').any(|w| w == folded))
            })
            .map(|d| d["id"].as_str().unwrap_or_default().to_string())
            .collect();
        by_export.sort();
        let hits = parse_lines(
            &on_corpus(&["search", query, "--all", "--limit", "1000", "--json"])
                .output()
                .expect("run")
                .stdout,
        );
        let mut by_search: Vec<String> = hits
            .iter()
            .map(|h| h["id"].as_str().unwrap_or_default().to_string())
            .collect();
        by_search.sort();
        assert!(!by_search.is_empty(), "{query}");
        assert_eq!(by_export, by_search, "{query} / {folded}");
    }
}

/// Issue 12: one person across scripts and case forms. A Latin article, a
/// Ukrainian one in the instrumental and one naming him by surname alone
/// are all `mentions "Keir Starmer"`.
#[test]
fn mentions_finds_a_person_across_scripts_and_cases() {
    let env = TestEnv::new();
    env.write(
        "a.txt",
        "Talks in London\n\nKeir Starmer met European leaders in London on Tuesday.\n",
    );
    env.write(
        "b.txt",
        "Зустріч у Києві\n\nПрезидент України провів зустріч з Кіром Стармером у Києві.\n",
    );
    env.write(
        "c.txt",
        "Заява прем'єра\n\nСтармер заявив, що Британія й надалі підтримуватиме Україну.\n",
    );
    env.index(&[]);
    let hits = env.json_lines(&["mentions", "Keir Starmer"]);
    let mut files: Vec<String> = hits
        .iter()
        .filter_map(|h| h["path"].as_str().or(h["article"]["path"].as_str()))
        .map(|p| p.rsplit('/').next().unwrap_or(p).to_string())
        .collect();
    files.sort();
    files.dedup();
    assert_eq!(files, ["a.txt", "b.txt", "c.txt"], "{hits:#?}");
    // --limit and --offset page through the mentions.
    let first = env.json_lines(&["mentions", "Keir Starmer", "--limit", "1"]);
    assert_eq!(first.len(), 1);
    let rest = env.json_lines(&["mentions", "Keir Starmer", "--offset", "1"]);
    assert_eq!(rest.len(), hits.len() - 1);
    assert_ne!(first[0], rest[0]);
}

/// A village the gazetteer lacks, named after "the village of" in English
/// and "у селі" in Ukrainian (in the locative), is one place that
/// `--place` finds by its name in either script.
#[test]
fn a_village_the_gazetteer_lacks_is_found_by_its_name_in_both_scripts() {
    let env = TestEnv::new();
    env.write(
        "a.txt",
        "Shelling\n\nRussian troops shelled the village of Kotliarivka overnight.\n",
    );
    env.write(
        "b.txt",
        "Обстріл\n\nОкупанти вдарили по школі у селі Котлярівці вночі.\n",
    );
    env.write(
        "c.txt",
        "Other news\n\nNothing happened in the city of Lviv.\n",
    );
    env.index(&[]);
    for query in ["Kotliarivka", "Котлярівка"] {
        let hits = env.json_lines(&["search", "--place", query]);
        let mut files = hit_paths(&hits);
        files.sort();
        assert_eq!(files, ["a.txt", "b.txt"], "{query}: {hits:#?}");
    }
}

/// `--people FILE` merges a user's register: a person only the user lists
/// is found by surname alone, under the user's canonical name.
#[test]
fn a_user_people_register_is_merged() {
    let env = TestEnv::new();
    env.write(
        "a.txt",
        "Заява\n\nТестенко заявив, що зустріч відбудеться у четвер.\n",
    );
    let reg = env.write(
        "people.tsv",
        "# my people\ncanonical\tuk\tru\tvariants\taffiliation\tside\n\
         Ivan Testenko\tІван Тестенко\tИван Тестенко\t\tTest official\tUA\n\
         broken line\n",
    );
    let out = env
        .cmd(&["extract", "--json", "--people"])
        .arg(&reg)
        .arg(env.root().join("a.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("people.tsv") && stderr.contains("line 4"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Ivan Testenko"), "{stdout}");
}

/// Issue 16: `--claim` and `claim:` keep the articles whose stored claims
/// say so, and the claims table ends with the contested line.
#[test]
fn claim_filters_match_the_stored_claims() {
    let claims = corpus_json(&["claims", "Donetsk Oblast"]);
    let with = |controller: &str, denial: bool| {
        let mut ids: Vec<String> = claims
            .iter()
            .filter(|l| l["type"] == "claim")
            .filter(|l| l["claim"]["controller"] == controller && l["claim"]["denial"] == denial)
            .map(|l| l["article"]["id"].as_str().unwrap_or_default().to_string())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let all = ["--all", "--limit", "500", "--place", "Donetsk Oblast"];
    let flag = |v: &str| {
        let mut args = vec!["search", "--claim", v];
        args.extend(all);
        ids(&corpus_json(&args))
    };
    let ru = flag("ru");
    assert!(
        ru.contains(&"pokrovsk-fall-claim-denied.txt".to_string()),
        "{ru:?}"
    );
    // Articles with a claim elsewhere too: a superset of those here.
    assert!(with("RU", false).iter().all(|id| ru.contains(id)), "{ru:?}");
    let denied = flag("ru:denied");
    assert!(!denied.is_empty() && denied.len() < ru.len(), "{denied:?}");
    assert_eq!(denied, with("RU", true));
    let everything = ids(&corpus_json(&["search", "--all", "--limit", "500"]));
    assert!(ru.len() < everything.len());
    // The clause is the flag.
    let mut args = vec!["search", "claim:RU"];
    args.extend(all);
    assert_eq!(ids(&corpus_json(&args)), ru);
    // A bad value is a clear error.
    let out = on_corpus(&["search", "claim:maybe"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("claim \"maybe\""));

    // `claims --claim` keeps only the claims of that kind.
    let denials = corpus_json(&["claims", "Pokrovsk", "--claim", "ru:denied"]);
    let kinds: Vec<_> = denials
        .iter()
        .filter(|l| l["type"] == "claim")
        .map(|l| {
            (
                l["claim"]["controller"].clone(),
                l["claim"]["denial"].clone(),
            )
        })
        .collect();
    assert!(!kinds.is_empty());
    assert!(
        kinds.iter().all(|k| k.0 == "RU" && k.1 == true),
        "{kinds:?}"
    );

    let table = on_corpus(&["claims", "Krasnoarmeysk", "--color", "never"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("denies RU full"), "{text}");
    assert!(text.contains("RU side says: RU full"), "{text}");
    assert!(
        text.contains("contested: the sides disagree within 14 days"),
        "{text}"
    );
}

/// Issue 14: `stats` names the ten largest outlets and counts the rest;
/// `--json` keeps every one.
#[test]
fn stats_shows_the_top_ten_sources_and_counts_the_rest() {
    let env = TestEnv::new();
    for i in 0..13 {
        // Outlet 0 has three articles, the others one each.
        for j in 0..(if i == 0 { 3 } else { 1 }) {
            env.write(
                &format!("s{i}-{j}.txt"),
                format!("Story {i} {j}\nSource: Outlet {i:02}\n\nShelling near Kharkiv, story {i} {j}.\n"),
            );
        }
    }
    env.index(&[]);
    let out = env
        .cmd(&["stats"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    let sources = text
        .lines()
        .find(|l| l.trim_start().starts_with("sources"))
        .unwrap_or_else(|| panic!("no sources row in {text}"));
    assert!(sources.contains("Outlet 00 3"), "{sources}");
    assert!(sources.contains("… 3 more"), "{sources}");
    assert_eq!(sources.matches("Outlet").count(), 10, "{sources}");
    let json = env.json_lines(&["stats"]);
    assert_eq!(
        json[0]["sources"].as_object().map(|o| o.len()),
        Some(13),
        "{}",
        json[0]
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    // `export --ndjson | head -1`: the export of the corpus is larger than a
    // pipe's buffer, so the writer meets a closed pipe after the first line.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("--index")
        .arg(util::corpus_index())
        .args(["export", "--ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("first line");
    assert!(first.starts_with('{'), "{first}");
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
}
