"""helpers.brief: findings generated from the tables, escaped text, accessible markup, aggregation.

Fast tests build small tables in memory; the last ones read the briefing that the shipped-corpus run
wrote (``shipped_run``) and check it as a file: size, no scripts, no remote resources, headings in
order, alt text, table headers, measured accuracy, and the per-council command.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pandas as pd
import pytest

from helpers import brief, codebook
from helpers.errors import WorkbookError

EVIL = "<script>window.__pwned=1</script><img src=x onerror=alert(1)>"


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML string."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def named(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]


def corpus(councils: list[str], actions_of: dict[str, list[str]], evil: str = "") -> dict[str, pd.DataFrame]:
    """Tables for one document per council; ``evil`` is put in every text field that comes from a document."""
    docs = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(councils))],
        "file": [f"{i}{evil}.txt" for i in range(len(councils))],
        "council": councils,
        "body": [f"Board {evil}"] * len(councils),
        "title": [f"Review {evil}"] * len(councils),
        "date": ["2020-01-02"] + [None] * (len(councils) - 1),
        "year": pd.array([2020] + [None] * (len(councils) - 1), dtype="Int64"),
        "source_url": ["javascript:alert(1)"] + ["https://example.org/x?a=1&b=2"] * (len(councils) - 1),
    })
    rows = [{"doc_id": f"d{i}", "council": c, "action": a, "evidence": f"It was agreed to {a} the board. {evil}",
             "start": 0, "end": 10, "confidence": 0.8}
            for i, c in enumerate(councils) for a in actions_of.get(c, [])]
    actions = pd.DataFrame(rows, columns=["doc_id", "council", "action", "evidence", "start", "end", "confidence"])
    items = pd.DataFrame({
        "council": [c for c in councils for _ in range(3)],
        "theme": ["membership", "membership", "structure"] * len(councils),
        "status": ["agreed", "proposed", "proposed"] * len(councils),
    })
    from helpers.compare import councils_table

    table = councils_table(docs.assign(text=""), actions)
    return {"documents": docs, "actions": actions, "items": items, "councils": table}


def whole_briefing(t: dict, focus: str = "") -> str:
    findings = (brief.council_findings(focus, t["councils"], t["actions"], t["items"]) if focus
                else brief.key_findings(t["councils"], t["actions"], t["items"]))
    return "".join([
        brief.title_block(t["documents"], focus),
        brief.findings_html(findings),
        brief.models_section(t["councils"], t["actions"]),
        brief.themes_section(t["items"], focus=focus),
        brief.councils_section(t["councils"], t["actions"], t["documents"], focus=focus),
        brief.list_html(brief.caveats(t["documents"], t["councils"], t["items"])),
    ])


FOUR = ["Avon Council", "Brent Council", "Cray Council", "Dale Council"]
ACTS = {"Avon Council": ["merge", "meeting_frequency"], "Brent Council": ["merge", "meeting_frequency"],
        "Cray Council": ["merge"], "Dale Council": []}


def test_findings_are_counted_from_the_tables():
    t = corpus(FOUR, ACTS)
    findings = brief.key_findings(t["councils"], t["actions"], t["items"])
    assert findings[0] == ("Documents from 3 of the 4 named councils record merging partnership bodies "
                           "(Avon Council, Brent Council and Cray Council).")
    assert findings[1].startswith("Documents from 2 of the 4 named councils record changing how often a board meets")
    assert any("(Dale Council) no restructuring action was found" in f for f in findings)
    assert any(f.startswith("12 recommendations, proposals and decisions were found; the commonest theme is membership (8 items, 67%)")
               for f in findings)
    assert "4 of 12 items (33%) are recorded as agreed" in findings[-1]


def test_council_findings_compare_one_council_with_the_rest():
    t = corpus(FOUR, {**ACTS, "Dale Council": ["regionalise"]})
    findings = brief.council_findings("Dale Council", t["councils"], t["actions"], t["items"])
    assert "record 1 of the 12 restructuring actions" in findings[0]
    assert "the other 3 named councils record 1.7 on average" in findings[0]
    assert "Recorded by no other council: regionalise." in findings
    assert "Recorded by most other councils but not found here: merge, meeting frequency." in findings


def test_chart_alt_text_states_the_finding():
    t = corpus(FOUR, ACTS)
    alts = [a["alt"] for a in Elements(brief.models_section(t["councils"], t["actions"])).named("img")]
    assert alts and "The most widespread action, merge, is recorded for 3 of 4 councils" in alts[0]
    assert "Avon Council records the most actions (2 of 12)" in alts[0]
    alts = [a["alt"] for a in Elements(brief.themes_section(t["items"])).named("img")]
    assert alts == ["Items by theme: membership is the commonest with 8 of 12 items (67%), then structure with 4; "
                    "no item concerns " + ", ".join(brief.label(x) for x in codebook.THEMES
                                                    if x not in ("membership", "structure")) + "."]


@pytest.mark.parametrize("focus", ["", "<script>window.__pwned=1</script> Council"])
def test_text_from_documents_is_escaped_everywhere(focus):
    names = [focus or "Avon Council", f"Brent {EVIL} Council", "Cray Council"]
    t = corpus(names, {n: ["merge", "review"] for n in names}, evil=EVIL)
    page = whole_briefing(t, focus=focus)
    parsed = Elements(page)
    assert not parsed.named("script") and not parsed.named("svg")
    assert all(not k.startswith("on") for _, attrs in parsed.tags for k in attrs), "an event handler attribute got through"
    assert [a["src"][:22] for a in parsed.named("img")] == ["data:image/png;base64,"] * len(parsed.named("img"))
    hrefs = [a["href"] for a in parsed.named("a")]
    assert all(h == "https://example.org/x?a=1&b=2" for h in hrefs), hrefs
    assert hrefs or focus, "the web sources are linked"  # the focused council's only source is a javascript: URL
    assert "<script>window.__pwned=1</script>" in "".join(parsed.text), "the hostile text is shown as text"


def test_tables_have_captions_and_header_cells():
    t = corpus(FOUR, ACTS)
    parsed = Elements(brief.models_section(t["councils"], t["actions"]) + brief.themes_section(t["items"]))
    n_tables = len(parsed.named("table"))
    assert n_tables == 3 and len([1 for tag, _ in parsed.tags if tag == "caption"]) == n_tables
    scopes = {a.get("scope") for a in parsed.named("th")}
    assert scopes == {"col", "row"}
    regions = [a for a in parsed.named("div") if a.get("class") == "brief-table"]
    assert all(r.get("tabindex") == "0" and r.get("aria-label") for r in regions), "a scrolling table must be focusable and named"


def test_large_corpora_are_aggregated():
    names = [f"Council {i:03d}" for i in range(300)]
    acts = {n: list(codebook.ACTIONS)[: 1 + i % 12] for i, n in enumerate(names)}
    t = corpus(names, acts)
    t["items"] = pd.concat([t["items"]] * 50, ignore_index=True)
    page = whole_briefing(t)
    parsed = Elements(page)
    assert len([a for a in parsed.named("section") if a.get("class") == "brief-card"]) == brief.MAX_CARDS
    assert "260 further councils with fewer recorded actions" in page
    assert "Grid of" not in page, "no council × action grid for 300 councils"
    assert len(page) < 2_000_000


def test_citation_links_only_to_web_sources():
    doc = pd.Series({"council": "A", "body": "B", "title": "T", "date": "", "year": 2009, "file": "f.txt",
                     "source_url": 'https://x.org/"onmouseover=alert(1)'})
    assert "<a " not in brief.citation(doc)
    assert brief.citation(doc.replace('https://x.org/"onmouseover=alert(1)', "https://x.org/a")).count('href="https://x.org/a"') == 1
    assert "2009" in brief.citation(doc) and "undated" in brief.citation(doc.replace(2009, None))


def test_resolve_council_accepts_case_and_parts_and_suggests_names():
    councils = pd.DataFrame({"council": ["Southwark Council", "Southampton City Council", "Haringey Council"]})
    assert brief.resolve_council("Southwark Council", councils) == "Southwark Council"
    assert brief.resolve_council("haringey", councils) == "Haringey Council"
    with pytest.raises(WorkbookError, match="did you mean 'Southwark Council'"):
        brief.resolve_council("Sothwark Concil", councils)
    with pytest.raises(WorkbookError, match="did you mean"):
        brief.resolve_council("south", councils)


def test_quality_section_says_when_there_is_no_gold(tmp_path):
    t = corpus(FOUR, ACTS)
    html = brief.quality_section(t["items"], t["actions"], t["documents"], tmp_path)
    assert "No hand-coded gold labels cover these documents" in html


# ---------------------------------------------------------------- the shipped briefing as a file


def council_briefing(paths, council: str = "haringey"):
    """Run ``python -m helpers brief --council`` on the shipped run once; return the file."""
    out = paths.reports / "briefing-haringey-council.html"
    if not out.exists():
        proc = subprocess.run(
            [sys.executable, "-m", "helpers", "brief", "--council", council, "--raw", str(paths.raw),
             "--processed", str(paths.processed), "--reports", str(paths.reports), "--annotations", str(paths.annotations)],
            capture_output=True, text=True, timeout=600,
        )
        assert proc.returncode == 0, proc.stderr
        assert f"briefing: {out}" in proc.stdout
    return out


def _check_file(html: str) -> Elements:
    assert len(html.encode()) < brief.MAX_BYTES
    parsed = Elements(html)
    assert not parsed.named("script") and not parsed.named("link") and not parsed.named("iframe")
    assert not re.search(r"(?:src|url)\s*[=(]\s*[\"']?(?:https?:)?//", html), "a resource would be fetched from another host"
    assert not re.search(r"In&nbsp;\[|Out\[|from helpers import|HTML\(", html), "code or prompts in the briefing"
    levels = [int(t[1]) for t, _ in parsed.tags if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), f"heading levels skip: {levels}"
    assert all(len(a.get("alt", "")) > 40 for a in parsed.named("img")), "every chart needs alt text stating its finding"
    assert len(parsed.named("caption")) == len(parsed.named("table"))
    return parsed


def test_shipped_briefing_is_one_safe_self_contained_file(shipped_run):
    html = (shipped_run.reports / "briefing.html").read_text(encoding="utf-8")
    parsed = _check_file(html)
    text = " ".join("".join(parsed.text).split())
    assert "Covers 5 documents from 4 councils" in text
    for section in ["Key findings", "Restructuring models across councils", "Themes of the recommendations",
                    "Council by council", "Method and caveats", "What readers should not conclude"]:
        assert f"<h2" in html and section in text, section
    assert re.search(r"the workbook found \d+% of them \(recall\)", text), "the measured item accuracy is missing"
    assert "@page" in html and "break-before: page" in html


def test_per_council_command_writes_a_focused_briefing(shipped_run):
    html = council_briefing(shipped_run).read_text(encoding="utf-8")
    parsed = _check_file(html)
    text = " ".join("".join(parsed.text).split())
    assert "Partnership review briefing: Haringey Council" in text
    assert "Haringey Council's documents" in text and "against the other named councils" in text
    cards = [a for a in parsed.named("section") if a.get("class") == "brief-card"]
    assert len(cards) == 1


def test_a_failing_measurement_is_stated_not_hidden(tmp_path, monkeypatch):
    t = corpus(FOUR, ACTS)
    (tmp_path / "items_gold.csv").write_text("file,key_phrase,kind,status,theme\n0.txt,agreed,decision,agreed,structure\n")

    def broken(*args):
        raise ValueError("boom")

    monkeypatch.setattr(brief.evaluate, "item_quality", broken)
    html = brief.quality_section(t["items"], t["actions"], t["documents"], tmp_path)
    assert "The accuracy of the items could not be measured in this run</strong> (ValueError" in html
    assert "No hand-coded gold labels for restructuring actions" in html


def test_export_keeps_display_output_only(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    nb = new_notebook(cells=[
        new_markdown_cell("# For researchers only", metadata={"tags": [brief.NOTEBOOK_ONLY]}),
        new_code_cell("x = 1", outputs=[new_output("stream", name="stderr", text="SECRET_WARNING")]),
        new_code_cell("HTML(...)", execution_count=3, outputs=[new_output(
            "execute_result", data={"text/html": "<h1>Title</h1><p>VISIBLE</p>", "text/plain": "<HTML>"}, execution_count=3)]),
    ])
    src = tmp_path / "nb.ipynb"
    nbformat.write(nb, src)
    html = brief.export_html(src, tmp_path / "out.html", title="T").read_text(encoding="utf-8")
    assert "VISIBLE" in html
    assert "SECRET_WARNING" not in html and "For researchers only" not in html and "x = 1" not in html
    assert "Out[" not in html and "In&nbsp;[" not in html
    assert not Elements(html).named("script")


def test_a_corpus_with_no_actions_or_items_still_reads_well():
    t = corpus(["Avon Council", "Brent Council"], {})
    t["items"] = t["items"].iloc[0:0]
    page = whole_briefing(t)
    assert "No restructuring action was found in any document." in page
    assert "No recommendation, proposal or decision was found." in page
    assert "In both named councils (Avon Council and Brent Council) no restructuring action was found" in page
    focused = whole_briefing(t, focus="Brent Council")
    assert "Brent Council's documents (1 document, undated) record 0 of the 12 restructuring actions" in focused
