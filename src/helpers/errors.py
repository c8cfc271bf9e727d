"""Errors a researcher meets: one or two lines naming the file and the fix."""

from __future__ import annotations

import logging
from pathlib import Path


class WorkbookError(Exception):
    """An error with a message meant for the researcher, not a traceback."""


class TableError(WorkbookError):
    """A table does not match its declared schema."""


class InputFileError(WorkbookError):
    """A hand-edited input file (manifest, overrides, gold) has a problem."""


class InputFileWarning(UserWarning):
    """A hand-edited input file has something the workbook ignores (e.g. an unknown column)."""


def log_to(reports_dir: Path) -> Path:
    """Send the full tracebacks of this process to ``reports/workbook.log``."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    path = reports_dir / "workbook.log"
    root = logging.getLogger("helpers")
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        for name in QUIET_LOGGERS:  # into the log, not onto the researcher's terminal
            logger = logging.getLogger(name)
            logger.propagate = False
            logger.handlers = [h for h in logger.handlers if not isinstance(h, logging.FileHandler)] + [handler]
    return path


#: Libraries that log to the terminal: the event loop of the kernel's connection reports a channel
#: closed under it after a failed cell as an ERROR with a traceback (seen when the machine is busy).
QUIET_LOGGERS = ("tornado",)
