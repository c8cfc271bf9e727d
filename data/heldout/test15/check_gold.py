#!/usr/bin/env python
"""Check the gold files of evaluation set test15 against the documents in raw/.

    python check_gold.py               run all checks (exit code 1 on any failure)
    python check_gold.py --dump FILE   print the visible text units of raw/FILE, one per line

Visible text is extracted independently of the workbook:
  * PDF  - pypdfium2, page by page; a unit is one printed line (pdfium's line breaks, and the soft
           hyphen pdfium puts where a word was hyphenated at a line end, both end a unit).
  * DOCX - every w:p of the body (tables included), headers, footers and footnotes; a unit is the
           paragraph's w:t text (w:tab -> tab, w:br ends a unit). Field codes (w:instrText) and
           picture alt text are not visible text and are not included.
  * HTML - BeautifulSoup without script/style/noscript/template/head; a unit is one line of
           get_text("\\n").
Every key_phrase and evidence_phrase must occur exactly once in the file and inside one unit.
"""
import csv
import os
import re
import sys
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


# ---------------------------------------------------------------- extraction
def units_pdf(path):
    import pypdfium2 as pdfium
    out = []
    doc = pdfium.PdfDocument(path)
    for i in range(len(doc)):
        page = doc[i]
        text = page.get_textpage().get_text_range()
        for u in re.split(r"\r\n|\n|\r|\ufffe|\x02", text):
            u = u.strip()
            if u:
                out.append(u)
    return out


def units_docx(path):
    from lxml import etree
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    z = zipfile.ZipFile(path)
    names = ["word/document.xml"]
    names += sorted(n for n in z.namelist() if re.match(r"word/(header|footer)\d*\.xml$", n))
    names += [n for n in ("word/footnotes.xml", "word/endnotes.xml") if n in z.namelist()]
    out = []
    for n in names:
        root = etree.fromstring(z.read(n))
        for p in root.iter(w + "p"):
            buf = [""]
            for el in p.iter(w + "t", w + "tab", w + "br", w + "cr"):
                # skip text belonging to a nested paragraph (text boxes): it is visited on its own
                anc = el.getparent()
                while anc is not None and anc.tag != w + "p":
                    anc = anc.getparent()
                if anc is not p:
                    continue
                if el.tag == w + "t":
                    buf[-1] += el.text or ""
                elif el.tag == w + "tab":
                    buf[-1] += "\t"
                else:
                    buf.append("")
            for u in buf:
                u = u.strip()
                if u:
                    out.append(u)
    return out


def units_html(path):
    from bs4 import BeautifulSoup
    with open(path, encoding="utf-8") as fh:
        soup = BeautifulSoup(fh.read(), "lxml")
    for t in soup(["script", "style", "noscript", "template", "head"]):
        t.decompose()
    return [u.strip() for u in soup.get_text("\n").split("\n") if u.strip()]


def units(name):
    path = os.path.join(RAW, name)
    ext = os.path.splitext(name)[1].lower()
    if ext == ".pdf":
        return units_pdf(path)
    if ext == ".docx":
        return units_docx(path)
    if ext in (".html", ".htm"):
        return units_html(path)
    raise SystemExit("no extractor for %s" % name)


# ---------------------------------------------------------------- checks
def read_csv(name, cols, errors):
    path = os.path.join(HERE, name)
    with open(path, encoding="utf-8", newline="") as fh:
        rd = csv.DictReader(fh)
        if rd.fieldnames != cols:
            errors.append("%s: columns %s, expected %s" % (name, rd.fieldnames, cols))
        return list(rd)


def phrase_check(text_units, phrase, max_words, min_words, where, errors, allow_short=False):
    joined = "\n".join(text_units)
    n = joined.count(phrase)
    if n != 1:
        errors.append("%s: phrase occurs %d times: %r" % (where, n, phrase))
    if "\n" in phrase or not any(phrase in u for u in text_units):
        errors.append("%s: phrase not inside one text unit: %r" % (where, phrase))
    if phrase != phrase.strip():
        errors.append("%s: phrase has leading/trailing space: %r" % (where, phrase))
    nw = len(phrase.split())
    if nw > max_words or (nw < min_words and not allow_short):
        errors.append("%s: phrase has %d words (allowed %d-%d): %r" % (where, nw, min_words, max_words, phrase))


def printed_source_text():
    """Printed (clean) text of document 1, to make sure key phrases avoid OCR-garbled words."""
    with open(os.path.join(HERE, "sources", "01_calderdale_forward_board_minutes_2008-03.txt"),
              encoding="utf-8") as fh:
        txt = "\n".join(l for l in fh.read().splitlines() if not l.startswith("%%"))
    txt = txt.replace(" :: ", " ").replace("> (", "(")
    return re.sub(r"\s+", " ", txt)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        for i, u in enumerate(units(os.path.basename(sys.argv[2]))):
            print("%4d  %s" % (i, u))
        return 0

    errors = []
    manifest = read_csv("manifest.csv", MANIFEST_COLS, errors)
    items = read_csv("items_gold.csv", ITEM_COLS, errors)
    actions = read_csv("actions_gold.csv", ACTION_COLS, errors)

    raw_files = sorted(f for f in os.listdir(RAW) if not f.startswith("."))
    man_files = [r["file"] for r in manifest]
    if sorted(man_files) != raw_files:
        errors.append("manifest files %s != raw files %s" % (sorted(man_files), raw_files))
    for r in manifest:
        if r["doc_type"] not in DOC_TYPES:
            errors.append("manifest %s: doc_type %r" % (r["file"], r["doc_type"]))
        if r["source_url"]:
            errors.append("manifest %s: source_url should be empty" % r["file"])
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append("manifest %s: notes must start with the invented-document sentence" % r["file"])
        if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", r["date"]):
            errors.append("manifest %s: date %r" % (r["file"], r["date"]))
        if not r["council"] or not r["body"]:
            errors.append("manifest %s: council/body empty" % r["file"])

    cache = {}

    def get(f):
        if f not in cache:
            cache[f] = units(f)
        return cache[f]

    printed = printed_source_text()
    counts = {}
    for k, r in enumerate(items, start=2):
        where = "items_gold.csv line %d" % k
        f = r["file"]
        if f not in raw_files:
            errors.append("%s: unknown file %s" % (where, f))
            continue
        counts[f] = counts.get(f, 0) + 1
        if r["kind"] not in KINDS:
            errors.append("%s: kind %r" % (where, r["kind"]))
        if r["status"] not in STATUSES:
            errors.append("%s: status %r" % (where, r["status"]))
        if r["theme"] not in THEMES:
            errors.append("%s: theme %r" % (where, r["theme"]))
        is_pdf = f.endswith(".pdf")
        phrase_check(get(f), r["key_phrase"], 8 if is_pdf else 15, 4, where, errors,
                     allow_short="whole item" in r["notes"].lower())
        if f.startswith("calderdale_") and r["key_phrase"] not in printed:
            errors.append("%s: key phrase differs from the printed page (OCR-garbled word?): %r"
                          % (where, r["key_phrase"]))

    acounts = {}
    for k, r in enumerate(actions, start=2):
        where = "actions_gold.csv line %d" % k
        f = r["file"]
        if f not in raw_files:
            errors.append("%s: unknown file %s" % (where, f))
            continue
        acounts[f] = acounts.get(f, 0) + 1
        if r["action"] not in ACTIONS:
            errors.append("%s: action %r" % (where, r["action"]))
        if not r["council"]:
            errors.append("%s: council empty" % where)
        phrase_check(get(f), r["evidence_phrase"], 20, 4, where, errors)
        if f.startswith("calderdale_") and r["evidence_phrase"] not in printed:
            errors.append("%s: evidence phrase differs from the printed page: %r" % (where, r["evidence_phrase"]))
    seen = set()
    for r in actions:
        key = (r["file"], r["action"])
        if key in seen:
            errors.append("actions_gold.csv: duplicate action %s %s" % key)
        seen.add(key)

    for f in raw_files:
        n = counts.get(f, 0)
        if not 20 <= n <= 35:
            errors.append("%s: %d items (expected 20-35)" % (f, n))
    total = sum(counts.values())
    if not 130 <= total <= 160:
        errors.append("total items %d (expected 130-160)" % total)

    for f in raw_files:
        print("%-62s items %3d  actions %2d" % (f, counts.get(f, 0), acounts.get(f, 0)))
    print("total items %d, actions %d" % (total, sum(acounts.values())))
    if errors:
        print("\nFAILED (%d problems)" % len(errors))
        for e in errors:
            print("  - " + e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
