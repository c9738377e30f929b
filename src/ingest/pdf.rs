//! PDF documents: the text of each page, read by `pdf-extract` (which lays
//! out glyphs with their fonts' encodings, ToUnicode maps and positions, on
//! top of `lopdf`'s object parser).
//!
//! The body is the pages' text in order, separated by a form feed (`\f`,
//! U+000C, as `pdftotext` does): the body itself stores where each page
//! starts, so the page of any offset (a search hit, a place mention) is one
//! plus the number of form feeds before it (`Article::page_at`). Title: the
//! document information `/Title`, else the first line of the first page.
//! Publication date: a `Published:`-style header line or a dated line at the
//! top of the first page, else `/CreationDate`; with neither, the indexer
//! looks for a date in the text as for any article.
//!
//! Skipped with their reason: a file that does not parse, an encrypted PDF
//! that needs a password, and a PDF with no text layer (scanned pages or
//! images only). pdf-extract panics on some malformed files; such a panic is
//! caught and reported as a malformed PDF.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use chrono::NaiveDate;
use pdf_extract::{Document, Object};

use super::{new_article, non_empty, txt, SkipReason};
use crate::model::{Article, Format, PAGE_BREAK};

thread_local! {
    /// Set while this thread runs the PDF reader, whose panics are caught
    /// and reported as a skip: the panic hook stays silent for them.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Installs (once) a panic hook that says nothing for panics of the PDF
/// reader (they become one skip warning) and defers to the previous hook for
/// every other panic.
fn silence_panics_in_pdf_reader() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Parses a PDF into one article.
pub(crate) fn parse(rel: &str, bytes: &[u8]) -> Result<Article, SkipReason> {
    let malformed = |why: String| SkipReason::Malformed(format!("PDF: {why}"));
    silence_panics_in_pdf_reader();
    QUIET.with(|q| q.set(true));
    let extracted = catch_unwind(AssertUnwindSafe(|| extract(bytes)));
    QUIET.with(|q| q.set(false));
    let extracted = extracted.map_err(|payload| {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        malformed(format!("the PDF reader failed on this file ({why})"))
    })?;
    let (pages, info) = extracted?;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(malformed(format!(
            "no text layer ({} page(s) of images or scans)",
            pages.len()
        )));
    }
    let mut a = new_article(rel.to_string(), rel, Format::Pdf);
    let first = pages
        .iter()
        .find(|p| !p.trim().is_empty())
        .map_or("", |p| p.as_str());
    let head = txt::parse_head(first, false);
    a.title = info.title.or(head.title);
    a.published = head.published.or(info.created);
    a.source = head.source.or(info.author);
    a.url = head.url;
    a.lang = head.lang;
    a.body = pages.join(&PAGE_BREAK.to_string());
    Ok(a)
}

/// What the document information dictionary says.
#[derive(Debug, Default)]
struct Info {
    title: Option<String>,
    created: Option<NaiveDate>,
    author: Option<String>,
}

/// Loads, decrypts (empty password) and extracts the text of every page.
fn extract(bytes: &[u8]) -> Result<(Vec<String>, Info), SkipReason> {
    let malformed = |why: String| SkipReason::Malformed(format!("PDF: {why}"));
    let mut doc = Document::load_mem(bytes).map_err(|e| malformed(e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(malformed("encrypted, a password is needed".to_string()));
    }
    let info = info(&doc);
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(malformed("no pages".to_string()));
    }
    let mut out = Vec::with_capacity(pages.len());
    for &n in pages.keys() {
        let mut s = String::new();
        {
            let mut dev = pdf_extract::PlainTextOutput::new(&mut s);
            // A page that fails is left empty rather than losing the others.
            let _ = pdf_extract::output_doc_page(&doc, &mut dev, n);
        }
        out.push(tidy(&s));
    }
    Ok((out, info))
}

/// Trims lines and keeps at most one blank line between paragraphs.
fn tidy(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut blank = 0;
    for line in page.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Title, creation date and author from the trailer's `/Info`.
fn info(doc: &Document) -> Info {
    let dict = doc.trailer.get(b"Info").ok().and_then(|o| match o {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    });
    let Some(dict) = dict else {
        return Info::default();
    };
    let text = |key: &[u8]| match dict.get(key).ok()? {
        Object::String(bytes, _) => non_empty(&pdf_string(bytes)),
        _ => None,
    };
    Info {
        title: text(b"Title").filter(|t| !t.eq_ignore_ascii_case("untitled")),
        created: text(b"CreationDate").and_then(|d| pdf_date(&d)),
        author: text(b"Author"),
    }
}

/// A PDF text string: UTF-16BE with a BOM, UTF-8 with a BOM, else
/// PDFDocEncoding (Latin-1 for the characters metadata uses).
fn pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| b as char).collect()
}

/// `D:20251105093000+02'00'` → 2025-11-05.
fn pdf_date(s: &str) -> Option<NaiveDate> {
    let digits = s.trim().trim_start_matches("D:");
    NaiveDate::parse_from_str(digits.get(..8)?, "%Y%m%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_dates_and_strings() {
        let mut a = new_article("x.pdf".into(), "x.pdf", Format::Pdf);
        a.body = "one\u{c}two\u{c}three".into();
        assert_eq!(a.page_at(0), Some(1));
        assert_eq!(a.page_at(4), Some(2));
        assert_eq!(a.page_at(a.body.len()), Some(3));
        assert_eq!(a.page_at(999), Some(3));
        a.format = Format::Txt;
        assert_eq!(a.page_at(4), None);
        assert_eq!(
            pdf_date("D:20251105093000+02'00'").unwrap().to_string(),
            "2025-11-05"
        );
        assert_eq!(pdf_date("D:2025"), None);
        assert_eq!(pdf_string(b"\xFE\xFF\x04\x1F\x00a"), "Пa");
        assert_eq!(pdf_string(b"Caf\xE9"), "Café");
        assert_eq!(tidy("  a \n\n\n b\nc  "), "a\n\nb\nc");
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        for bytes in [
            &b""[..],
            b"%PDF-1.4\n",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
            b"not a pdf",
        ] {
            let err = parse("x.pdf", bytes).unwrap_err();
            assert_eq!(err.kind(), "malformed", "{err}");
        }
    }
}
