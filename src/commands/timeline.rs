//! `frontline timeline`: matching articles per day, week or month, counted
//! with tantivy's date histogram aggregation.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::Outcome;
use crate::cli::{DatesArg, Period, TimelineArgs};
use crate::index::schema::names;
use crate::output::{json, table, Style};
use crate::query::aggregate::day_histogram;
use crate::query::facets::{doc_days, story_days};
use crate::query::search::parse_query;
use crate::query::with_filters;

/// The label of the period a day falls in.
pub fn period_label(day: NaiveDate, by: Period) -> String {
    match by {
        Period::Day => day.to_string(),
        Period::Week => {
            let monday = day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()));
            format!("{monday} (W{:02})", day.iso_week().week())
        }
        Period::Month => format!("{:04}-{:02}", day.year(), day.month()),
    }
}

/// Matching documents per period, oldest first: articles, or stories when
/// `by_story`; by publication date or by the dates mentioned in the text.
pub fn count_periods(
    handle: &crate::query::IndexHandle,
    query: &dyn tantivy::query::Query,
    dates: DatesArg,
    by: Period,
    by_story: bool,
) -> anyhow::Result<Vec<(String, u64)>> {
    let field = match dates {
        DatesArg::Published => names::PUBLISHED,
        DatesArg::Mentioned => names::MENTIONED,
    };
    let mut periods: BTreeMap<String, u64> = BTreeMap::new();
    if by_story {
        let mut stories: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (day, story) in story_days(handle, query, field)? {
            stories
                .entry(period_label(day, by))
                .or_default()
                .insert(story);
        }
        periods = stories
            .into_iter()
            .map(|(p, s)| (p, s.len() as u64))
            .collect();
    } else if dates == DatesArg::Mentioned && by != Period::Day {
        // An article mentioning two days of one month counts once for it.
        let mut docs: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (day, doc) in doc_days(handle, query, field)? {
            docs.entry(period_label(day, by)).or_default().insert(doc);
        }
        periods = docs.into_iter().map(|(p, s)| (p, s.len() as u64)).collect();
    } else {
        for (day, n) in day_histogram(handle, query, field)? {
            *periods.entry(period_label(day, by)).or_default() += n;
        }
    }
    Ok(periods.into_iter().collect())
}

/// Run `frontline timeline`.
pub fn run(
    index: &Path,
    args: &TimelineArgs,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let handle = super::open_index(index)?;
    let (text, places, people) = super::search::split_entity_clauses(&args.query.join(" "));
    let mut filters = super::date_filters(&args.filters)?;
    let places: Vec<String> = args.place.iter().cloned().chain(places).collect();
    if !places.is_empty() {
        let gaz = super::gazetteer(&args.gazetteer)?;
        for name in &places {
            let (entry, _) = super::resolve_place(gaz, name)?;
            filters.places.push(super::place_filter(gaz, entry));
        }
    }
    for name in args.person.iter().cloned().chain(people) {
        filters.people.push(super::person_filter(&name)?);
    }
    let query = with_filters(
        parse_query(&handle, &text)?,
        filters.to_queries(&handle.fields),
    );
    let rows = count_periods(&handle, &*query, args.dates, args.by, args.by_story)?;
    if args.json {
        for (period, n) in &rows {
            json::line(out, &serde_json::json!({ "period": period, "articles": n }))?;
        }
    } else {
        table::timeline(out, style, &rows)?;
    }
    Ok(if rows.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let d = NaiveDate::from_ymd_opt(2025, 11, 6).unwrap_or_default();
        assert_eq!(period_label(d, Period::Day), "2025-11-06");
        assert_eq!(period_label(d, Period::Week), "2025-11-03 (W45)");
        assert_eq!(period_label(d, Period::Month), "2025-11");
    }
}
