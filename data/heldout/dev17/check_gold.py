#!/usr/bin/env python
"""Check the dev17 gold files against the documents in raw/.

  python check_gold.py              run all checks (exit status 1 on any error)
  python check_gold.py --dump FILE  print the visible text units of raw/FILE, one per line

Visible text is extracted here, independently of the workbook:
  .pdf   pypdfium2 text of each page, split into printed lines
  .html  the text of each absolutely positioned line <div class="t ..."> (pdf2htmlEX layout)
  .docx  every w:p in document.xml, headers and footers, walking the XML for w:t (so text inside
         block-level and inline content controls, w:sdt, is included); w:tab -> TAB, and a manual
         line break (w:br / w:cr) ends a text unit.
A phrase must occur exactly once in the file and inside one text unit. Before matching, the
typographic ligature characters U+FB00-FB06 are expanded (ﬁ -> fi), because the call-in
minutes PDF is set with real fi/fl ligature glyphs; nothing else is normalised.
"""
import csv
import os
import re
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}
ITEM_COLS = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
ACTION_COLS = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]
MANIFEST_COLS = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}


def norm(s):
    for k, v in LIGATURES.items():
        s = s.replace(k, v)
    return s


# ----------------------------------------------------------------------------- extraction
def units_pdf(path):
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(path)
    out = []
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        text = tp.get_text_range()
        # pdfium joins a line that ends in a hyphenated word to the next line and marks the
        # break with U+FFFE (or U+0002); split there too, so that units are printed lines.
        for ln in re.split(r"\r\n|\n|\r|\ufffe|\x02", text):
            if ln.strip():
                out.append(ln)
        tp.close()
        page.close()
    doc.close()
    return out


def units_html(path):
    from bs4 import BeautifulSoup
    with open(path, encoding="utf-8") as fh:
        soup = BeautifulSoup(fh.read(), "lxml")
    out = []
    for div in soup.find_all("div"):
        cls = div.get("class") or []
        if "t" in cls:
            out.append(div.get_text())
    return out


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p):
    buf = []
    for el in p.iter():
        tag = el.tag
        if tag == W + "t":
            buf.append(el.text or "")
        elif tag == W + "tab":
            # a w:tab inside w:tabs (paragraph properties) is a tab stop, not text
            if el.getparent() is not None and el.getparent().tag == W + "tabs":
                continue
            buf.append("\t")
        elif tag in (W + "br", W + "cr"):
            buf.append("\n")
        elif tag == W + "noBreakHyphen":
            buf.append("-")
    return "".join(buf)


def units_docx(path):
    from lxml import etree
    z = zipfile.ZipFile(path)
    names = ["word/document.xml"] + sorted(n for n in z.namelist()
                                           if re.match(r"word/(header|footer)\d*\.xml$", n))
    out = []
    for name in names:
        root = etree.fromstring(z.read(name))
        for p in root.iter(W + "p"):
            text = _para_text(p)
            for part in text.split("\n"):
                if part.strip():
                    out.append(part)
    return out


def extract_units(path):
    ext = os.path.splitext(path)[1].lower()
    if ext == ".pdf":
        return units_pdf(path)
    if ext in (".html", ".htm"):
        return units_html(path)
    if ext == ".docx":
        return units_docx(path)
    raise ValueError("unsupported file type: " + path)


# ----------------------------------------------------------------------------- checks
def read_csv(name, cols, errors):
    path = os.path.join(HERE, name)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with open(path, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    if header != cols:
        errors.append(f"{name}: columns {header} != {cols}")
    return rows


def phrase_check(what, phrase, units, joined, errors, allow_dup=None, min_w=4, max_w=15, short_ok=False):
    p = norm(phrase)
    if phrase != phrase.strip() or "\n" in phrase:
        errors.append(f"{what}: phrase has surrounding space or a line break: {phrase!r}")
    nw = len(p.split())
    if not short_ok and not (min_w <= nw <= max_w):
        errors.append(f"{what}: {nw} words, expected {min_w}-{max_w}: {phrase!r}")
    total = joined.count(p)
    inside = sum(u.count(p) for u in units)
    if allow_dup:
        if total != allow_dup or inside != allow_dup:
            errors.append(f"{what}: expected {allow_dup} occurrences (declared duplicate), found {total}/{inside}: {phrase!r}")
        return
    if total != 1 or inside != 1:
        errors.append(f"{what}: occurs {total} times in file ({inside} within one text unit): {phrase!r}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "--dump":
        for u in extract_units(os.path.join(RAW, argv[1]) if not os.path.exists(argv[1]) else argv[1]):
            print(u)
        return 0
    errors = []
    manifest = read_csv("manifest.csv", MANIFEST_COLS, errors)
    files = {r["file"]: r for r in manifest}
    for r in manifest:
        if not os.path.exists(os.path.join(RAW, r["file"])):
            errors.append(f"manifest: missing raw file {r['file']}")
        if r["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest: bad doc_type {r['doc_type']}")
        if r["source_url"]:
            errors.append(f"manifest: source_url must be empty for {r['file']}")
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest: notes must start with the invented-document notice ({r['file']})")
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", r["date"]):
            errors.append(f"manifest: date not ISO for {r['file']}")
    on_disk = sorted(os.listdir(RAW))
    if sorted(files) != on_disk:
        errors.append(f"manifest files {sorted(files)} != raw/ {on_disk}")
    cache = {}

    def text_of(f):
        if f not in cache:
            units = [norm(u) for u in extract_units(os.path.join(RAW, f))]
            cache[f] = (units, "\n".join(units))
        return cache[f]

    items = read_csv("items_gold.csv", ITEM_COLS, errors)
    counts = {}
    for n, r in enumerate(items, 2):
        what = f"items_gold.csv line {n}"
        if r["file"] not in files:
            errors.append(f"{what}: unknown file {r['file']}")
            continue
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if r[col] not in allowed:
                errors.append(f"{what}: bad {col} {r[col]!r}")
        units, joined = text_of(r["file"])
        m = re.search(r"occurrence \d of (\d)", r["notes"])
        short_ok = "whole item" in r["notes"].lower()
        max_w = 8 if r["file"].endswith(".pdf") else 15
        phrase_check(what, r["key_phrase"], units, joined, errors, allow_dup=int(m.group(1)) if m else None,
                     max_w=max_w, short_ok=short_ok)
        counts[r["file"]] = counts.get(r["file"], 0) + 1
    actions = read_csv("actions_gold.csv", ACTION_COLS, errors)
    acounts = {}
    seen = set()
    for n, r in enumerate(actions, 2):
        what = f"actions_gold.csv line {n}"
        if r["file"] not in files:
            errors.append(f"{what}: unknown file {r['file']}")
            continue
        if r["action"] not in ACTIONS:
            errors.append(f"{what}: bad action {r['action']!r}")
        if (r["file"], r["action"]) in seen:
            errors.append(f"{what}: duplicate action row {r['action']}")
        seen.add((r["file"], r["action"]))
        if r["council"] != files[r["file"]]["council"]:
            errors.append(f"{what}: council {r['council']!r} differs from manifest")
        units, joined = text_of(r["file"])
        max_w = 8 if r["file"].endswith(".pdf") else 20
        phrase_check(what, r["evidence_phrase"], units, joined, errors, min_w=5, max_w=max_w)
        acounts[r["file"]] = acounts.get(r["file"], 0) + 1
    for f in files:
        c = counts.get(f, 0)
        if not 20 <= c <= 35:
            errors.append(f"{f}: {c} items, expected 20-35")
    total = sum(counts.values())
    if not 130 <= total <= 160:
        errors.append(f"total items {total}, expected 130-160")
    for f in sorted(files):
        print(f"{f}: {counts.get(f, 0)} items, {acounts.get(f, 0)} actions")
    print(f"total: {total} items, {sum(acounts.values())} actions")
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
