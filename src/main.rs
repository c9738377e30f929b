//! The `frontline` binary: parse arguments, run one command, map the result
//! to an exit code (0 found, 1 nothing found, 2 error; 0 on a broken pipe).
//!
//! The command line ([`cli`], clap derive) and its adapters ([`commands`])
//! live here; the library they call knows nothing of clap.

mod cli;
mod commands;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use cli::Cli;
use commands::Outcome;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = commands::run(cli, &mut out).and_then(|o| {
        out.flush()?;
        Ok(o)
    });
    match result {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("frontline: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
