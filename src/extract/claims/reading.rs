//! Reading a sentence: which places a trigger claims (object, subject,
//! lists), with what extent, and the side an unmarked English fact implies.

use super::*;

/// Claims of one sentence. `prior` is the town "the town" may stand for.
pub(super) fn sentence_claims<'a, 'b>(
    ctx: &Ctx<'_>,
    here: &'b [&'b Spot<'a>],
    prior: Option<&'b Spot<'a>>,
    mask: u64,
) -> Vec<Found<'a>> {
    let lex = ctx.lex;
    let s = ctx.s;
    let base = ctx.sent.start;
    // Triggers, longest first at each position so "took control of" beats
    // "took", and no two overlap. A sentence with none needs no clauses or
    // cues.
    let mut hits: Vec<(Range<usize>, &Trigger)> = Vec::new();
    // Only the triggers the gate let through: the others cannot match.
    for (i, t) in lex.triggers.iter().enumerate() {
        if mask & (1 << i) == 0 {
            continue;
        }
        for m in t.re.find_iter(s) {
            hits.push((m.range(), t));
        }
    }
    if hits.is_empty() {
        return Vec::new();
    }
    let clauses = clauses(s, lex);
    // Side cues are read only once a trigger has a place to claim.
    let mut cue_cache: Option<Vec<Cue>> = None;
    let mut out = Vec::new();
    hits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<(Range<usize>, &Trigger)> = Vec::new();
    for (r, t) in hits {
        if kept.iter().any(|(k, _)| k.start < r.end && r.start < k.end) {
            continue;
        }
        kept.push((r, t));
    }
    for (i, (r, t)) in kept.iter().enumerate() {
        let clause = clauses
            .iter()
            .find(|c| c.start <= r.start && r.start < c.end)
            .cloned()
            .unwrap_or(0..s.len());
        // Not claims: plans, conditions, negations (unless a denial).
        let lead = &s[clause.start..r.start];
        // "The Kremlin wants Kyiv to recognise Crimea, which Moscow
        // annexed": a relative clause states its own fact; the plan or
        // wish before it does not reach into it.
        let own = RELATIVE_OPEN
            .find_iter(lead)
            .last()
            .map_or(lead, |m| &lead[m.end()..]);
        let denial = matches_at_a_word(&lex.denial, &s[..r.start]);
        // "could strike targets in Russian-occupied Crimea": an attribute
        // is presupposed, whatever the clause around it plans or denies.
        if !denial && matches_at_a_word(&lex.modal, own) && !presupposed(&s[r.clone()], t) {
            continue;
        }
        // "an offensive to retake Kherson", "ordered to capture": a purpose.
        // ("a visit to illegally occupied Crimea" names a place, not a goal.)
        if lex.to_before.is_match(own)
            && !verb_is_participle(&s[r.clone()])
            && !presupposed(&s[r.clone()], t)
        {
            continue;
        }
        // "cleared of mines", "seizing on concerns": not captures.
        let next_word = s[r.end..].split_whitespace().next().unwrap_or("");
        if s[r.end..].trim_start().starts_with("of mines")
            || (matches!(next_word, "on" | "upon")
                && t.kind == Kind::Take
                && s[r.clone()].to_lowercase().starts_with("seiz"))
        {
            continue;
        }
        // The places this trigger claims: in its clause, on the side its
        // grammar puts the place, not past another trigger.
        let prev_end = if i > 0 { kept[i - 1].0.end } else { 0 };
        // "liberated part of the occupied Donetsk oblast": an attributive
        // "occupied" does not end the object of the trigger before it.
        let next_start = kept[i + 1..]
            .iter()
            .find(|(_, n)| n.kind != Kind::Occupied)
            .map_or(s.len(), |(n, _)| n.start);
        let passive = lex.passive_aux.is_match(lead)
            || matches!(
                t.kind,
                Kind::Fall | Kind::Hold | Kind::Occupied | Kind::Encircle
            )
            || ctx.lang != Lang::En;
        let mut targets = targets(ctx, here, &clause, r, t, prev_end, next_start, passive);
        // "Russian forces captured the town": the town named before.
        let mut anaphoric = false;
        if targets.is_empty() {
            if let Some(p) = prior.filter(|_| anaphor_target(ctx, &clause, r, t)) {
                targets.push(p);
                anaphoric = true;
            }
        }
        if targets.is_empty() {
            continue;
        }
        // Extent: a share or a part between trigger and place makes it
        // partial; "full"/"entirely" keeps it full.
        let cues: &[Cue] = cue_cache.get_or_insert_with(|| cues(s, lex));
        let controller = match controller(ctx, cues, &clause, r, t) {
            Some(c) => c,
            // "Kyiv denies Pokrovsk has fallen": the denier's enemy claimed it.
            None if denial => Ctl::AgainstSpeaker,
            None => continue,
        };
        for spot in targets {
            if anaphoric {
                let extent = if t.extent == Extent::Full && lex.partial.is_match(&s[clause.clone()])
                {
                    Extent::Partial
                } else {
                    t.extent
                };
                let controller = match (denial, controller) {
                    (true, Ctl::Speaker) => Ctl::AgainstSpeaker,
                    (_, c) => c,
                };
                out.push(Found {
                    place: spot.place,
                    controller,
                    extent,
                    denial,
                    fact_side: None,
                    at: r.start,
                    occupied: t.kind == Kind::Occupied,
                    own_gain: matches!(t.kind, Kind::Take | Kind::Liberate)
                        && matches!(controller, Ctl::Side(_)),
                });
                continue;
            }
            let (ps, pe) = (spot.start - base, spot.end - base);
            let extent = extent_of(ctx, &clause, r, t, ps, pe);
            // "occupied Donbas", "Russian-controlled Kherson Oblast": a
            // region is held in part unless the text says whole.
            let extent = if extent == Extent::Full
                && (t.kind == Kind::Occupied || presupposed(&s[r.clone()], t))
                && held_in_part(spot.place)
                && !lex.whole.is_match(&s[clause.clone()])
            {
                Extent::Partial
            } else {
                extent
            };
            // A denial rejects the other side's claim.
            let controller = match (denial, controller) {
                (true, Ctl::Speaker) => Ctl::AgainstSpeaker,
                (_, c) => c,
            };
            let controller = match (t.kind, controller) {
                // Occupied places in Russia are held by Ukraine.
                (Kind::Occupied, Ctl::Side(Side::Ru)) if in_russia(spot.place) => {
                    Ctl::Side(Side::Ua)
                }
                (_, c) => c,
            };
            let fact_side = match (controller, ctx.lang, denial) {
                (Ctl::Speaker, Lang::En, false) if pe <= r.start => {
                    fact_side(&s[r.clone()], Some(&s[pe..r.start]), cues, spot.place)
                }
                (Ctl::Speaker, Lang::En, false) => fact_side(&s[r.clone()], None, cues, spot.place),
                _ => None,
            };
            out.push(Found {
                place: spot.place,
                controller,
                extent,
                denial,
                fact_side,
                at: r.start,
                occupied: t.kind == Kind::Occupied,
                own_gain: matches!(t.kind, Kind::Take | Kind::Liberate)
                    && matches!(controller, Ctl::Side(_)),
            });
        }
    }
    let claimed: Vec<String> = out
        .iter()
        .filter(|f| !f.occupied && matches!(f.controller, Ctl::Side(_)))
        .map(|f| f.place.id.clone())
        .collect();
    let keep: Vec<bool> = out
        .iter()
        .map(|f| !f.occupied || !claimed.contains(&f.place.id))
        .collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    out
}

/// The opening of a non-restrictive relative clause: ", which", ", who".
static RELATIVE_OPEN: LazyLock<Regex> =
    LazyLock::new(|| re(r",\s*(?:which|who|який|яка|яке|які|который|которая|которое|которые)\b"));

/// The side an English passive or noun implies when nobody is named:
/// "Kherson was liberated", "Izium has been recaptured", "the liberation of
/// Kherson" (Ukraine takes back), "Bakhmut was captured", "Soledar was
/// stormed" (Russia takes), the other way round for a place in Russia. A
/// passive counts only for a place that is its subject (`between` holds
/// nothing but the auxiliary), in a sentence that names no "our troops":
/// precision comes first.
pub(super) fn fact_side(
    trigger: &str,
    between: Option<&str>,
    cues: &[Cue],
    place: &Place,
) -> Option<Side> {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*(?:(?:has|have|had)\s+)?(?:been|was|were|is|are)\s+(?:(?:fully|completely|officially|reportedly|now|finally|recently|already|since)\s+)?$",
        )
    });
    if cues.iter().any(|c| c.side == CueSide::Ours) {
        return None;
    }
    let verb = trigger.split_whitespace().next()?.to_lowercase();
    let side = match (between, verb.as_str()) {
        // "Kherson was liberated"
        (
            Some(b),
            "liberated" | "freed" | "de-occupied" | "deoccupied" | "recaptured" | "retaken",
        ) if SUBJECT.is_match(b) => Side::Ua,
        (Some(b), "captured" | "seized" | "overrun" | "stormed") if SUBJECT.is_match(b) => Side::Ru,
        // "the liberation of Kherson", "the recapture of Izium"
        // ("de-occupation" is more often a goal than a deed: not here.)
        (None, "liberation" | "recapture") => Side::Ua,
        _ => return None,
    };
    Some(if in_russia(place) {
        side.opposite()
    } else {
        side
    })
}

/// A region whose occupation, stated without "whole" or "entire", is
/// partial: an oblast, a raion or a region such as Donbas. Crimea is the
/// exception: Russia has held all of it since 2014.
pub(super) fn held_in_part(place: &Place) -> bool {
    matches!(place.kind.as_str(), "oblast" | "region" | "raion") && place.id != "crimea"
}

/// An English attribute before its place: "occupied", "Russian-controlled",
/// "Ukrainian-held" (a state the sentence takes as given).
pub(super) fn presupposed(trigger: &str, t: &Trigger) -> bool {
    let last = trigger
        .rsplit([' ', '-'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    t.at == At::After
        && matches!(t.kind, Kind::Occupied | Kind::Hold)
        && matches!(last.as_str(), "occupied" | "controlled" | "held")
}

/// Whether a place lies in one of Russia's oblasts on the border (the only
/// part of Russia whose places Ukraine has held).
pub(super) fn in_russia(place: &Place) -> bool {
    place.parent.as_deref().is_some_and(|p| {
        matches!(
            p,
            "Kursk Oblast" | "Belgorod Oblast" | "Bryansk Oblast" | "Russia"
        )
    })
}

/// The places a trigger claims: the first place on the side its grammar
/// puts the place (object after an active verb, subject before a passive
/// or a state), and the places listed with it ("Krasnoarmersk (Pokrovsk)
/// and Dimitrov (Mirnograd)").
#[allow(clippy::too_many_arguments)]
pub(super) fn targets<'a, 'b>(
    ctx: &Ctx<'_>,
    here: &'b [&'b Spot<'a>],
    clause: &Range<usize>,
    r: &Range<usize>,
    t: &Trigger,
    prev_end: usize,
    next_start: usize,
    passive: bool,
) -> Vec<&'b Spot<'a>> {
    let (s, lex, base) = (ctx.s, ctx.lex, ctx.sent.start);
    // "north of Avdiivka" locates something near it; "the north of
    // Toretsk" is a part of it.
    let compass_near = |ps: usize| {
        lex.compass_of
            .captures(tail(&s[..ps], 96))
            .is_some_and(|c| {
                !c.get(1).is_some_and(|w| {
                    matches!(
                        w.as_str().trim().to_lowercase().as_str(),
                        "the" | "and" | "its"
                    )
                })
            })
    };
    let inside: Vec<&'b Spot<'a>> = here
        .iter()
        .copied()
        .filter(|p| {
            let (ps, pe) = (p.start - base, p.end - base);
            ps >= clause.start
                && pe <= clause.end
                && !lex.blocked_before.is_match(tail(&s[..ps], 96))
                && !compass_near(ps)
                && !lex.blocked_after.is_match(head(&s[pe..], 96))
                // "Kyiv's officials", "Mariupol's Azovstal": a state or a
                // place's owner, not the place claimed.
                && !lex.metonym.is_match(head(&s[pe..], 96))
                && !here
                    .iter()
                    .any(|q| q.start >= p.end && possessive(&s[pe..q.start - base]))
        })
        .collect();
    let mut out: Vec<&'b Spot<'a>> = Vec::new();
    if matches!(t.at, At::After | At::Both) {
        if let Some(first) = inside.iter().find(|p| {
            let ps = p.start - base;
            ps >= r.end && ps <= next_start.max(r.end) && words(&s[r.end..ps]) <= 10
        }) {
            let ps = first.start - base;
            // "the town of Staromajorske in the Donetsk region": the object
            // is a place we don't know; the region only locates it.
            let object = &s[r.end..ps];
            // "withdrew from the railway town in the north of Donetsk
            // Oblast": the region locates the object; "five villages in the
            // Kharkiv region" is a share of it.
            let locates = lex.located_in.is_match(object)
                && (lex.unknown_name.is_match(object) || !lex.share_before_in.is_match(object))
                && object.split_whitespace().count() > 2;
            if !locates {
                out.push(*first);
                let mut last = first.end - base;
                for p in inside.iter().filter(|p| p.start > first.start) {
                    let ps = p.start - base;
                    if ps > next_start.max(r.end) || !lex.connector.is_match(&s[last..ps]) {
                        break;
                    }
                    out.push(*p);
                    last = p.end - base;
                }
            }
        }
    }
    // "Avdiivka, which Russia's forces captured": the object before.
    let relative = |pe: usize| lex.relative.is_match(&s[pe..r.start]);
    let near_before = here
        .iter()
        .rfind(|p| {
            p.end - base <= r.start && p.end - base >= prev_end && p.start - base >= clause.start
        })
        .filter(|p| relative(p.end - base));
    if let Some(p) = near_before {
        if out.is_empty() && matches!(t.at, At::Before | At::Both) {
            // the antecedent of "which", wherever it stands; "Bucha, a
            // suburb of Kyiv, which was occupied": the head of the
            // apposition, not the place that only locates it.
            let head = here
                .iter()
                .rfind(|q| {
                    q.end <= p.start
                        && q.start - base >= clause.start
                        && apposition_of(&s[q.end - base..p.start - base])
                })
                .unwrap_or(p);
            return vec![*head];
        }
    }
    let near_before = near_before.is_some();
    if out.is_empty() && (passive || near_before) && matches!(t.at, At::Before | At::Both) {
        // A state ("… is still under Ukrainian control") may stand far
        // from its subject; a passive verb stands close.
        let reach = if matches!(t.kind, Kind::Hold | Kind::Occupied) {
            16
        } else {
            6
        };
        let before: Vec<&'b Spot<'a>> = inside
            .iter()
            .copied()
            .filter(|p| {
                let (ps, pe) = (p.start - base, p.end - base);
                pe <= r.start
                    && pe >= prev_end
                    && words(&s[pe..r.start]) <= reach
                    && !between_blocks(&s[pe..r.start])
                    // "cities in the Donetsk region still under …": a location;
                    // "graves in Izyum, a town recently liberated by …": the
                    // town the apposition describes.
                    && !(reach > 6
                        && lex.in_before.is_match(tail(&s[..ps], 96))
                        && !appositive(&s[pe..r.start]))
            })
            .collect();
        if let Some(last) = before.last() {
            out.push(*last);
            let mut first = last.start - base;
            for p in inside.iter().rev().filter(|p| p.end <= last.start) {
                let pe = p.end - base;
                if !lex.connector.is_match(&s[pe..first]) {
                    break;
                }
                out.push(*p);
                first = p.start - base;
            }
        }
    }
    out
}

/// ", a town", ", the port city": an apposition naming what the place
/// before it is.
pub(super) fn appositive(after_place: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|port|settlement|suburb|capital)\b",
        )
    });
    RE.is_match(after_place)
}

/// ", a suburb of the Ukrainian capital", ", the capital of": between a
/// place and the place its apposition locates it in.
pub(super) fn apposition_of(between: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:of|in|near|outside)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
        )
    });
    RE.is_match(between)
}

/// `'s` (and nothing else) between two places: the first owns the second.
pub(super) fn possessive(between: &str) -> bool {
    matches!(between.trim(), "'s" | "’s")
}

/// The extent a trigger gives one place: a share, a part or a count of
/// houses in the words around makes a capture partial.
pub(super) fn extent_of(
    ctx: &Ctx<'_>,
    clause: &Range<usize>,
    r: &Range<usize>,
    t: &Trigger,
    ps: usize,
    pe: usize,
) -> Extent {
    let (s, lex) = (ctx.s, ctx.lex);
    if t.extent != Extent::Full {
        return t.extent;
    }
    let window = if ps >= r.end {
        // "took control of part of the Donbas region"
        &s[r.start..ps]
    } else {
        // "the Kharkiv region has been mostly under Ukrainian control",
        // "had taken the district completely"
        let after_end = s[r.end..clause.end.max(r.end)]
            .char_indices()
            .nth(24)
            .map_or(clause.end.max(r.end), |(i, _)| r.end + i);
        // "Bucha, a suburb of Kyiv, which was occupied": the relative
        // clause, not the apposition before it.
        let from = pe.min(r.start);
        let from = RELATIVE_OPEN
            .find_iter(&s[from..r.start])
            .last()
            .map_or(from, |m| from + m.start());
        &s[from..after_end]
    };
    // "four residential buildings in the Prigorodny microdistrict"
    let from = s[clause.start.min(ps)..ps]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(clause.start.min(ps), |(i, _)| clause.start.min(ps) + i);
    // "the occupied areas of Donbas", "occupied territories of Kherson Oblast"
    static AREAS_OF: LazyLock<Regex> =
        LazyLock::new(|| re(r"\b(?:areas|territories|territory|parts)\s+of\s+(?:the\s+)?$"));
    if lex.partial.is_match(window)
        || lex.pre_partial.is_match(&s[from..ps])
        || (ps >= r.end && AREAS_OF.is_match(window))
    {
        Extent::Partial
    } else {
        Extent::Full
    }
}

/// Words between a place and a later trigger that show they belong to
/// different statements ("Kupiansk ... since it was liberated").
pub(super) fn between_blocks(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"\b(?:since|when|after|before|it|they|who|the\s+city|the\s+town|коли|когда)\b")
    });
    RE.is_match(s)
}
