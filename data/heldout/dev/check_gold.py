"""Check the held-out gold against the visible text of the documents in raw/.

Run with: ../../../.venv/bin/python check_gold.py (from this folder)

For every key_phrase (items_gold.csv) and evidence_phrase (actions_gold.csv) it reports phrases that do
not occur exactly once in the visible text, or that cross a line break. It also checks labels against the
codebook, word counts and the shape of the CSV files.

Visible text:
  .txt  the file itself
  .html the text a reader sees: <head>, <script> and <style> are dropped, block elements end a line,
        entities are decoded (the whole file with tags stripped is checked for uniqueness as well)
  .docx paragraph texts joined by newlines, then table cells (row by row); header/footer separately
  .pdf  page text from pypdfium2
"""
import csv
import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish",
           "meeting_frequency", "membership", "terms_of_reference", "review", "pooled_resources",
           "statutory_alignment"}
BLOCK = {"p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
         "header", "footer", "nav", "main", "article", "section", "aside", "figure", "figcaption",
         "br", "form", "button", "label", "time", "span"}


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in {"head", "script", "style"}:
            self.skip += 1
        elif tag in BLOCK and tag != "span":
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in {"head", "script", "style"}:
            self.skip -= 1
        elif tag in BLOCK and tag != "span":
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data.replace("\n", " "))


def visible_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return path.read_text(encoding="utf-8")
    if suffix in {".html", ".htm"}:
        parser = Visible()
        parser.feed(path.read_text(encoding="utf-8"))
        text = "".join(parser.out)
        return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    if suffix == ".docx":
        import docx
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.extend(cell.text for cell in row.cells)
        return "\n".join(parts)
    if suffix == ".pdf":
        import pypdfium2
        pdf = pypdfium2.PdfDocument(str(path))
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    raise ValueError(path)


def all_text_html(path: Path) -> str:
    """Everything between tags, including <title> and scripts (stricter uniqueness check)."""
    return html.unescape(re.sub(r"<[^>]+>", "\n", path.read_text(encoding="utf-8")))


def docx_paragraph_text(path: Path) -> str:
    import docx
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def main() -> int:
    problems = 0
    texts = {p.name: visible_text(p) for p in sorted(RAW.iterdir())}
    for name, text in texts.items():
        words = len(text.split())
        print(f"{name}: {words} visible words")

    with open(HERE / "items_gold.csv", newline="", encoding="utf-8") as fh:
        items = list(csv.DictReader(fh))
    with open(HERE / "actions_gold.csv", newline="", encoding="utf-8") as fh:
        actions = list(csv.DictReader(fh))
    with open(HERE / "manifest.csv", newline="", encoding="utf-8") as fh:
        manifest = list(csv.DictReader(fh))

    assert list(items[0].keys()) == ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
    assert list(actions[0].keys()) == ["file", "council", "action", "evidence_phrase", "bodies", "before",
                                       "after", "notes"]
    assert list(manifest[0].keys()) == ["file", "council", "body", "doc_type", "date", "source_url", "notes"]
    assert {m["file"] for m in manifest} == set(texts), "manifest does not list exactly the raw files"

    def check_phrase(kind, row_no, name, phrase, lo, hi):
        nonlocal problems
        text = texts[name]
        n = text.count(phrase)
        wc = len(phrase.split())
        msgs = []
        if n != 1:
            msgs.append(f"occurs {n} times in visible text")
        if "\n" in phrase:
            msgs.append("contains a line break")
        if not (lo <= wc <= hi):
            msgs.append(f"{wc} words (expected {lo}-{hi})")
        if name.endswith(".html"):
            m = all_text_html(RAW / name).count(phrase)
            if m != 1:
                msgs.append(f"occurs {m} times in full tag-stripped HTML")
        if msgs:
            problems += 1
            print(f"  {kind} row {row_no} [{name}] {phrase!r}: " + "; ".join(msgs))

    print("\nitems_gold.csv")
    for i, r in enumerate(items, start=2):
        if r["kind"] not in KINDS or r["status"] not in STATUSES or r["theme"] not in THEMES:
            problems += 1
            print(f"  row {i}: bad label {r['kind']}/{r['status']}/{r['theme']}")
        check_phrase("item", i, r["file"], r["key_phrase"], 1, 15)
        if len(r["key_phrase"].split()) < 4:
            print(f"  note: row {i} key_phrase shorter than 4 words: {r['key_phrase']!r}")
    print("\nactions_gold.csv")
    for i, r in enumerate(actions, start=2):
        if r["action"] not in ACTIONS:
            problems += 1
            print(f"  row {i}: bad action {r['action']}")
        check_phrase("action", i, r["file"], r["evidence_phrase"], 6, 20)

    # Key phrases that a paragraph-only .docx reader would miss (they sit in table cells).
    for i, r in enumerate(items, start=2):
        if r["file"].endswith(".docx") and r["key_phrase"] not in docx_paragraph_text(RAW / r["file"]):
            print(f"  note: item row {i} key_phrase is in a table cell, not a body paragraph: {r['key_phrase']!r}")

    print("\ncounts")
    from collections import Counter
    for col in ("file", "kind", "status", "theme"):
        print(f"  {col}: " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(r[col] for r in items).items())))
    print("  actions per file: " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(r['file'] for r in actions).items())))
    print(f"\n{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
