//! `frontline export --ndjson`: every document with its entity fields, one
//! JSON object per line, in the shape of the Quickwit doc mapping shipped in
//! `docs/quickwit-index.yaml` (see `docs/scale-out.md`).

use std::io::Write;
use std::path::Path;

use frontline::index::analysis::fold_text;
use frontline::output::json::{raw_line, ExportDoc};
use frontline::service::Engine;

use super::Outcome;
use crate::cli::ExportArgs;

/// Run `frontline export`.
pub fn run(index: &Path, args: &ExportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let engine = Engine::open(index, &args.gazetteer)?;
    let n = engine.export(&mut |stored, facets| {
        let folded = fold_text(&stored.article.text());
        raw_line(out, &ExportDoc::new(stored, facets, folded))?;
        Ok(())
    })?;
    Ok(Outcome::found_if(n > 0))
}
