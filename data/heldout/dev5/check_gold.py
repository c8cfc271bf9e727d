"""Check the dev5 gold files against the visible text of the documents in raw/.

Run with /work/main/.venv/bin/python check_gold.py. Exit code 1 if any problem is found.
Checks: every key_phrase / evidence_phrase occurs exactly once in the visible text of its file and
contains no line break; labels come from the codebook; every file in raw/ is in the manifest;
phrase lengths (4-15 words for key phrases unless the item itself is short, 6-20 for evidence) are
reported as warnings.
"""
import csv
import html
import re
import sys
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

BLOCK = r"(?:p|div|li|ol|ul|h[1-6]|section|header|footer|nav|main|aside|tr|td|th|table|br|form|button|label|title|option)"


def visible_text(path):
    suf = path.suffix.lower()
    if suf == ".txt":
        return path.read_text(encoding="utf-8")
    if suf in (".html", ".htm"):
        s = path.read_text(encoding="utf-8")
        s = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", s)
        s = re.sub(r"(?is)<!--.*?-->", "", s)
        s = re.sub(rf"(?is)</?{BLOCK}\b[^>]*>", "\n", s)
        s = re.sub(r"(?s)<[^>]+>", "", s)
        s = html.unescape(s)
        return "\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in s.splitlines())
    if suf == ".docx":
        import docx
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.append(cell.text)
        return "\n".join(parts)
    if suf == ".pdf":
        import pypdfium2
        pdf = pypdfium2.PdfDocument(str(path))
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        return "\f".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in pages)
    raise ValueError(f"unsupported file type: {path}")


def main():
    problems, warnings = [], []
    texts = {p.name: visible_text(p) for p in sorted(RAW.iterdir()) if p.is_file()}
    with open(HERE / "manifest.csv", encoding="utf-8") as f:
        manifest = list(csv.DictReader(f))
    listed = {r["file"] for r in manifest}
    for name in texts:
        if name not in listed:
            problems.append(f"manifest: {name} missing")
    for r in manifest:
        if r["doc_type"] not in DOC_TYPES:
            problems.append(f"manifest: bad doc_type {r['doc_type']!r} for {r['file']}")
        if r["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            problems.append(f"manifest: bad date {r['date']!r}")

    def check_phrase(kind, row_no, fname, phrase, lo, hi, short_ok=False):
        if fname not in texts:
            problems.append(f"{kind} row {row_no}: unknown file {fname}")
            return
        if "\n" in phrase or "\f" in phrase:
            problems.append(f"{kind} row {row_no}: phrase contains a line break")
        n = texts[fname].count(phrase)
        if n != 1:
            problems.append(f"{kind} row {row_no} ({fname}): found {n} times: {phrase!r}")
        words = len(phrase.split())
        if not (lo <= words <= hi) and not (short_ok and words < lo):
            warnings.append(f"{kind} row {row_no}: {words} words: {phrase!r}")

    with open(HERE / "items_gold.csv", encoding="utf-8") as f:
        items = list(csv.DictReader(f))
    for i, r in enumerate(items, start=2):
        if r["kind"] not in KINDS:
            problems.append(f"items row {i}: bad kind {r['kind']!r}")
        if r["status"] not in STATUSES:
            problems.append(f"items row {i}: bad status {r['status']!r}")
        if r["theme"] not in THEMES:
            problems.append(f"items row {i}: bad theme {r['theme']!r}")
        check_phrase("items", i, r["file"], r["key_phrase"], 4, 15, short_ok=True)

    with open(HERE / "actions_gold.csv", encoding="utf-8") as f:
        actions = list(csv.DictReader(f))
    seen = set()
    for i, r in enumerate(actions, start=2):
        if r["action"] not in ACTIONS:
            problems.append(f"actions row {i}: bad action {r['action']!r}")
        if (r["file"], r["action"]) in seen:
            problems.append(f"actions row {i}: duplicate action {r['action']} for {r['file']}")
        seen.add((r["file"], r["action"]))
        check_phrase("actions", i, r["file"], r["evidence_phrase"], 6, 20)

    # summary
    from collections import Counter
    print("items per file:", dict(Counter(r["file"] for r in items)))
    print("actions per file:", dict(Counter(r["file"] for r in actions)))
    for col in ("kind", "status", "theme"):
        print(f"{col}:", dict(sorted(Counter(r[col] for r in items).items())))
    for name, t in texts.items():
        print(f"words in {name}: {len(t.split())}")
    for w in warnings:
        print("WARNING", w)
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
