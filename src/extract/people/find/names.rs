//! A candidate's surname key and the name shown for it.

use super::*;

/// Display form of a mention: as written if Latin, else transliterated:
/// a Russian name the Russian way (Andrei, Sergei, Yevgeny), a Ukrainian
/// one by Ukraine's national system (Andrii, Serhii, Yevhen).
/// `text_russian` says whether the text around it is mostly Russian.
pub(in crate::extract::people) fn display_name(s: &str, text_russian: bool) -> String {
    let s = s.replace(['’', 'ʼ', '‘'], "'");
    if s.chars().any(is_cyrillic) {
        latin_of(&nominative_text(&s), text_russian)
    } else {
        s
    }
}

/// A Cyrillic name in Latin letters: the Russian way or by Ukraine's
/// national system, as [`display_name`] says.
fn latin_of(n: &str, text_russian: bool) -> String {
    if cyrillic::russian_name(n, text_russian) {
        cyrillic::russian_to_latin(n)
    } else {
        to_latin(n)
    }
}

/// [`display_name`] of a mention whose person has the folded surname
/// `surname`: when the best nominative reading of a Cyrillic name gives
/// another surname ("Джозефа Овертона" read as a woman's nominative, while
/// the text's "Овертон" keys the person), a reading within a few points
/// that gives this surname names the person.
pub(in crate::extract::people) fn display_name_of(
    s: &str,
    text_russian: bool,
    surname: &str,
) -> String {
    let s = s.replace(['’', 'ʼ', '‘'], "'");
    let Some(words) = cyrillic_name(&s) else {
        return display_name(&s, text_russian);
    };
    let surname_of = |n: &morphology::Nominative| n.surname().map(fold);
    let readings = morphology::nominative_readings(&words, &given_name_reading, 3);
    let Some(best) = readings.first() else {
        return display_name(&s, text_russian);
    };
    let n = readings
        .iter()
        .find(|n| surname_of(n).as_deref() == Some(surname))
        .unwrap_or(best);
    latin_of(&nominative_words(n), text_russian)
}

/// The words of a Cyrillic name of two to four words, when it is one.
fn cyrillic_name(s: &str) -> Option<Vec<&str>> {
    let words: Vec<&str> = split_words(s).filter(|w| w.chars().count() > 1).collect();
    ((2..=4).contains(&words.len()) && words.iter().all(|w| w.chars().any(is_cyrillic)))
        .then_some(words)
}

/// A reading's words, patronymic left out.
fn nominative_words(n: &morphology::Nominative) -> String {
    n.words
        .iter()
        .zip(&n.parts)
        .filter(|(_, p)| **p != morphology::Part::Patronymic)
        .map(|(w, _)| w.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A Cyrillic name of two to four words in its nominative, patronymic left
/// out ("Кіром Стармером" → "Кір Стармер"); other text unchanged.
pub(in crate::extract::people) fn nominative_text(s: &str) -> Cow<'_, str> {
    let Some(words) = cyrillic_name(s) else {
        return Cow::Borrowed(s);
    };
    match morphology::nominative(&words, &given_name_reading) {
        Some(n) => Cow::Owned(nominative_words(&n)),
        None => Cow::Borrowed(s),
    }
}

/// The folded surname of a candidate (the name word that is neither the
/// given name nor a patronymic; the first word in "Surname Given" order).
/// Where the morphology reads a Cyrillic name's given name as a case of
/// another listed name than the word as written ("Олександра Цюпака": a
/// man's genitive, not Oleksandra), the candidate's given name follows it.
pub(in crate::extract::people) fn cand_surname<'a>(
    text: &'a str,
    toks: &[Tok],
    c: &mut Cand,
    given: &GivenCache<'a>,
) -> String {
    c.lead_surname = None;
    // Name words: initials (one letter) are not.
    let is_name_word = |k: &usize| toks[*k].kind == Kind::Word && toks[*k].end - toks[*k].start > 1;
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    let (Some(first), Some(last)) = (
        (c.first..=c.last).find(is_name_word),
        (c.first..=c.last).rev().find(is_name_word),
    ) else {
        return String::new();
    };
    // "John Mills Jr": the surname is the word before a generation.
    let last = if first != last && is_generation(word(last)) {
        (first..last).rev().find(is_name_word).unwrap_or(last)
    } else {
        last
    };
    let several = first != last;
    // An unknown given name in the same oblique case as the surname
    // ("Кімбалом Маском", "Джозефові Овертонові"): the pair is
    // inflected; the nominative and genitive in -а are left alone
    // (a woman's nominative looks like a man's genitive).
    let same_oblique = c.given.is_none()
        && several
        && (first..=last).filter(is_name_word).count() == 2
        && [
            ["ом", "ем", "єм"],
            ["ою", "ею", "єю"],
            ["ові", "еві", "єві"],
        ]
        .iter()
        .any(|es| {
            let obl = |w: &str| es.iter().any(|e| w.ends_with(e) && w.chars().count() > 4);
            obl(word(first)) && obl(word(last))
        });
    if same_oblique {
        return given.fold_word(&lemma_surname(word(last), true));
    }
    // A Cyrillic name of several words is read as a whole (its words agree
    // in case): the surname's nominative comes from the morphology.
    if several {
        let words: Vec<&str> = (first..=last).filter(is_name_word).map(word).collect();
        if words.len() <= 4 && words.iter().all(|w| w.chars().any(is_cyrillic)) {
            if let Some(n) = morphology::nominative(&words, &given_name_reading) {
                if let Some((g, _)) = c.given {
                    let read = n
                        .words
                        .iter()
                        .zip(&n.parts)
                        .zip(&words)
                        .find(|((_, p), _)| **p == morphology::Part::Given)
                        .filter(|((nom, _), w)| nom.as_str() != **w)
                        .and_then(|((nom, _), _)| given_nominative(&lower(nom)));
                    // Only where the word as written is no nominative: it
                    // ends in a case ending ("Марії", "Аллі", which fold
                    // like Mary, Ali), or it is a woman's name the
                    // morphology reads as a man's genitive. ("Ніколае"
                    // stays Nicolae.)
                    let women = &lexicon().given_women;
                    let oblique = words
                        .iter()
                        .zip(&n.parts)
                        .find(|(_, p)| **p == morphology::Part::Given)
                        .is_some_and(|(w, _)| {
                            let l = lower(w);
                            ["і", "ї", "ю", "у", "ою", "ею", "єю", "ом", "ем", "єм"]
                                .iter()
                                .any(|e| l.ends_with(e))
                        });
                    if let Some(r) = read
                        .filter(|r| *r != g && (oblique || women.contains(g) && !women.contains(r)))
                    {
                        c.given = Some((r, true));
                    }
                }
                if let Some(w) = n.surname() {
                    return fold(w);
                }
            }
        }
    }
    if several && east_asian_surname(word(first)) {
        let words: Vec<&str> = (first..=last).filter(is_name_word).map(word).collect();
        if east_asian_order(&words) {
            c.lead_surname = Some(given.fold_word(word(first)));
        }
    }
    let (sur, inflected) = if several
        && surname_first_style(word(first))
        && given.at(first).is_none()
        && !is_patronymic(word(last))
    {
        // "Безугла Мар'яна": given name last.
        match given.at(last) {
            Some((_, infl)) => (first, infl),
            None => (last, false),
        }
    } else if several
        && (first..=last).filter(is_name_word).count() >= 3
        && is_patronymic(word(last))
    {
        // "Зеленський Володимир Олександрович".
        (first, c.given.is_some_and(|g| g.1))
    } else {
        (last, c.given.is_some_and(|g| g.1))
    };
    match lemma_surname(word(sur), inflected) {
        Cow::Borrowed(w) => given.fold_word(w),
        Cow::Owned(w) => fold(&w),
    }
}

/// Whether a lone word's folded form is the given accepted surname; Cyrillic
/// words may carry a case ending.
pub(in crate::extract::people) fn surname_matches(
    word_key: &str,
    surname: &str,
    cyrillic: bool,
) -> bool {
    if word_key == surname {
        return true;
    }
    if !cyrillic || surname.len() < 4 {
        return false;
    }
    let common = word_key
        .bytes()
        .zip(surname.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    common + 2 >= surname.len() && common >= 4 && word_key.len() <= common + 4
}

/// Conjunctions that join two given names sharing one surname.
pub(in crate::extract::people) const COORDINATING: &[&str] = &[
    "і", "й", "та", "и", "and", "und", "i", "oraz", "et", "y", "e",
];

/// The singular nominative, for a man or a woman, of a Ukrainian or Russian
/// surname in the nominative plural ("Яблонские" → Яблонский / Яблонская,
/// "Петрови" → Петров / Петрова); `None` for any other word. Ukrainian -ини
/// is left out: it is the genitive of -ина (Щербини) and Russian spelling
/// of Italian names (Муссолини).
pub(in crate::extract::people) fn plural_surname_singular(w: &str, woman: bool) -> Option<String> {
    // (plural ending, man's, woman's), longest first.
    const PLURALS: &[(&str, &str, &str)] = &[
        ("ские", "ский", "ская"),
        ("цкие", "цкий", "цкая"),
        ("ські", "ський", "ська"),
        ("цькі", "цький", "цька"),
        ("зькі", "зький", "зька"),
        ("овы", "ов", "ова"),
        ("евы", "ев", "ева"),
        ("ёвы", "ёв", "ёва"),
        ("ины", "ин", "ина"),
        ("ыны", "ын", "ына"),
        ("ови", "ов", "ова"),
        ("еви", "ев", "ева"),
        ("єви", "єв", "єва"),
        ("іни", "ін", "іна"),
        ("їни", "їн", "їна"),
    ];
    let (stem, man, wo) = PLURALS.iter().find_map(|(p, m, f)| {
        w.strip_suffix(p)
            .filter(|s| s.chars().count() >= 2)
            .map(|s| (s, m, f))
    })?;
    Some(format!("{stem}{}", if woman { wo } else { man }))
}

/// The surname key of a name given as its words: the morphology's
/// nominative for Cyrillic, the last word as written otherwise.
pub(in crate::extract::people) fn surname_key(words: &[&str]) -> String {
    if words.iter().all(|w| w.chars().any(is_cyrillic)) {
        if let Some(n) = morphology::nominative(words, &given_name_reading) {
            if let Some(w) = n.surname() {
                return fold(w);
            }
        }
    }
    words.last().map_or_else(String::new, |w| fold(w))
}

/// Whether a Cyrillic surname has a man's and a woman's form (Петров /
/// Петрова, Зеленський / Зеленська), so one written form cannot name both.
pub(in crate::extract::people) fn gendered_surname(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ов", "ев", "єв", "ёв", "ин", "ін", "їн", "ын", "ий", "ій", "ой", "ый", "ова", "ева",
        "єва", "ина", "іна", "ына", "ська", "цька", "ская", "цкая",
    ];
    let l = w.to_lowercase();
    l.chars().any(is_cyrillic) && ENDINGS.iter().any(|e| l.ends_with(e))
}
