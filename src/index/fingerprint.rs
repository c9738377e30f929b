//! The extraction fingerprint: what the entities of an index were extracted
//! with. Recorded in the index metadata at each commit; when the next
//! `index` run computes another one (new extraction rules, new bundled
//! gazetteer or lexicon data, other `--gazetteer` files or the same files
//! with other contents), every file is extracted again, even unchanged ones,
//! and the summary says so. Without it an upgrade would leave the entities
//! of unchanged files as the old rules found them, silently.

use std::path::{Path, PathBuf};

use anyhow::Context;

/// The fingerprint for a run with the user's extra gazetteer files and
/// people register: `rules N (code HASH); data HASH; gazetteer HASH` (`; people HASH`
/// when a register is given).
pub fn extraction_fingerprint(
    gazetteer: &[PathBuf],
    people: Option<&Path>,
) -> anyhow::Result<String> {
    let people = match people {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            format!("; people {}", &blake3::hash(&bytes).to_hex()[..16])
        }
        None => String::new(),
    };
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
        "rules {} (code {}); data {}; gazetteer {user}{people}",
        crate::extract::RULES_VERSION,
        env!("FRONTLINE_EXTRACT_CODE_HASH"),
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
        let none = extraction_fingerprint(&[], None).expect("fingerprint");
        let one = extraction_fingerprint(std::slice::from_ref(&file), None).expect("fingerprint");
        std::fs::write(&file, "two").expect("write");
        let two = extraction_fingerprint(std::slice::from_ref(&file), None).expect("fingerprint");
        assert_ne!(none, one);
        assert_ne!(one, two);
        assert_eq!(
            none,
            extraction_fingerprint(&[], None).expect("fingerprint")
        );
        assert!(none.starts_with("rules "), "{none}");
        // The extractors' sources and data are in it (hashed by build.rs),
        // so a rule changed without a version bump still re-extracts.
        for hash in [
            env!("FRONTLINE_EXTRACT_CODE_HASH"),
            env!("FRONTLINE_EXTRACT_DATA_HASH"),
        ] {
            assert_eq!(hash.len(), 16);
            assert!(none.contains(hash), "{none}");
        }
        assert_ne!(
            env!("FRONTLINE_EXTRACT_CODE_HASH"),
            env!("FRONTLINE_EXTRACT_DATA_HASH")
        );
        let with_people = extraction_fingerprint(&[], Some(&file)).expect("fingerprint");
        assert_ne!(
            none, with_people,
            "a people register changes the fingerprint"
        );
        assert!(extraction_fingerprint(&[dir.path().join("missing")], None).is_err());
    }
}
