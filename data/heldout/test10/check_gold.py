#!/usr/bin/env python
"""Check the gold labels of this held-out set against the visible text of the raw files.

Usage:
    /work/main/.venv/bin/python check_gold.py              # run all checks (exit code 1 on failure)
    /work/main/.venv/bin/python check_gold.py --dump FILE  # print the visible text units of raw/FILE

Visible text units:
  .pdf   one unit per printed line (pypdfium2 text page, split at line breaks)
  .eml   visible headers (From, To, Cc, Date, Subject) and one unit per line of the decoded text/plain part(s)
  .docx  one unit per paragraph: body paragraphs, table cells, text-box paragraphs (w:txbxContent in the
         DrawingML shape; the VML fallback copy inside mc:Fallback is not visible and is skipped),
         footnotes, headers and footers. A paragraph's text excludes the text of text boxes anchored in it.
  .html  one unit per block element (p, li, td, th, h1-h6, caption, ...); inline text is joined, whitespace
         collapsed, <br> splits; <head>, <script>, <style> and <noscript> are not visible
  .pptx  one unit per paragraph of every shape on every slide (including table cells), and one unit per
         paragraph of the speaker notes
"""
import csv
import email
import email.policy
import os
import re
import sys
import zipfile

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


# ------------------------------------------------------------------------------------ extraction
def units_pdf(path):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(path)
    out = []
    for i in range(len(pdf)):
        tp = pdf[i].get_textpage()
        text = tp.get_text_range()
        for line in re.split(r"\r\n|\r|\n", text):
            line = line.strip()
            if line:
                out.append(line)
    return out


def units_eml(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    out = []
    for h in ("From", "To", "Cc", "Date", "Subject"):
        if msg[h]:
            out.append(f"{h}: {msg[h]}")
    for part in msg.walk():
        if part.get_content_type() == "text/plain" and not part.is_attachment():
            for line in part.get_content().splitlines():
                if line.strip():
                    out.append(line.rstrip())
    return out


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_paragraphs(root):
    from lxml import etree  # noqa: F401
    out = []
    for p in root.iter(W + "p"):
        if any(a.tag == MC_FALLBACK for a in p.iterancestors()):
            continue
        buf = []
        for el in p.iter(W + "t", W + "tab"):
            # skip text that belongs to a nested paragraph (a text box anchored in this paragraph)
            owner = next(a for a in el.iterancestors() if a.tag == W + "p")
            if owner is not p:
                continue
            buf.append("\t" if el.tag == W + "tab" else (el.text or ""))
        text = "".join(buf).strip()
        if text:
            out.append(text)
    return out


def units_docx(path):
    from lxml import etree
    out = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        order = ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml"]
        order += sorted(n for n in names if re.match(r"word/(header|footer)\d*\.xml$", n))
        for n in order:
            if n in names:
                out.extend(_docx_paragraphs(etree.fromstring(z.read(n))))
    return out


BLOCK = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "div", "ul", "ol", "table",
         "tr", "thead", "tbody", "header", "footer", "nav", "main", "aside", "section", "article", "form",
         "dl", "dt", "dd", "blockquote", "pre", "body", "html", "label", "button", "figure", "figcaption"}
HIDDEN = {"head", "script", "style", "noscript", "template"}


def units_html(path):
    from bs4 import BeautifulSoup, NavigableString, Comment, Doctype, Declaration, ProcessingInstruction, CData
    with open(path, encoding="utf-8") as f:
        soup = BeautifulSoup(f.read(), "lxml")
    out, buf = [], []

    def flush():
        t = re.sub(r"\s+", " ", "".join(buf)).strip()
        if t:
            out.append(t)
        buf.clear()

    def walk(node):
        for ch in node.children:
            if isinstance(ch, (Comment, Doctype, Declaration, ProcessingInstruction, CData)):
                continue
            if isinstance(ch, NavigableString):
                buf.append(str(ch))
                continue
            name = ch.name
            if name in HIDDEN:
                continue
            if name == "br":
                flush()
                continue
            if name in BLOCK:
                flush()
                walk(ch)
                flush()
            else:
                walk(ch)

    walk(soup)
    flush()
    return out


def units_pptx(path):
    from pptx import Presentation
    prs = Presentation(path)
    out = []

    def shape_units(shape):
        if shape.shape_type == 6:  # group
            for s in shape.shapes:
                yield from shape_units(s)
        if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            for p in shape.text_frame.paragraphs:
                yield "".join(r.text for r in p.runs)
        if getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    for p in cell.text_frame.paragraphs:
                        yield "".join(r.text for r in p.runs)

    for slide in prs.slides:
        for shape in slide.shapes:
            for t in shape_units(shape):
                if t.strip():
                    out.append(t.strip())
        if slide.has_notes_slide:
            for p in slide.notes_slide.notes_text_frame.paragraphs:
                t = "".join(r.text for r in p.runs).strip()
                if t:
                    out.append(t)
    return out


def text_units(fname):
    path = os.path.join(RAW, fname)
    ext = os.path.splitext(fname)[1].lower()
    return {".pdf": units_pdf, ".eml": units_eml, ".docx": units_docx, ".html": units_html,
            ".pptx": units_pptx}[ext](path)


# ------------------------------------------------------------------------------------ checks
def read_csv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        for i, u in enumerate(text_units(os.path.basename(sys.argv[2]))):
            print(f"{i:4d}  {u}")
        return 0

    errors = []
    manifest = read_csv("manifest.csv")
    mcols = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
    with open(os.path.join(HERE, "manifest.csv"), encoding="utf-8") as f:
        header = next(csv.reader(f))
    if header != mcols:
        errors.append(f"manifest columns {header} != {mcols}")
    raw_files = sorted(os.listdir(RAW))
    if sorted(r["file"] for r in manifest) != raw_files:
        errors.append("manifest files do not match raw/")
    for r in manifest:
        if r["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest {r['file']}: bad doc_type {r['doc_type']}")
        if r["source_url"]:
            errors.append(f"manifest {r['file']}: source_url should be empty")
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest {r['file']}: notes must start with the invented-document statement")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"manifest {r['file']}: date {r['date']} not YYYY-MM-DD")

    units = {f: text_units(f) for f in raw_files}

    def check_phrase(fname, phrase, what, row_no, lo, hi):
        if fname not in units:
            errors.append(f"{what} row {row_no}: unknown file {fname}")
            return
        if phrase != phrase.strip() or "\n" in phrase:
            errors.append(f"{what} row {row_no}: phrase has surrounding whitespace or a line break")
        n_words = len(phrase.split())
        if fname.endswith(".pdf"):
            lo, hi = 4, 8
        if not lo <= n_words <= hi:
            errors.append(f"{what} row {row_no} ({fname}): {n_words} words, expected {lo}-{hi}: {phrase!r}")
        count = sum(u.count(phrase) for u in units[fname])
        whole = "\n".join(units[fname]).count(phrase)
        if count != 1 or whole != 1:
            errors.append(f"{what} row {row_no} ({fname}): phrase found {count} times in units "
                          f"({whole} in full text): {phrase!r}")

    items = read_csv("items_gold.csv")
    icols = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
    with open(os.path.join(HERE, "items_gold.csv"), encoding="utf-8") as f:
        header = next(csv.reader(f))
    if header != icols:
        errors.append(f"items_gold columns {header} != {icols}")
    per_file = {}
    for i, r in enumerate(items, start=2):
        per_file[r["file"]] = per_file.get(r["file"], 0) + 1
        if r["kind"] not in KINDS:
            errors.append(f"items row {i}: bad kind {r['kind']}")
        if r["status"] not in STATUSES:
            errors.append(f"items row {i}: bad status {r['status']}")
        if r["theme"] not in THEMES:
            errors.append(f"items row {i}: bad theme {r['theme']}")
        check_phrase(r["file"], r["key_phrase"], "items", i, 4, 15)
    seen = set()
    for r in items:
        k = (r["file"], r["key_phrase"])
        if k in seen:
            errors.append(f"items: duplicate key phrase {k}")
        seen.add(k)
    for f in raw_files:
        n = per_file.get(f, 0)
        if not 20 <= n <= 35:
            errors.append(f"items: {f} has {n} items, expected 20-35")
    if not 130 <= len(items) <= 160:
        errors.append(f"items: {len(items)} in total, expected 130-160")

    actions = read_csv("actions_gold.csv")
    acols = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]
    with open(os.path.join(HERE, "actions_gold.csv"), encoding="utf-8") as f:
        header = next(csv.reader(f))
    if header != acols:
        errors.append(f"actions_gold columns {header} != {acols}")
    councils = {r["file"]: r["council"] for r in manifest}
    seen = set()
    for i, r in enumerate(actions, start=2):
        if r["action"] not in ACTIONS:
            errors.append(f"actions row {i}: bad action {r['action']}")
        if (r["file"], r["action"]) in seen:
            errors.append(f"actions row {i}: duplicate (file, action)")
        seen.add((r["file"], r["action"]))
        if r["council"] != councils.get(r["file"]):
            errors.append(f"actions row {i}: council {r['council']!r} differs from manifest")
        if not r["bodies"].strip():
            errors.append(f"actions row {i}: bodies empty")
        check_phrase(r["file"], r["evidence_phrase"], "actions", i, 4, 20)
    for f in raw_files:
        if not any(r["file"] == f for r in actions):
            errors.append(f"actions: no actions for {f}")

    for e in errors:
        print("ERROR:", e)
    print(f"{len(items)} items, {len(actions)} actions, {len(raw_files)} files; "
          f"{'OK' if not errors else str(len(errors)) + ' error(s)'}")
    for f in raw_files:
        print(f"  {per_file.get(f, 0):3d} items  {sum(1 for r in actions if r['file'] == f):3d} actions  {f}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
