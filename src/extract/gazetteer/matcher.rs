//! The name index and matcher: every normalised name and form of every
//! entry, with the filter and fuzzy indexes the extractor reads.

use rustc_hash::FxHashMap as HashMap;

use super::declension::{needs_context, rule_endings, single_word_stems, RULES};
use super::foreign::foreign_forms;
use super::{inflect, normalize, PlaceEntry, Script};

/// What a form of the name index stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Target {
    /// Index of the entry in [`Gazetteer::entries`](super::Gazetteer::entries).
    pub entry: u32,
    /// The name needs place context.
    pub ambiguous: bool,
    /// The name is the canonical name (modulo case and punctuation).
    pub canonical: bool,
    /// 0: the form is a whole word. k > 0: the form is a Cyrillic stem
    /// that must be followed by an ending of rule `RULES[k - 1]`.
    pub stem_rule: u8,
    /// The name is a two-letter code written in capitals ("UK").
    pub caps_code: bool,
    /// The form was made by rule (a Polish or German spelling or case
    /// form), not written in the data: weaker evidence at a sentence start.
    pub made: bool,
}

/// The targets of one mention: nearly always one or two, kept inline.
pub(crate) type Targets = smallvec::SmallVec<[Target; 2]>;

/// A set of strings as a two-probe Bloom filter over one 64-bit hash: no
/// false negatives, under 2 % false positives at 16 bits per key (then the
/// exact table decides).
pub(crate) struct KeyFilter {
    bits: Vec<u64>,
    mask: u64,
}

impl KeyFilter {
    /// The two bit positions of `key`, from the two halves of its hash.
    fn probes(&self, key: &str) -> [u64; 2] {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        h.write(key.as_bytes());
        let h = h.finish();
        [h & self.mask, (h >> 32).rotate_left(7) & self.mask]
    }

    /// A filter holding `keys`, with about 16 bits per key.
    fn new<'a>(keys: impl ExactSizeIterator<Item = &'a String>) -> KeyFilter {
        let size = (keys.len() * 16).next_power_of_two().max(64);
        let mut f = KeyFilter {
            bits: vec![0u64; size / 64],
            mask: size as u64 - 1,
        };
        for k in keys {
            for b in f.probes(k) {
                if let Some(w) = f.bits.get_mut((b / 64) as usize) {
                    *w |= 1 << (b % 64);
                }
            }
        }
        f
    }

    /// False only when `key` is surely not in the set.
    pub fn may_contain(&self, key: &str) -> bool {
        self.probes(key).iter().all(|&b| {
            self.bits
                .get((b / 64) as usize)
                .is_some_and(|w| w & (1 << (b % 64)) != 0)
        })
    }
}

/// Names for fuzzy matching, by three chars and the char count.
pub(crate) type FuzzyIndex = HashMap<(char, char, char, usize), Vec<(String, u32)>>;

/// One normalised form of the name index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Form {
    /// Index into [`Matcher::targets`], or `u32::MAX` when the form is only
    /// the beginning of longer names.
    pub targets: u32,
    /// Some longer multi-word name starts with this form plus a space.
    pub continues: bool,
}

impl Form {
    /// The index into [`Matcher::targets`], if the form names something.
    pub fn slot(self) -> Option<u32> {
        (self.targets != u32::MAX).then_some(self.targets)
    }
}

/// The name index (built once per gazetteer, on first use).
///
/// Names are looked up word by word rather than through an automaton:
/// every mention starts at a capitalised word, so the extractor tries the
/// words from there one at a time ("donetsk", "donetsk people", …) and
/// stops as soon as no name goes on that way. Building this is a few hash
/// inserts per name, where an Aho-Corasick automaton over the same names
/// took most of a second, and any capitalisation of the inner words
/// ("Kharkiv region", "Kharkiv Region", "KHARKIV REGION") is one key.
pub(crate) struct Matcher {
    /// Per form: the entries it names.
    pub targets: Vec<Vec<Target>>,
    /// Normalised form (words joined by single spaces, see [`normalize`]) →
    /// its targets and whether longer names go on from it.
    pub forms: HashMap<String, Form>,
    /// A one-hash bit filter over the keys of `forms`: most capitalised
    /// words name nothing, and this answers them without touching the
    /// (much larger, cache-cold) hash table.
    pub filter: KeyFilter,
    /// Fuzzy index of prominent single-word names of 8+ letters: (first
    /// three chars, char count) → (normalised name, entry). One edit past
    /// the third letter leaves the first three alone.
    pub fuzzy_head: FuzzyIndex,
    /// The same names by (first char, last two chars, char count): in a
    /// name of 8+ letters, an edit in the second or third letter leaves the
    /// last two alone. (The first letter is never misspelt here.)
    pub fuzzy_tail: FuzzyIndex,
    /// Per rule of [`RULES`]: the endings its stems accept.
    pub endings: Vec<Vec<&'static str>>,
}

impl Matcher {
    /// Whether target `t` accepts a word that goes on with `rest` after the
    /// form (empty at a word boundary).
    pub fn accepts(&self, t: &Target, rest: &str) -> bool {
        if t.stem_rule == 0 {
            rest.is_empty()
        } else {
            !rest.is_empty()
                && self
                    .endings
                    .get(t.stem_rule as usize - 1)
                    .is_some_and(|e| e.contains(&rest))
        }
    }

    /// Whether some target of `slot` accepts `rest` (no allocation).
    pub fn any_accepts(&self, slot: u32, rest: &str) -> bool {
        self.targets
            .get(slot as usize)
            .is_some_and(|list| list.iter().any(|t| self.accepts(t, rest)))
    }

    /// The targets of `slot` when the word goes on with `rest` after the
    /// form (empty at a word boundary).
    pub fn targets_with_rest(&self, slot: u32, rest: &str) -> Targets {
        let Some(list) = self.targets.get(slot as usize) else {
            return Targets::new();
        };
        list.iter()
            .filter(|t| self.accepts(t, rest))
            .copied()
            .collect()
    }

    /// The entry of `key` in the form table (filtered first).
    pub fn form(&self, key: &str) -> Option<Form> {
        if !self.filter.may_contain(key) {
            return None;
        }
        self.forms.get(key).copied()
    }

    /// The slot of a whole normalised form, if it names something.
    pub fn slot(&self, norm: &str) -> Option<u32> {
        self.form(norm).and_then(|f| f.slot())
    }

    /// A declined single word: the longest stem of `word` whose rule accepts
    /// the rest as an ending (endings are at most three letters), as
    /// (stem length in bytes, slot).
    pub fn stem_of(&self, word: &str) -> Option<(usize, u32)> {
        for (k, _) in word.char_indices().rev().take(4) {
            if k == 0 {
                break;
            }
            if let Some(slot) = self.slot(&word[..k]) {
                if self.any_accepts(slot, &word[k..]) {
                    return Some((k, slot));
                }
            }
        }
        None
    }

    /// Targets of a whole normalised name, inflected forms included.
    pub fn lookup(&self, norm: &str) -> Vec<Target> {
        if let Some(p) = self.slot(norm) {
            let t = self.targets_with_rest(p, "");
            if !t.is_empty() {
                return t.into_vec();
            }
        }
        if norm.contains(' ') {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (k, _) in norm.char_indices().rev().take(4) {
            if k == 0 {
                break;
            }
            if let Some(p) = self.slot(&norm[..k]) {
                for t in self.targets_with_rest(p, &norm[k..]) {
                    if !out.iter().any(|o: &Target| o.entry == t.entry) {
                        out.push(t);
                    }
                }
            }
        }
        out
    }
}

/// Names shorter than this (after normalising) are not matched: two-letter
/// codes collide with words, unless written in capitals in the data (then
/// the text must write them in capitals too).
const MIN_NAME_LEN: usize = 3;

pub(super) fn build_matcher(entries: &[PlaceEntry]) -> Matcher {
    let mut by_form: HashMap<String, u32> = HashMap::default();
    let mut targets: Vec<Vec<Target>> = Vec::new();
    let mut fuzzy_head = FuzzyIndex::default();
    let mut fuzzy_tail = FuzzyIndex::default();
    // `made`: a form made by rule, added only where no other entry has it.
    let mut add = |form: String, t: Target, targets: &mut Vec<Vec<Target>>, made: bool| {
        // A two-letter code is kept only when the data writes it in
        // capitals ("UK"); the extractor then wants capitals in the text.
        let short_code = form.len() == 2 && form.bytes().all(|b| b.is_ascii_lowercase());
        if form.chars().count() < MIN_NAME_LEN && !(short_code && t.caps_code) {
            return;
        }
        // A made form never joins a form the data already has (for this
        // entry or another): it would make a homonym, or lend its own
        // trust to a name the data marks as needing context. Two made forms
        // alike are homonyms, settled like any (Pokrowskiem: Pokrovsk, or
        // the smaller Pokrovske).
        if made
            && by_form.get(&form).is_some_and(|&p| {
                targets[p as usize]
                    .iter()
                    .any(|x| !x.made || x.entry == t.entry)
            })
        {
            return;
        }
        let p = *by_form.entry(form).or_insert_with(|| {
            targets.push(Vec::new());
            (targets.len() - 1) as u32
        });
        let list = &mut targets[p as usize];
        match list
            .iter_mut()
            .find(|x| x.entry == t.entry && x.stem_rule == t.stem_rule)
        {
            // The same entry through two names: keep the most trusting view.
            Some(x) => {
                x.ambiguous &= t.ambiguous;
                x.canonical |= t.canonical;
            }
            None => list.push(t),
        }
    };
    for (i, e) in entries.iter().enumerate() {
        let i = i as u32;
        let prominent = e.curated || e.population >= 10_000;
        for (name, ambiguous, canonical) in e.names() {
            let name = name.as_ref();
            let mut norm = normalize(name);
            // "the Dnipro River": the article is context, not name, and a
            // lower-case first letter would fail the capital check.
            if let Some(rest) = norm.strip_prefix("the ") {
                norm = rest.to_string();
            }
            let t = Target {
                entry: i,
                ambiguous,
                canonical,
                stem_rule: 0,
                caps_code: name.len() == 2 && name.bytes().all(|b| b.is_ascii_uppercase()),
                made: false,
            };
            if prominent && !ambiguous && !norm.contains(' ') {
                let chars: Vec<char> = norm.chars().collect();
                let n = chars.len();
                if n >= 8 {
                    fuzzy_head
                        .entry((chars[0], chars[1], chars[2], n))
                        .or_default()
                        .push((norm.clone(), i));
                    fuzzy_tail
                        .entry((chars[0], chars[n - 2], chars[n - 1], n))
                        .or_default()
                        .push((norm.clone(), i));
                }
            }
            if Script::of(name) == Script::Cyrillic && !norm.contains(' ') {
                for (stem, rule) in single_word_stems(&norm) {
                    let t = Target {
                        canonical: false,
                        stem_rule: rule as u8 + 1,
                        caps_code: false,
                        ambiguous: t.ambiguous || needs_context(rule),
                        ..t
                    };
                    add(stem, t, &mut targets, false);
                }
            } else if prominent && Script::of(name) == Script::Cyrillic {
                // Multi-word names inflect into up to twelve forms each;
                // only prominent places are worth the index size.
                for form in inflect(&norm) {
                    add(
                        form,
                        Target {
                            canonical: false,
                            ..t
                        },
                        &mut targets,
                        false,
                    );
                }
            }
            add(norm, t, &mut targets, false);
        }
    }
    // Polish and German spellings of Ukrainian and Russian towns, made by
    // rule from their Cyrillic names (Харків → Charkiw, Харьков → Charkow =
    // Charków, Донецк → Donieck, Запоріжжя → Saporischschja), and the Polish
    // case forms of those and of the Polish names in the data ("w
    // Charkowie", "pod Bachmutem", "z Kijowa"). Added after every real name
    // and never over one, so a rule-made form cannot create a homonym.
    let mut made: Vec<(String, Target)> = Vec::new();
    let by_id: HashMap<&str, &PlaceEntry> = entries.iter().map(|e| (e.id.as_str(), e)).collect();
    // Only towns of Ukraine and Russia: elsewhere Polish and German have
    // their own names, and a case form of a foreign capital ("Tallinna")
    // is more often part of a company name.
    let in_ua_ru = |e: &PlaceEntry| {
        let mut cur = e;
        for _ in 0..8 {
            match cur.parent.as_deref() {
                Some(p @ ("ukraine" | "russia")) => return by_id.contains_key(p),
                Some(p) => match by_id.get(p) {
                    Some(next) => cur = next,
                    None => return false,
                },
                None => return false,
            }
        }
        false
    };
    for (i, e) in entries.iter().enumerate() {
        if !e.curated || !matches!(e.kind.as_str(), "city" | "town") || !in_ua_ru(e) {
            continue;
        }
        for (name, ambiguous, _) in e.names() {
            let t = Target {
                entry: i as u32,
                // An entry whose own name needs context lends that to every
                // spelling made from its names.
                ambiguous: ambiguous || e.ambiguous,
                canonical: false,
                stem_rule: 0,
                caps_code: false,
                made: true,
            };
            for form in foreign_forms(&name) {
                made.push((form, t));
            }
        }
    }
    for (form, t) in made {
        if form.chars().count() >= 4 {
            add(form, t, &mut targets, true);
        }
    }
    // Every word-prefix of a multi-word form ("donetsk", "donetsk people",
    // "donetsk people s") is marked so that the word-by-word lookup knows to
    // go on.
    let mut forms: HashMap<String, Form> = by_form
        .into_iter()
        .map(|(f, p)| {
            (
                f,
                Form {
                    targets: p,
                    continues: false,
                },
            )
        })
        .collect();
    let multi: Vec<String> = forms.keys().filter(|f| f.contains(' ')).cloned().collect();
    for f in multi {
        for (sp, _) in f.match_indices(' ') {
            forms
                .entry(f[..sp].to_string())
                .or_insert(Form {
                    targets: u32::MAX,
                    continues: false,
                })
                .continues = true;
        }
    }
    Matcher {
        targets,
        filter: KeyFilter::new(forms.keys()),
        forms,
        fuzzy_head,
        fuzzy_tail,
        endings: (0..RULES.len()).map(rule_endings).collect(),
    }
}
