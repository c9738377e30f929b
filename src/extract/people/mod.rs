//! Person extraction: finds the people named in an article and resolves every
//! spelling of one person (Bezuhla, Bezugla, Безугла, Безуглая) to one
//! identity key.
//!
//! No model weights: lexicons and rules, built once and fast.
//!
//! # How a name is found
//!
//! 1. **Tokens.** Words (letters with inner apostrophes and hyphens; a
//!    trailing possessive `'s` is not part of the word), numbers and
//!    punctuation, with sentence boundaries (`.`, `!`, `?`, newlines — but
//!    not after an initial like `V.` or an abbreviation like `Gen.`).
//! 2. **Runs.** Maximal runs of capitalised words on one line, with initials
//!    (`V. Zelensky`) and lower-case particles (`von der Leyen`) inside.
//!    All-caps words (headlines, acronyms) are not name words.
//! 3. **Cuts.** A run is cut at words that cannot be part of a person's
//!    name: place mentions passed in by the caller, months and weekdays,
//!    sentence-initial function words ("Meanwhile", "According"), titles
//!    ("President", kept as a role cue), nationality adjectives, and
//!    organisation words ("Ministry", "Forces", "Council": everything up to
//!    and including such a word is dropped, so "Russian Defense Ministry"
//!    and "Armed Forces" give nothing). A known given name inside a run
//!    starts a new segment ("Ukraine Maryana Bezugla" → "Maryana Bezugla"),
//!    unless a given name or an initial right before it holds it.
//!    Titles are parts of roles, not names: words without a given name
//!    before a title inside one run are its portfolio ("Deputy Interior
//!    Minister Maciej Wąsik"), and a last role word after a modifier or in
//!    a run after "a"/"the" heads a title, with the words before it ("Prime
//!    Minister", "an Alternate Representative", "the Deputy Prime
//!    Minister, but"). A capitalised attribution verb ("Scholz Urges More
//!    …") marks a headline in title case, whose bare pairs prove nothing;
//!    so does an ordinary word ending the run ("the Artistic Gymnastics
//!    Festival") or an organisation word right before ("the Google Privacy
//!    Policy").
//! 4. **Evidence.** Each segment is accepted as a person when it has one of:
//!    a known given name first (lexicon `data/people_given_names.txt`, with
//!    variants such as Ihor/Igor and, through [`fold`], any Cyrillic
//!    spelling and case form), initials, a surname ending (`-enko`, `-chuk`,
//!    `-sky`, `-ov`, `-vich`, `-енко`, `-ський`, …), a role phrase before or
//!    after it ("former parliamentarian", ", a former People's Deputy"), or
//!    an attribution verb after it ("X said"). A single word needs a person
//!    role right before it, a strong surname ending, or a weaker ending plus
//!    an attribution verb. Two or three capitalised words with none of this
//!    are still taken as a name (*weak*) unless the context says place or
//!    thing: a locative preposition before them ("in", "near"), a lower-case
//!    place noun after them ("… oblast"), an ordinary word among them (a
//!    list in `data/people_words.txt`, or a word this same text also writes
//!    in lower case: "Trade", "Board"), a noun suffix (`-ing`, `-tion`), a
//!    first word shared with another such pair, even one the context set
//!    aside ("Hapoel Haifa", "Hapoel Tel Aviv"; "the Nord Stream pipeline",
//!    "Nord Steam 2") or used alone while the last word never is ("Bayer"),
//!    or the last word used alone before the pair. Runs of four or more
//!    words need a given name or a role. After a locative preposition a
//!    surname ending alone does not make a pair a name ("in Stanica
//!    Ługańska"). In Cyrillic, a pair led by an adjective form
//!    ("Ближнем Востоке") and a lone adjective before its lower-case noun
//!    ("Російської академії") are not names.
//!
//!    Whatever the evidence, the context can say title, institution or
//!    thing, unless a given name leads the segment: a lone title ("Sen.",
//!    "the President"); right after "the" or a possessive ("the Nord Stream
//!    pipeline", "The Duchess", "the Kremlin", "our Privacy Policy"), or a
//!    lone word after "a"; the object of an institution or title
//!    ("Ministry of Foreign Affairs", "Representative … for Special
//!    Political Affairs"); a name wholly in quotation marks ("“Lend
//!    Lease”") without a role; a photo credit after a slash ("Bloomberg/Getty
//!    Images").
//! 5. **Linking.** A lone word that folds like the surname of an accepted
//!    person is another mention of that person ("Mosiychuk further
//!    alleged"); in Cyrillic, case endings are allowed ("Зеленського" →
//!    Зеленський). A lone given name is linked only when exactly one person
//!    in the text has it. All-caps words (headlines) are linked only to
//!    people named with a given name, initials or a role.
//!
//! # Identity
//!
//! [`person_key`] gives `<folded surname>` or `<folded surname>:<canonical
//! given name>`, whatever the spelling, script or name order ("Maryana
//! Bezuhla", "Mariana Bezugla", "Безугла Мар'яна" → `bezugla:maryana`).
//! In an article, mentions without a given name join the person with that
//! surname (the nearest preceding one when several share it).
//!
//! # Mentions
//!
//! Each mention carries the role phrase next to it (before it, or as an
//! apposition after it) and whether the person speaks in that sentence: an
//! attribution verb after the name ("X said", "X, who claimed", "X further
//! alleged", "X:") or just before it ("said X", "according to X",
//! "confirmed by MP X").

mod context;
mod cyrillic;
mod find;
mod identity;
mod key;
mod lexicon;
pub mod morphology;
mod polish;
mod readings;
pub mod register;
mod roles;
mod segment;
mod tokens;

use context::*;
use find::*;
use identity::*;
use key::*;
pub use key::{person_key, person_key_readings, person_nominative, surname_of_key};
use lexicon::*;
use roles::*;
use segment::*;
use tokens::*;

use crate::extract::translit::{fold, is_apostrophe, is_cyrillic, is_letter, to_latin};
use crate::model::{Person, PersonMention, Place};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// Finds the people named in `text`.
///
/// `places` are the place mentions already found in the same text: no
/// person mention overlaps one. Returns one [`Person`] per identity key, in
/// order of first mention, each with its mentions in text order.
pub fn find_people(text: &str, places: &[Place]) -> Vec<Person> {
    find_people_with(text, places, register::Register::active())
}

/// [`find_people`] with a given people register (the bundled one merged
/// with a user's, see [`register::Register::active`]).
pub fn find_people_with(text: &str, places: &[Place], reg: &register::Register) -> Vec<Person> {
    let people = readings::join_other_readings(find_people_raw(text, places, reg));
    resolve_with_register(people, reg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MatchKind, PlaceMention};

    fn place(text: &str, name: &str) -> Place {
        let mentions = text
            .match_indices(name)
            .map(|(s, m)| PlaceMention {
                text: m.to_string(),
                start: s,
                end: s + m.len(),
                match_kind: MatchKind::Exact,
            })
            .collect();
        Place {
            id: name.to_lowercase(),
            name: name.to_string(),
            kind: "city".into(),
            parent: None,
            mentions,
        }
    }

    struct Case {
        text: &'static str,
        places: &'static [&'static str],
        /// (mention text, role, speaker) that must be found.
        want: &'static [(&'static str, Option<&'static str>, bool)],
        /// Texts that must not be a mention.
        not: &'static [&'static str],
    }

    const CASES: &[Case] = &[
        // In a results list the word before a given name is a first given
        // name; elsewhere a place before a given name is cut off.
        Case {
            text: "Results : 29. Ingeborg Helen Marken ( Norway ) 1:19.54 30. Monika Tschirky \
                   ( Switzerland ) 1:19.60",
            places: &[],
            want: &[("Ingeborg Helen Marken", None, false)],
            not: &["Helen Marken"],
        },
        // League table rows are teams (played = won + drawn + lost); a
        // golfer's rounds do not add up so.
        Case {
            text: "Standings: Alba Berlin ( Germany ) 9 5 4 14 Estudiantes Madrid ( Spain ) 9 5 4 14 \
                   Golf : Trevor Dodds ( Namibia ) 72 69 71 , Greg Reid 72 68 71",
            places: &[],
            want: &[("Trevor Dodds", None, false), ("Greg Reid", None, false)],
            not: &["Alba Berlin", "Estudiantes Madrid"],
        },
        // A heading after a full name is cut off.
        Case {
            text: "Name : Renate Goetschl Age : 20 Nation : Austria. \
                   Squad : Goalkeepers - Blendi Nallbani , Armir Grima Defenders - Rudi Vata",
            places: &[],
            want: &[("Renate Goetschl", None, false), ("Armir Grima", None, false)],
            not: &["Renate Goetschl Age", "Armir Grima Defenders", "Age", "Defenders"],
        },
        // Where a person named in full comes from is no person; an
        // Arabic article belongs to the surname; a generation is no
        // surname.
        Case {
            text: "Diplomats said General Joseph Garba of Nigeria, a U.N. General Assembly \
                   president, would go. Mubarak's adviser Osama el-Baz said on Thursday. \
                   John Mills Jr, 41, died.",
            places: &[],
            want: &[
                ("Joseph Garba", Some("General"), true),
                ("Osama el-Baz", Some("Mubarak's adviser"), true),
                ("John Mills", None, false),
            ],
            not: &["Nigeria", "Osama", "John Mills Jr"],
        },
        // A lone word after a quotation, before "said", is the speaker;
        // not a word the text writes after "the".
        Case {
            text: "\"The educated public will,\" Tan said. The port will open, the Xinhua \
                   news agency said. \"It is new,\" Xinhua said.",
            places: &[],
            want: &[("Tan", None, true)],
            not: &["Xinhua"],
        },
        // Scorers in a sports result, each followed by the minutes; a
        // table row's team and country are not.
        Case {
            text: "Chelsea 2 ( Zola 12 , Vialli 55 ) Everton 2 ( Branch 17 , Kanchelskis 28 pen ) . \
                   Group A Dynamo Moscow ( Russia 9 6 3 15 Stefanel Milan ( Italy ) 9 6 3 15",
            places: &[],
            want: &[
                ("Zola", None, false),
                ("Vialli", None, false),
                ("Kanchelskis", None, false),
            ],
            not: &["Chelsea", "Everton", "Russia", "Italy"],
        },
        Case {
            text: "Secretary of State Antony Blinken said the talks at the Kyiv Post offices were useful.",
            places: &[],
            want: &[("Antony Blinken", Some("Secretary of State"), true)],
            not: &["State Antony Blinken", "Kyiv Post"],
        },
        Case {
            text: "Top-seeded Mark Lewis, a former U.S. Treasury official, met Jean Boxmeer. Boxmeer said so.",
            places: &[],
            want: &[
                ("Mark Lewis", Some("former U.S. Treasury official"), false),
                ("Jean Boxmeer", None, false),
                ("Boxmeer", None, true),
            ],
            not: &["Top-seeded Mark Lewis", "U.S. Treasury", "Treasury"],
        },
        Case {
            text: "The news was confirmed by People’s Deputy of Ukraine Maryana Bezugla in a recent post on social media.",
            places: &[],
            want: &[("Maryana Bezugla", Some("People's Deputy of Ukraine"), true)],
            not: &["Ukraine", "People"],
        },
        Case {
            text: "Later, another Ukrainian politician, Unigolova, warned that the town could fall.",
            places: &[],
            want: &[("Unigolova", Some("Ukrainian politician"), true)],
            not: &["Later"],
        },
        Case {
            text: "The Russian Defense Ministry said the Armed Forces had taken Mirnograd in November. Meanwhile the talks stalled.",
            places: &["Mirnograd"],
            want: &[],
            not: &["Russian Defense Ministry", "Defense Ministry", "Armed Forces", "Mirnograd", "November", "Meanwhile"],
        },
        Case {
            text: "According to the ministry, units near Krasnokamensk were pushed back.",
            places: &["Krasnokamensk"],
            want: &[],
            not: &["According", "Krasnokamensk"],
        },
        Case {
            text: "Kremlin spokesman Dmitry Peskov said talks were frozen, and V. Zelensky replied on Monday.",
            places: &[],
            want: &[
                ("Dmitry Peskov", Some("Kremlin spokesman"), true),
                ("V. Zelensky", None, true),
            ],
            not: &["Monday", "Kremlin"],
        },
        Case {
            text: "Ursula von der Leyen met Olena Zelenska in Brussels.",
            places: &["Brussels"],
            want: &[("Ursula von der Leyen", None, false), ("Olena Zelenska", None, false)],
            not: &["Brussels"],
        },
        Case {
            text: "Андрій Єрмак заявив, що переговори тривають.",
            places: &[],
            want: &[("Андрій Єрмак", None, true)],
            not: &[],
        },
        Case {
            text: "Andriy Yermak, a head of the Presidential Office, spoke briefly.",
            places: &[],
            want: &[("Andriy Yermak", Some("head of the Presidential Office"), false)],
            not: &["Presidential Office"],
        },
        Case {
            // Sports results name teams; a golf card (five numbers) still
            // names a player.
            text: "Werder Bremen 17 6 4 7 29 28 22\nHansa Rostock 0 Bayer Leverkusen 2 Werder Bremen 1 Karlsruhe 3\nRocco Mediate 68 70 69 72 279",
            places: &[],
            want: &[("Rocco Mediate", None, false)],
            not: &["Werder Bremen", "Bayer Leverkusen"],
        },
        Case {
            text: "Buza last April said he would blow himself up. Gazprom said it would cut supplies.",
            places: &[],
            want: &[("Buza", None, false)],
            not: &["Gazprom"],
        },
    ];

    /// Rules that tell a person from a title, an institution or a thing
    /// by the words around it (see [`thing_context`] and `segment_run`),
    /// each with cases that must still match.
    const CONTEXT_CASES: &[Case] = &[
        // A portfolio between a title and "Minister" is part of the role.
        Case {
            text: "Deputy Interior Minister Maciej Wąsik told reporters the border was calm.",
            places: &[],
            want: &[("Maciej Wąsik", Some("Deputy Interior Minister"), true)],
            not: &["Interior", "Deputy Interior"],
        },
        Case {
            text: "Deputy Prime Minister Iryna Vereshchuk said buses would leave at noon.",
            places: &[],
            want: &[("Iryna Vereshchuk", Some("Deputy Prime Minister"), true)],
            not: &["Prime"],
        },
        Case {
            text: "Defence Secretary Ben Wallace and Finance Minister Sergii Marchenko met.",
            places: &[],
            want: &[("Ben Wallace", Some("Defence Secretary"), false), ("Sergii Marchenko", Some("Finance Minister"), false)],
            not: &["Defence", "Finance"],
        },
        // A title alone, or a title ending a run after a modifier or
        // before "of", names no one.
        Case {
            text: "The crisis is worsening, said the Prime Minister of Great Britain on Sunday. Ambassador Robert Wood, an Alternate Representative of the United States for Special Political Affairs, spoke next. Buses left, according to the Ukrainian Deputy Prime Minister, but late.",
            places: &[],
            want: &[("Robert Wood", Some("Ambassador"), false)],
            not: &["Prime Minister", "Alternate Representative", "Special Political Affairs", "Alternate", "Prime"],
        },
        Case {
            text: "It was incompetence, according to former astronaut and Navy captain, Sen. Mark Kelly. The President, Volodymyr Zelensky, said the same.",
            places: &[],
            want: &[("Mark Kelly", None, false), ("Volodymyr Zelensky", Some("President"), true)],
            not: &["Sen", "President"],
        },
        Case {
            text: "Rebel MP John Major spoke. Major said he would stay.",
            places: &[],
            want: &[("John Major", Some("Rebel MP"), false), ("Major", None, true)],
            not: &[],
        },
        // The object of "Ministry of", "Minister of", "Office of" is not a
        // person; a full name after the portfolio still is.
        Case {
            text: "Later the Russian Ministry of Foreign Affairs said the Office of Foreign Assets Control had erred. Ukraine's Minister of Internal Affairs Denys Monastyrsky told the BBC so.",
            places: &[],
            want: &[(
                "Denys Monastyrsky",
                Some("Ukraine's Minister of Internal Affairs"),
                true,
            )],
            not: &["Foreign Affairs", "Assets Control", "Internal Affairs", "Internal Affairs Denys Monastyrsky"],
        },
        Case {
            text: "The head of the Ministry of Foreign Affairs Radosław Sikorski stated that the government of Viktor Orban was isolated. It was the work of Minister of Foreign Affairs Kuleba.",
            places: &[],
            want: &[
                ("Radosław Sikorski", Some("head of the Ministry of Foreign Affairs"), true),
                ("Viktor Orban", None, false),
                ("Kuleba", Some("Minister of Foreign Affairs"), false),
            ],
            not: &["Affairs Radosław Sikorski"],
        },
        // Right after "the": a thing, a title or an institution.
        Case {
            text: "Gas flowed via the Nord Stream pipeline. The Duchess later said she was moved, and the Kremlin said nothing. Tributes were paid to the late Alexei Navalny.",
            places: &[],
            want: &[("Alexei Navalny", None, false)],
            not: &["Nord Stream", "Duchess", "Kremlin"],
        },
        Case {
            text: "Gas flowed via the Nord Stream pipeline. Scholz must commit to ending Nord Steam 2.",
            places: &[],
            want: &[],
            not: &["Nord Stream", "Nord Steam"],
        },
        Case {
            text: "She appeared at the Artistic Gymnastics Festival she organized.",
            places: &[],
            want: &[],
            not: &["Artistic Gymnastics", "Artistic Gymnastics Festival"],
        },
        // After an article or a possessive; after a locative preposition
        // an ending alone is a place's. A sentence-initial adverb is no
        // given name ("Раніше Блінкен").
        Case {
            text: "For more information see our Privacy Policy here. NATO chief Jens Stoltenberg agreed, as did DNI Avril Haines. Shelling hit a kindergarten in Stanica Ługańska on Thursday, Maryna Shevchenko said. Держсекретар США Ентоні Блінкен заявив це. Раніше Блінкен був у Києві.",
            places: &[],
            want: &[
                ("Jens Stoltenberg", Some("NATO chief"), false),
                ("Avril Haines", None, false),
                ("Maryna Shevchenko", None, true),
                ("Ентоні Блінкен", Some("Держсекретар США"), true),
                ("Блінкен", None, false),
            ],
            not: &["Privacy Policy", "Stanica Ługańska", "Раніше Блінкен"],
        },
        Case {
            text: "Peskov said that Zelensky was wrong, and the Kremlin’s Peskov repeated it. CNN’s Erin Burnett asked. Conservative MP Edwina Currie told the BBC. Liverpool lost to a Guy Whittingham goal.",
            places: &[],
            want: &[("Zelensky", None, false), ("Erin Burnett", None, false), ("Edwina Currie", Some("Conservative MP"), true), ("Guy Whittingham", None, false)],
            not: &["Kremlin"],
        },
        // Right after an organisation word inside a run: its product.
        Case {
            text: "The Google Privacy Policy and Terms of Service apply. Wagner Group founder Yevgeny Prigozhin and Gazprom CEO Alexei Miller spoke.",
            places: &[],
            want: &[("Yevgeny Prigozhin", Some("Wagner Group founder"), false), ("Alexei Miller", Some("Gazprom CEO"), false)],
            not: &["Privacy Policy", "Google Privacy Policy"],
        },
        // An initial holds only the word right after it.
        Case {
            text: "Корр. беседует с сотрудником ИМЭМО им. Е.М. Примакова Николаем Кожановым. T. H. J. Nerozzi contributed.",
            places: &[],
            want: &[("Николаем Кожановым", None, false), ("T. H. J. Nerozzi", None, false)],
            not: &["Е.М. Примакова Николаем Кожановым"],
        },
        // Portfolios, forums and systems are institutions.
        Case {
            text: "He spoke at the summit of the International Crimea Platform and the National Card Payment System, and to Chief International Anchor Christiane Amanpour.",
            places: &[],
            want: &[("Christiane Amanpour", Some("Chief International Anchor"), false)],
            not: &["Crimea Platform", "Card Payment", "Anchor Christiane Amanpour"],
        },
        // Quoted names and photo credits.
        Case {
            text: "Supplies came through American “Lend Lease” deliveries, the Italian daily \"Corriere della Sera\" wrote. “Yevgeny Prigozhin” was the name on the coffin.",
            places: &[],
            want: &[("Yevgeny Prigozhin", None, false)],
            not: &["Lend Lease", "Corriere della Sera"],
        },
        Case {
            text: "Oleg Tinkov speaks in Hong Kong. (Anthony Kwan/Bloomberg/Getty Images)\nPAP/ Reuters/ Maciej Zieliński",
            places: &["Hong Kong"],
            want: &[("Oleg Tinkov", None, false), ("Anthony Kwan", None, false), ("Maciej Zieliński", None, false)],
            not: &["Getty Images", "Bloomberg"],
        },
        // A capitalised verb marks a title-case headline.
        Case {
            text: "Other Topics of Interest Scholz Urges More Ukrainian Refugees in Germany to Take Up Work. Edward Said wrote about it. They met Secretary-General Umar Said, who leads the talks.",
            places: &["Germany"],
            want: &[("Edward Said", None, true), ("Umar Said", Some("Secretary-General"), false)],
            not: &["Scholz Urges", "Interest Scholz", "Up Work", "Take Up Work"],
        },
        // Cyrillic: adjectives before their noun, institutions in the
        // genitive, the head of an institution.
        Case {
            text: "Відбулися загальні збори Російської академії освіти. Дебати Ради Безпеки ООН вела Праміла Паттен, спецпредставниця. Начальник Генштаба генерал Мохаммад Багері заявив про удар.",
            places: &[],
            want: &[("Праміла Паттен", None, false), ("Мохаммад Багері", Some("Начальник Генштаба генерал"), true)],
            not: &["Російської", "Ради Безпеки", "Безпеки", "Генштаба"],
        },
        Case {
            text: "Кризис на Ближнем Востоке обострился. Президент Зеленський провів нараду, а Сирський доповів про фронт.",
            places: &[],
            want: &[("Зеленський", Some("Президент"), false), ("Сирський", None, false)],
            not: &["Ближнем Востоке", "Востоке"],
        },
    ];

    /// Cyrillic rules of `cyrillic.rs` and `segment_run`: (text, mentions
    /// that must be found, texts that must not be a mention).
    const CYRILLIC_CASES: &[(&str, &[&str], &[&str])] = &[
        // A verbal noun or a verb opening the sentence, then a title: no one.
        (
            "Спілкування Президента з журналістами тривало дві години.",
            &[],
            &["Спілкування Президента", "Президента", "Спілкування"],
        ),
        (
            "Дякуємо Президентові Литви за підтримку. Поінформував Прем'єр-міністра про все.",
            &[],
            &[
                "Дякуємо Президентові",
                "Президентові",
                "Дякуємо",
                "Поінформував",
            ],
        ),
        (
            "Напомним, что министр Сергей Шойгу ранее заявлял об этом.",
            &["Сергей Шойгу"],
            &["Напомним"],
        ),
        (
            "Будьте уважні. Закривайте вікна. Поверніться додому. Обговорили це з Оленою Кравець.",
            &["Оленою Кравець"],
            &["Будьте", "Закривайте", "Поверніться", "Обговорили"],
        ),
        (
            "Звання Героя України присвоєно сержанту.",
            &[],
            &["Звання Героя", "Героя", "Звання"],
        ),
        // Institutions in any case.
        (
            "Удар был нанесён Вооруженными Силами страны. Кабінет Міністрів ухвалив рішення.",
            &[],
            &[
                "Вооруженными Силами",
                "Силами",
                "Кабінет Міністрів",
                "Міністрів",
                "Кабінет",
            ],
        ),
        (
            "Генеральний секретар Організації Об'єднаних Націй прибув до Києва.",
            &[],
            &[
                "Організації Об'єднаних Націй",
                "Об'єднаних Націй",
                "Організації",
            ],
        ),
        // A Latin word does not join a Cyrillic name.
        (
            "Засновник компанії SpaceX Олег Дмитренко виступив.",
            &["Олег Дмитренко"],
            &["SpaceX Олег Дмитренко"],
        ),
        // A title agrees with its name in case: a word that does not is
        // the title's complement.
        (
            "Він поінформував Президента Єгипту і поговорив з Прем'єр-міністром Нідерландів Рютте.",
            &["Рютте"],
            &["Єгипту", "Нідерландів", "Нідерландів Рютте"],
        ),
        (
            "Розмова з Президентом Макроном і Президентові Байдену подяка.",
            &["Макроном", "Байдену"],
            &[],
        ),
        // Coordinated surnames: one known makes the other a surname.
        (
            "Це Путін і Шевченко. Зеленський і Міноборони. Путін і Кремль.",
            &["Путін", "Шевченко", "Зеленський"],
            &["Міноборони", "Кремль"],
        ),
        // A lone case form whose nominative the register knows.
        (
            "Говорив з Президентом Литви паном Наусєдою про безпеку.",
            &["Наусєдою"],
            &[],
        ),
        // Must keep: a given name shaped like a verb ("Анджела"), a
        // surname at the start of a sentence.
        (
            "Анджела Меркель заявила про це. Меркель наголосила на єдності.",
            &["Анджела Меркель", "Меркель"],
            &[],
        ),
    ];

    #[test]
    fn cyrillic_table() {
        let mut failures = Vec::new();
        for (text, want, not) in CYRILLIC_CASES {
            let people = find_people(text, &[]);
            let found: Vec<&str> = people
                .iter()
                .flat_map(|p| &p.mentions)
                .map(|m| m.text.as_str())
                .collect();
            for w in *want {
                if !found.contains(w) {
                    failures.push(format!("{w:?} not found in {text:?}: got {found:?}"));
                }
            }
            for n in *not {
                if found.contains(n) {
                    failures.push(format!("{n:?} must not be a person in {text:?}"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn title_tells_two_register_people_apart() {
        let text = "Говорив з Прем'єр-міністром Великої Британії Джонсоном про санкції.";
        let people = find_people(text, &[place(text, "Великої Британії")]);
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].name, "Boris Johnson");
        // Without a title the surname stays ambiguous: no canonical name.
        let people = find_people("Він розмовляв з паном Джонсоном учора.", &[]);
        assert!(people
            .iter()
            .all(|p| p.name != "Boris Johnson" && p.name != "Mike Johnson"));
    }

    /// Russian names are romanized the Russian way, Ukrainian ones by the
    /// national system, when the register does not know them.
    #[test]
    fn display_name_follows_the_language() {
        let name = |text: &str| {
            find_people(text, &[])
                .into_iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            name("Глава района Евгений Скворцов сообщил о пожаре."),
            ["Yevgeny Skvortsov"]
        );
        assert_eq!(
            name("Голова громади Євген Скворцов повідомив про пожежу."),
            ["Yevhen Skvortsov"]
        );
        assert_eq!(
            name("Об этом сообщил Андрей Скворцов."),
            ["Andrei Skvortsov"]
        );
    }

    #[test]
    fn context_table() {
        check_cases(CONTEXT_CASES);
    }

    #[test]
    fn mention_table() {
        check_cases(CASES);
    }

    /// Checks every case and reports all failures at once.
    fn check_cases(cases: &[Case]) {
        let mut failures = Vec::new();
        for case in cases {
            let places: Vec<Place> = case.places.iter().map(|p| place(case.text, p)).collect();
            let people = find_people(case.text, &places);
            let mentions: Vec<&PersonMention> = people.iter().flat_map(|p| &p.mentions).collect();
            let found: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
            for (text, role, speaker) in case.want {
                match mentions.iter().find(|m| m.text == *text) {
                    None => failures.push(format!(
                        "{text:?} not found in {:?}: got {found:?}",
                        case.text
                    )),
                    Some(m) if m.role.as_deref() != *role || m.speaker != *speaker => failures
                        .push(format!(
                            "{text:?} in {:?}: role {:?} speaker {}, want {role:?} {speaker}",
                            case.text, m.role, m.speaker
                        )),
                    Some(_) => {}
                }
            }
            for bad in case.not {
                if found.contains(bad) {
                    failures.push(format!("{bad:?} must not be a person in {:?}", case.text));
                }
            }
            for m in &mentions {
                assert_eq!(&case.text[m.start..m.end], m.text);
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn surname_only_mention_links_to_full_name() {
        let text = "This matches former parliamentarian Igor Mosiychuk, who claimed on November 4 \
                    that the line broke. Mosiychuk further alleged that officials misled the public.";
        let people = find_people(text, &[]);
        assert_eq!(people.len(), 1, "{people:#?}");
        let p = &people[0];
        assert_eq!(p.key, "mosichuk:ihor");
        assert_eq!(p.name, "Igor Mosiychuk");
        assert_eq!(p.mentions.len(), 2);
        assert_eq!(
            p.mentions[0].role.as_deref(),
            Some("former parliamentarian")
        );
        assert!(p.mentions[0].speaker);
        assert!(p.mentions[1].speaker);
        assert_eq!(p.mentions[1].text, "Mosiychuk");
    }

    #[test]
    fn a_company_named_in_full_is_no_person_alone() {
        let text = "Barrick Gold Corp and Bre-X Minerals Ltd met on Friday. \
                    Barrick said talks would go on. Bre-X declined to comment.";
        let people = find_people(text, &[]);
        assert!(people.is_empty(), "{people:#?}");
        // Must NOT: a person's surname stays one though a company bears it
        // elsewhere, when a role or a full name says person.
        let text = "Ford Motor Co shares fell. Chairman Bill Ford said the plan stands. \
                    Ford added that jobs were safe.";
        let people = find_people(text, &[]);
        let ford = people.iter().find(|p| p.key.starts_with("ford"));
        assert!(ford.is_some(), "{people:#?}");
    }

    #[test]
    fn lone_surname_links_even_when_it_is_also_a_given_name() {
        // "Gorst" folds like the given name Horst; "Van" is a particle.
        let text = "Rebel MP John Gorst had not resigned. Gorst said he would wait. \
                    Jean van Boxmeer agreed. Van Boxmeer said sales rose.";
        let people = find_people(text, &[]);
        let gorst = people.iter().find(|p| p.key == "gorst:john");
        let gorst = gorst.unwrap_or_else(|| panic!("{people:#?}"));
        assert_eq!(gorst.mentions.len(), 2, "{people:#?}");
        let boxmeer = people.iter().find(|p| p.name == "Jean van Boxmeer");
        let boxmeer = boxmeer.unwrap_or_else(|| panic!("{people:#?}"));
        assert_eq!(boxmeer.mentions[1].text, "Van Boxmeer");
        // Must NOT: a lone given name borne by the person named in full is
        // not a surname ("Horst Weber … Horst" is not "Horst Gorst").
        let text = "John Horst met Horst Weber. Horst said it went well.";
        let people = find_people(text, &[]);
        let horst = people.iter().find(|p| p.key.starts_with("gorst"));
        assert!(horst.is_none_or(|p| p.mentions.len() == 1), "{people:#?}");
    }

    #[test]
    fn one_person_across_scripts_in_an_article() {
        let text = "Володимир Зеленський провів нараду. Президент Зеленський сказав, що фронт тримається. \
                    Зеленського підтримали партнери.";
        let people = find_people(text, &[]);
        assert_eq!(people.len(), 1, "{people:#?}");
        assert_eq!(people[0].key, person_key("Volodymyr Zelensky"));
        assert_eq!(people[0].mentions.len(), 3);
        // The register's conventional English name, not the romanization.
        assert_eq!(people[0].name, "Volodymyr Zelensky");
        // Without the register, the nominative in the national romanization.
        let people = find_people_with(text, &[], &register::Register::default());
        assert_eq!(people[0].name, "Volodymyr Zelenskyi");
    }

    /// Issue 12: identities that must merge, and must stay apart.
    #[test]
    fn issue12_merge_and_apart_tables() {
        let keys = |text: &str| -> Vec<(String, String, Vec<String>)> {
            find_people(text, &[])
                .into_iter()
                .map(|p| {
                    let texts = p.mentions.iter().map(|m| m.text.clone()).collect();
                    (p.key, p.name, texts)
                })
                .collect()
        };
        // Must merge: each text is one person.
        for text in [
            "Maria Zakharova said on Monday. Maria Zacharowa added later. María Zajárova spoke.",
            "Dmytro Kuleba said. Later Dmytro Kubela met them. Dmytro Kułyba spoke too.",
            "Keir Starmer said so. Keir Starmar added that.",
            "Walerij Załużny said the front held. Valerii Zaluzhnyi added that.",
            "Swiatłana Cichanouska said so. Sviatlana Tsikhanouskaya agreed.",
            "Прем'єр зустрівся з Кіром Стармером. Keir Starmer said so. Стармер заявив про це.",
            "Анналена Бербок прибула до Києва. Annalena Baerbock said so.",
            "Ердоган заявив, що готовий до переговорів. Recep Tayyip Erdogan said so.",
            "Андрія Сибіги заява. Андрій Сибіга сказав. Andrii Sybiha said.",
        ] {
            let k = keys(text);
            assert_eq!(k.len(), 1, "{text}: {k:#?}");
        }
        // Must stay apart.
        let k = keys("Olena Zelenska met Volodymyr Zelensky in Kyiv on Friday.");
        assert_eq!(k.len(), 2, "{k:#?}");
        // Johnson alone is ambiguous: two Johnsons are listed.
        let k = keys("Johnson said on Monday that it went well.");
        assert!(!k.iter().any(|p| p.1.contains("Boris")), "{k:#?}");
        // A surname alone, Cyrillic, any case, resolved by the register.
        let k = keys("Орбан заявив, що Угорщина проти. Підтримки Орбана немає.");
        assert_eq!(k.len(), 1, "{k:#?}");
        assert_eq!(k[0].1, "Viktor Orbán");
        assert_eq!(k[0].2.len(), 2, "{k:#?}");
        // German surname alone.
        let k = keys("Selenskyj sagte, die Front halte.");
        assert_eq!(
            k.first().map(|p| p.1.as_str()),
            Some("Volodymyr Zelensky"),
            "{k:#?}"
        );
    }

    /// Ukrainian and Russian titles with their portfolio in the genitive
    /// fill the role; the title words are never a name.
    #[test]
    fn cyrillic_titles_with_their_portfolio() {
        check_cases(&[
            Case {
                text: "Міністр закордонних справ Дмитро Кулеба зустрівся з послом. \
                       Речник Повітряних сил Юрій Ігнат розповів про атаку.",
                places: &[],
                want: &[
                    ("Дмитро Кулеба", Some("Міністр закордонних справ"), false),
                    ("Юрій Ігнат", Some("Речник Повітряних сил"), true),
                ],
                not: &["Повітряних", "Речник Повітряних"],
            },
            Case {
                text: "Министр обороны России Андрей Белоусов провел совещание. \
                       Председатель Еврокомиссии Урсула фон дер Ляйен приехала в Киев.",
                places: &["России", "Киев"],
                want: &[
                    ("Андрей Белоусов", Some("Министр обороны России"), false),
                    (
                        "Урсула фон дер Ляйен",
                        Some("Председатель Еврокомиссии"),
                        false,
                    ),
                ],
                not: &["Председатель Еврокомиссии", "Еврокомиссии"],
            },
            // A title in the plural introduces no one person.
            Case {
                text: "Дякую лідерам Заходу і представникам Євросоюзу.",
                places: &[],
                want: &[],
                not: &["Заходу", "Євросоюзу"],
            },
            // In a list, a title after a comma is the next name's, never
            // an apposition of the name before it.
            Case {
                text: "Дякую: Прем'єр-міністр Канади Трюдо, канцлер Німеччини Шольц. \
                       Подяка Ірині Верещук, Давиду Арахамії, представникам ООН.",
                places: &["Канади", "Німеччини"],
                want: &[("Трюдо", None, false), ("Давиду Арахамії", None, false)],
                not: &[],
            },
            // Polish and German titles; the word between a title and a
            // name led by a given name is the title's complement.
            Case {
                text: "Prezydent Ukrainy Wołodymyr Zełenski spotkał się z premierem. \
                       Rzecznik Kremla Dmitrij Pieskow powiedział, że nie. \
                       Außenministerin Annalena Baerbock kritisierte Russland.",
                places: &[],
                want: &[
                    ("Wołodymyr Zełenski", Some("Prezydent Ukrainy"), false),
                    ("Dmitrij Pieskow", Some("Rzecznik Kremla"), true),
                    ("Annalena Baerbock", Some("Außenministerin"), false),
                ],
                not: &["Ukrainy", "Kremla", "Prezydent Ukrainy", "Rzecznik Kremla"],
            },
            // A sentence-initial conjunction is no part of a name.
            Case {
                text: "Vladimir Putin spoke. Whereas Putin insists on his terms, \
                       Unless Zelensky agrees, nothing moves.",
                places: &[],
                want: &[("Putin", None, true)],
                not: &["Whereas Putin", "Unless Zelensky"],
            },
            // A verb between a title and a name is no portfolio.
            Case {
                text: "Депутат підтримав Дмитра Кулебу у вівторок.",
                places: &[],
                want: &[("Дмитра Кулебу", None, false)],
                not: &[],
            },
        ]);
    }

    /// Issue 12: ranks and titles in any case are roles, not names.
    #[test]
    fn issue12_titles_are_roles() {
        for (text, name_text, not) in [
            (
                "Указ про нагородження полковнику Іваненку Петру Степановичу.",
                "Іваненку Петру Степановичу",
                &["Полковнику", "Петру Степановичу"][..],
            ),
            (
                "Звернення Президента України Володимира Зеленського.",
                "Володимира Зеленського",
                &["Звернення Президента"][..],
            ),
            (
                "Підполковнику Сергію Коваленку вручили орден.",
                "Сергію Коваленку",
                &["Підполковнику"][..],
            ),
        ] {
            let places: Vec<Place> = ["України"]
                .iter()
                .filter(|p| text.contains(*p))
                .map(|p| place(text, p))
                .collect();
            let people = find_people(text, &places);
            let all: Vec<&str> = people
                .iter()
                .flat_map(|p| p.mentions.iter().map(|m| m.text.as_str()))
                .collect();
            assert!(all.contains(&name_text), "{text}: {people:#?}");
            for n in not {
                assert!(
                    !all.iter()
                        .any(|m| m.contains(n) && m.len() > name_text.len() || m == n),
                    "{text}: {n} in {all:?}"
                );
            }
            assert_eq!(people.len(), 1, "{text}: {people:#?}");
        }
        // The patronymic is not a second person and not in the key.
        assert_eq!(
            person_key("полковнику Іваненку Петру Степановичу"),
            person_key("Петро Іваненко")
        );
    }

    #[test]
    fn person_key_table() {
        let same: &[&[&str]] = &[
            &[
                "Maryana Bezuhla",
                "Mariana Bezugla",
                "Безугла Мар'яна",
                "Мар'яна Безугла",
                "Марьяна Безуглая",
            ],
            &[
                "Ihor Mosiichuk",
                "Igor Mosiychuk",
                "Ігор Мосійчук",
                "Игорь Мосийчук",
            ],
            &[
                "Oleksandr Syrskyi",
                "Alexander Syrsky",
                "Aleksandr Syrsky",
                "Олександр Сирський",
                "Александр Сырский",
                "General Oleksandr Syrskyi",
            ],
            &[
                "Volodymyr Zelensky",
                "Vladimir Zelenskiy",
                "Володимир Зеленський",
                "Володимира Зеленського",
                "Зеленський Володимир Олександрович",
            ],
            &["Yulia Svyrydenko", "Yuliia Svyrydenko", "Юлія Свириденко"],
            &[
                "Vitali Klitschko",
                "Vitaliy Klychko",
                "Віталій Кличко",
                "Віталія Кличка",
            ],
            &["Bezugla", "Безугла", "Bezuhla"],
        ];
        for group in same {
            let k = person_key(group[0]);
            for n in group.iter() {
                assert_eq!(person_key(n), k, "{n:?} vs {:?}", group[0]);
            }
        }
        let apart = [
            ("Vitali Klitschko", "Wladimir Klitschko"),
            ("Ivan Ivanov", "Ivanna Ivanova"),
            ("Viktor Tkachenko", "Viktor Tkachuk"),
            ("Taras Shevchenko", "Taras Savchenko"),
        ];
        for (a, b) in apart {
            assert_ne!(person_key(a), person_key(b), "{a:?} vs {b:?}");
        }
        assert_eq!(person_key("Mariana Bezugla"), "bezugla:maryana");
        assert_eq!(surname_of_key(&person_key("Mariana Bezugla")), "bezugla");
        assert_eq!(person_key(""), "");
    }

    #[test]
    fn person_key_undoes_ukrainian_case_endings() {
        let same: &[&[&str]] = &[
            &[
                "Dmytro Kuleba",
                "Дмитро Кулеба",
                "Дмитра Кулеби",
                "Дмитром Кулебою",
            ],
            &[
                "Denys Shmyhal",
                "Денис Шмигаль",
                "Дениса Шмигаля",
                "Денису Шмигалю",
            ],
            &[
                "Andriy Yermak",
                "Андрій Єрмак",
                "Андрія Єрмака",
                "Андрієм Єрмаком",
            ],
            &["Vitali Klitschko", "Віталій Кличко", "Віталія Кличка"],
            &["Andrii Sybiha", "Андрій Сибіга", "Андрія Сибіги"],
            &[
                "Oleksandr Syrskyi",
                "Олександра Сирського",
                "Олександром Сирським",
            ],
        ];
        for group in same {
            let k = person_key(group[0]);
            for n in group.iter() {
                assert_eq!(person_key(n), k, "{n:?} vs {:?}", group[0]);
            }
        }
    }

    #[test]
    fn every_listed_given_name_resolves_to_its_line() {
        // Each spelling resolves to the canonical name of the first line
        // that lists it, so two lines never fight over one spelling.
        let mut first_line: FxHashMap<String, &str> = FxHashMap::default();
        for line in GIVEN_NAMES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let mut ws = line.split_whitespace();
            let Some(canon) = ws.next() else { continue };
            for w in std::iter::once(canon).chain(ws) {
                first_line.entry(w.to_lowercase()).or_insert(canon);
            }
        }
        let lex = lexicon();
        for (spelling, canon) in &first_line {
            // Month and function words ("jan", "mar") are never given names.
            if lex.flags(spelling) & (W_STOP | W_NATIONALITY | W_MONTH) != 0 {
                continue;
            }
            assert_eq!(
                given_canon(spelling).map(|g| g.0),
                Some(*canon),
                "{spelling}"
            );
        }
    }

    #[test]
    fn no_panic_and_offsets_on_odd_input() {
        let inputs = [
            "",
            "A",
            "V.",
            "Mr. ",
            "’s",
            "Zelensky's",
            "«Мар’яна»",
            "de van von",
            "X. Y. Z.",
            "Ів. Ів.",
            "\u{0}\u{FEFF}Петро Порошенко",
            "O'Brien said",
            "Jean-Claude Juncker—said",
        ];
        for s in inputs {
            for p in find_people(s, &[]) {
                for m in p.mentions {
                    assert_eq!(&s[m.start..m.end], m.text);
                }
            }
        }
    }

    #[test]
    fn deterministic() {
        let text = "Petro Poroshenko and Yulia Tymoshenko met. Poroshenko said Tymoshenko agreed.";
        let a = find_people(text, &[]);
        let b = find_people(text, &[]);
        assert_eq!(a, b);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].mentions.len(), 2);
    }
}
