//! Small text helpers for displaying hits: the sentence around a mention.

use std::ops::Range;

/// Longest sentence shown, in bytes; longer ones are cut around the mention.
const MAX_SENTENCE: usize = 400;

/// The sentence of `text` containing `start..end`, and the mention's range
/// within it. Sentences end at `.`, `!`, `?` followed by white space, or at
/// a line break; leading and trailing white space is trimmed.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (String, Range<usize>) {
    let start = floor_boundary(text, start.min(text.len()));
    let end = floor_boundary(text, end.clamp(start, text.len()));
    let bytes = text.as_bytes();
    let mut s = start;
    while s > 0 {
        let b = bytes[s - 1];
        if b == b'\n' {
            break;
        }
        if s >= 2 && (b == b' ' || b == b'\t') && matches!(bytes[s - 2], b'.' | b'!' | b'?') {
            break;
        }
        s -= 1;
    }
    let mut e = end;
    while e < bytes.len() {
        let b = bytes[e];
        if b == b'\n' {
            break;
        }
        if matches!(b, b'.' | b'!' | b'?')
            && bytes.get(e + 1).is_none_or(|n| n.is_ascii_whitespace())
        {
            e += 1;
            break;
        }
        e += 1;
    }
    // Cut very long "sentences" (tables, run-on lines) around the mention.
    if e - s > MAX_SENTENCE {
        let half = MAX_SENTENCE / 2;
        s = floor_boundary(text, start.saturating_sub(half).max(s));
        e = ceil_boundary(text, (end + half).min(e));
    }
    let raw = &text[s..e];
    let lead = raw.len() - raw.trim_start().len();
    let sentence = raw.trim();
    let offset = s + lead;
    let range = (start - offset).min(sentence.len())..(end - offset).min(sentence.len());
    (sentence.to_string(), range)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences() {
        struct Case {
            text: &'static str,
            word: &'static str,
            sentence: &'static str,
        }
        let cases = [
            Case {
                text: "First one. The fight for Pokrovsk goes on. Last.",
                word: "Pokrovsk",
                sentence: "The fight for Pokrovsk goes on.",
            },
            Case {
                text: "Title line\nKyiv said so! Next",
                word: "Kyiv",
                sentence: "Kyiv said so!",
            },
            Case {
                text: "No end Bakhmut",
                word: "Bakhmut",
                sentence: "No end Bakhmut",
            },
            Case {
                text: "Він сказав. У Покровську тихо. Далі",
                word: "Покровську",
                sentence: "У Покровську тихо.",
            },
        ];
        for c in cases {
            let start = c.text.find(c.word).unwrap();
            let (sentence, range) = sentence_around(c.text, start, start + c.word.len());
            assert_eq!(sentence, c.sentence);
            assert_eq!(&sentence[range], c.word);
        }
    }

    #[test]
    fn out_of_range_offsets_do_not_panic() {
        let (s, r) = sentence_around("Київ", 1, 99);
        assert!(s.get(r).is_some());
    }
}
