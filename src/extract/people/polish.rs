//! Polish case forms of names written in the Latin script ("z premierem
//! Donaldem Tuskiem", "według Ołeksandra Syrskiego"): a given name the
//! lexicon knows only through a Polish case ending marks the name as
//! inflected, and the surname after it loses the same case's ending.
//!
//! Deliberately narrow, so English and other names never change: a given
//! name is read through a Polish ending only when the word as written is
//! no given name; the instrumental -em only with a stem of five letters or
//! a Polish letter ("Willem" is no instrumental of Will); and the genitive
//! -a only before a man's -skiego/-ckiego surname, since a woman's name in
//! -a is its own nominative (Mirosława, Paula) and the surname decides.

/// Letters only Polish (among the languages frontline reads) writes.
fn has_polish_letter(w: &str) -> bool {
    w.chars().any(|c| {
        matches!(
            c,
            'ł' | 'Ł' | 'ś' | 'Ś' | 'ż' | 'Ż' | 'ź' | 'Ź' | 'ć' | 'Ć' | 'ń' | 'Ń' | 'ą' | 'ę'
        )
    })
}

/// A stem of at least `min` letters that ends in a consonant.
fn consonant_stem(stem: &str, min: usize) -> bool {
    stem.chars().count() >= min
        && stem
            .chars()
            .last()
            .is_some_and(|c| !"aeiouyąęó".contains(c))
}

/// Nominative candidates of a Latin word that may be a man's given name in
/// a Polish oblique case other than the genitive: Donaldem → Donald,
/// Radosławem → Radosław, Andrzejowi → Andrzej. Empty when the word has no
/// such ending.
pub(super) fn given_stems(low: &str) -> Vec<String> {
    // Five letters for a stem read through -em, unless the word is Polish
    // by its letters: Donaldem, Radosławem, not Willem (Will).
    let em_min = if has_polish_letter(low) { 3 } else { 5 };
    let stem = if let Some(stem) = low.strip_suffix("owi") {
        consonant_stem(stem, 3).then_some(stem)
    } else if let Some(stem) = low.strip_suffix("iem") {
        // Markiem, Olegiem: -iem after k and g.
        (stem.ends_with(['k', 'g']) && consonant_stem(stem, em_min)).then_some(stem)
    } else if let Some(stem) = low.strip_suffix("em") {
        consonant_stem(stem, em_min).then_some(stem)
    } else {
        None
    };
    stem.map(|s| vec![s.to_string()]).unwrap_or_default()
}

/// The canonical given name of a man's given name in a Polish oblique
/// case (Donaldem → Donald), through [`given_stems`], or
/// [`given_stems_any`] with the genitive when `genitive` (after a man's
/// -skiego surname).
pub(super) fn given_in_case(low: &str, genitive: bool) -> Option<&'static str> {
    let lex = super::lexicon::lexicon();
    let stems = if genitive {
        given_stems_any(low)
    } else {
        given_stems(low)
    };
    stems.iter().find_map(|stem| {
        lex.given_exact
            .get(stem.as_str())
            .or_else(|| lex.given_fold.get(&super::fold(stem)))
            .copied()
    })
}

/// A Latin surname in a Polish masculine oblique case of -ski/-cki
/// (Syrskiego, Zełenskiemu, Sikorskim): the name is a man's, in that case.
pub(super) fn masculine_oblique_adjective(low: &str) -> bool {
    ["skiego", "ckiego", "skiemu", "ckiemu", "skim", "ckim"]
        .iter()
        .any(|e| low.ends_with(e))
}

/// [`given_stems`] with the genitive -a: after a man's oblique -skiego
/// surname the case is not in doubt (Ołeksandra Syrskiego).
pub(super) fn given_stems_any(low: &str) -> Vec<String> {
    match low.strip_suffix('a') {
        Some(stem) if consonant_stem(stem, 3) => vec![stem.to_string()],
        _ => given_stems(low),
    }
}

/// The nominative of a Latin surname after a given name in a Polish
/// oblique case: the adjectival -ski/-cki/-y (Syrskiego, Zełenskiemu,
/// Sikorskim) and the consonant noun (Tuskiem, Tuska, Tuskowi). `None`
/// when no Polish case ending is there.
pub(super) fn surname_nominative(word: &str) -> Option<String> {
    // The adjective (Syrskiego), then an -a noun (Duda, Kułeba): dative
    // and locative with the consonant softened (Dudzie, Kułebie),
    // accusative -ę, instrumental -ą.
    const ENDINGS: &[(&str, &str)] = &[
        ("kiego", "ki"),
        ("giego", "gi"),
        ("kiemu", "ki"),
        ("giemu", "gi"),
        ("kim", "ki"),
        ("gim", "gi"),
        ("ego", "y"),
        ("emu", "y"),
        ("ym", "y"),
        ("dzie", "da"),
        ("cie", "ta"),
        ("rze", "ra"),
        ("bie", "ba"),
        ("pie", "pa"),
        ("wie", "wa"),
        ("mie", "ma"),
        ("nie", "na"),
        ("sie", "sa"),
        ("ę", "a"),
        ("ą", "a"),
    ];
    for (end, nom) in ENDINGS {
        if let Some(stem) = word.strip_suffix(end) {
            if stem.chars().count() >= 2 {
                return Some(format!("{stem}{nom}"));
            }
        }
    }
    const NOUN: &[&str] = &["owi", "iem", "em", "a", "u"];
    for end in NOUN {
        if let Some(stem) = word.strip_suffix(end) {
            if *end == "iem" && !stem.ends_with(['k', 'g']) {
                continue;
            }
            if consonant_stem(stem, 3) {
                return Some(stem.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_in_polish_cases() {
        assert_eq!(given_stems("donaldem"), ["donald"]);
        assert_eq!(given_stems("radosławem"), ["radosław"]);
        assert_eq!(given_stems("radosławowi"), ["radosław"]);
        assert_eq!(given_stems("andrzejowi"), ["andrzej"]);
        // Must not: a short stem through -em without a Polish letter
        // (Willem), a woman's name in -a (Mirosława: only the surname can
        // make it a genitive).
        assert!(given_stems("willem").is_empty());
        assert!(given_stems("mirosława").is_empty());
        assert!(given_stems("ołeksandra").is_empty());
        // Must not: a genitive -a without a Polish letter (Paula, Daniela),
        // a vowel stem, a short word.
        assert!(given_stems("paula").is_empty());
        assert!(given_stems("daniela").is_empty());
        assert!(given_stems("em").is_empty());
        assert!(given_stems("joshua").is_empty());
        // After a man's oblique -ski surname the genitive -a is certain.
        assert_eq!(given_stems_any("oleksandra"), ["oleksandr"]);
        assert!(masculine_oblique_adjective("syrskiego"));
        assert!(!masculine_oblique_adjective("syrski"));
    }

    #[test]
    fn surnames_in_polish_cases() {
        for (form, nom) in [
            ("Syrskiego", "Syrski"),
            ("Zełenskiemu", "Zełenski"),
            ("Sikorskim", "Sikorski"),
            ("Tuskiem", "Tusk"),
            ("Tuska", "Tusk"),
            ("Tuskowi", "Tusk"),
            ("Scholzem", "Scholz"),
            ("Zielonego", "Zielony"),
            ("Dudzie", "Duda"),
            ("Kułebie", "Kułeba"),
            ("Dudą", "Duda"),
        ] {
            assert_eq!(surname_nominative(form).as_deref(), Some(nom), "{form}");
        }
        assert_eq!(surname_nominative("Tusk"), None);
        assert_eq!(surname_nominative("Syrski"), None);
    }
}
