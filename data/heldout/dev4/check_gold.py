"""Check the dev4 gold files against the visible text of the documents in raw/.

Run: /work/main/.venv/bin/python check_gold.py [--dump]
  - every key_phrase (items_gold.csv) and evidence_phrase (actions_gold.csv) must occur exactly
    once in the visible text of its file and must not cross a line break;
  - kind / status / theme / action values must be codebook labels;
  - manifest.csv must list every raw file, with a valid doc_type.
--dump writes the extracted visible text to /tmp/dev4_visible/ for inspection.
Exit status 1 if anything fails.
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

BLOCK = {"p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "h1", "h2", "h3", "h4", "h5",
         "h6", "br", "header", "footer", "nav", "main", "section", "title"}


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.skip += 1
        if tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.skip -= 1
        if tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def _tidy(text):
    lines = (re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.splitlines())
    return "\n".join(ln for ln in lines if ln)


def visible_text(path):
    suf = path.suffix.lower()
    if suf == ".txt":
        return path.read_text(encoding="utf-8")
    if suf == ".html":
        p = _Visible()
        p.feed(path.read_text(encoding="utf-8"))
        return _tidy(html.unescape("".join(p.out)))
    if suf == ".docx":
        import docx
        d = docx.Document(str(path))
        parts = [par.text for par in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.extend(par.text for par in cell.paragraphs)
        return "\n".join(parts)
    if suf == ".pdf":
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(str(path))
        pages = []
        for page in doc:
            tp = page.get_textpage()
            pages.append(tp.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
        return "\n\f\n".join(pages)
    raise ValueError(path)


def read_csv(name):
    with open(HERE / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main():
    problems = []
    texts = {f.name: visible_text(f) for f in sorted(RAW.iterdir()) if f.is_file()}
    if "--dump" in sys.argv:
        out = Path("/tmp/dev4_visible")
        out.mkdir(exist_ok=True)
        for name, t in texts.items():
            (out / (name + ".txt")).write_text(t, encoding="utf-8")
    items = read_csv("items_gold.csv")
    actions = read_csv("actions_gold.csv")
    manifest = read_csv("manifest.csv")

    def check_phrase(kind, row_no, fname, phrase):
        if fname not in texts:
            problems.append(f"{kind} row {row_no}: unknown file {fname}")
            return
        if "\n" in phrase:
            problems.append(f"{kind} row {row_no}: phrase contains a line break")
        n = texts[fname].count(phrase)
        if n != 1:
            problems.append(f"{kind} row {row_no} ({fname}): found {n} times: {phrase!r}")

    for i, r in enumerate(items, start=2):
        check_phrase("items", i, r["file"], r["key_phrase"])
        words = len(r["key_phrase"].split())
        if not 4 <= words <= 15:
            problems.append(f"items row {i}: key_phrase has {words} words (short item?): {r['key_phrase']!r}")
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if r[col] not in allowed:
                problems.append(f"items row {i}: bad {col} {r[col]!r}")
    for i, r in enumerate(actions, start=2):
        check_phrase("actions", i, r["file"], r["evidence_phrase"])
        words = len(r["evidence_phrase"].split())
        if not 6 <= words <= 20:
            problems.append(f"actions row {i}: evidence_phrase has {words} words")
        if r["action"] not in ACTIONS:
            problems.append(f"actions row {i}: bad action {r['action']!r}")
    seen = set()
    for i, r in enumerate(actions, start=2):
        key = (r["file"], r["action"])
        if key in seen:
            problems.append(f"actions row {i}: duplicate (file, action) {key}")
        seen.add(key)
    mfiles = {r["file"] for r in manifest}
    for name in texts:
        if name not in mfiles:
            problems.append(f"manifest: {name} missing")
    for r in manifest:
        if r["doc_type"] not in DOC_TYPES:
            problems.append(f"manifest: bad doc_type {r['doc_type']!r} for {r['file']}")
        if r["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            problems.append(f"manifest: bad date {r['date']!r} for {r['file']}")

    # per-document summary
    for name, t in texts.items():
        n_items = sum(1 for r in items if r["file"] == name)
        n_act = sum(1 for r in actions if r["file"] == name)
        print(f"{name}: {len(t.split())} visible words, {n_items} items, {n_act} actions")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print("\nAll key phrases and evidence phrases found exactly once; labels valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
