//! The Cyrillic declension of place names: the rules, the stems and endings
//! of single-word names and the case forms of multi-word names ([`inflect`]).

/// A declension pattern of Ukrainian and Russian place names: how many
/// chars to cut from the nominative, and the endings of the oblique cases.
///
/// The slots are aligned across rules so that the words of a multi-word name
/// can be put in the same case: Ukrainian genitive, dative, accusative,
/// instrumental, locative, second locative, second genitive, then Russian
/// genitive, dative, accusative, instrumental, prepositional.
pub(crate) struct Rule {
    cut: usize,
    slots: [&'static str; 12],
    /// More endings accepted after a single-word stem (not aligned).
    extra: &'static [&'static str],
}

static ADJ_M: Rule = Rule {
    cut: 2,
    slots: [
        "ого", "ому", "ий", "им", "ому", "ім", "ого", "ого", "ому", "ый", "ым", "ом",
    ],
    extra: &["ий", "ій", "ый"],
};
static ADJ_F: Rule = Rule {
    cut: 1,
    slots: [
        "ої", "ій", "у", "ою", "ій", "ій", "ої", "ой", "ой", "ую", "ой", "ой",
    ],
    extra: &[],
};
static ADJ_F_RU: Rule = Rule {
    cut: 2,
    slots: [
        "ої", "ій", "у", "ою", "ій", "ій", "ої", "ой", "ой", "ую", "ой", "ой",
    ],
    extra: &[],
};
static ADJ_N: Rule = Rule {
    cut: 1,
    slots: [
        "ого", "ому", "е", "им", "ому", "ім", "ого", "ого", "ому", "ое", "ым", "ом",
    ],
    extra: &[],
};
static ADJ_N_RU: Rule = Rule {
    cut: 2,
    slots: [
        "ого", "ому", "е", "им", "ому", "ім", "ого", "ого", "ому", "ое", "ым", "ом",
    ],
    extra: &[],
};
static NOUN_CONS: Rule = Rule {
    cut: 0,
    slots: ["а", "у", "", "ом", "і", "у", "у", "а", "у", "", "ом", "е"],
    extra: &["ові", "ем", "ом"],
};
static NOUN_SOFT: Rule = Rule {
    cut: 1,
    slots: ["я", "ю", "ь", "ем", "і", "ю", "я", "я", "ю", "ь", "ем", "е"],
    extra: &["ю"],
};
static OBLAST: Rule = Rule {
    cut: 1,
    slots: ["і", "і", "ь", "ю", "і", "і", "і", "и", "и", "ь", "ью", "и"],
    extra: &[],
};
static NOUN_KA: Rule = Rule {
    cut: 2,
    slots: [
        "ки", "ці", "ку", "кою", "ці", "ці", "ки", "ки", "ке", "ку", "кой", "ке",
    ],
    extra: &[],
};
static NOUN_A: Rule = Rule {
    cut: 1,
    slots: ["и", "і", "у", "ою", "і", "і", "и", "ы", "е", "у", "ой", "е"],
    extra: &[],
};
static NOUN_IA: Rule = Rule {
    cut: 1,
    slots: ["ї", "ї", "ю", "єю", "ї", "ї", "ї", "и", "и", "ю", "ей", "и"],
    extra: &[],
};
static NOUN_YA: Rule = Rule {
    cut: 1,
    slots: ["і", "і", "ю", "ею", "і", "і", "і", "и", "е", "ю", "ей", "е"],
    extra: &["ям", "ем"],
};
static PLURAL: Rule = Rule {
    cut: 1,
    slots: [
        "", "ам", "и", "ами", "ах", "ах", "", "", "ам", "ы", "ами", "ах",
    ],
    extra: &[],
};
static NEUT_O: Rule = Rule {
    cut: 1,
    slots: ["а", "у", "о", "ом", "і", "у", "а", "а", "у", "о", "ом", "е"],
    extra: &[],
};
static NEUT_E: Rule = Rule {
    cut: 1,
    slots: ["я", "ю", "е", "ям", "і", "ю", "я", "я", "ю", "е", "ем", "е"],
    extra: &[],
};

/// The Ukrainian dative and locative -і of an -а noun whose г/к/х turned
/// into з/ц/с (Волноваха → у Волновасі): its only ending, after the
/// alternated stem.
static NOUN_A_I: Rule = Rule {
    cut: 1,
    slots: ["і"; 12],
    extra: &[],
};

/// Whether a stem of rule `i` needs place context: the alternated -і forms
/// are often common words as well ("Досі", still, is Доха's locative).
pub(crate) fn needs_context(i: usize) -> bool {
    RULES.get(i).is_some_and(|r| std::ptr::eq(*r, &NOUN_A_I))
}

/// Every rule, so a target can name its ending set by index.
pub(crate) static RULES: [&Rule; 16] = [
    &ADJ_M, &ADJ_F, &ADJ_F_RU, &ADJ_N, &ADJ_N_RU, &NOUN_CONS, &NOUN_SOFT, &OBLAST, &NOUN_KA,
    &NOUN_A, &NOUN_IA, &NOUN_YA, &PLURAL, &NEUT_O, &NEUT_E, &NOUN_A_I,
];

fn is_cyr_vowel(c: char) -> bool {
    "аеєиіїоуюяыэё".contains(c)
}

/// The rule for one lower-case Cyrillic word. `modifier` is true for a
/// non-final word of a multi-word name, which declines like an adjective
/// ("Нова Каховка", "Донецька область").
fn rule_for(w: &str, modifier: bool) -> Option<(usize, &'static Rule)> {
    let idx = |r: &Rule| RULES.iter().position(|x| std::ptr::eq(*x, r)).unwrap_or(0);
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    if n < 3 || !chars.iter().all(|c| ('\u{0400}'..='\u{04FF}').contains(c)) {
        return None;
    }
    let last = chars[n - 1];
    let r: &'static Rule = if w.ends_with("ий")
        || w.ends_with("ый")
        || w.ends_with("ій")
        || (w.ends_with("ой") && modifier)
    {
        &ADJ_M
    } else if w.ends_with("ая") {
        &ADJ_F_RU
    } else if w.ends_with("ое") || w.ends_with("ее") {
        &ADJ_N_RU
    } else if w.ends_with("ье") || w.ends_with("жжя") || w.ends_with("лля") || w.ends_with("ння")
    {
        if last == 'е' {
            &NEUT_E
        } else {
            &NOUN_YA
        }
    } else if last == 'е' {
        &ADJ_N
    } else if (modifier && last == 'а') || w.ends_with("ька") {
        &ADJ_F
    } else if w == "область" {
        &OBLAST
    } else if last == 'ь' {
        &NOUN_SOFT
    } else if w.ends_with("ка") {
        &NOUN_KA
    } else if w.ends_with("ія") || w.ends_with("ия") {
        &NOUN_IA
    } else if last == 'я' {
        &NOUN_YA
    } else if last == 'а' {
        &NOUN_A
    } else if last == 'и' || last == 'ы' {
        &PLURAL
    } else if last == 'о' {
        &NEUT_O
    } else if is_cyr_vowel(last) || last == 'й' {
        return None;
    } else {
        &NOUN_CONS
    };
    Some((idx(r), r))
}

/// Stems of one word under its rule: the plain stem, and for nouns whose
/// last syllable has і/ї the alternated stem used by the oblique cases
/// (Харків → харков-, Київ → києв-, Тернопіль → тернопол-).
fn stems_of(w: &str, r: &Rule) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let Some(cut) = chars.len().checked_sub(r.cut) else {
        return Vec::new();
    };
    let stem: Vec<char> = chars[..cut].to_vec();
    let mut out = vec![stem.iter().collect::<String>()];
    let k = stem.len();
    let alternating = std::ptr::eq(r, &NOUN_CONS) || std::ptr::eq(r, &NOUN_SOFT);
    if alternating && k >= 3 && !is_cyr_vowel(stem[k - 1]) {
        // і alternates with о (Харків → Харкова) or е (Ірпінь → Ірпеня);
        // ї with є (Київ → Києва). The first listed is used by multi-word
        // forms.
        let subs: &[char] = match stem[k - 2] {
            'і' => &['о', 'е'],
            'ї' => &['є'],
            _ => &[],
        };
        for (n, &sub) in subs.iter().enumerate() {
            let mut alt = stem.clone();
            alt[k - 2] = sub;
            out.insert(n, alt.into_iter().collect());
        }
    }
    out
}

/// Stems of a single-word Cyrillic name with the index of their rule in
/// [`RULES`]; the matcher accepts a stem followed by one of the rule's
/// endings. Stems shorter than three letters are not used.
pub(crate) fn single_word_stems(norm: &str) -> Vec<(String, usize)> {
    if norm.contains(' ') {
        return Vec::new();
    }
    let Some((i, r)) = rule_for(norm, false) else {
        return Vec::new();
    };
    let mut out: Vec<(String, usize)> = stems_of(norm, r).into_iter().map(|s| (s, i)).collect();
    out.extend(alternated_stems(norm, r, i));
    out.retain(|(s, _)| s.chars().count() >= 3);
    out
}

/// Stems of a single word that only some cases use, with their rule:
/// - a fleeting е or о before the last consonant (Тростянець → Тростянця,
///   Тростянці; Тростянец → Тростянца; Городок → Городка), with the
///   word's own endings;
/// - г/к/х turned into з/ц/с before the Ukrainian -і of an -а noun
///   (Волноваха → Волновасі), with that ending only.
fn alternated_stems(w: &str, r: &'static Rule, i: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let Some(stem) = stems_of(w, r).into_iter().last() else {
        return out;
    };
    let chars: Vec<char> = stem.chars().collect();
    let k = chars.len();
    let noun = std::ptr::eq(r, &NOUN_CONS) || std::ptr::eq(r, &NOUN_SOFT);
    if noun && k >= 4 && !is_cyr_vowel(chars[k - 3]) {
        let fleeting = matches!((chars[k - 2], chars[k - 1]), ('е', 'ц') | ('о', 'к'));
        if fleeting {
            let mut alt = chars.clone();
            alt.remove(k - 2);
            out.push((alt.into_iter().collect(), i));
        }
    }
    if std::ptr::eq(r, &NOUN_A) && k >= 3 {
        let mutated = match chars[k - 1] {
            'г' => Some('з'),
            'к' => Some('ц'),
            'х' => Some('с'),
            _ => None,
        };
        if let Some(m) = mutated {
            let mut alt = chars;
            alt[k - 1] = m;
            let idx = RULES
                .iter()
                .position(|x| std::ptr::eq(*x, &NOUN_A_I))
                .unwrap_or(i);
            out.push((alt.into_iter().collect(), idx));
        }
    }
    out
}

/// The endings a stem of rule `i` accepts (never the empty ending).
pub(crate) fn rule_endings(i: usize) -> Vec<&'static str> {
    let Some(r) = RULES.get(i) else {
        return Vec::new();
    };
    let mut e: Vec<&'static str> = r.slots.iter().chain(r.extra).copied().collect();
    // The bare stem is never a form ("сум" is a word of its own).
    e.retain(|x| !x.is_empty());
    e.sort_unstable();
    e.dedup();
    e
}

/// A stem plus the ending of `slot`. In Ukrainian a noun's г/к/х turns
/// into з/ц/с before the ending -і (Ріг → у Розі, Прага → у Празі); the
/// Russian slots and adjectives keep it (в Роге, Великій).
fn join_ending(stem: &str, r: &Rule, slot: usize) -> String {
    let ending = r.slots[slot];
    let noun = std::ptr::eq(r, &NOUN_CONS) || std::ptr::eq(r, &NOUN_A);
    if noun && slot < 7 && ending.starts_with('і') {
        if let Some(last) = stem.chars().next_back() {
            let mutated = match last {
                'г' => Some('з'),
                'к' => Some('ц'),
                'х' => Some('с'),
                _ => None,
            };
            if let Some(m) = mutated {
                let head = &stem[..stem.len() - last.len_utf8()];
                return format!("{head}{m}{ending}");
            }
        }
    }
    format!("{stem}{ending}")
}

/// Case forms of a normalised (lower-case) Cyrillic name, by Ukrainian and
/// Russian declension rules. A single word yields its stem
/// with every ending; the words of a multi-word name are put in the same
/// case slot by slot ("донецька область" → "донецької області",
/// "донецкая область" → "донецкой области"). The name itself and forms of
/// fewer than four letters are left out.
pub fn inflect(norm: &str) -> Vec<String> {
    let words: Vec<&str> = norm.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    if words.len() == 1 {
        for (stem, i) in single_word_stems(norm) {
            for e in rule_endings(i) {
                out.push(format!("{stem}{e}"));
            }
        }
    } else if words.len() <= 4 {
        let last = words.len() - 1;
        let rules: Vec<Option<(String, &Rule)>> = words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                rule_for(w, k < last)
                    .and_then(|(_, r)| stems_of(w, r).into_iter().next().map(|s| (s, r)))
            })
            .collect();
        // Ukrainian-only letters pick the Ukrainian slots, Russian-only
        // letters the Russian ones; a name with neither may be either.
        let uk = norm.contains(['і', 'ї', 'є', 'ґ']);
        let ru = norm.contains(['ы', 'э', 'ъ']);
        let slots = match (uk, ru) {
            (true, false) => 0..7,
            (false, true) => 7..12,
            _ => 0..12,
        };
        for slot in slots {
            let parts: Vec<String> = words
                .iter()
                .zip(&rules)
                .map(|(w, r)| match r {
                    Some((stem, r)) => join_ending(stem, r, slot),
                    None => (*w).to_string(),
                })
                .collect();
            out.push(parts.join(" "));
        }
    }
    out.retain(|f| f != norm && f.chars().count() >= 4);
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflection_table() {
        struct Case {
            name: &'static str,
            forms: &'static [&'static str],
        }
        let cases = [
            Case {
                name: "покровськ",
                forms: &["покровська", "покровську", "покровськом"],
            },
            Case {
                name: "покровск",
                forms: &["покровска", "покровске", "покровском"],
            },
            Case {
                name: "бахмут",
                forms: &["бахмута", "бахмуте", "бахмутом"],
            },
            Case {
                name: "харків",
                forms: &["харкова", "харкові", "харкову"],
            },
            Case {
                name: "київ",
                forms: &["києва", "києві"],
            },
            Case {
                name: "суми",
                forms: &["сумах", "сумами"],
            },
            Case {
                name: "донецька область",
                forms: &["донецької області"],
            },
            Case {
                name: "костянтинівка",
                forms: &["костянтинівки", "костянтинівці"],
            },
            // Both words in the same case, with the Ukrainian г → з.
            Case {
                name: "кривий ріг",
                forms: &[
                    "кривого рогу",
                    "кривому розі",
                    "кривому рогу",
                    "кривим рогом",
                ],
            },
            Case {
                name: "кривой рог",
                forms: &["кривого рога", "кривом роге", "кривым рогом"],
            },
            Case {
                name: "велика новосілка",
                forms: &[
                    "великої новосілки",
                    "великій новосілці",
                    "великою новосілкою",
                ],
            },
            Case {
                name: "великая новоселка",
                forms: &["великой новоселки", "великой новоселке"],
            },
            // A fleeting е/о before the last consonant; г/к/х → з/ц/с
            // before the Ukrainian -і of an -а noun.
            Case {
                name: "тростянець",
                forms: &["тростянця", "тростянцю", "тростянці", "тростянцем"],
            },
            Case {
                name: "тростянец",
                forms: &["тростянца", "тростянце", "тростянцом"],
            },
            Case {
                name: "городок",
                forms: &["городка", "городку", "городком"],
            },
            Case {
                name: "волноваха",
                forms: &["волновахи", "волноваху", "волновасі"],
            },
            Case {
                name: "старий салтів",
                forms: &["старим салтовом", "старого салтова"],
            },
        ];
        for c in cases {
            let got = inflect(c.name);
            for f in c.forms {
                assert!(got.iter().any(|g| g == f), "{} lacks {f}: {got:?}", c.name);
            }
        }
        // must not: the г → з change is Ukrainian and for nouns only.
        for (name, wrong) in [
            ("кривий ріг", "кривому рогі"),
            ("кривой рог", "кривом розі"),
            ("велика новосілка", "велицій новосілці"),
            // The alternated stems take only the endings of their cases.
            ("волноваха", "волновасу"),
            ("волноваха", "волновасою"),
            // A vowel before the е is no fleeting vowel's neighbour.
            ("гаєць", "гаця"),
        ] {
            assert!(!inflect(name).iter().any(|g| g == wrong), "{name}: {wrong}");
        }
    }
}
