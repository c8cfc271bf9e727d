"""Check the gold files against the documents in raw/.

- every key_phrase (items_gold.csv) and evidence_phrase (actions_gold.csv) occurs exactly
  once in the visible text of its file (txt: file text; html: tags, script and style removed,
  entities unescaped; docx: paragraph texts joined with newlines; pdf: pypdfium2 page text);
- labels (kind, status, theme, action) come from the codebook;
- word counts of key phrases (4-15) and evidence phrases (6-20), with stated exceptions.

Usage: ../../../.venv/bin/python check_gold.py (from this folder) [--dump FILE]
"""
import csv
import html
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
        raw = path.read_text(encoding="utf-8")
        raw = re.sub(r"(?is)<(script|style|title)\b.*?</\1>", " ", raw)
        raw = re.sub(r"(?s)<!--.*?-->", " ", raw)
        raw = re.sub(r"(?s)<[^>]+>", "", raw)
        return html.unescape(raw)
    if suf == ".docx":
        import docx
        d = docx.Document(str(path))
        return "\n".join(p.text for p in d.paragraphs)
    if suf == ".pdf":
        import pypdfium2
        pdf = pypdfium2.PdfDocument(str(path))
        pages = []
        for i in range(len(pdf)):
            tp = pdf[i].get_textpage()
            pages.append(tp.get_text_range())
        return "\n\f\n".join(pages)
    raise ValueError(path)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        print(visible_text(RAW / sys.argv[2]))
        return
    texts = {p.name: visible_text(p) for p in RAW.iterdir()}
    problems = 0
    items = list(csv.DictReader(open(HERE / "items_gold.csv", encoding="utf-8", newline="")))
    actions = list(csv.DictReader(open(HERE / "actions_gold.csv", encoding="utf-8", newline="")))
    manifest = list(csv.DictReader(open(HERE / "manifest.csv", encoding="utf-8", newline="")))
    for r in items:
        f, kp = r["file"], r["key_phrase"]
        n = texts[f].count(kp)
        nw = len(kp.split())
        if n != 1:
            problems += 1
            print(f"ITEM phrase found {n}x: {f}: {kp!r}")
        if not (4 <= nw <= 15) and "SHORT ITEM" not in r["notes"]:
            problems += 1
            print(f"ITEM phrase has {nw} words: {f}: {kp!r}")
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if r[col] not in allowed:
                problems += 1
                print(f"ITEM bad {col} {r[col]!r}: {kp!r}")
    seen = set()
    for r in actions:
        f, ep = r["file"], r["evidence_phrase"]
        n = texts[f].count(ep)
        nw = len(ep.split())
        if n != 1:
            problems += 1
            print(f"ACTION phrase found {n}x: {f}: {ep!r}")
        if not (6 <= nw <= 20):
            problems += 1
            print(f"ACTION phrase has {nw} words: {f}: {ep!r}")
        if r["action"] not in ACTIONS:
            problems += 1
            print(f"ACTION bad action {r['action']!r}")
        if (f, r["action"]) in seen:
            problems += 1
            print(f"ACTION duplicate row {f} {r['action']}")
        seen.add((f, r["action"]))
    files_m = {r["file"] for r in manifest}
    for name in texts:
        if name not in files_m:
            problems += 1
            print(f"MANIFEST missing {name}")
    print()
    print("visible words per document:")
    for name, t in sorted(texts.items()):
        print(f"  {name}: {len(t.split())}")
    print("items per document:", dict(Counter(r["file"] for r in items)))
    print("actions per document:", dict(Counter(r["file"] for r in actions)))
    print("kind:", dict(Counter(r["kind"] for r in items)))
    print("status:", dict(Counter(r["status"] for r in items)))
    print("theme:", dict(Counter(r["theme"] for r in items)))
    print("action:", dict(Counter(r["action"] for r in actions)))
    print(f"\n{len(items)} items, {len(actions)} actions, {problems} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
