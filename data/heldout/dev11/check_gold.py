#!/usr/bin/env python3
"""Check the gold files in this folder against the visible text of the documents in raw/.

Run with the project venv:  /work/main/.venv/bin/python check_gold.py [--dump]

Checks:
- every key_phrase (items_gold.csv) and evidence_phrase (actions_gold.csv) occurs exactly
  once in the visible text of its file and does not cross a line break;
- key_phrase length 4-15 words (shorter only when the whole item is shorter), evidence
  phrase length 6-20 words;
- kind / status / theme / action values come from the codebook;
- every raw file has a manifest row with a valid doc_type, and every gold row names a raw file.

Visible text: .txt as read; .html with <head>, <script> and <style> removed, block tags
turned into line breaks, other tags stripped and entities decoded; .docx paragraph texts;
.pdf page text from pypdfium2 (pages joined by a line break); .odp the text paragraphs of
every slide (speaker notes excluded).
--dump writes the visible text of each document to /tmp/dev11_visible/ for inspection.
"""
from __future__ import annotations

import csv
import html
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree as ET

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution",
         "request", "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish",
           "meeting_frequency", "membership", "terms_of_reference", "review", "pooled_resources",
           "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "scrutiny", "news", "web page", "other"}

BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
              "table", "thead", "tbody", "caption", "section", "article", "header", "footer", "nav",
              "main", "form", "label", "button", "br", "textarea", "a")


def html_visible(raw: str) -> str:
    t = re.sub(r"(?is)<head\b.*?</head>", "\n", raw)
    t = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1>", "\n", t)
    t = re.sub(r"(?s)<!--.*?-->", "", t)
    # a link inside running text stays inline; other block tags break the line
    t = re.sub(r"(?i)</?(?!a\b)(%s)\b[^>]*>" % "|".join(BLOCK_TAGS[:-1]), "\n", t)
    t = re.sub(r"(?s)<[^>]+>", "", t)
    t = html.unescape(t).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in t.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def pdf_visible(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    pages = []
    for i in range(len(pdf)):
        tp = pdf[i].get_textpage()
        pages.append(tp.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(pages)


NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
}


def _odf_text(el) -> str:
    out = [el.text or ""]
    for child in el:
        tag = child.tag.split("}")[1]
        if tag == "s":
            out.append(" " * int(child.get(f"{{{NS['text']}}}c", "1")))
        elif tag == "tab":
            out.append("\t")
        elif tag == "line-break":
            out.append("\n")
        else:
            out.append(_odf_text(child))
        out.append(child.tail or "")
    return "".join(out)


def odp_visible(path: Path) -> str:
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    paras = []
    for page in root.iter(f"{{{NS['draw']}}}page"):
        skip = set()
        for notes in page.iter(f"{{{NS['presentation']}}}notes"):
            skip.update(id(e) for e in notes.iter())
        for el in page.iter():
            if id(el) in skip:
                continue
            if el.tag in (f"{{{NS['text']}}}p", f"{{{NS['text']}}}h"):
                paras.append(_odf_text(el))
    return "\n".join(paras)


def docx_visible(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    paras = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                paras.extend(p.text for p in cell.paragraphs)
    return "\n".join(paras)


def visible_text(path: Path) -> str:
    ext = path.suffix.lower()
    if ext == ".txt":
        return path.read_text(encoding="utf-8")
    if ext in (".html", ".htm"):
        return html_visible(path.read_text(encoding="utf-8"))
    if ext == ".pdf":
        return pdf_visible(path)
    if ext == ".odp":
        return odp_visible(path)
    if ext == ".docx":
        return docx_visible(path)
    raise ValueError(f"no reader for {path.name}")


def read_csv(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main() -> int:
    raw_files = sorted(p.name for p in RAW.iterdir() if p.is_file())
    texts = {name: visible_text(RAW / name) for name in raw_files}
    if "--dump" in sys.argv:
        out = Path("/tmp/dev11_visible")
        out.mkdir(exist_ok=True)
        for name, t in texts.items():
            (out / (name + ".txt")).write_text(t, encoding="utf-8")
        print(f"visible text written to {out}")
    problems = []
    items = read_csv("items_gold.csv")
    actions = read_csv("actions_gold.csv")
    manifest = read_csv("manifest.csv")

    for n, r in enumerate(items, start=2):
        where = f"items_gold.csv line {n} ({r['file']})"
        if r["file"] not in texts:
            problems.append(f"{where}: unknown file")
            continue
        if r["kind"] not in KINDS:
            problems.append(f"{where}: bad kind {r['kind']!r}")
        if r["status"] not in STATUSES:
            problems.append(f"{where}: bad status {r['status']!r}")
        if r["theme"] not in THEMES:
            problems.append(f"{where}: bad theme {r['theme']!r}")
        kp = r["key_phrase"]
        c = texts[r["file"]].count(kp)
        if "\n" in kp or c != 1:
            problems.append(f"{where}: key_phrase occurs {c} times: {kp!r}")
        nw = len(kp.split())
        if not (4 <= nw <= 15) and "whole item" not in r["notes"]:
            problems.append(f"{where}: key_phrase has {nw} words: {kp!r}")

    for n, r in enumerate(actions, start=2):
        where = f"actions_gold.csv line {n} ({r['file']})"
        if r["file"] not in texts:
            problems.append(f"{where}: unknown file")
            continue
        if r["action"] not in ACTIONS:
            problems.append(f"{where}: bad action {r['action']!r}")
        ev = r["evidence_phrase"]
        c = texts[r["file"]].count(ev)
        if "\n" in ev or c != 1:
            problems.append(f"{where}: evidence_phrase occurs {c} times: {ev!r}")
        nw = len(ev.split())
        if not (6 <= nw <= 20):
            problems.append(f"{where}: evidence_phrase has {nw} words: {ev!r}")
    dup = [k for k, v in Counter((r["file"], r["action"]) for r in actions).items() if v > 1]
    for k in dup:
        problems.append(f"actions_gold.csv: duplicate (file, action) {k}")

    man_files = {r["file"] for r in manifest}
    for r in manifest:
        if r["file"] not in texts:
            problems.append(f"manifest.csv: unknown file {r['file']}")
        if r["doc_type"] not in DOC_TYPES:
            problems.append(f"manifest.csv: bad doc_type {r['doc_type']!r} for {r['file']}")
        if r["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            problems.append(f"manifest.csv: bad date {r['date']!r} for {r['file']}")
    for name in raw_files:
        if name not in man_files:
            problems.append(f"manifest.csv: no row for {name}")

    print("document                                                    words  items  actions")
    for name in raw_files:
        words = len(texts[name].split())
        ni = sum(r["file"] == name for r in items)
        na = sum(r["file"] == name for r in actions)
        print(f"{name:58s} {words:6d} {ni:6d} {na:8d}")
    print(f"{'total':58s} {'':6s} {len(items):6d} {len(actions):8d}")
    for col in ("kind", "status", "theme"):
        print(f"{col}: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r[col] for r in items).items())))
    print("actions: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r["action"] for r in actions).items())))
    if problems:
        print(f"\n{len(problems)} PROBLEM(S):")
        for p in problems:
            print("  " + p)
        return 1
    print("\nOK: every key_phrase and evidence_phrase occurs exactly once in the visible text.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
