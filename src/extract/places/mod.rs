//! Place extraction: finds gazetteer places in article text and resolves each
//! mention to one entry.
//!
//! Pipeline for one text (all pure, no I/O):
//!
//! 1. Walk from one capitalised word of the text to the next
//!    ([`super::gazetteer::words`]), and at each look up the longest
//!    gazetteer name starting there, word by word, normalising only the
//!    words looked up (a bit filter answers the many capitalised words that
//!    start no name). A single
//!    Cyrillic word may be a stem plus a case ending. A two-letter code
//!    ("UK") counts only in capitals outside an all-capitals headline.
//! 2. Capitalised words of 7+ letters that matched nothing are compared with
//!    the prominent single-word names of 8+ letters of the same first letter
//!    and near length (restricted Damerau-Levenshtein ≤ 1): a misspelling
//!    ("Krasnoarmersk") becomes a [`MatchKind::Fuzzy`] mention.
//! 3. Context rules drop what is not a place: organisation, club and outlet
//!    names ("Armed Forces of Ukraine", "Kyiv Post", "Dynamo Kyiv"), teams in
//!    tables of results ("WASHINGTON 13 12 1"), surnames that are also place
//!    names ("Petar Dimitrov") and sub-city districts whose city is not in the
//!    text. Names flagged ambiguous in the data need positive place context
//!    (a preposition like "in"/"near", a following "direction"/"front", a
//!    parenthesis next to a known place) or another, unambiguous name of the
//!    same place in the same text. A capitalised Ukrainian or Russian
//!    adjective that starts a sentence before its lower-case noun
//!    ("Українська армія", "Біла хата") is not a town, and a Polish or German
//!    spelling made by rule (see [`super::gazetteer`]) does not count at a
//!    sentence start without place context ("Walki" is "fights" as well as
//!    Valky).
//! 4. Homonyms (several entries for one name) are settled by the other
//!    places in the text (same oblast or raion), else by prominence; a
//!    curated city or town always beats a generated village of its name.
//! 5. A capitalised "X district" / "X microdistrict" the gazetteer does not
//!    know becomes a district of the city mentioned last before it, with
//!    the synthetic id `<city id>--<x>-district` (only when a city is in the
//!    text).
//!
//! Output: one [`Place`] per entry in order of first mention, mentions in
//! text order, byte offsets into the original text.
//!
//! # Where each part lives
//!
//! - `mod.rs`: [`find_places`], the hit type and the output.
//! - `scan.rs`: step 1, name hits (and the plural "oblasts").
//! - `fuzzy.rs`: step 2, fuzzy hits.
//! - `context.rs`: the context of a hit read by step 3.
//! - `resolve.rs`: steps 3 and 4, context rules and homonyms.
//! - `districts.rs`: step 5, unknown districts.
//! - `settlements.rs`: step 6, settlements the gazetteer lacks, named
//!   after "the village of", "село", "деревня".
//! - `lexicon.rs`: the context word lists.

use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::{Gazetteer, Target, Targets};
use crate::model::{MatchKind, Place, PlaceMention};

mod context;
mod districts;
mod fuzzy;
mod lexicon;
mod resolve;
mod scan;
mod settlements;

use districts::add_unknown_districts;
use resolve::resolve_hits;
use scan::{plural_regions, scan};
use settlements::add_unknown_settlements;
pub use settlements::{settlement_id, settlement_name};

/// One name hit (or fuzzy hit) before context rules.
#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    /// Candidate entries; for a fuzzy hit exactly one, not canonical.
    targets: Targets,
    fuzzy: bool,
}

/// Find every place mentioned in `text`.
///
/// Longest match wins, so "Kharkiv Oblast" is one place, not "Kharkiv" plus
/// noise; see the module documentation for the rules.
pub fn find_places(text: &str, gazetteer: &Gazetteer) -> Vec<Place> {
    if text.len() >= u32::MAX as usize {
        // Offsets are kept as u32; an article of 4 GiB is not an article.
        return Vec::new();
    }
    let mut hits = scan(text, gazetteer);
    let mut places = Vec::new();
    if !hits.is_empty() {
        plural_regions(text, gazetteer.matcher(), &mut hits);
        let chosen = resolve_hits(text, gazetteer, &hits);
        places = group(text, gazetteer, &hits, &chosen);
        add_unknown_districts(text, &mut places);
    }
    add_unknown_settlements(text, &mut places);
    places
}

/// Build the output: one place per entry, in order of first mention.
fn group(text: &str, gazetteer: &Gazetteer, hits: &[Hit], chosen: &[Option<Target>]) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    let mut index: HashMap<u32, usize> = HashMap::default();
    let mut last_end = 0usize;
    for (h, c) in hits.iter().zip(chosen) {
        let Some(target) = *c else { continue };
        let entry = target.entry;
        if h.start < last_end {
            continue;
        }
        last_end = h.end;
        let e = gazetteer.entry(entry);
        let surface = &text[h.start..h.end];
        let match_kind = if h.fuzzy {
            MatchKind::Fuzzy
        } else if target.canonical && target.stem_rule == 0 {
            // The pattern is the canonical name normalised (case,
            // apostrophes and hyphens folded).
            MatchKind::Exact
        } else {
            MatchKind::Variant
        };
        let mention = PlaceMention {
            text: surface.to_string(),
            start: h.start,
            end: h.end,
            match_kind,
        };
        let slot = *index.entry(entry).or_insert_with(|| {
            places.push(Place {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind.clone(),
                parent: e
                    .parent
                    .as_deref()
                    .and_then(|p| gazetteer.get(p))
                    .map(|p| p.name.clone()),
                mentions: Vec::new(),
            });
            places.len() - 1
        });
        places[slot].mentions.push(mention);
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small gazetteer in the data format, so these tests do not depend
    /// on the built-in data's exact contents.
    const LAYER: &str = "\
ukraine\tUkraine\tcountry\t\t\t49\t32\t\t690791\t\tУкраїна|Украина
russia\tRussia\tcountry\t\t\t60\t100\t\t2017370\t\tРосія|Россия
donetsk-oblast\tDonetsk Oblast\toblast\tukraine\t\t48\t37.8\t\t709716\t\tDonetsk People's Republic|DPR|D.P.R.|Донецька область|Донецкая область|Донеччина
kharkiv-oblast\tKharkiv Oblast\toblast\tukraine\t\t49.5\t36.5\t\t706482\t\tХарківська область
mykolaiv-oblast\tMykolaiv Oblast\toblast\tukraine\t\t47.3\t31.9\t\t700567\t\t
pokrovsk-raion\tPokrovsk Raion\traion\tdonetsk-oblast\t\t48.28\t37.17\t\t\t\tПокровський район
pokrovsk\tPokrovsk\tcity\tdonetsk-oblast\tpokrovsk-raion\t48.28\t37.17\t60127\t704422\t\tKrasnoarmeysk|Krasnoarmiisk|Покровськ|Покровск|Красноармейск
myrnohrad\tMyrnohrad\tcity\tdonetsk-oblast\tpokrovsk-raion\t48.3\t37.26\t46098\t710035\t\tMirnograd|Mirnohrad|?Dimitrov|?Dymytrov|Мирноград|Димитров
lyman\tLyman\tcity\tdonetsk-oblast\t\t48.98\t37.8\t20066\t702658\tambiguous\tKrasnyi Lyman|Лиман
chasiv-yar\tChasiv Yar\ttown\tdonetsk-oblast\t\t48.58\t37.83\t12557\t710403\t\tChasov Yar|Часів Яр|Часов Яр
kamianske\tKamianske\tcity\tdnipropetrovsk-oblast\t\t48.51\t34.61\t229794\t709930\t\tDniprodzerzhynsk|Кам'янське
bakhmut\tBakhmut\tcity\tdonetsk-oblast\t\t48.59\t38\t72310\t712165\t\tArtemivsk|Бахмут|Артемовск
kharkiv\tKharkiv\tcity\tkharkiv-oblast\t\t49.99\t36.23\t1430885\t706483\t\tKharkov|Харків|Харьков
volodymyr\tVolodymyr\tcity\tvolyn-oblast\t\t50.85\t24.32\t37910\t689378\t\tVolodymyr-Volynskyi
donetsk\tDonetsk\tcity\tdonetsk-oblast\t\t48.0\t37.8\t905364\t709717\t\tДонецьк|Донецк
mykolaiv\tMykolaiv\tcity\tmykolaiv-oblast\t\t46.97\t32\t476101\t700569\t\tNikolaev|Миколаїв|Николаев
kyiv\tKyiv\tcity\tukraine\t\t50.45\t30.52\t2797553\t703448\t\tKiev|Київ|Киев
sumy\tSumy\tcity\tsumy-oblast\t\t50.9\t34.8\t263774\t692194\t\tСуми|Сумы
dnipro-river\tDnipro River\triver\tukraine\t\t47.5\t34.5\t\t\t\tthe Dnipro River|Dnieper
kostiantynivka\tKostiantynivka\tcity\tdonetsk-oblast\t\t48.53\t37.7\t67376\t704617\t\tKonstantinovka|Костянтинівка
kharkiv-central\tCentral district\tdistrict\tkharkiv\t\t\t\t\t\t\tCentral district of Kharkiv
united-kingdom\tUnited Kingdom\tcountry\t\t\t54\t-2\t\t2635167\t\tUK|Britain
";
    const GN: &str = "\
gn1\tKostiantynivka\tvillage\tmykolaiv-oblast\t\t47.0\t32.0\t900\t\t\t
gn2\tVoznesensk\ttown\tmykolaiv-oblast\t\t47.56\t31.33\t35000\t\t\t
gn3\tNovoselivka\tvillage\tmykolaiv-oblast\t\t47.1\t32.1\t300\t\t\t
gn4\tNovoselivka\tvillage\tdonetsk-oblast\t\t48.1\t37.1\t2000\t\t\t
";

    fn gaz() -> Gazetteer {
        Gazetteer::from_layers(&[("t", LAYER, true), ("gn", GN, false)]).0
    }

    /// (text, expected (entry id, mention surface) list in text order).
    struct Case {
        text: &'static str,
        want: &'static [(&'static str, &'static str)],
    }

    fn run(cases: &[Case]) {
        let g = gaz();
        for c in cases {
            let places = find_places(c.text, &g);
            let mut got: Vec<(usize, String, String)> = Vec::new();
            for p in &places {
                for m in &p.mentions {
                    assert_eq!(&c.text[m.start..m.end], m.text);
                    got.push((m.start, p.id.clone(), m.text.clone()));
                }
            }
            got.sort();
            let got: Vec<(String, String)> = got.into_iter().map(|(_, a, b)| (a, b)).collect();
            let want: Vec<(String, String)> = c
                .want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "text: {}", c.text);
        }
    }

    /// On the built-in gazetteer: the entries are real towns.
    #[test]
    fn consonant_changes_and_fleeting_vowels_in_case_forms() {
        let g = Gazetteer::builtin();
        let table: &[(&str, &[(&str, &str)])] = &[
            // г/к/х → з/ц/с before the Ukrainian -і, after a preposition.
            (
                "Вони бачили, що зробили у Волновасі.",
                &[("volnovakha", "Волновасі")],
            ),
            ("Суд у Гаазі.", &[("the-hague", "Гаазі")]),
            // Must not: the same form as a common word starts a sentence
            // ("Досі" is "still", and Доха's locative).
            ("Досі ми не знаємо, що сталося.", &[]),
            // A fleeting е: Тростянець → Тростянця, Тростянці.
            (
                "Біля Тростянця тривають бої.",
                &[("trostianets", "Тростянця")],
            ),
            ("Бои идут у Тростянца.", &[("trostianets", "Тростянца")]),
        ];
        for (text, want) in table {
            let got: Vec<(String, String)> = find_places(text, g)
                .into_iter()
                .flat_map(|p| {
                    let id = p.id.clone();
                    p.mentions.into_iter().map(move |m| (id.clone(), m.text))
                })
                .collect();
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn organisations_teams_and_codes() {
        run(&[
            // A club or company named after a place is not the place.
            Case {
                text: "Dynamo Kyiv beat FC Kharkiv.",
                want: &[],
            },
            Case {
                text: "Shares of Kharkiv United fell.",
                want: &[],
            },
            // Must not: an ordinary capitalised word before the place.
            Case {
                text: "Reports from Kyiv.",
                want: &[("kyiv", "Kyiv")],
            },
            Case {
                text: "Ac Kyiv",
                want: &[("kyiv", "Kyiv")],
            },
            // A row of a results table is a team.
            Case {
                text: "KHARKIV 13 12 1 69 KYIV 10 13 5 91",
                want: &[],
            },
            // Must not: a dateline's date, or a number then words.
            Case {
                text: "Shelling in Kharkiv 49.99 36.23 at Kyiv 14:30 12:00",
                want: &[("kharkiv", "Kharkiv"), ("kyiv", "Kyiv")],
            },
            Case {
                text: "KHARKIV 1996-12-06 Shelling hit Kyiv 24 hours later.",
                want: &[("kharkiv", "KHARKIV"), ("kyiv", "Kyiv")],
            },
            // A two-letter code counts in capitals, outside a headline.
            Case {
                text: "Talks in the UK on Friday.",
                want: &[("united-kingdom", "UK")],
            },
            Case {
                text: "Uk is not a code, and SHELLS HIT UK TOWN is a headline.",
                want: &[],
            },
            // A known name plus a suffix is not a misspelling of a longer one.
            Case {
                text: "Kostiantynivkan roads",
                want: &[],
            },
            Case {
                text: "Kostiantynivkka roads",
                want: &[("kostiantynivka", "Kostiantynivkka")],
            },
        ]);
    }

    #[test]
    fn matching() {
        run(&[
            Case {
                text: "Shelling in Pokrovsk.",
                want: &[("pokrovsk", "Pokrovsk")],
            },
            Case {
                text: "POKROVSK UNDER FIRE",
                want: &[("pokrovsk", "POKROVSK")],
            },
            Case {
                text: "Kam’ianske and Kam'ianske",
                want: &[("kamianske", "Kam’ianske"), ("kamianske", "Kam'ianske")],
            },
            Case {
                text: "Chasiv-Yar, Chasiv Yar",
                want: &[("chasiv-yar", "Chasiv-Yar"), ("chasiv-yar", "Chasiv Yar")],
            },
            Case {
                text: "Pokrovsk's defenders",
                want: &[("pokrovsk", "Pokrovsk")],
            },
            Case {
                text: "in the Kharkiv region today",
                want: &[("kharkiv-oblast", "Kharkiv region")],
            },
            // The plural is not part of a name; the name before it is the
            // oblast (see `plural_regions`).
            Case {
                text: "Kharkiv oblasts",
                want: &[("kharkiv-oblast", "Kharkiv")],
            },
            Case {
                text: "Sumyna Pokrovskyi Kyivstar",
                want: &[],
            },
            Case {
                text: "the pokrovsk direction",
                want: &[],
            },
            Case {
                text: "the Pokrovsk direction",
                want: &[("pokrovsk", "Pokrovsk")],
            },
            Case {
                text: "Donetsk People's Republic",
                want: &[("donetsk-oblast", "Donetsk People's Republic")],
            },
            Case {
                text: "the D.P.R. said",
                want: &[("donetsk-oblast", "D.P.R.")],
            },
        ]);
    }

    #[test]
    fn inflection() {
        run(&[
            Case {
                text: "бої біля Покровська",
                want: &[("pokrovsk", "Покровська")],
            },
            Case {
                text: "у Покровську та під Покровськом",
                want: &[("pokrovsk", "Покровську"), ("pokrovsk", "Покровськом")],
            },
            Case {
                text: "в Покровске, из Покровска",
                want: &[("pokrovsk", "Покровске"), ("pokrovsk", "Покровска")],
            },
            Case {
                text: "Бахмута, Бахмуте",
                want: &[("bakhmut", "Бахмута"), ("bakhmut", "Бахмуте")],
            },
            Case {
                text: "з Харкова до Харкові",
                want: &[("kharkiv", "Харкова"), ("kharkiv", "Харкові")],
            },
            Case {
                text: "у Сумах, з Києва",
                want: &[("sumy", "Сумах"), ("kyiv", "Києва")],
            },
            Case {
                text: "Донецької області",
                want: &[("donetsk-oblast", "Донецької області")],
            },
            Case {
                text: "на Донеччині",
                want: &[("donetsk-oblast", "Донеччині")],
            },
        ]);
    }

    /// Mentions as (entry id, surface) in text order, with the built-in
    /// gazetteer.
    fn builtin_mentions(text: &str) -> Vec<(String, String)> {
        let mut got: Vec<(usize, String, String)> = Vec::new();
        for p in find_places(text, Gazetteer::builtin()) {
            for m in p.mentions {
                assert_eq!(&text[m.start..m.end], m.text);
                got.push((m.start, p.id.clone(), m.text));
            }
        }
        got.sort();
        got.into_iter().map(|(_, a, b)| (a, b)).collect()
    }

    fn check_builtin(cases: &[(&str, &[(&str, &str)])]) {
        for (text, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(builtin_mentions(text), want, "text: {text}");
        }
    }

    /// Polish and German names of Ukrainian places, in their case forms.
    #[test]
    #[rustfmt::skip]
    fn polish_and_german_names() {
        check_builtin(&[
            ("Walki w Charkowie trwają.", &[("kharkiv", "Charkowie")]),
            ("Pod Bachmutem ciężko, w Bachmucie gorzej.", &[("bakhmut", "Bachmutem"), ("bakhmut", "Bachmucie")]),
            ("Wyjechał z Kijowa do Lwowa, a potem do Charkowa.", &[("kyiv", "Kijowa"), ("lviv", "Lwowa"), ("kharkiv", "Charkowa")]),
            ("Charków, Lwów, Kijów, Donieck, Zaporoże, Ługańsk, Chersoń, Mikołajów, Odessa, Bachmut.", &[
                ("kharkiv", "Charków"), ("lviv", "Lwów"), ("kyiv", "Kijów"), ("donetsk", "Donieck"),
                ("zaporizhzhia", "Zaporoże"), ("luhansk", "Ługańsk"), ("kherson", "Chersoń"),
                ("mykolaiv", "Mikołajów"), ("odesa", "Odessa"), ("bakhmut", "Bachmut"),
            ]),
            ("W Doniecku i Ługańsku, w Zaporożu, w Chersoniu, w Mikołajowie, w Odesie.", &[
                ("donetsk", "Doniecku"), ("luhansk", "Ługańsku"), ("zaporizhzhia", "Zaporożu"),
                ("kherson", "Chersoniu"), ("mykolaiv", "Mikołajowie"), ("odesa", "Odesie"),
            ]),
            ("Kämpfe in Charkiw, Saporischschja, Donezk, Mykolajiw, Cherson, Luhansk und Kiew.", &[
                ("kharkiv", "Charkiw"), ("zaporizhzhia", "Saporischschja"), ("donetsk", "Donezk"),
                ("mykolaiv", "Mykolajiw"), ("kherson", "Cherson"), ("luhansk", "Luhansk"),
                ("kyiv", "Kiew"),
            ]),
            // (With Lviv in the text, "Mykolajiw" is the homonym town of Lviv
            // Oblast, as "Mykolaiv" is: homonyms are settled alike.)
            ("Raketen auf Lwiw.", &[("lviv", "Lwiw")]),
            ("Die Einnahme Bachmuts; in Kyjiw und Awdijiwka.", &[("bakhmut", "Bachmuts"), ("kyiv", "Kyjiw"), ("avdiivka", "Awdijiwka")]),
            // must not: ordinary Polish and German words stay words.
            ("Walki trwają. Mieszkańcy uciekli. Die Kämpfe dauern an. Wojna trwa.", &[]),
            // The case rule is not a list of forms: any town with a Polish
            // spelling, made or in the data, declines.
            ("Pod Pokrowskiem spokój, w Awdijiwce nie, w Odesie też.", &[("pokrovsk", "Pokrowskiem"), ("avdiivka", "Awdijiwce"), ("odesa", "Odesie")]),
            // must not: towns outside Ukraine and Russia keep their own
            // names ("Tallinna" is Estonian for a company's "of Tallinn").
            ("Akcje Tallinna Pank spadły.", &[]),
        ]);
    }

    /// A surname after a known given name is a person's, whatever town
    /// shares its form; neither word makes the other a list of places.
    #[test]
    #[rustfmt::skip]
    fn surnames_shaped_like_towns_after_a_given_name() {
        check_builtin(&[
            // Petrove and Smyrnove are towns; here they are surnames.
            ("Вчера в Киев приехали Мария Смирнова и Анна Петрова.", &[("kyiv", "Киев")]),
            ("Boris Johnson will talk to Vladimir Putin by phone.", &[]),
            // Must not: the towns themselves, and a lower-case word that
            // folds like a given name ("як" like Jack).
            ("Бої точаться біля Петрового та Смирнового.", &[
                ("petrove--kirovohrad-oblast", "Петрового"), ("gn693435", "Смирнового"),
            ]),
            ("Бачимо, як Німеччина шукає новий шлях.", &[("germany", "Німеччина")]),
            ("Як Кременчук, так і Полтава зазнали ударів.", &[
                ("kremenchuk", "Кременчук"), ("poltava", "Полтава"),
            ]),
            ("Die Regierung will Berlin entlasten.", &[("berlin", "Berlin")]),
            // After a place preposition too: "from Tim" is no village Tim.
            ("Reporting from Tim Lister and an assault from Vladimir Putin's army.", &[]),
            // Must not: a title-case headline ("Sofia End Without"), and
            // the place elsewhere in a text where the name once stands
            // before a capitalised word.
            ("Talks in Sofia End Without Deal", &[("sofia", "Sofia")]),
            ("Flights from Sofia Airport resumed. The talks in Sofia ended.", &[("sofia", "Sofia")]),
        ]);
    }

    /// "US" and "UK" in capitals are the countries in running text, in a
    /// list of codes and after an acronym in brackets; in an all-capitals
    /// headline they are words.
    #[test]
    #[rustfmt::skip]
    fn country_codes_in_running_text() {
        check_builtin(&[
            ("In the past the US was losing, said Burns.", &[("united-states", "US")]),
            ("Backed up by the US, UK and their allies.", &[("united-states", "US"), ("united-kingdom", "UK")]),
            ("(CNN)- US President Joe Biden announced it.", &[("united-states", "US")]),
            // Must not: a pronoun in a headline.
            ("JOIN US ON TELEGRAM. THEY TOLD US.", &[]),
        ]);
    }

    /// Multi-word names keep their identity in every case, both words
    /// declined; a capitalised adjective starting a sentence is no town.
    #[test]
    #[rustfmt::skip]
    fn cyrillic_cases_and_adjectives() {
        check_builtin(&[
            ("Обстріл Кривого Рогу.", &[("kryvyi-rih", "Кривого Рогу")]),
            ("В Кривом Роге взрыв. У Кривому Розі тихо. Під Кривим Рогом бої.", &[
                ("kryvyi-rih", "Кривом Роге"), ("kryvyi-rih", "Кривому Розі"), ("kryvyi-rih", "Кривим Рогом"),
            ]),
            ("Біля Великої Новосілки. У Великой Новоселке бои.", &[
                ("velyka-novosilka", "Великої Новосілки"), ("velyka-novosilka", "Великой Новоселке"),
            ]),
            ("Ліс за Старим Салтовом.", &[("staryi-saltiv", "Старим Салтовом")]),
            // Sentence-initial adjectives before their noun: not towns.
            ("Українська армія наступає. Біла хата стоїть. Русская весна закончилась. Донецька влада мовчить.", &[]),
            // must not drop: towns at a sentence start, before a verb.
            ("Одеса зазнала атаки. Біла Церква прийняла людей. Лозовая подверглась обстрелу.", &[
                ("odesa", "Одеса"), ("bila-tserkva", "Біла Церква"), ("lozova", "Лозовая"),
            ]),
            // Inside a sentence the adjective rule does not apply.
            ("Удар по Українській ТЕС; мешканці Українська повернулися.", &[("ukrainsk", "Українська")]),
        ]);
    }

    #[test]
    fn fuzzy() {
        let g = gaz();
        let p = find_places("troops left Krasnoarmersk", &g);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].id, "pokrovsk");
        assert_eq!(p[0].mentions[0].match_kind, MatchKind::Fuzzy);
        run(&[
            // Lower case, too short, or two edits away.
            Case {
                text: "krasnoarmersk",
                want: &[],
            },
            Case {
                text: "Bakhmat",
                want: &[],
            },
            Case {
                text: "Krasnoarmerskk",
                want: &[],
            },
        ]);
    }

    #[test]
    fn ambiguity() {
        run(&[
            Case { text: "Petar Dimitrov said.", want: &[] },
            Case { text: "fighting in Dimitrov", want: &[("myrnohrad", "Dimitrov")] },
            Case { text: "analyst Daniel Lyman wrote", want: &[] },
            Case { text: "Lyman wrote a book", want: &[] },
            Case { text: "near Lyman, troops", want: &[("lyman", "Lyman")] },
            Case { text: "the Lyman direction", want: &[("lyman", "Lyman")] },
            Case { text: "Ukrainian troops", want: &[] },
            Case { text: "President Volodymyr Zelensky", want: &[] },
            Case { text: "Volodymyr Artiukh said", want: &[] },
            Case { text: "drones hit Volodymyr overnight", want: &[("volodymyr", "Volodymyr")] },
            Case { text: "the Armed Forces of Ukraine", want: &[] },
            Case { text: "the Kyiv Post reported", want: &[] },
            Case { text: "the Bank of Russia and Ukrainska Pravda", want: &[] },
            Case { text: "Kyiv Independent", want: &[] },
            Case { text: "the Kharkiv offensive", want: &[("kharkiv", "Kharkiv")] },
            Case { text: "Dimitrov and Mirnograd", want: &[("myrnohrad", "Dimitrov"), ("myrnohrad", "Mirnograd")] },
            Case {
                text: "lose control of two strategically significant cities, Krasnoarmersk (Pokrovsk) and Dimitrov (Mirnograd).",
                want: &[("pokrovsk", "Krasnoarmersk"), ("pokrovsk", "Pokrovsk"), ("myrnohrad", "Dimitrov"), ("myrnohrad", "Mirnograd")],
            },
        ]);
    }

    #[test]
    fn homonyms_and_districts() {
        run(&[
            // A district whose name says its city needs no other mention.
            Case {
                text: "Shelling hit the Central district of Kharkiv.",
                want: &[("kharkiv-central", "Central district of Kharkiv")],
            },
            // Must not: the bare district name with no city in the text.
            Case {
                text: "Shelling hit the Central district.",
                want: &[],
            },
            // A list ending in a plural region noun names oblasts.
            Case {
                text: "Strikes hit Kharkiv and Donetsk regions overnight.",
                want: &[("kharkiv-oblast", "Kharkiv"), ("donetsk-oblast", "Donetsk")],
            },
            Case {
                text: "in the Mykolaiv, Kharkiv, and Donetsk oblasts",
                want: &[
                    ("mykolaiv-oblast", "Mykolaiv"),
                    ("kharkiv-oblast", "Kharkiv"),
                    ("donetsk-oblast", "Donetsk"),
                ],
            },
            // Must not: a list that does not end in the noun, a name with no
            // oblast of its own, a list broken by other words.
            Case {
                text: "Kharkiv and Donetsk, two regions apart.",
                want: &[("kharkiv", "Kharkiv"), ("donetsk", "Donetsk")],
            },
            Case {
                text: "Kharkiv and Pokrovsk regions",
                want: &[("kharkiv-oblast", "Kharkiv"), ("pokrovsk", "Pokrovsk")],
            },
            Case {
                text: "Kharkiv, where sirens sounded, and Donetsk regions",
                want: &[("kharkiv", "Kharkiv"), ("donetsk-oblast", "Donetsk")],
            },
            Case {
                text: "Kostiantynivka",
                want: &[("kostiantynivka", "Kostiantynivka")],
            },
            // A curated city beats a generated homonym whatever the context;
            // between generated homonyms the text's other places decide.
            Case {
                text: "Voznesensk and Kostiantynivka",
                want: &[("gn2", "Voznesensk"), ("kostiantynivka", "Kostiantynivka")],
            },
            Case {
                text: "Voznesensk and Novoselivka",
                want: &[("gn2", "Voznesensk"), ("gn3", "Novoselivka")],
            },
            Case {
                text: "fighting near Novoselivka",
                want: &[("gn4", "Novoselivka")],
            },
            Case {
                text: "the Dnipro River",
                want: &[("dnipro-river", "Dnipro River")],
            },
            Case {
                text: "the Central district",
                want: &[],
            },
            Case {
                text: "In Pokrovsk, the Shakhtarskyi microdistrict and the Pokrovsk direction",
                want: &[
                    ("pokrovsk", "Pokrovsk"),
                    (
                        "pokrovsk--shakhtarskyi-microdistrict",
                        "Shakhtarskyi microdistrict",
                    ),
                    ("pokrovsk", "Pokrovsk"),
                ],
            },
            Case {
                text: "the Shakhtarskyi microdistrict",
                want: &[],
            },
            Case {
                text: "Kharkiv: the Central district",
                want: &[
                    ("kharkiv", "Kharkiv"),
                    ("kharkiv-central", "Central district"),
                ],
            },
        ]);
    }

    #[test]
    fn country_beats_homonym_of_another_country_named_in_text() {
        const WORLD: &str = "\
georgia\tGeorgia\tcountry\t\t\t42.3\t43.4\t3700000\t\tambiguous\tГрузія
united-states\tUnited States\tcountry\t\t\t39.8\t-98.6\t\t\t\tU.S.
georgia--us-state\tGeorgia\tregion\tunited-states\t\t32.2\t-82.9\t11000000\t\tambiguous\tState of Georgia
atlanta\tAtlanta\tcity\tunited-states\t\t33.7\t-84.4\t500000\t\t\t
";
        let g = Gazetteer::from_layers(&[("w", WORLD, true)]).0;
        let id_of = |text: &str, name: &str| -> Option<String> {
            find_places(text, &g)
                .into_iter()
                .find(|p| p.mentions.iter().any(|m| m.text == name))
                .map(|p| p.id)
        };
        let war = "The U.S. said Russian troops in Georgia must withdraw.";
        assert_eq!(id_of(war, "Georgia").as_deref(), Some("georgia"));
        let war = "In Atlanta, the U.S. said Russian troops in Georgia must withdraw.";
        assert_eq!(id_of(war, "Georgia").as_deref(), Some("georgia"));
        let state = "He flew to Atlanta in the State of Georgia.";
        assert_eq!(
            id_of(state, "State of Georgia").as_deref(),
            Some("georgia--us-state")
        );
    }

    #[test]
    fn output_shape() {
        let g = gaz();
        let text = "Pokrovsk, then Kharkiv, then Покровськ.";
        let p = find_places(text, &g);
        let ids: Vec<&str> = p.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["pokrovsk", "kharkiv"]);
        assert_eq!(p[0].parent.as_deref(), Some("Donetsk Oblast"));
        assert_eq!(p[0].mentions[0].match_kind, MatchKind::Exact);
        assert_eq!(p[0].mentions[1].match_kind, MatchKind::Variant);
        assert!(find_places("", &g).is_empty());
    }
}
