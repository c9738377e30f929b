//! Identity keys: a name in any spelling, script or case to `surname` or
//! `surname:given`, and the surname and given-name rules they need.

use super::*;

/// Whether a first word may be a surname put before the given name: that
/// order is usual in Ukrainian and Russian official style ("Безугла
/// Мар'яна", "ZELENSKY Volodymyr"), rare in English ("Norman Daniel" is
/// given name + surname).
pub(super) fn surname_first_style(first: &str) -> bool {
    first.chars().any(is_cyrillic)
        || (first.chars().count() > 1 && first.chars().all(|c| is_upper(c) || !is_letter(c)))
}

/// Whether a Latin name of two to four words is written surname first, as
/// Chinese, Korean and Vietnamese names are: its first word is a common
/// surname there (`[east_asian_surname]` of the word lists) and none of its
/// words is a known given name ("Xi Jinping", "Moon Jae-in"; not "Lin
/// Manuel").
pub(super) fn east_asian_order(words: &[&str]) -> bool {
    (2..=4).contains(&words.len())
        && east_asian_surname(words[0])
        && words
            .iter()
            .all(|w| w.is_ascii() && given_canon(w).is_none())
}

/// Whether a Latin word is a common East Asian surname (any case).
pub(super) fn east_asian_surname(word: &str) -> bool {
    word.len() <= 8
        && word.is_ascii()
        && lexicon()
            .east_asian
            .contains(word.to_ascii_lowercase().as_str())
}

/// A generation after a surname: "Jr", "Sr", "II", "III", "IV".
pub(super) fn is_generation(word: &str) -> bool {
    matches!(word, "Jr" | "Sr" | "JR" | "SR" | "II" | "III" | "IV")
}

/// Patronymics (Олександрович, Ivanovich, Petrivna) are neither given name
/// nor surname.
pub(super) fn is_patronymic(word: &str) -> bool {
    // Patronymics are long; most words stop here, before any lower-casing.
    if word.len() < 7 {
        return false;
    }
    let l = lower(word);
    let cyr = [
        "ович",
        "евич",
        "йович",
        "івна",
        "ївна",
        "овна",
        "евна",
        "ьович",
        "ьовича",
        "овича",
        "івни",
        "овны",
        "ьевич",
    ];
    let lat = [
        "ovych", "ovich", "evich", "ivna", "ovna", "evna", "yovych", "iovych",
    ];
    if l.chars().count() < 7 {
        return false;
    }
    cyr.iter().any(|e| l.ends_with(e)) || lat.iter().any(|e| l.ends_with(e))
}

/// How strongly a word's ending marks it as a (mostly Slavic) surname.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Ending {
    None,
    Weak,
    Strong,
}

/// `folded` is the [`fold`] of the surname.
pub(super) fn surname_ending(folded: &str) -> Ending {
    let f = folded;
    if f.len() < 5 {
        return Ending::None;
    }
    const STRONG: &[&str] = &[
        "enko", "chuk", "iuk", "shchuk", "ski", "ska", "skii", "vich", "shvili", "dze", "chik",
        "niak", "iak",
    ];
    const WEAK: &[&str] = &[
        "ov", "ova", "ev", "eva", "in", "ina", "ko", "ik", "ich", "ian", "uk",
    ];
    if STRONG.iter().any(|e| f.ends_with(e)) {
        Ending::Strong
    } else if WEAK.iter().any(|e| f.ends_with(e)) {
        Ending::Weak
    } else {
        Ending::None
    }
}

/// Cyrillic surname case endings that are unambiguous: adjective-type
/// surnames (Зеленського → Зеленський) and -енко/-чук nouns.
pub(super) fn lemma_surname(word: &str, inflected: bool) -> Cow<'_, str> {
    if !word.chars().any(is_cyrillic) {
        // After a given name in a Polish case ("Donaldem Tuskiem").
        if inflected {
            if let Some(nom) = super::polish::surname_nominative(word) {
                return Cow::Owned(nom);
            }
        }
        return Cow::Borrowed(word);
    }
    const ADJ: &[(&str, &str)] = &[
        ("ського", "ський"),
        ("ському", "ський"),
        ("ським", "ський"),
        ("ськім", "ський"),
        ("ської", "ська"),
        ("ській", "ська"),
        ("ською", "ська"),
        ("ську", "ська"),
        ("цького", "цький"),
        ("цькому", "цький"),
        ("цьким", "цький"),
        ("ского", "ский"),
        ("скому", "ский"),
        ("ским", "ский"),
        ("ской", "ская"),
        ("енка", "енко"),
        ("енку", "енко"),
        ("енком", "енко"),
        ("енкові", "енко"),
        ("чука", "чук"),
        ("чуку", "чук"),
        ("чуком", "чук"),
        ("чукові", "чук"),
    ];
    for (end, nom) in ADJ {
        if let Some(stem) = word.strip_suffix(end) {
            if !stem.is_empty() {
                return Cow::Owned(format!("{stem}{nom}"));
            }
        }
    }
    if inflected {
        // The given name was in an oblique case, so the surname is too.
        // Undo the common noun case endings (fold ignores the soft sign, so
        // Шмигаля → Шмигал matches Шмигаль).
        const NOUN: &[(&str, &str)] = &[
            ("ові", ""),
            ("еві", ""),
            ("єві", ""),
            ("ою", "а"),
            ("ею", "я"),
            ("ом", ""),
            ("ем", ""),
            ("єм", ""),
            ("и", "а"),
            ("і", "а"),
            ("у", ""),
            ("ю", ""),
            ("а", ""),
            ("я", ""),
        ];
        for (end, nom) in NOUN {
            let Some(stem) = word.strip_suffix(end) else {
                continue;
            };
            if stem.chars().count() < 3 {
                continue;
            }
            // Кличка → Кличко (consonant + к), but Єрмака → Єрмак.
            let mut rev = stem.chars().rev();
            let (last, before) = (rev.next(), rev.next());
            if *end == "а"
                && last.is_some_and(|c| matches!(c, 'к' | 'К'))
                && before.is_some_and(|c| !is_vowel_cyr(c))
            {
                return Cow::Owned(format!("{stem}о"));
            }
            return Cow::Owned(format!("{stem}{nom}"));
        }
    }
    Cow::Borrowed(word)
}

/// "Олександра Сирського" is Oleksandr in the genitive, not Oleksandra: a
/// masculine adjective surname in an oblique case decides the given name.
pub(super) fn oblique_masculine_given(
    given_word: &str,
    surname_word: &str,
    given: Option<(&'static str, bool)>,
) -> Option<(&'static str, bool)> {
    const MASC_OBLIQUE: &[&str] = &[
        "ського",
        "ському",
        "ським",
        "цького",
        "цькому",
        "цьким",
        "ского",
        "скому",
        "ским",
    ];
    let l = lower(surname_word);
    let g = lower(given_word);
    // Polish: "Ołeksandra Syrskiego" is Ołeksandr's genitive.
    if super::polish::masculine_oblique_adjective(&l) {
        if let Some(c) = super::polish::given_in_case(&g, true) {
            return Some((c, true));
        }
    }
    if !MASC_OBLIQUE.iter().any(|e| l.ends_with(e)) {
        return given;
    }
    for end in ["а", "у", "ові", "ом", "я", "ю", "ем", "єм"] {
        if let Some(stem) = g.strip_suffix(end) {
            for add in ["", "й", "ь"] {
                if let Some(c) = lexicon().given_fold.get(&fold(&format!("{stem}{add}"))) {
                    return Some((c, true));
                }
            }
        }
    }
    given
}

pub(super) fn is_vowel_cyr(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'а' | 'е' | 'є' | 'и' | 'і' | 'ї' | 'о' | 'у' | 'ю' | 'я' | 'ы' | 'э' | 'ё'
    )
}

/// The identity key of a person's name in any spelling, script or order:
/// `<folded surname>` or `<folded surname>:<canonical given name>`.
///
/// Titles, initials and patronymics are ignored; a Cyrillic name in an
/// oblique case is brought back to the nominative where the ending is clear.
///
/// ```
/// # use frontline::extract::people::person_key;
/// assert_eq!(person_key("Maryana Bezuhla"), person_key("Безугла Мар'яна"));
/// assert_eq!(person_key("Bezugla"), "bezugla");
/// assert_eq!(person_key("Mariana Bezugla"), "bezugla:maryana");
/// ```
pub fn person_key(name: &str) -> String {
    let lex = lexicon();
    let words: Vec<&str> = split_words(name).collect();
    // A Cyrillic name is brought to the nominative as a whole first: its
    // words agree in case, and the patronymic tells the case best.
    if let Some(name_words) = cyrillic_name_words(&words) {
        if let Some(n) = morphology::nominative(&name_words, &given_name_reading) {
            return key_of_reading(&n);
        }
    }
    // Drop titles, initials and patronymics (keep at least one word). Of
    // two name words the second is a surname even when it ends like a
    // patronymic ("Oleksiy Arestovych", "Andrej Plenković").
    let name_count = words
        .iter()
        .filter(|w| w.chars().count() > 1 && !lex.has_role(lower(w).as_ref()))
        .count();
    let mut kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            let l = lower(w);
            w.chars().count() > 1
                && (name_count < 3 || !is_patronymic(w))
                && !lex.has_role(l.as_ref())
        })
        .collect();
    if kept.is_empty() {
        kept = words.clone();
    }
    // "John Mills Jr": a generation after the surname is no part of the key.
    if kept.len() > 1 && kept.last().is_some_and(|w| is_generation(w)) {
        kept.pop();
    }
    let Some(&last) = kept.last() else {
        return String::new();
    };
    if kept.len() == 1 {
        return fold(&lemma_surname(last, false));
    }
    // The given name is the first word (Western order) or the last one
    // ("Безугла Мар'яна"); the surname is the last other word.
    let first_given = given_canon(kept[0]);
    let (given, surname) = match first_given {
        Some(g) => (Some(g), last),
        None if surname_first_style(kept[0]) => match given_canon(last) {
            Some(g) => (Some(g), kept[0]),
            None => (None, last),
        },
        None => (None, last),
    };
    let given_word = if first_given.is_some() { kept[0] } else { last };
    let given = oblique_masculine_given(given_word, surname, given);
    let inflected = given.is_some_and(|g| g.1);
    let sur = fold(&lemma_surname(surname, inflected));
    match given {
        Some((canon, _)) => format!("{sur}:{canon}"),
        None => sur,
    }
}

/// The keys a name may have: [`person_key`] first, then, for a Cyrillic
/// name whose case form two paradigms share, the keys of its other
/// readings that agree as well and score as high (the Russian "о Сергее
/// Шпирне" is Шпирн's or Шпирна's prepositional). A hook for identity
/// resolution: a form joins a person the same text names in one of these
/// readings. A name with one reading has one key.
///
/// ```
/// # use frontline::extract::people::{person_key, person_key_readings};
/// let keys = person_key_readings("Сергее Шпирне");
/// assert_eq!(keys[0], person_key("Сергее Шпирне"));
/// assert!(keys.contains(&person_key("Сергей Шпирн")));
/// assert!(keys.contains(&person_key("Сергей Шпирна")));
/// assert_eq!(person_key_readings("Andrii Sybiha"), [person_key("Andrii Sybiha")]);
/// ```
pub fn person_key_readings(name: &str) -> Vec<String> {
    let first = person_key(name);
    let words: Vec<&str> = split_words(name).collect();
    let mut out = vec![first];
    if let Some(name_words) = cyrillic_name_words(&words) {
        for n in morphology::nominative_readings(&name_words, &given_name_reading, 0) {
            let k = key_of_reading(&n);
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

/// The nominative [`person_key`] reads in a Cyrillic name of two to four
/// words, as (given name, patronymic, surname), each empty when the
/// reading has none; `None` for a name the morphology does not read as a
/// whole. For checking a key against a declension library: the declension
/// oracle inflects this reading again to see whether it gives the same
/// form (scripts/declension_oracle).
///
/// ```
/// # use frontline::extract::people::person_nominative;
/// let n = person_nominative("Андрія Сибіги").unwrap();
/// assert_eq!((n.0.as_str(), n.2.as_str()), ("Андрій", "Сибіга"));
/// assert_eq!(person_nominative("Andrii Sybiha"), None);
/// ```
pub fn person_nominative(name: &str) -> Option<(String, String, String)> {
    let words: Vec<&str> = split_words(name).collect();
    let name_words = cyrillic_name_words(&words)?;
    let n = morphology::nominative(&name_words, &given_name_reading)?;
    let mut out = (String::new(), String::new(), String::new());
    for (w, p) in n.words.iter().zip(&n.parts) {
        let slot = match p {
            morphology::Part::Given => &mut out.0,
            morphology::Part::Patronymic => &mut out.1,
            morphology::Part::Surname => &mut out.2,
        };
        if slot.is_empty() {
            *slot = w.clone();
        }
    }
    Some(out)
}

/// The name words of a Cyrillic name of two to four of them (titles and
/// initials left out), which the morphology reads as a whole.
fn cyrillic_name_words<'a>(words: &[&'a str]) -> Option<Vec<&'a str>> {
    if words.len() < 2 || !words.iter().all(|w| w.chars().any(is_cyrillic)) {
        return None;
    }
    let lex = lexicon();
    let name_words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().count() > 1 && !lex.has_role(lower(w).as_ref()))
        .collect();
    (2..=4).contains(&name_words.len()).then_some(name_words)
}

/// The key of one nominative reading, its patronymic left out.
fn key_of_reading(n: &morphology::Nominative) -> String {
    let kept: Vec<&str> = n
        .words
        .iter()
        .zip(&n.parts)
        .filter(|(_, p)| **p != morphology::Part::Patronymic)
        .map(|(w, _)| w.as_str())
        .collect();
    key_of_nominative(&kept, n)
}

/// The key of a Cyrillic name already in the nominative (patronymic left
/// out): `kept` are its given name and surname words, in text order.
pub(super) fn key_of_nominative(kept: &[&str], n: &morphology::Nominative) -> String {
    let given_word = n
        .words
        .iter()
        .zip(&n.parts)
        .find(|(_, p)| **p == morphology::Part::Given)
        .map(|(w, _)| w.as_str());
    let surname = n
        .surname()
        // "Андрей Пленкович": a surname shaped like a patronymic.
        .or_else(|| {
            n.words
                .iter()
                .zip(&n.parts)
                .find(|(_, p)| **p == morphology::Part::Patronymic)
                .map(|(w, _)| w.as_str())
        })
        .or_else(|| kept.last().copied())
        .unwrap_or_default();
    let sur = fold(surname);
    match given_word.and_then(|g| given_nominative(&g.to_lowercase())) {
        Some(canon) => format!("{sur}:{canon}"),
        None => sur,
    }
}

/// How surely a lower-case nominative is a given name (0: not one): listed in the lexicon,
/// or the first word of a Ukrainian or Russian form in the register ("Кір").
pub(super) fn is_given_nominative(low: &str) -> i32 {
    // A register's given name is a real person's: it outweighs a lexicon
    // name the word could also be read as ("Кіра" is Kira, "Кір" Keir).
    // A spelling the lexicon lists outweighs one that only folds like a
    // listed name ("Анн" folds like Ann, "Анна" is listed).
    if register::is_register_given(low) {
        7
    } else if lexicon().given_exact.contains_key(low) {
        6
    } else if given_nominative(low).is_some() {
        5
    } else {
        0
    }
}

/// [`is_given_nominative`], and whether the name is a woman's only, for
/// the morphology.
pub(super) fn given_name_reading(low: &str) -> morphology::GivenName {
    let score = is_given_nominative(low);
    let woman =
        score > 0 && given_nominative(low).is_some_and(|c| lexicon().given_women.contains(c));
    morphology::GivenName { score, woman }
}

/// The canonical given name of a word already in the nominative, lower
/// case: listed spellings and their folds, no case endings removed.
pub(super) fn given_nominative(low: &str) -> Option<&'static str> {
    let lex = lexicon();
    if lex.flags(low) & (W_STOP | W_NATIONALITY | W_MONTH) != 0 {
        return None;
    }
    if let Some(c) = lex.given_exact.get(low) {
        return Some(c);
    }
    if low.len() > 24 {
        return None;
    }
    // Most words asked are no given name and come back in every text:
    // their fold is looked up once per thread.
    WordMemo::get_or_compute(
        |m| &mut m.given_nominative,
        low,
        |low| lex.given_fold.get(&fold(low)).copied(),
    )
}

/// The surname part of a key made by [`person_key`].
///
/// ```
/// # use frontline::extract::people::surname_of_key;
/// assert_eq!(surname_of_key("bezugla:maryana"), "bezugla");
/// assert_eq!(surname_of_key("bezugla"), "bezugla");
/// ```
pub fn surname_of_key(key: &str) -> &str {
    key.split_once(':').map_or(key, |(s, _)| s)
}

/// Words of a name string: letters with inner apostrophes and hyphens.
pub(super) fn split_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(is_letter(c) || is_apostrophe(c) || c == '-'))
        .map(|w| w.trim_matches(|c: char| is_apostrophe(c) || c == '-'))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ukrainian_given_names_are_listed() {
        // Дарина, Зоряна, Гліб: the name's case forms agree with its
        // surname's and the key keeps the given name.
        let cases: &[(&str, &str)] = &[
            ("Дарину Безценну", "Дарина Безценна"),
            ("Зоряні Коваль", "Зоряна Коваль"),
            ("Гліба Коваля", "Гліб Коваль"),
            ("Глебом Ковалем", "Глеб Коваль"),
        ];
        for (form, nom) in cases {
            assert_eq!(person_key(form), person_key(nom), "{form}");
            assert!(person_key(nom).contains(':'), "{nom}");
        }
        // Must not: Іван's case forms stay his (Іванна, which folds like
        // Івана, and Олеся, Олесь's genitive, are left out), and a word
        // that is no name gains none.
        assert_eq!(person_key("Івана Федорова"), person_key("Іван Федоров"));
        assert_eq!(person_key("Івану Коваленку"), person_key("Іван Коваленко"));
        assert_ne!(
            person_key("Івану Коваленку"),
            person_key("Іванна Коваленко")
        );
        assert_eq!(is_given_nominative("дарину"), 0);
        assert_eq!(is_given_nominative("зорі"), 0);
    }

    #[test]
    fn a_listed_given_name_outweighs_a_fold_alike() {
        // "Петра" only folds like Petra; Петр is listed: "Петра Махрина"
        // is Петр Махрин in the genitive.
        assert_eq!(person_key("Петра Махрина"), person_key("Петр Махрин"));
        assert!(is_given_nominative("петр") > is_given_nominative("петра"));
        // Must not: a listed spelling still counts, a non-name does not.
        assert!(is_given_nominative("олена") > 0);
        assert_eq!(is_given_nominative("крубу"), 0);
    }

    #[test]
    fn other_readings_are_offered_only_where_they_tie() {
        let keys = person_key_readings("Сергее Шпирне");
        assert_eq!(keys[0], person_key("Сергее Шпирне"));
        assert!(keys.contains(&person_key("Сергей Шпирна")));
        // Must not: an unambiguous form has one reading.
        assert_eq!(
            person_key_readings("Андрія Сибіги"),
            [person_key("Андрій Сибіга")]
        );
    }
}
