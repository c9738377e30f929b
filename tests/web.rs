//! End-to-end tests of `frontline serve`: a server on a free loopback port
//! over an index of `corpus/` plus a hostile article the test writes, asked
//! over HTTP (every page and API route, filters and facets in the URL,
//! limits, 404s, re-indexing while serving), and a headless Chromium run
//! (skipped with a notice when `chromium` is not installed).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_frontline");

/// An article built to break a careless renderer: a script in the title,
/// an event handler and a `javascript:` link in the body and as its URL.
const HOSTILE: &str = "<script>alert('title')</script> Shelling near Pokrovsk\n\
Published: 2025-11-07\n\
Source: <b onmouseover=alert(1)>Evil Wire</b>\n\
URL: javascript:alert('url')\n\
\n\
Residents of Pokrovsk reported <img src=x onerror=alert('img')> explosions.\n\
\n\
Read more at <a href=\"javascript:alert('link')\">this link</a> about Pokrovsk \
and <svg onload=alert('svg')></svg> zanzibarword.\n";

struct Server {
    child: Child,
    base: String,
    dir: tempfile::TempDir,
}

impl Server {
    fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// Index `corpus/` and the hostile article, and serve the index.
    fn start() -> Server {
        Server::start_with(|corpus| {
            let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
            for entry in std::fs::read_dir(&src).expect("corpus/") {
                let path = entry.expect("entry").path();
                if path.is_file() && path.file_name().is_some_and(|n| n != "README.md") {
                    std::fs::copy(&path, corpus.join(path.file_name().expect("name")))
                        .expect("copy");
                }
            }
            std::fs::write(corpus.join("hostile.txt"), HOSTILE).expect("write");
        })
    }

    /// Serve an index of the files `fill` writes into an empty folder.
    fn start_with(fill: impl FnOnce(&Path)) -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(&corpus).expect("mkdir");
        fill(&corpus);
        let index = dir.path().join("index");
        reindex(&corpus, &index);
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0", "--index"])
            .arg(&index)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start frontline serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the address");
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|s| s.trim().strip_suffix('/'))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server {
            child,
            base: format!("http://{addr}"),
            dir,
        }
    }

    fn get(&self, path: &str) -> Reply {
        request(&format!("{}{}", self.base, path))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn reindex(corpus: &Path, index: &Path) {
    let out = Command::new(BIN)
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .output()
        .expect("run frontline index");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn cli(index: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .arg("--index")
        .arg(index)
        .output()
        .expect("run frontline");
    String::from_utf8(out.stdout).expect("utf-8")
}

struct Reply {
    status: u16,
    content_type: String,
    csp: String,
    body: String,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn request(url: &str) -> Reply {
    let mut res = agent().get(url).call().expect("request");
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let (content_type, csp) = (header("content-type"), header("content-security-policy"));
    Reply {
        status: res.status().as_u16(),
        content_type,
        csp,
        body: res.body_mut().read_to_string().expect("body"),
    }
}

fn json_lines(body: &str) -> Vec<serde_json::Value> {
    body.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// The `href`s of the page inside the element that starts with `marker`
/// (up to the next `</section>`), unescaped.
fn hrefs_in(html: &str, marker: &str) -> Vec<String> {
    let start = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in page"));
    let part = &html[start..];
    let part = &part[..part.find("</section>").unwrap_or(part.len())];
    part.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|s| s.replace("&amp;", "&"))
        .collect()
}

#[test]
fn every_page_and_api_route_answers() {
    let s = Server::start();
    let hits = json_lines(&s.get("/api/search?q=Pokrovsk").body);
    assert!(!hits.is_empty());
    let id = hits[0]["id"].as_str().expect("id");
    let mentions_key = {
        let m = json_lines(&s.get("/api/person/Bezuhla").body);
        assert!(!m.is_empty(), "Bezuhla is in corpus/");
        m[0]["key"].as_str().expect("key").to_string()
    };
    let pages = [
        ("/", "Places"),
        ("/search?q=Pokrovsk", "matching articles"),
        (&format!("/article/{}", enc(id)), "class=\"text\""),
        ("/place/pokrovsk", "Donetsk Oblast"),
        (&format!("/person/{}", enc(&mentions_key)), "Every mention"),
        ("/timeline?q=Pokrovsk", "<svg"),
        ("/map?q=Pokrovsk", "<circle"),
    ];
    for (path, needle) in pages {
        let r = s.get(path);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        assert!(r.content_type.starts_with("text/html"), "{path}");
        assert!(r.csp.contains("script-src 'self'"), "{path}: {}", r.csp);
        assert!(r.body.contains(needle), "{path} lacks {needle}");
    }
    // The place page: hierarchy, a timeline with bars, a map with dots, and
    // the articles with the sentence of the mention.
    let place = s.get("/place/pokrovsk").body;
    let crumbs = &place[place.find("breadcrumbs").expect("breadcrumbs")..];
    let order: Vec<usize> = ["Ukraine", "Donetsk Oblast", "Pokrovsk"]
        .iter()
        .map(|n| crumbs.find(n).expect("crumb"))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(place.contains("class=\"bar\""), "timeline bars");
    assert!(
        place.contains("class=\"dot focus\""),
        "the place on its map"
    );
    assert!(place.contains("<blockquote>"), "mention sentences");
    for api in [
        "/api/search?q=Pokrovsk",
        "/api/facets?q=Pokrovsk",
        "/api/timeline?q=Pokrovsk",
        "/api/place/pokrovsk",
        &format!("/api/person/{}", enc(&mentions_key)),
    ] {
        let r = s.get(api);
        assert_eq!(r.status, 200, "{api}");
        assert!(r.content_type.starts_with("application/x-ndjson"), "{api}");
        assert!(!json_lines(&r.body).is_empty(), "{api}");
    }
    let css = s.get("/assets/style.css");
    assert_eq!(css.status, 200);
    assert!(css.content_type.starts_with("text/css"));
    let outline = s.get("/assets/outline.svg");
    assert!(outline.body.contains("data-name=\"Ukraine\"") && outline.body.contains("oblast"));
    let world = s.get("/assets/world.svg");
    assert_eq!(world.status, 200);
    assert!(world.content_type.starts_with("image/svg+xml"));
    assert!(world
        .body
        .contains("data-name=\"United States of America\""));
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn the_api_returns_the_cli_json() {
    let s = Server::start();
    let pairs: [(&str, &[&str]); 5] = [
        ("/api/search?q=Pokrovsk", &["search", "Pokrovsk", "--json"]),
        (
            "/api/search?q=drone&sort=date&all=1",
            &["search", "drone", "--sort", "date", "--all", "--json"],
        ),
        (
            "/api/search?q=Pokrovsk&facets=1",
            &["search", "Pokrovsk", "--facets", "--json"],
        ),
        (
            "/api/timeline?q=Pokrovsk&by=week",
            &["timeline", "Pokrovsk", "--by", "week", "--json"],
        ),
        ("/api/place/pokrovsk", &["place", "Pokrovsk", "--json"]),
    ];
    for (api, args) in pairs {
        let web = s.get(api).body;
        assert!(!web.is_empty(), "{api}");
        assert_eq!(web, cli(&s.index(), args), "{api} vs frontline {args:?}");
    }
    let web = s.get("/api/person/Bezuhla").body;
    assert_eq!(web, cli(&s.index(), &["mentions", "Bezuhla", "--json"]));
}

#[test]
fn control_claims_are_on_the_pages_and_in_the_api() {
    let s = Server::start();
    // The API returns exactly what `frontline claims --json` prints.
    for (api, args) in [
        ("/api/claims", &["claims", "--json"][..]),
        (
            "/api/claims/pokrovsk",
            &["claims", "Pokrovsk", "--json"][..],
        ),
        (
            "/api/claims?limit=3",
            &["claims", "--limit", "3", "--json"][..],
        ),
    ] {
        let r = s.get(api);
        assert_eq!(r.status, 200, "{api}");
        assert!(!r.body.is_empty(), "{api}");
        assert_eq!(r.body, cli(&s.index(), args), "{api} vs frontline {args:?}");
    }
    let lines = json_lines(&s.get("/api/claims/pokrovsk").body);
    let state = lines
        .iter()
        .find(|l| l["type"] == "claim_state" && l["place"]["id"] == "pokrovsk")
        .expect("a state line for Pokrovsk");
    assert_eq!(
        state["contested"], true,
        "the bundled corpus contests Pokrovsk"
    );
    // The place page: the claims in date order and the state per side.
    let place = s.get("/place/pokrovsk").body;
    let claims = &place[place.find("id=\"claims\"").expect("a claims section")..];
    assert!(claims.contains("Latest RU-side claim") && claims.contains("Latest UA-side claim"));
    assert!(claims.contains("class=\"contested\""), "the contested line");
    let dates: Vec<&str> = claims
        .split("<ol class=\"claim-list\">")
        .nth(1)
        .expect("the claim list")
        .split("</ol>")
        .next()
        .expect("its end")
        .split("<span class=\"date\">")
        .skip(1)
        .map(|d| &d[..d.find('<').unwrap_or(0)])
        .collect();
    let claim_count = lines.iter().filter(|l| l["type"] == "claim").count();
    assert_eq!(dates.len(), claim_count, "every claim listed");
    let mut sorted = dates.clone();
    sorted.sort_by_key(|d| (*d != "undated", d.to_string()));
    assert_eq!(dates, sorted, "claims in date order");
    // The claims page lists Pokrovsk with a link to its claims.
    let page = s.get("/claims");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("href=\"/place/pokrovsk#claims\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("class=\"contested\""));
    // The article of a claim marks the claim's sentence.
    let claim = lines
        .iter()
        .find(|l| l["type"] == "claim")
        .expect("a claim");
    let id = claim["article"]["id"].as_str().expect("article id");
    let article = s.get(&format!("/article/{}", enc(id))).body;
    let sentence = claim["claim"]["sentence"].as_str().expect("sentence");
    let marks: Vec<String> = article
        .split("<mark class=\"claim\"")
        .skip(1)
        .map(|m| {
            // The text of the mark, tags dropped.
            let inner = &m[m.find('>').expect("tag end") + 1..m.find("</mark>").expect("end")];
            let mut text = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.replace("&quot;", "\"").replace("&amp;", "&")
        })
        .collect();
    assert!(
        marks.iter().any(|m| m.trim() == sentence.trim()),
        "{sentence:?} not among {marks:?}"
    );
    // Unknown places and bad limits.
    assert_eq!(s.get("/api/claims/no-such-place-zz").status, 404);
    assert_eq!(s.get("/api/claims?limit=0").status, 400);
}

/// Articles that mention one person and one place, one a day from
/// 2025-01-01, so that their pages need several pages.
fn many_mentions(corpus: &Path, n: usize) {
    let first = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    for i in 0..n {
        let day = first + chrono::Days::new(i as u64);
        let text = format!(
            "Report {i} from Kupiansk\nPublished: {day}\n\n\
             General Oleksandr Syrskyi said on Monday that the defence of Kupiansk holds. \
             Syrskyi visited the brigade number {i}.\n"
        );
        std::fs::write(corpus.join(format!("r{i:03}.txt")), text).expect("write");
    }
}

#[test]
fn person_and_place_pages_are_paged() {
    let s = Server::start_with(|c| many_mentions(c, 55));
    let all = json_lines(&s.get("/api/person/Syrskyi").body);
    assert!(all.len() >= 55, "the API has every mention: {}", all.len());
    let key = all[0]["key"].as_str().expect("key").to_string();
    let page = |path: &str| {
        let r = s.get(path);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        r.body
    };
    let titles = |html: &str| -> Vec<String> {
        html.split("<ol class=\"mentions\"")
            .nth(1)
            .expect("a list")
            .split("</ol>")
            .next()
            .expect("list")
            .split("<li>")
            .skip(1)
            .map(|li| {
                let t = &li[li.find("\">Report ").expect("a title") + 2..];
                t[..t.find('<').expect("end")].to_string()
            })
            .collect()
    };
    let person = format!("/person/{}", enc(&key));
    let p1 = page(&person);
    assert!(p1.contains("mentioned in 55 articles"), "{p1}");
    // 20 articles a page, oldest first, each mention of them (two a day).
    let first = titles(&p1);
    assert_eq!(first.len(), 40, "{first:?}");
    assert_eq!(first[0], "Report 0 from Kupiansk");
    assert_eq!(first[39], "Report 19 from Kupiansk");
    assert!(
        p1.contains(&format!("href=\"{person}?page=2\"")),
        "a next link"
    );
    let p3 = titles(&page(&format!("{person}?page=3")));
    assert_eq!(p3.len(), 30, "{p3:?}");
    assert_eq!(p3[0], "Report 40 from Kupiansk");
    // The timeline still counts every article, not only the page's.
    let chart = &p1[p1.find("<svg class=\"timeline\"").expect("a timeline")..];
    let chart = &chart[..chart.find("</svg>").expect("end")];
    let bars: u64 = chart
        .split("articles</title>")
        .filter_map(|t| t.rsplit(": ").next()?.trim().parse::<u64>().ok())
        .sum();
    assert_eq!(bars, 55, "timeline bars sum to every article");
    // The place page: 50 articles a page, newest first.
    let place = page("/place/kupiansk");
    assert!(place.contains("55 articles"));
    let p1 = titles(&place);
    assert_eq!(p1.len(), 50);
    assert_eq!(p1[0], "Report 54 from Kupiansk");
    let p2 = titles(&page("/place/kupiansk?page=2"));
    assert_eq!(
        p2,
        [
            "Report 4 from Kupiansk",
            "Report 3 from Kupiansk",
            "Report 2 from Kupiansk",
            "Report 1 from Kupiansk",
            "Report 0 from Kupiansk"
        ]
    );
    // Date filters narrow the pages and the pager keeps them.
    let narrowed = page(&format!("{person}?from=2025-02-01"));
    assert!(narrowed.contains("mentioned in 24 articles"), "{narrowed}");
    assert!(narrowed.contains("from=2025-02-01&amp;page=2"));
}

#[test]
fn filters_and_facets_live_in_the_url() {
    let s = Server::start();
    let all = json_lines(&s.get("/api/search?all=1&page=1").body);
    assert!(!all.is_empty());
    // A facet link on the search page adds one filter, and every hit of the
    // filtered search is about that place.
    let page = s.get("/search?q=").body;
    let link = hrefs_in(&page, "facet places")
        .into_iter()
        .find(|h| h.contains("place=donetsk-oblast"))
        .expect("a Donetsk Oblast facet");
    let filtered = s.get(&link);
    assert_eq!(filtered.status, 200);
    assert!(
        filtered.body.contains("place: Donetsk Oblast"),
        "active filter chip"
    );
    let api = link.replacen("/search", "/api/search", 1) + "&all=1";
    let hits = json_lines(&s.get(&api).body);
    assert!(!hits.is_empty());
    let unfiltered = json_lines(&s.get("/api/facets").body);
    assert_eq!(unfiltered[0]["type"], "facets");
    let donetsk = unfiltered[0]["places"]
        .as_array()
        .and_then(|v| v.iter().find(|p| p["id"] == "donetsk-oblast"))
        .expect("facet")["count"]
        .as_u64()
        .expect("count");
    let counted = json_lines(&s.get(&link.replacen("/search", "/api/facets", 1)).body);
    let total: u64 = counted[0]["places"]
        .as_array()
        .and_then(|v| v.iter().find(|p| p["id"] == "donetsk-oblast"))
        .expect("still a facet")["count"]
        .as_u64()
        .expect("count");
    assert_eq!(
        total, donetsk,
        "the filter keeps exactly the counted articles"
    );
    // Person filter by key, and published dates.
    let one = json_lines(&s.get("/api/search?person=Bezuhla&all=1").body);
    assert!(!one.is_empty());
    assert!(one.iter().all(|h| h["people"].as_array().is_some_and(|p| p
        .iter()
        .any(|n| n.as_str().is_some_and(|n| n.contains("Bezu"))))));
    let dated = json_lines(
        &s.get("/api/search?from=2025-01-01&to=2025-12-31&all=1")
            .body,
    );
    assert!(!dated.is_empty());
    assert!(dated.iter().all(|h| h["published"]
        .as_str()
        .is_some_and(|d| d.starts_with("2025"))));
    // A timeline bar narrows the search to its period: its articles are
    // the ones the timeline counted for it.
    let rows = json_lines(&s.get("/api/timeline?q=Pokrovsk").body);
    let period = rows[0]["period"].as_str().expect("period").to_string();
    let counted = rows[0]["articles"].as_u64().expect("count") as usize;
    let timeline = s.get("/timeline?q=Pokrovsk").body;
    let bar = hrefs_in(&timeline, "<svg class=\"timeline\"")
        .into_iter()
        .find(|h| h.contains(&format!("from={period}-01")))
        .expect("a bar for the first period");
    assert!(bar.starts_with("/search?") && bar.contains("to="), "{bar}");
    let narrowed = json_lines(
        &s.get(&(bar.replacen("/search", "/api/search", 1) + "&all=1"))
            .body,
    );
    assert_eq!(narrowed.len(), counted.min(10), "{bar}");
    assert!(narrowed.iter().all(|h| h["published"]
        .as_str()
        .is_some_and(|d| d.starts_with(&period))));
    // Paging: page 2 of a broad search differs from page 1.
    let p1 = json_lines(&s.get("/api/search?all=1").body);
    let p2 = json_lines(&s.get("/api/search?all=1&page=2").body);
    assert_eq!(p1.len(), 10);
    assert!(!p2.is_empty() && p2[0]["id"] != p1[0]["id"]);
    assert_eq!(p2[0]["rank"], 11);
}

#[test]
fn a_hostile_article_renders_as_text() {
    let s = Server::start();
    let hits = json_lines(&s.get("/api/search?q=zanzibarword").body);
    assert_eq!(hits.len(), 1, "the hostile fixture is indexed");
    let id = hits[0]["id"].as_str().expect("id").to_string();
    for path in [
        format!("/article/{}", enc(&id)),
        "/search?q=zanzibarword".to_string(),
        "/place/pokrovsk".to_string(),
    ] {
        let r = s.get(&path);
        assert_eq!(r.status, 200, "{path}");
        let html = &r.body;
        // Only our own script tag, and no markup from the article.
        assert_eq!(html.matches("<script").count(), 1, "{path}");
        assert!(html.contains("<script src=\"/assets/app.js\" defer></script>"));
        for tag in ["<img", "<b ", "<svg onload", "<a href=\"javascript"] {
            assert!(!html.contains(tag), "{path} contains {tag}");
        }
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("href=\"javascript:"), "{path}");
        // No attribute of any tag is an event handler.
        for tag in html.split('<').skip(1) {
            let head = tag.split('>').next().unwrap_or("");
            for h in ["onerror=", "onload=", "onmouseover="] {
                assert!(!head.contains(h), "{path}: <{head}>");
            }
        }
        assert!(!r.csp.contains("unsafe-inline") && r.csp.contains("default-src 'none'"));
    }
    let article = s.get(&format!("/article/{}", enc(&id))).body;
    assert!(article.contains("&lt;script&gt;alert('title')&lt;/script&gt;"));
    assert!(article.contains("&lt;img src=x onerror=alert('img')&gt;"));
    assert!(
        !article.contains("original article"),
        "javascript: URL not linked"
    );
}

#[test]
fn limits_and_unknown_paths() {
    let s = Server::start();
    let long_query = format!("/search?q={}", "a".repeat(600));
    let long_uri = format!("/search?q=a&x={}", "b".repeat(5000));
    for (path, status, needle) in [
        (long_query.as_str(), 400, "query too long"),
        (long_uri.as_str(), 400, "request too long"),
        ("/api/search?q=x&page=0", 400, "page must be"),
        ("/search?sort=sideways", 400, "sort must be"),
        ("/api/search?q=title:(", 400, "invalid query"),
        ("/search?from=someday", 400, "cannot read"),
        ("/nope", 404, "no such page"),
        ("/article/does-not-exist.txt", 404, "no article"),
        ("/place/nowhere-at-all-xyz", 404, "unknown place"),
        ("/person/nobody%3Anever", 404, "no mentions"),
        ("/assets/..%2FCargo.toml", 404, "no such asset"),
        ("/assets/../Cargo.toml", 404, ""),
        ("/api/place/nowhere-at-all-xyz", 404, "unknown place"),
    ] {
        let r = s.get(path);
        assert_eq!(r.status, status, "{path}: {}", r.body);
        assert!(r.body.contains(needle), "{path}: {}", r.body);
        assert!(!r.body.contains("panicked"), "{path}");
    }
    // The API answers errors in JSON.
    let r = s.get("/api/search?q=title:(");
    assert!(
        serde_json::from_str::<serde_json::Value>(&r.body).expect("json")["error"]
            .as_str()
            .is_some()
    );
    // Read-only: no method but GET, and no request bodies.
    let res = agent()
        .post(&format!("{}/search", s.base))
        .send("x=1")
        .expect("post");
    assert_eq!(res.status().as_u16(), 400);
    let res = agent()
        .put(&format!("{}/search", s.base))
        .send_empty()
        .expect("put");
    assert_eq!(res.status().as_u16(), 405);
}

#[test]
fn keeps_serving_while_the_index_is_updated() {
    let s = Server::start();
    assert!(json_lines(&s.get("/api/search?q=quetzalword").body).is_empty());
    std::fs::write(
        s.corpus().join("late.txt"),
        "Late news from Kramatorsk\nPublished: 2025-11-20\n\nA quetzalword report from Kramatorsk.\n",
    )
    .expect("write");
    let (corpus, index) = (s.corpus(), s.index());
    let indexer = std::thread::spawn(move || reindex(&corpus, &index));
    // Ask all the while: every answer is a 200 until the new article shows.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut found = false;
    while Instant::now() < deadline {
        let r = s.get("/api/search?q=quetzalword");
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(s.get("/search?q=Pokrovsk").status, 200);
        if !json_lines(&r.body).is_empty() {
            found = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    indexer.join().expect("indexer");
    assert!(found, "the server picked up the new commit");
}

#[test]
fn a_network_address_is_warned_about_and_a_missing_index_refused() {
    let s = Server::start();
    let mut child = Command::new(BIN)
        .args(["serve", "--addr", "0.0.0.0:0", "--index"])
        .arg(s.index())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    BufReader::new(child.stderr.take().expect("stderr"))
        .read_line(&mut line)
        .expect("stderr line");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        line.contains("warning") && line.contains("not a loopback"),
        "{line}"
    );
    let out = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(s.dir.path().join("missing"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no index") && !err.contains("panicked"),
        "{err}"
    );
}

/// Headless Chromium: load the search page, click a facet, go back, open a
/// place page; check the rendered DOM and that the map and timeline SVGs
/// have content; save screenshots (into `docs/` with
/// `UPDATE_SCREENSHOTS=1`, else into a temporary folder).
#[test]
fn a_real_browser_searches_filters_and_opens_a_place() {
    use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
    use headless_chrome::{Browser, LaunchOptions};
    use std::ffi::OsStr;

    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    let Some(chromium) = chromium else {
        eprintln!(
            "skipping the browser test: chromium is not installed (apt-get install chromium)"
        );
        return;
    };
    let s = Server::start();
    let profile = tempfile::tempdir().expect("profile dir");
    let shots = if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
    } else {
        s.dir.path().to_path_buf()
    };
    let args: Vec<&OsStr> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    // Chromium puts its singleton socket in a fresh folder of TMPDIR and
    // leaves it there when it is killed: keep it inside the profile, which
    // is removed with the test.
    let chromium_tmp = profile.path().join("tmp");
    std::fs::create_dir_all(&chromium_tmp).expect("chromium tmp dir");
    let envs = std::collections::HashMap::from([(
        "TMPDIR".to_string(),
        chromium_tmp.to_string_lossy().into_owned(),
    )]);
    let options = LaunchOptions::default_builder()
        .path(Some(chromium))
        .process_envs(Some(envs))
        .headless(true)
        .sandbox(false)
        .user_data_dir(Some(profile.path().to_path_buf()))
        .window_size(Some((1200, 900)))
        .args(args)
        .idle_browser_timeout(Duration::from_secs(60))
        .build()
        .expect("launch options");
    let browser = Browser::new(options).expect("start chromium");
    let tab = browser.new_tab().expect("tab");
    let eval = |js: &str| -> serde_json::Value {
        tab.evaluate(js, false)
            .expect("evaluate")
            .value
            .unwrap_or(serde_json::Value::Null)
    };
    // A click navigates asynchronously: wait until the address changes.
    let wait_url = |what: &str, ok: &dyn Fn(&str) -> bool| {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !ok(&tab.get_url()) {
            assert!(
                Instant::now() < deadline,
                "{what}: still at {}",
                tab.get_url()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        tab.wait_until_navigated().expect("navigated");
    };
    let shot = |name: &str| {
        let png = tab
            .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
            .expect("screenshot");
        assert!(png.len() > 10_000, "a blank screenshot");
        std::fs::write(shots.join(name), png).expect("save screenshot");
    };

    // The search page: results and facets, rendered.
    tab.navigate_to(&format!("{}/search?q=Pokrovsk", s.base))
        .expect("navigate")
        .wait_until_navigated()
        .expect("loaded");
    let hits = eval("document.querySelectorAll('article.hit').length");
    assert!(hits.as_u64().unwrap_or(0) > 0, "hits: {hits}");
    let before = eval("document.querySelector('p.summary').textContent");

    // Click a place facet that narrows the results: the URL carries the
    // filter, a chip shows it, and fewer articles match.
    let total = |summary: &serde_json::Value| -> u64 {
        summary
            .as_str()
            .and_then(|t| t.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let nth = eval(&format!(
        "[...document.querySelectorAll('section.facet.places li')]\
         .findIndex(li => +li.querySelector('.count').textContent < {}) + 1",
        total(&before)
    ));
    let nth = nth
        .as_u64()
        .filter(|n| *n > 0)
        .expect("a facet that narrows");
    tab.wait_for_element(&format!("section.facet.places li:nth-child({nth}) a"))
        .expect("the facet link")
        .click()
        .expect("click");
    wait_url("facet click", &|u| u.contains("place="));
    let chip = eval("document.querySelector('ul.active li.chip.place').textContent");
    assert!(
        chip.as_str().is_some_and(|c| c.starts_with("place: ")),
        "{chip}"
    );
    let after = eval("document.querySelector('p.summary').textContent");
    assert!(
        total(&after) > 0 && total(&after) < total(&before),
        "{before} → {after}"
    );
    shot("web-search.png");

    // Back goes to the unfiltered search.
    tab.evaluate("history.back()", false).expect("back");
    wait_url("back", &|u| !u.contains("place="));
    tab.wait_for_element("article.hit").expect("page");

    // Open a place page from a hit's place link.
    tab.navigate_to(&format!("{}/search?q=Pokrovsk", s.base))
        .expect("navigate")
        .wait_until_navigated()
        .expect("loaded");
    tab.wait_for_element("article.hit p.entities a.place[href='/place/pokrovsk']")
        .expect("a Pokrovsk link")
        .click()
        .expect("click");
    wait_url("place link", &|u| u.ends_with("/place/pokrovsk"));
    let crumbs = eval("document.querySelector('nav.breadcrumbs').textContent");
    assert!(
        crumbs
            .as_str()
            .is_some_and(|c| c.contains("Ukraine") && c.contains("Donetsk Oblast")),
        "{crumbs}"
    );
    let bars = eval("document.querySelectorAll('svg.timeline rect.bar').length");
    let dots = eval("document.querySelectorAll('svg.map circle.dot').length");
    assert!(bars.as_u64().unwrap_or(0) > 0, "timeline bars: {bars}");
    assert!(dots.as_u64().unwrap_or(0) > 1, "map dots: {dots}");
    // Bars and dots are drawn with a size, and the outline is an image of
    // the map's width.
    let height = eval(
        "Math.max(...[...document.querySelectorAll('svg.timeline rect.bar')].map(r => r.getBBox().height))",
    );
    assert!(height.as_f64().unwrap_or(0.0) > 10.0, "{height}");
    let outline = eval("document.querySelector('svg.map image').getBBox().width");
    assert!(outline.as_f64().unwrap_or(0.0) > 100.0, "{outline}");
    shot("web-place.png");

    // An article page with its marked entities.
    tab.wait_for_element("ol.mentions li a")
        .expect("an article link")
        .click()
        .expect("click");
    wait_url("article link", &|u| u.contains("/article/"));
    tab.wait_for_element("div.text").expect("article text");
    let marks = eval(
        "document.querySelectorAll('div.text a.place, div.text a.person, div.text a.date').length",
    );
    assert!(marks.as_u64().unwrap_or(0) > 0, "{marks}");
    shot("web-article.png");

    // Control claims: the place page's state per side, the claims page, and
    // an article with its claim sentences marked.
    tab.navigate_to(&format!("{}/place/pokrovsk", s.base))
        .expect("navigate")
        .wait_until_navigated()
        .expect("loaded");
    let states =
        eval("document.querySelectorAll('section.claims table.claim-states tbody tr').length");
    assert!(states.as_u64().unwrap_or(0) > 0, "claim states: {states}");
    let contested =
        eval("document.querySelector('section.claims tr.contested strong.contested').textContent");
    assert_eq!(contested.as_str(), Some("contested"));
    tab.evaluate(
        "document.querySelector('section.claims').scrollIntoView()",
        false,
    )
    .expect("scroll to the claims");
    shot("web-claims.png");
    tab.navigate_to(&format!("{}/claims", s.base))
        .expect("navigate")
        .wait_until_navigated()
        .expect("loaded");
    let rows = eval("document.querySelectorAll('table.claim-places tbody tr').length");
    assert!(rows.as_u64().unwrap_or(0) > 0, "claim places: {rows}");
    tab.wait_for_element("table.claim-states td.ru a[href^='/article/']")
        .expect("a claim's article")
        .click()
        .expect("click");
    wait_url("claim article", &|u| u.contains("/article/"));
    tab.wait_for_element("div.text").expect("article text");
    let claims = eval("document.querySelectorAll('div.text mark.claim').length");
    assert!(claims.as_u64().unwrap_or(0) > 0, "marked claims: {claims}");
    let height =
        eval("document.querySelector('div.text mark.claim').getBoundingClientRect().height");
    assert!(
        height.as_f64().unwrap_or(0.0) > 5.0,
        "the claim is rendered: {height}"
    );
}
