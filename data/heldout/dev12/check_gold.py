"""Check the dev12 gold files against the documents in raw/.

Run with the project's Python:  /work/main/.venv/bin/python check_gold.py [--dump FILE]

Checks:
- every key_phrase (items_gold.csv) and evidence_phrase (actions_gold.csv) occurs exactly once in
  the visible text of its file, and never crosses a line break (PDF line as pypdfium2 extracts it,
  docx paragraph, HTML text block, VTT cue);
- VTT phrases lie inside one cue's text (lines joined with one space, voice tags removed);
- HTML phrases are also unique when tags are naively stripped (script contents kept);
- labels (kind, status, theme, action) come from the codebook; files exist; manifest doc_type
  is allowed; key phrases have 4-15 words (4-8 in PDF and caption files) and evidence 6-20 words.
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


# ---------------------------------------------------------------- visible text, as a list of units
def units_docx(path):
    import docx
    d = docx.Document(str(path))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # merged cells repeat
                    continue
                seen.add(id(cell._tc))
                out.extend(p.text for p in cell.paragraphs)
    return out


def units_pdf(path):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    out = []
    for page in pdf:
        text = page.get_textpage().get_text_range()
        out.extend(re.split(r"\r\n|\n|\r", text))
    return out


class _Visible(HTMLParser):
    BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "article", "section", "header", "footer",
             "nav", "aside", "blockquote", "ul", "ol", "time", "main", "title", "button", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.units = [""]

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        if tag in self.BLOCK:
            self.units.append("")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript"):
            self.skip -= 1
        if tag in self.BLOCK:
            self.units.append("")

    def handle_data(self, data):
        if not self.skip:
            self.units[-1] += data


def units_html(path):
    p = _Visible()
    p.feed(path.read_text(encoding="utf-8"))
    return [re.sub(r"\s+", " ", u).strip() for u in p.units if u.strip()]


def naive_html(path):
    s = path.read_text(encoding="utf-8")
    s = re.sub(r"<[^>]+>", " ", s)
    return re.sub(r"\s+", " ", html.unescape(s))


def units_vtt(path):
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    out = []
    for b in blocks:
        lines = b.strip("\n").split("\n")
        if not lines or lines[0].startswith(("WEBVTT", "NOTE")):
            continue
        i = next((k for k, l in enumerate(lines) if "-->" in l), None)
        if i is None:
            continue
        text = " ".join(re.sub(r"</?v[^>]*>|</?[a-z]+[^>]*>", "", l) for l in lines[i + 1:])
        out.append(text.strip())
    return out


def units_txt(path):
    return path.read_text(encoding="utf-8").splitlines()


def units(path):
    ext = path.suffix.lower()
    return {".docx": units_docx, ".pdf": units_pdf, ".html": units_html, ".htm": units_html,
            ".vtt": units_vtt, ".srt": units_vtt}.get(ext, units_txt)(path)


# ---------------------------------------------------------------- checks
def count_in(units_, phrase):
    joined = "\n".join(units_)
    return joined.count(phrase), sum(1 for u in units_ if phrase in u)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        for u in units(RAW / sys.argv[2]):
            print(u)
        return
    problems = []
    cache = {}

    def get(f):
        if f not in cache:
            path = RAW / f
            if not path.exists():
                problems.append(f"missing file {f}")
                cache[f] = None
            else:
                cache[f] = units(path)
        return cache[f]

    def check_phrase(f, phrase, what, lo, hi):
        u = get(f)
        if u is None:
            return
        n_total, n_units = count_in(u, phrase)
        if n_total != 1 or n_units != 1:
            problems.append(f"{what}: {f}: found {n_total}x (in {n_units} units): {phrase!r}")
        if f.endswith(".html"):
            n = naive_html(RAW / f).count(phrase)
            if n != 1:
                problems.append(f"{what}: {f}: naive tag-strip finds it {n}x: {phrase!r}")
        nw = len(phrase.split())
        if not (lo <= nw <= hi):
            problems.append(f"{what}: {f}: {nw} words (want {lo}-{hi}): {phrase!r}")

    with open(HERE / "items_gold.csv", newline="", encoding="utf-8") as fh:
        items = list(csv.DictReader(fh))
    for r in items:
        if r["kind"] not in KINDS:
            problems.append(f"bad kind {r['kind']!r}")
        if r["status"] not in STATUSES:
            problems.append(f"bad status {r['status']!r}")
        if r["theme"] not in THEMES:
            problems.append(f"bad theme {r['theme']!r}")
        hi = 8 if r["file"].endswith((".pdf", ".vtt", ".srt")) else 15
        check_phrase(r["file"], r["key_phrase"], "item", 4, hi)

    with open(HERE / "actions_gold.csv", newline="", encoding="utf-8") as fh:
        acts = list(csv.DictReader(fh))
    for r in acts:
        if r["action"] not in ACTIONS:
            problems.append(f"bad action {r['action']!r}")
        check_phrase(r["file"], r["evidence_phrase"], "action", 6, 20)

    with open(HERE / "manifest.csv", newline="", encoding="utf-8") as fh:
        man = list(csv.DictReader(fh))
    for r in man:
        if r["doc_type"] not in DOC_TYPES:
            problems.append(f"bad doc_type {r['doc_type']!r}")
        get(r["file"])
        if r["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            problems.append(f"bad date {r['date']!r}")
    files = {r["file"] for r in man}
    for r in items + acts:
        if r["file"] not in files:
            problems.append(f"file not in manifest: {r['file']}")

    # summary
    from collections import Counter
    print("items per file:", dict(Counter(r["file"] for r in items)))
    print("actions per file:", dict(Counter(r["file"] for r in acts)))
    for col in ("kind", "status", "theme"):
        print(col, dict(Counter(r[col] for r in items).most_common()))
    for f in sorted(files):
        u = get(f)
        if u:
            print(f"{f}: {len(' '.join(u).split())} visible words")
    if problems:
        print(f"\n{len(problems)} PROBLEM(S):")
        for p in problems:
            print(" -", p)
        sys.exit(1)
    print("\nAll checks passed.")


if __name__ == "__main__":
    main()
