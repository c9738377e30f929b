#!/usr/bin/env python3
"""frontline scale curve: index N generated articles for several N and print
one table row per size.

Usage (from the repository root, release binary built):
    python3 bench/scale.py 20000 100000 500000 [--dir /tmp/frontline-scale] [--keep]

For each N: write N articles with `frontline generate --seed 42` (once per
--dir), then measure a fresh `frontline index` (wall time, MB/s, peak RSS
via /usr/bin/time), the index size, a no-op re-index (time and peak RSS: it holds the manifest of every
indexed file), and whole-process
search latency (median and p99 of bench/queries.tsv, 3 runs each). The
corpus and index of each size are deleted after its row unless --keep, so
the largest size needs disk for one corpus and one index only. Each row
carries the load average at the end of its run: on a shared machine, read
the growth between rows of one run rather than absolute times. Standard
library only.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BIN, QUERIES, folder_bytes, p99, timed  # noqa: E402  (bench/bench.py)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", type=int, nargs="+")
    ap.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "frontline-scale"))
    ap.add_argument("--keep", action="store_true", help="keep each corpus and index")
    ap.add_argument("--query-runs", type=int, default=3)
    a = ap.parse_args()
    queries = [l.rstrip("\n").split("\t") for l in open(QUERIES) if l.strip()]
    os.makedirs(a.dir, exist_ok=True)
    print("| articles | corpus MB | index time | MB/s | peak RSS MB | index MB (x corpus) "
          "| no-op re-index (peak RSS) | search median / p99 | load |")
    print("|---|---|---|---|---|---|---|---|---|", flush=True)
    for n in a.sizes:
        corpus = os.path.join(a.dir, f"corpus-{n}")
        index = os.path.join(a.dir, f"index-{n}")
        if not os.path.isdir(corpus):
            subprocess.run([BIN, "generate", corpus, "--n", str(n), "--seed", "42"],
                           check=True, stdout=subprocess.DEVNULL)
        cbytes = folder_bytes(corpus)
        shutil.rmtree(index, ignore_errors=True)
        wall, rss, rc = timed([BIN, "--index", index, "index", corpus])
        if rc != 0:
            sys.exit(f"frontline index failed on {n} articles")
        isize = folder_bytes(index)
        noop, noop_rss, _ = timed([BIN, "--index", index, "index", corpus])
        lat = []
        for q in queries:
            for _ in range(a.query_runs):
                lat.append(timed([BIN, "--index", index] + q + ["--json"])[0] * 1000)
        load = open("/proc/loadavg").read().split()[0]
        mb = cbytes / 1e6
        print(f"| {n:,} | {mb:,.0f} | {wall:,.0f} s | {mb / wall:.1f} | {rss / 1024:.0f} "
              f"| {isize / 1e6:,.0f} ({isize / cbytes:.2f}) | {noop:.2f} s ({noop_rss / 1024:.0f} MB) "
              f"| {statistics.median(lat):.0f} / {p99(lat):.0f} ms | {load} |", flush=True)
        if not a.keep:
            shutil.rmtree(index, ignore_errors=True)
            shutil.rmtree(corpus, ignore_errors=True)


if __name__ == "__main__":
    main()
