//! The gate: one Aho-Corasick automaton over the stems of every trigger,
//! finding where a trigger could start a word before any regex runs.

use super::*;

/// The gate's automaton over the triggers' stems, and for each of its
/// patterns the bit set of the triggers that stem stands for.
pub(super) fn build_gate(triggers: &[Trigger]) -> (AhoCorasick, Vec<u64>) {
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
pub(super) fn trigger_starts(text: &str, lex: &Lexicon) -> Vec<(usize, u64)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match of every trigger contains a word start the gate finds:
    /// on the bundled corpus, the table sentences, upper-case and
    /// capitalised Cyrillic, and the news texts of `../shared` when present.
    #[test]
    fn gate_passes_every_trigger() {
        let texts: Vec<String> = vec![
            "ЗВІЛЬНИЛИ КУП'ЯНСЬК. Звільнено Куп'янськ. Окружён Покровск. Russian-occupied Melitopol, semi-encircled Avdiivka, de-occupied Kherson.".into(),
        ];
        let texts = super::super::corpus_and_news_texts(texts, "gate");
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
}
