"""helpers.explore: search with filters and snippets, jump to the source, and the "what's new" digest."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers import codebook, explore, tables
from helpers.errors import WorkbookError

TEXTS = {
    "a_minutes.txt": (
        "Safer Kent Partnership, minutes of 3 March 2021.\n\n"
        "It was agreed that task-and-finish groups would replace the four standing sub-groups. "
        "The Board requested that officers review the terms of reference. "
        "Members noted the budget report."
    ),
    "b_report.txt": (
        "Review of the Local Strategic Partnership, Leeds City Council, 2019.\n\n"
        "Recommendation 1: The Board should meet quarterly. "
        "Recommendation 2: A joint Health and Wellbeing Board should be created with the county. "
        "Recommendation 3: Task and Finish groups should report to the Board."
    ),
    "c_news.txt": (
        "News from Wrexham, 2022.\n\n"
        "The Public Services Board agreed to merge with its neighbour. "
        "It was decided to pool the community safety budget."
    ),
}
COUNCILS = {"a_minutes.txt": "Kent County Council", "b_report.txt": "Leeds City Council", "c_news.txt": "Wrexham County Borough Council"}
YEARS = {"a_minutes.txt": 2021, "b_report.txt": 2019, "c_news.txt": 2022}
BODIES = {"a_minutes.txt": "CSP", "b_report.txt": "LSP", "c_news.txt": "PSB"}
ACTION_CUES = {"task-and-finish": "task_and_finish", "joint Health": "regionalise", "merge": "merge", "pool": "pooled_resources"}


def _sentences(text: str):
    """(start, end) of each sentence after the first line."""
    body = text.index("\n\n") + 2
    for m in re.finditer(r"[^.]+\.", text[body:]):
        s, e = body + m.start(), body + m.end()
        while text[s].isspace():
            s += 1
        yield s, e


def build_tables(folder: Path, files: list[str]) -> dict[str, pd.DataFrame]:
    """Write the documents, items, actions and councils tables a run on ``files`` would give."""
    docs, items, actions = [], [], []
    for file in files:
        text = TEXTS[file]
        sha = hashlib.sha256(text.encode()).hexdigest()
        doc_id = f"doc-{sha[:12]}"
        docs.append({"doc_id": doc_id, "file": file, "council": COUNCILS[file], "body": BODIES[file],
                     "doc_type": "minutes", "date": f"{YEARS[file]}-03-01", "year": YEARS[file],
                     "title": text.split("\n")[0], "text": text, "n_chars": len(text), "sha256": sha, "source_url": None})
        for seq, (s, e) in enumerate(_sentences(text)):
            n = len(items)
            items.append({"item_id": f"{doc_id}-{seq:04d}", "doc_id": doc_id, "council": COUNCILS[file], "seq": seq,
                          "label": "", "text": text[s:e], "start": s, "end": e,
                          "kind": codebook.KINDS[n % len(codebook.KINDS)],
                          "status": codebook.STATUSES[n % len(codebook.STATUSES)],
                          "theme": codebook.THEMES[n % len(codebook.THEMES)],
                          "confidence": 0.8, "cluster": pd.NA, "cluster_label": None})
            for cue, action in ACTION_CUES.items():
                if cue in text[s:e]:
                    actions.append({"doc_id": doc_id, "council": COUNCILS[file], "action": action,
                                    "evidence": text[s:e], "start": s, "end": e, "confidence": 0.9})
    frames = {
        "documents": pd.DataFrame(docs).astype({"year": "Int64"}),
        "items": pd.DataFrame(items).astype({"cluster": "Int64"}),
        "actions": pd.DataFrame(actions),
        "councils": pd.DataFrame({"council": sorted(set(COUNCILS[f] for f in files)), "actions": "", "model": "",
                                  "years": "", "n_documents": 1}),
    }
    for name, df in frames.items():
        tables.write_table(df, name, folder)
    return frames


@pytest.fixture()
def processed(tmp_path) -> Path:
    build_tables(tmp_path, list(TEXTS))
    return tmp_path


def test_free_text_ignores_case_and_hyphens_and_gives_a_snippet(processed):
    hits = explore.search("task and finish", processed=processed)
    assert sorted(hits["council"]) == ["Kent County Council", "Leeds City Council"]
    row = hits[hits["council"] == "Kent County Council"].iloc[0]
    assert "«It was agreed that task-and-finish groups" in row["snippet"]
    assert "minutes of 3 March 2021" in row["snippet"]  # the source before the item
    assert {"file", "body", "year", "title"} <= set(hits.columns)


def test_filters_combine(processed):
    assert set(explore.search(council="leeds", processed=processed)["council"]) == {"Leeds City Council"}
    assert set(explore.search(body=["CSP", "PSB"], processed=processed)["body"]) == {"CSP", "PSB"}
    by_year = explore.search(year=2022, processed=processed)
    assert set(by_year["year"]) == {2022} and len(by_year) == 2
    items = tables.read_table("items", processed)
    kind = items["kind"].iloc[1]
    assert set(explore.search(kind=kind, processed=processed)["item_id"]) == set(items.loc[items["kind"] == kind, "item_id"])
    assert explore.search("task and finish", council="Kent", year=2019, processed=processed).empty


def test_search_actions_and_package_level_alias(processed):
    merged = explore.search(table="actions", action="merge", processed=processed)
    assert list(merged["council"]) == ["Wrexham County Borough Council"]
    assert "«The Public Services Board agreed to merge" in merged["snippet"].iloc[0]
    assert helpers.search is explore.search


def test_unknown_labels_and_wrong_filters_are_explained(processed):
    with pytest.raises(WorkbookError, match="unknown kind"):
        explore.search(kind="recomendation", processed=processed)
    with pytest.raises(WorkbookError, match="no 'kind' column"):
        explore.search(table="actions", kind="proposal", processed=processed)


def test_context_marks_the_item_in_its_source(processed):
    item = explore.search("quarterly", processed=processed).iloc[0]
    shown = explore.context(item["item_id"], chars=30, processed=processed)
    assert "b_report.txt" in shown.splitlines()[0]
    assert "«Recommendation 1: The Board should meet quarterly.»" in shown
    assert shown.endswith("…") and "Recommendation 2: A joint" in shown
    with pytest.raises(WorkbookError, match="no item"):
        explore.context("doc-nope-0000", processed=processed)


def test_digest_on_two_runs_differing_by_one_document(tmp_path):
    build_tables(tmp_path, ["a_minutes.txt", "b_report.txt"])
    first = explore.whats_new(tmp_path)
    assert len(first["documents"]) == 2  # a first run: everything is new
    assert (tmp_path / explore.SNAPSHOT_DIR / "latest.parquet").exists()

    frames = build_tables(tmp_path, ["a_minutes.txt", "b_report.txt", "c_news.txt"])
    second = explore.whats_new(tmp_path)
    new_doc = frames["documents"].loc[frames["documents"]["file"] == "c_news.txt", "doc_id"].item()
    assert list(second["documents"]["file"]) == ["c_news.txt"]
    assert set(second["items"]["doc_id"]) == {new_doc} and len(second["items"]) == 2
    assert sorted(second["actions"]["action"]) == ["merge", "pooled_resources"]
    assert "text" not in second["documents"].columns

    again = explore.whats_new(tmp_path)  # re-running on the same tables keeps the digest
    assert list(again["documents"]["file"]) == ["c_news.txt"]

    digest = explore.write_digest(second, tmp_path / "reports").read_text(encoding="utf-8")
    assert "1 new documents, 2 new items, 2 new actions." in digest
    assert "## New items in c_news.txt" in digest and "a_minutes.txt" not in digest
