//! The indexing pipeline: walk → read → parse → extract → tantivy, with
//! incremental updates and batched commits.
//!
//! Reading, parsing and extraction run on all cores (rayon) one chunk of files
//! at a time, so memory stays bounded whatever the size of the folder; the
//! documents go to one tantivy `IndexWriter` with a fixed memory budget.
//!
//! Incremental rule: the index itself is the manifest. Each document stores
//! its file's path, size, modification time and content hash as fast fields;
//! a file whose size and mtime are unchanged is not read at all, one whose
//! content hash is unchanged is not re-indexed, and the documents of files
//! that disappeared from the folder are deleted. A file that exists but is
//! skipped this time (unreadable, now binary, …) keeps what was indexed for it
//! before: an indexing run never loses committed data because of a bad file.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant, UNIX_EPOCH};

use anyhow::Context;
use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::document::{to_document, FileStamp};
use super::schema::Fields;
use super::IndexMeta;
use crate::error::Error;
use crate::extract::gazetteer::Gazetteer;
use crate::extract::{dates, extract};
use crate::ingest::{self, FileEntry, SkipNotice, WalkOptions};

/// Default memory budget of the tantivy writer, shared by its threads.
pub const DEFAULT_HEAP: usize = 256 * 1024 * 1024;
/// Files read, parsed and extracted in parallel before their documents are
/// handed to the writer: bounds the memory held by the pipeline.
const CHUNK_FILES: usize = 256;

/// What an indexing run should do.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Folder of articles.
    pub root: PathBuf,
    /// Index folder.
    pub index_dir: PathBuf,
    /// Start from an empty index.
    pub rebuild: bool,
    /// Walk options (links, size limit).
    pub walk: WalkOptions,
    /// Memory budget of the tantivy writer in bytes.
    pub heap: usize,
    /// Indexing threads of the tantivy writer (`None`: tantivy's default).
    pub threads: Option<usize>,
    /// Commit after this many articles, so an interrupted run loses at most
    /// one batch.
    pub commit_every: usize,
    /// The user's extra gazetteer files (recorded in the index metadata and
    /// part of the extraction fingerprint).
    pub gazetteer: Vec<PathBuf>,
    /// The user's people register (`--people`), part of the extraction
    /// fingerprint too.
    pub people: Option<PathBuf>,
}

/// Something the caller may want to show while the run goes on.
#[derive(Debug)]
pub enum Event<'a> {
    /// The walk is done: this many files will be looked at.
    Walked {
        /// Files found.
        files: usize,
        /// Their total size in bytes.
        bytes: u64,
    },
    /// More files were processed.
    Progress {
        /// Files done so far.
        files: usize,
        /// Bytes of those files.
        bytes: u64,
    },
    /// A file was skipped or degraded; one line naming it and the reason.
    Warning(&'a str),
    /// A batch was committed.
    Committed {
        /// Articles committed so far in this run.
        articles: usize,
    },
}

/// The summary of an indexing run.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct IndexReport {
    /// Supported files found by the walk.
    pub files_seen: usize,
    /// Articles written to the index by this run.
    pub articles_indexed: usize,
    /// Files indexed for the first time.
    pub added: usize,
    /// Files re-indexed because their content changed.
    pub updated: usize,
    /// Files whose documents were deleted because the file is gone.
    pub removed: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Unchanged files extracted again because the extraction fingerprint
    /// changed (new rules, new bundled data, other `--gazetteer` data).
    #[serde(default)]
    pub reextracted: usize,
    /// Skipped files (and walk errors) by reason.
    pub skipped: BTreeMap<String, usize>,
    /// Files indexed with a warning (lossy UTF-8, bad JSON lines, …).
    pub degraded: usize,
    /// Records inside indexed files that are not articles and were passed
    /// over (Telegram service messages and messages without text, WARC
    /// records that are not HTML pages, …).
    pub records_skipped: usize,
    /// Bytes read from disk.
    pub bytes_read: u64,
    /// Wall time.
    #[serde(
        serialize_with = "serialize_secs",
        deserialize_with = "deserialize_secs"
    )]
    pub elapsed: Duration,
    /// Articles in the index after the run.
    pub total_articles: u64,
}

fn serialize_secs<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

fn deserialize_secs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    let secs = <f64 as serde::Deserialize>::deserialize(d)?;
    Duration::try_from_secs_f64(secs).map_err(serde::de::Error::custom)
}

impl IndexReport {
    /// Total number of skipped files.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// What became of one file in a chunk.
enum FileOutcome {
    /// Content hash unchanged.
    Unchanged,
    /// Parsed and extracted: its documents and warnings, and whether its
    /// content is the one indexed (extracted again for a new fingerprint).
    Parsed {
        docs: Vec<TantivyDocument>,
        warnings: Vec<String>,
        same_content: bool,
        records_skipped: usize,
    },
    /// Handed to the writer.
    Indexed {
        articles: usize,
        warnings: Vec<String>,
        replaced: bool,
        same_content: bool,
        records_skipped: usize,
    },
    /// Could not be used.
    Skipped(SkipNotice),
}

/// Index a folder into an index, incrementally.
pub fn write_index(
    opts: &IndexOptions,
    gazetteer: &'static Gazetteer,
    on_event: &mut dyn FnMut(Event<'_>),
) -> anyhow::Result<IndexReport> {
    // The extractors' tables (about 0.2 s of one core: the gazetteer's
    // matcher, the claim patterns) are built on a side thread while this
    // one opens the index and walks the folder. Not joined: a run with
    // nothing to extract ends without waiting for it.
    std::thread::spawn(move || crate::extract::warm_up(gazetteer));
    index_folder(opts, gazetteer, on_event)
}

fn index_folder(
    opts: &IndexOptions,
    gazetteer: &Gazetteer,
    on_event: &mut dyn FnMut(Event<'_>),
) -> anyhow::Result<IndexReport> {
    let started = Instant::now();
    if !opts.root.is_dir() {
        return Err(Error::BadArgument(format!(
            "{} is not a folder of articles",
            opts.root.display()
        ))
        .into());
    }
    let (index, fields) = super::open_or_create(&opts.index_dir, opts.rebuild)?;
    let mut writer: IndexWriter = index
        .writer_with_options(writer_options(opts.heap, opts.threads))
        .map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => {
                Error::IndexLocked(opts.index_dir.clone()).into()
            }
            other => anyhow::Error::from(other).context("opening the index writer"),
        })?;
    // No merges while the run commits its batches: a bulk run would
    // otherwise merge the same documents again at every commit. The last
    // commit merges, in bounded groups (see `merges`).
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    let manifest = read_manifest(&index)?;
    // Entities extracted with other rules or data are extracted again: every
    // file is read, even one whose size, mtime and hash are unchanged.
    let fingerprint =
        super::fingerprint::extraction_fingerprint(&opts.gazetteer, opts.people.as_deref())?;
    let stale = !manifest.is_empty()
        && super::read_meta(&index).and_then(|m| m.fingerprint) != Some(fingerprint.clone());

    let mut report = IndexReport::default();
    let (entries, walk_notices) = ingest::walk(&opts.root, &opts.walk);
    report.files_seen = entries.len();
    for notice in &walk_notices {
        *report
            .skipped
            .entry(notice.reason.kind().to_string())
            .or_default() += 1;
        on_event(Event::Warning(&notice.to_string()));
    }
    let total_bytes = entries.iter().map(|e| e.size).sum();
    on_event(Event::Walked {
        files: entries.len(),
        bytes: total_bytes,
    });

    // Files gone from the folder: delete their documents. Paths the walk
    // reported as skipped still exist and keep theirs.
    let present: HashSet<&str> = entries
        .iter()
        .map(|e| e.rel.as_str())
        .chain(walk_notices.iter().map(|n| n.path.as_str()))
        .collect();
    for path in manifest.keys().filter(|p| !present.contains(p.as_str())) {
        writer.delete_term(Term::from_field_text(fields.path, path));
        report.removed += 1;
    }

    // Files whose size and mtime match the index are not even read.
    let (same, candidates): (Vec<&FileEntry>, Vec<&FileEntry>) =
        entries.iter().partition(|e| match manifest.get(&e.rel) {
            Some(stamp) => {
                !stale && stamp.size == e.size && stamp.mtime == mtime_secs(e) && stamp.mtime != 0
            }
            None => false,
        });
    report.unchanged += same.len();
    let mut files_done = same.len();
    let mut bytes_done: u64 = same.iter().map(|e| e.size).sum();
    on_event(Event::Progress {
        files: files_done,
        bytes: bytes_done,
    });

    let mut since_commit = 0usize;
    for chunk in candidates.chunks(CHUNK_FILES) {
        // Each file is read, extracted and handed to the writer on a worker
        // thread, so extraction and tantivy's indexing threads overlap. A
        // replaced file's old documents are deleted just before its new ones
        // are added, so the delete never hits the new version.
        let outcomes: Vec<anyhow::Result<(FileOutcome, u64)>> = chunk
            .par_iter()
            .map(|entry| {
                if ingest::is_streamed(entry) {
                    return Ok(process_stream(
                        entry, &manifest, stale, &fields, gazetteer, &writer,
                    ));
                }
                let (outcome, bytes) =
                    process_file(entry, opts, &manifest, stale, &fields, gazetteer);
                let outcome = match outcome {
                    FileOutcome::Parsed {
                        docs,
                        warnings,
                        same_content,
                        records_skipped,
                    } => {
                        let replaced = manifest.contains_key(&entry.rel);
                        if replaced {
                            writer.delete_term(Term::from_field_text(fields.path, &entry.rel));
                        }
                        let articles = docs.len();
                        for doc in docs {
                            writer.add_document(doc)?;
                        }
                        FileOutcome::Indexed {
                            articles,
                            warnings,
                            replaced,
                            same_content,
                            records_skipped,
                        }
                    }
                    other => other,
                };
                Ok((outcome, bytes))
            })
            .collect();
        for (entry, result) in chunk.iter().zip(outcomes) {
            let (outcome, bytes) = result?;
            report.bytes_read += bytes;
            bytes_done += entry.size;
            files_done += 1;
            match outcome {
                FileOutcome::Unchanged => report.unchanged += 1,
                FileOutcome::Skipped(notice) => {
                    *report
                        .skipped
                        .entry(notice.reason.kind().to_string())
                        .or_default() += 1;
                    on_event(Event::Warning(&notice.to_string()));
                }
                FileOutcome::Parsed { .. } => {}
                FileOutcome::Indexed {
                    articles,
                    warnings,
                    replaced,
                    same_content,
                    records_skipped,
                } => {
                    report.records_skipped += records_skipped;
                    if replaced && same_content {
                        report.reextracted += 1;
                    } else if replaced {
                        report.updated += 1;
                    } else {
                        report.added += 1;
                    }
                    if !warnings.is_empty() {
                        report.degraded += 1;
                    }
                    for warning in &warnings {
                        on_event(Event::Warning(warning));
                    }
                    report.articles_indexed += articles;
                    since_commit += articles;
                }
            }
        }
        on_event(Event::Progress {
            files: files_done,
            bytes: bytes_done,
        });
        if since_commit >= opts.commit_every.max(1) {
            commit(&mut writer, opts, &fingerprint)?;
            since_commit = 0;
            on_event(Event::Committed {
                articles: report.articles_indexed,
            });
        }
    }
    // A run that changed nothing leaves the last commit as it was: no new
    // commit, so no merge is triggered either.
    let changed = report.added + report.updated + report.removed + report.reextracted > 0;
    let recorded = super::read_meta(&index).and_then(|m| m.fingerprint);
    if changed || since_commit > 0 || recorded.as_deref() != Some(fingerprint.as_str()) {
        writer.set_merge_policy(Box::new(super::merges::BoundedLogMerges::default()));
        commit(&mut writer, opts, &fingerprint)?;
    }
    writer
        .wait_merging_threads()
        .context("waiting for segment merges")?;
    // The place-name table speeds up `--place` and is only valid for the
    // built-in data: rewritten when the index changed, dropped when this
    // run used other gazetteer data.
    if !gazetteer.is_builtin() {
        super::place_names::remove(&opts.index_dir)?;
    } else if changed || !super::place_names::is_current(&opts.index_dir) {
        super::place_names::write(&opts.index_dir, &index, gazetteer)?;
    }
    // Likewise the people register's tables, for resolving names in queries.
    if !super::people_register::is_current(&opts.index_dir) {
        super::people_register::write(
            &opts.index_dir,
            crate::extract::people::register::Register::bundled(),
        )?;
    }
    let reader = index.reader().context("opening the index reader")?;
    reader.reload().context("reloading the index reader")?;
    report.total_articles = reader.searcher().num_docs();
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The tantivy writer's options: `threads` indexing threads (default: one
/// per core, at most 8, fewer when `heap` would give each less than
/// tantivy's 15 MB minimum) sharing `heap`, and at most
/// [`MERGE_THREADS`] merges at a time.
fn writer_options(heap: usize, threads: Option<usize>) -> tantivy::indexer::IndexWriterOptions {
    const MIN_PER_THREAD: usize = 15_000_000;
    let threads = threads
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(8)
                .min(heap / MIN_PER_THREAD)
        })
        .max(1);
    tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(threads)
        .memory_budget_per_thread(heap / threads)
        .num_merge_threads(MERGE_THREADS)
        .build()
}

/// Merges running at once (tantivy's default is 4): each holds its input
/// segments open, so this bounds a run's peak memory with
/// [`super::merges::BoundedLogMerges`].
const MERGE_THREADS: usize = 2;

/// Commit with the index metadata as payload, atomically.
fn commit(writer: &mut IndexWriter, opts: &IndexOptions, fingerprint: &str) -> anyhow::Result<()> {
    let meta = IndexMeta {
        schema_version: super::schema::SCHEMA_VERSION,
        indexed_at: Some(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        root: Some(opts.root.display().to_string()),
        fingerprint: Some(fingerprint.to_string()),
        gazetteer: opts
            .gazetteer
            .iter()
            .map(|p| {
                std::path::absolute(p)
                    .unwrap_or_else(|_| p.clone())
                    .display()
                    .to_string()
            })
            .collect(),
    };
    let mut prepared = writer.prepare_commit().context("preparing commit")?;
    prepared.set_payload(&serde_json::to_string(&meta)?);
    prepared.commit().context("committing the index")?;
    Ok(())
}

/// Read, hash, parse and extract one file. Returns the outcome and the
/// number of bytes read.
fn process_file(
    entry: &FileEntry,
    opts: &IndexOptions,
    manifest: &HashMap<String, FileStamp>,
    stale: bool,
    fields: &Fields,
    gazetteer: &Gazetteer,
) -> (FileOutcome, u64) {
    let bytes = match ingest::read_file(entry, opts.walk.max_file_size) {
        Ok(bytes) => bytes,
        Err(notice) => return (FileOutcome::Skipped(notice), 0),
    };
    let read = bytes.len() as u64;
    let hash = ingest::content_hash(&bytes);
    let same_content = manifest.get(&entry.rel).is_some_and(|s| s.hash == hash);
    if same_content && !stale {
        return (FileOutcome::Unchanged, read);
    }
    let parsed = match ingest::parse(&entry.rel, entry.format, &bytes) {
        Ok(parsed) => parsed,
        Err(notice) => return (FileOutcome::Skipped(notice), read),
    };
    let stamp = FileStamp {
        hash,
        size: entry.size,
        mtime: mtime_secs(entry),
    };
    let docs = parsed
        .articles
        .into_iter()
        .map(|article| article_document(article, fields, gazetteer, &stamp))
        .collect();
    (
        FileOutcome::Parsed {
            docs,
            warnings: parsed.warnings,
            same_content,
            records_skipped: parsed.records_skipped,
        },
        read,
    )
}

/// Extracts the entities of one article and builds its document.
fn article_document(
    mut article: crate::model::Article,
    fields: &Fields,
    gazetteer: &Gazetteer,
    stamp: &FileStamp,
) -> TantivyDocument {
    if article.published.is_none() {
        article.published = dates::find_published(&article.body);
    }
    let entities = extract(&article, gazetteer);
    let facets = place_facets(&entities, gazetteer);
    to_document(fields, &article, &entities, stamp, &facets)
}

/// Articles of a streamed file extracted and handed to the writer at a time:
/// bounds the memory a 500 MB Telegram export or a WARC crawl costs.
const STREAM_BATCH: usize = 512;

/// Index a streamed file (a Telegram `result.json`, a WARC archive): check
/// and hash it in one pass, then hand its articles to the writer batch by
/// batch, extracting each batch on all cores.
fn process_stream(
    entry: &FileEntry,
    manifest: &HashMap<String, FileStamp>,
    stale: bool,
    fields: &Fields,
    gazetteer: &Gazetteer,
    writer: &IndexWriter,
) -> (FileOutcome, u64) {
    let (hash, read) = match ingest::check_stream(entry) {
        Ok(checked) => checked,
        Err(notice) => return (FileOutcome::Skipped(notice), 0),
    };
    // Same content: unchanged, unless the extraction fingerprint changed.
    let same_content = manifest.get(&entry.rel).is_some_and(|s| s.hash == hash);
    if same_content && !stale {
        return (FileOutcome::Unchanged, read);
    }
    let stamp = FileStamp {
        hash,
        size: entry.size,
        mtime: mtime_secs(entry),
    };
    let replaced = manifest.contains_key(&entry.rel);
    // The old documents go just before the first new ones, so a file that
    // turns out to hold no article keeps what was indexed for it.
    let mut pending_delete = replaced;
    let mut on_batch = |batch: Vec<crate::model::Article>| -> Result<(), String> {
        if std::mem::take(&mut pending_delete) {
            writer.delete_term(Term::from_field_text(fields.path, &entry.rel));
        }
        let docs: Vec<TantivyDocument> = batch
            .into_par_iter()
            .map(|a| article_document(a, fields, gazetteer, &stamp))
            .collect();
        for doc in docs {
            writer.add_document(doc).map_err(|e| e.to_string())?;
        }
        Ok(())
    };
    match ingest::read_stream(entry, STREAM_BATCH, &mut on_batch) {
        Ok(summary) => (
            FileOutcome::Indexed {
                articles: summary.articles,
                warnings: Vec::new(),
                replaced,
                same_content,
                records_skipped: summary.records_skipped,
            },
            read,
        ),
        Err(notice) => (FileOutcome::Skipped(notice), read),
    }
}

/// Facet paths of the places of an article: `/ukraine/donetsk-oblast/…/id`.
pub fn place_facets(entities: &crate::model::Entities, gazetteer: &Gazetteer) -> Vec<String> {
    let mut facets: Vec<String> = entities
        .places
        .iter()
        .map(|place| facet_path(gazetteer, &place.id))
        .collect();
    facets.sort();
    facets.dedup();
    facets
}

/// The facet path of one place id, root first.
pub fn facet_path(gazetteer: &Gazetteer, id: &str) -> String {
    if let Some(path) = gazetteer.facet_path(id) {
        return path.to_string();
    }
    // Not a gazetteer entry (a district found by its keyword): no
    // ancestors of its own.
    let mut path = String::new();
    for ancestor in gazetteer.ancestors(id) {
        if ancestor.id != id {
            path.push('/');
            path.push_str(&ancestor.id);
        }
    }
    path.push('/');
    path.push_str(id);
    path
}

fn mtime_secs(entry: &FileEntry) -> u64 {
    entry
        .mtime
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs())
}

/// The committed state of the index as `path → stamp`, read from fast fields.
///
/// Each segment's path and hash dictionaries are streamed once in term order
/// (looking terms up one ordinal at a time costs a block decode each).
pub fn read_manifest(index: &tantivy::Index) -> anyhow::Result<HashMap<String, FileStamp>> {
    use super::schema::names;
    let reader = index.reader().context("opening the index reader")?;
    let searcher = reader.searcher();
    let mut manifest = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let (Some(paths), Some(hashes)) = (fast.str(names::PATH)?, fast.str(names::HASH)?) else {
            continue;
        };
        let path_terms = all_terms(&paths)?;
        let hash_terms = all_terms(&hashes)?;
        let sizes = fast.u64(names::SIZE)?;
        let mtimes = fast.u64(names::MTIME)?;
        for doc in segment.doc_ids_alive() {
            let Some(path) = paths
                .term_ords(doc)
                .next()
                .and_then(|o| path_terms.get(o as usize))
            else {
                continue;
            };
            if manifest.contains_key(path) {
                continue;
            }
            let hash = hashes
                .term_ords(doc)
                .next()
                .and_then(|o| hash_terms.get(o as usize))
                .cloned()
                .unwrap_or_default();
            manifest.insert(
                path.clone(),
                FileStamp {
                    hash,
                    size: sizes.first(doc).unwrap_or(0),
                    mtime: mtimes.first(doc).unwrap_or(0),
                },
            );
        }
    }
    Ok(manifest)
}

/// Every term of a string column, indexed by term ordinal.
fn all_terms(column: &tantivy::columnar::StrColumn) -> anyhow::Result<Vec<String>> {
    let mut terms = Vec::with_capacity(column.num_terms());
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}
