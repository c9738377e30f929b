//! Property tests for the extractors: on any text they never panic, every
//! mention's offsets lie on char boundaries and slice back to its surface,
//! and extraction is deterministic.
//!
//! Random text alone rarely hits the interesting paths (a place name next to
//! an apostrophe, a Cyrillic month after a digit), so the strategy glues
//! building blocks together: words that the extractors care about, in Latin
//! and Cyrillic, with the punctuation, apostrophes and digits that sit next
//! to them in news text, plus arbitrary characters between them.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::gazetteer::{normalize_text, words, Gazetteer, CAPITAL};
use super::{dates, extract, people, places};
use crate::model::{Article, Entities, Format};

/// Pieces of news text the extractors react to. Kept small and generic:
/// the point is to reach their code paths, not to test their accuracy.
const BLOCKS: &[&str] = &[
    // Place names, Latin and Cyrillic, with inflections and apostrophes.
    "Kharkiv",
    "Kharkov",
    "Харків",
    "Харкова",
    "Pokrovsk",
    "Покровськ",
    "Zaporizhzhia",
    "Запоріжжя",
    "Kyiv",
    "Kiev",
    "Києві",
    "Donetsk Oblast",
    "Донецької області",
    "Kherson",
    "Bakhmut",
    "Mariupol",
    "Слов'янськ",
    "Слов’янськ",
    "Ukraine",
    "Russia",
    // Given names, surnames, roles and speech verbs.
    "Volodymyr",
    "Zelensky",
    "Зеленський",
    "Олександр",
    "Ivan",
    "Maria",
    "Mr.",
    "President",
    "governor",
    "said",
    "заявив",
    "сказала",
    // Months, weekdays and date words in three languages.
    "January",
    "February",
    "Nov.",
    "Sept",
    "Monday",
    "yesterday",
    "січня",
    "лютого",
    "листопада",
    "марта",
    "декабря",
    "року",
    "года",
    "г.",
    "in",
    "on",
    "of",
    "the",
    // Numbers that look like days, years and ISO dates.
    "1",
    "17",
    "31",
    "2022",
    "2024-02-17",
    "17.02.2024",
    "02/17/2024",
    "99999999999999999999",
    // Punctuation, apostrophes, dashes and odd white space.
    "'",
    "’",
    "ʼ",
    "ʹs",
    "ʼs",
    "'s",
    "\"",
    "«",
    "»",
    "-",
    "–",
    ".",
    ",",
    "(",
    ")",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\u{a0}",
    "\u{200b}",
    "\u{301}",
    "İ",
    "ß",
    "🇺🇦",
];

/// Text made of building blocks and arbitrary characters.
fn news_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(BLOCKS).prop_map(str::to_string),
        1 => "\\PC{0,4}",
        1 => "[a-zA-Zа-яА-ЯіїєґІЇЄҐ'’ ]{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| {
        let mut text = String::new();
        for (i, p) in pieces.iter().enumerate() {
            // Join with spaces most of the time, glue sometimes, so blocks
            // are both separate words and parts of longer ones.
            if i % 3 != 2 {
                text.push(' ');
            }
            text.push_str(p);
        }
        text
    })
}

fn published() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (1990i32..2040, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    ]
}

/// Checks one mention: offsets inside the text, on char boundaries, and the
/// surface equal to the slice.
fn check_span(text: &str, kind: &str, surface: &str, start: usize, end: usize) {
    assert!(
        start < end && end <= text.len(),
        "{kind} {surface:?}: bad range {start}..{end} in a text of {} bytes: {text:?}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{kind} {surface:?}: {start}..{end} not on char boundaries: {text:?}"
    );
    assert_eq!(
        &text[start..end],
        surface,
        "{kind}: surface differs from the text at {start}..{end}: {text:?}"
    );
}

fn check_entities(text: &str, e: &Entities) {
    for place in &e.places {
        for m in &place.mentions {
            check_span(text, "place", &m.text, m.start, m.end);
        }
    }
    for person in &e.people {
        for m in &person.mentions {
            check_span(text, "person", &m.text, m.start, m.end);
        }
    }
    for d in &e.dates {
        check_span(text, "date", &d.text, d.start, d.end);
    }
}

fn article(title: Option<String>, body: String, published: Option<NaiveDate>) -> Article {
    Article {
        id: "p/x.txt".into(),
        path: "p/x.txt".into(),
        format: Format::Txt,
        title,
        published,
        source: None,
        url: None,
        lang: None,
        body,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Each extractor on its own: no panic, valid spans.
    #[test]
    fn extractors_give_valid_spans(text in news_text(), published in published()) {
        let gaz = Gazetteer::builtin();
        let found = places::find_places(&text, gaz);
        let persons = people::find_people(&text, &found);
        let ds = dates::find_dates(&text, published);
        let _ = dates::find_published(&text);
        let _ = dates::parse_date(&text);
        let _ = people::person_key(&text);
        check_entities(&text, &Entities { places: found, people: persons, dates: ds, ..Entities::default() });
    }

    /// The whole extraction on an article (title + body): valid spans into
    /// [`Article::text`], and the same result twice.
    #[test]
    fn extract_is_valid_and_deterministic(
        title in prop::option::of(news_text()),
        body in news_text(),
        published in published(),
    ) {
        let gaz = Gazetteer::builtin();
        let a = article(title, body, published);
        let first = extract(&a, gaz);
        check_entities(&a.text(), &first);
        let second = extract(&a, gaz);
        prop_assert_eq!(first, second);
    }
}

/// The capitalised words of `text` and their normalised forms, as
/// [`normalize_text`] marks them with [`CAPITAL`].
fn capitals_by_normalizing(text: &str) -> Vec<(usize, String)> {
    let (mut norm, mut map) = (String::new(), Vec::new());
    normalize_text(text, &mut norm, &mut map);
    let mut out = Vec::new();
    for (at, _) in norm.match_indices(CAPITAL) {
        let from = at + CAPITAL.len_utf8();
        let to = norm[from..]
            .find([' ', CAPITAL])
            .map_or(norm.len(), |n| from + n);
        out.push((map[from] as usize, norm[from..to].to_string()));
    }
    out
}

/// The same through the word cursor, which reads the original text.
fn capitals_by_cursor(text: &str) -> Vec<(usize, String)> {
    let mut scratch = (String::new(), Vec::new());
    words::capitals(text)
        .map(|start| {
            let mut word = String::new();
            let end = words::end(text, start);
            words::push_normalized(&text[start..end], &mut word, &mut scratch);
            (start, word)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The place scanner finds capitalised words without normalising the
    /// whole text: it must see the same words, with the same forms, as
    /// [`normalize_text`]. (Two documented differences are left out of the
    /// alphabet: the `S` of a possessive written in capitals, "KYIV'S", and
    /// the signs × and ÷, which the normaliser keeps as letters.)
    #[test]
    fn word_cursor_agrees_with_normalize_text(text in news_text()) {
        let text = text.replace(['×', '÷'], " ");
        let expected: Vec<_> = capitals_by_normalizing(&text)
            .into_iter()
            .filter(|(at, _)| {
                let before = &text[..*at];
                let bare = before.trim_end_matches(super::gazetteer::is_apostrophe);
                let possessive = bare.len() < before.len() && bare.ends_with(char::is_alphanumeric);
                !(text[*at..].starts_with('S') && possessive)
            })
            .collect();
        prop_assert_eq!(capitals_by_cursor(&text), expected, "text {:?}", text);
    }
}

#[test]
fn word_cursor_cases() {
    let cases: &[(&str, &[(usize, &str)])] = &[
        ("in Kharkiv's east", &[(3, "kharkiv")]),
        (
            "O'Brien met McDonald in Kam'ianske",
            &[(0, "obrien"), (12, "mcdonald"), (24, "kamianske")],
        ),
        ("«Київ» і Слов’янськ", &[(2, "київ"), (16, "словянськ")]),
        (
            "Dîmîtrov, 'Lviv' and x\u{301}Kyiv",
            &[(0, "dimitrov"), (13, "lviv")],
        ),
        ("ЁЛКИ и Ёлки", &[(0, "елки"), (12, "елки")]),
        // ʹ and ʼ are letters to Unicode but apostrophes here.
        ("Hostomelʹsʹkyy Kyivʼs", &[(0, "hostomel"), (17, "kyiv")]),
    ];
    for (text, expected) in cases {
        let got = capitals_by_cursor(text);
        let want: Vec<(usize, String)> = expected
            .iter()
            .map(|&(at, w)| (at, w.to_string()))
            .collect();
        assert_eq!(got, want, "{text:?}");
        assert_eq!(capitals_by_normalizing(text), want, "{text:?}");
    }
}

/// Must-not cases the strategy may miss: inputs that are empty, made of
/// combining marks only, or of one very long word.
#[test]
fn degenerate_texts_give_valid_spans() {
    let long_word = "Харків".repeat(5_000);
    let digits = "1".repeat(10_000);
    let apostrophes = "'’ʼ".repeat(2_000);
    let cases: &[&str] = &[
        "",
        " ",
        "\u{301}\u{301}\u{301}",
        &long_word,
        &digits,
        &apostrophes,
        "Kharkiv'",
        "'Kharkiv",
        "Слов'",
        "31 лютого 2024",
        "0 January 0",
        "President",
        "Mr. Mr. Mr.",
    ];
    let gaz = Gazetteer::builtin();
    for text in cases {
        let a = article(None, text.to_string(), NaiveDate::from_ymd_opt(2024, 2, 17));
        let e = extract(&a, gaz);
        check_entities(&a.text(), &e);
        assert_eq!(e, extract(&a, gaz), "not deterministic on {text:?}");
    }
}
