"""Check the held-out gold: every key_phrase / evidence_phrase occurs exactly once in the visible text
of its file, and every label is from the codebook.

Run: /work/main/.venv/bin/python check_gold.py           (checks)
     /work/main/.venv/bin/python check_gold.py --dump F   (print the visible text of raw/F)
"""
import csv
import email
import html as htmlmod
import io
import re
import sys
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
DOC_TYPES = {"minutes", "report", "scrutiny", "news", "web page", "other"}


def pdf_text(data: bytes) -> str:
    import pypdfium2
    pdf = pypdfium2.PdfDocument(data)
    pages = []
    for i in range(len(pdf)):
        pages.append(pdf[i].get_textpage().get_text_range())
    # pages are kept apart by a form feed so that no phrase can cross a page break
    return "\f".join(pages)


def docx_text(data: bytes) -> str:
    import docx
    d = docx.Document(io.BytesIO(data))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            seen = set()
            for c in row.cells:
                if id(c._tc) in seen:
                    continue
                seen.add(id(c._tc))
                out.extend(p.text for p in c.paragraphs)
    for s in d.sections:
        out.extend(p.text for p in s.header.paragraphs)
        out.extend(p.text for p in s.footer.paragraphs)
    return "\n".join(out)


def html_text(src: str) -> str:
    src = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", " ", src, flags=re.S | re.I)
    src = re.sub(r"<br\s*/?>|</(p|li|h\d|div|tr|td|th|figcaption|time)>", "\n", src, flags=re.I)
    src = re.sub(r"<[^>]+>", "", src)
    return htmlmod.unescape(src)


def pptx_text(data: bytes) -> str:
    from pptx import Presentation
    prs = Presentation(io.BytesIO(data))
    out = []
    for n, slide in enumerate(prs.slides, 1):
        out.append(f"--- slide {n} ---")
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.extend(p.text for p in shape.text_frame.paragraphs)
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        out.extend(p.text for p in cell.text_frame.paragraphs)
    return "\n".join(out)


def eml_text(data: bytes) -> str:
    msg = email.message_from_bytes(data, policy=policy.default)
    out = []
    body = msg.get_body(preferencelist=("plain",))
    out.append(body.get_content())
    for att in msg.iter_attachments():
        payload = att.get_content()
        ctype = att.get_content_type()
        if ctype == "application/pdf":
            out.append(pdf_text(payload))
        elif ctype.endswith("wordprocessingml.document"):
            out.append(docx_text(payload))
    return "\n\f\n".join(out)


def mhtml_text(data: bytes) -> str:
    msg = email.message_from_bytes(data, policy=policy.default)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            return html_text(part.get_content())
    raise ValueError("no html part")


def visible_text(path: Path) -> str:
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04":
        names = __import__("zipfile").ZipFile(io.BytesIO(data)).namelist()
        if any(n.startswith("ppt/") for n in names):
            return pptx_text(data)
        return docx_text(data)
    if data[:5] == b"%PDF-":
        return pdf_text(data)
    suffix = path.suffix.lower()
    if suffix == ".eml":
        return eml_text(data)
    if suffix in (".mhtml", ".mht"):
        return mhtml_text(data)
    if suffix in (".html", ".htm"):
        return html_text(data.decode("utf-8"))
    return data.decode("utf-8")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        print(visible_text(RAW / sys.argv[2]))
        return
    texts = {p.name: visible_text(p) for p in RAW.iterdir()}
    problems = 0
    manifest = list(csv.DictReader(open(HERE / "manifest.csv", encoding="utf-8")))
    for m in manifest:
        if m["file"] not in texts:
            print("manifest: missing file", m["file"]); problems += 1
        if m["doc_type"] not in DOC_TYPES:
            print("manifest: bad doc_type", m); problems += 1
    counts = {}
    for r in csv.DictReader(open(HERE / "items_gold.csv", encoding="utf-8")):
        counts[r["file"]] = counts.get(r["file"], 0) + 1
        t = texts.get(r["file"])
        if t is None:
            print("items: unknown file", r["file"]); problems += 1; continue
        n = t.count(r["key_phrase"])
        if n != 1:
            print(f"items: key_phrase found {n}x in {r['file']}: {r['key_phrase']!r}"); problems += 1
        if r["kind"] not in KINDS or r["status"] not in STATUSES or r["theme"] not in THEMES:
            print("items: bad label", r); problems += 1
        w = len(r["key_phrase"].split())
        if not 4 <= w <= 15:
            print(f"items: key_phrase has {w} words: {r['key_phrase']!r}")
    for r in csv.DictReader(open(HERE / "actions_gold.csv", encoding="utf-8")):
        t = texts.get(r["file"])
        if t is None:
            print("actions: unknown file", r["file"]); problems += 1; continue
        n = t.count(r["evidence_phrase"])
        if n != 1:
            print(f"actions: evidence_phrase found {n}x in {r['file']}: {r['evidence_phrase']!r}"); problems += 1
        if r["action"] not in ACTIONS:
            print("actions: bad action", r); problems += 1
        w = len(r["evidence_phrase"].split())
        if not 6 <= w <= 20:
            print(f"actions: evidence_phrase has {w} words: {r['evidence_phrase']!r}")
    for f, n in sorted(counts.items()):
        print(f"{f}: {n} items, {len(texts[f].split())} words of visible text")
    print("problems:", problems)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
