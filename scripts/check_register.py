#!/usr/bin/env python3
"""Check (and optionally complete) the bundled people register.

    python3 scripts/check_register.py [--fill] [--no-morph] [--stats] [FILE]

FILE defaults to src/extract/people/register.tsv. Exit status 0 when no
errors are found (warnings are printed but do not fail), 1 otherwise.

Checks (errors):
  * header exactly `canonical uk ru variants affiliation side`, 6 tab-separated
    columns on every line, no empty canonical/uk/ru/affiliation;
  * side is UA, RU or other;
  * no duplicate canonical names; no Latin spelling (canonical or variant)
    shared by two rows (that would make two people one identity);
  * uk and ru forms are Cyrillic only (letters, spaces, hyphens, apostrophes),
    the uk form uses no Russian-only letters (ы э ъ ё) and the ru form no
    Ukrainian-only letters (і ї є ґ);
  * canonical and variants are Latin script only;
  * for every row whose side is UA, the Ukrainian official romanization
    (KMU 2010) of each uk form is the canonical name or one of the variants.
Checks (warnings, to be read by a person):
  * nominative check with pymorphy3 (+ pymorphy3-dicts-uk / -ru): a word the
    analyser knows but never reads as nominative, and given name / surname
    pairs whose grammatical gender disagrees.

--fill adds missing systematic spellings to the variants column of rows of
Ukrainian or Russian origin (side UA: from the uk form; side RU: from the ru
form): the KMU 2010 romanization, the popular English -iy/-y spelling, the
German (Duden) and Polish transliterations, and for Ukrainians also the
English spelling of their Russian form. Hand-written variants are kept first.

--stats prints the count of people per side and per category (a category is
read from the affiliation by keywords, so it is approximate).

pymorphy3 and its dictionaries are test tools only (pip install pymorphy3
pymorphy3-dicts-uk pymorphy3-dicts-ru); without them the morphology check is
skipped with a notice.
"""

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HEADER = ["canonical", "uk", "ru", "variants", "affiliation", "side"]
SIDES = {"UA", "RU", "other"}
DEFAULT = Path(__file__).resolve().parent.parent / "src/extract/people/register.tsv"

CYR_WORD = re.compile(r"^[А-Яа-яЁёІіЇїЄєҐґ'’ʼ -]+$")
LAT_OK = re.compile(r"^[^\u0400-\u04FF|\t]+$")
VOWELS_UK = set("аеєиіїоуюяАЕЄИІЇОУЮЯ")
VOWELS_RU = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")


def cap(word_out, src_first_upper):
    if not word_out:
        return word_out
    return word_out[0].upper() + word_out[1:] if src_first_upper else word_out


def per_word(text, fn):
    """Applies a word transliterator to each word of a name (hyphen parts too)."""
    out = []
    text = text.replace("ʼ", "'").replace("’", "'")
    for word in text.split(" "):
        parts = [fn(p) for p in word.split("-")]
        out.append("-".join(parts))
    return " ".join(out)


# ---------------------------------------------------------------- Ukrainian
KMU = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e",
    "є": ("ye", "ie"), "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"),
    "й": ("y", "i"), "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": ("yu", "iu"),
    "я": ("ya", "ia"), "'": "", "’": "",
}


def kmu_word(word):
    """Ukraine's official romanization (Cabinet resolution 55, 2010)."""
    w = word.lower()
    out = []
    for i, ch in enumerate(w):
        if ch == "г" and i > 0 and w[i - 1] == "з":
            out.append("gh")
            continue
        t = KMU.get(ch, ch)
        if isinstance(t, tuple):
            t = t[0] if i == 0 else t[1]
        out.append(t)
    return cap("".join(out), word[:1].isupper())


def kmu(name):
    return per_word(name, kmu_word)


def popular_uk_word(word):
    """The common English press spelling: -iy/-yy endings as -iy/-y, ya/yu."""
    w = word.lower()
    out = []
    n = len(w)
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        last = i == n - 1
        if ch == "й" and last and prev == "и":
            continue  # -ий -> -y
        if ch == "й" and last and prev == "і":
            out.append("y")  # -ій -> -iy
            continue
        if ch == "г" and prev == "з":
            out.append("gh")
            continue
        if ch == "й":
            out.append("i" if prev == "и" else "y")
            continue
        if ch == "є":
            out.append("ye" if i == 0 or prev in VOWELS_UK or prev in "ь'’" else "e")
            continue
        if ch in "юя":
            base = "u" if ch == "ю" else "a"
            if prev == "і":
                out.append(base)  # Юлія -> Yulia
            else:
                out.append("y" + base)
            continue
        if ch == "ї":
            out.append("yi")
            continue
        t = KMU.get(ch, ch)
        if isinstance(t, tuple):
            t = t[0]
        out.append(t)
    return cap("".join(out), word[:1].isupper())


def german_uk_word(word):
    """German (Duden) transcription of Ukrainian: Wolodymyr Selenskyj."""
    w = word.lower()
    table = {
        "а": "a", "б": "b", "в": "w", "г": "h", "ґ": "g", "д": "d", "е": "e",
        "є": "je", "ж": "sch", "з": "s", "и": "y", "і": "i", "ї": "ji", "й": "j",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch",
        "ш": "sch", "щ": "schtsch", "ь": "", "ю": "ju", "я": "ja", "'": "", "’": "",
    }
    out = []
    for i, ch in enumerate(w):
        if ch == "й" and i + 1 < len(w) and w[i + 1] in "єюяї":
            continue  # Найєм -> Najem: the vowel already starts with j
        if ch == "с" and 0 < i < len(w) - 1 and w[i - 1] in VOWELS_UK and w[i + 1] in VOWELS_UK:
            out.append("ss")
            continue
        out.append(table.get(ch, ch))
    return cap("".join(out), word[:1].isupper())


SOFTENERS_UK = set("іієюяь")


def polish_uk_word(word):
    """Polish transcription of Ukrainian: Wołodymyr Zełenski, Rustem Umierow."""
    w = word.lower()
    # adjectival surnames: -ський -> -ski, -цький -> -cki, -ська -> -ska
    suffix = ""
    for uk_end, pl_end in (("цький", "cki"), ("ський", "ski"), ("зький", "zki"),
                           ("цька", "cka"), ("ська", "ska"), ("зька", "zka")):
        if w.endswith(uk_end) and len(w) > len(uk_end):
            w, suffix = w[: -len(uk_end)], pl_end
            break
    if w.endswith("ий") and len(w) > 3:
        w, suffix = w[:-2], "y" + suffix
    table = {
        "а": "a", "б": "b", "в": "w", "г": "h", "ґ": "g", "д": "d", "е": "e",
        "ж": "ż", "з": "z", "и": "y", "і": "i", "ї": "ji", "й": "j", "к": "k",
        "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz",
        "'": "", "’": "",
    }
    soft_pal = {"н": "ń", "с": "ś", "ц": "ć", "з": "ź"}
    out = []
    n = len(w)
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < n else ""
        if ch == "л":
            out.append("l" if nxt in SOFTENERS_UK else "ł")
        elif ch in soft_pal and nxt == "ь" and w[i + 2 : i + 3] not in tuple("єюяї"):
            # before an iotated vowel the j carries the softness: Kasjanow
            out.append(soft_pal[ch])
        elif ch == "ь":
            continue
        elif ch in "єюя":
            base = {"є": "e", "ю": "u", "я": "a"}[ch]
            if i == 0 or prev in VOWELS_UK or prev in "ь'’":
                if prev == "ь" and w[i - 2 : i - 1] == "л":
                    out.append(base)
                else:
                    out.append("j" + base)
            elif prev == "л":
                out.append(base)
            else:
                out.append("i" + base)
        else:
            out.append(table.get(ch, ch))
    return cap("".join(out) + suffix, word[:1].isupper())


# ------------------------------------------------------------------ Russian
def bgn_ru_word(word):
    """English (BGN/PCGN-like) romanization of Russian: Sergey, Zakharova."""
    w = word.lower()
    table = {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo",
        "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
    out = []
    n = len(w)
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        if ch == "е" and (i == 0 or prev in VOWELS_RU or prev in "ьъ"):
            out.append("ye")
        elif ch == "й" and i == n - 1 and prev in "иы":
            out.append("y" if prev == "и" else "")
        elif ch == "ы" and i == n - 2 and w[-1] == "й":
            out.append("y")
        elif ch == "ь":
            out.append("")  # the vowel after it is already iotated (ye, yu, ya, yo)
        else:
            out.append(table.get(ch, ch))
    s = "".join(out)
    return cap(s, word[:1].isupper())


def german_ru_word(word):
    """German (Duden) transcription of Russian: Sergei Schoigu, Maria Sacharowa."""
    w = word.lower()
    table = {
        "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "ж": "sch", "з": "s",
        "и": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z",
        "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "ju", "я": "ja",
    }
    out = []
    n = len(w)
    i = 0
    while i < n:
        ch = w[i]
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < n else ""
        if ch == "к" and nxt == "с":
            out.append("x")
            i += 2
            continue
        if ch == "е":
            out.append("je" if i == 0 or prev in VOWELS_RU or prev in "ьъ" else "e")
        elif ch == "ё":
            out.append("o" if prev in "жшчщ" else ("jo" if i == 0 or prev in VOWELS_RU or prev in "ьъ" else "jo"))
        elif ch == "й":
            if i == n - 1 and prev in "иы":
                pass  # Дмитрий -> Dmitri, Навальный -> Nawalny
            elif nxt and nxt in VOWELS_RU:
                out.append("j")
            else:
                out.append("i")
        elif ch == "с" and prev in VOWELS_RU and nxt and nxt in VOWELS_RU:
            out.append("ss")
        else:
            out.append(table.get(ch, ch))
        i += 1
    return cap("".join(out), word[:1].isupper())


def polish_ru_word(word):
    """Polish transcription of Russian: Siergiej Ławrow, Dmitrij Pieskow."""
    w = word.lower()
    suffix = ""
    for ru_end, pl_end in (("цкий", "cki"), ("ский", "ski"), ("зкий", "zki"),
                           ("цкая", "cka"), ("ская", "ska"), ("зкая", "zka")):
        if w.endswith(ru_end) and len(w) > len(ru_end):
            w, suffix = w[: -len(ru_end)], pl_end
            break
    if w.endswith("ый") and len(w) > 3:
        w, suffix = w[:-2], "y" + suffix
    table = {
        "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "ж": "ż", "з": "z",
        "й": "j", "к": "k", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c", "ч": "cz",
        "ш": "sz", "щ": "szcz", "ъ": "", "ы": "y", "э": "e",
    }
    hard = set("жшц")
    soft_pal = {"н": "ń", "с": "ś", "з": "ź", "ц": "ć", "т": "ć", "д": "dź"}
    out = []
    n = len(w)
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < n else ""
        if ch == "л":
            # a doubled л is soft or hard as a whole: Miller, Nabiullina, Kiriłł
            soft = nxt if nxt != "л" else w[i + 2 : i + 3]
            out.append("l" if soft and soft in "еёиьюя" else "ł")
        elif ch in soft_pal and nxt == "ь" and w[i + 2 : i + 3] not in tuple("еёиюя"):
            out.append(soft_pal[ch])
        elif ch == "ь":
            # Polish writes j for the soft sign before a vowel, after л too:
            # Wasiljew, Sołowjow, Natalja
            if nxt and nxt in "еёиюя":
                out.append("j")
            continue
        elif ch == "и":
            out.append("y" if prev in hard else "i")
        elif ch in "еёюя":
            base = {"е": "e", "ё": "o", "ю": "u", "я": "a"}[ch]
            if i == 0 or prev in VOWELS_RU or prev in "ъ":
                out.append("j" + base)
            elif prev in "ьл" or (prev in "жшчщц" and ch in "её"):
                # after ь the "j" was written for the soft sign already
                out.append(base)
            else:
                out.append("i" + base)
        else:
            out.append(table.get(ch, ch))
    return cap("".join(out) + suffix, word[:1].isupper())


def systematic_variants(row):
    """Systematic spellings of a row of Ukrainian or Russian origin."""
    out = []
    if row["side"] == "UA":
        for form in row["uk"].split("|"):
            out.append(kmu(form))
            out.append(per_word(form, popular_uk_word))
            out.append(per_word(form, german_uk_word))
            out.append(per_word(form, polish_uk_word))
        for form in row["ru"].split("|")[:1]:
            out.append(per_word(form, bgn_ru_word))
    elif row["side"] == "RU":
        for form in row["ru"].split("|"):
            out.append(per_word(form, bgn_ru_word))
            out.append(per_word(form, german_ru_word))
            out.append(per_word(form, polish_ru_word))
    return out


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def agreement_warnings(rows):
    """Canonical surname far from every systematic spelling of the native form."""
    warnings = []
    for r in rows:
        if r["side"] not in ("UA", "RU"):
            continue
        sys_forms = systematic_variants(r)
        last = norm(r["canonical"]).split(" ")[-1]
        best = min(edit_distance(last, norm(v).split(" ")[-1]) for v in sys_forms)
        if best > 1:
            warnings.append(
                f"line {r['line']} ({r['canonical']}): canonical surname is {best} edits from "
                f"every transliteration of its {'uk' if r['side'] == 'UA' else 'ru'} form"
            )
    return warnings


def norm(s):
    s = unicodedata.normalize("NFC", s).lower().replace("’", "").replace("'", "").replace("ʼ", "")
    return re.sub(r"\s+", " ", s).strip()


# -------------------------------------------------------------- reading
def read(path):
    rows, errors = [], []
    header_seen = False
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header_seen:
                header_seen = True
                if cols != HEADER:
                    errors.append(f"{path}:{lineno}: header is {cols}, expected {HEADER}")
                continue
            if len(cols) != 6:
                errors.append(f"{path}:{lineno}: {len(cols)} columns, expected 6: {line[:60]}")
                continue
            row = dict(zip(HEADER, cols))
            row["line"] = lineno
            rows.append(row)
    if not header_seen:
        errors.append(f"{path}: no header line")
    return rows, errors


def check_format(rows):
    errors = []
    canon = Counter(r["canonical"] for r in rows)
    for name, n in canon.items():
        if n > 1:
            errors.append(f"duplicate canonical name {name!r} ({n} rows)")
    owner = defaultdict(set)
    for r in rows:
        where = f"line {r['line']} ({r['canonical']})"
        for col in ("canonical", "uk", "ru", "affiliation", "side"):
            if not r[col].strip():
                errors.append(f"{where}: empty {col}")
        if r["side"] not in SIDES:
            errors.append(f"{where}: side {r['side']!r} is not one of {sorted(SIDES)}")
        for col, forbidden in (("uk", set("ыэъёЫЭЪЁ")), ("ru", set("іїєґІЇЄҐ"))):
            for form in r[col].split("|"):
                if not CYR_WORD.match(form):
                    errors.append(f"{where}: {col} form {form!r} is not Cyrillic only")
                bad = set(form) & forbidden
                if bad:
                    errors.append(f"{where}: {col} form {form!r} has letters {''.join(sorted(bad))}")
                if form != form.strip() or "  " in form:
                    errors.append(f"{where}: {col} form {form!r} has stray spaces")
        latins = [r["canonical"]] + ([v for v in r["variants"].split("|")] if r["variants"] else [])
        for v in latins:
            if not v.strip() or not LAT_OK.match(v) or v != v.strip():
                errors.append(f"{where}: Latin form {v!r} is empty or not Latin script")
            owner[norm(v)].add(r["canonical"])
        if len(set(map(norm, latins))) != len(latins):
            errors.append(f"{where}: a variant repeats the canonical name or another variant")
        if r["side"] == "UA":
            have = set(map(norm, latins))
            for form in r["uk"].split("|"):
                if norm(kmu(form)) not in have:
                    errors.append(f"{where}: KMU romanization {kmu(form)!r} of {form!r} is not among canonical/variants")
    for spelling, people in owner.items():
        if len(people) > 1:
            errors.append(f"spelling {spelling!r} belongs to several rows: {sorted(people)}")
    return errors


# ---------------------------------------------------------- morphology
FEM_SURNAME = re.compile(r"(ова|ева|єва|іна|ина|їна|ська|цька|зька|ская|цкая|ная|ня|ова)$")
MASC_SURNAME = re.compile(r"(ов|ев|єв|ін|ин|їн|ський|цький|зький|ский|цкий|ий|ій|ой|ый)$")


def morph_warnings(rows):
    try:
        import pymorphy3
    except ImportError:
        return None, ["pymorphy3 not installed: morphology check skipped"]
    analysers = {"uk": pymorphy3.MorphAnalyzer(lang="uk"), "ru": pymorphy3.MorphAnalyzer(lang="ru")}
    warnings = []
    checked = 0
    for r in rows:
        for lang in ("uk", "ru"):
            morph = analysers[lang]
            for form in r[lang].split("|"):
                words = [w for w in re.split(r"[ -]", form) if w]
                gender = {}
                for pos, word in enumerate(words):
                    checked += 1
                    parses = morph.parse(word)
                    known = [p for p in parses if p.is_known]
                    if known and not any(
                        ("nomn" in p.tag or "Fixd" in p.tag) for p in known
                    ):
                        warnings.append(
                            f"line {r['line']} ({r['canonical']}): {lang} word {word!r} in {form!r} "
                            f"is never nominative for the analyser ({known[0].tag})"
                        )
                    if pos == 0:
                        names = [p for p in known if "Name" in p.tag and "nomn" in p.tag]
                        gs = {p.tag.gender for p in names if p.tag.gender in ("masc", "femn")}
                        if len(gs) == 1:
                            gender["given"] = gs.pop()
                last = words[-1].lower() if words else ""
                given = gender.get("given")
                if given and len(words) >= 2:
                    if given == "masc" and FEM_SURNAME.search(last) and not last.endswith(("ня",)):
                        warnings.append(
                            f"line {r['line']} ({r['canonical']}): {lang} {form!r}: masculine given name, feminine-looking surname"
                        )
                    if given == "femn" and MASC_SURNAME.search(last):
                        warnings.append(
                            f"line {r['line']} ({r['canonical']}): {lang} {form!r}: feminine given name, masculine-looking surname"
                        )
    return checked, warnings


def fill(path, rows):
    """Adds systematic variants that no other row already uses."""
    by_line = {r["line"]: r for r in rows}
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    owners = defaultdict(set)
    generated = {}
    for r in rows:
        hand = [r["canonical"]] + ([v for v in r["variants"].split("|")] if r["variants"] else [])
        for v in hand:
            owners[norm(v)].add(r["line"])
        generated[r["line"]] = systematic_variants(r)
        for v in generated[r["line"]]:
            owners[norm(v)].add(r["line"])
    added = skipped = 0
    for idx, line in enumerate(lines):
        r = by_line.get(idx + 1)
        if not r:
            continue
        latins = [r["canonical"]] + ([v for v in r["variants"].split("|")] if r["variants"] else [])
        seen = set(map(norm, latins))
        variants = latins[1:]
        for v in generated[r["line"]]:
            if norm(v) in seen:
                continue
            if owners[norm(v)] != {r["line"]}:
                skipped += 1  # a namesake: the spelling would join two people
                continue
            seen.add(norm(v))
            variants.append(v)
            added += 1
        r["variants"] = "|".join(variants)
        lines[idx] = "\t".join(r[c] for c in HEADER)
    Path(path).write_text("\n".join(lines), encoding="utf-8")
    return f"{added} added, {skipped} left out because another row has the same spelling"


CATEGORIES = [
    ("International organisations and churches",
     r"\bUN\b|United Nations|NATO|European (Commission|Council|Parliament)|Commissioner (for|$)|European Commissioner|EU |IAEA|International Criminal Court|ICRC|OSCE|Council of Europe|IMF|World Bank|EBRD|WHO|UNICEF|World Food|Refugee|IOM|^Pope|Vatican|cardinal|Patriarch|Church"),
    ("Occupation officials and separatists", r"Russian-installed|separatist|People's Republic|\bDPR\b|\bLPR\b|occupied Crimea"),
    ("Journalists, war correspondents, bloggers and analysts",
     r"journalist|correspondent|blogger|TV|presenter|[Ee]ditor|photographer|analyst|commentator|writer|historian|political scientist|economist|talk show|television host|Bellingcat|RUSI|Chatham|Channel One|VGTRK|RT$|Kommersant|radio|ideologue|cameraman"),
    ("Businessmen, bankers and heads of state companies",
     r"billionaire|businessman|oligarch|[Cc]hief executive|Director General of Ro|founder|Founder|Bank|Gazprom|Rosneft|Naftogaz|Energoatom|Roscosmos|Transneft|VEB|Rostec|Rosoboronexport"),
    ("Heads of state and government",
     r"^(Acting )?President of (?!the (French|Ukrainian))|^Prime Minister of|^Premier of|^Chancellor of|^Taoiseach|^Vice President|^First Lady|^Emir|^Crown Prince|^Leader of North"),
    ("Parliamentarians and party leaders",
     r"\bMP\b|Duma|Federation Council|Verkhovna Rada|Senator|[Ss]enator|Representative,|Speaker|Sejm|[Pp]arty|Rally|AfD|BSW|FDP|CDU|Green MP|faction"),
    ("Regional and city heads", r"Governor|Mayor|mayor|Oblast|City Military Administration|Head of the Republic|Head of the Chechen|Head of North|District Military|Krai|Kyiv City|police"),
    ("Military, security services and their spokespeople",
     r"Commander|commander|Chief of the|General Staff|Army|Navy|Air Force|[Ff]orces|general|[Ii]ntelligence|FSB|GRU|Security Service|Border|Guard|Emergency|Rosgvardia|[Mm]ilitary|brigade|Wagner|soldier|officer|Marine|Azov|paramedic|Joint Chiefs|Bundeswehr|Defence Staff|CIA|police"),
    ("Ministers, officials, diplomats and spokespeople", r"."),
]


def category(row):
    for name, pattern in CATEGORIES:
        if re.search(pattern, row["affiliation"]):
            return name
    return CATEGORIES[-1][0]


def stats(rows):
    table = Counter((category(r), r["side"]) for r in rows)
    print(f"{'category':55} {'UA':>4} {'RU':>4} {'other':>5} {'all':>5}")
    for name, _ in CATEGORIES:
        n = [table[(name, s)] for s in ("UA", "RU", "other")]
        print(f"{name:55} {n[0]:4} {n[1]:4} {n[2]:5} {sum(n):5}")
    sides = Counter(r["side"] for r in rows)
    print(f"{'all':55} {sides['UA']:4} {sides['RU']:4} {sides['other']:5} {len(rows):5}")


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    rows, errors = read(path)
    if "--fill" in argv:
        print(f"fill: systematic variants {fill(path, rows)}")
        rows, errors = read(path)
    errors += check_format(rows)
    if "--stats" in argv:
        stats(rows)
    sides = Counter(r["side"] for r in rows)
    print(f"{path}: {len(rows)} people ({', '.join(f'{k} {v}' for k, v in sorted(sides.items()))})")
    agree = agreement_warnings(rows)
    print(f"agreement: {len(agree)} canonical names far from their Cyrillic form")
    for w in agree:
        print(f"warning: {w}")
    if "--no-morph" not in argv:
        checked, warnings = morph_warnings(rows)
        if checked is not None:
            print(f"morphology: {checked} Cyrillic words checked with pymorphy3, {len(warnings)} warnings")
        for w in warnings:
            print(f"warning: {w}")
    for e in errors:
        print(f"error: {e}")
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
