"""Check the dev13 gold files against the visible text of the raw documents.

Usage:
    /work/main/.venv/bin/python check_gold.py             # run all checks
    /work/main/.venv/bin/python check_gold.py --dump FILE # print FILE's visible text units, one per line

Text units (what a reader sees, split where the document itself breaks text):
  * scanned PDF (image-only; no text layer): the typed lines drawn onto the page images, read from
    sources/01_*.txt (the exact lines make_documents.py draws). The PDF is also checked to have no text layer.
  * other PDFs: one unit per printed line, from pypdfium2 (get_text_range, split at line breaks).
  * .docx: one unit per paragraph, in body order, including paragraphs inside table cells
    (merged cells counted once), headers and footers.
  * .eml: the decoded text/html part parsed with BeautifulSoup; one unit per block element
    (p, td, h1-h6, li, div ...) or <br>-separated line; <style>, <head>, comments and
    display:none elements (the hidden pre-header) are not visible and are dropped. The Subject,
    From, To and Date headers are units too.
Whitespace inside a unit is collapsed to single spaces.
A phrase passes when it occurs exactly once in the whole file and that occurrence lies inside one unit.
"""
import csv
import email
import email.policy
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
SRC = os.path.join(HERE, "sources")

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}
SCAN_SOURCES = {"calderdale_cdrp-executive_minutes-scan_2007-02.pdf":
                "01_calderdale_cdrp_executive_minutes_2007-02.txt"}

ITEM_COLS = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
ACTION_COLS = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]
MANIFEST_COLS = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def units_scan(fname):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(os.path.join(RAW, fname))
    for i in range(len(pdf)):
        assert pdf[i].get_textpage().get_text_range().strip() == "", f"{fname}: page {i+1} has a text layer"
    with open(os.path.join(SRC, SCAN_SOURCES[fname]), encoding="utf-8") as f:
        text = f.read()
    return [norm(l) for l in text.replace("\f", "\n").split("\n") if norm(l)]


def units_pdf(fname):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(os.path.join(RAW, fname))
    out = []
    for i in range(len(pdf)):
        txt = pdf[i].get_textpage().get_text_range()
        out += [norm(l) for l in re.split(r"\r\n|\r|\n", txt) if norm(l)]
    return out


def units_docx(fname):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(os.path.join(RAW, fname))
    out = []

    def walk(parent, element):
        for child in element.iterchildren():
            tag = child.tag.split("}")[-1]
            if tag == "p":
                out.append(Paragraph(child, parent).text)
            elif tag == "tbl":
                t = Table(child, parent)
                seen = []  # keep the elements themselves (ids of freed lxml proxies can be reused)
                for row in t.rows:
                    for cell in row.cells:
                        if any(cell._tc is e for e in seen):
                            continue
                        seen.append(cell._tc)
                        walk(cell, cell._tc)
    seen_hf = []
    for sec in d.sections:
        for hf in (sec.header, sec.footer):
            if hf.is_linked_to_previous or any(hf._element is e for e in seen_hf):
                continue
            seen_hf.append(hf._element)
            walk(hf, hf._element)
    walk(d, d.element.body)
    return [norm(u) for u in out if norm(u)]


BLOCK = {"p", "div", "td", "th", "tr", "table", "tbody", "thead", "li", "ul", "ol", "h1", "h2", "h3", "h4",
         "h5", "h6", "center", "body", "blockquote", "section", "header", "footer"}


def units_eml(fname):
    from bs4 import BeautifulSoup, Comment
    with open(os.path.join(RAW, fname), "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    out = []
    for h in ("Subject", "From", "To", "Date"):
        out.append(str(msg[h]))
    html = None
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            html = part.get_content()
    soup = BeautifulSoup(html, "lxml")
    for t in soup(["style", "script", "head", "title"]):
        t.decompose()
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for t in soup.find_all(style=re.compile(r"display\s*:\s*none")):
        t.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for t in soup.find_all(BLOCK):
        t.insert_before("\n")
        t.append("\n")
    out += soup.get_text().split("\n")
    return [norm(u) for u in out if norm(u)]


def units(fname):
    if fname in SCAN_SOURCES:
        return units_scan(fname)
    ext = os.path.splitext(fname)[1].lower()
    return {".pdf": units_pdf, ".docx": units_docx, ".eml": units_eml}[ext](fname)


def read_csv(name, cols):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        assert r.fieldnames == cols, f"{name}: columns {r.fieldnames} != {cols}"
        return list(r)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        for u in units(os.path.basename(sys.argv[2])):
            print(u)
        return 0
    errors = []
    manifest = read_csv("manifest.csv", MANIFEST_COLS)
    mfiles = [m["file"] for m in manifest]
    raw_files = sorted(os.listdir(RAW))
    if sorted(mfiles) != raw_files:
        errors.append(f"manifest files {sorted(mfiles)} != raw/ {raw_files}")
    for m in manifest:
        if m["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest {m['file']}: bad doc_type {m['doc_type']}")
        if m["source_url"]:
            errors.append(f"manifest {m['file']}: source_url should be empty")
        if not m["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest {m['file']}: notes must start with the invented-document statement")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["date"]):
            errors.append(f"manifest {m['file']}: date {m['date']} not YYYY-MM-DD")
    cache = {f: units(f) for f in raw_files}

    def check_phrase(fname, phrase, what, minw, maxw_pdf, maxw, allow_short):
        if fname not in cache:
            errors.append(f"{what}: unknown file {fname}")
            return
        us = cache[fname]
        n = sum(u.count(phrase) for u in us)
        if n != 1:
            errors.append(f"{fname} {what}: phrase occurs {n} times: {phrase!r}")
        if phrase != norm(phrase) or "\n" in phrase:
            errors.append(f"{fname} {what}: phrase has stray whitespace: {phrase!r}")
        nw = len(phrase.split())
        is_pdf = fname.endswith(".pdf")
        hi = maxw_pdf if is_pdf else maxw
        if nw > hi or (nw < minw and not allow_short):
            errors.append(f"{fname} {what}: {nw} words (allowed {minw}-{hi}): {phrase!r}")

    items = read_csv("items_gold.csv", ITEM_COLS)
    per_file = {}
    for k, it in enumerate(items, 2):
        f = it["file"]
        per_file[f] = per_file.get(f, 0) + 1
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if it[col] not in allowed:
                errors.append(f"items row {k}: bad {col} {it[col]!r}")
        short = "whole item" in it["notes"].lower()
        check_phrase(f, it["key_phrase"], f"items row {k}", 4, 8, 15, short)
    for f in raw_files:
        n = per_file.get(f, 0)
        if not 20 <= n <= 35:
            errors.append(f"{f}: {n} items (expected 20-35)")
    if not 130 <= len(items) <= 160:
        errors.append(f"total items {len(items)} (expected 130-160)")
    keys = [(it["file"], it["key_phrase"]) for it in items]
    if len(set(keys)) != len(keys):
        errors.append("duplicate (file, key_phrase) rows in items_gold.csv")

    actions = read_csv("actions_gold.csv", ACTION_COLS)
    councils = {m["file"]: m["council"] for m in manifest}
    seen = set()
    for k, a in enumerate(actions, 2):
        if a["action"] not in ACTIONS:
            errors.append(f"actions row {k}: bad action {a['action']!r}")
        if (a["file"], a["action"]) in seen:
            errors.append(f"actions row {k}: duplicate action {a['action']} for {a['file']}")
        seen.add((a["file"], a["action"]))
        if a["council"] != councils.get(a["file"]):
            errors.append(f"actions row {k}: council {a['council']!r} != manifest {councils.get(a['file'])!r}")
        check_phrase(a["file"], a["evidence_phrase"], f"actions row {k}", 4, 8, 20, False)
    for f in raw_files:
        if not any(a["file"] == f for a in actions):
            errors.append(f"{f}: no actions coded")

    if errors:
        print("FAILED")
        for e in errors:
            print(" -", e)
        return 1
    print(f"OK: {len(manifest)} files, {len(items)} items, {len(actions)} actions")
    for f in raw_files:
        print(f"  {f}: {per_file.get(f, 0)} items, {sum(a['file'] == f for a in actions)} actions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
