//! Control claims: statements that a named place is held, taken, partly
//! held, entered or encircled by one side ("Russian forces have taken full
//! control of Artemovsk, Russia's defence ministry said"), in English,
//! Ukrainian and Russian.
//!
//! Pure: it reads the text and the places, people and dates already found in
//! it, and returns [`Claim`]s. No I/O, no index.
//!
//! # How a claim is found
//!
//! 0. **The gate.** One Aho-Corasick automaton over the stems of every
//!    trigger of the three languages (each trigger lists its own) finds
//!    where a trigger could start a word. A text with none has no claim
//!    and costs one scan; a sentence with none (or without a place) is
//!    skipped before any regex runs, and in the others only the triggers
//!    whose stems are there run their regex.
//! 1. **Sentences and clauses.** The text is cut into sentences, and each
//!    sentence into clauses at `;`, "while", "but", "as", "after", "а",
//!    "але", "но", … A question is never a claim.
//! 2. **Triggers.** Each language has a lexicon of control phrases with
//!    their case and tense forms, each of one kind: *take* (captured,
//!    liberated, entered, cleared, взяли, звільнили, зайшли, зачистили), *lose*
//!    (withdrew from, lost control of, відійшли з, оставили), *fall* (fell, the
//!    fall of, падение), *hold* (under Russian control, Ukrainian-held, под
//!    контролем ВС РФ), *occupied* (occupied, окупований) and *encircle*
//!    (encircled, surrounded, в оточенні, котёл). The trigger gives the extent:
//!    entering, clearing, a foothold, a share or a part ("80% of", "most
//!    of", "the eastern part of", "several blocks in", "mostly") make it
//!    `partial`.
//! 3. **Places.** A trigger claims the places of its clause that stand where
//!    its object or subject stands: after an active verb ("captured
//!    Melitopol"), before a passive or a state ("Izium was retaken"), or
//!    after "of" for a noun ("the fall of Bakhmut"). A place after "near",
//!    "towards", "around" or before "direction" is never claimed: fighting
//!    near a town says nothing about who holds it. Countries, seas, rivers
//!    and continents are not claimed.
//! 4. **Controller.** Side cues are the words for each side's forces and
//!    state ("Russian troops", "Kyiv", "ЗСУ", "ВС РФ", "окупанти"; "the
//!    enemy" and "our troops" take their side from the claimant or the
//!    text's language). For *take* the controller is the side of the subject
//!    (or of the agent after "by"); for *lose* it is the side opposite the
//!    subject; *hold* carries the side in its own words; unmarked
//!    *occupied* is Russian (Ukrainian for places in Russia); for
//!    *encircle* it is the side of an active subject, else the side opposite
//!    the troops named as trapped. Russian official "liberated"
//!    (освобождён) without a subject is a capture by the claimant's side, or
//!    by the side whose language the text is in. With no side to be found
//!    the claim is dropped: precision comes first.
//! 5. **Not claims.** A trigger is dropped when its clause (up to the
//!    trigger) shows a plan, a condition, a wish or a negation: "would",
//!    "could", "plans to", "trying to", "on the brink of", "to avoid", "if",
//!    "not", "мог бы", "намагаються", "якщо", "не". A denial ("Ukraine
//!    rejects reports of Pokrovsk's fall", "спростували") is kept as a claim
//!    with `denial` set, made by the denier.
//! 6. **Claimant.** The speaker of the sentence: a person found by people
//!    extraction next to an attribution ("said", "according to", "заявив",
//!    "по словам"), or a body ("the Russian Defence Ministry", "the General
//!    Staff of the Armed Forces of Ukraine", "Міноборони РФ", "ISW"). A
//!    pronoun ("according to her", "he said") is the person named last in
//!    the sentences before; "the ministry" is the body named last; and a
//!    following "This was confirmed by X" names the claimant of a sentence
//!    without one. A person's side comes from their role and the words
//!    before their name ("another Ukrainian politician", "People's Deputy
//!    of Ukraine", "Russian-installed", "American"), else from a short
//!    register of public figures of the war. A claim with no speaker is
//!    stated as fact (claimant `None`).
//! 7. **Date.** A day named in the sentence ("on November 4"), else the
//!    publication date.

mod anaphora;
mod claimant;
mod controller;
mod gate;
mod lexicon;
mod reading;
mod text;
mod triggers;

/// Texts for the tests that compare a fast path with its plain form: the
/// given table sentences, the bundled corpus, and the news texts of
/// `../shared` when present (`who` names the test in the notice).
#[cfg(test)]
fn corpus_and_news_texts(mut texts: Vec<String>, who: &str) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in walkdir::WalkDir::new(root.join("corpus")).sort_by_file_name() {
        let entry = entry.expect("corpus entry");
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).expect("corpus file");
            texts.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    let news = root.join("../shared/data/ukraine-war-news/articles.jsonl");
    match std::fs::read_to_string(&news) {
        Ok(raw) => texts.extend(raw.lines().filter_map(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .ok()
                .and_then(|a| a["text"].as_str().map(String::from))
        })),
        Err(_) => eprintln!("{who} test: ../shared news absent, corpus only"),
    }
    texts
}

use self::anaphora::*;
use self::claimant::*;
use self::controller::*;
use self::gate::*;
use self::lexicon::*;
use self::reading::*;
use self::text::*;
use crate::extract::gazetteer::Gazetteer;
use crate::extract::people::person_key;
use crate::model::{
    Claim, ClaimPlace, Claimant, DateMention, Extent, Granularity, Person, Place, Side,
};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Find the control claims of a text.
///
/// `places`, `people` and `dates` are what the other extractors found in
/// the same `text` (offsets into it); `published` dates a claim whose
/// sentence names no day. Claims come in text order, one per (sentence,
/// place, controller, extent).
///
/// ```
/// use frontline::extract::{claims::find_claims, gazetteer::Gazetteer, places::find_places};
/// use frontline::model::{Extent, Side};
/// let text = "Russian forces have taken full control of Avdiivka, the Russian Defence Ministry said.";
/// let places = find_places(text, Gazetteer::builtin());
/// let claims = find_claims(text, &places, &[], &[], None);
/// assert_eq!(claims[0].place.name, "Avdiivka");
/// assert_eq!((claims[0].controller, claims[0].extent), (Side::Ru, Extent::Full));
/// assert_eq!(claims[0].claimant.as_ref().and_then(|c| c.side), Some(Side::Ru));
/// ```
pub fn find_claims(
    text: &str,
    places: &[Place],
    people: &[Person],
    dates: &[DateMention],
    published: Option<NaiveDate>,
) -> Vec<Claim> {
    if places.is_empty() {
        return Vec::new();
    }
    let lex = &*LEX;
    // Where a trigger word could start: no stem, no claim.
    let starts = trigger_starts(text, lex);
    if starts.is_empty() {
        return Vec::new();
    }
    // The text's language: read only for a sentence whose own letters do
    // not tell (no letters, or Cyrillic of neither alphabet's own).
    let doc_lang = std::cell::OnceCell::new();
    let sentences = sentences(text);
    // Place mentions that can be claimed, in text order.
    let mut spots: Vec<Spot> = places
        .iter()
        .filter(|p| claimable(&p.kind))
        .flat_map(|p| {
            p.mentions.iter().map(move |m| Spot {
                place: p,
                start: m.start,
                end: m.end,
            })
        })
        .collect();
    spots.sort_by_key(|s| s.start);
    let mut out: Vec<Claim> = Vec::new();
    // Sentences, stems and spots all come in text order: one cursor each.
    let (mut next_stem, mut next_spot) = (0usize, 0usize);
    let mut here: Vec<&Spot> = Vec::new();
    for (si, sent) in sentences.iter().enumerate() {
        while next_stem < starts.len() && starts[next_stem].0 < sent.start {
            next_stem += 1;
        }
        while next_spot < spots.len() && spots[next_spot].start < sent.start {
            next_spot += 1;
        }
        // The triggers whose stems start a word in this sentence.
        let mask = starts[next_stem..]
            .iter()
            .take_while(|(at, _)| *at < sent.end)
            .fold(0u64, |m, (_, t)| m | t);
        if mask == 0 {
            continue;
        }
        here.clear();
        here.extend(
            spots[next_spot..]
                .iter()
                .take_while(|p| p.start < sent.end)
                // (looked up only here, in sentences with a trigger)
                .filter(|p| p.end <= sent.end && !inside_russia(p.place)),
        );
        let s = &text[sent.clone()];
        // "the town", "місто": the town named last in this or the two
        // sentences before, when the sentence speaks of one.
        let prior = if si > 0 && ANAPHOR.is_match(s) {
            let from = sentences[si.saturating_sub(2)].start;
            spots[..next_spot]
                .iter()
                .rev()
                .take_while(|p| p.start >= from)
                .find(|p| {
                    matches!(p.place.kind.as_str(), "city" | "town" | "village")
                        && !inside_russia(p.place)
                })
        } else {
            None
        };
        if (here.is_empty() && prior.is_none()) || s.trim_end().ends_with('?') {
            continue;
        }
        let lang = lang_of(s, || *doc_lang.get_or_init(|| lang_of(text, || Lang::En)));
        let ctx = Ctx {
            text,
            sent: sent.clone(),
            s,
            lang,
            lex,
        };
        let found = sentence_claims(&ctx, &here, prior, mask);
        if found.is_empty() {
            continue;
        }
        let date = dates
            .iter()
            .filter(|d| d.granularity == Granularity::Day)
            .find(|d| d.start >= sent.start && d.end <= sent.end)
            .and_then(DateMention::first_day)
            .or(published);
        let mut claimants: Vec<(usize, Option<Claimant>)> = Vec::new();
        for f in found {
            let claimant = match claimants.iter().find(|(at, _)| *at == f.at) {
                Some((_, c)) => c.clone(),
                None => {
                    let c = find_claimant(&ctx, people, &sentences, si, f.at);
                    claimants.push((f.at, c.clone()));
                    c
                }
            };
            let controller = match f.controller {
                Ctl::Side(side) => side,
                // "liberated" with no subject: the claimant's side, else
                // the side whose language the text is in.
                Ctl::Speaker => match claimant.as_ref().and_then(|c| c.side) {
                    Some(side @ (Side::Ru | Side::Ua)) => side,
                    _ => match (lang, f.fact_side) {
                        (Lang::Ru, _) => Side::Ru,
                        (Lang::Uk, _) => Side::Ua,
                        (Lang::En, Some(side)) => side,
                        (Lang::En, None) => continue,
                    },
                },
                Ctl::AgainstSpeaker => match claimant.as_ref().and_then(|c| c.side) {
                    Some(side @ (Side::Ru | Side::Ua)) => side.opposite(),
                    _ => match lang {
                        Lang::Ru => Side::Ua,
                        Lang::Uk => Side::Ru,
                        Lang::En => continue,
                    },
                },
            };
            // An unmarked body ("the defence ministry said") announcing a
            // gain speaks for the side that made it.
            let claimant = match claimant.clone() {
                Some(c) if c.side.is_none() && c.person.is_none() && f.own_gain => Some(Claimant {
                    side: Some(controller),
                    ..c
                }),
                c => c,
            };
            let claim = Claim {
                place: ClaimPlace {
                    id: f.place.id.clone(),
                    name: f.place.name.clone(),
                },
                controller,
                extent: f.extent,
                claimant,
                denial: f.denial,
                date,
                sentence: s.to_string(),
                start: sent.start,
                end: sent.end,
            };
            let dup = out.iter().any(|c| {
                c.start == claim.start
                    && c.place.id == claim.place.id
                    && c.controller == claim.controller
                    && c.extent == claim.extent
            });
            if !dup {
                out.push(claim);
            }
        }
    }
    out
}

/// Kinds of place whose control can be claimed.
fn claimable(kind: &str) -> bool {
    matches!(
        kind,
        "city"
            | "town"
            | "village"
            | "district"
            | "raion"
            | "oblast"
            | "region"
            | "island"
            | "peninsula"
            | "landmark"
            | "spit"
    )
}

/// A place inside Russia beyond the border oblasts Ukraine has held ground
/// in (Kursk, Belgorod, Bryansk): never the object of a control claim in
/// this war ("Prigozhin claimed to have taken control of Rostov" is a
/// mutiny, "Russian forces took Kursk" a recapture inside Russia that
/// `in_russia` handles only for those three oblasts).
fn inside_russia(place: &Place) -> bool {
    let border = |id: &str| matches!(id, "kursk-oblast" | "belgorod-oblast" | "bryansk-oblast");
    let chain = Gazetteer::builtin().ancestors(&place.id);
    chain.first().is_some_and(|root| root.id == "russia")
        && !border(&place.id)
        && !chain.iter().any(|e| border(&e.id))
}

/// One mention of a claimable place.
struct Spot<'a> {
    place: &'a Place,
    start: usize,
    end: usize,
}

/// A sentence being read.
struct Ctx<'a> {
    text: &'a str,
    sent: Range<usize>,
    s: &'a str,
    lang: Lang,
    lex: &'a Lexicon,
}

/// Who a found claim says holds the place, before the claimant is known.
#[derive(Debug, Clone, Copy)]
enum Ctl {
    Side(Side),
    /// The claimant's side (or the text language's).
    Speaker,
    /// The side against the claimant's.
    AgainstSpeaker,
}

/// A claim found in one sentence, before its claimant and date.
struct Found<'a> {
    place: &'a Place,
    controller: Ctl,
    extent: Extent,
    denial: bool,
    /// Where the trigger starts in the sentence.
    at: usize,
    /// From a bare "occupied", which yields to any other trigger on the
    /// same place.
    occupied: bool,
    /// A side named as taking the place: an unmarked body reporting it
    /// ("the defence ministry said") speaks for that side.
    own_gain: bool,
    /// "Izium was recaptured" stated as fact in English: the side the
    /// verb itself implies (see [`fact_side`]), used when no claimant
    /// gives one.
    fact_side: Option<Side>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{dates::find_dates, gazetteer::Gazetteer, people::find_people, places};

    /// Claims of `text` as (place, controller, extent, claimant side,
    /// denial).
    fn claims_of(
        text: &str,
    ) -> Vec<(
        String,
        &'static str,
        &'static str,
        Option<&'static str>,
        bool,
    )> {
        let places = places::find_places(text, Gazetteer::builtin());
        let people = find_people(text, &places);
        let published = NaiveDate::from_ymd_opt(2025, 11, 6);
        let dates = find_dates(text, published);
        find_claims(text, &places, &people, &dates, published)
            .into_iter()
            .map(|c| {
                (
                    c.place.name,
                    c.controller.as_str(),
                    c.extent.as_str(),
                    c.claimant.and_then(|c| c.side).map(Side::as_str),
                    c.denial,
                )
            })
            .collect()
    }

    /// (text, expected claims as (place, controller, extent, claimant side)).
    type Case = (
        &'static str,
        &'static [(
            &'static str,
            &'static str,
            &'static str,
            Option<&'static str>,
        )],
    );

    fn check(cases: &[Case]) {
        let mut failures = Vec::new();
        for (text, want) in cases {
            let got: Vec<_> = claims_of(text)
                .into_iter()
                .map(|(p, c, e, s, _)| (p, c, e, s))
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|(p, c, e, s)| (p.to_string(), *c, *e, *s))
                .collect();
            if got != want {
                failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn english_claims() {
        check(&[
            (
                "Russian forces have taken full control of Avdiivka, the Russian Defence Ministry said.",
                &[("Avdiivka", "RU", "full", Some("RU"))],
            ),
            (
                "Ukrainian troops have withdrawn from Avdiivka to new positions.",
                &[("Avdiivka", "RU", "full", None)],
            ),
            (
                "Ukrainian forces recaptured Lyman on Saturday.",
                &[("Lyman", "UA", "full", None)],
            ),
            (
                "Russian troops entered the northern part of Kupiansk, a Russian military blogger claimed.",
                &[("Kupiansk", "RU", "partial", Some("RU"))],
            ),
            (
                "Russian forces have encircled Myrnohrad, Kremlin spokesperson Dmitry Peskov said.",
                &[("Myrnohrad", "RU", "encircled", Some("RU"))],
            ),
            (
                "Kherson has been under Ukrainian control since November.",
                &[("Kherson", "UA", "full", None)],
            ),
            (
                "Russia holds more than 80% of Pokrovsk, a Ukrainian lawmaker said.",
                &[("Pokrovsk", "RU", "partial", Some("UA"))],
            ),
            (
                "A drone hit a depot in Russian-occupied Melitopol.",
                &[("Melitopol", "RU", "full", None)],
            ),
            (
                "Ukrainian troops have taken control of the Russian town of Sudzha, Ukraine's commander-in-chief said.",
                &[("Sudzha", "UA", "full", Some("UA"))],
            ),
            (
                "Bakhmut fell to Russian forces in May.",
                &[("Bakhmut", "RU", "full", None)],
            ),
            (
                "The withdrawal of Russian troops from Kherson was completed on Friday.",
                &[("Kherson", "UA", "full", None)],
            ),
        ]);
    }

    /// Stated as fact: an unmarked fall, an English passive whose verb
    /// says who took the place, and "the town" for a town named before.
    #[test]
    fn facts_and_anaphora() {
        check(&[
            ("Avdiivka fell in February.", &[("Avdiivka", "RU", "full", None)]),
            ("Izium was recaptured on Saturday.", &[("Izium", "UA", "full", None)]),
            ("Kherson has been liberated.", &[("Kherson", "UA", "full", None)]),
            ("Mariupol was captured in May.", &[("Mariupol", "RU", "full", None)]),
            ("Sudzha was captured in August.", &[("Sudzha", "UA", "full", None)]),
            (
                "Russian troops attacked Vuhledar for months. On Tuesday Russian forces captured the town.",
                &[("Vuhledar", "RU", "full", None)],
            ),
            (
                "Ukrainian forces fought for Kupiansk for weeks. The city was liberated on Saturday, the General Staff of Ukraine said.",
                &[("Kupiansk", "UA", "full", Some("UA"))],
            ),
            (
                "Росіяни тривалий час штурмували Вугледар. Зрештою російські війська захопили місто.",
                &[("Vuhledar", "RU", "full", None)],
            ),
            (
                "Kyiv would be able to apply pressure on Russian forces in Russian-occupied Crimea.",
                &[("Crimea", "RU", "full", None)],
            ),
            (
                "Kherson, the only regional capital that Russia has captured, is under pressure.",
                &[("Kherson", "RU", "full", None)],
            ),
            (
                "They found graves in Izium, a town recently liberated by Ukrainian troops.",
                &[("Izium", "UA", "full", None)],
            ),
            (
                "The liberation of Kherson in November changed the war.",
                &[("Kherson", "UA", "full", None)],
            ),
            (
                "Kyiv will not give up the occupied areas of Donbas.",
                &[("Donbas", "RU", "partial", None)],
            ),
            // must not
            ("Russia's goal is the liberation of Donbas.", &[]),
            ("Ukraine set up a platform for the de-occupation of Crimea.", &[]),
            ("Russia would like to capture Kherson.", &[]),
            ("Civilians were taken from Mariupol to Russia.", &[]),
            ("Kupiansk could fall within weeks, analysts warned.", &[]),
            ("Bakhmut is about to fall.", &[]),
            (
                "Russian forces shelled Kupiansk. They shelled the town again on Friday.",
                &[],
            ),
            (
                "Russian troops tried to capture Chasiv Yar. They failed to take the town.",
                &[],
            ),
            ("Civilians fled Bakhmut. The town was struck by missiles.", &[]),
            ("Zelensky visited Kherson. He toured the city.", &[]),
            (
                "Russian forces captured Avdiivka. Was the town lost because of delays?",
                &[("Avdiivka", "RU", "full", None)],
            ),
            (
                "Ukrainian troops hold Pokrovsk. Russia plans to capture the city by May.",
                &[("Pokrovsk", "UA", "full", None)],
            ),
        ]);
    }

    /// Occupation and annexation stated in passing: the attribute, the
    /// relative clause and the dated participle; a region's extent by
    /// its kind; places deep inside Russia are never claimed.
    #[test]
    fn occupied_annexed_regions_and_russia() {
        check(&[
            (
                "On the eve of Putin's visit to illegally occupied Crimea, Ukraine planned a raid.",
                &[("Crimea", "RU", "full", None)],
            ),
            (
                "The Kremlin wants Kyiv to recognise Crimea, which Moscow illegally annexed in 2014.",
                &[("Crimea", "RU", "full", None)],
            ),
            (
                "The annexation of Crimea in 2014 changed Europe.",
                &[("Crimea", "RU", "full", None)],
            ),
            (
                "Russia annexed Crimea and occupied Donbas in 2014.",
                &[("Crimea", "RU", "full", None), ("Donbas", "RU", "partial", None)],
            ),
            (
                "Luhansk Oblast, occupied since 2014, has no Ukrainian schools left.",
                &[("Luhansk Oblast", "RU", "partial", None)],
            ),
            (
                "Strikes hit the occupied Kherson region overnight.",
                &[("Kherson Oblast", "RU", "partial", None)],
            ),
            (
                "Russian forces have occupied the entire Luhansk region.",
                &[("Luhansk Oblast", "RU", "full", None)],
            ),
            (
                "A drone hit a depot in occupied Melitopol.",
                &[("Melitopol", "RU", "full", None)],
            ),
            (
                "She paid her respects in Bucha, a suburb of the Ukrainian capital Kyiv, which was briefly occupied by Russia.",
                &[("Bucha", "RU", "full", None)],
            ),
            // must not
            ("Russia seeks to annex the Donetsk region.", &[]),
            ("The attempted annexation of Kherson Oblast failed.", &[]),
            ("Prigozhin claimed to have taken control of Rostov-on-Don.", &[]),
            ("Wagner fighters seized military sites in Voronezh.", &[]),
            ("Moscow annexed Crimea in 2014.", &[("Crimea", "RU", "full", None)]),
            (
                "Ukraine first entered the Kursk region in August 2024.",
                &[("Kursk Oblast", "UA", "partial", None)],
            ),
            (
                "Russian forces invaded and illegally occupied Crimea and parts of the Donbas in 2014.",
                &[("Crimea", "RU", "full", None), ("Donbas", "RU", "partial", None)],
            ),
            (
                "Those are the areas Russia annexed eight years ago, such as Crimea.",
                &[("Crimea", "RU", "full", None)],
            ),
            ("Russia wants Kyiv to give up Crimea, which it would annex.", &[]),
            // An English passive encirclement with no side named: Russian.
            ("Kyiv is virtually surrounded.", &[("Kyiv", "RU", "encircled", None)]),
            (
                "Avdiivka was almost completely encircled.",
                &[("Avdiivka", "RU", "encircled", None)],
            ),
            ("The town of Sloviansk is surrounded by hills.", &[]),
            ("Fighting surrounded Avdiivka for months.", &[]),
            // Ukrainian and Russian: the attribute and annexation.
            (
                "Вибухи пролунали в окупованій Херсонській області.",
                &[("Kherson Oblast", "RU", "partial", None)],
            ),
            (
                "Вибухи пролунали в окупованому Мелітополі.",
                &[("Melitopol", "RU", "full", None)],
            ),
            ("Росія анексувала Крим у 2014 році.", &[("Crimea", "RU", "full", None)]),
            (
                "Взрывы прогремели в оккупированной Херсонской области.",
                &[("Kherson Oblast", "RU", "partial", None)],
            ),
            ("Россия аннексировала Крым в 2014 году.", &[("Crimea", "RU", "full", None)]),
            ("Росія планує анексувати Запорізьку область.", &[]),
        ]);
    }

    #[test]
    fn english_denials() {
        let got = claims_of(
            "Ukraine's General Staff denied Russian claims that Kupiansk had been captured.",
        );
        assert_eq!(
            got,
            vec![("Kupiansk".to_string(), "RU", "full", Some("UA"), true)]
        );
    }

    #[test]
    fn english_not_claims() {
        check(&[
            (
                "Russian forces shelled Pokrovsk overnight, killing two civilians.",
                &[],
            ),
            ("Zelensky visited troops in Kupiansk on Friday.", &[]),
            ("Fierce fighting continues near Pokrovsk.", &[]),
            ("Russian troops are advancing towards Kostiantynivka.", &[]),
            (
                "Russia plans to capture Kramatorsk by the end of the year.",
                &[],
            ),
            (
                "If Russian forces take Pokrovsk, Myrnohrad will be next.",
                &[],
            ),
            ("Has Russia captured Pokrovsk?", &[]),
            (
                "Myrnohrad and Pokrovsk are on the brink of falling into Russian hands.",
                &[],
            ),
            (
                "Ukrainian units withdrew to avoid encirclement near Pokrovsk.",
                &[],
            ),
            (
                "Ukraine could lose Pokrovsk within weeks, analysts warned.",
                &[],
            ),
            ("Russian troops tried to capture Chasiv Yar in April.", &[]),
            (
                "The fighting on the Pokrovsk direction has intensified.",
                &[],
            ),
            ("Officials said Kramatorsk would be cleared of mines.", &[]),
        ]);
    }

    #[test]
    fn ukrainian_claims() {
        check(&[
            (
                "Сили оборони звільнили Куп'янськ, повідомив Генштаб ЗСУ.",
                &[("Kupiansk", "UA", "full", Some("UA"))],
            ),
            (
                "Російські війська зайшли в Покровськ, написала народна депутатка Мар'яна Безугла.",
                &[("Pokrovsk", "RU", "partial", Some("UA"))],
            ),
            (
                "Українські військові відійшли з Авдіївки.",
                &[("Avdiivka", "RU", "full", None)],
            ),
            (
                "Мирноград перебуває в оточенні.",
                &[("Myrnohrad", "RU", "encircled", None)],
            ),
            ("Росіяни обстріляли Покровськ.", &[]),
            ("Бої тривають поблизу Покровська.", &[]),
            ("Ворог намагається оточити Мирноград.", &[]),
            ("Чи захопили росіяни Покровськ?", &[]),
        ]);
    }

    #[test]
    fn russian_claims() {
        check(&[
            (
                "Минобороны России сообщило об освобождении Красноармейска.",
                &[("Pokrovsk", "RU", "full", Some("RU"))],
            ),
            (
                "Российские войска вошли в Купянск.",
                &[("Kupiansk", "RU", "partial", None)],
            ),
            (
                "ВСУ оставили Угледар, заявили в Минобороны РФ.",
                &[("Vuhledar", "RU", "full", Some("RU"))],
            ),
            ("Российские войска наносят удары по Покровску.", &[]),
            ("Бои идут в районе Покровска.", &[]),
            ("ВСУ пытаются отбить Работино.", &[]),
            ("Если ВСУ оставят Покровск, фронт сдвинется.", &[]),
        ]);
    }

    #[test]
    fn date_is_the_sentence_day_else_publication() {
        let text =
            "On November 4, Russian forces captured Pokrovsk. Russian forces captured Myrnohrad.";
        let places = places::find_places(text, Gazetteer::builtin());
        let published = NaiveDate::from_ymd_opt(2025, 11, 6);
        let dates = find_dates(text, published);
        let claims = find_claims(text, &places, &[], &dates, published);
        assert_eq!(claims.len(), 2);
        assert_eq!(claims[0].date, NaiveDate::from_ymd_opt(2025, 11, 4));
        assert_eq!(claims[1].date, published);
        for c in &claims {
            assert_eq!(&text[c.start..c.end], c.sentence);
        }
    }
}
