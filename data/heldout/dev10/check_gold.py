"""Check the dev10 gold files against the visible text of the raw documents.

Run: /work/main/.venv/bin/python check_gold.py [--dump]

Visible text:
  .txt  the file
  .html tags stripped (script/style dropped; text inside collapsed accordion panels kept),
        whitespace collapsed, block elements end a line
  .docx paragraph texts (body paragraphs and table cells, in document order) as they read with
        all tracked changes ACCEPTED: w:ins kept, w:del / w:delText dropped, paragraphs whose
        paragraph mark and content are all deleted dropped; comments are not part of the text
  .pdf  pypdfium2 page text, pages joined

Checks: every key_phrase / evidence_phrase occurs exactly once in the visible text (with the
documented exception of rows whose notes say "occurrence k of n"), never crosses a line break,
and in a .docx lies wholly inside one change segment (unchanged text or one insertion); labels are
from the codebook; word counts of phrases.
"""
import csv
import re
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

KINDS = {"recommendation", "proposal", "implication", "principle", "decision", "resolution",
         "request", "action", "statement"}
STATUSES = {"proposed", "agreed", "deferred", "noted", "rejected"}
THEMES = {"structure", "governance", "membership", "meetings", "resources", "engagement",
          "programme_management", "priorities", "data", "timing"}
ACTIONS = {"merge", "dissolve", "create", "regionalise", "streamline", "task_and_finish",
           "meeting_frequency", "membership", "terms_of_reference", "review", "pooled_resources",
           "statutory_alignment"}
DOC_TYPES = {"minutes", "report", "scrutiny", "news", "web page", "other"}


# ---------------------------------------------------------------- docx (changes accepted)
def docx_paragraph_segments(path):
    """Return a list of paragraphs; each paragraph is a list of segments (kind, text) where
    kind is 'plain' or 'ins'. A deletion or a switch plain<->ins starts a new segment."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    paras = []
    for p in body.iter(W + "p"):
        segs = []
        cur_kind, cur_text = None, []

        def close():
            nonlocal cur_kind, cur_text
            if cur_kind is not None and cur_text:
                segs.append((cur_kind, "".join(cur_text)))
            cur_kind, cur_text = None, []

        for el in p.iter():
            if el.tag in (W + "t", W + "delText", W + "tab", W + "br"):
                anc = [a.tag for a in el.iterancestors()]
                if W + "del" in anc or el.tag == W + "delText":
                    close()  # a deletion point is a segment boundary
                    continue
                kind = "ins" if W + "ins" in anc else "plain"
                if kind != cur_kind:
                    close()
                    cur_kind = kind
                cur_text.append(el.text or "" if el.tag == W + "t" else ("\t" if el.tag == W + "tab" else "\n"))
        close()
        ppr = p.find(W + "pPr")
        mark_deleted = ppr is not None and ppr.find(f"{W}rPr/{W}del") is not None
        if mark_deleted and not "".join(t for _, t in segs).strip():
            continue  # whole paragraph deleted
        paras.append(segs)
    return paras


def docx_text(path):
    return "\n".join("".join(t for _, t in segs) for segs in docx_paragraph_segments(path))


# ---------------------------------------------------------------- html
class _Stripper(HTMLParser):
    BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr", "td", "th", "table",
             "caption", "blockquote", "header", "footer", "nav", "main", "form", "fieldset",
             "legend", "label", "button", "section", "br", "title", "summary", "details"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(re.sub(r"\s+", " ", data))


def html_text(path):
    s = _Stripper()
    s.feed(path.read_text(encoding="utf-8"))
    lines = [re.sub(r" +", " ", l).strip() for l in "".join(s.out).split("\n")]
    return "\n".join(l for l in lines if l)


# ---------------------------------------------------------------- pdf
def pdf_text(path):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    pages = []
    for i in range(len(pdf)):
        tp = pdf[i].get_textpage()
        pages.append(tp.get_text_range())
    return "\n\f\n".join(pages).replace("\r\n", "\n").replace("\r", "\n")


def visible_text(path):
    suf = path.suffix.lower()
    if suf == ".docx":
        return docx_text(path)
    if suf in (".html", ".htm"):
        return html_text(path)
    if suf == ".pdf":
        return pdf_text(path)
    return path.read_text(encoding="utf-8")


def main():
    texts = {p.name: visible_text(p) for p in sorted(RAW.iterdir())}
    if "--dump" in sys.argv:
        for name, t in texts.items():
            print("=" * 30, name, len(t.split()), "words")
            print(t)
        return
    segs = {n: docx_paragraph_segments(RAW / n) for n in texts if n.endswith(".docx")}
    problems = 0

    def check_phrase(fname, phrase, what, notes):
        nonlocal problems
        if fname not in texts:
            print(f"[{what}] unknown file {fname}")
            problems += 1
            return
        n = texts[fname].count(phrase)
        allowed = 1
        m = re.search(r"occurrence \d+ of (\d+)", notes or "")
        if m:
            allowed = int(m.group(1))
        if n != allowed:
            print(f"[{what}] {fname}: found {n}x (want {allowed}): {phrase!r}")
            problems += 1
        if "\n" in phrase:
            print(f"[{what}] {fname}: phrase contains a line break: {phrase!r}")
            problems += 1
        if fname in segs and n:
            if not any(phrase in t for para in segs[fname] for _, t in para):
                print(f"[{what}] {fname}: phrase spans a revision boundary: {phrase!r}")
                problems += 1

    counts = {}
    with open(HERE / "items_gold.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        counts[r["file"]] = counts.get(r["file"], 0) + 1
        check_phrase(r["file"], r["key_phrase"], "item", r["notes"])
        nw = len(r["key_phrase"].split())
        if not 4 <= nw <= 15:
            print(f"[item] {r['file']}: key_phrase has {nw} words: {r['key_phrase']!r}")
        for col, allowed in (("kind", KINDS), ("status", STATUSES), ("theme", THEMES)):
            if r[col] not in allowed:
                print(f"[item] bad {col} {r[col]!r} in {r['key_phrase']!r}")
                problems += 1
    with open(HERE / "actions_gold.csv", newline="", encoding="utf-8") as f:
        arows = list(csv.DictReader(f))
    seen = set()
    for r in arows:
        check_phrase(r["file"], r["evidence_phrase"], "action", r["notes"])
        if r["action"] not in ACTIONS:
            print(f"[action] bad action {r['action']!r}")
            problems += 1
        if (r["file"], r["action"]) in seen:
            print(f"[action] duplicate (file, action): {r['file']} {r['action']}")
            problems += 1
        seen.add((r["file"], r["action"]))
        nw = len(r["evidence_phrase"].split())
        if not 6 <= nw <= 20:
            print(f"[action] {r['file']}: evidence_phrase has {nw} words: {r['evidence_phrase']!r}")
    with open(HERE / "manifest.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["doc_type"] not in DOC_TYPES:
                print(f"[manifest] bad doc_type {r['doc_type']!r}")
                problems += 1
            if r["file"] not in texts:
                print(f"[manifest] unknown file {r['file']}")
                problems += 1
    for name, t in texts.items():
        print(f"{name}: {len(t.split())} visible words, {counts.get(name, 0)} items, "
              f"{sum(1 for r in arows if r['file'] == name)} actions")
    print(f"{len(rows)} items, {len(arows)} actions, {problems} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
