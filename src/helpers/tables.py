"""The data contract: each table's schema, and atomic, validated reads and writes.

Every table lives in the processed folder as ``<name>.parquet`` with a ``<name>.csv``
copy for spreadsheet users. Writes go to a temporary file that is renamed into place,
so a run killed at any moment leaves the previous complete table.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from filelock import FileLock, Timeout

from . import codebook
from .errors import TableError, WorkbookError

_STR = pa.Column(str, nullable=True)


def _labels(values) -> pa.Column:
    return pa.Column(str, pa.Check.isin(list(values)), nullable=False)


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "documents": pa.DataFrameSchema(
        {
            "doc_id": pa.Column(str, unique=True),
            "file": pa.Column(str),
            "council": _STR,
            "body": _STR,
            "doc_type": pa.Column(str, pa.Check.isin(["minutes", "report", "scrutiny", "news", "web page", "other"])),
            "date": _STR,
            "year": pa.Column("Int64", pa.Check.in_range(1900, 2100), nullable=True),
            "title": _STR,
            "text": pa.Column(str),
            "n_chars": pa.Column(int, pa.Check.ge(0)),
            "sha256": pa.Column(str, pa.Check.str_length(64, 64)),
            "source_url": _STR,
        }
    ),
    "ingest_report": pa.DataFrameSchema(
        {
            "file": pa.Column(str),
            "status": _labels(["ok", "skipped", "error", "duplicate"]),
            "reason": _STR,
            "doc_id": _STR,
        }
    ),
    "items": pa.DataFrameSchema(
        {
            "item_id": pa.Column(str, unique=True),
            "doc_id": pa.Column(str),
            "council": _STR,
            "seq": pa.Column(int, pa.Check.ge(0)),
            "label": _STR,
            "text": pa.Column(str, pa.Check.str_length(min_value=1)),
            "start": pa.Column(int, pa.Check.ge(0)),
            "end": pa.Column(int, pa.Check.ge(0)),
            "kind": _labels(codebook.KINDS),
            "status": _labels(codebook.STATUSES),
            "theme": _labels(codebook.THEMES),
            "confidence": pa.Column(float, pa.Check.in_range(0, 1)),
            "cluster": pa.Column("Int64", nullable=True),
            "cluster_label": _STR,
        },
        checks=[pa.Check(lambda df: (df["end"] > df["start"]).all(), error="end must be after start")],
    ),
    "actions": pa.DataFrameSchema(
        {
            "doc_id": pa.Column(str),
            "council": _STR,
            "action": _labels(codebook.ACTIONS),
            "evidence": pa.Column(str),
            "start": pa.Column(int, pa.Check.ge(0)),
            "end": pa.Column(int, pa.Check.ge(0)),
            "confidence": pa.Column(float, pa.Check.in_range(0, 1)),
        }
    ),
    "councils": pa.DataFrameSchema(
        {
            "council": pa.Column(str, unique=True),
            "actions": _STR,
            "model": _STR,
            "years": _STR,
            "n_documents": pa.Column(int, pa.Check.ge(0)),
        }
    ),
}


def validate(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Check ``df`` against the schema of table ``name``; raise a TableError naming the problem."""
    schema = SCHEMAS.get(name)
    if schema is None:
        return df
    try:
        return schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        first = cases.head(3)
        where = "; ".join(
            f"column {row.column!r} failed {row.check} (value {row.failure_case!r}, row {row.index})"
            for row in first.itertuples()
        )
        raise TableError(f"table {name!r} does not match its schema: {where}") from exc


def check_offsets(spans: pd.DataFrame, documents: pd.DataFrame, name: str, column: str) -> None:
    """Every span's ``column`` must be exactly ``documents.text[start:end]`` of its document."""
    texts = dict(zip(documents["doc_id"], documents["text"]))
    bad = [
        i
        for i, (doc_id, start, end, text) in enumerate(
            zip(spans["doc_id"], spans["start"], spans["end"], spans[column])
        )
        if doc_id not in texts or texts[doc_id][start:end] != text
    ]
    if bad:
        raise TableError(
            f"table {name!r}: {column} does not match documents.text[start:end] at rows {bad[:5]}"
        )


def _atomic(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def atomic_write_text(path: Path, text: str) -> None:
    """Write a text file (HTML, Markdown, CSV) so that readers never see half of it."""
    _atomic(Path(path), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    _atomic(Path(path), lambda tmp: Path(tmp).write_bytes(data))


def write_table(df: pd.DataFrame, name: str, processed: Path, csv: bool = True) -> Path:
    """Validate and write table ``name`` as Parquet (and a CSV copy) atomically."""
    df = validate(df.reset_index(drop=True), name)
    processed = Path(processed)
    target = processed / f"{name}.parquet"
    _atomic(target, lambda tmp: df.to_parquet(tmp, index=False))
    if csv:
        _atomic(processed / f"{name}.csv", lambda tmp: df.to_csv(tmp, index=False, encoding="utf-8"))
    return target


def read_table(name: str, processed: Path) -> pd.DataFrame:
    """Read and validate table ``name``; a missing table names the notebook that writes it."""
    path = Path(processed) / f"{name}.parquet"
    if not path.exists():
        writer = WRITTEN_BY.get(name, "an earlier notebook")
        raise WorkbookError(f"table {name!r} not found in {processed}: run {writer} first")
    return validate(pd.read_parquet(path), name)


WRITTEN_BY = {
    "documents": "01_ingest_documents",
    "ingest_report": "01_ingest_documents",
    "items": "02_extract_items",
    "clusters": "03_cluster_themes",
    "actions": "04_compare_councils",
    "councils": "04_compare_councils",
}


@contextmanager
def run_lock(processed: Path):
    """Hold the processed folder for one run; a second run gets a clear message."""
    processed = Path(processed)
    processed.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(processed / ".workbook.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise WorkbookError(
            f"another workbook run is using {processed}; wait for it to finish, "
            "or point this run at another folder with --processed"
        ) from None
    try:
        yield
    finally:
        lock.release()
