//! The index's copy of the bundled people register's look-up tables.
//!
//! `search --person`, `person:` clauses and `mentions` resolve a name
//! through the people register, and building its tables means computing the
//! identity key of every form of every entry: about 15 ms, several times
//! what the search itself takes. The indexer has them built anyway, so it
//! writes them into the index folder (postcard, after a header naming the
//! frontline version, the extraction rules and the bundled data they were
//! built from), and a query reads them back in well under a millisecond.
//!
//! The file is a cache: a missing, unreadable or stale one (another build)
//! is ignored and the register is built as before, so using it never
//! changes a result.

use std::path::Path;

use anyhow::Context;

use crate::extract::people::register::Register;

/// File name inside the index folder.
pub const FILE: &str = "people-register.bin";

/// The first line of the file: what the tables were built from.
fn header() -> String {
    format!(
        "frontline people register {}; rules {} (code {}); data {}\n",
        env!("CARGO_PKG_VERSION"),
        crate::extract::RULES_VERSION,
        env!("FRONTLINE_EXTRACT_CODE_HASH"),
        env!("FRONTLINE_EXTRACT_DATA_HASH"),
    )
}

/// Whether `dir` holds tables written by this build.
pub fn is_current(dir: &Path) -> bool {
    use std::io::Read;
    let expected = header();
    let mut head = vec![0u8; expected.len()];
    std::fs::File::open(dir.join(FILE))
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head == expected.as_bytes()
}

/// Write the tables of `register` (the bundled one) into `dir`, atomically.
pub fn write(dir: &Path, register: &Register) -> anyhow::Result<()> {
    let mut out = header().into_bytes();
    out.extend(postcard::to_allocvec(register).context("encoding the people register")?);
    let tmp = dir.join(format!("{FILE}.tmp"));
    std::fs::write(&tmp, out).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, dir.join(FILE))
        .with_context(|| format!("writing {}", dir.join(FILE).display()))
}

/// The tables in `dir`, when they were written by this build.
pub fn read(dir: &Path) -> Option<Register> {
    let bytes = std::fs::read(dir.join(FILE)).ok()?;
    let body = bytes.strip_prefix(header().as_bytes())?;
    postcard::from_bytes(body).ok()
}

/// Use the tables in `dir` as the bundled register for this run, unless it
/// is built already. Returns whether they were used.
pub fn preload(dir: &Path) -> bool {
    if Register::bundled_is_ready() {
        return false;
    }
    match read(dir) {
        Some(reg) => {
            Register::preload_bundled(reg);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_read_back_resolve_as_the_built_ones() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(!is_current(dir.path()));
        assert!(read(dir.path()).is_none());
        let built = Register::bundled();
        write(dir.path(), built).expect("write");
        assert!(is_current(dir.path()));
        let back = read(dir.path()).expect("read back");
        assert_eq!(back.entries(), built.entries());
        // Every entry's key and surname resolve the same way in both.
        let mut resolved = 0;
        for e in built.entries() {
            let surname = crate::extract::people::surname_of_key(&e.key);
            let full = built.resolve_full(&e.key).map(|x| &x.canonical);
            assert_eq!(
                full,
                back.resolve_full(&e.key).map(|x| &x.canonical),
                "{}",
                e.key
            );
            assert_eq!(
                built.resolve_surname(surname).map(|x| &x.canonical),
                back.resolve_surname(surname).map(|x| &x.canonical),
                "{surname}"
            );
            resolved += usize::from(full.is_some());
        }
        assert!(
            resolved > built.entries().len() / 2,
            "{resolved} entries resolve"
        );
    }

    #[test]
    fn a_stale_or_damaged_file_is_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join(FILE),
            b"frontline people register 0.0.0; rules 0; data x\n",
        )
        .expect("write");
        assert!(!is_current(dir.path()));
        assert!(read(dir.path()).is_none());
        let mut damaged = header().into_bytes();
        damaged.extend([0xff, 0xfe, 0x01]);
        std::fs::write(dir.path().join(FILE), damaged).expect("write");
        assert!(is_current(dir.path()));
        assert!(
            read(dir.path()).is_none(),
            "bad postcard bytes are no register"
        );
    }
}
