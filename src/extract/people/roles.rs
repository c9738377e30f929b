//! Role phrases before and after a name and the speech cues (attribution
//! verbs, "according to", pronouns) that make a mention a speaker.

use super::*;

/// The role phrase right before the name at token `first` (a comma may
/// stand between: "another Ukrainian politician, Unigolova").
pub(super) fn role_before(
    text: &str,
    toks: &[Tok],
    first: usize,
    lex: &Lexicon,
    in_name: &[bool],
    given: &GivenCache,
) -> Option<(usize, usize)> {
    let sent = toks[first].sent;
    let mut j = first;
    if j == 0 {
        return None;
    }
    j -= 1;
    if toks[j].kind == Kind::Punct(',') {
        j = j.checked_sub(1)?;
    }
    let end_tok = j;
    if !is_word(&toks[end_tok]) || toks[end_tok].sent != sent {
        return None;
    }
    // "Deputy of | Ukraine": a phrase ending in a connector is not a role
    // of the next word.
    if lex.has_connector(given.lw(end_tok)) {
        return None;
    }
    let mut have_head = false;
    let mut left = None;
    let mut count = 0;
    loop {
        let t = &toks[j];
        // Never reach across another name ("defender Liviu Ciobotariu of").
        if t.sent != sent || !is_word(t) || in_name.get(j).copied().unwrap_or(false) {
            break;
        }
        let w = &text[t.start..t.end];
        let l = given.lw(j);
        let cap = w.starts_with(is_upper);
        let is_head = lex.has_role(l) || l.split('-').any(|p| lex.has_role(p));
        let ok = if is_head {
            have_head = true;
            true
        } else if have_head {
            lex.has_modifier(l)
                || lex.has_nationality(l)
                || matches!(l, "of" | "for" | "the" | "in")
                || l.split('-').any(|p| lex.has_modifier(p))
                || (cap && !lex.has_stop(l) && !lex.has_month(l) && given.at(j).is_none())
        } else {
            // Between the head and the name: "of Ukraine", "of the HUR";
            // in Ukrainian and Russian a portfolio in the genitive
            // ("Міністр закордонних справ", "Министр обороны России").
            matches!(l, "of" | "for" | "the")
                || (cap && !lex.has_stop(l) && !lex.has_month(l))
                || (!cap
                    && l.starts_with(is_cyrillic)
                    && (lex.has_modifier(l) || cyrillic_org(lex, l)))
        };
        if !ok {
            break;
        }
        left = Some(j);
        count += 1;
        if count >= 10 || j == 0 {
            break;
        }
        j -= 1;
    }
    if !have_head {
        return None;
    }
    // A title in the plural ("лідерам Заходу", "представникам
    // Євросоюзу", "Палата представників") introduces no one person.
    if plural_cyrillic_title(lex, given.lw(end_tok)) {
        return None;
    }
    let mut l = left?;
    // Trim leading connectors and determiners ("the", "of", "another").
    while l < end_tok {
        let w = given.lw(l);
        if lex.has_connector(w) || lex.has_determiner(w) {
            l += 1;
        } else {
            break;
        }
    }
    // The phrase must contain a head after trimming.
    let has_head = (l..=end_tok).any(|k| {
        let w = given.lw(k);
        lex.has_role(w) || w.split('-').any(|p| lex.has_role(p))
    });
    has_head.then(|| (toks[l].start, toks[end_tok].end))
}

/// A Ukrainian or Russian title in a plural case ("лідерам",
/// "представників", "депутатов").
fn plural_cyrillic_title(lex: &Lexicon, l: &str) -> bool {
    l.starts_with(is_cyrillic)
        && ["ам", "ям", "ами", "ями", "ах", "ях", "ів", "ов", "ей"]
            .iter()
            .any(|e| l.ends_with(e))
        && (lex.has_role(l) || cyrillic_role(lex, l))
}

/// An apposition after the name: ", a former People's Deputy". A Cyrillic
/// title that runs into another name (`in_name`: the words of candidate
/// names, empty when unknown) is that
/// name's role, and a title in the plural is no one's apposition: in a
/// list ("Прем'єр-міністр Канади Трюдо, канцлер Німеччини Шольц",
/// "Давиду Арахамії, представникам ООН") neither belongs to the name
/// before it.
pub(super) fn role_after(
    text: &str,
    toks: &[Tok],
    last: usize,
    lex: &Lexicon,
    given: &GivenCache,
    in_name: &[bool],
) -> Option<(usize, usize)> {
    let sent = toks[last].sent;
    let mut j = last + 1;
    if toks.get(j)?.kind != Kind::Punct(',') {
        return None;
    }
    j += 1;
    let first = toks.get(j)?;
    if !is_word(first) || first.sent != sent {
        return None;
    }
    let det = lex.has_determiner(given.lw(j));
    if det {
        j += 1;
    }
    let start_tok = j;
    let mut end_tok = None;
    let mut have_head = false;
    let mut first_head = None;
    let mut count = 0;
    while let Some(t) = toks.get(j) {
        if in_name.get(j).copied().unwrap_or(false) && text[t.start..t.end].starts_with(is_cyrillic)
        {
            // The phrase is the role of the name it runs into.
            return None;
        }
        if in_name.get(j).copied().unwrap_or(false) && given.at(j).is_some() {
            // A full name after the phrase: the phrase's own head joined to
            // it by "for"/"of" keeps the words before the name ("spokesman
            // for U.N. Secretary-General Antonio Guterres"); otherwise the
            // phrase is that name's title ("Elsewhere, Ukrainian President
            // Volodymyr Zelensky said").
            let linked = first_head.is_some_and(|h| {
                (h + 1..j).any(|k| is_word(&toks[k]) && matches!(given.lw(k), "for" | "of" | "to"))
            });
            if !linked {
                return None;
            }
            break;
        }
        // The dots of initials inside the phrase ("U.S. Treasury").
        let initial_dot = t.kind == Kind::Punct('.')
            && j > 0
            && toks[j - 1].end == t.start
            && text[toks[j - 1].start..toks[j - 1].end].chars().count() == 1;
        if initial_dot {
            j += 1;
            continue;
        }
        if !is_word(t) || t.sent != sent || count >= 10 {
            break;
        }
        let w = &text[t.start..t.end];
        let l = given.lw(j);
        let is_head = lex.has_role(l) || l.split('-').any(|p| lex.has_role(p));
        let ok = is_head
            || lex.has_modifier(l)
            || lex.has_nationality(l)
            || (have_head && matches!(l, "of" | "for" | "the" | "in"))
            || (w.starts_with(char::is_uppercase) && !lex.has_stop(l) && (det || have_head));
        if !ok {
            break;
        }
        if is_head {
            have_head = true;
            first_head.get_or_insert(j);
        }
        end_tok = Some(j);
        count += 1;
        if t.poss {
            // "Zelensky's chief of staff" continues after the possessive.
        }
        j += 1;
    }
    let mut e = end_tok?;
    if !have_head || first_head.is_some_and(|h| plural_cyrillic_title(lex, given.lw(h))) {
        return None;
    }
    // Trim trailing connectors.
    while e > start_tok {
        let w = given.lw(e);
        if lex.has_connector(w) || lex.has_determiner(w) {
            e -= 1;
        } else {
            break;
        }
    }
    Some((toks[start_tok].start, toks[e].end))
}

/// An attribution verb follows the name in its sentence ("X said",
/// "X, who claimed", "X further alleged", "X:").
pub(super) fn verb_after(toks: &[Tok], last: usize, lex: &Lexicon, given: &GivenCache) -> bool {
    let sent = toks[last].sent;
    if toks
        .get(last + 1)
        .is_some_and(|t| t.kind == Kind::Punct(':') && t.start == toks[last].end)
    {
        return true;
    }
    // Only light words may stand between the name and the verb: "X said",
    // "X, who claimed", "X further alleged", "X has also stated".
    const BETWEEN: &[&str] = &[
        "who",
        "further",
        "also",
        "has",
        "had",
        "have",
        "was",
        "is",
        "later",
        "then",
        "again",
        "reportedly",
        "previously",
        "recently",
        "earlier",
        "once",
        "repeatedly",
        "publicly",
        "openly",
        "himself",
        "herself",
        "then",
        "had",
        "already",
        "had",
        "would",
        "will",
        "later",
        "який",
        "яка",
        "который",
        "которая",
        "також",
        "также",
        "вже",
        "уже",
        "ще",
        "еще",
    ];
    let mut words = 0;
    for (k, t) in toks.iter().enumerate().skip(last + 1) {
        if t.sent != sent || words > 3 {
            break;
        }
        match t.kind {
            Kind::Word => {
                let l = given.lw(k);
                // A capitalised verb is a headline in title case ("Scholz
                // Urges More …"), not an attribution.
                if lex.has_verb(l) && !starts_upper(&given.text[t.start..t.end]) {
                    return true;
                }
                if !BETWEEN.contains(&l) {
                    return false;
                }
                words += 1;
            }
            Kind::Punct(',' | '—' | '–') => {}
            _ => return false,
        }
    }
    false
}

/// "Buza last April said he would …": an attribution verb followed by a
/// personal pronoun, a few words after a lone capitalised word, makes that
/// word a person (organisations and places say "it" or "they").
pub(super) fn says_he_or_she(toks: &[Tok], last: usize, lex: &Lexicon, given: &GivenCache) -> bool {
    let sent = toks[last].sent;
    for (words, k) in (last + 1..toks.len()).enumerate() {
        let t = &toks[k];
        if t.sent != sent || t.kind != Kind::Word || words >= 5 {
            return false;
        }
        if lex.has_verb(given.lw(k)) {
            return toks.get(k + 1).is_some_and(|n| {
                n.kind == Kind::Word && n.sent == sent && matches!(given.lw(k + 1), "he" | "she")
            });
        }
    }
    false
}

/// Whether the person of `c` speaks in its sentence.
pub(super) fn is_speaker(
    text: &str,
    toks: &[Tok],
    c: &Cand,
    lex: &Lexicon,
    given: &GivenCache,
) -> bool {
    // Skip an apposition role (", a former MP,") before looking for a verb.
    let mut last = c.last;
    if let Some((_, e)) = role_after(text, toks, c.last, lex, given, &[]) {
        let k = toks.partition_point(|t| t.end < e);
        if toks.get(k).is_some_and(|t| t.end == e) {
            last = k;
        }
    }
    if verb_after(toks, last, lex, given) {
        return true;
    }
    // Verb just before the role/name: "said X", "according to X",
    // "confirmed by People's Deputy X".
    let start = match c.role.filter(|&(s, _)| s < c.start) {
        Some((s, _)) => {
            let k = toks.partition_point(|t| t.start < s);
            if toks.get(k).is_some_and(|t| t.start == s) {
                k
            } else {
                c.first
            }
        }
        None => c.first,
    };
    let sent = toks[c.first].sent;
    let mut seen = 0;
    let mut k = start;
    while k > 0 && seen < 3 {
        k -= 1;
        let t = &toks[k];
        if t.sent != sent {
            break;
        }
        match t.kind {
            Kind::Word => {
                let l = given.lw(k);
                if lex.has_verb(l) {
                    return true;
                }
                if !matches!(l, "by" | "to" | "also" | "has" | "had" | "further") {
                    return false;
                }
                seen += 1;
            }
            Kind::Punct(',' | '"' | '»' | '”' | '—' | '–') => {}
            _ => return false,
        }
    }
    false
}
