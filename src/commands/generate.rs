//! `frontline generate` (hidden): synthetic articles for benchmarks.

use std::io::Write;

use frontline::extract::gazetteer::Gazetteer;
use frontline::service::generate::generate;

use super::Outcome;
use crate::cli::GenerateArgs;

/// Run `frontline generate`.
pub fn run(args: &GenerateArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let bytes = generate(&args.out, args.n, args.seed, Gazetteer::builtin())?;
    writeln!(
        out,
        "wrote {} articles ({:.1} MB) to {}",
        args.n,
        bytes as f64 / 1e6,
        args.out.display()
    )?;
    Ok(Outcome::Found)
}
