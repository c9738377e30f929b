//! Places, people and dates through the command line, on the bundled corpus
//! (and on the seed article of `../shared` when it is there).

use crate::util::{corpus, corpus_json, frontline, ids, parse_lines, shared};

/// Run a command on the corpus index with `--json`; searches list every
/// article (`--all`), since these tests count articles, not stories.
fn lines(args: &[&str]) -> Vec<serde_json::Value> {
    let mut args = args.to_vec();
    if args.first() == Some(&"search") {
        args.push("--all");
    }
    corpus_json(&args)
}

#[test]
fn any_name_of_a_place_finds_the_same_articles() {
    let latin = ids(&lines(&["place", "Krasnoarmeysk"]));
    let cyrillic = ids(&lines(&["place", "Покровськ"]));
    let lower = ids(&lines(&["place", "pokrovsk"]));
    let russian = ids(&lines(&["place", "Красноармейск"]));
    // corpus/README.md: Pokrovsk, in any spelling or script, is in 21 articles
    // (two of them in the format fixtures: a PDF and a Telegram message that
    // writes "Красноармейска").
    assert_eq!(latin.len(), 21, "{latin:?}");
    assert_eq!(latin, cyrillic);
    assert_eq!(latin, lower);
    assert_eq!(latin, russian);
    for must in [
        "pokrovsk-central-district-blog.txt", // only place with "Krasnoarmersk"
        "uk/pokrovsk-evakuatsiia.txt",        // Ukrainian inflected forms
        "ru/krasnoarmeysk-boi.txt",           // Russian inflected forms
    ] {
        assert!(latin.iter().any(|i| i == must), "{must} missing: {latin:?}");
    }
}

#[test]
fn place_listing_is_newest_first_with_the_variant_highlighted() {
    let hits = lines(&["place", "Bakhmut"]);
    assert!(hits.len() >= 5);
    let dates: Vec<&str> = hits
        .iter()
        .filter_map(|h| h["published"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
    for h in &hits {
        let sentence = h["sentence"].as_str().unwrap_or_default();
        let s = h["highlight"][0].as_u64().unwrap_or(0) as usize;
        let e = h["highlight"][1].as_u64().unwrap_or(0) as usize;
        let marked = &sentence[s..e];
        assert!(
            h["variants"]
                .as_array()
                .is_some_and(|v| v.iter().any(|x| x == marked)),
            "{h}"
        );
    }
    let all: Vec<String> = hits
        .iter()
        .flat_map(|h| h["variants"].as_array().cloned().unwrap_or_default())
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    for variant in ["Bakhmut", "Artemovsk", "Бахмут"] {
        assert!(all.iter().any(|v| v == variant), "{variant} in {all:?}");
    }
}

#[test]
fn region_filters_include_the_places_inside() {
    let pokrovsk = ids(&lines(&["search", "--place", "Pokrovsk", "--limit", "100"]));
    let oblast = ids(&lines(&[
        "search",
        "--place",
        "Donetsk Oblast",
        "--limit",
        "100",
    ]));
    assert!(!pokrovsk.is_empty());
    for id in &pokrovsk {
        assert!(oblast.contains(id), "{id} is in Donetsk Oblast");
    }
    assert!(oblast.len() > pokrovsk.len());
    let by_clause = ids(&lines(&["search", "place:Krasnoarmeysk", "--limit", "100"]));
    assert_eq!(by_clause, pokrovsk);
}

#[test]
fn mentions_of_a_person_are_the_same_in_any_spelling() {
    let full = lines(&["mentions", "Maryana Bezuhla"]);
    let russian = lines(&["mentions", "Bezugla"]);
    let ukrainian = lines(&["mentions", "Безугла"]);
    let key = |v: &[serde_json::Value]| -> Vec<(String, u64)> {
        v.iter()
            .map(|h| {
                (
                    h["id"].as_str().unwrap_or_default().to_string(),
                    h["start"].as_u64().unwrap_or(0),
                )
            })
            .collect()
    };
    assert_eq!(key(&full), key(&russian));
    assert_eq!(key(&full), key(&ukrainian));
    // corpus/README.md: Bezuhla is mentioned in 8 articles.
    assert_eq!(ids(&full).len(), 8, "{:?}", ids(&full));
    let dates: Vec<&str> = full
        .iter()
        .filter_map(|h| h["published"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "date order");
    let spellings: Vec<&str> = full.iter().filter_map(|h| h["text"].as_str()).collect();
    for s in ["Bezuhla", "Bezugla", "Безугла", "Безуглая"] {
        assert!(
            spellings.iter().any(|x| x.contains(s)),
            "{s} in {spellings:?}"
        );
    }
}

#[test]
fn person_filter_in_search() {
    let by_flag = ids(&lines(&["search", "--person", "Bezugla", "--limit", "100"]));
    let by_clause = ids(&lines(&["search", "person:Безугла", "--limit", "100"]));
    assert_eq!(by_flag.len(), 8);
    assert_eq!(by_flag, by_clause);
}

#[test]
fn people_and_places_rankings() {
    let people = lines(&["people", "--limit", "50"]);
    let bezuhla = people
        .iter()
        .find(|p| {
            p["name"]
                .as_str()
                .is_some_and(|n| n.contains("Bezuhla") || n.contains("Bezugla"))
        })
        .expect("Bezuhla is ranked");
    assert_eq!(bezuhla["articles"], 8, "{bezuhla}");
    let places = lines(&["places", "--limit", "10"]);
    assert!(places.iter().any(|p| p["name"] == "Pokrovsk"));
    let counts: Vec<u64> = places
        .iter()
        .filter_map(|p| p["articles"].as_u64())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "ranked: {counts:?}"
    );
}

#[test]
fn extract_json_has_exactly_the_documented_shape() {
    let file = corpus().join("wire-pokrovsk-bezuhla.txt");
    let out = frontline()
        .arg("extract")
        .arg(&file)
        .arg("--json")
        .output()
        .expect("run");
    let v = parse_lines(&out.stdout);
    assert_eq!(v.len(), 1);
    let obj = v[0].as_object().expect("object");
    let mut keys: Vec<&str> = obj.keys().map(|k| k.as_str()).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "claims",
            "dates",
            "path",
            "people",
            "places",
            "published",
            "title",
            "type"
        ]
    );
    let claim = v[0]["claims"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["place"]["name"] == "Pokrovsk"))
        .expect("a claim on Pokrovsk");
    let mut claim_keys: Vec<&str> = claim
        .as_object()
        .map(|o| o.keys().map(|k| k.as_str()).collect())
        .unwrap_or_default();
    claim_keys.sort();
    assert_eq!(
        claim_keys,
        [
            "claimant",
            "controller",
            "date",
            "denial",
            "end",
            "extent",
            "place",
            "sentence",
            "start"
        ]
    );
    assert_eq!(v[0]["published"], "2025-11-05");
    let place = v[0]["places"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == "Pokrovsk"))
        .expect("Pokrovsk");
    for k in ["id", "name", "kind", "parent", "mentions"] {
        assert!(place.get(k).is_some(), "place.{k}");
    }
    let body_dates: Vec<&str> = v[0]["dates"]
        .as_array()
        .map(|d| d.iter().filter_map(|d| d["value"].as_str()).collect())
        .unwrap_or_default();
    assert!(body_dates.contains(&"2025-11-04"), "{body_dates:?}");
}

#[test]
fn dates_filters_on_published_and_mentioned() {
    let nov = ids(&lines(&[
        "search",
        "--from",
        "2025-11-01",
        "--to",
        "2025-11-30",
        "--limit",
        "100",
    ]));
    assert!(!nov.is_empty());
    let query = ids(&lines(&[
        "search",
        "published:[2025-11-01 TO 2025-11-30]",
        "--limit",
        "100",
    ]));
    assert_eq!(nov, query);
    let mentioned = ids(&lines(&[
        "search",
        "--mentioned-from",
        "2025-11-04",
        "--mentioned-to",
        "2025-11-04",
        "--limit",
        "100",
    ]));
    assert!(mentioned.contains(&"wire-pokrovsk-bezuhla.txt".to_string()));
    // The January article mentions "December 30" of the previous year.
    let rollover = ids(&lines(&[
        "search",
        "--mentioned-from",
        "2023-12-30",
        "--mentioned-to",
        "2023-12-30",
        "--limit",
        "100",
    ]));
    assert!(
        rollover.contains(&"belgorod-new-year-strikes.txt".to_string()),
        "{rollover:?}"
    );
}

#[test]
fn timeline_counts_match_filtered_searches() {
    let rows = lines(&["timeline", "--by", "month", "--place", "Pokrovsk"]);
    let total: u64 = rows.iter().filter_map(|r| r["articles"].as_u64()).sum();
    let dated = lines(&["search", "--place", "Pokrovsk", "--limit", "100"])
        .iter()
        .filter(|h| h["published"].is_string())
        .count() as u64;
    assert_eq!(total, dated);
    let nov = rows
        .iter()
        .find(|r| r["period"] == "2025-11")
        .expect("2025-11");
    let in_nov = ids(&lines(&[
        "search",
        "--place",
        "Pokrovsk",
        "--from",
        "2025-11-01",
        "--to",
        "2025-11-30",
        "--limit",
        "100",
    ]));
    assert_eq!(nov["articles"].as_u64(), Some(in_nov.len() as u64));
}

#[test]
fn seed_article_acceptance() {
    let Some(shared) = shared() else { return };
    let seed = shared.join("data/seed/000_57ef080fabb77b70.txt");
    // The seed states no publication date; it reports events of November 2025.
    let out = frontline()
        .arg("extract")
        .arg(&seed)
        .args(["--json", "--published", "2025-11-06"])
        .output()
        .expect("run");
    let v = parse_lines(&out.stdout);
    let a = &v[0];
    let place = |name: &str| {
        a["places"]
            .as_array()
            .and_then(|p| p.iter().find(|p| p["name"] == name).cloned())
            .unwrap_or_else(|| panic!("{name} not found in {a}"))
    };
    let surfaces = |p: &serde_json::Value| -> Vec<String> {
        p["mentions"]
            .as_array()
            .map(|m| {
                m.iter()
                    .filter_map(|m| m["text"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let pokrovsk = surfaces(&place("Pokrovsk"));
    assert!(pokrovsk.contains(&"Pokrovsk".to_string()));
    assert!(pokrovsk.contains(&"Krasnoarmersk".to_string()));
    let fuzzy = place("Pokrovsk")["mentions"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["text"] == "Krasnoarmersk").cloned())
        .expect("Krasnoarmersk mention");
    assert_eq!(fuzzy["match"], "fuzzy");
    let myrnohrad = surfaces(&place("Myrnohrad"));
    assert!(myrnohrad.contains(&"Mirnograd".to_string()));
    assert!(myrnohrad.contains(&"Dimitrov".to_string()));
    let place_surfaces: Vec<String> = a["places"]
        .as_array()
        .map(|p| p.iter().flat_map(surfaces).collect())
        .unwrap_or_default();
    for person in ["Bezugla", "Mosiychuk", "Unigolova", "Maryana"] {
        assert!(
            !place_surfaces.iter().any(|s| s.contains(person)),
            "{person} is not a place"
        );
    }
    let people = a["people"].as_array().cloned().unwrap_or_default();
    let person = |surname: &str| {
        people
            .iter()
            .find(|p| p["name"].as_str().is_some_and(|n| n.contains(surname)))
            .cloned()
            .unwrap_or_else(|| panic!("{surname} not found in {people:?}"))
    };
    // The people register gives her canonical English name.
    let bezugla = person("Bezuhla");
    assert_eq!(bezugla["name"], "Mariana Bezuhla");
    assert_eq!(bezugla["mentions"][0]["text"], "Maryana Bezugla");
    assert!(bezugla["mentions"][0]["role"]
        .as_str()
        .is_some_and(|r| r.contains("Deputy")));
    let mosiychuk = person("Mosiychuk");
    assert_eq!(mosiychuk["mentions"].as_array().map(Vec::len), Some(2));
    assert!(mosiychuk["mentions"][0]["role"].is_string());
    let unigolova = person("Unigolova");
    assert!(unigolova["mentions"][0]["role"].is_string());
    let nov4: Vec<&serde_json::Value> = a["dates"]
        .as_array()
        .map(|d| d.iter().filter(|d| d["text"] == "November 4").collect())
        .unwrap_or_default();
    assert_eq!(nov4.len(), 2);
    assert!(nov4.iter().all(|d| d["value"] == "2025-11-04"));
}

/// The index's place-name table answers `--place` without building the
/// gazetteer's name index: every line must be what the gazetteer itself
/// resolves that name to.
#[test]
fn place_name_table_agrees_with_the_gazetteer() {
    use frontline::extract::gazetteer::Gazetteer;
    use frontline::index::place_names;
    let dir = crate::util::corpus_index();
    let text = std::fs::read_to_string(dir.join(place_names::FILE)).expect("table written");
    let gaz = Gazetteer::builtin();
    let mut checked = 0;
    let mut named = 0;
    for line in text.lines().skip(1) {
        if let Some(row) = line.strip_prefix('=') {
            // `=id<TAB>name`: the display name of a place in the index.
            let (id, name) = row.split_once('\t').expect("id and name");
            assert_eq!(gaz.get(id).map(|e| e.name.as_str()), Some(name), "{line:?}");
            named += 1;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line:?}");
        let chosen = gaz.resolve(cols[0]);
        assert_eq!(
            chosen.first().map(|e| e.id.as_str()),
            Some(cols[1]),
            "{line:?}"
        );
        assert_eq!(cols[2], frontline::index::writer::facet_path(gaz, cols[1]));
        checked += 1;
    }
    // The corpus names dozens of places, each with several names.
    assert!(checked > 200, "only {checked} names");
    assert!(named > 30, "only {named} display names");
    let table = place_names::Table::open(dir).expect("current table");
    assert_eq!(table.name_of("donetsk-oblast"), Some("Donetsk Oblast"));
    let found = place_names::lookup(dir, "Krasnoarmeysk").expect("a name of Pokrovsk");
    assert_eq!(found.id, "pokrovsk");
    assert!(found
        .facet
        .ends_with("/donetsk-oblast/pokrovsk-raion/pokrovsk"));
    // An inflected form is not in the table: the gazetteer answers it.
    assert_eq!(place_names::lookup(dir, "Покровська"), None);
}

/// A table written from other data (another build's gazetteer) is ignored,
/// and one built with `--gazetteer` is removed: the answer always comes from
/// the gazetteer in use.
#[test]
fn stale_place_name_table_is_ignored() {
    use frontline::index::place_names;
    let env = crate::util::TestEnv::new();
    env.write(
        "a.txt",
        "Fighting near Pokrovsk went on.\n\nShelling hit Pokrovsk again.",
    );
    env.write("b.txt", "Kyiv\n\nAir defence worked over Kyiv at night.");
    env.index(&[]);
    let table = env.index_dir().join(place_names::FILE);
    assert_eq!(
        place_names::lookup(&env.index_dir(), "Kiev").map(|r| r.id),
        Some("kyiv".into())
    );
    // Point Pokrovsk's names at Kyiv under a foreign fingerprint.
    std::fs::write(
        &table,
        "# frontline place names 0000000000000000\npokrovsk\tkyiv\t/ukraine/kyiv\n",
    )
    .expect("write table");
    assert_eq!(place_names::lookup(&env.index_dir(), "Pokrovsk"), None);
    let hits = env.json_lines(&["search", "--place", "Pokrovsk", "--all"]);
    assert_eq!(crate::util::ids(&hits), vec!["a.txt".to_string()]);
    // A no-op run replaces a stale table.
    env.index(&[]);
    assert_eq!(
        place_names::lookup(&env.index_dir(), "Krasnoarmeysk").map(|r| r.id),
        Some("pokrovsk".into())
    );
    // Extra gazetteer data: no table, the merged gazetteer answers.
    let extra = env.dir.path().join("extra.tsv");
    std::fs::write(&extra, "").expect("write");
    env.index(&["--gazetteer", extra.to_str().expect("utf-8 path")]);
    assert!(!table.exists());
}
