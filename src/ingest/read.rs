//! Reading a walked file's bytes, with the size cap enforced while reading.

use super::{FileEntry, SkipNotice, SkipReason};
use std::io::Read;

/// Reads the file of `entry`, at most `max_size` bytes.
///
/// The size is checked again here because the file may have grown since the
/// walk, and at most `max_size + 1` bytes are read, so even a file that grows
/// while being read cannot exhaust memory. Errors: the file is gone →
/// [`SkipReason::Vanished`]; it cannot be opened or read (permission denied,
/// a folder now) → [`SkipReason::Unreadable`]; it is too large →
/// [`SkipReason::Oversized`].
pub fn read_file(entry: &FileEntry, max_size: u64) -> Result<Vec<u8>, SkipNotice> {
    let skip = |reason| SkipNotice::new(entry.rel.as_str(), reason);
    let file = std::fs::File::open(&entry.path).map_err(|e| skip(io_reason(&e)))?;
    let meta = file.metadata().map_err(|e| skip(io_reason(&e)))?;
    if !meta.is_file() {
        return Err(skip(SkipReason::Unreadable("not a regular file".into())));
    }
    if meta.len() > max_size {
        return Err(skip(SkipReason::Oversized {
            size: meta.len(),
            max: max_size,
        }));
    }
    let limit = max_size.saturating_add(1);
    let capacity = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| skip(io_reason(&e)))?;
    let read = bytes.len() as u64;
    if read > max_size {
        return Err(skip(SkipReason::Oversized {
            size: read.max(meta.len()),
            max: max_size,
        }));
    }
    Ok(bytes)
}

/// Maps an I/O error to a skip reason.
fn io_reason(err: &std::io::Error) -> SkipReason {
    match err.kind() {
        std::io::ErrorKind::NotFound => SkipReason::Vanished,
        _ => SkipReason::Unreadable(err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;
    use std::fs;
    use std::path::Path;

    fn entry(path: &Path) -> FileEntry {
        FileEntry {
            path: path.to_path_buf(),
            rel: "x.txt".into(),
            format: Format::Txt,
            size: 0,
            mtime: None,
        }
    }

    #[test]
    fn reads_and_enforces_limits() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.txt");
        fs::write(&p, b"hello").unwrap();
        struct Case {
            max: u64,
            want: Result<&'static [u8], SkipReason>,
        }
        let cases = [
            Case {
                max: 5,
                want: Ok(b"hello"),
            },
            Case {
                max: u64::MAX,
                want: Ok(b"hello"),
            },
            Case {
                max: 4,
                want: Err(SkipReason::Oversized { size: 5, max: 4 }),
            },
            Case {
                max: 0,
                want: Err(SkipReason::Oversized { size: 5, max: 0 }),
            },
        ];
        for c in cases {
            let got = read_file(&entry(&p), c.max);
            match (got, c.want) {
                (Ok(b), Ok(w)) => assert_eq!(b, w),
                (Err(n), Err(r)) => {
                    assert_eq!(n.reason, r);
                    assert_eq!(n.path, "x.txt");
                }
                (got, want) => panic!("max {}: got {got:?}, want {want:?}", c.max),
            }
        }
    }

    #[test]
    fn vanished_and_directories() {
        let dir = tempfile::tempdir().unwrap();
        let gone = read_file(&entry(&dir.path().join("gone.txt")), 10).unwrap_err();
        assert_eq!(gone.reason, SkipReason::Vanished);
        let folder = read_file(&entry(dir.path()), 10).unwrap_err();
        assert_eq!(folder.reason.kind(), "unreadable");
    }

    #[cfg(unix)]
    #[test]
    fn permission_denied_is_unreadable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.txt");
        fs::write(&p, b"secret").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&p).is_ok() {
            eprintln!("skipping permission assertion: running as root");
            return;
        }
        let err = read_file(&entry(&p), 100).unwrap_err();
        assert_eq!(err.reason.kind(), "unreadable");
        assert!(err.to_string().starts_with("x.txt: unreadable: "));
    }
}
