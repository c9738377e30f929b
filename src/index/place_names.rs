//! The index's place-name table: every name of every place in the index,
//! normalised, with the place a search for that name resolves to.
//!
//! Resolving `--place Krasnoarmeysk` through the gazetteer means building its
//! name index first, which costs tens of milliseconds, several times what
//! the search itself takes. The indexer has the gazetteer loaded anyway, so
//! after each run it writes, for the places in the index and the places
//! containing them, each of their names as the gazetteer would resolve it:
//!
//! ```text
//! # frontline place names <fingerprint of the built-in gazetteer>
//! krasnoarmeysk<TAB>pokrovsk<TAB>/ukraine/donetsk-oblast/pokrovsk-raion/pokrovsk
//! =pokrovsk<TAB>Pokrovsk
//! ```
//!
//! Lines starting with `=` give the display name of each id (facet counts
//! show names); a normalised name never starts with `=`.
//!
//! A search looks the normalised query up here and falls back to the
//! gazetteer when the name is missing (an inflected form, a place not in the
//! index) or the table was written from other data. The table is a cache:
//! each line is what [`Gazetteer::resolve`] answers for that key, so using it
//! never changes a result.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use rustc_hash::FxHashSet as HashSet;

use super::writer::facet_path;
use crate::extract::gazetteer::{normalize, Gazetteer};
use crate::extract::places::settlement_name;

/// File name of the table inside the index folder.
pub const FILE: &str = "place-names.tsv";

/// First line of the table, before the fingerprint.
const HEADER: &str = "# frontline place names ";

/// A resolved place: its gazetteer id and facet path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Gazetteer id.
    pub id: String,
    /// Facet path, root first.
    pub facet: String,
}

/// Write the table for the places in `index` (by the `place_tree` column,
/// which holds every place and its ancestors), resolved through the
/// built-in gazetteer. Replaces the file atomically.
pub fn write(dir: &Path, index: &tantivy::Index, gazetteer: &Gazetteer) -> anyhow::Result<()> {
    let ids = place_ids(index)?;
    let mut lines: BTreeMap<String, Resolved> = BTreeMap::new();
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for id in &ids {
        let Some(entry) = gazetteer.get(id) else {
            continue;
        };
        names.insert(&entry.id, &entry.name);
        for (name, _, _) in entry.names() {
            let key = normalize(&name);
            if key.is_empty() || lines.contains_key(&key) {
                continue;
            }
            if let Some(chosen) = gazetteer.resolve(&name).first() {
                lines.insert(
                    key,
                    Resolved {
                        id: chosen.id.clone(),
                        facet: facet_path(gazetteer, &chosen.id),
                    },
                );
            }
        }
    }
    // A settlement the gazetteer lacks (see `extract::places`) answers to
    // its Latin name, unless that is a name of a gazetteer place.
    let settlements: Vec<(&String, String)> = ids
        .iter()
        .filter(|id| gazetteer.get(id).is_none())
        .filter_map(|id| Some((id, settlement_name(id)?)))
        .collect();
    for (id, name) in &settlements {
        names.insert(id, name);
        let resolved = Resolved {
            id: id.to_string(),
            facet: facet_path(gazetteer, id),
        };
        lines
            .entry(normalize(name))
            .or_insert_with(|| resolved.clone());
        // The id itself as a key (normalised names never hold a `-`), so
        // `settlement_id` finds it even where a gazetteer place took the name.
        lines.insert(id.to_string(), resolved);
    }
    let mut out = format!("{HEADER}{:016x}\n", builtin_fingerprint());
    for (key, r) in &lines {
        if [key, &r.id, &r.facet]
            .iter()
            .any(|s| s.contains(['\t', '\n']))
        {
            continue;
        }
        out.push_str(&format!("{key}\t{}\t{}\n", r.id, r.facet));
    }
    for (id, name) in names {
        if ![id, name].iter().any(|s| s.contains(['\t', '\n'])) {
            out.push_str(&format!("={id}\t{name}\n"));
        }
    }
    let tmp = dir.join(format!("{FILE}.tmp"));
    std::fs::write(&tmp, out).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, dir.join(FILE))
        .with_context(|| format!("writing {}", dir.join(FILE).display()))?;
    Ok(())
}

/// [`Gazetteer::builtin_fingerprint`], hashed once per process (it reads
/// every built-in layer).
fn builtin_fingerprint() -> u64 {
    static FINGERPRINT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *FINGERPRINT.get_or_init(Gazetteer::builtin_fingerprint)
}

/// Remove the table (an index built with other gazetteer data).
pub fn remove(dir: &Path) -> anyhow::Result<()> {
    match std::fs::remove_file(dir.join(FILE)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).with_context(|| format!("removing {}", dir.join(FILE).display()))
        }
        _ => Ok(()),
    }
}

/// Whether the table in `dir` exists and was written from the built-in
/// gazetteer of this build.
pub fn is_current(dir: &Path) -> bool {
    Table::open(dir).is_some()
}

/// What the built-in gazetteer resolves `name` to, if the table in `dir`
/// knows the name. `None` means "ask the gazetteer", not "unknown place".
pub fn lookup(dir: &Path, name: &str) -> Option<Resolved> {
    Table::open(dir)?.resolve(name)
}

/// The table of an index, read once.
pub struct Table {
    text: String,
}

impl Table {
    /// The table in `dir`, if it exists and matches the built-in gazetteer.
    pub fn open(dir: &Path) -> Option<Table> {
        let text = std::fs::read_to_string(dir.join(FILE)).ok()?;
        let first = text.lines().next()?;
        let expected = format!("{HEADER}{:016x}", builtin_fingerprint());
        (first == expected).then_some(Table { text })
    }

    /// What the built-in gazetteer resolves `name` to, if the table knows
    /// the name.
    pub fn resolve(&self, name: &str) -> Option<Resolved> {
        let key = normalize(name);
        if key.is_empty() {
            return None;
        }
        self.text.lines().skip(1).find_map(|line| {
            let mut cols = line.split('\t');
            if cols.next()? != key {
                return None;
            }
            Some(Resolved {
                id: cols.next()?.to_string(),
                facet: cols.next()?.to_string(),
            })
        })
    }

    /// The place id itself as a filter (what links carry), when the place
    /// is in the index and some name of it resolves to it.
    pub fn resolve_id(&self, id: &str) -> Option<Resolved> {
        self.name_of(id)?;
        self.text.lines().skip(1).find_map(|line| {
            let mut cols = line.split('\t').skip(1);
            if cols.next()? != id {
                return None;
            }
            Some(Resolved {
                id: id.to_string(),
                facet: cols.next()?.to_string(),
            })
        })
    }

    /// The display name of a place id in the index.
    pub fn name_of(&self, id: &str) -> Option<&str> {
        self.text.lines().find_map(|line| {
            let (i, name) = line.strip_prefix('=')?.split_once('\t')?;
            (i == id).then_some(name)
        })
    }
}

/// Every place id in the index, with the places containing them.
fn place_ids(index: &tantivy::Index) -> anyhow::Result<HashSet<String>> {
    use super::schema::names;
    let reader = index.reader().context("opening the index reader")?;
    let searcher = reader.searcher();
    let mut ids = HashSet::default();
    for segment in searcher.segment_readers() {
        let Some(column) = segment.fast_fields().str(names::PLACE_TREE)? else {
            continue;
        };
        let mut stream = column.dictionary().stream()?;
        while stream.advance() {
            ids.insert(String::from_utf8_lossy(stream.key()).into_owned());
        }
    }
    Ok(ids)
}
