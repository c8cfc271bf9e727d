"""Check the test2 gold files against the documents in raw/.

    /work/main/.venv/bin/python check_gold.py

Checks:
  * every key_phrase (items_gold.csv) and evidence_phrase (actions_gold.csv) occurs exactly once in the
    visible text of its file (txt: file text; html: text with tags, scripts and styles removed;
    docx: paragraph texts plus table-cell texts; pdf: page text from pypdfium2, pages joined);
  * no phrase crosses a line break (a phrase containing a newline can never match);
  * kind / status / theme / action values come from the codebook;
  * phrase lengths (key_phrase 4-15 words unless the note says the whole item is shorter;
    evidence_phrase 6-20 words);
  * manifest rows exist for every file and doc_type is an allowed value.
Exits non-zero if any problem is found.
"""
import collections
import csv
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
RAW = HERE / "raw"

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution", "request",
         "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish", "meeting_frequency",
           "membership", "terms_of_reference", "review", "pooled_resources", "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "scrutiny", "news", "web page", "other"}


def visible_text(path):
    suf = path.suffix.lower()
    if suf == ".txt":
        return path.read_text(encoding="utf-8")
    if suf in (".html", ".htm"):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup(["script", "style", "head"]):
            tag.decompose()
        text = soup.get_text("\n")
        return "\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in text.splitlines())
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
        return "\n".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in pages)
    raise ValueError(f"unsupported file type: {path}")


def main():
    problems = []
    texts = {}

    def text_of(fname):
        if fname not in texts:
            p = RAW / fname
            if not p.exists():
                problems.append(f"missing raw file: {fname}")
                texts[fname] = ""
            else:
                texts[fname] = visible_text(p)
        return texts[fname]

    def check_phrase(where, fname, phrase):
        if "\n" in phrase:
            problems.append(f"{where}: phrase contains a line break: {phrase!r}")
        n = text_of(fname).count(phrase)
        if n != 1:
            problems.append(f"{where}: occurs {n} times in {fname}: {phrase!r}")

    with open(HERE / "items_gold.csv", newline="", encoding="utf-8") as f:
        items = list(csv.DictReader(f))
    for i, r in enumerate(items, start=2):
        where = f"items_gold.csv line {i}"
        check_phrase(where, r["file"], r["key_phrase"])
        if r["kind"] not in KINDS:
            problems.append(f"{where}: bad kind {r['kind']!r}")
        if r["status"] not in STATUSES:
            problems.append(f"{where}: bad status {r['status']!r}")
        if r["theme"] not in THEMES:
            problems.append(f"{where}: bad theme {r['theme']!r}")
        nw = len(r["key_phrase"].split())
        if not (4 <= nw <= 15) and "whole item" not in r["notes"].lower():
            problems.append(f"{where}: key_phrase has {nw} words: {r['key_phrase']!r}")

    with open(HERE / "actions_gold.csv", newline="", encoding="utf-8") as f:
        actions = list(csv.DictReader(f))
    seen = set()
    for i, r in enumerate(actions, start=2):
        where = f"actions_gold.csv line {i}"
        check_phrase(where, r["file"], r["evidence_phrase"])
        if r["action"] not in ACTIONS:
            problems.append(f"{where}: bad action {r['action']!r}")
        if (r["file"], r["action"]) in seen:
            problems.append(f"{where}: duplicate (file, action) {r['action']}")
        seen.add((r["file"], r["action"]))
        nw = len(r["evidence_phrase"].split())
        if not (6 <= nw <= 20):
            problems.append(f"{where}: evidence_phrase has {nw} words")

    with open(HERE / "manifest.csv", newline="", encoding="utf-8") as f:
        manifest = list(csv.DictReader(f))
    mfiles = {r["file"] for r in manifest}
    for r in manifest:
        if r["doc_type"] not in DOC_TYPES:
            problems.append(f"manifest: bad doc_type {r['doc_type']!r} for {r['file']}")
        if r["date"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]):
            problems.append(f"manifest: bad date {r['date']!r} for {r['file']}")
    for fname in {r["file"] for r in items} | {r["file"] for r in actions} | {p.name for p in RAW.iterdir()}:
        if fname not in mfiles:
            problems.append(f"manifest: no row for {fname}")

    # summary
    per_file = collections.Counter(r["file"] for r in items)
    act_file = collections.Counter(r["file"] for r in actions)
    for fname in sorted(mfiles):
        words = len(text_of(fname).split())
        print(f"{fname}: {per_file[fname]} items, {act_file[fname]} actions, {words} visible words")
    for col in ("kind", "status", "theme"):
        c = collections.Counter(r[col] for r in items)
        print(f"{col}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))))
    print(f"total: {len(items)} items, {len(actions)} actions")
    if problems:
        print(f"\n{len(problems)} PROBLEM(S):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("\nOK: all phrases occur exactly once; all labels are codebook values.")


if __name__ == "__main__":
    main()
