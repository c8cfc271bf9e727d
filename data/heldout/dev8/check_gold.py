"""Check the dev8 gold files against the visible text of the documents in raw/.

Every items_gold key_phrase and actions_gold evidence_phrase must occur exactly once in the
visible text of its file and must not contain a line break. Labels must come from the codebook.
Run with /work/main/.venv/bin/python check_gold.py; prints problems and a summary.
"""
import csv
import email
import html
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution",
         "request", "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish",
           "meeting_frequency", "membership", "terms_of_reference", "review", "pooled_resources",
           "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "scrutiny", "news", "web page", "other"}

BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav",
         "main", "article", "aside", "section", "figure", "figcaption", "blockquote", "dl", "dt", "dd",
         "br", "tr", "td", "th", "table", "form", "button", "label", "title", "body", "html"}
SKIP = {"script", "style", "head", "noscript"}


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip -= 1
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(markup):
    v = Visible()
    v.feed(markup)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in "".join(v.out).split("\n")]
    return "\n".join(ln for ln in lines if ln)


def mhtml_text(path):
    msg = email.message_from_bytes(path.read_bytes())
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            return html_text(part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8"))
    raise ValueError(f"no text/html part in {path}")


def pptx_text(path):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE
    lines = []

    def walk(shapes):
        for sh in shapes:
            if sh.shape_type == MSO_SHAPE_TYPE.GROUP:
                walk(sh.shapes)
            elif getattr(sh, "has_table", False) and sh.has_table:
                for row in sh.table.rows:
                    for cell in row.cells:
                        lines.extend(p.text for p in cell.text_frame.paragraphs)
            elif sh.has_text_frame:
                lines.extend(p.text for p in sh.text_frame.paragraphs)

    for slide in Presentation(str(path)).slides:  # speaker notes deliberately excluded
        walk(slide.shapes)
        lines.append("")  # slide break
    return "\n".join(lines)


def docx_text(path):
    import docx
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def pdf_text(path):
    import pypdfium2
    pdf = pypdfium2.PdfDocument(str(path))
    return "\n\f".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def visible_text(path):
    suf = path.suffix.lower()
    if suf in (".mhtml", ".mht"):
        return mhtml_text(path)
    if suf in (".html", ".htm"):
        return html_text(path.read_text(encoding="utf-8"))
    if suf == ".pptx":
        return pptx_text(path)
    if suf == ".docx":
        return docx_text(path)
    if suf == ".pdf":
        return pdf_text(path)
    return path.read_text(encoding="utf-8")


def main():
    problems = []
    texts = {p.name: visible_text(p) for p in sorted(RAW.iterdir()) if p.is_file()}
    with open(HERE / "items_gold.csv", newline="", encoding="utf-8") as f:
        items = list(csv.DictReader(f))
    with open(HERE / "actions_gold.csv", newline="", encoding="utf-8") as f:
        actions = list(csv.DictReader(f))
    with open(HERE / "manifest.csv", newline="", encoding="utf-8") as f:
        manifest = list(csv.DictReader(f))

    def check_phrase(fname, phrase, what):
        if fname not in texts:
            problems.append(f"{what}: unknown file {fname}")
            return
        if "\n" in phrase or "\f" in phrase:
            problems.append(f"{what}: line break inside phrase: {phrase!r}")
        n = texts[fname].count(phrase)
        if n != 1:
            problems.append(f"{what}: found {n} times in {fname}: {phrase!r}")

    for i, r in enumerate(items, start=2):
        check_phrase(r["file"], r["key_phrase"], f"items_gold line {i}")
        if r["kind"] not in KINDS:
            problems.append(f"items_gold line {i}: bad kind {r['kind']}")
        if r["status"] not in STATUSES:
            problems.append(f"items_gold line {i}: bad status {r['status']}")
        if r["theme"] not in THEMES:
            problems.append(f"items_gold line {i}: bad theme {r['theme']}")
        nw = len(r["key_phrase"].split())
        if not 4 <= nw <= 15:
            problems.append(f"items_gold line {i}: key_phrase has {nw} words (check it is the whole short item)")
    for i, r in enumerate(actions, start=2):
        check_phrase(r["file"], r["evidence_phrase"], f"actions_gold line {i}")
        if r["action"] not in ACTIONS:
            problems.append(f"actions_gold line {i}: bad action {r['action']}")
        nw = len(r["evidence_phrase"].split())
        if not 6 <= nw <= 20:
            problems.append(f"actions_gold line {i}: evidence_phrase has {nw} words")
    for r in manifest:
        if r["file"] not in texts:
            problems.append(f"manifest: unknown file {r['file']}")
        if r["doc_type"] not in DOC_TYPES:
            problems.append(f"manifest: bad doc_type {r['doc_type']}")
    for name in texts:
        if name not in {r["file"] for r in manifest}:
            problems.append(f"manifest: {name} missing")

    for p in problems:
        print("PROBLEM", p)
    print(f"\n{len(items)} items, {len(actions)} actions, {len(problems)} problems")
    for name, text in texts.items():
        print(f"  {name}: {len(text.split())} visible words, "
              f"{sum(r['file'] == name for r in items)} items, {sum(r['file'] == name for r in actions)} actions")
    for col in ("kind", "status", "theme"):
        print(f"  {col}: " + ", ".join(f"{k} {v}" for k, v in Counter(r[col] for r in items).most_common()))
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--dump":
        for p in sorted(RAW.iterdir()):
            print(f"===== {p.name}\n{visible_text(p)}\n")
        sys.exit(0)
    sys.exit(main())
