//! Extraction quality on real, third-party annotated data and on the
//! synthetic corpus of `../shared/tools` (skipped with a notice when
//! `../shared` is absent). Each part prints its figures (run with
//! `--nocapture` to see them) and fails when one drops below its floor.

#[path = "eval/claims.rs"]
mod claims;
#[path = "eval/dates.rs"]
mod dates;
#[path = "eval/people.rs"]
mod people;
#[path = "eval/people_dev.rs"]
mod people_dev;
#[path = "eval/places.rs"]
mod places;
#[path = "eval/places_en.rs"]
mod places_en;
#[path = "eval/score.rs"]
mod score;
