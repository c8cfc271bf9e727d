#!/usr/bin/env python
"""Check the gold files of this held-out set against the raw documents.

    /work/main/.venv/bin/python check_gold.py            # run all checks
    /work/main/.venv/bin/python check_gold.py --dump FILE  # print FILE's visible text units

Visible text is extracted independently of the workbook:
  * PDF  - pypdfium2 text lines of every page, plus the AcroForm text fields: each
           field's printed lines (decoded from its /AP appearance stream); the field
           values (/V, read with pypdf get_fields()) are checked to match them.
  * XML  - RSS: channel title/description, item titles, and the HTML-decoded item
           descriptions split into block elements (p, li, ...) with BeautifulSoup.
  * DOCX - python-docx paragraphs of the body, table cells, headers and footers.
A text unit is one printed line (PDF), one block element (RSS) or one paragraph (DOCX).
Every key_phrase / evidence_phrase must occur exactly once in the file and lie inside
one unit.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

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
DOC_TYPES = {"minutes", "report", "news", "other"}
MANIFEST_COLS = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
ITEM_COLS = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
ACTION_COLS = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


# ---------------------------------------------------------------- extraction
def pdf_units(path: Path) -> tuple[list[str], list[str]]:
    """Return (units, problems)."""
    import pypdfium2 as pdfium
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    units: list[str] = []
    problems: list[str] = []
    doc = pdfium.PdfDocument(str(path))
    for i in range(len(doc)):
        tp = doc[i].get_textpage()
        text = tp.get_text_range()
        for ln in re.split(r"\r\n|\r|\n", text):
            if ln.strip():
                units.append(norm(ln))
    reader = PdfReader(str(path))
    fields = reader.get_fields() or {}
    ap_lines: dict[str, list[str]] = {}
    for page in reader.pages:
        for aref in page.get("/Annots", []) or []:
            a = aref.get_object()
            if a.get("/Subtype") != "/Widget" or a.get("/FT") != "/Tx":
                continue
            name = str(a["/T"])
            ap = a["/AP"]["/N"].get_object()
            cs = ContentStream(ap, reader)
            lines: list[str] = []
            for operands, op in cs.operations:
                if op == b"Tj":
                    s = operands[0]
                    raw = getattr(s, "original_bytes", None)
                    if raw is None:
                        raw = bytes(s)
                    lines.append(raw.decode("cp1252"))
            ap_lines[name] = lines
    for name, fld in fields.items():
        value = fld.get("/V")
        if value is None:
            continue
        value = str(value)
        printed = ap_lines.get(name, [])
        if norm(" ".join(printed)) != norm(" ".join(value.split("\n"))):
            problems.append(f"{path.name}: field {name!r}: appearance text differs from /V value")
        # every printed line must lie within one /V paragraph
        paras = [norm(p) for p in value.split("\n")]
        for ln in printed:
            if not any(norm(ln) in p for p in paras):
                problems.append(f"{path.name}: field {name!r}: printed line not inside one /V paragraph: {ln!r}")
        units.extend(norm(ln) for ln in printed if ln.strip())
    return units, problems


def rss_units(path: Path) -> tuple[list[str], list[str]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_bytes(), "xml")
    units: list[str] = []
    ch = soup.find("channel")
    for tag in ("title", "description"):
        t = ch.find(tag, recursive=False)
        if t and t.get_text(strip=True):
            units.append(norm(t.get_text()))
    for item in ch.find_all("item"):
        t = item.find("title")
        if t:
            units.append(norm(t.get_text()))
        d = item.find("description")
        if d:
            html = BeautifulSoup(d.get_text(), "lxml")
            blocks = html.find_all(["p", "li", "h1", "h2", "h3", "h4", "td", "div"])
            for b in blocks:
                if b.find(["p", "li", "ol", "ul", "div", "table"]):
                    continue
                txt = norm(b.get_text())
                if txt:
                    units.append(txt)
    return units, []


def docx_units(path: Path) -> tuple[list[str], list[str]]:
    import docx

    d = docx.Document(str(path))
    units: list[str] = []

    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def paras_of(container):
        """Paragraph texts of a body/header/footer/cell, tables included, in document order."""
        out = []
        el = container._element
        for child in el.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                out.append(Paragraph(child, container).text)
            elif tag == "tbl":
                for row in Table(child, container).rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        out.extend(paras_of(cell))
            elif tag == "sdt":
                content = child.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdtContent")
                if content is not None:
                    for p in content.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
                        out.append(Paragraph(p, container).text)
        return out

    for sec in d.sections:
        for hf in (sec.first_page_header, sec.header, sec.even_page_header):
            if not hf.is_linked_to_previous or sec is d.sections[0]:
                units.extend(paras_of(hf))
    units.extend(paras_of(d._body))
    for sec in d.sections:
        for hf in (sec.first_page_footer, sec.footer, sec.even_page_footer):
            if not hf.is_linked_to_previous or sec is d.sections[0]:
                units.extend(paras_of(hf))
    # a tab separates a paragraph number from its text; keep both as one unit
    return [norm(u.replace("\t", " ")) for u in units if u.strip()], []


def units_for(path: Path) -> tuple[list[str], list[str]]:
    ext = path.suffix.lower()
    if ext == ".pdf":
        return pdf_units(path)
    if ext == ".xml":
        return rss_units(path)
    if ext == ".docx":
        return docx_units(path)
    raise SystemExit(f"unsupported file type: {path}")


# ---------------------------------------------------------------- checks
def read_csv(path: Path, cols: list[str], errors: list[str]) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        r = csv.DictReader(fh)
        if r.fieldnames != cols:
            errors.append(f"{path.name}: columns {r.fieldnames} != {cols}")
        return list(r)


def check_phrase(kind: str, row_no: int, fname: str, phrase: str, units: list[str],
                 full: str, is_pdf: bool, lo: int, hi: int, errors: list[str]) -> None:
    p = norm(phrase)
    if p != phrase:
        errors.append(f"{kind} row {row_no} ({fname}): phrase has stray whitespace: {phrase!r}")
    n_words = len(p.split())
    if not lo <= n_words <= hi:
        errors.append(f"{kind} row {row_no} ({fname}): {n_words} words (want {lo}-{hi}): {phrase!r}")
    in_units = sum(u.count(p) for u in units)
    in_full = full.count(p)
    if in_units != 1 or in_full != 1:
        errors.append(f"{kind} row {row_no} ({fname}): occurs {in_units}x inside units, {in_full}x in full text: {phrase!r}")


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "--dump":
        path = Path(argv[1])
        if not path.exists():
            path = RAW / argv[1]
        units, problems = units_for(path)
        for j, u in enumerate(units, 1):
            print(f"{j:4d}  {u}")
        for p in problems:
            print("PROBLEM:", p)
        return 0

    errors: list[str] = []
    manifest = read_csv(HERE / "manifest.csv", MANIFEST_COLS, errors)
    items = read_csv(HERE / "items_gold.csv", ITEM_COLS, errors)
    actions = read_csv(HERE / "actions_gold.csv", ACTION_COLS, errors)

    raw_files = sorted(p.name for p in RAW.iterdir() if p.is_file())
    man_files = [m["file"] for m in manifest]
    if sorted(man_files) != raw_files:
        errors.append(f"manifest files {sorted(man_files)} != raw files {raw_files}")
    councils = {}
    for m in manifest:
        councils[m["file"]] = m["council"]
        if m["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest {m['file']}: doc_type {m['doc_type']!r}")
        if m["source_url"]:
            errors.append(f"manifest {m['file']}: source_url must be empty")
        if not m["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest {m['file']}: notes must start with the invented-document sentence")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["date"]):
            errors.append(f"manifest {m['file']}: date {m['date']!r} not YYYY-MM-DD")

    cache: dict[str, tuple[list[str], str]] = {}
    for f in raw_files:
        units, problems = units_for(RAW / f)
        errors.extend(problems)
        cache[f] = (units, " ".join(units))

    for i, row in enumerate(items, 2):
        f = row["file"]
        if f not in cache:
            errors.append(f"items row {i}: unknown file {f!r}")
            continue
        if row["kind"] not in KINDS:
            errors.append(f"items row {i}: kind {row['kind']!r}")
        if row["status"] not in STATUSES:
            errors.append(f"items row {i}: status {row['status']!r}")
        if row["theme"] not in THEMES:
            errors.append(f"items row {i}: theme {row['theme']!r}")
        is_pdf = f.endswith(".pdf")
        units, full = cache[f]
        check_phrase("items", i, f, row["key_phrase"], units, full, is_pdf, 4, 8 if is_pdf else 15, errors)

    for i, row in enumerate(actions, 2):
        f = row["file"]
        if f not in cache:
            errors.append(f"actions row {i}: unknown file {f!r}")
            continue
        if row["action"] not in ACTIONS:
            errors.append(f"actions row {i}: action {row['action']!r}")
        if row["council"] != councils.get(f):
            errors.append(f"actions row {i}: council {row['council']!r} != manifest {councils.get(f)!r}")
        is_pdf = f.endswith(".pdf")
        units, full = cache[f]
        check_phrase("actions", i, f, row["evidence_phrase"], units, full, is_pdf, 6, 8 if is_pdf else 20, errors)
    seen = set()
    for row in actions:
        key = (row["file"], row["action"])
        if key in seen:
            errors.append(f"actions: duplicate (file, action) {key}")
        seen.add(key)

    # summary
    by_file: dict[str, list[int]] = {f: [0, 0] for f in raw_files}
    for row in items:
        by_file.setdefault(row["file"], [0, 0])[0] += 1
    for row in actions:
        by_file.setdefault(row["file"], [0, 0])[1] += 1
    for f, (ni, na) in by_file.items():
        print(f"{f}: {ni} items, {na} actions")
        if not 20 <= ni <= 35:
            errors.append(f"{f}: {ni} items (want 20-35)")
    total = sum(v[0] for v in by_file.values())
    print(f"total: {total} items, {len(actions)} actions")
    if not 130 <= total <= 160:
        errors.append(f"total items {total} (want 130-160)")

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print(" -", e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
