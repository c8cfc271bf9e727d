#!/usr/bin/env python
"""Check the dev16 gold files against the visible text of the raw documents.

    /work/main/.venv/bin/python check_gold.py              # run all checks
    /work/main/.venv/bin/python check_gold.py --dump FILE  # print FILE's visible text units

Visible text is extracted independently of the workbook:
  .msg  - aspose-email-foss: subject, sender/recipient header lines, plain-text body lines, and the
          lines of the attached PDF (pypdfium2 text page, one unit per printed line)
  .vtt  - webvtt-py: one unit per caption line of each cue
  .html - BeautifulSoup (lxml): one unit per visible text node in <body> (scripts and styles dropped)
  .csv  - csv module (UTF-8 with BOM): one unit per line of each cell
  .pdf  - the slide deck has no text layer (checked); its visible text is what the slides print,
          taken from sources/ through make_documents.slide_text_units(), one unit per printed line,
          table cell or chart label
A key_phrase or evidence_phrase must occur exactly once in the file's visible text and lie inside
one unit (so it never crosses a line break).
"""
from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish",
           "meeting_frequency", "membership", "terms_of_reference", "review", "pooled_resources",
           "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}


def _norm(s: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", s).strip()


def _pdf_lines(data: bytes, tag: str) -> list[tuple[str, str]]:
    import pypdfium2 as pdfium

    out = []
    pdf = pdfium.PdfDocument(data)
    for p in range(len(pdf)):
        text = pdf[p].get_textpage().get_text_range()
        for n, line in enumerate(re.split(r"\r\n|\r|\n", text)):
            if line.strip():
                out.append((f"{tag} p{p + 1} l{n + 1}", _norm(line)))
    return out


def units_msg(path: Path) -> list[tuple[str, str]]:
    from aspose.email_foss import msg

    m = msg.MapiMessage.from_file(path)
    e = m.to_email_message()
    out = [("subject", _norm(m.subject or ""))]
    for h in ("From", "To", "Cc", "Date"):
        if e[h]:
            out.append((h.lower(), _norm(f"{h}: {e[h]}")))
    for n, line in enumerate(re.split(r"\r\n|\r|\n", m.body or ""), 1):
        if line.strip():
            out.append((f"body l{n}", _norm(line)))
    for a in m.iter_attachments_info():
        out.append(("attachment name", a.filename))
        if (a.mime_type or "").endswith("pdf") or a.filename.lower().endswith(".pdf"):
            out += _pdf_lines(bytes(a.data), "attachment")
    return out


def units_vtt(path: Path) -> list[tuple[str, str]]:
    import webvtt

    out = []
    for i, cap in enumerate(webvtt.read(str(path)), 1):
        for j, line in enumerate(cap.text.splitlines(), 1):
            if line.strip():
                out.append((f"cue {i} ({cap.start}) l{j}", _norm(line)))
    return out


def units_html(path: Path) -> list[tuple[str, str]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_bytes(), "lxml")
    for t in soup(["script", "style", "noscript", "template"]):
        t.decompose()
    out = []
    for n, s in enumerate(soup.body.find_all(string=True), 1):
        text = _norm(str(s).replace("\n", " "))
        if text:
            out.append((f"node {n} <{s.parent.name}>", text))
    return out


def units_csv(path: Path) -> list[tuple[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = []
    header = rows[0]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            for k, line in enumerate(cell.split("\n"), 1):
                if line.strip():
                    col = header[c] if c < len(header) else c
                    out.append((f"row {r} [{col}] l{k}", _norm(line)))
    return out


def units_slides_pdf(path: Path) -> list[tuple[str, str]]:
    import pypdfium2 as pdfium
    from make_documents import slide_text_units

    pages = slide_text_units()
    pdf = pdfium.PdfDocument(str(path))
    assert len(pdf) == len(pages), f"{path.name}: {len(pdf)} pages but {len(pages)} slides in source"
    for p in range(len(pdf)):
        assert not pdf[p].get_textpage().get_text_range().strip(), f"{path.name}: page {p + 1} has a text layer"
    out = []
    for p, units in enumerate(pages, 1):
        for n, u in enumerate(units, 1):
            out.append((f"slide {p} u{n}", _norm(u)))
    return out


def units(path: Path) -> list[tuple[str, str]]:
    ext = path.suffix.lower()
    if ext == ".msg":
        return units_msg(path)
    if ext == ".vtt":
        return units_vtt(path)
    if ext in (".html", ".htm"):
        return units_html(path)
    if ext == ".csv":
        return units_csv(path)
    if ext == ".pdf":
        return units_slides_pdf(path)
    raise ValueError(path)


def is_pdf_unit(file: str, unit_id: str) -> bool:
    return file.endswith(".pdf") or unit_id.startswith("attachment")


def locate(phrase: str, us: list[tuple[str, str]]) -> tuple[int, list[str]]:
    full = "\n".join(t for _, t in us)
    count = full.count(phrase)
    where = [uid for uid, t in us if phrase in t]
    return count, where


def read_csv(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "--dump":
        p = Path(sys.argv[2])
        p = p if p.exists() else RAW / p.name
        for uid, t in units(p):
            print(f"{uid}\t{t}")
        return 0

    errors: list[str] = []
    manifest = read_csv("manifest.csv")
    items = read_csv("items_gold.csv")
    actions = read_csv("actions_gold.csv")

    # manifest
    mcols = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
    with open(HERE / "manifest.csv", encoding="utf-8", newline="") as f:
        if next(csv.reader(f)) != mcols:
            errors.append("manifest.csv: wrong columns")
    raw_files = sorted(p.name for p in RAW.iterdir())
    if sorted(r["file"] for r in manifest) != raw_files:
        errors.append(f"manifest files {sorted(r['file'] for r in manifest)} != raw/ {raw_files}")
    councils = {}
    for r in manifest:
        councils[r["file"]] = r["council"]
        if r["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest {r['file']}: doc_type {r['doc_type']!r}")
        if r["source_url"]:
            errors.append(f"manifest {r['file']}: source_url should be empty")
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest {r['file']}: notes must start with the invented-document statement")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"manifest {r['file']}: date {r['date']!r}")

    cache = {f: units(RAW / f) for f in raw_files}

    def check_phrase(file: str, phrase: str, what: str) -> None:
        if file not in cache:
            errors.append(f"{what}: unknown file {file}")
            return
        if phrase != phrase.strip() or "\n" in phrase:
            errors.append(f"{what}: phrase has a line break or outer spaces: {phrase!r}")
        count, where = locate(phrase, cache[file])
        if count != 1:
            errors.append(f"{what}: {phrase!r} occurs {count} times in {file}")
            return
        nwords = len(phrase.split())
        hi = 8 if is_pdf_unit(file, where[0]) else 15
        if not 4 <= nwords <= hi:
            errors.append(f"{what}: {phrase!r} has {nwords} words (allowed 4-{hi} in {where[0]})")

    # items
    icols = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
    with open(HERE / "items_gold.csv", encoding="utf-8", newline="") as f:
        if next(csv.reader(f)) != icols:
            errors.append("items_gold.csv: wrong columns")
    seen = set()
    for n, r in enumerate(items, 2):
        what = f"items_gold.csv line {n}"
        if r["kind"] not in KINDS:
            errors.append(f"{what}: kind {r['kind']!r}")
        if r["status"] not in STATUSES:
            errors.append(f"{what}: status {r['status']!r}")
        if r["theme"] not in THEMES:
            errors.append(f"{what}: theme {r['theme']!r}")
        if (r["file"], r["key_phrase"]) in seen:
            errors.append(f"{what}: duplicate row")
        seen.add((r["file"], r["key_phrase"]))
        check_phrase(r["file"], r["key_phrase"], what)
    per_file = Counter(r["file"] for r in items)
    for f in raw_files:
        if not 20 <= per_file[f] <= 35:
            errors.append(f"{f}: {per_file[f]} items (want 20-35)")
    if not 130 <= len(items) <= 160:
        errors.append(f"{len(items)} items in total (want 130-160)")

    # actions
    acols = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]
    with open(HERE / "actions_gold.csv", encoding="utf-8", newline="") as f:
        if next(csv.reader(f)) != acols:
            errors.append("actions_gold.csv: wrong columns")
    seen = set()
    for n, r in enumerate(actions, 2):
        what = f"actions_gold.csv line {n}"
        if r["action"] not in ACTIONS:
            errors.append(f"{what}: action {r['action']!r}")
        if (r["file"], r["action"]) in seen:
            errors.append(f"{what}: duplicate (file, action)")
        seen.add((r["file"], r["action"]))
        if r["council"] != councils.get(r["file"]):
            errors.append(f"{what}: council {r['council']!r} differs from manifest")
        if not r["bodies"].strip():
            errors.append(f"{what}: bodies empty")
        check_phrase(r["file"], r["evidence_phrase"], what)

    if errors:
        print("\n".join(errors))
        print(f"FAILED: {len(errors)} problem(s)")
        return 1
    print(f"OK: {len(raw_files)} files, {len(items)} items "
          f"({', '.join(f'{k}: {v}' for k, v in sorted(per_file.items()))}), {len(actions)} actions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
