"""The data contract: validated reads and writes, atomic files, the run lock."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from helpers import codebook, tables
from helpers.config import SEED
from helpers.errors import TableError, WorkbookError

TEXT = "The board should meet quarterly. RESOLVED that the partnership be dissolved."


def documents() -> pd.DataFrame:
    df = pd.DataFrame([{
        "doc_id": "doc-1", "file": "a.txt", "council": "Testshire Council", "body": None, "doc_type": "minutes",
        "date": None, "year": 2020, "title": "t", "text": TEXT, "n_chars": len(TEXT), "sha256": "a" * 64,
        "source_url": None,
    }])
    return df.astype({"year": "Int64"})


def items(n: int = 2) -> pd.DataFrame:
    spans = [(0, 32), (33, len(TEXT))]
    rows = [{
        "item_id": f"doc-1-{i:04d}", "doc_id": "doc-1", "council": "Testshire Council", "seq": i, "label": "",
        "text": TEXT[s:e], "start": s, "end": e, "kind": codebook.KINDS[0], "status": codebook.STATUSES[0],
        "theme": codebook.THEMES[0], "confidence": 0.5, "cluster": None, "cluster_label": None,
    } for i, (s, e) in enumerate(spans[:n])]
    return pd.DataFrame(rows).astype({"cluster": "Int64"})


def message(df: pd.DataFrame, name: str = "items") -> str:
    with pytest.raises(TableError) as info:
        tables.validate(df, name)
    return str(info.value)


# ---------------------------------------------------------------- validation messages


def test_valid_tables_pass():
    tables.validate(documents(), "documents")
    tables.validate(items(), "items")


def test_unknown_label_names_table_column_row_id_value_and_allowed_labels():
    df = items()
    df.loc[1, "theme"] = "Governance"
    text = message(df)
    assert text.startswith("table 'items' does not match its schema: column 'theme'")
    assert "row 1 (item_id 'doc-1-0001', 'Governance')" in text
    assert all(theme in text for theme in codebook.THEMES)


def test_duplicate_ids():
    df = items()
    df.loc[1, "item_id"] = df.loc[0, "item_id"]
    assert "column 'item_id' has duplicate values at rows 0 ('doc-1-0000'), 1 ('doc-1-0000')" in message(df)


def test_missing_column_and_wrong_type():
    assert "column 'theme' is missing" in message(items().drop(columns="theme"))
    df = items().astype({"seq": object})
    df.loc[1, "seq"] = "two"
    text = message(df)
    assert "column 'seq' should hold int64 values at row 1 (item_id 'doc-1-0001', 'two')" in text
    assert "≥" not in text  # the range check on a mistyped column would only repeat the type error


def test_table_wide_check_is_reported_once_with_its_rows():
    df = items()
    df.loc[1, "end"] = df.loc[1, "start"]
    text = message(df)
    assert text == "table 'items' does not match its schema: end must be after start at row 1 (item_id 'doc-1-0001')"


def test_many_offending_rows_are_summarised():
    df = pd.concat([items(1)] * 8, ignore_index=True)
    df["item_id"] = [f"i{i}" for i in range(8)]
    df["kind"] = "wish"
    assert "at rows 0 (item_id 'i0', 'wish'), 1 (item_id 'i1', 'wish'), 2 (item_id 'i2', 'wish') and 5 more" in message(df)


def test_documents_n_chars_and_sha256():
    df = documents()
    df.loc[0, "n_chars"] = 3
    df.loc[0, "sha256"] = "not-a-hash"
    text = message(df, "documents")
    assert "n_chars must be len(text) at row 0 (doc_id 'doc-1')" in text
    assert "column 'sha256'" in text


def test_check_offsets_names_row_and_both_texts():
    df = items()
    df.loc[1, "text"] = "RESOLVED that the board be dissolved."
    with pytest.raises(TableError) as info:
        tables.check_offsets(df, documents(), "items", "text")
    assert "table 'items': column 'text' does not match documents.text[start:end] at rows [1]" in str(info.value)
    assert "RESOLVED that the partnership" in str(info.value)


# ---------------------------------------------------------------- validated write and read


def test_write_then_read_round_trip_with_csv_copy(tmp_path):
    tables.write_table(documents(), "documents", tmp_path)
    tables.write_table(items(), "items", tmp_path)
    back = tables.read_table("items", tmp_path)
    assert back["text"].tolist() == items()["text"].tolist()
    assert pd.read_csv(tmp_path / "items.csv")["item_id"].tolist() == back["item_id"].tolist()
    assert not list(tmp_path.glob(".*.tmp*"))


def test_write_refuses_an_invalid_table_and_keeps_the_old_one(tmp_path):
    tables.write_table(items(), "items", tmp_path)
    before = (tmp_path / "items.parquet").read_bytes()
    bad = items()
    bad.loc[0, "status"] = "maybe"
    with pytest.raises(TableError, match="column 'status'.*bug in the workbook"):
        tables.write_table(bad, "items", tmp_path)
    assert (tmp_path / "items.parquet").read_bytes() == before


def test_write_checks_offsets_against_documents_in_the_folder(tmp_path):
    tables.write_table(documents(), "documents", tmp_path)
    bad = items()
    bad.loc[0, "start"] = 1
    with pytest.raises(TableError, match="does not match documents.text"):
        tables.write_table(bad, "items", tmp_path)


def test_read_of_a_hand_edited_table_names_the_notebook_to_rerun(tmp_path):
    bad = items()
    bad.loc[1, "kind"] = "wish"
    bad.to_parquet(tmp_path / "items.parquet")  # as if edited outside the workbook
    with pytest.raises(TableError) as info:
        tables.read_table("items", tmp_path)
    assert "column 'kind'" in str(info.value) and "re-run 02_extract_items" in str(info.value)


def test_read_checks_offsets_against_the_documents_table(tmp_path):
    tables.write_table(items(), "items", tmp_path)
    other = documents()
    other["text"] = TEXT.upper()
    tables.write_table(other, "documents", tmp_path)  # documents re-ingested, items stale
    with pytest.raises(TableError, match="re-run 01_ingest_documents and then 02_extract_items"):
        tables.read_table("items", tmp_path)


def test_damaged_and_missing_tables(tmp_path):
    tables.write_table(items(), "items", tmp_path)
    path = tmp_path / "items.parquet"
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(TableError, match=r"cannot be read .* delete it and re-run 02_extract_items"):
        tables.read_table("items", tmp_path)
    with pytest.raises(WorkbookError, match="run 04_compare_councils first"):
        tables.read_table("actions", tmp_path)


# ---------------------------------------------------------------- atomic files


def test_a_failed_write_leaves_the_previous_file_and_no_temp_file(tmp_path):
    target = tmp_path / "briefing.html"
    tables.atomic_write_text(target, "<html>old</html>")
    with pytest.raises(RuntimeError), tables.atomic_output(target) as tmp:
        tmp.write_text("<html>half")
        raise RuntimeError("killed half-way")
    assert target.read_text() == "<html>old</html>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.html"]


def test_stale_temp_files_of_dead_processes_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    stale = tmp_path / f".items.parquet.{dead_pid}.abc123.tmp"
    stale_nb = tmp_path / "executed" / f".05_briefing.ipynb.{dead_pid}.x_y.tmp.ipynb"
    live = tmp_path / f".items.csv.{os.getpid()}.def456.tmp"
    for path in (stale, stale_nb, live):
        path.parent.mkdir(exist_ok=True)
        path.write_text("partial")
    assert sorted(tables.remove_stale_temp_files(tmp_path)) == sorted([stale, stale_nb])
    assert live.exists()


def _rewrite_forever(out: Path, n: int, started) -> None:
    versions = [pd.DataFrame({"file": [f"{v}-{i}.txt" for i in range(n)], "status": "ok", "reason": "r" * 40,
                              "doc_id": None}) for v in "ab"]
    started.set()
    for i in itertools.count():
        tables.write_table(versions[i % 2], "ingest_report", out)


def test_sigkill_during_writes_never_leaves_a_half_table(tmp_path):
    """Kill a process rewriting a large table at random moments: the table always reads whole."""
    rng = random.Random(SEED)
    fork = multiprocessing.get_context("fork")  # the child starts at once, with everything imported
    out = tmp_path / "processed"
    n = 20_000
    first = pd.DataFrame({"file": [f"0-{i}.txt" for i in range(n)], "status": "ok", "reason": "", "doc_id": None})
    tables.write_table(first, "ingest_report", out)
    versions = set()
    for _ in range(6):
        started = fork.Event()
        child = fork.Process(target=_rewrite_forever, args=(out, n, started))
        child.start()
        assert started.wait(30)
        time.sleep(rng.uniform(0.05, 1.0))  # one write takes ~0.2-0.5 s: kills land inside and between writes
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        table = tables.read_table("ingest_report", out)
        assert len(table) == n and table["file"].str[0].nunique() == 1
        assert len(pd.read_csv(out / "ingest_report.csv")) == n
        versions.add(table["file"].iloc[0][0])
    assert versions - {"0"}, "no write finished before a kill: the test did not exercise anything"
    assert tables.remove_stale_temp_files(out), "no kill landed inside a write: the test did not exercise anything"
    assert sorted(p.name for p in out.iterdir()) == ["ingest_report.csv", "ingest_report.parquet"]


# ---------------------------------------------------------------- the run lock

_HOLDER = """
import sys, time
from helpers.tables import run_lock
with run_lock(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(120)
"""


def test_a_second_run_into_the_same_folder_is_refused_while_the_first_holds_it(tmp_path):
    processed, reports = tmp_path / "processed", tmp_path / "reports"
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(processed)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        second = subprocess.run(
            [sys.executable, "-m", "helpers", "run", "--processed", str(processed), "--reports", str(reports)],
            capture_output=True, text=True, timeout=120,
        )
        assert second.returncode == 1
        lines = second.stderr.strip().splitlines()
        assert lines[0] == (f"error: another workbook run is using {processed}; wait for it to finish, "
                            "or point this run at another folder with --processed")
        assert lines[1] == f"(details in {reports / 'workbook.log'})"
        assert not (reports / "executed").exists()  # refused before running anything
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with tables.run_lock(processed):  # a killed run does not leave the folder locked
        pass
