//! frontline: a search engine for war reporting.
//!
//! Data flows one way: files ([`ingest`]) → [`model::Article`] →
//! entities ([`extract`]) → tantivy ([`index`]) → [`query`] → [`output`].
//! [`service`] is the layer every face calls (the `frontline` binary, the
//! web app): it turns names into ids and answers one question per function
//! with typed results. The command line itself (clap types, one adapter per
//! subcommand) lives in the binary, not here.

#![warn(missing_docs)]

pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod model;
pub mod output;
pub mod query;
pub mod service;
pub mod web;
