//! The trigger lexicons of English, Ukrainian and Russian: each control
//! phrase with its case and tense forms, kind, extent, place side and stems.

use super::*;

/// A trigger: its stems, regex (case-insensitive), kind, extent and where
/// the place stands.
fn t(stems: &'static [&'static str], s: &str, kind: Kind, extent: Extent, at: At) -> Trigger {
    Trigger {
        re: re(s),
        kind,
        extent,
        at,
        stems,
    }
}

pub(super) fn english() -> Vec<Trigger> {
    use At::*;
    use Extent::*;
    use Kind::*;
    vec![
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
        // Annexation in this war is Russian whoever the sentence's subject
        // is ("Ukraine condemned the annexation of Crimea"): an occupation
        // stated as done, with its object after ("annexed Crimea") or
        // before ("Crimea, which Moscow annexed", "Crimea was annexed").
        t(
            &["annex"],
            r"\b(?:annexed|annexing|annexation\s+of)\b",
            Occupied,
            Full,
            Both,
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
        // "parts of Donetsk and Luhansk regions occupied since 2014": the
        // participle after its place, dated.
        t(
            &["occup", "annex"],
            r"\b(?:occupied|annexed)\s+(?:since|in)\s+(?:19|20)\d\d\b",
            Occupied,
            Full,
            Before,
        ),
        t(
            &[
                "encircl", "surround", "cut", "pocket", "cauldron", "trapped",
            ],
            r"\b(?:encircled|surrounded|encircling|surrounding|encirclement|semi-encircled|cut\s+off|in\s+a\s+pocket|cauldron|trapped)\b",
            Encircle,
            Encircled,
            Both,
        ),
    ]
}

pub(super) fn ukrainian() -> Vec<Trigger> {
    use At::*;
    use Extent::*;
    use Kind::*;
    vec![
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
        // анексія Криму, Росія анексувала Крим: Russian, like "annexed".
        t(
            &["анекс"],
            r"\b(?:анексі\w*|анексува\w*|анексован\w*)\b",
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
    ]
}

pub(super) fn russian() -> Vec<Trigger> {
    use At::*;
    use Extent::*;
    use Kind::*;
    vec![
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
        // аннексия Крыма, Россия аннексировала Крым
        t(
            &["аннекс"],
            r"\b(?:аннекси\w*|аннексирова\w*)\b",
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
    ]
}
