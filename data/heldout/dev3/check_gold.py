"""Check the dev3 gold: every key_phrase / evidence_phrase occurs exactly once in the visible text of
its file and never crosses a line break or a PDF page break; labels come from the codebook.

Run:  ../../../.venv/bin/python check_gold.py (from this folder)            (prints problems, exit 1 if any)
      ../../../.venv/bin/python check_gold.py (from this folder) --dump     (also writes the visible text to /tmp/dev3_visible/)
"""
import csv
import html
import re
import sys
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
BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "tr", "td", "th", "br", "title",
         "section", "article", "header", "footer", "nav", "ol", "ul", "main", "time", "button",
         "label", "form", "textarea", "input"}


class _Visible(HTMLParser):
    """Visible text of an HTML page: script/style/head dropped, block elements become line breaks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.skip -= 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_segments(path: Path):
    """Return a list of text segments; a phrase must lie inside one segment (no line/page break)."""
    suf = path.suffix.lower()
    if suf == ".txt":
        return path.read_text(encoding="utf-8").split("\n")
    if suf in (".html", ".htm"):
        p = _Visible()
        p.feed(path.read_text(encoding="utf-8"))
        text = "".join(p.parts)
        return [re.sub(r"[ \t]+", " ", s).strip() for s in text.split("\n")]
    if suf == ".docx":
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        d = docx.Document(str(path))
        segs = []
        for el in d.element.body.iterchildren():
            tag = el.tag.split("}")[1]
            if tag == "p":
                segs.append(Paragraph(el, d).text)
            elif tag == "tbl":
                for row in Table(el, d).rows:
                    for cell in row.cells:
                        segs.extend(par.text for par in cell.paragraphs)
        return segs
    if suf == ".pdf":
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(str(path))
        segs = []
        for page in pdf:
            text = page.get_textpage().get_text_range()
            segs.extend(re.split(r"\r\n|\r|\n", text))
        return segs
    raise ValueError(path)


def main():
    dump = "--dump" in sys.argv
    problems = []
    seg_cache = {}
    for f in sorted(RAW.iterdir()):
        seg_cache[f.name] = visible_segments(f)
        if dump:
            out = Path("/tmp/dev3_visible")
            out.mkdir(exist_ok=True)
            (out / (f.name + ".txt")).write_text("\n".join(seg_cache[f.name]), encoding="utf-8")

    def count(fname, phrase):
        segs = seg_cache[fname]
        within = sum(s.count(phrase) for s in segs)
        anywhere = "\n".join(segs).count(phrase)
        return within, anywhere

    counts = {}
    with open(HERE / "items_gold.csv", newline="", encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            f = row["file"]
            counts[f] = counts.get(f, 0) + 1
            if f not in seg_cache:
                problems.append(f"items line {n}: unknown file {f}")
                continue
            if row["kind"] not in KINDS:
                problems.append(f"items line {n}: bad kind {row['kind']}")
            if row["status"] not in STATUSES:
                problems.append(f"items line {n}: bad status {row['status']}")
            if row["theme"] not in THEMES:
                problems.append(f"items line {n}: bad theme {row['theme']}")
            ph = row["key_phrase"]
            nwords = len(ph.split())
            if not (4 <= nwords <= 15) and "whole item" not in row["notes"].lower():
                problems.append(f"items line {n}: key_phrase has {nwords} words: {ph!r}")
            within, anywhere = count(f, ph)
            if within != 1 or anywhere != 1:
                problems.append(f"items line {n}: key_phrase found {within}x within a line "
                                f"({anywhere}x overall) in {f}: {ph!r}")
    with open(HERE / "actions_gold.csv", newline="", encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            f = row["file"]
            if row["action"] not in ACTIONS:
                problems.append(f"actions line {n}: bad action {row['action']}")
            ph = row["evidence_phrase"]
            nwords = len(ph.split())
            if not (6 <= nwords <= 20):
                problems.append(f"actions line {n}: evidence_phrase has {nwords} words: {ph!r}")
            within, anywhere = count(f, ph)
            if within != 1 or anywhere != 1:
                problems.append(f"actions line {n}: evidence_phrase found {within}x within a line "
                                f"({anywhere}x overall) in {f}: {ph!r}")
    with open(HERE / "manifest.csv", newline="", encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            if row["doc_type"] not in DOC_TYPES:
                problems.append(f"manifest line {n}: bad doc_type {row['doc_type']}")
            if row["file"] not in seg_cache:
                problems.append(f"manifest line {n}: unknown file {row['file']}")
            if row["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]):
                problems.append(f"manifest line {n}: bad date {row['date']}")
    for f, c in sorted(counts.items()):
        print(f"{c:3d} items  {f}")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
