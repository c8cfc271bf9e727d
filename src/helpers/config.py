"""Paths and settings: the one place every folder and tunable lives.

Every path can be overridden by an environment variable (``WORKBOOK_RAW``,
``WORKBOOK_PROCESSED``, ``WORKBOOK_REPORTS``, ``WORKBOOK_ANNOTATIONS``) or by
the notebook parameters that ``python -m helpers run`` passes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
#: Documents from other councils, coded by someone else: the out-of-sample measure (data/heldout/README.md).
HELDOUT_DIR = PROJ_ROOT / "data" / "heldout"

#: The seed for every random choice in the workbook.
SEED = 20261123
#: Files larger than this are skipped at ingest (megabytes).
MAX_FILE_MB = 50.0
#: Seconds one document may take to parse before it is reported and skipped.
PARSE_TIMEOUT_S = 60.0


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


@dataclass(frozen=True)
class Paths:
    """The workbook's folders. Raw and annotations are inputs; the rest is rebuilt."""

    raw: Path = field(default_factory=lambda: _env_path("WORKBOOK_RAW", PROJ_ROOT / "data" / "raw"))
    processed: Path = field(
        default_factory=lambda: _env_path("WORKBOOK_PROCESSED", PROJ_ROOT / "data" / "processed")
    )
    reports: Path = field(default_factory=lambda: _env_path("WORKBOOK_REPORTS", PROJ_ROOT / "reports"))
    annotations: Path = field(
        default_factory=lambda: _env_path("WORKBOOK_ANNOTATIONS", PROJ_ROOT / "data" / "annotations")
    )

    @classmethod
    def from_params(cls, raw=None, processed=None, reports=None, annotations=None) -> "Paths":
        """Build paths from notebook parameters; empty values fall back to the defaults."""
        base = cls()
        return cls(
            raw=Path(raw).resolve() if raw else base.raw,
            processed=Path(processed).resolve() if processed else base.processed,
            reports=Path(reports).resolve() if reports else base.reports,
            annotations=Path(annotations).resolve() if annotations else base.annotations,
        )

    def ensure_outputs(self) -> "Paths":
        self.processed.mkdir(parents=True, exist_ok=True)
        self.reports.mkdir(parents=True, exist_ok=True)
        return self
