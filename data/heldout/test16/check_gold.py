#!/usr/bin/env python
"""Check the test16 gold against the raw files.

    /work/main/.venv/bin/python check_gold.py            # run all checks (exit 1 on failure)
    /work/main/.venv/bin/python check_gold.py --dump FILE  # print a file's visible text units

Visible text units, extracted independently of the workbook:
  * PDF  – one unit per printed line (pypdfium2 text page, split on line breaks). Pages without a
           text layer (the scanned pages of the report pack) take their lines from the text that
           make_documents.py rendered into the image (sources/05_…, one line per printed line);
           the check confirms that those pages really have no text layer and carry an image.
  * MD   – one unit per line of the rendered page: inline markup (**, *, `, links, task boxes,
           list markers, heading hashes, blockquote markers) removed; a table row gives one unit
           per cell. The YAML front matter lines are kept as units (they are in the file).
  * JSON – one unit per line of every string value (keys and numbers are not visible text).
A key_phrase / evidence_phrase must occur exactly once over all units of its file, so it lies inside
one unit (it never crosses a line break or a cell); for MD and JSON it must also occur once in
the raw bytes (so it does not straddle markup or escapes).
"""
import csv
import json
import re
import sys
from pathlib import Path

import pypdfium2 as pdfium

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
import make_documents as md  # noqa: E402  (only for the scanned-page text of source 05)

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}
WATERMARK_BITS = ["DRAFT", "NOT YET", "APPROVED"]


def codebook_cross_check(errors):
    """If the shared codebook is readable, make sure the hard-coded label sets match it."""
    cb = Path("/work/shared/CODEBOOK.md")
    if not cb.exists():
        return
    text = cb.read_text(encoding="utf-8")

    def col(section):
        part = text.split(section, 1)[1].split("\n## ", 1)[0]
        rows = [ln for ln in part.split("\n") if ln.startswith("|")]
        return {m.group(1) for ln in rows[2:] for m in [re.match(r"^\| ([a-z_]+) \|", ln)] if m}

    for section, ours in [("## Item kind", KINDS), ("## Item status", STATUSES), ("## Item theme", THEMES),
                          ("## Restructuring actions", ACTIONS)]:
        if col(section) != ours:
            errors.append(f"codebook mismatch in {section}: {sorted(col(section) ^ ours)}")


# ------------------------------------------------------------------------------------------------
def pdf_units(path):
    doc = pdfium.PdfDocument(str(path))
    scans = []
    if path.name == md.OUT["05"]:
        lines = md.src_lines("05_cumberland_hwb_pack.txt")
        scans = [c for c in md.parse_pack([ln for ln in lines if not ln.startswith("@")]) if c[0] == "scan"]
    units, scan_pages, k = [], [], 0
    for i in range(len(doc)):
        page = doc[i]
        text = page.get_textpage().get_text_range()
        if text.strip():
            for j, ln in enumerate(re.split(r"\r\n|\n|\r", text)):
                if ln.strip():
                    units.append((f"p{i + 1}:l{j + 1}", ln.strip()))
        else:
            n_img = sum(1 for o in page.get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
            if k >= len(scans):
                raise SystemExit(f"{path.name}: page {i + 1} has no text layer and no scan source")
            kind = scans[k][1]
            for j, ln in enumerate(md.scan_text_lines(scans[k][3])):
                units.append((f"p{i + 1}[scan:{kind}]:l{j + 1}", ln.strip()))
            scan_pages.append((i + 1, kind, n_img))
            k += 1
    if k != len(scans):
        raise SystemExit(f"{path.name}: {len(scans)} scan sources but {k} image-only pages")
    return units, scan_pages


def strip_inline(s):
    s = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = s.replace("**", "").replace("`", "")
    s = re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)\*(?![\w*])", r"\1", s)
    return s.strip()


def md_units(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    units = []
    in_fm = lines and lines[0].strip() == "---"
    for i, ln in enumerate(lines, 1):
        loc = f"l{i}"
        if in_fm:
            if i > 1 and ln.strip() == "---":
                in_fm = False
                continue
            if ln.strip() and ln.strip() != "---":
                units.append((loc + "[front-matter]", ln.strip()))
            continue
        s = ln.strip()
        if not s or re.fullmatch(r"-{3,}", s):
            continue
        if s.startswith("|"):
            if re.fullmatch(r"\|[\s:|-]+\|", s):
                continue
            for c, cell in enumerate(s.strip("|").split("|"), 1):
                cell = strip_inline(cell)
                if cell:
                    units.append((f"{loc}:c{c}", cell))
            continue
        s = re.sub(r"^#{1,6}\s+", "", s)
        while s.startswith(">"):
            s = s[1:].lstrip()
        s = re.sub(r"^[-*+]\s+\[[ xX]\]\s+", "", s)
        s = re.sub(r"^[-*+]\s+", "", s)
        s = re.sub(r"^\d+\.\s+", "", s)
        s = strip_inline(s)
        if s:
            units.append((loc, s))
    return units


def json_units(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    units = []

    def walk(o, loc):
        if isinstance(o, dict):
            for k, v in o.items():
                walk(v, f"{loc}.{k}" if loc else k)
        elif isinstance(o, list):
            for n, v in enumerate(o):
                walk(v, f"{loc}[{n}]")
        elif isinstance(o, str):
            for j, ln in enumerate(o.split("\n"), 1):
                if ln.strip():
                    units.append((f"{loc}:l{j}", ln))

    walk(data, "")
    return units


def visible_units(name):
    path = RAW / name
    if path.suffix == ".pdf":
        return pdf_units(path)[0]
    if path.suffix == ".md":
        return md_units(path)
    if path.suffix == ".json":
        return json_units(path)
    raise SystemExit(f"unknown file type: {name}")


def raw_count(name, phrase):
    path = RAW / name
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8").count(phrase)
    if path.suffix == ".json":
        return path.read_text(encoding="utf-8").count(json.dumps(phrase, ensure_ascii=False)[1:-1])
    return None


# ------------------------------------------------------------------------------------------------
def check_phrase(errors, warnings, cache, name, phrase, what, min_words, max_words):
    if name not in cache:
        cache[name] = visible_units(name)
    units = cache[name]
    n = sum(t.count(phrase) for _, t in units)
    if n != 1:
        errors.append(f"{name}: {what} occurs {n} times in the visible text units: {phrase!r}")
    rc = raw_count(name, phrase)
    if rc is not None and rc != 1:
        errors.append(f"{name}: {what} occurs {rc} times in the raw file: {phrase!r}")
    if "\n" in phrase or phrase != phrase.strip():
        errors.append(f"{name}: {what} has a line break or outer spaces: {phrase!r}")
    words = len(phrase.split())
    limit = 8 if name.endswith(".pdf") else max_words
    if not (min_words <= words <= limit):
        errors.append(f"{name}: {what} has {words} words (allowed {min_words}-{limit}): {phrase!r}")
    if name == md.OUT["03"] and any(b in phrase for b in WATERMARK_BITS):
        errors.append(f"{name}: {what} contains watermark text: {phrase!r}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "--dump":
        name = Path(argv[1]).name
        if (RAW / name).suffix == ".pdf":
            units, scans = pdf_units(RAW / name)
            for p, kind, n_img in scans:
                print(f"# page {p}: no text layer, {n_img} image object(s), scanned {kind}")
        else:
            units = visible_units(name)
        for loc, t in units:
            print(f"{loc}\t{t}")
        return 0

    errors, warnings, cache = [], [], {}
    codebook_cross_check(errors)

    # manifest
    with open(HERE / "manifest.csv", newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        if rd.fieldnames != ["file", "council", "body", "doc_type", "date", "source_url", "notes"]:
            errors.append(f"manifest columns: {rd.fieldnames}")
        manifest = list(rd)
    files = {r["file"] for r in manifest}
    for r in manifest:
        if not (RAW / r["file"]).exists():
            errors.append(f"manifest: missing raw file {r['file']}")
        if r["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest: bad doc_type {r['doc_type']}")
        if r["source_url"]:
            errors.append(f"manifest: source_url must be empty for {r['file']}")
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest: notes must start with the invented-document sentence ({r['file']})")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"manifest: bad date {r['date']}")
    raw_files = {p.name for p in RAW.iterdir()}
    if raw_files != files:
        errors.append(f"raw/ and manifest differ: {sorted(raw_files ^ files)}")

    # items
    with open(HERE / "items_gold.csv", newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        if rd.fieldnames != ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]:
            errors.append(f"items_gold columns: {rd.fieldnames}")
        items = list(rd)
    per_file = {}
    for r in items:
        if r["file"] not in files:
            errors.append(f"items: unknown file {r['file']}")
            continue
        per_file[r["file"]] = per_file.get(r["file"], 0) + 1
        for col, allowed in [("kind", KINDS), ("status", STATUSES), ("theme", THEMES)]:
            if r[col] not in allowed:
                errors.append(f"items: bad {col} {r[col]!r} ({r['key_phrase']!r})")
        check_phrase(errors, warnings, cache, r["file"], r["key_phrase"], "key_phrase", 4, 15)
    seen = set()
    for r in items:
        k = (r["file"], r["key_phrase"])
        if k in seen:
            errors.append(f"items: duplicate row {k}")
        seen.add(k)
    for name in sorted(files):
        n = per_file.get(name, 0)
        if not 20 <= n <= 35:
            errors.append(f"items: {name} has {n} items (want 20-35)")
    if not 130 <= len(items) <= 160:
        errors.append(f"items: {len(items)} in total (want 130-160)")

    # actions
    with open(HERE / "actions_gold.csv", newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        if rd.fieldnames != ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]:
            errors.append(f"actions_gold columns: {rd.fieldnames}")
        actions = list(rd)
    councils = {r["file"]: r["council"] for r in manifest}
    seen = set()
    for r in actions:
        if r["file"] not in files:
            errors.append(f"actions: unknown file {r['file']}")
            continue
        if r["action"] not in ACTIONS:
            errors.append(f"actions: bad action {r['action']!r}")
        if (r["file"], r["action"]) in seen:
            errors.append(f"actions: duplicate (file, action) {r['file']} {r['action']}")
        seen.add((r["file"], r["action"]))
        if r["council"] != councils[r["file"]]:
            errors.append(f"actions: council {r['council']!r} differs from manifest for {r['file']}")
        if not r["bodies"].strip():
            errors.append(f"actions: empty bodies for {r['file']} {r['action']}")
        check_phrase(errors, warnings, cache, r["file"], r["evidence_phrase"], "evidence_phrase", 4, 20)

    for w in warnings:
        print("WARNING", w)
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"FAILED: {len(errors)} error(s)")
        return 1
    print(f"OK: {len(manifest)} files, {len(items)} items, {len(actions)} actions")
    for name in sorted(files):
        print(f"  {name}: {per_file.get(name, 0)} items, {sum(1 for a in actions if a['file'] == name)} actions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
