"""Run the numbered notebooks in order with papermill and export the briefing."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from .config import NOTEBOOKS_DIR, Paths
from .errors import WorkbookError, log_to
from .tables import atomic_output, remove_stale_temp_files, run_lock

log = logging.getLogger("helpers.pipeline")

NOTEBOOKS = [
    "01_ingest_documents",
    "02_extract_items",
    "03_cluster_themes",
    "04_compare_councils",
    "05_briefing",
    "06_review_and_export",
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


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: Errors raised on purpose for the researcher: their message is the whole story.
_OWN_ERRORS = {cls.__name__ for cls in (WorkbookError, *WorkbookError.__subclasses__())}


def _failure_message(name: str, exc, output: Path) -> str:
    """One line naming the notebook, the cell and the error; the traceback goes to the log."""
    log.error("notebook %s failed in cell [%s] (executed copy: %s):\n%s", name, exc.exec_count, output,
              _ANSI.sub("", "\n".join(exc.traceback or [])))
    first_line = next((ln.strip() for ln in (exc.source or "").splitlines() if ln.strip()), "")
    lines = [ln.strip() for ln in _ANSI.sub("", str(exc.evalue)).splitlines() if ln.strip()]
    error = (lines[0] if lines else "")[:400]
    if exc.ename not in _OWN_ERRORS:
        error = f"{exc.ename}: {error}"
    return f"notebook {name} failed in cell [{exc.exec_count}] `{first_line[:80]}`: {error}"


def execute(name: str, paths: Paths, extra: dict | None = None, output_name: str | None = None) -> Path:
    """Execute one notebook on a fresh kernel; raise WorkbookError naming the failing cell."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    source = NOTEBOOKS_DIR / f"{name}.ipynb"
    if not source.exists():
        raise WorkbookError(f"notebook {source} is missing from this checkout")
    output = paths.reports / "executed" / f"{output_name or name}.ipynb"
    failure = None
    with atomic_output(output, suffix=".tmp.ipynb") as partial:  # a killed run leaves the previous copy
        try:
            pm.execute_notebook(
                str(source),
                str(partial),
                parameters=_parameters(paths, extra),
                kernel_name="python3",
                progress_bar=False,
                cwd=str(NOTEBOOKS_DIR),
                extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no kernel start-up chatter on the terminal
            )
        except PapermillExecutionError as exc:  # keep the executed copy: it shows the traceback
            failure = exc
    if failure is not None:
        raise WorkbookError(_failure_message(name, failure, output)) from None
    return output


def run(paths: Paths, notebooks: list[str] | None = None) -> Path:
    """Run the whole workbook (or the named notebooks); returns the path of the briefing."""
    from .brief import export_html

    paths.ensure_outputs()
    log_to(paths.reports)
    names = notebooks or NOTEBOOKS
    briefing = paths.reports / "briefing.html"
    with run_lock(paths.processed):
        remove_stale_temp_files(paths.reports)
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
    """Write ``reports/briefing-<council>.html`` focused on one council (the name as in the councils table,
    any case, or a unique part of it)."""
    from .brief import export_html, resolve_council
    from .tables import read_table

    paths.ensure_outputs()
    log_to(paths.reports)
    council = resolve_council(council, read_table("councils", paths.processed))
    name = f"{BRIEFING_NOTEBOOK}-{slug(council)}"
    with run_lock(paths.processed):
        executed = execute(BRIEFING_NOTEBOOK, paths, {"council": council}, output_name=name)
    out = paths.reports / f"briefing-{slug(council)}.html"
    export_html(executed, out, title=f"Partnership review briefing: {council}")
    print(f"briefing: {out}")
    return out
