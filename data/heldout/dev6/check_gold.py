"""Check the dev6 gold files against the visible text of the documents in raw/.

Run:  /work/main/.venv/bin/python check_gold.py            (checks; exit code 1 on any error)
      /work/main/.venv/bin/python check_gold.py --dump FILE (print the visible text of one raw file)

Visible text:
  .txt  the file as read;  .html  tags stripped (block tags -> line breaks), entities unescaped;
  .docx body paragraphs and table-cell paragraphs, one per line;
  .odt  headings, paragraphs (incl. list items and table cells) walked with odfdo, one per line;
  .rtf  striprtf.rtf_to_text;  .pdf  pypdfium2 page text, pages separated by a form feed.
Every key_phrase / evidence_phrase must occur exactly once in that text (a phrase that crosses a
line break or page break therefore fails). Labels must be codebook labels.
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
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish",
           "meeting_frequency", "membership", "terms_of_reference", "review", "pooled_resources",
           "statutory_alignment"}
BLOCK_TAGS = r"p|div|li|ul|ol|h[1-6]|tr|td|th|table|header|footer|nav|main|article|aside|section|br|button|form|label|title|head|body|html"


def visible_text(path: Path) -> str:
    suf = path.suffix.lower()
    if suf == ".txt":
        return path.read_text(encoding="utf-8")
    if suf in (".html", ".htm"):
        s = path.read_text(encoding="utf-8")
        s = re.sub(r"(?is)<(script|style)\b.*?</\1>", "\n", s)
        s = re.sub(r"(?is)<!--.*?-->", "", s)
        s = re.sub(r"(?is)</?(%s)\b[^>]*>" % BLOCK_TAGS, "\n", s)
        s = re.sub(r"(?s)<[^>]+>", "", s)
        return html.unescape(s)
    if suf == ".docx":
        import docx
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
        return "\n".join(parts)
    if suf == ".odt":
        from odfdo import Document
        body = Document(str(path)).body
        parts = [str(el).strip("\n") for el in body.get_elements("descendant::text:h | descendant::text:p")]
        return "\n".join(parts)
    if suf == ".rtf":
        from striprtf.striprtf import rtf_to_text
        return rtf_to_text(path.read_text(encoding="ascii"))
    if suf == ".pdf":
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(str(path))
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        return "\f".join(pages)
    raise ValueError(f"unsupported file type: {path}")


def read_csv(name):
    with open(HERE / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--dump":
        print(visible_text(RAW / sys.argv[2]))
        return 0
    errors, warnings = [], []
    texts = {}
    manifest = read_csv("manifest.csv")
    for row in manifest:
        p = RAW / row["file"]
        if not p.exists():
            errors.append(f"manifest: missing file {row['file']}")
            continue
        texts[row["file"]] = visible_text(p)
        words = len(re.findall(r"[A-Za-z0-9£%'’-]+", texts[row["file"]]))
        if not 700 <= words <= 2000:
            warnings.append(f"{row['file']}: {words} words (target 700-2000)")
    for p in RAW.iterdir():
        if p.name not in texts:
            errors.append(f"raw file not in manifest: {p.name}")

    items = read_csv("items_gold.csv")
    seen = Counter()
    for i, r in enumerate(items, start=2):
        f, kp = r["file"], r["key_phrase"]
        if f not in texts:
            errors.append(f"items row {i}: unknown file {f}")
            continue
        n = texts[f].count(kp)
        if n != 1:
            errors.append(f"items row {i}: key_phrase occurs {n}x in {f}: {kp!r}")
        if "\n" in kp or "\r" in kp or "\f" in kp:
            errors.append(f"items row {i}: key_phrase contains a line break")
        if r["kind"] not in KINDS:
            errors.append(f"items row {i}: bad kind {r['kind']}")
        if r["status"] not in STATUSES:
            errors.append(f"items row {i}: bad status {r['status']}")
        if r["theme"] not in THEMES:
            errors.append(f"items row {i}: bad theme {r['theme']}")
        nw = len(kp.split())
        if not 4 <= nw <= 15:
            warnings.append(f"items row {i}: key_phrase has {nw} words: {kp!r}")
        if (f, kp) in seen:
            errors.append(f"items row {i}: duplicate key_phrase row {kp!r}")
        seen[(f, kp)] += 1

    actions = read_csv("actions_gold.csv")
    for i, r in enumerate(actions, start=2):
        f, ev = r["file"], r["evidence_phrase"]
        if f not in texts:
            errors.append(f"actions row {i}: unknown file {f}")
            continue
        n = texts[f].count(ev)
        if n != 1:
            errors.append(f"actions row {i}: evidence_phrase occurs {n}x in {f}: {ev!r}")
        if r["action"] not in ACTIONS:
            errors.append(f"actions row {i}: bad action {r['action']}")
        nw = len(ev.split())
        if not 6 <= nw <= 20:
            warnings.append(f"actions row {i}: evidence_phrase has {nw} words: {ev!r}")

    # summary
    per_doc = Counter(r["file"] for r in items)
    per_doc_a = Counter(r["file"] for r in actions)
    print("items per document:")
    for f in texts:
        print(f"  {f}: {per_doc[f]} items, {per_doc_a[f]} actions")
    print(f"  total: {len(items)} items, {len(actions)} actions")
    for col in ("kind", "status", "theme"):
        c = Counter(r[col] for r in items)
        print(f"{col}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    print("actions: " + ", ".join(f"{k} {v}" for k, v in Counter(r["action"] for r in actions).most_common()))
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
