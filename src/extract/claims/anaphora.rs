//! Anaphora: "the town" standing for a town named before.

use super::*;

/// Words for a settlement that can stand for one named before ("the
/// town", "місто", "город"): the gate of the anaphora rule.
pub(super) static ANAPHOR: LazyLock<AhoCorasick> = LazyLock::new(|| {
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
pub(super) fn anaphor_target(
    ctx: &Ctx<'_>,
    clause: &Range<usize>,
    r: &Range<usize>,
    t: &Trigger,
) -> bool {
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
