#!/usr/bin/env python3
"""Pick real Ukrainian names, with their Russian forms, for the declension
oracle (frontline, scripts/declension_oracle/README.md).

Source: the name dictionaries bundled with the PyPI package
`names-translator` (MIT; Ukrainian given names and surnames with ranked
Russian translations). Nothing here is committed as data: the output goes
to the path given as the first argument.

Output TSV, one person per line:
    id  gender  uk_given  uk_patronymic  uk_surname  ru_given  ru_patronymic  ru_surname
gender is `masculine` or `feminine` (from the given name's ending, checked
against shevchenko's detectGender in the next step). A third of the people
get a patronymic derived from a male given name, so patronymics are tested
too. The sample is fixed (seeded), so runs compare.
"""
import random
import sys

import dawg_python
from names_translator.dicts import default_dicts

import os
import names_translator

N_PEOPLE = 1500
SEED = 20261204

base = os.path.join(os.path.dirname(names_translator.__file__), "data")
d = default_dicts()


def keys(pool):
    dw = dawg_python.RecordDAWG(">BH").load(os.path.join(base, pool + ".dawg"))
    return sorted(set(dw.keys()))


def ok_word(w):
    return w.isalpha() and 4 <= len(w) <= 14 and all("а" <= c <= "я" or c in "іїєґ'" for c in w)


def cap(w):
    return w[:1].upper() + w[1:]


def ru_of(word, pool):
    r = d.lookup(word, pool)
    return r[0] if r else None


rng = random.Random(SEED)
firsts = [w for w in keys("first") if ok_word(w)]
lasts = [w for w in keys("last") if ok_word(w)]
# Common given names: those whose Russian translation differs from or
# equals a name in a short core list are over-represented in real text;
# take half the given names from the core list and half at random.
CORE_M = "олександр андрій сергій володимир дмитро юрій олег михайло віктор ігор василь іван петро микола павло богдан тарас ярослав віталій валерій роман анатолій євген денис максим кирило артем руслан станіслав григорій леонід костянтин геннадій вадим федір степан ілля назар остап тимофій єгор гліб аркадій борис вячеслав антон матвій".split()
CORE_F = "олена ольга наталія тетяна ірина юлія оксана світлана людмила марія анна катерина вікторія галина надія віра любов софія дарина мар'яна ганна лариса валентина інна алла яна христина уляна анастасія зоряна таміла ірма".split()
FEM_EXC = {"микола", "ілля", "кузьма", "фома", "сава", "лука", "никита", "хома", "данила", "гаврила"}


def gender(g):
    return "feminine" if (g.endswith(("а", "я")) and g not in FEM_EXC) else "masculine"


people = []
used = set()
while len(people) < N_PEOPLE:
    if rng.random() < 0.5:
        g = rng.choice(CORE_M + CORE_F)
    else:
        g = rng.choice(firsts)
    gen = gender(g)
    s = rng.choice(lasts)
    # A woman's surname in its feminine form, a man's in the masculine.
    # (names-translator lists both forms of a surname as separate entries.)
    fem_form = s.endswith(("ська", "цька", "ова", "єва", "ева", "іна", "їна", "ина", "ая", "яя", "ча", "жа", "ша", "ня"))
    masc_form = s.endswith(("ий", "ій", "ой", "ый", "ов", "ев", "єв", "ін", "їн", "ин"))
    if (gen == "feminine" and masc_form) or (gen == "masculine" and fem_form):
        continue
    if s in used:
        continue
    rg = ru_of(g, "first")
    rs = ru_of(s, "last")
    if not rg or not rs:
        continue
    used.add(s)
    pu = pr = ""
    if rng.random() < 0.33:
        f = rng.choice(CORE_M)
        if f.endswith("ій"):
            pu = f[:-1] + ("йович" if gen == "masculine" else "ївна")
        elif f.endswith("о"):
            pu = f[:-1] + ("ович" if gen == "masculine" else "івна")
        else:
            pu = f + ("ович" if gen == "masculine" else "івна")
        rf = ru_of(f, "first")
        if rf:
            if rf.endswith("ий") or rf.endswith("ей"):
                pr = rf[:-1] + ("евич" if gen == "masculine" else "евна")
            elif rf.endswith("ь"):
                pr = rf[:-1] + ("евич" if gen == "masculine" else "евна")
            elif rf.endswith("а"):
                pr = rf[:-1] + ("ич" if gen == "masculine" else "ична")
            else:
                pr = rf + ("ович" if gen == "masculine" else "овна")
    people.append((gen, cap(g), cap(pu), cap(s), cap(rg.lower()), cap(pr), cap(rs.lower())))

out = open(sys.argv[1], "w", encoding="utf8")
for i, p in enumerate(people):
    out.write("\t".join((str(i),) + p) + "\n")
print(f"{len(people)} people, {len({p[1] for p in people})} given names, "
      f"{len({p[3] for p in people})} surnames", file=sys.stderr)
