#!/usr/bin/env python3
"""Text quality of each format reader on the fixtures of corpus/formats/.

Indexes the fixtures into a temporary index, exports every document, and
compares each article's body with the text a reader sees in the original
(written down below from scripts/make_format_fixtures.py). Per format it
prints word recall (reference words found, as a multiset), word precision
(extracted words that belong to the reference) and the order similarity of
the two word sequences (difflib ratio): 1.000 everywhere means the reader
returns exactly the visible text, in order, and nothing else.

Usage: python3 scripts/format_text_quality.py [path/to/frontline]
"""

import collections
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "formats")

BRIEFING = ("Russian assault groups attempted to cross the Oskil river north of Kupiansk overnight. "
            "Ukrainian units in Kharkiv Oblast repelled the attempt, according to the briefing. "
            "Shelling of Kupiansk-Vuzlovyi continued. Power lines to Balakliia were repaired.")
REFERENCE = {
    "telegram/result.json#2": "Бои на южных окраинах Красноармейска продолжаются третьи сутки. Красноармейск остаётся под ударом дронов, эвакуация затруднена. #фронт",
    "telegram/result.json#3": "Morning update: supply routes into Myrnohrad remain under fire. Full map: https://maps.example/donbas/2025-11-05 via @frontline_maps_demo",
    "telegram/result.json#5": "Forwarded from Kramatorsk City Updates Kramatorsk city council reports power restored in most districts after overnight strikes.",
    "telegram-html/messages.html#2": "Guided bombs hit Kupiansk again this evening. Residents of the left bank are asked to stay in shelters. #Kharkiv",
    "telegram-html/messages.html#3": "Update: regional governor Oleh Syniehubov says two people were injured in Kupiansk.",
    "telegram-html/messages.html#5": "Forwarded from Eastern Wire Service Rail traffic to Kharkiv resumed after repairs overnight.",
    "pokrovsk-situation-report.pdf": (
        "Pokrovsk direction: situation report Published: 2025-11-07 Source: Eastern Monitoring Group "
        "This fictional weekly report summarises the situation east of Dnipro for the project's test corpus. "
        "Fighting continued along the approaches to the city while humanitarian corridors stayed closed. "
        "Logistics Supply roads between Pokrovsk and Myrnohrad were shelled daily; convoys moved only at night. "
        "Outlook Analysts expect pressure on Kostiantynivka to grow over the winter."),
    "kupiansk-briefing.docx": BRIEFING,
    "kupiansk-briefing.odt": BRIEFING,
    "eastern-wire.rss#1": "Drones struck energy facilities in Zaporizhzhia overnight. Repairs began at dawn.",
    "eastern-wire.rss#2": "Border villages in Sumy Oblast came under artillery fire, officials said.",
    "eastern-wire-atom.xml#1": "Drones struck energy facilities in Zaporizhzhia overnight. Repairs began at dawn.",
    "eastern-wire-atom.xml#2": "Border villages in Sumy Oblast came under artillery fire, officials said.",
    "archive.warc.gz#1": "Kherson ferry crossing shelled Shelling hit the ferry crossing on the Dnipro near Kherson, the regional administration said.",
    "archive.warc.gz#2": "Grain terminals in Odesa kept loading ships despite air-raid alerts.",
}


def words(s):
    return re.findall(r"[\w@#:/.'-]+", s.lower().replace("\u000c", " "))


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "frontline")
    with tempfile.TemporaryDirectory() as tmp:
        idx = os.path.join(tmp, "index")
        subprocess.run([exe, "--index", idx, "index", FIXTURES], check=True, capture_output=True)
        out = subprocess.run([exe, "--index", idx, "export", "--ndjson"], check=True, capture_output=True).stdout
    bodies = {}
    for line in out.decode().splitlines():
        d = json.loads(line)
        bodies[d["id"]] = (d["format"], d["body"])
    per = collections.defaultdict(lambda: [0, 0, 0, 0.0, 0])
    for aid, ref in REFERENCE.items():
        fmt, body = bodies.get(aid, ("missing", ""))
        r, b = words(ref), words(body)
        common = sum((collections.Counter(r) & collections.Counter(b)).values())
        p = per[(fmt, aid.split("#")[0].rsplit(".", 1)[-1])]
        p[0] += common
        p[1] += len(r)
        p[2] += len(b)
        p[3] += difflib.SequenceMatcher(a=r, b=b, autojunk=False).ratio()
        p[4] += 1
    print(f"{'format':10} {'file':6} {'articles':>8} {'recall':>7} {'precision':>9} {'order':>6}")
    for (fmt, ext), (common, nref, nbody, ratio, n) in sorted(per.items()):
        print(f"{fmt:10} {ext:6} {n:8d} {common / max(nref, 1):7.3f} {common / max(nbody, 1):9.3f} {ratio / n:6.3f}")


if __name__ == "__main__":
    main()
