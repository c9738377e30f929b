//! Timelines: matching articles (or stories) per day, week or month, by
//! publication date or by the dates mentioned in the text.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::Criteria;
use crate::index::schema::names;
use crate::query::aggregate::day_histogram;
use crate::query::facets::{doc_days, story_days};

/// Period length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// Days.
    Day,
    /// ISO weeks (Monday first).
    Week,
    /// Calendar months.
    #[default]
    Month,
}

/// Which dates a timeline counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateField {
    /// Publication dates.
    #[default]
    Published,
    /// Dates mentioned in the text.
    Mentioned,
}

/// How to cut a timeline.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimelineOptions {
    /// Period length.
    pub by: Period,
    /// Which dates.
    pub dates: DateField,
    /// Count stories (reprint groups) instead of articles.
    pub by_story: bool,
}

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

impl super::Engine {
    /// Matching articles (or stories) per period, in period order.
    pub fn timeline(
        &self,
        criteria: &Criteria,
        opts: TimelineOptions,
    ) -> anyhow::Result<Vec<(String, u64)>> {
        let query = self.query(criteria, false)?;
        count_periods(self.handle(), &*query, opts)
    }
}

/// Documents of `query` (articles, or stories) per period, in period order.
pub fn count_periods(
    handle: &crate::query::IndexHandle,
    query: &dyn tantivy::query::Query,
    opts: TimelineOptions,
) -> anyhow::Result<Vec<(String, u64)>> {
    let field = match opts.dates {
        DateField::Published => names::PUBLISHED,
        DateField::Mentioned => names::MENTIONED,
    };
    let distinct = |pairs: Vec<(NaiveDate, usize)>| {
        let mut by: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (day, unit) in pairs {
            by.entry(period_label(day, opts.by))
                .or_default()
                .insert(unit);
        }
        by.into_iter().map(|(p, s)| (p, s.len() as u64)).collect()
    };
    Ok(if opts.by_story {
        distinct(story_days(handle, query, field)?)
    } else if opts.dates == DateField::Mentioned && opts.by != Period::Day {
        // An article mentioning two days of one month counts once for it.
        distinct(doc_days(handle, query, field)?)
    } else {
        let mut periods: BTreeMap<String, u64> = BTreeMap::new();
        for (day, n) in day_histogram(handle, query, field)? {
            *periods.entry(period_label(day, opts.by)).or_default() += n;
        }
        periods.into_iter().collect()
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
