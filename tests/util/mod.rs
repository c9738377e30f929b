//! Test helpers: a temporary folder of articles with its own index, and the
//! `frontline` binary with a clean environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A temporary folder with `articles/` and `index/`.
pub struct TestEnv {
    pub dir: TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
        TestEnv { dir }
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("articles")
    }

    pub fn index_dir(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// Write a file under `articles/`, creating folders.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, content).expect("write");
        path
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root().join(rel)).expect("remove");
    }

    /// `frontline --index <index> ARGS…`
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = frontline();
        c.arg("--index").arg(self.index_dir()).args(args);
        c
    }

    /// Index `articles/` and return the JSON report.
    pub fn index(&self, extra: &[&str]) -> serde_json::Value {
        let mut c = self.cmd(&["index"]);
        c.arg(self.root()).arg("--json").args(extra);
        let out = c.assert().success().get_output().stdout.clone();
        serde_json::from_slice(&out).expect("index --json prints one object")
    }

    /// Run a command with `--json` and parse every line.
    pub fn json_lines(&self, args: &[&str]) -> Vec<serde_json::Value> {
        let out = self.cmd(args).arg("--json").output().expect("run");
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        parse_lines(&out.stdout)
    }
}

pub fn parse_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// The binary with a clean environment (no colour settings inherited).
pub fn frontline() -> Command {
    let mut c = Command::cargo_bin("frontline").expect("binary");
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

/// The bundled corpus.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// `../shared`, or `None` (with a notice) when it is absent.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared not found");
        None
    }
}

/// A corpus index shared by the tests of one binary: built once.
pub fn corpus_index() -> &'static Path {
    use std::sync::OnceLock;
    static DIR: OnceLock<TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        frontline()
            .arg("--index")
            .arg(dir.path())
            .arg("index")
            .arg(corpus())
            .assert()
            .success();
        dir
    })
    .path()
}

/// `frontline --index <corpus index> ARGS…`
pub fn on_corpus(args: &[&str]) -> Command {
    let mut c = frontline();
    c.arg("--index").arg(corpus_index()).args(args);
    c
}

/// Run a command on the corpus index with `--json` and parse every line
/// (exit 0 or 1 expected).
pub fn corpus_json(args: &[&str]) -> Vec<serde_json::Value> {
    let out = on_corpus(args).arg("--json").output().expect("run");
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_lines(&out.stdout)
}

/// The sorted, distinct `id`s of JSON hits.
pub fn ids(hits: &[serde_json::Value]) -> Vec<String> {
    let mut v: Vec<String> = hits
        .iter()
        .filter_map(|h| h["id"].as_str().map(str::to_string))
        .collect();
    v.sort();
    v.dedup();
    v
}
