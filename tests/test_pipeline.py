"""The whole workbook on the shipped corpus: every table matches the contract."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from helpers import codebook, tables

CONTRACT = {
    "documents": ["doc_id", "file", "council", "body", "doc_type", "date", "year", "title", "text", "n_chars", "sha256", "source_url"],
    "items": ["item_id", "doc_id", "council", "seq", "label", "text", "start", "end", "kind", "status", "theme", "confidence", "cluster", "cluster_label"],
    "actions": ["doc_id", "council", "action", "evidence", "start", "end", "confidence"],
    "councils": ["council", "actions", "model", "years", "n_documents"],
    "ingest_report": ["file", "status", "reason", "doc_id"],
}


def test_every_table_matches_the_contract(shipped_run):
    for name, columns in CONTRACT.items():
        df = tables.read_table(name, shipped_run.processed)
        assert list(df.columns[: len(columns)]) == columns, name
        assert len(df) > 0, name
        csv = pd.read_csv(shipped_run.processed / f"{name}.csv")
        assert len(csv) == len(df), f"{name}.csv copy differs from the Parquet table"


def test_spans_are_exact_and_labels_are_codebook_names(shipped_run):
    docs = tables.read_table("documents", shipped_run.processed)
    items = tables.read_table("items", shipped_run.processed)
    actions = tables.read_table("actions", shipped_run.processed)
    tables.check_offsets(items, docs, "items", "text")
    tables.check_offsets(actions, docs, "actions", "evidence")
    assert set(items["kind"]) <= set(codebook.KINDS)
    assert set(items["theme"]) <= set(codebook.THEMES)
    assert set(actions["action"]) <= set(codebook.ACTIONS)
    assert items["cluster"].notna().all()


def test_all_five_documents_ingest_and_every_southwark_recommendation_is_an_item(shipped_run):
    report = tables.read_table("ingest_report", shipped_run.processed)
    assert (report["status"] == "ok").sum() == 5
    items = tables.read_table("items", shipped_run.processed)
    southwark = items[items["council"] == "Southwark Council"]
    labels = set(southwark["label"])
    assert {f"Recommendation {i}" for i in range(1, 10)} <= labels


def test_briefing_is_written_without_code(shipped_run):
    html = (shipped_run.reports / "briefing.html").read_text(encoding="utf-8")
    assert "Partnership review briefing" in html
    assert "Southwark Council" in html
    assert "from helpers import" not in html
    assert "cdnjs" not in html and "require.js" not in html.lower()


def test_a_failing_notebook_is_named_in_one_line(tmp_path):
    empty = tmp_path / "raw"
    empty.mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "run", "--raw", str(empty), "--processed", str(tmp_path / "p"),
         "--reports", str(tmp_path / "r")],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 1
    error_lines = [l for l in proc.stderr.splitlines() if l.startswith("error:")]
    assert len(error_lines) == 1
    assert "01_ingest_documents" in error_lines[0] and "no document" in error_lines[0]
    assert (tmp_path / "r" / "workbook.log").read_text().strip()
