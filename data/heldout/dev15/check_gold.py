#!/usr/bin/env python
"""Check the dev15 gold files against the visible text of the raw documents.

    /work/main/.venv/bin/python check_gold.py            # run all checks, print counts and distributions
    /work/main/.venv/bin/python check_gold.py --dump F   # print the visible text units of raw/F

Visible text is extracted independently of the workbook:
  * PDF  - pypdfium2 text lines of every page, plus the printed lines of every AcroForm text field (read from
           the field's /AP appearance stream, one Tj = one printed line; checked against the /V values returned
           by pypdf get_fields()).
  * DOCX - python-docx paragraphs of the body, of every table cell, and of the section headers and footers
           (a paragraph is split at explicit line breaks).
  * XML  - RSS items only: each decoded <title>, and each block (p, li, br, div, h*, tr) of the HTML held in
           the decoded <description>.
  * EML/HTML/TXT are supported for completeness (decoded text parts / BeautifulSoup blocks / lines).
A phrase must occur exactly once in the file's visible text and lie inside one unit (it never crosses a line
break or a printed PDF line).
"""
import csv
import email
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"

KINDS = ["recommendation", "proposal", "implication", "principle", "decision", "resolution", "request", "action",
         "statement"]
STATUSES = ["proposed", "agreed", "deferred", "noted", "rejected"]
THEMES = ["structure", "governance", "membership", "meetings", "resources", "engagement", "programme_management",
          "priorities", "data", "timing"]
ACTIONS = ["merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"]
DOC_TYPES = ["minutes", "report", "news", "other"]
ITEM_COLS = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
ACTION_COLS = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]
MANIFEST_COLS = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
NOTE_PREFIX = "Invented evaluation document (not real)."


# ----------------------------------------------------------------------------------------------- extraction
def _split_lines(text):
    return [ln.rstrip() for ln in re.split(r"\r\n|\r|\n", text)]


def _ap_lines(annot):
    """Printed lines of a text widget: the Tj strings of its normal appearance stream."""
    from pypdf.generic import ContentStream
    ap = annot.get("/AP")
    if not ap or "/N" not in ap:
        return []
    stream = ap["/N"].get_object()
    ops = ContentStream(stream, None).operations
    out = []
    for operands, op in ops:
        if op == b"Tj":
            s = operands[0]
            out.append(s if isinstance(s, str) else bytes(s).decode("cp1252"))
        elif op == b"TJ":
            out.append("".join(x if isinstance(x, str) else "" for x in operands[0]))
    return out


def units_pdf(path):
    import pypdfium2 as pdfium
    from pypdf import PdfReader
    units = []
    doc = pdfium.PdfDocument(str(path))
    for i in range(len(doc)):
        tp = doc[i].get_textpage()
        for ln in _split_lines(tp.get_text_range()):
            if ln.strip():
                units.append((f"p{i + 1}", ln))
    reader = PdfReader(str(path))
    fields = reader.get_fields() or {}
    for pno, page in enumerate(reader.pages, 1):
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a.get("/Subtype") != "/Widget" or a.get("/FT") != "/Tx":
                continue
            name = a.get("/T")
            lines = _ap_lines(a)
            value = str(fields.get(name, {}).get("/V", "") or "")
            if " ".join(" ".join(lines).split()) != " ".join(value.split()):
                raise SystemExit(f"{path.name}: field {name!r} appearance does not match its /V value")
            for ln in lines:
                if ln.strip():
                    units.append((f"p{pno}:field:{name}", ln))
    return units


def units_docx(path):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(str(path))
    units = []

    def para(p, where):
        for ln in p.text.split("\n"):
            if ln.strip():
                units.append((where, ln))

    def block(parent, where):
        for child in parent.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                para(Paragraph(child, d), where)
            elif tag == "tbl":
                t = Table(child, d)
                for r, row in enumerate(t.rows):
                    for c, cell in enumerate(row.cells):
                        block(cell._tc, f"{where}:table[{r},{c}]")

    for s, sec in enumerate(d.sections):
        block(sec.header._element, f"header{s}")
    block(d.element.body, "body")
    for s, sec in enumerate(d.sections):
        block(sec.footer._element, f"footer{s}")
    return units


BLOCKS = ["p", "li", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "table", "blockquote"]


def html_blocks(html):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(html, "lxml")
    for t in soup.find_all(BLOCKS):
        t.insert_after("\n")
        t.insert_before("\n")
    return [ln.strip() for ln in soup.get_text().split("\n") if ln.strip()]


def units_xml(path):
    from lxml import etree
    root = etree.parse(str(path)).getroot()
    units = []
    for n, item in enumerate(root.iter("item"), 1):
        title = item.findtext("title") or ""
        if title.strip():
            units.append((f"item{n}:title", title.strip()))
        for ln in html_blocks(item.findtext("description") or ""):
            units.append((f"item{n}:description", ln))
    return units


def units_eml(path):
    msg = email.message_from_bytes(path.read_bytes())
    units = [("header", f"{k}: {msg[k]}") for k in ("Subject",) if msg[k]]
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "text/plain":
            units += [("text", ln) for ln in _split_lines(part.get_content()) if ln.strip()]
        elif ctype == "text/html":
            units += [("html", ln) for ln in html_blocks(part.get_content())]
    return units


def units_for(path):
    ext = path.suffix.lower()
    if ext == ".pdf":
        return units_pdf(path)
    if ext == ".docx":
        return units_docx(path)
    if ext in (".xml", ".rss"):
        return units_xml(path)
    if ext == ".eml":
        return units_eml(path)
    if ext in (".html", ".htm"):
        return [("html", ln) for ln in html_blocks(path.read_text(encoding="utf-8"))]
    return [("text", ln) for ln in _split_lines(path.read_text(encoding="utf-8")) if ln.strip()]


# ----------------------------------------------------------------------------------------------- checks
def read_csv(name, cols, errors):
    p = HERE / name
    with p.open(encoding="utf-8", newline="") as fh:
        r = csv.DictReader(fh)
        if r.fieldnames != cols:
            errors.append(f"{name}: columns {r.fieldnames} != {cols}")
        return list(r)


def check_phrase(fname, phrase, units, what, errors, lo, hi, pdf_hi):
    text = "\n".join(u for _, u in units)
    n = text.count(phrase)
    if phrase != phrase.strip() or "\n" in phrase:
        errors.append(f"{fname}: {what} has surrounding whitespace or a line break: {phrase!r}")
    if n != 1:
        errors.append(f"{fname}: {what} occurs {n} times: {phrase!r}")
    words = len(phrase.split())
    top = pdf_hi if fname.lower().endswith(".pdf") else hi
    if not lo <= words <= top:
        errors.append(f"{fname}: {what} has {words} words (allowed {lo}-{top}): {phrase!r}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "--dump":
        for where, u in units_for(RAW / Path(argv[1]).name):
            print(f"{where}\t{u}")
        return 0
    errors = []
    manifest = read_csv("manifest.csv", MANIFEST_COLS, errors)
    items = read_csv("items_gold.csv", ITEM_COLS, errors)
    actions = read_csv("actions_gold.csv", ACTION_COLS, errors)
    raw_files = sorted(p.name for p in RAW.iterdir() if p.is_file())
    man_files = [m["file"] for m in manifest]
    if sorted(man_files) != raw_files:
        errors.append(f"manifest files {sorted(man_files)} != raw files {raw_files}")
    councils = {}
    for m in manifest:
        if m["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest: bad doc_type {m['doc_type']!r}")
        if m["source_url"]:
            errors.append(f"manifest: source_url must be empty for {m['file']}")
        if not m["notes"].startswith(NOTE_PREFIX):
            errors.append(f"manifest: notes must start with {NOTE_PREFIX!r} ({m['file']})")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["date"]):
            errors.append(f"manifest: bad date {m['date']!r}")
        councils[m["file"]] = m["council"]
    units = {f: units_for(RAW / f) for f in raw_files}

    seen = Counter()
    for it in items:
        f = it["file"]
        if f not in units:
            errors.append(f"items: unknown file {f}")
            continue
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if it[col] not in allowed:
                errors.append(f"items: bad {col} {it[col]!r} for {it['key_phrase']!r}")
        check_phrase(f, it["key_phrase"], units[f], "key_phrase", errors, 4, 15, 8)
        seen[(f, it["key_phrase"])] += 1
    for (f, k), n in seen.items():
        if n > 1:
            errors.append(f"items: key_phrase used {n} times in {f}: {k!r}")
    seen_a = Counter()
    for a in actions:
        f = a["file"]
        if f not in units:
            errors.append(f"actions: unknown file {f}")
            continue
        if a["action"] not in ACTIONS:
            errors.append(f"actions: bad action {a['action']!r}")
        if a["council"] != councils.get(f):
            errors.append(f"actions: council {a['council']!r} != manifest {councils.get(f)!r} ({f})")
        check_phrase(f, a["evidence_phrase"], units[f], "evidence_phrase", errors, 4, 20, 8)
        seen_a[(f, a["action"])] += 1
    for (f, k), n in seen_a.items():
        if n > 1:
            errors.append(f"actions: action {k} coded {n} times for {f} (one row per document and action)")

    # summary
    print(f"{'file':<88} items actions")
    for f in raw_files:
        print(f"{f:<88} {sum(i['file'] == f for i in items):>5} {sum(a['file'] == f for a in actions):>7}")
    print(f"{'total':<88} {len(items):>5} {len(actions):>7}")
    for col in ("kind", "status", "theme"):
        c = Counter(i[col] for i in items)
        print(f"{col}: " + ", ".join(f"{k} {c[k]}" for k in (KINDS if col == 'kind' else STATUSES if col == 'status'
                                                                 else THEMES) if c[k]))
    c = Counter(a["action"] for a in actions)
    print("actions: " + ", ".join(f"{k} {c[k]}" for k in ACTIONS if c[k]))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("\nOK: all phrases occur exactly once within one text unit; labels, manifest and files check out.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
