//! The pass over one text: candidates (runs cut into segments), their
//! evidence, context and linking of lone surnames, into people with
//! mentions. Its parts: `names` (a candidate's surname key and the name
//! shown), `things` (companies, lower-case twins, sports results), `tests`.

use super::*;

mod names;
#[cfg(test)]
mod tests;
mod things;

pub(super) use names::*;
pub(super) use things::*;

// ---------------------------------------------------------------------------
// Candidates

/// Why a word in a run cannot be part of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cat {
    /// A name word.
    Name,
    /// Lower-case particle inside a name (von, de, al).
    Particle,
    /// An initial ("V" of "V.").
    Initial,
    /// Title before a name ("President"): a break, and a role cue.
    Title,
    /// Break: month, stop word, nationality, place.
    Break,
    /// Organisation head word: drop the run up to here.
    Org,
}

#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// Token indices of the name (words only; particles inside).
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) names: usize,
    pub(super) given: Option<(&'static str, bool)>,
    pub(super) has_initial: bool,
    pub(super) role: Option<(usize, usize)>,
    pub(super) speaker: bool,
    pub(super) accepted: bool,
    /// Accepted only as an unknown capitalised pair: a person, but too weak
    /// to make lone words elsewhere mentions of them.
    pub(super) weak: bool,
    /// An ordinary word ended its run ("the Artistic Gymnastics Festival"):
    /// the words before it name a thing unless other evidence says person.
    pub(super) thing: bool,
    /// First word of the segment before an ordinary first word was left
    /// out ("Foreign" of "Office of Foreign Assets Control").
    pub(super) lead: usize,
    /// A bare pair the context made a thing ("the Nord Stream pipeline").
    pub(super) set_aside: bool,
    /// …by a noun naming its kind ("the pipeline Nord Stream", "Olive
    /// Branch, an organization"): the same pair elsewhere is that thing.
    pub(super) kind_named: bool,
    pub(super) surname: String,
    /// The name in full where the mention's own words are not it: a given
    /// name that shares the surname after it ("Віталій" of "Віталій та
    /// Володимир Кличко" shows as Віталій Кличко).
    pub(super) shown: Option<String>,
    /// The folded first word of a name written surname first ("Xi" of "Xi
    /// Jinping", "Wang" of "Wang Wenbin"): a lone word that folds like it
    /// is this person. The key stays that of the whole name, as in any
    /// script.
    pub(super) lead_surname: Option<String>,
}

impl Cand {
    /// A lone word at token `k` that is another mention of the person with
    /// `surname` (accepted, no given name, no role).
    fn linked_word(k: usize, t: &Tok, surname: String) -> Cand {
        Cand {
            first: k,
            last: k,
            start: t.start,
            end: t.end,
            names: 1,
            given: None,
            has_initial: false,
            role: None,
            speaker: false,
            accepted: true,
            weak: false,
            thing: false,
            lead: k,
            set_aside: false,
            kind_named: false,
            surname,
            shown: None,
            lead_surname: None,
        }
    }
}

pub(super) fn find_people_raw(
    text: &str,
    places: &[Place],
    reg: &register::Register,
) -> Vec<Person> {
    let lex = lexicon();
    let toks = tokenize(text);
    let mut place_spans: Vec<(usize, usize)> = places
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| (m.start, m.end)))
        .collect();
    place_spans.sort_unstable();
    let in_place = |s: usize, e: usize| -> bool {
        // First span starting at or after `e` bounds the search.
        let idx = place_spans.partition_point(|&(ps, _)| ps < e);
        place_spans[..idx]
            .iter()
            .rev()
            .take(8)
            .any(|&(_, pe)| pe > s)
    };

    let word = |t: &Tok| &text[t.start..t.end];
    let is_cap = |t: &Tok| -> bool {
        if t.kind != Kind::Word {
            return false;
        }
        let w = word(t);
        // Most words are lower-case ASCII: one byte decides.
        match w.as_bytes().first() {
            Some(b) if b.is_ascii_lowercase() => return false,
            Some(b) if b.is_ascii_uppercase() && w.is_ascii() => {
                return w.len() == 1 || w.bytes().skip(1).any(|b| b.is_ascii_lowercase());
            }
            _ => {}
        }
        // Exact answers for the basic Cyrillic letters (the bulk of a
        // Ukrainian or Russian text) without the Unicode tables.
        let upper = |c: char| match c as u32 {
            0x400..=0x42F => true,
            0x430..=0x45F => false,
            _ => c.is_uppercase(),
        };
        let lower_letter = |c: char| match c as u32 {
            0x400..=0x42F => false,
            0x430..=0x45F => true,
            _ => c.is_alphabetic() && !c.is_uppercase(),
        };
        let mut cs = w.chars();
        let Some(f) = cs.next() else { return false };
        if !upper(f) {
            return false;
        }
        // All-caps words (headlines, acronyms) are not name words, except
        // single letters (initials).
        let rest_upper = !cs.any(lower_letter);
        !(rest_upper && w.chars().count() > 1)
    };
    let is_initial = |k: usize| -> bool {
        let t = &toks[k];
        t.kind == Kind::Word
            && t.end - t.start <= 4
            && word(t).chars().count() == 1
            && word(t).chars().all(char::is_uppercase)
            && toks
                .get(k + 1)
                .is_some_and(|n| n.kind == Kind::Punct('.') && n.start == t.end)
    };

    let given_cache = GivenCache::new(text, &toks);
    // Words this text also writes in lower case are ordinary words here
    // ("Trade", "Board"), which weakens a capitalised pair. Only lower-case
    // words whose first byte and length match a capitalised word are
    // hashed, which keeps this cheap.
    let lower_words = lower_case_twins(text, &toks, &given_cache);
    // Most letters Cyrillic: a Ukrainian or Russian text. Counted only
    // when a weak Latin pair asks, once per text.
    let cyrillic_text = std::cell::OnceCell::new();
    let cyrillic_text = || *cyrillic_text.get_or_init(|| cyrillic::mostly_cyrillic(text));
    // Whether the word at a token is, in some case form, a surname of the
    // register.
    let known_surname = |k: usize| {
        word_nominatives(given_cache.lw(k))
            .iter()
            .any(|n| given_cache.with_fold(n, |f| reg.has_surname(f)))
    };

    // 1–3: runs of capitalised words, cut into candidate segments.
    let mut cands: Vec<Cand> = Vec::new();
    let mut k = 0;
    let mut run: Vec<usize> = Vec::new();
    // Buffers of `segment_run`, reused across runs.
    let mut scratch = (Vec::new(), Vec::new());
    let bytes = text.as_bytes();
    while k < toks.len() {
        // Numbers, punctuation and lower-case ASCII words start no run:
        // one byte decides for most tokens, without slicing the word.
        let t = &toks[k];
        if t.kind != Kind::Word || bytes[t.start].is_ascii_lowercase() || !is_cap(t) {
            k += 1;
            continue;
        }
        run.clear();
        run.push(k);
        let mut j = k + 1;
        loop {
            let prev = *run.last().unwrap_or(&k);
            // After an initial, skip its dot.
            let mut n = j;
            if is_initial(prev) && n < toks.len() && toks[n].kind == Kind::Punct('.') {
                n += 1;
            }
            if n >= toks.len()
                || !toks[n].joined
                || toks[n].sent != toks[prev].sent && !is_initial(prev)
            {
                break;
            }
            // A Latin word does not join a Cyrillic name, nor the other
            // way round ("компаній Tesla та SpaceX Кімбалом Маском").
            let cyr = |t: &Tok| word(t).chars().any(is_cyrillic);
            if toks[n].kind == Kind::Word && cyr(&toks[n]) != cyr(&toks[prev]) {
                break;
            }
            if is_cap(&toks[n]) && !toks[prev].poss {
                run.push(n);
                j = n + 1;
                continue;
            }
            // Lower-case particles between two capitalised words.
            if toks[n].kind == Kind::Word && !toks[prev].poss {
                let mut m = n;
                let mut parts = Vec::new();
                while m < toks.len()
                    && toks[m].kind == Kind::Word
                    && toks[m].joined
                    && lex.has_particle(word(&toks[m]))
                {
                    parts.push(m);
                    m += 1;
                }
                if !parts.is_empty() && m < toks.len() && toks[m].joined && is_cap(&toks[m]) {
                    run.extend(parts);
                    run.push(m);
                    j = m + 1;
                    continue;
                }
            }
            break;
        }
        k = run.last().map_or(k + 1, |&l| l + 1);
        // A lone function word, month or nationality ("The", "But",
        // "March", "Russian"), unless it is a title ("Major said"), is cut
        // before a name can start (see `segment_run`): nothing comes of it.
        if run.len() == 1 && {
            let f = lex.flags(given_cache.lw(run[0]));
            f & (W_STOP | W_NATIONALITY | W_MONTH) != 0 && f & W_ROLE == 0
        } {
            continue;
        }
        let ordinary = |k: usize| -> bool {
            let l = given_cache.lw(k);
            lex.has_common(l) || lower_words.contains(l)
        };
        segment_run(
            text,
            &toks,
            &run,
            lex,
            &in_place,
            &is_initial,
            &ordinary,
            &known_surname,
            &given_cache,
            &mut scratch,
            &mut cands,
        );
    }

    // 4: evidence.
    let mut in_name = vec![false; toks.len()];
    for c in cands.iter().filter(|c| c.names >= 2) {
        for f in &mut in_name[c.first..=c.last] {
            *f = true;
        }
    }
    // The words of the names an apposition may run into: names of several
    // words, and lone surnames the register knows ("канцлер Німеччини
    // Шольц"); not a lone capitalised complement ("Президенткою
    // Єврокомісії").
    let mut cand_words = vec![false; toks.len()];
    for c in &cands {
        if c.names >= 2 || known_surname(c.first) {
            for f in &mut cand_words[c.first..=c.last] {
                *f = true;
            }
        }
    }
    for c in cands.iter_mut() {
        c.role = role_before(text, &toks, c.first, lex, &in_name, &given_cache)
            .filter(|&(s, e)| {
                // A lone word needs a person role right before it:
                // "politician Unigolova", not "host Germany"; or a title
                // and its portfolio: "Minister of Foreign Affairs Kuleba".
                let strong = |t: &Tok| {
                    let l = lower(&text[t.start..t.end]);
                    lex.has_role(l.as_ref()) && !WEAK_HEADS.contains(&l.as_ref())
                };
                c.names >= 2 || {
                    let head = toks[..c.first].iter().rev().find(|t| t.kind == Kind::Word);
                    head.is_some_and(|t| {
                        t.end == e
                            && (strong(t)
                                || starts_upper(&text[t.start..t.end])
                                    && lex.has_org(&lower(&text[t.start..t.end]))
                                    && toks.iter().find(|f| f.start == s).is_some_and(|f| {
                                        strong(f) && starts_upper(&text[f.start..f.end])
                                    }))
                    })
                }
            })
            .or_else(|| role_after(text, &toks, c.last, lex, &given_cache, &cand_words));

        if c.given.is_none() && c.names >= 2 && surname_first_style(word(&toks[c.first])) {
            c.given = given_cache.at(c.last);
        }
        // Official order, surname first with a patronymic ("Скакуна
        // Віталія Володимировича", "Жирнов Микола Миколайович"): the
        // given name is the word before the patronymic.
        if c.given.is_none()
            && c.names == 3
            && c.last == c.first + 2
            && word(&toks[c.first]).chars().any(is_cyrillic)
            && morphology::patronymic_shape(given_cache.lw(c.last))
        {
            c.given = given_cache.at(c.first + 1);
        }
        if c.given.is_some() && c.names >= 2 {
            let gw = toks[c.first..=c.last]
                .iter()
                .find(|t| t.kind == Kind::Word && t.end - t.start > 1)
                .map_or("", |t| word(t));
            c.given = oblique_masculine_given(gw, word(&toks[c.last]), c.given);
        }
        c.surname = cand_surname(text, &toks, c, &given_cache);
        // "… the more educated public will, " Tan said.": a lone word
        // right after a quotation or a comma, before "said", is its
        // speaker (companies named so lead a company's name elsewhere).
        let quoted_speaker = |first: usize, last: usize| {
            // …but not a word the text also writes after "the" ("the
            // Xinhua news agency").
            let after_the = || {
                (1..toks.len()).any(|k| {
                    toks[k].kind == Kind::Word
                        && word(&toks[k]) == word(&toks[first])
                        && toks[k - 1].kind == Kind::Word
                        && given_cache.lw(k - 1) == "the"
                })
            };
            let before = first.checked_sub(1).map(|p| toks[p].kind);
            let l = given_cache.lw(first);
            matches!(before, Some(Kind::Punct('"' | ',' | '”')))
                && toks.get(last + 1).is_some_and(|t| {
                    t.kind == Kind::Word
                        && t.sent == toks[last].sent
                        && matches!(given_cache.lw(last + 1), "said" | "says" | "told" | "added")
                })
                && lex.flags(l) == 0
                && !lower_words.contains(l)
                && !after_the()
        };
        let ending = surname_ending(&c.surname);
        let verb_after = verb_after(&toks, c.last, lex, &given_cache);
        // ("Xi Jinping’s government": a possessive's noun is not the
        // name's own, when the name has signs of its own: a given name, a
        // surname written first, the register's name for someone. "Lockheed
        // Martin's plant" stays a firm.)
        let own_evidence = || {
            c.given.is_some() || c.lead_surname.is_some() || {
                let name = &text[c.start..c.end];
                reg.resolve_key(&person_key(name))
                    .is_some_and(|e| e.spells(name))
            }
        };
        let followed_by_place_noun = !(toks[c.last].poss && own_evidence())
            && toks.get(c.last + 1).is_some_and(|t| {
                t.kind == Kind::Word
                    && !word(t).starts_with(is_upper)
                    && lex.has_org(given_cache.lw(c.last + 1))
            });
        let after_preposition = c
            .first
            .checked_sub(1)
            .is_some_and(|p| toks[p].kind == Kind::Word && LOCATIVE.contains(&given_cache.lw(p)));
        let context = thing_context(text, &toks, c, lex, &given_cache);
        let cyrillic = word(&toks[c.first]).chars().any(is_cyrillic);
        c.set_aside = context.is_some() && c.given.is_none() && (2..=3).contains(&c.names);
        // (Or by a kind noun right after it: "the Nord Stream pipeline".)
        c.kind_named = c.set_aside
            && (matches!(
                context,
                Some("after a kind of thing" | "apposition naming a kind of thing")
            ) || toks.get(c.last + 1).is_some_and(|t| {
                t.kind == Kind::Word && lex.kinds.contains(given_cache.lw(c.last + 1))
            }));
        // "Об'єднаних Націй", "Вооруженных Сил", "Сполучених Штатів": a
        // Cyrillic name led by a plural adjective is an institution or a
        // country, whatever the role before it.
        let plural_adjective = cyrillic
            && c.given.is_none()
            && c.names >= 2
            && ["их", "ых", "ими", "ыми", "ые", "ие"]
                .iter()
                .any(|e| given_cache.lw(c.first).ends_with(e));
        c.accepted = if followed_by_place_noun || context.is_some() || plural_adjective {
            false
        } else if c.names >= 4 {
            // Long runs are titles of things unless a given name or a role
            // says otherwise.
            c.given.is_some() || c.role.is_some()
        } else if c.names >= 2 {
            // "Roman Catholicism", "Grace Foundation": a given name before an
            // abstract noun no surname ends like.
            let abstract_noun = {
                let l = given_cache.lw(c.last);
                !cyrillic && l.len() > 6 && NOUN_SUFFIXES.iter().any(|s| l.ends_with(s))
            };
            c.given.is_some() && !abstract_noun
                || (c.has_initial && {
                    // "U.S. Municipal": initials before an ordinary word.
                    let l = given_cache.lw(c.last);
                    !lex.has_common(l) && !lower_words.contains(l)
                })
                // "in Stanica Ługańska": after a locative preposition an
                // ending alone is a place's ("-ska"), not a surname's.
                || ending >= Ending::Weak && !after_preposition
                || c.role.is_some()
                || verb_after && {
                    // "Privacy Notice: Newsletters may …": a colon after a
                    // pair of ordinary words heads a notice, not a speaker.
                    let colon = toks
                        .get(c.last + 1)
                        .is_some_and(|t| t.kind == Kind::Punct(':'));
                    !colon
                        || (c.first..=c.last).all(|k| {
                            toks[k].kind != Kind::Word || {
                                let l = given_cache.lw(k);
                                !lex.has_common(l) && !lower_words.contains(l)
                            }
                        })
                }
                || {
                    // Two or three unknown capitalised words: in news text
                    // mostly a name, unless the context or an ordinary word
                    // says place, team or thing.
                    let plain = (c.first..=c.last).all(|k| {
                        toks[k].kind != Kind::Word || {
                            let l = given_cache.lw(k);
                            !lex.has_common(l)
                                && !lower_words.contains(l)
                                && !ABSTRACT_SUFFIXES.iter().any(|s| l.ends_with(s))
                        }
                    }) && {
                        // "Demographic Breakdown", "Strategic Command": an
                        // English adjective ending leads no name (given
                        // names that end so, Eric, Dominic, are known and
                        // never reach here; Balkan surnames end in -vic).
                        let l = given_cache.lw(c.first);
                        cyrillic
                            || l.len() < 7
                            || l.ends_with("vic")
                            || !ADJECTIVE_SUFFIXES.iter().any(|s| l.ends_with(s))
                    };
                    // A Cyrillic pair led by an adjective form is an
                    // adjective and its noun ("Ближнем Востоке"): given
                    // names do not end like adjectives.
                    // Both words in the instrumental of a noun ("Шарлем
                    // Мішелем"): a name, not an adjective ("Ближнем").
                    let adjective = cyrillic
                        && cyrillic_adjective(given_cache.lw(c.first))
                        && !(c.names == 2
                            && instrumental_pair(given_cache.lw(c.first), given_cache.lw(c.last)));
                    // In a Ukrainian or Russian text an unknown Latin pair
                    // is a brand or a phrase in another language ("Motus
                    // Tech", "Pozdravujem Vás"): foreign people are written
                    // in Cyrillic there.
                    let latin_in_cyrillic = || {
                        !cyrillic
                            && cyrillic_text()
                        && reg
                            .resolve_surname_exact(&given_cache.fold_word(word(&toks[c.last])))
                            .is_none()
                    };
                    c.weak = c.names <= 3
                        && !after_preposition
                        && plain
                        && !c.thing
                        && !adjective
                        && !latin_in_cyrillic();
                    c.weak
                }
        } else {
            let w = &toks[c.first];
            let sentence_initial = w.sent_start;
            // A lower-case Cyrillic word right after the name, in its
            // sentence.
            let lower_after = cyrillic
                && toks.get(c.last + 1).is_some_and(|t| {
                    t.kind == Kind::Word
                        && t.joined
                        && t.sent == w.sent
                        && word(t).starts_with(|ch: char| is_cyrillic(ch) && !is_upper(ch))
                });
            // "Російської академії", "Солом'янський район": a Cyrillic
            // adjective before its lower-case noun is no surname.
            let attributive = lower_after && !cyrillic_verb(given_cache.lw(c.last + 1));
            // "головою Київської міської військової адміністрації": an
            // adjective agreeing with the lower-case adjective or noun
            // after it (the same case ending) is part of a noun phrase,
            // whatever role stands before it.
            let agreeing = attributive
                && cyrillic_adjective(given_cache.lw(c.first))
                && same_adjective_ending(given_cache.lw(c.first), given_cache.lw(c.last + 1));
            // "командувачу Обʼєднаних сил", "пане Голово Національної ради":
            // an adjective in the genitive before a lower-case noun in the
            // genitive is the noun's, whatever role stands before it.
            let adjective_noun = lower_after && {
                let (a, n) = (given_cache.lw(c.first), given_cache.lw(c.last + 1));
                let ends = |w: &str, es: &[&str]| es.iter().any(|e| w.ends_with(e));
                n.chars().count() >= 3
                    && lex.flags(n) & !W_MODIFIER == 0
                    && (ends(a, &["ої"]) && ends(n, &["и", "ї", "і"])
                        || ends(a, &["их", "іх", "ых"])
                            && (ends(n, &["ів", "ей"])
                                || n.chars()
                                    .last()
                                    .is_some_and(|ch| !is_vowel_cyr(ch) && ch != 'й')))
            };
            // A title alone ("Sen.", "the President") names no one; it may
            // still be linked to a person named in full below.
            let title_alone = lex.has_role(given_cache.lw(c.first))
                || cyrillic_role(lex, given_cache.lw(c.first));
            !title_alone
                && !agreeing
                && !adjective_noun
                && (c.role.is_some()
                    || (ending == Ending::Strong && !sentence_initial && !attributive)
                    || (ending == Ending::Strong && verb_after)
                    || (ending == Ending::Weak && verb_after && !sentence_initial)
                    || (c.has_initial && c.names == 1 && c.last > c.first)
                    || (!c.has_initial && says_he_or_she(&toks, c.last, lex, &given_cache))
                    || (!cyrillic && scorer_in_result(text, &toks, c.first, c.last))
                    || (!cyrillic && !sentence_initial && quoted_speaker(c.first, c.last)))
        };
        // A lone given name is not a person we can key.
        if c.names == 1 && c.given.is_some() && c.role.is_none() && !c.has_initial {
            c.accepted = false;
        }
    }

    // A lone word between a title and a name that starts with a given
    // name is the title's complement ("Prezydent Ukrainy Wołodymyr
    // Zełenski", "Rzecznik Kremla Dmitrij Pieskow"), not a person.
    let named_starts: FxHashSet<usize> = cands
        .iter()
        .filter(|c| c.names >= 2 && c.given.is_some() && given_cache.at(c.first).is_some())
        .map(|c| c.first)
        .collect();
    for c in cands.iter_mut() {
        if c.accepted
            && c.names == 1
            && c.role.is_some()
            && c.given.is_none()
            && named_starts.contains(&(c.last + 1))
            && toks[c.last + 1].joined
            && toks[c.last + 1].sent == toks[c.last].sent
        {
            c.accepted = false;
            c.role = None;
        }
    }

    // A word that leads a company's name in this text ("Barrick Gold
    // Corp", "Bre-X Minerals Ltd") is that company when it stands alone
    // ("Barrick said"), unless a role names it a person.
    {
        let heads = company_heads(text, &toks, &given_cache);
        if !heads.is_empty() {
            for c in cands.iter_mut() {
                if c.accepted
                    && c.names == 1
                    && c.role.is_none()
                    && heads.contains(given_cache.lw(c.first))
                {
                    c.accepted = false;
                }
            }
        }
    }

    // Unknown pairs that share a first or last word with another, different
    // unknown pair are a family of places or teams ("Hapoel Haifa",
    // "Hapoel Tel Aviv"), not people.
    {
        let words_of = |c: &Cand| {
            (
                word(&toks[c.first]).to_string(),
                word(&toks[c.last]).to_string(),
            )
        };
        let weak: Vec<(usize, (String, String))> = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.weak && c.accepted)
            .map(|(i, c)| (i, words_of(c)))
            .collect();
        // Pairs the context set aside ("the Nord Stream pipeline") still
        // name the family ("… ending Nord Steam 2").
        let set_aside: Vec<(String, String)> =
            cands.iter().filter(|c| c.set_aside).map(words_of).collect();
        let kind_named: Vec<(String, String)> = cands
            .iter()
            .filter(|c| c.kind_named)
            .map(words_of)
            .collect();
        let mut bad: Vec<usize> = Vec::new();
        for (i, (f, l)) in &weak {
            let shared = weak
                .iter()
                .map(|(_, w)| w)
                .chain(&set_aside)
                .any(|(f2, l2)| f2 == f && l2 != l);
            // The very pair set aside elsewhere ("Olive Branch, an
            // organization …" … "Olive Branch has given") is that thing.
            if shared || kind_named.iter().any(|(f2, l2)| f2 == f && l2 == l) {
                bad.push(*i);
            }
        }
        // A pair whose first word also stands alone elsewhere, while its
        // last word never does, is a team or a company ("Bayer Leverkusen"
        // … "Bayer"); people are referred to by the last word.
        let alone: FxHashMap<&str, usize> = {
            let mut m: FxHashMap<&str, usize> = FxHashMap::default();
            for c in cands.iter().filter(|c| c.names == 1 && c.first == c.last) {
                *m.entry(word(&toks[c.first])).or_default() += 1;
            }
            m
        };
        for (i, (f, l)) in &weak {
            let first_alone = alone.get(f.as_str()).copied().unwrap_or(0);
            let last_alone = alone.get(l.as_str()).copied().unwrap_or(0);
            if first_alone > 0 && last_alone == 0 {
                bad.push(*i);
            }
        }
        // News introduces a person by full name before using the surname
        // alone; a word used alone before the pair is not such a surname
        // ("Ukraine … Kyiv Ukraine"). A headline (the first sentence) is
        // the exception: it names people by surname before the story
        // introduces them ("Russia ready to work with Albright").
        for (i, (_, l)) in &weak {
            let pair_start = cands[*i].start;
            let used_before = cands.iter().any(|c| {
                c.start < pair_start
                    && c.first == c.last
                    && toks[c.first].sent > 0
                    && word(&toks[c.first]) == l.as_str()
            });
            if used_before {
                bad.push(*i);
            }
        }
        // Sports results: a row of a league table ("Werder Bremen 17 6 4 7
        // 29 28 22") or one side of a score ("Bayer Leverkusen 2 Werder
        // Bremen 1") names a team. Every pair written like such a team
        // elsewhere in the text is that team too.
        let table_row = |c: &Cand| {
            let nums = toks[c.last + 1..]
                .iter()
                .take(6)
                .take_while(|t| t.kind == Kind::Num && t.sent == toks[c.last].sent)
                .count();
            let score_side = nums >= 1
                && toks
                    .get(c.last + 1)
                    .is_some_and(|t| text[t.start..t.end].len() <= 2)
                && toks
                    .get(c.last + 2)
                    .is_some_and(|t| is_cap(t) && t.sent == toks[c.last].sent)
                && toks[c.first.saturating_sub(1)].kind == Kind::Num;
            // Six numbers: more than a golf card's four rounds and total.
            nums >= 6 || score_side
        };
        let teams: FxHashSet<&str> = weak
            .iter()
            .filter(|(i, _)| table_row(&cands[*i]))
            .map(|(i, _)| &text[cands[*i].start..cands[*i].end])
            .collect();
        if !teams.is_empty() {
            for (i, _) in &weak {
                if teams.contains(&text[cands[*i].start..cands[*i].end]) {
                    bad.push(*i);
                }
            }
        }
        for i in bad {
            cands[i].accepted = false;
            cands[i].weak = false;
        }
    }

    // "Kofi Annan of Ghana, the U.N. under-secretary": a lone word after a
    // person named in full and "of" is where the person comes from, even
    // with the person's title after it.
    {
        let named_ends: FxHashSet<usize> = cands
            .iter()
            .filter(|c| c.accepted && c.names >= 2)
            .map(|c| c.last)
            .collect();
        for c in cands.iter_mut() {
            if c.accepted
                && c.names == 1
                && c.given.is_none()
                && !c.has_initial
                && c.first >= 2
                && toks[c.first - 1].kind == Kind::Word
                && given_cache.lw(c.first - 1) == "of"
                && named_ends.contains(&(c.first - 2))
                && !word(&toks[c.first]).chars().any(is_cyrillic)
            {
                c.accepted = false;
                c.weak = false;
            }
        }
    }

    // A row of a league table is a team, whoever it is named after:
    // "Lyon 20 6 8 6 24 31 26", "Alba Berlin ( Germany ) 9 5 4 14".
    for c in cands.iter_mut() {
        if c.accepted
            && !word(&toks[c.first]).chars().any(is_cyrillic)
            && standings_row(text, &toks, c.last)
        {
            c.accepted = false;
            c.weak = false;
        }
    }

    // "Джозефа Овертона … Овертон": an unknown given name and a surname
    // in -а may be a man's genitive or a woman's nominative; when the text
    // also writes the surname alone without the -а, it was the genitive.
    {
        let bare: FxHashSet<String> = cands
            .iter()
            .filter(|c| c.names == 1 && c.given.is_none())
            .filter(|c| word(&toks[c.first]).chars().any(is_cyrillic))
            .map(|c| given_cache.fold_word(word(&toks[c.first])))
            .collect();
        for c in cands.iter_mut() {
            if !c.accepted
                || c.given.is_some()
                || c.names != 2
                || !word(&toks[c.last]).chars().any(is_cyrillic)
            {
                continue;
            }
            let Some(stem) = c.surname.strip_suffix('a') else {
                continue;
            };
            if stem.len() >= 4
                && stem.ends_with(|ch: char| !"aeiouy".contains(ch))
                && word(&toks[c.first]).ends_with(['а', 'я'])
                && bare.contains(stem)
            {
                c.surname = stem.to_string();
            }
        }
    }

    // 5: linking lone words to accepted surnames.
    let accepted_surnames: Vec<String> = {
        let mut v: Vec<String> = cands
            .iter()
            .filter(|c| c.accepted && !c.surname.is_empty())
            .map(|c| c.surname.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    // Surnames of people named with a given name, initials or a role: only
    // these make an all-caps word a mention.
    let strong_surnames: Vec<String> = {
        let mut v: Vec<String> = cands
            .iter()
            .filter(|c| {
                c.accepted && !c.weak && (c.given.is_some() || c.has_initial || c.role.is_some())
            })
            .map(|c| c.surname.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    // The first words of the names written surname first, with the key
    // surname of their name: "Xi" after "Xi Jinping", as (start, first
    // word, key surname) in text order.
    let leads: Vec<(usize, String, String)> = cands
        .iter()
        .filter(|c| c.accepted)
        .filter_map(|c| Some((c.start, c.lead_surname.clone()?, c.surname.clone())))
        .collect();
    // Given names of the people named in full: a lone word that is one of
    // these is that person's given name, never someone's surname.
    let full_givens: FxHashSet<&'static str> = cands
        .iter()
        .filter(|c| c.accepted && c.names >= 2)
        .filter_map(|c| c.given.map(|g| g.0))
        .collect();
    // A lone word that folds like the first word of a name written surname
    // first is that person ("Xi Jinping … Xi said", "Wang Wenbin … ” Wang
    // said"): the nearest such name before it (else the first after it),
    // whether or not the word was accepted on its own, and whatever given
    // name it also reads as. Not a word some other person here bears as a
    // surname ("Andrew Yang … Yang"), nor one the context made a thing or
    // that follows an article ("to the Moon").
    if !leads.is_empty() {
        // Surnames of the Western full names here ("Andrew Yang").
        let western: FxHashSet<String> = cands
            .iter()
            .filter(|c| c.accepted && c.names >= 2 && c.lead_surname.is_none())
            .map(|c| c.surname.clone())
            .collect();
        for c in cands.iter_mut() {
            if c.names != 1 || c.first != c.last || western.contains(&c.surname) {
                continue;
            }
            let after_article = c.first > 0
                && toks[c.first - 1].kind == Kind::Word
                && matches!(given_cache.lw(c.first - 1), "the" | "a" | "an");
            if !c.accepted && (c.thing || c.set_aside || after_article) {
                continue;
            }
            let same: Vec<&(usize, String, String)> =
                leads.iter().filter(|(_, l, _)| *l == c.surname).collect();
            let pick = same
                .iter()
                .rev()
                .find(|(s, _, _)| *s < c.start)
                .or_else(|| same.first());
            if let Some((_, _, s)) = pick {
                c.surname = s.clone();
                c.given = None;
                c.accepted = true;
            }
        }
    }
    for c in cands.iter_mut() {
        if c.accepted || c.names != 1 {
            continue;
        }
        let cyr = word(&toks[c.first]).chars().any(is_cyrillic);
        match c.given {
            None => {
                if let Some(s) = accepted_surnames
                    .iter()
                    .find(|s| surname_matches(&c.surname, s, cyr))
                {
                    c.surname = s.clone();
                    c.accepted = true;
                } else if let Some(s) =
                    register_surname(text, &toks, c, reg, lex, &given_cache, &lower_words)
                {
                    // A surname alone that the register knows, once
                    // ("Ердоган заявив", "Орбана", "Selenskyj sagte").
                    c.surname = s;
                    c.accepted = true;
                } else if let Some((s, g)) =
                    titled_register_surname(&toks, c, reg, lex, &given_cache)
                {
                    // Two people of one surname, told apart by the title
                    // before it ("Прем'єр-міністром Великої Британії
                    // Джонсоном").
                    c.surname = s;
                    c.given = Some(g);
                    c.accepted = true;
                }
            }
            // A surname that is also a given name somewhere ("Gorst" folds
            // like Horst, "Major", "Lewis"): after "John Gorst", a lone
            // "Gorst" is him, unless someone here bears it as a given name.
            Some((g, _)) => {
                if !full_givens.contains(g) && accepted_surnames.contains(&c.surname) {
                    c.given = None;
                    c.accepted = true;
                }
            }
        }
    }

    // A Cyrillic title agrees in case with the name after it; a word that
    // does not is the title's complement ("Президента Єгипту",
    // "Прем'єр-міністром Нідерландів Рютте" → only "Рютте").
    let mut complements: FxHashSet<String> = FxHashSet::default();
    for c in cands.iter_mut() {
        if !c.accepted || c.given.is_some() || !(1..=3).contains(&c.names) || c.has_initial {
            continue;
        }
        if !word(&toks[c.first]).chars().any(is_cyrillic) {
            continue;
        }
        // The nearest title word before the name in its sentence, across
        // at most a place or two ("Прем'єр-міністром Великої Британії
        // Джонсоном"), not across punctuation.
        let sent = toks[c.first].sent;
        let Some(t) = (0..c.first)
            .rev()
            .take(4)
            .take_while(|&t| toks[t].kind == Kind::Word && toks[t].sent == sent)
            .find(|&t| {
                let l = given_cache.lw(t);
                lex.has_role(l) || cyrillic_role(lex, l)
            })
        else {
            continue;
        };
        let tl = given_cache.lw(t);
        let Some(mut case) = cyrillic::title_case(tl, lex.flags(tl) & W_ROLE != 0) else {
            // A title in the vocative ("пане Голово Сенату").
            if c.names == 1
                && segment::title_complement(lex, tl, given_cache.lw(c.first))
                && !known_surname(c.first)
            {
                c.accepted = false;
                c.role = None;
                complements.insert(c.surname.clone());
            }
            continue;
        };
        // "голову", "главу": a title declined like a feminine noun (голова,
        // глава) in -у/-ю is in the accusative, whose name stands in the
        // genitive form ("голову … Жозепа Борреля"), not in the dative.
        if case == cyrillic::Case::Dat {
            if let Some(stem) = tl.strip_suffix('у').or_else(|| tl.strip_suffix('ю')) {
                let nom_a = |end: &str| lex.flags(&format!("{stem}{end}")) & W_ROLE != 0;
                if nom_a("а") || nom_a("я") {
                    case = cyrillic::Case::Gen;
                }
            }
        }
        let off = |k: usize| {
            (cyrillic::disagrees(case, given_cache.lw(k))
                || segment::complement_in(lex, tl, case, given_cache.lw(k)))
                && !known_surname(k)
        };
        if c.names == 1 && off(c.first) {
            c.accepted = false;
            c.role = None;
            complements.insert(c.surname.clone());
        } else if c.names == 2 && c.last > c.first && off(c.first) && !off(c.last) {
            c.first = c.last;
            c.start = toks[c.last].start;
            c.names = 1;
            c.surname = cand_surname(text, &toks, c, &given_cache);
        } else if c.names == 3
            && c.first + 2 == c.last
            && off(c.first)
            && !off(c.first + 1)
            && !off(c.last)
        {
            // "Прем'єр-міністр Канади Джастін Трюдо": the country is the
            // title's, the two words after it the name.
            c.first += 1;
            c.start = toks[c.first].start;
            c.names = 2;
            c.given = given_cache.at(c.first);
            c.surname = cand_surname(text, &toks, c, &given_cache);
        }
    }

    // Lone words linked above to a word that has now turned out to be a
    // title's complement ("политику Китая" … "для Китая") go with it,
    // unless the surname has other support here (a full name, a role).
    if !complements.is_empty() {
        let supported: FxHashSet<&str> = cands
            .iter()
            .filter(|c| c.accepted && (c.names >= 2 || c.role.is_some() || c.given.is_some()))
            .map(|c| c.surname.as_str())
            .collect();
        let drop: Vec<usize> = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.accepted
                    && c.names == 1
                    && c.role.is_none()
                    && c.given.is_none()
                    && complements.contains(&c.surname)
                    && !supported.contains(c.surname.as_str())
            })
            .map(|(i, _)| i)
            .collect();
        for i in drop {
            cands[i].accepted = false;
        }
    }

    // "Путін і Пушкін", "Байден і Трамп": a lone capitalised Cyrillic word
    // joined by "і"/"и"/"та" to a surname named alone is a surname too.
    {
        let lone_at: FxHashMap<usize, bool> = cands
            .iter()
            .filter(|c| c.names == 1 && c.first == c.last)
            .map(|c| (c.first, c.accepted && c.given.is_none()))
            .collect();
        let conj = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.kind == Kind::Word && matches!(given_cache.lw(k), "і" | "и" | "та" | "й")
            })
        };
        let joined_to_person = |k: usize| {
            let same = |a: usize, b: usize| toks[a].sent == toks[b].sent;
            (conj(k + 1)
                && k + 2 < toks.len()
                && same(k, k + 2)
                && lone_at.get(&(k + 2)) == Some(&true))
                || (k >= 2 && conj(k - 1) && same(k, k - 2) && lone_at.get(&(k - 2)) == Some(&true))
        };
        for c in cands.iter_mut() {
            if c.accepted || c.names != 1 || c.first != c.last || c.given.is_some() {
                continue;
            }
            let k = c.first;
            let l = given_cache.lw(k);
            if !word(&toks[k]).chars().any(is_cyrillic)
                || lex.flags(l) != 0
                || lower_words.contains(l)
                || cyrillic_adjective(l)
                || cyrillic_org(lex, l)
                || cyrillic_role(lex, l)
                || l.chars().count() < 3
            {
                continue;
            }
            if joined_to_person(k) {
                c.accepted = true;
            }
        }
    }

    // A lone Cyrillic surname in a case form whose nominative the
    // register knows ("паном Наусєдою", "Прем'єр-міністром Беннетом").
    for c in cands
        .iter_mut()
        .filter(|c| c.accepted && c.names == 1 && c.given.is_none())
    {
        // Only words in a case no nominative has ("Наусєдою", "Беннетом"):
        // "Васильева" is a nominative of its own, not Vasilyev.
        const OBLIQUE: &[&str] = &["ом", "ем", "ою", "ею", "ові", "еві", "ым", "им"];
        let l = given_cache.lw(c.first);
        if !word(&toks[c.first]).chars().any(is_cyrillic) {
            continue;
        }
        if !reg.has_surname(&c.surname) && OBLIQUE.iter().any(|e| l.ends_with(e)) {
            if let Some(f) = word_nominatives(l)
                .iter()
                .map(|n| fold(n))
                .find(|f| reg.resolve_surname_exact(f).is_some())
            {
                c.surname = f;
                continue;
            }
        }
        // A surname several register entries share, in any case, told
        // apart by the title before it ("Президентом Сполучених Штатів
        // Америки Байденом", "Президентові Байдену").
        if reg.resolve_surname_exact(&c.surname).is_none() {
            if let Some((s, g)) = titled_register_surname(&toks, c, reg, lex, &given_cache) {
                c.surname = s;
                c.given = Some(g);
            }
        }
    }

    // The register's readings below correct surnames after the lone words
    // were linked to them: what each full name read before.
    let read_before: Vec<(usize, String)> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.accepted && c.names >= 2)
        .map(|(i, c)| (i, c.surname.clone()))
        .collect();

    // A foreign given name the lexicon does not know, with a surname in a
    // case form ("Ентоні Блінкеном"): when a register entry has a reading
    // of the surname and, in Ukrainian or Russian, a reading of the first
    // word as its given name, the pair is that entry's name.
    for c in cands
        .iter_mut()
        .filter(|c| c.accepted && c.names == 2 && c.last > c.first && c.given.is_none())
    {
        if !word(&toks[c.last]).chars().any(is_cyrillic) || reg.has_surname(&c.surname) {
            continue;
        }
        let firsts = word_nominatives(given_cache.lw(c.first));
        let given_fits = |e: &register::Entry| {
            e.uk.iter().chain(&e.ru).any(|form| {
                form.split_whitespace()
                    .next()
                    .is_some_and(|g| firsts.iter().any(|n| *n == lower(g)))
            })
        };
        if let Some(f) = word_nominatives(given_cache.lw(c.last))
            .iter()
            .map(|n| fold(n))
            .find(|f| reg.resolve_surname_exact(f).is_some_and(given_fits))
        {
            c.surname = f;
        }
    }

    // A given name with a foreign surname whose case form the morphology
    // read as another nominative ("Олафом Шольцом" as Шолець, "Педро
    // Санчесом", "Рафаеля Маріано Гроссі" as Гросса): when another reading
    // of the surname word is, with this given name, a register entry, the
    // register's reading wins.
    for c in cands
        .iter_mut()
        .filter(|c| c.accepted && c.names >= 2 && c.last > c.first)
    {
        let Some((g, _)) = c.given else { continue };
        if !word(&toks[c.last]).chars().any(is_cyrillic)
            || reg.resolve_full(&format!("{}:{g}", c.surname)).is_some()
        {
            continue;
        }
        if let Some(f) = word_nominatives(given_cache.lw(c.last))
            .iter()
            .map(|n| fold(n))
            .find(|f| reg.resolve_full(&format!("{f}:{g}")).is_some())
        {
            c.surname = f;
        }
    }

    // A lone word linked to a surname the register then read otherwise
    // ("Дональда Туска" read first as Туско, then "Туск заявив") follows
    // the new reading, unless another full name still bears the old one.
    let renamed: Vec<(String, String)> = read_before
        .into_iter()
        .filter(|(i, old)| cands[*i].surname != *old)
        .map(|(i, old)| (old, cands[i].surname.clone()))
        .filter(|(old, _)| {
            !cands
                .iter()
                .any(|c| c.accepted && c.names >= 2 && c.surname == *old)
        })
        .collect();
    if !renamed.is_empty() {
        for c in cands.iter_mut().filter(|c| c.accepted && c.names == 1) {
            if let Some((_, new)) = renamed.iter().find(|(old, _)| *old == c.surname) {
                c.surname = new.clone();
            }
        }
    }

    // A capitalised particle right before a linked surname belongs to it:
    // "Van Boxmeer said" at the start of a sentence, after "Jean van
    // Boxmeer".
    for c in cands.iter_mut().filter(|c| c.accepted && c.names == 1) {
        let Some(p) = c.first.checked_sub(1) else {
            continue;
        };
        let t = &toks[p];
        if t.kind == Kind::Word
            && toks[c.first].joined
            && t.sent == toks[c.first].sent
            && word(t).starts_with(is_upper)
            && lex.has_particle(given_cache.lw(p))
        {
            c.first = p;
            c.start = t.start;
            continue;
        }
        // Lower-case particles before it: "said von der Leyen", "з пані
        // фон дер Ляєн". One particle alone is no part of a lone surname
        // (CoNLL, like English usage, leaves "van" out of "van Boxmeer"),
        // except a Cyrillic one that is no ordinary word too ("фон",
        // "ван"; not "де", which is also "where").
        let cyr = word(&toks[c.first]).chars().any(is_cyrillic);
        let mut q = c.first;
        while q > 0
            && toks[q].joined
            && word(&toks[q - 1]).chars().any(is_cyrillic) == cyr
            && toks[q - 1].kind == Kind::Word
            && toks[q - 1].sent == toks[c.first].sent
            && word(&toks[q - 1]).starts_with(char::is_lowercase)
            && lex.has_particle(given_cache.lw(q - 1))
        {
            q -= 1;
        }
        let alone_ok = |k: usize| cyr && matches!(given_cache.lw(k), "фон" | "ван");
        if c.first - q >= 2 || c.first - q == 1 && alone_ok(q) {
            c.first = q;
            c.start = toks[q].start;
        }
    }

    // An Arabic surname with its lower-case article after the name:
    // "Osama el-Baz", "Nihad al-Boushi".
    for c in cands.iter_mut().filter(|c| c.accepted) {
        let n = c.last + 1;
        let Some(t) = toks.get(n) else { continue };
        let w = word(t);
        let article = ["al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "ar-"]
            .iter()
            .find(|a| w.starts_with(**a));
        if t.kind == Kind::Word
            && t.joined
            && t.sent == toks[c.last].sent
            && article.is_some_and(|a| w[a.len()..].starts_with(is_upper))
        {
            c.last = n;
            c.end = t.end;
        }
    }

    // All-caps words (headlines) that are mentions.
    all_caps_mentions(
        text,
        &toks,
        &mut cands,
        reg,
        &given_cache,
        &lower_words,
        &strong_surnames,
        &leads,
    );

    // A surname some outlets write in lower case on purpose ("годує
    // путіна"), in any case form (not its adjective, "путінський").
    // One byte-prefix test a word: the surnames are written in lower case.
    {
        let mut found = false;
        for (k, t) in toks.iter().enumerate() {
            if t.kind != Kind::Word {
                continue;
            }
            let w = word(t);
            let Some(nom) = register::WRITTEN_IN_LOWER_CASE
                .iter()
                .find(|s| w.starts_with(**s) && word_nominatives(w).iter().any(|n| n == **s))
            else {
                continue;
            };
            let surname = fold(nom);
            if reg.resolve_surname_exact(&surname).is_none() {
                continue;
            }
            cands.push(Cand::linked_word(k, t, surname));
            found = true;
        }
        if found {
            cands.sort_by_key(|c| c.start);
        }
    }

    // Given names joined by a conjunction share the surname after the
    // last one ("Віталій та Володимир Кличко", "Дмитрий и Елена
    // Яблонские", "Vitali and Wladimir Klitschko"): each is that person,
    // in their own gender, and a plural surname is each one's singular.
    for i in 0..cands.len() {
        let c = &cands[i];
        if !c.accepted || c.names != 2 || c.first < 2 || c.last != c.first + 1 {
            continue;
        }
        // Both given names as written, in the nominative: "Сергія та
        // Олександра Щербини" is a genitive, its -и no plural.
        let Some((g2, false)) = c.given.filter(|_| given_cache.at(c.first).is_some()) else {
            continue;
        };
        let (conj, g1_tok) = (&toks[c.first - 1], &toks[c.first - 2]);
        if !(toks[c.first].joined && conj.joined && conj.sent == toks[c.first].sent)
            || conj.kind != Kind::Word
            || !COORDINATING.contains(&given_cache.lw(c.first - 1))
        {
            continue;
        }
        let Some(j) = cands
            .iter()
            .position(|d| d.first == c.first - 2 && d.last == d.first && !d.accepted)
        else {
            continue;
        };
        let Some((g1, false)) = given_cache.at(c.first - 2) else {
            continue;
        };
        let surname_word = &text[toks[c.last].start..toks[c.last].end];
        let women = &lex.given_women;
        let (w1, w2) = (women.contains(g1), women.contains(g2));
        let g1_word = &text[g1_tok.start..g1_tok.end];
        let g2_word = &text[toks[c.first].start..toks[c.first].end];
        let (s1, s2, n1, n2) = match (
            plural_surname_singular(surname_word, w1),
            plural_surname_singular(surname_word, w2),
        ) {
            (Some(a), Some(b)) => (
                surname_key(&[g1_word, &a]),
                surname_key(&[g2_word, &b]),
                format!("{g1_word} {a}"),
                Some(format!("{g2_word} {b}")),
            ),
            // A surname that does not change with gender (Кличко,
            // Klitschko, Шевчук) is each one's as it stands; one that does
            // (Зеленський, Петров) cannot be given to the other gender.
            _ => {
                if w1 != w2 && gendered_surname(surname_word) {
                    continue;
                }
                let s1 = surname_key(&[g1_word, surname_word]);
                if s1 != c.surname {
                    continue;
                }
                (
                    s1,
                    c.surname.clone(),
                    format!("{g1_word} {surname_word}"),
                    None,
                )
            }
        };
        if s1.is_empty() || s2.is_empty() {
            continue;
        }
        cands[i].surname = s2;
        cands[i].shown = n2;
        cands[j].surname = s1;
        cands[j].shown = Some(n1);
        cands[j].accepted = true;
    }

    // A lone given name that is the given name of exactly one accepted
    // person ("Maryana Bezugla … Maryana said") is that person.
    let mut full_by_given: FxHashMap<&'static str, Option<String>> = FxHashMap::default();
    for c in cands
        .iter()
        .filter(|c| c.accepted && (c.names >= 2 || c.shown.is_some()))
    {
        if let Some((g, _)) = c.given {
            let e = full_by_given
                .entry(g)
                .or_insert_with(|| Some(c.surname.clone()));
            if e.as_deref() != Some(c.surname.as_str()) {
                *e = None;
            }
        }
    }
    for c in cands.iter_mut() {
        if c.accepted || c.names != 1 {
            continue;
        }
        if let Some((g, _)) = c.given {
            if let Some(Some(sur)) = full_by_given.get(g) {
                c.surname = sur.clone();
                c.accepted = true;
            }
        }
    }

    // Speakers, for the accepted mentions only.
    for c in cands.iter_mut().filter(|c| c.accepted) {
        c.speaker = is_speaker(text, &toks, c, lex, &given_cache);
    }

    // Group into people.
    // Read only for a Cyrillic mention's display name, once per text.
    let text_russian = std::cell::OnceCell::new();
    let mut people: Vec<Person> = Vec::new();
    let mut best: Vec<(usize, usize, bool)> = Vec::new(); // (names, len, latin) of Person.name
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let givens_by_surname = {
        let mut m: FxHashMap<&str, Vec<(usize, &'static str)>> = FxHashMap::default();
        for c in cands.iter().filter(|c| c.accepted) {
            if let Some((g, _)) = c.given {
                m.entry(c.surname.as_str()).or_default().push((c.start, g));
            }
        }
        m
    };
    for c in cands.iter().filter(|c| c.accepted) {
        if c.surname.is_empty() {
            continue;
        }
        let given = match c.given {
            Some((g, _)) => Some(g),
            None => givens_by_surname.get(c.surname.as_str()).and_then(|v| {
                v.iter()
                    .rev()
                    .find(|(s, _)| *s <= c.start)
                    .or_else(|| v.first())
                    .map(|(_, g)| *g)
            }),
        };
        let key = match given {
            Some(g) => format!("{}:{g}", c.surname),
            None => c.surname.clone(),
        };
        let mention_text = &text[c.start..c.end];
        let name_text = c.shown.as_deref().unwrap_or(mention_text);
        let mention = PersonMention {
            text: mention_text.to_string(),
            start: c.start,
            end: c.end,
            role: c
                .role
                .map(|(s, e)| text[s..e].replace(['’', 'ʼ', '‘'], "'")),
            speaker: c.speaker,
        };
        let latin = !mention_text.chars().any(is_cyrillic);
        let rank = (
            c.names.max(usize::from(c.shown.is_some()) * 2)
                + usize::from(c.given.is_some_and(|g| !g.1)),
            name_text.len(),
            latin,
        );
        let idx = *index.entry(key.clone()).or_insert_with(|| {
            people.push(Person {
                key: key.clone(),
                name: String::new(),
                mentions: Vec::new(),
            });
            best.push((0, 0, false));
            people.len() - 1
        });
        let b = best[idx];
        let better = if latin != b.2 {
            latin
        } else {
            (rank.0, rank.1) > (b.0, b.1)
        };
        if people[idx].name.is_empty() || better {
            best[idx] = rank;
            // A Latin name is displayed as written, whatever the text.
            let russian = !latin && *text_russian.get_or_init(|| cyrillic::russian_text(text));
            people[idx].name = display_name_of(name_text, russian, &c.surname);
        }
        people[idx].mentions.push(mention);
    }
    people
}
