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
