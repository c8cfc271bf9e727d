#!/usr/bin/env python
"""Check the gold files of this held-out set.

  /work/main/.venv/bin/python check_gold.py            # run all checks (exit 1 on failure)
  /work/main/.venv/bin/python check_gold.py --dump F   # print the visible text units of raw/F

Visible text units (a key or evidence phrase must lie inside one unit and occur exactly once
in the whole file):
  .msg  - read back with aspose-email-foss: subject, the plain-text body split into lines, and the
          attached Word decision note (python-docx: header, paragraphs, table cells, footer).
          The message has no HTML body, so the body is counted once.
  .vtt  - one unit per caption text line (timings and cue settings are not text).
  .html - BeautifulSoup: text of each block element (p, li, dt, dd, td, th, h1-h6, ...), inline
          tags joined, whitespace collapsed; script/style/noscript/template removed.
  .csv  - csv module; every line of every cell (line breaks inside quoted cells split units).
  .pdf  - the file has no text layer (checked with pypdfium2); the units are the printed lines
          of the slide source sources/05_*.txt, as rendered by make_documents.py.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
sys.path.insert(0, HERE)

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution",
         "request", "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish",
           "meeting_frequency", "membership", "terms_of_reference", "review", "pooled_resources",
           "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------- extractors
def docx_units(data: bytes):
    import docx

    d = docx.Document(io.BytesIO(data))
    units = []
    for sec in d.sections:
        units += [p.text for p in sec.header.paragraphs]
    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            units.append(docx.text.paragraph.Paragraph(child, d).text)
        elif tag == "tbl":
            t = docx.table.Table(child, d)
            for row in t.rows:
                for cell in row.cells:
                    units += [p.text for p in cell.paragraphs]
    for sec in d.sections:
        units += [p.text for p in sec.footer.paragraphs]
    return units


def msg_units(path: str):
    from aspose.email_foss import msg

    m = msg.MapiMessage.from_file(path)
    units = [m.subject or ""]
    body = (m.body or "").replace("\r\n", "\n")
    units += body.split("\n")
    for a in m.attachments:
        name = a.filename or ""
        units.append(name)
        if name.lower().endswith(".docx"):
            units += docx_units(a.data)
        else:
            raise SystemExit(f"unexpected attachment {name}")
    return units


def vtt_units(path: str):
    units = []
    with open(path, encoding="utf-8") as f:
        blocks = f.read().replace("\r\n", "\n").split("\n\n")
    for b in blocks:
        lines = b.split("\n")
        if "-->" not in b:
            continue  # header block
        i = next(k for k, l in enumerate(lines) if "-->" in l)
        units += [l for l in lines[i + 1:] if l.strip()]
    # cross-check with webvtt-py
    import webvtt

    other = []
    for c in webvtt.read(path):
        other += [l for l in c.text.split("\n") if l.strip()]
    assert other == units, "webvtt-py disagrees with the simple parser"
    return units


BLOCK = {"p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "title",
         "button", "label", "caption", "figcaption", "blockquote", "pre", "address", "div",
         "section", "article", "aside", "header", "footer", "nav", "main", "ul", "ol", "dl",
         "table", "tr", "thead", "tbody", "form", "body", "html"}


def html_units(path: str):
    from bs4 import BeautifulSoup, NavigableString, Comment, Doctype

    with open(path, encoding="utf-8") as f:
        soup = BeautifulSoup(f.read(), "lxml")
    for t in soup(["script", "style", "noscript", "template", "head"]):
        t.decompose()
    # <head> (including <title>) is removed: a browser shows the title only in the tab.
    # walk blocks in document order; <br> splits a block into units
    units = []
    seen = set()
    for s in soup.find_all(string=True):
        if isinstance(s, (Comment, Doctype)):
            continue
        parent = s.parent
        while parent is not None and parent.name not in BLOCK:
            parent = parent.parent
        if parent is None or id(parent) in seen:
            continue
        seen.add(id(parent))
        parts = [""]
        for node in parent.descendants:
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                p = node.parent
                while p is not None and p.name not in BLOCK:
                    p = p.parent
                if p is parent:
                    parts[-1] += str(node)
            elif node.name == "br":
                parts.append("")
        units += [ws(x) for x in parts if ws(x)]
    return units


def csv_units(path: str):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    ncol = len(rows[0])
    assert all(len(r) == ncol for r in rows), "ragged CSV"
    units = []
    for r in rows:
        for cell in r:
            units += cell.split("\n")
    return units


def pdf_units(path: str):
    import pypdfium2 as pdfium
    from make_documents import slide_text_units, parse_slides, src

    doc = pdfium.PdfDocument(path)
    for i in range(len(doc)):
        assert doc[i].get_textpage().get_text_range().strip() == "", "PDF has a text layer"
    _, slides = parse_slides(src("05_scottishborders_slides.txt"))
    assert len(doc) == len(slides), "page count differs from slide source"
    return slide_text_units(src("05_scottishborders_slides.txt"))


def units_for(fname: str):
    path = os.path.join(RAW, fname)
    ext = os.path.splitext(fname)[1].lower()
    fn = {".msg": msg_units, ".vtt": vtt_units, ".html": html_units, ".csv": csv_units,
          ".pdf": pdf_units}[ext]
    return [u for u in fn(path)]


# ---------------------------------------------------------------- checks
def read_csv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main(argv):
    if len(argv) >= 2 and argv[0] == "--dump":
        for i, u in enumerate(units_for(os.path.basename(argv[1]))):
            print(f"{i:4d}| {u}")
        return 0
    errors = []
    raw_files = sorted(f for f in os.listdir(RAW))
    units = {f: units_for(f) for f in raw_files}

    def phrase_ok(where, f, phrase, lo, hi):
        if f not in units:
            errors.append(f"{where}: unknown file {f}")
            return
        n = len(phrase.split())
        if f.endswith(".pdf"):
            hi = min(hi, 8)
        if not lo <= n <= hi:
            errors.append(f"{where}: phrase has {n} words (want {lo}-{hi}): {phrase!r}")
        if "\n" in phrase or phrase != phrase.strip():
            errors.append(f"{where}: phrase has a line break or outer space: {phrase!r}")
        total = sum(u.count(phrase) for u in units[f])
        if total != 1:
            errors.append(f"{where}: phrase occurs {total} times in {f}: {phrase!r}")

    # manifest
    man = read_csv("manifest.csv")
    cols = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
    with open(os.path.join(HERE, "manifest.csv"), encoding="utf-8") as f:
        if next(csv.reader(f)) != cols:
            errors.append("manifest.csv: wrong columns")
    if sorted(r["file"] for r in man) != raw_files:
        errors.append("manifest.csv: files differ from raw/")
    for r in man:
        if r["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest: bad doc_type {r['doc_type']}")
        if r["source_url"]:
            errors.append("manifest: source_url must be empty")
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest: notes must start with the invented-document sentence ({r['file']})")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"manifest: bad date {r['date']}")

    # items
    items = read_csv("items_gold.csv")
    with open(os.path.join(HERE, "items_gold.csv"), encoding="utf-8") as f:
        if next(csv.reader(f)) != ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]:
            errors.append("items_gold.csv: wrong columns")
    for i, r in enumerate(items, 2):
        w = f"items_gold.csv line {i}"
        if r["kind"] not in KINDS:
            errors.append(f"{w}: bad kind {r['kind']}")
        if r["status"] not in STATUSES:
            errors.append(f"{w}: bad status {r['status']}")
        if r["theme"] not in THEMES:
            errors.append(f"{w}: bad theme {r['theme']}")
        phrase_ok(w, r["file"], r["key_phrase"], 4, 15)
    keys = [(r["file"], r["key_phrase"]) for r in items]
    if len(keys) != len(set(keys)):
        errors.append("items_gold.csv: duplicate (file, key_phrase) rows")

    # actions
    acts = read_csv("actions_gold.csv")
    with open(os.path.join(HERE, "actions_gold.csv"), encoding="utf-8") as f:
        if next(csv.reader(f)) != ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]:
            errors.append("actions_gold.csv: wrong columns")
    councils = {r["file"]: r["council"] for r in man}
    for i, r in enumerate(acts, 2):
        w = f"actions_gold.csv line {i}"
        if r["action"] not in ACTIONS:
            errors.append(f"{w}: bad action {r['action']}")
        if r["council"] != councils.get(r["file"]):
            errors.append(f"{w}: council differs from manifest")
        phrase_ok(w, r["file"], r["evidence_phrase"], 4, 20)
    pairs = [(r["file"], r["action"]) for r in acts]
    if len(pairs) != len(set(pairs)):
        errors.append("actions_gold.csv: more than one row for a (file, action)")

    # counts
    from collections import Counter

    ci = Counter(r["file"] for r in items)
    ca = Counter(r["file"] for r in acts)
    for f in raw_files:
        print(f"{ci[f]:3d} items {ca[f]:3d} actions  {f}")
        if not 20 <= ci[f] <= 35:
            errors.append(f"{f}: {ci[f]} items (want 20-35)")
    print(f"{len(items):3d} items {len(acts):3d} actions  total")
    if not 130 <= len(items) <= 160:
        errors.append(f"set has {len(items)} items (want 130-160)")
    if errors:
        print("\nFAILED:")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
