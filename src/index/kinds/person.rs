//! People in the index: identity keys, `key<TAB>surface` spellings,
//! surnames (for surname-only filters) and the per-article mention record
//! that `mentions` reads.

use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use super::{Indexed, Kind};
use crate::index::document::MentionRecord;
use crate::index::schema::{names, Fields};
use crate::model::EntityKind;

/// The index side of people.
pub struct People;

impl Kind for People {
    fn kind(&self) -> EntityKind {
        EntityKind::Person
    }

    fn add_terms(&self, fields: &Fields, input: Indexed<'_>, doc: &mut TantivyDocument) {
        let people = &input.entities.people;
        for p in people {
            doc.add_text(fields.person, &p.key);
        }
        let pairs = super::surface_pairs(
            people,
            |p| &p.key,
            |p| p.mentions.iter().map(|m| m.text.as_str()).collect(),
        );
        for pair in pairs {
            doc.add_text(fields.person_spelling, pair);
        }
        let mut surnames: Vec<&str> = people
            .iter()
            .map(|p| crate::extract::people::surname_of_key(&p.key))
            .collect();
        surnames.sort_unstable();
        surnames.dedup();
        for surname in surnames {
            doc.add_text(fields.person_surname, surname);
        }
        // What `mentions` shows of each person mention, so listing thousands
        // of them never decompresses an article or decodes its entities.
        for word in MentionRecord::words_of(input.article, input.entities).unwrap_or_default() {
            doc.add_u64(fields.person_mentions, word);
        }
    }

    fn facet(&self) -> Option<&'static str> {
        Some(names::PERSON)
    }
}

/// A person filter from a person key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFilter {
    /// `surname` alone matches every person with that surname;
    /// `surname:given` matches that person and surname-only mentions.
    pub key: String,
    /// The surname part of the key.
    pub surname: String,
}

impl PersonFilter {
    /// Whether the filter names only a surname.
    pub fn surname_only(&self) -> bool {
        self.key == self.surname
    }

    /// Whether a stored person key belongs to this filter.
    pub fn matches_key(&self, key: &str) -> bool {
        if self.surname_only() {
            crate::extract::people::surname_of_key(key) == self.surname
        } else {
            key == self.key || key == self.surname
        }
    }
}

/// The query of a person filter: the surname term for a surname alone,
/// else the full key or the bare surname.
pub fn filter_query(fields: &Fields, person: &PersonFilter) -> Box<dyn Query> {
    let surname = Term::from_field_text(fields.person_surname, &person.surname);
    if person.surname_only() {
        return Box::new(TermQuery::new(surname, IndexRecordOption::Basic));
    }
    let full = Term::from_field_text(fields.person, &person.key);
    let bare = Term::from_field_text(fields.person, &person.surname);
    Box::new(BooleanQuery::new(vec![
        (
            Occur::Should,
            Box::new(TermQuery::new(full, IndexRecordOption::Basic)) as Box<dyn Query>,
        ),
        (
            Occur::Should,
            Box::new(TermQuery::new(bare, IndexRecordOption::Basic)),
        ),
    ]))
}
