//! Word (`.docx`) and OpenDocument (`.odt`) text documents.
//!
//! Both are zip archives of XML parts: the `zip` crate opens the archive,
//! `quick-xml` streams the parts. DOCX: paragraphs (`w:p`) of
//! `word/document.xml` in order, with tabs and line breaks; the title
//! (`dc:title`), the author and the creation date (`dcterms:created`) from
//! `docProps/core.xml`. ODT: paragraphs and headings (`text:p`, `text:h`) of
//! `content.xml`, and `dc:title`, `meta:initial-creator` and
//! `meta:creation-date` from `meta.xml`. Without a title property, the first
//! paragraph is the title (as the first line of a text file is).
//!
//! A file that is not a zip, or a zip without the document part (an `.xlsx`
//! renamed, a truncated download), is skipped as malformed.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{date, new_article, non_empty, SkipReason};
use crate::model::{Article, Format};

/// A document part larger than this (uncompressed) is not read: a zip bomb
/// guard far above any report.
const MAX_PART: u64 = 256 * 1024 * 1024;

/// Parses a `.docx` or `.odt` file into one article.
pub(crate) fn parse(rel: &str, format: Format, bytes: &[u8]) -> Result<Article, SkipReason> {
    let kind = if format == Format::Odt { "ODT" } else { "DOCX" };
    let malformed = |why: String| SkipReason::Malformed(format!("{kind}: {why}"));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| malformed(format!("not a zip archive ({e})")))?;
    let (body_part, meta_part, para, tab, brk) = match format {
        Format::Odt => (
            "content.xml",
            "meta.xml",
            &["p", "h"][..],
            "tab",
            "line-break",
        ),
        _ => (
            "word/document.xml",
            "docProps/core.xml",
            &["p"][..],
            "tab",
            "br",
        ),
    };
    let content = read_part(&mut zip, body_part)
        .map_err(|why| malformed(format!("{body_part}: {why}")))?
        .ok_or_else(|| malformed(format!("no {body_part} in the archive")))?;
    let paragraphs = paragraphs(&content, format, para, tab, brk)
        .map_err(|why| malformed(format!("{body_part}: {why}")))?;
    let meta = read_part(&mut zip, meta_part)
        .ok()
        .flatten()
        .map(|m| properties(&m))
        .unwrap_or_default();
    let mut a = new_article(rel.to_string(), rel, format);
    let mut paragraphs: Vec<String> = paragraphs
        .into_iter()
        .filter_map(|p| non_empty(&p))
        .collect();
    // The first paragraphs of a document often repeat its properties: a
    // title line, the author, the date (Word's Title style, pandoc's Title,
    // Author and Date paragraphs). They are metadata, not body text.
    let mut head = 0;
    while head < paragraphs.len().min(4) && paragraphs.len() - head > 1 {
        let p = &paragraphs[head];
        let repeats = Some(p) == meta.title.as_ref()
            || Some(p) == meta.author.as_ref()
            || (p.len() <= 40 && date::parse_date(p).is_some());
        if !repeats {
            break;
        }
        head += 1;
    }
    paragraphs.drain(..head);
    match meta.title {
        Some(t) => a.title = Some(t),
        None if paragraphs.len() > 1 => a.title = Some(paragraphs.remove(0)),
        None => {}
    }
    a.published = meta.created;
    a.source = meta.author;
    a.body = paragraphs.join("\n\n");
    Ok(a)
}

/// The bytes of one part, `None` when the archive has no such part.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let mut out = Vec::new();
    file.take(MAX_PART)
        .read_to_end(&mut out)
        .map_err(|e| e.to_string())?;
    Ok(Some(out))
}

/// The text of each paragraph element of a body part, in order.
fn paragraphs(
    xml: &[u8],
    format: Format,
    para: &[&str],
    tab: &str,
    brk: &str,
) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    // Text is only inside `w:t` in DOCX (field codes sit in `w:instrText`);
    // in ODT all text inside a paragraph counts.
    let mut in_text = false;
    let mut depth_para = 0usize;
    loop {
        match reader.read_event_into(&mut buf) {
            Err(e) => {
                return Err(format!(
                    "XML error at byte {}: {e}",
                    reader.buffer_position()
                ))
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                let name = e.local_name();
                let name = name.as_ref();
                if para.contains(&name) {
                    depth_para += 1;
                    current.get_or_insert_with(String::new);
                } else if format != Format::Odt && name == "t" {
                    in_text = true;
                }
            }
            Ok(Event::Empty(e)) => {
                let name = e.local_name();
                let name = name.as_ref();
                if let Some(p) = current.as_mut() {
                    if name == tab {
                        p.push('\t');
                    } else if name == brk {
                        p.push('\n');
                    } else if format == Format::Odt && name == "s" {
                        p.push(' ');
                    }
                }
            }
            Ok(Event::End(e)) => {
                let name = e.local_name();
                let name = name.as_ref();
                if para.contains(&name) {
                    depth_para = depth_para.saturating_sub(1);
                    if depth_para == 0 {
                        if let Some(p) = current.take() {
                            out.push(p);
                        }
                    }
                } else if name == "t" {
                    in_text = false;
                }
            }
            Ok(Event::Text(t)) => {
                if let Some(p) = current.as_mut() {
                    if in_text || format == Format::Odt {
                        p.push_str(&t.xml10_content());
                    }
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(p) = current.as_mut() {
                    if in_text || format == Format::Odt {
                        if let Ok(Some(c)) = r.resolve_char_ref() {
                            p.push(c);
                        } else {
                            if let Some(s) = quick_xml::escape::resolve_xml_entity(&r) {
                                p.push_str(s);
                            }
                        }
                    }
                }
            }
            Ok(Event::CData(t)) => {
                if let Some(p) = current.as_mut() {
                    p.push_str(&t);
                }
            }
            Ok(_) => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// Document properties.
#[derive(Debug, Default)]
struct Props {
    title: Option<String>,
    created: Option<chrono::NaiveDate>,
    author: Option<String>,
}

/// Reads `dc:title`, the creator and the creation date from a properties
/// part (DOCX `core.xml` or ODT `meta.xml`).
fn properties(xml: &[u8]) -> Props {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut props = Props::default();
    let mut field: Option<String> = None;
    let mut text = String::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Err(_) | Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                field = Some(e.local_name().as_ref().to_string());
                text.clear();
            }
            Ok(Event::Text(t)) => {
                text.push_str(&t.xml10_content());
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(s) = quick_xml::escape::resolve_xml_entity(&r) {
                    text.push_str(s);
                }
            }
            Ok(Event::End(_)) => {
                match field.take().as_deref() {
                    Some("title") => props.title = props.title.take().or_else(|| non_empty(&text)),
                    Some("created") | Some("creation-date") => {
                        props.created = props.created.or_else(|| date::parse_date(text.trim()))
                    }
                    Some("creator") | Some("initial-creator") => {
                        props.author = props.author.take().or_else(|| non_empty(&text))
                    }
                    _ => {}
                }
                text.clear();
            }
            Ok(_) => {}
        }
        buf.clear();
    }
    props
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut out);
            for (name, text) in parts {
                z.start_file(*name, zip::write::SimpleFileOptions::default())
                    .unwrap();
                z.write_all(text.as_bytes()).unwrap();
            }
            z.finish().unwrap();
        }
        out.into_inner()
    }

    #[test]
    fn docx_paragraphs_and_properties() {
        let doc = r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>Briefing on Pokrovsk</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Units held </w:t></w:r><w:r><w:instrText>HYPERLINK x</w:instrText><w:t>the line &amp; more</w:t><w:tab/><w:t>x</w:t></w:r></w:p>
<w:p/><w:p><w:r><w:t>Second</w:t><w:br/><w:t>line</w:t></w:r></w:p></w:body></w:document>"#;
        let core = r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>Briefing on Pokrovsk</dc:title><dc:creator>Analyst</dc:creator><dcterms:created>2025-11-05T09:00:00Z</dcterms:created></cp:coreProperties>"#;
        let bytes = zip_of(&[("word/document.xml", doc), ("docProps/core.xml", core)]);
        let a = parse("b.docx", Format::Docx, &bytes).unwrap();
        assert_eq!(a.title.as_deref(), Some("Briefing on Pokrovsk"));
        assert_eq!(a.published.unwrap().to_string(), "2025-11-05");
        assert_eq!(a.source.as_deref(), Some("Analyst"));
        assert_eq!(a.body, "Units held the line & more\tx\n\nSecond\nline");
    }

    #[test]
    fn odt_and_bad_archives() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:h>Head</text:h><text:p>One<text:s/>two <text:span>three</text:span></text:p></office:text></office:body></office:document-content>"#;
        let bytes = zip_of(&[("content.xml", content)]);
        let a = parse("c.odt", Format::Odt, &bytes).unwrap();
        assert_eq!(a.title.as_deref(), Some("Head"));
        assert_eq!(a.body, "One two three");
        let err = parse("x.docx", Format::Docx, b"PK\x03\x04garbage").unwrap_err();
        assert!(err.to_string().contains("not a zip"), "{err}");
        let xlsx = zip_of(&[("xl/workbook.xml", "<x/>")]);
        let err = parse("x.docx", Format::Docx, &xlsx).unwrap_err();
        assert!(err.to_string().contains("no word/document.xml"), "{err}");
    }
}
