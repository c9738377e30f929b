//! WARC web archives (`.warc`, `.warc.gz`): each HTML response is an article.
//!
//! Records are read by the `warc` crate (one record in memory at a time); a
//! gzipped archive (one gzip member per record, as WARC writers make them)
//! goes through flate2's multi-member decoder first. The HTTP message inside
//! a `response` record is split by `httparse`; bodies sent chunked or gzipped
//! are decoded; anything whose `Content-Type` is not HTML is passed over
//! (counted, not warned about). The page is cleaned exactly like an `.html`
//! file; its address is `WARC-Target-URI` and `WARC-Date` is the fallback
//! publication date. Article ids are `archive.warc.gz#N`, N counting the
//! HTML responses from 1.
//!
//! A record that does not parse (bad header, body shorter than its
//! `Content-Length`, broken gzip) makes the whole archive malformed: after a
//! broken length the reader cannot find the next record boundary reliably.

use std::io::{BufRead, Read};

use warc::{RecordType, WarcHeader, WarcReader};

use super::{decode, html};
use crate::model::{Article, Format};

/// Whether a relative path names a gzipped archive.
pub(crate) fn is_gzip(rel: &str) -> bool {
    rel.to_ascii_lowercase().ends_with(".gz")
}

/// Reads every record of `reader`; `on_article` gets each HTML response as
/// an article. Returns the number of records passed over (not HTML
/// responses), or the first record error, naming the record.
pub(crate) fn read_records<R: BufRead>(
    rel: &str,
    reader: R,
    on_article: &mut dyn FnMut(Article) -> Result<(), String>,
) -> Result<usize, String> {
    let mut passed_over = 0;
    let mut n_article = 0usize;
    for (i, record) in WarcReader::new(reader).iter_records().enumerate() {
        let record = record.map_err(|e| format!("WARC record {}: {e}", i + 1))?;
        if *record.warc_type() != RecordType::Response {
            passed_over += 1;
            continue;
        }
        let uri = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim().trim_matches(['<', '>']).to_string());
        let Some(page) = http_html(record.body()) else {
            passed_over += 1;
            continue;
        };
        let text = match decode::decode(&page) {
            Ok(d) => d.text,
            Err(_) => {
                passed_over += 1;
                continue;
            }
        };
        n_article += 1;
        let mut a = html::parse(rel, &text);
        a.id = format!("{rel}#{n_article}");
        a.format = Format::Warc;
        if uri.is_some() {
            a.url = uri;
        }
        if a.published.is_none() {
            a.published = Some(record.date().date_naive());
        }
        on_article(a)?;
    }
    Ok(passed_over)
}

/// Checks that every record parses, reading `reader` to its end.
pub(crate) fn check_records<R: BufRead>(reader: R) -> Result<(), String> {
    for (i, record) in WarcReader::new(reader).iter_records().enumerate() {
        record.map_err(|e| format!("WARC record {}: {e}", i + 1))?;
    }
    Ok(())
}

/// The HTML body of an HTTP response message, decoded from chunked transfer
/// and gzip/deflate content encoding; `None` when it is not an HTML 2xx page.
fn http_html(message: &[u8]) -> Option<Vec<u8>> {
    let mut headers = [httparse::EMPTY_HEADER; 96];
    let mut resp = httparse::Response::new(&mut headers);
    let httparse::Status::Complete(head_len) = resp.parse(message).ok()? else {
        return None;
    };
    if !(200..300).contains(&resp.code.unwrap_or(0)) {
        return None;
    }
    let header = |name: &str| {
        resp.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
    };
    let ctype = header("content-type").unwrap_or_default();
    if !(ctype.contains("text/html") || ctype.contains("application/xhtml")) {
        return None;
    }
    let mut body = message.get(head_len..)?.to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body)?;
    }
    match header("content-encoding").as_deref().map(str::trim) {
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .read_to_end(&mut out)
                .ok()?;
            body = out;
        }
        Some("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .read_to_end(&mut out)
                .ok()?;
            body = out;
        }
        _ => {}
    }
    Some(body)
}

/// Decodes an HTTP/1.1 chunked body (archives keep what the server sent).
/// httparse offers the chunk-size line parser; the loop around it is ours.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let httparse::Status::Complete((used, size)) = httparse::parse_chunk_size(data).ok()?
        else {
            return None;
        };
        data = &data[used..];
        if size == 0 {
            return Some(out);
        }
        let size = usize::try_from(size).ok()?;
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\nWARC-Date: 2025-11-06T09:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            payload.len()
        )
        .into_bytes();
        r.extend_from_slice(payload);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn html_responses_become_articles() {
        let mut page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        for chunk in [
            "<html><body><article><p>Pokr",
            "ovsk held.</p></arti",
            "cle></body>",
        ] {
            page.extend(format!("{:x}\r\n{chunk}\r\n", chunk.len()).bytes());
        }
        page.extend(b"0\r\n\r\n");
        let css = b"HTTP/1.1 200 OK\r\nContent-Type: text/css\r\n\r\nbody{}";
        let mut warc = record("warcinfo", "", b"software: test");
        warc.extend(record("response", "https://news.example/a", &page));
        warc.extend(record("response", "https://news.example/s.css", css));
        let mut arts = Vec::new();
        let skipped = read_records("a.warc", &warc[..], &mut |a| {
            arts.push(a);
            Ok(())
        })
        .unwrap();
        assert_eq!(skipped, 2);
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].id, "a.warc#1");
        assert_eq!(arts[0].url.as_deref(), Some("https://news.example/a"));
        assert_eq!(arts[0].body, "Pokrovsk held.");
        assert_eq!(arts[0].published.unwrap().to_string(), "2025-11-06");
        assert!(check_records(&warc[..]).is_ok());
        let cut = &warc[..warc.len() - 40];
        assert!(check_records(cut).is_err());
    }
}
