#!/usr/bin/env python
"""Check the held-out gold files against the visible text of the documents in raw/.

Run with the project venv:  /work/main/.venv/bin/python check_gold.py
Checks: every key_phrase / evidence_phrase occurs exactly once in the visible text of its file and
never crosses a line break (a cell, for .xlsx); labels come from the codebook; manifest rows are valid.
Prints counts per document and per kind / status / theme.
"""
import collections
import csv
import html
import re
import shutil
import subprocess
import sys
import tempfile
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
DOC_TYPES = {"minutes", "report", "scrutiny", "news", "web page", "other"}


def is_word97(path: Path) -> bool:
    return path.read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1")


def visible_units(path: Path):
    """Return a list of text units (lines or cells) a reader sees; a phrase must lie inside one unit."""
    suffix = path.suffix.lower()
    if suffix in (".doc", ".asp", ".ashx", ".aspx") and is_word97(path):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "document.doc"
            shutil.copy(path, copy)
            out = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile",
                                  "--headless", "--cat", str(copy)],
                                 capture_output=True, check=True).stdout.decode("utf-8")
        return out.lstrip("\ufeff").splitlines()
    if suffix == ".docx":
        import docx
        d = docx.Document(str(path))
        units = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                units.extend(c.text for c in row.cells)
        return units
    if suffix == ".xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path, data_only=True)
        return [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                for v in row if v is not None]
    if suffix == ".pdf":
        import pypdfium2
        pdf = pypdfium2.PdfDocument(str(path))
        units = []
        for page in pdf:
            units.extend(page.get_textpage().get_text_range().splitlines())
        return units
    if suffix in (".html", ".htm"):
        text = re.sub(r"(?is)<(script|style).*?</\1>", " ", path.read_text(encoding="utf-8"))
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
        return text.splitlines()
    return path.read_text(encoding="utf-8").splitlines()


def count(units, phrase):
    n = 0
    for u in units:
        start = 0
        while True:
            i = u.find(phrase, start)
            if i < 0:
                break
            n += 1
            start = i + 1
    return n


def main():
    problems = []
    cache = {}

    def units_for(fname):
        if fname not in cache:
            cache[fname] = visible_units(RAW / fname)
        return cache[fname]

    manifest = list(csv.DictReader(open(HERE / "manifest.csv", encoding="utf-8")))
    files = {r["file"] for r in manifest}
    for r in manifest:
        if not (RAW / r["file"]).exists():
            problems.append(f"manifest: missing file {r['file']}")
        if r["doc_type"] not in DOC_TYPES:
            problems.append(f"manifest: bad doc_type {r['doc_type']!r} for {r['file']}")
        if r["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            problems.append(f"manifest: bad date {r['date']!r} for {r['file']}")
    for p in sorted(RAW.iterdir()):
        if p.name not in files:
            problems.append(f"raw file not in manifest: {p.name}")

    items = list(csv.DictReader(open(HERE / "items_gold.csv", encoding="utf-8")))
    per_doc = collections.Counter()
    by = {k: collections.Counter() for k in ("kind", "status", "theme")}
    seen = set()
    for i, r in enumerate(items, start=2):
        f = r["file"]
        per_doc[f] += 1
        for k in by:
            by[k][r[k]] += 1
        if f not in files:
            problems.append(f"items line {i}: file {f} not in manifest")
            continue
        if r["kind"] not in KINDS:
            problems.append(f"items line {i}: bad kind {r['kind']}")
        if r["status"] not in STATUSES:
            problems.append(f"items line {i}: bad status {r['status']}")
        if r["theme"] not in THEMES:
            problems.append(f"items line {i}: bad theme {r['theme']}")
        kp = r["key_phrase"]
        if (f, kp) in seen:
            problems.append(f"items line {i}: duplicate key_phrase row {kp!r}")
        seen.add((f, kp))
        n = count(units_for(f), kp)
        if n != 1:
            problems.append(f"items line {i}: key_phrase found {n} times in {f}: {kp!r}")
        words = len(kp.split())
        if words > 15 or (words < 4 and "short item" not in r["notes"].lower()):
            problems.append(f"items line {i}: key_phrase has {words} words: {kp!r}")

    actions = list(csv.DictReader(open(HERE / "actions_gold.csv", encoding="utf-8")))
    act_doc = collections.Counter()
    for i, r in enumerate(actions, start=2):
        f = r["file"]
        act_doc[f] += 1
        if r["action"] not in ACTIONS:
            problems.append(f"actions line {i}: bad action {r['action']}")
        if f not in files:
            problems.append(f"actions line {i}: file {f} not in manifest")
            continue
        ev = r["evidence_phrase"]
        n = count(units_for(f), ev)
        if n != 1:
            problems.append(f"actions line {i}: evidence_phrase found {n} times in {f}: {ev!r}")
        words = len(ev.split())
        if not 6 <= words <= 20:
            problems.append(f"actions line {i}: evidence_phrase has {words} words: {ev!r}")

    print("items per document:")
    for f in sorted(per_doc):
        print(f"  {f}: {per_doc[f]} items, {act_doc[f]} actions")
    print(f"  total: {sum(per_doc.values())} items, {sum(act_doc.values())} actions")
    for k, c in by.items():
        print(f"{k}: " + ", ".join(f"{a} {b}" for a, b in c.most_common()))
    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("\nAll key phrases and evidence phrases occur exactly once; all labels valid.")


if __name__ == "__main__":
    main()
