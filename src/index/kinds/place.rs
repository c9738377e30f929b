//! Places in the index: gazetteer ids, `id<TAB>surface` variants, the
//! hierarchy facets and the place tree (a region counts, and matches, the
//! articles about places inside it).

use tantivy::query::{Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{TantivyDocument, Term};

use super::{Indexed, Kind};
use crate::index::schema::{names, Fields};
use crate::model::EntityKind;

/// The index side of places.
pub struct Places;

impl Kind for Places {
    fn kind(&self) -> EntityKind {
        EntityKind::Place
    }

    fn add_terms(&self, fields: &Fields, input: Indexed<'_>, doc: &mut TantivyDocument) {
        let places = &input.entities.places;
        for p in places {
            doc.add_text(fields.place, &p.id);
        }
        let pairs = super::surface_pairs(
            places,
            |p| &p.id,
            |p| p.mentions.iter().map(|m| m.text.as_str()).collect(),
        );
        for pair in pairs {
            doc.add_text(fields.place_variant, pair);
        }
        let mut tree: Vec<&str> = Vec::new();
        for path in input.facets {
            if let Ok(facet) = Facet::from_text(path) {
                doc.add_facet(fields.place_facet, facet);
            }
            tree.extend(path.split('/').filter(|s| !s.is_empty()));
        }
        tree.sort_unstable();
        tree.dedup();
        for id in tree {
            doc.add_text(fields.place_tree, id);
        }
    }

    fn facet(&self) -> Option<&'static str> {
        // The tree, so a region counts the articles about places inside it,
        // as the `--place` filter matches them.
        Some(names::PLACE_TREE)
    }
}

/// A place filter: a facet path, so a region matches every place inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceFilter {
    /// Gazetteer id.
    pub id: String,
    /// Facet path, root first (`/ukraine/donetsk-oblast/pokrovsk`).
    pub facet: String,
}

/// The query of a place filter.
pub fn filter_query(fields: &Fields, place: &PlaceFilter) -> Box<dyn Query> {
    let facet = Facet::from_text(&place.facet).unwrap_or_else(|_| Facet::root());
    Box::new(TermQuery::new(
        Term::from_facet(fields.place_facet, &facet),
        IndexRecordOption::Basic,
    ))
}
