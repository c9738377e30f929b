//! Lookup: entries by id, by name ([`Gazetteer::resolve`]), their ancestors
//! and facet paths.

use super::matcher::build_matcher;
use super::{normalize, Gazetteer, Matcher, PlaceEntry};

impl Gazetteer {
    /// The name index, built on first use.
    pub(crate) fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| build_matcher(&self.entries))
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&PlaceEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Entry by internal index.
    pub(crate) fn entry(&self, i: u32) -> &PlaceEntry {
        &self.entries[i as usize]
    }

    /// Every entry, in load order.
    pub fn entries(&self) -> &[PlaceEntry] {
        &self.entries
    }

    /// Entries named `name` in any script, case, inflection or spelling the
    /// gazetteer knows, most likely first: an exact canonical match first,
    /// then by kind prominence, curated before generated, and population.
    pub fn resolve(&self, name: &str) -> Vec<&PlaceEntry> {
        let key = normalize(name);
        let mut found: Vec<(bool, &PlaceEntry)> = Vec::new();
        for t in &self.matcher().lookup(&key) {
            let e = self.entry(t.entry);
            if !found.iter().any(|(_, f)| f.id == e.id) {
                found.push((t.canonical, e));
            }
        }
        // As in extraction, a curated city or town (or anything larger) is
        // what a name means before a generated village's name that spells
        // it the same ("Kostyantynivka" is the city in Donetsk Oblast, not
        // a village of that canonical name in Mykolaiv Oblast).
        let major = |e: &PlaceEntry| e.curated && (e.kind_rank() <= 2 || e.population >= 10_000);
        found.sort_by(|(ca, a), (cb, b)| {
            major(b)
                .cmp(&major(a))
                .then(cb.cmp(ca))
                .then(a.kind_rank().cmp(&b.kind_rank()))
                .then(b.curated.cmp(&a.curated))
                .then(b.population.cmp(&a.population))
                .then(a.id.cmp(&b.id))
        });
        found.into_iter().map(|(_, e)| e).collect()
    }

    /// The chain of enclosing entries, root first, without the entry itself:
    /// country → oblast → raion (for a settlement that names one) → city (for
    /// a district). Suits a facet like `/ukraine/donetsk-oblast/pokrovsk-raion`.
    pub fn ancestors(&self, id: &str) -> Vec<&PlaceEntry> {
        let mut chain = Vec::new();
        let Some(mut cur) = self.get(id) else {
            return chain;
        };
        // Bounded walk: bad data with a parent cycle must not hang.
        for _ in 0..16 {
            let next = cur
                .raion
                .as_deref()
                .filter(|r| *r != cur.id)
                .and_then(|r| self.get(r))
                .or_else(|| cur.parent.as_deref().and_then(|p| self.get(p)));
            match next {
                Some(n) if n.id != id && !chain.iter().any(|c: &&PlaceEntry| c.id == n.id) => {
                    chain.push(n);
                    cur = n;
                }
                _ => break,
            }
        }
        chain.reverse();
        chain
    }

    /// The hierarchy path of an entry, root first and ending with its own
    /// id (`/ukraine/donetsk-oblast/pokrovsk-raion/pokrovsk`), or `None`
    /// for an id the gazetteer does not have. Built for every entry on
    /// first use, then one lookup per call.
    pub fn facet_path(&self, id: &str) -> Option<&str> {
        let i = *self.by_id.get(id)?;
        let paths = self.facet_paths.get_or_init(|| {
            self.entries
                .iter()
                .map(|e| {
                    let mut path = String::new();
                    for ancestor in self.ancestors(&e.id) {
                        path.push('/');
                        path.push_str(&ancestor.id);
                    }
                    path.push('/');
                    path.push_str(&e.id);
                    path
                })
                .collect()
        });
        paths.get(i).map(String::as_str)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const TEST_LAYER: &str = "\
# test layer
ukraine\tUkraine\tcountry\t\t\t49\t32\t\t690791\t\tУкраїна|Украина
donetsk-oblast\tDonetsk Oblast\toblast\tukraine\t\t48\t37.8\t\t709716\t\tDonetsk People's Republic|DPR|Донецька область|Донеччина
pokrovsk-raion\tPokrovsk Raion\traion\tdonetsk-oblast\t\t48.28\t37.17\t\t\t\tПокровський район
pokrovsk\tPokrovsk\tcity\tdonetsk-oblast\tpokrovsk-raion\t48.28\t37.17\t60127\t704422\t\tKrasnoarmeysk|Покровськ|Покровск
kharkiv\tKharkiv\tcity\tkharkiv-oblast\t\t49.99\t36.23\t1430885\t706483\t\tKharkov|Харків|Харьков
kyiv\tKyiv\tcity\tukraine\t\t50.45\t30.52\t2797553\t703448\t\tKiev|Київ|Киев
";

    /// A name resolves as the extractor reads it: the curated city before
    /// generated villages whose canonical name it is, a country before a
    /// region of that name.
    #[test]
    fn resolve_prefers_major_curated_places() {
        let g = Gazetteer::builtin();
        let first = |name: &str| g.resolve(name).first().map(|e| e.id.clone());
        for (name, id) in [
            ("Kostyantynivka", "kostiantynivka"),
            ("Kostiantynivka", "kostiantynivka"),
            ("Костянтинівка", "kostiantynivka"),
            ("Kharkiv", "kharkiv"),
            ("Dnipro", "dnipro"),
            ("Georgia", "georgia"),
        ] {
            assert_eq!(first(name).as_deref(), Some(id), "{name}");
        }
    }

    #[test]
    fn facet_paths_follow_the_ancestors() {
        let (g, _) = Gazetteer::from_layers(&[("t", TEST_LAYER, true)]);
        assert_eq!(
            g.facet_path("pokrovsk"),
            Some("/ukraine/donetsk-oblast/pokrovsk-raion/pokrovsk")
        );
        assert_eq!(g.facet_path("ukraine"), Some("/ukraine"));
        assert_eq!(g.facet_path("nowhere"), None);
        // The cached table agrees with a walk of the ancestors for every
        // entry of the built-in data.
        let g = Gazetteer::builtin();
        for e in g.entries() {
            let mut walked: String = g
                .ancestors(&e.id)
                .iter()
                .map(|a| format!("/{}", a.id))
                .collect();
            walked.push('/');
            walked.push_str(&e.id);
            assert_eq!(g.facet_path(&e.id), Some(walked.as_str()), "{}", e.id);
        }
    }

    #[test]
    fn load_merge_resolve_ancestors() {
        let gn = "gn1\tPokrovsk\tcity\tdonetsk-oblast\t\t48.3\t37.2\t1\t704422\t\tGrishino\n\
                  gn2\tPokrovsk\tvillage\t\t\t61.48\t129.1\t9000\t2017155\t\t\n\
                  broken line\n";
        let (g, warnings) = Gazetteer::from_layers(&[("t", TEST_LAYER, true), ("gn", gn, false)]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(g.len(), 7);
        let p = g.get("pokrovsk").map(|e| e.variants.len());
        assert!(p.is_some_and(|n| n >= 4));
        let r: Vec<&str> = g
            .resolve("Grishino")
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(r, ["pokrovsk"]);
        let r: Vec<&str> = g
            .resolve("покровську")
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(r, ["pokrovsk"]);
        let r: Vec<&str> = g
            .resolve("POKROVSK")
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(r, ["pokrovsk", "gn2"]);
        assert!(g.resolve("Nowhere").is_empty());
        let a: Vec<&str> = g
            .ancestors("pokrovsk")
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(a, ["ukraine", "donetsk-oblast", "pokrovsk-raion"]);
        let r: Vec<&str> = g
            .resolve("Donetsk region")
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(r, ["donetsk-oblast"]);
    }
}
