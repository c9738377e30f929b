//! Human output: readable blocks and aligned tables for stdout. Lines are cut
//! to the terminal width when stdout is a terminal.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{one_line, Style};
use crate::index::writer::IndexReport;
use crate::model::{Article, Claim, Entities};
use crate::query::entities::{MentionHit, PlaceHit};
use crate::query::search::SearchResults;
use crate::service::{ClaimPlaceRow, ClaimRow, ClaimState, NamedFacets};

fn date_or_dash(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "----------".to_string(), |d| d.to_string())
}

/// The byte length of the longest prefix of `text` that fits in `columns`
/// terminal columns (combining marks take none, wide characters two).
fn prefix_fitting(text: &str, columns: usize) -> usize {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > columns {
            return i;
        }
    }
    text.len()
}

/// `text` padded with spaces to `columns` terminal columns.
fn pad(text: &str, columns: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(columns.saturating_sub(w)))
}

/// Cut a plain line to the terminal width (in display columns), with an
/// ellipsis.
fn fit(style: &Style, line: &str) -> String {
    match style.width {
        Some(w) if w > 10 && line.width() > w => {
            let mut s = line[..prefix_fitting(line, w - 1)].to_string();
            s.push('…');
            s
        }
        _ => line.to_string(),
    }
}

/// A highlighted line cut to the terminal width (after a 5-column indent),
/// with an ellipsis; highlights beyond the cut are dropped or clipped.
fn fit_marked(style: &Style, text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let room = style.width.map(|w| w.saturating_sub(6)).filter(|w| *w > 10);
    match room {
        Some(room) if text.width() > room => {
            let cut = prefix_fitting(text, room);
            let ranges: Vec<_> = ranges
                .iter()
                .filter(|r| r.start < cut)
                .map(|r| r.start..r.end.min(cut))
                .collect();
            format!("{}…", style.highlight(&text[..cut], &ranges))
        }
        _ => style.highlight(text, ranges),
    }
}

/// Search hits: rank, score, date, title, path, then the snippet.
pub fn search(out: &mut dyn Write, style: &Style, results: &SearchResults) -> io::Result<()> {
    for hit in &results.hits {
        let a = &hit.stored.article;
        let head = format!(
            "{:>3}. {:>6.2}  {}  {}",
            hit.rank,
            hit.score,
            date_or_dash(a.published),
            a.title.as_deref().unwrap_or("(untitled)")
        );
        writeln!(out, "{}", style.bold(&fit(style, &head)))?;
        let mut meta = a.id.clone();
        if let Some(source) = &a.source {
            meta = format!("{meta} · {source}");
        }
        if let Some(page) = hit.page {
            meta = format!("{meta} · p. {page}");
        }
        writeln!(out, "     {}", style.dim(&fit(style, &meta)))?;
        let (text, ranges) = one_line(&hit.snippet.text, &hit.snippet.highlights);
        writeln!(out, "     {}", fit_marked(style, &text, &ranges))?;
        if !hit.reprints.is_empty() {
            let outlets: Vec<&str> = hit
                .reprints
                .iter()
                .map(|r| r.source.as_deref().unwrap_or(r.id.as_str()))
                .collect();
            let line = format!("+{} reprints: {}", hit.reprints.len(), outlets.join(", "));
            writeln!(out, "     {}", style.dim(&fit(style, &line)))?;
        }
        writeln!(out)?;
    }
    let shown = results.hits.len();
    writeln!(
        out,
        "{}",
        style.dim(&format!("{shown} of {} matching articles", results.total))
    )
}

/// Facets: one line per entity kind, then sources and months, `name count`
/// pairs.
pub fn facets(out: &mut dyn Write, style: &Style, f: &NamedFacets) -> io::Result<()> {
    writeln!(out)?;
    let kinds = f.entities.iter().map(|(k, v)| (k.plural(), &v[..]));
    for (label, values) in kinds
        .into_iter()
        .chain([("sources", &f.sources[..]), ("months", &f.months[..])])
    {
        let list: Vec<String> = values
            .iter()
            .map(|v| format!("{} {}", v.name, v.count))
            .collect();
        let line = format!("{label:<8} {}", list.join(", "));
        writeln!(out, "{}", fit(style, &line))?;
    }
    Ok(())
}

/// Articles about a place.
pub fn place(out: &mut dyn Write, style: &Style, hits: &[PlaceHit]) -> io::Result<()> {
    for hit in hits {
        let head = format!(
            "{}  {}",
            date_or_dash(hit.article.published),
            hit.article.title.as_deref().unwrap_or("(untitled)")
        );
        writeln!(out, "{}", style.bold(&fit(style, &head)))?;
        writeln!(
            out,
            "     {}",
            style.dim(&fit(
                style,
                &format!("{} · as: {}", hit.article.id, hit.variants.join(", "))
            ))
        )?;
        let (text, ranges) = one_line(&hit.sentence, std::slice::from_ref(&hit.highlight));
        writeln!(out, "     {}", fit_marked(style, &text, &ranges))?;
    }
    Ok(())
}

/// Mentions of a person, then the counts and spellings.
pub fn mentions(out: &mut dyn Write, style: &Style, hits: &[MentionHit]) -> io::Result<()> {
    for hit in hits {
        let mut tags = vec![format!("as {}", hit.text)];
        if let Some(role) = &hit.role {
            tags.push(role.clone());
        }
        if hit.speaker {
            tags.push("speaking".to_string());
        }
        let head = format!(
            "{}  {}",
            date_or_dash(hit.article.published),
            hit.article
                .title
                .as_deref()
                .or(hit.article.source.as_deref())
                .unwrap_or("(untitled)")
        );
        writeln!(out, "{}", style.bold(&fit(style, &head)))?;
        writeln!(
            out,
            "     {}",
            style.dim(&fit(
                style,
                &format!("{} · {}", hit.article.id, tags.join(" · "))
            ))
        )?;
        let (text, ranges) = one_line(&hit.sentence, std::slice::from_ref(&hit.highlight));
        writeln!(out, "     {}", fit_marked(style, &text, &ranges))?;
    }
    Ok(())
}

/// What a claim says: `RU full`, `UA partial`, or `denies RU full`.
pub fn claim_says(claim: &Claim) -> String {
    let says = format!("{} {}", claim.controller.as_str(), claim.extent.as_str());
    if claim.denial {
        format!("denies {says}")
    } else {
        says
    }
}

/// Who makes a claim: `Maryana Bezuhla (UA)`, or `stated as fact`.
fn claimant(claim: &Claim) -> String {
    match &claim.claimant {
        Some(c) => match c.side {
            Some(side) => format!("{} ({})", c.text, side.as_str()),
            None => c.text.clone(),
        },
        None => "stated as fact".to_string(),
    }
}

/// Claims in date order: date, what is claimed about which place, by whom,
/// then the article and the sentence.
pub fn claims(out: &mut dyn Write, style: &Style, rows: &[ClaimRow]) -> io::Result<()> {
    for row in rows {
        let c = &row.claim;
        let head = format!(
            "{}  {:<20}  {}  · {}",
            date_or_dash(c.date),
            claim_says(c),
            c.place.name,
            claimant(c)
        );
        writeln!(out, "{}", style.bold(&fit(style, &head)))?;
        writeln!(out, "     {}", style.dim(&fit(style, &row.article.id)))?;
        let (text, _) = one_line(&c.sentence, &[]);
        writeln!(out, "     {}", fit(style, &text))?;
    }
    Ok(())
}

/// The state of each place as each side tells it, with the contested line;
/// after the first, places no side has spoken about are left out.
pub fn claim_states(out: &mut dyn Write, style: &Style, states: &[ClaimState]) -> io::Result<()> {
    for (i, state) in states.iter().enumerate() {
        if i == 0 || state.ru.is_some() || state.ua.is_some() {
            claim_state(out, style, state)?;
        }
    }
    Ok(())
}

/// The state of a place as each side tells it, and the contested line.
pub fn claim_state(out: &mut dyn Write, style: &Style, state: &ClaimState) -> io::Result<()> {
    if let Some(place) = &state.place {
        writeln!(out, "{}", style.bold(&place.name))?;
    }
    for (side, row) in [("RU", &state.ru), ("UA", &state.ua)] {
        let line = match row {
            Some(r) => format!(
                "  {side} side says: {} ({}, {}; {})",
                claim_says(&r.claim),
                date_or_dash(r.claim.date),
                claimant(&r.claim),
                r.article.id
            ),
            None => format!("  {side} side says: no claim"),
        };
        writeln!(out, "{}", fit(style, &line))?;
    }
    if state.contested {
        writeln!(
            out,
            "{}",
            style.bold(&format!(
                "  contested: the sides disagree within {} days",
                crate::service::CONTESTED_WITHIN_DAYS
            ))
        )?;
    }
    Ok(())
}

/// Places with recent claims: place, claims, articles, latest date, each
/// side's latest claim, contested.
pub fn claim_places(out: &mut dyn Write, style: &Style, rows: &[ClaimPlaceRow]) -> io::Result<()> {
    let width = rows
        .iter()
        .map(|r| r.place.name.width())
        .max()
        .unwrap_or(0)
        .max(5);
    writeln!(
        out,
        "{}",
        style.bold(&format!(
            "{}  claims  articles  latest      RU side says          UA side says",
            pad("place", width)
        ))
    )?;
    let says = |r: &Option<ClaimRow>| r.as_ref().map_or("-".to_string(), |r| claim_says(&r.claim));
    for r in rows {
        let line = format!(
            "{}  {:>6}  {:>8}  {}  {:<20}  {:<20}{}",
            pad(&r.place.name, width),
            r.claims,
            r.articles,
            date_or_dash(r.latest),
            says(&r.state.ru),
            says(&r.state.ua),
            if r.state.contested { "  contested" } else { "" }
        );
        writeln!(out, "{}", fit(style, line.trim_end()))?;
    }
    Ok(())
}

/// A ranking: name, article count, variants.
pub fn ranking(
    out: &mut dyn Write,
    style: &Style,
    heading: &str,
    rows: &[(String, u64, Vec<String>)],
) -> io::Result<()> {
    let width = rows
        .iter()
        .map(|r| r.0.width())
        .max()
        .unwrap_or(0)
        .max(heading.width());
    writeln!(
        out,
        "{}",
        style.bold(&format!("{}  articles  variants", pad(heading, width)))
    )?;
    for (name, count, variants) in rows {
        let line = format!("{}  {count:>8}  {}", pad(name, width), variants.join(", "));
        writeln!(out, "{}", fit(style, &line))?;
    }
    Ok(())
}

/// What `extract` found in one article.
pub fn extract(
    out: &mut dyn Write,
    style: &Style,
    article: &Article,
    entities: &Entities,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        style.bold(&format!(
            "{}  {}  {}",
            article.id,
            date_or_dash(article.published),
            article.title.as_deref().unwrap_or("(untitled)")
        ))
    )?;
    for p in &entities.places {
        let surfaces: Vec<String> = p
            .mentions
            .iter()
            .map(|m| {
                let how = format!("{:?}", m.match_kind).to_lowercase();
                format!("{} ({how})", m.text)
            })
            .collect();
        let parent = p
            .parent
            .as_deref()
            .map(|s| format!(", {s}"))
            .unwrap_or_default();
        writeln!(
            out,
            "  place   {} [{}{}]: {}",
            p.name,
            p.kind,
            parent,
            surfaces.join(", ")
        )?;
    }
    for p in &entities.people {
        let surfaces: Vec<String> = p
            .mentions
            .iter()
            .map(|m| match &m.role {
                Some(role) => format!("{} ({role})", m.text),
                None => m.text.clone(),
            })
            .collect();
        writeln!(out, "  person  {}: {}", p.name, surfaces.join(", "))?;
    }
    for d in &entities.dates {
        writeln!(
            out,
            "  date    {} ({:?}): {}",
            d.value, d.granularity, d.text
        )?;
    }
    writeln!(out)
}

/// Outlets `stats` names in its table.
const SOURCES_SHOWN: usize = 10;

/// `stats`: articles, formats, sources, dates, size, last run.
pub fn stats(out: &mut dyn Write, style: &Style, s: &crate::service::Stats) -> io::Result<()> {
    let list = |v: &[(String, u64)]| {
        v.iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // The ten largest outlets; a folder of news has hundreds (`--json`
    // lists them all).
    let top = SOURCES_SHOWN.min(s.sources.len());
    let mut sources = list(&s.sources[..top]);
    if s.sources.len() > top {
        sources.push_str(&format!(", … {} more", s.sources.len() - top));
    }
    let rows = vec![
        ("articles".to_string(), s.articles.to_string()),
        ("formats".to_string(), list(&s.formats)),
        ("sources".to_string(), sources),
        (
            "published".to_string(),
            s.published
                .map_or("-".to_string(), |(a, b)| format!("{a} to {b}")),
        ),
        (
            "index size".to_string(),
            format!("{:.1} MB", s.index_bytes as f64 / 1e6),
        ),
        (
            "last indexed".to_string(),
            s.meta.indexed_at.clone().unwrap_or_else(|| "-".to_string()),
        ),
    ];
    key_values(out, style, &rows)
}

/// Rows of `key: value`.
pub fn key_values(out: &mut dyn Write, style: &Style, rows: &[(String, String)]) -> io::Result<()> {
    let width = rows.iter().map(|r| r.0.width()).max().unwrap_or(0);
    for (k, v) in rows {
        writeln!(out, "{}  {v}", style.bold(&pad(k, width)))?;
    }
    Ok(())
}

/// A timeline: period, count and a bar scaled to the terminal width.
pub fn timeline(out: &mut dyn Write, style: &Style, rows: &[(String, u64)]) -> io::Result<()> {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let label = rows.iter().map(|r| r.0.width()).max().unwrap_or(0);
    let room = style
        .width
        .unwrap_or(80)
        .saturating_sub(label + 10)
        .clamp(10, 100);
    for (period, count) in rows {
        let bar = ((*count as f64 / max as f64) * room as f64).ceil() as usize;
        writeln!(
            out,
            "{}  {count:>6}  {}",
            pad(period, label),
            "█".repeat(bar)
        )?;
    }
    Ok(())
}

/// The one-line summary of an indexing run: files, articles, changes,
/// skips, time, MB/s, and why every file was extracted again if it was.
pub fn index_summary(r: &IndexReport) -> String {
    let secs = r.elapsed.as_secs_f64();
    let mbps = if secs > 0.0 {
        r.bytes_read as f64 / 1e6 / secs
    } else {
        0.0
    };
    let mut skipped = format!("{} skipped", r.skipped_total());
    if !r.skipped.is_empty() {
        let by: Vec<String> = r.skipped.iter().map(|(k, v)| format!("{k} {v}")).collect();
        skipped = format!("{skipped} ({})", by.join(", "));
    }
    let mut line = format!(
        "indexed {} articles from {} files: {} added, {} updated, {} removed, {} unchanged; {}; {} degraded; {:.2} s, {:.1} MB/s; {} articles in the index",
        r.articles_indexed,
        r.files_seen,
        r.added,
        r.updated,
        r.removed,
        r.unchanged,
        skipped,
        r.degraded,
        secs,
        mbps,
        r.total_articles
    );
    if r.reextracted > 0 {
        line.push_str(&format!(
            "; {} files extracted again: the extraction rules or data changed",
            r.reextracted
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_the_terminal() {
        let narrow = Style {
            color: false,
            width: Some(40),
        };
        let text = "Russian forces pushed into Pokrovsk on Wednesday, officials said.";
        let start = text.find("Pokrovsk").unwrap_or(0);
        let line = fit_marked(&narrow, text, std::slice::from_ref(&(start..start + 8)));
        // 5 columns of indent, the text, the two markers, the ellipsis.
        assert!(5 + line.chars().count() <= 40 + 2, "{line}");
        assert!(line.ends_with('…'));
        assert!(line.contains("[Pokro"), "{line}");
        let wide = Style::plain();
        assert_eq!(fit_marked(&wide, "a b", &[]), "a b");
        assert_eq!(fit(&narrow, &"x".repeat(60)).chars().count(), 40);
    }

    #[test]
    fn widths_are_display_columns() {
        // Combining acute accents take no column, CJK characters two.
        let stressed = "Запоро\u{301}жжя";
        let wide = "東京";
        let rows = vec![
            (stressed.to_string(), 3, vec![]),
            (wide.to_string(), 2, vec![]),
            ("Kyiv".to_string(), 1, vec![]),
        ];
        let mut out = Vec::new();
        ranking(&mut out, &Style::plain(), "place", &rows).expect("write");
        let text = String::from_utf8(out).expect("utf8");
        // Every count starts in the same column.
        let starts: Vec<usize> = text
            .lines()
            .skip(1)
            .map(|l| {
                let digits = l.find(|c: char| c.is_ascii_digit()).expect("count");
                l[..digits].width()
            })
            .collect();
        assert!(
            starts.windows(2).all(|w| w[0] == w[1]),
            "{text}\n{starts:?}"
        );
        assert_eq!(starts[0], stressed.width() + 2 + 7, "{text}");
        let narrow = Style {
            color: false,
            width: Some(12),
        };
        let cut = fit(&narrow, &"東京".repeat(10));
        assert!(cut.width() <= 12, "{cut}");
        let cut = fit(&narrow, &stressed.repeat(3));
        assert!(cut.width() <= 12 && cut.chars().count() > 12, "{cut}");
    }
}
