//! Near-duplicate signatures for reprint grouping.
//!
//! War news is reprinted and lightly rewritten across outlets. Each article
//! gets a MinHash signature over its 3-word shingles: [`HASHES`] minima of
//! independent hash functions, whose agreement rate estimates the Jaccard
//! similarity of two articles' shingle sets. Grouping (in
//! [`crate::query::reprints`]) uses bands of the signature as
//! locality-sensitive buckets, then checks the estimate.

use xxhash_rust::xxh3::xxh3_64;

/// Number of hash functions (and of `u32` values in a signature).
pub const HASHES: usize = 32;

/// Odd multipliers and offsets of the hash family `h_i(x) = a_i * x + b_i`.
fn family(i: usize) -> (u64, u64) {
    // SplitMix64 of the index: fixed, well-spread constants.
    let mut z = (i as u64)
        .wrapping_add(1)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    let a = (z ^ (z >> 31)) | 1;
    (a, z.rotate_left(17))
}

/// The MinHash signature of a text as little-endian bytes (`HASHES` × 4),
/// or an empty vector when the text has fewer than 3 words.
pub fn minhash(text: &str) -> Vec<u8> {
    // Hash each lower-cased word once; a shingle's hash combines the hashes
    // of its three words, so no shingle string is ever built.
    let mut word = String::new();
    let mut hashes: Vec<u64> = Vec::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        word.clear();
        if w.is_ascii() {
            word.push_str(w);
            word.make_ascii_lowercase();
        } else {
            word.extend(w.chars().flat_map(char::to_lowercase));
        }
        hashes.push(xxh3_64(word.as_bytes()));
    }
    if hashes.len() < 3 {
        return Vec::new();
    }
    let params: [(u64, u64); HASHES] = std::array::from_fn(family);
    let mut minima = [u32::MAX; HASHES];
    for w in hashes.windows(3) {
        let x = w[0] ^ w[1].rotate_left(21) ^ w[2].rotate_left(42);
        for (m, (a, b)) in minima.iter_mut().zip(&params) {
            let h = (a.wrapping_mul(x).wrapping_add(*b) >> 32) as u32;
            *m = (*m).min(h);
        }
    }
    minima.iter().flat_map(|m| m.to_le_bytes()).collect()
}

/// Read a signature back; `None` when the bytes are not one.
pub fn decode(bytes: &[u8]) -> Option<[u32; HASHES]> {
    if bytes.len() != HASHES * 4 {
        return None;
    }
    let mut out = [0u32; HASHES];
    for (o, chunk) in out.iter_mut().zip(bytes.chunks_exact(4)) {
        *o = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    Some(out)
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u32; HASHES], b: &[u32; HASHES]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / HASHES as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russian forces pushed further into Pokrovsk on Wednesday, a Ukrainian lawmaker said, while the army said its troops were still fighting in the streets and holding the northern part of the city. The lawmaker wrote on Telegram that command failures had cost the defenders dearly. Officials in Kyiv did not comment. Residents who remained in the city were sheltering in basements without power or water.";

    #[test]
    fn edited_copies_are_similar_and_other_stories_are_not() {
        let a = decode(&minhash(STORY)).expect("signature");
        let edited = STORY
            .replace("Officials in Kyiv did not comment. ", "")
            .replace("pushed further into", "advanced deeper into");
        let b = decode(&minhash(&edited)).expect("signature");
        let other = decode(&minhash(
            "Kharkiv came under a glide bomb attack overnight, the regional governor said, damaging a school and several homes in the north of the city, where rescuers worked until morning to clear rubble.",
        ))
        .expect("signature");
        assert!(similarity(&a, &b) >= 0.5, "{}", similarity(&a, &b));
        assert!(similarity(&a, &other) < 0.2, "{}", similarity(&a, &other));
        assert_eq!(similarity(&a, &a), 1.0);
    }

    #[test]
    fn short_or_odd_input() {
        assert!(minhash("two words").is_empty());
        assert!(decode(&[1, 2, 3]).is_none());
        assert_eq!(minhash(STORY), minhash(STORY), "deterministic");
    }
}
