//! Entity clauses in query text: `place:NAME`, `person:NAME` (NAME bare or
//! quoted), one per kind of [`EntityKind`], and `claim:ru`, `claim:ua:full`
//! (control claims). They become filters that every hit must match; the
//! rest of the text goes to tantivy's query parser.

use std::sync::OnceLock;

use crate::model::EntityKind;

/// The text without its `claim:` clauses, and their values in order
/// (`claim:ru:full` gives `ru:full`).
pub fn split_claim_clauses(query: &str) -> (String, Vec<String>) {
    if !query.contains(':') {
        // No clause can be there: spare compiling the pattern.
        return (query.trim().to_string(), Vec::new());
    }
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"(?i)(?:^|\s)\+?claim:(?:"([^"]*)"|(\S+))"#)
            .unwrap_or_else(|_| unreachable!())
    });
    let values = re
        .captures_iter(query)
        .map(|caps| {
            caps.get(1)
                .or_else(|| caps.get(2))
                .map_or("", |m| m.as_str())
                .to_string()
        })
        .collect();
    (re.replace_all(query, " ").trim().to_string(), values)
}

/// The text without its entity clauses, and the clauses in order.
pub fn split_entity_clauses(query: &str) -> (String, Vec<(EntityKind, String)>) {
    if !query.contains(':') {
        return (query.trim().to_string(), Vec::new());
    }
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let kinds: Vec<&str> = EntityKind::ALL.iter().map(|k| k.name()).collect();
        let pattern = format!(
            r#"(?i)(?:^|\s)\+?({}):(?:"([^"]*)"|(\S+))"#,
            kinds.join("|")
        );
        regex::Regex::new(&pattern).unwrap_or_else(|_| unreachable!())
    });
    let mut clauses = Vec::new();
    for caps in re.captures_iter(query) {
        let value = caps
            .get(2)
            .or_else(|| caps.get(3))
            .map_or("", |m| m.as_str())
            .to_string();
        if let Some(kind) = EntityKind::from_name(&caps[1]) {
            clauses.push((kind, value));
        }
    }
    let rest = re.replace_all(query, " ").trim().to_string();
    (rest, clauses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::{Person, Place};

    #[test]
    fn entity_clauses_become_filters() {
        let cases = [
            ("drone place:Pokrovsk", "drone", vec![(Place, "Pokrovsk")]),
            (
                "person:\"Maryana Bezuhla\" Telegram",
                "Telegram",
                vec![(Person, "Maryana Bezuhla")],
            ),
            ("place:Покровськ", "", vec![(Place, "Покровськ")]),
            (
                "Place:Kyiv +PERSON:Zelensky",
                "",
                vec![(Place, "Kyiv"), (Person, "Zelensky")],
            ),
            ("title:attack", "title:attack", vec![]),
        ];
        for (q, rest, want) in cases {
            let (r, clauses) = split_entity_clauses(q);
            assert_eq!(r, rest, "{q}");
            let got: Vec<(EntityKind, &str)> =
                clauses.iter().map(|(k, v)| (*k, v.as_str())).collect();
            assert_eq!(got, want, "{q}");
        }
    }

    #[test]
    fn claim_clauses_become_filters() {
        let cases = [
            ("claim:ru Pokrovsk", "Pokrovsk", vec!["ru"]),
            (
                "drone +CLAIM:ua:partial place:Kyiv",
                "drone  place:Kyiv",
                vec!["ua:partial"],
            ),
            ("claim:ru claim:\"ua\"", "", vec!["ru", "ua"]),
            ("counterclaim:ru", "counterclaim:ru", vec![]),
        ];
        for (q, rest, want) in cases {
            let (r, values) = split_claim_clauses(q);
            assert_eq!(r, rest, "{q}");
            assert_eq!(values, want, "{q}");
        }
    }
}
