//! The JSON contract, the extraction fingerprint and the bugs fixed with the
//! service layer (issue 13): every listing's lines parse into the typed wire
//! structs; a new fingerprint extracts unchanged files again; `--fuzzy`
//! keeps `OR`; the index's own gazetteer data resolves names and facets.

use frontline::output::json::Line;

use crate::util::{on_corpus, parse_lines, TestEnv};

/// Every line of a command's `--json` output, parsed into [`Line`] (and
/// checked to serialise back to the same JSON).
fn typed(out: &[u8]) -> Vec<Line> {
    parse_lines(out)
        .into_iter()
        .map(|v| {
            let line: Line = serde_json::from_value(v.clone())
                .unwrap_or_else(|e| panic!("{v} is not a wire line: {e}"));
            let back = serde_json::to_value(&line).expect("serialise");
            assert_eq!(back, v, "round trip");
            line
        })
        .collect()
}

fn corpus_lines(args: &[&str]) -> Vec<Line> {
    let out = on_corpus(args).arg("--json").output().expect("run");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    typed(&out.stdout)
}

/// Whether a line is of the type a command should print.
type LineCheck = fn(&Line) -> bool;

#[test]
fn every_listing_prints_typed_lines() {
    let search = corpus_lines(&["search", "Pokrovsk", "--facets", "--limit", "3"]);
    assert_eq!(search.len(), 4, "three hits and the facets");
    assert!(search[..3].iter().all(|l| matches!(l, Line::Hit(_))));
    let Some(Line::Facets(f)) = search.last() else {
        panic!("facets last: {search:?}");
    };
    assert!(f
        .of(frontline::model::EntityKind::Place)
        .iter()
        .any(|p| p.name == "Pokrovsk"));
    assert!(!f.of(frontline::model::EntityKind::Person).is_empty());

    let checks: [(&[&str], LineCheck); 7] = [
        (
            &["place", "Krasnoarmeysk"],
            |l| matches!(l, Line::PlaceArticle(p) if p.place_id == "pokrovsk"),
        ),
        (&["places", "--limit", "5"], |l| matches!(l, Line::Place(_))),
        (
            &["mentions", "Bezuhla"],
            |l| matches!(l, Line::Mention(m) if m.key.starts_with("bezu")),
        ),
        (&["people", "--limit", "5"], |l| {
            matches!(l, Line::Person(_))
        }),
        (&["timeline", "--by", "month"], |l| {
            matches!(l, Line::Period(_))
        }),
        (
            &["stats"],
            |l| matches!(l, Line::Stats(s) if s.articles > 0),
        ),
        (&["search", "Pokrovsk"], |l| matches!(l, Line::Hit(_))),
    ];
    for (args, is_right) in checks {
        let lines = corpus_lines(args);
        assert!(!lines.is_empty(), "{args:?} printed nothing");
        for l in &lines {
            assert!(is_right(l), "{args:?}: {l:?}");
        }
    }

    let env = TestEnv::new();
    let file = env.write(
        "a.txt",
        "Title\n\nShelling near Pokrovsk on 4 November 2025.\n",
    );
    let out = env
        .cmd(&["extract"])
        .arg(&file)
        .arg("--json")
        .output()
        .expect("run");
    let lines = typed(&out.stdout);
    assert!(matches!(lines.as_slice(), [Line::Extracted(e)] if !e.places.is_empty()));
    let out = env
        .cmd(&["index"])
        .arg(env.root())
        .arg("--json")
        .output()
        .expect("run");
    let lines = typed(&out.stdout);
    assert!(matches!(lines.as_slice(), [Line::Summary(s)] if s.report.added == 1));
}

#[test]
fn mention_offsets_are_into_title_blank_line_body() {
    let env = TestEnv::new();
    let title = "Bezuhla criticises command";
    let body = "Maryana Bezuhla wrote on Telegram that the line held.";
    env.write(
        "a.json",
        format!(r#"{{"title": "{title}", "body": "{body}"}}"#),
    );
    env.index(&[]);
    let out = env
        .cmd(&["mentions", "Bezuhla", "--json"])
        .output()
        .expect("run");
    let text = format!("{title}\n\n{body}");
    let lines = typed(&out.stdout);
    assert_eq!(lines.len(), 2, "{lines:?}");
    for line in lines {
        let Line::Mention(m) = line else {
            panic!("{line:?}")
        };
        assert_eq!(&text[m.start..m.start + m.text.len()], m.text);
    }
}

const GEONAMES_ROW: &str = "9999991\tZzyzxgrad\tZzyzxgrad\tZyzyxgrad\t48.5\t37.9\tP\tPPL\tUA\t\t05\t\t\t\t20000\t\t100\tEurope/Kyiv\t2024-01-01\n";

#[test]
fn a_new_fingerprint_extracts_unchanged_files_again() {
    let env = TestEnv::new();
    env.write(
        "a.txt",
        "Zzyzxgrad\n\nShelling hit Zzyzxgrad and Pokrovsk overnight.\n",
    );
    env.write("b.txt", "Quiet\n\nNothing happened in Kharkiv.\n");
    let first = env.index(&[]);
    assert_eq!(first["added"], 2);
    // The built-in data does not know the town.
    env.cmd(&["place", "Zzyzxgrad"]).assert().code(2);

    // The same files with new gazetteer data: both are extracted again.
    let extra = env.dir.path().join("extra.txt");
    std::fs::write(&extra, GEONAMES_ROW).expect("write");
    let gaz = extra.to_str().expect("utf-8 path");
    let out = env
        .cmd(&["index"])
        .arg(env.root())
        .args(["--json", "--gazetteer", gaz])
        .output()
        .expect("run");
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("summary");
    assert_eq!(report["reextracted"], 2, "{report}");
    assert_eq!(report["unchanged"], 0, "{report}");
    assert_eq!(report["updated"], 0, "{report}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2 files extracted again: the extraction rules or data changed"),
        "{stderr}"
    );
    // Its entities are the new rules' entities, and the index's own data
    // resolves the name without `--gazetteer`.
    let hits = env.json_lines(&["place", "Zzyzxgrad"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["path"], "a.txt");
    assert_eq!(hits[0]["type"], "place_article");
    let search = env.json_lines(&["search", "place:Zzyzxgrad"]);
    assert_eq!(crate::util::ids(&search), ["a.txt"]);

    // Same data again: nothing to do.
    let again = env.index(&["--gazetteer", gaz]);
    assert_eq!(again["reextracted"], 0);
    assert_eq!(again["unchanged"], 2);

    // Export names places through the data the index was built with.
    let out = env.cmd(&["export"]).output().expect("run");
    let docs = parse_lines(&out.stdout);
    let a = docs.iter().find(|d| d["id"] == "a.txt").expect("a.txt");
    assert_eq!(a["place"][0], "gn9999991", "{a}");
    assert_eq!(a["place_facet"][0], "/gn9999991", "{a}");

    // Back to the built-in data: extracted again, the town is gone.
    let back = env.index(&[]);
    assert_eq!(back["reextracted"], 2);
    let search = env.json_lines(&["search", "Zzyzxgrad"]);
    assert!(search.iter().all(|h| h["places"]
        .as_array()
        .is_some_and(|p| !p.iter().any(|n| n == "Zzyzxgrad"))));
}

#[test]
fn fuzzy_keeps_or_and_not() {
    let env = TestEnv::new();
    env.write("a.txt", "One\n\nFighting in Bakhmut continued.\n");
    env.write("b.txt", "Two\n\nFighting in Avdiivka continued.\n");
    env.write("c.txt", "Three\n\nFighting in Bakhmut and Avdiivka.\n");
    env.write("d.txt", "Four\n\nFighting in Kharkiv.\n");
    env.index(&[]);
    let ids = |args: &[&str]| crate::util::ids(&env.json_lines(args));
    assert_eq!(
        ids(&["search", "Bakhmut OR Avdiivka", "--fuzzy", "--all"]),
        ["a.txt", "b.txt", "c.txt"]
    );
    assert_eq!(
        ids(&["search", "Bakhmt OR Avdiivka", "--fuzzy", "--all"]),
        ["a.txt", "b.txt", "c.txt"]
    );
    assert_eq!(
        ids(&["search", "Bakhmut~ OR Avdiivka~", "--all"]),
        ["a.txt", "b.txt", "c.txt"]
    );
    assert_eq!(
        ids(&["search", "Bakhmt Avdiivka", "--fuzzy", "--all"]),
        ["c.txt"]
    );
    assert_eq!(
        ids(&["search", "Fighting NOT Bakhmut", "--fuzzy", "--all"]),
        ["b.txt", "d.txt"]
    );
}

/// Issue 16: `claims PLACE` prints its claims in date order as typed
/// `claim` lines, then one `claim_state` line; on the bundled corpus the
/// Russian claim that Pokrovsk fell and the Ukrainian denial make it
/// contested. `claims` alone prints `claim_place` lines.
#[test]
fn claims_lines_are_typed_and_pokrovsk_is_contested() {
    let lines = corpus_lines(&["claims", "Pokrovsk"]);
    let claims: Vec<_> = lines
        .iter()
        .take_while(|l| matches!(l, Line::Claim(_)))
        .collect();
    let states: Vec<_> = lines[claims.len()..]
        .iter()
        .map(|l| match l {
            Line::ClaimState(s) => s,
            other => panic!("not a state line after the claims: {other:?}"),
        })
        .collect();
    assert!(claims.len() >= 3, "{claims:?}");
    let dates: Vec<_> = claims
        .iter()
        .filter_map(|l| match l {
            Line::Claim(c) => Some(c.claim.date),
            _ => None,
        })
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    // The place asked about first; one state per place with claims.
    let state = states.first().expect("a state line");
    assert_eq!(
        state.place.as_ref().map(|p| p.id.as_str()),
        Some("pokrovsk")
    );
    let mut ids: Vec<_> = states
        .iter()
        .filter_map(|s| s.place.as_ref().map(|p| &p.id))
        .collect();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "{ids:?}");
    assert!(state.contested, "{state:?}");
    let ru = state.ru.as_ref().expect("RU side");
    let ua = state.ua.as_ref().expect("UA side");
    assert_eq!(
        ru.claim.claimant.as_ref().and_then(|c| c.side),
        Some(frontline::model::Side::Ru)
    );
    assert_eq!(
        ua.claim.claimant.as_ref().and_then(|c| c.side),
        Some(frontline::model::Side::Ua)
    );
    assert!([ru, ua].iter().all(|r| r.claim.place.id == "pokrovsk"));

    // A region lists the claims about the places inside it.
    let region = corpus_lines(&["claims", "Donetsk Oblast"]);
    assert!(region.len() > lines.len(), "{}", region.len());

    let places = corpus_lines(&["claims", "--limit", "5"]);
    assert!(!places.is_empty() && places.len() <= 5);
    assert!(places.iter().all(|l| matches!(l, Line::ClaimPlace(_))));
    assert!(places.iter().any(
        |l| matches!(l, Line::ClaimPlace(p) if p.place.id == "pokrovsk" && p.state.contested)
    ));
}
