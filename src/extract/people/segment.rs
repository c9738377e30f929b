//! Cutting a run of capitalised words into name segments: place mentions,
//! stop words, titles, nationality and organisation words, given names.

use super::*;

#[allow(clippy::too_many_arguments)]
pub(super) fn segment_run(
    text: &str,
    toks: &[Tok],
    run: &[usize],
    lex: &Lexicon,
    in_place: &dyn Fn(usize, usize) -> bool,
    is_initial: &dyn Fn(usize) -> bool,
    ordinary: &dyn Fn(usize) -> bool,
    known_surname: &dyn Fn(usize) -> bool,
    given: &GivenCache,
    scratch: &mut (Vec<Cat>, Vec<usize>),
    out: &mut Vec<Cand>,
) {
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    // Categorise.
    let (cats, seg) = scratch;
    cats.clear();
    seg.clear();
    // The run is a headline in title case: its words are capitalised
    // whatever they are, so a bare pair in it is no evidence of a name.
    let mut title_case = false;
    for (pos, &k) in run.iter().enumerate() {
        let w = word(k);
        let l = given.lw(k);
        let f = lex.flags(l);
        let hyphen_parts = || l.split('-').filter(|p| !p.is_empty());
        // Whether the word lies in a place mention: asked at most once.
        let placed = std::cell::OnceCell::new();
        let in_place_here = || *placed.get_or_init(|| in_place(toks[k].start, toks[k].end));
        let cat = if !w.chars().next().is_some_and(char::is_uppercase) {
            Cat::Particle
        } else if is_initial(k) {
            Cat::Initial
        } else if w.chars().count() == 1 {
            // A lone capital without a dot (table codes "B", "D").
            Cat::Break
        } else if pos >= 1
            && pos + 1 == run.len()
            && given.at(run[pos - 1]).is_some()
            && turkic_patronymic_after(toks, k, given)
        {
            // "Агасиєву Кирилу Яшару огли": an Azerbaijani or Turkic
            // patronymic (father's name + огли/кизи) after the given name
            // is neither given name nor surname.
            Cat::Break
        } else if l.contains('-') && hyphen_parts().all(|p| lex.has_role(p) || lex.has_modifier(p))
        {
            // "Lieutenant-General", "Vice-President".
            Cat::Title
        } else if w
            .split('-')
            .skip(1)
            .any(|p| p.starts_with(char::is_lowercase))
            && !w
                .split('-')
                .next()
                .is_some_and(|p| lex.has_particle(lower(p).as_ref()))
            // "Moon Jae-in", "Ma Ying-jeou": a Korean or Chinese given name
            // after its surname keeps the second syllable in lower case (a
            // syllable, not "Hong Kong-based", "-listed", "-style").
            && !(pos >= 1
                && w.is_ascii()
                && east_asian_surname(word(run[pos - 1]))
                && w.split('-').skip(1).all(|p| {
                    p.len() <= 5
                        && !p.ends_with("ed")
                        && !matches!(
                            p,
                            "born" | "run" | "style" | "type" | "wide" | "like" | "era"
                        )
                }))
        {
            // "Top-seeded", "Soviet-led": a descriptor, not a name; names
            // capitalise every part ("Jean-Claude", "Boutros-Ghali").
            Cat::Break
        } else if in_place_here()
            && pos + 1 == run.len()
            && pos > 0
            && cats.last() == Some(&Cat::Name)
            && given.at(run[pos - 1]).is_some()
            && !in_place(toks[run[pos - 1]].start, toks[run[pos - 1]].end)
            && !w.chars().any(is_cyrillic)
        {
            // "Elena Koroleva", "Andrei Ivanov": a word the gazetteer knows
            // as a town is a surname after a given name that is no place.
            Cat::Name
        } else if in_place_here() || f & W_MONTH != 0 {
            Cat::Break
        } else if pos >= 1
            && pos + 1 < run.len()
            && cats.last() == Some(&Cat::Title)
            && w.chars().any(is_cyrillic)
            && given.at(k).is_none()
            && !known_surname(k)
            && title_complement(lex, given.lw(run[pos - 1]), l)
        {
            // "Президенткою Сенату Мартою …", "Члени Сейму": a word right
            // after a title, in a case its name could not stand in, is the
            // title's complement; the name, if any, comes after it.
            Cat::Break
        } else if f == 0
            && w.chars().any(is_cyrillic)
            && (cyrillic::verbal_noun(l)
                || toks[k].sent_start
                    && cyrillic::verb_form(l)
                    && (pos + 1 == run.len()
                        || !cyrillic::feminine_or_plural_past(l)
                        || cyrillic::plural_past(l))
                    && given.at(k).is_none()
                    && !known_surname(k))
        {
            // "Звернення Президента", "Дякуємо Президентові", "Напомним,
            // …": a verbal noun, or a verb that opens its sentence.
            Cat::Break
        } else if pos == 0
            && pos + 1 < run.len()
            && f == 0
            && toks[k].sent_start
            && l.len() >= 6
            && l.ends_with("ing")
            && l.is_ascii()
            && given.at(k).is_none()
            && !known_surname(k)
        {
            // "Joining Biggs on the letter were …", "Citing Kremlin
            // sources": an English participle that opens its sentence.
            Cat::Break
        } else if pos + 1 < run.len() && f & W_STOP == 0 && given.at(k).is_some() {
            // "Bill Clinton": a given name before another word is a name
            // even when it is also an ordinary word.
            Cat::Name
        } else if f & W_ORG != 0 || (f == 0 && cyrillic_org(lex, l)) {
            // "Andrew Park": an organisation word right after a lone given
            // name that ends the run is a surname.
            let after_given = pos == 1
                && pos + 1 == run.len()
                && cats.first() == Some(&Cat::Name)
                && given.at(run[0]).is_some();
            if after_given {
                Cat::Name
            } else {
                Cat::Org
            }
        } else if f & W_ROLE != 0 || (f == 0 && cyrillic_role(lex, l)) {
            // A title before a name; a last word like "King" may be a surname.
            let next_is_name = run.get(pos + 1).is_some();
            // "Prime Minister", "Assistant Secretary", "an Alternate
            // Representative": after a modifier, or in a run after "a" or
            // "the", a last role word is the head of a title, not a
            // surname. After a given name it still is one.
            let surname_after = |p: usize| {
                let pk = run[p];
                let pl = given.lw(pk);
                let after_determiner = run[0]
                    .checked_sub(1)
                    .is_some_and(|d| toks[d].kind == Kind::Word && lex.has_determiner(given.lw(d)));
                given.at(pk).is_some()
                    || is_initial(pk)
                    || (!after_determiner && lex.flags(pl) & (W_MODIFIER | W_ROLE) == 0)
            };
            // In Cyrillic a title is a surname only after a given name or
            // an initial: "Спілкування Президента" is no one.
            let cyr_title = w.chars().any(is_cyrillic)
                && pos > 0
                && given.at(run[pos - 1]).is_none()
                && !is_initial(run[pos - 1]);
            if next_is_name || cyr_title {
                Cat::Title
            } else if run.len() == 1
                || (pos > 0 && cats.get(pos - 1) == Some(&Cat::Name) && surname_after(pos - 1))
            {
                // "John Major", "Mervyn King": a surname that is also a
                // title; alone ("Major said") it can still be linked.
                Cat::Name
            } else {
                // The head of a title ("the Deputy Prime Minister, but").
                Cat::Title
            }
        } else if toks[k].sent_start && f & W_STOP == 0 && ordinary(k) && given.at(k).is_none() {
            // "Surgeon Renat Akchurin", "Trade …": an ordinary word that is
            // capitalised only because it starts the sentence.
            Cat::Break
        } else if f & (W_NATIONALITY | W_STOP) != 0 || (toks[k].sent_start && f & W_VERB != 0) {
            Cat::Break
        } else if f & W_VERB != 0
            && (pos + 1 < run.len()
                || (l.ends_with('s') && pos > 0 && given.at(run[pos - 1]).is_none()))
        {
            // A capitalised attribution verb is a headline in title case
            // ("Scholz Urges More …", "Zelensky Warns"), not a name word;
            // ending the run in another tense it is a surname ("Edward
            // Said", "Secretary-General Umar Said, who").
            title_case = true;
            Cat::Break
        } else {
            Cat::Name
        };
        cats.push(cat);
    }
    // Drop everything up to the last organisation word.
    let from = cats
        .iter()
        .rposition(|c| *c == Cat::Org)
        .map_or(0, |p| p + 1);
    let flush = |seg: &mut Vec<usize>, out: &mut Vec<Cand>| {
        // Trim particles at the ends.
        while seg
            .first()
            .is_some_and(|&k| !text[toks[k].start..].starts_with(char::is_uppercase))
        {
            seg.remove(0);
        }
        while seg
            .last()
            .is_some_and(|&k| !text[toks[k].start..].starts_with(char::is_uppercase))
        {
            seg.pop();
        }
        if seg.is_empty() {
            return;
        }
        // An ordinary word after a full name is not part of it
        // ("… Gladishiva Age").
        let name_count = |seg: &Vec<usize>| {
            seg.iter()
                .filter(|&&k| text[toks[k].start..].starts_with(char::is_uppercase))
                .count()
        };
        // Right after an organisation word a bare pair is its product or
        // its document ("the Google Privacy Policy").
        let mut thing = title_case || (from > 0 && seg.first() == run.get(from));
        if name_count(seg) >= 3 && seg.last().is_some_and(|&k| ordinary(k)) {
            seg.pop();
            thing = true;
        }
        // A Cyrillic word after a name in the instrumental, in another
        // case, is the next phrase ("з Зузаною Чапутовою Декларацію").
        if name_count(seg) >= 3 {
            let n = seg.len();
            let (a, b, z) = (
                given.lw(seg[n - 3]),
                given.lw(seg[n - 2]),
                given.lw(seg[n - 1]),
            );
            if cyrillic_case_break(a, b, z) && !known_surname(seg[n - 1]) {
                seg.pop();
            }
        }
        // A heading after a full name is not part of it either: a word a
        // colon follows ("Name : Renate Goetschl Age : 20"), or a plural a
        // spaced dash follows ("Armir Grima Defenders - Rudi Vata").
        let heading = |k: usize| {
            let w = &text[toks[k].start..toks[k].end];
            let next = toks.get(k + 1);
            given.at(k).is_none()
                && w.is_ascii()
                && next.is_some_and(|n| {
                    n.kind == Kind::Punct(':')
                        || n.kind == Kind::Punct('-') && n.start > toks[k].end && w.ends_with('s')
                })
        };
        if name_count(seg) >= 3 && seg.last().is_some_and(|&k| heading(k)) {
            seg.pop();
        }
        // …nor before it ("Secretary of State Antony Blinken").
        let lead = seg[0];
        if name_count(seg) >= 3 && seg.first().is_some_and(|&k| ordinary(k) && !is_initial(k)) {
            seg.remove(0);
        }
        // Initials only at the front; a trailing initial is dropped.
        while seg.len() > 1 && seg.last().is_some_and(|&k| is_initial(k)) {
            seg.pop();
        }
        let names = seg
            .iter()
            .filter(|&&k| !is_initial(k) && text[toks[k].start..].starts_with(char::is_uppercase))
            .count();
        if names == 0 {
            seg.clear();
            return;
        }
        let has_initial = seg.iter().any(|&k| is_initial(k));
        let first_name = seg.iter().copied().find(|&k| !is_initial(k));
        let given_name = first_name.and_then(|k| given.at(k));
        let first = seg[0];
        let last = *seg.last().unwrap_or(&first);
        out.push(Cand {
            first,
            last,
            start: toks[first].start,
            end: toks[last].end,
            names,
            given: given_name,
            has_initial,
            role: None,
            speaker: false,
            accepted: false,
            weak: false,
            thing,
            lead,
            set_aside: false,
            kind_named: false,
            surname: String::new(),
            shown: None,
            lead_surname: None,
        });
        seg.clear();
    };
    for (pos, &k) in run.iter().enumerate().skip(from) {
        match cats[pos] {
            Cat::Name | Cat::Particle | Cat::Initial => {
                // A given name after non-given words starts a new person
                // ("Ukraine Maryana Bezugla").
                if cats[pos] == Cat::Name && !seg.is_empty() {
                    // An initial holds only the word right after it: in
                    // "им. Е.М. Примакова Николаем Кожановым" a new person
                    // starts after the surname.
                    let prior_given_or_initial = seg.iter().any(|&s| given.at(s).is_some())
                        || seg.last().is_some_and(|&s| is_initial(s));
                    // …unless it ends the run after one word: "Shkvyrin Igor",
                    // or a patronymic follows it: "Іваненку Петру
                    // Степановичу" (official order, surname first).
                    let surname_first = seg.len() == 1
                        && (pos + 1 == run.len()
                            || pos + 2 == run.len()
                                && (morphology::patronymic_shape(given.lw(run[pos + 1]))
                                    || turkic_patronymic_after(toks, run[pos + 1], given)));
                    // …nor after a place number in a results list ("29.
                    // Ingeborg Helen Marken"): there the word before the
                    // given name is a first given name, not a glued word.
                    let ranked = seg.len() == 1 && {
                        let s0 = seg[0];
                        let num = |j: usize| toks.get(j).is_some_and(|t| t.kind == Kind::Num);
                        s0 >= 1
                            && (num(s0 - 1)
                                || s0 >= 2 && toks[s0 - 1].kind == Kind::Punct('.') && num(s0 - 2))
                            && !word(s0).chars().any(is_cyrillic)
                    };
                    // A name written twice in a row (a photo and its
                    // credit: "Kira Lisitskaya Kira Lisitskaya") is two
                    // mentions.
                    let repeated =
                        seg.len() >= 2 && given.at(k).is_some() && given.lw(seg[0]) == given.lw(k);
                    if repeated
                        || !prior_given_or_initial
                            && !surname_first
                            && !ranked
                            && given.at(k).is_some()
                    {
                        flush(seg, out);
                    }
                }
                seg.push(k);
            }
            Cat::Title => {
                // "Deputy Interior Minister Maciej Wąsik", "Defence
                // Secretary Ben Wallace": words before a title inside one
                // run, with no given name or initial, are its portfolio.
                let portfolio = !seg.iter().any(|&s| is_initial(s) || given.at(s).is_some());
                if portfolio {
                    seg.clear();
                } else {
                    flush(seg, out);
                }
            }
            Cat::Break | Cat::Org => flush(seg, out),
        }
    }
    flush(seg, out);
}

/// Whether `l`, right after the Cyrillic title word `title`, is in a case
/// that title's name in apposition could not be in, so is the title's
/// complement ("Президентці Сенату", "Члени Конгресу", "пане Голово
/// Сенату").
pub(super) fn title_complement(lex: &Lexicon, title: &str, l: &str) -> bool {
    // A listed title, or a compound whose last part is one as it stands
    // ("прем’єр-міністр", whatever its apostrophe).
    let nominative = lex.flags(title) & W_ROLE != 0
        || title.contains('-')
            && title
                .rsplit('-')
                .next()
                .is_some_and(|p| lex.flags(p) & W_ROLE != 0);
    if let Some(case) = cyrillic::title_case(title, nominative) {
        return complement_in(lex, title, case, l);
    }
    // A title in the vocative ("Голово", "Президенте"): a name after it is
    // in the vocative too, where -у follows only к, г, х and the hushing
    // consonants ("пане Петренку"); "Сенату", "Сейму" are genitives.
    let vocative = ["о", "е"].iter().any(|e| {
        title.strip_suffix(e).is_some_and(|stem| {
            ["", "а"]
                .iter()
                .any(|a| lex.flags(&format!("{stem}{a}")) & W_ROLE != 0)
        })
    });
    let mut rev = l.chars().rev();
    vocative
        && (complement_in(lex, title, cyrillic::Case::Nom, l)
            || rev.next() == Some('у')
                && rev.next().is_some_and(|c| !"кгхжчшщ".contains(c))
                && l.chars().count() > 4)
}

/// [`title_complement`] for a title in `case` (the caller may have read it
/// better than its ending: "голову" is an accusative): besides
/// [`cyrillic::disagrees`], a title in the nominative (singular or plural:
/// "Члени") is followed by a name in the nominative, never in -у/-ю or the
/// genitive -и (but the short indeclinable "Лю", "Ту"), and a woman's name
/// after a feminine title never takes a masculine ending (-ою is hers).
pub(super) fn complement_in(lex: &Lexicon, title: &str, case: cyrillic::Case, l: &str) -> bool {
    let ends = |es: &[&str]| es.iter().any(|e| l.ends_with(e));
    let long = l.chars().count() > 4 && !ends(&["ою", "ею", "єю"]);
    use cyrillic::Case::{Dat, Ins, Nom};
    cyrillic::disagrees(case, l)
        || (case == Nom && long && ends(&["у", "ю"]))
        // The genitive of a noun in -а/-я ("спікеркою Палати", "Голово
        // Асамблеї"): no name in the nominative, instrumental or dative
        // ends so (a woman's dative is -і).
        || (matches!(case, Nom | Ins | Dat) && long && ends(&["и", "ы"]))
        || (matches!(case, Nom | Ins) && long && ends(&["ї"]))
        || (feminine_title(lex, title) && long && ends(&["у", "ю", "ові", "еві", "ом", "ем"]))
}

/// Whether the Cyrillic word `z` cannot continue the name whose last two
/// words `a` and `b` agree in the instrumental: after a woman's name
/// (-ою/-ею) a declinable word in another case (-у, -ю, -а, -я, -і, -и);
/// after a man's (-ом/-ем) a feminine noun form (-ію, -ія, -ії, -ою).
/// Indeclinable surnames (Тимошенко, Кравчук, Шойгу) end otherwise.
pub(super) fn cyrillic_case_break(a: &str, b: &str, z: &str) -> bool {
    let ends = |w: &str, es: &[&str]| es.iter().any(|e| w.ends_with(e));
    if !z.chars().any(is_cyrillic) || z.chars().count() < 4 {
        return false;
    }
    let fem = |w: &str| ends(w, &["ою", "ею", "єю"]);
    let masc = |w: &str| ends(w, &["ом", "ем", "єм"]);
    (fem(a) && fem(b) && !fem(z) && ends(z, &["у", "ю", "а", "я", "і", "и"]))
        || (masc(a) && masc(b) && !masc(z) && ends(z, &["ію", "ія", "ії", "ою"]))
}

/// Whether a Cyrillic title word is a feminine title in -ка/-ця/-иня in any
/// case ("Президенткою", "Президентці", "речниця").
pub(super) fn feminine_title(lex: &Lexicon, l: &str) -> bool {
    const FORMS: &[(&str, &str)] = &[
        ("ка", "ка"),
        ("ки", "ка"),
        ("ці", "ка"),
        ("ку", "ка"),
        ("кою", "ка"),
        ("ця", "ця"),
        ("ці", "ця"),
        ("цю", "ця"),
        ("цею", "ця"),
        ("иня", "иня"),
        ("ині", "иня"),
        ("иню", "иня"),
        ("инею", "иня"),
    ];
    FORMS.iter().any(|(end, nom)| {
        l.strip_suffix(end)
            .is_some_and(|stem| lex.flags(&format!("{stem}{nom}")) & W_ROLE != 0)
    })
}

/// Whether the word after token `k` is the particle of a Turkic
/// patronymic as Ukrainian and Russian write it: "огли"/"оглы" (son of),
/// "кизи"/"кызы" (daughter of).
pub(super) fn turkic_patronymic_after(toks: &[Tok], k: usize, given: &GivenCache) -> bool {
    toks.get(k + 1).is_some_and(|t| {
        t.kind == Kind::Word
            && t.joined
            && t.sent == toks[k].sent
            && matches!(given.lw(k + 1), "огли" | "оглу" | "оглы" | "кизи" | "кызы")
    })
}

pub(super) fn is_word(t: &Tok) -> bool {
    t.kind == Kind::Word
}
