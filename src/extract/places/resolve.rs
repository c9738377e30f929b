//! Steps 3 and 4 of place extraction: the context rules applied to every
//! hit, then homonyms settled by the other places in the text, else by
//! prominence.

use rustc_hash::FxHashMap as HashMap;

use super::context::{
    is_given_name, looks_like_surname, next_word, parenthesised_next_to_place,
    sentence_initial_adjective, Context,
};
use super::lexicon::*;
use super::scan::starts_upper;
use super::Hit;
use crate::extract::gazetteer::{self, Gazetteer, PlaceEntry, Target, Targets};

/// Prominence sort key: smaller is more prominent.
type Prominence = (bool, u8, std::cmp::Reverse<u64>);

/// Sort key: smaller is more prominent (curated, kind, population).
pub(super) fn prominence_key(e: &PlaceEntry) -> Prominence {
    (!e.curated, e.kind_rank(), std::cmp::Reverse(e.population))
}

/// Steps 3 and 4: pick one entry per hit, or none.
pub(super) fn resolve_hits(text: &str, gazetteer: &Gazetteer, hits: &[Hit]) -> Vec<Option<Target>> {
    let covered = |pos: usize| hits.iter().any(|h| h.start <= pos && pos < h.end);
    // Entries named somewhere by a name that needs no context.
    let mut firm: HashMap<u32, usize> = HashMap::default();
    for h in hits {
        if h.targets.len() == 1 && !h.targets[0].ambiguous && !h.fuzzy {
            *firm.entry(h.targets[0].entry).or_default() += 1;
        }
    }
    let contexts: Vec<Context> = hits.iter().map(|h| Context::of(text, h)).collect();
    // Words of a person's name: a word shaped like a surname right after a
    // known given name ("Анна Петрова", "Мария Смирнова": the towns Petrove
    // and Smyrnove share the form), or a given name right before one.
    // Neither is a place without a place's context, nor does it make its
    // neighbour one of a list of places ("Смирнова и Анна").
    let named: Vec<bool> = (0..hits.len())
        .map(|i| {
            let (h, ctx) = (&hits[i], &contexts[i]);
            let surface = &text[h.start..h.end];
            !surface.contains([' ', '-'])
                && (!ctx.place_context()
                    && Context::tight(ctx.prev_gap)
                    && starts_upper(ctx.prev)
                    && is_given_name(ctx.prev)
                    && looks_like_surname(surface)
                    // "talk to Vladimir Putin": the surname after it
                    // outweighs the preposition before it.
                    || Context::tight(ctx.next_gap)
                        && starts_upper(ctx.next)
                        && is_given_name(surface)
                        && looks_like_surname(ctx.next))
        })
        .collect();
    let place_ctxs: Vec<bool> = (0..hits.len())
        .map(|i| {
            !named[i] && (contexts[i].place_context() || parenthesised_next_to_place(text, hits, i))
        })
        .collect();
    // A name the text once uses as a place in clear context ("у Сумах")
    // stays a place in its other mentions ("Суми").
    for (h, &pc) in hits.iter().zip(&place_ctxs) {
        if pc {
            for t in &h.targets {
                firm.entry(t.entry).or_default();
            }
        }
    }
    // First pass: context filters per candidate.
    let mut survivors: Vec<Targets> = Vec::with_capacity(hits.len());
    // Weak names seen in person context: their other mentions are the same
    // person ("Dmytro Lubinets … Lubinets said").
    let mut person_surfaces: Vec<String> = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        let ctx = &contexts[i];
        // A country in a results row is a national team, which reporting
        // (and CoNLL) treats as the country; a city there is a club.
        let club_row = Context::results_row(text, h)
            && h.targets
                .iter()
                .all(|t| gazetteer.entry(t.entry).kind != "country");
        if ctx.organisation() || club_row {
            survivors.push(Targets::new());
            continue;
        }
        if named[i] {
            // Its other mentions are the person's too ("Denis Davydov …
            // Davydov said"), where no stronger place evidence holds.
            person_surfaces.push(gazetteer::normalize(&text[h.start..h.end]));
            survivors.push(Targets::new());
            continue;
        }
        let place_ctx = place_ctxs[i];
        let surface = &text[h.start..h.end];
        let one_word = !surface.contains([' ', '-']);
        if one_word && !place_ctx && sentence_initial_adjective(gazetteer, surface, ctx) {
            survivors.push(Targets::new());
            continue;
        }
        // Ambiguity belongs to the name: if one place of this name needs
        // context, its homonyms do too ("Udachne" is also a word).
        let curated_targets = h
            .targets
            .iter()
            .filter(|t| gazetteer.entry(t.entry).curated);
        let name_ambiguous = h.targets.iter().any(|t| t.ambiguous)
            && curated_targets.clone().all(|t| t.ambiguous)
            && curated_targets.count() > 0;
        let mut keep = Targets::new();
        let mut person_rejected = false;
        for t in &h.targets {
            let e = gazetteer.entry(t.entry);
            let generated = !e.curated;
            let weak = name_ambiguous
                || t.ambiguous
                || h.fuzzy
                || t.made
                || (generated && matches!(e.kind.as_str(), "village" | "town" | "district"));
            if one_word && Context::tight(ctx.prev_gap) && in_list(&TITLES_SET, ctx.prev) {
                // "President Volodymyr", "governor Lyman": a person.
                continue;
            }
            // "Reporting from Tim Lister": a known given name before a
            // capitalised word is a person even after a place preposition,
            // when the place would be a weak one (a generated village
            // named Tim). Only this mention: the name may stand for the
            // place elsewhere in the text. Not in a title-case run ("Talks
            // in Sofia End Without Deal"), where every word is capitalised.
            if weak
                && one_word
                && is_given_name(surface)
                && ctx.surname_after(text, h, &covered)
                && !title_case_after(text, h.end + ctx.next_gap.len() + ctx.next.len())
            {
                continue;
            }
            if !place_ctx {
                // A spelling made by rule meets German, where every noun
                // is capitalised ("die Einnahme Bachmuts"): only a known
                // given name makes it a surname ("Shane Warne").
                let person = if t.made {
                    Context::tight(ctx.prev_gap) && is_given_name(ctx.prev)
                } else {
                    ctx.person(text, h, &covered)
                };
                if weak && person {
                    person_rejected = true;
                    continue;
                }
                if one_word
                    && ctx.surname_after(text, h, &covered)
                    && (looks_like_surname(ctx.next) || is_given_name(surface))
                {
                    continue;
                }
                // Generated villages' foreign or old spellings ("Police" for
                // Polytsi) at a sentence start are mostly ordinary words; so
                // are spellings made by rule ("Walki": fights, and Valky).
                if ((generated && !t.canonical) || t.made) && ctx.sentence_initial() {
                    continue;
                }
                // A `?` name with an unflagged homonym is surely a place; it
                // then only competes on context below.
                let homonym_is_sure = !name_ambiguous && h.targets.iter().any(|o| !o.ambiguous);
                if (name_ambiguous || (t.ambiguous && !homonym_is_sure))
                    && !firm.contains_key(&t.entry)
                {
                    continue;
                }
            }
            keep.push(*t);
        }
        if keep.is_empty() && person_rejected {
            person_surfaces.push(gazetteer::normalize(surface));
        }
        survivors.push(keep);
    }
    if !person_surfaces.is_empty() {
        for (h, s) in hits.iter().zip(survivors.iter_mut()) {
            let weak = h.fuzzy
                || s.iter()
                    .all(|t| t.ambiguous || !gazetteer.entry(t.entry).curated);
            // Empty survivors have nothing to clear: skip the normalising.
            if weak
                && !s.is_empty()
                && person_surfaces.contains(&gazetteer::normalize(&text[h.start..h.end]))
            {
                s.clear();
            }
        }
    }
    // Anchors: entries settled without choice; their oblasts and raions.
    let mut anchor_ids: Vec<u32> = Vec::new();
    for s in &survivors {
        if s.len() == 1 && !anchor_ids.contains(&s[0].entry) {
            anchor_ids.push(s[0].entry);
        }
    }
    let anchor_entries: Vec<&PlaceEntry> = anchor_ids.iter().map(|&i| gazetteer.entry(i)).collect();
    // `via_parent`: whether the entry's parent, or a sibling under it, in
    // the text counts.
    let related = |e: &PlaceEntry, via_parent: bool| -> usize {
        anchor_entries
            .iter()
            .filter(|a| a.id != e.id)
            .filter(|a| {
                (via_parent && e.parent.is_some() && a.parent == e.parent)
                    || (e.raion.is_some() && a.raion == e.raion)
                    || (via_parent && e.parent.as_deref() == Some(a.id.as_str()))
                    || a.parent.as_deref() == Some(e.id.as_str())
            })
            .count()
    };
    let present = |id: &str| anchor_entries.iter().any(|a| a.id == id);
    // "Kyivskyi District of Donetsk": the mention names the city itself.
    let names_city = |h: &Hit, city: Option<&str>| {
        city.and_then(|id| gazetteer.get(id)).is_some_and(|c| {
            let surface = gazetteer::normalize(&text[h.start..h.end]);
            surface.ends_with(&format!(" {}", gazetteer::normalize(&c.name)))
        })
    };
    let mut chosen = Vec::with_capacity(hits.len());
    for (h, s) in hits.iter().zip(&survivors) {
        type Key = (bool, bool, usize, bool);
        let mut best: Option<(Target, Key, Prominence)> = None;
        // "Georgia" the country against the U.S. state: the state does not
        // win because the text names the United States or an American city,
        // as reporting about the country often does. The world layer's
        // parents are countries, so that relation says little here.
        let has_country = s.iter().any(|t| gazetteer.entry(t.entry).kind == "country");
        for t in s {
            let e = gazetteer.entry(t.entry);
            // A sub-city district only counts when its city is in the text.
            if e.kind == "district"
                && !e.parent.as_deref().is_some_and(present)
                && !names_city(h, e.parent.as_deref())
            {
                continue;
            }
            let r = related(e, !has_country || e.kind == "country");
            // A curated town or city is what war reporting means by its name
            // ("Lyman", "Kostiantynivka"); a generated homonym needs the
            // text's other places to win, and never beats such an entry.
            let major = e.curated && (e.kind_rank() <= 2 || e.population >= 10_000);
            let ctx_key = (major, r > 0 && (t.canonical || e.curated), r, !t.ambiguous);
            let prom = prominence_key(e);
            let better = match &best {
                None => true,
                Some((_, bc, bp)) => ctx_key > *bc || (ctx_key == *bc && prom < *bp),
            };
            if better {
                best = Some((*t, ctx_key, prom));
            }
        }
        chosen.push(best.map(|(t, _, _)| t));
    }
    chosen
}

/// Whether the word after byte `pos` (past plain space) is capitalised: the
/// words before it are then part of a title-case run, a headline's.
fn title_case_after(text: &str, pos: usize) -> bool {
    let (gap, next) = next_word(text, pos.min(text.len()));
    gap.chars().all(char::is_whitespace) && next.chars().next().is_some_and(char::is_uppercase)
}
