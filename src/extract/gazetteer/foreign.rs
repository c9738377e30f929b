//! Polish and German forms made by rule: transliterations of the Cyrillic
//! names of curated towns and the Polish case forms of Polish spellings.

use super::{normalize, Script};

/// Normalised Polish and German forms of one name of a town: for a
/// Cyrillic name its Polish and German transliterations ([`to_polish`],
/// [`to_german`]) with the Polish case forms of the Polish one; for a
/// single-word Latin name spelt the Polish way (Polish letters or w:
/// Charków, Chersoń, Zaporoże) its Polish case forms. Multi-word names get the transliterations only.
pub(super) fn foreign_forms(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    match Script::of(name) {
        Script::Cyrillic => {
            let lower = name.to_lowercase().replace('ё', "е");
            // The letters tell the language; a name with neither kind may
            // be either.
            let uk = lower.contains(['і', 'ї', 'є', 'ґ']);
            let ru = lower.contains(['ы', 'э', 'ъ']);
            for russian in [false, true] {
                if (russian && uk) || (!russian && ru) {
                    continue;
                }
                let pl = to_polish(&lower, russian);
                if !pl.contains(' ') {
                    out.extend(polish_cases(&pl).iter().map(|f| normalize(f)));
                }
                out.push(normalize(&pl));
                let de = to_german(&lower, russian);
                if !de.contains(' ') && !de.ends_with(['s', 'z', 'x']) {
                    // German genitive: "die Einnahme Bachmuts".
                    out.push(normalize(&format!("{de}s")));
                }
                out.push(normalize(&de));
            }
        }
        // A Latin name spelt the Polish way (Charków, Chersoń, Zaporoże,
        // Kijów): its case forms. English spellings (Kharkiv) are not
        // declined in Polish text, and their forms would only cost lookups.
        Script::Latin
            if !name.contains([' ', '-'])
                && name.contains([
                    'ó', 'ł', 'ń', 'ż', 'ś', 'ć', 'ź', 'ą', 'ę', 'Ł', 'Ż', 'w', 'W',
                ]) =>
        {
            out.extend(
                polish_cases(&name.to_lowercase())
                    .iter()
                    .map(|f| normalize(f)),
            );
        }
        _ => {}
    }
    out.sort();
    out.dedup();
    out
}

fn is_cyr_consonant(c: Option<char>) -> bool {
    c.is_some_and(|c| ('а'..='я').contains(&c) || "іїєґ".contains(c))
        && !c.is_some_and(|c| "аеєиіїоуюяыэьъй".contains(c))
}

/// Polish transliteration of a lower-case Ukrainian (or, with `russian`,
/// Russian) name, as Polish reporting writes towns it has no old name for
/// (Авдіївка → Awdijiwka, Торецьк → Torećk, Лиман → Łyman) and as its old
/// names came from Russian (Донецк → Donieck, Харьков → Charkow = Charków).
pub(crate) fn to_polish(cyr: &str, russian: bool) -> String {
    let chars: Vec<char> = cyr.chars().collect();
    let mut out = String::with_capacity(cyr.len());
    for (k, &c) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(k + 1).copied();
        let after_cons = is_cyr_consonant(prev);
        // Softening vowels after a consonant: "i" + vowel; after л just
        // the vowel (л is then "l"); at the start or after a vowel "j".
        let soft = |v: &str| -> String {
            match prev {
                Some('л') => v.to_string(),
                Some('ж' | 'ш' | 'ч' | 'щ' | 'ц') if v == "e" => v.to_string(),
                _ if after_cons => format!("i{v}"),
                _ => format!("j{v}"),
            }
        };
        let piece: String = match c {
            'а' => "a".into(),
            'б' => "b".into(),
            'в' => "w".into(),
            'г' => (if russian { "g" } else { "h" }).into(),
            'ґ' => "g".into(),
            'д' => "d".into(),
            'е' if russian => soft("e"),
            'е' => "e".into(),
            'є' => soft("e"),
            'ж' => "ż".into(),
            'з' => "z".into(),
            'и' if russian => (if matches!(prev, Some('ж' | 'ш' | 'ц')) {
                "y"
            } else {
                "i"
            })
            .into(),
            'и' => "y".into(),
            'і' => "i".into(),
            'ї' => "ji".into(),
            'й' => "j".into(),
            'к' => "k".into(),
            'л' => {
                let soft_next = next.is_some_and(|n| "іїєьюяеёи".contains(n))
                    && (russian || next != Some('и'))
                    && (russian || next != Some('е'));
                (if soft_next { "l" } else { "ł" }).into()
            }
            'м' => "m".into(),
            'н' => "n".into(),
            'о' => "o".into(),
            'п' => "p".into(),
            'р' => "r".into(),
            'с' => "s".into(),
            'т' => "t".into(),
            'у' => "u".into(),
            'ф' => "f".into(),
            'х' => "ch".into(),
            'ц' => "c".into(),
            'ч' => "cz".into(),
            'ш' => "sz".into(),
            'щ' => "szcz".into(),
            'ы' => "y".into(),
            'э' => "e".into(),
            'ю' => soft("u"),
            'я' => soft("a"),
            'ь' => {
                // The soft sign marks the consonant before it: ń, ś, ć, ź
                // before another consonant or at the end; not с/з before к
                // ("-ськ" is written "-sk", "-цьк" "-ćk").
                let end_or_cons = next.is_none_or(|n| is_cyr_consonant(Some(n)));
                let sk = next == Some('к') && matches!(prev, Some('с' | 'з'));
                if end_or_cons && !sk {
                    let marked = match prev {
                        Some('н') => Some('ń'),
                        Some('с') => Some('ś'),
                        Some('ц') | Some('т') => Some('ć'),
                        Some('з') => Some('ź'),
                        _ => None,
                    };
                    if let Some(m) = marked {
                        // Replace the plain letter just written.
                        let plain = match m {
                            'ć' => {
                                if prev == Some('т') {
                                    "t"
                                } else {
                                    "c"
                                }
                            }
                            'ń' => "n",
                            'ś' => "s",
                            _ => "z",
                        };
                        if out.ends_with(plain) {
                            out.truncate(out.len() - plain.len());
                        }
                        out.push(m);
                    }
                }
                continue;
            }
            'ъ' => continue,
            _ => c.to_string(),
        };
        out.push_str(&piece);
    }
    // Polish old names end in -ów where Russian has -ов (Харьков →
    // Charkow, Львов → Lwow): normalised, ó is o, so these are Charków and
    // Lwów already.
    out
}

/// German (Duden) transliteration of a lower-case Ukrainian or Russian
/// name: Запоріжжя → Saporischschja, Донецьк → Donezk, Миколаїв →
/// Mykolajiw, Одеса → Odessa (s between vowels doubles).
pub(crate) fn to_german(cyr: &str, russian: bool) -> String {
    let chars: Vec<char> = cyr.chars().collect();
    let vowel = |c: Option<char>| c.is_some_and(|c| "аеєиіїоуюяыэ".contains(c));
    let mut out = String::with_capacity(cyr.len() * 2);
    for (k, &c) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(k + 1).copied();
        let piece = match c {
            'а' => "a",
            'б' => "b",
            'в' => "w",
            'г' => {
                if russian {
                    "g"
                } else {
                    "h"
                }
            }
            'ґ' => "g",
            'д' => "d",
            'е' if russian && (prev.is_none() || vowel(prev)) => "je",
            'е' => "e",
            'є' => "je",
            'ж' => "sch",
            'з' => "s",
            'и' => {
                if russian {
                    "i"
                } else {
                    "y"
                }
            }
            'і' => "i",
            'ї' => "ji",
            'й' => {
                if russian {
                    "i"
                } else {
                    "j"
                }
            }
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' if vowel(prev) && vowel(next) => "ss",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "ch",
            'ц' => "z",
            'ч' => "tsch",
            'ш' => "sch",
            'щ' => "schtsch",
            'ы' => "y",
            'э' => "e",
            'ю' => "ju",
            'я' => "ja",
            'ё' => "jo",
            'ь' | 'ъ' => "",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(piece);
    }
    out
}

/// Polish case forms of a lower-case single-word Polish town name:
/// genitive, dative, instrumental and locative (the accusative of a town
/// is its nominative; a feminine's -ę is left out, see below). Charków → Charkowa,
/// Charkowie, Charkowem; Bachmut → Bachmutu, Bachmucie; Donieck →
/// Doniecka, Doniecku, Donieckiem; Chersoń → Chersonia, Chersoniu;
/// Zaporoże → Zaporoża, Zaporożu; Odessa → Odessy, Odessie, Odessą;
/// Sumy → Sum, Sumach, Sumami.
pub(crate) fn polish_cases(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(last) = name.chars().next_back() else {
        return out;
    };
    let cut = |n: usize| -> &str {
        let mut idx = name.len();
        for _ in 0..n {
            idx = name[..idx].char_indices().next_back().map_or(0, |(i, _)| i);
        }
        &name[..idx]
    };
    // The locative (and feminine dative) ending with the consonant change
    // it brings: t → cie, d → dzie, r → rze, ł → le, k → ce (feminine) …
    let soften = |stem: &str, feminine: bool| -> Option<String> {
        let l = stem.chars().next_back()?;
        let head = &stem[..stem.len() - l.len_utf8()];
        Some(match l {
            't' => format!("{head}cie"),
            'd' => format!("{head}dzie"),
            'r' => format!("{head}rze"),
            'ł' => format!("{head}le"),
            'n' | 'w' | 'm' | 'p' | 'b' | 'f' | 's' | 'z' => format!("{stem}ie"),
            'k' if feminine => format!("{head}ce"),
            'g' if feminine => format!("{head}dze"),
            'h' if feminine && head.ends_with('c') => format!("{}sze", &head[..head.len() - 1]),
            _ => return None,
        })
    };
    match last {
        'a' => {
            // Feminine: Odessa, Awdijiwka, Nowa Kachowka's last word.
            let stem = cut(1);
            let prev = stem.chars().next_back();
            let soft_or_kg = prev.is_some_and(|p| "kgjlićńśźż".contains(p));
            out.push(format!("{stem}{}", if soft_or_kg { "i" } else { "y" }));
            // No accusative -ę: with accents folded it is -e, and "Warnę"
            // (Varna) would be the English surname Warne.
            out.push(format!("{stem}ą"));
            if let Some(loc) = soften(stem, true) {
                out.push(loc);
            }
        }
        'e' | 'o' => {
            // Neuter: Zaporoże → Zaporoża, Zaporożu, Zaporożem.
            let stem = cut(1);
            for e in ["a", "u", "em"] {
                out.push(format!("{stem}{e}"));
            }
            if last == 'o' {
                if let Some(loc) = soften(stem, false) {
                    out.push(loc);
                }
            }
        }
        'y' | 'i' => {
            // Plural: Sumy → Sum, Sumach, Sumami, Sumom.
            let stem = cut(1);
            for e in ["", "ach", "ami", "om"] {
                out.push(format!("{stem}{e}"));
            }
        }
        'ń' | 'ć' | 'ś' | 'ź' => {
            // Soft: Chersoń → Chersonia, Chersoniu, Chersoniem.
            let plain = match last {
                'ń' => "n",
                'ć' => "c",
                'ś' => "s",
                _ => "z",
            };
            let stem = format!("{}{plain}i", cut(1));
            for e in ["a", "u", "em"] {
                out.push(format!("{stem}{e}"));
            }
        }
        _ if last.is_alphabetic() => {
            // Masculine on a consonant; -ów alternates with -ow-
            // (Charków → Charkowa, Kijów → Kijowie).
            let stem = match name.strip_suffix("ów") {
                Some(head) => format!("{head}ow"),
                None => name.to_string(),
            };
            let velar = stem.ends_with(['k', 'g']) || stem.ends_with("ch");
            let hardsoft = stem.ends_with(['c', 'j', 'l', 'ż'])
                || stem.ends_with("cz")
                || stem.ends_with("sz")
                || stem.ends_with("rz");
            // (No dative -owi: towns are seldom in the dative, and every
            // form costs the matcher.)
            for e in ["a", "u"] {
                out.push(format!("{stem}{e}"));
            }
            if velar && !stem.ends_with("ch") {
                out.push(format!("{stem}iem"));
            } else {
                out.push(format!("{stem}em"));
            }
            if !velar && !hardsoft {
                if let Some(loc) = soften(&stem, false) {
                    out.push(loc);
                }
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Polish and German spellings made by rule, and Polish case forms.
    #[test]
    #[rustfmt::skip]
    fn polish_and_german_spellings() {
        // (Cyrillic, Russian?, Polish, German)
        let cases = [
            ("бахмут", false, "bachmut", "bachmut"),
            ("харків", false, "charkiw", "charkiw"),
            ("харьков", true, "charkow", "charkow"),
            ("донецьк", false, "donećk", "donezk"),
            ("донецк", true, "donieck", "donezk"),
            ("луганськ", false, "łuhansk", "luhansk"),
            ("луганск", true, "ługansk", "lugansk"),
            ("запоріжжя", false, "zaporiżżia", "saporischschja"),
            ("миколаїв", false, "mykołajiw", "mykolajiw"),
            ("львів", false, "lwiw", "lwiw"),
            ("одеса", false, "odesa", "odessa"),
            ("авдіївка", false, "awdijiwka", "awdijiwka"),
            ("торецьк", false, "torećk", "torezk"),
            ("лиман", false, "łyman", "lyman"),
            ("кривий ріг", false, "krywyj rih", "krywyj rih"),
            ("сєвєродонецьк", false, "siewierodonećk", "sjewjerodonezk"),
        ];
        for (cyr, ru, pl, de) in cases {
            assert_eq!(to_polish(cyr, ru), pl, "{cyr}");
            assert_eq!(to_german(cyr, ru), de, "{cyr}");
        }
        // (Polish name, forms it must have, forms it must not)
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("charków", &["charkowa", "charkowie", "charkowem"], &["charkówie"]),
            ("kijów", &["kijowa", "kijowie"], &[]),
            ("bachmut", &["bachmutu", "bachmucie", "bachmutem"], &["bachmutie"]),
            ("donieck", &["doniecka", "doniecku", "donieckiem"], &["donieckie"]),
            ("chersoń", &["chersonia", "chersoniu", "chersoniem"], &[]),
            ("zaporoże", &["zaporoża", "zaporożu", "zaporożem"], &[]),
            ("odessa", &["odessy", "odessie", "odessą"], &["odessę"]),
            ("awdijiwka", &["awdijiwki", "awdijiwce"], &["awdijiwky"]),
            ("warna", &["warny", "warnie"], &["warnę"]),
            ("sumy", &["sumach", "sumami"], &[]),
        ];
        for (name, must, must_not) in cases {
            let got = polish_cases(name);
            for f in *must {
                assert!(got.iter().any(|g| g == f), "{name} lacks {f}: {got:?}");
            }
            for f in *must_not {
                assert!(!got.iter().any(|g| g == f), "{name} has {f}: {got:?}");
            }
        }
    }
}
