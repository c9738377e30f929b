//! The lexicon: trigger and side-cue types, and the cue, attribution and
//! clause regexes of the three languages (the triggers are in `triggers`).

use super::*;

/// What a trigger says about the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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
pub(super) enum At {
    /// After it: an active verb's object ("captured X").
    After,
    /// Before it: a passive's or state's subject ("X was captured").
    Before,
    /// Either side.
    Both,
}

pub(super) struct Trigger {
    pub(super) re: Regex,
    pub(super) kind: Kind,
    pub(super) extent: Extent,
    pub(super) at: At,
    /// Lower-case stems, letters only, one of which starts a word in
    /// every match of `re` (checked by `gate_passes_every_trigger`).
    pub(super) stems: &'static [&'static str],
}

/// A side cue: words naming one side's forces, state or people.
pub(super) struct Cue {
    pub(super) range: Range<usize>,
    pub(super) side: CueSide,
    /// Forces or units ("Ukrainian troops"), not a state or an adjective.
    pub(super) army: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueSide {
    Is(Side),
    /// "our troops", "наші війська": the claimant's (or the text's) side.
    Ours,
    /// "the enemy", "ворог", "противник": against the claimant's side.
    Enemy,
}

pub(super) struct Lexicon {
    pub(super) triggers: Vec<Trigger>,
    /// One automaton over the stems of every trigger (lower case,
    /// Capitalised and UPPER case: ASCII letters match in any case,
    /// Cyrillic needs its variants).
    pub(super) gate: AhoCorasick,
    /// For each pattern of `gate`, the bit set of the triggers it stands for.
    pub(super) gate_triggers: Vec<u64>,
    /// Side cues, anchored at a word start (see [`CUE_RU`]).
    pub(super) cue_ru: Regex,
    pub(super) cue_ua: Regex,
    pub(super) cue_ours: Regex,
    pub(super) cue_enemy: Regex,
    /// A nationality adjective that describes a place ("the Russian town
    /// of Sudzha"), not a side acting.
    pub(super) place_attr: Regex,
    pub(super) army_word: Regex,
    /// Anchored at a word start (see [`MODAL`]).
    pub(super) modal: Regex,
    /// Anchored at a word start (see [`DENIAL`]).
    pub(super) denial: Regex,
    pub(super) partial: Regex,
    /// "the whole of", "entire", "fully": a region held whole.
    pub(super) whole: Regex,
    pub(super) blocked_before: Regex,
    pub(super) metonym: Regex,
    pub(super) connector: Regex,
    pub(super) located_in: Regex,
    pub(super) unknown_name: Regex,
    pub(super) in_before: Regex,
    pub(super) pre_partial: Regex,
    pub(super) attributive: Regex,
    pub(super) according: Regex,
    pub(super) to_before: Regex,
    pub(super) share_before_in: Regex,
    pub(super) compass_of: Regex,
    pub(super) relative: Regex,
    /// "the city Ukraine calls Bakhmut": a naming word, anchored at a word
    /// start ([`NAMING_WORD`]), and one opening the text ([`NAMING_HEAD`]);
    /// see `naming`.
    pub(super) naming_word: Regex,
    pub(super) naming_head: Regex,
    pub(super) preposition_before: Regex,
    pub(super) cyr_passive: Regex,
    pub(super) blocked_after: Regex,
    pub(super) clause_cut: Regex,
    pub(super) passive_aux: Regex,
    pub(super) by_agent: Regex,
    pub(super) attribution: Regex,
    /// `attribution` anchored at a word start (see [`CUE_RU`]).
    pub(super) attribution_at: Regex,
    pub(super) bodies: Vec<(Regex, Option<Side>)>,
    pub(super) pronoun: Regex,
    pub(super) ministry_anaphor: Regex,
    pub(super) this_confirmed: Regex,
    pub(super) role_ru: Regex,
    pub(super) role_ua: Regex,
    pub(super) role_other: Regex,
}

/// The side cues' alternatives. Each starts with a word character, so a
/// cue starts at a word start: the lexicon's `cue_*` regexes are anchored
/// there (`^…\b`) and `cues` tries them at word starts only, which is what
/// `\b…\b` over the whole sentence matches (`cue_scan_matches_the_unanchored_regex`).
pub(super) const CUE_RU: &str = r"(?:russian|russia's|russia|moscow's|moscow|kremlin|wagner|chechen|pro-russian|russian-backed|separatists?|rebels?|russians|occupiers|invaders|rashists|dpr|lpr|российск\w*|россии|россия|рф|вс\s*рф|армия\s+россии|армии\s+россии|российская|москв\w*|вагнер\w*|днр|лнр|русск\w+\s+войск\w*|російськ\w*|росії|росія|окупант\w*|загарбник\w*|рашист\w*|орки|орків)";
pub(super) const CUE_UA: &str = r"(?:ukrainians|ukrainian|ukraine's|ukraine|kyiv's|kyiv|kiev's|kiev|afu|zsu|azov|українськ\w*|україни|україна|зсу|сили\s+оборони|сил\s+оборони|захисник\w*|украинск\w*|украины|украина|всу|киев\w*|київ\w*)";
pub(super) const CUE_OURS: &str = r"(?:our|its|their|наш\w*|свої|свои)\s+(?:own\s+)?(?:troops|forces|units|soldiers|fighters|army|military|defenders|військ\w*|підрозділ\w*|бійц\w*|захисник\w*|войск\w*|подразделени\w*|бойц\w*|военн\w*)";
pub(super) const CUE_ENEMY: &str =
    r"(?:the\s+enemy|enemy\s+(?:troops|forces|units)|ворог\w*|противник\w*|супротивник\w*)";
/// Attribution words ("said", "according to", "заявив"), each starting with
/// a word character like the side cues.
pub(super) const ATTRIBUTION: &str = r"(?:said|says|say|saying|claimed|claims|claim|announced|announces|reported|reports|report|stated|states|wrote|writes|told|confirmed|confirms|according\s+to|insisted|insists|alleged|alleges|declared|declares|added|noted|posted|posting|showed|conceded|concedes|asserted|acknowledged|admitted|warned|denied|denies|rejected|rejects|refuted|dismissed|disputed|спростува\w*|опроверг\w*|заявил\w*|заявля\w*|сообщил\w*|сообща\w*|написал\w*|пишут|пишет|по\s+словам|по\s+данным|утвержда\w*|подтвердил\w*|подтвержда\w*|объявил\w*|рассказал\w*|отметил\w*|доложил\w*|признал\w*|заявив\w*|заявил\w*|заявляє|заявляють|повідомив\w*|повідомил\w*|повідомля\w*|написав\w*|написала|за\s+словами|за\s+даними|стверджу\w*|підтвердив\w*|підтвердил\w*|оголосив\w*|оголосил\w*|розповів\w*|зазначив\w*|визнав\w*|визнал\w*|refused)";
/// Plans, conditions, wishes and negations ("would", "plans to", "не"),
/// and denials ("denied", "спростували"): anchored at word starts too.
pub(super) const MODAL: &str = r"(?:would|could|might|may|will|shall|should|must|plans?|planned|planning|aims?|aimed|aiming|goals?|objectives?|intends?|intended|seeks?|seeking|sought|try|tries|trying|tried|attempts?|attempting|attempted|threat|threatens?|threatening|brink|verge|risk|risks|if|unless|whether|hopes?|hoped|wants?|wanted|ready\s+to|prevent|preventing|failed|failure|fail|avoid|avoiding|not|n't|never|no|neither|nor|demands?|demanding|calls?\s+for|need\s+to|order\s+to|ordered|expected|expects|likely|possible|possibly|potential|bid\s+to|push\s+to|aimed|would-be|tasked|task|tasks|instructed|before|until|prospect|chance|struggle\s+for|battle\s+for|fight\s+for|fighting\s+for|advance\s+on|drive\s+on|не|ни|нет|мог\w*|может|можуть|може|хотят|хочуть|хоче|хочет|планиру\w*|планую\w*|план\w*|пыта\w*|намага\w*|намерен\w*|має\s+намір|если|якщо|чтобы|щоб|угроз\w*|загроз\w*|ли|цель|мета|задача|избежать|уникнути|спроб\w*|попыт\w*|бы|б|будет|буде|будуть|будут|ризик|риск)";
pub(super) const DENIAL: &str = r"(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|deni(?:al|als)|fake|false|спростув\w*|спросту\w*|заперечу\w*|заперечи\w*|опроверг\w*|опровер\w*|отрица\w*|фейк\w*)";
/// A naming word ("calls", "называют"): the text closes with one when at
/// most 12 characters, none a full stop, follow it (see `naming`).
pub(super) const NAMING_WORD: &str = r"(?:call|calls|called|refer|refers|referred|name|names|named|spell|spells|называ\w*|назива\w*|именуе\w*|іменує\w*)";
/// A naming word right at the start of the text.
pub(super) const NAMING_HEAD: &str =
    r"^(?:\s+(?:calls?|refers?|names?|spells?|называ\w*|назива\w*)\b)";

pub(super) fn re(s: &str) -> Regex {
    // The lexicon is fixed at compile time and covered by tests.
    Regex::new(&format!("(?i){s}")).expect("claims lexicon regex")
}

pub(super) static LEX: LazyLock<Lexicon> = LazyLock::new(build_lexicon);

fn build_lexicon() -> Lexicon {
    // Each trigger lists stems one of which starts a word inside every
    // match of its regex: the gate (`Lexicon::gate`) runs a trigger's
    // regex only on a sentence where one of its stems starts a word.
    let mut triggers = triggers::english();
    triggers.extend(triggers::ukrainian());
    triggers.extend(triggers::russian());
    let (gate, gate_triggers) = build_gate(&triggers);
    Lexicon {
        triggers,
        gate,
        gate_triggers,
        cue_ru: re(&format!(r"^{CUE_RU}\b")),
        cue_ua: re(&format!(r"^{CUE_UA}\b")),
        cue_ours: re(&format!(r"^{CUE_OURS}\b")),
        cue_enemy: re(&format!(r"^{CUE_ENEMY}\b")),
        place_attr: re(
            r"^[-\s]*(?:\w+\s+)?(?:city|town|village|region|oblast|port|border|territory|territories|soil|settlement|capital|areas?|land|lands|peninsula|coast|shores?|east|west|north|south|eastern|western|northern|southern|north-east|south-east|north-west|south-west|northeastern|southeastern|northwestern|southwestern|город\w*|сел\w*|област\w*|регион\w*|місто|міста|сел\w*|област\w*|територі\w*|территори\w*)\b",
        ),
        army_word: re(
            r"^[-\s]*(?:\w+\s+){0,2}(?:troops|forces|units|soldiers|army|military|fighters|servicemen|defenders|garrison|brigades?|battalions?|groups?|marines|paratroopers|assault|військ\w*|підрозділ\w*|бійц\w*|військов\w*|армі\w*|войск\w*|подразделени\w*|бойц\w*|военн\w*|армия|армии|штурмов\w*|угрупован\w*|группировк\w*|гарнізон\w*|гарнизон\w*)\b",
        ),
        modal: re(&format!(r"^{MODAL}\b")),
        denial: re(&format!(r"^{DENIAL}\b")),
        partial: re(
            r"\b(?:part|parts|most|much|half|some|several|a\s+number\s+of|portions?|sections?|blocks?|districts?|microdistricts?|neighbou?rhoods?|streets?|buildings|houses|homes|outskirts|suburbs?|centre|center|foothold|positions|(?:villages|settlements|towns)\s+(?:in|across|around)|mostly|largely|partly|partially|(?:north|south|east|west|north-east|north-west|south-east|south-west|northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western)\s+(?:part|parts|side|half|outskirts|districts?|edge|sections?|bank|neighbou?rhoods?|suburbs)|\d+(?:[.,]\d+)?\s*(?:per\s*cent|percent|відсотк\w*|процент\w*)|частин\w*|част\w*|більш\w*|большую|большей|половин\w*|окраин\w*|околиц\w*|кварта\w*|мікрорайон\w*|микрорайон\w*|вулиц\w*|улиц\w*|будинк\w*|центр\w*|сел|сіл|села|сёл)\b|\d\s*%",
        ),
        whole: re(
            r"\b(?:whole|entire|entirety|entirely|fully|completely|all\s+of|повністю|цілком|всю|всієї|усю|усієї|полностью|целиком|всей)\b",
        ),
        blocked_before: re(
            r"(?:\b(?:near|nearby|against|дорог\w*\s+(?:на|до|к)|в\s+районе|в\s+районі|у\s+районі|towards?|toward|around|outside|beyond|approaches\s+to|road\s+to|roads\s+to|route\s+to|routes\s+(?:to|towards|into)|way\s+to|access\s+to|gateway\s+to|direction\s+of|біля|поблизу|поруч\s+із|під|в\s+напрямку|у\s+напрямку|в\s+бік|у\s+бік|около|возле|вблизи|под|к|в\s+направлении|в\s+сторону)\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?)$",
        ),
        metonym: re(
            r"^(?:'s|’s)?\s+(?:officials|authorities|government|forces|troops|military|army|leadership|command|regime|side|claims|defen[cs]e\s+ministry|says|said|claimed)\b",
        ),
        connector: re(
            r"^(?:\s|[,()]|and\b|or\b|as\s+well\s+as\b|along\s+with\b|та\b|і\b|й\b|и\b|а\s+также\b)*(?:the\s+)?(?:(?:parts?|areas?|most|much|half)\s+of\s+(?:the\s+)?)?(?:(?:city|town|village|cities|towns|villages|settlements?|міст\w*|сел\w*|город\w*)\s+of\s+)?\s*$",
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
        naming_word: re(&format!(r"^{NAMING_WORD}\b")),
        naming_head: re(&format!(r"(?:{NAMING_HEAD})")),
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
        attribution: re(&format!(r"\b{ATTRIBUTION}\b")),
        attribution_at: re(&format!(r"^{ATTRIBUTION}\b")),
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
