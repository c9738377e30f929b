//! Entity kinds in the index: the one table generic code consults for what
//! a kind puts in a document, which field its facet counts, and how its
//! filter matches. Each kind is one module here (`place`, `person`,
//! `claim`) implementing [`Kind`], over its own fields of `schema.rs`.
//!
//! Generic code never names a kind: [`crate::index::document::to_document`]
//! calls [`Kind::add_terms`] for every kind of [`EntityKind::ALL`],
//! [`crate::query::facets`] counts [`Kind::facet`] where there is one, and
//! [`crate::query::Filters`] holds [`EntityFilter`]s and asks each for its
//! query. Names typed by a user become filters in the service layer
//! (`service::kinds`), the only layer that knows the gazetteer.

pub mod claim;
pub mod person;
pub mod place;

use tantivy::query::Query;
use tantivy::TantivyDocument;

use super::schema::Fields;
use crate::model::{Article, Entities, EntityKind};

/// What the indexer knows of one article when it writes the terms of each
/// kind.
#[derive(Debug, Clone, Copy)]
pub struct Indexed<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its entities.
    pub entities: &'a Entities,
    /// The hierarchy path of each of its places, root first
    /// (`/ukraine/donetsk-oblast/pokrovsk`), from the gazetteer.
    pub facets: &'a [String],
}

/// One entity kind as the index sees it.
pub trait Kind: Sync {
    /// Which kind this is.
    fn kind(&self) -> EntityKind;

    /// Add the kind's terms for an article to its document (identities,
    /// spellings, filter terms, per-article records).
    fn add_terms(&self, fields: &Fields, input: Indexed<'_>, doc: &mut TantivyDocument);

    /// Name of the keyword field `search --facets` counts for this kind;
    /// `None` for a kind that is not a facet of a result set.
    fn facet(&self) -> Option<&'static str>;
}

/// `ID<TAB>SURFACE` for every mention of every entity of an article, sorted
/// and without repeats: the terms of a kind's spelling field (`place_variant`,
/// `person_spelling`), from each entity's id and its mentions' texts.
pub(crate) fn surface_pairs<'a, T: 'a>(
    entities: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
    texts: impl Fn(&'a T) -> Vec<&'a str>,
) -> Vec<String> {
    let mut pairs: Vec<String> = entities
        .iter()
        .flat_map(|e| {
            let id = id(e);
            texts(e).into_iter().map(move |t| format!("{id}\t{t}"))
        })
        .collect();
    pairs.sort();
    pairs.dedup();
    pairs
}

/// The index side of a kind.
pub fn of(kind: EntityKind) -> &'static dyn Kind {
    match kind {
        EntityKind::Place => &place::Places,
        EntityKind::Person => &person::People,
        EntityKind::Claim => &claim::Claims,
    }
}

/// The kinds with a facet, in [`EntityKind::ALL`] order, with the field
/// each counts.
pub fn faceted() -> Vec<(EntityKind, &'static str)> {
    EntityKind::ALL
        .into_iter()
        .filter_map(|k| of(k).facet().map(|f| (k, f)))
        .collect()
}

/// A filter on one entity kind, resolved to what the index holds (a place's
/// facet path, a person's key, a claim term): every hit must match it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityFilter {
    /// A place and the places inside it.
    Place(place::PlaceFilter),
    /// A person (or every person with a surname).
    Person(person::PersonFilter),
    /// Articles with a claim of this kind.
    Claim(claim::ClaimFilter),
}

impl EntityFilter {
    /// The kind it filters on.
    pub fn kind(&self) -> EntityKind {
        match self {
            EntityFilter::Place(_) => EntityKind::Place,
            EntityFilter::Person(_) => EntityKind::Person,
            EntityFilter::Claim(_) => EntityKind::Claim,
        }
    }

    /// The tantivy query a document must match.
    pub fn query(&self, fields: &Fields) -> Box<dyn Query> {
        match self {
            EntityFilter::Place(f) => place::filter_query(fields, f),
            EntityFilter::Person(f) => person::filter_query(fields, f),
            EntityFilter::Claim(f) => claim::filter_query(fields, f),
        }
    }
}

impl From<place::PlaceFilter> for EntityFilter {
    fn from(f: place::PlaceFilter) -> Self {
        EntityFilter::Place(f)
    }
}

impl From<person::PersonFilter> for EntityFilter {
    fn from(f: person::PersonFilter) -> Self {
        EntityFilter::Person(f)
    }
}

impl From<claim::ClaimFilter> for EntityFilter {
    fn from(f: claim::ClaimFilter) -> Self {
        EntityFilter::Claim(f)
    }
}

#[cfg(test)]
mod tests {
    //! The set of kinds drives clause parsing, document terms, facets,
    //! filters and partial decoding for every kind, claims included: a kind
    //! missing from any of them fails here.

    use super::*;
    use crate::model::MatchKind;
    use crate::model::{
        Claim, ClaimPlace, Claimant, Extent, Format, Person, PersonMention, Place, PlaceMention,
        Side,
    };
    use crate::query::clauses::split_entity_clauses;
    use tantivy::collector::DocSetCollector;

    const FACET: &str = "/ukraine/donetsk-oblast/pokrovsk";

    fn article() -> Article {
        Article {
            id: "a.txt".into(),
            path: "a.txt".into(),
            format: Format::Txt,
            title: None,
            published: None,
            source: None,
            url: None,
            lang: None,
            body: "Maryana Bezuhla said Russia took Pokrovsk.".into(),
        }
    }

    /// One entity of every kind; adding a kind adds its arm here.
    fn entities() -> Entities {
        let mut e = Entities::default();
        for kind in EntityKind::ALL {
            match kind {
                EntityKind::Place => e.places.push(Place {
                    id: "pokrovsk".into(),
                    name: "Pokrovsk".into(),
                    kind: "city".into(),
                    parent: Some("Donetsk Oblast".into()),
                    mentions: vec![PlaceMention {
                        text: "Pokrovsk".into(),
                        start: 33,
                        end: 41,
                        match_kind: MatchKind::Exact,
                    }],
                }),
                EntityKind::Person => e.people.push(Person {
                    key: "bezuhla:maryana".into(),
                    name: "Maryana Bezuhla".into(),
                    mentions: vec![PersonMention {
                        text: "Maryana Bezuhla".into(),
                        start: 0,
                        end: 15,
                        role: None,
                        speaker: true,
                    }],
                }),
                EntityKind::Claim => e.claims.push(Claim {
                    place: ClaimPlace {
                        id: "pokrovsk".into(),
                        name: "Pokrovsk".into(),
                    },
                    controller: Side::Ru,
                    extent: Extent::Full,
                    claimant: Some(Claimant {
                        text: "Maryana Bezuhla".into(),
                        person: Some("bezuhla:maryana".into()),
                        side: Some(Side::Ua),
                    }),
                    denial: false,
                    date: None,
                    sentence: "Maryana Bezuhla said Russia took Pokrovsk.".into(),
                    start: 0,
                    end: 42,
                }),
            }
        }
        e
    }

    /// The value a user types for the entity of [`entities`], and the
    /// filter the service makes of it.
    fn typed(kind: EntityKind) -> (&'static str, EntityFilter) {
        match kind {
            EntityKind::Place => (
                "Pokrovsk",
                place::PlaceFilter {
                    id: "pokrovsk".into(),
                    facet: FACET.into(),
                }
                .into(),
            ),
            EntityKind::Person => (
                "\"Maryana Bezuhla\"",
                person::PersonFilter {
                    key: "bezuhla:maryana".into(),
                    surname: "bezuhla".into(),
                }
                .into(),
            ),
            EntityKind::Claim => (
                "RU:full",
                claim::ClaimFilter::parse("RU:full")
                    .expect("a claim value")
                    .into(),
            ),
        }
    }

    #[test]
    fn every_kind_is_declared_once_and_drives_every_layer() {
        let (schema, fields) = crate::index::schema::build();
        let index = tantivy::Index::create_in_ram(schema.clone());
        crate::index::analysis::register(&index);
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).expect("writer");
        let stamp = crate::index::document::FileStamp {
            hash: "h".into(),
            size: 1,
            mtime: 0,
        };
        let full = entities();
        let facets = vec![FACET.to_string()];
        let doc = crate::index::document::to_document(&fields, &article(), &full, &stamp, &facets);
        writer.add_document(doc).expect("add");
        let empty = crate::index::document::to_document(
            &fields,
            &Article {
                id: "b.txt".into(),
                ..article()
            },
            &Entities::default(),
            &stamp,
            &[],
        );
        writer.add_document(empty).expect("add");
        writer.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let json = serde_json::to_string(&full).expect("json");

        let mut names = std::collections::HashSet::new();
        for kind in EntityKind::ALL {
            // One declaration: the registry answers for this kind, its
            // names are its own and name it back.
            assert_eq!(of(kind).kind(), kind);
            assert!(names.insert(kind.name()) && names.insert(kind.plural()));
            assert_eq!(
                EntityKind::from_name(&kind.name().to_uppercase()),
                Some(kind)
            );

            // Its clause: `KIND:VALUE` comes out of the text as its value.
            let (value, filter) = typed(kind);
            let (rest, clauses) = split_entity_clauses(&format!("drone +{}:{value}", kind.name()));
            assert_eq!(rest, "drone", "{kind:?}");
            assert_eq!(clauses.len(), 1, "{kind:?}");
            assert_eq!(clauses[0].0, kind);
            assert_eq!(clauses[0].1, value.trim_matches('"'));

            // Its filter matches the article with its entity, not the other.
            assert_eq!(filter.kind(), kind);
            let hits = searcher
                .search(&*filter.query(&fields), &DocSetCollector)
                .expect("search");
            assert_eq!(hits.len(), 1, "{kind:?} filter matches one article");
            let hit: TantivyDocument = searcher
                .doc(*hits.iter().next().expect("hit"))
                .expect("doc");
            let stored = crate::index::document::from_document(&fields, &hit).expect("read");
            assert_eq!(stored.article.id, "a.txt", "{kind:?}");

            // Its facet, when it has one, is a counted keyword field that
            // holds the article's value.
            if let Some(name) = of(kind).facet() {
                let field = schema.get_field(name).expect("facet field in the schema");
                assert!(schema.get_field_entry(field).is_fast(), "{name} is FAST");
                let query = tantivy::query::AllQuery;
                let counts = crate::query::facets::facets(
                    &crate::query::IndexHandle {
                        index: index.clone(),
                        reader: index.reader().expect("reader"),
                        fields: fields.clone(),
                    },
                    &query,
                    false,
                    10,
                )
                .expect("facets");
                assert!(!counts.of(kind).is_empty(), "{kind:?} facet counted");
            }

            // Decoding only its entities reads only its list, under its
            // plural name.
            let only = Entities::from_json_only(&json, kind).expect("decode");
            let value = serde_json::to_value(&only).expect("value");
            let full_value = serde_json::to_value(&full).expect("value");
            for other in EntityKind::ALL {
                let list = value.get(other.plural()).and_then(|v| v.as_array());
                if other == kind {
                    assert_eq!(
                        Some(list.expect("its list")),
                        full_value[kind.plural()].as_array()
                    );
                } else {
                    assert!(list.is_none_or(|l| l.is_empty()), "{kind:?} read {other:?}");
                }
            }
        }
        // Facets name each counted kind by its plural, in the table and
        // the JSON, in the order of the kinds.
        let handle = crate::query::IndexHandle {
            index: index.clone(),
            reader: index.reader().expect("reader"),
            fields: fields.clone(),
        };
        let counted = crate::query::facets::facets(&handle, &tantivy::query::AllQuery, false, 10)
            .expect("facets");
        let named = crate::service::NamedFacets {
            entities: counted
                .entities
                .iter()
                .map(|(k, counts)| {
                    let values = counts
                        .iter()
                        .map(|(id, count)| crate::service::FacetValue {
                            id: id.clone(),
                            name: id.clone(),
                            count: *count,
                        })
                        .collect();
                    (*k, values)
                })
                .collect(),
            ..Default::default()
        };
        let line =
            serde_json::to_value(crate::output::json::FacetsLine::line(&named)).expect("json");
        let mut table = Vec::new();
        let style = crate::output::Style {
            color: false,
            width: None,
        };
        crate::output::table::facets(&mut table, &style, &named).expect("table");
        let table = String::from_utf8(table).expect("utf-8");
        let labels: Vec<&str> = table.lines().filter_map(|l| l.split(' ').next()).collect();
        let mut want: Vec<&str> = Vec::new();
        for kind in EntityKind::ALL {
            let has = of(kind).facet().is_some();
            assert_eq!(
                line.get(kind.plural()).is_some(),
                has,
                "{kind:?} in the JSON"
            );
            if has {
                want.push(kind.plural());
            }
        }
        want.extend(["sources", "months"]);
        assert_eq!(labels[1..], want[..], "{table}");
    }
}
