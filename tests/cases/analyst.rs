//! Analyst search on the bundled corpus: cross-script queries, typo
//! tolerance, reprint grouping and facets.

use crate::util::{on_corpus, parse_lines};

fn json(args: &[&str]) -> Vec<serde_json::Value> {
    let out = on_corpus(args).arg("--json").output().expect("run");
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_lines(&out.stdout)
}

fn ids(hits: &[serde_json::Value]) -> Vec<String> {
    let mut v: Vec<String> = hits
        .iter()
        .filter_map(|h| h["id"].as_str().map(str::to_string))
        .collect();
    v.sort();
    v
}

fn highlighted(hit: &serde_json::Value) -> Vec<String> {
    let snippet = hit["snippet"].as_str().unwrap_or_default();
    hit["highlights"]
        .as_array()
        .map(|hs| {
            hs.iter()
                .filter_map(|h| {
                    let s = h[0].as_u64()? as usize;
                    let e = h[1].as_u64()? as usize;
                    snippet.get(s..e).map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn cyrillic_query_finds_latin_articles_and_the_reverse() {
    let cyr = json(&["search", "Покровськ", "--all", "--limit", "100"]);
    let latin_hit = cyr
        .iter()
        .find(|h| h["id"] == "wire-pokrovsk-bezuhla.txt")
        .expect("a Latin-script article for a Cyrillic query");
    assert!(highlighted(latin_hit).iter().any(|w| w == "Pokrovsk"));

    let lat = json(&["search", "Pokrovsk", "--all", "--limit", "100"]);
    let cyr_hit = lat
        .iter()
        .find(|h| h["id"] == "uk/pokrovsk-evakuatsiia.txt")
        .expect("a Cyrillic article for a Latin query");
    assert!(
        highlighted(cyr_hit).iter().any(|w| w == "Покровськ"),
        "the original word is marked: {cyr_hit}"
    );
    // Spelling conventions meet too: Syrsky finds Syrskyi and Сирський.
    let syrsky = ids(&json(&["search", "Syrsky", "--all", "--limit", "100"]));
    assert!(syrsky.contains(&"zaluzhnyi-replaced-syrskyi.txt".to_string()));
    assert!(syrsky.contains(&"uk/bezuhla-telegram-pokrovsk.txt".to_string()));
}

#[test]
fn a_one_letter_typo_still_finds_the_place() {
    assert!(json(&["search", "Pokrvsk"]).is_empty(), "exact by default");
    let fuzzy = ids(&json(&[
        "search", "Pokrvsk", "--fuzzy", "--all", "--limit", "100",
    ]));
    assert!(fuzzy.contains(&"wire-pokrovsk-bezuhla.txt".to_string()));
    let marked = ids(&json(&["search", "Kramatorks~", "--all", "--limit", "100"]));
    assert!(marked.contains(&"kramatorsk-strike-filashkin.txt".to_string()));
}

#[test]
fn three_copies_of_one_story_come_back_as_one_group() {
    let story = [
        "reprint-bezugla-pokrovsk.md",
        "reprint-pokrovsk-lawmaker-warns.html",
        "wire-pokrovsk-bezuhla.txt",
    ];
    let all = ids(&json(&[
        "search",
        "Pokrovsk lawmaker",
        "--all",
        "--limit",
        "100",
    ]));
    for id in story {
        assert!(all.contains(&id.to_string()), "{id} matches");
    }
    let grouped = json(&["search", "Pokrovsk lawmaker", "--limit", "100"]);
    let leader = grouped
        .iter()
        .find(|h| story.contains(&h["id"].as_str().unwrap_or_default()))
        .expect("the story is shown");
    let mut members: Vec<String> = leader["reprints"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|r| r["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(members.len(), 2, "two reprints: {leader}");
    members.push(leader["id"].as_str().unwrap_or_default().to_string());
    members.sort();
    assert_eq!(members, story);
    assert_eq!(grouped.len(), all.len() - 2, "shown once");
    // No other article is grouped with anything.
    assert!(grouped
        .iter()
        .filter(|h| h["id"] != leader["id"])
        .all(|h| h["reprints"].as_array().is_some_and(Vec::is_empty)));
}

#[test]
fn facet_counts_equal_filtered_search_counts() {
    let out = json(&["search", "Pokrovsk", "--facets", "--limit", "1"]);
    let facets = &out.last().expect("summary")["facets"];
    let places = facets["places"].as_array().expect("places");
    assert!(!places.is_empty());
    for p in places {
        let name = p["name"].as_str().unwrap_or_default();
        let n = json(&[
            "search", "Pokrovsk", "--place", name, "--all", "--limit", "1000",
        ])
        .len();
        assert_eq!(p["count"].as_u64(), Some(n as u64), "place {name}");
    }
    for s in facets["sources"].as_array().expect("sources") {
        let source = s["name"].as_str().unwrap_or_default();
        let n = json(&["search", "Pokrovsk", "--all", "--limit", "1000"])
            .iter()
            .filter(|h| h["source"] == source)
            .count();
        assert_eq!(s["count"].as_u64(), Some(n as u64), "source {source}");
    }
    for m in facets["months"].as_array().expect("months") {
        let month = m["id"].as_str().unwrap_or_default();
        let n = json(&["search", "Pokrovsk", "--all", "--limit", "1000"])
            .iter()
            .filter(|h| {
                h["published"]
                    .as_str()
                    .is_some_and(|d| d.starts_with(month))
            })
            .count();
        assert_eq!(m["count"].as_u64(), Some(n as u64), "month {month}");
    }
    // By story, the three copies of the wire story count once.
    let by_story = json(&[
        "search",
        "Pokrovsk",
        "--facets",
        "--by-story",
        "--limit",
        "1",
    ]);
    let months = by_story.last().expect("summary")["facets"]["months"].clone();
    let nov = |f: &serde_json::Value| {
        f.as_array()
            .and_then(|a| a.iter().find(|m| m["id"] == "2025-11"))
            .and_then(|m| m["count"].as_u64())
            .unwrap_or(0)
    };
    assert_eq!(nov(&months) + 2, nov(&facets["months"]));
}
