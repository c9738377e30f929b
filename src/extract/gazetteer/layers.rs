//! Loading: the built-in data layers and the user's GeoNames dumps, merged
//! into one list of entries (a later layer never doubles an earlier one).

use rustc_hash::FxHashMap as HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use anyhow::Context;

use super::{normalize, Gazetteer, PlaceEntry, Script, Variant};

/// The built-in layers, in priority order (an earlier row wins a merge).
const BUILTIN_LAYERS: [(&str, &str, bool); 3] = [
    (
        "places_world.tsv",
        include_str!("../data/places_world.tsv"),
        true,
    ),
    ("places_ua.tsv", include_str!("../data/places_ua.tsv"), true),
    (
        "places_geonames.tsv",
        include_str!("../data/places_geonames.tsv"),
        false,
    ),
];

static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();

impl Gazetteer {
    /// The built-in gazetteer, built once per process.
    pub fn builtin() -> &'static Gazetteer {
        BUILTIN.get_or_init(|| {
            let mut b = Builder::default();
            for (name, text, curated) in BUILTIN_LAYERS {
                // Built-in data is checked by tests; a bad line is skipped.
                b.add_layer(name, text, curated);
            }
            b.finish()
        })
    }

    /// Build a gazetteer from gazetteer-format TSV layers (11 columns, see
    /// `scripts/build_gazetteer.py`), the first layer winning merges.
    /// Returns the gazetteer and one warning per skipped line.
    pub fn from_layers(layers: &[(&str, &str, bool)]) -> (Gazetteer, Vec<String>) {
        let mut b = Builder::default();
        for (name, text, curated) in layers {
            b.add_layer(name, text, *curated);
        }
        let warnings = std::mem::take(&mut b.warnings);
        (b.finish(), warnings)
    }

    /// The built-in data plus the user's GeoNames dumps (19-column
    /// `geoname` table format: `UA.txt`, `cities500.txt`, …). Alternate
    /// names become variants; rows naming an existing place (same
    /// geonameid, or same name within 0.1°) are merged into it. Malformed
    /// lines are skipped; the returned strings describe them.
    pub fn with_geonames(paths: &[PathBuf]) -> anyhow::Result<(Gazetteer, Vec<String>)> {
        let mut b = Builder::default();
        for (name, text, curated) in BUILTIN_LAYERS {
            b.add_layer(name, text, curated);
        }
        for path in paths {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            b.add_geonames(&path.display().to_string(), &text);
        }
        let warnings = std::mem::take(&mut b.warnings);
        Ok((b.finish(), warnings))
    }

    /// Whether this is [`Gazetteer::builtin`] (not one merged with other
    /// data).
    pub fn is_builtin(&self) -> bool {
        BUILTIN.get().is_some_and(|b| std::ptr::eq(b, self))
    }

    /// A fingerprint of the built-in data: files derived from the built-in
    /// gazetteer (such as an index's place-name table) are valid only for
    /// the data they were derived from.
    pub fn builtin_fingerprint() -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (name, text, curated) in BUILTIN_LAYERS {
            h.update(name.as_bytes());
            h.update(&[u8::from(curated)]);
            h.update(text.as_bytes());
        }
        h.digest()
    }
}

/// Collects entries layer by layer, then compiles the matcher.
#[derive(Default)]
struct Builder {
    entries: Vec<PlaceEntry>,
    by_id: HashMap<String, usize>,
    by_gid: HashMap<u64, usize>,
    by_name: HashMap<String, Vec<usize>>,
    warnings: Vec<String>,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn parse_variants(field: &str) -> Vec<Variant> {
    field
        .split('|')
        .filter_map(|v| {
            let v = v.trim();
            let (ambiguous, text) = match v.strip_prefix('?') {
                Some(rest) => (true, rest.trim()),
                None => (false, v),
            };
            (!text.is_empty()).then(|| Variant {
                text: text.to_string(),
                ambiguous,
                script: Script::of(text),
            })
        })
        .collect()
}

impl Builder {
    fn add_layer(&mut self, layer: &str, text: &str, curated: bool) {
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 || cols[0].trim().is_empty() || cols[1].trim().is_empty() {
                self.warnings
                    .push(format!("{layer}:{}: skipped malformed line", n + 1));
                continue;
            }
            let col = |i: usize| cols.get(i).copied().unwrap_or("");
            let entry = PlaceEntry {
                id: col(0).trim().to_string(),
                name: col(1).trim().to_string(),
                kind: col(2).trim().to_string(),
                parent: opt(col(3)),
                raion: opt(col(4)),
                lat: col(5).trim().parse().ok(),
                lon: col(6).trim().parse().ok(),
                population: col(7).trim().parse().unwrap_or(0),
                geonames_id: col(8).trim().parse().ok(),
                ambiguous: col(9).split(',').any(|f| f.trim() == "ambiguous"),
                variants: parse_variants(col(10)),
                curated,
            };
            self.add_entry(entry, !curated);
        }
    }

    /// A row of a 19-column GeoNames dump. Only populated places and
    /// administrative areas are useful as places in news text.
    fn add_geonames(&mut self, layer: &str, text: &str) {
        let mut bad = 0usize;
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let gid: Option<u64> = cols.first().and_then(|g| g.trim().parse().ok());
            let (Some(gid), true) = (gid, cols.len() >= 15) else {
                bad += 1;
                if bad <= 20 {
                    self.warnings
                        .push(format!("{layer}:{}: skipped malformed line", n + 1));
                }
                continue;
            };
            let name = cols[1].trim();
            if name.is_empty() {
                bad += 1;
                continue;
            }
            let population: u64 = cols[14].trim().parse().unwrap_or(0);
            let fcode = cols[7].trim();
            let kind = if cols[6] == "A" {
                "region"
            } else if population >= 50_000 || fcode == "PPLA" || fcode == "PPLC" {
                "city"
            } else if population >= 10_000 || fcode == "PPLA2" {
                "town"
            } else {
                "village"
            };
            let mut variants = Vec::new();
            for alt in std::iter::once(cols[2]).chain(cols[3].split(',')) {
                let alt = alt.trim();
                let letters = alt.chars().filter(|c| c.is_alphabetic()).count();
                let script = Script::of(alt);
                if letters > 2
                    && script != Script::Other
                    && !alt.chars().any(|c| c.is_ascii_digit())
                    && alt.chars().next().is_some_and(char::is_uppercase)
                    && alt != name
                {
                    variants.push(Variant {
                        text: alt.to_string(),
                        ambiguous: false,
                        script,
                    });
                }
            }
            let entry = PlaceEntry {
                id: format!("gn{gid}"),
                name: name.to_string(),
                kind: kind.to_string(),
                parent: None,
                raion: None,
                lat: cols[4].trim().parse().ok(),
                lon: cols[5].trim().parse().ok(),
                population,
                geonames_id: Some(gid),
                ambiguous: false,
                variants,
                curated: false,
            };
            self.add_entry(entry, true);
        }
        if bad > 20 {
            self.warnings
                .push(format!("{layer}: {bad} malformed lines skipped in all"));
        }
    }

    /// Add an entry, merging it into an existing one when it is the same
    /// place (same geonameid, or same name within 0.1°).
    fn add_entry(&mut self, entry: PlaceEntry, mergeable: bool) {
        let existing = entry
            .geonames_id
            .and_then(|g| self.by_gid.get(&g).copied())
            .or_else(|| {
                if !mergeable {
                    return None;
                }
                let (lat, lon) = (entry.lat?, entry.lon?);
                self.by_name
                    .get(&normalize(&entry.name))?
                    .iter()
                    .copied()
                    .find(|&i| {
                        let e = &self.entries[i];
                        matches!((e.lat, e.lon), (Some(a), Some(o))
                            if (a - lat).abs() <= 0.1 && (o - lon).abs() <= 0.1)
                    })
            })
            .or_else(|| self.by_id.get(&entry.id).copied());
        if let Some(i) = existing {
            let e = &mut self.entries[i];
            let mut extra = Vec::new();
            if normalize(&entry.name) != normalize(&e.name) {
                extra.push(Variant {
                    script: Script::of(&entry.name),
                    text: entry.name.clone(),
                    ambiguous: entry.ambiguous,
                });
            }
            extra.extend(entry.variants);
            for v in extra {
                if !e.variants.iter().any(|w| w.text == v.text) && v.text != e.name {
                    e.variants.push(v);
                }
            }
            if e.geonames_id.is_none() {
                e.geonames_id = entry.geonames_id;
            }
            if e.population == 0 {
                e.population = entry.population;
            }
            if e.lat.is_none() {
                e.lat = entry.lat;
                e.lon = entry.lon;
            }
            if let Some(g) = entry.geonames_id {
                self.by_gid.entry(g).or_insert(i);
            }
            return;
        }
        let i = self.entries.len();
        if let Some(g) = entry.geonames_id {
            self.by_gid.insert(g, i);
        }
        self.by_id.insert(entry.id.clone(), i);
        self.by_name
            .entry(normalize(&entry.name))
            .or_default()
            .push(i);
        if entry.curated {
            // A generated row named by a curated variant ("Kurakhovo" for
            // Kurakhove) at the same spot is the same place.
            for v in &entry.variants {
                let key = normalize(&v.text);
                let list = self.by_name.entry(key).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        self.entries.push(entry);
    }

    fn finish(self) -> Gazetteer {
        Gazetteer {
            entries: self.entries,
            by_id: self.by_id,
            matcher: OnceLock::new(),
            facet_paths: OnceLock::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_geonames_merges_and_warns() {
        let path =
            std::env::temp_dir().join(format!("frontline-gn-test-{}.txt", std::process::id()));
        let rows = [
            // Same geonameid as the built-in Pokrovsk: merged, new variant kept.
            "704422\tPokrovsk\tPokrovsk\tPokrovsk-Testowy\t48.28\t37.18\tP\tPPLA2\tUA\t\t05\t\t\t\t60127\t\t\tEurope/Kyiv\t2024-01-01",
            // A place nobody has: added.
            "99999999\tZzyzxivka\tZzyzxivka\tZzyzxovka\t47.0\t36.0\tP\tPPL\tUA\t\t05\t\t\t\t120\t\t\tEurope/Kyiv\t2024-01-01",
            "not a geonames line",
        ];
        std::fs::write(&path, rows.join("\n")).expect("write temp file");
        let builtin_len = Gazetteer::builtin().len();
        let (g, warnings) = Gazetteer::with_geonames(std::slice::from_ref(&path)).expect("load");
        let _ = std::fs::remove_file(&path);
        assert_eq!(g.len(), builtin_len + 1);
        assert_eq!(warnings.len(), 1);
        let ids: Vec<&str> = g
            .resolve("Pokrovsk-Testowy")
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids.first().copied(), Some("pokrovsk"));
        assert_eq!(
            g.resolve("Zzyzxovka").first().map(|e| e.id.as_str()),
            Some("gn99999999")
        );
        assert!(Gazetteer::with_geonames(&[PathBuf::from("/nonexistent/x.txt")]).is_err());
    }

    #[test]
    fn builtin_loads() {
        let g = Gazetteer::builtin();
        assert!(g.len() > 1000);
        assert!(g.get("pokrovsk").is_some());
        let (_, warnings) = Gazetteer::from_layers(&BUILTIN_LAYERS);
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}
