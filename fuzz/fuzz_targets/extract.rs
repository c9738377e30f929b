//! Fuzz the extractors directly: the input, read as UTF-8 (lossily), is the
//! body of an article; every mention must slice back to its surface and a
//! second run must give the same result.

#![no_main]

use chrono::NaiveDate;
use frontline::extract::{dates, extract, gazetteer::Gazetteer, people};
use frontline::model::{Article, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article {
        id: "fuzz.txt".into(),
        path: "fuzz.txt".into(),
        format: Format::Txt,
        title: None,
        published: NaiveDate::from_ymd_opt(2024, 2, 17),
        source: None,
        url: None,
        lang: None,
        body: text,
    };
    let gazetteer = Gazetteer::builtin();
    let entities = extract(&article, gazetteer);
    let text = article.text();
    for place in &entities.places {
        for m in &place.mentions {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
        }
    }
    for person in &entities.people {
        for m in &person.mentions {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
        }
    }
    for d in &entities.dates {
        assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
    }
    assert_eq!(entities, extract(&article, gazetteer), "not deterministic");
    let _ = dates::find_published(&text);
    let _ = dates::parse_date(&text);
    let _ = people::person_key(&text);
});
