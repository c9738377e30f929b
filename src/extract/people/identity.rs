//! Identity across people: register keys and names, joining surnames one
//! edit apart, and lone words that name exactly one register entry.

use super::*;

/// Gives each person the register's canonical key and name when the
/// register knows them, and joins people who thereby become one.
pub(super) fn resolve_with_register(people: Vec<Person>, reg: &register::Register) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::with_capacity(people.len());
    let mut at: FxHashMap<String, usize> = FxHashMap::default();
    for mut p in people {
        let entry = if p.key.contains(':') {
            reg.resolve_full(&p.key)
                .or_else(|| polish_case_of_register_name(&p.key, reg))
        } else if shared_surname_with_other_given(&p, reg) {
            // "Гантер Байден" with a given name the lexicon does not know is
            // not the principal bearer of the surname (Joe Biden).
            None
        } else {
            reg.resolve_surname(&p.key)
        };
        if let Some(e) = entry {
            p.key = e.key.clone();
            p.name = e.canonical.clone();
        }
        match at.get(&p.key) {
            Some(&i) => {
                let q = &mut out[i];
                q.mentions.extend(p.mentions);
                q.mentions.sort_by_key(|m| m.start);
                if entry.is_none() && p.name.len() > q.name.len() {
                    q.name = p.name;
                }
            }
            None => {
                at.insert(p.key.clone(), out.len());
                out.push(p);
            }
        }
    }
    merge_one_edit_apart(&mut out, |p| reg.resolve_full(&p.key).is_some());
    out
}

/// The register entry whose full name this key is, read with a Polish case
/// ending on the surname that a translation from Polish left in place
/// ("IOC chief Thomas Bacha" is Thomas Bach's genitive, "Prime Minister
/// Mario Draghim" Draghi's instrumental): only with the same given name,
/// so a surname that merely ends so meets no one.
fn polish_case_of_register_name<'r>(
    key: &str,
    reg: &'r register::Register,
) -> Option<&'r register::Entry> {
    let (sur, given) = key.split_once(':')?;
    // Folded endings: genitive -a, dative -owi and -u, instrumental -em,
    // -iem and (after -i) -m.
    const ENDINGS: &[&str] = &["ovi", "iem", "em", "a", "u"];
    let stems = ENDINGS
        .iter()
        .filter_map(|e| sur.strip_suffix(e))
        .chain(sur.strip_suffix('m').filter(|s| s.ends_with('i')));
    stems
        .filter(|stem| stem.len() >= 3)
        .find_map(|stem| reg.resolve_full(&format!("{stem}:{given}")))
}

/// Whether a person keyed by surname alone shares that surname with
/// several register entries and is named somewhere with a first word that
/// is no form of the given name of the entry a bare surname would name.
pub(super) fn shared_surname_with_other_given(p: &Person, reg: &register::Register) -> bool {
    if reg.surname_entries(&p.key).len() < 2 {
        return false;
    }
    let Some(e) = reg.resolve_surname(&p.key) else {
        return false;
    };
    let givens: Vec<String> = std::iter::once(&e.canonical)
        .chain(&e.uk)
        .chain(&e.ru)
        .chain(&e.variants)
        .filter_map(|f| f.split_whitespace().next())
        .map(|g| lower(g).into_owned())
        .collect();
    p.mentions.iter().any(|m| {
        let words: Vec<&str> = split_words(&m.text).collect();
        let first = match words.as_slice() {
            [first, _, ..] if first.chars().count() > 1 => *first,
            _ => return false,
        };
        let l = lower(first);
        // A rank left in the mention ("Майору Прокопенку") is no given name.
        !lexicon().has_role(&l)
            && !word_nominatives(&l)
                .iter()
                .chain(std::iter::once(&l.to_string()))
                .any(|n| givens.contains(n))
    })
}

/// Joins a person whose surname is one edit away (six letters or more)
/// from another's with the same given name ("Dmytro Kubela", "Dmytro
/// Kuleba"): the misspelling joins the known or more mentioned spelling,
/// whose key and name it takes; its mentions keep their own text.
pub(super) fn merge_one_edit_apart(people: &mut Vec<Person>, known: impl Fn(&Person) -> bool) {
    let mut i = 0;
    while i < people.len() {
        let target = (0..people.len()).find(|&j| {
            j != i && {
                let (a, b) = (&people[i], &people[j]);
                match (a.key.split_once(':'), b.key.split_once(':')) {
                    (Some((sa, ga)), Some((sb, gb))) => {
                        ga == gb
                            && sa.len().min(sb.len()) >= 6
                            && register::one_edit_apart(sa, sb)
                            && (known(b) && !known(a)
                                || known(b) == known(a)
                                    && (b.mentions.len(), j < i) > (a.mentions.len(), false))
                    }
                    _ => false,
                }
            }
        });
        match target {
            Some(j) => {
                let p = people.remove(i);
                let j = if j > i { j - 1 } else { j };
                people[j].mentions.extend(p.mentions);
                people[j].mentions.sort_by_key(|m| m.start);
                i = 0;
            }
            None => i += 1,
        }
    }
}

/// The folded surname of a lone, not yet accepted word that names exactly
/// one register entry: in Cyrillic in any case form, in Latin when a
/// speech verb follows or it is not the first word of a sentence.
pub(super) fn register_surname(
    text: &str,
    toks: &[Tok],
    c: &Cand,
    reg: &register::Register,
    lex: &Lexicon,
    given: &GivenCache,
    lower_words: &FxHashSet<&str>,
) -> Option<String> {
    let t = &toks[c.first];
    let w = &text[t.start..t.end];
    let low = given.lw(c.first);
    // Not a word of the lexicon, nor one this text also writes in lower
    // case ("Hunt" … "the hunt").
    if w.chars().count() < 3 || lex.flags(low) != 0 || lower_words.contains(low) {
        return None;
    }
    if w.chars().any(is_cyrillic) {
        let low = given.lw(c.first);
        // The first word of a sentence is its subject when it is a name, so
        // in the nominative: "Колони російської бронетехніки" (columns) is
        // no case form of Colonna there.
        if t.sent_start {
            let f = fold(low);
            return reg.resolve_surname_exact(&f).is_some().then_some(f);
        }
        return word_nominatives(low)
            .into_iter()
            .map(|n| fold(&n))
            .find(|f| reg.resolve_surname_exact(f).is_some());
    }
    // In Latin, the first word of a sentence needs a verb or at least a
    // lower-case word after it ("Selenskyj sagte"), not a heading.
    let f = given.fold_word(w);
    let next_lower = toks.get(c.last + 1).is_some_and(|n| {
        n.kind == Kind::Word
            && n.sent == t.sent
            && text[n.start..n.end].starts_with(char::is_lowercase)
    });
    (reg.resolve_surname_exact(&f).is_some()
        && (!t.sent_start || next_lower || verb_after(toks, c.last, lex, given)))
    .then_some(f)
}

/// A lone Cyrillic word in a case form of a surname several register
/// entries share, after a title in its sentence (across a place or two)
/// that only one of their affiliations names: that entry's folded surname
/// and canonical given name.
pub(super) fn titled_register_surname(
    toks: &[Tok],
    c: &Cand,
    reg: &register::Register,
    lex: &Lexicon,
    given: &GivenCache,
) -> Option<(String, (&'static str, bool))> {
    let low = given.lw(c.first);
    if !low.chars().any(is_cyrillic) || low.chars().count() < 4 || lex.flags(low) != 0 {
        return None;
    }
    let sent = toks[c.first].sent;
    let title = (0..c.first)
        .rev()
        .take(4)
        .take_while(|&t| toks[t].kind == Kind::Word && toks[t].sent == sent)
        .find_map(|t| cyrillic::english_title(given.lw(t)))?;
    word_nominatives(low).into_iter().find_map(|n| {
        let f = fold(&n);
        let e = reg.resolve_surname_titled(&f, title)?;
        let g = given_canon(e.canonical.split_whitespace().next()?)?;
        // The entry's own key ("biden:joe"), which the register resolves
        // whatever script the surname came in ("Байден" folds otherwise).
        let sur = e.key.split_once(':').map_or(f, |(s, _)| s.to_string());
        Some((sur, g))
    })
}
