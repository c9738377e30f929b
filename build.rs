//! Build script: two hashes of `src/extract`, part of the extraction
//! fingerprint an index records.
//!
//! - `FRONTLINE_EXTRACT_DATA_HASH`: every data file (`.tsv`, `.txt`: the
//!   gazetteer layers, the people lexicons, `people/register.tsv`);
//! - `FRONTLINE_EXTRACT_CODE_HASH`: every source file of the extractors.
//!
//! New data or new rules make the next `index` run extract every file again
//! instead of keeping entities found the old way, even when nobody
//! remembered to bump `extract::RULES_VERSION`.

use std::path::{Path, PathBuf};

fn main() {
    let mut data = Vec::new();
    let mut code = Vec::new();
    let mut dirs = vec![PathBuf::from("src/extract")];
    while let Some(dir) = dirs.pop() {
        println!("cargo:rerun-if-changed={}", dir.display());
        for path in std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "tsv" || e == "txt") {
                println!("cargo:rerun-if-changed={}", path.display());
                data.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                println!("cargo:rerun-if-changed={}", path.display());
                code.push(path);
            }
        }
    }
    println!(
        "cargo:rustc-env=FRONTLINE_EXTRACT_DATA_HASH={:016x}",
        hash_files(&mut data)
    );
    println!(
        "cargo:rustc-env=FRONTLINE_EXTRACT_CODE_HASH={:016x}",
        hash_files(&mut code)
    );
}

/// FNV-1a, 64 bits, over each file's path and bytes in path order: stable
/// across toolchains and machines, no dependency.
fn hash_files(files: &mut [PathBuf]) -> u64 {
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for path in files.iter() {
        feed(portable(path).as_bytes());
        feed(&[0]);
        feed(&std::fs::read(path).unwrap_or_default());
        feed(&[0]);
    }
    hash
}

/// The path with `/` separators, so the hash is the same on every system.
fn portable(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
