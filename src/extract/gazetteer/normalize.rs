//! Normalisation of names and text, and the word walk over the original
//! text ([`words`]) that the extractor uses instead of normalising all of it.

/// Is `c` one of the apostrophes that Ukrainian romanisation and English use
/// interchangeably (Kam'ianske, Kam’ianske, Kamʼianske)?
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{02BC}' | '`' | '\u{2018}' | '\u{2032}' | '\u{02B9}' | '\u{00B4}'
    )
}

/// Normalise a name the same way [`normalize_text`] normalises text.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 1);
    let mut map = Vec::new();
    normalize_text(name, &mut out, &mut map);
    out.replace(CAPITAL, " ").trim().to_string()
}

/// Normalise `text` into `out` (cleared first), pushing for every byte of
/// `out` the byte offset in `text` of the char it came from.
///
/// `out` starts with one space (mapped to offset 0) so that every word is
/// preceded by a separator: a space, or [`CAPITAL`] before a word whose first
/// letter is upper case. Letters are lower-cased (ё → е), combining accents
/// dropped, apostrophes inside words dropped (an English possessive `'s`
/// becomes a word break), and every run of other non-alphanumeric chars
/// becomes one space.
pub fn normalize_text(text: &str, out: &mut String, map: &mut Vec<u32>) {
    out.clear();
    map.clear();
    out.reserve(text.len() + 2);
    map.reserve(text.len() + 2);
    out.push(' ');
    map.push(0);
    let mut space = true;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // ASCII fast path: a whole run of ASCII letters and digits is
            // copied and lower-cased at once, its offsets written as one
            // range.
            if space && b.is_ascii_uppercase() {
                mark_capital(out);
            }
            let run = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |n| i + n);
            let from = out.len();
            out.push_str(&text[i..run]);
            if let Some(tail) = out.get_mut(from..) {
                tail.make_ascii_lowercase();
            }
            map.extend(i as u32..run as u32);
            space = false;
            i = run;
            continue;
        }
        if b.is_ascii() {
            if b == b'\'' || b == b'`' {
                if apostrophe_is_break(bytes, i + 1) {
                    push_space(out, map, &mut space, i);
                }
            } else {
                push_space(out, map, &mut space, i);
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let here = i;
        i += c.len_utf8();
        let i = here;
        if let 'А'..='я' = c {
            // Fast path for the basic Cyrillic block (Ukrainian and Russian
            // text): lower-case by offset, no table lookup.
            let l = if c <= 'Я' {
                if space {
                    mark_capital(out);
                }
                char::from_u32(c as u32 + 32).unwrap_or(c)
            } else {
                c
            };
            let before = out.len();
            out.push(l);
            for _ in before..out.len() {
                map.push(i as u32);
            }
            space = false;
            continue;
        }
        if is_apostrophe(c) {
            if apostrophe_is_break(bytes, i + c.len_utf8()) {
                push_space(out, map, &mut space, i);
            }
            continue;
        }
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            continue;
        }
        if ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c) {
            // Latin letters with diacritics fold to their base letter
            // (Dîmîtrov = Dimitrov); Cyrillic й/ї are left alone.
            if space && c.is_uppercase() {
                mark_capital(out);
            }
            let before = out.len();
            unicode_normalization::char::decompose_canonical(c, |d| {
                if !('\u{0300}'..='\u{036F}').contains(&d) {
                    out.extend(d.to_lowercase());
                }
            });
            if out.len() == before {
                out.extend(c.to_lowercase());
            }
            for _ in before..out.len() {
                map.push(i as u32);
            }
            space = false;
            continue;
        }
        if c.is_alphanumeric() {
            if space && c.is_uppercase() {
                mark_capital(out);
            }
            let lower = c.to_lowercase();
            for l in lower {
                let l = if l == 'ё' { 'е' } else { l };
                let before = out.len();
                out.push(l);
                for _ in before..out.len() {
                    map.push(i as u32);
                }
            }
            space = false;
        } else {
            push_space(out, map, &mut space, i);
        }
    }
}

/// The words of a text as [`normalize_text`] splits them, read from the
/// original text without normalising all of it.
///
/// Place mentions start at capitalised words, and most words are not
/// capitalised: the extractor walks from one capitalised word to the next
/// ([`capitals`](words::capitals)), normalises only the few words it looks
/// up ([`push_normalized`](words::push_normalized)), and keeps offsets in the
/// original text, so no copy or offset map of the whole text is needed.
pub(crate) mod words {
    use super::{apostrophe_is_break, is_apostrophe, normalize_text, CAPITAL};

    /// `c.is_alphanumeric()`, without the Unicode table for ASCII and the
    /// Cyrillic block (all letters there but the signs U+0482..U+0489).
    #[inline]
    pub fn is_alnum(c: char) -> bool {
        match c {
            '\0'..='\x7f' => c.is_ascii_alphanumeric(),
            '\u{400}'..='\u{481}' | '\u{48a}'..='\u{4ff}' => true,
            _ => c.is_alphanumeric(),
        }
    }

    /// A combining accent, dropped by [`normalize_text`] inside a word.
    fn is_combining(c: char) -> bool {
        ('\u{0300}'..='\u{036F}').contains(&c)
    }

    /// The char at byte `i` of `text` (a char boundary).
    fn char_at(text: &str, i: usize) -> char {
        text[i..].chars().next().unwrap_or(' ')
    }

    /// End of the word that starts at `start`: after its last letter or
    /// digit. Apostrophes inside a word ("Kam'ianske") and combining
    /// accents belong to it; a possessive `'s` ends it.
    pub fn end(text: &str, start: usize) -> usize {
        let bytes = text.as_bytes();
        let mut i = start;
        let mut last = start;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
                last = i;
            } else if b.is_ascii() {
                if (b == b'\'' || b == b'`') && !apostrophe_is_break(bytes, i + 1) {
                    i += 1;
                } else {
                    break;
                }
            } else {
                let c = char_at(text, i);
                let n = c.len_utf8();
                // Apostrophes first: some are letters to Unicode (ʼ, ʹ).
                if is_apostrophe(c) {
                    if apostrophe_is_break(bytes, i + n) {
                        break;
                    }
                    i += n;
                } else if is_alnum(c) {
                    i += n;
                    last = i;
                } else if is_combining(c) {
                    i += n;
                } else {
                    break;
                }
            }
        }
        last
    }

    /// Start of the first word at or after byte `pos` (a char boundary).
    pub fn next_start(text: &str, pos: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = pos;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                return Some(i);
            }
            if b.is_ascii() {
                i += 1;
                continue;
            }
            let c = char_at(text, i);
            if is_alnum(c) && !is_apostrophe(c) {
                return Some(i);
            }
            i += c.len_utf8();
        }
        None
    }

    /// Whether the letter at byte `i` starts a word: what comes before it,
    /// apostrophes and accents skipped, is not a letter or digit.
    fn starts_word(text: &str, i: usize) -> bool {
        match text.as_bytes()[..i].last() {
            None => return true,
            Some(b) if b.is_ascii_alphanumeric() => return false,
            Some(b'\'' | b'`') => {}
            Some(b) if b.is_ascii() => return true,
            Some(_) => {}
        }
        text[..i]
            .chars()
            .rev()
            .find(|&c| !(is_apostrophe(c) || is_combining(c)))
            .is_none_or(|c| !is_alnum(c))
    }

    /// The first byte at or after `i` that is an ASCII capital or not
    /// ASCII, eight bytes at a time: lower-case text, digits and
    /// punctuation are skipped without a branch per byte.
    fn skip_plain(bytes: &[u8], mut i: usize) -> usize {
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const EACH: u64 = 0x0101_0101_0101_0101;
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            // Per byte, with no borrow between bytes (each has its high
            // bit set before subtracting): high bit of `ge_a` set iff the
            // byte's low seven bits are >= 'A', of `ge_z1` iff > 'Z'.
            let y = (x & LOW7) | HIGH;
            let ge_a = y - EACH * u64::from(b'A');
            let ge_z1 = y - EACH * u64::from(b'Z' + 1);
            let found = ((ge_a & !ge_z1) | x) & HIGH;
            if found != 0 {
                return i + (found.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        i
    }

    /// Byte offsets of the words of `text` that start with a capital
    /// letter, in order: the words [`normalize_text`] marks with
    /// [`CAPITAL`].
    pub fn capitals(text: &str) -> impl Iterator<Item = usize> + '_ {
        let bytes = text.as_bytes();
        let mut i = 0usize;
        std::iter::from_fn(move || {
            while i < bytes.len() {
                i = skip_plain(bytes, i);
                let Some(&b) = bytes.get(i) else {
                    break;
                };
                let at = i;
                let upper = if b < 0x80 {
                    i += 1;
                    b.is_ascii_uppercase()
                } else {
                    // A lead byte: step over the whole char. Basic Cyrillic
                    // capitals are D0 80..=D0 AF; the small letters after them
                    // (D0 B0.., D1 80..=D1 9F) need no decoding.
                    let second = bytes.get(at + 1).copied().unwrap_or(0);
                    i += match b {
                        0xF0.. => 4,
                        0xE0.. => 3,
                        _ => 2,
                    };
                    match b {
                        0xD0 => second < 0xB0,
                        0xD1 if second < 0xA0 => false,
                        _ => char_at(text, at).is_uppercase(),
                    }
                };
                if upper && starts_word(text, at) {
                    return Some(at);
                }
            }
            None
        })
    }

    /// Append the normalised form of one word (as [`end`] delimits it) to
    /// `out`; `scratch` is reused for words that are not plain ASCII.
    pub fn push_normalized(word: &str, out: &mut String, scratch: &mut (String, Vec<u32>)) {
        if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            normalize_text(word, &mut scratch.0, &mut scratch.1);
            out.extend(scratch.0.chars().filter(|&c| c != ' ' && c != CAPITAL));
        }
    }
}

/// An apostrophe followed by `s` and a non-letter is an English possessive
/// ("Pokrovsk's"): a word break. Otherwise it is part of the word.
fn apostrophe_is_break(bytes: &[u8], next: usize) -> bool {
    match bytes.get(next) {
        Some(b's' | b'S') => !bytes.get(next + 1).is_some_and(|b| b.is_ascii_alphabetic()),
        _ => false,
    }
}

/// The separator written before a word that starts with a capital letter
/// (instead of a space). Place mentions always start with a capital, so the
/// extractor jumps (memchr) straight from one of these to the next.
pub const CAPITAL: char = '\u{1}';

/// Turn the separator just written (a space) into [`CAPITAL`].
fn mark_capital(out: &mut String) {
    if out.ends_with(' ') {
        out.pop();
        out.push(CAPITAL);
    }
}

fn push_space(out: &mut String, map: &mut Vec<u32>, space: &mut bool, i: usize) {
    if !*space {
        out.push(' ');
        map.push(i as u32);
        *space = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_table() {
        struct Case {
            input: &'static str,
            want: &'static str,
        }
        let cases = [
            Case {
                input: "Kam'ianske",
                want: "kamianske",
            },
            Case {
                input: "Kam’ianske",
                want: "kamianske",
            },
            Case {
                input: "Chasiv-Yar",
                want: "chasiv yar",
            },
            Case {
                input: "Pokrovsk's",
                want: "pokrovsk s",
            },
            Case {
                input: "ПОКРОВСЬК",
                want: "покровськ",
            },
            Case {
                input: "Пётр",
                want: "петр",
            },
            Case {
                input: "St.  Petersburg",
                want: "st petersburg",
            },
        ];
        for c in cases {
            assert_eq!(normalize(c.input), c.want, "{}", c.input);
        }
    }

    #[test]
    fn offsets_stay_on_char_boundaries() {
        let text = "У Покровську — бої.";
        let (mut out, mut map) = (String::new(), Vec::new());
        normalize_text(text, &mut out, &mut map);
        assert_eq!(out.len(), map.len());
        assert!(map.iter().all(|&m| text.is_char_boundary(m as usize)));
    }
}
