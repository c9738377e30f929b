//! Human output: readable blocks and aligned tables for stdout. Lines are cut
//! to the terminal width when stdout is a terminal.

use std::io::{self, Write};

use super::{one_line, Style};
use crate::model::{Article, Entities};
use crate::query::entities::{MentionHit, PlaceHit};
use crate::query::search::SearchResults;

fn date_or_dash(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "----------".to_string(), |d| d.to_string())
}

/// Cut a plain line to the terminal width (by characters), with an ellipsis.
fn fit(style: &Style, line: &str) -> String {
    match style.width {
        Some(w) if w > 10 && line.chars().count() > w => {
            let mut s: String = line.chars().take(w - 1).collect();
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
        Some(room) if text.chars().count() > room => {
            let cut = text.char_indices().nth(room).map_or(text.len(), |(i, _)| i);
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

/// Facets: one line per kind, `name count` pairs.
pub fn facets(
    out: &mut dyn Write,
    style: &Style,
    f: &crate::output::json::NamedFacets,
) -> io::Result<()> {
    writeln!(out)?;
    for (label, values) in [
        ("places", &f.places),
        ("people", &f.people),
        ("sources", &f.sources),
        ("months", &f.months),
    ] {
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

/// A ranking: name, article count, variants.
pub fn ranking(
    out: &mut dyn Write,
    style: &Style,
    heading: &str,
    rows: &[(String, u64, Vec<String>)],
) -> io::Result<()> {
    let width = rows
        .iter()
        .map(|r| r.0.chars().count())
        .max()
        .unwrap_or(0)
        .max(heading.len());
    writeln!(
        out,
        "{}",
        style.bold(&format!("{heading:<width$}  articles  variants"))
    )?;
    for (name, count, variants) in rows {
        let line = format!("{name:<width$}  {count:>8}  {}", variants.join(", "));
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

/// Rows of `key: value`.
pub fn key_values(out: &mut dyn Write, style: &Style, rows: &[(String, String)]) -> io::Result<()> {
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    for (k, v) in rows {
        writeln!(out, "{}  {v}", style.bold(&format!("{k:<width$}")))?;
    }
    Ok(())
}

/// A timeline: period, count and a bar scaled to the terminal width.
pub fn timeline(out: &mut dyn Write, style: &Style, rows: &[(String, u64)]) -> io::Result<()> {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let label = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let room = style
        .width
        .unwrap_or(80)
        .saturating_sub(label + 10)
        .clamp(10, 100);
    for (period, count) in rows {
        let bar = ((*count as f64 / max as f64) * room as f64).ceil() as usize;
        writeln!(out, "{period:<label$}  {count:>6}  {}", "█".repeat(bar))?;
    }
    Ok(())
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
}
