//! The input formats beyond text, Markdown, HTML and JSON: Telegram exports
//! (JSON and HTML), PDF, DOCX, ODT, RSS/Atom feeds and WARC archives, on the
//! fixtures of `corpus/formats/` (made by the real tools, see
//! `scripts/make_format_fixtures.py`) and the bad inputs of
//! `tests/fixtures/bad/`.

use std::path::Path;

use crate::util::TestEnv;

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/formats")
}

fn bad(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name);
    std::fs::read(p).expect("bad fixture")
}

/// A test folder holding a copy of `corpus/formats/`.
fn env_with_fixtures() -> TestEnv {
    let env = TestEnv::new();
    for entry in walkdir::WalkDir::new(fixtures()) {
        let entry = entry.expect("walk fixtures");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(fixtures())
                .expect("under fixtures")
                .to_string_lossy()
                .replace('\\', "/");
            env.write(&rel, std::fs::read(entry.path()).expect("read fixture"));
        }
    }
    env
}

/// Every article of the index, by id, as `search --json` shows it.
fn all_articles(env: &TestEnv) -> std::collections::BTreeMap<String, serde_json::Value> {
    let mut out = std::collections::BTreeMap::new();
    for hit in env.json_lines(&["search", "", "--all", "--limit", "1000"]) {
        out.insert(hit["id"].as_str().unwrap_or_default().to_string(), hit);
    }
    out
}

fn field<'a>(hit: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    hit[key].as_str()
}

#[test]
fn every_new_format_is_indexed_field_by_field() {
    let env = env_with_fixtures();
    let report = env.index(&[]);
    assert_eq!(report["files_seen"], 8, "{report}");
    assert_eq!(
        report["skipped"].as_object().map(|m| m.len()),
        Some(0),
        "{report}"
    );
    // Telegram JSON: 2 service + 1 photo; Telegram HTML: 1 date separator
    // + 1 photo; WARC: warcinfo + a stylesheet.
    assert_eq!(report["records_skipped"], 7, "{report}");
    let arts = all_articles(&env);
    struct Want {
        id: &'static str,
        path: &'static str,
        title: Option<&'static str>,
        published: &'static str,
        source: &'static str,
        url: Option<&'static str>,
        text: &'static str,
    }
    let wants = [
        Want {
            id: "telegram/result.json#2",
            path: "telegram/result.json",
            title: None,
            published: "2025-11-04",
            source: "Donbas Frontline Notes",
            url: Some("https://t.me/donbas_frontline_notes_demo/2"),
            text: "Бои на южных окраинах Красноармейска продолжаются",
        },
        Want {
            id: "telegram/result.json#3",
            path: "telegram/result.json",
            title: None,
            published: "2025-11-05",
            source: "Donbas Frontline Notes",
            url: Some("https://t.me/donbas_frontline_notes_demo/3"),
            text: "supply routes into Myrnohrad remain under fire",
        },
        Want {
            id: "telegram/result.json#5",
            path: "telegram/result.json",
            title: None,
            published: "2025-11-06",
            source: "Donbas Frontline Notes",
            url: Some("https://t.me/donbas_frontline_notes_demo/5"),
            text: "Forwarded from Kramatorsk City Updates",
        },
        Want {
            id: "telegram-html/messages.html#2",
            path: "telegram-html/messages.html",
            title: None,
            published: "2025-11-07",
            source: "Kharkiv Evening Brief",
            url: None,
            text: "Guided bombs hit Kupiansk again this evening.",
        },
        Want {
            id: "telegram-html/messages.html#5",
            path: "telegram-html/messages.html",
            title: None,
            published: "2025-11-08",
            source: "Kharkiv Evening Brief",
            url: None,
            text: "Forwarded from Eastern Wire Service",
        },
        Want {
            id: "pokrovsk-situation-report.pdf",
            path: "pokrovsk-situation-report.pdf",
            title: Some("Pokrovsk direction: situation report"),
            published: "2025-11-07",
            source: "Eastern Monitoring Group",
            url: None,
            text: "Supply roads between Pokrovsk and Myrnohrad",
        },
        Want {
            id: "kupiansk-briefing.docx",
            path: "kupiansk-briefing.docx",
            title: Some("Kupiansk sector: morning briefing"),
            published: "2025-11-08",
            source: "Briefing Desk (fictional)",
            url: None,
            text: "Ukrainian units in Kharkiv Oblast repelled the attempt",
        },
        Want {
            id: "kupiansk-briefing.odt",
            path: "kupiansk-briefing.odt",
            title: Some("Kupiansk sector: morning briefing"),
            published: "2025-11-08",
            source: "Briefing Desk (fictional)",
            url: None,
            text: "Ukrainian units in Kharkiv Oblast repelled the attempt",
        },
        Want {
            id: "eastern-wire.rss#1",
            path: "eastern-wire.rss",
            title: Some("Zaporizhzhia: strikes on energy sites"),
            published: "2025-11-09",
            source: "Eastern Wire (demo)",
            url: Some("https://wire.example/2025/11/09/zaporizhzhia"),
            text: "Drones struck energy facilities in Zaporizhzhia overnight.",
        },
        Want {
            id: "eastern-wire-atom.xml#2",
            path: "eastern-wire-atom.xml",
            title: Some("Sumy border villages shelled"),
            published: "2025-11-10",
            source: "Eastern Wire (demo)",
            url: Some("https://wire.example/2025/11/10/sumy"),
            text: "Border villages in Sumy Oblast came under artillery fire",
        },
        Want {
            id: "archive.warc.gz#1",
            path: "archive.warc.gz",
            title: Some("Kherson ferry crossing shelled"),
            published: "2025-11-10",
            source: "Southern Desk (demo)",
            url: Some("https://news.example/2025/11/11/kherson-ferry"),
            text: "Shelling hit the ferry crossing on the Dnipro near Kherson",
        },
        Want {
            id: "archive.warc.gz#2",
            path: "archive.warc.gz",
            title: Some("Odesa port works through the night"),
            // No date in the page: WARC-Date.
            published: "2025-11-12",
            source: "",
            url: Some("https://news.example/2025/11/12/odesa-port"),
            text: "Grain terminals in Odesa kept loading ships",
        },
    ];
    for w in &wants {
        let a = arts
            .get(w.id)
            .unwrap_or_else(|| panic!("{} missing from {:?}", w.id, arts.keys()));
        assert_eq!(field(a, "path"), Some(w.path), "{}", w.id);
        if let Some(title) = w.title {
            assert_eq!(field(a, "title"), Some(title), "{}", w.id);
        }
        assert_eq!(field(a, "published"), Some(w.published), "{}", w.id);
        assert_eq!(field(a, "source").unwrap_or(""), w.source, "{}", w.id);
        assert_eq!(field(a, "url"), w.url, "{}", w.id);
        // The text is searchable: a phrase of it finds the article.
        let hits = env.json_lines(&["search", &format!("\"{}\"", w.text), "--all"]);
        assert!(
            hits.iter().any(|h| field(h, "id") == Some(w.id)),
            "{}: phrase {:?} not found: {hits:?}",
            w.id,
            w.text
        );
    }
    // Messages without text, service messages and the stylesheet are not
    // articles: 3 + 3 Telegram, 1 PDF, 2 office, 2 + 2 feed, 2 WARC.
    assert_eq!(arts.len(), 15, "{:?}", arts.keys());
    assert!(!arts.contains_key("telegram/result.json#4"), "photo only");

    // The stats list the new formats.
    let stats = env.json_lines(&["stats"]);
    let formats = &stats[0]["formats"];
    for (name, n) in [
        ("telegram", 6),
        ("pdf", 1),
        ("docx", 1),
        ("odt", 1),
        ("feed", 4),
        ("warc", 2),
    ] {
        assert_eq!(formats[name], n, "{name}: {formats}");
    }
}

#[test]
fn place_pokrovsk_finds_the_telegram_message_that_writes_krasnoarmeysk() {
    let env = env_with_fixtures();
    env.index(&[]);
    let hits = env.json_lines(&["place", "Pokrovsk"]);
    let tg: Vec<&serde_json::Value> = hits
        .iter()
        .filter(|h| h["id"] == "telegram/result.json#2")
        .collect();
    assert!(!tg.is_empty(), "{hits:?}");
    let sentence = tg[0]["sentence"].as_str().unwrap_or_default();
    assert!(sentence.contains("Красноармейск"), "{sentence}");
    assert_eq!(tg[0]["source"], "Donbas Frontline Notes");
    // A message has no title: its first sentence stands in, marked.
    assert_eq!(
        tg[0]["title"],
        "Бои на южных окраинах Красноармейска продолжаются третьи сутки."
    );
    assert_eq!(tg[0]["title_from"], "text");
    // The PDF report names Pokrovsk too.
    assert!(hits
        .iter()
        .any(|h| h["id"] == "pokrovsk-situation-report.pdf"));
}

#[test]
fn a_pdf_hit_says_its_page() {
    let env = env_with_fixtures();
    env.index(&[]);
    let hits = env.json_lines(&["search", "convoys"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["page"], 2, "{}", hits[0]);
    let hits = env.json_lines(&["search", "Kostiantynivka winter"]);
    assert_eq!(hits[0]["page"], 3, "{}", hits[0]);
    let table = env.cmd(&["search", "convoys"]).assert().success();
    let out = String::from_utf8_lossy(&table.get_output().stdout).to_string();
    assert!(out.contains("p. 2"), "{out}");
    // Other formats have no page.
    let hits = env.json_lines(&["search", "Oskil"]);
    assert!(hits.iter().all(|h| h["page"].is_null()), "{hits:?}");
}

#[test]
fn bad_input_of_each_format_is_skipped_with_one_warning_and_the_rest_indexed() {
    let env = env_with_fixtures();
    let export = std::fs::read(fixtures().join("telegram/result.json")).expect("read");
    env.write("cut/result.json", &export[..export.len() / 2]);
    env.write("scanned.pdf", bad("scanned.pdf"));
    env.write("encrypted.pdf", bad("encrypted.pdf"));
    // A zip of something else (an ODT document) named .docx.
    env.write(
        "zip-not-docx.docx",
        std::fs::read(fixtures().join("kupiansk-briefing.odt")).expect("read"),
    );
    let rss = std::fs::read(fixtures().join("eastern-wire.rss")).expect("read");
    env.write("broken.rss", &rss[..rss.len() * 2 / 3]);
    env.write("corrupt.warc", bad("corrupt.warc"));
    let out = env
        .cmd(&["index"])
        .arg(env.root())
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    for (name, reason) in [
        ("cut/result.json", "EOF"),
        ("scanned.pdf", "no text layer"),
        ("encrypted.pdf", "encrypted, a password is needed"),
        ("zip-not-docx.docx", "no word/document.xml"),
        ("broken.rss", "feed"),
        ("corrupt.warc", "WARC record"),
    ] {
        let mine: Vec<&&str> = warnings.iter().filter(|w| w.contains(name)).collect();
        assert_eq!(mine.len(), 1, "one warning for {name} in:\n{stderr}");
        assert!(mine[0].contains(reason), "{name}: {}", mine[0]);
    }
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["skipped"]["malformed"], 6, "{report}");
    // The good fixtures are all there.
    assert_eq!(report["total_articles"], 15, "{report}");
}

#[test]
fn reindexing_new_formats_is_incremental() {
    let env = env_with_fixtures();
    let first = env.index(&[]);
    assert_eq!(first["added"], 8);
    let again = env.index(&[]);
    assert_eq!(again["unchanged"], 8, "{again}");
    assert_eq!(again["articles_indexed"], 0);
    // A Telegram export that grew by one message: only it is re-read.
    let path = env.root().join("telegram/result.json");
    let text = std::fs::read_to_string(&path).expect("read");
    let grown = text.replacen(
        "\"messages\": [",
        "\"messages\": [\n  {\"id\": 99, \"type\": \"message\", \"date\": \"2025-11-07T10:00:00\", \"text\": \"Avdiivka heronword\"},",
        1,
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(&path, grown).expect("write");
    let third = env.index(&[]);
    assert_eq!(third["updated"], 1, "{third}");
    assert_eq!(third["unchanged"], 7, "{third}");
    assert_eq!(third["articles_indexed"], 4, "{third}");
    assert_eq!(third["total_articles"], 16, "{third}");
    let hits = env.json_lines(&["search", "heronword"]);
    assert_eq!(hits[0]["id"], "telegram/result.json#99");
    // Removing the WARC removes its articles.
    env.remove("archive.warc.gz");
    let fourth = env.index(&[]);
    assert_eq!(fourth["removed"], 1);
    assert_eq!(fourth["total_articles"], 14);
}

#[test]
fn a_large_telegram_export_is_streamed_past_the_size_cap() {
    let env = TestEnv::new();
    let mut s = String::from("{\n \"name\": \"Big Channel\",\n \"type\": \"public_channel\",\n \"id\": 5,\n \"messages\": [\n");
    let n = 3000;
    for i in 1..=n {
        if i > 1 {
            s.push_str(",\n");
        }
        s.push_str(&format!(
            "  {{\"id\": {i}, \"type\": \"message\", \"date\": \"2025-11-05T10:00:00\", \"text\": \"Message {i} about Kramatorsk and padding words to make it longer than the cap.\"}}"
        ));
    }
    s.push_str("\n ]\n}\n");
    env.write("result.json", &s);
    // The cap (10 KB) is far below the file, which is read as a stream.
    let report = env.index(&["--max-file-size", "10000"]);
    assert_eq!(report["articles_indexed"], n, "{report}");
    assert_eq!(report["skipped"].as_object().map(|m| m.len()), Some(0));
}

#[test]
fn rows_without_a_title_show_their_first_sentence_marked_as_such() {
    let env = TestEnv::new();
    env.write(
        "rows.jsonl",
        "{\"body\": \"Drones hit the Odesa port overnight. Two cranes burned.\"}\n{\"title\": \"Kept title\", \"body\": \"Odesa again, quietly.\"}\n",
    );
    env.index(&[]);
    let hits = env.json_lines(&["search", "Odesa", "--all"]);
    let hit = |id: &str| {
        hits.iter()
            .find(|h| h["id"] == id)
            .unwrap_or_else(|| panic!("{id} in {hits:?}"))
    };
    let untitled = hit("rows.jsonl#1");
    assert_eq!(untitled["title"], "Drones hit the Odesa port overnight.");
    assert_eq!(untitled["title_from"], "text");
    let titled = hit("rows.jsonl#2");
    assert_eq!(titled["title"], "Kept title");
    assert!(titled.get("title_from").is_none(), "{titled}");
    // The made-up title is shown, not searched as a title.
    assert!(env.json_lines(&["search", "title:cranes"]).is_empty());
    assert!(env.json_lines(&["search", "title:drones"]).is_empty());
    let table = env.cmd(&["search", "cranes"]).assert().success();
    let out = String::from_utf8_lossy(&table.get_output().stdout).to_string();
    assert!(
        out.contains("Drones hit the Odesa port overnight."),
        "{out}"
    );
}
