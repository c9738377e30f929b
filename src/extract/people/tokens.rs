//! Tokens: words, numbers and punctuation of a text, with the sentence
//! boundaries people extraction needs.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    /// Sentence number.
    pub(super) sent: u32,
    /// First word of its sentence (or right after an opening quote/colon).
    pub(super) sent_start: bool,
    /// Only horizontal space separates it from the previous token.
    pub(super) joined: bool,
    /// A possessive `'s` followed the word (not part of `end`).
    pub(super) poss: bool,
}

/// English noun and verb endings that names rarely have ("Countering
/// Disinformation", "Reconstruction Agency").
pub(super) const ABSTRACT_SUFFIXES: &[&str] = &[
    "ing", "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship", "ology",
];

/// English adjective endings: a capitalised pair led by such a word, and
/// by no known given name, is a phrase ("Demographic Breakdown",
/// "Strategic Command", "Collective Security"), not a person.
pub(super) const ADJECTIVE_SUFFIXES: &[&str] = &["ic", "ive", "ous"];

/// The few of [`ABSTRACT_SUFFIXES`] no English surname ends with
/// (Browning, Vance and Lawrence end like nouns; no one is named "-ism").
pub(super) const NOUN_SUFFIXES: &[&str] = &["tion", "sion", "ism", "ity", "ship", "ology"];

/// Role heads too vague to make a lone capitalised word a person.
pub(super) const WEAK_HEADS: &[&str] = &[
    "host",
    "leader",
    "leaders",
    "champion",
    "champions",
    "chief",
    "head",
    "boss",
    "owner",
    "founder",
    "member",
    "winner",
    "player",
    "side",
    "team",
    "chair",
    "director",
    "manager",
    // "Начальник Генштаба", "голова Ради": heads of an institution,
    // followed by its name in the genitive.
    "начальник",
    "голова",
    "глава",
    "керівник",
    "руководитель",
    "очільник",
];

/// Words before a capitalised pair that make it a place, not a person.
pub(super) const LOCATIVE: &[&str] = &[
    "in", "at", "near", "into", "towards", "toward", "outside", "across", "around", "via",
    "inside", "within", "through",
];

pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "prof", "rev", "sen",
    "rep", "gov", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "adm", "ft", "mt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave",
];

/// The character at byte `i` of `text` (a character boundary) and its
/// length: a plain byte read for ASCII, the common case.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (char::from(b), 1),
        Some(_) => {
            let c = text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' ');
            (c, c.len_utf8())
        }
        None => (' ', 1),
    }
}

/// Splits `text` into word, number and punctuation tokens with sentence
/// numbers. Works on bytes, decoding a character only where a byte is not
/// ASCII: this loop sees every byte of every article.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut sent: u32 = 0;
    let mut next_starts = true;
    // Only horizontal space since the previous token (none before the first).
    let mut gap_plain = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII space and lower-case words are most of the text: handled
        // without decoding a character.
        if b == b' ' || b == b'\t' {
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        if c.is_whitespace() {
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                if !next_starts {
                    sent += 1;
                }
                next_starts = true;
            }
            if c != '\u{a0}' {
                gap_plain = false;
            }
            i += len;
            continue;
        }
        let joined = gap_plain;
        gap_plain = true;
        if is_letter(c) {
            let mut end = i + len;
            while end < bytes.len() {
                let b = bytes[end];
                if b.is_ascii_alphanumeric() {
                    end += 1;
                    continue;
                }
                if b == b' ' || b == b'.' || b == b',' {
                    break;
                }
                let (d, dl) = char_at(text, end);
                if is_letter(d) || (!d.is_ascii() && d.is_numeric()) {
                    end += dl;
                    continue;
                }
                // Inner apostrophe or hyphen only if a letter follows.
                if (is_apostrophe(d) || d == '-')
                    && end + dl < bytes.len()
                    && is_letter(char_at(text, end + dl).0)
                {
                    end += dl;
                    continue;
                }
                break;
            }
            let mut word_end = end;
            let mut poss = false;
            // Possessive 's / ’s is not part of the name.
            // (The byte before the s ends the apostrophe: ' or ’.)
            if matches!(bytes[end - 1], b's' | b'S')
                && end - i >= 2
                && matches!(bytes[end - 2], b'\'' | 0x99)
            {
                let w = &text[i..end];
                for ap in ["'s", "’s", "'S", "’S"] {
                    if w.len() > ap.len() + 1 && w.ends_with(ap) {
                        word_end = end - ap.len();
                        poss = true;
                        // The dropped `'s` stands between this word and
                        // the next token.
                        gap_plain = false;
                        break;
                    }
                }
            }
            toks.push(Tok {
                start: i,
                end: word_end,
                kind: Kind::Word,
                sent,
                sent_start: next_starts,
                joined,
                poss,
            });
            next_starts = false;
            i = end;
            continue;
        }
        if c.is_numeric() {
            let mut end = i + len;
            while end < bytes.len() {
                let (d, dl) = char_at(text, end);
                if d.is_alphanumeric()
                    || ((d == '.' || d == ',')
                        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
                {
                    end += dl;
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start: i,
                end,
                kind: Kind::Num,
                sent,
                sent_start: false,
                joined,
                poss: false,
            });
            next_starts = false;
            i = end;
            continue;
        }
        // Punctuation.
        let prev_word = toks
            .last()
            .filter(|t| t.kind == Kind::Word && t.end == i)
            .map(|t| (t.start, t.end));
        toks.push(Tok {
            start: i,
            end: i + len,
            kind: Kind::Punct(c),
            sent,
            sent_start: false,
            joined,
            poss: false,
        });
        i += len;
        match c {
            '.' | '!' | '?' | '…' => {
                let keeps = c == '.'
                    && prev_word.is_some_and(|(s, e)| {
                        let w = &text[s..e];
                        let single_upper =
                            w.chars().count() == 1 && w.starts_with(char::is_uppercase);
                        single_upper
                            || (w.len() <= 4
                                && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w)))
                    });
                if !keeps {
                    sent += 1;
                    next_starts = true;
                }
            }
            // A capital after these is not evidence of a name either.
            ':' | '«' | '“' | '„' => next_starts = true,
            _ => {}
        }
    }
    toks
}
