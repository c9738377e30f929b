//! The place gazetteer: every known place with its names in every script, and
//! the matcher built from those names.
//!
//! The built-in data is three tab-separated layers compiled into the binary:
//! `places_world.tsv` (countries, world cities, seas), `places_ua.tsv`
//! (hand-curated Ukrainian and Russian border places) and
//! `places_geonames.tsv` (the long tail, generated from GeoNames by
//! `scripts/build_gazetteer.py`). A later layer never doubles an earlier one:
//! rows with the same geonameid, or the same name within 0.1° of each other,
//! are merged into the first (curated) entry.
//!
//! This module owns loading, merging, lookup ([`Gazetteer::resolve`],
//! [`Gazetteer::ancestors`]) and the name index used by
//! [`super::places::find_places`]. It performs no I/O except in
//! [`Gazetteer::with_geonames`], which reads the files the user names.
//!
//! # Matching design
//!
//! Every name is reduced by [`normalize`] (lower case, Latin accents and
//! apostrophes dropped, hyphens and punctuation turned into single spaces),
//! and the article text is reduced the same way by [`normalize_text`] with a
//! byte-offset map back to the original; there a word that starts with a
//! capital is preceded by the separator [`CAPITAL`] instead of a space. The
//! name index maps every normalised name (and every word-prefix of a
//! multi-word name) to the entries it names; the extractor jumps from one
//! [`CAPITAL`] to the next and reads words from there while some name goes
//! on, keeping the longest that matched ("Kharkiv Oblast" beats "Kharkiv").
//! The index is a hash table, not an automaton, because it is built per
//! process: it takes tens of milliseconds where an Aho-Corasick automaton
//! over the same names took most of a second. It is built on first use, so
//! [`Gazetteer::get`] and [`Gazetteer::ancestors`] never pay for it.
//!
//! Cyrillic names decline. A single-word name is stored as its stem(s) plus
//! the set of endings its declension rule allows (Покровськ- +
//! а/у/ом/і/е…, Харков- + а/у/ом/і with the і→о alternation, Києв- + а/і…,
//! Сум- + ах/ами…); the caller accepts a stem match when the rest of the word
//! is one of those endings. Multi-word names (Донецька область → Донецької
//! області) are expanded into whole forms at build time by [`inflect`], the
//! words put in the same case slot by slot (with the Ukrainian г/к/х → з/ц/с
//! before -і: Кривий Ріг → у Кривому Розі). Both keep matching a single
//! pass over the capitalised words.
//!
//! Polish and German reporting writes Ukrainian towns its own way. For every
//! curated city and town of Ukraine and Russia the index also holds, made by
//! rule from its names:
//! the Polish and German transliterations of each Cyrillic name (Донецк →
//! Donieck, Харьков → Charkow = Charków once accents fold, Запоріжжя →
//! Saporischschja, Миколаїв → Mykolajiw) and the Polish case forms of those
//! and of every single-word Latin name spelt the Polish way (Charków →
//! Charkowa, Charkowie; Chersoń → Chersoniu; from Бахмут, Bachmut →
//! Bachmutem, Bachmucie; from Одеса, Odesa → Odesie).
//! A made form never joins a form the data has, so it cannot create a
//! homonym of a written name or lend trust to a name that needs context; it
//! is marked [`Target::made`]. Exonyms no rule gives (Kijów, Lwów, Mikołajów, Krzywy
//! Róg) are variants in the data.
//!
//! # Where each part lives
//!
//! - `mod.rs`: the public types ([`Gazetteer`], [`PlaceEntry`], [`Variant`],
//!   [`Script`]).
//! - `layers.rs`: the data layers and their merge ([`Gazetteer::builtin`],
//!   [`Gazetteer::from_layers`], [`Gazetteer::with_geonames`]).
//! - `lookup.rs`: lookup by id and name, ancestors and facet paths.
//! - `matcher.rs`: the name index and matcher (`Target`, `Matcher`).
//! - `normalize.rs`: [`normalize`], [`normalize_text`] and the word walk
//!   (`words`).
//! - `declension.rs`: the Cyrillic declension of place names ([`inflect`]).
//! - `foreign.rs`: the Polish and German forms made by rule.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

mod declension;
mod foreign;
mod layers;
mod lookup;
mod matcher;
mod normalize;

pub use declension::inflect;
pub(crate) use matcher::{Matcher, Target, Targets};
pub(crate) use normalize::{is_apostrophe, words};
pub use normalize::{normalize, normalize_text, CAPITAL};

/// The writing system of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Latin letters (English and other romanisations).
    Latin,
    /// Cyrillic letters (Ukrainian, Russian, Belarusian, …).
    Cyrillic,
    /// Anything else or mixed.
    Other,
}

impl Script {
    /// The script of a name, judged by its letters.
    pub fn of(name: &str) -> Script {
        let (mut latin, mut cyrillic, mut other) = (false, false, false);
        for c in name.chars() {
            // ASCII first: the Unicode alphabetic table is slow, and most
            // names are plain ASCII.
            if c.is_ascii() {
                latin |= c.is_ascii_alphabetic();
                continue;
            }
            if !c.is_alphabetic() {
                continue;
            }
            match c {
                '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => latin = true,
                '\u{0400}'..='\u{052F}' => cyrillic = true,
                _ => other = true,
            }
        }
        match (latin, cyrillic, other) {
            (true, false, false) => Script::Latin,
            (false, true, false) => Script::Cyrillic,
            _ => Script::Other,
        }
    }
}

/// Another name of a place: a former name, a romanisation, a Cyrillic form.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The name as written in the data.
    pub text: String,
    /// Ambiguous on its own ("Dimitrov" is also a surname): the matcher only
    /// accepts it with place context.
    pub ambiguous: bool,
    /// Its writing system.
    pub script: Script,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceEntry {
    /// Unique ASCII id (`pokrovsk`, `donetsk-oblast`, `gn704422`).
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// Kind: country, oblast, raion, city, town, village, district, river, …
    pub kind: String,
    /// Id of the parent entry (oblast for a settlement, city for a district).
    pub parent: Option<String>,
    /// Id of the raion of a settlement.
    pub raion: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// Population, 0 when unknown.
    pub population: u64,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// The canonical name is also a common word or surname and needs context.
    pub ambiguous: bool,
    /// Every other name.
    pub variants: Vec<Variant>,
    /// Whether the entry comes from a hand-curated layer (wins ties).
    pub curated: bool,
}

impl PlaceEntry {
    /// Every name of the entry as (name, ambiguous, canonical): the
    /// canonical name, the variants, and for an oblast "X region",
    /// "X province" and "X oblast".
    pub fn names(&self) -> Vec<(std::borrow::Cow<'_, str>, bool, bool)> {
        let mut names = vec![(self.name.as_str().into(), self.ambiguous, true)];
        names.extend(
            self.variants
                .iter()
                .map(|v| (v.text.as_str().into(), v.ambiguous, false)),
        );
        if self.kind == "oblast" {
            if let Some(stem) = self.name.strip_suffix(" Oblast") {
                for word in ["region", "province", "oblast"] {
                    names.push((format!("{stem} {word}").into(), false, false));
                }
            }
        }
        names
    }

    /// Prominence rank of the kind: lower is more prominent. Used to choose
    /// between homonyms and to order [`Gazetteer::resolve`] candidates.
    pub fn kind_rank(&self) -> u8 {
        match self.kind.as_str() {
            "country" => 0,
            "oblast" | "region" | "former-state" => 1,
            "city" => 2,
            "sea" | "ocean" | "continent" => 3,
            "raion" => 4,
            "town" => 5,
            "river" | "reservoir" | "peninsula" | "island" | "strait" | "lake" | "spit" => 6,
            "village" => 7,
            "district" => 8,
            _ => 9,
        }
    }
}

/// The place gazetteer and its matcher.
pub struct Gazetteer {
    entries: Vec<PlaceEntry>,
    by_id: HashMap<String, usize>,
    /// Built on first use: [`Gazetteer::get`] and [`Gazetteer::ancestors`]
    /// never need it, so a command that only looks places up by id starts
    /// without paying for it.
    matcher: OnceLock<Matcher>,
    /// Facet path of every entry (by entry index), built on first use: the
    /// indexer asks for the paths of the places of every article, and
    /// walking the ancestors each time costs several lookups and a string.
    facet_paths: OnceLock<Vec<String>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.entries.len())
            .finish()
    }
}
