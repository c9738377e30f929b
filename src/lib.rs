//! frontline: a command-line search engine for war reporting.
//!
//! Data flows one way: files ([`ingest`]) → [`model::Article`] →
//! entities ([`extract`]) → tantivy ([`index`]) → [`query`] → [`output`].
//! [`cli`] describes the command line and [`commands`] connects it to the
//! stages, one module per subcommand.

#![warn(missing_docs)]

pub mod cli;
pub mod commands;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod model;
pub mod output;
pub mod query;
pub mod web;
