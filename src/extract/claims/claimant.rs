//! The claimant: the speaker of a sentence (person or body), anaphora to
//! one named before, and a person's side from role, words before or register.

use super::*;

/// The claimant of a sentence's claims.
pub(super) fn find_claimant(
    ctx: &Ctx<'_>,
    people: &[Person],
    sentences: &[Range<usize>],
    si: usize,
    at: usize,
) -> Option<Claimant> {
    let lex = ctx.lex;
    let s = ctx.s;
    let base = ctx.sent.start;
    // Word cuts ("as", "while", "but") between a speaker and the claim
    // make them two statements: "Putin accused Washington …, as explosions
    // rocked a facility in Kremlin-controlled Crimea".
    let cuts: Vec<usize> = lex
        .clause_cut
        .find_iter(s)
        .filter(|m| m.as_str().chars().any(char::is_alphabetic) || m.as_str() == ";")
        .map(|m| m.start())
        .collect();
    let apart = |p: usize| {
        let (a, b) = if p < at { (p, at) } else { (at, p) };
        cuts.iter().any(|&c| c > a && c < b)
    };
    // The attribution nearest the claim.
    // (tried at word starts only, like the side cues)
    let attribution = anchored_matches(&lex.attribution_at, s, word_starts(s))
        .filter(|m| !apart(m.start))
        .min_by_key(|m| m.start.abs_diff(at));
    // A person named in the sentence who speaks, or stands next to an
    // attribution.
    let mut best: Option<(usize, Claimant)> = None;
    for p in people {
        for m in &p.mentions {
            if m.start < ctx.sent.start || m.end > ctx.sent.end || apart(m.start - base) {
                continue;
            }
            let dist = attribution.as_ref().map_or(usize::MAX, |a| {
                let (ms, me) = (m.start - base, m.end - base);
                if me <= a.start {
                    a.start - me
                } else {
                    ms.saturating_sub(a.end)
                }
            });
            if !m.speaker && dist > 100 {
                continue;
            }
            let c = person_claimant(ctx.text, p, m.start, m.end, m.role.as_deref());
            if best.as_ref().is_none_or(|(d, _)| dist < *d) {
                best = Some((dist, c));
            }
        }
    }
    if let Some((_, c)) = best {
        return Some(c);
    }
    // "according to her", "he said": the person named last before.
    if lex.pronoun.is_match(s) {
        if let Some(c) = last_person(ctx.text, people, ctx.sent.start) {
            return Some(c);
        }
    }
    // A body next to an attribution.
    if let Some(a) = attribution.as_ref() {
        let mut found: Option<(usize, Claimant)> = None;
        for (re, side) in &lex.bodies {
            for m in re.find_iter(s) {
                // The agent of the claim is not its claimant: a body
                // counts only close to the attribution.
                let dist = if m.end() <= a.start {
                    a.start - m.end()
                } else {
                    m.start().saturating_sub(a.end)
                };
                if dist > 40 || apart(m.start()) {
                    continue;
                }
                // The subject of "said" speaks; a body after it ("said
                // Russia had …") is more often what is spoken about.
                let dist = if m.start() >= a.end && !lex.according.is_match(&s[a.clone()]) {
                    dist + 20
                } else {
                    dist
                };
                // A claim between them: the body is its agent, not its speaker.
                let gap = if m.end() <= a.start {
                    m.end()..a.start
                } else {
                    a.end..m.start()
                };
                if lex.triggers.iter().any(|t| t.re.is_match(&s[gap.clone()])) {
                    continue;
                }
                let after = &s[m.end()..];
                // "Ukrainian troops/forces …" is an agent, "Ukraine's
                // commander-in-chief said" a speaker.
                if lex.army_word.is_match(head(after, 128)) && !after.trim_start().starts_with(',')
                {
                    let w = after.split_whitespace().next().unwrap_or("");
                    if !w.is_empty() && !lex.attribution.is_match(w) {
                        continue;
                    }
                }
                let side = side.or_else(|| body_side(ctx.lang));
                let c = Claimant {
                    text: m.as_str().trim().to_string(),
                    person: None,
                    side,
                };
                if found.as_ref().is_none_or(|(d, _)| dist < *d) {
                    found = Some((dist, c));
                }
            }
        }
        if let Some((_, c)) = found {
            return Some(c);
        }
    }
    // "the ministry": the body named last in the sentences before.
    if lex.ministry_anaphor.is_match(s) && attribution.is_some() {
        for prev in sentences[..si].iter().rev().take(3) {
            let p = &ctx.text[prev.clone()];
            for (re, side) in &lex.bodies {
                if let Some(m) = re.find_iter(p).last() {
                    return Some(Claimant {
                        text: m.as_str().trim().to_string(),
                        person: None,
                        side: side.or_else(|| body_side(ctx.lang)),
                    });
                }
            }
        }
    }
    // "This … was confirmed by X" in the next sentence.
    if let Some(next) = sentences.get(si + 1) {
        let n = &ctx.text[next.clone()];
        if lex.this_confirmed.is_match(n) {
            for p in people {
                if let Some(m) = p
                    .mentions
                    .iter()
                    .find(|m| m.start >= next.start && m.end <= next.end)
                {
                    return Some(person_claimant(
                        ctx.text,
                        p,
                        m.start,
                        m.end,
                        m.role.as_deref(),
                    ));
                }
            }
        }
    }
    None
}

/// An unmarked "General Staff" or "Міноборони": the side whose language the
/// text is in; English says nothing.
pub(super) fn body_side(lang: Lang) -> Option<Side> {
    match lang {
        Lang::Ru => Some(Side::Ru),
        Lang::Uk => Some(Side::Ua),
        Lang::En => None,
    }
}

/// The person mentioned last before `before`.
pub(super) fn last_person(text: &str, people: &[Person], before: usize) -> Option<Claimant> {
    let mut best: Option<(usize, &Person, usize, usize, Option<&str>)> = None;
    for p in people {
        for m in &p.mentions {
            if m.end <= before && before - m.end < 1500 && best.is_none_or(|b| m.start > b.0) {
                best = Some((m.start, p, m.start, m.end, m.role.as_deref()));
            }
        }
    }
    best.map(|(_, p, s, e, role)| person_claimant(text, p, s, e, role))
}

/// A person as claimant, with their side from the role, the words before
/// the name in the article, or the register.
pub(super) fn person_claimant(
    text: &str,
    p: &Person,
    start: usize,
    end: usize,
    role: Option<&str>,
) -> Claimant {
    // The fullest role this person has anywhere in the article.
    let roles: Vec<&str> = role
        .into_iter()
        .chain(p.mentions.iter().filter_map(|m| m.role.as_deref()))
        .collect();
    let mut side = roles.iter().find_map(|r| side_of_role(r));
    if side.is_none() {
        for m in &p.mentions {
            let from = text[..m.start]
                .char_indices()
                .rev()
                .nth(45)
                .map_or(0, |(i, _)| i);
            let before = &text[from..m.start];
            // Only the clause right before the name: "another Ukrainian politician, Unigolova".
            let before = before.rsplit(['.', ';', '\n']).next().unwrap_or(before);
            if let Some(s) = side_of_role(before) {
                side = Some(s);
                break;
            }
        }
    }
    if side.is_none() {
        side = register_side(&p.key);
    }
    Claimant {
        text: text[start..end].to_string(),
        person: Some(p.key.clone()),
        side,
    }
}

/// The side a role or the words before a name give.
pub(super) fn side_of_role(role: &str) -> Option<Side> {
    let lex = &*LEX;
    // "pro-Russian", "Russian-installed" win over the place in "mayor of Kherson".
    if lex.role_ru.is_match(role) {
        return Some(Side::Ru);
    }
    if lex.role_ua.is_match(role) {
        return Some(Side::Ua);
    }
    if lex.role_other.is_match(role) {
        return Some(Side::Other);
    }
    None
}

/// Public figures of the war whose side reporting takes as known: heads of
/// state and government, commanders, ministers, spokespeople, lawmakers and
/// regional heads who are quoted on control of places. Keys come from
/// [`person_key`], so any spelling or script of these names matches.
pub(super) const REGISTER: &[(&str, Side)] = &[
    // Ukraine
    ("Volodymyr Zelensky", Side::Ua),
    ("Oleksandr Syrskyi", Side::Ua),
    ("Valerii Zaluzhnyi", Side::Ua),
    ("Kyrylo Budanov", Side::Ua),
    ("Andriy Yermak", Side::Ua),
    ("Mykhailo Podolyak", Side::Ua),
    ("Dmytro Kuleba", Side::Ua),
    ("Andrii Sybiha", Side::Ua),
    ("Oleksii Reznikov", Side::Ua),
    ("Rustem Umerov", Side::Ua),
    ("Denys Shmyhal", Side::Ua),
    ("Iryna Vereshchuk", Side::Ua),
    ("Oleksii Danilov", Side::Ua),
    ("Hanna Maliar", Side::Ua),
    ("Maryana Bezuhla", Side::Ua),
    ("Ihor Mosiychuk", Side::Ua),
    ("Oleksiy Goncharenko", Side::Ua),
    ("Oleh Syniehubov", Side::Ua),
    ("Vadym Filashkin", Side::Ua),
    ("Pavlo Kyrylenko", Side::Ua),
    ("Serhiy Haidai", Side::Ua),
    ("Vitalii Kim", Side::Ua),
    ("Yaroslav Yanushevych", Side::Ua),
    ("Ivan Fedorov", Side::Ua),
    ("Vitali Klitschko", Side::Ua),
    ("Ihor Terekhov", Side::Ua),
    ("Oleksandr Shtupun", Side::Ua),
    ("Serhii Cherevatyi", Side::Ua),
    ("Nazar Voloshyn", Side::Ua),
    ("Viktor Trehubov", Side::Ua),
    ("Dmytro Lykhovii", Side::Ua),
    ("Andriy Kovalenko", Side::Ua),
    ("Yurii Ihnat", Side::Ua),
    ("Serhii Bratchuk", Side::Ua),
    ("Oleksandr Prokudin", Side::Ua),
    ("Natalia Humeniuk", Side::Ua),
    ("Anton Herashchenko", Side::Ua),
    ("Oleksiy Arestovych", Side::Ua),
    ("Yuriy Butusov", Side::Ua),
    // Russia and its proxies
    ("Vladimir Putin", Side::Ru),
    ("Sergei Shoigu", Side::Ru),
    ("Andrei Belousov", Side::Ru),
    ("Valery Gerasimov", Side::Ru),
    ("Dmitry Peskov", Side::Ru),
    ("Igor Konashenkov", Side::Ru),
    ("Maria Zakharova", Side::Ru),
    ("Sergei Lavrov", Side::Ru),
    ("Dmitry Medvedev", Side::Ru),
    ("Denis Pushilin", Side::Ru),
    ("Leonid Pasechnik", Side::Ru),
    ("Yevgeny Balitsky", Side::Ru),
    ("Ramzan Kadyrov", Side::Ru),
    ("Apti Alaudinov", Side::Ru),
    ("Yevgeny Prigozhin", Side::Ru),
    ("Vyacheslav Gladkov", Side::Ru),
    ("Alexei Smirnov", Side::Ru),
    ("Alexander Khinshtein", Side::Ru),
    ("Vladimir Rogov", Side::Ru),
    ("Yan Gagin", Side::Ru),
    ("Andrei Marochko", Side::Ru),
    ("Igor Girkin", Side::Ru),
    ("Sergei Aksyonov", Side::Ru),
    ("Mikhail Razvozhayev", Side::Ru),
    ("Vitaly Ganchev", Side::Ru),
    ("Kirill Stremousov", Side::Ru),
    ("Vasily Nebenzya", Side::Ru),
    ("Vladimir Saldo", Side::Ru),
];

/// The side of a known public figure.
pub(super) fn register_side(key: &str) -> Option<Side> {
    static KEYS: LazyLock<Vec<(String, Side)>> = LazyLock::new(|| {
        REGISTER
            .iter()
            .map(|(name, side)| (person_key(name), *side))
            .collect()
    });
    // A key without a given name ("peskov") matches the surname.
    let surname = key.split(':').next().unwrap_or(key);
    KEYS.iter()
        .find(|(k, _)| k == key || (!key.contains(':') && k.split(':').next() == Some(surname)))
        .map(|(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_keys_match_other_spellings() {
        assert_eq!(register_side(&person_key("Dmitry Peskov")), Some(Side::Ru));
        assert_eq!(register_side(&person_key("Ігор Мосійчук")), Some(Side::Ua));
        assert_eq!(register_side(&person_key("Someone Unknown")), None);
    }
}
