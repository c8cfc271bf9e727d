"""Killed runs, errors a researcher meets, and hostile input folders.

The kill tests start from a complete run (the ``shipped_run`` fixture, copied), start
``python -m helpers run`` again and SIGKILL its whole process group (the CLI and the
notebook kernel) at a chosen moment, then check that every table still reads, validates
and agrees with the documents, that the CSV copies are whole, and that the briefing and
executed notebooks are complete files.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import cli, ingest, tables
from helpers.config import Paths
from helpers.errors import WorkbookError

TABLES = ["documents", "ingest_report", "items", "clusters", "actions", "councils"]


def cli_args(paths: Paths, *extra: str) -> list[str]:
    return [sys.executable, "-m", "helpers", "run", "--raw", str(paths.raw), "--processed", str(paths.processed),
            "--reports", str(paths.reports), "--annotations", str(paths.annotations), *extra]


def copy_run(shipped: Paths, tmp_path: Path) -> Paths:
    paths = Paths(raw=shipped.raw, processed=tmp_path / "processed", reports=tmp_path / "reports",
                  annotations=shipped.annotations)
    shutil.copytree(shipped.processed, paths.processed)
    shutil.copytree(shipped.reports, paths.reports)
    return paths


def temp_files(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob(".*.tmp*")]


def assert_outputs_whole(paths: Paths) -> None:
    """Every table reads and validates, spans match the documents, every report file is complete."""
    loaded = {name: tables.read_table(name, paths.processed) for name in TABLES}
    tables.check_offsets(loaded["items"], loaded["documents"], "items", "text")
    tables.check_offsets(loaded["actions"], loaded["documents"], "actions", "evidence")
    for name, df in loaded.items():
        assert len(pd.read_csv(paths.processed / f"{name}.csv")) == len(df), f"{name}.csv is not whole"
    assert (paths.reports / "briefing.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    for executed in (paths.reports / "executed").glob("[!.]*.ipynb"):  # not the hidden partial copies
        nbformat.read(executed, as_version=4)


def mtime(path: Path) -> float:
    return path.stat().st_mtime_ns if path.exists() else 0


def cell_running(folder: Path, pattern: str) -> bool:
    """papermill's copy in progress shows a cell running: the kernel is up and executing (a Ctrl-C
    that lands while the kernel is still starting is another matter than an interrupted run)."""
    for path in folder.glob(pattern):
        try:
            if '"status": "running"' in path.read_text(encoding="utf-8", errors="replace"):
                return True
        except OSError:  # renamed or removed between the listing and the read
            pass
    return False


def kill_when(paths: Paths, notebook: str, ready, sig: int = signal.SIGKILL) -> subprocess.CompletedProcess:
    """Run one notebook through the CLI and send ``sig`` to its process group as soon as ``ready()``."""
    # Ctrl-C as at a terminal: a run started in the background by a shell inherits SIGINT ignored
    proc = subprocess.Popen(cli_args(paths, "--only", notebook), start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while not ready() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert proc.poll() is None, f"{notebook} finished before the kill point:\n{proc.stderr.read()}"
    os.killpg(proc.pid, sig)
    out, err = proc.communicate(timeout=120)
    if sig != signal.SIGKILL:  # the kernel is in the group too: make sure nothing outlives the test
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_runs_killed_at_several_points_leave_whole_outputs(shipped_run, tmp_path):
    paths = copy_run(shipped_run, tmp_path)
    assert_outputs_whole(paths)
    p, r = paths.processed, paths.reports

    # 1. while the ingest notebook writes its tables (a temporary file exists, or documents just landed);
    #    the folder fingerprint is removed so that ingest rebuilds its tables rather than reading them back
    (p / ".cache" / "ingest-folder.sha256").unlink(missing_ok=True)
    before = mtime(p / "documents.parquet")
    kill_when(paths, "01_ingest_documents",
              lambda: any(p.glob(".*.tmp")) or mtime(p / "documents.parquet") != before)
    assert_outputs_whole(paths)

    # 2. between two tables of one notebook: actions rewritten, councils not yet
    before = mtime(p / "actions.parquet")
    kill_when(paths, "04_compare_councils", lambda: mtime(p / "actions.parquet") != before)
    assert_outputs_whole(paths)

    # 3. while the briefing notebook runs (its executed copy is being written): the old briefing stays
    briefing = (r / "briefing.html").read_bytes()
    kill_when(paths, "05_briefing", lambda: any((r / "executed").glob(".05_briefing.ipynb.*")))
    assert_outputs_whole(paths)
    assert (r / "briefing.html").read_bytes() == briefing
    assert temp_files(r), "the kill did not land while the executed copy was being written"

    # 4. Ctrl-C: the run stops with one line, removes its own temporary files, and it has already
    #    removed those the killed runs left behind (it started by sweeping them away)
    stopped = kill_when(paths, "02_extract_items", lambda: cell_running(r / "executed", ".02_*"), signal.SIGINT)
    assert stopped.returncode == 130, stopped.stderr
    assert error_lines(stopped.stderr, "interrupted") == ["interrupted: the previous complete tables are still in place"]
    assert temp_files(p, r) == [], (temp_files(p, r), stopped.stderr)
    assert_outputs_whole(paths)


# ---------------------------------------------------------------- errors a researcher meets


def error_lines(stderr: str, start: str = "error:") -> list[str]:
    """The researcher-facing part of stderr: from the ``error:`` line to the end."""
    lines = stderr.strip().splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith(start)]
    assert starts, stderr
    return lines[starts[-1]:]


def test_a_broken_manifest_gives_two_lines_naming_notebook_cell_file_and_fix(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("The partnership board should be reviewed.\n", encoding="utf-8")
    (raw / "manifest.csv").write_text("filename,council\na.txt,Testshire Council\n", encoding="utf-8")
    paths = Paths(raw=raw, processed=tmp_path / "p", reports=tmp_path / "r", annotations=tmp_path / "ann")
    proc = subprocess.run(cli_args(paths, "--only", "01_ingest_documents"), capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 1
    first, second = error_lines(proc.stderr)
    assert first.startswith("error: notebook 01_ingest_documents failed in cell [")
    assert f"{raw / 'manifest.csv'}: line 1: missing required column 'file' — add it to the header" in first
    assert "Traceback" not in proc.stderr
    log = paths.reports / "workbook.log"
    assert second == f"(details in {log})"
    text = log.read_text(encoding="utf-8")
    assert "notebook 01_ingest_documents failed in cell" in text and "InputFileError" in text
    assert "Traceback" in text or "---------" in text  # the kernel's traceback, as IPython prints it
    executed = nbformat.read(paths.reports / "executed" / "01_ingest_documents.ipynb", as_version=4)
    assert any(o.get("ename") == "InputFileError" for c in executed.cells for o in c.get("outputs", []))


def test_a_missing_raw_folder(tmp_path):
    with pytest.raises(WorkbookError) as info:
        ingest.ingest(tmp_path / "nowhere")
    assert str(info.value) == f"raw folder {tmp_path / 'nowhere'} does not exist: point --raw at your documents"


@pytest.fixture
def no_log_handlers():
    import logging

    root = logging.getLogger("helpers")
    before = list(root.handlers)
    yield
    for handler in root.handlers[len(before):]:
        root.removeHandler(handler)
        handler.close()


def test_an_unexpected_error_is_one_line_with_the_traceback_in_the_log(tmp_path, monkeypatch, capsys,
                                                                        no_log_handlers):
    from helpers import pipeline

    def broken(paths, only):
        return {}["missing key"]

    monkeypatch.setattr(pipeline, "run", broken)
    code = cli.main(["run", "--processed", str(tmp_path / "p"), "--reports", str(tmp_path / "r")])
    assert code == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == ["error: KeyError: 'missing key'", f"(full traceback in {tmp_path / 'r' / 'workbook.log'})"]
    log = (tmp_path / "r" / "workbook.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "def broken" not in log and "KeyError" in log


def test_a_workbook_error_is_logged_too(tmp_path, capsys, no_log_handlers):
    code = cli.main(["brief", "--council", "Nowhere", "--processed", str(tmp_path / "p"),
                     "--reports", str(tmp_path / "r")])
    assert code == 1
    first, second = capsys.readouterr().err.strip().splitlines()
    assert first.startswith("error: table 'councils' not found") and "run 04_compare_councils first" in first
    assert "WorkbookError" in (tmp_path / "r" / "workbook.log").read_text(encoding="utf-8")


# ---------------------------------------------------------------- untrusted files


def test_a_hostile_raw_folder_leaks_nothing_and_runs_nothing(tmp_path):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("SECRET-OUTSIDE-RAW: the partnership should be dissolved.", encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    marker = tmp_path / "EXECUTED"
    (raw / "minutes.txt").write_text("RESOLVED that the board should meet quarterly.\n", encoding="utf-8")
    (raw / "link.txt").symlink_to(secret)
    (raw / "evil.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n", encoding="utf-8")
    (raw / "evil.ipynb").write_text(json.dumps({"cells": [{"cell_type": "code", "source": f"open({str(marker)!r}, 'w')",
                                                           "metadata": {}, "outputs": []}],
                                                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    (raw / "page.html").write_text(
        "<html><body onload=\"fetch('x')\"><script>document.write('SCRIPT-RAN')</script>"
        "<p>The board agreed to merge the partnerships.</p>"
        f"<img src=\"file://{secret}\"><iframe src=\"file://{secret}\"></iframe></body></html>",
        encoding="utf-8",
    )
    (raw / "manifest.csv").write_text(f"file,council\n../outside/secret.txt,X\n{secret},Y\nminutes.txt,Z\n",
                                      encoding="utf-8")
    documents, report = ingest.ingest(raw, cache_dir=None)
    text = "\n".join(documents["text"])
    assert "SECRET-OUTSIDE-RAW" not in text and "SCRIPT-RAN" not in text
    assert "merge the partnerships" in text
    assert not marker.exists()
    status = dict(zip(report["file"], report["status"]))
    assert status["link.txt"] == "skipped" and status["evil.py"] == "skipped" and status["evil.ipynb"] == "skipped"
    assert status["../outside/secret.txt"] == "skipped" and status[str(secret)] == "skipped"
