//! `frontline search`: full-text search with place, person and date filters.

use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use super::Outcome;
use crate::cli::{SearchArgs, SortArg};
use crate::index::schema::names;
use crate::output::json::{FacetValue, NamedFacets};
use crate::output::{json, table, Style};
use crate::query::aggregate::term_counts;
use crate::query::facets::{facets, Facets};
use crate::query::search::{build_query, search, SearchRequest, SortOrder};
use crate::query::IndexHandle;

/// Values shown per facet.
const FACET_SIZE: usize = 10;

/// Facets with display names: gazetteer names for places, the fullest Latin
/// spelling seen in the index for people.
pub fn named_facets(
    handle: &IndexHandle,
    index: &Path,
    f: &Facets,
    gazetteer: &[std::path::PathBuf],
) -> anyhow::Result<NamedFacets> {
    named_facets_with(index, f, gazetteer, &person_spellings(handle)?)
}

/// Every spelling of every person key in the index, most frequent first
/// (what [`named_facets_with`] names people from; a server keeps it until
/// the index changes).
pub fn person_spellings(
    handle: &IndexHandle,
) -> anyhow::Result<std::collections::HashMap<String, Vec<(String, u64)>>> {
    Ok(super::place::variants_by_key(term_counts(
        handle,
        &tantivy::query::AllQuery,
        names::PERSON_SPELLING,
        65_000,
    )?))
}

/// [`named_facets`] with the people's spellings given.
pub fn named_facets_with(
    index: &Path,
    f: &Facets,
    gazetteer: &[std::path::PathBuf],
    spellings: &std::collections::HashMap<String, Vec<(String, u64)>>,
) -> anyhow::Result<NamedFacets> {
    // Names from the index's place-name table; the gazetteer (tens of
    // milliseconds to load) only for ids the table lacks.
    let table = gazetteer
        .is_empty()
        .then(|| crate::index::place_names::Table::open(index))
        .flatten();
    let place_name = |id: &str| -> anyhow::Result<String> {
        if let Some(name) = table.as_ref().and_then(|t| t.name_of(id)) {
            return Ok(name.to_string());
        }
        let gaz = super::gazetteer(gazetteer)?;
        Ok(gaz
            .get(id)
            .map_or_else(|| id.to_string(), |e| e.name.clone()))
    };
    let value = |id: &str, name: String, count: u64| FacetValue {
        id: id.to_string(),
        name,
        count,
    };
    Ok(NamedFacets {
        places: f
            .places
            .iter()
            .map(|(id, n)| Ok(value(id, place_name(id)?, *n)))
            .collect::<anyhow::Result<_>>()?,
        people: f
            .people
            .iter()
            .map(|(key, n)| {
                let name = spellings
                    .get(key)
                    .and_then(|s| super::people::display_name(s))
                    .unwrap_or_else(|| key.clone());
                value(key, name, *n)
            })
            .collect(),
        sources: f
            .sources
            .iter()
            .map(|(s, n)| value(s, s.clone(), *n))
            .collect(),
        months: f
            .months
            .iter()
            .map(|(m, n)| value(m, m.clone(), *n))
            .collect(),
    })
}

/// Run `frontline search`.
pub fn run(
    index: &Path,
    args: &SearchArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let handle = super::open_index(index)?;
    let (text, places, people) = split_entity_clauses(&args.query.join(" "));
    let places: Vec<String> = args.place.iter().cloned().chain(places).collect();
    let people: Vec<String> = args.person.iter().cloned().chain(people).collect();
    let mut filters = super::date_filters(&args.filters)?;
    for name in &places {
        filters
            .places
            .push(super::place_filter_for(index, &args.gazetteer, name)?);
    }
    for name in &people {
        filters.people.push(super::person_filter(name)?);
    }
    let req = SearchRequest {
        text,
        filters,
        limit: args.limit,
        offset: args.offset,
        sort: match args.sort {
            SortArg::Score => SortOrder::Score,
            SortArg::Date => SortOrder::Date,
        },
        collapse: !args.all,
        fuzzy: args.fuzzy,
    };
    let results = search(&handle, &req)?;
    let facets = if args.facets {
        let query = build_query(&handle, &req)?;
        Some(named_facets(
            &handle,
            index,
            &facets(&handle, &*query, args.by_story, FACET_SIZE)?,
            &args.gazetteer,
        )?)
    } else {
        None
    };
    if args.json {
        for hit in &results.hits {
            json::line(out, &json::SearchHitJson::new(hit))?;
        }
        if let Some(f) = &facets {
            json::line(out, &serde_json::json!({ "facets": f }))?;
        }
    } else {
        table::search(out, style, &results)?;
        if let Some(f) = &facets {
            table::facets(out, style, f)?;
        }
    }
    Ok(if results.total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

/// Pull `place:NAME` and `person:NAME` clauses (NAME bare or quoted) out of
/// the query text; they become filters that every hit must match.
pub fn split_entity_clauses(query: &str) -> (String, Vec<String>, Vec<String>) {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"(?i)(?:^|\s)\+?(place|person):(?:"([^"]*)"|(\S+))"#)
            .unwrap_or_else(|_| unreachable!())
    });
    let mut places = Vec::new();
    let mut people = Vec::new();
    for caps in re.captures_iter(query) {
        let value = caps
            .get(2)
            .or_else(|| caps.get(3))
            .map_or("", |m| m.as_str())
            .to_string();
        match caps[1].to_ascii_lowercase().as_str() {
            "place" => places.push(value),
            _ => people.push(value),
        }
    }
    let rest = re.replace_all(query, " ").trim().to_string();
    (rest, places, people)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_clauses_become_filters() {
        let cases = [
            ("drone place:Pokrovsk", "drone", vec!["Pokrovsk"], vec![]),
            (
                "person:\"Maryana Bezuhla\" Telegram",
                "Telegram",
                vec![],
                vec!["Maryana Bezuhla"],
            ),
            ("place:Покровськ", "", vec!["Покровськ"], vec![]),
            ("title:attack", "title:attack", vec![], vec![]),
        ];
        for (q, rest, places, people) in cases {
            let (r, p, pe) = split_entity_clauses(q);
            assert_eq!(r, rest, "{q}");
            assert_eq!(p, places, "{q}");
            assert_eq!(pe, people, "{q}");
        }
    }
}
