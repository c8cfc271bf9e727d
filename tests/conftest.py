"""Shared fixtures: the shipped corpus run once through the whole workbook."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers.config import PROJ_ROOT, Paths

RAW = PROJ_ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def shipped_run(tmp_path_factory) -> Paths:
    """Run ``python -m helpers run`` on the shipped corpus into a temporary folder."""
    out = tmp_path_factory.mktemp("shipped")
    paths = Paths(raw=RAW, processed=out / "processed", reports=out / "reports", annotations=PROJ_ROOT / "data" / "annotations")
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "run", "--raw", str(paths.raw), "--processed", str(paths.processed),
         "--reports", str(paths.reports), "--annotations", str(paths.annotations)],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, f"workbook run failed:\n{proc.stdout}\n{proc.stderr}"
    return paths


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
