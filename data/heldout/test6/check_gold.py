"""Check the held-out gold against the documents in raw/.

- every key_phrase (items_gold.csv) and evidence_phrase (actions_gold.csv) occurs exactly once in the
  visible text of its file and does not cross a line break;
- .docx: visible text = text with all tracked changes ACCEPTED (w:ins kept, w:del dropped, comments
  excluded); a phrase must also lie wholly inside one unchanged stretch or wholly inside one insertion;
- .pdf: text extracted with pypdfium2, page by page (a phrase may not cross a page or line break);
- .html: tags stripped (script/style dropped; text in collapsed <details> kept);
- labels come from the codebook; manifest lists every raw file.
Run: /work/main/.venv/bin/python check_gold.py [--dump FILE]
"""
import csv
import sys
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request", "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement", "programme_management",
          "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "scrutiny", "news", "web page", "other"}


# ---------------------------------------------------------------- visible text per format
def docx_paragraphs(path):
    """Yield (accepted_text, segments) per paragraph in body order (tables included).

    segments = list of text stretches that are each unchanged text or one insertion; deletions and
    insertions split stretches."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    for p in body.iter(W + "p"):
        mark_deleted = p.find(f"{W}pPr/{W}rPr/{W}del") is not None
        segments, cur = [], ""
        for child in p:
            tag = child.tag
            if tag == W + "r":
                cur += "".join(t.text or "" for t in child.iter(W + "t"))
            elif tag == W + "ins":
                if cur:
                    segments.append(cur)
                cur = ""
                segments.append("".join(t.text or "" for t in child.iter(W + "t")))
            elif tag == W + "del":
                if cur:
                    segments.append(cur)
                cur = ""
        if cur:
            segments.append(cur)
        text = "".join(segments)
        if mark_deleted and not text:
            continue
        yield text, segments


def docx_text(path):
    return "\n".join(t for t, _ in docx_paragraphs(path))


def docx_segments(path):
    return [s for _, segs in docx_paragraphs(path) for s in segs]


class _Strip(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(path):
    s = _Strip()
    s.feed(path.read_text(encoding="utf-8"))
    return "".join(s.out)


def pdf_text(path):
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    return "\n\f\n".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in pages)


def visible_text(path):
    suf = path.suffix.lower()
    if suf == ".docx":
        return docx_text(path)
    if suf in (".html", ".htm"):
        return html_text(path)
    if suf == ".pdf":
        return pdf_text(path)
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- checks
def check_phrase(fname, phrase, text, segments, what):
    problems = []
    n = text.count(phrase)
    if n != 1:
        problems.append(f"{fname}: {what} found {n} times: {phrase!r}")
    if "\n" in phrase:
        problems.append(f"{fname}: {what} contains a line break: {phrase!r}")
    if segments is not None and n == 1 and not any(phrase in s for s in segments):
        problems.append(f"{fname}: {what} spans a tracked-change boundary: {phrase!r}")
    return problems


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        print(visible_text(RAW / sys.argv[2]))
        return 0
    texts, segs = {}, {}
    for f in sorted(RAW.iterdir()):
        texts[f.name] = visible_text(f)
        segs[f.name] = docx_segments(f) if f.suffix == ".docx" else None
    problems = []
    items = list(csv.DictReader(open(HERE / "items_gold.csv", encoding="utf-8", newline="")))
    for r in items:
        if r["file"] not in texts:
            problems.append(f"unknown file {r['file']}")
            continue
        if r["kind"] not in KINDS or r["status"] not in STATUSES or r["theme"] not in THEMES:
            problems.append(f"{r['file']}: bad label {r['kind']}/{r['status']}/{r['theme']}")
        nw = len(r["key_phrase"].split())
        if nw > 15:
            problems.append(f"{r['file']}: key_phrase longer than 15 words: {r['key_phrase']!r}")
        problems += check_phrase(r["file"], r["key_phrase"], texts[r["file"]], segs[r["file"]], "key_phrase")
    actions = list(csv.DictReader(open(HERE / "actions_gold.csv", encoding="utf-8", newline="")))
    for r in actions:
        if r["action"] not in ACTIONS:
            problems.append(f"{r['file']}: bad action {r['action']}")
        if r["file"] not in texts:
            problems.append(f"unknown file {r['file']}")
            continue
        problems += check_phrase(r["file"], r["evidence_phrase"], texts[r["file"]], segs[r["file"]], "evidence_phrase")
    manifest = list(csv.DictReader(open(HERE / "manifest.csv", encoding="utf-8", newline="")))
    if sorted(m["file"] for m in manifest) != sorted(texts):
        problems.append("manifest does not list exactly the raw files")
    for m in manifest:
        if m["doc_type"] not in DOC_TYPES:
            problems.append(f"{m['file']}: bad doc_type {m['doc_type']}")

    print("items per file:", dict(Counter(r["file"] for r in items)))
    print("actions per file:", dict(Counter(r["file"] for r in actions)))
    print("kind:", dict(Counter(r["kind"] for r in items)))
    print("status:", dict(Counter(r["status"] for r in items)))
    print("theme:", dict(Counter(r["theme"] for r in items)))
    for f, t in texts.items():
        print(f"words in {f}: {len(t.split())}")
    if problems:
        print("\nPROBLEMS:")
        print("\n".join(problems))
        return 1
    print("\nOK: all phrases found exactly once, labels valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
