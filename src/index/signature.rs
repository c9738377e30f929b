//! Near-duplicate signatures for reprint grouping.
//!
//! War news is reprinted and lightly rewritten across outlets. Each article
//! gets a one-permutation MinHash signature over its 3-word shingles (Li,
//! Owen and Zhang, 2012): every shingle is hashed once, the hash's top bits
//! pick one of [`HASHES`] bins and its low bits are the value, and each bin
//! keeps its minimum. Bins that no shingle reached borrow the value of a
//! bin chosen by a fixed hash of their index (optimal densification,
//! Shrivastava 2017), so two articles with the same shingle set always get
//! the same signature and the agreement rate of two signatures still
//! estimates the Jaccard similarity of their shingle sets. One hash per
//! shingle instead of one per shingle and function makes the signature
//! about [`HASHES`] times cheaper than classic MinHash. Grouping (in
//! [`crate::query::reprints`]) uses bands of the signature as
//! locality-sensitive buckets, then checks the estimate.

use xxhash_rust::xxh3::xxh3_64;

/// Number of bins (and of `u32` values in a signature).
pub const HASHES: usize = 32;

/// SplitMix64's finaliser: a fixed, well-spread permutation of `u64`.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The MinHash signature of a text as little-endian bytes (`HASHES` × 4),
/// or an empty vector when the text has fewer than 3 words.
pub fn minhash(text: &str) -> Vec<u8> {
    // Hash each lower-cased word once; a shingle's hash combines the hashes
    // of its three words, so no shingle string is ever built.
    let mut word = String::new();
    let (mut w0, mut w1) = (0u64, 0u64);
    let mut words = 0usize;
    let mut bins = [u64::MAX; HASHES];
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let h = if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
            xxh3_64(w.as_bytes())
        } else {
            word.clear();
            if w.is_ascii() {
                word.push_str(w);
                word.make_ascii_lowercase();
            } else {
                word.extend(w.chars().flat_map(char::to_lowercase));
            }
            xxh3_64(word.as_bytes())
        };
        words += 1;
        if words >= 3 {
            let x = mix(w0 ^ w1.rotate_left(21) ^ h.rotate_left(42));
            // Top 5 bits: the bin; the next 32: the value.
            let bin = (x >> 59) as usize % HASHES;
            let value = (x >> 27) & 0xFFFF_FFFF;
            if value < bins[bin] {
                bins[bin] = value;
            }
        }
        (w0, w1) = (w1, h);
    }
    if words < 3 {
        return Vec::new();
    }
    densify(&mut bins);
    bins.iter()
        .flat_map(|&m| (m as u32).to_le_bytes())
        .collect()
}

/// Fill empty bins from filled ones. Empty bin `i` tries the bins
/// `mix(i, 1)`, `mix(i, 2)`, … (the same sequence for every article) and
/// takes the first filled one's value, so two articles agree on an empty
/// bin with the probability that they agree on a filled one.
fn densify(bins: &mut [u64; HASHES]) {
    let filled: Vec<bool> = bins.iter().map(|&b| b != u64::MAX).collect();
    if !filled.iter().any(|&f| f) {
        return;
    }
    for i in 0..HASHES {
        if filled[i] {
            continue;
        }
        // A few dozen tries find a filled bin with near certainty; the
        // rotation after them keeps the loop bounded whatever the hash does.
        let from = (1..=256u64)
            .map(|attempt| (mix(((i as u64) << 32) | attempt) % HASHES as u64) as usize)
            .find(|&j| filled[j])
            .or_else(|| (1..HASHES).map(|d| (i + d) % HASHES).find(|&j| filled[j]));
        if let Some(j) = from {
            bins[i] = bins[j];
        }
    }
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

    /// The agreement rate estimates Jaccard similarity: texts built from a
    /// shared and a private part of known sizes land near the true value.
    #[test]
    fn similarity_estimates_jaccard() {
        // Shingles of "common + private": the shared part gives about
        // `shared` common shingles, each private part `private / 2` own ones.
        for (shared, private) in [(300, 100), (200, 200), (100, 300)] {
            let want = shared as f64 / (shared + private) as f64;
            let trials = 30;
            let mut total = 0.0;
            for t in 0..trials {
                let text = |side: &str| {
                    let common = (0..shared).map(|i| format!("c{t}x{i}"));
                    let own = (0..private / 2).map(|i| format!("{side}{t}x{i}"));
                    common.chain(own).collect::<Vec<_>>().join(" ")
                };
                let sa = decode(&minhash(&text("a"))).expect("signature");
                let sb = decode(&minhash(&text("b"))).expect("signature");
                total += similarity(&sa, &sb);
            }
            let mean = total / trials as f64;
            assert!(
                (mean - want).abs() < 0.06,
                "shared {shared}: mean {mean:.3}, want ~{want:.3}"
            );
        }
    }

    #[test]
    fn few_shingles_still_give_a_full_signature() {
        let a = decode(&minhash("one two three four")).expect("signature");
        let b = decode(&minhash("ONE two three four")).expect("signature");
        assert_eq!(a, b, "case does not matter");
        assert!(a.iter().all(|&v| v != u32::MAX), "every bin filled: {a:?}");
    }

    #[test]
    fn short_or_odd_input() {
        assert!(minhash("two words").is_empty());
        assert!(decode(&[1, 2, 3]).is_none());
        assert_eq!(minhash(STORY), minhash(STORY), "deterministic");
    }
}
