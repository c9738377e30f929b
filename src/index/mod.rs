//! The tantivy index: schema, opening and creating, the index metadata kept
//! in tantivy's commit payload, and the writer pipeline.
//!
//! This module turns articles and entities into tantivy documents; it never
//! parses files itself (that is [`crate::ingest`]) and never prints.

pub mod analysis;
pub mod document;
pub mod fingerprint;
pub mod kinds;
pub mod merges;
pub mod people_register;
pub mod place_names;
pub mod schema;
pub mod signature;
pub mod writer;

use std::path::Path;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::directory::{Directory, DirectoryLock, MmapDirectory, INDEX_WRITER_LOCK};
use tantivy::Index;

use crate::error::Error;
use schema::Fields;

/// What frontline keeps in tantivy's commit payload: written atomically with
/// each commit, so it always describes the committed state.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndexMeta {
    /// [`schema::SCHEMA_VERSION`] of the writer.
    pub schema_version: u32,
    /// When the last indexing run committed (RFC 3339, UTC).
    pub indexed_at: Option<String>,
    /// The folder that was indexed.
    pub root: Option<String>,
    /// What the entities were extracted with (see [`fingerprint`]); `None`
    /// for an index written before fingerprints, which is extracted again.
    #[serde(default)]
    pub fingerprint: Option<String>,
    /// The extra gazetteer files the index was built with (absolute paths):
    /// commands resolve place names and facet paths with the same data.
    #[serde(default)]
    pub gazetteer: Vec<String>,
}

/// Open an existing index for reading.
///
/// A missing folder or one without an index is [`Error::IndexNotFound`]; an
/// index of another schema version is [`Error::SchemaMismatch`].
pub fn open(dir: &Path) -> anyhow::Result<(Index, Fields)> {
    if !dir.join("meta.json").is_file() {
        return Err(Error::IndexNotFound(dir.to_path_buf()).into());
    }
    let mmap = MmapDirectory::open(dir).map_err(|_| Error::IndexNotFound(dir.to_path_buf()))?;
    let index = Index::open(mmap).with_context(|| format!("opening index {}", dir.display()))?;
    analysis::register(&index);
    let meta = read_meta(&index);
    let fields = match (&meta, schema::fields_of(&index.schema())) {
        (Some(m), Some(f)) if m.schema_version == schema::SCHEMA_VERSION => f,
        // Created by `open_or_create` but never committed (the first run was
        // killed before its first commit): our schema and no data, so an
        // empty index rather than one "of another version".
        (None, Some(f)) if never_committed(&index) => f,
        _ => {
            let found = match meta {
                Some(m) => format!("schema version {}", m.schema_version),
                None => "an unknown schema".to_string(),
            };
            return Err(Error::SchemaMismatch {
                path: dir.to_path_buf(),
                found,
            }
            .into());
        }
    };
    Ok((index, fields))
}

/// Open the index for writing, creating it (and the folder) when absent.
/// With `rebuild`, an existing index is deleted first.
pub fn open_or_create(dir: &Path, rebuild: bool) -> anyhow::Result<(Index, Fields)> {
    if rebuild && dir.join("meta.json").exists() {
        // Hold the writer lock while deleting, so a `--rebuild` cannot pull
        // the files from under another indexer that is writing to them.
        let _lock = lock_writer(dir)?;
        remove_index_files(dir)?;
    }
    if dir.join("meta.json").is_file() {
        return open(dir);
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let (schema, fields) = schema::build();
    let mmap = MmapDirectory::open(dir).with_context(|| format!("opening {}", dir.display()))?;
    // The store holds every article's text: zstd (level 3) makes it about a
    // third smaller than lz4 for a few microseconds more per block read.
    let settings = tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(3),
        }),
        ..tantivy::IndexSettings::default()
    };
    let index = Index::create(mmap, schema, settings)
        .with_context(|| format!("creating index in {}", dir.display()))?;
    analysis::register(&index);
    Ok((index, fields))
}

/// Fail at once with [`Error::IndexLocked`] when another indexer holds the
/// writer lock of `dir`.
///
/// Called before the slow setup of an indexing run (building the gazetteer
/// takes seconds), so a second `frontline index` is refused at once instead
/// of after that setup. Only an early answer: the lock is released again and
/// the index writer takes it for real.
pub fn check_unlocked(dir: &Path) -> anyhow::Result<()> {
    if dir.join("meta.json").is_file() {
        lock_writer(dir)?;
    }
    Ok(())
}

/// Take tantivy's writer lock on `dir` (held until the guard is dropped).
fn lock_writer(dir: &Path) -> anyhow::Result<DirectoryLock> {
    let mmap = MmapDirectory::open(dir).with_context(|| format!("opening {}", dir.display()))?;
    mmap.acquire_lock(&INDEX_WRITER_LOCK).map_err(|e| match e {
        LockError::LockBusy => Error::IndexLocked(dir.to_path_buf()).into(),
        other => anyhow::Error::from(other).context("locking the index"),
    })
}

/// Whether the index has never been committed to: no segments, no opstamp.
fn never_committed(index: &Index) -> bool {
    index
        .load_metas()
        .is_ok_and(|m| m.segments.is_empty() && m.opstamp == 0)
}

/// The metadata of the last commit, if any.
pub fn read_meta(index: &Index) -> Option<IndexMeta> {
    let metas = index.load_metas().ok()?;
    let payload = metas.payload?;
    serde_json::from_str(&payload).ok()
}

/// Delete the files of an index, keeping the folder and anything that is not
/// an index file (such as a README).
fn remove_index_files(dir: &Path) -> anyhow::Result<()> {
    // `meta.json` goes first: a run killed halfway through leaves no index
    // rather than a `meta.json` naming segment files already deleted.
    let meta = dir.join("meta.json");
    if meta.is_file() {
        std::fs::remove_file(&meta).with_context(|| format!("removing {}", meta.display()))?;
    }
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_index_file = name == "meta.json"
            || name == ".managed.json"
            || name.contains('.') && name.split('.').next().is_some_and(|s| s.len() == 32);
        if is_index_file && entry.file_type()?.is_file() {
            std::fs::remove_file(entry.path())
                .with_context(|| format!("removing {}", entry.path().display()))?;
        }
    }
    Ok(())
}
