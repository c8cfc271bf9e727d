"""The notebooks are stored clean, numbered, and parameterised."""

from __future__ import annotations

import json
import re

from helpers.config import NOTEBOOKS_DIR
from helpers.pipeline import NOTEBOOKS


def _load(name):
    return json.loads((NOTEBOOKS_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))


def test_the_series_is_numbered_and_complete():
    on_disk = sorted(p.stem for p in NOTEBOOKS_DIR.glob("*.ipynb"))
    assert on_disk == sorted(NOTEBOOKS)
    assert all(re.fullmatch(r"\d\d_[a-z_]+", n) for n in on_disk)


def test_notebooks_are_stored_without_outputs():
    for name in NOTEBOOKS:
        for cell in _load(name)["cells"]:
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [], f"{name} has stored outputs: clear them before committing"
                assert cell.get("execution_count") is None, f"{name} has execution counts"


def test_each_notebook_has_one_parameters_cell_and_says_what_it_reads_and_writes():
    for name in NOTEBOOKS:
        cells = _load(name)["cells"]
        tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, name
        assert "raw_dir" in "".join(tagged[0]["source"])
        if name != "05_briefing":
            intro = "".join(cells[0]["source"])
            assert "**Reads:**" in intro and "**Writes:**" in intro, name


def test_notebooks_stay_thin():
    """Logic lives in helpers: no function or class definitions, no file I/O, no pip in cells."""
    for name in NOTEBOOKS:
        for cell in _load(name)["cells"]:
            if cell["cell_type"] != "code":
                continue
            src = "".join(cell["source"])
            assert not re.search(r"^\s*(def|class) ", src, re.M), name
            assert "open(" not in src and "pip install" not in src and "sys.path" not in src, name
