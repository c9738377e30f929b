#!/usr/bin/env python3
"""frontline benchmark: indexing, search latency, re-indexing, size, with
tantivy-cli and ripgrep side by side on the same articles (when installed).

Usage (from the repository root):
    python3 bench/bench.py [--n 20000] [--dir /tmp/frontline-bench] [--runs 3]
    FRONTLINE=/path/to/frontline python3 bench/bench.py --no-build

`--no-build` measures the binaries as they are (FRONTLINE and
FRONTLINE_LATENCY name other builds, to compare two versions in one
session); the in-process latency row is left out when that example is not
built.

Steps: build the release binary and the in-process latency example; write N
synthetic articles with `frontline generate` (once per --dir); time `cat` of
the folder (the I/O floor), a fresh `frontline index` (wall time, peak RSS),
a no-op re-index and a re-index after changing one file; the index size over
the corpus size; whole-process latency of every query in bench/queries.tsv
(place, person, date filters, phrases, fuzzy, facets) and in-process latency
of the same queries; `mentions` for the person with the most mentions.
Peers (skipped with a note when not installed): tantivy-cli 0.24 indexing the
same titles and bodies as NDJSON with 2 threads and the same `default`
tokenizer (install: cargo install tantivy-cli --version 0.24.0), and ripgrep
over the folder (apt-get install ripgrep). Standard library only.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("FRONTLINE", os.path.join(ROOT, "target", "release", "frontline"))
LATENCY = os.environ.get("FRONTLINE_LATENCY",
                         os.path.join(ROOT, "target", "release", "examples", "query_latency"))
QUERIES = os.path.join(ROOT, "bench", "queries.tsv")

TANTIVY_SCHEMA = {
    "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
    "segments": [],
    "schema": [
        {"name": "title", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": True, "tokenizer": "default"}, "stored": True, "fast": False}},
        {"name": "body", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": True, "tokenizer": "default"}, "stored": True, "fast": False}},
    ],
    "opstamp": 0,
}


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False, **kw)


def timed(cmd, shell=False):
    """Wall seconds and peak RSS (KiB) of one run, via /usr/bin/time."""
    if shell:
        cmd = ["bash", "-c", cmd]
    with tempfile.NamedTemporaryFile("r") as t:
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        wall = time.perf_counter() - start
        try:
            rss = int(open(t.name).read().strip().splitlines()[-1])
        except (ValueError, IndexError):
            rss = 0
    return wall, rss, p.returncode


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def p99(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.99 * (len(xs) - 1)))] if xs else float("nan")


def folder_bytes(path):
    total = 0
    for d, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(d, f))
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "frontline-bench"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--query-runs", type=int, default=5)
    ap.add_argument("--no-build", action="store_true", help="measure the binaries as built")
    a = ap.parse_args()

    if not a.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "query_latency"],
                       cwd=ROOT, check=True)
    os.makedirs(a.dir, exist_ok=True)
    corpus = os.path.join(a.dir, f"corpus-{a.n}")
    index = os.path.join(a.dir, "index")
    if not os.path.isdir(corpus):
        subprocess.run([BIN, "generate", corpus, "--n", str(a.n), "--seed", "42"], check=True)
    cbytes = folder_bytes(corpus)
    mb = cbytes / 1e6
    rows = []

    def row(what, value, peer="", ratio=""):
        rows.append((what, value, peer, ratio))

    cat = [timed(f"find '{corpus}' -type f -print0 | xargs -0 cat > /dev/null", shell=True)[0] for _ in range(a.runs)]
    cat_s = median(cat)

    idx_times, idx_rss = [], []
    for _ in range(a.runs):
        shutil.rmtree(index, ignore_errors=True)
        w, r, rc = timed([BIN, "--index", index, "index", corpus])
        if rc != 0:
            sys.exit("frontline index failed")
        idx_times.append(w)
        idx_rss.append(r)
    fl_s = median(idx_times)
    articles = a.n

    peer_index = None
    tantivy = shutil.which("tantivy")
    tidx = os.path.join(a.dir, "tantivy-index")
    ndjson = os.path.join(a.dir, "corpus.ndjson")
    if tantivy:
        exp = run([BIN, "--index", index, "export", "--ndjson"])
        with open(ndjson, "w") as out:
            for line in exp.stdout.decode().splitlines():
                d = json.loads(line)
                out.write(json.dumps({"title": d.get("title") or "", "body": d["body"]}) + "\n")
        ts = []
        for _ in range(a.runs):
            shutil.rmtree(tidx, ignore_errors=True)
            os.makedirs(tidx)
            json.dump(TANTIVY_SCHEMA, open(os.path.join(tidx, "meta.json"), "w"))
            ts.append(timed([tantivy, "index", "-i", tidx, "-f", ndjson, "-t", "2"])[0])
        peer_index = median(ts)

    ratio = f"{(cat_s + peer_index) / fl_s:.2f}" if peer_index else ""
    row("index, full extraction (s)", f"{fl_s:.2f}",
        f"cat {cat_s:.2f} + tantivy-cli -t 2 {peer_index:.2f}" if peer_index else f"cat {cat_s:.2f} (tantivy-cli not installed)",
        f"(cat+tantivy)/frontline = {ratio} (target >= 0.4)" if ratio else "")
    row("index throughput", f"{mb / fl_s:.1f} MB/s, {articles / fl_s:.0f} articles/s", "", "")
    row("peak RSS, index (MB)", f"{max(idx_rss) / 1024:.0f}", "", "target < 500")
    isize = folder_bytes(index)
    row("index size / corpus size", f"{isize / cbytes:.2f} ({isize / 1e6:.1f} / {mb:.1f} MB)", "", "target <= 1.3")

    noop = [timed([BIN, "--index", index, "index", corpus])[0] for _ in range(a.runs)]
    row("no-op re-index (s)", f"{median(noop):.3f}", "", f"{median(noop) / fl_s * 100:.1f}% of full (target < 10%)")
    victim = None
    for d, _, files in os.walk(corpus):
        txt = sorted(f for f in files if f.endswith(".txt"))
        if txt:
            victim = os.path.join(d, txt[0])
            break
    one = []
    for i in range(a.runs):
        with open(victim, "a") as f:
            f.write(f"\nUpdate {i}: the situation in Pokrovsk remained tense.\n")
        one.append(timed([BIN, "--index", index, "index", corpus])[0])
    row("re-index after changing one file (s)", f"{median(one):.3f}", "", "target < 2 s")

    queries = [l.rstrip("\n").split("\t") for l in open(QUERIES) if l.strip()]
    lat = []
    for q in queries:
        for _ in range(a.query_runs):
            lat.append(timed([BIN, "--index", index] + q + ["--json"])[0] * 1000)
    row(f"search, whole process ({len(queries)} queries x {a.query_runs})",
        f"median {median(lat):.1f} ms, p99 {p99(lat):.1f} ms", "", "target median < 10, p99 < 20")
    if os.access(LATENCY, os.X_OK):
        inproc = run([LATENCY, index, QUERIES, str(a.query_runs)]).stdout.decode().strip()
        row("search, in process", inproc, "", "")

    people = run([BIN, "--index", index, "people", "--json", "--limit", "1"]).stdout.decode().splitlines()
    top = json.loads(people[0])["name"] if people else "Zelensky"
    ment = [timed([BIN, "--index", index, "mentions", top, "--json"])[0] * 1000 for _ in range(a.query_runs)]
    n_ment = len(run([BIN, "--index", index, "mentions", top, "--json"]).stdout.splitlines())
    row(f"mentions '{top}' ({n_ment} mentions)", f"median {median(ment):.0f} ms", "", "target < 100 ms")

    rg = shutil.which("rg")
    fl_q = [timed([BIN, "--index", index, "search", "Pokrovsk", "--json"])[0] * 1000 for _ in range(a.query_runs)]
    peers = []
    if rg:
        peers.append(f"ripgrep -l -i {median([timed([rg, '-l', '-i', 'Pokrovsk', corpus])[0] * 1000 for _ in range(a.query_runs)]):.0f} ms")
    if tantivy:
        peers.append(f"tantivy-cli search {median([timed([tantivy, 'search', '-i', tidx, '-q', 'Pokrovsk'])[0] * 1000 for _ in range(a.query_runs)]):.0f} ms")
    row("search 'Pokrovsk', whole process", f"{median(fl_q):.1f} ms", ", ".join(peers) or "(peers not installed)", "")

    cpu = ""
    try:
        cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
    except (OSError, IndexError):
        pass
    print(f"frontline benchmark: {a.n} articles, {mb:.1f} MB, {os.cpu_count()} cores {cpu}, load {open('/proc/loadavg').read().split()[0]}")
    print()
    print("| measure | frontline | peer (same run) | ratio / target |")
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
