//! Mention finding: the candidate anchors (digit runs and keyword hits) where a date may start.

use super::*;

/// Start offsets of digit runs and of anchor keywords, sorted.
pub(super) fn anchors(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut digits = Vec::new();
    let mut prev_digit = false;
    for (i, b) in bytes.iter().enumerate() {
        let d = b.is_ascii_digit();
        if d && !prev_digit {
            digits.push(i);
        }
        prev_digit = d;
    }
    let mut words = Vec::new();
    if let Some(ac) = &tables().matcher {
        for m in ac.find_iter(text) {
            let before = text.get(..m.start()).and_then(|h| h.chars().next_back());
            let after = text.get(m.end()..).and_then(|t| t.chars().next());
            let boundary_before = !before.is_some_and(char::is_alphanumeric);
            let boundary_after = match after {
                None => true,
                Some(c) if c.is_alphanumeric() => false,
                // "п'ятницю" is whole; "Tuesday's" is the possessive.
                Some(_) => true,
            };
            if boundary_before && boundary_after {
                words.push(m.start());
            }
        }
    }
    let mut all = Vec::with_capacity(digits.len() + words.len());
    let (mut i, mut j) = (0, 0);
    while i < digits.len() || j < words.len() {
        if j >= words.len() || (i < digits.len() && digits[i] <= words[j]) {
            all.push(digits[i]);
            i += 1;
        } else {
            all.push(words[j]);
            j += 1;
        }
    }
    all
}
