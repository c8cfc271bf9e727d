"""Check the gold for held-out set test9.

    /work/main/.venv/bin/python check_gold.py            # run all checks
    /work/main/.venv/bin/python check_gold.py --dump FILE  # print a file's visible text units

Visible text units:
  * scanned PDF (pages are images only): the text lines drawn onto the page
    images, rebuilt from sources/ by make_documents.scan_text_units(); the
    check also confirms that the PDF has no text layer at all;
  * other PDFs: the printed lines of each page as pypdfium2 extracts them;
  * .docx: every paragraph of the body, of every table cell, and of the
    headers and footers (python-docx);
  * .eml: the decoded HTML part, read with BeautifulSoup; a unit is the text of
    a block element (p, li, h1-h6, td, th, div) that holds no other block
    element, plus image alt texts and the Subject header. Hidden preview text
    (display:none), <head>, <style>, <script> and comments are not visible.
Each key_phrase / evidence_phrase must occur exactly once in the file's units
taken together, and inside a single unit.
"""
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))

KINDS = {"recommendation", "proposal", "implication", "principle", "decision",
         "resolution", "request", "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish",
           "meeting_frequency", "membership", "terms_of_reference", "review",
           "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "news", "other"}
SCANNED = {"telfordwrekin_cdrp_minutes_2003-09.pdf"}


def _norm(s):
    return re.sub(r"\s+", " ", s).strip()


def units_for(path):
    path = Path(path)
    name = path.name
    if name in SCANNED:
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(str(path))
        for i in range(len(doc)):
            txt = doc[i].get_textpage().get_text_range()
            if txt.strip():
                raise SystemExit(f"{name}: page {i + 1} has a text layer; a scan must not")
        import make_documents
        return [_norm(u) for u in make_documents.scan_text_units() if _norm(u)]
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(str(path))
        out = []
        for i in range(len(doc)):
            txt = doc[i].get_textpage().get_text_range()
            for ln in re.split(r"\r\n|\n|\r", txt):
                if _norm(ln):
                    out.append(_norm(ln))
        return out
    if path.suffix == ".docx":
        import docx
        d = docx.Document(str(path))
        out = []

        def walk(container):
            body = container._element
            for child in body.iterchildren():
                tag = child.tag.split("}")[1]
                if tag == "p":
                    from docx.text.paragraph import Paragraph
                    out.append(Paragraph(child, container).text)
                elif tag == "tbl":
                    from docx.table import Table
                    tbl = Table(child, container)
                    for row in tbl.rows:
                        seen = set()
                        for cell in row.cells:
                            if id(cell._tc) in seen:
                                continue
                            seen.add(id(cell._tc))
                            for p in cell.paragraphs:
                                out.append(p.text)
        for sec in d.sections:
            if not sec.header.is_linked_to_previous:
                for p in sec.header.paragraphs:
                    out.append(p.text)
        walk(d._body)
        for sec in d.sections:
            if not sec.footer.is_linked_to_previous:
                for p in sec.footer.paragraphs:
                    out.append(p.text)
        return [_norm(u) for u in out if _norm(u)]
    if path.suffix == ".eml":
        import email
        from email import policy
        from bs4 import BeautifulSoup, Comment
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        html = None
        for part in msg.walk():
            if part.get_content_type() == "text/html":
                html = part.get_content()
        soup = BeautifulSoup(html, "lxml")
        for tag in soup(["head", "style", "script", "title"]):
            tag.decompose()
        for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
            c.extract()
        for tag in soup.find_all(style=re.compile(r"display\s*:\s*none")):
            tag.decompose()
        block = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "div"]
        out = [_norm(str(msg["Subject"]))]
        for el in soup.find_all(block):
            if el.find(block):
                continue
            for br in el.find_all("br"):
                br.replace_with(" ")
            t = _norm(el.get_text(""))
            if t:
                out.append(t)
        for img in soup.find_all("img"):
            if _norm(img.get("alt", "")):
                out.append(_norm(img["alt"]))
        return out
    raise SystemExit(f"unsupported file {name}")


_cache = {}


def units(name):
    if name not in _cache:
        _cache[name] = units_for(RAW / name)
    return _cache[name]


def check_phrase(name, phrase, errors, where, allow_dup=1):
    ph = _norm(phrase)
    if not ph:
        errors.append(f"{where}: empty phrase")
        return
    us = units(name)
    total = sum(u.count(ph) for u in us)
    if total != allow_dup:
        # distinguish 'crosses a unit boundary' from 'absent'
        joined = " ".join(us)
        if total == 0 and ph in joined:
            errors.append(f"{where}: phrase crosses a text unit: {phrase!r}")
        else:
            errors.append(f"{where}: phrase occurs {total} times (expected {allow_dup}): {phrase!r}")
    n = len(ph.split())
    lo, hi = (4, 8) if name.endswith(".pdf") else (4, 15)
    return n, lo, hi


def read_csv(p):
    with open(p, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        name = Path(sys.argv[2]).name
        for i, u in enumerate(units(name)):
            print(f"{i:4d}  {u}")
        return
    errors, warnings = [], []
    man = read_csv(HERE / "manifest.csv")
    want = ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
    if list(man[0].keys()) != want:
        errors.append(f"manifest columns {list(man[0].keys())} != {want}")
    mfiles = {r["file"]: r for r in man}
    rawfiles = {p.name for p in RAW.iterdir()}
    if set(mfiles) != rawfiles:
        errors.append(f"manifest files {sorted(mfiles)} != raw files {sorted(rawfiles)}")
    for r in man:
        if r["doc_type"] not in DOC_TYPES:
            errors.append(f"manifest {r['file']}: doc_type {r['doc_type']}")
        if r["source_url"]:
            errors.append(f"manifest {r['file']}: source_url must be empty")
        if not r["notes"].startswith("Invented evaluation document (not real)."):
            errors.append(f"manifest {r['file']}: notes must start with the invented-document notice")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            errors.append(f"manifest {r['file']}: date {r['date']}")

    items = read_csv(HERE / "items_gold.csv")
    want = ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
    if list(items[0].keys()) != want:
        errors.append(f"items columns {list(items[0].keys())} != {want}")
    seen = {}
    for i, r in enumerate(items, start=2):
        where = f"items line {i} ({r['file']})"
        if r["file"] not in mfiles:
            errors.append(f"{where}: file not in manifest")
            continue
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if r[col] not in allowed:
                errors.append(f"{where}: {col} {r[col]!r} not in codebook")
        key = (r["file"], _norm(r["key_phrase"]))
        if key in seen:
            errors.append(f"{where}: duplicate key_phrase (also line {seen[key]})")
        seen[key] = i
        res = check_phrase(r["file"], r["key_phrase"], errors, where)
        if res:
            n, lo, hi = res
            short_ok = "whole item" in r["notes"].lower()
            if n > hi or (n < lo and not short_ok):
                errors.append(f"{where}: key_phrase has {n} words (want {lo}-{hi}): {r['key_phrase']!r}")

    acts = read_csv(HERE / "actions_gold.csv")
    want = ["file", "council", "action", "evidence_phrase", "bodies", "before", "after", "notes"]
    if list(acts[0].keys()) != want:
        errors.append(f"actions columns {list(acts[0].keys())} != {want}")
    pairs = set()
    for i, r in enumerate(acts, start=2):
        where = f"actions line {i} ({r['file']}, {r['action']})"
        if r["file"] not in mfiles:
            errors.append(f"{where}: file not in manifest")
            continue
        if r["action"] not in ACTIONS:
            errors.append(f"{where}: action {r['action']!r} not in codebook")
        if (r["file"], r["action"]) in pairs:
            errors.append(f"{where}: second row for the same action in the same file")
        pairs.add((r["file"], r["action"]))
        if r["council"] != mfiles[r["file"]]["council"]:
            errors.append(f"{where}: council {r['council']!r} differs from manifest")
        if not r["bodies"].strip():
            errors.append(f"{where}: bodies empty")
        res = check_phrase(r["file"], r["evidence_phrase"], errors, where)
        if res:
            n, lo, hi = res
            if n > hi or n < lo:
                errors.append(f"{where}: evidence_phrase has {n} words (want {lo}-{hi})")

    per = {}
    for r in items:
        per.setdefault(r["file"], [0, 0])[0] += 1
    for r in acts:
        per.setdefault(r["file"], [0, 0])[1] += 1
    for f in sorted(mfiles):
        n_items, n_acts = per.get(f, [0, 0])
        print(f"{f}: {n_items} items, {n_acts} actions")
        if not 20 <= n_items <= 35:
            warnings.append(f"{f}: {n_items} items (brief asks 20-35)")
    print(f"total: {len(items)} items, {len(acts)} actions")
    if not 130 <= len(items) <= 160:
        warnings.append(f"total items {len(items)} (brief asks 130-160)")
    for w in warnings:
        print("WARNING:", w)
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK: all checks passed")


if __name__ == "__main__":
    main()
