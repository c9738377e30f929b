//! `frontline serve`: the web app's adapter. Checks the address (a
//! non-loopback one gets a warning), opens the index through the service
//! layer and hands over to [`frontline::web`].

use std::io::Write;
use std::path::Path;

use frontline::service::Engine;

use super::Outcome;
use crate::cli::ServeArgs;

/// Run `frontline serve`: blocks until interrupted.
pub fn run(index: &Path, args: &ServeArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "frontline: warning: serving on {}, which is not a loopback address: \
             anyone who can reach it can read the whole index",
            args.addr
        );
    }
    let engine = Engine::open_live(index, &[])?;
    // Build the gazetteer before the first request asks for it.
    engine.places().gazetteer()?;
    frontline::web::serve(engine, args.addr, |addr| {
        let _ = writeln!(
            out,
            "frontline: serving {} on http://{addr}/",
            index.display()
        );
        let _ = out.flush();
    })?;
    Ok(Outcome::Found)
}
