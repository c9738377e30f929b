//! Forms two paradigms share equally ("о Сергее Шпирне" is Шпирн's or
//! Шпирна's prepositional, see `key::person_key_readings`): such a mention
//! joins the person the same text names in one of its other readings,
//! instead of standing as a second person.

use super::key::person_key_readings;
use crate::extract::translit::is_cyrillic;
use crate::model::Person;

/// Join each person whose every Cyrillic mention also reads as the key of
/// another person of the same text into that person. A person is joined
/// only when all its mentions agree on the other key, and never into a
/// person that would itself be joined elsewhere.
pub(super) fn join_other_readings(mut people: Vec<Person>) -> Vec<Person> {
    if people.len() < 2 {
        return people;
    }
    let targets: Vec<Option<usize>> = people
        .iter()
        .enumerate()
        .map(|(i, p)| other_reading(p, i, &people))
        .collect();
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (i, t) in targets.iter().enumerate() {
        if let Some(j) = *t {
            // Not into a person that moves too (no chains, no swaps).
            if targets[j].is_none() {
                moves.push((i, j));
            }
        }
    }
    if moves.is_empty() {
        return people;
    }
    for &(i, j) in &moves {
        let mentions = std::mem::take(&mut people[i].mentions);
        people[j].mentions.extend(mentions);
        people[j].mentions.sort_by_key(|m| m.start);
    }
    people.retain(|p| !p.mentions.is_empty());
    // Keep the promise of `find_people`: in order of first mention.
    people.sort_by_key(|p| p.mentions.first().map_or(usize::MAX, |m| m.start));
    people
}

/// The other person of `people` that every Cyrillic mention of `p` also
/// reads as, when there is exactly one.
fn other_reading(p: &Person, me: usize, people: &[Person]) -> Option<usize> {
    // Readings differ in endings, so a person the mention could join shares
    // the first letters of its surname: skip the morphology when none does.
    fn surname(key: &str) -> &[u8] {
        key.split(':').next().unwrap_or(key).as_bytes()
    }
    let mine = surname(&p.key);
    let shares_head = |other: &[u8]| {
        let n = mine.len().min(other.len()).min(4);
        n > 0 && mine[..n] == other[..n]
    };
    if !people
        .iter()
        .enumerate()
        .any(|(j, q)| j != me && shares_head(surname(&q.key)))
    {
        return None;
    }
    let mut found: Option<usize> = None;
    for m in &p.mentions {
        if !m.text.chars().any(is_cyrillic) {
            return None;
        }
        let readings = person_key_readings(&m.text);
        let hits: Vec<usize> = people
            .iter()
            .enumerate()
            .filter(|(j, q)| *j != me && q.key != p.key && readings[1..].contains(&q.key))
            .map(|(j, _)| j)
            .collect();
        match (hits.as_slice(), found) {
            ([j], None) => found = Some(*j),
            ([j], Some(f)) if *j == f => {}
            _ => return None,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::find_people;

    fn names(text: &str) -> Vec<(String, usize)> {
        find_people(text, &[])
            .into_iter()
            .map(|p| (p.key, p.mentions.len()))
            .collect()
    }

    #[test]
    fn a_shared_form_joins_the_person_the_text_names() {
        // "о Сергее Шпирне" is the prepositional of Шпирн and of Шпирна:
        // it joins whichever of the two the text names.
        for (text, key) in [
            (
                "Сергей Шпирн выступил. Мы говорили о Сергее Шпирне вчера.",
                "shpirn:serhiy",
            ),
            (
                "Сергей Шпирна выступил. Мы говорили о Сергее Шпирне вчера.",
                "shpirna:serhiy",
            ),
        ] {
            let got = names(text);
            assert_eq!(got, [(key.to_string(), 2)], "{text}");
        }
    }

    #[test]
    fn different_people_stay_apart() {
        // Must not: other given names, or a reading nobody in the text has.
        let got = names("Олена Зеленська і Володимир Зеленський прибули до Львова.");
        assert_eq!(got.len(), 2, "{got:?}");
        let got = names("Мы говорили о Сергее Шпирне вчера.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn joined_people_stay_in_order_of_first_mention() {
        let got = names(
            "Мы говорили о Сергее Шпирне вчера. Иван Петров выступил. Сергей Шпирна ответил.",
        );
        let keys: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["shpirna:serhiy", "petrov:ivan"], "{got:?}");
    }
}
