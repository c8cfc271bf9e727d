#!/usr/bin/env python3
"""Check the dev18 gold files against the raw documents.

    /work/main/.venv/bin/python check_gold.py            # run all checks, exit 1 on any failure
    /work/main/.venv/bin/python check_gold.py --dump FILE   # print the visible text units of a raw file

Visible text units, extracted independently of the workbook:
  * PDF  – one unit per printed line, as pypdfium2 returns the page text (split on line breaks);
  * HTML – one unit per <p>, <li>, <h1>-<h6>, <td>/<th> without <p>, and <title>; BeautifulSoup text
           with non-breaking spaces read as spaces and runs of white space collapsed, as a browser shows them;
  * DOCX – one unit per paragraph: body paragraphs, table-cell paragraphs, header and footer paragraphs.

Every key_phrase / evidence_phrase must occur exactly once in the file, inside one unit. Key phrases in
PDFs must lie within one printed line and hold 4–8 words; elsewhere 4–15 words (an item shorter than
that may use its whole text, flagged in notes with "whole item"). In the tracked-changes PDF a phrase must
also read the same once the changes are accepted, so it cannot contain struck-through text.
"""
import csv
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
TRACKED_SOURCE = HERE / "sources" / "05_nottingham_cdp_tor_tracked.txt"

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}


def units_pdf(path):
    import pypdfium2 as pdfium
    out = []
    doc = pdfium.PdfDocument(str(path))
    for i in range(len(doc)):
        text = doc[i].get_textpage().get_text_range()
        for line in re.split(r"\r\n|\r|\n", text):
            line = line.rstrip()
            if line.strip():
                out.append(line)
    return out


def norm_ws(s):
    return re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()


def units_html(path):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    out = []
    for el in soup.find_all(["title", "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th"]):
        if el.name in ("td", "th") and el.find("p"):
            continue
        t = norm_ws(el.get_text())
        if t:
            out.append(t)
    return out


def units_docx(path):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(str(path))
    out = []
    for sec in d.sections:
        for p in sec.header.paragraphs:
            out.append(p.text)
    for child in d.element.body.iterchildren():
        tag = child.tag.split("}")[1]
        if tag == "p":
            out.append(Paragraph(child, d).text)
        elif tag == "tbl":
            for row in Table(child, d).rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        out.append(p.text)
    for sec in d.sections:
        for p in sec.footer.paragraphs:
            out.append(p.text)
    return [u for u in out if u.strip()]


def units(name):
    path = RAW / name
    ext = path.suffix.lower()
    if ext == ".pdf":
        return units_pdf(path)
    if ext in (".htm", ".html"):
        return units_html(path)
    if ext == ".docx":
        return units_docx(path)
    raise ValueError(f"unsupported file type: {name}")


def accepted_text():
    """Text of the tracked-changes source with all changes accepted (deletions removed)."""
    out = []
    for ln in TRACKED_SOURCE.read_text(encoding="utf-8").splitlines():
        m = re.search(r" @(CDP\d+): (.*)$", ln)
        if m:
            out.append(f"Comment [{m.group(1)}]: {m.group(2)}")
            ln = ln[: m.start()]
        ln = re.sub(r"\[-.*?-\]", "", ln)
        ln = re.sub(r"\{\+(.*?)\+\}", r"\1", ln)
        ln = re.sub(r"^(#\w+ |@\w+ |[\d.]+\||-\|)", "", ln)
        out.append(ln)
    return norm_ws("\n".join(out))


def read_csv(name):
    with open(HERE / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main(argv):
    if len(argv) >= 2 and argv[0] == "--dump":
        for i, u in enumerate(units(Path(argv[1]).name)):
            print(f"{i:4d}  {u}")
        return 0

    errors = []
    manifest = read_csv("manifest.csv")
    want_cols = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
    with open(HERE / "manifest.csv", encoding="utf-8") as f:
        if f.readline().strip().split(",") != want_cols:
            errors.append("manifest.csv: wrong columns")
    files = {}
    for r in manifest:
        if not (RAW / r["file"]).exists():
            errors.append(f"manifest: missing raw file {r['file']}")
            continue
        if r["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest: bad doc_type {r['doc_type']}")
        if r["source_url"]:
            errors.append(f"manifest: source_url must be empty for {r['file']}")
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest: notes must start with the invented-document sentence ({r['file']})")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"manifest: bad date {r['date']}")
        files[r["file"]] = r
    raw_files = sorted(p.name for p in RAW.iterdir())
    if sorted(files) != raw_files:
        errors.append(f"manifest files {sorted(files)} != raw/ {raw_files}")

    cache = {f: units(f) for f in files}
    accepted = accepted_text()

    def check_phrase(fname, phrase, what, lo, hi, allow_short):
        us = cache[fname]
        n = sum(u.count(phrase) for u in us)
        if n != 1:
            errors.append(f"{what}: {phrase!r} occurs {n} times in {fname}")
        if "\n" in phrase or phrase != phrase.strip():
            errors.append(f"{what}: {phrase!r} has a line break or outer white space")
        words = len(phrase.split())
        if fname.endswith(".pdf"):
            hi = min(hi, 8)
        if words > hi or (words < lo and not allow_short):
            errors.append(f"{what}: {phrase!r} has {words} words (want {lo}-{hi}) in {fname}")
        if fname.startswith("nottingham_") and norm_ws(phrase) not in accepted:
            errors.append(f"{what}: {phrase!r} does not read the same once changes are accepted (struck text?)")

    items = read_csv("items_gold.csv")
    with open(HERE / "items_gold.csv", encoding="utf-8") as f:
        if f.readline().strip().split(",") != ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]:
            errors.append("items_gold.csv: wrong columns")
    per_file = Counter()
    for i, r in enumerate(items, start=2):
        where = f"items_gold.csv line {i}"
        if r["file"] not in files:
            errors.append(f"{where}: unknown file {r['file']}")
            continue
        per_file[r["file"]] += 1
        if r["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {r['kind']}")
        if r["status"] not in STATUSES:
            errors.append(f"{where}: bad status {r['status']}")
        if r["theme"] not in THEMES:
            errors.append(f"{where}: bad theme {r['theme']}")
        check_phrase(r["file"], r["key_phrase"], where, 4, 15, "whole item" in r["notes"])
    for f in files:
        if not 20 <= per_file[f] <= 35:
            errors.append(f"{f}: {per_file[f]} items (want 20-35)")
    total = sum(per_file.values())
    if not 130 <= total <= 160:
        errors.append(f"total items {total} (want 130-160)")
    keys = Counter((r["file"], r["key_phrase"]) for r in items)
    for k, n in keys.items():
        if n > 1:
            errors.append(f"duplicate item row {k}")

    actions = read_csv("actions_gold.csv")
    with open(HERE / "actions_gold.csv", encoding="utf-8") as f:
        if f.readline().strip().split(",") != ["file", "council", "action", "evidence_phrase", "bodies", "before",
                                               "after", "notes"]:
            errors.append("actions_gold.csv: wrong columns")
    seen = Counter()
    for i, r in enumerate(actions, start=2):
        where = f"actions_gold.csv line {i}"
        if r["file"] not in files:
            errors.append(f"{where}: unknown file {r['file']}")
            continue
        if r["action"] not in ACTIONS:
            errors.append(f"{where}: bad action {r['action']}")
        if r["council"] != files[r["file"]]["council"]:
            errors.append(f"{where}: council {r['council']!r} differs from manifest")
        seen[(r["file"], r["action"])] += 1
        check_phrase(r["file"], r["evidence_phrase"], where, 4, 20, False)
    for k, n in seen.items():
        if n > 1:
            errors.append(f"actions_gold.csv: {n} rows for {k} (one row per document and action)")

    for e in errors:
        print("FAIL", e)
    act_per_file = Counter(r["file"] for r in actions)
    for f in files:
        print(f"{per_file[f]:3d} items {act_per_file[f]:3d} actions  {f}")
    print(f"{total:3d} items {len(actions):3d} actions  total")
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
