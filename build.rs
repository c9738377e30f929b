//! Build script: a hash of the bundled extraction data (`src/extract/data`:
//! gazetteer layers, people lexicons), part of the extraction fingerprint an
//! index records, so that new data makes the next `index` run extract every
//! file again instead of keeping entities found with the old data.

use std::path::Path;

fn main() {
    let dir = Path::new("src/extract/data");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    // FNV-1a, 64 bits: stable across toolchains, no dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for path in files.iter().filter(|p| p.is_file()) {
        feed(path.file_name().map_or(&[][..], |n| n.as_encoded_bytes()));
        feed(&[0]);
        feed(&std::fs::read(path).unwrap_or_default());
        feed(&[0]);
    }
    println!("cargo:rustc-env=FRONTLINE_EXTRACT_DATA_HASH={hash:016x}");
}
