#!/usr/bin/env python
"""Check the dev20 gold files against the documents in raw/.

    /work/main/.venv/bin/python check_gold.py              # run all checks, exit 1 on any error
    /work/main/.venv/bin/python check_gold.py --dump FILE  # print the visible text units of FILE

Visible text is extracted independently of the workbook:
  * PDF   - pypdfium2 text of each page, split into printed lines (one unit = one line). Pages with no
            text layer are the scanned pages of the report pack; their units are the lines that
            make_documents.py rendered into the image (sources/05_scans/*.txt, markup removed).
  * .md   - the rendered page: front matter dropped, one unit per line, table rows split into cells,
            inline Markdown (** _ ` links) removed. A phrase must also occur once in the raw file, so it
            never straddles markup.
  * .json - string values only (keys and numbers excluded), each split at line breaks.
A key phrase / evidence phrase must occur exactly once in the file's units, inside one unit, and once
in the flowing text (units joined by spaces), so it cannot also occur across a line break.
"""
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent
RAW = ROOT / "raw"
SRC = ROOT / "sources"

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}
MANIFEST_COLS = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
ITEM_COLS = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
ACTION_COLS = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]
WATERMARK_WORDS = ("DRAFT", "NOT YET APPROVED")


# ------------------------------------------------------------------------------------------------
# text extraction
# ------------------------------------------------------------------------------------------------
def scan_units(name):
    units = []
    for l in (SRC / "05_scans" / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if l.startswith("#") or not l.strip():
            continue
        if l.startswith(("@rule", "@line", "@arrow")) or l.strip() == "@sig":
            continue
        if l.startswith("@stamp"):
            units += ["RECEIVED", "30 MAY 2024", "COMMUNITY SAFETY"]
            continue
        if l.startswith(("@box", "@hw")):
            units.append(l.split("|", 1)[1])
            continue
        m = re.match(r"^@(h|small|b|c|r|sigline) (.*)$", l)
        units.append(m.group(2) if m else l)
    return units


def pdf_units(path):
    """List of (location, text) units."""
    doc = pdfium.PdfDocument(str(path))
    scans = []
    pack = SRC / "05_buckinghamshire_report_pack.txt"
    if path.name.startswith("buckinghamshire_"):
        scans = [l.split(":", 1)[1].strip() for l in pack.read_text(encoding="utf-8").splitlines()
                 if l.startswith("SCAN:")]
    out, scan_i = [], 0
    for i in range(len(doc)):
        page = doc[i]
        text = page.get_textpage().get_text_range()
        if not text.strip():
            has_image = any(o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for o in page.get_objects())
            if not has_image or scan_i >= len(scans):
                raise SystemExit(f"{path.name}: page {i + 1} has no text and no matching scan source")
            for k, u in enumerate(scan_units(scans[scan_i])):
                out.append((f"p{i + 1} [scan {scans[scan_i]}] u{k + 1}", u))
            scan_i += 1
            continue
        for k, l in enumerate(re.split(r"\r\n|\n|\r", text)):
            if l.strip():
                out.append((f"p{i + 1} l{k + 1}", l))
    if scan_i != len(scans):
        raise SystemExit(f"{path.name}: {len(scans)} scans in the source but {scan_i} image-only pages")
    return out


def strip_md(s):
    s = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = s.replace("**", "").replace("`", "")
    s = re.sub(r"(?<![\w*])[*_]([^*_]+)[*_](?![\w*])", r"\1", s)
    return s.strip()


def md_units(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
        body = list(enumerate(lines))[end + 1:]
    else:
        body = list(enumerate(lines))
    out = []
    for n, l in body:
        t = l.strip()
        if not t or re.fullmatch(r"-{3,}", t):
            continue
        if t.startswith("|"):
            cells = [c.strip() for c in t.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                continue
            for k, c in enumerate(cells):
                if c:
                    out.append((f"line {n + 1} cell {k + 1}", strip_md(c)))
            continue
        t = re.sub(r"^#{1,6}\s+", "", t)
        t = re.sub(r"^>\s?", "", t)
        t = re.sub(r"^[-*]\s+\[[ xX]\]\s+", "", t)
        t = re.sub(r"^[-*]\s+", "", t)
        t = re.sub(r"^\d+\.\s+", "", t)
        t = strip_md(t)
        if t:
            out.append((f"line {n + 1}", t))
    return out


def json_units(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []

    def walk(o, where):
        if isinstance(o, dict):
            for k, v in o.items():
                walk(v, f"{where}.{k}")
        elif isinstance(o, list):
            for k, v in enumerate(o):
                walk(v, f"{where}[{k}]")
        elif isinstance(o, str):
            for k, part in enumerate(o.split("\n")):
                if part.strip():
                    out.append((f"{where}#{k + 1}", part))

    walk(data, "$")
    return out


def units_for(name):
    path = RAW / name
    if path.suffix == ".pdf":
        return pdf_units(path)
    if path.suffix == ".md":
        return md_units(path)
    if path.suffix == ".json":
        return json_units(path)
    raise SystemExit(f"unknown file type: {name}")


# ------------------------------------------------------------------------------------------------
# checks
# ------------------------------------------------------------------------------------------------
def read_csv(path, cols, errors):
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        if r.fieldnames != cols:
            errors.append(f"{path.name}: columns {r.fieldnames} != {cols}")
        return list(r)


def check_phrase(errors, where, name, phrase, units, raw_text, minw, maxw):
    if phrase != phrase.strip() or not phrase:
        errors.append(f"{where}: empty phrase or surrounding whitespace: {phrase!r}")
        return
    nw = len(phrase.split())
    if not (minw <= nw <= maxw):
        errors.append(f"{where}: {nw} words (allowed {minw}-{maxw}): {phrase!r}")
    in_units = sum(u.count(phrase) for _, u in units)
    flow = " ".join(u for _, u in units)
    in_flow = flow.count(phrase)
    if in_units != 1 or in_flow != 1:
        errors.append(f"{where}: occurs {in_units}x inside units, {in_flow}x in flowing text: {phrase!r}")
    if raw_text is not None and raw_text.count(phrase) != 1:
        errors.append(f"{where}: occurs {raw_text.count(phrase)}x in the raw file: {phrase!r}")
    if name.startswith("lewisham_") and any(w in phrase for w in WATERMARK_WORDS):
        errors.append(f"{where}: phrase contains watermark text: {phrase!r}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "--dump":
        for loc, u in units_for(argv[1]):
            print(f"{loc}\t{u}")
        return 0
    errors = []
    manifest = read_csv(ROOT / "manifest.csv", MANIFEST_COLS, errors)
    items = read_csv(ROOT / "items_gold.csv", ITEM_COLS, errors)
    actions = read_csv(ROOT / "actions_gold.csv", ACTION_COLS, errors)

    files = {m["file"]: m for m in manifest}
    raw_files = {p.name for p in RAW.iterdir() if p.is_file()}
    if set(files) != raw_files:
        errors.append(f"manifest files {sorted(files)} != raw files {sorted(raw_files)}")
    for m in manifest:
        if m["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest {m['file']}: bad doc_type {m['doc_type']!r}")
        if m["source_url"]:
            errors.append(f"manifest {m['file']}: source_url must be empty")
        if not m["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest {m['file']}: notes must start with the invented-document sentence")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["date"]):
            errors.append(f"manifest {m['file']}: date {m['date']!r} not YYYY-MM-DD")
        if not m["council"] or not m["body"]:
            errors.append(f"manifest {m['file']}: council and body required")

    cache = {}

    def get(name):
        if name not in cache:
            path = RAW / name
            raw_text = path.read_text(encoding="utf-8") if path.suffix == ".md" else None
            cache[name] = (units_for(name), raw_text)
        return cache[name]

    for n, it in enumerate(items, start=2):
        where = f"items_gold.csv line {n}"
        if it["file"] not in files:
            errors.append(f"{where}: file not in manifest: {it['file']}")
            continue
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if it[col] not in allowed:
                errors.append(f"{where}: bad {col} {it[col]!r}")
        units, raw_text = get(it["file"])
        maxw = 8 if it["file"].endswith(".pdf") else 15
        check_phrase(errors, where, it["file"], it["key_phrase"], units, raw_text, 4, maxw)

    for n, a in enumerate(actions, start=2):
        where = f"actions_gold.csv line {n}"
        if a["file"] not in files:
            errors.append(f"{where}: file not in manifest: {a['file']}")
            continue
        if a["action"] not in ACTIONS:
            errors.append(f"{where}: bad action {a['action']!r}")
        if a["council"] != files[a["file"]]["council"]:
            errors.append(f"{where}: council {a['council']!r} differs from manifest")
        if not a["bodies"]:
            errors.append(f"{where}: bodies empty")
        units, raw_text = get(a["file"])
        maxw = 8 if a["file"].endswith(".pdf") else 20
        check_phrase(errors, where, a["file"], a["evidence_phrase"], units, raw_text, 5, maxw)
    dup = [k for k, c in Counter((a["file"], a["action"]) for a in actions).items() if c > 1]
    if dup:
        errors.append(f"actions_gold.csv: more than one row for {dup}")
    dupi = [k for k, c in Counter((i["file"], i["key_phrase"]) for i in items).items() if c > 1]
    if dupi:
        errors.append(f"items_gold.csv: duplicate key phrases {dupi}")

    # summary
    per_file = Counter(i["file"] for i in items)
    per_file_a = Counter(a["file"] for a in actions)
    for f in files:
        print(f"{f}: {per_file[f]} items, {per_file_a[f]} actions")
    print(f"total: {len(items)} items, {len(actions)} actions")
    for col in ("kind", "status", "theme"):
        print(col + ": " + ", ".join(f"{k} {v}" for k, v in Counter(i[col] for i in items).most_common()))
    print("actions: " + ", ".join(f"{k} {v}" for k, v in Counter(a["action"] for a in actions).most_common()))
    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
