"""Check the held-out gold against the documents in raw/.

Run: ../../../.venv/bin/python check_gold.py (from this folder)
- every key_phrase / evidence_phrase occurs exactly once in the visible text of its file
  (.txt as read; .html tags stripped; .docx paragraph texts joined by newlines; .pdf page texts
  from pypdfium2 joined by newlines), so a phrase that crosses a line or page break is not found;
- labels come from the project codebook; phrase lengths; document word counts; summary counts.
"""
import csv
import re
import sys
from collections import Counter
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


def visible_text(path: Path) -> str:
    suf = path.suffix.lower()
    if suf == ".txt":
        return path.read_text(encoding="utf-8")
    if suf in (".html", ".htm"):
        import html
        return html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
    if suf == ".docx":
        import docx
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if suf == ".pdf":
        import pypdfium2
        doc = pypdfium2.PdfDocument(str(path))
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    raise ValueError(path)


def main() -> int:
    problems = []
    texts = {p.name: visible_text(p) for p in sorted(RAW.iterdir())}
    items = list(csv.DictReader(open(HERE / "items_gold.csv", encoding="utf-8")))
    actions = list(csv.DictReader(open(HERE / "actions_gold.csv", encoding="utf-8")))
    manifest = list(csv.DictReader(open(HERE / "manifest.csv", encoding="utf-8")))

    for r in items:
        t = texts.get(r["file"])
        if t is None:
            problems.append(f"items: unknown file {r['file']}")
            continue
        n = t.count(r["key_phrase"])
        if n != 1:
            problems.append(f"items: key_phrase found {n}x in {r['file']}: {r['key_phrase']!r}")
        nw = len(r["key_phrase"].split())
        if not 4 <= nw <= 15:
            problems.append(f"items: key_phrase has {nw} words: {r['key_phrase']!r}")
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if r[col] not in allowed:
                problems.append(f"items: bad {col} {r[col]!r} for {r['key_phrase']!r}")
    seen = Counter((r["file"], r["key_phrase"]) for r in items)
    for k, v in seen.items():
        if v > 1:
            problems.append(f"items: duplicate row {k}")

    for r in actions:
        t = texts.get(r["file"])
        n = t.count(r["evidence_phrase"]) if t is not None else -1
        if n != 1:
            problems.append(f"actions: evidence found {n}x in {r['file']}: {r['evidence_phrase']!r}")
        nw = len(r["evidence_phrase"].split())
        if not 6 <= nw <= 20:
            problems.append(f"actions: evidence has {nw} words: {r['evidence_phrase']!r}")
        if r["action"] not in ACTIONS:
            problems.append(f"actions: bad action {r['action']!r}")
    if {r["file"] for r in manifest} != set(texts):
        problems.append("manifest: files do not match raw/")

    print("document words / items / actions")
    for name, t in texts.items():
        print(f"  {name}: {len(t.split())} words, {sum(r['file'] == name for r in items)} items,"
              f" {sum(r['file'] == name for r in actions)} actions")
    for col in ("kind", "status", "theme"):
        print(col, dict(Counter(r[col] for r in items).most_common()))
    print("actions", dict(Counter(r["action"] for r in actions).most_common()))
    print(f"{len(items)} items, {len(actions)} actions")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
