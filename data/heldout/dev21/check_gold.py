#!/usr/bin/env python3
"""Check the dev21 gold files against the visible text of the raw documents.

    /work/main/.venv/bin/python check_gold.py            # run all checks
    /work/main/.venv/bin/python check_gold.py --dump FILE  # print FILE's visible text units

FILE is a name as used in the CSVs: a raw file name, or
`<zip name>/<path inside the zip>` for a document inside the agenda-pack archive.

Text units (a phrase must lie inside one unit):
  * PDF   - one printed line, from pypdfium2 (each page's text split on line breaks)
  * DOCX  - one paragraph (body, table cells, headers, footers), further split at tab
            characters, because the tab-stop minutes use tabs as column separators
  * XLSX  - one cell
  * HTML  - the visible page text (BeautifulSoup, scripts/styles removed), one unit per
            text block; the paywalled article body is taken from the JSON-LD
            NewsArticle articleBody (one unit per paragraph), and the truncated visible
            copy of the first paragraphs is checked against it and not counted twice
  * JPG   - one printed line, as laid out by make_documents.photo_layout() (the text that
            was rendered onto the photographed page), plus the running footer
"""
import csv
import io
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution",
         "request", "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish",
           "meeting_frequency", "membership", "terms_of_reference", "review", "pooled_resources",
           "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}
NOTE_PREFIX = "Invented evaluation document (not real)."


# ---------------------------------------------------------------- loading
def load_bytes(name):
    """Return (bytes, extension) for a CSV file name (zip members included)."""
    if ".zip/" in name:
        zname, inner = name.split(".zip/", 1)
        with zipfile.ZipFile(os.path.join(RAW, zname + ".zip")) as z:
            return z.read(inner), os.path.splitext(inner)[1].lower()
    with open(os.path.join(RAW, name), "rb") as f:
        return f.read(), os.path.splitext(name)[1].lower()


def units_pdf(data):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(data)
    out = []
    for i in range(len(pdf)):
        tp = pdf[i].get_textpage()
        text = tp.get_text_range()
        for line in re.split(r"\r\n|\r|\n", text):
            line = line.replace("\ufffe", "").replace("\x02", "")
            if line.strip():
                out.append(line.strip())
    return out


def units_docx(data):
    import docx
    doc = docx.Document(io.BytesIO(data))
    paras = []

    def walk_tables(tables):
        for t in tables:
            for row in t.rows:
                for cell in row.cells:
                    paras.extend(p.text for p in cell.paragraphs)
                    walk_tables(cell.tables)
    for sec in doc.sections:
        for part in (sec.header, sec.footer):
            paras.extend(p.text for p in part.paragraphs)
            walk_tables(part.tables)
    paras.extend(p.text for p in doc.paragraphs)
    walk_tables(doc.tables)
    out = []
    for p in paras:
        for piece in p.split("\t"):
            if piece.strip():
                out.append(piece.strip())
    return out


def units_xlsx(data):
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None and str(v).strip():
                    out.append(str(v).strip())
    return out


def units_html(data):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(data.decode("utf-8"), "lxml")
    body_paras = []
    for s in soup.find_all("script", type="application/ld+json"):
        obj = json.loads(s.string)
        if obj.get("@type") == "NewsArticle":
            body_paras = [p.strip() for p in obj["articleBody"].split("\n\n") if p.strip()]
    for t in soup(["script", "style", "noscript", "template"]):
        t.decompose()
    visible_article = []
    for div in soup.select("div.article-body"):
        visible_article.extend(p.get_text(" ", strip=True) for p in div.find_all("p"))
        div.decompose()
    for p in visible_article:
        if p not in body_paras:
            raise SystemExit("visible article paragraph missing from JSON-LD: %r" % p[:60])
    out = []
    for line in soup.body.get_text("\n").split("\n"):
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            out.append(line)
    head_title = soup.title.get_text(strip=True) if soup.title else ""
    return ([head_title] if head_title else []) + out + body_paras


def units_jpg(name):
    import make_documents as md
    idx = md.JPG_NAMES.index(name)
    lines = md.photo_lines(idx)
    pages = len(md.photo_layout())
    return lines + ["DCP Board 17.03.11 - minutes (draft)", "Page %d of %d" % (idx + 1, pages)]


def text_units(name):
    if name.lower().endswith(".jpg"):
        return units_jpg(name)
    data, ext = load_bytes(name)
    if ext == ".pdf":
        return units_pdf(data)
    if ext == ".docx":
        return units_docx(data)
    if ext == ".xlsx":
        return units_xlsx(data)
    if ext in (".html", ".htm"):
        return units_html(data)
    raise ValueError("no extractor for %s" % name)


# ---------------------------------------------------------------- checks
def read_csv(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--dump":
        for i, u in enumerate(text_units(sys.argv[2])):
            print("%4d  %s" % (i, u))
        return 0
    errors = []
    manifest = read_csv("manifest.csv")
    items = read_csv("items_gold.csv")
    actions = read_csv("actions_gold.csv")

    # manifest
    want_cols = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
    with open(os.path.join(HERE, "manifest.csv"), encoding="utf-8") as f:
        if f.readline().strip().split(",") != want_cols:
            errors.append("manifest.csv: columns must be " + ",".join(want_cols))
    mfiles = [m["file"] for m in manifest]
    if len(set(mfiles)) != len(mfiles):
        errors.append("manifest.csv: duplicate file rows")
    for m in manifest:
        if m["doc_type"] not in DOC_TYPES:
            errors.append("manifest: bad doc_type %r" % m["doc_type"])
        if m["source_url"]:
            errors.append("manifest: source_url must be empty for %s" % m["file"])
        if not m["notes"].startswith(NOTE_PREFIX):
            errors.append("manifest: notes must start with the invented-document prefix (%s)"
                          % m["file"])
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["date"]):
            errors.append("manifest: bad date %r" % m["date"])
        try:
            text_units(m["file"])
        except Exception as e:  # noqa: BLE001
            errors.append("manifest: cannot read %s (%s)" % (m["file"], e))
    raw_files = sorted(os.listdir(RAW))
    for rf in raw_files:
        if rf.endswith(".zip"):
            if not any(f.startswith(rf + "/") for f in mfiles):
                errors.append("manifest: no rows for documents inside %s" % rf)
        elif rf not in mfiles:
            errors.append("manifest: raw file %s has no row" % rf)

    cache = {}

    def units(name):
        if name not in cache:
            cache[name] = text_units(name)
        return cache[name]

    def check_phrase(name, phrase, what, lo, hi, allow_dup=False):
        if name not in mfiles:
            errors.append("%s: file %s not in manifest" % (what, name))
            return
        us = units(name)
        joined = "\n".join(us)
        n = joined.count(phrase)
        inside = sum(u.count(phrase) for u in us)
        if "\n" in phrase:
            errors.append("%s: phrase contains a line break: %r" % (what, phrase))
        if n != inside:
            errors.append("%s: phrase crosses a text unit in %s: %r" % (what, name, phrase))
        if n == 0:
            errors.append("%s: phrase not found in %s: %r" % (what, name, phrase))
        elif n > 1 and not allow_dup:
            errors.append("%s: phrase occurs %d times in %s: %r" % (what, n, name, phrase))
        nw = len(phrase.split())
        printed = name.lower().endswith((".pdf", ".jpg"))
        top = min(hi, 8) if (printed and what.startswith("item")) else hi
        if nw < lo or nw > top:
            # a whole short unit is allowed as its own key phrase
            if not (nw < lo and phrase in us):
                errors.append("%s: phrase has %d words (want %d-%d) in %s: %r"
                              % (what, nw, lo, top, name, phrase))

    seen = set()
    for i, r in enumerate(items, start=2):
        what = "items_gold.csv line %d" % i
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if r[col] not in allowed:
                errors.append("%s: bad %s %r" % (what, col, r[col]))
        check_phrase(r["file"], r["key_phrase"], "item " + what, 4, 15)
        key = (r["file"], r["key_phrase"])
        if key in seen:
            errors.append("%s: duplicate key phrase row" % what)
        seen.add(key)
    for i, r in enumerate(actions, start=2):
        what = "actions_gold.csv line %d" % i
        if r["action"] not in ACTIONS:
            errors.append("%s: bad action %r" % (what, r["action"]))
        check_phrase(r["file"], r["evidence_phrase"], "action " + what, 4, 20)
        m = [x for x in manifest if x["file"] == r["file"]]
        if m and r["council"] != m[0]["council"]:
            errors.append("%s: council %r differs from manifest %r" % (what, r["council"],
                                                                       m[0]["council"]))
    dup_actions = {}
    for r in actions:
        dup_actions.setdefault((r["file"], r["action"]), 0)
        dup_actions[(r["file"], r["action"])] += 1
    for k, v in dup_actions.items():
        if v > 1:
            errors.append("actions_gold.csv: action %s coded %d times for %s" % (k[1], v, k[0]))

    # summary
    docs = {}
    for r in items:
        doc = r["file"].split(".zip/")[0] + ".zip" if ".zip/" in r["file"] else \
            re.sub(r"_p\d+\.jpg$", "_p*.jpg", r["file"])
        docs.setdefault(doc, [0, 0])[0] += 1
    for r in actions:
        doc = r["file"].split(".zip/")[0] + ".zip" if ".zip/" in r["file"] else \
            re.sub(r"_p\d+\.jpg$", "_p*.jpg", r["file"])
        docs.setdefault(doc, [0, 0])[1] += 1
    for d, (ni, na) in sorted(docs.items()):
        print("%-62s items %3d  actions %2d" % (d, ni, na))
        if not 20 <= ni <= 35:
            errors.append("%s: %d items (want 20-35)" % (d, ni))
    print("total: %d items, %d actions" % (len(items), len(actions)))
    if not 130 <= len(items) <= 160:
        errors.append("set: %d items (want 130-160)" % len(items))
    if errors:
        print("\n".join("ERROR " + e for e in errors))
        print("%d error(s)" % len(errors))
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
