//! Reading the text: the language of a sentence, sentences, clauses and
//! word-edge windows.

use super::*;

/// The language of a sentence, as far as claims care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    En,
    Uk,
    Ru,
}

/// Latin text is English; Cyrillic is Ukrainian or Russian by the letters
/// only one of them has, else `fallback` (called only then: the text's
/// language is read only for a sentence that needs it).
pub(super) fn lang_of(s: &str, fallback: impl FnOnce() -> Lang) -> Lang {
    let (mut cyr, mut lat, mut uk, mut ru) = (0usize, 0usize, 0usize, 0usize);
    for c in s.chars().take(20_000) {
        match c {
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                uk += 1;
                cyr += 1
            }
            'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => {
                ru += 1;
                cyr += 1
            }
            'а'..='я' | 'А'..='Я' => cyr += 1,
            'a'..='z' | 'A'..='Z' => lat += 1,
            _ => {}
        }
    }
    if cyr == 0 && lat == 0 {
        fallback()
    } else if lat >= cyr {
        Lang::En
    } else if uk > ru {
        Lang::Uk
    } else if ru > uk {
        Lang::Ru
    } else {
        // Cyrillic with no letter of either alphabet's own: Russian unless
        // the document says Ukrainian.
        match fallback() {
            Lang::En => Lang::Ru,
            other => other,
        }
    }
}

/// Sentence ranges: cut at line breaks and at `.`, `!`, `?` (and closing
/// quotes after them) followed by white space, except after an initial or
/// a short abbreviation ("V.", "Gen.", "U.S."). Leading and trailing white
/// space is left out.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(s + lead..e - trail);
        }
    };
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            push(start, i, &mut out);
            start = i + 1;
        } else if matches!(c, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            // closing quotes and brackets: ASCII, or » ” ’ (multi-byte)
            loop {
                if j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
                    j += 1;
                } else if text[j..].starts_with('»')
                    || text[j..].starts_with('”')
                    || text[j..].starts_with('’')
                {
                    j += 3.min(text[j..].chars().next().map_or(1, char::len_utf8));
                } else {
                    break;
                }
            }
            // "…occupied by Russia.According to Reuters": a full stop with
            // no space, between a lower-case word and a capital.
            let glued = c == b'.'
                && j < b.len()
                && b[j].is_ascii_uppercase()
                && text[start..i]
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(|w| w.chars().count() >= 3 && w.chars().all(char::is_lowercase));
            let ends = glued || j >= b.len() || b[j] == b' ' || b[j] == b'\t' || b[j] == b'\n';
            if ends && (c != b'.' || !abbreviation(&text[start..i])) {
                push(start, j, &mut out);
                start = j;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(start, b.len(), &mut out);
    out
}

/// Whether the word before a full stop is an initial or abbreviation.
pub(super) fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().next().is_some_and(char::is_uppercase))
        || word.contains('.')
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Gen"
                | "Lt"
                | "Col"
                | "Maj"
                | "Sgt"
                | "St"
                | "vs"
                | "No"
                | "Jan"
                | "Feb"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "г"
                | "ст"
                | "вул"
                | "м"
                | "с"
                | "пгт"
                | "смт"
        )
}

/// About the first `n` bytes of `s`, ending where a word ends: a check
/// anchored at the start (`^…\b`) sees the same words as on all of `s`,
/// without scanning the rest of a long sentence.
pub(super) fn head(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end += 1;
    }
    match s[end..].find(char::is_whitespace) {
        Some(i) => &s[..end + i],
        None => s,
    }
}

/// About the last `n` bytes of `s`, from the white space before a word: a
/// check anchored at the end (`\b…$`) sees the same words as on all of `s`.
pub(super) fn tail(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut start = s.len() - n;
    while !s.is_char_boundary(start) {
        start += 1;
    }
    match s[..start].rfind(char::is_whitespace) {
        Some(i) => &s[i..],
        None => s,
    }
}

pub(super) fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Clause ranges of a sentence.
pub(super) fn clauses(s: &str, lex: &Lexicon) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in lex.clause_cut.find_iter(s) {
        // "such as Crimea", "Crimea as well as Donbas": a list, not a clause.
        if m.as_str()
            .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
            .eq_ignore_ascii_case("as")
        {
            let before = s[..m.start()].trim_end();
            let word = before.rsplit([' ', ',']).next().unwrap_or("");
            if word.eq_ignore_ascii_case("such")
                || word.eq_ignore_ascii_case("well")
                || s[m.end()..].trim_start().starts_with("well as")
            {
                continue;
            }
        }
        if m.start() > start {
            out.push(start..m.start());
        }
        start = m.end();
    }
    out.push(start..s.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_initials_and_abbreviations() {
        let text = "Gen. V. Gerasimov said so. Then \"it fell.\" Next\nline";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Gen. V. Gerasimov said so.",
                "Then \"it fell.\"",
                "Next",
                "line"
            ]
        );
    }

    #[test]
    fn windows_end_and_start_at_word_edges() {
        let s = "Russian troops withdrew from the town near Pokrovsk";
        assert_eq!(head(s, 10), "Russian troops");
        assert_eq!(head(s, 500), s);
        assert_eq!(tail(s, 12), " near Pokrovsk");
        assert_eq!(tail("Київ і Покровськ", 9), " Покровськ");
        assert_eq!(head("Київ і Покровськ", 3), "Київ");
    }
}
