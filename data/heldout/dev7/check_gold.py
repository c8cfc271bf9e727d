"""Check the dev7 gold: every key_phrase / evidence_phrase occurs exactly once in the visible text of its file.

Visible text: .txt as read; .eml = plain body + attachment text (python-docx / pypdfium2);
.mhtml = decoded text/html part with tags stripped (script/style skipped); .pptx = every shape's text-frame
paragraphs and every table cell (notes excluded); PDF (by magic bytes, whatever the name) = pypdfium2 page text.
Also checks labels against the codebook, phrase lengths, manifest coverage and (with --dump) writes the
visible text to /tmp/dev7_visible/ for inspection.
Run: /work/main/.venv/bin/python check_gold.py [--dump]
"""
import csv
import email
import io
import sys
from email import policy
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdfium2
from pptx import Presentation

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


class _Strip(HTMLParser):
    BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "br", "tr", "td", "th", "table", "header",
             "footer", "nav", "section", "title", "form", "button"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(src: str) -> str:
    p = _Strip()
    p.feed(src)
    lines = [" ".join(l.split()) for l in "".join(p.out).split("\n")]
    return "\n".join(l for l in lines if l)


def docx_text(blob: bytes) -> str:
    d = docx.Document(io.BytesIO(blob))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def pdf_text(blob: bytes) -> str:
    doc = pypdfium2.PdfDocument(blob)
    pages = []
    for i in range(len(doc)):
        tp = doc[i].get_textpage()
        pages.append(tp.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
    return "\n\f\n".join(pages)


def pptx_text(blob: bytes) -> str:
    prs = Presentation(io.BytesIO(blob))
    out = []
    for n, slide in enumerate(prs.slides, 1):
        out.append(f"[slide {n}]")
        for sh in slide.shapes:
            if sh.has_text_frame:
                out.extend(p.text for p in sh.text_frame.paragraphs)
            if getattr(sh, "has_table", False) and sh.has_table:
                for row in sh.table.rows:
                    for cell in row.cells:
                        out.extend(p.text for p in cell.text_frame.paragraphs)
    return "\n".join(out)


def visible_text(path: Path) -> str:
    blob = path.read_bytes()
    if blob.startswith(b"%PDF"):
        return pdf_text(blob)
    if blob.startswith(b"PK"):
        return pptx_text(blob) if path.suffix == ".pptx" else docx_text(blob)
    if path.suffix == ".eml":
        msg = email.message_from_bytes(blob, policy=policy.default)
        parts = [msg.get_body(("plain",)).get_content()]
        for att in msg.iter_attachments():
            data = att.get_content()
            parts.append(pdf_text(data) if data.startswith(b"%PDF") else docx_text(data))
        return "\n".join(parts)
    if path.suffix in (".mhtml", ".mht"):
        msg = email.message_from_bytes(blob, policy=policy.default)
        for part in msg.walk():
            if part.get_content_type() == "text/html":
                return html_text(part.get_content())
        raise ValueError("no html part")
    return blob.decode("utf-8")


def main():
    dump = "--dump" in sys.argv
    texts = {p.name: visible_text(p) for p in sorted(RAW.iterdir())}
    if dump:
        out = Path("/tmp/dev7_visible")
        out.mkdir(exist_ok=True)
        for name, t in texts.items():
            (out / (name + ".txt")).write_text(t, encoding="utf-8")
    problems = 0

    def bad(msg):
        nonlocal problems
        problems += 1
        print("PROBLEM:", msg)

    with open(HERE / "items_gold.csv", encoding="utf-8", newline="") as f:
        items = list(csv.DictReader(f))
    seen = set()
    for i, r in enumerate(items, 2):
        t = texts.get(r["file"])
        if t is None:
            bad(f"items line {i}: unknown file {r['file']}")
            continue
        kp = r["key_phrase"]
        n = t.count(kp)
        if n != 1:
            bad(f"items line {i}: key_phrase found {n}x in {r['file']}: {kp!r}")
        if (r["file"], kp) in seen:
            bad(f"items line {i}: duplicate key_phrase row {kp!r}")
        seen.add((r["file"], kp))
        words = len(kp.split())
        if words > 15 or (words < 4 and "whole item" not in r["notes"]):
            bad(f"items line {i}: key_phrase has {words} words: {kp!r}")
        if r["kind"] not in KINDS:
            bad(f"items line {i}: kind {r['kind']!r}")
        if r["status"] not in STATUSES:
            bad(f"items line {i}: status {r['status']!r}")
        if r["theme"] not in THEMES:
            bad(f"items line {i}: theme {r['theme']!r}")

    with open(HERE / "actions_gold.csv", encoding="utf-8", newline="") as f:
        acts = list(csv.DictReader(f))
    for i, r in enumerate(acts, 2):
        t = texts.get(r["file"])
        if t is None:
            bad(f"actions line {i}: unknown file {r['file']}")
            continue
        n = t.count(r["evidence_phrase"])
        if n != 1:
            bad(f"actions line {i}: evidence_phrase found {n}x: {r['evidence_phrase']!r}")
        words = len(r["evidence_phrase"].split())
        if not 6 <= words <= 20:
            bad(f"actions line {i}: evidence_phrase has {words} words")
        if r["action"] not in ACTIONS:
            bad(f"actions line {i}: action {r['action']!r}")

    with open(HERE / "manifest.csv", encoding="utf-8", newline="") as f:
        man = list(csv.DictReader(f))
    if {r["file"] for r in man} != set(texts):
        bad("manifest files differ from raw/")
    for r in man:
        if r["doc_type"] not in DOC_TYPES:
            bad(f"manifest doc_type {r['doc_type']!r}")

    from collections import Counter
    print("items per file:", dict(Counter(r["file"] for r in items)))
    print("actions per file:", dict(Counter(r["file"] for r in acts)))
    for col in ("kind", "status", "theme"):
        print(col + ":", dict(Counter(r[col] for r in items).most_common()))
    for name, t in texts.items():
        print(f"{name}: {len(t.split())} visible words")
    print("OK" if not problems else f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
