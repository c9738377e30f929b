//! Lexicons (given names, role, organisation and other word lists) parsed
//! once from the data files, lower-casing helpers, and the per-text and
//! per-thread caches of given-name and fold look-ups.

use super::*;

pub(super) const GIVEN_NAMES: &str = include_str!("../data/people_given_names.txt");
pub(super) const WORDS: &str = include_str!("../data/people_words.txt");

/// Lexicons, parsed once from the data files.
pub(super) struct Lexicon {
    /// Lower-cased listed spelling → canonical given name (fast path).
    pub(super) given_exact: FxHashMap<String, &'static str>,
    /// [`fold`] of each listed spelling → canonical given name.
    pub(super) given_fold: FxHashMap<String, &'static str>,
    /// Canonical given names listed among women's names only (Anna, not
    /// Sasha or Jean): their grammar is a woman's.
    pub(super) given_women: rustc_hash::FxHashSet<&'static str>,
    /// Word (lower case) → the sections of `people_words.txt` that list it,
    /// as a bit set of the `W_*` flags: one look-up answers every question.
    pub(super) words: FxHashMap<&'static str, u16>,
    /// The `[kind]` section: nouns naming a kind of thing ("agency",
    /// "exercise"), kept apart from `words` so that no other rule sees them
    /// as known words.
    pub(super) kinds: FxHashSet<&'static str>,
    /// The `[east_asian_surname]` section (see `key::east_asian_order`),
    /// also kept apart: a surname is no known word.
    pub(super) east_asian: FxHashSet<&'static str>,
}

pub(super) const W_ROLE: u16 = 1 << 0;
pub(super) const W_MODIFIER: u16 = 1 << 1;
pub(super) const W_CONNECTOR: u16 = 1 << 2;
pub(super) const W_DETERMINER: u16 = 1 << 3;
pub(super) const W_VERB: u16 = 1 << 4;
pub(super) const W_ORG: u16 = 1 << 5;
pub(super) const W_STOP: u16 = 1 << 6;
pub(super) const W_MONTH: u16 = 1 << 7;
pub(super) const W_PARTICLE: u16 = 1 << 8;
pub(super) const W_NATIONALITY: u16 = 1 << 9;
pub(super) const W_COMMON: u16 = 1 << 10;

/// Section names of `people_words.txt` and their flags.
pub(super) const SECTIONS: &[(&str, u16)] = &[
    ("role", W_ROLE),
    ("modifier", W_MODIFIER),
    ("connector", W_CONNECTOR),
    ("determiner", W_DETERMINER),
    ("verb", W_VERB),
    ("org", W_ORG),
    ("stop", W_STOP),
    ("month", W_MONTH),
    ("particle", W_PARTICLE),
    ("nationality", W_NATIONALITY),
    ("common", W_COMMON),
];

impl Lexicon {
    /// The `W_*` flags of a lower-cased word.
    pub(super) fn flags(&self, w: &str) -> u16 {
        self.words.get(w).copied().unwrap_or(0)
    }

    /// A role word, also in a Ukrainian or Russian case form
    /// ("Президента", "полковнику", "генерал-лейтенантом").
    pub(super) fn has_role(&self, w: &str) -> bool {
        self.flags(w) & W_ROLE != 0 || cyrillic_role(self, w)
    }

    pub(super) fn has_modifier(&self, w: &str) -> bool {
        self.flags(w) & W_MODIFIER != 0
    }

    pub(super) fn has_connector(&self, w: &str) -> bool {
        self.flags(w) & W_CONNECTOR != 0
    }

    pub(super) fn has_determiner(&self, w: &str) -> bool {
        self.flags(w) & W_DETERMINER != 0
    }

    pub(super) fn has_verb(&self, w: &str) -> bool {
        self.flags(w) & W_VERB != 0
    }

    pub(super) fn has_org(&self, w: &str) -> bool {
        self.flags(w) & W_ORG != 0
    }

    pub(super) fn has_stop(&self, w: &str) -> bool {
        self.flags(w) & W_STOP != 0
    }

    pub(super) fn has_month(&self, w: &str) -> bool {
        self.flags(w) & W_MONTH != 0
    }

    pub(super) fn has_particle(&self, w: &str) -> bool {
        self.flags(w) & W_PARTICLE != 0
    }

    pub(super) fn has_nationality(&self, w: &str) -> bool {
        self.flags(w) & W_NATIONALITY != 0
    }

    pub(super) fn has_common(&self, w: &str) -> bool {
        self.flags(w) & W_COMMON != 0
    }
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build_lexicon)
}

pub(super) fn build_lexicon() -> Lexicon {
    let mut given_exact = FxHashMap::default();
    let mut given_fold = FxHashMap::default();
    // Canonical names by the gender of the section (`# --- … (female) ---`)
    // that lists them.
    let mut women = rustc_hash::FxHashSet::default();
    let mut men = rustc_hash::FxHashSet::default();
    let mut female = false;
    for line in GIVEN_NAMES.lines() {
        let line = line.trim();
        if line.starts_with("# ---") {
            female = line.contains("(female)");
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let Some(canon) = words.next() else { continue };
        if female {
            women.insert(canon);
        } else {
            men.insert(canon);
        }
        for w in std::iter::once(canon).chain(words) {
            // The first line that lists a spelling wins.
            given_exact.entry(w.to_lowercase()).or_insert(canon);
            given_fold.entry(fold(w)).or_insert(canon);
        }
    }
    let mut words: FxHashMap<&'static str, u16> = FxHashMap::default();
    let mut kinds: FxHashSet<&'static str> = FxHashSet::default();
    let mut east_asian: FxHashSet<&'static str> = FxHashSet::default();
    let mut current = 0u16;
    // The sections kept apart from `words`.
    let mut apart: Option<&mut FxHashSet<&'static str>> = None;
    for line in WORDS.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            apart = match name {
                "kind" => Some(&mut kinds),
                "east_asian_surname" => Some(&mut east_asian),
                _ => None,
            };
            current = SECTIONS
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(0, |(_, f)| *f);
            continue;
        }
        for w in line.split_whitespace() {
            match apart.as_deref_mut() {
                Some(set) => {
                    set.insert(w);
                }
                None => *words.entry(w).or_default() |= current,
            }
        }
    }
    women.retain(|c| !men.contains(c));
    Lexicon {
        given_exact,
        given_fold,
        given_women: women,
        words,
        kinds,
        east_asian,
    }
}

/// Lower-cased form of a word for lexicon look-ups, with apostrophes made
/// ASCII. Borrows when the word is already lower-case ASCII.
pub(super) fn lower(word: &str) -> Cow<'_, str> {
    let mut s = String::new();
    if lower_into(word, &mut s) {
        Cow::Owned(s)
    } else {
        Cow::Borrowed(word)
    }
}

/// Appends the lower-cased form of `word` to `out` when it differs from
/// `word` (capitals or typographic apostrophes) and says whether it did;
/// otherwise `out` is left alone and the word is its own lower-case form.
pub(super) fn lower_into(word: &str, out: &mut String) -> bool {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return false;
        }
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
        return true;
    }
    if word
        .chars()
        .all(|c| !is_upper(c) && (c == '\'' || !is_apostrophe(c)))
    {
        return false;
    }
    for c in word.chars() {
        if is_apostrophe(c) {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    true
}

/// Whether a word starts with a capital; one byte decides for ASCII.
#[inline]
pub(super) fn starts_upper(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => w.starts_with(is_upper),
        None => false,
    }
}

/// `char::is_uppercase` with fast paths for ASCII and Cyrillic.
#[inline]
pub(super) fn is_upper(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_uppercase(),
        0x400..=0x42F => true,
        0x430..=0x45F => false,
        0x460..=0x4FF => (c as u32).is_multiple_of(2),
        _ => c.is_uppercase(),
    }
}

/// The canonical given name for a word, and whether a Cyrillic case ending
/// had to be removed to find it ("Володимира" → volodymyr, inflected).
pub(super) fn given_canon(word: &str) -> Option<(&'static str, bool)> {
    given_canon_low(word, &lower(word))
}

/// [`given_canon`] with the lower-cased word already at hand.
pub(super) fn given_canon_low(word: &str, low: &str) -> Option<(&'static str, bool)> {
    let lex = lexicon();
    // "German", "May", "The": never given names here, whatever they fold to.
    if lex.flags(low) & (W_STOP | W_NATIONALITY | W_MONTH) != 0 {
        return None;
    }
    if let Some(c) = lex.given_exact.get(low) {
        return Some((c, false));
    }
    // Given names are short: a long word is not worth folding.
    if low.len() > 24 {
        return None;
    }
    let key = fold(word);
    if key.len() < 2 {
        return None;
    }
    if let Some(c) = lex.given_fold.get(&key) {
        return Some((c, false));
    }
    if !word.chars().any(is_cyrillic) {
        // A man's given name in a Polish case ("Donaldem", "Andrzejowi").
        return super::polish::given_in_case(low, false).map(|c| (c, true));
    }
    // Cyrillic case endings: try the stem with the usual nominative endings.
    const ENDINGS: &[&str] = &[
        "ові", "еві", "єві", "ою", "ею", "єю", "ом", "ем", "єм", "ій", "ої", "а", "я", "у", "ю",
        "і", "ї", "и", "е", "ы",
    ];
    for e in ENDINGS {
        if let Some(stem) = low.strip_suffix(e) {
            if stem.chars().count() < 2 {
                continue;
            }
            for add in ["", "а", "я", "й", "ь", "о"] {
                let cand = format!("{stem}{add}");
                if let Some(c) = lex.given_fold.get(&fold(&cand)) {
                    return Some((c, true));
                }
            }
        }
    }
    None
}

/// [`given_canon`] of each token, computed at most once per token.
pub(super) struct GivenCache<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok],
    pub(super) cells: Vec<std::cell::OnceCell<Option<(&'static str, bool)>>>,
    /// Lower-cased forms of the words that needed one, end to end: one
    /// buffer per text instead of one allocation per capitalised word.
    pub(super) low_buf: String,
    /// Per token: byte range of its lower-cased form, in `low_buf` when the
    /// flag is set, else in `text` (the word is already lower case).
    pub(super) low: Vec<(usize, usize, bool)>,
}

impl<'a> GivenCache<'a> {
    pub(super) fn new(text: &'a str, toks: &'a [Tok]) -> Self {
        // Room for the capitalised words of most texts: grown once, if at all.
        let mut low_buf = String::with_capacity((text.len() / 4).min(1 << 16));
        let low = toks
            .iter()
            .map(|t| {
                if t.kind != Kind::Word {
                    return (t.start, t.end, false);
                }
                // Most words are lower-case ASCII and need no copy: a
                // lower-case first byte stands for the word (an inner
                // capital, as in "iPhone", changes no look-up here).
                let b = &text.as_bytes()[t.start..t.end];
                let plain = b.first().is_some_and(u8::is_ascii_lowercase) && b.is_ascii();
                let from = low_buf.len();
                if !plain && lower_into(&text[t.start..t.end], &mut low_buf) {
                    (from, low_buf.len(), true)
                } else {
                    (t.start, t.end, false)
                }
            })
            .collect();
        GivenCache {
            text,
            toks,
            cells: (0..toks.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            low_buf,
            low,
        }
    }

    /// [`fold`] of a surname word, computed once per distinct word.
    pub(super) fn fold_word(&self, w: &str) -> String {
        self.with_fold(w, str::to_string)
    }

    /// `f` of the [`fold`] of a word, the fold computed once per distinct
    /// word and not copied. `f` must not call back into the memo.
    pub(super) fn with_fold<R>(&self, w: &str, f: impl FnOnce(&str) -> R) -> R {
        WordMemo::with(|m| {
            if !m.folds.contains_key(w) {
                WordMemo::insert(&mut m.folds, w, fold(w));
            }
            f(m.folds.get(w).map_or("", String::as_str))
        })
    }

    /// Lower-cased text of token `k`.
    pub(super) fn lw(&self, k: usize) -> &str {
        match self.low.get(k) {
            Some(&(s, e, true)) => self.low_buf.get(s..e).unwrap_or(""),
            Some(&(s, e, false)) => self.text.get(s..e).unwrap_or(""),
            None => "",
        }
    }

    pub(super) fn at(&self, k: usize) -> Option<(&'static str, bool)> {
        let cell = self.cells.get(k)?;
        *cell.get_or_init(|| {
            let t = &self.toks[k];
            if t.kind != Kind::Word {
                return None;
            }
            let w: &'a str = &self.text[t.start..t.end];
            WordMemo::get_or_compute(|m| &mut m.given, w, |w| given_canon_low(w, self.lw(k)))
        })
    }
}

/// Per-thread memo of the costly per-word answers: [`given_canon_low`],
/// [`given_nominative`], the nominative readings of a lone word and the
/// [`fold`] of surname words. Names recur across the articles of a run far
/// more than within one, so the memo outlives a text (indexing threads each
/// keep their own, with no locking). Each table is emptied whenever it
/// reaches [`WordMemo::CAP`] words, which bounds memory on any corpus.
#[derive(Default)]
pub(super) struct WordMemo {
    pub(super) given: FxHashMap<Box<str>, Option<(&'static str, bool)>>,
    pub(super) given_nominative: FxHashMap<Box<str>, Option<&'static str>>,
    pub(super) nominatives: FxHashMap<Box<str>, Vec<String>>,
    pub(super) folds: FxHashMap<Box<str>, String>,
}

impl WordMemo {
    const CAP: usize = 50_000;

    /// Runs `f` on this thread's memo. `f` must not call back into it.
    pub(super) fn with<R>(f: impl FnOnce(&mut WordMemo) -> R) -> R {
        thread_local! {
            static MEMO: std::cell::RefCell<WordMemo> = std::cell::RefCell::new(WordMemo::default());
        }
        MEMO.with(|m| f(&mut m.borrow_mut()))
    }

    /// Inserts into one of the tables, emptying it first when full.
    pub(super) fn insert<V>(table: &mut FxHashMap<Box<str>, V>, w: &str, v: V) {
        if table.len() >= Self::CAP {
            table.clear();
        }
        table.insert(w.into(), v);
    }

    /// The memo's answer for `w` in the table `table` picks, else
    /// `compute(w)` (run outside the memo, so it may use it), remembered.
    pub(super) fn get_or_compute<V: Clone>(
        table: fn(&mut WordMemo) -> &mut FxHashMap<Box<str>, V>,
        w: &str,
        compute: impl FnOnce(&str) -> V,
    ) -> V {
        if let Some(v) = Self::with(|m| table(m).get(w).cloned()) {
            return v;
        }
        let v = compute(w);
        Self::with(|m| Self::insert(table(m), w, v.clone()));
        v
    }
}

/// [`morphology::word_nominatives`], computed once per distinct word and
/// thread (7,000 instructions a call; the same words come back in every
/// text).
pub(super) fn word_nominatives(l: &str) -> Vec<String> {
    WordMemo::get_or_compute(|m| &mut m.nominatives, l, morphology::word_nominatives)
}
