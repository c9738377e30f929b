//! Entity extraction: pure functions from article text to places, people,
//! dates and control claims. No I/O, no tantivy, no clap: everything here takes `&str` (plus the
//! gazetteer or a publication date) and returns plain [`crate::model`] types.

pub mod claims;
pub mod dates;
pub mod gazetteer;
pub mod people;
pub mod places;
pub mod translit;

use crate::model::{Article, Entities};
use gazetteer::Gazetteer;

/// Version of the extraction rules. Bump it with any change to what the
/// extractors find: an index records it (in its extraction fingerprint, with
/// a hash of the bundled data and one of the extractors' source files, which
/// catches a change made without a bump) and extracts every file again when
/// it differs.
pub const RULES_VERSION: u32 = 5;

/// Extract every entity from an article's text (title and body, see
/// [`Article::text`]; offsets are into that text).
///
/// Places come first because people extraction must not report a place name
/// ("Mirnograd") as a person; dates are resolved against the publication date.
pub fn extract(article: &Article, gazetteer: &Gazetteer) -> Entities {
    let text = article.text();
    let mut entities = Entities::default();
    // Real articles are one piece; a huge file (a dump, one sentence
    // repeated a million times) is read in pieces cut at paragraph or line
    // breaks, so the extractors' working memory stays bounded.
    for (offset, piece) in pieces(&text, MAX_PIECE) {
        let places = places::find_places(piece, gazetteer);
        let people = people::find_people(piece, &places);
        let dates = dates::find_dates(piece, article.published);
        let claims = claims::find_claims(piece, &places, &people, &dates, article.published);
        merge(&mut entities, offset, places, people, dates, claims);
    }
    entities
}

/// Build, once per process, the tables each pass builds on first use: the
/// gazetteer's name matcher, the claim lexicon's patterns, the people and
/// date lexicons. It extracts a few sentences in English, Ukrainian and
/// Russian and drops the result. An indexing run calls it on a side thread
/// while it walks the folder, so its workers do not wait for the tables.
pub fn warm_up(gazetteer: &Gazetteer) {
    const TEXTS: [&str; 3] = [
        "Russian forces captured Pokrovsk on November 4, the Ministry of Defence said. \
         Ukraine's army denied it; Oleksandr Syrskyi said on Monday that the city, \
         which was occupied in part, is still held.",
        "Російські війська захопили Покровськ 4 листопада, заявив Олександр Сирський. \
         ЗСУ звільнили частину міста у березні.",
        "Российские войска заняли Покровск 4 ноября, сообщил Сергей Шойгу. \
         ВСУ контролируют окраины города в июне.",
    ];
    for text in TEXTS {
        let places = places::find_places(text, gazetteer);
        let people = people::find_people(text, &places);
        let dates = dates::find_dates(text, None);
        claims::find_claims(text, &places, &people, &dates, None);
    }
}

/// Bytes of text extracted at once.
const MAX_PIECE: usize = 1 << 20;

/// Cut `text` into pieces of at most about `max` bytes at line breaks (or
/// at a char boundary when a line is longer), with their byte offsets.
fn pieces(text: &str, max: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let mut end = start + max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let cut = text[start..end]
            .rfind('\n')
            .map(|i| start + i + 1)
            .filter(|&c| c > start)
            .unwrap_or(end);
        out.push((start, &text[start..cut]));
        start = cut;
    }
    out.push((start, &text[start..]));
    out
}

/// Add the entities of one piece (offsets relative to it) to the article's,
/// joining entities with the same id or key and keeping at most
/// [`MAX_MENTIONS`] mentions of each.
fn merge(
    into: &mut Entities,
    offset: usize,
    places: Vec<crate::model::Place>,
    people: Vec<crate::model::Person>,
    dates: Vec<crate::model::DateMention>,
    claims: Vec<crate::model::Claim>,
) {
    join(
        &mut into.places,
        places,
        |a, b| a.id == b.id,
        |p| &mut p.mentions,
        |m| {
            m.start += offset;
            m.end += offset;
        },
    );
    join(
        &mut into.people,
        people,
        |a, b| a.key == b.key,
        |p| &mut p.mentions,
        |m| {
            m.start += offset;
            m.end += offset;
        },
    );
    into.dates.extend(dates.into_iter().map(|mut d| {
        d.start += offset;
        d.end += offset;
        d
    }));
    for p in &mut into.places {
        p.mentions.truncate(MAX_MENTIONS);
    }
    for p in &mut into.people {
        p.mentions.truncate(MAX_MENTIONS);
    }
    into.dates.truncate(MAX_MENTIONS);
    into.claims.extend(claims.into_iter().map(|mut c| {
        c.start += offset;
        c.end += offset;
        c
    }));
    into.claims.truncate(MAX_MENTIONS);
}

/// Add `items` (places or people of one piece) to `into`: each item's
/// mentions shifted by `shift`, and an item with the identity of one already
/// there (`same`) joined to it.
fn join<E, M>(
    into: &mut Vec<E>,
    items: Vec<E>,
    same: impl Fn(&E, &E) -> bool,
    mentions: impl Fn(&mut E) -> &mut Vec<M>,
    shift: impl Fn(&mut M),
) {
    for mut item in items {
        mentions(&mut item).iter_mut().for_each(&shift);
        match into.iter_mut().find(|q| same(q, &item)) {
            Some(q) => mentions(q).append(mentions(&mut item)),
            None => into.push(item),
        }
    }
}

#[cfg(test)]
mod piece_tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_at_line_breaks() {
        let text = "line one\nline two\nЛінія три\n".repeat(50);
        for max in [7, 16, 64, 10_000] {
            let parts = pieces(&text, max);
            let joined: String = parts.iter().map(|(_, p)| *p).collect();
            assert_eq!(joined, text);
            for (offset, p) in &parts {
                assert_eq!(&text[*offset..*offset + p.len()], *p);
            }
        }
    }

    #[test]
    fn a_huge_article_keeps_offsets_and_bounded_mentions() {
        let sentence = "Russian forces shelled Pokrovsk on November 4, officials said.\n";
        let article = Article {
            id: "big.txt".into(),
            path: "big.txt".into(),
            format: crate::model::Format::Txt,
            title: None,
            published: chrono::NaiveDate::from_ymd_opt(2025, 11, 6),
            source: None,
            url: None,
            lang: None,
            body: sentence.repeat(40_000),
        };
        let e = extract(&article, Gazetteer::builtin());
        let text = article.text();
        let pokrovsk = e
            .places
            .iter()
            .find(|p| p.name == "Pokrovsk")
            .expect("Pokrovsk");
        assert_eq!(pokrovsk.mentions.len(), MAX_MENTIONS);
        assert!(e.dates.len() <= MAX_MENTIONS);
        for m in &pokrovsk.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
        assert_eq!(e.places.iter().filter(|p| p.name == "Pokrovsk").count(), 1);

        // Mentions in later pieces keep offsets into the whole text, and a
        // person named in two pieces is one person.
        let filler = "the weather was calm and nothing happened that day.\n".repeat(25_000);
        let body = format!(
            "Oleksandr Syrskyi said troops held Kharkiv.\n{filler}Oleksandr Syrskyi said Kharkiv held again.\n"
        );
        let article = Article { body, ..article };
        let text = article.text();
        assert!(text.len() > 1_000_000, "needs more than one piece");
        let e = extract(&article, Gazetteer::builtin());
        let kharkiv = e
            .places
            .iter()
            .find(|p| p.name == "Kharkiv")
            .expect("Kharkiv");
        assert_eq!(kharkiv.mentions.len(), 2);
        let syrskyi: Vec<_> = e
            .people
            .iter()
            .filter(|p| p.name.contains("Syrskyi"))
            .collect();
        assert_eq!(syrskyi.len(), 1, "{:?}", e.people);
        assert_eq!(syrskyi[0].mentions.len(), 2);
        for m in &kharkiv.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
        for m in &syrskyi[0].mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
        assert!(kharkiv.mentions[1].start > 1_000_000);
    }
}

/// Mentions kept per entity (and dates per article).
pub const MAX_MENTIONS: usize = 1000;

#[cfg(test)]
mod props;
