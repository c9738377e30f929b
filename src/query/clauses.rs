//! Entity clauses in query text: `KIND:VALUE` (VALUE bare or quoted) for
//! the name of every [`EntityKind`] (`place:Pokrovsk`, `person:"Maryana
//! Bezuhla"`, `claim:ru:full`). They become filters that every hit must
//! match; the rest of the text goes to tantivy's query parser.

use std::sync::OnceLock;

use crate::model::EntityKind;

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
    fn claim_clauses_are_entity_clauses() {
        use EntityKind::Claim;
        let cases = [
            ("claim:ru Pokrovsk", "Pokrovsk", vec![(Claim, "ru")]),
            (
                "drone +CLAIM:ua:partial place:Kyiv",
                "drone",
                vec![(Claim, "ua:partial"), (Place, "Kyiv")],
            ),
            (
                "claim:ru claim:\"ua\"",
                "",
                vec![(Claim, "ru"), (Claim, "ua")],
            ),
            ("counterclaim:ru", "counterclaim:ru", vec![]),
            // A quoted value is one value, whatever it holds.
            ("place:\"x claim:ru\" y", "y", vec![(Place, "x claim:ru")]),
        ];
        for (q, rest, want) in cases {
            let (r, clauses) = split_entity_clauses(q);
            assert_eq!(r, rest, "{q}");
            let got: Vec<(EntityKind, &str)> =
                clauses.iter().map(|(k, v)| (*k, v.as_str())).collect();
            assert_eq!(got, want, "{q}");
        }
    }
}
