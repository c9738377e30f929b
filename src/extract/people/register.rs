//! The people register: known people of this war's reporting, each with the
//! conventional English name, Ukrainian and Russian nominative forms, other
//! Latin spellings, an affiliation and a side (`register.tsv` beside this
//! file; format in the README section "People register").
//!
//! The register gives a person found in an article its canonical name and
//! key, resolves a surname written alone when exactly one entry has it
//! ("Орбан", "Selenskyj"), links a foreign name written in Cyrillic to its
//! Latin form ("Кір Стармер" = Keir Starmer), and absorbs a misspelt surname
//! one edit away from an entry with the same given name ("Keir Starmar").
//!
//! Parsing is pure (text in, register out); reading a user's file is the
//! caller's job. A user's register is merged over the bundled one: a line
//! whose canonical name equals a bundled one replaces it.

use super::{person_key, surname_of_key};
use crate::extract::translit::fold;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const BUNDLED: &str = include_str!("register.tsv");

/// The bundled register merged with a user's, when one was given.
static USER: OnceLock<Register> = OnceLock::new();

/// The bundled register, built on first use or preloaded.
static BUNDLED_REGISTER: OnceLock<Register> = OnceLock::new();

/// The header line every register file starts with (after comments).
pub const HEADER: &str = "canonical\tuk\tru\tvariants\taffiliation\tside";

/// Surnames (lower-case Ukrainian nominatives) that many Ukrainian outlets
/// write in lower case on purpose: since 2022 the name of Russia's
/// president is written "путін" ("годує путіна та його посіпак"), as
/// "росія" and "рф" are. A lower-case case form of one of these is a
/// mention of the register's entry with that surname. A convention of the
/// press, not a spelling to guess: other lower-case surnames are words.
pub const WRITTEN_IN_LOWER_CASE: &[&str] = &["путін"];

/// Whether a lower-case Cyrillic word is the given name (first word) of a
/// Ukrainian or Russian form in the bundled register ("кір", "анналена").
/// Read straight from the file, so that computing keys never needs a
/// parsed register.
pub fn is_register_given(low: &str) -> bool {
    static GIVEN: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    GIVEN
        .get_or_init(|| {
            let mut set = rustc_hash::FxHashSet::default();
            for line in BUNDLED.lines().filter(|l| !l.starts_with('#')) {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() != 6 {
                    continue;
                }
                for form in cols[1].split('|').chain(cols[2].split('|')) {
                    let mut words = form.split_whitespace();
                    if let (Some(first), Some(_)) = (words.next(), words.next()) {
                        set.insert(first.to_lowercase());
                    }
                }
            }
            set
        })
        .contains(low)
}

/// Which side of the war a person is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Side {
    /// Ukraine.
    Ua,
    /// Russia.
    Ru,
    /// Anyone else.
    Other,
}

/// One person of the register.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// Conventional English name, given name first.
    pub canonical: String,
    /// Ukrainian nominative forms.
    pub uk: Vec<String>,
    /// Russian nominative forms.
    pub ru: Vec<String>,
    /// Other Latin spellings.
    pub variants: Vec<String>,
    /// Short English affiliation.
    pub affiliation: String,
    /// Side.
    pub side: Side,
    /// Identity key of the canonical name ([`person_key`]).
    pub key: String,
}

impl Entry {
    /// Whether `name` is written as the entry's canonical name or one of
    /// its Latin variants (any case): "Khalifa Haftar", not "Lockheed
    /// Martin" for a Micheál Martin.
    pub fn spells(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        std::iter::once(&self.canonical)
            .chain(&self.variants)
            .any(|n| n.to_lowercase() == name)
    }

    /// Whether one word of the canonical name or a Latin variant is
    /// `word` (lower case): "ZELENSKYY" is a spelling of Zelensky's,
    /// "MOODY" only folds like Modi.
    pub fn spells_word(&self, word: &str) -> bool {
        std::iter::once(&self.canonical)
            .chain(&self.variants)
            .any(|n| n.split_whitespace().any(|x| x.to_lowercase() == word))
    }
}

/// A malformed line of a register file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// The parsed register with its look-up tables. Serialisable, so that a
/// caller may keep the built tables (computing every form's key is most of
/// the cost of building them) and hand them back to [`Register::preload_bundled`].
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Register {
    entries: Vec<Entry>,
    /// Key of every form → entries having it.
    by_key: FxHashMap<String, Vec<usize>>,
    /// Folded surname of every form → entries having it.
    by_surname: FxHashMap<String, Vec<usize>>,
    /// Canonical given name → entries, for one-edit surname matches.
    by_given: FxHashMap<String, Vec<usize>>,
    /// (first byte, length) of a folded surname → those surnames.
    by_first_len: FxHashMap<(u8, usize), Vec<String>>,
}

impl Register {
    /// Parses a register file. Malformed lines are returned beside the
    /// register (line number and reason) and left out; a missing or wrong
    /// header is an error of the whole file.
    pub fn parse(text: &str) -> Result<(Register, Vec<LineError>), LineError> {
        let mut entries = Vec::new();
        let mut bad = Vec::new();
        let mut header_seen = false;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header_seen {
                if line.trim() != HEADER {
                    return Err(LineError {
                        line: i + 1,
                        reason: format!("expected the header {HEADER:?}"),
                    });
                }
                header_seen = true;
                continue;
            }
            match parse_line(line) {
                Ok(e) => entries.push(e),
                Err(reason) => bad.push(LineError {
                    line: i + 1,
                    reason,
                }),
            }
        }
        if !header_seen {
            return Err(LineError {
                line: 1,
                reason: format!("no header line {HEADER:?}"),
            });
        }
        // A later line with the same canonical name replaces the earlier
        // one in its place.
        let mut reg = Register::default();
        let mut at: FxHashMap<String, usize> = FxHashMap::default();
        for e in entries {
            match at.get(&e.canonical) {
                Some(&i) => reg.entries[i] = e,
                None => {
                    at.insert(e.canonical.clone(), reg.entries.len());
                    reg.entries.push(e);
                }
            }
        }
        reg.rebuild();
        Ok((reg, bad))
    }

    /// The register bundled with frontline.
    pub fn bundled() -> &'static Register {
        BUNDLED_REGISTER
            .get_or_init(|| Register::parse(BUNDLED).map(|(r, _)| r).unwrap_or_default())
    }

    /// Installs `reg` as the bundled register for the rest of the run, in
    /// place of building it: `reg` must be what [`Register::bundled`] builds
    /// with this version (the index keeps a copy, see
    /// `crate::index::people_register`). No effect once it is built.
    pub fn preload_bundled(reg: Register) {
        let _ = BUNDLED_REGISTER.set(reg);
    }

    /// Whether the bundled register is built (or preloaded) already.
    pub fn bundled_is_ready() -> bool {
        BUNDLED_REGISTER.get().is_some()
    }

    /// The register in use: the bundled one, merged with the user's given
    /// to [`Register::set_user`] (`--people FILE`).
    pub fn active() -> &'static Register {
        USER.get().unwrap_or_else(|| Register::bundled())
    }

    /// Merges a user's register over the bundled one for the rest of the
    /// run. Only the first call has an effect (the CLI makes one).
    pub fn set_user(user: Register) {
        let mut merged = Register::bundled().clone();
        merged.merge(user);
        let _ = USER.set(merged);
    }

    /// Entries, in file order (a replaced entry keeps its place).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Merges `other` over `self`: an entry whose canonical name is already
    /// here replaces it, others are added.
    pub fn merge(&mut self, other: Register) {
        let mut all = std::mem::take(&mut self.entries);
        for e in other.entries {
            match all.iter_mut().find(|x| x.canonical == e.canonical) {
                Some(x) => *x = e,
                None => all.push(e),
            }
        }
        *self = Register {
            entries: all,
            ..Register::default()
        };
        self.rebuild();
    }

    fn rebuild(&mut self) {
        self.by_key.clear();
        self.by_surname.clear();
        self.by_given.clear();
        self.by_first_len.clear();
        for i in 0..self.entries.len() {
            self.index(i);
        }
    }

    fn index(&mut self, idx: usize) {
        let e = &self.entries[idx];
        let forms = std::iter::once(&e.canonical)
            .chain(&e.uk)
            .chain(&e.ru)
            .chain(&e.variants);
        let mut keys: Vec<String> = forms.map(|f| person_key(f)).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            if k.is_empty() {
                continue;
            }
            let sur = surname_of_key(&k).to_string();
            if let Some(&b) = sur.as_bytes().first() {
                let bucket = self.by_first_len.entry((b, sur.len())).or_default();
                if !bucket.contains(&sur) {
                    bucket.push(sur.clone());
                }
            }
            push_unique(self.by_surname.entry(sur).or_default(), idx);
            if let Some((_, g)) = k.split_once(':') {
                push_unique(self.by_given.entry(g.to_string()).or_default(), idx);
            }
            push_unique(self.by_key.entry(k).or_default(), idx);
        }
    }

    /// The one entry with exactly this key, given name or not ("inping" is
    /// Xi Jinping's, whose given name no lexicon lists).
    pub fn resolve_key(&self, key: &str) -> Option<&Entry> {
        unique(self.by_key.get(key)?).map(|i| &self.entries[i])
    }

    /// The entry a person's key stands for: the same key (with a given
    /// name) on exactly one entry; else a surname one edit away, with the
    /// same given name, on exactly one entry (six letters or more).
    pub fn resolve_full(&self, key: &str) -> Option<&Entry> {
        let (sur, given) = key.split_once(':')?;
        if let Some(v) = self.by_key.get(key) {
            return unique(v).map(|i| &self.entries[i]);
        }
        if sur.len() < 6 {
            return None;
        }
        let near: Vec<usize> = self
            .by_given
            .get(given)?
            .iter()
            .copied()
            .filter(|&i| {
                let e = &self.entries[i];
                surname_of_key(&e.key).len() >= 6 && one_edit_apart(surname_of_key(&e.key), sur)
            })
            .collect();
        unique(&near).map(|i| &self.entries[i])
    }

    /// The one entry with this folded surname, if exactly one has it
    /// ("Johnson" alone is ambiguous when two Johnsons are listed).
    pub fn resolve_surname(&self, folded_surname: &str) -> Option<&Entry> {
        if let Some(v) = self.by_surname.get(folded_surname) {
            return self.principal(v).map(|i| &self.entries[i]);
        }
        self.resolve_near_surname(folded_surname)
    }

    /// The one entry whose surname is one edit away ("Starmar"), for
    /// surnames of six letters or more.
    fn resolve_near_surname(&self, sur: &str) -> Option<&Entry> {
        if sur.len() < 6 || !sur.is_ascii() {
            return None;
        }
        let mut found: Option<usize> = None;
        // Candidates share the first letter and differ in length by at
        // most one: a handful of surnames, not the whole register.
        let first = sur.as_bytes()[0];
        let lens = sur.len() - 1..=sur.len() + 1;
        for len in lens {
            let Some(bucket) = self.by_first_len.get(&(first, len)) else {
                continue;
            };
            for s in bucket {
                let Some(v) = self.by_surname.get(s) else {
                    continue;
                };
                if one_edit_apart(s, sur) {
                    for &i in v {
                        match found {
                            Some(j) if j != i => return None,
                            _ => found = Some(i),
                        }
                    }
                }
            }
        }
        found.map(|i| &self.entries[i])
    }

    /// [`Register::resolve_surname`] without the one-edit match: for words
    /// not yet known to be names, where a near match proves nothing.
    pub fn resolve_surname_exact(&self, folded_surname: &str) -> Option<&Entry> {
        self.principal(self.by_surname.get(folded_surname)?)
            .map(|i| &self.entries[i])
    }

    /// Of the entries sharing a surname, the one the bare surname names:
    /// the only one; or, when the others are listed as relatives of one of
    /// them ("Son of Joe Biden"), that one. News names a relative with a
    /// given name ("Hunter Biden") and the principal by surname alone
    /// ("Байден і Трамп").
    fn principal(&self, v: &[usize]) -> Option<usize> {
        if let Some(i) = unique(v) {
            return Some(i);
        }
        const KIN: &[&str] = &[
            "Son of ",
            "Daughter of ",
            "Wife of ",
            "Husband of ",
            "Widow of ",
            "Brother of ",
            "Sister of ",
            "Father of ",
            "Mother of ",
        ];
        let relative = |i: usize| {
            let e = &self.entries[i];
            KIN.iter().any(|k| e.affiliation.starts_with(k))
                && v.iter()
                    .any(|&j| j != i && e.affiliation.contains(self.entries[j].canonical.as_str()))
        };
        let rest: Vec<usize> = v.iter().copied().filter(|&i| !relative(i)).collect();
        unique(&rest)
    }

    /// The one entry with this folded surname whose affiliation names
    /// `title` ("Prime Minister"): a title in the text tells two people of
    /// one surname apart ("Прем'єр-міністром … Джонсоном" is Boris
    /// Johnson, not Mike Johnson, Speaker of the House).
    pub fn resolve_surname_titled(&self, folded_surname: &str, title: &str) -> Option<&Entry> {
        let v = self.by_surname.get(folded_surname)?;
        let fits: Vec<usize> = v
            .iter()
            .copied()
            .filter(|&i| self.entries[i].affiliation.contains(title))
            .collect();
        unique(&fits).map(|i| &self.entries[i])
    }

    /// The entries with this folded surname.
    pub fn surname_entries(&self, folded_surname: &str) -> Vec<&Entry> {
        self.by_surname
            .get(folded_surname)
            .map(|v| v.iter().map(|&i| &self.entries[i]).collect())
            .unwrap_or_default()
    }

    /// Whether any entry has this folded surname (one or several).
    pub fn has_surname(&self, folded_surname: &str) -> bool {
        self.by_surname.contains_key(folded_surname)
    }
}

/// Whether two folded surnames are one slip of the pen apart: one letter
/// added, dropped or changed, or two letters swapped ("Kubela" for
/// "Kuleba"). Only for surnames of six letters or more, where such a slip
/// rarely makes another real name.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    if a.len().min(b.len()) < 6 || a == b {
        return false;
    }
    // Necessary for both kinds of slip, and cheap: lengths at most one
    // character (four bytes) apart, and the first or the last letter shared
    // (one edit leaves one end alone). Most pairs stop here.
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if x.len().abs_diff(y.len()) > 4 || x[0] != y[0] && x[x.len() - 1] != y[y.len() - 1] {
        return false;
    }
    // One edit apart (Levenshtein distance 1). For ASCII, without the
    // distance table: past the longest common start and end, one edit
    // leaves at most one byte of each (a == b is ruled out above).
    let one_edit = if a.is_ascii() && b.is_ascii() {
        let p = x.iter().zip(y).take_while(|(c, d)| c == d).count();
        let (xr, yr) = (&x[p..], &y[p..]);
        let s = xr
            .iter()
            .rev()
            .zip(yr.iter().rev())
            .take_while(|(c, d)| c == d)
            .count();
        xr.len() - s <= 1 && yr.len() - s <= 1
    } else {
        strsim::levenshtein(a, b) == 1
    };
    if one_edit {
        return true;
    }
    // Two letters swapped, not necessarily side by side.
    if a.len() != b.len() || a.as_bytes()[0] != b.as_bytes()[0] {
        return false;
    }
    // Exactly two differing bytes, each the other's.
    let mut diff = (0..x.len()).filter(|&i| x[i] != y[i]);
    match (diff.next(), diff.next(), diff.next()) {
        (Some(i), Some(j), None) => x[i] == y[j] && x[j] == y[i],
        _ => false,
    }
}

fn push_unique(v: &mut Vec<usize>, i: usize) {
    if !v.contains(&i) {
        v.push(i);
    }
}

fn unique(v: &[usize]) -> Option<usize> {
    match v {
        [i] => Some(*i),
        _ => None,
    }
}

fn parse_line(line: &str) -> Result<Entry, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 6 {
        return Err(format!("{} columns, expected 6", cols.len()));
    }
    let list = |s: &str| -> Vec<String> {
        s.split('|')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    };
    let canonical = cols[0].trim().to_string();
    if canonical.is_empty() {
        return Err("empty canonical name".into());
    }
    let side = match cols[5].trim() {
        "UA" => Side::Ua,
        "RU" => Side::Ru,
        "other" => Side::Other,
        s => return Err(format!("side {s:?}, expected UA, RU or other")),
    };
    let key = person_key(&canonical);
    if key.is_empty() || fold(&canonical).trim().is_empty() {
        return Err(format!("cannot read {canonical:?} as a name"));
    }
    Ok(Entry {
        canonical,
        uk: list(cols[1]),
        ru: list(cols[2]),
        variants: list(cols[3]),
        affiliation: cols[4].trim().to_string(),
        side,
        key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "# test register\n\
        canonical\tuk\tru\tvariants\taffiliation\tside\n\
        Keir Starmer\tКір Стармер\tКир Стармер\t\tPrime Minister of the United Kingdom\tother\n\
        Annalena Baerbock\tАнналена Бербок\tАнналена Бербок\tAnnalena Berbok\tGerman Foreign Minister\tother\n\
        Volodymyr Zelensky\tВолодимир Зеленський\tВладимир Зеленский\tWolodymyr Selenskyj|Wołodymyr Zełenski\tPresident of Ukraine\tUA\n\
        Olena Zelenska\tОлена Зеленська\tЕлена Зеленская\tOlena Selenska\tFirst Lady of Ukraine\tUA\n\
        Boris Johnson\tБорис Джонсон\tБорис Джонсон\t\tPrime Minister of the United Kingdom (2019-2022)\tother\n\
        Mike Johnson\tМайк Джонсон\tМайк Джонсон\t\tSpeaker of the US House\tother\n\
        Maria Zakharova\tМарія Захарова\tМария Захарова\tMaria Zacharowa|María Zajárova\tRussian MFA spokeswoman\tRU\n\
        bad line with no tabs\n\
        Someone\t\t\t\t\tnowhere\n";

    fn reg() -> Register {
        let (r, bad) = Register::parse(TSV).unwrap();
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert_eq!(bad[0].line, 10);
        r
    }

    fn canon(r: &Register, name: &str) -> Option<String> {
        let k = person_key(name);
        if k.contains(':') {
            r.resolve_full(&k).map(|e| e.canonical.clone())
        } else {
            r.resolve_surname(&k).map(|e| e.canonical.clone())
        }
    }

    #[test]
    fn one_edit_apart_is_one_slip_of_six_letters_or_more() {
        let yes = [
            ("kuleba", "kubela"),      // two letters swapped
            ("starmer", "starmar"),    // one changed
            ("zelensky", "zelenskyy"), // one added at the end
            ("zelensky", "elensky"),   // one dropped at the start
            ("shmyhal", "chmyhal"),    // first letter changed
            ("bezuhla", "bezuhła"),    // a non-ASCII letter for an ASCII one
            ("łukaszenko", "lukaszenko"),
        ];
        let no = [
            ("kuleba", "kuleba"),   // the same
            ("kuleba", "kulebaaa"), // two added
            ("kuleba", "akuleb"),   // both ends changed
            ("putin", "putn"),      // too short
            ("zelensky", "zelenskii"),
            ("shmyhal", "shmyhalenko"),
            ("łukaszenko", "łukaszenkoów"),
        ];
        for (a, b) in yes {
            assert!(one_edit_apart(a, b) && one_edit_apart(b, a), "{a} {b}");
        }
        for (a, b) in no {
            assert!(!one_edit_apart(a, b) && !one_edit_apart(b, a), "{a} {b}");
        }
    }

    #[test]
    fn forms_resolve_to_the_canonical_name() {
        let r = reg();
        for (name, want) in [
            ("Кір Стармер", Some("Keir Starmer")),
            ("Кіром Стармером", Some("Keir Starmer")),
            ("Keir Starmar", Some("Keir Starmer")),
            ("Анналена Бербок", Some("Annalena Baerbock")),
            ("Annalena Baerbock", Some("Annalena Baerbock")),
            ("Selenskyj", Some("Volodymyr Zelensky")),
            ("Wołodymyr Zełenski", Some("Volodymyr Zelensky")),
            ("Олени Зеленської", Some("Olena Zelenska")),
            ("Maria Zacharowa", Some("Maria Zakharova")),
            ("María Zajárova", Some("Maria Zakharova")),
            // Must stay apart / unresolved.
            ("Johnson", None),
            ("Boris Johnson", Some("Boris Johnson")),
            ("Volodymyr Starmer", None),
        ] {
            assert_eq!(canon(&r, name).as_deref(), want, "{name}");
        }
        // Olena Zelenska is not Volodymyr Zelensky.
        assert_ne!(canon(&r, "Olena Zelenska"), canon(&r, "Volodymyr Zelensky"));
    }

    #[test]
    fn a_user_line_replaces_the_bundled_one() {
        let mut r = reg();
        let user = format!(
            "{HEADER}\nKeir Starmer\tКір Стармер\t\t\tLeader of the Labour Party\tother\n\
             Ivan Testenko\tІван Тестенко\tИван Тестенко\t\tTest person\tUA\n"
        );
        let (u, bad) = Register::parse(&user).unwrap();
        assert!(bad.is_empty());
        r.merge(u);
        let k = person_key("Keir Starmer");
        let e = if k.contains(':') {
            r.resolve_full(&k)
        } else {
            r.resolve_surname(&k)
        };
        assert_eq!(
            e.map(|e| e.affiliation.as_str()),
            Some("Leader of the Labour Party")
        );
        assert_eq!(
            r.entries()
                .iter()
                .filter(|e| e.canonical == "Keir Starmer")
                .count(),
            1
        );
        assert_eq!(
            canon(&r, "Івана Тестенка").as_deref(),
            Some("Ivan Testenko")
        );
    }

    #[test]
    fn a_file_without_the_header_is_refused() {
        assert!(Register::parse("Keir Starmer\t\t\t\t\tother\n").is_err());
        assert!(Register::parse("# only comments\n").is_err());
    }

    /// A bare surname names the principal, not a relative listed by
    /// kinship ("Son of Joe Biden"); the relative keeps his full name, and
    /// namesakes with no kinship stay unresolved.
    #[test]
    fn a_bare_surname_names_the_principal_not_the_relative() {
        let tsv = format!(
            "{HEADER}\nJoe Biden\tДжо Байден\tДжо Байден\t\tPresident of the United States\tother\n\
             Hunter Biden\tГантер Байден\tХантер Байден\t\tSon of Joe Biden\tother\n\
             Boris Johnson\tБорис Джонсон\tБорис Джонсон\t\tPrime Minister of the United Kingdom\tother\n\
             Mike Johnson\tМайк Джонсон\tМайк Джонсон\t\tSpeaker of the House\tother\n"
        );
        let (r, bad) = Register::parse(&tsv).unwrap();
        assert!(bad.is_empty(), "{bad:?}");
        for (name, want) in [
            ("Байден", Some("Joe Biden")),
            ("Biden", Some("Joe Biden")),
            ("Hunter Biden", Some("Hunter Biden")),
            ("Joe Biden", Some("Joe Biden")),
            // Must not: namesakes without kinship.
            ("Johnson", None),
            ("Джонсон", None),
        ] {
            assert_eq!(canon(&r, name).as_deref(), want, "{name}");
        }
        // The bundled register lists Hunter Biden as Joe Biden's son.
        assert_eq!(
            canon(Register::bundled(), "Байден").as_deref(),
            Some("Joe Biden")
        );
    }

    #[test]
    fn the_bundled_register_parses() {
        let (r, bad) = Register::parse(BUNDLED).unwrap();
        assert!(bad.is_empty(), "{bad:?}");
        assert!(!r.entries().is_empty());
    }
}
