"""Check the test3 gold files against the visible text of the documents.

    /work/main/.venv/bin/python check_gold.py            # check
    /work/main/.venv/bin/python check_gold.py --dump F   # print the visible text of raw/F

Visible text:
  .txt   the file itself
  .html  tags stripped (script/style removed), entities unescaped
  .docx  paragraph texts and table-cell paragraph texts, one per line (python-docx)
  .odt   headings, paragraphs (incl. list items and table cells) in document order (odfdo)
  .rtf   striprtf.rtf_to_text
  .pdf   pypdfium2 page text, pages joined with a form feed
A key_phrase / evidence_phrase must occur exactly once, and (being searched in line-separated text)
cannot cross a line break or a page break.
"""
from __future__ import annotations

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
DOC_TYPES = {"minutes", "report", "scrutiny", "news", "web page", "other"}


def visible_text(path: Path) -> str:
    suf = path.suffix.lower()
    if suf == ".txt":
        return path.read_text(encoding="utf-8")
    if suf in (".html", ".htm"):
        raw = path.read_text(encoding="utf-8")
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
        raw = re.sub(r"(?i)<br\s*/?>|</(p|div|li|h[1-6]|tr|td|th)>", "\n", raw)
        return html.unescape(re.sub(r"<[^>]+>", "", raw))
    if suf == ".docx":
        import docx
        d = docx.Document(str(path))
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    out.extend(p.text for p in cell.paragraphs)
        return "\n".join(out)
    if suf == ".odt":
        from odfdo import Document
        d = Document(str(path))
        out = []
        for el in d.body.get_elements("descendant::text:h|descendant::text:p"):
            out.append(el.text_recursive)
        return "\n".join(out)
    if suf == ".rtf":
        from striprtf.striprtf import rtf_to_text
        return rtf_to_text(path.read_text(encoding="ascii"))
    if suf == ".pdf":
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(str(path))
        pages = []
        for i in range(len(pdf)):
            tp = pdf[i].get_textpage()
            pages.append(tp.get_text_range())
        return "\f".join(pages)
    raise ValueError("unsupported file type: %s" % path)


def read_csv(name: str):
    with open(HERE / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def main(argv) -> int:
    if len(argv) > 2 and argv[1] == "--dump":
        print(visible_text(RAW / argv[2]))
        return 0
    problems = []
    texts = {}

    def text_of(f):
        if f not in texts:
            texts[f] = visible_text(RAW / f)
        return texts[f]

    items = read_csv("items_gold.csv")
    assert list(items[0].keys()) == ["file", "label", "key_phrase", "kind", "status", "theme", "notes"]
    for i, r in enumerate(items, 2):
        n = text_of(r["file"]).count(r["key_phrase"])
        if n != 1:
            problems.append("items line %d: key_phrase found %d times: %r" % (i, n, r["key_phrase"]))
        words = len(r["key_phrase"].split())
        if not 4 <= words <= 15:
            problems.append("items line %d: key_phrase has %d words: %r" % (i, words, r["key_phrase"]))
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if r[col] not in allowed:
                problems.append("items line %d: bad %s %r" % (i, col, r[col]))

    actions = read_csv("actions_gold.csv")
    assert list(actions[0].keys()) == ["file", "council", "action", "evidence_phrase", "bodies",
                                       "before", "after", "notes"]
    seen = set()
    for i, r in enumerate(actions, 2):
        n = text_of(r["file"]).count(r["evidence_phrase"])
        if n != 1:
            problems.append("actions line %d: evidence_phrase found %d times: %r" % (i, n, r["evidence_phrase"]))
        words = len(r["evidence_phrase"].split())
        if not 6 <= words <= 20:
            problems.append("actions line %d: evidence_phrase has %d words" % (i, words))
        if r["action"] not in ACTIONS:
            problems.append("actions line %d: bad action %r" % (i, r["action"]))
        key = (r["file"], r["action"])
        if key in seen:
            problems.append("actions line %d: duplicate (file, action) %r" % (i, key))
        seen.add(key)

    manifest = read_csv("manifest.csv")
    files = {p.name for p in RAW.iterdir()}
    for r in manifest:
        if r["file"] not in files:
            problems.append("manifest: missing file %s" % r["file"])
        if r["doc_type"] not in DOC_TYPES:
            problems.append("manifest: bad doc_type %r" % r["doc_type"])
        if r["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            problems.append("manifest: bad date %r" % r["date"])
    for f in files - {r["file"] for r in manifest}:
        problems.append("manifest: file not listed %s" % f)

    # summary
    print("items per file:")
    for f, n in sorted(Counter(r["file"] for r in items).items()):
        words = len(re.findall(r"\S+", text_of(f)))
        print("  %-75s %3d items  %4d words" % (f, n, words))
    for col in ("kind", "status", "theme"):
        print("%s: %s" % (col, dict(Counter(r[col] for r in items).most_common())))
    print("actions per file:")
    for f in sorted({r["file"] for r in actions}):
        print("  %s: %s" % (f, ", ".join(r["action"] for r in actions if r["file"] == f)))
    if problems:
        print("\nPROBLEMS (%d):" % len(problems))
        for p in problems:
            print("  " + p)
        return 1
    print("\nOK: every key_phrase and evidence_phrase occurs exactly once; labels are valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
