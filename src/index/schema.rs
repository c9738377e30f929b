//! The tantivy schema: the only place where field names live.
//!
//! Every field says why it has the options it has. Rules of thumb, from
//! tantivy's own examples: `STORED` only what a command displays, `FAST`
//! what is sorted, counted or read for every document (the incremental
//! manifest reads `path`, `hash`, `size` and `mtime` column-wise instead of
//! loading stored documents), `INDEXED`/`STRING` what is filtered on.

use tantivy::schema::{
    BytesOptions, DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption,
    NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};

/// Bumped whenever a field is added, removed or changes options; an index
/// written with another version is refused with advice to `--rebuild`.
pub const SCHEMA_VERSION: u32 = 6;

/// Field names, used by the query parser and by aggregations.
pub mod names {
    /// Article id: path, plus `#N` for records of JSON files.
    pub const ID: &str = "id";
    /// Relative path of the source file.
    pub const PATH: &str = "path";
    /// Title (full text, every word folded to Latin).
    pub const TITLE: &str = "title";
    /// Body (full text, every word folded to Latin, with positions for
    /// phrases and snippets).
    pub const BODY: &str = "body";
    /// MinHash signature of the body, for reprint grouping.
    pub const MINHASH: &str = "minhash";
    /// Publication date.
    pub const PUBLISHED: &str = "published";
    /// Outlet.
    pub const SOURCE: &str = "source";
    /// Original URL.
    pub const URL: &str = "url";
    /// Language code.
    pub const LANG: &str = "lang";
    /// File format.
    pub const FORMAT: &str = "format";
    /// Content hash of the source file.
    pub const HASH: &str = "hash";
    /// Size of the source file in bytes.
    pub const SIZE: &str = "size";
    /// Modification time of the source file (seconds since the epoch).
    pub const MTIME: &str = "mtime";
    /// Gazetteer ids of the places mentioned.
    pub const PLACE: &str = "place";
    /// Ids of the places and of every place containing them, for facet
    /// counts that agree with the hierarchical `--place` filter.
    pub const PLACE_TREE: &str = "place_tree";
    /// Place hierarchy facets (`/ukraine/donetsk-oblast/pokrovsk`).
    pub const PLACE_FACET: &str = "place_facet";
    /// `place id<TAB>surface` pairs, to count the variants seen in the corpus.
    pub const PLACE_VARIANT: &str = "place_variant";
    /// Person identity keys (`surname` or `surname:given`).
    pub const PERSON: &str = "person";
    /// `person key<TAB>surface` pairs, to count the spellings seen.
    pub const PERSON_SPELLING: &str = "person_spelling";
    /// Person surname keys, for surname-only queries.
    pub const PERSON_SURNAME: &str = "person_surname";
    /// Dates mentioned in the text (first day of their period).
    pub const MENTIONED: &str = "mentioned";
    /// Control claims, for `--claim` and `claim:`: per claim the controller
    /// (`ru`, `ua`) and the controller with its extent (`ru:full`,
    /// `ua:partial`, `ru:encircled`); a denial gives `ru:denied` (the side
    /// whose claim is denied) instead.
    pub const CLAIM: &str = "claim";
    /// Ids of the places claims are about and of every place containing
    /// them, so `claims REGION` finds the claims about the places inside it.
    pub const CLAIM_PLACE: &str = "claim_place";
    /// All extracted entities with mentions and offsets, as JSON.
    pub const ENTITIES: &str = "entities";
    /// Per article that names someone, what `mentions` shows of it: its
    /// reference and each person mention with its sentence
    /// ([`crate::index::document::MentionRecord`]).
    pub const PERSON_MENTIONS: &str = "person_mentions";
    /// For an article without a title, the title shown in its place: the
    /// first sentence of its text, shortened.
    pub const DERIVED_TITLE: &str = "derived_title";
}

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// See [`names::ID`].
    pub id: Field,
    /// See [`names::PATH`].
    pub path: Field,
    /// See [`names::TITLE`].
    pub title: Field,
    /// See [`names::BODY`].
    pub body: Field,
    /// See [`names::MINHASH`].
    pub minhash: Field,
    /// See [`names::PUBLISHED`].
    pub published: Field,
    /// See [`names::SOURCE`].
    pub source: Field,
    /// See [`names::URL`].
    pub url: Field,
    /// See [`names::LANG`].
    pub lang: Field,
    /// See [`names::FORMAT`].
    pub format: Field,
    /// See [`names::HASH`].
    pub hash: Field,
    /// See [`names::SIZE`].
    pub size: Field,
    /// See [`names::MTIME`].
    pub mtime: Field,
    /// See [`names::PLACE`].
    pub place: Field,
    /// See [`names::PLACE_TREE`].
    pub place_tree: Field,
    /// See [`names::PLACE_FACET`].
    pub place_facet: Field,
    /// See [`names::PLACE_VARIANT`].
    pub place_variant: Field,
    /// See [`names::PERSON`].
    pub person: Field,
    /// See [`names::PERSON_SPELLING`].
    pub person_spelling: Field,
    /// See [`names::PERSON_SURNAME`].
    pub person_surname: Field,
    /// See [`names::MENTIONED`].
    pub mentioned: Field,
    /// See [`names::CLAIM`].
    pub claim: Field,
    /// See [`names::CLAIM_PLACE`].
    pub claim_place: Field,
    /// See [`names::ENTITIES`].
    pub entities: Field,
    /// See [`names::PERSON_MENTIONS`].
    pub person_mentions: Field,
    /// See [`names::DERIVED_TITLE`].
    pub derived_title: Field,
}

/// Build the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    use names::*;
    let mut b = Schema::builder();
    // Keyword fields: exact, filterable; FAST where counted or read per doc.
    let keyword = STRING | STORED;
    let keyword_fast = STRING | STORED | FAST;
    // Full text: one analysed field per text, every word folded to Latin
    // (Покровськ = Pokrovsk, Syrskyi = Syrsky; see `analysis`), with
    // positions so phrase queries and snippets work. Queries go through the
    // same analyzer, so one posting list serves exact, cross-script, phrase
    // and fuzzy queries; stored, so snippets highlight the words as written.
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(super::analysis::LATIN)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let day = DateOptions::from(tantivy::schema::INDEXED)
        .set_fast()
        .set_precision(DateTimePrecision::Seconds);
    let fields = Fields {
        id: b.add_text_field(ID, keyword.clone()),
        path: b.add_text_field(PATH, keyword_fast.clone()),
        title: b.add_text_field(TITLE, text.clone()),
        body: b.add_text_field(BODY, text),
        // Read column-wise for every document when grouping reprints.
        minhash: b.add_bytes_field(MINHASH, BytesOptions::default().set_fast()),
        published: b.add_date_field(PUBLISHED, day.clone().set_stored()),
        source: b.add_text_field(SOURCE, keyword_fast.clone()),
        url: b.add_text_field(URL, STORED),
        lang: b.add_text_field(LANG, keyword_fast.clone()),
        format: b.add_text_field(FORMAT, keyword_fast.clone()),
        hash: b.add_text_field(HASH, STRING | FAST),
        size: b.add_u64_field(SIZE, NumericOptions::default().set_fast()),
        mtime: b.add_u64_field(MTIME, NumericOptions::default().set_fast()),
        // Ids only, not stored: the stored `entities` JSON carries names.
        place: b.add_text_field(PLACE, STRING | FAST),
        place_tree: b.add_text_field(PLACE_TREE, STRING | FAST),
        place_facet: b.add_facet_field(PLACE_FACET, FacetOptions::default()),
        place_variant: b.add_text_field(PLACE_VARIANT, STRING | FAST),
        person: b.add_text_field(PERSON, STRING | FAST),
        person_spelling: b.add_text_field(PERSON_SPELLING, STRING | FAST),
        person_surname: b.add_text_field(PERSON_SURNAME, STRING),
        // Multi-valued: one value per mentioned date.
        mentioned: b.add_date_field(MENTIONED, day),
        // Filter terms only: the claims themselves are in `entities`.
        claim: b.add_text_field(CLAIM, STRING),
        // FAST: `claims` without a place lists every document that has one.
        claim_place: b.add_text_field(CLAIM_PLACE, STRING | FAST),
        entities: b.add_text_field(ENTITIES, STORED),
        // A fast column, not the document store: listing a person's
        // mentions reads a few hundred bytes per article instead of
        // decompressing its block of whole articles. Multi-valued `u64`
        // holding the record's bytes (see `MentionRecord::to_words`).
        person_mentions: b.add_u64_field(PERSON_MENTIONS, NumericOptions::default().set_fast()),
        // Stored only: shown in place of a missing title, but not searched
        // as one (its words are in the body already; indexing them again
        // as a title would rank the article up for its first sentence).
        derived_title: b.add_text_field(DERIVED_TITLE, STORED),
    };
    (b.build(), fields)
}

/// Field handles of an existing index, checking that its schema is ours.
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let (ours, fields) = build();
    // Same fields with the same options, in the same order.
    let same = ours.fields().count() == schema.fields().count()
        && ours
            .fields()
            .zip(schema.fields())
            .all(|((_, a), (_, b))| a == b);
    same.then_some(fields)
}
