#!/usr/bin/env python
"""Check the gold files of this held-out set against the raw documents.

    /work/main/.venv/bin/python check_gold.py            # run all checks
    /work/main/.venv/bin/python check_gold.py --dump F   # print the visible text units of file F

File names follow manifest.csv; a document inside the zip archive is named
"<archive>/<path inside the archive>".

Text units (what a key phrase must lie inside):
  .pdf   one printed line, from pypdfium2 (page text split on line breaks)
  .docx  one paragraph (body, table cells, headers, footers), from python-docx
  .xlsx  one cell, from openpyxl
  .html  one visible block of text (BeautifulSoup, scripts/styles removed, inline tags unwrapped)
         plus the paragraphs of the JSON-LD NewsArticle articleBody; visible paragraphs that
         repeat an articleBody paragraph word for word (the teaser above the paywall) are
         counted once, so the article is read once, in full
  .jpg   one rendered line, from the page source in sources/04_walsall_photos (what was drawn)
"""
import csv
import io
import json
import re
import sys
import zipfile
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
IMAGE_SOURCES = {
    "walsall_bsp_minutes_2011-03_p1.jpg": "sources/04_walsall_photos/page1.txt",
    "walsall_bsp_minutes_2011-03_p2.jpg": "sources/04_walsall_photos/page2.txt",
    "walsall_bsp_minutes_2011-03_p3.jpg": "sources/04_walsall_photos/page3.txt",
}


def norm_space(s):
    return re.sub(r"[ \t\u00a0]+", " ", s).strip()


# --------------------------------------------------------------------------- extractors
def units_pdf(data):
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(data)
    out = []
    for i in range(len(doc)):
        tp = doc[i].get_textpage()
        txt = tp.get_text_range()
        for ln in re.split(r"\r\n|\r|\n", txt):
            ln = norm_space(ln.replace("\ufffe", "").replace("\x02", ""))
            if ln:
                out.append(ln)
    return out


def units_docx(data):
    import docx
    d = docx.Document(io.BytesIO(data))
    out = []

    def add_pars(pars):
        for p in pars:
            if p.text.strip():
                out.append(p.text)

    def add_tables(tables):
        for t in tables:
            seen, keep = set(), []
            for row in t.rows:
                for cell in row.cells:
                    tc = cell._tc
                    if id(tc) in seen:
                        continue
                    keep.append(tc)  # keep the element alive so its id is not reused
                    seen.add(id(tc))
                    add_pars(cell.paragraphs)
                    add_tables(cell.tables)

    for s in d.sections:
        add_pars(s.header.paragraphs)
    add_pars(d.paragraphs)
    add_tables(d.tables)
    for s in d.sections:
        add_pars(s.footer.paragraphs)
    return out


def units_xlsx(data):
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(data))
    out = []
    for ws in wb.worksheets:
        out.append(ws.title)
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None and str(c.value).strip():
                    out.append(str(c.value))
    return out


def units_html(data):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(data, "lxml")
    bodies = []
    for s in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            obj = json.loads(s.string)
        except Exception:
            continue
        objs = obj if isinstance(obj, list) else [obj]
        for o in objs:
            if isinstance(o, dict) and "articleBody" in o:
                bodies.append(o["articleBody"])
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for tag in soup.find_all(["a", "span", "strong", "em", "b", "i", "time", "label"]):
        tag.unwrap()
    soup.smooth()
    visible = [norm_space(x) for x in soup.get_text("\n").split("\n")]
    visible = [x for x in visible if x]
    ld_units = []
    for b in bodies:
        ld_units += [norm_space(x) for x in re.split(r"\n+", b) if x.strip()]
    ld_set = set(ld_units)
    return [v for v in visible if v not in ld_set] + ld_units


def units_jpg(name):
    src = HERE / IMAGE_SOURCES[name]
    out = []
    for ln in src.read_text(encoding="utf-8").splitlines():
        ln = re.sub(r"^@[BR] ", "", ln)
        parts = re.split(r"\s{4,}", ln.strip())
        for p in parts:  # two-column lines are drawn as two separate runs
            p = norm_space(p)
            if p:
                out.append(p)
    return out


def units_for_bytes(name, data):
    ext = name.lower().rsplit(".", 1)[-1]
    if ext == "pdf":
        return units_pdf(data)
    if ext == "docx":
        return units_docx(data)
    if ext == "xlsx":
        return units_xlsx(data)
    if ext in ("html", "htm"):
        return units_html(data)
    raise ValueError(f"no extractor for {name}")


_cache = {}


def units(file):
    if file in _cache:
        return _cache[file]
    if ".zip/" in file:
        arc, inner = file.split(".zip/", 1)
        with zipfile.ZipFile(RAW / (arc + ".zip")) as z:
            data = z.read(inner)
        u = units_for_bytes(inner, data)
    elif file.lower().endswith(".jpg"):
        u = units_jpg(file)
    else:
        u = units_for_bytes(file, (RAW / file).read_bytes())
    _cache[file] = u
    return u


# --------------------------------------------------------------------------- checks
def read_csv(name):
    with open(HERE / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def check_phrase(file, phrase, what, errors, dup_ok=0):
    us = units(file)
    if phrase != phrase.strip() or "\n" in phrase:
        errors.append(f"{what}: phrase has edge whitespace or a line break: {phrase!r}")
    in_units = sum(u.count(phrase) for u in us)
    whole = "\n".join(us).count(phrase)
    want = dup_ok or 1
    if in_units != want or whole != want:
        errors.append(f"{what}: {file}: phrase found {in_units}x in units ({whole}x in whole text), "
                      f"want {want}: {phrase!r}")
    n = len(phrase.split())
    low_limit, high = (4, 8) if file.lower().endswith((".pdf", ".jpg")) else (4, 15)
    return n, (low_limit, high)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--dump":
        for i, u in enumerate(units(sys.argv[2])):
            print(f"{i:4d} | {u}")
        return 0
    errors, warnings = [], []
    man = read_csv("manifest.csv")
    if list(man[0].keys()) != ["file", "council", "body", "doc_type", "date", "source_url", "notes"]:
        errors.append("manifest columns")
    man_files = set()
    for r in man:
        f = r["file"]
        man_files.add(f)
        if r["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest doc_type {r['doc_type']}")
        if r["source_url"]:
            errors.append(f"manifest source_url not empty for {f}")
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest notes prefix for {f}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"manifest date {r['date']}")
        if f.endswith(".zip"):
            errors.append("manifest must not list the zip itself")
        try:
            units(f)
        except Exception as e:  # noqa
            errors.append(f"manifest file unreadable {f}: {e}")
    # every raw file is covered
    for p in RAW.iterdir():
        if p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                inner = [n for n in z.namelist() if n.lower().endswith((".pdf", ".docx", ".xlsx"))
                         and not n.startswith("__MACOSX/")]
            for n in inner:
                if f"{p.name}/{n}" not in man_files:
                    errors.append(f"zip document missing from manifest: {n}")
        elif p.name not in man_files:
            errors.append(f"raw file missing from manifest: {p.name}")

    items = read_csv("items_gold.csv")
    if list(items[0].keys()) != ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]:
        errors.append("items columns")
    for i, r in enumerate(items, 2):
        w = f"items_gold.csv line {i}"
        if r["file"] not in man_files:
            errors.append(f"{w}: file not in manifest: {r['file']}")
            continue
        if r["kind"] not in KINDS:
            errors.append(f"{w}: kind {r['kind']}")
        if r["status"] not in STATUSES:
            errors.append(f"{w}: status {r['status']}")
        if r["theme"] not in THEMES:
            errors.append(f"{w}: theme {r['theme']}")
        n, (lo, hi) = check_phrase(r["file"], r["key_phrase"], w, errors)
        if n > hi or (n < lo and "SHORT ITEM" not in r["notes"]):
            errors.append(f"{w}: key phrase has {n} words (want {lo}-{hi}): {r['key_phrase']!r}")

    acts = read_csv("actions_gold.csv")
    if list(acts[0].keys()) != ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]:
        errors.append("actions columns")
    seen = set()
    for i, r in enumerate(acts, 2):
        w = f"actions_gold.csv line {i}"
        if r["file"] not in man_files:
            errors.append(f"{w}: file not in manifest: {r['file']}")
            continue
        if r["action"] not in ACTIONS:
            errors.append(f"{w}: action {r['action']}")
        if (r["file"], r["action"]) in seen:
            errors.append(f"{w}: duplicate (file, action)")
        seen.add((r["file"], r["action"]))
        n, (lo, hi) = check_phrase(r["file"], r["evidence_phrase"], w, errors)
        if n > hi or n < lo:
            errors.append(f"{w}: evidence phrase has {n} words (want {lo}-{hi})")
        council = {m["file"]: m["council"] for m in man}[r["file"]]
        if r["council"] != council:
            errors.append(f"{w}: council differs from manifest")

    # summary
    per_doc = {}
    for r in items:
        doc = r["file"].split(".zip/")[0] if ".zip/" in r["file"] else re.sub(r"_p\d\.jpg$", "_pN.jpg", r["file"])
        per_doc[doc] = per_doc.get(doc, 0) + 1
    for d, n in per_doc.items():
        if not 20 <= n <= 35:
            errors.append(f"document {d} has {n} items (want 20-35)")
    if not 130 <= len(items) <= 160:
        errors.append(f"set has {len(items)} items (want 130-160)")
    for e in errors:
        print("ERROR", e)
    for w_ in warnings:
        print("WARN", w_)
    print(f"{len(items)} items, {len(acts)} actions, {len(man)} manifest rows; "
          + ", ".join(f"{k}: {v}" for k, v in per_doc.items()))
    print("OK" if not errors else f"FAILED ({len(errors)} errors)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
