"""Check the held-out gold against the documents in raw/.

Run with: /work/main/.venv/bin/python check_gold.py

For every row of items_gold.csv and actions_gold.csv it checks that the phrase occurs exactly once in
the visible text of its file, and never crosses a line break:
  .txt   the file itself
  .html  tags stripped; <head>, <script>, <style> dropped; block elements (p, li, td, th, h1-h6, div,
         legend, label, button, a in nav/footer lists ...) end a line; whitespace collapsed inside a line
         (list numbers drawn by CSS are not text, so they are not visible text here)
  .docx  paragraph texts joined by line breaks (table cells included)
  .pdf   pypdfium2 page text, one extracted line per line
  .odp   the text of every text paragraph on every slide (titles, bullets, table cells);
         speaker notes are NOT visible slide text
It also checks labels against the codebook and the manifest against raw/, and prints counts.
"""
from __future__ import annotations

import csv
import html
import re
import sys
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

BASE = Path(__file__).resolve().parent
RAW = BASE / "raw"

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "scrutiny", "news", "web page", "other"}

BLOCK_TAGS = {"p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "table", "ul", "ol",
              "header", "footer", "nav", "section", "article", "aside", "main", "form", "fieldset", "legend",
              "label", "button", "br", "caption", "title", "body", "html", "dt", "dd", "blockquote"}
SKIP_TAGS = {"head", "script", "style", "noscript", "template"}


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(path: Path) -> str:
    p = _Visible()
    p.feed(path.read_text(encoding="utf-8"))
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in "".join(p.parts).split("\n")]
    return "\n".join(ln for ln in lines if ln)


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(path))
    pages = []
    for i in range(len(doc)):
        t = doc[i].get_textpage().get_text_range()
        pages.append(t.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(pages)


def docx_text(path: Path) -> str:
    import docx
    d = docx.Document(str(path))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                out.extend(p.text for p in cell.paragraphs)
    return "\n".join(out)


def odp_text(path: Path, with_notes: bool = False) -> str:
    from lxml import etree
    ns = {
        "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    }
    root = etree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    T = "{%s}" % ns["text"]

    def para_text(el) -> str:
        out = [el.text or ""]
        for child in el:
            if child.tag == T + "s":
                out.append(" " * int(child.get(T + "c", "1")))
            elif child.tag == T + "tab":
                out.append("\t")
            elif child.tag == T + "line-break":
                out.append("\n")
            else:
                out.append(para_text(child))
            out.append(child.tail or "")
        return "".join(out)

    lines = []
    for page in root.iterfind(".//draw:page", ns):
        for el in page.iter(T + "p", T + "h"):
            in_notes = any(a.tag == "{%s}notes" % ns["presentation"] for a in el.iterancestors())
            if in_notes and not with_notes:
                continue
            lines.append(para_text(el))
    return "\n".join(lines)


def visible_text(path: Path) -> str:
    ext = path.suffix.lower()
    if ext in {".html", ".htm"}:
        return html_text(path)
    if ext == ".pdf":
        return pdf_text(path)
    if ext == ".docx":
        return docx_text(path)
    if ext == ".odp":
        return odp_text(path)
    return path.read_text(encoding="utf-8")


def read_csv(name: str) -> list[dict]:
    with open(BASE / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def main() -> int:
    problems: list[str] = []
    texts: dict[str, str] = {}

    def text_of(fname: str) -> str:
        if fname not in texts:
            texts[fname] = visible_text(RAW / fname)
        return texts[fname]

    manifest = read_csv("manifest.csv")
    raw_files = sorted(p.name for p in RAW.iterdir() if p.is_file())
    if sorted(r["file"] for r in manifest) != raw_files:
        problems.append(f"manifest files {sorted(r['file'] for r in manifest)} != raw/ {raw_files}")
    for r in manifest:
        if r["doc_type"] not in DOC_TYPES:
            problems.append(f"manifest {r['file']}: bad doc_type {r['doc_type']!r}")
        if r["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            problems.append(f"manifest {r['file']}: bad date {r['date']!r}")

    items = read_csv("items_gold.csv")
    for i, r in enumerate(items, start=2):
        f, kp = r["file"], r["key_phrase"]
        if r["kind"] not in KINDS:
            problems.append(f"items line {i}: bad kind {r['kind']!r}")
        if r["status"] not in STATUSES:
            problems.append(f"items line {i}: bad status {r['status']!r}")
        if r["theme"] not in THEMES:
            problems.append(f"items line {i}: bad theme {r['theme']!r}")
        if "\n" in kp:
            problems.append(f"items line {i}: key_phrase contains a line break")
        n = text_of(f).count(kp)
        if n != 1:
            problems.append(f"items line {i} ({f}): key_phrase found {n} times: {kp!r}")
        words = len(kp.split())
        if words < 4 or words > 15:
            problems.append(f"items line {i} ({f}): key_phrase has {words} words (check it is the whole item): {kp!r}")

    actions = read_csv("actions_gold.csv")
    for i, r in enumerate(actions, start=2):
        f, ev = r["file"], r["evidence_phrase"]
        if r["action"] not in ACTIONS:
            problems.append(f"actions line {i}: bad action {r['action']!r}")
        n = text_of(f).count(ev)
        if n != 1:
            problems.append(f"actions line {i} ({f}): evidence_phrase found {n} times: {ev!r}")
        words = len(ev.split())
        if words < 6 or words > 20:
            problems.append(f"actions line {i} ({f}): evidence_phrase has {words} words: {ev!r}")

    # counts
    print("visible words per document:")
    for f in raw_files:
        print(f"  {f}: {len(text_of(f).split())}")
    print("\nitems per document:")
    for f, n in sorted(Counter(r["file"] for r in items).items()):
        print(f"  {f}: {n}")
    for col in ("kind", "status", "theme"):
        print(f"\nitems by {col}: " + ", ".join(f"{k} {v}" for k, v in Counter(r[col] for r in items).most_common()))
    print("\nactions per document:")
    for f in raw_files:
        acts = [r["action"] for r in actions if r["file"] == f]
        print(f"  {f}: {len(acts)} - {', '.join(acts)}")
    print(f"\ntotal items {len(items)}, total actions {len(actions)}")

    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print("  " + p)
        return 1
    print("\nAll key phrases and evidence phrases occur exactly once, within one line of visible text.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
