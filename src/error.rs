//! Errors a caller branches on: the ones that deserve their own message and
//! exit code. Everything else travels as `anyhow::Error` with context.

use std::path::PathBuf;

/// A user-facing failure with a clear message (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No index at the given path.
    #[error("no index at {}: run `frontline index` first", .0.display())]
    IndexNotFound(PathBuf),
    /// The index was written by another version of frontline.
    #[error("the index at {} was written by another version of frontline ({found}); run `frontline index --rebuild`", path.display())]
    SchemaMismatch {
        /// Index folder.
        path: PathBuf,
        /// What was found instead of the current schema.
        found: String,
    },
    /// Another `frontline index` holds the writer lock.
    #[error("another `frontline index` is writing to {}; wait for it to finish", .0.display())]
    IndexLocked(PathBuf),
    /// The query could not be parsed.
    #[error("invalid query: {0}")]
    BadQuery(String),
    /// A command-line value is invalid (dates, names, ranges).
    #[error("{0}")]
    BadArgument(String),
}
