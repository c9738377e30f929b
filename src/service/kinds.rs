//! The service side of each entity kind, in one table: how a value typed by
//! a user (a `--place` name, a `person:` clause, a `--claim` value) becomes
//! the kind's filter, and how a facet value gets its display name. Generic
//! code ([`Engine::filters`], [`Engine::name_facets`]) calls these and never
//! names a kind; the index side of a kind is [`crate::index::kinds`].

use super::Engine;
use crate::error::Error;
use crate::index::kinds::claim::ClaimFilter;
use crate::index::kinds::EntityFilter;
use crate::model::EntityKind;

impl Engine {
    /// The filter a value of a kind means: a place name (any spelling, or a
    /// gazetteer id) through the place resolver, a person's name (or key)
    /// through its identity key, a claim value (`ru`, `ua:partial`, …) as
    /// its term. An error naming the value when it means nothing.
    pub(super) fn filter_of(&self, kind: EntityKind, value: &str) -> anyhow::Result<EntityFilter> {
        Ok(match kind {
            EntityKind::Place => self.place_filter_of(value)?.into(),
            EntityKind::Person => {
                self.preload_people();
                super::web::person_filter_of(value)?.into()
            }
            EntityKind::Claim => ClaimFilter::parse(value)
                .ok_or_else(|| Error::BadQuery(ClaimFilter::expected(value)))?
                .into(),
        })
    }

    /// The display name of a facet value of a kind: the gazetteer name of
    /// a place id, the fullest Latin spelling in the index of a person key;
    /// the value itself for a kind without names.
    pub(super) fn facet_name(&self, kind: EntityKind, id: &str) -> anyhow::Result<String> {
        match kind {
            EntityKind::Place => self.places().name_of(id),
            EntityKind::Person => self.person_name(id),
            EntityKind::Claim => Ok(id.to_string()),
        }
    }
}
