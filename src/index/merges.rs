//! The merge policy of an indexing run's last commit.
//!
//! A bulk run commits its batches without merging (each commit would merge
//! the same documents again) and merges once at its last commit. tantivy's
//! [`LogMergePolicy`] merges a whole level of similar segments at once: after
//! a run of 100,000 articles that is one merge of some forty segments, and
//! its memory (every input segment open, the output's columns and doc id
//! maps) set the run's peak RSS. [`BoundedLogMerges`] keeps the levels but
//! merges at most [`MAX_SEGMENTS_PER_MERGE`] segments at a time, so a merge
//! costs the same whatever the size of the folder; the merged segments form
//! the next level, merged the same way when there are enough of them.

use tantivy::index::SegmentMeta;
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// Segments in one merge at most.
pub const MAX_SEGMENTS_PER_MERGE: usize = 8;

/// [`LogMergePolicy`] with each merge bounded to
/// [`MAX_SEGMENTS_PER_MERGE`] segments.
#[derive(Debug, Default)]
pub struct BoundedLogMerges {
    levels: LogMergePolicy,
}

impl MergePolicy for BoundedLogMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        self.levels
            .compute_merge_candidates(segments)
            .into_iter()
            .flat_map(|MergeCandidate(level)| {
                level
                    .chunks(MAX_SEGMENTS_PER_MERGE)
                    .filter(|chunk| chunk.len() > 1)
                    .map(|chunk| MergeCandidate(chunk.to_vec()))
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::index::SegmentId;

    fn segments(docs: &[u32]) -> Vec<SegmentMeta> {
        let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
        docs.iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect()
    }

    #[test]
    fn a_level_is_merged_in_bounded_groups() {
        // Forty segments of one level: LogMergePolicy merges all forty in one.
        let metas = segments(&[2_500; 40]);
        let whole = LogMergePolicy::default().compute_merge_candidates(&metas);
        assert_eq!(whole.len(), 1);
        assert_eq!(whole[0].0.len(), 40);
        let bounded = BoundedLogMerges::default().compute_merge_candidates(&metas);
        assert_eq!(bounded.len(), 5);
        assert!(bounded.iter().all(|c| c.0.len() == MAX_SEGMENTS_PER_MERGE));
        let mut ids: Vec<SegmentId> = bounded.iter().flat_map(|c| c.0.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 40, "every segment of the level is merged once");
    }

    #[test]
    fn what_the_levels_leave_alone_stays_alone() {
        // Too few segments for a level to merge, and a remainder of one.
        assert!(BoundedLogMerges::default()
            .compute_merge_candidates(&segments(&[2_500; 5]))
            .is_empty());
        let nine = BoundedLogMerges::default().compute_merge_candidates(&segments(&[2_500; 9]));
        assert_eq!(nine.len(), 1, "eight merged, the ninth waits");
    }
}
