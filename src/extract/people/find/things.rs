//! Capitalised words that are things, not people: companies named in the
//! text, words it also writes in lower case, sports results and tables.

use super::*;

/// Legal forms that end a company's name ("Barrick Gold Corp").
pub(in crate::extract::people) const COMPANY_FORMS: &[&str] = &[
    "Corp", "Inc", "Ltd", "Plc", "PLC", "LLC", "AG", "SA", "NV", "GmbH", "Co",
];

/// First words (lower case) of the Latin-script company names in `text`:
/// a run of capitalised words, on one line, that ends in a legal form.
pub(in crate::extract::people) fn company_heads<'a>(
    text: &str,
    toks: &[Tok],
    given: &'a GivenCache,
) -> FxHashSet<&'a str> {
    let mut out = FxHashSet::default();
    for (k, t) in toks.iter().enumerate() {
        // Every legal form is a short word in capitals: most words are
        // ruled out by their first byte and length alone.
        if t.kind != Kind::Word
            || t.end - t.start > 4
            || !text.as_bytes()[t.start].is_ascii_uppercase()
            || !COMPANY_FORMS.contains(&&text[t.start..t.end])
        {
            continue;
        }
        // Walk back over joined capitalised words of the same sentence.
        let mut first = k;
        while first > 0 && first + 4 > k {
            let p = &toks[first - 1];
            let w = &text[p.start..p.end];
            if p.kind != Kind::Word
                || !toks[first].joined
                || p.sent != t.sent
                || !w.starts_with(|c: char| c.is_ascii_uppercase())
            {
                break;
            }
            first -= 1;
        }
        if first < k {
            out.insert(given.lw(first));
        }
    }
    out
}

/// The capitalised words of `text` that it also writes in lower case
/// ("Trade" … "trade"), in lower case: ordinary words here, not names.
pub(in crate::extract::people) fn lower_case_twins<'a>(
    text: &'a str,
    toks: &[Tok],
    given_cache: &GivenCache<'a>,
) -> FxHashSet<&'a str> {
    let lex = lexicon();
    let word = |t: &Tok| &text[t.start..t.end];
    // Function words ("The", "But") are never names: leaving them out
    // keeps "the" and "but" from being hashed below.
    let mut caps: FxHashSet<&str> = FxHashSet::default();
    for (k, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word
            || text.as_bytes()[t.start].is_ascii_lowercase()
            || !starts_upper(word(t))
        {
            continue;
        }
        let l = given_cache.lw(k);
        if lex.flags(l) & (W_STOP | W_MONTH | W_CONNECTOR | W_DETERMINER) == 0 {
            caps.insert(l);
        }
    }
    // A bit per (first byte, last byte, length) class: common words
    // ("the", "and") rarely share a class with a capitalised word, so
    // few words are hashed at all.
    let mut seen = vec![0u64; 1024];
    let slot_of = |b: &[u8]| -> usize {
        let first = b.first().copied().unwrap_or(0) as usize;
        let last = b.last().copied().unwrap_or(0) as usize;
        ((first * 131 + last) * 32 + b.len().min(31)) & 0xFFFF
    };
    for c in &caps {
        let s = slot_of(c.as_bytes());
        seen[s >> 6] |= 1 << (s & 63);
    }
    let mut twins = FxHashSet::default();
    let bytes = text.as_bytes();
    for t in toks {
        if t.kind != Kind::Word {
            continue;
        }
        let s = slot_of(&bytes[t.start..t.end]);
        if seen[s >> 6] & (1 << (s & 63)) != 0 {
            let w = word(t);
            if w.starts_with(|c: char| c.is_lowercase()) && caps.contains(w) {
                twins.insert(w);
            }
        }
    }
    twins
}

/// Whether the words `first..=last` are a scorer in a sports result:
/// inside the brackets after a team's score, each followed by the minutes
/// ("Chelsea 2 ( Zola 12 , Vialli 55 )", "Bochum 2 ( Stickroth 30th pen ,
/// Wosz 89th )"). A table row ("CSKA Moscow ( Russia 9 6 3 15") has no
/// score before its bracket, nor a comma or a closing bracket after the
/// numbers.
pub(in crate::extract::people) fn scorer_in_result(
    text: &str,
    toks: &[Tok],
    first: usize,
    last: usize,
) -> bool {
    let is_punct = |k: usize, ch: char| toks.get(k).is_some_and(|t| t.kind == Kind::Punct(ch));
    let is_num = |k: usize| toks.get(k).is_some_and(|t| t.kind == Kind::Num);
    // After: minutes, maybe a lower-case note ("pen", "penalty", "og"),
    // then a comma or the closing bracket.
    let mut k = last + 1;
    if !is_num(k) {
        return false;
    }
    while is_num(k) || is_punct(k, ',') && is_num(k + 1) {
        k += 1;
    }
    if toks.get(k).is_some_and(|t| {
        t.kind == Kind::Word && text[t.start..t.end].starts_with(|c: char| c.is_lowercase())
    }) {
        k += 1;
    }
    if !(is_punct(k, ',') || is_punct(k, ')')) {
        return false;
    }
    // Before: the list back to its opening bracket, which follows a score.
    let Some(before) = first.checked_sub(1) else {
        return false;
    };
    if !(is_punct(before, '(') || is_punct(before, ',')) {
        return false;
    }
    for j in (0..=before).rev().take(40) {
        match toks[j].kind {
            Kind::Punct(')') => return false,
            Kind::Punct('(') => return j > 0 && is_num(j - 1),
            _ => {}
        }
    }
    false
}

/// Whether the numbers after token `last` (past a bracketed country) are
/// a league table's row: games played, then won, (drawn,) lost, which add
/// up to the games played ("9 6 3 15", "21 12 6 3 34 15 42"). A golfer's
/// rounds ("72 68 71") or a result do not add up so.
pub(in crate::extract::people) fn standings_row(text: &str, toks: &[Tok], last: usize) -> bool {
    let mut k = last + 1;
    if toks.get(k).is_some_and(|t| t.kind == Kind::Punct('(')) {
        k += 1;
        while toks.get(k).is_some_and(|t| t.kind == Kind::Word) && k <= last + 5 {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| t.kind == Kind::Punct(')')) {
            k += 1;
        }
    }
    let nums: Vec<u32> = toks[k.min(toks.len())..]
        .iter()
        .take(4)
        .map_while(|t| {
            (t.kind == Kind::Num)
                .then(|| text[t.start..t.end].parse::<u32>().ok())
                .flatten()
        })
        .collect();
    match nums[..] {
        [p, w, d, l] => p > 0 && (p == w + d || p == w + d + l),
        [p, w, l] => p > 0 && p == w + l,
        _ => false,
    }
}

/// All-caps words (headlines: "CAMPESE", "PAUL WHELAN'S FAMILY TO MEET
/// WITH BIDEN") that are mentions, added to `cands` (kept in text order):
/// - a word that folds like the surname of someone this text names with a
///   given name, initials or a role ("CAMPESE"), or like the first word of
///   a name written surname first ("XI" after "Xi Jinping"; a two-letter
///   word only where it cannot be a Roman numeral: not after a capitalised
///   or lower-case word other than a verb, title or preposition, nor
///   before a capitalised one: "Louis XI", "the starting XI", "XI Corps");
/// - in Latin script, a given name (or an East Asian surname) in capitals
///   and one or two words after it that the register lists as one name
///   ("PAUL WHELAN", "XI Jinping");
/// - in Latin script, a surname of four letters or more that one register
///   entry alone has, spelt as that entry spells it, that is no word of
///   the lexicon nor of this text's lower-case words, and that has a
///   second sign of being a name: a possessive, the surname accepted
///   elsewhere in the text, or a name found in the same sentence (a full
///   name in capitals, a possessive: "ZELENSKYY PLOT FAILURE OF PUTIN'S
///   SPIES"). Not "FIRE BURNS AT OIL DEPOT", "PRICE CAP", nor the two of
///   "OIL PRICE SURGES AS FIRE BURNS".
#[allow(clippy::too_many_arguments)]
pub(in crate::extract::people) fn all_caps_mentions(
    text: &str,
    toks: &[Tok],
    cands: &mut Vec<Cand>,
    reg: &register::Register,
    given_cache: &GivenCache,
    lower_words: &FxHashSet<&str>,
    strong_surnames: &[String],
    leads: &[(usize, String, String)],
) {
    let lex = lexicon();
    let bytes = text.as_bytes();
    let word = |t: &Tok| &text[t.start..t.end];
    let all_caps = |k: usize| {
        let t = &toks[k];
        t.kind == Kind::Word && !bytes[t.start].is_ascii_lowercase() && {
            let w = word(t);
            w.len() >= 2
                && w.starts_with(is_upper)
                && w.chars().all(|c| is_upper(c) || !is_letter(c))
        }
    };
    // The all-caps words, found with one byte for most tokens.
    let caps: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == Kind::Word && !bytes[t.start].is_ascii_lowercase())
        .map(|(k, _)| k)
        .filter(|&k| all_caps(k))
        .collect();
    if caps.is_empty() {
        return;
    }
    // Tokens inside an accepted name, kept up to date as names are added;
    // `lone` marks those that are a one-word name ("Jinping" of "XI
    // Jinping"), which a full name in capitals may take over.
    let mut covered = vec![false; toks.len()];
    let mut lone = vec![false; toks.len()];
    for c in cands.iter().filter(|c| c.accepted) {
        covered[c.first..=c.last].fill(true);
        if c.first == c.last {
            lone[c.first] = true;
        }
    }
    let title_case = |w: &str| {
        let mut cs = w.chars();
        cs.next()
            .map(|f| f.to_string() + &cs.as_str().to_lowercase())
            .unwrap_or_default()
    };
    let mut added: Vec<Cand> = Vec::new();
    // Full names first.
    let mut next = 0;
    for &k in &caps {
        let t = &toks[k];
        // (Cheap tests first: most all-caps words are acronyms before a
        // lower-case word.)
        let name_follows = toks.get(k + 1).is_some_and(|n| {
            n.joined
                && n.sent == t.sent
                && !t.poss
                && (all_caps(k + 1) || n.kind == Kind::Word && word(n).starts_with(is_upper))
        });
        if k < next
            || !name_follows
            || covered[k]
            || word(t).chars().any(is_cyrillic)
            || given_cache.at(k).is_none() && !east_asian_surname(word(t))
        {
            continue;
        }
        let full = (k + 1..toks.len().min(k + 3))
            .take_while(|&j| {
                toks[j].kind == Kind::Word
                    && word(&toks[j]).starts_with(is_upper)
                    && toks[j].joined
                    && toks[j].sent == t.sent
                    && !toks[j - 1].poss
                    && (!covered[j] || lone[j])
            })
            .find_map(|j| {
                let words: Vec<String> = (k..=j).map(|i| title_case(word(&toks[i]))).collect();
                // Spelt as the register spells the person ("XI IN" keys
                // like someone too).
                let name = words.join(" ");
                let key = person_key(&name);
                let known = reg.resolve_full(&key).or_else(|| reg.resolve_key(&key));
                known
                    .is_some_and(|e| e.spells(&name))
                    .then_some((j, key, words))
            });
        if let Some((last, key, words)) = full {
            let mut c = Cand::linked_word(k, t, surname_of_key(&key).to_string());
            c.last = last;
            c.end = toks[last].end;
            c.names = last - k + 1;
            c.given = given_cache.at(k);
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            if east_asian_order(&words) {
                c.lead_surname = Some(fold(words[0]));
            }
            covered[k..=last].fill(true);
            for other in cands
                .iter_mut()
                .filter(|o| o.accepted && o.first == o.last && (k..=last).contains(&o.first))
            {
                other.accepted = false;
            }
            added.push(c);
            next = last + 1;
        }
    }
    // First words of the names written surname first, here and above.
    let leads: FxHashMap<String, String> = leads
        .iter()
        .map(|(_, l, s)| (l.clone(), s.clone()))
        .chain(
            added
                .iter()
                .filter_map(|c| Some((c.lead_surname.clone()?, c.surname.clone()))),
        )
        .collect();
    let full_surnames: Vec<String> = added.iter().map(|c| c.surname.clone()).collect();
    // Then lone words; those the register alone knows wait for a second
    // sign, counted per sentence.
    let mut register_only: Vec<(usize, String)> = Vec::new();
    for &k in &caps {
        if covered[k] {
            continue;
        }
        let t = &toks[k];
        let w = word(t);
        let low = given_cache.lw(k);
        let maybe_register = w.len() >= 4
            && lex.flags(low) == 0
            && !lower_words.contains(low)
            && !w.chars().any(is_cyrillic);
        if !maybe_register
            && strong_surnames.is_empty()
            && full_surnames.is_empty()
            && leads.is_empty()
        {
            continue;
        }
        let key = given_cache.fold_word(w);
        let known =
            if w.len() >= 3 && (strong_surnames.contains(&key) || full_surnames.contains(&key)) {
                Some(key.clone())
            } else {
                leads
                    .get(&key)
                    .filter(|_| w.len() >= 3 || !roman_numeral_place(text, toks, k))
                    .cloned()
            };
        if let Some(surname) = known {
            added.push(Cand::linked_word(k, t, surname));
            continue;
        }
        let register_candidate = maybe_register
            // Spelt as one of the entry's Latin names spells it: "MOODY'S"
            // folds like Modi.
            && reg.resolve_surname_exact(&key).is_some_and(|e| e.spells_word(low));
        if register_candidate {
            register_only.push((k, key));
        }
    }
    if !register_only.is_empty() {
        // Surnames of the people accepted so far.
        let accepted_surnames: FxHashSet<&str> = cands
            .iter()
            .filter(|c| c.accepted)
            .map(|c| c.surname.as_str())
            .collect();
        // Names found in a sentence: full names in capitals, words linked
        // above, possessives; not another word the register alone knows
        // ("OIL PRICE SURGES AS FIRE BURNS").
        let names_in = |sent: u32| {
            register_only
                .iter()
                .filter(|(k, _)| toks[*k].sent == sent && toks[*k].poss)
                .count()
                + added.iter().filter(|c| toks[c.first].sent == sent).count()
        };
        let accepted: Vec<Cand> = register_only
            .iter()
            .filter(|(k, key)| {
                // (A word this text also writes in lower case is out
                // already: `lower_words` holds the lower-case twins of every
                // capitalised word, "PRICE" … "the price".)
                let t = &toks[*k];
                t.poss || accepted_surnames.contains(key.as_str()) || names_in(t.sent) >= 1
            })
            .map(|(k, key)| Cand::linked_word(*k, &toks[*k], key.clone()))
            .collect();
        added.extend(accepted);
    }
    if !added.is_empty() {
        cands.extend(added);
        cands.sort_by_key(|c| c.start);
    }
}

/// Whether the two-letter all-caps word at `k` stands where a Roman
/// numeral could: after a capitalised word ("Louis XI"), after a
/// lower-case word that is no verb, title or preposition ("the starting
/// XI"), or before a capitalised word ("XI Corps").
fn roman_numeral_place(text: &str, toks: &[Tok], k: usize) -> bool {
    let lex = lexicon();
    let word = |t: &Tok| &text[t.start..t.end];
    if !word(&toks[k]).chars().all(|c| "IVXLCDM".contains(c)) {
        return false;
    }
    // Neighbours in capitals are the headline's, not a name's or a noun's.
    let title_case =
        |w: &str| w.starts_with(is_upper) && w.chars().skip(1).any(|c| c.is_lowercase());
    let sent = toks[k].sent;
    let before = k
        .checked_sub(1)
        .map(|p| &toks[p])
        .filter(|p| p.kind == Kind::Word && p.sent == sent);
    let after = toks
        .get(k + 1)
        .filter(|n| n.kind == Kind::Word && n.sent == sent);
    before.is_some_and(|p| {
        let w = word(p);
        let l = lower(w);
        title_case(w) && !lex.has_role(&l)
            || w.starts_with(char::is_lowercase)
                && !(lex.has_verb(&l)
                    || lex.has_role(&l)
                    || LOCATIVE.contains(&l.as_ref())
                    || matches!(
                        l.as_ref(),
                        "and" | "with" | "by" | "to" | "of" | "said" | "told" | "asked"
                    ))
    }) || after.is_some_and(|n| title_case(word(n)))
}
