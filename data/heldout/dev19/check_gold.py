#!/usr/bin/env python
"""Check the dev19 gold files against the raw documents.

    python check_gold.py              # run all checks (exit code 1 on failure)
    python check_gold.py --dump FILE  # print the visible text units of raw/FILE
    python check_gold.py --stats      # print item/action counts and distributions

Visible text units (what a phrase must lie within):
  .pdf   one unit per text line as pypdfium2 extracts it (get_text_range split on line breaks).
         PDFium joins a word hyphenated at a line end to the next line with U+FFFE; we split
         there too, so a unit never spans two printed lines.
  .docx  one unit per paragraph (w:p) of the body (including table cells, text boxes and the
         TOC content control), the headers, the footers and the footnotes; runs are joined,
         w:tab becomes a tab, w:br/w:cr a line break; field instructions (w:instrText) and
         deleted text are not visible and are skipped; alt text is not visible text.
  .html  one unit per block element without block descendants (p, li, h1-h6, td, div ...),
         whitespace collapsed; script, style, noscript, template, head and hidden elements
         are removed.
"""
import csv
import io
import os
import re
import sys
import zipfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request", "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement", "programme_management",
          "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}
ITEM_COLS = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
ACTION_COLS = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]
MANIFEST_COLS = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]


# --------------------------------------------------------------------------- extraction
def units_pdf(path):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(path)
    out = []
    for i in range(len(pdf)):
        page = pdf[i]
        tp = page.get_textpage()
        text = tp.get_text_range()
        for line in re.split(r"\r\n|\r|\n|\ufffe|\x02", text):
            line = line.strip()
            if line:
                out.append(line)
        tp.close()
        page.close()
    pdf.close()
    return out


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def units_docx(path):
    from lxml import etree
    z = zipfile.ZipFile(path)
    names = z.namelist()
    order = ["word/document.xml"]
    order += sorted(n for n in names if re.match(r"word/header\d*\.xml$", n))
    order += sorted(n for n in names if re.match(r"word/footer\d*\.xml$", n))
    order += [n for n in ("word/footnotes.xml", "word/endnotes.xml") if n in names]
    out = []
    for n in order:
        root = etree.fromstring(z.read(n))
        for p in root.iter(W + "p"):
            # skip paragraphs nested in another paragraph (text boxes are handled as their own w:p)
            txt = _para_text_own(p)
            for line in txt.split("\n"):
                if line.strip():
                    out.append(line.strip())
    return out


def _para_text_own(p):
    """Text of a paragraph, excluding text of nested paragraphs (e.g. inside text boxes)."""
    parts = []
    for el in p.iter():
        anc = el.getparent()
        nested = False
        while anc is not None and anc is not p:
            if anc.tag == W + "p":
                nested = True
                break
            anc = anc.getparent()
        if nested:
            continue
        tag = el.tag
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag == W + "tab" and el.getparent() is not None and el.getparent().tag == W + "r":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def units_html(path):
    from bs4 import BeautifulSoup
    with open(path, "rb") as fh:
        soup = BeautifulSoup(fh.read(), "lxml")
    for t in soup(["script", "style", "noscript", "template", "head"]):
        t.decompose()
    for t in soup.select("[hidden], [aria-hidden=true]"):
        t.decompose()
    block_tags = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "figcaption",
                  "div", "section", "article", "aside", "header", "footer", "nav", "main", "ol", "ul", "form",
                  "figure", "pre", "address", "caption", "summary", "legend", "body", "html"}
    out = []
    for el in soup.find_all(True):
        if el.name not in block_tags:
            continue
        if el.find(lambda x: x.name in block_tags):
            # text sitting directly in a block that also has block children
            direct = " ".join(s.strip() for s in el.find_all(string=True, recursive=False) if s.strip())
            inl = [c for c in el.children if getattr(c, "name", None) and c.name not in block_tags]
            chunks = [direct] + [" ".join(c.get_text(" ").split()) for c in inl]
            for ch in chunks:
                ch = " ".join(ch.split())
                if ch:
                    out.append(ch)
            continue
        txt = " ".join(el.get_text(" ").split())
        # bs4 inserts a space before punctuation that follows an inline tag; undo the common cases
        txt = re.sub(r" ([,.;:!?)])", r"\1", txt)
        if txt:
            out.append(txt)
    return out


def units(fname):
    path = os.path.join(RAW, fname)
    ext = os.path.splitext(fname)[1].lower()
    if ext == ".pdf":
        return units_pdf(path)
    if ext == ".docx":
        return units_docx(path)
    if ext in (".html", ".htm"):
        return units_html(path)
    raise ValueError(f"unsupported file type: {fname}")


# --------------------------------------------------------------------------- checks
def read_csv(name, cols):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as fh:
        r = csv.DictReader(fh)
        if r.fieldnames != cols:
            raise SystemExit(f"{name}: columns {r.fieldnames} != {cols}")
        return list(r)


def count_in_units(phrase, us):
    total = 0
    for u in us:
        start = 0
        while True:
            k = u.find(phrase, start)
            if k < 0:
                break
            total += 1
            start = k + 1
    return total


def main(argv):
    if len(argv) >= 2 and argv[0] == "--dump":
        for i, u in enumerate(units(argv[1]), 1):
            print(f"{i:4d}  {u}")
        return 0
    errors = []
    manifest = read_csv("manifest.csv", MANIFEST_COLS)
    mfiles = {m["file"] for m in manifest}
    raw_files = set(f for f in os.listdir(RAW) if not f.startswith("."))
    if mfiles != raw_files:
        errors.append(f"manifest files {sorted(mfiles)} != raw files {sorted(raw_files)}")
    for m in manifest:
        if m["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest {m['file']}: doc_type {m['doc_type']!r}")
        if m["source_url"]:
            errors.append(f"manifest {m['file']}: source_url must be empty")
        if not m["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest {m['file']}: notes must start with the invented-document notice")
        if not re.match(r"^\d{4}-\d{2}(-\d{2})?$", m["date"]):
            errors.append(f"manifest {m['file']}: date {m['date']!r}")
        for c in ("council", "body"):
            if not m[c]:
                errors.append(f"manifest {m['file']}: empty {c}")
    cache = {f: units(f) for f in sorted(raw_files)}
    items = read_csv("items_gold.csv", ITEM_COLS)
    seen = set()
    for n, it in enumerate(items, 2):
        f = it["file"]
        where = f"items_gold.csv line {n}"
        if f not in cache:
            errors.append(f"{where}: unknown file {f}")
            continue
        if it["kind"] not in KINDS:
            errors.append(f"{where}: kind {it['kind']!r}")
        if it["status"] not in STATUSES:
            errors.append(f"{where}: status {it['status']!r}")
        if it["theme"] not in THEMES:
            errors.append(f"{where}: theme {it['theme']!r}")
        kp = it["key_phrase"]
        if "\n" in kp or kp != kp.strip():
            errors.append(f"{where}: key_phrase has a line break or outer spaces")
        c = count_in_units(kp, cache[f])
        joined = "\n".join(cache[f])
        if c != 1 or joined.count(kp) != 1:
            errors.append(f"{where}: key_phrase occurs {c} times in units / {joined.count(kp)} in text: {kp!r}")
        nw = len(kp.split())
        pdf = f.endswith(".pdf")
        lo, hi = (4, 8) if pdf else (4, 15)
        if not (lo <= nw <= hi) and "whole item" not in it["notes"]:
            errors.append(f"{where}: key_phrase has {nw} words (expected {lo}-{hi}): {kp!r}")
        if (f, kp) in seen:
            errors.append(f"{where}: duplicate row")
        seen.add((f, kp))
    actions = read_csv("actions_gold.csv", ACTION_COLS)
    councils = {m["file"]: m["council"] for m in manifest}
    for n, a in enumerate(actions, 2):
        f = a["file"]
        where = f"actions_gold.csv line {n}"
        if f not in cache:
            errors.append(f"{where}: unknown file {f}")
            continue
        if a["action"] not in ACTIONS:
            errors.append(f"{where}: action {a['action']!r}")
        if a["council"] != councils.get(f):
            errors.append(f"{where}: council {a['council']!r} differs from manifest {councils.get(f)!r}")
        ep = a["evidence_phrase"]
        c = count_in_units(ep, cache[f])
        joined = "\n".join(cache[f])
        if c != 1 or joined.count(ep) != 1:
            errors.append(f"{where}: evidence_phrase occurs {c} times in units / {joined.count(ep)} in text: {ep!r}")
        nw = len(ep.split())
        lo, hi = (6, 8) if f.endswith(".pdf") else (6, 20)
        if not (lo <= nw <= hi):
            errors.append(f"{where}: evidence_phrase has {nw} words (expected {lo}-{hi}): {ep!r}")
        if not a["bodies"]:
            errors.append(f"{where}: empty bodies")
    dup = Counter((a["file"], a["action"]) for a in actions)
    for k, v in dup.items():
        if v > 1:
            errors.append(f"actions_gold.csv: {k} appears {v} times")
    if "--stats" in argv or not errors:
        print("items per file:")
        for f in sorted(cache):
            print(f"  {f}: {sum(1 for i in items if i['file'] == f)} items, "
                  f"{sum(1 for a in actions if a['file'] == f)} actions")
        print(f"total: {len(items)} items, {len(actions)} actions")
        for col in ("kind", "status", "theme"):
            print(col + ": " + ", ".join(f"{k} {v}" for k, v in Counter(i[col] for i in items).most_common()))
        print("action: " + ", ".join(f"{k} {v}" for k, v in Counter(a["action"] for a in actions).most_common()))
    if errors:
        print(f"{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
