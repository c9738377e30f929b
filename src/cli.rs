//! Command-line arguments (clap derive). Doc comments are the help text.
//!
//! This module only describes what the user typed; it never touches tantivy,
//! the file system or the gazetteer. [`crate::commands`] turns these values
//! into calls of the library's service layer. It belongs to the binary: the
//! library exports no clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// frontline: search war reporting by place, person and date, whatever the
/// spelling or script.
#[derive(Debug, Parser)]
#[command(name = "frontline", version, about, long_about = None)]
pub struct Cli {
    /// Index folder.
    #[arg(long, global = true, default_value = "index", value_name = "PATH")]
    pub index: PathBuf,
    /// When to colour output: auto colours only on a terminal and without
    /// NO_COLOR; always and never win over NO_COLOR.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index a folder of articles (txt, md, html, json, jsonl, Telegram
    /// exports, pdf, docx, odt, RSS/Atom, warc), incrementally.
    Index(IndexArgs),
    /// Search the text, with filters on place, person and dates.
    Search(SearchArgs),
    /// Every article about a place, under any of its names.
    Place(PlaceArgs),
    /// Places ranked by number of articles, with the variants seen.
    Places(PlacesArgs),
    /// Every mention of a person, in date order, with the sentence around it.
    Mentions(MentionsArgs),
    /// People ranked by number of articles, with their spellings.
    People(ListArgs),
    /// Show what frontline extracts from files, without indexing them.
    Extract(ExtractArgs),
    /// Articles per day, week or month.
    Timeline(TimelineArgs),
    /// Numbers about the index.
    Stats(StatsArgs),
    /// Control claims about a place (who says which side holds it, and
    /// where the sides disagree); without a place, the places with the most
    /// recent claims.
    Claims(ClaimsArgs),
    /// Write every indexed document with its entity fields (for Quickwit).
    Export(ExportArgs),
    /// Serve a local web app over the index (search, maps, timelines).
    Serve(ServeArgs),
    /// Write synthetic articles for benchmarks and scale tests.
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// `frontline generate` (hidden).
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Output folder.
    pub out: PathBuf,
    /// Number of articles.
    #[arg(long, default_value_t = 20_000)]
    pub n: usize,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// `frontline serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. Anything but a loopback address makes the
    /// whole index readable by the network.
    #[arg(long, default_value = "127.0.0.1:8717", value_name = "IP:PORT")]
    pub addr: std::net::SocketAddr,
}

/// `frontline index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folder of articles.
    #[arg(default_value = "corpus")]
    pub dir: PathBuf,
    /// Delete the index and build it again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Follow symbolic links (loops are reported and skipped).
    #[arg(long)]
    pub follow_links: bool,
    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = 20 * 1024 * 1024, value_name = "BYTES")]
    pub max_file_size: u64,
    /// Memory budget of the index writer, in MB.
    #[arg(long, default_value_t = 256, value_name = "MB")]
    pub heap: usize,
    /// Indexing threads of the index writer (default: tantivy's choice).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Commit after this many articles, so an interrupted run loses at most
    /// one batch.
    #[arg(long, default_value_t = 5000, value_name = "N")]
    pub commit_every: usize,
    /// Extra GeoNames-format TSV to merge into the built-in gazetteer
    /// (repeatable).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// People register TSV merged over the bundled one (format: README,
    /// "People register").
    #[arg(long, value_name = "FILE")]
    pub people: Option<PathBuf>,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Filters shared by the listing commands.
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// Only articles published on or after this date.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles published on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only articles that mention a date on or after this one.
    #[arg(long, value_name = "DATE")]
    pub mentioned_from: Option<String>,
    /// Only articles that mention a date on or before this one.
    #[arg(long, value_name = "DATE")]
    pub mentioned_to: Option<String>,
}

/// `frontline search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query: words (all must match), "phrases", AND/OR/NOT, title:word,
    /// place:NAME, person:NAME, claim:ru, published:[2025-11-01 TO 2025-11-30].
    /// Several arguments are joined with spaces.
    pub query: Vec<String>,
    /// Only articles about this place (any name; regions include the places
    /// inside them). Repeatable.
    #[arg(long, value_name = "NAME")]
    pub place: Vec<String>,
    /// Only articles mentioning this person (any spelling). Repeatable.
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Only articles with a control claim: ru or ua (the side said to hold
    /// a place), optionally with :full, :partial, :encircled or :denied.
    /// Repeatable.
    #[arg(long, value_name = "SIDE")]
    pub claim: Vec<String>,
    /// Date filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Number of hits.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Hits to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Score)]
    pub sort: SortArg,
    /// Show every article, also reprints of a story already shown.
    #[arg(long)]
    pub all: bool,
    /// Show the top places, people, sources and months of all the results.
    #[arg(long)]
    pub facets: bool,
    /// Count facets by story (reprint group) instead of by article.
    #[arg(long)]
    pub by_story: bool,
    /// Allow typos: one edit in words of 5+ letters, two in 9+ (also `word~`).
    #[arg(long)]
    pub fuzzy: bool,
    /// One JSON object per hit.
    #[arg(long)]
    pub json: bool,
    /// Extra GeoNames-format TSV for resolving place names (repeatable).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
}

/// Hit order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Relevance (BM25).
    Score,
    /// Newest first.
    Date,
}

/// `frontline place`.
#[derive(Debug, Args)]
pub struct PlaceArgs {
    /// Place name, in any spelling or script.
    pub name: String,
    /// Date filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Show at most this many articles.
    #[arg(long)]
    pub limit: Option<usize>,
    /// One JSON object per article.
    #[arg(long)]
    pub json: bool,
    /// Extra GeoNames-format TSV for resolving place names (repeatable).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
}

/// `frontline places`.
#[derive(Debug, Args)]
pub struct PlacesArgs {
    /// Ranking options.
    #[command(flatten)]
    pub list: ListArgs,
    /// Extra GeoNames-format TSV for naming places (repeatable).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
}

/// `frontline places` and `frontline people`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Show at most this many.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// One JSON object per line.
    #[arg(long)]
    pub json: bool,
}

/// `frontline mentions`.
#[derive(Debug, Args)]
pub struct MentionsArgs {
    /// Person name, in any spelling or script ("Maryana Bezuhla", Bezugla,
    /// Безугла).
    pub name: String,
    /// Date filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// One JSON object per mention.
    #[arg(long)]
    pub json: bool,
    /// Show at most this many mentions.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// Mentions to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
}

/// `frontline extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// One JSON object per article.
    #[arg(long)]
    pub json: bool,
    /// Publication date to assume for articles that state none, so that
    /// partial and relative dates ("on November 4", "yesterday") resolve.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Extra GeoNames-format TSV to merge into the built-in gazetteer
    /// (repeatable).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// People register TSV merged over the bundled one (format: README,
    /// "People register").
    #[arg(long, value_name = "FILE")]
    pub people: Option<PathBuf>,
}

/// `frontline timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Optional query, as for `search`.
    pub query: Vec<String>,
    /// Only articles about this place.
    #[arg(long, value_name = "NAME")]
    pub place: Vec<String>,
    /// Only articles mentioning this person.
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Only articles with a control claim: ru or ua (the side said to hold
    /// a place), optionally with :full, :partial, :encircled or :denied.
    /// Repeatable.
    #[arg(long, value_name = "SIDE")]
    pub claim: Vec<String>,
    /// Period length.
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    pub by: PeriodArg,
    /// Which dates to count: publication dates or dates mentioned in the text.
    #[arg(long, value_enum, default_value_t = DatesArg::Published)]
    pub dates: DatesArg,
    /// Count stories (reprint groups) instead of articles.
    #[arg(long)]
    pub by_story: bool,
    /// Extra GeoNames-format TSV for resolving place names (repeatable).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// Date filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// One JSON object per period.
    #[arg(long)]
    pub json: bool,
}

/// Timeline period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Days.
    Day,
    /// ISO weeks (Monday first).
    Week,
    /// Calendar months.
    Month,
}

/// Which dates a timeline counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DatesArg {
    /// Publication dates.
    Published,
    /// Dates mentioned in the text.
    Mentioned,
}

/// `frontline claims`.
#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Place name, in any spelling or script (regions include the places
    /// inside them); none: the places with the most recent claims.
    pub name: Option<String>,
    /// Only claims of this kind (as `search --claim`). Repeatable.
    #[arg(long, value_name = "SIDE")]
    pub claim: Vec<String>,
    /// Date filters (on the articles).
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Without a place: show at most this many places.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// One JSON object per line.
    #[arg(long)]
    pub json: bool,
    /// Extra GeoNames-format TSV for resolving place names (repeatable).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
}

/// `frontline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Newline-delimited JSON, one document per line (the only format).
    #[arg(long, default_value_t = true)]
    pub ndjson: bool,
    /// Extra GeoNames-format TSV for place facet paths (repeatable; default:
    /// the files the index was built with).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
}

/// `frontline stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// One JSON object.
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
