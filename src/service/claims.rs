//! Control claims over an index: the claims about a place (and the places
//! inside it) in date order, the state as each side tells it, and the
//! places with the most recent claims.
//!
//! # The state and the contested rule
//!
//! A claim counts for the side of its claimant (`claimant.side`): a claim by
//! a Russian official is the `RU` side's word, a Ukrainian denial of a
//! Russian claim is the `UA` side's. Claims stated as fact (no claimant) or
//! made by a third party (`other`) are listed but count for neither side.
//! The state of a place is the latest claim of each side (by claim date,
//! then article, then position in the text). A region has one state per
//! place inside it with claims: a claim about one town never answers a
//! claim about another.
//!
//! The place is **contested** when both sides have a latest claim, the two
//! are dated within [`CONTESTED_WITHIN_DAYS`] days of each other (the same
//! period), and they disagree: a different controller or extent ("RU holds
//! all of it" against "RU holds part of it"), or one side denies what the
//! other claims. Two denials, or a denial of the side the other claim does
//! not name, agree.

use std::collections::BTreeMap;

use anyhow::Context;
use chrono::NaiveDate;
use tantivy::collector::DocSetCollector;
use tantivy::query::{ExistsQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use super::{Criteria, Engine, ResolvedPlace};
use crate::index::document::from_document_only;
use crate::index::kinds::EntityFilter;
use crate::index::schema::names;
use crate::model::{Claim, ClaimPlace, EntityKind, Side};
use crate::query::entities::ArticleRef;
use crate::query::with_filters;

/// Two sides' latest claims disagreeing within this many days of each
/// other make a place contested.
pub const CONTESTED_WITHIN_DAYS: i64 = 14;

/// One claim with the article it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    /// The article.
    pub article: ArticleRef,
    /// The claim.
    pub claim: Claim,
}

/// The state of a place as each side tells it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimState {
    /// The place.
    pub place: Option<ClaimPlace>,
    /// The latest claim of the `RU` side.
    pub ru: Option<ClaimRow>,
    /// The latest claim of the `UA` side.
    pub ua: Option<ClaimRow>,
    /// The two disagree within [`CONTESTED_WITHIN_DAYS`].
    pub contested: bool,
}

/// The claims about a place.
#[derive(Debug, Clone)]
pub struct PlaceClaims {
    /// The place the name resolved to.
    pub place: ResolvedPlace,
    /// Claims about it and the places inside it, oldest first.
    pub claims: Vec<ClaimRow>,
    /// The state of each place with claims (a region has several): the
    /// place asked about first.
    pub states: Vec<ClaimState>,
}

/// A place in the list of recent claims.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimPlaceRow {
    /// The place.
    pub place: ClaimPlace,
    /// Claims about it.
    pub claims: usize,
    /// Articles with such claims.
    pub articles: usize,
    /// Date of its latest claim.
    pub latest: Option<NaiveDate>,
    /// The state as each side tells it.
    pub state: ClaimState,
}

impl Engine {
    /// The claims about the place `name` and the places inside it, in date
    /// order, with the state; `c` filters the articles (publication and
    /// mentioned dates).
    pub fn place_claims(&self, name: &str, c: &Criteria) -> anyhow::Result<PlaceClaims> {
        let place = self.places().resolve(name)?;
        let term = Term::from_field_text(self.handle().fields.claim_place, &place.id);
        let query = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
        let mut claims = Vec::new();
        for row in self.claim_rows(query, c)? {
            let facet = self.places().facet_of(&row.claim.place.id)?;
            if facet.split('/').any(|id| id == place.id) {
                claims.push(row);
            }
        }
        let mut states = states_by_place(&claims);
        // The place asked about first, then the places inside it, the most
        // recently claimed first.
        states.sort_by_key(|s| {
            let id = s.place.as_ref().map(|p| p.id.as_str());
            (id != Some(place.id.as_str()), std::cmp::Reverse(s.latest()))
        });
        Ok(PlaceClaims {
            place,
            claims,
            states,
        })
    }

    /// The places with the most recent claims, newest first, at most
    /// `limit`.
    pub fn rank_claim_places(
        &self,
        c: &Criteria,
        limit: usize,
    ) -> anyhow::Result<Vec<ClaimPlaceRow>> {
        let query = Box::new(ExistsQuery::new(names::CLAIM_PLACE.to_string(), false));
        let mut out: Vec<ClaimPlaceRow> = group_by_place(self.claim_rows(query, c)?)
            .into_values()
            .map(|rows| {
                let mut articles: Vec<&str> = rows.iter().map(|r| r.article.id.as_str()).collect();
                articles.sort_unstable();
                articles.dedup();
                let mut state = claim_state(&rows);
                state.place = Some(rows[0].claim.place.clone());
                ClaimPlaceRow {
                    place: rows[0].claim.place.clone(),
                    claims: rows.len(),
                    articles: articles.len(),
                    latest: rows.iter().filter_map(|r| r.claim.date).max(),
                    state,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.latest
                .cmp(&a.latest)
                .then(b.claims.cmp(&a.claims))
                .then(a.place.name.cmp(&b.place.name))
        });
        out.truncate(limit);
        Ok(out)
    }

    /// Every claim of the documents matching `query` and the date filters
    /// of `c` that is of the kinds of `c.claims`, oldest first.
    fn claim_rows(&self, query: Box<dyn Query>, c: &Criteria) -> anyhow::Result<Vec<ClaimRow>> {
        let (_, filters) = self.filters(&Criteria {
            entities: c
                .entities
                .iter()
                .filter(|(kind, _)| *kind == EntityKind::Claim)
                .cloned()
                .collect(),
            ..c.dates_only()
        })?;
        let h = self.handle();
        let wanted: Vec<_> = filters
            .entities
            .iter()
            .filter_map(|f| match f {
                EntityFilter::Claim(claim) => Some(claim.clone()),
                _ => None,
            })
            .collect();
        let query = with_filters(query, filters.to_queries(&h.fields));
        let searcher = h.reader.searcher();
        let mut addresses: Vec<_> = searcher
            .search(&*query, &DocSetCollector)
            .context("searching claims")?
            .into_iter()
            .collect();
        addresses.sort();
        let mut rows = Vec::new();
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address).context("reading a document")?;
            let stored = from_document_only(&h.fields, &doc, EntityKind::Claim)?;
            let article = ArticleRef::of(&stored.article);
            // `--claim` keeps the claims of that kind, not only their articles.
            let kept = (stored.entities.claims.into_iter())
                .filter(|claim| wanted.iter().all(|w| w.matches(claim)));
            rows.extend(kept.map(|claim| ClaimRow {
                article: article.clone(),
                claim,
            }));
        }
        rows.sort_by(order);
        Ok(rows)
    }
}

/// Rows grouped by the id of their place, each group in claim order.
fn group_by_place(rows: Vec<ClaimRow>) -> BTreeMap<String, Vec<ClaimRow>> {
    let mut by_place: BTreeMap<String, Vec<ClaimRow>> = BTreeMap::new();
    for row in rows {
        by_place
            .entry(row.claim.place.id.clone())
            .or_default()
            .push(row);
    }
    by_place
}

/// The state of each place of `rows`: sides never answer each other
/// across places.
fn states_by_place(rows: &[ClaimRow]) -> Vec<ClaimState> {
    group_by_place(rows.to_vec())
        .into_values()
        .map(|rows| {
            let mut state = claim_state(&rows);
            state.place = Some(rows[0].claim.place.clone());
            state
        })
        .collect()
}

impl ClaimState {
    /// The date of the later of the two sides' claims.
    pub fn latest(&self) -> Option<NaiveDate> {
        [&self.ru, &self.ua]
            .into_iter()
            .flatten()
            .filter_map(|r| r.claim.date)
            .max()
    }
}

/// Claim order: date (undated first), article, position.
fn order(a: &ClaimRow, b: &ClaimRow) -> std::cmp::Ordering {
    (a.claim.date, &a.article.id, a.claim.start).cmp(&(b.claim.date, &b.article.id, b.claim.start))
}

/// The state of a list of claims: each side's latest, and whether they
/// disagree within [`CONTESTED_WITHIN_DAYS`] (see the module docs).
pub fn claim_state(rows: &[ClaimRow]) -> ClaimState {
    let latest = |side: Side| {
        rows.iter()
            .filter(|r| r.claim.claimant.as_ref().and_then(|c| c.side) == Some(side))
            .max_by(|a, b| order(a, b))
            .cloned()
    };
    let (ru, ua) = (latest(Side::Ru), latest(Side::Ua));
    let contested = match (&ru, &ua) {
        (Some(r), Some(u)) => match (r.claim.date, u.claim.date) {
            (Some(a), Some(b)) => {
                (a - b).num_days().abs() <= CONTESTED_WITHIN_DAYS && disagree(&r.claim, &u.claim)
            }
            _ => false,
        },
        _ => false,
    };
    ClaimState {
        place: None,
        ru,
        ua,
        contested,
    }
}

/// Whether two claims about a place say different things.
pub fn disagree(a: &Claim, b: &Claim) -> bool {
    match (a.denial, b.denial) {
        (true, true) => false,
        (true, false) => a.controller == b.controller,
        (false, true) => a.controller == b.controller,
        (false, false) => (a.controller, a.extent) != (b.controller, b.extent),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claimant, Extent};

    fn row(
        side: Option<Side>,
        controller: Side,
        extent: Extent,
        denial: bool,
        day: u32,
    ) -> ClaimRow {
        ClaimRow {
            article: ArticleRef {
                id: format!("a{day}"),
                path: format!("a{day}.txt"),
                title: None,
                source: None,
                published: None,
                title_from_text: false,
            },
            claim: Claim {
                place: ClaimPlace {
                    id: "pokrovsk".into(),
                    name: "Pokrovsk".into(),
                },
                controller,
                extent,
                claimant: side.map(|side| Claimant {
                    text: "someone".into(),
                    person: None,
                    side: Some(side),
                }),
                denial,
                date: NaiveDate::from_ymd_opt(2025, 11, day),
                sentence: String::new(),
                start: 0,
                end: 0,
            },
        }
    }

    #[test]
    fn contested_when_the_sides_disagree_in_the_same_period() {
        use Extent::*;
        use Side::*;
        let cases = [
            // RU says taken, UA denies it: contested.
            (
                vec![
                    row(Some(Ru), Ru, Full, false, 10),
                    row(Some(Ua), Ru, Full, true, 11),
                ],
                true,
            ),
            // RU says all of it, UA says part of it.
            (
                vec![
                    row(Some(Ua), Ru, Partial, false, 5),
                    row(Some(Ru), Ru, Full, false, 10),
                ],
                true,
            ),
            // Both say RU took it.
            (
                vec![
                    row(Some(Ua), Ru, Full, false, 5),
                    row(Some(Ru), Ru, Full, false, 10),
                ],
                false,
            ),
            // More than 14 days apart: not the same period.
            (
                vec![
                    row(Some(Ua), Ua, Full, false, 1),
                    row(Some(Ru), Ru, Full, false, 20),
                ],
                false,
            ),
            // Only the latest claim of each side counts: UA later agrees.
            (
                vec![
                    row(Some(Ua), Ru, Full, true, 9),
                    row(Some(Ru), Ru, Full, false, 10),
                    row(Some(Ua), Ru, Full, false, 12),
                ],
                false,
            ),
            // Stated as fact or by a third party: no side.
            (
                vec![
                    row(None, Ru, Full, false, 10),
                    row(Some(Other), Ua, Full, false, 11),
                ],
                false,
            ),
        ];
        for (i, (rows, want)) in cases.into_iter().enumerate() {
            let state = claim_state(&rows);
            assert_eq!(state.contested, want, "case {i}: {state:?}");
        }
        let state = claim_state(&[
            row(Some(Ru), Ru, Full, false, 10),
            row(Some(Ua), Ru, Partial, false, 11),
        ]);
        assert_eq!(state.ru.map(|r| r.claim.extent), Some(Extent::Full));
        assert_eq!(state.ua.map(|r| r.claim.extent), Some(Extent::Partial));
    }

    #[test]
    fn a_claim_about_one_place_never_answers_one_about_another() {
        let ru = row(Some(Side::Ru), Side::Ru, Extent::Full, false, 10);
        let mut ua = row(Some(Side::Ua), Side::Ua, Extent::Full, false, 11);
        ua.claim.place = ClaimPlace {
            id: "myrnohrad".into(),
            name: "Myrnohrad".into(),
        };
        let states = states_by_place(&[ru.clone(), ua.clone()]);
        assert_eq!(states.len(), 2);
        assert!(states.iter().all(|s| !s.contested), "{states:?}");
        ua.claim.place = ru.claim.place.clone();
        let states = states_by_place(&[ru, ua]);
        assert_eq!(states.len(), 1);
        assert!(states[0].contested);
        assert_eq!(states[0].latest(), NaiveDate::from_ymd_opt(2025, 11, 11));
    }
}
