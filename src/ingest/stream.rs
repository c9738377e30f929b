//! Files read as a stream, record by record: Telegram `result.json` exports
//! and WARC archives. They can be far larger than any article (a channel's
//! history, a crawl), so they are exempt from the size cap and never held in
//! memory whole.
//!
//! A streamed file is read twice. [`check_stream`] hashes it and checks that
//! it is well-formed from end to end (serde_json into `IgnoredAny`, or every
//! WARC record parsed), so a truncated export is skipped with its reason
//! before any of its articles reaches the index, and an unchanged file is
//! recognised by its hash without parsing articles. [`read_stream`] then
//! hands the articles over in batches.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::{telegram, warc, FileEntry, SkipNotice, SkipReason};
use crate::model::{Article, Format};

/// What a streamed file yielded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StreamSummary {
    /// Articles handed over.
    pub articles: usize,
    /// Records that were not articles (service messages, messages without
    /// text, WARC records that are not HTML responses).
    pub records_skipped: usize,
}

/// Whether `entry` is read as a stream (see the module docs).
pub fn is_streamed(entry: &FileEntry) -> bool {
    match entry.format {
        Format::Warc => true,
        Format::Telegram => entry.rel.to_ascii_lowercase().ends_with(".json"),
        _ => false,
    }
}

/// A reader that hashes (BLAKE3) and counts what passes through it.
struct Hashing<R> {
    inner: R,
    hasher: blake3::Hasher,
    bytes: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Opens the file, with gzip decoding for `.warc.gz`.
fn open(entry: &FileEntry) -> Result<File, SkipNotice> {
    File::open(&entry.path).map_err(|e| {
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => SkipReason::Vanished,
            _ => SkipReason::Unreadable(e.to_string()),
        };
        SkipNotice::new(entry.rel.as_str(), reason)
    })
}

/// The decompressed content of a WARC file, buffered.
fn warc_reader<'r, R: Read + 'r>(rel: &str, raw: R) -> Box<dyn BufRead + 'r> {
    if warc::is_gzip(rel) {
        Box::new(BufReader::with_capacity(
            256 * 1024,
            flate2::read::MultiGzDecoder::new(BufReader::with_capacity(256 * 1024, raw)),
        ))
    } else {
        Box::new(BufReader::with_capacity(256 * 1024, raw))
    }
}

/// Pass 1: reads the whole file once, returning its content hash (as
/// [`content_hash`](super::content_hash) would) and size in bytes, or why
/// it cannot be indexed.
pub fn check_stream(entry: &FileEntry) -> Result<(String, u64), SkipNotice> {
    let skip = |reason| SkipNotice::new(entry.rel.as_str(), reason);
    let mut hashing = Hashing {
        inner: open(entry)?,
        hasher: blake3::Hasher::new(),
        bytes: 0,
    };
    let checked = match entry.format {
        Format::Warc => warc::check_records(warc_reader(&entry.rel, &mut hashing)),
        _ => {
            let reader = BufReader::with_capacity(256 * 1024, &mut hashing);
            let mut de = serde_json::Deserializer::from_reader(reader);
            IgnoredAny::deserialize(&mut de)
                .and_then(|_| de.end())
                .map_err(|e| format!("Telegram export: {e}"))
        }
    };
    if let Err(e) = checked {
        if let Some(io) = io_cause(&e) {
            return Err(skip(SkipReason::Unreadable(io)));
        }
        return Err(skip(SkipReason::Malformed(e)));
    }
    // Read whatever the parser left (trailing bytes) so the hash covers the
    // whole file.
    std::io::copy(&mut hashing, &mut std::io::sink())
        .map_err(|e| skip(SkipReason::Unreadable(e.to_string())))?;
    if hashing.bytes == 0 {
        return Err(skip(SkipReason::Empty));
    }
    Ok((
        hashing.hasher.finalize().to_hex().to_string(),
        hashing.bytes,
    ))
}

/// Read errors surface inside parser messages; tell them apart.
fn io_cause(message: &str) -> Option<String> {
    (message.contains("Permission denied") || message.contains("Is a directory"))
        .then(|| message.to_string())
}

/// Pass 2: hands the articles of `entry` to `on_batch`, at most `batch` at
/// a time. An error returned by `on_batch` stops the read and is returned as
/// [`SkipReason::Unreadable`]-free `Err(String)` through the notice.
pub fn read_stream(
    entry: &FileEntry,
    batch: usize,
    on_batch: &mut dyn FnMut(Vec<Article>) -> Result<(), String>,
) -> Result<StreamSummary, SkipNotice> {
    let skip = |reason| SkipNotice::new(entry.rel.as_str(), reason);
    let file = open(entry)?;
    let mut summary = StreamSummary::default();
    let result = match entry.format {
        Format::Warc => {
            let mut pending: Vec<Article> = Vec::with_capacity(batch.min(4096));
            let mut count = 0usize;
            let cap = batch.max(1);
            let r = warc::read_records(&entry.rel, warc_reader(&entry.rel, file), &mut |a| {
                pending.push(a);
                count += 1;
                if pending.len() >= cap {
                    on_batch(std::mem::take(&mut pending))?;
                }
                Ok(())
            });
            let r = r.and_then(|passed| {
                if !pending.is_empty() {
                    on_batch(std::mem::take(&mut pending))?;
                }
                Ok(passed)
            });
            summary.articles = count;
            r.map(|passed| summary.records_skipped = passed)
        }
        _ => {
            let mut sink = telegram::Sink::new(&entry.rel, batch, on_batch);
            let reader = BufReader::with_capacity(256 * 1024, file);
            let mut de = serde_json::Deserializer::from_reader(reader);
            let r = telegram::stream_json(&mut de, &mut sink)
                .map_err(|e| format!("Telegram export: {e}"));
            summary.articles = sink.articles;
            summary.records_skipped = sink.skipped;
            r
        }
    };
    result.map_err(|e| skip(SkipReason::Malformed(e)))?;
    if summary.articles == 0 {
        return Err(skip(SkipReason::Empty));
    }
    Ok(summary)
}
