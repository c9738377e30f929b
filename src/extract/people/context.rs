//! Context that makes a candidate a thing, a title or an institution, and
//! the Cyrillic word-form tests (role, organisation, verb, adjective) it uses.

use super::*;

/// Why the words around candidate `c` make it a thing, a title or an
/// institution rather than a person, if they do. Each rule yields to a
/// given name with a surname (people are named that way; things are not),
/// and most to initials:
///
/// - **after "the"** or a possessive: "the Nord Stream pipeline", "The
///   Duchess said", "the Kremlin", "our Privacy Policy": a name right after
///   the article is a thing or a title ("the late Alexei Navalny" has a
///   word between, and a given name); after "a" only a lone word is;
/// - **object of an institution**: "Ministry of Foreign Affairs", "Office
///   of Foreign Assets Control", "Representative of the United States for
///   Special Political Affairs": after "of" or "for" (and "the") that
///   follow an organisation or role word;
/// - **quoted**: "American “Lend Lease” supplies", "the daily “Corriere
///   della Sera”": a whole name in quotation marks is a title or a nickname,
///   unless a role stands before it;
/// - **credit**: "Bloomberg/Getty Images": right after a slash, with no
///   space ("PAP/ Reuters/ Maciej Zieliński" names the photographer).
pub(super) fn thing_context(
    text: &str,
    toks: &[Tok],
    c: &Cand,
    lex: &Lexicon,
    given: &GivenCache,
) -> Option<&'static str> {
    if named_after(toks, c.first, given) {
        return Some("named after");
    }
    let full_name = c.given.is_some() && c.names >= 2;
    if full_name {
        return None;
    }
    let sent = toks[c.first].sent;
    let prev = c
        .first
        .checked_sub(1)
        .filter(|&p| toks[p].sent == sent || toks[p].kind != Kind::Word);
    let prev_word = prev.filter(|&p| is_word(&toks[p]) && toks[p].sent == sent);
    // Articles and possessives ("our Privacy Policy"), not "that", which
    // is also a conjunction ("said that Zelensky …").
    // "a" and "an" only before a lone word: "a Guy Whittingham goal" is
    // sports English for a goal by him.
    const ARTICLES: &[&str] = &["the", "our", "their", "its", "his", "her"];
    let article = prev_word.is_some_and(|p| {
        let l = given.lw(p);
        ARTICLES.contains(&l) || c.names == 1 && matches!(l, "a" | "an" | "another")
    });
    if !c.has_initial && article {
        return Some("after the");
    }
    // "the agency Ria Nowosti", "Nato exercise Steadfast Defender", "banks
    // such as Goldman Sachs": a noun naming the kind of a thing right
    // before a run of two or more words makes the run that thing's name.
    // Not a lone word: "the tanks Scholz promised" has a person after a
    // noun that a relative clause follows.
    let kind_at = |p: usize| is_word(&toks[p]) && lex.kinds.contains(given.lw(p));
    let kind = prev_word.is_some_and(|p| {
        kind_at(p)
            || given.lw(p) == "as"
                && p >= 2
                && is_word(&toks[p - 1])
                && given.lw(p - 1) == "such"
                && toks[p - 2].sent == sent
                && kind_at(p - 2)
    });
    if kind && c.role.is_none() && c.names >= 2 {
        return Some("after a kind of thing");
    }
    // "Olive Branch, an organization coordinating …", "Exxon, a company
    // that …": an apposition whose noun names a kind of thing, with no role
    // word in it ("Smith, a company spokesman" is a person).
    let apposition = || {
        let mut k = c.last + 1;
        if !toks.get(k).is_some_and(|t| t.kind == Kind::Punct(',')) {
            return false;
        }
        k += 1;
        if !toks
            .get(k)
            .is_some_and(|t| is_word(t) && matches!(given.lw(k), "a" | "an" | "the"))
        {
            return false;
        }
        let words: Vec<usize> = (k + 1..toks.len().min(k + 5))
            .take_while(|&j| is_word(&toks[j]) && toks[j].sent == sent)
            .collect();
        // The kind noun heads its phrase: what follows it is no other noun
        // ("a network engineer", "a company employee" are people).
        let heads = |i: usize| match words.get(i + 1) {
            None => true,
            Some(&j) => {
                let l = given.lw(j);
                matches!(
                    l,
                    "that"
                        | "which"
                        | "who"
                        | "whose"
                        | "of"
                        | "in"
                        | "with"
                        | "for"
                        | "from"
                        | "set"
                        | "run"
                        | "led"
                        | "known"
                        | "now"
                        | "also"
                        | "at"
                        | "on"
                        | "to"
                        | "by"
                        | "and" // …or a participle: "coordinating", "based", "founded".
                ) || l.len() > 4 && (l.ends_with("ing") || l.ends_with("ed"))
            }
        };
        let kind_at = words.iter().position(|&j| lex.kinds.contains(given.lw(j)));
        kind_at.is_some_and(|i| {
            heads(i)
                && words[..(i + 3).min(words.len())]
                    .iter()
                    .all(|&j| !lex.has_role(given.lw(j)))
        })
    };
    if c.role.is_none() && apposition() {
        return Some("apposition naming a kind of thing");
    }
    // A left-out ordinary first word belongs to the portfolio ("of
    // Foreign | Assets Control") unless a role claims it ("Secretary of
    // State | Antony Blinken").
    let lead = if c.role.is_none() { c.lead } else { c.first };
    let before_run = lead
        .checked_sub(1)
        .filter(|&p| is_word(&toks[p]) && toks[p].sent == sent);
    if let Some(p) = before_run.filter(|&p| matches!(given.lw(p), "of" | "for")) {
        let head = toks[..p]
            .iter()
            .enumerate()
            .rev()
            .take(2)
            .find(|(k, t)| !(is_word(t) && given.lw(*k) == "the"))
            .filter(|(_, t)| is_word(t) && t.sent == sent);
        let institution = head.is_some_and(|(h, t)| {
            let f = lex.flags(given.lw(h));
            // "for" only after a capitalised head: "a spokesman for
            // Zelensky" is a person.
            let cap = starts_upper(&text[t.start..t.end]);
            f & W_ORG != 0 && cap || f & W_ROLE != 0 && (cap || given.lw(p) == "of")
        });
        if institution && !c.has_initial {
            return Some("object of an institution");
        }
    }
    let open = |k: usize| {
        matches!(
            toks[k].kind,
            Kind::Punct('"' | '“' | '«' | '„' | '‘' | '\'')
        )
    };
    let close = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.kind, Kind::Punct('"' | '”' | '»' | '“' | '’' | '\'')))
    };
    if prev.is_some_and(open) && close(c.last + 1) && c.role.is_none() {
        return Some("quoted");
    }
    if prev.is_some_and(|p| toks[p].kind == Kind::Punct('/') && toks[p].end == toks[c.first].start)
    {
        return Some("credit");
    }
    None
}

/// Whether the name at token `first` follows "імені"/"имени"/"им." (named
/// after: "бібліотеки імені К.Д. Ушинського", "ИМЭМО им. Примакова"): the
/// name of an institution, not a person in the story. "від імені" / "от
/// имени" (on behalf of) still introduces a person.
pub(super) fn named_after(toks: &[Tok], first: usize, given: &GivenCache) -> bool {
    let mut p = match first.checked_sub(1) {
        Some(p) => p,
        None => return false,
    };
    let abbreviated = toks[p].kind == Kind::Punct('.');
    if abbreviated {
        let Some(q) = p.checked_sub(1) else {
            return false;
        };
        p = q;
    }
    if toks[p].kind != Kind::Word || toks[p].sent + 1 < toks[first].sent {
        return false;
    }
    let l = given.lw(p);
    // "им." is also a pronoun ending a sentence ("помогали им. Путин …"):
    // abbreviated, it counts only before initials.
    let initial = toks[first].end - toks[first].start <= 2;
    let head = if abbreviated {
        (l == "им" || l == "ім") && initial
    } else {
        l == "імені" || l == "имени"
    };
    let on_behalf = p
        .checked_sub(1)
        .is_some_and(|q| toks[q].kind == Kind::Word && matches!(given.lw(q), "від" | "от"));
    head && !on_behalf
}

/// Whether a lower-cased Cyrillic word is an organisation word of the
/// lexicon in an oblique case ("Ради" of рада, "Міністерства").
/// Whether a lower-case Cyrillic word is a role word of the lexicon in an
/// oblique case ("президента", "підполковнику", "міністром"), or a
/// hyphenated title whose parts all are ("генерал-лейтенанта").
pub(super) fn cyrillic_role(lex: &Lexicon, l: &str) -> bool {
    if l.len() < 6 || !l.chars().next().is_some_and(is_cyrillic) {
        return false;
    }
    if l.contains('-')
        && l.split('-')
            .all(|p| !p.is_empty() && (lex.flags(p) & W_ROLE != 0 || cyrillic_role(lex, p)))
    {
        return true;
    }
    // A hyphenated title in an oblique case ("прем'єр-міністром") goes on
    // to the endings below, as one word.
    const ENDINGS: &[&str] = &[
        "ові", "еві", "ою", "ею", "ом", "ем", "ам", "ах", "ів", "а", "я", "у", "ю", "і", "и", "е",
        "ы", "ой",
    ];
    let mut cand = String::with_capacity(l.len() + 4);
    // A feminine title in -ка has -ці in the dative and locative
    // ("Президентці" → президентка); a title in -а has -о in the vocative
    // ("Голово" → голова).
    let alternation = |end: &str, add: &str| {
        l.strip_suffix(end).is_some_and(|stem| {
            stem.chars().count() >= 3 && lex.flags(&format!("{stem}{add}")) & W_ROLE != 0
        })
    };
    if alternation("ці", "ка") || alternation("о", "а") {
        return true;
    }
    ENDINGS.iter().any(|e| {
        l.strip_suffix(e).is_some_and(|stem| {
            stem.chars().count() >= 3
                && ["", "а", "ь", "й"].iter().any(|add| {
                    cand.clear();
                    cand.push_str(stem);
                    cand.push_str(add);
                    lex.flags(&cand) & W_ROLE != 0
                })
        })
    })
}

pub(super) fn cyrillic_org(lex: &Lexicon, l: &str) -> bool {
    if !l.chars().any(is_cyrillic) {
        return false;
    }
    // "" for the genitive plural ("Збройних Сил"); "и"/"ы" restore a
    // plural nominative ("Силами" → сили).
    const ENDINGS: &[&str] = &[
        "ами", "ями", "ові", "ою", "ею", "ом", "ем", "ах", "ях", "ів", "ов", "а", "я", "у", "ю",
        "і", "ї", "и", "ы", "е", "",
    ];
    let mut cand = String::with_capacity(l.len() + 2);
    ENDINGS.iter().any(|e| {
        l.strip_suffix(e).is_some_and(|stem| {
            stem.chars().count() >= 3
                && ["", "а", "я", "о", "е", "й", "ь", "и", "ы"]
                    .iter()
                    .any(|add| {
                        cand.clear();
                        cand.push_str(stem);
                        cand.push_str(add);
                        lex.has_org(&cand)
                    })
        })
    })
}

/// Whether a lower-case Cyrillic word ends like a verb in the past or
/// present tense ("провів", "заявила", "доповідає", "считает"): after a
/// capitalised word it makes that word a subject, not an adjective.
pub(super) fn cyrillic_verb(l: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "в", "ла", "ли", "ло", "л", "є", "ить", "ет", "ит", "ать", "ять", "уть", "ють", "ся", "сь",
        "ть",
    ];
    ENDINGS.iter().any(|e| l.ends_with(e))
}

/// Whether a lower-cased Cyrillic word ends like an adjective
/// ("Ближнем", "Глобального", "Європейська"): given names never do, the
/// few that end in -ий/-ій (Юрій) are in the lexicon.
pub(super) fn cyrillic_adjective(l: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ого", "его", "ому", "ему", "ий", "ій", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ых",
        "их", "ым", "им", "ем", "ую", "юю", "ої", "ій", "ська", "цька", "ське", "ими", "ыми",
    ];
    l.chars().any(is_cyrillic) && ENDINGS.iter().any(|e| l.ends_with(e))
}

/// Whether two lower-case Cyrillic words end in the same adjectival case
/// ending ("київської міської", "білого дому"): an adjective agrees in case
/// with the words of its noun phrase.
pub(super) fn same_adjective_ending(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ого", "его", "ому", "ему", "ої", "ій", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие",
        "ых", "их", "ым", "им", "ую", "юю", "ою", "ею", "ими", "ыми", "ім",
    ];
    ENDINGS
        .iter()
        .any(|e| a.ends_with(e) && b.ends_with(e) && b.chars().count() > e.chars().count() + 1)
}

/// Whether two lower-case Cyrillic words are both nouns in the masculine
/// instrumental (-ом/-ем/-єм, not the adjectival -им/-ым): a given name
/// and a surname agreeing in case ("шарлем мішелем", "кіром стармером"),
/// never an adjective and its noun ("ближнем востоке").
pub(super) fn instrumental_pair(a: &str, b: &str) -> bool {
    let ins = |w: &str| w.chars().count() >= 4 && ["ом", "ем", "єм"].iter().any(|e| w.ends_with(e));
    ins(a) && ins(b)
}
