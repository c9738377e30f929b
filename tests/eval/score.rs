//! What every evaluation shares: where `../shared` is, and a precision /
//! recall / F1 tally. Each evaluation adds its own ways to fill and print a
//! [`Score`] in an `impl Score` block of its own module.

use std::path::{Path, PathBuf};

/// `../shared` beside the crate, or `$FRONTLINE_SHARED`.
pub fn shared_dir() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if beside.join("data").is_dir() {
        return Some(beside);
    }
    let env = PathBuf::from(std::env::var_os("FRONTLINE_SHARED")?);
    env.join("data").is_dir().then_some(env)
}

/// True positives, false positives and false negatives.
#[derive(Default, Debug, Clone, Copy)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Score {
    /// Precision (0 when nothing was found).
    pub fn p(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall (0 when nothing was expected).
    pub fn r(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}
