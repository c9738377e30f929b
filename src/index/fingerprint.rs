//! The extraction fingerprint: what the entities of an index were extracted
//! with. Recorded in the index metadata at each commit; when the next
//! `index` run computes another one (new extraction rules, new bundled
//! gazetteer or lexicon data, other `--gazetteer` files or the same files
//! with other contents), every file is extracted again, even unchanged ones,
//! and the summary says so. Without it an upgrade would leave the entities
//! of unchanged files as the old rules found them, silently.

use std::path::PathBuf;

use anyhow::Context;

/// The fingerprint for a run with the user's extra gazetteer files:
/// `rules N; data HASH; gazetteer HASH`.
pub fn extraction_fingerprint(gazetteer: &[PathBuf]) -> anyhow::Result<String> {
    let mut user = blake3::Hasher::new();
    for path in gazetteer {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        user.update(&(bytes.len() as u64).to_le_bytes());
        user.update(&bytes);
    }
    let user = if gazetteer.is_empty() {
        "none".to_string()
    } else {
        user.finalize().to_hex()[..16].to_string()
    };
    Ok(format!(
        "rules {}; data {}; gazetteer {user}",
        crate::extract::RULES_VERSION,
        env!("FRONTLINE_EXTRACT_DATA_HASH"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_follows_the_user_data() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("extra.txt");
        std::fs::write(&file, "one").expect("write");
        let none = extraction_fingerprint(&[]).expect("fingerprint");
        let one = extraction_fingerprint(std::slice::from_ref(&file)).expect("fingerprint");
        std::fs::write(&file, "two").expect("write");
        let two = extraction_fingerprint(std::slice::from_ref(&file)).expect("fingerprint");
        assert_ne!(none, one);
        assert_ne!(one, two);
        assert_eq!(none, extraction_fingerprint(&[]).expect("fingerprint"));
        assert!(none.starts_with("rules "), "{none}");
        assert!(extraction_fingerprint(&[dir.path().join("missing")]).is_err());
    }
}
