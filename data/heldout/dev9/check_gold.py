"""Check the gold files against the visible text of the documents in raw/.

Run with /work/main/.venv/bin/python check_gold.py [--dump]

Visible text per format:
  .doc / GetDocument.ashx  `soffice --headless --cat` (the .ashx is copied to a temporary .doc first)
  .xlsx                    every cell value read with openpyxl (data_only=True), sheet by sheet, one cell per line
  .pdf                     pypdfium2 page text, page by page
Rules checked: every key_phrase / evidence_phrase occurs exactly once in its file (except rows whose notes say
"occurrence N of M"), lies within one line (one cell for .xlsx, one page for .pdf), and every label value is
from the codebook. Exit code 1 if anything fails.
"""
import csv
import re
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "scrutiny", "news", "web page", "other"}


def doc_text(path):
    tmp = tempfile.mkdtemp()
    try:
        p = os.path.join(tmp, "doc.doc")
        shutil.copy(path, p)
        out = subprocess.run(["soffice", "--headless", "--cat", p], check=True, capture_output=True).stdout
        return out.decode("utf-8")
    finally:
        shutil.rmtree(tmp)


def xlsx_units(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, data_only=True)
    units = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    units.append(str(c.value))
    return units


def pdf_units(path):
    import pypdfium2
    pdf = pypdfium2.PdfDocument(path)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def visible_units(fname):
    """Return the file's visible text as a list of units (a phrase may not cross a unit or a line break)."""
    path = os.path.join(RAW, fname)
    if fname.endswith(".xlsx"):
        return xlsx_units(path)
    if fname.endswith(".pdf"):
        return pdf_units(path)
    if fname.endswith(".txt"):
        return [open(path, encoding="utf-8").read()]
    return [doc_text(path)]  # .doc and the Word 97 file saved as GetDocument.ashx


def lines_of(units):
    out = []
    for u in units:
        out.extend(u.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return out


def main():
    dump = "--dump" in sys.argv
    cache, problems = {}, []

    def text(fname):
        if fname not in cache:
            cache[fname] = visible_units(fname)
        return cache[fname]

    def check_phrase(fname, phrase, what, notes=""):
        units = text(fname)
        whole = "\n".join(lines_of(units))
        n_total = whole.count(phrase) if "\n" not in phrase else 0
        n_line = sum(ln.count(phrase) for ln in lines_of(units))
        expected = 1
        if "occurrence" in notes and " of " in notes:
            try:
                expected = int(notes.split("occurrence")[1].split(" of ")[1].split()[0].strip(".;,)"))
            except (ValueError, IndexError):
                pass
        n_norm = re.sub(r"\s+", " ", whole).count(re.sub(r"\s+", " ", phrase))
        if n_line != expected or n_total != n_line or n_norm != n_line:
            problems.append(f"{what}: {fname}: {phrase!r} found {n_line} time(s) within lines "
                            f"(expected {expected}; {n_norm} with line breaks ignored)")

    with open(os.path.join(HERE, "manifest.csv"), encoding="utf-8") as f:
        manifest = list(csv.DictReader(f))
    files = {r["file"] for r in manifest}
    for r in manifest:
        if r["doc_type"] not in DOC_TYPES:
            problems.append(f"manifest: bad doc_type {r['doc_type']!r}")
        if not os.path.exists(os.path.join(RAW, r["file"])):
            problems.append(f"manifest: missing file {r['file']}")

    counts = {}
    with open(os.path.join(HERE, "items_gold.csv"), encoding="utf-8") as f:
        items = list(csv.DictReader(f))
    for i, r in enumerate(items, start=2):
        if r["file"] not in files:
            problems.append(f"items line {i}: file not in manifest: {r['file']}")
            continue
        counts[r["file"]] = counts.get(r["file"], 0) + 1
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if r[col] not in allowed:
                problems.append(f"items line {i}: bad {col} {r[col]!r}")
        nw = len(r["key_phrase"].split())
        if nw > 15 or (nw < 4 and "whole" not in r["notes"].lower()):
            problems.append(f"items line {i}: key_phrase has {nw} words: {r['key_phrase']!r}")
        check_phrase(r["file"], r["key_phrase"], f"items line {i}", r["notes"])

    with open(os.path.join(HERE, "actions_gold.csv"), encoding="utf-8") as f:
        actions = list(csv.DictReader(f))
    for i, r in enumerate(actions, start=2):
        if r["file"] not in files:
            problems.append(f"actions line {i}: file not in manifest: {r['file']}")
            continue
        if r["action"] not in ACTIONS:
            problems.append(f"actions line {i}: bad action {r['action']!r}")
        nw = len(r["evidence_phrase"].split())
        if not 6 <= nw <= 20:
            problems.append(f"actions line {i}: evidence_phrase has {nw} words")
        check_phrase(r["file"], r["evidence_phrase"], f"actions line {i}")
    pairs = [(r["file"], r["action"]) for r in actions]
    for p in set(pairs):
        if pairs.count(p) > 1:
            problems.append(f"actions: duplicate (file, action) {p}")

    if dump:
        for fname in sorted(files):
            print("=" * 30, fname)
            for ln in lines_of(text(fname)):
                print(ln)
    for fname in sorted(files):
        print(f"{fname}: {counts.get(fname, 0)} items, "
              f"{sum(1 for r in actions if r['file'] == fname)} actions")
    if problems:
        print(f"{len(problems)} PROBLEM(S):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("OK: all key phrases and evidence phrases occur exactly once, within one line.")


if __name__ == "__main__":
    main()
