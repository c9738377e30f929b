//! Text analysis for cross-script search.
//!
//! The `title` and `body` fields index every word once, in a folded Latin
//! form ([`crate::extract::translit::fold`]): Cyrillic is transliterated
//! with both Ukrainian and Russian conventions folded together, and Latin
//! spelling variants meet in one form, so Покровськ and Pokrovsk, or
//! Сирський, Syrskyi and Syrsky, are the same term. Queries on those fields
//! go through the same analyzer, so a Cyrillic query word finds Latin text
//! and the other way round, and exact, phrase and fuzzy queries all run on
//! the one posting list. Token offsets still point into the original text,
//! so snippets highlight the words as written.
//!
//! One folded token per word, and no second copy of the original word: a
//! query is folded too, so an original form could only ever be reached by a
//! query that bypasses the analyzer, and keeping it would double the
//! postings of every word that folding changes (most words, since `h`, `y`,
//! `c` and doubled letters all fold).

use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};
use tantivy::Index;

use crate::extract::translit::fold;

/// Name of the cross-script analyzer in tantivy's tokenizer manager.
pub const LATIN: &str = "frontline_latin";

/// The cross-script analyzer: words, lower-cased, folded to Latin.
pub fn latin_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(FoldLatin)
        .build()
}

/// A query word as the text fields index it: lower-cased and folded (the
/// analyzer's rules, for words the query parser does not see, such as the
/// fuzzy words of `--fuzzy`).
pub fn analyze_word(word: &str) -> String {
    let mut analyzer = latin_analyzer();
    let mut stream = analyzer.token_stream(word);
    let mut out = String::new();
    while stream.advance() {
        out.push_str(&stream.token().text);
    }
    out
}

/// A text as the text fields index it: every token, folded, separated by
/// single spaces. Exported beside the original text so that an engine with
/// only a plain whitespace or word tokenizer (Quickwit) indexes the same
/// terms and a folded query finds the same articles.
pub fn fold_text(text: &str) -> String {
    let mut analyzer = latin_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = String::with_capacity(text.len());
    while stream.advance() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&stream.token().text);
    }
    out
}

/// Register frontline's analyzers on an index (needed on every open: tantivy
/// stores the analyzer's name in the schema, not the analyzer).
pub fn register(index: &Index) {
    index.tokenizers().register(LATIN, latin_analyzer());
}

/// Words folded per thread before the cache is cleared: news vocabulary
/// repeats, so most tokens are folded once per thread, not once per use.
const FOLD_CACHE_WORDS: usize = 200_000;

thread_local! {
    static FOLDS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// Fold the lower-cased word in `text` in place, through the cache. A word
/// that folds to nothing is left as it is. No allocation for a word seen
/// before on this thread.
fn fold_in_place(text: &mut String) {
    FOLDS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(folded) = cache.get(text.as_str()) {
            if !folded.is_empty() && folded != text {
                text.clear();
                text.push_str(folded);
            }
            return;
        }
        let folded = fold(text);
        if cache.len() >= FOLD_CACHE_WORDS {
            cache.clear();
        }
        cache.insert(text.clone(), folded.clone());
        if !folded.is_empty() {
            *text = folded;
        }
    })
}

/// Token filter replacing each token by its folded Latin form.
#[derive(Clone, Copy, Debug)]
pub struct FoldLatin;

impl TokenFilter for FoldLatin {
    type Tokenizer<T: Tokenizer> = FoldLatinFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldLatinFilter<T> {
        FoldLatinFilter { inner: tokenizer }
    }
}

/// The tokenizer produced by [`FoldLatin`].
#[derive(Clone)]
pub struct FoldLatinFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for FoldLatinFilter<T> {
    type TokenStream<'a> = FoldLatinStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldLatinStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`FoldLatinFilter`].
pub struct FoldLatinStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for FoldLatinStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        // Digits and plain short words gain nothing from folding.
        if token.text.len() > 2 && token.text.bytes().any(|b| !b.is_ascii_digit()) {
            fold_in_place(&mut token.text);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut analyzer = latin_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn scripts_meet_in_one_term() {
        let same = [
            ("Pokrovsk", "Покровськ"),
            ("Pokrovsk", "Покровск"),
            ("Syrskyi", "Сирський"),
            ("Syrsky", "Сырский"),
            ("Zelensky", "Зеленський"),
            ("Kharkiv", "Харків"),
        ];
        for (a, b) in same {
            assert_eq!(terms(a), terms(b), "{a} = {b}");
        }
        assert_ne!(terms("Kharkiv"), terms("Kherson"));
    }

    #[test]
    fn a_query_word_is_analysed_like_the_text() {
        assert_eq!(analyze_word("Покровськ"), terms("Pokrovsk").concat());
        assert_eq!(analyze_word("Pokrvsk"), "pokrvsk");
        assert_eq!(analyze_word("2025"), "2025");
        assert_eq!(analyze_word(""), "");
    }

    #[test]
    fn folded_text_holds_the_indexed_terms() {
        assert_eq!(
            fold_text("У Покровську, Syrskyi!"),
            terms("У Покровську, Syrskyi!").join(" ")
        );
        assert_eq!(fold_text("Покровськ"), fold_text("Pokrovsk"));
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "у Покровську тихо";
        let mut analyzer = latin_analyzer();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            assert!(text.get(t.offset_from..t.offset_to).is_some());
        }
    }
}
