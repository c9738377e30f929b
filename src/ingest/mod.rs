//! Files → [`Article`]s, or a [`SkipNotice`] that names the path and says why.
//!
//! This module owns everything between the folder on disk and the
//! [`model::Article`](crate::model::Article) type: walking the folder in a
//! stable order ([`walk()`]), reading bytes with a size cap ([`read_file`]),
//! decoding text (UTF-8 with or without BOM, UTF-16 with BOM) and parsing the
//! five supported formats ([`parse`]). It knows nothing of entities, the index
//! or the command line.
//!
//! A bad file never stops a run: every failure becomes a [`SkipNotice`] (the
//! file is not indexed) or a warning in [`Parsed::warnings`] (the file is
//! indexed in a degraded form, for example invalid UTF-8 decoded lossily or
//! one malformed line of a JSONL file dropped).
//!
//! ```no_run
//! use frontline::ingest::{self, WalkOptions};
//! use std::path::Path;
//!
//! let opts = WalkOptions::default();
//! let (entries, mut skipped) = ingest::walk(Path::new("corpus"), &opts);
//! for entry in &entries {
//!     let parsed = ingest::read_file(entry, opts.max_file_size)
//!         .and_then(|bytes| ingest::parse(&entry.rel, entry.format, &bytes));
//!     match parsed {
//!         Ok(p) => println!("{}: {} article(s)", entry.rel, p.articles.len()),
//!         Err(notice) => skipped.push(notice),
//!     }
//! }
//! ```

mod date;
mod decode;
mod feed;
mod html;
mod json;
mod markdown;
mod office;
mod pdf;
mod read;
mod stream;
mod telegram;
mod txt;
mod walk;
mod warc;

use crate::model::{Article, Format};

pub use date::parse_date;
pub use read::read_file;
pub use stream::{check_stream, is_streamed, read_stream, StreamSummary};
pub use walk::{walk, FileEntry, WalkOptions, DEFAULT_MAX_FILE_SIZE};

/// Why a file (or a folder, during the walk) was not indexed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    /// The file could not be opened or read (permission denied, I/O error).
    #[error("unreadable: {0}")]
    Unreadable(String),
    /// The file looks binary: a NUL byte in its first 8 KB (and no UTF-16 BOM).
    #[error("binary file (NUL byte in the first 8 KB)")]
    Binary,
    /// The file is empty, whitespace only, or yields no article with a body.
    #[error("empty: no article text")]
    Empty,
    /// The file is larger than the configured maximum; it was not read.
    #[error("oversized: {size} bytes, maximum is {max}")]
    Oversized {
        /// Size of the file in bytes (at least `max + 1`).
        size: u64,
        /// The configured maximum in bytes.
        max: u64,
    },
    /// The content is not in the shape its extension promises (JSON that does
    /// not parse or holds no article object).
    #[error("malformed: {0}")]
    Malformed(String),
    /// The folder walk failed at this path for a reason not listed above.
    #[error("walk error: {0}")]
    WalkError(String),
    /// Following symbolic links led back to an ancestor folder.
    #[error("symbolic link loop")]
    SymlinkLoop,
    /// The file disappeared between the walk and the read (or is a broken link).
    #[error("vanished: the file no longer exists")]
    Vanished,
}

impl SkipReason {
    /// A short kebab-case name of the variant, for summary counts
    /// (`unreadable`, `binary`, `empty`, `oversized`, `malformed`,
    /// `walk-error`, `symlink-loop`, `vanished`).
    pub fn kind(&self) -> &'static str {
        match self {
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::Binary => "binary",
            SkipReason::Empty => "empty",
            SkipReason::Oversized { .. } => "oversized",
            SkipReason::Malformed(_) => "malformed",
            SkipReason::WalkError(_) => "walk-error",
            SkipReason::SymlinkLoop => "symlink-loop",
            SkipReason::Vanished => "vanished",
        }
    }
}

/// A file or folder that was skipped, with the reason. Displays as
/// `path: reason` on one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct SkipNotice {
    /// The path relative to the indexed folder when known (`/`-separated),
    /// else the path as the walker saw it.
    pub path: String,
    /// Why it was skipped.
    pub reason: SkipReason,
}

impl SkipNotice {
    /// A notice for `path` with `reason`.
    pub fn new(path: impl Into<String>, reason: SkipReason) -> SkipNotice {
        SkipNotice {
            path: path.into(),
            reason,
        }
    }
}

/// The articles read from one file, plus warnings about degraded input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The articles, in file order; never empty when returned by [`parse`].
    pub articles: Vec<Article>,
    /// Problems that did not stop indexing, each naming the file (and line or
    /// record where there is one): invalid UTF-8 replaced by U+FFFD, a
    /// malformed JSONL line or a JSON record that is not an article (dropped),
    /// malformed Markdown front matter (read as plain text).
    pub warnings: Vec<String>,
    /// Records of the file that are not articles and were passed over
    /// without a warning: Telegram service messages and messages without
    /// text, feed items and WARC records without text or not HTML.
    pub records_skipped: usize,
}

/// Parses the bytes of the file at `rel` (relative path, used for
/// [`Article::path`], article ids and messages) as `format`.
///
/// Decoding: a UTF-8 BOM is stripped; UTF-16 LE/BE with a BOM is decoded;
/// otherwise a NUL byte in the first 8 KB makes the file [`SkipReason::Binary`];
/// invalid UTF-8 is decoded lossily (U+FFFD) with a warning rather than
/// skipped, so one bad byte does not hide a whole article. Line endings are
/// normalised to `\n`.
///
/// Errors: [`SkipReason::Empty`] when no article with a non-empty body comes
/// out, [`SkipReason::Malformed`] for JSON that does not parse or holds no
/// article records. Never panics.
pub fn parse(rel: &str, format: Format, bytes: &[u8]) -> Result<Parsed, SkipNotice> {
    let skip = |reason| SkipNotice::new(rel, reason);
    // Binary containers are handed to their readers as bytes.
    let mut records_skipped = 0;
    let binary = match format {
        Format::Pdf => Some(pdf::parse(rel, bytes).map(|a| vec![a])),
        Format::Docx | Format::Odt => Some(office::parse(rel, format, bytes).map(|a| vec![a])),
        Format::Warc => {
            let mut arts = Vec::new();
            let reader = if warc::is_gzip(rel) {
                Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(
                    bytes,
                ))) as Box<dyn std::io::BufRead>
            } else {
                Box::new(bytes)
            };
            Some(
                warc::read_records(rel, reader, &mut |a| {
                    arts.push(a);
                    Ok(())
                })
                .map(|passed| {
                    records_skipped = passed;
                    arts
                })
                .map_err(SkipReason::Malformed),
            )
        }
        _ => None,
    };
    if let Some(result) = binary {
        let mut articles = result.map_err(skip)?;
        let before = articles.len();
        articles.retain(|a| !a.body.trim().is_empty());
        records_skipped += before - articles.len();
        if articles.is_empty() {
            return Err(skip(SkipReason::Empty));
        }
        return Ok(Parsed {
            articles,
            warnings: Vec::new(),
            records_skipped,
        });
    }
    let decoded = decode::decode(bytes).map_err(skip)?;
    let mut warnings = Vec::new();
    if decoded.replaced > 0 {
        warnings.push(format!(
            "{rel}: invalid {} decoded lossily ({} byte sequence(s) replaced by U+FFFD)",
            decoded.encoding, decoded.replaced
        ));
    }
    let text = decoded.text;
    if text.trim().is_empty() {
        return Err(skip(SkipReason::Empty));
    }
    let mut articles = match format {
        Format::Txt => vec![txt::parse(rel, format, &text)],
        Format::Md => vec![markdown::parse(rel, &text, &mut warnings)],
        Format::Html => vec![html::parse(rel, &text)],
        Format::Json | Format::Jsonl => {
            json::parse(rel, format, &text, &mut warnings).map_err(skip)?
        }
        Format::Telegram if is_json(rel) => {
            telegram::parse_json(rel, &text, &mut records_skipped).map_err(skip)?
        }
        Format::Telegram => match telegram::parse_html(rel, &text, &mut records_skipped) {
            Some(articles) => articles,
            // Named like an export page but not one: an ordinary web page.
            None => vec![html::parse(rel, &text)],
        },
        Format::Feed => feed::parse(rel, text.as_bytes()).map_err(skip)?,
        Format::Pdf | Format::Docx | Format::Odt | Format::Warc => Vec::new(),
    };
    // A file holding one article may carry its date only in its name
    // (`2024-02-17-avdiivka.txt`); multi-record files are dumps whose name
    // dates the dump, not each record.
    if let [article] = articles.as_mut_slice() {
        if article.published.is_none() && article.id == rel {
            article.published = date::date_from_file_name(rel);
        }
    }
    let before = articles.len();
    articles.retain(|a| !a.body.trim().is_empty());
    records_skipped += before - articles.len();
    if articles.is_empty() {
        return Err(skip(SkipReason::Empty));
    }
    Ok(Parsed {
        articles,
        warnings,
        records_skipped,
    })
}

/// Whether a relative path ends in `.json`.
fn is_json(rel: &str) -> bool {
    rel.to_ascii_lowercase().ends_with(".json")
}

/// The BLAKE3 hash of `bytes` as 64 lower-case hex digits, to tell whether a
/// file changed since it was last indexed.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// An article for `rel` with every optional field empty.
fn new_article(id: String, rel: &str, format: Format) -> Article {
    Article {
        id,
        path: rel.to_string(),
        format,
        title: None,
        published: None,
        source: None,
        url: None,
        lang: None,
        body: String::new(),
    }
}

/// Trims `s` and returns it if anything is left.
fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Normalises a language tag or name to a lower-case code: `en-US` → `en`,
/// `English` → `en`; unknown names are kept lower-cased.
fn normalize_lang(s: &str) -> Option<String> {
    let t = s.trim().to_lowercase();
    let primary = t.split(['-', '_']).next().unwrap_or("").trim();
    if primary.is_empty() {
        return None;
    }
    // Some feeds (GDELT among them) spell the language out; map the ones this
    // war's reporting comes in, keep anything else as given.
    let code = match primary {
        "english" => "en",
        "ukrainian" => "uk",
        "russian" => "ru",
        "german" => "de",
        "french" => "fr",
        "polish" => "pl",
        "spanish" => "es",
        "italian" => "it",
        other => other,
    };
    Some(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_reason_kinds_and_display() {
        struct Case {
            reason: SkipReason,
            kind: &'static str,
            shown: &'static str,
        }
        let cases = [
            Case {
                reason: SkipReason::Unreadable("permission denied".into()),
                kind: "unreadable",
                shown: "a.txt: unreadable: permission denied",
            },
            Case {
                reason: SkipReason::Binary,
                kind: "binary",
                shown: "a.txt: binary file (NUL byte in the first 8 KB)",
            },
            Case {
                reason: SkipReason::Empty,
                kind: "empty",
                shown: "a.txt: empty: no article text",
            },
            Case {
                reason: SkipReason::Oversized { size: 30, max: 20 },
                kind: "oversized",
                shown: "a.txt: oversized: 30 bytes, maximum is 20",
            },
            Case {
                reason: SkipReason::Malformed("bad".into()),
                kind: "malformed",
                shown: "a.txt: malformed: bad",
            },
            Case {
                reason: SkipReason::WalkError("x".into()),
                kind: "walk-error",
                shown: "a.txt: walk error: x",
            },
            Case {
                reason: SkipReason::SymlinkLoop,
                kind: "symlink-loop",
                shown: "a.txt: symbolic link loop",
            },
            Case {
                reason: SkipReason::Vanished,
                kind: "vanished",
                shown: "a.txt: vanished: the file no longer exists",
            },
        ];
        for c in cases {
            assert_eq!(c.reason.kind(), c.kind);
            let n = SkipNotice::new("a.txt", c.reason);
            assert_eq!(n.to_string(), c.shown);
            assert!(!n.to_string().contains('\n'));
        }
    }

    #[test]
    fn content_hash_is_blake3_hex() {
        let h = content_hash(b"abc");
        assert_eq!(h.len(), 64);
        assert_eq!(
            h,
            "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85"
        );
        assert_ne!(content_hash(b"abd"), h);
    }

    #[test]
    fn lang_normalisation() {
        let cases = [
            ("en", Some("en")),
            ("en-US", Some("en")),
            ("uk_UA", Some("uk")),
            (" RU ", Some("ru")),
            ("English", Some("en")),
            ("Ukrainian", Some("uk")),
            ("", None),
            ("-", None),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_lang(input).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn parse_rejects_binary_empty_and_decodes() {
        struct Case {
            name: &'static str,
            bytes: Vec<u8>,
            want: Result<&'static str, &'static str>,
            warns: usize,
        }
        let utf16 = |be: bool, s: &str| -> Vec<u8> {
            let mut out = if be {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            for u in s.encode_utf16() {
                let b = if be { u.to_be_bytes() } else { u.to_le_bytes() };
                out.extend_from_slice(&b);
            }
            out
        };
        let cases = [
            Case {
                name: "empty",
                bytes: vec![],
                want: Err("empty"),
                warns: 0,
            },
            Case {
                name: "whitespace",
                bytes: b" \n\r\n\t ".to_vec(),
                want: Err("empty"),
                warns: 0,
            },
            Case {
                name: "bom only",
                bytes: b"\xEF\xBB\xBF\n".to_vec(),
                want: Err("empty"),
                warns: 0,
            },
            Case {
                name: "binary",
                bytes: b"PK\x03\x04\x00\x00abc".to_vec(),
                want: Err("binary"),
                warns: 0,
            },
            Case {
                name: "utf-16 le",
                bytes: utf16(false, "Title\n\nПокровськ body"),
                want: Ok("Покровськ body"),
                warns: 0,
            },
            Case {
                name: "utf-16 be",
                bytes: utf16(true, "Title\r\n\r\nПокровськ body"),
                want: Ok("Покровськ body"),
                warns: 0,
            },
            Case {
                name: "invalid utf-8 is lossy",
                bytes: b"Title\n\nbad \xFF\xFE byte".to_vec(),
                want: Ok("bad \u{FFFD}\u{FFFD} byte"),
                warns: 1,
            },
            Case {
                name: "utf-8 bom",
                bytes: b"\xEF\xBB\xBFTitle\n\nbody".to_vec(),
                want: Ok("body"),
                warns: 0,
            },
        ];
        for c in cases {
            let got = parse("x.txt", Format::Txt, &c.bytes);
            match (got, c.want) {
                (Ok(p), Ok(body)) => {
                    assert_eq!(p.articles.len(), 1, "{}", c.name);
                    assert_eq!(p.articles[0].body, body, "{}", c.name);
                    assert_eq!(p.articles[0].title.as_deref(), Some("Title"), "{}", c.name);
                    assert_eq!(p.warnings.len(), c.warns, "{}: {:?}", c.name, p.warnings);
                }
                (Err(n), Err(kind)) => {
                    assert_eq!(n.reason.kind(), kind, "{}", c.name);
                    assert_eq!(n.path, "x.txt");
                }
                (got, want) => panic!("{}: got {got:?}, want {want:?}", c.name),
            }
        }
    }

    #[test]
    fn file_name_date_only_for_single_article_files() {
        let p = parse("2024-02-17-avdiivka.txt", Format::Txt, b"T\n\nbody").unwrap();
        assert_eq!(p.articles[0].published.unwrap().to_string(), "2024-02-17");
        let p = parse("20240217.jsonl", Format::Jsonl, b"{\"body\":\"x\"}").unwrap();
        assert_eq!(p.articles[0].published, None);
        // A date in the file beats the name.
        let p = parse("2024-02-17-x.txt", Format::Txt, b"T\nDate: 2024-02-16\n\nb").unwrap();
        assert_eq!(p.articles[0].published.unwrap().to_string(), "2024-02-16");
    }

    #[test]
    fn every_format_survives_garbage() {
        // Not a fuzzer, but every parser sees hostile prefixes of each kind.
        let inputs: [&[u8]; 8] = [
            b"---\n",
            b"---\n: : :\n---\n",
            b"<",
            b"<html><body><article></article></body></html>",
            b"[",
            b"{\"title\": 1, \"body\": 2}",
            b"\xFF\xFE\x00",
            b"\xFE\xFF\xD8\x00",
        ];
        let formats = [
            Format::Txt,
            Format::Md,
            Format::Html,
            Format::Json,
            Format::Jsonl,
        ];
        for input in inputs {
            for f in formats {
                let _ = parse("g", f, input);
            }
        }
    }

    /// The sample corpus of the repository (or `FRONTLINE_CORPUS`), if present.
    fn corpus_dir() -> Option<std::path::PathBuf> {
        let here = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"));
        let from_env = std::env::var_os("FRONTLINE_CORPUS").map(std::path::PathBuf::from);
        [Some(here.to_path_buf()), from_env]
            .into_iter()
            .flatten()
            .find(|p| p.is_dir())
    }

    #[test]
    fn sample_corpus_reads_cleanly() {
        let Some(dir) = corpus_dir() else {
            eprintln!("skipping: corpus not found");
            return;
        };
        let opts = WalkOptions::default();
        let (entries, skipped) = walk(&dir, &opts);
        assert!(skipped.is_empty(), "{skipped:?}");
        assert!(entries.iter().all(|e| !e.rel.ends_with("README.md")));
        let mut articles = Vec::new();
        for e in &entries {
            let bytes = read_file(e, opts.max_file_size).unwrap();
            let parsed = parse(&e.rel, e.format, &bytes).unwrap();
            assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
            articles.extend(parsed.articles);
        }
        for a in &articles {
            // Telegram messages have no title of their own: theirs is made
            // from the text at index time.
            assert!(
                a.title.is_some() || a.title_from_text().is_some(),
                "{}: no title",
                a.id
            );
            assert!(a.published.is_some(), "{}: no date", a.id);
            assert!(!a.body.trim().is_empty(), "{}: no body", a.id);
            let first = a.body.lines().next().unwrap_or_default();
            for header in ["Published:", "Source:", "URL:", "Lang:", "---", "title:"] {
                assert!(!first.starts_with(header), "{}: header in body", a.id);
            }
            if a.format == Format::Html {
                // The corpus hides a place name in scripts, navigation and
                // footers: none of it may reach the body.
                assert!(!a.body.contains("Odesa"), "{}: page noise in body", a.id);
                assert!(!a.body.contains("window."), "{}: script in body", a.id);
            }
        }
        if let Some(a) = articles.iter().find(|a| a.id.starts_with("2024-02-17-")) {
            assert_eq!(
                a.published.map(|d| d.to_string()).as_deref(),
                Some("2024-02-17")
            );
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Inputs that look like each format, so the parsers get past their
        /// first checks: a prefix per format followed by arbitrary text.
        fn shaped() -> impl Strategy<Value = Vec<u8>> {
            let prefix = prop::sample::select(vec![
                "",
                "---\n",
                "---\ntitle: ",
                "# ",
                "<html><body><article>",
                "<div><p>",
                "[{\"body\":",
                "{\"text\":\"",
                "\u{FEFF}",
                "Title\nPublished: ",
            ]);
            (prefix, ".{0,200}").prop_map(|(p, s)| format!("{p}{s}").into_bytes())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]

            #[test]
            fn parse_never_panics(
                bytes in prop_oneof![prop::collection::vec(any::<u8>(), 0..300), shaped()],
                format in prop::sample::select(vec![
                    Format::Txt, Format::Md, Format::Html, Format::Json, Format::Jsonl,
                ]),
            ) {
                match parse("p/x", format, &bytes) {
                    Ok(p) => {
                        prop_assert!(!p.articles.is_empty());
                        for a in &p.articles {
                            prop_assert!(!a.body.trim().is_empty());
                            prop_assert_eq!(a.path.as_str(), "p/x");
                            prop_assert!(a.id == "p/x" || a.id.starts_with("p/x#"));
                            prop_assert_eq!(a.format, format);
                        }
                    }
                    Err(n) => prop_assert_eq!(n.path.as_str(), "p/x"),
                }
            }

            #[test]
            fn dates_never_panic(s in ".{0,40}") {
                let _ = parse_date(&s);
                let _ = date::date_from_file_name(&s);
            }
        }
    }
}
