"""Run the numbered notebooks in order with papermill and export the briefing."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from .config import NOTEBOOKS_DIR, Paths
from .errors import WorkbookError, log_to
from .tables import run_lock

log = logging.getLogger("helpers.pipeline")

NOTEBOOKS = [
    "01_ingest_documents",
    "02_extract_items",
    "03_cluster_themes",
    "04_compare_councils",
    "05_briefing",
]
BRIEFING_NOTEBOOK = "05_briefing"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "council"


def _parameters(paths: Paths, extra: dict | None = None) -> dict:
    params = {
        "raw_dir": str(paths.raw),
        "processed_dir": str(paths.processed),
        "reports_dir": str(paths.reports),
        "annotations_dir": str(paths.annotations),
    }
    params.update(extra or {})
    return params


def execute(name: str, paths: Paths, extra: dict | None = None, output_name: str | None = None) -> Path:
    """Execute one notebook on a fresh kernel; raise WorkbookError naming the failing cell."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    source = NOTEBOOKS_DIR / f"{name}.ipynb"
    if not source.exists():
        raise WorkbookError(f"notebook {source} is missing from this checkout")
    out_dir = paths.reports / "executed"
    out_dir.mkdir(parents=True, exist_ok=True)
    output = out_dir / f"{output_name or name}.ipynb"
    try:
        pm.execute_notebook(
            str(source),
            str(output),
            parameters=_parameters(paths, extra),
            kernel_name="python3",
            progress_bar=False,
            cwd=str(NOTEBOOKS_DIR),
        )
    except PapermillExecutionError as exc:
        log.error("notebook %s failed in cell %s:\n%s", name, exc.exec_count, "\n".join(exc.traceback or []))
        evalue = re.sub(r"\x1b\[[0-9;]*m", "", str(exc.evalue)).strip().splitlines()
        raise WorkbookError(
            f"notebook {name} failed in cell {exc.exec_count}: {exc.ename}: {evalue[-1] if evalue else ''}"
            f" (executed copy with the traceback: {output})"
        ) from None
    return output


def run(paths: Paths, notebooks: list[str] | None = None) -> Path:
    """Run the whole workbook (or the named notebooks); returns the path of the briefing."""
    from .brief import export_html

    paths.ensure_outputs()
    log_to(paths.reports)
    names = notebooks or NOTEBOOKS
    briefing = paths.reports / "briefing.html"
    with run_lock(paths.processed):
        for i, name in enumerate(names, start=1):
            t0 = time.perf_counter()
            print(f"[{i}/{len(names)}] {name} …", end="", flush=True)
            executed = execute(name, paths)
            print(f" done in {time.perf_counter() - t0:.1f} s", flush=True)
            if name == BRIEFING_NOTEBOOK:
                export_html(executed, briefing)
                print(f"briefing: {briefing}", flush=True)
    return briefing


def brief_council(paths: Paths, council: str) -> Path:
    """Write ``reports/briefing-<council>.html`` focused on one council."""
    from .brief import export_html

    paths.ensure_outputs()
    log_to(paths.reports)
    name = f"{BRIEFING_NOTEBOOK}-{slug(council)}"
    with run_lock(paths.processed):
        executed = execute(BRIEFING_NOTEBOOK, paths, {"council": council}, output_name=name)
    out = paths.reports / f"briefing-{slug(council)}.html"
    export_html(executed, out, title=f"Partnership review briefing: {council}")
    print(f"briefing: {out}")
    return out
