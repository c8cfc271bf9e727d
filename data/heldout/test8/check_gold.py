"""Check the held-out gold against the visible text of the documents in raw/.

Run:  /work/main/.venv/bin/python check_gold.py          (checks; exit code 1 on any problem)
      /work/main/.venv/bin/python check_gold.py --dump   (print each file's visible text units)

Visible text, per format:
  .txt   the file
  .html  tags stripped (script/style contents dropped), entities unescaped
  .docx  body paragraphs, then for each table row -> cell -> paragraph (merged cells counted once)
  .pdf   pypdfium2 page text, page by page
  .srt   each cue's text lines joined with one space
A phrase must occur exactly once in the file's visible text, and must lie inside one "unit":
one line (txt, pdf), one paragraph (docx), one block element (html) or one cue (srt).
"""
import csv
import html
import re
import sys
from collections import Counter
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

BLOCK_TAGS = r"(?:p|div|li|ul|ol|h[1-6]|time|article|section|aside|header|footer|nav|main|blockquote|title|button|span|br|tr|td|th|table)"


def units(path: Path):
    """Return the list of visible text units of a file (the whole text is the units joined by newlines)."""
    suf = path.suffix.lower()
    if suf == ".txt":
        return path.read_text(encoding="utf-8").splitlines()
    if suf in (".html", ".htm"):
        t = path.read_text(encoding="utf-8")
        t = re.sub(r"(?is)<(script|style)\b.*?</\1>", "\n", t)
        t = re.sub(r"(?is)<!--.*?-->", "", t)
        t = re.sub(r"(?is)<!DOCTYPE[^>]*>", "", t)
        t = re.sub(r"(?is)</?" + BLOCK_TAGS + r"\b[^>]*>", "\n", t)
        t = re.sub(r"(?s)<[^>]+>", "", t)
        t = html.unescape(t)
        out = []
        for ln in t.split("\n"):
            ln = re.sub(r"\s+", " ", ln).strip()
            if ln:
                out.append(ln)
        return out
    if suf == ".docx":
        import docx
        d = docx.Document(str(path))
        out = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    out.extend(p.text for p in cell.paragraphs)
        return out
    if suf == ".pdf":
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(str(path))
        out = []
        for page in doc:
            txt = page.get_textpage().get_text_range()
            out.extend(re.split(r"\r\n|\n|\r", txt))
        return out
    if suf == ".srt":
        blocks = re.split(r"\n\s*\n", path.read_text(encoding="utf-8").strip())
        out = []
        for b in blocks:
            ls = b.splitlines()
            text_lines = [re.sub(r"<[^>]+>", "", x) for x in ls[2:]]
            out.append(" ".join(x.strip() for x in text_lines))
        return out
    raise ValueError(path)


def check_phrase(us, phrase):
    """Return an error string or None."""
    full = "\n".join(us)
    n = full.count(phrase)
    if n != 1:
        return f"occurs {n} times"
    if not any(phrase in u for u in us):
        return "crosses a unit boundary"
    return None


def main():
    if "--dump" in sys.argv:
        for f in sorted(RAW.iterdir()):
            if len(sys.argv) > 2 and sys.argv[2] not in f.name:
                continue
            print("=" * 20, f.name)
            for i, u in enumerate(units(f)):
                print(f"{i:4d}| {u}")
        return 0
    problems = []
    cache = {}

    def U(name):
        if name not in cache:
            cache[name] = units(RAW / name)
        return cache[name]

    files = {f.name for f in RAW.iterdir()}
    with open(HERE / "items_gold.csv", newline="", encoding="utf-8") as fh:
        items = list(csv.DictReader(fh))
    with open(HERE / "actions_gold.csv", newline="", encoding="utf-8") as fh:
        actions = list(csv.DictReader(fh))
    with open(HERE / "manifest.csv", newline="", encoding="utf-8") as fh:
        manifest = list(csv.DictReader(fh))

    for i, r in enumerate(items, 2):
        where = f"items_gold.csv line {i} ({r['file']}: {r['key_phrase'][:50]!r})"
        if r["file"] not in files:
            problems.append(f"{where}: unknown file")
            continue
        if r["kind"] not in KINDS:
            problems.append(f"{where}: bad kind {r['kind']}")
        if r["status"] not in STATUSES:
            problems.append(f"{where}: bad status {r['status']}")
        if r["theme"] not in THEMES:
            problems.append(f"{where}: bad theme {r['theme']}")
        nw = len(r["key_phrase"].split())
        if nw > 15 or (nw < 4 and "short item" not in r["notes"]):
            problems.append(f"{where}: key_phrase has {nw} words")
        err = check_phrase(U(r["file"]), r["key_phrase"])
        if err:
            problems.append(f"{where}: {err}")
    seen = Counter((r["file"], r["key_phrase"]) for r in items)
    for k, n in seen.items():
        if n > 1:
            problems.append(f"duplicate item key_phrase {k}")

    for i, r in enumerate(actions, 2):
        where = f"actions_gold.csv line {i} ({r['file']}: {r['action']})"
        if r["file"] not in files:
            problems.append(f"{where}: unknown file")
            continue
        if r["action"] not in ACTIONS:
            problems.append(f"{where}: bad action {r['action']}")
        nw = len(r["evidence_phrase"].split())
        if not 6 <= nw <= 20:
            problems.append(f"{where}: evidence_phrase has {nw} words")
        err = check_phrase(U(r["file"]), r["evidence_phrase"])
        if err:
            problems.append(f"{where}: {err}")
    for k, n in Counter((r["file"], r["action"]) for r in actions).items():
        if n > 1:
            problems.append(f"duplicate action row {k}")

    for r in manifest:
        if r["file"] not in files:
            problems.append(f"manifest: unknown file {r['file']}")
        if r["doc_type"] not in DOC_TYPES:
            problems.append(f"manifest: bad doc_type {r['doc_type']}")
        if r["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            problems.append(f"manifest: bad date {r['date']}")
    if {r["file"] for r in manifest} != files:
        problems.append("manifest does not list exactly the files in raw/")

    # summary
    print("items per file:", dict(Counter(r["file"] for r in items)))
    print("actions per file:", dict(Counter(r["file"] for r in actions)))
    for col in ("kind", "status", "theme"):
        print(f"{col}:", dict(sorted(Counter(r[col] for r in items).items())))
    for f in sorted(files):
        print(f"words {f}: {len(' '.join(U(f)).split())}")
    if problems:
        print(f"\n{len(problems)} PROBLEM(S):")
        for p in problems:
            print("  " + p)
        return 1
    print("\nAll key phrases and evidence phrases occur exactly once, inside one text unit.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
