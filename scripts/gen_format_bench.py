#!/usr/bin/env python3
"""Generates large inputs of each new format, for throughput and memory runs.

Text is recombined from the paragraphs of the sample corpus (corpus/*.txt),
so extraction does real work; binary containers (PDF, DOCX, ODT) are copies
of the fixtures of corpus/formats/. Writes into a folder outside the
repository (default /tmp/frontline-formats-bench), never into it.

  telegram-json/result.json   ~SIZE MB, one channel export (streamed)
  telegram-big/result.json    ~BIG MB, for the peak-memory run
  telegram-html/NNN/messages.html  1,000 messages per page, as Telegram splits
  pdf/NNNNN.pdf, docx/NNNNN.docx, odt/NNNNN.odt  copies of the fixtures
  feed/NNN.rss                RSS 2.0 feeds of 500 items
  warc/archive.warc.gz        HTML responses written by warcio (streamed)

Usage: python3 scripts/gen_format_bench.py [OUT] [SIZE_MB] [BIG_MB]
"""

import html
import io
import json
import os
import random
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/frontline-formats-bench"
SIZE = int(sys.argv[2]) if len(sys.argv) > 2 else 100
BIG = int(sys.argv[3]) if len(sys.argv) > 3 else 500
MB = 1_000_000
rng = random.Random(7)


def paragraphs():
    out = []
    for dirpath, _, files in os.walk(os.path.join(ROOT, "corpus")):
        for name in files:
            if name.endswith(".txt"):
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    text = f.read()
                out += [p.strip() for p in text.split("\n\n")[1:] if len(p.strip()) > 80]
    return out


PARAS = paragraphs()


def text(n):
    return "\n\n".join(rng.choice(PARAS) for _ in range(n))


def telegram_json(path, size_mb):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write('{\n "name": "Bench Channel",\n "type": "public_channel",\n "id": 42,\n "messages": [\n')
        i = 0
        while f.tell() < size_mb * MB:
            i += 1
            if i > 1:
                f.write(",\n")
            day = 1 + i % 28
            if i % 20 == 0:
                m = {"id": i, "type": "service", "date": f"2025-10-{day:02d}T10:00:00", "action": "pin_message", "text": "", "text_entities": []}
            else:
                body = text(rng.randint(1, 3))
                m = {"id": i, "type": "message", "date": f"2025-10-{day:02d}T10:00:00", "date_unixtime": "1760000000",
                     "from": "Bench Channel", "from_id": "channel42",
                     "text": [body, {"type": "hashtag", "text": "#bench"}],
                     "text_entities": [{"type": "plain", "text": body}, {"type": "hashtag", "text": "#bench"}]}
            f.write(json.dumps(m, ensure_ascii=False, indent=1))
        f.write("\n ]\n}\n")


def telegram_html(folder, size_mb):
    total, page = 0, 0
    while total < size_mb * MB:
        page += 1
        msgs = []
        for i in range(1000):
            mid = page * 1000 + i
            body = html.escape(text(rng.randint(1, 2))).replace("\n\n", "<br><br>")
            msgs.append(f'<div class="message default clearfix" id="message{mid}"><div class="body">'
                        f'<div class="pull_right date details" title="05.10.2025 10:00:00 UTC+02:00">10:00</div>'
                        f'<div class="from_name">Bench Channel</div><div class="text">{body}</div></div></div>')
        doc = ('<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body>'
               '<div class="page_wrap"><div class="page_header"><div class="content"><div class="text bold">Bench Channel</div></div></div>'
               '<div class="page_body chat_page"><div class="history">' + "\n".join(msgs) + "</div></div></div></body></html>")
        d = os.path.join(folder, f"{page:03d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "messages.html"), "w", encoding="utf-8") as f:
            f.write(doc)
        total += len(doc.encode())


def copies(src, folder, ext, size_mb):
    os.makedirs(folder, exist_ok=True)
    n = size_mb * MB // os.path.getsize(src) + 1
    for i in range(n):
        shutil.copyfile(src, os.path.join(folder, f"{i:05d}.{ext}"))


def feeds(folder, size_mb):
    os.makedirs(folder, exist_ok=True)
    total, n = 0, 0
    while total < size_mb * MB:
        n += 1
        items = []
        for i in range(500):
            body = html.escape("<p>" + text(rng.randint(1, 3)).replace("\n\n", "</p><p>") + "</p>")
            items.append(f"<item><title>Item {n}-{i}</title><link>https://bench.example/{n}/{i}</link>"
                         f"<pubDate>Sun, 05 Oct 2025 10:00:00 +0000</pubDate><description>{body}</description></item>")
        doc = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench Feed</title>'
               "<link>https://bench.example/</link><description>bench</description>" + "\n".join(items) + "</channel></rss>")
        with open(os.path.join(folder, f"{n:03d}.rss"), "w", encoding="utf-8") as f:
            f.write(doc)
        total += len(doc.encode())


def warc(path, size_mb):
    from warcio.warcwriter import WARCWriter
    from warcio.statusandheaders import StatusAndHeaders
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        i = 0
        while f.tell() < size_mb * MB:
            i += 1
            body = "".join(f"<p>{html.escape(p)}</p>" for p in text(rng.randint(2, 5)).split("\n\n"))
            page = (f"<html><head><title>Bench page {i}</title></head><body><nav>Home</nav>"
                    f"<article><h1>Bench page {i}</h1>{body}</article><footer>f</footer></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://bench.example/{i}", "response",
                                                payload=io.BytesIO(page.encode()), http_headers=headers))


if __name__ == "__main__":
    fx = os.path.join(ROOT, "tests", "fixtures", "formats")
    os.makedirs(OUT, exist_ok=True)
    telegram_json(os.path.join(OUT, "telegram-json", "result.json"), SIZE)
    telegram_html(os.path.join(OUT, "telegram-html"), SIZE)
    copies(os.path.join(fx, "pokrovsk-situation-report.pdf"), os.path.join(OUT, "pdf"), "pdf", SIZE)
    copies(os.path.join(fx, "kupiansk-briefing.docx"), os.path.join(OUT, "docx"), "docx", SIZE)
    copies(os.path.join(fx, "kupiansk-briefing.odt"), os.path.join(OUT, "odt"), "odt", SIZE)
    feeds(os.path.join(OUT, "feed"), SIZE)
    warc(os.path.join(OUT, "warc", "archive.warc.gz"), SIZE)
    if BIG:
        telegram_json(os.path.join(OUT, "telegram-big", "result.json"), BIG)
    for d in sorted(os.listdir(OUT)):
        size = sum(os.path.getsize(os.path.join(p, f)) for p, _, fs in os.walk(os.path.join(OUT, d)) for f in fs)
        print(f"{d:15} {size / MB:8.1f} MB")
