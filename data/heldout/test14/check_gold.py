#!/usr/bin/env python
"""Check the gold files of this held-out set against the raw documents.

  python check_gold.py              run all checks (exit status 1 on any error)
  python check_gold.py --dump FILE  print the visible text units of raw/FILE, one per line

Visible text units:
  .pdf   one unit per printed line (pypdfium2 text page, split at line breaks)
  .htm   one unit per block (<p>, <td> without <p>, <li>, <h1>-<h6>); whitespace (including
         non-breaking spaces) collapsed as a browser shows it; <head>/<title>/<style> excluded
  .docx  one unit per paragraph: body paragraphs and table-cell paragraphs in document order,
         then header and footer paragraphs

Checks:
  - manifest columns, doc_type values, empty source_url, notes prefix, files present in raw/
  - items_gold / actions_gold columns; labels are codebook names
  - every key_phrase / evidence_phrase occurs exactly once in the file's visible text and that
    occurrence lies inside one text unit; PDF phrases are 4-8 words (one printed line),
    others 4-15 (key phrases) or 4-20 (evidence phrases)
  - tracked-changes PDF: no character of a phrase is struck through (a drawn horizontal line
    crossing the middle of the glyph)
  - item counts: 20-35 per file, 130-160 in total; every file has at least one action
"""
import csv
import os
import re
import sys

import pypdfium2 as pdfium

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}

MANIFEST_COLS = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
ITEM_COLS = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
ACTION_COLS = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]


def codebook_names():
    """Cross-check the hard-coded names against /work/shared/CODEBOOK.md when it is available."""
    path = "/work/shared/CODEBOOK.md"
    if not os.path.exists(path):
        return None
    text = open(path, encoding="utf-8").read()
    found = set(re.findall(r"^\| ([a-z_]+) \|", text, flags=re.M))
    return found


# ------------------------------------------------------------------ text extraction

def pdf_units(path):
    """Units = printed lines. Also returns, per unit, (page index, start char index) for struck checks."""
    doc = pdfium.PdfDocument(path)
    units, where = [], []
    for pi in range(len(doc)):
        tp = doc[pi].get_textpage()
        n = tp.count_chars()
        text = tp.get_text_range(0, n)
        pos = 0
        for line in re.split(r"(\r\n|\n|\r)", text):
            if line in ("\r\n", "\n", "\r"):
                pos += len(line)
                continue
            units.append(line)
            where.append((pi, pos))
            pos += len(line)
    return units, where


def html_units(path):
    from bs4 import BeautifulSoup
    with open(path, "rb") as f:
        soup = BeautifulSoup(f.read(), "html.parser")
    for t in soup(["head", "title", "style", "script"]):
        t.decompose()
    units = []
    for el in soup.find_all(["p", "td", "li", "h1", "h2", "h3", "h4", "h5", "h6"]):
        if el.name == "td" and el.find("p"):
            continue
        t = re.sub(r"\s+", " ", el.get_text().replace("\xa0", " ")).strip()
        if t:
            units.append(t)
    return units


def docx_units(path):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = Document(path)
    units = []
    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.split("}")[1]
        if tag == "p":
            units.append(Paragraph(child, d).text)
        elif tag == "tbl":
            for row in Table(child, d).rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        units.append(p.text)
    for s in d.sections:
        for p in s.header.paragraphs:
            units.append(p.text)
        for p in s.footer.paragraphs:
            units.append(p.text)
    return [u for u in units if u.strip()]


def units_of(fname):
    path = os.path.join(RAW, fname)
    ext = os.path.splitext(fname)[1].lower()
    if ext == ".pdf":
        return pdf_units(path)[0]
    if ext in (".htm", ".html"):
        return html_units(path)
    if ext == ".docx":
        return docx_units(path)
    raise ValueError(f"unsupported file type: {fname}")


# ------------------------------------------------------------------ struck-through text (PDF)

def struck_chars(path):
    """Return {page index: set of char indices whose glyph is crossed by a drawn horizontal line}."""
    doc = pdfium.PdfDocument(path)
    out = {}
    for pi in range(len(doc)):
        page = doc[pi]
        segs = []
        for obj in page.get_objects():
            if obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH:
                l, b, r, t = obj.get_bounds()
                if (t - b) < 2.0 and (r - l) > 1.0:
                    segs.append((l, r, (t + b) / 2))
        tp = page.get_textpage()
        struck = set()
        if segs:
            for ci in range(tp.count_chars()):
                l, b, r, t = tp.get_charbox(ci, loose=True)
                if r - l <= 0:
                    continue
                cx = (l + r) / 2
                for (sl, sr, sy) in segs:
                    if sl <= cx <= sr and b + 0.28 * (t - b) <= sy <= b + 0.75 * (t - b):
                        struck.add(ci)
                        break
        out[pi] = struck
    return out


# ------------------------------------------------------------------ checks

def occurrences(hay, needle):
    return [m.start() for m in re.finditer("(?=" + re.escape(needle) + ")", hay)]


def main():
    errors, warnings = [], []
    if len(sys.argv) >= 3 and sys.argv[1] == "--dump":
        for i, u in enumerate(units_of(os.path.basename(sys.argv[2]))):
            print(f"{i:4d}| {u}")
        return 0

    cb = codebook_names()
    if cb is not None:
        for group, names in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES), ("action", ACTIONS)):
            missing = names - cb
            if missing:
                errors.append(f"codebook: {group} names not found in CODEBOOK.md: {sorted(missing)}")

    def read(name, cols):
        with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
            r = csv.DictReader(f)
            if r.fieldnames != cols:
                errors.append(f"{name}: columns {r.fieldnames} != {cols}")
            return list(r)

    manifest = read("manifest.csv", MANIFEST_COLS)
    items = read("items_gold.csv", ITEM_COLS)
    actions = read("actions_gold.csv", ACTION_COLS)

    files = {m["file"]: m for m in manifest}
    raw_files = sorted(os.listdir(RAW))
    if sorted(files) != raw_files:
        errors.append(f"manifest files {sorted(files)} != raw/ {raw_files}")
    for m in manifest:
        if m["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest {m['file']}: doc_type {m['doc_type']!r}")
        if m["source_url"]:
            errors.append(f"manifest {m['file']}: source_url should be empty")
        if not m["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest {m['file']}: notes prefix")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["date"]):
            errors.append(f"manifest {m['file']}: date {m['date']!r}")

    cache, struck_cache = {}, {}

    def check_phrase(fname, phrase, what, maxw):
        if fname not in files:
            errors.append(f"{what}: unknown file {fname}")
            return
        if fname not in cache:
            if fname.endswith(".pdf"):
                cache[fname] = pdf_units(os.path.join(RAW, fname))
            else:
                cache[fname] = (units_of(fname), None)
        units, where = cache[fname]
        if phrase != phrase.strip() or "\n" in phrase or "  " in phrase:
            errors.append(f"{what}: bad whitespace in {phrase!r}")
        nw = len(phrase.split())
        is_pdf = fname.endswith(".pdf")
        lo, hi = (4, 8) if is_pdf else (4, maxw)
        if not lo <= nw <= hi:
            errors.append(f"{what}: {nw} words (allowed {lo}-{hi}): {phrase!r}")
        hits = [(i, p) for i, u in enumerate(units) for p in occurrences(u, phrase)]
        joined = " ".join(units)
        total = len(occurrences(joined, phrase))
        if len(hits) != 1 or total != 1:
            errors.append(f"{what}: {len(hits)} in-unit / {total} overall occurrences of {phrase!r} in {fname}")
            return
        if is_pdf:
            if fname not in struck_cache:
                struck_cache[fname] = struck_chars(os.path.join(RAW, fname))
            ui, p = hits[0]
            page, start = where[ui]
            idx = range(start + p, start + p + len(phrase))
            bad = [i for i in idx if i in struck_cache[fname][page]]
            if bad:
                errors.append(f"{what}: phrase includes struck-through text: {phrase!r}")

    per_file = {}
    for n, it in enumerate(items, 2):
        what = f"items_gold.csv line {n}"
        if it["kind"] not in KINDS:
            errors.append(f"{what}: kind {it['kind']!r}")
        if it["status"] not in STATUSES:
            errors.append(f"{what}: status {it['status']!r}")
        if it["theme"] not in THEMES:
            errors.append(f"{what}: theme {it['theme']!r}")
        check_phrase(it["file"], it["key_phrase"], what, 15)
        per_file[it["file"]] = per_file.get(it["file"], 0) + 1

    seen = set()
    act_files = {}
    for n, a in enumerate(actions, 2):
        what = f"actions_gold.csv line {n}"
        if a["action"] not in ACTIONS:
            errors.append(f"{what}: action {a['action']!r}")
        key = (a["file"], a["action"])
        if key in seen:
            errors.append(f"{what}: duplicate (file, action) {key}")
        seen.add(key)
        if a["file"] in files and a["council"] != files[a["file"]]["council"]:
            errors.append(f"{what}: council {a['council']!r} differs from manifest")
        if not a["bodies"].strip():
            errors.append(f"{what}: empty bodies")
        check_phrase(a["file"], a["evidence_phrase"], what, 20)
        act_files[a["file"]] = act_files.get(a["file"], 0) + 1

    for f in files:
        c = per_file.get(f, 0)
        if not 20 <= c <= 35:
            errors.append(f"{f}: {c} items (expected 20-35)")
        if not act_files.get(f):
            errors.append(f"{f}: no actions")
    total = sum(per_file.values())
    if not 130 <= total <= 160:
        errors.append(f"total items {total} (expected 130-160)")

    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(items)} items, {len(actions)} actions, {len(files)} files: "
          + ("OK" if not errors else f"{len(errors)} error(s)"))
    for f in sorted(files):
        print(f"  {f}: {per_file.get(f, 0)} items, {act_files.get(f, 0)} actions")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
