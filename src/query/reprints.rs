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

use std::collections::HashMap;

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
    let mut buf = Vec::new();
    let sigs: Vec<Option<[u32; HASHES]>> = docs
        .iter()
        .map(|a| {
            let col = columns.get(a.segment_ord as usize)?.as_ref()?;
            let ord = col.term_ords(a.doc_id).next()?;
            buf.clear();
            col.ord_to_bytes(ord, &mut buf)
                .ok()?
                .then(|| decode(&buf))?
        })
        .collect();
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    let rows = HASHES / BANDS;
    for band in 0..BANDS {
        let mut buckets: HashMap<&[u32], Vec<usize>> = HashMap::new();
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
    let mut group = HashMap::with_capacity(docs.len());
    for (i, address) in docs.iter().enumerate() {
        group.insert(*address, find(&mut parent, i));
    }
    Ok(Reprints { group })
}
