#!/usr/bin/env python
"""Check the gold files of this held-out set against the raw documents.

    /work/main/.venv/bin/python check_gold.py              # run all checks
    /work/main/.venv/bin/python check_gold.py --dump FILE  # print FILE's visible text units

Visible text units (a key phrase or evidence phrase must lie inside one unit):
  .docx  every w:p in document order, walking the body XML (so text inside block-level and
         inline content controls and in table cells is included) plus headers and footers;
         a paragraph is split at manual line breaks (w:br / w:cr), so a unit is one line.
  .html  every absolutely positioned text div (class "t"), i.e. one printed line each.
  .pdf   the printed lines as pypdfium2 extracts them: the page text split at line ends
         ("\\r\\n") and at hyphenated line ends (pdfium joins "partner-" / "ship" with U+FFFE).
  For every unit, the fi/fl ligature characters (U+FB00-U+FB06) are expanded to their letters
  and runs of whitespace are collapsed to one space, i.e. the text as a reader sees and copies it.
A phrase must occur exactly once in the whole file (summed over units) and be found inside a unit.
"""
from __future__ import annotations

import csv
import re
import sys
import unicodedata
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
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LIGS = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
        "\ufb05": "st", "\ufb06": "st"}


def clean(t: str) -> str:
    for k, v in LIGS.items():
        t = t.replace(k, v)
    t = t.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", t).strip()


def docx_units(path: Path) -> list[str]:
    from lxml import etree

    z = zipfile.ZipFile(path)
    names = z.namelist()
    parts = ["word/document.xml"]
    parts += sorted(n for n in names if re.match(r"word/(header|footer)\d*\.xml$", n))
    units: list[str] = []
    for part in parts:
        root = etree.fromstring(z.read(part))
        for p in root.iter(W + "p"):
            buf = []
            for el in p.iter():
                if el.tag == W + "t":
                    buf.append(el.text or "")
                elif el.tag == W + "tab":
                    buf.append("\t")
                elif el.tag in (W + "br", W + "cr"):
                    buf.append("\n")
            for line in "".join(buf).split("\n"):
                units.append(line)
    return units


def html_units(path: Path) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_bytes(), "lxml")
    units = []
    for div in soup.find_all("div"):
        cls = div.get("class") or []
        if "t" in cls:
            units.append(div.get_text())
    return units


def pdf_units(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    units = []
    for i in range(len(pdf)):
        text = pdf[i].get_textpage().get_text_range()
        units.extend(re.split(r"\r\n|\r|\n|\ufffe", text))
    return units


def units_of(path: Path) -> list[str]:
    ext = path.suffix.lower()
    if ext == ".docx":
        raw = docx_units(path)
    elif ext in (".html", ".htm"):
        raw = html_units(path)
    elif ext == ".pdf":
        raw = pdf_units(path)
    else:
        raise ValueError(f"unsupported file type: {path}")
    return [u for u in (clean(x) for x in raw) if u]


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[1] == "--dump":
        name = Path(argv[2]).name
        for u in units_of(RAW / name):
            print(u)
        return 0

    errors: list[str] = []
    cache: dict[str, list[str]] = {}

    def units(fname: str) -> list[str]:
        if fname not in cache:
            cache[fname] = units_of(RAW / fname)
        return cache[fname]

    def check_phrase(fname: str, phrase: str, where: str, minw: int, maxw: int, pdf_max: int):
        if phrase != phrase.strip() or not phrase:
            errors.append(f"{where}: empty or padded phrase {phrase!r}")
            return
        n = sum(u.count(phrase) for u in units(fname))
        if n != 1:
            errors.append(f"{where}: phrase occurs {n} times in {fname}: {phrase!r}")
        nw = len(phrase.split())
        hi = pdf_max if fname.endswith(".pdf") else maxw
        if not (minw <= nw <= hi):
            errors.append(f"{where}: phrase has {nw} words (allowed {minw}-{hi}): {phrase!r}")

    # manifest
    with open(HERE / "manifest.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    mcols = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
    if not rows or list(rows[0].keys()) != mcols:
        errors.append(f"manifest.csv: columns must be {mcols}")
    raw_files = sorted(p.name for p in RAW.iterdir() if p.is_file())
    if sorted(r["file"] for r in rows) != raw_files:
        errors.append(f"manifest.csv: files {sorted(r['file'] for r in rows)} != raw/ {raw_files}")
    councils = {}
    for r in rows:
        councils[r["file"]] = r["council"]
        if r["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest {r['file']}: bad doc_type {r['doc_type']}")
        if r["source_url"]:
            errors.append(f"manifest {r['file']}: source_url must be empty")
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest {r['file']}: notes must start with the invented-document note")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"manifest {r['file']}: date must be YYYY-MM-DD")

    # items
    with open(HERE / "items_gold.csv", newline="", encoding="utf-8") as f:
        items = list(csv.DictReader(f))
    icols = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
    if not items or list(items[0].keys()) != icols:
        errors.append(f"items_gold.csv: columns must be {icols}")
    per_file: dict[str, int] = {}
    for i, r in enumerate(items, start=2):
        where = f"items_gold.csv line {i}"
        if r["file"] not in raw_files:
            errors.append(f"{where}: unknown file {r['file']}")
            continue
        per_file[r["file"]] = per_file.get(r["file"], 0) + 1
        if r["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {r['kind']}")
        if r["status"] not in STATUSES:
            errors.append(f"{where}: bad status {r['status']}")
        if r["theme"] not in THEMES:
            errors.append(f"{where}: bad theme {r['theme']}")
        check_phrase(r["file"], r["key_phrase"], where, 4, 15, 8)
    for fname in raw_files:
        n = per_file.get(fname, 0)
        if not 20 <= n <= 35:
            errors.append(f"items_gold.csv: {fname} has {n} items (want 20-35)")
    total = sum(per_file.values())
    if not 130 <= total <= 160:
        errors.append(f"items_gold.csv: {total} items in total (want 130-160)")

    # actions
    with open(HERE / "actions_gold.csv", newline="", encoding="utf-8") as f:
        acts = list(csv.DictReader(f))
    acols = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]
    if not acts or list(acts[0].keys()) != acols:
        errors.append(f"actions_gold.csv: columns must be {acols}")
    seen = set()
    for i, r in enumerate(acts, start=2):
        where = f"actions_gold.csv line {i}"
        if r["file"] not in raw_files:
            errors.append(f"{where}: unknown file {r['file']}")
            continue
        if r["action"] not in ACTIONS:
            errors.append(f"{where}: bad action {r['action']}")
        if (r["file"], r["action"]) in seen:
            errors.append(f"{where}: duplicate action {r['action']} for {r['file']}")
        seen.add((r["file"], r["action"]))
        if r["council"] != councils.get(r["file"]):
            errors.append(f"{where}: council {r['council']!r} differs from the manifest")
        check_phrase(r["file"], r["evidence_phrase"], where, 4, 20, 8)

    if errors:
        print("\n".join(errors))
        print(f"FAILED: {len(errors)} problem(s)")
        return 1
    print(f"OK: {len(raw_files)} files, {total} items, {len(acts)} actions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
