//! Synthetic war reporting for `frontline generate` (hidden): write N synthetic war-reporting articles for
//! benchmarks and scale tests, without `../shared`.
//!
//! Articles are built from sentence templates filled with places drawn from
//! the built-in gazetteer (front-line oblasts, with their Latin and Cyrillic
//! variants), a fixed cast of people with several spellings each, and dates
//! in the forms news uses. Deterministic for a given seed; article `i`
//! depends only on `(seed, i)`. Formats: 85% txt, 5% md, 5% html, 5% json.

use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{Days, NaiveDate};

use crate::extract::gazetteer::Gazetteer;

/// People and their spellings; the first is the usual English one.
const PEOPLE: &[&[&str]] = &[
    &[
        "Volodymyr Zelensky",
        "Volodymyr Zelenskyy",
        "Zelensky",
        "Зеленський",
    ],
    &["Maryana Bezuhla", "Maryana Bezugla", "Bezuhla", "Безугла"],
    &[
        "Oleksandr Syrskyi",
        "Alexander Syrsky",
        "Syrskyi",
        "Сирський",
    ],
    &["Ihor Mosiichuk", "Igor Mosiychuk", "Mosiichuk"],
    &["Andriy Yermak", "Andrei Ermak", "Yermak"],
    &["Dmitry Peskov", "Dmitri Peskov", "Peskov", "Песков"],
    &["Vadym Filashkin", "Vadim Filashkin", "Filashkin"],
    &["Oleh Syniehubov", "Oleg Sinegubov", "Syniehubov"],
    &["Ivan Fedorov", "Ivan Fyodorov", "Fedorov"],
    &["Vitali Klitschko", "Vitaliy Klychko", "Klitschko"],
    &["Denys Shmyhal", "Denis Shmygal", "Shmyhal"],
    &["Iryna Vereshchuk", "Irina Vereshchuk", "Vereshchuk"],
];

const ROLES: &[&str] = &[
    "a Ukrainian lawmaker",
    "the regional governor",
    "a military spokesperson",
    "a senior official",
    "the Kremlin spokesperson",
    "a military analyst",
];

const TITLES: &[&str] = &[
    "Fighting intensifies near {P}",
    "Drone strike hits {P} overnight",
    "{N} warns of pressure on {P} front",
    "Evacuation continues from {P}",
    "Shelling damages homes in {P}",
    "{P}: what we know so far",
];

const SENTENCES: &[&str] = &[
    "Russian forces shelled {P} {D}, damaging several residential buildings, {N}, {R}, said.",
    "According to {N}, the situation around {P} remained difficult but under control.",
    "{N} wrote on Telegram that air defence units had shot down drones over {P} {D}.",
    "Local authorities in {P} said power had been restored to most households {D}.",
    "The road between {P} and {Q} has been under constant drone surveillance for weeks.",
    "Military bloggers claimed that assault groups had reached the outskirts of {P}.",
    "{N}, {R}, told reporters that reinforcements were moving towards {Q}.",
    "Residents of {P} queued for water as pumping stations stood idle after the strikes.",
    "Humanitarian convoys reached {Q} {D} after a delay of several days.",
    "The general staff reported 34 combat clashes along the {P} direction in the past day.",
    "Volunteers in {Q} said demand for generators had doubled since the autumn.",
    "Analysts said the fight for {P} could shape the front for months to come.",
    "Schools in {P} moved classes online until further notice.",
    "A missile struck an industrial site on the edge of {Q}, officials said.",
    "There was no independent confirmation of the claims about {P}.",
    "Engineers worked through the night to repair a damaged bridge near {Q}.",
];

/// Write `n` articles under `out`, returning the number of bytes written.
pub fn generate(out: &Path, n: usize, seed: u64, gaz: &Gazetteer) -> anyhow::Result<u64> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let places = front_line_places(gaz);
    if places.is_empty() {
        anyhow::bail!("the gazetteer has no front-line places");
    }
    let mut bytes = 0u64;
    for i in 0..n {
        let mut rng = fastrand::Rng::with_seed(seed.wrapping_mul(1_000_003).wrapping_add(i as u64));
        let (name, content) = article(&mut rng, i, &places);
        let dir = out.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let path: PathBuf = dir.join(name);
        std::fs::write(&path, &content).with_context(|| format!("writing {}", path.display()))?;
        bytes += content.len() as u64;
    }
    Ok(bytes)
}

/// Settlements of the front-line oblasts, each with the names to use.
fn front_line_places(gaz: &Gazetteer) -> Vec<Vec<String>> {
    const OBLASTS: &[&str] = &[
        "donetsk-oblast",
        "kharkiv-oblast",
        "zaporizhzhia-oblast",
        "kherson-oblast",
        "luhansk-oblast",
        "sumy-oblast",
    ];
    let mut out: Vec<Vec<String>> = gaz
        .entries()
        .iter()
        .filter(|e| matches!(e.kind.as_str(), "city" | "town"))
        .filter(|e| e.parent.as_deref().is_some_and(|p| OBLASTS.contains(&p)))
        .filter(|e| !e.ambiguous)
        .map(|e| {
            let mut names = vec![e.name.clone()];
            names.extend(
                e.variants
                    .iter()
                    .filter(|v| !v.ambiguous && v.text.chars().count() > 3)
                    .take(4)
                    .map(|v| v.text.clone()),
            );
            names
        })
        .collect();
    out.sort();
    out
}

fn pick<T: Copy>(rng: &mut fastrand::Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

/// A name for a place: usually the canonical one, sometimes a variant.
fn place_name(rng: &mut fastrand::Rng, names: &[String]) -> String {
    if names.len() > 1 && rng.u8(..100) < 25 {
        names[1 + rng.usize(..names.len() - 1)].clone()
    } else {
        names[0].clone()
    }
}

fn date_phrase(rng: &mut fastrand::Rng, published: NaiveDate) -> String {
    let back = published - Days::new(rng.u64(1..20));
    match rng.u8(..6) {
        0 => "yesterday".to_string(),
        1 => format!("on {}", back.format("%B %-d")),
        2 => format!("on {}", back.format("%-d %B %Y")),
        3 => format!("on {}", back.format("%d.%m.%Y")),
        4 => "overnight".to_string(),
        _ => format!("on {}", back.format("%A")),
    }
}

fn article(rng: &mut fastrand::Rng, i: usize, places: &[Vec<String>]) -> (String, String) {
    let start = NaiveDate::from_ymd_opt(2022, 2, 24).unwrap_or_default();
    let published = start + Days::new(rng.u64(0..1375));
    let focus = places[rng.usize(..places.len())].clone();
    let fill = |rng: &mut fastrand::Rng, template: &str| -> String {
        let person = pick(rng, PEOPLE);
        let name = pick(rng, person);
        let role = pick(rng, ROLES);
        let other = &places[rng.usize(..places.len())];
        template
            .replace("{P}", &place_name(rng, &focus))
            .replace("{Q}", &place_name(rng, other))
            .replace("{N}", name)
            .replace("{R}", role)
            .replace("{D}", &date_phrase(rng, published))
    };
    let title_template = pick(rng, TITLES);
    let title = fill(rng, title_template);
    let mut paragraphs = Vec::new();
    for _ in 0..rng.usize(6..14) {
        let sentences: Vec<String> = (0..rng.usize(3..6))
            .map(|_| {
                let template = pick(rng, SENTENCES);
                fill(rng, template)
            })
            .collect();
        paragraphs.push(sentences.join(" "));
    }
    let body = paragraphs.join("\n\n");
    let date = published.to_string();
    let stem = format!("{date}-{i:06}");
    match rng.u8(..100) {
        0..=84 => (
            format!("{stem}.txt"),
            format!("{title}\nPublished: {date}\nSource: Synthetic Wire\n\n{body}\n"),
        ),
        85..=89 => (
            format!("{stem}.md"),
            format!("---\ntitle: \"{title}\"\ndate: {date}\nsource: Synthetic Weekly\n---\n\n{body}\n"),
        ),
        90..=94 => {
            let paras: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
            (
                format!("{stem}.html"),
                format!(
                    "<html><head><title>{title}</title><meta property=\"article:published_time\" content=\"{date}T08:00:00Z\"><meta property=\"og:site_name\" content=\"Synthetic Daily\"></head><body><nav>Home News</nav><article><h1>{title}</h1>\n{paras}</article><footer>Synthetic Daily</footer></body></html>\n"
                ),
            )
        }
        _ => (
            format!("{stem}.json"),
            serde_json::json!({"title": title, "published": date, "source": "Synthetic JSON", "body": body})
                .to_string(),
        ),
    }
}
