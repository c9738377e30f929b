//! Control claims: statements that a named place is held, taken, partly
//! held, entered or encircled by one side ("Russian forces have taken full
//! control of Artemovsk, Russia's defence ministry said"), in English,
//! Ukrainian and Russian.
//!
//! Pure: it reads the text and the places, people and dates already found in
//! it, and returns [`Claim`]s. No I/O, no index.
//!
//! # How a claim is found
//!
//! 0. **The gate.** One Aho-Corasick automaton over the stems of every
//!    trigger of the three languages (each trigger lists its own) finds
//!    where a trigger could start a word. A text with none has no claim
//!    and costs one scan; a sentence with none (or without a place) is
//!    skipped before any regex runs, and in the others only the triggers
//!    whose stems are there run their regex.
//! 1. **Sentences and clauses.** The text is cut into sentences, and each
//!    sentence into clauses at `;`, "while", "but", "as", "after", "а",
//!    "але", "но", … A question is never a claim.
//! 2. **Triggers.** Each language has a lexicon of control phrases with
//!    their case and tense forms, each of one kind: *take* (captured,
//!    liberated, entered, cleared, взяли, звільнили, зайшли, зачистили), *lose*
//!    (withdrew from, lost control of, відійшли з, оставили), *fall* (fell, the
//!    fall of, падение), *hold* (under Russian control, Ukrainian-held, под
//!    контролем ВС РФ), *occupied* (occupied, окупований) and *encircle*
//!    (encircled, surrounded, в оточенні, котёл). The trigger gives the extent:
//!    entering, clearing, a foothold, a share or a part ("80% of", "most
//!    of", "the eastern part of", "several blocks in", "mostly") make it
//!    `partial`.
//! 3. **Places.** A trigger claims the places of its clause that stand where
//!    its object or subject stands: after an active verb ("captured
//!    Melitopol"), before a passive or a state ("Izium was retaken"), or
//!    after "of" for a noun ("the fall of Bakhmut"). A place after "near",
//!    "towards", "around" or before "direction" is never claimed: fighting
//!    near a town says nothing about who holds it. Countries, seas, rivers
//!    and continents are not claimed.
//! 4. **Controller.** Side cues are the words for each side's forces and
//!    state ("Russian troops", "Kyiv", "ЗСУ", "ВС РФ", "окупанти"; "the
//!    enemy" and "our troops" take their side from the claimant or the
//!    text's language). For *take* the controller is the side of the subject
//!    (or of the agent after "by"); for *lose* it is the side opposite the
//!    subject; *hold* carries the side in its own words; unmarked
//!    *occupied* is Russian (Ukrainian for places in Russia); for
//!    *encircle* it is the side of an active subject, else the side opposite
//!    the troops named as trapped. Russian official "liberated"
//!    (освобождён) without a subject is a capture by the claimant's side, or
//!    by the side whose language the text is in. With no side to be found
//!    the claim is dropped: precision comes first.
//! 5. **Not claims.** A trigger is dropped when its clause (up to the
//!    trigger) shows a plan, a condition, a wish or a negation: "would",
//!    "could", "plans to", "trying to", "on the brink of", "to avoid", "if",
//!    "not", "мог бы", "намагаються", "якщо", "не". A denial ("Ukraine
//!    rejects reports of Pokrovsk's fall", "спростували") is kept as a claim
//!    with `denial` set, made by the denier.
//! 6. **Claimant.** The speaker of the sentence: a person found by people
//!    extraction next to an attribution ("said", "according to", "заявив",
//!    "по словам"), or a body ("the Russian Defence Ministry", "the General
//!    Staff of the Armed Forces of Ukraine", "Міноборони РФ", "ISW"). A
//!    pronoun ("according to her", "he said") is the person named last in
//!    the sentences before; "the ministry" is the body named last; and a
//!    following "This was confirmed by X" names the claimant of a sentence
//!    without one. A person's side comes from their role and the words
//!    before their name ("another Ukrainian politician", "People's Deputy
//!    of Ukraine", "Russian-installed", "American"), else from a short
//!    register of public figures of the war. A claim with no speaker is
//!    stated as fact (claimant `None`).
//! 7. **Date.** A day named in the sentence ("on November 4"), else the
//!    publication date.

use crate::extract::people::person_key;
use crate::model::{
    Claim, ClaimPlace, Claimant, DateMention, Extent, Granularity, Person, Place, Side,
};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Find the control claims of a text.
///
/// `places`, `people` and `dates` are what the other extractors found in
/// the same `text` (offsets into it); `published` dates a claim whose
/// sentence names no day. Claims come in text order, one per (sentence,
/// place, controller, extent).
///
/// ```
/// use frontline::extract::{claims::find_claims, gazetteer::Gazetteer, places::find_places};
/// use frontline::model::{Extent, Side};
/// let text = "Russian forces have taken full control of Avdiivka, the Russian Defence Ministry said.";
/// let places = find_places(text, Gazetteer::builtin());
/// let claims = find_claims(text, &places, &[], &[], None);
/// assert_eq!(claims[0].place.name, "Avdiivka");
/// assert_eq!((claims[0].controller, claims[0].extent), (Side::Ru, Extent::Full));
/// assert_eq!(claims[0].claimant.as_ref().and_then(|c| c.side), Some(Side::Ru));
/// ```
pub fn find_claims(
    text: &str,
    places: &[Place],
    people: &[Person],
    dates: &[DateMention],
    published: Option<NaiveDate>,
) -> Vec<Claim> {
    if places.is_empty() {
        return Vec::new();
    }
    let lex = &*LEX;
    // Where a trigger word could start: no stem, no claim.
    let starts = trigger_starts(text, lex);
    if starts.is_empty() {
        return Vec::new();
    }
    let doc_lang = lang_of(text, Lang::En);
    let sentences = sentences(text);
    // Place mentions that can be claimed, in text order.
    let mut spots: Vec<Spot> = places
        .iter()
        .filter(|p| claimable(&p.kind))
        .flat_map(|p| {
            p.mentions.iter().map(move |m| Spot {
                place: p,
                start: m.start,
                end: m.end,
            })
        })
        .collect();
    spots.sort_by_key(|s| s.start);
    let mut out: Vec<Claim> = Vec::new();
    // Sentences, stems and spots all come in text order: one cursor each.
    let (mut next_stem, mut next_spot) = (0usize, 0usize);
    let mut here: Vec<&Spot> = Vec::new();
    for (si, sent) in sentences.iter().enumerate() {
        while next_stem < starts.len() && starts[next_stem].0 < sent.start {
            next_stem += 1;
        }
        while next_spot < spots.len() && spots[next_spot].start < sent.start {
            next_spot += 1;
        }
        // The triggers whose stems start a word in this sentence.
        let mask = starts[next_stem..]
            .iter()
            .take_while(|(at, _)| *at < sent.end)
            .fold(0u64, |m, (_, t)| m | t);
        if mask == 0 {
            continue;
        }
        here.clear();
        here.extend(
            spots[next_spot..]
                .iter()
                .take_while(|p| p.start < sent.end)
                .filter(|p| p.end <= sent.end),
        );
        let s = &text[sent.clone()];
        // "the town", "місто": the town named last in this or the two
        // sentences before, when the sentence speaks of one.
        let prior = if si > 0 && ANAPHOR.is_match(s) {
            let from = sentences[si.saturating_sub(2)].start;
            spots[..next_spot]
                .iter()
                .rev()
                .take_while(|p| p.start >= from)
                .find(|p| matches!(p.place.kind.as_str(), "city" | "town" | "village"))
        } else {
            None
        };
        if (here.is_empty() && prior.is_none()) || s.trim_end().ends_with('?') {
            continue;
        }
        let lang = lang_of(s, doc_lang);
        let ctx = Ctx {
            text,
            sent: sent.clone(),
            s,
            lang,
            lex,
        };
        let found = sentence_claims(&ctx, &here, prior, mask);
        if found.is_empty() {
            continue;
        }
        let date = dates
            .iter()
            .filter(|d| d.granularity == Granularity::Day)
            .find(|d| d.start >= sent.start && d.end <= sent.end)
            .and_then(DateMention::first_day)
            .or(published);
        let mut claimants: Vec<(usize, Option<Claimant>)> = Vec::new();
        for f in found {
            let claimant = match claimants.iter().find(|(at, _)| *at == f.at) {
                Some((_, c)) => c.clone(),
                None => {
                    let c = find_claimant(&ctx, people, &sentences, si, f.at);
                    claimants.push((f.at, c.clone()));
                    c
                }
            };
            let controller = match f.controller {
                Ctl::Side(side) => side,
                // "liberated" with no subject: the claimant's side, else
                // the side whose language the text is in.
                Ctl::Speaker => match claimant.as_ref().and_then(|c| c.side) {
                    Some(side @ (Side::Ru | Side::Ua)) => side,
                    _ => match (lang, f.fact_side) {
                        (Lang::Ru, _) => Side::Ru,
                        (Lang::Uk, _) => Side::Ua,
                        (Lang::En, Some(side)) => side,
                        (Lang::En, None) => continue,
                    },
                },
                Ctl::AgainstSpeaker => match claimant.as_ref().and_then(|c| c.side) {
                    Some(side @ (Side::Ru | Side::Ua)) => side.opposite(),
                    _ => match lang {
                        Lang::Ru => Side::Ua,
                        Lang::Uk => Side::Ru,
                        Lang::En => continue,
                    },
                },
            };
            // An unmarked body ("the defence ministry said") announcing a
            // gain speaks for the side that made it.
            let claimant = match claimant.clone() {
                Some(c) if c.side.is_none() && c.person.is_none() && f.own_gain => Some(Claimant {
                    side: Some(controller),
                    ..c
                }),
                c => c,
            };
            let claim = Claim {
                place: ClaimPlace {
                    id: f.place.id.clone(),
                    name: f.place.name.clone(),
                },
                controller,
                extent: f.extent,
                claimant,
                denial: f.denial,
                date,
                sentence: s.to_string(),
                start: sent.start,
                end: sent.end,
            };
            let dup = out.iter().any(|c| {
                c.start == claim.start
                    && c.place.id == claim.place.id
                    && c.controller == claim.controller
                    && c.extent == claim.extent
            });
            if !dup {
                out.push(claim);
            }
        }
    }
    out
}

/// Kinds of place whose control can be claimed.
fn claimable(kind: &str) -> bool {
    matches!(
        kind,
        "city"
            | "town"
            | "village"
            | "district"
            | "raion"
            | "oblast"
            | "region"
            | "island"
            | "peninsula"
            | "landmark"
            | "spit"
    )
}

/// The gate's automaton over the triggers' stems, and for each of its
/// patterns the bit set of the triggers that stem stands for.
fn build_gate(triggers: &[Trigger]) -> (AhoCorasick, Vec<u64>) {
    assert!(triggers.len() <= 64, "trigger bit sets hold 64 triggers");
    let mut patterns: Vec<String> = Vec::new();
    let mut masks: Vec<u64> = Vec::new();
    for (i, t) in triggers.iter().enumerate() {
        for stem in t.stems {
            let mut forms = vec![(*stem).to_string()];
            if !stem.is_ascii() {
                let mut chars = stem.chars();
                let first: String = chars
                    .next()
                    .map(|c| c.to_uppercase().collect())
                    .unwrap_or_default();
                forms.push(first + chars.as_str());
                forms.push(stem.to_uppercase());
            }
            for form in forms {
                match patterns.iter().position(|p| *p == form) {
                    Some(at) => masks[at] |= 1 << i,
                    None => {
                        patterns.push(form);
                        masks.push(1 << i);
                    }
                }
            }
        }
    }
    let gate = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        // Leftmost: a stem at a word start is never hidden by one that
        // starts later inside the same word.
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        // The stems are fixed at compile time and covered by tests.
        .expect("claims trigger gate");
    (gate, masks)
}

/// Where a trigger stem starts a word, in text order: (byte offset, bit
/// set of the triggers that may match there).
fn trigger_starts(text: &str, lex: &Lexicon) -> Vec<(usize, u64)> {
    lex.gate
        .find_iter(text)
        .filter(|m| {
            !text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
        .map(|m| (m.start(), lex.gate_triggers[m.pattern().as_usize()]))
        .collect()
}

/// One mention of a claimable place.
struct Spot<'a> {
    place: &'a Place,
    start: usize,
    end: usize,
}

/// The language of a sentence, as far as claims care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Uk,
    Ru,
}

/// Latin text is English; Cyrillic is Ukrainian or Russian by the letters
/// only one of them has, else `fallback`.
fn lang_of(s: &str, fallback: Lang) -> Lang {
    let (mut cyr, mut lat, mut uk, mut ru) = (0usize, 0usize, 0usize, 0usize);
    for c in s.chars().take(20_000) {
        match c {
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                uk += 1;
                cyr += 1
            }
            'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => {
                ru += 1;
                cyr += 1
            }
            'а'..='я' | 'А'..='Я' => cyr += 1,
            'a'..='z' | 'A'..='Z' => lat += 1,
            _ => {}
        }
    }
    if cyr == 0 && lat == 0 {
        fallback
    } else if lat >= cyr {
        Lang::En
    } else if uk > ru {
        Lang::Uk
    } else if ru > uk || fallback == Lang::En {
        // Cyrillic with no letter of either alphabet's own: Russian unless
        // the document says Ukrainian.
        Lang::Ru
    } else {
        fallback
    }
}

/// Sentence ranges: cut at line breaks and at `.`, `!`, `?` (and closing
/// quotes after them) followed by white space, except after an initial or
/// a short abbreviation ("V.", "Gen.", "U.S."). Leading and trailing white
/// space is left out.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(s + lead..e - trail);
        }
    };
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            push(start, i, &mut out);
            start = i + 1;
        } else if matches!(c, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            // closing quotes and brackets: ASCII, or » ” ’ (multi-byte)
            loop {
                if j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
                    j += 1;
                } else if text[j..].starts_with('»')
                    || text[j..].starts_with('”')
                    || text[j..].starts_with('’')
                {
                    j += 3.min(text[j..].chars().next().map_or(1, char::len_utf8));
                } else {
                    break;
                }
            }
            // "…occupied by Russia.According to Reuters": a full stop with
            // no space, between a lower-case word and a capital.
            let glued = c == b'.'
                && j < b.len()
                && b[j].is_ascii_uppercase()
                && text[start..i]
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(|w| w.chars().count() >= 3 && w.chars().all(char::is_lowercase));
            let ends = glued || j >= b.len() || b[j] == b' ' || b[j] == b'\t' || b[j] == b'\n';
            if ends && (c != b'.' || !abbreviation(&text[start..i])) {
                push(start, j, &mut out);
                start = j;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(start, b.len(), &mut out);
    out
}

/// Whether the word before a full stop is an initial or abbreviation.
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().next().is_some_and(char::is_uppercase))
        || word.contains('.')
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Gen"
                | "Lt"
                | "Col"
                | "Maj"
                | "Sgt"
                | "St"
                | "vs"
                | "No"
                | "Jan"
                | "Feb"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "г"
                | "ст"
                | "вул"
                | "м"
                | "с"
                | "пгт"
                | "смт"
        )
}

/// A sentence being read.
struct Ctx<'a> {
    text: &'a str,
    sent: Range<usize>,
    s: &'a str,
    lang: Lang,
    lex: &'a Lexicon,
}

/// Who a found claim says holds the place, before the claimant is known.
#[derive(Debug, Clone, Copy)]
enum Ctl {
    Side(Side),
    /// The claimant's side (or the text language's).
    Speaker,
    /// The side against the claimant's.
    AgainstSpeaker,
}

/// A claim found in one sentence, before its claimant and date.
struct Found<'a> {
    place: &'a Place,
    controller: Ctl,
    extent: Extent,
    denial: bool,
    /// Where the trigger starts in the sentence.
    at: usize,
    /// From a bare "occupied", which yields to any other trigger on the
    /// same place.
    occupied: bool,
    /// A side named as taking the place: an unmarked body reporting it
    /// ("the defence ministry said") speaks for that side.
    own_gain: bool,
    /// "Izium was recaptured" stated as fact in English: the side the
    /// verb itself implies (see [`fact_side`]), used when no claimant
    /// gives one.
    fact_side: Option<Side>,
}

/// What a trigger says about the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The subject (or the agent after "by") takes the place.
    Take,
    /// The subject loses the place: the other side holds it.
    Lose,
    /// The place fell (to someone).
    Fall,
    /// A state whose own words name the holder ("under Russian control").
    Hold,
    /// Occupied, without saying by whom: Russian (Ukrainian in Russia).
    Occupied,
    /// Surrounded.
    Encircle,
    /// Liberated/освобождён: the subject takes it; with no subject, the
    /// claimant's side.
    Liberate,
}

/// Where the claimed place stands relative to the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// After it: an active verb's object ("captured X").
    After,
    /// Before it: a passive's or state's subject ("X was captured").
    Before,
    /// Either side.
    Both,
}

struct Trigger {
    re: Regex,
    kind: Kind,
    extent: Extent,
    at: At,
    /// Lower-case stems, letters only, one of which starts a word in
    /// every match of `re` (checked by `gate_passes_every_trigger`).
    stems: &'static [&'static str],
}

/// A side cue: words naming one side's forces, state or people.
struct Cue {
    range: Range<usize>,
    side: CueSide,
    /// Forces or units ("Ukrainian troops"), not a state or an adjective.
    army: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueSide {
    Is(Side),
    /// "our troops", "наші війська": the claimant's (or the text's) side.
    Ours,
    /// "the enemy", "ворог", "противник": against the claimant's side.
    Enemy,
}

struct Lexicon {
    triggers: Vec<Trigger>,
    /// One automaton over the stems of every trigger (lower case,
    /// Capitalised and UPPER case: ASCII letters match in any case,
    /// Cyrillic needs its variants).
    gate: AhoCorasick,
    /// For each pattern of `gate`, the bit set of the triggers it stands for.
    gate_triggers: Vec<u64>,
    cue_ru: Regex,
    cue_ua: Regex,
    cue_ours: Regex,
    cue_enemy: Regex,
    /// A nationality adjective that describes a place ("the Russian town
    /// of Sudzha"), not a side acting.
    place_attr: Regex,
    army_word: Regex,
    modal: Regex,
    denial: Regex,
    partial: Regex,
    blocked_before: Regex,
    metonym: Regex,
    connector: Regex,
    located_in: Regex,
    unknown_name: Regex,
    in_before: Regex,
    pre_partial: Regex,
    attributive: Regex,
    according: Regex,
    to_before: Regex,
    share_before_in: Regex,
    compass_of: Regex,
    relative: Regex,
    naming: Regex,
    preposition_before: Regex,
    cyr_passive: Regex,
    blocked_after: Regex,
    clause_cut: Regex,
    passive_aux: Regex,
    by_agent: Regex,
    attribution: Regex,
    bodies: Vec<(Regex, Option<Side>)>,
    pronoun: Regex,
    ministry_anaphor: Regex,
    this_confirmed: Regex,
    role_ru: Regex,
    role_ua: Regex,
    role_other: Regex,
}

fn re(s: &str) -> Regex {
    // The lexicon is fixed at compile time and covered by tests.
    Regex::new(&format!("(?i){s}")).expect("claims lexicon regex")
}

static LEX: LazyLock<Lexicon> = LazyLock::new(build_lexicon);

fn build_lexicon() -> Lexicon {
    use At::*;
    use Extent::*;
    use Kind::*;
    // Each trigger lists stems one of which starts a word inside every
    // match of its regex: the gate (`Lexicon::gate`) runs a trigger's
    // regex only on a sentence where one of its stems starts a word.
    let t = |stems: &'static [&'static str], s: &str, kind, extent, at| Trigger {
        re: re(s),
        kind,
        extent,
        at,
        stems,
    };
    let triggers = vec![
        // ---- English
        t(
            &["control"],
            r"\b(?:took|taken|taking|seized|seizing|gained|gaining|established|establishing|secured|securing|regained|regaining|assumed|claimed|restored|retained|retains|retain|holds|hold|held|maintains?)\s+(?:full\s+|complete\s+|total\s+|effective\s+)?control\s+(?:of|over)\b",
            Take,
            Full,
            After,
        ),
        t(
            &["control", "hold", "held", "occup"],
            r"\b(?:controls?|controlled|controlling|holds?|held|holding|occupies|occupy)\s+(?:more\s+than\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|roughly\s+|up\s+to\s+)?(?:(?:most|much|part|parts|half|some|a\s+third|two-thirds)\s+of\b|\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent)\s+of\b)",
            Take,
            Partial,
            After,
        ),
        t(
            &[
                "captur", "recaptur", "retook", "retak", "seiz", "took", "taken", "overr",
                "cleared", "stormed",
            ],
            r"\b(?:captured|recaptured|retook|retaken|retake|retakes|recaptures|captures|seizes|capturing|seizing|retaking|recapturing|took\s+back|taken\s+back|seized|took|taken|overran|overrun|cleared|stormed)\b",
            Take,
            Full,
            Both,
        ),
        t(
            &["liberat", "freed", "occup", "deoccup"],
            r"\b(?:liberated|liberates|liberating|freed|de-occupied|deoccupied)\b",
            Liberate,
            Full,
            Both,
        ),
        t(
            &["liberat", "occup", "deoccup"],
            r"\b(?:liberation|de-occupation|deoccupation)\s+of\b",
            Liberate,
            Full,
            After,
        ),
        t(
            &["captur", "recaptur", "seiz", "takeover"],
            r"\b(?:capture|recapture|seizure|takeover)\s+of\b",
            Take,
            Full,
            After,
        ),
        t(
            &["hold", "held", "утриму", "удержива"],
            r"\b(?:hold|holds|holding|held|утримують|утримує|удерживают|удерживает)\s+(?:their\s+|its\s+|on\s+to\s+)?(?:positions|ground|a\s+small\s+area|the\s+northern\s+part|позиції|позиции)\s+(?:in|inside|у|в)\b",
            Take,
            Partial,
            After,
        ),
        t(
            &["enter", "into", "infiltrat", "foothold"],
            r"\b(?:entered|enters|broke\s+into|(?:pushed|moved|advanced)\s+(?:further\s+|deeper\s+)?into|infiltrated|gained\s+a\s+foothold\s+in|established\s+a\s+foothold\s+in|have\s+a\s+foothold\s+in)\b",
            Take,
            Partial,
            After,
        ),
        t(
            &["raised"],
            r"\braised\s+(?:the|their|a)\s+(?:\w+\s+)?flags?\s+(?:over|in|above)\b",
            Take,
            Full,
            After,
        ),
        t(
            &["los"],
            r"\b(?:lost|lose|losing|loses)\s+(?:full\s+|complete\s+)?(?:control\s+(?:of|over)\s+)?",
            Lose,
            Full,
            After,
        ),
        t(
            &["withdr", "retreat", "pull", "abandon", "left"],
            r"\b(?:withdrew|withdrawn|withdrawing|withdraws|withdrawal|retreated|retreating|retreat|retreats|pulled\s+out|pulled\s+back|pulls\s+out|pulls\s+back|pulling\s+out|pulling\s+back|abandoned|abandons|left)\s+(?:completely\s+|fully\s+)?(?:from|of)\b",
            Lose,
            Full,
            After,
        ),
        t(
            &["fell", "fall"],
            r"\b(?:fell|fallen|falls)\s+(?:to|into)\b",
            Fall,
            Full,
            Before,
        ),
        t(
            &["fell", "fall"],
            r"\b(?:fell|has\s+fallen|had\s+fallen)\b",
            Fall,
            Full,
            Before,
        ),
        t(&["fall"], r"\bfall\s+of\b", Fall, Full, After),
        t(
            &["control", "hands", "occup"],
            r"\b(?:under|in)\s+(?:full\s+|complete\s+|the\s+)?(?:russian|ukrainian|russia's|ukraine's|kyiv's|kiev's|moscow's|kremlin's|separatist|government|enemy)\s+(?:forces'?\s+|army\s+)?(?:control|hands|occupation)\b",
            Hold,
            Full,
            Before,
        ),
        t(
            &["control"],
            r"\bunder\s+(?:the\s+)?(?:full\s+|complete\s+)?control\s+of\s+(?:the\s+)?(?:russian|ukrainian|russia|ukraine|kyiv|kiev|moscow|separatist)",
            Hold,
            Full,
            Before,
        ),
        t(
            &["flag", "tricolo", "banner"],
            r"\b(?:russian|ukrainian)\s+(?:national\s+)?(?:flag|tricolou?r|banner)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:flying|raised|hoisted|planted|flies|flew)\s+(?:over|above|in|on)\b",
            Hold,
            Full,
            After,
        ),
        t(
            &["hold", "control"],
            r"\b(?:still\s+)?(?:holds|hold|controls)\b",
            Take,
            Full,
            After,
        ),
        t(
            &["annex"],
            r"\b(?:annexed|annexing|annexation\s+of)\b",
            Take,
            Full,
            After,
        ),
        t(
            &["control", "held", "occup"],
            r"\b(?:russian|ukrainian|kremlin|moscow|kyiv|kiev|separatist|rebel|government|ukraine|russia)[-\s](?:controlled|held|occupied)\b",
            Hold,
            Full,
            After,
        ),
        t(
            &[
                "control", "held", "occup", "captur", "taken", "retak", "liberat",
            ],
            r"\b(?:controlled|held|occupied|captured|taken|retaken|liberated)\s+by\s+(?:the\s+)?(?:russian|ukrainian|russia|ukraine|kyiv|kiev|moscow|separatist)",
            Hold,
            Full,
            Before,
        ),
        t(
            &["occup"],
            r"\b(?:(?:temporarily|illegally|still|now)\s+)?occupied\b",
            Occupied,
            Full,
            After,
        ),
        t(
            &["occup"],
            r"\b(?:under|(?:months|years|weeks|days|a\s+period)\s+of)\s+(?:russian\s+|ukrainian\s+)?occupation\b",
            Occupied,
            Full,
            Before,
        ),
        t(&["occup"], r"\boccupation\s+of\b", Occupied, Full, After),
        t(
            &[
                "encircl", "surround", "cut", "pocket", "cauldron", "trapped",
            ],
            r"\b(?:encircled|surrounded|encircling|surrounding|encirclement|semi-encircled|cut\s+off|in\s+a\s+pocket|cauldron|trapped)\b",
            Encircle,
            Encircled,
            Both,
        ),
        // ---- Ukrainian
        t(
            &[
                "взя",
                "захоп",
                "окуп",
                "зайня",
                "відбил",
                "поверну",
                "встанов",
                "зачист",
                "зачищ",
            ],
            r"\b(?:взяли|взяв|взяла|взято|взяти|захопили|захопив|захопила|захоплен\w*|окупували|окупував|зайняли|зайняв|зайнято|відбили|повернули|встановили\s+(?:повний\s+)?контроль\s+над|взяли\s+під\s+(?:повний\s+)?контроль|зачистили|зачищен\w*)\b",
            Take,
            Full,
            Both,
        ),
        t(
            &["звільн", "деокуп"],
            r"\b(?:звільнили|звільнив|звільнила|звільнено|звільнен\w*|звільнення|деокупували|деокуповано|деокупован\w*|деокупація|деокупації)\b",
            Liberate,
            Full,
            Both,
        ),
        t(
            &["зайш", "увійш", "проникл", "закріпил", "просочил"],
            r"\b(?:зайшли|зайшов|увійшли|увійшов|проникли|закріпилися|закріпились|просочилися)\b",
            Take,
            Partial,
            After,
        ),
        t(
            &["втрат"],
            r"\b(?:втратили|втратив|втратила)\s+(?:контроль\s+над\s+)?",
            Lose,
            Full,
            After,
        ),
        t(
            &["відійш", "відступ", "вийш", "вивел", "залиш", "покину"],
            r"\b(?:відійшли|відступили|вийшли|вивели\s+війська|залишили|покинули)\s+(?:з|із|зі)?\b",
            Lose,
            Full,
            After,
        ),
        t(
            &["впа", "падін"],
            r"\b(?:впав|впало|впала|падіння)\b",
            Fall,
            Full,
            Both,
        ),
        t(
            &["контрол"],
            r"\bпід\s+(?:повним\s+)?контролем\s+(?:російськ\w+|українськ\w+|ЗСУ|ворога|окупантів|РФ|Росії|України|Сил\s+оборони)",
            Hold,
            Full,
            Before,
        ),
        t(
            &["контрол"],
            r"\b(?:контролюють|контролює)\b",
            Take,
            Full,
            After,
        ),
        t(
            &["окуп"],
            r"\b(?:тимчасово\s+)?(?:окупован\w*|окупації|окупацією)\b",
            Occupied,
            Full,
            Both,
        ),
        t(
            &["оточ", "напівоточ", "котл", "котел", "казан"],
            r"\b(?:оточили|оточив|оточен\w*|оточенні|оточення|оточуван\w*|напівоточен\w*|котлі|котел|казан\w*)\b",
            Encircle,
            Encircled,
            Both,
        ),
        // ---- Russian
        t(
            &[
                "взя",
                "захва",
                "заня",
                "овладе",
                "установ",
                "зачист",
                "зачищ",
            ],
            r"\b(?:взяли|взял|взяла|взято|взят|взята|взятие|взятия|взятии|захватили|захватил|захвачен\w*|заняли|занял|занят|занята|овладели|овладел|установили\s+(?:полный\s+)?контроль\s+над|взяли\s+под\s+(?:полный\s+)?контроль|зачистили|зачищен\w*)\b",
            Take,
            Full,
            Both,
        ),
        t(
            &["освобо", "деоккуп"],
            r"\b(?:освободили|освободил|освобожден\w*|освобождён\w*|освобождени\w*|деоккупировали|деоккупирован\w*)\b",
            Liberate,
            Full,
            Both,
        ),
        t(
            &[
                "зашли",
                "вошл",
                "вошел",
                "вошёл",
                "проникл",
                "закрепил",
                "зацепил",
            ],
            r"\b(?:зашли|вошли|вошел|вошёл|проникли|закрепились|зацепились)\b",
            Take,
            Partial,
            After,
        ),
        t(
            &["потеря", "утрат"],
            r"\b(?:потеряли|потерял|потеряла|утратили)\s+(?:контроль\s+над\s+)?",
            Lose,
            Full,
            After,
        ),
        t(
            &["отошл", "отступ", "вышл", "остав", "покину", "ушли"],
            r"\b(?:отошли|отступили|вышли|оставили|покинули|ушли)\s+(?:из|с)?\b",
            Lose,
            Full,
            After,
        ),
        t(
            &["пал", "паден"],
            r"\b(?:пал|пала|пало|падение|падения)\b",
            Fall,
            Full,
            Both,
        ),
        t(
            &["контрол"],
            r"\bпод\s+(?:полным\s+)?контролем\s+(?:российск\w+|украинск\w+|ВС\s*РФ|ВСУ|ВСУ|России|Украины|армии\s+России|противника)",
            Hold,
            Full,
            Before,
        ),
        t(
            &["контрол"],
            r"\b(?:контролируют|контролирует)\b",
            Take,
            Full,
            After,
        ),
        t(
            &["оккуп"],
            r"\b(?:оккупирован\w*|оккупированн\w*|оккупации)\b",
            Occupied,
            Full,
            Both,
        ),
        t(
            &["окруж", "полуокруж", "котл", "котел", "котёл"],
            r"\b(?:окружили|окружил|окружен\w*|окружён\w*|окружении|окружение|полуокружени\w*|котле|котел|котёл|котла)\b",
            Encircle,
            Encircled,
            Both,
        ),
    ];
    let (gate, gate_triggers) = build_gate(&triggers);
    Lexicon {
        triggers,
        gate,
        gate_triggers,
        cue_ru: re(
            r"\b(?:russian|russia's|russia|moscow's|moscow|kremlin|wagner|chechen|pro-russian|russian-backed|separatists?|russians|occupiers|invaders|rashists|dpr|lpr|российск\w*|россии|россия|рф|вс\s*рф|армия\s+россии|армии\s+россии|российская|москв\w*|вагнер\w*|днр|лнр|русск\w+\s+войск\w*|російськ\w*|росії|росія|окупант\w*|загарбник\w*|рашист\w*|орки|орків)\b",
        ),
        cue_ua: re(
            r"\b(?:ukrainians|ukrainian|ukraine's|ukraine|kyiv's|kyiv|kiev's|kiev|afu|zsu|azov|українськ\w*|україни|україна|зсу|сили\s+оборони|сил\s+оборони|захисник\w*|украинск\w*|украины|украина|всу|киев\w*|київ\w*)\b",
        ),
        cue_ours: re(
            r"\b(?:our|its|their|наш\w*|свої|свои)\s+(?:own\s+)?(?:troops|forces|units|soldiers|fighters|army|military|defenders|військ\w*|підрозділ\w*|бійц\w*|захисник\w*|войск\w*|подразделени\w*|бойц\w*|военн\w*)\b",
        ),
        cue_enemy: re(
            r"\b(?:the\s+enemy|enemy\s+(?:troops|forces|units)|ворог\w*|противник\w*|супротивник\w*)\b",
        ),
        place_attr: re(
            r"^[-\s]*(?:\w+\s+)?(?:city|town|village|region|oblast|port|border|territory|territories|soil|settlement|capital|areas?|land|lands|peninsula|coast|shores?|east|west|north|south|eastern|western|northern|southern|north-east|south-east|north-west|south-west|northeastern|southeastern|northwestern|southwestern|город\w*|сел\w*|област\w*|регион\w*|місто|міста|сел\w*|област\w*|територі\w*|территори\w*)\b",
        ),
        army_word: re(
            r"^[-\s]*(?:\w+\s+){0,2}(?:troops|forces|units|soldiers|army|military|fighters|servicemen|defenders|garrison|brigades?|battalions?|groups?|marines|paratroopers|assault|військ\w*|підрозділ\w*|бійц\w*|військов\w*|армі\w*|войск\w*|подразделени\w*|бойц\w*|военн\w*|армия|армии|штурмов\w*|угрупован\w*|группировк\w*|гарнізон\w*|гарнизон\w*)\b",
        ),
        modal: re(
            r"\b(?:would|could|might|may|will|shall|should|must|plans?|planned|planning|aims?|aimed|aiming|goals?|objectives?|intends?|intended|seeks?|seeking|sought|try|tries|trying|tried|attempts?|attempting|attempted|threat|threatens?|threatening|brink|verge|risk|risks|if|unless|whether|hopes?|hoped|wants?|wanted|ready\s+to|prevent|preventing|failed|failure|fail|avoid|avoiding|not|n't|never|no|neither|nor|demands?|demanding|calls?\s+for|need\s+to|order\s+to|ordered|expected|expects|likely|possible|possibly|potential|bid\s+to|push\s+to|aimed|would-be|tasked|task|tasks|instructed|before|until|prospect|chance|struggle\s+for|battle\s+for|fight\s+for|fighting\s+for|advance\s+on|drive\s+on|не|ни|нет|мог\w*|может|можуть|може|хотят|хочуть|хоче|хочет|планиру\w*|планую\w*|план\w*|пыта\w*|намага\w*|намерен\w*|має\s+намір|если|якщо|чтобы|щоб|угроз\w*|загроз\w*|ли|цель|мета|задача|избежать|уникнути|спроб\w*|попыт\w*|бы|б|будет|буде|будуть|будут|ризик|риск)\b",
        ),
        denial: re(
            r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|deni(?:al|als)|fake|false|спростув\w*|спросту\w*|заперечу\w*|заперечи\w*|опроверг\w*|опровер\w*|отрица\w*|фейк\w*)\b",
        ),
        partial: re(
            r"\b(?:part|parts|most|much|half|some|several|a\s+number\s+of|portions?|sections?|blocks?|districts?|microdistricts?|neighbou?rhoods?|streets?|buildings|houses|homes|outskirts|suburbs?|centre|center|foothold|positions|(?:villages|settlements|towns)\s+(?:in|across|around)|mostly|largely|partly|partially|(?:north|south|east|west|north-east|north-west|south-east|south-west|northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western)\s+(?:part|parts|side|half|outskirts|districts?|edge|sections?|bank|neighbou?rhoods?|suburbs)|\d+(?:[.,]\d+)?\s*(?:per\s*cent|percent|відсотк\w*|процент\w*)|частин\w*|част\w*|більш\w*|большую|большей|половин\w*|окраин\w*|околиц\w*|кварта\w*|мікрорайон\w*|микрорайон\w*|вулиц\w*|улиц\w*|будинк\w*|центр\w*|сел|сіл|села|сёл)\b|\d\s*%",
        ),
        blocked_before: re(
            r"(?:\b(?:near|nearby|against|дорог\w*\s+(?:на|до|к)|в\s+районе|в\s+районі|у\s+районі|towards?|toward|around|outside|beyond|approaches\s+to|road\s+to|roads\s+to|route\s+to|routes\s+(?:to|towards|into)|way\s+to|access\s+to|gateway\s+to|direction\s+of|біля|поблизу|поруч\s+із|під|в\s+напрямку|у\s+напрямку|в\s+бік|у\s+бік|около|возле|вблизи|под|к|в\s+направлении|в\s+сторону)\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?)$",
        ),
        metonym: re(
            r"^(?:'s|’s)?\s+(?:officials|authorities|government|forces|troops|military|army|leadership|command|regime|side|claims|defen[cs]e\s+ministry|says|said|claimed)\b",
        ),
        connector: re(
            r"^(?:\s|[,()]|and\b|or\b|as\s+well\s+as\b|along\s+with\b|та\b|і\b|й\b|и\b|а\s+также\b)*(?:the\s+)?(?:(?:city|town|village|cities|towns|villages|settlements?|міст\w*|сел\w*|город\w*)\s+of\s+)?\s*$",
        ),
        located_in: re(r"\b(?:in|у|в)\s+(?:the\s+)?(?:\S+\s+){0,2}$"),
        unknown_name: Regex::new(
            r"\s(?:the\s+)?(?:\w+\s+of\s+)?[A-ZА-ЯІЇЄҐ][\w'’-]+\s+(?:in|у|в)\b",
        )
        .expect("claims lexicon regex"),
        in_before: re(r"\b(?:in|у|в)\s+(?:the\s+)?$"),
        relative: re(
            r"^,\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:town|city|village|port|capital|settlement|suburb)\s+)?(?:which|that|whom|який|яку|яке|які|который|которую|которое|которые)\s+(?:\S+\s+){0,3}$",
        ),
        share_before_in: re(
            r"\b(?:villages|settlements|towns|cities|blocks|districts|areas|territory|territories|parts?|positions|ground|land|troops|units|forces|soldiers|groups|garrisons?|servicemen|військ\w*|підрозділ\w*|войск\w*|подразделени\w*|груп\w*|кварта\w*|сел\w*|населен\w*|район\w*)\s+(?:\w+\s+)?(?:in|у|в)\b",
        ),
        to_before: re(r"\bto\s+$"),
        compass_of: re(
            r"(?:^|\s)(\w+\s+)?(?:west|east|north|south|north-west|north-east|south-west|south-east|northwest|northeast|southwest|southeast)\s+of\s+$",
        ),
        according: re(r"^(?:according|по\s+словам|по\s+данным|за\s+словами|за\s+даними)"),
        naming: re(
            r"(?:\b(?:call|calls|called|refer|refers|referred|name|names|named|spell|spells|называ\w*|назива\w*|именуе\w*|іменує\w*)\b[^.]{0,12}$)|^(?:\s+(?:calls?|refers?|names?|spells?|называ\w*|назива\w*)\b)",
        ),
        preposition_before: re(
            r"\b(?:of|against|on|in|into|from|with|for|at|over|across|than|по|на|з|із|от|против|проти|для)\s+(?:the\s+)?$",
        ),
        cyr_passive: re(r"(?:ен|ён|ена|ено|ены|ені|ят|ята|ято|яты|ті|ний|ная|ные|ені)$"),
        attributive: re(r"\b(?:the|a|an)\s+(?:(?:recently|newly|already|previously)[-\s]*)?$"),
        pre_partial: re(
            r"\b(?:\d+|several|some|a\s+few|two|three|four|five|six|dozens\s+of|декілька|кілька|несколько)\s+(?:\w+\s+)?(?:buildings|houses|homes|blocks|streets|positions|будинк\w*|кварта\w*|вулиц\w*|дом\w*|улиц\w*)\b",
        ),
        blocked_after: re(
            r"^\s*(?:direction|axis|front|sector|oblast|region|province|напрям\w*|направлени\w*|фронт\w*|відтинк\w*)\b",
        ),
        clause_cut: re(
            r";|:\s|,?\s\b(?:while|whereas|but|however|although|though|as|after|when|since|before|because|and\s+that|and\s+then|а|але|однак|проте|тоді\s+як|в\s+той\s+час\s+як|но|однако|тогда\s+как|в\s+то\s+время\s+как|после\s+того|після\s+того|коли|когда)\b",
        ),
        passive_aux: re(
            r"\b(?:was|were|been|being|is|are|be|has|have|had|reportedly|reported|officially|now|already|also|fully|completely|newly|recently|already|було|був|була|були|был|была|были|было|уже|вже|повністю|полностью)[\s-]*$",
        ),
        by_agent: re(r"^\s*(?:by|to|into\s+the\s+hands\s+of|into)\s+(?:the\s+)?$"),
        attribution: re(
            r"\b(?:said|says|say|saying|claimed|claims|claim|announced|announces|reported|reports|report|stated|states|wrote|writes|told|confirmed|confirms|according\s+to|insisted|insists|alleged|alleges|declared|declares|added|noted|posted|posting|showed|conceded|concedes|asserted|acknowledged|admitted|warned|denied|denies|rejected|rejects|refuted|dismissed|disputed|спростува\w*|опроверг\w*|заявил\w*|заявля\w*|сообщил\w*|сообща\w*|написал\w*|пишут|пишет|по\s+словам|по\s+данным|утвержда\w*|подтвердил\w*|подтвержда\w*|объявил\w*|рассказал\w*|отметил\w*|доложил\w*|признал\w*|заявив\w*|заявил\w*|заявляє|заявляють|повідомив\w*|повідомил\w*|повідомля\w*|написав\w*|написала|за\s+словами|за\s+даними|стверджу\w*|підтвердив\w*|підтвердил\w*|оголосив\w*|оголосил\w*|розповів\w*|зазначив\w*|визнав\w*|визнал\w*|refused)\b",
        ),
        bodies: vec![
            (
                re(
                    r"\b(?:kremlin|russian|pro-russian|pro-kremlin)\s+(?:military\s+|war\s+)?(?:bloggers?|media|channels|telegram\s+channels|correspondents|outlets|commentators)\b",
                ),
                Some(Side::Ru),
            ),
            (
                re(
                    r"\b(?:the\s+)?(?:russian|russia's)\s+(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry|mod|general\s+staff|military|army|armed\s+forces|officials|authorities|command|commanders|state\s+media|media|outlets|sources|war\s+correspondents|military\s+bloggers?|bloggers?|news\s+agenc(?:y|ies)|government|foreign\s+ministry|telegram\s+channels?)\b",
                ),
                Some(Side::Ru),
            ),
            (
                re(
                    r"\b(?:the\s+)?(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry)\s+of\s+(?:russia|the\s+russian\s+federation)\b",
                ),
                Some(Side::Ru),
            ),
            (
                re(
                    r"\b(?:the\s+)?(?:kremlin|russia|tass|ria\s+novosti|interfax|russian-installed\s+(?:officials|authorities|head|governor|leader|administration)|pro-russian\s+(?:officials|authorities|commentators|bloggers|sources|media)|moscow)\b",
                ),
                Some(Side::Ru),
            ),
            (
                re(
                    r"\b(?:министерств\w*\s+обороны|минобороны|мо)\s+(?:россии|рф)\b|\b(?:міністерств\w*\s+оборони|міноборони)\s+(?:рф|росії)\b|\bкремл\w*|\bтасс\b|\bриа\s+новости\b|\bросійськ\w+\s+(?:військов\w+|пропаганд\w+|ЗМІ|джерел\w*|блогер\w*)|\bросс?ийск\w+\s+(?:военн\w+|СМИ|источник\w*|блогер\w*|власт\w*|военкор\w*)|\bвоенкор\w*",
                ),
                Some(Side::Ru),
            ),
            (
                re(
                    r"\b(?:an?\s+|the\s+)?(?:pro-russian|russian-installed|russian|kremlin-backed)\s+(?:lawmakers?|mps?|deputy|deputies|officials?|commanders?|spokes(?:man|woman|person)|soldiers?|politicians?|governors?|mayors?|war\s+correspondents?|correspondents?|servicem[ae]n|officers?|commentators?)\b",
                ),
                Some(Side::Ru),
            ),
            (
                re(
                    r"\b(?:an?\s+|the\s+)?ukrainian\s+(?:lawmakers?|mps?|deputy|deputies|officials?|commanders?|spokes(?:man|woman|person)|soldiers?|politicians?|governors?|mayors?|servicem[ae]n|officers?|military\s+bloggers?|bloggers?|analysts?|journalists?)\b",
                ),
                Some(Side::Ua),
            ),
            (
                re(
                    r"\b(?:the\s+)?general\s+staff\s+of\s+(?:the\s+)?(?:armed\s+forces\s+of\s+ukraine|ukrainian\s+armed\s+forces|ukraine)\b",
                ),
                Some(Side::Ua),
            ),
            (
                re(
                    r"\b(?:the\s+)?(?:ukrainian|ukraine's)\s+(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry|mod|general\s+staff|military\s+intelligence|military|army|armed\s+forces|officials|authorities|command|commanders|commander-in-chief|sources|media|government|presidential\s+office|president|brigade|forces)\b",
                ),
                Some(Side::Ua),
            ),
            (
                re(
                    r"\b(?:the\s+)?(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry)\s+of\s+ukraine\b|\bdeepstate\b|\bkyiv\b|\bkiev\b|\bukraine\b",
                ),
                Some(Side::Ua),
            ),
            (
                re(
                    r"\b(?:генштаб\w*|генеральн\w+\s+штаб\w*)\s+(?:зсу|всу|збройних\s+сил\s+україни|вооруженных\s+сил\s+украины)|\b(?:міністерств\w*\s+оборони|міноборони)\s+україни\b|\bзсу\b|\bсил\w*\s+оборони\b|\bофіс\w*\s+президента\b|\bкиїв\b|\bкиев\b|\bdeepstate\b|\bвсу\b",
                ),
                Some(Side::Ua),
            ),
            (
                re(
                    r"\b(?:the\s+)?(?:institute\s+for\s+the\s+study\s+of\s+war|isw|pentagon|nato|united\s+nations|un|iaea|western\s+(?:analysts|officials|intelligence|governments|media)|(?:us|u\.s\.|american|british|uk|german|french|polish)\s+(?:officials|intelligence|defen[cs]e\s+(?:ministry|officials|department)|ministry\s+of\s+defen[cs]e|government|analysts|military)|military\s+analysts|analysts|experts|observers|think\s+tank)\b|\bисв\b|\bінститут\w*\s+вивчення\s+війни\b|\bинститут\w*\s+изучения\s+войны\b",
                ),
                Some(Side::Other),
            ),
            // Unmarked bodies: the text's language decides (see `body_side`).
            (
                re(
                    r"\b(?:the\s+)?(?:general\s+staff|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|military|army|officials|authorities|command)\b|\b(?:генштаб\w*|генеральн\w+\s+штаб\w*|міноборони|минобороны|міністерств\w*\s+оборони|министерств\w*\s+обороны)",
                ),
                None,
            ),
        ],
        pronoun: re(
            r"\b(?:according\s+to\s+(?:her|him|them)|(?:she|he|they)\s+(?:said|says|claimed|claims|wrote|writes|added|stated|alleged|insisted|noted|warned|told)|(?:за\s+її\s+словами|за\s+його\s+словами|по\s+её\s+словам|по\s+ее\s+словам|по\s+его\s+словам|вона\s+(?:заявила|написала|повідомила|стверджує)|він\s+(?:заявив|написав|повідомив|стверджує)|она\s+(?:заявила|написала|сообщила|утверждает)|он\s+(?:заявил|написал|сообщил|утверждает)))",
        ),
        ministry_anaphor: re(
            r"\b(?:the\s+ministry|the\s+ministry's|the\s+department|the\s+agency|відомств\w*|ведомств\w*|міністерств\w*|министерств\w*)",
        ),
        this_confirmed: re(
            r"^\s*(?:this|these|that|the\s+(?:report|claim|news)|це|це\s+\w+|об\s+этом|про\s+це|это)\b[^.]{0,80}?\b(?:confirmed|reported|announced|stated|claimed|said|written|posted|підтвердив\w*|підтвердил\w*|повідомив\w*|повідомил\w*|заявив\w*|заявил\w*|сообщил\w*|подтвердил\w*|написал\w*|написав\w*)\b",
        ),
        role_ru: re(
            r"\b(?:pro-russian|russian-installed|russian-appointed|kremlin|moscow|russian|russia's|russia|state\s+duma|duma|dpr|lpr|separatist|российск\w*|россии|госдум\w*|днр|лнр|кремл\w*|російськ\w*|росії)\b",
        ),
        role_ua: re(
            r"\b(?:ukrainian|ukraine's|ukraine|verkhovna\s+rada|rada|people's\s+deputy|kyiv|kiev|zsu|afu|українськ\w*|україни|верховн\w+\s+рад\w*|народн\w+\s+депутат\w*|зсу|украинск\w*|украины|всу|рады)\b",
        ),
        role_other: re(
            r"\b(?:american|u\.s\.|us|british|uk|german|french|polish|western|nato|isw|analyst|think\s+tank|estonian|latvian|lithuanian|finnish|swedish|austrian|bulgarian|israeli|turkish|chinese|institute|un|iaea)\b",
        ),
    }
}

/// Words for a settlement that can stand for one named before ("the
/// town", "місто", "город"): the gate of the anaphora rule.
static ANAPHOR: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([
            "the town",
            "the city",
            "the village",
            "the settlement",
            "місто",
            "Місто",
            "містечко",
            "Містечко",
            "село",
            "Село",
            "селище",
            "Селище",
            "город",
            "Город",
            "поселок",
            "Поселок",
            "посёлок",
            "Посёлок",
        ])
        // Fixed words, covered by tests.
        .expect("claims anaphor automaton")
});

/// Whether the trigger's own place is "the town" standing for a town
/// named before: its object ("captured the town"), or the subject of a
/// passive or a state ("the city was liberated", "місто було звільнено").
fn anaphor_target(ctx: &Ctx<'_>, clause: &Range<usize>, r: &Range<usize>, t: &Trigger) -> bool {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*(?:the\s+)?(?:(?:entire|whole|key|embattled|strategic|small|frontline|front-line|eastern|southern|northern|western)\s+)?(?:town|city|village|settlement|місто|містечко|село|селище|город|поселок|посёлок)\b",
        )
    });
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:\bthe\s+(?:town|city|village|settlement)\s+(?:(?:has|have|had)\s+)?(?:been|was|were|is|are)|(?:^|\s)(?:місто|містечко|село|селище|город|поселок|посёлок)(?:\s+(?:було|був|була|был|было|была|вже|уже|повністю|полностью))*)\s+(?:\w+\s+)?$",
        )
    });
    let s = ctx.s;
    if matches!(t.at, At::After | At::Both) {
        if let Some(m) = AFTER.find(&s[r.end..clause.end.max(r.end)]) {
            // "the town of Ocheretyne": a name follows, not an anaphor.
            let rest = s[r.end + m.end()..].trim_start();
            if !rest.starts_with("of ") && !rest.starts_with('(') {
                return true;
            }
        }
    }
    matches!(t.at, At::Before | At::Both)
        && r.start >= clause.start
        && BEFORE.is_match(&s[clause.start..r.start])
}

/// Claims of one sentence. `prior` is the town "the town" may stand for.
fn sentence_claims<'a, 'b>(
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
        let denial = lex.denial.is_match(&s[..r.start]);
        // "could strike targets in Russian-occupied Crimea": an attribute
        // is presupposed, whatever the clause around it plans or denies.
        if !denial && lex.modal.is_match(lead) && !presupposed(&s[r.clone()], t) {
            continue;
        }
        // "an offensive to retake Kherson", "ordered to capture": a purpose.
        if lex.to_before.is_match(lead) && !verb_is_participle(&s[r.clone()]) {
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

/// The side an English passive or noun implies when nobody is named:
/// "Kherson was liberated", "Izium has been recaptured", "the liberation of
/// Kherson" (Ukraine takes back), "Bakhmut was captured", "Soledar was
/// stormed" (Russia takes), the other way round for a place in Russia. A
/// passive counts only for a place that is its subject (`between` holds
/// nothing but the auxiliary), in a sentence that names no "our troops":
/// precision comes first.
fn fact_side(trigger: &str, between: Option<&str>, cues: &[Cue], place: &Place) -> Option<Side> {
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

/// An English attribute before its place: "occupied", "Russian-controlled",
/// "Ukrainian-held" (a state the sentence takes as given).
fn presupposed(trigger: &str, t: &Trigger) -> bool {
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
fn in_russia(place: &Place) -> bool {
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
fn targets<'a, 'b>(
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
            // the antecedent of "which", wherever it stands
            return vec![*p];
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
fn appositive(after_place: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|port|settlement|suburb|capital)\b",
        )
    });
    RE.is_match(after_place)
}

/// About the first `n` bytes of `s`, ending where a word ends: a check
/// anchored at the start (`^…\b`) sees the same words as on all of `s`,
/// without scanning the rest of a long sentence.
fn head(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end += 1;
    }
    match s[end..].find(char::is_whitespace) {
        Some(i) => &s[..end + i],
        None => s,
    }
}

/// About the last `n` bytes of `s`, from the white space before a word: a
/// check anchored at the end (`\b…$`) sees the same words as on all of `s`.
fn tail(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut start = s.len() - n;
    while !s.is_char_boundary(start) {
        start += 1;
    }
    match s[..start].rfind(char::is_whitespace) {
        Some(i) => &s[i..],
        None => s,
    }
}

/// `'s` (and nothing else) between two places: the first owns the second.
fn possessive(between: &str) -> bool {
    matches!(between.trim(), "'s" | "’s")
}

/// The extent a trigger gives one place: a share, a part or a count of
/// houses in the words around makes a capture partial.
fn extent_of(
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
        &s[pe..after_end]
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
fn between_blocks(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"\b(?:since|when|after|before|it|they|who|the\s+city|the\s+town|коли|когда)\b")
    });
    RE.is_match(s)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Clause ranges of a sentence.
fn clauses(s: &str, lex: &Lexicon) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in lex.clause_cut.find_iter(s) {
        if m.start() > start {
            out.push(start..m.start());
        }
        start = m.end();
    }
    out.push(start..s.len());
    out
}

/// The side cues of a sentence.
fn cues(s: &str, lex: &Lexicon) -> Vec<Cue> {
    let mut out = Vec::new();
    let add = |re: &Regex, side: CueSide, out: &mut Vec<Cue>| {
        for m in re.find_iter(s) {
            let after = &s[m.end()..];
            // "the Russian town of Sudzha": an attribute of a place.
            if matches!(side, CueSide::Is(_))
                && !after.starts_with('-')
                && lex.place_attr.is_match(head(after, 128))
            {
                continue;
            }
            // "the city Ukraine calls Bakhmut", "как город называют на Украине"
            let from = s[..m.start()]
                .char_indices()
                .rev()
                .nth(30)
                .map_or(0, |(i, _)| i);
            if lex.naming.is_match(&s[from..m.start()]) || lex.naming.is_match(after) {
                continue;
            }
            if out
                .iter()
                .any(|c: &Cue| c.range.start < m.end() && m.start() < c.range.end)
            {
                continue;
            }
            let army = !matches!(side, CueSide::Is(_)) || lex.army_word.is_match(head(after, 128));
            out.push(Cue {
                range: m.range(),
                side,
                army,
            });
        }
    };
    add(&lex.cue_ours, CueSide::Ours, &mut out);
    add(&lex.cue_enemy, CueSide::Enemy, &mut out);
    add(&lex.cue_ru, CueSide::Is(Side::Ru), &mut out);
    add(&lex.cue_ua, CueSide::Is(Side::Ua), &mut out);
    out.sort_by_key(|c| c.range.start);
    out
}

fn ctl_of(side: CueSide) -> Ctl {
    match side {
        CueSide::Is(s) => Ctl::Side(s),
        CueSide::Ours => Ctl::Speaker,
        CueSide::Enemy => Ctl::AgainstSpeaker,
    }
}

fn flip(c: Ctl) -> Ctl {
    match c {
        Ctl::Side(s) => Ctl::Side(s.opposite()),
        Ctl::Speaker => Ctl::AgainstSpeaker,
        Ctl::AgainstSpeaker => Ctl::Speaker,
    }
}

/// The controller a trigger states, from the side cues around it.
fn controller(
    ctx: &Ctx<'_>,
    cues: &[Cue],
    clause: &Range<usize>,
    r: &Range<usize>,
    t: &Trigger,
) -> Option<Ctl> {
    let s = ctx.s;
    let lex = ctx.lex;
    // Inside the trigger's own words: "under Russian control", "Ukrainian-held".
    let inner = cues
        .iter()
        .find(|c| c.range.start >= r.start && c.range.end <= r.end);
    // The subject: the last cue before the trigger in its clause.
    let subject = cues.iter().rfind(|c| {
        c.range.end <= r.start
            && c.range.start >= clause.start
            && !lex
                .preposition_before
                .is_match(tail(&s[..c.range.start], 96))
    });
    // The agent after "by"/"to": "fell to Russian forces", "liberated by Ukrainian troops".
    let agent = cues.iter().find(|c| {
        let between = &s[r.end.min(c.range.start)..c.range.start];
        c.range.start >= r.end
            && c.range.start <= clause.end
            && ((lex.by_agent.is_match(between) && words(between) <= 4)
                || (ends_with_by(&s[r.clone()]) && words(between) <= 1))
    });
    // An army named right after the trigger: its object ("surrounded
    // Ukrainian units") or the owner of a noun ("withdrawal of Russian troops").
    let object = cues.iter().find(|c| {
        c.range.start >= r.end
            && c.range.start <= clause.end
            && words(&s[r.end..c.range.start]) <= 3
    });
    match t.kind {
        Kind::Hold => inner.or(agent).map(|c| ctl_of(c.side)),
        Kind::Take | Kind::Liberate => {
            if let Some(c) = inner {
                return Some(ctl_of(c.side));
            }
            if let Some(c) = agent {
                return Some(ctl_of(c.side));
            }
            if let Some(c) = subject.filter(|c| c.army || words(&s[c.range.end..r.start]) <= 4) {
                return Some(ctl_of(c.side));
            }
            let lead = &s[clause.start..r.start];
            // "Moscow has had the advantage since capturing Avdiivka": a
            // clause opened by its verb has the sentence's subject.
            if lead.trim().is_empty() && clause.start > 0 {
                if let Some(c) = cues.iter().rfind(|c| c.range.end <= clause.start) {
                    return Some(ctl_of(c.side));
                }
            }
            // "the recently-captured city of Lysychansk": the side the
            // sentence is about.
            if verb_is_participle(&s[r.clone()]) && lex.attributive.is_match(lead) {
                return cues
                    .iter()
                    .rfind(|c| c.range.end <= r.start)
                    .map(|c| ctl_of(c.side));
            }
            // "liberated" with no subject, or a passive with no agent ("had
            // been cleared"): the claimant's own side says it.
            let passive = lex.passive_aux.is_match(lead)
                || (ctx.lang != Lang::En && lex.cyr_passive.is_match(&s[r.clone()].to_lowercase()));
            (t.kind == Kind::Liberate || passive).then_some(Ctl::Speaker)
        }
        Kind::Lose => {
            if let Some(c) = subject.filter(|c| c.army || words(&s[c.range.end..r.start]) <= 4) {
                return Some(flip(ctl_of(c.side)));
            }
            // "the withdrawal of Russian troops from Kherson"
            object.filter(|c| c.army).map(|c| flip(ctl_of(c.side)))
        }
        Kind::Fall => {
            if let Some(c) = agent {
                return Some(ctl_of(c.side));
            }
            // "Ukrainian-held Avdiivka fell": the holder lost it.
            let held = cues.iter().find(|c| {
                c.range.start >= clause.start
                    && c.range.end <= clause.end
                    && s[c.range.end..].starts_with("-held")
            });
            if let Some(c) = held {
                return Some(flip(ctl_of(c.side)));
            }
            // "Avdiivka fell in February": a fall with no side named is
            // to Russia: in this war's reporting a place "falls" when
            // Ukraine loses it (Ukraine "liberates" or "retakes").
            Some(Ctl::Side(Side::Ru))
        }
        Kind::Occupied => {
            if let Some(c) = inner.or(agent) {
                return Some(ctl_of(c.side));
            }
            Some(Ctl::Side(Side::Ru))
        }
        Kind::Encircle => {
            // An active subject: "Russian forces encircled …"
            if let Some(c) = subject.filter(|c| {
                !be_passive(&s[c.range.end..r.start])
                    && words(&s[c.range.end..r.start]) <= 3
                    && !c.army_trapped(s, r)
            }) {
                return Some(ctl_of(c.side));
            }
            if let Some(c) = agent {
                return Some(ctl_of(c.side));
            }
            // The trapped side, named as an army in the sentence.
            let armies: Vec<&Cue> = cues.iter().filter(|c| c.army).collect();
            let Some(first) = armies.first() else {
                // No side named at all: Ukrainian and Russian reporting both
                // use the bare "в оточенні"/"в окружении" for towns Ukraine
                // holds, so the encircler is Russia; English says nothing.
                return (ctx.lang != Lang::En).then_some(Ctl::Side(Side::Ru));
            };
            if armies.iter().all(|c| c.side == first.side) {
                return Some(flip(ctl_of(first.side)));
            }
            None
        }
    }
}

/// "captured", "taken": a past participle that can stand before a noun.
fn verb_is_participle(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or(t).to_lowercase();
    first.ends_with("ed") || first.ends_with("en")
}

/// A trigger that ends with the preposition of its agent ("fell to").
fn ends_with_by(t: &str) -> bool {
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    matches!(last.to_lowercase().as_str(), "to" | "into" | "by")
}

/// A passive auxiliary ("were surrounded", "had been encircled").
fn be_passive(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"\b(?:was|were|is|are|been|being|be|був|була|були|було|был|была|были|было)\b")
    });
    RE.is_match(s)
}

impl Cue {
    /// "Ukrainian troops were surrounded": the cue is the trapped side.
    fn army_trapped(&self, s: &str, r: &Range<usize>) -> bool {
        self.army && s[self.range.end..r.start].contains(" were ")
    }
}

/// The claimant of a sentence's claims.
fn find_claimant(
    ctx: &Ctx<'_>,
    people: &[Person],
    sentences: &[Range<usize>],
    si: usize,
    at: usize,
) -> Option<Claimant> {
    let lex = ctx.lex;
    let s = ctx.s;
    let base = ctx.sent.start;
    // Word cuts ("as", "while", "but") between a speaker and the claim
    // make them two statements: "Putin accused Washington …, as explosions
    // rocked a facility in Kremlin-controlled Crimea".
    let cuts: Vec<usize> = lex
        .clause_cut
        .find_iter(s)
        .filter(|m| m.as_str().chars().any(char::is_alphabetic) || m.as_str() == ";")
        .map(|m| m.start())
        .collect();
    let apart = |p: usize| {
        let (a, b) = if p < at { (p, at) } else { (at, p) };
        cuts.iter().any(|&c| c > a && c < b)
    };
    // The attribution nearest the claim.
    let attribution = lex
        .attribution
        .find_iter(s)
        .filter(|m| !apart(m.start()))
        .min_by_key(|m| m.start().abs_diff(at));
    // A person named in the sentence who speaks, or stands next to an
    // attribution.
    let mut best: Option<(usize, Claimant)> = None;
    for p in people {
        for m in &p.mentions {
            if m.start < ctx.sent.start || m.end > ctx.sent.end || apart(m.start - base) {
                continue;
            }
            let dist = attribution.as_ref().map_or(usize::MAX, |a| {
                let (ms, me) = (m.start - base, m.end - base);
                if me <= a.start() {
                    a.start() - me
                } else {
                    ms.saturating_sub(a.end())
                }
            });
            if !m.speaker && dist > 100 {
                continue;
            }
            let c = person_claimant(ctx.text, p, m.start, m.end, m.role.as_deref());
            if best.as_ref().is_none_or(|(d, _)| dist < *d) {
                best = Some((dist, c));
            }
        }
    }
    if let Some((_, c)) = best {
        return Some(c);
    }
    // "according to her", "he said": the person named last before.
    if lex.pronoun.is_match(s) {
        if let Some(c) = last_person(ctx.text, people, ctx.sent.start) {
            return Some(c);
        }
    }
    // A body next to an attribution.
    if let Some(a) = attribution.as_ref() {
        let mut found: Option<(usize, Claimant)> = None;
        for (re, side) in &lex.bodies {
            for m in re.find_iter(s) {
                // The agent of the claim is not its claimant: a body
                // counts only close to the attribution.
                let dist = if m.end() <= a.start() {
                    a.start() - m.end()
                } else {
                    m.start().saturating_sub(a.end())
                };
                if dist > 40 || apart(m.start()) {
                    continue;
                }
                // The subject of "said" speaks; a body after it ("said
                // Russia had …") is more often what is spoken about.
                let dist = if m.start() >= a.end() && !lex.according.is_match(a.as_str()) {
                    dist + 20
                } else {
                    dist
                };
                // A claim between them: the body is its agent, not its speaker.
                let gap = if m.end() <= a.start() {
                    m.end()..a.start()
                } else {
                    a.end()..m.start()
                };
                if lex.triggers.iter().any(|t| t.re.is_match(&s[gap.clone()])) {
                    continue;
                }
                let after = &s[m.end()..];
                // "Ukrainian troops/forces …" is an agent, "Ukraine's
                // commander-in-chief said" a speaker.
                if lex.army_word.is_match(head(after, 128)) && !after.trim_start().starts_with(',')
                {
                    let w = after.split_whitespace().next().unwrap_or("");
                    if !w.is_empty() && !lex.attribution.is_match(w) {
                        continue;
                    }
                }
                let side = side.or_else(|| body_side(ctx.lang));
                let c = Claimant {
                    text: m.as_str().trim().to_string(),
                    person: None,
                    side,
                };
                if found.as_ref().is_none_or(|(d, _)| dist < *d) {
                    found = Some((dist, c));
                }
            }
        }
        if let Some((_, c)) = found {
            return Some(c);
        }
    }
    // "the ministry": the body named last in the sentences before.
    if lex.ministry_anaphor.is_match(s) && attribution.is_some() {
        for prev in sentences[..si].iter().rev().take(3) {
            let p = &ctx.text[prev.clone()];
            for (re, side) in &lex.bodies {
                if let Some(m) = re.find_iter(p).last() {
                    return Some(Claimant {
                        text: m.as_str().trim().to_string(),
                        person: None,
                        side: side.or_else(|| body_side(ctx.lang)),
                    });
                }
            }
        }
    }
    // "This … was confirmed by X" in the next sentence.
    if let Some(next) = sentences.get(si + 1) {
        let n = &ctx.text[next.clone()];
        if lex.this_confirmed.is_match(n) {
            for p in people {
                if let Some(m) = p
                    .mentions
                    .iter()
                    .find(|m| m.start >= next.start && m.end <= next.end)
                {
                    return Some(person_claimant(
                        ctx.text,
                        p,
                        m.start,
                        m.end,
                        m.role.as_deref(),
                    ));
                }
            }
        }
    }
    None
}

/// An unmarked "General Staff" or "Міноборони": the side whose language the
/// text is in; English says nothing.
fn body_side(lang: Lang) -> Option<Side> {
    match lang {
        Lang::Ru => Some(Side::Ru),
        Lang::Uk => Some(Side::Ua),
        Lang::En => None,
    }
}

/// The person mentioned last before `before`.
fn last_person(text: &str, people: &[Person], before: usize) -> Option<Claimant> {
    let mut best: Option<(usize, &Person, usize, usize, Option<&str>)> = None;
    for p in people {
        for m in &p.mentions {
            if m.end <= before && before - m.end < 1500 && best.is_none_or(|b| m.start > b.0) {
                best = Some((m.start, p, m.start, m.end, m.role.as_deref()));
            }
        }
    }
    best.map(|(_, p, s, e, role)| person_claimant(text, p, s, e, role))
}

/// A person as claimant, with their side from the role, the words before
/// the name in the article, or the register.
fn person_claimant(
    text: &str,
    p: &Person,
    start: usize,
    end: usize,
    role: Option<&str>,
) -> Claimant {
    // The fullest role this person has anywhere in the article.
    let roles: Vec<&str> = role
        .into_iter()
        .chain(p.mentions.iter().filter_map(|m| m.role.as_deref()))
        .collect();
    let mut side = roles.iter().find_map(|r| side_of_role(r));
    if side.is_none() {
        for m in &p.mentions {
            let from = text[..m.start]
                .char_indices()
                .rev()
                .nth(45)
                .map_or(0, |(i, _)| i);
            let before = &text[from..m.start];
            // Only the clause right before the name: "another Ukrainian politician, Unigolova".
            let before = before.rsplit(['.', ';', '\n']).next().unwrap_or(before);
            if let Some(s) = side_of_role(before) {
                side = Some(s);
                break;
            }
        }
    }
    if side.is_none() {
        side = register_side(&p.key);
    }
    Claimant {
        text: text[start..end].to_string(),
        person: Some(p.key.clone()),
        side,
    }
}

/// The side a role or the words before a name give.
fn side_of_role(role: &str) -> Option<Side> {
    let lex = &*LEX;
    // "pro-Russian", "Russian-installed" win over the place in "mayor of Kherson".
    if lex.role_ru.is_match(role) {
        return Some(Side::Ru);
    }
    if lex.role_ua.is_match(role) {
        return Some(Side::Ua);
    }
    if lex.role_other.is_match(role) {
        return Some(Side::Other);
    }
    None
}

/// Public figures of the war whose side reporting takes as known: heads of
/// state and government, commanders, ministers, spokespeople, lawmakers and
/// regional heads who are quoted on control of places. Keys come from
/// [`person_key`], so any spelling or script of these names matches.
const REGISTER: &[(&str, Side)] = &[
    // Ukraine
    ("Volodymyr Zelensky", Side::Ua),
    ("Oleksandr Syrskyi", Side::Ua),
    ("Valerii Zaluzhnyi", Side::Ua),
    ("Kyrylo Budanov", Side::Ua),
    ("Andriy Yermak", Side::Ua),
    ("Mykhailo Podolyak", Side::Ua),
    ("Dmytro Kuleba", Side::Ua),
    ("Andrii Sybiha", Side::Ua),
    ("Oleksii Reznikov", Side::Ua),
    ("Rustem Umerov", Side::Ua),
    ("Denys Shmyhal", Side::Ua),
    ("Iryna Vereshchuk", Side::Ua),
    ("Oleksii Danilov", Side::Ua),
    ("Hanna Maliar", Side::Ua),
    ("Maryana Bezuhla", Side::Ua),
    ("Ihor Mosiychuk", Side::Ua),
    ("Oleksiy Goncharenko", Side::Ua),
    ("Oleh Syniehubov", Side::Ua),
    ("Vadym Filashkin", Side::Ua),
    ("Pavlo Kyrylenko", Side::Ua),
    ("Serhiy Haidai", Side::Ua),
    ("Vitalii Kim", Side::Ua),
    ("Yaroslav Yanushevych", Side::Ua),
    ("Ivan Fedorov", Side::Ua),
    ("Vitali Klitschko", Side::Ua),
    ("Ihor Terekhov", Side::Ua),
    ("Oleksandr Shtupun", Side::Ua),
    ("Serhii Cherevatyi", Side::Ua),
    ("Nazar Voloshyn", Side::Ua),
    ("Viktor Trehubov", Side::Ua),
    ("Dmytro Lykhovii", Side::Ua),
    ("Andriy Kovalenko", Side::Ua),
    ("Yurii Ihnat", Side::Ua),
    ("Serhii Bratchuk", Side::Ua),
    ("Oleksandr Prokudin", Side::Ua),
    ("Natalia Humeniuk", Side::Ua),
    ("Anton Herashchenko", Side::Ua),
    ("Oleksiy Arestovych", Side::Ua),
    ("Yuriy Butusov", Side::Ua),
    // Russia and its proxies
    ("Vladimir Putin", Side::Ru),
    ("Sergei Shoigu", Side::Ru),
    ("Andrei Belousov", Side::Ru),
    ("Valery Gerasimov", Side::Ru),
    ("Dmitry Peskov", Side::Ru),
    ("Igor Konashenkov", Side::Ru),
    ("Maria Zakharova", Side::Ru),
    ("Sergei Lavrov", Side::Ru),
    ("Dmitry Medvedev", Side::Ru),
    ("Denis Pushilin", Side::Ru),
    ("Leonid Pasechnik", Side::Ru),
    ("Yevgeny Balitsky", Side::Ru),
    ("Ramzan Kadyrov", Side::Ru),
    ("Apti Alaudinov", Side::Ru),
    ("Yevgeny Prigozhin", Side::Ru),
    ("Vyacheslav Gladkov", Side::Ru),
    ("Alexei Smirnov", Side::Ru),
    ("Alexander Khinshtein", Side::Ru),
    ("Vladimir Rogov", Side::Ru),
    ("Yan Gagin", Side::Ru),
    ("Andrei Marochko", Side::Ru),
    ("Igor Girkin", Side::Ru),
    ("Sergei Aksyonov", Side::Ru),
    ("Mikhail Razvozhayev", Side::Ru),
    ("Vitaly Ganchev", Side::Ru),
    ("Kirill Stremousov", Side::Ru),
    ("Vasily Nebenzya", Side::Ru),
    ("Vladimir Saldo", Side::Ru),
];

/// The side of a known public figure.
fn register_side(key: &str) -> Option<Side> {
    static KEYS: LazyLock<Vec<(String, Side)>> = LazyLock::new(|| {
        REGISTER
            .iter()
            .map(|(name, side)| (person_key(name), *side))
            .collect()
    });
    // A key without a given name ("peskov") matches the surname.
    let surname = key.split(':').next().unwrap_or(key);
    KEYS.iter()
        .find(|(k, _)| k == key || (!key.contains(':') && k.split(':').next() == Some(surname)))
        .map(|(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{dates::find_dates, gazetteer::Gazetteer, people::find_people, places};

    /// Claims of `text` as (place, controller, extent, claimant side,
    /// denial).
    fn claims_of(
        text: &str,
    ) -> Vec<(
        String,
        &'static str,
        &'static str,
        Option<&'static str>,
        bool,
    )> {
        let places = places::find_places(text, Gazetteer::builtin());
        let people = find_people(text, &places);
        let published = NaiveDate::from_ymd_opt(2025, 11, 6);
        let dates = find_dates(text, published);
        find_claims(text, &places, &people, &dates, published)
            .into_iter()
            .map(|c| {
                (
                    c.place.name,
                    c.controller.as_str(),
                    c.extent.as_str(),
                    c.claimant.and_then(|c| c.side).map(Side::as_str),
                    c.denial,
                )
            })
            .collect()
    }

    /// (text, expected claims as (place, controller, extent, claimant side)).
    type Case = (
        &'static str,
        &'static [(
            &'static str,
            &'static str,
            &'static str,
            Option<&'static str>,
        )],
    );

    fn check(cases: &[Case]) {
        let mut failures = Vec::new();
        for (text, want) in cases {
            let got: Vec<_> = claims_of(text)
                .into_iter()
                .map(|(p, c, e, s, _)| (p, c, e, s))
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|(p, c, e, s)| (p.to_string(), *c, *e, *s))
                .collect();
            if got != want {
                failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn english_claims() {
        check(&[
            (
                "Russian forces have taken full control of Avdiivka, the Russian Defence Ministry said.",
                &[("Avdiivka", "RU", "full", Some("RU"))],
            ),
            (
                "Ukrainian troops have withdrawn from Avdiivka to new positions.",
                &[("Avdiivka", "RU", "full", None)],
            ),
            (
                "Ukrainian forces recaptured Lyman on Saturday.",
                &[("Lyman", "UA", "full", None)],
            ),
            (
                "Russian troops entered the northern part of Kupiansk, a Russian military blogger claimed.",
                &[("Kupiansk", "RU", "partial", Some("RU"))],
            ),
            (
                "Russian forces have encircled Myrnohrad, Kremlin spokesperson Dmitry Peskov said.",
                &[("Myrnohrad", "RU", "encircled", Some("RU"))],
            ),
            (
                "Kherson has been under Ukrainian control since November.",
                &[("Kherson", "UA", "full", None)],
            ),
            (
                "Russia holds more than 80% of Pokrovsk, a Ukrainian lawmaker said.",
                &[("Pokrovsk", "RU", "partial", Some("UA"))],
            ),
            (
                "A drone hit a depot in Russian-occupied Melitopol.",
                &[("Melitopol", "RU", "full", None)],
            ),
            (
                "Ukrainian troops have taken control of the Russian town of Sudzha, Ukraine's commander-in-chief said.",
                &[("Sudzha", "UA", "full", Some("UA"))],
            ),
            (
                "Bakhmut fell to Russian forces in May.",
                &[("Bakhmut", "RU", "full", None)],
            ),
            (
                "The withdrawal of Russian troops from Kherson was completed on Friday.",
                &[("Kherson", "UA", "full", None)],
            ),
        ]);
    }

    /// Stated as fact: an unmarked fall, an English passive whose verb
    /// says who took the place, and "the town" for a town named before.
    #[test]
    fn facts_and_anaphora() {
        check(&[
            ("Avdiivka fell in February.", &[("Avdiivka", "RU", "full", None)]),
            ("Izium was recaptured on Saturday.", &[("Izium", "UA", "full", None)]),
            ("Kherson has been liberated.", &[("Kherson", "UA", "full", None)]),
            ("Mariupol was captured in May.", &[("Mariupol", "RU", "full", None)]),
            ("Sudzha was captured in August.", &[("Sudzha", "UA", "full", None)]),
            (
                "Russian troops attacked Vuhledar for months. On Tuesday Russian forces captured the town.",
                &[("Vuhledar", "RU", "full", None)],
            ),
            (
                "Ukrainian forces fought for Kupiansk for weeks. The city was liberated on Saturday, the General Staff of Ukraine said.",
                &[("Kupiansk", "UA", "full", Some("UA"))],
            ),
            (
                "Росіяни тривалий час штурмували Вугледар. Зрештою російські війська захопили місто.",
                &[("Vuhledar", "RU", "full", None)],
            ),
            (
                "Kyiv would be able to apply pressure on Russian forces in Russian-occupied Crimea.",
                &[("Crimea", "RU", "full", None)],
            ),
            (
                "Kherson, the only regional capital that Russia has captured, is under pressure.",
                &[("Kherson", "RU", "full", None)],
            ),
            (
                "They found graves in Izium, a town recently liberated by Ukrainian troops.",
                &[("Izium", "UA", "full", None)],
            ),
            (
                "The liberation of Kherson in November changed the war.",
                &[("Kherson", "UA", "full", None)],
            ),
            (
                "Kyiv will not give up the occupied areas of Donbas.",
                &[("Donbas", "RU", "partial", None)],
            ),
            // must not
            ("Russia's goal is the liberation of Donbas.", &[]),
            ("Ukraine set up a platform for the de-occupation of Crimea.", &[]),
            ("Russia would like to capture Kherson.", &[]),
            ("Civilians were taken from Mariupol to Russia.", &[]),
            ("Kupiansk could fall within weeks, analysts warned.", &[]),
            ("Bakhmut is about to fall.", &[]),
            (
                "Russian forces shelled Kupiansk. They shelled the town again on Friday.",
                &[],
            ),
            (
                "Russian troops tried to capture Chasiv Yar. They failed to take the town.",
                &[],
            ),
            ("Civilians fled Bakhmut. The town was struck by missiles.", &[]),
            ("Zelensky visited Kherson. He toured the city.", &[]),
            (
                "Russian forces captured Avdiivka. Was the town lost because of delays?",
                &[("Avdiivka", "RU", "full", None)],
            ),
            (
                "Ukrainian troops hold Pokrovsk. Russia plans to capture the city by May.",
                &[("Pokrovsk", "UA", "full", None)],
            ),
        ]);
    }

    #[test]
    fn english_denials() {
        let got = claims_of(
            "Ukraine's General Staff denied Russian claims that Kupiansk had been captured.",
        );
        assert_eq!(
            got,
            vec![("Kupiansk".to_string(), "RU", "full", Some("UA"), true)]
        );
    }

    #[test]
    fn english_not_claims() {
        check(&[
            (
                "Russian forces shelled Pokrovsk overnight, killing two civilians.",
                &[],
            ),
            ("Zelensky visited troops in Kupiansk on Friday.", &[]),
            ("Fierce fighting continues near Pokrovsk.", &[]),
            ("Russian troops are advancing towards Kostiantynivka.", &[]),
            (
                "Russia plans to capture Kramatorsk by the end of the year.",
                &[],
            ),
            (
                "If Russian forces take Pokrovsk, Myrnohrad will be next.",
                &[],
            ),
            ("Has Russia captured Pokrovsk?", &[]),
            (
                "Myrnohrad and Pokrovsk are on the brink of falling into Russian hands.",
                &[],
            ),
            (
                "Ukrainian units withdrew to avoid encirclement near Pokrovsk.",
                &[],
            ),
            (
                "Ukraine could lose Pokrovsk within weeks, analysts warned.",
                &[],
            ),
            ("Russian troops tried to capture Chasiv Yar in April.", &[]),
            (
                "The fighting on the Pokrovsk direction has intensified.",
                &[],
            ),
            ("Officials said Kramatorsk would be cleared of mines.", &[]),
        ]);
    }

    #[test]
    fn ukrainian_claims() {
        check(&[
            (
                "Сили оборони звільнили Куп'янськ, повідомив Генштаб ЗСУ.",
                &[("Kupiansk", "UA", "full", Some("UA"))],
            ),
            (
                "Російські війська зайшли в Покровськ, написала народна депутатка Мар'яна Безугла.",
                &[("Pokrovsk", "RU", "partial", Some("UA"))],
            ),
            (
                "Українські військові відійшли з Авдіївки.",
                &[("Avdiivka", "RU", "full", None)],
            ),
            (
                "Мирноград перебуває в оточенні.",
                &[("Myrnohrad", "RU", "encircled", None)],
            ),
            ("Росіяни обстріляли Покровськ.", &[]),
            ("Бої тривають поблизу Покровська.", &[]),
            ("Ворог намагається оточити Мирноград.", &[]),
            ("Чи захопили росіяни Покровськ?", &[]),
        ]);
    }

    #[test]
    fn russian_claims() {
        check(&[
            (
                "Минобороны России сообщило об освобождении Красноармейска.",
                &[("Pokrovsk", "RU", "full", Some("RU"))],
            ),
            (
                "Российские войска вошли в Купянск.",
                &[("Kupiansk", "RU", "partial", None)],
            ),
            (
                "ВСУ оставили Угледар, заявили в Минобороны РФ.",
                &[("Vuhledar", "RU", "full", Some("RU"))],
            ),
            ("Российские войска наносят удары по Покровску.", &[]),
            ("Бои идут в районе Покровска.", &[]),
            ("ВСУ пытаются отбить Работино.", &[]),
            ("Если ВСУ оставят Покровск, фронт сдвинется.", &[]),
        ]);
    }

    #[test]
    fn date_is_the_sentence_day_else_publication() {
        let text =
            "On November 4, Russian forces captured Pokrovsk. Russian forces captured Myrnohrad.";
        let places = places::find_places(text, Gazetteer::builtin());
        let published = NaiveDate::from_ymd_opt(2025, 11, 6);
        let dates = find_dates(text, published);
        let claims = find_claims(text, &places, &[], &dates, published);
        assert_eq!(claims.len(), 2);
        assert_eq!(claims[0].date, NaiveDate::from_ymd_opt(2025, 11, 4));
        assert_eq!(claims[1].date, published);
        for c in &claims {
            assert_eq!(&text[c.start..c.end], c.sentence);
        }
    }

    #[test]
    fn sentences_keep_initials_and_abbreviations() {
        let text = "Gen. V. Gerasimov said so. Then \"it fell.\" Next\nline";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Gen. V. Gerasimov said so.",
                "Then \"it fell.\"",
                "Next",
                "line"
            ]
        );
    }

    /// Every match of every trigger contains a word start the gate finds:
    /// on the bundled corpus, the table sentences, upper-case and
    /// capitalised Cyrillic, and the news texts of `../shared` when present.
    #[test]
    fn gate_passes_every_trigger() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = vec![
            "ЗВІЛЬНИЛИ КУП'ЯНСЬК. Звільнено Куп'янськ. Окружён Покровск. Russian-occupied Melitopol, semi-encircled Avdiivka, de-occupied Kherson.".into(),
        ];
        for entry in walkdir::WalkDir::new(root.join("corpus")).sort_by_file_name() {
            let entry = entry.expect("corpus entry");
            if entry.file_type().is_file() {
                let bytes = std::fs::read(entry.path()).expect("corpus file");
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
        let news = root.join("../shared/data/ukraine-war-news/articles.jsonl");
        match std::fs::read_to_string(&news) {
            Ok(raw) => texts.extend(raw.lines().filter_map(|l| {
                serde_json::from_str::<serde_json::Value>(l)
                    .ok()
                    .and_then(|a| a["text"].as_str().map(String::from))
            })),
            Err(_) => eprintln!("gate test: ../shared news absent, corpus only"),
        }
        let mut matches = 0;
        for text in &texts {
            let starts = trigger_starts(text, &LEX);
            for (i, t) in LEX.triggers.iter().enumerate() {
                for m in t.re.find_iter(text) {
                    matches += 1;
                    assert!(
                        starts.iter().any(|&(at, mask)| {
                            at >= m.start() && at < m.end() && mask & (1 << i) != 0
                        }),
                        "the gate misses trigger {:?} after {:?}",
                        m.as_str(),
                        text[..m.start()].chars().rev().take(60).collect::<String>()
                    );
                }
            }
        }
        assert!(matches > 100, "{matches} trigger matches");
    }

    #[test]
    fn windows_end_and_start_at_word_edges() {
        let s = "Russian troops withdrew from the town near Pokrovsk";
        assert_eq!(head(s, 10), "Russian troops");
        assert_eq!(head(s, 500), s);
        assert_eq!(tail(s, 12), " near Pokrovsk");
        assert_eq!(tail("Київ і Покровськ", 9), " Покровськ");
        assert_eq!(head("Київ і Покровськ", 3), "Київ");
    }

    #[test]
    fn register_keys_match_other_spellings() {
        assert_eq!(register_side(&person_key("Dmitry Peskov")), Some(Side::Ru));
        assert_eq!(register_side(&person_key("Ігор Мосійчук")), Some(Side::Ua));
        assert_eq!(register_side(&person_key("Someone Unknown")), None);
    }
}
