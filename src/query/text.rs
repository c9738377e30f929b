//! Small text helpers for displaying hits: the sentence around a mention.

use std::ops::Range;

/// Longest sentence shown, in bytes; longer ones are cut around the mention.
const MAX_SENTENCE: usize = 400;

/// [`sentence_around`] for offsets into [`Article::text`] (title, blank
/// line, body), without building that text: a sentence never crosses the
/// line break between title and body, so the title or the body alone gives
/// the same sentence.
///
/// [`Article::text`]: crate::model::Article::text
pub fn sentence_in_article(
    article: &crate::model::Article,
    start: usize,
    end: usize,
) -> (String, Range<usize>) {
    match article.title.as_deref().map(str::trim) {
        Some(title) if !title.is_empty() => {
            let body_at = title.len() + 2;
            if start >= body_at {
                sentence_around(&article.body, start - body_at, end.saturating_sub(body_at))
            } else {
                sentence_around(title, start, end.min(title.len()))
            }
        }
        _ => sentence_around(&article.body, start, end),
    }
}

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

    /// The title-or-body shortcut gives what the whole text gives, for
    /// every word of the title and of the body, with and without a title.
    #[test]
    fn sentence_in_article_matches_the_whole_text() {
        let article = |title: Option<&str>| crate::model::Article {
            id: "a".into(),
            path: "a.txt".into(),
            format: crate::model::Format::Txt,
            title: title.map(str::to_string),
            published: None,
            source: None,
            url: None,
            lang: None,
            body: "Shelling hit Pokrovsk. Residents fled!\nKyiv said nothing. End".into(),
        };
        for title in [Some("  Pokrovsk under fire. Day two "), Some(""), None] {
            let a = article(title);
            let text = a.text();
            let mut checked = 0;
            for (start, word) in text.match_indices(|c: char| c.is_alphabetic()) {
                let end = start + word.len();
                assert_eq!(
                    sentence_in_article(&a, start, end),
                    sentence_around(&text, start, end),
                    "{title:?} at {start}"
                );
                checked += 1;
            }
            assert!(checked > 40);
        }
    }

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
