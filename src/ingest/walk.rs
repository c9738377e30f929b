//! Finding the files to index: a sorted, filtered folder walk.
//!
//! The walk is `walkdir` sorted by file name, so the same folder always
//! yields the same order (stable article order, reproducible indexes and
//! test output). Hidden files and folders (name starting with `.`) are
//! pruned, files with an unsupported extension are ignored silently (a
//! corpus folder may hold images and notes), as are a folder's own
//! documentation files (`README.md`, `LICENSE.txt`, …), and everything that goes wrong
//! — a symlink loop, a folder that cannot be listed, a file over the size
//! limit — becomes a [`SkipNotice`] rather than an error.

use super::{SkipNotice, SkipReason};
use crate::model::Format;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The default [`WalkOptions::max_file_size`]: 20 MB, far above any article,
/// low enough that a stray database dump is not read into memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 20 * 1024 * 1024;

/// How to walk the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkOptions {
    /// Follow symbolic links (off by default, as in ripgrep and fd: a link can
    /// lead out of the corpus or into a loop; loops are reported, not fatal).
    pub follow_links: bool,
    /// Files larger than this many bytes are skipped without being read.
    pub max_file_size: u64,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            follow_links: false,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// A file the walk found and that has a supported extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// The path to open: the root joined with the relative path (absolute
    /// only if the root was).
    pub path: PathBuf,
    /// The path relative to the walked root, `/`-separated, with non-UTF-8
    /// bytes replaced (U+FFFD). For a root that is itself a file, its name.
    pub rel: String,
    /// The format its extension names.
    pub format: Format,
    /// Size in bytes when walked.
    pub size: u64,
    /// Last modification time, if the platform reports one.
    pub mtime: Option<SystemTime>,
}

/// Walks `root` (a folder, or a single file) in file-name order and returns
/// the supported files plus a notice for everything skipped along the way.
///
/// Never fails: an unreadable root yields no entries and one notice.
pub fn walk(root: &Path, opts: &WalkOptions) -> (Vec<FileEntry>, Vec<SkipNotice>) {
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(opts.follow_links)
        .sort_by_file_name()
        .into_iter()
        // The root itself may be "." or "..": only prune below it.
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for item in walker {
        let entry = match item {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                skipped.push(SkipNotice::new(rel_path(root, &path), walk_reason(&err)));
                continue;
            }
        };
        // Directories are descended into; links not followed, sockets, FIFOs
        // and devices are not articles (opening a FIFO would block).
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        if entry.depth() > 0 && is_documentation(entry.file_name()) {
            continue;
        }
        let Some(format) = detect(path) else {
            continue;
        };
        let rel = rel_path(root, path);
        let meta = match entry.metadata() {
            Ok(m) => m,
            Err(err) => {
                skipped.push(SkipNotice::new(rel, walk_reason(&err)));
                continue;
            }
        };
        let size = meta.len();
        // Streamed formats are read record by record, never whole, so the
        // cap (which protects memory) does not apply to them.
        let streamed = format == Format::Warc
            || (format == Format::Telegram && rel.to_ascii_lowercase().ends_with(".json"));
        if size > opts.max_file_size && !streamed {
            skipped.push(SkipNotice::new(
                rel,
                SkipReason::Oversized {
                    size,
                    max: opts.max_file_size,
                },
            ));
            continue;
        }
        entries.push(FileEntry {
            path: path.to_path_buf(),
            rel,
            format,
            size,
            mtime: meta.modified().ok(),
        });
    }
    (entries, skipped)
}

/// The format of a file from its name, and for names that several formats
/// share, from its first bytes: a `.json` file is a Telegram export or JSON
/// articles, a `.xml` file a feed or nothing (sitemaps, configuration), an
/// HTML file named `messages*.html` a page of a Telegram export.
fn detect(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    if name.ends_with(".warc.gz") {
        return Some(Format::Warc);
    }
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "xml" => head(path)
            .filter(|h| super::feed::sniff(h))
            .map(|_| Format::Feed),
        "json" => match head(path) {
            Some(h) if super::telegram::sniff_json(&h) => Some(Format::Telegram),
            _ => Some(Format::Json),
        },
        "html" if super::telegram::is_html_page(&name) => Some(Format::Telegram),
        _ => Format::from_extension(ext),
    }
}

/// The first 4 KB of a file (empty when it cannot be read: the read that
/// follows reports why).
fn head(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::with_capacity(4096);
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.take(4096).read_to_end(&mut buf);
    }
    Some(buf)
}

/// Hidden by the Unix convention.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// A folder's documentation rather than an article: README, LICENSE,
/// CHANGELOG or CONTRIBUTING, with any extension, in any case. (Named
/// explicitly as the walk root, such a file is still read.)
fn is_documentation(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    let stem = name.split('.').next().unwrap_or_default();
    ["readme", "license", "licence", "changelog", "contributing"]
        .iter()
        .any(|d| stem.eq_ignore_ascii_case(d))
}

/// `path` relative to `root`, `/`-separated and lossily UTF-8; the file name
/// when `path` is the root itself; `path` as given when it is not under root.
fn rel_path(root: &Path, path: &Path) -> String {
    let rel = match path.strip_prefix(root) {
        Ok(r) if r.as_os_str().is_empty() => path.file_name().map(Path::new).unwrap_or(path),
        Ok(r) => r,
        Err(_) => path,
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        return path.to_string_lossy().into_owned();
    }
    parts.join("/")
}

/// Classifies a walk error.
fn walk_reason(err: &walkdir::Error) -> SkipReason {
    if err.loop_ancestor().is_some() {
        return SkipReason::SymlinkLoop;
    }
    match err.io_error().map(std::io::Error::kind) {
        Some(std::io::ErrorKind::NotFound) => SkipReason::Vanished,
        Some(std::io::ErrorKind::PermissionDenied) => SkipReason::Unreadable(io_message(err)),
        _ => SkipReason::WalkError(io_message(err)),
    }
}

/// The underlying I/O message without walkdir's path prefix (the notice
/// carries the path already).
fn io_message(err: &walkdir::Error) -> String {
    err.io_error()
        .map_or_else(|| err.to_string(), std::io::Error::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(root: &Path, rel: &str, content: &[u8]) {
        let p = root.join(rel);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(p, content).unwrap();
    }

    fn rels(entries: &[FileEntry]) -> Vec<&str> {
        entries.iter().map(|e| e.rel.as_str()).collect()
    }

    #[test]
    fn stable_order_hidden_and_extensions() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in [
            "b.txt",
            "a.md",
            "sub/z.html",
            "sub/a.JSON",
            "c.jsonl",
            "d.ndjson",
            "e.htm",
            "f.markdown",
            "image.png",
            "notes",
            ".hidden.txt",
            ".git/config.txt",
            "sub/.cache/x.txt",
            "A.txt",
            "README.md",
            "sub/license.txt",
            "readme-pokrovsk.txt",
        ] {
            write(root, rel, b"x");
        }
        let (entries, skipped) = walk(root, &WalkOptions::default());
        assert!(skipped.is_empty(), "{skipped:?}");
        let want = [
            "A.txt",
            "a.md",
            "b.txt",
            "c.jsonl",
            "d.ndjson",
            "e.htm",
            "f.markdown",
            "readme-pokrovsk.txt",
            "sub/a.JSON",
            "sub/z.html",
        ];
        assert_eq!(rels(&entries), want);
        let formats: Vec<Format> = entries.iter().map(|e| e.format).collect();
        use Format::*;
        assert_eq!(
            formats,
            [Txt, Md, Txt, Jsonl, Jsonl, Html, Md, Txt, Json, Html]
        );
        assert!(entries.iter().all(|e| e.size == 1 && e.mtime.is_some()));
        assert_eq!(entries[9].path, root.join("sub").join("z.html"));
        // Same order every time.
        let (again, _) = walk(root, &WalkOptions::default());
        assert_eq!(again, entries);
    }

    #[test]
    fn formats_told_by_content_and_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "a/result.json", b"{\n \"name\": \"C\",\n \"type\": \"public_channel\",\n \"id\": 1,\n \"messages\": []}");
        write(
            root,
            "b/articles.json",
            b"[{\"title\": \"x\", \"body\": \"y\"}]",
        );
        write(
            root,
            "c/feed.xml",
            b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>",
        );
        write(root, "c/sitemap.xml", b"<?xml version=\"1.0\"?><urlset/>");
        write(root, "d/messages.html", b"<div class=\"history\"></div>");
        write(root, "d/messages3.html", b"x");
        write(root, "d/page.html", b"x");
        write(root, "e/crawl.warc.gz", b"x");
        write(root, "e/crawl.warc", b"x");
        write(root, "f/r.pdf", b"x");
        write(root, "f/r.docx", b"x");
        write(root, "f/r.odt", b"x");
        write(root, "f/r.rss", b"x");
        write(root, "f/r.atom", b"x");
        write(root, "f/r.gz", b"x");
        let (entries, _) = walk(root, &WalkOptions::default());
        let got: Vec<(&str, Format)> = entries.iter().map(|e| (e.rel.as_str(), e.format)).collect();
        use Format::*;
        assert_eq!(
            got,
            [
                ("a/result.json", Telegram),
                ("b/articles.json", Json),
                ("c/feed.xml", Feed),
                ("d/messages.html", Telegram),
                ("d/messages3.html", Telegram),
                ("d/page.html", Html),
                ("e/crawl.warc", Warc),
                ("e/crawl.warc.gz", Warc),
                ("f/r.atom", Feed),
                ("f/r.docx", Docx),
                ("f/r.odt", Odt),
                ("f/r.pdf", Pdf),
                ("f/r.rss", Feed),
            ]
        );
        // Streamed formats are exempt from the size cap; others are not.
        let opts = WalkOptions {
            max_file_size: 0,
            ..WalkOptions::default()
        };
        let (entries, skipped) = walk(root, &opts);
        let kept: Vec<&str> = entries.iter().map(|e| e.rel.as_str()).collect();
        assert_eq!(kept, ["a/result.json", "e/crawl.warc", "e/crawl.warc.gz"]);
        assert_eq!(skipped.len(), 10);
    }

    #[test]
    fn root_may_be_a_file_or_dot_or_missing() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "one.txt", b"x");
        let (entries, _) = walk(&dir.path().join("one.txt"), &WalkOptions::default());
        assert_eq!(rels(&entries), ["one.txt"]);

        let (entries, skipped) = walk(&dir.path().join("sub/.."), &WalkOptions::default());
        // `sub` does not exist, so the walk reports it instead of failing.
        assert!(entries.is_empty());
        assert_eq!(skipped.len(), 1);

        let (entries, skipped) = walk(&dir.path().join("missing"), &WalkOptions::default());
        assert!(entries.is_empty());
        assert_eq!(skipped[0].reason, SkipReason::Vanished);

        let hidden_root = dir.path().join(".corpus");
        write(&hidden_root, "a.txt", b"x");
        let (entries, _) = walk(&hidden_root, &WalkOptions::default());
        assert_eq!(rels(&entries), ["a.txt"], "a hidden root is still walked");
    }

    #[test]
    fn oversized_files_are_skipped_unread() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "small.txt", b"12345");
        write(dir.path(), "big.txt", b"123456");
        let opts = WalkOptions {
            max_file_size: 5,
            ..WalkOptions::default()
        };
        let (entries, skipped) = walk(dir.path(), &opts);
        assert_eq!(rels(&entries), ["small.txt"]);
        assert_eq!(
            skipped,
            [SkipNotice::new(
                "big.txt",
                SkipReason::Oversized { size: 6, max: 5 }
            )]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "real/a.txt", b"x");
        symlink(root.join("real"), root.join("real/loop")).unwrap();
        symlink(root.join("real/a.txt"), root.join("link.txt")).unwrap();
        symlink(root.join("nowhere.txt"), root.join("broken.txt")).unwrap();

        // Not followed: links are ignored, nothing to report.
        let (entries, skipped) = walk(root, &WalkOptions::default());
        assert_eq!(rels(&entries), ["real/a.txt"]);
        assert!(skipped.is_empty(), "{skipped:?}");

        // Followed: the loop and the broken link are reported, not fatal.
        let opts = WalkOptions {
            follow_links: true,
            ..WalkOptions::default()
        };
        let (entries, skipped) = walk(root, &opts);
        assert_eq!(rels(&entries), ["link.txt", "real/a.txt"]);
        let kinds: Vec<(&str, &str)> = skipped
            .iter()
            .map(|s| (s.path.as_str(), s.reason.kind()))
            .collect();
        assert_eq!(
            kinds,
            [("broken.txt", "vanished"), ("real/loop", "symlink-loop")]
        );
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_folder_is_reported() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "locked/a.txt", b"x");
        write(root, "open.txt", b"x");
        let locked = root.join("locked");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let denied = fs::read_dir(&locked).is_err();
        let (entries, skipped) = walk(root, &WalkOptions::default());
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        if !denied {
            eprintln!("skipping permission assertion: running as root");
            return;
        }
        assert_eq!(rels(&entries), ["open.txt"]);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].path, "locked");
        assert_eq!(skipped[0].reason.kind(), "unreadable");
    }
}
