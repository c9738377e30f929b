//! Entity extraction: pure functions from article text to places, people and
//! dates. No I/O, no tantivy, no clap: everything here takes `&str` (plus the
//! gazetteer or a publication date) and returns plain [`crate::model`] types.

pub mod dates;
pub mod gazetteer;
pub mod people;
pub mod places;
#[cfg(test)]
mod props;
pub mod translit;

use crate::model::{Article, Entities};
use gazetteer::Gazetteer;

/// Extract every entity from an article's text (title and body, see
/// [`Article::text`]; offsets are into that text).
///
/// Places come first because people extraction must not report a place name
/// ("Mirnograd") as a person; dates are resolved against the publication date.
pub fn extract(article: &Article, gazetteer: &Gazetteer) -> Entities {
    let text = article.text();
    let places = places::find_places(&text, gazetteer);
    let people = people::find_people(&text, &places);
    let dates = dates::find_dates(&text, article.published);
    Entities {
        places,
        people,
        dates,
    }
}
