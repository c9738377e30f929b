#!/usr/bin/env python3
"""Writes the input-format fixtures of corpus/formats/ and tests/fixtures/bad/.

Every text here is made up for the project (a fictional channel, outlet and
report, in the style of the sample corpus); nothing is copied from
../shared. The files are written by the programs people actually get them
from, so the readers are tested on real output:

  corpus/formats/telegram/result.json    Telegram Desktop export layout (JSON), written here
  corpus/formats/telegram-html/messages.html  Telegram Desktop export layout (HTML), written here
  corpus/formats/pokrovsk-situation-report.pdf  printed by headless Chromium
  corpus/formats/kupiansk-briefing.docx  written by pandoc
  corpus/formats/kupiansk-briefing.odt   written by pandoc
  corpus/formats/eastern-wire.rss        written by feedgen (RSS 2.0)
  corpus/formats/eastern-wire-atom.xml   written by feedgen (Atom)
  corpus/formats/archive.warc.gz         written by warcio
  tests/fixtures/bad/scanned.pdf         Chromium printing an image only (no text layer)
  tests/fixtures/bad/corrupt.warc        warcio output with one record's length broken
  tests/fixtures/bad/encrypted.pdf       the report PDF encrypted by pypdf (AES-256, user password)

Needs: chromium, pandoc, python3 with feedgen and warcio
and pypdf (apt-get install chromium pandoc; pip install feedgen warcio pypdf).
Usage: python3 scripts/make_format_fixtures.py   (from the repository root)
"""

import datetime as dt
import io
import json
import os
import struct
import subprocess
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "formats")
BAD = os.path.join(ROOT, "tests", "fixtures", "bad")

CHANNEL = "Donbas Frontline Notes"
CHANNEL_ID = 1987654321


def unix(s):
    """Local time of the exporting computer (UTC+2 here) to a Unix time."""
    t = dt.datetime.fromisoformat(s).replace(tzinfo=dt.timezone(dt.timedelta(hours=2)))
    return str(int(t.timestamp()))


def entities(parts):
    """`text` and `text_entities` as Telegram Desktop writes them."""
    text, ents = [], []
    for p in parts:
        if isinstance(p, str):
            text.append(p)
            ents.append({"type": "plain", "text": p})
        else:
            text.append(p)
            ents.append(p)
    if len(text) == 1 and isinstance(text[0], str):
        return text[0], ents
    return text, ents


def message(mid, date, parts, **extra):
    text, ents = entities(parts)
    m = {
        "id": mid,
        "type": "message",
        "date": date,
        "date_unixtime": unix(date),
        "from": CHANNEL,
        "from_id": f"channel{CHANNEL_ID}",
    }
    m.update(extra)
    m["text"] = text
    m["text_entities"] = ents
    return m


def telegram_json():
    msgs = [
        {
            "id": 1,
            "type": "service",
            "date": "2025-11-01T08:00:00",
            "date_unixtime": unix("2025-11-01T08:00:00"),
            "actor": CHANNEL,
            "actor_id": f"channel{CHANNEL_ID}",
            "action": "create_channel",
            "title": CHANNEL,
            "text": "",
            "text_entities": [],
        },
        message(
            2,
            "2025-11-04T23:40:00",
            [
                "Бои на южных окраинах ",
                {"type": "bold", "text": "Красноармейска"},
                " продолжаются третьи сутки. Красноармейск остаётся под ударом дронов, эвакуация затруднена. ",
                {"type": "hashtag", "text": "#фронт"},
            ],
        ),
        message(
            3,
            "2025-11-05T09:15:00",
            [
                "Morning update: supply routes into Myrnohrad remain under fire. Full map: ",
                {"type": "link", "text": "https://maps.example/donbas/2025-11-05"},
                " via ",
                {"type": "mention", "text": "@frontline_maps_demo"},
            ],
            edited="2025-11-05T09:20:00",
            edited_unixtime=unix("2025-11-05T09:20:00"),
        ),
        message(4, "2025-11-05T12:00:00", [""], photo="photos/photo_4@05-11-2025_12-00-00.jpg", width=1280, height=960),
        message(
            5,
            "2025-11-06T18:30:00",
            ["Kramatorsk city council reports power restored in most districts after overnight strikes."],
            forwarded_from="Kramatorsk City Updates",
        ),
        {
            "id": 6,
            "type": "service",
            "date": "2025-11-06T18:31:00",
            "date_unixtime": unix("2025-11-06T18:31:00"),
            "actor": CHANNEL,
            "actor_id": f"channel{CHANNEL_ID}",
            "action": "pin_message",
            "message_id": 5,
            "text": "",
            "text_entities": [],
        },
    ]
    for m in msgs:
        if m.get("photo"):
            m["text"] = ""
            m["text_entities"] = []
    export = {
        "name": CHANNEL,
        "type": "public_channel",
        "id": CHANNEL_ID,
        "username": "donbas_frontline_notes_demo",
        "messages": msgs,
    }
    path = os.path.join(OUT, "telegram", "result.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(export, f, ensure_ascii=False, indent=1)
        f.write("\n")


HTML_MSG = """
     <div class="message default clearfix{joined}" id="message{mid}">
      <div class="pull_left userpic_wrap">
       <div class="userpic userpic4" style="width: 42px; height: 42px">
        <div class="initials" style="line-height: 42px">KE</div>
       </div>
      </div>
      <div class="body">
       <div class="pull_right date details" title="{title}">
{time}
       </div>
       <div class="from_name">
Kharkiv Evening Brief
       </div>
{inner}
      </div>
     </div>
"""


def telegram_html():
    def text(html):
        return f'       <div class="text">\n{html}\n       </div>'

    msgs = [
        ("2", "07.11.2025 19:05:00 UTC+02:00", "19:05", "", text(
            "Guided bombs hit <strong>Kupiansk</strong> again this evening.<br>Residents of the left bank are asked to stay in shelters. <a href=\"\" onclick=\"return ShowHashtag(&quot;Kharkiv&quot;)\">#Kharkiv</a>")),
        ("3", "07.11.2025 19:40:00 UTC+02:00", "19:40", " joined", text(
            "Update: regional governor Oleh Syniehubov says two people were injured in Kupiansk.")),
        ("4", "07.11.2025 20:10:00 UTC+02:00", "20:10", " joined",
         '       <div class="media_wrap clearfix">\n        <a class="photo_wrap clearfix pull_left" href="photos/photo_4@07-11-2025_20-10-00.jpg"><img class="photo" src="photos/photo_4@07-11-2025_20-10-00_thumb.jpg" style="width: 260px; height: 195px"/></a>\n       </div>'),
        ("5", "08.11.2025 08:00:00 UTC+02:00", "08:00", "",
         '       <div class="forwarded body">\n        <div class="userpic_wrap"></div>\n        <div class="from_name">\nEastern Wire Service <span class="date details" title="08.11.2025 07:45:00 UTC+02:00"> 08.11.2025 07:45:00</span>\n        </div>\n' + text("Rail traffic to Kharkiv resumed after repairs overnight.") + "\n       </div>"),
    ]
    body = []
    body.append('     <div class="message service" id="message-1">\n      <div class="body details">\n7 November 2025\n      </div>\n     </div>')
    for mid, title, time, joined, inner in msgs:
        body.append(HTML_MSG.format(mid=mid, title=title, time=time, joined=joined, inner=inner))
    page = f"""<!DOCTYPE html>
<html>
 <head>
  <meta charset="utf-8"/>
<title>Exported Data</title>
  <meta content="width=device-width, initial-scale=1.0" name="viewport"/>
  <link href="css/style.css" rel="stylesheet"/>
  <script src="js/script.js" type="text/javascript"></script>
 </head>
 <body onload="CheckLocation();">
  <div class="page_wrap">
   <div class="page_header">
    <div class="content">
     <div class="text bold">
Kharkiv Evening Brief
     </div>
    </div>
   </div>
   <div class="page_body chat_page">
    <div class="history">
{''.join(body)}
    </div>
   </div>
  </div>
 </body>
</html>
"""
    path = os.path.join(OUT, "telegram-html", "messages.html")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)


def chromium_pdf(html, out):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "page.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html)
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", f"file://{src}"],
            check=True, capture_output=True,
        )


def pdf():
    html = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Pokrovsk direction: situation report</title>
<style>body { font-family: sans-serif; font-size: 12pt } .page { page-break-after: always }</style></head>
<body><div class="page">
<h1>Pokrovsk direction: situation report</h1>
<p>Published: 2025-11-07</p>
<p>Source: Eastern Monitoring Group</p>
<p>This fictional weekly report summarises the situation east of Dnipro for the project's test corpus.
Fighting continued along the approaches to the city while humanitarian corridors stayed closed.</p>
</div><div class="page">
<h2>Logistics</h2>
<p>Supply roads between Pokrovsk and Myrnohrad were shelled daily; convoys moved only at night.</p>
</div><div>
<h2>Outlook</h2>
<p>Analysts expect pressure on Kostiantynivka to grow over the winter.</p>
</div></body></html>"""
    chromium_pdf(html, os.path.join(OUT, "pokrovsk-situation-report.pdf"))


def png(width, height):
    """A grey PNG with a dark band: an image with no text in it."""
    raw = b""
    for y in range(height):
        shade = 60 if height // 3 < y < 2 * height // 3 else 200
        raw += b"\x00" + bytes([shade]) * width
    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def scanned_pdf():
    import base64
    data = base64.b64encode(png(400, 300)).decode()
    html = f'<!DOCTYPE html><html><head><title></title></head><body style="margin:0"><img src="data:image/png;base64,{data}"></body></html>'
    chromium_pdf(html, os.path.join(BAD, "scanned.pdf"))


def encrypted_pdf():
    from pypdf import PdfReader, PdfWriter
    w = PdfWriter(clone_from=PdfReader(os.path.join(OUT, "pokrovsk-situation-report.pdf")))
    w.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    w.write(os.path.join(BAD, "encrypted.pdf"))


def office():
    md = """---
title: "Kupiansk sector: morning briefing"
author: "Briefing Desk (fictional)"
date: 2025-11-08
---

Russian assault groups attempted to cross the Oskil river north of Kupiansk overnight.

Ukrainian units in **Kharkiv Oblast** repelled the attempt, according to the briefing.

- Shelling of Kupiansk-Vuzlovyi continued.
- Power lines to Balakliia were repaired.
"""
    env = dict(os.environ)
    # pandoc stamps the creation date from SOURCE_DATE_EPOCH: the briefing's date.
    env["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(2025, 11, 8, 7, 0, tzinfo=dt.timezone.utc).timestamp()))
    for ext in ("docx", "odt"):
        subprocess.run(["pandoc", "-f", "markdown", "-o", os.path.join(OUT, f"kupiansk-briefing.{ext}")],
                       input=md.encode(), check=True, env=env)


def feeds():
    from feedgen.feed import FeedGenerator
    items = [
        ("Zaporizhzhia: strikes on energy sites", "https://wire.example/2025/11/09/zaporizhzhia",
         "2025-11-09T06:30:00+00:00",
         "<p>Drones struck energy facilities in <b>Zaporizhzhia</b> overnight.</p><p>Repairs began at dawn.</p>"),
        ("Sumy border villages shelled", "https://wire.example/2025/11/10/sumy",
         "2025-11-10T11:00:00+00:00",
         "<p>Border villages in Sumy Oblast came under artillery fire, officials said.</p>"),
    ]
    for kind in ("rss", "atom"):
        fg = FeedGenerator()
        fg.id("https://wire.example/")
        fg.title("Eastern Wire (demo)")
        fg.link(href="https://wire.example/", rel="alternate")
        fg.description("Fictional wire feed for the frontline test corpus")
        fg.language("en")
        for title, link, date, html in items:
            fe = fg.add_entry(order="append")
            fe.id(link)
            fe.title(title)
            fe.link(href=link)
            fe.published(date)
            fe.updated(date)
            if kind == "rss":
                fe.description(html)
            else:
                fe.content(html, type="html")
        if kind == "rss":
            fg.rss_file(os.path.join(OUT, "eastern-wire.rss"), pretty=True)
        else:
            fg.atom_file(os.path.join(OUT, "eastern-wire-atom.xml"), pretty=True)


def warc_records(writer):
    from warcio.statusandheaders import StatusAndHeaders
    pages = [
        ("https://news.example/2025/11/11/kherson-ferry", "2025-11-11T10:00:00Z",
         "<html lang=\"en\"><head><title>Kherson ferry crossing shelled</title>"
         "<meta property=\"og:site_name\" content=\"Southern Desk (demo)\">"
         "<meta property=\"article:published_time\" content=\"2025-11-10T18:00:00Z\"></head>"
         "<body><nav>Home News</nav><article><h1>Kherson ferry crossing shelled</h1>"
         "<p>Shelling hit the ferry crossing on the Dnipro near Kherson, the regional administration said.</p>"
         "</article><footer>footer text</footer></body></html>"),
        ("https://news.example/2025/11/12/odesa-port", "2025-11-12T08:00:00Z",
         "<html><head><title>Odesa port works through the night</title></head><body><article>"
         "<p>Grain terminals in Odesa kept loading ships despite air-raid alerts.</p></article></body></html>"),
    ]
    writer.write_record(writer.create_warcinfo_record("archive.warc.gz", {"software": "warcio", "format": "WARC File Format 1.0"}))
    for uri, date, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()),
                                        http_headers=headers, warc_headers_dict={"WARC-Date": date})
        writer.write_record(rec)
    css = StatusAndHeaders("200 OK", [("Content-Type", "text/css")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/site.css", "response",
                                                  payload=io.BytesIO(b"body { margin: 0 }"), http_headers=css,
                                                  warc_headers_dict={"WARC-Date": "2025-11-12T08:00:01Z"}))


def warcs():
    from warcio.warcwriter import WARCWriter
    with open(os.path.join(OUT, "archive.warc.gz"), "wb") as f:
        warc_records(WARCWriter(f, gzip=True))
    buf = io.BytesIO()
    warc_records(WARCWriter(buf, gzip=False))
    data = buf.getvalue()
    # Break the second record: its Content-Length promises more than follows.
    second = data.index(b"\r\nWARC/1.", 10)
    second = data.index(b"\r\nWARC/1.", second + 10)
    cl = data.index(b"Content-Length: ", second)
    end = data.index(b"\r\n", cl)
    broken = data[:cl] + b"Content-Length: 99999" + data[end:]
    with open(os.path.join(BAD, "corrupt.warc"), "wb") as f:
        f.write(broken)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(BAD, exist_ok=True)
    telegram_json()
    telegram_html()
    pdf()
    scanned_pdf()
    encrypted_pdf()
    office()
    feeds()
    warcs()
    for d in (OUT, BAD):
        for dirpath, _, files in os.walk(d):
            for name in sorted(files):
                p = os.path.join(dirpath, name)
                print(f"{os.path.getsize(p):8d}  {os.path.relpath(p, ROOT)}")
