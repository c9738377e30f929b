//! Word shapes of Ukrainian and Russian that say "not a name": verb forms
//! and verbal nouns, read from their endings rather than from a list of
//! words, so that they hold for words no list has seen.
//!
//! A capitalised Cyrillic word is a name word unless its shape says
//! otherwise. Two shapes do:
//!
//! - a **verbal noun** ("Звернення", "Спілкування", "Звання", "Обращение")
//!   anywhere: no surname of the region ends in -ння/-ття or -ние/-тие;
//! - a **finite verb** at the start of a sentence ("Дякуємо", "Напомним",
//!   "Будьте", "Поінформував", "Заявила", "Посмотрите", "Триває"): first
//!   and second person plural, imperatives, past tense and third person
//!   present. Surnames end like some of these (Безугла, Могила), so the
//!   caller keeps known given names and register surnames, and the shape
//!   is only trusted at the start of a sentence, where a verb is
//!   capitalised only because it comes first.
//!
//! Pure functions on lower-case words; no lexicon, no I/O.

/// Whether a lower-case Cyrillic word is a verbal noun ("звернення",
/// "спілкування", "обращение", "развитие").
pub(super) fn verbal_noun(l: &str) -> bool {
    const ENDINGS: &[&str] = &["ння", "ття", "ние", "тие", "ння", "ньня"];
    l.chars().count() >= 6 && ENDINGS.iter().any(|e| l.ends_with(e))
}

/// Whether a lower-case Cyrillic word is shaped like a past-tense verb in
/// the feminine or plural ("заявила", "говорили"): given names and some
/// surnames end so too (Анджела, Безугла), so a caller trusts it only where
/// no other capitalised word follows.
pub(super) fn feminine_or_plural_past(l: &str) -> bool {
    l.ends_with("ла") || l.ends_with("ли")
}

/// Whether a lower-case Cyrillic word ends like a plural past-tense verb
/// ("прийшли", "приехали"): unlike the feminine -ла, no Ukrainian or
/// Russian surname ends so; Georgian -швили and -ели (Гарибашвили,
/// Церетели) and Italian -лли (Боттичелли) do.
pub(super) fn plural_past(l: &str) -> bool {
    l.ends_with("ли") && !["лли", "швили", "ели"].iter().any(|e| l.ends_with(e))
}

/// Whether a lower-case Cyrillic word has the shape of a finite verb or an
/// imperative ("дякуємо", "напомним", "будьте", "поінформував",
/// "заявила", "говорили", "триває", "відчувається").
pub(super) fn verb_form(l: &str) -> bool {
    let n = l.chars().count();
    if n < 5 {
        return false;
    }
    // 1st person plural (uk -ємо/-емо/-имо/-їмо/-ймо, ru -ем/-им with a
    // consonant before: "скажем", "напомним"), imperatives (-йте, -ьте,
    // -іть, -ите, and their reflexives), 3rd person present (-ає, -ує,
    // -яє, -ить, -ать, -ять, -уть, -ють, reflexive -ться/-тся).
    const ENDINGS: &[&str] = &[
        "ємо",
        "емо",
        "имо",
        "їмо",
        "ймо",
        "йте",
        "ьте",
        "іть",
        "ите",
        "йтеся",
        "ьтеся",
        "іться",
        "итесь",
        "йтесь",
        "ає",
        "ує",
        "яє",
        "ться",
        "тся",
        "ить",
        "ать",
        "ять",
        "уть",
        "ють",
        "ете",
        "ем",
        "им",
    ];
    // Past tense: masculine -в after a vowel (uk "заявив", "поінформував"),
    // ru -л after a vowel ("заявил", "сказал"); feminine and plural after
    // a vowel ("заявила", "говорили", "отметили").
    const PAST: &[&str] = &[
        "ав", "ив", "ув", "ял", "ил", "ал", "ела", "ила", "ала", "іла", "яла", "ули", "или", "али",
        "іли", "яли", "ели", "шли", "лася", "лися", "вся", "лся",
    ];
    if ENDINGS.iter().any(|e| l.ends_with(e)) {
        // "-ем"/"-им" only after a consonant ("напомним", "скажем"); a
        // vowel before makes an instrumental of a name ("Ибрагимом" no,
        // but "Шольцем" is a case form, which a sentence rarely opens with).
        if l.ends_with("ем") || l.ends_with("им") {
            return l
                .chars()
                .rev()
                .nth(2)
                .is_some_and(|c| !"аеєиіїоуюяыэёьй".contains(c));
        }
        return true;
    }
    // Names of Hebrew origin end in a vowel + -ил (Гавриил, Михаил,
    // Самуил, Рафаил); a past tense in -ил has a consonant or -о- before
    // it ("заявил", "строил").
    PAST.iter().any(|e| l.ends_with(e)) && !["иил", "аил", "уил"].iter().any(|e| l.ends_with(e))
}

/// Whether a Cyrillic name is written in Russian: Russian-only letters
/// (ы, э, ё, ъ) in the name, or else, when the name has no letter only
/// Ukrainian has (і, ї, є, ґ), Russian-only letters outnumbering Ukrainian
/// ones in the text around it.
pub(super) fn russian_name(name: &str, text_russian: bool) -> bool {
    let has = |set: &str| {
        name.chars()
            .any(|c| set.contains(c.to_lowercase().next().unwrap_or(c)))
    };
    if has("ыэёъ") {
        true
    } else if has("іїєґ") {
        false
    } else {
        text_russian
    }
}

/// Whether a text is mostly Russian rather than Ukrainian, by the letters
/// only one of the two has: more Russian-only ones, or a Cyrillic text of
/// some length with no Ukrainian-only letter at all (і is among the most
/// frequent letters of Ukrainian).
pub(super) fn russian_text(text: &str) -> bool {
    // Every letter counted below is encoded with a lead byte D0–D2: a text
    // without one (any Latin text) has none of them.
    if !text.bytes().any(|b| (0xD0..=0xD2).contains(&b)) {
        return false;
    }
    // Counted on the UTF-8 bytes, without decoding a character: each letter
    // below is a lead byte D0–D2 and one continuation byte.
    let (mut ru, mut uk, mut cyr) = (0usize, 0usize, 0usize);
    for pair in text.as_bytes().windows(2) {
        match (pair[0], pair[1]) {
            // ы э ъ ё, Ы Э Ё
            (0xD1, 0x8B | 0x8D | 0x8A | 0x91) | (0xD0, 0xAB | 0xAD | 0x81) => ru += 1,
            // і ї є, І Ї Є, ґ Ґ
            (0xD1, 0x96 | 0x97 | 0x94) | (0xD0, 0x86 | 0x87 | 0x84) | (0xD2, 0x90 | 0x91) => {
                uk += 1
            }
            // а–п, А–Я, р–я
            (0xD0, 0x90..=0xBF) | (0xD1, 0x80..=0x8F) => cyr += 1,
            _ => {}
        }
    }
    ru > uk || uk == 0 && cyr >= 20
}

/// Whether most letters of `text` are Cyrillic (a Ukrainian or Russian
/// text). ASCII letters, the bulk of a Latin text, are counted by bytes;
/// only the other characters are decoded.
pub(super) fn mostly_cyrillic(text: &str) -> bool {
    let bytes = text.as_bytes();
    let latin_ascii = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let high = bytes.iter().filter(|b| !b.is_ascii()).count();
    // A Cyrillic letter takes two bytes: too few non-ASCII bytes decide.
    if high / 2 <= latin_ascii {
        return false;
    }
    let (mut cyr, mut other) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|b| !b.is_ascii()) {
        i += off;
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        i += ch.len_utf8();
        if ch.is_alphabetic() {
            if crate::extract::translit::is_cyrillic(ch) {
                cyr += 1;
            } else {
                other += 1;
            }
        }
    }
    cyr > latin_ascii + other
}

/// A Russian name in the usual English romanization (BGN/PCGN as the
/// wire services simplify it): Андрей → Andrei, Сергей → Sergei, Евгений
/// → Yevgeny, Юрий → Yury, Дмитрий → Dmitry, Белоусов → Belousov,
/// Хуснуллин → Khusnullin. Ukrainian names keep the national system.
pub(super) fn russian_to_latin(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 8);
    let is_vowel = |c: char| "аеёиоуыэюяАЕЁИОУЫЭЮЯьъЬЪ".contains(c);
    for (i, &c) in chars.iter().enumerate() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let upper = c != lower;
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let word_start = prev.is_none_or(|p| !p.is_alphabetic());
        let word_end = next.is_none_or(|n| !n.is_alphabetic());
        let after_vowel = prev.is_some_and(is_vowel);
        let latin: &str = match lower {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' if word_start || after_vowel => "ye",
            'е' => "e",
            'ё' if word_start || after_vowel => "yo",
            'ё' => "yo",
            'ж' => "zh",
            'з' => "z",
            // "-ий"/"-ый" at the end of a word: one y (Dmitry, Yevgeny).
            'и' if word_end_is_y(&chars, i) => "y",
            'и' => "i",
            'й' if word_end && prev.is_some_and(|p| "иыИЫ".contains(p)) => "",
            'й' if after_vowel => "i",
            'й' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' | 'ь' => "",
            'ы' => "y",
            'э' => "e",
            'ю' => "yu",
            // "-ия" at the end of a word: Maria, Yulia, Natalia.
            'я' if word_end && prev.is_some_and(|p| "иИ".contains(p)) => "a",
            'я' => "ya",
            // Ukrainian letters, should a name mix them in.
            'і' => "i",
            'ї' => "yi",
            'є' => "ye",
            'ґ' => "g",
            _ => {
                out.push(c);
                continue;
            }
        };
        if upper {
            let mut cs = latin.chars();
            if let Some(f) = cs.next() {
                out.extend(f.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(latin);
        }
    }
    out
}

/// Whether the и at `i` is the и of a word-final -ий or -ый.
fn word_end_is_y(chars: &[char], i: usize) -> bool {
    chars.get(i + 1).is_some_and(|&c| c == 'й')
        && chars.get(i + 2).is_none_or(|c| !c.is_alphabetic())
        && i > 0
}

/// The case a Cyrillic title word shows by its ending ("Президентом" is
/// instrumental, "Президентові" dative, "Президента" genitive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// Nominative (the lexicon's own form).
    Nom,
    /// Genitive (-а, -я).
    Gen,
    /// Dative (-ові, -еві, -у, -ю).
    Dat,
    /// Instrumental (-ом, -ем, -ою, -ею).
    Ins,
}

/// The case of a lower-case title word; `nominative` says the lexicon
/// knows it as it is.
pub(super) fn title_case(l: &str, nominative: bool) -> Option<Case> {
    if nominative || l.ends_with('и') || l.ends_with('і') && !l.ends_with("ові") {
        // The lexicon's form, or its plural ("Члени", "генерали").
        Some(Case::Nom)
    } else if ["ом", "ем", "ою", "ею"].iter().any(|e| l.ends_with(e)) {
        Some(Case::Ins)
    } else if ["ові", "еві", "у", "ю", "ці"]
        .iter()
        .any(|e| l.ends_with(e))
    {
        Some(Case::Dat)
    } else if ["а", "я", "ів"].iter().any(|e| l.ends_with(e)) {
        // The genitive singular, or plural ("членів Альянсу").
        Some(Case::Gen)
    } else {
        None
    }
}

/// Whether a lone lower-case Cyrillic word after a title in `case` cannot
/// be that title's name in apposition, which agrees with it in case, and
/// so is the title's complement in the genitive: "Президента Єгипту",
/// "Прем'єр-міністром Нідерландів", "Президентом Хорватії" (but
/// "Президентом Макроном", "Президентові Байдену", "Президента Кулеби").
/// Indeclinable names (Шойгу, Рютте) are the caller's to exempt.
pub(super) fn disagrees(case: Case, l: &str) -> bool {
    let ends = |es: &[&str]| es.iter().any(|e| l.ends_with(e));
    match case {
        Case::Nom => ends(&["ії", "ів"]),
        Case::Gen => ends(&["у", "ю", "ії", "ів"]),
        // A name after a title in the dative or instrumental never ends
        // in -а/-я, the nominative or genitive of a name ("политику
        // Китая" is a policy of China, not a politician).
        Case::Dat => ends(&["ії", "ів", "а", "я"]),
        Case::Ins => ends(&["у", "ю", "ії", "ів", "ии", "ов", "а", "я"]) && !ends(&["ою", "ею"]),
    }
}

/// The English title a Ukrainian or Russian title word stands for, in any
/// case ("Прем'єр-міністром" → "Prime Minister"), as register
/// affiliations write it.
pub(super) fn english_title(l: &str) -> Option<&'static str> {
    const TITLES: &[(&str, &str)] = &[
        ("прем'єр", "Prime Minister"),
        ("премʼєр", "Prime Minister"),
        ("прем’єр", "Prime Minister"),
        ("премьер", "Prime Minister"),
        ("віце-президент", "Vice President"),
        ("вице-президент", "Vice President"),
        ("президент", "President"),
        ("канцлер", "Chancellor"),
        ("спікер", "Speaker"),
        ("спикер", "Speaker"),
    ];
    TITLES
        .iter()
        .find(|(stem, _)| l.starts_with(stem))
        .map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mostly_cyrillic_counts_letters_of_both_scripts() {
        // The plain definition: every alphabetic character, by script.
        let by_chars = |t: &str| {
            let letters = t.chars().filter(|c| c.is_alphabetic());
            let cyr = letters
                .clone()
                .filter(|&c| crate::extract::translit::is_cyrillic(c))
                .count();
            cyr > letters.count() - cyr
        };
        for t in [
            "",
            "Zelensky said on Monday.",
            "Зеленський заявив у понеділок.",
            "Зеленський met Scholz and Macron in Paris",
            "Kyiv — Київ, Charkiw — Харків, Dnipro",
            "Ärzte in München, Kraków, Łódź: Україна",
            "Ab Бв",
            "Abc Бв",
            "123 ҂ ҃ — …",
        ] {
            assert_eq!(mostly_cyrillic(t), by_chars(t), "{t}");
        }
        assert!(mostly_cyrillic("Зеленський met Scholz"));
        assert!(!mostly_cyrillic("Ab Бв"));
    }

    #[test]
    fn verbal_nouns() {
        for w in [
            "звернення",
            "спілкування",
            "звання",
            "обращение",
            "развитие",
        ] {
            assert!(verbal_noun(w), "{w}");
        }
        // Must not: names and ordinary name-like words.
        for w in ["зеленського", "марія", "тимошенко", "ляєн", "сання", "ілля"]
        {
            assert!(!verbal_noun(w), "{w}");
        }
    }

    #[test]
    fn verb_forms() {
        for w in [
            "дякуємо",
            "напомним",
            "скажем",
            "будьте",
            "закривайте",
            "поверніться",
            "посмотрите",
            "поінформував",
            "підписав",
            "заявил",
            "заявила",
            "говорили",
            "отметили",
            "триває",
            "відчувається",
            "наближає",
            "звернувся",
            "строил",
            "устроил",
        ] {
            assert!(verb_form(w), "{w}");
        }
        // Must not: surnames and given names in the nominative and in
        // common case forms. (Given names shaped like verbs, "Ибрагим",
        // "Анджела", "Ярослав", are the caller's: it asks the lexicon first.)
        for w in [
            "зеленський",
            "путін",
            "шмигаль",
            "кулеба",
            "безугла",
            "тимошенко",
            "резніков",
            "залужний",
            "стармер",
            "макроном",
            "шольцом",
            "байдену",
            "арестовича",
            "верещук",
            "рютте",
            "єрмак",
            "лавров",
            "пелосі",
            "гавриил",
            "михаил",
            "самуил",
            "рафаил",
        ] {
            assert!(!verb_form(w), "{w}");
        }
    }

    #[test]
    fn russian_romanization() {
        for (ru, latin) in [
            ("Андрей Белоусов", "Andrei Belousov"),
            ("Сергей Лавров", "Sergei Lavrov"),
            ("Евгений Пригожин", "Yevgeny Prigozhin"),
            ("Юрий Дудь", "Yury Dud"),
            ("Дмитрий Медведев", "Dmitry Medvedev"),
            ("Николай Патрушев", "Nikolai Patrushev"),
            ("Марат Хуснуллин", "Marat Khusnullin"),
            ("Алексей Навальный", "Aleksei Navalny"),
            ("Мария Захарова", "Maria Zakharova"),
            ("Юлия Навальная", "Yulia Navalnaya"),
            ("Вячеслав Володин", "Vyacheslav Volodin"),
        ] {
            assert_eq!(russian_to_latin(ru), latin, "{ru}");
        }
        // Must not: the Ukrainian way (Andrii, Serhii, Yevhen, -yi).
        assert_ne!(russian_to_latin("Андрей"), "Andrii");
        assert_ne!(russian_to_latin("Сергей"), "Serhii");
    }

    #[test]
    fn language_of_a_name() {
        assert!(!russian_name("Сергей Лавров", false));
        assert!(russian_name("Сергей Лавров", true));
        assert!(russian_name("Алексей Навальный", false));
        assert!(!russian_name("Сергій Лавров", true));
        // The byte count agrees with counting characters, on every
        // letter of both alphabets and on texts of the bundled corpus.
        fn by_chars(text: &str) -> bool {
            let (mut ru, mut uk, mut cyr) = (0usize, 0usize, 0usize);
            for c in text.chars() {
                match c {
                    'ы' | 'э' | 'ё' | 'ъ' | 'Ы' | 'Э' | 'Ё' => ru += 1,
                    'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => uk += 1,
                    'а'..='я' | 'А'..='Я' => cyr += 1,
                    _ => {}
                }
            }
            ru > uk || uk == 0 && cyr >= 20
        }
        let letters: String = ('Ѐ'..='ӿ').collect();
        for c in letters.chars() {
            for n in [1, 19, 20, 21] {
                let t: String = std::iter::repeat_n(c, n).collect();
                let mixed = format!("{t} абвгд ы і {t}");
                assert_eq!(russian_text(&t), by_chars(&t), "{c} × {n}");
                assert_eq!(russian_text(&mixed), by_chars(&mixed), "{mixed}");
            }
        }
        for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus")) {
            let Ok(text) = std::fs::read_to_string(entry.expect("corpus entry").path()) else {
                continue;
            };
            assert_eq!(russian_text(&text), by_chars(&text));
        }
        assert!(russian_text("Напомним, что это было в четверг. Мы знаем."));
        assert!(!russian_text("Нагадаємо, що це було в четвер. Ми знаємо."));
        assert!(russian_text(
            "Глава района Евгений Скворцов сообщил о пожаре."
        ));
        assert!(!russian_text(
            "Голова громади Євген Скворцов повідомив про пожежу."
        ));
        // Too short to tell: Ukrainian by default.
        assert!(!russian_text("Сергей Петров"));
    }

    #[test]
    fn title_agreement() {
        use Case::*;
        for (title, nom, case) in [
            ("президентом", false, Some(Ins)),
            ("прем'єр-міністром", false, Some(Ins)),
            ("президентові", false, Some(Dat)),
            ("президента", false, Some(Gen)),
            ("президент", true, Some(Nom)),
        ] {
            assert_eq!(title_case(title, nom), case, "{title}");
        }
        // Complements in the genitive.
        for (case, w) in [
            (Gen, "єгипту"),
            (Ins, "нідерландів"),
            (Ins, "хорватії"),
            (Nom, "франції"),
            (Ins, "ізраїлю"),
            (Dat, "китая"),
            (Ins, "китая"),
            (Dat, "франції"),
        ] {
            assert!(disagrees(case, w), "{case:?} {w}");
        }
        // Must not: names agreeing with the title.
        for (case, w) in [
            (Ins, "макроном"),
            (Ins, "наусєдою"),
            (Ins, "рютте"),
            (Dat, "байдену"),
            (Gen, "кулеби"),
            (Gen, "зеленського"),
            (Nom, "кулеба"),
            (Ins, "беннетом"),
            (Dat, "шольцу"),
            (Dat, "меркель"),
            (Ins, "дудою"),
            (Gen, "китая"),
        ] {
            assert!(!disagrees(case, w), "{case:?} {w}");
        }
    }

    #[test]
    fn english_titles() {
        assert_eq!(english_title("прем'єр-міністром"), Some("Prime Minister"));
        assert_eq!(english_title("премьер-министра"), Some("Prime Minister"));
        assert_eq!(english_title("президентові"), Some("President"));
        assert_eq!(english_title("спікера"), Some("Speaker"));
        // Must not: other words, or a title in the middle of a word.
        assert_eq!(english_title("міністром"), None);
        assert_eq!(english_title("експрезидент"), None);
    }
}
