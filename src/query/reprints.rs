//! Reprint groups: articles whose MinHash signatures say they are the same
//! story, lightly rewritten.
//!
//! Signatures are computed at index time ([`crate::index::signature`]) and
//! stored in a fast column, so grouping the whole index reads a few bytes
//! per document: the signature is cut into [`BANDS`] bands; articles that
//! share a band are candidates, and candidates whose estimated Jaccard
//! similarity reaches [`THRESHOLD`] join one group (union-find, so groups
//! are transitive). Grouping is deterministic and computed per query over
//! the documents concerned (a page's candidates, or a query's matches), so
//! it is always consistent with the committed index.

use rustc_hash::FxHashMap as HashMap;

use anyhow::Context;
use tantivy::DocAddress;

use super::IndexHandle;
use crate::index::schema::names;
use crate::index::signature::{decode, similarity, HASHES};

/// Bands of the signature used as buckets (rows per band = HASHES / BANDS).
/// Two rows per band: a pair of one-permutation bins is specific enough to
/// keep buckets small, and a story rewritten to a Jaccard similarity of 0.5
/// still shares a band with probability 1 - (1 - 0.5²)^16 ≈ 0.99.
pub const BANDS: usize = 16;
/// Estimated Jaccard similarity of 3-word shingles above which two articles
/// are one story.
pub const THRESHOLD: f64 = 0.45;

/// The reprint groups of an index.
#[derive(Debug, Default)]
pub struct Reprints {
    group: HashMap<DocAddress, usize>,
}

impl Reprints {
    /// The group of a document (documents alone in their group have one too).
    pub fn group_of(&self, address: DocAddress) -> Option<usize> {
        self.group.get(&address).copied()
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Signatures shared by more documents than this in one band are template
/// boilerplate, not reprints: such buckets are skipped, which also keeps the
/// grouping linear on corpora of near-identical templates.
const MAX_BUCKET: usize = 64;

/// Group the given documents (the matches of a query, or the candidates of
/// a result page) by their signatures.
pub fn reprint_groups(handle: &IndexHandle, addresses: &[DocAddress]) -> anyhow::Result<Reprints> {
    let searcher = handle.reader.searcher();
    let mut columns = Vec::new();
    for segment in searcher.segment_readers() {
        columns.push(
            segment
                .fast_fields()
                .bytes(names::MINHASH)
                .context("reading signatures")?,
        );
    }
    let mut docs: Vec<DocAddress> = addresses.to_vec();
    docs.sort();
    docs.dedup();
    // Signatures are read per segment in term order: one pass over the
    // dictionary blocks instead of one block decode per document.
    let mut sigs: Vec<Option<[u32; HASHES]>> = vec![None; docs.len()];
    let mut at = 0;
    for segment_docs in docs.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let first = at;
        at += segment_docs.len();
        let Some(Some(col)) = columns.get(segment_docs[0].segment_ord as usize) else {
            continue;
        };
        let mut wanted: Vec<(u64, usize)> = segment_docs
            .iter()
            .enumerate()
            .filter_map(|(i, a)| Some((col.term_ords(a.doc_id).next()?, first + i)))
            .collect();
        wanted.sort_unstable();
        let ords: Vec<u64> = wanted.iter().map(|(o, _)| *o).collect();
        let mut ords_dedup = ords.clone();
        ords_dedup.dedup();
        let mut decoded: Vec<Option<[u32; HASHES]>> = Vec::with_capacity(ords_dedup.len());
        col.dictionary()
            .sorted_ords_to_term_cb(&ords_dedup, |bytes| decoded.push(decode(bytes)))
            .context("reading signatures")?;
        let mut k = 0;
        for (ord, i) in wanted {
            while k < ords_dedup.len() && ords_dedup[k] < ord {
                k += 1;
            }
            sigs[i] = decoded.get(k).copied().flatten();
        }
    }
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    let rows = HASHES / BANDS;
    for band in 0..BANDS {
        let mut buckets: HashMap<&[u32], Vec<usize>> = HashMap::default();
        for (i, sig) in sigs.iter().enumerate() {
            if let Some(sig) = sig {
                buckets
                    .entry(&sig[band * rows..(band + 1) * rows])
                    .or_default()
                    .push(i);
            }
        }
        for members in buckets
            .values()
            .filter(|m| m.len() > 1 && m.len() <= MAX_BUCKET)
        {
            for (k, &i) in members.iter().enumerate() {
                for &j in &members[k + 1..] {
                    let (Some(a), Some(b)) = (&sigs[i], &sigs[j]) else {
                        continue;
                    };
                    if find(&mut parent, i) != find(&mut parent, j) && similarity(a, b) >= THRESHOLD
                    {
                        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                        parent[ri.max(rj)] = ri.min(rj);
                    }
                }
            }
        }
    }
    let mut group = HashMap::with_capacity_and_hasher(docs.len(), Default::default());
    for (i, address) in docs.iter().enumerate() {
        group.insert(*address, find(&mut parent, i));
    }
    Ok(Reprints { group })
}
