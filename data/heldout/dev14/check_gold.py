#!/usr/bin/env python
"""Check the dev14 gold files against the raw documents.

Usage:
    /work/main/.venv/bin/python check_gold.py            # run all checks (exit code 1 on failure)
    /work/main/.venv/bin/python check_gold.py --dump FILE # print the visible text units of raw/FILE

Visible text units, extracted independently of the workbook:
  .pdf   one unit per printed line (pypdfium2 text page, split at line breaks)
  .docx  one unit per paragraph: body paragraphs and table cells in document order, text-box paragraphs
         (w:txbxContent; the VML fallback copy inside mc:Fallback is skipped, as Word shows only one copy),
         footnotes (word/footnotes.xml, separators skipped), headers and footers
  .html  one unit per block element (p, li, td, th, h1-h6, caption, ...); script/style/head are skipped;
         whitespace is collapsed as a browser does
  .eml   the decoded visible headers (From, To, Cc, Subject, Date) and one unit per line of the decoded body
  .pptx  one unit per paragraph of each slide shape (text boxes, placeholders, table cells), then the
         paragraphs of the slide's speaker notes

Checks:
  * every key_phrase / evidence_phrase occurs exactly once in the file's units, inside a single unit, and also
    exactly once in the whole text with whitespace collapsed and e-mail quote markers (">") removed;
  * key phrases have 4-15 words (4-8 in PDFs); evidence phrases 6-20 words (4-10 in PDFs);
  * kind, status, theme and action values are codebook names; bodies are non-empty;
  * per-file item counts are 20-35 and the set total 130-160; every raw file is in the manifest and the gold;
  * manifest columns, doc_type values, empty source_url, and notes starting "Invented evaluation document (not real).".
"""
import csv
import email
import re
import sys
import zipfile
from email import policy
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


# ------------------------------------------------------------------------------------------ extraction
def units_pdf(path):
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(path))
    out = []
    for i in range(len(doc)):
        text = doc[i].get_textpage().get_text_range()
        out.extend(ln for ln in re.split(r"\r\n|\r|\n", text) if ln.strip())
    return out


def _docx_paragraph_units(root):
    """Paragraph texts in document order; a paragraph's own text excludes nested (text-box) paragraphs."""
    from lxml import etree
    out = []
    for p in root.iter(W + "p"):
        if any(anc.tag == MC + "Fallback" for anc in p.iterancestors()):
            continue
        parts = []
        for el in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
            # keep only text whose nearest paragraph ancestor is p (skip text boxes nested in p)
            nearest = next(el.iterancestors(W + "p"))
            if nearest is not p:
                continue
            if el.tag == W + "t":
                parts.append(el.text or "")
            elif el.tag == W + "tab":
                # w:tab inside w:tabs (paragraph properties) is a tab stop, not text
                if el.getparent().tag == W + "r":
                    parts.append("\t")
            else:
                parts.append("\n")
        text = "".join(parts)
        if text.strip():
            out.append(text)
    return out


def units_docx(path):
    from lxml import etree
    z = zipfile.ZipFile(path)
    names = z.namelist()
    out = []
    for n in sorted(x for x in names if re.match(r"word/header\d*\.xml", x)):
        out += _docx_paragraph_units(etree.fromstring(z.read(n)))
    out += _docx_paragraph_units(etree.fromstring(z.read("word/document.xml")))
    if "word/footnotes.xml" in names:
        root = etree.fromstring(z.read("word/footnotes.xml"))
        for fn in root.findall(W + "footnote"):
            if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            out += _docx_paragraph_units(fn)
    for n in sorted(x for x in names if re.match(r"word/footer\d*\.xml", x)):
        out += _docx_paragraph_units(etree.fromstring(z.read(n)))
    return out


BLOCK = {"p", "li", "ul", "ol", "td", "th", "tr", "table", "thead", "tbody", "tfoot", "caption", "h1", "h2", "h3",
         "h4", "h5", "h6", "div", "header", "footer", "nav", "main", "section", "article", "aside", "form",
         "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "body"}
SKIP = {"script", "style", "noscript", "template", "head"}


def units_html(path):
    from bs4 import BeautifulSoup, NavigableString, Comment
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    out = []

    def has_block(el):
        return any(getattr(d, "name", None) in BLOCK for d in el.descendants)

    def collect(el):
        buf = []

        def flush():
            t = " ".join("".join(buf).split())
            if t:
                out.append(t)
            buf.clear()

        for ch in el.children:
            if isinstance(ch, Comment):
                continue
            if isinstance(ch, NavigableString):
                buf.append(str(ch))
            elif ch.name in SKIP:
                continue
            elif ch.name in BLOCK or has_block(ch):
                flush()
                collect(ch)
            else:
                buf.append(ch.get_text())
        flush()

    collect(soup.body)
    return out


def units_eml(path):
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    out = []
    for h in ("From", "To", "Cc", "Subject", "Date"):
        if msg[h]:
            out.append(f"{h}: {msg[h]}")
    for part in msg.walk():
        if part.get_content_type() == "text/plain":
            out.extend(ln for ln in part.get_content().splitlines() if ln.strip())
    return out


def units_pptx(path):
    from pptx import Presentation
    prs = Presentation(str(path))
    out = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.extend(p.text for p in shape.text_frame.paragraphs if p.text.strip())
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        out.extend(p.text for p in cell.text_frame.paragraphs if p.text.strip())
        if slide.has_notes_slide:
            out.extend(p.text for p in slide.notes_slide.notes_text_frame.paragraphs if p.text.strip())
    return out


def units(fname):
    path = RAW / fname
    ext = path.suffix.lower()
    return {".pdf": units_pdf, ".docx": units_docx, ".html": units_html, ".eml": units_eml,
            ".pptx": units_pptx}[ext](path)


def flat(units_):
    text = " ".join(re.sub(r"^(\s*>)+\s?", "", u) for u in units_)
    return " ".join(text.split())


# ------------------------------------------------------------------------------------------ checks
def read_csv(name):
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        for i, u in enumerate(units(sys.argv[2])):
            print(f"{i:4d} | {u}")
        return 0

    errors = []
    raw_files = sorted(p.name for p in RAW.iterdir() if p.is_file())
    cache = {f: units(f) for f in raw_files}
    flats = {f: flat(u) for f, u in cache.items()}

    def check_phrase(fname, phrase, what, lo, hi, lo_pdf, hi_pdf):
        if fname not in cache:
            errors.append(f"{what}: unknown file {fname}")
            return
        n_words = len(phrase.split())
        a, b = (lo_pdf, hi_pdf) if fname.endswith(".pdf") else (lo, hi)
        if not a <= n_words <= b:
            errors.append(f"{fname}: {what} has {n_words} words (want {a}-{b}): {phrase!r}")
        if phrase != phrase.strip() or "\n" in phrase:
            errors.append(f"{fname}: {what} has surrounding whitespace or a line break: {phrase!r}")
        total = sum(u.count(phrase) for u in cache[fname])
        if total != 1:
            errors.append(f"{fname}: {what} occurs {total} times in text units: {phrase!r}")
        nflat = flats[fname].count(" ".join(phrase.split()))
        if nflat != 1:
            errors.append(f"{fname}: {what} occurs {nflat} times in the flattened text: {phrase!r}")

    # manifest
    manifest = read_csv("manifest.csv")
    if not manifest or list(manifest[0].keys()) != ["file", "council", "body", "doc_type", "date", "source_url", "notes"]:
        errors.append("manifest.csv: wrong columns")
    mfiles = [r["file"] for r in manifest]
    if sorted(mfiles) != raw_files:
        errors.append(f"manifest.csv: files {sorted(mfiles)} != raw {raw_files}")
    for r in manifest:
        if r["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest.csv: bad doc_type {r['doc_type']}")
        if r["source_url"]:
            errors.append("manifest.csv: source_url must be empty")
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest.csv: notes must start with the invented-document sentence ({r['file']})")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"manifest.csv: bad date {r['date']}")

    # items
    items = read_csv("items_gold.csv")
    if list(items[0].keys()) != ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]:
        errors.append("items_gold.csv: wrong columns")
    counts = {}
    seen = set()
    for r in items:
        counts[r["file"]] = counts.get(r["file"], 0) + 1
        if r["kind"] not in KINDS:
            errors.append(f"items: bad kind {r['kind']!r} ({r['key_phrase']})")
        if r["status"] not in STATUSES:
            errors.append(f"items: bad status {r['status']!r} ({r['key_phrase']})")
        if r["theme"] not in THEMES:
            errors.append(f"items: bad theme {r['theme']!r} ({r['key_phrase']})")
        key = (r["file"], r["key_phrase"])
        if key in seen:
            errors.append(f"items: duplicate key phrase {key}")
        seen.add(key)
        check_phrase(r["file"], r["key_phrase"], "key_phrase", 4, 15, 4, 8)
    for f in raw_files:
        n = counts.get(f, 0)
        if not 20 <= n <= 35:
            errors.append(f"items: {f} has {n} items (want 20-35)")
    if not 130 <= len(items) <= 160:
        errors.append(f"items: total {len(items)} (want 130-160)")

    # actions
    actions = read_csv("actions_gold.csv")
    if list(actions[0].keys()) != ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]:
        errors.append("actions_gold.csv: wrong columns")
    councils = {r["file"]: r["council"] for r in manifest}
    seen_a = set()
    for r in actions:
        if r["action"] not in ACTIONS:
            errors.append(f"actions: bad action {r['action']!r}")
        if (r["file"], r["action"]) in seen_a:
            errors.append(f"actions: duplicate action row {r['file']} {r['action']}")
        seen_a.add((r["file"], r["action"]))
        if not r["bodies"].strip():
            errors.append(f"actions: empty bodies ({r['file']} {r['action']})")
        if councils.get(r["file"]) != r["council"]:
            errors.append(f"actions: council {r['council']!r} differs from manifest for {r['file']}")
        check_phrase(r["file"], r["evidence_phrase"], f"evidence_phrase[{r['action']}]", 6, 20, 4, 10)
    for f in raw_files:
        if not any(r["file"] == f for r in actions):
            errors.append(f"actions: no actions for {f}")

    for e in errors:
        print("FAIL", e)
    print(f"{len(items)} items, {len(actions)} actions, {len(raw_files)} files; "
          f"per file: {', '.join(f'{k}={v}' for k, v in sorted(counts.items()))}")
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
