//! Build script: a hash of the bundled extraction data (every data file
//! under `src/extract`, such as `data/` with the gazetteer layers and people
//! lexicons, and `people/register.tsv`), part of the extraction fingerprint an
//! index records, so that new data makes the next `index` run extract every
//! file again instead of keeping entities found with the old data.

use std::path::PathBuf;

fn main() {
    // Data files: everything under src/extract but the code.
    let mut files = Vec::new();
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
                files.push(path);
            }
        }
    }
    files.sort();
    // FNV-1a, 64 bits: stable across toolchains, no dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for path in &files {
        feed(path.as_os_str().as_encoded_bytes());
        feed(&[0]);
        feed(&std::fs::read(path).unwrap_or_default());
        feed(&[0]);
    }
    println!("cargo:rustc-env=FRONTLINE_EXTRACT_DATA_HASH={hash:016x}");
}
