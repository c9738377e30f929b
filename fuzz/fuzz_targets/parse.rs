//! Fuzz the article parsers: arbitrary bytes through `ingest::parse` in every
//! format, then the extractors on each article that comes out.
//!
//! The first byte picks the format, so one corpus covers all five parsers
//! and libFuzzer can learn which prefix reaches which one.

#![no_main]

use frontline::extract::{extract, gazetteer::Gazetteer};
use frontline::ingest;
use frontline::model::Format;
use libfuzzer_sys::fuzz_target;

const FORMATS: [Format; 5] = [
    Format::Txt,
    Format::Md,
    Format::Html,
    Format::Json,
    Format::Jsonl,
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(first) % FORMATS.len()];
    let Ok(parsed) = ingest::parse("fuzz/input", format, bytes) else {
        return;
    };
    assert!(!parsed.articles.is_empty(), "parse returned no article");
    let gazetteer = Gazetteer::builtin();
    for article in &parsed.articles {
        assert!(!article.body.trim().is_empty(), "empty body returned");
        let entities = extract(article, gazetteer);
        let text = article.text();
        let spans = entities
            .places
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| (m.start, m.end, &m.text)))
            .chain(
                entities
                    .people
                    .iter()
                    .flat_map(|p| p.mentions.iter().map(|m| (m.start, m.end, &m.text))),
            )
            .chain(entities.dates.iter().map(|d| (d.start, d.end, &d.text)));
        for (start, end, surface) in spans {
            assert_eq!(text.get(start..end), Some(surface.as_str()));
        }
    }
});
