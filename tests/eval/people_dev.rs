//! Person extraction on a hand-annotated development set of 40 Ukrainian and
//! Russian texts (issue 12), skipped with a notice when `../shared` is absent.
//!
//! The texts stay in `../shared` (they have no open licence); the repository
//! holds only the annotations, in `tests/eval/data/`:
//!
//! - `people_dev_texts.tsv`: the 40 texts, each as `<folder>/<file>:<line>`
//!   (a 1-based line of a JSONL file of `../shared/data`), with its record id,
//!   language and length in characters (checked, so a changed copy of the
//!   data fails loudly instead of scoring against stale offsets);
//! - `people_dev.tsv`: every person mention: text, byte offsets into the
//!   record's `text` field (checked against the surface), the surface as
//!   written, the person's canonical English name, and an `optional` flag.
//!
//! Annotation rules: a mention is the name as written, with initials and
//! patronymic but without titles or ranks ("Президента України Володимира
//! Зеленського" → "Володимира Зеленського"); every whole-word occurrence
//! counts, in any case form, surname-only and lower-case ("путіна") ones too.
//! Institutions, places, things and adjectives ("путінський") are not people.
//! A name inside the name of an institution, event or concept ("ІМЭМО им.
//! Примакова", "вікно Овертона", "група Єрмака-Макфола") is *optional*: found
//! or not, it neither helps nor hurts. Canonical names are the usual English
//! forms (Volodymyr Zelensky, Vitali Klitschko, Sergey Lavrov, Andrii Sybiha).
//!
//! Figures printed (run with `--nocapture`; `PEOPLE_EVAL_VERBOSE=1` lists
//! every false positive and false negative with its context):
//!
//! - person P/R/F1 per (text, person): a person found in a text matches a
//!   gold person of that text when its identity key, or the key of its
//!   display name, equals `person_key` of the gold canonical name. A found
//!   person matching no gold person is a false positive (so one person split
//!   into two identities costs a false positive); a gold person matched by
//!   no found person is a false negative. For information, the same at the
//!   level of surnames (`surname_of_key`);
//! - mention P/R/F1: exact byte spans, and exact spans whose person matches;
//! - `mentions` article-level P/R/F1 for the 15 gold people in most texts:
//!   for each, the texts where `frontline mentions "<canonical name>"` would
//!   list the text (the same `person_filter` and `matches_key`) against the
//!   texts where the person is annotated, summed over the 15.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use frontline::extract::extract;
use frontline::extract::gazetteer::Gazetteer;
use frontline::extract::people::{person_key, surname_of_key};
use frontline::model::{Article, Entities, Format};
use frontline::service::people::person_filter;

use super::score::{shared_dir, Score};

impl Score {
    fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    pub(super) fn line(&self) -> String {
        format!(
            "P {:.3} R {:.3} F1 {:.3} (tp {}, fp {}, fn {})",
            self.p(),
            self.r(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

/// One annotated text.
pub(super) struct DevText {
    /// `<folder>/<file>:<line>`.
    pub(super) reference: String,
    /// `uk`, `ru` or `en`.
    pub(super) lang: String,
    pub(super) text: String,
    pub(super) entities: Entities,
}

/// One gold mention.
struct Gold {
    text: String,
    start: usize,
    end: usize,
    surface: String,
    person: String,
    optional: bool,
}

/// The data file beside this test.
pub(super) fn data_file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/eval/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Tab-separated rows of a data file, comments and blank lines skipped.
pub(super) fn rows(raw: &str) -> impl Iterator<Item = Vec<&str>> {
    raw.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The texts, read from `../shared` and extracted with the bundled gazetteer.
pub(super) fn load_texts(shared: &Path, set: &str) -> Vec<DevText> {
    let mut files: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for cols in rows(&data_file(&format!("{set}_texts.tsv"))) {
        let [reference, id, lang, chars] = cols[..] else {
            panic!("bad row in {set}_texts.tsv: {cols:?}");
        };
        let (file, line) = reference
            .rsplit_once(':')
            .expect("text reference has a line");
        let line: usize = line.parse().expect("line number");
        let lines = files.entry(file.to_string()).or_insert_with(|| {
            let path = shared.join("data").join(file);
            std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
                .lines()
                .map(str::to_string)
                .collect()
        });
        let rec: serde_json::Value =
            serde_json::from_str(&lines[line - 1]).expect("a JSON record on the annotated line");
        assert_eq!(rec["id"].as_str(), Some(id), "{reference}: another record");
        let text = rec["text"].as_str().expect("a text field").to_string();
        assert_eq!(
            text.chars().count().to_string(),
            chars,
            "{reference}: the text changed since it was annotated"
        );
        let article = Article {
            id: reference.to_string(),
            path: file.to_string(),
            format: Format::Jsonl,
            title: None,
            published: None,
            source: None,
            url: None,
            lang: Some(lang.to_string()),
            body: text.clone(),
        };
        let entities = extract(&article, Gazetteer::builtin());
        out.push(DevText {
            reference: reference.to_string(),
            lang: lang.to_string(),
            text,
            entities,
        });
    }
    out
}

/// The gold mentions, each checked against its text.
fn load_gold(texts: &[DevText], set: &str) -> Vec<Gold> {
    let by_ref: HashMap<&str, &DevText> = texts.iter().map(|t| (t.reference.as_str(), t)).collect();
    let mut gold = Vec::new();
    for cols in rows(&data_file(&format!("{set}.tsv"))) {
        let [text, start, end, surface, person, optional] = cols[..] else {
            panic!("bad row in {set}.tsv: {cols:?}");
        };
        let g = Gold {
            text: text.to_string(),
            start: start.parse().expect("start offset"),
            end: end.parse().expect("end offset"),
            surface: surface.to_string(),
            person: person.to_string(),
            optional: optional == "1",
        };
        let t = by_ref
            .get(text)
            .unwrap_or_else(|| panic!("{text} is not in {set}_texts.tsv"));
        assert_eq!(
            t.text.get(g.start..g.end),
            Some(surface),
            "{text}: offsets {}..{} do not hold {surface:?}",
            g.start,
            g.end
        );
        gold.push(g);
    }
    gold
}

/// A short stretch of text around a byte span, on one line.
pub(super) fn context(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(60);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 60).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!(
        "…{}[{}]{}…",
        &text[a..start],
        &text[start..end],
        &text[end..b]
    )
    .replace('\n', " ")
}

/// A gold person of one text: key, and whether every mention is optional.
struct GoldPerson {
    key: String,
    optional: bool,
    first: (usize, usize),
}

fn gold_people<'a>(gold: &'a [Gold], text: &str) -> BTreeMap<&'a str, GoldPerson> {
    let mut people: BTreeMap<&str, GoldPerson> = BTreeMap::new();
    for g in gold.iter().filter(|g| g.text == text) {
        let p = people
            .entry(g.person.as_str())
            .or_insert_with(|| GoldPerson {
                key: person_key(&g.person),
                optional: true,
                first: (g.start, g.end),
            });
        if !g.optional && p.optional {
            p.optional = false;
            p.first = (g.start, g.end);
        }
    }
    people
}

/// Whether a found person (key, display name) is the gold person with `key`.
fn same_person(found_key: &str, found_name: &str, key: &str) -> bool {
    found_key == key || person_key(found_name) == key
}

fn same_surname(found_key: &str, found_name: &str, key: &str) -> bool {
    let s = surname_of_key(key);
    surname_of_key(found_key) == s || surname_of_key(&person_key(found_name)) == s
}

/// Person-level score, with `same` deciding identity, over the texts in
/// language `only` (all when `None`).
fn person_score(
    texts: &[DevText],
    gold: &[Gold],
    same: fn(&str, &str, &str) -> bool,
    only: Option<&str>,
    verbose: bool,
) -> Score {
    let mut score = Score::default();
    for t in texts.iter().filter(|t| only.is_none_or(|l| t.lang == l)) {
        let people = gold_people(gold, &t.reference);
        let mut matched: BTreeSet<&str> = BTreeSet::new();
        for p in &t.entities.people {
            let hits: Vec<&str> = people
                .iter()
                .filter(|(_, g)| same(&p.key, &p.name, &g.key))
                .map(|(name, _)| *name)
                .collect();
            if hits.is_empty() {
                score.fp += 1;
                if verbose {
                    let m = &p.mentions[0];
                    println!(
                        "  FP {} key={} name={:?} spellings={:?}: {}",
                        t.reference,
                        p.key,
                        p.name,
                        p.mentions
                            .iter()
                            .map(|m| m.text.as_str())
                            .collect::<BTreeSet<_>>(),
                        context(&t.text, m.start, m.end)
                    );
                }
            }
            matched.extend(hits);
        }
        for (name, g) in &people {
            if g.optional {
                continue;
            }
            if matched.contains(name) {
                score.tp += 1;
            } else {
                score.fn_ += 1;
                if verbose {
                    println!(
                        "  FN {} {name:?} (key {}): {}",
                        t.reference,
                        g.key,
                        context(&t.text, g.first.0, g.first.1)
                    );
                }
            }
        }
    }
    score
}

/// Mention-level scores: exact spans, and exact spans with the right person.
fn mention_scores(texts: &[DevText], gold: &[Gold], verbose: bool) -> (Score, Score) {
    let (mut span, mut ident) = (Score::default(), Score::default());
    for t in texts {
        let golds: HashMap<(usize, usize), &Gold> = gold
            .iter()
            .filter(|g| g.text == t.reference)
            .map(|g| ((g.start, g.end), g))
            .collect();
        let mut found: HashMap<(usize, usize), (&str, &str)> = HashMap::new();
        for p in &t.entities.people {
            for m in &p.mentions {
                found.insert((m.start, m.end), (p.key.as_str(), p.name.as_str()));
            }
        }
        for (s, (key, name)) in &found {
            match golds.get(s) {
                Some(g) if g.optional => {}
                Some(g) => {
                    span.tp += 1;
                    if same_person(key, name, &person_key(&g.person)) {
                        ident.tp += 1;
                    } else {
                        ident.fp += 1;
                        ident.fn_ += 1;
                    }
                }
                None => {
                    span.fp += 1;
                    ident.fp += 1;
                    if verbose {
                        println!(
                            "  mention FP {} {:?} key={key}: {}",
                            t.reference,
                            &t.text[s.0..s.1],
                            context(&t.text, s.0, s.1)
                        );
                    }
                }
            }
        }
        for (s, g) in &golds {
            if !g.optional && !found.contains_key(s) {
                span.fn_ += 1;
                ident.fn_ += 1;
                if verbose {
                    println!(
                        "  mention FN {} {:?} ({}): {}",
                        t.reference,
                        g.surface,
                        g.person,
                        context(&t.text, s.0, s.1)
                    );
                }
            }
        }
    }
    (span, ident)
}

/// Article-level score of `mentions "<name>"` for the 15 gold people found
/// in most texts.
fn mentions_score(texts: &[DevText], gold: &[Gold], verbose: bool) -> Score {
    // Texts (required and optional) and mention counts per gold person.
    let mut required: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut optional: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for g in gold {
        let set = if g.optional {
            &mut optional
        } else {
            &mut required
        };
        set.entry(&g.person).or_default().insert(&g.text);
        *count.entry(&g.person).or_default() += usize::from(!g.optional);
    }
    let mut ranked: Vec<(&str, usize, usize)> = required
        .iter()
        .map(|(p, ts)| (*p, ts.len(), count[p]))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    let mut total = Score::default();
    for (name, n_texts, _) in ranked.into_iter().take(15) {
        let filter = person_filter(name).expect("a canonical name reads as a name");
        let listed: BTreeSet<&str> = texts
            .iter()
            .filter(|t| t.entities.people.iter().any(|p| filter.matches_key(&p.key)))
            .map(|t| t.reference.as_str())
            .collect();
        let want = &required[name];
        let maybe = optional.get(name);
        let mut s = Score::default();
        for t in &listed {
            if want.contains(t) {
                s.tp += 1;
            } else if !maybe.is_some_and(|m| m.contains(t)) {
                s.fp += 1;
            }
        }
        s.fn_ = want.len() - s.tp;
        if verbose {
            println!(
                "  mentions {name:?} (gold {n_texts} texts, key {}): {}",
                filter.key,
                s.line()
            );
        }
        total.add(s);
    }
    total
}

// Floors a little below the figures measured when the set was annotated
// (person F1 0.622: P 0.649 R 0.598; `mentions` article F1 0.842: P 1.000
// R 0.727). Issue 12's target is 0.90 for both: the people work raises the
// figures, and these floors with them.
//
// Issue 12, round "ppl": person F1 0.786 → 0.842 (P 0.850 R 0.833),
// `mentions` article F1 0.927 → 0.965; floors raised below those.
//
// Issue 12, round "ppl2" (Cyrillic rules from case agreement, official name
// order, ranks as roles): person F1 0.861 → 0.931 (P 0.940 R 0.922; uk
// 0.956, ru 0.837), `mentions` article F1 0.965 → 0.977.
//
// Issue 12, round "ppl3" (titles in every gender, number and case with their
// complements, particles, case breaks, unknown given names in the surname's
// case, Latin phrases in Cyrillic text): person F1 0.931 → 0.950 (P 0.960
// R 0.941; uk 0.969, ru 0.884), exact mention spans 0.978 → 0.993.
//
// This round (foreign given names written by sound in Cyrillic, given names
// joined by a conjunction sharing a surname, kin words and plural past verbs
// that open a sentence): person F1 0.956 → 0.990 (uk 1.000, ru 0.955),
// `mentions` article F1 0.989 → 1.000.
const FLOOR_PERSON_F1: f64 = 0.96;
const FLOOR_MENTIONS_F1: f64 = 0.97;
// The held-out set (people_test) measured person F1 0.652 before the "ppl"
// round's rules and 0.744 after. Round "ppl2" read its errors to group them
// by cause (the rules were written for the classes, with table tests, and
// checked on the 271 addresses in neither set) and measured 1.000 after:
// it is no longer blind, so its floor only guards against a collapse.
const FLOOR_TEST_PERSON_F1: f64 = 0.85;

// The blind set (people_blind, round "ppl3"): 25 more addresses drawn with a
// fixed seed and annotated before that round changed any rule (procedure in
// the file's header). Measured first, before any rule change, at person F1
// 0.796 (P 0.685 R 0.949; tp 37, fp 17, fn 2), `mentions` article F1 1.000;
// after two gold corrections (file header) the same rules score 0.835
// (P 0.731 R 0.974; tp 38, fp 14, fn 1). Its errors were then read, so it
// is no longer blind either; after the round's rules it scores 0.963 (P 0.929
// R 1.000; tp 39, fp 3, fn 0).
const FLOOR_BLIND_PERSON_F1: f64 = 0.90;

// The English set (people_en, session 9): blind when measured first, before
// any rule change, at person F1 0.899 (P 0.874 R 0.925; tp 111, fp 16, fn 9),
// exact mention spans F1 0.971, `mentions` article F1 1.000. Its errors were
// then read and this session's English rules written from them (a noun
// naming a kind of thing, an English adjective leading a pair, "from Tim
// Lister" no village, a Polish case ending left by a translation, common
// Polish given names), so the later figure, 0.931 (P 0.912 R 0.950), is a
// development figure.
const FLOOR_EN_PERSON_F1: f64 = 0.90;

// The second English set (people_en2, session 10): blind when measured
// first, before any rule of that session, at person F1 0.912 (P 0.929 R
// 0.897; tp 104, fp 8, fn 12), exact mention spans F1 0.908 (P 0.942 R
// 0.875), `mentions` article F1 0.953. Its errors were then read and the
// session's rules written from those that generalise (surname-first East
// Asian names, all-caps headline names the register knows, …), so later
// figures are development figures.
const FLOOR_EN2_PERSON_F1: f64 = 0.88;

/// Loads one annotated set (`people_dev`, `people_test`, `people_blind` or
/// `people_en`), prints its
/// figures and returns (person, `mentions` article) scores; `None` when
/// `../shared` is absent.
fn run_set(set: &str, title: &str) -> Option<(Score, Score)> {
    let Some(shared) = shared_dir() else {
        println!("skipping {set}: ../shared not found");
        return None;
    };
    // The held-out sets list their errors only when asked by name
    // (`PEOPLE_EVAL_VERBOSE=people_test`): they are for measuring, not tuning.
    let verbose = std::env::var("PEOPLE_EVAL_VERBOSE")
        .is_ok_and(|v| set == "people_dev" && !v.starts_with("people_") || v == set);
    let texts = load_texts(&shared, set);
    let gold = load_gold(&texts, set);
    let pairs: BTreeSet<(&str, &str)> = gold
        .iter()
        .filter(|g| !g.optional)
        .map(|g| (g.text.as_str(), g.person.as_str()))
        .collect();
    println!(
        "{title}: {} texts, {} gold mentions, {} (text, person) pairs",
        texts.len(),
        gold.iter().filter(|g| !g.optional).count(),
        pairs.len()
    );
    let person = person_score(&texts, &gold, same_person, None, verbose);
    println!("person (text, identity key): {}", person.line());
    for lang in ["uk", "ru", "en"] {
        let n = texts.iter().filter(|t| t.lang == lang).count();
        if n == 0 {
            continue;
        }
        let s = person_score(&texts, &gold, same_person, Some(lang), false);
        println!("  {lang}, {n} texts: {}", s.line());
    }
    let surname = person_score(&texts, &gold, same_surname, None, false);
    println!(
        "person (text, surname only, for information): {}",
        surname.line()
    );
    let (span, ident) = mention_scores(&texts, &gold, verbose);
    println!("mentions, exact span: {}", span.line());
    println!("mentions, exact span and person: {}", ident.line());
    let mentions = mentions_score(&texts, &gold, verbose);
    println!(
        "`mentions` article level, 15 most frequent people: {}",
        mentions.line()
    );
    Some((person, mentions))
}

#[test]
fn people_dev() {
    let Some((person, mentions)) = run_set("people_dev", "uk/ru development set") else {
        return;
    };
    assert!(person.f1() >= FLOOR_PERSON_F1, "person F1 below floor");
    assert!(
        mentions.f1() >= FLOOR_MENTIONS_F1,
        "mentions article F1 below floor"
    );
}

/// The held-out set: 20 more addresses, annotated before the rules of this
/// round were written and never used to tune them. Its floor only guards
/// against a collapse; the figure to watch is the one printed.
#[test]
fn people_test() {
    let Some((person, _)) = run_set("people_test", "uk held-out test set") else {
        return;
    };
    assert!(
        person.f1() >= FLOOR_TEST_PERSON_F1,
        "held-out person F1 below floor"
    );
}

/// The blind set of round "ppl3": 25 addresses in neither set above, drawn
/// with a fixed seed and annotated before that round's rules were written.
#[test]
fn people_blind() {
    let Some((person, _)) = run_set("people_blind", "uk blind set") else {
        return;
    };
    assert!(
        person.f1() >= FLOOR_BLIND_PERSON_F1,
        "blind person F1 below floor"
    );
}

/// The English set (session 9): 30 English war-news articles, drawn with a
/// fixed seed and annotated by a reader who never saw frontline's output
/// (procedure in the file's header). Blind when first measured (person F1
/// 0.899); the session's English rules were then written from its errors,
/// so it is development data now. Its floor guards against a collapse.
#[test]
fn people_en() {
    let Some((person, mentions)) = run_set(
        "people_en",
        "English set (blind when first measured; its errors were read since)",
    ) else {
        return;
    };
    assert!(
        person.f1() >= FLOOR_EN_PERSON_F1,
        "English person F1 below floor"
    );
    assert!(
        mentions.f1() >= FLOOR_MENTIONS_F1,
        "English mentions article F1 below floor"
    );
}

/// The second English set (session 10): 30 other English articles, drawn
/// and annotated the same way before any rule of that session was written
/// (procedure in the file's header). Blind when first measured (person F1
/// 0.912); its errors were read since. Its errors are listed when asked by
/// name (`PEOPLE_EVAL_VERBOSE=people_en2`); its floor guards against a
/// collapse.
#[test]
fn people_en2() {
    let Some((person, _)) = run_set(
        "people_en2",
        "Second English set (blind when first measured; its errors were read since)",
    ) else {
        return;
    };
    assert!(
        person.f1() >= FLOOR_EN2_PERSON_F1,
        "second English person F1 below floor"
    );
}
