//! Control claims in the index: per article the `claim` filter terms (the
//! controller, the controller with its extent, or a denial), and the
//! `claim_place` ids (the places claimed and every place containing them,
//! so the claims about a region include those about the places inside it).
//! The claims themselves are stored with the article's entities.

use tantivy::query::{Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use super::{Indexed, Kind};
use crate::index::schema::Fields;
use crate::model::{Claim, EntityKind};

/// The index side of control claims.
pub struct Claims;

impl Kind for Claims {
    fn kind(&self) -> EntityKind {
        EntityKind::Claim
    }

    fn add_terms(&self, fields: &Fields, input: Indexed<'_>, doc: &mut TantivyDocument) {
        let claims = &input.entities.claims;
        let mut terms: Vec<String> = claims.iter().flat_map(claim_terms).collect();
        terms.sort_unstable();
        terms.dedup();
        for term in terms {
            doc.add_text(fields.claim, term);
        }
        // The claimed places with every place containing them, from the
        // facet paths of the article's places.
        let mut claimed: Vec<&str> = Vec::new();
        for claim in claims {
            let id = claim.place.id.as_str();
            let path = input
                .facets
                .iter()
                .find(|p| p.rsplit('/').next() == Some(id));
            match path {
                Some(path) => claimed.extend(path.split('/').filter(|s| !s.is_empty())),
                None => claimed.push(id),
            }
        }
        claimed.sort_unstable();
        claimed.dedup();
        for id in claimed {
            doc.add_text(fields.claim_place, id);
        }
    }

    fn facet(&self) -> Option<&'static str> {
        // Not a facet of search results: a claim is a statement about a
        // place, already counted among the places (and `claims` without a
        // place ranks the claimed places).
        None
    }
}

/// A claim filter: one `claim` term (`ru`, `ua:partial`, `ru:denied`; see
/// [`claim_terms`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimFilter {
    /// The term.
    pub term: String,
}

impl ClaimFilter {
    /// The filter a user's value means (`RU`, `ua:Partial`, `ru:denied` …,
    /// any case), or `None` when it is not one.
    pub fn parse(value: &str) -> Option<ClaimFilter> {
        let v = value.trim().to_ascii_lowercase();
        let (side, rest) = match v.split_once(':') {
            Some((side, rest)) => (side, Some(rest)),
            None => (v.as_str(), None),
        };
        if side != "ru" && side != "ua" {
            return None;
        }
        let term = match rest {
            None => side.to_string(),
            Some(r @ ("full" | "partial" | "encircled" | "denied")) => format!("{side}:{r}"),
            Some(_) => return None,
        };
        Some(ClaimFilter { term })
    }

    /// The message for a value [`ClaimFilter::parse`] refuses.
    pub fn expected(value: &str) -> String {
        format!(
            "claim {value:?}: expected ru or ua, optionally with :full, :partial, :encircled or :denied"
        )
    }

    /// Whether one claim is of this kind (`--claim` keeps the claims of
    /// that kind, not only their articles).
    pub fn matches(&self, claim: &Claim) -> bool {
        claim_terms(claim).contains(&self.term)
    }
}

/// The `claim` terms of one claim: the controller (`ru`) and the controller
/// with its extent (`ru:full`); a denial gives only `ru:denied`, so that
/// `--claim ru` never matches an article that only reports a denial.
pub fn claim_terms(claim: &Claim) -> Vec<String> {
    let side = claim.controller.as_str().to_ascii_lowercase();
    if claim.denial {
        vec![format!("{side}:denied")]
    } else {
        vec![side.clone(), format!("{side}:{}", claim.extent.as_str())]
    }
}

/// The query of a claim filter.
pub fn filter_query(fields: &Fields, claim: &ClaimFilter) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(fields.claim, &claim.term),
        IndexRecordOption::Basic,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_filter_values_are_the_indexed_terms() {
        for (value, want) in [
            ("ru", Some("ru")),
            ("UA", Some("ua")),
            ("ru:Full", Some("ru:full")),
            ("ua:partial", Some("ua:partial")),
            ("ru:encircled", Some("ru:encircled")),
            ("ru:denied", Some("ru:denied")),
            ("other", None),
            ("ru:half", None),
            ("", None),
        ] {
            let got = ClaimFilter::parse(value).map(|f| f.term);
            assert_eq!(got.as_deref(), want, "{value}");
        }
    }
}
